//! The JSON Schema of the exchange format (feature `schema`).
//!
//! Plain records derive [`schemars::JsonSchema`] next to their serde derives;
//! the types whose serde is written by hand (qualified numbers, codes,
//! periods, validated identifiers) describe their wire shape here, so that the
//! schema says exactly what [`Dataset::from_json`](crate::Dataset::from_json)
//! accepts, as far as JSON Schema can say it.

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

use crate::{
    Count, Dataset, IndicatorId, Measure, Period, RecordId, Reported, Share, Unit, UnitCode,
    UnitWord,
};

/// The `$id` of the committed schema.
const SCHEMA_ID: &str = "https://example.invalid/danvan/schema/danvan-dataset-v1.schema.json";

/// The `$id` of the committed v2 schema.
const SCHEMA_V2_ID: &str = "https://example.invalid/danvan/schema/danvan-dataset-v2.schema.json";

/// The `$id` of the committed catalogue schema.
const CATALOGUE_ID: &str = "https://example.invalid/danvan/schema/danvan-catalogue-v1.schema.json";

/// A committed JSON Schema by the name `danvan schema` takes:
/// `dataset-v1` ([`dataset_schema`]), `dataset-v2` ([`dataset_v2_schema`])
/// or `catalogue` ([`catalogue_schema`]).
///
/// # Errors
///
/// [`ErrorKind::UnknownSchema`](crate::ErrorKind::UnknownSchema) (DV204) for any other name.
///
/// ```
/// assert_eq!(danvan::schema_named("catalogue")?, danvan::catalogue_schema());
/// assert_eq!(danvan::schema_named("dataset-v3").unwrap_err().code(), "DV204");
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn schema_named(name: &str) -> Result<serde_json::Value, crate::Error> {
    match name {
        "dataset-v1" => Ok(dataset_schema()),
        "dataset-v2" => Ok(dataset_v2_schema()),
        "catalogue" => Ok(catalogue_schema()),
        other => Err(crate::ErrorKind::UnknownSchema {
            input: crate::Excerpt::new(other),
        }
        .into()),
    }
}

/// The JSON Schema (draft 2020-12) of a province's catalogue file
/// ([`CatalogueFile`](crate::CatalogueFile), `danvan/catalogue/v1`), committed
/// as `schema/danvan-catalogue-v1.schema.json`: the shape of each custom
/// indicator (kind, value type, unit word, wording, section). Rules that tie
/// entries together (an id given twice, an id of a built-in) are for
/// [`Catalogue::from_json`](crate::Catalogue::from_json).
///
/// ```
/// let schema = danvan::catalogue_schema();
/// assert_eq!(schema["properties"]["schema"]["$ref"], "#/$defs/CatalogueSchema");
/// assert_eq!(schema["additionalProperties"], false);
/// ```
#[must_use]
pub fn catalogue_schema() -> serde_json::Value {
    root_schema::<crate::CatalogueFile>(
        CATALOGUE_ID,
        "danvan catalogue, schema danvan/catalogue/v1",
    )
}

/// The JSON Schema (draft 2020-12) of a [`DatasetV2`](crate::DatasetV2)
/// document, `danvan/dataset/v2`, committed as
/// `schema/danvan-dataset-v2.schema.json`; as for v1 it checks shapes and
/// single values, not the rules that tie values together.
///
/// ```
/// let schema = danvan::dataset_v2_schema();
/// assert_eq!(schema["properties"]["schema"]["$ref"], "#/$defs/SchemaV2");
/// assert_eq!(schema["additionalProperties"], false);
/// ```
#[must_use]
pub fn dataset_v2_schema() -> serde_json::Value {
    root_schema::<crate::DatasetV2>(SCHEMA_V2_ID, "danvan dataset, schema danvan/dataset/v2")
}

/// The draft 2020-12 schema of what `T` deserializes, with its `$id` and
/// title, descriptions tidied and strings bounded.
fn root_schema<T: JsonSchema>(id: &str, title: &str) -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft2020_12()
        .for_deserialize()
        .into_generator();
    let mut value = generator.into_root_schema_for::<T>().to_value();
    if let Some(root) = value.as_object_mut() {
        root.insert("$id".to_owned(), id.into());
        root.insert("title".to_owned(), title.into());
    }
    tidy_descriptions(&mut value);
    bound_strings(&mut value);
    value
}

