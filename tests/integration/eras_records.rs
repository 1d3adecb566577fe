//! Records and figures of another era (issue 15 item 9, session 9): the
//! records of predecessor wards for the first half of 2025 beside their
//! successors', in the synthetic fixture `tests/fixtures/v2-eras-records.json`.
//! Each record resolves to one era by its date, is checked there, totalled
//! within that era's hierarchy, and the report states it after the current
//! era's text.

use std::collections::HashMap;

use chrono::NaiveDate;
use danvan::{check_v2, Catalogue, CellId, DatasetV2, FigureCube, Interval, Origin, RecordRef};

const FIXTURE: &str = "tests/fixtures/v2-eras-records.json";

pub(crate) fn doc() -> serde_json::Value {
    serde_json::from_str(&crate::read(FIXTURE)).unwrap_or_else(|e| panic!("{FIXTURE}: {e}"))
}

pub(crate) fn dataset(doc: &serde_json::Value) -> DatasetV2 {
    DatasetV2::from_json(doc.to_string().as_bytes()).unwrap_or_else(|e| panic!("{e}"))
}

pub(crate) fn old_era() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2020, 1, 1)
}

pub(crate) fn cube(doc: &serde_json::Value) -> (danvan::CheckedV2, FigureCube) {
    let checked = check_v2(dataset(doc), &Catalogue::builtin()).unwrap_or_else(|r| panic!("{r}"));
    let cube = FigureCube::from_checked(&checked).unwrap();
    (checked, cube)
}

/// The records cells of one era: (unit, indicator) → value.
pub(crate) fn records(
    cube: &FigureCube,
    era: Option<NaiveDate>,
) -> HashMap<(String, String), Interval<u64>> {
    cube.cells()
        .iter()
        .filter(|c| c.origin == Origin::Records && c.key.era == era)
        .filter_map(|c| {
            let key = (c.key.unit.to_string(), c.key.indicator.as_str().to_owned());
            Some((key, c.value.count()?))
        })
        .collect()
}

#[test]
fn the_fixture_is_clean() {
    let (checked, _) = cube(&doc());
    assert!(checked.warnings().is_empty(), "{}", checked.warnings());
}

#[test]
fn each_record_resolves_to_the_era_its_date_falls_in() {
    let d = dataset(&doc());
    let eras: Vec<_> = d
        .conferences
        .iter()
        .map(|c| d.record_era(RecordRef::Conference(c)).unwrap())
        .collect();
    assert_eq!(eras, vec![old_era(), None, old_era(), None]);
    let old = d.era_records_v1(old_era().unwrap()).unwrap();
    let ids = |list: &[danvan::Conference]| -> Vec<String> {
        list.iter()
            .filter_map(|c| c.id.as_ref().map(|i| i.as_str().to_owned()))
            .collect()
    };
    assert_eq!(ids(&old.conferences), ["c-old-1", "c-old-2"]);
    assert_eq!(
        ids(&d.records_v1().unwrap().conferences),
        ["c-new-1", "c-new-2"]
    );
    assert_eq!(old.period.to_string(), "2025-H1");
}

