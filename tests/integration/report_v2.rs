//! The report of v2 figures (issue 16): the totals cube, the plan, the
//! Vietnamese text and the display rows, on synthetic datasets of every
//! feature (tests/golden/v2/*.json: every unit, name and figure there is
//! synthetic).

use std::collections::HashMap;

use danvan::render::{self, plan_report, DisplayRow, ReportOptions, ReportPlan, StatedIn};
use danvan::{Catalogue, CellId, CellValue, DatasetV2, FigureCube, Interval, Origin, UnitCode};

/// A dataset, its catalogue (the built-ins, the catalogue file it names
/// beside it, its inline entries) and its cube.
pub(crate) fn cube_of(json: &str, dir: &std::path::Path) -> (DatasetV2, Catalogue, FigureCube) {
    let d = DatasetV2::from_json(json.as_bytes()).expect("a v2 dataset");
    let base = match &d.catalogue {
        Some(name) => {
            let text = std::fs::read_to_string(dir.join(name)).expect("the catalogue file");
            Catalogue::from_json(text.as_bytes()).expect("a catalogue")
        }
        None => Catalogue::builtin(),
    };
    let cat = d.catalogue_on(base).expect("the dataset's catalogue");
    let h = d.hierarchy().expect("its hierarchy");
    let cube = FigureCube::build(&d, &cat, &h).expect("its cube");
    (d, cat, cube)
}

fn synthetic(name: &str) -> (DatasetV2, Catalogue, FigureCube) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/v2");
    cube_of(&super::read(&format!("tests/golden/v2/{name}.json")), &dir)
}

fn code(s: &str) -> UnitCode {
    s.parse().unwrap()
}

fn plan<'a>(cube: &'a FigureCube, cat: &'a Catalogue, unit: &str) -> ReportPlan<'a> {
    plan_report(cube, cat, &code(unit), &ReportOptions::default()).expect("a plan")
}

/// The unit a dataset speaks for: its root, else its top unit.
pub(crate) fn top_unit(d: &DatasetV2) -> UnitCode {
    d.root.unwrap_or_else(|| {
        d.units
            .iter()
            .find(|u| u.parent.is_none())
            .expect("a top unit")
            .code
    })
}

/// Every cell of the unit's subtree is stated exactly once, in the
/// paragraph or the table, and nothing else is.
fn assert_every_cell_once(cube: &FigureCube, plan: &ReportPlan) {
    let mut seen: HashMap<CellId, usize> = HashMap::new();
    for (id, _) in plan.cells_stated() {
        *seen.entry(id).or_default() += 1;
    }
    let subtree = cube.subtree_cells(&plan.unit);
    for id in &subtree {
        assert_eq!(
            seen.get(id).copied(),
            Some(1),
            "cell {id:?} of {} stated {:?} times: {:?}",
            plan.unit,
            seen.get(id),
            cube.cell(*id)
        );
    }
    assert_eq!(
        seen.len(),
        subtree.len(),
        "cells outside the subtree stated"
    );
    assert_eq!(plan.rows().len(), subtree.len(), "one display row per cell");
}

/// The golden files of a fixture: its report text and its display rows, in
/// tests/golden/v2/<stem>.txt and <stem>.rows.json. `DANVAN_UPDATE_GOLDEN=1`
/// writes them instead. A corpus fixture's golden is one line:
/// `golden("tests/corpus/01-….json")`.
pub fn golden(fixture_path: &str) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join(fixture_path);
    let dir = path.parent().expect("a directory");
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .expect("a file name");
    let (d, cat, cube) = cube_of(&super::read(fixture_path), dir);
    let plan = plan_report(&cube, &cat, &top_unit(&d), &ReportOptions::default()).expect("a plan");
    assert_every_cell_once(&cube, &plan);
    let text = render::vi::write_report(&plan);
    let rows = format!("{}\n", render::rows_json(&plan.rows()));
    let out = root.join("tests/golden/v2");
    for (file, got) in [
        (format!("{stem}.txt"), text),
        (format!("{stem}.rows.json"), rows),
    ] {
        let target = out.join(&file);
        if std::env::var_os("DANVAN_UPDATE_GOLDEN").is_some() {
            std::fs::write(&target, &got).expect("golden written");
            continue;
        }
        let want = std::fs::read_to_string(&target).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (DANVAN_UPDATE_GOLDEN=1 writes it)",
                target.display()
            )
        });
        assert_eq!(got, want, "{file} differs from its golden");
    }
}

