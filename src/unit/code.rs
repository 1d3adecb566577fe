//! Levels, unit codes and units.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;

use crate::{Error, ErrorKind};

/// The level of an administrative unit.
///
/// Before the reform of 1 July 2025 the country had four levels (province →
/// district → commune, and villages below the commune); since then the
/// district level is gone and communes sit directly under their province.
///
/// On the wire a level is a snake_case string:
///
/// ```
/// use danvan::Level;
///
/// assert_eq!(serde_json::to_string(&Level::Commune).unwrap(), r#""commune""#);
/// assert!(Level::Commune.can_sit_under(Level::Province));
/// assert_eq!(Level::Village.depth(), 3);
/// # Ok::<(), danvan::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Level {
    /// A province or centrally governed city (2-digit code).
    Province,
    /// A district, town or provincial city; abolished on 1 July 2025 (3-digit code).
    District,
    /// A commune, ward, township or special zone (5-digit code).
    Commune,
    /// A village or residential area below a commune (app-given code).
    Village,
}

impl Level {
    /// Every level, from the top down.
    ///
    /// ```
    /// assert_eq!(danvan::Level::ALL.len(), 4);
    /// assert_eq!(danvan::Level::ALL[0], danvan::Level::Province);
    /// ```
    pub const ALL: [Level; 4] = [
        Level::Province,
        Level::District,
        Level::Commune,
        Level::Village,
    ];

    /// The rank of the level in the four-level order: 0 for a province, 1 for a
    /// district, 2 for a commune, 3 for a village.
    ///
    /// It is a rank, not the distance from the root: a commune keeps rank 2
    /// after 2025 although it then sits directly under its province. It can
    /// index a table of four entries, one per level.
    ///
    /// ```
    /// assert_eq!(danvan::Level::Province.depth(), 0);
    /// assert_eq!(danvan::Level::Commune.depth(), 2);
    /// ```
    #[must_use]
    pub const fn depth(self) -> usize {
        self as usize
    }

    /// Whether a unit of this level may have a parent of level `parent`.
    ///
    /// A district sits under a province; a commune under a district (before
    /// the 2025 reform) or under a province (after it); a village under a
    /// commune; a province under nothing.
    ///
    /// ```
    /// use danvan::Level;
    ///
    /// assert!(Level::District.can_sit_under(Level::Province));
    /// assert!(Level::Commune.can_sit_under(Level::District));
    /// assert!(Level::Commune.can_sit_under(Level::Province));
    /// assert!(!Level::Village.can_sit_under(Level::District));
    /// assert!(!Level::Province.can_sit_under(Level::Province));
    /// ```
    #[must_use]
    pub const fn can_sit_under(self, parent: Level) -> bool {
        matches!(
            (self, parent),
            (Level::District, Level::Province)
                | (Level::Commune, Level::District)
                | (Level::Commune, Level::Province)
                | (Level::Village, Level::Commune)
        )
    }

