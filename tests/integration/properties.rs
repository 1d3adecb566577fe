//! Reliability properties (issue 6): serde round trips of every public
//! serializable type, `check` never panics on generated datasets (valid or
//! mutated), nothing is lost (every record is counted or named), merges of
//! totals with figures, crosswalk bounds, and checked arithmetic at the edges.
//!
//! Every unit, name and record generated here is **synthetic**: province 90,
//! districts 9dd, communes 90ddc, villages `<commune>-Vn`.

use std::collections::{BTreeSet, HashSet};
use std::fmt::Debug;

use chrono::NaiveDate;
use danvan::*;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::Serialize;

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

fn code(s: &str) -> UnitCode {
    s.parse().unwrap()
}

fn year() -> Period {
    Period::year(2022).unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_yo_opt(2022, d).unwrap()
}

/// Serializes to JSON and back; the value must come back equal.
fn round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(
    v: &T,
) -> Result<(), TestCaseError> {
    let json = serde_json::to_string(v).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let back: T =
        serde_json::from_str(&json).map_err(|e| TestCaseError::fail(format!("{json}: {e}")))?;
    prop_assert_eq!(&back, v, "through {}", json);
    Ok(())
}

// ---------------------------------------------------------------------------
// Strategies for values
// ---------------------------------------------------------------------------

fn count() -> impl Strategy<Value = Count> {
    prop_oneof![
        0u64..10_000,
        any::<u64>(),
        Just(u64::MAX),
        Just(u64::MAX - 1)
    ]
    .prop_map(Count::new)
}

fn qualifier() -> impl Strategy<Value = Qualifier> {
    prop::sample::select(Qualifier::ALL.to_vec())
}

fn reported() -> impl Strategy<Value = Reported> {
    (qualifier(), count()).prop_map(|(q, c)| Reported::new(q, c))
}

fn actor() -> impl Strategy<Value = Actor> {
    prop::sample::select(Actor::ALL.to_vec())
}

fn level() -> impl Strategy<Value = Level> {
    prop::sample::select(Level::ALL.to_vec())
}

fn decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (any::<u32>(), any::<u32>(), any::<u32>(), 0u32..=28)
            .prop_map(|(lo, mid, hi, scale)| Decimal::from_parts(lo, mid, hi, false, scale)),
        (0i64..1_000_000_000, 0u32..4).prop_map(|(m, s)| Decimal::new(m, s)),
        Just(Decimal::MAX),
        Just(Decimal::ZERO),
    ]
}

fn unit_word() -> impl Strategy<Value = UnitWord> {
    prop_oneof![
        prop::sample::select(vec!["đồng", "km", "m²", "ngày công", "căn"])
            .prop_map(|s| s.parse().unwrap()),
        "[a-zA-Z0-9 ]{1,32}".prop_filter_map("not a unit word", |s| s.parse().ok()),
    ]
}

fn measure() -> impl Strategy<Value = Measure> {
    (qualifier(), decimal(), unit_word()).prop_map(|(q, d, w)| Measure::new(q, d, w).unwrap())
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1900i32..2100, 1u32..=366)
        .prop_filter_map("no such day", |(y, d)| NaiveDate::from_yo_opt(y, d))
}

fn period() -> impl Strategy<Value = Period> {
    prop_oneof![
        (date(), 0u64..800).prop_filter_map("out of range", |(s, n)| {
            Period::new(s, s.checked_add_days(chrono::Days::new(n))?).ok()
        }),
        (1990i32..2040).prop_map(|y| Period::year(y).unwrap()),
        (1990i32..2040, 1u32..=12).prop_map(|(y, m)| Period::month(y, m).unwrap()),
        (
            1990i32..2040,
            prop::sample::select(vec![Quarter::Q1, Quarter::Q2, Quarter::Q3, Quarter::Q4])
        )
            .prop_map(|(y, q)| Period::quarter(y, q).unwrap()),
    ]
}

fn calendar() -> impl Strategy<Value = ReportingCalendar> {
    prop_oneof![
        Just(ReportingCalendar::CALENDAR),
        Just(ReportingCalendar::STATE_AGENCY),
        (2u32..=28).prop_map(|d| ReportingCalendar::cut_off(d).unwrap()),
    ]
}

fn unit_code() -> impl Strategy<Value = UnitCode> {
    "[0-9]{2}|[0-9]{3}|[0-9]{5}|[0-9]{5}-[A-Za-z0-9]{1,6}"
        .prop_filter_map("not a unit code", |s| s.parse().ok())
}

fn name() -> impl Strategy<Value = String> {
    "[A-Za-zÀ-ỹ0-9][A-Za-zÀ-ỹ0-9 ]{0,20}"
}

fn unit() -> impl Strategy<Value = Unit> {
    (
        unit_code(),
        name(),
        prop::option::of(unit_code()),
        prop::option::of(date()),
        prop::option::of(date()),
    )
        .prop_map(|(c, n, p, from, to)| Unit::new(c, n).with_parent(p).with_validity(from, to))
}

fn record_id() -> impl Strategy<Value = Option<RecordId>> {
    prop::option::of("[A-Za-z0-9][A-Za-z0-9-]{0,20}".prop_map(|s| s.parse().unwrap()))
}

fn indicator_id() -> impl Strategy<Value = IndicatorId> {
    prop_oneof![
        prop::sample::select(Builtin::ALL.to_vec()).prop_map(IndicatorId::from),
        "[a-z][a-z0-9_]{0,30}".prop_filter_map("not an id", |s| s.parse().ok()),
    ]
}

fn indicator_def() -> impl Strategy<Value = IndicatorDef> {
    (
        "[a-z][a-z0-9_]{0,30}".prop_filter_map("builtin or invalid", |s| {
            let id: IndicatorId = s.parse().ok()?;
            id.builtin().is_none().then_some(id)
        }),
        name(),
        prop::sample::select(vec![
            IndicatorKind::Flow,
            IndicatorKind::Stock,
            IndicatorKind::Distinct,
        ]),
        name(),
        prop::sample::select(vec![ValueType::Count, ValueType::Amount]),
    )
        .prop_map(|(id, label, kind, unit, values)| IndicatorDef {
            id,
            label,
            kind,
            unit,
            values,
        })
}

fn figure() -> impl Strategy<Value = Figure> {
    (
        indicator_id(),
        unit_code(),
        prop::option::of(period()),
        prop::collection::vec(actor(), 0..3),
        prop::option::of(reported()),
        prop::option::of(measure()),
        prop::collection::vec((name(), reported()), 0..3),
    )
        .prop_map(
            |(indicator, unit, period, actors, value, amount, parts)| Figure {
                indicator,
                unit,
                period,
                actors,
                value,
                amount,
                parts: parts
                    .into_iter()
                    .map(|(label, value)| FigurePart { label, value })
                    .collect(),
            },
        )
}