/// The JSON Schema (draft 2020-12) of a [`Dataset`] document, `danvan/dataset/v1`.
///
/// The schema is what apps in other languages validate against before they
/// send a document; it is committed as `schema/danvan-dataset-v1.schema.json`.
/// It checks the shape of the document and the rules of single values (unit
/// codes, indicator ids, non-negative counts, qualified numbers); rules that
/// tie values together (a part not above its whole, dates inside the period,
/// one block per commune) are for [`check`](crate::check).
///
/// ```
/// let schema = danvan::dataset_schema();
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert_eq!(schema["properties"]["schema"]["$ref"], "#/$defs/Schema");
/// assert_eq!(schema["additionalProperties"], false);
/// ```
#[must_use]
pub fn dataset_schema() -> serde_json::Value {
    root_schema::<Dataset>(SCHEMA_ID, "danvan dataset, schema danvan/dataset/v1")
}

/// Whitespace as Rust's `char::is_whitespace` has it (the White_Space
/// property), written as ranges that Rust, Python and JavaScript regexes read
/// alike (their `\s` differ).
macro_rules! white_space {
    () => {
        "\\t-\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000"
    };
}

/// Control characters (the Cc category: `char::is_control`), as ranges.
macro_rules! control {
    () => {
        "\\u0000-\\u001F\\u007F-\\u009F"
    };
}

/// Invisible format characters a record id or code must not hold (see `RecordId`).
macro_rules! invisible {
    () => {
        "\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\uFEFF"
    };
}

/// The shape of a wire date (whether the day exists is the `date` format's
/// part): what `period::wire_date` reads, years 0001 to 9999.
const DATE_PATTERN: &str = "^(?!0000)[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/// Makes a pattern's final `$` refuse a final newline: Python's `re` lets `$`
/// match before a string's final `\n` (`"30\n"` would match `^[0-9]{2}$`),
/// JavaScript's and Rust's do not. The lookahead `(?!\n)` is read alike by
/// Python, ajv (JavaScript with the `u` flag) and the Rust `jsonschema` crate.
fn no_final_newline(pattern: &str) -> String {
    match pattern.strip_suffix('$') {
        Some(head) if !head.ends_with("(?!\\n)") => format!("{head}(?!\\n)$"),
        _ => pattern.to_string(),
    }
}

/// Gives every date its exact shape and every free string a length limit
/// the reader keeps ([`Limits::SCHEMA_MAX_STRING_CHARS`](crate::Limits)
/// characters, within the reader's default bytes whatever the characters
/// and escapes).
fn bound_strings(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            if map.get("format").and_then(|f| f.as_str()) == Some("date") {
                map.entry("pattern").or_insert_with(|| DATE_PATTERN.into());
            }
            if let Some(serde_json::Value::String(p)) = map.get_mut("pattern") {
                *p = no_final_newline(p);
            }
            // schemars' integer formats are no JSON Schema formats (ajv's strict
            // mode refuses them): the bounds of the Rust type say the same.
            let bounds: Option<(serde_json::Value, serde_json::Value)> =
                match map.get("format").and_then(|f| f.as_str()) {
                    Some("uint8") => Some((0.into(), u8::MAX.into())),
                    Some("uint16") => Some((0.into(), u16::MAX.into())),
                    Some("uint32") => Some((0.into(), u32::MAX.into())),
                    Some("uint64" | "uint") => Some((0.into(), u64::MAX.into())),
                    Some("int8") => Some((i8::MIN.into(), i8::MAX.into())),
                    Some("int16") => Some((i16::MIN.into(), i16::MAX.into())),
                    Some("int32") => Some((i32::MIN.into(), i32::MAX.into())),
                    Some("int64" | "int") => Some((i64::MIN.into(), i64::MAX.into())),
                    _ => None,
                };
            if let Some((min, max)) = bounds {
                map.remove("format");
                map.entry("minimum").or_insert(min);
                map.entry("maximum").or_insert(max);
            }
            let is_string = match map.get("type") {
                Some(serde_json::Value::String(t)) => t == "string",
                Some(serde_json::Value::Array(ts)) => ts.iter().any(|t| t == "string"),
                _ => false,
            };
            if is_string && !map.contains_key("enum") && !map.contains_key("const") {
                map.entry("maxLength")
                    .or_insert_with(|| crate::Limits::SCHEMA_MAX_STRING_CHARS.into());
            }
            map.values_mut().for_each(bound_strings);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(bound_strings),
        _ => {}
    }
}

