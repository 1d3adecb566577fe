//! The bad-input corpus (`tests/bad/`), the `validate` example, and a
//! stable-Rust fuzz fallback: no input panics, each gives its expected code
//! and where.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use danvan::{Dataset, ErrorKind};
use proptest::prelude::*;
use serde_json::Value;

#[allow(dead_code)]
#[path = "../../examples/validate.rs"]
mod validate_example;

fn repo(path: &str) -> PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// One row of `tests/bad/expected.tsv`.
struct Expected {
    file: String,
    code: String,
    severity: String,
    place: String,
    needle: String,
}

fn expected() -> Vec<Expected> {
    crate::read("tests/bad/expected.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 5, "bad row: {l:?}");
            Expected {
                file: cols[0].to_owned(),
                code: cols[1].to_owned(),
                severity: cols[2].to_owned(),
                place: cols[3].to_owned(),
                needle: cols[4].to_owned(),
            }
        })
        .collect()
}

/// The line and column of a reader error, when it has one.
fn position(kind: &ErrorKind) -> Option<(usize, usize)> {
    kind.position()
}

/// Runs one document the whole way: read, report, check, Vietnamese text.
/// Returns what happened, in the words of `expected.tsv`, or why it does not match.
fn outcome(bytes: &[u8], want: &Expected) -> Result<(), String> {
    // v2 documents (111-): read by the v2 reader, then checked by `check_v2`.
    if serde_json::from_slice::<serde_json::Value>(bytes)
        .is_ok_and(|v| v["schema"] == "danvan/dataset/v2")
    {
        return match danvan::DatasetV2::from_json(bytes) {
            Err(err) => {
                let place =
                    position(err.kind()).map_or("-".to_owned(), |(l, c)| format!("{l}:{c}"));
                let _ = danvan::render::vi::message(err.kind());
                let got = format!("reader {} {place}: {err}", err.code());
                if want.severity != "reader"
                    || err.code() != want.code
                    || place != want.place
                    || !err.to_string().contains(&want.needle)
                {
                    return Err(got);
                }
                Ok(())
            }
            Ok(dataset) => {
                // Read: `check_v2` against the built-in catalogue (121-).
                let report = match danvan::check_v2(dataset, &danvan::Catalogue::builtin()) {
                    Ok(checked) => checked.warnings().clone(),
                    Err(report) => report,
                };
                for issue in report.issues() {
                    let _ = danvan::render::vi::issue(issue);
                }
                let got = format!("parsed (v2); issues:\n{report}");
                if want.code == "none" {
                    return if report.is_empty() { Ok(()) } else { Err(got) };
                }
                let found = report.issues().iter().any(|i| {
                    i.code() == want.code
                        && i.place().to_string() == want.place
                        && i.severity().to_string() == want.severity
                });
                if found {
                    Ok(())
                } else {
                    Err(got)
                }
            }
        };
    }
    match Dataset::from_json(bytes) {
        Err(err) => {
            let place = position(err.kind()).map_or("-".to_owned(), |(l, c)| format!("{l}:{c}"));
            let _ = danvan::render::vi::message(err.kind());
            let got = format!("reader {} {place}: {err}", err.code());
            if want.severity != "reader"
                || err.code() != want.code
                || place != want.place
                || !err.to_string().contains(&want.needle)
            {
                return Err(got);
            }
            Ok(())
        }
        Ok(dataset) => {
            let report = danvan::validate::report(&dataset);
            for issue in report.issues() {
                let _ = danvan::render::vi::issue(issue);
            }
            let checked = danvan::check(dataset);
            assert_eq!(checked.is_err(), report.has_errors());
            let got = format!("parsed; issues:\n{report}");
            if want.code == "none" {
                return if report.is_empty() { Ok(()) } else { Err(got) };
            }
            let found = report.issues().iter().any(|i| {
                i.code() == want.code
                    && i.place().to_string() == want.place
                    && i.severity().to_string() == want.severity
            });
            if found {
                Ok(())
            } else {
                Err(got)
            }
        }
    }
}

