//! Arithmetic at the edges (issue 6, item 4): totals near `u64::MAX` and
//! amounts near `Decimal::MAX` give an error naming the unit and the
//! indicator — through `Totals::compute`, `Accumulator`, `merge`, `rekey` and
//! `stream_json_lines` — never a wrap or a panic; `Count`, `Reported`,
//! `Share`, `Ratio` and `Measure` arithmetic is checked at its limits.
//!
//! Units and records are **synthetic**: province 90, district 901, communes
//! 90101 and 90102.

use danvan::*;
use rust_decimal::Decimal;

fn code(s: &str) -> UnitCode {
    s.parse().unwrap()
}

fn units() -> Vec<Unit> {
    vec![
        Unit::new(code("90"), "Province (synthetic)"),
        Unit::new(code("901"), "District (synthetic)").with_parent(Some(code("90"))),
        Unit::new(code("90101"), "Commune A (synthetic)").with_parent(Some(code("901"))),
        Unit::new(code("90102"), "Commune B (synthetic)").with_parent(Some(code("901"))),
    ]
}

fn hierarchy() -> Hierarchy {
    Hierarchy::new(units()).unwrap()
}

fn year() -> Period {
    Period::year(2022).unwrap()
}

fn conference(unit: &str, participants: u64) -> Conference {
    Conference {
        id: None,
        unit: code(unit),
        date: chrono::NaiveDate::from_ymd_opt(2022, 6, 1).unwrap(),
        actor: Actor::PartyCommittees,
        kind: ConferenceKind::Training,
        participants: Reported::exact(Count::new(participants)),
        headcount: Headcount::Occurrences,
    }
}

fn dataset() -> Dataset {
    let mut d = Dataset::new(year());
    d.units = units();
    d
}

/// The custom amount indicator (synthetic).
fn money() -> IndicatorDef {
    IndicatorDef {
        id: "money_mobilized".parse().unwrap(),
        label: "Money mobilized (synthetic)".into(),
        kind: IndicatorKind::Flow,
        unit: "đồng".into(),
        values: ValueType::Amount,
    }
}

fn amount_figure(unit: &str, amount: Decimal, period: Option<Period>) -> Figure {
    Figure {
        indicator: money().id,
        unit: code(unit),
        period,
        actors: vec![Actor::FrontAndMassOrganizations],
        value: None,
        amount: Some(Measure::new(Qualifier::Exact, amount, "đồng".parse().unwrap()).unwrap()),
        parts: Vec::new(),
    }
}

fn count_figure(unit: &str, value: u64) -> Figure {
    Figure {
        indicator: Builtin::ConferenceParticipants.into(),
        unit: code(unit),
        period: None,
        actors: vec![Actor::MobilizationSector],
        value: Some(Reported::exact(Count::new(value))),
        amount: None,
        parts: Vec::new(),
    }
}

fn assert_total_overflow(err: &Error, unit: &str, indicator: &str) {
    assert_eq!(err.code(), "DV100", "{err}");
    assert_eq!(
        err.to_string(),
        format!("total of {indicator} for unit {unit:?} overflows")
    );
    match err.kind() {
        ErrorKind::TotalOverflow {
            unit: u,
            indicator: i,
            ..
        } => {
            assert_eq!((u.as_str(), i.as_str()), (unit, indicator));
        }
        other => panic!("{other:?}"),
    }
}

// ---------------------------------------------------------------------------
// Counts near u64::MAX
// ---------------------------------------------------------------------------

#[test]
fn compute_same_unit_past_u64_max_names_unit_and_indicator() {
    let mut d = dataset();
    d.conferences = vec![conference("90101", u64::MAX - 1), conference("90101", 2)];
    let checked = check(d).unwrap(); // each record alone is valid
    let err = Totals::compute(&checked).unwrap_err();
    assert_total_overflow(&err, "90101", "conference_participants");
}

