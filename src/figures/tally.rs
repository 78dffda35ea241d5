//! Counting: one scan of a campaign's responses (the slot rows written beside each response)
//! into counts per week, per value of the breakdown question, per variable and value, across
//! every questionnaire version the responses answered.

use std::collections::{BTreeMap, HashMap};

use crate::model::figures::{CHOSEN, NO_ANSWER, NOT_ASKED, NOT_CHOSEN, VarKey, value_ids, variables_of};
use crate::model::questionnaire::{Kind, Questionnaire};

/// The variables of a campaign, with their values in the order they are shown.
#[derive(Debug, Clone)]
pub struct Variables {
    pub keys: Vec<VarKey>,
    pub values: Vec<Vec<String>>,
    /// Per questionnaire version: the value each variable has when a response gives no
    /// slot of it, and what each counter slot means (variable, value).
    versions: HashMap<u32, VersionMap>,
}

#[derive(Debug, Clone)]
struct VersionMap {
    defaults: Vec<usize>,
    slots: Vec<Option<(usize, usize)>>,
}

impl Variables {
    /// The variables of every version, newest version's order first.
    pub fn of(versions: &[(u32, Questionnaire)]) -> Variables {
        let mut keys: Vec<VarKey> = Vec::new();
        let mut values: Vec<Vec<String>> = Vec::new();
        let mut sorted: Vec<&(u32, Questionnaire)> = versions.iter().collect();
        sorted.sort_by_key(|(v, _)| std::cmp::Reverse(*v));
        for (_, q) in &sorted {
            for question in &q.questions {
                let own = match &question.kind {
                    Kind::Multi { .. } => vec![CHOSEN.to_string(), NOT_CHOSEN.to_string()],
                    kind => value_ids(kind),
                };
                for key in variables_of(question) {
                    let i = match keys.iter().position(|k| *k == key) {
                        Some(i) => i,
                        None => {
                            keys.push(key);
                            values.push(Vec::new());
                            keys.len() - 1
                        }
                    };
                    for v in &own {
                        if !values[i].contains(v) {
                            values[i].push(v.clone());
                        }
                    }
                }
            }
        }
        for (key, vals) in keys.iter().zip(&mut values) {
            if key.option.is_none() {
                vals.push(NO_ANSWER.into());
            }
            vals.push(NOT_ASKED.into());
        }
        let mut vars = Variables { keys, values, versions: HashMap::new() };
        for (version, q) in versions {
            let map = vars.map_version(q);
            vars.versions.insert(*version, map);
        }
        vars
    }

    fn index(&self, key: &VarKey, value: &str) -> (usize, usize) {
        let i = self.keys.iter().position(|k| k == key).expect("every version's variables are known");
        (i, self.values[i].iter().position(|v| v == value).expect("every value is known"))
    }

    fn map_version(&self, q: &Questionnaire) -> VersionMap {
        let mut defaults: Vec<usize> =
            self.values.iter().map(|vals| vals.iter().position(|v| v == NOT_ASKED).expect("last")).collect();
        let (offsets, len) = q.layout();
        let mut slots = vec![None; len];
        for (question, base) in q.questions.iter().zip(offsets) {
            for key in variables_of(question) {
                let fallback = if key.option.is_some() { NOT_CHOSEN } else { NO_ANSWER };
                let (i, v) = self.index(&key, fallback);
                defaults[i] = v;
            }
            match &question.kind {
                Kind::Story { .. } => {}
                Kind::Multi { options, .. } => {
                    for (j, option) in options.iter().enumerate() {
                        let key = VarKey {
                            question: question.id.clone(),
                            since: question.since,
                            option: Some(option.id.clone()),
                        };
                        slots[base + 1 + j] = Some(self.index(&key, CHOSEN));
                    }
                }
                kind => {
                    let key = VarKey { question: question.id.clone(), since: question.since, option: None };
                    for j in 0..kind.slots() {
                        let id = crate::model::figures::value_id(kind, j);
                        if self.values[self.index(&key, NOT_ASKED).0].contains(&id) {
                            slots[base + 1 + j] = Some(self.index(&key, &id));
                        }
                    }
                }
            }
        }
        VersionMap { defaults, slots }
    }

    /// The variable index of the breakdown question, if it is one.
    pub fn position(&self, key: &VarKey) -> Option<usize> {
        self.keys.iter().position(|k| k == key)
    }
}

/// Counts of one bucket (a week and a breakdown value): responses, and per variable per value.
#[derive(Debug, Clone, Default)]
pub struct Bucket {
    pub responses: u32,
    pub counts: Vec<Vec<u32>>,
}

impl Bucket {
    pub fn add(&mut self, other: &Bucket) {
        self.responses += other.responses;
        if self.counts.is_empty() {
            self.counts = other.counts.clone();
            return;
        }
        for (mine, theirs) in self.counts.iter_mut().zip(&other.counts) {
            for (m, t) in mine.iter_mut().zip(theirs) {
                *m += t;
            }
        }
    }
}

/// Counts per (week's Monday, value index of the breakdown variable or 0).
pub type Buckets = BTreeMap<(i32, usize), Bucket>;

/// Adds one response (its version, period day and counter slots) to `buckets`.
pub fn add(
    buckets: &mut Buckets,
    vars: &Variables,
    split: Option<usize>,
    version: u32,
    period: i32,
    slots: &[u16],
) {
    let Some(map) = vars.versions.get(&version) else { return };
    let mut chosen = map.defaults.clone();
    for s in slots {
        if let Some(Some((i, v))) = map.slots.get(*s as usize) {
            chosen[*i] = *v;
        }
    }
    let group = split.map_or(0, |i| chosen[i]);
    let bucket = buckets.entry((monday_of(period), group)).or_insert_with(|| Bucket {
        responses: 0,
        counts: vars.values.iter().map(|vals| vec![0; vals.len()]).collect(),
    });
    bucket.responses += 1;
    for (i, v) in chosen.into_iter().enumerate() {
        bucket.counts[i][v] += 1;
    }
}

/// Monday on or before a day number (1970-01-01 was a Thursday).
pub fn monday_of(day: i32) -> i32 {
    day - (day + 3).rem_euclid(7)
}
