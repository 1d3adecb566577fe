//! The `danvan/dataset/v2` envelope (issue 15 step (a), `docs/model-v2.md`)
//! and the upgrade of a v1 [`Dataset`] into it.

use std::collections::{BTreeMap, HashSet};
use std::io::Read;

use chrono::NaiveDate;

use rust_decimal::Decimal;

use crate::{
    Actor, Amount, Award, Catalogue, CatalogueEntry, CitizenReception, Conference, Dataset,
    Dialogue, DimensionDecl, Dimensions, Error, ErrorKind, FigurePeriod, FigureValue,
    GrassrootsBlock, Hierarchy, IndicatorId, Inspection, Interval, IssuedDocument, Level, Limits,
    Period, RecordId, RecordKind, RecordRef, SiteClearance, SkilfulModel, Unit, UnitCode,
    VillageTeam, WorkPlan,
};

/// The version tag of a v2 dataset.
///
/// ```
/// let s: danvan::SchemaV2 = serde_json::from_str(r#""danvan/dataset/v2""#).unwrap();
/// assert_eq!(s, danvan::SchemaV2::V2);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[non_exhaustive]
pub enum SchemaV2 {
    /// `danvan/dataset/v2`.
    #[default]
    #[serde(rename = "danvan/dataset/v2")]
    V2,
}

crate::wire::wire_struct! {
/// A unit of a v2 dataset: a v1 unit with its era, or an ancestor of the
/// root named by code only (no name).
///
/// ```
/// let u: danvan::UnitEntry = serde_json::from_str(r#"{"code": "89"}"#).unwrap();
/// assert!(u.name.is_none());
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "UnitEntry"))]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct UnitEntry {
    /// The code.
    pub code: UnitCode,
    /// The name; left out for an ancestor of the root named by code only.
    /// Read as [`Unit::new`] keeps a name: NFC, each run of whitespace (a
    /// line break pasted from a spreadsheet cell) one space, none at either
    /// end; a name left empty by that is refused.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::unit::name_serde::option", serialize_with = "crate::unit::name_serde::serialize_option")]
    pub name: Option<String>,
    /// The parent's code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<UnitCode>,
    /// First day of validity.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::period::date_serde::option")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<NaiveDate>"))]
    pub valid_from: Option<NaiveDate>,
    /// Last day of validity.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::period::date_serde::option")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<NaiveDate>"))]
    pub valid_to: Option<NaiveDate>,
    /// The date the code took effect (its era); none is the dataset's current era.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::period::date_serde::option")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<NaiveDate>"))]
    pub era: Option<NaiveDate>,
}
}

impl UnitEntry {
    /// Its validity: from the later of `era` and `valid_from` (none: from
    /// any day) to `valid_to` (none: to any day). Nothing else is assumed: a
    /// unit of an earlier era is not ended by a later era's unit of the same
    /// code unless its `valid_to` says so.
    ///
    /// ```
    /// let u: danvan::UnitEntry = serde_json::from_str(r#"{"code": "26734", "name": "Xã Cũ (synthetic)",
    ///     "era": "2008-01-01", "valid_to": "2025-06-30"}"#).unwrap();
    /// let (from, to) = u.validity();
    /// assert_eq!((from.map(|d| d.to_string()), to.map(|d| d.to_string())),
    ///            (Some("2008-01-01".to_string()), Some("2025-06-30".to_string())));
    /// assert!(u.covers(&danvan::Period::new(
    ///     chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(), chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap())?));
    /// assert!(!u.covers(&danvan::Period::year(2025)?));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn validity(&self) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let from = match (self.era, self.valid_from) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        (from, self.valid_to)
    }

    /// Whether its [validity](UnitEntry::validity) covers every day of `period`.
    ///
    /// ```
    /// let u: danvan::UnitEntry = serde_json::from_str(r#"{"code": "30", "era": "2025-07-01"}"#).unwrap();
    /// assert!(!u.covers(&danvan::Period::year(2025)?));
    /// assert!(u.covers(&danvan::Period::year(2026)?));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn covers(&self, period: &Period) -> bool {
        let (from, to) = self.validity();
        from.map_or(true, |f| f <= period.start()) && to.map_or(true, |t| period.end() <= t)
    }

    /// The unit for a [`Hierarchy`]: its name (its code when named by code
    /// only), parent and validity (`era` included for a unit of another era).
    fn to_unit(&self) -> Unit {
        let name = self.name.clone().unwrap_or_else(|| self.code.to_string());
        let (from, to) = if self.era.is_some() {
            self.validity()
        } else {
            (self.valid_from, self.valid_to)
        };
        Unit::new(self.code, name)
            .with_parent(self.parent)
            .with_validity(from, to)
    }
}

/// The records of one era as a v1 dataset ([`DatasetV2::era_records`]),
/// with the places of its units and records in the v2 document.
pub(crate) struct EraRecords {
    /// The v1 dataset: the era's units, its part of the period, its records.
    pub(crate) dataset: Dataset,
    /// The position in the v2 `units` of each of its units, in order.
    pub(crate) units: Vec<usize>,
    /// The kind and position in the v2 list of each of its records, list by
    /// list in order; empty when the dataset has no other era (every record
    /// is then the current era's, at its own position).
    pub(crate) records: Vec<(RecordKind, usize)>,
}

/// A record's kind, its index in its list, its unit and its era
/// ([`DatasetV2::record_era`]).
pub(crate) type RecordEra = (
    RecordKind,
    usize,
    UnitCode,
    Result<Option<NaiveDate>, Error>,
);

/// The units of a dataset by code (a code may stand in several eras).
pub(crate) struct UnitsByCode<'a>(std::collections::HashMap<UnitCode, Vec<&'a UnitEntry>>);

/// An era in words: its date, or `current` for the dataset's current era.
fn era_text(era: Option<NaiveDate>) -> String {
    era.map_or_else(
        || "current".to_owned(),
        |d| d.format("%Y-%m-%d").to_string(),
    )
}

impl From<&Unit> for UnitEntry {
    fn from(u: &Unit) -> UnitEntry {
        UnitEntry {
            code: u.code(),
            name: Some(u.name().to_owned()),
            parent: u.parent(),
            valid_from: u.valid_from(),
            valid_to: u.valid_to(),
            era: None,
        }
    }
}

crate::wire::wire_struct! {
/// One part of a v2 figure's breakdown: a free-text label (as v1 parts
/// have), dimension values, an actor, and a value of any value type.
///
/// ```
/// let p: danvan::PartV2 = serde_json::from_str(r#"{"label": "collective", "value": 11}"#).unwrap();
/// assert_eq!(p.label.as_deref(), Some("collective"));
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "PartV2"))]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct PartV2 {
    /// A free-text label, kept as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Who did it, when not the figure's actor.
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "actor_set")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "actor_set_schema"))]
    pub actor: Vec<Actor>,
    /// Dimension values (step (c) gives them meaning).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", deserialize_with = "strict_map")]
    pub dims: BTreeMap<IndicatorId, IndicatorId>,
    /// Its value.
    pub value: FigureValue,
}
}

crate::wire::wire_struct! {
/// A breakdown ("trong đó"): complete (the parts add up to the whole) or
/// partial ("trong đó có": their sum stays within it).
///
/// ```
/// let p: danvan::Breakdown = serde_json::from_str(r#"{"complete": false, "items": [{"value": 17}]}"#).unwrap();
/// assert_eq!(p.items.len(), 1);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "Parts"))]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Breakdown {
    /// Whether the parts are exhaustive.
    pub complete: bool,
    /// The parts.
    pub items: Vec<PartV2>,
}
}

/// Which way a stated change goes.
///
/// ```
/// let d: danvan::ChangeDirection = serde_json::from_str(r#""times""#).unwrap();
/// assert_eq!(d, danvan::ChangeDirection::Times);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ChangeDirection {
    /// "tăng N": the figure's value is N, the size of the increase.
    Increase,
    /// "giảm N": the figure's value is N, the size of the decrease.
    Decrease,
    /// "gấp K lần": `factor` is K; the figure has no value.
    Times,
}

crate::wire::wire_struct! {
/// A stated change: the figure is a change compared to another period
/// ("tăng 12 so với năm 2022"), a figure of its own.
///
/// ```
/// let c: danvan::StatedChange = serde_json::from_str(r#"{"direction": "times", "factor": "1.5",
///     "compared_to": {"start": "2022-01-01", "end": "2022-12-31"}}"#).unwrap();
/// assert_eq!(c.factor.map(|f| f.to_string()), Some("1.5".to_string()));
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "StatedChange"))]
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct StatedChange {
    /// Increase, decrease or times.
    pub direction: ChangeDirection,
    /// The period it is compared to.
    pub compared_to: Period,
    /// K of "gấp K lần" (times only), a positive decimal.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::value::decimal_text_opt")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub factor: Option<Decimal>,
}
}

