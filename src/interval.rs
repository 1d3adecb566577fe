//! Sound intervals of possible true values, and the arithmetic that keeps them sound.
//!
//! A figure in a report is rarely just a number: "hơn 6.800" says the true
//! figure is at least 6.800, "gần 300" that it is at most 300 and close to it,
//! "khoảng 500" only that someone estimated 500. [`Interval`] is what such a
//! figure claims, written as the set of true values it admits, and every sum,
//! difference and ratio in the crate is computed on it:
//!
//! - it is **sound**: the true value is always inside;
//! - it is **tight**: an operation never widens an interval it could keep
//!   (at least *a* plus at most *b* is at least *a*, not "about *a + b*");
//! - an overflowing upper bound becomes unbounded (still true); an
//!   overflowing lower bound is an [`ErrorKind::Overflow`] (an unbounded lower
//!   bound would be a lie).
//!
//! Beside its bounds an interval carries its [`Tone`] — whether every inexact
//! term was stated as *near* ("gần", "ngót") — and, when some term was an
//! *estimate* ("khoảng"), the sum of the stated points. Neither changes what
//! the interval claims; they only choose how it is worded
//! (`danvan::notation`). This module has no words of its own.

use std::cmp::Ordering;
use std::fmt;

use rust_decimal::Decimal;

use crate::{Error, ErrorKind, Truth};

fn overflow(what: &str) -> Error {
    ErrorKind::Overflow { what: what.into() }.into()
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for u64 {}
    impl Sealed for super::Amount {}
}

/// A non-negative magnitude an [`Interval`] can bound: a count (`u64`) or an [`Amount`].
///
/// The trait is sealed; its methods are the checked arithmetic the intervals need.
///
/// ```
/// use danvan::{Amount, Interval};
///
/// let money = Interval::exact(Amount::new("6.3".parse().unwrap())?);
/// let people = Interval::exact(6800_u64);
/// assert!(money.is_exact() && people.is_exact());
/// # Ok::<(), danvan::Error>(())
/// ```
pub trait Magnitude: Copy + Ord + fmt::Debug + sealed::Sealed {
    /// The signed type of a difference of two magnitudes.
    type Signed: Copy + Ord + fmt::Debug;

    /// Zero.
    ///
    /// ```
    /// use danvan::Magnitude;
    /// assert_eq!(<u64 as Magnitude>::zero(), 0);
    /// ```
    fn zero() -> Self;

    /// The sum, or `None` when it is beyond the type.
    ///
    /// ```
    /// use danvan::Magnitude;
    /// assert_eq!(Magnitude::checked_plus(2_u64, 3), Some(5));
    /// assert_eq!(Magnitude::checked_plus(u64::MAX, 1), None);
    /// ```
    fn checked_plus(self, other: Self) -> Option<Self>;

    /// `self − other`, signed, or `None` when it is beyond the signed type.
    ///
    /// ```
    /// use danvan::Magnitude;
    /// assert_eq!(Magnitude::minus(2_u64, 5), Some(-3_i128));
    /// ```
    fn minus(self, other: Self) -> Option<Self::Signed>;

    /// The signed zero.
    ///
    /// ```
    /// use danvan::Magnitude;
    /// assert_eq!(<u64 as Magnitude>::signed_zero(), 0_i128);
    /// ```
    fn signed_zero() -> Self::Signed;

    /// A non-negative signed value as a magnitude; `None` when negative or too large.
    ///
    /// ```
    /// use danvan::Magnitude;
    /// assert_eq!(<u64 as Magnitude>::from_signed(5), Some(5));
    /// assert_eq!(<u64 as Magnitude>::from_signed(-1), None);
    /// ```
    fn from_signed(s: Self::Signed) -> Option<Self>;
}

impl Magnitude for u64 {
    type Signed = i128;

    fn zero() -> u64 {
        0
    }

    fn checked_plus(self, other: u64) -> Option<u64> {
        self.checked_add(other)
    }

    fn minus(self, other: u64) -> Option<i128> {
        Some(i128::from(self) - i128::from(other))
    }

    fn signed_zero() -> i128 {
        0
    }

    fn from_signed(s: i128) -> Option<u64> {
        u64::try_from(s).ok()
    }
}

/// A non-negative decimal amount (money, area, workdays), the magnitude of
/// an amount [`Interval`].
///
/// ```
/// use danvan::Amount;
///
/// let a = Amount::new("6300000000".parse().unwrap())?;
/// assert_eq!(a.get().to_string(), "6300000000");
/// assert_eq!(Amount::new("-1".parse().unwrap()).unwrap_err().code(), "DV005");
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
#[serde(try_from = "Decimal", into = "Decimal")]
pub struct Amount(Decimal);

impl Amount {
    /// An amount; it must not be negative.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::NegativeAmount`] for a negative decimal.
    ///
    /// ```
    /// assert!(danvan::Amount::new(rust_decimal::Decimal::ONE).is_ok());
    /// ```
    pub fn new(d: Decimal) -> Result<Amount, Error> {
        if d.is_sign_negative() && !d.is_zero() {
            return Err(ErrorKind::NegativeAmount {
                amount: d.to_string(),
            }
            .into());
        }
        // -0 and 0 are one amount.
        Ok(Amount(d.abs()))
    }

    /// The decimal.
    ///
    /// ```
    /// use danvan::Amount;
    /// assert_eq!(Amount::new(rust_decimal::Decimal::TEN)?.get(), rust_decimal::Decimal::TEN);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub const fn get(self) -> Decimal {
        self.0
    }
}

