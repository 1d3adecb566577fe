//! Counts, qualified reported numbers, shares, ratios and measures.
//!
//! Every type here does checked arithmetic: an overflow is an [`Error`], never
//! a wrap. `FromStr` reads the plain form (`1229`); Vietnamese notation
//! (`1.229`, `hơn 6.800`) is read and written by `danvan::notation`, which
//! this module does not import.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use unicode_normalization::UnicodeNormalization;

use crate::{Error, ErrorKind};

fn overflow(what: &str) -> Error {
    ErrorKind::Overflow { what: what.into() }.into()
}

// ---------------------------------------------------------------------------
// Count
// ---------------------------------------------------------------------------

/// A non-negative whole number of things or persons, e.g. 1.229 models.
///
/// Arithmetic is checked. `Display` and `FromStr` are the plain form (ASCII
/// digits, `1229`, no sign, no spaces, no leading zero); Vietnamese notation
/// (`1.229`) is read by `danvan::notation::parse_count`. On the wire a count
/// is a plain JSON integer.
///
/// ```
/// use danvan::Count;
///
/// let models: Count = "1229".parse()?;
/// assert_eq!(models, Count::new(1229));
/// assert_eq!("1.229".parse::<Count>().unwrap_err().code(), "DV001");
/// assert_eq!(models.to_string(), "1229");
/// assert_eq!(serde_json::to_string(&models).unwrap(), "1229");
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(transparent)]
pub struct Count(u64);

impl Count {
    /// The count zero.
    ///
    /// ```
    /// assert_eq!(danvan::Count::ZERO.get(), 0);
    /// ```
    pub const ZERO: Count = Count(0);

    /// Creates a count; every `u64` is a valid count.
    ///
    /// ```
    /// assert_eq!(danvan::Count::new(235).get(), 235);
    /// ```
    #[must_use]
    pub const fn new(n: u64) -> Count {
        Count(n)
    }

    /// The number as a `u64`.
    ///
    /// ```
    /// assert_eq!(danvan::Count::new(1347).get(), 1347);
    /// ```
    #[must_use]
    pub const fn get(self) -> u64 {
        self.0
    }

    /// Adds two counts.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::Overflow`] when the sum exceeds `u64::MAX`.
    ///
    /// ```
    /// use danvan::Count;
    ///
    /// assert_eq!(Count::new(291).checked_add(Count::new(222))?, Count::new(513));
    /// assert!(Count::new(u64::MAX).checked_add(Count::new(1)).is_err());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn checked_add(self, other: Count) -> Result<Count, Error> {
        self.0
            .checked_add(other.0)
            .map(Count)
            .ok_or_else(|| overflow("count"))
    }

    /// Subtracts `other` from this count.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::NegativeCount`] when `other` is larger than `self`.
    ///
    /// ```
    /// use danvan::Count;
    ///
    /// assert_eq!(Count::new(291).checked_sub(Count::new(91))?, Count::new(200));
    /// assert!(Count::new(3).checked_sub(Count::new(5)).is_err());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn checked_sub(self, other: Count) -> Result<Count, Error> {
        self.0.checked_sub(other.0).map(Count).ok_or_else(|| {
            ErrorKind::NegativeCount {
                minuend: self.0,
                subtrahend: other.0,
            }
            .into()
        })
    }

    /// The sum of many counts; the sum of none is zero.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::Overflow`] when the sum exceeds `u64::MAX`.
    ///
    /// ```
    /// use danvan::Count;
    ///
    /// let total = Count::checked_sum([Count::new(2059), Count::new(2360)])?;
    /// assert_eq!(total, Count::new(4419));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn checked_sum<I: IntoIterator<Item = Count>>(counts: I) -> Result<Count, Error> {
        counts
            .into_iter()
            .try_fold(Count::ZERO, |acc, c| acc.checked_add(c))
    }
}

impl From<Count> for u64 {
    fn from(c: Count) -> u64 {
        c.0
    }
}

impl fmt::Display for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl FromStr for Count {
    type Err = Error;

    fn from_str(s: &str) -> Result<Count, Error> {
        plain_digits(s).map(Count).ok_or_else(|| {
            ErrorKind::InvalidNumber {
                input: s.into(),
                expected: PLAIN_COUNT_EXPECTED,
            }
            .into()
        })
    }
}

const PLAIN_COUNT_EXPECTED: &str =
    "plain digits such as 1229 (read 1.229 with danvan::notation::parse_count)";
const PLAIN_REPORTED_EXPECTED: &str = "plain digits such as 1229, optionally after at_least, at_most, about or a word id (nearly 300, range 120 150) and a space (read hơn 6.800 with danvan::notation::parse_reported)";

/// The value of a whole number written in plain ASCII digits, without sign,
/// spaces or leading zero; `None` if the text is not one or is above `u64::MAX`.
fn plain_digits(s: &str) -> Option<u64> {
    let plain = !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_digit())
        && (s.len() == 1 || !s.starts_with('0'));
    if plain {
        s.parse().ok()
    } else {
        None
    }
}

// ---------------------------------------------------------------------------
// Qualifier, Truth
// ---------------------------------------------------------------------------

/// How exact a reported number is: exact, at least, at most or about.
///
/// On the wire a qualifier is a snake_case string: `"exact"`, `"at_least"`,
/// `"at_most"`, `"about"`.
///
/// ```
/// use danvan::Qualifier;
///
/// assert_eq!(Qualifier::default(), Qualifier::Exact);
/// assert_eq!(serde_json::to_string(&Qualifier::AtLeast).unwrap(), r#""at_least""#);
/// assert_eq!(Qualifier::AtMost.as_str(), "at_most");
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Qualifier {
    /// The number is exact.
    #[default]
    Exact,
    /// The true figure is at least the number ("more than" in reports).
    AtLeast,
    /// The true figure is at most the number ("nearly", "under" in reports).
    AtMost,
    /// The number is only a point estimate; the true figure may lie on either side.
    About,
}

impl Qualifier {
    /// Every qualifier, in declaration order.
    ///
    /// ```
    /// assert_eq!(danvan::Qualifier::ALL.len(), 4);
    /// ```
    pub const ALL: [Qualifier; 4] = [
        Qualifier::Exact,
        Qualifier::AtLeast,
        Qualifier::AtMost,
        Qualifier::About,
    ];

    /// The wire name, e.g. `"at_least"`.
    ///
    /// ```
    /// assert_eq!(danvan::Qualifier::About.as_str(), "about");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
            Qualifier::About => "about",
        }
    }
}

/// The word a report wrote before a number, e.g. "hơn", "gần", "từ … đến …"
/// (issue 14's table). Variant names are English; the Vietnamese text of each
/// word is in `danvan::notation` only.
///
/// | word | Vietnamese | interval of the true value |
/// |---|---|---|
/// | `Exact` | *N* | [*N*, *N*] |
/// | `MoreThan`, `Above` | hơn *N*, trên *N* | [*N*, ∞) (the claim "> *N*" read as "≥ *N*") |
/// | `AtLeast`, `OrMore` | ít nhất *N*, từ *N* trở lên | [*N*, ∞) |
/// | `Nearly` | gần *N* | [0, *N*], *near* |
/// | `Below`, `NotMoreThan`, `UpTo` | dưới *N*, không quá *N*, tối đa *N* | [0, *N*] |
/// | `Range` | từ *A* đến *B* | [*A*, *B*] |
/// | `JustUnder` | ngót *N* | [0, *N*], *near* |
/// | `About`, `MoreOrLess`, `Approximately`, `Roughly` | khoảng, trên dưới, xấp xỉ, chừng *N* | estimate *N*: [0, ∞) with the point kept |
///
/// Its wire id ([`Word::as_str`], `FromStr`, serde) is the snake_case variant
/// name: `"more_than"`, `"just_under"`, … (the v2 form, see [`worded_v2`]).
///
/// ```
/// use danvan::{Qualifier, Word};
///
/// assert_eq!(Word::Nearly.qualifier(), Qualifier::AtMost);
/// assert_eq!(Word::default_for(Qualifier::AtMost), Word::NotMoreThan);
/// assert_eq!("just_under".parse::<Word>()?, Word::JustUnder);
/// assert_eq!(serde_json::to_string(&Word::MoreOrLess).unwrap(), r#""more_or_less""#);
/// # Ok::<(), danvan::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Word {
    /// A plain number.
    #[default]
    Exact,
    /// "hơn N": more than N, read as at least N.
    MoreThan,
    /// "trên N": above N, read as at least N.
    Above,
    /// "ít nhất N".
    AtLeast,
    /// "từ N trở lên": N or more.
    OrMore,
    /// "gần N": nearly N, at most N and close to it.
    Nearly,
    /// "dưới N": below N, read as at most N.
    Below,
    /// "không quá N".
    NotMoreThan,
    /// "tối đa N".
    UpTo,
    /// "từ A đến B".
    Range,
    /// "ngót N": just under N, at most N and close to it.
    JustUnder,
    /// "khoảng N".
    About,
    /// "trên dưới N".
    MoreOrLess,
    /// "xấp xỉ N".
    Approximately,
    /// "chừng N".
    Roughly,
}

impl Word {
    /// Every word, in declaration order.
    ///
    /// ```
    /// assert_eq!(danvan::Word::ALL.len(), 15);
    /// ```
    pub const ALL: [Word; 15] = [
        Word::Exact,
        Word::MoreThan,
        Word::Above,
        Word::AtLeast,
        Word::OrMore,
        Word::Nearly,
        Word::Below,
        Word::NotMoreThan,
        Word::UpTo,
        Word::Range,
        Word::JustUnder,
        Word::About,
        Word::MoreOrLess,
        Word::Approximately,
        Word::Roughly,
    ];

