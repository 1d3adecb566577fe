//! Limits for hostile input: how much a reader accepts before it gives up.

use crate::{Error, ErrorKind};

/// Limits on a document read by
/// [`Dataset::from_json_with_limits`](crate::Dataset::from_json_with_limits)
/// or `read_figures_csv_with_limits` (feature `csv`), for apps that accept
/// uploads.
///
/// The defaults are generous for real reports and still bound the memory and
/// time one document can take: 64 MiB, 10 million records, strings of 4 KiB,
/// 32 levels of nesting; for CSV, 1 048 576 rows (a spreadsheet's most) and
/// cells of 4 KiB. [`Dataset::from_json`](crate::Dataset::from_json) and
/// `read_figures_csv` use them; the units file
/// ([`Hierarchy::from_units_json`](crate::Hierarchy::from_units_json)) and
/// the crosswalk ([`Crosswalk::from_json`](crate::Crosswalk::from_json)) are
/// read within the default `max_bytes`, `max_string_bytes` and `max_depth`.
///
/// Each reader stops at the limit: it never reads the rest of the input
/// before it complains.
///
/// ```
/// let limits = danvan::Limits::default().with_max_bytes(1 << 20).with_max_records(50_000);
/// assert_eq!(limits.max_bytes, 1_048_576);
/// assert_eq!(limits.max_depth, 32);
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Limits {
    /// The largest document, in bytes; 64 MiB by default.
    pub max_bytes: u64,
    /// The most records (units, custom indicators, entities and figures
    /// together); 10 million by default.
    pub max_records: u64,
    /// The longest string or key, in bytes as written between its quotes
    /// (escapes counted as written); 4 KiB by default.
    pub max_string_bytes: u64,
    /// The deepest nesting of objects and arrays; 32 by default (the dataset
    /// itself needs 7).
    pub max_depth: u32,
    /// The most rows of a CSV file after its header row (blank rows
    /// skipped); 1 048 576 by default, a spreadsheet's most.
    pub max_rows: u64,
    /// The longest cell of a CSV file, in bytes as written (quotes
    /// included); 4 KiB by default.
    pub max_cell_bytes: u64,
}

impl Limits {
    /// The default largest document: 64 MiB.
    ///
    /// ```
    /// assert_eq!(danvan::Limits::default().max_bytes, danvan::Limits::DEFAULT_MAX_BYTES);
    /// ```
    pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;
    /// The default most records: 10 million.
    ///
    /// ```
    /// assert_eq!(danvan::Limits::default().max_records, danvan::Limits::DEFAULT_MAX_RECORDS);
    /// ```
    pub const DEFAULT_MAX_RECORDS: u64 = 10_000_000;
    /// The default longest string as written in the JSON text: 24 KiB, six
    /// bytes for each of the [`Limits::SCHEMA_MAX_STRING_CHARS`] characters the
    /// JSON Schemas allow (a character takes up to six bytes written, as a
    /// `\uXXXX` escape), so that every document the schemas accept is read.
    ///
    /// ```
    /// assert_eq!(danvan::Limits::default().max_string_bytes, danvan::Limits::DEFAULT_MAX_STRING_BYTES);
    /// assert_eq!(danvan::Limits::DEFAULT_MAX_STRING_BYTES, 6 * danvan::Limits::SCHEMA_MAX_STRING_CHARS);
    /// ```
    pub const DEFAULT_MAX_STRING_BYTES: u64 = 6 * Limits::SCHEMA_MAX_STRING_CHARS;
    /// The longest free string the JSON Schemas allow, in characters
    /// (`maxLength`): 4,096.
    ///
    /// ```
    /// assert_eq!(danvan::Limits::SCHEMA_MAX_STRING_CHARS, 4096);
    /// ```
    pub const SCHEMA_MAX_STRING_CHARS: u64 = 4 * 1024;
    /// The default deepest nesting: 32.
    ///
    /// ```
    /// assert_eq!(danvan::Limits::default().max_depth, danvan::Limits::DEFAULT_MAX_DEPTH);
    /// ```
    pub const DEFAULT_MAX_DEPTH: u32 = 32;
    /// The default most CSV rows: 1 048 576, the most rows a spreadsheet holds.
    ///
    /// ```
    /// assert_eq!(danvan::Limits::default().max_rows, danvan::Limits::DEFAULT_MAX_ROWS);
    /// ```
    pub const DEFAULT_MAX_ROWS: u64 = 1 << 20;
    /// The default longest CSV cell: 4 KiB.
    ///
    /// ```
    /// assert_eq!(danvan::Limits::default().max_cell_bytes, danvan::Limits::DEFAULT_MAX_CELL_BYTES);
    /// ```
    pub const DEFAULT_MAX_CELL_BYTES: u64 = 4 * 1024;

