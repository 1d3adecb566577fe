//! Vietnamese notation: reading and writing numbers and dates as officials
//! and the press write them.
//!
//! Numbers group thousands with `.` and use `,` as the decimal mark
//! (`1.229`, `13.360`, `98,5%`); a reported number may carry a qualifier word
//! (`hơn 6.800`); dates are `dd/mm/yyyy` (`02/02/2023`).
//!
//! The value types ([`Count`], [`Reported`], [`Measure`], …) do not import this
//! module: their own `FromStr` reads plain digits (`1229`, `at_least 6800` is
//! not a form). Reading `1.229` or `hơn 6.800` is a notation function, used by
//! CSV import and available to apps; writing them is used by rendering
//! ([`crate::render::vi`]). The CSV vocabulary (the Vietnamese column names and
//! the cell form of a reported number) is here too.
//!
//! ```
//! use danvan::{notation, Count, Reported};
//!
//! let r = notation::parse_reported("hơn 6.800")?;
//! assert_eq!(notation::reported(r), "hơn 6.800");
//! assert_eq!(notation::count(Count::new(1229)), "1.229");
//! # Ok::<(), danvan::Error>(())
//! ```

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use unicode_normalization::UnicodeNormalization;

use crate::{Count, Error, ErrorKind, Measure, Qualifier, Ratio, Reported, Share, UnitWord};

/// Groups the digits of a whole number by thousands with `.`: `13360` → `"13.360"`.
///
/// ```
/// assert_eq!(danvan::notation::group(13360), "13.360");
/// assert_eq!(danvan::notation::group(235), "235");
/// ```
#[must_use]
pub fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

// ---------------------------------------------------------------------------
// Numbers: reading
// ---------------------------------------------------------------------------

const COUNT_EXPECTED: &str = "a whole number such as 1.229 or 1229";
const COUNT_TOO_LARGE: &str = "a whole number no larger than 18.446.744.073.709.551.615";
const REPORTED_EXPECTED: &str =
    "a whole number such as 1.229, optionally after hơn, trên, gần, dưới or khoảng";
const AMOUNT_EXPECTED: &str =
    "an amount such as 8,9, 2,5 triệu or hơn 6,3 tỷ (decimal comma, thousands dots)";
const MEASURE_EXPECTED: &str = "an amount and a unit word such as 8,9 km or hơn 6,3 tỷ đồng";
const PERCENT_EXPECTED: &str = "a percentage such as 98,5% or 100%";

fn invalid(input: &str, expected: &'static str) -> Error {
    ErrorKind::InvalidNumber {
        input: input.into(),
        expected,
    }
    .into()
}

/// NFC-normalized and trimmed, so that words typed with combining marks match.
fn normalized(s: &str) -> String {
    let nfc: String = s.nfc().collect();
    nfc.trim().to_owned()
}

/// The digits of a whole number written plain (`1229`) or with `.` thousands
/// groups (`1.229`): a first group of 1–3 digits, then groups of exactly 3.
/// No leading zero except for `0` itself.
fn integer_digits(t: &str) -> Option<String> {
    let all_digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    let grouped = t.contains('.');
    let mut groups = t.split('.');
    let first = groups.next()?;
    if !all_digits(first)
        || (grouped && first.len() > 3)
        || (first.starts_with('0') && (first.len() > 1 || grouped))
    {
        return None;
    }
    let mut digits = first.to_owned();
    for g in groups {
        if g.len() != 3 || !all_digits(g) {
            return None;
        }
        digits.push_str(g);
    }
    Some(digits)
}

/// A non-negative decimal written with a `,` decimal mark and optional `.`
/// thousands groups: `8,9`, `6.300.000,5`, `1229`. The scale is kept as written.
fn decimal_number(t: &str) -> Option<Decimal> {
    let (int, frac) = match t.split_once(',') {
        Some((int, frac)) => (int, Some(frac)),
        None => (t, None),
    };
    let mut text = integer_digits(int)?;
    if let Some(frac) = frac {
        if frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        text.push('.');
        text.push_str(frac);
    }
    Decimal::from_str_exact(&text).ok()
}

fn qualifier_of(word: &str) -> Option<Qualifier> {
    match word.to_lowercase().as_str() {
        "hơn" | "trên" => Some(Qualifier::AtLeast),
        "gần" | "dưới" => Some(Qualifier::AtMost),
        "khoảng" => Some(Qualifier::About),
        _ => None,
    }
}

