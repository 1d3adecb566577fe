//! The streaming fold: records in, totals out.

use chrono::{Datelike, NaiveDate};

use super::stream::Record;
use super::{
    indicator_index, indicator_info, indicator_name, overflow, roll_up, AmountCell, AmountColumn,
    Column, Member, Totals, BUILTINS, F_INEXACT, F_PRESENT,
};
use crate::record::contribution::{contributions, Contrib, Contribs, MAX_CONTRIBS};
use crate::record::index::Resolved;
use crate::record::rules::{first_error, Context, UnitFacts};
use crate::record::RecordRef;
use crate::{
    Actor, Builtin, Error, ErrorKind, Figure, Hierarchy, IndicatorDef, IndicatorId, IndicatorKind,
    Level, Period, UnitCode, ValueType,
};

/// No column yet for this (indicator, actor).
const NONE: u32 = u32::MAX;

/// Folds records one at a time into [`Totals`], in memory proportional to the
/// units (not the records).
///
/// [`Totals::compute`] is built on it; [`stream_json_lines`](crate::stream_json_lines)
/// feeds it from JSON Lines. [`Accumulator::add`] applies the rules of
/// [`check`](crate::check) that concern one record alone (the same rule set,
/// see [`Accumulator::check`]); rules across records are `check`'s.
///
/// ```
/// use danvan::{Accumulator, Actor, Builtin, Hierarchy, Period, Unit};
///
/// let h = Hierarchy::new(vec![Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
/// let mut acc = Accumulator::new(&h, Period::year(2022)?, &[]);
/// let doc: danvan::IssuedDocument = serde_json::from_str(r#"{"unit": "30", "date": "2022-05-10",
///     "actor": "mobilization_sector", "kind": "guidance"}"#).unwrap();
/// acc.add(&doc)?;
/// acc.add(&doc)?;
/// let totals = acc.finish()?;
/// let n = totals.get(&"30".parse()?, Builtin::GuidanceDocuments, Actor::MobilizationSector);
/// assert_eq!(n, Some(danvan::Interval::exact(2)));
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Accumulator {
    hierarchy: Hierarchy,
    /// Unit code → place (resolving a unit is the per-record hot spot); empty
    /// for an accumulator made [`without_index`](Accumulator::without_index).
    index: crate::lookup::UnitMap,
    /// Where each unit's cells are in the records columns, by unit index.
    /// Places go level by level (provinces, districts, communes, villages),
    /// so the cells of one level lie together and stay in cache while
    /// records of that level arrive in any order; parents come before
    /// children, as in the hierarchy.
    place_of: Vec<u32>,
    /// The unit index at each place.
    unit_at: Vec<u32>,
    /// What [`Accumulator::check`] needs of each unit, by place.
    meta: Vec<UnitFacts>,
    /// One past the highest place a record was added at.
    high: usize,
    /// The length of every records column: the places reserved so far
    /// ([`Accumulator::reserve_place`]), at most the hierarchy's length.
    /// Records of a province's communes never touch its villages' places, so
    /// the columns stop where the records do instead of spanning every unit
    /// (measured: instructions of `Totals::compute` 697 M → 666 M, BENCHMARKS.md, session 9).
    cap: usize,
    period: Period,
    indicators: Vec<IndicatorDef>,
    records: Vec<Column>,
    record_slots: Vec<u32>,
    reported: Vec<Column>,
    reported_slots: Vec<u32>,
    amounts: Vec<AmountColumn>,
    amount_slots: Vec<u32>,
}

fn days(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
}

fn slot_index(ind: usize, actor: Actor) -> Option<usize> {
    ind.checked_mul(Actor::ALL.len())?
        .checked_add(actor.index())
}

