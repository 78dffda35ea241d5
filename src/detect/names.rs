//! Words that may be a person's name, in English, Swedish and Dutch stories.
//!
//! Signals, each cheap and explainable to a moderator:
//! - a title or honorific (Mr, Ms., Dr, herr, fru, juf, meneer, mevrouw, …): the name after
//!   it, even in lower case ("juf annemiek", "meneer van rijn") and even after "Mr." (whose
//!   full stop does not start a sentence); the title itself stays ("Mr. [name]");
//! - a capitalised word inside a sentence ("said Anna", "Malmö"), unless it is a weekday, a
//!   month in a date ("in May"), "I", a language or another word English capitalises;
//! - a capitalised word that starts a sentence and is no common word of the three languages
//!   (`web/data/words/`: "Keisha said", but not "Yesterday");
//! - a given name or surname from the shipped lists (`web/data/names/`) anywhere: at the
//!   start of a sentence, in lower case ("erik pushed me"), with a possessive ("Annas") —
//!   unless it is also an ordinary word ("Will", "Per", "Roos");
//! - an initial ("J. from the warehouse");
//! - a word found as a name once is a name wherever it recurs in the story ("Will said …
//!   and Will knows": the second makes the first);
//! - neighbouring name words and Dutch particles join: "Jan van der Berg" is one span.

use std::collections::HashMap;
use std::sync::LazyLock;

type Words = std::collections::HashSet<&'static str>;

/// The most frequent words of English, Swedish and Dutch, lower case, one set each.
static COMMON_WORDS: LazyLock<[Words; 3]> = LazyLock::new(|| {
    let set = |file: &'static str| file.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
    [
        set(include_str!("../../web/data/words/common-en.txt")),
        set(include_str!("../../web/data/words/common-sv.txt")),
        set(include_str!("../../web/data/words/common-nl.txt")),
    ]
});

/// Every listed given name and surname, lower case; true when it is also an ordinary word
/// in one of the languages.
static LISTED: LazyLock<HashMap<&'static str, bool>> = LazyLock::new(|| {
    let files = [
        include_str!("../../web/data/names/given-en.txt"),
        include_str!("../../web/data/names/given-sv.txt"),
        include_str!("../../web/data/names/given-nl.txt"),
        include_str!("../../web/data/names/surnames-en.txt"),
        include_str!("../../web/data/names/surnames-sv.txt"),
        include_str!("../../web/data/names/surnames-nl.txt"),
    ];
    let mut all: HashMap<&'static str, bool> = HashMap::new();
    for line in files.iter().flat_map(|f| f.lines()) {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (name, word) = match line.split_once('\t') {
            Some((name, mark)) => (name.trim(), mark.trim() == "word"),
            None => (line, false),
        };
        // Particle surnames ("van dijk") are found by the particle rule instead.
        if !name.contains(' ') {
            *all.entry(name).or_default() |= word;
        }
    }
    all
});

/// Titles after which the next word is a name whatever its case.
const STRONG_TITLES: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "herr", "fru", "fröken", "frk", "juf", "juffrouw", "meneer",
    "mevrouw", "mevr", "mw", "dhr", "mijnheer",
];

/// Titles after which a capitalised word is a name (already flagged inside a sentence; the
/// title carries it over a full stop or the start of a sentence).
const WEAK_TITLES: &[&str] = &[
    "miss",
    "sir",
    "madam",
    "dame",
    "lady",
    "lord",
    "doktor",
    "dokter",
    "magister",
    "rektor",
    "meester",
    "coach",
    "teacher",
    "professor",
    "nurse",
    "father",
    "sister",
    "brother",
    "uncle",
    "aunt",
];

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "frk", "mevr", "mw", "dhr", "st", "jr", "sr", "vs", "nr", "ca",
    "bijv", "resp", "dvs", "ev", "jfr", "mm", "pga", "tex",
];

/// Dutch and Flemish name particles: "van der" between two name words joins them.
const PARTICLES: &[&str] =
    &["van", "de", "der", "den", "ter", "ten", "te", "het", "'t", "la", "le", "von", "da", "di"];

