use chrono::NaiveDate;

use crate::{Actor, RecordId, UnitCode};

use super::contribution::Contribs;
use super::rules::{Context, Flow, Rules, Sink};
use crate::Builtin;

crate::wire::wire_struct! {
/// An award for mobilization work.
///
/// The seed's "tặng giấy khen cho 11 tập thể" is eleven awards of kind
/// [`AwardKind::GiayKhen`] to [`Recipient::Collective`]s, issued by the province's
/// mobilization commission.
///
/// ```
/// let json = r#"{"unit": "30", "date": "2023-02-02", "issuer": "mobilization_sector",
///                "kind": "giay_khen", "recipient": "collective"}"#;
/// let a: danvan::Award = serde_json::from_str(json).unwrap();
/// assert_eq!(a.recipient, danvan::Recipient::Collective);
/// ```
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Award")
)]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Award {
    /// The record's identifier, if the app gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<RecordId>,
    /// The unit whose body issued it.
    pub unit: UnitCode,
    /// The day it was given.
    #[serde(deserialize_with = "crate::period::date_serde::date")]
    pub date: NaiveDate,
    /// The body that issued it.
    pub issuer: Actor,
    /// Which kind of award.
    pub kind: AwardKind,
    /// A collective or an individual.
    pub recipient: Recipient,
    /// The recipient's name, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}
}

/// The kind of an award.
///
/// ```
/// let k: danvan::AwardKind = serde_json::from_str(r#""bang_khen""#).unwrap();
/// assert_eq!(k, danvan::AwardKind::BangKhen);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AwardKind {
    /// A certificate of merit from the head of a body (giấy khen).
    GiayKhen,
    /// A certificate of merit from a higher authority (bằng khen).
    BangKhen,
    /// Any other form of award.
    Other,
}

/// Who received an award.
///
/// ```
/// let r: danvan::Recipient = serde_json::from_str(r#""individual""#).unwrap();
/// assert_eq!(r, danvan::Recipient::Individual);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Recipient {
    /// A collective (tập thể).
    Collective,
    /// An individual (cá nhân).
    Individual,
}

impl Award {
    /// The one-record rules: its unit valid on its date, the date in the period.
    pub(crate) fn rules<C: Context + ?Sized, S: Sink + ?Sized>(
        &self,
        r: &mut Rules<'_, C, S>,
    ) -> Flow<Option<C::Handle>> {
        r.dated(&self.unit, self.date)
    }

    /// What it adds: collectives or individuals +1, by its issuer.
    pub(crate) fn contribute(&self, c: &mut Contribs) -> Actor {
        c.one(match self.recipient {
            Recipient::Collective => Builtin::AwardedCollectives,
            Recipient::Individual => Builtin::AwardedIndividuals,
        });
        self.issuer
    }
}
