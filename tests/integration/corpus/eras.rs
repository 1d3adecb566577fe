//! Units keyed by era and code (issue 15 item 9): a predecessor ward's
//! figures for the first half of 2025 beside its successor's, one code
//! across 1 July 2025 — the synthetic fixture `tests/fixtures/v2-eras.json`.

use chrono::NaiveDate;
use danvan::{check_v2, Catalogue, DatasetV2, FigureCube, Severity};

use super::{figure, figure_mut, from_value};

const FIXTURE: &str = "tests/fixtures/v2-eras.json";
const E: Severity = Severity::Error;
const W: Severity = Severity::Warning;

fn doc() -> serde_json::Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{FIXTURE}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{FIXTURE}: {e}"))
}

fn issues(doc: &serde_json::Value) -> Vec<(Severity, String, String)> {
    crate::checks_v2::issues(from_value(doc).unwrap_or_else(|e| panic!("{e}")))
}

fn one(s: Severity, code: &str, path: &str) -> Vec<(Severity, String, String)> {
    vec![(s, code.to_owned(), path.to_owned())]
}

fn old_era() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2020, 1, 1)
}

/// The position of the figure with this id.
fn at(doc: &serde_json::Value, id: &str) -> usize {
    doc["figures"]
        .as_array()
        .and_then(|a| a.iter().position(|f| f["id"] == id))
        .unwrap_or_else(|| panic!("no figure {id}"))
}

fn h1() -> serde_json::Value {
    serde_json::json!({"start": "2025-01-01", "end": "2025-06-30"})
}

#[test]
fn the_fixture_is_clean_and_every_rule_runs_within_its_era() {
    // Each era's sums, ratios and actor sets hold; nothing is a repeat.
    assert_eq!(issues(&doc()), vec![]);
}

/// (a) One code in two eras: the unit whose validity covers the period.
#[test]
fn a_code_in_two_eras_resolves_by_the_figures_period() {
    let d = from_value(&doc()).unwrap();
    assert_eq!(d.unit_era(figure(&d, "old_a")).unwrap(), old_era());
    assert_eq!(d.unit_era(figure(&d, "new_a")).unwrap(), None);
    assert_eq!(d.unit_era(figure(&d, "old_b")).unwrap(), old_era());
    // (d) The key keeps the two apart, though code, indicator, actor and value are one.
    let (old, new) = (d.key_of(figure(&d, "old_a")), d.key_of(figure(&d, "new_a")));
    assert_eq!((old.era, new.era), (old_era(), None));
    assert_eq!(old.unit, new.unit);
    assert_ne!(old, new);
}

/// (a) Neither era covers the period, or the period is not known: DV207 naming unit, eras, period.
#[test]
fn no_era_covering_the_period_is_an_error_naming_unit_eras_and_period() {
    let mut d = doc();
    figure_mut(&mut d, "new_a")["period"] =
        serde_json::json!({"start": "2025-01-01", "end": "2025-12-31"});
    let i = at(&d, "new_a");
    assert_eq!(issues(&d), one(E, "DV207", &format!("figures[{i}].unit")));
    let ds = from_value(&d).unwrap();
    let err = ds.unit_era(figure(&ds, "new_a")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "unit \"26734\" is listed in the eras current, 2020-01-01 and none of them covers the figure's period 2025"
    );
    let mut u = doc();
    figure_mut(&mut u, "new_a")["period"] = "unknown".into();
    let got = issues(&u);
    assert!(
        got.contains(&(E, "DV207".to_owned(), format!("figures[{i}].unit"))),
        "{got:?}"
    );
    assert!(
        got.contains(&(W, "DV178".to_owned(), format!("figures[{i}].period"))),
        "{got:?}"
    );
    assert_eq!(got.len(), 2, "{got:?}");
}

