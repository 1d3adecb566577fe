//! The value types of model v2 (issue 15, `docs/model-v2.md`): what a figure's
//! `value` may be besides a count — an amount with its unit and scale word, a
//! stated rate, a ratio stored as its two parts, a duration — and
//! [`FigureValue`], the one field that holds any of them.
//!
//! Amounts add only in one unit ([`AmountValue::checked_add`]); a rate and a
//! duration have no addition at all: a parent gets a rate only from bases, and
//! a duration renders as given.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::{Count, Error, ErrorKind, Measure, Qualifier, Reported, UnitWord, Word};

/// What a wire decimal looks like, for error messages.
const DECIMAL_EXPECTED: &str = "a decimal string such as \"45.7\" or \"1200\"";

/// Reads a wire decimal: ASCII digits with an optional `.` between digits, at
/// most 28 digits (what a `Decimal` holds exactly).
fn parse_decimal(s: &str) -> Result<Decimal, Error> {
    let invalid = || -> Error {
        ErrorKind::InvalidNumber {
            input: s.into(),
            expected: DECIMAL_EXPECTED,
        }
        .into()
    };
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let digits_ok = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if !digits_ok(int) || !frac.map_or(true, digits_ok) {
        return Err(invalid());
    }
    if int.len().saturating_add(frac.map_or(0, str::len)) > 28 {
        return Err(invalid());
    }
    Decimal::from_str(s).map_err(|_| invalid())
}

/// Serde for a decimal written as a string.
mod decimal_text {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&d.to_string())
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        let text = String::deserialize(d)?;
        super::parse_decimal(&text).map_err(serde::de::Error::custom)
    }
}

fn is_exact(q: &Qualifier) -> bool {
    *q == Qualifier::Exact
}

/// Serde for an optional decimal written as a string; it must be positive
/// (a factor "gấp K lần").
pub(crate) mod decimal_text_opt {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serializer};

    // serde's `with` passes `&Option<Decimal>`.
    #[allow(clippy::ref_option)]
    pub(crate) fn serialize<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_str(&d.to_string()),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Decimal>, D::Error> {
        let text = String::deserialize(d)?;
        let v = super::parse_decimal(&text).map_err(serde::de::Error::custom)?;
        if v <= Decimal::ZERO {
            return Err(serde::de::Error::custom(format!(
                "a factor must be above 0, not {text:?}"
            )));
        }
        Ok(Some(v))
    }
}

/// The scale word of an amount: "nghìn", "triệu", "tỷ" (thousand, million,
/// billion), as the report writes "1,7 tỷ đồng".
///
/// ```
/// use danvan::ScaleWord;
///
/// let s: ScaleWord = serde_json::from_str(r#""tỷ""#).unwrap();
/// assert_eq!(s, ScaleWord::Billion);
/// assert_eq!(s.factor(), rust_decimal::Decimal::from(1_000_000_000u64));
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[non_exhaustive]
pub enum ScaleWord {
    /// "nghìn": a thousand.
    #[serde(rename = "nghìn")]
    Thousand,
    /// "triệu": a million.
    #[serde(rename = "triệu")]
    Million,
    /// "tỷ": a billion.
    #[serde(rename = "tỷ")]
    Billion,
}

impl ScaleWord {
    /// What the amount is multiplied by.
    ///
    /// ```
    /// assert_eq!(danvan::ScaleWord::Thousand.factor(), 1000.into());
    /// ```
    #[must_use]
    pub fn factor(self) -> Decimal {
        match self {
            ScaleWord::Thousand => Decimal::from(1_000u64),
            ScaleWord::Million => Decimal::from(1_000_000u64),
            ScaleWord::Billion => Decimal::from(1_000_000_000u64),
        }
    }
}

/// An amount as the report states it — a decimal, an optional scale word, a
/// unit word, a qualifier — with its value normalised (the scale applied) on
/// read: `{"amount": "1.7", "scale": "tỷ", "unit": "đồng", "qualifier":
/// "at_least"}` is 1 700 000 000 đồng, at least.
///
/// ```
/// let a: danvan::AmountValue =
///     serde_json::from_str(r#"{"amount": "1.7", "scale": "tỷ", "unit": "đồng"}"#).unwrap();
/// assert_eq!(a.normalised().amount(), 1_700_000_000u64.into());
/// assert_eq!(a.stated().amount(), "1.7".parse().unwrap());
/// assert_eq!(a.normalised().unit().as_str(), "đồng");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "AmountWire", into = "AmountWire")]
pub struct AmountValue {
    stated: Measure,
    scale: Option<ScaleWord>,
    normalised: Measure,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
struct AmountWire {
    #[serde(with = "decimal_text")]
    amount: Decimal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    scale: Option<ScaleWord>,
    unit: UnitWord,
    /// The v1-style qualifier (read; written only as `word`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    qualifier: Option<Qualifier>,
    /// The report's word (issue 14's table): `nearly`, `above`, `range`, …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    word: Option<Word>,
    /// The lower end of a range "từ A đến B" (`word` `range`; `amount` is B).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "decimal_text_opt_any"
    )]
    from: Option<Decimal>,
}

