//! A unit's name as read and as written (session 14): every reader (v1 and
//! v2 documents, units files) keeps a name in NFC with each run of
//! whitespace — a line break (`\n`, `\r\n`) as an Excel cell's Alt+Enter
//! leaves one, a tab — one space and none at either end, the name the
//! report and its rows write; a name that leaves empty is refused (DV050).
//! Every unit and name is synthetic.

use danvan::render::{self, plan_report, ReportOptions};
use danvan::{Catalogue, Dataset, DatasetV2, FigureCube, Hierarchy};

/// A v2 dataset whose ward's name is `name` (JSON text, escapes allowed).
pub(crate) fn v2(name: &str) -> String {
    format!(
        r#"{{"schema": "danvan/dataset/v2", "period": {{"start": "2025-01-01", "end": "2025-12-31"}},
    "units": [{{"code": "79", "name": "Thành phố Mẫu (synthetic)"}},
              {{"code": "26734", "name": {name}, "parent": "79"}}],
    "figures": [{{"indicator": "documents", "unit": "26734", "actor": "government", "value": 3}}]}}"#
    )
}

const PASTED: &str = r#"" Phường\r\nMới \n\t(synthetic)  ""#;
const SPACED: &str = "Phường Mới (synthetic)";

#[test]
fn a_name_with_line_breaks_reads_as_the_spaced_name() {
    let d = DatasetV2::from_json(v2(PASTED).as_bytes()).unwrap();
    assert_eq!(d.units[1].name.as_deref(), Some(SPACED));
    let h = d.hierarchy().unwrap();
    assert_eq!(h.get(&"26734".parse().unwrap()).unwrap().name(), SPACED);
    // A name already spaced is read as it is.
    let plain = DatasetV2::from_json(v2(&format!("{SPACED:?}")).as_bytes()).unwrap();
    assert_eq!(plain, d);
}

#[test]
fn the_read_name_round_trips_through_the_writer_unchanged() {
    let d = DatasetV2::from_json(v2(PASTED).as_bytes()).unwrap();
    let written = d.to_json();
    assert!(
        written.contains(&format!("\"name\": \"{SPACED}\"")),
        "{written}"
    );
    let again = DatasetV2::from_json(written.as_bytes()).unwrap();
    assert_eq!(again, d);
    assert_eq!(again.to_json(), written);
    // v1: the same rule, the same round trip.
    let v1 = format!(
        r#"{{"schema": "danvan/dataset/v1", "period": {{"start": "2025-01-01", "end": "2025-12-31"}},
            "units": [{{"code": "79", "name": {PASTED}}}]}}"#
    );
    let d1 = Dataset::from_json(v1.as_bytes()).unwrap();
    assert_eq!(d1.units[0].name(), "Phường Mới (synthetic)");
    assert_eq!(Dataset::from_json(d1.to_json().as_bytes()).unwrap(), d1);
}

/// The reader and the report's rows say one name: the row's `unit_name` is
/// the dataset's, in the text, JSON and CSV rows alike.
#[test]
fn the_report_rows_write_the_name_the_reader_read() {
    let d = DatasetV2::from_json(v2(PASTED).as_bytes()).unwrap();
    let cat = d.catalogue_on(Catalogue::builtin()).unwrap();
    let cube = FigureCube::build(&d, &cat, &d.hierarchy().unwrap()).unwrap();
    let p = plan_report(
        &cube,
        &cat,
        &"79".parse().unwrap(),
        &ReportOptions::default(),
    )
    .unwrap();
    let rows = p.rows();
    let ward: Vec<_> = rows.iter().filter(|r| r.unit == "26734").collect();
    assert!(!ward.is_empty());
    assert!(ward.iter().all(|r| r.unit_name == SPACED), "{ward:?}");
    let json: serde_json::Value = serde_json::from_str(&render::rows_json(&rows)).unwrap();
    assert!(json
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["unit_name"] == SPACED));
    #[cfg(feature = "csv")]
    {
        let mut out = Vec::new();
        render::write_rows_csv(&rows, &mut out).unwrap();
        let csv = String::from_utf8(out).unwrap();
        assert!(csv.contains(&format!(",{SPACED},")), "{csv}");
    }
}

/// A name of whitespace only (or empty) is refused by every reader, at its
/// place: DV050, never read as a unit by code only nor as an empty name.
#[test]
fn a_name_of_whitespace_only_is_refused() {
    let needle = "a unit's name is empty or only whitespace";
    for name in [r#""""#, r#""   ""#, r#"" \r\n\t ""#, r#""\u00a0""#] {
        let err = DatasetV2::from_json(v2(name).as_bytes()).unwrap_err();
        assert_eq!(err.code(), "DV050", "{name}: {err}");
        assert!(err.to_string().contains(needle), "{name}: {err}");
        assert!(err.to_string().starts_with("line 3, column"), "{err}");
        let v1 = format!(
            r#"{{"schema": "danvan/dataset/v1", "period": {{"start": "2025-01-01", "end": "2025-12-31"}}, "units": [{{"code": "79", "name": {name}}}]}}"#
        );
        let err = Dataset::from_json(v1.as_bytes()).unwrap_err();
        assert_eq!(err.code(), "DV050", "{name}: {err}");
        assert!(err.to_string().contains(needle), "{name}: {err}");
        let file = format!(r#"{{"provinces": [{{"code": "30", "name": {name}}}]}}"#);
        let err = Hierarchy::from_units_json(file.as_bytes()).unwrap_err();
        assert_eq!(err.code(), "DV050", "{name}: {err}");
        assert!(err.to_string().contains(needle), "{name}: {err}");
    }
    // A unit by code only leaves `name` out, as before.
    let by_code = r#"{"schema": "danvan/dataset/v2", "root": "26734", "period": {"start": "2025-01-01", "end": "2025-12-31"},
        "units": [{"code": "79"}, {"code": "26734", "name": "Phường Mới (synthetic)", "parent": "79"}]}"#;
    let d = DatasetV2::from_json(by_code.as_bytes()).unwrap();
    assert!(d.units[0].name.is_none());
    assert_eq!(d.hierarchy().unwrap().len(), 2);
}
