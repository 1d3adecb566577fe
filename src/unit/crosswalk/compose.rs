//! Composing crosswalks: A → B, then B → C.

use rust_decimal::Decimal;

use super::{Crosswalk, CrosswalkBuilder, Weight, MAX_SHARE_SCALE};
use crate::{Error, ErrorKind, UnitCode};

/// How [`Crosswalk::then_with`] composes two crosswalks.
///
/// ```
/// let options = danvan::ThenOptions::new().keep_unmapped(true);
/// assert!(options.keeps_unmapped());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ThenOptions {
    keep_unmapped: bool,
}

impl ThenOptions {
    /// The defaults: a target of the first crosswalk that the next one does
    /// not map is an error.
    ///
    /// ```
    /// assert!(!danvan::ThenOptions::new().keeps_unmapped());
    /// ```
    #[must_use]
    pub fn new() -> ThenOptions {
        ThenOptions::default()
    }

    /// Keeps a target of the first crosswalk that the next one does not map
    /// as it is (the unit did not change in the second reorganization).
    ///
    /// ```
    /// assert!(danvan::ThenOptions::new().keep_unmapped(true).keeps_unmapped());
    /// ```
    #[must_use]
    pub fn keep_unmapped(mut self, keep: bool) -> ThenOptions {
        self.keep_unmapped = keep;
        self
    }

    /// Whether unmapped targets are kept.
    ///
    /// ```
    /// assert!(!danvan::ThenOptions::default().keeps_unmapped());
    /// ```
    #[must_use]
    pub fn keeps_unmapped(&self) -> bool {
        self.keep_unmapped
    }
}

impl Crosswalk {
    /// This crosswalk (A → B) followed by `next` (B → C): A → C, e.g. a
    /// merge early in 2025 followed by the reform of 1 July 2025.
    ///
    /// Known shares multiply exactly and add up where paths meet; a path
    /// through an unknown share is unknown, and so is a target reached by
    /// one; an unnamed remainder of either step stays an unnamed remainder.
    /// `effective` is `next`'s; `source` joins both with " then ".
    ///
    /// # Errors
    ///
    /// [`ErrorKind::CrosswalkComposeMissing`] for a target of this crosswalk
    /// that `next` does not map (see [`then_with`](Crosswalk::then_with) to
    /// keep it), [`ErrorKind::CrosswalkComposeShareScale`] when a product of
    /// shares needs more than 18 decimal places.
    ///
    /// ```
    /// use danvan::{Crosswalk, Mapped};
    /// use rust_decimal::Decimal;
    ///
    /// // Synthetic: 10507 and 10510 merge, then the merged unit is split in halves.
    /// let first = Crosswalk::builder()
    ///     .merge("10507".parse()?, "10510".parse()?)
    ///     .merge("10510".parse()?, "10510".parse()?)
    ///     .build()?;
    /// let next = Crosswalk::builder()
    ///     .split("10510".parse()?, &[("10513".parse()?, Decimal::new(5, 1)), ("10516".parse()?, Decimal::new(5, 1))])
    ///     .build()?;
    /// let both = first.then(&next)?;
    /// let mapped = both.map_counts([("10507".parse()?, 4), ("10510".parse()?, 6)])?;
    /// assert_eq!(mapped, [("10513".parse()?, Mapped::Exact(5)), ("10516".parse()?, Mapped::Exact(5))]);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn then(&self, next: &Crosswalk) -> Result<Crosswalk, Error> {
        self.then_with(next, ThenOptions::default())
    }

    /// [`then`](Crosswalk::then) with options.
    ///
    /// # Errors
    ///
    /// As [`then`](Crosswalk::then); with
    /// [`keep_unmapped`](ThenOptions::keep_unmapped) a target that `next`
    /// does not map is kept as it is instead of being an error.
    ///
    /// ```
    /// use danvan::{Crosswalk, ThenOptions};
    ///
    /// // Synthetic: 10507 merges into 10510, which the next crosswalk leaves alone.
    /// let first = Crosswalk::builder().merge("10507".parse()?, "10510".parse()?).build()?;
    /// let next = Crosswalk::builder().merge("10513".parse()?, "10516".parse()?).build()?;
    /// assert_eq!(first.then(&next).unwrap_err().code(), "DV137");
    /// let both = first.then_with(&next, ThenOptions::new().keep_unmapped(true))?;
    /// assert_eq!(both.targets(&"10507".parse()?).map(|t| t[0].0), Some("10510".parse()?));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn then_with(&self, next: &Crosswalk, options: ThenOptions) -> Result<Crosswalk, Error> {
        let mut builder = CrosswalkBuilder::default();
        if let Some(day) = next.effective.or(self.effective) {
            builder = builder.effective(day);
        }
        let source = match (self.source.as_deref(), next.source.as_deref()) {
            (Some(a), Some(b)) => Some(format!("{a} then {b}")),
            (Some(a), None) | (None, Some(a)) => Some(a.to_owned()),
            (None, None) => None,
        };
        if let Some(source) = source {
            builder = builder.source(source);
        }
        for entry in &self.entries {
            // A lone unknown share taken as the rest only where it helps:
            // when the plain composition leaves more than one unknown, or
            // one beside an unnamed remainder (then no longer the rest).
            let (mut targets, partial) = compose_entry(entry, next, options, false)?;
            let unknown = targets
                .iter()
                .filter(|(_, w)| *w == Weight::Unknown)
                .count();
            if unknown > 1 || (partial && unknown > 0) {
                targets = compose_entry(entry, next, options, true)?.0;
            }
            builder = if partial {
                builder.partial(entry.from, &targets)
            } else {
                builder.entry(entry.from, &targets)
            };
        }
        builder.build()
    }
}