/// Each era's records are totalled within that era's hierarchy: the old
/// wards into the old district (not into the old city, listed by code
/// only); the current wards into the current city; keyed by the era and the
/// era's part of the period.
#[test]
fn each_eras_records_are_totalled_within_its_own_hierarchy() {
    let (checked, cube) = cube(&doc());
    let old = records(&cube, old_era());
    let new = records(&cube, None);
    let get = |m: &HashMap<(String, String), Interval<u64>>, u: &str, i: &str| {
        m.get(&(u.to_owned(), i.to_owned())).copied()
    };
    let one = Some(Interval::exact(1));
    let two = Some(Interval::exact(2));
    assert_eq!(get(&old, "26734", "conferences"), one);
    assert_eq!(get(&old, "26740", "conferences"), one);
    assert_eq!(get(&old, "769", "conferences"), two);
    assert_eq!(
        get(&old, "769", "conference_participants"),
        Some(Interval::at_least(65))
    );
    assert_eq!(get(&old, "769", "documents"), one);
    // The old city is listed by code only (a stand-in): nothing is totalled there.
    assert!(old.keys().all(|(u, _)| u != "79"), "{old:?}");
    assert_eq!(get(&new, "26734", "conferences"), one);
    assert_eq!(get(&new, "26737", "conferences"), one);
    assert_eq!(get(&new, "79", "conferences"), two);
    assert_eq!(
        get(&new, "79", "conference_participants"),
        Some(Interval::exact(90))
    );
    assert_eq!(get(&new, "79", "documents"), one);
    // The old district is no unit of the current era.
    assert!(new.keys().all(|(u, _)| u != "769"));
    let h1 = danvan::FigurePeriod::Dates(
        danvan::Period::new(
            NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2025, 6, 30).unwrap(),
        )
        .unwrap(),
    );
    let year = danvan::FigurePeriod::Dates(checked.dataset().period);
    for c in cube.cells().iter().filter(|c| c.origin == Origin::Records) {
        let want = if c.key.era.is_some() { h1 } else { year };
        assert_eq!(c.key.period, want, "{c:?}");
    }
    // The old era's figures are summed within it too: the old district's
    // documents of the first half are its wards' 3 + 2.
    let sum = cube
        .cells()
        .iter()
        .find(|c| {
            c.key.era == old_era()
                && c.key.unit.to_string() == "769"
                && matches!(c.origin, Origin::SubUnits { .. })
                && c.key.indicator.as_str() == "documents"
        })
        .expect("the old district's sum");
    assert_eq!(sum.value.count(), Some(Interval::exact(5)));
}

/// The current era's cells do not depend on the old era's records: without
/// them, every current cell is the same.
#[test]
fn the_current_eras_cells_do_not_depend_on_another_eras_records() {
    let (_, with) = cube(&doc());
    let mut d = doc();
    for list in ["conferences", "documents"] {
        d[list]
            .as_array_mut()
            .unwrap()
            .retain(|r| !r["id"].as_str().unwrap_or("").contains("old"));
    }
    let (_, without) = cube(&d);
    let current = |c: &FigureCube| -> Vec<danvan::CubeCell> {
        c.cells()
            .iter()
            .filter(|x| x.key.era.is_none())
            .cloned()
            .collect()
    };
    assert_eq!(current(&with), current(&without));
    assert!(records(&without, old_era()).is_empty());
    assert!(!records(&with, old_era()).is_empty());
}

/// A record in no era fails the cube's build too: never moved to the current era.
#[test]
fn a_record_in_no_era_is_never_totalled() {
    let mut d = doc();
    d["documents"][0]["date"] = "2025-09-01".into(); // after the old ward's last day
    let ds = dataset(&d);
    let cat = Catalogue::builtin();
    let err = FigureCube::build(&ds, &cat, &ds.hierarchy().unwrap()).unwrap_err();
    assert_eq!(err.code(), "DV209");
}

/// The report of the city: its golden text and rows (current era), and the
/// old era's rows, each cell of the predecessors' subtrees stated once.
#[test]
fn golden_report_with_another_era() {
    crate::report_v2::golden(FIXTURE);
    let (checked, cube) = cube(&doc());
    let plan = danvan::render::plan_report(
        &cube,
        checked.catalogue(),
        &"79".parse().unwrap(),
        &Default::default(),
    )
    .unwrap();
    assert_eq!(plan.eras.len(), 1);
    assert_eq!(plan.eras[0].era, old_era().unwrap());
    let units: Vec<String> = plan.eras[0]
        .units
        .iter()
        .map(|u| u.unit.to_string())
        .collect();
    assert_eq!(units, ["769"]);
    let rows = plan.era_rows();
    let mut ids: Vec<usize> = rows.iter().map(|r| r.cell).collect();
    ids.sort_unstable();
    let mut want: Vec<usize> = cube
        .era_subtree_cells(old_era(), &"769".parse().unwrap())
        .into_iter()
        .map(|CellId(i)| i)
        .collect();
    want.sort_unstable();
    assert_eq!(ids, want, "every cell of the old district's subtree once");
    assert!(
        rows.iter().all(|r| r.period == "6 tháng đầu năm 2025"),
        "{rows:?}"
    );
    assert!(rows
        .iter()
        .any(|r| r.unit_name == "Phường Cũ Hai (synthetic)"));
    let got = format!("{}\n", danvan::render::rows_json(&rows));
    let target = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/v2/v2-eras-records.era-rows.json");
    if std::env::var_os("DANVAN_UPDATE_GOLDEN").is_some() {
        std::fs::write(&target, &got).expect("golden written");
    } else {
        assert_eq!(
            got,
            crate::read("tests/golden/v2/v2-eras-records.era-rows.json")
        );
    }
    // The current text says nothing of the first half; the old era's part follows.
    let text = danvan::render::vi::write_report(&plan);
    let (current, old) = text
        .split_once("\nTrước ngày 01/07/2025\n")
        .unwrap_or_else(|| panic!("{text}"));
    assert!(!current.contains("đầu năm 2025"), "{current}");
    assert!(!current.contains("65"), "{current}");
    assert!(old.contains("ít nhất 65 lượt người"), "{old}");
}