#[test]
fn compute_roll_up_past_u64_max_names_the_parent() {
    let mut d = dataset();
    d.conferences = vec![conference("90101", u64::MAX - 1), conference("90102", 2)];
    let err = Totals::compute(&check(d).unwrap()).unwrap_err();
    assert_total_overflow(&err, "901", "conference_participants");
}

#[test]
fn compute_up_to_u64_max_exactly_is_fine() {
    let mut d = dataset();
    d.conferences = vec![conference("90101", u64::MAX - 1), conference("90102", 1)];
    let t = Totals::compute(&check(d).unwrap()).unwrap();
    let p = t.get(
        &code("90"),
        Builtin::ConferenceParticipants,
        Actor::PartyCommittees,
    );
    assert_eq!(p, Some(Interval::exact(u64::MAX)));
    assert_eq!(
        t.get(&code("90"), Builtin::Conferences, Actor::PartyCommittees),
        Some(Interval::exact(2))
    );
}

#[test]
fn accumulator_rejects_the_overflowing_record_whole() {
    let h = hierarchy();
    let mut acc = Accumulator::new(&h, year(), &[]);
    acc.add(&conference("90101", u64::MAX - 1)).unwrap();
    let err = acc.add(&conference("90101", 2)).unwrap_err();
    assert_total_overflow(&err, "90101", "conference_participants");
    // All or nothing: the rejected conference is not counted either.
    let t = acc.finish().unwrap();
    let pc = Actor::PartyCommittees;
    assert_eq!(
        t.get(&code("90"), Builtin::Conferences, pc),
        Some(Interval::exact(1))
    );
    assert_eq!(
        t.get(&code("90"), Builtin::TrainingConferences, pc),
        Some(Interval::exact(1))
    );
    assert_eq!(
        t.get(&code("90"), Builtin::ConferenceParticipants, pc),
        Some(Interval::exact(u64::MAX - 1))
    );
}

#[test]
fn accumulator_finish_overflow_names_the_parent() {
    let h = hierarchy();
    let mut acc = Accumulator::new(&h, year(), &[]);
    acc.add(&conference("90101", u64::MAX)).unwrap();
    acc.add(&conference("90102", 1)).unwrap();
    assert_total_overflow(&acc.finish().unwrap_err(), "901", "conference_participants");
}

#[test]
fn inspection_subjects_past_u64_max() {
    let s = Inspection {
        id: None,
        unit: code("90101"),
        date: chrono::NaiveDate::from_ymd_opt(2022, 6, 1).unwrap(),
        actor: Actor::PartyCommittees,
        kind: InspectionKind::Lumped,
        subjects: Subjects {
            party_organizations: Some(Count::new(u64::MAX)),
            party_members: Some(Count::new(1)),
            lumped: None,
        },
    };
    // check() names the record's subjects.
    let mut d = dataset();
    d.inspections = vec![s.clone()];
    let report = check(d).unwrap_err();
    assert_eq!(
        report.to_string(),
        "error DV003 inspections[0].subjects: count overflows the largest representable value\n"
    );
    // The accumulator applies the same rule set, with the same code.
    let mut acc = Accumulator::new(&hierarchy(), year(), &[]);
    let err = acc.add(&s).unwrap_err();
    assert_eq!(err.code(), "DV003", "{err}");
    // `Totals::apply` checks with the same rule set (issue 13): the same code,
    // and at a unit the hierarchy lacks, that unit's error; totals unchanged.
    let empty = Totals::empty(&hierarchy(), year(), &[]);
    let mut t = empty.clone();
    let err = t.apply(&s).unwrap_err();
    assert_eq!(err.code(), "DV003", "{err}");
    let elsewhere = Inspection {
        unit: code("90199"),
        ..s
    };
    let err = t.apply(&elsewhere).unwrap_err();
    assert_eq!(err.code(), "DV063", "{err}");
    assert_eq!(t, empty);
}

