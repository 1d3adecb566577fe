//! Hostile review of session 6 (model v2 figures, the cube, the report,
//! amounts as intervals): each test is a finding or a probe of bad input.
//! Every unit, name and figure here is synthetic.

use danvan::{check_v2, AmountValue, Catalogue, DatasetV2, FigureCube};

/// A one-unit synthetic dataset with the given figures.
fn dataset(figures: &str) -> DatasetV2 {
    let json = format!(
        r#"{{"schema": "danvan/dataset/v2", "period": {{"start": "2024-01-01", "end": "2024-12-31"}},
            "units": [{{"code": "30", "name": "Tỉnh A (synthetic)"}}],
            "figures": [{figures}]}}"#
    );
    DatasetV2::from_json(json.as_bytes()).expect("a v2 dataset")
}

/// Parts of a distinct indicator (persons) may overlap: a complete
/// breakdown 6 + 6 of a whole 10 is open (the whole lies between 6 and 12),
/// and check_v2 accepts it; the cube must not flag it as a conflict. Nor
/// may it flag a partial breakdown whose every part stays within its whole.
#[test]
fn distinct_parts_that_may_overlap_are_no_conflict() {
    for complete in [true, false] {
        let d = dataset(&format!(
            r#"{{"indicator": "conference_persons", "unit": "30", "actor": "front", "value": 10,
                "parts": {{"complete": {complete}, "items": [{{"label": "a", "value": 6}}, {{"label": "b", "value": 6}}]}}}}"#
        ));
        let cat = Catalogue::builtin();
        let checked = check_v2(d, &cat)
            .map_err(|r| r.to_string())
            .expect("accepted");
        let cube = FigureCube::from_checked(&checked).expect("a cube");
        let conflicts: Vec<_> = cube.cells().iter().filter(|c| c.conflict).collect();
        assert!(conflicts.is_empty(), "complete {complete}: {conflicts:?}");
    }
    // A distinct part above its whole is still a conflict.
    let d = dataset(
        r#"{"indicator": "conference_persons", "unit": "30", "actor": "front", "value": 10,
            "parts": {"complete": false, "items": [{"label": "a", "value": 11}]}}"#,
    );
    let cube = FigureCube::build(&d, &Catalogue::builtin(), &d.hierarchy().unwrap()).unwrap();
    assert!(cube.cells().iter().any(|c| c.conflict));
}

/// Bad amounts are refused with an error, never a panic: a reversed range,
/// a `from` without the range word, a scale that overflows.
#[test]
fn bad_amounts_are_refused() {
    for bad in [
        r#"{"amount": "5", "word": "range", "from": "8", "unit": "km"}"#,
        r#"{"amount": "5", "from": "3", "unit": "km"}"#,
        r#"{"amount": "5", "word": "range", "unit": "km"}"#,
        r#"{"amount": "5", "word": "nearly", "qualifier": "about", "unit": "km"}"#,
        r#"{"amount": "79228162514264337593543950335", "scale": "tỷ", "unit": "đồng"}"#,
        r#"{"amount": "-1", "unit": "đồng"}"#,
        r#"{"amount": "5", "word": "range", "from": "-1", "unit": "km"}"#,
    ] {
        assert!(serde_json::from_str::<AmountValue>(bad).is_err(), "{bad}");
    }
}

mod rekey_skip {
    use danvan::*;

    fn code(s: &str) -> UnitCode {
        s.parse().unwrap()
    }

    /// Synthetic: province 10 with communes 10101 and 10102; new province 80
    /// with commune 80001. The crosswalk names 10101 only.
    #[test]

