//! Small-cell suppression: the one function that decides which counts may leave the store.
//! The dashboard, the weekly summary, the report and every export ask it; none decides alone.
//!
//! A figure view is a set of cells (counts) and the sums that bind them: a week's answers sum
//! to its total, the weeks sum to the whole period, a filtered group plus its (never shown)
//! complement makes the unfiltered group. Rules:
//! - a count of 1 to k−1 is hidden (a zero describes nobody and is shown);
//! - no hidden count of 1 to k−1 may be derivable from what is shown: an attacker who solves
//!   every sum with one unknown, over and over, must not reach it; nor may the hidden parts
//!   of a known total add up to 1 to k−1 (that sum is a small group too). Where either
//!   happens, the smallest other count in that sum is hidden as well, and the check runs
//!   again.
//!
//! So a filtered group whose complement within the period is below k is hidden, and a day
//! whose week, less the day, is below k is hidden: both are sums with one unknown.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cell {
    /// May be shown; hidden by the rules.
    Open,
    /// Never shown (a complement); only its value matters.
    Never,
    /// Already decided by another view that is also shown (the unfiltered dashboard).
    Fixed(bool),
}

/// A cell of a `Cells` set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CellId(usize);

#[derive(Debug, Default)]
pub struct Cells {
    values: Vec<u32>,
    kinds: Vec<Cell>,
    sums: Vec<(CellId, Vec<CellId>)>,
}

impl Cells {
    pub fn new() -> Cells {
        Cells::default()
    }

    fn push(&mut self, value: u32, kind: Cell) -> CellId {
        self.values.push(value);
        self.kinds.push(kind);
        CellId(self.values.len() - 1)
    }

    /// A count that will be shown unless the rules hide it.
    pub fn cell(&mut self, value: u32) -> CellId {
        self.push(value, Cell::Open)
    }

    /// A count never shown whose derivation must be prevented (the complement of a group).
    pub fn never(&mut self, value: u32) -> CellId {
        self.push(value, Cell::Never)
    }

    /// A count another view already shows (`true`) or hides (`false`).
    pub fn fixed(&mut self, value: u32, shown: bool) -> CellId {
        self.push(value, Cell::Fixed(shown))
    }

    /// Declares `total = Σ parts`.
    pub fn sum(&mut self, total: CellId, parts: Vec<CellId>) {
        debug_assert_eq!(
            self.values[total.0] as u64,
            parts.iter().map(|p| self.values[p.0] as u64).sum::<u64>(),
            "a declared sum must hold"
        );
        self.sums.push((total, parts));
    }

    pub fn value(&self, id: CellId) -> u32 {
        self.values[id.0]
    }

    /// Decides which cells are shown for threshold `k`.
    pub fn decide(&self, k: u32) -> Shown {
        let small = |v: u32| v > 0 && v < k;
        let mut shown: Vec<bool> = self
            .values
            .iter()
            .zip(&self.kinds)
            .map(|(v, kind)| match kind {
                Cell::Open => !small(*v),
                Cell::Never => false,
                Cell::Fixed(s) => *s,
            })
            .collect();
        let by_cell = self.sums_by_cell();
        // Each round hides at least one more open cell, so this ends.
        while let Some((leak, sum)) = self.first_leak(&shown, &by_cell, k) {
            let (total, parts) = &self.sums[sum];
            let hideable = |c: &&CellId| c.0 != leak && shown[c.0] && self.kinds[c.0] == Cell::Open;
            let pick = parts
                .iter()
                .filter(hideable)
                .filter(|c| self.values[c.0] > 0)
                .min_by_key(|c| (self.values[c.0], c.0))
                .or(Some(total).filter(hideable));
            match pick {
                Some(c) => shown[c.0] = false,
                // Everything around it is fixed elsewhere: hide every open cell of this view.
                None => {
                    for (s, kind) in shown.iter_mut().zip(&self.kinds) {
                        if *kind == Cell::Open {
                            *s = false;
                        }
                    }
                    break;
                }
            }
        }
        Shown { shown }
    }

    /// For each cell, the sums it takes part in.
    fn sums_by_cell(&self) -> Vec<Vec<usize>> {
        let mut by_cell = vec![Vec::new(); self.values.len()];
        for (i, (total, parts)) in self.sums.iter().enumerate() {
            by_cell[total.0].push(i);
            for p in parts {
                by_cell[p.0].push(i);
            }
        }
        by_cell
    }

    /// A small hidden count that sums with one unknown reveal, and the last sum used.
    fn first_leak(&self, shown: &[bool], by_cell: &[Vec<usize>], k: u32) -> Option<(usize, usize)> {
        let mut known = shown.to_vec();
        let mut queue: Vec<usize> = (0..self.sums.len()).collect();
        while let Some(s) = queue.pop() {
            let (total, parts) = &self.sums[s];
            let mut unknown = std::iter::once(total).chain(parts).filter(|c| !known[c.0]);
            let (Some(only), None) = (unknown.next(), unknown.next()) else { continue };
            let only = only.0;
            known[only] = true;
            let v = self.values[only];
            if v > 0 && v < k {
                return Some((only, s));
            }
            queue.extend(&by_cell[only]);
        }
        // Several unknown parts of a known total still reveal their sum: a group of its own.
        self.sums.iter().enumerate().find_map(|(s, (total, parts))| {
            if !known[total.0] {
                return None;
            }
            let unknown: Vec<usize> = parts.iter().map(|p| p.0).filter(|p| !known[*p]).collect();
            let sum: u32 = unknown.iter().map(|p| self.values[*p]).sum();
            (sum > 0 && sum < k).then(|| (unknown[0], s))
        })
    }
}