#[test]
fn reported_figures_past_u64_max_name_the_parent() {
    let mut d = dataset();
    d.figures = vec![
        count_figure("90101", u64::MAX - 1),
        count_figure("90102", 2),
    ];
    let err = Totals::compute(&check(d).unwrap()).unwrap_err();
    assert_total_overflow(&err, "901", "conference_participants");
}

#[test]
fn merge_past_u64_max_names_unit_and_indicator() {
    let h = hierarchy();
    let mut a = Accumulator::new(&h, year(), &[]);
    a.add(&conference("90101", u64::MAX - 1)).unwrap();
    let mut b = Accumulator::new(&h, year(), &[]);
    b.add(&conference("90101", 2)).unwrap();
    let err = a.finish().unwrap().merge(b.finish().unwrap()).unwrap_err();
    // Every unit up the line overflows; merge names the first in index order, the province.
    assert_total_overflow(&err, "90", "conference_participants");
}

/// A synthetic post-reform hierarchy: province 91, communes 91001 and 91002.
fn new_units() -> Hierarchy {
    Hierarchy::new(vec![
        Unit::new(code("91"), "New province (synthetic)"),
        Unit::new(code("91001"), "New commune X (synthetic)").with_parent(Some(code("91"))),
        Unit::new(code("91002"), "New commune Y (synthetic)").with_parent(Some(code("91"))),
    ])
    .unwrap()
}

#[test]
fn rekey_merge_up_to_u64_max_is_exact() {
    let mut acc = Accumulator::new(&hierarchy(), year(), &[]);
    acc.add(&conference("90101", u64::MAX / 2)).unwrap();
    acc.add(&conference("90102", u64::MAX / 2 + 1)).unwrap();
    let t = acc.finish().unwrap();
    let cw = Crosswalk::builder()
        .merge(code("90101"), code("91001"))
        .merge(code("90102"), code("91001"))
        .build()
        .unwrap();
    let after = t.rekey(&cw, Level::Commune, &new_units()).unwrap();
    assert_eq!(crate::rows::through_rows(&after).unwrap(), after);
    assert_eq!(
        after.get(
            &code("91"),
            Builtin::ConferenceParticipants,
            Actor::PartyCommittees
        ),
        Some(Interval::exact(u64::MAX))
    );
}

#[test]
fn rekey_split_inside_a_province_past_u64_max_stays_exact_there() {
    let mut acc = Accumulator::new(&hierarchy(), year(), &[]);
    acc.add(&conference("90101", u64::MAX / 2)).unwrap();
    acc.add(&conference("90102", u64::MAX / 2)).unwrap();
    let t = acc.finish().unwrap();
    // Splits without shares: each new commune gets "at most" both old values.
    let cw = Crosswalk::builder()
        .split_unknown(code("90101"), &[code("91001"), code("91002")])
        .split_unknown(code("90102"), &[code("91001"), code("91002")])
        .build()
        .unwrap();
    // Each split stays inside the new province: it is exact, 2 × (MAX / 2);
    // each new commune may hold anything up to both old ones.
    let after = t.rekey(&cw, Level::Commune, &new_units()).unwrap();
    let id: IndicatorId = Builtin::ConferenceParticipants.into();
    let p = after.get(&code("91"), &id, Actor::PartyCommittees).unwrap();
    assert_eq!(p.exact_value(), Some(u64::MAX / 2 * 2));
    let x = after
        .get(&code("91001"), &id, Actor::PartyCommittees)
        .unwrap();
    assert_eq!((x.low(), x.high()), (0, Some(u64::MAX / 2 * 2)));
}

