//! Review s13 (issue 15): the `từ A đến B` range (task 1), and a hostile
//! review of the era and meaning work of sessions 11 and 12 (task 3): era
//! boundaries, two eras of one code, figures dated across a boundary,
//! rooted datasets, overflowing sums, the `era` column and `all_rows`, the
//! sentence that the eras are not added. Every unit is synthetic; the base
//! document is `tests/fixtures/v2-eras-records.json` (old wards 26734 and
//! 26740 under old district 769 to 30 June 2025, current wards 26734 from
//! 1 July and 26737 under city 79).

use super::eras_records::{cube, dataset, doc, old_era, records};
use danvan::render::{plan_report, vi};
use danvan::{check_v2, notation, Catalogue, CheckedV2, DatasetV2, Interval, RecordRef, Word};
use serde_json::{json, Value};

/// The check of a document: the checked dataset or the report's (code, path) pairs.
fn check(d: &Value) -> Result<CheckedV2, Vec<(String, String)>> {
    check_v2(dataset(d), &Catalogue::builtin()).map_err(|report| {
        report
            .issues()
            .iter()
            .filter(|i| i.severity() == danvan::Severity::Error)
            .map(|i| {
                let path = i.path().map(|p| p.to_string()).unwrap_or_default();
                (i.code().to_string(), path)
            })
            .collect()
    })
}

/// The error codes of a refused document.
fn refused(d: &Value) -> Vec<(String, String)> {
    match check(d) {
        Ok(_) => panic!("accepted: {d}"),
        Err(issues) => issues,
    }
}

/// Whether the refused document has an error `code` at a path starting with `prefix`.
fn refused_with(d: &Value, code: &str, prefix: &str) -> bool {
    let issues = refused(d);
    let found = issues
        .iter()
        .any(|(c, p)| (code.is_empty() || c == code) && p.starts_with(prefix));
    assert!(found, "no {code} at {prefix}: {issues:?}");
    found
}

/// The report plan of `unit`.
fn plan<'a>(
    checked: &'a CheckedV2,
    cube: &'a danvan::FigureCube,
    unit: &str,
) -> danvan::render::ReportPlan<'a> {
    plan_report(
        cube,
        checked.catalogue(),
        &unit.parse().unwrap(),
        &Default::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

fn pair(code: &str, path: &str) -> (String, String) {
    (code.to_owned(), path.to_owned())
}

/// The report text of `unit` of a checked document.
fn text_of(d: &Value, unit: &str) -> String {
    let (checked, cube) = cube(d);
    vi::write_report(&plan(&checked, &cube, unit))
}

fn units(d: &mut Value) -> &mut Vec<Value> {
    d["units"].as_array_mut().unwrap()
}

/// The old-era unit entry of `code`.
fn old_unit<'a>(d: &'a mut Value, code: &str) -> &'a mut Value {
    units(d)
        .iter_mut()
        .find(|u| u["era"].is_string() && u["code"] == code)
        .unwrap()
}

/// The current-era unit entry of `code`.
fn new_unit<'a>(d: &'a mut Value, code: &str) -> &'a mut Value {
    units(d)
        .iter_mut()
        .find(|u| u["era"].is_null() && u["code"] == code)
        .unwrap()
}

fn figure(unit: &str, value: Value, period: Option<(&str, &str)>) -> Value {
    let mut f = json!({"indicator": "documents", "unit": unit, "actor": "mobilization_sector", "value": value});
    if let Some((start, end)) = period {
        f["period"] = json!({"start": start, "end": end});
    }
    f
}

fn conference_era(d: &Value, i: usize) -> Result<Option<chrono::NaiveDate>, String> {
    let ds = dataset(d);
    ds.record_era(RecordRef::Conference(&ds.conferences[i]))
        .map_err(|e| e.code().to_string())
}

// ---------------------------------------------------------------------------
// Task 1: "từ A đến B" is the interval [A, B], written back as it was read.
// ---------------------------------------------------------------------------

/// `từ 20 đến 30` is [20, 30] (a reviewer saw [0, 30]): bounds, interval and
/// the text written back. A regression test: it holds.
#[test]
fn review_s13_count_range_is_from_a_to_b() {
    let r = notation::parse_reported("từ 20 đến 30").unwrap();
    assert_eq!(r.word(), Word::Range);
    assert_eq!(r.bounds(), (20, Some(30)));
    let i = r.interval();
    assert_eq!((i.low(), i.high()), (20, Some(30)));
    assert_eq!(r.range_from().map(|c| c.get()), Some(20));
    assert_eq!(notation::reported(r), "từ 20 đến 30");
    assert!(!r.admits(danvan::Count::new(19)));
    assert!(r.admits(danvan::Count::new(20)));
}

/// `từ 1,5 đến 2 tỷ đồng` is [1.5 tỷ, 2 tỷ] đồng: the lone 1,5 takes the
/// upper end's scale.
#[test]
fn review_s13_amount_range_is_from_a_to_b() {
    let (word, from, to) = notation::parse_amount("từ 1,5 đến 2 tỷ").unwrap();
    assert_eq!(word, Word::Range);
    assert_eq!(from, Some(rust_decimal::Decimal::from(1_500_000_000u64)));
    assert_eq!(to, rust_decimal::Decimal::from(2_000_000_000u64));
    let m = notation::parse_measure("từ 1,5 đến 2 tỷ đồng").unwrap();
    let i = m.interval().unwrap();
    assert_eq!(i.low().get(), rust_decimal::Decimal::from(1_500_000_000u64));
    assert_eq!(
        i.high().map(|h| h.get()),
        Some(rust_decimal::Decimal::from(2_000_000_000u64))
    );
    // A measure keeps no scale word: written in full, read back the same.
    let written = notation::measure(&m);
    assert_eq!(written, "từ 1.500.000.000 đến 2.000.000.000 đồng");
    assert_eq!(notation::parse_measure(&written).unwrap(), m);
}

/// A period `từ năm 2011 đến năm 2021` is still no value, for counts,
/// amounts and measures (DV133).
#[test]
fn review_s13_a_period_range_is_not_a_value() {
    let text = "từ năm 2011 đến năm 2021";
    assert_eq!(notation::parse_reported(text).unwrap_err().code(), "DV133");
    assert_eq!(notation::parse_amount(text).unwrap_err().code(), "DV133");
    assert_eq!(
        notation::parse_measure(&format!("{text} đồng"))
            .unwrap_err()
            .code(),
        "DV133"
    );
}