impl TryFrom<Decimal> for Amount {
    type Error = Error;

    fn try_from(d: Decimal) -> Result<Amount, Error> {
        Amount::new(d)
    }
}

impl From<Amount> for Decimal {
    fn from(a: Amount) -> Decimal {
        a.0
    }
}

impl Magnitude for Amount {
    type Signed = Decimal;

    fn zero() -> Amount {
        Amount(Decimal::ZERO)
    }

    /// `None` also when `Decimal` would round the sum (more than 28 digits):
    /// a rounded bound could lie on the wrong side of the truth.
    fn checked_plus(self, other: Amount) -> Option<Amount> {
        let sum = self.0.checked_add(other.0)?;
        (sum.checked_sub(other.0)? == self.0 && sum.checked_sub(self.0)? == other.0)
            .then_some(Amount(sum))
    }

    /// `None` also when `Decimal` would round the difference.
    fn minus(self, other: Amount) -> Option<Decimal> {
        let d = self.0.checked_sub(other.0)?;
        (d.checked_add(other.0)? == self.0 && self.0.checked_sub(d)? == other.0).then_some(d)
    }

    fn signed_zero() -> Decimal {
        Decimal::ZERO
    }

    fn from_signed(s: Decimal) -> Option<Amount> {
        Amount::new(s).ok()
    }
}

/// How the inexact terms of an interval were stated; it chooses the wording,
/// never the bounds.
///
/// ```
/// use danvan::{Interval, Tone};
///
/// assert_eq!(Interval::exact(120_u64).tone(), Tone::Exact);
/// let near = Interval::exact(120_u64).checked_add(Interval::near(300))?;
/// assert_eq!(near.tone(), Tone::Near);
/// let mixed = near.checked_add(Interval::at_most(10))?;
/// assert_eq!(mixed.tone(), Tone::Bounded);
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
pub enum Tone {
    /// Every term was exact.
    #[default]
    Exact,
    /// Some term was inexact, and every inexact term was *near* ("gần N", "ngót N").
    Near,
    /// Some inexact term was a plain bound, a range or an estimate.
    Bounded,
}

impl Tone {
    /// The tone of a sum of terms with these tones.
    const fn combine(self, other: Tone) -> Tone {
        match (self, other) {
            (Tone::Exact, t) | (t, Tone::Exact) => t,
            (Tone::Near, Tone::Near) => Tone::Near,
            _ => Tone::Bounded,
        }
    }
}

/// The set of true values a figure admits: from `low` to `high` (both
/// inclusive; no `high` means unbounded), with its [`Tone`] and, when some
/// term was an estimate, the estimate.
///
/// | stated | interval |
/// |---|---|
/// | exact *N* | [*N*, *N*] |
/// | at least *N* ("hơn", "trên", "ít nhất") | [*N*, ∞) |
/// | at most *N* ("dưới", "không quá") | [0, *N*] |
/// | near *N* ("gần", "ngót") | [0, *N*], tone *near* |
/// | from *A* to *B* | [*A*, *B*] |
/// | estimate *N* ("khoảng") | [0, ∞), estimate *N* |
///
/// A sum's estimate is the sum of its terms' points ([`Interval::point`]);
/// it is kept only when some term was an estimate. The interval is what is
/// claimed; the estimate is never used as a bound.
///
/// On the wire (totals rows): `{"low": 120, "high": 420, "tone": "near"}`,
/// `high` `null` when unbounded, `estimate` present only when there is one.
///
/// ```
/// use danvan::Interval;
///
/// // "hơn 6.800" + "không quá 22.000" is at least 6.800, never "about 28.800".
/// let sum = Interval::at_least(6800_u64).checked_add(Interval::at_most(22000))?;
/// assert_eq!((sum.low(), sum.high()), (6800, None));
/// // exact 1.000 + "khoảng 5" is at least 1.000; the estimate 1.005 rides beside it.
/// let e = Interval::exact(1000_u64).checked_add(Interval::about(5))?;
/// assert_eq!((e.low(), e.high(), e.estimate()), (1000, None, Some(1005)));
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(
    try_from = "IntervalWire<T>",
    into = "IntervalWire<T>",
    bound(
        serialize = "T: Magnitude + serde::Serialize",
        deserialize = "T: Magnitude + serde::Deserialize<'de>"
    )
)]
pub struct Interval<T: Magnitude = u64> {
    low: T,
    high: Option<T>,
    tone: Tone,
    estimate: Option<T>,
}

/// The wire form of an interval, checked on the way in.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct IntervalWire<T> {
    low: T,
    high: Option<T>,
    /// Missing: exact for a single value, bounded otherwise.
    #[serde(default)]
    tone: Option<Tone>,
    #[serde(skip_serializing_if = "Option::is_none")]
    estimate: Option<T>,
}

impl<T: Magnitude> TryFrom<IntervalWire<T>> for Interval<T> {
    type Error = Error;

    fn try_from(w: IntervalWire<T>) -> Result<Interval<T>, Error> {
        let mut i = Interval::between(w.low, w.high)?;
        let tone = w.tone.unwrap_or(i.tone);
        let why = match (tone, i.is_exact(), w.estimate.is_some()) {
            (_, _, true) if w.estimate.is_some_and(|e| e < w.low) => {
                Some("an estimate below the lower bound")
            }
            (_, _, true) if w.high.is_some() || tone != Tone::Bounded => {
                Some("an estimate belongs to an unbounded interval of tone bounded")
            }
            (Tone::Exact, false, _) => Some("tone exact on a range"),
            (Tone::Near | Tone::Bounded, true, _) => Some("an inexact tone on a single value"),
            (Tone::Near, _, _) if w.high.is_none() => Some("tone near on an unbounded interval"),
            _ => None,
        };
        if let Some(why) = why {
            return Err(invalid_interval(why));
        }
        i.tone = tone;
        i.estimate = w.estimate;
        Ok(i)
    }
}

