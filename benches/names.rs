//! Name detection measured: the moderator's highlighter run over a labelled corpus of
//! stories in English, Swedish and Dutch (`tests/data/names-corpus.txt`, written for the
//! tests without looking at the detector; `names-heldout.txt` is a second set kept out of
//! tuning). Prints per language the recall and precision of name words, token by token:
//! - recall: words inside `[[person names]]` that are highlighted as names;
//! - precision: highlighted words that are person names, where words of `{{places,
//!   organisations, teams}}` count neither way (they identify too; highlighting them is no
//!   mistake, missing them is not a name missed) and so does a title before a name;
//! - also precision with places counted as mistakes, and mentions fully covered.
//!
//! Goal: recall ≥ 95 %, precision ≥ 70 %. Asserts nothing.
//! Run: `cargo bench --bench names` (NAMES_CORPUS=path for another file).

use std::collections::BTreeMap;

use tellpoint::detect::{Found, find};

#[derive(Clone, Copy, PartialEq)]
enum Label {
    Person,
    Place,
    Other,
}

/// The story without its markup, and the byte spans of the marked person names and places.
fn parse(marked: &str) -> (String, Vec<(usize, usize, Label)>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find(['[', '{']) {
        let (close, label) = match &rest[open..] {
            s if s.starts_with("[[") => ("]]", Label::Person),
            s if s.starts_with("{{") => ("}}", Label::Place),
            _ => {
                text.push_str(&rest[..open + 1]);
                rest = &rest[open + 1..];
                continue;
            }
        };
        text.push_str(&rest[..open]);
        let inner = &rest[open + 2..];
        let end = inner.find(close).unwrap_or_else(|| panic!("unclosed markup in {marked}"));
        let start = text.len();
        text.push_str(&inner[..end]);
        spans.push((start, text.len(), label));
        rest = &inner[end + 2..];
    }
    text.push_str(rest);
    (text, spans)
}

/// Words (runs of letters, digits, apostrophes and hyphens) with their byte spans.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let in_word = c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
        match (start, in_word) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    out
}

const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "miss", "sir", "herr", "fru", "fröken", "frk", "juf", "juffrouw",
    "meneer", "mevrouw", "mevr", "mw", "dhr", "meester", "dokter", "doktor", "magister", "rektor", "coach",
    "teacher", "mijnheer",
];

#[derive(Default)]
struct Score {
    stories: usize,
    person_words: usize,
    person_found: usize,
    flagged_person: usize,
    flagged_other: usize,
    flagged_place: usize,
    mentions: usize,
    mentions_covered: usize,
    missed: Vec<String>,
    wrong: Vec<String>,
}

fn score(path: &str) -> BTreeMap<String, Score> {
    let corpus = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut by_lang: BTreeMap<String, Score> = BTreeMap::new();
    for line in corpus.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let (lang, marked) = line.split_once('\t').unwrap_or_else(|| panic!("no language: {line}"));
        let (text, gold) = parse(marked);
        let flagged: Vec<(usize, usize)> = find(&text, &[])
            .into_iter()
            .filter(|s| s.found == Found::Name)
            .map(|s| (s.start, s.end))
            .collect();
        let s = by_lang.entry(lang.to_string()).or_default();
        s.stories += 1;
        let inside =
            |w: (usize, usize), spans: &[(usize, usize)]| spans.iter().any(|f| f.0 <= w.0 && w.1 <= f.1);
        let all = words(&text);
        for (n, w) in all.iter().enumerate() {
            let label = gold.iter().find(|g| g.0 < w.1 && w.0 < g.1).map_or(Label::Other, |g| g.2);
            let hit = inside(*w, &flagged);
            let word = &text[w.0..w.1];
            let title = TITLES.contains(&word.to_lowercase().as_str())
                && all.get(n + 1).is_some_and(|next| {
                    gold.iter().any(|g| g.2 == Label::Person && g.0 < next.1 && next.0 < g.1)
                });
            match (label, hit) {
                (Label::Person, true) => {
                    s.person_words += 1;
                    s.person_found += 1;
                    s.flagged_person += 1;
                }
                (Label::Person, false) => {
                    s.person_words += 1;
                    s.missed.push(format!("{word:?} in: {text}"));
                }
                (Label::Place, true) => s.flagged_place += 1,
                (Label::Other, true) if !title => {
                    s.flagged_other += 1;
                    s.wrong.push(format!("{word:?} in: {text}"));
                }
                _ => {}
            }
        }
        for g in gold.iter().filter(|g| g.2 == Label::Person) {
            s.mentions += 1;
            let covered = words(&text[g.0..g.1]).iter().all(|w| inside((g.0 + w.0, g.0 + w.1), &flagged));
            s.mentions_covered += usize::from(covered);
        }
    }
    by_lang
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 { 100.0 } else { 100.0 * part as f64 / whole as f64 }
}

fn main() {
    let paths: Vec<String> = match std::env::var("NAMES_CORPUS") {
        Ok(p) => vec![p],
        Err(_) => vec!["tests/data/names-corpus.txt".into(), "tests/data/names-heldout.txt".into()],
    };
    let show = std::env::var("NAMES_SHOW").is_ok();
    for path in paths {
        println!("{path}");
        println!(
            "  lang stories  name words  recall  precision  precision (places as mistakes)  mentions covered"
        );
        for (lang, s) in score(&path) {
            let flagged = s.flagged_person + s.flagged_other;
            println!(
                "  {lang:4} {:7}  {:10}  {:5.1} %  {:8.1} %  {:30.1} %  {:5.1} %",
                s.stories,
                s.person_words,
                percent(s.person_found, s.person_words),
                percent(s.flagged_person, flagged),
                percent(s.flagged_person, flagged + s.flagged_place),
                percent(s.mentions_covered, s.mentions),
            );
            if show {
                for m in &s.missed {
                    println!("    missed {m}");
                }
                for w in &s.wrong {
                    println!("    wrong  {w}");
                }
            }
        }
    }
}
