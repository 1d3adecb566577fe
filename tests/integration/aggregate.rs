//! Aggregation: fixtures, the seed's figures, and properties over synthetic datasets.

use danvan::*;
use proptest::prelude::*;

fn code(s: &str) -> UnitCode {
    s.parse().unwrap()
}

fn checked(path: &str) -> Checked {
    let d = Dataset::from_json(crate::read(path).as_bytes()).unwrap();
    check(d).unwrap()
}

fn ex(n: u64) -> Option<Interval<u64>> {
    Some(Interval::exact(n))
}

fn at_least(n: u64) -> Option<Interval<u64>> {
    Some(Interval::at_least(n))
}

/// The interval a reported number claims.
fn iv(r: Reported) -> Interval<u64> {
    let v = r.value().get();
    match r.qualifier() {
        Qualifier::AtLeast => Interval::at_least(v),
        Qualifier::AtMost => Interval::at_most(v),
        Qualifier::About => Interval::about(v),
        _ => Interval::exact(v),
    }
}

/// The bounds of an interval.
fn lh(i: Option<Interval<u64>>) -> Option<(u64, Option<u64>)> {
    i.map(|i| (i.low(), i.high()))
}

#[test]
fn seed_summary_has_every_figure() {
    let c = checked("tests/fixtures/seed-2022.json");
    let t = Totals::compute(&c).unwrap();
    let s = Summary::from_totals(&t, &code("30")).unwrap();
    assert_eq!(
        (s.unit_name.as_str(), s.level, s.period),
        (
            "Tỉnh Hải Dương",
            Level::Province,
            Period::year(2022).unwrap()
        )
    );
    let iv = |v: Option<SummaryValue>| v.map(|v| v.interval);
    assert_eq!(iv(s.stocks.skilful_models), ex(1229));
    assert_eq!(iv(s.stocks.grassroots_blocks), ex(235));
    assert_eq!(iv(s.stocks.village_teams), ex(1347));
    assert_eq!(iv(s.party.conferences), ex(291));
    assert_eq!(iv(s.party.participants), ex(13360));
    assert_eq!(iv(s.party.leadership_documents), ex(919));
    assert_eq!(iv(s.party.inspections), ex(179));
    assert_eq!(iv(s.party.inspection_subjects), ex(545));
    assert_eq!(iv(s.sector.training_conferences), ex(222));
    assert_eq!(iv(s.sector.participants), at_least(6800));
    assert_eq!(iv(s.sector.guidance_documents), at_least(500));
    assert_eq!(iv(s.sector.awarded_collectives), ex(11));
    // Nothing is invented: the two actors are not summed, and unreported figures stay absent.
    assert_eq!(iv(s.party.documents), None);
    assert_eq!(s.sector.conferences, None);
    let s = t
        .subjects_per_session(&code("30"), Actor::PartyCommittees, 2)
        .unwrap();
    // 545 / 179 = 3.0447…: the bounds rounded outward hold it.
    assert_eq!(
        (s.low(), s.high()),
        (
            rust_decimal::Decimal::new(304, 2),
            Some(rust_decimal::Decimal::new(305, 2))
        )
    );
    let p = t
        .participants_per_conference(&code("30"), Actor::PartyCommittees, 1)
        .unwrap();
    assert_eq!(p.low(), rust_decimal::Decimal::new(459, 1));

    // The seed's hierarchy has no communes: coverage cannot be computed.
    assert_eq!(t.coverage_blocks(&code("30")), None);
    assert!(t.reconcile().is_empty());
}

