//! Figures as they leave the store: counts per week and for the whole period, with the
//! counts hidden to protect anonymity as `None`, and the filter a view was asked for.
//! `dashboard` computes them; the store keeps published ones; pages and exports show them.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::questionnaire::{Kind, MOODS, Questionnaire};

/// A figure view, ready to show: `None` is a count hidden to protect anonymity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    pub version: u32,
    pub k: u32,
    /// Monday of each week column; one more column follows: the whole period.
    pub weeks: Vec<Date>,
    /// Responses per column.
    pub responses: Vec<Option<u32>>,
    /// Responses per day, only when every day has at least k and none can be derived small.
    pub days: Vec<(Date, u32)>,
    pub questions: Vec<QuestionFigures>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionFigures {
    pub id: String,
    /// Responses that answered it, per column.
    pub answered: Vec<Option<u32>>,
    /// Per value slot, per column.
    pub values: Vec<Vec<Option<u32>>>,
    /// Mean of a scale per column, where every count of that column is shown.
    pub means: Vec<Option<f64>>,
}

/// Only responses that gave one value to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    pub question: String,
    /// Index of the value among the question's slots.
    pub value: usize,
}

impl Filter {
    /// Parses "question:value" and checks it against the questionnaire.
    pub fn parse(s: &str, q: &Questionnaire) -> Option<Filter> {
        let (id, value) = s.split_once(':')?;
        let question = q.question(id)?;
        let value: usize = value.parse().ok()?;
        (filterable(&question.kind) && value < question.kind.slots())
            .then(|| Filter { question: id.to_string(), value })
    }

    pub fn as_param(&self) -> String {
        format!("{}:{}", self.question, self.value)
    }
}

/// Kinds whose single values make a meaningful group to filter by.
pub fn filterable(kind: &Kind) -> bool {
    matches!(kind, Kind::Scale { .. } | Kind::Single { .. } | Kind::Multi { .. } | Kind::Mood | Kind::Yesno)
}

/// One row of an aggregate export: a question's value (or its answered count) in a period.
#[derive(Debug, Clone, Serialize)]
pub struct ExportRow {
    pub question: String,
    /// A value id, or "answered", or "responses" for the response count.
    pub value: String,
    /// A week's Monday, or "all" for the whole period.
    pub period: String,
    pub count: Option<u32>,
    pub suppressed: bool,
}

impl Figures {
    /// Every figure as rows: question × value × period, hidden counts empty and flagged.
    pub fn export_rows(&self, q: &Questionnaire) -> Vec<ExportRow> {
        let periods: Vec<String> =
            self.weeks.iter().map(Date::to_string).chain(std::iter::once("all".to_string())).collect();
        let mut rows = Vec::new();
        let mut push = |question: &str, value: &str, counts: &[Option<u32>]| {
            for (period, count) in periods.iter().zip(counts) {
                rows.push(ExportRow {
                    question: question.to_string(),
                    value: value.to_string(),
                    period: period.clone(),
                    count: *count,
                    suppressed: count.is_none(),
                });
            }
        };
        push("", "responses", &self.responses);
        for qf in &self.questions {
            let Some(question) = q.question(&qf.id) else { continue };
            push(&qf.id, "answered", &qf.answered);
            for (j, counts) in qf.values.iter().enumerate() {
                push(&qf.id, &value_id(&question.kind, j), counts);
            }
        }
        rows
    }
}

/// A stable name for a question's value slot, for exports and filters.
pub fn value_id(kind: &Kind, j: usize) -> String {
    match kind {
        Kind::Scale { min, max, .. } if j == (max - min + 1) as usize => "dont_know".into(),
        Kind::Scale { min, .. } => (*min as usize + j).to_string(),
        Kind::Single { options } | Kind::Multi { options, .. } => options[j].id.clone(),
        Kind::Mood => MOODS[j].1.replace(' ', "_"),
        Kind::Slider { .. } => format!("{}-{}", j * 10, j * 10 + if j == 9 { 10 } else { 9 }),
        Kind::Triad { .. } => format!("cell{j}"),
        Kind::Yesno => if j == 0 { "yes" } else { "no" }.into(),
        Kind::Story { .. } => String::new(),
    }
}
