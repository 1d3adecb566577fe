//! The catalogue of model v2 (`docs/model-v2.md`): one entry per indicator,
//! built-in or custom, all with the same fields — kind, value type (count,
//! amount with its unit, rate, ratio, duration), unit word, Vietnamese wording,
//! report section — and the province's catalogue file `danvan/catalogue/v1`
//! that datasets name and their inline entries extend.
//!
//! The built-in entries come from the one table of built-ins in
//! `indicator.rs` ([`Builtin::entry`]): there is no second table.

use std::collections::BTreeMap;
use std::io::Read;

use rust_decimal::Decimal;

use crate::{
    Builtin, Error, ErrorKind, FigureValue, IndicatorDef, IndicatorId, IndicatorKind, Level,
    Limits, ValueType,
};

/// The value type of a catalogue entry, with its unit where it has one.
///
/// On the wire: `"count"`, `{"amount": "đồng"}`, `"rate"` (0–100%),
/// `"rate_of_target"` (a share of a target, may exceed 100%), `"ratio"`,
/// `{"ratio_of": "commune"}` (y counts units of a level), `{"duration": "ngày"}`.
///
/// ```
/// use danvan::ValueSpec;
///
/// let v: ValueSpec = serde_json::from_str(r#"{"amount": "đồng"}"#).unwrap();
/// assert_eq!(v, ValueSpec::Amount("đồng".into()));
/// let v: ValueSpec = serde_json::from_str(r#""rate_of_target""#).unwrap();
/// assert_eq!(v.type_name(), "rate");
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum ValueSpec {
    /// Whole numbers of things or persons.
    #[default]
    Count,
    /// Decimal amounts in one unit word (đồng, m², ngày công, …); figures
    /// state it in that unit, with nghìn/triệu/tỷ normalised.
    Amount(String),
    /// A stated percentage, 0 to 100%; never summed.
    Rate,
    /// A stated share of a target, which may exceed 100%; never summed.
    RateOfTarget,
    /// A ratio x/y stored as its parts.
    Ratio,
    /// A ratio x/y whose y counts the units of a level (the communes of a district).
    RatioOf(Level),
    /// A duration in a unit word (ngày, tháng, năm); renders as given, never adds.
    Duration(String),
}

impl ValueSpec {
    /// The value type's name: `count`, `amount`, `rate`, `ratio` or `duration`
    /// (as [`FigureValue::type_name`] has it).
    ///
    /// ```
    /// assert_eq!(danvan::ValueSpec::Duration("ngày".into()).type_name(), "duration");
    /// ```
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        match self {
            ValueSpec::Count => "count",
            ValueSpec::Amount(_) => "amount",
            ValueSpec::Rate | ValueSpec::RateOfTarget => "rate",
            ValueSpec::Ratio | ValueSpec::RatioOf(_) => "ratio",
            ValueSpec::Duration(_) => "duration",
        }
    }

    /// The v1 value type, for the two the v1 records and totals know.
    ///
    /// ```
    /// use danvan::{ValueSpec, ValueType};
    /// assert_eq!(ValueSpec::Count.v1(), Some(ValueType::Count));
    /// assert_eq!(ValueSpec::Rate.v1(), None);
    /// ```
    #[must_use]
    pub fn v1(&self) -> Option<ValueType> {
        match self {
            ValueSpec::Count => Some(ValueType::Count),
            ValueSpec::Amount(_) => Some(ValueType::Amount),
            _ => None,
        }
    }
}

/// The report section an indicator belongs to.
///
/// ```
/// let s: danvan::Section = serde_json::from_str(r#""awards_contests""#).unwrap();
/// assert_eq!(s, danvan::Section::AwardsContests);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Section {
    /// Movements and models ("Dân vận khéo").
    MovementModels,
    /// Grassroots blocks and village teams.
    BlocksTeams,
    /// The work of the actors (documents, conferences, inspections).
    ActorsWork,
    /// Dialogues and citizen receptions.
    DialoguesReceptions,
    /// Site clearance and resources mobilized.
    ClearanceResources,
    /// Awards and contests.
    AwardsContests,
    /// The plan.
    Plan,
    /// Anything else.
    Other,
}

