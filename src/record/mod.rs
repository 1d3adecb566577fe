//! Typed records: one file per kind of thing a commune or province reports.
//!
//! Records are plain data with public fields, as typed by an official. Their
//! single values are checked when they are read (a unit code, a date, a
//! qualified number). Each kind's file holds its struct, its one-record rules
//! (`rules`: consenting households not above affected ones, a date in the
//! period, parts that add up…) and what it adds to totals (`contribute`).
//! [`RecordKind`] is the one table of kinds. The rules are written once
//! (`rules.rs`) and run by [`check`](crate::check), which names
//! every problem with its path, and by the stream and the
//! [`Accumulator`](crate::Accumulator), which stop at the first; rules across
//! records (one block per commune, duplicate figures) are `check`'s.
//! `index.rs` is the neutral form `check` keeps for the roll-up.

mod award;
mod block;
mod clearance;
mod conference;
pub(crate) mod contribution;
mod dialogue;
mod document;
mod figure;
pub(crate) mod index;
mod inspection;
mod kind;
mod model;
pub(crate) mod rules;
mod team;

pub use award::{Award, AwardKind, Recipient};
pub use block::GrassrootsBlock;
pub use clearance::SiteClearance;
pub use conference::{Conference, ConferenceKind, Headcount};
pub use dialogue::{CitizenReception, Dialogue};
pub use document::{DocumentKind, IssuedDocument};
pub(crate) use figure::one_or_many;
pub use figure::{Figure, FigurePart};
pub use inspection::{Inspection, InspectionKind, Subjects};
pub use kind::{FieldRule, RecordKind, RecordRef};
pub use model::{ModelField, ModelForm, ModelStage, SkilfulModel};
pub use team::{TeamMember, TeamRole, VillageTeam};

use std::fmt;
use std::str::FromStr;

use unicode_normalization::UnicodeNormalization;

use crate::{Error, ErrorKind};

/// An app-given identifier of a record: 1 to 64 characters, no control or
/// invisible characters, kept in Unicode NFC.
///
/// Identifiers are optional on every record; when given, they must be unique in
/// their list.
///
/// ```
/// let id: danvan::RecordId = "HN-2022-001".parse()?;
/// assert_eq!(id.as_str(), "HN-2022-001");
/// assert!("".parse::<danvan::RecordId>().is_err());
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "String", into = "String")]
pub struct RecordId(Box<str>);

impl RecordId {
    /// The identifier as text.
    ///
    /// ```
    /// let id: danvan::RecordId = "a1".parse()?;
    /// assert_eq!(id.as_str(), "a1");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

pub(crate) use crate::limits::is_invisible;

impl FromStr for RecordId {
    type Err = Error;

    fn from_str(s: &str) -> Result<RecordId, Error> {
        // The length in bytes first: a huge input is refused before it is
        // normalized or copied (see `limits::nfc_may_fit` for the bound).
        if !crate::limits::nfc_may_fit(s, 64) {
            return Err(ErrorKind::InvalidRecordId { input: s.into() }.into());
        }
        let nfc: String = s.nfc().collect();
        let len = nfc.chars().count();
        if len == 0 || len > 64 || nfc.chars().any(is_invisible) || nfc.trim() != nfc {
            return Err(ErrorKind::InvalidRecordId { input: s.into() }.into());
        }
        Ok(RecordId(nfc.into()))
    }
}

impl TryFrom<String> for RecordId {
    type Error = Error;

    fn try_from(s: String) -> Result<RecordId, Error> {
        s.parse()
    }
}

impl From<RecordId> for String {
    fn from(id: RecordId) -> String {
        id.0.into()
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_id_rules() {
        assert!("a\u{200B}b".parse::<RecordId>().is_err());
        assert!(" a".parse::<RecordId>().is_err());
        assert!("x".repeat(65).parse::<RecordId>().is_err());
        let nfd = "Ho\u{0300}a";
        assert_eq!(nfd.parse::<RecordId>().unwrap().as_str(), "Hòa");
        assert_eq!(
            "".parse::<RecordId>().unwrap_err().to_string(),
            "invalid record id \"\": expected 1 to 64 visible characters without leading or trailing spaces"
        );
    }

    #[test]
    fn a_huge_id_is_refused_before_it_is_normalized() {
        // 64 characters typed decomposed (each a letter and three marks):
        // 512 bytes, of which NFC makes 64 characters: still an id.
        let one: String = "\u{1F82}".nfd().collect();
        let decomposed = one.repeat(64);
        assert_eq!(
            decomposed
                .parse::<RecordId>()
                .map(|id| id.as_str().chars().count()),
            Ok(64)
        );
        // One byte past the bound, and a whole MiB: refused by length alone,
        // the error holding an excerpt.
        let huge = "a".repeat(1 << 20);
        let err = huge.parse::<RecordId>().unwrap_err();
        match err.into_kind() {
            ErrorKind::InvalidRecordId { input } => {
                assert_eq!((input.byte_len(), input.as_str().len()), (1 << 20, 64));
            }
            other => panic!("{other:?}"),
        }
        assert!("a".repeat(1025).parse::<RecordId>().is_err());
    }
}