/// One entry of `A → B` composed with `next` (`B → C`): its targets and
/// whether it has an unnamed remainder. With `derive`, a lone target of
/// unknown share takes what the known shares leave ([`known_shares`]).
fn compose_entry(
    entry: &super::Entry,
    next: &Crosswalk,
    options: ThenOptions,
    derive: bool,
) -> Result<(Vec<(UnitCode, Weight)>, bool), Error> {
    let from = entry.from;
    let mut partial = entry.partial;
    // Each target in the order first reached; `None` is unknown.
    let mut acc: Vec<(UnitCode, Option<Decimal>)> = Vec::new();
    let mut add = |to: UnitCode, w: Option<Decimal>| {
        if let Some(slot) = acc.iter_mut().find(|(c, _)| *c == to) {
            slot.1 = match (slot.1, w) {
                (Some(a), Some(b)) => a.checked_add(b),
                _ => None,
            };
        } else {
            acc.push((to, w));
        }
    };
    for (via, first) in known_shares(&entry.targets, entry.partial, derive) {
        let Some(step) = next.entry(&via) else {
            if options.keep_unmapped {
                add(via, first);
                continue;
            }
            return Err(ErrorKind::CrosswalkComposeMissing {
                from: from.to_string(),
                via: via.to_string(),
            }
            .into());
        };
        partial = partial || step.has_unnamed_remainder();
        for (to, second) in known_shares(step.targets(), step.has_unnamed_remainder(), derive) {
            let w = match (first, second) {
                (Some(a), Some(b)) => {
                    let a = a.normalize();
                    let b = b.normalize();
                    let fits = a.scale().saturating_add(b.scale()) <= MAX_SHARE_SCALE;
                    match a.checked_mul(b) {
                        Some(p) if fits => Some(p.normalize()),
                        _ => {
                            return Err(ErrorKind::CrosswalkComposeShareScale {
                                from: from.to_string(),
                                to: to.to_string(),
                            }
                            .into())
                        }
                    }
                }
                _ => None,
            };
            add(to, w);
        }
    }
    let targets: Vec<(UnitCode, Weight)> = acc
        .into_iter()
        .map(|(code, w)| (code, w.map_or(Weight::Unknown, Weight::Exact)))
        .collect();
    Ok((targets, partial))
}

/// The shares of an entry's targets, `None` where unknown; a lone target of
/// unknown share in an entry without unnamed remainder holds what the known
/// shares leave, so its share is known too (`1 − the others`). Composing
/// then keeps a known share known where a path through such a target meets
/// another (0.4 known and the lone rest, then the rest split in halves:
/// 0.7 and 0.3, not two unknowns).
fn known_shares(
    targets: &[(UnitCode, Weight)],
    partial: bool,
    derive: bool,
) -> Vec<(UnitCode, Option<Decimal>)> {
    let unknown = targets
        .iter()
        .filter(|(_, w)| *w == Weight::Unknown)
        .count();
    let known: Option<Decimal> = targets
        .iter()
        .try_fold(Decimal::ZERO, |acc, (_, w)| match w {
            Weight::Exact(s) => acc.checked_add(*s),
            Weight::Unknown => Some(acc),
        });
    let rest = known
        .and_then(|k| Decimal::ONE.checked_sub(k))
        .filter(|r| derive && *r > Decimal::ZERO && unknown == 1 && !partial);
    targets
        .iter()
        .map(|&(code, w)| match w {
            Weight::Exact(s) => (code, Some(s)),
            Weight::Unknown => (code, rest.map(|r| r.normalize())),
        })
        .collect()
}
