//! The stable export of totals: `TotalsRow`s, their JSON shape (a contract)
//! and `Totals::from_rows`, which checks every row.
//!
//! Every unit and record here is synthetic on real Hải Dương unit codes.

use danvan::*;

/// Rows → JSON array → rows → totals, for the hierarchy, period and indicators of `t`.
pub fn through_rows(t: &Totals) -> Result<Totals, Error> {
    let json = serde_json::to_string(&t.rows()).unwrap();
    let rows: Vec<TotalsRow> = serde_json::from_str(&json).unwrap();
    Totals::from_rows(t.hierarchy(), t.period(), t.indicators(), rows)
}

fn totals_of(json: &str) -> Totals {
    let d = Dataset::from_json(json.as_bytes()).unwrap();
    Totals::compute(&check(d).unwrap()).unwrap()
}

/// One province: two conferences counted in distinct persons, a stock figure
/// for the first half and an amount figure.
const SMALL: &str = r#"{
    "schema": "danvan/dataset/v1",
    "period": {"start": "2022-01-01", "end": "2022-12-31"},
    "units": [{"code": "30", "name": "Tỉnh Hải Dương"}],
    "indicators": [{"id": "money_mobilized", "label": "Money (synthetic)", "kind": "flow", "unit": "đồng", "values": "amount"}],
    "conferences": [
        {"unit": "30", "date": "2022-03-15", "actor": "party_committees", "kind": "training", "participants": 120, "headcount": "distinct_persons"},
        {"unit": "30", "date": "2022-04-02", "actor": "party_committees", "kind": "training", "participants": 40, "headcount": "distinct_persons"}
    ],
    "figures": [
        {"indicator": "skilful_models", "unit": "30", "actor": "mobilization_sector", "value": {"at_least": 1200},
         "period": {"start": "2022-01-01", "end": "2022-06-30"}},
        {"indicator": "money_mobilized", "unit": "30", "actor": "front_and_mass_organizations",
         "amount": {"amount": "6300000000", "unit": "đồng", "qualifier": "at_least"}}
    ]
}"#;

const PERIOD: &str = r#""period":{"start":"2022-01-01","end":"2022-12-31"}"#;

/// The JSON shape of rows is a contract: this is what apps and other machines read.
#[test]
fn rows_have_the_documented_json_shape() {
    let t = totals_of(SMALL);
    let lines: Vec<String> = t
        .rows()
        .iter()
        .map(|r| serde_json::to_string(r).unwrap())
        .collect();
    let expected = [
        r#"{"layer":"reported","unit":"30","indicator":"skilful_models","actor":"mobilization_sector",PERIOD,"low":1200,"high":null,"tone":"bounded","as_of":"2022-06-30"}"#,
        r#"{"layer":"records","unit":"30","indicator":"conferences","actor":"party_committees",PERIOD,"low":2,"high":2,"tone":"exact"}"#,
        r#"{"layer":"records","unit":"30","indicator":"training_conferences","actor":"party_committees",PERIOD,"low":2,"high":2,"tone":"exact"}"#,
        r#"{"layer":"records","unit":"30","indicator":"conference_persons","actor":"party_committees",PERIOD,"low":120,"high":160,"tone":"bounded","largest_part":120}"#,
        r#"{"layer":"reported","unit":"30","indicator":"money_mobilized","actor":"front_and_mass_organizations",PERIOD,"amount":{"value":{"low":"6300000000","high":null,"tone":"bounded"},"unit":"đồng"},"as_of":"2022-12-31"}"#,
    ]
    .map(|e| e.replace("PERIOD", PERIOD));
    assert_eq!(lines, expected);
    // And they read back to the same totals.
    assert_eq!(through_rows(&t).unwrap(), t);
}