#[test]
fn rekey_merge_past_u64_max_names_unit_and_indicator() {
    // Two old provinces (synthetic), one commune each, near the limit on their own.
    let old = Hierarchy::new(vec![
        Unit::new(code("89"), "Old province P (synthetic)"),
        Unit::new(code("89001"), "Old commune P1 (synthetic)").with_parent(Some(code("89"))),
        Unit::new(code("90"), "Old province Q (synthetic)"),
        Unit::new(code("90001"), "Old commune Q1 (synthetic)").with_parent(Some(code("90"))),
    ])
    .unwrap();
    let mut acc = Accumulator::new(&old, year(), &[]);
    acc.add(&conference("89001", u64::MAX / 2 + 1)).unwrap();
    acc.add(&conference("90001", u64::MAX / 2 + 1)).unwrap();
    let t = acc.finish().unwrap();
    let cw = Crosswalk::builder()
        .merge(code("89001"), code("91001"))
        .merge(code("90001"), code("91001"))
        .build()
        .unwrap();
    let err = t.rekey(&cw, Level::Commune, &new_units()).unwrap_err();
    assert_total_overflow(&err, "91001", "conference_participants");
}

#[test]
fn stream_rejects_the_overflowing_line_and_keeps_the_rest() {
    let h = hierarchy();
    let line =
        |n: u64| serde_json::to_string(&Record::Conference(conference("90101", n))).unwrap() + "\n";
    let text = line(u64::MAX - 1) + &line(2) + &line(1);
    let (t, stats) = stream_json_lines(text.as_bytes(), &h, year(), &[]).unwrap();
    assert_eq!(
        (stats.lines, stats.counted, stats.rejected_total),
        (3, 2, 1)
    );
    assert_eq!(stats.rejected[0].0, 2);
    assert_total_overflow(&stats.rejected[0].1, "90101", "conference_participants");
    assert_eq!(
        t.get(
            &code("90"),
            Builtin::ConferenceParticipants,
            Actor::PartyCommittees
        ),
        Some(Interval::exact(u64::MAX))
    );
    assert_eq!(
        t.get(&code("90"), Builtin::Conferences, Actor::PartyCommittees),
        Some(Interval::exact(2))
    );
}

#[test]
fn level_total_and_all_actors_never_claim_past_the_largest_count() {
    let h = hierarchy();
    let mut acc = Accumulator::new(&h, year(), &[]);
    acc.add(&conference("90101", u64::MAX)).unwrap();
    let mut other = conference("90102", u64::MAX);
    other.actor = Actor::MobilizationSector;
    acc.add(&other).unwrap();
    let t = acc.finish().unwrap();
    let id: IndicatorId = Builtin::ConferenceParticipants.into();
    // One actor per commune: no roll-up overflows. Summing the communes does.
    assert_eq!(
        t.level_total(Level::Commune, &id, Actor::PartyCommittees)
            .unwrap(),
        Some(Interval::exact(u64::MAX))
    );
    // Across actors at the district the lower bounds pass the largest count:
    // an error naming the unit, never a wrapped number nor "at least u64::MAX".
    let err = t
        .all_actors(&code("901"), Builtin::ConferenceParticipants)
        .unwrap_err();
    assert_eq!(err.code(), "DV100");
}

// ---------------------------------------------------------------------------
// Amounts near Decimal::MAX
// ---------------------------------------------------------------------------

#[test]
fn amounts_past_decimal_max_roll_up_names_the_parent() {
    let mut d = dataset();
    d.indicators = vec![money()];
    d.figures = vec![
        amount_figure("90101", Decimal::MAX, None),
        amount_figure("90102", Decimal::ONE, None),
    ];
    let checked = check(d).unwrap();
    let err = Totals::compute(&checked).unwrap_err();
    assert_total_overflow(&err, "901", "money_mobilized");
}

#[test]
fn amounts_past_decimal_max_in_one_unit_name_the_unit() {
    let mut d = dataset();
    d.indicators = vec![money()];
    let h1 = Period::half(2022, Half::H1).unwrap();
    let h2 = Period::half(2022, Half::H2).unwrap();
    d.figures = vec![
        amount_figure("90101", Decimal::MAX, Some(h1)),
        amount_figure("90101", Decimal::MAX, Some(h2)),
    ];
    let err = Totals::compute(&check(d).unwrap()).unwrap_err();
    assert_total_overflow(&err, "90101", "money_mobilized");
}