crate::wire::wire_struct! {
/// The higher body that gave an award: a city commending a district's
/// exemplars is not the district's own award. At least one field is given.
///
/// ```
/// let a: danvan::AwardedBy = serde_json::from_str(r#"{"unit": "79", "actor": "government"}"#).unwrap();
/// assert_eq!(a.actor, Some(danvan::Actor::Government));
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "AwardedBy"))]
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct AwardedBy {
    /// The unit that gave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<UnitCode>,
    /// The level that gave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// The body that gave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<Actor>,
}
}

/// What identifies a v2 figure: two figures with the same key are the same
/// figure (stated twice); figures that differ in any field are different.
/// The period is the resolved form (the dataset's when the figure names none).
///
/// ```
/// let json = r#"{"schema": "danvan/dataset/v2", "period": {"start": "2023-01-01", "end": "2023-12-31"},
///     "figures": [{"indicator": "documents", "unit": "30", "actor": "government", "value": 2},
///                 {"indicator": "documents", "unit": "30", "actor": "government", "value": 2,
///                  "period": {"start": "2023-01-01", "end": "2023-12-31"}}]}"#;
/// let d = danvan::DatasetV2::from_json(json.as_bytes())?;
/// assert_eq!(d.key_of(&d.figures[0]), d.key_of(&d.figures[1]));
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FigureKey {
    /// The indicator.
    pub indicator: IndicatorId,
    /// The unit.
    pub unit: UnitCode,
    /// The era of the unit ([`DatasetV2::unit_era`]): none for the
    /// dataset's current era. A predecessor's figure and its successor's are
    /// two keys even when the code is one.
    pub era: Option<NaiveDate>,
    /// The period as stated (the dataset's when none is).
    pub period: FigurePeriod,
    /// The actor or actor set, sorted.
    pub actor: Vec<Actor>,
    /// The dimension values.
    pub dims: BTreeMap<IndicatorId, IndicatorId>,
    /// The stated change, if the figure is one.
    pub change: Option<StatedChange>,
    /// Whether it is "thêm" (on top of an unstated base).
    pub additional: bool,
    /// Who gave the award, if a higher body did.
    pub awarded_by: Option<AwardedBy>,
}

crate::wire::wire_struct! {
/// A figure of model v2. Its key ([`FigureKey`]) is indicator, unit,
/// period, actor (one, or a set meaning *by any of them*), dimension values,
/// the stated change, "additional" and awarded-by; `named` recipients may
/// stand for its count.
///
/// ```
/// let f: danvan::FigureV2 = serde_json::from_str(r#"{"id": "f7", "indicator": "documents",
///     "unit": "30", "actor": ["party_committees", "government"], "value": 3}"#).unwrap();
/// assert_eq!(f.actor.len(), 2);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "FigureV2"))]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct FigureV2 {
    /// The id relations name it by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<RecordId>,
    /// What is measured (an id of the catalogue).
    pub indicator: IndicatorId,
    /// The unit it is for.
    pub unit: UnitCode,
    /// The period, when not the dataset's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<FigurePeriod>,
    /// The actor, or an actor set.
    #[serde(with = "actor_set")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "actor_set_schema"))]
    pub actor: Vec<Actor>,
    /// Dimension values (step (c) gives them meaning).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", deserialize_with = "strict_map")]
    pub dims: BTreeMap<IndicatorId, IndicatorId>,
    /// The value, of the indicator's value type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<FigureValue>,
    /// The breakdown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parts: Option<Breakdown>,
    /// A stated change compared to another period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<StatedChange>,
    /// The recipients named instead of (or beside) a count. The count is
    /// the list's length: a name given twice is two recipients (two people
    /// may share a name), which `check_v2` notes naming it (DV210).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub named: Vec<String>,
    /// "thêm": on top of an unstated base, never a total.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub additional: bool,
    /// The higher body that gave the award.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub awarded_by: Option<AwardedBy>,
}
}

impl FigureV2 {
    /// The count: the value when it is a count, otherwise the number of
    /// recipients named; `None` for other value types.
    ///
    /// ```
    /// let f: danvan::FigureV2 = serde_json::from_str(r#"{"indicator": "contest_prizes", "unit": "66",
    ///     "actor": "party_committees", "named": ["Đội A (synthetic)", "Đội B (synthetic)"]}"#).unwrap();
    /// assert_eq!(f.count(), Some(danvan::Interval::exact(2)));
    /// ```
    #[must_use]
    pub fn count(&self) -> Option<Interval<u64>> {
        match &self.value {
            Some(FigureValue::Count(r)) => Some(r.interval()),
            Some(_) => None,
            None if self.named.is_empty() => None,
            None => Some(Interval::exact(
                u64::try_from(self.named.len()).unwrap_or(u64::MAX),
            )),
        }
    }

    /// The amount, normalised (nghìn, triệu, tỷ applied), as an interval
    /// by its word; `None` when the value is not an amount.
    ///
    /// # Errors
    ///
    /// The errors of [`Measure::interval`](crate::Measure::interval).
    ///
    /// ```
    /// let f: danvan::FigureV2 = serde_json::from_str(r#"{"indicator": "funds_raised", "unit": "30",
    ///     "actor": "front", "value": {"amount": "1.7", "scale": "tỷ", "unit": "đồng", "qualifier": "at_least"}}"#).unwrap();
    /// let i = f.amount()?.expect("an amount");
    /// assert_eq!(i.low().get(), rust_decimal::Decimal::from(1_700_000_000u64));
    /// assert_eq!(i.high(), None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn amount(&self) -> Result<Option<Interval<Amount>>, Error> {
        match &self.value {
            Some(FigureValue::Amount(a)) => a.normalised().interval().map(Some),
            _ => Ok(None),
        }
    }

    /// The one-figure shape rules: a value, names or a `times` change; a
    /// `times` change has a factor and no value; a stated count equals the
    /// names.
    fn check_shape(&self) -> Result<(), Error> {
        let shape = |why| Err(ErrorKind::FigureShape { why }.into());
        let times = self
            .change
            .as_ref()
            .filter(|c| c.direction == ChangeDirection::Times);
        if let Some(c) = times {
            if c.factor.is_none() {
                return shape("a \"times\" change needs its factor");
            }
            if self.value.is_some() {
                return shape("a \"times\" change states its factor, not a value");
            }
        } else if self.change.as_ref().is_some_and(|c| c.factor.is_some()) {
            return shape("only a \"times\" change has a factor");
        }
        if self.value.is_none() && self.named.is_empty() && times.is_none() {
            return shape("it has no value and names no recipients");
        }
        if self
            .awarded_by
            .as_ref()
            .is_some_and(|a| a.unit.is_none() && a.level.is_none() && a.actor.is_none())
        {
            return shape("awarded_by names no unit, level or actor");
        }
        if self.named.is_empty() {
            return Ok(());
        }
        let named = u64::try_from(self.named.len()).unwrap_or(u64::MAX);
        match &self.value {
            None => Ok(()),
            Some(FigureValue::Count(r)) if r.interval().contains(named) => Ok(()),
            Some(v) => Err(ErrorKind::NamedCountMismatch {
                stated: v.to_string().as_str().into(),
                named,
            }
            .into()),
        }
    }
}

crate::wire::wire_struct! {
/// A relation a dataset declares between figure ids: `sum_of` with
/// `equals`, `at_most` with `of`, or `equal` (step (e) checks them).
///
/// ```
/// let r: danvan::RelationDecl = serde_json::from_str(r#"{"id": "r", "at_most": "f4", "of": "f2"}"#).unwrap();
/// assert!(r.at_most.is_some());
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "RelationDecl"))]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct RelationDecl {
    /// The relation's id.
    pub id: RecordId,
    /// Figures whose sum …
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sum_of: Vec<RecordId>,
    /// … equals this figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<RecordId>,
    /// … or is at most this figure (the parts of a whole that a report does
    /// not say are all of it: prizes within the teams).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<RecordId>,
    /// A figure that is at most …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_most: Option<RecordId>,
    /// … this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<RecordId>,
    /// Figures that are equal.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub equal: Vec<RecordId>,
}
}

impl RelationDecl {
    /// The figure ids it names.
    fn ids(&self) -> impl Iterator<Item = &RecordId> + '_ {
        self.sum_of
            .iter()
            .chain(self.equals.iter())
            .chain(self.within.iter())
            .chain(self.at_most.iter())
            .chain(self.of.iter())
            .chain(self.equal.iter())
    }

    /// Whether it is exactly one of the three forms.
    fn well_formed(&self) -> bool {
        let sum = !self.sum_of.is_empty() && (self.equals.is_some() != self.within.is_some());
        let at_most = self.at_most.is_some() && self.of.is_some();
        let equal = self.equal.len() >= 2;
        let none_sum = self.sum_of.is_empty() && self.equals.is_none() && self.within.is_none();
        let none_at_most = self.at_most.is_none() && self.of.is_none();
        (sum && none_at_most && self.equal.is_empty())
            || (at_most && none_sum && self.equal.is_empty())
            || (equal && none_sum && none_at_most)
    }
}

