//! Model v2, steps (a) and (b): the `danvan/dataset/v2` envelope, the v1
//! upgrade, the catalogue file and the value types (synthetic data only).

use danvan::{Catalogue, Dataset, DatasetV2, FigureValue};

const V2: &str = "tests/fixtures/v2-rooted-district.json";
const CATALOGUE: &str = "tests/fixtures/catalogue/synthetic.catalogue.json";
const V1_FIXTURES: [&str; 2] = [
    "tests/fixtures/seed-2022.json",
    "tests/fixtures/synthetic-small.json",
];

fn v2() -> DatasetV2 {
    DatasetV2::from_json(crate::read(V2).as_bytes()).unwrap_or_else(|e| panic!("{V2}: {e}"))
}

#[test]
fn v2_fixture_round_trips() {
    let d = v2();
    assert_eq!(d.root.map(|c| c.to_string()).as_deref(), Some("816"));
    assert_eq!(
        d.as_of.map(|a| a.to_string()).as_deref(),
        Some("2025-11-15")
    );
    assert_eq!(d.figures.len(), 6);
    assert_eq!(d.relations.len(), 3);
    assert_eq!(d.dimensions.len(), 1);
    let again = DatasetV2::from_json(d.to_json().as_bytes()).unwrap();
    assert_eq!(again, d);
    assert_eq!(again.to_json(), d.to_json());
}

