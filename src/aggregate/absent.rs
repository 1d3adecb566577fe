//! Which old units of a rekey reported nothing (issue 14): the silence that
//! makes a new unit, and every unit above it, a lower bound.
//!
//! Before a rekey, a parent some of whose units reported nothing is "at
//! least" its reporting units' sum ([`roll_column`](super::roll_column)). A
//! rekey carries the reported cells of the old units at the level mapped;
//! an old unit that reported nothing carries nothing, yet its true value
//! lies in the new units it went to. Such an old unit is **absent** when no
//! figure of its own, below it or of an old unit above it (whose figure
//! holds it) speaks for it. Every new unit an absent old unit may lie in (its
//! targets, and the unit known to hold a remainder the crosswalk does not
//! name), every unit above those, and the country are opened above: "at
//! least" what they hold.
//!
//! The opening is not baked into the cells that merges add: a commune silent
//! in one part may be reported in another, and merged the two are exact.
//! Rekeyed totals keep, per old hierarchy (and level mapped) they came from
//! and per reported column, their absent old units beside the cells; the
//! readable cells are opened from that set, and the unopened ones are kept
//! aside ([`Unopened`]) for [`Totals::merge`], which meets the two sides'
//! sets ([`Absent::meet`]) and opens the sum again. Rows carry the opened
//! cells and the set ([`super::rows`]).

use std::collections::{BTreeMap, BTreeSet};

use super::{roll_amount_column, roll_column, AmountCell, AmountColumn, Column, Totals};
use crate::{Actor, Error, Hierarchy, Interval, Level, UnitCode, UnitIndex};

/// The old hierarchy and level mapped a rekey came from: a digest of the
/// old units (codes and parents, in order) and the level (FNV-1a, 64 bits:
/// the same on every machine), so that parts rekeyed from one old
/// hierarchy can tell their silent units apart from units they do not have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Origin(pub(crate) u64);

impl Origin {
    /// The origin of a rekey of totals keyed by `h` at `from_level`.
    pub(crate) fn of(h: &Hierarchy, from_level: Level) -> Origin {
        let mut x: u64 = 0xcbf2_9ce4_8422_2325;
        let mut eat = |bytes: &[u8]| {
            for &b in bytes {
                x ^= u64::from(b);
                x = x.wrapping_mul(0x0000_0100_0000_01b3);
            }
        };
        eat(from_level.as_str().as_bytes());
        for unit in h.units() {
            eat(&[0]);
            eat(unit.code().to_string().as_bytes());
            eat(&[1]);
            if let Some(p) = unit.parent() {
                eat(p.to_string().as_bytes());
            }
        }
        Origin(x)
    }
}

/// Per column: each absent old unit with the new units it may lie in.
pub(crate) type Silent = BTreeMap<UnitCode, BTreeSet<UnitCode>>;

/// Per origin, per reported column (counts and amounts) the rekey carried,
/// the absent old units; a column the rekey carried with none absent is
/// kept too (empty), so that a merge knows its part reported every unit.
/// Beside them, the columns a part not rekeyed added cells to (`mixed`):
/// there a unit with no cell may be one that did not report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Absent {
    pub(crate) by_origin: BTreeMap<Origin, BTreeMap<(u32, Actor), Silent>>,
    pub(crate) mixed: BTreeSet<(u32, Actor)>,
}

impl Absent {
    /// The absent old units of `old` about to be rekeyed from `origin`:
    /// of `places` (every old unit whose area the crosswalk places, with
    /// the new units, by index in `new`, it may lie in), those with no
    /// reported cell (own or below) and no own figure above them — none in
    /// a column `old` is a complete rekey in ([`Absent::complete`]).
    pub(crate) fn of(
        old: &Totals,
        places: &[(usize, Vec<usize>)],
        new: &Hierarchy,
        origin: Origin,
    ) -> Absent {
        let h = &old.hierarchy;
        let code = |u: usize| h.code(UnitIndex::from_usize(u));
        let silent = |held: &dyn Fn(usize) -> bool, own: &dyn Fn(usize) -> bool| -> Silent {
            let mut out = Silent::new();
            for (u, targets) in places {
                let above = || h.ancestors(UnitIndex::from_usize(*u)).map(UnitIndex::get);
                if held(*u) || above().any(own) {
                    continue;
                }
                let Some(c) = code(*u) else { continue };
                let to = targets
                    .iter()
                    .filter_map(|&t| new.code(UnitIndex::from_usize(t)))
                    .collect();
                out.insert(c, to);
            }
            out
        };
        // Totals that are a complete rekey in a column (`Absent::complete`):
        // a unit of theirs with no cell holds nothing, it is not silent.
        let complete = |key| old.absent.complete(key);
        let mut columns = BTreeMap::new();
        for col in &old.rolled {
            let own = Totals::find(&old.reported, col.indicator, col.actor);
            let s = if complete(col.key()) {
                Silent::new()
            } else {
                silent(&|u| col.member(u).is_some(), &|u| {
                    own.is_some_and(|o| o.member(u).is_some())
                })
            };
            columns.insert(col.key(), s);
        }
        for col in &old.rolled_amounts {
            let own = AmountColumn::find(&old.amounts, col.key());
            let has = |c: &AmountColumn, u: usize| c.cells.get(u).is_some_and(Option::is_some);
            let s = if complete(col.key()) {
                Silent::new()
            } else {
                silent(&|u| has(col, u), &|u| own.is_some_and(|o| has(o, u)))
            };
            columns.insert(col.key(), s);
        }
        let mut by_origin = BTreeMap::new();
        by_origin.insert(origin, columns);
        Absent {
            by_origin,
            mixed: BTreeSet::new(),
        }
    }