impl Accumulator {
    /// Starts an empty fold over a hierarchy, a period and custom indicators.
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(Vec::new())?;
    /// let acc = danvan::Accumulator::new(&h, danvan::Period::year(2022)?, &[]);
    /// assert!(acc.finish()?.hierarchy().is_empty());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn new(hierarchy: &Hierarchy, period: Period, indicators: &[IndicatorDef]) -> Accumulator {
        let mut acc = Accumulator::without_index(hierarchy, period, indicators);
        for (place, u) in (0u32..).zip(&acc.unit_at) {
            if let Some(unit) = hierarchy.units().get(*u as usize) {
                acc.index.insert(unit.code(), place);
            }
        }
        acc
    }

    /// An accumulator that resolves units through the hierarchy's own map:
    /// for [`Totals::compute`], whose records come resolved.
    pub(crate) fn without_index(
        hierarchy: &Hierarchy,
        period: Period,
        indicators: &[IndicatorDef],
    ) -> Accumulator {
        let slots = (BUILTINS + indicators.len()) * Actor::ALL.len();
        let index = crate::lookup::UnitMap::default();
        let units = hierarchy.units();
        // A stable sort of the units by level depth.
        let mut unit_at: Vec<u32> = Vec::with_capacity(units.len());
        for depth in 0..Level::ALL.len() {
            unit_at.extend(
                units
                    .iter()
                    .zip(0u32..)
                    .filter(|(u, _)| u.level().depth() == depth)
                    .map(|(_, i)| i),
            );
        }
        let mut place_of = vec![0u32; units.len()];
        for (place, &u) in (0u32..).zip(&unit_at) {
            if let Some(p) = place_of.get_mut(u as usize) {
                *p = place;
            }
        }
        let meta = unit_at
            .iter()
            .filter_map(|&u| units.get(u as usize))
            .map(UnitFacts::of)
            .collect();
        Accumulator {
            hierarchy: hierarchy.clone(),
            index,
            place_of,
            unit_at,
            meta,
            high: 0,
            cap: 0,
            period,
            indicators: indicators.to_vec(),
            records: Vec::new(),
            record_slots: vec![NONE; slots],
            reported: Vec::new(),
            reported_slots: vec![NONE; slots],
            amounts: Vec::new(),
            amount_slots: vec![NONE; slots],
        }
    }

    /// The hierarchy the fold is keyed by.
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(Vec::new())?;
    /// let acc = danvan::Accumulator::new(&h, danvan::Period::year(2022)?, &[]);
    /// assert_eq!(acc.hierarchy(), &h);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn hierarchy(&self) -> &Hierarchy {
        &self.hierarchy
    }

    /// Checks one record of any kind with the one-record rules (as
    /// [`Accumulator::check`]) and folds it.
    ///
    /// # Errors
    ///
    /// Returns the first one-record rule the record breaks (e.g.
    /// [`ErrorKind::UnknownUnit`] when its unit is not in the hierarchy),
    /// [`ErrorKind::TotalOverflow`] when its unit's total would overflow (the
    /// record is then not added at all), and for a figure
    /// [`ErrorKind::UnitMismatch`] when two amounts of one unit differ in unit word.
    ///
    /// Any record reference will do: `acc.add(&conference)`, `acc.add(&figure)`,
    /// or a [`RecordRef`] (e.g. from [`Record::as_record_ref`](crate::Record::as_record_ref)).
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let mut acc = danvan::Accumulator::new(&h, danvan::Period::year(2022)?, &[]);
    /// let c: danvan::Conference = serde_json::from_str(r#"{"unit": "30", "date": "2022-03-15",
    ///     "actor": "party_committees", "kind": "both", "participants": 45}"#).unwrap();
    /// acc.add(&c)?;
    /// let f: danvan::Figure = serde_json::from_str(r#"{"indicator": "grassroots_blocks",
    ///     "unit": "30", "actor": "mobilization_sector", "value": 235}"#).unwrap();
    /// acc.add(&f)?;
    /// let block: danvan::GrassrootsBlock = serde_json::from_str(r#"{"unit": "31001"}"#).unwrap();
    /// assert_eq!(acc.add(&block).unwrap_err().code(), "DV063"); // not in the hierarchy
    /// let t = acc.finish()?;
    /// assert_eq!(t.reported(&"30".parse()?, danvan::Builtin::GrassrootsBlocks, danvan::Actor::MobilizationSector),
    ///            Some(danvan::Interval::exact(235)));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn add<'r>(&mut self, record: impl Into<RecordRef<'r>>) -> Result<(), Error> {
        let record = record.into();
        let place = self.checked_place(record)?;
        if let RecordRef::Figure(f) = record {
            return self.add_figure(f);
        }
        // Only figures have no contributions; a record that adds nothing has an empty list.
        let (actor, c) = contributions(record, self.period.end())?
            .unwrap_or((Actor::MobilizationSector, Contribs::new()));
        self.apply(place, actor, &c)
    }

    /// Folds records resolved by [`check`](crate::check): the hot loop of
    /// [`Totals::compute`]. Reads unit indices, shape ids and values from
    /// plain arrays; every addition is checked.
    pub(crate) fn add_resolved(&mut self, r: &Resolved) -> Result<(), Error> {
        // The columns reach the highest place with records before any is created.
        let highest = r
            .starts
            .windows(2)
            .zip(&self.place_of)
            .filter(|(w, _)| w.first() != w.get(1))
            .map(|(_, &p)| p as usize)
            .max();
        if let Some(p) = highest {
            self.reserve_place(p);
        }
        // Each shape's cells as (column, from_field, flags | present), created up front.
        let mut ops: Vec<(u32, bool, u8)> = Vec::new();
        let mut spans: Vec<(u32, u32)> = Vec::with_capacity(r.shapes.len());
        for shape in &r.shapes {
            let start = ops.len();
            for item in shape.items() {
                let b = Builtin::ALL
                    .get(usize::from(item.builtin))
                    .copied()
                    .ok_or_else(shape_error)?;
                let col = self
                    .record_column(b, shape.actor)
                    .and_then(|c| u32::try_from(c).ok())
                    .ok_or_else(shape_error)?;
                ops.push((col, item.from_field, item.flags | F_PRESENT));
            }
            let span = (u32::try_from(start), u32::try_from(ops.len()));
            let (Ok(a), Ok(b)) = span else {
                return Err(shape_error());
            };
            spans.push((a, b));
        }
        let mut values = r.values.iter();
        let mut shapes = r.shape.iter();
        for (unit, w) in r.starts.windows(2).enumerate() {
            let &[from, to] = w else { continue };
            if from == to {
                continue;
            }
            let u = self.place_of.get(unit).map_or(usize::MAX, |&p| p as usize);
            self.high = self.high.max(u.saturating_add(1));
            for &s in shapes.by_ref().take(to.saturating_sub(from)) {
                let &(a, b) = spans.get(usize::from(s)).ok_or_else(shape_error)?;
                let these = ops.get(a as usize..b as usize).ok_or_else(shape_error)?;
                for &(col, from_field, flags) in these {
                    let v = if from_field {
                        *values.next().ok_or_else(shape_error)?
                    } else {
                        1
                    };
                    let k = self.records.get_mut(col as usize).ok_or_else(shape_error)?;
                    let added = k.value.get_mut(u).and_then(|x| {
                        *x = x.checked_add(v)?;
                        Some(())
                    });
                    if added.is_none() {
                        let id = indicator_name(&self.indicators, k.indicator);
                        return Err(overflow(&self.hierarchy, unit, &id));
                    }
                    if writes_flags(flags & !F_PRESENT, v) {
                        let before = k.flags.get(u).copied().unwrap_or(0);
                        if let Some(f) = k.flags.get_mut(u) {
                            *f |= flags;
                        }
                        if flags & F_INEXACT != 0 {
                            // An inexact member: its extra follows its lower bound.
                            let x = if from_field {
                                *values.next().ok_or_else(shape_error)?
                            } else {
                                0
                            };
                            k.add_extra_at(u, before, flags, x);
                        }
                    }
                    if let Some(fl) = k.floor.get_mut(u) {
                        *fl = (*fl).max(v);
                    }
                }
            }
        }
        Ok(())
    }

    /// Checks a record ([`Accumulator::check`]) and works out what it adds,
    /// without changing the accumulator: the part of the stream that runs on
    /// worker threads.
    // Kept out of line: the stream's per-line loop stays small enough for the
    // JSON reader to be inlined into it (measured: 15% on one thread).
    #[inline(never)]
    pub(crate) fn prepare(&self, record: Record) -> Result<Prepared, Error> {
        let place = self.checked_place(record.as_record_ref())?;
        if let Record::Figure(f) = record {
            return Ok(Prepared::Figure(Box::new(f)));
        }
        let r = record.as_record_ref();
        // Only figures have no contributions; a record that adds nothing has an empty list.
        let (actor, contribs) = contributions(r, self.period.end())?
            .unwrap_or((Actor::MobilizationSector, Contribs::new()));
        // Places index `unit_at`, a `Vec<u32>` of units: they fit.
        let place = u32::try_from(place).map_err(|_| shape_error())?;
        Ok(Prepared::Cells {
            place,
            actor,
            contribs,
        })
    }

    /// Reads the cells a record will add to, so that they are in cache when it is added.
    pub(crate) fn touch(&self, place: u32, actor: Actor, c: &Contribs) -> u64 {
        let place = place as usize;
        let mut sum = 0u64;
        for item in c.iter() {
            let col = slot_index(item.builtin.index(), actor)
                .and_then(|s| self.record_slots.get(s))
                .and_then(|&c| self.records.get(c as usize));
            if let Some(k) = col {
                sum = sum.wrapping_add(k.value.get(place).copied().unwrap_or(0));
            }
        }
        sum
    }

    /// Adds what [`Accumulator::prepare`] worked out.
    pub(crate) fn settle(&mut self, prepared: Prepared) -> Result<(), Error> {
        match prepared {
            Prepared::Cells {
                place,
                actor,
                contribs,
            } => self.apply(place as usize, actor, &contribs),
            Prepared::Figure(f) => self.add_figure(&f),
        }
    }

    /// A unit's place: through the fast map, else through the hierarchy's
    /// (an accumulator made [`without_index`](Accumulator::without_index)).
    fn place(&self, code: &UnitCode) -> Option<usize> {
        match self.index.get(code) {
            Some(p) => Some(p as usize),
            None if self.index.is_empty() => {
                let u = self.hierarchy.index_of(code)?;
                self.place_of.get(u.get()).map(|&p| p as usize)
            }
            None => None,
        }
    }

    /// The unit index at a place.
    fn unit_index(&self, place: usize) -> usize {
        self.unit_at.get(place).map_or(usize::MAX, |&u| u as usize)
    }

    /// The place of a unit, or [`ErrorKind::UnknownUnit`].
    fn resolve(&self, unit: &UnitCode) -> Result<usize, Error> {
        self.place(unit).ok_or_else(|| {
            ErrorKind::UnknownUnit {
                code: unit.to_string(),
            }
            .into()
        })
    }

    /// The records column of (indicator, actor), created on first use.
    fn record_column(&mut self, b: Builtin, actor: Actor) -> Option<usize> {
        let slot = self.record_slots.get_mut(slot_index(b.index(), actor)?)?;
        if *slot == NONE {
            let distinct = b.kind() == IndicatorKind::Distinct;
            *slot = u32::try_from(self.records.len()).ok()?;
            // At least one cell, so that an empty `floor` still means "not distinct".
            let n = self.cap.max(1).min(self.hierarchy.len());
            self.cap = n;
            self.records.push(Column::new(
                u32::try_from(b.index()).ok()?,
                actor,
                n,
                distinct,
                false,
            ));
        }
        Some(*slot as usize)
    }

    /// Makes every records column long enough for place `place`: the
    /// length at least doubles, so a fold that reaches the last place
    /// resizes each column O(log n) times. A place past the hierarchy is
    /// left alone (the addition at it then fails as an unknown place).
    fn reserve_place(&mut self, place: usize) {
        let n = self.hierarchy.len();
        if place < self.cap || place >= n {
            return;
        }
        let cap = place
            .saturating_add(1)
            .max(self.cap.saturating_mul(2))
            .min(n);
        for c in &mut self.records {
            c.resize(cap);
        }
        self.cap = cap;
    }

    /// Adds every contribution of one record at place `u`, all or nothing.
    fn apply(&mut self, u: usize, actor: Actor, c: &Contribs) -> Result<(), Error> {
        self.high = self.high.max(u + 1);
        self.reserve_place(u);
        let mut cols = [0usize; MAX_CONTRIBS];
        for (
            slot,
            Contrib {
                builtin: b, member, ..
            },
        ) in cols.iter_mut().zip(c.iter())
        {
            let col = self
                .record_column(b, actor)
                .ok_or_else(|| overflow(&self.hierarchy, self.unit_index(u), b.id()))?;
            *slot = col;
            let current = self.records.get(col).and_then(|k| k.value.get(u)).copied();
            if current.and_then(|x| x.checked_add(member.low)).is_none() {
                return Err(overflow(&self.hierarchy, self.unit_index(u), b.id()));
            }
        }
        for (&col, Contrib { member: m, .. }) in cols.iter().zip(c.iter()) {
            let Some(k) = self.records.get_mut(col) else {
                continue;
            };
            if let Some(x) = k.value.get_mut(u) {
                *x = x.saturating_add(m.low); // checked above
            }
            if writes_flags(m.flags, m.low) {
                let before = k.flags.get(u).copied().unwrap_or(0);
                if let Some(f) = k.flags.get_mut(u) {
                    *f |= m.flags | F_PRESENT;
                }
                if m.flags & F_INEXACT != 0 {
                    k.add_extra_at(u, before, m.flags, m.extra);
                }
            }
            if let Some(fl) = k.floor.get_mut(u) {
                *fl = (*fl).max(m.low);
            }
        }
        Ok(())
    }

    /// Folds a reported figure into the reported layer, unchecked: the
    /// caller ([`Accumulator::add`], [`Totals::compute`], [`Totals::apply`])
    /// has checked it with the rule set.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::UnknownUnit`], [`ErrorKind::NotOneActor`],
    /// [`ErrorKind::UnknownIndicator`], [`ErrorKind::ValueTypeMismatch`],
    /// [`ErrorKind::TotalOverflow`], or [`ErrorKind::UnitMismatch`] when two
    /// amounts of one unit differ in unit word.
    pub(crate) fn add_figure(&mut self, f: &Figure) -> Result<(), Error> {
        // The reported layer is kept in unit order.
        let u = self.unit_index(self.resolve(&f.unit)?);
        let actor = f.actor()?;
        let unknown = || -> Error {
            ErrorKind::UnknownIndicator {
                id: f.indicator.to_string(),
            }
            .into()
        };
        let ind = indicator_index(&self.indicators, &f.indicator).ok_or_else(unknown)?;
        let (kind, values) = indicator_info(&self.indicators, ind as usize).ok_or_else(unknown)?;
        let end = days(f.period.unwrap_or(self.period).end());
        let slot_at = slot_index(ind as usize, actor).ok_or_else(unknown)?;
        let n = self.hierarchy.len();
        let mismatch = || -> Error {
            ErrorKind::ValueTypeMismatch {
                id: f.indicator.to_string(),
                expected: match values {
                    ValueType::Count => "value",
                    ValueType::Amount => "amount",
                },
            }
            .into()
        };
        match (values, f.value, &f.amount) {
            (ValueType::Count, Some(v), None) => {
                let slot = self.reported_slots.get_mut(slot_at).ok_or_else(unknown)?;
                if *slot == NONE {
                    *slot = u32::try_from(self.reported.len()).map_err(|_| unknown())?;
                    self.reported.push(Column::new(
                        ind,
                        actor,
                        n,
                        kind == IndicatorKind::Distinct,
                        kind == IndicatorKind::Stock,
                    ));
                }
                let col = *slot as usize;
                let mut one = Column::new(
                    ind,
                    actor,
                    1,
                    kind == IndicatorKind::Distinct,
                    kind == IndicatorKind::Stock,
                );
                one.set_member(
                    0,
                    Member::of(crate::record::contribution::interval_of(v)),
                    None,
                )
                .ok_or_else(unknown)?;
                if !one.end.is_empty() {
                    one.end = vec![end];
                }
                let Some(target) = self.reported.get_mut(col) else {
                    return Err(unknown());
                };
                let ok = if kind == IndicatorKind::Stock {
                    target.pick_latest(u, &one, 0)
                } else {
                    target.add_cell(u, &one, 0)
                };
                ok.ok_or_else(|| {
                    overflow(&self.hierarchy, u, &indicator_name(&self.indicators, ind))
                })
            }
            (ValueType::Amount, None, Some(m)) => {
                let slot = self.amount_slots.get_mut(slot_at).ok_or_else(unknown)?;
                if *slot == NONE {
                    *slot = u32::try_from(self.amounts.len()).map_err(|_| unknown())?;
                    self.amounts.push(AmountColumn {
                        indicator: ind,
                        actor,
                        cells: vec![None; n],
                    });
                }
                let col = *slot as usize;
                let new = AmountCell {
                    total: super::AmountTotal::of(m)?,
                    end,
                };
                let stock = kind == IndicatorKind::Stock;
                let h = &self.hierarchy;
                let defs = &self.indicators;
                let cell = self
                    .amounts
                    .get_mut(col)
                    .and_then(|c| c.cells.get_mut(u))
                    .ok_or_else(unknown)?;
                *cell = Some(match cell.take() {
                    None => new,
                    Some(old) => match super::combine_amount(&old, &new, stock) {
                        Ok(c) => c,
                        Err(e) => {
                            *cell = Some(old);
                            return Err(super::amount_error(h, defs, u, ind, e));
                        }
                    },
                });
                Ok(())
            }
            _ => Err(mismatch()),
        }
    }

    /// Checks the rules of [`check`](crate::check) that concern one record
    /// alone — the same rule set, listed by [`RecordKind::rules`](crate::RecordKind::rules):
    /// its unit exists, has the right level and is valid on the record's
    /// date; the date lies in the period; consenting households do not
    /// exceed affected ones; resolved petitions do not exceed raised ones; a
    /// session has a subject; a body is not dissolved before it was set up; a
    /// team has one leader; a figure names one actor, a known indicator, the
    /// right kind of value, a period inside the accumulator's, and parts that
    /// add up. Rules across records (duplicate ids, one block per commune,
    /// duplicate figures) are not checked.
    ///
    /// # Errors
    ///
    /// Returns the first rule broken, with the same kind as `check` gives.
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let acc = danvan::Accumulator::new(&h, danvan::Period::year(2022)?, &[]);
    /// let d: danvan::IssuedDocument = serde_json::from_str(r#"{"unit": "30", "date": "2023-05-10",
    ///     "actor": "party_committees", "kind": "leadership"}"#).unwrap();
    /// let err = acc.check(&d).unwrap_err();
    /// assert_eq!(err.to_string(), "date 2023-05-10 is outside the period 2022-01-01 to 2022-12-31");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn check<'r>(&self, record: impl Into<RecordRef<'r>>) -> Result<(), Error> {
        self.checked_place(record.into()).map(|_| ())
    }

    /// [`Accumulator::check`], giving the place of the record's unit.
    fn checked_place(&self, record: RecordRef<'_>) -> Result<usize, Error> {
        first_error(record, self)
    }

    /// Rolls up and gives the totals.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::TotalOverflow`] when a roll-up total exceeds `u64::MAX`.
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(Vec::new())?;
    /// let acc = danvan::Accumulator::new(&h, danvan::Period::year(2022)?, &[]);
    /// let totals = acc.finish()?;
    /// assert_eq!(totals, danvan::Totals::empty(&h, danvan::Period::year(2022)?, &[]));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn finish(self) -> Result<Totals, Error> {
        let Accumulator {
            hierarchy,
            period,
            indicators,
            records,
            mut reported,
            mut amounts,
            unit_at,
            high,
            ..
        } = self;
        // Back from places to unit order: only places up to the highest written.
        let n = hierarchy.len();
        let mut records: Vec<Column> = records
            .into_iter()
            .map(|mut c| {
                // The flags left unwritten for positive sums.
                for (f, &v) in c.flags.iter_mut().zip(&c.value) {
                    if v > 0 {
                        *f |= F_PRESENT;
                    }
                }
                c
            })
            .filter(Column::is_used)
            .map(|c| {
                let mut out = Column::new(c.indicator, c.actor, n, !c.floor.is_empty(), false);
                for (place, &u) in unit_at.iter().enumerate().take(high) {
                    let f = c.flags.get(place).copied().unwrap_or(0);
                    if f & F_PRESENT == 0 {
                        continue;
                    }
                    let u = u as usize;
                    if let (Some(v), Some(&x)) = (out.value.get_mut(u), c.value.get(place)) {
                        *v = x;
                    }
                    if let Some(dst) = out.flags.get_mut(u) {
                        *dst = f;
                    }
                    if let (Some(dst), Some(&x)) = (out.floor.get_mut(u), c.floor.get(place)) {
                        *dst = x;
                    }
                    if let Some(&x) = c.extra.get(place) {
                        if let Some(dst) = out.extra_mut().get_mut(u) {
                            *dst = x;
                        }
                    }
                }
                out
            })
            .collect();
        reported.retain(Column::is_used);
        amounts.retain(|c| c.cells.iter().any(Option::is_some));
        records.sort_by_key(Column::key);
        reported.sort_by_key(Column::key);
        amounts.sort_by_key(AmountColumn::key);
        roll_up(&hierarchy, &indicators, &mut records)?;
        Totals::assemble(hierarchy, period, indicators, records, reported, amounts)
    }
}

