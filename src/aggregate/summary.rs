//! The figures of the annual summary, for the Vietnamese renderer.

use super::Totals;
use crate::{
    Actor, Builtin, Checked, Error, ErrorKind, IndicatorId, Interval, Level, Period, Reported,
    UnitCode, Word,
};

/// One figure of the summary: its sound interval and, when it is one figure
/// the unit reported itself and nothing was added to it, the report's own
/// word, so that "hơn 6.800" stays "hơn 6.800" (issue 14's table: a figure
/// keeps its word; a computed value is worded by its interval).
///
/// ```
/// use danvan::{notation, Interval, SummaryValue, Word};
///
/// let stated = SummaryValue::stated(notation::parse_reported("hơn 6.800")?);
/// assert_eq!((stated.interval, stated.word), (Interval::at_least(6800), Some(Word::MoreThan)));
/// let computed = SummaryValue::from(Interval::at_least(6800));
/// assert_eq!(computed.word, None);
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct SummaryValue {
    /// The sound interval of the true value.
    pub interval: Interval<u64>,
    /// The report's word, when the value is one stated figure unchanged.
    pub word: Option<Word>,
}

impl SummaryValue {
    /// A stated figure: its interval and its word.
    ///
    /// ```
    /// let v = danvan::SummaryValue::stated(danvan::notation::parse_reported("gần 300")?);
    /// assert_eq!(v.interval.high(), Some(300));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn stated(r: Reported) -> SummaryValue {
        SummaryValue {
            interval: r.interval(),
            word: Some(r.word()),
        }
    }

    /// The stated figure back, when the word fits the interval (the number a
    /// word is written with: a lower bound for "hơn", an upper bound for
    /// "gần", both ends of a range, the estimate of "khoảng").
    ///
    /// ```
    /// let r = danvan::notation::parse_reported("từ 120 đến 150")?;
    /// assert_eq!(danvan::SummaryValue::stated(r).as_stated(), Some(r));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn as_stated(self) -> Option<Reported> {
        let i = self.interval;
        let w = self.word?;
        let r = match (w, i.exact_value()) {
            (Word::Exact, Some(v)) => Reported::exact(crate::Count::new(v)),
            (Word::Range, _) => {
                Reported::range(crate::Count::new(i.low()), crate::Count::new(i.high()?)).ok()?
            }
            _ => {
                let n = match w.qualifier() {
                    crate::Qualifier::AtLeast => i.low(),
                    crate::Qualifier::AtMost => i.high()?,
                    crate::Qualifier::About => i.estimate()?,
                    crate::Qualifier::Exact => return None,
                };
                Reported::worded(w, crate::Count::new(n)).ok()?
            }
        };
        (r.interval() == i).then_some(r)
    }
}

impl From<Interval<u64>> for SummaryValue {
    fn from(interval: Interval<u64>) -> SummaryValue {
        SummaryValue {
            interval,
            word: None,
        }
    }
}

/// The figures one actor reports in the annual summary.
///
/// ```
/// let s = danvan::ActorSummary::default();
/// assert!(s.conferences.is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default, serde::Serialize)]
pub struct ActorSummary {
    /// Conferences of any kind.
    pub conferences: Option<SummaryValue>,
    /// Training conferences.
    pub training_conferences: Option<SummaryValue>,
    /// Conference participants (occurrences).
    pub participants: Option<SummaryValue>,
    /// Documents to lead and direct.
    pub leadership_documents: Option<SummaryValue>,
    /// Guidance and reminder documents.
    pub guidance_documents: Option<SummaryValue>,
    /// Documents of any kind.
    pub documents: Option<SummaryValue>,
    /// Inspection and supervision sessions.
    pub inspections: Option<SummaryValue>,
    /// Subjects of those sessions.
    pub inspection_subjects: Option<SummaryValue>,
    /// Collectives awarded.
    pub awarded_collectives: Option<SummaryValue>,
}

/// The stocks of the annual summary, as one actor reports them.
///
/// ```
/// let s = danvan::StockSummary::default();
/// assert!(s.skilful_models.is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default, serde::Serialize)]
pub struct StockSummary {
    /// "Dân vận khéo" models.
    pub skilful_models: Option<SummaryValue>,
    /// Grassroots mobilization blocks.
    pub grassroots_blocks: Option<SummaryValue>,
    /// Village mobilization teams.
    pub village_teams: Option<SummaryValue>,
}

/// The figures of a unit's annual summary, as [`Totals::value`] gives them,
/// with the unit's name, level and the period taken from the data.
///
/// ```
/// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
/// let t = danvan::Totals::empty(&h, danvan::Period::year(2022)?, &[]);
/// let s = danvan::Summary::from_totals(&t, &"30".parse()?)?;
/// assert_eq!((s.unit_name.as_str(), s.period), ("Tỉnh Hải Dương", danvan::Period::year(2022)?));
/// assert_eq!(s.party, danvan::ActorSummary::default());
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// The unit's name.
    pub unit_name: String,
    /// The unit's level.
    pub level: Level,
    /// The period of the figures.
    pub period: Period,
    /// Figures of the Party committees and organizations.
    pub party: ActorSummary,
    /// Figures of the mobilization sector.
    pub sector: ActorSummary,
    /// Stocks, as one actor reports them.
    pub stocks: StockSummary,
}