/// A range's word round-trips through the v2 wire: a count figure
/// `{"word": "range", "from": 20, "to": 30}` and an amount `từ 1,5 đến 2 tỷ
/// đồng` are checked, written back and read again unchanged; the cube holds
/// [20, 30] and [1.5 tỷ, 2 tỷ], and the report writes both with their word.
#[test]
fn review_s13_a_range_round_trips_the_v2_wire() {
    let d = json!({
        "schema": "danvan/dataset/v2",
        "title": "Synthetic: ranges",
        "period": {"start": "2025-01-01", "end": "2025-12-31"},
        "indicators": [
            {"id": "fund_raised", "kind": "flow", "value": {"amount": "đồng"},
             "wording": {"verb": "vận động", "noun": "quỹ (synthetic)"}}
        ],
        "units": [{"code": "30", "name": "Tỉnh Mẫu (synthetic)"}],
        "figures": [
            {"indicator": "documents", "unit": "30", "actor": "government",
             "value": {"word": "range", "from": 20, "to": 30}},
            {"indicator": "fund_raised", "unit": "30", "actor": "government",
             "value": {"amount": "2", "scale": "tỷ", "unit": "đồng", "word": "range", "from": "1.5"}}
        ]
    });
    let checked = check(&d).unwrap_or_else(|e| panic!("{e:?}"));
    let written = serde_json::to_value(checked.dataset()).unwrap();
    assert_eq!(
        written["figures"][0]["value"],
        json!({"word": "range", "from": 20, "to": 30})
    );
    assert_eq!(written["figures"][1]["value"]["word"], "range");
    assert_eq!(written["figures"][1]["value"]["from"], "1.5");
    let again = DatasetV2::from_json(written.to_string().as_bytes()).unwrap();
    assert_eq!(&again, checked.dataset());
    let cube = danvan::FigureCube::from_checked(&checked).unwrap();
    let count = cube.cells().iter().find_map(|c| c.value.count()).unwrap();
    assert_eq!((count.low(), count.high()), (20, Some(30)));
    let text = text_of(&d, "30");
    assert!(text.contains("từ 20 đến 30 văn bản"), "{text}");
    assert!(text.contains("từ 1,5 đến 2 tỷ đồng"), "{text}");
}

// ---------------------------------------------------------------------------
// Task 3: eras.
// ---------------------------------------------------------------------------

/// A record dated 30 June is the old ward's, one dated 1 July the
/// successor's (the old ward valid to 30 June, the new from 1 July).
#[test]
fn review_s13_boundary_30_june_old_1_july_new() {
    let mut d = doc();
    d["conferences"][0]["date"] = "2025-06-30".into();
    d["conferences"][1]["date"] = "2025-07-01".into();
    assert_eq!(conference_era(&d, 0), Ok(old_era()));
    assert_eq!(conference_era(&d, 1), Ok(None));
    let (_, cube) = cube(&d);
    let old = records(&cube, old_era());
    assert_eq!(
        old.get(&("26734".to_owned(), "conference_participants".to_owned())),
        Some(&Interval::exact(40))
    );
}

/// Eras overlapping on 1 July (the old ward valid to 1 July, the new from
/// 1 July): a record of that day is ambiguous (DV208) at its unit, never
/// put in either era; one of 2 July is the successor's.
#[test]
fn review_s13_overlapping_eras_on_the_boundary_day() {
    let mut d = doc();
    old_unit(&mut d, "26734")["valid_to"] = "2025-07-01".into();
    d["conferences"][1]["date"] = "2025-07-01".into();
    assert_eq!(conference_era(&d, 1), Err("DV208".to_owned()));
    assert!(refused(&d).contains(&pair("DV208", "conferences[1].unit")));
    d["conferences"][1]["date"] = "2025-07-02".into();
    assert_eq!(conference_era(&d, 1), Ok(None));
}

/// A day between the eras (old ward to 29 June, new from 1 July): a record
/// of 30 June is in no era (DV207) at its unit.
#[test]
fn review_s13_a_day_between_the_eras_is_in_none() {
    let mut d = doc();
    old_unit(&mut d, "26734")["valid_to"] = "2025-06-29".into();
    d["conferences"][0]["date"] = "2025-06-30".into();
    assert_eq!(conference_era(&d, 0), Err("DV207".to_owned()));
    assert!(refused(&d).contains(&pair("DV207", "conferences[0].unit")));
}

/// A figure dated across the boundary (May to August) on a code of both
/// eras is in no era (DV207); on a code of the old era only, its unit is
/// not valid for it (DV209); both at the figure's unit. The whole year on
/// the successor's code is DV207 too: no year figure across eras.
#[test]
fn review_s13_a_figure_across_the_boundary() {
    let across = Some(("2025-05-01", "2025-08-31"));
    for (unit, code) in [("26734", "DV207"), ("26740", "DV209")] {
        let mut d = doc();
        d["figures"] = json!([figure(unit, json!(3), across)]);
        assert!(refused_with(&d, code, "figures[0]"), "{unit}");
    }
    let mut d = doc();
    d["figures"] = json!([figure("26734", json!(7), None)]);
    assert!(refused_with(&d, "DV207", "figures[0]"));
}

