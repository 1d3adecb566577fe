//! One wire language: every reader (the dataset, serde on the types, the
//! stream's fast path and fallback, the units file, the crosswalk) refuses an
//! array where an object belongs and every date not written `YYYY-MM-DD`; the
//! stream's whitespace is RFC 8259's and its line limit is the same for LF and
//! CRLF. The small files in `tests/wire/` are copies of the issue's reproducers.

use danvan::{
    stream_json_lines, Crosswalk, CrosswalkBuilder, Dataset, Hierarchy, Period, Unit,
    MAX_LINE_BYTES,
};

fn hierarchy() -> Hierarchy {
    Hierarchy::new(vec![
        Unit::new("30".parse().unwrap(), "Tỉnh Hải Dương"),
        Unit::new("288".parse().unwrap(), "Thành phố Hải Dương")
            .with_parent(Some("30".parse().unwrap())),
    ])
    .unwrap()
}

fn year() -> Period {
    Period::year(2022).unwrap()
}

/// The stream's (lines, counted, rejected) and the codes of the rejections.
fn stream(text: &[u8]) -> ((usize, usize, usize), Vec<(usize, String)>) {
    let (_, stats) = stream_json_lines(text, &hierarchy(), year(), &[]).unwrap();
    let codes = stats
        .rejected
        .iter()
        .map(|(n, e)| (*n, e.code().as_str().to_owned()))
        .collect();
    ((stats.lines, stats.counted, stats.rejected_total), codes)
}

/// The lenient forms of the reproducers, and a few more.
const LENIENT: [&str; 9] = [
    "-2022-05-10",
    "+2022-05-10",
    "2022-5-10",
    " 2022-05-10",
    "2022-05-10 ",
    "2022-05-1",
    "02022-05-10",
    "2022/05/10",
    "2022-05-10T00:00:00",
];

const DOCUMENT: &str = r#"{"document": {"unit": "288", "date": "2022-05-10", "actor": "party_committees", "kind": "leadership"}}"#;