/// (a) Two named eras both covering the period: DV208.
#[test]
fn two_eras_covering_the_period_is_ambiguous() {
    // The city is named in both eras (the fixture's old city, by code only,
    // given a name); the old one's validity ends 30 June, the current one
    // has none: the first half of 2025 is in both.
    let mut d = doc();
    d["units"][3]["name"] = "Thành phố Cũ (synthetic)".into();
    figure_mut(&mut d, "new_city")["period"] = h1();
    figure_mut(&mut d, "new_done")["period"] = h1();
    let (c, r) = (at(&d, "new_city"), at(&d, "new_done"));
    assert_eq!(
        issues(&d),
        vec![
            (E, "DV208".to_owned(), format!("figures[{c}].unit")),
            (E, "DV208".to_owned(), format!("figures[{r}].unit")),
        ]
    );
}

/// (a) Two eras covering the period, one of them by code only (the
/// fixture's old city, the old district's parent): the figure is the named
/// unit's, since a unit by code only never holds a figure (DV213).
#[test]
fn a_code_only_stand_in_leaves_the_period_to_the_named_unit() {
    let mut d = doc();
    assert!(d["units"][3]["name"].is_null() && d["units"][3]["code"] == "79");
    figure_mut(&mut d, "new_city")["period"] = h1();
    let ds = from_value(&d).unwrap();
    assert_eq!(ds.unit_era(figure(&ds, "new_city")).unwrap(), None);
    // No DV208. The city's first-half 4 documents lie below its old
    // district's 5 of the same half (the stand-in stands for the city, so
    // the city holds the district): the sub-unit warning, nothing else.
    let c = at(&d, "new_city");
    assert_eq!(
        issues(&d),
        vec![(W, "DV183".to_owned(), format!("figures[{c}]"))]
    );
}

/// (b) A figure on a unit outside its validity: DV209.
#[test]
fn a_figure_outside_its_units_validity_is_an_error() {
    let mut d = doc();
    figure_mut(&mut d, "old_b")["period"] =
        serde_json::json!({"start": "2025-07-01", "end": "2025-12-31"});
    let i = at(&d, "old_b");
    let got = issues(&d);
    assert!(
        got.contains(&(E, "DV209".to_owned(), format!("figures[{i}].unit"))),
        "{got:?}"
    );
    // The figure takes part in no rule: the district's sum is left with one ward of two.
    assert!(
        got.iter().all(|x| x.1 == "DV209" || x.1 == "DV184"),
        "{got:?}"
    );
    // A current unit with a validity too: the successor before 1 July.
    let mut s = doc();
    s["units"][2]["valid_to"] = "2025-06-30".into();
    let (b, r) = (at(&s, "new_b"), at(&s, "new_done"));
    // ... and the city's ratio of wards now counts one ward valid at the year's end.
    assert_eq!(
        issues(&s),
        vec![
            (E, "DV209".to_owned(), format!("figures[{b}].unit")),
            (E, "DV190".to_owned(), format!("figures[{r}].value.den")),
        ]
    );
}

/// (c) Sub-unit sums within each era: the old district from the old wards,
/// the city from the current wards only.
#[test]
fn sub_unit_sums_run_within_each_era() {
    let mut d = doc();
    figure_mut(&mut d, "old_district")["value"] = 6.into();
    let i = at(&d, "old_district");
    let got = issues(&d);
    assert!(
        got.contains(&(W, "DV183".to_owned(), format!("figures[{i}]"))),
        "{got:?}"
    );
    // The city's 4 is its two current wards' 3 + 1: the predecessor's 3
    // (same code, other era) is never added to it.
    let mut c = doc();
    figure_mut(&mut c, "new_city")["value"] = 7.into();
    let k = at(&c, "new_city");
    assert_eq!(issues(&c), one(W, "DV183", &format!("figures[{k}]")));
}

