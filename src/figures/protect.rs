//! The protection decision: which counts of a release are shown.
//!
//! The attacker designed against holds every release any role can see — each period's
//! counts, each period's groups, the whole campaign's counts, the summaries and exports of the
//! same releases — and knows how they add up, and solves for hidden counts by linear or
//! integer programming. Releases are shaped so that this attack is exactly computable:
//! - for one variable (a question, or one option of a multi-choice question), the counts of
//!   all releases form a flow network: each group of a period (its size shown) sends its
//!   members to the period's values (the group counts), each period's values send them on
//!   to the campaign's values (the period counts), and those to the total (the whole
//!   campaign's counts). A count is the flow on one arc.
//! - variables are joined only by the period and group sizes, which are always shown, so
//!   no variable tells anything about another's hidden counts;
//! - a period's groups are never summed over periods (no breakdown of the whole campaign
//!   when it has weekly periods), which would break the network shape.
//!
//! A network's constraint matrix is totally unimodular, so the attacker's best integer
//! bounds on a count equal its linear bounds, and those come from max-flow: a hidden count
//! can fall by as much flow as can go around it through hidden arcs (a hidden arc can carry
//! more either way, or less down to zero), and rise likewise.
//!
//! A count is sensitive when it is 1 to k−1 (a small group), or, within a group of at least
//! k, when fewer than k of the group gave any other value (nearly all of a group answered
//! alike, which tells each member's answer). A sensitive count is hidden, and must stay
//! protected against everything shown: a small count must be able to be zero, a dominant
//! one must be able to leave k of its group elsewhere. Further, where a total is shown, its
//! hidden parts together must not be 1 to k−1. Counts are hidden, smallest first, next to
//! the one whose protection fails, until every sensitive count holds; counts an earlier
//! release froze never change.

use std::collections::VecDeque;

/// Whether a count is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Shown,
    Hidden,
    /// Part of the release being decided.
    Open,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub value: u32,
    pub state: State,
}

impl Cell {
    pub fn open(value: u32) -> Cell {
        Cell { value, state: State::Open }
    }

    pub fn frozen(value: u32, shown: bool) -> Cell {
        Cell { value, state: if shown { State::Shown } else { State::Hidden } }
    }
}

/// One period of one variable: its counts per value and, when split, its groups' sizes and
/// counts per value.
#[derive(Debug, Clone)]
pub struct PeriodCells {
    pub counts: Vec<Cell>,
    pub groups: Vec<(u32, Vec<Cell>)>,
}

/// Every release of one variable: its periods and, once released, the whole campaign.
#[derive(Debug, Clone)]
pub struct Family {
    pub k: u32,
    pub periods: Vec<PeriodCells>,
    pub whole: Option<Vec<Cell>>,
}

/// Where a cell sits: (period, group or None for the period's count, value), or the whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum At {
    Period(usize, Option<usize>, usize),
    Whole(usize),
}

const INF: i64 = 1 << 40;

struct Arc {
    from: usize,
    to: usize,
    at: Option<At>,
}

/// The network of a family: nodes and one arc per count (free arcs for the whole campaign's
/// counts while it is not released).
struct Net {
    nodes: usize,
    arcs: Vec<Arc>,
}

impl Family {
    fn values(&self) -> usize {
        self.periods.first().map_or(0, |p| p.counts.len())
    }

    fn cell(&self, at: At) -> Cell {
        match at {
            At::Period(p, None, v) => self.periods[p].counts[v],
            At::Period(p, Some(g), v) => self.periods[p].groups[g].1[v],
            At::Whole(v) => self.whole.as_ref().expect("released")[v],
        }
    }

    fn cell_mut(&mut self, at: At) -> &mut Cell {
        match at {
            At::Period(p, None, v) => &mut self.periods[p].counts[v],
            At::Period(p, Some(g), v) => &mut self.periods[p].groups[g].1[v],
            At::Whole(v) => &mut self.whole.as_mut().expect("released")[v],
        }
    }