/// Words English (and careful Swedish or Dutch writers) capitalise that are not names.
const NOT_NAMES: &[&str] = &[
    "i",
    "i'm",
    "i'd",
    "i've",
    "i'll",
    "ok",
    "okay",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "måndag",
    "tisdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lördag",
    "söndag",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
    "januari",
    "februari",
    "mars",
    "maart",
    "mei",
    "juni",
    "juli",
    "augusti",
    "augustus",
    "oktober",
    "christmas",
    "easter",
    "ramadan",
    "eid",
    "halloween",
    "xmas",
    "jul",
    "påsk",
    "kerst",
    "pasen",
    "english",
    "swedish",
    "dutch",
    "german",
    "french",
    "spanish",
    "arabic",
    "somali",
    "polish",
    "turkish",
    "finnish",
    "danish",
    "norwegian",
    "italian",
    "persian",
    "kurdish",
    "tigrinya",
    "ukrainian",
    "russian",
    "chinese",
    "european",
    "african",
    "asian",
    "american",
    "british",
    "muslim",
    "christian",
    "jewish",
    "god",
    "mum",
    "mom",
    "dad",
    "mam",
    "mummy",
    "daddy",
    "maths",
    "math",
    "science",
    "history",
    "biology",
    "chemistry",
    "physics",
    "geography",
    "internet",
    "covid",
    "zoom",
    "teams",
    "whatsapp",
    "instagram",
    "snapchat",
    "tiktok",
    "facebook",
    "excel",
    "word",
];

fn is_title(word: &str, list: &[&str]) -> bool {
    list.contains(&word.to_lowercase().trim_end_matches('.'))
}

/// The name a word may be: itself, or without a possessive ending ("Anna's", "Annas").
fn lookup(word: &str) -> Option<bool> {
    let lower = word.to_lowercase();
    let bare = lower.trim_end_matches(['\'', '’']);
    for candidate in [
        Some(bare),
        bare.strip_suffix("'s").or_else(|| bare.strip_suffix("’s")),
        bare.strip_suffix('s').filter(|b| b.chars().count() >= 3),
    ]
    .into_iter()
    .flatten()
    {
        if let Some(word) = LISTED.get(candidate) {
            return Some(*word);
        }
    }
    None
}

fn capitalised(word: &str) -> bool {
    let mut letters = word.chars();
    letters.next().is_some_and(char::is_uppercase) && word.chars().any(char::is_lowercase)
}

/// One word of the text: its byte span, its text, whether a sentence starts with it, and
/// whether only spaces separate it from the word before.
struct Token<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    sentence_start: bool,
    joined: bool,
    /// A full stop right after it ("Mr.", "J.").
    stop_after: bool,
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    let in_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
    let mut out: Vec<Token> = Vec::new();
    let mut sentence_start = true;
    let mut joined = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !in_word(d) {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            let word = text[i..end].trim_end_matches(['\'', '’', '-']);
            let end = i + word.len();
            let stop_after = text[end..].starts_with('.');
            out.push(Token { start: i, end, text: word, sentence_start, joined, stop_after });
            sentence_start = false;
            joined = true;
            continue;
        }
        if c == '.' {
            // An abbreviation's or an initial's full stop does not end the sentence.
            let abbreviation = out.last().is_some_and(|t| {
                t.end == i
                    && (ABBREVIATIONS.contains(&t.text.to_lowercase().as_str())
                        || (t.text.chars().count() == 1 && t.text.chars().all(char::is_uppercase)))
            });
            if !abbreviation {
                sentence_start = true;
            }
            joined = false;
        } else if "!?\n:;\"“”«»•".contains(c) || (c == '-' && out.last().is_none_or(|t| t.end < i)) {
            sentence_start = c != '-' || text[..i].trim_end().ends_with('\n') || text[..i].trim().is_empty();
            joined = false;
        } else if c != ' ' {
            joined = false;
        }
    }
    out
}

/// Endings of English, Swedish and Dutch inflections, longest first.
const ENDINGS: &[&str] = &[
    "ing", "ade", "ede", "ning", "het", "heid", "lijk", "lig", "ly", "ed", "es", "en", "et", "ar", "er",
    "or", "na", "de", "te", "d", "s", "t", "e", "n",
];

