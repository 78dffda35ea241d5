//! Responses: the participant's form fields, checked against the questionnaire into typed
//! answers, and the counter slots one response adds to.
//!
//! Field names: `q.<id>` (repeated for multi choice; empty for an unanswered question, a
//! slider left unset included) and `q.<id>.a|b|c` for a triad. Control fields are named by
//! the caller. Anything else is refused as malformed.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::questionnaire::{Kind, MOODS, Question, Questionnaire, triad_cell};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    Scale(u8),
    DontKnow,
    Choice(String),
    Tags(Vec<String>),
    Mood(u8),
    Slider(u8),
    Triad([u8; 3]),
    Yes(bool),
    /// The text itself is sealed apart from the answers.
    Story,
}

/// What the participant typed, per field name, kept for re-rendering and drafts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FormInput {
    pub values: BTreeMap<String, Vec<String>>,
}

impl FormInput {
    pub fn one(&self, name: &str) -> &str {
        self.values.get(name).and_then(|v| v.first()).map_or("", |s| s.as_str())
    }

    pub fn has(&self, name: &str, value: &str) -> bool {
        self.values.get(name).is_some_and(|v| v.iter().any(|x| x == value))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Submission {
    pub answers: BTreeMap<String, Answer>,
    pub stories: BTreeMap<String, String>,
}

/// Splits a form into answer fields and control fields. Unknown or duplicated fields make
/// the whole request malformed (a person using the form never sends them).
pub fn read_fields(
    q: &Questionnaire,
    fields: Vec<(String, String)>,
    control: &[&str],
) -> Result<(FormInput, BTreeMap<String, String>), String> {
    let mut input = FormInput::default();
    let mut controls = BTreeMap::new();
    for (name, value) in fields {
        if control.contains(&name.as_str()) {
            if controls.insert(name.clone(), value).is_some() {
                return Err(format!("the field {name:?} was sent twice"));
            }
            continue;
        }
        let question = name.strip_prefix("q.").and_then(|rest| {
            let (id, part) = rest.split_once('.').unwrap_or((rest, ""));
            let q = q.question(id)?;
            let ok = match (&q.kind, part) {
                (Kind::Triad { .. }, "a" | "b" | "c") => true,
                (Kind::Triad { .. }, _) => false,
                (_, "") => true,
                _ => false,
            };
            ok.then_some(q)
        });
        let Some(question) = question else {
            return Err(format!("the form has no field {:?}", truncate(&name)));
        };
        let values = input.values.entry(name.clone()).or_default();
        let repeatable = matches!(question.kind, Kind::Multi { .. });
        if !values.is_empty() && !repeatable {
            return Err(format!("the field {name:?} was sent twice"));
        }
        if values.len() >= 64 {
            return Err(format!("the field {name:?} was sent too often"));
        }
        values.push(value);
    }
    Ok((input, controls))
}

fn truncate(s: &str) -> String {
    s.chars().take(40).collect()
}

/// Checks every answer; on problems, the message key (see `i18n`) per question id.
pub fn validate(q: &Questionnaire, input: &FormInput) -> Result<Submission, BTreeMap<String, &'static str>> {
    let mut answers = BTreeMap::new();
    let mut stories = BTreeMap::new();
    let mut errors = BTreeMap::new();
    for question in &q.questions {
        match answer(question, input) {
            Ok(Some((a, story))) => {
                if let Some(text) = story {
                    stories.insert(question.id.clone(), text);
                }
                answers.insert(question.id.clone(), a);
            }
            Ok(None) if question.required => {
                let key = match question.kind {
                    Kind::Slider { .. } => "err_slider_required",
                    _ => "err_required",
                };
                errors.insert(question.id.clone(), key);
            }
            Ok(None) => {}
            Err(key) => {
                errors.insert(question.id.clone(), key);
            }
        }
    }
    if errors.is_empty() { Ok(Submission { answers, stories }) } else { Err(errors) }
}

type Checked = Result<Option<(Answer, Option<String>)>, &'static str>;

fn answer(question: &Question, input: &FormInput) -> Checked {
    let name = format!("q.{}", question.id);
    let raw = input.one(&name).trim();
    let plain = |a: Answer| Ok(Some((a, None)));
    match &question.kind {
        Kind::Multi { options, max_picks } => {
            let picked: Vec<String> = input.values.get(&name).cloned().unwrap_or_default();
            if picked.is_empty() {
                return Ok(None);
            }
            let mut tags: Vec<String> = Vec::new();
            for p in picked {
                if !options.iter().any(|o| o.id == p) {
                    return Err("err_choice");
                }
                if !tags.contains(&p) {
                    tags.push(p);
                }
            }
            if max_picks.is_some_and(|m| tags.len() > m as usize) {
                return Err("err_max_picks");
            }
            plain(Answer::Tags(tags))
        }
        Kind::Triad { .. } => {
            let parts = ["a", "b", "c"].map(|p| input.one(&format!("{name}.{p}")).trim().to_string());
            if parts.iter().all(|p| p.is_empty()) {
                return Ok(None);
            }
            let nums: Vec<Option<u8>> =
                parts.iter().map(|p| p.parse::<u8>().ok().filter(|n| *n <= 100)).collect();
            match nums[..] {
                [Some(a), Some(b), Some(c)] if a as u16 + b as u16 + c as u16 == 100 => {
                    plain(Answer::Triad([a, b, c]))
                }
                _ => Err("err_triad"),
            }
        }
        Kind::Slider { .. } if raw.is_empty() => Ok(None),
        Kind::Slider { .. } => match raw.parse::<u8>() {
            Ok(n) if n <= 100 => plain(Answer::Slider(n)),
            _ => Err("err_slider"),
        },
        _ if raw.is_empty() => Ok(None),
        Kind::Scale { min, max, dont_know, .. } => match raw {
            "dk" if *dont_know => plain(Answer::DontKnow),
            _ => match raw.parse::<u8>() {
                Ok(n) if (*min..=*max).contains(&n) => plain(Answer::Scale(n)),
                _ => Err("err_range"),
            },
        },
        Kind::Single { options } => match options.iter().find(|o| o.id == raw) {
            Some(o) => plain(Answer::Choice(o.id.clone())),
            None => Err("err_choice"),
        },
        Kind::Mood => match raw.parse::<u8>() {
            Ok(n) if (n as usize) < MOODS.len() => plain(Answer::Mood(n)),
            _ => Err("err_choice"),
        },
        Kind::Yesno => match raw {
            "yes" => plain(Answer::Yes(true)),
            "no" => plain(Answer::Yes(false)),
            _ => Err("err_choice"),
        },
        Kind::Story { max_len } => {
            let text = input.one(&name).replace("\r\n", "\n");
            if text.chars().count() > *max_len as usize {
                return Err("err_story_long");
            }
            Ok(Some((Answer::Story, Some(text.trim().to_string()))))
        }
    }
}

/// The counter slots one response adds 1 to: slot 0 (responses), then per answered
/// question its "answered" slot and the slot of its value.
pub fn slots(q: &Questionnaire, answers: &BTreeMap<String, Answer>) -> Vec<usize> {
    slots_at(q, &q.layout().0, answers)
}

/// The same with the questionnaire's layout offsets computed once by the caller.
pub fn slots_at(q: &Questionnaire, offsets: &[usize], answers: &BTreeMap<String, Answer>) -> Vec<usize> {
    let mut out = vec![0];
    for (question, &base) in q.questions.iter().zip(offsets) {
        let Some(a) = answers.get(&question.id) else { continue };
        out.push(base);
        let value = base + 1;
        let index = |options: &[crate::model::questionnaire::Choice], id: &str| {
            options.iter().position(|o| o.id == id)
        };
        match (&question.kind, a) {
            (Kind::Scale { min, .. }, Answer::Scale(n)) => out.push(value + (n - min) as usize),
            (Kind::Scale { min, max, .. }, Answer::DontKnow) => out.push(value + (max - min + 1) as usize),
            (Kind::Single { options }, Answer::Choice(id)) => {
                out.extend(index(options, id).map(|i| value + i))
            }
            (Kind::Multi { options, .. }, Answer::Tags(tags)) => {
                out.extend(tags.iter().filter_map(|t| index(options, t)).map(|i| value + i))
            }
            (Kind::Mood, Answer::Mood(n)) => out.push(value + *n as usize),
            (Kind::Slider { .. }, Answer::Slider(n)) => out.push(value + (*n as usize / 10).min(9)),
            (Kind::Triad { .. }, Answer::Triad(w)) => out.push(value + triad_cell(*w)),
            (Kind::Yesno, Answer::Yes(yes)) => out.push(value + usize::from(!yes)),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    fn questionnaire() -> Questionnaire {
        let doc = r#"{"questions": [
            {"id": "s", "kind": "scale", "prompt": {"en": "How?"}, "low": {"en": "bad"}, "high": {"en": "good"}, "dont_know": true, "required": true},
            {"id": "m", "kind": "multi", "prompt": {"en": "Tags"}, "options": [{"id": "x", "label": {"en": "X"}}, {"id": "y", "label": {"en": "Y"}}, {"id": "z", "label": {"en": "Z"}}], "max_picks": 2},
            {"id": "sl", "kind": "slider", "prompt": {"en": "Where?"}, "left": {"en": "l"}, "right": {"en": "r"}},
            {"id": "t", "kind": "triad", "prompt": {"en": "Where?"}, "poles": [{"en": "a"}, {"en": "b"}, {"en": "c"}]},
            {"id": "st", "kind": "story", "prompt": {"en": "Tell"}, "max_len": 10}
        ]}"#;
        Questionnaire::from_json(doc, &[Lang::EN]).unwrap()
    }

    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn valid_form_becomes_typed_answers_and_slots() {
        let q = questionnaire();
        let fields = form(&[
            ("q.s", "4"),
            ("q.m", "x"),
            ("q.m", "z"),
            ("q.sl", "100"),
            ("q.t.a", "20"),
            ("q.t.b", "30"),
            ("q.t.c", "50"),
            ("q.st", "hi"),
            ("csrf", "t"),
        ]);
        let (input, controls) = read_fields(&q, fields, &["csrf"]).unwrap();
        assert_eq!(controls["csrf"], "t");
        let s = validate(&q, &input).unwrap();
        assert_eq!(s.answers["s"], Answer::Scale(4));
        assert_eq!(s.answers["m"], Answer::Tags(vec!["x".into(), "z".into()]));
        assert_eq!(s.answers["t"], Answer::Triad([20, 30, 50]));
        assert_eq!(s.stories["st"], "hi");
        let (offsets, len) = q.layout();
        let slots = slots(&q, &s.answers);
        assert!(slots.iter().all(|s| *s < len));
        assert!(slots.contains(&(offsets[0] + 1 + 3)), "scale 4 is the fourth value");
        assert!(slots.contains(&(offsets[2] + 1 + 9)), "slider 100 is the top bucket");
    }

    #[test]
    fn each_kind_refuses_bad_values() {
        let q = questionnaire();
        let check = |pairs: &[(&str, &str)]| {
            let (input, _) = read_fields(&q, form(pairs), &[]).unwrap();
            validate(&q, &input).unwrap_err()
        };
        assert_eq!(check(&[("q.s", "9")])["s"], "err_range");
        assert_eq!(check(&[])["s"], "err_required");
        assert_eq!(check(&[("q.s", "1"), ("q.m", "w")])["m"], "err_choice");
        assert_eq!(check(&[("q.s", "1"), ("q.m", "x"), ("q.m", "y"), ("q.m", "z")])["m"], "err_max_picks");
        assert_eq!(check(&[("q.s", "1"), ("q.sl", "101")])["sl"], "err_slider");
        assert_eq!(
            check(&[("q.s", "1"), ("q.t.a", "50"), ("q.t.b", "50"), ("q.t.c", "1")])["t"],
            "err_triad"
        );
        assert_eq!(check(&[("q.s", "1"), ("q.st", "eleven char")])["st"], "err_story_long");
    }

    #[test]
    fn unknown_and_duplicate_fields_are_malformed() {
        let q = questionnaire();
        assert!(read_fields(&q, form(&[("q.nope", "1")]), &[]).is_err());
        assert!(read_fields(&q, form(&[("q.s", "1"), ("q.s", "2")]), &[]).is_err());
        assert!(read_fields(&q, form(&[("q.t.d", "1")]), &[]).is_err());
        assert!(read_fields(&q, form(&[("csrf", "1"), ("csrf", "2")]), &["csrf"]).is_err());
    }
}