    /// The wire name, e.g. `"commune"`.
    ///
    /// ```
    /// assert_eq!(danvan::Level::District.as_str(), "district");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::District => "district",
            Level::Commune => "commune",
            Level::Village => "village",
        }
    }

    /// What a parent of this level's unit must be, in words (for messages).
    pub(crate) const fn expected_parent(self) -> &'static str {
        match self {
            Level::Province => "no parent",
            Level::District => "a parent at level province",
            Level::Commune => "a parent at level district or province",
            Level::Village => "a parent at level commune",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The longest app-given village part of a [`UnitCode`].
const VILLAGE_PART_MAX: usize = 16;

/// The number of [`UnitCode::national_slot`]s: 2-, 3- and 5-digit codes.
pub(crate) const NATIONAL_SLOTS: usize = 100 + 1000 + 100_000;

/// What a unit code must look like (the `expected` of [`ErrorKind::InvalidUnitCode`]).
const EXPECTED_CODE: &str = "2 digits (province), 3 (district), 5 (commune), \
     or a commune code, '-' and 1 to 16 of A-Z a-z 0-9 _ (village)";
/// What the village part of a unit code must look like.
const EXPECTED_VILLAGE: &str =
    "a village part of 1 to 16 characters from A-Z a-z 0-9 _ after the commune code and '-'";

/// The code of an administrative unit, e.g. `"30"`, `"288"`, `"10507"` or `"10507-T01"`.
///
/// The shape of the text decides the level: exactly 2 ASCII digits are a
/// province, 3 a district, 5 a commune (as the national list writes them,
/// zero-padded). Villages have no national code: a village code is its
/// commune's code, `-`, and an app-given part of 1 to 16 characters from
/// `A-Z a-z 0-9 _`. Anything else is rejected, including signs, spaces and
/// other Unicode digits.
///
/// The code is `Copy` and holds no heap data. Codes order by level, then
/// number, then village part. Display gives back the exact text.
///
/// ```
/// use danvan::{Level, UnitCode};
///
/// let village: UnitCode = "10507-T01".parse()?;
/// assert_eq!(village.level(), Level::Village);
/// assert_eq!(village.commune(), Some("10507".parse()?));
/// assert_eq!(village.to_string(), "10507-T01");
/// assert!("0030".parse::<UnitCode>().is_err());
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnitCode {
    // Field order matters for the derived `Ord`.
    level: Level,
    number: u32,
    /// The village part, zero-padded (zero never occurs in a valid part).
    village: [u8; VILLAGE_PART_MAX],
    village_len: u8,
}

impl UnitCode {
    /// The level the code's shape says.
    ///
    /// ```
    /// let district: danvan::UnitCode = "288".parse()?;
    /// assert_eq!(district.level(), danvan::Level::District);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub const fn level(&self) -> Level {
        self.level
    }

    /// The commune code: the commune itself, or a village's commune; `None`
    /// for a province or a district.
    ///
    /// ```
    /// let village: danvan::UnitCode = "10507-T01".parse()?;
    /// assert_eq!(village.commune().map(|c| c.to_string()), Some("10507".to_owned()));
    /// let province: danvan::UnitCode = "30".parse()?;
    /// assert_eq!(province.commune(), None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub const fn commune(&self) -> Option<UnitCode> {
        match self.level {
            Level::Province | Level::District => None,
            Level::Commune | Level::Village => Some(UnitCode {
                level: Level::Commune,
                number: self.number,
                village: [0; VILLAGE_PART_MAX],
                village_len: 0,
            }),
        }
    }

    /// The app-given village part after `-`, or `None` for a national code.
    ///
    /// ```
    /// let village: danvan::UnitCode = "10507-T01".parse()?;
    /// assert_eq!(village.village_part(), Some("T01"));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn village_part(&self) -> Option<&str> {
        if self.level != Level::Village {
            return None;
        }
        let bytes = self.village.get(..usize::from(self.village_len))?;
        std::str::from_utf8(bytes).ok()
    }

    /// A dense slot for a national code (province, district or commune),
    /// below [`NATIONAL_SLOTS`]; `None` for a village.
    pub(crate) const fn national_slot(&self) -> Option<usize> {
        let n = self.number as usize;
        match self.level {
            Level::Province => Some(n),
            Level::District => Some(100 + n),
            Level::Commune => Some(1100 + n),
            Level::Village => None,
        }
    }

    /// A national code (province, district or commune) from its digits:
    /// 2, 3 or 5 ASCII digits, else `None`. The rule of [`FromStr`] for
    /// codes without a village part, and the stream's fast path for them.
    pub(crate) fn national(digits: &[u8]) -> Option<UnitCode> {
        let level = match digits.len() {
            2 => Level::Province,
            3 => Level::District,
            5 => Level::Commune,
            _ => return None,
        };
        let mut number = 0u32;
        for &b in digits {
            if !b.is_ascii_digit() {
                return None;
            }
            number = number * 10 + u32::from(b - b'0');
        }
        Some(UnitCode {
            level,
            number,
            village: [0; VILLAGE_PART_MAX],
            village_len: 0,
        })
    }
}

