//! The `danvan` command as other languages' apps run it: a real process,
//! its standard output, standard error and exit status.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `danvan` with `args` in the repository root, `stdin` fed to it.
fn danvan(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_danvan"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the danvan binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin)
        .expect("stdin written");
    child.wait_with_output().expect("danvan ends")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// JSON Lines of the output, each an object.
fn lines(o: &Output) -> Vec<Value> {
    text(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn the_report_of_each_corpus_fixture_is_its_golden_paragraph() {
    for n in 1..=9 {
        let dataset = format!("tests/corpus/report-{n:02}.json");
        let o = danvan(&["report", &dataset], b"");
        assert_eq!(o.status.code(), Some(0), "{dataset}: {}", text(&o.stderr));
        let golden = crate::read(&format!("tests/golden/v2/report-{n:02}.txt"));
        assert_eq!(text(&o.stdout), golden, "{dataset}");
    }
}

#[test]
fn report_rows_as_json_and_csv_have_the_documented_columns() {
    let o = danvan(
        &["report", "tests/corpus/report-04.json", "--format", "json"],
        b"",
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let rows = lines(&o);
    assert!(!rows.is_empty());
    let columns = danvan::render::DisplayRow::COLUMNS;
    for row in &rows {
        let keys: Vec<&str> = row
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        for c in columns.iter() {
            assert!(keys.contains(c), "{c} missing in {row}");
        }
    }
    let o = danvan(
        &["report", "tests/corpus/report-04.json", "--format", "csv"],
        b"",
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let csv = text(&o.stdout);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, columns);
    assert_eq!(reader.records().count(), rows.len());
}

#[test]
fn the_dataset_can_come_on_standard_input() {
    let doc = crate::read("tests/corpus/report-02.json");
    let o = danvan(&["report", "-"], doc.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(
        text(&o.stdout),
        crate::read("tests/golden/v2/report-02.txt")
    );
}

/// Every v2 document of the bad-input corpus: `check --format json` names
/// the expected code at the expected path; the status is 1 exactly when
/// the expected issue is an error (or the reader refuses the document).
#[test]
fn check_reports_each_v2_bad_document_with_its_code_and_place() {
    let mut seen = 0;
    for line in crate::read("tests/bad/expected.tsv").lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        let [file, code, severity, place, ..] = cols[..] else {
            continue;
        };
        if line.starts_with('#') || !file.contains("-v2-") {
            continue;
        }
        seen += 1;
        let o = danvan(
            &["check", &format!("tests/bad/{file}"), "--format", "json"],
            b"",
        );
        let issues = lines(&o);
        let hit = issues
            .iter()
            .find(|i| i["code"] == code)
            .unwrap_or_else(|| panic!("{file}: no {code} in {issues:?}"));
        assert!(hit["message"].as_str().is_some_and(|m| !m.is_empty()));
        assert!(hit["message_vi"].as_str().is_some_and(|m| !m.is_empty()));
        match severity {
            "reader" => {
                if let Some((l, c)) = place.split_once(':') {
                    assert_eq!(hit["line"].to_string(), l, "{file}");
                    assert_eq!(hit["column"].to_string(), c, "{file}");
                }
                assert_eq!(o.status.code(), Some(1), "{file}");
            }
            _ => {
                assert_eq!(hit["path"], place, "{file}");
                assert_eq!(hit["severity"], severity, "{file}");
                let errors = issues.iter().any(|i| i["severity"] == "error");
                assert_eq!(o.status.code(), Some(if errors { 1 } else { 0 }), "{file}");
                assert_eq!(errors, severity == "error", "{file}: {issues:?}");
            }
        }
    }
    assert!(seen >= 26, "only {seen} v2 documents");
}

#[test]
fn check_of_a_clean_dataset_exits_0_and_words_warnings_in_vietnamese() {
    let o = danvan(&["check", "tests/corpus/report-05.json"], b"");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    for line in out.lines() {
        assert!(line.starts_with("cảnh báo DV"), "{line}");
    }
}

#[test]
fn a_report_of_a_dataset_with_errors_prints_them_and_exits_1() {
    let o = danvan(
        &["report", "tests/bad/122-v2-breakdown-exceeds-whole.json"],
        b"",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stdout).contains("DV180"), "{}", text(&o.stdout));
}

#[test]
fn upgrade_writes_a_v2_document_equal_to_the_libraries_upgrade() {
    let o = danvan(&["upgrade", "tests/fixtures/seed-2022.json"], b"");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let printed = danvan::DatasetV2::from_json(&o.stdout[..]).expect("the output reads as v2");
    let direct =
        danvan::DatasetV2::from_json(crate::read("tests/fixtures/seed-2022.json").as_bytes())
            .expect("the seed reads");
    assert_eq!(printed, direct);
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["schema"], "danvan/dataset/v2");
}

#[test]
fn schema_prints_the_committed_schemas() {
    for (name, file) in [
        ("dataset-v1", "schema/danvan-dataset-v1.schema.json"),
        ("dataset-v2", "schema/danvan-dataset-v2.schema.json"),
        ("catalogue", "schema/danvan-catalogue-v1.schema.json"),
    ] {
        let o = danvan(&["schema", name], b"");
        assert_eq!(o.status.code(), Some(0));
        let printed: Value = serde_json::from_slice(&o.stdout).expect("JSON");
        let committed: Value = serde_json::from_str(&crate::read(file)).expect("JSON");
        assert_eq!(printed, committed, "{name}");
    }
}

#[test]
fn a_catalogue_file_types_the_datasets_custom_indicators() {
    // Synthetic: a district whose figure is of an indicator only the catalogue file defines.
    let doc = r#"{"schema": "danvan/dataset/v2", "period": {"start": "2024-01-01", "end": "2024-12-31"},
        "units": [{"code": "30", "name": "Tỉnh A (synthetic)"}],
        "figures": [{"indicator": "gift_packages", "unit": "30", "actor": "front", "value": 12}]}"#;
    let without = danvan(&["check", "-"], doc.as_bytes());
    assert_eq!(
        without.status.code(),
        Some(1),
        "unknown indicator without the file"
    );
    let with = danvan(
        &[
            "report",
            "-",
            "--catalogue",
            "tests/fixtures/catalogue/synthetic.catalogue.json",
        ],
        doc.as_bytes(),
    );
    assert_eq!(with.status.code(), Some(0), "{}", text(&with.stderr));
    assert!(
        text(&with.stdout).contains("12 suất"),
        "{}",
        text(&with.stdout)
    );
}

#[test]
fn wrong_arguments_and_missing_files_exit_2_with_a_message() {
    for (args, needle) in [
        (&[][..], "usage"),
        (&["frobnicate"][..], "unknown command"),
        (&["check"][..], "needs a DATASET"),
        (
            &["check", "x.json", "--unit", "30"][..],
            "does not take --unit",
        ),
        (
            &["check", "x.json", "--format", "csv"][..],
            "expected text or json",
        ),
        (&["report", "x.json", "--format"][..], "needs a value"),
        (
            &["report", "x.json", "--format", "xml"][..],
            "expected text, json or csv",
        ),
        (&["report", "a.json", "b.json"][..], "unexpected argument"),
        (&["report", "no/such/file.json"][..], "no/such/file.json"),
        (&["schema", "nope"][..], "expected dataset-v1"),
        (
            &[
                "report",
                "tests/corpus/report-01.json",
                "--catalogue",
                "no/such.json",
            ][..],
            "no/such.json",
        ),
    ] {
        let o = danvan(args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
        assert!(
            text(&o.stderr).contains(needle),
            "{args:?}: {}",
            text(&o.stderr)
        );
    }
}

#[test]
fn a_document_that_is_not_json_is_one_issue_with_its_line_and_column() {
    let o = danvan(&["check", "-", "--format", "json"], b"{\"schema\": ");
    assert_eq!(o.status.code(), Some(1));
    let issues = lines(&o);
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0]["code"], "DV050");
    assert_eq!(issues[0]["line"], 1);
    // Text: one Vietnamese line.
    let o = danvan(&["check", "-"], b"[1, 2]");
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stdout).starts_with("lỗi DV"), "{}", text(&o.stdout));
}