#[test]
fn synthetic_small_totals() {
    let c = checked("tests/fixtures/synthetic-small.json");
    let t = Totals::compute(&c).unwrap();
    let p = code("30");
    let pc = Actor::PartyCommittees;
    let ms = Actor::MobilizationSector;
    assert_eq!(t.get(&p, Builtin::Conferences, pc), ex(1));
    assert_eq!(t.get(&p, Builtin::ConferenceParticipants, pc), ex(120));
    assert_eq!(t.get(&p, Builtin::ConferenceParticipants, ms), at_least(40));
    assert_eq!(t.get(&p, Builtin::GrassrootsBlocks, ms), ex(2));
    assert_eq!(t.get(&p, Builtin::VillageTeams, ms), ex(2));
    assert_eq!(t.get(&p, Builtin::SkilfulModels, ms), ex(2));
    assert_eq!(t.get(&p, Builtin::SkilfulModelsRecognized, ms), ex(1));
    assert_eq!(t.get(&p, Builtin::SkilfulModelsRegistered, ms), ex(2));
    assert_eq!(t.get(&p, Builtin::InspectionSubjects, pc), ex(6));
    assert_eq!(t.get(&code("10510"), Builtin::Conferences, pc), None);
    // A unit's own figure is what value() prints (the records, 2, are
    // reconciled against it); above it, without a figure of its own, the
    // province prints its records total.
    assert_eq!(
        t.value(&code("288"), Builtin::SkilfulModelsRegistered, ms),
        ex(40)
    );
    assert_eq!(
        t.value(&code("30"), Builtin::SkilfulModelsRegistered, ms),
        ex(2)
    );
    assert_eq!(
        t.reported(&code("288"), Builtin::SkilfulModelsRegistered, ms),
        ex(40)
    );
    let money = t.amount(
        &code("30"),
        "money_mobilized".parse::<IndicatorId>().unwrap(),
        Actor::FrontAndMassOrganizations,
    );
    assert_eq!(
        money.map(|m| (m.value.low().get().to_string(), m.value.high())),
        Some(("6300000000".into(), None))
    );
    // Coverage: 2 blocks / 2 communes, 2 teams / 2 villages.
    let cov = t.coverage_blocks(&p).unwrap();
    assert_eq!((cov.part().get(), cov.whole().get()), (2, 2));
    let cov = t.coverage_teams(&p).unwrap();
    assert_eq!((cov.part().get(), cov.whole().get()), (2, 2));
    let consent = t.consent_rate(&p, ms).unwrap();
    assert_eq!((consent.part().get(), consent.whole().get()), (131, 140));
    let done = t.completeness(&p, Level::Commune).unwrap();
    assert_eq!((done.part().get(), done.whole().get()), (2, 2));
    let rec = t.reconcile();
    let registered = rec
        .iter()
        .find(|r| r.indicator.as_str() == "skilful_models_registered")
        .unwrap();
    assert_eq!(registered.against, Against::Records);
    assert_eq!(
        registered.agreement,
        Agreement::Disagree {
            low: Some(38),
            high: Some(38)
        }
    );
    assert_eq!(
        t.level_total(
            Level::Commune,
            "conferences".parse::<IndicatorId>().unwrap(),
            Actor::MobilizationSector
        )
        .unwrap(),
        ex(1)
    );
    assert_eq!(crate::rows::through_rows(&t).unwrap(), t);
}

#[test]
fn change_keeps_bounds() {
    let c = change(Interval::exact(291), Interval::at_least(300));
    assert_eq!((c.low, c.high, c.ratio), (Some(9), None, None));
    // Against an earlier figure unbounded above, the change is unbounded below.
    let c = change(Interval::at_least(291), Interval::exact(300));
    assert_eq!((c.low, c.high), (None, Some(9)));
}

// ---------------------------------------------------------------------------
// Properties over synthetic datasets
// ---------------------------------------------------------------------------

use crate::synthetic::units as hierarchy;

#[derive(Clone, Debug)]
struct Gen {
    units: Vec<Unit>,
    records: Vec<Record>,
}

fn qualifier() -> impl Strategy<Value = Qualifier> {
    prop::sample::select(Qualifier::ALL.to_vec())
}

fn actor() -> impl Strategy<Value = Actor> {
    prop::sample::select(Actor::ALL.to_vec())
}

