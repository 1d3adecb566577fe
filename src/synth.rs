//! Deterministic synthetic datasets with the real national shapes (feature `synth`).
//!
//! Everything here is **synthetic**: unit codes have the national list's shapes
//! and counts, but are numbered in order and named `synthetic …`; records are
//! drawn from a seeded generator. Use it for benchmarks, load tests and
//! property tests — never as data about any real place.
//!
//! ```
//! use danvan::synth::{Shape, SynthConfig};
//!
//! let config = SynthConfig::new(Shape::SMALL, 1_000).with_seed(7);
//! let dataset = danvan::synth::dataset(&config)?;
//! assert_eq!(dataset.conferences.len() + dataset.documents.len()
//!     + dataset.inspections.len() + dataset.dialogues.len(), 1_000);
//! assert!(danvan::check(dataset).is_ok());
//! # Ok::<(), danvan::Error>(())
//! ```

use crate::{
    Actor, Conference, ConferenceKind, Count, Dataset, Dialogue, DocumentKind, Error, ErrorKind,
    Headcount, Inspection, InspectionKind, IssuedDocument, Period, Qualifier, Reported, Subjects,
    Unit, UnitCode,
};

/// How many units of each level a synthetic hierarchy has.
///
/// ```
/// assert_eq!(danvan::synth::Shape::BEFORE_2025.communes, 10_599);
/// assert_eq!(danvan::synth::Shape::AFTER_2025.districts, 0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Shape {
    /// Provinces.
    pub provinces: u32,
    /// Districts; 0 for the two-level shape after 1 July 2025.
    pub districts: u32,
    /// Communes.
    pub communes: u32,
    /// Villages (thôn, khu dân cư), spread evenly over the communes.
    pub villages: u32,
}

impl Shape {
    /// Before the 2025 reform: 63 provinces, 705 districts, 10,599 communes
    /// (the counts of the national list in `data/`), and 10 villages a commune.
    pub const BEFORE_2025: Shape = Shape {
        provinces: 63,
        districts: 705,
        communes: 10_599,
        villages: 105_990,
    };

    /// After 1 July 2025: 34 provinces, 3,321 communes, and 30 villages a commune
    /// (about 100,000).
    pub const AFTER_2025: Shape = Shape {
        provinces: 34,
        districts: 0,
        communes: 3_321,
        villages: 99_630,
    };

    /// A small shape for tests: 2 provinces, 4 districts, 12 communes, 36 villages.
    pub const SMALL: Shape = Shape {
        provinces: 2,
        districts: 4,
        communes: 12,
        villages: 36,
    };

    /// The number of units of every level.
    ///
    /// ```
    /// assert_eq!(danvan::synth::Shape::SMALL.units(), 54);
    /// ```
    #[must_use]
    pub const fn units(self) -> u64 {
        self.provinces as u64 + self.districts as u64 + self.communes as u64 + self.villages as u64
    }
}

/// What to generate.
///
/// ```
/// let c = danvan::synth::SynthConfig::new(danvan::synth::Shape::SMALL, 10).with_year(2024);
/// assert_eq!(c.year, 2024);
/// ```
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SynthConfig {
    /// The unit counts.
    pub shape: Shape,
    /// How many records.
    pub records: usize,
    /// The seed: the same seed gives the same data.
    pub seed: u64,
    /// The year the records fall in.
    pub year: i32,
}

impl SynthConfig {
    /// A configuration with seed 1 and year 2022.
    ///
    /// ```
    /// let c = danvan::synth::SynthConfig::new(danvan::synth::Shape::SMALL, 10);
    /// assert_eq!((c.seed, c.year), (1, 2022));
    /// ```
    #[must_use]
    pub fn new(shape: Shape, records: usize) -> SynthConfig {
        SynthConfig {
            shape,
            records,
            seed: 1,
            year: 2022,
        }
    }

    /// This configuration with another seed.
    ///
    /// ```
    /// let c = danvan::synth::SynthConfig::new(danvan::synth::Shape::SMALL, 10).with_seed(9);
    /// assert_eq!(c.seed, 9);
    /// ```
    #[must_use]
    pub fn with_seed(mut self, seed: u64) -> SynthConfig {
        self.seed = seed;
        self
    }

    /// This configuration with another year.
    ///
    /// ```
    /// let c = danvan::synth::SynthConfig::new(danvan::synth::Shape::SMALL, 10).with_year(2026);
    /// assert_eq!(c.year, 2026);
    /// ```
    #[must_use]
    pub fn with_year(mut self, year: i32) -> SynthConfig {
        self.year = year;
        self
    }
}