/// Any record, valid or not (the types allow what `check` rejects).
fn record() -> impl Strategy<Value = Record> {
    let common = (
        record_id(),
        unit_code(),
        date(),
        actor(),
        count(),
        count(),
        any::<u8>(),
    );
    (
        0u8..11,
        common,
        reported(),
        prop::option::of(name()),
        figure(),
    )
        .prop_map(
            |(kind, (id, unit, date, actor, a, b, x), r, text, fig)| match kind {
                0 => Record::Conference(Conference {
                    id,
                    unit,
                    date,
                    actor,
                    kind: [
                        ConferenceKind::Both,
                        ConferenceKind::Training,
                        ConferenceKind::Propaganda,
                    ][usize::from(x % 3)],
                    participants: r,
                    headcount: if x % 2 == 0 {
                        Headcount::Occurrences
                    } else {
                        Headcount::DistinctPersons
                    },
                }),
                1 => Record::Document(IssuedDocument {
                    id,
                    unit,
                    date,
                    actor,
                    kind: if x % 2 == 0 {
                        DocumentKind::Leadership
                    } else {
                        DocumentKind::Guidance
                    },
                    reference: text,
                }),
                2 => Record::Inspection(Inspection {
                    id,
                    unit,
                    date,
                    actor,
                    kind: [
                        InspectionKind::Inspection,
                        InspectionKind::Supervision,
                        InspectionKind::Lumped,
                    ][usize::from(x % 3)],
                    subjects: Subjects {
                        party_organizations: (x & 1 != 0).then_some(a),
                        party_members: (x & 2 != 0).then_some(b),
                        lumped: (x & 4 != 0).then_some(a),
                    },
                }),
                3 => Record::Dialogue(Dialogue {
                    id,
                    unit,
                    date,
                    actor,
                    participants: r,
                    petitions_raised: a,
                    petitions_resolved: b,
                }),
                4 => Record::Reception(CitizenReception {
                    id,
                    unit,
                    date,
                    actor,
                    citizens: (x % 2 == 0).then_some(a),
                    petitions_raised: a,
                    petitions_resolved: b,
                }),
                5 => Record::Clearance(SiteClearance {
                    id,
                    unit,
                    date,
                    actor,
                    project: text.unwrap_or_else(|| "synthetic".into()),
                    households_affected: a,
                    households_consenting: b,
                }),
                6 => Record::Award(Award {
                    id,
                    unit,
                    date,
                    issuer: actor,
                    kind: [AwardKind::GiayKhen, AwardKind::BangKhen, AwardKind::Other]
                        [usize::from(x % 3)],
                    recipient: if x % 2 == 0 {
                        Recipient::Collective
                    } else {
                        Recipient::Individual
                    },
                    name: text,
                }),
                7 => Record::Block(GrassrootsBlock {
                    id,
                    unit,
                    established: (x % 2 == 0).then_some(date),
                    dissolved: (x % 3 == 0).then_some(date),
                }),
                8 => Record::Team(VillageTeam {
                    id,
                    unit,
                    members: (0..x % 4)
                        .map(|i| TeamMember {
                            role: [
                                TeamRole::PartyCellSecretary,
                                TeamRole::VillageHead,
                                TeamRole::FrontCommitteeHead,
                                TeamRole::Member,
                            ][usize::from(i)],
                            name: text.clone(),
                        })
                        .collect(),
                    established: (x % 2 == 0).then_some(date),
                    dissolved: None,
                }),
                9 => Record::Model(SkilfulModel {
                    id,
                    unit,
                    name: text,
                    form: if x % 2 == 0 {
                        ModelForm::Collective
                    } else {
                        ModelForm::Individual
                    },
                    field: [
                        ModelField::Economy,
                        ModelField::CultureSociety,
                        ModelField::DefenceSecurity,
                        ModelField::PoliticalSystem,
                        ModelField::Other,
                    ][usize::from(x % 5)],
                    stage: [
                        ModelStage::Registered,
                        ModelStage::Effective,
                        ModelStage::Recognized,
                        ModelStage::Outstanding,
                        ModelStage::Awarded,
                    ][usize::from(x / 5 % 5)],
                    recognized_by: (x % 2 == 1).then_some(Level::District),
                    registered: (x % 3 == 1).then_some(date),
                }),
                _ => Record::Figure(fig),
            },
        )
}

fn work_plan() -> impl Strategy<Value = WorkPlan> {
    let target = (
        name(),
        prop::option::of(reported()),
        count(),
        prop::option::of(reported()),
        any::<bool>(),
    )
        .prop_map(|(description, baseline, target, actual, up)| Target {
            description,
            baseline,
            target,
            actual,
            direction: if up {
                Direction::Increase
            } else {
                Direction::Decrease
            },
        });
    let task = (
        name(),
        any::<bool>(),
        any::<bool>(),
        prop::option::of(unit_code()),
        prop::option::of(actor()),
        prop::collection::vec(target, 0..3),
        prop::collection::vec((name(), name()), 0..3),
    )
        .prop_map(
            |(title, key, breakthrough, lead_unit, lead_actor, targets, clear)| KeyTask {
                title,
                key,
                breakthrough,
                lead_unit,
                lead_actor,
                targets,
                clear: clear
                    .into_iter()
                    .map(|(criterion, text)| CriterionEntry { criterion, text })
                    .collect(),
            },
        );
    (
        1990i32..2040,
        unit_code(),
        actor(),
        0u32..20,
        0u32..20,
        prop::collection::vec(task, 0..3),
        prop::collection::vec((name(), prop::option::of(name())), 0..6),
    )
        .prop_map(
            |(year, unit, actor, key_tasks, breakthrough_tasks, tasks, criteria)| WorkPlan {
                year,
                unit,
                actor,
                key_tasks,
                breakthrough_tasks,
                tasks,
                criteria: criteria
                    .into_iter()
                    .map(|(id, label)| Criterion { id, label })
                    .collect(),
            },
        )
}

/// Any dataset the types allow (not necessarily valid).
fn any_dataset() -> impl Strategy<Value = Dataset> {
    (
        period(),
        prop::option::of(name()),
        prop::option::of(name()),
        prop::collection::vec(unit(), 0..5),
        prop::collection::vec(indicator_def(), 0..3),
        prop::collection::vec(record(), 0..25),
        prop::option::of(work_plan()),
    )
        .prop_map(
            |(period, title, units_file, units, indicators, records, plan)| {
                let mut d = Dataset::new(period);
                d.title = title;
                d.units_file = units_file;
                d.units = units;
                d.indicators = indicators;
                d.plan = plan;
                for r in records {
                    push(&mut d, r);
                }
                d
            },
        )
}

/// Adds a record to its list of the dataset.
fn push(d: &mut Dataset, r: Record) {
    match r {
        Record::Block(x) => d.blocks.push(x),
        Record::Team(x) => d.teams.push(x),
        Record::Model(x) => d.models.push(x),
        Record::Conference(x) => d.conferences.push(x),
        Record::Document(x) => d.documents.push(x),
        Record::Inspection(x) => d.inspections.push(x),
        Record::Dialogue(x) => d.dialogues.push(x),
        Record::Reception(x) => d.receptions.push(x),
        Record::Clearance(x) => d.clearances.push(x),
        Record::Award(x) => d.awards.push(x),
        Record::Figure(x) => d.figures.push(x),
        // `Record` is non_exhaustive: a new kind must get its list here.
        other => panic!("a record kind this test does not know: {other:?}"),
    }
}