/// Synthetic datasets that pass `check`.
fn dataset() -> impl Strategy<Value = Gen> {
    let shape = prop::collection::vec(prop::collection::vec(0u8..3, 1..3), 1..3);
    shape
        .prop_flat_map(|shape| {
            let (units, communes, villages) = hierarchy(&shape);
            let all: Vec<UnitCode> = units.iter().map(Unit::code).collect();
            let rec = (
                0u8..6,
                any::<prop::sample::Index>(),
                actor(),
                qualifier(),
                0u64..1000,
                0u64..1000,
                1u32..365,
            );
            (
                Just(units),
                Just(all),
                Just(communes),
                Just(villages),
                prop::collection::vec(rec, 0..40),
            )
        })
        .prop_map(|(units, all, communes, villages, raw)| {
            let date = |d: u32| chrono::NaiveDate::from_yo_opt(2022, d).unwrap();
            let mut records = Vec::new();
            let mut blocks = std::collections::HashSet::new();
            let mut teams = std::collections::HashSet::new();
            for (kind, pick, actor, q, a, b, d) in raw {
                let unit = *pick.get(&all);
                let r = match kind {
                    0 => Record::Conference(Conference {
                        id: None,
                        unit,
                        date: date(d),
                        actor,
                        kind: [
                            ConferenceKind::Both,
                            ConferenceKind::Training,
                            ConferenceKind::Propaganda,
                        ][(a % 3) as usize],
                        participants: Reported::new(q, Count::new(b)),
                        headcount: if a % 5 == 0 {
                            Headcount::DistinctPersons
                        } else {
                            Headcount::Occurrences
                        },
                    }),
                    1 => Record::Document(IssuedDocument {
                        id: None,
                        unit,
                        date: date(d),
                        actor,
                        kind: if a % 2 == 0 {
                            DocumentKind::Guidance
                        } else {
                            DocumentKind::Leadership
                        },
                        reference: None,
                    }),
                    2 => Record::Clearance(SiteClearance {
                        id: None,
                        unit,
                        date: date(d),
                        actor,
                        project: "synthetic".into(),
                        households_affected: Count::new(a.max(b)),
                        households_consenting: Count::new(a.min(b)),
                    }),
                    3 if !communes.is_empty() => {
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
                    4 if !villages.is_empty() => {
                        let unit = *pick.get(&villages);
                        if !teams.insert(unit) {
                            continue;
                        }
                        Record::Team(VillageTeam {
                            id: None,
                            unit,
                            members: Vec::new(),
                            established: None,
                            dissolved: None,
                        })
                    }
                    _ => Record::Award(Award {
                        id: None,
                        unit,
                        date: date(d),
                        issuer: actor,
                        kind: AwardKind::GiayKhen,
                        recipient: if a % 2 == 0 {
                            Recipient::Collective
                        } else {
                            Recipient::Individual
                        },
                        name: None,
                    }),
                };
                records.push(r);
            }
            Gen { units, records }
        })
}

fn period() -> Period {
    Period::year(2022).unwrap()
}

fn fold(h: &Hierarchy, records: &[Record]) -> Totals {
    let mut acc = Accumulator::new(h, period(), &[]);
    for r in records {
        acc.add(r.as_record_ref()).unwrap();
    }
    acc.finish().unwrap()
}

fn to_dataset(g: &Gen) -> Dataset {
    let mut d = Dataset::new(period());
    d.units = g.units.clone();
    for r in &g.records {
        match r.clone() {
            Record::Conference(x) => d.conferences.push(x),
            Record::Document(x) => d.documents.push(x),
            Record::Clearance(x) => d.clearances.push(x),
            Record::Block(x) => d.blocks.push(x),
            Record::Team(x) => d.teams.push(x),
            Record::Award(x) => d.awards.push(x),
            _ => {}
        }
    }
    d
}

/// Every (unit, builtin, actor) value, for comparisons.
fn snapshot(t: &Totals) -> Vec<Option<Interval<u64>>> {
    let mut out = Vec::new();
    for u in t.hierarchy().units() {
        for b in Builtin::ALL {
            for a in Actor::ALL {
                out.push(t.get(&u.code(), b, a));
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn roll_up_equals_sum_over_records_in_subtree(g in dataset()) {
        let h = Hierarchy::new(g.units.clone()).unwrap();
        let t = fold(&h, &g.records);
        // Reference: each record counted at its unit and every ancestor, by brute force.
        for (idx, unit) in h.iter() {
            let mut subtree = vec![unit.code()];
            subtree.extend(h.iter().filter(|(i, _)| h.ancestors(*i).any(|a| a == idx)).map(|(_, u)| u.code()));
            for a in Actor::ALL {
                let mine = g.records.iter().filter(|r| subtree.contains(&r.as_record_ref().unit()));
                let docs: Vec<_> = mine.clone().filter_map(|r| match r {
                    Record::Document(d) if d.actor == a => Some(Interval::exact(1)),
                    _ => None,
                }).collect();
                let want = if docs.is_empty() { None } else { Some(Interval::checked_sum(docs).unwrap()) };
                prop_assert_eq!(t.get(&unit.code(), Builtin::Documents, a), want);
                let parts: Vec<_> = mine.filter_map(|r| match r {
                    Record::Conference(c) if c.actor == a && c.headcount == Headcount::Occurrences => Some(c.participants),
                    _ => None,
                }).collect();
                let want = if parts.is_empty() { None } else { Some(Interval::checked_sum(parts.into_iter().map(iv)).unwrap()) };
                prop_assert_eq!(lh(t.get(&unit.code(), Builtin::ConferenceParticipants, a)), lh(want));
            }
        }
        // With records at leaves only, the province total is the sum over the leaves.
        let leaves: Vec<UnitCode> = h.iter().filter(|(i, _)| h.children(*i).next().is_none()).map(|(_, u)| u.code()).collect();
        let at_leaves: Vec<Record> = g.records.iter().filter(|r| leaves.contains(&r.as_record_ref().unit())).cloned().collect();
        let t = fold(&h, &at_leaves);
        for b in Builtin::ALL {
            for a in Actor::ALL {
                let vals: Vec<Interval<u64>> = leaves.iter().filter_map(|l| t.get(l, b, a)).collect();
                let got = t.get(&code("90"), b, a);
                if vals.is_empty() {
                    prop_assert_eq!(got, None);
                } else if b.kind() == IndicatorKind::Distinct {
                    let want = vals.iter().copied().reduce(Interval::union_size);
                    prop_assert_eq!(lh(got), lh(want));
                } else {
                    let want = Interval::checked_sum(vals).unwrap();
                    prop_assert_eq!(lh(got), lh(Some(want)));
                }
            }
        }
    }

    #[test]
    fn partitions_merge_to_the_whole(g in dataset(), mask in prop::collection::vec(0u8..3, 40)) {
        let h = Hierarchy::new(g.units.clone()).unwrap();
        let whole = fold(&h, &g.records);
        let mut parts: [Vec<Record>; 3] = Default::default();
        for (i, r) in g.records.iter().enumerate() {
            parts[mask.get(i).copied().unwrap_or(0) as usize].push(r.clone());
        }
        let [a, b, c] = parts.map(|p| fold(&h, &p));
        let empty = Totals::empty(&h, period(), &[]);
        prop_assert_eq!(a.clone().merge(b.clone()).unwrap().merge(c.clone()).unwrap(), whole.clone());
        prop_assert_eq!(a.clone().merge(b.clone().merge(c.clone()).unwrap()).unwrap(), whole.clone());
        prop_assert_eq!(b.clone().merge(a.clone()).unwrap(), a.clone().merge(b.clone()).unwrap());
        prop_assert_eq!(a.clone().merge(empty.clone()).unwrap(), a.clone());
        prop_assert_eq!(empty.merge(a.clone()).unwrap(), a.clone());
        prop_assert_eq!(crate::rows::through_rows(&whole).unwrap(), whole.clone());
        // Partial totals sent as rows merge to the whole as well.
        let [a, b, c] = [a, b, c].map(|t| crate::rows::through_rows(&t).unwrap());
        prop_assert_eq!(a.merge(b).unwrap().merge(c).unwrap(), whole);
    }

    #[test]
    fn record_order_does_not_matter(g in dataset(), rot in 0usize..40) {
        let h = Hierarchy::new(g.units.clone()).unwrap();
        let whole = fold(&h, &g.records);
        let mut shuffled = g.records.clone();
        shuffled.reverse();
        let n = shuffled.len().max(1);
        shuffled.rotate_left(rot % n);
        prop_assert_eq!(fold(&h, &shuffled), whole);
    }

    #[test]
    fn streaming_equals_compute(g in dataset(), junk in prop::collection::vec(0usize..40, 0..5)) {
        let d = to_dataset(&g);
        let c = check(d).map_err(|r| r.to_string()).unwrap();
        let computed = Totals::compute(&c).unwrap();
        let mut text = String::new();
        for (i, r) in g.records.iter().enumerate() {
            if junk.contains(&i) {
                text.push_str("{\"block\": {\"unit\": \"99999\"}}\nnot json\n");
            }
            text.push_str(&serde_json::to_string(r).unwrap());
            text.push('\n');
        }
        let (streamed, stats) = stream_json_lines(text.as_bytes(), c.hierarchy(), period(), &[]).unwrap();
        prop_assert_eq!(stats.counted + stats.rejected_total, stats.lines);
        prop_assert_eq!(stats.counted, g.records.len());
        prop_assert_eq!(stats.rejected.len(), stats.rejected_total);
        prop_assert_eq!(streamed, computed);
    }

    #[test]
    fn crosswalk_of_merges_keeps_province_totals(g in dataset()) {
        let h = Hierarchy::new(g.units.clone()).unwrap();
        let t = fold(&h, &g.records);
        // New synthetic hierarchy: the province, with communes merged pairwise, no districts.
        let communes: Vec<UnitCode> = h.units().iter().filter(|u| u.level() == Level::Commune).map(Unit::code).collect();
        let mut new_units = vec![Unit::new(code("90"), "Province (synthetic)")];
        let mut cw = Crosswalk::builder();
        for (i, c) in communes.iter().enumerate() {
            let to = code(&format!("{:05}", 95000 + i / 2));
            if i % 2 == 0 {
                new_units.push(Unit::new(to, "New commune (synthetic)").with_parent(Some(code("90"))));
            }
            cw = cw.merge(*c, to);
        }
        let new = Hierarchy::new(new_units).unwrap();
        let after = t.rekey(&cw.build().unwrap(), Level::Commune, &new).unwrap();
        // Rekeyed totals are totals too: they go through rows unchanged.
        prop_assert_eq!(crate::rows::through_rows(&after).unwrap(), after.clone());
        for b in Builtin::ALL {
            for a in Actor::ALL {
                if b.kind() == IndicatorKind::Distinct {
                    // Distinct persons are not additive: the sums are carried, the
                    // qualifier may widen.
                    let before = t.get(&code("90"), b, a);
                    prop_assert_eq!(after.get(&code("90"), b, a).map(|r| r.high()), before.map(|r| r.high()), "{:?} {:?}", b, a);
                } else {
                    // Every record is carried, those above communes included.
                    prop_assert_eq!(after.get(&code("90"), b, a), t.get(&code("90"), b, a), "{:?} {:?}", b, a);
                }
            }
        }
    }
}

#[test]
fn snapshot_is_stable() {
    let c = checked("tests/fixtures/synthetic-small.json");
    let t = Totals::compute(&c).unwrap();
    assert_eq!(snapshot(&t), snapshot(&t.clone()));
}

#[test]
fn a_stock_reported_by_two_actors_is_not_added() {
    // Synthetic: the province's blocks reported by the sector and by the Party committees.
    let json = r#"{
        "schema": "danvan/dataset/v1",
        "period": {"start": "2022-01-01", "end": "2022-12-31"},
        "units": [{"code": "30", "name": "Tỉnh Hải Dương"}],
        "figures": [
            {"indicator": "grassroots_blocks", "unit": "30", "actor": "party_committees", "value": 234},
            {"indicator": "grassroots_blocks", "unit": "30", "actor": "mobilization_sector", "value": 235}
        ]
    }"#;
    let checked = danvan::check(danvan::Dataset::from_json(json.as_bytes()).unwrap()).unwrap();
    let t = Totals::compute(&checked).unwrap();
    let s = danvan::Summary::from_totals(&t, &code("30")).unwrap();
    assert_eq!(
        s.stocks.grassroots_blocks.map(|v| v.interval),
        Some(Interval::exact(235))
    );
}

#[test]
fn rekey_carries_records_held_above_the_mapped_level() {
    // Synthetic: province 90 → district 901 → communes 90101, 90102, and district 902
    // without communes; one conference at each of 90, 901, 90101 and 90102.
    let unit = |c: &str, p: Option<&str>| {
        Unit::new(code(c), format!("{c} (synthetic)")).with_parent(p.map(code))
    };
    let old = Hierarchy::new(vec![
        unit("90", None),
        unit("901", Some("90")),
        unit("90101", Some("901")),
        unit("90102", Some("901")),
    ])
    .unwrap();
    let new = Hierarchy::new(vec![unit("90", None), unit("90110", Some("90"))]).unwrap();
    let mut acc = Accumulator::new(&old, Period::year(2022).unwrap(), &[]);
    for u in ["90", "901", "90101", "90102"] {
        let c: Conference = serde_json::from_str(&format!(
            r#"{{"unit": "{u}", "date": "2022-05-01", "actor": "party_committees", "kind": "training", "participants": 10}}"#
        ))
        .unwrap();
        acc.add(&c).unwrap();
    }
    let before = acc.finish().unwrap();
    let cw = Crosswalk::builder()
        .merge(code("90101"), code("90110"))
        .merge(code("90102"), code("90110"))
        .build()
        .unwrap();
    let after = before.rekey(&cw, Level::Commune, &new).unwrap();
    let pc = Actor::PartyCommittees;
    // The communes' conferences go to the new commune; the district's own (no
    // districts after the reform) and the province's go to the province that
    // covers them; nothing is lost.
    assert_eq!(
        after.get(&code("90110"), Builtin::Conferences, pc),
        Some(Interval::exact(2))
    );
    assert_eq!(
        after.get(&code("90"), Builtin::Conferences, pc),
        Some(Interval::exact(4))
    );
    assert_eq!(
        after.get(&code("90"), Builtin::ConferenceParticipants, pc),
        before.get(&code("90"), Builtin::ConferenceParticipants, pc)
    );

    // A unit with records of its own but no mapped unit below it cannot be placed.
    let old = Hierarchy::new(vec![
        unit("90", None),
        unit("901", Some("90")),
        unit("902", Some("90")),
        unit("90101", Some("901")),
    ])
    .unwrap();
    let mut acc = Accumulator::new(&old, Period::year(2022).unwrap(), &[]);
    let c: Conference = serde_json::from_str(
        r#"{"unit": "902", "date": "2022-05-01", "actor": "party_committees", "kind": "training", "participants": 10}"#,
    )
    .unwrap();
    acc.add(&c).unwrap();
    let cw = Crosswalk::builder()
        .merge(code("90101"), code("90110"))
        .build()
        .unwrap();
    let err = acc
        .finish()
        .unwrap()
        .rekey(&cw, Level::Commune, &new)
        .unwrap_err();
    assert_eq!(err.code(), "DV105");
    assert_eq!(
        err.to_string(),
        "unit \"902\" holds conferences records of its own, but none of its units is in the crosswalk: expected its units to be mapped"
    );
}

#[test]
fn tampered_totals_are_refused() {
    let c = checked("tests/fixtures/synthetic-small.json");
    let t = Totals::compute(&c).unwrap();
    let mut rows = t.rows();
    // The province's first row now holds less than the district below it.
    let province = rows
        .iter()
        .position(|r| r.layer == TotalsLayer::Records && r.unit == code("30"))
        .unwrap();
    let (indicator, actor) = (rows[province].indicator.clone(), rows[province].actor);
    let before = rows[province].interval().unwrap();
    assert!(before.low() > 0);
    rows[province].low = Some(0);
    rows[province].high = Some(0);
    rows[province].tone = Some(Tone::Exact);
    rows[province].estimate = None;
    if let Some(fl) = rows[province].largest_part.as_mut() {
        *fl = 0;
    }
    let err = Totals::from_rows(t.hierarchy(), t.period(), t.indicators(), rows)
        .unwrap_err()
        .to_string();
    // The district row that now exceeds its province is named.
    let district = t
        .rows()
        .iter()
        .position(|r| {
            r.layer == TotalsLayer::Records
                && r.unit == code("288")
                && r.indicator == indicator
                && r.actor == actor
        })
        .unwrap();
    assert!(
        err.contains(&format!("row {district} (records 288 {indicator}")),
        "{err}"
    );
    assert!(
        err.ends_with("expected the parent's interval to hold its children's"),
        "{err}"
    );
    // Untouched, the same rows read back equal.
    assert_eq!(crate::rows::through_rows(&t).unwrap(), t);
}

/// The stream's per-record check uses each unit's validity, both ends
/// inclusive, and its level (synthetic units).
#[test]
fn accumulator_check_uses_validity_and_level() {
    let d = |s: &str| -> chrono::NaiveDate { s.parse().unwrap() };
    let h = Hierarchy::new(vec![
        Unit::new("30".parse().unwrap(), "Tỉnh Hải Dương"),
        Unit::new(
            "288".parse().unwrap(),
            "Thành phố Hải Dương (synthetic validity)",
        )
        .with_parent(Some("30".parse().unwrap()))
        .with_validity(Some(d("2022-03-01")), Some(d("2022-06-30"))),
    ])
    .unwrap();
    let acc = Accumulator::new(&h, period(), &[]);
    let doc = |unit: &str, date: &str| -> IssuedDocument {
        serde_json::from_str(&format!(
            r#"{{"unit": "{unit}", "date": "{date}", "actor": "government", "kind": "guidance"}}"#
        ))
        .unwrap()
    };
    let verdict = |x: &IssuedDocument| {
        acc.check(RecordRef::Document(x))
            .err()
            .map(|e| e.code().as_str())
    };
    assert_eq!(verdict(&doc("288", "2022-03-01")), None);
    assert_eq!(verdict(&doc("288", "2022-06-30")), None);
    assert_eq!(verdict(&doc("288", "2022-02-28")), Some("DV064"));
    assert_eq!(verdict(&doc("288", "2022-07-01")), Some("DV064"));
    assert_eq!(verdict(&doc("30", "2022-07-01")), None);
    let block: GrassrootsBlock = serde_json::from_str(r#"{"unit": "288"}"#).unwrap();
    let err = acc.check(RecordRef::Block(&block)).unwrap_err();
    assert_eq!(err.code(), "DV065");
    assert_eq!(
        err.to_string(),
        r#"unit "288" is a district: expected a commune"#
    );
}

/// `Totals::apply` checks the record with the one rule set: a 1999 document is
/// refused by 2022 totals (DV068, as `check` would say) and the totals are
/// unchanged; the same document dated in the period is added.
#[test]
fn apply_refuses_a_record_that_breaks_a_rule() {
    let c = checked("tests/fixtures/seed-2022.json");
    let before = Totals::compute(&c).unwrap();
    let mut totals = before.clone();
    let old: IssuedDocument = serde_json::from_str(
        r#"{"unit": "30", "date": "1999-05-10", "actor": "party_committees", "kind": "leadership"}"#,
    )
    .unwrap();
    let err = totals.apply(&old).unwrap_err();
    assert_eq!(err.code(), "DV068", "{err}");
    assert_eq!(totals, before);
    let docs = |t: &Totals| {
        t.get(&code("30"), Builtin::Documents, Actor::PartyCommittees)
            .map_or(0, |r| r.low())
    };
    let fresh = IssuedDocument {
        date: "2022-05-10".parse().unwrap(),
        ..old
    };
    totals.apply(&fresh).unwrap();
    assert_eq!(docs(&totals), docs(&before) + 1);
}