#[test]
fn lenient_dates_are_refused_in_the_dataset() {
    for name in ["neg", "plus", "short", "space", "trail"] {
        let text = crate::read(&format!("tests/wire/lenient_date_{name}.json"));
        let err = Dataset::from_json(text.as_bytes()).unwrap_err();
        assert_eq!(err.code(), "DV050", "{name}: {err}");
        assert!(err.to_string().contains("invalid date"), "{name}: {err}");
        assert!(serde_json::from_str::<Dataset>(&text).is_err(), "{name}");
        // The same document with the date written right is read.
        let good = [
            "-2022-05-10",
            "+2022-05-10",
            "2022-5-10",
            " 2022-05-10",
            "2022-05-10 ",
        ]
        .iter()
        .fold(text.clone(), |t, bad| {
            t.replace(&format!("\"{bad}\""), "\"2022-05-10\"")
        });
        Dataset::from_json(good.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let head = r#"{"schema": "danvan/dataset/v1", "period": {"start": "#;
    for bad in LENIENT {
        let text = format!(r#"{head}"{bad}", "end": "2022-12-31"}}}}"#);
        let err = Dataset::from_json(text.as_bytes()).unwrap_err();
        assert!(err.to_string().contains("invalid date"), "{bad:?}: {err}");
    }
    // A real day is still needed, and a bad day still says so.
    let feb30 = format!(r#"{head}"2022-02-30", "end": "2022-12-31"}}}}"#);
    let err = Dataset::from_json(feb30.as_bytes()).unwrap_err();
    assert!(err.to_string().contains("input is out of range"), "{err}");
}

#[test]
fn lenient_dates_are_refused_by_the_stream_fast_path_and_fallback() {
    let good = format!("{DOCUMENT}\n");
    assert_eq!(stream(good.as_bytes()).0, (1, 1, 0));
    for bad in LENIENT {
        // Plain (the fast path's shape) and with an escape (the fallback's).
        let plain = DOCUMENT.replace("2022-05-10", bad);
        let escaped = plain.replace("\"288\"", "\"\\u0032\\u00388\"");
        for line in [plain, escaped] {
            let (counts, codes) = stream(format!("{line}\n").as_bytes());
            assert_eq!(counts, (1, 0, 1), "{line}");
            assert_eq!(codes, [(1, "DV050".to_owned())], "{line}");
        }
    }
}

#[test]
fn lenient_dates_are_refused_in_units_and_crosswalks() {
    for bad in LENIENT {
        let units = format!(r#"[{{"code": "30", "name": "T", "valid_from": "{bad}"}}]"#);
        assert!(
            serde_json::from_str::<Hierarchy>(&units).is_err(),
            "{bad:?}"
        );
        let crosswalk = format!(
            r#"{{"effective": "{bad}", "entries": [{{"from": "10507", "to": [{{"code": "10510"}}]}}]}}"#
        );
        let err = Crosswalk::from_json(crosswalk.as_bytes()).unwrap_err();
        assert_eq!(err.code(), "DV050", "{bad:?}: {err}");
        assert!(CrosswalkBuilder::from_json(crosswalk.as_bytes()).is_err());
    }
    let units = r#"[{"code": "30", "name": "T", "valid_from": "2022-05-10"}]"#;
    assert!(serde_json::from_str::<Hierarchy>(units).is_ok());
    let crosswalk =
        r#"{"effective": "2025-07-01", "entries": [{"from": "10507", "to": [{"code": "10510"}]}]}"#;
    Crosswalk::from_json(crosswalk.as_bytes()).unwrap();
}

#[test]
fn arrays_where_objects_belong_are_refused_by_every_reader() {
    for file in [
        "stream_struct_as_array.jsonl",
        "stream_figure_as_array.jsonl",
    ] {
        let text = crate::read(&format!("tests/wire/{file}"));
        let (counts, codes) = stream(text.as_bytes());
        assert_eq!(counts, (1, 0, 1), "{file}");
        assert_eq!(codes, [(1, "DV051".to_owned())], "{file}");
        assert!(serde_json::from_str::<danvan::Record>(text.trim()).is_err());
    }
    let units = crate::read("tests/wire/units_file_as_arrays.json");
    let err = Hierarchy::from_units_json(units.as_bytes()).unwrap_err();
    assert_eq!(err.code(), "DV051", "{err}");
    let inner = r#"{"provinces": [["30", "T", null, null]]}"#;
    let err = Hierarchy::from_units_json(inner.as_bytes()).unwrap_err();
    assert_eq!(err.code(), "DV051", "{err}");
    // At the `[` of the province, as in a dataset.
    assert_eq!(
        err.kind().position(),
        Some((1, inner.find("[[").unwrap() + 2))
    );
    // Text that is not JSON gets the reader's message.
    let err = Hierarchy::from_units_json(&b"[package]"[..]).unwrap_err();
    assert_eq!(err.code(), "DV050", "{err}");
    for crosswalk in [
        r#"[null, null, []]"#,
        r#"{"entries": [["10507", []]]}"#,
        r#"{"entries": [{"from": "10507", "to": [["10510"]]}]}"#,
    ] {
        let err = Crosswalk::from_json(crosswalk.as_bytes()).unwrap_err();
        assert_eq!(err.code(), "DV051", "{crosswalk}: {err}");
    }
    // The dataset says DV051 too, and serde on the type refuses the same text.
    let doc = r#"{"schema": "danvan/dataset/v1", "period": {"start": "2022-01-01", "end": "2022-12-31"},
        "documents": [[null, "288", "2022-05-10", "party_committees", "leadership", null]]}"#;
    assert_eq!(
        Dataset::from_json(doc.as_bytes()).unwrap_err().code(),
        "DV051"
    );
    assert!(serde_json::from_str::<Dataset>(doc).is_err());
    // Text that is not JSON gets the reader's message, not DV051.
    let not_json = "[package]\nname = \"x\"\n";
    assert_eq!(
        Dataset::from_json(not_json.as_bytes()).unwrap_err().code(),
        "DV050"
    );
}

#[test]
fn form_feed_is_not_whitespace() {
    let text = crate::read("tests/wire/stream_form_feed.jsonl");
    let ((lines, counted, rejected), codes) = stream(text.as_bytes());
    assert_eq!((lines, counted, rejected), (3, 1, 2));
    assert_eq!(counted + rejected, lines);
    assert_eq!(codes, [(2, "DV050".to_owned()), (3, "DV050".to_owned())]);
    // Blank lines (space, tab, CR) are skipped, as documented, and not counted.
    let blank = format!("{DOCUMENT}\n \t\r\n\n\t\n{DOCUMENT}\r\n");
    assert_eq!(stream(blank.as_bytes()).0, (2, 2, 0));
    // Vertical tab is not whitespace either.
    assert_eq!(stream(b"\x0b\n").0, (1, 0, 1));
}

/// A document line of exactly `len` bytes (synthetic reference text).
fn document_of_len(len: usize) -> String {
    let head = r#"{"document": {"unit": "288", "date": "2022-05-10", "actor": "government", "kind": "guidance", "reference": ""#;
    let tail = r#""}}"#;
    format!("{head}{}{tail}", "x".repeat(len - head.len() - tail.len()))
}

#[test]
fn line_limit_is_the_same_for_lf_and_crlf() {
    let at = document_of_len(MAX_LINE_BYTES);
    let past = document_of_len(MAX_LINE_BYTES + 1);
    for end in ["\n", "\r\n"] {
        for tail in ["", end] {
            // The reproducer's line, then one past the limit, then a short one.
            let text = format!("{at}{end}{past}{end}{DOCUMENT}{tail}");
            let (counts, codes) = stream(text.as_bytes());
            assert_eq!(counts, (3, 2, 1), "{end:?} {tail:?}");
            assert_eq!(codes, [(2, "DV104".to_owned())], "{end:?}");
        }
        // The line at the limit as the last line with its end.
        assert_eq!(
            stream(format!("{at}{end}").as_bytes()).0,
            (1, 1, 0),
            "{end:?}"
        );
    }
}

/// `Dataset::from_json` and serde on the type read the same documents: of
/// every fixture and bad-input document, the same ones, except those past
/// `Limits` (which only `from_json` applies).
#[test]
fn from_json_and_serde_on_the_type_agree() {
    const PAST_LIMITS: [&str; 4] = [
        "057-nesting-33.json",
        "058-nesting-200.json",
        "059-huge-string.json",
        "110-unit-name-long.json",
    ];
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut seen = 0;
    for dir in ["tests/fixtures", "tests/bad", "tests/wire"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            let bytes = std::fs::read(&path).unwrap();
            let reader = Dataset::from_json(bytes.as_slice());
            let serde = serde_json::from_slice::<Dataset>(&bytes);
            if PAST_LIMITS.contains(&name.as_str()) {
                let code = reader.as_ref().map_err(|e| e.code().as_str()).err();
                assert!(matches!(code, Some("DV122" | "DV123")), "{name}: {code:?}");
                continue;
            }
            if name == "units_file_as_arrays.json" {
                continue;
            }
            assert_eq!(
                reader.as_ref().ok(),
                serde.as_ref().ok(),
                "{name}: from_json {:?}, serde {:?}",
                reader.as_ref().err().map(|e| e.to_string()),
                serde.as_ref().err().map(|e| e.to_string())
            );
            seen += 1;
        }
    }
    assert!(seen >= 100, "{seen}");
}

/// Every object of the fixtures, written as the array of its values (the form
/// serde's derived code would read as a struct), is refused with DV051 by
/// `from_json` and refused by serde on the type: no struct of the wire
/// language is left without the objects-only rule.
#[test]
fn every_object_of_the_fixtures_refuses_its_array_form() {
    fn objects(v: &serde_json::Value, at: String, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(map) => {
                out.push(at.clone());
                for (k, x) in map {
                    objects(x, format!("{at}/{k}"), out);
                }
            }
            serde_json::Value::Array(items) => {
                for (i, x) in items.iter().enumerate() {
                    objects(x, format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
    }
    let mut checked = 0;
    for file in [
        "tests/fixtures/seed-2022.json",
        "tests/fixtures/synthetic-small.json",
        "examples/data/hai-duong-2022.json",
    ] {
        let doc: serde_json::Value = serde_json::from_str(&crate::read(file)).unwrap();
        let mut paths = Vec::new();
        objects(&doc, String::new(), &mut paths);
        // One object per place in the format (list indices aside).
        let mut places = std::collections::HashSet::new();
        paths.retain(|p| {
            let place: Vec<&str> = p
                .split('/')
                .filter(|s| !s.bytes().all(|b| b.is_ascii_digit()) || s.is_empty())
                .collect();
            places.insert(place.join("/"))
        });
        for path in paths {
            let mut broken = doc.clone();
            let target = broken.pointer_mut(&path).unwrap();
            let values: Vec<serde_json::Value> =
                target.as_object().unwrap().values().cloned().collect();
            *target = serde_json::Value::Array(values);
            let text = broken.to_string();
            let err = Dataset::from_json(text.as_bytes()).unwrap_err();
            assert_eq!(err.code(), "DV051", "{file} {path}: {err}");
            assert!(
                serde_json::from_str::<Dataset>(&text).is_err(),
                "{file} {path}"
            );
            checked += 1;
        }
    }
    assert!(checked > 30, "{checked}");
}

/// A path call `T::deserialize(de)` (the form of `deserialize_with` helpers)
/// is serde's trait method, with the objects-only rule: the wire types have no
/// inherent `deserialize` that would win over it and run the derived code alone.
#[test]
fn path_call_deserialize_refuses_an_array() {
    use serde::Deserialize;

    let dataset = r#"["danvan/dataset/v1", {"start": "2022-01-01", "end": "2022-12-31"}]"#;
    let err = Dataset::deserialize(&mut serde_json::Deserializer::from_str(dataset)).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("invalid type: sequence, expected struct Dataset"),
        "{err}"
    );
    let conference = r#"[null, "288", "2022-03-15", "party_committees", "both", 120]"#;
    let err = danvan::Conference::deserialize(&mut serde_json::Deserializer::from_str(conference))
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("invalid type: sequence, expected struct Conference"),
        "{err}"
    );
    let figure = r#"["documents", "30", null, "other", 1, null, []]"#;
    assert!(danvan::Figure::deserialize(&mut serde_json::Deserializer::from_str(figure)).is_err());
    // The same calls read the object form.
    let object = r#"{"unit": "288", "date": "2022-03-15", "actor": "party_committees", "kind": "both", "participants": 120}"#;
    let read =
        danvan::Conference::deserialize(&mut serde_json::Deserializer::from_str(object)).unwrap();
    assert_eq!(read.participants, "120".parse().unwrap());
}
