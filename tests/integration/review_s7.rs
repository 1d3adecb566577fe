//! Review of session 7's merged diff (`git diff f1c809c..HEAD`): hostile
//! input against the country's cell, eras, the report plan and the `danvan`
//! command. Every dataset here is synthetic.

use danvan::{check_v2, Catalogue, DatasetV2, FigureCube};

fn fixture(path: &str) -> DatasetV2 {
    DatasetV2::from_json(crate::read(path).as_bytes()).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The successor ward's report (current era, valid from 1 July 2025) must
/// not state its predecessor's first-half figures (same code, era 2020) as
/// its own, neither in the paragraph nor in the rows: the predecessor's
/// cells lie outside the current hierarchy the report walks (they are
/// stated after the current era's text, under their era's heading, and in
/// `era_rows`).
#[test]
fn a_successors_report_does_not_state_its_predecessors_figures() {
    let checked = check_v2(
        fixture("tests/fixtures/v2-eras.json"),
        &Catalogue::builtin(),
    )
    .unwrap_or_else(|r| panic!("{r:?}"));
    let cube = FigureCube::from_checked(&checked).unwrap();
    for unit in ["26734", "79"] {
        let plan = danvan::render::plan_report(
            &cube,
            checked.catalogue(),
            &unit.parse().unwrap(),
            &Default::default(),
        )
        .unwrap();
        // Session 9 (issue 15 item 9) states the predecessors' figures under
        // a heading of their own after the current era's text: the current
        // era's text (the plan without its other eras) is the report's
        // beginning and still says nothing of the first half.
        let text = danvan::render::vi::write_report(&plan);
        let mut current = plan.clone();
        current.eras.clear();
        let current = danvan::render::vi::write_report(&current);
        assert!(!current.contains("đầu năm 2025"), "{unit}: {current}");
        let rest = text
            .strip_prefix(current.as_str())
            .unwrap_or_else(|| panic!("{unit}: {text}"));
        // Session 11: the sentence that the eras are not summed, then the heading.
        assert!(
            rest.starts_with(
                "\nSố liệu trên là của các đơn vị hiện hành; số liệu của các đơn vị \
                 trước ngày 01/07/2025 nêu dưới đây không cộng vào số liệu trên.\n\
                 \nTrước ngày 01/07/2025\n"
            ),
            "{unit}: {rest}"
        );
        for row in plan.rows() {
            assert_ne!(row.period, "6 tháng đầu năm 2025", "{unit}: {row:?}");
        }
        for row in plan.era_rows() {
            assert_eq!(row.period, "6 tháng đầu năm 2025", "{unit}: {row:?}");
        }
    }
}

/// Runs the `danvan` binary with raw (possibly non-UTF-8) arguments.
#[cfg(all(feature = "cli", unix))]
fn danvan_os(args: &[&[u8]]) -> std::process::Output {
    use std::os::unix::ffi::OsStrExt;
    std::process::Command::new(env!("CARGO_BIN_EXE_danvan"))
        .args(args.iter().map(|a| std::ffi::OsStr::from_bytes(a)))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the danvan binary runs")
}

/// An argument that is not UTF-8 (a file name or a `--unit` value from a
/// hostile caller) is a usage error, status 2 with a message: not a panic
/// (status 101) with a backtrace.
#[cfg(all(feature = "cli", unix))]
#[test]
fn a_non_utf8_argument_is_a_usage_error_not_a_panic() {
    for args in [
        &[&b"report"[..], b"\xff"][..],
        &[
            b"report",
            b"tests/corpus/report-04.json",
            b"--unit",
            b"\xff\xfe",
        ],
        &[b"\xc3"],
    ] {
        let o = danvan_os(args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("not UTF-8"), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

/// The top level's total with a country cell of the records layer, when one
/// root's value is the records' and another root's the reported layer's (its
/// commune's own figure; no record in its subtree): the country cell of the
/// records knows nothing of that reported figure, so the country's total must
/// still count it (at least 300 + 50), not drop it. Synthetic units.
#[test]
fn the_country_cell_of_records_does_not_drop_a_roots_reported_figure() {
    use danvan::{
        Accumulator, Actor, Builtin, Crosswalk, Hierarchy, Level, Period, Totals, TotalsLayer,
        Unit, UnitCode,
    };
    let code = |s: &str| -> UnitCode { s.parse().unwrap() };
    let old = Hierarchy::new(vec![
        Unit::new(code("90"), "Synthetic old province"),
        Unit::new(code("90001"), "Synthetic old commune").with_parent(Some(code("90"))),
    ])
    .unwrap();
    let new = Hierarchy::new(vec![
        Unit::new(code("80"), "Synthetic new province A"),
        Unit::new(code("50000"), "Synthetic new commune A").with_parent(Some(code("80"))),
        Unit::new(code("81"), "Synthetic new province B"),
        Unit::new(code("50100"), "Synthetic new commune B").with_parent(Some(code("81"))),
        Unit::new(code("82"), "Synthetic new province C"),
        Unit::new(code("50200"), "Synthetic new commune C").with_parent(Some(code("82"))),
    ])
    .unwrap();
    let mut acc = Accumulator::new(&old, Period::year(2024).unwrap(), &[]);
    acc.add(&danvan::Conference {
        id: None,
        unit: code("90001"),
        date: chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(),
        actor: Actor::PartyCommittees,
        kind: danvan::ConferenceKind::Both,
        participants: danvan::Reported::new(danvan::Qualifier::Exact, danvan::Count::new(300)),
        headcount: danvan::Headcount::Occurrences,
    })
    .unwrap();
    let cw = Crosswalk::builder()
        .split_unknown(code("90001"), &[code("50000"), code("50100")])
        .build()
        .unwrap();
    let t = acc
        .finish()
        .unwrap()
        .rekey(&cw, Level::Commune, &new)
        .unwrap();
    let participants = danvan::IndicatorId::from(Builtin::ConferenceParticipants);
    let mut rows = t.rows();
    let mut own = rows
        .iter()
        .find(|r| r.layer == TotalsLayer::Records && r.indicator == participants)
        .cloned()
        .unwrap();
    own.layer = TotalsLayer::Reported;
    own.unit = code("50200");
    own.low = Some(50);
    own.high = Some(50);
    own.tone = Some(danvan::Tone::Exact);
    own.estimate = None;
    own.largest_part = None;
    rows.push(own);
    let back = Totals::from_rows(&new, t.period(), &[], rows).unwrap();
    assert_eq!(
        back.reported(
            &code("82"),
            Builtin::ConferenceParticipants,
            Actor::PartyCommittees
        ),
        Some(danvan::Interval::exact(50))
    );
    let country = back
        .level_total(
            Level::Province,
            Builtin::ConferenceParticipants,
            Actor::PartyCommittees,
        )
        .unwrap()
        .unwrap();
    // The country received exactly 300 by records, and 50 in province C.
    assert_eq!(country, danvan::Interval::exact(350));
}

/// A file without end (`/dev/zero`) as DATASET or `--catalogue`: the
/// command reads no more than the reader's byte limit and says the document
/// is too large (DV120, status 1; status 2 for the catalogue), instead of
/// reading until memory runs out. Run under a 1 GB address-space limit so a
/// regression fails (status 2, "out of memory") without hurting the machine.
#[cfg(all(feature = "cli", unix))]
#[test]
fn an_endless_file_is_too_large_not_read_until_memory_runs_out() {
    let bin = env!("CARGO_BIN_EXE_danvan");
    let run = |args: &str| {
        std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("ulimit -v 1000000; exec \"{bin}\" {args}"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdin(std::process::Stdio::null())
            .output()
            .expect("sh runs")
    };
    let o = run("check /dev/zero --format json");
    let out = String::from_utf8_lossy(&o.stdout);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{out} {err}");
    assert!(out.contains("\"DV120\""), "{out} {err}");
    let o = run("check tests/corpus/report-04.json --catalogue /dev/zero");
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(!err.contains("out of memory"), "{err}");
}

/// Skipped units (no crosswalk entry) with the country's cell: the country
/// holds the placed 4 and may hold the skipped 6 (outside the new hierarchy
/// or in it): its top-level total is within [4, 10] and contains both ends,
/// never the exact 4 (the skipped value landing nowhere) nor more than 10.
/// Synthetic units.
#[test]
fn a_skipped_units_value_widens_the_country_not_lost_nor_doubled() {
    use danvan::{
        Accumulator, Actor, Builtin, Count, Crosswalk, Figure, Hierarchy, Interval, Level, Period,
        RekeyOptions, Reported, Unit, UnitCode,
    };
    let code = |s: &str| -> UnitCode { s.parse().unwrap() };
    let old = Hierarchy::new(vec![
        Unit::new(code("10"), "P (synthetic)"),
        Unit::new(code("101"), "D1 (synthetic)").with_parent(Some(code("10"))),
        Unit::new(code("10101"), "C1 (synthetic)").with_parent(Some(code("101"))),
        Unit::new(code("10102"), "C2 (synthetic)").with_parent(Some(code("101"))),
        Unit::new(code("10103"), "C3 (synthetic)").with_parent(Some(code("101"))),
    ])
    .unwrap();
    let new = Hierarchy::new(vec![
        Unit::new(code("80"), "NP (synthetic)"),
        Unit::new(code("80001"), "NC1 (synthetic)").with_parent(Some(code("80"))),
        Unit::new(code("81"), "NP2 (synthetic)"),
        Unit::new(code("81001"), "NC3 (synthetic)").with_parent(Some(code("81"))),
    ])
    .unwrap();
    let figure = |unit: &str, value: u64| Figure {
        indicator: Builtin::Documents.into(),
        unit: code(unit),
        period: None,
        actors: vec![Actor::MobilizationSector],
        value: Some(Reported::exact(Count::new(value))),
        amount: None,
        parts: Vec::new(),
    };
    let mut acc = Accumulator::new(&old, Period::year(2024).unwrap(), &[]);
    acc.add(&figure("10101", 3)).unwrap();
    acc.add(&figure("10103", 1)).unwrap();
    acc.add(&figure("10102", 6)).unwrap();
    let t = acc.finish().unwrap();
    // 10101 to province 80, 10103 to province 81; 10102 has no entry.
    let cw = Crosswalk::builder()
        .merge(code("10101"), code("80001"))
        .merge(code("10103"), code("81001"))
        .build()
        .unwrap();
    let (after, report) = t
        .rekey_with(
            &cw,
            Level::Commune,
            &new,
            RekeyOptions::default().skipping_unmapped(),
        )
        .unwrap();
    assert_eq!(report.skipped, [code("10102")]);
    let country = after
        .level_total(
            Level::Province,
            Builtin::Documents,
            Actor::MobilizationSector,
        )
        .unwrap()
        .unwrap();
    assert!(
        country.low() <= 4 && country.high().is_some_and(|h| h >= 10),
        "{country:?}"
    );
    assert!(country.low() >= 4, "{country:?}");
    assert_eq!(country, Interval::between(4, Some(10)).unwrap());
    // Through rows and back, and merged with empty totals of the new units.
    let back = danvan::Totals::from_rows(&new, after.period(), &[], after.rows()).unwrap();
    assert_eq!(back, after);
    let empty = danvan::Totals::empty(&new, after.period(), &[]);
    let merged = after.clone().merge(empty).unwrap();
    assert_eq!(
        merged
            .level_total(
                Level::Province,
                Builtin::Documents,
                Actor::MobilizationSector
            )
            .unwrap(),
        Some(country)
    );
}

/// The rekeyed split of 300 across two provinces (country exactly 300)
/// merged with totals computed from new records (10 in province A): the
/// country is exactly 310, in either order, and never the roots' [10, 610]
/// plus the country's 300 on top. Synthetic units.
#[test]
fn the_country_after_a_merge_with_computed_totals_is_exact_and_counted_once() {
    use danvan::{
        Accumulator, Actor, Builtin, Crosswalk, Hierarchy, Interval, Level, Period, Unit, UnitCode,
    };
    let code = |s: &str| -> UnitCode { s.parse().unwrap() };
    let conference = |unit: &str, n: u64| danvan::Conference {
        id: None,
        unit: code(unit),
        date: chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(),
        actor: Actor::PartyCommittees,
        kind: danvan::ConferenceKind::Both,
        participants: danvan::Reported::new(danvan::Qualifier::Exact, danvan::Count::new(n)),
        headcount: danvan::Headcount::Occurrences,
    };
    let old = Hierarchy::new(vec![
        Unit::new(code("90"), "Synthetic old province"),
        Unit::new(code("90001"), "Synthetic old commune").with_parent(Some(code("90"))),
    ])
    .unwrap();
    let new = Hierarchy::new(vec![
        Unit::new(code("80"), "Synthetic new province A"),
        Unit::new(code("50000"), "Synthetic new commune A").with_parent(Some(code("80"))),
        Unit::new(code("81"), "Synthetic new province B"),
        Unit::new(code("50100"), "Synthetic new commune B").with_parent(Some(code("81"))),
    ])
    .unwrap();
    let period = Period::year(2024).unwrap();
    let mut acc = Accumulator::new(&old, period, &[]);
    acc.add(&conference("90001", 300)).unwrap();
    let cw = Crosswalk::builder()
        .split_unknown(code("90001"), &[code("50000"), code("50100")])
        .build()
        .unwrap();
    let rekeyed = acc
        .finish()
        .unwrap()
        .rekey(&cw, Level::Commune, &new)
        .unwrap();
    let mut acc = Accumulator::new(&new, period, &[]);
    acc.add(&conference("50000", 10)).unwrap();
    let computed = acc.finish().unwrap();
    let country = |t: &danvan::Totals| {
        t.level_total(
            Level::Province,
            Builtin::ConferenceParticipants,
            Actor::PartyCommittees,
        )
        .unwrap()
    };
    for merged in [
        rekeyed.clone().merge(computed.clone()).unwrap(),
        computed.clone().merge(rekeyed.clone()).unwrap(),
    ] {
        assert_eq!(country(&merged), Some(Interval::exact(310)));
        let rows = merged.rows();
        let back = danvan::Totals::from_rows(&new, period, &[], rows).unwrap();
        assert_eq!(country(&back), Some(Interval::exact(310)));
    }
}

/// A named recipient with a line break, a bell and a line separator, given
/// twice (DV210): the Vietnamese message (one line per issue in `danvan
/// check`) quotes it escaped, as the English one does, never with the raw
/// control characters that break the line. Synthetic names.
#[test]
fn a_quoted_name_with_control_characters_stays_on_one_line_in_vietnamese() {
    let doc = r#"{"schema": "danvan/dataset/v2", "title": "synthetic", "period": {"start": "2023-01-01", "end": "2023-12-31"},
      "units": [{"code": "30", "name": "Tỉnh A (synthetic)"}],
      "figures": [{"id": "a", "indicator": "documents", "unit": "30", "actor": "government", "value": 2,
                   "named": ["X\u0007\nY\u2028Z\r", "X\u0007\nY\u2028Z\r"]}]}"#;
    let d = DatasetV2::from_json(doc.as_bytes()).unwrap();
    let checked = check_v2(d, &Catalogue::builtin()).unwrap_or_else(|r| panic!("{r:?}"));
    let issues: Vec<_> = checked.warnings().issues().iter().collect();
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0].kind().code(), "DV210");
    for text in [
        danvan::render::vi::message(issues[0].kind()),
        danvan::render::vi::issue(issues[0]),
        issues[0].kind().to_string(),
    ] {
        assert!(
            !text.chars().any(|c| c.is_control() || c == '\u{2028}'),
            "{text:?}"
        );
        assert!(text.contains('X') && text.contains('Z'), "{text:?}");
    }
}

/// N years ending with year X when N > X would start before year 1: the
/// calendar form was refused late, as an "overflow" (DV003, "exceeds the
/// largest value that can be stored", English words in the Vietnamese
/// message) after the reader had accepted it, and the same sub-unit sums
/// were still compared. The reader refuses it where it stands (DV050, line
/// and column), calendar or not.
#[test]
fn more_years_than_the_ending_year_are_refused_on_read() {
    for period in [
        r#"{"years": 3000, "ending": 2023, "calendar": true}"#,
        r#"{"years": 3000, "ending": 2023}"#,
        r#"{"years": 2024, "ending": "2023-06-30"}"#,
    ] {
        let doc = format!(
            r#"{{"schema": "danvan/dataset/v2", "title": "synthetic", "period": {{"start": "2023-01-01", "end": "2023-12-31"}},
              "units": [{{"code": "30", "name": "Tỉnh A (synthetic)"}}],
              "figures": [{{"indicator": "documents", "unit": "30", "actor": "government", "value": 2, "period": {period}}}]}}"#
        );
        let err = DatasetV2::from_json(doc.as_bytes()).unwrap_err();
        assert_eq!(err.code(), "DV050", "{period}: {err}");
        assert!(err.to_string().contains("before year 1"), "{period}: {err}");
    }
    // The most years a year allows still read.
    let ok: danvan::FigurePeriod =
        serde_json::from_str(r#"{"years": 2023, "ending": 2023, "calendar": true}"#).unwrap();
    assert_eq!(
        ok.resolve(None).unwrap().map(|p| p.to_string()),
        Some("0001-01-01/2023-12-31".to_owned())
    );
}

/// The reader's message quoting the input (an unknown field, an unknown
/// actor) with a line break and a bell: the error (English and Vietnamese,
/// and `danvan check`'s line) stays one line, the characters escaped.
#[test]
fn a_readers_message_quoting_control_characters_stays_on_one_line() {
    for doc in [
        r#"{"schema": "danvan/dataset/v2", "period": {"start": "2023-01-01", "end": "2023-12-31"}, "units": [], "x\ny\u0007": 1}"#,
        r#"{"schema": "danvan/dataset/v2", "period": {"start": "2023-01-01", "end": "2023-12-31"}, "units": [{"code": "30", "name": "A (synthetic)"}], "figures": [{"indicator": "documents", "unit": "30", "actor": "gov\nern\u2028ment", "value": 1}]}"#,
    ] {
        let err = DatasetV2::from_json(doc.as_bytes()).unwrap_err();
        assert_eq!(err.code(), "DV050", "{err}");
        for text in [err.to_string(), danvan::render::vi::message(err.kind())] {
            assert!(
                !text.chars().any(|c| c.is_control() || c == '\u{2028}'),
                "{text:?}"
            );
            assert!(text.contains("\\n"), "{text:?}");
        }
    }
}

/// `--unit 30 --unit 31` (or a format, or a catalogue, twice) silently took
/// the last value: a caller's mistake printed another unit's report with
/// status 0. An option given twice is a usage error, status 2.
#[cfg(all(feature = "cli", unix))]
#[test]
fn an_option_given_twice_is_a_usage_error() {
    for args in [
        &[
            &b"report"[..],
            b"tests/corpus/report-04.json",
            b"--unit",
            b"30",
            b"--unit",
            b"31",
        ][..],
        &[
            b"report",
            b"tests/corpus/report-04.json",
            b"--format",
            b"csv",
            b"--format",
            b"json",
        ],
        &[
            b"check",
            b"tests/corpus/report-04.json",
            b"--catalogue",
            b"x",
            b"--catalogue",
            b"y",
        ],
    ] {
        let o = danvan_os(args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("given twice"), "{args:?}: {err}");
        assert!(o.stdout.is_empty(), "{args:?}");
    }
}