impl FromStr for UnitCode {
    type Err = Error;

    /// The one place the rule of unit codes lives.
    fn from_str(s: &str) -> Result<UnitCode, Error> {
        let invalid = |expected: &'static str| -> Error {
            ErrorKind::InvalidUnitCode {
                input: s.into(),
                expected,
            }
            .into()
        };
        let (national, village) = match s.split_once('-') {
            Some((national, village)) => (national, Some(village)),
            None => (s, None),
        };
        let code = UnitCode::national(national.as_bytes()).ok_or_else(|| invalid(EXPECTED_CODE))?;
        let Some(village) = village else {
            return Ok(code);
        };
        if code.level != Level::Commune {
            return Err(invalid(EXPECTED_CODE));
        }
        if village.is_empty() || village.len() > VILLAGE_PART_MAX {
            return Err(invalid(EXPECTED_VILLAGE));
        }
        let mut part = [0u8; VILLAGE_PART_MAX];
        let mut len = 0u8;
        for (slot, b) in part.iter_mut().zip(village.bytes()) {
            if !(b.is_ascii_alphanumeric() || b == b'_') {
                return Err(invalid(EXPECTED_VILLAGE));
            }
            *slot = b;
            len += 1;
        }
        Ok(UnitCode {
            level: Level::Village,
            village: part,
            village_len: len,
            ..code
        })
    }
}

impl TryFrom<String> for UnitCode {
    type Error = Error;

    fn try_from(s: String) -> Result<UnitCode, Error> {
        s.parse()
    }
}

impl TryFrom<&str> for UnitCode {
    type Error = Error;

    fn try_from(s: &str) -> Result<UnitCode, Error> {
        s.parse()
    }
}

impl From<UnitCode> for String {
    fn from(code: UnitCode) -> String {
        code.to_string()
    }
}

impl fmt::Display for UnitCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.level {
            Level::Province => write!(f, "{:02}", self.number),
            Level::District => write!(f, "{:03}", self.number),
            Level::Commune => write!(f, "{:05}", self.number),
            Level::Village => {
                write!(f, "{:05}-", self.number)?;
                f.write_str(self.village_part().unwrap_or_default())
            }
        }
    }
}

impl fmt::Debug for UnitCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "UnitCode({:?})", self.to_string())
    }
}

impl serde::Serialize for UnitCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for UnitCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<UnitCode, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// An administrative unit: its code, name, parent and dates of validity.
///
/// The level comes from the code. The name is stored in Unicode NFC. The
/// validity dates are inclusive; `None` means open (since always, or still
/// valid). Whether the parent fits is checked when units form a
/// [`Hierarchy`](crate::Hierarchy).
///
/// On the wire (unknown fields rejected, optional fields may be left out):
///
/// ```
/// use danvan::Unit;
///
/// let json = r#"{"code": "10507", "name": "Phường Cẩm Thượng", "parent": "288",
///                "valid_from": "2020-01-01", "valid_to": "2025-06-30"}"#;
/// let unit: Unit = serde_json::from_str(json).unwrap();
/// assert_eq!(unit.level(), danvan::Level::Commune);
/// assert_eq!(unit.parent(), Some("288".parse()?));
/// assert!(unit.is_valid_on(chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()));
/// assert!(!unit.is_valid_on(chrono::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap()));
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(from = "UnitWire", into = "UnitWire")]
pub struct Unit {
    code: UnitCode,
    name: String,
    parent: Option<UnitCode>,
    valid_from: Option<NaiveDate>,
    valid_to: Option<NaiveDate>,
}