    /// The wire id, e.g. `"more_than"`.
    ///
    /// ```
    /// assert_eq!(danvan::Word::OrMore.as_str(), "or_more");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Word::Exact => "exact",
            Word::MoreThan => "more_than",
            Word::Above => "above",
            Word::AtLeast => "at_least",
            Word::OrMore => "or_more",
            Word::Nearly => "nearly",
            Word::Below => "below",
            Word::NotMoreThan => "not_more_than",
            Word::UpTo => "up_to",
            Word::Range => "range",
            Word::JustUnder => "just_under",
            Word::About => "about",
            Word::MoreOrLess => "more_or_less",
            Word::Approximately => "approximately",
            Word::Roughly => "roughly",
        }
    }

    /// The coarse qualifier of the v1 wire. A range has none of its own: its
    /// coarse qualifier is at most (its upper end), which is sound but loses
    /// the lower end, so a range is never written in the v1 form.
    ///
    /// ```
    /// use danvan::{Qualifier, Word};
    /// assert_eq!(Word::Above.qualifier(), Qualifier::AtLeast);
    /// assert_eq!(Word::Roughly.qualifier(), Qualifier::About);
    /// ```
    #[must_use]
    pub const fn qualifier(self) -> Qualifier {
        match self {
            Word::Exact => Qualifier::Exact,
            Word::MoreThan | Word::Above | Word::AtLeast | Word::OrMore => Qualifier::AtLeast,
            Word::Nearly
            | Word::Below
            | Word::NotMoreThan
            | Word::UpTo
            | Word::Range
            | Word::JustUnder => Qualifier::AtMost,
            Word::About | Word::MoreOrLess | Word::Approximately | Word::Roughly => {
                Qualifier::About
            }
        }
    }

    /// The word a v1 qualifier takes: exact, "hơn", "không quá", "khoảng"
    /// (the words the v1 summary has always printed).
    ///
    /// ```
    /// use danvan::{Qualifier, Word};
    /// assert_eq!(Word::default_for(Qualifier::AtLeast), Word::MoreThan);
    /// assert_eq!(Word::default_for(Qualifier::About), Word::About);
    /// ```
    #[must_use]
    pub const fn default_for(q: Qualifier) -> Word {
        match q {
            Qualifier::Exact => Word::Exact,
            Qualifier::AtLeast => Word::MoreThan,
            Qualifier::AtMost => Word::NotMoreThan,
            Qualifier::About => Word::About,
        }
    }

    /// Whether the word says *near* ("gần", "ngót").
    ///
    /// ```
    /// assert!(danvan::Word::JustUnder.is_near());
    /// ```
    #[must_use]
    pub const fn is_near(self) -> bool {
        matches!(self, Word::Nearly | Word::JustUnder)
    }

    /// Whether the word says *estimate* ("khoảng", "trên dưới", "xấp xỉ", "chừng").
    ///
    /// ```
    /// assert!(danvan::Word::Approximately.is_estimate());
    /// ```
    #[must_use]
    pub const fn is_estimate(self) -> bool {
        matches!(self.qualifier(), Qualifier::About)
    }

    /// The interval a number `v` written after this word claims; for
    /// [`Word::Range`] give the lower end in `from`.
    fn interval<T: crate::Magnitude>(self, from: T, v: T) -> crate::Interval<T> {
        use crate::Interval;
        match self {
            Word::Exact => Interval::exact(v),
            Word::Nearly | Word::JustUnder => Interval::near(v),
            Word::Range => {
                Interval::between(from, Some(v)).unwrap_or_else(|_| Interval::at_most(v))
            }
            w => match w.qualifier() {
                Qualifier::AtLeast => Interval::at_least(v),
                Qualifier::About => Interval::about(v),
                _ => Interval::at_most(v),
            },
        }
    }
}

impl fmt::Display for Word {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Word {
    type Err = Error;

    fn from_str(s: &str) -> Result<Word, Error> {
        Word::ALL
            .into_iter()
            .find(|w| w.as_str() == s)
            .ok_or_else(|| {
                ErrorKind::UnknownQualifierWord {
                    word: s.into(),
                    input: s.into(),
                }
                .into()
            })
    }
}

/// A three-valued answer: true, false, or unknown from what was reported.
///
/// ```
/// use danvan::{Count, Reported, Qualifier, Truth};
///
/// let r = Reported::new(Qualifier::AtLeast, Count::new(6800));
/// assert_eq!(r.reaches(Count::new(6000)), Truth::True);
/// assert_eq!(r.reaches(Count::new(7000)), Truth::Unknown);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Truth {
    /// Certainly true for every value the report admits.
    True,
    /// Certainly false for every value the report admits.
    False,
    /// True for some admitted values and false for others.
    Unknown,
}

impl From<bool> for Truth {
    fn from(b: bool) -> Truth {
        if b {
            Truth::True
        } else {
            Truth::False
        }
    }
}

// ---------------------------------------------------------------------------
// Reported
// ---------------------------------------------------------------------------

/// A reported number with the report's own word ([`Word`]), read as an
/// interval of possible true values ([`Reported::interval`]).
///
/// The word is kept: "trên 1.900" and "hơn 1.900" claim the same interval
/// but are different values and are written back each with its word. A
/// range "từ A đến B" holds both numbers ([`Reported::range`]). The coarse
/// [`Qualifier`] of the v1 wire is derived from the word:
///
/// | qualifier | bounds of the true value |
/// |---|---|
/// | exact *v* | [*v*, *v*] |
/// | at least *v* | [*v*, ∞) — "more than *v*" is read inclusively, so a true figure is never rejected |
/// | at most *v* | [0, *v*] |
/// | about *v* | [0, ∞) — *v* is only a point estimate |
///
/// On the v1 wire an exact number is a plain JSON integer (`6800`); a qualified
/// one is an object with one key: `{"at_least": 6800}`, `{"at_most": 22000}`,
/// `{"about": 500}`. Anything else is rejected. A v1 value takes its
/// qualifier's default word ([`Word::default_for`]); writing v1 keeps only the
/// qualifier, and a range has no v1 form (DV134). The v2 form, which carries
/// the word, is [`worded_v2`].
///
/// `FromStr` reads the plain form, `6800` or `at_least 6800` (the wire's
/// qualifier words, a space, plain digits), or a [`Word`] id (`nearly 300`,
/// `range 120 150`); Vietnamese notation (`hơn 6.800`) is read by
/// `danvan::notation::parse_reported`.
///
/// ```
/// use danvan::{Count, Qualifier, Reported};
///
/// let participants: Reported = "at_least 6800".parse()?;
/// assert_eq!(participants, Reported::new(Qualifier::AtLeast, Count::new(6800)));
/// assert_eq!(danvan::notation::parse_reported("hơn 6.800")?, participants);
/// assert_eq!(participants.bounds(), (6800, None));
/// assert_eq!(serde_json::to_string(&participants).unwrap(), r#"{"at_least":6800}"#);
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Reported {
    word: Word,
    value: Count,
    /// The lower end of a range; zero for every other word.
    from: Count,
}

impl Reported {
    /// An exact reported number.
    ///
    /// ```
    /// use danvan::{Count, Reported};
    ///
    /// assert!(Reported::exact(Count::new(291)).is_exact());
    /// ```
    #[must_use]
    pub const fn exact(value: Count) -> Reported {
        Reported {
            word: Word::Exact,
            value,
            from: Count::ZERO,
        }
    }

    /// A reported number with the given qualifier and its default word
    /// ([`Word::default_for`]: at least is "hơn", at most "không quá").
    ///
    /// ```
    /// use danvan::{Count, Qualifier, Reported};
    ///
    /// let r = Reported::new(Qualifier::AtMost, Count::new(22000));
    /// assert_eq!(r.bounds(), (0, Some(22000)));
    /// ```
    #[must_use]
    pub const fn new(qualifier: Qualifier, value: Count) -> Reported {
        Reported {
            word: Word::default_for(qualifier),
            value,
            from: Count::ZERO,
        }
    }