/// (c) A ratio of units counts the sub-units of the figure's own era.
#[test]
fn ratio_of_units_counts_the_units_of_its_era() {
    let mut d = doc();
    figure_mut(&mut d, "old_done")["value"] = serde_json::json!({"num": 2, "den": 3});
    let i = at(&d, "old_done");
    assert_eq!(
        issues(&d),
        one(E, "DV190", &format!("figures[{i}].value.den"))
    );
    let mut c = doc();
    figure_mut(&mut c, "new_done")["value"] = serde_json::json!({"num": 3, "den": 4});
    let k = at(&c, "new_done");
    assert_eq!(
        issues(&c),
        one(E, "DV190", &format!("figures[{k}].value.den"))
    );
}

/// (c) Actor sets and repeated figures within an era; across eras never a repeat.
#[test]
fn actor_sets_and_repeats_run_within_each_era() {
    let mut d = doc();
    figure_mut(&mut d, "old_set")["value"] = 2.into();
    let i = at(&d, "old_a");
    assert_eq!(issues(&d), one(E, "DV182", &format!("figures[{i}]")));
    // The predecessor's figure stated again in its half-year: one figure, noted.
    let mut r = doc();
    let mut again = figure_mut(&mut r, "old_a").clone();
    again["id"] = "old_a_again".into();
    r["figures"].as_array_mut().unwrap().push(again);
    let n = r["figures"].as_array().unwrap().len() - 1;
    assert_eq!(issues(&r), one(W, "DV188", &format!("figures[{n}]")));
}

/// (c) Another era's units need their parents in their own era.
#[test]
fn another_eras_parent_is_in_the_same_era() {
    let mut d = doc();
    d["units"].as_array_mut().unwrap().remove(3); // the old era's city
    let got = issues(&d);
    assert!(
        got.contains(&(E, "DV032".to_owned(), "units".to_owned())),
        "{got:?}"
    );
}

/// (d) The cube keeps the eras apart: the predecessor's cells stay its own,
/// never in the current city's sum.
#[test]
fn the_cube_keeps_the_eras_apart() {
    let d = from_value(&doc()).unwrap();
    let checked = check_v2(d, &Catalogue::builtin()).unwrap();
    let cube = FigureCube::from_checked(&checked).unwrap();
    let old: Vec<_> = cube
        .cells()
        .iter()
        .filter(|c| c.key.era == old_era())
        .collect();
    // The five stated figures of the old era, and the sums within its own
    // hierarchy: the actor set's 4 goes up from the ward to the old district,
    // "at least" (the other old ward did not state it). Nothing is summed
    // into the old city, listed by code only: it stands in for a city whose
    // other districts the dataset does not list.
    let stated = old
        .iter()
        .filter(|c| matches!(c.origin, danvan::Origin::Stated { .. }))
        .count();
    assert_eq!(stated, 5);
    let sums: Vec<(String, usize, Option<danvan::Interval<u64>>)> = old
        .iter()
        .filter(|c| matches!(c.origin, danvan::Origin::SubUnits { .. }))
        .map(|c| (c.key.unit.to_string(), c.key.actor.len(), c.value.count()))
        .collect();
    assert_eq!(
        sums,
        vec![("769".to_owned(), 2, Some(danvan::Interval::at_least(4)))]
    );
    assert_eq!(old.len(), 6);
    // The current city's cells of documents: all of the current era and of
    // the second half; the old city's (the same code) are the old era's only.
    let city = |era: Option<NaiveDate>| -> Vec<_> {
        cube.cells()
            .iter()
            .filter(|c| c.key.unit.to_string() == "79" && c.key.indicator.as_str() == "documents")
            .filter(|c| c.key.era == era)
            .map(|c| (c.key.period, c.value.clone()))
            .collect()
    };
    let h1: danvan::FigurePeriod = serde_json::from_value(h1()).unwrap();
    let current = city(None);
    // Its own stated 4 (its wards' 3 + 1 agree; no sum cell beside it).
    assert_eq!(current.len(), 1, "{current:?}");
    assert!(current.iter().all(|(p, _)| *p != h1), "{current:?}");
    assert!(city(old_era()).is_empty());
    // Without the era in the key and in the roll-up, the old ward 26734
    // (the successor's code) would sit under the city: its cell is the old era's.
    assert!(old
        .iter()
        .any(|c| c.key.unit.to_string() == "26734" && c.key.period == h1));
    let _: &DatasetV2 = checked.dataset();
}

