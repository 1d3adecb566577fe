//! The streaming fold: records in, totals out.

use chrono::{Datelike, NaiveDate};

use super::resolved::Resolved;
use super::stream::Record;
use super::{
    flags_of, indicator_index, indicator_info, indicator_name, overflow, roll_up, AmountCell,
    AmountColumn, Column, Totals, BUILTINS, F_PRESENT,
};
use crate::{
    Actor, Award, Builtin, CitizenReception, Conference, Dialogue, Error, ErrorKind, Figure,
    GrassrootsBlock, Headcount, Hierarchy, IndicatorDef, IndicatorKind, Inspection, IssuedDocument,
    Level, Period, Recipient, SiteClearance, SkilfulModel, UnitCode, ValueType, VillageTeam,
};

/// No column yet for this (indicator, actor).
const NONE: u32 = u32::MAX;
/// The most cells one record touches (a model: 1 + 5 stages).
pub(crate) const MAX_CONTRIBS: usize = 1 + crate::ModelStage::ALL.len();
// `Contribs::from_field` keeps one bit per cell in a `u8`.
const _: () = assert!(MAX_CONTRIBS <= 8);

/// A borrowed record of any kind, for [`Accumulator::add`].
///
/// ```
/// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
/// let mut acc = danvan::Accumulator::new(&h, danvan::Period::year(2022)?, &[]);
/// let award: danvan::Award = serde_json::from_str(r#"{"unit": "30", "date": "2022-12-20",
///     "issuer": "mobilization_sector", "kind": "giay_khen", "recipient": "collective"}"#).unwrap();
/// acc.add(danvan::RecordRef::Award(&award))?;
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub enum RecordRef<'a> {
    /// A grassroots block.
    Block(&'a GrassrootsBlock),
    /// A village team.
    Team(&'a VillageTeam),
    /// A "Dân vận khéo" model.
    Model(&'a SkilfulModel),
    /// A conference.
    Conference(&'a Conference),
    /// A document.
    Document(&'a IssuedDocument),
    /// An inspection or supervision session.
    Inspection(&'a Inspection),
    /// A dialogue.
    Dialogue(&'a Dialogue),
    /// A citizen reception.
    Reception(&'a CitizenReception),
    /// A site-clearance drive.
    Clearance(&'a SiteClearance),
    /// An award.
    Award(&'a Award),
    /// A reported figure.
    Figure(&'a Figure),
}

impl RecordRef<'_> {
    /// The unit the record belongs to.
    ///
    /// ```
    /// let award: danvan::Award = serde_json::from_str(r#"{"unit": "30", "date": "2022-12-20",
    ///     "issuer": "mobilization_sector", "kind": "giay_khen", "recipient": "collective"}"#).unwrap();
    /// assert_eq!(danvan::RecordRef::Award(&award).unit().to_string(), "30");
    /// ```
    pub fn unit(&self) -> UnitCode {
        match self {
            RecordRef::Block(r) => r.unit,
            RecordRef::Team(r) => r.unit,
            RecordRef::Model(r) => r.unit,
            RecordRef::Conference(r) => r.unit,
            RecordRef::Document(r) => r.unit,
            RecordRef::Inspection(r) => r.unit,
            RecordRef::Dialogue(r) => r.unit,
            RecordRef::Reception(r) => r.unit,
            RecordRef::Clearance(r) => r.unit,
            RecordRef::Award(r) => r.unit,
            RecordRef::Figure(r) => r.unit,
        }
    }
}

/// One cell a record adds to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Contrib {
    pub(crate) builtin: Builtin,
    /// The amount added: 1 for a count of records, else a field's value.
    pub(crate) value: u64,
    /// Qualifier flags of the value (without [`F_PRESENT`]).
    pub(crate) flags: u8,
    /// Whether `value` comes from a field of the record (else it is the constant 1).
    pub(crate) from_field: bool,
}

/// The cells one record adds to, at most [`MAX_CONTRIBS`]. Kept as small
/// arrays (64 bytes), not as an array of [`Contrib`]: the stream moves one
/// per line from its workers to the thread that adds.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Contribs {
    values: [u64; MAX_CONTRIBS],
    builtins: [Builtin; MAX_CONTRIBS],
    flags: [u8; MAX_CONTRIBS],
    /// Bit `i`: the value of item `i` comes from a field.
    from_field: u8,
    len: u8,
}

impl Contribs {
    fn new() -> Contribs {
        Contribs {
            values: [0; MAX_CONTRIBS],
            builtins: [Builtin::Conferences; MAX_CONTRIBS],
            flags: [0; MAX_CONTRIBS],
            from_field: 0,
            len: 0,
        }
    }

    fn push(&mut self, builtin: Builtin, value: u64, flags: u8, from_field: bool) {
        let i = usize::from(self.len);
        // No record kind adds to more than MAX_CONTRIBS cells.
        let (Some(v), Some(b), Some(f)) = (
            self.values.get_mut(i),
            self.builtins.get_mut(i),
            self.flags.get_mut(i),
        ) else {
            return;
        };
        (*v, *b, *f) = (value, builtin, flags);
        self.from_field |= u8::from(from_field) << i;
        self.len += 1;
    }

    /// +1 on an indicator.
    fn one(&mut self, b: Builtin) {
        self.push(b, 1, 0, false);
    }

    /// A field's value on an indicator.
    fn field(&mut self, b: Builtin, value: u64, flags: u8) {
        self.push(b, value, flags, true);
    }

    /// The number of cells.
    pub(crate) fn len(&self) -> usize {
        usize::from(self.len)
    }

    /// The cells, in the order they were added.
    pub(crate) fn iter(&self) -> impl Iterator<Item = Contrib> + '_ {
        self.values
            .iter()
            .zip(&self.builtins)
            .zip(&self.flags)
            .take(self.len())
            .enumerate()
            .map(|(i, ((&value, &builtin), &flags))| Contrib {
                builtin,
                value,
                flags,
                from_field: self.from_field >> i & 1 == 1,
            })
    }
}

/// The actor and cells a record (not a figure) adds to, for a fold whose
/// period ends on `end`: the one definition of the table in the module docs.
/// `None` for a figure, which goes to the reported layer.
pub(crate) fn contributions(
    record: RecordRef<'_>,
    end: NaiveDate,
) -> Result<Option<(Actor, Contribs)>, Error> {
    let mut c = Contribs::new();
    let actor = match record {
        RecordRef::Figure(_) => return Ok(None),
        RecordRef::Block(b) => {
            if b.exists_on(end) {
                c.one(Builtin::GrassrootsBlocks);
            }
            Actor::MobilizationSector
        }
        RecordRef::Team(t) => {
            if t.exists_on(end) {
                c.one(Builtin::VillageTeams);
            }
            Actor::MobilizationSector
        }
        RecordRef::Model(m) => {
            if m.registered.map_or(true, |r| r <= end) {
                c.one(Builtin::SkilfulModels);
                for (stage, b) in crate::ModelStage::ALL.iter().zip(Builtin::MODEL_STAGES) {
                    if m.stage.includes(*stage) {
                        c.one(b);
                    }
                }
            }
            Actor::MobilizationSector
        }
        RecordRef::Conference(x) => {
            c.one(Builtin::Conferences);
            if x.kind.is_training() {
                c.one(Builtin::TrainingConferences);
            }
            if x.kind.is_propaganda() {
                c.one(Builtin::PropagandaConferences);
            }
            let who = match x.headcount {
                Headcount::Occurrences => Builtin::ConferenceParticipants,
                Headcount::DistinctPersons => Builtin::ConferencePersons,
            };
            c.field(
                who,
                x.participants.value().get(),
                flags_of(x.participants.qualifier()),
            );
            x.actor
        }
        RecordRef::Document(x) => {
            c.one(Builtin::Documents);
            c.one(match x.kind {
                crate::DocumentKind::Leadership => Builtin::LeadershipDocuments,
                crate::DocumentKind::Guidance => Builtin::GuidanceDocuments,
            });
            x.actor
        }
        RecordRef::Inspection(x) => {
            let subjects = x.subjects.total().map_err(|_| -> Error {
                // The record's own unit, even when the hierarchy lacks it.
                ErrorKind::TotalOverflow {
                    unit: x.unit.to_string(),
                    indicator: Builtin::InspectionSubjects.id().to_owned(),
                }
                .into()
            })?;
            c.one(Builtin::Inspections);
            c.field(Builtin::InspectionSubjects, subjects.get(), 0);
            x.actor
        }
        RecordRef::Dialogue(x) => {
            c.one(Builtin::Dialogues);
            c.field(
                Builtin::DialogueParticipants,
                x.participants.value().get(),
                flags_of(x.participants.qualifier()),
            );
            c.field(Builtin::PetitionsRaised, x.petitions_raised.get(), 0);
            c.field(Builtin::PetitionsResolved, x.petitions_resolved.get(), 0);
            x.actor
        }
        RecordRef::Reception(x) => {
            c.one(Builtin::Receptions);
            c.field(Builtin::PetitionsRaised, x.petitions_raised.get(), 0);
            c.field(Builtin::PetitionsResolved, x.petitions_resolved.get(), 0);
            x.actor
        }
        RecordRef::Clearance(x) => {
            c.one(Builtin::ClearanceDrives);
            c.field(Builtin::ClearanceHouseholds, x.households_affected.get(), 0);
            c.field(
                Builtin::ClearanceConsenting,
                x.households_consenting.get(),
                0,
            );
            x.actor
        }
        RecordRef::Award(x) => {
            c.one(match x.recipient {
                Recipient::Collective => Builtin::AwardedCollectives,
                Recipient::Individual => Builtin::AwardedIndividuals,
            });
            x.issuer
        }
    };
    Ok(Some((actor, c)))
}

/// Folds records one at a time into [`Totals`], in memory proportional to the
/// units (not the records).
///
/// [`Totals::compute`] is built on it; [`stream_json_lines`](crate::stream_json_lines)
/// feeds it from JSON Lines. Records are assumed to follow the rules of
/// [`check`](crate::check); [`Accumulator::check`] applies those that concern
/// one record alone.
///
/// ```
/// use danvan::{Accumulator, Actor, Builtin, Hierarchy, Period, Unit};
///
/// let h = Hierarchy::new(vec![Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
/// let mut acc = Accumulator::new(&h, Period::year(2022)?, &[]);
/// let doc: danvan::IssuedDocument = serde_json::from_str(r#"{"unit": "30", "date": "2022-05-10",
///     "actor": "mobilization_sector", "kind": "guidance"}"#).unwrap();
/// acc.add_document(&doc)?;
/// acc.add_document(&doc)?;
/// let totals = acc.finish()?;
/// let n = totals.get_builtin(&"30".parse()?, Builtin::GuidanceDocuments, Actor::MobilizationSector);
/// assert_eq!(n.map(|r| r.value().get()), Some(2));
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
    meta: Vec<UnitMeta>,
    /// One past the highest place a record was added at.
    high: usize,
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
            .map(|u| UnitMeta {
                level: u.level(),
                from: u.valid_from().map_or(i32::MIN, days),
                to: u.valid_to().map_or(i32::MAX, days),
            })
            .collect();
        Accumulator {
            hierarchy: hierarchy.clone(),
            index,
            place_of,
            unit_at,
            meta,
            high: 0,
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
    pub fn hierarchy(&self) -> &Hierarchy {
        &self.hierarchy
    }

    /// Folds one record of any kind.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::UnknownUnit`] when the record's unit is not in the
    /// hierarchy, [`ErrorKind::TotalOverflow`] when its unit's total would
    /// overflow (the record is then not added at all), and for a figure the
    /// errors of [`Accumulator::add_figure`].
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let mut acc = danvan::Accumulator::new(&h, danvan::Period::year(2022)?, &[]);
    /// let block: danvan::GrassrootsBlock = serde_json::from_str(r#"{"unit": "31001"}"#).unwrap();
    /// assert_eq!(acc.add(danvan::RecordRef::Block(&block)).unwrap_err().code(), "DV063");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn add(&mut self, record: RecordRef<'_>) -> Result<(), Error> {
        let Some((actor, c)) = contributions(record, self.period.end())? else {
            return match record {
                RecordRef::Figure(f) => self.add_figure(f),
                _ => Ok(()),
            };
        };
        let u = self.resolve(&record.unit())?;
        self.apply(u, actor, &c)
    }

    /// Folds records resolved by [`check`](crate::check): the hot loop of
    /// [`Totals::compute`]. Reads unit indices, shape ids and values from
    /// plain arrays; every addition is checked.
    pub(crate) fn add_resolved(&mut self, r: &Resolved) -> Result<(), Error> {
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
                        if let Some(f) = k.flags.get_mut(u) {
                            *f |= flags;
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
            let n = self.hierarchy.len();
            let distinct = b.kind() == IndicatorKind::Distinct;
            *slot = u32::try_from(self.records.len()).ok()?;
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

    /// Adds every contribution of one record at place `u`, all or nothing.
    fn apply(&mut self, u: usize, actor: Actor, c: &Contribs) -> Result<(), Error> {
        self.high = self.high.max(u + 1);
        let mut cols = [0usize; MAX_CONTRIBS];
        for (
            slot,
            Contrib {
                builtin: b,
                value: v,
                ..
            },
        ) in cols.iter_mut().zip(c.iter())
        {
            let col = self
                .record_column(b, actor)
                .ok_or_else(|| overflow(&self.hierarchy, self.unit_index(u), b.id()))?;
            *slot = col;
            let current = self.records.get(col).and_then(|k| k.value.get(u)).copied();
            if current.and_then(|x| x.checked_add(v)).is_none() {
                return Err(overflow(&self.hierarchy, self.unit_index(u), b.id()));
            }
        }
        for (
            &col,
            Contrib {
                value: v, flags, ..
            },
        ) in cols.iter().zip(c.iter())
        {
            let Some(k) = self.records.get_mut(col) else {
                continue;
            };
            if let Some(x) = k.value.get_mut(u) {
                *x = x.saturating_add(v); // checked above
            }
            if writes_flags(flags, v) {
                if let Some(f) = k.flags.get_mut(u) {
                    *f |= flags | F_PRESENT;
                }
            }
            if let Some(fl) = k.floor.get_mut(u) {
                *fl = (*fl).max(v);
            }
        }
        Ok(())
    }

    /// Folds a grassroots block: +1 if it exists on the period's last day.
    ///
    /// # Errors
    ///
    /// As [`Accumulator::add`].
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let mut acc = danvan::Accumulator::new(&h, danvan::Period::year(2022)?, &[]);
    /// let b: danvan::GrassrootsBlock = serde_json::from_str(r#"{"unit": "30"}"#).unwrap();
    /// acc.add_block(&b)?;
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn add_block(&mut self, r: &GrassrootsBlock) -> Result<(), Error> {
        self.add(RecordRef::Block(r))
    }

    /// Folds a village team: +1 if it exists on the period's last day.
    ///
    /// # Errors
    ///
    /// As [`Accumulator::add`].
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let mut acc = danvan::Accumulator::new(&h, danvan::Period::year(2022)?, &[]);
    /// let t: danvan::VillageTeam = serde_json::from_str(r#"{"unit": "30"}"#).unwrap();
    /// acc.add_team(&t)?;
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn add_team(&mut self, r: &VillageTeam) -> Result<(), Error> {
        self.add(RecordRef::Team(r))
    }

    /// Folds a "Dân vận khéo" model: +1 and +1 on each stage it includes.
    ///
    /// # Errors
    ///
    /// As [`Accumulator::add`].
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let mut acc = danvan::Accumulator::new(&h, danvan::Period::year(2022)?, &[]);
    /// let m: danvan::SkilfulModel = serde_json::from_str(r#"{"unit": "30", "form": "collective",
    ///     "field": "economy", "stage": "effective"}"#).unwrap();
    /// acc.add_model(&m)?;
    /// let t = acc.finish()?;
    /// let eff = t.get_builtin(&"30".parse()?, danvan::Builtin::SkilfulModelsEffective, danvan::Actor::MobilizationSector);
    /// assert_eq!(eff.map(|r| r.value().get()), Some(1));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn add_model(&mut self, r: &SkilfulModel) -> Result<(), Error> {
        self.add(RecordRef::Model(r))
    }

    /// Folds a conference.
    ///
    /// # Errors
    ///
    /// As [`Accumulator::add`].
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let mut acc = danvan::Accumulator::new(&h, danvan::Period::year(2022)?, &[]);
    /// let c: danvan::Conference = serde_json::from_str(r#"{"unit": "30", "date": "2022-03-15",
    ///     "actor": "party_committees", "kind": "both", "participants": 45}"#).unwrap();
    /// acc.add_conference(&c)?;
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn add_conference(&mut self, r: &Conference) -> Result<(), Error> {
        self.add(RecordRef::Conference(r))
    }

    /// Folds a document.
    ///
    /// # Errors
    ///
    /// As [`Accumulator::add`].
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let mut acc = danvan::Accumulator::new(&h, danvan::Period::year(2022)?, &[]);
    /// let d: danvan::IssuedDocument = serde_json::from_str(r#"{"unit": "30", "date": "2022-05-10",
    ///     "actor": "party_committees", "kind": "leadership"}"#).unwrap();
    /// acc.add_document(&d)?;
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn add_document(&mut self, r: &IssuedDocument) -> Result<(), Error> {
        self.add(RecordRef::Document(r))
    }

    /// Folds an inspection or supervision session.
    ///
    /// # Errors
    ///
    /// As [`Accumulator::add`].
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let mut acc = danvan::Accumulator::new(&h, danvan::Period::year(2022)?, &[]);
    /// let s: danvan::Inspection = serde_json::from_str(r#"{"unit": "30", "date": "2022-09-01",
    ///     "actor": "party_committees", "kind": "lumped", "subjects": {"lumped": 3}}"#).unwrap();
    /// acc.add_inspection(&s)?;
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn add_inspection(&mut self, r: &Inspection) -> Result<(), Error> {
        self.add(RecordRef::Inspection(r))
    }

    /// Folds a dialogue.
    ///
    /// # Errors
    ///
    /// As [`Accumulator::add`].
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let mut acc = danvan::Accumulator::new(&h, danvan::Period::year(2022)?, &[]);
    /// let d: danvan::Dialogue = serde_json::from_str(r#"{"unit": "30", "date": "2022-06-01",
    ///     "actor": "government", "participants": 120}"#).unwrap();
    /// acc.add_dialogue(&d)?;
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn add_dialogue(&mut self, r: &Dialogue) -> Result<(), Error> {
        self.add(RecordRef::Dialogue(r))
    }

    /// Folds a citizen reception.
    ///
    /// # Errors
    ///
    /// As [`Accumulator::add`].
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let mut acc = danvan::Accumulator::new(&h, danvan::Period::year(2022)?, &[]);
    /// let r: danvan::CitizenReception = serde_json::from_str(r#"{"unit": "30", "date": "2022-06-15",
    ///     "actor": "party_committees"}"#).unwrap();
    /// acc.add_reception(&r)?;
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn add_reception(&mut self, r: &CitizenReception) -> Result<(), Error> {
        self.add(RecordRef::Reception(r))
    }

    /// Folds a site-clearance drive.
    ///
    /// # Errors
    ///
    /// As [`Accumulator::add`].
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let mut acc = danvan::Accumulator::new(&h, danvan::Period::year(2022)?, &[]);
    /// let s: danvan::SiteClearance = serde_json::from_str(r#"{"unit": "30", "date": "2022-08-01",
    ///     "actor": "government", "project": "synthetic", "households_affected": 10,
    ///     "households_consenting": 9}"#).unwrap();
    /// acc.add_clearance(&s)?;
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn add_clearance(&mut self, r: &SiteClearance) -> Result<(), Error> {
        self.add(RecordRef::Clearance(r))
    }

    /// Folds an award, by its issuer.
    ///
    /// # Errors
    ///
    /// As [`Accumulator::add`].
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let mut acc = danvan::Accumulator::new(&h, danvan::Period::year(2022)?, &[]);
    /// let a: danvan::Award = serde_json::from_str(r#"{"unit": "30", "date": "2022-12-20",
    ///     "issuer": "mobilization_sector", "kind": "giay_khen", "recipient": "individual"}"#).unwrap();
    /// acc.add_award(&a)?;
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn add_award(&mut self, r: &Award) -> Result<(), Error> {
        self.add(RecordRef::Award(r))
    }

    /// Folds a reported figure into the reported layer.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::UnknownUnit`], [`ErrorKind::NotOneActor`],
    /// [`ErrorKind::UnknownIndicator`], [`ErrorKind::ValueTypeMismatch`],
    /// [`ErrorKind::TotalOverflow`], or [`ErrorKind::UnitMismatch`] when two
    /// amounts of one unit differ in unit word.
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let mut acc = danvan::Accumulator::new(&h, danvan::Period::year(2022)?, &[]);
    /// let f: danvan::Figure = serde_json::from_str(r#"{"indicator": "grassroots_blocks",
    ///     "unit": "30", "actor": "mobilization_sector", "value": 235}"#).unwrap();
    /// acc.add_figure(&f)?;
    /// let t = acc.finish()?;
    /// assert_eq!(t.reported(&"30".parse()?, &"grassroots_blocks".parse()?, danvan::Actor::MobilizationSector),
    ///            Some("235".parse()?));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn add_figure(&mut self, f: &Figure) -> Result<(), Error> {
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
                one.value = vec![v.value().get()];
                one.flags = vec![flags_of(v.qualifier()) | F_PRESENT];
                if !one.floor.is_empty() {
                    one.floor = vec![v.value().get()];
                }
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
                    measure: m.clone(),
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
    /// alone: its unit exists, has the right level and is valid on the
    /// record's date; the date lies in the period; consenting households do
    /// not exceed affected ones; resolved petitions do not exceed raised ones;
    /// a session has a subject; a body is not dissolved before it was set up;
    /// a team has one leader; a figure names one actor, a known indicator, the
    /// right kind of value and a period inside the accumulator's. Rules across
    /// records (duplicate ids, one block per commune, duplicate figures) are
    /// not checked.
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
    /// let err = acc.check(danvan::RecordRef::Document(&d)).unwrap_err();
    /// assert_eq!(err.to_string(), "date 2023-05-10 is outside the period 2022-01-01 to 2022-12-31");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn check(&self, record: RecordRef<'_>) -> Result<(), Error> {
        self.checked_place(record).map(|_| ())
    }

    /// [`Accumulator::check`], giving the place of the record's unit.
    fn checked_place(&self, record: RecordRef<'_>) -> Result<usize, Error> {
        let end = self.period.end();
        match record {
            RecordRef::Block(b) => {
                let p = self.unit_ok(
                    &b.unit,
                    Some(Level::Commune),
                    b.exists_on(end).then_some(end),
                )?;
                established_order(b.established, b.dissolved).map(|()| p)
            }
            RecordRef::Team(t) => {
                let p = self.unit_ok(
                    &t.unit,
                    Some(Level::Village),
                    t.exists_on(end).then_some(end),
                )?;
                established_order(t.established, t.dissolved)?;
                let leaders = t
                    .members
                    .iter()
                    .filter(|m| m.role == crate::TeamRole::PartyCellSecretary)
                    .count();
                if leaders > 1 {
                    return Err(ErrorKind::SeveralLeaders { count: leaders }.into());
                }
                Ok(p)
            }
            RecordRef::Model(m) => {
                let p = self.unit_ok(&m.unit, None, Some(end))?;
                match m.registered {
                    Some(r) if r > end => self.date_ok(r).map(|()| p),
                    _ => Ok(p),
                }
            }
            RecordRef::Conference(x) => self.dated(&x.unit, x.date),
            RecordRef::Document(x) => self.dated(&x.unit, x.date),
            RecordRef::Award(x) => self.dated(&x.unit, x.date),
            RecordRef::Inspection(x) => {
                let p = self.dated(&x.unit, x.date)?;
                if x.subjects.total()?.get() == 0 {
                    return Err(ErrorKind::NoSubjects.into());
                }
                Ok(p)
            }
            RecordRef::Dialogue(x) => {
                let p = self.dated(&x.unit, x.date)?;
                petitions(x.petitions_raised.get(), x.petitions_resolved.get()).map(|()| p)
            }
            RecordRef::Reception(x) => {
                let p = self.dated(&x.unit, x.date)?;
                petitions(x.petitions_raised.get(), x.petitions_resolved.get()).map(|()| p)
            }
            RecordRef::Clearance(x) => {
                let p = self.dated(&x.unit, x.date)?;
                let (consenting, affected) =
                    (x.households_consenting.get(), x.households_affected.get());
                if consenting > affected {
                    return Err(ErrorKind::ConsentExceedsAffected {
                        consenting,
                        affected,
                    }
                    .into());
                }
                Ok(p)
            }
            RecordRef::Figure(f) => {
                let period = f.period.unwrap_or(self.period);
                if !self.period.contains_period(&period) {
                    return Err(ErrorKind::FigurePeriodOutside {
                        period: period.to_string(),
                        dataset: self.period.to_string(),
                    }
                    .into());
                }
                let p = self.unit_ok(&f.unit, None, Some(period.end()))?;
                if f.actors.len() != 1 {
                    return Err(ErrorKind::NotOneActor {
                        actors: f
                            .actors
                            .iter()
                            .map(|a| a.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                        count: f.actors.len(),
                    }
                    .into());
                }
                let Some(ind) = indicator_index(&self.indicators, &f.indicator) else {
                    return Err(ErrorKind::UnknownIndicator {
                        id: f.indicator.to_string(),
                    }
                    .into());
                };
                let values = indicator_info(&self.indicators, ind as usize).map(|(_, v)| v);
                let ok = match values {
                    Some(ValueType::Count) => f.value.is_some() && f.amount.is_none(),
                    Some(ValueType::Amount) => f.amount.is_some() && f.value.is_none(),
                    None => false,
                };
                if !ok {
                    return Err(ErrorKind::ValueTypeMismatch {
                        id: f.indicator.to_string(),
                        expected: if values == Some(ValueType::Amount) {
                            "amount"
                        } else {
                            "value"
                        },
                    }
                    .into());
                }
                Ok(p)
            }
        }
    }

    /// The unit's checks and the date's; the unit's place.
    fn dated(&self, unit: &UnitCode, date: NaiveDate) -> Result<usize, Error> {
        let p = self.unit_ok(unit, None, Some(date))?;
        self.date_ok(date).map(|()| p)
    }

    fn date_ok(&self, date: NaiveDate) -> Result<(), Error> {
        if self.period.contains(date) {
            Ok(())
        } else {
            Err(ErrorKind::DateOutsidePeriod {
                date,
                start: self.period.start(),
                end: self.period.end(),
            }
            .into())
        }
    }

    /// Checks a unit reference (known, of the `level`, valid on `date`); its place.
    fn unit_ok(
        &self,
        code: &UnitCode,
        level: Option<Level>,
        date: Option<NaiveDate>,
    ) -> Result<usize, Error> {
        let found = self.place(code).and_then(|p| Some((p, self.meta.get(p)?)));
        let Some((place, unit)) = found else {
            return Err(ErrorKind::UnknownUnit {
                code: code.to_string(),
            }
            .into());
        };
        if let Some(expected) = level {
            if unit.level != expected {
                return Err(ErrorKind::WrongLevel {
                    code: code.to_string(),
                    level: unit.level.as_str(),
                    expected: match expected {
                        Level::Commune => "a commune",
                        Level::Village => "a village",
                        Level::District => "a district",
                        Level::Province => "a province",
                    },
                }
                .into());
            }
        }
        if let Some(date) = date {
            let d = days(date);
            if d < unit.from || d > unit.to {
                return Err(ErrorKind::UnitNotValidOn {
                    code: code.to_string(),
                    date,
                }
                .into());
            }
        }
        Ok(place)
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

/// What [`Accumulator::check`] needs of a unit: its level and validity
/// (days from the Common Era, open ends as the extremes).
#[derive(Clone, Copy, Debug)]
struct UnitMeta {
    level: Level,
    from: i32,
    to: i32,
}

/// Whether adding `v` with qualifier flags `qualifiers` must write the
/// cell's flags. A positive sum says by itself that the cell is present
/// (`finish` marks it), so flags are written only for a qualifier or a zero:
/// most additions touch one array, not two.
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

fn established_order(
    established: Option<NaiveDate>,
    dissolved: Option<NaiveDate>,
) -> Result<(), Error> {
    match (established, dissolved) {
        (Some(e), Some(d)) if d < e => Err(ErrorKind::DissolvedBeforeEstablished {
            established: e,
            dissolved: d,
        }
        .into()),
        _ => Ok(()),
    }
}

fn petitions(raised: u64, resolved: u64) -> Result<(), Error> {
    if resolved > raised {
        return Err(ErrorKind::ResolvedExceedsRaised { resolved, raised }.into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{contributions, RecordRef, MAX_CONTRIBS};

    /// The record that adds to the most cells fills `Contribs` exactly: a
    /// record kind that adds more must raise `MAX_CONTRIBS`.
    #[test]
    fn the_widest_record_fits() {
        let m: crate::SkilfulModel = serde_json::from_str(
            r#"{"unit": "30", "form": "collective", "field": "economy", "stage": "awarded"}"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let end = chrono::NaiveDate::from_ymd_opt(2022, 12, 31).unwrap_or_default();
        let (_, c) = contributions(RecordRef::Model(&m), end)
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|| panic!("a model adds cells"));
        assert_eq!(c.len(), MAX_CONTRIBS);
    }
}
