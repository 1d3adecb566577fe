use std::collections::BTreeSet;

use chrono::Datelike;

use super::{
    combine_amount, AmountCell, AmountColumn, AmountTotal, Column, Member, Totals, TotalsLayer,
    F_BOUNDED, F_OPEN, F_PRESENT,
};
use crate::validate::figures_v2::Quantity;
use crate::{
    Actor, Amount, Crosswalk, Error, ErrorKind, Hierarchy, IndicatorId, Interval, Level, UnitCode,
    UnitIndex, Weight,
};

/// An old unit at the mapped level: its index, its code, and its targets'
/// indices in the new hierarchy with their weights (`None` without an entry).
/// An old unit at the level mapped: its index, code, targets (index in the
/// new hierarchy, weight; `None` without an entry), and whether part of it went
/// to a new unit the crosswalk does not name.
type Planned = (usize, UnitCode, Option<Vec<(usize, Weight)>>, Remainder);

/// An old unit above the level mapped: its index, the new units its own
/// records may have gone to, and whether some of its area went to a new unit
/// the crosswalk does not name.
type Carried = (usize, Vec<usize>, Remainder);

/// An amount to carry: its targets, remainder and cell.
type AmountWork = (Vec<(usize, Weight)>, Remainder, AmountCell);

/// The old units skipped for want of an entry, when the options skip them.
struct Skips {
    /// Whether to skip (else an unmapped unit is an error).
    skip: bool,
    /// The codes skipped.
    codes: BTreeSet<UnitCode>,
    /// What was skipped, per layer and column.
    totals: Vec<SkippedTotal>,
}

impl Skips {
    /// Skips old unit `code` (or refuses it, without the option).
    fn skip(&mut self, code: &UnitCode) -> Result<(), Error> {
        if !self.skip {
            return Err(ErrorKind::CrosswalkUnmapped {
                code: code.to_string(),
            }
            .into());
        }
        self.codes.insert(*code);
        Ok(())
    }
}

/// What [`RekeyOptions::skipping_unmapped`] left out of one column: the sum
/// of the skipped old units' values ([`RekeyReport::skipped_totals`]).
///
/// ```
/// let r = danvan::RekeyReport::default();
/// assert!(r.skipped_totals.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct SkippedTotal {
    /// [`TotalsLayer::Records`] or [`TotalsLayer::Reported`] (amounts too).
    pub layer: TotalsLayer,
    /// The indicator.
    pub indicator: IndicatorId,
    /// The actor.
    pub actor: Actor,
    /// Count indicators: the sum of the skipped values.
    pub value: Option<Interval<u64>>,
    /// Amount indicators: the sum of the skipped amounts.
    pub amount: Option<AmountTotal>,
}

/// Whether part of an old unit went to a new unit the crosswalk does not name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Remainder {
    /// The named targets hold all of it.
    Named,
    /// Some went to an unnamed new unit, known to lie within `within` (the
    /// whole target of a merge of an old unit above it, e.g. an old province
    /// that became one new province), or anywhere when `None`.
    Unnamed { within: Option<usize> },
}

/// What a rekey maps by: the crosswalk, the old level it maps, the new
/// hierarchy and where an unnamed remainder may lie.
struct Mapping<'a> {
    crosswalk: &'a Crosswalk,
    from_level: Level,
    new: &'a Hierarchy,
    reach: Reach,
}

/// The new units an unnamed remainder may lie in: any, or with
/// [`RekeyOptions::complete_targets`] only those no entry of the crosswalk
/// names as a target (`named`, by index of the new hierarchy).
struct Reach {
    named: Option<Vec<bool>>,
}

impl Reach {
    fn of(options: RekeyOptions, crosswalk: &Crosswalk, new: &Hierarchy) -> Reach {
        if !options.complete_targets {
            return Reach { named: None };
        }
        let mut named = vec![false; new.len()];
        for entry in crosswalk.entries() {
            for (to, _) in entry.targets() {
                if let Some(slot) = new.index_of(to).and_then(|i| named.get_mut(i.get())) {
                    *slot = true;
                }
            }
        }
        Reach { named: Some(named) }
    }

    fn allows(&self, x: usize) -> bool {
        self.named
            .as_ref()
            .map_or(true, |n| !n.get(x).copied().unwrap_or(false))
    }
}

/// Options of [`Totals::rekey_with`].
///
/// ```
/// let opts = danvan::RekeyOptions::default();
/// assert!(!opts.skip_unmapped);
/// assert!(opts.skipping_unmapped().skip_unmapped);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct RekeyOptions {
    /// Skip the old units at the mapped level that hold values but have no
    /// crosswalk entry, and list them in [`RekeyReport::skipped`]; by default
    /// such a unit is [`ErrorKind::CrosswalkUnmapped`]. See
    /// [`RekeyOptions::skipping_unmapped`] for what the totals then claim.
    pub skip_unmapped: bool,
    /// Read the crosswalk as listing, for every new unit it names, every
    /// old unit or part it was formed from; see
    /// [`RekeyOptions::with_complete_targets`].
    pub complete_targets: bool,
}

impl RekeyOptions {
    /// These options, skipping unmapped old units (and counting them).
    ///
    /// A skipped unit's values are not placed, but they are not dropped
    /// either: nothing says where they went, so they may lie in any new
    /// unit, or outside the new hierarchy. The totals stay sound: every new
    /// unit's cell of a column (and the country's, [`Totals::national`]) is
    /// widened by `[0, s]`, `s` the upper bound of the skipped values' sum
    /// (unbounded when one of them is), a unit that received nothing else
    /// included. A province of 4 placed documents above a skipped commune
    /// of 6 is "from 4 to 10", never an exact 4. The sums skipped are in
    /// [`RekeyReport::skipped_totals`]; containment (a parent within its
    /// children's sum and its own) still holds, as every unit is widened
    /// alike. [`RekeyReport::receives_nothing`] counts placed values only.
    ///
    /// ```
    /// assert!(danvan::RekeyOptions::default().skipping_unmapped().skip_unmapped);
    /// ```
    #[must_use]
    pub fn skipping_unmapped(mut self) -> RekeyOptions {
        self.skip_unmapped = true;
        self
    }

    /// These options, reading the crosswalk as complete for the new units
    /// it names: each such unit's entries list every old unit, or part of
    /// one, it was formed from (an official table that lists each new
    /// commune's predecessors, "part of" included, is such a list when it is
    /// whole). Then the unnamed remainder of a `partial` entry, and an old
    /// unit with no entry, lie in no new unit the crosswalk names as a
    /// target: only the new units no entry names (an island special zone
    /// formed from no old commune) and the country may hold them, and a
    /// commune beside a partial one stays exact.
    ///
    /// By default nothing is assumed: the remainder may lie in any new unit
    /// it can reach ([`Totals::rekey`]), each of which is then a bound. This
    /// is a claim about the data; make it only when the table says so. A
    /// composed crosswalk ([`Crosswalk::then`]) is not complete even when its
    /// steps are: a unit the first step does not name may be merged by the
    /// second into one it names.
    ///
    /// ```
    /// let opts = danvan::RekeyOptions::default().with_complete_targets();
    /// assert!(opts.complete_targets && !opts.skip_unmapped);
    /// ```
    #[must_use]
    pub fn with_complete_targets(mut self) -> RekeyOptions {
        self.complete_targets = true;
        self
    }
}

/// What a rekey did beside the totals ([`Totals::rekey_with`]).
///
/// ```
/// let r = danvan::RekeyReport::default();
/// assert_eq!(r.skipped_count(), 0);
/// ```
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct RekeyReport {
    /// Old units with values and no entry, skipped ([`RekeyOptions::skip_unmapped`]), by code.
    pub skipped: Vec<UnitCode>,
    /// What the skipped units held, per layer, indicator and actor (in
    /// column order): the width every new cell of that column was given
    /// ([`RekeyOptions::skipping_unmapped`]).
    pub skipped_totals: Vec<SkippedTotal>,
    /// The crosswalk's warnings for these hierarchies ([`Crosswalk::warnings`]:
    /// DV140 old units left unmapped, DV141 new units no old unit maps to,
    /// DV139 unnamed remainders).
    pub warnings: Vec<Error>,
    /// New units at the mapped level that receive nothing (no value of any
    /// indicator placed by the crosswalk; the width a skipped unit gives
    /// does not count), in the new hierarchy's order.
    pub receives_nothing: Vec<UnitCode>,
}

impl RekeyReport {
    /// How many old units were skipped.
    ///
    /// ```
    /// assert_eq!(danvan::RekeyReport::default().skipped_count(), 0);
    /// ```
    #[must_use]
    pub fn skipped_count(&self) -> usize {
        self.skipped.len()
    }
}

