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
/// cells lie outside the current hierarchy the report walks.
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
        let text = danvan::render::vi::write_report(&plan);
        assert!(!text.contains("đầu năm 2025"), "{unit}: {text}");
        for row in plan.rows() {
            assert_ne!(row.period, "6 tháng đầu năm 2025", "{unit}: {row:?}");
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