    /// A number after a word of the table, e.g. "gần 300".
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::NotAValue`] for [`Word::Range`], which needs two
    /// numbers: use [`Reported::range`].
    ///
    /// ```
    /// use danvan::{Count, Reported, Word};
    ///
    /// let r = Reported::worded(Word::Nearly, Count::new(300))?;
    /// assert_eq!(r.word(), Word::Nearly);
    /// assert_eq!((r.interval().low(), r.interval().high()), (0, Some(300)));
    /// assert!(Reported::worded(Word::Range, Count::new(3)).is_err());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn worded(word: Word, value: Count) -> Result<Reported, Error> {
        if word == Word::Range {
            return Err(ErrorKind::NotAValue {
                input: format!("range {value} without its lower end"),
            }
            .into());
        }
        Ok(Reported {
            word,
            value,
            from: Count::ZERO,
        })
    }

    /// A range "từ A đến B": the true value is from `from` to `to`, both included.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::RangeReversed`] when `from` is above `to`.
    ///
    /// ```
    /// use danvan::{Count, Reported};
    ///
    /// let r = Reported::range(Count::new(120), Count::new(150))?;
    /// assert_eq!(r.bounds(), (120, Some(150)));
    /// assert_eq!(r.range_from(), Some(Count::new(120)));
    /// assert_eq!(Reported::range(Count::new(9), Count::new(5)).unwrap_err().code(), "DV132");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn range(from: Count, to: Count) -> Result<Reported, Error> {
        if from > to {
            return Err(ErrorKind::RangeReversed {
                input: format!("{from}..{to}"),
                from: from.to_string(),
                to: to.to_string(),
            }
            .into());
        }
        Ok(Reported {
            word: Word::Range,
            value: to,
            from,
        })
    }

    /// The report's word.
    ///
    /// ```
    /// use danvan::{Count, Qualifier, Reported, Word};
    ///
    /// assert_eq!(Reported::new(Qualifier::About, Count::new(5)).word(), Word::About);
    /// ```
    #[must_use]
    pub const fn word(self) -> Word {
        self.word
    }

    /// The lower end of a range "từ A đến B"; `None` for every other word.
    ///
    /// ```
    /// use danvan::{Count, Reported};
    ///
    /// assert_eq!(Reported::exact(Count::new(5)).range_from(), None);
    /// ```
    #[must_use]
    pub const fn range_from(self) -> Option<Count> {
        match self.word {
            Word::Range => Some(self.from),
            _ => None,
        }
    }

    /// The interval of true values the report claims, by issue 14's table
    /// (see [`Word`]): near for "gần"/"ngót", an estimate for the
    /// "khoảng" family.
    ///
    /// ```
    /// use danvan::{notation, Tone};
    ///
    /// let near = notation::parse_reported("ngót 300")?.interval();
    /// assert_eq!((near.low(), near.high(), near.tone()), (0, Some(300), Tone::Near));
    /// let e = notation::parse_reported("xấp xỉ 500")?.interval();
    /// assert_eq!((e.low(), e.high(), e.estimate()), (0, None, Some(500)));
    /// let r = notation::parse_reported("từ 120 đến 150")?.interval();
    /// assert_eq!((r.low(), r.high()), (120, Some(150)));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn interval(self) -> crate::Interval<u64> {
        self.word.interval(self.from.0, self.value.0)
    }

    /// The coarse qualifier (of the v1 wire), derived from the word; a range's is at most.
    ///
    /// ```
    /// use danvan::{Count, Qualifier, Reported};
    ///
    /// assert_eq!(Reported::exact(Count::new(1)).qualifier(), Qualifier::Exact);
    /// ```
    #[must_use]
    pub const fn qualifier(self) -> Qualifier {
        self.word.qualifier()
    }

    /// The number as written (for a range, its upper end).
    ///
    /// ```
    /// use danvan::{Count, Qualifier, Reported};
    ///
    /// assert_eq!(Reported::new(Qualifier::About, Count::new(500)).value(), Count::new(500));
    /// ```
    #[must_use]
    pub const fn value(self) -> Count {
        self.value
    }

    /// Whether the number is exact.
    ///
    /// ```
    /// use danvan::{Count, Qualifier, Reported};
    ///
    /// assert!(!Reported::new(Qualifier::AtLeast, Count::new(500)).is_exact());
    /// ```
    #[must_use]
    pub const fn is_exact(self) -> bool {
        matches!(self.word, Word::Exact)
    }

    /// The inclusive bounds of the true value; `None` as upper bound means unbounded.
    ///
    /// ```
    /// use danvan::{Count, Qualifier, Reported};
    ///
    /// assert_eq!(Reported::exact(Count::new(235)).bounds(), (235, Some(235)));
    /// assert_eq!(Reported::new(Qualifier::About, Count::new(500)).bounds(), (0, None));
    /// ```
    #[must_use]
    pub const fn bounds(self) -> (u64, Option<u64>) {
        let v = self.value.0;
        if let Word::Range = self.word {
            return (self.from.0, Some(v));
        }
        match self.word.qualifier() {
            Qualifier::Exact => (v, Some(v)),
            Qualifier::AtLeast => (v, None),
            Qualifier::AtMost => (0, Some(v)),
            Qualifier::About => (0, None),
        }
    }

    /// Whether an exact value lies within the bounds.
    ///
    /// ```
    /// use danvan::{Count, Qualifier, Reported};
    ///
    /// let r = Reported::new(Qualifier::AtLeast, Count::new(6800));
    /// assert!(r.admits(Count::new(6853)));
    /// assert!(!r.admits(Count::new(6000)));
    /// ```
    #[must_use]
    pub fn admits(self, x: Count) -> bool {
        let (lo, hi) = self.bounds();
        x.0 >= lo && hi.map_or(true, |hi| x.0 <= hi)
    }

    /// Whether the exact sum of the parts is a possible true value of this total.
    ///
    /// "more than 4.400" is consistent with exact parts 2.059 + 2.360.
    ///
    /// ```
    /// use danvan::{Count, Qualifier, Reported};
    ///
    /// let total = Reported::new(Qualifier::AtLeast, Count::new(4400));
    /// let parts = Count::checked_sum([Count::new(2059), Count::new(2360)])?;
    /// assert!(total.is_consistent_with_parts(parts));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn is_consistent_with_parts(self, parts_sum: Count) -> bool {
        self.admits(parts_sum)
    }

    /// Whether the two intervals share at least one value, i.e. both reports can be true.
    ///
    /// ```
    /// use danvan::{Count, Qualifier, Reported};
    ///
    /// let total = Reported::new(Qualifier::AtLeast, Count::new(4400));
    /// let parts = Reported::new(Qualifier::AtMost, Count::new(4000));
    /// assert!(!total.overlaps(parts));
    /// ```
    #[must_use]
    pub fn overlaps(self, other: Reported) -> bool {
        let (alo, ahi) = self.bounds();
        let (blo, bhi) = other.bounds();
        ahi.map_or(true, |ahi| blo <= ahi) && bhi.map_or(true, |bhi| alo <= bhi)
    }

    /// Whether the true value is at least `target`: true, false or unknown.
    ///
    /// ```
    /// use danvan::{Count, Qualifier, Reported, Truth};
    ///
    /// let r = Reported::new(Qualifier::AtMost, Count::new(22000));
    /// assert_eq!(r.reaches(Count::new(30000)), Truth::False);
    /// assert_eq!(r.reaches(Count::new(20000)), Truth::Unknown);
    /// ```
    #[must_use]
    pub fn reaches(self, target: Count) -> Truth {
        let (lo, hi) = self.bounds();
        if lo >= target.0 {
            Truth::True
        } else if hi.is_some_and(|hi| hi < target.0) {
            Truth::False
        } else {
            Truth::Unknown
        }
    }

    /// Whether the true value is at most `limit`: true, false or unknown.
    ///
    /// ```
    /// use danvan::{Count, Qualifier, Reported, Truth};
    ///
    /// let r = Reported::new(Qualifier::AtLeast, Count::new(6800));
    /// assert_eq!(r.stays_within(Count::new(6000)), Truth::False);
    /// assert_eq!(r.stays_within(Count::new(7000)), Truth::Unknown);
    /// ```
    #[must_use]
    pub fn stays_within(self, limit: Count) -> Truth {
        let (lo, hi) = self.bounds();
        if hi.is_some_and(|hi| hi <= limit.0) {
            Truth::True
        } else if lo > limit.0 {
            Truth::False
        } else {
            Truth::Unknown
        }
    }

    /// The tightest reported number that claims no more than the interval:
    /// exact `[v, v]` is `v`; `[0, b]` is "gần b" when near, else "không quá
    /// b"; `[a, b]` is "từ a đến b"; `[a, ∞)` is "ít nhất a"; `[0, ∞)` is
    /// "khoảng p" with an estimate p, else "ít nhất 0". Every true value the
    /// interval admits, the result admits. (A range keeps both bounds but not
    /// the near tone: word a computed value with `notation::interval`.)
    ///
    /// ```
    /// use danvan::{Count, Interval, Reported, Word};
    ///
    /// let sum = Interval::exact(120_u64).checked_add(Interval::near(300))?;
    /// assert_eq!(Reported::covering(sum), Reported::range(Count::new(120), Count::new(420))?);
    /// let open = Reported::covering(Interval::at_least(6800));
    /// assert_eq!((open.word(), open.value()), (Word::AtLeast, Count::new(6800)));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn covering(i: crate::Interval<u64>) -> Reported {
        let c = Count::new;
        let word = |w: Word, v: u64| Reported {
            word: w,
            value: c(v),
            from: Count::ZERO,
        };
        match (i.exact_value(), i.low(), i.high()) {
            (Some(v), _, _) => Reported::exact(c(v)),
            (None, 0, Some(h)) if i.tone() == crate::Tone::Near => word(Word::Nearly, h),
            (None, 0, Some(h)) => word(Word::NotMoreThan, h),
            (None, a, Some(h)) => Reported {
                word: Word::Range,
                value: c(h),
                from: c(a),
            },
            (None, 0, None) => match i.estimate() {
                Some(p) => word(Word::About, p),
                None => word(Word::AtLeast, 0),
            },
            (None, a, None) => word(Word::AtLeast, a),
        }
    }

    /// Adds two reported numbers by the interval rule ([`Interval::checked_add`](crate::Interval::checked_add)
    /// of their [`interval`](Reported::interval)s), given back as the
    /// tightest reported number [`covering`](Reported::covering) the sum:
    /// "hơn 6.800" plus "không quá 22.000" is "ít nhất 6.800", never "khoảng
    /// 28.800".
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::Overflow`] when the sum of the lower bounds
    /// exceeds `u64::MAX` (an upper bound past it becomes unbounded).
    ///
    /// ```
    /// use danvan::{Count, Qualifier, Reported, Word};
    ///
    /// let a = Reported::new(Qualifier::AtLeast, Count::new(6800));
    /// let b = Reported::new(Qualifier::AtMost, Count::new(22000));
    /// let sum = a.checked_add(b)?;
    /// assert_eq!((sum.word(), sum.value()), (Word::AtLeast, Count::new(6800)));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn checked_add(self, other: Reported) -> Result<Reported, Error> {
        Ok(Reported::covering(
            self.interval().checked_add(other.interval())?,
        ))
    }

    /// The sum of many reported numbers; the sum of none is exact zero.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::Overflow`] when the sum of the values exceeds `u64::MAX`.
    ///
    /// ```
    /// use danvan::{Count, Qualifier, Reported};
    ///
    /// let parts = [Reported::exact(Count::new(2059)), Reported::exact(Count::new(2360))];
    /// assert_eq!(Reported::checked_sum(parts)?, Reported::exact(Count::new(4419)));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn checked_sum<I: IntoIterator<Item = Reported>>(items: I) -> Result<Reported, Error> {
        items
            .into_iter()
            .try_fold(Reported::exact(Count::ZERO), |acc, r| acc.checked_add(r))
    }
}

impl From<Count> for Reported {
    fn from(c: Count) -> Reported {
        Reported::exact(c)
    }
}

impl FromStr for Reported {
    type Err = Error;

    fn from_str(s: &str) -> Result<Reported, Error> {
        let invalid = || -> Error {
            ErrorKind::InvalidNumber {
                input: s.into(),
                expected: PLAIN_REPORTED_EXPECTED,
            }
            .into()
        };
        let digits = |d: &str| plain_digits(d).map(Count).ok_or_else(invalid);
        let Some((head, rest)) = s.split_once(' ') else {
            return digits(s).map(Reported::exact);
        };
        // The v1 qualifier names take their default word; a word id its word.
        let word = match head {
            "at_least" => Word::MoreThan,
            "at_most" => Word::NotMoreThan,
            "about" => Word::About,
            "exact" => return Err(invalid()),
            id => match id.parse::<Word>() {
                Ok(w) => w,
                Err(_) if id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') => {
                    return Err(ErrorKind::UnknownQualifierWord {
                        word: id.into(),
                        input: s.into(),
                    }
                    .into())
                }
                Err(_) => return Err(invalid()),
            },
        };
        if word == Word::Range {
            let (a, b) = rest.split_once(' ').ok_or_else(invalid)?;
            return Reported::range(digits(a)?, digits(b)?);
        }
        Reported::worded(word, digits(rest)?)
    }
}

impl serde::Serialize for Reported {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if let Some(from) = self.range_from() {
            let e: Error = ErrorKind::NoV1Form {
                what: format!("the range {from} to {}", self.value),
            }
            .into();
            return Err(serde::ser::Error::custom(e));
        }
        match self.qualifier() {
            Qualifier::Exact => serializer.serialize_u64(self.value.0),
            q => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry(q.as_str(), &self.value.0)?;
                map.end()
            }
        }
    }
}

const REPORTED_KEYS: &[&str] = &["at_least", "at_most", "about"];

struct ReportedVisitor;