/// A unit's name as the crate keeps it, read or built: NFC, every run of
/// whitespace (`char::is_whitespace`: line breaks `\n`, `\r\n`, tabs, no-break
/// spaces, …) one space, none at either end. Officials paste names from
/// spreadsheet cells with line breaks in them; the report writes a name on
/// one line, and the data says the same name.
///
/// Other control characters separate words as whitespace does (the report
/// writes them as spaces); invisible format characters (zero-width spaces,
/// joiners, direction marks, a byte order mark: [`crate::limits::is_invisible`])
/// are left out: they arrive with pasted text and are no part of a name, so
/// a name of them alone is empty.
pub(crate) fn normalize_name(name: &str) -> String {
    let nfc: String = name
        .nfc()
        .filter(|&c| c.is_whitespace() || c.is_control() || !crate::limits::is_invisible(c))
        .collect();
    let mut out = String::with_capacity(nfc.len());
    for word in nfc
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether a name says nothing once normalized ([`normalize_name`]).
pub(crate) fn name_is_empty(name: &str) -> bool {
    normalize_name(name).is_empty()
}

/// Reading a unit's name ([`normalize_name`]); a name empty after it (only
/// whitespace, or nothing) is refused: a unit's name says which unit it is
/// (a v2 ancestor of the root without a name leaves `name` out).
pub(crate) mod name_serde {
    use serde::{Deserialize, Deserializer};

    /// The message of a refused name.
    pub(crate) const EMPTY: &str =
        "a unit's name is empty or only whitespace: expected the unit's name";

    fn checked<E: serde::de::Error>(name: &str) -> Result<String, E> {
        let n = super::normalize_name(name);
        if n.is_empty() {
            return Err(E::custom(EMPTY));
        }
        Ok(n)
    }

    /// A name.
    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        let s = String::deserialize(d)?;
        checked(&s)
    }

    /// A name that may be left out (or `null`).
    pub(crate) fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        match Option::<String>::deserialize(d)? {
            Some(s) => checked(&s).map(Some),
            None => Ok(None),
        }
    }

    /// A name as the reader reads it back ([`super::normalize_name`]): a
    /// name set in code with a line break is written with a space.
    pub(crate) fn serialize<S: serde::Serializer>(name: &str, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::normalize_name(name))
    }

    /// [`serialize`] of a name that may be left out.
    pub(crate) fn serialize_option<S: serde::Serializer>(
        name: &Option<String>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match name {
            Some(n) => serialize(n, s),
            None => s.serialize_none(),
        }
    }
}

/// The wire shape of a [`Unit`].
#[derive(Clone, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
struct UnitWire {
    code: UnitCode,
    #[serde(
        deserialize_with = "name_serde::deserialize",
        serialize_with = "name_serde::serialize"
    )]
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    parent: Option<UnitCode>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::period::date_serde::option"
    )]
    valid_from: Option<NaiveDate>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::period::date_serde::option"
    )]
    valid_to: Option<NaiveDate>,
}

crate::wire::objects_only!(UnitWire);

impl From<UnitWire> for Unit {
    fn from(w: UnitWire) -> Unit {
        Unit::new(w.code, w.name)
            .with_parent(w.parent)
            .with_validity(w.valid_from, w.valid_to)
    }
}

impl From<Unit> for UnitWire {
    fn from(u: Unit) -> UnitWire {
        UnitWire {
            code: u.code,
            name: u.name,
            parent: u.parent,
            valid_from: u.valid_from,
            valid_to: u.valid_to,
        }
    }
}