crate::wire::objects_only!(AmountWire);

/// Serde for an optional non-negative decimal written as a string.
mod decimal_text_opt_any {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serializer};

    // serde's `with` passes `&Option<Decimal>`.
    #[allow(clippy::ref_option)]
    pub(super) fn serialize<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_str(&d.to_string()),
            None => s.serialize_none(),
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Decimal>, D::Error> {
        let text = String::deserialize(d)?;
        super::parse_decimal(&text)
            .map(Some)
            .map_err(serde::de::Error::custom)
    }
}

impl TryFrom<AmountWire> for AmountValue {
    type Error = Error;

    fn try_from(w: AmountWire) -> Result<AmountValue, Error> {
        let stated = match (w.qualifier, w.word, w.from) {
            (Some(_), Some(_), _) => {
                return Err(ErrorKind::NotAValue {
                    input: "an amount with both a qualifier and a word (give the word only)".into(),
                }
                .into())
            }
            (_, Some(Word::Range), Some(from)) => Measure::range(from, w.amount, w.unit)?,
            (_, _, Some(_)) | (_, Some(Word::Range), None) => return Err(ErrorKind::NotAValue {
                input:
                    "an amount range needs \"word\": \"range\" with both \"from\" and \"amount\""
                        .into(),
            }
            .into()),
            (_, Some(word), None) => Measure::worded(word, w.amount, w.unit)?,
            (q, None, None) => Measure::new(q.unwrap_or(Qualifier::Exact), w.amount, w.unit)?,
        };
        AmountValue::new(stated, w.scale)
    }
}

impl From<AmountValue> for AmountWire {
    fn from(a: AmountValue) -> AmountWire {
        let word = a.stated.word();
        AmountWire {
            amount: a.stated.amount(),
            scale: a.scale,
            unit: a.stated.unit().clone(),
            qualifier: None,
            word: (word != Word::Exact).then_some(word),
            from: a.stated.range_from(),
        }
    }
}

impl AmountValue {
    /// An amount as stated, with its scale word.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::Overflow`] when the scaled amount does not fit.
    ///
    /// ```
    /// use danvan::{AmountValue, Measure, Qualifier, ScaleWord};
    ///
    /// let m = Measure::new(Qualifier::Exact, 35.into(), "đồng".parse()?)?;
    /// let a = AmountValue::new(m, Some(ScaleWord::Million))?;
    /// assert_eq!(a.normalised().amount(), 35_000_000u64.into());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn new(stated: Measure, scale: Option<ScaleWord>) -> Result<AmountValue, Error> {
        let amount = match scale {
            None => stated.amount(),
            Some(s) => stated.amount().checked_mul(s.factor()).ok_or_else(|| {
                Error::from(ErrorKind::Overflow {
                    what: "amount".into(),
                })
            })?,
        };
        let unit = stated.unit().clone();
        let normalised = match (stated.range_from(), scale) {
            (Some(from), Some(s)) => {
                let from = from.checked_mul(s.factor()).ok_or_else(|| {
                    Error::from(ErrorKind::Overflow {
                        what: "amount".into(),
                    })
                })?;
                Measure::range(from, amount, unit)?
            }
            (Some(from), None) => Measure::range(from, amount, unit)?,
            (None, _) => Measure::worded(stated.word(), amount, unit)?,
        };
        Ok(AmountValue {
            stated,
            scale,
            normalised,
        })
    }

    /// The amount as the report wrote it (before the scale word).
    ///
    /// ```
    /// let a: danvan::AmountValue = serde_json::from_str(r#"{"amount": "2", "scale": "nghìn", "unit": "m²"}"#).unwrap();
    /// assert_eq!(a.stated().amount(), 2.into());
    /// ```
    #[must_use]
    pub fn stated(&self) -> &Measure {
        &self.stated
    }

    /// The scale word, if the report wrote one.
    ///
    /// ```
    /// let a: danvan::AmountValue = serde_json::from_str(r#"{"amount": "2", "unit": "m²"}"#).unwrap();
    /// assert_eq!(a.scale(), None);
    /// ```
    #[must_use]
    pub fn scale(&self) -> Option<ScaleWord> {
        self.scale
    }

    /// The amount with its scale applied, in its unit.
    ///
    /// ```
    /// let a: danvan::AmountValue = serde_json::from_str(r#"{"amount": "2", "scale": "nghìn", "unit": "m²"}"#).unwrap();
    /// assert_eq!(a.normalised().amount(), 2000.into());
    /// ```
    #[must_use]
    pub fn normalised(&self) -> &Measure {
        &self.normalised
    }

    /// Adds two amounts of one unit, normalised; the sum has no scale word.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::UnitMismatch`] when the unit words differ (amounts
    /// add only in one unit) and [`ErrorKind::Overflow`] when the sum does not fit.
    ///
    /// ```
    /// let a: danvan::AmountValue = serde_json::from_str(r#"{"amount": "1.5", "scale": "tỷ", "unit": "đồng"}"#).unwrap();
    /// let b: danvan::AmountValue = serde_json::from_str(r#"{"amount": "300", "scale": "triệu", "unit": "đồng"}"#).unwrap();
    /// assert_eq!(a.checked_add(&b)?.normalised().amount(), 1_800_000_000u64.into());
    /// let m2: danvan::AmountValue = serde_json::from_str(r#"{"amount": "3", "unit": "m²"}"#).unwrap();
    /// assert_eq!(a.checked_add(&m2).unwrap_err().code(), "DV006");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn checked_add(&self, other: &AmountValue) -> Result<AmountValue, Error> {
        let sum = self.normalised.checked_add(&other.normalised)?;
        AmountValue::new(sum, None)
    }
}

