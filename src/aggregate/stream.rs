//! Totals from JSON Lines, one record per line.

use std::collections::BTreeMap;
use std::io::Read;
use std::num::NonZeroUsize;
use std::panic::AssertUnwindSafe;
use std::sync::{mpsc, Mutex};

use super::accumulate::Prepared;
use super::{Accumulator, RecordRef, Totals};
use crate::{
    Award, CitizenReception, Conference, Dialogue, Error, ErrorKind, Figure, GrassrootsBlock,
    Hierarchy, IndicatorDef, Inspection, IssuedDocument, Period, SiteClearance, SkilfulModel,
    VillageTeam,
};

/// The longest line [`stream_json_lines`] reads, in bytes; a longer line is rejected.
/// The line end (LF, or CRLF: its CR too) is not counted.
///
/// ```
/// assert_eq!(danvan::MAX_LINE_BYTES, 1 << 20);
/// ```
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// The most worker threads [`stream_json_lines_parallel`] starts.
///
/// ```
/// let wanted = std::thread::available_parallelism().map_or(1, |n| n.get());
/// let started = wanted.min(danvan::MAX_STREAM_WORKERS);
/// assert!(started >= 1);
/// ```
pub const MAX_STREAM_WORKERS: usize = 64;

/// The most rejected lines [`StreamStats`] keeps (all are counted).
///
/// ```
/// assert_eq!(danvan::MAX_STORED_REJECTIONS, 1000);
/// ```
pub const MAX_STORED_REJECTIONS: usize = 1000;

/// The most bytes the rejected lines [`StreamStats`] keeps may take (all are
/// counted): each stored rejection is reckoned at its fixed size plus the
/// length of its message, which holds every text of the error (excerpts of
/// the input, never a whole line). 1 MiB; with messages made of excerpts,
/// [`MAX_STORED_REJECTIONS`] rejections stay well inside it, so it is a
/// guarantee rather than a cut.
///
/// ```
/// assert_eq!(danvan::MAX_STORED_REJECTION_BYTES, 1 << 20);
/// ```
pub const MAX_STORED_REJECTION_BYTES: usize = 1 << 20;

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
#[non_exhaustive]
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
    #[must_use]
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
    /// The first [`MAX_STORED_REJECTIONS`] rejected lines, within
    /// [`MAX_STORED_REJECTION_BYTES`]: line number (from 1, blank lines
    /// included in the numbering) and why.
    pub rejected: Vec<(usize, Error)>,
    /// The bytes the stored rejections take, as
    /// [`MAX_STORED_REJECTION_BYTES`] reckons them.
    stored_bytes: usize,
}

impl StreamStats {
    fn reject(&mut self, line: usize, err: Error) {
        self.reject_within(line, err, MAX_STORED_REJECTIONS, MAX_STORED_REJECTION_BYTES);
    }

    fn reject_within(&mut self, line: usize, err: Error, max_count: usize, max_bytes: usize) {
        self.rejected_total += 1;
        if self.rejected.len() >= max_count || self.stored_bytes >= max_bytes {
            return;
        }
        let bytes = stored_size(&err);
        if self.stored_bytes.saturating_add(bytes) <= max_bytes {
            self.stored_bytes = self.stored_bytes.saturating_add(bytes);
            self.rejected.push((line, err));
        } else {
            // Nothing later is stored either: the kept lines stay the first.
            self.stored_bytes = max_bytes;
        }
    }
}

/// What one stored rejection takes: its slot, its boxed kind and the texts
/// it holds (all of which its message shows).
fn stored_size(err: &Error) -> usize {
    std::mem::size_of::<(usize, Error)>()
        .saturating_add(std::mem::size_of::<ErrorKind>())
        .saturating_add(err.to_string().len())
}

/// Computes totals from JSON Lines, one [`Record`] per line, in memory
/// proportional to the units.
///
/// Each line is checked by [`Accumulator::check`] (the rules of
/// [`check`](crate::check) that concern one record alone) and added. A line
/// that is not a record, breaks a rule or would overflow a total is not added:
/// it is counted as rejected, with its line number and error. Blank lines
/// (nothing but JSON whitespace: space, tab, CR) are skipped and not counted
/// in `lines`; any other byte, a form feed included, makes a line that is
/// counted or rejected. A line longer than [`MAX_LINE_BYTES`] is rejected
/// ([`ErrorKind::LineTooLong`]); the CR of a CRLF line end does not count.
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
/// let docs = totals.get(&"30".parse()?, Builtin::Documents, Actor::PartyCommittees);
/// assert_eq!(docs, Some(danvan::Interval::exact(1)));
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
    read_here(&mut Blocks::new(reader), &mut acc, &mut stats)?;
    Ok((acc.finish()?, stats))
}