impl<T: Magnitude> From<Interval<T>> for IntervalWire<T> {
    fn from(i: Interval<T>) -> IntervalWire<T> {
        IntervalWire {
            low: i.low,
            high: i.high,
            tone: Some(i.tone),
            estimate: i.estimate,
        }
    }
}

fn invalid_interval(why: &'static str) -> Error {
    ErrorKind::InvalidInterval { why }.into()
}

impl<T: Magnitude> Interval<T> {
    /// An exact value, `[v, v]`.
    ///
    /// ```
    /// assert_eq!(danvan::Interval::exact(291_u64).exact_value(), Some(291));
    /// ```
    #[must_use]
    pub fn exact(v: T) -> Interval<T> {
        Interval {
            low: v,
            high: Some(v),
            tone: Tone::Exact,
            estimate: None,
        }
    }

    /// At least `v`, `[v, ∞)`.
    ///
    /// ```
    /// assert_eq!(danvan::Interval::at_least(6800_u64).high(), None);
    /// ```
    #[must_use]
    pub fn at_least(v: T) -> Interval<T> {
        Interval {
            low: v,
            high: None,
            tone: Tone::Bounded,
            estimate: None,
        }
    }

    /// At most `v`, `[0, v]`.
    ///
    /// ```
    /// assert_eq!(danvan::Interval::at_most(22000_u64).low(), 0);
    /// ```
    #[must_use]
    pub fn at_most(v: T) -> Interval<T> {
        Interval {
            low: T::zero(),
            high: Some(v),
            // "at most 0" is exactly 0: a single value is exact.
            tone: if v == T::zero() {
                Tone::Exact
            } else {
                Tone::Bounded
            },
            estimate: None,
        }
    }

    /// Near `v` from below ("gần", "ngót"): `[0, v]` with tone [`Tone::Near`].
    ///
    /// ```
    /// use danvan::{Interval, Tone};
    /// assert_eq!(Interval::near(300_u64).tone(), Tone::Near);
    /// ```
    #[must_use]
    pub fn near(v: T) -> Interval<T> {
        Interval {
            low: T::zero(),
            high: Some(v),
            tone: if v == T::zero() {
                Tone::Exact
            } else {
                Tone::Near
            },
            estimate: None,
        }
    }

    /// An estimate ("khoảng N"): the sound interval `[0, ∞)` with the point `v` beside it.
    ///
    /// ```
    /// let e = danvan::Interval::about(500_u64);
    /// assert_eq!((e.low(), e.high(), e.estimate()), (0, None, Some(500)));
    /// ```
    #[must_use]
    pub fn about(v: T) -> Interval<T> {
        Interval {
            low: T::zero(),
            high: None,
            tone: Tone::Bounded,
            estimate: Some(v),
        }
    }