#[test]
fn an_unknown_unit_to_report_on_is_an_error_not_an_empty_paragraph() {
    let o = danvan(
        &["report", "tests/corpus/report-05.json", "--unit", "01"],
        b"",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("DV200") || text(&o.stderr).contains("01"),
        "{}",
        text(&o.stderr)
    );
    let o = danvan(
        &["report", "tests/corpus/report-05.json", "--unit", "x"],
        b"",
    );
    assert_eq!(o.status.code(), Some(2));
}

/// Records and figures of predecessor wards beside their successors'
/// (issue 15 item 9): `check` accepts them, `report` writes the golden text
/// (the current era's, then the old era's under its heading), a ward's
/// report states its predecessor after its own text, and a record moved
/// after its predecessor's last day is refused, naming the record.
#[test]
fn check_and_report_a_dataset_with_another_eras_records() {
    let fixture = "tests/fixtures/v2-eras-records.json";
    let o = danvan(&["check", fixture], b"");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout), "");
    let o = danvan(&["report", fixture], b"");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(
        text(&o.stdout),
        crate::read("tests/golden/v2/v2-eras-records.txt")
    );
    let o = danvan(&["report", fixture, "--unit", "26734"], b"");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    let (own, old) = out
        .split_once("\nTrước ngày 01/07/2025\n")
        .unwrap_or_else(|| panic!("{out}"));
    assert!(own.starts_with("Phường Mới (synthetic)\n"), "{out}");
    assert!(!own.contains("đầu năm 2025"), "{out}");
    assert!(old.starts_with("\nPhường Cũ (synthetic)\n"), "{out}");
    assert!(old.contains("có 40 lượt người dự hội nghị"), "{out}");
    let mut doc: Value = serde_json::from_str(&crate::read(fixture)).unwrap();
    doc["conferences"][2]["date"] = "2025-09-01".into();
    let o = danvan(
        &["check", "-", "--format", "json"],
        doc.to_string().as_bytes(),
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let issues = lines(&o);
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0]["code"], "DV209");
    assert_eq!(issues[0]["path"], "conferences[2].unit");
    let o = danvan(&["report", "-"], doc.to_string().as_bytes());
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
}

