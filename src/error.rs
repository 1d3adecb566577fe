//! The one public error type of the crate.
//!
//! Every failure — a malformed number, an unknown unit code, a rule broken by a
//! dataset — is an [`ErrorKind`] carried by an [`Error`]. Each kind has a stable
//! code (`DV001`, …) that apps can match on and show to officials; the English
//! `Display` is for developers, the Vietnamese wording lives in
//! [`crate::render::vi::message`].

use std::fmt;

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
    pub fn into_kind(self) -> ErrorKind {
        *self.kind
    }

    /// The stable code of the kind, e.g. `"DV001"`.
    ///
    /// ```
    /// let err = danvan::Error::from(danvan::ErrorKind::Overflow { what: "count".into() });
    /// assert_eq!(err.code(), "DV003");
    /// ```
    pub fn code(&self) -> &'static str {
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

/// What went wrong, with the values involved.
///
/// Messages are lowercase, quote the input and say what was expected. Values
/// are carried as plain Rust types (text, integers) so that no other crate's
/// type is part of this enum.
///
/// ```
/// let kind = danvan::ErrorKind::Overflow { what: "count".into() };
/// assert_eq!(kind.to_string(), "count overflows the largest representable value");
/// ```
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ErrorKind {
    // ----- quantities (DV001–DV019) -----
    /// Text is not a number in Vietnamese notation of the expected kind.
    #[error("invalid number {input:?}: expected {expected}")]
    InvalidNumber {
        /// The text as given.
        input: String,
        /// What was expected, e.g. `"a whole number such as 1.229 or 1229"`.
        expected: &'static str,
    },
    /// A share's part was larger than its whole.
    #[error("part {part} exceeds whole {whole}")]
    PartExceedsWhole {
        /// The part.
        part: u64,
        /// The whole.
        whole: u64,
    },
    /// Arithmetic on a value would overflow.
    #[error("{what} overflows the largest representable value")]
    Overflow {
        /// What overflowed, e.g. `"count"` or `"conferences total of unit 30"`.
        what: String,
    },
    /// A subtraction would make a count negative.
    #[error("cannot subtract {subtrahend} from {minuend}: a count cannot be negative")]
    NegativeCount {
        /// The count subtracted from.
        minuend: u64,
        /// The count subtracted.
        subtrahend: u64,
    },
    /// A measure's amount was below zero.
    #[error("negative amount {amount:?}: expected zero or more")]
    NegativeAmount {
        /// The amount as a decimal string, e.g. `"-5"`.
        amount: String,
    },
    /// Two measures with different unit words were added.
    #[error("cannot add amounts in {left:?} and {right:?}: the unit words differ")]
    UnitMismatch {
        /// The unit word of the left operand.
        left: String,
        /// The unit word of the right operand.
        right: String,
    },
    /// Text is not a valid unit word.
    #[error("invalid unit word {input:?}: expected {expected}")]
    InvalidUnitWord {
        /// The text as given.
        input: String,
        /// What was expected.
        expected: &'static str,
    },

    // ----- periods (DV020–DV029) -----
    /// A period's end came before its start.
    #[error("period ends {end} before it starts {start}")]
    PeriodReversed {
        /// The start, as `YYYY-MM-DD`.
        start: String,
        /// The end, as `YYYY-MM-DD`.
        end: String,
    },
    /// Text is not a period in the compact form (`2022`, `2022-Q3`, …).
    #[error("invalid period {input:?}: expected {expected}")]
    InvalidPeriod {
        /// The text as given.
        input: String,
        /// What was expected, e.g. `"a month from 01 to 12, e.g. 2022-07"`.
        expected: &'static str,
    },
    /// A year's reporting window cannot be represented as dates.
    #[error("year {year} is out of range: expected a year from {min} to {max}")]
    YearOutOfRange {
        /// The year as given.
        year: i32,
        /// The first year the calendar can represent.
        min: i32,
        /// The last year the calendar can represent.
        max: i32,
    },
    /// A month number is not from 1 to 12.
    #[error("invalid month {month}: expected a month from 1 to 12")]
    InvalidMonth {
        /// The month as given.
        month: u32,
    },
    /// A reporting calendar's cut-off day is not from 2 to 28.
    #[error("invalid cut-off day {day}: expected a day from 2 to 28")]
    InvalidCutOffDay {
        /// The day as given.
        day: u32,
    },

    // ----- units and hierarchy (DV030–DV049) -----
    /// A unit code does not have the shape of any level.
    #[error("invalid unit code {input:?}: expected {expected}")]
    InvalidUnitCode {
        /// The text as given.
        input: String,
        /// What was expected.
        expected: &'static str,
    },
    /// Two units of a list have the same code.
    #[error("duplicate unit code {code:?}: already given at position {first}")]
    DuplicateUnit {
        /// The code given twice.
        code: String,
        /// The position (0-based) of its first occurrence in the list.
        first: usize,
    },
    /// A unit's parent code is not among the units.
    #[error("parent {parent:?} of unit {code:?} is not among the units")]
    UnknownParent {
        /// The unit's code.
        code: String,
        /// The parent code that was not found.
        parent: String,
    },
    /// A unit's level cannot sit under its parent's level.
    #[error("unit {code:?} at level {level} cannot sit under {parent:?} at level {parent_level}: expected {expected}")]
    ParentLevelMismatch {
        /// The unit's code.
        code: String,
        /// The unit's level, e.g. `"commune"`.
        level: &'static str,
        /// The parent's code.
        parent: String,
        /// The parent's level.
        parent_level: &'static str,
        /// What the parent should be, e.g. `"a parent at level district or province"`.
        expected: &'static str,
    },
    /// A district, commune or village has no parent.
    #[error("unit {code:?} at level {level} has no parent: expected {expected}")]
    MissingParent {
        /// The unit's code.
        code: String,
        /// The unit's level.
        level: &'static str,
        /// What the parent should be.
        expected: &'static str,
    },
    /// A province has a parent.
    #[error("unit {code:?} at level province has parent {parent:?}: expected no parent")]
    UnexpectedParent {
        /// The unit's code.
        code: String,
        /// The parent code given.
        parent: String,
    },
    /// Following parent links from a unit comes back to it.
    #[error("unit {code:?} is its own ancestor: its parent links form a cycle")]
    ParentCycle {
        /// The code of a unit on the cycle.
        code: String,
    },
    /// A village's code names another commune than its parent.
    #[error("village {code:?} sits under commune {parent:?}: expected the commune of its code, {expected:?}")]
    VillageOutsideCommune {
        /// The village's code.
        code: String,
        /// The parent's code.
        parent: String,
        /// The commune part of the village's code.
        expected: String,
    },
    /// A unit's validity ends before it starts.
    #[error("validity of unit {code:?} ends {to} before it starts {from}")]
    ValidityReversed {
        /// The unit's code.
        code: String,
        /// The first day, as `YYYY-MM-DD`.
        from: String,
        /// The last day, as `YYYY-MM-DD`.
        to: String,
    },
    /// A unit is valid on days when its parent is not.
    #[error("unit {code:?} is valid {}, outside its parent {parent:?} valid {}", crate::unit::validity_text(.from, .to), crate::unit::validity_text(.parent_from, .parent_to))]
    ValidityOutsideParent {
        /// The unit's code.
        code: String,
        /// The unit's first day (`YYYY-MM-DD`), `None` if open.
        from: Option<String>,
        /// The unit's last day (`YYYY-MM-DD`), `None` if open.
        to: Option<String>,
        /// The parent's code.
        parent: String,
        /// The parent's first day (`YYYY-MM-DD`), `None` if open.
        parent_from: Option<String>,
        /// The parent's last day (`YYYY-MM-DD`), `None` if open.
        parent_to: Option<String>,
    },
    /// An old unit has no crosswalk entry.
    #[error("old unit {code:?} has no crosswalk entry")]
    CrosswalkUnmapped {
        /// The old unit's code.
        code: String,
    },
    /// A crosswalk has more than one entry for the same old unit.
    #[error("crosswalk maps old unit {code:?} more than once: first at entry {first}")]
    CrosswalkDuplicateSource {
        /// The old unit's code.
        code: String,
        /// The position (0-based) of its first entry.
        first: usize,
    },
    /// A crosswalk target is not among the new units.
    #[error("crosswalk maps {from:?} to {to:?}, which is not among the new units")]
    CrosswalkUnknownTarget {
        /// The old unit's code.
        from: String,
        /// The target code that was not found.
        to: String,
    },
    /// A crosswalk entry's old unit is not among the old units of the level checked.
    #[error("crosswalk maps old unit {code:?}, which is not among the old units at level {level}")]
    CrosswalkUnknownSource {
        /// The old unit's code.
        code: String,
        /// The level checked.
        level: &'static str,
    },
    /// The shares of a split do not add up to 1.
    #[error("shares of old unit {from:?} sum to {sum}: expected 1")]
    CrosswalkSharesSum {
        /// The old unit's code.
        from: String,
        /// The sum of its shares, as a decimal.
        sum: String,
    },
    /// A share of a split is out of range or not a decimal.
    #[error("invalid share {share:?} of {from:?} to {to:?}: expected {expected}")]
    CrosswalkInvalidShare {
        /// The old unit's code.
        from: String,
        /// The target's code.
        to: String,
        /// The share as given.
        share: String,
        /// What was expected.
        expected: &'static str,
    },
    /// A crosswalk entry has no target.
    #[error("crosswalk entry of {from:?} has no target: expected at least one")]
    CrosswalkNoTarget {
        /// The old unit's code.
        from: String,
    },
    /// A crosswalk entry lists the same target twice.
    #[error("crosswalk entry of {from:?} lists target {to:?} twice")]
    CrosswalkDuplicateTarget {
        /// The old unit's code.
        from: String,
        /// The target given twice.
        to: String,
    },
    /// A crosswalk maps a unit to a unit of another level.
    #[error("crosswalk maps {from:?} at level {from_level} to {to:?} at level {to_level}: expected a target at the same level")]
    CrosswalkLevelMismatch {
        /// The old unit's code.
        from: String,
        /// The old unit's level.
        from_level: &'static str,
        /// The target's code.
        to: String,
        /// The target's level.
        to_level: &'static str,
    },

    // ----- dataset and validation (DV050–DV099) -----
    /// The document is not valid JSON or does not have the dataset's shape.
    #[error("line {line}, column {column}: {message}")]
    Json {
        /// The line (1-based) where the problem was found.
        line: usize,
        /// The column (1-based) where the problem was found.
        column: usize,
        /// What the JSON reader said.
        message: String,
    },

    /// A JSON array stands where the format expects an object or a value.
    #[error("line {line}, column {column}: unexpected array: expected an object with named fields (arrays hold only lists such as `conferences`)")]
    UnexpectedArray {
        /// The line (1-based) of the `[`.
        line: usize,
        /// The column (1-based, in bytes) of the `[`.
        column: usize,
    },
    /// Text is not one of the actors' wire names.
    #[error("unknown actor {input:?}: expected one of party_committees, mobilization_sector, government, peoples_council, front_and_mass_organizations, armed_forces, other")]
    InvalidActor {
        /// The text as given.
        input: String,
    },
    /// A record id was empty, too long, or held invisible characters.
    #[error("invalid record id {input:?}: expected 1 to 64 visible characters without leading or trailing spaces")]
    InvalidRecordId {
        /// The text as given.
        input: String,
    },
    /// An indicator id did not have the expected shape.
    #[error("invalid indicator id {input:?}: expected 1 to 64 characters from a-z, 0-9 and _, starting with a letter")]
    InvalidIndicatorId {
        /// The text as given.
        input: String,
    },
    /// A record names a unit that is not in the dataset's units.
    #[error("unknown unit {code:?}: expected the code of a unit in the dataset's units")]
    UnknownUnit {
        /// The unit code.
        code: String,
    },
    /// A record names a unit that did not exist on the record's date.
    #[error("unit {code:?} is not valid on {date}")]
    UnitNotValidOn {
        /// The unit code.
        code: String,
        /// The date, `YYYY-MM-DD`.
        date: String,
    },
    /// A record sits on a unit of the wrong level.
    #[error("unit {code:?} is a {level}: expected {expected}")]
    WrongLevel {
        /// The unit code.
        code: String,
        /// The unit's level.
        level: &'static str,
        /// The level expected, e.g. `"a commune"`.
        expected: &'static str,
    },
    /// A commune has a second grassroots block at the same time.
    #[error("commune {code:?} already has a grassroots block (blocks[{first}]): expected at most one per commune")]
    SecondBlock {
        /// The commune code.
        code: String,
        /// The position of the first block.
        first: usize,
    },
    /// A village has a second team at the same time.
    #[error("village {code:?} already has a mobilization team (teams[{first}]): expected at most one per village")]
    SecondTeam {
        /// The village code.
        code: String,
        /// The position of the first team.
        first: usize,
    },
    /// A date lies outside the dataset's period.
    #[error("date {date} is outside the period {start} to {end}")]
    DateOutsidePeriod {
        /// The date, `YYYY-MM-DD`.
        date: String,
        /// The period's first day.
        start: String,
        /// The period's last day.
        end: String,
    },
    /// A site-clearance drive has more consenting households than affected ones.
    #[error("{consenting} households consenting exceed {affected} households affected")]
    ConsentExceedsAffected {
        /// Households consenting.
        consenting: u64,
        /// Households affected.
        affected: u64,
    },
    /// More petitions resolved than raised.
    #[error("{resolved} petitions resolved exceed {raised} petitions raised")]
    ResolvedExceedsRaised {
        /// Petitions resolved.
        resolved: u64,
        /// Petitions raised.
        raised: u64,
    },
    /// An inspection or supervision session has no subject.
    #[error("session has no subject: expected at least one Party organization or Party member")]
    NoSubjects,
    /// A later model stage has more models than an earlier one.
    #[error("{count} models {stage} exceed {earlier_count} models {earlier}: each stage is a subset of the one before")]
    StagesNotNested {
        /// The later stage's indicator id.
        stage: &'static str,
        /// Its value.
        count: u64,
        /// The earlier stage's indicator id.
        earlier: &'static str,
        /// Its value.
        earlier_count: u64,
    },
    /// The parts of a figure's breakdown do not match its value.
    #[error("breakdown parts sum to {parts_qualifier} {parts}, which cannot match the figure's {total_qualifier} {total}")]
    PartsMismatch {
        /// The figure's value.
        total: u64,
        /// Its qualifier (`exact`, `at_least`, `at_most`, `about`).
        total_qualifier: &'static str,
        /// The sum of the parts.
        parts: u64,
        /// The sum's qualifier.
        parts_qualifier: &'static str,
    },
    /// An id appears twice in one list.
    #[error("duplicate id {id:?}: already used at position {first}")]
    DuplicateId {
        /// The id.
        id: String,
        /// The position of its first use.
        first: usize,
    },
    /// A plan declares more breakthrough tasks than key tasks.
    #[error("plan declares {breakthrough} breakthrough tasks but only {key} key tasks: every breakthrough task is a key task")]
    BreakthroughsExceedKeyTasks {
        /// Breakthrough tasks declared.
        breakthrough: u32,
        /// Key tasks declared.
        key: u32,
    },
    /// A task is a breakthrough task but not a key task.
    #[error("a breakthrough task must also be a key task")]
    BreakthroughNotKey,
    /// A plan lists more tasks than it declares.
    #[error("plan lists {listed} {what} tasks but declares {declared}")]
    MoreTasksThanDeclared {
        /// `"key"` or `"breakthrough"`.
        what: &'static str,
        /// Tasks listed.
        listed: u32,
        /// Tasks declared.
        declared: u32,
    },
    /// A plan lists fewer key tasks than it declares (a warning: sources often name only some).
    #[error("plan lists {listed} of its {declared} key tasks")]
    FewerTasksListed {
        /// Tasks listed.
        listed: u32,
        /// Tasks declared.
        declared: u32,
    },
    /// A figure names no actor or several.
    #[error("figure names {count} actors ({actors}): expected exactly one; figures of different actors are reported separately, never summed")]
    NotOneActor {
        /// The actors named, comma-separated.
        actors: String,
        /// How many.
        count: usize,
    },
    /// A head received citizens on fewer days in a month than the norm.
    #[error("the head of {code:?} ({actor}) received citizens on too few days in {month}: {days}, expected at least {norm}")]
    ReceptionBelowNorm {
        /// The unit code.
        code: String,
        /// Whose head: the actor's wire name, e.g. `party_committees`.
        actor: &'static str,
        /// The month, `YYYY-MM`.
        month: String,
        /// Days with receptions.
        days: usize,
        /// Days required.
        norm: u32,
    },
    /// A figure names an indicator that is neither built in nor declared.
    #[error(
        "unknown indicator {id:?}: expected a built-in indicator or one declared in `indicators`"
    )]
    UnknownIndicator {
        /// The id.
        id: String,
    },
    /// A figure gives a value where an amount is expected, or the other way round.
    #[error("indicator {id:?} expects exactly one `{expected}`")]
    ValueTypeMismatch {
        /// The indicator id.
        id: String,
        /// The field expected: `value` or `amount`.
        expected: &'static str,
    },
    /// A figure's own period is not inside the dataset's.
    #[error("figure period {period} is not inside the dataset period {dataset}")]
    FigurePeriodOutside {
        /// The figure's period.
        period: String,
        /// The dataset's period.
        dataset: String,
    },
    /// The same indicator, unit, period and actor are reported twice.
    #[error("the same indicator, unit, period and actor are already reported in figures[{first}]")]
    DuplicateFigure {
        /// The position of the first figure.
        first: usize,
    },
    /// Two figures of a flow count the same indicator, unit and actor over overlapping periods.
    #[error("the period overlaps that of figures[{first}] for the same indicator, unit and actor: the overlap would be counted twice")]
    OverlappingFigures {
        /// The position of the other figure.
        first: usize,
    },
    /// A custom indicator reuses a built-in id.
    #[error("indicator {id:?} is built in: expected a new id for a custom indicator")]
    BuiltinIndicatorRedeclared {
        /// The id.
        id: String,
    },
    /// A task names a criterion that is not in the plan's checklist.
    #[error("unknown criterion {id:?}: expected one of the plan's criteria")]
    UnknownCriterion {
        /// The id.
        id: String,
    },
    /// Two sibling units have the same name (after Unicode NFC normalization).
    #[error("name {name:?} is already used by a sibling unit ({first})")]
    DuplicateName {
        /// The name, in NFC.
        name: String,
        /// Where the first unit with that name is, e.g. `units[2]`.
        first: String,
    },
    /// A body was dissolved before it was set up.
    #[error("dissolved {dissolved} before established {established}")]
    DissolvedBeforeEstablished {
        /// The date set up.
        established: String,
        /// The date dissolved.
        dissolved: String,
    },
    /// A village team has more than one leader.
    #[error("team has {count} Party cell secretaries: expected one leader")]
    SeveralLeaders {
        /// How many.
        count: usize,
    },
    // ----- CSV of figures (DV090–DV099) -----
    /// A cell of a CSV file of figures does not hold a valid value.
    #[error("row {row}, column {column:?}: {problem}")]
    CsvCell {
        /// The row (1-based; the header is row 1).
        row: u64,
        /// The column's name as the header row writes it.
        column: String,
        /// What is wrong with the cell's value.
        problem: Box<ErrorKind>,
    },
    /// A CSV file of figures lacks a required column.
    #[error("missing column {column:?}: expected a header row naming unit, period, actor, indicator and value")]
    CsvMissingColumn {
        /// The column's English name.
        column: &'static str,
    },
    /// A CSV file of figures has a column this crate does not know.
    #[error("unknown column {column:?} (column {position}): expected unit, period, actor, indicator, value or unit_name")]
    CsvUnknownColumn {
        /// The column's name as the header row writes it.
        column: String,
        /// The column's position (1-based).
        position: u64,
    },
    /// A CSV file of figures names a column twice (in one language or both).
    #[error("column {column:?} (column {position}) repeats column {first}")]
    CsvDuplicateColumn {
        /// The column's name as the header row writes it.
        column: String,
        /// The repeated column's position (1-based).
        position: u64,
        /// The position of its first occurrence (1-based).
        first: u64,
    },
    /// A row of a CSV file has more or fewer cells than the header row.
    #[error("row {row} has {found} cells: expected {expected}, as in the header row")]
    CsvCellCount {
        /// The row (1-based; the header is row 1).
        row: u64,
        /// How many cells it has.
        found: u64,
        /// How many the header row has.
        expected: u64,
    },
    /// A CSV file could not be read as CSV text (for example, it is not UTF-8).
    #[error("row {row}: {message}")]
    CsvMalformed {
        /// The row (1-based; the header is row 1).
        row: u64,
        /// What the CSV reader said.
        message: String,
    },
    /// A figure has no CSV form.
    #[error("figures[{index}] cannot be written as a CSV row: {reason}")]
    CsvUnwritable {
        /// The figure's position in the list (0-based).
        index: usize,
        /// Why not.
        reason: &'static str,
    },
    /// Reading or writing the CSV stream failed.
    #[error("cannot read or write CSV: {message}")]
    CsvIo {
        /// What the stream said.
        message: String,
    },
    // ----- aggregation (DV100–DV119) -----
    /// A total of one indicator for one unit exceeds the largest count.
    #[error("total of {indicator} for unit {unit:?} overflows")]
    TotalOverflow {
        /// The unit's code.
        unit: String,
        /// The indicator's id.
        indicator: String,
    },
    /// Two totals to merge are not over the same hierarchy, period and indicators.
    #[error("cannot merge totals over different {what}: expected the same hierarchy, period and indicators")]
    TotalsMismatch {
        /// What differs: `"hierarchies"`, `"periods"` or `"indicators"`.
        what: &'static str,
    },
    /// Serialized totals do not have the shape of totals.
    #[error("invalid totals: {reason}")]
    InvalidTotals {
        /// What is wrong.
        reason: String,
    },
    /// Reading the input failed.
    #[error("cannot read the input: {message}")]
    ReadFailed {
        /// The reader's message.
        message: String,
    },
    /// A line of JSON Lines input is too long.
    #[error("line is longer than {limit} bytes: expected one record per line")]
    LineTooLong {
        /// The largest line accepted, in bytes.
        limit: u64,
    },
    /// A unit above the level a crosswalk maps holds records of its own, but
    /// none of its units is mapped, so there is no new unit to carry them to.
    #[error("unit {unit:?} holds {indicator} records of its own, but none of its units is in the crosswalk: expected its units to be mapped")]
    RekeyUncovered {
        /// The old unit's code.
        unit: String,
        /// The indicator id.
        indicator: String,
    },
    // ----- limits (DV120–DV129) -----
    /// A document is larger than [`Limits::max_bytes`](crate::Limits::max_bytes).
    #[error(
        "document exceeds the limit of {limit} bytes (max_bytes): split it or raise the limit"
    )]
    DocumentTooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
    /// A document holds more records than [`Limits::max_records`](crate::Limits::max_records).
    #[error("document holds {count} records, more than the limit of {limit} (max_records): split it or raise the limit")]
    TooManyRecords {
        /// The records found.
        count: u64,
        /// The limit.
        limit: u64,
    },
    /// A string is longer than [`Limits::max_string_bytes`](crate::Limits::max_string_bytes).
    #[error("line {line}, column {column}: string exceeds the limit of {limit} bytes (max_string_bytes): shorten it or raise the limit")]
    StringTooLong {
        /// The line (1-based) where the string starts.
        line: usize,
        /// The column (1-based, in bytes) of its opening quote.
        column: usize,
        /// The limit, in bytes.
        limit: u64,
    },
    /// Objects and arrays nest deeper than [`Limits::max_depth`](crate::Limits::max_depth).
    #[error("line {line}, column {column}: nesting exceeds the limit of {limit} levels (max_depth): expected a flatter document")]
    NestingTooDeep {
        /// The line (1-based) of the bracket that went too deep.
        line: usize,
        /// The column (1-based, in bytes) of that bracket.
        column: usize,
        /// The limit, in levels.
        limit: u32,
    },

    // ----- synthetic data (DV130–DV139) -----
    /// A synthetic shape does not fit the national code shapes.
    #[error("invalid synthetic shape: {provinces} provinces, {districts} districts, {communes} communes: expected 1 to 99 provinces, at most 999 districts and 1 to 99999 communes")]
    InvalidSynthShape {
        /// Provinces asked for.
        provinces: u32,
        /// Districts asked for.
        districts: u32,
        /// Communes asked for.
        communes: u32,
    },
}