/// splitmix64: a tiny, well-known seeded generator; enough for synthetic data.
#[derive(Clone, Debug)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`; 0 when `n == 0`).
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            // Multiply-shift: unbiased enough for synthetic data, no division.
            ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
        }
    }
}

fn code(text: &str) -> Result<UnitCode, Error> {
    text.parse()
}

/// The `i`-th of `n` children spread over `parents` parents: its parent's number.
fn parent_of(i: u32, n: u32, parents: u32) -> u32 {
    if n == 0 {
        return 0;
    }
    ((u64::from(i) * u64::from(parents)) / u64::from(n)) as u32
}

/// The units of a synthetic hierarchy, parents before children.
///
/// # Errors
///
/// Returns an error when a count is too large for its code shape (more than 99
/// provinces, 999 districts or 99,999 communes).
///
/// ```
/// let units = danvan::synth::units(danvan::synth::Shape::SMALL)?;
/// assert_eq!(units.len(), 54);
/// let h = danvan::Hierarchy::new(units)?;
/// assert_eq!(h.count_at(danvan::Level::Village), 36);
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn units(shape: Shape) -> Result<Vec<Unit>, Error> {
    if shape.provinces == 0
        || shape.provinces > 99
        || shape.districts > 999
        || shape.communes > 99_999
        || shape.communes == 0
    {
        return Err(ErrorKind::InvalidSynthShape {
            provinces: shape.provinces,
            districts: shape.districts,
            communes: shape.communes,
        }
        .into());
    }
    let mut out = Vec::with_capacity(usize::try_from(shape.units()).unwrap_or(0));
    let province = |p: u32| format!("{:02}", p + 1);
    for p in 0..shape.provinces {
        out.push(Unit::new(
            code(&province(p))?,
            format!("synthetic province {:02}", p + 1),
        ));
    }
    for d in 0..shape.districts {
        let parent = code(&province(parent_of(d, shape.districts, shape.provinces)))?;
        out.push(
            Unit::new(
                code(&format!("{:03}", d + 1))?,
                format!("synthetic district {:03}", d + 1),
            )
            .with_parent(Some(parent)),
        );
    }
    for c in 0..shape.communes {
        let parent = if shape.districts == 0 {
            province(parent_of(c, shape.communes, shape.provinces))
        } else {
            format!("{:03}", parent_of(c, shape.communes, shape.districts) + 1)
        };
        out.push(
            Unit::new(
                code(&format!("{:05}", c + 1))?,
                format!("synthetic commune {:05}", c + 1),
            )
            .with_parent(Some(code(&parent)?)),
        );
    }
    for v in 0..shape.villages {
        let commune = parent_of(v, shape.villages, shape.communes) + 1;
        let text = format!("{commune:05}-V{v}");
        out.push(
            Unit::new(code(&text)?, format!("synthetic village {v}"))
                .with_parent(Some(code(&format!("{commune:05}"))?)),
        );
    }
    Ok(out)
}

/// One synthetic record.
///
/// ```
/// let config = danvan::synth::SynthConfig::new(danvan::synth::Shape::SMALL, 3);
/// let records: Vec<_> = danvan::synth::records(&config)?.collect();
/// assert_eq!(records.len(), 3);
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SynthRecord {
    /// A conference.
    Conference(Conference),
    /// A document.
    Document(IssuedDocument),
    /// An inspection or supervision session.
    Inspection(Inspection),
    /// A dialogue.
    Dialogue(Dialogue),
}