/// One code in two other eras (26740 in the era of 2020 to 31 March, in an
/// era of 1 April to 30 June under its own district 770), beside the
/// current era: each record and figure is in the era its date falls in,
/// totalled there only; the report has one heading per era and its
/// sentence names both.
#[test]
fn review_s13_one_code_in_two_other_eras() {
    let mut d = doc();
    old_unit(&mut d, "26740")["valid_to"] = "2025-03-31".into();
    let april = "2025-04-01";
    units(&mut d).extend([
        json!({"code": "79", "era": april, "valid_to": "2025-06-30"}),
        json!({"code": "770", "name": "Quận Tạm (synthetic)", "parent": "79", "era": april, "valid_to": "2025-06-30"}),
        json!({"code": "26740", "name": "Phường Tạm (synthetic)", "parent": "770", "era": april, "valid_to": "2025-06-30"}),
    ]);
    // c-old-2 (15 April) and d-old-1 (5 May) on 26740 are now the April era's.
    d["figures"] = json!([
        figure("26740", json!(2), Some(("2025-01-01", "2025-03-31"))),
        figure("26740", json!(5), Some(("2025-04-01", "2025-06-30"))),
        figure("26737", json!(1), Some(("2025-07-01", "2025-12-31"))),
    ]);
    let april_era = chrono::NaiveDate::from_ymd_opt(2025, 4, 1);
    let ds = dataset(&d);
    assert_eq!(ds.unit_era(&ds.figures[0]).unwrap(), old_era());
    assert_eq!(ds.unit_era(&ds.figures[1]).unwrap(), april_era);
    assert_eq!(conference_era(&d, 2), Ok(april_era));
    let (checked, cube) = cube(&d);
    let april_cells = records(&cube, april_era);
    assert_eq!(
        april_cells.get(&("770".to_owned(), "conferences".to_owned())),
        Some(&Interval::exact(1))
    );
    let old = records(&cube, old_era());
    assert!(
        old.keys().all(|(u, _)| u != "26740"),
        "26740 has no old-era record left: {old:?}"
    );
    // The era of 2020 still runs to 30 June (old ward 26734); the April
    // era's units from 1 April: two headings, both named by the sentence.
    let text = text_of(&d, "79");
    let old_at = text.find("\nTrước ngày 01/07/2025\n");
    let april_at = text.find("\nTừ ngày 01/04/2025 đến ngày 30/06/2025\n");
    assert!(old_at.is_some() && april_at > old_at, "{text}");
    assert!(
        text.contains(
            "trước ngày 01/07/2025 và từ ngày 01/04/2025 đến ngày 30/06/2025 nêu dưới đây"
        ),
        "{text}"
    );
    // The April era's district states its ward's 5 documents of the second
    // quarter; the 2020 era's district only its 2 of the first quarter.
    let plan = plan(&checked, &cube, "79");
    let rows = plan.all_rows();
    let mut cells: Vec<usize> = rows.iter().map(|r| r.cell).collect();
    cells.sort_unstable();
    cells.dedup();
    assert_eq!(cells.len(), rows.len(), "a cell twice");
    let mut eras: Vec<Option<&str>> = rows.iter().map(|r| r.era.as_deref()).collect();
    eras.dedup();
    assert_eq!(eras, [None, Some("2020-01-01"), Some("2025-04-01")]);
    let (before, april) = text.split_at(april_at.unwrap());
    assert!(april.contains("Quận Tạm (synthetic)"), "{text}");
    assert!(april.contains("Trong quý II/2025"), "{text}");
    assert!(april.contains("ban hành 5 văn bản"), "{text}");
    assert!(!before.contains("Quận Tạm"), "{text}");
    assert!(before.contains("Trong quý I/2025"), "{text}");
    assert!(before.contains("ít nhất 2 văn bản"), "{text}");
}

/// One code twice in one era is refused at the units (DV168), never a
/// panic. Finding (fixed): each record and figure on the code was also
/// DV208, "listed in several eras (2020-01-01, 2020-01-01) that all cover"
/// it, naming one era twice and asking for validities that would not help;
/// the code's entries of one era are now one candidate.
#[test]
fn review_s13_one_code_twice_in_one_era() {
    let mut d = doc();
    units(&mut d).push(json!(
        {"code": "26740", "name": "Phường Trùng (synthetic)", "parent": "769", "era": "2020-01-01", "valid_to": "2025-06-30"}
    ));
    assert_eq!(refused(&d), [pair("DV168", "units")]);
}

/// An era that is not a date is refused by the reader, naming what was
/// expected; never read as no era.
#[test]
fn review_s13_an_era_that_is_not_a_date() {
    for bad in [
        json!("2025-13-01"),
        json!("soon"),
        json!(2020),
        json!("2025-7-1"),
    ] {
        let mut d = doc();
        old_unit(&mut d, "26740")["era"] = bad.clone();
        let err = DatasetV2::from_json(d.to_string().as_bytes()).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("date") || text.contains("era"),
            "{bad}: {text}"
        );
    }
}

/// Units whose `valid_to` is before their era (era 1 July, to 30 June):
/// their validity runs backwards (DV038 at the units); the records of the
/// first half on them are in no era (DV207, DV209), not counted.
#[test]
fn review_s13_an_era_after_its_units_last_day() {
    let mut d = doc();
    for code in ["79", "769", "26734", "26740"] {
        old_unit(&mut d, code)["era"] = "2025-07-01".into();
    }
    let issues = refused(&d);
    assert!(issues.contains(&pair("DV038", "units")), "{issues:?}");
    // Every record of the first half is in no era, at its unit.
    assert!(
        issues.contains(&pair("DV207", "conferences[0].unit")),
        "{issues:?}"
    );
    assert!(
        issues.contains(&pair("DV209", "documents[0].unit")),
        "{issues:?}"
    );
}

/// The era's part of the period when the old city, listed by code only,
/// has no last day (its code lives on in the current era) while every
/// named unit of the era ends on 30 June. Finding (fixed): the era ran to
/// 31 December, so the heading said "Từ ngày 01/01/2025 đến ngày
/// 31/12/2025" and the predecessors' records were keyed "năm 2025" though
/// every unit that can hold data ended on 30 June; now the era is its
/// named units' span: "Trước ngày 01/07/2025", its records "6 tháng đầu".
#[test]
fn review_s13_an_era_ends_with_its_named_units() {
    let mut d = doc();
    old_unit(&mut d, "79")
        .as_object_mut()
        .unwrap()
        .remove("valid_to");
    let ds = dataset(&d);
    let era = ds.era_period(old_era().unwrap()).unwrap();
    assert_eq!(era.end().to_string(), "2025-06-30", "{era}");
    let text = text_of(&d, "79");
    assert!(text.contains("\nTrước ngày 01/07/2025\n"), "{text}");
    assert!(text.contains("\nTrong 6 tháng đầu năm 2025\n"), "{text}");
    assert!(!text.contains("đến ngày 31/12/2025"), "{text}");
}

// ---------------------------------------------------------------------------
// Rooted datasets: a ward's dataset whose ancestors are named by code only.
// ---------------------------------------------------------------------------

