//! danvan for JavaScript: the browser/Node package (npm name `danvan`).
//!
//! A thin shell over the `danvan` crate, like the `danvan` command: every
//! rule, reader and wording is the library's. Each export answers what the
//! command prints for the same input:
//!
//! | export | the command | returns |
//! |---|---|---|
//! | `check(document, catalogue?)` | `danvan check DATASET [--catalogue FILE] --format json` | an array of issue objects (`severity`, `code`, `path`, `message`, `message_vi`; `line`, `column` for a document the reader refuses): the warnings of a clean dataset, every issue of one with errors |
//! | `report(document, catalogue?, unit?)` | `danvan report DATASET [--catalogue FILE] [--unit CODE]` | the report paragraph as text |
//! | `upgrade(v1)` | `danvan upgrade DATASET` | the `danvan/dataset/v2` document as indented JSON text |
//! | `schema(name)` | `danvan schema NAME` | the committed JSON Schema as indented JSON text |
//!
//! A document or catalogue is a string or a `Uint8Array` of its bytes
//! (bytes are read exactly as the command reads a file: a byte that is not
//! UTF-8 is the reader's error, with its line and column). A string is read
//! as the bytes a file holding it would have: an unpaired surrogate, which
//! UTF-8 cannot hold, is the reader's error where it stands (not silently
//! U+FFFD), and a string past the readers' limit is refused as too large
//! after at most the limit is copied.
//!
//! Failures are thrown as JavaScript `Error`s whose `message` is the English
//! text and which carry `code` (`DV…`), `message_vi` (Vietnamese), `path`,
//! `severity`, `input` (`"document"`, `"catalogue"`, `"unit"` or `"schema"`)
//! and `issues`: every issue object (for `report` of a dataset with errors,
//! all of them; otherwise the one). The first error's fields are the
//! exception's. An argument of the wrong JavaScript type is a `TypeError`
//! without a code.

use danvan::render::{
    default_report_unit, issue_json, plan_report, pretty_json, refused, vi, ReportOptions,
};
use danvan::{Catalogue, CheckedV2, DatasetV2, Report, UnitCode};
use js_sys::{Array, JsString, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(typescript_custom_section)]
const ISSUE_TYPE: &str = r#"
/** One issue, as `danvan check --format json` prints it. */
export interface Issue {
  severity: "error" | "warning";
  code: string;
  /** Where in the document (`figures[3].value`; empty for the whole document). */
  path?: string;
  /** A spreadsheet cell, for CSV input. */
  cell?: string;
  sheet?: string | null;
  row?: number;
  /** The line and column (1-based) of an error found while reading the document; for a cell, its column. */
  line?: number;
  column?: number;
  message: string;
  message_vi: string;
}
"#;

/// Checks a `danvan/dataset/v1` or `v2` document (a v1 document is upgraded
/// first) against the built-in indicators and, when given, the province's
/// catalogue (`danvan/catalogue/v1`).
///
/// Returns the issues as objects, the same as `danvan check --format json`
/// prints one a line: the warnings of a clean dataset (often none), every
/// issue of a dataset with errors, or the one error of a document the reader
/// refuses. The dataset has errors when an issue's `severity` is `"error"`.
///
/// # Errors
///
/// A catalogue that cannot be read is thrown (`input: "catalogue"`); an
/// argument that is not a string or a `Uint8Array` is a `TypeError`.
#[wasm_bindgen(unchecked_return_type = "Issue[]")]
pub fn check(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] document: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string | Uint8Array | null")] catalogue: Option<
        JsValue,
    >,
) -> Result<Array, JsValue> {
    let dataset = match read_dataset(&document)? {
        Ok(d) => d,
        Err(report) => return Ok(issue_array(&report)),
    };
    let catalogue = read_catalogue(catalogue)?;
    Ok(match danvan::check_v2(dataset, &catalogue) {
        Ok(checked) => issue_array(checked.warnings()),
        Err(report) => issue_array(&report),
    })
}

