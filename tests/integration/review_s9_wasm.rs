//! Review of session 9's browser/Node package (`revw`): what the shared
//! `render::issue_json` changed in the command, held to the corpus.

use std::process::Command;

use serde_json::Value;

/// `danvan check FILE --format json` in the repository root: status and issues.
fn check_json(file: &str) -> (Option<i32>, Vec<Value>) {
    let o = Command::new(env!("CARGO_BIN_EXE_danvan"))
        .args(["check", file, "--format", "json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the danvan binary runs");
    let issues = String::from_utf8(o.stdout)
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{file}: {e}: {l}")))
        .collect();
    (o.status.code(), issues)
}

/// Every document of the bad-input corpus the reader refuses at a place
/// (expected.tsv's `reader` rows with `line:column`, v1 and v2 alike): the
/// command prints one issue with the expected code, its `line` and `column`
/// (DV051 unexpected array, DV122 too long a string and DV123 too deep a
/// nesting too, not only DV050), the same place its English and Vietnamese
/// messages name, and status 1.
#[test]
fn the_command_prints_line_and_column_of_every_reader_error_with_a_place() {
    let mut seen = std::collections::BTreeSet::new();
    for line in crate::read("tests/bad/expected.tsv").lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        let [file, code, "reader", place, ..] = cols[..] else {
            continue;
        };
        let Some((l, c)) = place.split_once(':') else {
            continue;
        };
        let (status, issues) = check_json(&format!("tests/bad/{file}"));
        assert_eq!(status, Some(1), "{file}");
        assert_eq!(issues.len(), 1, "{file}: {issues:?}");
        let issue = &issues[0];
        assert_eq!(issue["code"], code, "{file}");
        assert_eq!(issue["severity"], "error", "{file}");
        assert_eq!(issue["path"], "", "{file}");
        assert_eq!(
            (issue["line"].to_string(), issue["column"].to_string()),
            (l.to_owned(), c.to_owned()),
            "{file}: {issue}"
        );
        let message = issue["message"].as_str().unwrap_or_default();
        assert!(
            message.starts_with(&format!("line {l}, column {c}")),
            "{file}: {message}"
        );
        let vi = issue["message_vi"].as_str().unwrap_or_default();
        assert!(
            vi.starts_with(&format!("dòng {l}, cột {c}")),
            "{file}: {vi}"
        );
        seen.insert(code.to_owned());
    }
    // The kinds with a place beyond DV050 are among them.
    for code in ["DV050", "DV051", "DV122", "DV123"] {
        assert!(
            seen.contains(code),
            "no reader row with {code} in expected.tsv"
        );
    }
}