    /// From `low` to `high` inclusive (`None`: unbounded); `[v, v]` is exact.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::InvalidInterval`] when `high` is below `low`.
    ///
    /// ```
    /// use danvan::Interval;
    ///
    /// assert_eq!(Interval::between(10_u64, Some(20))?.high(), Some(20));
    /// assert!(Interval::between(10_u64, Some(10))?.is_exact());
    /// assert_eq!(Interval::between(20_u64, Some(10)).unwrap_err().code(), "DV150");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn between(low: T, high: Option<T>) -> Result<Interval<T>, Error> {
        if high.is_some_and(|h| h < low) {
            return Err(invalid_interval("high below low"));
        }
        Ok(Interval {
            low,
            high,
            tone: if high == Some(low) {
                Tone::Exact
            } else {
                Tone::Bounded
            },
            estimate: None,
        })
    }

    /// The smallest possible true value.
    ///
    /// ```
    /// assert_eq!(danvan::Interval::at_least(5_u64).low(), 5);
    /// ```
    #[must_use]
    pub fn low(self) -> T {
        self.low
    }

    /// The largest possible true value; `None` when unbounded.
    ///
    /// ```
    /// assert_eq!(danvan::Interval::at_most(5_u64).high(), Some(5));
    /// ```
    #[must_use]
    pub fn high(self) -> Option<T> {
        self.high
    }

    /// The tone, which only chooses the wording.
    ///
    /// ```
    /// assert_eq!(danvan::Interval::at_most(5_u64).tone(), danvan::Tone::Bounded);
    /// ```
    #[must_use]
    pub fn tone(self) -> Tone {
        self.tone
    }

    /// The estimate, when some term was an estimate.
    ///
    /// ```
    /// assert_eq!(danvan::Interval::at_most(5_u64).estimate(), None);
    /// ```
    #[must_use]
    pub fn estimate(self) -> Option<T> {
        self.estimate
    }

    /// Whether the value is known exactly.
    ///
    /// ```
    /// assert!(!danvan::Interval::near(5_u64).is_exact());
    /// ```
    #[must_use]
    pub fn is_exact(self) -> bool {
        self.high == Some(self.low)
    }

    /// The value, when known exactly.
    ///
    /// ```
    /// assert_eq!(danvan::Interval::at_least(5_u64).exact_value(), None);
    /// ```
    #[must_use]
    pub fn exact_value(self) -> Option<T> {
        self.is_exact().then_some(self.low)
    }

    /// The estimate's excess over the lower bound, when there is an estimate.
    fn estimate_extra(self) -> Option<T> {
        // An estimate is never below the lower bound (constructors and sums keep it so).
        self.estimate.map(|e| {
            let mut x = T::zero();
            // e − low for a Magnitude, by the only subtraction it has.
            if let Some(d) = e.minus(self.low) {
                x = T::from_signed(d).unwrap_or_else(T::zero);
            }
            x
        })
    }

    /// The point this interval adds to a sum's estimate: its own estimate if
    /// it has one, else its upper bound if bounded, else its lower bound (the
    /// number a report stated).
    ///
    /// ```
    /// use danvan::Interval;
    /// assert_eq!(Interval::near(300_u64).point(), 300);
    /// assert_eq!(Interval::at_least(1000_u64).point(), 1000);
    /// assert_eq!(Interval::about(5_u64).point(), 5);
    /// ```
    #[must_use]
    pub fn point(self) -> T {
        self.estimate.or(self.high).unwrap_or(self.low)
    }

    /// Whether `x` is a possible true value.
    ///
    /// ```
    /// let r = danvan::Interval::at_least(6800_u64);
    /// assert!(r.contains(6853) && !r.contains(6000));
    /// ```
    #[must_use]
    pub fn contains(self, x: T) -> bool {
        x >= self.low && self.high.map_or(true, |h| x <= h)
    }

    /// Whether every value of `self` is a value of `outer`.
    ///
    /// ```
    /// use danvan::Interval;
    /// let parts = Interval::between(100_u64, Some(400))?;
    /// assert!(Interval::exact(250_u64).is_within(parts));
    /// assert!(!Interval::at_least(250_u64).is_within(parts));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn is_within(self, outer: Interval<T>) -> bool {
        self.low >= outer.low
            && match (self.high, outer.high) {
                (_, None) => true,
                (None, Some(_)) => false,
                (Some(a), Some(b)) => a <= b,
            }
    }

    /// Whether both can be true at once (they share a value).
    ///
    /// ```
    /// use danvan::Interval;
    /// assert!(!Interval::at_least(4400_u64).overlaps(Interval::at_most(4000)));
    /// ```
    #[must_use]
    pub fn overlaps(self, other: Interval<T>) -> bool {
        self.high.map_or(true, |h| other.low <= h) && other.high.map_or(true, |h| self.low <= h)
    }

    /// Whether the true value is at least `target`.
    ///
    /// ```
    /// use danvan::{Interval, Truth};
    /// let r = Interval::at_least(6800_u64);
    /// assert_eq!(r.reaches(6000), Truth::True);
    /// assert_eq!(r.reaches(7000), Truth::Unknown);
    /// assert_eq!(Interval::at_most(100_u64).reaches(101), Truth::False);
    /// ```
    #[must_use]
    pub fn reaches(self, target: T) -> Truth {
        if self.low >= target {
            Truth::True
        } else if self.high.is_some_and(|h| h < target) {
            Truth::False
        } else {
            Truth::Unknown
        }
    }

    /// Whether the true value is at most `limit`.
    ///
    /// ```
    /// use danvan::{Interval, Truth};
    /// assert_eq!(Interval::at_least(6800_u64).stays_within(6000), Truth::False);
    /// assert_eq!(Interval::near(300_u64).stays_within(300), Truth::True);
    /// ```
    #[must_use]
    pub fn stays_within(self, limit: T) -> Truth {
        if self.high.is_some_and(|h| h <= limit) {
            Truth::True
        } else if self.low > limit {
            Truth::False
        } else {
            Truth::Unknown
        }
    }

    /// Whether this true value is at most the other's, for every pair of
    /// possible values (true), for none (false), or for some (unknown).
    ///
    /// ```
    /// use danvan::{Interval, Truth};
    /// let raised = Interval::at_least(50_u64);
    /// assert_eq!(Interval::exact(40_u64).is_at_most(raised), Truth::True);
    /// assert_eq!(Interval::exact(60_u64).is_at_most(raised), Truth::Unknown);
    /// assert_eq!(Interval::at_least(60_u64).is_at_most(Interval::exact(50)), Truth::False);
    /// ```
    #[must_use]
    pub fn is_at_most(self, other: Interval<T>) -> Truth {
        match self.high {
            Some(h) if h <= other.low => Truth::True,
            _ if other.high.is_some_and(|oh| self.low > oh) => Truth::False,
            _ => Truth::Unknown,
        }
    }

    /// Whether the two true values are equal, for every pair of possible
    /// values (true: both exact and the same), for none (false: the
    /// intervals share no value), or for some (unknown): the three-valued
    /// equality the checks of model v2 use (a sum equal to its whole, two
    /// figures declared equal), written once here beside [`Interval::is_at_most`].
    ///
    /// ```
    /// use danvan::{Interval, Truth};
    /// assert_eq!(Interval::exact(13_u64).is_equal_to(Interval::exact(13)), Truth::True);
    /// assert_eq!(Interval::exact(12_u64).is_equal_to(Interval::exact(13)), Truth::False);
    /// assert_eq!(Interval::at_least(12_u64).is_equal_to(Interval::exact(13)), Truth::Unknown);
    /// assert_eq!(Interval::near(300_u64).is_equal_to(Interval::at_least(301)), Truth::False);
    /// ```
    #[must_use]
    pub fn is_equal_to(self, other: Interval<T>) -> Truth {
        match (self.is_at_most(other), other.is_at_most(self)) {
            (Truth::False, _) | (_, Truth::False) => Truth::False,
            (Truth::True, Truth::True) => Truth::True,
            _ => Truth::Unknown,
        }
    }

    /// The sum: bounds add, tones combine, and an estimate is kept when either had one.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::Overflow`] when the lower bound overflows; an
    /// overflowing upper bound becomes unbounded, an overflowing estimate is dropped.
    ///
    /// ```
    /// use danvan::Interval;
    ///
    /// let s = Interval::exact(120_u64).checked_add(Interval::near(300))?;
    /// assert_eq!((s.low(), s.high()), (120, Some(420)));
    /// let big = Interval::at_most(u64::MAX).checked_add(Interval::exact(1))?;
    /// assert_eq!((big.low(), big.high()), (1, None));
    /// assert!(Interval::exact(u64::MAX).checked_add(Interval::exact(1)).is_err());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn checked_add(self, other: Interval<T>) -> Result<Interval<T>, Error> {
        let low = self
            .low
            .checked_plus(other.low)
            .ok_or_else(|| overflow("lower bound of a sum"))?;
        let high = match (self.high, other.high) {
            (Some(a), Some(b)) => a.checked_plus(b),
            _ => None,
        };
        // The estimate is the lower bound plus every estimate term's point
        // above its own lower bound: associative and commutative, so a sum
        // has one estimate in any order (and through merged partial totals).
        // An estimate beyond the type is dropped: it claims nothing.
        let estimate = match (self.estimate_extra(), other.estimate_extra()) {
            (None, None) => None,
            (a, b) => a
                .unwrap_or_else(T::zero)
                .checked_plus(b.unwrap_or_else(T::zero))
                .and_then(|e| low.checked_plus(e)),
        };
        // A sum that pins a single value is exact, whatever its terms' tones.
        let tone = if high == Some(low) {
            Tone::Exact
        } else {
            self.tone.combine(other.tone)
        };
        Ok(Interval {
            low,
            high,
            tone,
            estimate,
        })
    }

    /// The sum of many intervals; the sum of none is exact zero.
    ///
    /// # Errors
    ///
    /// As [`Interval::checked_add`].
    ///
    /// ```
    /// use danvan::Interval;
    /// let s = Interval::checked_sum([Interval::near(300_u64), Interval::near(200)])?;
    /// assert_eq!((s.low(), s.high(), s.tone()), (0, Some(500), danvan::Tone::Near));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn checked_sum<I: IntoIterator<Item = Interval<T>>>(
        items: I,
    ) -> Result<Interval<T>, Error> {
        items
            .into_iter()
            .try_fold(Interval::exact(T::zero()), Interval::checked_add)
    }

    /// The size of a union of two sets that may overlap (a distinct count:
    /// persons reached by two actors): at least the larger lower bound, at
    /// most the sum of the upper bounds. An exact zero leaves the other as it is.
    ///
    /// ```
    /// use danvan::Interval;
    /// let u = Interval::exact(300_u64).union_size(Interval::exact(200));
    /// assert_eq!((u.low(), u.high()), (300, Some(500)));
    /// ```
    #[must_use]
    pub fn union_size(self, other: Interval<T>) -> Interval<T> {
        if other.high == Some(T::zero()) {
            return self;
        }
        if self.high == Some(T::zero()) {
            return other;
        }
        let high = match (self.high, other.high) {
            (Some(a), Some(b)) => a.checked_plus(b),
            _ => None,
        };
        let estimate = (self.estimate.is_some() || other.estimate.is_some())
            .then(|| self.point().max(other.point()));
        Interval {
            low: self.low.max(other.low),
            high,
            tone: Tone::Bounded,
            estimate,
        }
    }

    /// The smallest interval holding both (either may be the truth).
    ///
    /// ```
    /// use danvan::Interval;
    /// let h = Interval::exact(3_u64).hull(Interval::exact(9));
    /// assert_eq!((h.low(), h.high()), (3, Some(9)));
    /// ```
    #[must_use]
    pub fn hull(self, other: Interval<T>) -> Interval<T> {
        if self == other {
            return self;
        }
        let high = match (self.high, other.high) {
            (Some(a), Some(b)) => Some(a.max(b)),
            _ => None,
        };
        Interval {
            low: self.low.min(other.low),
            high,
            tone: Tone::Bounded,
            estimate: None,
        }
    }

    /// What is left of a whole (`self`) once a part known to lie within it is
    /// taken out: `[max(0, low − part.high), high − part.low]`, no lower than
    /// zero (a part stated above its whole leaves nothing: a caller that may
    /// meet one checks `part.low() > self.high()` first). A district's own
    /// figure less its communes' figures is what its other communes and its
    /// own bodies hold.
    ///
    /// The rest keeps what the whole says beside its bounds: less an exact
    /// part, a *near* whole ("gần 10") leaves a near rest ("gần 6": the same
    /// shift of the same true value), and an estimate ("khoảng 10", an
    /// unbounded whole, so an unbounded rest) leaves the estimate less the
    /// part's point ([`Interval::point`]), never below the rest's lower
    /// bound. The estimate is the reports' point, not a bound, so it stays
    /// sound; a sum of the rest and the part gives back the whole's estimate.
    ///
    /// ```
    /// use danvan::{Interval, Tone};
    /// let rest = Interval::exact(10_u64).rest_after(Interval::exact(4));
    /// assert_eq!(rest, Interval::exact(6));
    /// let open = Interval::exact(10_u64).rest_after(Interval::at_least(4));
    /// assert_eq!((open.low(), open.high()), (0, Some(6)));
    /// assert_eq!(Interval::exact(3_u64).rest_after(Interval::exact(5)), Interval::exact(0));
    /// let near = Interval::near(10_u64).rest_after(Interval::exact(4));
    /// assert_eq!((near.low(), near.high(), near.tone()), (0, Some(6), Tone::Near));
    /// let about = Interval::about(10_u64).rest_after(Interval::exact(4));
    /// assert_eq!((about.low(), about.high(), about.estimate()), (0, None, Some(6)));
    /// assert_eq!(about.checked_add(Interval::exact(4))?.estimate(), Some(10));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn rest_after(self, part: Interval<T>) -> Interval<T> {
        // A negative bound is zero; a bound beyond the type is no bound
        // (zero below, unbounded above).
        let at_least_zero = |d: T::Signed| T::from_signed(d).unwrap_or_else(T::zero);
        let low = part
            .high
            .and_then(|ph| self.low.minus(ph))
            .map_or_else(T::zero, at_least_zero);
        let high = self.high.and_then(|h| h.minus(part.low)).map(at_least_zero);
        let mut rest = Interval::between(low, high)
            .or_else(|_| Interval::between(T::zero(), high))
            .unwrap_or_else(|_| Interval::at_least(T::zero()));
        if rest.is_exact() {
            return rest;
        }
        if rest.high.is_some() && part.is_exact() && self.tone == Tone::Near {
            rest.tone = Tone::Near;
        }
        if rest.high.is_none() {
            rest.estimate = self.estimate.map(|e| {
                e.minus(part.point())
                    .map_or_else(T::zero, at_least_zero)
                    .max(rest.low)
            });
        }
        rest
    }

    /// The change from `earlier` to `self`: `[low − earlier.high, high − earlier.low]`,
    /// unbounded below when `earlier` is unbounded above.
    ///
    /// ```
    /// use danvan::Interval;
    /// let d = Interval::exact(1229_u64).difference(Interval::exact(1100));
    /// assert_eq!((d.low(), d.high()), (Some(129), Some(129)));
    /// let open = Interval::exact(500_u64).difference(Interval::at_least(400));
    /// assert_eq!((open.low(), open.high()), (None, Some(100)));
    /// ```
    #[must_use]
    pub fn difference(self, earlier: Interval<T>) -> Difference<T> {
        Difference {
            low: earlier.high.and_then(|eh| self.low.minus(eh)),
            high: self.high.and_then(|h| h.minus(earlier.low)),
        }
    }
}

