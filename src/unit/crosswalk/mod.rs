//! The crosswalk from old units to new ones.

use std::collections::hash_map::Entry as MapEntry;
use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::code::{Level, UnitCode};
use super::hierarchy::Hierarchy;
use crate::{Error, ErrorKind};

mod compose;
mod reform;

pub use compose::ThenOptions;

/// The most decimal places a share may have.
const MAX_SHARE_SCALE: u32 = 18;
/// What a share must look like.
const EXPECTED_SHARE: &str =
    "a decimal greater than 0 and at most 1 with at most 18 decimal places, e.g. \"0.4\"";
/// What a target without share needs when other targets of its entry have one.
const EXPECTED_SHARE_PRESENT: &str =
    "a share or \"unknown\", since other targets of this entry have one";
/// The wire word of a target whose share is not known.
const UNKNOWN_SHARE: &str = "unknown";

/// How much of an old unit goes to one new unit.
///
/// ```
/// use danvan::{Crosswalk, Weight};
///
/// let cw = Crosswalk::builder().merge("10507".parse()?, "10510".parse()?).build()?;
/// let targets = cw.targets(&"10507".parse()?).unwrap_or_default();
/// assert_eq!(targets, [("10510".parse()?, Weight::Exact(rust_decimal::Decimal::ONE))]);
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Weight {
    /// A known share, greater than 0 and at most 1 (a merge gives 1).
    Exact(Decimal),
    /// A part of unknown size: the split was declared without shares.
    Unknown,
}

/// A count carried across a crosswalk.
///
/// Merges and splits with shares give an exact value. A split declared
/// without shares gives, for each target, the interval `[0, v]`: the whole
/// value `v` may have gone to any of the targets. Such an interval is never
/// turned into an invented exact number. A target fed by several old units
/// adds their bounds; it is [`Mapped::Exact`] when the bounds meet.
///
/// ```
/// use danvan::Mapped;
///
/// assert!(Mapped::Exact(5).is_exact());
/// let m = Mapped::Between { low: 2, high: 9 };
/// assert_eq!((m.low(), m.high(), m.is_exact()), (2, 9, false));
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mapped {
    /// The exact value.
    Exact(u64),
    /// Somewhere from `low` to `high`, both inclusive, with `low < high`.
    Between {
        /// The smallest possible value.
        low: u64,
        /// The largest possible value.
        high: u64,
    },
}

impl Mapped {
    /// The smallest possible value.
    ///
    /// ```
    /// assert_eq!(danvan::Mapped::Exact(4).low(), 4);
    /// ```
    #[must_use]
    pub const fn low(self) -> u64 {
        match self {
            Mapped::Exact(v) => v,
            Mapped::Between { low, .. } => low,
        }
    }

    /// The largest possible value.
    ///
    /// ```
    /// assert_eq!(danvan::Mapped::Between { low: 0, high: 7 }.high(), 7);
    /// ```
    #[must_use]
    pub const fn high(self) -> u64 {
        match self {
            Mapped::Exact(v) => v,
            Mapped::Between { high, .. } => high,
        }
    }

    /// Whether the value is known exactly.
    ///
    /// ```
    /// assert!(!danvan::Mapped::Between { low: 0, high: 7 }.is_exact());
    /// ```
    #[must_use]
    pub const fn is_exact(self) -> bool {
        matches!(self, Mapped::Exact(_))
    }

    /// The value from its bounds.
    const fn from_bounds(low: u64, high: u64) -> Mapped {
        if low == high {
            Mapped::Exact(low)
        } else {
            Mapped::Between { low, high }
        }
    }
}

/// How one entry splits a value, prepared for integer arithmetic.
///
/// The known share of target `i` is `numerators[i] / denominator` (0 for a
/// target of unknown share); `rest / denominator` is what the known shares
/// leave (to the targets of unknown share and to the unnamed remainder). The
/// numerators and `rest` add up to the denominator, a power of ten up to 10^18.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Split {
    numerators: Vec<u64>,
    rest: u64,
    denominator: u64,
}

/// One checked entry.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry {
    from: UnitCode,
    targets: Vec<(UnitCode, Weight)>,
    /// Part of the old unit went to new units the entry does not name.
    partial: bool,
    split: Split,
}

/// A crosswalk: for each old unit, the new units it went to and how much.
///
/// It carries figures across a reorganization of units such as the reform of
/// 1 July 2025, so that figures of 2022 can be compared with those of 2026:
///
/// - a **merge** sends the whole old unit to one new unit (weight 1); several
///   old units merged into one new unit add up exactly;
/// - a **split with shares** sends explicit parts (decimal shares adding up
///   to exactly 1) to several new units;
/// - a **split without shares** lists the new units only; what each gets is
///   approximate ([`Mapped::Between`]), but a unit holding all of them gets
///   the whole;
/// - **known and unknown shares** mix: shares adding up to less than 1 for
///   some targets, the rest to the targets of [`Weight::Unknown`] share;
/// - a **partial** entry says that part of the old unit went to new units it
///   does not name (the `partial` flag of the national mapping with one
///   target): no named unit is known to hold all of it (see
///   [`CrosswalkEntry`] for what each shape gives).
///
/// Each old unit has one entry, and an old unit of any level may go to new
/// units of any level: an old district without communes may go to a
/// commune-level special zone, and one crosswalk may hold the provinces and
/// the communes of a reform (as [`CrosswalkBuilder::from_reform_mapping_json`]
/// reads them). These rules are checked when it is built, so a `Crosswalk`
/// never holds two entries for one old unit or shares that do not add up;
/// [`Crosswalk::check`] compares it with the old and new hierarchies and
/// [`Crosswalk::warnings`] says what may be wrong. Crosswalks compose
/// ([`Crosswalk::then`]).
///
/// # Wire format
///
/// ```json
/// {"effective": "2025-07-01", "source": "synthetic example",
///  "entries": [
///    {"from": "10507", "to": [{"code": "10510"}]},
///    {"from": "10513", "to": [{"code": "10510", "share": "0.4"}, {"code": "10516", "share": "0.6"}]},
///    {"from": "10519", "to": [{"code": "10510"}, {"code": "10516"}]},
///    {"from": "10522", "to": [{"code": "10510", "share": "unknown"}]},
///    {"from": "10525", "to": [{"code": "10510", "share": "0.25"}, {"code": "10516", "share": "unknown"}]},
///    {"from": "10528", "to": [{"code": "10516"}], "partial": true},
///    {"from": "10531", "to": [{"code": "10510", "share": "0.5"}], "partial": true}
///  ]}
/// ```
///
/// `effective` (the first day of the new units) and `source` (where the
/// crosswalk comes from) are optional; unknown fields are rejected. A share is
/// a decimal string in `(0, 1]`, or `"unknown"`. A target without `share` is,
/// when no target of its entry has one: the whole old unit (a merge) if it is
/// the only target of an entry without `partial`, else of unknown share; when
/// other targets of its entry have one, an error. `partial` (default `false`)
/// says that part of the old unit went to units not named. Without unknown
/// shares and without `partial` the shares add up to exactly 1; otherwise the
/// known ones add up to less than 1. Entries are written sorted by old code,
/// each so that it reads back as the same entry (a lone target of unknown
/// share is written `"share": "unknown"`, never as a merge).
///
/// ```
/// use danvan::{Crosswalk, Mapped};
/// use rust_decimal::Decimal;
///
/// // Synthetic example: the codes do not describe a real reorganization.
/// let cw = Crosswalk::builder()
///     .source("synthetic example")
///     .merge("10507".parse()?, "10510".parse()?)
///     .split("10513".parse()?, &[("10510".parse()?, Decimal::new(4, 1)), ("10516".parse()?, Decimal::new(6, 1))])
///     .build()?;
/// let mapped = cw.map_counts([("10507".parse()?, 10), ("10513".parse()?, 5)])?;
/// assert_eq!(mapped, [("10510".parse()?, Mapped::Exact(12)), ("10516".parse()?, Mapped::Exact(3))]);
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "CrosswalkWire", into = "CrosswalkWire")]
pub struct Crosswalk {
    effective: Option<NaiveDate>,
    source: Option<String>,
    /// Sorted by old code.
    entries: Vec<Entry>,
    by_from: HashMap<UnitCode, usize>,
}

