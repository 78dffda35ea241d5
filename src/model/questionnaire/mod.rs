//! Questionnaires: ordered, typed questions with text per language. Import validates a JSON
//! document completely and reports every problem with its path; export writes the same form.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

mod import;

pub use import::valid_id;

use super::Lang;

/// A text in each offered language.
pub type Text = BTreeMap<Lang, String>;

pub const STORY_DEFAULT_MAX: u32 = 5_000;
pub const STORY_LIMIT: u32 = 20_000;
pub const MAX_QUESTIONS: usize = 60;
pub const MAX_OPTIONS: usize = 30;

/// The fixed moods, worst to best (their value ids); pages draw each as an SVG face
/// (`web::charts::mood_face`) beside its words.
pub const MOODS: [&str; 5] = ["very bad", "bad", "neutral", "good", "very good"];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Questionnaire {
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Stable within a campaign: answers and counters refer to it.
    pub id: String,
    pub prompt: Text,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub help: Text,
    #[serde(default)]
    pub required: bool,
    /// The questionnaire version since which the question has meant what it means now: an
    /// edit that changes its meaning (its kind, a scale's range, removing an option that was
    /// chosen) starts its results afresh from the version it makes.
    #[serde(default = "first_version", skip_serializing_if = "is_first_version")]
    pub since: u32,
    #[serde(flatten)]
    pub kind: Kind,
}

fn first_version() -> u32 {
    1
}

fn is_first_version(v: &u32) -> bool {
    *v == 1
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Kind {
    Scale { min: u8, max: u8, low: Text, high: Text, dont_know: bool },
    Single { options: Vec<Choice> },
    Multi { options: Vec<Choice>, max_picks: Option<u8> },
    Mood,
    Slider { left: Text, right: Text },
    Triad { poles: [Text; 3] },
    Yesno,
    Story { max_len: u32 },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub id: String,
    pub label: Text,
}

pub const KINDS: [&str; 8] = ["scale", "single", "multi", "mood", "slider", "triad", "yesno", "story"];

impl Kind {
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Scale { .. } => "scale",
            Kind::Single { .. } => "single",
            Kind::Multi { .. } => "multi",
            Kind::Mood => "mood",
            Kind::Slider { .. } => "slider",
            Kind::Triad { .. } => "triad",
            Kind::Yesno => "yesno",
            Kind::Story { .. } => "story",
        }
    }

    /// Counter slots after the question's "answered" slot.
    pub fn slots(&self) -> usize {
        match self {
            Kind::Scale { min, max, .. } => (max - min + 1) as usize + 1,
            Kind::Single { options } | Kind::Multi { options, .. } => options.len(),
            Kind::Mood => MOODS.len(),
            Kind::Slider { .. } => 10,
            Kind::Triad { .. } => TRIAD_CELLS,
            Kind::Yesno => 2,
            Kind::Story { .. } => 0,
        }
    }
}

/// Triad points are binned to a 10 % grid: (i, j, k) with i + j + k = 10.
pub const TRIAD_CELLS: usize = 66;

pub fn triad_cell(weights: [u8; 3]) -> usize {
    let i = ((weights[0] as usize) + 5) / 10;
    let j = (((weights[1] as usize) + 5) / 10).min(10 - i);
    // Cells are numbered row by row: row i holds 11 - i cells.
    (0..i).map(|r| 11 - r).sum::<usize>() + j
}

impl Questionnaire {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// Where each question's counters start: slot 0 counts responses; then per question
    /// one "answered" slot followed by its kind's slots.
    pub fn layout(&self) -> (Vec<usize>, usize) {
        let mut offsets = Vec::with_capacity(self.questions.len());
        let mut next = 1;
        for q in &self.questions {
            offsets.push(next);
            next += 1 + q.kind.slots();
        }
        (offsets, next)
    }

    /// A fresh question id not used in this questionnaire.
    pub fn next_id(&self) -> String {
        (1..).map(|n| format!("q{n}")).find(|id| self.question(id).is_none()).expect("unbounded")
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("plain data serialises")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &[Lang] = &[Lang::EN];

    #[test]
    fn export_then_import_is_identity() {
        let doc = r#"{"questions": [
            {"id": "s", "kind": "scale", "prompt": {"en": "How?"}, "low": {"en": "bad"}, "high": {"en": "good"}, "max": 7, "dont_know": true, "required": true},
            {"id": "m", "kind": "multi", "prompt": {"en": "Tags"}, "options": [{"id": "x", "label": {"en": "X"}}, {"id": "y", "label": {"en": "Y"}}], "max_picks": 1},
            {"id": "t", "kind": "triad", "prompt": {"en": "Where?"}, "poles": [{"en": "a"}, {"en": "b"}, {"en": "c"}]},
            {"id": "st", "kind": "story", "prompt": {"en": "Tell"}}
        ]}"#;
        let q = Questionnaire::from_json(doc, EN).unwrap();
        assert_eq!(Questionnaire::from_json(&q.to_json(), EN).unwrap(), q);
        assert_eq!(q.layout().1, 1 + (1 + 8) + (1 + 2) + (1 + 66) + 1);
    }

    #[test]
    fn triad_cells_cover_the_triangle_once() {
        let mut seen = std::collections::HashSet::new();
        for a in 0..=100u8 {
            for b in 0..=(100 - a) {
                let cell = triad_cell([a, b, 100 - a - b]);
                assert!(cell < TRIAD_CELLS);
                seen.insert(cell);
            }
        }
        assert_eq!(seen.len(), TRIAD_CELLS);
    }
}