/// The report paragraph of one unit of a clean dataset, the same text as
/// `danvan report` prints: of `unit` when given (a unit code), otherwise of
/// the dataset's root or its first unit without a parent.
///
/// # Errors
///
/// Thrown: a document the reader refuses or a dataset with errors (all its
/// issues in `issues`), a catalogue that cannot be read, a unit code that is
/// not one or a unit the dataset does not speak for (`DV200`, `DV201`), a
/// dataset without units (`DV203`).
#[wasm_bindgen]
pub fn report(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] document: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string | Uint8Array | null")] catalogue: Option<
        JsValue,
    >,
    #[wasm_bindgen(unchecked_optional_param_type = "string | null")] unit: Option<JsValue>,
) -> Result<String, JsValue> {
    let dataset = read_dataset(&document)?.map_err(|r| exception(&r, "document"))?;
    let catalogue = read_catalogue(catalogue)?;
    let unit = optional_text(unit, "unit")?;
    let checked: CheckedV2 =
        danvan::check_v2(dataset, &catalogue).map_err(|r| exception(&r, "document"))?;
    let unit: UnitCode = match unit {
        Some(code) => code.parse().map_err(|e| error(e, "unit"))?,
        None => default_report_unit(checked.dataset()).map_err(|e| error(e, "document"))?,
    };
    let plan = plan_report(
        checked.cube(),
        checked.catalogue(),
        &unit,
        &ReportOptions::default(),
    )
    .map_err(|e| error(e, "unit"))?;
    Ok(vi::write_report(&plan))
}

/// A `danvan/dataset/v1` document as `danvan/dataset/v2`, the same indented
/// JSON text as `danvan upgrade` prints (a v2 document comes back as read).
///
/// # Errors
///
/// Thrown: a document the reader refuses.
#[wasm_bindgen]
pub fn upgrade(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] v1: JsValue,
) -> Result<String, JsValue> {
    let dataset = read_dataset(&v1)?.map_err(|r| exception(&r, "document"))?;
    pretty_json(&dataset).map_err(|e| error(e, "document"))
}

/// A committed JSON Schema as indented JSON text, the same as
/// `danvan schema NAME` prints: `dataset-v1`, `dataset-v2` or `catalogue`.
///
/// # Errors
///
/// Thrown: any other name (`DV204`).
#[wasm_bindgen]
pub fn schema(
    #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
) -> Result<String, JsValue> {
    // A `JsValue`, not `&str`: wasm-bindgen's glue for `&str` copies a number
    // or an object into the module's memory with a length it does not have
    // (a trap, "memory access out of bounds", inside the allocator).
    let name = name
        .as_string()
        .ok_or_else(|| type_error("name", "a string"))?;
    let value = danvan::schema_named(&name).map_err(|e| error(e, "schema"))?;
    pretty_json(&value).map_err(|e| error(e, "schema"))
}

/// The bytes of a document or catalogue: a string's UTF-8, or a
/// `Uint8Array`'s bytes, at most one byte past the readers' limit (as the
/// command reads a file), so that the reader refuses a larger one as too
/// large.
fn bytes(value: &JsValue, what: &str) -> Result<Vec<u8>, JsValue> {
    let limit =
        u32::try_from(danvan::Limits::DEFAULT_MAX_BYTES.saturating_add(1)).unwrap_or(u32::MAX);
    if let Some(text) = value.dyn_ref::<JsString>() {
        return Ok(string_bytes(text, limit));
    }
    match value.dyn_ref::<Uint8Array>() {
        Some(array) => Ok(array.subarray(0, limit.min(array.length())).to_vec()),
        None => Err(type_error(what, "a string or a Uint8Array")),
    }
}

/// A string's bytes as a file holding it would have them, at most `limit`:
/// its UTF-8, where an unpaired surrogate (which UTF-8 cannot hold, and
/// which wasm-bindgen's conversion would silently turn into U+FFFD) is
/// written as its three WTF-8 bytes, so that the reader refuses it with its
/// line and column instead of reading altered text. The string is copied
/// into the module's memory a chunk at a time and no further than the
/// limit, so that a huge string costs the limit, not its size (the module's
/// memory never shrinks).
fn string_bytes(text: &JsString, limit: u32) -> Vec<u8> {
    const CHUNK: u32 = 1 << 20;
    let length = text.length();
    let mut bytes = Vec::with_capacity(length.min(limit) as usize);
    let mut start = 0;
    while start < length && bytes.len() < limit as usize {
        let mut end = length.min(start.saturating_add(CHUNK));
        // A chunk does not end between the two halves of a surrogate pair.
        if end < length && (0xD800..0xDC00).contains(&(text.char_code_at(end - 1) as u32)) {
            end += 1;
        }
        append_units(&text.slice(start, end), &mut bytes);
        start = end;
    }
    bytes.truncate(limit as usize);
    bytes
}