/// A ward's dataset rooted at current ward 26737 (from 1 July), its city by
/// code only; in the old era the city and district 769 by code only, the
/// predecessor ward 26740 named.
fn rooted() -> Value {
    let mut d = doc();
    d["title"] = "Synthetic: a rooted ward and its predecessor".into();
    d["root"] = "26737".into();
    // Current: the city by code only, the ward from 1 July; old: the city
    // and the district by code only, the ward 26740 named.
    units(&mut d).retain(|u| u["code"] != "26734");
    new_unit(&mut d, "79")
        .as_object_mut()
        .unwrap()
        .remove("name");
    new_unit(&mut d, "26737")["valid_from"] = "2025-07-01".into();
    old_unit(&mut d, "769")
        .as_object_mut()
        .unwrap()
        .remove("name");
    for list in ["conferences", "documents"] {
        d.as_object_mut().unwrap().remove(list);
    }
    d["figures"] = json!([
        figure("26737", json!(4), Some(("2025-07-01", "2025-12-31"))),
        figure("26740", json!(2), Some(("2025-01-01", "2025-06-30"))),
    ]);
    d
}

#[test]
fn review_s13_rooted_base_is_clean() {
    let checked = check(&rooted()).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(checked.warnings().is_empty(), "{}", checked.warnings());
    let text = text_of(&rooted(), "26737");
    assert!(text.contains("\nTrước ngày 01/07/2025\n"), "{text}");
    assert!(text.contains("Phường Cũ Hai (synthetic)"), "{text}");
}

/// A figure on an ancestor of the root, current or old era, code only or
/// named: stated nowhere (DV213) at the figure's unit; a record on the
/// current ancestor is counted nowhere (DV211).
#[test]
fn review_s13_rooted_figures_on_ancestors_are_refused() {
    let h2 = Some(("2025-07-01", "2025-12-31"));
    let h1 = Some(("2025-01-01", "2025-06-30"));
    // The city's code in the first half is the old city's and the current
    // one's (no valid_from on the current city), both by code only, neither
    // named: ambiguous (DV208), refused too.
    for (unit, period, code) in [
        ("79", h2, "DV213"),
        ("79", h1, "DV208"),
        ("769", h1, "DV213"),
    ] {
        let mut d = rooted();
        d["figures"]
            .as_array_mut()
            .unwrap()
            .push(figure(unit, json!(9), period));
        assert_eq!(
            refused(&d),
            [pair(code, "figures[2].unit")],
            "{unit} {period:?}"
        );
    }
    // The current city named (as an award's giver would be): still above the root.
    let mut d = rooted();
    units(&mut d)[0]["name"] = "Thành phố Mẫu (synthetic)".into();
    d["figures"]
        .as_array_mut()
        .unwrap()
        .push(figure("79", json!(9), h2));
    assert_eq!(refused(&d), [pair("DV213", "figures[2].unit")]);
    let mut d = rooted();
    d["documents"] = json!([
        {"unit": "79", "date": "2025-09-01", "actor": "government", "kind": "leadership"}
    ]);
    assert_eq!(refused(&d), [pair("DV211", "documents[0].unit")]);
}

/// A rooted dataset whose root's code is in the old era too (26734: the
/// old ward under named old district 769): a figure on the old district,
/// above the root's code, is stated nowhere (DV213); the old ward's own
/// figure is stated after the root's text.
#[test]
fn review_s13_rooted_old_district_above_the_roots_code() {
    let mut d = rooted();
    d["root"] = "26734".into();
    let u = units(&mut d);
    u[1]["code"] = "26734".into();
    u[1]["name"] = "Phường Mới (synthetic)".into();
    u[3]["name"] = "Quận Cũ (synthetic)".into();
    u[4]["code"] = "26734".into();
    u[4]["name"] = "Phường Cũ (synthetic)".into();
    d["figures"][0]["unit"] = "26734".into();
    d["figures"][1]["unit"] = "26734".into();
    let text = text_of(&d, "26734");
    let (own, before) = text
        .split_once("\nTrước ngày 01/07/2025\n")
        .unwrap_or_else(|| panic!("{text}"));
    assert!(own.contains("4 văn bản"), "{text}");
    assert!(before.contains("Phường Cũ (synthetic)"), "{text}");
    assert!(before.contains("2 văn bản"), "{text}");
    d["figures"].as_array_mut().unwrap().push(figure(
        "769",
        json!(9),
        Some(("2025-01-01", "2025-06-30")),
    ));
    assert_eq!(refused(&d), [pair("DV213", "figures[2].unit")]);
}

// ---------------------------------------------------------------------------
// Sums that overflow: refused by check_v2 (DV100) at a figure, never a wrap.
// ---------------------------------------------------------------------------

fn two_wards(indicator: &str, a: Value, b: Value, h1: bool) -> Value {
    let mut d = doc();
    let (w1, w2, period) = if h1 {
        ("26734", "26740", ("2025-01-01", "2025-06-30"))
    } else {
        ("26734", "26737", ("2025-07-01", "2025-12-31"))
    };
    let mut f1 = figure(w1, a, Some(period));
    let mut f2 = figure(w2, b, Some(period));
    f1["indicator"] = indicator.into();
    f2["indicator"] = indicator.into();
    d["indicators"] = json!([
        {"id": "models_now", "kind": "stock", "value": "count"},
        {"id": "fund_raised", "kind": "flow", "value": {"amount": "đồng"}}
    ]);
    d["figures"] = json!([f1, f2]);
    d
}

/// A flow and a stock whose two wards' figures overflow at their city (the
/// current era) or at their old district (the old era): DV100 at a figure.
#[test]
fn review_s13_overflowing_sums_are_refused_in_each_era() {
    for (indicator, h1) in [
        ("documents", false),
        ("models_now", false),
        ("documents", true),
        ("models_now", true),
    ] {
        let d = two_wards(indicator, json!(u64::MAX), json!(1), h1);
        assert_eq!(
            refused(&d),
            [pair("DV100", "figures[1].value")],
            "{indicator} h1={h1}"
        );
    }
}