impl ErrorKind {
    /// The line and column (both 1-based) in the document, for errors found
    /// while reading it; `None` for the others, which validation locates by path.
    ///
    /// ```
    /// let err = danvan::Dataset::from_json(&b"{\n  \"schema\": 1}"[..]).unwrap_err();
    /// assert_eq!(err.kind().position(), Some((2, 13)));
    /// ```
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            ErrorKind::Json { line, column, .. }
            | ErrorKind::UnexpectedArray { line, column }
            | ErrorKind::StringTooLong { line, column, .. }
            | ErrorKind::NestingTooDeep { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }

    /// The stable code of this kind, e.g. `"DV001"`.
    ///
    /// Codes never change meaning; a retired kind's code is not reused.
    ///
    /// ```
    /// let kind = danvan::ErrorKind::PartExceedsWhole { part: 2, whole: 1 };
    /// assert_eq!(kind.code(), "DV002");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            // ----- quantities -----
            ErrorKind::InvalidNumber { .. } => "DV001",
            ErrorKind::PartExceedsWhole { .. } => "DV002",
            ErrorKind::Overflow { .. } => "DV003",
            ErrorKind::NegativeCount { .. } => "DV004",
            ErrorKind::NegativeAmount { .. } => "DV005",
            ErrorKind::UnitMismatch { .. } => "DV006",
            ErrorKind::InvalidUnitWord { .. } => "DV007",

