//! Reading the national mapping of a reform as it is published.

use std::fmt;

use chrono::NaiveDate;
use serde::de::{self, MapAccess, Visitor};

use super::{CrosswalkBuilder, GivenEntry, GivenWeight};
use crate::{Error, Level, UnitCode};

impl CrosswalkBuilder {
    /// Reads the national mapping of a reform in its own shape, as the
    /// official conversion table gives it, into one crosswalk holding both
    /// levels: the province entries (2-digit codes) and the commune entries
    /// (5-digit codes). Build it with [`build`](CrosswalkBuilder::build);
    /// [`problems`](CrosswalkBuilder::problems) lists every problem.
    ///
    /// ```json
    /// {"source": "…", "effective_date": "2025-07-01",
    ///  "old_units": "…", "new_units": "…",
    ///  "provinces": {"01": ["01"], "82": ["80", "82"]},
    ///  "communes": {
    ///    "00004": {"to": ["00004"], "partial": false, "old_district": "001", "old_province": "01"},
    ///    "00016": {"to": ["00004", "00008"], "partial": true},
    ///    "00019": {"to": ["00008"], "partial": true}}}
    /// ```
    ///
    /// - `provinces`: each old province code to its new province or
    ///   provinces. One is a merge; several are a split without shares.
    /// - `communes`: each old commune code to `to`, its new commune-level
    ///   units, and `partial`, whether the old commune was only partly
    ///   merged into each. One target, not partial: a merge. One target,
    ///   partial: part of the old commune went to that unit and the rest to a
    ///   unit the table does not name (a [partial
    ///   entry](CrosswalkBuilder::partial) with a target of unknown share).
    ///   Several targets (partial or not): the old commune was split over
    ///   them, shares unknown (a [split without
    ///   shares](CrosswalkBuilder::split_unknown)).
    /// - `old_district` and `old_province` (codes) are read and checked for
    ///   shape; the crosswalk takes parents from the old hierarchy instead.
    /// - `source` becomes the crosswalk's source and `effective_date` its
    ///   effective date; `old_units` and `new_units` (text naming the unit
    ///   lists) are read and not kept. All are optional, as are `provinces`
    ///   and `communes`; other fields are rejected.
    ///
    /// A code given twice in one section is kept, so that `build` reports it
    /// ([`ErrorKind::CrosswalkDuplicateSource`](crate::ErrorKind::CrosswalkDuplicateSource)).
    /// Entries keep the file's order, provinces first. To build the same from
    /// the official table by hand, write one row per old unit in this shape.
    /// Island districts without communes that became special zones are not
    /// in the table: add them with [`merge`](CrosswalkBuilder::merge) (a
    /// district may go to a commune-level unit).
    ///
    /// # Errors
    ///
    /// As [`from_json`](CrosswalkBuilder::from_json), and
    /// [`ErrorKind::Json`](crate::ErrorKind::Json) for a key of `provinces`
    /// that is not a province code or of `communes` that is not a commune
    /// code.
    ///
    /// ```
    /// // Synthetic mapping (made-up codes).
    /// let json = r#"{"source": "synthetic", "effective_date": "2025-07-01",
    ///   "provinces": {"90": ["90"], "91": ["90", "92"]},
    ///   "communes": {"90001": {"to": ["90010"], "partial": false},
    ///                "90002": {"to": ["90010"], "partial": true},
    ///                "90003": {"to": ["90010", "90020"], "partial": true}}}"#;
    /// let cw = danvan::CrosswalkBuilder::from_reform_mapping_json(json.as_bytes())?.build()?;
    /// assert_eq!(cw.len(), 5);
    /// let partial = cw.entry(&"90002".parse()?).ok_or(danvan::ErrorKind::NoSubjects)?;
    /// assert!(partial.has_unnamed_remainder());
    /// let split = cw.entry(&"90003".parse()?).ok_or(danvan::ErrorKind::NoSubjects)?;
    /// assert!(split.covers_whole() && !split.is_exact());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn from_reform_mapping_json(reader: impl std::io::Read) -> Result<CrosswalkBuilder, Error> {
        CrosswalkBuilder::from_reform_mapping_json_with_limits(reader, &crate::Limits::default())
    }

    /// [`from_reform_mapping_json`](CrosswalkBuilder::from_reform_mapping_json)
    /// within other [`Limits`](crate::Limits) than the defaults.
    ///
    /// # Errors
    ///
    /// As [`from_reform_mapping_json`](CrosswalkBuilder::from_reform_mapping_json),
    /// with the given limits.
    ///
    /// ```
    /// let json = r#"{"provinces": {"90": ["90"]}}"#;
    /// let small = danvan::Limits::default().with_max_bytes(8);
    /// let err = danvan::CrosswalkBuilder::from_reform_mapping_json_with_limits(json.as_bytes(), &small).unwrap_err();
    /// assert_eq!(err.code(), "DV120");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn from_reform_mapping_json_with_limits(
        reader: impl std::io::Read,
        limits: &crate::Limits,
    ) -> Result<CrosswalkBuilder, Error> {
        let wire: MappingWire = crate::wire::read_json(reader, limits)?;
        let mut entries = Vec::new();
        for (from, to) in wire.provinces.0 {
            let weight = if to.len() == 1 {
                GivenWeight::Share(rust_decimal::Decimal::ONE)
            } else {
                GivenWeight::Unknown
            };
            entries.push(GivenEntry {
                from,
                to: to.into_iter().map(|c| (c, weight.clone())).collect(),
                partial: false,
            });
        }
        for (from, commune) in wire.communes.0 {
            let single = commune.to.len() == 1;
            let weight = if single && !commune.partial {
                GivenWeight::Share(rust_decimal::Decimal::ONE)
            } else {
                GivenWeight::Unknown
            };
            entries.push(GivenEntry {
                from,
                to: commune
                    .to
                    .into_iter()
                    .map(|c| (c, weight.clone()))
                    .collect(),
                partial: single && commune.partial,
            });
        }
        Ok(CrosswalkBuilder {
            effective: wire.effective_date,
            source: wire.source,
            entries,
        })
    }
}

