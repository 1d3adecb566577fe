//! Derived indicators: coverage, per-event ratios, consent, completeness, change.

use super::Totals;
use crate::{
    Actor, Builtin, Count, Error, ErrorKind, Interval, Level, Ratio, RatioBounds, Share, UnitCode,
};

/// The change from a previous value to a current one.
///
/// ```
/// use danvan::{change, Count, Interval, Ratio};
///
/// let c = change(Interval::exact(1100), Interval::exact(1229));
/// assert_eq!((c.low, c.high), (Some(129), Some(129)));
/// assert_eq!(c.ratio, Some(Ratio::new(Count::new(1229), Count::new(1100))));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Change {
    /// The smallest possible difference current − previous (`None`: unbounded below).
    pub low: Option<i128>,
    /// The largest possible difference (`None`: unbounded above).
    pub high: Option<i128>,
    /// current / previous, when both are exact.
    pub ratio: Option<Ratio>,
}

/// The change from `previous` to `current`: the signed interval
/// [`Interval::difference`] (`[current.low − previous.high, current.high −
/// previous.low]`, unbounded below when `previous` is unbounded above), and
/// the ratio when both are exact.
///
/// ```
/// use danvan::{change, Interval};
///
/// let c = change(Interval::exact(500), Interval::at_least(500));
/// assert_eq!((c.low, c.high, c.ratio), (Some(0), None, None));
/// ```
#[must_use]
pub fn change(previous: Interval<u64>, current: Interval<u64>) -> Change {
    let d = current.difference(previous);
    let ratio = previous
        .exact_value()
        .zip(current.exact_value())
        .map(|(p, c)| Ratio::new(Count::new(c), Count::new(p)));
    Change {
        low: d.low(),
        high: d.high(),
        ratio,
    }
}

/// An exact count, if the interval is exact.
fn exact(r: Option<Interval<u64>>) -> Option<Count> {
    r.and_then(Interval::exact_value).map(Count::new)
}