crate::wire::wire_struct! {
/// How the report words an indicator (Vietnamese data: only notation and
/// rendering read it).
///
/// ```
/// let w: danvan::Wording = serde_json::from_str(r#"{"verb": "xây dựng", "noun": "nhà đại đoàn kết"}"#).unwrap();
/// assert_eq!(w.verb.as_deref(), Some("xây dựng"));
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "Wording"))]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Wording {
    /// The verb, e.g. "vận động".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verb: Option<String>,
    /// The noun phrase, e.g. "quỹ Vì người nghèo".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub noun: Option<String>,
    /// The unit word as the report writes it, e.g. "căn".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_word: Option<String>,
}
}

crate::wire::wire_struct! {
/// One indicator of the catalogue, built-in or custom, with the same fields.
///
/// ```
/// let json = r#"{"id": "houses_built", "label": "Nhà đại đoàn kết xây mới", "kind": "flow",
///                "value": "count", "unit_word": "căn", "section": "clearance_resources",
///                "wording": {"verb": "xây dựng", "noun": "nhà đại đoàn kết"}}"#;
/// let e: danvan::CatalogueEntry = serde_json::from_str(json).unwrap();
/// assert_eq!(e.value, danvan::ValueSpec::Count);
/// assert_eq!(danvan::Builtin::Documents.entry().kind, danvan::IndicatorKind::Flow);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "CatalogueEntry"))]
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueEntry {
    /// The identifier.
    pub id: IndicatorId,
    /// The label shown to people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// How it adds up.
    pub kind: IndicatorKind,
    /// The value type (a count when left out).
    #[serde(default)]
    pub value: ValueSpec,
    /// The unit word, e.g. "căn", "lượt", "đồng".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_word: Option<String>,
    /// The Vietnamese wording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wording: Option<Wording>,
    /// The report section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Section>,
}
}

impl From<&IndicatorDef> for CatalogueEntry {
    /// A v1 custom indicator, without loss: its unit is the unit word, and
    /// the amount's unit for an amount indicator.
    fn from(d: &IndicatorDef) -> CatalogueEntry {
        let value = match d.values {
            ValueType::Amount => ValueSpec::Amount(d.unit.clone()),
            // `ValueType` is non-exhaustive; Count is the only other.
            _ => ValueSpec::Count,
        };
        CatalogueEntry {
            id: d.id.clone(),
            label: Some(d.label.clone()),
            kind: d.kind,
            value,
            unit_word: Some(d.unit.clone()),
            wording: None,
            section: None,
        }
    }
}

/// The version tag of a catalogue file.
///
/// ```
/// let s: danvan::CatalogueSchema = serde_json::from_str(r#""danvan/catalogue/v1""#).unwrap();
/// assert_eq!(s, danvan::CatalogueSchema::V1);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[non_exhaustive]
pub enum CatalogueSchema {
    /// `danvan/catalogue/v1`.
    #[default]
    #[serde(rename = "danvan/catalogue/v1")]
    V1,
}

crate::wire::wire_struct! {
/// A province's catalogue file, `{"schema": "danvan/catalogue/v1", "indicators": […]}`.
///
/// ```
/// let f: danvan::CatalogueFile = serde_json::from_str(
///     r#"{"schema": "danvan/catalogue/v1", "indicators": [{"id": "houses_built", "kind": "flow"}]}"#).unwrap();
/// assert_eq!(f.indicators.len(), 1);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "CatalogueFile"))]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueFile {
    /// The format version.
    pub schema: CatalogueSchema,
    /// A title for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The custom indicators.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<CatalogueEntry>,
}
}

/// The catalogue a dataset's figures are typed by: the built-ins, the
/// province's file, the dataset's inline entries; every id once.
///
/// ```
/// use danvan::Catalogue;
///
/// let file = r#"{"schema": "danvan/catalogue/v1",
///               "indicators": [{"id": "fund_raised", "kind": "flow", "value": {"amount": "đồng"}}]}"#;
/// let cat = Catalogue::from_json(file.as_bytes())?;
/// assert!(cat.get(&"fund_raised".parse()?).is_some());
/// assert!(cat.get(&"documents".parse()?).is_some());
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Catalogue {
    entries: BTreeMap<IndicatorId, CatalogueEntry>,
}

