//! Objects only: the one rule that a record, a setting or a value written as
//! an object is never read from a JSON array.
//!
//! serde's derived `Deserialize` of a struct also accepts the struct written
//! as a JSON array of its fields in order (`["danvan/dataset/v1", {"start": …}]`).
//! That form has no field names, so `deny_unknown_fields` cannot apply to it,
//! and a reordered array would be read silently wrong. The format has no such
//! form. Every public struct of the wire language is therefore defined with
//! [`wire_struct!`], whose `Deserialize` hands the derived code of a private
//! mirror an [`ObjectOnly`] deserializer: it asks for a map where the derived
//! code asks for a struct, so an array is an `invalid type: sequence` error,
//! wherever the struct stands (in a dataset, a stream line, a units file or a
//! crosswalk, or read alone, even by a path call `Dataset::deserialize(d)`:
//! the public type has no inherent `deserialize`). Private wire structs derive
//! with `#[serde(remote = "Self")]` and get their impls from [`objects_only!`]
//! (their inherent functions are private). [`json_error`]
//! reports that error as
//! [`ErrorKind::UnexpectedArray`](crate::ErrorKind::UnexpectedArray) (DV051).
//!
//! Lists stay arrays (they are `Vec`s, not structs), and a figure's `actor`
//! may be a list on purpose, so that `check` can say "exactly one actor".

use serde::de::{Deserializer, Visitor};

use crate::{Error, ErrorKind};

/// A deserializer that reads a struct only from a map (a JSON object).
///
/// Only derived struct code is handed one, and that code calls
/// `deserialize_struct`, which goes to the inner `deserialize_map`; every other
/// request goes to the inner `deserialize_any`.
pub(crate) struct ObjectOnly<D>(pub(crate) D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for ObjectOnly<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(visitor)
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

/// Implements `Serialize` and `Deserialize` for structs whose serde is
/// derived with `#[serde(remote = "Self")]`: serializing as derived, and
/// deserializing as derived but from a JSON object only (see the module).
/// `objects_only!(deserialize: T)` is for a type that derives only `Deserialize`.
macro_rules! objects_only {
    (deserialize: $($ty:ty),* $(,)?) => {$(
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                <$ty>::deserialize($crate::wire::ObjectOnly(deserializer))
            }
        }
    )*};
    ($($ty:ty),* $(,)?) => {$(
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                <$ty>::serialize(self, serializer)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                <$ty>::deserialize($crate::wire::ObjectOnly(deserializer))
            }
        }
    )*};
}
pub(crate) use objects_only;

