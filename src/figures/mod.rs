//! Figures: what staff and participants see of a campaign's responses.
//!
//! Only completed periods are shown. When a week has ended (in the campaign's time zone, or
//! the campaign has closed), its counts are released: decided once (`protect`) and frozen in
//! the store, and every surface — dashboard, summaries, report, exports — shows that one
//! release, so nothing can be compared across surfaces or over time. A week with fewer than
//! k responses is not released on its own: it joins the next one. Once the campaign has
//! ended, the whole campaign is released too (its counts across the released weeks); a tail
//! of fewer than k responses after the last released week is left out of every figure.
//! A campaign may release only the whole campaign instead of weeks; either way one question
//! (single choice or yes/no) can split a release into groups of at least k (smaller groups
//! are merged into "other answers", and that into the smallest group if still small).

pub mod protect;
pub mod tally;

use std::collections::BTreeMap;

use crate::model::campaign::{Campaign, Results, Status, day_number};
use crate::model::figures::{Group, Release, VarCounts, VarKey, can_split};
use crate::model::questionnaire::Questionnaire;
use crate::store::{Store, StoreError};
use protect::{Cell, Family, PeriodCells, State};
use tally::{Bucket, Buckets, Variables, monday_of};

/// A release becomes due this long after its last day has ended, so that a response
/// submitted at 23:59 on that day is stored before the counts are taken.
const GRACE_SECS: i64 = 3600;

/// The campaign's releases, oldest period first and the whole campaign last, releasing first
/// whatever has become due at `now`.
pub fn releases(store: &Store, c: &Campaign, now: i64) -> Result<Vec<Release>, StoreError> {
    let existing = store.releases(&c.id)?;
    let due = Due::at(c, &existing, now);
    if due.weeks.is_empty() && !due.whole {
        return Ok(existing);
    }
    let fresh = decide(store, c, &existing, &due)?;
    store.save_releases(&c.id, &fresh)?;
    store.releases(&c.id)
}

/// The questionnaire versions of a campaign.
pub fn versions(store: &Store, c: &Campaign) -> Result<Vec<(u32, Questionnaire)>, StoreError> {
    (1..=c.version).map(|v| Ok((v, store.questionnaire(&c.id, v)?.unwrap_or_default()))).collect()
}

/// The values of a question (as it has meant since `since`) that some response chose: for
/// a multi-choice question, its options chosen.
pub fn answered_values(
    store: &Store,
    c: &Campaign,
    question: &str,
    since: u32,
) -> Result<std::collections::BTreeSet<String>, StoreError> {
    let vars = Variables::of(&versions(store, c)?);
    let mut buckets = Buckets::new();
    store.for_each_slots(&c.id, |version, period, slots| {
        tally::add(&mut buckets, &vars, None, version, period, slots)
    })?;
    let mut all = Bucket::default();
    for b in buckets.values() {
        all.add(b);
    }
    let mut out = std::collections::BTreeSet::new();
    for (i, key) in vars.keys.iter().enumerate().filter(|(_, k)| k.question == question && k.since == since) {
        let counts = all.counts.get(i).cloned().unwrap_or_default();
        for (value, n) in vars.values[i].iter().zip(counts) {
            let chosen = match &key.option {
                Some(option) => (value == crate::model::figures::CHOSEN).then(|| option.clone()),
                None => (value != crate::model::figures::NO_ANSWER
                    && value != crate::model::figures::NOT_ASKED)
                    .then(|| value.clone()),
            };
            if let Some(v) = chosen.filter(|_| n > 0) {
                out.insert(v);
            }
        }
    }
    Ok(out)
}

/// The breakdown variable of a campaign, if it names a question that can split.
pub fn breakdown(c: &Campaign, current: &Questionnaire) -> Option<VarKey> {
    let q = current.question(&c.settings.breakdown)?;
    can_split(&q.kind).then(|| VarKey { question: q.id.clone(), since: q.since, option: None })
}

/// What is due for release.
struct Due {
    /// Completed weeks (Mondays) after the last released period, in order.
    weeks: Vec<i32>,
    /// The campaign has ended and its whole release is not made yet.
    whole: bool,
    ended: bool,
}

impl Due {
    fn at(c: &Campaign, existing: &[Release], now: i64) -> Due {
        let released_whole = existing.iter().any(|r| r.whole);
        if c.status == Status::Draft || released_whole {
            return Due { weeks: Vec::new(), whole: false, ended: true };
        }
        let today = day_number(c.settings.today(now - GRACE_SECS));
        let last_day = c.closed_day(c.settings.today(now - GRACE_SECS)).map(day_number);
        let ended = last_day.is_some_and(|d| d < today || c.status == Status::Closed);
        let end = last_day.unwrap_or(day_number(c.settings.end));
        let after = existing.iter().map(|r| r.last + 1).max().unwrap_or(i32::MIN);
        let first = monday_of(day_number(c.settings.start));
        let weeks: Vec<i32> = (first..=end)
            .step_by(7)
            .filter(|w| w + 7 > after && (w + 6).min(end) < today)
            .filter(|_| c.settings.results == Results::Weekly)
            .collect();
        Due { weeks, whole: ended, ended }
    }
}