    /// The value of every arc, and whether the attacker can move it.
    fn net(&self) -> Net {
        let values = self.values();
        // Nodes: campaign values 0..values, total, then per period its groups and values.
        let total = values;
        let mut nodes = values + 1;
        let mut arcs = Vec::new();
        for (p, period) in self.periods.iter().enumerate() {
            let period_values: Vec<usize> = if period.groups.len() >= 2 {
                let first = nodes;
                nodes += values;
                for (g, (_, cells)) in period.groups.iter().enumerate() {
                    let group = nodes;
                    nodes += 1;
                    for v in 0..cells.len() {
                        arcs.push(Arc { from: group, to: first + v, at: Some(At::Period(p, Some(g), v)) });
                    }
                }
                (first..first + values).collect()
            } else {
                let node = nodes;
                nodes += 1;
                vec![node; values]
            };
            for (v, from) in period_values.into_iter().enumerate() {
                arcs.push(Arc { from, to: v, at: Some(At::Period(p, None, v)) });
            }
        }
        for v in 0..values {
            let at = self.whole.as_ref().map(|_| At::Whole(v));
            arcs.push(Arc { from: v, to: total, at });
        }
        Net { nodes, arcs }
    }

    /// The flow on an arc.
    fn flow(&self, arc: &Arc) -> i64 {
        match arc.at {
            Some(at) => self.cell(at).value as i64,
            None => self.periods.iter().map(|p| p.counts[arc.from].value as i64).sum(),
        }
    }

    /// Whether the attacker can move an arc: a hidden count, or one not released. An open
    /// count is shown unless the decision hides it, so it counts as shown meanwhile.
    fn movable(&self, arc: &Arc) -> bool {
        arc.at.is_none_or(|at| self.cell(at).state == State::Hidden)
    }

    /// How far an attacker can move arc `target` down and up while everything shown holds.
    fn bounds(&self, net: &Net, target: usize) -> (i64, i64) {
        let mut cap = vec![vec![0i64; net.nodes]; net.nodes];
        for (i, arc) in net.arcs.iter().enumerate() {
            if i == target || !self.movable(arc) {
                continue;
            }
            cap[arc.from][arc.to] = cap[arc.from][arc.to].saturating_add(INF);
            cap[arc.to][arc.from] += self.flow(arc);
        }
        let arc = &net.arcs[target];
        let flow = self.flow(arc);
        let down = max_flow(cap.clone(), arc.from, arc.to, flow);
        let up = max_flow(cap, arc.to, arc.from, INF);
        (flow - down, flow.saturating_add(up))
    }

    /// What a hidden cell must withstand: None when it is not sensitive.
    fn need(&self, at: At) -> Option<i64> {
        let value = self.cell(at).value;
        if (1..self.k).contains(&value) {
            return Some(0);
        }
        if let At::Period(p, Some(g), _) = at {
            let size = self.periods[p].groups[g].0;
            if value > 0 && size >= self.k && size - value < self.k {
                return Some((size - self.k) as i64);
            }
        }
        None
    }

    fn all_cells(&self) -> Vec<At> {
        let mut out = Vec::new();
        for (p, period) in self.periods.iter().enumerate() {
            out.extend((0..period.counts.len()).map(|v| At::Period(p, None, v)));
            for (g, (_, cells)) in period.groups.iter().enumerate() {
                out.extend((0..cells.len()).map(|v| At::Period(p, Some(g), v)));
            }
        }
        if let Some(whole) = &self.whole {
            out.extend((0..whole.len()).map(At::Whole));
        }
        out
    }

    /// The shown totals, each with its parts.
    fn totals(&self) -> Vec<(Option<At>, Vec<At>)> {
        let mut out = Vec::new();
        for (p, period) in self.periods.iter().enumerate() {
            let values = period.counts.len();
            out.push((None, (0..values).map(|v| At::Period(p, None, v)).collect()));
            for (g, (_, cells)) in period.groups.iter().enumerate() {
                out.push((None, (0..cells.len()).map(|v| At::Period(p, Some(g), v)).collect()));
            }
            if period.groups.len() >= 2 {
                for v in 0..values {
                    let parts = (0..period.groups.len()).map(|g| At::Period(p, Some(g), v)).collect();
                    out.push((Some(At::Period(p, None, v)), parts));
                }
            }
        }
        if let Some(whole) = &self.whole {
            out.push((None, (0..whole.len()).map(At::Whole).collect()));
            for v in 0..whole.len() {
                out.push((
                    Some(At::Whole(v)),
                    (0..self.periods.len()).map(|p| At::Period(p, None, v)).collect(),
                ));
            }
        }
        out
    }