#[test]
fn rows_reject_unknown_fields_and_half_values() {
    let good = format!(
        r#"{{"layer":"records","unit":"30","indicator":"conferences","actor":"party_committees",{PERIOD},"low":2,"high":2,"tone":"exact"}}"#
    );
    assert!(serde_json::from_str::<TotalsRow>(&good).is_ok());
    // `high` left out reads as unbounded.
    let open = good.replace(r#","high":2"#, "");
    assert_eq!(serde_json::from_str::<TotalsRow>(&open).unwrap().high, None);
    for (bad, why) in [
        (
            good.replace(r#""low""#, r#""lower""#),
            "unknown field `lower`",
        ),
        (good.replace(r#""low":2,"#, ""), "needs its low"),
        (
            good.replace(r#""records""#, r#""rolled""#),
            "unknown variant `rolled`",
        ),
    ] {
        let err = serde_json::from_str::<TotalsRow>(&bad)
            .unwrap_err()
            .to_string();
        assert!(err.contains(why), "{bad}: {err}");
    }
}

/// A province and one district: distinct persons, a stock figure and an amount at the district.
const TWO: &str = r#"{
    "schema": "danvan/dataset/v1",
    "period": {"start": "2022-01-01", "end": "2022-12-31"},
    "units": [{"code": "30", "name": "Tỉnh Hải Dương"},
              {"code": "288", "name": "Thành phố Hải Dương", "parent": "30"}],
    "indicators": [{"id": "money_mobilized", "label": "Money (synthetic)", "kind": "flow", "unit": "đồng", "values": "amount"},
                   {"id": "rallies", "label": "Rallies (synthetic)", "kind": "flow", "unit": "cuộc"}],
    "conferences": [
        {"unit": "288", "date": "2022-03-15", "actor": "party_committees", "kind": "training", "participants": 120, "headcount": "distinct_persons"},
        {"unit": "288", "date": "2022-04-02", "actor": "party_committees", "kind": "training", "participants": 40, "headcount": "distinct_persons"},
        {"unit": "30", "date": "2022-04-02", "actor": "party_committees", "kind": "propaganda", "participants": 10, "headcount": "distinct_persons"}
    ],
    "figures": [
        {"indicator": "skilful_models", "unit": "288", "actor": "mobilization_sector", "value": 12},
        {"indicator": "money_mobilized", "unit": "288", "actor": "front_and_mass_organizations",
         "amount": {"amount": "8.5", "unit": "đồng"}}
    ]
}"#;

/// The index of the row at a place.
fn at(rows: &[TotalsRow], layer: TotalsLayer, unit: &str, indicator: &str) -> usize {
    rows.iter()
        .position(|r| {
            r.layer == layer && r.unit.to_string() == unit && r.indicator.as_str() == indicator
        })
        .unwrap_or_else(|| panic!("no {layer:?} row {unit} {indicator}"))
}

/// Rebuilds the totals of `TWO` from its rows changed by `change`; the error's text.
fn rejected(change: impl FnOnce(&mut Vec<TotalsRow>)) -> String {
    let t = totals_of(TWO);
    let mut rows = t.rows();
    change(&mut rows);
    let err = Totals::from_rows(t.hierarchy(), t.period(), t.indicators(), rows).unwrap_err();
    assert_eq!(err.code(), "DV102");
    err.to_string()
}

fn set_value(row: &mut TotalsRow, value: Interval<u64>) {
    row.low = Some(value.low());
    row.high = value.high();
    row.tone = Some(value.tone());
    row.estimate = value.estimate();
}

#[test]
fn every_rule_of_from_rows_names_the_row() {
    use TotalsLayer::{Records, Reported as Own};
    let t = totals_of(TWO);
    let rows = t.rows();
    assert_eq!(through_rows(&t).unwrap(), t);
    let persons = at(&rows, Records, "288", "conference_persons");
    let province_persons = at(&rows, Records, "30", "conference_persons");
    let conferences = at(&rows, Records, "288", "conferences");
    let province_conferences = at(&rows, Records, "30", "conferences");
    let stock = at(&rows, Own, "288", "skilful_models");
    let money = at(&rows, Own, "288", "money_mobilized");
    let exact = Interval::exact;
    type Change<'a> = Box<dyn FnOnce(&mut Vec<TotalsRow>) + 'a>;
    let cases: Vec<(Change, String)> = vec![
        (
            Box::new(|r| r[conferences].period = Period::year(2023).unwrap()),
            format!("row {conferences} (records 288 conferences party_committees): its period is"),
        ),
        (
            Box::new(|r| r[conferences].unit = "31".parse().unwrap()),
            "its unit is not in the hierarchy: expected a unit of the hierarchy".into(),
        ),
        (
            Box::new(|r| r[money].indicator = "money_raised".parse().unwrap()),
            "its indicator is unknown: expected a built-in indicator or one of the catalogue".into(),
        ),
        (
            Box::new(|r| {
                let again = r[conferences].clone();
                r.push(again);
            }),
            format!("row {} (records 288 conferences party_committees): it repeats row {conferences}", rows.len()),
        ),
        (
            Box::new(|r| {
                let mut custom = r[conferences].clone();
                custom.indicator = "rallies".parse().unwrap();
                r.push(custom);
            }),
            "it is a records total of a custom indicator: expected records totals of built-in indicators only".into(),
        ),
        (
            Box::new(|r| r[conferences].low = Some(1)),
            "its tone is exact on a range: expected a sound interval".into(),
        ),
        (
            Box::new(|r| r[conferences].high = None),
            "its tone is exact on a range: expected a sound interval".into(),
        ),
        (
            Box::new(|r| r[persons].largest_part = Some(161)),
            "its largest part 161 is not its low 120: expected the interval [largest part, sum of parts]".into(),
        ),
        (
            Box::new(|r| set_value(&mut r[persons], exact(160))),
            "its largest part 120 is not its low 160".into(),
        ),
        (
            Box::new(|r| r[persons].largest_part = None),
            "it has no largest_part: expected one on distinct indicators".into(),
        ),
        (
            Box::new(|r| r[conferences].largest_part = Some(1)),
            "it has a largest_part: expected one only on distinct indicators".into(),
        ),
        (
            Box::new(|r| r[stock].as_of = None),
            "it has no as_of: expected the end of the latest figure's period".into(),
        ),
        (
            Box::new(|r| r[conferences].as_of = "2022-12-31".parse().ok()),
            "it has an as_of: expected one only on reported stocks and amounts".into(),
        ),
        (
            Box::new(|r| r[conferences].low = None),
            "expected low and high bounds (and no amount): its indicator is a count".into(),
        ),
        (
            Box::new(|r| r[stock].amount = r[money].amount.clone()),
            "expected low and high bounds (and no amount): its indicator is a count".into(),
        ),
        (
            Box::new(|r| set_value(&mut r[money], exact(8))),
            format!("row {money} (reported 288 money_mobilized front_and_mass_organizations): expected an amount (and no value) in the reported layer"),
        ),
        (
            Box::new(|r| {
                r[money].layer = Records;
                r[money].as_of = None;
            }),
            "expected an amount (and no value) in the reported layer: its indicator is an amount".into(),
        ),
        // Records totals are of subtrees: the child's row is named.
        (
            Box::new(|r| set_value(&mut r[province_conferences], exact(1))),
            format!("row {conferences} (records 288 conferences party_committees): its high 2 is above its parent 30's 1: expected the parent's interval to hold its children's"),
        ),
        (
            Box::new(|r| {
                r.remove(province_conferences);
            }),
            "(records 288 conferences party_committees): expected the records row of its parent 30".into(),
        ),
        (
            Box::new(|r| r[province_persons].largest_part = Some(100)),
            format!("row {province_persons} (records 30 conference_persons party_committees): its largest part 100 is not its low 120"),
        ),
    ];
    for (change, want) in cases {
        let err = rejected(change);
        assert!(err.contains(&want), "expected {want:?} in {err:?}");
    }
}

#[test]
fn fixtures_go_through_rows_unchanged() {
    for path in [
        "tests/fixtures/seed-2022.json",
        "tests/fixtures/synthetic-small.json",
        "examples/data/hai-duong-2022.json",
    ] {
        let t = totals_of(&crate::read(path));
        assert!(!t.rows().is_empty(), "{path}");
        let back = through_rows(&t).unwrap();
        assert_eq!(back, t, "{path}");
        // What reports read is the same.
        for (_, unit) in t.hierarchy().iter() {
            for b in Builtin::ALL {
                for a in Actor::ALL {
                    let id = IndicatorId::from(b);
                    assert_eq!(
                        back.value(&unit.code(), &id, a),
                        t.value(&unit.code(), &id, a),
                        "{path}"
                    );
                    assert_eq!(
                        back.reported(&unit.code(), &id, a),
                        t.reported(&unit.code(), &id, a),
                        "{path}"
                    );
                    assert_eq!(
                        back.distinct_bounds(&unit.code(), &id, a),
                        t.distinct_bounds(&unit.code(), &id, a),
                        "{path}"
                    );
                }
            }
        }
        assert_eq!(back.reconcile(), t.reconcile(), "{path}");
    }
}

/// Stock figures of sub-periods: the latest wins, also after rows and a merge.
#[test]
fn stocks_keep_their_latest_period_through_rows() {
    let figure = |end: &str, value: u64| -> String {
        format!(
            r#"{{"indicator": "skilful_models", "unit": "288", "actor": "mobilization_sector", "value": {value},
                "period": {{"start": "2022-01-01", "end": "{end}"}}}}"#
        )
    };
    let dataset = |figures: &[String]| -> String {
        format!(
            r#"{{"schema": "danvan/dataset/v1", "period": {{"start": "2022-01-01", "end": "2022-12-31"}},
                "units": [{{"code": "30", "name": "Tỉnh Hải Dương"}}, {{"code": "288", "name": "Thành phố Hải Dương", "parent": "30"}}],
                "figures": [{}]}}"#,
            figures.join(",")
        )
    };
    let h1 = figure("2022-06-30", 30);
    let q3 = figure("2022-09-30", 20);
    let whole = totals_of(&dataset(&[h1.clone(), q3.clone()]));
    let a = through_rows(&totals_of(&dataset(&[h1]))).unwrap();
    let b = through_rows(&totals_of(&dataset(&[q3]))).unwrap();
    let merged = a.merge(b).unwrap();
    assert_eq!(merged, whole);
    let models = merged.reported(
        &"30".parse().unwrap(),
        Builtin::SkilfulModels,
        Actor::MobilizationSector,
    );
    assert_eq!(models, Some(Interval::exact(20)));
}

