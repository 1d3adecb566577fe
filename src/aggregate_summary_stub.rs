//! TEMPORARY stand-in for `src/aggregate/summary.rs` (written on the
//! `aggregate` branch); replaced on merge. Same fields, so the renderer
//! compiles against it.

use crate::Reported;

/// The figures of one unit's annual summary, per actor, as the aggregation gives them.
///
/// ```
/// let s = danvan::Summary { unit_name: "Tỉnh Hải Dương".into(), year: 2022, ..Default::default() };
/// assert_eq!(s.party.conferences, None);
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Default, serde::Serialize)]
pub struct Summary {
    /// The unit's name, e.g. "Tỉnh Hải Dương".
    pub unit_name: String,
    /// The year summarized.
    pub year: i32,
    /// Figures of Party committees and organizations at all levels.
    pub party: ActorSummary,
    /// Figures of the mobilization sector.
    pub sector: ActorSummary,
    /// What exists at the end of the year.
    pub stocks: StockSummary,
}

/// Stocks at the end of the year: models, blocks and teams.
///
/// ```
/// assert_eq!(danvan::StockSummary::default().village_teams, None);
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Default, serde::Serialize)]
pub struct StockSummary {
    /// "Dân vận khéo" models.
    pub skilful_models: Option<Reported>,
    /// Grassroots mobilization blocks.
    pub grassroots_blocks: Option<Reported>,
    /// Village mobilization teams.
    pub village_teams: Option<Reported>,
}

/// One actor's flows over the year.
///
/// ```
/// assert_eq!(danvan::ActorSummary::default().inspections, None);
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Default, serde::Serialize)]
pub struct ActorSummary {
    /// Conferences of every kind.
    pub conferences: Option<Reported>,
    /// Training conferences.
    pub training_conferences: Option<Reported>,
    /// Participants of the conferences.
    pub participants: Option<Reported>,
    /// Leadership and direction documents.
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
