//! The committed JSON Schema: up to date, valid, and agreeing with the reader.

use serde_json::{json, Value};

const COMMITTED: &str = "schema/danvan-dataset-v1.schema.json";
const COMMITTED_V2: &str = "schema/danvan-dataset-v2.schema.json";

fn validator_v2() -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(&danvan::dataset_v2_schema())
        .unwrap_or_else(|e| panic!("the v2 schema does not compile: {e}"))
}

#[test]
fn committed_v2_schema_is_up_to_date() {
    assert_committed(COMMITTED_V2, &danvan::dataset_v2_schema());
}

/// The schema passes the metaschema and equals the committed file
/// (`UPDATE_SCHEMA=1` rewrites the file first).
fn assert_committed(file: &str, fresh: &Value) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        let text = serde_json::to_string_pretty(fresh).unwrap() + "\n";
        std::fs::write(&path, text).unwrap();
    }
    jsonschema::meta::validate(fresh).unwrap_or_else(|e| panic!("{e}"));
    let committed: Value = serde_json::from_str(&crate::read(file)).unwrap();
    assert!(
        &committed == fresh,
        "{file} is stale: regenerate it with UPDATE_SCHEMA=1 cargo test --features schema"
    );
}

#[test]
fn v2_fixture_is_schema_valid_and_v1_is_not_v2() {
    let v2: Value =
        serde_json::from_str(&crate::read("tests/fixtures/v2-rooted-district.json")).unwrap();
    let validator = validator_v2();
    assert!(
        validator.is_valid(&v2),
        "{:?}",
        validator.iter_errors(&v2).next().map(|e| e.to_string())
    );
    assert!(!validator.is_valid(&base()), "a v1 document is not v2");
    let mut bad = v2.clone();
    bad["figures"][0]["value"] = json!({"percent": 5, "num": 1});
    assert!(!validator.is_valid(&bad));
}

const COMMITTED_CATALOGUE: &str = "schema/danvan-catalogue-v1.schema.json";

#[test]
fn committed_catalogue_schema_is_up_to_date_and_agrees_with_the_reader() {
    let fresh = danvan::catalogue_schema();
    assert_committed(COMMITTED_CATALOGUE, &fresh);
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&fresh)
        .unwrap_or_else(|e| panic!("the catalogue schema does not compile: {e}"));
    let text = crate::read("tests/fixtures/catalogue/synthetic.catalogue.json");
    let good: Value = serde_json::from_str(&text).unwrap();
    assert!(danvan::Catalogue::from_json(text.as_bytes()).is_ok());
    assert!(
        validator.is_valid(&good),
        "{:?}",
        validator.iter_errors(&good).next().map(|e| e.to_string())
    );
    // Each break is refused by the reader and by the schema alike.
    let breaks: [(&str, Value); 4] = [
        ("/schema", json!("danvan/catalogue/v2")),
        ("/indicators/0/kind", json!("yearly")),
        ("/indicators/0/surprise", json!(1)),
        ("/title", json!(5)),
    ];
    for (pointer, value) in breaks {
        let mut bad = good.clone();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        let target = if parent.is_empty() {
            Some(&mut bad)
        } else {
            bad.pointer_mut(parent)
        };
        target
            .unwrap()
            .as_object_mut()
            .unwrap()
            .insert(key.to_owned(), value);
        assert!(!validator.is_valid(&bad), "the schema accepts {pointer}");
        let bytes = serde_json::to_vec(&bad).unwrap();
        assert!(
            danvan::Catalogue::from_json(&bytes[..]).is_err(),
            "the reader accepts {pointer}"
        );
    }
}

fn validator() -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(&danvan::dataset_schema())
        .unwrap_or_else(|e| panic!("the schema does not compile: {e}"))
}

