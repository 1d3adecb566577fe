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

use crate::{
    Amount, Count, Difference, Error, ErrorKind, Interval, Measure, Ratio, RatioBounds, Reported,
    Share, Tone, UnitWord, Word,
};

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

/// The Vietnamese text of each word of the table (issue 14), the one place
/// it is written: `(word, text before the number, text after it)`.
/// A range is written `từ A đến B`.
const WORDS: [(Word, &str, &str); 15] = [
    (Word::Exact, "", ""),
    (Word::MoreThan, "hơn", ""),
    (Word::Above, "trên", ""),
    (Word::AtLeast, "ít nhất", ""),
    (Word::OrMore, "từ", "trở lên"),
    (Word::Nearly, "gần", ""),
    (Word::Below, "dưới", ""),
    (Word::NotMoreThan, "không quá", ""),
    (Word::UpTo, "tối đa", ""),
    (Word::Range, "từ", "đến"),
    (Word::JustUnder, "ngót", ""),
    (Word::About, "khoảng", ""),
    (Word::MoreOrLess, "trên dưới", ""),
    (Word::Approximately, "xấp xỉ", ""),
    (Word::Roughly, "chừng", ""),
];

/// The text before and after the number of a word.
fn word_text(w: Word) -> (&'static str, &'static str) {
    WORDS
        .iter()
        .find(|(x, _, _)| *x == w)
        .map_or(("", ""), |(_, before, after)| (*before, *after))
}

/// The Vietnamese text of a word of the table, e.g. `"gần"`, `"từ … đến"`,
/// `"từ … trở lên"`; empty for [`Word::Exact`].
///
/// ```
/// use danvan::{notation, Word};
/// assert_eq!(notation::word(Word::JustUnder), "ngót");
/// assert_eq!(notation::word(Word::Range), "từ … đến");
/// ```
#[must_use]
pub fn word(w: Word) -> String {
    match word_text(w) {
        (before, "") => before.to_owned(),
        (before, after) => format!("{before} … {after}"),
    }
}

/// A value text split at its word: the word, the tokens of the lower end of a
/// range (empty otherwise), and the tokens of the number (and what follows it).
struct Head<'a> {
    word: Word,
    from: Vec<&'a str>,
    rest: Vec<&'a str>,
}

fn lower_is(token: &str, word: &str) -> bool {
    token.to_lowercase() == word
}

/// Splits the word of the table off normalized text. `input` is the text as
/// given, for the errors: an unknown word (DV131), a "từ … đến …" that is not
/// two numbers is left to the caller (DV133).
fn head<'a>(n: &'a str, input: &str, expected: &'static str) -> Result<Head<'a>, Error> {
    let tokens: Vec<&str> = n.split_whitespace().collect();
    let Some(first) = tokens.first() else {
        return Err(invalid(input, expected));
    };
    if first.starts_with(|c: char| c.is_ascii_digit()) {
        return Ok(Head {
            word: Word::Exact,
            from: Vec::new(),
            rest: tokens,
        });
    }
    // "từ A đến B" and "từ N trở lên".
    if lower_is(first, "từ") {
        let body = tokens.get(1..).unwrap_or_default();
        if let [middle @ .., tro, len] = body {
            if lower_is(tro, "trở") && lower_is(len, "lên") {
                return Ok(Head {
                    word: Word::OrMore,
                    from: Vec::new(),
                    rest: middle.to_vec(),
                });
            }
        }
        let k = body.iter().position(|t| lower_is(t, "đến"));
        return match k.map(|k| (body.get(..k), body.get(k + 1..))) {
            Some((Some(from), Some(rest))) => Ok(Head {
                word: Word::Range,
                from: from.to_vec(),
                rest: rest.to_vec(),
            }),
            _ => Err(invalid(input, expected)),
        };
    }
    // The longest word first: "trên dưới" before "trên".
    let mut best: Option<(Word, usize)> = None;
    for (w, before, after) in WORDS {
        if before.is_empty() || !after.is_empty() {
            continue;
        }
        let parts: Vec<&str> = before.split(' ').collect();
        let fits =
            parts.len() <= tokens.len() && parts.iter().zip(&tokens).all(|(p, t)| lower_is(t, p));
        if fits && best.map_or(true, |(_, k)| parts.len() > k) {
            best = Some((w, parts.len()));
        }
    }
    if let Some((word, k)) = best {
        if k == tokens.len() {
            // A word of the table without its number.
            return Err(invalid(input, expected));
        }
        return Ok(Head {
            word,
            from: Vec::new(),
            rest: tokens.get(k..).unwrap_or_default().to_vec(),
        });
    }
    if tokens.len() > 1 && first.chars().all(char::is_alphabetic) {
        return Err(ErrorKind::UnknownQualifierWord {
            word: (*first).to_owned(),
            input: input.into(),
        }
        .into());
    }
    Err(invalid(input, expected))
}

/// The refusal of a "từ … đến …" whose ends are not numbers: a period, not a value.
fn not_a_value(input: &str) -> Error {
    ErrorKind::NotAValue {
        input: input.into(),
    }
    .into()
}

/// The refusal of a range whose ends run backwards.
fn reversed(input: &str, from: &str, to: &str) -> Error {
    ErrorKind::RangeReversed {
        input: input.into(),
        from: from.into(),
        to: to.into(),
    }
    .into()
}