#[test]
fn v2_fixture_values_are_typed() {
    let d = v2();
    let names: Vec<&str> = d
        .figures
        .iter()
        .map(|f| f.value.as_ref().map_or("none", FigureValue::type_name))
        .collect();
    assert_eq!(
        names,
        ["count", "amount", "rate", "ratio", "duration", "count"]
    );
    let Some(FigureValue::Amount(a)) = &d.figures[1].value else {
        panic!("f2 is an amount")
    };
    assert_eq!(a.normalised().amount(), 1_700_000_000u64.into());
    assert_eq!(d.figures[1].actor.len(), 2);
    // Every value is of its indicator's type, in the dataset's catalogue.
    let catalogue = d.catalogue_on(Catalogue::builtin()).unwrap();
    assert!(d.value_problems(&catalogue).is_empty());
    let wrong = crate::read(V2).replace(r#""value": 5}"#, r#""value": {"percent": "5"}}"#);
    let w = DatasetV2::from_json(wrong.as_bytes()).unwrap();
    let problems = w.value_problems(&catalogue);
    assert_eq!(problems.len(), 1);
    assert_eq!((problems[0].0, problems[0].1.code().as_str()), (0, "DV162"));
    for f in &d.figures {
        catalogue
            .check_value(&f.indicator, f.value.as_ref().unwrap())
            .unwrap_or_else(|e| panic!("{:?}: {e}", f.id));
    }
}

#[test]
fn rooted_hierarchy_has_its_ancestors_by_code() {
    let d = v2();
    let h = d.hierarchy().unwrap();
    // 89 (by code only), 816, 30280; 30283 is of another era.
    assert_eq!(h.len(), 3);
    let outside = crate::read(V2).replace(
        r#"{"code": "30280", "name": "Xã Một (synthetic)", "parent": "816"}"#,
        r#"{"code": "30280", "name": "Xã Một (synthetic)", "parent": "816"}, {"code": "817", "name": "Huyện Khác (synthetic)", "parent": "89"}"#,
    );
    let d = DatasetV2::from_json(outside.as_bytes()).unwrap();
    assert_eq!(d.hierarchy().unwrap_err().code(), "DV166");
    // An ancestor may carry its name (the awarding body a report names); a
    // sibling of the root may not be listed with one.
    let named_ancestor = crate::read(V2).replacen(
        r#"{"code": "89"}"#,
        r#"{"code": "89", "name": "Tỉnh (synthetic)"}"#,
        1,
    );
    assert_ne!(
        named_ancestor,
        crate::read(V2),
        "the fixture lists 89 by code"
    );
    let d = DatasetV2::from_json(named_ancestor.as_bytes()).unwrap();
    let h = d.hierarchy().unwrap();
    let i = h.index_of(&"89".parse().unwrap()).unwrap();
    assert_eq!(h.unit(i).unwrap().name(), "Tỉnh (synthetic)");
    let nameless_root = crate::read(V2).replace(r#""root": "816""#, r#""root": "89""#);
    let d = DatasetV2::from_json(nameless_root.as_bytes()).unwrap();
    assert_eq!(d.hierarchy().unwrap_err().code(), "DV167");
    let no_root = crate::read(V2).replace(r#""root": "816","#, "");
    let d = DatasetV2::from_json(no_root.as_bytes()).unwrap();
    assert_eq!(d.hierarchy().unwrap_err().code(), "DV168");
}

#[test]
fn every_v1_fixture_upgrades_without_loss() {
    for path in V1_FIXTURES {
        let text = crate::read(path);
        let v1 = Dataset::from_json(text.as_bytes()).unwrap();
        let up = DatasetV2::from_json(text.as_bytes()).unwrap();
        assert_eq!(up, DatasetV2::from_v1(v1.clone()).unwrap(), "{path}");
        assert_eq!(
            up.record_count(),
            v1.record_count() + v1.units.len() + v1.indicators.len(),
            "{path}"
        );
        assert_eq!(up.units.len(), v1.units.len());
        assert_eq!(up.conferences, v1.conferences);
        assert_eq!(up.awards, v1.awards);
        assert_eq!(up.plan, v1.plan);
        for (f1, f2) in v1.figures.iter().zip(&up.figures) {
            assert_eq!(f1.indicator, f2.indicator);
            assert_eq!(f1.unit, f2.unit);
            assert_eq!(f1.period.map(danvan::FigurePeriod::Dates), f2.period);
            assert_eq!(f1.actors, f2.actor);
            match (&f1.value, &f1.amount, &f2.value) {
                (Some(v), None, Some(FigureValue::Count(w))) => assert_eq!(v, w),
                (None, Some(m), Some(FigureValue::Amount(a))) => assert_eq!(m, a.normalised()),
                other => panic!("{path}: {other:?}"),
            }
            let labels: Vec<&str> = f1.parts.iter().map(|p| p.label.as_str()).collect();
            let kept: Vec<&str> = f2
                .parts
                .iter()
                .flat_map(|p| &p.items)
                .filter_map(|p| p.label.as_deref())
                .collect();
            assert_eq!(labels, kept, "{path}: free-text labels stay labels");
        }
        for (d1, e) in v1.indicators.iter().zip(&up.indicators) {
            assert_eq!(e.id, d1.id);
            assert_eq!(e.label.as_deref(), Some(d1.label.as_str()));
            assert_eq!(e.unit_word.as_deref(), Some(d1.unit.as_str()));
            assert_eq!(e.value.v1(), Some(d1.values));
        }
        // The upgraded dataset writes as v2 and reads back equal.
        let again = DatasetV2::from_json(up.to_json().as_bytes()).unwrap();
        assert_eq!(again, up, "{path}");
        // v1 itself still reads and writes as before.
        assert_eq!(Dataset::from_json(v1.to_json().as_bytes()).unwrap(), v1);
    }
}

#[test]
fn v1_reader_still_refuses_v2() {
    let err = Dataset::from_json(crate::read(V2).as_bytes()).unwrap_err();
    assert_eq!(err.code(), "DV050");
}

#[test]
fn catalogue_file_reads_and_extends() {
    let catalogue = Catalogue::from_json(crate::read(CATALOGUE).as_bytes()).unwrap();
    assert_eq!(catalogue.len(), danvan::Builtin::ALL.len() + 5);
    let d = v2();
    let all = d.catalogue_on(catalogue.clone()).unwrap();
    assert_eq!(all.len(), catalogue.len() + d.indicators.len());
    // An id defined twice (in the file and inline) is an error.
    let twice = catalogue.with_entries(
        serde_json::from_str::<Vec<danvan::CatalogueEntry>>(
            r#"[{"id": "gift_packages", "kind": "stock"}]"#,
        )
        .unwrap(),
    );
    assert_eq!(twice.unwrap_err().code(), "DV160");
    let amount = r#"{"amount": "3", "unit": "m²"}"#;
    let c = Catalogue::from_json(crate::read(CATALOGUE).as_bytes()).unwrap();
    let land = "land_donated".parse().unwrap();
    c.check_value(&land, &serde_json::from_str(amount).unwrap())
        .unwrap();
    let dong = r#"{"amount": "3", "unit": "đồng"}"#;
    let err = c
        .check_value(&land, &serde_json::from_str(dong).unwrap())
        .unwrap_err();
    assert_eq!(err.code(), "DV163");
    assert_eq!(
        err.to_string(),
        "indicator \"land_donated\" is stated in \"m²\", not in \"đồng\""
    );
}

#[test]
fn v2_limits_count_every_list() {
    let limits = danvan::Limits::default().with_max_records(10);
    let err = DatasetV2::from_json_with_limits(crate::read(V2).as_bytes(), &limits).unwrap_err();
    assert_eq!(err.code(), "DV121");
    let limits = danvan::Limits::default().with_max_depth(3);
    let err = DatasetV2::from_json_with_limits(crate::read(V2).as_bytes(), &limits).unwrap_err();
    assert_eq!(err.code(), "DV123");
}

#[test]
fn v2_refuses_arrays_for_objects() {
    let text = crate::read(V2).replace(
        r#""value": {"percent": "112.5"}"#,
        r#""value": [{"percent": "112.5"}]"#,
    );
    assert_eq!(
        DatasetV2::from_json(text.as_bytes()).unwrap_err().code(),
        "DV051"
    );
    let text = crate::read(V2).replace(r#"{"code": "89"}"#, r#"["89"]"#);
    assert_eq!(
        DatasetV2::from_json(text.as_bytes()).unwrap_err().code(),
        "DV051"
    );
}

#[test]
fn a_dimension_given_twice_is_refused() {
    let text = crate::read(V2).replace(
        r#""dims": {"house_work": "new"}"#,
        r#""dims": {"house_work": "new", "house_work": "repaired"}"#,
    );
    let err = DatasetV2::from_json(text.as_bytes()).unwrap_err();
    assert_eq!(err.code(), "DV050");
    assert!(
        err.to_string().contains("duplicate field `house_work`"),
        "{err}"
    );
}

proptest::proptest! {
    #[test]
    fn v2_reader_never_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..512)) {
        let _ = DatasetV2::from_json(bytes.as_slice());
    }

    #[test]
    fn mutated_v2_fixture_never_panics(at in 0usize..4000, byte in proptest::prelude::any::<u8>()) {
        let mut bytes = crate::read(V2).into_bytes();
        let i = at % bytes.len();
        bytes[i] = byte;
        if let Ok(d) = DatasetV2::from_json(bytes.as_slice()) {
            let _ = d.hierarchy();
            let _ = d.catalogue_on(Catalogue::builtin()).map(|c| d.value_problems(&c));
            proptest::prop_assert_eq!(DatasetV2::from_json(d.to_json().as_bytes()).ok(), Some(d));
        }
    }
}

/// A v2 document with trailing junk or a repeated key is refused by the v2
/// reader in its own words, not as a v1 schema mismatch (review of issue 14).
#[test]
fn v2_errors_are_the_v2_readers() {
    let base = crate::read(V2);
    let junk = format!("{base} {{}}");
    let repeated = base.replacen(
        "\"schema\": \"danvan/dataset/v2\"",
        "\"schema\": \"danvan/dataset/v2\", \"schema\": \"danvan/dataset/v2\"",
        1,
    );
    assert_ne!(
        repeated, base,
        "the fixture spells its schema key as expected"
    );
    for doc in [junk, repeated] {
        let err = DatasetV2::from_json(doc.as_bytes()).unwrap_err();
        let text = err.to_string();
        assert!(!text.contains("danvan/dataset/v1"), "{text}");
    }
}

/// The v2 fields of issue 15 steps (c)–(e) as read: period forms, changes,
/// named recipients, "additional", awarded-by, actor sets, dimensions.
/// Units and figures are synthetic.
mod v2_fields {
    use danvan::{ChangeDirection, DatasetV2, FigurePeriod, Interval};

    fn doc(figures: &str, extra: &str) -> String {
        format!(
            r#"{{"schema": "danvan/dataset/v2", "period": {{"start": "2023-01-01", "end": "2023-12-31"}}{extra},
                "figures": [{figures}]}}"#
        )
    }

    fn read(figures: &str, extra: &str) -> Result<DatasetV2, danvan::Error> {
        DatasetV2::from_json(doc(figures, extra).as_bytes())
    }

    #[test]
    fn period_forms_read_resolve_and_round_trip() {
        let d = read(
            r#"{"indicator": "documents", "unit": "30", "actor": "government", "value": 1,
                "period": {"start": "2025-01-01", "to_date": "2025-11-15"}},
               {"indicator": "documents", "unit": "30", "actor": "government", "value": 2,
                "period": {"since": "2011-01-01"}},
               {"indicator": "documents", "unit": "30", "actor": "government", "value": 3,
                "period": "unknown"},
               {"indicator": "documents", "unit": "30", "actor": "government", "value": 4}"#,
            r#", "as_of": "2025-11-15""#,
        )
        .unwrap();
        let periods: Vec<Option<String>> = d
            .figures
            .iter()
            .map(|f| d.figure_period(f).unwrap().map(|p| p.to_string()))
            .collect();
        assert_eq!(
            periods,
            [
                Some("2025-01-01/2025-11-15".to_string()),
                Some("2011-01-01/2025-11-15".to_string()),
                None,
                Some("2023".to_string()),
            ]
        );
        assert_eq!(d.figures[2].period, Some(FigurePeriod::Unknown));
        let again = DatasetV2::from_json(d.to_json().as_bytes()).unwrap();
        assert_eq!(again, d);
    }

    #[test]
    fn since_without_as_of_is_dv175_and_bad_period_shapes_are_refused() {
        let d = read(
            r#"{"indicator": "documents", "unit": "30", "actor": "government", "value": 2,
                "period": {"since": "2011-01-01"}}"#,
            "",
        )
        .unwrap();
        assert_eq!(d.figure_period(&d.figures[0]).unwrap_err().code(), "DV175");
        for bad in [
            r#"{"start": "2011-01-01"}"#,
            r#"{"since": "2011-01-01", "end": "2012-01-01"}"#,
            r#"{"start": "2012-01-01", "to_date": "2011-01-01"}"#,
            r#""sometime""#,
            r#"{"start": "2011-01-01", "end": "2011-12-31", "to_date": "2011-06-30"}"#,
        ] {
            let f = format!(
                r#"{{"indicator": "documents", "unit": "30", "actor": "government", "value": 2, "period": {bad}}}"#
            );
            let err = read(&f, "").unwrap_err();
            assert_eq!(err.code(), "DV050", "{bad}: {err}");
            assert!(err.to_string().contains("period"), "{bad}: {err}");
        }
    }

    #[test]
    fn changes_named_additional_awarded_by() {
        let d = read(
            r#"{"indicator": "documents", "unit": "30", "actor": "government", "value": 12,
                "change": {"direction": "increase", "compared_to": {"start": "2022-01-01", "end": "2022-12-31"}}},
               {"indicator": "documents", "unit": "30", "actor": "government",
                "change": {"direction": "times", "factor": "1.5", "compared_to": {"start": "2022-01-01", "end": "2022-12-31"}}},
               {"indicator": "contest_prizes", "unit": "30", "actor": "party_committees",
                "dims": {"prize_rank": "first"}, "named": ["Đội A (synthetic)"]},
               {"indicator": "houses_built", "unit": "30", "actor": "front", "value": 3, "additional": true},
               {"indicator": "commended", "unit": "301", "actor": "party_committees", "value": 12,
                "awarded_by": {"unit": "30", "actor": "party_committees"}}"#,
            "",
        )
        .unwrap();
        let f = &d.figures;
        assert_eq!(
            f[0].change.as_ref().map(|c| c.direction),
            Some(ChangeDirection::Increase)
        );
        assert_eq!(f[1].value, None);
        assert_eq!(f[2].count(), Some(Interval::exact(1)));
        assert!(f[3].additional);
        assert_eq!(
            f[4].awarded_by
                .as_ref()
                .and_then(|a| a.unit)
                .map(|u| u.to_string()),
            Some("30".to_string())
        );
        // Each is its own key.
        let keys: std::collections::HashSet<_> = f.iter().map(|x| d.key_of(x)).collect();
        assert_eq!(keys.len(), f.len());
        assert_eq!(DatasetV2::from_json(d.to_json().as_bytes()).unwrap(), d);
    }

    #[test]
    fn malformed_figures_are_refused_with_dv176_and_dv177() {
        let cases = [
            (
                r#"{"indicator": "documents", "unit": "30", "actor": "government"}"#,
                "DV177",
            ),
            (
                r#"{"indicator": "documents", "unit": "30", "actor": "government",
                    "change": {"direction": "times", "compared_to": {"start": "2022-01-01", "end": "2022-12-31"}}}"#,
                "DV177",
            ),
            (
                r#"{"indicator": "documents", "unit": "30", "actor": "government", "value": 3,
                    "change": {"direction": "times", "factor": "2", "compared_to": {"start": "2022-01-01", "end": "2022-12-31"}}}"#,
                "DV177",
            ),
            (
                r#"{"indicator": "documents", "unit": "30", "actor": "government", "value": 3,
                    "change": {"direction": "increase", "factor": "2", "compared_to": {"start": "2022-01-01", "end": "2022-12-31"}}}"#,
                "DV177",
            ),
            (
                r#"{"indicator": "documents", "unit": "30", "actor": "government", "value": 3, "awarded_by": {}}"#,
                "DV177",
            ),
            (
                r#"{"indicator": "contest_prizes", "unit": "30", "actor": "government", "value": 3,
                    "named": ["A (synthetic)", "B (synthetic)"]}"#,
                "DV176",
            ),
        ];
        for (f, code) in cases {
            let err = read(f, "").unwrap_err();
            assert_eq!(err.code(), code, "{f}: {err}");
        }
        // A factor of zero or below is a reading error, not a silent figure.
        let zero = r#"{"indicator": "documents", "unit": "30", "actor": "government",
            "change": {"direction": "times", "factor": "0", "compared_to": {"start": "2022-01-01", "end": "2022-12-31"}}}"#;
        assert!(read(zero, "").unwrap_err().to_string().contains("factor"));
        // A named count within a stated bound is consistent.
        let ok = r#"{"indicator": "contest_prizes", "unit": "30", "actor": "government",
            "value": {"at_least": 2}, "named": ["A (synthetic)", "B (synthetic)", "C (synthetic)"]}"#;
        assert!(read(ok, "").is_ok());
    }

    #[test]
    fn actor_sets_are_sorted_in_the_key_and_new_actors_read() {
        let d = read(
            r#"{"indicator": "documents", "unit": "30", "actor": ["government_heads", "party_committee_heads"], "value": 1},
               {"indicator": "documents", "unit": "30", "actor": ["party_committee_heads", "government_heads"], "value": 1},
               {"indicator": "documents", "unit": "30", "actor": "womens_union", "value": 1}"#,
            "",
        )
        .unwrap();
        assert_eq!(d.key_of(&d.figures[0]), d.key_of(&d.figures[1]));
        assert_eq!(d.figures[2].actor, [danvan::Actor::WomensUnion]);
    }

    #[test]
    fn dimensions_of_the_dataset() {
        let d = read(
            r#"{"indicator": "documents", "unit": "30", "actor": "government", "value": 1}"#,
            r#", "dimensions": [{"id": "house_work", "values": ["new", "repaired"]},
                               {"id": "target_group", "values": ["religious"]}]"#,
        )
        .unwrap();
        let dims = d.dimensions().unwrap();
        dims.check(&"house_work".parse().unwrap(), &"repaired".parse().unwrap())
            .unwrap();
        dims.check(
            &"target_group".parse().unwrap(),
            &"religious".parse().unwrap(),
        )
        .unwrap();
        dims.check(
            &"award_form".parse().unwrap(),
            &"bang_khen".parse().unwrap(),
        )
        .unwrap();
        let e = dims
            .check(
                &"award_form".parse().unwrap(),
                &"cong_nhan".parse().unwrap(),
            )
            .unwrap_err();
        assert_eq!(e.code(), "DV174");
        assert!(e.to_string().contains("bang_khen"), "{e}");
        let twice = read(
            r#"{"indicator": "documents", "unit": "30", "actor": "government", "value": 1}"#,
            r#", "dimensions": [{"id": "x", "values": ["a"]}, {"id": "x", "values": ["b"]}]"#,
        )
        .unwrap();
        assert_eq!(twice.dimensions().unwrap_err().code(), "DV173");
        // Words for values: only for values the dimension has.
        let labelled = read(
            r#"{"indicator": "documents", "unit": "30", "actor": "government", "value": 1}"#,
            r#", "dimensions": [{"id": "movement", "values": ["cay_mua_xuan"],
                                "value_labels": {"cay_mua_xuan": "Cây mùa xuân", "dan_van_kheo": "Dân vận khéo"}}]"#,
        )
        .unwrap();
        assert!(labelled.dimensions().is_ok());
        let stray = read(
            r#"{"indicator": "documents", "unit": "30", "actor": "government", "value": 1}"#,
            r#", "dimensions": [{"id": "movement", "values": ["cay_mua_xuan"], "value_labels": {"tet": "Tết"}}]"#,
        )
        .unwrap();
        assert_eq!(stray.dimensions().unwrap_err().code(), "DV174");
    }

    #[test]
    fn records_v1_carries_the_records_and_the_rooted_ancestors() {
        let json = r#"{"schema": "danvan/dataset/v2", "root": "816",
            "period": {"start": "2025-01-01", "end": "2025-12-31"},
            "units": [{"code": "89"}, {"code": "816", "name": "Huyện X (synthetic)", "parent": "89"}],
            "documents": [{"unit": "816", "date": "2025-05-01", "actor": "party_committees", "kind": "leadership"}]}"#;
        let d = DatasetV2::from_json(json.as_bytes()).unwrap();
        let v1 = d.records_v1().unwrap();
        assert_eq!(v1.units.len(), 2);
        assert_eq!(v1.documents, d.documents);
        assert!(danvan::check(v1).is_ok());
    }
}

