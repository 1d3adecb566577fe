//! Reporting periods and calendars.
//!
//! A [`Period`] is an inclusive range of dates. A [`ReportingCalendar`]
//! decides which dates make up "the month", "the quarter" or "the year" of a
//! report: calendar windows, or cut-off windows such as those of Decree
//! 09/2019/ND-CP for state agencies (the year runs from 15 December of the
//! previous year to 14 December).

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

use crate::{Error, ErrorKind};

/// What a text period may look like, for error messages.
const EXPECTED_FORM: &str = "a year (2022), half (2022-H1), quarter (2022-Q3), month (2022-07), nine months (2022-9M) or dates (2022-01-15/2022-02-14)";
/// What a custom range may look like, for error messages.
const EXPECTED_DATES: &str = "two valid dates YYYY-MM-DD/YYYY-MM-DD, e.g. 2022-01-15/2022-02-14";
/// What a month in text may look like, for error messages.
const EXPECTED_MONTH: &str = "a month from 01 to 12, e.g. 2022-07";

/// An inclusive range of dates, e.g. the year 2022 or 15/12/2022 to 14/01/2023.
///
/// The start is never after the end: [`Period::new`] is the one constructor
/// that checks it, and the calendar constructors ([`Period::year`],
/// [`Period::quarter`], …) as well as [`FromStr`] and `Deserialize` go
/// through the same rule. Periods order by start, then by end.
///
/// # Text form
///
/// [`Display`](fmt::Display) and [`FromStr`] use a compact form for CSV cells:
///
/// | text | period |
/// |---|---|
/// | `2022` | the calendar year |
/// | `2022-H1`, `2022-H2` | a calendar half-year |
/// | `2022-Q1` … `2022-Q4` | a calendar quarter |
/// | `2022-07` | a calendar month |
/// | `2022-9M` | nine months, 1 January to 30 September |
/// | `2022-01-15/2022-02-14` | any other range, both ends included |
///
/// `Display` prints the shortest form that names the same dates; parsing is
/// exact (upper-case letters, two-digit months and days, four-digit years;
/// years outside 0–9999 carry a sign, as in `+10000` or `-0001`).
///
/// # Wire form
///
/// On the wire a period is `{"start": "2022-01-01", "end": "2022-12-31"}`;
/// unknown fields are rejected and a reversed range is an error.
///
/// ```
/// use danvan::{Period, Quarter};
///
/// let q3 = Period::quarter(2022, Quarter::Q3)?;
/// assert_eq!(q3.to_string(), "2022-Q3");
/// assert_eq!("2022-Q3".parse::<Period>()?, q3);
/// assert_eq!(q3.days(), 92);
///
/// let json = serde_json::to_string(&Period::year(2022)?).unwrap();
/// assert_eq!(json, r#"{"start":"2022-01-01","end":"2022-12-31"}"#);
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    start: NaiveDate,
    end: NaiveDate,
}

impl Period {
    /// Creates the period from `start` to `end`, both included.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::PeriodReversed`] when `end` is before `start`.
    /// A period of one day (`start == end`) is allowed.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use danvan::Period;
    ///
    /// let start = NaiveDate::from_ymd_opt(2022, 12, 15).unwrap();
    /// let end = NaiveDate::from_ymd_opt(2023, 1, 14).unwrap();
    /// let p = Period::new(start, end)?;
    /// assert_eq!(p.to_string(), "2022-12-15/2023-01-14");
    /// assert!(Period::new(end, start).is_err());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn new(start: NaiveDate, end: NaiveDate) -> Result<Period, Error> {
        if end < start {
            return Err(ErrorKind::PeriodReversed { start, end }.into());
        }
        Ok(Period { start, end })
    }

    /// The calendar year: 1 January to 31 December.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::YearOutOfRange`] when the year cannot be
    /// represented as dates.
    ///
    /// ```
    /// let p = danvan::Period::year(2024)?;
    /// assert_eq!(p.days(), 366);
    /// assert!(danvan::Period::year(i32::MAX).is_err());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn year(year: i32) -> Result<Period, Error> {
        ReportingCalendar::CALENDAR.year(year)
    }

    /// A calendar half-year: January to June, or July to December.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::YearOutOfRange`] when the year cannot be
    /// represented as dates.
    ///
    /// ```
    /// use danvan::{Half, Period};
    ///
    /// let h2 = Period::half(2022, Half::H2)?;
    /// assert_eq!(h2, "2022-07-01/2022-12-31".parse()?);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn half(year: i32, half: Half) -> Result<Period, Error> {
        ReportingCalendar::CALENDAR.half(year, half)
    }

    /// A calendar quarter, e.g. Q3 = 1 July to 30 September.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::YearOutOfRange`] when the year cannot be
    /// represented as dates.
    ///
    /// ```
    /// use danvan::{Period, Quarter};
    ///
    /// let q1 = Period::quarter(2024, Quarter::Q1)?;
    /// assert_eq!(q1, "2024-01-01/2024-03-31".parse()?);
    /// assert_eq!(q1.days(), 91);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn quarter(year: i32, quarter: Quarter) -> Result<Period, Error> {
        ReportingCalendar::CALENDAR.quarter(year, quarter)
    }

    /// A calendar month, `month` from 1 to 12.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::InvalidMonth`] when `month` is not from 1 to 12,
    /// and [`ErrorKind::YearOutOfRange`] when the year cannot be represented
    /// as dates.
    ///
    /// ```
    /// let feb = danvan::Period::month(2023, 2)?;
    /// assert_eq!(feb.days(), 28);
    /// assert!(danvan::Period::month(2023, 13).is_err());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn month(year: i32, month: u32) -> Result<Period, Error> {
        ReportingCalendar::CALENDAR.month(year, month)
    }

    /// The first nine months of a calendar year: 1 January to 30 September.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::YearOutOfRange`] when the year cannot be
    /// represented as dates.
    ///
    /// ```
    /// let p = danvan::Period::nine_months(2022)?;
    /// assert_eq!(p, "2022-01-01/2022-09-30".parse()?);
    /// assert_eq!(p.to_string(), "2022-9M");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn nine_months(year: i32) -> Result<Period, Error> {
        ReportingCalendar::CALENDAR.nine_months(year)
    }

    /// The first day of the period.
    ///
    /// ```
    /// let p = danvan::Period::year(2022)?;
    /// assert_eq!(p.start().to_string(), "2022-01-01");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub const fn start(self) -> NaiveDate {
        self.start
    }

    /// The last day of the period (included).
    ///
    /// ```
    /// let p = danvan::Period::year(2022)?;
    /// assert_eq!(p.end().to_string(), "2022-12-31");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub const fn end(self) -> NaiveDate {
        self.end
    }

    /// Whether `date` falls in the period, both ends included.
    ///
    /// ```
    /// let p = danvan::Period::year(2022)?;
    /// assert!(p.contains(p.end()));
    /// assert!(!p.contains(danvan::Period::year(2023)?.start()));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn contains(self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// Whether every day of `other` falls in this period.
    ///
    /// ```
    /// let year = danvan::Period::year(2022)?;
    /// assert!(year.contains_period(&danvan::Period::month(2022, 7)?));
    /// assert!(!year.contains_period(&"2022-12-15/2023-01-14".parse()?));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn contains_period(&self, other: &Period) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two periods share at least one day.
    ///
    /// ```
    /// let year = danvan::Period::year(2022)?;
    /// assert!(year.overlaps(&"2022-12-15/2023-01-14".parse()?));
    /// assert!(!year.overlaps(&danvan::Period::year(2023)?));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn overlaps(&self, other: &Period) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// The days the two periods share, if any.
    ///
    /// ```
    /// use danvan::Period;
    ///
    /// let window: Period = "2022-12-15/2023-01-14".parse()?;
    /// let shared = Period::year(2022)?.intersection(&window);
    /// assert_eq!(shared, Some("2022-12-15/2022-12-31".parse()?));
    /// assert_eq!(Period::year(2022)?.intersection(&Period::year(2023)?), None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn intersection(&self, other: &Period) -> Option<Period> {
        let start = self.start.max(other.start);
        let end = self.end.min(other.end);
        (start <= end).then_some(Period { start, end })
    }

    /// The number of days in the period, both ends included (at least 1).
    ///
    /// ```
    /// assert_eq!(danvan::Period::month(2024, 2)?.days(), 29);
    /// assert_eq!(danvan::Period::year(2023)?.days(), 365);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn days(self) -> u64 {
        self.end
            .signed_duration_since(self.start)
            .num_days()
            .unsigned_abs()
            + 1
    }

    /// Every day of the period, in order.
    ///
    /// ```
    /// let p: danvan::Period = "2024-02-28/2024-03-01".parse()?;
    /// let days: Vec<String> = p.iter_days().map(|d| d.to_string()).collect();
    /// assert_eq!(days, ["2024-02-28", "2024-02-29", "2024-03-01"]);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn iter_days(self) -> impl Iterator<Item = NaiveDate> + Clone {
        let end = self.end;
        std::iter::successors(Some(self.start), move |d| {
            d.succ_opt().filter(|next| *next <= end)
        })
    }

    /// The calendar shape of the period, if it is a run of whole months of one year.
    fn months_of_one_year(self) -> Option<(i32, u32, u32)> {
        let ends_a_month = self.end.succ_opt().map_or(true, |next| next.day() == 1);
        (self.start.day() == 1 && ends_a_month && self.start.year() == self.end.year())
            .then(|| (self.start.year(), self.start.month(), self.end.month()))
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some((year, first, last)) = self.months_of_one_year() else {
            return write!(f, "{}/{}", self.start, self.end);
        };
        let suffix = match (first, last) {
            (1, 12) => "",
            (1, 6) => "-H1",
            (7, 12) => "-H2",
            (1, 3) => "-Q1",
            (4, 6) => "-Q2",
            (7, 9) => "-Q3",
            (10, 12) => "-Q4",
            (1, 9) => "-9M",
            (m, n) if m == n => {
                write_year(f, year)?;
                return write!(f, "-{m:02}");
            }
            _ => return write!(f, "{}/{}", self.start, self.end),
        };
        write_year(f, year)?;
        f.write_str(suffix)
    }
}