impl From<Measure> for AmountValue {
    /// A v1 amount: stated without a scale word, so nothing can overflow.
    fn from(m: Measure) -> AmountValue {
        AmountValue {
            normalised: m.clone(),
            stated: m,
            scale: None,
        }
    }
}

crate::wire::wire_struct! {
/// A stated rate: a percentage with no base (`{"percent": "45.7"}`).
///
/// A rate is never summed; whether it may exceed 100% is the indicator's
/// (a share of a target may: see the catalogue's `rate_of_target`).
///
/// ```
/// let r: danvan::Rate = serde_json::from_str(r#"{"percent": "45.7"}"#).unwrap();
/// assert_eq!(r.percent, "45.7".parse().unwrap());
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "Rate"))]
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Rate {
    /// The percentage, a non-negative decimal.
    #[serde(with = "decimal_text")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub percent: Decimal,
    /// Exact unless the report says "hơn", "gần", …
    #[serde(default, skip_serializing_if = "is_exact")]
    pub qualifier: Qualifier,
}
}

crate::wire::wire_struct! {
/// A ratio x/y stored as its two parts, e.g. "12/13 xã" (`{"num": 12, "den": 13}`).
///
/// ```
/// let r: danvan::RatioValue = serde_json::from_str(r#"{"num": 12, "den": 13}"#).unwrap();
/// assert_eq!(r.den.get(), 13);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "RatioValue"))]
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct RatioValue {
    /// The numerator x.
    pub num: Reported,
    /// The denominator y.
    pub den: Count,
}
}

crate::wire::wire_struct! {
/// A duration as the report gives it (`{"duration": "5", "unit": "năm"}`):
/// it renders as given and never adds.
///
/// ```
/// let d: danvan::DurationValue = serde_json::from_str(r#"{"duration": "5", "unit": "năm"}"#).unwrap();
/// assert_eq!(d.unit.as_str(), "năm");
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "DurationValue"))]
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct DurationValue {
    /// How long, a non-negative decimal.
    #[serde(with = "decimal_text")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub duration: Decimal,
    /// The unit word: "ngày", "tháng", "năm", …
    pub unit: UnitWord,
}
}

/// The value of a v2 figure, of any value type of the catalogue.
///
/// On the wire the shape says which: a count is a number or a qualified
/// number (`6800`, `{"at_least": 6800}`), an amount has `amount`, a rate
/// `percent`, a ratio `num` and `den`, a duration `duration`.
///
/// ```
/// use danvan::FigureValue;
///
/// let v: FigureValue = serde_json::from_str("202").unwrap();
/// assert!(matches!(v, FigureValue::Count(_)));
/// let v: FigureValue = serde_json::from_str(r#"{"percent": "98.5"}"#).unwrap();
/// assert_eq!(v.type_name(), "rate");
/// assert!(serde_json::from_str::<FigureValue>(r#"{"percent": "98.5", "num": 1}"#).is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum FigureValue {
    /// A count: written in the worded v2 form of issue 14
    /// ([`worded_v2`](crate::worded_v2): `6800`, `{"word": "nearly", "value": 300}`,
    /// `{"word": "range", "from": 120, "to": 150}`); the v1 forms
    /// (`{"at_least": 6800}`) are read too, with their default word.
    Count(#[serde(serialize_with = "crate::worded_v2::reported::serialize")] Reported),
    /// An amount with its unit.
    Amount(AmountValue),
    /// A stated percentage.
    Rate(Rate),
    /// A ratio x/y.
    Ratio(RatioValue),
    /// A duration.
    Duration(DurationValue),
}