/// A weight as given to the builder.
#[derive(Clone, Debug, PartialEq, Eq)]
enum GivenWeight {
    Share(Decimal),
    Unknown,
    /// Text that is not a share (or a missing share among given ones).
    Invalid(String, &'static str),
}

/// An entry as given to the builder.
#[derive(Clone, Debug, PartialEq, Eq)]
struct GivenEntry {
    from: UnitCode,
    to: Vec<(UnitCode, GivenWeight)>,
    partial: bool,
}

/// Collects the entries of a [`Crosswalk`] and checks them once, in [`build`](CrosswalkBuilder::build).
///
/// Reading the wire format into a builder (with serde or
/// [`from_json`](CrosswalkBuilder::from_json)) keeps every entry, so that
/// [`problems`](CrosswalkBuilder::problems) can list them all.
///
/// ```
/// let builder = danvan::Crosswalk::builder()
///     .merge("10507".parse()?, "10510".parse()?)
///     .merge("10507".parse()?, "10516".parse()?);
/// assert_eq!(builder.problems().len(), 1);
/// assert_eq!(builder.build().unwrap_err().code(), "DV041");
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(from = "CrosswalkWire")]
pub struct CrosswalkBuilder {
    effective: Option<NaiveDate>,
    source: Option<String>,
    entries: Vec<GivenEntry>,
}

impl CrosswalkBuilder {
    /// Reads the wire format (see [`Crosswalk`]) without checking the entries.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::Json`] when the text is not JSON of that shape
    /// (including a malformed unit code or a date not written `YYYY-MM-DD`),
    /// [`ErrorKind::UnexpectedArray`] for an array where an object belongs,
    /// [`ErrorKind::ReadFailed`] when the reader fails, and the errors of the
    /// default [`Limits`](crate::Limits):
    /// [`ErrorKind::DocumentTooLarge`] past `max_bytes` (64 MiB; the reader
    /// stops one byte past it), [`ErrorKind::StringTooLong`] and
    /// [`ErrorKind::NestingTooDeep`].
    ///
    /// ```
    /// let json = r#"{"entries": [{"from": "10507", "to": [{"code": "10510"}]}]}"#;
    /// let cw = danvan::CrosswalkBuilder::from_json(json.as_bytes())?.build()?;
    /// assert_eq!(cw.len(), 1);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn from_json(reader: impl std::io::Read) -> Result<CrosswalkBuilder, Error> {
        CrosswalkBuilder::from_json_with_limits(reader, &crate::Limits::default())
    }

    /// [`from_json`](CrosswalkBuilder::from_json) within other
    /// [`Limits`](crate::Limits) than the defaults (`max_bytes`,
    /// `max_string_bytes`, `max_depth`).
    ///
    /// # Errors
    ///
    /// As [`from_json`](CrosswalkBuilder::from_json), with the given limits.
    ///
    /// ```
    /// let json = r#"{"entries": [{"from": "10507", "to": [{"code": "10510"}]}]}"#;
    /// let small = danvan::Limits::default().with_max_bytes(16);
    /// let err = danvan::CrosswalkBuilder::from_json_with_limits(json.as_bytes(), &small).unwrap_err();
    /// assert_eq!(err.code(), "DV120");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn from_json_with_limits(
        reader: impl std::io::Read,
        limits: &crate::Limits,
    ) -> Result<CrosswalkBuilder, Error> {
        crate::wire::read_json(reader, limits)
    }

    /// Sets the first day on which the new units apply.
    ///
    /// ```
    /// let day = chrono::NaiveDate::from_ymd_opt(2025, 7, 1);
    /// let mut b = danvan::Crosswalk::builder();
    /// if let Some(day) = day { b = b.effective(day); }
    /// assert_eq!(b.build()?.effective(), day);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn effective(mut self, date: NaiveDate) -> CrosswalkBuilder {
        self.effective = Some(date);
        self
    }

    /// Says where the crosswalk comes from (label synthetic ones as such).
    ///
    /// ```
    /// let cw = danvan::Crosswalk::builder().source("synthetic").build()?;
    /// assert_eq!(cw.source(), Some("synthetic"));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn source(mut self, text: impl Into<String>) -> CrosswalkBuilder {
        self.source = Some(text.into());
        self
    }

    /// Adds a merge: the whole of `old` goes to `new`.
    ///
    /// ```
    /// let cw = danvan::Crosswalk::builder().merge("10507".parse()?, "10510".parse()?).build()?;
    /// assert!(cw.targets(&"10507".parse()?).is_some());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn merge(mut self, old: UnitCode, new: UnitCode) -> CrosswalkBuilder {
        self.entries.push(GivenEntry {
            from: old,
            to: vec![(new, GivenWeight::Share(Decimal::ONE))],
            partial: false,
        });
        self
    }

    /// Adds a split with explicit shares, which must add up to exactly 1.
    ///
    /// ```
    /// use rust_decimal::Decimal;
    ///
    /// let cw = danvan::Crosswalk::builder()
    ///     .split("10513".parse()?, &[("10510".parse()?, Decimal::new(4, 1)), ("10516".parse()?, Decimal::new(6, 1))])
    ///     .build()?;
    /// assert_eq!(cw.targets(&"10513".parse()?).map(|t| t.len()), Some(2));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn split(mut self, old: UnitCode, targets: &[(UnitCode, Decimal)]) -> CrosswalkBuilder {
        self.entries.push(GivenEntry {
            from: old,
            to: targets
                .iter()
                .map(|&(code, share)| (code, GivenWeight::Share(share)))
                .collect(),
            partial: false,
        });
        self
    }

    /// Adds a split whose shares are not known: what it carries is approximate.
    ///
    /// ```
    /// let cw = danvan::Crosswalk::builder()
    ///     .split_unknown("10513".parse()?, &["10510".parse()?, "10516".parse()?])
    ///     .build()?;
    /// let targets = cw.targets(&"10513".parse()?).unwrap_or_default();
    /// assert!(targets.iter().all(|(_, w)| *w == danvan::Weight::Unknown));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn split_unknown(mut self, old: UnitCode, targets: &[UnitCode]) -> CrosswalkBuilder {
        self.entries.push(GivenEntry {
            from: old,
            to: targets
                .iter()
                .map(|&code| (code, GivenWeight::Unknown))
                .collect(),
            partial: false,
        });
        self
    }

    /// Adds an entry of any shape whose targets together cover the whole old
    /// unit: known shares and targets of unknown share ([`Weight::Unknown`])
    /// may be mixed. With no target of unknown share the shares must add up
    /// to exactly 1; with some, the known shares must add up to less than 1,
    /// and the targets of unknown share together get what they leave.
    ///
    /// ```
    /// use danvan::Weight;
    /// use rust_decimal::Decimal;
    ///
    /// // Synthetic: 0.25 of 10513 is known to have gone to 10510; the rest
    /// // went to 10516 and 10519 in unknown parts.
    /// let cw = danvan::Crosswalk::builder()
    ///     .entry("10513".parse()?, &[
    ///         ("10510".parse()?, Weight::Exact(Decimal::new(25, 2))),
    ///         ("10516".parse()?, Weight::Unknown),
    ///         ("10519".parse()?, Weight::Unknown),
    ///     ])
    ///     .build()?;
    /// let entry = cw.entry(&"10513".parse()?).ok_or(danvan::ErrorKind::NoSubjects)?;
    /// assert!(entry.covers_whole());
    /// assert_eq!(entry.known_share(), Decimal::new(25, 2));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn entry(self, old: UnitCode, targets: &[(UnitCode, Weight)]) -> CrosswalkBuilder {
        self.push_weighted(old, targets, false)
    }

    /// Adds an entry of which part went to new units it does not name (the
    /// `partial` flag of the national mapping). No named target is known to
    /// hold all of the old unit, so a target of unknown share gets only
    /// bounds `[0, v]`; the known shares must add up to less than 1.
    ///
    /// ```
    /// use danvan::Weight;
    ///
    /// // Synthetic: part of 10513 went to 10510, the rest to a unit not named.
    /// let cw = danvan::Crosswalk::builder()
    ///     .partial("10513".parse()?, &[("10510".parse()?, Weight::Unknown)])
    ///     .build()?;
    /// let entry = cw.entry(&"10513".parse()?).ok_or(danvan::ErrorKind::NoSubjects)?;
    /// assert!(entry.has_unnamed_remainder());
    /// assert!(!entry.covers_whole());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn partial(self, old: UnitCode, targets: &[(UnitCode, Weight)]) -> CrosswalkBuilder {
        self.push_weighted(old, targets, true)
    }

    /// Adds an entry with weights as given.
    fn push_weighted(
        mut self,
        old: UnitCode,
        targets: &[(UnitCode, Weight)],
        partial: bool,
    ) -> CrosswalkBuilder {
        self.entries.push(GivenEntry {
            from: old,
            to: targets
                .iter()
                .map(|&(code, w)| {
                    let given = match w {
                        Weight::Exact(s) => GivenWeight::Share(s),
                        Weight::Unknown => GivenWeight::Unknown,
                    };
                    (code, given)
                })
                .collect(),
            partial,
        });
        self
    }

    /// Lists every problem of the entries, each with the entry's position (in the order added).
    ///
    /// The problems: an old unit given again
    /// ([`ErrorKind::CrosswalkDuplicateSource`]), an entry without target
    /// ([`ErrorKind::CrosswalkNoTarget`]), a target given twice in one entry
    /// ([`ErrorKind::CrosswalkDuplicateTarget`]), a share that is not a decimal
    /// in `(0, 1]` with at most 18 decimal places, or missing while others of
    /// its entry are given ([`ErrorKind::CrosswalkInvalidShare`]), shares that
    /// do not add up to exactly 1 in an entry without target of unknown share
    /// or unnamed remainder ([`ErrorKind::CrosswalkSharesSum`]), known shares
    /// that add up to 1 or more in an entry with one
    /// ([`ErrorKind::CrosswalkSharesLeaveNothing`]). A target may be of any
    /// level (since issue 14 [`ErrorKind::CrosswalkLevelMismatch`] is not
    /// produced).
    ///
    /// ```
    /// use rust_decimal::Decimal;
    ///
    /// let b = danvan::Crosswalk::builder()
    ///     .split("10513".parse()?, &[("10510".parse()?, Decimal::new(4, 1)), ("10516".parse()?, Decimal::new(5, 1))]);
    /// let problems = b.problems();
    /// assert_eq!(problems.len(), 1);
    /// assert_eq!(problems[0].1.to_string(), "shares of old unit \"10513\" sum to 0.9: expected 1");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn problems(&self) -> Vec<(usize, Error)> {
        let mut out = Vec::new();
        let mut first: HashMap<UnitCode, usize> = HashMap::with_capacity(self.entries.len());
        for (i, entry) in self.entries.iter().enumerate() {
            if let MapEntry::Occupied(e) = first.entry(entry.from) {
                out.push((
                    i,
                    ErrorKind::CrosswalkDuplicateSource {
                        code: entry.from.to_string(),
                        first: *e.get(),
                    }
                    .into(),
                ));
            } else {
                first.insert(entry.from, i);
            }
            if let Err(errors) = check_entry(entry) {
                out.extend(errors.into_iter().map(|e| (i, e)));
            }
        }
        out
    }

    /// Checks the entries and builds the crosswalk.
    ///
    /// # Errors
    ///
    /// Returns the first problem that [`problems`](CrosswalkBuilder::problems) finds.
    ///
    /// ```
    /// let err = danvan::Crosswalk::builder().split_unknown("10513".parse()?, &[]).build().unwrap_err();
    /// assert_eq!(err.to_string(), "crosswalk entry of \"10513\" has no target: expected at least one");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn build(self) -> Result<Crosswalk, Error> {
        let mut entries = Vec::with_capacity(self.entries.len());
        let mut seen: HashMap<UnitCode, usize> = HashMap::with_capacity(self.entries.len());
        for (i, given) in self.entries.iter().enumerate() {
            if let Some(&first) = seen.get(&given.from) {
                return Err(ErrorKind::CrosswalkDuplicateSource {
                    code: given.from.to_string(),
                    first,
                }
                .into());
            }
            seen.insert(given.from, i);
            match check_entry(given) {
                Ok(entry) => entries.push(entry),
                Err(errors) => {
                    if let Some(e) = errors.into_iter().next() {
                        return Err(e);
                    }
                }
            }
        }
        entries.sort_by_key(|e| e.from);
        let by_from = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.from, i))
            .collect();
        Ok(Crosswalk {
            effective: self.effective,
            source: self.source,
            entries,
            by_from,
        })
    }
}

