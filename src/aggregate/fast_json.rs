//! A fast path for the common lines of JSON Lines input.
//!
//! [`parse_record`] reads documents, conferences, inspections and dialogues
//! written plainly: no escapes or control characters in strings, whole
//! numbers without sign, fraction or exponent, each field at most once. On
//! anything else it declines (`None`) and the caller parses the line with
//! `serde_json`, so a line gives the same record, and a bad line the same
//! error, either way; the tests hold the two to that. It exists because
//! parsing was most of the time of [`stream_json_lines`](crate::stream_json_lines).

use chrono::NaiveDate;

use super::stream::Record;
use crate::{
    Actor, ConferenceKind, Count, Dialogue, DocumentKind, Headcount, Inspection, InspectionKind,
    IssuedDocument, Qualifier, RecordId, Reported, Subjects, UnitCode,
};

/// A position in a line. The line is bytes: keys and names are compared
/// with ASCII constants in place, and only text the record keeps (an id, a
/// reference, a unit code) is checked to be UTF-8, so a line the fast path
/// reads is UTF-8 wherever it has been read.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn rest(&self) -> &'a [u8] {
        self.bytes.get(self.at..).unwrap_or(&[])
    }

    /// Skips JSON whitespace.
    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// Consumes `c` after optional whitespace.
    fn eat(&mut self, c: u8) -> Option<()> {
        self.ws();
        if self.peek()? == c {
            self.at += 1;
            Some(())
        } else {
            None
        }
    }

    /// The bytes of a string without escapes or control characters.
    fn string(&mut self) -> Option<&'a [u8]> {
        self.eat(b'"')?;
        let rest = self.rest();
        let len = string_end(rest)?;
        if rest.get(len) != Some(&b'"') {
            return None;
        }
        self.at += len + 1;
        rest.get(..len)
    }

    /// A key: the bytes up to the next quote. Only a key equal to a known
    /// one is read, and known keys are plain, so a key with an escape or a
    /// control character is declined by the caller's match, not here.
    fn key(&mut self) -> Option<&'a [u8]> {
        self.eat(b'"')?;
        let rest = self.rest();
        let len = find_byte(rest, b'"')?;
        self.at += len + 1;
        rest.get(..len)
    }

    /// A string that is UTF-8 (for text the record keeps).
    fn text(&mut self) -> Option<&'a str> {
        std::str::from_utf8(self.string()?).ok()
    }

    /// A string equal to one of `names`, compared in place: its value.
    fn name<T: Copy>(&mut self, names: &[(&'static str, T)]) -> Option<T> {
        self.name_of(names, |(name, _)| name).map(|(_, v)| v)
    }

    /// A string equal to the name of one of `items`, compared in place: that item.
    fn name_of<T: Copy>(&mut self, items: &[T], name: impl Fn(T) -> &'static str) -> Option<T> {
        self.eat(b'"')?;
        let rest = self.rest();
        for &item in items {
            let n = name(item).as_bytes();
            if rest.get(..n.len()) == Some(n) && rest.get(n.len()) == Some(&b'"') {
                self.at += n.len() + 1;
                return Some(item);
            }
        }
        None
    }

    /// A whole number: `0` or a non-zero digit and digits, fitting `u64`.
    fn uint(&mut self) -> Option<u64> {
        self.ws();
        let start = self.at;
        let mut n: u64 = 0;
        while let Some(b @ b'0'..=b'9') = self.peek() {
            n = n.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
            self.at += 1;
        }
        let digits = self.at - start;
        let leading_zero = digits > 1 && self.bytes.get(start) == Some(&b'0');
        if digits == 0 || leading_zero || matches!(self.peek(), Some(b'.' | b'e' | b'E')) {
            return None;
        }
        Some(n)
    }

    /// An object: `field` is called with each key, with the cursor before its value.
    fn object(&mut self, mut field: impl FnMut(&[u8], &mut Self) -> Option<()>) -> Option<()> {
        self.eat(b'{')?;
        self.ws();
        if self.peek()? == b'}' {
            self.at += 1;
            return Some(());
        }
        loop {
            let key = self.key()?;
            self.eat(b':')?;
            field(key, self)?;
            self.ws();
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }
}

/// The position of the first `byte` in `hay`, eight bytes at a time (the
/// closing quote of a key). Ours, not `memchr`: on spans this short (a key
/// is a few bytes) the call costs more than the search; measured in
/// BENCHMARKS.md (issue 13), where the stream's newlines use `memchr`.
#[inline]
fn find_byte(hay: &[u8], byte: u8) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let pattern = ONES * u64::from(byte);
    let mut chunks = hay.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        // A zero byte of `x` is a `byte` of the chunk; the lowest flagged
        // byte is exact (flags above it may be false).
        let x = u64::from_le_bytes(word) ^ pattern;
        let flagged = x.wrapping_sub(ONES) & !x & HIGH;
        if flagged != 0 {
            return Some(base + (flagged.trailing_zeros() / 8) as usize);
        }
        base += 8;
    }
    let tail = chunks.remainder();
    tail.iter().position(|&b| b == byte).map(|p| base + p)
}