/// A checked record, ready to be added.
#[derive(Debug)]
pub(crate) enum Prepared {
    /// The cells a record adds at a place.
    Cells {
        place: u32,
        actor: Actor,
        contribs: Contribs,
    },
    /// A figure, for the reported layer.
    Figure(Box<Figure>),
}

/// Whether adding `v` with member flags `qualifiers` must write the
/// cell's flags (and, for an inexact member, its extra). A positive sum says
/// by itself that the cell is present (`finish` marks it), so flags are
/// written only for an inexact member or a zero: most additions touch one
/// array, not two.
fn writes_flags(qualifiers: u8, v: u64) -> bool {
    qualifiers != 0 || v == 0
}

/// A resolved form that does not fit the fold: only possible if it was
/// built against another hierarchy, which the crate never does.
fn shape_error() -> Error {
    ErrorKind::Overflow {
        what: "resolved record shapes".to_owned(),
    }
    .into()
}

/// What the one-record rules look up in a fold.
impl Context for Accumulator {
    /// The unit's place.
    type Handle = usize;

    fn unit(&self, code: &UnitCode) -> Option<(usize, UnitFacts)> {
        let place = self.place(code)?;
        Some((place, *self.meta.get(place)?))
    }

    fn period(&self) -> Period {
        self.period
    }

    fn indicator(&self, id: &IndicatorId) -> Option<(IndicatorKind, ValueType)> {
        let ind = indicator_index(&self.indicators, id)?;
        indicator_info(&self.indicators, ind as usize)
    }
}