/// The corpus fixtures' paragraphs and tables (issue 16 point 6): the reports of
/// `tests/corpus/`, rendered; read against each report's table in review.
#[test]
fn golden_corpus() {
    for n in 1..=9 {
        golden(&format!("tests/corpus/report-{n:02}.json"));
    }
}

#[test]
fn golden_synthetic_district() {
    golden("tests/golden/v2/synthetic-district.json");
}

#[test]
fn golden_synthetic_ward() {
    golden("tests/golden/v2/synthetic-ward.json");
}

#[test]
fn golden_synthetic_city() {
    golden("tests/golden/v2/synthetic-city.json");
}

#[test]
fn every_cell_of_every_unit_is_stated_once() {
    for name in ["synthetic-district", "synthetic-ward", "synthetic-city"] {
        let (d, cat, cube) = synthetic(name);
        let h = d.hierarchy().unwrap();
        for (_, u) in h.iter() {
            let Ok(plan) = plan_report(&cube, &cat, &u.code(), &ReportOptions::default()) else {
                // Units above a rooted dataset's root have no report.
                assert!(d.root.is_some_and(|r| r != u.code()));
                continue;
            };
            assert_every_cell_once(&cube, &plan);
        }
    }
}

#[test]
fn unknown_unit_and_unit_above_the_root_are_errors() {
    let (_, cat, cube) = synthetic("synthetic-district");
    let err = plan_report(&cube, &cat, &code("30"), &ReportOptions::default()).unwrap_err();
    assert_eq!(err.code(), "DV200");
    let err = plan_report(&cube, &cat, &code("66"), &ReportOptions::default()).unwrap_err();
    assert_eq!(err.code(), "DV201");
    assert_eq!(
        danvan::render::vi::message(err.kind()),
        "đơn vị \"66\" của báo cáo ở trên đơn vị gốc \"643\" của bộ số liệu: bộ số liệu không có số liệu của đơn vị này"
    );
}

fn area(p: &ReportPlan<'_>) -> String {
    render::vi::area(&p.unit_name, p.level)
}

#[test]
fn the_area_comes_from_the_units_level_and_name() {
    let (_, cat, cube) = synthetic("synthetic-district");
    assert_eq!(area(&plan(&cube, &cat, "643")), "toàn huyện");
    assert_eq!(area(&plan(&cube, &cat, "24310")), "toàn xã");
    let (_, cat, cube) = synthetic("synthetic-ward");
    assert_eq!(area(&plan(&cube, &cat, "20305")), "toàn phường");
    let (_, cat, cube) = synthetic("synthetic-city");
    assert_eq!(area(&plan(&cube, &cat, "31")), "toàn thành phố");
    assert_eq!(area(&plan(&cube, &cat, "303")), "toàn quận");
}

#[test]
fn each_period_has_its_own_block_in_time_order() {
    let (_, cat, cube) = synthetic("synthetic-district");
    let p = plan(&cube, &cat, "643");
    let headings: Vec<String> = p
        .blocks
        .iter()
        .map(|b| render::vi::heading(&b.period))
        .collect();
    assert_eq!(
        headings,
        [
            "Năm 2023",
            "Năm 2024",
            "Trong quý II/2024",
            "Chưa rõ thời gian"
        ]
    );
    let (_, cat, cube) = synthetic("synthetic-ward");
    let p = plan(&cube, &cat, "20305");
    let headings: Vec<String> = p
        .blocks
        .iter()
        .map(|b| render::vi::heading(&b.period))
        .collect();
    assert_eq!(
        headings,
        [
            "Từ năm 2011 đến nay",
            "Năm 2025 (tính đến ngày 15/11)",
            "Năm 2025"
        ]
    );
}

/// The cells of a unit for an indicator.
fn cells<'a>(cube: &'a FigureCube, unit: &str, indicator: &str) -> Vec<&'a danvan::CubeCell> {
    cube.cells()
        .iter()
        .filter(|c| c.key.unit == code(unit) && c.key.indicator.as_str() == indicator)
        .collect()
}