fn scale_of(word: &str) -> Option<Decimal> {
    match word.to_lowercase().as_str() {
        "nghìn" | "ngàn" => Some(Decimal::from(1_000u32)),
        "triệu" => Some(Decimal::from(1_000_000u32)),
        "tỷ" | "tỉ" => Some(Decimal::from(1_000_000_000u32)),
        _ => None,
    }
}

/// Splits a leading qualifier word off normalized text.
fn split_qualifier(n: &str) -> (Qualifier, &str) {
    // The one two-word qualifier: "không quá" (not more than).
    if let Some((first, rest)) = n.split_once(char::is_whitespace) {
        if first.to_lowercase() == "không" {
            if let Some((second, rest)) = rest.trim_start().split_once(char::is_whitespace) {
                if second.to_lowercase() == "quá" {
                    return (Qualifier::AtMost, rest.trim_start());
                }
            }
        }
    }
    if let Some((word, rest)) = n.split_once(char::is_whitespace) {
        if let Some(q) = qualifier_of(word) {
            return (q, rest.trim_start());
        }
    }
    (Qualifier::Exact, n)
}

/// `value × scale`, exactly, without trailing zeros; `None` if it does not fit.
fn scaled(value: Decimal, scale: Decimal) -> Option<Decimal> {
    let product = value.checked_mul(scale)?;
    (product.checked_div(scale)? == value).then(|| product.normalize())
}

/// Reads a count written in Vietnamese notation: `1.229`, `13.360`, `1347`.
///
/// The text is NFC-normalized and trimmed. Thousands are grouped with `.` in
/// groups of exactly three digits, or not grouped at all. Rejected: a decimal
/// comma (`1,229` — a count has no fraction), bad groups (`1.22`, `12.34.5`),
/// spaces inside the number (`1 229` is read as two numbers, so it is refused
/// rather than guessed), signs, letters, leading zeros (`007`, `0.229`), and
/// numbers above `u64::MAX`.
///
/// # Errors
///
/// Returns [`ErrorKind::InvalidNumber`] quoting the input as given.
///
/// ```
/// use danvan::{notation, Count};
///
/// assert_eq!(notation::parse_count("1.229")?, Count::new(1229));
/// assert_eq!(notation::parse_count(" 1347 ")?, Count::new(1347));
/// let err = notation::parse_count("1,229").unwrap_err();
/// assert_eq!(err.to_string(), "invalid number \"1,229\": expected a whole number such as 1.229 or 1229");
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn parse_count(s: &str) -> Result<Count, Error> {
    let digits = integer_digits(&normalized(s)).ok_or_else(|| invalid(s, COUNT_EXPECTED))?;
    digits
        .parse::<u64>()
        .map(Count::new)
        .map_err(|_| invalid(s, COUNT_TOO_LARGE))
}

/// Reads a reported number: an optional qualifier word, then a count.
///
/// `hơn` and `trên` mean at least (read inclusively, see [`Reported`]); `gần`
/// and `dưới` mean at most; `khoảng` means about. Qualifier words are
/// case-insensitive (`Hơn 6.800`); the count follows the rules of
/// [`parse_count`].
///
/// # Errors
///
/// Returns [`ErrorKind::InvalidNumber`] quoting the input as given.
///
/// ```
/// use danvan::{notation, Count, Qualifier, Reported};
///
/// assert_eq!(notation::parse_reported("hơn 6.800")?, Reported::new(Qualifier::AtLeast, Count::new(6800)));
/// assert_eq!(notation::parse_reported("gần 22.000")?, Reported::new(Qualifier::AtMost, Count::new(22000)));
/// assert_eq!(notation::parse_reported("13.360")?, Reported::exact(Count::new(13360)));
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn parse_reported(s: &str) -> Result<Reported, Error> {
    let n = normalized(s);
    let (qualifier, rest) = split_qualifier(&n);
    let digits = integer_digits(rest).ok_or_else(|| invalid(s, REPORTED_EXPECTED))?;
    let value = digits
        .parse::<u64>()
        .map_err(|_| invalid(s, COUNT_TOO_LARGE))?;
    Ok(Reported::new(qualifier, Count::new(value)))
}