/// Which cells of a `Cells` set are shown.
#[derive(Debug, Clone)]
pub struct Shown {
    shown: Vec<bool>,
}

impl Shown {
    pub fn is_shown(&self, id: CellId) -> bool {
        self.shown[id.0]
    }

    /// The count if shown.
    pub fn get(&self, cells: &Cells, id: CellId) -> Option<u32> {
        self.is_shown(id).then(|| cells.value(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};

    #[test]
    fn small_counts_are_hidden_and_zero_is_shown() {
        let mut c = Cells::new();
        let (a, b, z) = (c.cell(4), c.cell(5), c.cell(0));
        let s = c.decide(5);
        assert_eq!((s.is_shown(a), s.is_shown(b), s.is_shown(z)), (false, true, true));
    }

    #[test]
    fn one_hidden_part_of_a_shown_total_hides_another() {
        let mut c = Cells::new();
        let parts = vec![c.cell(2), c.cell(6), c.cell(9)];
        let total = c.cell(17);
        c.sum(total, parts.clone());
        let s = c.decide(5);
        assert!(!s.is_shown(parts[0]));
        assert!(!s.is_shown(parts[1]), "the smallest other part is hidden too");
        assert!(s.is_shown(parts[2]) && s.is_shown(total));
    }

    #[test]
    fn filtered_group_with_small_complement_is_hidden() {
        let mut c = Cells::new();
        let unfiltered = c.fixed(12, true);
        let filtered = c.cell(9);
        let complement = c.never(3);
        c.sum(unfiltered, vec![filtered, complement]);
        assert!(!c.decide(5).is_shown(filtered), "12 − 9 would reveal a group of 3");
        let mut c = Cells::new();
        let unfiltered = c.fixed(14, true);
        let filtered = c.cell(9);
        let complement = c.never(5);
        c.sum(unfiltered, vec![filtered, complement]);
        assert!(c.decide(5).is_shown(filtered));
    }

    #[test]
    fn chains_of_sums_are_followed() {
        // rows a+b = r1, c+d = r2; columns a+c = k1, b+d = k2; all totals shown.
        let mut c = Cells::new();
        let [a, b, cc, d] = [2, 10, 10, 10].map(|v| c.cell(v));
        let [r1, r2, k1, k2] = [12, 20, 12, 20].map(|v| c.cell(v));
        c.sum(r1, vec![a, b]);
        c.sum(r2, vec![cc, d]);
        c.sum(k1, vec![a, cc]);
        c.sum(k2, vec![b, d]);
        let s = c.decide(5);
        assert!(!s.is_shown(a));
        // Hiding b alone would leave a = k1 − c: the fix must cover both directions.
        let derivable = |x: CellId| s.is_shown(x);
        assert!(!(derivable(k1) && derivable(cc)), "a must not follow from its column");
        assert!(!(derivable(r1) && derivable(b)), "a must not follow from its row");
    }

    /// Over random tables with row and column sums, no small hidden count can be derived by
    /// solving sums with one unknown.
    #[test]
    fn random_tables_never_reveal_a_small_count() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(5);
        for _ in 0..300 {
            let (rows, cols, k) = (rng.gen_range(1..6), rng.gen_range(1..6), rng.gen_range(3..7));
            let mut c = Cells::new();
            let grid: Vec<Vec<u32>> =
                (0..rows).map(|_| (0..cols).map(|_| rng.gen_range(0..15)).collect()).collect();
            let ids: Vec<Vec<CellId>> = grid.iter().map(|r| r.iter().map(|v| c.cell(*v)).collect()).collect();
            let row_totals: Vec<CellId> = grid.iter().map(|r| c.cell(r.iter().sum())).collect();
            let col_totals: Vec<CellId> =
                (0..cols).map(|j| c.cell(grid.iter().map(|r| r[j]).sum())).collect();
            let grand = c.cell(grid.iter().flatten().sum());
            for (r, t) in ids.iter().zip(&row_totals) {
                c.sum(*t, r.clone());
            }
            for (j, t) in col_totals.iter().enumerate() {
                c.sum(*t, ids.iter().map(|r| r[j]).collect());
            }
            c.sum(grand, row_totals.clone());
            let s = c.decide(k);
            assert!(c.first_leak(&s.shown, &c.sums_by_cell(), k).is_none());
            for (i, v) in c.values.iter().enumerate() {
                if *v > 0 && *v < k {
                    assert!(!s.shown[i]);
                }
            }
        }
    }
}
