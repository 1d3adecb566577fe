//! `check_v2`, the whole-dataset validation of model v2 (issue 15 steps
//! (c)–(e)): for every code, a dataset where the rule holds, one where it is
//! certainly broken (the code at its path) and one the intervals leave open
//! (DV181). Every unit is synthetic (labelled so); the codes only give levels.

use danvan::{check_v2, Catalogue, DatasetV2, Severity};

/// A v2 dataset of synthetic units (a province, two districts, three
/// communes) with the given inline indicators, figures and relations.
fn dataset_with(indicators: &str, figures: &str, relations: &str) -> DatasetV2 {
    let json = format!(
        r#"{{"schema": "danvan/dataset/v2", "title": "synthetic",
        "period": {{"start": "2023-01-01", "end": "2023-12-31"}},
        "indicators": [{indicators}],
        "units": [
            {{"code": "30", "name": "Tỉnh Mẫu (synthetic)"}},
            {{"code": "288", "name": "Huyện Một (synthetic)", "parent": "30"}},
            {{"code": "290", "name": "Huyện Hai (synthetic)", "parent": "30"}},
            {{"code": "10507", "name": "Xã Một (synthetic)", "parent": "288"}},
            {{"code": "10510", "name": "Xã Hai (synthetic)", "parent": "288"}},
            {{"code": "10513", "name": "Xã Ba (synthetic)", "parent": "290"}}
        ],
        "figures": [{figures}],
        "relations": [{relations}]}}"#
    );
    DatasetV2::from_json(json.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{json}"))
}

fn dataset(figures: &str, relations: &str) -> DatasetV2 {
    dataset_with(
        r#"{"id": "fund_raised", "kind": "flow", "value": {"amount": "đồng"}},
           {"id": "area_donated", "kind": "flow", "value": {"amount": "m²"}},
           {"id": "poor_rate", "kind": "stock", "value": "rate"}"#,
        figures,
        relations,
    )
}

/// Every issue as (severity, code, path).
fn issues(d: DatasetV2) -> Vec<(Severity, String, String)> {
    let report = match check_v2(d, &Catalogue::builtin()) {
        Ok(checked) => checked.warnings().clone(),
        Err(report) => report,
    };
    report
        .issues()
        .iter()
        .map(|i| {
            // Every issue has its Vietnamese text.
            assert!(!danvan::render::vi::issue(i).is_empty());
            (
                i.severity(),
                i.code().to_string(),
                i.path().map(ToString::to_string).unwrap_or_default(),
            )
        })
        .collect()
}

fn one(severity: Severity, code: &str, path: &str) -> Vec<(Severity, String, String)> {
    vec![(severity, code.to_owned(), path.to_owned())]
}

const E: Severity = Severity::Error;
const W: Severity = Severity::Warning;

/// A count figure of `documents` by the government on `unit`.
fn docs(unit: &str, value: &str, extra: &str) -> String {
    format!(
        r#"{{"indicator": "documents", "unit": "{unit}", "actor": "government", "value": {value}{extra}}}"#
    )
}

#[test]
fn a_clean_dataset_passes_with_its_catalogue() {
    let d = dataset(&docs("288", "10", ""), "");
    let checked = check_v2(d.clone(), &Catalogue::builtin()).unwrap();
    assert!(checked.warnings().is_empty());
    assert_eq!(checked.catalogue().len(), danvan::Builtin::ALL.len() + 3);
    assert_eq!(checked.hierarchy().len(), 6);
    assert_eq!(checked.into_inner(), d);
}

