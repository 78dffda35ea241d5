//! Figures: what the dashboard, the weekly summary, the report and the exports show of a
//! campaign's responses, per week and for the whole period, already passed through
//! small-cell suppression (`suppress`). Unfiltered figures come from the counters kept at
//! write time; a filtered view scans the campaign's responses once.
//!
//! Columns are the campaign's weeks (by Monday) and, last, the whole period. Each question
//! has an "answered" count and one count per value slot (see `Questionnaire::layout`).

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::model::campaign::{Campaign, Granularity, date_of, day_number};
use crate::model::figures::{Figures, Filter, QuestionFigures};
use crate::model::questionnaire::{Kind, Questionnaire};
use crate::store::StoredResponse;
use crate::suppress::{CellId, Cells};

/// Whether a kind's values partition its answers (each answer fills exactly one value slot).
fn partitions(kind: &Kind) -> bool {
    !matches!(kind, Kind::Multi { .. } | Kind::Story { .. })
}

/// Raw counts per column (weeks, then the whole period), each a counter vector.
#[derive(Debug, Clone)]
pub struct Counts {
    pub weeks: Vec<Date>,
    pub columns: Vec<Vec<u32>>,
    /// Per day number, responses (slot 0), for the day view.
    pub days: BTreeMap<i32, u32>,
}

/// Monday on or before a day number (1970-01-01 was a Thursday).
pub fn monday_of(day: i32) -> i32 {
    day - (day + 3).rem_euclid(7)
}

impl Counts {
    /// Sums per-period counters into the given weeks (Monday day numbers); periods outside
    /// them are added as weeks of their own.
    pub fn from_periods(mut weeks: Vec<i32>, periods: &[(i32, Vec<u32>)], len: usize) -> Counts {
        for (p, _) in periods {
            weeks.push(monday_of(*p));
        }
        weeks.sort_unstable();
        weeks.dedup();
        let mut columns = vec![vec![0u32; len]; weeks.len() + 1];
        let mut days = BTreeMap::new();
        for (p, values) in periods {
            let col = weeks.binary_search(&monday_of(*p)).expect("every period's week is a column");
            for (i, v) in values.iter().enumerate().take(len) {
                columns[col][i] += v;
                columns[weeks.len()][i] += v;
            }
            *days.entry(*p).or_default() += values.first().copied().unwrap_or(0);
        }
        Counts { weeks: weeks.into_iter().map(date_of).collect(), columns, days }
    }
}

/// Counts per period built one response at a time (a filtered view streams the campaign).
pub struct Tally<'a> {
    q: &'a Questionnaire,
    offsets: Vec<usize>,
    len: usize,
    version: u32,
    slot: Option<usize>,
    periods: BTreeMap<i32, Vec<u32>>,
}

impl<'a> Tally<'a> {
    pub fn new(q: &'a Questionnaire, version: u32, slot: Option<usize>) -> Tally<'a> {
        let (offsets, len) = q.layout();
        Tally { q, offsets, len, version, slot, periods: BTreeMap::new() }
    }

    pub fn add(&mut self, r: &StoredResponse) {
        let slots: Vec<u16> = crate::model::response::slots_at(self.q, &self.offsets, &r.answers)
            .into_iter()
            .map(|s| s as u16)
            .collect();
        self.add_slots(r.version, r.period, &slots);
    }

    /// Adds one response given by its slots (as the store keeps them for this scan).
    pub fn add_slots(&mut self, version: u32, period: i32, slots: &[u16]) {
        if version != self.version || self.slot.is_some_and(|s| !slots.contains(&(s as u16))) {
            return;
        }
        let len = self.len;
        let counts = self.periods.entry(period).or_insert_with(|| vec![0; len]);
        for s in slots {
            if let Some(c) = counts.get_mut(*s as usize) {
                *c += 1;
            }
        }
    }

    pub fn counts(self, weeks: Vec<i32>) -> Counts {
        let periods: Vec<(i32, Vec<u32>)> = self.periods.into_iter().collect();
        Counts::from_periods(weeks, &periods, self.len)
    }
}

/// The week columns a campaign shows at `today`: from its start to its end or today.
pub fn campaign_weeks(c: &Campaign, today: Date) -> Vec<i32> {
    let first = monday_of(day_number(c.settings.start));
    let last = day_number(c.settings.end.min(today));
    (first..=last).step_by(7).collect()
}

/// The counter slot of a filter's value.
pub fn filter_slot(q: &Questionnaire, f: &Filter) -> Option<usize> {
    let (offsets, _) = q.layout();
    let i = q.questions.iter().position(|x| x.id == f.question)?;
    Some(offsets[i] + 1 + f.value)
}

/// What one decided view needs to know of another it must stay consistent with.
struct Counterpart<'a> {
    counts: &'a Counts,
    figures: &'a Figures,
}