/// Appends a string's UTF-8 to `bytes`, an unpaired surrogate as WTF-8.
fn append_units(chunk: &JsString, bytes: &mut Vec<u8>) {
    let lossy = String::from(chunk);
    // Only a string the conversion gave a U+FFFD may hold an unpaired
    // surrogate: the unit-by-unit walk is for those.
    if !lossy.contains('\u{FFFD}') || chunk.is_valid_utf16() {
        bytes.extend_from_slice(lossy.as_bytes());
        return;
    }
    for unit in char::decode_utf16(chunk.iter()) {
        match unit {
            Ok(c) => bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
            Err(e) => {
                let u = e.unpaired_surrogate();
                bytes.extend_from_slice(&[
                    0xE0 | (u >> 12) as u8,
                    0x80 | ((u >> 6) & 0x3F) as u8,
                    0x80 | (u & 0x3F) as u8,
                ]);
            }
        }
    }
}

/// An optional argument: `undefined` and `null` are "not given".
fn given(value: Option<JsValue>) -> Option<JsValue> {
    value.filter(|v| !v.is_undefined() && !v.is_null())
}

/// Text of an optional argument.
fn optional_text(value: Option<JsValue>, what: &str) -> Result<Option<String>, JsValue> {
    let Some(value) = given(value) else {
        return Ok(None);
    };
    value
        .as_string()
        .map(Some)
        .ok_or_else(|| type_error(what, "a string"))
}

/// The dataset, or the report of a document the reader refuses.
fn read_dataset(document: &JsValue) -> Result<Result<DatasetV2, Report>, JsValue> {
    let bytes = bytes(document, "document")?;
    Ok(DatasetV2::from_json(&bytes[..]).map_err(refused))
}

/// The catalogue given, or the built-in indicators alone.
fn read_catalogue(catalogue: Option<JsValue>) -> Result<Catalogue, JsValue> {
    let Some(catalogue) = given(catalogue) else {
        return Ok(Catalogue::builtin());
    };
    let bytes = bytes(&catalogue, "catalogue")?;
    Catalogue::from_json(&bytes[..]).map_err(|e| error(e, "catalogue"))
}

/// A JavaScript value of a JSON value (built by the library, so it parses).
fn js(value: &serde_json::Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap_or(JsValue::NULL)
}

/// The issues of a report as an array of objects.
fn issue_array(report: &Report) -> Array {
    report.issues().iter().map(|i| js(&issue_json(i))).collect()
}

/// A library error as a thrown JavaScript `Error`.
fn error(e: danvan::Error, input: &str) -> JsValue {
    exception(&refused(e), input)
}

/// A report as a thrown JavaScript `Error`: the first error's fields (or
/// the first issue's), and every issue in `issues`.
fn exception(report: &Report, input: &str) -> JsValue {
    let first = report
        .issues()
        .iter()
        .find(|i| i.severity() == danvan::Severity::Error)
        .or_else(|| report.issues().first());
    let object = first.map(issue_json).unwrap_or_default();
    let message = object["message"]
        .as_str()
        .unwrap_or("the dataset has errors");
    let thrown = js_sys::Error::new(message);
    if let serde_json::Value::Object(fields) = &object {
        for (key, value) in fields {
            if key != "message" {
                set(&thrown, key, &js(value));
            }
        }
    }
    set(&thrown, "input", &JsValue::from_str(input));
    set(&thrown, "issues", &issue_array(report));
    thrown.into()
}

/// A `TypeError` for an argument of the wrong JavaScript type.
fn type_error(what: &str, expected: &str) -> JsValue {
    js_sys::TypeError::new(&format!("{what}: expected {expected}")).into()
}

fn set(target: &js_sys::Error, key: &str, value: &JsValue) {
    // Setting a property of a fresh Error object does not fail.
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}