// ---------------------------------------------------------------------------
// Valid synthetic datasets, and mutations that break them
// ---------------------------------------------------------------------------

/// The custom amount indicator of the generated datasets (synthetic).
fn money() -> IndicatorDef {
    IndicatorDef {
        id: "money_mobilized".parse().unwrap(),
        label: "Money mobilized (synthetic)".into(),
        kind: IndicatorKind::Flow,
        unit: "đồng".into(),
        values: ValueType::Amount,
    }
}

use crate::synthetic::units;

/// Flow indicators a generated figure may use (no stocks: no stage rules).
const FIGURE_INDICATORS: [Builtin; 6] = [
    Builtin::Conferences,
    Builtin::ConferenceParticipants,
    Builtin::Documents,
    Builtin::GuidanceDocuments,
    Builtin::Inspections,
    Builtin::PetitionsRaised,
];

/// Synthetic datasets with every kind of record, units and figures, that
/// `check` accepts.
fn valid_dataset() -> impl Strategy<Value = Dataset> {
    let shape = prop::collection::vec(prop::collection::vec(0u8..3, 1..3), 1..3);
    let raw = (
        0u8..12,
        any::<prop::sample::Index>(),
        actor(),
        qualifier(),
        0u64..1000,
        0u64..1000,
        1u32..=365,
        any::<u8>(),
    );
    (shape, prop::collection::vec(raw, 0..60)).prop_map(|(shape, raw)| {
        let (units, communes, villages) = units(&shape);
        let all: Vec<UnitCode> = units.iter().map(Unit::code).collect();
        let mut d = Dataset::new(year());
        d.title = Some("synthetic".into());
        d.units = units;
        d.indicators = vec![money()];
        let mut blocks = HashSet::new();
        let mut teams = HashSet::new();
        let mut figures = HashSet::new();
        for (kind, pick, actor, q, a, b, dd, x) in raw {
            let unit = *pick.get(&all);
            let date = day(dd);
            let r = match kind {
                0 => Record::Conference(Conference {
                    id: None,
                    unit,
                    date,
                    actor,
                    kind: [
                        ConferenceKind::Both,
                        ConferenceKind::Training,
                        ConferenceKind::Propaganda,
                    ][usize::from(x % 3)],
                    participants: Reported::new(q, Count::new(a)),
                    headcount: if x % 7 == 0 {
                        Headcount::DistinctPersons
                    } else {
                        Headcount::Occurrences
                    },
                }),
                1 => Record::Document(IssuedDocument {
                    id: None,
                    unit,
                    date,
                    actor,
                    kind: if x % 2 == 0 {
                        DocumentKind::Leadership
                    } else {
                        DocumentKind::Guidance
                    },
                    reference: None,
                }),
                2 => Record::Inspection(Inspection {
                    id: None,
                    unit,
                    date,
                    actor,
                    kind: InspectionKind::Lumped,
                    subjects: Subjects {
                        party_organizations: Some(Count::new(a)),
                        party_members: Some(Count::new(b + 1)),
                        lumped: None,
                    },
                }),
                3 => Record::Dialogue(Dialogue {
                    id: None,
                    unit,
                    date,
                    actor,
                    participants: Reported::new(q, Count::new(a)),
                    petitions_raised: Count::new(a.max(b)),
                    petitions_resolved: Count::new(a.min(b)),
                }),
                4 => Record::Reception(CitizenReception {
                    id: None,
                    unit,
                    date,
                    actor,
                    citizens: Some(Count::new(a)),
                    petitions_raised: Count::new(a.max(b)),
                    petitions_resolved: Count::new(a.min(b)),
                }),
                5 => Record::Clearance(SiteClearance {
                    id: None,
                    unit,
                    date,
                    actor,
                    project: "synthetic project".into(),
                    households_affected: Count::new(a.max(b)),
                    households_consenting: Count::new(a.min(b)),
                }),
                6 => Record::Award(Award {
                    id: None,
                    unit,
                    date,
                    issuer: actor,
                    kind: AwardKind::GiayKhen,
                    recipient: if x % 2 == 0 {
                        Recipient::Collective
                    } else {
                        Recipient::Individual
                    },
                    name: None,
                }),
                7 => {
                    let unit = *pick.get(&communes);
                    if !blocks.insert(unit) {
                        continue;
                    }
                    Record::Block(GrassrootsBlock {
                        id: None,
                        unit,
                        established: None,
                        dissolved: None,
                    })
                }
                8 if !villages.is_empty() => {
                    let unit = *pick.get(&villages);
                    if !teams.insert(unit) {
                        continue;
                    }
                    Record::Team(VillageTeam {
                        id: None,
                        unit,
                        members: vec![
                            TeamMember {
                                role: TeamRole::PartyCellSecretary,
                                name: None,
                            },
                            TeamMember {
                                role: TeamRole::VillageHead,
                                name: None,
                            },
                        ],
                        established: None,
                        dissolved: None,
                    })
                }
                9 => Record::Model(SkilfulModel {
                    id: None,
                    unit,
                    name: None,
                    form: ModelForm::Collective,
                    field: ModelField::Economy,
                    stage: [
                        ModelStage::Registered,
                        ModelStage::Effective,
                        ModelStage::Awarded,
                    ][usize::from(x % 3)],
                    recognized_by: None,
                    registered: (x % 2 == 0).then_some(date),
                }),
                10 => {
                    let ind = FIGURE_INDICATORS[usize::from(x) % FIGURE_INDICATORS.len()];
                    if !figures.insert((IndicatorId::from(ind), unit, actor)) {
                        continue;
                    }
                    Record::Figure(Figure {
                        indicator: ind.into(),
                        unit,
                        period: None,
                        actors: vec![actor],
                        value: Some(Reported::new(q, Count::new(a))),
                        amount: None,
                        parts: Vec::new(),
                    })
                }
                _ => {
                    if !figures.insert((money().id, unit, actor)) {
                        continue;
                    }
                    Record::Figure(Figure {
                        indicator: money().id,
                        unit,
                        period: None,
                        actors: vec![actor],
                        value: None,
                        amount: Some(
                            Measure::new(
                                q,
                                Decimal::new(a as i64 * 1000 + b as i64, 1),
                                "đồng".parse().unwrap(),
                            )
                            .unwrap(),
                        ),
                        parts: Vec::new(),
                    })
                }
            };
            push(&mut d, r);
        }
        d
    })
}

