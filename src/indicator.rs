//! The indicator catalogue: what a figure measures and how it adds up.

use std::fmt;
use std::str::FromStr;

use crate::{Error, ErrorKind};

/// How an indicator adds up over space and time.
///
/// ```
/// use danvan::{Builtin, IndicatorKind};
///
/// assert_eq!(Builtin::Conferences.kind(), IndicatorKind::Flow);
/// assert_eq!(Builtin::GrassrootsBlocks.kind(), IndicatorKind::Stock);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum IndicatorKind {
    /// Events during the period: summed over units and over time.
    Flow,
    /// What exists at the period's end: summed over units, the last value over time.
    Stock,
    /// Distinct persons: not additive; without identities a roll-up gives bounds
    /// from the largest part to the sum of the parts.
    Distinct,
}

/// What the values of an indicator are.
///
/// ```
/// use danvan::{Builtin, ValueType};
///
/// assert_eq!(Builtin::Documents.value_type(), ValueType::Count);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ValueType {
    /// Whole numbers of things or persons ([`Reported`](crate::Reported)).
    #[default]
    Count,
    /// Decimal amounts with a unit word, such as money or area ([`Measure`](crate::Measure)).
    Amount,
}

/// The identifier of an indicator: 1 to 64 characters from `a-z`, `0-9` and `_`,
/// starting with a letter, e.g. `"conferences"` or `"money_mobilized"`.
///
/// ```
/// let id: danvan::IndicatorId = "land_donated_m2".parse()?;
/// assert_eq!(id.as_str(), "land_donated_m2");
/// assert!("Land donated".parse::<danvan::IndicatorId>().is_err());
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "String", into = "String")]
pub struct IndicatorId(Box<str>);

impl IndicatorId {
    /// The identifier as text.
    ///
    /// ```
    /// let id: danvan::IndicatorId = "documents".parse()?;
    /// assert_eq!(id.as_str(), "documents");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The built-in indicator with this identifier, if there is one.
    ///
    /// ```
    /// let id: danvan::IndicatorId = "village_teams".parse()?;
    /// assert_eq!(id.builtin(), Some(danvan::Builtin::VillageTeams));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn builtin(&self) -> Option<Builtin> {
        Builtin::ALL.into_iter().find(|b| b.id() == &*self.0)
    }
}

impl FromStr for IndicatorId {
    type Err = Error;

    fn from_str(s: &str) -> Result<IndicatorId, Error> {
        // The length first: a huge input is refused without a scan.
        let short = s.len() <= 64;
        let mut chars = s.chars();
        let first_ok = short && chars.next().is_some_and(|c| c.is_ascii_lowercase());
        let rest_ok =
            first_ok && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if rest_ok {
            Ok(IndicatorId(s.into()))
        } else {
            Err(ErrorKind::InvalidIndicatorId { input: s.into() }.into())
        }
    }
}

impl TryFrom<String> for IndicatorId {
    type Error = Error;

    fn try_from(s: String) -> Result<IndicatorId, Error> {
        s.parse()
    }
}

impl From<IndicatorId> for String {
    fn from(id: IndicatorId) -> String {
        id.0.into()
    }
}

impl From<Builtin> for IndicatorId {
    fn from(b: Builtin) -> IndicatorId {
        IndicatorId(b.id().into())
    }
}

/// A borrowed id, for the getters that take `impl Into<IndicatorId>`.
///
/// ```
/// let id: danvan::IndicatorId = "documents".parse()?;
/// assert_eq!(danvan::IndicatorId::from(&id), id);
/// # Ok::<(), danvan::Error>(())
/// ```
impl From<&IndicatorId> for IndicatorId {
    fn from(id: &IndicatorId) -> IndicatorId {
        id.clone()
    }
}

impl fmt::Display for IndicatorId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