/// A small valid document to break one field at a time (synthetic).
fn base() -> Value {
    json!({
        "schema": "danvan/dataset/v1",
        "period": {"start": "2022-01-01", "end": "2022-12-31"},
        "units": [{"code": "30", "name": "Tỉnh Hải Dương"}],
        "conferences": [{"unit": "30", "date": "2022-03-15", "actor": "party_committees",
                         "kind": "both", "participants": {"at_least": 45}}],
        "figures": [{"indicator": "skilful_models", "unit": "30",
                     "actor": "mobilization_sector", "value": 1229}]
    })
}

#[test]
fn committed_schema_is_up_to_date() {
    let fresh = danvan::dataset_schema();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(COMMITTED);
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        let text = serde_json::to_string_pretty(&fresh).unwrap() + "\n";
        std::fs::write(&path, text).unwrap();
    }
    let committed: Value = serde_json::from_str(&crate::read(COMMITTED)).unwrap();
    assert!(
        committed == fresh,
        "{COMMITTED} is stale: the dataset types changed. Regenerate it with\n\
         \n    UPDATE_SCHEMA=1 cargo test --features schema\n\n\
         and review the diff: a change that breaks existing documents needs a new schema version"
    );
}

#[test]
fn schema_is_valid_draft_2020_12() {
    let schema = danvan::dataset_schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    jsonschema::meta::validate(&schema).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn every_fixture_is_valid() {
    let validator = validator();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let doc: Value = serde_json::from_str(&text).unwrap();
        let v2 = doc["schema"] == "danvan/dataset/v2";
        let validator_v2 = validator_v2();
        let errors: Vec<String> = if v2 { &validator_v2 } else { &validator }
            .iter_errors(&doc)
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        // The reader accepts what the schema accepts.
        if v2 {
            danvan::DatasetV2::from_json(text.as_bytes()).unwrap();
        } else {
            danvan::Dataset::from_json(text.as_bytes()).unwrap();
        }
        seen += 1;
    }
    assert!(seen >= 2, "expected the fixtures in {}", dir.display());
}

#[test]
fn base_document_is_valid() {
    let doc = base();
    assert!(validator().is_valid(&doc));
    danvan::Dataset::from_json(doc.to_string().as_bytes()).unwrap();
}

/// Documents that break the schema: each is rejected by the schema and by the reader.
#[test]
fn schema_violations_fail() {
    let validator = validator();
    type Edit = fn(&mut Value);
    let cases: Vec<(&str, Edit)> = vec![
        ("unknown top-level field", |d| d["extra"] = json!(1)),
        ("unknown field in a record", |d| {
            d["conferences"][0]["note"] = json!("x")
        }),
        ("wrong type: participants as text", |d| {
            d["conferences"][0]["participants"] = json!("45")
        }),
        ("negative count", |d| d["figures"][0]["value"] = json!(-1)),
        ("negative qualified count", |d| {
            d["conferences"][0]["participants"] = json!({"at_least": -5})
        }),
        ("two qualifiers", |d| {
            d["conferences"][0]["participants"] = json!({"at_least": 5, "about": 6})
        }),
        ("unknown qualifier", |d| {
            d["conferences"][0]["participants"] = json!({"more_than": 5})
        }),
        ("empty qualified object", |d| {
            d["conferences"][0]["participants"] = json!({})
        }),
        ("bad code shape: 4 digits", |d| {
            d["units"][0]["code"] = json!("0030")
        }),
        ("bad code shape: number", |d| {
            d["units"][0]["code"] = json!(30)
        }),
        ("bad village part", |d| {
            d["figures"][0]["unit"] = json!("10507-T 1")
        }),
        ("wrong schema version", |d| {
            d["schema"] = json!("danvan/dataset/v2")
        }),
        ("missing period", |d| {
            d.as_object_mut().unwrap().remove("period");
        }),
        ("impossible date", |d| {
            d["conferences"][0]["date"] = json!("2023-02-30")
        }),
        ("date with a leading space", |d| {
            d["conferences"][0]["date"] = json!(" 2022-03-15")
        }),
        ("date with a short month", |d| {
            d["conferences"][0]["date"] = json!("2022-3-15")
        }),
        ("date with a sign", |d| {
            d["period"]["start"] = json!("+2022-01-01")
        }),
        ("unknown actor", |d| {
            d["figures"][0]["actor"] = json!("party")
        }),
        ("bad indicator id", |d| {
            d["figures"][0]["indicator"] = json!("Skilful models")
        }),
        ("empty record id", |d| d["conferences"][0]["id"] = json!("")),
        ("record id with a leading space", |d| {
            d["conferences"][0]["id"] = json!(" c1")
        }),
        ("record id with a zero-width space", |d| {
            d["conferences"][0]["id"] = json!("c\u{200B}1")
        }),
    ];
    for (name, edit) in cases {
        let mut doc = base();
        edit(&mut doc);
        assert!(
            !validator.is_valid(&doc),
            "{name}: the schema accepted {doc}"
        );
        assert!(
            danvan::Dataset::from_json(doc.to_string().as_bytes()).is_err(),
            "{name}: the reader accepted {doc}"
        );
    }
}