/// Writes a year the way dates write it: four digits, or a sign outside 0–9999.
fn write_year(f: &mut fmt::Formatter<'_>, year: i32) -> fmt::Result {
    if (0..=9999).contains(&year) {
        write!(f, "{year:04}")
    } else {
        write!(f, "{year:+05}")
    }
}

/// Splits a leading year (`2022`, `+10000`, `-0001`) from the rest of the text.
fn split_year(s: &str) -> Option<(i32, &str)> {
    let (signed, body) = match s.strip_prefix(['+', '-']) {
        Some(body) => (true, body),
        None => (false, s),
    };
    let rest = body.trim_start_matches(|c: char| c.is_ascii_digit());
    let digits = body.len() - rest.len();
    let shape_ok = if signed { digits >= 4 } else { digits == 4 };
    if !shape_ok {
        return None;
    }
    let year = s.strip_suffix(rest)?.parse::<i32>().ok()?;
    Some((year, rest))
}

/// Parses exactly two ASCII digits.
fn two_digits(s: &str) -> Option<u32> {
    (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Parses a date written `YYYY-MM-DD` (with a sign for years outside 0–9999).
fn parse_date(s: &str) -> Option<NaiveDate> {
    let (year, rest) = split_year(s)?;
    let (month, day) = rest.strip_prefix('-')?.split_once('-')?;
    NaiveDate::from_ymd_opt(year, two_digits(month)?, two_digits(day)?)
}

impl FromStr for Period {
    type Err = Error;

    /// Parses the compact text form described on [`Period`].
    ///
    /// Errors: [`ErrorKind::InvalidPeriod`] for text of another shape or an
    /// impossible date; the constructors' errors for a reversed range or a
    /// year that cannot be represented.
    fn from_str(s: &str) -> Result<Period, Error> {
        let invalid = |expected: &'static str| -> Error {
            ErrorKind::InvalidPeriod {
                input: s.into(),
                expected,
            }
            .into()
        };
        if let Some((start, end)) = s.split_once('/') {
            let start = parse_date(start).ok_or_else(|| invalid(EXPECTED_DATES))?;
            let end = parse_date(end).ok_or_else(|| invalid(EXPECTED_DATES))?;
            return Period::new(start, end);
        }
        let (year, rest) = split_year(s).ok_or_else(|| invalid(EXPECTED_FORM))?;
        match rest {
            "" => Period::year(year),
            "-H1" => Period::half(year, Half::H1),
            "-H2" => Period::half(year, Half::H2),
            "-Q1" => Period::quarter(year, Quarter::Q1),
            "-Q2" => Period::quarter(year, Quarter::Q2),
            "-Q3" => Period::quarter(year, Quarter::Q3),
            "-Q4" => Period::quarter(year, Quarter::Q4),
            "-9M" => Period::nine_months(year),
            _ => {
                let month = rest
                    .strip_prefix('-')
                    .and_then(two_digits)
                    .ok_or_else(|| invalid(EXPECTED_FORM))?;
                if !(1..=12).contains(&month) {
                    return Err(invalid(EXPECTED_MONTH));
                }
                Period::month(year, month)
            }
        }
    }
}

/// Reads a date as the wire writes it: exactly `YYYY-MM-DD` (four ASCII
/// digits, `-`, two digits, `-`, two digits) naming a real day of the years
/// 0001 to 9999 (year 0000 is no year of the calendar the schema's `date`
/// format knows). No sign, no space, no short month or day. Every reader of a date (the derived serde of
/// records, periods, units and crosswalks, and the stream's fast path) goes
/// through this function.
pub(crate) fn wire_date(bytes: &[u8]) -> Option<NaiveDate> {
    let &[y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = bytes else {
        return None;
    };
    let digit = |b: u8| b.is_ascii_digit().then(|| u32::from(b - b'0'));
    let year = digit(y1)? * 1000 + digit(y2)? * 100 + digit(y3)? * 10 + digit(y4)?;
    let month = digit(m1)? * 10 + digit(m2)?;
    let day = digit(d1)? * 10 + digit(d2)?;
    if year == 0 {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// Whether `bytes` have the shape of a wire date, a real day or not.
fn date_shaped(bytes: &[u8]) -> bool {
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, &b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
}

/// Serde readers of wire dates ([`wire_date`]), for `deserialize_with`.
pub(crate) mod date_serde {
    use std::fmt;

    use chrono::NaiveDate;
    use serde::de::{self, Deserializer, Visitor};

    /// At most this many characters of a bad date go into the message.
    const SHOWN: usize = 32;

    struct DateVisitor;

    impl<'de> Visitor<'de> for DateVisitor {
        type Value = NaiveDate;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a date written YYYY-MM-DD")
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<NaiveDate, E> {
            if let Some(date) = super::wire_date(v.as_bytes()) {
                return Ok(date);
            }
            let shown: String = v.chars().take(SHOWN).collect();
            let more = if shown.len() < v.len() { "…" } else { "" };
            Err(E::custom(if super::date_shaped(v.as_bytes()) {
                format!("invalid date {shown:?}: input is out of range (no such day; years run 0001 to 9999)")
            } else {
                format!("invalid date {shown:?}{more}: input contains invalid characters; expected YYYY-MM-DD (4 digits, '-', 2 digits, '-', 2 digits)")
            }))
        }
    }

    /// Reads a required date.
    pub(crate) fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        d.deserialize_str(DateVisitor)
    }

    /// Reads an optional date (`null` or absent is `None`).
    pub(crate) fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        struct Opt;
        impl<'de> Visitor<'de> for Opt {
            type Value = Option<NaiveDate>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date written YYYY-MM-DD, or null")
            }

            fn visit_none<E: de::Error>(self) -> Result<Option<NaiveDate>, E> {
                Ok(None)
            }

            fn visit_unit<E: de::Error>(self) -> Result<Option<NaiveDate>, E> {
                Ok(None)
            }

            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<NaiveDate>, D::Error> {
                date(d).map(Some)
            }
        }
        d.deserialize_option(Opt)
    }
}

/// The wire shape of a period, checked by [`Period::new`] on the way in.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", rename = "Period", deny_unknown_fields)]
struct PeriodWire {
    #[serde(deserialize_with = "date_serde::date")]
    start: NaiveDate,
    #[serde(deserialize_with = "date_serde::date")]
    end: NaiveDate,
}

crate::wire::objects_only!(PeriodWire);

impl serde::Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        PeriodWire {
            start: self.start,
            end: self.end,
        }
        .serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Period, D::Error> {
        let wire = <PeriodWire as serde::Deserialize>::deserialize(deserializer)?;
        Period::new(wire.start, wire.end).map_err(serde::de::Error::custom)
    }
}

/// A half of a reporting year.
///
/// On the wire and in text a half is `"H1"` or `"H2"`.
///
/// ```
/// use danvan::Half;
///
/// assert_eq!(Half::H2.to_string(), "H2");
/// assert_eq!(serde_json::to_string(&Half::H1).unwrap(), r#""H1""#);
/// assert_eq!(danvan::Period::half(2022, Half::H1)?.to_string(), "2022-H1");
/// # Ok::<(), danvan::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Half {
    /// The first half: months 1 to 6.
    H1,
    /// The second half: months 7 to 12.
    H2,
}

impl Half {
    /// Both halves, in order.
    ///
    /// ```
    /// assert_eq!(danvan::Half::ALL.len(), 2);
    /// ```
    pub const ALL: [Half; 2] = [Half::H1, Half::H2];