#[test]
fn amounts_up_to_decimal_max_are_exact() {
    let mut d = dataset();
    d.indicators = vec![money()];
    let almost = Decimal::MAX - Decimal::ONE;
    d.figures = vec![
        amount_figure("90101", almost, None),
        amount_figure("90102", Decimal::ONE, None),
    ];
    let t = Totals::compute(&check(d).unwrap()).unwrap();
    let m = t
        .amount(&code("90"), &money().id, Actor::FrontAndMassOrganizations)
        .unwrap();
    assert_eq!(
        m.value.exact_value().map(|a| a.get()).unwrap(),
        Decimal::MAX
    );
    // Through the wire (rows) and back.
    assert_eq!(crate::rows::through_rows(&t).unwrap(), t);
}

#[test]
fn accumulator_keeps_the_amount_when_an_add_overflows() {
    let h = hierarchy();
    let mut acc = Accumulator::new(&h, year(), &[money()]);
    acc.add(&amount_figure(
        "90101",
        Decimal::MAX,
        Some(Period::half(2022, Half::H1).unwrap()),
    ))
    .unwrap();
    let err = acc
        .add(&amount_figure(
            "90101",
            Decimal::ONE,
            Some(Period::half(2022, Half::H2).unwrap()),
        ))
        .unwrap_err();
    assert_total_overflow(&err, "90101", "money_mobilized");
    let t = acc.finish().unwrap();
    let m = t
        .amount(
            &code("90101"),
            &money().id,
            Actor::FrontAndMassOrganizations,
        )
        .unwrap();
    assert_eq!(
        m.value.exact_value().map(|a| a.get()).unwrap(),
        Decimal::MAX
    );
}

#[test]
fn merge_of_amounts_past_decimal_max_names_unit_and_indicator() {
    let h = hierarchy();
    let part = |d: Decimal, half: Half| {
        let mut acc = Accumulator::new(&h, year(), &[money()]);
        acc.add(&amount_figure(
            "90101",
            d,
            Some(Period::half(2022, half).unwrap()),
        ))
        .unwrap();
        acc.finish().unwrap()
    };
    let err = part(Decimal::MAX, Half::H1)
        .merge(part(Decimal::MAX, Half::H2))
        .unwrap_err();
    assert_total_overflow(&err, "90101", "money_mobilized");
}

// ---------------------------------------------------------------------------
// The value types at their limits
// ---------------------------------------------------------------------------

#[test]
fn count_at_the_edges() {
    let max = Count::new(u64::MAX);
    assert_eq!(max.checked_add(Count::ZERO).unwrap(), max);
    assert_eq!(
        Count::new(u64::MAX - 1).checked_add(Count::new(1)).unwrap(),
        max
    );
    let err = max.checked_add(Count::new(1)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "count overflows the largest representable value"
    );
    assert_eq!(err.code(), "DV003");
    assert!(Count::checked_sum([max, Count::new(1)]).is_err());
    assert_eq!(Count::checked_sum([max]).unwrap(), max);
    assert_eq!(max.checked_sub(max).unwrap(), Count::ZERO);
    assert_eq!(
        Count::ZERO.checked_sub(Count::new(1)).unwrap_err().code(),
        "DV004"
    );
}