#[test]
fn sums_of_sub_units_say_whether_every_sub_unit_reported() {
    let (_, _, cube) = synthetic("synthetic-district");
    // Both communes: 5 + more than 3 = at least 8, complete.
    let teams = cells(&cube, "643", "village_teams");
    assert_eq!(teams.len(), 1);
    assert_eq!(teams[0].value.count(), Some(Interval::at_least(8)));
    assert_eq!(teams[0].origin, Origin::SubUnits { units: 2, of: 2 });
    assert!(teams[0].complete);
    // One commune of two: a lower bound, marked.
    let dialogues = cells(&cube, "643", "dialogues");
    assert_eq!(dialogues[0].value.count(), Some(Interval::at_least(2)));
    assert_eq!(dialogues[0].origin, Origin::SubUnits { units: 1, of: 2 });
    assert!(!dialogues[0].complete);
    // The district's own figure is kept (not replaced by the commune's 12).
    let houses: Vec<_> = cells(&cube, "643", "houses_built")
        .into_iter()
        .filter(|c| c.key.dims.is_empty() && c.key.change.is_none())
        .collect();
    assert_eq!(houses.len(), 2, "2023 and 2024, never added");
    assert!(houses
        .iter()
        .all(|c| matches!(c.origin, Origin::Stated { .. })));
    // Nothing is summed above the root, records included.
    assert_eq!(cube.unit_cells(&code("66")).count(), 0);
}

#[test]
fn additional_rates_and_actor_sets_never_add() {
    let (_, _, cube) = synthetic("synthetic-city");
    // "thêm" at 303 is not summed: only 304's 30, and 303 has no figure without "thêm".
    let gifts = cells(&cube, "31", "gift_packages");
    assert_eq!(gifts.len(), 1);
    assert_eq!(gifts[0].value.count(), Some(Interval::at_least(30)));
    assert!(!gifts[0].complete);
    // Rates are never summed.
    assert!(cells(&cube, "31", "poor_rate").is_empty());
    // Distinct persons: [largest, sum].
    let persons = cells(&cube, "31", "conference_persons");
    let i = persons[0].value.count().unwrap();
    assert_eq!((i.low(), i.high()), (100, Some(180)));
    // Flows of different periods never add: one cell per period and actor.
    let gov: Vec<_> = cells(&cube, "31", "documents")
        .into_iter()
        .filter(|c| c.key.actor == [danvan::Actor::Government])
        .collect();
    assert_eq!(gov.len(), 2);
    assert!(gov.iter().all(|c| !c.complete));
    // An actor set is its own key: party committees at the city is 304's 2 only.
    let party: Vec<_> = cells(&cube, "31", "documents")
        .into_iter()
        .filter(|c| c.key.actor == [danvan::Actor::PartyCommittees])
        .collect();
    assert_eq!(party[0].value.count(), Some(Interval::at_least(2)));
}

#[test]
fn an_official_figure_that_disagrees_is_printed_alone_and_flagged() {
    let (_, cat, cube) = synthetic("synthetic-district");
    let p = plan(&cube, &cat, "643");
    let text = render::vi::write_report(&p);
    assert!(
        text.contains("Chính quyền huyện ban hành 1 văn bản lãnh đạo, chỉ đạo."),
        "{text}"
    );
    assert!(!text.contains("trong đó có hơn 20"), "{text}");
    let part = p
        .rows()
        .into_iter()
        .find(|r| r.indicator == "leadership_documents" && r.origin == "part")
        .expect("the part's row");
    assert!(part.conflict);
    assert_eq!(part.stated_in, StatedIn::Table);
    assert_eq!(part.value, "hơn 20 văn bản");
    // Sub-units: the city's own 9 vs its districts' 4 + 3.
    let (_, cat, cube) = synthetic("synthetic-city");
    let p = plan(&cube, &cat, "31");
    let own = p
        .rows()
        .into_iter()
        .find(|r| r.indicator == "documents" && r.origin == "stated" && r.unit == "31")
        .unwrap();
    assert!(own.conflict);
    assert_eq!(own.stated_in, StatedIn::Paragraph);
}

