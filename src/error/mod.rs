//! The one public error type of the crate.
//!
//! Every failure — a malformed number, an unknown unit code, a rule broken by a
//! dataset — is an [`ErrorKind`] carried by an [`Error`]. Each kind has a stable
//! [`Code`] (`DV001`, …) that apps can match on and show to officials, a default
//! [`Severity`], an English `Display` for developers and a Vietnamese message
//! ([`ErrorKind::message_vi`]) for officials. All four stand together, one entry
//! per kind, in the error table (`src/error/table.rs`): the table's Vietnamese
//! strings are the one place outside notation and rendering that holds
//! Vietnamese text.
//!
//! Values in errors are typed: counts and positions are integers, dates are
//! [`chrono::NaiveDate`], and text taken from the input is an [`Excerpt`] (at
//! most 64 characters, marked when cut), so that an error never holds a copy
//! of a large input value.
//!
//! This module imports no other module of the crate.

use std::fmt;

mod excerpt;
mod table;
mod words;

pub use excerpt::Excerpt;
pub use table::ErrorKind;

/// A value as a message words it, in English and in Vietnamese notation
/// (`at least 6800` / `ít nhất 6.800`), both computed by the caller: the
/// values of the checks of model v2 ([`ErrorKind::CheckLeftOpen`], …). It
/// displays as its English text; one pointer wide, so that a kind stays small.
///
/// ```
/// let w = danvan::Worded::new("at least 6800", "ít nhất 6.800");
/// assert_eq!((w.en(), w.vi(), w.to_string().as_str()), ("at least 6800", "ít nhất 6.800", "at least 6800"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Worded(Box<(Excerpt, Excerpt)>);

impl Worded {
    /// A value with its English and Vietnamese texts.
    ///
    /// ```
    /// assert_eq!(danvan::Worded::new("12", "12").vi(), "12");
    /// ```
    #[must_use]
    pub fn new(en: impl Into<Excerpt>, vi: impl Into<Excerpt>) -> Worded {
        Worded(Box::new((en.into(), vi.into())))
    }

    /// The English text.
    ///
    /// ```
    /// assert_eq!(danvan::Worded::new("at most 300", "không quá 300").en(), "at most 300");
    /// ```
    #[must_use]
    pub fn en(&self) -> &str {
        self.0 .0.as_str()
    }

    /// The Vietnamese text.
    ///
    /// ```
    /// assert_eq!(danvan::Worded::new("at most 300", "không quá 300").vi(), "không quá 300");
    /// ```
    #[must_use]
    pub fn vi(&self) -> &str {
        self.0 .1.as_str()
    }
}

impl fmt::Display for Worded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.en())
    }
}
#[allow(unused_imports)] // used by notation's agreement test
pub(crate) use words::CSV_COLUMNS_VI;

/// The error type of every fallible operation in this crate.
///
/// It is small (one pointer), `Send + Sync`, and its [`kind`](Error::kind)
/// tells what went wrong, with the values involved.
///
/// ```
/// let err = "1,229".parse::<danvan::Count>().unwrap_err();
/// assert_eq!(err.code(), "DV001");
/// assert!(matches!(err.kind(), danvan::ErrorKind::InvalidNumber { .. }));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: Box<ErrorKind>,
}

impl Error {
    /// What went wrong.
    ///
    /// ```
    /// let err = danvan::Error::from(danvan::ErrorKind::Overflow { what: "count".into() });
    /// assert!(matches!(err.kind(), danvan::ErrorKind::Overflow { .. }));
    /// ```
    #[must_use]
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// Turns the error into its kind.
    ///
    /// ```
    /// let err = danvan::Error::from(danvan::ErrorKind::Overflow { what: "count".into() });
    /// let kind: danvan::ErrorKind = err.into_kind();
    /// assert_eq!(kind.code(), "DV003");
    /// ```
    #[must_use]
    pub fn into_kind(self) -> ErrorKind {
        *self.kind
    }