            // ----- periods -----
            ErrorKind::PeriodReversed { .. } => "DV020",
            ErrorKind::InvalidPeriod { .. } => "DV021",
            ErrorKind::YearOutOfRange { .. } => "DV022",
            ErrorKind::InvalidMonth { .. } => "DV023",
            ErrorKind::InvalidCutOffDay { .. } => "DV024",

            // ----- units and hierarchy -----
            ErrorKind::InvalidUnitCode { .. } => "DV030",
            ErrorKind::DuplicateUnit { .. } => "DV031",
            ErrorKind::UnknownParent { .. } => "DV032",
            ErrorKind::ParentLevelMismatch { .. } => "DV033",
            ErrorKind::MissingParent { .. } => "DV034",
            ErrorKind::UnexpectedParent { .. } => "DV035",
            ErrorKind::ParentCycle { .. } => "DV036",
            ErrorKind::VillageOutsideCommune { .. } => "DV037",
            ErrorKind::ValidityReversed { .. } => "DV038",
            ErrorKind::ValidityOutsideParent { .. } => "DV039",
            ErrorKind::CrosswalkUnmapped { .. } => "DV040",
            ErrorKind::CrosswalkDuplicateSource { .. } => "DV041",
            ErrorKind::CrosswalkUnknownTarget { .. } => "DV042",
            ErrorKind::CrosswalkUnknownSource { .. } => "DV043",
            ErrorKind::CrosswalkSharesSum { .. } => "DV044",
            ErrorKind::CrosswalkInvalidShare { .. } => "DV045",
            ErrorKind::CrosswalkNoTarget { .. } => "DV046",
            ErrorKind::CrosswalkDuplicateTarget { .. } => "DV047",
            ErrorKind::CrosswalkLevelMismatch { .. } => "DV048",