/// An amount keeps the report's word on the v2 wire ("gần 2 tỷ" stays near,
/// "trên 300 triệu" stays "trên"), ranges of amounts read, and the v1-style
/// qualifier still reads (written back as its default word).
mod amount_words {
    use danvan::{AmountValue, Tone, Word};

    fn read(json: &str) -> Result<AmountValue, serde_json::Error> {
        serde_json::from_str(json)
    }

    #[test]
    fn words_travel_with_the_amount() {
        let near =
            read(r#"{"amount": "2", "scale": "tỷ", "unit": "đồng", "word": "nearly"}"#).unwrap();
        assert_eq!(near.stated().word(), Word::Nearly);
        assert_eq!(near.normalised().word(), Word::Nearly);
        let i = near.normalised().interval().unwrap();
        assert_eq!(
            (i.low().get(), i.high().map(|h| h.get()), i.tone()),
            (0.into(), Some(2_000_000_000u64.into()), Tone::Near)
        );
        assert_eq!(read(&serde_json::to_string(&near).unwrap()).unwrap(), near);

        let above = read(r#"{"amount": "300", "scale": "triệu", "unit": "đồng", "word": "above"}"#)
            .unwrap();
        assert_eq!(above.normalised().word(), Word::Above);
        assert!(serde_json::to_string(&above)
            .unwrap()
            .contains(r#""word":"above""#));

        let range = read(
            r#"{"amount": "3", "from": "2", "scale": "triệu", "unit": "đồng", "word": "range"}"#,
        )
        .unwrap();
        let r = range.normalised().interval().unwrap();
        assert_eq!(
            (r.low().get(), r.high().map(|h| h.get())),
            (2_000_000u64.into(), Some(3_000_000u64.into()))
        );
        assert_eq!(
            read(&serde_json::to_string(&range).unwrap()).unwrap(),
            range
        );

        let v1 = read(r#"{"amount": "5", "unit": "đồng", "qualifier": "at_least"}"#).unwrap();
        assert_eq!(
            v1.stated().word(),
            Word::default_for(danvan::Qualifier::AtLeast)
        );
    }

    #[test]
    fn bad_amount_words_are_refused() {
        for bad in [
            r#"{"amount": "5", "unit": "đồng", "qualifier": "at_least", "word": "above"}"#,
            r#"{"amount": "5", "unit": "đồng", "word": "range"}"#,
            r#"{"amount": "5", "unit": "đồng", "from": "2"}"#,
            r#"{"amount": "2", "from": "5", "unit": "đồng", "word": "range"}"#,
            r#"{"amount": "5", "unit": "đồng", "word": "perhaps"}"#,
        ] {
            assert!(read(bad).is_err(), "{bad}");
        }
    }
}