impl Totals {
    /// Carries the totals onto new units through a crosswalk, e.g. 2022 totals
    /// onto the communes of 1 July 2025.
    ///
    /// For every column of both layers, the interval of each unit at
    /// `from_level` (its whole subtree) goes to the new units its entry names:
    ///
    /// - a **merge** (one target) gives the target the whole interval;
    /// - a **split with shares** gives each target its part, exact by the
    ///   largest remainder (as [`Crosswalk::map_counts`]), for each bound;
    /// - **known shares with an unknown rest** give each target of known
    ///   share its exact part, a lone target of unknown share exactly the
    ///   rest (`v` less the known parts), several each `[0, rest]` and the
    ///   lowest unit containing them all exactly the rest
    ///   ([`crate::CrosswalkEntry::parts`]); with an unnamed remainder the
    ///   rest is `[0, rest]` wherever it goes;
    /// - a **split without shares** gives each target `[0, v]` (the whole
    ///   may have gone to any of them) and gives exactly `v` to the lowest
    ///   new unit that contains all its targets and to every unit above it:
    ///   a new province is exact whenever every piece stays inside it.
    ///
    /// A new unit that contains some but not all targets of a split gets the
    /// sum of the parts of the targets it contains (with shares) or `[0, v]`
    /// (without).
    ///
    /// **An unnamed remainder** (a `partial` entry: part went to a new unit
    /// the entry does not name; and all of an old unit with no entry) may
    /// lie in any new unit it can reach: below the new unit known to contain
    /// the old unit (the target of a merge of an old unit above it, such as
    /// its old province), or anywhere when none is known, every unit at the
    /// named targets' level and every unit with nothing below it (a commune,
    /// a special zone). Each gets `[0, r]` of it (`r` the remainder's upper
    /// bound), so a commune beside a partial one is a bound; the containing
    /// unit and the country stay exact.
    /// [`RekeyOptions::with_complete_targets`] keeps it out of the units the
    /// crosswalk names, for a table that lists every predecessor.
    ///
    /// **The country.** Every old value also goes whole into the national
    /// cell of its column ([`Totals::national`]), the exact amount the whole
    /// new hierarchy received: where no new unit contains all of an old unit
    /// (a split across two new provinces without a merge above, a `partial`
    /// entry whose remainder no named unit is known to hold), the provinces
    /// add up to `[0, 2v]` but the country is exactly `v`, and
    /// [`Totals::level_total`] at the top level says so. The national cell
    /// is filled here, outside the roll-up; [`Totals::merge`],
    /// [`Totals::apply`] and the rows keep it. Each new unit's interval is stored as such — **not** as the
    /// sum of its children's — so for additive indicators the roll-up rule
    /// becomes containment: a unit's interval lies within the sum of its
    /// children's and its own records' (what [`Totals::from_rows`] checks and
    /// [`Totals::merge`] keeps, adding unit by unit). A distinct indicator
    /// keeps `[largest part, sum]`; its largest part carries over to the
    /// units that contain the whole old unit only.
    ///
    /// Records held by an old unit above `from_level` itself (a district's own
    /// conferences: its total less its children's) go to the targets of its
    /// own entry when the crosswalk has one (any level may have entries: an
    /// island district without communes to its special zone), else to the
    /// new units that cover its units at `from_level`, lifted to no lower
    /// than its level:
    /// one such unit gets them whole; several (a district whose communes went
    /// to two new provinces) each get `[0, v]` and their lowest common unit
    /// gets `v`, never an exact figure in the first one. Their flags are the
    /// old unit's (its children's inexactness may widen them; never narrow).
    /// A figure an old unit above `from_level` reported itself stands for
    /// its whole: it goes to the targets of its own entry and of its units at
    /// `from_level`, lifted the same way; when neither its entry nor its
    /// units say where, it is [`ErrorKind::RekeyUncovered`] naming the unit,
    /// never dropped. Where units below it reported the indicator too, their
    /// figures are carried with them and only the rest goes so — its own
    /// figure less what is carried below it: the figures of the highest
    /// reporting units below it, as stated, not its children's rolled values
    /// ([`Interval::rest_after`](crate::Interval::rest_after), which keeps a
    /// near whole's tone and an estimate less the part's point) — to the
    /// targets of its units not covered by a figure below, and of the units
    /// between with an entry of their own (a
    /// district's own 10 with 4 in one commune: 4 where the commune went, 6
    /// spread over where the rest went; the whole stays 10; a province's 30
    /// with 4 in a commune of a silent district: exactly 30). Figures below
    /// that certainly exceed the whole (a commune's 5 under its district's
    /// 3) are [`ErrorKind::RekeyPartAboveWhole`]: no rest is sound. A
    /// distinct indicator's rest is the persons of the whole no figure below
    /// counts (they overlap as `[largest part, sum]`), and the country holds
    /// at least the whole: a province's 30 persons with 10 in a district
    /// and 4 in its commune are exactly 30.
    /// An old unit that reported nothing — no figure of its own or below
    /// it, and no own figure of an old unit above it, which holds it — is
    /// silent: every new unit it may lie in (its targets, and the unit known
    /// to hold a remainder its entry does not name), every unit above them
    /// and the country are at least what is known (the old roll-up made its
    /// parent a lower bound too). The rekeyed totals keep their silent old
    /// units, so [`Totals::merge`] of parts closes those the other part
    /// reported. A column of rekeyed totals that left no old unit silent,
    /// and took nothing from totals that were not rekeyed, is complete:
    /// rekeyed again, a unit of it with no cell holds nothing (it is not
    /// silent), so a closed whole stays exact through a second rekey.
    /// Amount indicators are carried the same way, as intervals of their
    /// decimal amounts (a split, with or without shares, gives each target
    /// `[0, high]`).
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::CrosswalkUnmapped`] for a unit at `from_level`
    /// with values but no entry, [`ErrorKind::RekeyUncovered`] for a unit
    /// above it that holds records but none of whose units is mapped,
    /// [`ErrorKind::RekeyPartAboveWhole`] for an own figure certainly below
    /// what the figures within it give, [`ErrorKind::CrosswalkUnknownTarget`] for a
    /// target missing from `new_hierarchy`, and [`ErrorKind::TotalOverflow`]
    /// (naming the unit and indicator) when a lower bound overflows.
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
    /// assert_eq!(blocks, Some(danvan::Interval::exact(2)));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn rekey(
        &self,
        crosswalk: &Crosswalk,
        from_level: Level,
        new_hierarchy: &Hierarchy,
    ) -> Result<Totals, Error> {
        self.rekey_with(
            crosswalk,
            from_level,
            new_hierarchy,
            RekeyOptions::default(),
        )
        .map(|(t, _)| t)
    }

    /// [`Totals::rekey`] with options, and a [`RekeyReport`] beside the
    /// totals: the old units skipped, the crosswalk's warnings, and the new
    /// units that receive nothing.
    ///
    /// # Errors
    ///
    /// As [`Totals::rekey`]; with [`RekeyOptions::skip_unmapped`] an old unit
    /// without an entry is skipped and listed instead of
    /// [`ErrorKind::CrosswalkUnmapped`].
    ///
    /// ```
    /// use danvan::{Accumulator, Crosswalk, Hierarchy, Level, Period, RekeyOptions, Unit};
    ///
    /// // Synthetic units: commune 90002 is not in the crosswalk.
    /// let old = Hierarchy::new(vec![
    ///     Unit::new("90".parse()?, "Province (synthetic)"),
    ///     Unit::new("90001".parse()?, "Commune A (synthetic)").with_parent(Some("90".parse()?)),
    ///     Unit::new("90002".parse()?, "Commune B (synthetic)").with_parent(Some("90".parse()?)),
    /// ])?;
    /// let new = Hierarchy::new(vec![
    ///     Unit::new("91".parse()?, "Province (synthetic)"),
    ///     Unit::new("91001".parse()?, "New commune (synthetic)").with_parent(Some("91".parse()?)),
    ///     Unit::new("91002".parse()?, "Empty commune (synthetic)").with_parent(Some("91".parse()?)),
    /// ])?;
    /// let mut acc = Accumulator::new(&old, Period::year(2022)?, &[]);
    /// for unit in ["90001", "90002"] {
    ///     let b: danvan::GrassrootsBlock = serde_json::from_str(&format!(r#"{{"unit": "{unit}"}}"#)).unwrap();
    ///     acc.add(&b)?;
    /// }
    /// let t = acc.finish()?;
    /// let cw = Crosswalk::builder().merge("90001".parse()?, "91001".parse()?).build()?;
    /// assert_eq!(t.rekey(&cw, Level::Commune, &new).unwrap_err().code(), "DV040");
    /// let (_, report) = t.rekey_with(&cw, Level::Commune, &new, RekeyOptions::default().skipping_unmapped())?;
    /// assert_eq!(report.skipped_count(), 1);
    /// assert_eq!(report.receives_nothing, ["91002".parse()?]);
    /// let codes: Vec<&str> = report.warnings.iter().map(|w| w.code().as_str()).collect();
    /// assert_eq!(codes, ["DV140", "DV141"]);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn rekey_with(
        &self,
        crosswalk: &Crosswalk,
        from_level: Level,
        new_hierarchy: &Hierarchy,
        options: RekeyOptions,
    ) -> Result<(Totals, RekeyReport), Error> {
        let mut skipped = Skips {
            skip: options.skip_unmapped,
            codes: BTreeSet::new(),
            totals: Vec::new(),
        };
        let m = Mapping {
            crosswalk,
            from_level,
            new: new_hierarchy,
            reach: Reach::of(options, crosswalk, new_hierarchy),
        };
        let plan = self.plan(&m)?;
        let orphans = self.refuse_orphans(from_level)?;
        let above = self.carry_targets(&m)?;
        let n = new_hierarchy.len();
        // The new units that received a placed value (a skipped unit's width aside).
        let mut receives = vec![false; n];
        // Both layers alike: each new column with its country's cell.
        let mut done: Vec<(Vec<Column>, Vec<Column>)> = Vec::with_capacity(2);
        for (layer, cols) in [
            (TotalsLayer::Records, &self.records),
            (TotalsLayer::Reported, &self.rolled),
        ] {
            let reported = layer == TotalsLayer::Reported;
            let mut units = Vec::with_capacity(cols.len());
            let mut national = Vec::with_capacity(cols.len());
            for col in cols {
                let stock = reported
                    && super::indicator_info(&self.indicators, col.indicator as usize)
                        .is_some_and(|(k, _)| k == crate::IndicatorKind::Stock);
                let distinct = !col.floor.is_empty();
                // One cell more than the new units: the country's, at `n`.
                let mut out = Column::new(col.indicator, col.actor, n + 1, distinct, stock);
                let skip =
                    self.map_column(col, &mut out, crosswalk, &plan, new_hierarchy, &mut skipped)?;
                if reported {
                    self.carry_own_figures(col, &mut out, &above, &m)?;
                } else {
                    self.carry_own_records(col, &mut out, &above, new_hierarchy)?;
                }
                self.widen(
                    layer,
                    &mut out,
                    &skip,
                    &mut skipped,
                    &mut receives,
                    new_hierarchy,
                )?;
                // The country is the same country: when every old value was
                // placed (none skipped), what rekeyed old totals say of it
                // holds too (a second rekey keeps the first one's country).
                let mut narrowed = false;
                if skip.member(0).is_none() {
                    let old = if reported {
                        &self.national_reported
                    } else {
                        &self.national_records
                    };
                    if let Some(o) =
                        Totals::find(old, col.indicator, col.actor).and_then(|c| c.interval(0))
                    {
                        narrowed = narrow_to(&mut out, n, o);
                    }
                }
                // A unit lies within its parent (persons among its parent's;
                // counts of a part of its area): after a whole is held or the
                // country narrowed, no cell below claims more.
                if distinct || narrowed {
                    within_parents(&mut out, new_hierarchy);
                }
                if stock {
                    let end = self.period.end().num_days_from_ce();
                    for (e, f) in out.end.iter_mut().zip(&out.flags) {
                        if f & F_PRESENT != 0 {
                            *e = end;
                        }
                    }
                }
                let country = split_country(&mut out);
                if out.is_used() {
                    units.push(out);
                    national.push(country);
                }
            }
            done.push((units, national));
        }
        let (reported, national_reported) = done.pop().unwrap_or_default();
        let (records, national_records) = done.pop().unwrap_or_default();
        let (amounts, national_amounts) =
            self.map_amounts(&plan, &above, &m, &mut skipped, &mut receives)?;
        let totals = Totals::assemble(
            new_hierarchy.clone(),
            self.period,
            self.indicators.clone(),
            records,
            reported,
            amounts,
        )?
        .with_national(national_records, national_reported, national_amounts);
        let mut places = self.places(&plan, &above, &m);
        // Silent units no plan carries may lie anywhere.
        places.extend(orphans.into_iter().map(|u| (u, Vec::new())));
        let origin = super::absent::Origin::of(&self.hierarchy, from_level);
        let absent = super::absent::Absent::of(self, &places, new_hierarchy, origin);
        let totals = Totals {
            sources: super::sources::Sources::of(&self.hierarchy, &self.reported, &self.amounts),
            ..totals
        };
        let absent = absent.only(|k| {
            totals.national_reported.iter().any(|c| c.key() == k)
                || totals.national_amounts.iter().any(|c| c.key() == k)
        });
        let totals = totals.open_absent(absent)?;
        let receives_nothing = new_hierarchy
            .iter()
            .filter(|(i, u)| {
                u.level() == from_level && !receives.get(i.get()).copied().unwrap_or(false)
            })
            .map(|(_, u)| u.code())
            .collect();
        let report = RekeyReport {
            skipped: skipped.codes.into_iter().collect(),
            skipped_totals: skipped.totals,
            warnings: crosswalk.warnings(&self.hierarchy, new_hierarchy),
            receives_nothing,
        };
        Ok((totals, report))
    }

    /// The old units below `from_level` with no unit at `from_level` above
    /// them, which no plan carries: [`ErrorKind::RekeyBelowNoMappedUnit`]
    /// when one holds a value of any layer (it was dropped), else them.
    fn refuse_orphans(&self, from_level: Level) -> Result<Vec<usize>, Error> {
        let units = self.hierarchy.units();
        let depth = |x: usize| units.get(x).map(|l| l.level().depth());
        let orphans: Vec<usize> = (0..units.len())
            .filter(|&x| depth(x).is_some_and(|d| d > from_level.depth()))
            .filter(|&x| {
                !self
                    .hierarchy
                    .ancestors(UnitIndex::from_usize(x))
                    .any(|a| depth(a.get()) == Some(from_level.depth()))
            })
            .collect();
        for &x in &orphans {
            let held = self
                .records
                .iter()
                .chain(&self.reported)
                .find(|c| c.member(x).is_some())
                .map(|c| c.indicator)
                .or_else(|| {
                    self.amounts
                        .iter()
                        .find(|c| c.cells.get(x).is_some_and(Option::is_some))
                        .map(|c| c.indicator)
                });
            if let Some(ind) = held {
                return Err(ErrorKind::RekeyBelowNoMappedUnit {
                    indicator: super::indicator_name(&self.indicators, ind),
                    unit: self
                        .hierarchy
                        .code(UnitIndex::from_usize(x))
                        .map_or_else(String::new, |c| c.to_string()),
                    level: from_level.as_str().to_owned(),
                }
                .into());
            }
        }
        Ok(orphans)
    }

    /// Every old unit whose area the crosswalk places (those at
    /// `from_level`, and those above it without a unit at `from_level`
    /// below, such as an island district), with the new units it may lie
    /// in: its targets, and the unit known to contain a remainder the
    /// crosswalk does not name ([`Remainder`]; an old unit without an entry
    /// is all remainder). None known: the country only.
    fn places(
        &self,
        plan: &[Planned],
        above: &[Carried],
        m: &Mapping<'_>,
    ) -> Vec<(usize, Vec<usize>)> {
        let (crosswalk, from_level, new, reach) = (m.crosswalk, m.from_level, m.new, &m.reach);
        let within = |r: &Remainder| match r {
            Remainder::Unnamed { within } => *within,
            Remainder::Named => None,
        };
        let mut out: Vec<(usize, Vec<usize>)> = plan
            .iter()
            .map(|(u, _, targets, remainder)| {
                let mut to: Vec<usize> = match targets {
                    Some(ts) => ts.iter().map(|(t, _)| *t).collect(),
                    // No entry: anywhere in the unit known to contain it
                    // (every unit below it with nothing below), or anywhere.
                    None => {
                        let within = self.container(UnitIndex::from_usize(*u), crosswalk, new);
                        match within {
                            Some(w) => std::iter::once(w)
                                .chain(remainder_reach(
                                    new,
                                    Remainder::Unnamed { within },
                                    &[],
                                    reach,
                                ))
                                .collect(),
                            None => Vec::new(),
                        }
                    }
                };
                if matches!(remainder, Remainder::Unnamed { within: None }) {
                    // Part of it went where no unit is known to hold: anywhere.
                    to.clear();
                } else {
                    to.extend(within(remainder));
                }
                (*u, to)
            })
            .collect();
        let units = self.hierarchy.units();
        for (u, candidates, remainder) in above {
            let leaf = !self
                .subtree(*u)
                .any(|x| units.get(x).is_some_and(|l| l.level() == from_level));
            if !leaf {
                continue;
            }
            let idx = UnitIndex::from_usize(*u);
            let mut to = candidates.clone();
            if self
                .hierarchy
                .code(idx)
                .is_some_and(|c| crosswalk.entry(&c).is_none())
            {
                to.extend(self.container(idx, crosswalk, new));
            }
            to.extend(within(remainder));
            to.extend(remainder_reach(new, *remainder, candidates, reach));
            out.push((*u, to));
        }
        out
    }

    /// Marks the new units `out` placed a value in, then, when unmapped old
    /// units of this column were skipped (their sum in `skip`'s one cell),
    /// widens every cell of `out` (the country's too) by `[0, s]` and
    /// records the sum ([`RekeyOptions::skipping_unmapped`]).
    fn widen(
        &self,
        layer: TotalsLayer,
        out: &mut Column,
        skip: &Column,
        skipped: &mut Skips,
        receives: &mut [bool],
        new: &Hierarchy,
    ) -> Result<(), Error> {
        for (r, f) in receives.iter_mut().zip(&out.flags) {
            *r |= f & F_PRESENT != 0;
        }
        let (Some(sum), Some(value)) = (skip.member(0), skip.interval(0)) else {
            return Ok(());
        };
        if let Some(indicator) = super::rows::indicator_id(&self.indicators, out.indicator) {
            skipped.totals.push(SkippedTotal {
                layer,
                indicator,
                actor: out.actor,
                value: Some(value),
                amount: None,
            });
        }
        let part = sum.part();
        for x in 0..out.value.len() {
            out.add_member(x, part, Some(0)).ok_or_else(|| {
                super::overflow(
                    new,
                    x,
                    &super::indicator_name(&self.indicators, out.indicator),
                )
            })?;
        }
        Ok(())
    }

    /// Adds to `out` the figures old units above `from_level` reported
    /// themselves. Each such figure stands for its unit's whole, so it goes
    /// to the targets of the unit's own entry and of its units at
    /// `from_level` ([`Totals::figure_targets`]); where units below it
    /// reported the figure too, what they hold is carried with them and
    /// only the rest goes so: its own figure less what is carried below it
    /// ([`Totals::carried_below`], [`Interval::rest_after`]) — the units
    /// below whose own figures cover them are left out of its targets.
    /// A part certainly above its whole is [`ErrorKind::RekeyPartAboveWhole`].
    ///
    /// A distinct indicator's rest is the persons of the whole counted by
    /// no figure below (`[whole.low − Σ high, whole.high − largest low]`,
    /// the figures below overlapping as `[largest part, sum]`): disjoint
    /// from them, so the pieces add up to the whole, and the country, which
    /// holds all of them, holds at least the whole's lower bound.
    fn carry_own_figures(
        &self,
        col: &Column,
        out: &mut Column,
        above: &[Carried],
        map: &Mapping<'_>,
    ) -> Result<(), Error> {
        let (from_level, new) = (map.from_level, map.new);
        let name = || super::indicator_name(&self.indicators, col.indicator);
        let Some(own) = Totals::find(&self.reported, col.indicator, col.actor) else {
            return Ok(());
        };
        let distinct = !col.floor.is_empty();
        // Distinct wholes over figures below: held once every piece is placed.
        let mut wholes = Vec::new();
        for (u, _, _) in above {
            let u = *u;
            let Some(m) = own.member(u) else { continue };
            let reported = |x: usize| own.member(x).is_some();
            let below = self.subtree(u).skip(1).any(reported);
            let (m, floor) = if below {
                let Some(whole) = own.interval(u) else {
                    continue;
                };
                let add = |a: Interval<u64>, b: Interval<u64>| {
                    if distinct {
                        Ok(a.union_size(b))
                    } else {
                        a.checked_add(b)
                    }
                };
                let Some((held, parts)) = self
                    .carried_below(
                        u,
                        from_level,
                        &|x| col.interval(x),
                        &|x| own.interval(x),
                        &add,
                    )
                    .map_err(|_| super::overflow(&self.hierarchy, u, &name()))?
                else {
                    continue;
                };
                self.refuse_part_above_whole(
                    u,
                    &name(),
                    (whole.high(), held.low()),
                    || Quantity::Count(whole).worded(),
                    || Quantity::Count(held).worded(),
                    &parts,
                )?;
                let rest = whole.rest_after(held);
                if distinct {
                    wholes.push((u, whole, held, rest));
                }
                if rest == Interval::exact(0) {
                    continue;
                }
                (Member::of(rest), None)
            } else {
                (m, own.floor.get(u).copied())
            };
            let (targets, unnamed) = self.figure_targets(u, map, &|x| reported(x))?;
            let targets = self.covering(u, &targets, &name)?;
            spread(out, new, m, floor, &targets, None, unnamed, &name)?;
        }
        for &(u, whole, _, rest) in &wholes {
            // A distinct rest is disjoint from the figures below, but a new
            // unit that does not hold them all may share persons with them:
            // every unit the rest reaches below where the whole is held
            // (its own target cells, and those above them) holds up to the
            // whole, not just the rest (an island district's 4 persons in
            // a special zone may also be persons of the province's other
            // communes).
            let more = match (whole.high(), rest.high()) {
                (Some(w), Some(r)) => Interval::between(0, Some(w.saturating_sub(r))),
                _ => Ok(Interval::at_least(0)),
            }
            .map_err(|_| super::overflow(&self.hierarchy, u, &name()))?;
            let held: Vec<usize> = self
                .whole_holder(u, map)?
                .into_iter()
                .flat_map(|l| chain(new, l))
                .collect();
            let reported = |x: usize| own.member(x).is_some();
            let (targets, _) = self.figure_targets(u, map, &reported)?;
            let mut cells: Vec<usize> = Vec::new();
            for &t in &targets {
                for x in chain(new, t).take_while(|x| !held.contains(x)) {
                    if !cells.contains(&x) {
                        cells.push(x);
                    }
                }
            }
            for x in cells {
                out.add_member(x, Member::of(more), Some(0))
                    .ok_or_else(|| super::overflow(&self.hierarchy, u, &name()))?;
            }
        }
        for (u, whole, held, _) in wholes {
            self.hold_whole(out, u, (whole, held), map, &name)?;
        }
        Ok(())
    }

    /// A distinct whole of old unit `u` and the figures `held` below it
    /// (`[largest, sum]`: they may overlap): its pieces, the rest and those
    /// figures, add up in every cell that holds them all to more than the
    /// whole (`rest.high + held.high` where the whole is `rest.high +
    /// held.low`). The lowest new unit known to hold all of `u` (the
    /// targets of all its units), every unit above it and the country hold
    /// the whole: at least its lower bound, and when every bound is finite
    /// the pieces' excess `held.high − held.low` taken off their upper
    /// bound (a province's 30 persons with 4 and 5 in two communes: exactly
    /// 30, where the pieces sum to [30, 34]).
    fn hold_whole(
        &self,
        out: &mut Column,
        u: usize,
        (whole, held): (Interval<u64>, Interval<u64>),
        m: &Mapping<'_>,
        name: &dyn Fn() -> String,
    ) -> Result<(), Error> {
        let new = m.new;
        let holder = self.whole_holder(u, m)?;
        let excess = match (whole.high(), held.high()) {
            (Some(_), Some(h)) => h.saturating_sub(held.low()),
            _ => 0,
        };
        let cells = holder
            .into_iter()
            .flat_map(|l| chain(new, l))
            .chain(std::iter::once(new.len()));
        for x in cells {
            out.add_member(x, Member::exact(0), Some(whole.low()))
                .ok_or_else(|| super::overflow(&self.hierarchy, u, &name()))?;
            out.narrow_high(x, excess);
        }
        Ok(())
    }

    /// The lowest new unit known to hold all of old unit `u` (above
    /// `from_level`): the lowest common unit of where every unit of it went
    /// ([`Totals::figure_targets`] with no figure below taken as covering
    /// any), `None` when only the country is known to.
    fn whole_holder(&self, u: usize, m: &Mapping<'_>) -> Result<Option<usize>, Error> {
        let new = m.new;
        let (targets, unnamed) = self.figure_targets(u, m, &|_| false)?;
        let targets: Vec<(usize, Weight)> =
            targets.into_iter().map(|t| (t, Weight::Unknown)).collect();
        Ok(lowest_holder(new, &targets, unnamed))
    }

    /// What the rekey carries on their own of the old units strictly below
    /// `u` (above it, `u`'s own figure less this is its rest), with the
    /// codes of the units it comes from: for each child, the cell of a unit
    /// at `from_level` (`at_level`: the plan carries it whole), else the own
    /// figure of a unit above `from_level` (`own`: its whole, carried as
    /// its rest and what is carried below it), else what is carried below
    /// it — never a unit's rolled value, which is a lower bound when some
    /// unit below it reported nothing, although nothing of that unit is
    /// carried. A unit below `from_level` with no unit at `from_level`
    /// above it is carried by no plan: nothing. `add` combines two values
    /// (a sum; a distinct indicator's `[largest part, sum]`). `None` when
    /// nothing is carried below `u`.
    fn carried_below<T: Copy>(
        &self,
        u: usize,
        from_level: Level,
        at_level: &dyn Fn(usize) -> Option<T>,
        own: &dyn Fn(usize) -> Option<T>,
        add: &dyn Fn(T, T) -> Result<T, Error>,
    ) -> Result<Option<(T, Vec<UnitCode>)>, Error> {
        let units = self.hierarchy.units();
        let mut acc: Option<T> = None;
        let mut codes = Vec::new();
        for c in self.hierarchy.children(UnitIndex::from_usize(u)) {
            let c = c.get();
            let Some(unit) = units.get(c) else { continue };
            let depth = unit.level().depth();
            let here = if depth == from_level.depth() {
                at_level(c).map(|v| (v, vec![unit.code()]))
            } else if depth > from_level.depth() {
                None
            } else if let Some(v) = own(c) {
                Some((v, vec![unit.code()]))
            } else {
                self.carried_below(c, from_level, at_level, own, add)?
            };
            if let Some((v, mut from)) = here {
                acc = Some(match acc {
                    None => v,
                    Some(a) => add(a, v)?,
                });
                codes.append(&mut from);
            }
        }
        Ok(acc.map(|a| (a, codes)))
    }

    /// [`ErrorKind::RekeyPartAboveWhole`] when what is carried below old
    /// unit `u` certainly exceeds its own figure: `(whole.high, held.low)`,
    /// the values worded only then. The old roll-up keeps both figures,
    /// each at its unit, and [`Totals::reconcile`] says they disagree; a
    /// rekey must take one from the other, and no rest is sound there.
    fn refuse_part_above_whole<T: PartialOrd>(
        &self,
        u: usize,
        indicator: &str,
        (whole_high, held_low): (Option<T>, T),
        whole: impl FnOnce() -> crate::Worded,
        held: impl FnOnce() -> crate::Worded,
        parts: &[UnitCode],
    ) -> Result<(), Error> {
        if whole_high.map_or(true, |h| held_low <= h) {
            return Ok(());
        }
        let quoted: Vec<String> = parts.iter().map(|c| format!("\"{c}\"")).collect();
        Err(ErrorKind::RekeyPartAboveWhole {
            indicator: indicator.to_owned(),
            unit: self
                .hierarchy
                .code(UnitIndex::from_usize(u))
                .map_or_else(String::new, |c| c.to_string()),
            whole: whole(),
            parts: quoted.join(", "),
            held: held(),
        }
        .into())
    }

    /// The new units a figure old unit `u` (above `from_level`) reported
    /// itself may lie in: the targets of its own entry, if any, and of each
    /// of its units at `from_level`, and of each unit between with an entry
    /// of its own (where that unit's own bodies went), that no unit between
    /// them reported (`reported`: such a unit's own figure holds its part)
    /// — those lifted
    /// to no lower than `u`'s level (as its own records), each beside where
    /// it went (within a target of its own entry too: that unit holds the
    /// whole, the units below it a part). The remainder
    /// is unnamed when one of those entries has one, or when one of those
    /// units has no entry (where its part went is not known).
    fn figure_targets(
        &self,
        u: usize,
        m: &Mapping<'_>,
        reported: &dyn Fn(usize) -> bool,
    ) -> Result<(Vec<usize>, Remainder), Error> {
        let (crosswalk, from_level, new, reach) = (m.crosswalk, m.from_level, m.new, &m.reach);
        let units = self.hierarchy.units();
        let mut targets: Vec<usize> = Vec::new();
        let mut partial = false;
        let mut any_covered = false;
        let add = |code: &UnitCode, targets: &mut Vec<usize>| -> Result<bool, Error> {
            let Some(ts) = crosswalk.targets(code) else {
                return Ok(false);
            };
            for (to, _) in ts {
                let i = target_index(new, code, to)?;
                if !targets.contains(&i) {
                    targets.push(i);
                }
            }
            Ok(crosswalk
                .entry(code)
                .is_some_and(|e| e.has_unnamed_remainder()))
        };
        let Some(unit) = units.get(u) else {
            return Ok((targets, Remainder::Named));
        };
        let level = unit.level();
        partial |= add(&unit.code(), &mut targets)?;
        for x in self.subtree(u).skip(1) {
            // Its units at `from_level`, and the units between that have an
            // entry of their own (an island district's own bodies went there).
            let Some(low) = units.get(x).filter(|l| {
                l.level() == from_level
                    || (l.level().depth() < from_level.depth()
                        && crosswalk.targets(&l.code()).is_some())
            }) else {
                continue;
            };
            let covered = std::iter::successors(Some(UnitIndex::from_usize(x)), |&a| {
                self.hierarchy.parent(a)
            })
            .map(UnitIndex::get)
            .take_while(|&a| a != u)
            .any(reported);
            if covered {
                any_covered = true;
                continue;
            }
            if crosswalk.targets(&low.code()).is_none() {
                partial = true;
                continue;
            }
            let mut theirs = Vec::new();
            partial |= add(&low.code(), &mut theirs)?;
            for t in theirs {
                // The part of a unit no figure below covers may lie where
                // that unit went (`t`), or be the unit's own bodies', which
                // stay no lower than its own level (a province's figure
                // with a province): both, so the lowest unit holding it all
                // is no lower than that level, and `t` may hold some of it.
                let mut lifted = UnitIndex::from_usize(t);
                while new.level(lifted).is_some_and(|l| l.depth() > level.depth()) {
                    match new.parent(lifted) {
                        Some(p) => lifted = p,
                        None => break,
                    }
                }
                for x in [t, lifted.get()] {
                    if !targets.contains(&x) {
                        targets.push(x);
                    }
                }
            }
        }
        if targets.is_empty() && any_covered {
            // Every unit holds a figure of its own: the rest (its own
            // bodies', or what those figures leave out) lies where they went.
            return self.figure_targets(u, m, &|_| false);
        }
        let remainder = if partial {
            Remainder::Unnamed {
                within: self.container_of(UnitIndex::from_usize(u), crosswalk, new, &targets),
            }
        } else {
            Remainder::Named
        };
        // Where the remainder may lie, once some unit says where the figure
        // went (none: the figure is uncovered, [`ErrorKind::RekeyUncovered`]).
        if !targets.is_empty() {
            for t in remainder_reach(new, remainder, &targets, reach) {
                targets.push(t);
            }
        }
        Ok((targets, remainder))
    }

    /// The new units that cover old unit `u` above `from_level`, each of
    /// unknown share; [`ErrorKind::RekeyUncovered`] naming the unit when none does.
    fn covering(
        &self,
        u: usize,
        candidates: &[usize],
        name: &dyn Fn() -> String,
    ) -> Result<Vec<(usize, Weight)>, Error> {
        if candidates.is_empty() {
            return Err(ErrorKind::RekeyUncovered {
                unit: self
                    .hierarchy
                    .code(UnitIndex::from_usize(u))
                    .map_or_else(String::new, |c| c.to_string()),
                indicator: name(),
            }
            .into());
        }
        Ok(candidates.iter().map(|&t| (t, Weight::Unknown)).collect())
    }

    /// Carries the amounts of every unit at `from_level` (its own figure, or
    /// its children's sum) onto the new units, as intervals: a merge gives
    /// the target and every unit above it the whole interval; a split (with
    /// or without shares: a share of a decimal amount is not taken as exact)
    /// gives each target and the units below the lowest common unit
    /// `[0, high]`, and that unit and every unit above it the whole. The
    /// country's cells come apart, second; skipped units widen every cell
    /// (as [`Totals::widen`] does for counts).
    fn map_amounts(
        &self,
        plan: &[Planned],
        above: &[Carried],
        m: &Mapping<'_>,
        skipped: &mut Skips,
        receives: &mut [bool],
    ) -> Result<(Vec<AmountColumn>, Vec<AmountColumn>), Error> {
        let (from_level, new) = (m.from_level, m.new);
        let n = new.len();
        let mut out = Vec::with_capacity(self.rolled_amounts.len());
        let mut national = Vec::with_capacity(self.rolled_amounts.len());
        for col in &self.rolled_amounts {
            let name = || super::indicator_name(&self.indicators, col.indicator);
            // One cell more than the new units: the country's, at `n`.
            let mut cells: Vec<Option<AmountCell>> = vec![None; n + 1];
            let add = |cells: &mut [Option<AmountCell>], x: usize, cell: &AmountCell| {
                add_amount(cells, x, cell, new, &name)
            };
            // The units at `from_level`, then the own figures of units
            // above it that none of their units below has.
            let own = self
                .amounts
                .binary_search_by(|c| c.key().cmp(&col.key()))
                .ok()
                .and_then(|i| self.amounts.get(i));
            let mut work: Vec<AmountWork> = Vec::new();
            let mut skip: Option<AmountCell> = None;
            for (u, code, targets, unnamed) in plan {
                let Some(Some(cell)) = col.cells.get(*u) else {
                    continue;
                };
                let Some(targets) = targets else {
                    skipped.skip(code)?;
                    skip = Some(match skip {
                        None => cell.clone(),
                        Some(acc) => combine_amount(&acc, cell, false).map_err(|e| {
                            super::amount_error(
                                &self.hierarchy,
                                &self.indicators,
                                *u,
                                col.indicator,
                                e,
                            )
                        })?,
                    });
                    continue;
                };
                work.push((targets.clone(), *unnamed, cell.clone()));
            }
            // As counts (`carry_own_figures`): an own figure above
            // `from_level` goes whole, or its rest (less what is carried
            // below it, `carried_below`) when units below it reported too.
            for (u, _, _) in above {
                let u = *u;
                let cells = own.map(|c| c.cells.as_slice()).unwrap_or_default();
                let Some(Some(cell)) = cells.get(u) else {
                    continue;
                };
                let reported = |x: usize| cells.get(x).is_some_and(Option::is_some);
                let cell = if self.subtree(u).skip(1).any(reported) {
                    let at_level = |x: usize| {
                        col.cells
                            .get(x)
                            .and_then(Option::as_ref)
                            .map(|c| c.total.value)
                    };
                    let own_value =
                        |x: usize| cells.get(x).and_then(Option::as_ref).map(|c| c.total.value);
                    let add = |a: Interval<Amount>, b: Interval<Amount>| a.checked_add(b);
                    let Some((held, parts)) = self
                        .carried_below(u, from_level, &at_level, &own_value, &add)
                        .map_err(|e| {
                            super::amount_error(
                                &self.hierarchy,
                                &self.indicators,
                                u,
                                col.indicator,
                                e,
                            )
                        })?
                    else {
                        continue;
                    };
                    let whole = cell.total.value;
                    let unit = &cell.total.unit;
                    self.refuse_part_above_whole(
                        u,
                        &name(),
                        (whole.high(), held.low()),
                        || Quantity::Amount(whole, unit.clone()).worded(),
                        || Quantity::Amount(held, unit.clone()).worded(),
                        &parts,
                    )?;
                    let rest = whole.rest_after(held);
                    if rest == Interval::exact(Amount::default()) {
                        continue;
                    }
                    AmountCell {
                        total: AmountTotal {
                            value: rest,
                            unit: cell.total.unit.clone(),
                        },
                        end: cell.end,
                    }
                } else {
                    cell.clone()
                };
                let (targets, unnamed) = self.figure_targets(u, m, &reported)?;
                let targets = self.covering(u, &targets, &name)?;
                work.push((targets, unnamed, cell));
            }
            for (targets, unnamed, cell) in &work {
                let (targets, unnamed) = (targets.as_slice(), *unnamed);
                let lca = lowest_holder(new, targets, unnamed);
                let part = amount_part(cell)?;
                let mut below: Vec<usize> = Vec::new();
                for &(t, _) in targets {
                    for x in chain(new, t) {
                        if Some(x) == lca {
                            break;
                        }
                        if !below.contains(&x) {
                            below.push(x);
                        }
                    }
                }
                for x in below {
                    add(&mut cells, x, &part)?;
                }
                if let Some(l) = lca {
                    for x in chain(new, l) {
                        add(&mut cells, x, cell)?;
                    }
                }
                // The country received it whole.
                add(&mut cells, n, cell)?;
            }
            for (r, c) in receives.iter_mut().zip(&cells) {
                *r |= c.is_some();
            }
            if let Some(skip) = skip {
                if let Some(indicator) = super::rows::indicator_id(&self.indicators, col.indicator)
                {
                    skipped.totals.push(SkippedTotal {
                        layer: TotalsLayer::Reported,
                        indicator,
                        actor: col.actor,
                        value: None,
                        amount: Some(skip.total.clone()),
                    });
                }
                let part = amount_part(&skip)?;
                for x in 0..=n {
                    add(&mut cells, x, &part)?;
                }
            }
            let country = cells.pop().flatten();
            if cells.iter().any(Option::is_some) {
                out.push(AmountColumn {
                    indicator: col.indicator,
                    actor: col.actor,
                    cells,
                });
                national.push(AmountColumn {
                    indicator: col.indicator,
                    actor: col.actor,
                    cells: vec![country],
                });
            }
        }
        Ok((out, national))
    }

    /// For every old unit at `from_level`: its code and its targets' indices
    /// in the new hierarchy with their weights (`None` without an entry).
    fn plan(&self, m: &Mapping<'_>) -> Result<Vec<Planned>, Error> {
        let (crosswalk, from_level, new, reach) = (m.crosswalk, m.from_level, m.new, &m.reach);
        let mut out = Vec::new();
        for (idx, unit) in self.hierarchy.iter() {
            if unit.level() != from_level {
                continue;
            }
            let code = unit.code();
            let targets = match crosswalk.targets(&code) {
                None => None,
                Some(ts) => {
                    let mut v = Vec::with_capacity(ts.len());
                    for (to, w) in ts {
                        v.push((target_index(new, &code, to)?, *w));
                    }
                    Some(v)
                }
            };
            let remainder = if crosswalk
                .entry(&code)
                .is_some_and(|e| e.has_unnamed_remainder())
            {
                Remainder::Unnamed {
                    within: self.container(idx, crosswalk, new),
                }
            } else {
                Remainder::Named
            };
            let targets = targets.map(|mut v| {
                // The unnamed remainder may lie in any unit it can reach:
                // each is a target of unknown share.
                let named: Vec<usize> = v.iter().map(|(t, _)| *t).collect();
                for t in remainder_reach(new, remainder, &named, reach) {
                    v.push((t, Weight::Unknown));
                }
                v
            });
            out.push((idx.get(), code, targets, remainder));
        }
        Ok(out)
    }

    /// [`Totals::container`] of old unit `idx` or, first, the target of its
    /// own whole merge when every target its units' entries name (`named`)
    /// lies in it (a province merged whole holds all of its area).
    fn container_of(
        &self,
        idx: UnitIndex,
        crosswalk: &Crosswalk,
        new: &Hierarchy,
        named: &[usize],
    ) -> Option<usize> {
        let own = self.hierarchy.code(idx).and_then(|code| {
            let entry = crosswalk.entry(&code)?;
            match crosswalk.targets(&code)? {
                [(to, _)] if !entry.has_unnamed_remainder() => new.index_of(to).map(UnitIndex::get),
                _ => None,
            }
        });
        // Only when its units' entries agree (every target they name lies
        // in it): else the entry says where its own bodies went, not its
        // area (a district to a special zone, its communes elsewhere).
        let own = own.filter(|&w| named.iter().all(|&t| chain(new, t).any(|a| a == w)));
        own.or_else(|| self.container(idx, crosswalk, new))
    }

    /// The new unit known to contain all of old unit `idx`: the target of a
    /// whole merge (one target, no unnamed remainder) of the nearest old unit
    /// above it that has one; `None` when no unit above it has such an entry.
    fn container(&self, idx: UnitIndex, crosswalk: &Crosswalk, new: &Hierarchy) -> Option<usize> {
        self.hierarchy.ancestors(idx).find_map(|a| {
            let code = self.hierarchy.code(a)?;
            let entry = crosswalk.entry(&code)?;
            let targets = crosswalk.targets(&code)?;
            match targets {
                [(to, _)] if !entry.has_unnamed_remainder() => new.index_of(to).map(UnitIndex::get),
                _ => None,
            }
        })
    }

    /// For every old unit above `from_level`: the new units that cover the
    /// area of its units at `from_level` (their targets, lifted to no lower
    /// than the old unit's level), where its own records go.
    fn carry_targets(&self, m: &Mapping<'_>) -> Result<Vec<Carried>, Error> {
        let (crosswalk, from_level, new, reach) = (m.crosswalk, m.from_level, m.new, &m.reach);
        let units = self.hierarchy.units();
        let unnamed = |code: &UnitCode| {
            crosswalk
                .entry(code)
                .is_some_and(|e| e.has_unnamed_remainder())
        };
        let mut out = Vec::new();
        for (idx, unit) in self.hierarchy.iter() {
            if unit.level().depth() >= from_level.depth() {
                continue;
            }
            let mut candidates: Vec<usize> = Vec::new();
            // Not below the old unit's own level: a province's records stay
            // with a province even when its area is one new commune.
            let lift = |mut t: UnitIndex| {
                while new
                    .level(t)
                    .is_some_and(|l| l.depth() > unit.level().depth())
                {
                    match new.parent(t) {
                        Some(p) => t = p,
                        None => break,
                    }
                }
                t.get()
            };
            // An entry of its own (an island district become a special zone)
            // says where its own records went.
            if let Some(targets) = crosswalk.targets(&unit.code()) {
                for (to, _) in targets {
                    candidates.push(target_index(new, &unit.code(), to)?);
                }
                let remainder = if unnamed(&unit.code()) {
                    Remainder::Unnamed {
                        within: self.container(idx, crosswalk, new),
                    }
                } else {
                    Remainder::Named
                };
                for t in remainder_reach(new, remainder, &candidates.clone(), reach) {
                    let t = lift(UnitIndex::from_usize(t));
                    if !candidates.contains(&t) {
                        candidates.push(t);
                    }
                }
                out.push((idx.get(), candidates, remainder));
                continue;
            }
            let mut partial = false;
            let mut named: Vec<usize> = Vec::new();
            for i in self.subtree(idx.get()) {
                let Some(low) = units.get(i).filter(|x| x.level() == from_level) else {
                    continue;
                };
                // A unit with no entry went where nothing says, as a
                // remainder the crosswalk does not name.
                partial |= unnamed(&low.code()) || crosswalk.targets(&low.code()).is_none();
                for (to, _) in crosswalk.targets(&low.code()).unwrap_or(&[]) {
                    let Some(t) = new.index_of(to) else {
                        continue;
                    };
                    named.push(t.get());
                    let t = lift(t);
                    if !candidates.contains(&t) {
                        candidates.push(t);
                    }
                }
            }
            let remainder = if partial {
                Remainder::Unnamed {
                    within: self.container_of(idx, crosswalk, new, &named),
                }
            } else {
                Remainder::Named
            };
            // Its own bodies may have followed the part that went where no
            // entry names: every unit that part may reach, lifted alike.
            if !named.is_empty() {
                for t in remainder_reach(new, remainder, &named, reach) {
                    let t = lift(UnitIndex::from_usize(t));
                    if !candidates.contains(&t) {
                        candidates.push(t);
                    }
                }
            }
            out.push((idx.get(), candidates, remainder));
        }
        Ok(out)
    }

    /// Adds to `out` the records an old unit above `from_level` holds itself
    /// (its total less its children's), spread over the new units that cover it.
    fn carry_own_records(
        &self,
        col: &Column,
        out: &mut Column,
        above: &[Carried],
        new: &Hierarchy,
    ) -> Result<(), Error> {
        let name = || super::indicator_name(&self.indicators, col.indicator);
        for (u, candidates, unnamed) in above {
            let u = *u;
            let Some(total) = col.member(u) else {
                continue;
            };
            let open = total.flags & F_OPEN != 0;
            let (mut low, mut extra, mut any) = (0u64, 0u64, false);
            for c in self.hierarchy.children(UnitIndex::from_usize(u)) {
                if let Some(m) = col.member(c.get()) {
                    any = true;
                    low = low.saturating_add(m.low);
                    // An unbounded total keeps only its open members' extras
                    // (estimates); a bounded one every member's width.
                    if !open || m.flags & F_OPEN != 0 {
                        extra = extra.saturating_add(m.extra);
                    }
                }
            }
            let own_low = total.low.saturating_sub(low);
            let own_extra = total.extra.saturating_sub(extra);
            // A unit whose own records add nothing (the roll-up alone made its value).
            if any && own_low == 0 && own_extra == 0 && total.flags & F_OPEN == 0 {
                continue;
            }
            let own = Member {
                low: own_low,
                extra: own_extra,
                flags: if own_extra > 0 || total.flags & F_OPEN != 0 {
                    total.flags
                } else {
                    0
                },
            };
            // A distinct indicator's own parts are known only as a sum.
            let own = if col.floor.is_empty() {
                own
            } else {
                own.part()
            };
            let targets = self.covering(u, candidates, &name)?;
            spread(out, new, own, None, &targets, None, *unnamed, &name)?;
        }
        Ok(())
    }

    /// Spreads every cell at `from_level` of `col` into `out` by the plan;
    /// gives the sum of the cells of the old units skipped for want of an
    /// entry (one cell, absent when none was).
    fn map_column(
        &self,
        col: &Column,
        out: &mut Column,
        crosswalk: &Crosswalk,
        plan: &[Planned],
        new: &Hierarchy,
        skipped: &mut Skips,
    ) -> Result<Column, Error> {
        let name = || super::indicator_name(&self.indicators, col.indicator);
        let distinct = !col.floor.is_empty();
        let mut skip = Column::new(col.indicator, col.actor, 1, distinct, false);
        for (u, code, targets, unnamed) in plan {
            let Some(m) = col.member(*u) else {
                continue;
            };
            let floor = col.floor.get(*u).copied();
            let Some(targets) = targets else {
                skipped.skip(code)?;
                skip.add_member(0, m, floor)
                    .ok_or_else(|| super::overflow(&self.hierarchy, *u, &name()))?;
                continue;
            };
            // Known shares give exact parts (a distinct indicator's parts
            // may overlap: never split by shares); a merge needs none.
            let merge = targets.len() == 1 && *unnamed == Remainder::Named;
            let shares =
                !distinct && !merge && targets.iter().any(|(_, w)| matches!(w, Weight::Exact(_)));
            let parts = if shares {
                Some(split_parts(crosswalk, code, m, *unnamed)?)
            } else {
                None
            };
            spread(out, new, m, floor, targets, parts.as_ref(), *unnamed, &name)?;
        }
        Ok(skip)
    }
}