/// Keeps the prose of doc comments in descriptions and drops their Rust
/// examples: everything from the first code fence on, and rustdoc link targets.
fn tidy_descriptions(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                if key == "description" {
                    if let serde_json::Value::String(text) = v {
                        *text = tidy_text(text);
                    }
                } else {
                    tidy_descriptions(v);
                }
            }
            // A description emptied by the tidying says nothing.
            if map
                .get("description")
                .is_some_and(|d| d.as_str() == Some(""))
            {
                map.remove("description");
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(tidy_descriptions),
        _ => {}
    }
}

/// Cuts a doc text at its first code fence and turns `` [`x`](path) `` links into `` `x` ``.
fn tidy_text(text: &str) -> String {
    let prose = text.split("```").next().unwrap_or_default();
    let mut out = String::with_capacity(prose.len());
    let mut rest = prose;
    while let Some(open) = rest.find('[') {
        let (before, from_open) = rest.split_at(open);
        out.push_str(before);
        // `[label](target)`: keep the label.
        let link = from_open.strip_prefix('[').and_then(|after| {
            let (label, tail) = after.split_once("](")?;
            let (_, tail) = tail.split_once(')')?;
            (!label.contains('[')).then_some((label, tail))
        });
        match link {
            Some((label, tail)) => {
                out.push_str(label);
                rest = tail;
            }
            None => {
                // `[`x`]` (an intra-doc link without target) keeps the label too.
                let plain = from_open.strip_prefix('[').and_then(|after| {
                    let (label, tail) = after.split_once(']')?;
                    (label.starts_with('`') && label.ends_with('`')).then_some((label, tail))
                });
                match plain {
                    Some((label, tail)) => {
                        out.push_str(label);
                        rest = tail;
                    }
                    None => {
                        out.push('[');
                        rest = from_open.strip_prefix('[').unwrap_or_default();
                    }
                }
            }
        }
    }
    out.push_str(rest);
    out.trim().trim_end_matches(':').to_owned()
}

/// Implements the name and id of a hand-described schema.
macro_rules! names {
    ($name:literal) => {
        fn schema_name() -> Cow<'static, str> {
            Cow::Borrowed($name)
        }

        fn schema_id() -> Cow<'static, str> {
            Cow::Borrowed(concat!("danvan::", $name))
        }
    };
}

impl JsonSchema for Count {
    names!("Count");

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A count: a whole number from 0 to 18446744073709551615 (u64). Validators that read numbers as doubles (JavaScript) see that maximum as 2^64 and so also pass 2^64 itself, which the reader refuses.",
            "type": "integer",
            "minimum": 0,
            "maximum": u64::MAX
        })
    }
}

impl JsonSchema for Reported {
    names!("Reported");

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let count = json_schema!({"type": "integer", "minimum": 0, "maximum": u64::MAX});
        json_schema!({
            "description": "A reported number: exact as a plain whole number (1229), or qualified as an object with exactly one key: at_least (\"more than\"), at_most (\"nearly\") or about.",
            "oneOf": [
                count,
                {
                    "type": "object",
                    "properties": {"at_least": count, "at_most": count, "about": count},
                    "additionalProperties": false,
                    "minProperties": 1,
                    "maxProperties": 1
                }
            ]
        })
    }
}