impl Interval<u64> {
    /// The ratio `self / den` as bounds rounded outward to `decimals` places
    /// (the low bound down, the high bound up); `None` when `den` is exactly
    /// zero. A denominator that may be zero leaves the ratio unbounded above.
    ///
    /// ```
    /// use danvan::Interval;
    /// // at least 6.800 participants over exactly 220 conferences: at least 30.9 each.
    /// let r = Interval::at_least(6800_u64).ratio(Interval::exact(220), 1).unwrap();
    /// assert_eq!((r.low().to_string(), r.high()), ("30.9".to_string(), None));
    /// let e = Interval::exact(1_u64).ratio(Interval::exact(3), 2).unwrap();
    /// assert_eq!((e.low().to_string(), e.high().map(|h| h.to_string())), ("0.33".into(), Some("0.34".into())));
    /// ```
    #[must_use]
    pub fn ratio(self, den: Interval<u64>, decimals: u32) -> Option<RatioBounds> {
        if den.high == Some(0) {
            return None;
        }
        // Smallest: the smallest numerator over the largest denominator.
        let low = match den.high {
            None => Decimal::ZERO,
            Some(dh) => quotient(self.low, dh, decimals, Round::Down),
        };
        let high = match (self.high, den.low) {
            (Some(nh), dl) if dl > 0 => Some(quotient(nh, dl, decimals, Round::Up)),
            _ => None,
        };
        Some(RatioBounds { low, high })
    }
}