/// How a split with some known shares gives an old member: each target's
/// exact part (`None` for a target of unknown share), for each bound of the
/// member, and what the known shares leave to the targets of unknown share.
struct SplitParts {
    /// By target: `(low, high)` of its exact part (`high` `None` when unbounded).
    known: Vec<Option<(u64, Option<u64>)>>,
    /// What the known shares leave, `(low, high)`.
    rest: (u64, Option<u64>),
    /// How many targets have an unknown share.
    unknown: usize,
    /// Whether the targets of unknown share hold all the rest (no unnamed
    /// remainder): a unit containing them all gets exactly the rest.
    rest_is_named: bool,
}

/// The parts of each target of a split with some known shares, for each
/// bound of `m` ([`crate::CrosswalkEntry::parts`] on this old unit alone:
/// the largest remainder of the known shares and their rest).
fn split_parts(
    cw: &Crosswalk,
    code: &UnitCode,
    m: Member,
    unnamed: Remainder,
) -> Result<SplitParts, Error> {
    let entry = cw.entry(code).ok_or_else(|| -> Error {
        ErrorKind::CrosswalkUnmapped {
            code: code.to_string(),
        }
        .into()
    })?;
    // For one bound: each target's exact part, and the rest.
    let at = |v: u64| -> Result<(Vec<Option<u64>>, u64), Error> {
        let parts = entry.parts(v)?;
        let known: Vec<Option<u64>> = entry
            .targets()
            .iter()
            .zip(parts.targets())
            .map(|((_, w), (_, p))| matches!(w, Weight::Exact(_)).then(|| p.low()))
            .collect();
        let given = known
            .iter()
            .flatten()
            .fold(0u64, |a, &b| a.saturating_add(b));
        Ok((known, v.saturating_sub(given)))
    };
    let (lows, rest_low) = at(m.low)?;
    let open = m.flags & (F_OPEN | super::F_WIDE) != 0;
    let highs = match (open, m.low.checked_add(m.extra)) {
        (false, Some(h)) if h != m.low => Some(at(h)?),
        (false, Some(_)) => Some((lows.clone(), rest_low)),
        _ => None,
    };
    let known = lows
        .iter()
        .enumerate()
        .map(|(k, lo)| {
            let lo = (*lo)?;
            Some(
                match highs
                    .as_ref()
                    .and_then(|(h, _)| h.get(k).copied().flatten())
                {
                    // The largest remainder need not grow with the count: take both ways.
                    Some(hi) => (lo.min(hi), Some(lo.max(hi))),
                    None => (lo, None),
                },
            )
        })
        .collect();
    let rest = match highs.as_ref().map(|(_, r)| *r) {
        Some(r) => (rest_low.min(r), Some(rest_low.max(r))),
        None => (rest_low, None),
    };
    Ok(SplitParts {
        known,
        rest,
        unknown: entry
            .targets()
            .iter()
            .filter(|(_, w)| *w == Weight::Unknown)
            .count(),
        rest_is_named: unnamed == Remainder::Named,
    })
}

