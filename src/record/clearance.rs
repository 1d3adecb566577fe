use chrono::NaiveDate;

use crate::{Actor, Count, Error, RecordId, Share, UnitCode};

use std::ops::ControlFlow;

use super::contribution::Contribs;
use super::rules::{Context, Flow, Rules, Sink};
use crate::{Builtin, ErrorKind};

crate::wire::wire_struct! {
/// A site-clearance drive (vận động giải phóng mặt bằng) for one project in one unit.
///
/// ```
/// let json = r#"{"unit": "10507", "date": "2022-08-01", "actor": "mobilization_sector", "project": "Đường vành đai (synthetic)",
///                "households_affected": 140, "households_consenting": 131}"#;
/// let s: danvan::SiteClearance = serde_json::from_str(json).unwrap();
/// assert_eq!(s.consent()?.percent(1).map(|p| p.to_string()), Some("93.6".into()));
/// # Ok::<(), danvan::Error>(())
/// ```
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "SiteClearance")
)]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteClearance {
    /// The record's identifier, if the app gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<RecordId>,
    /// The unit where the land is.
    pub unit: UnitCode,
    /// The day the figures were taken.
    #[serde(deserialize_with = "crate::period::date_serde::date")]
    pub date: NaiveDate,
    /// Who led the drive.
    pub actor: Actor,
    /// The project the land is cleared for.
    pub project: String,
    /// Households whose land is affected.
    pub households_affected: Count,
    /// Households that consented.
    pub households_consenting: Count,
}
}

impl SiteClearance {
    /// The consent rate as a share of affected households.
    ///
    /// # Errors
    ///
    /// Returns an error when more households consented than were affected.
    ///
    /// ```
    /// let s = danvan::SiteClearance {
    ///     id: None,
    ///     unit: "10507".parse()?,
    ///     date: chrono::NaiveDate::from_ymd_opt(2022, 8, 1).unwrap(),
    ///     actor: danvan::Actor::MobilizationSector,
    ///     project: "synthetic".into(),
    ///     households_affected: danvan::Count::new(10),
    ///     households_consenting: danvan::Count::new(11),
    /// };
    /// assert!(s.consent().is_err());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn consent(&self) -> Result<Share, Error> {
        Share::new(self.households_consenting, self.households_affected)
    }
}

impl SiteClearance {
    /// The one-record rules: its unit valid on its date, the date in the
    /// period; consenting households not above affected ones.
    pub(crate) fn rules<C: Context + ?Sized, S: Sink + ?Sized>(
        &self,
        r: &mut Rules<'_, C, S>,
    ) -> Flow<Option<C::Handle>> {
        let unit = r.dated(&self.unit, self.date)?;
        let (consenting, affected) = (
            self.households_consenting.get(),
            self.households_affected.get(),
        );
        if consenting > affected {
            r.error(
                Some("households_consenting"),
                ErrorKind::ConsentExceedsAffected {
                    consenting,
                    affected,
                },
            )?;
        }
        ControlFlow::Continue(unit)
    }

    /// What it adds: `clearance_drives` +1, affected and consenting households.
    pub(crate) fn contribute(&self, c: &mut Contribs) -> Actor {
        c.one(Builtin::ClearanceDrives);
        c.field(Builtin::ClearanceHouseholds, self.households_affected.get());
        c.field(
            Builtin::ClearanceConsenting,
            self.households_consenting.get(),
        );
        self.actor
    }
}