    fn a_total_above_a_skipped_unit_is_not_exact() {
        let old = Hierarchy::new(vec![
            Unit::new(code("10"), "P (synthetic)"),
            Unit::new(code("10101"), "C1 (synthetic)").with_parent(Some(code("10"))),
            Unit::new(code("10102"), "C2 (synthetic)").with_parent(Some(code("10"))),
        ])
        .unwrap();
        let new = Hierarchy::new(vec![
            Unit::new(code("80"), "NP (synthetic)"),
            Unit::new(code("80001"), "NC1 (synthetic)").with_parent(Some(code("80"))),
        ])
        .unwrap();
        let mut acc = Accumulator::new(&old, Period::year(2024).unwrap(), &[]);
        for (unit, v) in [("10101", 4), ("10102", 6)] {
            acc.add(&Figure {
                indicator: Builtin::Documents.into(),
                unit: code(unit),
                period: None,
                actors: vec![Actor::MobilizationSector],
                value: Some(Reported::exact(Count::new(v))),
                amount: None,
                parts: Vec::new(),
            })
            .unwrap();
        }
        let t = acc.finish().unwrap();
        let cw = Crosswalk::builder()
            .merge(code("10101"), code("80001"))
            .build()
            .unwrap();
        let (after, _) = t
            .rekey_with(
                &cw,
                Level::Commune,
                &new,
                RekeyOptions::default().skipping_unmapped(),
            )
            .unwrap();
        let v = after.value(
            &code("80"),
            IndicatorId::from(Builtin::Documents),
            Actor::MobilizationSector,
        );
        // 10102's 6 documents went somewhere the crosswalk does not say:
        // province 80 has at least 4, perhaps 10 (the data bounds it: the
        // old units held 10 in all), and so does the country.
        assert_eq!(v, Some(Interval::between(4, Some(10)).unwrap()), "{v:?}");
        let country = after
            .level_total(
                Level::Province,
                Builtin::Documents,
                Actor::MobilizationSector,
            )
            .unwrap();
        assert_eq!(country, Some(Interval::between(4, Some(10)).unwrap()));
    }
}

/// Synthetic province 30 with districts 301 and 302 (names with a comma,
/// a quote and a newline); only 301 reports.
fn two_districts() -> DatasetV2 {
    let json = r#"{"schema": "danvan/dataset/v2", "period": {"start": "2024-01-01", "end": "2024-12-31"},
        "units": [{"code": "30", "name": "Tỉnh A, \"x\"\n=1+1 (synthetic)"},
                  {"code": "301", "name": "Huyện B, \"y\"\r\n (synthetic)", "parent": "30"},
                  {"code": "302", "name": "Huyện C (synthetic)", "parent": "30"}],
        "figures": [{"indicator": "documents", "unit": "301", "actor": "front", "value": 7,
                     "parts": {"complete": false, "items": [{"label": "a, \"b\"\nc", "value": 2}]}}]}"#;
    DatasetV2::from_json(json.as_bytes()).expect("a v2 dataset")
}

/// The province's sum of one district of two is a lower bound, worded as
/// one, and the rows survive names with commas, quotes and newlines.
#[test]
fn a_partial_sum_and_hostile_names() {
    use danvan::render::{plan_report, rows_json, vi::write_report, ReportOptions};
    let d = two_districts();
    let cat = Catalogue::builtin();
    let cube = FigureCube::build(&d, &cat, &d.hierarchy().unwrap()).unwrap();
    let plan = plan_report(
        &cube,
        &cat,
        &"30".parse().unwrap(),
        &ReportOptions::default(),
    )
    .unwrap();
    let text = write_report(&plan);
    // The district's 7 is the province's lower bound, not its exact figure.
    assert!(text.contains("ít nhất 7 văn bản"), "{text}");
    assert!(!text.contains("ban hành 7 văn bản"), "{text}");
    let rows: serde_json::Value = serde_json::from_str(&rows_json(&plan.rows())).unwrap();
    assert_eq!(rows.as_array().map(Vec::len), Some(plan.rows().len()));
    #[cfg(feature = "csv")]
    {
        let mut out = Vec::new();
        danvan::render::write_rows_csv(&plan.rows(), &mut out).unwrap();
        let mut r = csv::ReaderBuilder::new().from_reader(out.as_slice());
        let header = r.headers().unwrap().len();
        let mut n = 0;
        for rec in r.records() {
            assert_eq!(rec.unwrap().len(), header);
            n += 1;
        }
        assert_eq!(n, plan.rows().len());
    }
}