/// Checks one entry on its own; gives the prepared entry or every problem.
///
/// A target may be of any level: an old district without communes may go to
/// a new commune-level unit (the island districts that became special zones).
fn check_entry(given: &GivenEntry) -> Result<Entry, Vec<Error>> {
    let from = given.from;
    let mut errors: Vec<Error> = Vec::new();
    if given.to.is_empty() {
        errors.push(
            ErrorKind::CrosswalkNoTarget {
                from: from.to_string(),
            }
            .into(),
        );
    }
    let mut seen: HashSet<UnitCode> = HashSet::with_capacity(given.to.len());
    let mut shares: Vec<Decimal> = Vec::new();
    let mut unknown = 0usize;
    let mut shares_ok = true;
    for (to, weight) in &given.to {
        if !seen.insert(*to) {
            errors.push(
                ErrorKind::CrosswalkDuplicateTarget {
                    from: from.to_string(),
                    to: to.to_string(),
                }
                .into(),
            );
        }
        let invalid = |share: String, expected: &'static str| -> Error {
            ErrorKind::CrosswalkInvalidShare {
                from: from.to_string(),
                to: to.to_string(),
                share: share.into(),
                expected,
            }
            .into()
        };
        match weight {
            GivenWeight::Unknown => unknown += 1,
            GivenWeight::Invalid(text, expected) => {
                shares_ok = false;
                errors.push(invalid(text.clone(), expected));
            }
            GivenWeight::Share(share) => {
                if *share <= Decimal::ZERO
                    || *share > Decimal::ONE
                    || share.normalize().scale() > MAX_SHARE_SCALE
                {
                    shares_ok = false;
                    errors.push(invalid(share.to_string(), EXPECTED_SHARE));
                } else {
                    shares.push(share.normalize());
                }
            }
        }
    }
    let mut split = None;
    if shares_ok && !given.to.is_empty() {
        let sum = shares
            .iter()
            .fold(Decimal::ZERO, |acc, s| acc.saturating_add(*s));
        let leaves_some = unknown > 0 || given.partial;
        if !leaves_some && sum != Decimal::ONE {
            errors.push(
                ErrorKind::CrosswalkSharesSum {
                    from: from.to_string(),
                    sum: sum.normalize().to_string(),
                }
                .into(),
            );
        } else if leaves_some && sum >= Decimal::ONE {
            errors.push(
                ErrorKind::CrosswalkSharesLeaveNothing {
                    from: from.to_string(),
                    sum: sum.normalize().to_string(),
                }
                .into(),
            );
        } else {
            split = scaled(&given.to);
        }
    }
    match split {
        Some(split) if errors.is_empty() => Ok(Entry {
            from,
            targets: given
                .to
                .iter()
                .map(|(code, w)| match w {
                    GivenWeight::Share(s) => (*code, Weight::Exact(s.normalize())),
                    GivenWeight::Unknown | GivenWeight::Invalid(..) => (*code, Weight::Unknown),
                })
                .collect(),
            partial: given.partial,
            split,
        }),
        _ => Err(errors),
    }
}

/// The known shares (each in `(0, 1]`, at most 18 places, adding up to at
/// most 1) as integer numerators over a common power of ten, 0 for a target of
/// unknown share, and what they leave.
fn scaled(targets: &[(UnitCode, GivenWeight)]) -> Option<Split> {
    let share = |w: &GivenWeight| match w {
        GivenWeight::Share(s) => Some(s.normalize()),
        _ => None,
    };
    let scale = targets
        .iter()
        .filter_map(|(_, w)| share(w).map(|s| s.scale()))
        .max()
        .unwrap_or(0);
    let denominator = 10u64.checked_pow(scale)?;
    let numerators = targets
        .iter()
        .map(|(_, w)| match share(w) {
            Some(s) => {
                let factor = 10i128.checked_pow(scale.checked_sub(s.scale())?)?;
                u64::try_from(s.mantissa().checked_mul(factor)?).ok()
            }
            None => Some(0),
        })
        .collect::<Option<Vec<u64>>>()?;
    let known = numerators
        .iter()
        .try_fold(0u64, |acc, &n| acc.checked_add(n))?;
    let rest = denominator.checked_sub(known)?;
    Some(Split {
        numerators,
        rest,
        denominator,
    })
}

/// Splits `value` by `numerators / denominator` with the largest remainder
/// method, so that the parts add up to `value` exactly.
///
/// Each part first gets the whole part of its quota; the units left over go,
/// one each, to the parts with the largest remainders, ties to the part
/// listed first.
fn largest_remainder(value: u64, numerators: &[u64], denominator: u64) -> Option<Vec<u64>> {
    let v = u128::from(value);
    let d = u128::from(denominator);
    let mut parts: Vec<(u128, u128)> = Vec::with_capacity(numerators.len());
    for &m in numerators {
        let quota = v.checked_mul(u128::from(m))?;
        parts.push((quota.checked_div(d)?, quota.checked_rem(d)?));
    }
    let given: u128 = parts.iter().map(|(whole, _)| whole).sum();
    let mut left = v.checked_sub(given)?;
    let mut by_remainder: Vec<usize> = (0..parts.len()).collect();
    by_remainder.sort_by(|&a, &b| {
        let ra = parts.get(a).map(|p| p.1);
        let rb = parts.get(b).map(|p| p.1);
        rb.cmp(&ra).then(a.cmp(&b))
    });
    for i in by_remainder {
        if left == 0 {
            break;
        }
        if let Some(part) = parts.get_mut(i) {
            part.0 = part.0.checked_add(1)?;
            left -= 1;
        }
    }
    if left != 0 {
        return None;
    }
    parts
        .into_iter()
        .map(|(whole, _)| u64::try_from(whole).ok())
        .collect()
}