/// Records (the v1 arrays) on another era's unit resolve by their date
/// through the figures' rule: a record dated in the predecessor's validity
/// is the predecessor's, checked by the v1 rules against its era's units;
/// one in no era is an error naming the record, never moved to the current era.
#[test]
fn a_record_on_another_eras_unit_resolves_by_its_date() {
    let mut d = doc();
    d["documents"] = serde_json::json!([
        {"unit": "26737", "date": "2025-08-01", "actor": "government", "kind": "leadership"},
        {"unit": "26740", "date": "2025-03-01", "actor": "government", "kind": "leadership"}
    ]);
    assert_eq!(issues(&d), vec![]);
    let ds = from_value(&d).unwrap();
    let era = |i: usize| ds.record_era(danvan::RecordRef::Document(&ds.documents[i]));
    assert_eq!((era(0).unwrap(), era(1).unwrap()), (None, old_era()));
    // The v1 rules run on the era's records, at their v2 paths: the second
    // clearance (the old era's first) breaks one.
    let mut c = doc();
    c["clearances"] = serde_json::json!([
        {"unit": "26737", "date": "2025-08-01", "actor": "government", "project": "synthetic",
         "households_affected": 5, "households_consenting": 5},
        {"unit": "26740", "date": "2025-03-01", "actor": "government", "project": "synthetic",
         "households_affected": 5, "households_consenting": 6}
    ]);
    assert_eq!(
        issues(&c),
        one(E, "DV069", "clearances[1].households_consenting")
    );
    // And the current era's records keep their v2 places too: here the
    // broken clearance is the current era's first, after an old one.
    let list = c["clearances"].as_array_mut().unwrap();
    list.swap(0, 1);
    list[0]["households_consenting"] = 5.into();
    list[1]["households_consenting"] = 6.into();
    assert_eq!(
        issues(&c),
        one(E, "DV069", "clearances[1].households_consenting")
    );
    // Ids used twice within the current era, after an old record: the
    // first use's v2 place.
    let mut i = doc();
    i["documents"] = serde_json::json!([
        {"unit": "26740", "date": "2025-03-01", "actor": "government", "kind": "leadership"},
        {"id": "x", "unit": "26737", "date": "2025-08-01", "actor": "government", "kind": "leadership"},
        {"id": "x", "unit": "26737", "date": "2025-08-02", "actor": "government", "kind": "leadership"}
    ]);
    let report = check_v2(from_value(&i).unwrap(), &Catalogue::builtin()).unwrap_err();
    assert_eq!(report.issues().len(), 1, "{report}");
    assert_eq!(
        report.issues()[0].path().map(|p| p.to_string()).as_deref(),
        Some("documents[2].id")
    );
    assert!(
        matches!(
            report.issues()[0].kind(),
            danvan::ErrorKind::DuplicateId { first: 1, .. }
        ),
        "{report}"
    );
    // After the predecessor's last day: in no era (its one unit), DV209.
    let mut n = doc();
    n["documents"] = serde_json::json!([
        {"unit": "26740", "date": "2025-09-01", "actor": "government", "kind": "leadership"}
    ]);
    assert_eq!(issues(&n), one(E, "DV209", "documents[0].unit"));
    let ds = from_value(&n).unwrap();
    let err = ds
        .record_era(danvan::RecordRef::Document(&ds.documents[0]))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the record's date 2025-09-01 lies outside the validity of unit \"26740\" (era 2020-01-01)"
    );
    // Before either era of the successor's code: DV207; the city, listed in
    // both eras, on a day both cover: the current city's (the old era lists
    // it by code only, never a record's unit) ...
    let mut t = doc();
    t["documents"] = serde_json::json!([
        {"unit": "26734", "date": "2019-05-01", "actor": "government", "kind": "leadership"},
        {"unit": "79", "date": "2025-03-01", "actor": "government", "kind": "leadership"}
    ]);
    assert_eq!(issues(&t), one(E, "DV207", "documents[0].unit"));
    let ds = from_value(&t).unwrap();
    assert_eq!(
        ds.record_era(danvan::RecordRef::Document(&ds.documents[1]))
            .unwrap(),
        None
    );
    // ... and, the old city named too, DV208.
    t["units"][3]["name"] = "Thành phố Cũ (synthetic)".into();
    assert_eq!(
        issues(&t),
        vec![
            (E, "DV207".to_owned(), "documents[0].unit".to_owned()),
            (E, "DV208".to_owned(), "documents[1].unit".to_owned()),
        ]
    );
}