/// [`stream_json_lines`] with the lines parsed and checked on `threads`
/// worker threads while this thread reads the input in blocks and adds, in
/// input order, what the workers give back.
///
/// The totals and the [`StreamStats`] are exactly those of
/// [`stream_json_lines`], whatever the number of threads. Memory stays
/// bounded: at most one block of about 1 MiB of lines per worker, and two
/// more, are in flight. At most [`MAX_STREAM_WORKERS`] workers are started
/// (more than the machine's cores do not help); if the system refuses a
/// thread, fewer work, and with none this thread does all the work. With
/// `threads` = 1 this is [`stream_json_lines`] (no thread is started).
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
/// let docs = totals.get(&"30".parse()?, Builtin::Documents, Actor::PartyCommittees);
/// assert_eq!(docs, Some(danvan::Interval::exact(10_000)));
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
    let mut blocks = Blocks::new(reader);
    let (work_tx, work_rx) =
        mpsc::sync_channel::<(u64, Block)>(threads.get().min(MAX_STREAM_WORKERS));
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = mpsc::channel::<(u64, Worked)>();
    let mut order = InOrder {
        pending: BTreeMap::new(),
        next: 0,
        first_line: 1,
    };
    std::thread::scope(|scope| -> Result<(), Error> {
        let mut workers: u64 = 0;
        for _ in 0..threads.get().min(MAX_STREAM_WORKERS) {
            let (rx, tx, checker) = (&work_rx, done_tx.clone(), &checker);
            let started = std::thread::Builder::new()
                .name("danvan-stream".to_owned())
                .spawn_scoped(scope, move || work(rx, &tx, checker));
            // A thread the system refuses is one worker fewer, not an error.
            if started.is_err() {
                break;
            }
            workers += 1;
        }
        drop(done_tx);
        if workers == 0 {
            // No worker could start: read and add on this thread.
            return read_here(&mut blocks, &mut acc, &mut stats);
        }
        let in_flight = workers + IN_FLIGHT_EXTRA;
        let mut sent: u64 = 0;
        let read = loop {
            let block = match blocks.next() {
                Ok(Some(block)) => block,
                Ok(None) => break Ok(()),
                Err(e) => break Err(e),
            };
            // Bound the blocks in flight: wait for the oldest first.
            while sent - order.next >= in_flight {
                match done_rx.recv() {
                    Ok(done) => order.take(done, &mut acc, &mut stats),
                    Err(_) => break,
                }
            }
            if work_tx.send((sent, block)).is_err() {
                break Ok(());
            }
            sent += 1;
            while let Ok(done) = done_rx.try_recv() {
                order.take(done, &mut acc, &mut stats);
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

/// Blocks in flight beyond one per worker.
const IN_FLIGHT_EXTRA: u64 = 2;
/// The largest buffer kept after an over-long line: a read, a line's start
/// before it, and slack.
const KEEP_BYTES: usize = MAX_LINE_BYTES + 2 * READ_BYTES;
/// The input is read this many bytes at a time.
const READ_BYTES: usize = if cfg!(test) { 256 } else { 1 << 20 };

/// A piece of the input.
enum Block {
    /// Whole lines (the last one may lack its newline at the end of the input).
    Lines(Vec<u8>),
    /// One line over [`MAX_LINE_BYTES`], skipped without being kept.
    TooLong,
}

/// Reads the input in blocks of whole lines.
struct Blocks<R> {
    reader: R,
    /// The bytes after the last newline read so far.
    carry: Vec<u8>,
    /// Inside an over-long line: drop bytes up to the next newline.
    skipping: bool,
    eof: bool,
}

impl<R: Read> Blocks<R> {
    fn new(reader: R) -> Blocks<R> {
        Blocks {
            reader,
            carry: Vec::new(),
            skipping: false,
            eof: false,
        }
    }

    /// Empties `carry` inside an over-long line, letting a grown buffer go.
    fn drop_carry(&mut self) {
        self.carry.clear();
        if self.carry.capacity() > KEEP_BYTES {
            self.carry = Vec::new();
        }
    }

    fn next(&mut self) -> Result<Option<Block>, Error> {
        loop {
            if self.eof {
                if self.carry.is_empty() {
                    return Ok(None);
                }
                return Ok(Some(Block::Lines(std::mem::take(&mut self.carry))));
            }
            let start = self.carry.len();
            // Room for a whole read up front: growing the buffer as it fills
            // would copy it and read in small pieces.
            if self.carry.capacity() - start < READ_BYTES / 2 {
                self.carry.reserve(READ_BYTES);
            }
            // At most READ_BYTES a read, whatever the buffer's capacity, so
            // that memory follows MAX_LINE_BYTES, not the longest line.
            let room = (self.carry.capacity() - start).min(READ_BYTES);
            // Reads into spare capacity (no zeroing), up to `room` or the end.
            let n = match Read::by_ref(&mut self.reader)
                .take(room as u64)
                .read_to_end(&mut self.carry)
            {
                Ok(n) => n,
                Err(e) => {
                    self.carry.truncate(start);
                    return Err(read_failed(e));
                }
            };
            if n == 0 {
                self.eof = true;
                continue;
            }
            // Before `start`, `carry` holds no newline: search only what was read.
            let mut from = start;
            if self.skipping {
                // `carry` holds only bytes of the over-long line.
                match memchr::memchr(b'\n', &self.carry) {
                    Some(p) => {
                        self.carry.drain(..=p);
                        self.skipping = false;
                        from = 0;
                    }
                    None => {
                        self.drop_carry();
                        continue;
                    }
                }
            }
            let last = self
                .carry
                .get(from..)
                .and_then(|new| memchr::memrchr(b'\n', new))
                .map(|p| p + from);
            match last {
                Some(p) => {
                    let rest = self.carry.split_off(p + 1);
                    return Ok(Some(Block::Lines(std::mem::replace(&mut self.carry, rest))));
                }
                // Past the limit even if it ends in CRLF: `outcomes` checks
                // the lines of a block exactly.
                None if self.carry.len() > MAX_LINE_BYTES + 1 => {
                    self.drop_carry();
                    self.skipping = true;
                    return Ok(Some(Block::TooLong));
                }
                None => {}
            }
        }
    }
}

/// The outcome of each line of a block that is not blank, with its position
/// in the block (from 0), and the number of lines in the block.
type Done = (Vec<(u32, Outcome)>, usize);

/// What a worker hands back for a block: its outcomes, or the payload of a panic.
type Worked = std::thread::Result<Done>;

/// Parses and checks the lines of a block.
fn outcomes(acc: &Accumulator, block: &Block) -> Done {
    let text = match block {
        Block::TooLong => return (vec![(0, Outcome::TooLong)], 1),
        Block::Lines(text) => text,
    };
    // About one line in 64 bytes or more: rarely grown.
    let mut out = Vec::with_capacity(text.len() / 64 + 1);
    let mut lines = 0usize;
    let mut rest: &[u8] = text;
    while !rest.is_empty() {
        let (line, next) = match memchr::memchr(b'\n', rest) {
            Some(p) => (
                rest.get(..p).unwrap_or(&[]),
                rest.get(p + 1..).unwrap_or(&[]),
            ),
            None => (rest, &[][..]),
        };
        rest = next;
        let at = u32::try_from(lines).unwrap_or(u32::MAX);
        lines += 1;
        // The CR of a CRLF line end is part of the end, not of the line.
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.len() > MAX_LINE_BYTES {
            out.push((at, Outcome::TooLong));
            continue;
        }
        let (from, to) = trim(line);
        if from == to {
            continue;
        }
        out.push((at, outcome(acc, line.get(from..to).unwrap_or(&[]))));
    }
    (out, lines)
}

/// Reads, parses, checks and adds every block on this thread.
fn read_here<R: Read>(
    blocks: &mut Blocks<R>,
    acc: &mut Accumulator,
    stats: &mut StreamStats,
) -> Result<(), Error> {
    let mut first_line = 1;
    while let Some(block) = blocks.next()? {
        let done = outcomes(acc, &block);
        first_line = settle_block(acc, stats, first_line, done);
    }
    Ok(())
}

/// Adds a block's outcomes in order; gives the number of the block's next line.
fn settle_block(
    acc: &mut Accumulator,
    stats: &mut StreamStats,
    first_line: usize,
    (outcomes, lines): Done,
) -> usize {
    // The cells of a few records are read together first, so that their
    // cache misses overlap instead of coming one record at a time.
    // Measured (BENCHMARKS.md, issue 13): without it, two threads take
    // 14–16% longer; one thread the same.
    const GROUP: usize = 16;
    let mut sink = 0u64;
    let mut it = outcomes.into_iter();
    while !it.as_slice().is_empty() {
        for (_, o) in it.as_slice().iter().take(GROUP) {
            if let Outcome::Ready(Prepared::Cells {
                place,
                actor,
                contribs,
            }) = o
            {
                sink = sink.wrapping_add(acc.touch(*place, *actor, contribs));
            }
        }
        for (at, o) in it.by_ref().take(GROUP) {
            settle(acc, stats, first_line + at as usize, o);
        }
    }
    std::hint::black_box(sink);
    first_line + lines
}

/// A worker: parses and checks the lines of each block it receives.
fn work(
    rx: &Mutex<mpsc::Receiver<(u64, Block)>>,
    tx: &mpsc::Sender<(u64, Worked)>,
    checker: &Accumulator,
) {
    loop {
        let next = match rx.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok((id, block)) = next else { return };
        // A panic here would be a bug; it is handed to the reading thread,
        // which raises it again, instead of leaving it waiting for this block.
        let worked = std::panic::catch_unwind(AssertUnwindSafe(|| outcomes(checker, &block)));
        let failed = worked.is_err();
        if tx.send((id, worked)).is_err() || failed {
            return;
        }
    }
}

/// Outcomes of blocks, added in block order whatever order they arrive in.
struct InOrder {
    pending: BTreeMap<u64, Done>,
    next: u64,
    first_line: usize,
}

impl InOrder {
    fn take(
        &mut self,
        (id, worked): (u64, Worked),
        acc: &mut Accumulator,
        stats: &mut StreamStats,
    ) {
        let done = match worked {
            Ok(done) => done,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        self.pending.insert(id, done);
        while let Some(done) = self.pending.remove(&self.next) {
            self.first_line = settle_block(acc, stats, self.first_line, done);
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
            Err(e) => return Outcome::Rejected(crate::wire::json_error_in(text, e)),
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

#[allow(clippy::needless_pass_by_value)] // an error adaptor for `map_err`, which hands over the error
fn read_failed(e: std::io::Error) -> Error {
    ErrorKind::ReadFailed {
        message: e.to_string(),
    }
    .into()
}

/// Whitespace as RFC 8259 has it: space, tab, LF and CR (not form feed or
/// vertical tab, which `u8::is_ascii_whitespace` would take).
fn is_json_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r')
}

/// The bytes without leading and trailing JSON whitespace.
#[cfg(test)]
pub(super) fn trim_slice(b: &[u8]) -> &[u8] {
    let (from, to) = trim(b);
    b.get(from..to).unwrap_or(&[])
}

/// The range of the bytes without leading and trailing JSON whitespace.
pub(super) fn trim(b: &[u8]) -> (usize, usize) {
    let start = b.iter().position(|&c| !is_json_space(c)).unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|&c| !is_json_space(c))
        .map_or(start, |e| e + 1);
    (start, end)
}

#[cfg(test)]
mod tests {
    use std::num::NonZeroUsize;

    use proptest::prelude::*;

    use super::{
        stream_json_lines, stream_json_lines_parallel, Block, Blocks, KEEP_BYTES, MAX_LINE_BYTES,
    };
    use crate::{Hierarchy, Period, Unit};

    /// Synthetic units: one province, one district, one commune.
    fn units() -> Hierarchy {
        let code = |c: &str| c.parse().ok();
        Hierarchy::new(vec![
            Unit::new(
                "30".parse().unwrap_or_else(|_| unreachable!()),
                "Tỉnh Hải Dương",
            ),
            Unit::new(
                "288".parse().unwrap_or_else(|_| unreachable!()),
                "Thành phố Hải Dương",
            )
            .with_parent(code("30")),
            Unit::new(
                "10507".parse().unwrap_or_else(|_| unreachable!()),
                "Phường Cẩm Thượng",
            )
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

    /// A document line of exactly `len` bytes (synthetic reference text).
    fn document_of_len(len: usize) -> String {
        let head = r#"{"document": {"unit": "30", "date": "2022-05-10", "actor": "government", "kind": "guidance", "reference": ""#;
        let tail = r#""}}"#;
        format!("{head}{}{tail}", "x".repeat(len - head.len() - tail.len()))
    }

    #[test]
    fn stored_rejections_are_bounded_in_bytes() {
        use super::{
            stored_size, Error, ErrorKind, StreamStats, MAX_STORED_REJECTIONS,
            MAX_STORED_REJECTION_BYTES,
        };
        let err = || -> Error {
            ErrorKind::InvalidRecordId {
                input: "x".repeat(1 << 20).as_str().into(),
            }
            .into()
        };
        let one = stored_size(&err());
        // The message holds an excerpt, not the MiB.
        assert!(one < 512, "{one}");
        let mut stats = StreamStats::default();
        for line in 1..=10 {
            stats.reject_within(line, err(), 1000, 3 * one);
        }
        assert_eq!((stats.rejected_total, stats.rejected.len()), (10, 3));
        assert_eq!(stats.rejected.last().map(|r| r.0), Some(3));
        // At the real bounds, the most rejections a stream keeps fit easily.
        let mut stats = StreamStats::default();
        for line in 1..=2 * MAX_STORED_REJECTIONS {
            stats.reject(line, err());
        }
        assert_eq!(stats.rejected.len(), MAX_STORED_REJECTIONS);
        assert!(stats.stored_bytes <= MAX_STORED_REJECTION_BYTES / 2);
    }

    /// Lines of exactly the limit are read; one byte more is rejected
    /// (DV104), with or without a newline, and the reading goes on after it
    /// with the right line numbers; blank lines and CRLF endings are numbered.
    #[test]
    fn line_limit_is_exact_and_numbering_goes_on() {
        let h = units();
        let period = Period::year(2022).unwrap_or_else(|e| panic!("{e}"));
        let ok = document_of_len(MAX_LINE_BYTES);
        let long = document_of_len(MAX_LINE_BYTES + 1);
        let short = document_of_len(200);
        for tail in ["", "\n"] {
            let text = format!("{ok}\n\n{long}\r\n{short}\r\n   \n{long}{tail}");
            for threads in [1, 2, 3] {
                let threads = NonZeroUsize::new(threads).unwrap_or(NonZeroUsize::MIN);
                let (_, stats) =
                    stream_json_lines_parallel(text.as_bytes(), &h, period, &[], threads)
                        .unwrap_or_else(|e| panic!("{e}"));
                assert_eq!(
                    (stats.lines, stats.counted, stats.rejected_total),
                    (4, 2, 2)
                );
                let at: Vec<(usize, &str)> = stats
                    .rejected
                    .iter()
                    .map(|(n, e)| (*n, e.code().as_str()))
                    .collect();
                assert_eq!(at, [(3, "DV104"), (6, "DV104")]);
            }
        }
    }

    /// Asking for more threads than can be started is no error: at most
    /// `MAX_STREAM_WORKERS` start, and nothing is sized by the request.
    #[test]
    fn any_number_of_threads_is_fine() {
        let h = units();
        let period = Period::year(2022).unwrap_or_else(|e| panic!("{e}"));
        let text: String = (0..40u8).map(|k| line(k % 9) + "\n").collect();
        let one = stream_json_lines(text.as_bytes(), &h, period, &[]);
        let many = stream_json_lines_parallel(text.as_bytes(), &h, period, &[], NonZeroUsize::MAX);
        assert_eq!(one, many);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

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

    /// Over-long lines of growing length do not grow the buffers with them:
    /// memory follows `MAX_LINE_BYTES`, not the longest line (found by review).
    #[test]
    fn buffers_stay_bounded_whatever_the_lines() {
        let mut input = Vec::new();
        for k in 2..6 {
            input.extend_from_slice(b"{}\n");
            input.resize(input.len() + MAX_LINE_BYTES * k, b'x');
            input.push(b'\n');
        }
        input.extend_from_slice(b"{}\n");
        let mut blocks = Blocks::new(input.as_slice());
        let (mut too_long, mut lines) = (0, 0);
        while let Some(block) = blocks.next().unwrap() {
            assert!(
                blocks.carry.capacity() <= 2 * KEEP_BYTES,
                "{}",
                blocks.carry.capacity()
            );
            match &block {
                Block::TooLong => too_long += 1,
                Block::Lines(text) => lines += text.iter().filter(|&&b| b == b'\n').count(),
            }
        }
        assert_eq!((too_long, lines), (4, 5));
    }
}