/// The unfiltered block beside a filtered one: its counts, its first slot, and the shown
/// state of each of its rows.
type Beside<'a> = (&'a Counts, usize, Vec<&'a [Option<u32>]>);

/// Decides the figures of `counts` with threshold `k`. A filtered view passes the
/// unfiltered counts and figures it is shown beside, so that no difference between the two
/// reveals a small group.
pub fn figures(
    c: &Campaign,
    q: &Questionnaire,
    version: u32,
    counts: &Counts,
    unfiltered: Option<(&Counts, &Figures)>,
) -> Figures {
    let k = c.settings.k;
    let other = unfiltered.map(|(counts, figures)| Counterpart { counts, figures });
    let ncol = counts.columns.len();
    let cp_responses = other.as_ref().map(|o| (o.counts, o.figures.responses.as_slice()));
    let responses = decide_block(k, counts, 0, 0, false, None, cp_responses.map(|(c, f)| (c, 0, vec![f])));
    let responses: Vec<Option<u32>> = responses.into_iter().map(|mut v| v.remove(0)).collect();
    let shown_responses: Vec<bool> = responses.iter().map(Option::is_some).collect();
    let (offsets, _) = q.layout();
    let mut questions = Vec::new();
    for (question, base) in q.questions.iter().zip(offsets) {
        let n = question.kind.slots();
        let cp = other.as_ref().and_then(|o| {
            let qf = o.figures.questions.iter().find(|x| x.id == question.id)?;
            let mut rows = vec![qf.answered.as_slice()];
            rows.extend(qf.values.iter().map(Vec::as_slice));
            Some((o.counts, base, rows))
        });
        let decided =
            decide_block(k, counts, base, n, partitions(&question.kind), Some((&shown_responses, 0)), cp);
        let answered = decided.iter().map(|col| col[0]).collect();
        let values: Vec<Vec<Option<u32>>> =
            (1..=n).map(|j| decided.iter().map(|col| col[j]).collect()).collect();
        let means = (0..ncol).map(|col| mean(&question.kind, &decided[col])).collect();
        questions.push(QuestionFigures { id: question.id.clone(), answered, values, means });
    }
    // Days are shown for the unfiltered view only.
    let days = if unfiltered.is_none() && c.settings.granularity == Granularity::Day {
        day_view(k, counts, &responses)
    } else {
        Vec::new()
    };
    Figures { version, k, weeks: counts.weeks.clone(), responses, days, questions }
}

/// One question's (or the response row's) block: for each column, the shown count of the
/// slots `base..=base + n`. `parent` is the response row the answered counts belong to;
/// `counterpart` the unfiltered counts and their shown state, row by row.
fn decide_block(
    k: u32,
    counts: &Counts,
    base: usize,
    n: usize,
    partition: bool,
    parent: Option<(&[bool], usize)>,
    counterpart: Option<Beside>,
) -> Vec<Vec<Option<u32>>> {
    let mut cells = Cells::new();
    let ncol = counts.columns.len();
    let total_col = ncol - 1;
    let at = |col: usize, j: usize| counts.columns[col].get(base + j).copied().unwrap_or(0);
    let ids: Vec<Vec<CellId>> = (0..ncol)
        .map(|col| {
            (0..=n)
                .map(|j| {
                    let v = at(col, j);
                    let id = cells.cell(v);
                    if let Some((other, other_base, shown)) = &counterpart {
                        let u = other.columns[col].get(other_base + j).copied().unwrap_or(0);
                        let u_id = cells.fixed(u, shown[j][col].is_some());
                        let rest = cells.never(u - v);
                        cells.sum(u_id, vec![id, rest]);
                    }
                    id
                })
                .collect()
        })
        .collect();
    for (j, whole) in ids[total_col].iter().enumerate() {
        cells.sum(*whole, ids[..total_col].iter().map(|col| col[j]).collect());
    }
    for (col, row) in ids.iter().enumerate() {
        if let Some((shown, slot)) = parent {
            let p = counts.columns[col][slot];
            let p_id = cells.fixed(p, shown[col]);
            let skipped = cells.never(p - at(col, 0));
            cells.sum(p_id, vec![row[0], skipped]);
        }
        if n == 0 {
            continue;
        }
        if partition {
            cells.sum(row[0], row[1..].to_vec());
        } else {
            for j in 1..=n {
                let not_chosen = cells.never(at(col, 0) - at(col, j));
                cells.sum(row[0], vec![row[j], not_chosen]);
            }
        }
    }
    let shown = cells.decide(k);
    ids.iter().map(|row| row.iter().map(|id| shown.get(&cells, *id)).collect()).collect()
}

