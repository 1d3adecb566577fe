//! Totals from JSON Lines, one record per line.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};
use std::num::NonZeroUsize;
use std::ops::Range;
use std::sync::{mpsc, Mutex};

use super::accumulate::Prepared;
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
    let mut lines = Lines::new(reader);
    let mut buf: Vec<u8> = Vec::new();
    loop {
        buf.clear();
        let Some((line_no, range)) = lines.next_into(&mut buf)? else {
            break;
        };
        let outcome = match range {
            Some(r) => outcome(&acc, buf.get(r).unwrap_or(&[])),
            None => Outcome::TooLong,
        };
        settle(&mut acc, &mut stats, line_no, outcome);
    }
    Ok((acc.finish()?, stats))
}

/// [`stream_json_lines`] with the lines parsed and checked on `threads`
/// worker threads while this thread reads the input and adds, in input
/// order, what the workers give back.
///
/// The totals and the [`StreamStats`] are exactly those of
/// [`stream_json_lines`], whatever the number of threads. Memory stays
/// bounded: at most a few chunks of about 1 MiB of lines are in flight per
/// thread. With `threads` = 1 this is [`stream_json_lines`] (no thread is
/// started).
///
/// # Errors
///
/// As [`stream_json_lines`].
///
/// ```
/// use danvan::{Actor, Builtin, Hierarchy, Period, Unit};
/// use std::num::NonZeroUsize;
///
/// let h = Hierarchy::new(vec![Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
/// let line = r#"{"document": {"unit": "30", "date": "2022-05-10", "actor": "party_committees", "kind": "leadership"}}"#;
/// let text = format!("{line}\n").repeat(10_000);
/// let two = NonZeroUsize::new(2).unwrap();
/// let (totals, stats) = danvan::stream_json_lines_parallel(text.as_bytes(), &h, Period::year(2022)?, &[], two)?;
/// assert_eq!((stats.lines, stats.counted), (10_000, 10_000));
/// let docs = totals.get_builtin(&"30".parse()?, Builtin::Documents, Actor::PartyCommittees);
/// assert_eq!(docs.map(|r| r.value().get()), Some(10_000));
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn stream_json_lines_parallel(
    reader: impl Read,
    hierarchy: &Hierarchy,
    period: Period,
    indicators: &[IndicatorDef],
    threads: NonZeroUsize,
) -> Result<(Totals, StreamStats), Error> {
    if threads.get() == 1 {
        return stream_json_lines(reader, hierarchy, period, indicators);
    }
    let mut acc = Accumulator::new(hierarchy, period, indicators);
    // The workers check against a copy made before anything is added: the
    // checks read only the hierarchy, the period and the indicators.
    let checker = acc.clone();
    let mut stats = StreamStats::default();
    let mut lines = Lines::new(reader);
    let (work_tx, work_rx) = mpsc::sync_channel::<Chunk>(threads.get());
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = mpsc::channel::<Done>();
    std::thread::scope(|scope| -> Result<(), Error> {
        for _ in 0..threads.get() {
            let (rx, tx, checker) = (&work_rx, done_tx.clone(), &checker);
            scope.spawn(move || work(rx, &tx, checker));
        }
        drop(done_tx);
        let mut order = InOrder::default();
        let mut sent: u64 = 0;
        let mut chunk = Chunk::new(0);
        let read = loop {
            let got = match lines.next_into(&mut chunk.text) {
                Ok(got) => got,
                Err(e) => break Err(e),
            };
            let end = got.is_none();
            if let Some(line) = got {
                chunk.lines.push(line);
            }
            if (end || chunk.is_full()) && !chunk.lines.is_empty() {
                // Bound the chunks in flight: wait for the oldest first.
                while sent - order.next >= IN_FLIGHT_PER_THREAD * threads.get() as u64 {
                    match done_rx.recv() {
                        Ok(done) => order.take(done, &mut acc, &mut stats),
                        Err(_) => break,
                    }
                }
                let full = std::mem::replace(&mut chunk, Chunk::new(sent + 1));
                if work_tx.send(full).is_err() {
                    break Ok(());
                }
                sent += 1;
                while let Ok(done) = done_rx.try_recv() {
                    order.take(done, &mut acc, &mut stats);
                }
            }
            if end {
                break Ok(());
            }
        };
        drop(work_tx);
        read?;
        while order.next < sent {
            match done_rx.recv() {
                Ok(done) => order.take(done, &mut acc, &mut stats),
                Err(_) => break,
            }
        }
        Ok(())
    })?;
    Ok((acc.finish()?, stats))
}