#[derive(Clone, Copy)]
enum Round {
    Down,
    Up,
}

/// `num / den` (den > 0) to at most `decimals` places, rounded in the given direction.
fn quotient(num: u64, den: u64, decimals: u32, round: Round) -> Decimal {
    let mut places = decimals.min(28);
    loop {
        if let Some(d) = quotient_at(num, den, places, round) {
            return d;
        }
        match places.checked_sub(1) {
            Some(p) => places = p,
            // num / den <= u64::MAX fits a Decimal at zero places.
            None => return Decimal::from(num / den),
        }
    }
}

fn quotient_at(num: u64, den: u64, places: u32, round: Round) -> Option<Decimal> {
    let scale = 10_u128.checked_pow(places)?;
    let n = u128::from(num).checked_mul(scale)?;
    let d = u128::from(den);
    let mut m = n / d;
    if matches!(round, Round::Up) && n % d != 0 {
        m = m.checked_add(1)?;
    }
    Decimal::try_from_i128_with_scale(i128::try_from(m).ok()?, places).ok()
}

/// The bounds of a ratio of two intervals, rounded outward.
///
/// ```
/// use danvan::Interval;
/// let r = Interval::exact(13_u64).ratio(Interval::exact(13), 0).unwrap();
/// assert!(r.is_exact());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct RatioBounds {
    low: Decimal,
    high: Option<Decimal>,
}

impl RatioBounds {
    /// The smallest possible ratio (rounded down).
    ///
    /// ```
    /// use danvan::Interval;
    /// assert_eq!(Interval::exact(1_u64).ratio(Interval::exact(2), 1).unwrap().low().to_string(), "0.5");
    /// ```
    #[must_use]
    pub fn low(self) -> Decimal {
        self.low
    }