impl FigureValue {
    /// The value type's name as the catalogue writes it: `count`, `amount`,
    /// `rate`, `ratio` or `duration`.
    ///
    /// ```
    /// let v: danvan::FigureValue = serde_json::from_str(r#"{"num": 3, "den": 13}"#).unwrap();
    /// assert_eq!(v.type_name(), "ratio");
    /// ```
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        match self {
            FigureValue::Count(_) => "count",
            FigureValue::Amount(_) => "amount",
            FigureValue::Rate(_) => "rate",
            FigureValue::Ratio(_) => "ratio",
            FigureValue::Duration(_) => "duration",
        }
    }
}

impl fmt::Display for FigureValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FigureValue::Count(r) => write!(f, "{}", r.value().get()),
            FigureValue::Amount(a) => write!(
                f,
                "{} {}",
                a.normalised().amount(),
                a.normalised().unit().as_str()
            ),
            FigureValue::Rate(r) => write!(f, "{}%", r.percent),
            FigureValue::Ratio(r) => write!(f, "{}/{}", r.num.value().get(), r.den.get()),
            FigureValue::Duration(d) => write!(f, "{} {}", d.duration, d.unit.as_str()),
        }
    }
}

/// Reads any JSON value as `serde_json::Value` does, but refuses a key
/// given twice in an object (never a silent choice of one value), at any depth.
struct StrictValue;

impl<'de> serde::de::Visitor<'de> for StrictValue {
    type Value = serde_json::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a figure value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<serde_json::Value, E> {
        Ok(v.into())
    }

    fn visit_i64<E>(self, v: i64) -> Result<serde_json::Value, E> {
        Ok(v.into())
    }

    fn visit_u64<E>(self, v: u64) -> Result<serde_json::Value, E> {
        Ok(v.into())
    }

    fn visit_f64<E>(self, v: f64) -> Result<serde_json::Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(serde_json::Value::Null, Into::into))
    }

    fn visit_str<E>(self, v: &str) -> Result<serde_json::Value, E> {
        Ok(v.into())
    }

    fn visit_string<E>(self, v: String) -> Result<serde_json::Value, E> {
        Ok(v.into())
    }

    fn visit_unit<E>(self) -> Result<serde_json::Value, E> {
        Ok(serde_json::Value::Null)
    }

    fn visit_none<E>(self) -> Result<serde_json::Value, E> {
        Ok(serde_json::Value::Null)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> Result<serde_json::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(v) = seq.next_element_seed(StrictSeed)? {
            out.push(v);
        }
        Ok(serde_json::Value::Array(out))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> Result<serde_json::Value, A::Error> {
        let mut out = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                return Err(serde::de::Error::custom(format_args!(
                    "duplicate field `{key}`"
                )));
            }
            let value = map.next_value_seed(StrictSeed)?;
            out.insert(key, value);
        }
        Ok(serde_json::Value::Object(out))
    }
}

/// [`StrictValue`] as a seed, for nested values.
struct StrictSeed;

impl<'de> serde::de::DeserializeSeed<'de> for StrictSeed {
    type Value = serde_json::Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<serde_json::Value, D::Error> {
        d.deserialize_any(StrictValue)
    }
}