/// Chunks in flight per worker thread.
const IN_FLIGHT_PER_THREAD: u64 = 3;
/// A chunk is handed to a worker when it holds this many lines...
const CHUNK_LINES: usize = if cfg!(test) { 7 } else { 4096 };
/// ... or this many bytes.
const CHUNK_BYTES: usize = 1 << 20;

/// Lines for a worker: their text, and each line's number and range (`None`
/// for a line over [`MAX_LINE_BYTES`]).
struct Chunk {
    id: u64,
    text: Vec<u8>,
    lines: Vec<(usize, Option<Range<usize>>)>,
}

impl Chunk {
    fn new(id: u64) -> Chunk {
        Chunk {
            id,
            text: Vec::new(),
            lines: Vec::new(),
        }
    }

    fn is_full(&self) -> bool {
        self.lines.len() >= CHUNK_LINES || self.text.len() >= CHUNK_BYTES
    }
}

/// What a worker gives back: the chunk's id and each line's outcome.
type Done = (u64, Vec<(usize, Outcome)>);

/// A worker: parses and checks the lines of each chunk it receives.
fn work(rx: &Mutex<mpsc::Receiver<Chunk>>, tx: &mpsc::Sender<Done>, checker: &Accumulator) {
    loop {
        let next = match rx.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok(chunk) = next else { return };
        let outcomes = chunk
            .lines
            .iter()
            .map(|(no, range)| {
                let o = match range {
                    Some(r) => outcome(checker, chunk.text.get(r.clone()).unwrap_or(&[])),
                    None => Outcome::TooLong,
                };
                (*no, o)
            })
            .collect();
        if tx.send((chunk.id, outcomes)).is_err() {
            return;
        }
    }
}

/// Outcomes of chunks, added in chunk order whatever order they arrive in.
#[derive(Default)]
struct InOrder {
    pending: BTreeMap<u64, Vec<(usize, Outcome)>>,
    next: u64,
}

impl InOrder {
    fn take(&mut self, (id, outcomes): Done, acc: &mut Accumulator, stats: &mut StreamStats) {
        self.pending.insert(id, outcomes);
        while let Some(outcomes) = self.pending.remove(&self.next) {
            for (no, o) in outcomes {
                settle(acc, stats, no, o);
            }
            self.next += 1;
        }
    }
}

/// What became of one line before it is added.
enum Outcome {
    /// Over [`MAX_LINE_BYTES`].
    TooLong,
    /// Not a record, or a record that breaks a rule.
    Rejected(Error),
    /// A checked record.
    Ready(Prepared),
}

/// Parses and checks one line (trimmed, not blank).
fn outcome(acc: &Accumulator, text: &[u8]) -> Outcome {
    // The fast path reads the common lines; serde_json reads the rest (and
    // gives the errors), with the same results.
    let record: Record = match super::fast_json::parse_record(text) {
        Some(r) => r,
        None => match serde_json::from_slice(text) {
            Ok(r) => r,
            Err(e) => return Outcome::Rejected(crate::dataset::json_error(e)),
        },
    };
    match acc.prepare(record) {
        Ok(p) => Outcome::Ready(p),
        Err(e) => Outcome::Rejected(e),
    }
}

/// Adds one line's outcome, in input order, and counts it.
fn settle(acc: &mut Accumulator, stats: &mut StreamStats, line_no: usize, outcome: Outcome) {
    stats.lines += 1;
    let added = match outcome {
        Outcome::TooLong => Err(ErrorKind::LineTooLong {
            limit: MAX_LINE_BYTES as u64,
        }
        .into()),
        Outcome::Rejected(e) => Err(e),
        Outcome::Ready(p) => acc.settle(p),
    };
    match added {
        Ok(()) => stats.counted += 1,
        Err(e) => stats.reject(line_no, e),
    }
}

/// Reads the input line by line, numbering lines from 1.
struct Lines<R> {
    reader: BufReader<R>,
    line_no: usize,
}

impl<R: Read> Lines<R> {
    fn new(reader: R) -> Lines<R> {
        Lines {
            reader: BufReader::new(reader),
            line_no: 0,
        }
    }