            // ----- dataset and validation -----
            ErrorKind::Json { .. } => "DV050",
            ErrorKind::UnexpectedArray { .. } => "DV051",
            ErrorKind::InvalidActor { .. } => "DV060",
            ErrorKind::InvalidRecordId { .. } => "DV061",
            ErrorKind::InvalidIndicatorId { .. } => "DV062",
            ErrorKind::UnknownUnit { .. } => "DV063",
            ErrorKind::UnitNotValidOn { .. } => "DV064",
            ErrorKind::WrongLevel { .. } => "DV065",
            ErrorKind::SecondBlock { .. } => "DV066",
            ErrorKind::SecondTeam { .. } => "DV067",
            ErrorKind::DateOutsidePeriod { .. } => "DV068",
            ErrorKind::ConsentExceedsAffected { .. } => "DV069",
            ErrorKind::ResolvedExceedsRaised { .. } => "DV070",
            ErrorKind::NoSubjects => "DV071",
            ErrorKind::StagesNotNested { .. } => "DV072",
            ErrorKind::PartsMismatch { .. } => "DV073",
            ErrorKind::DuplicateId { .. } => "DV074",
            ErrorKind::BreakthroughsExceedKeyTasks { .. } => "DV075",
            ErrorKind::BreakthroughNotKey => "DV076",
            ErrorKind::MoreTasksThanDeclared { .. } => "DV077",
            ErrorKind::FewerTasksListed { .. } => "DV078",
            ErrorKind::NotOneActor { .. } => "DV079",
            ErrorKind::ReceptionBelowNorm { .. } => "DV080",
            ErrorKind::UnknownIndicator { .. } => "DV081",
            ErrorKind::ValueTypeMismatch { .. } => "DV082",
            ErrorKind::FigurePeriodOutside { .. } => "DV083",
            ErrorKind::DuplicateFigure { .. } => "DV084",
            ErrorKind::OverlappingFigures { .. } => "DV098",
            ErrorKind::BuiltinIndicatorRedeclared { .. } => "DV085",
            ErrorKind::UnknownCriterion { .. } => "DV086",
            ErrorKind::DuplicateName { .. } => "DV087",
            ErrorKind::DissolvedBeforeEstablished { .. } => "DV088",
            ErrorKind::SeveralLeaders { .. } => "DV089",
            // ----- CSV of figures -----
            ErrorKind::CsvCell { .. } => "DV090",
            ErrorKind::CsvMissingColumn { .. } => "DV091",
            ErrorKind::CsvUnknownColumn { .. } => "DV092",
            ErrorKind::CsvDuplicateColumn { .. } => "DV093",
            ErrorKind::CsvCellCount { .. } => "DV094",
            ErrorKind::CsvMalformed { .. } => "DV095",
            ErrorKind::CsvUnwritable { .. } => "DV096",
            ErrorKind::CsvIo { .. } => "DV097",
            // ----- aggregation -----
            ErrorKind::TotalOverflow { .. } => "DV100",
            ErrorKind::TotalsMismatch { .. } => "DV101",
            ErrorKind::InvalidTotals { .. } => "DV102",
            ErrorKind::ReadFailed { .. } => "DV103",
            ErrorKind::LineTooLong { .. } => "DV104",
            ErrorKind::RekeyUncovered { .. } => "DV105",
            // ----- limits -----
            ErrorKind::DocumentTooLarge { .. } => "DV120",
            ErrorKind::TooManyRecords { .. } => "DV121",
            ErrorKind::StringTooLong { .. } => "DV122",
            ErrorKind::NestingTooDeep { .. } => "DV123",

