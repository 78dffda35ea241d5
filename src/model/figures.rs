//! Figures as they leave the store: releases. A release is the counts of one completed
//! period (one or more weeks) or of the whole campaign, each count shown or hidden, decided
//! once when the period is released and frozen: the dashboard, the summaries, the report and
//! the exports all show the same release (see `figures::protect` for the decision).
//!
//! Counts are kept per variable: a question as it has meant since some questionnaire
//! version (an edit that changes its meaning starts a new one), or one option of a
//! multi-choice question. Values are named by stable ids, so edits that keep a question's
//! meaning (wording, translations, an added option, order) count into the same figures.

use serde::{Deserialize, Serialize};

use super::questionnaire::{Kind, MOODS, Question, TRIAD_CELLS};

/// Answers of responses that left the question empty.
pub const NO_ANSWER: &str = "none";
/// Responses to versions of the questionnaire without the question (or before its meaning
/// changed).
pub const NOT_ASKED: &str = "not_asked";
pub const CHOSEN: &str = "chosen";
pub const NOT_CHOSEN: &str = "not_chosen";

/// What one row of counts describes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct VarKey {
    pub question: String,
    /// The questionnaire version since which the question has had this meaning.
    pub since: u32,
    /// For a multi-choice question, the option counted (chosen or not).
    #[serde(default)]
    pub option: Option<String>,
}

/// The counts of one variable in a release (or one group of it), value by value; `None` is
/// a count hidden to protect anonymity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VarCounts {
    pub key: VarKey,
    pub values: Vec<String>,
    pub counts: Vec<Option<u32>>,
}

impl VarCounts {
    pub fn count(&self, value: &str) -> Option<u32> {
        self.values.iter().position(|v| v == value).and_then(|i| self.counts[i])
    }

    /// Whether the value is a count of this variable at all (shown or hidden).
    pub fn has(&self, value: &str) -> bool {
        self.values.iter().any(|v| v == value)
    }
}

/// One group of a breakdown: the breakdown question's values it stands for (small groups
/// are merged), its size, and the counts of every variable within it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub values: Vec<String>,
    pub size: u32,
    pub variables: Vec<VarCounts>,
}

/// A frozen release.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Release {
    /// Day numbers of its first and last day.
    pub first: i32,
    pub last: i32,
    /// The whole campaign (released once it has ended), not a period of it.
    pub whole: bool,
    pub k: u32,
    pub responses: u32,
    pub variables: Vec<VarCounts>,
    /// The question the groups split by, if the campaign has one and the period has two or
    /// more groups of at least k.
    pub breakdown: Option<VarKey>,
    pub groups: Vec<Group>,
}

impl Release {
    pub fn variable(&self, key: &VarKey) -> Option<&VarCounts> {
        self.variables.iter().find(|v| v.key == *key)
    }
}

/// The id of a question's value slot `j` (the order of `Kind::slots`).
pub fn value_id(kind: &Kind, j: usize) -> String {
    match kind {
        Kind::Scale { min, max, .. } if j == (max - min + 1) as usize => "dont_know".into(),
        Kind::Scale { min, .. } => (*min as usize + j).to_string(),
        Kind::Single { options } | Kind::Multi { options, .. } => options[j].id.clone(),
        Kind::Mood => MOODS[j].replace(' ', "_"),
        Kind::Slider { .. } => format!("{}-{}", j * 10, j * 10 + if j == 9 { 10 } else { 9 }),
        Kind::Triad { .. } => format!("cell{j}"),
        Kind::Yesno => if j == 0 { "yes" } else { "no" }.into(),
        Kind::Story { .. } => String::new(),
    }
}

/// The value ids a question offers, in its order (a scale's "don't know" only if offered).
pub fn value_ids(kind: &Kind) -> Vec<String> {
    let n = match kind {
        Kind::Scale { min, max, dont_know, .. } => (max - min + 1) as usize + usize::from(*dont_know),
        Kind::Triad { .. } => TRIAD_CELLS,
        other => other.slots(),
    };
    (0..n).map(|j| value_id(kind, j)).collect()
}

/// The variables a question counts into: itself, or for a multi-choice question each option.
pub fn variables_of(q: &Question) -> Vec<VarKey> {
    let key = |option: Option<String>| VarKey { question: q.id.clone(), since: q.since, option };
    match &q.kind {
        Kind::Story { .. } => Vec::new(),
        Kind::Multi { options, .. } => options.iter().map(|o| key(Some(o.id.clone()))).collect(),
        _ => vec![key(None)],
    }
}

/// Kinds whose answers can split results into groups.
pub fn can_split(kind: &Kind) -> bool {
    matches!(kind, Kind::Single { .. } | Kind::Yesno)
}
