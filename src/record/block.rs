use chrono::NaiveDate;

use crate::{RecordId, UnitCode};

use std::ops::ControlFlow;

use super::contribution::Contribs;
use super::rules::{Context, Flow, Rules, Sink};
use crate::{Actor, Builtin, Level};

crate::wire::wire_struct! {
/// A grassroots mobilization block (khối dân vận cơ sở): the mobilization
/// coordinating body of a commune's Party committee; at most one per commune.
///
/// It is a stock: it counts in every period at whose end it exists.
///
/// ```
/// let json = r#"{"unit": "10507", "established": "2015-03-01"}"#;
/// let block: danvan::GrassrootsBlock = serde_json::from_str(json).unwrap();
/// assert_eq!(block.unit.to_string(), "10507");
/// assert!(block.dissolved.is_none());
/// ```
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "GrassrootsBlock")
)]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct GrassrootsBlock {
    /// The record's identifier, if the app gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<RecordId>,
    /// The commune the block belongs to.
    pub unit: UnitCode,
    /// When it was set up, if known.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::period::date_serde::option"
    )]
    pub established: Option<NaiveDate>,
    /// When it ceased to exist, if it did.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::period::date_serde::option"
    )]
    pub dissolved: Option<NaiveDate>,
}
}

impl GrassrootsBlock {
    /// Whether the block exists on `date`: set up on or before it (or when
    /// unknown) and not dissolved on or before it.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let block = danvan::GrassrootsBlock {
    ///     id: None,
    ///     unit: "10507".parse()?,
    ///     established: NaiveDate::from_ymd_opt(2015, 3, 1),
    ///     dissolved: NaiveDate::from_ymd_opt(2025, 7, 1),
    /// };
    /// assert!(block.exists_on(NaiveDate::from_ymd_opt(2022, 12, 31).unwrap()));
    /// assert!(!block.exists_on(NaiveDate::from_ymd_opt(2025, 7, 1).unwrap()));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn exists_on(&self, date: NaiveDate) -> bool {
        exists_on(self.established, self.dissolved, date)
    }
}

/// Whether something set up on `established` and ended on `dissolved` exists on `date`.
pub(crate) fn exists_on(
    established: Option<NaiveDate>,
    dissolved: Option<NaiveDate>,
    date: NaiveDate,
) -> bool {
    established.map_or(true, |e| e <= date) && dissolved.map_or(true, |d| date < d)
}

impl GrassrootsBlock {
    /// The one-record rules: a commune, valid on the period's end when the
    /// block exists then; not dissolved before it was set up.
    pub(crate) fn rules<C: Context + ?Sized, S: Sink + ?Sized>(
        &self,
        r: &mut Rules<'_, C, S>,
    ) -> Flow<Option<C::Handle>> {
        let end = r.cx.period().end();
        let alive = self.exists_on(end).then_some(end);
        let unit = r.unit(&self.unit, Some(Level::Commune), alive)?;
        r.established_order(self.established, self.dissolved)?;
        ControlFlow::Continue(unit)
    }

    /// What it adds: `grassroots_blocks` +1 if it exists on `end`.
    pub(crate) fn contribute(&self, end: NaiveDate, c: &mut Contribs) -> Actor {
        if self.exists_on(end) {
            c.one(Builtin::GrassrootsBlocks);
        }
        Actor::MobilizationSector
    }
}