impl<'de> Visitor<'de> for ReportedVisitor {
    type Value = Reported;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(crate::wire::REPORTED_EXPECTED)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Reported, E> {
        Ok(Reported::exact(Count(v)))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Reported, E> {
        u64::try_from(v)
            .map(|v| Reported::exact(Count(v)))
            .map_err(|_| E::invalid_value(de::Unexpected::Signed(v), &self))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Reported, A::Error> {
        let key: String = map.next_key()?.ok_or_else(|| {
            de::Error::invalid_length(0, &"an object with one key at_least, at_most or about")
        })?;
        let qualifier = match key.as_str() {
            "at_least" => Qualifier::AtLeast,
            "at_most" => Qualifier::AtMost,
            "about" => Qualifier::About,
            other => return Err(de::Error::unknown_field(other, REPORTED_KEYS)),
        };
        let value: u64 = map.next_value()?;
        if map.next_key::<de::IgnoredAny>()?.is_some() {
            return Err(de::Error::custom(
                "a qualified number has exactly one key: at_least, at_most or about",
            ));
        }
        Ok(Reported::new(qualifier, Count(value)))
    }
}

impl<'de> serde::Deserialize<'de> for Reported {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Reported, D::Error> {
        deserializer.deserialize_any(ReportedVisitor)
    }
}

// ---------------------------------------------------------------------------
// The v2 wire form of worded values
// ---------------------------------------------------------------------------

/// The v2 wire form of worded values: the report's [`Word`] travels with the number.
///
/// Designed for app developers: the word is an ASCII id ([`Word::as_str`],
/// no Unicode normalization to get wrong), named in English after what the
/// Vietnamese word says; the Vietnamese text is `danvan::notation`'s.
///
/// | value | v2 form |
/// |---|---|
/// | exact 6800 | `6800` (a plain integer; `{"word": "exact", "value": 6800}` is read too) |
/// | "gần 300" | `{"word": "nearly", "value": 300}` |
/// | "từ 120 đến 150" | `{"word": "range", "from": 120, "to": 150}` (`from` ≤ `to`, else DV132) |
/// | measure "ngót 8,9 km" | `{"word": "just_under", "amount": "8.9", "unit": "km"}` |
/// | measure "từ 5 đến 8 km" | `{"word": "range", "from": "5", "to": "8", "unit": "km"}` |
///
/// An exact measure is `{"amount": "8.9", "unit": "km"}` (no `word`). Unknown
/// keys and unknown word ids are refused. The v1 forms (`{"at_least": 6800}`,
/// `"qualifier"`) are not v2: a v1 value keeps its v1 form and its default word.
/// Use the modules with `#[serde(with = ...)]`:
///
/// ```
/// use danvan::{notation, worded_v2, Measure, Reported};
///
/// #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
/// struct Cell {
///     #[serde(with = "worded_v2::reported")]
///     value: Reported,
///     #[serde(with = "worded_v2::measure")]
///     money: Measure,
/// }
///
/// let cell = Cell {
///     value: notation::parse_reported("gần 300")?,
///     money: notation::parse_measure("từ 2 đến 3 tỷ đồng")?,
/// };
/// let json = serde_json::to_string(&cell).unwrap();
/// assert_eq!(json, r#"{"value":{"word":"nearly","value":300},"money":{"word":"range","from":"2000000000","to":"3000000000","unit":"đồng"}}"#);
/// assert_eq!(serde_json::from_str::<Cell>(&json).unwrap(), cell);
/// # Ok::<(), danvan::Error>(())
/// ```
pub mod worded_v2 {
    use super::{Count, Decimal, Measure, Reported, UnitWord, Word};
    use crate::Error;

    #[derive(Clone, Copy, serde::Serialize, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct ReportedObject {
        word: Word,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        value: Option<u64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<u64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to: Option<u64>,
    }

    #[derive(serde::Serialize, serde::Deserialize)]
    #[serde(untagged)]
    enum ReportedWire {
        Plain(u64),
        Object(ReportedObject),
    }

    fn shape(word: Word) -> Error {
        let why = if word == Word::Range {
            "a range has \"from\" and \"to\" and no \"value\""
        } else {
            "a worded number has \"value\" and no \"from\" or \"to\""
        };
        crate::ErrorKind::NotAValue {
            input: format!("{{\"word\": \"{word}\", …}}: {why}"),
        }
        .into()
    }

    fn reported_from(o: ReportedObject) -> Result<Reported, Error> {
        match (o.word, o.value, o.from, o.to) {
            (Word::Range, None, Some(a), Some(b)) => Reported::range(Count(a), Count(b)),
            (w, Some(v), None, None) if w != Word::Range => Reported::worded(w, Count(v)),
            (w, ..) => Err(shape(w)),
        }
    }

    /// The v2 form of a [`Reported`], for `#[serde(with = "danvan::worded_v2::reported")]`.
    ///
    /// ```
    /// use danvan::{notation, worded_v2, Reported};
    ///
    /// #[derive(serde::Serialize, serde::Deserialize)]
    /// struct V(#[serde(with = "worded_v2::reported")] Reported);
    ///
    /// let v: V = serde_json::from_str(r#"{"word": "or_more", "value": 50}"#).unwrap();
    /// assert_eq!(notation::reported(v.0), "từ 50 trở lên");
    /// assert_eq!(serde_json::to_string(&V(Reported::exact(danvan::Count::new(7)))).unwrap(), "7");
    /// ```
    pub mod reported {
        use super::{reported_from, ReportedObject, ReportedWire};
        use crate::{Reported, Word};

        /// Writes the v2 form.
        ///
        /// # Errors
        ///
        /// None of its own; the serializer's.
        ///
        /// ```
        /// let mut out = Vec::new();
        /// let r = danvan::notation::parse_reported("trên 1.900")?;
        /// danvan::worded_v2::reported::serialize(&r, &mut serde_json::Serializer::new(&mut out)).unwrap();
        /// assert_eq!(out, br#"{"word":"above","value":1900}"#);
        /// # Ok::<(), danvan::Error>(())
        /// ```
        pub fn serialize<S: serde::Serializer>(r: &Reported, s: S) -> Result<S::Ok, S::Error> {
            let wire = match (r.word(), r.range_from()) {
                (Word::Exact, _) => ReportedWire::Plain(r.value().get()),
                (_, Some(from)) => ReportedWire::Object(ReportedObject {
                    word: Word::Range,
                    value: None,
                    from: Some(from.get()),
                    to: Some(r.value().get()),
                }),
                (word, None) => ReportedWire::Object(ReportedObject {
                    word,
                    value: Some(r.value().get()),
                    from: None,
                    to: None,
                }),
            };
            serde::Serialize::serialize(&wire, s)
        }

        /// Reads the v2 form.
        ///
        /// # Errors
        ///
        /// A malformed value: unknown keys or word, a range with `from` above
        /// `to` (DV132), `value` with a range or `from`/`to` without one.
        ///
        /// ```
        /// let mut de = serde_json::Deserializer::from_str(r#"{"word":"range","from":9,"to":5}"#);
        /// assert!(danvan::worded_v2::reported::deserialize(&mut de).is_err());
        /// ```
        pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Reported, D::Error> {
            match <ReportedWire as serde::Deserialize>::deserialize(d)? {
                ReportedWire::Plain(v) => Ok(Reported::exact(crate::Count::new(v))),
                ReportedWire::Object(o) => reported_from(o).map_err(serde::de::Error::custom),
            }
        }
    }

    #[derive(serde::Serialize, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct MeasureWire {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        word: Option<Word>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        amount: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to: Option<String>,
        unit: UnitWord,
    }

    fn measure_from(w: MeasureWire) -> Result<Measure, Error> {
        let dec = |t: &str| -> Result<Decimal, Error> { super::parse_wire_decimal(t) };
        let word = w.word.unwrap_or(Word::Exact);
        match (word, w.amount, w.from, w.to) {
            (Word::Range, None, Some(a), Some(b)) => Measure::range(dec(&a)?, dec(&b)?, w.unit),
            (w2, Some(a), None, None) if w2 != Word::Range => Measure::worded(w2, dec(&a)?, w.unit),
            (w2, ..) => Err(shape(w2)),
        }
    }

    /// The v2 form of a [`Measure`], for `#[serde(with = "danvan::worded_v2::measure")]`.
    ///
    /// ```
    /// use danvan::{notation, worded_v2, Measure};
    ///
    /// #[derive(serde::Serialize, serde::Deserialize)]
    /// struct V(#[serde(with = "worded_v2::measure")] Measure);
    ///
    /// let v: V = serde_json::from_str(r#"{"word": "nearly", "amount": "8.9", "unit": "km"}"#).unwrap();
    /// assert_eq!(notation::measure(&v.0), "gần 8,9 km");
    /// ```
    pub mod measure {
        use super::{measure_from, MeasureWire};
        use crate::{Measure, Word};

        /// Writes the v2 form.
        ///
        /// # Errors
        ///
        /// None of its own; the serializer's.
        ///
        /// ```
        /// let mut out = Vec::new();
        /// let m = danvan::notation::parse_measure("8,9 km")?;
        /// danvan::worded_v2::measure::serialize(&m, &mut serde_json::Serializer::new(&mut out)).unwrap();
        /// assert_eq!(out, br#"{"amount":"8.9","unit":"km"}"#);
        /// # Ok::<(), danvan::Error>(())
        /// ```
        pub fn serialize<S: serde::Serializer>(m: &Measure, s: S) -> Result<S::Ok, S::Error> {
            let amount = m.amount().to_string();
            let wire = match (m.word(), m.range_from()) {
                (_, Some(from)) => MeasureWire {
                    word: Some(Word::Range),
                    amount: None,
                    from: Some(from.to_string()),
                    to: Some(amount),
                    unit: m.unit().clone(),
                },
                (word, None) => MeasureWire {
                    word: (word != Word::Exact).then_some(word),
                    amount: Some(amount),
                    from: None,
                    to: None,
                    unit: m.unit().clone(),
                },
            };
            serde::Serialize::serialize(&wire, s)
        }

        /// Reads the v2 form.
        ///
        /// # Errors
        ///
        /// A malformed value: unknown keys or word, a bad decimal, a reversed range.
        ///
        /// ```
        /// let mut de = serde_json::Deserializer::from_str(r#"{"word":"range","amount":"5","unit":"km"}"#);
        /// assert!(danvan::worded_v2::measure::deserialize(&mut de).is_err());
        /// ```
        pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Measure, D::Error> {
            let w = <MeasureWire as serde::Deserialize>::deserialize(d)?;
            measure_from(w).map_err(serde::de::Error::custom)
        }
    }
}

// ---------------------------------------------------------------------------
// Exact rounding of quotients
// ---------------------------------------------------------------------------

/// `num / den` rounded to `decimals` places, half away from zero, computed
/// exactly with integers. When `decimals` asks for more digits than a
/// `Decimal` can hold, as many places as fit are kept. `None` when `den` is 0.
fn rounded_quotient(num: u128, den: u64, decimals: u32) -> Option<Decimal> {
    if den == 0 {
        return None;
    }
    let den = u128::from(den);
    let mut places = decimals.min(28);
    loop {
        if let Some(d) = rounded_quotient_at(num, den, places) {
            return Some(d);
        }
        // places == 0 always fits: num / den < 2^96 for every caller.
        places = places.checked_sub(1)?;
    }
}

fn rounded_quotient_at(num: u128, den: u128, places: u32) -> Option<Decimal> {
    let mut mantissa = num / den;
    let mut rem = num % den;
    for _ in 0..places {
        // rem < den <= u64::MAX, so rem * 10 fits in u128.
        rem *= 10;
        mantissa = mantissa.checked_mul(10)?.checked_add(rem / den)?;
        rem %= den;
    }
    // Half away from zero: round up when the remainder is at least half of den.
    if rem * 2 >= den {
        mantissa = mantissa.checked_add(1)?;
    }
    let mantissa = i128::try_from(mantissa).ok()?;
    Decimal::try_from_i128_with_scale(mantissa, places).ok()
}

// ---------------------------------------------------------------------------
// Share
// ---------------------------------------------------------------------------