/// A row is one JSON object, its dates written `YYYY-MM-DD` (found by review:
/// the array of its fields and lenient dates were read).
#[test]
fn rows_are_objects_with_strict_dates() {
    let array = r#"["records","288","documents","government",{"start":"2022-01-01","end":"2022-12-31"},"exact",1,1,1]"#;
    let err = serde_json::from_str::<TotalsRow>(array)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("invalid type: sequence"), "{err}");
    let stock = format!(
        r#"{{"layer":"reported","unit":"30","indicator":"skilful_models","actor":"mobilization_sector",{PERIOD},"low":12,"high":12,"as_of":"2022-06-30"}}"#
    );
    let row: TotalsRow = serde_json::from_str(&stock).unwrap();
    assert_eq!(row.as_of, "2022-06-30".parse().ok());
    for bad in ["+2022-06-30", "2022-6-30", " 2022-06-30", "2022-06-31"] {
        let text = stock.replace("\"2022-06-30\"", &format!("{bad:?}"));
        let err = serde_json::from_str::<TotalsRow>(&text)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("invalid date"), "{bad:?}: {err}");
    }
}

/// A province with two districts, one document each, and a conference at
/// one of them counted "at least" in participants and persons.
const THREE: &str = r#"{
    "schema": "danvan/dataset/v1",
    "period": {"start": "2022-01-01", "end": "2022-12-31"},
    "units": [{"code": "30", "name": "Tỉnh Hải Dương"},
              {"code": "288", "name": "Thành phố Hải Dương", "parent": "30"},
              {"code": "290", "name": "Thành phố Chí Linh", "parent": "30"}],
    "documents": [
        {"unit": "288", "date": "2022-05-10", "actor": "government", "kind": "guidance"},
        {"unit": "290", "date": "2022-06-10", "actor": "government", "kind": "guidance"}
    ],
    "conferences": [
        {"unit": "288", "date": "2022-03-15", "actor": "party_committees", "kind": "training", "participants": {"at_least": 40}}
    ]
}"#;