#[test]
fn read_level_problems_are_at_their_paths() {
    // An unknown unit; a value of the wrong type; a part of the wrong type.
    let figures = [
        docs("10599", "1", ""),
        docs("288", r#"{"percent": "5"}"#, ""),
        docs(
            "288",
            "4",
            r#", "parts": {"complete": false, "items": [{"value": 1}, {"value": {"percent": "1"}}]}"#,
        ),
        r#"{"indicator": "poor_rate", "unit": "288", "actor": "government", "value": {"percent": "130"}}"#
            .to_owned(),
    ];
    assert_eq!(
        issues(dataset(&figures.join(","), "")),
        [
            (E, "DV063".into(), "figures[0].unit".into()),
            (E, "DV162".into(), "figures[1].value".into()),
            (E, "DV162".into(), "figures[2].parts.items[1].value".into()),
            (E, "DV164".into(), "figures[3].value".into()),
        ]
    );
}

fn parts(complete: bool, items: &[&str]) -> String {
    let items: Vec<String> = items
        .iter()
        .map(|v| format!(r#"{{"value": {v}}}"#))
        .collect();
    format!(
        r#", "parts": {{"complete": {complete}, "items": [{}]}}"#,
        items.join(",")
    )
}

#[test]
fn dv179_a_complete_breakdown_adds_up() {
    let holds = docs("288", "10", &parts(true, &["4", "6"]));
    assert!(issues(dataset(&holds, "")).is_empty());
    let broken = docs("288", "10", &parts(true, &["4", "5"]));
    assert_eq!(
        issues(dataset(&broken, "")),
        one(E, "DV179", "figures[0].parts")
    );
    // "hơn 4" and 6 may or may not make 10.
    let open = docs("288", "10", &parts(true, &[r#"{"at_least": 4}"#, "5"]));
    assert_eq!(
        issues(dataset(&open, "")),
        one(W, "DV181", "figures[0].parts")
    );
    // At least 6 and 5 certainly exceed 10.
    let over = docs("288", "10", &parts(true, &[r#"{"at_least": 6}"#, "5"]));
    assert_eq!(
        issues(dataset(&over, "")),
        one(E, "DV179", "figures[0].parts")
    );
}

#[test]
fn dv180_a_partial_breakdown_stays_within_its_whole() {
    let holds = docs("288", "10", &parts(false, &["4", "5"]));
    assert!(issues(dataset(&holds, "")).is_empty());
    let broken = docs("288", "10", &parts(false, &["6", "5"]));
    assert_eq!(
        issues(dataset(&broken, "")),
        one(E, "DV180", "figures[0].parts")
    );
    let open = docs("288", r#"{"at_least": 10}"#, &parts(false, &["6", "5"]));
    assert_eq!(
        issues(dataset(&open, "")),
        one(W, "DV181", "figures[0].parts")
    );
}

#[test]
fn breakdowns_of_amounts_and_of_distinct_persons() {
    let fund = |value: &str, a: &str, b: &str| {
        format!(
            r#"{{"indicator": "fund_raised", "unit": "288", "actor": "government", "value": {{"amount": "{value}", "scale": "tỷ", "unit": "đồng"}},
               "parts": {{"complete": true, "items": [{{"value": {{"amount": "{a}", "scale": "triệu", "unit": "đồng"}}}},
                                                     {{"value": {{"amount": "{b}", "scale": "triệu", "unit": "đồng"}}}}]}}}}"#
        )
    };
    assert!(issues(dataset(&fund("1.5", "700", "800"), "")).is_empty());
    let report = check_v2(
        dataset(&fund("1.5", "700", "700"), ""),
        &Catalogue::builtin(),
    )
    .unwrap_err();
    assert_eq!(report.issues()[0].code(), "DV179");
    assert_eq!(
        danvan::render::vi::issue(&report.issues()[0]),
        "lỗi DV179 figures[0].parts: các phần cộng lại là 1.400.000.000 đồng, không bằng tổng 1.500.000.000 đồng, dù đã khai báo là đầy đủ"
    );
    // Distinct persons: parts may overlap, so the whole lies between the
    // largest part and the sum; a part above the whole is certainly wrong.
    let persons = |whole: &str, complete: bool, a: &str, b: &str| {
        format!(
            r#"{{"indicator": "conference_persons", "unit": "288", "actor": "government", "value": {whole}{}}}"#,
            parts(complete, &[a, b])
        )
    };
    assert!(issues(dataset(&persons("100", false, "80", "70"), "")).is_empty());
    assert!(issues(dataset(&persons("100", true, "80", "70"), "")).is_empty());
    assert_eq!(
        issues(dataset(&persons("100", false, "120", "70"), "")),
        one(E, "DV180", "figures[0].parts")
    );
    assert_eq!(
        issues(dataset(&persons("200", true, "80", "70"), "")),
        one(E, "DV179", "figures[0].parts")
    );
}

fn with_id(id: &str, figure: String) -> String {
    figure.replacen('{', &format!(r#"{{"id": "{id}", "#), 1)
}

#[test]
fn dv184_declared_relations_three_valued() {
    let figures = |a: &str, b: &str, c: &str| {
        [
            with_id("f1", docs("288", a, "")),
            with_id("f2", docs("290", b, "")),
            with_id("f3", docs("30", c, "")),
        ]
        .join(",")
    };
    let sum = r#"{"id": "r1", "sum_of": ["f1", "f2"], "equals": "f3"}"#;
    let at_most = r#"{"id": "r2", "at_most": "f1", "of": "f3"}"#;
    let equal = r#"{"id": "r3", "equal": ["f1", "f2"]}"#;
    assert!(issues(dataset(&figures("4", "4", "8"), sum)).is_empty());
    assert_eq!(
        issues(dataset(&figures("4", "5", "8"), sum)),
        one(E, "DV184", "relations[0]")
    );
    assert_eq!(
        issues(dataset(&figures(r#"{"at_least": 4}"#, "4", "9"), sum)),
        one(W, "DV181", "relations[0]")
    );
    assert!(issues(dataset(&figures("4", "5", "8"), at_most)).is_empty());
    assert_eq!(
        issues(dataset(&figures("9", "5", "8"), at_most)),
        one(E, "DV184", "relations[0]")
    );
    assert_eq!(
        issues(dataset(&figures(r#"{"at_least": 7}"#, "5", "8"), at_most)),
        one(W, "DV181", "relations[0]")
    );
    assert!(issues(dataset(&figures("4", "4", "8"), equal)).is_empty());
    assert_eq!(
        issues(dataset(&figures("4", "5", "8"), equal)),
        one(E, "DV184", "relations[0]")
    );
    assert_eq!(
        issues(dataset(
            &figures(r#"{"word": "nearly", "value": 5}"#, "4", "8"),
            equal
        )),
        one(W, "DV181", "relations[0]")
    );
    // The message names the relation and both sides, in both languages.
    let report =
        check_v2(dataset(&figures("4", "5", "8"), sum), &Catalogue::builtin()).unwrap_err();
    let issue = &report.issues()[0];
    assert_eq!(
        issue.to_string(),
        "error DV184 relations[0]: relation \"r1\" (sum_of/equals) does not hold: 9 against 8"
    );
    assert_eq!(
        danvan::render::vi::issue(issue),
        "lỗi DV184 relations[0]: quan hệ \"r1\" (tổng bằng) không đúng: 9 so với 8"
    );
}

#[test]
fn a_relation_between_figures_that_do_not_add_is_an_error() {
    let figures = [
        with_id(
            "f1",
            r#"{"indicator": "fund_raised", "unit": "288", "actor": "government", "value": {"amount": "5", "unit": "đồng"}}"#
                .to_owned(),
        ),
        with_id(
            "f2",
            r#"{"indicator": "area_donated", "unit": "288", "actor": "government", "value": {"amount": "5", "unit": "m²"}}"#
                .to_owned(),
        ),
        with_id("f3", docs("288", "5", "")),
        with_id(
            "f4",
            r#"{"indicator": "poor_rate", "unit": "288", "actor": "government", "value": {"percent": "5"}}"#
                .to_owned(),
        ),
    ]
    .join(",");
    let rel = r#"{"id": "r1", "equal": ["f1", "f2"]}, {"id": "r2", "equal": ["f1", "f3"]},
                 {"id": "r3", "at_most": "f4", "of": "f3"}"#;
    assert_eq!(
        issues(dataset(&figures, rel)),
        [
            (E, "DV006".into(), "relations[0]".into()),
            (E, "DV162".into(), "relations[1]".into()),
            (E, "DV162".into(), "relations[2]".into()),
        ]
    );
}
