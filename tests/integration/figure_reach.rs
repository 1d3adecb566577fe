//! Figures the report can state and sums that fit (issue 15 item 9
//! follow-ups, session 12): a figure on a unit above a rooted dataset's
//! root is an error at its unit (DV213), in `check_v2` and in the cube's
//! build; a sum of figures whose lower bound does not fit a count is an
//! error in `check_v2` (DV100) at a figure that takes part, naming the
//! unit where it overflows, while an upper bound that does not fit becomes
//! unbounded (issue 14). Every unit and figure here is synthetic.

use danvan::{check_v2, Catalogue, DatasetV2, ErrorKind, FigureCube, Origin, Severity};

fn dataset(doc: &serde_json::Value) -> DatasetV2 {
    DatasetV2::from_json(doc.to_string().as_bytes()).unwrap_or_else(|e| panic!("{e}"))
}

/// The issues of `check_v2`: (severity, code, path).
fn issues(doc: &serde_json::Value) -> Vec<(Severity, String, String)> {
    let report = match check_v2(dataset(doc), &Catalogue::builtin()) {
        Ok(c) => c.warnings().clone(),
        Err(r) => r,
    };
    report
        .issues()
        .iter()
        .map(|i| {
            let path = i.path().map(|p| p.to_string()).unwrap_or_default();
            (i.severity(), i.code().to_string(), path)
        })
        .collect()
}

fn bad(file: &str) -> serde_json::Value {
    serde_json::from_str(&crate::read(&format!("tests/bad/{file}"))).unwrap()
}

fn build(doc: &serde_json::Value) -> Result<FigureCube, danvan::Error> {
    let d = dataset(doc);
    let cat = d.catalogue_on(Catalogue::builtin()).unwrap();
    FigureCube::build(&d, &cat, &d.hierarchy().unwrap())
}

fn error(code: &str, path: &str) -> (Severity, String, String) {
    (Severity::Error, code.to_owned(), path.to_owned())
}

/// The district's dataset with a figure on its province (named by code
/// only): the report is the district's and never states the province's 40.
#[test]
fn a_figure_above_the_root_is_an_error_at_its_unit() {
    let doc = bad("146-v2-figure-stated-nowhere.json");
    assert_eq!(issues(&doc), [error("DV213", "figures[1].unit")]);
    let report = check_v2(dataset(&doc), &Catalogue::builtin()).unwrap_err();
    let issue = &report.issues()[0];
    assert_eq!(
        issue.kind(),
        &ErrorKind::FigureStatedNowhere {
            unit: "66".into(),
            era: "current".into()
        }
    );
    let vi = danvan::render::vi::issue(issue);
    assert!(vi.contains("\"66\"") && vi.contains("hiện hành"), "{vi}");
    // The cube refuses it too: never a cell no report states.
    assert_eq!(build(&doc).unwrap_err().code(), "DV213");
    // Without it, the district's figure is checked and reported.
    let mut clean = doc.clone();
    clean["figures"].as_array_mut().unwrap().pop();
    assert!(issues(&clean).is_empty(), "{:?}", issues(&clean));
    let cube = build(&clean).unwrap();
    let cat = Catalogue::builtin();
    let plan =
        danvan::render::plan_report(&cube, &cat, &"816".parse().unwrap(), &Default::default())
            .unwrap();
    assert!(danvan::render::vi::write_report(&plan).contains("4 văn bản"));
}

/// An ancestor listed with its name (the giver of an award) does not make
/// its figures the dataset's: the same error.
#[test]
fn a_figure_on_a_named_ancestor_is_an_error_too() {
    let mut doc = bad("146-v2-figure-stated-nowhere.json");
    doc["units"][0]["name"] = "Tỉnh Mẫu (synthetic)".into();
    assert_eq!(issues(&doc), [error("DV213", "figures[1].unit")]);
    // A figure below the root stays accepted (4, as the district's own
    // figure, so that the two agree: 40 would be DV183).
    doc["figures"][1]["unit"] = "30280".into();
    doc["figures"][1]["value"] = 4.into();
    assert!(issues(&doc).is_empty(), "{:?}", issues(&doc));
}

/// In another era, a figure on the old district listed by code only, above
/// the root's code, is stated nowhere either (the rule of records, DV211);
/// the old ward's own figure, listed with its name, is reported.
#[test]
fn a_figure_on_an_old_unit_the_report_never_states_is_an_error() {
    let doc = serde_json::json!({
        "schema": "danvan/dataset/v2",
        "title": "Synthetic: a ward's dataset with its predecessor and the old district by code only",
        "root": "26734",
        "period": {"start": "2025-01-01", "end": "2025-12-31"},
        "units": [
            {"code": "79"},
            {"code": "26734", "name": "Phường Mới (synthetic)", "parent": "79", "valid_from": "2025-07-01"},
            {"code": "79", "era": "2020-01-01", "valid_to": "2025-06-30"},
            {"code": "769", "parent": "79", "era": "2020-01-01", "valid_to": "2025-06-30"},
            {"code": "26734", "name": "Phường Cũ (synthetic)", "parent": "769", "era": "2020-01-01", "valid_to": "2025-06-30"}
        ],
        "figures": [
            {"indicator": "documents", "unit": "26734", "actor": "government", "value": 2,
             "period": {"start": "2025-01-01", "end": "2025-06-30"}},
            {"indicator": "documents", "unit": "769", "actor": "government", "value": 9,
             "period": {"start": "2025-01-01", "end": "2025-06-30"}}
        ]
    });
    assert_eq!(issues(&doc), [error("DV213", "figures[1].unit")]);
    let report = check_v2(dataset(&doc), &Catalogue::builtin()).unwrap_err();
    assert!(report.to_string().contains("era 2020-01-01"), "{report}");
    assert_eq!(build(&doc).unwrap_err().code(), "DV213");
    let mut clean = doc.clone();
    clean["figures"].as_array_mut().unwrap().pop();
    assert!(issues(&clean).is_empty(), "{:?}", issues(&clean));
}