    /// These limits with another largest document size, in bytes.
    ///
    /// ```
    /// assert_eq!(danvan::Limits::default().with_max_bytes(10).max_bytes, 10);
    /// ```
    #[must_use]
    pub fn with_max_bytes(mut self, bytes: u64) -> Limits {
        self.max_bytes = bytes;
        self
    }

    /// These limits with another most records.
    ///
    /// ```
    /// assert_eq!(danvan::Limits::default().with_max_records(10).max_records, 10);
    /// ```
    #[must_use]
    pub fn with_max_records(mut self, records: u64) -> Limits {
        self.max_records = records;
        self
    }

    /// These limits with another longest string, in bytes.
    ///
    /// ```
    /// assert_eq!(danvan::Limits::default().with_max_string_bytes(10).max_string_bytes, 10);
    /// ```
    #[must_use]
    pub fn with_max_string_bytes(mut self, bytes: u64) -> Limits {
        self.max_string_bytes = bytes;
        self
    }

    /// These limits with another deepest nesting.
    ///
    /// ```
    /// assert_eq!(danvan::Limits::default().with_max_depth(8).max_depth, 8);
    /// ```
    #[must_use]
    pub fn with_max_depth(mut self, depth: u32) -> Limits {
        self.max_depth = depth;
        self
    }

    /// These limits with another most CSV rows.
    ///
    /// ```
    /// assert_eq!(danvan::Limits::default().with_max_rows(10).max_rows, 10);
    /// ```
    #[must_use]
    pub fn with_max_rows(mut self, rows: u64) -> Limits {
        self.max_rows = rows;
        self
    }

    /// These limits with another longest CSV cell, in bytes.
    ///
    /// ```
    /// assert_eq!(danvan::Limits::default().with_max_cell_bytes(10).max_cell_bytes, 10);
    /// ```
    #[must_use]
    pub fn with_max_cell_bytes(mut self, bytes: u64) -> Limits {
        self.max_cell_bytes = bytes;
        self
    }
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_bytes: Limits::DEFAULT_MAX_BYTES,
            max_records: Limits::DEFAULT_MAX_RECORDS,
            max_string_bytes: Limits::DEFAULT_MAX_STRING_BYTES,
            max_depth: Limits::DEFAULT_MAX_DEPTH,
            max_rows: Limits::DEFAULT_MAX_ROWS,
            max_cell_bytes: Limits::DEFAULT_MAX_CELL_BYTES,
        }
    }
}

/// The most code points one character's full canonical decomposition has
/// (U+1F82 and its kin: a letter and three marks). The test
/// `no_character_decomposes_into_more_than_four` checks it over all of Unicode.
const MAX_DECOMPOSITION: usize = 4;

/// Whether `text` may still be at most `max_chars` characters after Unicode
/// NFC, judged from its length in bytes alone: the test a parser makes
/// *before* it normalizes, so that a huge input is refused without being
/// normalized or copied.
///
/// NFC can shrink text (a letter and its marks compose into one character),
/// so the bound is not `max_chars` bytes. It holds because NFD(NFC(x)) and
/// NFD(x) are the same text: every character of `x` adds at least one code
/// point to NFD(x), and every character of the result at most
/// [`MAX_DECOMPOSITION`]. A result of at most `max_chars` characters thus
/// comes from at most `4 × max_chars` characters, at most 4 bytes each: an
/// input longer than `16 × max_chars` bytes never fits. (Inputs under the
/// bound are normalized and their result counted, as before.)
pub(crate) fn nfc_may_fit(text: &str, max_chars: usize) -> bool {
    let bound = max_chars
        .saturating_mul(MAX_DECOMPOSITION)
        .saturating_mul(char::MAX.len_utf8());
    text.len() <= bound
}

/// A bounded read of a whole document: at most `max_bytes + 1` bytes are
/// read; one more than `max_bytes` is [`ErrorKind::DocumentTooLarge`].
pub(crate) fn read_bounded(reader: impl std::io::Read, max_bytes: u64) -> Result<Vec<u8>, Error> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ErrorKind::ReadFailed {
            message: e.to_string(),
        })?;
    if u64::try_from(bytes.len()).map_or(true, |n| n > max_bytes) {
        return Err(ErrorKind::DocumentTooLarge { limit: max_bytes }.into());
    }
    Ok(bytes)
}