impl Crosswalk {
    /// Starts an empty builder.
    ///
    /// ```
    /// let cw = danvan::Crosswalk::builder().build()?;
    /// assert!(cw.is_empty());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn builder() -> CrosswalkBuilder {
        CrosswalkBuilder::default()
    }

    /// Reads and checks a crosswalk in the wire format.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::Json`] when the text is not JSON of that shape,
    /// or the first problem [`CrosswalkBuilder::problems`] finds.
    ///
    /// ```
    /// let json = r#"{"effective": "2025-07-01", "source": "synthetic",
    ///   "entries": [{"from": "10513", "to": [{"code": "10510", "share": "0.4"}, {"code": "10516", "share": "0.6"}]}]}"#;
    /// let cw = danvan::Crosswalk::from_json(json.as_bytes())?;
    /// assert_eq!(cw.targets(&"10513".parse()?).map(|t| t.len()), Some(2));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn from_json(reader: impl std::io::Read) -> Result<Crosswalk, Error> {
        CrosswalkBuilder::from_json(reader)?.build()
    }

    /// The first day on which the new units apply, if given.
    ///
    /// ```
    /// assert_eq!(danvan::Crosswalk::builder().build()?.effective(), None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn effective(&self) -> Option<NaiveDate> {
        self.effective
    }

    /// Where the crosswalk comes from, if given.
    ///
    /// ```
    /// assert_eq!(danvan::Crosswalk::builder().build()?.source(), None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }

    /// The number of old units mapped.
    ///
    /// ```
    /// assert_eq!(danvan::Crosswalk::builder().build()?.len(), 0);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no old unit is mapped.
    ///
    /// ```
    /// assert!(danvan::Crosswalk::builder().build()?.is_empty());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The new units an old unit went to, with their weights, in the order given.
    ///
    /// ```
    /// let cw = danvan::Crosswalk::builder().merge("10507".parse()?, "10510".parse()?).build()?;
    /// assert!(cw.targets(&"10507".parse()?).is_some());
    /// assert!(cw.targets(&"10510".parse()?).is_none());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn targets(&self, old: &UnitCode) -> Option<&[(UnitCode, Weight)]> {
        let i = *self.by_from.get(old)?;
        self.entries.get(i).map(|e| e.targets.as_slice())
    }

    /// Every entry, by old code.
    ///
    /// ```
    /// let cw = danvan::Crosswalk::builder().merge("10507".parse()?, "10510".parse()?).build()?;
    /// assert_eq!(cw.iter().count(), 1);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = (UnitCode, &[(UnitCode, Weight)])> + '_ {
        self.entries.iter().map(|e| (e.from, e.targets.as_slice()))
    }

    /// The entry of an old unit: its targets, weights and whether a remainder
    /// went to units not named.
    ///
    /// ```
    /// let cw = danvan::Crosswalk::builder().merge("10507".parse()?, "10510".parse()?).build()?;
    /// assert_eq!(cw.entry(&"10507".parse()?).map(|e| e.covers_whole()), Some(true));
    /// assert!(cw.entry(&"10510".parse()?).is_none());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn entry(&self, old: &UnitCode) -> Option<CrosswalkEntry<'_>> {
        let i = *self.by_from.get(old)?;
        self.entries.get(i).map(|entry| CrosswalkEntry { entry })
    }

    /// Every entry, by old code.
    ///
    /// ```
    /// let cw = danvan::Crosswalk::builder().merge("10507".parse()?, "10510".parse()?).build()?;
    /// assert_eq!(cw.entries().count(), 1);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn entries(&self) -> impl Iterator<Item = CrosswalkEntry<'_>> + '_ {
        self.entries.iter().map(|entry| CrosswalkEntry { entry })
    }

    /// Compares the crosswalk with the old and new hierarchies at one level.
    ///
    /// Reports, in this order: every old unit of that level without entry
    /// ([`ErrorKind::CrosswalkUnmapped`], in the old hierarchy's index order);
    /// for each entry of that level (by old code), an old unit missing from the
    /// old hierarchy ([`ErrorKind::CrosswalkUnknownSource`]) and each target
    /// missing from the new one ([`ErrorKind::CrosswalkUnknownTarget`]).
    /// Entries of other levels are not looked at. An old unit mapped twice or
    /// shares that do not add up to 1 cannot occur in a built crosswalk (see
    /// [`CrosswalkBuilder::problems`]). A target may be of any level. New
    /// units that no old unit reaches and other things that need not be wrong
    /// are [`warnings`](Crosswalk::warnings).
    ///
    /// ```
    /// use danvan::{Crosswalk, Hierarchy, Level, Unit};
    ///
    /// // Synthetic units.
    /// let old = Hierarchy::new(vec![
    ///     Unit::new("90".parse()?, "Old province"),
    ///     Unit::new("90001".parse()?, "Old commune A").with_parent(Some("90".parse()?)),
    ///     Unit::new("90002".parse()?, "Old commune B").with_parent(Some("90".parse()?)),
    /// ])?;
    /// let new = Hierarchy::new(vec![
    ///     Unit::new("90".parse()?, "New province"),
    ///     Unit::new("90001".parse()?, "New commune").with_parent(Some("90".parse()?)),
    /// ])?;
    /// let cw = Crosswalk::builder().merge("90001".parse()?, "90001".parse()?).build()?;
    /// let problems = cw.check(&old, &new, Level::Commune);
    /// assert_eq!(problems.len(), 1);
    /// assert_eq!(problems[0].to_string(), "old unit \"90002\" has no crosswalk entry");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn check(&self, old: &Hierarchy, new: &Hierarchy, level: Level) -> Vec<Error> {
        let mut out: Vec<Error> = old
            .iter()
            .filter(|(_, u)| u.level() == level && !self.by_from.contains_key(&u.code()))
            .map(|(_, u)| {
                ErrorKind::CrosswalkUnmapped {
                    code: u.code().to_string(),
                }
                .into()
            })
            .collect();
        for entry in self.entries.iter().filter(|e| e.from.level() == level) {
            if old.index_of(&entry.from).is_none() {
                out.push(
                    ErrorKind::CrosswalkUnknownSource {
                        code: entry.from.to_string(),
                        level: level.as_str(),
                    }
                    .into(),
                );
            }
            for (to, _) in &entry.targets {
                if new.index_of(to).is_none() {
                    out.push(
                        ErrorKind::CrosswalkUnknownTarget {
                            from: entry.from.to_string(),
                            to: to.to_string(),
                        }
                        .into(),
                    );
                }
            }
        }
        out
    }

    /// What may be wrong but need not be, each a [`Severity::Warning`](crate::Severity::Warning)
    /// kind of the error table, apart from the errors of [`check`](Crosswalk::check).
    ///
    /// In this order:
    /// - [`ErrorKind::CrosswalkLeftUnmapped`] (DV140) for each old unit of
    ///   `old` that nothing carries: neither it, a unit above it, nor every
    ///   unit below it has an entry. Only the lowest such units are named (an
    ///   unmapped commune, not also its district), in `old`'s index order; an
    ///   old district without communes and without entry is named;
    /// - [`ErrorKind::CrosswalkReceivesNothing`] (DV141) for each new unit of
    ///   `new` that no entry reaches: neither it, a unit above it, nor a unit
    ///   below it is a target. Only the highest such units are named (a new
    ///   province without any predecessor, not also its communes), in `new`'s
    ///   index order;
    /// - [`ErrorKind::CrosswalkUnnamedRemainder`] (DV139) for each entry part
    ///   of whose old unit went to new units it does not name, by old code.
    ///
    /// ```
    /// use danvan::{Crosswalk, Hierarchy, Severity, Unit, Weight};
    ///
    /// // Synthetic units.
    /// let old = Hierarchy::new(vec![
    ///     Unit::new("90".parse()?, "Old province"),
    ///     Unit::new("90001".parse()?, "Old commune A").with_parent(Some("90".parse()?)),
    ///     Unit::new("90002".parse()?, "Old commune B").with_parent(Some("90".parse()?)),
    /// ])?;
    /// let new = Hierarchy::new(vec![
    ///     Unit::new("90".parse()?, "New province"),
    ///     Unit::new("90010".parse()?, "New commune").with_parent(Some("90".parse()?)),
    ///     Unit::new("90020".parse()?, "New special zone").with_parent(Some("90".parse()?)),
    /// ])?;
    /// let cw = Crosswalk::builder()
    ///     .partial("90001".parse()?, &[("90010".parse()?, Weight::Unknown)])
    ///     .build()?;
    /// let warnings = cw.warnings(&old, &new);
    /// let codes: Vec<&str> = warnings.iter().map(|w| w.code().as_str()).collect();
    /// assert_eq!(codes, ["DV140", "DV141", "DV139"]);
    /// assert!(warnings.iter().all(|w| w.kind().default_severity() == Severity::Warning));
    /// assert_eq!(warnings[0].to_string(), "old unit \"90002\" is left unmapped: neither it, a unit above it, nor every unit below it has a crosswalk entry");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn warnings(&self, old: &Hierarchy, new: &Hierarchy) -> Vec<Error> {
        let mut out: Vec<Error> = Vec::new();
        // Old units: carried by an entry of their own or above them...
        let mut carried = vec![false; old.len()];
        for idx in old.top_down() {
            let own = old.code(idx).is_some_and(|c| self.by_from.contains_key(&c));
            let above = old
                .parent(idx)
                .and_then(|p| carried.get(p.get()).copied())
                .unwrap_or(false);
            if let Some(slot) = carried.get_mut(idx.get()) {
                *slot = own || above;
            }
        }
        // ...or by every unit below them.
        let mut covered = carried.clone();
        for idx in old.bottom_up() {
            let mut children = old.children(idx).peekable();
            if children.peek().is_some() {
                let all = children.all(|c| covered.get(c.get()).copied().unwrap_or(false));
                if let Some(slot) = covered.get_mut(idx.get()) {
                    *slot = *slot || all;
                }
            }
        }
        for idx in old.top_down() {
            let uncovered = !covered.get(idx.get()).copied().unwrap_or(true);
            if uncovered && old.children(idx).next().is_none() {
                if let Some(code) = old.code(idx) {
                    out.push(
                        ErrorKind::CrosswalkLeftUnmapped {
                            code: code.to_string(),
                        }
                        .into(),
                    );
                }
            }
        }
        // New units: a target, a unit above one or a unit below one.
        let targets: HashSet<UnitCode> = self
            .entries
            .iter()
            .flat_map(|e| e.targets.iter().map(|(to, _)| *to))
            .collect();
        let is_target = |idx| new.code(idx).is_some_and(|c| targets.contains(&c));
        let mut below = vec![false; new.len()];
        for idx in new.bottom_up() {
            let here = is_target(idx)
                || new
                    .children(idx)
                    .any(|c| below.get(c.get()).copied().unwrap_or(false));
            if let Some(slot) = below.get_mut(idx.get()) {
                *slot = here;
            }
        }
        let mut above = vec![false; new.len()];
        for idx in new.top_down() {
            let parent = new.parent(idx);
            let from_above = parent
                .and_then(|p| above.get(p.get()).copied())
                .unwrap_or(false);
            if let Some(slot) = above.get_mut(idx.get()) {
                *slot = from_above || is_target(idx);
            }
            let reached = below.get(idx.get()).copied().unwrap_or(true) || from_above;
            let parent_reached =
                parent.map_or(true, |p| below.get(p.get()).copied().unwrap_or(true));
            if !reached && parent_reached {
                if let Some(code) = new.code(idx) {
                    out.push(
                        ErrorKind::CrosswalkReceivesNothing {
                            code: code.to_string(),
                        }
                        .into(),
                    );
                }
            }
        }
        for entry in self.entries.iter().filter(|e| e.partial) {
            out.push(
                ErrorKind::CrosswalkUnnamedRemainder {
                    from: entry.from.to_string(),
                }
                .into(),
            );
        }
        out
    }

    /// Carries counts of old units over to the new units.
    ///
    /// Counts given for the same old unit add up. Each old count goes to its
    /// targets: whole for a merge; for a split with shares, in whole parts by
    /// the largest remainder method (each target gets the whole part of
    /// `count × share`, then the units left over go one each to the targets
    /// with the largest fractional parts, ties to the target listed first),
    /// so the parts add up exactly to the count; for a split without shares,
    /// as the interval `[0, count]` to each target (exactly `count` to a lone
    /// target of an entry without unnamed remainder). Known and unknown shares
    /// mixed, and partial entries, are split as [`CrosswalkEntry::parts`]
    /// says; what went to units not named is in no row. The result has one
    /// row per target reached, sorted by code. Merges and splits with shares
    /// therefore keep the total exactly.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::CrosswalkUnmapped`] for an old code without entry
    /// (nothing is dropped silently), or [`ErrorKind::Overflow`] when a total
    /// exceeds `u64::MAX`.
    ///
    /// ```
    /// use danvan::{Crosswalk, Mapped};
    ///
    /// // Synthetic: a commune of 7 split without known shares.
    /// let cw = Crosswalk::builder()
    ///     .split_unknown("10513".parse()?, &["10510".parse()?, "10516".parse()?])
    ///     .build()?;
    /// let mapped = cw.map_counts([("10513".parse()?, 7)])?;
    /// assert_eq!(mapped[0].1, Mapped::Between { low: 0, high: 7 });
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn map_counts(
        &self,
        values: impl IntoIterator<Item = (UnitCode, u64)>,
    ) -> Result<Vec<(UnitCode, Mapped)>, Error> {
        let overflow = |code: &UnitCode| -> Error {
            ErrorKind::Overflow {
                what: format!("count mapped to unit {code}"),
            }
            .into()
        };
        // Sum the inputs per old unit first, so each split is rounded once.
        let mut inputs: BTreeMap<UnitCode, u64> = BTreeMap::new();
        for (code, value) in values {
            if !self.by_from.contains_key(&code) {
                return Err(ErrorKind::CrosswalkUnmapped {
                    code: code.to_string(),
                }
                .into());
            }
            let slot = inputs.entry(code).or_insert(0);
            *slot = slot.checked_add(value).ok_or_else(|| ErrorKind::Overflow {
                what: format!("count of old unit {code}"),
            })?;
        }
        let mut out: BTreeMap<UnitCode, (u64, u64)> = BTreeMap::new();
        for (code, value) in inputs {
            let Some(entry) = self.by_from.get(&code).and_then(|&i| self.entries.get(i)) else {
                continue;
            };
            let parts = entry.parts(value).ok_or_else(|| overflow(&code))?;
            for (to, m) in parts.targets {
                let (low, high) = out.entry(to).or_insert((0, 0));
                *low = low.checked_add(m.low()).ok_or_else(|| overflow(&to))?;
                *high = high.checked_add(m.high()).ok_or_else(|| overflow(&to))?;
            }
        }
        Ok(out
            .into_iter()
            .map(|(code, (low, high))| (code, Mapped::from_bounds(low, high)))
            .collect())
    }
}