#[test]
fn consistent_parts_follow_their_whole() {
    let (_, cat, cube) = synthetic("synthetic-district");
    let text = render::vi::write_report(&plan(&cube, &cat, "643"));
    assert!(
        text.contains("xây dựng 25 căn nhà đại đoàn kết, trong đó 20 căn (Loại công việc: new), 5 căn (Loại công việc: repaired)"),
        "{text}"
    );
    assert!(
        text.contains(
            "có 202 điển hình tiên tiến là tập thể, cá nhân được chính quyền cấp tỉnh khen thưởng"
        ),
        "{text}"
    );
    assert!(
        text.contains("trong đó có 17 điển hình là tập thể"),
        "{text}"
    );
}

#[test]
fn the_report_keeps_its_own_words_and_words_every_feature() {
    let (_, cat, cube) = synthetic("synthetic-district");
    let text = render::vi::write_report(&plan(&cube, &cat, "643"));
    for want in [
        // One subject per run: said once, then its clauses.
        "Người đứng đầu cấp ủy và chính quyền huyện ban hành 12 văn bản.",
        "Ngành dân vận toàn huyện ban hành gần 300 văn bản; số văn bản gấp 1,5 lần so với năm 2023.",
        "vận động quỹ Vì người nghèo hơn 1,7 tỷ đồng",
        "; số nhà đại đoàn kết tăng 5 căn so với năm 2023;",
        "Tỷ lệ hộ nghèo của chính quyền huyện giảm còn 3,2%.",
        "Ủy ban Mặt trận Tổ quốc Việt Nam huyện thực hiện kế hoạch vận động quỹ đạt 112,5% chỉ tiêu.",
        "Số xã tổ chức đối thoại của chính quyền huyện: 1/2 xã.",
        "tổ chức 1 hội nghị tuyên truyền, tập huấn; 1 hội nghị tập huấn; có 45 lượt người dự hội nghị",
        "Thời gian cuộc thi của ngành dân vận toàn huyện: 5 ngày",
        // A prize rank is the prize; named recipients follow "cho".
        "trao 2 giải nhất cho Đội Ea A (synthetic) và Đội Ea B (synthetic)",
        "Suất quà tặng hộ khó khăn toàn huyện: thêm 150 suất",
        "được chính quyền cấp tỉnh khen thưởng",
        "là tập thể, cá nhân",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
}

#[test]
fn a_repeated_figure_is_stated_once_in_the_paragraph() {
    let (_, cat, cube) = synthetic("synthetic-ward");
    let p = plan(&cube, &cat, "20305");
    let text = render::vi::write_report(&p);
    assert_eq!(text.matches("trên 10 văn bản").count(), 1, "{text}");
    let rows = p.rows();
    let repeated: Vec<&DisplayRow> = rows.iter().filter(|r| r.indicator == "documents").collect();
    assert_eq!(repeated.len(), 2);
    assert_eq!(
        repeated
            .iter()
            .filter(|r| r.stated_in == StatedIn::Table)
            .count(),
        1
    );
}

#[test]
fn records_enter_through_the_totals() {
    let (_, _, cube) = synthetic("synthetic-district");
    let conf: Vec<_> = cells(&cube, "643", "training_conferences");
    assert_eq!(conf.len(), 1);
    assert_eq!(conf[0].origin, Origin::Records);
    assert_eq!(conf[0].value, CellValue::Count(Interval::exact(1)));
    assert_eq!(conf[0].key.actor, [danvan::Actor::PartyCommittees]);
}

#[test]
fn display_rows_have_stable_columns() {
    assert_eq!(
        DisplayRow::COLUMNS.join(","),
        "cell,unit,unit_name,level,period,indicator,label,actor,dims,low,high,tone,estimate,value,origin,complete,conflict,stated_in,era"
    );
    let (_, cat, cube) = synthetic("synthetic-ward");
    let p = plan(&cube, &cat, "20305");
    let json: serde_json::Value = serde_json::from_str(&render::rows_json(&p.rows())).unwrap();
    let first = json.as_array().unwrap()[0].as_object().unwrap();
    let mut keys: Vec<&str> = first.keys().map(String::as_str).collect();
    keys.sort_unstable();
    let mut columns = DisplayRow::COLUMNS.to_vec();
    columns.sort_unstable();
    assert_eq!(keys, columns);
}

#[cfg(feature = "csv")]
#[test]
fn display_rows_as_csv() {
    let (_, cat, cube) = synthetic("synthetic-ward");
    let p = plan(&cube, &cat, "20305");
    let mut out = Vec::new();
    render::write_rows_csv(&p.rows(), &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some(DisplayRow::COLUMNS.join(",").as_str()));
    assert_eq!(lines.count(), p.rows().len());
    assert!(text.contains("Phường Hòa Lạc (synthetic)"));
}

/// A synthetic district with two communes and the given commune figures.
fn two_communes(figures: &str) -> String {
    format!(
        r#"{{"schema": "danvan/dataset/v2", "root": "643", "period": {{"start": "2024-01-01", "end": "2024-12-31"}},
        "indicators": [{{"id": "fund_raised", "kind": "flow", "value": {{"amount": "đồng"}}}}],
        "units": [{{"code": "66"}}, {{"code": "643", "name": "Huyện X (synthetic)", "parent": "66"}},
                  {{"code": "24310", "name": "Xã A (synthetic)", "parent": "643"}},
                  {{"code": "24311", "name": "Xã B (synthetic)", "parent": "643"}}],
        "figures": [{figures}]}}"#
    )
}