    /// The stable code of the kind, e.g. `DV001`; it compares equal to its text.
    ///
    /// ```
    /// let err = danvan::Error::from(danvan::ErrorKind::Overflow { what: "count".into() });
    /// assert_eq!(err.code(), "DV003");
    /// assert_eq!(err.code().as_str(), "DV003");
    /// ```
    #[must_use]
    pub fn code(&self) -> Code {
        self.kind.code()
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Error {
        Error {
            kind: Box::new(kind),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.kind, f)
    }
}

impl std::error::Error for Error {}

/// The stable code of an error kind, e.g. `DV001`.
///
/// A code is a typed value, not free text: only the error table makes one.
/// It displays as its text and compares equal to it, so `err.code() == "DV001"`
/// reads as before; [`Code::as_str`] gives the text itself.
///
/// ```
/// let code = danvan::ErrorKind::NoSubjects.code();
/// assert_eq!(code, "DV071");
/// assert_eq!(code.to_string(), "DV071");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Code(&'static str);

impl Code {
    /// The code's text, e.g. `"DV071"`.
    ///
    /// ```
    /// assert_eq!(danvan::ErrorKind::NoSubjects.code().as_str(), "DV071");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for Code {
    fn eq(&self, other: &String) -> bool {
        self.0 == other
    }
}

impl PartialEq<Code> for &str {
    fn eq(&self, other: &Code) -> bool {
        *self == other.0
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

/// How serious an issue is.
///
/// Each error kind has a default severity ([`ErrorKind::default_severity`]).
///
/// ```
/// assert_eq!(danvan::Severity::Warning.to_string(), "warning");
/// assert!(danvan::Severity::Error > danvan::Severity::Warning);
/// ```
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Severity {
    /// Shown and kept; the dataset is still accepted.
    Warning,
    /// The dataset is rejected until it is fixed.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

impl ErrorKind {
    /// The line and column (both 1-based) in the document, for errors found
    /// while reading it; `None` for the others, which validation locates by path.
    ///
    /// ```
    /// let err = danvan::Dataset::from_json(&b"{\n  \"schema\": 1}"[..]).unwrap_err();
    /// assert_eq!(err.kind().position(), Some((2, 13)));
    /// ```
    #[must_use]
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            ErrorKind::Json { line, column, .. }
            | ErrorKind::UnexpectedArray { line, column }
            | ErrorKind::StringTooLong { line, column, .. }
            | ErrorKind::NestingTooDeep { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> chrono::NaiveDate {
        text.parse().expect("a test date")
    }

    #[test]
    fn error_is_one_pointer() {
        assert_eq!(std::mem::size_of::<Error>(), std::mem::size_of::<usize>());
    }

    /// One value of every kind, with its English text.
    fn all_kinds() -> Vec<(ErrorKind, &'static str)> {
        vec![
            (
                ErrorKind::InvalidNumber {
                    input: "1,229".into(),
                    expected: "a whole number such as 1.229 or 1229",
                },
                "invalid number \"1,229\": expected a whole number such as 1.229 or 1229",
            ),
            (
                ErrorKind::PartExceedsWhole {
                    part: 1500,
                    whole: 1400,
                },
                "part 1500 exceeds whole 1400",
            ),
            (
                ErrorKind::Overflow {
                    what: "count".into(),
                },
                "count overflows the largest representable value",
            ),
            (
                ErrorKind::NegativeCount {
                    minuend: 3,
                    subtrahend: 5,
                },
                "cannot subtract 5 from 3: a count cannot be negative",
            ),
            (
                ErrorKind::NegativeAmount {
                    amount: "-5".into(),
                },
                "negative amount \"-5\": expected zero or more",
            ),
            (
                ErrorKind::UnitMismatch {
                    left: "km".into(),
                    right: "m²".into(),
                },
                "cannot add amounts in \"km\" and \"m²\": the unit words differ",
            ),
            (
                ErrorKind::InvalidUnitWord {
                    input: "".into(),
                    expected: "1 to 32 characters",
                },
                "invalid unit word \"\": expected 1 to 32 characters",
            ),
            (
                ErrorKind::PeriodReversed {
                    start: d("2023-02-02"),
                    end: d("2023-01-01"),
                },
                "period ends 2023-01-01 before it starts 2023-02-02",
            ),
            (
                ErrorKind::InvalidPeriod {
                    input: "2022-13".into(),
                    expected: "a month from 01 to 12, e.g. 2022-07",
                },
                "invalid period \"2022-13\": expected a month from 01 to 12, e.g. 2022-07",
            ),
            (
                ErrorKind::YearOutOfRange {
                    year: 2_147_483_647,
                    min: -262_143,
                    max: 262_142,
                },
                "year 2147483647 is out of range: expected a year from -262143 to 262142",
            ),
            (
                ErrorKind::InvalidMonth { month: 13 },
                "invalid month 13: expected a month from 1 to 12",
            ),
            (
                ErrorKind::InvalidCutOffDay { day: 31 },
                "invalid cut-off day 31: expected a day from 2 to 28",
            ),
            (
                ErrorKind::InvalidUnitCode {
                    input: "3".into(),
                    expected: "2, 3 or 5 digits",
                },
                "invalid unit code \"3\": expected 2, 3 or 5 digits",
            ),
            (
                ErrorKind::DuplicateUnit {
                    code: "10507".into(),
                    first: 3,
                },
                "duplicate unit code \"10507\": already given at position 3",
            ),
            (
                ErrorKind::UnknownParent {
                    code: "288".into(),
                    parent: "31".into(),
                },
                "parent \"31\" of unit \"288\" is not among the units",
            ),
            (
                ErrorKind::ParentLevelMismatch {
                    code: "289".into(),
                    level: "district",
                    parent: "288".into(),
                    parent_level: "district",
                    expected: "a parent at level province",
                },
                "unit \"289\" at level district cannot sit under \"288\" at level district: expected a parent at level province",
            ),
            (
                ErrorKind::MissingParent {
                    code: "289".into(),
                    level: "district",
                    expected: "a parent at level province",
                },
                "unit \"289\" at level district has no parent: expected a parent at level province",
            ),
            (
                ErrorKind::UnexpectedParent {
                    code: "31".into(),
                    parent: "30".into(),
                },
                "unit \"31\" at level province has parent \"30\": expected no parent",
            ),
            (
                ErrorKind::ParentCycle {
                    code: "288".into(),
                },
                "unit \"288\" is its own ancestor: its parent links form a cycle",
            ),
            (
                ErrorKind::VillageOutsideCommune {
                    code: "10507-T02".into(),
                    parent: "10510".into(),
                    expected: "10507".into(),
                },
                "village \"10507-T02\" sits under commune \"10510\": expected the commune of its code, \"10507\"",
            ),
            (
                ErrorKind::ValidityReversed {
                    code: "288".into(),
                    from: d("2025-01-01"),
                    to: d("2024-12-31"),
                },
                "validity of unit \"288\" ends 2024-12-31 before it starts 2025-01-01",
            ),
            (
                ErrorKind::ValidityOutsideParent {
                    code: "10507".into(),
                    from: Some(d("2021-01-01")),
                    to: Some(d("2025-07-01")),
                    parent: "289".into(),
                    parent_from: None,
                    parent_to: Some(d("2025-06-30")),
                },
                "unit \"10507\" is valid from 2021-01-01 to 2025-07-01, outside its parent \"289\" valid until 2025-06-30",
            ),
            (
                ErrorKind::CrosswalkUnmapped {
                    code: "90003".into(),
                },
                "old unit \"90003\" has no crosswalk entry",
            ),
            (
                ErrorKind::CrosswalkDuplicateSource {
                    code: "10507".into(),
                    first: 0,
                },
                "crosswalk maps old unit \"10507\" more than once: first at entry 0",
            ),
            (
                ErrorKind::CrosswalkUnknownTarget {
                    from: "90002".into(),
                    to: "90030".into(),
                },
                "crosswalk maps \"90002\" to \"90030\", which is not among the new units",
            ),
            (
                ErrorKind::CrosswalkUnknownSource {
                    code: "90009".into(),
                    level: "commune",
                },
                "crosswalk maps old unit \"90009\", which is not among the old units at level commune",
            ),
            (
                ErrorKind::CrosswalkSharesSum {
                    from: "10528".into(),
                    sum: "0.9".into(),
                },
                "shares of old unit \"10528\" sum to 0.9: expected 1",
            ),
            (
                ErrorKind::CrosswalkInvalidShare {
                    from: "10525".into(),
                    to: "10510".into(),
                    share: "1.5".into(),
                    expected: "a decimal greater than 0 and at most 1",
                },
                "invalid share \"1.5\" of \"10525\" to \"10510\": expected a decimal greater than 0 and at most 1",
            ),
            (
                ErrorKind::CrosswalkNoTarget {
                    from: "10513".into(),
                },
                "crosswalk entry of \"10513\" has no target: expected at least one",
            ),
            (
                ErrorKind::CrosswalkDuplicateTarget {
                    from: "10519".into(),
                    to: "10510".into(),
                },
                "crosswalk entry of \"10519\" lists target \"10510\" twice",
            ),
            (
                ErrorKind::CrosswalkLevelMismatch {
                    from: "10522".into(),
                    from_level: "commune",
                    to: "288".into(),
                    to_level: "district",
                },
                "crosswalk maps \"10522\" at level commune to \"288\" at level district: expected a target at the same level",
            ),
            (
                ErrorKind::Json {
                    line: 3,
                    column: 7,
                    message: "expected `,`".into(),
                },
                "line 3, column 7: expected `,`",
            ),
            (
                ErrorKind::DocumentTooLarge { limit: 67_108_864 },
                "document exceeds the limit of 67108864 bytes (max_bytes): split it or raise the limit",
            ),
            (
                ErrorKind::TooManyRecords {
                    count: 12,
                    limit: 10,
                },
                "document holds 12 records, more than the limit of 10 (max_records): split it or raise the limit",
            ),
            (
                ErrorKind::StringTooLong {
                    line: 3,
                    column: 7,
                    limit: 4096,
                },
                "line 3, column 7: string exceeds the limit of 4096 bytes (max_string_bytes): shorten it or raise the limit",
            ),
            (
                ErrorKind::NestingTooDeep {
                    line: 1,
                    column: 33,
                    limit: 32,
                },
                "line 1, column 33: nesting exceeds the limit of 32 levels (max_depth): expected a flatter document",
            ),
            (
                ErrorKind::TotalOverflow {
                    unit: "30".into(),
                    indicator: "conference_participants".into(),
                    era: None,
                },
                "total of conference_participants for unit \"30\" overflows",
            ),
            (
                ErrorKind::TotalsMismatch { what: "periods" },
                "cannot merge totals over different periods: expected the same hierarchy, period and indicators",
            ),
            (
                ErrorKind::InvalidTotals {
                    reason: "records columns are not sorted".into(),
                },
                "invalid totals: records columns are not sorted",
            ),
            (
                ErrorKind::ReadFailed {
                    message: "broken pipe".into(),
                },
                "cannot read the input: broken pipe",
            ),
            (
                ErrorKind::LineTooLong { limit: 1_048_576 },
                "line is longer than 1048576 bytes: expected one record per line",
            ),
            (
                ErrorKind::RekeyUncovered { unit: "288".into(), indicator: "conferences".into() },
                "unit \"288\" holds conferences records of its own, but none of its units is in the crosswalk: expected its units to be mapped",
            ),
            // ----- CSV of figures -----
            (
                ErrorKind::CsvCell {
                    row: 3,
                    column: "unit".into(),
                    position: 1,
                    problem: Box::new(ErrorKind::InvalidUnitCode {
                        input: "3".into(),
                        expected: "2, 3 or 5 digits",
                    }),
                },
                "row 3, column \"unit\": invalid unit code \"3\": expected 2, 3 or 5 digits",
            ),
            (
                ErrorKind::CsvMissingColumn { column: "value" },
                "missing column \"value\": expected a header row naming unit, period, actor, indicator and value",
            ),
            (
                ErrorKind::CsvUnknownColumn {
                    column: "notes".into(),
                    position: 6,
                },
                "unknown column \"notes\" (column 6): expected unit, period, actor, indicator, value or unit_name",
            ),
            (
                ErrorKind::CsvDuplicateColumn {
                    column: "unit".into(),
                    position: 6,
                    first: 1,
                },
                "column \"unit\" (column 6) repeats column 1",
            ),
            (
                ErrorKind::CsvCellCount {
                    row: 4,
                    found: 4,
                    expected: 5,
                },
                "row 4 has 4 cells: expected 5, as in the header row",
            ),
            (
                ErrorKind::CsvMalformed {
                    row: 2,
                    message: "invalid UTF-8".into(),
                },
                "row 2: invalid UTF-8",
            ),
            (
                ErrorKind::CsvUnwritable {
                    index: 0,
                    reason: "it has breakdown parts, which a CSV row cannot hold",
                },
                "figures[0] cannot be written as a CSV row: it has breakdown parts, which a CSV row cannot hold",
            ),
            (
                ErrorKind::CsvIo {
                    message: "broken pipe".into(),
                },
                "cannot read or write CSV: broken pipe",
            ),
            // ----- dataset and validation -----
            (
                ErrorKind::UnexpectedArray { line: 1, column: 1 },
                "line 1, column 1: unexpected array: expected an object with named fields (arrays hold only lists such as `conferences`)",
            ),
            (
                ErrorKind::InvalidActor { input: "party".into() },
                "unknown actor \"party\": expected one of party_committees, mobilization_sector, government, peoples_council, front_and_mass_organizations, armed_forces, other, front, womens_union, farmers_union, youth_union, veterans, trade_union, party_committee_heads, government_heads, not_stated",
            ),
            (
                ErrorKind::InvalidRecordId { input: "".into() },
                "invalid record id \"\": expected 1 to 64 visible characters without leading or trailing spaces",
            ),
            (
                ErrorKind::InvalidIndicatorId { input: "Tiền".into() },
                "invalid indicator id \"Tiền\": expected 1 to 64 characters from a-z, 0-9 and _, starting with a letter",
            ),
            (
                ErrorKind::UnknownUnit { code: "10999".into() },
                "unknown unit \"10999\": expected the code of a unit in the dataset's units",
            ),
            (
                ErrorKind::UnitNotValidOn { code: "288".into(), date: d("2025-07-01") },
                "unit \"288\" is not valid on 2025-07-01",
            ),
            (
                ErrorKind::WrongLevel { code: "288".into(), level: "district", expected: "a commune" },
                "unit \"288\" is a district: expected a commune",
            ),
            (
                ErrorKind::SecondBlock { code: "10507".into(), first: 0 },
                "commune \"10507\" already has a grassroots block (blocks[0]): expected at most one per commune",
            ),
            (
                ErrorKind::SecondTeam { code: "10507-T01".into(), first: 2 },
                "village \"10507-T01\" already has a mobilization team (teams[2]): expected at most one per village",
            ),
            (
                ErrorKind::DateOutsidePeriod { date: d("2023-01-05"), start: d("2022-01-01"), end: d("2022-12-31") },
                "date 2023-01-05 is outside the period 2022-01-01 to 2022-12-31",
            ),
            (
                ErrorKind::ConsentExceedsAffected { consenting: 150, affected: 140 },
                "150 households consenting exceed 140 households affected",
            ),
            (
                ErrorKind::ResolvedExceedsRaised { resolved: 15, raised: 14 },
                "15 petitions resolved exceed 14 petitions raised",
            ),
            (
                ErrorKind::NoSubjects,
                "session has no subject: expected at least one Party organization or Party member",
            ),
            (
                ErrorKind::StagesNotNested { stage: "skilful_models_recognized", count: 41, earlier: "skilful_models_registered", earlier_count: 40 },
                "41 models skilful_models_recognized exceed 40 models skilful_models_registered: each stage is a subset of the one before",
            ),
            (
                ErrorKind::PartsMismatch { total: 12, total_qualifier: "exact", parts: 11, parts_qualifier: "exact" },
                "breakdown parts sum to exact 11, which cannot match the figure's exact 12",
            ),
            (
                ErrorKind::DuplicateId { id: "c1".into(), first: 0 },
                "duplicate id \"c1\": already used at position 0",
            ),
            (
                ErrorKind::BreakthroughsExceedKeyTasks { breakthrough: 3, key: 2 },
                "plan declares 3 breakthrough tasks but only 2 key tasks: every breakthrough task is a key task",
            ),
            (
                ErrorKind::BreakthroughNotKey,
                "a breakthrough task must also be a key task",
            ),
            (
                ErrorKind::MoreTasksThanDeclared { what: "key", listed: 2, declared: 1 },
                "plan lists 2 key tasks but declares 1",
            ),
            (
                ErrorKind::FewerTasksListed { listed: 2, declared: 8 },
                "plan lists 2 of its 8 key tasks",
            ),
            (
                ErrorKind::NotOneActor { actors: "mobilization_sector, party_committees".into(), count: 2 },
                "figure names 2 actors (mobilization_sector, party_committees): expected exactly one; figures of different actors are reported separately, never summed",
            ),
            (
                ErrorKind::ReceptionBelowNorm { code: "10507".into(), actor: "party_committees", month: "2022-06".into(), days: 1, norm: 2 },
                "the head of \"10507\" (party_committees) received citizens on too few days in 2022-06: 1, expected at least 2",
            ),
            (
                ErrorKind::UnknownIndicator { id: "houses_built".into() },
                "unknown indicator \"houses_built\": expected a built-in indicator or one declared in `indicators`",
            ),
            (
                ErrorKind::ValueTypeMismatch { id: "dialogues".into(), expected: "value" },
                "indicator \"dialogues\" expects exactly one `value`",
            ),
            (
                ErrorKind::FigurePeriodOutside { period: "2022-06-01/2023-01-31".into(), dataset: "2022".into() },
                "figure period 2022-06-01/2023-01-31 is not inside the dataset period 2022",
            ),
            (
                ErrorKind::DuplicateFigure { first: 0 },
                "the same indicator, unit, period and actor are already reported in figures[0]",
            ),
            (
                ErrorKind::OverlappingFigures { first: 0 },
                "the period overlaps that of figures[0] for the same indicator, unit and actor: the overlap would be counted twice",
            ),
            (
                ErrorKind::BuiltinIndicatorRedeclared { id: "documents".into() },
                "indicator \"documents\" is built in: expected a new id for a custom indicator",
            ),
            (
                ErrorKind::UnknownCriterion { id: "speed".into() },
                "unknown criterion \"speed\": expected one of the plan's criteria",
            ),
            (
                ErrorKind::DuplicateName { name: "Phường Cẩm Thượng".into(), first: "units[2]".into() },
                "name \"Phường Cẩm Thượng\" is already used by a sibling unit (units[2])",
            ),
            (
                ErrorKind::DissolvedBeforeEstablished { established: d("2015-03-01"), dissolved: d("2010-01-01") },
                "dissolved 2010-01-01 before established 2015-03-01",
            ),
            (
                ErrorKind::SeveralLeaders { count: 2 },
                "team has 2 Party cell secretaries: expected one leader",
            ),
            // ----- synthetic data -----
            (
                ErrorKind::InvalidSynthShape { provinces: 100, districts: 4, communes: 12 },
                "invalid synthetic shape: 100 provinces, 4 districts, 12 communes: expected 1 to 99 provinces, at most 999 districts and 1 to 99999 communes",
            ),
            // ----- limits, continued -----
            (
                ErrorKind::CsvTooManyRows { limit: 1_048_576 },
                "CSV file holds more than 1048576 rows (max_rows): split it or raise the limit",
            ),
            (
                ErrorKind::CsvCellTooLong { row: 2, position: 5, limit: 4096 },
                "row 2, column 5: cell exceeds the limit of 4096 bytes (max_cell_bytes): shorten it or raise the limit",
            ),
            (
                ErrorKind::IssuesLeftOut { code: ErrorKind::SecondBlock { code: "10507".into(), first: 0 }.code(), count: 3_899_000 },
                "3899000 more issues of code DV066 left out (max_issues)",
            ),
            (
                ErrorKind::CsvTooManyCells { row: 2, limit: 64 },
                "row 2 has more than 64 cells: a figure row has at most six",
            ),
            (
                ErrorKind::CrosswalkSharesLeaveNothing {
                    from: "10513".into(),
                    sum: "1".into(),
                },
                "shares of old unit \"10513\" sum to 1, leaving nothing for its targets without share or its unnamed remainder: expected less than 1",
            ),
            (
                ErrorKind::CrosswalkComposeMissing {
                    from: "10507".into(),
                    via: "10510".into(),
                },
                "composing crosswalks: \"10507\" goes to \"10510\", which the next crosswalk does not map: expected an entry for it, or the option to keep it",
            ),
            (
                ErrorKind::CrosswalkComposeShareScale {
                    from: "10507".into(),
                    to: "10516".into(),
                },
                "composing crosswalks: the share of \"10507\" to \"10516\" needs more than 18 decimal places",
            ),
            (
                ErrorKind::CrosswalkUnnamedRemainder {
                    from: "10513".into(),
                },
                "part of old unit \"10513\" went to a new unit the crosswalk does not name: its named targets get bounds only",
            ),
            (
                ErrorKind::CrosswalkLeftUnmapped {
                    code: "90003".into(),
                },
                "old unit \"90003\" is left unmapped: neither it, a unit above it, nor every unit below it has a crosswalk entry",
            ),
            (
                ErrorKind::CrosswalkReceivesNothing {
                    code: "90030".into(),
                },
                "new unit \"90030\" receives nothing from the crosswalk",
            ),
            // ----- qualifier words -----
            (
                ErrorKind::UnknownQualifierWord {
                    word: "độ".into(),
                    input: "độ 500".into(),
                },
                "unknown qualifier word \"độ\" in \"độ 500\": expected a number, optionally after a word of the table (hơn, trên, ít nhất, từ … trở lên, gần, dưới, không quá, tối đa, từ … đến …, ngót, khoảng, trên dưới, xấp xỉ, chừng)",
            ),
            (
                ErrorKind::RangeReversed {
                    input: "từ 8 đến 5".into(),
                    from: "8".into(),
                    to: "5".into(),
                },
                "range \"từ 8 đến 5\" runs backwards: from 8 to 5; write the smaller number first",
            ),
            (
                ErrorKind::NotAValue {
                    input: "từ năm 2011 đến năm 2021".into(),
                },
                "\"từ năm 2011 đến năm 2021\" is not a value: \"từ A đến B\" is a value only with two numbers (a period such as \"từ năm 2011 đến năm 2021\" is not a value)",
            ),
            (
                ErrorKind::AmountRangeNotCount {
                    input: "từ 2 đến 3 triệu".into(),
                },
                "\"từ 2 đến 3 triệu\" is a range of amounts (a decimal comma or a scale word such as triệu), not a count: expected whole numbers at both ends, such as \"từ 120 đến 150\", or give it as an amount",
            ),
            (
                ErrorKind::NoV1Form {
                    what: "the range 5 to 8".into(),
                },
                "the range 5 to 8 has no v1 wire form: write it in the v2 form, which carries its word",
            ),
            // ----- intervals -----
            (
                ErrorKind::InvalidInterval { why: "high below low" },
                "invalid interval: high below low",
            ),
            (
                ErrorKind::SummaryUnknownUnit { unit: "31".into() },
                "unit \"31\" is not in the totals' hierarchy: expected the code of a unit of the dataset",
            ),
            // ----- model v2 -----
            (ErrorKind::IndicatorDefinedTwice { id: "gifts".into() }, "indicator \"gifts\" is defined twice: each id once in the built-ins, the catalogue file and the dataset"),
            (ErrorKind::UnknownCatalogueIndicator { id: "gifts".into() }, "indicator \"gifts\" is not in the catalogue (built-ins, catalogue file, dataset)"),
            (ErrorKind::WrongValueType { indicator: "gifts".into(), expected: "count", found: "rate" }, "indicator \"gifts\" takes a count value, not a rate"),
            (ErrorKind::WrongUnitWord { indicator: "fund".into(), expected: "đồng".into(), found: "m²".into() }, "indicator \"fund\" is stated in \"đồng\", not in \"m²\""),
            (ErrorKind::RateAboveHundred { indicator: "poor".into(), percent: "120".into() }, "rate 120% of \"poor\" is above 100%: only a share of a target (rate_of_target) may exceed it"),
            (ErrorKind::RatioAboveWhole { indicator: "done".into(), num: 14, den: 13 }, "ratio 14/13 of \"done\": the numerator is above the denominator"),
            (ErrorKind::UnitOutsideRoot { code: "30".into(), root: "816".into() }, "unit \"30\" is not under the dataset's root \"816\""),
            (ErrorKind::RootNotListed { root: "816".into() }, "the dataset's root \"816\" is not listed with its name among the units"),
            (ErrorKind::UnitEntryInvalid { code: "30".into(), why: "listed twice in one era" }, "unit \"30\": listed twice in one era"),
            (ErrorKind::IdUsedTwice { id: "f1".into(), what: "figures" }, "id \"f1\" is used by two figures"),
            (ErrorKind::UnknownFigureId { relation: "r1".into(), figure: "f9".into() }, "relation \"r1\" names figure \"f9\", which the dataset does not have"),
            (ErrorKind::RelationShape { relation: "r1".into() }, "relation \"r1\" is not one of: sum_of with equals or within, at_most with of, equal (two or more ids)"),
            (ErrorKind::NotUpgradable { index: 2, why: "both a count and an amount" }, "figures[2] cannot be upgraded to v2: both a count and an amount"),
            (ErrorKind::UnknownDimension { dimension: "colour".into(), why: "it is declared twice" }, "dimension \"colour\": it is declared twice"),
            (ErrorKind::UnknownDimensionValue { dimension: "recipient".into(), value: "family".into(), expected: "collective, individual, both".into() }, "dimension \"recipient\" has no value \"family\"; expected one of: collective, individual, both"),
            (ErrorKind::AsOfMissing { start: chrono::NaiveDate::from_ymd_opt(2011, 1, 1).unwrap() }, "a figure's period runs \"until now\" from 2011-01-01, and the dataset has no as_of date saying when now is"),
            (ErrorKind::NamedCountMismatch { stated: "3".into(), named: 2 }, "figure states 3 but names 2 recipients"),
            (ErrorKind::FigureShape { why: "it has no value and names no recipients" }, "figure is malformed: it has no value and names no recipients"),
            // ----- model v2: the checks of figures -----
            (ErrorKind::PeriodNotStated, "the figure's period is not stated (\"period\": \"unknown\"): accepted, and it belongs to no period's total"),
            (ErrorKind::BreakdownDoesNotAdd { whole: Worded::new("202", "202"), parts: Worded::new("190", "190") }, "the parts add up to 190, not to the whole 202, and the breakdown is complete"),
            (ErrorKind::BreakdownExceedsWhole { whole: Worded::new("17", "17"), parts: Worded::new("at least 20", "ít nhất 20") }, "the parts (at least 20) exceed the whole 17"),
            (ErrorKind::CheckLeftOpen { check: "a declared relation", left: Worded::new("at least 12", "ít nhất 12"), right: Worded::new("13", "13") }, "a declared relation: left open by the intervals (at least 12 against 13)"),
            (ErrorKind::ActorSetMemberExceeds { member: "government_heads", value: Worded::new("14", "14"), set: "party_committee_heads+government_heads".into(), set_value: Worded::new("12", "12"), set_figure: 0 }, "the figure of government_heads (14) is above the figure of the actor set party_committee_heads+government_heads (12) in figures[0]"),
            (ErrorKind::SubUnitsDisagree { unit: "816".into(), own: Worded::new("30", "30"), children: Worded::new("41", "41") }, "unit \"816\" states 30, its sub-units' figures give 41"),
            (ErrorKind::RelationBroken { relation: "prizes_are_teams".into(), form: "sum_of/equals", left: Worded::new("38", "38"), right: Worded::new("40", "40") }, "relation \"prizes_are_teams\" (sum_of/equals) does not hold: 38 against 40"),
            (ErrorKind::FigureRuleBroken { indicator: "petitions_resolved".into(), value: Worded::new("12", "12"), whole: "petitions_raised".into(), whole_value: Worded::new("10", "10"), whole_figure: 1 }, "\"petitions_resolved\" (12) is above \"petitions_raised\" (10) of figures[1]"),
            (ErrorKind::LumpedNotSum { dim: "recipient".into(), value: "both".into(), lumped: Worded::new("30", "30"), split: Worded::new("31", "31") }, "recipient \"both\" (30) is not the sum of its split values (31)"),
            (ErrorKind::ChangeDisagrees { stated: Worded::new("increase 12", "tăng 12"), actual: Worded::new("increase 10", "tăng 10") }, "the stated change (increase 12) is not the change between the figures of the two periods (increase 10)"),
            (ErrorKind::FigureRepeated { first: 0 }, "the same figure as figures[0], with the same value: one figure stated twice"),
            (ErrorKind::FigureConflict { first: 0, index: 3, first_value: Worded::new("12", "12"), value: Worded::new("13", "13") }, "figures[0] and figures[3] state the same figure with different values (12 and 13)"),
            (ErrorKind::RatioNotUnits { unit: "816".into(), level: "commune", den: 13, listed: 12 }, "the ratio's denominator 13 is not the 12 commune units under \"816\" that the dataset lists"),
            (ErrorKind::AwardedByNotAbove { unit: "816".into(), what: "unit", by: "30".into() }, "the award is given by unit \"30\", which is not above the figure's unit \"816\""),
            (ErrorKind::ReportUnitUnknown { unit: "31".into() }, "the report's unit \"31\" is not among the dataset's units"),
            (ErrorKind::ReportUnitAboveRoot { unit: "89".into(), root: "816".into() }, "the report's unit \"89\" is above the dataset's root \"816\": the dataset does not speak for it"),
            (ErrorKind::RollUpUnitWordsDiffer { unit: "643".into(), units: "24310, 24311".into(), indicator: "fund_raised".into(), left: "đồng".into(), right: "m²".into() }, "the sum of \"fund_raised\" at \"643\" is left open: 24310, 24311 state it in \"đồng\" and \"m²\""),
            (ErrorKind::ReportNoUnit, "the dataset lists no unit to report on"),
            (ErrorKind::UnknownSchema { input: "dataset-v3".into() }, "schema \"dataset-v3\": expected dataset-v1, dataset-v2 or catalogue"),
            (ErrorKind::WriteFailed { message: "key must be a string".into() }, "cannot write the output: key must be a string"),
            (ErrorKind::UnitEraNotFound { unit: "26734".into(), eras: "current, 2008-01-01".into(), what: "figure's period", period: "2025-01-01/2025-06-30".into() }, "unit \"26734\" is listed in the eras current, 2008-01-01 and none of them covers the figure's period 2025-01-01/2025-06-30"),
            (ErrorKind::UnitEraAmbiguous { unit: "26734".into(), eras: "current, 2008-01-01".into(), what: "figure's period", period: "2025-01-01/2025-12-31".into() }, "unit \"26734\" is listed in several eras (current, 2008-01-01) that all cover the figure's period 2025-01-01/2025-12-31: give each its valid_from or valid_to"),
            (ErrorKind::UnitNotValidForPeriod { unit: "26734".into(), era: "current".into(), what: "figure's period", period: "2025-01-01/2025-06-30".into() }, "the figure's period 2025-01-01/2025-06-30 lies outside the validity of unit \"26734\" (era current)"),
            (ErrorKind::NamedTwice { name: "Đội A".into(), times: 2 }, "the name \"Đội A\" is given 2 times among the named recipients: counted 2 times (two recipients may share a name); tell them apart if they are one"),
            (ErrorKind::RecordTotalledNowhere { unit: "769".into(), era: "2020-01-01".into() }, "the record's unit \"769\" (era 2020-01-01) lies outside the units the dataset totals (its root and below; in another era, its named units not above the root's code): the record would be counted nowhere"),
            (ErrorKind::MergeRekeyedStock { unit: "80001".into(), indicator: "grassroots_blocks".into() }, "cannot merge the stock \"grassroots_blocks\" at unit \"80001\": the totals were rekeyed and both hold a value there or below it, which may come from the same old unit (the later value) or from different old units (their sum); merge the totals before rekeying"),
            (ErrorKind::FigureStatedNowhere { unit: "79".into(), era: "current".into() }, "the figure's unit \"79\" (era current) lies outside the units the dataset reports on (its root and below; in another era, its named units not above the root's code): the figure would be stated nowhere"),
            (ErrorKind::MergeNestedOldUnits { indicator: "documents".into(), upper: "101".into(), lower: "10101".into() }, "cannot merge the figures of \"documents\": one side holds the own figure of unit \"101\", its whole, and the other, rekeyed, a figure of unit \"10101\" within it, which that figure includes; merge the totals before rekeying"),
            (ErrorKind::RekeyPartAboveWhole { indicator: "documents".into(), unit: "101".into(), whole: Worded::new("3", "3"), parts: "\"10101\"".into(), held: Worded::new("5", "5") }, "cannot rekey \"documents\": old unit \"101\" states 3 in all, but the figures of the units within it (\"10101\") give 5, more than their whole; correct the figures before rekeying"),
            (ErrorKind::RekeyBelowNoMappedUnit { indicator: "documents".into(), unit: "10201".into(), level: "district".into() }, "cannot rekey \"documents\": old unit \"10201\" lies below the district level the crosswalk maps, with no district above it, and holds values no entry carries; expected a district above it, or a rekey at its own level"),
            (ErrorKind::MergeUnknownProvenance { indicator: "documents".into() }, "cannot merge the figures of \"documents\": one side's rows were written without provenance (an earlier format), so whether its old units lie within the other side's is not known; rekey the old totals again and merge"),
        ]
    }

    #[test]
    fn display_texts() {
        let cases = all_kinds();
        let mut codes = std::collections::HashSet::new();
        for (kind, _) in &cases {
            assert!(codes.insert(kind.code()), "code {} used twice", kind.code());
        }
        for (kind, text) in cases {
            assert_eq!(kind.to_string(), text);
            assert_eq!(Error::from(kind).to_string(), text);
        }
    }

    /// The codes are part of the public contract: apps match on them and
    /// officials quote them. This list is written out by hand; a change to a
    /// code, a new kind without its code here, or a code used twice fails.
    #[test]
    fn codes_are_unique_and_stable() {
        const STABLE: &[(&str, &str)] = &[
            ("InvalidNumber", "DV001"),
            ("PartExceedsWhole", "DV002"),
            ("Overflow", "DV003"),
            ("NegativeCount", "DV004"),
            ("NegativeAmount", "DV005"),
            ("UnitMismatch", "DV006"),
            ("InvalidUnitWord", "DV007"),
            ("PeriodReversed", "DV020"),
            ("InvalidPeriod", "DV021"),
            ("YearOutOfRange", "DV022"),
            ("InvalidMonth", "DV023"),
            ("InvalidCutOffDay", "DV024"),
            ("InvalidUnitCode", "DV030"),
            ("DuplicateUnit", "DV031"),
            ("UnknownParent", "DV032"),
            ("ParentLevelMismatch", "DV033"),
            ("MissingParent", "DV034"),
            ("UnexpectedParent", "DV035"),
            ("ParentCycle", "DV036"),
            ("VillageOutsideCommune", "DV037"),
            ("ValidityReversed", "DV038"),
            ("ValidityOutsideParent", "DV039"),
            ("CrosswalkUnmapped", "DV040"),
            ("CrosswalkDuplicateSource", "DV041"),
            ("CrosswalkUnknownTarget", "DV042"),
            ("CrosswalkUnknownSource", "DV043"),
            ("CrosswalkSharesSum", "DV044"),
            ("CrosswalkInvalidShare", "DV045"),
            ("CrosswalkNoTarget", "DV046"),
            ("CrosswalkDuplicateTarget", "DV047"),
            ("CrosswalkLevelMismatch", "DV048"),
            ("Json", "DV050"),
            ("UnexpectedArray", "DV051"),
            ("InvalidActor", "DV060"),
            ("InvalidRecordId", "DV061"),
            ("InvalidIndicatorId", "DV062"),
            ("UnknownUnit", "DV063"),
            ("UnitNotValidOn", "DV064"),
            ("WrongLevel", "DV065"),
            ("SecondBlock", "DV066"),
            ("SecondTeam", "DV067"),
            ("DateOutsidePeriod", "DV068"),
            ("ConsentExceedsAffected", "DV069"),
            ("ResolvedExceedsRaised", "DV070"),
            ("NoSubjects", "DV071"),
            ("StagesNotNested", "DV072"),
            ("PartsMismatch", "DV073"),
            ("DuplicateId", "DV074"),
            ("BreakthroughsExceedKeyTasks", "DV075"),
            ("BreakthroughNotKey", "DV076"),
            ("MoreTasksThanDeclared", "DV077"),
            ("FewerTasksListed", "DV078"),
            ("NotOneActor", "DV079"),
            ("ReceptionBelowNorm", "DV080"),
            ("UnknownIndicator", "DV081"),
            ("ValueTypeMismatch", "DV082"),
            ("FigurePeriodOutside", "DV083"),
            ("DuplicateFigure", "DV084"),
            ("OverlappingFigures", "DV098"),
            ("BuiltinIndicatorRedeclared", "DV085"),
            ("UnknownCriterion", "DV086"),
            ("DuplicateName", "DV087"),
            ("DissolvedBeforeEstablished", "DV088"),
            ("SeveralLeaders", "DV089"),
            ("CsvCell", "DV090"),
            ("CsvMissingColumn", "DV091"),
            ("CsvUnknownColumn", "DV092"),
            ("CsvDuplicateColumn", "DV093"),
            ("CsvCellCount", "DV094"),
            ("CsvMalformed", "DV095"),
            ("CsvUnwritable", "DV096"),
            ("CsvIo", "DV097"),
            ("TotalOverflow", "DV100"),
            ("TotalsMismatch", "DV101"),
            ("InvalidTotals", "DV102"),
            ("ReadFailed", "DV103"),
            ("LineTooLong", "DV104"),
            ("RekeyUncovered", "DV105"),
            ("DocumentTooLarge", "DV120"),
            ("TooManyRecords", "DV121"),
            ("StringTooLong", "DV122"),
            ("NestingTooDeep", "DV123"),
            ("InvalidSynthShape", "DV130"),
            ("CsvTooManyRows", "DV124"),
            ("CsvCellTooLong", "DV125"),
            ("IssuesLeftOut", "DV126"),
            ("CsvTooManyCells", "DV127"),
            ("CrosswalkSharesLeaveNothing", "DV136"),
            ("CrosswalkComposeMissing", "DV137"),
            ("CrosswalkComposeShareScale", "DV138"),
            ("CrosswalkUnnamedRemainder", "DV139"),
            ("CrosswalkLeftUnmapped", "DV140"),
            ("CrosswalkReceivesNothing", "DV141"),
            ("UnknownQualifierWord", "DV131"),
            ("RangeReversed", "DV132"),
            ("NotAValue", "DV133"),
            ("AmountRangeNotCount", "DV135"),
            ("NoV1Form", "DV134"),
            ("InvalidInterval", "DV150"),
            ("SummaryUnknownUnit", "DV151"),
            ("IndicatorDefinedTwice", "DV160"),
            ("UnknownCatalogueIndicator", "DV161"),
            ("WrongValueType", "DV162"),
            ("WrongUnitWord", "DV163"),
            ("RateAboveHundred", "DV164"),
            ("RatioAboveWhole", "DV165"),
            ("UnitOutsideRoot", "DV166"),
            ("RootNotListed", "DV167"),
            ("UnitEntryInvalid", "DV168"),
            ("IdUsedTwice", "DV169"),
            ("UnknownFigureId", "DV170"),
            ("RelationShape", "DV171"),
            ("NotUpgradable", "DV172"),
            ("UnknownDimension", "DV173"),
            ("UnknownDimensionValue", "DV174"),
            ("AsOfMissing", "DV175"),
            ("NamedCountMismatch", "DV176"),
            ("FigureShape", "DV177"),
            ("PeriodNotStated", "DV178"),
            ("BreakdownDoesNotAdd", "DV179"),
            ("BreakdownExceedsWhole", "DV180"),
            ("CheckLeftOpen", "DV181"),
            ("ActorSetMemberExceeds", "DV182"),
            ("SubUnitsDisagree", "DV183"),
            ("RelationBroken", "DV184"),
            ("FigureRuleBroken", "DV185"),
            ("LumpedNotSum", "DV186"),
            ("ChangeDisagrees", "DV187"),
            ("FigureRepeated", "DV188"),
            ("FigureConflict", "DV189"),
            ("RatioNotUnits", "DV190"),
            ("AwardedByNotAbove", "DV191"),
            ("ReportUnitUnknown", "DV200"),
            ("ReportUnitAboveRoot", "DV201"),
            ("RollUpUnitWordsDiffer", "DV202"),
            ("ReportNoUnit", "DV203"),
            ("UnknownSchema", "DV204"),
            ("WriteFailed", "DV205"),
            ("UnitEraNotFound", "DV207"),
            ("UnitEraAmbiguous", "DV208"),
            ("UnitNotValidForPeriod", "DV209"),
            ("NamedTwice", "DV210"),
            ("RecordTotalledNowhere", "DV211"),
            ("MergeRekeyedStock", "DV212"),
            ("FigureStatedNowhere", "DV213"),
            ("MergeNestedOldUnits", "DV215"),
            ("RekeyPartAboveWhole", "DV216"),
            ("RekeyBelowNoMappedUnit", "DV217"),
            ("MergeUnknownProvenance", "DV218"),
        ];
        assert_eq!(table::TABLE_CODES, STABLE);
        let mut seen = std::collections::HashSet::new();
        for (name, code) in STABLE {
            assert!(seen.insert(*code), "{code} used twice ({name})");
            assert!(code.len() == 5 && code.starts_with("DV"), "{code}");
            assert!(code[2..].bytes().all(|b| b.is_ascii_digit()), "{code}");
        }
    }

    /// Every kind of the Display test has a Vietnamese text of its own: not
    /// empty, not the English text, and quoting the same codes.
    #[test]
    fn every_kind_has_both_texts() {
        let kinds = all_kinds();
        let names: std::collections::HashSet<&str> = kinds
            .iter()
            .map(|(k, _)| {
                let debug = format!("{k:?}");
                let name: String = debug.chars().take_while(|c| c.is_alphanumeric()).collect();
                table::TABLE_CODES
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(n, _)| *n)
                    .expect("a kind of the table")
            })
            .collect();
        assert_eq!(names.len(), table::TABLE_CODES.len(), "a kind lacks a case");
        for (kind, english) in kinds {
            let vi = kind.message_vi();
            assert!(!vi.trim().is_empty(), "{english}");
            assert!(!english.trim().is_empty());
            assert_ne!(vi, english);
            for code in english.split('"').skip(1).step_by(2) {
                if !code.is_empty()
                    && code
                        .bytes()
                        .all(|b| b.is_ascii_digit() || b == b'-' || b == b'T')
                {
                    assert!(vi.contains(&format!("\"{code}\"")), "{vi} lacks {code}");
                }
            }
        }
    }

    #[test]
    fn default_severities() {
        let warnings: Vec<&str> = all_kinds()
            .into_iter()
            .filter(|(k, _)| k.default_severity() == Severity::Warning)
            .map(|(k, _)| k.code().as_str())
            .collect();
        assert_eq!(
            warnings,
            [
                "DV078", "DV080", "DV087", "DV139", "DV140", "DV141", "DV178", "DV181", "DV183",
                "DV188", "DV202", "DV210"
            ]
        );
    }

    #[test]
    fn vietnamese_dates_and_validity() {
        let dated = ErrorKind::ValidityReversed {
            code: "288".into(),
            from: d("2025-01-01"),
            to: d("2024-12-31"),
        }
        .message_vi();
        assert!(dated.contains("31/12/2024") && dated.contains("01/01/2025"));
        let open = ErrorKind::ValidityOutsideParent {
            code: "10507".into(),
            from: Some(d("2021-01-01")),
            to: None,
            parent: "289".into(),
            parent_from: None,
            parent_to: None,
        };
        assert_eq!(
            open.to_string(),
            "unit \"10507\" is valid from 2021-01-01, outside its parent \"289\" valid at all times"
        );
        assert!(open.message_vi().contains("từ 01/01/2021"));
        assert!(open.message_vi().contains("không giới hạn thời gian"));
    }

    /// A rejection of a 1 MiB bad value holds a short excerpt, not the value.
    #[test]
    fn message_of_a_huge_value_is_bounded() {
        let huge = "9".repeat(1 << 20);
        for kind in [
            ErrorKind::InvalidUnitCode {
                input: Excerpt::new(&huge),
                expected: "2, 3 or 5 digits",
            },
            ErrorKind::InvalidNumber {
                input: huge.as_str().into(),
                expected: "a number",
            },
            ErrorKind::InvalidIndicatorId {
                input: huge.clone().into(),
            },
            ErrorKind::Json {
                line: 1,
                column: 2,
                message: Excerpt::message(&huge),
            },
        ] {
            let english = kind.to_string();
            let vi = kind.message_vi();
            assert!(english.len() < 600, "{} bytes", english.len());
            assert!(vi.len() < 600, "{} bytes", vi.len());
            assert!(english.contains("… (1 048 576 bytes)"), "{english}");
            assert!(
                vi.contains("(1.048.576 byte)") || vi.contains("… (1 048 576 bytes)"),
                "{vi}"
            );
            assert!(Error::from(kind).to_string().len() < 600);
        }
    }
}
