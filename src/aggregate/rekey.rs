//! Totals carried across a reorganization of units.

use chrono::Datelike;

use super::{roll_up, Column, Totals, F_AT_MOST, F_PRESENT};
use crate::{Crosswalk, Error, ErrorKind, Hierarchy, Level, Mapped};

impl Totals {
    /// Carries the totals onto new units through a crosswalk, e.g. 2022 totals
    /// onto the communes of 1 July 2025.
    ///
    /// For every column of both layers, the values of the units at
    /// `from_level` (their whole subtrees) are mapped with
    /// [`Crosswalk::map_counts`] — merges add up exactly, splits with shares
    /// are exact by the largest remainder, a split without shares gives each
    /// target "at most" the old value, never an invented exact number — and
    /// then rolled up over `new_hierarchy`. Qualifiers carry over to every
    /// target; the largest part of a distinct indicator carries over merges
    /// only. Records held by a unit above `from_level` itself (a district's own
    /// conferences) go to the smallest new unit that covers all its units at
    /// `from_level` and is not below its level (a district's, with no districts
    /// after the reform, to the province that covers it). Figures reported only above `from_level`, and amount
    /// indicators, are not carried.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::CrosswalkUnmapped`] for a unit at `from_level`
    /// with values but no entry, [`ErrorKind::RekeyUncovered`] for a unit
    /// above it that holds records but none of whose units is mapped, [`ErrorKind::CrosswalkUnknownTarget`] for a
    /// target missing from `new_hierarchy`, and [`ErrorKind::TotalOverflow`]
    /// (naming the unit and indicator) when a total overflows.
    ///
    /// ```
    /// use danvan::{Accumulator, Actor, Builtin, Crosswalk, Hierarchy, Level, Period, Unit};
    ///
    /// // Synthetic units: two old communes merged into one new commune.
    /// let old = Hierarchy::new(vec![
    ///     Unit::new("90".parse()?, "Province (synthetic)"),
    ///     Unit::new("90001".parse()?, "Commune A (synthetic)").with_parent(Some("90".parse()?)),
    ///     Unit::new("90002".parse()?, "Commune B (synthetic)").with_parent(Some("90".parse()?)),
    /// ])?;
    /// let new = Hierarchy::new(vec![
    ///     Unit::new("90".parse()?, "Province (synthetic)"),
    ///     Unit::new("90010".parse()?, "New commune (synthetic)").with_parent(Some("90".parse()?)),
    /// ])?;
    /// let mut acc = Accumulator::new(&old, Period::year(2022)?, &[]);
    /// for unit in ["90001", "90002"] {
    ///     let b: danvan::GrassrootsBlock = serde_json::from_str(&format!(r#"{{"unit": "{unit}"}}"#)).unwrap();
    ///     acc.add(&b)?;
    /// }
    /// let cw = Crosswalk::builder()
    ///     .merge("90001".parse()?, "90010".parse()?)
    ///     .merge("90002".parse()?, "90010".parse()?)
    ///     .build()?;
    /// let after = acc.finish()?.rekey(&cw, Level::Commune, &new)?;
    /// let blocks = after.get(&"90010".parse()?, Builtin::GrassrootsBlocks, Actor::MobilizationSector);
    /// assert_eq!(blocks, Some("2".parse()?));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn rekey(
        &self,
        crosswalk: &Crosswalk,
        from_level: Level,
        new_hierarchy: &Hierarchy,
    ) -> Result<Totals, Error> {
        let above = self.carry_targets(crosswalk, from_level, new_hierarchy);
        let mut records = Vec::with_capacity(self.records.len());
        for col in &self.records {
            if let Some(mut c) =
                self.map_column(col, crosswalk, from_level, new_hierarchy, false)?
            {
                self.carry_own_records(col, &mut c, &above)?;
                records.push(c);
            } else if !above.is_empty() {
                let n = new_hierarchy.len();
                let mut c = Column::new(col.indicator, col.actor, n, !col.floor.is_empty(), false);
                self.carry_own_records(col, &mut c, &above)?;
                if c.flags.iter().any(|f| f & F_PRESENT != 0) {
                    records.push(c);
                }
            }
        }
        roll_up(new_hierarchy, &self.indicators, &mut records)?;
        let mut reported = Vec::with_capacity(self.rolled.len());
        for col in &self.rolled {
            let stock = super::indicator_info(&self.indicators, col.indicator as usize)
                .is_some_and(|(k, _)| k == crate::IndicatorKind::Stock);
            if let Some(c) = self.map_column(col, crosswalk, from_level, new_hierarchy, stock)? {
                reported.push(c);
            }
        }
        Totals::assemble(
            new_hierarchy.clone(),
            self.period,
            self.indicators.clone(),
            records,
            reported,
            Vec::new(),
        )
    }

    /// For every old unit above `from_level`: the smallest new unit that
    /// covers the area of its units at `from_level` (the lowest common
    /// ancestor of their targets) and is not below the old unit's level,
    /// where its own records go. A unit none of
    /// whose units at `from_level` is mapped is left out (`None`).
    fn carry_targets(
        &self,
        crosswalk: &Crosswalk,
        from_level: Level,
        new: &Hierarchy,
    ) -> Vec<(usize, Option<usize>)> {
        let units = self.hierarchy.units();
        let mut out = Vec::new();
        for (idx, unit) in self.hierarchy.iter() {
            if unit.level().depth() >= from_level.depth() {
                continue;
            }
            let mut lca: Option<usize> = None;
            for i in self.subtree(idx.get()) {
                let Some(low) = units.get(i).filter(|x| x.level() == from_level) else {
                    continue;
                };
                for (to, _) in crosswalk.targets(&low.code()).unwrap_or(&[]) {
                    let Some(t) = new.index_of(to).map(|t| t.get()) else {
                        continue;
                    };
                    lca = Some(match lca {
                        None => t,
                        Some(a) => common_ancestor(new, a, t).unwrap_or(a),
                    });
                }
            }
            // Not below the old unit's own level: a province's records stay with
            // a province even when its area is one new commune.
            let at_level = lca.map(|mut t| {
                while new
                    .level(crate::UnitIndex::from_usize(t))
                    .is_some_and(|l| l.depth() > unit.level().depth())
                {
                    match new.parent(crate::UnitIndex::from_usize(t)) {
                        Some(p) => t = p.get(),
                        None => break,
                    }
                }
                t
            });
            out.push((idx.get(), at_level));
        }
        out
    }

    /// Adds to `out` the records an old unit above `from_level` holds itself
    /// (its total less its children's), at the new unit that covers its area.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::RekeyUncovered`] when such a unit holds records
    /// but none of its units is mapped, and [`ErrorKind::TotalOverflow`] when
    /// a total overflows.
    fn carry_own_records(
        &self,
        col: &Column,
        out: &mut Column,
        above: &[(usize, Option<usize>)],
    ) -> Result<(), Error> {
        let name = || super::indicator_name(&self.indicators, col.indicator);
        for &(u, target) in above {
            let (Some(&total), Some(&flags)) = (col.value.get(u), col.flags.get(u)) else {
                continue;
            };
            if flags & F_PRESENT == 0 {
                continue;
            }
            let mut children = 0u64;
            let mut children_present = false;
            for c in self.hierarchy.children(crate::UnitIndex::from_usize(u)) {
                let c = c.get();
                if col.flags.get(c).is_some_and(|f| f & F_PRESENT != 0) {
                    children_present = true;
                    children = children.saturating_add(col.value.get(c).copied().unwrap_or(0));
                }
            }
            // A unit whose own records add nothing (the roll-up alone made its value).
            if children_present && total <= children {
                continue;
            }
            let own = total.saturating_sub(children);
            let code = || {
                self.hierarchy
                    .code(crate::UnitIndex::from_usize(u))
                    .map_or_else(String::new, |c| c.to_string())
            };
            let Some(t) = target else {
                return Err(ErrorKind::RekeyUncovered {
                    unit: code(),
                    indicator: name(),
                }
                .into());
            };
            let (Some(v), Some(f)) = (out.value.get_mut(t), out.flags.get_mut(t)) else {
                continue;
            };
            *v = v.checked_add(own).ok_or_else(|| -> Error {
                ErrorKind::TotalOverflow {
                    unit: code(),
                    indicator: name(),
                }
                .into()
            })?;
            *f |= flags;
        }
        Ok(())
    }

    fn map_column(
        &self,
        col: &Column,
        crosswalk: &Crosswalk,
        from_level: Level,
        new: &Hierarchy,
        ends: bool,
    ) -> Result<Option<Column>, Error> {
        let mut values = Vec::new();
        for (idx, unit) in self.hierarchy.iter() {
            let u = idx.get();
            if unit.level() != from_level {
                continue;
            }
            let (Some(&v), Some(&f)) = (col.value.get(u), col.flags.get(u)) else {
                continue;
            };
            if f & F_PRESENT != 0 {
                values.push((unit.code(), v, f, col.floor.get(u).copied()));
            }
        }
        if values.is_empty() {
            return Ok(None);
        }
        let pairs = values.iter().map(|&(c, v, _, _)| (c, v));
        let mapped = crosswalk.map_counts(pairs.clone()).map_err(|e| {
            if matches!(e.kind(), ErrorKind::Overflow { .. }) {
                overflowing_target(crosswalk, pairs).map_or(e, |to| {
                    ErrorKind::TotalOverflow {
                        unit: to.to_string(),
                        indicator: super::indicator_name(&self.indicators, col.indicator),
                    }
                    .into()
                })
            } else {
                e
            }
        })?;
        let n = new.len();
        let mut out = Column::new(col.indicator, col.actor, n, !col.floor.is_empty(), ends);
        let index = |to: &crate::UnitCode| -> Result<usize, Error> {
            new.index_of(to).map(|i| i.get()).ok_or_else(|| {
                let from = crosswalk
                    .iter()
                    .find(|(_, ts)| ts.iter().any(|(t, _)| t == to))
                    .map_or_else(String::new, |(f, _)| f.to_string());
                ErrorKind::CrosswalkUnknownTarget {
                    from,
                    to: to.to_string(),
                }
                .into()
            })
        };
        for (to, m) in &mapped {
            let i = index(to)?;
            if let (Some(v), Some(f)) = (out.value.get_mut(i), out.flags.get_mut(i)) {
                *v = m.high();
                *f |= F_PRESENT;
                if let Mapped::Between { .. } = m {
                    *f |= F_AT_MOST;
                }
            }
        }
        for &(code, _, flags, floor) in &values {
            let targets = crosswalk.targets(&code).unwrap_or(&[]);
            for (to, _) in targets {
                let i = index(to)?;
                if let Some(f) = out.flags.get_mut(i) {
                    *f |= flags;
                }
                if let (1, Some(fl), Some(dst)) = (targets.len(), floor, out.floor.get_mut(i)) {
                    *dst = (*dst).max(fl);
                }
            }
        }
        if ends {
            let end = self.period.end().num_days_from_ce();
            for (e, f) in out.end.iter_mut().zip(&out.flags) {
                if f & F_PRESENT != 0 {
                    *e = end;
                }
            }
        }
        Ok(Some(out))
    }
}