fn build(json: &str) -> Result<FigureCube, danvan::Error> {
    let d = DatasetV2::from_json(json.as_bytes()).expect("a v2 dataset");
    let cat = d.catalogue_on(Catalogue::builtin()).unwrap();
    FigureCube::build(&d, &cat, &d.hierarchy().unwrap())
}

#[test]
fn a_sum_past_the_largest_count_is_an_error_not_a_wrap() {
    let max = u64::MAX;
    let json = two_communes(&format!(
        r#"{{"indicator": "documents", "unit": "24310", "actor": "government", "value": {max}}},
           {{"indicator": "documents", "unit": "24311", "actor": "government", "value": 1}}"#
    ));
    assert_eq!(build(&json).unwrap_err().code(), "DV100");
}

#[test]
fn amounts_in_two_unit_words_never_add() {
    // Two unit words among the sub-units: that sum is left open (DV202),
    // the communes' cells stay, every other group is still summed.
    let json = two_communes(
        r#"{"indicator": "fund_raised", "unit": "24310", "actor": "front", "value": {"amount": "2", "unit": "đồng"}},
           {"indicator": "fund_raised", "unit": "24311", "actor": "front", "value": {"amount": "3", "unit": "m²"}},
           {"indicator": "documents", "unit": "24310", "actor": "government", "value": 2},
           {"indicator": "documents", "unit": "24311", "actor": "government", "value": 3}"#,
    );
    let cube = build(&json).unwrap();
    assert!(cells(&cube, "643", "fund_raised").is_empty());
    assert_eq!(cells(&cube, "24310", "fund_raised").len(), 1);
    assert_eq!(cells(&cube, "24311", "fund_raised").len(), 1);
    assert_eq!(
        cells(&cube, "643", "documents")[0].value.count(),
        Some(Interval::exact(5))
    );
    let w = cube.warnings();
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!(w[0].code(), "DV202");
    assert_eq!(w[0].severity(), danvan::Severity::Warning);
    assert_eq!(
        w[0].kind().to_string(),
        "the sum of \"fund_raised\" at \"643\" is left open: 24310, 24311 state it in \"đồng\" and \"m²\""
    );
    // Its report states every cell once, the communes' in the table.
    let d = DatasetV2::from_json(json.as_bytes()).unwrap();
    let cat = d.catalogue_on(Catalogue::builtin()).unwrap();
    let p = plan(&cube, &cat, "643");
    assert_every_cell_once(&cube, &p);
    // One unit word: summed, no warning.
    let json = two_communes(
        r#"{"indicator": "fund_raised", "unit": "24310", "actor": "front", "value": {"amount": "2", "unit": "đồng"}},
           {"indicator": "fund_raised", "unit": "24311", "actor": "front", "value": {"amount": "3", "unit": "đồng"}}"#,
    );
    assert!(build(&json).unwrap().warnings().is_empty());
    let json = two_communes(
        r#"{"indicator": "fund_raised", "unit": "24310", "actor": "front", "value": {"amount": "2", "scale": "triệu", "unit": "đồng"}},
           {"indicator": "fund_raised", "unit": "24311", "actor": "front", "value": {"amount": "500", "scale": "nghìn", "unit": "đồng", "qualifier": "at_least"}}"#,
    );
    let cube = build(&json).unwrap();
    let sum = cells(&cube, "643", "fund_raised");
    let CellValue::Amount { value, unit } = &sum[0].value else {
        panic!("an amount: {sum:?}")
    };
    assert_eq!(unit.as_str(), "đồng");
    assert_eq!(value.low().get(), rust_decimal::Decimal::from(2_500_000u64));
    assert_eq!(value.high(), None);
}

