//! Importing a questionnaire from JSON: the whole document is checked and every problem
//! reported with its path (`questions[3].options: at least two options needed`), so an
//! owner can fix them all at once. The builder's forms go through the same checks.

use serde_json::Value;

use super::{
    Choice, KINDS, Kind, Lang, MAX_OPTIONS, MAX_QUESTIONS, Question, Questionnaire, STORY_DEFAULT_MAX,
    STORY_LIMIT, Text,
};

impl Questionnaire {
    /// Parses and checks a questionnaire for a campaign offering `langs`; every problem is
    /// reported with its path, e.g. `questions[3].options: at least two options needed`.
    pub fn from_json(text: &str, langs: &[Lang]) -> Result<Questionnaire, Vec<String>> {
        let value: Value = serde_json::from_str(text).map_err(|e| vec![format!("not valid JSON: {e}")])?;
        let mut c = Check { problems: Vec::new(), langs };
        let mut questions = Vec::new();
        match value.get("questions").and_then(Value::as_array) {
            Some(list) if list.len() > MAX_QUESTIONS => {
                c.problem("questions", &format!("at most {MAX_QUESTIONS} questions"))
            }
            Some(list) => {
                c.unknown_keys(&value, "", &["questions"]);
                for (i, q) in list.iter().enumerate() {
                    if let Some(q) = c.question(q, &format!("questions[{i}]")) {
                        if questions.iter().any(|o: &Question| o.id == q.id) {
                            c.problem(&format!("questions[{i}].id"), "used by an earlier question");
                        }
                        questions.push(q);
                    }
                }
            }
            None => c.problem("questions", "a list of questions is needed"),
        }
        if c.problems.is_empty() { Ok(Questionnaire { questions }) } else { Err(c.problems) }
    }
}

struct Check<'a> {
    problems: Vec<String>,
    langs: &'a [Lang],
}