impl JsonSchema for crate::AmountValue {
    names!("AmountValue");

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let unit = generator.subschema_for::<UnitWord>();
        let qualifier = generator.subschema_for::<crate::Qualifier>();
        let scale = generator.subschema_for::<crate::ScaleWord>();
        let word = generator.subschema_for::<crate::Word>();
        let decimal = json_schema!({"type": "string", "pattern": DECIMAL_PATTERN});
        json_schema!({
            "description": "An amount as stated: a decimal string, an optional scale word (nghìn, triệu, tỷ), a unit word, and the report's word (issue 14's table; exact when left out) or, as in v1, a qualifier (not both). A range \"từ A đến B\" is word range with from A and amount B.",
            "type": "object",
            "properties": {
                "amount": decimal,
                "scale": scale,
                "unit": unit,
                "qualifier": qualifier,
                "word": word,
                "from": decimal
            },
            "required": ["amount", "unit"],
            "not": {"properties": {"qualifier": true, "word": true}, "required": ["qualifier", "word"]},
            "dependentRequired": {"from": ["word"]},
            "additionalProperties": false
        })
    }
}

/// A wire decimal: digits with an optional decimal point between digits.
const DECIMAL_PATTERN: &str = "^[0-9]+(\\.[0-9]+)?$";

impl JsonSchema for crate::FigureValue {
    names!("FigureValue");

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let count = generator.subschema_for::<Reported>();
        let amount = generator.subschema_for::<crate::AmountValue>();
        let rate = generator.subschema_for::<crate::Rate>();
        let ratio = generator.subschema_for::<crate::RatioValue>();
        let duration = generator.subschema_for::<crate::DurationValue>();
        let whole = json_schema!({"type": "integer", "minimum": 0, "maximum": u64::MAX});
        let worded = json_schema!({
            "description": "A worded count (issue 14, v2 form): a word id with value, or the word range with from and to.",
            "type": "object",
            "properties": {"word": {"type": "string"}, "value": whole, "from": whole, "to": whole},
            "required": ["word"],
            "additionalProperties": false
        });
        json_schema!({
            "description": "A figure's value: a count (a whole number, a worded count, or a v1 qualified number), an amount, a rate, a ratio or a duration; the shape says which.",
            "anyOf": [count, worded, amount, rate, ratio, duration]
        })
    }
}

impl JsonSchema for Share {
    names!("Share");

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let count = generator.subschema_for::<Count>();
        json_schema!({
            "description": "A part of a whole; the part must not exceed the whole.",
            "type": "object",
            "properties": {"part": count, "whole": count},
            "required": ["part", "whole"],
            "additionalProperties": false
        })
    }
}

impl JsonSchema for UnitWord {
    names!("UnitWord");

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A unit word such as \"km\" or \"m²\": 1 to 32 characters without control characters once surrounding spaces are trimmed.",
            "type": "string",
            "pattern": concat!(
                "^[", white_space!(), "]*[^", white_space!(), control!(), "](?:[^", control!(),
                "]{0,30}[^", white_space!(), control!(), "])?[", white_space!(), "]*$"
            )
        })
    }
}

impl JsonSchema for Measure {
    names!("Measure");

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let unit = generator.subschema_for::<UnitWord>();
        let qualifier = generator.subschema_for::<crate::Qualifier>();
        json_schema!({
            "description": "A non-negative decimal amount with a unit word; the qualifier is exact when left out.",
            "type": "object",
            "properties": {
                "amount": {
                    "description": "A decimal string: digits with an optional decimal point, e.g. \"6300000000\" or \"8.9\".",
                    "type": "string",
                    "pattern": "^[0-9]+(\\.[0-9]+)?$"
                },
                "unit": unit,
                "qualifier": qualifier
            },
            "required": ["amount", "unit"],
            "additionalProperties": false
        })
    }
}

impl JsonSchema for Period {
    names!("Period");

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let date = json_schema!({"type": "string", "format": "date", "pattern": DATE_PATTERN});
        json_schema!({
            "description": "An inclusive range of dates; end must not be before start.",
            "type": "object",
            "properties": {"start": date, "end": date},
            "required": ["start", "end"],
            "additionalProperties": false
        })
    }
}