impl Entry {
    /// Splits `value` over the targets (see [`CrosswalkEntry::parts`]);
    /// `None` only if the arithmetic cannot be done in 128 bits.
    fn parts(&self, value: u64) -> Option<Parts> {
        let mut numerators = self.split.numerators.clone();
        numerators.push(self.split.rest);
        let mut whole = largest_remainder(value, &numerators, self.split.denominator)?;
        let rest = whole.pop()?;
        let unknown = self
            .targets
            .iter()
            .filter(|(_, w)| *w == Weight::Unknown)
            .count();
        let targets = self
            .targets
            .iter()
            .zip(whole)
            .map(|(&(code, w), part)| {
                let m = match w {
                    Weight::Unknown if unknown == 1 && !self.partial => Mapped::Exact(rest),
                    Weight::Unknown => Mapped::from_bounds(0, rest),
                    Weight::Exact(_) => Mapped::Exact(part),
                };
                (code, m)
            })
            .collect();
        let unnamed = if !self.partial {
            None
        } else if unknown == 0 {
            Some(Mapped::Exact(rest))
        } else {
            Some(Mapped::from_bounds(0, rest))
        };
        Some(Parts { targets, unnamed })
    }
}

/// One entry of a [`Crosswalk`]: an old unit, the new units it went to and
/// what is known of the parts.
///
/// The shapes, and what an old value `v` gives (see [`parts`](CrosswalkEntry::parts)):
///
/// | shape | targets | remainder | each named target gets |
/// |---|---|---|---|
/// | merge | one, share 1 | none | exactly `v` |
/// | split with shares | several, shares adding up to 1 | none | exactly its part |
/// | split without shares | several, [`Weight::Unknown`] | none | `[0, v]` |
/// | known and unknown shares | shares adding up to `s < 1`, some unknown | none | its part, or `[0, (1 − s)·v]` |
/// | partial | any, known shares adding up to `s < 1` | unnamed | its part, or `[0, (1 − s)·v]` |
///
/// Whenever the named targets [cover the whole](CrosswalkEntry::covers_whole)
/// old unit, any unit containing all of them gets exactly `v`; with an
/// [unnamed remainder](CrosswalkEntry::has_unnamed_remainder) only the
/// whole country is known to (or a unit known to contain the old unit), and
/// [`Totals::rekey`](crate::Totals::rekey) gives each unit the remainder may
/// reach up to all of it.
///
/// ```
/// use danvan::{Crosswalk, Mapped, Weight};
///
/// // Synthetic: part of 10513 went to 10510, the rest to a unit not named.
/// let cw = Crosswalk::builder()
///     .partial("10513".parse()?, &[("10510".parse()?, Weight::Unknown)])
///     .build()?;
/// let entry = cw.entry(&"10513".parse()?).ok_or(danvan::ErrorKind::NoSubjects)?;
/// let parts = entry.parts(7)?;
/// assert_eq!(parts.targets(), [("10510".parse()?, Mapped::Between { low: 0, high: 7 })]);
/// assert_eq!(parts.unnamed(), Some(Mapped::Between { low: 0, high: 7 }));
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CrosswalkEntry<'a> {
    entry: &'a Entry,
}

