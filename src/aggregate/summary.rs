//! The figures of the annual summary, for the Vietnamese renderer.

use super::Totals;
use crate::{Actor, Builtin, Reported, UnitCode};

/// The figures one actor reports in the annual summary.
///
/// ```
/// let s = danvan::ActorSummary::default();
/// assert!(s.conferences.is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default, serde::Serialize)]
pub struct ActorSummary {
    /// Conferences of any kind.
    pub conferences: Option<Reported>,
    /// Training conferences.
    pub training_conferences: Option<Reported>,
    /// Conference participants (occurrences).
    pub participants: Option<Reported>,
    /// Documents to lead and direct.
    pub leadership_documents: Option<Reported>,
    /// Guidance and reminder documents.
    pub guidance_documents: Option<Reported>,
    /// Documents of any kind.
    pub documents: Option<Reported>,
    /// Inspection and supervision sessions.
    pub inspections: Option<Reported>,
    /// Subjects of those sessions.
    pub inspection_subjects: Option<Reported>,
    /// Collectives awarded.
    pub awarded_collectives: Option<Reported>,
}

/// The stocks of the annual summary, summed over the actors that report them.
///
/// ```
/// let s = danvan::StockSummary::default();
/// assert!(s.skilful_models.is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default, serde::Serialize)]
pub struct StockSummary {
    /// "Dân vận khéo" models.
    pub skilful_models: Option<Reported>,
    /// Grassroots mobilization blocks.
    pub grassroots_blocks: Option<Reported>,
    /// Village mobilization teams.
    pub village_teams: Option<Reported>,
}

/// The figures of a unit's annual summary, as [`Totals::value`] gives them.
///
/// ```
/// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
/// let t = danvan::Totals::empty(&h, danvan::Period::year(2022)?, &[]);
/// let s = danvan::Summary::from_totals(&t, &"30".parse()?, "Tỉnh Hải Dương", 2022);
/// assert_eq!(s.year, 2022);
/// assert_eq!(s.party, danvan::ActorSummary::default());
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default, serde::Serialize)]
pub struct Summary {
    /// The unit's name.
    pub unit_name: String,
    /// The year.
    pub year: i32,
    /// Figures of the Party committees and organizations.
    pub party: ActorSummary,
    /// Figures of the mobilization sector.
    pub sector: ActorSummary,
    /// Stocks, over all actors.
    pub stocks: StockSummary,
}

impl ActorSummary {
    fn of(t: &Totals, unit: &UnitCode, actor: Actor) -> ActorSummary {
        let v = |b: Builtin| t.value_builtin(unit, b, actor);
        ActorSummary {
            conferences: v(Builtin::Conferences),
            training_conferences: v(Builtin::TrainingConferences),
            participants: v(Builtin::ConferenceParticipants),
            leadership_documents: v(Builtin::LeadershipDocuments),
            guidance_documents: v(Builtin::GuidanceDocuments),
            documents: v(Builtin::Documents),
            inspections: v(Builtin::Inspections),
            inspection_subjects: v(Builtin::InspectionSubjects),
            awarded_collectives: v(Builtin::AwardedCollectives),
        }
    }
}

impl Summary {
    /// The summary of a unit: Party committees, the mobilization sector, and
    /// the stocks as one actor reports them ([`Totals::stock`]; never summed
    /// over actors).
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let t = danvan::Totals::empty(&h, danvan::Period::year(2022)?, &[]);
    /// let s = danvan::Summary::from_totals(&t, &"30".parse()?, "Tỉnh Hải Dương", 2022);
    /// assert_eq!(s.unit_name, "Tỉnh Hải Dương");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn from_totals(totals: &Totals, unit: &UnitCode, unit_name: &str, year: i32) -> Summary {
        Summary {
            unit_name: unit_name.to_owned(),
            year,
            party: ActorSummary::of(totals, unit, Actor::PartyCommittees),
            sector: ActorSummary::of(totals, unit, Actor::MobilizationSector),
            stocks: StockSummary {
                skilful_models: totals.stock(unit, Builtin::SkilfulModels),
                grassroots_blocks: totals.stock(unit, Builtin::GrassrootsBlocks),
                village_teams: totals.stock(unit, Builtin::VillageTeams),
            },
        }
    }
}