#[test]
fn reported_at_the_edges() {
    let max = Reported::new(Qualifier::AtLeast, Count::new(u64::MAX));
    assert_eq!(max.bounds(), (u64::MAX, None));
    assert_eq!(
        Reported::new(Qualifier::AtMost, Count::new(u64::MAX)).bounds(),
        (0, Some(u64::MAX))
    );
    // The interval rule words a computed lower bound "ít nhất" (issue 14).
    assert_eq!(
        max.checked_add(Reported::exact(Count::ZERO))
            .unwrap()
            .bounds(),
        max.bounds()
    );
    assert_eq!(
        max.checked_add(Reported::exact(Count::new(1)))
            .unwrap_err()
            .code(),
        "DV003"
    );
    assert!(Reported::checked_sum([max, max]).is_err());
    // Rendering and comparing the largest values never panics.
    assert_eq!(notation::reported(max), "hơn 18.446.744.073.709.551.615");
    assert_eq!(
        notation::parse_reported("hơn 18.446.744.073.709.551.615").unwrap(),
        max
    );
    assert!(notation::parse_reported("18.446.744.073.709.551.616").is_err());
    let _ = max.reaches(Count::new(u64::MAX));
    let _ = notation::interval(max.interval(), notation::Style::Press);
    let c = change(Interval::exact(0), Interval::exact(u64::MAX));
    assert_eq!(
        (c.low, c.high),
        (Some(i128::from(u64::MAX)), Some(i128::from(u64::MAX)))
    );
}

#[test]
fn share_and_ratio_at_the_edges() {
    let max = Count::new(u64::MAX);
    let whole = Share::new(max, max).unwrap();
    assert_eq!(whole.ratio(), Some(Decimal::ONE));
    assert_eq!(whole.percent(1), Some(Decimal::new(1000, 1)));
    assert_eq!(
        whole
            .checked_add(Share::new(Count::ZERO, Count::new(1)).unwrap())
            .unwrap_err()
            .code(),
        "DV003"
    );
    let tiny = Share::new(Count::new(1), max).unwrap();
    assert_eq!(tiny.percent(2), Some(Decimal::ZERO));
    let r = Ratio::new(max, Count::new(1));
    assert!(r.value(2).is_some());
    assert_eq!(Ratio::new(max, Count::ZERO).value(2), None);
    assert_eq!(
        r.checked_add(Ratio::new(Count::new(1), Count::new(1)))
            .unwrap_err()
            .code(),
        "DV003"
    );
    assert_eq!(
        Ratio::new(Count::new(1), max)
            .checked_add(Ratio::new(Count::new(1), Count::new(1)))
            .unwrap_err()
            .code(),
        "DV003"
    );
    let _ = notation::percent(whole, 3);
    let _ = notation::ratio(r, 3);
}

#[test]
fn measure_at_the_edges() {
    let w: UnitWord = "đồng".parse().unwrap();
    let max = Measure::new(Qualifier::Exact, Decimal::MAX, w.clone()).unwrap();
    let one = Measure::new(Qualifier::AtLeast, Decimal::ONE, w.clone()).unwrap();
    let err = max.checked_add(&one).unwrap_err();
    assert_eq!(err.code(), "DV003");
    assert_eq!(
        err.to_string(),
        "lower bound of a sum overflows the largest representable value"
    );
    let smallest = Measure::new(Qualifier::Exact, Decimal::new(1, 28), w.clone()).unwrap();
    assert_eq!(
        max.checked_add(&Measure::new(Qualifier::Exact, Decimal::ZERO, w).unwrap())
            .unwrap(),
        max
    );
    // A sum that rounds away the smallest digits is still no wrap: it stays at most the maximum.
    if let Ok(sum) = max.checked_add(&smallest) {
        assert!(sum.amount() >= Decimal::MAX - Decimal::ONE);
    }
    // The wire form of the largest amount reads back.
    let json = serde_json::to_string(&max).unwrap();
    assert_eq!(serde_json::from_str::<Measure>(&json).unwrap(), max);
    let beyond = r#"{"amount": "79228162514264337593543950336", "unit": "đồng"}"#;
    assert!(serde_json::from_str::<Measure>(beyond).is_err());
    let _ = notation::measure(&max);
}