#[test]
fn computed_values_follow_the_style_stated_ones_keep_their_word() {
    let json = two_communes(
        r#"{"indicator": "documents", "unit": "24310", "actor": "government", "value": {"word": "more_than", "value": 6853}},
           {"indicator": "documents", "unit": "24311", "actor": "government", "value": 7}"#,
    );
    let cube = build(&json).unwrap();
    let cat = Catalogue::builtin();
    let press = ReportOptions::default().with_style(danvan::notation::Style::Press);
    let text = |unit: &str, o: &ReportOptions| {
        render::vi::write_report(&plan_report(&cube, &cat, &code(unit), o).unwrap())
    };
    assert!(text("643", &ReportOptions::default()).contains("ban hành ít nhất 6.860 văn bản"));
    assert!(text("643", &press).contains("ban hành hơn 6.800 văn bản"));
    // A stated figure keeps the report's own word in both styles.
    assert!(text("24310", &press).contains("ban hành hơn 6.853 văn bản"));
}

#[test]
fn parts_with_one_key_add_within_their_breakdown_and_are_never_guessed_between() {
    // Commune A: one breakdown with two parts of the same key (two named
    // groups of collectives); commune B: the same figure stated twice with
    // its parts (a repeated figure): its parts are not added twice.
    let part = |n: u64, label: &str| {
        format!(r#"{{"label": "{label}", "dims": {{"recipient": "collective"}}, "value": {n}}}"#)
    };
    let whole = |unit: &str, n: u64, parts: &str| {
        format!(
            r#"{{"indicator": "awarded_collectives", "unit": "{unit}", "actor": "government", "value": {n},
                "parts": {{"complete": false, "items": [{parts}]}}}}"#
        )
    };
    let a = whole(
        "24310",
        9,
        &format!("{},{}", part(3, "nhóm 1"), part(4, "nhóm 2")),
    );
    let b = whole("24311", 5, &part(2, "nhóm 3"));
    let cube = build(&two_communes(&format!("{a},{b},{b}"))).unwrap();
    let collective: Vec<_> = cells(&cube, "643", "awarded_collectives")
        .into_iter()
        .filter(|c| !c.key.dims.is_empty())
        .collect();
    assert_eq!(collective.len(), 1);
    // 3 + 4 from A; B's parts are ambiguous (two figures), so only a lower bound.
    assert_eq!(collective[0].value.count(), Some(Interval::at_least(7)));
    assert!(!collective[0].complete);
    // The wholes: A's 9 and B's first 5.
    let wholes: Vec<_> = cells(&cube, "643", "awarded_collectives")
        .into_iter()
        .filter(|c| c.key.dims.is_empty())
        .collect();
    assert_eq!(wholes[0].value.count(), Some(Interval::exact(14)));
    let cat = Catalogue::builtin();
    assert_every_cell_once(&cube, &plan(&cube, &cat, "643"));
    assert_every_cell_once(&cube, &plan(&cube, &cat, "24311"));
}