/// A long word with an ending verbs and adverbs have and names hardly ever do
/// ("Vetoed", "Whispering", "Apparently", "Skrattade", "Eerlijk").
fn inflected(lower: &str) -> bool {
    lower.chars().count() >= 6
        && ["ed", "ing", "ly", "ade", "ning", "lijk", "heid", "ligt", "isch"]
            .iter()
            .any(|e| lower.ends_with(e))
}

/// Months that are also given names: a name unless the words around make it a date.
const NAME_MONTHS: &[&str] = &["may", "june", "april", "august", "maj", "juni", "mei"];

/// Words before a month that make it a date ("in May", "sedan juni").
const DATE_WORDS: &[&str] = &[
    "in", "on", "of", "since", "until", "till", "by", "from", "last", "next", "this", "early", "late", "mid",
    "end", "before", "after", "during", "through", "i", "sedan", "från", "till", "innan", "efter", "förra",
    "nästa", "denna", "under", "slutet", "början", "mitten", "op", "sinds", "tot", "vanaf", "vorige",
    "volgende", "deze", "eind", "begin", "half", "na", "voor", "tijdens",
];

fn date_context(tokens: &[Token], i: usize) -> bool {
    let before = i.checked_sub(1).map(|p| tokens[p].text.to_lowercase());
    let number = |t: Option<&Token>| t.is_some_and(|t| t.text.chars().all(|c| c.is_ascii_digit()));
    before.is_some_and(|b| DATE_WORDS.contains(&b.as_str()))
        || number(tokens.get(i + 1))
        || number(i.checked_sub(1).map(|p| &tokens[p]))
}

/// The common words of the story's language: the one whose common words it uses most (a
/// story is written in one language; "wei" is Dutch for meadow, not an English word).
fn language_of(tokens: &[Token]) -> &'static Words {
    let hits =
        |words: &Words| tokens.iter().filter(|t| words.contains(t.text.to_lowercase().as_str())).count();
    COMMON_WORDS.iter().max_by_key(|w| hits(w)).expect("three languages")
}

/// A story written without capitals: most of its sentences start in lower case.
fn lower_case_style(tokens: &[Token]) -> bool {
    let starts: Vec<&Token> = tokens.iter().filter(|t| t.sentence_start).collect();
    let lower = starts.iter().filter(|t| t.text.chars().next().is_some_and(char::is_lowercase)).count();
    !starts.is_empty() && lower * 2 >= starts.len()
}

/// The word a possessive ending hangs on: "Wei's" → "Wei".
fn stem(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word).trim_end_matches(['\'', '’'])
}