            // ----- synthetic data -----
            ErrorKind::InvalidSynthShape { .. } => "DV130",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_is_one_pointer() {
        assert_eq!(std::mem::size_of::<Error>(), std::mem::size_of::<usize>());
    }

    #[test]
    fn display_texts() {
        let cases: Vec<(ErrorKind, &str)> = vec![
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
                    start: "2023-02-02".into(),
                    end: "2023-01-01".into(),
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
                    from: "2025-01-01".into(),
                    to: "2024-12-31".into(),
                },
                "validity of unit \"288\" ends 2024-12-31 before it starts 2025-01-01",
            ),
            (
                ErrorKind::ValidityOutsideParent {
                    code: "10507".into(),
                    from: Some("2021-01-01".into()),
                    to: Some("2025-07-01".into()),
                    parent: "289".into(),
                    parent_from: None,
                    parent_to: Some("2025-06-30".into()),
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
                "unknown actor \"party\": expected one of party_committees, mobilization_sector, government, peoples_council, front_and_mass_organizations, armed_forces, other",
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
                ErrorKind::UnitNotValidOn { code: "288".into(), date: "2025-07-01".into() },
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
                ErrorKind::DateOutsidePeriod { date: "2023-01-05".into(), start: "2022-01-01".into(), end: "2022-12-31".into() },
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
                ErrorKind::DissolvedBeforeEstablished { established: "2015-03-01".into(), dissolved: "2010-01-01".into() },
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
        ];
        let mut codes = std::collections::HashSet::new();
        for (kind, _) in &cases {
            assert!(codes.insert(kind.code()), "code {} used twice", kind.code());
        }
        for (kind, text) in cases {
            assert_eq!(kind.to_string(), text);
            assert_eq!(Error::from(kind).to_string(), text);
        }
    }
}