impl Totals {
    /// An indicator's value summed over every actor that has it, when the
    /// caller knows the actors count disjoint things; `Ok(None)` when no actor has one.
    ///
    /// This adds figures of different actors, which reports never do on their
    /// own: for a stock that several actors may report, use [`Totals::stock`].
    /// The values add as intervals: an upper bound past `u64::MAX` is unbounded.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::TotalOverflow`] when the sum of the lower bounds passes
    /// `u64::MAX` (never "at least `u64::MAX`", which a term that is an
    /// upper bound would make false).
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let t = danvan::Totals::empty(&h, danvan::Period::year(2022)?, &[]);
    /// assert_eq!(t.all_actors(&"30".parse()?, danvan::Builtin::GrassrootsBlocks)?, None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn all_actors(
        &self,
        unit: &UnitCode,
        indicator: Builtin,
    ) -> Result<Option<Interval<u64>>, Error> {
        let mut sum: Option<Interval<u64>> = None;
        for v in Actor::ALL
            .into_iter()
            .filter_map(|a| self.value_builtin(unit, indicator, a))
        {
            sum = Some(match sum {
                None => v,
                Some(s) => s.checked_add(v).map_err(|_| -> Error {
                    ErrorKind::TotalOverflow {
                        unit: unit.to_string(),
                        indicator: indicator.id().to_owned(),
                        era: None,
                    }
                    .into()
                })?,
            });
        }
        Ok(sum)
    }

    /// A stock as one actor reports it: the mobilization sector's (the actor of
    /// block, team and model records) when it has one, otherwise the first
    /// actor in [`Actor::ALL`] order that has one. Stocks of different actors
    /// describe the same bodies and are never added together.
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let t = danvan::Totals::empty(&h, danvan::Period::year(2022)?, &[]);
    /// assert_eq!(t.stock(&"30".parse()?, danvan::Builtin::GrassrootsBlocks), None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn stock(&self, unit: &UnitCode, indicator: Builtin) -> Option<Interval<u64>> {
        self.value_builtin(unit, indicator, Actor::MobilizationSector)
            .or_else(|| {
                Actor::ALL
                    .into_iter()
                    .find_map(|a| self.value_builtin(unit, indicator, a))
            })
    }

    /// The units at `level` in the subtree of `unit` that exist at the end of
    /// the period (a hierarchy may hold units of both sides of the 2025 reform).
    fn units_at(&self, unit: &UnitCode, level: Level) -> Option<impl Iterator<Item = usize> + '_> {
        let u = self.hierarchy.index_of(unit)?.get();
        let units = self.hierarchy.units();
        let end = self.period.end();
        Some(self.subtree(u).filter(move |&i| {
            units
                .get(i)
                .is_some_and(|x| x.level() == level && x.is_valid_on(end))
        }))
    }

    fn coverage(&self, unit: &UnitCode, indicator: Builtin, level: Level) -> Option<Share> {
        let part = exact(self.stock(unit, indicator))?;
        let whole = self.units_at(unit, level)?.count();
        Share::new(part, Count::new(u64::try_from(whole).ok()?)).ok()
    }

    /// Grassroots blocks ([`Totals::stock`]) per commune in the unit's subtree.
    ///
    /// `None` when the number of blocks is unknown or not exact, or exceeds the
    /// number of communes (a unit whose communes are not in the hierarchy).
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let t = danvan::Totals::empty(&h, danvan::Period::year(2022)?, &[]);
    /// assert_eq!(t.coverage_blocks(&"30".parse()?), None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn coverage_blocks(&self, unit: &UnitCode) -> Option<Share> {
        self.coverage(unit, Builtin::GrassrootsBlocks, Level::Commune)
    }

    /// Village teams ([`Totals::stock`]) per village in the unit's subtree; `None` as
    /// for [`coverage_blocks`](Totals::coverage_blocks).
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let t = danvan::Totals::empty(&h, danvan::Period::year(2022)?, &[]);
    /// assert_eq!(t.coverage_teams(&"30".parse()?), None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn coverage_teams(&self, unit: &UnitCode) -> Option<Share> {
        self.coverage(unit, Builtin::VillageTeams, Level::Village)
    }

    fn ratio(
        &self,
        unit: &UnitCode,
        num: Builtin,
        den: Builtin,
        actor: Actor,
        decimals: u32,
    ) -> Option<RatioBounds> {
        let n = self.value_builtin(unit, num, actor)?;
        let d = self.value_builtin(unit, den, actor)?;
        n.ratio(d, decimals)
    }

    /// Conference participants (occurrences) per conference, as bounds
    /// rounded outward to `decimals` places ([`Interval::ratio`]): at least
    /// 6.800 participants at exactly 220 conferences is at least 30,9 each.
    /// `None` when either is unknown or there is exactly no conference.
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let t = danvan::Totals::empty(&h, danvan::Period::year(2022)?, &[]);
    /// assert_eq!(t.participants_per_conference(&"30".parse()?, danvan::Actor::PartyCommittees, 1), None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn participants_per_conference(
        &self,
        unit: &UnitCode,
        actor: Actor,
        decimals: u32,
    ) -> Option<RatioBounds> {
        self.ratio(
            unit,
            Builtin::ConferenceParticipants,
            Builtin::Conferences,
            actor,
            decimals,
        )
    }

    /// Inspection subjects per session, as bounds rounded outward to
    /// `decimals` places; `None` as for [`participants_per_conference`](Totals::participants_per_conference).
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let t = danvan::Totals::empty(&h, danvan::Period::year(2022)?, &[]);
    /// assert_eq!(t.subjects_per_session(&"30".parse()?, danvan::Actor::PartyCommittees, 1), None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn subjects_per_session(
        &self,
        unit: &UnitCode,
        actor: Actor,
        decimals: u32,
    ) -> Option<RatioBounds> {
        self.ratio(
            unit,
            Builtin::InspectionSubjects,
            Builtin::Inspections,
            actor,
            decimals,
        )
    }

    /// Consenting households of site clearance over affected ones; `None`
    /// unless both are known exactly (and consent does not exceed them).
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let t = danvan::Totals::empty(&h, danvan::Period::year(2022)?, &[]);
    /// assert_eq!(t.consent_rate(&"30".parse()?, danvan::Actor::Government), None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn consent_rate(&self, unit: &UnitCode, actor: Actor) -> Option<Share> {
        let part = exact(self.value_builtin(unit, Builtin::ClearanceConsenting, actor))?;
        let whole = exact(self.value_builtin(unit, Builtin::ClearanceHouseholds, actor))?;
        Share::new(part, whole).ok()
    }

    /// Units at `level` in the unit's subtree with any record or figure, over
    /// all units at that level there; `None` for an unknown unit.
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let t = danvan::Totals::empty(&h, danvan::Period::year(2022)?, &[]);
    /// let s = t.completeness(&"30".parse()?, danvan::Level::Province);
    /// assert_eq!(s.map(|s| (s.part().get(), s.whole().get())), Some((0, 1)));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn completeness(&self, unit: &UnitCode, level: Level) -> Option<Share> {
        let (mut part, mut whole) = (0u64, 0u64);
        for i in self.units_at(unit, level)? {
            whole = whole.saturating_add(1);
            if self.has_any(i) {
                part = part.saturating_add(1);
            }
        }
        Share::new(Count::new(part), Count::new(whole)).ok()
    }
}