#[test]
fn every_bad_document_gives_its_code_and_place() {
    let rows = expected();
    assert!(rows.len() >= 50, "{} documents", rows.len());
    let mut listed: Vec<String> = std::fs::read_dir(repo("tests/bad"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    listed.sort();
    let in_tsv: Vec<String> = rows.iter().map(|r| r.file.clone()).collect();
    assert_eq!(listed, in_tsv, "every file has exactly one row, in order");

    let mut failures = Vec::new();
    for row in &rows {
        let bytes = std::fs::read(repo(&format!("tests/bad/{}", row.file))).unwrap();
        match catch_unwind(AssertUnwindSafe(|| outcome(&bytes, row))) {
            Ok(Ok(())) => {}
            Ok(Err(got)) => failures.push(format!(
                "{}: expected {} {} {} {:?}, got {got}",
                row.file, row.severity, row.code, row.place, row.needle
            )),
            Err(_) => failures.push(format!("{}: PANICKED", row.file)),
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Runs the example's logic and gives back (status, stdout, stderr).
fn validate(args: &[&str]) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = validate_example::run(&args, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

fn path_of(rel: &str) -> String {
    repo(rel).to_string_lossy().into_owned()
}

#[test]
fn example_exit_status_follows_the_corpus() {
    for row in expected() {
        // The validate example reads v1; v2 documents (111-) have their checks in later steps of issue 15.
        if row.file.contains("-v2-") {
            continue;
        }
        let file = path_of(&format!("tests/bad/{}", row.file));
        let (code, out, err) = validate(&[&file]);
        let want = match row.severity.as_str() {
            "reader" => 2,
            "error" => 1,
            _ => 0,
        };
        assert_eq!(code, want, "{}: {out}{err}", row.file);
        match row.severity.as_str() {
            "reader" => {
                assert!(out.is_empty(), "{}", row.file);
                // `file:line:column: …` for every reader error with a position.
                assert!(
                    err.starts_with(&format!("{file}:{}: ", row.place)),
                    "{}: {err}",
                    row.file
                );
            }
            "-" => assert!(out.is_empty() && err.is_empty(), "{}: {out}", row.file),
            severity => {
                let line = format!("{severity} {} {}: ", row.code, row.place);
                assert!(
                    out.lines().any(|l| l.starts_with(&line)),
                    "{}: {out}",
                    row.file
                );
                assert!(err.is_empty(), "{}: {err}", row.file);
            }
        }
    }
}

#[test]
fn example_on_the_fixtures() {
    let seed = path_of("tests/fixtures/seed-2022.json");
    assert_eq!(
        validate(&[&seed]),
        (
            0,
            "warning DV078 plan.tasks: plan lists 2 of its 8 key tasks\n".to_owned(),
            String::new()
        )
    );
    assert_eq!(
        validate(&[&seed, "--lang", "vi"]).1,
        "cảnh báo DV078 plan.tasks: kế hoạch mới liệt kê 2 trong 8 nhiệm vụ trọng tâm\n"
    );
    let (code, out, _) = validate(&["--json", &seed]);
    assert_eq!(code, 0);
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        json,
        serde_json::json!([{"severity": "warning", "code": "DV078", "path": "plan.tasks",
                            "message": "plan lists 2 of its 8 key tasks"}])
    );
    let (_, out, _) = validate(&["--json", "--lang", "vi", &seed]);
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        json[0]["message"],
        "kế hoạch mới liệt kê 2 trong 8 nhiệm vụ trọng tâm"
    );
    assert_eq!(
        validate(&[&path_of("tests/fixtures/synthetic-small.json")]),
        (0, String::new(), String::new())
    );
}

#[test]
fn example_errors_and_messages() {
    let consent = path_of("tests/bad/066-consent-exceeds-affected.json");
    assert_eq!(
        validate(&[&consent]),
        (
            1,
            "error DV069 clearances[0].households_consenting: 150 households consenting exceed 140 households affected\n".to_owned(),
            String::new()
        )
    );
    assert_eq!(
        validate(&[&consent, "--lang", "vi"]).1,
        "lỗi DV069 clearances[0].households_consenting: số hộ đồng thuận (150) lớn hơn số hộ bị ảnh hưởng (140)\n"
    );
    let (code, out, err) = validate(&[&path_of("tests/bad/029-unknown-field-top.json")]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        format!(
            "{}:6:9: unknown field `extra`, expected one of `schema`, `period`, `title`, `units_file`, `units`, `indicators`, `blocks`, `teams`, `models`, `conferences`, `documents`, `inspections`, `dialogues`, `receptions`, `clearances`, `awards`, `plan`, `figures`\n",
            path_of("tests/bad/029-unknown-field-top.json")
        )
    );
}

#[test]
fn example_usage() {
    let usage = "usage: validate <file.json> [--lang en|vi] [--json]\n";
    assert_eq!(
        validate(&[]),
        (2, String::new(), format!("no file given\n{usage}"))
    );
    assert_eq!(validate(&["--help"]), (2, String::new(), usage.to_owned()));
    let seed = path_of("tests/fixtures/seed-2022.json");
    assert_eq!(
        validate(&[&seed, "--lang", "fr"]),
        (
            2,
            String::new(),
            format!("unknown language \"fr\"\n{usage}")
        )
    );
    assert_eq!(
        validate(&[&seed, "--lang"]),
        (
            2,
            String::new(),
            format!("--lang needs a language\n{usage}")
        )
    );
    assert_eq!(
        validate(&[&seed, "--verbose"]).2,
        format!("unknown option \"--verbose\"\n{usage}")
    );
    assert_eq!(
        validate(&[&seed, &seed]).2,
        format!("unexpected argument {seed:?}\n{usage}")
    );
    let (code, out, err) = validate(&["tests/bad/no-such-file.json"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.starts_with("tests/bad/no-such-file.json: cannot open: ") && err.ends_with(usage),
        "{err}"
    );
}

// ---------------------------------------------------------------------------
// Stable-Rust fuzz fallback: the same path as fuzz/fuzz_targets/dataset.rs.
// ---------------------------------------------------------------------------

/// Read, check and render whatever the bytes are; only a panic fails.
fn whole_path(bytes: &[u8]) {
    match Dataset::from_json(bytes) {
        Err(err) => {
            let _ = danvan::render::vi::message(err.kind());
        }
        Ok(dataset) => {
            let _ = dataset.to_json();
            let report = danvan::validate::report(&dataset);
            for issue in report.issues() {
                let _ = danvan::render::vi::issue(issue);
            }
            if let Err(report) = danvan::check(dataset) {
                assert!(report.has_errors());
            }
        }
    }
}

fn fixture_bytes() -> Vec<u8> {
    crate::read("tests/fixtures/synthetic-small.json").into_bytes()
}

/// Tokens that break JSON or the schema in interesting ways (synthetic).
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "-1",
    "0",
    "18446744073709551615",
    "18446744073709551616",
    "1e999",
    "1.5",
    "null",
    "true",
    "\"\"",
    "\u{200b}",
    "\u{0301}",
    "\\u0000",
    "\\ud800",
    "\"2023-02-30\"",
    "\"0030\"",
    "\"10507-\"",
    "\u{feff}",
];

/// Replacement values for a JSON-aware mutation (synthetic).
fn json_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        Just(serde_json::json!(u64::MAX)),
        Just(serde_json::json!({})),
        Just(serde_json::json!([])),
        Just(serde_json::json!({"at_least": 5})),
        prop::sample::select(vec![
            "30",
            "288",
            "10507",
            "10510",
            "10507-T01",
            "10999",
            "2022-06-15",
            "2023-02-30",
            "party_committees",
            "mobilization_sector",
            "documents",
            "c1",
            "",
        ])
        .prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::from),
    ]
}

/// Every JSON pointer of a value, the root excluded.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                let p = format!("{at}/{k}");
                out.push(p.clone());
                pointers(x, p, out);
            }
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                let p = format!("{at}/{i}");
                out.push(p.clone());
                pointers(x, p, out);
            }
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        whole_path(&bytes);
    }

    #[test]
    fn mutated_fixture_bytes_never_panic(
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, prop::sample::select(TOKENS), 0usize..16), 1..6)
    ) {
        let mut bytes = fixture_bytes();
        for (at, op, token, len) in edits {
            let i = at.index(bytes.len() + 1);
            match op {
                0 => { bytes.splice(i..i, token.bytes()); }
                1 => { let end = (i + len).min(bytes.len()); bytes.drain(i..end); }
                _ => { let end = (i + len).min(bytes.len()); bytes.splice(i..end, token.bytes()); }
            }
        }
        whole_path(&bytes);
    }

    #[test]
    fn mutated_fixture_values_never_panic(
        edits in prop::collection::vec((any::<prop::sample::Index>(), json_value()), 1..4)
    ) {
        let mut doc: Value = serde_json::from_slice(&fixture_bytes()).unwrap();
        for (at, value) in edits {
            let mut all = Vec::new();
            pointers(&doc, String::new(), &mut all);
            let pointer = all[at.index(all.len())].clone();
            if let Some(slot) = doc.pointer_mut(&pointer) {
                *slot = value;
            }
        }
        whole_path(doc.to_string().as_bytes());
    }
}