impl Default for Catalogue {
    fn default() -> Catalogue {
        Catalogue::builtin()
    }
}

impl Catalogue {
    /// The built-in indicators only.
    ///
    /// ```
    /// let cat = danvan::Catalogue::builtin();
    /// assert_eq!(cat.len(), danvan::Builtin::ALL.len());
    /// ```
    #[must_use]
    pub fn builtin() -> Catalogue {
        let entries = Builtin::ALL
            .into_iter()
            .map(|b| (IndicatorId::from(b), b.entry()))
            .collect();
        Catalogue { entries }
    }

    /// Reads a catalogue file (`danvan/catalogue/v1`) on top of the built-ins,
    /// within [`Limits::default`].
    ///
    /// # Errors
    ///
    /// The errors of [`from_json_with_limits`](Catalogue::from_json_with_limits).
    ///
    /// ```
    /// let twice = r#"{"schema": "danvan/catalogue/v1", "indicators": [
    ///     {"id": "gifts", "kind": "flow"}, {"id": "gifts", "kind": "stock"}]}"#;
    /// assert_eq!(danvan::Catalogue::from_json(twice.as_bytes()).unwrap_err().code(), "DV160");
    /// ```
    pub fn from_json(reader: impl Read) -> Result<Catalogue, Error> {
        Catalogue::from_json_with_limits(reader, &Limits::default())
    }

    /// Reads a catalogue file within `limits` (bytes, nesting, string length,
    /// and at most `max_records` entries).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Json`] (with line and column) for a document that is not
    /// a catalogue, the limit errors ([`ErrorKind::DocumentTooLarge`], …,
    /// [`ErrorKind::TooManyRecords`]), and [`ErrorKind::IndicatorDefinedTwice`]
    /// for an id defined twice or a built-in id.
    ///
    /// ```
    /// let limits = danvan::Limits::default().with_max_bytes(10);
    /// let err = danvan::Catalogue::from_json_with_limits(&b"{\"schema\": \"danvan/catalogue/v1\"}"[..], &limits);
    /// assert_eq!(err.unwrap_err().code(), "DV120");
    /// ```
    pub fn from_json_with_limits(reader: impl Read, limits: &Limits) -> Result<Catalogue, Error> {
        let file: CatalogueFile = crate::wire::read_json(reader, limits)?;
        let count = u64::try_from(file.indicators.len()).unwrap_or(u64::MAX);
        if count > limits.max_records {
            return Err(ErrorKind::TooManyRecords {
                count,
                limit: limits.max_records,
            }
            .into());
        }
        Catalogue::builtin().with_entries(file.indicators)
    }

    /// Adds entries (a file's, a dataset's inline ones).
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::IndicatorDefinedTwice`] when an id is already in
    /// the catalogue (a built-in, the file's, or an earlier entry).
    ///
    /// ```
    /// let e: danvan::CatalogueEntry = serde_json::from_str(r#"{"id": "documents", "kind": "flow"}"#).unwrap();
    /// let err = danvan::Catalogue::builtin().with_entries([e]).unwrap_err();
    /// assert_eq!(err.to_string(), "indicator \"documents\" is defined twice: each id once in the built-ins, the catalogue file and the dataset");
    /// ```
    pub fn with_entries(
        mut self,
        entries: impl IntoIterator<Item = CatalogueEntry>,
    ) -> Result<Catalogue, Error> {
        for entry in entries {
            if self.entries.contains_key(&entry.id) {
                return Err(ErrorKind::IndicatorDefinedTwice {
                    id: entry.id.as_str().into(),
                }
                .into());
            }
            self.entries.insert(entry.id.clone(), entry);
        }
        Ok(self)
    }