fn scale_of(word: &str) -> Option<Decimal> {
    match word.to_lowercase().as_str() {
        "nghìn" | "ngàn" => Some(Decimal::from(1_000u32)),
        "triệu" => Some(Decimal::from(1_000_000u32)),
        "tỷ" | "tỉ" => Some(Decimal::from(1_000_000_000u32)),
        _ => None,
    }
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

/// The count of a single token, with the too-large message for a number above `u64::MAX`.
fn count_token(toks: &[&str], input: &str, expected: &'static str) -> Result<Count, Error> {
    let digits = match toks {
        [t] => integer_digits(t).ok_or_else(|| invalid(input, expected))?,
        _ => return Err(invalid(input, expected)),
    };
    digits
        .parse::<u64>()
        .map(Count::new)
        .map_err(|_| invalid(input, COUNT_TOO_LARGE))
}

/// Reads a reported number: an optional word of the table, then a count.
///
/// Every word of issue 14's table is read and kept ([`Word`]): `hơn`, `trên`,
/// `ít nhất`, `từ N trở lên`, `gần`, `dưới`, `không quá`, `tối đa`,
/// `từ A đến B`, `ngót`, `khoảng`, `trên dưới`, `xấp xỉ`, `chừng`. Words are
/// case-insensitive and read in NFC or NFD (`Hơn 6.800`); the counts follow
/// the rules of [`parse_count`].
///
/// # Errors
///
/// - [`ErrorKind::UnknownQualifierWord`] (DV131) naming a leading word not in
///   the table (`độ 500`): never a guess;
/// - [`ErrorKind::RangeReversed`] (DV132) for `từ 9 đến 5`;
/// - [`ErrorKind::NotAValue`] (DV133) for a `từ … đến …` whose ends are not
///   numbers, such as the period `từ năm 2011 đến năm 2021`;
/// - [`ErrorKind::AmountRangeNotCount`] (DV135) for a range of amounts,
///   `từ 2 đến 3 triệu`, where a count is expected;
/// - [`ErrorKind::InvalidNumber`] quoting the input for anything else malformed.
///
/// ```
/// use danvan::{notation, Count, Qualifier, Reported, Word};
///
/// assert_eq!(notation::parse_reported("hơn 6.800")?, Reported::new(Qualifier::AtLeast, Count::new(6800)));
/// assert_eq!(notation::parse_reported("gần 22.000")?.word(), Word::Nearly);
/// assert_eq!(notation::parse_reported("từ 120 đến 150")?.bounds(), (120, Some(150)));
/// assert_eq!(notation::parse_reported("13.360")?, Reported::exact(Count::new(13360)));
/// assert_eq!(notation::parse_reported("độ 500").unwrap_err().code(), "DV131");
/// assert_eq!(notation::parse_reported("từ năm 2011 đến năm 2021").unwrap_err().code(), "DV133");
/// assert_eq!(notation::parse_reported("từ 2 đến 3 triệu").unwrap_err().code(), "DV135");
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn parse_reported(s: &str) -> Result<Reported, Error> {
    let n = normalized(s);
    let h = head(&n, s, REPORTED_EXPECTED)?;
    if h.word == Word::Range {
        let one = |toks: &[&str]| match toks {
            [t] => integer_digits(t).is_some(),
            _ => false,
        };
        if !one(&h.from) || !one(&h.rest) {
            // Two amounts ("từ 2 đến 3 triệu") are a range of amounts, not a period.
            if range_from_tokens(&h.from, &h.rest).is_some() && amount_tokens(&h.rest).is_some() {
                return Err(ErrorKind::AmountRangeNotCount { input: s.into() }.into());
            }
            return Err(not_a_value(s));
        }
        let a = count_token(&h.from, s, REPORTED_EXPECTED)?;
        let b = count_token(&h.rest, s, REPORTED_EXPECTED)?;
        return Reported::range(a, b)
            .map_err(|_| reversed(s, &h.from.join(" "), &h.rest.join(" ")));
    }
    Reported::worded(h.word, count_token(&h.rest, s, REPORTED_EXPECTED)?)
}

/// A number with an optional scale word (`2,5 triệu`), exactly these tokens.
fn amount_tokens(toks: &[&str]) -> Option<Decimal> {
    match toks {
        [number] => decimal_number(number),
        [number, scale] => scaled(decimal_number(number)?, scale_of(scale)?),
        _ => None,
    }
}

/// The lower end of a range: a number with an optional scale word; a lone
/// number takes the scale word of the upper end (`từ 2 đến 3 tỷ` is from
/// 2 tỷ to 3 tỷ, as the press writes it).
fn range_from_tokens(from: &[&str], rest: &[&str]) -> Option<Decimal> {
    match (from, rest.get(1).and_then(|w| scale_of(w))) {
        ([number], Some(scale)) => scaled(decimal_number(number)?, scale),
        _ => amount_tokens(from),
    }
}

/// A number, an optional scale word, then the unit word (one or more tokens).
fn measure_tokens(toks: &[&str]) -> Option<(Decimal, String)> {
    let (number, rest) = toks.split_first()?;
    let number = decimal_number(number)?;
    let (amount, unit) = match rest.split_first() {
        Some((w, unit)) if scale_of(w).is_some() => (scaled(number, scale_of(w)?)?, unit),
        _ => (number, rest),
    };
    // A second scale word is not a unit word ("5 triệu triệu" is refused, not "5 triệu" of "triệu").
    let starts_with_scale = unit.first().is_some_and(|w| scale_of(w).is_some());
    (!unit.is_empty() && !starts_with_scale).then(|| (amount, unit.join(" ")))
}

/// Reads a non-negative amount: an optional word of the table (as in
/// [`parse_reported`]), a number with a decimal comma and thousands dots,
/// and an optional scale word; a range has a number (and scale) at each end,
/// a lone first number taking the second's scale (`từ 2 đến 3 triệu`).
///
/// Scale words: `nghìn`/`ngàn` (× 1.000), `triệu` (× 1.000.000), `tỷ`/`tỉ`
/// (× 1.000.000.000); a scaled amount loses its trailing zeros
/// (`2,5 triệu` → `2500000`), an unscaled one keeps its scale as written
/// (`8,90` → `8.90`). The result is the word, the lower end of a range
/// (`None` for every other word) and the amount (a range's upper end).
///
/// # Errors
///
/// Returns [`ErrorKind::InvalidNumber`] quoting the input as given when the
/// text is malformed or ambiguous (`8.9`, `1,5,3`, `,5`, a sign, an unknown
/// or a second scale word, more than 28 significant digits), and the word
/// errors of [`parse_reported`] (DV131, DV132, DV133).
///
/// ```
/// use danvan::{notation, Word};
/// use rust_decimal::Decimal;
///
/// let (word, from, amount) = notation::parse_amount("hơn 6,3 tỷ")?;
/// assert_eq!((word, from), (Word::MoreThan, None));
/// assert_eq!(amount, Decimal::from(6_300_000_000u64));
/// assert_eq!(notation::parse_amount("8,9")?.2, Decimal::new(89, 1));
/// assert_eq!(notation::parse_amount("từ 2 đến 3 triệu")?.1, Some(Decimal::from(2_000_000)));
/// // A reversed range names the ends as written.
/// let err = notation::parse_amount("từ 3 đến 2 triệu").unwrap_err();
/// assert_eq!(err.code(), "DV132");
/// assert!(err.to_string().contains("from 3 to 2 triệu"), "{err}");
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn parse_amount(s: &str) -> Result<(Word, Option<Decimal>, Decimal), Error> {
    let n = normalized(s);
    let h = head(&n, s, AMOUNT_EXPECTED)?;
    if h.word == Word::Range {
        let (a, b) = range_from_tokens(&h.from, &h.rest)
            .zip(amount_tokens(&h.rest))
            .ok_or_else(|| not_a_value(s))?;
        if a > b {
            // The ends as written ("3" and "2 triệu"), not the scaled numbers.
            return Err(reversed(s, &h.from.join(" "), &h.rest.join(" ")));
        }
        return Ok((Word::Range, Some(a), b));
    }
    let amount = amount_tokens(&h.rest).ok_or_else(|| invalid(s, AMOUNT_EXPECTED))?;
    Ok((h.word, None, amount))
}

/// Reads a measure: an amount as in [`parse_amount`], then a unit word
/// (the rest of the text, e.g. `km`, `m²`, `ngày công`). A range writes the
/// unit once, after its second end (`từ 5 đến 8 km`); "từ N trở lên" writes it
/// before `trở lên` (`từ 5 km trở lên`).
///
/// A scale word directly after the number is a scale, not the unit.
///
/// # Errors
///
/// Returns [`ErrorKind::InvalidNumber`] quoting the input when the amount is
/// malformed or the unit word is missing, [`ErrorKind::InvalidUnitWord`]
/// when the unit word breaks its rules, and the word errors of
/// [`parse_reported`] (DV131, DV132, DV133).
///
/// ```
/// use danvan::{notation, Qualifier, Word};
/// use rust_decimal::Decimal;
///
/// let m = notation::parse_measure("hơn 6,3 tỷ đồng")?;
/// assert_eq!(m.qualifier(), Qualifier::AtLeast);
/// assert_eq!(m.amount(), Decimal::from(6_300_000_000u64));
/// assert_eq!(m.unit().as_str(), "đồng");
/// assert_eq!(notation::parse_measure("ngót 9 km")?.word(), Word::JustUnder);
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn parse_measure(s: &str) -> Result<Measure, Error> {
    let n = normalized(s);
    let h = head(&n, s, MEASURE_EXPECTED)?;
    if h.word == Word::Range {
        let (a, (b, unit)) = range_from_tokens(&h.from, &h.rest)
            .zip(measure_tokens(&h.rest))
            .ok_or_else(|| not_a_value(s))?;
        if a > b {
            return Err(reversed(s, &h.from.join(" "), &h.rest.join(" ")));
        }
        return Measure::range(a, b, unit.parse::<UnitWord>()?);
    }
    let (amount, unit) = measure_tokens(&h.rest).ok_or_else(|| invalid(s, MEASURE_EXPECTED))?;
    Measure::worded(h.word, amount, unit.parse::<UnitWord>()?)
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

/// A number text after its word: `hơn 6.800`, `từ 50 trở lên`, `từ 120 đến 150`
/// (`from` is the lower end's text, for a range only); `unit` follows the
/// number (the second one of a range, before `trở lên`).
fn worded(w: Word, from: Option<String>, text: String, unit: Option<&str>) -> String {
    let text = match unit {
        Some(u) => format!("{text} {u}"),
        None => text,
    };
    match (w, from) {
        (Word::Exact, _) => text,
        (Word::Range, Some(from)) => format!("từ {from} đến {text}"),
        (w, _) => match word_text(w) {
            (before, "") => format!("{before} {text}"),
            (before, after) => format!("{before} {text} {after}"),
        },
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

/// Writes a reported number with its own word: `hơn 6.800`, `trên 1.900`,
/// `gần 22.000`, `từ 120 đến 150`, `từ 50 trở lên`, `chừng 500`, or just
/// `1.229` when exact. A v1 value has its qualifier's default word
/// ([`Word::default_for`]: `hơn`, `không quá`, `khoảng`).
///
/// ```
/// use danvan::{notation, Count, Qualifier, Reported};
///
/// let r = Reported::new(Qualifier::AtLeast, Count::new(6800));
/// assert_eq!(notation::reported(r), "hơn 6.800");
/// assert_eq!(notation::reported(notation::parse_reported("Trên 1.900")?), "trên 1.900");
/// assert_eq!(notation::reported(notation::parse_reported("dưới 100")?), "dưới 100");
/// # Ok::<(), danvan::Error>(())
/// ```
#[must_use]
pub fn reported(r: Reported) -> String {
    worded(r.word(), r.range_from().map(count), count(r.value()), None)
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

/// Writes a measure with its own word, the amount in full (no scale words),
/// and the unit: `hơn 6.300.000.000 đồng`, `từ 5 đến 8 km`, `từ 5 km trở lên`.
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
    worded(
        m.word(),
        m.range_from().map(decimal),
        decimal(m.amount()),
        Some(m.unit().as_str()),
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

// ---------------------------------------------------------------------------
// Computed values: wording of intervals, differences and ratios
// ---------------------------------------------------------------------------

/// How a computed [`Interval`] is worded (see [`interval`]).
///
/// ```
/// use danvan::{notation::{self, Style}, Interval};
///
/// let i = Interval::at_least(6853_u64);
/// assert_eq!(notation::interval(i, Style::Exact), "ít nhất 6.853");
/// assert_eq!(notation::interval(i, Style::Press), "hơn 6.800");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Style {
    /// Every bound as computed: `ít nhất 6.853`.
    #[default]
    Exact,
    /// Press style for lower bounds: `hơn 6.800` for at least 6.853.
    Press,
}

/// The text of a computed value with only a lower bound of zero and no estimate.
pub const UNKNOWN: &str = "không rõ";

/// Words an interval by issue 14's precedences, with `text` writing a bound
/// and `floor` giving the press-style number below a lower bound.
fn word_interval<T: crate::Magnitude>(
    i: Interval<T>,
    style: Style,
    text: impl Fn(T) -> String,
    floor: impl Fn(T) -> Option<T>,
) -> String {
    if let Some(v) = i.exact_value() {
        return text(v);
    }
    let zero = T::zero();
    match i.high() {
        Some(b) if i.tone() == Tone::Near => worded(Word::Nearly, None, text(b), None),
        Some(b) if i.low() == zero => worded(Word::NotMoreThan, None, text(b), None),
        Some(b) => worded(Word::Range, Some(text(i.low())), text(b), None),
        None if i.low() > zero => match (style, floor(i.low())) {
            (Style::Press, Some(b)) => worded(Word::MoreThan, None, text(b), None),
            _ => worded(Word::AtLeast, None, text(i.low()), None),
        },
        None => match i.estimate() {
            Some(p) => worded(Word::About, None, text(p), None),
            None => UNKNOWN.to_owned(),
        },
    }
}

/// The largest count below `a` with at most two significant figures
/// (`a` > 0): 6.853 → 6.800, 6.800 → 6.700, 1.000 → 990, 100 → 99, 5 → 4.
fn press_floor_count(a: u64) -> Option<u64> {
    let digits = a.checked_ilog10()? + 1;
    if digits <= 2 {
        return a.checked_sub(1);
    }
    let unit = 10u64.checked_pow(digits - 2)?;
    let lead = a / unit;
    if lead * unit < a {
        Some(lead * unit)
    } else if lead == 10 {
        Some(99 * (unit / 10))
    } else {
        Some((lead - 1) * unit)
    }
}

/// The largest amount below `a` with at most two significant figures
/// (`a` > 0): 6,853 → 6,8; 6,8 → 6,7; 1 → 0,99; `None` when it has more than
/// 28 decimal places.
fn press_floor_amount(a: Amount) -> Option<Amount> {
    let d = a.get().normalize();
    let m = d.mantissa();
    if m <= 0 {
        return None;
    }
    let n = i64::from(m.checked_ilog10()?) + 1;
    // d = m × 10^(-scale); its two leading digits `lead` stand for lead × 10^e.
    let e = n - 2 - i64::from(d.scale());
    let lead = if n >= 2 {
        m / 10i128.checked_pow(u32::try_from(n - 2).ok()?)?
    } else {
        m * 10
    };
    let make = |lead: i128, e: i64| -> Option<Decimal> {
        if e >= 0 {
            Decimal::from_i128_with_scale(lead, 0).checked_mul(Decimal::from_i128_with_scale(
                10i128.checked_pow(u32::try_from(e).ok()?)?,
                0,
            ))
        } else {
            Decimal::try_from_i128_with_scale(lead, u32::try_from(-e).ok()?).ok()
        }
    };
    let b = make(lead, e)?;
    let b = if b < d {
        b
    } else if lead == 10 {
        make(99, e - 1)?
    } else {
        make(lead - 1, e)?
    };
    Amount::new(b.normalize()).ok()
}

/// Words a computed count interval, by the precedences of issue 14:
///
/// 1. `[a, a]` → `a`;
/// 2. every inexact term *near* ([`Tone::Near`]) and none unbounded → `gần b`;
/// 3. `[0, b]` → `không quá b`; `[a, b]` → `từ a đến b`;
/// 4. `[a, ∞)` → `ít nhất a` ([`Style::Exact`]) or, in [`Style::Press`],
///    `hơn b` with `b` the largest number below `a` with two significant
///    figures: `a` rounded down (6.853 → hơn 6.800), or, when `a` already has
///    two, the next lower one (6.800 → hơn 6.700; 1.000 → hơn 990), so that
///    "hơn" is always true;
/// 5. only `[0, ∞)` is worded by its estimate, `khoảng p`; without an
///    estimate it is [`UNKNOWN`] ("không rõ": nothing is known of it).
///
/// ```
/// use danvan::{notation::{self, Style}, Interval};
///
/// let sum = Interval::exact(120_u64).checked_add(Interval::near(300))?;
/// assert_eq!(notation::interval(sum, Style::Exact), "gần 420");
/// let e = Interval::exact(1000_u64).checked_add(Interval::about(5))?;
/// assert_eq!(notation::interval(e, Style::Exact), "ít nhất 1.000");
/// assert_eq!(notation::interval(e, Style::Press), "hơn 990");
/// # Ok::<(), danvan::Error>(())
/// ```
#[must_use]
pub fn interval(i: Interval<u64>, style: Style) -> String {
    word_interval(i, style, group, press_floor_count)
}

/// Words a computed amount interval as [`interval`] words counts, amounts
/// written with [`decimal`] (press style: two significant figures, 6,853 →
/// hơn 6,8). The unit word is the caller's.
///
/// ```
/// use danvan::{notation::{self, Style}, Amount, Interval};
///
/// let a = |s: &str| Amount::new(s.parse().unwrap()).unwrap();
/// let sum = Interval::exact(a("8.9")).checked_add(Interval::near(a("1.1")))?;
/// assert_eq!(notation::amount_interval(sum, Style::Exact), "gần 10,0");
/// assert_eq!(notation::amount_interval(Interval::at_least(a("6.853")), Style::Press), "hơn 6,8");
/// # Ok::<(), danvan::Error>(())
/// ```
#[must_use]
pub fn amount_interval(i: Interval<Amount>, style: Style) -> String {
    word_interval(i, style, |a| decimal(a.get()), press_floor_amount)
}

/// Words a signed change: `tăng …` / `giảm …` when its sign is known (the
/// size worded as [`interval`] words a bounded value: `tăng 242`,
/// `tăng từ 27 đến 2.971`, `giảm ít nhất 5`), `không thay đổi` when it is
/// exactly zero, and `thay đổi từ … đến …` when it is not known
/// (`thay đổi từ giảm 27 đến tăng 2.971`; an unbounded side is
/// `giảm không rõ bao nhiêu` / `tăng không rõ bao nhiêu`).
///
/// ```
/// use danvan::{notation, Interval};
///
/// let d = Interval::exact(1242_u64).difference(Interval::exact(1000));
/// assert_eq!(notation::difference(d), "tăng 242");
/// let d = Interval::near(300_u64).difference(Interval::exact(100));
/// assert_eq!(notation::difference(d), "thay đổi từ giảm 100 đến tăng 200");
/// ```
#[must_use]
pub fn difference(d: Difference<u64>) -> String {
    let size = |x: i128| group(u64::try_from(x.unsigned_abs()).unwrap_or(u64::MAX));
    let exact_size = |x: i128| u64::try_from(x.unsigned_abs()).ok();
    word_difference(
        d.sign(),
        d.low(),
        d.high(),
        0,
        |x| x < 0,
        size,
        |lo, hi| {
            let lo = exact_size(lo)?;
            let hi = match hi {
                Some(h) => Some(exact_size(h)?),
                None => None,
            };
            Interval::between(lo, hi)
                .ok()
                .map(|i| interval(i, Style::Exact))
        },
    )
}

/// Words a signed change of amounts as [`difference`] words counts.
///
/// ```
/// use danvan::{notation, Amount, Interval};
///
/// let a = |s: &str| Amount::new(s.parse().unwrap()).unwrap();
/// let d = Interval::exact(a("5")).difference(Interval::exact(a("8.5")));
/// assert_eq!(notation::amount_difference(d), "giảm 3,5");
/// ```
#[must_use]
pub fn amount_difference(d: Difference<Amount>) -> String {
    word_difference(
        d.sign(),
        d.low(),
        d.high(),
        Decimal::ZERO,
        |x| x.is_sign_negative() && !x.is_zero(),
        |x: Decimal| decimal(x.abs()),
        |lo, hi| {
            let lo = Amount::new(lo.abs()).ok()?;
            let hi = match hi {
                Some(h) => Some(Amount::new(h.abs()).ok()?),
                None => None,
            };
            Interval::between(lo, hi)
                .ok()
                .map(|i| amount_interval(i, Style::Exact))
        },
    )
}

/// The wording of a difference, over its signed type `S`: `size` writes a
/// magnitude, `bounded(lo, hi)` words the interval of sizes `[lo, hi]`.
fn word_difference<S: Copy + Ord + std::ops::Neg<Output = S>>(
    sign: Option<std::cmp::Ordering>,
    low: Option<S>,
    high: Option<S>,
    zero: S,
    negative: impl Fn(S) -> bool,
    size: impl Fn(S) -> String,
    bounded: impl Fn(S, Option<S>) -> Option<String>,
) -> String {
    use std::cmp::Ordering;
    let signed = |x: Option<S>, unbounded: &str| match x {
        None => unbounded.to_owned(),
        Some(x) if x == zero => "0".to_owned(),
        Some(x) if negative(x) => format!("giảm {}", size(x)),
        Some(x) => format!("tăng {}", size(x)),
    };
    let unknown = || {
        format!(
            "thay đổi từ {} đến {}",
            signed(low, "giảm không rõ bao nhiêu"),
            signed(high, "tăng không rõ bao nhiêu")
        )
    };
    match sign {
        Some(Ordering::Equal) => "không thay đổi".to_owned(),
        Some(Ordering::Greater) => match low.and_then(|lo| bounded(lo, high)) {
            Some(t) => format!("tăng {t}"),
            None => unknown(),
        },
        Some(Ordering::Less) => match high.and_then(|hi| bounded(-hi, low.map(|l| -l))) {
            Some(t) => format!("giảm {t}"),
            None => unknown(),
        },
        None => unknown(),
    }
}

/// Words a ratio of intervals, bounds already rounded outward
/// ([`Interval::ratio`]): `30,9` when exact, `ít nhất 30,9`, `không quá 3,5`,
/// `từ 2,9 đến 3,1`, [`UNKNOWN`] when nothing bounds it. A report writes it
/// inside its phrase: "bình quân ít nhất 30,9 người một hội nghị".
///
/// ```
/// use danvan::{notation, Interval};
///
/// let people = Interval::at_least(9000_u64);
/// let conferences = Interval::exact(291_u64);
/// let r = people.ratio(conferences, 1).unwrap();
/// let text = format!("bình quân {} người một hội nghị", notation::ratio_bounds(r));
/// assert_eq!(text, "bình quân ít nhất 30,9 người một hội nghị");
/// ```
#[must_use]
pub fn ratio_bounds(r: RatioBounds) -> String {
    let text = |d: Decimal| decimal(d.normalize());
    match r.high() {
        Some(h) if r.is_exact() => text(h),
        Some(h) if r.low().is_zero() => worded(Word::NotMoreThan, None, text(h), None),
        Some(h) => worded(Word::Range, Some(text(r.low())), text(h), None),
        None if r.low() > Decimal::ZERO => worded(Word::AtLeast, None, text(r.low()), None),
        None => UNKNOWN.to_owned(),
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
    worded(
        r.word(),
        r.range_from().map(|c| c.get().to_string()),
        r.value().get().to_string(),
        None,
    )
}

#[cfg(test)]
mod number_tests {
    use super::*;
    use crate::Qualifier;
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

    /// Every row of issue 14's table: read, its interval, written back with its word.
    #[test]
    fn every_word_of_the_table() {
        use crate::Tone;
        // (text, word, low, high, tone, estimate, written back)
        type Row = (
            &'static str,
            Word,
            u64,
            Option<u64>,
            Tone,
            Option<u64>,
            &'static str,
        );
        let rows: [Row; 18] = [
            (
                "1.229",
                Word::Exact,
                1229,
                Some(1229),
                Tone::Exact,
                None,
                "1.229",
            ),
            (
                "hơn 6.800",
                Word::MoreThan,
                6800,
                None,
                Tone::Bounded,
                None,
                "hơn 6.800",
            ),
            (
                "Trên 1.900",
                Word::Above,
                1900,
                None,
                Tone::Bounded,
                None,
                "trên 1.900",
            ),
            (
                "ít nhất 50",
                Word::AtLeast,
                50,
                None,
                Tone::Bounded,
                None,
                "ít nhất 50",
            ),
            (
                "từ 50 trở lên",
                Word::OrMore,
                50,
                None,
                Tone::Bounded,
                None,
                "từ 50 trở lên",
            ),
            (
                "gần 300",
                Word::Nearly,
                0,
                Some(300),
                Tone::Near,
                None,
                "gần 300",
            ),
            (
                "dưới 100",
                Word::Below,
                0,
                Some(100),
                Tone::Bounded,
                None,
                "dưới 100",
            ),
            (
                "không quá 22.000",
                Word::NotMoreThan,
                0,
                Some(22000),
                Tone::Bounded,
                None,
                "không quá 22.000",
            ),
            (
                "Không  quá 5",
                Word::NotMoreThan,
                0,
                Some(5),
                Tone::Bounded,
                None,
                "không quá 5",
            ),
            (
                "tối đa 40",
                Word::UpTo,
                0,
                Some(40),
                Tone::Bounded,
                None,
                "tối đa 40",
            ),
            (
                "từ 120 đến 1.500",
                Word::Range,
                120,
                Some(1500),
                Tone::Bounded,
                None,
                "từ 120 đến 1.500",
            ),
            (
                "ngót 2.000",
                Word::JustUnder,
                0,
                Some(2000),
                Tone::Near,
                None,
                "ngót 2.000",
            ),
            (
                "Khoảng 500",
                Word::About,
                0,
                None,
                Tone::Bounded,
                Some(500),
                "khoảng 500",
            ),
            (
                "trên dưới 700",
                Word::MoreOrLess,
                0,
                None,
                Tone::Bounded,
                Some(700),
                "trên dưới 700",
            ),
            (
                "xấp xỉ 1.000",
                Word::Approximately,
                0,
                None,
                Tone::Bounded,
                Some(1000),
                "xấp xỉ 1.000",
            ),
            (
                "chừng 80",
                Word::Roughly,
                0,
                None,
                Tone::Bounded,
                Some(80),
                "chừng 80",
            ),
            // NFD (combining marks), synthetic input.
            (
                "ho\u{31b}n 500",
                Word::MoreThan,
                500,
                None,
                Tone::Bounded,
                None,
                "hơn 500",
            ),
            ("nga\u{300}n 5", Word::Exact, 0, None, Tone::Exact, None, ""),
        ];
        for (text, w, lo, hi, tone, est, back) in rows {
            if back.is_empty() {
                // "ngàn" is a scale word, not a qualifier: refused, naming it.
                let err = parse_reported(text).unwrap_err();
                assert_eq!(err.code(), "DV131", "{text:?}");
                continue;
            }
            let r = parse_reported(text).unwrap();
            assert_eq!(r.word(), w, "{text:?}");
            let i = r.interval();
            assert_eq!(
                (i.low(), i.high(), i.tone(), i.estimate()),
                (lo, hi, tone, est),
                "{text:?}"
            );
            assert_eq!(r.bounds(), (lo, hi), "{text:?}");
            assert_eq!(reported(r), back, "{text:?}");
            assert_eq!(parse_reported(back).unwrap(), r, "{text:?}");
            assert_eq!(parse_reported(&csv_value(r)).unwrap(), r, "{text:?}");
        }
        // Each word of the table is written, and no word twice.
        let mut seen = std::collections::HashSet::new();
        for w in Word::ALL {
            assert!(seen.insert(word(w)), "{w:?}");
        }
    }

    #[test]
    fn words_not_in_the_table_and_periods_are_refused() {
        for (text, word) in [
            ("độ 500", "độ"),
            ("Chắc 5", "Chắc"),
            ("không 5", "không"),
            ("cỡ 1.000", "cỡ"),
        ] {
            let err = parse_reported(text).unwrap_err();
            assert_eq!(err.code(), "DV131", "{text:?}");
            assert!(err.to_string().contains(&format!("{word:?}")), "{err}");
            assert!(err.kind().message_vi().contains(word));
        }
        for text in [
            "từ năm 2011 đến năm 2021",
            "từ 01/2021 đến 12/2021",
            "từ 5 đến",
            "từ đến 5",
            "từ 1 2 đến 3",
        ] {
            let err = parse_reported(text).unwrap_err();
            assert_eq!(err.code(), "DV133", "{text:?}");
            assert!(err.to_string().contains("is not a value"), "{err}");
        }
        let err = parse_reported("từ 1.500 đến 120").unwrap_err();
        assert_eq!(err.code(), "DV132");
        assert_eq!(err.to_string(), "range \"từ 1.500 đến 120\" runs backwards: from 1.500 to 120; write the smaller number first");
        assert_eq!(parse_reported("từ 5 đến 5").unwrap().bounds(), (5, Some(5)));
        assert_eq!(parse_amount("từ 3 đến 2,5").unwrap_err().code(), "DV132");
        // Review of issue 14: an amount range read as a count is an amount
        // range (DV135), not a period (DV133).
        for text in ["từ 2 đến 3 triệu", "từ 2,5 đến 3", "Từ 1 tỷ đến 2 tỷ"] {
            let err = parse_reported(text).unwrap_err();
            assert_eq!(err.code(), "DV135", "{text:?}");
            assert!(err.to_string().contains("range of amounts"), "{err}");
        }
        // A reversed amount range names the ends as written, not the scaled numbers.
        let err = parse_amount("từ 3 đến 2 triệu").unwrap_err();
        assert_eq!(
            err.to_string(),
            "range \"từ 3 đến 2 triệu\" runs backwards: from 3 to 2 triệu; write the smaller number first"
        );
        let err = parse_measure("từ 3 tỷ đến 2 tỷ đồng").unwrap_err();
        assert!(err.to_string().contains("from 3 tỷ to 2 tỷ đồng"), "{err}");
        assert_eq!(
            parse_measure("từ năm 2011 đến năm 2021 km")
                .unwrap_err()
                .code(),
            "DV133"
        );
    }

    #[test]
    fn reported_parse() {
        let cases = [
            ("1.229", Qualifier::Exact, 1229),
            ("1229", Qualifier::Exact, 1229),
            ("13.360", Qualifier::Exact, 13360),
            ("hơn 6.800", Qualifier::AtLeast, 6800),
            ("Hơn 6.800", Qualifier::AtLeast, 6800),
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
        // The word is kept: "trên" and "gần" are not the defaults "hơn", "không quá".
        assert_ne!(
            parse_reported("trên 1.900").unwrap(),
            Reported::new(Qualifier::AtLeast, c(1900))
        );
        assert_eq!(
            parse_reported("gần 22.000").unwrap().qualifier(),
            Qualifier::AtMost
        );
        for text in [
            "hơn",
            "hơn6.800",
            "không quá",
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
            ("8,9", Word::Exact, "8.9"),
            ("8,90", Word::Exact, "8.90"),
            ("hơn 6,3 tỷ", Word::MoreThan, "6300000000"),
            ("6,3 tỉ", Word::Exact, "6300000000"),
            ("2,5 triệu", Word::Exact, "2500000"),
            ("1.000 nghìn", Word::Exact, "1000000"),
            ("3 ngàn", Word::Exact, "3000"),
            ("6.300.000,5", Word::Exact, "6300000.5"),
            ("khoảng 0,25", Word::About, "0.25"),
            ("gần 2 Tỷ", Word::Nearly, "2000000000"),
            ("xấp xỉ 1,5 triệu", Word::Approximately, "1500000"),
        ];
        for (text, q, want) in cases {
            let (got_w, from, got) = parse_amount(text).unwrap();
            assert_eq!(got_w, q, "{text:?}");
            assert_eq!(from, None);
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
        for text in ["8,9", "2,5 triệu", "km", "8.9 km", "gần 5 triệu triệu"] {
            let err = parse_measure(text).unwrap_err();
            assert_eq!(err.code(), "DV001", "{text:?}");
            assert!(err.to_string().contains(&format!("{text:?}")));
        }
        let long = format!("5 {}", "x".repeat(33));
        assert_eq!(parse_measure(&long).unwrap_err().code(), "DV007");
        // Every word with decimals, written back with its word.
        for text in [
            "trên 8,9 km",
            "ít nhất 2 ngày công",
            "từ 5 km trở lên",
            "gần 1,5 ha",
            "dưới 3 km",
            "tối đa 7,25 m²",
            "từ 2,5 đến 3 km",
            "ngót 6,3 đồng",
            "trên dưới 4 km",
            "chừng 9 km",
        ] {
            let m = parse_measure(text).unwrap();
            assert_eq!(measure(&m), text, "{text:?}");
        }
        let m = parse_measure("từ 2 đến 3 tỷ đồng").unwrap();
        assert_eq!(m.range_from(), Some(dec("2000000000")));
        let i = m.interval().unwrap();
        assert_eq!(i.low().get(), dec("2000000000"));
        assert_eq!(
            parse_amount("từ 2 triệu đến 3 triệu").unwrap(),
            (Word::Range, Some(dec("2000000")), dec("3000000"))
        );
        assert_eq!(parse_amount("độ 5").unwrap_err().code(), "DV131");
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

    /// Issue 14's wording of computed intervals, with its examples.
    #[test]
    fn computed_intervals() {
        use crate::{Amount, Interval};
        let ex = Style::Exact;
        let w = |i: Interval<u64>, s| interval(i, s);
        let sum = |a: Interval<u64>, b| a.checked_add(b).unwrap();
        assert_eq!(w(Interval::exact(6853), Style::Press), "6.853");
        assert_eq!(
            w(sum(Interval::exact(120), Interval::near(300)), ex),
            "gần 420"
        );
        assert_eq!(
            w(sum(Interval::near(300), Interval::near(200)), ex),
            "gần 500"
        );
        let e = sum(Interval::exact(1000), Interval::about(5));
        assert_eq!(w(e, ex), "ít nhất 1.000");
        assert_eq!(w(e, Style::Press), "hơn 990");
        let e = sum(Interval::about(500), Interval::at_least(1000));
        assert_eq!(w(e, ex), "ít nhất 1.000");
        assert_eq!(w(e, Style::Press), "hơn 990");
        assert_eq!(
            w(sum(Interval::near(300), Interval::at_most(5)), ex),
            "không quá 305"
        );
        assert_eq!(
            w(sum(Interval::near(300), Interval::exact(5)), ex),
            "gần 305"
        );
        assert_eq!(
            w(sum(Interval::near(300), Interval::at_least(5)), ex),
            "ít nhất 5"
        );
        assert_eq!(
            w(Interval::between(120, Some(150)).unwrap(), ex),
            "từ 120 đến 150"
        );
        assert_eq!(w(Interval::at_least(6853), Style::Press), "hơn 6.800");
        assert_eq!(w(Interval::at_least(6800), Style::Press), "hơn 6.700");
        assert_eq!(w(Interval::at_least(13360), Style::Press), "hơn 13.000");
        assert_eq!(w(Interval::at_least(100), Style::Press), "hơn 99");
        assert_eq!(w(Interval::at_least(512), Style::Press), "hơn 510");
        assert_eq!(w(Interval::at_least(7), Style::Press), "hơn 6");
        assert_eq!(w(Interval::about(500), Style::Press), "khoảng 500");
        assert_eq!(
            w(sum(Interval::about(500), Interval::about(7)), ex),
            "khoảng 507"
        );
        assert_eq!(w(Interval::between(0, None).unwrap(), ex), UNKNOWN);
        let a = |s: &str| Amount::new(dec(s)).unwrap();
        assert_eq!(
            amount_interval(Interval::at_least(a("6.853")), Style::Press),
            "hơn 6,8"
        );
        assert_eq!(
            amount_interval(Interval::at_least(a("6.8")), Style::Press),
            "hơn 6,7"
        );
        assert_eq!(
            amount_interval(Interval::at_least(a("1")), Style::Press),
            "hơn 0,99"
        );
        assert_eq!(
            amount_interval(Interval::at_least(a("6300000000")), Style::Press),
            "hơn 6.200.000.000"
        );
        assert_eq!(
            amount_interval(Interval::at_least(a("0.05")), Style::Press),
            "hơn 0,049"
        );
        assert_eq!(amount_interval(Interval::near(a("2.5")), ex), "gần 2,5");
    }

    #[test]
    fn differences_and_ratios() {
        use crate::Interval;
        let d = |c: Interval<u64>, p: Interval<u64>| difference(c.difference(p));
        assert_eq!(d(Interval::exact(1242), Interval::exact(1000)), "tăng 242");
        assert_eq!(d(Interval::exact(1000), Interval::exact(1242)), "giảm 242");
        assert_eq!(d(Interval::exact(7), Interval::exact(7)), "không thay đổi");
        assert_eq!(
            d(
                Interval::between(1027, Some(3971)).unwrap(),
                Interval::exact(1000)
            ),
            "tăng từ 27 đến 2.971"
        );
        assert_eq!(
            d(Interval::at_least(1100), Interval::exact(1000)),
            "tăng ít nhất 100"
        );
        assert_eq!(
            d(Interval::exact(900), Interval::at_least(1000)),
            "giảm ít nhất 100"
        );
        assert_eq!(
            d(
                Interval::exact(100),
                Interval::between(200, Some(300)).unwrap()
            ),
            "giảm từ 100 đến 200"
        );
        assert_eq!(
            d(Interval::near(300), Interval::exact(100)),
            "thay đổi từ giảm 100 đến tăng 200"
        );
        assert_eq!(
            d(Interval::at_least(5), Interval::exact(100)),
            "thay đổi từ giảm 95 đến tăng không rõ bao nhiêu"
        );
        let r = |n: Interval<u64>, m: Interval<u64>| ratio_bounds(n.ratio(m, 1).unwrap());
        assert_eq!(r(Interval::exact(9270), Interval::exact(300)), "30,9");
        // 13.360 / 291 = 45,91…: rounded outward to one place.
        assert_eq!(
            r(Interval::exact(13360), Interval::exact(291)),
            "từ 45,9 đến 46"
        );
        assert_eq!(
            r(Interval::at_least(9000), Interval::exact(291)),
            "ít nhất 30,9"
        );
        assert_eq!(
            r(Interval::at_most(1000), Interval::exact(291)),
            "không quá 3,5"
        );
        assert_eq!(
            r(
                Interval::between(900, Some(1000)).unwrap(),
                Interval::exact(300)
            ),
            "từ 3 đến 3,4"
        );
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
        fn every_word_round_trips(w in prop::sample::select(Word::ALL.to_vec()), a in any::<u64>(), b in any::<u64>()) {
            let r = if w == Word::Range {
                Reported::range(c(a.min(b)), c(a.max(b))).unwrap()
            } else {
                Reported::worded(w, c(a)).unwrap()
            };
            prop_assert_eq!(parse_reported(&reported(r)).unwrap(), r);
            prop_assert_eq!(parse_reported(&csv_value(r)).unwrap(), r);
            // The number written is the upper end of every bounded interval.
            if let Some(h) = r.interval().high() {
                prop_assert_eq!(h, r.value().get());
            }
        }

        /// Press style always says something true: "hơn b" with b below every admitted value.
        #[test]
        fn press_style_is_true(a in 1u64..u64::MAX) {
            let b = press_floor_count(a).unwrap();
            prop_assert!(b < a);
            let text = b.to_string();
            prop_assert!(text.trim_end_matches('0').len() <= 2, "{} -> {}", a, b);
        }

        #[test]
        fn decimal_round_trips(d in amount(), q in qualifier()) {
            let (got_q, _, got) = parse_amount(&decimal(d)).unwrap();
            prop_assert_eq!(got_q, Word::Exact);
            prop_assert_eq!(got, d);
            prop_assert_eq!(got.scale(), d.scale());
            let m = Measure::new(q, d, "km".parse().unwrap()).unwrap();
            prop_assert_eq!(parse_measure(&measure(&m)).unwrap(), m);
        }
    }
}