/// Every qualifier shape the reader accepts, the schema accepts.
#[test]
fn qualified_numbers_agree() {
    let validator = validator();
    for value in [
        json!(0),
        json!(u64::MAX),
        json!({"at_least": 6800}),
        json!({"at_most": 22000}),
        json!({"about": 500}),
    ] {
        let mut doc = base();
        doc["figures"][0]["value"] = value.clone();
        assert!(validator.is_valid(&doc), "{value}");
        danvan::Dataset::from_json(doc.to_string().as_bytes()).unwrap();
    }
}

/// The bad-input corpus and the schema agree: every document the reader
/// accepts (its problems are rules the schema cannot state) passes the schema,
/// and every JSON document the reader rejects fails it, except the listed
/// ones whose problem is beyond what JSON Schema states.
#[test]
fn schema_agrees_with_the_bad_input_corpus() {
    // Reader errors the schema cannot see, with the reason: the rows of
    // schema/check/beyond-schema.tsv for this validator (the jsonschema crate),
    // which check.py and check.mjs read for theirs.
    let beyond = crate::read("schema/check/beyond-schema.tsv");
    let listed: Vec<(&str, &str)> = beyond
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|cols| cols[2].split(',').any(|v| v == "rust"))
        .map(|cols| (cols[0], cols[1]))
        .collect();
    let mut codes = std::collections::HashMap::new();
    let validator = validator();
    let validator_v2 = validator_v2();
    let expected = crate::read("tests/bad/expected.tsv");
    let mut schema_missed = Vec::new();
    let mut checked = 0;
    for line in expected
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let (file, severity) = (cols[0], cols[2]);
        codes.insert(file.to_owned(), cols[1].to_owned());
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/bad")
            .join(file);
        let bytes = std::fs::read(&path).unwrap();
        // Bytes that are not JSON at all are the reader's alone to reject.
        let Ok(doc) = serde_json::from_slice::<Value>(&bytes) else {
            continue;
        };
        checked += 1;
        let valid = if doc["schema"] == "danvan/dataset/v2" {
            validator_v2.is_valid(&doc)
        } else {
            validator.is_valid(&doc)
        };
        if severity == "reader" {
            if valid {
                schema_missed.push(file.to_owned());
            }
        } else {
            assert!(
                valid,
                "{file}: the reader accepts it but the schema does not"
            );
        }
    }
    let allowed: Vec<&str> = listed.iter().map(|(f, _)| *f).collect();
    assert_eq!(schema_missed, allowed, "reader errors the schema accepts");
    // Each with the reader's code, as the corpus has it.
    for (file, code) in &listed {
        assert_eq!(codes.get(*file).map(String::as_str), Some(*code), "{file}");
    }
    assert!(checked >= 50, "{checked}");
}