/// An interval member from bounds (`None`: unbounded).
fn bounds_member(low: u64, high: Option<u64>) -> Member {
    match high {
        Some(h) if h == low => Member::exact(low),
        Some(h) => Member {
            low,
            extra: h.saturating_sub(low),
            flags: F_BOUNDED,
        },
        None => Member {
            low,
            extra: 0,
            flags: F_BOUNDED | F_OPEN,
        },
    }
}

/// Adds old member `m` to the new units: its targets and the units between
/// them and their lowest common unit get their parts (`parts`, for a split
/// with some known shares; else `[0, v]` each), that unit and every unit
/// above it get `m` whole, and so does the country (the cell at
/// `new.len()`, see [`split_country`]). One target is a merge: it and the
/// units above get `m`. With an `unnamed` remainder (part of the old unit
/// went to a new unit the crosswalk does not name) only a unit known to
/// contain that remainder too (see [`Remainder`]) gets `m` whole; the others
/// on the way get their parts or `[0, v]`.
///
/// With parts, a unit below the lowest common unit gets the exact parts of
/// the targets of known share it contains, plus what they leave (the rest):
/// exactly when it contains every target of unknown share and the rest has
/// no unnamed remainder, `[0, rest]` when it contains some, nothing else.
#[allow(clippy::too_many_arguments)]
fn spread(
    out: &mut Column,
    new: &Hierarchy,
    m: Member,
    floor: Option<u64>,
    targets: &[(usize, Weight)],
    parts: Option<&SplitParts>,
    unnamed: Remainder,
    name: &dyn Fn() -> String,
) -> Result<(), Error> {
    let overflow = |u: usize| -> Error {
        if u == new.len() {
            return ErrorKind::TotalOverflow {
                unit: "the country".to_owned(),
                indicator: name(),
                era: None,
            }
            .into();
        }
        super::overflow(new, u, &name())
    };
    let chain = |t: usize| chain(new, t);
    let lca = lowest_holder(new, targets, unnamed);
    // The units below the lowest common unit, with the known parts they
    // hold and how many targets of unknown share they contain.
    let mut below: Vec<(usize, u64, Option<u64>, usize)> = Vec::new();
    // A lookup by unit once the targets are many (an unnamed remainder may
    // reach every commune of the country): the scan stays for the few.
    let mut index: Option<std::collections::HashMap<usize, usize>> =
        (targets.len() > 16).then(std::collections::HashMap::new);
    for (k, &(t, _)) in targets.iter().enumerate() {
        let part = parts.map(|p| p.known.get(k).copied().flatten());
        for x in chain(t) {
            if Some(x) == lca {
                break;
            }
            let found = match &index {
                Some(map) => map.get(&x).copied(),
                None => below.iter().position(|(y, ..)| *y == x),
            };
            let slot = match found {
                Some(i) => i,
                None => {
                    below.push((x, 0, Some(0), 0));
                    if let Some(map) = index.as_mut() {
                        map.insert(x, below.len() - 1);
                    }
                    below.len() - 1
                }
            };
            if let Some((_, lo, hi, unknown)) = below.get_mut(slot) {
                match part {
                    Some(Some((pl, ph))) => {
                        *lo = lo.saturating_add(pl);
                        *hi = hi.zip(ph).and_then(|(a, b)| a.checked_add(b));
                    }
                    _ => *unknown += 1,
                }
            }
        }
    }
    for (x, lo, hi, unknown) in below {
        let member = match parts {
            Some(p) => {
                let (rl, rh) = match unknown {
                    0 => (0, Some(0)),
                    u if u == p.unknown && p.rest_is_named => p.rest,
                    _ => (0, p.rest.1),
                };
                bounds_member(
                    lo.saturating_add(rl),
                    hi.zip(rh).and_then(|(a, b)| a.checked_add(b)),
                )
            }
            None => m.part(),
        };
        out.add_member(x, member, Some(member.low.min(floor.unwrap_or(0))))
            .ok_or_else(|| overflow(x))?;
    }
    if let Some(l) = lca {
        for x in chain(l) {
            out.add_member(x, m, floor).ok_or_else(|| overflow(x))?;
        }
    }
    // The country received it whole, wherever it went.
    out.add_member(new.len(), m, floor)
        .ok_or_else(|| overflow(new.len()))?;
    Ok(())
}

