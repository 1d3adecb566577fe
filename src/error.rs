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

    /// Text is not one of the actors' wire names.
    #[error("unknown actor {input:?}: expected one of party_committees, mobilization_sector, government, peoples_council, front_and_mass_organizations, armed_forces, other")]
    InvalidActor {
        /// The text as given.
        input: String,
    },
    // ----- aggregation (DV100–DV119) -----

    // ----- limits (DV120–DV129) -----
}

impl ErrorKind {
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

            // ----- dataset and validation -----
            ErrorKind::Json { .. } => "DV050",
            ErrorKind::InvalidActor { .. } => "DV060",
            // ----- aggregation -----

            // ----- limits -----
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
                ErrorKind::Json {
                    line: 3,
                    column: 7,
                    message: "expected `,`".into(),
                },
                "line 3, column 7: expected `,`",
            ),
        ];
        for (kind, text) in cases {
            assert_eq!(kind.to_string(), text);
            assert_eq!(Error::from(kind).to_string(), text);
        }
    }
}