    /// The entry of an indicator.
    ///
    /// ```
    /// let cat = danvan::Catalogue::builtin();
    /// assert_eq!(cat.get(&"village_teams".parse()?).map(|e| e.kind), Some(danvan::IndicatorKind::Stock));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn get(&self, id: &IndicatorId) -> Option<&CatalogueEntry> {
        self.entries.get(id)
    }

    /// How many indicators it holds.
    ///
    /// ```
    /// assert!(!danvan::Catalogue::builtin().is_empty());
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it holds no indicator (never, with the built-ins).
    ///
    /// ```
    /// assert!(!danvan::Catalogue::default().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every entry, by id.
    ///
    /// ```
    /// assert!(danvan::Catalogue::builtin().entries().any(|e| e.id.as_str() == "documents"));
    /// ```
    pub fn entries(&self) -> impl Iterator<Item = &CatalogueEntry> + '_ {
        self.entries.values()
    }

    /// Checks that a value is of its indicator's value type: the type, the
    /// amount's unit word, a rate within 0–100% unless of a target, a ratio's
    /// numerator within its denominator.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownCatalogueIndicator`], [`ErrorKind::WrongValueType`],
    /// [`ErrorKind::WrongUnitWord`], [`ErrorKind::RateAboveHundred`],
    /// [`ErrorKind::RatioAboveWhole`].
    ///
    /// ```
    /// let file = r#"{"schema": "danvan/catalogue/v1", "indicators": [
    ///     {"id": "fund_raised", "kind": "flow", "value": {"amount": "đồng"}}]}"#;
    /// let cat = danvan::Catalogue::from_json(file.as_bytes())?;
    /// let id = "fund_raised".parse()?;
    /// let dong = serde_json::from_str(r#"{"amount": "1.7", "scale": "tỷ", "unit": "đồng"}"#).unwrap();
    /// assert!(cat.check_value(&id, &dong).is_ok());
    /// let m2 = serde_json::from_str(r#"{"amount": "17", "unit": "m²"}"#).unwrap();
    /// assert_eq!(cat.check_value(&id, &m2).unwrap_err().code(), "DV163");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn check_value(&self, id: &IndicatorId, value: &FigureValue) -> Result<(), Error> {
        let entry = self
            .get(id)
            .ok_or_else(|| ErrorKind::UnknownCatalogueIndicator {
                id: id.as_str().into(),
            })?;
        let wrong = || -> Error {
            ErrorKind::WrongValueType {
                indicator: id.as_str().into(),
                expected: entry.value.type_name(),
                found: value.type_name(),
            }
            .into()
        };
        match (&entry.value, value) {
            (ValueSpec::Count, FigureValue::Count(_)) => Ok(()),
            (ValueSpec::Amount(unit), FigureValue::Amount(a)) => {
                same_unit(id, unit, a.normalised().unit().as_str())
            }
            (ValueSpec::Duration(unit), FigureValue::Duration(d)) => {
                same_unit(id, unit, d.unit.as_str())
            }
            (ValueSpec::Rate, FigureValue::Rate(r)) => {
                if r.percent > Decimal::ONE_HUNDRED {
                    Err(ErrorKind::RateAboveHundred {
                        indicator: id.as_str().into(),
                        percent: r.percent.to_string().as_str().into(),
                    }
                    .into())
                } else {
                    Ok(())
                }
            }
            (ValueSpec::RateOfTarget, FigureValue::Rate(_)) => Ok(()),
            (ValueSpec::Ratio | ValueSpec::RatioOf(_), FigureValue::Ratio(r)) => {
                let (low, _) = r.num.bounds();
                if low > r.den.get() {
                    Err(ErrorKind::RatioAboveWhole {
                        indicator: id.as_str().into(),
                        num: low,
                        den: r.den.get(),
                    }
                    .into())
                } else {
                    Ok(())
                }
            }
            _ => Err(wrong()),
        }
    }
}