/// The national mapping as published.
#[derive(serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
struct MappingWire {
    #[serde(default)]
    source: Option<String>,
    #[serde(default, deserialize_with = "crate::period::date_serde::option")]
    effective_date: Option<NaiveDate>,
    #[serde(default)]
    #[allow(dead_code)]
    old_units: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    new_units: Option<String>,
    #[serde(default)]
    provinces: Pairs<Vec<UnitCode>, ProvinceKey>,
    #[serde(default)]
    communes: Pairs<CommuneWire, CommuneKey>,
}

crate::wire::objects_only!(deserialize: MappingWire);

/// One old commune of the mapping.
#[derive(serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
struct CommuneWire {
    to: Vec<UnitCode>,
    /// Required: a missing flag would be read as a whole merge, an exact claim.
    partial: bool,
    #[serde(default)]
    #[allow(dead_code)]
    old_district: Option<UnitCode>,
    #[serde(default)]
    #[allow(dead_code)]
    old_province: Option<UnitCode>,
}

crate::wire::objects_only!(deserialize: CommuneWire);

/// The level the keys of a section must have.
trait KeyLevel {
    const LEVEL: Level;
    const WHAT: &'static str;
}

/// Keys of `provinces`.
struct ProvinceKey;
impl KeyLevel for ProvinceKey {
    const LEVEL: Level = Level::Province;
    const WHAT: &'static str = "a province code of 2 digits";
}

/// Keys of `communes`.
struct CommuneKey;
impl KeyLevel for CommuneKey {
    const LEVEL: Level = Level::Commune;
    const WHAT: &'static str = "a commune code of 5 digits";
}

/// An object read as its pairs in order, keys given twice kept.
struct Pairs<V, K>(Vec<(UnitCode, V)>, std::marker::PhantomData<K>);

impl<V, K> Default for Pairs<V, K> {
    fn default() -> Self {
        Pairs(Vec::new(), std::marker::PhantomData)
    }
}

impl<'de, V: serde::Deserialize<'de>, K: KeyLevel> serde::Deserialize<'de> for Pairs<V, K> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PairsVisitor<V, K>(std::marker::PhantomData<(V, K)>);
        impl<'de, V: serde::Deserialize<'de>, K: KeyLevel> Visitor<'de> for PairsVisitor<V, K> {
            type Value = Pairs<V, K>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "an object keyed by {}", K::WHAT)
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Pairs<V, K>, A::Error> {
                let mut out = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let code: UnitCode = match key.parse() {
                        Ok(code) => code,
                        Err(e) => return Err(de::Error::custom(e)),
                    };
                    if code.level() != K::LEVEL {
                        return Err(de::Error::custom(format!("key {key:?} is not {}", K::WHAT)));
                    }
                    out.push((code, map.next_value()?));
                }
                Ok(Pairs(out, std::marker::PhantomData))
            }
        }
        deserializer.deserialize_map(PairsVisitor(std::marker::PhantomData))
    }
}
