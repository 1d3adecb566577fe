//! Who reports a figure.

use std::fmt;
use std::str::FromStr;

use crate::{Error, ErrorKind};

/// The body that reports a figure.
///
/// Figures of different actors are never added together silently: the seed
/// reports 291 conferences by Party committees and 222 by the mobilization
/// sector side by side, without saying whether one includes the other.
///
/// On the wire an actor is a snake_case string:
///
/// ```
/// use danvan::Actor;
///
/// let actor: Actor = "mobilization_sector".parse()?;
/// assert_eq!(actor, Actor::MobilizationSector);
/// assert_eq!(actor.to_string(), "mobilization_sector");
/// assert_eq!(serde_json::to_string(&Actor::PartyCommittees).unwrap(), r#""party_committees""#);
/// # Ok::<(), danvan::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Actor {
    /// Party committees and Party organizations at all levels (cấp ủy, tổ chức đảng).
    PartyCommittees,
    /// The mobilization sector: the Ban Dân vận system and grassroots blocks (ngành dân vận).
    MobilizationSector,
    /// The government at any level (chính quyền).
    Government,
    /// The People's Council (Hội đồng nhân dân).
    PeoplesCouncil,
    /// The Fatherland Front and the socio-political mass organizations (MTTQ và các đoàn thể).
    FrontAndMassOrganizations,
    /// The armed forces (lực lượng vũ trang).
    ArmedForces,
    /// Any other body.
    Other,
    /// The Fatherland Front committee on its own (Ủy ban Mặt trận Tổ quốc), v2.
    Front,
    /// The Women's Union (Hội Liên hiệp Phụ nữ).
    WomensUnion,
    /// The Farmers' Union (Hội Nông dân).
    FarmersUnion,
    /// The Youth Union (Đoàn Thanh niên Cộng sản Hồ Chí Minh).
    YouthUnion,
    /// The Veterans' Association (Hội Cựu chiến binh).
    Veterans,
    /// The trade union (Công đoàn).
    TradeUnion,
    /// The heads of Party committees (người đứng đầu cấp ủy).
    PartyCommitteeHeads,
    /// The heads of governments (người đứng đầu chính quyền).
    GovernmentHeads,
    /// The report does not say who (a figure "toàn huyện" with no body
    /// named): never merged with a named actor's figure.
    NotStated,
}

impl Actor {
    /// Every actor, in declaration order.
    ///
    /// ```
    /// assert_eq!(danvan::Actor::ALL.len(), 16);
    /// ```
    pub const ALL: [Actor; 16] = [
        Actor::PartyCommittees,
        Actor::MobilizationSector,
        Actor::Government,
        Actor::PeoplesCouncil,
        Actor::FrontAndMassOrganizations,
        Actor::ArmedForces,
        Actor::Other,
        Actor::Front,
        Actor::WomensUnion,
        Actor::FarmersUnion,
        Actor::YouthUnion,
        Actor::Veterans,
        Actor::TradeUnion,
        Actor::PartyCommitteeHeads,
        Actor::GovernmentHeads,
        Actor::NotStated,
    ];

    /// The wire name, e.g. `"party_committees"`.
    ///
    /// ```
    /// assert_eq!(danvan::Actor::ArmedForces.as_str(), "armed_forces");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Actor::PartyCommittees => "party_committees",
            Actor::MobilizationSector => "mobilization_sector",
            Actor::Government => "government",
            Actor::PeoplesCouncil => "peoples_council",
            Actor::FrontAndMassOrganizations => "front_and_mass_organizations",
            Actor::ArmedForces => "armed_forces",
            Actor::Other => "other",
            Actor::Front => "front",
            Actor::WomensUnion => "womens_union",
            Actor::FarmersUnion => "farmers_union",
            Actor::YouthUnion => "youth_union",
            Actor::Veterans => "veterans",
            Actor::TradeUnion => "trade_union",
            Actor::PartyCommitteeHeads => "party_committee_heads",
            Actor::GovernmentHeads => "government_heads",
            Actor::NotStated => "not_stated",
        }
    }

    /// A dense index in `0..Actor::ALL.len()`, for tables indexed by actor.
    ///
    /// ```
    /// assert_eq!(danvan::Actor::PartyCommittees.index(), 0);
    /// assert_eq!(danvan::Actor::Other.index(), 6);
    /// ```
    #[must_use]
    pub const fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Actor {
    type Err = Error;

    fn from_str(s: &str) -> Result<Actor, Error> {
        Actor::ALL
            .into_iter()
            .find(|a| a.as_str() == s)
            .ok_or_else(|| ErrorKind::InvalidActor { input: s.into() }.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_round_trip_and_index() {
        for (i, a) in Actor::ALL.into_iter().enumerate() {
            assert_eq!(a.index(), i);
            assert_eq!(a.as_str().parse::<Actor>().unwrap(), a);
            let json = serde_json::to_string(&a).unwrap();
            assert_eq!(serde_json::from_str::<Actor>(&json).unwrap(), a);
        }
    }

    #[test]
    fn unknown_actor() {
        let err = "party".parse::<Actor>().unwrap_err();
        assert_eq!(err.code(), "DV060");
        assert_eq!(
            err.to_string(),
            "unknown actor \"party\": expected one of party_committees, mobilization_sector, government, peoples_council, front_and_mass_organizations, armed_forces, other, front, womens_union, farmers_union, youth_union, veterans, trade_union, party_committee_heads, government_heads, not_stated"
        );
    }
}