/// The lowest common ancestor of two units of a hierarchy (a unit is its own ancestor).
fn common_ancestor(h: &Hierarchy, a: usize, b: usize) -> Option<usize> {
    let (ia, ib) = (
        crate::UnitIndex::from_usize(a),
        crate::UnitIndex::from_usize(b),
    );
    let chain: Vec<usize> = std::iter::once(a)
        .chain(h.ancestors(ia).map(|x| x.get()))
        .collect();
    std::iter::once(b)
        .chain(h.ancestors(ib).map(|x| x.get()))
        .find(|x| chain.contains(x))
}

/// The first new unit whose mapped upper bound exceeds `u64::MAX`, for the
/// error of a crosswalk sum that overflowed: each old unit is mapped alone
/// (as [`Crosswalk::map_counts`] rounds each split once) and the targets'
/// upper bounds are added without overflow.
fn overflowing_target(
    crosswalk: &Crosswalk,
    values: impl Iterator<Item = (crate::UnitCode, u64)>,
) -> Option<crate::UnitCode> {
    let mut highs: std::collections::BTreeMap<crate::UnitCode, u128> =
        std::collections::BTreeMap::new();
    for (code, value) in values {
        for (to, m) in crosswalk.map_counts([(code, value)]).ok()? {
            let high = highs.entry(to).or_insert(0);
            *high = high.saturating_add(u128::from(m.high()));
            if *high > u128::from(u64::MAX) {
                return Some(to);
            }
        }
    }
    None
}