/// A body (which has no date) on a code listed once is in that unit's era,
/// without a date check (session 11); on a code listed in several eras it
/// resolves by the period's end: on a code of both eras, the successor's.
#[test]
fn a_body_without_date_on_a_code_listed_once_is_in_its_units_era() {
    let mut d = doc();
    d["blocks"] = serde_json::json!([{"unit": "26734"}]);
    let ds = dataset(&d);
    assert_eq!(
        ds.record_era(RecordRef::Block(&ds.blocks[0])).unwrap(),
        None
    );
    assert!(check_v2(ds, &Catalogue::builtin()).is_ok());
    // 26740 is listed once, in the old era (to 30 June): its block is the old era's.
    d["blocks"] = serde_json::json!([{"unit": "26740"}]);
    let ds = dataset(&d);
    assert_eq!(
        ds.record_era(RecordRef::Block(&ds.blocks[0])).unwrap(),
        old_era()
    );
    let (_, cube) = cube(&d);
    let old = records(&cube, old_era());
    assert_eq!(
        old.get(&("26740".to_owned(), "grassroots_blocks".to_owned()))
            .copied(),
        Some(Interval::exact(1))
    );
    assert_eq!(
        old.get(&("769".to_owned(), "grassroots_blocks".to_owned()))
            .copied(),
        Some(Interval::exact(1))
    );
    let new = records(&cube, None);
    assert!(new.keys().all(|(_, i)| i != "grassroots_blocks"), "{new:?}");
}

/// The v1 record rules run within the old era do not refuse (DV064) an
/// undated block on a unit listed once whose last day is before the era's
/// end: here the old era runs to 30 September (a ward valid to then) and
/// the block's ward ends on 30 June.
#[test]
fn an_undated_block_on_a_unit_ending_before_its_eras_end_is_accepted() {
    let mut d = doc();
    for u in d["units"].as_array_mut().unwrap() {
        if u["era"].is_string() && ["79", "769"].contains(&u["code"].as_str().unwrap()) {
            u["valid_to"] = "2025-09-30".into();
        }
    }
    d["units"].as_array_mut().unwrap().push(serde_json::json!(
        {"code": "26743", "name": "Phường Cũ Ba (synthetic)", "parent": "769",
         "era": "2020-01-01", "valid_to": "2025-09-30"}
    ));
    d["blocks"] = serde_json::json!([{"unit": "26740"}, {"unit": "26743"}]);
    let ds = dataset(&d);
    assert_eq!(
        ds.era_period(old_era().unwrap())
            .map(|p| p.end().to_string()),
        Some("2025-09-30".to_owned())
    );
    let (_, cube) = cube(&d);
    let old = records(&cube, old_era());
    assert_eq!(
        old.get(&("769".to_owned(), "grassroots_blocks".to_owned()))
            .copied(),
        Some(Interval::exact(2))
    );
}

