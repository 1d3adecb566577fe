//! Totals from JSON Lines, one record per line.

use std::io::{BufRead, BufReader, Read};

use super::{Accumulator, RecordRef, Totals};
use crate::{
    Award, CitizenReception, Conference, Dialogue, Error, ErrorKind, Figure, GrassrootsBlock,
    Hierarchy, IndicatorDef, Inspection, IssuedDocument, Period, SiteClearance, SkilfulModel,
    VillageTeam,
};

/// The longest line [`stream_json_lines`] reads, in bytes; a longer line is rejected.
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// The most rejected lines [`StreamStats`] keeps (all are counted).
pub const MAX_STORED_REJECTIONS: usize = 1000;

/// One line of a JSON Lines input: a record tagged by its kind.
///
/// | tag | record |
/// |---|---|
/// | `block` | [`GrassrootsBlock`] |
/// | `team` | [`VillageTeam`] |
/// | `model` | [`SkilfulModel`] |
/// | `conference` | [`Conference`] |
/// | `document` | [`IssuedDocument`] |
/// | `inspection` | [`Inspection`] |
/// | `dialogue` | [`Dialogue`] |
/// | `reception` | [`CitizenReception`] |
/// | `clearance` | [`SiteClearance`] |
/// | `award` | [`Award`] |
/// | `figure` | [`Figure`] |
///
/// ```
/// let line = r#"{"document": {"unit": "30", "date": "2022-05-10", "actor": "party_committees", "kind": "leadership"}}"#;
/// let r: danvan::Record = serde_json::from_str(line).unwrap();
/// assert!(matches!(r, danvan::Record::Document(_)));
/// assert_eq!(serde_json::to_string(&r).unwrap(), line.replace(": ", ":").replace(", ", ","));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Record {
    /// A grassroots block.
    Block(GrassrootsBlock),
    /// A village team.
    Team(VillageTeam),
    /// A "Dân vận khéo" model.
    Model(SkilfulModel),
    /// A conference.
    Conference(Conference),
    /// A document.
    Document(IssuedDocument),
    /// An inspection or supervision session.
    Inspection(Inspection),
    /// A dialogue.
    Dialogue(Dialogue),
    /// A citizen reception.
    Reception(CitizenReception),
    /// A site-clearance drive.
    Clearance(SiteClearance),
    /// An award.
    Award(Award),
    /// A reported figure.
    Figure(Figure),
}

impl Record {
    /// The record as a [`RecordRef`].
    ///
    /// ```
    /// let r: danvan::Record = serde_json::from_str(r#"{"block": {"unit": "10507"}}"#).unwrap();
    /// assert!(matches!(r.as_record_ref(), danvan::RecordRef::Block(_)));
    /// ```
    pub fn as_record_ref(&self) -> RecordRef<'_> {
        match self {
            Record::Block(r) => RecordRef::Block(r),
            Record::Team(r) => RecordRef::Team(r),
            Record::Model(r) => RecordRef::Model(r),
            Record::Conference(r) => RecordRef::Conference(r),
            Record::Document(r) => RecordRef::Document(r),
            Record::Inspection(r) => RecordRef::Inspection(r),
            Record::Dialogue(r) => RecordRef::Dialogue(r),
            Record::Reception(r) => RecordRef::Reception(r),
            Record::Clearance(r) => RecordRef::Clearance(r),
            Record::Award(r) => RecordRef::Award(r),
            Record::Figure(r) => RecordRef::Figure(r),
        }
    }
}

/// What [`stream_json_lines`] read: `counted + rejected_total == lines`.
///
/// ```
/// let stats = danvan::StreamStats::default();
/// assert_eq!(stats.lines, stats.counted + stats.rejected_total);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StreamStats {
    /// Lines read, blank lines left out.
    pub lines: usize,
    /// Lines whose record was added to the totals.
    pub counted: usize,
    /// Lines rejected.
    pub rejected_total: usize,
    /// The first [`MAX_STORED_REJECTIONS`] rejected lines: line number (from 1,
    /// blank lines included in the numbering) and why.
    pub rejected: Vec<(usize, Error)>,
}

impl StreamStats {
    fn reject(&mut self, line: usize, err: Error) {
        self.rejected_total += 1;
        if self.rejected.len() < MAX_STORED_REJECTIONS {
            self.rejected.push((line, err));
        }
    }
}