    /// The largest possible ratio (rounded up); `None` when unbounded.
    ///
    /// ```
    /// use danvan::Interval;
    /// assert_eq!(Interval::at_least(1_u64).ratio(Interval::exact(2), 1).unwrap().high(), None);
    /// ```
    #[must_use]
    pub fn high(self) -> Option<Decimal> {
        self.high
    }

    /// Whether both bounds are the same number.
    ///
    /// ```
    /// use danvan::Interval;
    /// assert!(!Interval::exact(1_u64).ratio(Interval::exact(3), 2).unwrap().is_exact());
    /// ```
    #[must_use]
    pub fn is_exact(self) -> bool {
        self.high == Some(self.low)
    }
}

/// A signed interval: the change between two figures, from `low` to `high`
/// (`None`: unbounded on that side).
///
/// ```
/// use danvan::Interval;
/// use std::cmp::Ordering;
///
/// let d = Interval::exact(300_u64).difference(Interval::between(100, Some(200))?);
/// assert_eq!((d.low(), d.high(), d.sign()), (Some(100), Some(200), Some(Ordering::Greater)));
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Difference<T: Magnitude = u64> {
    low: Option<T::Signed>,
    high: Option<T::Signed>,
}

impl<T: Magnitude> Difference<T> {
    /// The smallest possible change; `None` when unbounded below.
    ///
    /// ```
    /// use danvan::Interval;
    /// assert_eq!(Interval::exact(5_u64).difference(Interval::exact(7)).low(), Some(-2));
    /// ```
    #[must_use]
    pub fn low(self) -> Option<T::Signed> {
        self.low
    }

    /// The largest possible change; `None` when unbounded above.
    ///
    /// ```
    /// use danvan::Interval;
    /// assert_eq!(Interval::at_least(5_u64).difference(Interval::exact(7)).high(), None);
    /// ```
    #[must_use]
    pub fn high(self) -> Option<T::Signed> {
        self.high
    }

    /// The change, when known exactly.
    ///
    /// ```
    /// use danvan::Interval;
    /// assert_eq!(Interval::exact(9_u64).difference(Interval::exact(7)).exact_value(), Some(2));
    /// ```
    #[must_use]
    pub fn exact_value(self) -> Option<T::Signed> {
        match (self.low, self.high) {
            (Some(a), Some(b)) if a == b => Some(a),
            _ => None,
        }
    }