impl JsonSchema for crate::FigurePeriod {
    names!("FigurePeriod");

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let period = generator.subschema_for::<Period>();
        let date = json_schema!({"type": "string", "format": "date", "pattern": DATE_PATTERN});
        json_schema!({
            "description": "The period of a v2 figure: dates {start, end}; {start, to_date} (counted up to a date); {since} (until the dataset's as_of date); {years, ending, calendar?} (N years ending with a year or date); or \"unknown\" (the report does not say when).",
            "oneOf": [
                period,
                {
                    "type": "object",
                    "properties": {"start": date, "to_date": date},
                    "required": ["start", "to_date"],
                    "additionalProperties": false
                },
                {
                    "type": "object",
                    "properties": {"since": date},
                    "required": ["since"],
                    "additionalProperties": false
                },
                {
                    "description": "N years ending with a year or on a date (\"5 năm … đến 2023\"): the start is not stated; calendar (a year ending only) when the report says they are N whole calendar years.",
                    "type": "object",
                    "properties": {
                        "years": {"type": "integer", "minimum": 1, "maximum": 65535},
                        "ending": {"anyOf": [{"type": "integer", "minimum": 1, "maximum": 9999}, date]},
                        "calendar": {"type": "boolean"}
                    },
                    "required": ["years", "ending"],
                    "additionalProperties": false
                },
                {"const": "unknown"}
            ]
        })
    }
}

impl JsonSchema for UnitCode {
    names!("UnitCode");

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A unit code: 2 digits for a province, 3 for a district, 5 for a commune, or a commune code, \"-\" and an app-given village part of 1 to 16 characters from A-Z a-z 0-9 _.",
            "type": "string",
            "pattern": "^([0-9]{2}|[0-9]{3}|[0-9]{5}|[0-9]{5}-[A-Za-z0-9_]{1,16})$"
        })
    }
}

impl JsonSchema for Unit {
    names!("Unit");

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let code = generator.subschema_for::<UnitCode>();
        // Optional fields may also be written as null, as the reader accepts.
        let parent = json_schema!({"anyOf": [code, {"type": "null"}]});
        let date =
            json_schema!({"type": ["string", "null"], "format": "date", "pattern": DATE_PATTERN});
        json_schema!({
            "description": "An administrative unit: code, name, parent and inclusive validity dates (open when left out).",
            "type": "object",
            "properties": {
                "code": code,
                "name": {"type": "string"},
                "parent": parent,
                "valid_from": date,
                "valid_to": date
            },
            "required": ["code", "name"],
            "additionalProperties": false
        })
    }
}

impl JsonSchema for IndicatorId {
    names!("IndicatorId");

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An indicator id: 1 to 64 characters from a-z, 0-9 and _, starting with a letter.",
            "type": "string",
            "pattern": "^[a-z][a-z0-9_]{0,63}$"
        })
    }
}

impl JsonSchema for RecordId {
    names!("RecordId");

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A record id: 1 to 64 characters once in NFC, no control or invisible characters, no leading or trailing spaces. The schema bounds the length as written (at most 1024 characters: the reader refuses more than 1024 bytes before normalizing); the 64 characters after NFC are the reader's part.",
            "type": "string",
            "minLength": 1,
            "maxLength": 1024,
            "pattern": concat!(
                "^[^", white_space!(), control!(), invisible!(), "](?:[^", control!(), invisible!(),
                "]*[^", white_space!(), control!(), invisible!(), "])?$"
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_text_drops_examples_and_link_targets() {
        assert_eq!(
            tidy_text(
                "A figure, see [`check`](crate::check) and [`Reported`].\n\n```\nlet x = 1;\n```"
            ),
            "A figure, see `check` and `Reported`."
        );
        assert_eq!(tidy_text("a [b] c"), "a [b] c");
    }

    #[test]
    fn patterns_refuse_a_final_newline() {
        assert_eq!(no_final_newline("^[0-9]{2}$"), "^[0-9]{2}(?!\\n)$");
        assert_eq!(no_final_newline("^[0-9]{2}(?!\\n)$"), "^[0-9]{2}(?!\\n)$");
        let schema = crate::dataset_schema().to_string();
        assert!(!schema.contains("]$\""), "a pattern ends in a bare $");
        assert!(schema.contains("(?!\\\\n)$"));
    }
}