    /// Keeps only the columns `keep` says the totals have (a column the
    /// rekey carried nothing into is not there to open, nor in rows), and
    /// the origins left with a column.
    pub(crate) fn only(mut self, keep: impl Fn((u32, Actor)) -> bool) -> Absent {
        for columns in self.by_origin.values_mut() {
            columns.retain(|k, _| keep(*k));
        }
        self.by_origin.retain(|_, columns| !columns.is_empty());
        self.mixed.retain(|k| keep(*k));
        self
    }

    /// The absent old units of a merge of two parts. Of one origin, an old
    /// unit is absent in the whole when it is in both parts (a unit absent
    /// in one part and reported in the other is not); a column one part did
    /// not carry says nothing (the other's stands). Of an origin only one
    /// part has (the other was not rekeyed, or from another old hierarchy),
    /// that part's stand: the other says nothing of those old units.
    pub(crate) fn meet(&self, other: &Absent) -> Absent {
        let mut out = self.by_origin.clone();
        for (origin, theirs) in &other.by_origin {
            let Some(mine) = out.get_mut(origin) else {
                out.insert(*origin, theirs.clone());
                continue;
            };
            for (key, b) in theirs {
                let Some(a) = mine.get_mut(key) else {
                    mine.insert(*key, b.clone());
                    continue;
                };
                a.retain(|u, _| b.contains_key(u));
                for (u, to) in a.iter_mut() {
                    if let Some(more) = b.get(u) {
                        to.extend(more.iter().copied());
                    }
                }
            }
        }
        Absent {
            by_origin: out,
            mixed: self.mixed.union(&other.mixed).copied().collect(),
        }
    }

    /// Marks columns a part not rekeyed added cells to ([`Absent::complete`]).
    pub(crate) fn mix(&mut self, keys: impl IntoIterator<Item = (u32, Actor)>) {
        self.mixed.extend(keys);
    }

    /// Whether every value of column `key` was placed by rekeys that left no
    /// old unit absent, every old hierarchy rekeyed in carried it, and no
    /// part that was not rekeyed was merged in: then a unit with no cell
    /// received nothing, it holds nothing (not silent).
    pub(crate) fn complete(&self, key: (u32, Actor)) -> bool {
        let of = self.column(key);
        // Every old hierarchy rekeyed in lists the column: one that does not
        // carried none of it, and its old units are all silent on it.
        !of.is_empty()
            && of.len() == self.by_origin.len()
            && of.iter().all(|(_, s)| s.is_empty())
            && !self.mixed.contains(&key)
    }

    /// Per column with some absent old unit: the new units to open, by
    /// index in `h` (each target and every unit above it; every unit when
    /// an absent unit's place is not known), sorted. The country opens for
    /// every column listed.
    pub(crate) fn opened(&self, h: &Hierarchy) -> BTreeMap<(u32, Actor), Vec<usize>> {
        let mut out: BTreeMap<(u32, Actor), BTreeSet<usize>> = BTreeMap::new();
        for columns in self.by_origin.values() {
            for (key, silent) in columns {
                if silent.is_empty() {
                    continue;
                }
                let units = out.entry(*key).or_default();
                for to in silent.values() {
                    if to.is_empty() {
                        // Placed nowhere known: it may lie in any new unit.
                        units.extend(0..h.len());
                        continue;
                    }
                    for t in to {
                        let Some(i) = h.index_of(t) else { continue };
                        units.insert(i.get());
                        units.extend(h.ancestors(i).map(UnitIndex::get));
                    }
                }
            }
        }
        out.into_iter()
            .map(|(k, v)| (k, v.into_iter().collect()))
            .collect()
    }

    /// The absent old units of one column, per origin that carried it.
    pub(crate) fn column(&self, key: (u32, Actor)) -> Vec<(Origin, &Silent)> {
        self.by_origin
            .iter()
            .filter_map(|(o, cols)| cols.get(&key).map(|s| (*o, s)))
            .collect()
    }