/// Two communes' exact figures of 10^19 documents each: their district's
/// sum does not fit a count. `check_v2` says so at the second figure's
/// value (the term that did not fit), naming the district and the
/// indicator; before session 12 the check passed and the report failed
/// without a path.
#[test]
fn a_sum_whose_lower_bound_overflows_fails_the_check_with_a_path() {
    let doc = bad("147-v2-sum-overflows.json");
    assert_eq!(issues(&doc), [error("DV100", "figures[1].value")]);
    let report = check_v2(dataset(&doc), &Catalogue::builtin()).unwrap_err();
    assert_eq!(
        report.issues()[0].kind(),
        &ErrorKind::TotalOverflow {
            unit: "288".into(),
            indicator: "documents".into(),
            era: None,
        }
    );
    // The cube's build is the same roll-up: the same error.
    let err = build(&doc).unwrap_err();
    assert_eq!(err.kind(), report.issues()[0].kind());
    // One figure of 10^19 alone fits.
    let mut one = doc.clone();
    one["figures"].as_array_mut().unwrap().pop();
    assert!(issues(&one).is_empty(), "{:?}", issues(&one));
}

/// The overflow deeper down names the unit where the sum overflows and a
/// figure under it that takes part: here the province sums two districts'
/// sums, each of one commune's 10^19.
#[test]
fn an_overflow_of_sums_of_sums_names_a_figure_that_takes_part() {
    let doc = serde_json::json!({
        "schema": "danvan/dataset/v2",
        "title": "Synthetic: two districts of one commune each, each commune 10^19 documents",
        "period": {"start": "2024-01-01", "end": "2024-12-31"},
        "units": [
            {"code": "30", "name": "Tỉnh Mẫu (synthetic)"},
            {"code": "288", "name": "Huyện Một (synthetic)", "parent": "30"},
            {"code": "289", "name": "Huyện Hai (synthetic)", "parent": "30"},
            {"code": "10000", "name": "Xã Một (synthetic)", "parent": "288"},
            {"code": "10003", "name": "Xã Hai (synthetic)", "parent": "289"}
        ],
        "figures": [
            {"indicator": "documents", "unit": "10000", "actor": "government", "value": 3},
            {"indicator": "documents", "unit": "10003", "actor": "government", "value": 10000000000000000000u64},
            {"indicator": "documents", "unit": "10000", "actor": "mobilization_sector", "value": 10000000000000000000u64}
        ]
    });
    // Government: 3 + 10^19 fits. The sector's figure is alone: fits.
    assert!(issues(&doc).is_empty(), "{:?}", issues(&doc));
    let mut over = doc.clone();
    over["figures"][0]["value"] = 10_000_000_000_000_000_000u64.into();
    let report = check_v2(dataset(&over), &Catalogue::builtin()).unwrap_err();
    assert_eq!(report.len(), 1, "{report}");
    let issue = &report.issues()[0];
    assert_eq!(
        issue.kind(),
        &ErrorKind::TotalOverflow {
            unit: "30".into(),
            indicator: "documents".into(),
            era: None,
        }
    );
    // The term that did not fit is district 289's sum, whose figure is figures[1].
    assert_eq!(issue.path().unwrap().to_string(), "figures[1].value");
}

/// Issue 14: an upper bound that does not fit becomes unbounded, and the
/// check passes. Two communes "from 1 to 10^19" give the district "at least
/// 2".
#[test]
fn an_overflowing_upper_bound_becomes_unbounded() {
    let mut doc = bad("147-v2-sum-overflows.json");
    for f in doc["figures"].as_array_mut().unwrap() {
        f["value"] = serde_json::json!({"word": "range", "from": 1, "to": 10000000000000000000u64});
    }
    assert!(issues(&doc).is_empty(), "{:?}", issues(&doc));
    let cube = build(&doc).unwrap();
    let district: danvan::UnitCode = "288".parse().unwrap();
    let sum = cube
        .unit_cells(&district)
        .find(|c| matches!(c.origin, Origin::SubUnits { .. }))
        .expect("the district's sum");
    let value = sum.value.count().expect("a count");
    assert_eq!((value.low(), value.high()), (2, None), "{value:?}");
}
