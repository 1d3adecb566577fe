//! The real reports of `../shared/corpus/` as fixtures (issue 15, "Proof"):
//! `tests/corpus/report-NN.json`, one test module per report. Each module
//! holds a table of the report's figures, row by row, and checks the
//! fixture against it, the stated relations, and a broken variant of each.
//!
//! The helpers below are shared by every module.

mod eras;
mod meaning;
mod presence;
mod report_01;
mod report_02;
mod report_03;
mod report_04;
mod report_05;
mod report_06;
mod report_07;
mod report_08;
mod report_09;

use std::path::PathBuf;

use danvan::{Catalogue, DatasetV2, FigureV2};

/// The path of a fixture of `tests/corpus/`.
pub fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(name)
}

/// The fixture's text.
pub fn text(name: &str) -> String {
    std::fs::read_to_string(path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The fixture as JSON, for editing into a broken variant.
pub fn json(name: &str) -> serde_json::Value {
    serde_json::from_str(&text(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The fixture read as a dataset.
pub fn dataset(name: &str) -> DatasetV2 {
    DatasetV2::from_json(text(name).as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The fixture's text and the dataset it reads as.
pub fn fixture(name: &str) -> (String, DatasetV2) {
    (text(name), dataset(name))
}

/// A JSON document read as a dataset.
pub fn from_value(v: &serde_json::Value) -> Result<DatasetV2, danvan::Error> {
    DatasetV2::from_json(v.to_string().as_bytes())
}

/// The built-in catalogue with the dataset's inline indicators.
pub fn catalogue(d: &DatasetV2) -> Catalogue {
    d.catalogue_on(Catalogue::builtin())
        .unwrap_or_else(|e| panic!("catalogue: {e}"))
}

/// The figure with this id.
pub fn figure<'a>(d: &'a DatasetV2, id: &str) -> &'a FigureV2 {
    d.figures
        .iter()
        .find(|f| f.id.as_ref().is_some_and(|i| i.as_str() == id))
        .unwrap_or_else(|| panic!("no figure {id}"))
}

/// The JSON object of the figure with this id, to edit.
pub fn figure_mut<'a>(doc: &'a mut serde_json::Value, id: &str) -> &'a mut serde_json::Value {
    doc["figures"]
        .as_array_mut()
        .expect("figures")
        .iter_mut()
        .find(|f| f["id"] == id)
        .unwrap_or_else(|| panic!("no figure {id}"))
}

#[test]
fn the_harness_finds_figures_by_id() {
    let json = r#"{"schema": "danvan/dataset/v2", "period": {"start": "2023-01-01", "end": "2023-12-31"},
        "figures": [{"id": "f1", "indicator": "documents", "unit": "30", "actor": "government", "value": 2}]}"#;
    let mut doc: serde_json::Value = serde_json::from_str(json).unwrap();
    figure_mut(&mut doc, "f1")["value"] = 5.into();
    let d = from_value(&doc).unwrap();
    assert_eq!(figure(&d, "f1").count(), Some(danvan::Interval::exact(5)));
    assert_eq!(catalogue(&d).len(), danvan::Builtin::ALL.len());
}

/// Every fixture reads, cites its source address in its title, and gives
/// each figure an id (the module tables name figures by id).
#[test]
fn every_fixture_reads_cites_its_source_and_names_its_figures() {
    let dir = path("");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|r| {
            r.filter_map(|e| e.ok()?.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default();
    names.retain(|n| n.ends_with(".json"));
    names.sort();
    for name in &names {
        let d = dataset(name);
        let title = d.title.clone().unwrap_or_default();
        let cites = title.contains("https://") || title.contains("http://");
        assert!(cites, "{name}: the title cites the source address");
        assert!(
            d.figures.iter().all(|f| f.id.is_some()),
            "{name}: every figure has an id"
        );
        assert_eq!(json(name)["schema"], "danvan/dataset/v2", "{name}");
    }
}