crate::wire::wire_struct! {
/// A dataset of model v2: the `danvan/dataset/v2` envelope.
///
/// [`DatasetV2::from_json`] reads v2 documents and v1 documents alike; a v1
/// document is upgraded without loss ([`DatasetV2::from_v1`]).
///
/// ```
/// let json = r#"{"schema": "danvan/dataset/v2", "root": "816", "as_of": "2025-11-15",
///     "period": {"start": "2025-01-01", "end": "2025-12-31"},
///     "units": [{"code": "89"}, {"code": "816", "name": "Huyện X (synthetic)", "parent": "89"}],
///     "figures": [{"id": "f1", "indicator": "documents", "unit": "816", "actor": "other", "value": 4}]}"#;
/// let d = danvan::DatasetV2::from_json(json.as_bytes())?;
/// assert_eq!(d.figures.len(), 1);
/// assert_eq!(danvan::DatasetV2::from_json(d.to_json().as_bytes())?, d);
/// # Ok::<(), danvan::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "DatasetV2"))]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetV2 {
    /// The format version.
    pub schema: SchemaV2,
    /// A title for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The unit the dataset speaks for (the whole hierarchy when left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub root: Option<UnitCode>,
    /// The date "nay" / "đến nay" means.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::period::date_serde::option")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<NaiveDate>"))]
    pub as_of: Option<NaiveDate>,
    /// The default period of figures and records.
    pub period: Period,
    /// The file name of the province's catalogue (the app reads it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalogue: Option<String>,
    /// The name of a units file the app loads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub units_file: Option<String>,
    /// Inline catalogue entries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<CatalogueEntry>,
    /// Custom dimensions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dimensions: Vec<DimensionDecl>,
    /// Units, from the root down; ancestors by code (a name optional).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<UnitEntry>,
    /// Grassroots mobilization blocks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocks: Vec<GrassrootsBlock>,
    /// Village mobilization teams.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub teams: Vec<VillageTeam>,
    /// "Dân vận khéo" models.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub models: Vec<SkilfulModel>,
    /// Conferences.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conferences: Vec<Conference>,
    /// Documents issued.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<IssuedDocument>,
    /// Inspection and supervision sessions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inspections: Vec<Inspection>,
    /// Dialogues with citizens.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dialogues: Vec<Dialogue>,
    /// Citizen receptions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub receptions: Vec<CitizenReception>,
    /// Site-clearance drives.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clearances: Vec<SiteClearance>,
    /// Awards.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub awards: Vec<Award>,
    /// The v2 figures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<FigureV2>,
    /// Declared relations between figure ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<RelationDecl>,
    /// The work plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<WorkPlan>,
}
}