/// Day figures: each day of each week with its week's total; offered only when every day
/// has at least k responses and the suppression rule shows them all.
fn day_view(k: u32, counts: &Counts, responses: &[Option<u32>]) -> Vec<(Date, u32)> {
    let mut cells = Cells::new();
    let mut days = Vec::new();
    for (col, week) in counts.weeks.iter().enumerate() {
        let monday = day_number(*week);
        let in_week: Vec<(i32, u32)> =
            (monday..monday + 7).filter_map(|d| counts.days.get(&d).map(|n| (d, *n))).collect();
        if in_week.is_empty() {
            continue;
        }
        let total = cells.fixed(counts.columns[col][0], responses[col].is_some());
        let ids: Vec<CellId> = in_week.iter().map(|(_, n)| cells.cell(*n)).collect();
        let listed: u32 = in_week.iter().map(|(_, n)| n).sum();
        let mut parts = ids.clone();
        parts.push(cells.never(counts.columns[col][0] - listed));
        cells.sum(total, parts);
        days.extend(in_week.iter().zip(ids).map(|((d, n), id)| (*d, *n, id)));
    }
    let shown = cells.decide(k);
    if days.is_empty() || days.iter().any(|(_, n, id)| *n < k || !shown.is_shown(*id)) {
        return Vec::new();
    }
    days.into_iter().map(|(d, n, _)| (date_of(d), n)).collect()
}

/// The mean of a scale column (without "don't know"), only when all its counts are shown.
fn mean(kind: &Kind, column: &[Option<u32>]) -> Option<f64> {
    let Kind::Scale { min, max, .. } = kind else { return None };
    let steps = (max - min + 1) as usize;
    let values: Option<Vec<u32>> = column.iter().copied().collect();
    let values = values?;
    let (sum, n) = values[1..=steps]
        .iter()
        .enumerate()
        .fold((0u64, 0u64), |(s, n), (i, c)| (s + (*min as u64 + i as u64) * *c as u64, n + *c as u64));
    (n > 0).then(|| sum as f64 / n as f64)
}

/// A campaign's figures for one questionnaire version at `today`: from the counters, or,
/// with a filter, from a scan of the campaign's responses beside the unfiltered figures.
pub fn load(
    store: &crate::store::Store,
    c: &Campaign,
    q: &Questionnaire,
    version: u32,
    today: Date,
    filter: Option<Filter>,
) -> Result<Figures, crate::store::StoreError> {
    let weeks = campaign_weeks(c, today);
    let counts = Counts::from_periods(weeks.clone(), &store.counters_of(&c.id, version)?, q.layout().1);
    let unfiltered = figures(c, q, version, &counts, None);
    let Some(filter) = filter else { return Ok(unfiltered) };
    let Some(slot) = filter_slot(q, &filter) else { return Ok(unfiltered) };
    let mut tally = Tally::new(q, version, Some(slot));
    store.for_each_slots(&c.id, |version, period, slots| tally.add_slots(version, period, slots))?;
    let filtered = tally.counts(counts_weeks(&counts));
    Ok(figures(c, q, version, &filtered, Some((&counts, &unfiltered))))
}

/// The week columns of `counts` as Monday day numbers, so a filtered view has the same.
fn counts_weeks(counts: &Counts) -> Vec<i32> {
    counts.weeks.iter().map(|w| day_number(*w)).collect()
}

#[cfg(test)]
mod tests;
