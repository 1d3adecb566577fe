use chrono::NaiveDate;

use crate::{Actor, Count, Error, RecordId, UnitCode};

use std::ops::ControlFlow;

use super::contribution::Contribs;
use super::rules::{Context, Flow, Rules, Sink};
use crate::{Builtin, ErrorKind};

crate::wire::wire_struct! {
/// An inspection or supervision session (cuộc kiểm tra, giám sát).
///
/// Its subjects are Party organizations and Party members; reports often lump
/// both, so each part is optional and at least one subject is required.
///
/// ```
/// let json = r#"{"unit": "288", "date": "2022-09-01", "actor": "party_committees",
///                "kind": "lumped", "subjects": {"lumped": 3}}"#;
/// let s: danvan::Inspection = serde_json::from_str(json).unwrap();
/// assert_eq!(s.subjects.total()?.get(), 3);
/// # Ok::<(), danvan::Error>(())
/// ```
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Inspection")
)]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Inspection {
    /// The record's identifier, if the app gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<RecordId>,
    /// The unit that held it.
    pub unit: UnitCode,
    /// The day it started.
    #[serde(deserialize_with = "crate::period::date_serde::date")]
    pub date: NaiveDate,
    /// Who held it.
    pub actor: Actor,
    /// Inspection, supervision, or reported as one.
    pub kind: InspectionKind,
    /// Who was inspected or supervised.
    pub subjects: Subjects,
}
}

/// Whether a session was an inspection, a supervision, or reported as one of either.
///
/// ```
/// let k: danvan::InspectionKind = serde_json::from_str(r#""supervision""#).unwrap();
/// assert_eq!(k, danvan::InspectionKind::Supervision);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InspectionKind {
    /// Inspection (kiểm tra).
    Inspection,
    /// Supervision (giám sát).
    Supervision,
    /// Reported as "inspection and supervision" without telling which.
    Lumped,
}

crate::wire::wire_struct! {
/// The subjects of a session: Party organizations, Party members, and subjects
/// reported without telling which.
///
/// ```
/// let s = danvan::Subjects {
///     party_organizations: Some(danvan::Count::new(2)),
///     party_members: Some(danvan::Count::new(5)),
///     lumped: None,
/// };
/// assert_eq!(s.total()?.get(), 7);
/// # Ok::<(), danvan::Error>(())
/// ```
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Subjects")
)]
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize,
)]
#[serde(deny_unknown_fields)]
pub struct Subjects {
    /// Party organizations (tổ chức đảng).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party_organizations: Option<Count>,
    /// Party members (đảng viên).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party_members: Option<Count>,
    /// Organizations and members reported as one number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lumped: Option<Count>,
}
}

impl Subjects {
    /// All subjects together.
    ///
    /// # Errors
    ///
    /// Returns an error when the sum overflows.
    ///
    /// ```
    /// assert_eq!(danvan::Subjects::default().total()?.get(), 0);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn total(&self) -> Result<Count, Error> {
        [self.party_organizations, self.party_members, self.lumped]
            .into_iter()
            .flatten()
            .try_fold(Count::ZERO, Count::checked_add)
    }
}

impl Inspection {
    /// The one-record rules: its unit valid on its date, the date in the
    /// period; at least one subject, their sum fitting in a count.
    pub(crate) fn rules<C: Context + ?Sized, S: Sink + ?Sized>(
        &self,
        r: &mut Rules<'_, C, S>,
    ) -> Flow<Option<C::Handle>> {
        let unit = r.dated(&self.unit, self.date)?;
        match self.subjects.total() {
            Ok(total) if total.get() == 0 => r.error(Some("subjects"), ErrorKind::NoSubjects)?,
            Ok(_) => {}
            Err(err) => r.error(Some("subjects"), err.into_kind())?,
        }
        ControlFlow::Continue(unit)
    }

    /// What it adds: `inspections` +1 and all its subjects.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::TotalOverflow`] when the subjects do not fit in a count.
    pub(crate) fn contribute(&self, c: &mut Contribs) -> Result<Actor, Error> {
        let subjects = self.subjects.total().map_err(|_| -> Error {
            // The record's own unit, even when the hierarchy lacks it.
            ErrorKind::TotalOverflow {
                unit: self.unit.to_string(),
                indicator: Builtin::InspectionSubjects.id().to_owned(),
                era: None,
            }
            .into()
        })?;
        c.one(Builtin::Inspections);
        c.field(Builtin::InspectionSubjects, subjects.get());
        Ok(self.actor)
    }
}