impl DatasetV2 {
    /// Reads a v2 document, or a v1 document upgraded, within [`Limits::default`].
    ///
    /// # Errors
    ///
    /// The errors of [`from_json_with_limits`](DatasetV2::from_json_with_limits).
    ///
    /// ```
    /// let v1 = r#"{"schema": "danvan/dataset/v1", "period": {"start": "2022-01-01", "end": "2022-12-31"},
    ///     "figures": [{"indicator": "documents", "unit": "30", "actor": "other", "value": 2,
    ///                  "parts": [{"label": "synthetic part", "value": 1}]}]}"#;
    /// let d = danvan::DatasetV2::from_json(v1.as_bytes())?;
    /// let parts = d.figures[0].parts.as_ref().unwrap();
    /// assert_eq!(parts.items[0].label.as_deref(), Some("synthetic part"));
    /// assert!(!parts.complete);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn from_json(reader: impl Read) -> Result<DatasetV2, Error> {
        DatasetV2::from_json_with_limits(reader, &Limits::default())
    }

    /// Reads a v2 or v1 document within `limits`, as
    /// [`Dataset::from_json_with_limits`] reads v1: bytes, nesting and string
    /// lengths before the JSON reader builds anything, the records after
    /// (units, indicators, dimensions, figures, relations and records count).
    /// The figure ids must be unique, and relations must be well formed and
    /// name figure ids of the dataset (checking them is for later steps).
    ///
    /// # Errors
    ///
    /// The errors of [`Dataset::from_json_with_limits`];
    /// [`ErrorKind::IdUsedTwice`], [`ErrorKind::RelationShape`],
    /// [`ErrorKind::UnknownFigureId`]; [`ErrorKind::NotUpgradable`] for a v1
    /// figure with both a count and an amount.
    ///
    /// ```
    /// let json = r#"{"schema": "danvan/dataset/v2", "period": {"start": "2022-01-01", "end": "2022-12-31"},
    ///     "relations": [{"id": "r", "equal": ["a", "b"]}]}"#;
    /// assert_eq!(danvan::DatasetV2::from_json(json.as_bytes()).unwrap_err().code(), "DV170");
    /// ```
    pub fn from_json_with_limits(reader: impl Read, limits: &Limits) -> Result<DatasetV2, Error> {
        let bytes = crate::dataset::read_scanned(reader, limits)?;
        if !is_v2(&bytes) {
            return DatasetV2::from_v1(Dataset::from_json_with_limits(&bytes[..], limits)?);
        }
        let dataset = crate::dataset::parse_within(&bytes, limits, DatasetV2::record_count)?;
        dataset.check_ids()?;
        for f in &dataset.figures {
            f.check_shape()?;
        }
        Ok(dataset)
    }

    /// Upgrades a v1 dataset without loss: v1 custom indicators become
    /// catalogue entries, units keep every field (no era), each figure keeps
    /// its period (none: the dataset's), actor, value or amount, and its parts
    /// as a partial breakdown with their free-text labels.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::NotUpgradable`] for a figure with both a count and
    /// an amount (which [`check`](crate::check) rejects too).
    ///
    /// ```
    /// let d = danvan::Dataset::new(danvan::Period::year(2022)?);
    /// let v2 = danvan::DatasetV2::from_v1(d)?;
    /// assert_eq!(v2.schema, danvan::SchemaV2::V2);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn from_v1(d: Dataset) -> Result<DatasetV2, Error> {
        let mut figures = Vec::with_capacity(d.figures.len());
        for (i, f) in d.figures.into_iter().enumerate() {
            let value = match (f.value, f.amount) {
                (Some(_), Some(_)) => {
                    return Err(ErrorKind::NotUpgradable {
                        index: u64::try_from(i).unwrap_or(u64::MAX),
                        why: "both a count and an amount",
                    }
                    .into())
                }
                (Some(v), None) => Some(FigureValue::Count(v)),
                (None, Some(m)) => Some(FigureValue::Amount(m.into())),
                (None, None) => None,
            };
            let parts = if f.parts.is_empty() {
                None
            } else {
                Some(Breakdown {
                    // v1 parts are checked as a partial breakdown: within the whole.
                    complete: false,
                    items: f
                        .parts
                        .into_iter()
                        .map(|p| PartV2 {
                            label: Some(p.label),
                            actor: Vec::new(),
                            dims: BTreeMap::new(),
                            value: FigureValue::Count(p.value),
                        })
                        .collect(),
                })
            };
            figures.push(FigureV2 {
                id: None,
                indicator: f.indicator,
                unit: f.unit,
                period: f.period.map(FigurePeriod::Dates),
                actor: f.actors,
                dims: BTreeMap::new(),
                value,
                parts,
                change: None,
                named: Vec::new(),
                additional: false,
                awarded_by: None,
            });
        }
        Ok(DatasetV2 {
            schema: SchemaV2::V2,
            title: d.title,
            root: None,
            as_of: None,
            period: d.period,
            catalogue: None,
            units_file: d.units_file,
            indicators: d.indicators.iter().map(CatalogueEntry::from).collect(),
            dimensions: Vec::new(),
            units: d.units.iter().map(UnitEntry::from).collect(),
            blocks: d.blocks,
            teams: d.teams,
            models: d.models,
            conferences: d.conferences,
            documents: d.documents,
            inspections: d.inspections,
            dialogues: d.dialogues,
            receptions: d.receptions,
            clearances: d.clearances,
            awards: d.awards,
            figures,
            relations: Vec::new(),
            plan: d.plan,
        })
    }

    /// Writes the dataset as pretty-printed JSON (`danvan/dataset/v2`).
    ///
    /// ```
    /// let d = danvan::DatasetV2::from_v1(danvan::Dataset::new(danvan::Period::year(2022)?))?;
    /// assert!(d.to_json().contains("\"schema\": \"danvan/dataset/v2\""));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn to_json(&self) -> String {
        // Serializing plain data with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Everything the record limit counts: units, catalogue entries,
    /// dimensions, records, figures and relations.
    ///
    /// ```
    /// let d = danvan::DatasetV2::from_v1(danvan::Dataset::new(danvan::Period::year(2022)?))?;
    /// assert_eq!(d.record_count(), 0);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn record_count(&self) -> usize {
        [
            self.units.len(),
            self.indicators.len(),
            self.dimensions.len(),
            self.blocks.len(),
            self.teams.len(),
            self.models.len(),
            self.conferences.len(),
            self.documents.len(),
            self.inspections.len(),
            self.dialogues.len(),
            self.receptions.len(),
            self.clearances.len(),
            self.awards.len(),
            self.figures.len(),
            self.relations.len(),
        ]
        .iter()
        .fold(0usize, |a, n| a.saturating_add(*n))
    }

    /// The catalogue of this dataset: `base` (the built-ins, or the file the
    /// dataset names, read by [`Catalogue::from_json`]) with the inline entries.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::IndicatorDefinedTwice`] for an inline id already in `base`.
    ///
    /// ```
    /// let d = danvan::DatasetV2::from_v1(danvan::Dataset::new(danvan::Period::year(2022)?))?;
    /// assert_eq!(d.catalogue_on(danvan::Catalogue::builtin())?.len(), danvan::Builtin::ALL.len());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn catalogue_on(&self, base: Catalogue) -> Result<Catalogue, Error> {
        base.with_entries(self.indicators.iter().cloned())
    }

    /// The hierarchy of the dataset's units of the current era (no `era`).
    /// In a rooted dataset the ancestors named by code only stand in with
    /// their code as name (an ancestor may also carry its name: the body a
    /// report says gave an award), the root must be named, and every other
    /// named unit must be the root or under it.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::RootNotListed`], [`ErrorKind::UnitOutsideRoot`],
    /// [`ErrorKind::UnitEntryInvalid`] (a unit without name in a dataset
    /// without root, or below the root), and the errors of [`Hierarchy::new`].
    ///
    /// ```
    /// let json = r#"{"schema": "danvan/dataset/v2", "root": "816",
    ///     "period": {"start": "2025-01-01", "end": "2025-12-31"},
    ///     "units": [{"code": "89"}, {"code": "816", "name": "Huyện X (synthetic)", "parent": "89"},
    ///               {"code": "30280", "name": "Xã Y (synthetic)", "parent": "816"}]}"#;
    /// let d = danvan::DatasetV2::from_json(json.as_bytes())?;
    /// let h = d.hierarchy()?;
    /// assert_eq!(h.len(), 3);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn hierarchy(&self) -> Result<Hierarchy, Error> {
        let current = self.era_units(None)?;
        let hierarchy = Hierarchy::new(current.iter().map(|u| u.to_unit()).collect())?;
        let Some(root) = self.root else {
            if let Some(u) = current.iter().find(|u| u.name.is_none()) {
                return Err(ErrorKind::UnitEntryInvalid {
                    code: u.code.to_string().as_str().into(),
                    why: "a unit named by code only is an ancestor of the dataset's root, and the dataset has no root",
                }
                .into());
            }
            return Ok(hierarchy);
        };
        let root_text = root.to_string();
        let root_named = current.iter().any(|u| u.code == root && u.name.is_some());
        let Some(root_idx) = hierarchy.index_of(&root).filter(|_| root_named) else {
            return Err(ErrorKind::RootNotListed {
                root: root_text.as_str().into(),
            }
            .into());
        };
        let ancestors: HashSet<_> = hierarchy.ancestors(root_idx).collect();
        for u in &current {
            let Some(idx) = hierarchy.index_of(&u.code) else {
                continue;
            };
            let under = idx == root_idx || hierarchy.ancestors(idx).any(|a| a == root_idx);
            if u.name.is_none() && !ancestors.contains(&idx) {
                return Err(ErrorKind::UnitEntryInvalid {
                    code: u.code.to_string().as_str().into(),
                    why: "only an ancestor of the dataset's root may be named by code only",
                }
                .into());
            }
            // An ancestor may carry its name (an awarding body the report names).
            if u.name.is_some() && !under && !ancestors.contains(&idx) {
                return Err(ErrorKind::UnitOutsideRoot {
                    code: u.code.to_string().as_str().into(),
                    root: root_text.as_str().into(),
                }
                .into());
            }
        }
        Ok(hierarchy)
    }

    /// The units of one era (none: the current era), each code once.
    fn era_units(&self, era: Option<NaiveDate>) -> Result<Vec<&UnitEntry>, Error> {
        let units: Vec<&UnitEntry> = self.units.iter().filter(|u| u.era == era).collect();
        let mut seen = HashSet::new();
        for u in &units {
            if !seen.insert(u.code) {
                return Err(ErrorKind::UnitEntryInvalid {
                    code: u.code.to_string().as_str().into(),
                    why: "listed twice in one era",
                }
                .into());
            }
            // A name set in code that says nothing (the reader refuses it).
            if u.name.as_deref().is_some_and(crate::unit::name_is_empty) {
                return Err(ErrorKind::UnitEntryInvalid {
                    code: u.code.to_string().as_str().into(),
                    why: "its name is empty or only whitespace: expected the unit's name, or none for a unit by code only",
                }
                .into());
            }
        }
        Ok(units)
    }

    /// The eras other than the current one that the units name, in order.
    ///
    /// ```
    /// let json = r#"{"schema": "danvan/dataset/v2", "period": {"start": "2025-01-01", "end": "2025-12-31"},
    ///     "units": [{"code": "26734", "name": "Xã Mới (synthetic)", "valid_from": "2025-07-01"},
    ///               {"code": "26734", "name": "Xã Cũ (synthetic)", "era": "2008-01-01", "valid_to": "2025-06-30"}]}"#;
    /// let d = danvan::DatasetV2::from_json(json.as_bytes())?;
    /// assert_eq!(d.other_eras(), vec![chrono::NaiveDate::from_ymd_opt(2008, 1, 1).unwrap()]);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn other_eras(&self) -> Vec<NaiveDate> {
        let eras: std::collections::BTreeSet<NaiveDate> =
            self.units.iter().filter_map(|u| u.era).collect();
        eras.into_iter().collect()
    }

    /// The hierarchy of the units of another era (a predecessor commune with
    /// its district): each unit's parent is a unit of the same era, each
    /// unit is valid from its era on ([`UnitEntry::validity`]); a unit named
    /// by code only is the parent of a unit of its era. The root's rules are
    /// the current era's ([`DatasetV2::hierarchy`]).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnitEntryInvalid`] (a code twice in the era, a unit by
    /// code only with no unit of the era under it) and the errors of
    /// [`Hierarchy::new`] (a parent not in the era: [`ErrorKind::UnknownParent`]).
    ///
    /// ```
    /// let json = r#"{"schema": "danvan/dataset/v2", "period": {"start": "2025-01-01", "end": "2025-12-31"},
    ///     "units": [{"code": "79", "era": "2008-01-01"}, {"code": "816", "parent": "79", "era": "2008-01-01"},
    ///               {"code": "26734", "name": "Xã Cũ (synthetic)", "parent": "816", "era": "2008-01-01"}]}"#;
    /// let d = danvan::DatasetV2::from_json(json.as_bytes())?;
    /// let era = chrono::NaiveDate::from_ymd_opt(2008, 1, 1).unwrap();
    /// assert_eq!(d.era_hierarchy(era)?.len(), 3);
    /// // The district's province is not listed in the era: no parent there.
    /// let orphan = json.replace(r#"{"code": "79", "era": "2008-01-01"},"#, "");
    /// let d = danvan::DatasetV2::from_json(orphan.as_bytes())?;
    /// assert_eq!(d.era_hierarchy(era).unwrap_err().code(), "DV032");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn era_hierarchy(&self, era: NaiveDate) -> Result<Hierarchy, Error> {
        let units = self.era_units(Some(era))?;
        for u in units.iter().filter(|u| u.name.is_none()) {
            if !units.iter().any(|c| c.parent == Some(u.code)) {
                return Err(ErrorKind::UnitEntryInvalid {
                    code: u.code.to_string().as_str().into(),
                    why: "a unit of another era named by code only is the parent of a unit of its era",
                }
                .into());
            }
        }
        Hierarchy::new(units.iter().map(|u| u.to_unit()).collect())
    }

    /// The era of a figure's unit (none: the current era): the one unit of
    /// its code, when its validity covers the figure's period; among several
    /// units of one code (a predecessor and its successor), the one whose
    /// validity covers the period ([`UnitEntry::covers`]). When several
    /// cover it and one of them only is named, the named one: a unit named
    /// by code only stands in for an ancestor and never holds a figure.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownUnit`] for a code not listed;
    /// [`ErrorKind::UnitNotValidForPeriod`] when the code's one unit is not
    /// valid for the whole period; [`ErrorKind::UnitEraNotFound`] when the
    /// code is listed in several eras and none covers the period (or the
    /// period is not known); [`ErrorKind::UnitEraAmbiguous`] when several
    /// named units do (or several by code only, none named).
    ///
    /// ```
    /// let json = r#"{"schema": "danvan/dataset/v2", "period": {"start": "2025-01-01", "end": "2025-12-31"},
    ///     "units": [{"code": "26734", "name": "Xã Mới (synthetic)", "valid_from": "2025-07-01"},
    ///               {"code": "26734", "name": "Xã Cũ (synthetic)", "era": "2008-01-01", "valid_to": "2025-06-30"}],
    ///     "figures": [{"indicator": "documents", "unit": "26734", "actor": "government", "value": 2,
    ///                  "period": {"start": "2025-01-01", "end": "2025-06-30"}},
    ///                 {"indicator": "documents", "unit": "26734", "actor": "government", "value": 3,
    ///                  "period": {"start": "2025-07-01", "end": "2025-12-31"}},
    ///                 {"indicator": "documents", "unit": "26734", "actor": "government", "value": 5}]}"#;
    /// let d = danvan::DatasetV2::from_json(json.as_bytes())?;
    /// assert_eq!(d.unit_era(&d.figures[0])?, chrono::NaiveDate::from_ymd_opt(2008, 1, 1));
    /// assert_eq!(d.unit_era(&d.figures[1])?, None);
    /// assert_eq!(d.unit_era(&d.figures[2]).unwrap_err().code(), "DV207");
    ///
    /// // A city listed in the old era by code only (its old ward's parent):
    /// // its first-half figure is the current city's, the stand-in holds none.
    /// let city = r#"{"schema": "danvan/dataset/v2", "period": {"start": "2025-01-01", "end": "2025-12-31"},
    ///     "units": [{"code": "79", "name": "Thành phố Mẫu (synthetic)"},
    ///               {"code": "79", "era": "2008-01-01", "valid_to": "2025-06-30"},
    ///               {"code": "26734", "name": "Xã Cũ (synthetic)", "parent": "79", "era": "2008-01-01", "valid_to": "2025-06-30"}],
    ///     "figures": [{"indicator": "documents", "unit": "79", "actor": "government", "value": 2,
    ///                  "period": {"start": "2025-01-01", "end": "2025-06-30"}}]}"#;
    /// let d = danvan::DatasetV2::from_json(city.as_bytes())?;
    /// assert_eq!(d.unit_era(&d.figures[0])?, None);
    /// // Named in both eras, both covering the half: ambiguous, not chosen.
    /// let named = city.replace(r#"{"code": "79", "era""#, r#"{"code": "79", "name": "Thành phố Cũ (synthetic)", "era""#);
    /// let d = danvan::DatasetV2::from_json(named.as_bytes())?;
    /// assert_eq!(d.unit_era(&d.figures[0]).unwrap_err().code(), "DV208");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn unit_era(&self, f: &FigureV2) -> Result<Option<NaiveDate>, Error> {
        let entries: Vec<&UnitEntry> = self.units.iter().filter(|u| u.code == f.unit).collect();
        self.era_among(&entries, f)
    }

    /// A sum's overflow (DV100) at a unit of `era`, naming the era when the
    /// unit's code is listed in more than one era (the same code is then
    /// two units, as DV207/DV208 word it); any other error as it is.
    pub(crate) fn overflow_in_era(&self, era: Option<NaiveDate>, e: Error) -> Error {
        match e.into_kind() {
            ErrorKind::TotalOverflow {
                unit,
                indicator,
                era: None,
            } => {
                let eras: HashSet<Option<NaiveDate>> = unit
                    .parse::<UnitCode>()
                    .map(|code| {
                        self.units
                            .iter()
                            .filter(|u| u.code == code)
                            .map(|u| u.era)
                            .collect()
                    })
                    .unwrap_or_default();
                ErrorKind::TotalOverflow {
                    unit,
                    indicator,
                    era: (eras.len() > 1).then(|| era_text(era).as_str().into()),
                }
                .into()
            }
            other => other.into(),
        }
    }

    /// The units by code, for many look-ups ([`DatasetV2::unit_era_in`]).
    pub(crate) fn units_by_code(&self) -> UnitsByCode<'_> {
        let mut map: std::collections::HashMap<UnitCode, Vec<&UnitEntry>> =
            std::collections::HashMap::new();
        for u in &self.units {
            map.entry(u.code).or_default().push(u);
        }
        UnitsByCode(map)
    }

    /// [`DatasetV2::unit_era`] with the units looked up by code.
    pub(crate) fn unit_era_in(
        &self,
        units: &UnitsByCode<'_>,
        f: &FigureV2,
    ) -> Result<Option<NaiveDate>, Error> {
        let entries = units.0.get(&f.unit).map_or(&[][..], Vec::as_slice);
        self.era_among(entries, f)
    }

    /// The era among the units of the figure's code: [`resolve_era`] by the
    /// figure's period.
    fn era_among(&self, entries: &[&UnitEntry], f: &FigureV2) -> Result<Option<NaiveDate>, Error> {
        let period = self.figure_period(f).ok().flatten();
        let period_text = || -> crate::Excerpt {
            let text = match (period, f.period) {
                (Some(p), _) => p.to_string(),
                (None, None | Some(FigurePeriod::Unknown)) => "unknown".to_owned(),
                (None, Some(stated)) => serde_json::to_string(&stated).unwrap_or_default(),
            };
            text.as_str().into()
        };
        resolve_era(entries, f.unit, period, "figure's period", period_text)
    }

    /// The era of a record's unit (none: the current era), resolved by the
    /// same rule as a figure's ([`DatasetV2::unit_era`]), the record's date
    /// standing for the period: a dated record by its date. A body or a
    /// model (which has no date) on a code listed once (one unit entry) is
    /// that unit's era, with no date check; on a code listed in several
    /// eras, by the day the v1 unit rule reads, the period's end (the era
    /// whose unit is valid on it). A code listed in the current era only
    /// (or not listed) is the current era's, where the v1 record rules
    /// judge it (unknown: DV063; not valid on the date: DV064).
    ///
    /// # Errors
    ///
    /// For a code listed in another era: [`ErrorKind::UnitNotValidForPeriod`]
    /// when its one unit is not valid on the record's date, [`ErrorKind::UnitEraNotFound`]
    /// when none of its eras is valid on the date (or, without a date, the
    /// period's end), [`ErrorKind::UnitEraAmbiguous`] when several named
    /// units are (one named unit among units by code only is the record's).
    ///
    /// ```
    /// let json = r#"{"schema": "danvan/dataset/v2", "period": {"start": "2025-01-01", "end": "2025-12-31"},
    ///     "units": [{"code": "26734", "name": "Xã Mới (synthetic)", "valid_from": "2025-07-01"},
    ///               {"code": "26734", "name": "Xã Cũ (synthetic)", "era": "2008-01-01", "valid_to": "2025-06-30"}],
    ///     "documents": [{"unit": "26734", "date": "2025-03-01", "actor": "government", "kind": "leadership"},
    ///                   {"unit": "26734", "date": "2025-09-01", "actor": "government", "kind": "leadership"}]}"#;
    /// let d = danvan::DatasetV2::from_json(json.as_bytes())?;
    /// let era = |i: usize| d.record_era(danvan::RecordRef::Document(&d.documents[i]));
    /// assert_eq!(era(0)?, chrono::NaiveDate::from_ymd_opt(2008, 1, 1));
    /// assert_eq!(era(1)?, None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn record_era(&self, record: RecordRef<'_>) -> Result<Option<NaiveDate>, Error> {
        let code = record.unit();
        let entries: Vec<&UnitEntry> = self.units.iter().filter(|u| u.code == code).collect();
        self.record_era_among(&entries, record)
    }

    /// [`DatasetV2::record_era`] among the units of the record's code.
    fn record_era_among(
        &self,
        entries: &[&UnitEntry],
        record: RecordRef<'_>,
    ) -> Result<Option<NaiveDate>, Error> {
        if entries.iter().all(|u| u.era.is_none()) {
            return Ok(None);
        }
        let (day, dated) = record_day(record, self.period.end());
        // A record without a date on a code listed once is that unit's:
        // there is no day to tell eras apart by, and nothing else to choose.
        if let (false, [one]) = (dated, entries) {
            return Ok(one.era);
        }
        let text = || -> crate::Excerpt { day.format("%Y-%m-%d").to_string().as_str().into() };
        let period = Period::new(day, day).ok();
        // A body or a model has no date: the day read is the period's end.
        let what = if dated {
            "record's date"
        } else {
            "period's end (the record has no date)"
        };
        resolve_era(entries, record.unit(), period, what, text)
    }

    /// The era's part of the dataset's period: from the first day any named
    /// unit of the era is valid ([`UnitEntry::validity`]) to the last, within
    /// the period; none when the era lists no unit or lies outside the period.
    /// Its records are checked within it, and the report names it. A unit
    /// by code only does not count: it stands in for an ancestor (nothing
    /// of it is stated, DV211/DV213), and its code often lives on in the
    /// current era without a last day (an old city above wards that ended
    /// on 30 June: the era still ends on 30 June).
    ///
    /// ```
    /// let json = r#"{"schema": "danvan/dataset/v2", "period": {"start": "2025-01-01", "end": "2025-12-31"},
    ///     "units": [{"code": "26734", "name": "Xã Cũ (synthetic)", "era": "2008-01-01", "valid_to": "2025-06-30"}]}"#;
    /// let d = danvan::DatasetV2::from_json(json.as_bytes())?;
    /// let p = d.era_period(chrono::NaiveDate::from_ymd_opt(2008, 1, 1).unwrap()).unwrap();
    /// assert_eq!(p.to_string(), "2025-H1");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn era_period(&self, era: NaiveDate) -> Option<Period> {
        let units: Vec<&UnitEntry> = self
            .units
            .iter()
            .filter(|u| u.era == Some(era) && u.name.is_some())
            .collect();
        // An era's units are valid from their era on: a start is always known.
        let from = units.iter().filter_map(|u| u.validity().0).min()?;
        let to = if units.iter().any(|u| u.valid_to.is_none()) {
            None
        } else {
            units.iter().filter_map(|u| u.valid_to).max()
        };
        let start = from.max(self.period.start());
        let end = to.map_or(self.period.end(), |t| t.min(self.period.end()));
        Period::new(start, end).ok()
    }

    /// Every figure's value and every part's value against `catalogue`
    /// ([`Catalogue::check_value`]): the problems, with the figure's index.
    ///
    /// ```
    /// let json = r#"{"schema": "danvan/dataset/v2", "period": {"start": "2025-01-01", "end": "2025-12-31"},
    ///     "indicators": [{"id": "poor_rate", "kind": "stock", "value": "rate"}],
    ///     "figures": [{"indicator": "poor_rate", "unit": "30", "actor": "government", "value": {"percent": "130"}},
    ///                 {"indicator": "documents", "unit": "30", "actor": "government", "value": 2}]}"#;
    /// let d = danvan::DatasetV2::from_json(json.as_bytes())?;
    /// let problems = d.value_problems(&d.catalogue_on(danvan::Catalogue::builtin())?);
    /// assert_eq!(problems.len(), 1);
    /// assert_eq!((problems[0].0, problems[0].1.code().to_string()), (0, "DV164".to_string()));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn value_problems(&self, catalogue: &Catalogue) -> Vec<(usize, Error)> {
        let mut out = Vec::new();
        for (i, f) in self.figures.iter().enumerate() {
            let parts = f.parts.iter().flat_map(|p| &p.items).map(|p| &p.value);
            for value in f.value.iter().chain(parts) {
                if let Err(e) = catalogue.check_value(&f.indicator, value) {
                    out.push((i, e));
                }
            }
        }
        out
    }

    /// The dimensions of this dataset: the built-ins and its `dimensions`.
    ///
    /// # Errors
    ///
    /// The errors of [`Dimensions::new`].
    ///
    /// ```
    /// let d = danvan::DatasetV2::from_v1(danvan::Dataset::new(danvan::Period::year(2022)?))?;
    /// assert_eq!(d.dimensions()?.mode(&"recipient".parse()?), Some(danvan::DimensionMode::Additive));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn dimensions(&self) -> Result<Dimensions, Error> {
        Dimensions::new(&self.dimensions)
    }

    /// The dates a figure covers: its own period, or the dataset's when it
    /// names none; `None` when the report does not say when.
    ///
    /// # Errors
    ///
    /// The errors of [`FigurePeriod::resolve`] (a span "until now" in a
    /// dataset without `as_of`).
    ///
    /// ```
    /// let json = r#"{"schema": "danvan/dataset/v2", "period": {"start": "2021-01-01", "end": "2021-12-31"},
    ///     "as_of": "2021-10-01",
    ///     "figures": [{"indicator": "documents", "unit": "30", "actor": "government", "value": 2,
    ///                  "period": {"since": "2011-01-01"}}]}"#;
    /// let d = danvan::DatasetV2::from_json(json.as_bytes())?;
    /// let p = d.figure_period(&d.figures[0])?.expect("a known period");
    /// assert_eq!(p.to_string(), "2011-01-01/2021-10-01");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn figure_period(&self, f: &FigureV2) -> Result<Option<Period>, Error> {
        match &f.period {
            None => Ok(Some(self.period)),
            Some(p) => p.resolve(self.as_of),
        }
    }

    /// The key of a figure of this dataset ([`FigureKey`]).
    ///
    /// ```
    /// let json = r#"{"schema": "danvan/dataset/v2", "period": {"start": "2023-01-01", "end": "2023-12-31"},
    ///     "figures": [{"indicator": "commended", "unit": "30", "actor": "party_committees", "value": 8,
    ///                  "dims": {"recipient": "collective"}},
    ///                 {"indicator": "commended", "unit": "30", "actor": "party_committees", "value": 8,
    ///                  "dims": {"recipient": "individual"}}]}"#;
    /// let d = danvan::DatasetV2::from_json(json.as_bytes())?;
    /// assert_ne!(d.key_of(&d.figures[0]), d.key_of(&d.figures[1]));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn key_of(&self, f: &FigureV2) -> FigureKey {
        // A unit that does not resolve is reported by `check_v2`; its key
        // is then the current era's.
        self.key_in_era(f, self.unit_era(f).unwrap_or(None))
    }

    /// The key of a figure whose unit's era is known.
    pub(crate) fn key_in_era(&self, f: &FigureV2, era: Option<NaiveDate>) -> FigureKey {
        let mut actor = f.actor.clone();
        actor.sort_unstable();
        actor.dedup();
        FigureKey {
            indicator: f.indicator.clone(),
            unit: f.unit,
            era,
            period: f.period.unwrap_or(FigurePeriod::Dates(self.period)),
            actor,
            dims: f.dims.clone(),
            change: f.change.clone(),
            additional: f.additional,
            awarded_by: f.awarded_by.clone(),
        }
    }

    /// The dataset's records as a v1 [`Dataset`] (units of the current era,
    /// the period, the record arrays and the plan; no figures and no
    /// indicators, which records do not use): what the v1 record rules and
    /// [`Totals`](crate::Totals) read. Only the records of the current era
    /// ([`DatasetV2::record_era`]): a record of another era is in that era's
    /// [`DatasetV2::era_records_v1`], one that resolves to no era in neither.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnitEntryInvalid`] for a unit without name in a dataset
    /// without root (a rooted dataset's code-only ancestors stand in with
    /// their code as name, as in [`DatasetV2::hierarchy`]).
    ///
    /// ```
    /// let json = r#"{"schema": "danvan/dataset/v2", "period": {"start": "2022-01-01", "end": "2022-12-31"},
    ///     "units": [{"code": "30", "name": "Tỉnh Hải Dương"}],
    ///     "documents": [{"unit": "30", "date": "2022-05-01", "actor": "party_committees", "kind": "leadership"}]}"#;
    /// let d = danvan::DatasetV2::from_json(json.as_bytes())?;
    /// let v1 = d.records_v1()?;
    /// assert_eq!((v1.units.len(), v1.documents.len(), v1.figures.len()), (1, 1, 0));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn records_v1(&self) -> Result<Dataset, Error> {
        self.era_records(None).map(|e| e.dataset)
    }

    /// The records of another era as a v1 [`Dataset`]: the era's units (each
    /// valid from its era on, as in [`DatasetV2::era_hierarchy`], with no
    /// last day: each record is in the era by its unit's validity,
    /// [`DatasetV2::record_era`], not judged by it again), the era's
    /// part of the period ([`DatasetV2::era_period`]) and the records whose
    /// unit resolves to the era ([`DatasetV2::record_era`]); no plan. The v1
    /// record rules check them against the era's units, and the cube totals
    /// them within the era's hierarchy.
    ///
    /// # Errors
    ///
    /// None today beyond those of [`DatasetV2::records_v1`]; the era's
    /// hierarchy is checked by [`DatasetV2::era_hierarchy`].
    ///
    /// ```
    /// let json = r#"{"schema": "danvan/dataset/v2", "period": {"start": "2025-01-01", "end": "2025-12-31"},
    ///     "units": [{"code": "26734", "name": "Xã Mới (synthetic)", "valid_from": "2025-07-01"},
    ///               {"code": "26734", "name": "Xã Cũ (synthetic)", "era": "2008-01-01", "valid_to": "2025-06-30"}],
    ///     "documents": [{"unit": "26734", "date": "2025-03-01", "actor": "government", "kind": "leadership"},
    ///                   {"unit": "26734", "date": "2025-09-01", "actor": "government", "kind": "leadership"}]}"#;
    /// let d = danvan::DatasetV2::from_json(json.as_bytes())?;
    /// let old = d.era_records_v1(chrono::NaiveDate::from_ymd_opt(2008, 1, 1).unwrap())?;
    /// assert_eq!((old.units[0].name(), old.documents.len()), ("Xã Cũ (synthetic)", 1));
    /// assert_eq!(old.period.to_string(), "2025-H1");
    /// assert_eq!(d.records_v1()?.documents[0].date.to_string(), "2025-09-01");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn era_records_v1(&self, era: NaiveDate) -> Result<Dataset, Error> {
        self.era_records(Some(era)).map(|e| e.dataset)
    }

    /// The records of one era (none: the current era) with their places in
    /// the v2 document.
    pub(crate) fn era_records(&self, era: Option<NaiveDate>) -> Result<EraRecords, Error> {
        let period = era.map_or(self.period, |e| self.era_period(e).unwrap_or(self.period));
        let mut d = Dataset::new(period);
        d.title.clone_from(&self.title);
        d.units_file.clone_from(&self.units_file);
        let mut units = Vec::new();
        for (i, u) in self.units.iter().enumerate().filter(|(_, u)| u.era == era) {
            units.push(i);
            if era.is_some() {
                // No last day: a record of another era is placed in it by its
                // unit's validity ([`DatasetV2::record_era`]: a dated one on
                // a day its unit is valid, an undated one on a code listed
                // once with no date check), so the v1 rules, which read an
                // undated record's unit on the era's end, do not judge it
                // again (a ward ending before its era's end: no DV064).
                let (from, _) = u.validity();
                d.units.push(u.to_unit().with_validity(from, None));
                continue;
            }
            let name = match (&u.name, self.root) {
                (Some(n), _) => n.clone(),
                (None, Some(_)) => u.code.to_string(),
                (None, None) => {
                    return Err(ErrorKind::UnitEntryInvalid {
                        code: u.code.to_string().as_str().into(),
                        why: "a unit named by code only is an ancestor of the dataset's root, and the dataset has no root",
                    }
                    .into())
                }
            };
            d.units.push(
                Unit::new(u.code, name)
                    .with_parent(u.parent)
                    .with_validity(u.valid_from, u.valid_to),
            );
        }
        // Without another era every record is the current era's (no look-up).
        let by_code = self
            .units
            .iter()
            .any(|u| u.era.is_some())
            .then(|| self.units_by_code());
        let mut records = Vec::new();
        let mut take = |kind: RecordKind, r: RecordRef<'_>, i: usize| -> bool {
            let of_era = match &by_code {
                None => era.is_none(),
                Some(units) => {
                    let entries = units.0.get(&r.unit()).map_or(&[][..], Vec::as_slice);
                    matches!(self.record_era_among(entries, r), Ok(e) if e == era)
                }
            };
            // Places are kept only where eras are told apart.
            if of_era && by_code.is_some() {
                records.push((kind, i));
            }
            of_era
        };
        macro_rules! split {
            ($($list:ident: $kind:ident),* $(,)?) => {$(
                for (i, r) in self.$list.iter().enumerate() {
                    if take(RecordKind::$kind, RecordRef::$kind(r), i) {
                        d.$list.push(r.clone());
                    }
                }
            )*};
        }
        split!(
            blocks: Block,
            teams: Team,
            models: Model,
            conferences: Conference,
            documents: Document,
            inspections: Inspection,
            dialogues: Dialogue,
            receptions: Reception,
            clearances: Clearance,
            awards: Award,
        );
        if era.is_none() {
            d.plan.clone_from(&self.plan);
        }
        Ok(EraRecords {
            dataset: d,
            units,
            records,
        })
    }

    /// Which units of an era's hierarchy `h` (none: the current era's) sums
    /// and records totals may fill, by index — the one rule the cube's
    /// roll-up, its records totals, the report's predecessors and the check
    /// of records totalled nowhere read. The current era: the root and
    /// below (every unit without a root). Another era: its units listed
    /// with a name (one by code only stands in for a unit whose other
    /// sub-units the dataset does not list) and, when the root's code is in
    /// the era, not above that unit (an old district holding the root's
    /// code holds wards the dataset does not list).
    pub(crate) fn fill_scope(&self, era: Option<NaiveDate>, h: &Hierarchy) -> Vec<bool> {
        let root = self.root.and_then(|r| h.index_of(&r));
        match era {
            None => h
                .iter()
                .map(|(i, _)| root.map_or(true, |r| i == r || h.ancestors(i).any(|a| a == r)))
                .collect(),
            Some(e) => {
                let named: HashSet<UnitCode> = self
                    .units
                    .iter()
                    .filter(|u| u.era == Some(e) && u.name.is_some())
                    .map(|u| u.code)
                    .collect();
                let above: HashSet<crate::UnitIndex> =
                    root.map(|r| h.ancestors(r).collect()).unwrap_or_default();
                h.iter()
                    .map(|(i, u)| named.contains(&u.code()) && !above.contains(&i))
                    .collect()
            }
        }
    }

    /// Each record whose unit resolves to no era ([`DatasetV2::record_era`]):
    /// its kind, its index in its list and the error.
    pub(crate) fn record_era_problems(&self) -> Vec<(RecordKind, usize, Error)> {
        if self.units.iter().all(|u| u.era.is_none()) {
            return Vec::new();
        }
        self.record_eras()
            .into_iter()
            .filter_map(|(kind, i, _, era)| era.err().map(|e| (kind, i, e)))
            .collect()
    }

    /// Each record on a unit of its era whose records the totals never fill
    /// ([`DatasetV2::fill_scope`]; `hierarchy` gives each era's, none: the
    /// current era's): its kind, its index and the error (DV211). A record
    /// in no era or on a unit its era's hierarchy does not hold is left to
    /// the rules that report those.
    pub(crate) fn records_totalled_nowhere<'h>(
        &self,
        hierarchy: impl Fn(Option<NaiveDate>) -> Option<&'h Hierarchy>,
    ) -> Vec<(RecordKind, usize, Error)> {
        let eras = self.record_eras();
        let placed = eras
            .iter()
            .map(|(_, _, unit, era)| (*unit, era.as_ref().ok().copied()));
        self.outside_fill_scope(placed, hierarchy)
            .into_iter()
            .filter_map(|(at, unit, era)| {
                let (kind, i, _, _) = eras.get(at)?;
                let e = ErrorKind::RecordTotalledNowhere {
                    unit: unit.to_string().as_str().into(),
                    era: era_text(era).as_str().into(),
                };
                Some((*kind, *i, e.into()))
            })
            .collect()
    }

    /// Each figure on a unit of its era that the report never states
    /// ([`DatasetV2::fill_scope`], the rule of records totalled nowhere:
    /// above a rooted dataset's root; in another era, named by code only
    /// or above the root's code): its index and the error (DV213). A
    /// figure whose unit resolves to no era, or that its era's hierarchy
    /// does not hold, is left to the rules that report those.
    pub(crate) fn figures_stated_nowhere<'h>(
        &self,
        hierarchy: impl Fn(Option<NaiveDate>) -> Option<&'h Hierarchy>,
    ) -> Vec<(usize, Error)> {
        let units = self.units_by_code();
        let placed = self
            .figures
            .iter()
            .map(|f| (f.unit, self.unit_era_in(&units, f).ok()));
        self.outside_fill_scope(placed, hierarchy)
            .into_iter()
            .map(|(i, unit, era)| {
                let e = ErrorKind::FigureStatedNowhere {
                    unit: unit.to_string().as_str().into(),
                    era: era_text(era).as_str().into(),
                };
                (i, e.into())
            })
            .collect()
    }

    /// Of units each in its era (none: resolved to no era, skipped), those
    /// on a unit of their era's hierarchy outside its
    /// [`fill_scope`](DatasetV2::fill_scope): their positions, units and eras.
    fn outside_fill_scope<'h>(
        &self,
        placed: impl IntoIterator<Item = (UnitCode, Option<Option<NaiveDate>>)>,
        hierarchy: impl Fn(Option<NaiveDate>) -> Option<&'h Hierarchy>,
    ) -> Vec<(usize, UnitCode, Option<NaiveDate>)> {
        let mut out = Vec::new();
        let mut scopes: std::collections::HashMap<Option<NaiveDate>, Vec<bool>> =
            std::collections::HashMap::new();
        for (at, (unit, era)) in placed.into_iter().enumerate() {
            let Some(era) = era else { continue };
            let Some(h) = hierarchy(era) else { continue };
            let Some(idx) = h.index_of(&unit) else {
                continue;
            };
            let scope = scopes.entry(era).or_insert_with(|| self.fill_scope(era, h));
            if !scope.get(idx.get()).copied().unwrap_or(true) {
                out.push((at, unit, era));
            }
        }
        out
    }

    /// Every record, list by list in order: its kind, its index in its
    /// list, its unit and its era ([`DatasetV2::record_era`]; without
    /// another era, the current era's without look-up).
    pub(crate) fn record_eras(&self) -> Vec<RecordEra> {
        let mut out = Vec::new();
        let units = self
            .units
            .iter()
            .any(|u| u.era.is_some())
            .then(|| self.units_by_code());
        let mut look = |kind: RecordKind, r: RecordRef<'_>, i: usize| {
            let era = match &units {
                None => Ok(None),
                Some(units) => {
                    let entries = units.0.get(&r.unit()).map_or(&[][..], Vec::as_slice);
                    self.record_era_among(entries, r)
                }
            };
            out.push((kind, i, r.unit(), era));
        };
        macro_rules! each {
            ($($list:ident: $kind:ident),* $(,)?) => {$(
                for (i, r) in self.$list.iter().enumerate() {
                    look(RecordKind::$kind, RecordRef::$kind(r), i);
                }
            )*};
        }
        each!(
            blocks: Block,
            teams: Team,
            models: Model,
            conferences: Conference,
            documents: Document,
            inspections: Inspection,
            dialogues: Dialogue,
            receptions: Reception,
            clearances: Clearance,
            awards: Award,
        );
        out
    }

    /// Figure ids unique; relations well formed, unique, naming figure ids.
    fn check_ids(&self) -> Result<(), Error> {
        let mut figures = HashSet::new();
        for id in self.figures.iter().filter_map(|f| f.id.as_ref()) {
            if !figures.insert(id) {
                return Err(ErrorKind::IdUsedTwice {
                    id: id.as_str().into(),
                    what: "figures",
                }
                .into());
            }
        }
        let mut relations = HashSet::new();
        for r in &self.relations {
            if !relations.insert(&r.id) {
                return Err(ErrorKind::IdUsedTwice {
                    id: r.id.as_str().into(),
                    what: "relations",
                }
                .into());
            }
            if !r.well_formed() {
                return Err(ErrorKind::RelationShape {
                    relation: r.id.as_str().into(),
                }
                .into());
            }
            if let Some(missing) = r.ids().find(|id| !figures.contains(id)) {
                return Err(ErrorKind::UnknownFigureId {
                    relation: r.id.as_str().into(),
                    figure: missing.as_str().into(),
                }
                .into());
            }
        }
        Ok(())
    }
}

