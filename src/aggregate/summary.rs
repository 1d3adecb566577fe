//! The figures of the annual summary, for the Vietnamese renderer.

use super::Totals;
use crate::{Actor, Builtin, Interval, UnitCode};

/// The figures one actor reports in the annual summary.
///
/// ```
/// let s = danvan::ActorSummary::default();
/// assert!(s.conferences.is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default, serde::Serialize)]
pub struct ActorSummary {
    /// Conferences of any kind.
    pub conferences: Option<Interval<u64>>,
    /// Training conferences.
    pub training_conferences: Option<Interval<u64>>,
    /// Conference participants (occurrences).
    pub participants: Option<Interval<u64>>,
    /// Documents to lead and direct.
    pub leadership_documents: Option<Interval<u64>>,
    /// Guidance and reminder documents.
    pub guidance_documents: Option<Interval<u64>>,
    /// Documents of any kind.
    pub documents: Option<Interval<u64>>,
    /// Inspection and supervision sessions.
    pub inspections: Option<Interval<u64>>,
    /// Subjects of those sessions.
    pub inspection_subjects: Option<Interval<u64>>,
    /// Collectives awarded.
    pub awarded_collectives: Option<Interval<u64>>,
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
    pub skilful_models: Option<Interval<u64>>,
    /// Grassroots mobilization blocks.
    pub grassroots_blocks: Option<Interval<u64>>,
    /// Village mobilization teams.
    pub village_teams: Option<Interval<u64>>,
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

/// The old one-qualifier form of an interval, for the renderer until it
/// words intervals itself: exact stays exact, `[a, ∞)` is "at least a"
/// (an estimate alone is "about"), a bounded range is "at most" its upper
/// bound. Every form is true of the interval (none claims more).
pub(crate) fn as_reported(i: Interval<u64>) -> crate::Reported {
    use crate::{Count, Qualifier, Reported};
    match (i.exact_value(), i.high(), i.estimate()) {
        (Some(v), _, _) => Reported::exact(Count::new(v)),
        (None, None, Some(e)) if i.low() == 0 => Reported::new(Qualifier::About, Count::new(e)),
        (None, None, _) => Reported::new(Qualifier::AtLeast, Count::new(i.low())),
        (None, Some(h), _) => Reported::new(Qualifier::AtMost, Count::new(h)),
    }
}