    /// The first month of the half (1 or 7).
    ///
    /// ```
    /// assert_eq!(danvan::Half::H2.first_month(), 7);
    /// ```
    #[must_use]
    pub const fn first_month(self) -> u32 {
        match self {
            Half::H1 => 1,
            Half::H2 => 7,
        }
    }

    /// The last month of the half (6 or 12).
    ///
    /// ```
    /// assert_eq!(danvan::Half::H1.last_month(), 6);
    /// ```
    #[must_use]
    pub const fn last_month(self) -> u32 {
        self.first_month() + 5
    }

    /// The half that month `month` (1 to 12) belongs to.
    fn of_month(month: u32) -> Option<Half> {
        Half::ALL
            .into_iter()
            .find(|h| (h.first_month()..=h.last_month()).contains(&month))
    }
}

impl fmt::Display for Half {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Half::H1 => "H1",
            Half::H2 => "H2",
        })
    }
}

/// A quarter of a reporting year.
///
/// On the wire and in text a quarter is `"Q1"` to `"Q4"`.
///
/// ```
/// use danvan::Quarter;
///
/// assert_eq!(Quarter::Q3.to_string(), "Q3");
/// assert_eq!(serde_json::to_string(&Quarter::Q4).unwrap(), r#""Q4""#);
/// assert_eq!(danvan::Period::quarter(2022, Quarter::Q3)?.to_string(), "2022-Q3");
/// # Ok::<(), danvan::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Quarter {
    /// The first quarter: months 1 to 3.
    Q1,
    /// The second quarter: months 4 to 6.
    Q2,
    /// The third quarter: months 7 to 9.
    Q3,
    /// The fourth quarter: months 10 to 12.
    Q4,
}

impl Quarter {
    /// The four quarters, in order.
    ///
    /// ```
    /// assert_eq!(danvan::Quarter::ALL.len(), 4);
    /// ```
    pub const ALL: [Quarter; 4] = [Quarter::Q1, Quarter::Q2, Quarter::Q3, Quarter::Q4];

    /// The first month of the quarter (1, 4, 7 or 10).
    ///
    /// ```
    /// assert_eq!(danvan::Quarter::Q3.first_month(), 7);
    /// ```
    #[must_use]
    pub const fn first_month(self) -> u32 {
        match self {
            Quarter::Q1 => 1,
            Quarter::Q2 => 4,
            Quarter::Q3 => 7,
            Quarter::Q4 => 10,
        }
    }

    /// The last month of the quarter (3, 6, 9 or 12).
    ///
    /// ```
    /// assert_eq!(danvan::Quarter::Q3.last_month(), 9);
    /// ```
    #[must_use]
    pub const fn last_month(self) -> u32 {
        self.first_month() + 2
    }

    /// The quarter that month `month` (1 to 12) belongs to.
    fn of_month(month: u32) -> Option<Quarter> {
        Quarter::ALL
            .into_iter()
            .find(|q| (q.first_month()..=q.last_month()).contains(&month))
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Quarter::Q1 => "Q1",
            Quarter::Q2 => "Q2",
            Quarter::Q3 => "Q3",
            Quarter::Q4 => "Q4",
        })
    }
}

/// How the windows of a reporting calendar are cut.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Window {
    /// Calendar months: the 1st to the last day of the month.
    Calendar,
    /// Month `m` runs from this day of month `m - 1` to the day before it in month `m`.
    CutOff(u8),
}

/// Decides which dates make up a reporting month, quarter, half-year or year.
///
/// - [`ReportingCalendar::CALENDAR`]: calendar windows (March = 1 to 31 March).
/// - [`ReportingCalendar::STATE_AGENCY`]: the cut-off windows of Decree
///   09/2019/ND-CP on reporting by state administrative agencies, cut-off
///   day 15. Month `m` runs from the 15th of the previous month to the 14th of
///   `m`; a quarter from the 15th of the month before it to the 14th of its
///   last month; the half-years from 15 December of the previous year to
///   14 June and from 15 June to 14 December; nine months from 15 December of
///   the previous year to 14 September; the year `N` from 15 December `N - 1`
///   to 14 December `N`.
/// - [`ReportingCalendar::cut_off`]: the same shape with another cut-off day,
///   for bodies that use other windows.
///
/// Every window is a run of whole reporting months, so the 12 months, 4
/// quarters and 2 halves of a year cover that year's window exactly, without
/// gaps or overlaps.
///
/// On the wire a calendar is `"calendar"` or `{"cut_off": 15}`.
///
/// ```
/// use danvan::ReportingCalendar;
///
/// let state = ReportingCalendar::STATE_AGENCY;
/// assert_eq!(state.month(2023, 1)?.to_string(), "2022-12-15/2023-01-14");
/// assert_eq!(state.year(2023)?.to_string(), "2022-12-15/2023-12-14");
///
/// let json = serde_json::to_string(&state).unwrap();
/// assert_eq!(json, r#"{"cut_off":15}"#);
/// assert_eq!(serde_json::to_string(&ReportingCalendar::CALENDAR).unwrap(), r#""calendar""#);
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReportingCalendar {
    window: Window,
}