/// A part of a whole, e.g. 1.250 of 1.400 households consenting.
///
/// The parts are stored; the ratio and the percentage are derived on demand.
/// Roll-ups add parts and wholes, never percentages. Equality compares the
/// stored parts (1/2 and 2/4 are different shares). On the wire:
/// `{"part": 1250, "whole": 1400}`, checked by [`Share::new`].
///
/// ```
/// use danvan::{Count, Share};
///
/// let s = Share::new(Count::new(1), Count::new(8))?;
/// assert_eq!(s.percent(1), Some(rust_decimal::Decimal::new(125, 1)));
/// assert_eq!(serde_json::to_string(&s).unwrap(), r#"{"part":1,"whole":8}"#);
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "ShareRaw", into = "ShareRaw")]
pub struct Share {
    part: Count,
    whole: Count,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
struct ShareRaw {
    part: Count,
    whole: Count,
}

crate::wire::objects_only!(ShareRaw);

impl TryFrom<ShareRaw> for Share {
    type Error = Error;

    fn try_from(raw: ShareRaw) -> Result<Share, Error> {
        Share::new(raw.part, raw.whole)
    }
}

impl From<Share> for ShareRaw {
    fn from(s: Share) -> ShareRaw {
        ShareRaw {
            part: s.part,
            whole: s.whole,
        }
    }
}

impl Share {
    /// Creates a share. A zero whole with a zero part is allowed (nothing to share).
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::PartExceedsWhole`] when `part` is larger than `whole`.
    ///
    /// ```
    /// use danvan::{Count, Share};
    ///
    /// assert!(Share::new(Count::new(1250), Count::new(1400)).is_ok());
    /// assert!(Share::new(Count::ZERO, Count::ZERO).is_ok());
    /// let err = Share::new(Count::new(1500), Count::new(1400)).unwrap_err();
    /// assert_eq!(err.to_string(), "part 1500 exceeds whole 1400");
    /// ```
    pub fn new(part: Count, whole: Count) -> Result<Share, Error> {
        if part > whole {
            return Err(ErrorKind::PartExceedsWhole {
                part: part.0,
                whole: whole.0,
            }
            .into());
        }
        Ok(Share { part, whole })
    }

    /// The part.
    ///
    /// ```
    /// use danvan::{Count, Share};
    ///
    /// assert_eq!(Share::new(Count::new(2), Count::new(3))?.part(), Count::new(2));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub const fn part(self) -> Count {
        self.part
    }

    /// The whole.
    ///
    /// ```
    /// use danvan::{Count, Share};
    ///
    /// assert_eq!(Share::new(Count::new(2), Count::new(3))?.whole(), Count::new(3));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub const fn whole(self) -> Count {
        self.whole
    }

    /// The exact part / whole in [0, 1] (to 28 decimal places at most, half
    /// away from zero); `None` exactly when the whole is zero.
    ///
    /// ```
    /// use danvan::{Count, Share};
    ///
    /// let s = Share::new(Count::new(1), Count::new(8))?;
    /// assert_eq!(s.ratio(), Some(rust_decimal::Decimal::new(125, 3)));
    /// assert_eq!(Share::new(Count::ZERO, Count::ZERO)?.ratio(), None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn ratio(self) -> Option<Decimal> {
        rounded_quotient(u128::from(self.part.0), self.whole.0, 28).map(|d| d.normalize())
    }

    /// The percentage rounded to `decimals` places; `None` exactly when the whole is zero.
    ///
    /// Rounding is half away from zero, as in statistical reports (the rule
    /// of `rust_decimal::RoundingStrategy::MidpointAwayFromZero`), applied once
    /// to the exact quotient: 2/3 → 66.7, 1/16 → 6.3 (from 6.25). The result
    /// has `decimals` places, or as many as a `Decimal` holds (28 significant
    /// digits) when fewer.
    ///
    /// ```
    /// use danvan::{Count, Share};
    ///
    /// let s = Share::new(Count::new(2), Count::new(3))?;
    /// assert_eq!(s.percent(1), Some(rust_decimal::Decimal::new(667, 1)));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn percent(self, decimals: u32) -> Option<Decimal> {
        rounded_quotient(u128::from(self.part.0) * 100, self.whole.0, decimals)
    }

    /// Adds parts and wholes; never averages percentages.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::Overflow`] when a sum exceeds `u64::MAX`.
    ///
    /// ```
    /// use danvan::{Count, Share};
    ///
    /// let a = Share::new(Count::new(1), Count::new(2))?;
    /// let b = Share::new(Count::new(0), Count::new(2))?;
    /// assert_eq!(a.checked_add(b)?, Share::new(Count::new(1), Count::new(4))?);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn checked_add(self, other: Share) -> Result<Share, Error> {
        Share::new(
            self.part.checked_add(other.part)?,
            self.whole.checked_add(other.whole)?,
        )
    }
}

// ---------------------------------------------------------------------------
// Ratio
// ---------------------------------------------------------------------------

/// A quotient of two counts that may exceed 1, e.g. participants per conference.
///
/// Stored as its two counts; the value is derived on demand. On the wire:
/// `{"numerator": 13360, "denominator": 291}`.
///
/// ```
/// use danvan::{Count, Ratio};
///
/// let per_conference = Ratio::new(Count::new(13360), Count::new(291));
/// assert_eq!(per_conference.value(1), Some(rust_decimal::Decimal::new(459, 1)));
/// # Ok::<(), danvan::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ratio {
    numerator: Count,
    denominator: Count,
}

impl Ratio {
    /// Creates a ratio; any two counts make one.
    ///
    /// ```
    /// use danvan::{Count, Ratio};
    ///
    /// let r = Ratio::new(Count::new(545), Count::new(179));
    /// assert_eq!(r.numerator(), Count::new(545));
    /// ```
    #[must_use]
    pub const fn new(numerator: Count, denominator: Count) -> Ratio {
        Ratio {
            numerator,
            denominator,
        }
    }

    /// The numerator.
    ///
    /// ```
    /// use danvan::{Count, Ratio};
    ///
    /// assert_eq!(Ratio::new(Count::new(3), Count::new(2)).numerator(), Count::new(3));
    /// ```
    #[must_use]
    pub const fn numerator(self) -> Count {
        self.numerator
    }

    /// The denominator.
    ///
    /// ```
    /// use danvan::{Count, Ratio};
    ///
    /// assert_eq!(Ratio::new(Count::new(3), Count::new(2)).denominator(), Count::new(2));
    /// ```
    #[must_use]
    pub const fn denominator(self) -> Count {
        self.denominator
    }

    /// The quotient rounded to `decimals` places, half away from zero (as
    /// [`Share::percent`]); `None` exactly when the denominator is zero.
    ///
    /// When `decimals` asks for more digits than a `Decimal` holds (28
    /// significant digits), as many places as fit are kept.
    ///
    /// ```
    /// use danvan::{Count, Ratio};
    ///
    /// assert_eq!(Ratio::new(Count::new(3), Count::new(2)).value(0), Some(2.into()));
    /// assert_eq!(Ratio::new(Count::new(3), Count::ZERO).value(0), None);
    /// ```
    #[must_use]
    pub fn value(self, decimals: u32) -> Option<Decimal> {
        rounded_quotient(u128::from(self.numerator.0), self.denominator.0, decimals)
    }

    /// Adds numerators and denominators.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::Overflow`] when a sum exceeds `u64::MAX`.
    ///
    /// ```
    /// use danvan::{Count, Ratio};
    ///
    /// let a = Ratio::new(Count::new(100), Count::new(2));
    /// let b = Ratio::new(Count::new(20), Count::new(2));
    /// assert_eq!(a.checked_add(b)?, Ratio::new(Count::new(120), Count::new(4)));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn checked_add(self, other: Ratio) -> Result<Ratio, Error> {
        Ok(Ratio {
            numerator: self.numerator.checked_add(other.numerator)?,
            denominator: self.denominator.checked_add(other.denominator)?,
        })
    }
}

// ---------------------------------------------------------------------------
// UnitWord, Measure
// ---------------------------------------------------------------------------

/// The largest number of characters in a [`UnitWord`].
const UNIT_WORD_MAX_CHARS: usize = 32;

const UNIT_WORD_EXPECTED: &str = "1 to 32 characters without control characters, e.g. \"km\"";

/// The unit word of a measure, e.g. `km` or `m²`.
///
/// The constructor trims surrounding whitespace and normalizes to Unicode NFC
/// (so a word typed with combining marks equals the precomposed one); the
/// result must be 1 to 32 characters with no control characters.
///
/// ```
/// use danvan::UnitWord;
///
/// let km: UnitWord = " km ".parse()?;
/// assert_eq!(km.as_str(), "km");
/// assert!("".parse::<UnitWord>().is_err());
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "String", into = "String")]
pub struct UnitWord(String);

impl UnitWord {
    /// The word as text.
    ///
    /// ```
    /// let w: danvan::UnitWord = "m²".parse()?;
    /// assert_eq!(w.as_str(), "m²");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for UnitWord {
    type Err = Error;

    fn from_str(s: &str) -> Result<UnitWord, Error> {
        // The length in bytes first: a huge input is refused unnormalized.
        if !crate::limits::nfc_may_fit(s.trim(), UNIT_WORD_MAX_CHARS) {
            return Err(ErrorKind::InvalidUnitWord {
                input: s.into(),
                expected: UNIT_WORD_EXPECTED,
            }
            .into());
        }
        let word: String = s.trim().nfc().collect();
        let chars = word.chars().count();
        if chars == 0 || chars > UNIT_WORD_MAX_CHARS || word.chars().any(char::is_control) {
            return Err(ErrorKind::InvalidUnitWord {
                input: s.into(),
                expected: UNIT_WORD_EXPECTED,
            }
            .into());
        }
        Ok(UnitWord(word))
    }
}

impl TryFrom<String> for UnitWord {
    type Error = Error;

    fn try_from(s: String) -> Result<UnitWord, Error> {
        s.parse()
    }
}

impl From<UnitWord> for String {
    fn from(w: UnitWord) -> String {
        w.0
    }
}

impl fmt::Display for UnitWord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A non-negative decimal amount with a qualifier and a unit word, for figures
/// that are not counts (money, area, length, workdays).
///
/// On the wire: `{"amount": "6300000000", "unit": "km"}` plus an optional
/// `"qualifier"` (`"at_least"`, `"at_most"`, `"about"`; absent means exact).
/// The amount is a decimal string with digits and an optional `.` decimal
/// point (`"8.9"`); no sign, exponent or separators.
///
/// ```
/// use danvan::{Measure, Qualifier};
///
/// let m = Measure::new(Qualifier::AtLeast, 6_300_000_000u64.into(), "km".parse()?)?;
/// let json = serde_json::to_string(&m).unwrap();
/// assert_eq!(json, r#"{"amount":"6300000000","unit":"km","qualifier":"at_least"}"#);
/// assert_eq!(serde_json::from_str::<Measure>(&json).unwrap(), m);
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(try_from = "MeasureRaw")]
pub struct Measure {
    word: Word,
    amount: Decimal,
    /// The lower end of a range; zero for every other word.
    from: Decimal,
    unit: UnitWord,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
struct MeasureRaw {
    amount: String,
    unit: UnitWord,
    #[serde(default, skip_serializing_if = "is_exact")]
    qualifier: Qualifier,
}

crate::wire::objects_only!(MeasureRaw);

impl serde::Serialize for Measure {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if let Some(from) = self.range_from() {
            let e: Error = ErrorKind::NoV1Form {
                what: format!("the range {from} to {} {}", self.amount, self.unit),
            }
            .into();
            return Err(serde::ser::Error::custom(e));
        }
        MeasureRaw::serialize(&MeasureRaw::from(self.clone()), serializer)
    }
}