/// Narrows cell `x` to its intersection with `known`, another sound
/// interval of the same quantity; a cell already within it, or one that
/// contradicts it (no common value), stays.
fn narrow_to(out: &mut Column, x: usize, known: Interval<u64>) -> bool {
    let Some(cell) = out.interval(x) else {
        return false;
    };
    let low = cell.low().max(known.low());
    let high = match (cell.high(), known.high()) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    if high.is_some_and(|h| h < low) || (low == cell.low() && high == cell.high()) {
        return false;
    }
    let floor = (!out.floor.is_empty()).then_some(low);
    out.set_member(x, bounds_member(low, high), floor).is_some()
}

/// Lowers each cell of a column, top-down, to no more than its parent's
/// upper bound (a root's to the country's, the last cell): a unit's persons
/// are among its parent's, a unit's counts a part of its parent's. A whole held where its pieces
/// meet ([`Totals::hold_whole`]) narrows the parent only; this carries it to
/// the units below, so the rows read back as the country holding each root.
fn within_parents(out: &mut Column, new: &Hierarchy) {
    let country = new.len();
    for x in new.top_down() {
        let parent = new.parent(x).map_or(country, UnitIndex::get);
        if let Some(cap) = out.interval(parent).and_then(|p| p.high()) {
            out.cap_high(x.get(), cap);
        }
    }
}