impl Unit {
    /// Creates a unit without parent and valid at all times; the name is
    /// normalized to NFC, every run of whitespace (a line break, as an Excel
    /// cell's Alt+Enter leaves one, a tab, …) one space, none at either end —
    /// the rule every reader applies to a unit's name, which refuses a name
    /// left empty by it.
    ///
    /// ```
    /// let unit = danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương");
    /// assert_eq!(unit.name(), "Tỉnh Hải Dương");
    /// let pasted = danvan::Unit::new("288".parse()?, " Thành phố\r\nHải  Dương\n");
    /// assert_eq!(pasted.name(), "Thành phố Hải Dương");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn new(code: UnitCode, name: impl AsRef<str>) -> Unit {
        Unit {
            code,
            name: normalize_name(name.as_ref()),
            parent: None,
            valid_from: None,
            valid_to: None,
        }
    }

    /// Sets the parent's code (`None`: no parent).
    ///
    /// ```
    /// let unit = danvan::Unit::new("288".parse()?, "Thành phố Hải Dương")
    ///     .with_parent(Some("30".parse()?));
    /// assert_eq!(unit.parent().map(|p| p.to_string()), Some("30".to_owned()));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn with_parent(mut self, parent: Option<UnitCode>) -> Unit {
        self.parent = parent;
        self
    }

    /// Sets the inclusive dates of validity (`None`: open at that end).
    ///
    /// A reversed range is reported when the unit joins a
    /// [`Hierarchy`](crate::Hierarchy).
    ///
    /// ```
    /// use chrono::NaiveDate;
    ///
    /// let unit = danvan::Unit::new("288".parse()?, "Thành phố Hải Dương")
    ///     .with_validity(None, NaiveDate::from_ymd_opt(2025, 6, 30));
    /// assert_eq!(unit.valid_to(), NaiveDate::from_ymd_opt(2025, 6, 30));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn with_validity(mut self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Unit {
        self.valid_from = from;
        self.valid_to = to;
        self
    }

    /// The unit's code.
    ///
    /// ```
    /// let unit = danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương");
    /// assert_eq!(unit.code().to_string(), "30");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub const fn code(&self) -> UnitCode {
        self.code
    }

    /// The unit's name, in NFC.
    ///
    /// ```
    /// let unit = danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương");
    /// assert_eq!(unit.name(), "Tỉnh Hải Dương");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The unit's level, from its code.
    ///
    /// ```
    /// let unit = danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương");
    /// assert_eq!(unit.level(), danvan::Level::Province);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub const fn level(&self) -> Level {
        self.code.level()
    }

    /// The parent's code, if any.
    ///
    /// ```
    /// let unit = danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương");
    /// assert_eq!(unit.parent(), None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub const fn parent(&self) -> Option<UnitCode> {
        self.parent
    }

    /// The first day of validity (inclusive), or `None` if open.
    ///
    /// ```
    /// let unit = danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương");
    /// assert_eq!(unit.valid_from(), None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub const fn valid_from(&self) -> Option<NaiveDate> {
        self.valid_from
    }

    /// The last day of validity (inclusive), or `None` if open.
    ///
    /// ```
    /// let unit = danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương");
    /// assert_eq!(unit.valid_to(), None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub const fn valid_to(&self) -> Option<NaiveDate> {
        self.valid_to
    }

    /// Whether the unit is valid on `date` (both ends inclusive).
    ///
    /// ```
    /// use chrono::NaiveDate;
    ///
    /// let unit = danvan::Unit::new("288".parse()?, "Thành phố Hải Dương")
    ///     .with_validity(None, NaiveDate::from_ymd_opt(2025, 6, 30));
    /// assert!(unit.is_valid_on(NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()));
    /// assert!(!unit.is_valid_on(NaiveDate::from_ymd_opt(2025, 7, 1).unwrap()));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn is_valid_on(&self, date: NaiveDate) -> bool {
        self.valid_from.map_or(true, |from| from <= date)
            && self.valid_to.map_or(true, |to| date <= to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn code(s: &str) -> UnitCode {
        s.parse().unwrap()
    }

    #[test]
    fn levels_from_shape() {
        assert_eq!(code("30").level(), Level::Province);
        assert_eq!(code("01").level(), Level::Province);
        assert_eq!(code("288").level(), Level::District);
        assert_eq!(code("10507").level(), Level::Commune);
        assert_eq!(code("00001").level(), Level::Commune);
        assert_eq!(code("10507-T01").level(), Level::Village);
        assert_eq!(code("10507-a_Z9").level(), Level::Village);
        assert_eq!(code("10507-0123456789abcdef").level(), Level::Village);
        for s in ["01", "288", "00001", "10507-T01", "00000-_"] {
            assert_eq!(code(s).to_string(), s);
        }
    }

    #[test]
    fn rejects_other_shapes() {
        let bad = [
            ("", EXPECTED_CODE),
            ("3", EXPECTED_CODE),
            ("0030", EXPECTED_CODE),
            ("123456", EXPECTED_CODE),
            (" 30", EXPECTED_CODE),
            ("30 ", EXPECTED_CODE),
            ("+30", EXPECTED_CODE),
            ("3\u{200b}0", EXPECTED_CODE),
            ("3\u{0}", EXPECTED_CODE),
            ("\u{0663}\u{0660}", EXPECTED_CODE),
            ("３０", EXPECTED_CODE),
            ("288-A", EXPECTED_CODE),
            ("-T01", EXPECTED_CODE),
            ("10507-", EXPECTED_VILLAGE),
            ("10507-T 01", EXPECTED_VILLAGE),
            ("10507-T-01", EXPECTED_VILLAGE),
            ("10507-Thôn", EXPECTED_VILLAGE),
            ("10507-T01\u{200b}", EXPECTED_VILLAGE),
            ("10507-0123456789abcdefg", EXPECTED_VILLAGE),
        ];
        for (input, expected) in bad {
            let err = input.parse::<UnitCode>().unwrap_err();
            assert_eq!(
                err.kind(),
                &ErrorKind::InvalidUnitCode {
                    input: input.into(),
                    expected
                },
                "{input:?}"
            );
            assert_eq!(err.code(), "DV030");
        }
        assert_eq!(
            "3".parse::<UnitCode>().unwrap_err().to_string(),
            "invalid unit code \"3\": expected 2 digits (province), 3 (district), 5 (commune), \
             or a commune code, '-' and 1 to 16 of A-Z a-z 0-9 _ (village)"
        );
        assert_eq!(
            "10507-".parse::<UnitCode>().unwrap_err().to_string(),
            "invalid unit code \"10507-\": expected a village part of 1 to 16 characters \
             from A-Z a-z 0-9 _ after the commune code and '-'"
        );
    }

    #[test]
    fn commune_of_village_and_order() {
        assert_eq!(code("10507-T01").commune(), Some(code("10507")));
        assert_eq!(code("10507").commune(), Some(code("10507")));
        assert_eq!(code("288").commune(), None);
        assert!(code("10507-T0") < code("10507-T01"));
        assert!(code("10507-T01") < code("10507-T02"));
        assert!(code("10507") < code("10507-A"));
        assert!(code("99") < code("001"));
        assert_eq!(std::mem::size_of::<UnitCode>(), 24);
    }

    #[test]
    fn serde_goes_through_the_rule() {
        let c: UnitCode = serde_json::from_str("\"10507-T01\"").unwrap();
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"10507-T01\"");
        let err = serde_json::from_str::<UnitCode>("\"0030\"").unwrap_err();
        assert!(err.to_string().starts_with("invalid unit code \"0030\""));
        assert!(serde_json::from_str::<UnitCode>("30").is_err());
        assert_eq!(UnitCode::try_from("30".to_owned()).unwrap(), code("30"));
    }

    #[test]
    fn a_name_is_nfc_with_one_space_for_each_run_of_whitespace() {
        for (raw, want) in [
            ("Phường\nMới", "Phường Mới"),
            ("Phường\r\nMới", "Phường Mới"),
            (
                "  Phường \t\u{a0} Mới\u{2028}(synthetic) ",
                "Phường Mới (synthetic)",
            ),
            (
                "Phu\u{031b}o\u{031b}\u{0300}ng\n\u{0301}A",
                "Phường \u{0301}A",
            ),
            ("\r\n\t ", ""),
            ("", ""),
        ] {
            let got = normalize_name(raw);
            assert_eq!(got, want, "{raw:?}");
            assert_eq!(normalize_name(&got), got, "idempotent: {raw:?}");
        }
        // Other control characters separate words, as the report writes them;
        // zero-width and direction characters are left out.
        assert_eq!(normalize_name("Xã\u{7}A"), "Xã A");
        assert_eq!(normalize_name("Xã\u{200b}A\u{feff}"), "XãA");
        assert_eq!(normalize_name("\u{200b}\u{200e}"), "");
        let read: Unit =
            serde_json::from_str(r#"{"code":"30","name":"Tỉnh\r\nHải Dương"}"#).unwrap();
        assert_eq!(read.name(), "Tỉnh Hải Dương");
        let err = serde_json::from_str::<Unit>(r#"{"code":"30","name":" \n "}"#).unwrap_err();
        assert!(err.to_string().contains(name_serde::EMPTY), "{err}");
    }

    #[test]
    fn unit_wire_and_nfc() {
        // "Phường" written with a combining grave accent (NFD) becomes NFC.
        let unit = Unit::new(code("10507"), "Phu\u{031b}o\u{031b}\u{0300}ng");
        assert_eq!(unit.name(), "Phường");
        let json = r#"{"code":"10507","name":"Phường Cẩm Thượng","parent":"288","valid_from":"2020-01-01","valid_to":"2025-06-30"}"#;
        let unit: Unit = serde_json::from_str(json).unwrap();
        assert_eq!(serde_json::to_string(&unit).unwrap(), json);
        let bare: Unit = serde_json::from_str(r#"{"code":"30","name":"Tỉnh Hải Dương"}"#).unwrap();
        assert_eq!(bare, Unit::new(code("30"), "Tỉnh Hải Dương"));
        assert_eq!(
            serde_json::to_string(&bare).unwrap(),
            r#"{"code":"30","name":"Tỉnh Hải Dương"}"#
        );
        assert!(
            serde_json::from_str::<Unit>(r#"{"code":"30","name":"x","level":"province"}"#).is_err()
        );
    }

    fn any_code() -> impl Strategy<Value = String> {
        prop_oneof![
            "[0-9]{2}",
            "[0-9]{3}",
            "[0-9]{5}",
            "[0-9]{5}-[A-Za-z0-9_]{1,16}",
        ]
    }

    proptest! {
        #[test]
        fn display_from_str_round_trip(text in any_code()) {
            let c: UnitCode = text.parse().unwrap();
            prop_assert_eq!(c.to_string(), text.clone());
            prop_assert_eq!(c.to_string().parse::<UnitCode>().unwrap(), c);
        }

        #[test]
        fn never_panics_and_round_trips_when_accepted(text in "\\PC{0,24}") {
            if let Ok(c) = text.parse::<UnitCode>() {
                prop_assert_eq!(c.to_string(), text);
            }
        }

        /// The digits-only reading (the stream's fast path) is the whole
        /// rule's for every text without a village part.
        #[test]
        fn national_agrees_with_from_str(text in "[0-9a\\-]{0,7}") {
            let whole = text.parse::<UnitCode>().ok().filter(|c| c.level() != Level::Village);
            prop_assert_eq!(UnitCode::national(text.as_bytes()), whole);
        }

        #[test]
        fn order_agrees_with_text_within_a_level(a in "[0-9]{5}-[A-Za-z0-9_]{1,16}", b in "[0-9]{5}-[A-Za-z0-9_]{1,16}") {
            let (ca, cb) = (a.parse::<UnitCode>().unwrap(), b.parse::<UnitCode>().unwrap());
            prop_assert_eq!(ca.cmp(&cb), a.cmp(&b));
        }
    }
}