    fn hidden(&self, at: At) -> bool {
        self.cell(at).state == State::Hidden
    }

    /// The smallest open, still shown cell among `candidates`.
    fn smallest_open(&self, candidates: impl Iterator<Item = At>) -> Option<At> {
        candidates
            .filter(|at| self.cell(*at).state == State::Open)
            // An empty count hidden beside a small one adds no doubt about it: zeros last.
            .min_by_key(|at| (self.cell(*at).value == 0, self.cell(*at).value, format!("{at:?}")))
    }

    /// Decides every open cell: shown unless protection needs it hidden.
    pub fn decide(&mut self) {
        for at in self.all_cells() {
            if self.cell(at).state == State::Open && self.need(at).is_some() {
                self.cell_mut(at).state = State::Hidden;
            }
        }
        let limit = self.all_cells().len() + 1;
        for _ in 0..limit {
            match self.first_failure() {
                None => break,
                Some(near) => match self.smallest_open(near.into_iter()) {
                    Some(at) => self.cell_mut(at).state = State::Hidden,
                    None => match self.smallest_open(self.all_cells().into_iter()) {
                        Some(at) => self.cell_mut(at).state = State::Hidden,
                        None => break,
                    },
                },
            }
        }
        debug_assert!(self.first_failure().is_none(), "every open cell hidden and still a leak");
        for at in self.all_cells() {
            if self.cell(at).state == State::Open {
                self.cell_mut(at).state = State::Shown;
            }
        }
    }

    /// The cells next to the first protection that fails (to hide one of), if any.
    fn first_failure(&self) -> Option<Vec<At>> {
        for (total, parts) in self.totals() {
            if total.is_some_and(|t| self.hidden(t)) {
                continue;
            }
            let hidden: u32 = parts.iter().filter(|p| self.hidden(**p)).map(|p| self.cell(*p).value).sum();
            if (1..self.k).contains(&hidden) {
                let mut near = parts.clone();
                near.extend(total);
                return Some(near);
            }
        }
        let net = self.net();
        for (i, arc) in net.arcs.iter().enumerate() {
            let Some(at) = arc.at else { continue };
            let Some(need) = self.need(at).filter(|_| self.hidden(at)) else { continue };
            let (low, _) = self.bounds(&net, i);
            if low > need {
                let near = net
                    .arcs
                    .iter()
                    .filter(|a| [a.from, a.to].iter().any(|n| *n == arc.from || *n == arc.to))
                    .filter_map(|a| a.at)
                    .collect();
                return Some(near);
            }
        }
        None
    }

    /// Every sensitive hidden cell with the attacker's bounds on it (for tests and audits).
    pub fn audit(&self) -> Vec<(u32, i64, i64)> {
        let net = self.net();
        net.arcs
            .iter()
            .enumerate()
            .filter_map(|(i, arc)| {
                let at = arc.at?;
                self.need(at)?;
                let (low, high) = self.bounds(&net, i);
                Some((self.cell(at).value, low, high))
            })
            .collect()
    }

    /// The decided cells back, in the shape they came in.
    pub fn into_parts(self) -> (Vec<PeriodCells>, Option<Vec<Cell>>) {
        (self.periods, self.whole)
    }
}