/// A record id is one per list across eras too.
#[test]
fn a_record_id_is_used_once_across_eras() {
    let mut d = doc();
    d["documents"] = serde_json::json!([
        {"id": "d1", "unit": "26740", "date": "2025-03-01", "actor": "government", "kind": "leadership"},
        {"id": "d1", "unit": "26737", "date": "2025-08-01", "actor": "government", "kind": "leadership"},
        {"id": "d2", "unit": "26740", "date": "2025-03-02", "actor": "government", "kind": "leadership"},
        {"id": "d2", "unit": "26740", "date": "2025-03-03", "actor": "government", "kind": "leadership"}
    ]);
    assert_eq!(
        issues(&d),
        vec![
            (E, "DV074".to_owned(), "documents[3].id".to_owned()),
            (E, "DV074".to_owned(), "documents[1].id".to_owned()),
        ]
    );
}

/// The report of the current city renders; the predecessor's cells are the
/// cube's, outside the current hierarchy the report walks.
#[test]
fn the_current_report_renders_beside_another_era() {
    let d = from_value(&doc()).unwrap();
    let checked = check_v2(d, &Catalogue::builtin()).unwrap();
    let cube = FigureCube::from_checked(&checked).unwrap();
    let plan = danvan::render::plan_report(
        &cube,
        checked.catalogue(),
        &"79".parse().unwrap(),
        &Default::default(),
    )
    .unwrap();
    let text = danvan::render::vi::write_report(&plan);
    assert!(text.starts_with("Thành phố Mẫu (synthetic)"), "{text}");
    assert!(!text.contains("Phường Cũ"), "{text}");
}

/// Three entries of one code covering the period (synthetic): one named
/// among two by code only is the figure's; two named beside one by code
/// only stay ambiguous, the message naming the named ones' eras only.
#[test]
fn named_entries_decide_among_three_eras_of_one_code() {
    let doc = |old_named: bool| {
        let older = if old_named {
            r#"{"code": "79", "name": "Thành phố Xưa (synthetic)", "era": "2008-01-01"}"#
        } else {
            r#"{"code": "79", "era": "2008-01-01"}"#
        };
        serde_json::json!({
            "schema": "danvan/dataset/v2",
            "period": {"start": "2025-01-01", "end": "2025-12-31"},
            "units": [
                {"code": "79", "name": "Thành phố Mẫu (synthetic)"},
                {"code": "79", "era": "2020-01-01", "valid_to": "2025-06-30"},
                serde_json::from_str::<serde_json::Value>(older).unwrap()
            ],
            "figures": [{"indicator": "documents", "unit": "79", "actor": "government", "value": 3,
                         "period": {"start": "2025-01-01", "end": "2025-06-30"}}]
        })
    };
    let d = from_value(&doc(false)).unwrap();
    assert_eq!(d.unit_era(&d.figures[0]).unwrap(), None);
    let d = from_value(&doc(true)).unwrap();
    let err = d.unit_era(&d.figures[0]).unwrap_err();
    assert_eq!(err.code(), "DV208");
    assert_eq!(
        err.to_string(),
        "unit \"79\" is listed in several eras (current, 2008-01-01) that all cover the figure's period 2025-H1: give each its valid_from or valid_to"
    );
}
