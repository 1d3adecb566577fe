use chrono::NaiveDate;

use crate::{Actor, RecordId, Reported, UnitCode};

use super::contribution::Contribs;
use super::rules::{Context, Flow, Rules, Sink};
use crate::Builtin;

crate::wire::wire_struct! {
/// A propaganda or training conference (hội nghị tuyên truyền, tập huấn).
///
/// ```
/// let json = r#"{"unit": "288", "date": "2022-03-15", "actor": "party_committees",
///                "kind": "both", "participants": {"at_least": 45}}"#;
/// let c: danvan::Conference = serde_json::from_str(json).unwrap();
/// assert_eq!(c.headcount, danvan::Headcount::Occurrences);
/// assert_eq!(c.participants.value().get(), 45);
/// ```
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Conference")
)]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Conference {
    /// The record's identifier, if the app gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<RecordId>,
    /// The unit that held it.
    pub unit: UnitCode,
    /// The day it was held.
    #[serde(deserialize_with = "crate::period::date_serde::date")]
    pub date: NaiveDate,
    /// Who organized it.
    pub actor: Actor,
    /// Propaganda, training, or both.
    pub kind: ConferenceKind,
    /// How many took part, possibly qualified (`{"at_least": 45}`).
    pub participants: Reported,
    /// Whether `participants` counts occurrences or distinct persons.
    #[serde(default)]
    pub headcount: Headcount,
}
}

/// What a conference was for.
///
/// ```
/// assert!(danvan::ConferenceKind::Both.is_training());
/// assert!(!danvan::ConferenceKind::Propaganda.is_training());
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ConferenceKind {
    /// Propaganda (tuyên truyền).
    Propaganda,
    /// Training (tập huấn).
    Training,
    /// Propaganda and training in one conference.
    Both,
}

impl ConferenceKind {
    /// Whether the conference included training.
    ///
    /// ```
    /// assert!(danvan::ConferenceKind::Training.is_training());
    /// ```
    #[must_use]
    pub const fn is_training(self) -> bool {
        matches!(self, ConferenceKind::Training | ConferenceKind::Both)
    }

    /// Whether the conference included propaganda.
    ///
    /// ```
    /// assert!(danvan::ConferenceKind::Both.is_propaganda());
    /// ```
    #[must_use]
    pub const fn is_propaganda(self) -> bool {
        matches!(self, ConferenceKind::Propaganda | ConferenceKind::Both)
    }
}

/// Whether a number of participants counts occurrences or distinct persons.
///
/// Occurrences (số lượt) add up; distinct persons (số người) do not, because the
/// same person may attend twice.
///
/// ```
/// assert_eq!(danvan::Headcount::default(), danvan::Headcount::Occurrences);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Headcount {
    /// Attendances: a person at two conferences counts twice.
    #[default]
    Occurrences,
    /// Distinct persons.
    DistinctPersons,
}

impl Conference {
    /// The one-record rules: its unit valid on its date, the date in the period.
    pub(crate) fn rules<C: Context + ?Sized, S: Sink + ?Sized>(
        &self,
        r: &mut Rules<'_, C, S>,
    ) -> Flow<Option<C::Handle>> {
        r.dated(&self.unit, self.date)
    }

    /// What it adds: `conferences` +1, training and propaganda +1 by its
    /// kind, its participants by its headcount.
    pub(crate) fn contribute(&self, c: &mut Contribs) -> Actor {
        c.one(Builtin::Conferences);
        if self.kind.is_training() {
            c.one(Builtin::TrainingConferences);
        }
        if self.kind.is_propaganda() {
            c.one(Builtin::PropagandaConferences);
        }
        let who = match self.headcount {
            Headcount::Occurrences => Builtin::ConferenceParticipants,
            Headcount::DistinctPersons => Builtin::ConferencePersons,
        };
        c.reported(who, self.participants);
        self.actor
    }
}