/// `report --format json|csv` prints every era's rows (session 12): the
/// current era's, then the predecessors', each with its era in the `era`
/// column (empty, JSON `null`, for the current era). In the synthetic eras
/// fixture the old ward 26740 exists only before 1 July 2025.
#[test]
fn report_rows_carry_every_era() {
    let fixture = "tests/fixtures/v2-eras-records.json";
    let o = danvan(&["report", fixture, "--format", "json"], b"");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let rows = lines(&o);
    let old: Vec<&Value> = rows.iter().filter(|r| r["unit"] == "26740").collect();
    assert!(!old.is_empty(), "the predecessor's rows: {rows:?}");
    assert!(old.iter().all(|r| r["era"] == "2020-01-01"), "{old:?}");
    assert!(
        old.iter()
            .any(|r| r["unit_name"] == "Phường Cũ Hai (synthetic)" && r["indicator"] == "documents"),
        "{old:?}"
    );
    // The old district exists in the old era only: its rows are the old era's too.
    assert!(rows
        .iter()
        .any(|r| r["unit"] == "769" && r["era"] == "2020-01-01"));
    // The current era's rows first, with no era; then the other era's.
    let first_old = rows
        .iter()
        .position(|r| !r["era"].is_null())
        .expect("an old era's row");
    assert!(first_old > 0, "{rows:?}");
    assert!(rows[..first_old].iter().all(|r| r["era"].is_null()));
    assert!(rows[first_old..].iter().all(|r| r["era"] == "2020-01-01"));
    // Code 26734 stands in both eras: one row of each era for its documents.
    let ward_docs: Vec<&Value> = rows
        .iter()
        .filter(|r| {
            r["unit"] == "26734" && r["indicator"] == "documents" && r["origin"] == "stated"
        })
        .collect();
    let mut eras: Vec<String> = ward_docs.iter().map(|r| r["era"].to_string()).collect();
    eras.sort();
    assert_eq!(eras, ["\"2020-01-01\"", "null"], "{ward_docs:?}");
    // Every cell once.
    let mut cells: Vec<u64> = rows.iter().map(|r| r["cell"].as_u64().unwrap()).collect();
    cells.sort_unstable();
    cells.dedup();
    assert_eq!(cells.len(), rows.len());

    let o = danvan(&["report", fixture, "--format", "csv"], b"");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let csv = text(&o.stdout);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (unit, era, cell) = (at("unit"), at("era"), at("cell"));
    assert_eq!(era, header.len() - 1, "era is the last column: {header:?}");
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), rows.len());
    for (r, j) in records.iter().zip(&rows) {
        assert_eq!(r[cell], j["cell"].to_string());
        assert_eq!(&r[era], j["era"].as_str().unwrap_or(""), "{r:?}");
    }
    assert!(records
        .iter()
        .any(|r| &r[unit] == "26740" && &r[era] == "2020-01-01"));
    assert!(records
        .iter()
        .any(|r| &r[unit] == "26737" && r[era].is_empty()));
}
