//! STUB (entity branch only; replaced by the unit branch on merge).
#![allow(missing_docs, clippy::all)]
use crate::{Error, ErrorKind};
use chrono::NaiveDate;
use std::collections::HashMap;
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Province,
    District,
    Commune,
    Village,
}
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "String", into = "String")]
pub struct UnitCode {
    n: u64,
    level: Level,
}
impl TryFrom<String> for UnitCode {
    type Error = Error;
    fn try_from(s: String) -> Result<UnitCode, Error> {
        s.parse()
    }
}
impl From<UnitCode> for String {
    fn from(c: UnitCode) -> String {
        c.to_string()
    }
}
impl std::str::FromStr for UnitCode {
    type Err = Error;
    fn from_str(s: &str) -> Result<UnitCode, Error> {
        let (base, local) = match s.split_once('-') {
            Some((b, l)) => (b, Some(l)),
            None => (s, None),
        };
        let n: u64 = base.parse().map_err(|_| {
            Error::from(ErrorKind::InvalidUnitCode {
                input: s.into(),
                expected: "digits",
            })
        })?;
        let level = match (base.len(), local) {
            (2, None) => Level::Province,
            (3, None) => Level::District,
            (5, None) => Level::Commune,
            (5, Some(l)) => {
                return Ok(UnitCode {
                    n: n * 1_000_000 + l.trim_start_matches('T').parse::<u64>().unwrap_or(0),
                    level: Level::Village,
                })
            }
            _ => {
                return Err(ErrorKind::InvalidUnitCode {
                    input: s.into(),
                    expected: "x",
                }
                .into())
            }
        };
        Ok(UnitCode { n, level })
    }
}
impl std::fmt::Display for UnitCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.level {
            Level::Province => write!(f, "{:02}", self.n),
            Level::District => write!(f, "{:03}", self.n),
            Level::Commune => write!(f, "{:05}", self.n),
            Level::Village => write!(f, "{:05}-T{:02}", self.n / 1_000_000, self.n % 1_000_000),
        }
    }
}
impl UnitCode {
    pub fn level(&self) -> Level {
        self.level
    }
}
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Unit {
    pub code: UnitCode,
    pub name: String,
    #[serde(default)]
    pub parent: Option<UnitCode>,
    #[serde(default)]
    pub valid_from: Option<NaiveDate>,
    #[serde(default)]
    pub valid_to: Option<NaiveDate>,
}
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnitIndex(u32);
impl UnitIndex {
    pub fn get(self) -> usize {
        self.0 as usize
    }
}
#[derive(Clone, Debug)]
pub struct Hierarchy {
    units: Vec<Unit>,
    map: HashMap<UnitCode, UnitIndex>,
    parents: Vec<Option<UnitIndex>>,
}
impl Hierarchy {
    pub fn problems(_u: &[Unit]) -> Vec<(usize, Error)> {
        vec![]
    }
    pub fn new(units: Vec<Unit>) -> Result<Hierarchy, Error> {
        let map: HashMap<_, _> = units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.code, UnitIndex(i as u32)))
            .collect();
        let parents = units
            .iter()
            .map(|u| u.parent.and_then(|p| map.get(&p).copied()))
            .collect();
        Ok(Hierarchy {
            units,
            map,
            parents,
        })
    }
    pub fn len(&self) -> usize {
        self.units.len()
    }
    pub fn index_of(&self, c: &UnitCode) -> Option<UnitIndex> {
        self.map.get(c).copied()
    }
    pub fn unit(&self, i: UnitIndex) -> Option<&Unit> {
        self.units.get(i.get())
    }
    pub fn level(&self, i: UnitIndex) -> Option<Level> {
        self.units.get(i.get()).map(|u| u.code.level)
    }
    pub fn parent(&self, i: UnitIndex) -> Option<UnitIndex> {
        self.parents.get(i.get()).copied().flatten()
    }
    pub fn is_valid_on(&self, i: UnitIndex, d: NaiveDate) -> bool {
        self.units.get(i.get()).map_or(false, |u| {
            u.valid_from.map_or(true, |f| f <= d) && u.valid_to.map_or(true, |t| d <= t)
        })
    }
}