fn is_exact(q: &Qualifier) -> bool {
    *q == Qualifier::Exact
}

const WIRE_DECIMAL_EXPECTED: &str = "a decimal string such as \"6300000000\" or \"8.9\"";

/// Reads a wire decimal: ASCII digits with an optional `.` between digits.
fn parse_wire_decimal(s: &str) -> Result<Decimal, Error> {
    let invalid = || -> Error {
        ErrorKind::InvalidNumber {
            input: s.into(),
            expected: WIRE_DECIMAL_EXPECTED,
        }
        .into()
    };
    let (int, frac) = match s.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (s, None),
    };
    let all_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(int) || frac.is_some_and(|f| !all_digits(f)) {
        return Err(invalid());
    }
    Decimal::from_str_exact(s).map_err(|_| invalid())
}

impl TryFrom<MeasureRaw> for Measure {
    type Error = Error;

    fn try_from(raw: MeasureRaw) -> Result<Measure, Error> {
        Measure::new(raw.qualifier, parse_wire_decimal(&raw.amount)?, raw.unit)
    }
}

impl From<Measure> for MeasureRaw {
    fn from(m: Measure) -> MeasureRaw {
        MeasureRaw {
            amount: m.amount.to_string(),
            qualifier: m.qualifier(),
            unit: m.unit,
        }
    }
}

