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
            for &(via, weight) in &entry.targets {
                let first = match weight {
                    Weight::Exact(s) => Some(s),
                    Weight::Unknown => None,
                };
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
                for &(to, second) in step.targets() {
                    let w = match (first, second) {
                        (Some(a), Weight::Exact(b)) => {
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
            builder = if partial {
                builder.partial(from, &targets)
            } else {
                builder.entry(from, &targets)
            };
        }
        builder.build()
    }
}
