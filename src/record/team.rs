use chrono::NaiveDate;

use crate::{RecordId, UnitCode};

use std::ops::ControlFlow;

use super::contribution::Contribs;
use super::rules::{Context, Flow, Rules, Sink};
use crate::{Actor, Builtin, ErrorKind, Level};

crate::wire::wire_struct! {
/// A village mobilization team (tổ dân vận thôn, khu dân cư); at most one per village.
///
/// The secretary of the village's Party cell leads it; the village head and the
/// head of the Front work committee are its deputies.
///
/// ```
/// let json = r#"{
///     "unit": "10507-T01",
///     "members": [
///         {"role": "party_cell_secretary"},
///         {"role": "village_head", "name": "Nguyễn Văn A (synthetic)"},
///         {"role": "front_committee_head"}
///     ]
/// }"#;
/// let team: danvan::VillageTeam = serde_json::from_str(json).unwrap();
/// assert_eq!(team.leader().map(|m| m.role), Some(danvan::TeamRole::PartyCellSecretary));
/// assert_eq!(team.deputies().count(), 2);
/// ```
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "VillageTeam")
)]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct VillageTeam {
    /// The record's identifier, if the app gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<RecordId>,
    /// The village the team belongs to.
    pub unit: UnitCode,
    /// Its members by role.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<TeamMember>,
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

impl VillageTeam {
    /// The leader: the first member whose role leads the team.
    ///
    /// ```
    /// let team = danvan::VillageTeam {
    ///     id: None,
    ///     unit: "10507-T01".parse()?,
    ///     members: vec![],
    ///     established: None,
    ///     dissolved: None,
    /// };
    /// assert!(team.leader().is_none());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn leader(&self) -> Option<&TeamMember> {
        self.members
            .iter()
            .find(|m| m.role == TeamRole::PartyCellSecretary)
    }

    /// The deputies: the village head and the head of the Front work committee.
    ///
    /// ```
    /// let team = danvan::VillageTeam {
    ///     id: None,
    ///     unit: "10507-T01".parse()?,
    ///     members: vec![danvan::TeamMember { role: danvan::TeamRole::VillageHead, name: None }],
    ///     established: None,
    ///     dissolved: None,
    /// };
    /// assert_eq!(team.deputies().count(), 1);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn deputies(&self) -> impl Iterator<Item = &TeamMember> {
        self.members.iter().filter(|m| m.role.is_deputy())
    }

    /// Whether the team exists on `date`.
    ///
    /// ```
    /// let team = danvan::VillageTeam {
    ///     id: None,
    ///     unit: "10507-T01".parse()?,
    ///     members: vec![],
    ///     established: None,
    ///     dissolved: None,
    /// };
    /// assert!(team.exists_on(chrono::NaiveDate::from_ymd_opt(2022, 12, 31).unwrap()));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn exists_on(&self, date: NaiveDate) -> bool {
        super::block::exists_on(self.established, self.dissolved, date)
    }
}

crate::wire::wire_struct! {
/// A member of a village team.
///
/// ```
/// let m: danvan::TeamMember = serde_json::from_str(r#"{"role": "member"}"#).unwrap();
/// assert_eq!(m.role, danvan::TeamRole::Member);
/// ```
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "TeamMember")
)]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct TeamMember {
    /// The member's role in the team.
    pub role: TeamRole,
    /// The member's name, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}
}

/// The role of a member of a village team.
///
/// ```
/// assert!(danvan::TeamRole::VillageHead.is_deputy());
/// assert!(!danvan::TeamRole::PartyCellSecretary.is_deputy());
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TeamRole {
    /// The secretary of the village's Party cell (bí thư chi bộ): the leader.
    PartyCellSecretary,
    /// The village head (trưởng thôn): a deputy.
    VillageHead,
    /// The head of the Front work committee (trưởng ban công tác Mặt trận): a deputy.
    FrontCommitteeHead,
    /// Any other member.
    Member,
}

impl TeamRole {
    /// Whether the role is one of the two deputies.
    ///
    /// ```
    /// assert!(danvan::TeamRole::FrontCommitteeHead.is_deputy());
    /// ```
    #[must_use]
    pub const fn is_deputy(self) -> bool {
        matches!(self, TeamRole::VillageHead | TeamRole::FrontCommitteeHead)
    }
}

impl VillageTeam {
    /// The one-record rules: a village, valid on the period's end when the
    /// team exists then; not dissolved before it was set up; one leader.
    pub(crate) fn rules<C: Context + ?Sized, S: Sink + ?Sized>(
        &self,
        r: &mut Rules<'_, C, S>,
    ) -> Flow<Option<C::Handle>> {
        let end = r.cx.period().end();
        let alive = self.exists_on(end).then_some(end);
        let unit = r.unit(&self.unit, Some(Level::Village), alive)?;
        r.established_order(self.established, self.dissolved)?;
        let leaders = self
            .members
            .iter()
            .filter(|m| m.role == TeamRole::PartyCellSecretary)
            .count();
        if leaders > 1 {
            r.error(
                Some("members"),
                ErrorKind::SeveralLeaders { count: leaders },
            )?;
        }
        ControlFlow::Continue(unit)
    }

    /// What it adds: `village_teams` +1 if it exists on `end`.
    pub(crate) fn contribute(&self, end: NaiveDate, c: &mut Contribs) -> Actor {
        if self.exists_on(end) {
            c.one(Builtin::VillageTeams);
        }
        Actor::MobilizationSector
    }
}
