use crate::{
    Award, CitizenReception, Conference, Dialogue, Figure, GrassrootsBlock, Inspection,
    IssuedDocument, Level, SiteClearance, SkilfulModel, UnitCode, VillageTeam,
};

/// The kinds of record: the one table of them.
///
/// Each kind has its list in the [`Dataset`](crate::Dataset) (`"conferences"`),
/// its tag on a JSON Lines line (`{"conference": {…}}`) and the rules its
/// fields follow on their own ([`RecordKind::rules`]), which
/// [`check`](crate::check), [`Accumulator::check`](crate::Accumulator::check)
/// and the stream apply alike.
///
/// ```
/// use danvan::RecordKind;
///
/// assert_eq!(RecordKind::Conference.list(), "conferences");
/// assert_eq!(RecordKind::Conference.tag(), "conference");
/// assert_eq!(RecordKind::ALL.len(), 11);
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordKind {
    /// [`GrassrootsBlock`].
    Block,
    /// [`VillageTeam`].
    Team,
    /// [`SkilfulModel`].
    Model,
    /// [`Conference`].
    Conference,
    /// [`IssuedDocument`].
    Document,
    /// [`Inspection`].
    Inspection,
    /// [`Dialogue`].
    Dialogue,
    /// [`CitizenReception`].
    Reception,
    /// [`SiteClearance`].
    Clearance,
    /// [`Award`].
    Award,
    /// [`Figure`].
    Figure,
}

/// What a one-record rule asks of a field, as listed by [`RecordKind::rules`].
///
/// ```
/// use danvan::{FieldRule, RecordKind};
///
/// let rules = RecordKind::Clearance.rules();
/// assert!(rules.contains(&("households_consenting", FieldRule::NotAbove("households_affected"))));
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldRule {
    /// A unit of the hierarchy, of the level when one is given, valid on the
    /// record's date (for a body or a model: on the period's end, when it
    /// exists then; for a figure: on its period's end).
    Unit(Option<Level>),
    /// A date inside the dataset's period.
    InPeriod,
    /// A date not after the period's end (a later one is outside the period).
    NotAfterEnd,
    /// A date not before the named date field.
    NotBefore(&'static str),
    /// A count not above the named count field.
    NotAbove(&'static str),
    /// At most one member leads.
    OneLeader,
    /// At least one subject, and their sum fits in a count.
    SomeSubjects,
    /// Exactly one actor.
    OneActor,
    /// An indicator that is built in or declared, whose kind of value
    /// (`value` or `amount`) the figure gives.
    KnownIndicator,
    /// A period inside the dataset's.
    PeriodInside,
    /// Parts that add up to the value (their sum fitting in a count); for a
    /// distinct-persons indicator, no part larger than the value.
    Parts,
}

impl RecordKind {
    /// Every kind, in the order of the dataset's lists.
    ///
    /// ```
    /// assert_eq!(danvan::RecordKind::ALL[0], danvan::RecordKind::Block);
    /// ```
    pub const ALL: [RecordKind; 11] = [
        RecordKind::Block,
        RecordKind::Team,
        RecordKind::Model,
        RecordKind::Conference,
        RecordKind::Document,
        RecordKind::Inspection,
        RecordKind::Dialogue,
        RecordKind::Reception,
        RecordKind::Clearance,
        RecordKind::Award,
        RecordKind::Figure,
    ];

    /// The name of the kind's list in the dataset, e.g. `"blocks"`.
    ///
    /// ```
    /// assert_eq!(danvan::RecordKind::Reception.list(), "receptions");
    /// ```
    #[must_use]
    pub const fn list(self) -> &'static str {
        match self {
            RecordKind::Block => "blocks",
            RecordKind::Team => "teams",
            RecordKind::Model => "models",
            RecordKind::Conference => "conferences",
            RecordKind::Document => "documents",
            RecordKind::Inspection => "inspections",
            RecordKind::Dialogue => "dialogues",
            RecordKind::Reception => "receptions",
            RecordKind::Clearance => "clearances",
            RecordKind::Award => "awards",
            RecordKind::Figure => "figures",
        }
    }

    /// The tag of a JSON Lines line of the kind, e.g. `"block"`.
    ///
    /// ```
    /// assert_eq!(danvan::RecordKind::Figure.tag(), "figure");
    /// ```
    #[must_use]
    pub const fn tag(self) -> &'static str {
        match self {
            RecordKind::Block => "block",
            RecordKind::Team => "team",
            RecordKind::Model => "model",
            RecordKind::Conference => "conference",
            RecordKind::Document => "document",
            RecordKind::Inspection => "inspection",
            RecordKind::Dialogue => "dialogue",
            RecordKind::Reception => "reception",
            RecordKind::Clearance => "clearance",
            RecordKind::Award => "award",
            RecordKind::Figure => "figure",
        }
    }

    /// The one-record rules of the kind: each field with what it must hold,
    /// in the order they are checked.
    ///
    /// ```
    /// use danvan::{FieldRule, Level, RecordKind};
    ///
    /// assert_eq!(RecordKind::Block.rules()[0], ("unit", FieldRule::Unit(Some(Level::Commune))));
    /// ```
    #[must_use]
    pub const fn rules(self) -> &'static [(&'static str, FieldRule)] {
        use FieldRule as R;
        const DATED: &[(&str, FieldRule)] = &[("unit", R::Unit(None)), ("date", R::InPeriod)];
        match self {
            RecordKind::Block => &[
                ("unit", R::Unit(Some(Level::Commune))),
                ("dissolved", R::NotBefore("established")),
            ],
            RecordKind::Team => &[
                ("unit", R::Unit(Some(Level::Village))),
                ("dissolved", R::NotBefore("established")),
                ("members", R::OneLeader),
            ],
            RecordKind::Model => &[("unit", R::Unit(None)), ("registered", R::NotAfterEnd)],
            RecordKind::Conference | RecordKind::Document | RecordKind::Award => DATED,
            RecordKind::Inspection => &[
                ("unit", R::Unit(None)),
                ("date", R::InPeriod),
                ("subjects", R::SomeSubjects),
            ],
            RecordKind::Dialogue | RecordKind::Reception => &[
                ("unit", R::Unit(None)),
                ("date", R::InPeriod),
                ("petitions_resolved", R::NotAbove("petitions_raised")),
            ],
            RecordKind::Clearance => &[
                ("unit", R::Unit(None)),
                ("date", R::InPeriod),
                ("households_consenting", R::NotAbove("households_affected")),
            ],
            RecordKind::Figure => &[
                ("period", R::PeriodInside),
                ("unit", R::Unit(None)),
                ("actor", R::OneActor),
                ("indicator", R::KnownIndicator),
                ("parts", R::Parts),
            ],
        }
    }
}

