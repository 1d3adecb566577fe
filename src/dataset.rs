//! The exchange document: one versioned JSON dataset.

use std::io::Read;

use crate::{
    Award, CitizenReception, Conference, Dialogue, Error, ErrorKind, Figure, GrassrootsBlock,
    IndicatorDef, Inspection, IssuedDocument, Limits, Period, SiteClearance, SkilfulModel, Unit,
    VillageTeam, WorkPlan,
};

/// The version tag of the exchange format, the `"schema"` field of every dataset.
///
/// ```
/// let s: danvan::Schema = serde_json::from_str(r#""danvan/dataset/v1""#).unwrap();
/// assert_eq!(s, danvan::Schema::V1);
/// assert!(serde_json::from_str::<danvan::Schema>(r#""danvan/dataset/v2""#).is_err());
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[non_exhaustive]
pub enum Schema {
    /// `danvan/dataset/v1`.
    #[default]
    #[serde(rename = "danvan/dataset/v1")]
    V1,
}

crate::wire::wire_struct! {
/// A dataset: what one unit submits for one period, as records, reported
/// figures and the year's plan.
///
/// On the wire it is one JSON object (`"schema": "danvan/dataset/v1"`); unknown
/// fields are rejected, codes are strings, dates are `YYYY-MM-DD`, exact
/// numbers are plain integers and decimals are strings. Every list is optional.
/// The fixtures in `tests/fixtures/` are the contract.
///
/// ```
/// let json = r#"{
///     "schema": "danvan/dataset/v1",
///     "period": {"start": "2022-01-01", "end": "2022-12-31"},
///     "units": [{"code": "30", "name": "Tỉnh Hải Dương"}],
///     "figures": [{"indicator": "skilful_models", "unit": "30",
///                  "actor": "mobilization_sector", "value": 1229}]
/// }"#;
/// let dataset = danvan::Dataset::from_json(json.as_bytes())?;
/// assert_eq!(dataset.figures.len(), 1);
/// # Ok::<(), danvan::Error>(())
/// ```
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Dataset")
)]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// The format version.
    pub schema: Schema,
    /// The period the dataset reports on; every record's date lies in it.
    pub period: Period,
    /// A title for people, e.g. the report's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The name of a units file the app loads and passes to
    /// [`check_with_units`](crate::check_with_units); the crate reads no files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub units_file: Option<String>,
    /// Units given inline, with parent links (villages usually; all units for a
    /// self-contained dataset).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<Unit>,
    /// Custom indicators used by the figures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<IndicatorDef>,
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
    /// The work plan for the year after the period, or for the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<WorkPlan>,
    /// Figures that arrive as totals rather than records.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
}
}