/// Byte spans of the words that may be names, neighbouring ones joined.
pub fn find(text: &str) -> Vec<(usize, usize)> {
    let tokens = tokens(text);
    let n = tokens.len();
    let words = language_of(&tokens);
    // A common word, or an inflection of one ("Vetoed", "Pratade", "Gezegd" start sentences
    // too): its stem without a usual ending is common.
    let common = |word: &str| {
        words.contains(word)
            || ENDINGS.iter().any(|e| {
                word.strip_suffix(e).is_some_and(|stem| stem.chars().count() >= 3 && words.contains(stem))
            })
    };
    let lower_case = lower_case_style(&tokens);
    let title = |i: usize| is_title(tokens[i].text, STRONG_TITLES) || is_title(tokens[i].text, WEAK_TITLES);
    let particle = |i: usize| PARTICLES.contains(&tokens[i].text.to_lowercase().as_str());
    // Words that may never be names here (a title, "I", a weekday, a month in a date).
    let never: Vec<bool> = (0..n)
        .map(|i| {
            let lower = tokens[i].text.to_lowercase();
            // Words with digits ("7C", "2b8e") are codes, rooms and classes, not names.
            title(i)
                || tokens[i].text.chars().any(|c| c.is_ascii_digit())
                || NOT_NAMES.contains(&lower.as_str()) && !NAME_MONTHS.contains(&lower.as_str())
                || NAME_MONTHS.contains(&lower.as_str()) && date_context(&tokens, i)
        })
        .collect();
    let mut flagged = vec![false; n];
    for (i, t) in tokens.iter().enumerate() {
        if never[i] {
            continue;
        }
        let lower = t.text.to_lowercase();
        let listed = lookup(t.text);
        let previous = i.checked_sub(1);
        let after_title = previous.is_some_and(|p| {
            let p_tok = &tokens[p];
            (is_title(p_tok.text, STRONG_TITLES) && (t.joined || p_tok.stop_after))
                || (is_title(p_tok.text, WEAK_TITLES) && capitalised(t.text))
        });
        let initial =
            t.text.chars().count() == 1 && t.stop_after && capitalised_initial(t.text) && t.text != "I";
        flagged[i] = if after_title || initial || capitalised(t.text) && !t.sentence_start {
            true
        } else if capitalised(t.text) {
            // At the start of a sentence: a listed name, or a word no language here knows.
            listed == Some(false)
                || listed.is_none()
                    && !common(stem(&lower))
                    && !common(&lower)
                    && lower.chars().count() > 1
                    && !inflected(&lower)
        } else if lower_case {
            // Someone who writes without capitals writes names without them too.
            listed.is_some() && !common(&lower) && !common(stem(&lower))
        } else {
            listed == Some(false) && !common(&lower)
        };
        // After a title, the particles of a Dutch name come first: "meneer van rijn".
        if after_title && particle(i) {
            let mut k = i;
            while k < n && particle(k) && tokens[k].joined {
                flagged[k] = true;
                k += 1;
            }
            if k < n && tokens[k].joined {
                flagged[k] = true;
            }
        }
    }
    // A word found as a name is a name wherever it recurs in the story, in the same form.
    let names: std::collections::HashSet<&str> =
        (0..n).filter(|&i| flagged[i] && capitalised(tokens[i].text)).map(|i| stem(tokens[i].text)).collect();
    for i in 0..n {
        if !flagged[i] && !never[i] && names.contains(stem(tokens[i].text)) {
            flagged[i] = true;
        }
    }
    // A capitalised particle that starts a sentence belongs to the name after it: "De Vries".
    for i in 0..n.saturating_sub(1) {
        if tokens[i].sentence_start
            && capitalised(tokens[i].text)
            && particle(i)
            && flagged[i + 1]
            && tokens[i + 1].joined
        {
            flagged[i] = true;
        }
    }
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        if !flagged[i] {
            i += 1;
            continue;
        }
        let start = tokens[i].start;
        let mut end = tokens[i].end;
        let mut j = i + 1;
        loop {
            // Particles between name words: "Jan van der Berg", "Anna de Vries".
            let mut k = j;
            while k < n && tokens[k].joined && particle(k) {
                k += 1;
            }
            if k < n && tokens[k].joined && (flagged[k] || k > j && capitalised(tokens[k].text)) {
                end = tokens[k].end;
                j = k + 1;
            } else {
                break;
            }
        }
        spans.push((start, end));
        i = j;
    }
    spans
}