impl Measure {
    /// Creates a measure. A negative zero is stored as zero.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::NegativeAmount`] when `amount` is below zero.
    ///
    /// ```
    /// use danvan::{Measure, Qualifier};
    ///
    /// let m = Measure::new(Qualifier::Exact, rust_decimal::Decimal::new(89, 1), "km".parse()?)?;
    /// assert_eq!(m.amount().to_string(), "8.9");
    /// assert!(Measure::new(Qualifier::Exact, rust_decimal::Decimal::NEGATIVE_ONE, "km".parse()?).is_err());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn new(qualifier: Qualifier, amount: Decimal, unit: UnitWord) -> Result<Measure, Error> {
        if amount < Decimal::ZERO {
            return Err(ErrorKind::NegativeAmount {
                amount: amount.to_string(),
            }
            .into());
        }
        Ok(Measure {
            word: Word::default_for(qualifier),
            amount: amount.abs(),
            from: Decimal::ZERO,
            unit,
        })
    }

    /// A measure after a word of the table, e.g. "gần 8,9 km".
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::NegativeAmount`] when `amount` is below zero and
    /// [`ErrorKind::NotAValue`] for [`Word::Range`] (use [`Measure::range`]).
    ///
    /// ```
    /// use danvan::{Measure, Word};
    ///
    /// let m = Measure::worded(Word::JustUnder, 9.into(), "km".parse()?)?;
    /// assert_eq!(m.word(), Word::JustUnder);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn worded(word: Word, amount: Decimal, unit: UnitWord) -> Result<Measure, Error> {
        if word == Word::Range {
            return Err(ErrorKind::NotAValue {
                input: format!("range {amount} {unit} without its lower end"),
            }
            .into());
        }
        let mut m = Measure::new(Qualifier::Exact, amount, unit)?;
        m.word = word;
        Ok(m)
    }

    /// A range "từ A đến B" of amounts.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::NegativeAmount`] when an end is below zero and
    /// [`ErrorKind::RangeReversed`] when `from` is above `to`.
    ///
    /// ```
    /// use danvan::Measure;
    ///
    /// let m = Measure::range(5.into(), 8.into(), "km".parse()?)?;
    /// assert_eq!(m.range_from(), Some(5.into()));
    /// assert!(Measure::range(8.into(), 5.into(), "km".parse()?).is_err());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn range(from: Decimal, to: Decimal, unit: UnitWord) -> Result<Measure, Error> {
        let low = Measure::new(Qualifier::Exact, from, unit.clone())?.amount;
        let mut m = Measure::new(Qualifier::Exact, to, unit)?;
        if low > m.amount {
            return Err(ErrorKind::RangeReversed {
                input: format!("{low}..{} {}", m.amount, m.unit),
                from: low.to_string(),
                to: m.amount.to_string(),
            }
            .into());
        }
        m.word = Word::Range;
        m.from = low;
        Ok(m)
    }

    /// The report's word.
    ///
    /// ```
    /// use danvan::{Measure, Qualifier, Word};
    ///
    /// let m = Measure::new(Qualifier::AtMost, 5.into(), "km".parse()?)?;
    /// assert_eq!(m.word(), Word::NotMoreThan);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn word(&self) -> Word {
        self.word
    }

    /// The lower end of a range; `None` for every other word.
    ///
    /// ```
    /// use danvan::{Measure, Qualifier};
    ///
    /// assert_eq!(Measure::new(Qualifier::Exact, 5.into(), "km".parse()?)?.range_from(), None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn range_from(&self) -> Option<Decimal> {
        match self.word {
            Word::Range => Some(self.from),
            _ => None,
        }
    }

    /// The interval of true amounts the measure claims, by the table of [`Word`].
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::NegativeAmount`] if an amount were negative, which
    /// the constructors never allow; the `Result` only keeps that check honest.
    ///
    /// ```
    /// use danvan::notation;
    ///
    /// let i = notation::parse_measure("gần 8,9 km")?.interval()?;
    /// assert_eq!(i.high().map(|h| h.get().to_string()), Some("8.9".to_owned()));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn interval(&self) -> Result<crate::Interval<crate::Amount>, Error> {
        let from = crate::Amount::new(self.from)?;
        let v = crate::Amount::new(self.amount)?;
        Ok(self.word.interval(from, v))
    }

    /// The qualifier.
    ///
    /// ```
    /// use danvan::{Measure, Qualifier};
    ///
    /// let m = Measure::new(Qualifier::About, 5.into(), "km".parse()?)?;
    /// assert_eq!(m.qualifier(), Qualifier::About);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn qualifier(&self) -> Qualifier {
        self.word.qualifier()
    }

    /// The amount as written (its scale is kept: `8.90` stays `8.90`).
    ///
    /// ```
    /// use danvan::{Measure, Qualifier};
    ///
    /// let m = Measure::new(Qualifier::Exact, 5.into(), "km".parse()?)?;
    /// assert_eq!(m.amount(), 5.into());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn amount(&self) -> Decimal {
        self.amount
    }

    /// The unit word.
    ///
    /// ```
    /// use danvan::{Measure, Qualifier};
    ///
    /// let m = Measure::new(Qualifier::Exact, 5.into(), "km".parse()?)?;
    /// assert_eq!(m.unit().as_str(), "km");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn unit(&self) -> &UnitWord {
        &self.unit
    }

    /// The tightest measure that claims no more than the interval, in the
    /// words of [`Reported::covering`].
    ///
    /// ```
    /// use danvan::{notation, Interval, Measure, Word};
    ///
    /// let i = notation::parse_measure("hơn 6,3 tỷ đồng")?.interval()?;
    /// let m = Measure::covering(i, "đồng".parse()?);
    /// assert_eq!((m.word(), m.amount()), (Word::AtLeast, 6_300_000_000u64.into()));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn covering(i: crate::Interval<crate::Amount>, unit: UnitWord) -> Measure {
        let (word, from, amount) = Measure::covering_parts(i);
        Measure {
            word,
            amount,
            from,
            unit,
        }
    }

    /// The word, lower end and amount of [`Measure::covering`].
    fn covering_parts(i: crate::Interval<crate::Amount>) -> (Word, Decimal, Decimal) {
        let m = |w: Word, v: crate::Amount| (w, Decimal::ZERO, v.get());
        let zero = crate::Amount::default();
        match (i.exact_value(), i.high()) {
            (Some(v), _) => m(Word::Exact, v),
            (None, Some(h)) if i.low() == zero && i.tone() == crate::Tone::Near => {
                m(Word::Nearly, h)
            }
            (None, Some(h)) if i.low() == zero => m(Word::NotMoreThan, h),
            (None, Some(h)) => (Word::Range, i.low().get(), h.get()),
            (None, None) if i.low() == zero => match i.estimate() {
                Some(p) => m(Word::About, p),
                None => m(Word::AtLeast, zero),
            },
            (None, None) => m(Word::AtLeast, i.low()),
        }
    }

    /// Adds two measures with the same unit word by the interval rule
    /// ([`Interval::checked_add`](crate::Interval::checked_add) of their
    /// [`interval`](Measure::interval)s), given back as the measure
    /// [`covering`](Measure::covering) the sum: "hơn 6,3 tỷ" plus "không
    /// quá 2 tỷ" is "ít nhất 6,3 tỷ", never "khoảng 8,3 tỷ".
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::UnitMismatch`] when the unit words differ, and
    /// [`ErrorKind::Overflow`] when the lower bound does not fit a `Decimal`.
    ///
    /// ```
    /// use danvan::{notation, Word};
    ///
    /// let a = notation::parse_measure("8,9 km")?;
    /// let b = notation::parse_measure("hơn 1,1 km")?;
    /// let sum = a.checked_add(&b)?;
    /// assert_eq!((sum.word(), sum.amount()), (Word::AtLeast, "10.0".parse().unwrap()));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn checked_add(&self, other: &Measure) -> Result<Measure, Error> {
        if self.unit != other.unit {
            return Err(ErrorKind::UnitMismatch {
                left: self.unit.0.clone(),
                right: other.unit.0.clone(),
            }
            .into());
        }
        let sum = self.interval()?.checked_add(other.interval()?)?;
        Ok(Measure::covering(sum, self.unit.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn c(n: u64) -> Count {
        Count::new(n)
    }

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn count_overflow_and_underflow() {
        let err = c(u64::MAX).checked_add(c(1)).unwrap_err();
        assert_eq!(err.code(), "DV003");
        assert_eq!(
            err.to_string(),
            "count overflows the largest representable value"
        );
        assert!(Count::checked_sum([c(u64::MAX), c(0), c(1)]).is_err());
        assert_eq!(Count::checked_sum([]).unwrap(), Count::ZERO);
        let err = c(3).checked_sub(c(5)).unwrap_err();
        assert_eq!(err.code(), "DV004");
        assert_eq!(
            err.to_string(),
            "cannot subtract 5 from 3: a count cannot be negative"
        );
    }

    #[test]
    fn count_serde() {
        assert_eq!(serde_json::to_string(&c(1229)).unwrap(), "1229");
        assert_eq!(serde_json::from_str::<Count>("1229").unwrap(), c(1229));
        assert!(serde_json::from_str::<Count>("-1").is_err());
        assert!(serde_json::from_str::<Count>("1.5").is_err());
        assert!(serde_json::from_str::<Count>("\"1229\"").is_err());
    }

    /// The old qualifier table is gone: sums are the interval rule's
    /// (review of issue 14: "hơn 6,3 tỷ" + "không quá 2 tỷ" came out "khoảng 8,3 tỷ").
    #[test]
    fn sums_follow_the_interval_rule() {
        let q = |q, v| Reported::new(q, c(v));
        let cases = [
            (q(Qualifier::Exact, 2), q(Qualifier::Exact, 3), (5, Some(5))),
            (q(Qualifier::Exact, 2), q(Qualifier::AtLeast, 3), (5, None)),
            (
                q(Qualifier::AtLeast, 6800),
                q(Qualifier::AtMost, 22000),
                (6800, None),
            ),
            (
                q(Qualifier::Exact, 120),
                q(Qualifier::AtMost, 300),
                (120, Some(420)),
            ),
            (
                q(Qualifier::AtMost, 1),
                q(Qualifier::AtMost, 2),
                (0, Some(3)),
            ),
            (
                q(Qualifier::About, 500),
                q(Qualifier::AtLeast, 1000),
                (1000, None),
            ),
            (q(Qualifier::About, 500), q(Qualifier::About, 5), (0, None)),
        ];
        for (a, b, want) in cases {
            assert_eq!(a.checked_add(b).unwrap().bounds(), want, "{a:?} + {b:?}");
            assert_eq!(b.checked_add(a).unwrap().bounds(), want, "{b:?} + {a:?}");
        }
        let about = q(Qualifier::About, 500)
            .checked_add(q(Qualifier::About, 5))
            .unwrap();
        assert_eq!((about.word(), about.value()), (Word::About, c(505)));
        let unit: UnitWord = "đồng".parse().unwrap();
        let tỷ = |w: Word, n: u64| Measure::worded(w, Decimal::from(n), unit.clone()).unwrap();
        let sum = tỷ(Word::MoreThan, 6_300_000_000)
            .checked_add(&tỷ(Word::NotMoreThan, 2_000_000_000))
            .unwrap();
        assert_eq!(sum.word(), Word::AtLeast);
        assert_eq!(sum.amount(), Decimal::from(6_300_000_000u64));
        assert_eq!(crate::notation::measure(&sum), "ít nhất 6.300.000.000 đồng");
    }

    #[test]
    fn reported_bounds_and_truth() {
        let at_least = Reported::new(Qualifier::AtLeast, c(4400));
        assert!(at_least.is_consistent_with_parts(c(2059 + 2360)));
        assert!(!at_least.is_consistent_with_parts(c(4399)));
        let exact = Reported::exact(c(10));
        assert_eq!(exact.reaches(c(10)), Truth::True);
        assert_eq!(exact.reaches(c(11)), Truth::False);
        assert_eq!(exact.stays_within(c(10)), Truth::True);
        assert_eq!(exact.stays_within(c(9)), Truth::False);
        let about = Reported::new(Qualifier::About, c(500));
        assert_eq!(about.reaches(c(1)), Truth::Unknown);
        assert_eq!(about.reaches(c(0)), Truth::True);
        assert_eq!(about.stays_within(c(u64::MAX)), Truth::Unknown);
        let at_most = Reported::new(Qualifier::AtMost, c(22000));
        assert_eq!(at_most.stays_within(c(22000)), Truth::True);
        assert_eq!(at_most.stays_within(c(100)), Truth::Unknown);
        assert!(at_most.admits(c(0)));
        assert!(!at_most.admits(c(22001)));
        assert!(at_least.overlaps(at_most));
        assert!(exact.overlaps(about));
        assert!(!exact.overlaps(Reported::exact(c(11))));
        assert_eq!(Truth::from(true), Truth::True);
        assert_eq!(Reported::from(c(3)), Reported::exact(c(3)));
    }

    #[test]
    fn reported_overflow() {
        let a = Reported::new(Qualifier::AtLeast, c(u64::MAX));
        let err = a.checked_add(Reported::exact(c(1))).unwrap_err();
        assert_eq!(err.code(), "DV003");
    }

    #[test]
    fn reported_serde() {
        let cases = [
            (Reported::exact(c(6800)), "6800"),
            (
                Reported::new(Qualifier::AtLeast, c(6800)),
                r#"{"at_least":6800}"#,
            ),
            (
                Reported::new(Qualifier::AtMost, c(22000)),
                r#"{"at_most":22000}"#,
            ),
            (Reported::new(Qualifier::About, c(500)), r#"{"about":500}"#),
        ];
        for (r, json) in cases {
            assert_eq!(serde_json::to_string(&r).unwrap(), json);
            assert_eq!(serde_json::from_str::<Reported>(json).unwrap(), r);
        }
        assert_eq!(
            serde_json::from_str::<Reported>(r#"{ "at_least" : 1 }"#).unwrap(),
            Reported::new(Qualifier::AtLeast, c(1))
        );
        let bad = [
            ("-5", "invalid value: integer `-5`"),
            ("6.8", "invalid type: floating point `6.8`"),
            (r#""6800""#, "invalid type: string \"6800\""),
            ("{}", "invalid length 0"),
            (r#"{"exact":5}"#, "unknown field `exact`"),
            (r#"{"more":5}"#, "unknown field `more`"),
            (r#"{"at_least":-5}"#, "invalid value: integer `-5`"),
            (r#"{"at_least":5.5}"#, "invalid type: floating point `5.5`"),
            (r#"{"at_least":5,"about":6}"#, "exactly one key"),
            ("null", "invalid type: null"),
            ("[5]", "invalid type: sequence"),
        ];
        for (json, want) in bad {
            let err = serde_json::from_str::<Reported>(json)
                .unwrap_err()
                .to_string();
            assert!(err.contains(want), "{json}: {err}");
        }
    }

    #[test]
    fn share_rules() {
        let err = Share::new(c(1500), c(1400)).unwrap_err();
        assert_eq!(err.code(), "DV002");
        let zero = Share::new(c(0), c(0)).unwrap();
        assert_eq!(zero.ratio(), None);
        assert_eq!(zero.percent(1), None);
        assert!(Share::new(c(1), c(0)).is_err());
        let big = Share::new(c(u64::MAX), c(u64::MAX)).unwrap();
        assert!(big.checked_add(big).is_err());
        assert_eq!(big.percent(2), Some(dec("100")));
        assert_eq!(big.ratio(), Some(Decimal::ONE));
    }

    #[test]
    fn rounding_rule() {
        let pct = |p, w, d| Share::new(c(p), c(w)).unwrap().percent(d).unwrap();
        assert_eq!(pct(2, 3, 1), dec("66.7"));
        assert_eq!(pct(1, 8, 1), dec("12.5"));
        assert_eq!(pct(1, 8, 0), dec("13"));
        assert_eq!(pct(1, 16, 1), dec("6.3"));
        assert_eq!(pct(1, 16, 2), dec("6.25"));
        assert_eq!(pct(1, 3, 2), dec("33.33"));
        assert_eq!(pct(197, 200, 1), dec("98.5"));
        assert_eq!(pct(1, 16, 1).scale(), 1);
        // More places than a Decimal holds: as many as fit.
        assert_eq!(pct(1, 3, 100).scale(), 27);
        assert_eq!(pct(1, 1, 100).scale(), 26);
        let r = Share::new(c(1), c(3)).unwrap().ratio().unwrap();
        assert_eq!(r.scale(), 28);
        let v = Ratio::new(c(u64::MAX), c(3)).value(50).unwrap();
        assert_eq!(v.trunc(), Decimal::from(u64::MAX / 3));
        assert_eq!(Ratio::new(c(13360), c(291)).value(2), Some(dec("45.91")));
        assert_eq!(Ratio::new(c(1), c(0)).value(2), None);
        let r = Ratio::new(c(u64::MAX), c(1));
        assert!(r.checked_add(r).is_err());
    }

    #[test]
    fn share_and_ratio_serde() {
        let s: Share = serde_json::from_str(r#"{"part":1,"whole":2}"#).unwrap();
        assert_eq!(s, Share::new(c(1), c(2)).unwrap());
        let err = serde_json::from_str::<Share>(r#"{"part":3,"whole":2}"#).unwrap_err();
        assert!(err.to_string().contains("part 3 exceeds whole 2"), "{err}");
        assert!(serde_json::from_str::<Share>(r#"{"part":1,"whole":2,"x":1}"#).is_err());
        assert!(serde_json::from_str::<Share>(r#"{"part":1}"#).is_err());
        let r = Ratio::new(c(13360), c(291));
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(json, r#"{"numerator":13360,"denominator":291}"#);
        assert_eq!(serde_json::from_str::<Ratio>(&json).unwrap(), r);
    }

    #[test]
    fn unit_word_rules() {
        // U+0111 U+006F U+0302 U+0300 ... : "đồng" typed with combining marks (synthetic input).
        let nfd = "\u{111}o\u{302}\u{300}ng";
        let nfc = "\u{111}\u{1ed3}ng";
        assert_eq!(nfd.parse::<UnitWord>().unwrap().as_str(), nfc);
        assert_eq!(
            nfd.parse::<UnitWord>().unwrap(),
            nfc.parse::<UnitWord>().unwrap()
        );
        assert!("x".repeat(32).parse::<UnitWord>().is_ok());
        for bad in ["", "   ", "k\nm", "k\u{0}m", &"x".repeat(33)] {
            let err = bad.parse::<UnitWord>().unwrap_err();
            assert_eq!(err.code(), "DV007");
        }
        let err = "".parse::<UnitWord>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid unit word \"\": expected 1 to 32 characters without control characters, e.g. \"km\""
        );
        assert!(serde_json::from_str::<UnitWord>(r#""""#).is_err());
        assert_eq!(
            serde_json::to_string(&"m²".parse::<UnitWord>().unwrap()).unwrap(),
            r#""m²""#
        );
    }

    #[test]
    fn measure_rules() {
        let km: UnitWord = "km".parse().unwrap();
        let err = Measure::new(Qualifier::Exact, dec("-5"), km.clone()).unwrap_err();
        assert_eq!(err.code(), "DV005");
        assert_eq!(
            err.to_string(),
            "negative amount \"-5\": expected zero or more"
        );
        let zero = Measure::new(Qualifier::Exact, -Decimal::ZERO, km.clone()).unwrap();
        assert!(!zero.amount().is_sign_negative());
        let a = Measure::new(Qualifier::Exact, dec("1"), km.clone()).unwrap();
        let b = Measure::new(Qualifier::Exact, dec("1"), "m²".parse().unwrap()).unwrap();
        let err = a.checked_add(&b).unwrap_err();
        assert_eq!(err.code(), "DV006");
        assert_eq!(
            err.to_string(),
            "cannot add amounts in \"km\" and \"m²\": the unit words differ"
        );
        let max = Measure::new(Qualifier::Exact, Decimal::MAX, km.clone()).unwrap();
        assert_eq!(max.checked_add(&max).unwrap_err().code(), "DV003");
        // Interval rule (issue 14): [0, 2.5] + [1, 1] is [1, 3.5], "từ 1 đến 3,5"
        // (the qualifier rule gave "không quá 3,5", dropping the lower bound).
        let m = Measure::new(Qualifier::AtMost, dec("2.5"), km).unwrap();
        assert_eq!(
            m.checked_add(&a).unwrap(),
            Measure::range(dec("1"), dec("3.5"), "km".parse().unwrap()).unwrap()
        );
    }

    #[test]
    fn measure_serde() {
        let m: Measure = serde_json::from_str(r#"{"amount":"8.90","unit":"km"}"#).unwrap();
        assert_eq!(m.qualifier(), Qualifier::Exact);
        assert_eq!(m.amount().to_string(), "8.90");
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            r#"{"amount":"8.90","unit":"km"}"#
        );
        let m: Measure =
            serde_json::from_str(r#"{"qualifier":"about","amount":"5","unit":"km"}"#).unwrap();
        assert_eq!(m.qualifier(), Qualifier::About);
        let bad = [
            (r#"{"amount":"-5","unit":"km"}"#, "invalid number \"-5\""),
            (r#"{"amount":"1e5","unit":"km"}"#, "invalid number \"1e5\""),
            (r#"{"amount":"1_0","unit":"km"}"#, "invalid number \"1_0\""),
            (r#"{"amount":".5","unit":"km"}"#, "invalid number \".5\""),
            (r#"{"amount":"5.","unit":"km"}"#, "invalid number \"5.\""),
            (r#"{"amount":"8,9","unit":"km"}"#, "invalid number \"8,9\""),
            (r#"{"amount":5,"unit":"km"}"#, "invalid type: integer"),
            (r#"{"amount":"5","unit":""}"#, "invalid unit word"),
            (r#"{"amount":"5","unit":"km","x":1}"#, "unknown field"),
            (r#"{"amount":"5"}"#, "missing field `unit`"),
            (
                r#"{"amount":"5","unit":"km","qualifier":"more"}"#,
                "unknown variant",
            ),
            (
                r#"{"amount":"99999999999999999999999999999","unit":"km"}"#,
                "invalid number",
            ),
        ];
        for (json, want) in bad {
            let err = serde_json::from_str::<Measure>(json)
                .unwrap_err()
                .to_string();
            assert!(err.contains(want), "{json}: {err}");
        }
    }

    /// v1 values take their qualifier's default word; the v1 form is unchanged.
    #[test]
    fn v1_wire_keeps_its_forms_and_default_words() {
        for (json, word) in [
            ("6800", Word::Exact),
            (r#"{"at_least":6800}"#, Word::MoreThan),
            (r#"{"at_most":6800}"#, Word::NotMoreThan),
            (r#"{"about":6800}"#, Word::About),
        ] {
            let r: Reported = serde_json::from_str(json).unwrap();
            assert_eq!(r.word(), word, "{json}");
            assert_eq!(serde_json::to_string(&r).unwrap(), json);
        }
        // A word travels only in v2; v1 writes its qualifier (the same claim, coarser).
        let near = Reported::worded(Word::Nearly, c(300)).unwrap();
        assert_eq!(serde_json::to_string(&near).unwrap(), r#"{"at_most":300}"#);
        // A range has no v1 form: refused, never weakened silently.
        let range = Reported::range(c(5), c(8)).unwrap();
        let err = serde_json::to_string(&range).unwrap_err().to_string();
        assert!(err.contains("no v1 wire form"), "{err}");
        let m = Measure::range(5.into(), 8.into(), "km".parse().unwrap()).unwrap();
        assert!(serde_json::to_string(&m).is_err());
        let m: Measure =
            serde_json::from_str(r#"{"amount":"5","unit":"km","qualifier":"at_most"}"#).unwrap();
        assert_eq!(m.word(), Word::NotMoreThan);
    }

    #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
    struct V2 {
        #[serde(with = "worded_v2::reported")]
        r: Reported,
        #[serde(with = "worded_v2::measure")]
        m: Measure,
    }

    /// Every word round-trips through the v2 form, for counts and measures.
    #[test]
    fn v2_wire_round_trips_every_word() {
        for w in Word::ALL {
            let (r, m) = if w == Word::Range {
                (
                    Reported::range(c(120), c(150)).unwrap(),
                    Measure::range(dec("2.5"), dec("3"), "km".parse().unwrap()).unwrap(),
                )
            } else {
                (
                    Reported::worded(w, c(300)).unwrap(),
                    Measure::worded(w, dec("8.9"), "km".parse().unwrap()).unwrap(),
                )
            };
            let v = V2 { r, m };
            let json = serde_json::to_string(&v).unwrap();
            assert_eq!(serde_json::from_str::<V2>(&json).unwrap(), v, "{json}");
            if w != Word::Exact {
                assert!(
                    json.contains(&format!(r#""word":"{}""#, w.as_str())),
                    "{json}"
                );
            }
        }
        let json = r#"{"r":{"word":"nearly","value":300},"m":{"word":"range","from":"1","to":"2","unit":"km"}}"#;
        let v: V2 = serde_json::from_str(json).unwrap();
        assert_eq!(serde_json::to_string(&v).unwrap(), json);
        let exact: V2 = serde_json::from_str(
            r#"{"r":{"word":"exact","value":7},"m":{"amount":"1","unit":"km"}}"#,
        )
        .unwrap();
        assert_eq!(exact.r, Reported::exact(c(7)));
        for bad in [
            r#"{"r":{"word":"range","from":9,"to":5},"m":{"amount":"1","unit":"km"}}"#,
            r#"{"r":{"word":"range","value":9},"m":{"amount":"1","unit":"km"}}"#,
            r#"{"r":{"word":"nearly","from":1,"to":5},"m":{"amount":"1","unit":"km"}}"#,
            r#"{"r":{"word":"gan","value":9},"m":{"amount":"1","unit":"km"}}"#,
            r#"{"r":{"word":"nearly","value":9,"extra":1},"m":{"amount":"1","unit":"km"}}"#,
            r#"{"r":{"at_least":9},"m":{"amount":"1","unit":"km"}}"#,
            r#"{"r":9,"m":{"word":"range","from":"3","to":"2","unit":"km"}}"#,
            r#"{"r":9,"m":{"word":"nearly","amount":"-1","unit":"km"}}"#,
        ] {
            assert!(serde_json::from_str::<V2>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn plain_form_reads_word_ids() {
        assert_eq!(
            "nearly 300".parse::<Reported>().unwrap(),
            Reported::worded(Word::Nearly, c(300)).unwrap()
        );
        assert_eq!(
            "range 120 150".parse::<Reported>().unwrap(),
            Reported::range(c(120), c(150)).unwrap()
        );
        assert_eq!(
            "range 150 120".parse::<Reported>().unwrap_err().code(),
            "DV132"
        );
        assert_eq!("gan 300".parse::<Reported>().unwrap_err().code(), "DV131");
        assert_eq!("exact 300".parse::<Reported>().unwrap_err().code(), "DV001");
        assert_eq!(
            "at_least 6800".parse::<Reported>().unwrap(),
            Reported::new(Qualifier::AtLeast, c(6800))
        );
        for w in Word::ALL {
            assert_eq!(w.as_str().parse::<Word>().unwrap(), w);
            assert_eq!(Word::default_for(w.qualifier()).qualifier(), w.qualifier());
        }
    }

    #[test]
    fn auto_traits() {
        fn ok<T: Send + Sync + Unpin>() {}
        ok::<Count>();
        ok::<Reported>();
        ok::<Share>();
        ok::<Ratio>();
        ok::<Measure>();
        ok::<UnitWord>();
    }

    fn qualifier() -> impl Strategy<Value = Qualifier> {
        prop::sample::select(Qualifier::ALL.to_vec())
    }

    /// A reported number (bounded, synthetic) and an exact value it admits.
    fn reported_and_admitted() -> impl Strategy<Value = (Reported, u64)> {
        (
            qualifier(),
            0u64..1_000_000_000_000,
            0u64..1_000_000_000_000,
        )
            .prop_map(|(q, v, seed)| {
                let x = match q {
                    Qualifier::Exact => v,
                    Qualifier::AtLeast => v + seed % 1_000_000,
                    Qualifier::AtMost => seed % (v + 1),
                    Qualifier::About => seed,
                };
                (Reported::new(q, c(v)), x)
            })
    }

    fn share() -> impl Strategy<Value = Share> {
        (any::<u64>(), any::<u64>())
            .prop_map(|(a, b)| Share::new(c(a.min(b)), c(a.max(b))).unwrap())
    }

    proptest! {
        #[test]
        fn interval_sum_is_sound(
            (a, x) in reported_and_admitted(),
            (b, y) in reported_and_admitted(),
        ) {
            prop_assert!(a.admits(c(x)));
            prop_assert!(b.admits(c(y)));
            let sum = a.checked_add(b).unwrap();
            prop_assert!(sum.admits(c(x + y)), "{a:?} + {b:?} = {sum:?} misses {}", x + y);
            prop_assert_eq!(sum, b.checked_add(a).unwrap());
        }

        #[test]
        fn share_add_never_panics_and_stays_in_unit_interval(a in share(), b in share()) {
            if let Ok(s) = a.checked_add(b) {
                if let Some(r) = s.ratio() {
                    prop_assert!(r >= Decimal::ZERO && r <= Decimal::ONE);
                }
                let p = s.percent(3);
                prop_assert_eq!(p.is_none(), s.whole() == Count::ZERO);
            }
        }

        #[test]
        fn percent_matches_decimal_rounding(w in 1u64..1_000_000, p in 0u64..1_000_000, d in 0u32..5) {
            let p = p % (w + 1);
            let got = Share::new(c(p), c(w)).unwrap().percent(d).unwrap();
            let want = (Decimal::from(p * 100) / Decimal::from(w))
                .round_dp_with_strategy(d, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            prop_assert_eq!(got, want);
        }

        #[test]
        fn truth_agrees_with_bounds((r, x) in reported_and_admitted(), t in 0u64..2_000_000_000_000) {
            match r.reaches(c(t)) {
                Truth::True => prop_assert!(x >= t),
                Truth::False => prop_assert!(x < t),
                Truth::Unknown => {}
            }
            match r.stays_within(c(t)) {
                Truth::True => prop_assert!(x <= t),
                Truth::False => prop_assert!(x > t),
                Truth::Unknown => {}
            }
        }
    }
}