fn same_unit(id: &IndicatorId, expected: &str, found: &str) -> Result<(), Error> {
    // Unit words compare as written, NFC (the reader normalises them).
    let expected_nfc: String =
        unicode_normalization::UnicodeNormalization::nfc(expected.trim()).collect();
    if expected_nfc == found {
        Ok(())
    } else {
        Err(ErrorKind::WrongUnitWord {
            indicator: id.as_str().into(),
            expected: expected.into(),
            found: found.into(),
        }
        .into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(s: &str) -> FigureValue {
        serde_json::from_str(s).unwrap()
    }

    fn cat() -> Catalogue {
        let file = r#"{"schema": "danvan/catalogue/v1", "indicators": [
            {"id": "fund_raised", "kind": "flow", "value": {"amount": "đồng"}},
            {"id": "poor_share", "kind": "stock", "value": "rate"},
            {"id": "fund_share", "kind": "stock", "value": "rate_of_target"},
            {"id": "chapters_done", "kind": "stock", "value": {"ratio_of": "commune"}},
            {"id": "contest_length", "kind": "stock", "value": {"duration": "ngày"}}]}"#;
        Catalogue::from_json(file.as_bytes()).unwrap()
    }

    fn code(id: &str, v: &str) -> Option<String> {
        cat()
            .check_value(&id.parse().unwrap(), &value(v))
            .err()
            .map(|e| e.code().to_string())
    }

    #[test]
    fn every_value_type_is_checked() {
        assert_eq!(code("documents", "3"), None);
        assert_eq!(
            code("documents", r#"{"percent": "3"}"#).as_deref(),
            Some("DV162")
        );
        assert_eq!(
            code("fund_raised", r#"{"amount": "3", "unit": "đồng"}"#),
            None
        );
        assert_eq!(
            code("fund_raised", r#"{"amount": "3", "unit": "m²"}"#).as_deref(),
            Some("DV163")
        );
        assert_eq!(code("fund_raised", "3").as_deref(), Some("DV162"));
        assert_eq!(code("poor_share", r#"{"percent": "100"}"#), None);
        assert_eq!(
            code("poor_share", r#"{"percent": "100.1"}"#).as_deref(),
            Some("DV164")
        );
        assert_eq!(code("fund_share", r#"{"percent": "140"}"#), None);
        assert_eq!(code("chapters_done", r#"{"num": 12, "den": 13}"#), None);
        assert_eq!(
            code("chapters_done", r#"{"num": 14, "den": 13}"#).as_deref(),
            Some("DV165")
        );
        assert_eq!(
            code("contest_length", r#"{"duration": "5", "unit": "ngày"}"#),
            None
        );
        assert_eq!(
            code("contest_length", r#"{"duration": "5", "unit": "năm"}"#).as_deref(),
            Some("DV163")
        );
        assert_eq!(code("nothing_here", "3").as_deref(), Some("DV161"));
    }

    #[test]
    fn catalogue_file_errors() {
        let read = |s: &str| {
            Catalogue::from_json(s.as_bytes())
                .map(|_| ())
                .map_err(|e| e.code().to_string())
        };
        assert_eq!(read(r#"{"schema": "danvan/catalogue/v1", "indicators": [{"id": "x", "kind": "flow", "colour": 1}]}"#).unwrap_err(), "DV050");
        assert_eq!(
            read(r#"{"schema": "danvan/catalogue/v2"}"#).unwrap_err(),
            "DV050"
        );
        assert_eq!(read(r#"["danvan/catalogue/v1"]"#).unwrap_err(), "DV051");
        assert_eq!(read(r#"{"schema": "danvan/catalogue/v1", "indicators": [{"id": "village_teams", "kind": "stock"}]}"#).unwrap_err(), "DV160");
        let limits = Limits::default().with_max_records(1);
        let two = r#"{"schema": "danvan/catalogue/v1", "indicators": [{"id": "a", "kind": "flow"}, {"id": "b", "kind": "flow"}]}"#;
        assert_eq!(
            Catalogue::from_json_with_limits(two.as_bytes(), &limits)
                .unwrap_err()
                .code(),
            "DV121"
        );
        assert!(read(r#"{"schema": "danvan/catalogue/v1"}"#).is_ok());
    }

    #[test]
    fn builtins_come_from_the_one_table() {
        for b in Builtin::ALL {
            let e = b.entry();
            assert_eq!(e.id.as_str(), b.id());
            assert_eq!(e.kind, b.kind());
            assert_eq!(e.value.v1(), Some(b.value_type()));
            assert!(e.section.is_some());
        }
    }
}