    /// The sign when it is known: `Greater` (an increase: every possible
    /// change is above zero), `Less` (a decrease), `Equal` (exactly no
    /// change); `None` when the change may be zero or of either sign.
    ///
    /// ```
    /// use danvan::Interval;
    /// assert_eq!(Interval::near(5_u64).difference(Interval::exact(3)).sign(), None);
    /// ```
    #[must_use]
    pub fn sign(self) -> Option<Ordering> {
        let zero = T::signed_zero();
        match (self.low, self.high) {
            (Some(a), _) if a > zero => Some(Ordering::Greater),
            (_, Some(b)) if b < zero => Some(Ordering::Less),
            (Some(a), Some(b)) if a == zero && b == zero => Some(Ordering::Equal),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn arb() -> impl Strategy<Value = Interval<u64>> {
        prop_oneof![
            (0u64..1000).prop_map(Interval::exact),
            (0u64..1000).prop_map(Interval::at_least),
            (0u64..1000).prop_map(Interval::at_most),
            (0u64..1000).prop_map(Interval::near),
            (0u64..1000).prop_map(Interval::about),
            (0u64..1000, 0u64..1000)
                .prop_map(|(a, b)| Interval::between(a.min(b), Some(a.max(b))).unwrap()),
        ]
    }

    /// A true value inside the interval, chosen by `t` in [0, 1].
    fn pick(i: Interval<u64>, t: u64) -> u64 {
        let hi = i.high().unwrap_or(i.low() + 2000);
        i.low() + (hi - i.low()) * t / 1000
    }

    proptest! {
        #[test]
        fn sum_contains_every_sum_of_members(a in arb(), b in arb(), s in 0u64..=1000, t in 0u64..=1000) {
            let sum = a.checked_add(b).unwrap();
            let x = pick(a, s);
            let y = pick(b, t);
            prop_assert!(sum.contains(x + y));
        }

        #[test]
        fn sum_is_tight(a in arb(), b in arb()) {
            // The extreme sums are attained (or unbounded): nothing is widened.
            let sum = a.checked_add(b).unwrap();
            prop_assert_eq!(sum.low(), a.low() + b.low());
            prop_assert_eq!(sum.high(), a.high().zip(b.high()).map(|(x, y)| x + y));
        }

        #[test]
        fn difference_contains_every_change(a in arb(), b in arb(), s in 0u64..=1000, t in 0u64..=1000) {
            let d = a.difference(b);
            let change = i128::from(pick(a, s)) - i128::from(pick(b, t));
            prop_assert!(d.low().map_or(true, |l| l <= change));
            prop_assert!(d.high().map_or(true, |h| change <= h));
        }

        #[test]
        fn ratio_contains_every_ratio(a in arb(), b in arb(), s in 0u64..=1000, t in 0u64..=1000) {
            let x = pick(a, s);
            let y = pick(b, t);
            if let (Some(r), true) = (a.ratio(b, 2), y > 0) {
                let q = Decimal::from(x) / Decimal::from(y);
                prop_assert!(r.low() <= q);
                prop_assert!(r.high().map_or(true, |h| q <= h));
            }
        }

        #[test]
        fn union_size_contains_every_union(a in arb(), b in arb(), s in 0u64..=1000, t in 0u64..=1000, o in 0u64..=1000) {
            let x = pick(a, s);
            let y = pick(b, t);
            // Two sets of sizes x and y overlap by anything from 0 to min(x, y).
            let union = x + y - x.min(y) * o / 1000;
            prop_assert!(a.union_size(b).contains(union));
        }

        #[test]
        fn sum_is_associative_and_commutative_estimate_included(a in arb(), b in arb(), c in arb()) {
            let left = a.checked_add(b).unwrap().checked_add(c).unwrap();
            let right = a.checked_add(c.checked_add(b).unwrap()).unwrap();
            prop_assert_eq!(left, right);
        }

        #[test]
        fn wire_round_trips(a in arb(), b in arb()) {
            let s = a.checked_add(b).unwrap();
            let json = serde_json::to_string(&s).unwrap();
            let back: Interval<u64> = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(back, s);
        }
    }

    /// A single value is exact however it was reached, so it reads back
    /// from its own wire form (proptest found exact 0 + "at most 0").
    #[test]
    fn a_single_value_is_exact_and_round_trips() {
        let zero = Interval::exact(0_u64);
        for i in [
            Interval::at_most(0_u64),
            Interval::near(0),
            zero.checked_add(Interval::at_most(0)).unwrap(),
            Interval::at_most(0_u64)
                .checked_add(Interval::near(0))
                .unwrap(),
        ] {
            assert_eq!(i.tone(), Tone::Exact, "{i:?}");
            let back: Interval<u64> =
                serde_json::from_str(&serde_json::to_string(&i).unwrap()).unwrap();
            assert_eq!(back, i);
        }
        assert_eq!(Interval::at_most(5_u64).tone(), Tone::Bounded);
    }

    #[test]
    fn the_issue_examples() {
        let s = Interval::at_least(735_093_u64)
            .checked_add(Interval::at_most(375_068))
            .unwrap();
        assert_eq!((s.low(), s.high(), s.estimate()), (735_093, None, None));
        let e = Interval::about(500_u64)
            .checked_add(Interval::at_least(1000))
            .unwrap();
        assert_eq!((e.low(), e.high()), (1000, None));
        let n = Interval::near(300_u64)
            .checked_add(Interval::near(200))
            .unwrap();
        assert_eq!((n.high(), n.tone()), (Some(500), Tone::Near));
        let mixed = Interval::near(300_u64)
            .checked_add(Interval::at_least(1))
            .unwrap();
        assert_eq!(mixed.tone(), Tone::Bounded);
    }

    #[test]
    fn overflow_of_the_low_bound_is_an_error_and_of_the_high_bound_unbounded() {
        let e = Interval::at_least(u64::MAX)
            .checked_add(Interval::at_least(1))
            .unwrap_err();
        assert_eq!(e.code(), "DV003");
        let s = Interval::between(1_u64, Some(u64::MAX))
            .unwrap()
            .checked_add(Interval::exact(5))
            .unwrap();
        assert_eq!((s.low(), s.high()), (6, None));
    }

    #[test]
    fn wire_refuses_what_an_interval_cannot_be() {
        for bad in [
            r#"{"low": 5, "high": 3}"#,
            r#"{"low": 3, "high": 5, "tone": "exact"}"#,
            r#"{"low": 3, "high": null, "tone": "near"}"#,
            r#"{"low": 3, "high": 3, "tone": "near"}"#,
            r#"{"low": 0, "high": null, "tone": "near", "estimate": 4}"#,
            r#"{"low": 0, "high": null, "extra": 1}"#,
            r#"{"low": 10, "high": null, "estimate": 5}"#,
        ] {
            assert!(serde_json::from_str::<Interval<u64>>(bad).is_err(), "{bad}");
        }
        let ok: Interval<u64> = serde_json::from_str(r#"{"low": 3, "high": null}"#).unwrap();
        assert_eq!(ok, Interval::at_least(3));
    }

    #[test]
    fn amounts_add_and_refuse_negatives() {
        let a = Amount::new(Decimal::new(63, 1)).unwrap();
        let s = Interval::at_least(a)
            .checked_add(Interval::exact(a))
            .unwrap();
        assert_eq!(s.low().get(), Decimal::new(126, 1));
        assert!(Amount::new(Decimal::NEGATIVE_ONE).is_err());
        assert!(serde_json::from_str::<Amount>(r#""-1""#).is_err());
    }

    #[test]
    fn amounts_that_decimal_would_round_are_not_added() {
        let ten = Amount::new(Decimal::TEN).unwrap();
        let tiny = Amount::new(Decimal::new(6, 28)).unwrap();
        // Exact 10 + 6e-28 does not fit 28 digits: a lower bound must not be rounded up.
        assert!(Interval::exact(ten)
            .checked_add(Interval::exact(tiny))
            .is_err());
        // An upper bound that cannot be kept becomes unbounded.
        let s = Interval::at_most(ten)
            .checked_add(Interval::at_most(tiny))
            .unwrap();
        assert_eq!(s.high(), None);
        let d = Interval::exact(ten).difference(Interval::exact(tiny));
        assert_eq!((d.low(), d.high()), (None, None));
    }

    #[test]
    fn hull_and_sign() {
        let h = Interval::at_least(5_u64).hull(Interval::near(3));
        assert_eq!((h.low(), h.high()), (0, None));
        assert_eq!(
            Interval::exact(1_u64).difference(Interval::exact(4)).sign(),
            Some(Ordering::Less)
        );
        assert_eq!(
            Interval::exact(4_u64).difference(Interval::exact(4)).sign(),
            Some(Ordering::Equal)
        );
    }
}