impl<'a> CrosswalkEntry<'a> {
    /// The old unit.
    ///
    /// ```
    /// let cw = danvan::Crosswalk::builder().merge("10507".parse()?, "10510".parse()?).build()?;
    /// assert_eq!(cw.entries().next().map(|e| e.from()), Some("10507".parse()?));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn from(&self) -> UnitCode {
        self.entry.from
    }

    /// The new units it went to, with their weights, in the order given.
    ///
    /// ```
    /// let cw = danvan::Crosswalk::builder().merge("10507".parse()?, "10510".parse()?).build()?;
    /// assert_eq!(cw.entries().next().map(|e| e.targets().len()), Some(1));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn targets(&self) -> &'a [(UnitCode, Weight)] {
        &self.entry.targets
    }

    /// Whether part of the old unit went to new units the entry does not name
    /// (`partial` in the national mapping).
    ///
    /// ```
    /// let cw = danvan::Crosswalk::builder().merge("10507".parse()?, "10510".parse()?).build()?;
    /// assert_eq!(cw.entries().next().map(|e| e.has_unnamed_remainder()), Some(false));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn has_unnamed_remainder(&self) -> bool {
        self.entry.partial
    }

    /// Whether the named targets together hold the whole old unit (no
    /// unnamed remainder), so that a unit containing them all gets exactly
    /// the old value.
    ///
    /// ```
    /// let cw = danvan::Crosswalk::builder()
    ///     .split_unknown("10513".parse()?, &["10510".parse()?, "10516".parse()?])
    ///     .build()?;
    /// assert_eq!(cw.entries().next().map(|e| e.covers_whole()), Some(true));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn covers_whole(&self) -> bool {
        !self.entry.partial
    }

    /// Whether every target's part is known exactly: the named targets
    /// cover the whole old unit and at most one of them has an unknown share
    /// (it gets what the others leave).
    ///
    /// ```
    /// let cw = danvan::Crosswalk::builder()
    ///     .split_unknown("10513".parse()?, &["10510".parse()?, "10516".parse()?])
    ///     .build()?;
    /// assert_eq!(cw.entries().next().map(|e| e.is_exact()), Some(false));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn is_exact(&self) -> bool {
        let unknown = self
            .entry
            .targets
            .iter()
            .filter(|(_, w)| *w == Weight::Unknown)
            .count();
        !self.entry.partial && unknown <= 1
    }

    /// The sum of the known shares (1 for a merge or a split with shares,
    /// less than 1 when some share is unknown or a remainder is unnamed).
    ///
    /// ```
    /// let cw = danvan::Crosswalk::builder()
    ///     .split_unknown("10513".parse()?, &["10510".parse()?, "10516".parse()?])
    ///     .build()?;
    /// assert_eq!(cw.entries().next().map(|e| e.known_share()), Some(rust_decimal::Decimal::ZERO));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn known_share(&self) -> Decimal {
        self.entry
            .targets
            .iter()
            .filter_map(|(_, w)| match w {
                Weight::Exact(s) => Some(*s),
                Weight::Unknown => None,
            })
            .fold(Decimal::ZERO, |acc, s| acc.saturating_add(s))
    }

    /// Splits an old value `v` over the targets.
    ///
    /// The known shares and what they leave are rounded together by the
    /// largest remainder method (as [`Crosswalk::map_counts`] describes), so a
    /// target of known share gets an exact whole part and the parts add up
    /// to `v`. What the known shares leave, `r`: a lone target of unknown
    /// share in an entry without unnamed remainder gets exactly `r`; several
    /// targets of unknown share, or one beside an unnamed remainder, each get
    /// `[0, r]`. [`Parts::unnamed`] is what went to units not named: exactly
    /// `r` when every named share is known, else `[0, r]`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Overflow`] if the arithmetic does not fit (it always
    /// fits for shares of at most 18 places).
    ///
    /// ```
    /// use danvan::{Crosswalk, Mapped, Weight};
    /// use rust_decimal::Decimal;
    ///
    /// // Synthetic: 0.4 known to 10510, the rest unknown between 10516 and 10519.
    /// let cw = Crosswalk::builder()
    ///     .entry("10513".parse()?, &[
    ///         ("10510".parse()?, Weight::Exact(Decimal::new(4, 1))),
    ///         ("10516".parse()?, Weight::Unknown),
    ///         ("10519".parse()?, Weight::Unknown),
    ///     ])
    ///     .build()?;
    /// let parts = cw.entries().next().ok_or(danvan::ErrorKind::NoSubjects)?.parts(10)?;
    /// assert_eq!(parts.targets()[0].1, Mapped::Exact(4));
    /// assert_eq!(parts.targets()[1].1, Mapped::Between { low: 0, high: 6 });
    /// assert_eq!(parts.unnamed(), None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn parts(&self, value: u64) -> Result<Parts, Error> {
        self.entry.parts(value).ok_or_else(|| {
            ErrorKind::Overflow {
                what: format!(
                    "count of old unit {} split over its targets",
                    self.entry.from
                ),
            }
            .into()
        })
    }
}

/// What each target of a [`CrosswalkEntry`] gets of one old value, and what
/// went to units not named.
///
/// ```
/// let cw = danvan::Crosswalk::builder().merge("10507".parse()?, "10510".parse()?).build()?;
/// let parts = cw.entries().next().ok_or(danvan::ErrorKind::NoSubjects)?.parts(5)?;
/// assert_eq!(parts.targets(), [("10510".parse()?, danvan::Mapped::Exact(5))]);
/// assert_eq!(parts.unnamed(), None);
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parts {
    targets: Vec<(UnitCode, Mapped)>,
    unnamed: Option<Mapped>,
}

impl Parts {
    /// Each named target with what it gets, in the entry's order.
    ///
    /// ```
    /// let cw = danvan::Crosswalk::builder().merge("10507".parse()?, "10510".parse()?).build()?;
    /// let parts = cw.entries().next().ok_or(danvan::ErrorKind::NoSubjects)?.parts(5)?;
    /// assert_eq!(parts.targets().len(), 1);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn targets(&self) -> &[(UnitCode, Mapped)] {
        &self.targets
    }

    /// What went to new units the entry does not name; `None` when the named
    /// targets cover the whole old unit.
    ///
    /// ```
    /// let cw = danvan::Crosswalk::builder().merge("10507".parse()?, "10510".parse()?).build()?;
    /// let parts = cw.entries().next().ok_or(danvan::ErrorKind::NoSubjects)?.parts(5)?;
    /// assert!(parts.unnamed().is_none());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn unnamed(&self) -> Option<Mapped> {
        self.unnamed
    }
}

impl TryFrom<CrosswalkWire> for Crosswalk {
    type Error = Error;

    fn try_from(wire: CrosswalkWire) -> Result<Crosswalk, Error> {
        CrosswalkBuilder::from(wire).build()
    }
}

/// The wire shape of a crosswalk.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
struct CrosswalkWire {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::period::date_serde::option"
    )]
    effective: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    entries: Vec<EntryWire>,
}

crate::wire::objects_only!(CrosswalkWire);

/// The wire shape of one entry.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
struct EntryWire {
    from: UnitCode,
    to: Vec<TargetWire>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    partial: bool,
}

crate::wire::objects_only!(EntryWire);

/// The wire shape of one target.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
struct TargetWire {
    code: UnitCode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    share: Option<String>,
}

crate::wire::objects_only!(TargetWire);