/// What check_v2 says of the synthetic datasets: only the disagreements
/// they carry on purpose, and from a checked dataset the same cube.
#[test]
fn the_synthetic_datasets_as_check_v2_sees_them() {
    for (name, want_errors, want_warnings) in [
        ("synthetic-district", vec!["DV180"], vec!["DV178"]),
        ("synthetic-ward", vec![], vec!["DV188"]),
        ("synthetic-city", vec![], vec!["DV183"]),
    ] {
        let (d, _, cube) = synthetic(name);
        let codes = |r: &danvan::Report, s: danvan::Severity| -> Vec<String> {
            let mut c: Vec<String> = r
                .issues()
                .iter()
                .filter(|i| i.severity() == s)
                .map(|i| i.code().to_string())
                .collect();
            c.sort();
            c.dedup();
            c
        };
        match danvan::check_v2(d, &Catalogue::builtin()) {
            Ok(checked) => {
                assert!(want_errors.is_empty(), "{name}: expected errors");
                assert_eq!(
                    codes(checked.warnings(), danvan::Severity::Warning),
                    want_warnings,
                    "{name}"
                );
                let again = FigureCube::from_checked(&checked).unwrap();
                assert_eq!(again.cells(), cube.cells(), "{name}");
            }
            Err(report) => {
                assert_eq!(
                    codes(&report, danvan::Severity::Error),
                    want_errors,
                    "{name}: {report}"
                );
                assert_eq!(
                    codes(&report, danvan::Severity::Warning),
                    want_warnings,
                    "{name}: {report}"
                );
            }
        }
    }
}

/// A unit's name, a label and a value's words with a newline, a tab or
/// another control character: the reader reads a name's runs of whitespace
/// as one space (session 14, `unit_names`) and keeps the other control
/// characters and the labels' as data; the report writes them on one line,
/// each control character a space; CSV and JSON rows stay one record per cell.
#[test]
fn control_characters_in_names_never_break_the_report_or_its_rows() {
    let json = r#"{"schema": "danvan/dataset/v2", "root": "643", "period": {"start": "2024-01-01", "end": "2024-12-31"},
        "indicators": [{"id": "gifts", "label": "Suất\tquà\u2028tặng", "kind": "flow", "value": "count", "unit_word": "suất"}],
        "dimensions": [{"id": "movement", "values": ["tet"], "value_labels": {"tet": "chương trình\r\n“Tết” (synthetic)"}}],
        "units": [{"code": "66"}, {"code": "643", "name": "Huyện Krông\nXanh (synthetic)", "parent": "66"},
                  {"code": "24310", "name": "Xã\u0007A (synthetic)", "parent": "643"}],
        "figures": [{"indicator": "gifts", "unit": "643", "actor": "front", "dims": {"movement": "tet"}, "value": 5},
                    {"indicator": "gifts", "unit": "24310", "actor": "front", "dims": {"movement": "tet"}, "value": 2}]}"#;
    let d = DatasetV2::from_json(json.as_bytes()).expect("names are data");
    let cat = d.catalogue_on(Catalogue::builtin()).unwrap();
    let cube = FigureCube::build(&d, &cat, &d.hierarchy().unwrap()).unwrap();
    let p = plan(&cube, &cat, "643");
    let text = render::vi::write_report(&p);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Huyện Krông Xanh (synthetic)", "{text}");
    assert_eq!(
        lines.len(),
        4,
        "name, blank, heading, one section: {text:?}"
    );
    assert!(
        lines[3].contains("Suất quà tặng") && lines[3].contains("chương trình  “Tết” (synthetic)"),
        "{text:?}"
    );
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
    // JSON: every text column on one line, control characters gone.
    let rows = p.rows();
    let json: serde_json::Value = serde_json::from_str(&render::rows_json(&rows)).unwrap();
    let array = json.as_array().unwrap();
    assert_eq!(array.len(), rows.len());
    for row in array {
        for (col, v) in row.as_object().unwrap() {
            if let Some(s) = v.as_str() {
                assert!(!s.chars().any(char::is_control), "{col}: {s:?}");
            }
        }
    }
    assert!(rows.iter().any(|r| r.unit_name == "Xã A (synthetic)"));
    // CSV: one line per record.
    #[cfg(feature = "csv")]
    {
        let mut out = Vec::new();
        render::write_rows_csv(&rows, &mut out).unwrap();
        let csv = String::from_utf8(out).unwrap();
        assert_eq!(csv.lines().count(), rows.len() + 1, "{csv}");
    }
}