/// Computes totals from JSON Lines, one [`Record`] per line, in memory
/// proportional to the units.
///
/// Each line is checked by [`Accumulator::check`] (the rules of
/// [`check`](crate::check) that concern one record alone) and added. A line
/// that is not a record, breaks a rule or would overflow a total is not added:
/// it is counted as rejected, with its line number and error. Blank lines are
/// skipped; a line longer than [`MAX_LINE_BYTES`] is rejected
/// ([`ErrorKind::LineTooLong`]).
///
/// # Errors
///
/// Returns [`ErrorKind::ReadFailed`] when the reader fails, and
/// [`ErrorKind::TotalOverflow`] when a roll-up total overflows.
///
/// ```
/// use danvan::{Actor, Builtin, Hierarchy, Period, Unit};
///
/// let h = Hierarchy::new(vec![Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
/// let lines = concat!(
///     r#"{"document": {"unit": "30", "date": "2022-05-10", "actor": "party_committees", "kind": "leadership"}}"#, "\n",
///     r#"{"document": {"unit": "31", "date": "2022-05-10", "actor": "party_committees", "kind": "leadership"}}"#, "\n",
/// );
/// let (totals, stats) = danvan::stream_json_lines(lines.as_bytes(), &h, Period::year(2022)?, &[])?;
/// assert_eq!((stats.lines, stats.counted, stats.rejected_total), (2, 1, 1));
/// assert_eq!(stats.rejected[0].0, 2);
/// assert_eq!(stats.rejected[0].1.code(), "DV063");
/// let docs = totals.get_builtin(&"30".parse()?, Builtin::Documents, Actor::PartyCommittees);
/// assert_eq!(docs.map(|r| r.value().get()), Some(1));
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn stream_json_lines(
    reader: impl Read,
    hierarchy: &Hierarchy,
    period: Period,
    indicators: &[IndicatorDef],
) -> Result<(Totals, StreamStats), Error> {
    let mut acc = Accumulator::new(hierarchy, period, indicators);
    let mut stats = StreamStats::default();
    let mut reader = BufReader::new(reader);
    let mut buf: Vec<u8> = Vec::new();
    let mut line_no = 0usize;
    let limit = MAX_LINE_BYTES as u64 + 1;
    loop {
        buf.clear();
        let n = Read::take(&mut reader, limit)
            .read_until(b'\n', &mut buf)
            .map_err(read_failed)?;
        if n == 0 {
            break;
        }
        line_no += 1;
        if buf.len() > MAX_LINE_BYTES && buf.last() != Some(&b'\n') {
            skip_line(&mut reader)?;
            stats.lines += 1;
            stats.reject(
                line_no,
                ErrorKind::LineTooLong {
                    limit: MAX_LINE_BYTES as u64,
                }
                .into(),
            );
            continue;
        }
        let text = trim(&buf);
        if text.is_empty() {
            continue;
        }
        stats.lines += 1;
        // The fast path reads the common lines; serde_json reads the rest
        // (and gives the errors), with the same results.
        let record: Record = match super::fast_json::parse_record(text) {
            Some(r) => r,
            None => match serde_json::from_slice(text) {
                Ok(r) => r,
                Err(e) => {
                    stats.reject(line_no, crate::dataset::json_error(e));
                    continue;
                }
            },
        };
        let r = record.as_record_ref();
        match acc.check(r).and_then(|()| acc.add(r)) {
            Ok(()) => stats.counted += 1,
            Err(e) => stats.reject(line_no, e),
        }
    }
    Ok((acc.finish()?, stats))
}

fn read_failed(e: std::io::Error) -> Error {
    ErrorKind::ReadFailed {
        message: e.to_string(),
    }
    .into()
}

/// Skips the rest of an over-long line, without keeping it.
fn skip_line(reader: &mut impl BufRead) -> Result<(), Error> {
    loop {
        let avail = reader.fill_buf().map_err(read_failed)?;
        if avail.is_empty() {
            return Ok(());
        }
        match avail.iter().position(|&b| b == b'\n') {
            Some(pos) => {
                reader.consume(pos + 1);
                return Ok(());
            }
            None => {
                let len = avail.len();
                reader.consume(len);
            }
        }
    }
}

/// The bytes without leading and trailing ASCII whitespace.
fn trim(b: &[u8]) -> &[u8] {
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|c| !c.is_ascii_whitespace())
        .map_or(start, |e| e + 1);
    b.get(start..end).unwrap_or(&[])
}