/// Takes the country's cell (the last, see [`spread`]) off a column of one
/// cell more than the new units: a column of one cell.
fn split_country(out: &mut Column) -> Column {
    let mut country = Column::new(
        out.indicator,
        out.actor,
        1,
        !out.floor.is_empty(),
        !out.end.is_empty(),
    );
    if let (Some(v), Some(f)) = (out.value.pop(), out.flags.pop()) {
        country.value = vec![v];
        country.flags = vec![f];
    }
    if let Some(e) = out.extra.pop() {
        country.extra = vec![e];
    }
    if let Some(fl) = out.floor.pop() {
        country.floor = vec![fl];
    }
    if let Some(e) = out.end.pop() {
        country.end = vec![e];
    }
    country
}

/// Adds an amount to cell `x` (flows add; a rekey's cells are sums).
fn add_amount(
    cells: &mut [Option<AmountCell>],
    x: usize,
    cell: &AmountCell,
    new: &Hierarchy,
    name: &dyn Fn() -> String,
) -> Result<(), Error> {
    let Some(slot) = cells.get_mut(x) else {
        return Ok(());
    };
    *slot = Some(match slot.take() {
        None => cell.clone(),
        Some(acc) => combine_amount(&acc, cell, false).map_err(|e| {
            if !matches!(e.kind(), ErrorKind::Overflow { .. }) {
                e
            } else if x == new.len() {
                ErrorKind::TotalOverflow {
                    unit: "the country".to_owned(),
                    indicator: name(),
                    era: None,
                }
                .into()
            } else {
                super::overflow(new, x, &name())
            }
        })?,
    });
    Ok(())
}

