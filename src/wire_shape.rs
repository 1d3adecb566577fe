//! A structural pre-check of the exchange document: arrays only where lists are.
//!
//! serde's derived `Deserialize` also accepts a struct written as a JSON array
//! of its fields in order (`["danvan/dataset/v1", {"start": …}]`). That form
//! has no field names, so `deny_unknown_fields` cannot apply to it, and a
//! reordered array would be read silently wrong. The format has no such form:
//! records and settings are objects with named fields. This single pass over
//! the bytes rejects an array anywhere but as the value of a list field.

use crate::{Error, ErrorKind};

/// The fields whose value is a JSON array in `danvan/dataset/v1`.
const LIST_FIELDS: [&[u8]; 19] = [
    b"units",
    b"indicators",
    b"blocks",
    b"teams",
    b"models",
    b"conferences",
    b"documents",
    b"inspections",
    b"dialogues",
    b"receptions",
    b"clearances",
    b"awards",
    b"figures",
    b"tasks",
    b"criteria",
    b"targets",
    b"clear",
    b"members",
    b"parts",
];

/// A figure's `actor` may be written as a list, so that `check` can say that
/// a figure must name exactly one actor.
const ACTOR_FIELD: &[u8] = b"actor";

/// Whether the key between `start..end` (the bytes inside its quotes) names a list field.
fn is_list(bytes: &[u8], (start, end): (usize, usize)) -> bool {
    let Some(raw) = bytes.get(start..end) else {
        return false;
    };
    if !raw.contains(&b'\\') {
        return raw == ACTOR_FIELD || LIST_FIELDS.contains(&raw);
    }
    // An escaped key (`"\u0075nits"`) is compared by what it spells.
    let quoted = bytes.get(start.saturating_sub(1)..end.saturating_add(1));
    quoted
        .and_then(|q| serde_json::from_slice::<String>(q).ok())
        .is_some_and(|k| k.as_bytes() == ACTOR_FIELD || LIST_FIELDS.contains(&k.as_bytes()))
}

/// Rejects an array that stands where the format expects an object or a value.
///
/// Malformed JSON is left to the JSON reader, which says what is wrong with it;
/// this pass only looks at well-placed brackets.
pub(crate) fn check(bytes: &[u8]) -> Result<(), Error> {
    let (mut line, mut column) = (1usize, 0usize);
    // Open containers: true for an object, false for an array.
    let mut open: Vec<bool> = Vec::new();
    // The current string's start (index after the quote), while inside one.
    let mut string_start: Option<usize> = None;
    let mut escaped = false;
    // The last string that ended, and whether it was followed by `:` (a key).
    let mut last_string: Option<(usize, usize)> = None;
    let mut key: Option<(usize, usize)> = None;
    // Whether the previous significant byte was the `:` after `key`.
    let mut after_colon = false;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            line = line.saturating_add(1);
            column = 0;
        } else {
            column = column.saturating_add(1);
        }
        if let Some(start) = string_start {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                string_start = None;
                last_string = Some((start, i));
            }
            continue;
        }
        match b {
            b' ' | b'\t' | b'\r' | b'\n' => continue,
            b'"' => string_start = Some(i.saturating_add(1)),
            b':' => {
                key = last_string.take();
                after_colon = true;
                continue;
            }
            b'[' => {
                let in_object = open.last().copied() == Some(true);
                let allowed = in_object && after_colon && key.is_some_and(|k| is_list(bytes, k));
                if !allowed {
                    return Err(ErrorKind::UnexpectedArray { line, column }.into());
                }
                open.push(false);
            }
            b'{' => open.push(true),
            b'}' | b']' => {
                open.pop();
            }
            _ => {}
        }
        after_colon = false;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Option<(usize, usize)> {
        match check(text.as_bytes()).map_err(Error::into_kind) {
            Err(ErrorKind::UnexpectedArray { line, column }) => Some((line, column)),
            Err(other) => panic!("{other}"),
            Ok(()) => None,
        }
    }

    #[test]
    fn lists_are_arrays_and_nothing_else_is() {
        assert_eq!(
            at(r#"{"units": [{"code": "30"}], "figures": [{"actor": ["a", "b"]}]}"#),
            None
        );
        assert_eq!(at(r#"["danvan/dataset/v1"]"#), Some((1, 1)));
        assert_eq!(at("{\"period\":\n  [\"2022-01-01\"]}"), Some((2, 3)));
        assert_eq!(at(r#"{"units": [["30", "Tỉnh"]]}"#), Some((1, 12)));
        assert_eq!(
            at(r#"{"plan": {"tasks": [{"targets": [], "clear": []}]}}"#),
            None
        );
    }

    #[test]
    fn brackets_in_strings_and_keys_do_not_count() {
        assert_eq!(at(r#"{"title": "[x] \"[\" ]", "units": []}"#), None);
        assert_eq!(at(r#"{"a[": {"b": 1}}"#), None);
        // An escaped key counts by what it spells.
        assert_eq!(at(r#"{"\u0075nits": []}"#), None);
        assert_eq!(at(r#"{"perio\u0064": ["2022-01-01"]}"#), Some((1, 17)));
    }

    #[test]
    fn malformed_input_is_left_to_the_reader() {
        for text in ["", "{", "}}]]", "\"", "{\"units\": [", ":[", "[[[["] {
            let _ = check(text.as_bytes());
        }
        assert_eq!(at(":["), Some((1, 2)));
    }
}