/// The one rule that resolves the era of a unit code for a figure's period
/// or a record's date (`what`): the code's one unit when its validity covers
/// the period (else DV209); among several units of one code, the one whose
/// validity covers it — none is DV207; a period not known goes to the one
/// named unit beside units by code only, and is DV207 else. When
/// several cover it and exactly one of them is named, it is that one: a unit
/// named by code only stands in for an ancestor and never holds a figure
/// (DV213) or a record (DV211), so it is no candidate (a deduction, not a
/// guess). Two or more named units covering it are DV208, naming their eras;
/// only units by code only covering it are DV208 too, naming theirs.
fn resolve_era(
    entries: &[&UnitEntry],
    code: UnitCode,
    period: Option<Period>,
    what: &'static str,
    period_text: impl Fn() -> crate::Excerpt,
) -> Result<Option<NaiveDate>, Error> {
    let unit = || -> crate::Excerpt { code.to_string().as_str().into() };
    let eras = |list: &[&UnitEntry]| -> crate::Excerpt {
        let words: Vec<String> = list.iter().map(|u| era_text(u.era)).collect();
        words.join(", ").as_str().into()
    };
    match entries {
        [] => Err(ErrorKind::UnknownUnit {
            code: code.to_string(),
        }
        .into()),
        [one] => match period {
            Some(p) if !one.covers(&p) => Err(ErrorKind::UnitNotValidForPeriod {
                unit: unit(),
                era: era_text(one.era).as_str().into(),
                what,
                period: period_text(),
            }
            .into()),
            _ => Ok(one.era),
        },
        several => {
            let all: Vec<&UnitEntry> = match period {
                Some(p) => several.iter().copied().filter(|u| u.covers(&p)).collect(),
                // A period not known is covered by no era in particular; but
                // one named unit beside units by code only (which never hold
                // a figure) is the only unit it can be.
                None => {
                    let named: Vec<&UnitEntry> = several
                        .iter()
                        .copied()
                        .filter(|u| u.name.is_some())
                        .collect();
                    let eras: HashSet<Option<NaiveDate>> = named.iter().map(|u| u.era).collect();
                    if eras.len() == 1 {
                        named
                    } else {
                        Vec::new()
                    }
                }
            };
            // A code listed twice in one era is that era's unit (the list's
            // own error, DV168): not "several eras" that cover the period.
            fn once(list: Vec<&UnitEntry>) -> Vec<&UnitEntry> {
                let mut eras_seen = HashSet::new();
                list.into_iter()
                    .filter(|u| eras_seen.insert(u.era))
                    .collect()
            }
            let mut covering = once(all.clone());
            if covering.len() > 1 {
                // A unit by code only is never a figure's or a record's
                // unit (DV213, DV211): when any covering unit is named, the
                // named ones are the candidates.
                let named = once(all.into_iter().filter(|u| u.name.is_some()).collect());
                if !named.is_empty() {
                    covering = named;
                }
            }
            match covering.as_slice() {
                [one] => Ok(one.era),
                [] => Err(ErrorKind::UnitEraNotFound {
                    unit: unit(),
                    eras: eras(several),
                    what,
                    period: period_text(),
                }
                .into()),
                _ => Err(ErrorKind::UnitEraAmbiguous {
                    unit: unit(),
                    eras: eras(&covering),
                    what,
                    period: period_text(),
                }
                .into()),
            }
        }
    }
}