/// The largest flow from `s` to `t` (at most `limit`) in a graph of capacities.
fn max_flow(mut cap: Vec<Vec<i64>>, s: usize, t: usize, limit: i64) -> i64 {
    let n = cap.len();
    let mut flow = 0;
    while flow < limit {
        let mut prev = vec![usize::MAX; n];
        prev[s] = s;
        let mut queue = VecDeque::from([s]);
        while let Some(u) = queue.pop_front() {
            if u == t {
                break;
            }
            for v in 0..n {
                if prev[v] == usize::MAX && cap[u][v] > 0 {
                    prev[v] = u;
                    queue.push_back(v);
                }
            }
        }
        if prev[t] == usize::MAX {
            break;
        }
        let mut push = limit - flow;
        let mut v = t;
        while v != s {
            push = push.min(cap[prev[v]][v]);
            v = prev[v];
        }
        let mut v = t;
        while v != s {
            cap[prev[v]][v] -= push;
            cap[v][prev[v]] += push;
            v = prev[v];
        }
        flow += push;
    }
    flow
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(counts: &[u32]) -> PeriodCells {
        PeriodCells { counts: counts.iter().map(|c| Cell::open(*c)).collect(), groups: Vec::new() }
    }

    fn shown(cells: &[Cell]) -> Vec<Option<u32>> {
        cells.iter().map(|c| (c.state == State::Shown).then_some(c.value)).collect()
    }

    #[test]
    fn a_small_count_is_hidden_with_enough_beside_it() {
        let mut f = Family { k: 5, periods: vec![period(&[12, 3, 9, 0])], whole: None };
        f.decide();
        let (periods, _) = f.into_parts();
        let out = shown(&periods[0].counts);
        assert_eq!(out[1], None, "the 3 is hidden");
        let hidden: u32 =
            periods[0].counts.iter().filter(|c| c.state == State::Hidden).map(|c| c.value).sum();
        assert!(hidden >= 5, "the hidden ones together are no small group: {out:?}");
    }

    #[test]
    fn the_whole_campaign_never_gives_away_a_period_it_sums() {
        // Two periods; the first froze with its 2 hidden. The whole campaign's count of that
        // value would give it away: 2 = whole − 7.
        let mut first = period(&[10, 2, 6]);
        for (c, shown) in first.counts.iter_mut().zip([true, false, false]) {
            c.state = if shown { State::Shown } else { State::Hidden };
        }
        let second = PeriodCells {
            counts: [9, 7, 5].iter().map(|v| Cell::frozen(*v, true)).collect(),
            groups: Vec::new(),
        };
        let mut f = Family {
            k: 5,
            periods: vec![first, second],
            whole: Some(vec![Cell::open(19), Cell::open(9), Cell::open(11)]),
        };
        f.decide();
        for (value, low, high) in f.audit() {
            assert!(
                low == 0 || low > value as i64 || high < value as i64,
                "{value} bounded to {low}..{high}"
            );
            assert_eq!(low, 0, "a small count can be empty");
        }
        let (_, whole) = f.into_parts();
        let whole = whole.unwrap();
        assert_eq!(whole[0].state, State::Shown, "what gives nothing away stays shown");
        assert!(whole[1].state == State::Hidden && whole[2].state == State::Hidden);
    }

    #[test]
    fn groups_protect_small_and_nearly_unanimous_cells() {
        // A yes/no question in a period of 30, split in groups of 12, 10 and 8.
        let groups = vec![
            (12, vec![Cell::open(11), Cell::open(1), Cell::open(0)]),
            (10, vec![Cell::open(4), Cell::open(6), Cell::open(0)]),
            (8, vec![Cell::open(6), Cell::open(2), Cell::open(0)]),
        ];
        let p = PeriodCells { counts: vec![Cell::open(21), Cell::open(9), Cell::open(0)], groups };
        let mut f = Family { k: 5, periods: vec![p], whole: None };
        f.decide();
        let audit = f.audit();
        assert!(!audit.is_empty());
        let (periods, _) = f.into_parts();
        assert_eq!(periods[0].groups[0].1[0].state, State::Hidden, "11 of 12 said yes: hidden");
        assert_eq!(periods[0].groups[0].1[1].state, State::Hidden, "the 1 is hidden");
        for (value, low, _) in audit {
            if value < 5 {
                assert_eq!(low, 0);
            } else {
                assert!(low <= 12 - 5, "the 11 could be 7 or fewer");
            }
        }
    }

    #[test]
    fn max_flow_finds_the_way_around() {
        let mut cap = vec![vec![0i64; 4]; 4];
        cap[0][1] = 3;
        cap[1][3] = 2;
        cap[0][2] = 2;
        cap[2][3] = 5;
        assert_eq!(max_flow(cap.clone(), 0, 3, INF), 4);
        assert_eq!(max_flow(cap, 0, 3, 1), 1);
    }
}
