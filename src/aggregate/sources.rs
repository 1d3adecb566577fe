//! Which old units' own figures rekeyed totals carry: the provenance that
//! lets [`Totals::merge`] tell two rekeyed parts of nested old units (a
//! district's own figure and one of its communes') from parts of disjoint
//! ones. A district's own figure is its whole, its commune's figure inside
//! it: rekeyed apart and merged they would count the commune twice, and
//! after the rekey no unit tells them apart (the district's rest may lie in
//! a special zone, the commune in another province).
//!
//! Part of [`Totals`]' equality and of its rows (on each column's country
//! row, [`super::rows`]): totals read back from rows refuse the same merges.
//! Rows of an earlier format carry none: read back, they are merged as before.

use std::collections::{BTreeMap, BTreeSet};

use super::{indicator_name, AmountColumn, Column, Totals};
use crate::{Actor, Error, ErrorKind, Hierarchy, UnitCode, UnitIndex};

/// Per reported column (counts and amounts; sorted by key), the old units
/// whose own figures it carries and those units' ancestors.
#[derive(Clone, Debug, Default)]
pub(crate) struct Sources {
    by_column: Vec<((u32, Actor), Source)>,
    /// Columns read from rows of rekeyed totals written before provenance
    /// existed: what they carry is not known.
    unknown: BTreeSet<(u32, Actor)>,
}

/// The old units of one column.
#[derive(Clone, Debug, Default)]
struct Source {
    /// The old units with an own figure.
    units: BTreeSet<UnitCode>,
    /// Their strict ancestors in the old hierarchy, each with one of the
    /// units below it (to name in an error).
    above: BTreeMap<UnitCode, UnitCode>,
}

impl Sources {
    /// The own figures of old totals about to be rekeyed: every unit with an
    /// own cell in `reported` or `amounts`, with its ancestors in `h`.
    pub(crate) fn of(h: &Hierarchy, reported: &[Column], amounts: &[AmountColumn]) -> Sources {
        let units = h.units();
        let source = |held: &mut dyn Iterator<Item = usize>| {
            let mut s = Source::default();
            for u in held {
                let Some(unit) = units.get(u) else { continue };
                if !s.units.insert(unit.code()) {
                    continue;
                }
                let mut at = h.parent(UnitIndex::from_usize(u));
                while let Some(p) = at {
                    let Some(parent) = units.get(p.get()) else {
                        break;
                    };
                    if s.above.insert(parent.code(), unit.code()).is_some() {
                        // Its ancestors above are in already.
                        break;
                    }
                    at = h.parent(p);
                }
            }
            s
        };
        let counts = reported.iter().map(|c| {
            let mut held = (0..c.value.len()).filter(|&u| c.member(u).is_some());
            (c.key(), source(&mut held))
        });
        let amounts = amounts.iter().map(|c| {
            let mut held =
                (0..c.cells.len()).filter(|&u| c.cells.get(u).is_some_and(Option::is_some));
            (c.key(), source(&mut held))
        });
        let mut all: Vec<_> = counts
            .chain(amounts)
            .filter(|(_, s)| !s.units.is_empty())
            .collect();
        all.sort_by_key(|(k, _)| *k);
        Sources {
            by_column: all,
            unknown: BTreeSet::new(),
        }
    }

    fn get(&self, key: (u32, Actor)) -> Option<&Source> {
        self.by_column
            .binary_search_by(|(k, _)| k.cmp(&key))
            .ok()
            .and_then(|i| self.by_column.get(i))
            .map(|(_, s)| s)
    }

    /// [`ErrorKind::MergeNestedOldUnits`] for the first column of which one
    /// side carries an old unit's own figure and the other a figure of a
    /// unit within it.
    pub(crate) fn refuse_nested(&self, other: &Sources, totals: &Totals) -> Result<(), Error> {
        for (key, a) in &self.by_column {
            let Some(b) = other.get(*key) else { continue };
            // A unit one side carries that the other holds a unit below.
            let nested = |x: &Source, y: &Source| {
                x.units
                    .iter()
                    .find_map(|up| y.above.get(up).map(|low| (*up, *low)))
            };
            if let Some((upper, lower)) = nested(a, b).or_else(|| nested(b, a)) {
                return Err(ErrorKind::MergeNestedOldUnits {
                    indicator: indicator_name(&totals.indicators, key.0),
                    upper: upper.to_string(),
                    lower: lower.to_string(),
                }
                .into());
            }
        }
        Ok(())
    }

    /// The old units of one column and their ancestors (each with one unit
    /// below it); `None` when the column carries none.
    pub(crate) fn column(
        &self,
        key: (u32, Actor),
    ) -> Option<(&BTreeSet<UnitCode>, &BTreeMap<UnitCode, UnitCode>)> {
        self.get(key).map(|s| (&s.units, &s.above))
    }

    /// Adds the old units of one column (read from rows).
    pub(crate) fn insert(
        &mut self,
        key: (u32, Actor),
        units: BTreeSet<UnitCode>,
        above: BTreeMap<UnitCode, UnitCode>,
    ) {
        if units.is_empty() && above.is_empty() {
            return;
        }
        let one = Sources {
            by_column: vec![(key, Source { units, above })],
            unknown: BTreeSet::new(),
        };
        *self = std::mem::take(self).union(one);
    }

    /// Marks a column whose rows were written without provenance (before it
    /// existed): whether its old units nest in another part's is not known.
    pub(crate) fn mark_unknown(&mut self, key: (u32, Actor)) {
        self.unknown.insert(key);
    }

    /// [`ErrorKind::MergeUnknownProvenance`] for the first column both sides
    /// hold (`held`) of which one side's old units are not known.
    pub(crate) fn refuse_unknown(
        &self,
        other: &Sources,
        held: &dyn Fn((u32, Actor)) -> bool,
        totals: &Totals,
    ) -> Result<(), Error> {
        match self.unknown.union(&other.unknown).find(|&&k| held(k)) {
            Some(key) => Err(ErrorKind::MergeUnknownProvenance {
                indicator: indicator_name(&totals.indicators, key.0),
            }
            .into()),
            None => Ok(()),
        }
    }

    /// Whether both carry the same old units and ancestors, column by column
    /// (which unit below an ancestor is kept to name in an error may differ).
    pub(crate) fn same(&self, other: &Sources) -> bool {
        self.unknown == other.unknown
            && self.by_column.len() == other.by_column.len()
            && self
                .by_column
                .iter()
                .zip(&other.by_column)
                .all(|((ka, a), (kb, b))| {
                    ka == kb && a.units == b.units && a.above.keys().eq(b.above.keys())
                })
    }

    /// The union of both sides' old units, column by column.
    pub(crate) fn union(mut self, other: Sources) -> Sources {
        self.unknown.extend(other.unknown.iter().copied());
        for (key, b) in other.by_column {
            match self.by_column.binary_search_by(|(k, _)| k.cmp(&key)) {
                Ok(i) => {
                    if let Some((_, a)) = self.by_column.get_mut(i) {
                        a.units.extend(b.units);
                        a.above.extend(b.above);
                    }
                }
                Err(i) => self.by_column.insert(i, (key, b)),
            }
        }
        self
    }
}