/// `[0, high]` of an amount: a part of unknown size of it.
fn amount_part(cell: &AmountCell) -> Result<AmountCell, Error> {
    Ok(AmountCell {
        total: AmountTotal {
            value: Interval::between(Amount::default(), cell.total.value.high())?,
            unit: cell.total.unit.clone(),
        },
        end: cell.end,
    })
}

/// A new unit and every unit above it.
/// A crosswalk target's index in the new hierarchy, or
/// [`ErrorKind::CrosswalkUnknownTarget`].
fn target_index(new: &Hierarchy, from: &UnitCode, to: &UnitCode) -> Result<usize, Error> {
    new.index_of(to).map(UnitIndex::get).ok_or_else(|| {
        ErrorKind::CrosswalkUnknownTarget {
            from: from.to_string(),
            to: to.to_string(),
        }
        .into()
    })
}

/// The new units an unnamed remainder may lie in besides the `named`
/// targets: below the unit known to contain it (`within`; anywhere when no
/// unit is known to), every unit at a level of the named targets and every
/// unit with nothing below it (a commune, a special zone), of those `reach`
/// allows. None for
/// [`Remainder::Named`]. A partial old commune with one named target and
/// the rest in its new province reaches every commune of that province,
/// each of which may hold up to all of it.
fn remainder_reach(
    new: &Hierarchy,
    remainder: Remainder,
    named: &[usize],
    reach: &Reach,
) -> Vec<usize> {
    let Remainder::Unnamed { within } = remainder else {
        return Vec::new();
    };
    let levels: Vec<Level> = named
        .iter()
        .filter_map(|&t| new.level(UnitIndex::from_usize(t)))
        .collect();
    new.iter()
        .filter(|(x, unit)| {
            let reached = levels.contains(&unit.level()) || new.children(*x).next().is_none();
            reached
                && reach.allows(x.get())
                && !named.contains(&x.get())
                && within.map_or(true, |w| new.ancestors(*x).any(|a| a.get() == w))
        })
        .map(|(x, _)| x.get())
        .collect()
}