/// Reads a non-negative amount: an optional qualifier word, a number with a
/// decimal comma and thousands dots, and an optional scale word.
///
/// Scale words: `nghìn`/`ngàn` (× 1.000), `triệu` (× 1.000.000), `tỷ`/`tỉ`
/// (× 1.000.000.000); a scaled amount loses its trailing zeros
/// (`2,5 triệu` → `2500000`), an unscaled one keeps its scale as written
/// (`8,90` → `8.90`). Qualifier words as in [`parse_reported`].
///
/// # Errors
///
/// Returns [`ErrorKind::InvalidNumber`] quoting the input as given when the
/// text is malformed or ambiguous (`8.9`, `1,5,3`, `,5`, a sign, an unknown
/// or a second scale word, more than 28 significant digits).
///
/// ```
/// use danvan::{notation, Qualifier};
/// use rust_decimal::Decimal;
///
/// let (q, amount) = notation::parse_amount("hơn 6,3 tỷ")?;
/// assert_eq!(q, Qualifier::AtLeast);
/// assert_eq!(amount, Decimal::from(6_300_000_000u64));
/// assert_eq!(notation::parse_amount("8,9")?.1, Decimal::new(89, 1));
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn parse_amount(s: &str) -> Result<(Qualifier, Decimal), Error> {
    let n = normalized(s);
    let (qualifier, rest) = split_qualifier(&n);
    let mut tokens = rest.split_whitespace();
    let number = tokens
        .next()
        .and_then(decimal_number)
        .ok_or_else(|| invalid(s, AMOUNT_EXPECTED))?;
    let amount = match tokens.next() {
        None => number,
        Some(word) => scale_of(word)
            .and_then(|scale| scaled(number, scale))
            .ok_or_else(|| invalid(s, AMOUNT_EXPECTED))?,
    };
    if tokens.next().is_some() {
        return Err(invalid(s, AMOUNT_EXPECTED));
    }
    Ok((qualifier, amount))
}

/// Reads a measure: an amount as in [`parse_amount`], then a unit word
/// (the rest of the text, e.g. `km`, `m²`, `ngày công`).
///
/// A scale word directly after the number is a scale, not the unit.
///
/// # Errors
///
/// Returns [`ErrorKind::InvalidNumber`] quoting the input when the amount is
/// malformed or the unit word is missing, and [`ErrorKind::InvalidUnitWord`]
/// when the unit word breaks its rules.
///
/// ```
/// use danvan::{notation, Qualifier};
/// use rust_decimal::Decimal;
///
/// let m = notation::parse_measure("hơn 6,3 tỷ đồng")?;
/// assert_eq!(m.qualifier(), Qualifier::AtLeast);
/// assert_eq!(m.amount(), Decimal::from(6_300_000_000u64));
/// assert_eq!(m.unit().as_str(), "đồng");
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn parse_measure(s: &str) -> Result<Measure, Error> {
    let n = normalized(s);
    let (qualifier, rest) = split_qualifier(&n);
    let mut tokens = rest.split_whitespace().peekable();
    let number = tokens
        .next()
        .and_then(decimal_number)
        .ok_or_else(|| invalid(s, MEASURE_EXPECTED))?;
    let amount = match tokens.peek().and_then(|w| scale_of(w)) {
        Some(scale) => {
            tokens.next();
            scaled(number, scale).ok_or_else(|| invalid(s, MEASURE_EXPECTED))?
        }
        None => number,
    };
    let unit = tokens.collect::<Vec<_>>().join(" ");
    if unit.is_empty() {
        return Err(invalid(s, MEASURE_EXPECTED));
    }
    Measure::new(qualifier, amount, unit.parse::<UnitWord>()?)
}

/// Reads a percentage: a non-negative number with a decimal comma, then `%`
/// (a space before `%` is allowed): `98,5%`, `100%`, `0,25 %`.
///
/// The result is the number of percent (`98,5%` → `98.5`), not a fraction.
///
/// # Errors
///
/// Returns [`ErrorKind::InvalidNumber`] quoting the input as given.
///
/// ```
/// use danvan::notation;
/// use rust_decimal::Decimal;
///
/// assert_eq!(notation::parse_percent("98,5%")?, Decimal::new(985, 1));
/// assert!(notation::parse_percent("98,5").is_err());
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn parse_percent(s: &str) -> Result<Decimal, Error> {
    normalized(s)
        .strip_suffix('%')
        .and_then(|body| decimal_number(body.trim_end()))
        .ok_or_else(|| invalid(s, PERCENT_EXPECTED))
}