fn capitalised_initial(word: &str) -> bool {
    word.chars().all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn titles_carry_a_name_over_a_full_stop_and_lower_case() {
        assert_eq!(names("Yesterday Mr. Larsson shouted."), ["Larsson"]);
        assert_eq!(names("I told Ms. Patel about it"), ["Patel"]);
        assert_eq!(names("juf annemiek zei niks"), ["annemiek"]);
        assert_eq!(names("Mr. Larsson shouted."), ["Larsson"]);
    }

    #[test]
    fn weekdays_months_and_sentence_starts_are_not_names() {
        assert!(names("It happens every Tuesday. Nobody cares in March.").is_empty());
        assert!(names("Then I left. Everyone laughed!").is_empty());
    }

    #[test]
    fn listed_names_count_at_a_sentence_start_and_in_lower_case() {
        assert_eq!(names("Larsson never listens. then erik pushed me"), ["Larsson", "erik"]);
        assert_eq!(names("I will mark it. Will you?"), Vec::<&str>::new());
    }

    #[test]
    fn particles_join_a_dutch_name() {
        assert_eq!(names("Ik sprak met Jan van der Berg erover."), ["Jan van der Berg"]);
    }

    /// Stories of the labelled corpus (`tests/data/names-corpus.txt`, one per language and
    /// kind: titles, word-names, lower case, particles, possessives, quotes) held at their
    /// marked names: the highlighted words are exactly the `[[marked]]` ones.
    #[test]
    fn a_sample_of_the_corpus_is_highlighted_as_marked() {
        const SAMPLE: &[&str] = &[
            "Mr. [[Hughes]] keeps calling [[Priya]] \"[[Pri]]\" even though she asked him to stop. Now [[Callum]] and [[Reece]] do it too and Mr. [[Hughes]] just smiles.",
            "[[Jamal]] got sent out of Maths for talking when it was [[Ollie]]. Mr [[Davies]] always blames [[Jamal]] first. [[Ollie]] even laughed about it at lunch with [[Reuben]].",
            "I want to thank [[Grace]] on reception. When I had a panic attack on my first day she sat with me for an hour and never told anyone. By the grace of God I got through that week. [[Grace]] deserves a raise, [[Paul]].",
            "dr [[Patel]] said in front of the whole ward that I'm too slow now I'm a \"mum\". I've been a nurse for twelve years. [[Sunita]] heard it too. So did Sister [[McBride]], who said nothing.",
            "Vår VD [[Göran Lundgren]] sa på julbordet att kvinnor inte hör hemma på verkstadsgolvet. Sen skrattade [[Göran]] och sa att det var ett skämt. [[Susanne]] på HR sa att \"[[Göran]] är [[Göran]]\".",
            "[[Sol]] och jag sökte båda tjänsten som teamledare. De frågade mig om barnomsorg men inte [[Sol]]. Jag vet det för att [[Sol]] berättade det efteråt. [[Sol]] fick jobbet och hon är jättebra, men det är inte poängen.",
            "Vi kallar honom magister [[Berglund]] på skoj, men han har faktiskt slagit näven i bänken framför [[Dilan]] två gånger. [[Dilan]] blev livrädd och [[Berglund]] bad aldrig om ursäkt.",
            "doktor [[Holm]] sa inför hela avdelningen att jag är för långsam nu när jag \"blivit mamma\". Jag har varit undersköterska i tolv år. [[Jelena]] hörde det också, och avdelningschefen [[Maria]] sa ingenting.",
            "[[Bilal]] werd bij wiskunde de les uit gestuurd omdat hij praatte, maar het was [[Thijs]]. Mevrouw [[Kok]] geeft [[Bilal]] altijd als eerste de schuld. [[Thijs]] zat er in de pauze met [[Jesse]] om te lachen.",
            "Onze directeur [[Gerard van Leeuwen]] zei in zijn nieuwjaarsspeech dat \"de dames\" het kantoor \"zo gezellig\" maken. De vrouwelijke engineers zaten erbij. [[Esther]] van HR zei alleen dat \"[[Gerard]] nou eenmaal [[Gerard]] is\".",
            "[[Levi]] vraagt steeds aan [[Linh]] of ze \"thuis ook hond eet\", en dan lacht de hele klas. [[Levi]]'s moeder zit in de MR, dus er gebeurt nooit iets. [[Linh]] heeft het tegen mevrouw [[Hoekstra]] gezegd.",
            "Toen ik tegen meester [[Jeroen]] zei dat [[Ayoub]] me had geslagen, zei hij \"jongens zijn nou eenmaal jongens\". [[Ayoub]] deed het de volgende dag weer. Mijn moeder belde meneer [[Mahabier]] maar [[Ayoub]] zit nog steeds in mijn klas.",
        ];
        for marked in SAMPLE {
            let plain = marked.replace("[[", "").replace("]]", "");
            let expected: Vec<String> = marked
                .split("[[")
                .skip(1)
                .flat_map(|part| {
                    part.split("]]").next().unwrap_or("").split(' ').map(String::from).collect::<Vec<_>>()
                })
                .collect();
            let found: Vec<String> = names(&plain)
                .iter()
                .flat_map(|span| {
                    span.split(' ').map(|w| w.trim_end_matches("'s").to_string()).collect::<Vec<_>>()
                })
                .collect();
            let expected: Vec<String> =
                expected.iter().map(|w| w.trim_end_matches("'s").to_string()).collect();
            assert_eq!(found, expected, "{plain}");
        }
    }
}