/// The records of a configuration, generated one at a time (constant memory).
///
/// Every record sits on a commune, is dated in the configured year, and is by Party committees, the mobilization sector or the
/// government; about 40% conferences, 30% documents, 20% inspections and 10%
/// dialogues; one conference in twenty reports its participants as a lower bound.
///
/// # Errors
///
/// Returns an error when the shape is invalid or the year has no 1 January.
///
/// ```
/// let config = danvan::synth::SynthConfig::new(danvan::synth::Shape::SMALL, 100).with_seed(3);
/// let a: Vec<_> = danvan::synth::records(&config)?.collect();
/// let b: Vec<_> = danvan::synth::records(&config)?.collect();
/// assert_eq!(a, b);
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn records(config: &SynthConfig) -> Result<impl Iterator<Item = SynthRecord>, Error> {
    let year = Period::year(config.year)?;
    let start = year.start();
    let days = year.days();
    let communes: Vec<UnitCode> = (1..=config.shape.communes)
        .map(|c| code(&format!("{c:05}")))
        .collect::<Result<_, _>>()?;
    let mut rng = Rng(config.seed);
    const ACTORS: [Actor; 3] = [
        Actor::PartyCommittees,
        Actor::MobilizationSector,
        Actor::Government,
    ];
    Ok((0..config.records).filter_map(move |_| {
        let unit = *communes.get(rng.below(communes.len() as u64) as usize)?;
        let date = start.checked_add_days(chrono::Days::new(rng.below(days)))?;
        let actor = *ACTORS.get(rng.below(3) as usize)?;
        let roll = rng.below(10);
        Some(match roll {
            0..=3 => {
                let n = Count::new(10 + rng.below(190));
                let participants = if rng.below(20) == 0 {
                    Reported::new(Qualifier::AtLeast, n)
                } else {
                    Reported::exact(n)
                };
                SynthRecord::Conference(Conference {
                    id: None,
                    unit,
                    date,
                    actor,
                    kind: match rng.below(3) {
                        0 => ConferenceKind::Propaganda,
                        1 => ConferenceKind::Training,
                        _ => ConferenceKind::Both,
                    },
                    participants,
                    headcount: Headcount::Occurrences,
                })
            }
            4..=6 => SynthRecord::Document(IssuedDocument {
                id: None,
                unit,
                date,
                actor,
                kind: if rng.below(2) == 0 {
                    DocumentKind::Leadership
                } else {
                    DocumentKind::Guidance
                },
                reference: None,
            }),
            7..=8 => SynthRecord::Inspection(Inspection {
                id: None,
                unit,
                date,
                actor: Actor::PartyCommittees,
                kind: InspectionKind::Lumped,
                subjects: Subjects {
                    party_organizations: Some(Count::new(rng.below(3))),
                    party_members: Some(Count::new(1 + rng.below(5))),
                    lumped: None,
                },
            }),
            _ => {
                let raised = rng.below(20);
                SynthRecord::Dialogue(Dialogue {
                    id: None,
                    unit,
                    date,
                    actor: if rng.below(2) == 0 {
                        Actor::PartyCommittees
                    } else {
                        Actor::Government
                    },
                    participants: Reported::exact(Count::new(20 + rng.below(200))),
                    petitions_raised: Count::new(raised),
                    petitions_resolved: Count::new(rng.below(raised + 1)),
                })
            }
        })
    }))
}

/// A whole synthetic dataset: units inline and every record in memory.
///
/// # Errors
///
/// As [`units`] and [`records`].
///
/// ```
/// let config = danvan::synth::SynthConfig::new(danvan::synth::Shape::SMALL, 50);
/// let dataset = danvan::synth::dataset(&config)?;
/// assert_eq!(dataset.units.len(), 54);
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn dataset(config: &SynthConfig) -> Result<Dataset, Error> {
    let mut d = Dataset::new(Period::year(config.year)?);
    d.title = Some(format!(
        "synthetic dataset: {} records, seed {}",
        config.records, config.seed
    ));
    d.units = units(config.shape)?;
    for r in records(config)? {
        match r {
            SynthRecord::Conference(x) => d.conferences.push(x),
            SynthRecord::Document(x) => d.documents.push(x),
            SynthRecord::Inspection(x) => d.inspections.push(x),
            SynthRecord::Dialogue(x) => d.dialogues.push(x),
        }
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_shapes_build() {
        for shape in [Shape::BEFORE_2025, Shape::AFTER_2025] {
            let h = crate::Hierarchy::new(units(shape).unwrap()).unwrap();
            assert_eq!(h.count_at(crate::Level::Province), shape.provinces as usize);
            assert_eq!(h.count_at(crate::Level::District), shape.districts as usize);
            assert_eq!(h.count_at(crate::Level::Commune), shape.communes as usize);
            assert_eq!(h.count_at(crate::Level::Village), shape.villages as usize);
        }
    }

    #[test]
    fn bad_shape() {
        let shape = Shape {
            provinces: 100,
            ..Shape::SMALL
        };
        assert_eq!(
            units(shape).unwrap_err().to_string(),
            "invalid synthetic shape: 100 provinces, 4 districts, 12 communes: expected 1 to 99 provinces, at most 999 districts and 1 to 99999 communes"
        );
    }

    #[test]
    fn records_are_valid() {
        let config = SynthConfig::new(Shape::SMALL, 2_000).with_seed(11);
        let d = dataset(&config).unwrap();
        let report = crate::validate::report(&d);
        assert!(report.is_empty(), "{report}");
    }
}