    /// Sets the absent old units of one column from one origin (read from rows).
    /// `false` (nothing changed) when the column already has units of that
    /// origin: one old hierarchy is listed once per column.
    pub(crate) fn insert(&mut self, origin: Origin, key: (u32, Actor), silent: Silent) -> bool {
        let columns = self.by_origin.entry(origin).or_default();
        if columns.contains_key(&key) {
            return false;
        }
        columns.insert(key, silent);
        true
    }
}

/// The unopened reported cells of the columns [`Totals::open_absent`]
/// opened (own cells, amounts, and the country's), sorted by key: what a
/// merge adds.
#[derive(Clone, Debug, Default)]
pub(crate) struct Unopened {
    reported: Vec<Column>,
    amounts: Vec<AmountColumn>,
    national_reported: Vec<Column>,
    national_amounts: Vec<AmountColumn>,
}

/// Makes an amount a lower bound: at least its lower bound.
pub(crate) fn open_amount(c: &mut AmountCell) {
    c.total.value = Interval::at_least(c.total.value.low());
}

/// Replaces the column of `col`'s key in a sorted list (inserted if none).
fn put<T>(cols: &mut Vec<T>, col: T, key: impl Fn(&T) -> (u32, Actor)) {
    match cols.binary_search_by_key(&key(&col), &key) {
        Ok(i) => {
            if let Some(slot) = cols.get_mut(i) {
                *slot = col;
            }
        }
        Err(i) => cols.insert(i, col),
    }
}

impl Totals {
    /// These totals (their reported cells unopened) with `absent` kept and
    /// every cell it names opened above: each column's own cells and rolled
    /// cells at the units [`Absent::opened`] gives, and its country's cell.
    /// The unopened cells are kept aside for [`Totals::merge`].
    pub(crate) fn open_absent(mut self, absent: Absent) -> Result<Totals, Error> {
        let opened = absent.opened(&self.hierarchy);
        for (key, units) in &opened {
            let key = *key;
            if let Ok(i) = self.reported.binary_search_by_key(&key, Column::key) {
                if let Some(col) = self.reported.get_mut(i) {
                    self.unopened.reported.push(col.clone());
                    for &u in units {
                        col.open_above(u);
                    }
                    let rolled = roll_column(&self.hierarchy, &self.indicators, col, None, false)?;
                    put(&mut self.rolled, rolled, Column::key);
                }
            }
            if let Ok(i) = self
                .national_reported
                .binary_search_by_key(&key, Column::key)
            {
                if let Some(col) = self.national_reported.get_mut(i) {
                    self.unopened.national_reported.push(col.clone());
                    col.open_above(0);
                }
            }
            if let Ok(i) = self.amounts.binary_search_by_key(&key, AmountColumn::key) {
                if let Some(col) = self.amounts.get_mut(i) {
                    self.unopened.amounts.push(col.clone());
                    for &u in units {
                        if let Some(Some(c)) = col.cells.get_mut(u) {
                            open_amount(c);
                        }
                    }
                    let rolled = roll_amount_column(&self.hierarchy, &self.indicators, col, None)?;
                    put(&mut self.rolled_amounts, rolled, AmountColumn::key);
                }
            }
            if let Ok(i) = self
                .national_amounts
                .binary_search_by_key(&key, AmountColumn::key)
            {
                if let Some(col) = self.national_amounts.get_mut(i) {
                    self.unopened.national_amounts.push(col.clone());
                    if let Some(Some(c)) = col.cells.first_mut() {
                        open_amount(c);
                    }
                }
            }
        }
        self.absent = absent;
        Ok(self)
    }

    /// These totals with the unopened cells put back (and rolled again):
    /// what a merge adds before it opens the sum. The absent set stays.
    pub(crate) fn unopened(mut self) -> Result<Totals, Error> {
        let Unopened {
            reported,
            amounts,
            national_reported,
            national_amounts,
        } = std::mem::take(&mut self.unopened);
        for col in reported {
            let rolled = roll_column(&self.hierarchy, &self.indicators, &col, None, false)?;
            put(&mut self.rolled, rolled, Column::key);
            put(&mut self.reported, col, Column::key);
        }
        for col in amounts {
            let rolled = roll_amount_column(&self.hierarchy, &self.indicators, &col, None)?;
            put(&mut self.rolled_amounts, rolled, AmountColumn::key);
            put(&mut self.amounts, col, AmountColumn::key);
        }
        for col in national_reported {
            put(&mut self.national_reported, col, Column::key);
        }
        for col in national_amounts {
            put(&mut self.national_amounts, col, AmountColumn::key);
        }
        Ok(self)
    }
}