/// Two amounts whose sum passes what a decimal holds: refused by the check
/// (DV100) at the second figure's value, never a panic.
#[test]
fn review_s13_overflowing_amounts_are_refused() {
    // 4·10^25 nghìn đồng each: 8·10^28 together, above a decimal's 7.9·10^28.
    let big = json!({"amount": "40000000000000000000000000", "scale": "nghìn", "unit": "đồng"});
    let d = two_wards("fund_raised", big.clone(), big, false);
    assert_eq!(refused(&d), [pair("DV100", "figures[1].value")]);
}

/// Records whose totals overflow (two conferences of u64::MAX participants
/// in two wards of one city). Finding (fixed): `check_v2` accepted the
/// dataset — its sums left records out — and the report's cube then failed
/// (DV100; `danvan check` said ok, `danvan report` exited 2). Now the
/// check builds the one cube and refuses it: DV100 at the document's root
/// (no one record causes the city's total).
#[test]
fn review_s13_overflowing_records_totals() {
    // The current wards' conferences (1, 3), then the old wards' (0, 2):
    // another era's records totals overflow the same way.
    for (a, b) in [(1, 3), (0, 2)] {
        let mut d = doc();
        d["conferences"][a]["participants"] = json!(u64::MAX);
        d["conferences"][b]["participants"] = json!(u64::MAX);
        assert_eq!(refused(&d), [pair("DV100", "")], "{a}, {b}");
    }
}

/// The messages of the refused document's errors: English and Vietnamese.
fn messages(d: &Value) -> Vec<(String, String)> {
    let report = check_v2(dataset(d), &Catalogue::builtin()).unwrap_err();
    report
        .issues()
        .iter()
        .map(|i| (i.kind().to_string(), vi::message(i.kind())))
        .collect()
}

/// Session 14: an overflow (DV100) at a unit whose code is listed in two
/// eras names the era too — city 79 is the current city and the old city's
/// stand-in — while one at a code of one era (old district 769) reads as
/// before. Records totals (at the document's root) and figure sums alike.
#[test]
fn review_s14_overflow_names_the_era_of_a_code_of_two_eras() {
    let city = |what: &str| {
        (
            format!("total of {what} for unit \"79\" (era current) overflows"),
            format!("tổng của chỉ tiêu \"{what}\" tại đơn vị \"79\" (thời kỳ hiện hành) vượt quá giá trị lớn nhất có thể lưu"),
        )
    };
    let district = |what: &str| {
        (
            format!("total of {what} for unit \"769\" overflows"),
            format!("tổng của chỉ tiêu \"{what}\" tại đơn vị \"769\" vượt quá giá trị lớn nhất có thể lưu"),
        )
    };
    // Records: the current wards' conferences (1, 3) overflow at the city,
    // the old wards' (0, 2) at the old district.
    for (a, b, want) in [
        (1, 3, city("conference_participants")),
        (0, 2, district("conference_participants")),
    ] {
        let mut d = doc();
        d["conferences"][a]["participants"] = json!(u64::MAX);
        d["conferences"][b]["participants"] = json!(u64::MAX);
        assert_eq!(messages(&d), [want], "{a}, {b}");
    }
    // Figures: the current wards' at the city, the old wards' at the district.
    for (h1, want) in [(false, city("documents")), (true, district("documents"))] {
        let d = two_wards("documents", json!(u64::MAX), json!(1), h1);
        assert_eq!(messages(&d), [want], "h1={h1}");
    }
    // The city's code in one era only (the old era's units, records and
    // figures gone): the message as before.
    let mut d = doc();
    units(&mut d).retain(|u| u["era"].is_null());
    for list in ["conferences", "documents", "figures"] {
        let kept: Vec<Value> = d[list]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| !r["id"].as_str().unwrap().contains("old"))
            .cloned()
            .collect();
        d[list] = Value::Array(kept);
    }
    assert!(check(&d).is_ok());
    d["conferences"][0]["participants"] = json!(u64::MAX);
    d["conferences"][1]["participants"] = json!(u64::MAX);
    let (en, vi) = city("conference_participants");
    let once = (
        en.replace(" (era current)", ""),
        vi.replace(" (thời kỳ hiện hành)", ""),
    );
    assert_eq!(messages(&d), [once]);
}

// ---------------------------------------------------------------------------
// Rows: all_rows, the era column, CSV with commas and quotes in names.
// ---------------------------------------------------------------------------

/// Every cell once in `all_rows`: the current era's first (era empty), then
/// the old era's (era 2020-01-01); JSON writes `null` for the current era.
#[test]
fn review_s13_all_rows_each_cell_once_with_its_era() {
    let (checked, cube) = cube(&doc());
    let plan = plan(&checked, &cube, "79");
    let all = plan.all_rows();
    let current = plan.rows();
    assert_eq!(all.len(), current.len() + plan.era_rows().len());
    let mut cells: Vec<usize> = all.iter().map(|r| r.cell).collect();
    cells.sort_unstable();
    cells.dedup();
    assert_eq!(cells.len(), all.len(), "a cell twice");
    let (first, rest) = all.split_at(current.len());
    assert!(first.iter().all(|r| r.era.is_none()));
    assert!(!rest.is_empty());
    assert!(rest.iter().all(|r| r.era.as_deref() == Some("2020-01-01")));
    for r in &all {
        let cell = cube.cell(danvan::CellId(r.cell)).unwrap();
        assert_eq!(r.era, cell.key.era.map(|e| e.to_string()), "row {}", r.cell);
    }
    let json: Value = serde_json::to_value(&first[0]).unwrap();
    assert!(json["era"].is_null(), "{json}");
}