    /// Appends the next line that is not blank to `buf`, trimmed, and gives
    /// its number and range in `buf`; the range is `None` for a line over
    /// [`MAX_LINE_BYTES`], which is skipped without being kept. `None` at the
    /// end of the input.
    fn next_into(
        &mut self,
        buf: &mut Vec<u8>,
    ) -> Result<Option<(usize, Option<Range<usize>>)>, Error> {
        let limit = MAX_LINE_BYTES as u64 + 1;
        loop {
            let start = buf.len();
            let n = Read::take(&mut self.reader, limit)
                .read_until(b'\n', buf)
                .map_err(read_failed)?;
            if n == 0 {
                return Ok(None);
            }
            self.line_no += 1;
            let line = buf.get(start..).unwrap_or(&[]);
            if line.len() > MAX_LINE_BYTES && line.last() != Some(&b'\n') {
                buf.truncate(start);
                skip_line(&mut self.reader)?;
                return Ok(Some((self.line_no, None)));
            }
            let (from, to) = trim(line);
            if from == to {
                buf.truncate(start);
                continue;
            }
            buf.truncate(start + to);
            return Ok(Some((self.line_no, Some(start + from..start + to))));
        }
    }
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

/// The range of the bytes without leading and trailing ASCII whitespace.
fn trim(b: &[u8]) -> (usize, usize) {
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|c| !c.is_ascii_whitespace())
        .map_or(start, |e| e + 1);
    (start, end)
}

#[cfg(test)]
mod tests {
    use std::num::NonZeroUsize;

    use proptest::prelude::*;

    use super::{stream_json_lines, stream_json_lines_parallel, MAX_LINE_BYTES};
    use crate::{Hierarchy, Period, Unit};

    /// Synthetic units: one province, one district, one commune.
    fn units() -> Hierarchy {
        let code = |c: &str| c.parse().ok();
        Hierarchy::new(vec![
            Unit::new("30".parse().unwrap_or_else(|_| unreachable!()), "Tỉnh Hải Dương"),
            Unit::new("288".parse().unwrap_or_else(|_| unreachable!()), "Thành phố Hải Dương")
                .with_parent(code("30")),
            Unit::new("10507".parse().unwrap_or_else(|_| unreachable!()), "Phường Cẩm Thượng")
                .with_parent(code("288")),
        ])
        .unwrap_or_else(|e| panic!("{e}"))
    }

    /// Line `k` of a small catalogue: good records, bad ones, blanks, one over-long.
    fn line(k: u8) -> String {
        match k % 12 {
            0 => r#"{"document": {"unit": "10507", "date": "2022-05-10", "actor": "party_committees", "kind": "leadership"}}"#.to_owned(),
            1 => r#"{"conference": {"unit": "288", "date": "2022-03-15", "actor": "government", "kind": "both", "participants": {"at_least": 40}}}"#.to_owned(),
            2 => r#"{"dialogue": {"unit": "30", "date": "2022-06-01", "actor": "government", "participants": 120, "petitions_raised": 4, "petitions_resolved": 3}}"#.to_owned(),
            3 => r#"{"block": {"unit": "10507"}}"#.to_owned(),
            4 => r#"{"figure": {"indicator": "grassroots_blocks", "unit": "288", "actor": "mobilization_sector", "value": 12}}"#.to_owned(),
            5 => r#"{"figure": {"indicator": "grassroots_blocks", "unit": "288", "actor": "mobilization_sector", "value": 15, "period": {"start": "2022-07-01", "end": "2022-12-31"}}}"#.to_owned(),
            6 => "not json".to_owned(),
            7 => r#"{"document": {"unit": "99999", "date": "2022-05-10", "actor": "party_committees", "kind": "leadership"}}"#.to_owned(),
            8 => r#"{"document": {"unit": "30", "date": "2023-05-10", "actor": "party_committees", "kind": "leadership"}}"#.to_owned(),
            9 => "   ".to_owned(),
            10 => format!("{{\"x\": \"{}\"}}", "a".repeat(MAX_LINE_BYTES)),
            _ => r#"{"inspection": {"unit": "288", "date": "2022-09-01", "actor": "party_committees", "kind": "lumped", "subjects": {"lumped": 18446744073709551615}}}"#.to_owned(),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(40))]

        /// Any number of threads gives exactly the sequential totals and stats.
        #[test]
        fn parallel_equals_sequential(kinds in prop::collection::vec(0u8..12, 0..120), threads in 2usize..5) {
            let h = units();
            let period = Period::year(2022).unwrap_or_else(|e| panic!("{e}"));
            let text: String = kinds.iter().map(|&k| line(k) + "\n").collect();
            let one = stream_json_lines(text.as_bytes(), &h, period, &[]);
            let threads = NonZeroUsize::new(threads).unwrap_or(NonZeroUsize::MIN);
            let many = stream_json_lines_parallel(text.as_bytes(), &h, period, &[], threads);
            prop_assert_eq!(&one, &many);
            let (_, stats) = one.unwrap_or_else(|e| panic!("{e}"));
            prop_assert_eq!(stats.lines, kinds.iter().filter(|&&k| k % 12 != 9).count());
        }
    }
}
