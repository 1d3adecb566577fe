use chrono::NaiveDate;

use crate::{Actor, Count, RecordId, Reported, UnitCode};

use std::ops::ControlFlow;

use super::contribution::Contribs;
use super::rules::{Context, Flow, Rules, Sink};
use crate::Builtin;

crate::wire::wire_struct! {
/// A dialogue between the head of a Party committee or government and the
/// people (tiếp xúc, đối thoại).
///
/// ```
/// let json = r#"{"unit": "10507", "date": "2022-06-01", "actor": "government", "participants": 120,
///                "petitions_raised": 14, "petitions_resolved": 9}"#;
/// let d: danvan::Dialogue = serde_json::from_str(json).unwrap();
/// assert_eq!(d.petitions_resolved.get(), 9);
/// ```
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Dialogue")
)]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Dialogue {
    /// The record's identifier, if the app gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<RecordId>,
    /// The unit whose head held it; its level is the level of the head.
    pub unit: UnitCode,
    /// The day it was held.
    #[serde(deserialize_with = "crate::period::date_serde::date")]
    pub date: NaiveDate,
    /// Whose head held it: Party committee (`party_committees`) or government.
    pub actor: Actor,
    /// How many people took part.
    pub participants: Reported,
    /// Petitions and proposals raised (kiến nghị).
    #[serde(default)]
    pub petitions_raised: Count,
    /// Petitions and proposals resolved.
    #[serde(default)]
    pub petitions_resolved: Count,
}
}

crate::wire::wire_struct! {
/// One day on which the head of a Party committee or government received
/// citizens (tiếp công dân).
///
/// Quy định 11-QĐi/TW (2019) asks heads at province and district level to
/// receive citizens at least one day a month, and commune heads two days; see
/// [`ReceptionNorms`](crate::ReceptionNorms).
///
/// ```
/// let json = r#"{"unit": "30", "date": "2022-06-15", "actor": "party_committees", "citizens": 23,
///                "petitions_raised": 5, "petitions_resolved": 5}"#;
/// let r: danvan::CitizenReception = serde_json::from_str(json).unwrap();
/// assert_eq!(r.citizens.map(|c| c.get()), Some(23));
/// ```
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "CitizenReception")
)]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct CitizenReception {
    /// The record's identifier, if the app gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<RecordId>,
    /// The unit whose head received citizens; its level is the level of the head.
    pub unit: UnitCode,
    /// The day of the reception.
    #[serde(deserialize_with = "crate::period::date_serde::date")]
    pub date: NaiveDate,
    /// Whose head received citizens: Party committee or government.
    pub actor: Actor,
    /// How many citizens came, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citizens: Option<Count>,
    /// Petitions raised.
    #[serde(default)]
    pub petitions_raised: Count,
    /// Petitions resolved.
    #[serde(default)]
    pub petitions_resolved: Count,
}
}

impl Dialogue {
    /// The one-record rules: its unit valid on its date, the date in the
    /// period; petitions resolved not above those raised.
    pub(crate) fn rules<C: Context + ?Sized, S: Sink + ?Sized>(
        &self,
        r: &mut Rules<'_, C, S>,
    ) -> Flow<Option<C::Handle>> {
        let unit = r.dated(&self.unit, self.date)?;
        r.petitions(self.petitions_raised.get(), self.petitions_resolved.get())?;
        ControlFlow::Continue(unit)
    }

    /// What it adds: `dialogues` +1, participants, petitions raised and resolved.
    pub(crate) fn contribute(&self, c: &mut Contribs) -> Actor {
        c.one(Builtin::Dialogues);
        c.reported(Builtin::DialogueParticipants, self.participants);
        c.field(Builtin::PetitionsRaised, self.petitions_raised.get());
        c.field(Builtin::PetitionsResolved, self.petitions_resolved.get());
        self.actor
    }
}

impl CitizenReception {
    /// The one-record rules: its unit valid on its date, the date in the
    /// period; petitions resolved not above those raised.
    pub(crate) fn rules<C: Context + ?Sized, S: Sink + ?Sized>(
        &self,
        r: &mut Rules<'_, C, S>,
    ) -> Flow<Option<C::Handle>> {
        let unit = r.dated(&self.unit, self.date)?;
        r.petitions(self.petitions_raised.get(), self.petitions_resolved.get())?;
        ControlFlow::Continue(unit)
    }

    /// What it adds: `receptions` +1, petitions raised and resolved.
    pub(crate) fn contribute(&self, c: &mut Contribs) -> Actor {
        c.one(Builtin::Receptions);
        c.field(Builtin::PetitionsRaised, self.petitions_raised.get());
        c.field(Builtin::PetitionsResolved, self.petitions_resolved.get());
        self.actor
    }
}
