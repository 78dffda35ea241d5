//! Words that may be a person's name, in English, Swedish and Dutch stories.
//!
//! Four signals, each cheap and explainable to a moderator:
//! - a title or honorific (Mr, Ms., Dr, herr, fru, juf, meneer, mevrouw, …): the name after
//!   it (the title itself stays, "Mr. [name]"), even in lower case ("juf annemiek") and even after "Mr." (whose full stop does
//!   not start a sentence);
//! - a capitalised word inside a sentence ("said Anna", "Malmö"), unless it is a weekday, a
//!   month, "I", a language or another word that English capitalises;
//! - a given name or surname from the shipped lists (`web/data/names/`) anywhere: at the
//!   start of a sentence ("Larsson never listens"), in lower case ("erik pushed me"), with a
//!   possessive ("Annas", "Anna's") — unless the list marks it as an ordinary word too
//!   ("Will", "Per", "Roos"), which then counts only where it is capitalised mid-sentence;
//! - neighbouring name words and Dutch particles join: "Jan van der Berg" is one span.

use std::collections::HashMap;
use std::sync::LazyLock;

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
            *all.entry(name).or_default() |= word || COMMON.contains(&name);
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

/// Frequent words of the three languages that are also someone's name somewhere; never a
/// name in lower case or at the start of a sentence, whatever the lists say.
const COMMON: &[&str] = &[
    "a", "an", "and", "as", "at", "be", "ben", "bent", "bij", "bo", "bor", "dag", "de", "del", "den", "des",
    "die", "dit", "do", "en", "er", "era", "ett", "for", "han", "har", "hen", "het", "hon", "i", "in", "is",
    "it", "ja", "jag", "je", "kan", "man", "mark", "may", "me", "men", "mig", "min", "na", "nu", "of", "om",
    "on", "per", "så", "sol", "som", "te", "the", "till", "to", "van", "ver", "vi", "we", "wil", "will",
    "zij",
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

/// Byte spans of the words that may be names, neighbouring ones joined.
pub fn find(text: &str) -> Vec<(usize, usize)> {
    let tokens = tokens(text);
    let mut flagged = vec![false; tokens.len()];
    for (i, t) in tokens.iter().enumerate() {
        let lower = t.text.to_lowercase();
        let listed = lookup(t.text);
        let previous = i.checked_sub(1).map(|p| &tokens[p]);
        let after_title = previous.is_some_and(|p| {
            (is_title(p.text, STRONG_TITLES) && (t.joined || p.stop_after))
                || (is_title(p.text, WEAK_TITLES) && capitalised(t.text))
        });
        let single_initial = t.text.chars().count() == 1 && t.stop_after && capitalised_initial(t.text);
        let title = is_title(t.text, STRONG_TITLES) || is_title(t.text, WEAK_TITLES);
        flagged[i] = if title
            || NOT_NAMES.contains(&lower.as_str())
            || COMMON.contains(&lower.as_str()) && !capitalised(t.text)
        {
            false
        } else if after_title || capitalised(t.text) && !t.sentence_start {
            true
        } else if single_initial {
            tokens.get(i + 1).is_some_and(|n| capitalised(n.text))
        } else {
            listed == Some(false)
        };
    }
    // The title stays outside the span ("Mr. [name]"); particles join two name words.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
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
            while k < tokens.len()
                && tokens[k].joined
                && PARTICLES.contains(&tokens[k].text.to_lowercase().as_str())
            {
                k += 1;
            }
            if k < tokens.len() && tokens[k].joined && (flagged[k] || k > j && capitalised(tokens[k].text)) {
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
}