/// The lists of a dataset that hold records, with their lengths.
fn lists(d: &Dataset) -> [(&'static str, usize); 11] {
    [
        ("blocks", d.blocks.len()),
        ("teams", d.teams.len()),
        ("models", d.models.len()),
        ("conferences", d.conferences.len()),
        ("documents", d.documents.len()),
        ("inspections", d.inspections.len()),
        ("dialogues", d.dialogues.len()),
        ("receptions", d.receptions.len()),
        ("clearances", d.clearances.len()),
        ("awards", d.awards.len()),
        ("figures", d.figures.len()),
    ]
}

/// Breaks record `i` of list `list` with one of the mutations the table of
/// kinds generates past the boundary of one of its rules (`how` picks which;
/// see `one_rule_set::rule_mutations`): each an error of that record alone.
fn mutate(d: &mut Dataset, list: &str, i: usize, how: u8) {
    use crate::one_rule_set::{rule_mutations, Mutation, Palette};
    let kind = RecordKind::ALL
        .into_iter()
        .find(|k| k.list() == list)
        .unwrap();
    let mut v = serde_json::to_value(&*d).unwrap();
    let record = v[list][i].as_object().unwrap().clone();
    // Units every generated hierarchy has; no unit of limited validity.
    let palette = Palette {
        unknown: "99999",
        levels: vec![(Level::Province, "90"), (Level::District, "901")],
        limited: Vec::new(),
    };
    let bad: Vec<Mutation> = rule_mutations(kind, &record, &palette, d.period)
        .into_iter()
        .filter(Mutation::is_bad)
        .collect();
    assert!(!bad.is_empty(), "{list}: no mutation past a rule");
    let m = &bad[usize::from(how) % bad.len()];
    v[list][i] = serde_json::Value::Object(m.apply(&record));
    *d = serde_json::from_value(v).unwrap_or_else(|e| panic!("{}: {e}", m.label));
}

/// A valid dataset with some of its records broken: the dataset and the
/// `(list, index)` of every broken record.
fn mutated_dataset() -> impl Strategy<Value = (Dataset, BTreeSet<(&'static str, usize)>)> {
    (
        valid_dataset(),
        prop::collection::vec(
            (0usize..11, any::<prop::sample::Index>(), any::<u8>()),
            0..6,
        ),
    )
        .prop_map(|(mut d, picks)| {
            let mut broken = BTreeSet::new();
            for (l, idx, how) in picks {
                let (list, len) = lists(&d)[l];
                if len == 0 {
                    continue;
                }
                let i = idx.index(len);
                if broken.insert((list, i)) {
                    mutate(&mut d, list, i, how);
                }
            }
            (d, broken)
        })
}

/// `lists[3]` from a path `lists[3].unit`.
fn record_of(path: &str) -> Option<(String, usize)> {
    let (list, rest) = path.split_once('[')?;
    let (i, _) = rest.split_once(']')?;
    Some((list.to_owned(), i.parse().ok()?))
}

/// Runs everything after `check` on a dataset: nothing may panic.
fn downstream(checked: &Checked) {
    if let Ok(t) = Totals::compute(checked) {
        let root = code("90");
        if let Ok(s) = Summary::from_checked(checked, &t, &root) {
            let _ = render::vi::annual_summary(&s, &render::vi::SummaryOptions::default());
        }
        let _ = t.reconcile();
        let _ = t.completeness(&root, Level::Commune);
        let _ = t.coverage_blocks(&root);
        let _ = t.consent_rate(&root, Actor::Government);
    }
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Count, Qualifier, Reported, Share, Ratio, UnitWord, Measure, Change.
    #[test]
    fn serde_round_trip_quantities(
        c in count(), r in reported(), r2 in reported(), a in count(), b in count(), m in measure(),
    ) {
        round_trip(&c)?;
        round_trip(&r.qualifier())?;
        round_trip(&r)?;
        let (part, whole) = if a <= b { (a, b) } else { (b, a) };
        if let Ok(share) = Share::new(part, whole) {
            round_trip(&share)?;
        }
        round_trip(&Ratio::new(a, b))?;
        round_trip(m.unit())?;
        round_trip(&m)?;
        let iv = |r: Reported| Interval::between(r.bounds().0, r.bounds().1).unwrap();
        round_trip(&change(iv(r), iv(r2)))?;
    }

    /// Period, Half, Quarter, ReportingCalendar.
    #[test]
    fn serde_round_trip_periods(p in period(), cal in calendar(), y in 1990i32..2040) {
        round_trip(&p)?;
        round_trip(&cal)?;
        round_trip(&Half::H1)?;
        round_trip(&Half::H2)?;
        for q in [Quarter::Q1, Quarter::Q2, Quarter::Q3, Quarter::Q4] {
            round_trip(&q)?;
            round_trip(&cal.quarter(y, q).unwrap())?;
        }
    }

    /// UnitCode, Level, Unit, Hierarchy, Crosswalk.
    #[test]
    fn serde_round_trip_units(
        c in unit_code(), l in level(), u in unit(),
        shape in prop::collection::vec(prop::collection::vec(0u8..3, 1..4), 1..3),
        cuts in prop::collection::vec((0u8..3, 1u32..100), 0..12),
    ) {
        round_trip(&c)?;
        round_trip(&l)?;
        round_trip(&u)?;
        let (all, communes, _) = units(&shape);
        round_trip(&Hierarchy::new(all).unwrap())?;
        let mut b = Crosswalk::builder().source("synthetic").effective(NaiveDate::from_ymd_opt(2025, 7, 1).unwrap());
        for (from, (how, cut)) in communes.iter().zip(cuts) {
            let (t1, t2) = (code("95001"), code("95002"));
            b = match how {
                0 => b.merge(*from, t1),
                1 => b.split(*from, &[(t1, Decimal::new(i64::from(cut), 2)), (t2, Decimal::new(100 - i64::from(cut), 2))]),
                _ => b.split_unknown(*from, &[t1, t2]),
            };
        }
        round_trip(&b.build().unwrap())?;
    }

    /// IndicatorId, IndicatorDef, IndicatorKind, ValueType, RecordId, Actor, Severity, Schema.
    #[test]
    fn serde_round_trip_identifiers(id in indicator_id(), def in indicator_def(), rid in record_id(), a in actor()) {
        round_trip(&id)?;
        round_trip(&def)?;
        round_trip(&def.kind)?;
        round_trip(&def.values)?;
        round_trip(&rid)?;
        round_trip(&a)?;
        round_trip(&Severity::Error)?;
        round_trip(&Severity::Warning)?;
        round_trip(&Schema::V1)?;
    }

    /// Record (every entity and its enums: Conference, IssuedDocument,
    /// Inspection, Subjects, Dialogue, CitizenReception, SiteClearance, Award,
    /// GrassrootsBlock, VillageTeam, TeamMember, SkilfulModel), Figure, FigurePart.
    #[test]
    fn serde_round_trip_records(r in record()) {
        round_trip(&r)?;
        match &r {
            Record::Block(x) => round_trip(x)?,
            Record::Team(x) => {
                round_trip(x)?;
                for m in &x.members { round_trip(m)?; round_trip(&m.role)?; }
            }
            Record::Model(x) => {
                round_trip(x)?;
                round_trip(&x.form)?;
                round_trip(&x.field)?;
                round_trip(&x.stage)?;
            }
            Record::Conference(x) => { round_trip(x)?; round_trip(&x.kind)?; round_trip(&x.headcount)?; }
            Record::Document(x) => { round_trip(x)?; round_trip(&x.kind)?; }
            Record::Inspection(x) => { round_trip(x)?; round_trip(&x.kind)?; round_trip(&x.subjects)?; }
            Record::Dialogue(x) => round_trip(x)?,
            Record::Reception(x) => round_trip(x)?,
            Record::Clearance(x) => round_trip(x)?,
            Record::Award(x) => { round_trip(x)?; round_trip(&x.kind)?; round_trip(&x.recipient)?; }
            Record::Figure(x) => {
                round_trip(x)?;
                for p in &x.parts { round_trip(p)?; }
            }
            other => panic!("a record kind this test does not know: {other:?}"),
        }
    }

    /// WorkPlan, KeyTask, Target, Direction, TargetStatus, Criterion, CriterionEntry.
    #[test]
    fn serde_round_trip_work_plan(plan in work_plan()) {
        round_trip(&plan)?;
        for task in &plan.tasks {
            round_trip(task)?;
            for t in &task.targets {
                round_trip(t)?;
                round_trip(&t.direction)?;
                round_trip(&t.status())?;
            }
            for c in &task.clear { round_trip(c)?; }
        }
        for c in &plan.criteria { round_trip(c)?; }
    }

    /// Dataset (any, valid or not), also through `Dataset::from_json`.
    #[test]
    fn serde_round_trip_dataset(d in any_dataset()) {
        round_trip(&d)?;
        let json = serde_json::to_vec(&d).unwrap();
        prop_assert_eq!(Dataset::from_json(json.as_slice()).unwrap(), d);
    }

    /// Totals (records, figures and amounts) as rows, Reconciliation, Against, Agreement.
    #[test]
    fn serde_round_trip_totals(d in valid_dataset()) {
        let c = check(d).map_err(|r| TestCaseError::fail(r.to_string()))?;
        let t = Totals::compute(&c).unwrap();
        for row in t.rows() {
            round_trip(&row)?;
        }
        prop_assert_eq!(crate::rows::through_rows(&t).unwrap(), t.clone());
        for rec in t.reconcile() {
            round_trip(&rec)?;
            round_trip(&rec.against)?;
            round_trip(&rec.agreement)?;
        }
    }

    /// `check` never panics on any dataset the types allow; an `Err` has at
    /// least one error; an accepted dataset totals, renders and reconciles
    /// without panicking.
    #[test]
    fn check_never_panics_on_any_dataset(d in any_dataset()) {
        match check(d) {
            Ok(c) => downstream(&c),
            Err(report) => prop_assert!(report.errors().count() >= 1, "{}", report),
        }
    }

    /// Valid generated datasets are accepted; with broken records they are
    /// rejected, and never with a panic.
    #[test]
    fn check_never_panics_on_mutated_datasets((d, broken) in mutated_dataset()) {
        match check(d) {
            Ok(c) => {
                prop_assert!(broken.is_empty(), "broken records {:?} were accepted", broken);
                downstream(&c);
            }
            Err(report) => {
                prop_assert!(!broken.is_empty(), "a valid dataset was rejected: {}", report);
                prop_assert!(report.errors().count() >= 1);
            }
        }
    }

    /// Nothing lost, rejected side: every broken record is named by its path
    /// in an error, and every error names a broken record.
    #[test]
    fn check_names_every_broken_record((d, broken) in mutated_dataset()) {
        let Err(report) = check(d) else {
            prop_assert!(broken.is_empty());
            return Ok(());
        };
        let named: BTreeSet<(String, usize)> =
            report.errors().filter_map(|i| record_of(&i.place().to_string())).collect();
        for (list, i) in &broken {
            prop_assert!(named.contains(&((*list).to_owned(), *i)), "{}[{}] not named in\n{}", list, i, report);
        }
        for issue in report.errors() {
            let at = record_of(&issue.place().to_string());
            prop_assert!(
                at.as_ref().is_some_and(|(l, i)| broken.iter().any(|(bl, bi)| bl == l && bi == i)),
                "error on a good record: {}", issue
            );
        }
    }

    /// The per-record check of the stream ([`Accumulator::check`]) rejects
    /// exactly the broken records, each with an error `check` gives it.
    #[test]
    fn stream_check_agrees_with_check((d, broken) in mutated_dataset()) {
        let h = Hierarchy::new(d.units.clone()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let report = check(d.clone()).err().unwrap_or_default();
        let acc = Accumulator::new(&h, d.period, &d.indicators);
        let records = all_records(&d);
        let mut next = records.iter();
        for (list, len) in lists(&d) {
            for i in 0..len {
                let r = next.next().ok_or_else(|| TestCaseError::fail("fewer records than lists"))?;
                let verdict = acc.check(r.as_record_ref());
                prop_assert_eq!(verdict.is_err(), broken.contains(&(list, i)), "{}[{}]: {:?}", list, i, verdict);
                if let Err(e) = verdict {
                    let codes: Vec<&str> = report
                        .errors()
                        .filter(|issue| record_of(&issue.place().to_string()) == Some((list.to_owned(), i)))
                        .map(|issue| issue.code().as_str())
                        .collect();
                    prop_assert!(codes.contains(&e.code().as_str()), "{}[{}]: stream {} but check {:?}", list, i, e.code(), codes);
                }
            }
        }
    }

    /// Nothing lost, accepted side: the record-driven totals at the root
    /// equal the number of input records of each kind, per actor.
    #[test]
    fn accepted_dataset_counts_every_record(d in valid_dataset()) {
        let c = check(d.clone()).map_err(|r| TestCaseError::fail(r.to_string()))?;
        let t = Totals::compute(&c).unwrap();
        let root = code("90");
        let got = |b: Builtin, a: Actor| t.get(&root, b, a).map_or(0, |r| {
            assert!(r.is_exact(), "{b:?} is not exact");
            r.low()
        });
        let n = |k: usize| k as u64;
        for a in Actor::ALL {
            prop_assert_eq!(got(Builtin::Conferences, a), n(d.conferences.iter().filter(|x| x.actor == a).count()));
            prop_assert_eq!(got(Builtin::Documents, a), n(d.documents.iter().filter(|x| x.actor == a).count()));
            prop_assert_eq!(got(Builtin::Inspections, a), n(d.inspections.iter().filter(|x| x.actor == a).count()));
            prop_assert_eq!(got(Builtin::Dialogues, a), n(d.dialogues.iter().filter(|x| x.actor == a).count()));
            prop_assert_eq!(got(Builtin::Receptions, a), n(d.receptions.iter().filter(|x| x.actor == a).count()));
            prop_assert_eq!(got(Builtin::ClearanceDrives, a), n(d.clearances.iter().filter(|x| x.actor == a).count()));
            prop_assert_eq!(
                got(Builtin::AwardedCollectives, a) + got(Builtin::AwardedIndividuals, a),
                n(d.awards.iter().filter(|x| x.issuer == a).count())
            );
        }
        let ms = Actor::MobilizationSector;
        prop_assert_eq!(got(Builtin::GrassrootsBlocks, ms), n(d.blocks.len()));
        prop_assert_eq!(got(Builtin::VillageTeams, ms), n(d.teams.len()));
        prop_assert_eq!(got(Builtin::SkilfulModels, ms), n(d.models.len()));
        // Every figure is in the reported layer of its own unit.
        for f in &d.figures {
            let a = f.actors[0];
            match (&f.value, &f.amount) {
                (Some(v), None) => prop_assert_eq!(t.reported(&f.unit, &f.indicator, a).map(|r| r.point() >= v.value().get()), Some(true)),
                _ => prop_assert!(t.amount(&f.unit, &f.indicator, a).is_some()),
            }
        }
    }

    /// Nothing lost, streaming side: counted + rejected = lines, and the
    /// rejected line numbers are exactly the bad lines inserted.
    #[test]
    fn stream_counts_or_names_every_line(
        d in valid_dataset(),
        bad in prop::collection::vec((any::<prop::sample::Index>(), 0u8..6), 0..8),
        blanks in prop::collection::vec(any::<prop::sample::Index>(), 0..3),
    ) {
        let c = check(d.clone()).map_err(|r| TestCaseError::fail(r.to_string()))?;
        let mut lines: Vec<(String, bool)> = record_lines(&d).into_iter().map(|l| (l, true)).collect();
        for (at, kind) in bad {
            let text = match kind {
                0 => "not json".to_owned(),
                1 => r#"{"block": {"unit": "99999"}}"#.to_owned(),
                2 => r#"{"document": {"unit": "90", "date": "2023-05-10", "actor": "party_committees", "kind": "leadership"}}"#.to_owned(),
                3 => r#"{"clearance": {"unit": "90", "date": "2022-05-10", "actor": "government", "project": "synthetic", "households_affected": 1, "households_consenting": 2}}"#.to_owned(),
                4 => r#"{"unknown_kind": {}}"#.to_owned(),
                _ => r#"{"figure": {"indicator": "conferences", "unit": "90", "actor": ["government", "other"], "value": 1}}"#.to_owned(),
            };
            let i = at.index(lines.len() + 1);
            lines.insert(i, (text, false));
        }
        for at in blanks {
            let i = at.index(lines.len() + 1);
            lines.insert(i, ("   ".to_owned(), true));
        }
        let text: String = lines.iter().map(|(l, _)| format!("{l}\n")).collect();
        let (streamed, stats) = stream_json_lines(text.as_bytes(), c.hierarchy(), year(), &c.dataset().indicators).unwrap();
        let nonblank = lines.iter().filter(|(l, _)| !l.trim().is_empty()).count();
        let bad_lines: Vec<usize> = lines.iter().enumerate().filter(|(_, (_, ok))| !ok).map(|(i, _)| i + 1).collect();
        prop_assert_eq!(stats.lines, nonblank);
        prop_assert_eq!(stats.counted + stats.rejected_total, stats.lines);
        prop_assert_eq!(stats.rejected_total, bad_lines.len());
        prop_assert_eq!(stats.rejected.iter().map(|(n, _)| *n).collect::<Vec<_>>(), bad_lines);
        prop_assert_eq!(streamed, Totals::compute(&c).unwrap());
    }

    /// Totals of a dataset split into parts (records and figures, including
    /// amounts, each figure's unit in one part) merge to the totals of the
    /// whole, in any grouping and order, with the empty totals as identity.
    #[test]
    fn merge_with_figures_is_a_monoid(d in valid_dataset(), mask in prop::collection::vec(0u8..3, 60)) {
        let c = check(d.clone()).map_err(|r| TestCaseError::fail(r.to_string()))?;
        let h = c.hierarchy().clone();
        let whole = Totals::compute(&c).unwrap();
        let mut parts = [
            Accumulator::new(&h, year(), &d.indicators),
            Accumulator::new(&h, year(), &d.indicators),
            Accumulator::new(&h, year(), &d.indicators),
        ];
        for (i, r) in all_records(&d).iter().enumerate() {
            // Figures of one (indicator, unit, actor) stay together: by unit.
            let k = match r {
                Record::Figure(f) => usize::from(f.unit.to_string().len() as u8 % 3),
                _ => usize::from(mask.get(i % mask.len()).copied().unwrap_or(0)),
            };
            parts[k].add(r.as_record_ref()).unwrap();
        }
        let [a, b, cc] = parts.map(|p| p.finish().unwrap());
        let empty = Totals::empty(&h, year(), &d.indicators);
        prop_assert_eq!(a.clone().merge(b.clone()).unwrap().merge(cc.clone()).unwrap(), whole.clone());
        prop_assert_eq!(a.clone().merge(b.clone().merge(cc.clone()).unwrap()).unwrap(), whole.clone());
        prop_assert_eq!(cc.clone().merge(a.clone()).unwrap().merge(b.clone()).unwrap(), whole.clone());
        prop_assert_eq!(b.clone().merge(a.clone()).unwrap(), a.clone().merge(b.clone()).unwrap());
        prop_assert_eq!(a.clone().merge(empty.clone()).unwrap(), a.clone());
        prop_assert_eq!(empty.merge(a.clone()).unwrap(), a.clone());
        // Partial totals sent to another machine as rows merge to the whole.
        let [a, b, cc] = [a, b, cc].map(|t| crate::rows::through_rows(&t).unwrap());
        let merged = a.merge(b).unwrap().merge(cc).unwrap();
        // And the merge of totals read from rows gives rows that read back.
        prop_assert_eq!(crate::rows::through_rows(&merged).unwrap(), merged.clone());
        prop_assert_eq!(merged, whole);
    }

    /// Applying records one at a time to totals, in place and in any order,
    /// gives the totals computed with them in the dataset; a record whose
    /// unit is unknown leaves the totals unchanged.
    #[test]
    fn apply_in_place_equals_compute(d in valid_dataset(), split in 0usize..200, reverse in any::<bool>()) {
        let c = check(d.clone()).map_err(|r| TestCaseError::fail(r.to_string()))?;
        let h = c.hierarchy().clone();
        let whole = Totals::compute(&c).unwrap();
        let records = all_records(&d);
        let k = split % (records.len() + 1);
        let mut acc = Accumulator::new(&h, year(), &d.indicators);
        for r in records.iter().take(k) {
            acc.add(r.as_record_ref()).unwrap();
        }
        let mut totals = acc.finish().unwrap();
        let mut rest: Vec<&Record> = records.iter().skip(k).collect();
        if reverse {
            rest.reverse();
        }
        for r in rest {
            totals.apply(r.as_record_ref()).unwrap();
        }
        prop_assert_eq!(&totals, &whole);
        let stray: danvan::IssuedDocument = serde_json::from_str(
            r#"{"unit": "99999", "date": "2022-05-10", "actor": "government", "kind": "leadership"}"#,
        ).unwrap();
        prop_assert_eq!(totals.apply(RecordRef::Document(&stray)).unwrap_err().code(), "DV063");
        prop_assert_eq!(&totals, &whole);
    }

    /// Crosswalk conservation with splits of unknown shares: every target's
    /// bounds hold what any allocation could give it, and the sum of the
    /// targets' bounds brackets the old total.
    #[test]
    fn crosswalk_bounds_bracket_every_allocation(
        values in prop::collection::vec((0u64..1_000_000, 0u8..3, 1u32..100), 1..12),
    ) {
        let mut b = Crosswalk::builder();
        let mut old = Vec::new();
        for (i, (v, how, cut)) in values.iter().enumerate() {
            let from = code(&format!("{:05}", 10_000 + i));
            let (t1, t2) = (code(&format!("{:05}", 20_000 + i % 3)), code(&format!("{:05}", 20_000 + (i + 1) % 3)));
            b = match how {
                0 => b.merge(from, t1),
                1 => b.split(from, &[(t1, Decimal::new(i64::from(*cut), 2)), (t2, Decimal::new(100 - i64::from(*cut), 2))]),
                _ => b.split_unknown(from, &[t1, t2]),
            };
            old.push((from, *v));
        }
        let total: u64 = values.iter().map(|(v, _, _)| v).sum();
        let mapped = b.build().unwrap().map_counts(old.iter().copied()).unwrap();
        let low: u64 = mapped.iter().map(|(_, m)| m.low()).sum();
        let high: u64 = mapped.iter().map(|(_, m)| m.high()).sum();
        prop_assert!(low <= total && total <= high, "{} <= {} <= {}", low, total, high);
        let unknown = values.iter().any(|(_, how, _)| *how == 2);
        if !unknown {
            prop_assert_eq!(low, total);
            prop_assert_eq!(high, total);
        }
        // Per target: merges add exactly, shares are divided by the largest
        // remainder (floor or ceiling of v × share), unknown splits widen the
        // upper bound by their whole value.
        for (to, m) in &mapped {
            let (mut lo, mut hi, mut unknown) = (0u64, 0u64, 0u64);
            for (i, (v, how, cut)) in values.iter().enumerate() {
                let t1 = code(&format!("{:05}", 20_000 + i % 3));
                let t2 = code(&format!("{:05}", 20_000 + (i + 1) % 3));
                let pct = if *to == t1 { u64::from(*cut) } else { 100 - u64::from(*cut) };
                match how {
                    0 if *to == t1 => { lo += v; hi += v; }
                    1 if *to == t1 || *to == t2 => { lo += v * pct / 100; hi += (v * pct).div_ceil(100); }
                    2 if *to == t1 || *to == t2 => unknown += v,
                    _ => {}
                }
            }
            prop_assert!(lo <= m.low() && m.low() <= hi, "{:?} {:?}: exact part in [{}, {}]", to, m, lo, hi);
            prop_assert_eq!(m.high(), m.low() + unknown, "{:?} {:?}", to, m);
        }
    }

    /// Checked arithmetic at the edges: an `Ok` is the true sum, an `Err` is
    /// an overflow — never a wrap.
    #[test]
    fn checked_arithmetic_never_wraps(a in count(), b in count(), c in count(), d in count(), q in qualifier(), x in decimal(), y in decimal()) {
        let true_sum = u128::from(a.get()) + u128::from(b.get());
        match a.checked_add(b) {
            Ok(s) => prop_assert_eq!(u128::from(s.get()), true_sum),
            Err(e) => { prop_assert!(true_sum > u128::from(u64::MAX)); prop_assert_eq!(e.code(), "DV003"); }
        }
        // The interval rule (issue 14): [lo + b, hi + b], hi unbounded past u64::MAX.
        let (lo, hi) = Reported::new(q, a).bounds();
        match Reported::new(q, a).checked_add(Reported::exact(b)) {
            Ok(s) => prop_assert_eq!(s.bounds(), (lo + b.get(), hi.and_then(|h| h.checked_add(b.get())))),
            Err(e) => { prop_assert!(u128::from(lo) + u128::from(b.get()) > u128::from(u64::MAX)); prop_assert_eq!(e.code(), "DV003"); }
        }
        let wholes = u128::from(c.get()) + u128::from(d.get());
        if let (Ok(s1), Ok(s2)) = (Share::new(a.min(c), c), Share::new(b.min(d), d)) {
            match s1.checked_add(s2) {
                Ok(s) => {
                    prop_assert_eq!(u128::from(s.whole().get()), wholes);
                    prop_assert!(s.part() <= s.whole());
                }
                Err(_) => prop_assert!(wholes > u128::from(u64::MAX)),
            }
        }
        match Ratio::new(a, c).checked_add(Ratio::new(b, d)) {
            Ok(r) => {
                prop_assert_eq!(u128::from(r.numerator().get()), true_sum);
                prop_assert_eq!(u128::from(r.denominator().get()), wholes);
            }
            Err(_) => prop_assert!(true_sum > u128::from(u64::MAX) || wholes > u128::from(u64::MAX)),
        }
        let w: UnitWord = "đồng".parse().unwrap();
        let (mx, my) = (Measure::new(q, x, w.clone()).unwrap(), Measure::new(Qualifier::Exact, y, w).unwrap());
        let low_x = mx.interval().unwrap().low().get();
        match mx.checked_add(&my) {
            Ok(s) => prop_assert_eq!(Some(s.interval().unwrap().low().get()), low_x.checked_add(y)),
            Err(e) => prop_assert_eq!(e.code(), "DV003"),
        }
    }
}

/// Every record of a dataset, list by list.
fn all_records(d: &Dataset) -> Vec<Record> {
    let mut out = Vec::new();
    out.extend(d.blocks.iter().cloned().map(Record::Block));
    out.extend(d.teams.iter().cloned().map(Record::Team));
    out.extend(d.models.iter().cloned().map(Record::Model));
    out.extend(d.conferences.iter().cloned().map(Record::Conference));
    out.extend(d.documents.iter().cloned().map(Record::Document));
    out.extend(d.inspections.iter().cloned().map(Record::Inspection));
    out.extend(d.dialogues.iter().cloned().map(Record::Dialogue));
    out.extend(d.receptions.iter().cloned().map(Record::Reception));
    out.extend(d.clearances.iter().cloned().map(Record::Clearance));
    out.extend(d.awards.iter().cloned().map(Record::Award));
    out.extend(d.figures.iter().cloned().map(Record::Figure));
    out
}

/// The records of a dataset as JSON Lines (one line each, no newline).
fn record_lines(d: &Dataset) -> Vec<String> {
    all_records(d)
        .iter()
        .map(|r| serde_json::to_string(r).unwrap())
        .collect()
}

// ---------------------------------------------------------------------------
// Records of two eras (issue 15 item 9, session 9)
// ---------------------------------------------------------------------------

/// A synthetic city across 1 July 2025: wards 26734 and 26737 in both eras
/// (the successor valid from 1 July), 26740 and 26743 only in the old era
/// (under the old district 769: 26740 to 30 June, 26743 to 30 September,
/// so the old era runs to 30 September), 26746 only in the current era.
/// Conferences are `(ward, day of 2025, participants)`; a block (no date)
/// stands on each ward `blocks` names (once each).
fn two_eras(records: &[(usize, u32, u64)], blocks: &[usize]) -> serde_json::Value {
    const CODES: [&str; 5] = ["26734", "26737", "26740", "26743", "26746"];
    let blocks: Vec<serde_json::Value> = blocks
        .iter()
        .map(|&u| serde_json::json!({"unit": CODES[u % CODES.len()]}))
        .collect();
    let mut conferences = Vec::new();
    for (i, &(u, d, people)) in records.iter().enumerate() {
        let date = NaiveDate::from_yo_opt(2025, d).unwrap();
        conferences.push(serde_json::json!({
            "id": format!("c{i}"), "unit": CODES[u % CODES.len()], "date": date.to_string(),
            "actor": "party_committees", "kind": "both", "participants": people
        }));
    }
    serde_json::json!({
        "schema": "danvan/dataset/v2",
        "title": "Synthetic: two eras of one city (proptest)",
        "period": {"start": "2025-01-01", "end": "2025-12-31"},
        "units": [
            {"code": "79", "name": "Thành phố Mẫu (synthetic)"},
            {"code": "26734", "name": "Phường A (synthetic)", "parent": "79", "valid_from": "2025-07-01"},
            {"code": "26737", "name": "Phường B (synthetic)", "parent": "79", "valid_from": "2025-07-01"},
            {"code": "26746", "name": "Phường C (synthetic)", "parent": "79"},
            {"code": "79", "era": "2020-01-01", "valid_to": "2025-09-30"},
            {"code": "769", "name": "Quận Cũ (synthetic)", "parent": "79", "era": "2020-01-01", "valid_to": "2025-09-30"},
            {"code": "26734", "name": "Phường A Cũ (synthetic)", "parent": "769", "era": "2020-01-01", "valid_to": "2025-06-30"},
            {"code": "26737", "name": "Phường B Cũ (synthetic)", "parent": "769", "era": "2020-01-01", "valid_to": "2025-06-30"},
            {"code": "26740", "name": "Phường D Cũ (synthetic)", "parent": "769", "era": "2020-01-01", "valid_to": "2025-06-30"},
            {"code": "26743", "name": "Phường E Cũ (synthetic)", "parent": "769", "era": "2020-01-01", "valid_to": "2025-09-30"}
        ],
        "blocks": blocks,
        "conferences": conferences
    })
}

/// The era a block (no date) must resolve to, apart from the crate: a ward
/// listed once is in its one entry's era (the old-only wards in the old
/// era, even though 26740's last day is before the old era's end); a ward
/// listed in both eras by the period's end, the current era.
fn expected_block_era(u: usize) -> Option<NaiveDate> {
    match u % 5 {
        2 | 3 => NaiveDate::from_ymd_opt(2020, 1, 1),
        _ => None,
    }
}

/// The era a record must resolve to, worked out apart from the crate: the
/// old era up to 30 June where the code is listed there, the current era
/// from 1 July (or on any day for a code of the current era only); none
/// for an old-only ward after its last day.
fn expected_era(u: usize, d: u32) -> Option<Option<NaiveDate>> {
    let first_half = d <= 181; // 2025 day 181 is 30 June
    let to_september = d <= 273; // 2025 day 273 is 30 September
    match u % 5 {
        0 | 1 if first_half => Some(NaiveDate::from_ymd_opt(2020, 1, 1)),
        0 | 1 => Some(None),
        2 if first_half => Some(NaiveDate::from_ymd_opt(2020, 1, 1)),
        3 if to_september => Some(NaiveDate::from_ymd_opt(2020, 1, 1)),
        2 | 3 => None,
        _ => Some(None),
    }
}

/// The records totals of the top named unit of one era (the current city,
/// the old district): (conferences, participants, blocks).
fn city_records(cube: &FigureCube, era: Option<NaiveDate>) -> (u64, u64, u64) {
    let top = if era.is_some() {
        code("769")
    } else {
        code("79")
    };
    let get = |indicator: &str| {
        cube.cells()
            .iter()
            .find(|c| {
                c.origin == Origin::Records
                    && c.key.era == era
                    && c.key.unit == top
                    && c.key.indicator.as_str() == indicator
            })
            .and_then(|c| c.value.count())
            .map_or(0, |i| i.low())
    };
    (
        get("conferences"),
        get("conference_participants"),
        get("grassroots_blocks"),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every record resolves to the era its date and code give (the oracle
    /// above), or is refused; every accepted record is counted exactly once,
    /// in exactly one era's totals; the current era's cells do not depend on
    /// the other era's records. Blocks (no date) too: on a ward listed once,
    /// in its entry's era, never refused for the unit's last day.
    #[test]
    fn records_of_two_eras_are_each_counted_once_in_one_era(
        records in proptest::collection::vec((0usize..5, 1u32..=365, 0u64..500), 0..24),
        on in proptest::collection::btree_set(0usize..5, 0..=5),
    ) {
        let blocks: Vec<usize> = on.into_iter().collect();
        let all = two_eras(&records, &blocks);
        let d = DatasetV2::from_json(all.to_string().as_bytes()).unwrap();
        for (i, &(u, day, _)) in records.iter().enumerate() {
            let got = d.record_era(RecordRef::Conference(&d.conferences[i])).ok();
            prop_assert_eq!(got, expected_era(u, day), "record {} on {} day {}", i, u, day);
        }
        for (i, &u) in blocks.iter().enumerate() {
            let got = d.record_era(RecordRef::Block(&d.blocks[i])).ok();
            prop_assert_eq!(got, Some(expected_block_era(u)), "block {} on {}", i, u);
        }
        let accepted: Vec<(usize, u32, u64)> = records
            .iter()
            .copied()
            .filter(|&(u, day, _)| expected_era(u, day).is_some())
            .collect();
        let refused = records.len() - accepted.len();
        let report = check_v2(d, &Catalogue::builtin());
        prop_assert_eq!(report.is_err(), refused > 0);
        let valid = two_eras(&accepted, &blocks);
        let checked = check_v2(
            DatasetV2::from_json(valid.to_string().as_bytes()).unwrap(),
            &Catalogue::builtin(),
        ).map_err(|r| TestCaseError::fail(r.to_string()))?;
        let cube = FigureCube::from_checked(&checked).unwrap();
        let old = NaiveDate::from_ymd_opt(2020, 1, 1);
        let (new_n, new_p, new_b) = city_records(&cube, None);
        let (old_n, old_p, old_b) = city_records(&cube, old);
        let in_era = |era: Option<NaiveDate>| -> (u64, u64, u64) {
            let (n, p) = accepted
                .iter()
                .filter(|&&(u, day, _)| expected_era(u, day) == Some(era))
                .fold((0, 0), |(n, p), &(_, _, people)| (n + 1, p + people));
            let b = blocks.iter().filter(|&&u| expected_block_era(u) == era).count();
            (n, p, b as u64)
        };
        prop_assert_eq!((new_n, new_p, new_b), in_era(None));
        prop_assert_eq!((old_n, old_p, old_b), in_era(old));
        prop_assert_eq!(new_n + old_n, accepted.len() as u64);
        prop_assert_eq!(new_b + old_b, blocks.len() as u64);
        // Without the old era's records, the current era's cells are the same.
        let current_only: Vec<(usize, u32, u64)> = accepted
            .iter()
            .copied()
            .filter(|&(u, day, _)| expected_era(u, day) == Some(None))
            .collect();
        let current_blocks: Vec<usize> = blocks
            .iter()
            .copied()
            .filter(|&u| expected_block_era(u).is_none())
            .collect();
        let checked2 = check_v2(
            DatasetV2::from_json(two_eras(&current_only, &current_blocks).to_string().as_bytes()).unwrap(),
            &Catalogue::builtin(),
        ).map_err(|r| TestCaseError::fail(r.to_string()))?;
        let cube2 = FigureCube::from_checked(&checked2).unwrap();
        let current = |c: &FigureCube| -> Vec<CubeCell> {
            c.cells().iter().filter(|x| x.key.era.is_none()).cloned().collect()
        };
        prop_assert_eq!(current(&cube), current(&cube2));
    }
}