/// Defines a public struct of the wire language: the struct as written (its
/// `Serialize` derived as usual, no `Deserialize` derive), and a
/// `Deserialize` impl that reads it from a JSON object only (see the module).
///
/// The derived reading code belongs to a private mirror of the same name
/// (the same fields, field attributes and `deny_unknown_fields`) in an
/// anonymous `const` block; the impl moves the mirror's fields into the public
/// struct. The public type has no inherent `deserialize`, so even a path call
/// `Dataset::deserialize(d)` is the trait's, with the objects-only rule. serde's
/// messages name the type as before (`expected struct Dataset`).
macro_rules! wire_struct {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident {
            $( $(#[$fmeta:meta])* $fvis:vis $field:ident : $fty:ty ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis struct $name {
            $( $(#[$fmeta])* $fvis $field : $fty ),*
        }

        const _: () = {
            // The mirror: `self::$name` below is the public struct.
            #[derive(serde::Deserialize)]
            #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
            #[serde(deny_unknown_fields)]
            struct $name {
                $( $(#[$fmeta])* $field : $fty ),*
            }

            impl<'de> serde::Deserialize<'de> for self::$name {
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    let mirror = <$name as serde::Deserialize>::deserialize(
                        $crate::wire::ObjectOnly(deserializer),
                    )?;
                    Ok(Self { $( $field : mirror.$field ),* })
                }
            }
        };
    };
}
pub(crate) use wire_struct;

/// What a reported number may be, for error messages: the expectation a
/// `Reported` states, which [`json_error_in`] recognises (the reader consumed
/// the `[` of such a value).
pub(crate) const REPORTED_EXPECTED: &str =
    "a whole number such as 6800, or an object with one key at_least, at_most or about";

/// The start of serde's message for an array where another type belongs.
pub(crate) const SEQUENCE_MESSAGE: &str = "invalid type: sequence";

/// Turns a JSON reader error into [`ErrorKind::Json`] with its position, or
/// into [`ErrorKind::UnexpectedArray`] for an array where an object or a
/// value belongs (see the module).
#[allow(clippy::needless_pass_by_value)] // an error adaptor for `map_err`, which hands over the error
pub(crate) fn json_error(err: serde_json::Error) -> Error {
    let text = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    let message = text.strip_suffix(&suffix).unwrap_or(&text);
    if err.is_data() && message.starts_with(SEQUENCE_MESSAGE) {
        return ErrorKind::UnexpectedArray {
            line: err.line(),
            column: err.column(),
        }
        .into();
    }
    // The reader's message may quote the input (an unknown field or
    // variant): its control characters and line separators escaped, so the
    // message stays one line (`danvan check` prints one line per issue).
    let mut escaped = String::with_capacity(message.len());
    for c in message.chars() {
        if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
            escaped.extend(c.escape_debug());
        } else {
            escaped.push(c);
        }
    }
    let message = crate::Excerpt::message(&escaped);
    ErrorKind::Json {
        line: err.line(),
        column: err.column(),
        message,
    }
    .into()
}

/// The JSON reader's error for `bytes`, as [`json_error`]
/// makes it, with an [`ErrorKind::UnexpectedArray`] put on its `[`; text that
/// is not JSON at all gets the reader's message about that instead.
///
/// serde_json reports the last byte it consumed: the `[` itself when a
/// qualified number (read as any value) met it, the byte before it otherwise
/// (the reader peeked for a map, a string or a number).
pub(crate) fn json_error_in(bytes: &[u8], err: serde_json::Error) -> Error {
    let consumed = err.to_string().contains(REPORTED_EXPECTED);
    let err = json_error(err);
    let ErrorKind::UnexpectedArray { line, column } = *err.kind() else {
        return err;
    };
    if let Err(syntax) = serde_json::from_slice::<serde::de::IgnoredAny>(bytes) {
        return json_error(syntax);
    }
    let mut start = 0usize;
    for _ in 1..line {
        match bytes
            .get(start..)
            .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
        {
            Some(i) => start = start.saturating_add(i).saturating_add(1),
            None => return err,
        }
    }
    // The first byte that may be the `[`.
    let from = match (column, consumed) {
        (0, _) => start,
        (c, true) => start.saturating_add(c).saturating_sub(1),
        (c, false) => start.saturating_add(c),
    };
    let Some(at) = bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| b == b'['))
        .map(|i| from.saturating_add(i))
    else {
        return err;
    };
    let line_start = bytes
        .get(..at)
        .and_then(|head| head.iter().rposition(|&b| b == b'\n'))
        .map_or(0, |i| i.saturating_add(1));
    ErrorKind::UnexpectedArray {
        line,
        column: at.saturating_sub(line_start).saturating_add(1),
    }
    .into()
}

/// Reads a JSON document of type `T` from `reader` within `limits` (its
/// `max_bytes`, read through a bounded reader; `max_string_bytes` and
/// `max_depth`, checked before the JSON reader builds anything), with the
/// errors of [`json_error_in`] (DV051 at its `[`), or
/// [`ErrorKind::ReadFailed`] when the reader fails.
pub(crate) fn read_json<T: serde::de::DeserializeOwned>(
    reader: impl std::io::Read,
    limits: &crate::Limits,
) -> Result<T, Error> {
    let bytes = crate::limits::read_bounded(reader, limits.max_bytes)?;
    crate::limits::scan(&bytes, limits)?;
    serde_json::from_slice(&bytes).map_err(|e| json_error_in(&bytes, e))
}

#[cfg(test)]
mod tests {
    use crate::{Dataset, ErrorKind, Figure, Period};

    fn at(text: &str) -> Option<(usize, usize)> {
        match Dataset::from_json(text.as_bytes()).map_err(crate::Error::into_kind) {
            Err(ErrorKind::UnexpectedArray { line, column }) => Some((line, column)),
            Err(_) | Ok(_) => None,
        }
    }

    const HEAD: &str =
        r#"{"schema": "danvan/dataset/v1", "period": {"start": "2022-01-01", "end": "2022-12-31"}"#;

    #[test]
    fn lists_are_arrays_and_nothing_else_is() {
        let ok = format!(
            r#"{HEAD}, "units": [{{"code": "30", "name": "T"}}], "figures": [{{"indicator": "documents", "unit": "30", "actor": ["government", "other"], "value": 1}}]}}"#
        );
        Dataset::from_json(ok.as_bytes()).unwrap();
        assert_eq!(at(r#"["danvan/dataset/v1"]"#), Some((1, 1)));
        assert_eq!(
            at("{\"schema\": \"danvan/dataset/v1\", \"period\":\n  [\"2022-01-01\", \"2022-12-31\"]}"),
            Some((2, 3))
        );
        let units = format!(r#"{HEAD}, "units": [["30", "T"]]}}"#);
        assert_eq!(at(&units), Some((1, units.find("[[").unwrap() + 2)));
        let plan = format!(r#"{HEAD}, "plan": ["2023"]}}"#);
        assert!(at(&plan).is_some());
        let part = format!(
            r#"{HEAD}, "figures": [{{"indicator": "documents", "unit": "30", "actor": "other", "value": 2, "parts": [["a", 1]]}}]}}"#
        );
        assert!(at(&part).is_some());
        let reported = format!(
            r#"{HEAD}, "figures": [{{"indicator": "documents", "unit": "30", "actor": "other", "value": [2]}}]}}"#
        );
        assert!(at(&reported).is_some());
        // A string's place (peeked) and a number's place (consumed) point at the `[` alike.
        let code = format!(
            r#"{HEAD}, "figures": [{{"indicator": "documents", "unit": ["30"], "actor": "other", "value": 1}}]}}"#
        );
        let bracket = code.find("[\"30").unwrap() + 1;
        assert_eq!(at(&code), Some((1, bracket)));
        let value = format!(
            r#"{HEAD}, "figures": [{{"indicator": "documents", "unit": "30", "actor": "other", "value":[1]}}]}}"#
        );
        let bracket = value.find("[1]").unwrap() + 1;
        assert_eq!(at(&value), Some((1, bracket)));
    }

    #[test]
    fn every_reader_of_a_struct_refuses_an_array() {
        assert!(serde_json::from_str::<Period>(r#"["2022-01-01", "2022-12-31"]"#).is_err());
        assert!(serde_json::from_str::<Figure>(
            r#"["documents", "30", null, "other", 1, null, []]"#
        )
        .is_err());
        assert!(serde_json::from_str::<Dataset>(
            r#"["danvan/dataset/v1", {"start": "2022-01-01", "end": "2022-12-31"}]"#
        )
        .is_err());
        assert!(serde_json::from_str::<crate::Unit>(r#"["30", "T"]"#).is_err());
        assert!(serde_json::from_str::<crate::Share>("[1, 2]").is_err());
        assert!(serde_json::from_str::<crate::Measure>(r#"["1", "km"]"#).is_err());
        // Objects still read.
        assert!(serde_json::from_str::<crate::Share>(r#"{"part": 1, "whole": 2}"#).is_ok());
    }
}