// ---------------------------------------------------------------------------
// Numbers and dates: writing
// ---------------------------------------------------------------------------

/// Groups a string of ASCII digits by thousands with `.`.
fn group_digits(digits: &str) -> String {
    let len = digits.chars().count();
    let mut out = String::with_capacity(len + len / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// The canonical word of a qualifier: `hơn`, `không quá`, `khoảng`; none for exact.
fn qualifier_word(q: Qualifier) -> Option<&'static str> {
    match q {
        Qualifier::Exact => None,
        Qualifier::AtLeast => Some("hơn"),
        // "gần" (nearly) would suggest a value close to the bound; an upper
        // bound from a sum or a split can be far below it.
        Qualifier::AtMost => Some("không quá"),
        Qualifier::About => Some("khoảng"),
    }
}

fn with_qualifier(q: Qualifier, text: String) -> String {
    match qualifier_word(q) {
        Some(word) => format!("{word} {text}"),
        None => text,
    }
}

/// Writes a count with thousands dots: `1.229`.
///
/// ```
/// use danvan::{notation, Count};
///
/// assert_eq!(notation::count(Count::new(13360)), "13.360");
/// ```
#[must_use]
pub fn count(c: Count) -> String {
    group(c.get())
}

/// Writes a reported number with its canonical qualifier word: `hơn 6.800`,
/// `không quá 22.000` (an upper bound, read from "gần" or "dưới" too), `khoảng 500`,
/// or just `1.229` when exact.
///
/// ```
/// use danvan::{notation, Count, Qualifier, Reported};
///
/// let r = Reported::new(Qualifier::AtLeast, Count::new(6800));
/// assert_eq!(notation::reported(r), "hơn 6.800");
/// ```
#[must_use]
pub fn reported(r: Reported) -> String {
    with_qualifier(r.qualifier(), count(r.value()))
}

/// Writes a decimal with `.` thousands groups and a `,` decimal mark, keeping
/// its scale: `8,9`, `6.300.000,5`, `8,90`.
///
/// ```
/// use danvan::notation;
/// use rust_decimal::Decimal;
///
/// assert_eq!(notation::decimal(Decimal::new(63_000_005, 1)), "6.300.000,5");
/// ```
#[must_use]
pub fn decimal(d: Decimal) -> String {
    let text = d.abs().to_string();
    let (int, frac) = match text.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (text.as_str(), None),
    };
    let sign = if d.is_sign_negative() && !d.is_zero() {
        "-"
    } else {
        ""
    };
    match frac {
        Some(frac) => format!("{sign}{},{frac}", group_digits(int)),
        None => format!("{sign}{}", group_digits(int)),
    }
}

/// Writes a share as a percentage rounded to `decimals` places (half away
/// from zero, see [`Share::percent`]) without trailing zeros: `98,5%`,
/// `50%`; `None` when the whole is zero.
///
/// ```
/// use danvan::{notation, Count, Share};
///
/// let s = Share::new(Count::new(197), Count::new(200))?;
/// assert_eq!(notation::percent(s, 1).as_deref(), Some("98,5%"));
/// # Ok::<(), danvan::Error>(())
/// ```
#[must_use]
pub fn percent(share: Share, decimals: u32) -> Option<String> {
    share
        .percent(decimals)
        .map(|p| format!("{}%", decimal(p.normalize())))
}

/// Writes a ratio rounded to `decimals` places (see [`Ratio::value`]) without
/// trailing zeros: `45,9`; `None` when the denominator is zero.
///
/// ```
/// use danvan::{notation, Count, Ratio};
///
/// let per_conference = Ratio::new(Count::new(13360), Count::new(291));
/// assert_eq!(notation::ratio(per_conference, 1).as_deref(), Some("45,9"));
/// ```
#[must_use]
pub fn ratio(r: Ratio, decimals: u32) -> Option<String> {
    r.value(decimals).map(|v| decimal(v.normalize()))
}