/// The day a record's era is resolved by, and whether it is the record's
/// own date: its date; for a body or a model, which have none, `end` (the
/// period's end, the day the v1 unit rule reads); for a v1 figure, its
/// period's end.
fn record_day(record: RecordRef<'_>, end: NaiveDate) -> (NaiveDate, bool) {
    match record {
        RecordRef::Conference(r) => (r.date, true),
        RecordRef::Document(r) => (r.date, true),
        RecordRef::Inspection(r) => (r.date, true),
        RecordRef::Dialogue(r) => (r.date, true),
        RecordRef::Reception(r) => (r.date, true),
        RecordRef::Clearance(r) => (r.date, true),
        RecordRef::Award(r) => (r.date, true),
        RecordRef::Figure(r) => (r.period.map_or(end, |p| p.end()), r.period.is_some()),
        _ => (end, false),
    }
}

/// Whether the document's top-level `schema` is `danvan/dataset/v2` (any
/// other document goes to the v1 reader, which reports what is wrong with it).
fn is_v2(bytes: &[u8]) -> bool {
    // Only the first JSON value's top-level keys are looked at: trailing junk
    // or a repeated key is then reported by the v2 reader itself, with its
    // own words, not by the v1 reader as a schema mismatch.
    struct Detect;
    impl<'de> serde::de::Visitor<'de> for Detect {
        type Value = bool;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
            let mut v2 = false;
            while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                if key == "schema" {
                    let value: std::borrow::Cow<'de, str> = map.next_value()?;
                    v2 |= value == "danvan/dataset/v2";
                } else {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
            Ok(v2)
        }
    }
    struct First(bool);
    impl<'de> serde::Deserialize<'de> for First {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<First, D::Error> {
            d.deserialize_map(Detect).map(First)
        }
    }
    serde_json::Deserializer::from_slice(bytes)
        .into_iter::<First>()
        .next()
        .and_then(Result::ok)
        .is_some_and(|f| f.0)
}