impl From<CrosswalkWire> for CrosswalkBuilder {
    fn from(wire: CrosswalkWire) -> CrosswalkBuilder {
        let entries = wire
            .entries
            .into_iter()
            .map(|e| {
                let any_share = e.to.iter().any(|t| t.share.is_some());
                let merge = e.to.len() == 1 && !e.partial;
                let to =
                    e.to.into_iter()
                        .map(|t| {
                            let weight = match t.share {
                                Some(text) if text == UNKNOWN_SHARE => GivenWeight::Unknown,
                                Some(text) => parse_share(text),
                                None if merge => GivenWeight::Share(Decimal::ONE),
                                None if any_share => {
                                    GivenWeight::Invalid(String::new(), EXPECTED_SHARE_PRESENT)
                                }
                                None => GivenWeight::Unknown,
                            };
                            (t.code, weight)
                        })
                        .collect();
                GivenEntry {
                    from: e.from,
                    to,
                    partial: e.partial,
                }
            })
            .collect();
        CrosswalkBuilder {
            effective: wire.effective,
            source: wire.source,
            entries,
        }
    }
}

/// Reads a share written as a plain decimal (`"0.4"`, `"1"`).
fn parse_share(text: String) -> GivenWeight {
    let plain = !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && text.bytes().filter(|&b| b == b'.').count() <= 1
        && !text.starts_with('.')
        && !text.ends_with('.');
    match Decimal::from_str_exact(&text) {
        Ok(share) if plain => GivenWeight::Share(share),
        _ => GivenWeight::Invalid(text, EXPECTED_SHARE),
    }
}