/// A parent's records row is checked against all its children together
/// (found by review: it was compared with each child alone).
#[test]
fn records_rows_add_up_over_children() {
    use TotalsLayer::Records;
    let t = totals_of(THREE);
    let rows = t.rows();
    assert_eq!(through_rows(&t).unwrap(), t);
    let province = at(&rows, Records, "30", "guidance_documents");
    assert_eq!(rows[province].interval(), Some(Interval::exact(2)));
    let participants = at(&rows, Records, "30", "conference_participants");
    assert_eq!(rows[participants].interval(), Some(Interval::at_least(40)));
    let refused = |change: &dyn Fn(&mut Vec<TotalsRow>)| -> String {
        let mut rows = t.rows();
        change(&mut rows);
        let err = Totals::from_rows(t.hierarchy(), t.period(), t.indicators(), rows).unwrap_err();
        assert_eq!(err.code(), "DV102");
        err.to_string()
    };
    // Each child is 1, the parent 1: below the sum of their lower bounds.
    let err = refused(&|r| set_value(&mut r[province], Interval::exact(1)));
    assert!(
        err.contains(&format!("row {province} (records 30 guidance_documents government): its low 1 is below the sum of its children's lower bounds (the rest is its own records), 2: expected at least that")),
        "{err}"
    );
    // A parent above the sum has records of its own: still read.
    let mut more = t.rows();
    set_value(&mut more[province], Interval::exact(3));
    Totals::from_rows(t.hierarchy(), t.period(), t.indicators(), more).unwrap();
    // Containment, not equality: a parent may be narrower than its children's
    // sum (a rekeyed split), never outside it.
    let mut narrower = t.rows();
    set_value(
        &mut narrower[province],
        Interval::between(2, Some(5)).unwrap(),
    );
    Totals::from_rows(t.hierarchy(), t.period(), t.indicators(), narrower).unwrap();
    // "At least 40" at a child cannot be an exact 40 (or "at most 40") at its parent.
    for v in [Interval::exact(40), Interval::at_most(40)] {
        let err = refused(&|r| set_value(&mut r[participants], v));
        assert!(
            err.contains(&format!("row {participants} (records 30 conference_participants party_committees): its high 40 is above")) || err.contains("(records 288 conference_participants party_committees): its high unbounded is above its parent 30's 40"),
            "{err}"
        );
    }
    // Nor an estimate alone, [0, ∞), which does not lie within [40, ∞).
    let err = refused(&|r| set_value(&mut r[participants], Interval::about(40)));
    assert!(
        err.contains("its low 0 is below the sum of its children's lower bounds"),
        "{err}"
    );
}