/// The position of the first quote, backslash or control character (the end
/// of a plain string, or what makes it not plain), eight bytes at a time.
fn string_end(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The lowest flagged byte of each test is exact (flags above it may not be).
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let quote = zero(w ^ (ONES * u64::from(b'"')));
        let backslash = zero(w ^ (ONES * u64::from(b'\\')));
        // Bytes below 0x20: subtracting 0x20 borrows into the high bit.
        let control = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
        let any = quote | backslash | control;
        if any != 0 {
            return Some(base + (any.trailing_zeros() / 8) as usize);
        }
        base += 8;
    }
    let tail = chunks.remainder();
    tail.iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .map(|p| base + p)
}

/// Marks field `bit` seen; `None` when it was seen before (serde's "duplicate field").
fn once(seen: &mut u16, bit: u16) -> Option<()> {
    if *seen & bit != 0 {
        return None;
    }
    *seen |= bit;
    Some(())
}

fn unit(c: &mut Cursor<'_>) -> Option<UnitCode> {
    let s = c.string()?;
    // A province, district or commune code straight from its digits; a
    // village code (or anything else) through the whole rule.
    UnitCode::national(s).or_else(|| std::str::from_utf8(s).ok()?.parse().ok())
}

fn id(c: &mut Cursor<'_>) -> Option<RecordId> {
    c.text()?.parse().ok()
}

/// A date written `YYYY-MM-DD`, exactly: the wire's one date reader on the
/// ten bytes between the quotes (anything else is declined, and serde's path
/// rejects it with the same reader).
fn date(c: &mut Cursor<'_>) -> Option<NaiveDate> {
    c.eat(b'"')?;
    let rest = c.rest();
    if rest.get(10) != Some(&b'"') {
        return None;
    }
    let date = crate::period::wire_date(rest.get(..10)?)?;
    c.at += 11;
    Some(date)
}

fn actor(c: &mut Cursor<'_>) -> Option<Actor> {
    c.name_of(&Actor::ALL, Actor::as_str)
}

fn count(c: &mut Cursor<'_>) -> Option<Count> {
    c.uint().map(Count::new)
}

/// A number, or an object with one key `at_least`, `at_most` or `about`.
fn reported(c: &mut Cursor<'_>) -> Option<Reported> {
    c.ws();
    if c.peek()? != b'{' {
        return c.uint().map(|v| Reported::exact(Count::new(v)));
    }
    let mut out = None;
    c.object(|key, c| {
        let q = match key {
            b"at_least" => Qualifier::AtLeast,
            b"at_most" => Qualifier::AtMost,
            b"about" => Qualifier::About,
            _ => return None,
        };
        if out.is_some() {
            return None;
        }
        out = Some(Reported::new(q, Count::new(c.uint()?)));
        Some(())
    })?;
    out
}