/// A borrowed record of any kind, for [`Accumulator::add`](crate::Accumulator::add).
///
/// ```
/// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
/// let mut acc = danvan::Accumulator::new(&h, danvan::Period::year(2022)?, &[]);
/// let award: danvan::Award = serde_json::from_str(r#"{"unit": "30", "date": "2022-12-20",
///     "issuer": "mobilization_sector", "kind": "giay_khen", "recipient": "collective"}"#).unwrap();
/// acc.add(danvan::RecordRef::Award(&award))?;
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub enum RecordRef<'a> {
    /// A grassroots block.
    Block(&'a GrassrootsBlock),
    /// A village team.
    Team(&'a VillageTeam),
    /// A "Dân vận khéo" model.
    Model(&'a SkilfulModel),
    /// A conference.
    Conference(&'a Conference),
    /// A document.
    Document(&'a IssuedDocument),
    /// An inspection or supervision session.
    Inspection(&'a Inspection),
    /// A dialogue.
    Dialogue(&'a Dialogue),
    /// A citizen reception.
    Reception(&'a CitizenReception),
    /// A site-clearance drive.
    Clearance(&'a SiteClearance),
    /// An award.
    Award(&'a Award),
    /// A reported figure.
    Figure(&'a Figure),
}

/// `&record` of any kind is a [`RecordRef`], so that
/// [`Accumulator::add`](crate::Accumulator::add), [`Accumulator::check`](crate::Accumulator::check)
/// and [`Totals::apply`](crate::Totals::apply) take `&conference`, `&figure` ….
///
/// ```
/// let award: danvan::Award = serde_json::from_str(r#"{"unit": "30", "date": "2022-12-20",
///     "issuer": "mobilization_sector", "kind": "giay_khen", "recipient": "collective"}"#).unwrap();
/// let r = danvan::RecordRef::from(&award);
/// assert_eq!(r.kind(), danvan::RecordKind::Award);
/// ```
macro_rules! record_ref_from {
    ($($variant:ident($ty:ty)),* $(,)?) => {$(
        impl<'a> From<&'a $ty> for RecordRef<'a> {
            fn from(r: &'a $ty) -> RecordRef<'a> {
                RecordRef::$variant(r)
            }
        }
    )*};
}
record_ref_from!(
    Block(GrassrootsBlock),
    Team(VillageTeam),
    Model(SkilfulModel),
    Conference(Conference),
    Document(IssuedDocument),
    Inspection(Inspection),
    Dialogue(Dialogue),
    Reception(CitizenReception),
    Clearance(SiteClearance),
    Award(Award),
    Figure(Figure)
);

impl RecordRef<'_> {
    /// The unit the record belongs to.
    ///
    /// ```
    /// let award: danvan::Award = serde_json::from_str(r#"{"unit": "30", "date": "2022-12-20",
    ///     "issuer": "mobilization_sector", "kind": "giay_khen", "recipient": "collective"}"#).unwrap();
    /// assert_eq!(danvan::RecordRef::Award(&award).unit().to_string(), "30");
    /// ```
    #[must_use]
    pub fn unit(&self) -> UnitCode {
        match self {
            RecordRef::Block(r) => r.unit,
            RecordRef::Team(r) => r.unit,
            RecordRef::Model(r) => r.unit,
            RecordRef::Conference(r) => r.unit,
            RecordRef::Document(r) => r.unit,
            RecordRef::Inspection(r) => r.unit,
            RecordRef::Dialogue(r) => r.unit,
            RecordRef::Reception(r) => r.unit,
            RecordRef::Clearance(r) => r.unit,
            RecordRef::Award(r) => r.unit,
            RecordRef::Figure(r) => r.unit,
        }
    }

    /// The record's kind.
    ///
    /// ```
    /// let block: danvan::GrassrootsBlock = serde_json::from_str(r#"{"unit": "10507"}"#).unwrap();
    /// assert_eq!(danvan::RecordRef::Block(&block).kind(), danvan::RecordKind::Block);
    /// ```
    #[must_use]
    pub fn kind(&self) -> RecordKind {
        match self {
            RecordRef::Block(_) => RecordKind::Block,
            RecordRef::Team(_) => RecordKind::Team,
            RecordRef::Model(_) => RecordKind::Model,
            RecordRef::Conference(_) => RecordKind::Conference,
            RecordRef::Document(_) => RecordKind::Document,
            RecordRef::Inspection(_) => RecordKind::Inspection,
            RecordRef::Dialogue(_) => RecordKind::Dialogue,
            RecordRef::Reception(_) => RecordKind::Reception,
            RecordRef::Clearance(_) => RecordKind::Clearance,
            RecordRef::Award(_) => RecordKind::Award,
            RecordRef::Figure(_) => RecordKind::Figure,
        }
    }
}