impl Check<'_> {
    fn problem(&mut self, path: &str, message: &str) {
        self.problems.push(format!("{path}: {message}"));
    }

    fn unknown_keys(&mut self, v: &Value, path: &str, known: &[&str]) {
        if let Some(obj) = v.as_object() {
            for k in obj.keys().filter(|k| !known.contains(&k.as_str())) {
                let at = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                self.problem(&at, &format!("unknown key; known here: {}", known.join(", ")));
            }
        }
    }

    fn text(&mut self, v: Option<&Value>, path: &str, required: bool, max: usize) -> Text {
        let mut text = Text::new();
        let Some(v) = v else {
            if required {
                self.problem(path, "a text per language is needed, e.g. {\"en\": \"…\"}");
            }
            return text;
        };
        let Some(obj) = v.as_object() else {
            self.problem(path, "must be an object of language code to text, e.g. {\"en\": \"…\"}");
            return text;
        };
        for (code, value) in obj {
            match (Lang::parse(code), value.as_str()) {
                (None, _) => self.problem(&format!("{path}.{code}"), "unknown language; use en, sv or nl"),
                (Some(_), None) => self.problem(&format!("{path}.{code}"), "must be a string"),
                (Some(_), Some(s)) if s.chars().count() > max => {
                    self.problem(&format!("{path}.{code}"), &format!("at most {max} characters"))
                }
                (Some(lang), Some(s)) => {
                    text.insert(lang, s.trim().to_string());
                }
            }
        }
        // An optional text is all or nothing: given in one language, it is needed in all.
        let some = text.values().any(|s| !s.is_empty());
        if required || some {
            for lang in self.langs {
                if text.get(lang).is_none_or(|s| s.is_empty()) {
                    self.problem(
                        &format!("{path}.{}", lang.code()),
                        "missing: the campaign offers this language",
                    );
                }
            }
        }
        text
    }

    fn int(
        &mut self,
        v: &Value,
        key: &str,
        path: &str,
        range: std::ops::RangeInclusive<u64>,
        default: Option<u64>,
    ) -> u64 {
        match v.get(key) {
            None => default.unwrap_or_else(|| {
                self.problem(&format!("{path}.{key}"), "missing");
                *range.start()
            }),
            Some(n) => match n.as_u64().filter(|n| range.contains(n)) {
                Some(n) => n,
                None => {
                    self.problem(
                        &format!("{path}.{key}"),
                        &format!("must be a whole number from {} to {}", range.start(), range.end()),
                    );
                    *range.start()
                }
            },
        }
    }

    fn flag(&mut self, v: &Value, key: &str, path: &str) -> bool {
        match v.get(key) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                self.problem(&format!("{path}.{key}"), "must be true or false");
                false
            }
        }
    }

    fn choices(&mut self, v: &Value, path: &str) -> Vec<Choice> {
        let path = format!("{path}.options");
        let Some(list) = v.get("options").and_then(Value::as_array) else {
            self.problem(&path, "a list of options is needed");
            return Vec::new();
        };
        if list.len() < 2 {
            self.problem(&path, "at least two options needed");
        }
        if list.len() > MAX_OPTIONS {
            self.problem(&path, &format!("at most {MAX_OPTIONS} options"));
        }
        let mut out: Vec<Choice> = Vec::new();
        for (i, o) in list.iter().enumerate() {
            let at = format!("{path}[{i}]");
            self.unknown_keys(o, &at, &["id", "label"]);
            let id = match o.get("id").and_then(Value::as_str) {
                Some(id) if valid_id(id) => id.to_string(),
                Some(_) => {
                    self.problem(&format!("{at}.id"), "use 1 to 32 of a–z, 0–9, _ or -");
                    continue;
                }
                None => format!("o{}", i + 1),
            };
            if out.iter().any(|c| c.id == id) {
                self.problem(&format!("{at}.id"), "used by an earlier option");
            }
            let label = self.text(o.get("label"), &format!("{at}.label"), true, 200);
            out.push(Choice { id, label });
        }
        out
    }

    fn question(&mut self, v: &Value, path: &str) -> Option<Question> {
        if !v.is_object() {
            self.problem(path, "must be an object");
            return None;
        }
        let id = match v.get("id").and_then(Value::as_str) {
            Some(id) if valid_id(id) => id.to_string(),
            _ => {
                self.problem(&format!("{path}.id"), "needed: 1 to 32 of a–z, 0–9, _ or -");
                String::new()
            }
        };
        let prompt = self.text(v.get("prompt"), &format!("{path}.prompt"), true, 500);
        let help = self.text(v.get("help"), &format!("{path}.help"), false, 1000);
        let required = self.flag(v, "required", path);
        let since = self.int(v, "since", path, 1..=u32::MAX as u64, Some(1)) as u32;
        let common = ["id", "kind", "prompt", "help", "required", "since"];
        let (kind, extra): (Option<Kind>, &[&str]) = match v.get("kind").and_then(Value::as_str) {
            Some("scale") => {
                let min = self.int(v, "min", path, 0..=1, Some(1)) as u8;
                let max = self.int(v, "max", path, 2..=11, Some(5)) as u8;
                // End labels are optional: "1" and "5" may say enough.
                let low = self.text(v.get("low"), &format!("{path}.low"), false, 100);
                let high = self.text(v.get("high"), &format!("{path}.high"), false, 100);
                let dont_know = self.flag(v, "dont_know", path);
                (
                    Some(Kind::Scale { min, max, low, high, dont_know }),
                    &["min", "max", "low", "high", "dont_know"],
                )
            }
            Some("single") => (Some(Kind::Single { options: self.choices(v, path) }), &["options"]),
            Some("multi") => {
                let options = self.choices(v, path);
                let max_picks = match v.get("max_picks") {
                    None | Some(Value::Null) => None,
                    Some(_) => {
                        Some(self.int(v, "max_picks", path, 1..=options.len().max(1) as u64, None) as u8)
                    }
                };
                (Some(Kind::Multi { options, max_picks }), &["options", "max_picks"])
            }
            Some("mood") => (Some(Kind::Mood), &[]),
            Some("slider") => {
                let left = self.text(v.get("left"), &format!("{path}.left"), true, 100);
                let right = self.text(v.get("right"), &format!("{path}.right"), true, 100);
                (Some(Kind::Slider { left, right }), &["left", "right"])
            }
            Some("triad") => {
                let poles = match v.get("poles").and_then(Value::as_array) {
                    Some(p) if p.len() == 3 => {
                        [0, 1, 2].map(|i| self.text(p.get(i), &format!("{path}.poles[{i}]"), true, 100))
                    }
                    _ => {
                        self.problem(&format!("{path}.poles"), "exactly three pole labels needed");
                        Default::default()
                    }
                };
                (Some(Kind::Triad { poles }), &["poles"])
            }
            Some("yesno") => (Some(Kind::Yesno), &[]),
            Some("story") => {
                let max_len =
                    self.int(v, "max_len", path, 1..=STORY_LIMIT as u64, Some(STORY_DEFAULT_MAX as u64))
                        as u32;
                (Some(Kind::Story { max_len }), &["max_len"])
            }
            _ => {
                self.problem(&format!("{path}.kind"), &format!("must be one of {}", KINDS.join(", ")));
                (None, &[])
            }
        };
        let known: Vec<&str> = common.iter().chain(extra).copied().collect();
        if kind.is_some() {
            self.unknown_keys(v, path, &known);
        }
        Some(Question { id, prompt, help, required, since, kind: kind? })
    }
}

pub fn valid_id(id: &str) -> bool {
    (1..=32).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &[Lang] = &[Lang::EN];

    #[test]
    fn every_problem_is_reported_with_its_path() {
        let doc = r#"{"questions": [
            {"id": "a", "kind": "scale", "prompt": {"en": "How?"}, "low": {"en": "bad"}, "high": {"en": "good"}, "max": 40},
            {"id": "a", "kind": "single", "prompt": {"en": "Which?"}, "options": [{"label": {"en": "one"}}]},
            {"id": "c", "kind": "teleport", "prompt": {"en": "?"}},
            {"id": "d", "kind": "yesno", "prompt": {"sv": "Ja?"}, "colour": "red"}
        ]}"#;
        let problems = Questionnaire::from_json(doc, EN).unwrap_err();
        let expect = [
            "questions[0].max: must be a whole number from 2 to 11",
            "questions[1].options: at least two options needed",
            "questions[1].id: used by an earlier question",
            "questions[2].kind: must be one of",
            "questions[3].prompt.en: missing",
            "questions[3].colour: unknown key",
        ];
        for e in expect {
            assert!(problems.iter().any(|p| p.starts_with(e)), "{e} in {problems:#?}");
        }
    }
}