/// Unit names with a comma, quotes and a line break survive the CSV of
/// every era's rows: read back, each row has 19 fields and the names as given.
#[cfg(feature = "csv")]
#[test]
fn review_s13_csv_rows_with_commas_and_quotes_in_names() {
    let odd_new = "Phường \"Khác\", số 2 (synthetic)";
    let odd_old = "Phường Cũ, \"Hai\"\nmới (synthetic)";
    let mut d = doc();
    new_unit(&mut d, "26737")["name"] = odd_new.into();
    old_unit(&mut d, "26740")["name"] = odd_old.into();
    let (checked, cube) = cube(&d);
    let plan = plan(&checked, &cube, "79");
    let rows = plan.all_rows();
    let mut bytes = Vec::new();
    danvan::render::write_rows_csv(&rows, &mut bytes).unwrap();
    let mut reader = csv::Reader::from_reader(&bytes[..]);
    let header = reader.headers().unwrap().clone();
    assert!(header.iter().eq(danvan::render::DisplayRow::COLUMNS));
    let back: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(back.len(), rows.len());
    for (record, row) in back.iter().zip(&rows) {
        assert_eq!(record.len(), 19);
        assert_eq!(&record[2], row.unit_name.as_str());
        assert_eq!(&record[18], row.era.as_deref().unwrap_or(""));
    }
    // The reader keeps the name's comma and quotes.
    let stored = |code: &str| -> Vec<String> {
        checked
            .dataset()
            .units
            .iter()
            .filter(|u| u.code.to_string() == code)
            .filter_map(|u| u.name.clone())
            .collect()
    };
    assert_eq!(stored("26737"), [odd_new]);
    assert!(back.iter().any(|r| &r[2] == odd_new), "{back:?}");
    // The row writes a name on one line: its line break as a space.
    let one_line = odd_old.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        back.iter()
            .any(|r| r[2] == one_line && &r[18] == "2020-01-01"),
        "{back:?}"
    );
}

// ---------------------------------------------------------------------------
// The sentence that the eras are not added.
// ---------------------------------------------------------------------------

/// A unit whose current era has no figure of its own but whose predecessor
/// has (old ward 26740 under the city's report: the city has data; here the
/// report of the old district's code is asked for a current unit without
/// data): no sentence about figures "above" when there are none above.
#[test]
fn review_s13_no_sentence_without_current_text() {
    let mut d = doc();
    for list in ["conferences", "documents", "figures"] {
        d[list]
            .as_array_mut()
            .unwrap()
            .retain(|r| r["id"].as_str().unwrap_or("").contains("old"));
    }
    let text = text_of(&d, "79");
    assert!(text.contains("\nTrước ngày 01/07/2025\n"), "{text}");
    assert!(!text.contains("Số liệu trên là"), "{text}");
}

/// The v1 totals of a figure stated `từ 20 đến 30` (read from notation or a
/// CSV cell): a province's own [20, 30]; a commune's [20, 30], carried up
/// to its province (whose other communes did not report) as at least 20.
/// Finding (fixed, src/record/contribution.rs): the totals read a value by
/// its coarse qualifier (a range's is "at most"), so the province's own
/// figure was [0, 30] and the commune's carried up [0, ∞) — the lower end
/// lost: the "[0, 30]" the reviewer saw. `parse_reported` itself was right.
#[test]
fn review_s13_v1_totals_keep_a_ranges_lower_end() {
    use super::rekey_nested::old_h;
    use super::review_s11::text;
    use danvan::{Accumulator, Actor, Builtin, Period};
    let at = |stated: &str, unit: &str| {
        let mut acc = Accumulator::new(&old_h(), Period::year(2024).unwrap(), &[]);
        acc.add(&text(stated, "từ 20 đến 30")).unwrap();
        let t = acc.finish().unwrap();
        t.reported(
            &unit.parse().unwrap(),
            Builtin::Documents,
            Actor::MobilizationSector,
        )
        .map(|i| (i.low(), i.high()))
    };
    assert_eq!(at("10", "10"), Some((20, Some(30))));
    assert_eq!(at("10101", "10101"), Some((20, Some(30))));
    assert_eq!(at("10101", "10"), Some((20, None)));
}

/// The cube `check_v2` keeps is the one a fresh build gives: passing it to
/// the report (task 2) changes no cell.
#[test]
fn review_s13_the_checked_cube_is_a_fresh_build() {
    for d in [doc(), rooted()] {
        let checked = check(&d).unwrap_or_else(|e| panic!("{e:?}"));
        let fresh =
            danvan::FigureCube::build(checked.dataset(), checked.catalogue(), checked.hierarchy())
                .unwrap();
        assert_eq!(checked.cube().cells(), fresh.cells());
        assert!(!fresh.cells().is_empty());
        let copied = danvan::FigureCube::from_checked(&checked).unwrap();
        assert_eq!(copied.cells(), fresh.cells());
    }
}

// ---------------------------------------------------------------------------
// More eras: the city beside its stand-in, reports of old units, sums.
// ---------------------------------------------------------------------------

/// Finding of session 13, fixed in session 14 (the lead's decision). Input:
/// the fixture's city 79 (current era, no validity bounds) states its own
/// figure for the first half of 2025 (`documents` 3, 1 January – 30 June).
/// The old era lists code 79 by code only (to 30 June) as the parent of old
/// district 769, and both entries cover the half. It was DV208; now the
/// figure is the current city's: a unit by code only stands in for an
/// ancestor and is never stated (DV213), so the old entry cannot be the
/// figure's unit — a deduction, not a guess.
#[test]
fn review_s13_a_citys_first_half_figure_beside_its_stand_in() {
    let mut d = doc();
    d["figures"].as_array_mut().unwrap().push(figure(
        "79",
        json!(3),
        Some(("2025-01-01", "2025-06-30")),
    ));
    let checked = check(&d).unwrap_or_else(|e| panic!("{e:?}"));
    let ds = checked.dataset();
    assert_eq!(ds.unit_era(&ds.figures[4]).unwrap(), None);
}

/// What must still be refused, never a silent choice: the old city named
/// too (two named entries of code 79, both covering the first half), the
/// city's first-half figure is DV208 at the figure's unit, naming both eras.
#[test]
fn review_s13_a_citys_first_half_figure_is_refused_not_guessed() {
    let mut d = doc();
    old_unit(&mut d, "79")["name"] = json!("Thành phố Cũ (synthetic)");
    d["figures"].as_array_mut().unwrap().push(figure(
        "79",
        json!(3),
        Some(("2025-01-01", "2025-06-30")),
    ));
    assert_eq!(refused(&d), [pair("DV208", "figures[4].unit")]);
    let ds = dataset(&d);
    let err = ds.unit_era(&ds.figures[4]).unwrap_err();
    assert!(err.to_string().contains("(current, 2020-01-01)"), "{err}");
}

/// The report of a unit of another era only (old district 769) is refused
/// with an error, never a panic nor an empty report.
#[test]
fn review_s13_the_report_of_an_old_unit_is_refused() {
    let (checked, cube) = cube(&doc());
    let plan = plan_report(
        &cube,
        checked.catalogue(),
        &"769".parse().unwrap(),
        &Default::default(),
    );
    match plan {
        Err(e) => assert_eq!(e.code(), "DV200", "{e}"),
        Ok(_) => panic!("a report of old district 769"),
    }
}