/// A ward's dataset (rooted at the successor, a new code) with its
/// predecessor of another code under the old district, listed by code
/// only: the predecessor's figure and record are its own cells, nothing is
/// summed into the old district, and the ward's own report states the
/// predecessor after its own text.
#[test]
fn a_rooted_dataset_states_its_predecessor_of_another_code() {
    let doc = serde_json::json!({
        "schema": "danvan/dataset/v2",
        "title": "Synthetic: a new ward and its predecessor of another code",
        "root": "26737",
        "period": {"start": "2025-01-01", "end": "2025-12-31"},
        "units": [
            {"code": "79"},
            {"code": "26737", "name": "Phường Khác (synthetic)", "parent": "79", "valid_from": "2025-07-01"},
            {"code": "79", "era": "2020-01-01", "valid_to": "2025-06-30"},
            {"code": "769", "parent": "79", "era": "2020-01-01", "valid_to": "2025-06-30"},
            {"code": "26740", "name": "Phường Cũ Hai (synthetic)", "parent": "769", "era": "2020-01-01", "valid_to": "2025-06-30"}
        ],
        "documents": [
            {"unit": "26740", "date": "2025-03-01", "actor": "government", "kind": "leadership"},
            {"unit": "26737", "date": "2025-09-01", "actor": "government", "kind": "leadership"}
        ],
        "figures": [
            {"indicator": "documents", "unit": "26740", "actor": "mobilization_sector", "value": 2,
             "period": {"start": "2025-01-01", "end": "2025-06-30"}}
        ]
    });
    let (checked, cube) = cube(&doc);
    let old = records(&cube, old_era());
    assert_eq!(
        old.get(&("26740".to_owned(), "documents".to_owned()))
            .copied(),
        Some(Interval::exact(1))
    );
    assert!(
        cube.cells().iter().all(
            |c| !["769", "79"].contains(&c.key.unit.to_string().as_str()) || c.key.era.is_none()
        ),
        "nothing at the code-only old district and city"
    );
    let plan = danvan::render::plan_report(
        &cube,
        checked.catalogue(),
        &"26737".parse().unwrap(),
        &Default::default(),
    )
    .unwrap();
    let text = danvan::render::vi::write_report(&plan);
    let (own, before) = text
        .split_once("\nTrước ngày 01/07/2025\n")
        .unwrap_or_else(|| panic!("{text}"));
    assert!(own.starts_with("Phường Khác (synthetic)\n"), "{text}");
    assert!(!own.contains("đầu năm"), "{text}");
    assert!(
        before.starts_with("\nPhường Cũ Hai (synthetic)\n"),
        "{text}"
    );
    assert!(before.contains("ban hành 2 văn bản"), "{text}");
    assert!(before.contains("1 văn bản"), "{text}");
}

/// A second block on one commune, after a block in no era: the second is
/// named at its v2 place, with the first's v2 place. (The first block's
/// code is listed in two eras, neither valid on the period's end.)
#[test]
fn a_second_block_names_the_first_at_its_v2_place() {
    let mut d = doc();
    let units = d["units"].as_array_mut().unwrap();
    units.push(serde_json::json!({"code": "79", "era": "2025-07-01", "valid_to": "2025-10-31"}));
    units.push(serde_json::json!(
        {"code": "26740", "name": "Phường Tạm (synthetic)", "parent": "79", "era": "2025-07-01", "valid_to": "2025-10-31"}
    ));
    d["blocks"] = serde_json::json!([{"unit": "26740"}, {"unit": "26737"}, {"unit": "26737"}]);
    let report = check_v2(dataset(&d), &Catalogue::builtin()).unwrap_err();
    let got: Vec<(String, String)> = report
        .issues()
        .iter()
        .map(|i| {
            let path = i.path().map(|p| p.to_string()).unwrap_or_default();
            (i.code().to_string(), path)
        })
        .collect();
    assert_eq!(
        got,
        [
            ("DV207".to_owned(), "blocks[0].unit".to_owned()),
            ("DV066".to_owned(), "blocks[2].unit".to_owned()),
        ],
        "{report}"
    );
    assert!(
        matches!(
            report.issues()[1].kind(),
            danvan::ErrorKind::SecondBlock { first: 1, .. }
        ),
        "{report}"
    );
}

