use chrono::NaiveDate;

use crate::{Actor, RecordId, UnitCode};

use super::contribution::Contribs;
use super::rules::{Context, Flow, Rules, Sink};
use crate::Builtin;

crate::wire::wire_struct! {
/// A document issued (văn bản).
///
/// ```
/// let json = r#"{"unit": "30", "date": "2022-05-10", "actor": "mobilization_sector",
///                "kind": "guidance", "reference": "12-HD/BDVTU (synthetic)"}"#;
/// let d: danvan::IssuedDocument = serde_json::from_str(json).unwrap();
/// assert_eq!(d.kind, danvan::DocumentKind::Guidance);
/// ```
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "IssuedDocument")
)]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct IssuedDocument {
    /// The record's identifier, if the app gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<RecordId>,
    /// The unit that issued it.
    pub unit: UnitCode,
    /// The day it was issued.
    #[serde(deserialize_with = "crate::period::date_serde::date")]
    pub date: NaiveDate,
    /// Who issued it.
    pub actor: Actor,
    /// What it is for.
    pub kind: DocumentKind,
    /// Its reference number (số, ký hiệu), if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}
}

/// What a document is for.
///
/// ```
/// let k: danvan::DocumentKind = serde_json::from_str(r#""leadership""#).unwrap();
/// assert_eq!(k, danvan::DocumentKind::Leadership);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DocumentKind {
    /// To lead and direct (lãnh đạo, chỉ đạo).
    Leadership,
    /// To guide and remind (hướng dẫn, đôn đốc).
    Guidance,
}

impl IssuedDocument {
    /// The one-record rules: its unit valid on its date, the date in the period.
    pub(crate) fn rules<C: Context + ?Sized, S: Sink + ?Sized>(
        &self,
        r: &mut Rules<'_, C, S>,
    ) -> Flow<Option<C::Handle>> {
        r.dated(&self.unit, self.date)
    }

    /// What it adds: `documents` +1 and +1 by its kind.
    pub(crate) fn contribute(&self, c: &mut Contribs) -> Actor {
        c.one(Builtin::Documents);
        c.one(match self.kind {
            DocumentKind::Leadership => Builtin::LeadershipDocuments,
            DocumentKind::Guidance => Builtin::GuidanceDocuments,
        });
        self.actor
    }
}