impl<'de> serde::Deserialize<'de> for FigureValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<FigureValue, D::Error> {
        use serde::de::Error as _;
        let value = d.deserialize_any(StrictValue)?;
        let pick = |key: &str| value.as_object().is_some_and(|m| m.contains_key(key));
        let read = D::Error::custom;
        if value.is_array() {
            return Err(D::Error::custom(format!(
                "{}, expected a figure value",
                crate::wire::SEQUENCE_MESSAGE
            )));
        }
        if pick("amount") {
            serde_json::from_value(value)
                .map(FigureValue::Amount)
                .map_err(read)
        } else if pick("percent") {
            serde_json::from_value(value)
                .map(FigureValue::Rate)
                .map_err(read)
        } else if pick("num") || pick("den") {
            serde_json::from_value(value)
                .map(FigureValue::Ratio)
                .map_err(read)
        } else if pick("duration") {
            serde_json::from_value(value)
                .map(FigureValue::Duration)
                .map_err(read)
        } else if pick("word") {
            crate::worded_v2::reported::deserialize(value)
                .map(FigureValue::Count)
                .map_err(read)
        } else {
            serde_json::from_value(value)
                .map(FigureValue::Count)
                .map_err(read)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_strict() {
        assert!(parse_decimal("1.5").is_ok());
        for bad in ["", ".5", "5.", "-1", "1e3", "1,5", "1.2.3", &"9".repeat(29)] {
            assert_eq!(parse_decimal(bad).unwrap_err().code(), "DV001", "{bad}");
        }
    }

    #[test]
    fn values_pick_their_type_by_shape() {
        let read = |s: &str| serde_json::from_str::<FigureValue>(s).map(|v| v.type_name());
        assert_eq!(read("5").unwrap(), "count");
        assert_eq!(read(r#"{"at_least": 5}"#).unwrap(), "count");
        assert_eq!(
            read(r#"{"word": "nearly", "value": 300}"#).unwrap(),
            "count"
        );
        assert_eq!(
            read(r#"{"word": "range", "from": 120, "to": 150}"#).unwrap(),
            "count"
        );
        assert!(read(r#"{"word": "range", "from": 150, "to": 120}"#).is_err());
        assert_eq!(
            read(r#"{"amount": "5", "unit": "đồng"}"#).unwrap(),
            "amount"
        );
        assert_eq!(read(r#"{"percent": "5"}"#).unwrap(), "rate");
        assert_eq!(read(r#"{"num": 1, "den": 2}"#).unwrap(), "ratio");
        assert_eq!(
            read(r#"{"duration": "5", "unit": "năm"}"#).unwrap(),
            "duration"
        );
        assert!(read(r#"{"amount": "5", "unit": "đồng", "extra": 1}"#).is_err());
        assert!(read(r#"{"percent": 5}"#).is_err());
        assert!(read("[5]")
            .unwrap_err()
            .to_string()
            .starts_with("invalid type: sequence"));
        assert!(read(r#"{"amount": "1", "scale": "vạn", "unit": "đồng"}"#).is_err());
        // A key given twice is refused, at any depth, never resolved silently.
        let twice = read(r#"{"at_least": 5, "at_least": 6}"#)
            .unwrap_err()
            .to_string();
        assert!(twice.contains("duplicate field `at_least`"), "{twice}");
        let nested = read(r#"{"num": {"about": 5, "about": 6}, "den": 9}"#)
            .unwrap_err()
            .to_string();
        assert!(nested.contains("duplicate field `about`"), "{nested}");
        assert!(read(r#"{"percent": "5", "percent": "6"}"#).is_err());
    }

    #[test]
    fn round_trip_every_type() {
        for s in [
            "5",
            r#"{"word":"nearly","value":300}"#,
            r#"{"word":"range","from":120,"to":150}"#,
            r#"{"amount":"1.7","scale":"tỷ","unit":"đồng","word":"more_than"}"#,
            r#"{"amount":"3","unit":"km","word":"range","from":"1.5"}"#,
            r#"{"percent":"45.7"}"#,
            r#"{"num":12,"den":13}"#,
            r#"{"duration":"5","unit":"năm"}"#,
        ] {
            let v: FigureValue = serde_json::from_str(s).unwrap();
            assert_eq!(serde_json::to_string(&v).unwrap(), s);
        }
        // The v1 qualifier of an amount still reads, and is written as its word.
        let v1: FigureValue = serde_json::from_str(
            r#"{"amount":"1.7","scale":"tỷ","unit":"đồng","qualifier":"at_least"}"#,
        )
        .unwrap();
        let text = serde_json::to_string(&v1).unwrap();
        assert!(text.contains(r#""word":"more_than""#), "{text}");
        assert_eq!(serde_json::from_str::<FigureValue>(&text).unwrap(), v1);
    }

    #[test]
    fn v1_count_forms_read_and_write_worded() {
        let v1: FigureValue = serde_json::from_str(r#"{"at_least": 5}"#).unwrap();
        let text = serde_json::to_string(&v1).unwrap();
        assert!(text.contains("\"word\""), "{text}");
        assert_eq!(serde_json::from_str::<FigureValue>(&text).unwrap(), v1);
    }

    #[test]
    fn scale_overflow_is_an_error() {
        let big = format!(
            r#"{{"amount": "{}", "scale": "tỷ", "unit": "đồng"}}"#,
            "9".repeat(27)
        );
        assert!(serde_json::from_str::<AmountValue>(&big).is_err());
    }
}