/// The sentence of the current era's text that says the eras are not
/// summed: after the city's paragraph, before the old era's heading, with
/// the old era's date as its heading words it; none when no other era has
/// data (the old era's records and figures removed).
#[test]
fn the_report_says_that_the_eras_are_not_summed() {
    let sentence = "Số liệu trên là của các đơn vị hiện hành; số liệu của các đơn vị \
                    trước ngày 01/07/2025 nêu dưới đây không cộng vào số liệu trên.";
    let text_of = |d: &serde_json::Value| {
        let (checked, cube) = cube(d);
        let plan = danvan::render::plan_report(
            &cube,
            checked.catalogue(),
            &"79".parse().unwrap(),
            &Default::default(),
        )
        .unwrap();
        danvan::render::vi::write_report(&plan)
    };
    let text = text_of(&doc());
    let (current, old) = text
        .split_once("\nTrước ngày 01/07/2025\n")
        .unwrap_or_else(|| panic!("{text}"));
    assert!(current.ends_with(&format!("\n\n{sentence}\n")), "{current}");
    assert!(!old.contains("hiện hành"), "{old}");
    assert_eq!(text.matches(sentence).count(), 1, "{text}");
    let mut d = doc();
    for list in ["conferences", "documents", "figures"] {
        d[list].as_array_mut().unwrap().retain(|r| {
            let id = r["id"].as_str().unwrap_or("");
            !id.contains("old")
        });
    }
    let alone = text_of(&d);
    assert!(!alone.contains("Trước ngày"), "{alone}");
    assert!(!alone.contains("hiện hành"), "{alone}");
    assert!(
        alone.contains("Ngành dân vận toàn thành phố ban hành 5 văn bản."),
        "{alone}"
    );
}

/// A successor's year total is its own era's (session 12, the rule in
/// docs/model-v2.md, eras): ward 26734 of the current era is valid from
/// 1 July 2025 and succeeds the old ward of its code (and, in the old
/// district, 26740). Its "năm 2025" records totals count the records of the
/// current era only — one conference of 60 participants, not the old
/// ward's 40 beside them — and no cell of it adds the predecessors' first
/// half (documents: its 4, never 3 + 4); the predecessors' figures stay
/// cells of their era, and its report says they are not added.
#[test]
fn a_successors_year_total_is_its_own_era_only() {
    let (checked, cube) = cube(&doc());
    let ward: danvan::UnitCode = "26734".parse().unwrap();
    let year = danvan::FigurePeriod::Dates(checked.dataset().period);
    let current = |indicator: &str| -> Vec<&danvan::CubeCell> {
        cube.unit_cells(&ward)
            .filter(|c| c.key.era.is_none() && c.key.indicator.as_str() == indicator)
            .collect()
    };
    let count = |c: &danvan::CubeCell| c.value.count().expect("a count");
    // Records: the year's totals are the current era's records.
    let conferences = current("conferences");
    assert_eq!(conferences.len(), 1, "{conferences:?}");
    assert_eq!(conferences[0].key.period, year);
    assert_eq!(conferences[0].origin, Origin::Records);
    assert_eq!(count(conferences[0]), Interval::exact(1));
    let participants = current("conference_participants");
    assert_eq!(participants.len(), 1, "{participants:?}");
    assert_eq!(participants[0].key.period, year);
    assert_eq!(count(participants[0]), Interval::exact(60));
    // Figures: the second half's own figure, no year figure across eras.
    let documents = current("documents");
    assert_eq!(documents.len(), 1, "{documents:?}");
    assert_eq!(count(documents[0]), Interval::exact(4));
    assert!(
        cube.cells()
            .iter()
            .filter(|c| c.key.indicator.as_str() == "documents")
            .all(|c| c.value.count() != Some(Interval::exact(7))),
        "nowhere 3 + 4"
    );
    // The predecessor's first half is a cell of the old era.
    let old: Vec<Interval<u64>> = cube
        .unit_cells(&ward)
        .filter(|c| c.key.era == old_era() && c.key.indicator.as_str() == "conference_participants")
        .map(count)
        .collect();
    assert_eq!(old, [Interval::exact(40)]);
    // The ward's report: its year, then the sentence, then its predecessor.
    let plan = danvan::render::plan_report(&cube, checked.catalogue(), &ward, &Default::default())
        .unwrap();
    let text = danvan::render::vi::write_report(&plan);
    let (own, before) = text
        .split_once("\nTrước ngày 01/07/2025\n")
        .unwrap_or_else(|| panic!("{text}"));
    assert!(own.contains("\nNăm 2025\n"), "{text}");
    assert!(own.contains("60 lượt người"), "{text}");
    assert!(!own.contains("100 lượt người"), "{text}");
    assert!(
        own.trim_end().ends_with(
            "Số liệu trên là của các đơn vị hiện hành; số liệu của các đơn vị \
             trước ngày 01/07/2025 nêu dưới đây không cộng vào số liệu trên."
        ),
        "{text}"
    );
    assert!(before.contains("40 lượt người"), "{text}");
}