impl ReportingCalendar {
    /// Calendar windows: months, quarters, halves and years as on the calendar.
    ///
    /// ```
    /// let cal = danvan::ReportingCalendar::CALENDAR;
    /// assert_eq!(cal.month(2024, 2)?, danvan::Period::month(2024, 2)?);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub const CALENDAR: ReportingCalendar = ReportingCalendar {
        window: Window::Calendar,
    };

    /// State-agency windows of Decree 09/2019/ND-CP: cut-off day 15.
    ///
    /// ```
    /// let state = danvan::ReportingCalendar::STATE_AGENCY;
    /// assert_eq!(state.month(2024, 3)?.to_string(), "2024-02-15/2024-03-14");
    /// assert_eq!(state, danvan::ReportingCalendar::cut_off(15)?);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub const STATE_AGENCY: ReportingCalendar = ReportingCalendar {
        window: Window::CutOff(15),
    };

    /// Cut-off windows with cut-off day `day`: month `m` runs from `day` of the
    /// previous month to `day - 1` of `m`.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::InvalidCutOffDay`] unless `day` is from 2 to 28
    /// (so that every month has the day, and the window differs from the
    /// calendar month).
    ///
    /// ```
    /// let party = danvan::ReportingCalendar::cut_off(20)?;
    /// assert_eq!(party.month(2023, 1)?.to_string(), "2022-12-20/2023-01-19");
    /// assert!(danvan::ReportingCalendar::cut_off(31).is_err());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn cut_off(day: u32) -> Result<ReportingCalendar, Error> {
        match u8::try_from(day) {
            Ok(d @ 2..=28) => Ok(ReportingCalendar {
                window: Window::CutOff(d),
            }),
            _ => Err(ErrorKind::InvalidCutOffDay { day }.into()),
        }
    }

    /// The cut-off day, or `None` for calendar windows.
    ///
    /// ```
    /// use danvan::ReportingCalendar;
    ///
    /// assert_eq!(ReportingCalendar::STATE_AGENCY.cut_off_day(), Some(15));
    /// assert_eq!(ReportingCalendar::CALENDAR.cut_off_day(), None);
    /// ```
    #[must_use]
    pub const fn cut_off_day(self) -> Option<u32> {
        match self.window {
            Window::Calendar => None,
            Window::CutOff(d) => Some(d as u32),
        }
    }

    /// The reporting year `year`.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::YearOutOfRange`] when the window cannot be
    /// represented as dates.
    ///
    /// ```
    /// let state = danvan::ReportingCalendar::STATE_AGENCY;
    /// assert_eq!(state.year(2023)?.to_string(), "2022-12-15/2023-12-14");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn year(self, year: i32) -> Result<Period, Error> {
        self.months(year, 1, 12)
    }

    /// The reporting half-year `half` of `year`.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::YearOutOfRange`] when the window cannot be
    /// represented as dates.
    ///
    /// ```
    /// use danvan::{Half, ReportingCalendar};
    ///
    /// let state = ReportingCalendar::STATE_AGENCY;
    /// assert_eq!(state.half(2023, Half::H1)?.to_string(), "2022-12-15/2023-06-14");
    /// assert_eq!(state.half(2023, Half::H2)?.to_string(), "2023-06-15/2023-12-14");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn half(self, year: i32, half: Half) -> Result<Period, Error> {
        self.months(year, half.first_month(), half.last_month())
    }

    /// The reporting quarter `quarter` of `year`.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::YearOutOfRange`] when the window cannot be
    /// represented as dates.
    ///
    /// ```
    /// use danvan::{Quarter, ReportingCalendar};
    ///
    /// let state = ReportingCalendar::STATE_AGENCY;
    /// assert_eq!(state.quarter(2023, Quarter::Q2)?.to_string(), "2023-03-15/2023-06-14");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn quarter(self, year: i32, quarter: Quarter) -> Result<Period, Error> {
        self.months(year, quarter.first_month(), quarter.last_month())
    }

    /// The reporting month `month` (1 to 12) of `year`.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::InvalidMonth`] when `month` is not from 1 to 12,
    /// and [`ErrorKind::YearOutOfRange`] when the window cannot be represented
    /// as dates.
    ///
    /// ```
    /// let state = danvan::ReportingCalendar::STATE_AGENCY;
    /// let march = state.month(2024, 3)?;
    /// assert_eq!(march.to_string(), "2024-02-15/2024-03-14");
    /// assert_eq!(march.days(), 29);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn month(self, year: i32, month: u32) -> Result<Period, Error> {
        if !(1..=12).contains(&month) {
            return Err(ErrorKind::InvalidMonth { month }.into());
        }
        self.months(year, month, month)
    }

    /// The first nine reporting months of `year` (January to September).
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::YearOutOfRange`] when the window cannot be
    /// represented as dates.
    ///
    /// ```
    /// let state = danvan::ReportingCalendar::STATE_AGENCY;
    /// assert_eq!(state.nine_months(2023)?.to_string(), "2022-12-15/2023-09-14");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn nine_months(self, year: i32) -> Result<Period, Error> {
        self.months(year, 1, 9)
    }

    /// The reporting month that `date` falls in.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::YearOutOfRange`] when that window cannot be
    /// represented as dates (a date in the last days chrono can represent).
    ///
    /// ```
    /// use chrono::NaiveDate;
    ///
    /// let state = danvan::ReportingCalendar::STATE_AGENCY;
    /// let date = NaiveDate::from_ymd_opt(2022, 12, 20).unwrap();
    /// assert_eq!(state.month_containing(date)?, state.month(2023, 1)?);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn month_containing(self, date: NaiveDate) -> Result<Period, Error> {
        let (year, month) = self.reporting_month(date)?;
        self.month(year, month)
    }

    /// The reporting quarter that `date` falls in.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::YearOutOfRange`] when that window cannot be
    /// represented as dates.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use danvan::{Quarter, ReportingCalendar};
    ///
    /// let state = ReportingCalendar::STATE_AGENCY;
    /// let date = NaiveDate::from_ymd_opt(2023, 3, 15).unwrap();
    /// assert_eq!(state.quarter_containing(date)?, state.quarter(2023, Quarter::Q2)?);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn quarter_containing(self, date: NaiveDate) -> Result<Period, Error> {
        let (year, month) = self.reporting_month(date)?;
        let quarter = Quarter::of_month(month).ok_or(ErrorKind::InvalidMonth { month })?;
        self.quarter(year, quarter)
    }

    /// The reporting half-year that `date` falls in.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::YearOutOfRange`] when that window cannot be
    /// represented as dates.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use danvan::{Half, ReportingCalendar};
    ///
    /// let state = ReportingCalendar::STATE_AGENCY;
    /// let date = NaiveDate::from_ymd_opt(2023, 6, 14).unwrap();
    /// assert_eq!(state.half_containing(date)?, state.half(2023, Half::H1)?);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn half_containing(self, date: NaiveDate) -> Result<Period, Error> {
        let (year, month) = self.reporting_month(date)?;
        let half = Half::of_month(month).ok_or(ErrorKind::InvalidMonth { month })?;
        self.half(year, half)
    }

    /// The reporting year that `date` falls in.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::YearOutOfRange`] when that window cannot be
    /// represented as dates.
    ///
    /// ```
    /// use chrono::NaiveDate;
    ///
    /// let state = danvan::ReportingCalendar::STATE_AGENCY;
    /// let date = NaiveDate::from_ymd_opt(2022, 12, 20).unwrap();
    /// assert_eq!(state.year_containing(date)?, state.year(2023)?);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn year_containing(self, date: NaiveDate) -> Result<Period, Error> {
        let (year, _) = self.reporting_month(date)?;
        self.year(year)
    }

    /// The years whose every window can be represented as dates.
    fn year_range(self) -> (i32, i32) {
        let (min, max) = (NaiveDate::MIN.year(), NaiveDate::MAX.year());
        match self.window {
            Window::Calendar => (min, max),
            // The year's window starts in December of the year before.
            Window::CutOff(_) => (min.saturating_add(1), max),
        }
    }

    /// The error for a year whose windows cannot be represented.
    fn out_of_range(self, year: i32) -> Error {
        let (min, max) = self.year_range();
        ErrorKind::YearOutOfRange { year, min, max }.into()
    }

    /// The (year, month) of the reporting month that `date` falls in.
    fn reporting_month(self, date: NaiveDate) -> Result<(i32, u32), Error> {
        match self.window {
            Window::CutOff(d) if date.day() >= u32::from(d) => {
                if date.month() == 12 {
                    let year = date
                        .year()
                        .checked_add(1)
                        .ok_or_else(|| self.out_of_range(date.year()))?;
                    Ok((year, 1))
                } else {
                    Ok((date.year(), date.month() + 1))
                }
            }
            _ => Ok((date.year(), date.month())),
        }
    }

    /// The window made of reporting months `first..=last` (1 ≤ first ≤ last ≤ 12) of `year`.
    fn months(self, year: i32, first: u32, last: u32) -> Result<Period, Error> {
        let (min, max) = self.year_range();
        if !(min..=max).contains(&year) {
            return Err(self.out_of_range(year));
        }
        let dates = match self.window {
            Window::Calendar => NaiveDate::from_ymd_opt(year, first, 1).zip(last_day(year, last)),
            Window::CutOff(d) => {
                let d = u32::from(d);
                let start = if first == 1 {
                    year.checked_sub(1)
                        .and_then(|y| NaiveDate::from_ymd_opt(y, 12, d))
                } else {
                    NaiveDate::from_ymd_opt(year, first - 1, d)
                };
                start.zip(NaiveDate::from_ymd_opt(year, last, d - 1))
            }
        };
        let (start, end) = dates.ok_or_else(|| self.out_of_range(year))?;
        Period::new(start, end)
    }
}

/// The last day of a calendar month.
fn last_day(year: i32, month: u32) -> Option<NaiveDate> {
    (28..=31)
        .rev()
        .find_map(|day| NaiveDate::from_ymd_opt(year, month, day))
}

/// The wire shape of a calendar: `"calendar"` or `{"cut_off": 15}`.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(rename = "ReportingCalendar", rename_all = "snake_case")]
enum CalendarWire {
    Calendar,
    CutOff(u32),
}