/// Checks nesting depth and string lengths in one pass over the bytes, before
/// the JSON reader builds anything. Positions are 1-based lines and byte
/// columns, as the JSON reader counts them.
pub(crate) fn scan(bytes: &[u8], limits: &Limits) -> Result<(), Error> {
    let (mut line, mut column) = (1usize, 0usize);
    let mut depth: u32 = 0;
    // Inside a string: its length so far, and where it started.
    let mut string: Option<(u64, usize, usize)> = None;
    let mut escaped = false;
    for &b in bytes {
        if b == b'\n' {
            line = line.saturating_add(1);
            column = 0;
        } else {
            column = column.saturating_add(1);
        }
        if let Some((len, at_line, at_column)) = string.as_mut() {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                string = None;
                continue;
            }
            *len = len.saturating_add(1);
            if *len > limits.max_string_bytes {
                return Err(ErrorKind::StringTooLong {
                    line: *at_line,
                    column: *at_column,
                    limit: limits.max_string_bytes,
                }
                .into());
            }
            continue;
        }
        match b {
            b'"' => string = Some((0, line, column)),
            b'{' | b'[' => {
                depth = depth.saturating_add(1);
                if depth > limits.max_depth {
                    return Err(ErrorKind::NestingTooDeep {
                        line,
                        column,
                        limit: limits.max_depth,
                    }
                    .into());
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// True for characters that must not appear in codes and identifiers: control
/// characters and the invisible format characters (zero-width space, joiners,
/// byte-order mark, directional marks). Unit names leave the format
/// characters out ([`crate::unit`]'s name rule).
pub(crate) fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str, limits: Limits) -> Option<ErrorKind> {
        scan(text.as_bytes(), &limits).err().map(Error::into_kind)
    }

    #[test]
    fn defaults() {
        let l = Limits::default();
        assert_eq!(
            (l.max_bytes, l.max_records, l.max_string_bytes, l.max_depth),
            (67_108_864, 10_000_000, 24_576, 32)
        );
        assert_eq!((l.max_rows, l.max_cell_bytes), (1_048_576, 4096));
    }

    #[test]
    fn no_character_decomposes_into_more_than_four() {
        use unicode_normalization::UnicodeNormalization;
        let longest = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .map(|c| std::iter::once(c).nfd().count())
            .max();
        assert_eq!(longest, Some(MAX_DECOMPOSITION));
    }

    #[test]
    fn the_nfc_bound_is_safe_and_refuses_the_huge() {
        use unicode_normalization::UnicodeNormalization;
        // The most shrinking input: each 4-code-point decomposition of
        // U+1F82 composes into one character.
        let one: String = "\u{1F82}".nfd().collect();
        assert_eq!(one.chars().count(), MAX_DECOMPOSITION);
        let sixty_four = one.repeat(64);
        assert_eq!(sixty_four.nfc().count(), 64);
        assert!(nfc_may_fit(&sixty_four, 64));
        assert!(nfc_may_fit(&"\u{10FFFF}".repeat(256), 64));
        assert!(!nfc_may_fit(&"x".repeat(1025), 64));
        assert!(!nfc_may_fit(&"x".repeat(1 << 20), 64));
    }

    #[test]
    fn every_length_limit_is_checked_before_normalizing() {
        use unicode_normalization::UnicodeNormalization;
        // Refused by length alone, with an excerpt of the input.
        let huge = "a".repeat(1 << 20);
        let errors = [
            huge.parse::<crate::RecordId>().unwrap_err(),
            huge.parse::<crate::UnitWord>().unwrap_err(),
            huge.parse::<crate::IndicatorId>().unwrap_err(),
        ];
        for err in errors {
            let text = err.to_string();
            assert!(text.contains("… (1 048 576 bytes)"), "{text}");
            assert!(text.len() < 400, "{text}");
        }
        // Under the bound, NFC decides: 32 decomposed characters are a unit word.
        let one: String = "\u{1F82}".nfd().collect();
        assert!(one.repeat(32).parse::<crate::UnitWord>().is_ok());
        assert!(one.repeat(33).parse::<crate::UnitWord>().is_err());
    }

    #[test]
    fn a_bounded_read_stops_one_byte_past() {
        let err = read_bounded(std::io::repeat(b'x'), 10).unwrap_err();
        assert_eq!(err.into_kind(), ErrorKind::DocumentTooLarge { limit: 10 });
        assert_eq!(
            read_bounded(&b"0123456789"[..], 10).map(|b| b.len()),
            Ok(10)
        );
    }

    #[test]
    fn depth_counts_only_outside_strings() {
        let l = Limits::default().with_max_depth(2);
        assert_eq!(kind(r#"{"a": [1, "[[[{{{"]}"#, l), None);
        assert_eq!(
            kind("{\n  \"a\": [[1]]}", l),
            Some(ErrorKind::NestingTooDeep {
                line: 2,
                column: 9,
                limit: 2
            })
        );
        // Closing brackets free their level again.
        assert_eq!(kind("[[],[],[[]]]", l.with_max_depth(3)), None);
    }

    #[test]
    fn escaped_quotes_do_not_end_a_string() {
        let l = Limits::default().with_max_string_bytes(4);
        assert_eq!(kind(r#"["abcd"]"#, l), None);
        assert_eq!(
            kind(r#"["a\"bcd"]"#, l),
            Some(ErrorKind::StringTooLong {
                line: 1,
                column: 2,
                limit: 4
            })
        );
        // A backslash before the closing quote is itself escaped.
        assert_eq!(kind(r#"["a\\", "[[["]"#, l.with_max_depth(1)), None);
    }

    #[test]
    fn unbalanced_input_does_not_panic() {
        let l = Limits::default();
        for text in ["]]]]", "}}{", "\"", "\\", "[\"\\", ""] {
            let _ = kind(text, l);
        }
    }

    const SMALL: &str = r#"{"schema": "danvan/dataset/v1",
  "period": {"start": "2022-01-01", "end": "2022-12-31"},
  "units": [{"code": "30", "name": "Tỉnh Hải Dương"}, {"code": "288", "name": "Thành phố Hải Dương", "parent": "30"}]}"#;

    fn read(text: &str, limits: Limits) -> Result<crate::Dataset, Error> {
        crate::Dataset::from_json_with_limits(text.as_bytes(), &limits)
    }

    /// Each limit: the error, its English and its Vietnamese text.
    #[test]
    fn each_limit_is_named_with_its_value() {
        let at_size = u64::try_from(SMALL.len()).unwrap();
        assert!(read(SMALL, Limits::default().with_max_bytes(at_size)).is_ok());
        let cases: Vec<(Limits, &str, &str, &str)> = vec![
            (
                Limits::default().with_max_bytes(at_size - 1),
                "DV120",
                "document exceeds the limit of 220 bytes (max_bytes): split it or raise the limit",
                "tệp vượt quá giới hạn 220 byte: hãy chia nhỏ tệp hoặc nâng giới hạn",
            ),
            (
                Limits::default().with_max_records(1),
                "DV121",
                "document holds 2 records, more than the limit of 1 (max_records): split it or raise the limit",
                "tệp có 2 bản ghi, vượt quá giới hạn 1 bản ghi: hãy chia nhỏ tệp hoặc nâng giới hạn",
            ),
            (
                Limits::default().with_max_string_bytes(18),
                "DV122",
                "line 3, column 36: string exceeds the limit of 18 bytes (max_string_bytes): shorten it or raise the limit",
                "dòng 3, cột 36: chuỗi ký tự dài quá giới hạn 18 byte: hãy rút ngắn hoặc nâng giới hạn",
            ),
            (
                Limits::default().with_max_depth(2),
                "DV123",
                "line 3, column 13: nesting exceeds the limit of 2 levels (max_depth): expected a flatter document",
                "dòng 3, cột 13: dữ liệu lồng nhau quá 2 cấp",
            ),
        ];
        for (limits, code, en, vi) in cases {
            let err = read(SMALL, limits).unwrap_err();
            assert_eq!(err.code(), code);
            assert_eq!(err.to_string(), en);
            assert_eq!(crate::render::vi::message(err.kind()), vi);
        }
        assert_eq!(
            read(SMALL, Limits::default().with_max_records(2)).map(|d| d.units.len()),
            Ok(2)
        );
    }

    struct Broken;

    impl std::io::Read for Broken {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("connection reset"))
        }
    }

    #[test]
    fn a_failing_reader_is_named() {
        let err = crate::Dataset::from_json(Broken).unwrap_err();
        assert_eq!(err.code(), "DV103");
        assert_eq!(err.to_string(), "cannot read the input: connection reset");
        assert_eq!(
            crate::render::vi::message(err.kind()),
            "không đọc được dữ liệu đầu vào (connection reset)"
        );
    }

    #[test]
    fn the_size_limit_reads_no_more_than_it_needs() {
        // An endless reader: `take` stops it one byte past the limit.
        let endless = std::io::repeat(b' ');
        let err =
            crate::Dataset::from_json_with_limits(endless, &Limits::default().with_max_bytes(1000))
                .unwrap_err();
        assert_eq!(err.code(), "DV120");
    }
}