/// Reads dimension values, refusing a dimension given twice (never a silent
/// choice of one value).
fn strict_map<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<IndicatorId, IndicatorId>, D::Error> {
    struct V;
    impl<'de> serde::de::Visitor<'de> for V {
        type Value = BTreeMap<IndicatorId, IndicatorId>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object of dimension values, e.g. {\"recipient\": \"collective\"}")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some((k, v)) = map.next_entry::<IndicatorId, IndicatorId>()? {
                if out.contains_key(&k) {
                    return Err(serde::de::Error::custom(format_args!(
                        "duplicate field `{k}`"
                    )));
                }
                out.insert(k, v);
            }
            Ok(out)
        }
    }
    d.deserialize_map(V)
}

/// The schema of an actor or an actor set.
#[cfg(feature = "schema")]
fn actor_set_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let one = generator.subschema_for::<Actor>();
    schemars::json_schema!({
        "description": "One actor, or an actor set (a list) meaning by any of them.",
        "anyOf": [one, {"type": "array", "items": one, "minItems": 1}]
    })
}

/// Serde for an actor or an actor set: one string, or a non-empty list (the
/// v1 figure's reader, refusing an empty set).
mod actor_set {
    pub(super) use crate::record::one_or_many::{deserialize_set as deserialize, serialize};
}