impl serde::Serialize for ReportingCalendar {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.window {
            Window::Calendar => CalendarWire::Calendar,
            Window::CutOff(d) => CalendarWire::CutOff(u32::from(d)),
        }
        .serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for ReportingCalendar {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<ReportingCalendar, D::Error> {
        match CalendarWire::deserialize(deserializer)? {
            CalendarWire::Calendar => Ok(ReportingCalendar::CALENDAR),
            CalendarWire::CutOff(day) => {
                ReportingCalendar::cut_off(day).map_err(serde::de::Error::custom)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }

    fn err_text(r: Result<impl fmt::Debug, Error>) -> (String, &'static str) {
        let e = r.unwrap_err();
        (e.to_string(), e.code().as_str())
    }

    // ----- constructors -----

    #[test]
    fn wire_dates_run_from_year_0001_to_9999() {
        assert_eq!(wire_date(b"0001-01-01"), Some(date(1, 1, 1)));
        assert_eq!(wire_date(b"9999-12-31"), Some(date(9999, 12, 31)));
        assert_eq!(wire_date(b"0000-01-01"), None);
        assert_eq!(wire_date(b"0000-02-29"), None);
        let err = serde_json::from_str::<Period>(r#"{"start": "0000-01-01", "end": "0001-12-31"}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("years run 0001 to 9999"), "{err}");
    }

    #[test]
    fn new_checks_order() {
        let a = date(2023, 2, 2);
        let b = date(2023, 1, 1);
        assert_eq!(Period::new(a, a).unwrap().days(), 1);
        assert_eq!(
            err_text(Period::new(a, b)),
            (
                "period ends 2023-01-01 before it starts 2023-02-02".to_owned(),
                "DV020"
            )
        );
    }

    #[test]
    fn calendar_constructors() {
        assert_eq!(Period::year(2022).unwrap(), p("2022-01-01/2022-12-31"));
        assert_eq!(
            Period::half(2022, Half::H1).unwrap(),
            p("2022-01-01/2022-06-30")
        );
        assert_eq!(
            Period::half(2022, Half::H2).unwrap(),
            p("2022-07-01/2022-12-31")
        );
        let quarters = [
            (Quarter::Q1, "2022-01-01/2022-03-31"),
            (Quarter::Q2, "2022-04-01/2022-06-30"),
            (Quarter::Q3, "2022-07-01/2022-09-30"),
            (Quarter::Q4, "2022-10-01/2022-12-31"),
        ];
        for (q, text) in quarters {
            assert_eq!(Period::quarter(2022, q).unwrap(), p(text));
        }
        assert_eq!(Period::month(2022, 7).unwrap(), p("2022-07-01/2022-07-31"));
        assert_eq!(Period::month(2022, 4).unwrap(), p("2022-04-01/2022-04-30"));
        assert_eq!(Period::month(2022, 12).unwrap(), p("2022-12-01/2022-12-31"));
        assert_eq!(
            Period::nine_months(2022).unwrap(),
            p("2022-01-01/2022-09-30")
        );
    }

    #[test]
    fn leap_years() {
        assert_eq!(Period::month(2024, 2).unwrap().days(), 29);
        assert_eq!(Period::month(2023, 2).unwrap().days(), 28);
        assert_eq!(Period::month(2000, 2).unwrap().days(), 29);
        assert_eq!(Period::month(1900, 2).unwrap().days(), 28);
        assert_eq!(Period::year(2024).unwrap().days(), 366);
        assert_eq!(Period::year(2023).unwrap().days(), 365);
        let march = ReportingCalendar::STATE_AGENCY.month(2024, 3).unwrap();
        assert_eq!(march, p("2024-02-15/2024-03-14"));
        assert_eq!(march.days(), 29);
        assert_eq!(
            ReportingCalendar::STATE_AGENCY
                .month(2023, 3)
                .unwrap()
                .days(),
            28
        );
    }

    #[test]
    fn state_agency_windows() {
        let s = ReportingCalendar::STATE_AGENCY;
        assert_eq!(s.month(2023, 1).unwrap(), p("2022-12-15/2023-01-14"));
        assert_eq!(s.month(2023, 12).unwrap(), p("2023-11-15/2023-12-14"));
        assert_eq!(s.year(2023).unwrap(), p("2022-12-15/2023-12-14"));
        assert_eq!(s.half(2023, Half::H1).unwrap(), p("2022-12-15/2023-06-14"));
        assert_eq!(s.half(2023, Half::H2).unwrap(), p("2023-06-15/2023-12-14"));
        assert_eq!(
            s.quarter(2023, Quarter::Q1).unwrap(),
            p("2022-12-15/2023-03-14")
        );
        assert_eq!(
            s.quarter(2023, Quarter::Q4).unwrap(),
            p("2023-09-15/2023-12-14")
        );
        assert_eq!(s.nine_months(2023).unwrap(), p("2022-12-15/2023-09-14"));
    }

    #[test]
    fn containing_windows() {
        let s = ReportingCalendar::STATE_AGENCY;
        let cases = [
            (date(2022, 12, 20), "2022-12-15/2023-01-14", 2023),
            (date(2022, 12, 14), "2022-11-15/2022-12-14", 2022),
            (date(2022, 12, 15), "2022-12-15/2023-01-14", 2023),
            (date(2023, 1, 14), "2022-12-15/2023-01-14", 2023),
            (date(2024, 2, 29), "2024-02-15/2024-03-14", 2024),
        ];
        for (d, month, year) in cases {
            assert_eq!(s.month_containing(d).unwrap(), p(month), "{d}");
            assert_eq!(s.year_containing(d).unwrap(), s.year(year).unwrap());
        }
        let c = ReportingCalendar::CALENDAR;
        assert_eq!(
            c.month_containing(date(2022, 12, 20)).unwrap(),
            p("2022-12")
        );
        assert_eq!(c.year_containing(date(2022, 12, 20)).unwrap(), p("2022"));
        assert_eq!(
            s.quarter_containing(date(2023, 3, 14)).unwrap(),
            s.quarter(2023, Quarter::Q1).unwrap()
        );
        assert_eq!(
            s.half_containing(date(2023, 6, 15)).unwrap(),
            s.half(2023, Half::H2).unwrap()
        );
    }

    #[test]
    fn cut_off_days() {
        assert_eq!(
            ReportingCalendar::cut_off(15).unwrap(),
            ReportingCalendar::STATE_AGENCY
        );
        assert_eq!(
            ReportingCalendar::cut_off(2).unwrap().cut_off_day(),
            Some(2)
        );
        assert_eq!(
            ReportingCalendar::cut_off(2)
                .unwrap()
                .month(2023, 3)
                .unwrap(),
            p("2023-02-02/2023-03-01")
        );
        assert_eq!(
            ReportingCalendar::cut_off(28)
                .unwrap()
                .month(2023, 3)
                .unwrap(),
            p("2023-02-28/2023-03-27")
        );
        for day in [0, 1, 29, 31, 256, u32::MAX] {
            assert_eq!(
                err_text(ReportingCalendar::cut_off(day)),
                (
                    format!("invalid cut-off day {day}: expected a day from 2 to 28"),
                    "DV024"
                )
            );
        }
    }

    #[test]
    fn bad_months() {
        for cal in [ReportingCalendar::CALENDAR, ReportingCalendar::STATE_AGENCY] {
            for month in [0, 13, u32::MAX] {
                assert_eq!(
                    err_text(cal.month(2022, month)),
                    (
                        format!("invalid month {month}: expected a month from 1 to 12"),
                        "DV023"
                    )
                );
            }
        }
    }

    #[test]
    fn years_out_of_range_never_panic() {
        assert_eq!(
            err_text(Period::year(i32::MAX)),
            (
                "year 2147483647 is out of range: expected a year from -262143 to 262142"
                    .to_owned(),
                "DV022"
            )
        );
        assert_eq!(
            err_text(ReportingCalendar::STATE_AGENCY.year(i32::MIN)),
            (
                "year -2147483648 is out of range: expected a year from -262142 to 262142"
                    .to_owned(),
                "DV022"
            )
        );
        // The first and last representable years.
        assert!(Period::year(-262_143).is_ok());
        assert!(Period::year(262_142).is_ok());
        assert!(ReportingCalendar::STATE_AGENCY.year(-262_143).is_err());
        assert!(ReportingCalendar::STATE_AGENCY.year(-262_142).is_ok());
        for y in [i32::MIN, i32::MAX, -262_144, 262_143] {
            assert!(Period::year(y).is_err());
            assert!(Period::month(y, 1).is_err());
            assert!(Period::month(y, 12).is_err());
            assert!(Period::nine_months(y).is_err());
            for h in Half::ALL {
                assert!(Period::half(y, h).is_err());
            }
            for q in Quarter::ALL {
                assert!(Period::quarter(y, q).is_err());
            }
        }
        // A date in the last window that cannot be represented.
        let s = ReportingCalendar::STATE_AGENCY;
        assert_eq!(
            err_text(s.month_containing(NaiveDate::MAX)),
            (
                "year 262143 is out of range: expected a year from -262142 to 262142".to_owned(),
                "DV022"
            )
        );
        assert!(s.year_containing(NaiveDate::MAX).is_err());
        // The first year's window would start in the year before the first one.
        assert!(s.month_containing(NaiveDate::MIN).is_err());
        assert!(s.month_containing(date(-262_142, 1, 1)).is_ok());
        let c = ReportingCalendar::CALENDAR;
        assert!(c.month_containing(NaiveDate::MAX).is_ok());
        assert!(c.year_containing(NaiveDate::MIN).is_ok());
    }

    // ----- containment -----

    #[test]
    fn containment_and_overlap() {
        let year = p("2022");
        let window = p("2022-12-15/2023-01-14");
        assert!(year.contains(date(2022, 1, 1)));
        assert!(year.contains(date(2022, 12, 31)));
        assert!(!year.contains(date(2023, 1, 1)));
        assert!(!year.contains(date(2021, 12, 31)));
        assert!(year.contains_period(&p("2022-Q3")));
        assert!(!year.contains_period(&window));
        assert!(year.overlaps(&window));
        assert!(window.overlaps(&year));
        assert!(!year.overlaps(&p("2023")));
        assert!(p("2022-12-31/2023-01-01").overlaps(&p("2023")));
        assert_eq!(year.intersection(&window), Some(p("2022-12-15/2022-12-31")));
        assert_eq!(year.intersection(&p("2023")), None);
        assert_eq!(year.intersection(&p("2022-07")), Some(p("2022-07")));
    }

    #[test]
    fn iter_days_counts() {
        let feb = p("2024-02");
        assert_eq!(feb.iter_days().count(), 29);
        assert_eq!(feb.iter_days().last(), Some(date(2024, 2, 29)));
        let last = Period::new(NaiveDate::MAX, NaiveDate::MAX).unwrap();
        assert_eq!(last.iter_days().count(), 1);
        assert_eq!(last.days(), 1);
    }

    // ----- text form -----

    #[test]
    fn display_shortest_form() {
        let cases = [
            ("2022-01-01/2022-12-31", "2022"),
            ("2022-01-01/2022-06-30", "2022-H1"),
            ("2022-07-01/2022-12-31", "2022-H2"),
            ("2022-07-01/2022-09-30", "2022-Q3"),
            ("2022-01-01/2022-09-30", "2022-9M"),
            ("2022-07-01/2022-07-31", "2022-07"),
            ("2024-02-01/2024-02-29", "2024-02"),
            ("2022-01-15/2022-02-14", "2022-01-15/2022-02-14"),
            // Whole months, but not a named form.
            ("2022-01-01/2022-02-28", "2022-01-01/2022-02-28"),
            ("2022-04-01/2022-12-31", "2022-04-01/2022-12-31"),
            ("2022-01-01/2023-12-31", "2022-01-01/2023-12-31"),
            ("2024-02-01/2024-02-28", "2024-02-01/2024-02-28"),
            ("2022-03-03/2022-03-03", "2022-03-03/2022-03-03"),
            ("0000-01-01/0000-12-31", "0000"),
            ("-0001-01-01/-0001-12-31", "-0001"),
            ("+10000-07-01/+10000-09-30", "+10000-Q3"),
            ("+10000-07-01/+10000-07-31", "+10000-07"),
        ];
        for (range, short) in cases {
            assert_eq!(p(range).to_string(), short);
            assert_eq!(p(short), p(range));
        }
        assert_eq!(
            ReportingCalendar::STATE_AGENCY
                .year(2023)
                .unwrap()
                .to_string(),
            "2022-12-15/2023-12-14"
        );
    }

    #[test]
    fn bad_text() {
        let form = "a year (2022), half (2022-H1), quarter (2022-Q3), month (2022-07), nine months (2022-9M) or dates (2022-01-15/2022-02-14)";
        let dates = "two valid dates YYYY-MM-DD/YYYY-MM-DD, e.g. 2022-01-15/2022-02-14";
        let month = "a month from 01 to 12, e.g. 2022-07";
        let cases = [
            ("", form),
            ("22", form),
            ("20222", form),
            (" 2022", form),
            ("2022 ", form),
            ("2022-h1", form),
            ("2022-H3", form),
            ("2022-Q5", form),
            ("2022-7", form),
            ("2022-007", form),
            ("2022-9m", form),
            ("2022-", form),
            ("năm 2022", form),
            ("+2147483648", form),
            ("2022-13", month),
            ("2022-00", month),
            ("2023-02-30/2023-03-01", dates),
            ("2022-01-15/", dates),
            ("/2022-01-15", dates),
            ("2022-1-15/2022-02-14", dates),
            ("2022-01-15/2022-02-14/2022-03-14", dates),
            ("15/01/2022", dates),
        ];
        for (input, expected) in cases {
            assert_eq!(
                err_text(input.parse::<Period>()),
                (
                    format!("invalid period {input:?}: expected {expected}"),
                    "DV021"
                ),
                "{input}"
            );
        }
        assert_eq!(
            err_text("2022-02-14/2022-01-15".parse::<Period>()),
            (
                "period ends 2022-01-15 before it starts 2022-02-14".to_owned(),
                "DV020"
            )
        );
        assert_eq!(err_text("+300000".parse::<Period>()).1, "DV022");
    }

    // ----- serde -----

    #[test]
    fn period_serde() {
        let json = r#"{"start":"2022-12-15","end":"2023-01-14"}"#;
        let period: Period = serde_json::from_str(json).unwrap();
        assert_eq!(
            period,
            ReportingCalendar::STATE_AGENCY.month(2023, 1).unwrap()
        );
        assert_eq!(serde_json::to_string(&period).unwrap(), json);

        let reversed = r#"{"start":"2023-01-14","end":"2022-12-15"}"#;
        let err = serde_json::from_str::<Period>(reversed).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("period ends 2022-12-15 before it starts 2023-01-14"),
            "{err}"
        );
        let unknown = r#"{"start":"2022-01-01","end":"2022-12-31","calendar":"x"}"#;
        let err = serde_json::from_str::<Period>(unknown).unwrap_err();
        assert!(
            err.to_string().contains("unknown field `calendar`"),
            "{err}"
        );
        assert!(serde_json::from_str::<Period>(r#"{"start":"2022-01-01"}"#).is_err());
        assert!(serde_json::from_str::<Period>(r#""2022""#).is_err());
    }

    #[test]
    fn half_quarter_serde() {
        for h in Half::ALL {
            let json = serde_json::to_string(&h).unwrap();
            assert_eq!(json, format!("\"{h}\""));
            assert_eq!(serde_json::from_str::<Half>(&json).unwrap(), h);
        }
        for q in Quarter::ALL {
            let json = serde_json::to_string(&q).unwrap();
            assert_eq!(json, format!("\"{q}\""));
            assert_eq!(serde_json::from_str::<Quarter>(&json).unwrap(), q);
        }
        assert!(serde_json::from_str::<Quarter>(r#""q1""#).is_err());
    }

    #[test]
    fn calendar_serde() {
        let cases = [
            (ReportingCalendar::CALENDAR, r#""calendar""#),
            (ReportingCalendar::STATE_AGENCY, r#"{"cut_off":15}"#),
            (ReportingCalendar::cut_off(20).unwrap(), r#"{"cut_off":20}"#),
        ];
        for (cal, json) in cases {
            assert_eq!(serde_json::to_string(&cal).unwrap(), json);
            assert_eq!(
                serde_json::from_str::<ReportingCalendar>(json).unwrap(),
                cal
            );
        }
        // serde's usual long form of a unit variant is accepted too.
        let long = serde_json::from_str::<ReportingCalendar>(r#"{"calendar":null}"#).unwrap();
        assert_eq!(long, ReportingCalendar::CALENDAR);
        let err = serde_json::from_str::<ReportingCalendar>(r#"{"cut_off":31}"#).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("invalid cut-off day 31: expected a day from 2 to 28"),
            "{err}"
        );
        for bad in [
            r#""state_agency""#,
            r#"{"cut_off":-1}"#,
            r#"{"cut_off":15,"extra":1}"#,
            r#"15"#,
        ] {
            assert!(
                serde_json::from_str::<ReportingCalendar>(bad).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn auto_traits() {
        fn ok<T: Send + Sync + Unpin + Copy>() {}
        ok::<Period>();
        ok::<ReportingCalendar>();
        ok::<Half>();
        ok::<Quarter>();
    }

    // ----- properties -----

    /// Any representable date, or (more often) one near the present.
    fn any_date() -> impl Strategy<Value = NaiveDate> {
        let wide = NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce();
        let near = date(1990, 1, 1).num_days_from_ce()..=date(2060, 12, 31).num_days_from_ce();
        prop_oneof![1 => wide, 4 => near]
            .prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
    }

    fn any_period() -> impl Strategy<Value = Period> {
        (any_date(), any_date()).prop_map(|(a, b)| Period::new(a.min(b), a.max(b)).unwrap())
    }

    fn any_calendar() -> impl Strategy<Value = ReportingCalendar> {
        prop_oneof![
            Just(ReportingCalendar::CALENDAR),
            Just(ReportingCalendar::STATE_AGENCY),
            (2u32..=28).prop_map(|d| ReportingCalendar::cut_off(d).unwrap()),
        ]
    }

    /// A calendar and a year that it can represent (often near the present).
    fn calendar_and_year() -> impl Strategy<Value = (ReportingCalendar, i32)> {
        any_calendar().prop_flat_map(|cal| {
            let (min, max) = cal.year_range();
            (Just(cal), prop_oneof![min..=max, 1990..=2060])
        })
    }

    /// Checks that `parts` are contiguous, disjoint and exactly cover `whole`.
    fn tiles(whole: Period, parts: &[Period]) -> Result<(), TestCaseError> {
        prop_assert_eq!(parts.first().map(|p| p.start()), Some(whole.start()));
        prop_assert_eq!(parts.last().map(|p| p.end()), Some(whole.end()));
        for pair in parts.windows(2) {
            prop_assert_eq!(pair[0].end().succ_opt(), Some(pair[1].start()));
            prop_assert!(!pair[0].overlaps(&pair[1]));
        }
        prop_assert_eq!(parts.iter().map(|p| p.days()).sum::<u64>(), whole.days());
        Ok(())
    }

    proptest! {
        #[test]
        fn containment_laws(a in any_period(), b in any_period(), c in any_period(), d in any_date()) {
            prop_assert!(a.contains(a.start()));
            prop_assert!(a.contains(a.end()));
            prop_assert!(a.contains_period(&a));
            if a.contains_period(&b) && b.contains_period(&c) {
                prop_assert!(a.contains_period(&c));
            }
            prop_assert_eq!(a.overlaps(&b), b.overlaps(&a));
            prop_assert_eq!(a.intersection(&b), b.intersection(&a));
            match a.intersection(&b) {
                Some(i) => {
                    prop_assert!(a.overlaps(&b));
                    prop_assert!(a.contains_period(&i));
                    prop_assert!(b.contains_period(&i));
                    prop_assert_eq!(i.contains(d), a.contains(d) && b.contains(d));
                }
                None => prop_assert!(!a.overlaps(&b)),
            }
            if a.contains_period(&b) {
                prop_assert_eq!(a.intersection(&b), Some(b));
            }
        }

        #[test]
        fn calendar_windows_tile_the_year((cal, year) in calendar_and_year()) {
            let whole = cal.year(year).unwrap();
            let months: Vec<Period> = (1..=12).map(|m| cal.month(year, m).unwrap()).collect();
            tiles(whole, &months)?;
            let quarters: Vec<Period> =
                Quarter::ALL.iter().map(|q| cal.quarter(year, *q).unwrap()).collect();
            tiles(whole, &quarters)?;
            let halves: Vec<Period> =
                Half::ALL.iter().map(|h| cal.half(year, *h).unwrap()).collect();
            tiles(whole, &halves)?;
            let nine = cal.nine_months(year).unwrap();
            prop_assert_eq!(nine.start(), whole.start());
            prop_assert_eq!(nine.end(), quarters[2].end());
        }

        #[test]
        fn containing_window_contains_the_date(cal in any_calendar(), d in any_date()) {
            if let Ok(month) = cal.month_containing(d) {
                prop_assert!(month.contains(d));
                prop_assert!(cal.quarter_containing(d).unwrap().contains_period(&month));
                prop_assert!(cal.half_containing(d).unwrap().contains_period(&month));
                prop_assert!(cal.year_containing(d).unwrap().contains_period(&month));
            } else {
                prop_assert!(cal.year_containing(d).is_err());
            }
        }

        #[test]
        fn display_parse_round_trip(a in any_period()) {
            let text = a.to_string();
            prop_assert_eq!(text.parse::<Period>().unwrap(), a, "{}", text);
        }

        #[test]
        fn named_forms_round_trip(year in NaiveDate::MIN.year()..=NaiveDate::MAX.year(), m in 1u32..=12) {
            let forms = [
                Period::year(year).unwrap(),
                Period::half(year, Half::of_month(m).unwrap()).unwrap(),
                Period::quarter(year, Quarter::of_month(m).unwrap()).unwrap(),
                Period::month(year, m).unwrap(),
                Period::nine_months(year).unwrap(),
            ];
            for period in forms {
                let text = period.to_string();
                prop_assert!(!text.contains('/'), "{}", text);
                prop_assert_eq!(text.parse::<Period>().unwrap(), period);
            }
        }

        #[test]
        fn parsing_never_panics(s in "\\PC{0,24}") {
            let _ = s.parse::<Period>();
        }

        #[test]
        fn constructors_never_panic(year in any::<i32>(), month in any::<u32>(), day in any::<u32>()) {
            let _ = Period::year(year);
            let _ = Period::month(year, month);
            if let Ok(cal) = ReportingCalendar::cut_off(day) {
                let _ = cal.month(year, month);
                let _ = cal.nine_months(year);
            }
        }
    }
}

/// The period of a v2 figure, as reports state it (issue 15).
///
/// On the wire: a [`Period`] (`{"start", "end"}`); a year or span "tính
/// đến" a date (`{"start", "to_date"}`, "năm 2025 (tính đến ngày 15/11)");
/// a cumulative span "từ năm X đến nay" (`{"since"}`), which ends at the
/// dataset's `as_of` date (the crate has no clock); or `"unknown"`, an event
/// whose date the report does not state.
///
/// ```
/// use danvan::FigurePeriod;
/// use chrono::NaiveDate;
///
/// let p: FigurePeriod = serde_json::from_str(r#"{"since": "2011-01-01"}"#).unwrap();
/// let as_of = NaiveDate::from_ymd_opt(2021, 10, 1);
/// assert_eq!(p.resolve(as_of)?.map(|p| p.to_string()), Some("2011-01-01/2021-10-01".to_string()));
/// assert_eq!(p.resolve(None).unwrap_err().code(), "DV175");
/// let u: FigurePeriod = serde_json::from_str(r#""unknown""#).unwrap();
/// assert_eq!(u.resolve(as_of)?, None);
/// assert!(serde_json::from_str::<FigurePeriod>(r#"{"since": "2011-01-01", "end": "2012-01-01"}"#).is_err());
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum FigurePeriod {
    /// From a date to a date.
    Dates(Period),
    /// From `start` up to and including `to_date` ("tính đến ngày …").
    ToDate {
        /// The first day.
        start: NaiveDate,
        /// The day the figure is counted to.
        to_date: NaiveDate,
    },
    /// From `start` to the dataset's `as_of` date ("đến nay").
    Since {
        /// The first day.
        start: NaiveDate,
    },
    /// The report does not say when.
    Unknown,
    /// N years ending with a year or on a date ("5 năm … đến 2023", "5 năm
    /// qua"): the report states the length and the end, not the start. Only
    /// when the report says they are N whole calendar years is `calendar`
    /// true; the figure then covers 1 January of year X−N+1 to 31 December of
    /// year X. Otherwise it claims no dates: it is not summed into any
    /// period's total, nor compared with figures of other periods.
    Years {
        /// N, the number of years (at least 1).
        years: u16,
        /// The year or date they end with.
        ending: PeriodEnd,
        /// Whether the report says they are N whole calendar years (a year
        /// `ending` only).
        calendar: bool,
    },
}

/// Where a [`FigurePeriod::Years`] ends: a year (`2023`) or a date.
///
/// ```
/// let p: danvan::FigurePeriod = serde_json::from_str(r#"{"years": 5, "ending": 2016}"#).unwrap();
/// assert!(matches!(p, danvan::FigurePeriod::Years { ending: danvan::PeriodEnd::Year(2016), .. }));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum PeriodEnd {
    /// Some day of this year (which day is not stated).
    Year(i32),
    /// This date.
    Date(NaiveDate),
}

impl PeriodEnd {
    /// The last day it may be: 31 December of the year, or the date.
    ///
    /// ```
    /// let e = danvan::PeriodEnd::Year(2023);
    /// assert_eq!(e.latest().map(|d| d.to_string()), Some("2023-12-31".to_string()));
    /// ```
    #[must_use]
    pub fn latest(self) -> Option<NaiveDate> {
        match self {
            PeriodEnd::Year(y) => NaiveDate::from_ymd_opt(y, 12, 31),
            PeriodEnd::Date(d) => Some(d),
        }
    }
}

impl FigurePeriod {
    /// The dates it covers: `None` for [`FigurePeriod::Unknown`].
    ///
    /// # Errors
    ///
    /// [`ErrorKind::AsOfMissing`] for a span "until now" without `as_of`;
    /// [`ErrorKind::PeriodReversed`] when it would end before it starts.
    ///
    /// ```
    /// let p: danvan::FigurePeriod = serde_json::from_str(r#"{"start": "2025-01-01", "to_date": "2025-11-15"}"#).unwrap();
    /// assert_eq!(p.resolve(None)?.map(|p| p.days()), Some(319));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn resolve(&self, as_of: Option<NaiveDate>) -> Result<Option<Period>, Error> {
        match *self {
            FigurePeriod::Dates(p) => Ok(Some(p)),
            FigurePeriod::ToDate { start, to_date } => Period::new(start, to_date).map(Some),
            FigurePeriod::Since { start } => {
                let end = as_of.ok_or(ErrorKind::AsOfMissing { start })?;
                Period::new(start, end).map(Some)
            }
            FigurePeriod::Unknown => Ok(None),
            FigurePeriod::Years {
                years,
                ending: PeriodEnd::Year(end),
                calendar: true,
            } => {
                // Years run from 1 (as on the wire): no year before it.
                let first = i32::from(years)
                    .checked_sub(1)
                    .and_then(|n| end.checked_sub(n))
                    .filter(|y| *y >= 1);
                match (
                    first.and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1)),
                    NaiveDate::from_ymd_opt(end, 12, 31),
                ) {
                    (Some(a), Some(b)) => Period::new(a, b).map(Some),
                    _ => Err(ErrorKind::Overflow {
                        what: format!("{years} calendar years ending with {end}"),
                    }
                    .into()),
                }
            }
            FigurePeriod::Years { .. } => Ok(None),
        }
    }

    /// Whether it states dates: every form but `"unknown"` and a span of N
    /// years whose start is not stated (not `calendar`). Only such figures
    /// are summed into a period's total.
    ///
    /// ```
    /// let p: danvan::FigurePeriod = serde_json::from_str(r#"{"years": 5, "ending": 2023}"#).unwrap();
    /// assert!(!p.states_dates());
    /// let c: danvan::FigurePeriod = serde_json::from_str(r#"{"years": 5, "ending": 2023, "calendar": true}"#).unwrap();
    /// assert!(c.states_dates());
    /// assert_eq!(c.resolve(None)?.map(|p| p.to_string()), Some("2019-01-01/2023-12-31".to_string()));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn states_dates(&self) -> bool {
        !matches!(
            self,
            FigurePeriod::Unknown
                | FigurePeriod::Years {
                    calendar: false,
                    ..
                }
        )
    }
}

impl From<Period> for FigurePeriod {
    fn from(p: Period) -> FigurePeriod {
        FigurePeriod::Dates(p)
    }
}

/// The object shapes of a [`FigurePeriod`] (the string `"unknown"` aside).
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FigurePeriodWire {
    #[serde(default, deserialize_with = "date_serde::option")]
    start: Option<NaiveDate>,
    #[serde(default, deserialize_with = "date_serde::option")]
    end: Option<NaiveDate>,
    #[serde(default, deserialize_with = "date_serde::option")]
    to_date: Option<NaiveDate>,
    #[serde(default, deserialize_with = "date_serde::option")]
    since: Option<NaiveDate>,
    #[serde(default)]
    years: Option<u16>,
    #[serde(default)]
    ending: Option<EndingWire>,
    #[serde(default)]
    calendar: Option<bool>,
}

/// The `ending` of N years on the wire: a year number or a date.
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum EndingWire {
    Year(i32),
    Date(#[serde(deserialize_with = "date_serde::date")] NaiveDate),
}

impl serde::Serialize for FigurePeriod {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            FigurePeriod::Dates(p) => p.serialize(serializer),
            FigurePeriod::ToDate { start, to_date } => {
                let mut m = serializer.serialize_map(Some(2))?;
                m.serialize_entry("start", &start.format("%Y-%m-%d").to_string())?;
                m.serialize_entry("to_date", &to_date.format("%Y-%m-%d").to_string())?;
                m.end()
            }
            FigurePeriod::Since { start } => {
                let mut m = serializer.serialize_map(Some(1))?;
                m.serialize_entry("since", &start.format("%Y-%m-%d").to_string())?;
                m.end()
            }
            FigurePeriod::Unknown => serializer.serialize_str("unknown"),
            FigurePeriod::Years {
                years,
                ending,
                calendar,
            } => {
                let mut m = serializer.serialize_map(Some(if *calendar { 3 } else { 2 }))?;
                m.serialize_entry("years", years)?;
                match ending {
                    PeriodEnd::Year(y) => m.serialize_entry("ending", y)?,
                    PeriodEnd::Date(d) => {
                        m.serialize_entry("ending", &d.format("%Y-%m-%d").to_string())?;
                    }
                }
                if *calendar {
                    m.serialize_entry("calendar", &true)?;
                }
                m.end()
            }
        }
    }
}

impl<'de> serde::Deserialize<'de> for FigurePeriod {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<FigurePeriod, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = FigurePeriod;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a period {\"start\", \"end\"}, {\"start\", \"to_date\"}, {\"since\"}, {\"years\", \"ending\"} or \"unknown\"")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<FigurePeriod, E> {
                if v == "unknown" {
                    Ok(FigurePeriod::Unknown)
                } else {
                    Err(E::invalid_value(serde::de::Unexpected::Str(v), &self))
                }
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<FigurePeriod, A::Error> {
                use serde::de::Error as _;
                let w = <FigurePeriodWire as serde::Deserialize>::deserialize(
                    serde::de::value::MapAccessDeserializer::new(map),
                )?;
                let shape = || {
                    A::Error::custom("a period is {\"start\", \"end\"}, {\"start\", \"to_date\"}, {\"since\"} or {\"years\", \"ending\"}, with no other key")
                };
                if let Some(years) = w.years {
                    let only = w.start.is_none()
                        && w.end.is_none()
                        && w.to_date.is_none()
                        && w.since.is_none();
                    let ending = match w.ending {
                        Some(EndingWire::Year(y)) if (1..=9999).contains(&y) => PeriodEnd::Year(y),
                        Some(EndingWire::Date(d)) => PeriodEnd::Date(d),
                        _ => {
                            return Err(A::Error::custom(
                                "N years need their \"ending\": a year from 1 to 9999, or a date",
                            ))
                        }
                    };
                    let calendar = w.calendar.unwrap_or(false);
                    if !only || years == 0 || (calendar && matches!(ending, PeriodEnd::Date(_))) {
                        return Err(A::Error::custom("N years are {\"years\": N (1 or more), \"ending\": a year or a date, \"calendar\": true (a year ending only)?}, with no other key"));
                    }
                    // Years run from 1: N years ending with year X start in
                    // year X − N + 1 at the earliest, so N is at most X.
                    let last = match ending {
                        PeriodEnd::Year(y) => y,
                        PeriodEnd::Date(d) => d.year(),
                    };
                    if i32::from(years) > last {
                        return Err(A::Error::custom(format!(
                            "{years} years ending with {last} would start before year 1: expected at most {last} years"
                        )));
                    }
                    return Ok(FigurePeriod::Years {
                        years,
                        ending,
                        calendar,
                    });
                }
                if w.ending.is_some() || w.calendar.is_some() {
                    return Err(shape());
                }
                match (w.start, w.end, w.to_date, w.since) {
                    (Some(start), Some(end), None, None) => Period::new(start, end)
                        .map(FigurePeriod::Dates)
                        .map_err(A::Error::custom),
                    (Some(start), None, Some(to_date), None) => {
                        Period::new(start, to_date).map_err(A::Error::custom)?;
                        Ok(FigurePeriod::ToDate { start, to_date })
                    }
                    (None, None, None, Some(start)) => Ok(FigurePeriod::Since { start }),
                    _ => Err(shape()),
                }
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod years_tests {
    use super::*;

    fn read(s: &str) -> Result<FigurePeriod, serde_json::Error> {
        serde_json::from_str(s)
    }

    #[test]
    fn n_years_ending_keep_n_and_end_and_claim_no_dates() {
        let p = read(r#"{"years": 5, "ending": 2023}"#).unwrap();
        assert_eq!(
            p,
            FigurePeriod::Years {
                years: 5,
                ending: PeriodEnd::Year(2023),
                calendar: false
            }
        );
        assert_eq!(p.resolve(None).unwrap(), None);
        assert!(!p.states_dates());
        let d = read(r#"{"years": 5, "ending": "2016-06-30"}"#).unwrap();
        assert_eq!(d.resolve(None).unwrap(), None);
        // Round trip, each form.
        for text in [
            r#"{"years":5,"ending":2023}"#,
            r#"{"years":5,"ending":"2016-06-30"}"#,
            r#"{"years":5,"ending":2023,"calendar":true}"#,
        ] {
            let p = read(text).unwrap();
            assert_eq!(serde_json::to_string(&p).unwrap(), text);
        }
    }

    #[test]
    fn calendar_years_are_whole_years() {
        let p = read(r#"{"years": 5, "ending": 2023, "calendar": true}"#).unwrap();
        let want = Period::new(
            NaiveDate::from_ymd_opt(2019, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2023, 12, 31).unwrap(),
        )
        .unwrap();
        assert_eq!(p.resolve(None).unwrap(), Some(want));
        let one = read(r#"{"years": 1, "ending": 2023, "calendar": true}"#).unwrap();
        assert_eq!(
            one.resolve(None).unwrap(),
            Some(Period::year(2023).unwrap())
        );
        // Before year 1: refused on read, and built by hand an error of
        // resolve, never a wrapped year.
        assert!(read(r#"{"years": 9000, "ending": 2023, "calendar": true}"#).is_err());
        let far = FigurePeriod::Years {
            years: 9000,
            ending: PeriodEnd::Year(2023),
            calendar: true,
        };
        assert!(far.resolve(None).is_err());
    }

    #[test]
    fn bad_shapes_are_refused() {
        for bad in [
            r#"{"years": 0, "ending": 2023}"#,
            r#"{"years": 5}"#,
            r#"{"years": 5, "ending": 0}"#,
            r#"{"years": 5, "ending": "2023"}"#,
            r#"{"years": 5, "ending": "2016-06-30", "calendar": true}"#,
            r#"{"years": 5, "ending": 2023, "start": "2019-01-01"}"#,
            r#"{"ending": 2023}"#,
            r#"{"start": "2019-01-01", "end": "2023-12-31", "calendar": true}"#,
            r#"{"years": -1, "ending": 2023}"#,
        ] {
            assert!(read(bad).is_err(), "{bad}");
        }
    }
}