impl Dataset {
    /// Creates an empty dataset for a period.
    ///
    /// ```
    /// let d = danvan::Dataset::new(danvan::Period::year(2022)?);
    /// assert!(d.conferences.is_empty());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn new(period: Period) -> Dataset {
        Dataset {
            schema: Schema::V1,
            period,
            title: None,
            units_file: None,
            units: Vec::new(),
            indicators: Vec::new(),
            blocks: Vec::new(),
            teams: Vec::new(),
            models: Vec::new(),
            conferences: Vec::new(),
            documents: Vec::new(),
            inspections: Vec::new(),
            dialogues: Vec::new(),
            receptions: Vec::new(),
            clearances: Vec::new(),
            awards: Vec::new(),
            plan: None,
            figures: Vec::new(),
        }
    }

    /// Reads a dataset from JSON.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::Json`] with the line and column when the text is not
    /// JSON, not this schema version, has an unknown or missing field, or a value
    /// that breaks its type's rule (an invalid unit code, a date like
    /// `2023-02-30`, a negative count, a duplicated key); and the errors of
    /// [`from_json_with_limits`](Dataset::from_json_with_limits) when the
    /// document exceeds [`Limits::default`].
    ///
    /// ```
    /// let err = danvan::Dataset::from_json(&b"{\"schema\": \"danvan/dataset/v9\"}"[..]).unwrap_err();
    /// assert_eq!(err.code(), "DV050");
    /// ```
    pub fn from_json(reader: impl Read) -> Result<Dataset, Error> {
        Dataset::from_json_with_limits(reader, &Limits::default())
    }

    /// Reads a dataset from JSON, refusing documents beyond `limits`: what an
    /// app that accepts uploads calls.
    ///
    /// It reads at most `max_bytes + 1` bytes, checks nesting and string
    /// lengths in one pass over the bytes before the JSON reader builds
    /// anything, and counts the records after reading. A duplicated key in an
    /// object is an error (`duplicate field`), never a silent choice of one
    /// value.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::DocumentTooLarge`], [`ErrorKind::NestingTooDeep`],
    /// [`ErrorKind::StringTooLong`] or [`ErrorKind::TooManyRecords`] when a
    /// limit is exceeded, [`ErrorKind::ReadFailed`] when the reader fails, and
    /// otherwise the errors of [`from_json`](Dataset::from_json).
    ///
    /// ```
    /// let limits = danvan::Limits::default().with_max_bytes(16);
    /// let json = r#"{"schema": "danvan/dataset/v1"}"#;
    /// let err = danvan::Dataset::from_json_with_limits(json.as_bytes(), &limits).unwrap_err();
    /// assert_eq!(err.to_string(), "document exceeds the limit of 16 bytes (max_bytes): split it or raise the limit");
    /// assert_eq!(err.code(), "DV120");
    /// ```
    pub fn from_json_with_limits(reader: impl Read, limits: &Limits) -> Result<Dataset, Error> {
        let bytes = read_scanned(reader, limits)?;
        parse_within(&bytes, limits, |d: &Dataset| {
            d.record_count()
                .saturating_add(d.units.len())
                .saturating_add(d.indicators.len())
        })
    }

    /// Writes the dataset as pretty-printed JSON.
    ///
    /// ```
    /// let d = danvan::Dataset::new(danvan::Period::year(2022)?);
    /// let text = d.to_json();
    /// assert!(text.contains("\"schema\": \"danvan/dataset/v1\""));
    /// assert_eq!(danvan::Dataset::from_json(text.as_bytes())?, d);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn to_json(&self) -> String {
        // Serializing plain data with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The number of records of every kind, figures included.
    ///
    /// ```
    /// let d = danvan::Dataset::new(danvan::Period::year(2022)?);
    /// assert_eq!(d.record_count(), 0);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn record_count(&self) -> usize {
        self.blocks.len()
            + self.teams.len()
            + self.models.len()
            + self.conferences.len()
            + self.documents.len()
            + self.inspections.len()
            + self.dialogues.len()
            + self.receptions.len()
            + self.clearances.len()
            + self.awards.len()
            + self.figures.len()
    }
}

/// The reader's first step, shared by the v1 and v2 readers: at most
/// `limits.max_bytes` bytes, then nesting depth and string lengths, before
/// the JSON reader builds anything.
pub(crate) fn read_scanned(reader: impl Read, limits: &Limits) -> Result<Vec<u8>, Error> {
    let bytes = crate::limits::read_bounded(reader, limits.max_bytes)?;
    crate::limits::scan(&bytes, limits)?;
    Ok(bytes)
}

/// The reader's second step, shared by the v1 and v2 readers: the document
/// read into `T` (errors with their line and column), then its records
/// (`records` counts them) within `limits.max_records`.
pub(crate) fn parse_within<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    limits: &Limits,
    records: impl Fn(&T) -> usize,
) -> Result<T, Error> {
    let document: T =
        serde_json::from_slice(bytes).map_err(|e| crate::wire::json_error_in(bytes, e))?;
    let count = u64::try_from(records(&document)).unwrap_or(u64::MAX);
    if count > limits.max_records {
        return Err(ErrorKind::TooManyRecords {
            count,
            limit: limits.max_records,
        }
        .into());
    }
    Ok(document)
}