/// Writes a measure: qualifier word, amount in full (no scale words), unit:
/// `hơn 6.300.000.000 đồng`.
///
/// ```
/// use danvan::notation;
///
/// let m = notation::parse_measure("hơn 6,3 tỷ đồng")?;
/// assert_eq!(notation::measure(&m), "hơn 6.300.000.000 đồng");
/// # Ok::<(), danvan::Error>(())
/// ```
#[must_use]
pub fn measure(m: &Measure) -> String {
    with_qualifier(
        m.qualifier(),
        format!("{} {}", decimal(m.amount()), m.unit()),
    )
}

/// Writes a date as `dd/mm/yyyy`: `02/02/2023`.
///
/// ```
/// use danvan::notation;
///
/// let d = chrono::NaiveDate::from_ymd_opt(2023, 2, 2).unwrap();
/// assert_eq!(notation::date(d), "02/02/2023");
/// ```
#[must_use]
pub fn date(d: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

/// Press-style rounding down, as in "an exact 6.853 is written hơn 6.800".
///
/// Values of 1.000 and more keep their two leading significant digits
/// (6.853 → 6.800, 13.360 → 13.000); values from 100 to 999 keep one
/// (512 → 500); values below 100 are unchanged. If the value changed, an
/// exact or at-least number becomes at least the rounded value, which still
/// contains the true figure. At-most and about numbers are returned
/// unchanged: rounding their value down would be dishonest.
///
/// ```
/// use danvan::{notation, Count, Qualifier, Reported};
///
/// let r = notation::press_round(Reported::exact(Count::new(6853)));
/// assert_eq!(r, Reported::new(Qualifier::AtLeast, Count::new(6800)));
/// assert_eq!(notation::reported(r), "hơn 6.800");
/// ```
#[must_use]
pub fn press_round(r: Reported) -> Reported {
    if matches!(r.qualifier(), Qualifier::AtMost | Qualifier::About) {
        return r;
    }
    let v = r.value().get();
    let digits = v.checked_ilog10().unwrap_or(0) + 1;
    let kept = match digits {
        0..=2 => return r,
        3 => 1,
        _ => 2,
    };
    // digits <= 20, so the power fits in u64.
    let unit = 10u64.pow(digits - kept);
    let rounded = v / unit * unit;
    if rounded == v {
        r
    } else {
        Reported::new(Qualifier::AtLeast, Count::new(rounded))
    }
}

// ---------------------------------------------------------------------------
// CSV of figures: Vietnamese column names and cell text (the CSV vocabulary)
// ---------------------------------------------------------------------------

/// The columns of a CSV file of figures: English name, Vietnamese name.
#[cfg_attr(not(feature = "csv"), allow(dead_code))]
pub(crate) const CSV_HEADERS: [(&str, &str); 6] = [
    ("unit", "mã đơn vị"),
    ("period", "kỳ"),
    ("actor", "chủ thể"),
    ("indicator", "chỉ tiêu"),
    ("value", "giá trị"),
    ("unit_name", "tên đơn vị"),
];

/// A reported number as a CSV cell: the qualifier word and the digits without
/// thousands dots (`hơn 6800`, `1229`), so that spreadsheets in any locale
/// read the same number and [`parse_reported`] reads it back.
#[cfg_attr(not(feature = "csv"), allow(dead_code))]
pub(crate) fn csv_value(r: Reported) -> String {
    with_qualifier(r.qualifier(), r.value().get().to_string())
}

#[cfg(test)]
mod number_tests {
    use super::*;
    use proptest::prelude::*;

    /// The error table keeps its own copy of the Vietnamese column names (the
    /// error module imports no other module); it must be this vocabulary.
    #[test]
    fn error_table_uses_the_csv_vocabulary() {
        assert_eq!(crate::error::CSV_COLUMNS_VI, CSV_HEADERS);
    }

    /// Value types read plain digits; this module reads the notation.
    #[test]
    fn value_types_read_plain_digits_only() {
        assert_eq!("1229".parse::<Count>().unwrap(), c(1229));
        assert_eq!(parse_count("1.229").unwrap(), c(1229));
        for text in ["1.229", " 1229", "007", "+1", "", "18446744073709551616"] {
            assert_eq!(
                text.parse::<Count>().unwrap_err().code(),
                "DV001",
                "{text:?}"
            );
        }
        assert_eq!(
            "at_least 6800".parse::<Reported>().unwrap(),
            Reported::new(Qualifier::AtLeast, c(6800))
        );
        assert!("hơn 6.800".parse::<Reported>().is_err());
    }

    fn c(n: u64) -> Count {
        Count::new(n)
    }

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn counts_parse() {
        let cases = [
            ("1.229", 1229),
            ("1229", 1229),
            ("13.360", 13360),
            ("1347", 1347),
            ("1.000.000", 1_000_000),
            ("235", 235),
            ("0", 0),
            ("  291\n", 291),
            ("18.446.744.073.709.551.615", u64::MAX),
        ];
        for (text, want) in cases {
            assert_eq!(parse_count(text).unwrap(), c(want), "{text:?}");
        }
    }

    #[test]
    fn bad_counts_quote_the_input() {
        let bad = [
            "1.22",
            "1,229",
            "12.34.5",
            "",
            "   ",
            "-5",
            "+5",
            "abc",
            "12a",
            "1 229",
            "1.2290",
            "1229.",
            ".229",
            "1..229",
            "007",
            "0.229",
            "1234.567",
            "５",
            "1\u{a0}229",
        ];
        for text in bad {
            let err = parse_count(text).unwrap_err();
            assert_eq!(err.code(), "DV001", "{text:?}");
            assert_eq!(
                err.to_string(),
                format!("invalid number {text:?}: expected a whole number such as 1.229 or 1229")
            );
            assert!(err.kind().message_vi().contains(text));
        }
        let err = parse_count("18.446.744.073.709.551.616").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid number \"18.446.744.073.709.551.616\": expected a whole number no larger than 18.446.744.073.709.551.615"
        );
        assert_eq!(err.code(), "DV001");
    }

    #[test]
    fn reported_parse() {
        let cases = [
            ("1.229", Qualifier::Exact, 1229),
            ("1229", Qualifier::Exact, 1229),
            ("13.360", Qualifier::Exact, 13360),
            ("hơn 6.800", Qualifier::AtLeast, 6800),
            ("Hơn 6.800", Qualifier::AtLeast, 6800),
            ("trên 1.900", Qualifier::AtLeast, 1900),
            ("gần 22.000", Qualifier::AtMost, 22000),
            ("dưới 100", Qualifier::AtMost, 100),
            ("Khoảng 500", Qualifier::About, 500),
            ("khoảng   500 ", Qualifier::About, 500),
            // "hơn" typed with a combining horn (NFD), synthetic input.
            ("ho\u{31b}n 500", Qualifier::AtLeast, 500),
        ];
        for (text, q, v) in cases {
            assert_eq!(
                parse_reported(text).unwrap(),
                Reported::new(q, c(v)),
                "{text:?}"
            );
        }
        for text in [
            "hơn",
            "hơn6.800",
            "chừng 500",
            "hơn hơn 5",
            "hơn 1,5",
            "5 hơn",
            "",
        ] {
            let err = parse_reported(text).unwrap_err();
            assert_eq!(
                err.to_string(),
                format!("invalid number {text:?}: expected a whole number such as 1.229, optionally after hơn, trên, gần, dưới or khoảng")
            );
        }
    }

    #[test]
    fn amounts_parse() {
        let cases = [
            ("8,9", Qualifier::Exact, "8.9"),
            ("8,90", Qualifier::Exact, "8.90"),
            ("hơn 6,3 tỷ", Qualifier::AtLeast, "6300000000"),
            ("6,3 tỉ", Qualifier::Exact, "6300000000"),
            ("2,5 triệu", Qualifier::Exact, "2500000"),
            ("1.000 nghìn", Qualifier::Exact, "1000000"),
            ("3 ngàn", Qualifier::Exact, "3000"),
            ("6.300.000,5", Qualifier::Exact, "6300000.5"),
            ("khoảng 0,25", Qualifier::About, "0.25"),
            ("gần 2 Tỷ", Qualifier::AtMost, "2000000000"),
        ];
        for (text, q, want) in cases {
            let (got_q, got) = parse_amount(text).unwrap();
            assert_eq!(got_q, q, "{text:?}");
            assert_eq!(got.to_string(), want, "{text:?}");
        }
        let bad = [
            "",
            "8.9",
            "1,5,3",
            ",5",
            "5,",
            "-5",
            "5 triệu triệu",
            "5 trăm",
            "hơn",
            "5 tỷ đồng",
            "1 229",
            "8,9a",
            "99999999999999999999999999999",
        ];
        for text in bad {
            let err = parse_amount(text).unwrap_err();
            assert_eq!(err.code(), "DV001");
            assert_eq!(
                err.to_string(),
                format!("invalid number {text:?}: expected an amount such as 8,9, 2,5 triệu or hơn 6,3 tỷ (decimal comma, thousands dots)")
            );
        }
    }

    #[test]
    fn measures_parse_and_write() {
        let m = parse_measure("hơn 6,3 tỷ đồng").unwrap();
        assert_eq!(measure(&m), "hơn 6.300.000.000 đồng");
        let m = parse_measure("1.500 ngày  công").unwrap();
        assert_eq!(m.unit().as_str(), "ngày công");
        assert_eq!(measure(&m), "1.500 ngày công");
        let m = parse_measure("8,9 km").unwrap();
        assert_eq!(measure(&m), "8,9 km");
        for text in ["8,9", "2,5 triệu", "km", "8.9 km"] {
            let err = parse_measure(text).unwrap_err();
            assert_eq!(err.code(), "DV001", "{text:?}");
            assert!(err.to_string().contains(&format!("{text:?}")));
        }
        let long = format!("5 {}", "x".repeat(33));
        assert_eq!(parse_measure(&long).unwrap_err().code(), "DV007");
    }

    #[test]
    fn percents_parse() {
        assert_eq!(parse_percent("98,5%").unwrap(), dec("98.5"));
        assert_eq!(parse_percent("100%").unwrap(), dec("100"));
        assert_eq!(parse_percent("0,25 %").unwrap(), dec("0.25"));
        for text in ["98,5", "%", "-5%", "98.5%", "5%%", "năm %", ""] {
            let err = parse_percent(text).unwrap_err();
            assert_eq!(
                err.to_string(),
                format!("invalid number {text:?}: expected a percentage such as 98,5% or 100%")
            );
        }
    }

    #[test]
    fn writing() {
        assert_eq!(count(c(1229)), "1.229");
        assert_eq!(count(c(0)), "0");
        assert_eq!(count(c(u64::MAX)), "18.446.744.073.709.551.615");
        assert_eq!(
            reported(Reported::new(Qualifier::AtMost, c(22000))),
            "không quá 22.000"
        );
        assert_eq!(
            parse_reported("không quá 22.000").unwrap(),
            Reported::new(Qualifier::AtMost, c(22000))
        );
        assert_eq!(
            parse_reported("Không  quá 5").unwrap(),
            Reported::new(Qualifier::AtMost, c(5))
        );
        assert!(parse_reported("không 5").is_err());
        assert_eq!(
            reported(Reported::new(Qualifier::About, c(500))),
            "khoảng 500"
        );
        assert_eq!(reported(Reported::exact(c(1347))), "1.347");
        assert_eq!(decimal(dec("8.9")), "8,9");
        assert_eq!(decimal(dec("6300000.5")), "6.300.000,5");
        assert_eq!(decimal(dec("-1234.5")), "-1.234,5");
        assert_eq!(decimal(-Decimal::ZERO), "0");
        assert_eq!(
            decimal(Decimal::MAX),
            "79.228.162.514.264.337.593.543.950.335"
        );
        let share = |p, w| Share::new(c(p), c(w)).unwrap();
        assert_eq!(percent(share(197, 200), 1).unwrap(), "98,5%");
        assert_eq!(percent(share(2, 3), 1).unwrap(), "66,7%");
        assert_eq!(percent(share(1, 8), 1).unwrap(), "12,5%");
        assert_eq!(percent(share(1, 16), 1).unwrap(), "6,3%");
        assert_eq!(percent(share(1, 2), 1).unwrap(), "50%");
        assert_eq!(percent(share(7, 7), 2).unwrap(), "100%");
        assert_eq!(percent(share(0, 0), 1), None);
        assert_eq!(ratio(Ratio::new(c(13360), c(291)), 1).unwrap(), "45,9");
        assert_eq!(ratio(Ratio::new(c(545), c(179)), 2).unwrap(), "3,04");
        assert_eq!(ratio(Ratio::new(c(1), c(0)), 1), None);
        let d = NaiveDate::from_ymd_opt(2023, 2, 2).unwrap();
        assert_eq!(date(d), "02/02/2023");
        let d = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
        assert_eq!(date(d), "31/12/2025");
    }

    #[test]
    fn press_rounding() {
        let round = |q, v| press_round(Reported::new(q, c(v)));
        let at_least = |v| Reported::new(Qualifier::AtLeast, c(v));
        assert_eq!(round(Qualifier::Exact, 6853), at_least(6800));
        assert_eq!(round(Qualifier::Exact, 13360), at_least(13000));
        assert_eq!(round(Qualifier::Exact, 512), at_least(500));
        assert_eq!(round(Qualifier::Exact, 99), Reported::exact(c(99)));
        assert_eq!(round(Qualifier::Exact, 6800), Reported::exact(c(6800)));
        assert_eq!(round(Qualifier::Exact, 0), Reported::exact(c(0)));
        assert_eq!(round(Qualifier::AtLeast, 6853), at_least(6800));
        assert_eq!(
            round(Qualifier::AtMost, 22345),
            Reported::new(Qualifier::AtMost, c(22345))
        );
        assert_eq!(
            round(Qualifier::About, 512),
            Reported::new(Qualifier::About, c(512))
        );
        assert_eq!(
            round(Qualifier::Exact, u64::MAX),
            at_least(18_000_000_000_000_000_000)
        );
    }

    #[test]
    fn messages_of_quantity_kinds() {
        let cases = [
            (
                ErrorKind::NegativeCount {
                    minuend: 3,
                    subtrahend: 1500,
                },
                "không thể lấy 3 trừ 1.500: số lượng không thể âm",
            ),
            (
                ErrorKind::NegativeAmount {
                    amount: "-5".into(),
                },
                "số liệu âm \"-5\": cần số lớn hơn hoặc bằng 0",
            ),
            (
                ErrorKind::UnitMismatch {
                    left: "km".into(),
                    right: "m²".into(),
                },
                "không thể cộng hai số liệu khác đơn vị tính \"km\" và \"m²\"",
            ),
            (
                ErrorKind::InvalidUnitWord {
                    input: "".into(),
                    expected: "x",
                },
                "đơn vị tính không hợp lệ \"\"",
            ),
        ];
        for (kind, text) in cases {
            assert_eq!(kind.message_vi(), text);
        }
    }

    fn qualifier() -> impl Strategy<Value = Qualifier> {
        prop::sample::select(Qualifier::ALL.to_vec())
    }

    /// Synthetic non-negative decimals with up to 10 places.
    fn amount() -> impl Strategy<Value = Decimal> {
        (any::<u64>(), 0u32..=10).prop_map(|(m, s)| Decimal::from_i128_with_scale(i128::from(m), s))
    }

    proptest! {
        #[test]
        fn count_round_trips(n in any::<u64>()) {
            prop_assert_eq!(parse_count(&count(c(n))).unwrap(), c(n));
            prop_assert_eq!(parse_count(&n.to_string()).unwrap(), c(n));
        }

        #[test]
        fn reported_round_trips(q in qualifier(), n in any::<u64>()) {
            let r = Reported::new(q, c(n));
            prop_assert_eq!(parse_reported(&reported(r)).unwrap(), r);
        }

        #[test]
        fn decimal_round_trips(d in amount(), q in qualifier()) {
            let (got_q, got) = parse_amount(&decimal(d)).unwrap();
            prop_assert_eq!(got_q, Qualifier::Exact);
            prop_assert_eq!(got, d);
            prop_assert_eq!(got.scale(), d.scale());
            let m = Measure::new(q, d, "km".parse().unwrap()).unwrap();
            prop_assert_eq!(parse_measure(&measure(&m)).unwrap(), m);
        }

        #[test]
        fn press_round_contains_the_truth(q in qualifier(), v in any::<u64>(), extra in any::<u64>()) {
            let r = Reported::new(q, c(v));
            let rounded = press_round(r);
            prop_assert!(rounded.value() <= r.value());
            // Every true value the report admits is admitted after rounding.
            let x = match q {
                Qualifier::Exact => v,
                Qualifier::AtLeast => v.saturating_add(extra),
                Qualifier::AtMost => extra % v.saturating_add(1),
                Qualifier::About => extra,
            };
            prop_assert!(r.admits(c(x)));
            prop_assert!(rounded.admits(c(x)), "{r:?} -> {rounded:?} misses {x}");
        }
    }
}