fn chain(new: &Hierarchy, t: usize) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(t).chain(new.ancestors(UnitIndex::from_usize(t)).map(UnitIndex::get))
}

/// The lowest new unit known to hold all of an old unit: the lowest common
/// unit of its targets, and with an unnamed remainder also of the unit
/// known to contain that remainder (`None` when no unit is known to).
fn lowest_holder(
    new: &Hierarchy,
    targets: &[(usize, Weight)],
    unnamed: Remainder,
) -> Option<usize> {
    let mut lca: Option<Option<usize>> = None;
    for &(t, _) in targets {
        lca = Some(match lca {
            None => Some(t),
            Some(None) => None,
            Some(Some(a)) => common_ancestor(new, a, t),
        });
    }
    match unnamed {
        Remainder::Named => lca.flatten(),
        // The remainder lies somewhere in `within`: the lowest unit holding
        // all of it holds the named targets and `within`.
        Remainder::Unnamed { within } => within
            .zip(lca.flatten())
            .and_then(|(c, l)| common_ancestor(new, l, c)),
    }
}

/// The lowest common ancestor of two units of a hierarchy (a unit is its own ancestor).
fn common_ancestor(h: &Hierarchy, a: usize, b: usize) -> Option<usize> {
    let (ia, ib) = (UnitIndex::from_usize(a), UnitIndex::from_usize(b));
    let chain: Vec<usize> = std::iter::once(a)
        .chain(h.ancestors(ia).map(|x| x.get()))
        .collect();
    std::iter::once(b)
        .chain(h.ancestors(ib).map(|x| x.get()))
        .find(|x| chain.contains(x))
}