/// A record on a unit of another era listed by code only (old district 769
/// of the rooted ward's dataset): counted nowhere, DV211 at its unit.
#[test]
fn review_s13_a_record_on_an_old_code_only_unit() {
    let mut d = rooted();
    d["documents"] = json!([
        {"unit": "769", "date": "2025-03-01", "actor": "government", "kind": "leadership"}
    ]);
    assert_eq!(refused(&d), [pair("DV211", "documents[0].unit")]);
}

/// Sub-unit sums stay in their era: the old district's own first-half 4
/// below its wards' 3 + 2 is warned (DV183) at it, as the current city's
/// second-half 3 below its wards' 4 + 1; the district's 5 and the city's 5
/// are not, neither compared with the other era's wards.
#[test]
fn review_s13_sub_unit_sums_stay_within_their_era() {
    let h1 = Some(("2025-01-01", "2025-06-30"));
    let h2 = Some(("2025-07-01", "2025-12-31"));
    let warned = |extra: Vec<Value>| -> Vec<(String, String)> {
        let mut d = doc();
        d["figures"].as_array_mut().unwrap().extend(extra);
        let checked = check(&d).unwrap_or_else(|e| panic!("{e:?}"));
        checked
            .warnings()
            .issues()
            .iter()
            .map(|i| {
                let path = i.path().map(|p| p.to_string()).unwrap_or_default();
                (i.code().to_string(), path)
            })
            .collect()
    };
    assert_eq!(
        warned(vec![figure("769", json!(4), h1)]),
        [pair("DV183", "figures[4]")]
    );
    assert_eq!(
        warned(vec![figure("79", json!(3), h2)]),
        [pair("DV183", "figures[4]")]
    );
    assert_eq!(
        warned(vec![
            figure("769", json!(5), h1),
            figure("79", json!(5), h2)
        ]),
        []
    );
}

/// A figure of "5 năm" ending 2025 (no dates) on the successor's code of
/// two eras: in no era (DV207), not guessed.
#[test]
fn review_s13_a_years_figure_on_a_code_of_two_eras() {
    let mut d = doc();
    let mut f = figure("26734", json!(9), None);
    f["period"] = json!({"years": 5, "ending": 2025});
    d["figures"] = json!([f]);
    assert!(refused_with(&d, "DV207", "figures[0]"));
}

/// The eras are not added, so figures near u64::MAX in each era on one
/// code do not overflow: the predecessor's and the successor's 26734.
#[test]
fn review_s13_no_overflow_across_eras() {
    let mut d = doc();
    d["figures"] = json!([
        figure("26734", json!(u64::MAX), Some(("2025-01-01", "2025-06-30"))),
        figure("26734", json!(u64::MAX), Some(("2025-07-01", "2025-12-31"))),
    ]);
    let checked = check(&d).unwrap_or_else(|e| panic!("{e:?}"));
    let max = checked
        .cube()
        .cells()
        .iter()
        .filter(|c| c.key.indicator.as_str() == "documents")
        .filter_map(|c| c.value.count())
        .filter(|i| i.low() == u64::MAX)
        .count();
    assert!(max >= 2, "{:?}", checked.cube().cells());
}

/// A breakdown whose parts overflow: an error at the figure, never a wrap.
#[test]
fn review_s13_parts_that_overflow() {
    let mut d = doc();
    let mut f = figure("26737", json!(u64::MAX), Some(("2025-07-01", "2025-12-31")));
    f["parts"] = json!({"complete": true, "items": [{"value": u64::MAX}, {"value": 1}]});
    d["figures"] = json!([f]);
    assert!(refused_with(&d, "", "figures[0]"));
}

/// The report of a current unit without predecessors of its code (26737):
/// no other era's heading and no sentence about them.
#[test]
fn review_s13_no_era_section_without_predecessors() {
    let text = text_of(&doc(), "26737");
    assert!(!text.contains("Trước ngày"), "{text}");
    assert!(!text.contains("Số liệu trên là"), "{text}");
    assert!(text.contains("Phường Khác (synthetic)"), "{text}");
}

/// One record id in two eras' lists: DV074 at the second, not two records
/// kept apart by era.
#[test]
fn review_s13_one_record_id_in_two_eras() {
    let mut d = doc();
    d["conferences"][1]["id"] = "c-old-1".into();
    assert!(refused_with(&d, "DV074", "conferences[1]"));
}

/// In the rooted ward's dataset whose root's code is in the old era too: a
/// record on the named old district above the root's code is counted
/// nowhere (DV211); the root's rows carry its predecessor's cells with
/// their era, after its own.
#[test]
fn review_s13_rooted_old_district_records_and_rows() {
    let mut d = rooted();
    d["root"] = "26734".into();
    let u = units(&mut d);
    u[1]["code"] = "26734".into();
    u[3]["name"] = "Quận Cũ (synthetic)".into();
    u[4]["code"] = "26734".into();
    d["figures"][0]["unit"] = "26734".into();
    d["figures"][1]["unit"] = "26734".into();
    let (checked, cube) = cube(&d);
    let plan = plan(&checked, &cube, "26734");
    let rows = plan.all_rows();
    let eras: Vec<(String, Option<String>)> = rows
        .iter()
        .map(|r| (r.value.clone(), r.era.clone()))
        .collect();
    assert_eq!(
        eras,
        [
            ("4 văn bản".to_owned(), None),
            ("2 văn bản".to_owned(), Some("2020-01-01".to_owned()))
        ]
    );
    d["documents"] = json!([
        {"unit": "769", "date": "2025-03-01", "actor": "government", "kind": "leadership"}
    ]);
    assert_eq!(refused(&d), [pair("DV211", "documents[0].unit")]);
}

/// A record on a successor listed in the current era only (26737 from
/// 1 July here), dated before its first day: refused by the v1 rule
/// (DV064) at its unit, never counted in its year.
#[test]
fn review_s13_a_record_before_a_successors_first_day() {
    let mut d = doc();
    new_unit(&mut d, "26737")["valid_from"] = "2025-07-01".into();
    d["documents"][1]["date"] = "2025-03-01".into();
    assert!(refused_with(&d, "DV064", "documents[1]"));
}