macro_rules! builtins {
    ($( $(#[$doc:meta])* $variant:ident = $id:literal, $kind:ident, $section:ident; )*) => {
        /// The indicators this crate knows, one for every figure of the seed and of
        /// the entities it types.
        ///
        /// Their Vietnamese labels and unit words are in
        /// [`render::vi::label`](crate::render::vi::label) and
        /// [`render::vi::unit_word`](crate::render::vi::unit_word).
        ///
        /// ```
        /// use danvan::Builtin;
        ///
        /// assert_eq!(Builtin::SkilfulModels.id(), "skilful_models");
        /// assert_eq!(Builtin::ALL[Builtin::SkilfulModels.index()], Builtin::SkilfulModels);
        /// ```
        #[non_exhaustive]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Builtin {
            $( $(#[$doc])* $variant, )*
        }

        impl Builtin {
            /// Every built-in indicator, in a fixed order ([`Builtin::index`]).
            ///
            /// ```
            /// assert!(danvan::Builtin::ALL.contains(&danvan::Builtin::VillageTeams));
            /// ```
            pub const ALL: [Builtin; [$(Builtin::$variant),*].len()] = [$(Builtin::$variant),*];

            /// The identifier used on the wire, e.g. `"conferences"`.
            ///
            /// ```
            /// assert_eq!(danvan::Builtin::Documents.id(), "documents");
            /// ```
            pub const fn id(self) -> &'static str {
                match self { $( Builtin::$variant => $id, )* }
            }

            /// How the indicator adds up.
            ///
            /// ```
            /// use danvan::{Builtin, IndicatorKind};
            /// assert_eq!(Builtin::ConferencePersons.kind(), IndicatorKind::Distinct);
            /// ```
            pub const fn kind(self) -> IndicatorKind {
                match self { $( Builtin::$variant => IndicatorKind::$kind, )* }
            }

            /// The report section the indicator belongs to.
            ///
            /// ```
            /// use danvan::{Builtin, Section};
            /// assert_eq!(Builtin::Dialogues.section(), Section::DialoguesReceptions);
            /// ```
            pub const fn section(self) -> crate::Section {
                match self { $( Builtin::$variant => crate::Section::$section, )* }
            }
        }
    };
}

builtins! {
    /// "Dân vận khéo" models and exemplary persons that exist (all stages).
    SkilfulModels = "skilful_models", Stock, MovementModels;
    /// Models registered in the emulation movement.
    SkilfulModelsRegistered = "skilful_models_registered", Stock, MovementModels;
    /// Models found effective.
    SkilfulModelsEffective = "skilful_models_effective", Stock, MovementModels;
    /// Models recognized by a level.
    SkilfulModelsRecognized = "skilful_models_recognized", Stock, MovementModels;
    /// Models found outstanding.
    SkilfulModelsOutstanding = "skilful_models_outstanding", Stock, MovementModels;
    /// Models awarded.
    SkilfulModelsAwarded = "skilful_models_awarded", Stock, MovementModels;
    /// Grassroots mobilization blocks (khối dân vận cơ sở).
    GrassrootsBlocks = "grassroots_blocks", Stock, BlocksTeams;
    /// Village mobilization teams (tổ dân vận thôn, khu dân cư).
    VillageTeams = "village_teams", Stock, BlocksTeams;
    /// Propaganda and training conferences, of any kind.
    Conferences = "conferences", Flow, ActorsWork;
    /// Conferences that include training.
    TrainingConferences = "training_conferences", Flow, ActorsWork;
    /// Conferences that include propaganda.
    PropagandaConferences = "propaganda_conferences", Flow, ActorsWork;
    /// Participants of conferences, counted as occurrences (lượt người).
    ConferenceParticipants = "conference_participants", Flow, ActorsWork;
    /// Participants of conferences, counted as distinct persons.
    ConferencePersons = "conference_persons", Distinct, ActorsWork;
    /// Documents issued, of any kind.
    Documents = "documents", Flow, ActorsWork;
    /// Documents to lead and direct (lãnh đạo, chỉ đạo).
    LeadershipDocuments = "leadership_documents", Flow, ActorsWork;
    /// Guidance and reminder documents (hướng dẫn, đôn đốc).
    GuidanceDocuments = "guidance_documents", Flow, ActorsWork;
    /// Inspection and supervision sessions, of any kind.
    Inspections = "inspections", Flow, ActorsWork;
    /// Subjects of inspection and supervision sessions: Party organizations and members.
    InspectionSubjects = "inspection_subjects", Flow, ActorsWork;
    /// Dialogues between heads of Party committees or governments and the people.
    Dialogues = "dialogues", Flow, DialoguesReceptions;
    /// Participants of dialogues (occurrences).
    DialogueParticipants = "dialogue_participants", Flow, DialoguesReceptions;
    /// Citizen receptions by heads, counted as occurrences (one record each).
    Receptions = "receptions", Flow, DialoguesReceptions;
    /// Petitions raised at dialogues and receptions.
    PetitionsRaised = "petitions_raised", Flow, DialoguesReceptions;
    /// Petitions resolved.
    PetitionsResolved = "petitions_resolved", Flow, DialoguesReceptions;
    /// Site-clearance drives.
    ClearanceDrives = "clearance_drives", Flow, ClearanceResources;
    /// Households affected by site clearance.
    ClearanceHouseholds = "clearance_households", Flow, ClearanceResources;
    /// Households that consented to site clearance.
    ClearanceConsenting = "clearance_consenting", Flow, ClearanceResources;
    /// Collectives awarded a certificate of merit.
    AwardedCollectives = "awarded_collectives", Flow, AwardsContests;
    /// Individuals awarded a certificate of merit.
    AwardedIndividuals = "awarded_individuals", Flow, AwardsContests;
}

impl Builtin {
    /// The dense index of this indicator in [`Builtin::ALL`].
    ///
    /// ```
    /// assert_eq!(danvan::Builtin::SkilfulModels.index(), 0);
    /// ```
    #[must_use]
    pub const fn index(self) -> usize {
        self as usize
    }

    /// What the values are: every built-in indicator is a count.
    ///
    /// ```
    /// assert_eq!(danvan::Builtin::Receptions.value_type(), danvan::ValueType::Count);
    /// ```
    #[must_use]
    pub const fn value_type(self) -> ValueType {
        ValueType::Count
    }

    /// The catalogue entry of the built-in: the same fields as a custom
    /// indicator's (its kind, value type and section from the one table
    /// above; its Vietnamese label and wording are the renderer's,
    /// [`render::vi::label`](crate::render::vi::label)).
    ///
    /// ```
    /// let e = danvan::Builtin::VillageTeams.entry();
    /// assert_eq!(e.id.as_str(), "village_teams");
    /// assert_eq!(e.kind, danvan::IndicatorKind::Stock);
    /// assert_eq!(e.value, danvan::ValueSpec::Count);
    /// ```
    #[must_use]
    pub fn entry(self) -> crate::CatalogueEntry {
        crate::CatalogueEntry {
            id: IndicatorId::from(self),
            label: None,
            kind: self.kind(),
            value: crate::ValueSpec::Count,
            unit_word: None,
            wording: None,
            section: Some(self.section()),
        }
    }

    /// The model stages in order, each a subset of the one before.
    ///
    /// ```
    /// let stages = danvan::Builtin::MODEL_STAGES;
    /// assert_eq!(stages[0], danvan::Builtin::SkilfulModelsRegistered);
    /// ```
    pub const MODEL_STAGES: [Builtin; 5] = [
        Builtin::SkilfulModelsRegistered,
        Builtin::SkilfulModelsEffective,
        Builtin::SkilfulModelsRecognized,
        Builtin::SkilfulModelsOutstanding,
        Builtin::SkilfulModelsAwarded,
    ];
}

impl fmt::Display for Builtin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

crate::wire::wire_struct! {
/// A custom indicator declared in a dataset, for figures this crate does not know yet
/// (money mobilized, land donated in m², workdays, houses built, mediation cases).
///
/// ```
/// let json = r#"{"id": "houses_built", "label": "Nhà đại đoàn kết", "kind": "flow", "unit": "căn"}"#;
/// let def: danvan::IndicatorDef = serde_json::from_str(json).unwrap();
/// assert_eq!(def.id.as_str(), "houses_built");
/// assert_eq!(def.values, danvan::ValueType::Count);
/// ```
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "IndicatorDef")
)]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorDef {
    /// The identifier; must not be a built-in one.
    pub id: IndicatorId,
    /// The label shown to people, in the dataset's language.
    pub label: String,
    /// How it adds up.
    pub kind: IndicatorKind,
    /// The unit word, e.g. `"đồng"`, `"m²"`, `"ngày công"`.
    pub unit: String,
    /// Whether values are counts (the default) or decimal amounts.
    #[serde(default)]
    pub values: ValueType,
}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_valid_and_indexed() {
        let mut seen = std::collections::HashSet::new();
        for (i, b) in Builtin::ALL.into_iter().enumerate() {
            assert_eq!(b.index(), i);
            assert!(seen.insert(b.id()));
            let id: IndicatorId = b.id().parse().unwrap();
            assert_eq!(id.builtin(), Some(b));
        }
    }

    #[test]
    fn invalid_id() {
        let err = "Tiền".parse::<IndicatorId>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid indicator id \"Tiền\": expected 1 to 64 characters from a-z, 0-9 and _, starting with a letter"
        );
        assert!("".parse::<IndicatorId>().is_err());
        assert!("a".repeat(65).parse::<IndicatorId>().is_err());
    }
}