/// Per variable, the cells of every release so far plus the ones being decided.
struct Builder<'a> {
    vars: &'a Variables,
    k: u32,
    split: Option<usize>,
    families: Vec<Family>,
}

/// One period as counted: its weeks, its responses per breakdown value, and the groups made
/// of those values.
struct Counted {
    first: i32,
    last: i32,
    by_value: BTreeMap<usize, Bucket>,
    groups: Vec<Vec<usize>>,
}

impl Counted {
    fn total(&self) -> Bucket {
        let mut all = Bucket::default();
        for b in self.by_value.values() {
            all.add(b);
        }
        all
    }

    fn group(&self, values: &[usize]) -> Bucket {
        let mut all = Bucket::default();
        for v in values {
            if let Some(b) = self.by_value.get(v) {
                all.add(b);
            }
        }
        all
    }
}

fn counted(buckets: &Buckets, first: i32, last: i32) -> Counted {
    let mut by_value: BTreeMap<usize, Bucket> = BTreeMap::new();
    for ((week, value), b) in buckets.range((monday_of(first), 0)..=(monday_of(last), usize::MAX)) {
        if *week >= monday_of(first) && *week <= last {
            by_value.entry(*value).or_default().add(b);
        }
    }
    Counted { first, last, by_value, groups: Vec::new() }
}

/// Groups of at least k: small values merged into one "other" group, and that, if still
/// small, into the smallest group. Fewer than two groups: no split.
fn make_groups(by_value: &BTreeMap<usize, Bucket>, k: u32) -> Vec<Vec<usize>> {
    type Sized = Vec<(u32, Vec<usize>)>;
    let (mut groups, small): (Sized, Sized) = by_value
        .iter()
        .filter(|(_, b)| b.responses > 0)
        .map(|(v, b)| (b.responses, vec![*v]))
        .partition(|(n, _)| *n >= k);
    let other: (u32, Vec<usize>) = small.into_iter().fold((0, Vec::new()), |(n, mut vs), (m, v)| {
        (n + m, {
            vs.extend(v);
            vs
        })
    });
    if other.0 >= k {
        groups.push(other);
    } else if other.0 > 0 {
        match groups.iter_mut().min_by_key(|g| g.0) {
            Some(smallest) => {
                smallest.0 += other.0;
                smallest.1.extend(other.1);
            }
            None => return Vec::new(),
        }
    }
    if groups.len() < 2 { Vec::new() } else { groups.into_iter().map(|g| g.1).collect() }
}

impl Builder<'_> {
    fn new<'a>(vars: &'a Variables, k: u32, split: Option<usize>) -> Builder<'a> {
        let families = vars.keys.iter().map(|_| Family { k, periods: Vec::new(), whole: None }).collect();
        Builder { vars, k, split, families }
    }

    /// Adds a period: frozen as `release` showed it, or open to decide.
    fn add_period(&mut self, period: &Counted, release: Option<&Release>) {
        let total = period.total();
        let groups: Vec<Bucket> = period.groups.iter().map(|g| period.group(g)).collect();
        for (i, family) in self.families.iter_mut().enumerate() {
            let key = &self.vars.keys[i];
            let values = &self.vars.values[i];
            let cells = |bucket: &Bucket, shown: Option<&VarCounts>| -> Vec<Cell> {
                values
                    .iter()
                    .enumerate()
                    .map(|(v, id)| {
                        let value = bucket.counts.get(i).map_or(0, |c| c[v]);
                        match (release, shown) {
                            (None, _) => Cell::open(value),
                            // A value that release did not have could not be chosen then: 0.
                            (Some(_), Some(s)) if s.has(id) => Cell::frozen(value, s.count(id).is_some()),
                            (Some(_), _) => Cell::frozen(value, true),
                        }
                    })
                    .collect()
            };
            let counts = cells(&total, release.and_then(|r| r.variable(key)));
            let groups = groups
                .iter()
                .enumerate()
                .map(|(g, bucket)| {
                    let shown = release
                        .and_then(|r| r.groups.get(g))
                        .and_then(|g| g.variables.iter().find(|v| v.key == *key));
                    (bucket.responses, cells(bucket, shown))
                })
                .collect();
            family.periods.push(PeriodCells { counts, groups });
        }
    }

    fn open_whole(&mut self) {
        for family in &mut self.families {
            let values = family.periods.first().map_or(0, |p| p.counts.len());
            let sums = (0..values)
                .map(|v| family.periods.iter().map(|p| p.counts[v].value).sum())
                .collect::<Vec<u32>>();
            family.whole = Some(sums.into_iter().map(Cell::open).collect());
        }
    }

    /// Decides the open cells and returns the release of the last period (or the whole).
    fn release(&mut self, period: &Counted, whole: bool, split: Option<&VarKey>) -> Release {
        for family in &mut self.families {
            family.decide();
        }
        let last = |cells: &[Cell]| -> Vec<Option<u32>> {
            cells.iter().map(|c| (c.state == State::Shown).then_some(c.value)).collect()
        };
        let var = |i: usize, cells: &[Cell]| VarCounts {
            key: self.vars.keys[i].clone(),
            values: self.vars.values[i].clone(),
            counts: last(cells),
        };
        let mut variables = Vec::new();
        let mut groups: Vec<Group> = period
            .groups
            .iter()
            .map(|g| Group {
                values: g
                    .iter()
                    .map(|v| self.vars.values[self.split.expect("groups need a split")][*v].clone())
                    .collect(),
                size: period.group(g).responses,
                variables: Vec::new(),
            })
            .collect();
        for (i, family) in self.families.iter().enumerate() {
            if let Some(cells) = family.whole.as_ref().filter(|_| whole) {
                variables.push(var(i, cells));
                continue;
            }
            let p = family.periods.last().expect("a period");
            variables.push(var(i, &p.counts));
            for (g, (_, cells)) in p.groups.iter().enumerate() {
                groups[g].variables.push(var(i, cells));
            }
        }
        Release {
            first: period.first,
            last: period.last,
            whole,
            k: self.k,
            responses: period.total().responses,
            variables,
            breakdown: (!groups.is_empty()).then(|| split.cloned()).flatten(),
            groups,
        }
    }
}