/// A distinct total is [largest part, sum of parts]; its low is its largest part.
#[test]
fn a_largest_part_is_the_low_of_a_distinct_total() {
    use TotalsLayer::Records;
    // 288 has parts 120 and 40, the province one of its own, 10.
    let t = totals_of(TWO);
    let rows = t.rows();
    let province = at(&rows, Records, "30", "conference_persons");
    assert_eq!(
        (rows[province].interval(), rows[province].largest_part),
        (Some(Interval::between(120, Some(170)).unwrap()), Some(120))
    );
    let err = rejected(|r| r[province].largest_part = Some(150));
    assert!(
        err.contains(&format!("row {province} (records 30 conference_persons party_committees): its largest part 150 is not its low 120")),
        "{err}"
    );
    // A parent's largest part is at least its children's.
    let err = rejected(|r| {
        r[province].largest_part = Some(100);
        r[province].low = Some(100);
    });
    assert!(
        err.contains("its low 100 is below the largest of its children's lower bounds, 120"),
        "{err}"
    );
}

/// `as_of` is a day of the period (found by review: any day was read).
#[test]
fn as_of_lies_within_the_period() {
    let t = totals_of(TWO);
    let rows = t.rows();
    let stock = at(&rows, TotalsLayer::Reported, "288", "skilful_models");
    let money = at(&rows, TotalsLayer::Reported, "288", "money_mobilized");
    for (row, day) in [
        (stock, "1900-01-01"),
        (stock, "2030-12-31"),
        (stock, "2023-01-01"),
        (money, "2021-12-31"),
    ] {
        let err = rejected(|r| r[row].as_of = day.parse().ok());
        assert!(err.contains(&format!("row {row} (reported 288 ")), "{err}");
        assert!(
            err.contains(&format!(
                "its as_of is {day}: expected a day within the period of the totals, 2022 ("
            )),
            "{err}"
        );
    }
    // The first day of the period is one.
    let mut first = t.rows();
    first[stock].as_of = "2022-01-01".parse().ok();
    Totals::from_rows(t.hierarchy(), t.period(), t.indicators(), first).unwrap();
}