/// The rooted ward's predecessor without any data: no heading of its era
/// and no sentence about other eras, only the ward's own text.
#[test]
fn review_s13_a_predecessor_without_data_is_not_stated() {
    let mut d = rooted();
    d["figures"].as_array_mut().unwrap().truncate(1);
    let text = text_of(&d, "26737");
    assert!(text.contains("4 văn bản"), "{text}");
    assert!(!text.contains("Trước ngày"), "{text}");
    assert!(!text.contains("Phường Cũ Hai"), "{text}");
    assert!(!text.contains("Số liệu trên là"), "{text}");
}

/// Two provinces without a root (city 79 and a province 80 of the same
/// dataset), each with a predecessor in the old era: 80's old commune 27010
/// under its code-only old province 80. Finding (fixed,
/// src/render/report_v2.rs): a top unit's report took every named unit of
/// the era as its predecessors ("the dataset's own report"), so city 79's
/// report stated province 80's old commune under its "Trước ngày
/// 01/07/2025" heading; the data ties 27010 to 80 only (its old parent's
/// code). Now only the only top unit of a dataset without root reports
/// every named unit of the era; otherwise by code.
#[test]
fn review_s13_two_provinces_keep_their_own_predecessors() {
    let mut d = doc();
    units(&mut d).extend([
        json!({"code": "80", "name": "Tỉnh Khác (synthetic)"}),
        json!({"code": "27000", "name": "Xã Mới Khác (synthetic)", "parent": "80"}),
        json!({"code": "80", "era": "2020-01-01", "valid_to": "2025-06-30"}),
        json!({"code": "27010", "name": "Xã Cũ Khác (synthetic)", "parent": "80", "era": "2020-01-01", "valid_to": "2025-06-30"}),
    ]);
    d["figures"].as_array_mut().unwrap().extend([
        figure("27010", json!(7), Some(("2025-01-01", "2025-06-30"))),
        figure("27000", json!(8), Some(("2025-07-01", "2025-12-31"))),
    ]);
    let city = text_of(&d, "79");
    assert!(!city.contains("Xã Cũ Khác"), "{city}");
    assert!(city.contains("Quận Cũ (synthetic)"), "{city}");
    let other = text_of(&d, "80");
    assert!(other.contains("Xã Cũ Khác (synthetic)"), "{other}");
    assert!(other.contains("7 văn bản"), "{other}");
    assert!(!other.contains("Quận Cũ"), "{other}");
}

/// Undated bodies (blocks) on the rooted ward's ancestors: on the city by
/// code only (listed in both eras: the current one by the period's end),
/// and on the old district listed once (by code only, in the old era):
/// each counted nowhere, DV211 at its unit, never put in the root's totals.
#[test]
fn review_s13_rooted_undated_bodies_on_ancestors() {
    for (unit, blocks) in [
        ("79", json!([{"unit": "79"}])),
        ("769", json!([{"unit": "769"}])),
    ] {
        let mut d = rooted();
        d["blocks"] = blocks;
        // A block belongs to a commune: at a city or district also DV065.
        assert_eq!(
            refused(&d),
            [
                pair("DV065", "blocks[0].unit"),
                pair("DV211", "blocks[0].unit")
            ],
            "{unit}"
        );
    }
}

/// Two other eras with the same part of the period (the era of 2020 and
/// one of 2023, both to 30 June: old ward 26740 moved to a district 770 of
/// 2023). Finding (fixed, src/render/vi/report.rs): the sentence said
/// "trước ngày 01/07/2025 và trước ngày 01/07/2025" and the text had two
/// identical headings "Trước ngày 01/07/2025"; now the part is named once
/// and both eras' districts stand under one heading.
#[test]
fn review_s13_two_eras_of_one_span_are_named_once() {
    let mut d = doc();
    let era = "2023-01-01";
    units(&mut d).retain(|u| !(u["era"].is_string() && u["code"] == "26740"));
    units(&mut d).extend([
        json!({"code": "79", "era": era, "valid_to": "2025-06-30"}),
        json!({"code": "770", "name": "Quận Tạm (synthetic)", "parent": "79", "era": era, "valid_to": "2025-06-30"}),
        json!({"code": "26740", "name": "Phường Tạm (synthetic)", "parent": "770", "era": era, "valid_to": "2025-06-30"}),
    ]);
    let text = text_of(&d, "79");
    assert!(text.contains("Quận Tạm (synthetic)"), "{text}");
    assert!(text.contains("Quận Cũ (synthetic)"), "{text}");
    assert!(
        text.contains(
            "số liệu của các đơn vị trước ngày 01/07/2025 nêu dưới đây không cộng vào số liệu trên."
        ),
        "{text}"
    );
    assert_eq!(text.matches("Trước ngày 01/07/2025").count(), 1, "{text}");
    let (_, below) = text.split_once("\nTrước ngày 01/07/2025\n").unwrap();
    let old = below.find("Quận Cũ (synthetic)").unwrap();
    let other = below.find("Quận Tạm (synthetic)").unwrap();
    assert!(old < other, "the era of 2020 first: {text}");
}

/// A range read from a CSV cell of figures is written back with its word
/// and totalled as [20, 30] (the v1 path of the finding above).
#[cfg(feature = "csv")]
#[test]
fn review_s13_a_csv_range_round_trips_and_totals() {
    let text =
        "unit,period,actor,indicator,value\n10,,mobilization_sector,documents,từ 20 đến 30\n";
    let figures = danvan::read_figures_csv(text.as_bytes()).unwrap();
    assert_eq!(figures[0].value.map(|v| v.bounds()), Some((20, Some(30))));
    let mut out = Vec::new();
    danvan::write_figures_csv(&figures, &mut out).unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), text);
    let mut acc = danvan::Accumulator::new(
        &super::rekey_nested::old_h(),
        danvan::Period::year(2024).unwrap(),
        &[],
    );
    acc.add(&figures[0]).unwrap();
    let t = acc.finish().unwrap();
    let i = t
        .value(
            &"10".parse().unwrap(),
            danvan::Builtin::Documents,
            danvan::Actor::MobilizationSector,
        )
        .unwrap();
    assert_eq!((i.low(), i.high()), (20, Some(30)));
}