fn decide(store: &Store, c: &Campaign, existing: &[Release], due: &Due) -> Result<Vec<Release>, StoreError> {
    let versions = versions(store, c)?;
    let current = versions.last().map(|(_, q)| q.clone()).unwrap_or_default();
    let vars = Variables::of(&versions);
    let split_key = breakdown(c, &current);
    let split = split_key.as_ref().and_then(|k| vars.position(k));
    let mut buckets = Buckets::new();
    store.for_each_slots(&c.id, |version, period, slots| {
        tally::add(&mut buckets, &vars, split, version, period, slots)
    })?;
    let k = c.settings.k;
    let mut b = Builder::new(&vars, k, split);
    let mut released: Vec<Counted> = Vec::new();
    for r in existing.iter().filter(|r| !r.whole) {
        let mut period = counted(&buckets, r.first, r.last);
        period.groups = r
            .groups
            .iter()
            .map(|g| {
                g.values
                    .iter()
                    .filter_map(|v| split.and_then(|s| vars.values[s].iter().position(|x| x == v)))
                    .collect()
            })
            .collect();
        b.add_period(&period, Some(r));
        released.push(period);
    }
    let mut fresh = Vec::new();
    let end = day_number(c.settings.end).min(c.closed_on.map_or(i32::MAX, day_number));
    let grouped = |period: &mut Counted| {
        if split.is_some() {
            period.groups = make_groups(&period.by_value, k);
        }
    };
    // Weeks join until they hold k responses.
    let mut from: Option<i32> = None;
    for week in &due.weeks {
        let first = *from.get_or_insert(day_number(c.settings.start).max(*week));
        let mut period = counted(&buckets, first, (week + 6).min(end));
        if period.total().responses < k {
            continue;
        }
        from = None;
        grouped(&mut period);
        b.add_period(&period, None);
        fresh.push(b.release(&period, false, split_key.as_ref()));
        released.push(period);
    }
    if due.whole && due.ended {
        let start = day_number(c.settings.start);
        if c.settings.results == Results::Campaign {
            let mut period = counted(&buckets, start, end);
            if period.total().responses >= k {
                grouped(&mut period);
                b.add_period(&period, None);
                fresh.push(b.release(&period, true, split_key.as_ref()));
            }
        } else if !released.is_empty() {
            // The whole campaign: every released week, without a tail too small to show.
            let mut whole = Counted {
                first: start,
                last: released.last().map_or(end, |p| p.last),
                by_value: BTreeMap::new(),
                groups: Vec::new(),
            };
            for p in &released {
                for (v, bucket) in &p.by_value {
                    whole.by_value.entry(*v).or_default().add(bucket);
                }
            }
            b.open_whole();
            let mut release = b.release(&whole, true, None);
            release.first = whole.first;
            fresh.push(release);
        }
        if fresh.iter().all(|r| !r.whole) {
            // Nothing to show for the whole campaign: mark it released, empty, so it is not
            // decided again.
            fresh.push(Release {
                first: start,
                last: end,
                whole: true,
                k,
                responses: 0,
                variables: Vec::new(),
                breakdown: None,
                groups: Vec::new(),
            });
        }
    }
    Ok(fresh)
}