impl Summary {
    /// An empty summary of a unit (every figure missing), for building one by hand.
    ///
    /// ```
    /// let s = danvan::Summary::new("Huyện Nam Sách", danvan::Level::District, danvan::Period::year(2022)?);
    /// assert!(s.sector.documents.is_none());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn new(unit_name: &str, level: Level, period: Period) -> Summary {
        Summary {
            unit_name: unit_name.to_owned(),
            level,
            period,
            party: ActorSummary::default(),
            sector: ActorSummary::default(),
            stocks: StockSummary::default(),
        }
    }

    /// The summary of a unit of the totals: its name and level from the
    /// totals' hierarchy, the totals' period, the Party committees, the
    /// mobilization sector, and the stocks as one actor reports them
    /// ([`Totals::stock`]; never summed over actors). Every figure is
    /// computed (worded by its interval); [`Summary::from_checked`] also keeps
    /// the words of the figures the unit stated itself.
    ///
    /// A summary is of one unit: the country's cell of rekeyed totals
    /// ([`Totals::national`]) is no unit's and is not shown here (a root's
    /// summary shows the root's own interval); read the country with
    /// [`Totals::level_total`] at the top level, or from the
    /// `country_records` / `country_reported` rows of [`Totals::rows`].
    ///
    /// # Errors
    ///
    /// [`ErrorKind::SummaryUnknownUnit`] when the unit is not in the totals'
    /// hierarchy (never an empty summary that would read "chưa có số liệu").
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let t = danvan::Totals::empty(&h, danvan::Period::year(2022)?, &[]);
    /// assert_eq!(danvan::Summary::from_totals(&t, &"31".parse()?).unwrap_err().code(), "DV151");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn from_totals(totals: &Totals, unit: &UnitCode) -> Result<Summary, Error> {
        let u = totals.hierarchy().get(unit).ok_or_else(|| -> Error {
            ErrorKind::SummaryUnknownUnit {
                unit: unit.to_string(),
            }
            .into()
        })?;
        let v = |b: Builtin, actor: Actor| totals.value_builtin(unit, b, actor).map(Into::into);
        let of = |actor: Actor| ActorSummary {
            conferences: v(Builtin::Conferences, actor),
            training_conferences: v(Builtin::TrainingConferences, actor),
            participants: v(Builtin::ConferenceParticipants, actor),
            leadership_documents: v(Builtin::LeadershipDocuments, actor),
            guidance_documents: v(Builtin::GuidanceDocuments, actor),
            documents: v(Builtin::Documents, actor),
            inspections: v(Builtin::Inspections, actor),
            inspection_subjects: v(Builtin::InspectionSubjects, actor),
            awarded_collectives: v(Builtin::AwardedCollectives, actor),
        };
        let stock = |b: Builtin| totals.stock(unit, b).map(Into::into);
        Ok(Summary {
            unit_name: u.name().to_owned(),
            level: u.level(),
            period: totals.period(),
            party: of(Actor::PartyCommittees),
            sector: of(Actor::MobilizationSector),
            stocks: StockSummary {
                skilful_models: stock(Builtin::SkilfulModels),
                grassroots_blocks: stock(Builtin::GrassrootsBlocks),
                village_teams: stock(Builtin::VillageTeams),
            },
        })
    }

    /// As [`Summary::from_totals`], keeping the report's word of every figure
    /// that is one figure the unit stated itself, unchanged: the only figure
    /// of its indicator and actor for the unit in the dataset, whose interval
    /// is the summary's value ("hơn 6.800" stays "hơn 6.800"; a sum or a
    /// records total is worded by its interval).
    ///
    /// # Errors
    ///
    /// As [`Summary::from_totals`].
    ///
    /// ```
    /// let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed-2022.json")).unwrap();
    /// let checked = danvan::check(danvan::Dataset::from_json(json.as_bytes())?).map_err(|r| r.to_string()).unwrap();
    /// let totals = danvan::Totals::compute(&checked)?;
    /// let s = danvan::Summary::from_checked(&checked, &totals, &"30".parse()?)?;
    /// assert_eq!(s.sector.participants.unwrap().word, Some(danvan::Word::MoreThan));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn from_checked(
        checked: &Checked,
        totals: &Totals,
        unit: &UnitCode,
    ) -> Result<Summary, Error> {
        let mut s = Summary::from_totals(totals, unit)?;
        let figures = &checked.dataset().figures;
        let stated = |b: Builtin, actor: Option<Actor>, v: &mut Option<SummaryValue>| {
            let Some(value) = v.as_mut() else { return };
            let id = IndicatorId::from(b);
            let mut own = figures.iter().filter(|f| {
                f.unit == *unit
                    && f.indicator == id
                    && match actor {
                        Some(a) => f.actors == [a],
                        None => f.actors.len() == 1,
                    }
            });
            if let (Some(f), None) = (own.next(), own.next()) {
                if let Some(r) = f.value.filter(|r| r.interval() == value.interval) {
                    value.word = Some(r.word());
                }
            }
        };
        for (actor, a) in [
            (Actor::PartyCommittees, &mut s.party),
            (Actor::MobilizationSector, &mut s.sector),
        ] {
            let x = Some(actor);
            stated(Builtin::Conferences, x, &mut a.conferences);
            stated(Builtin::TrainingConferences, x, &mut a.training_conferences);
            stated(Builtin::ConferenceParticipants, x, &mut a.participants);
            stated(Builtin::LeadershipDocuments, x, &mut a.leadership_documents);
            stated(Builtin::GuidanceDocuments, x, &mut a.guidance_documents);
            stated(Builtin::Documents, x, &mut a.documents);
            stated(Builtin::Inspections, x, &mut a.inspections);
            stated(Builtin::InspectionSubjects, x, &mut a.inspection_subjects);
            stated(Builtin::AwardedCollectives, x, &mut a.awarded_collectives);
        }
        stated(Builtin::SkilfulModels, None, &mut s.stocks.skilful_models);
        stated(
            Builtin::GrassrootsBlocks,
            None,
            &mut s.stocks.grassroots_blocks,
        );
        stated(Builtin::VillageTeams, None, &mut s.stocks.village_teams);
        Ok(s)
    }
}
