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
    /// only. Figures reported only above `from_level`, and amount
    /// indicators, are not carried.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::CrosswalkUnmapped`] for a unit at `from_level`
    /// with values but no entry, [`ErrorKind::CrosswalkUnknownTarget`] for a
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
    ///     acc.add_block(&b)?;
    /// }
    /// let cw = Crosswalk::builder()
    ///     .merge("90001".parse()?, "90010".parse()?)
    ///     .merge("90002".parse()?, "90010".parse()?)
    ///     .build()?;
    /// let after = acc.finish()?.rekey(&cw, Level::Commune, &new)?;
    /// let blocks = after.get_builtin(&"90010".parse()?, Builtin::GrassrootsBlocks, Actor::MobilizationSector);
    /// assert_eq!(blocks, Some("2".parse()?));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn rekey(
        &self,
        crosswalk: &Crosswalk,
        from_level: Level,
        new_hierarchy: &Hierarchy,
    ) -> Result<Totals, Error> {
        let mut records = Vec::with_capacity(self.records.len());
        for col in &self.records {
            if let Some(c) = self.map_column(col, crosswalk, from_level, new_hierarchy, false)? {
                records.push(c);
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