/// The fields every dated record has.
#[derive(Default)]
struct Common {
    id: Option<RecordId>,
    unit: Option<UnitCode>,
    date: Option<NaiveDate>,
    actor: Option<Actor>,
}

const ID: u16 = 1;
const UNIT: u16 = 2;
const DATE: u16 = 4;
const ACTOR: u16 = 8;

impl Common {
    /// Reads `key` if it is a common field: `Some(true)` read, `Some(false)`
    /// not a common field, `None` decline.
    fn field(&mut self, key: &[u8], c: &mut Cursor<'_>, seen: &mut u16) -> Option<bool> {
        match key {
            b"id" => {
                once(seen, ID)?;
                self.id = Some(id(c)?);
            }
            b"unit" => {
                once(seen, UNIT)?;
                self.unit = Some(unit(c)?);
            }
            b"date" => {
                once(seen, DATE)?;
                self.date = Some(date(c)?);
            }
            b"actor" => {
                once(seen, ACTOR)?;
                self.actor = Some(actor(c)?);
            }
            _ => return Some(false),
        }
        Some(true)
    }
}

/// Reads the object of a dated record: the common fields here, any other
/// key through `other` (with the mask of fields seen).
fn dated(
    c: &mut Cursor<'_>,
    mut other: impl FnMut(&[u8], &mut Cursor<'_>, &mut u16) -> Option<()>,
) -> Option<Common> {
    let (mut common, mut seen) = (Common::default(), 0u16);
    c.object(|key, c| {
        if common.field(key, c, &mut seen)? {
            return Some(());
        }
        other(key, c, &mut seen)
    })?;
    Some(common)
}

fn document(c: &mut Cursor<'_>) -> Option<Record> {
    let (mut kind, mut reference) = (None, None);
    let common = dated(c, |key, c, seen| {
        match key {
            b"kind" => {
                once(seen, 16)?;
                kind = Some(c.name(&[
                    ("leadership", DocumentKind::Leadership),
                    ("guidance", DocumentKind::Guidance),
                ])?);
            }
            b"reference" => {
                once(seen, 32)?;
                reference = Some(c.text()?.to_owned());
            }
            _ => return None,
        }
        Some(())
    })?;
    Some(Record::Document(IssuedDocument {
        id: common.id,
        unit: common.unit?,
        date: common.date?,
        actor: common.actor?,
        kind: kind?,
        reference,
    }))
}

fn conference(c: &mut Cursor<'_>) -> Option<Record> {
    let (mut kind, mut participants, mut headcount) = (None, None, None);
    let common = dated(c, |key, c, seen| {
        match key {
            b"kind" => {
                once(seen, 16)?;
                kind = Some(c.name(&[
                    ("propaganda", ConferenceKind::Propaganda),
                    ("training", ConferenceKind::Training),
                    ("both", ConferenceKind::Both),
                ])?);
            }
            b"participants" => {
                once(seen, 32)?;
                participants = Some(reported(c)?);
            }
            b"headcount" => {
                once(seen, 64)?;
                headcount = Some(c.name(&[
                    ("occurrences", Headcount::Occurrences),
                    ("distinct_persons", Headcount::DistinctPersons),
                ])?);
            }
            _ => return None,
        }
        Some(())
    })?;
    Some(Record::Conference(crate::Conference {
        id: common.id,
        unit: common.unit?,
        date: common.date?,
        actor: common.actor?,
        kind: kind?,
        participants: participants?,
        headcount: headcount.unwrap_or_default(),
    }))
}

fn subjects(c: &mut Cursor<'_>) -> Option<Subjects> {
    let (mut s, mut seen) = (Subjects::default(), 0u16);
    c.object(|key, c| {
        let (bit, slot) = match key {
            b"party_organizations" => (1, &mut s.party_organizations),
            b"party_members" => (2, &mut s.party_members),
            b"lumped" => (4, &mut s.lumped),
            _ => return None,
        };
        once(&mut seen, bit)?;
        *slot = Some(count(c)?);
        Some(())
    })?;
    Some(s)
}

fn inspection(c: &mut Cursor<'_>) -> Option<Record> {
    let (mut kind, mut subj) = (None, None);
    let common = dated(c, |key, c, seen| {
        match key {
            b"kind" => {
                once(seen, 16)?;
                kind = Some(c.name(&[
                    ("inspection", InspectionKind::Inspection),
                    ("supervision", InspectionKind::Supervision),
                    ("lumped", InspectionKind::Lumped),
                ])?);
            }
            b"subjects" => {
                once(seen, 32)?;
                subj = Some(subjects(c)?);
            }
            _ => return None,
        }
        Some(())
    })?;
    Some(Record::Inspection(Inspection {
        id: common.id,
        unit: common.unit?,
        date: common.date?,
        actor: common.actor?,
        kind: kind?,
        subjects: subj?,
    }))
}

fn dialogue(c: &mut Cursor<'_>) -> Option<Record> {
    let (mut participants, mut raised, mut resolved) = (None, None, None);
    let common = dated(c, |key, c, seen| {
        match key {
            b"participants" => {
                once(seen, 16)?;
                participants = Some(reported(c)?);
            }
            b"petitions_raised" => {
                once(seen, 32)?;
                raised = Some(count(c)?);
            }
            b"petitions_resolved" => {
                once(seen, 64)?;
                resolved = Some(count(c)?);
            }
            _ => return None,
        }
        Some(())
    })?;
    Some(Record::Dialogue(Dialogue {
        id: common.id,
        unit: common.unit?,
        date: common.date?,
        actor: common.actor?,
        participants: participants?,
        petitions_raised: raised.unwrap_or_default(),
        petitions_resolved: resolved.unwrap_or_default(),
    }))
}

/// The record on a line, when the line is of a kind and form the fast path
/// reads; `None` otherwise (parse the line with `serde_json` then).
#[inline]
pub(crate) fn parse_record(line: &[u8]) -> Option<Record> {
    let mut c = Cursor { bytes: line, at: 0 };
    c.eat(b'{')?;
    let tag = c.key()?;
    c.eat(b':')?;
    let record = match tag {
        b"document" => document(&mut c)?,
        b"conference" => conference(&mut c)?,
        b"inspection" => inspection(&mut c)?,
        b"dialogue" => dialogue(&mut c)?,
        _ => return None,
    };
    c.eat(b'}')?;
    c.ws();
    (c.at == line.len()).then_some(record)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::parse_record;
    use crate::aggregate::stream::Record;

    /// Values for each field: the first ones are plain (the fast path must
    /// read them), the rest are odd or wrong (it may decline).
    fn values(tag: &str, key: &str) -> &'static [&'static str] {
        match (tag, key) {
            ("document", "kind") => &[
                r#""leadership""#,
                r#""guidance""#,
                r#""training""#,
                r#""Guidance""#,
                "0",
            ],
            ("conference", "kind") => &[
                r#""training""#,
                r#""both""#,
                r#""propaganda""#,
                r#""lumped""#,
                r#""Both""#,
            ],
            (_, "kind") => &[
                r#""inspection""#,
                r#""supervision""#,
                r#""lumped""#,
                r#""both""#,
                "null",
            ],
            _ => values_of(key),
        }
    }

    fn values_of(key: &str) -> &'static [&'static str] {
        match key {
            "id" => &[
                r#""HN-2022-001""#,
                r#""a""#,
                r#""""#,
                r#"" x""#,
                r#""\u0041""#,
                "7",
                "null",
            ],
            "unit" => &[
                r#""30""#,
                r#""288""#,
                r#""10507""#,
                r#""10507-T01""#,
                r#""3""#,
                r#""30a""#,
                r#""\u0033\u0030""#,
                "30",
            ],
            "date" => &[
                r#""2022-05-10""#,
                r#""2022-12-31""#,
                r#""2022-02-30""#,
                r#""2022-5-10""#,
                r#""+2022-05-10""#,
                r#""2022-05-10T00:00:00""#,
                r#""20220510""#,
                r#"" 2022-05-10""#,
                r#""2022-05-10 ""#,
                r#""-2022-05-10""#,
                r#""02022-05-10""#,
                r#""2022-05-1""#,
                r#""2022-13-01""#,
                r#""0000-01-01""#,
                r#""2022\u002d05-10""#,
                r#"["2022-05-10"]"#,
            ],
            "actor" => &[
                r#""party_committees""#,
                r#""government""#,
                r#""mobilization_sector""#,
                r#""Government""#,
                r#""khác""#,
                "1",
            ],
            "participants" => &[
                "45",
                "0",
                "18446744073709551615",
                r#"{"at_least": 40}"#,
                r#"{"about":7}"#,
                r#"{"at_most" : 3}"#,
                "18446744073709551616",
                "045",
                "-1",
                "4.0",
                "4e2",
                r#"{"at_least": 1, "about": 2}"#,
                r#"{}"#,
                r#"{"more": 1}"#,
                r#""45""#,
            ],
            "headcount" => &[r#""occurrences""#, r#""distinct_persons""#, r#""persons""#],
            "subjects" => &[
                r#"{"party_organizations": 2, "party_members": 5}"#,
                r#"{"lumped": 3}"#,
                "{}",
                r#"{"lumped": 1, "lumped": 2}"#,
                r#"{"other": 1}"#,
                r#"{"lumped": -1}"#,
            ],
            "petitions_raised" | "petitions_resolved" => &["3", "0", "01", "1.5", "null"],
            "reference" => &[
                r#""số 12-CV/BDV""#,
                r#""Kế hoạch 05""#,
                r#""a\"b""#,
                "\"tab\there\"",
            ],
            _ => &["1", r#""x""#],
        }
    }

    /// How many of [`values`] are plain.
    fn plain(tag: &str, key: &str) -> usize {
        match key {
            "id" | "date" => 2,
            "unit" => 4,
            "participants" => 6,
            "actor" => 3,
            "kind" if tag == "document" => 2,
            "kind" => 3,
            "headcount" | "subjects" | "petitions_raised" | "petitions_resolved" | "reference" => 2,
            _ => 0,
        }
    }

    fn fields(tag: &str) -> (&'static [&'static str], &'static [&'static str]) {
        match tag {
            "document" => (&["unit", "date", "actor", "kind"], &["id", "reference"]),
            "conference" => (
                &["unit", "date", "actor", "kind", "participants"],
                &["id", "headcount"],
            ),
            "inspection" => (&["unit", "date", "actor", "kind", "subjects"], &["id"]),
            _ => (
                &["unit", "date", "actor", "participants"],
                &["id", "petitions_raised", "petitions_resolved"],
            ),
        }
    }

    /// A line and whether it is plain (every choice plain, no mutation).
    fn line() -> impl Strategy<Value = (Vec<u8>, bool)> {
        let tags = prop::sample::select(vec!["document", "conference", "inspection", "dialogue"]);
        (
            tags,
            prop::collection::vec(any::<u8>(), 12),
            prop::collection::vec(0usize..16, 12),
            prop::collection::vec(
                prop::sample::select(vec!["", " ", "  ", "\t", "\n", "\r"]),
                40,
            ),
            0u8..16,
            any::<prop::sample::Index>(),
            any::<u8>(),
        )
            .prop_map(|(tag, opt, pick, spaces, twist, at, byte)| {
                let (required, optional) = fields(tag);
                let mut keys: Vec<&str> = required.to_vec();
                for (k, o) in optional.iter().zip(&opt) {
                    if o % 2 == 0 {
                        keys.push(k);
                    }
                }
                // Rotate the order: serde reads fields in any order.
                let r = opt.first().map_or(0, |o| usize::from(*o)) % keys.len();
                keys.rotate_left(r);
                let mut is_plain = true;
                match twist {
                    0 => {
                        keys.pop();
                        is_plain = false;
                    }
                    1 => {
                        let k = keys.first().copied().unwrap_or("unit");
                        keys.push(k);
                        is_plain = false;
                    }
                    2 => {
                        keys.push("unknown");
                        is_plain = false;
                    }
                    _ => {}
                }
                let mut spaces = spaces;
                if let (6 | 7, Some(slot)) = (twist, spaces.get_mut(usize::from(byte) % 40)) {
                    // Form feed or vertical tab: not JSON whitespace.
                    *slot = if twist == 6 { "\x0c" } else { "\x0b" };
                    is_plain = false;
                }
                let mut sp = spaces.iter().cycle();
                let mut s = |x: &mut String| x.push_str(sp.next().copied().unwrap_or(""));
                let mut text = String::new();
                s(&mut text);
                text.push('{');
                s(&mut text);
                text.push_str(&format!("\"{tag}\""));
                s(&mut text);
                text.push(':');
                s(&mut text);
                text.push('{');
                for (i, k) in keys.iter().enumerate() {
                    if i > 0 {
                        text.push(',');
                    }
                    s(&mut text);
                    text.push_str(&format!("\"{k}\""));
                    s(&mut text);
                    text.push(':');
                    s(&mut text);
                    let vals = values(tag, k);
                    let p = pick.get(i).copied().unwrap_or(0);
                    let n = plain(tag, k);
                    // Mostly plain values, sometimes any.
                    let choice = if p < 12 && n > 0 {
                        p % n
                    } else {
                        p % vals.len()
                    };
                    if choice >= n {
                        is_plain = false;
                    }
                    text.push_str(vals.get(choice).copied().unwrap_or("0"));
                    s(&mut text);
                }
                text.push('}');
                s(&mut text);
                text.push('}');
                if twist == 4 {
                    // The record written as an array of its values.
                    let object = text.split_once(':').map_or("", |(_, o)| o).trim();
                    let inner = object.trim_start_matches('{').trim_end_matches('}');
                    let values: Vec<&str> = inner
                        .split(',')
                        .map(|kv| kv.split_once(':').map_or(kv, |(_, v)| v))
                        .collect();
                    text = format!("{{\"{tag}\": [{}]}}", values.join(","));
                    is_plain = false;
                }
                if twist == 5 {
                    // The whole line as an array.
                    text = format!("[{text}]");
                    is_plain = false;
                }
                let mut bytes = text.into_bytes();
                if twist == 3 {
                    // One byte changed anywhere, into any byte (UTF-8 or not).
                    let i = at.index(bytes.len());
                    if let Some(b) = bytes.get_mut(i) {
                        *b = byte;
                    }
                    is_plain = false;
                }
                (bytes, is_plain)
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Whatever the fast path reads, serde_json reads the same; plain lines it reads.
        #[test]
        fn agrees_with_serde((bytes, is_plain) in line()) {
            if let Err(e) = differ(&bytes, is_plain) {
                return Err(TestCaseError::fail(e));
            }
        }
    }

    /// The differential check of one line, as the stream sees it (trimmed of
    /// JSON whitespace): what the fast path reads, the spec reader (serde on
    /// the types) reads the same; a plain line both read.
    fn differ(bytes: &[u8], is_plain: bool) -> Result<(), String> {
        let (from, to) = super::super::stream::trim(bytes);
        let line = bytes.get(from..to).unwrap_or(&[]);
        let fast = parse_record(line);
        let slow = serde_json::from_slice::<Record>(line);
        let text = || String::from_utf8_lossy(bytes).into_owned();
        if let Some(r) = &fast {
            if Some(r) != slow.as_ref().ok() {
                return Err(format!("fast {r:?}, spec {slow:?}: {}", text()));
            }
        }
        if is_plain && (slow.is_err() || fast.is_none()) {
            return Err(format!(
                "plain line not read (fast {fast:?}, spec {slow:?}): {}",
                text()
            ));
        }
        Ok(())
    }

    /// Lines for the differential test, from a seed: the same every run.
    fn generated(seed: u64, count: usize) -> impl Iterator<Item = (Vec<u8>, bool)> {
        use proptest::strategy::ValueTree;
        use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
        let mut key = [0u8; 32];
        key[..8].copy_from_slice(&seed.to_le_bytes());
        let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &key);
        let mut runner = TestRunner::new_with_rng(Config::default(), rng);
        let strategy = line();
        (0..count).filter_map(move |_| strategy.new_tree(&mut runner).ok().map(|t| t.current()))
    }

    /// The fast path against the spec reader: the committed corpus
    /// (`tests/wire/fast_path_corpus.jsonl`) and 100,000 generated lines
    /// (`DANVAN_DIFF_LINES` and `DANVAN_DIFF_SEED` for longer runs, see the README).
    #[test]
    fn fast_path_differs_nowhere_from_the_spec_reader() {
        let corpus = include_bytes!("../../tests/wire/fast_path_corpus.jsonl");
        let mut read = 0usize;
        for line in corpus.split(|&b| b == b'\n') {
            differ(line, false).unwrap_or_else(|e| panic!("corpus: {e}"));
            read += usize::from(parse_record(line).is_some());
        }
        assert!(
            read >= 10,
            "the corpus has plain lines the fast path reads: {read}"
        );
        let count = std::env::var("DANVAN_DIFF_LINES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(100_000);
        let seed = std::env::var("DANVAN_DIFF_SEED")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(12);
        let (mut lines, mut fast, mut plain) = (0usize, 0usize, 0usize);
        for (bytes, is_plain) in generated(seed, count) {
            differ(&bytes, is_plain).unwrap_or_else(|e| panic!("line {lines} of seed {seed}: {e}"));
            lines += 1;
            fast += usize::from(parse_record(super::super::stream::trim_slice(&bytes)).is_some());
            plain += usize::from(is_plain);
        }
        assert_eq!(lines, count);
        // Both kinds are well represented.
        assert!(
            fast > count / 10 && fast < count * 9 / 10,
            "{fast} of {count} read fast"
        );
        assert!(plain > count / 20, "{plain} of {count} plain");
        eprintln!("fast path vs spec reader: {lines} generated lines (seed {seed}), {fast} read by the fast path, no difference");
    }

    proptest! {
        /// The word-at-a-time scans find what a byte loop finds.
        #[test]
        fn quote_is_position(bytes in prop::collection::vec(prop::sample::select(vec![b'"', b'\\', b'a', 0, 0x21, 0x22, 0x23, 0xa2, 0xff]), 0..40)) {
            prop_assert_eq!(super::find_byte(&bytes, b'"'), bytes.iter().position(|&b| b == b'"'));
        }

        #[test]
        fn string_end_is_position(bytes in prop::collection::vec(prop::sample::select(vec![b'"', b'\\', b'a', 0, 0x1f, 0x20, 0x21, 0x7f, 0x80, 0xa2, 0xdc, 0xff]), 0..40)) {
            let slow = bytes.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20);
            prop_assert_eq!(super::string_end(&bytes), slow);
        }
    }

    #[test]
    fn declines_what_it_does_not_read() {
        for line in [
            r#"{"block": {"unit": "10507"}}"#,
            r#"{"document": {"unit": "30", "date": "2022-05-10", "actor": "government", "kind": "guidance"}} x"#,
            r#"{"document": {"unit": "30", "date": "2022-05-10", "actor": "government", "kind": "guidance"}, "x": 1}"#,
            r#"{"document": {"unit": "30", "date": "2022-05-10", "actor": "government"}}"#,
            r#"{"document": {"unit": "3\u0030", "date": "2022-05-10", "actor": "government", "kind": "guidance"}}"#,
            "",
        ] {
            assert!(parse_record(line.as_bytes()).is_none(), "{line}");
        }
        let plain = r#"{"document": {"unit": "30", "date": "2022-05-10", "actor": "government", "kind": "guidance"}}"#;
        assert!(matches!(
            parse_record(plain.as_bytes()),
            Some(Record::Document(_))
        ));
    }
}