impl From<Crosswalk> for CrosswalkWire {
    fn from(cw: Crosswalk) -> CrosswalkWire {
        let entries = cw
            .entries
            .into_iter()
            .map(|e| {
                let merge = !e.partial
                    && matches!(e.targets.as_slice(), [(_, Weight::Exact(s))] if *s == Decimal::ONE);
                // Targets without share read back as unknown when no target
                // of the entry has a share and the entry is not a merge.
                let all_unknown = e.targets.iter().all(|(_, w)| *w == Weight::Unknown)
                    && (e.targets.len() > 1 || e.partial);
                EntryWire {
                    partial: e.partial,
                    from: e.from,
                    to: e
                        .targets
                        .into_iter()
                        .map(|(code, w)| TargetWire {
                            code,
                            share: match w {
                                Weight::Exact(_) if merge => None,
                                Weight::Exact(s) => Some(s.normalize().to_string()),
                                Weight::Unknown if all_unknown => None,
                                Weight::Unknown => Some(UNKNOWN_SHARE.to_owned()),
                            },
                        })
                        .collect(),
                }
            })
            .collect();
        CrosswalkWire {
            effective: cw.effective,
            source: cw.source,
            entries,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Unit;
    use proptest::prelude::*;

    fn code(s: &str) -> UnitCode {
        s.parse().unwrap()
    }

    fn dec(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    fn texts(b: &CrosswalkBuilder) -> Vec<(usize, String, &'static str)> {
        b.problems()
            .into_iter()
            .map(|(i, e)| (i, e.to_string(), e.code().as_str()))
            .collect()
    }

    /// Synthetic crosswalk JSON: the codes do not describe a real reorganization.
    const SYNTHETIC: &str = r#"{"effective":"2025-07-01","source":"synthetic test crosswalk","entries":[{"from":"10507","to":[{"code":"10510"}]},{"from":"10513","to":[{"code":"10510","share":"0.4"},{"code":"10516","share":"0.6"}]},{"from":"10519","to":[{"code":"10510"},{"code":"10516"}]}]}"#;

    #[test]
    fn wire_round_trip() {
        let cw = Crosswalk::from_json(SYNTHETIC.as_bytes()).unwrap();
        assert_eq!(cw.effective(), NaiveDate::from_ymd_opt(2025, 7, 1));
        assert_eq!(cw.source(), Some("synthetic test crosswalk"));
        assert_eq!(
            cw.targets(&code("10513")).unwrap(),
            [
                (code("10510"), Weight::Exact(dec("0.4"))),
                (code("10516"), Weight::Exact(dec("0.6")))
            ]
        );
        assert_eq!(
            cw.targets(&code("10519")).unwrap(),
            [
                (code("10510"), Weight::Unknown),
                (code("10516"), Weight::Unknown)
            ]
        );
        assert_eq!(serde_json::to_string(&cw).unwrap(), SYNTHETIC);
        let again: Crosswalk = serde_json::from_str(SYNTHETIC).unwrap();
        assert_eq!(again, cw);
    }

    /// A crosswalk from an upload is read within the app's limits.
    #[test]
    fn a_crosswalk_is_read_within_given_limits() {
        let json = r#"{"entries": [{"from": "10507", "to": [{"code": "10510"}]}]}"#;
        let fits = crate::Limits::default().with_max_bytes(json.len() as u64);
        assert!(CrosswalkBuilder::from_json_with_limits(json.as_bytes(), &fits).is_ok());
        let one_less = fits.with_max_bytes(json.len() as u64 - 1);
        let err = CrosswalkBuilder::from_json_with_limits(json.as_bytes(), &one_less).unwrap_err();
        assert_eq!(err.code(), "DV120");
        let shallow = crate::Limits::default().with_max_depth(2);
        let err = CrosswalkBuilder::from_json_with_limits(json.as_bytes(), &shallow).unwrap_err();
        assert_eq!(err.code(), "DV123");
    }

    #[test]
    fn a_crosswalk_is_read_within_the_default_limits() {
        // A 400 MiB unterminated string took 412 MB before its error: the
        // reader now stops one byte past 64 MiB (an endless one here).
        let endless = std::io::Read::chain(&b"{\"source\": \""[..], std::io::repeat(b'x'));
        let err = Crosswalk::from_json(endless).unwrap_err();
        assert_eq!(
            err.into_kind(),
            ErrorKind::DocumentTooLarge {
                limit: crate::Limits::DEFAULT_MAX_BYTES
            }
        );
        let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
        assert_eq!(
            CrosswalkBuilder::from_json(deep.as_bytes())
                .unwrap_err()
                .code(),
            "DV123"
        );
    }

    #[test]
    fn wire_errors() {
        let err = Crosswalk::from_json(
            r#"{"entries": [{"from": "10507", "to": []}], "x": 1}"#.as_bytes(),
        )
        .unwrap_err();
        assert_eq!(err.code(), "DV050");
        assert!(err.to_string().starts_with("line 1, column "), "{err}");
        let err = Crosswalk::from_json(r#"{"entries": [{"from": "1050", "to": []}]}"#.as_bytes())
            .unwrap_err();
        assert_eq!(err.code(), "DV050");
        let mixed = r#"{"entries": [{"from": "10513", "to": [{"code": "10510", "share": "0.4"}, {"code": "10516"}]}]}"#;
        let b = CrosswalkBuilder::from_json(mixed.as_bytes()).unwrap();
        assert_eq!(
            texts(&b),
            [(
                0,
                "invalid share \"\" of \"10513\" to \"10516\": expected a share or \"unknown\", since other targets of this entry have one"
                    .to_owned(),
                "DV045"
            )]
        );
        let bad = r#"{"entries": [{"from": "10513", "to": [{"code": "10510", "share": "4e-1"}, {"code": "10516", "share": "0,6"}]}]}"#;
        let b = CrosswalkBuilder::from_json(bad.as_bytes()).unwrap();
        assert_eq!(texts(&b).len(), 2);
        // Serde through the checks too.
        let err = serde_json::from_str::<Crosswalk>(mixed).unwrap_err();
        assert!(err.to_string().starts_with("invalid share \"\""), "{err}");
    }

    #[test]
    fn every_entry_problem() {
        let b = Crosswalk::builder()
            .merge(code("10507"), code("10510"))
            .merge(code("10507"), code("10516"))
            .split_unknown(code("10513"), &[])
            .split_unknown(code("10519"), &[code("10510"), code("10510")])
            .merge(code("10522"), code("288"))
            .split(
                code("10525"),
                &[(code("10510"), dec("1.5")), (code("10516"), dec("-0.5"))],
            )
            .split(
                code("10528"),
                &[(code("10510"), dec("0.4")), (code("10516"), dec("0.5"))],
            )
            .split(
                code("10531"),
                &[
                    (code("10510"), dec("0.0000000000000000001")),
                    (code("10516"), dec("0.9999999999999999999")),
                ],
            );
        assert_eq!(
            texts(&b),
            [
                (1, "crosswalk maps old unit \"10507\" more than once: first at entry 0".to_owned(), "DV041"),
                (2, "crosswalk entry of \"10513\" has no target: expected at least one".to_owned(), "DV046"),
                (3, "crosswalk entry of \"10519\" lists target \"10510\" twice".to_owned(), "DV047"),
                (5, "invalid share \"1.5\" of \"10525\" to \"10510\": expected a decimal greater than 0 and at most 1 with at most 18 decimal places, e.g. \"0.4\"".to_owned(), "DV045"),
                (5, "invalid share \"-0.5\" of \"10525\" to \"10516\": expected a decimal greater than 0 and at most 1 with at most 18 decimal places, e.g. \"0.4\"".to_owned(), "DV045"),
                (6, "shares of old unit \"10528\" sum to 0.9: expected 1".to_owned(), "DV044"),
                (7, "invalid share \"0.0000000000000000001\" of \"10531\" to \"10510\": expected a decimal greater than 0 and at most 1 with at most 18 decimal places, e.g. \"0.4\"".to_owned(), "DV045"),
                (7, "invalid share \"0.9999999999999999999\" of \"10531\" to \"10516\": expected a decimal greater than 0 and at most 1 with at most 18 decimal places, e.g. \"0.4\"".to_owned(), "DV045"),
            ]
        );
        assert_eq!(b.build().unwrap_err().code(), "DV041");
    }

    /// Synthetic old and new hierarchies (made-up codes and names).
    fn synthetic_hierarchies() -> (Hierarchy, Hierarchy) {
        let p = Some(code("90"));
        let d = Some(code("901"));
        let old = Hierarchy::new(vec![
            Unit::new(code("90"), "Old province"),
            Unit::new(code("901"), "Old district").with_parent(p),
            Unit::new(code("90001"), "Old commune 1").with_parent(d),
            Unit::new(code("90002"), "Old commune 2").with_parent(d),
            Unit::new(code("90003"), "Old commune 3").with_parent(d),
        ])
        .unwrap();
        let new = Hierarchy::new(vec![
            Unit::new(code("90"), "New province"),
            Unit::new(code("90010"), "New commune 10").with_parent(p),
            Unit::new(code("90020"), "New commune 20").with_parent(p),
        ])
        .unwrap();
        (old, new)
    }

    #[test]
    fn check_against_hierarchies() {
        let (old, new) = synthetic_hierarchies();
        let cw = Crosswalk::builder()
            .source("synthetic")
            .merge(code("90001"), code("90010"))
            .merge(code("90002"), code("90030"))
            .merge(code("90009"), code("90010"))
            .merge(code("901"), code("999"))
            .build()
            .unwrap();
        let got: Vec<(String, &str)> = cw
            .check(&old, &new, Level::Commune)
            .into_iter()
            .map(|e| (e.to_string(), e.code().as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("old unit \"90003\" has no crosswalk entry".to_owned(), "DV040"),
                ("crosswalk maps \"90002\" to \"90030\", which is not among the new units".to_owned(), "DV042"),
                ("crosswalk maps old unit \"90009\", which is not among the old units at level commune".to_owned(), "DV043"),
            ]
        );
        assert_eq!(cw.check(&old, &new, Level::Province).len(), 1);
    }

    #[test]
    fn map_counts_conserves_and_marks_approximations() {
        let cw = Crosswalk::builder()
            .source("synthetic")
            .merge(code("90001"), code("90010"))
            .merge(code("90002"), code("90010"))
            .split(
                code("90003"),
                &[(code("90010"), dec("0.5")), (code("90020"), dec("0.5"))],
            )
            .split_unknown(code("90004"), &[code("90020"), code("90030")])
            .build()
            .unwrap();
        let mapped = cw
            .map_counts([
                (code("90001"), 10),
                (code("90002"), 5),
                (code("90001"), 1),
                (code("90003"), 7),
            ])
            .unwrap();
        // 7 × 0.5 = 3.5 each: the leftover unit goes to the target listed first.
        assert_eq!(
            mapped,
            [
                (code("90010"), Mapped::Exact(20)),
                (code("90020"), Mapped::Exact(3))
            ]
        );
        let mapped = cw
            .map_counts([(code("90003"), 7), (code("90004"), 4)])
            .unwrap();
        assert_eq!(
            mapped,
            [
                (code("90010"), Mapped::Exact(4)),
                (code("90020"), Mapped::Between { low: 3, high: 7 }),
                (code("90030"), Mapped::Between { low: 0, high: 4 }),
            ]
        );
        let err = cw.map_counts([(code("90005"), 1)]).unwrap_err();
        assert_eq!(err.to_string(), "old unit \"90005\" has no crosswalk entry");
        let err = cw
            .map_counts([(code("90001"), u64::MAX), (code("90002"), 1)])
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "count mapped to unit 90010 overflows the largest representable value"
        );
        let err = cw
            .map_counts([(code("90001"), u64::MAX), (code("90001"), 1)])
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "count of old unit 90001 overflows the largest representable value"
        );
    }

    #[test]
    fn largest_remainder_examples() {
        assert_eq!(largest_remainder(10, &[1, 1, 1], 3), Some(vec![4, 3, 3]));
        assert_eq!(largest_remainder(10, &[2, 3, 5], 10), Some(vec![2, 3, 5]));
        assert_eq!(largest_remainder(1, &[5, 5], 10), Some(vec![1, 0]));
        assert_eq!(largest_remainder(7, &[15, 85], 100), Some(vec![1, 6]));
        assert_eq!(
            largest_remainder(
                u64::MAX,
                &[1, 999_999_999_999_999_999],
                1_000_000_000_000_000_000
            )
            .map(|p| p.iter().map(|&x| u128::from(x)).sum::<u128>()),
            Some(u128::from(u64::MAX))
        );
    }

    /// Shares with up to 6 decimal places adding up to exactly 1.
    fn shares() -> impl Strategy<Value = Vec<Decimal>> {
        proptest::collection::vec(1u64..1_000_000, 1..8).prop_map(|cuts| {
            let total: u64 = cuts.iter().sum();
            // Numerators over 10^6, adjusted so they add up to 10^6 and stay positive.
            let mut nums: Vec<u64> = cuts
                .iter()
                .map(|c| (c * 1_000_000 / total).max(1))
                .collect();
            let sum: u64 = nums.iter().sum();
            if sum < 1_000_000 {
                nums[0] += 1_000_000 - sum;
            } else {
                let mut extra = sum - 1_000_000;
                for n in nums.iter_mut() {
                    let take = extra.min(*n - 1);
                    *n -= take;
                    extra -= take;
                }
            }
            nums.into_iter()
                .map(|n| Decimal::new(i64::try_from(n).unwrap(), 6))
                .collect()
        })
    }

    proptest! {
        #[test]
        fn merges_preserve_totals(
            links in proptest::collection::vec(0u32..20, 1..40),
            counts in proptest::collection::vec(0u64..1_000_000_000, 40),
        ) {
            // Synthetic: old commune 10000+i merges into new commune 20000+links[i].
            let mut b = Crosswalk::builder().source("synthetic");
            for (i, to) in links.iter().enumerate() {
                b = b.merge(code(&format!("{:05}", 10_000 + i)), code(&format!("{:05}", 20_000 + to)));
            }
            let cw = b.build().unwrap();
            let values: Vec<(UnitCode, u64)> = links.iter().enumerate()
                .map(|(i, _)| (code(&format!("{:05}", 10_000 + i)), counts[i])).collect();
            let total: u64 = values.iter().map(|v| v.1).sum();
            let mapped = cw.map_counts(values).unwrap();
            prop_assert!(mapped.iter().all(|(_, m)| m.is_exact()));
            prop_assert_eq!(mapped.iter().map(|(_, m)| m.low()).sum::<u64>(), total);
        }

        #[test]
        fn split_with_shares_preserves_total(shares in shares(), value in any::<u64>()) {
            prop_assert_eq!(shares.iter().copied().sum::<Decimal>(), Decimal::ONE);
            let targets: Vec<(UnitCode, Decimal)> = shares.iter().enumerate()
                .map(|(i, s)| (code(&format!("{:05}", 20_000 + i)), *s)).collect();
            let cw = Crosswalk::builder().source("synthetic").split(code("10000"), &targets).build().unwrap();
            let mapped = cw.map_counts([(code("10000"), value)]).unwrap();
            prop_assert!(mapped.iter().all(|(_, m)| m.is_exact()));
            let total: u128 = mapped.iter().map(|(_, m)| u128::from(m.low())).sum();
            prop_assert_eq!(total, u128::from(value));
            // Each part is within 1 of its exact quota.
            for ((_, m), (_, s)) in mapped.iter().zip(&targets) {
                let quota = Decimal::from(value) * *s;
                prop_assert!((Decimal::from(m.low()) - quota).abs() < Decimal::ONE);
            }
        }
    }
}
