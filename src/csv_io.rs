//! CSV import and export of reported figures (feature `csv`).
//!
//! The layout is the one an official keeps in a spreadsheet: a header row,
//! then one row per unit, period, actor and indicator.

use std::io::{Read, Write};

use unicode_normalization::UnicodeNormalization;

use crate::notation;
use crate::{Actor, Error, ErrorKind, Figure, IndicatorId, Limits, Period, UnitCode};

/// The columns, in the order they are written.
const COLUMNS: [&str; 5] = ["unit", "period", "actor", "indicator", "value"];

/// A column read from the header row: which one, and its name as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Unit,
    Period,
    Actor,
    Indicator,
    Value,
    UnitName,
}

impl Column {
    fn from_english(name: &str) -> Option<Column> {
        Some(match name {
            "unit" => Column::Unit,
            "period" => Column::Period,
            "actor" => Column::Actor,
            "indicator" => Column::Indicator,
            "value" => Column::Value,
            "unit_name" => Column::UnitName,
            _ => return None,
        })
    }

    /// Matches a header cell, English or Vietnamese, after NFC, lowercase and trim.
    fn from_header(cell: &str) -> Option<Column> {
        let key: String = cell.trim_start_matches('\u{FEFF}').nfc().collect();
        let key = key.trim().to_lowercase();
        notation::CSV_HEADERS
            .iter()
            .find(|(en, vi_name)| *en == key || *vi_name == key)
            .and_then(|(en, _)| Column::from_english(en))
    }
}

/// Where each column is in a row (0-based), with the header's wording.
#[derive(Debug, Default)]
struct Layout {
    unit: Option<(usize, String)>,
    period: Option<(usize, String)>,
    actor: Option<(usize, String)>,
    indicator: Option<(usize, String)>,
    value: Option<(usize, String)>,
    unit_name: Option<(usize, String)>,
}

impl Layout {
    fn from_header(header: &csv::StringRecord) -> Result<Layout, Error> {
        let mut layout = Layout::default();
        for (i, cell) in header.iter().enumerate() {
            let position = i as u64 + 1;
            let column = Column::from_header(cell).ok_or_else(|| ErrorKind::CsvUnknownColumn {
                column: cell.into(),
                position,
            })?;
            let slot = match column {
                Column::Unit => &mut layout.unit,
                Column::Period => &mut layout.period,
                Column::Actor => &mut layout.actor,
                Column::Indicator => &mut layout.indicator,
                Column::Value => &mut layout.value,
                Column::UnitName => &mut layout.unit_name,
            };
            if let Some((first, _)) = slot {
                return Err(ErrorKind::CsvDuplicateColumn {
                    column: cell.into(),
                    position,
                    first: *first as u64 + 1,
                }
                .into());
            }
            // Kept for messages: as written, without a byte-order mark or
            // padding, and only an excerpt of it (see `Excerpt`).
            *slot = Some((i, cell.trim_start_matches('\u{FEFF}').trim().to_owned()));
        }
        let required = [
            (&layout.unit, "unit"),
            (&layout.period, "period"),
            (&layout.actor, "actor"),
            (&layout.indicator, "indicator"),
            (&layout.value, "value"),
        ];
        if let Some((_, column)) = required.iter().find(|(slot, _)| slot.is_none()) {
            return Err(ErrorKind::CsvMissingColumn { column }.into());
        }
        Ok(layout)
    }
}

/// Turns an error of the csv crate into ours, with the row it names.
#[allow(clippy::needless_pass_by_value)] // an error adaptor for `map_err`, which hands over the error
fn csv_error(err: csv::Error) -> Error {
    let row = |pos: Option<&csv::Position>| pos.map_or(0, |p| p.record() + 1);
    match err.kind() {
        csv::ErrorKind::Io(io) => ErrorKind::CsvIo {
            message: io.to_string(),
        }
        .into(),
        csv::ErrorKind::UnequalLengths {
            pos,
            expected_len,
            len,
        } => ErrorKind::CsvCellCount {
            row: row(pos.as_ref()),
            found: *len,
            expected: *expected_len,
        }
        .into(),
        csv::ErrorKind::Utf8 { pos, .. } => ErrorKind::CsvMalformed {
            row: row(pos.as_ref()),
            message: "the text is not UTF-8: save the file as CSV UTF-8".to_owned(),
        }
        .into(),
        _ => ErrorKind::CsvMalformed {
            row: row(err.position()),
            message: err.to_string(),
        }
        .into(),
    }
}

/// Reads reported figures from CSV text: a header row, then one row per unit,
/// period, actor and indicator.
///
/// The columns, in any order, named in English or Vietnamese (matched after
/// Unicode NFC, lowercase and trimming):
///
/// | English | Vietnamese | cell |
/// |---|---|---|
/// | `unit` | `mã đơn vị` | a unit code, e.g. `288` |
/// | `period` | `kỳ` | a period in [`Period`]'s text form (`2022`, `2022-Q3`, `2022-01-15/2022-02-14`); empty for the dataset's period |
/// | `actor` | `chủ thể` | an actor's wire name, e.g. `party_committees` |
/// | `indicator` | `chỉ tiêu` | an indicator id, e.g. `conferences` |
/// | `value` | `giá trị` | a count in Vietnamese notation, possibly qualified: `1229`, `1.229`, `hơn 6.800` |
/// | `unit_name` (optional) | `tên đơn vị` | ignored: for the people who read the sheet |
///
/// The input is read within [`Limits::default`]: 64 MiB, 1 048 576 rows and
/// cells of 4 KiB (see [`read_figures_csv_with_limits`]).
///
/// Rows are numbered as a spreadsheet shows them: the header row is row 1.
/// Rows whose cells are all empty are skipped; an empty value cell is an
/// error, never a zero. A UTF-8 byte-order mark is allowed.
///
/// # Errors
///
/// Returns, for the first problem found:
/// - [`ErrorKind::CsvCell`] naming the row and column of a cell that does
///   not hold a valid value, with the problem inside (an invalid unit code,
///   period, actor, indicator id or number);
/// - [`ErrorKind::CsvMissingColumn`], [`ErrorKind::CsvUnknownColumn`] or
///   [`ErrorKind::CsvDuplicateColumn`] for a header row that does not name
///   each column once;
/// - [`ErrorKind::CsvCellCount`] for a row with more or fewer cells than the
///   header, [`ErrorKind::CsvMalformed`] for text that is not UTF-8, and
///   [`ErrorKind::CsvIo`] when the reader fails;
/// - [`ErrorKind::DocumentTooLarge`], [`ErrorKind::CsvTooManyRows`] or
///   [`ErrorKind::CsvCellTooLong`] past a limit.
///
/// ```
/// let text = "mã đơn vị,kỳ,chủ thể,chỉ tiêu,giá trị\n\
///             288,2022,mobilization_sector,conference_participants,hơn 6.800\n";
/// let figures = danvan::read_figures_csv(text.as_bytes())?;
/// assert_eq!(figures[0].value, Some(danvan::notation::parse_reported("hơn 6.800")?));
/// assert_eq!(figures[0].period, Some(danvan::Period::year(2022)?));
///
/// let err = danvan::read_figures_csv("unit,period,actor,indicator,value\n0288,2022,government,conferences,3\n".as_bytes())
///     .unwrap_err();
/// assert_eq!(err.code(), "DV090");
/// assert!(err.to_string().starts_with("row 2, column \"unit\": invalid unit code \"0288\": expected 2 digits"));
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn read_figures_csv(reader: impl Read) -> Result<Vec<Figure>, Error> {
    read_figures_csv_with_limits(reader, &Limits::default())
}

/// Reads reported figures from CSV text as [`read_figures_csv`] does,
/// refusing input beyond `limits`: its
/// [`max_bytes`](Limits::max_bytes), [`max_rows`](Limits::max_rows) and
/// [`max_cell_bytes`](Limits::max_cell_bytes).
///
/// The limits are checked while reading, so memory stays bounded: the reader
/// stops at the byte that crosses `max_bytes` or makes a cell longer than
/// `max_cell_bytes` (a cell is counted as written, quotes included; the
/// header row's cells too), and at the row past `max_rows` (the rows after
/// the header, blank rows skipped). The error names the limit and, for a
/// cell, its row and column; it never holds the cell.
///
/// # Errors
///
/// [`ErrorKind::DocumentTooLarge`], [`ErrorKind::CsvTooManyRows`] or
/// [`ErrorKind::CsvCellTooLong`] past a limit, otherwise the errors of
/// [`read_figures_csv`].
///
/// ```
/// use danvan::{ErrorKind, Limits};
///
/// let text = "unit,period,actor,indicator,value\n288,2022,government,conferences,3\n";
/// let limits = Limits::default().with_max_cell_bytes(11);
/// assert_eq!(danvan::read_figures_csv_with_limits(text.as_bytes(), &limits)?.len(), 1);
///
/// // "conferences" is 11 bytes.
/// let err = danvan::read_figures_csv_with_limits(text.as_bytes(), &limits.with_max_cell_bytes(10))
///     .unwrap_err();
/// assert_eq!(err.kind(), &ErrorKind::CsvCellTooLong { row: 2, position: 4, limit: 10 });
/// assert_eq!(err.to_string(), "row 2, column 4: cell exceeds the limit of 10 bytes (max_cell_bytes): shorten it or raise the limit");
///
/// let err = danvan::read_figures_csv_with_limits(text.as_bytes(), &Limits::default().with_max_rows(0))
///     .unwrap_err();
/// assert_eq!(err.code(), "DV124");
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn read_figures_csv_with_limits(
    reader: impl Read,
    limits: &Limits,
) -> Result<Vec<Figure>, Error> {
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .trim(csv::Trim::All)
        .from_reader(Guard::new(reader, limits));
    let mut record = csv::StringRecord::new();
    let read = |csv: &mut csv::Reader<Guard<_>>, record: &mut csv::StringRecord| {
        csv.read_record(record).map_err(|e| {
            csv.get_ref()
                .exceeded
                .clone()
                .unwrap_or_else(|| csv_error(e))
        })
    };
    if !read(&mut csv, &mut record)? {
        return Err(ErrorKind::CsvMissingColumn { column: "unit" }.into());
    }
    let layout = Layout::from_header(&record)?;
    let mut figures = Vec::new();
    let mut rows: u64 = 0;
    while read(&mut csv, &mut record)? {
        if record.iter().all(str::is_empty) {
            continue;
        }
        rows = rows.saturating_add(1);
        if rows > limits.max_rows {
            return Err(ErrorKind::CsvTooManyRows {
                limit: limits.max_rows,
            }
            .into());
        }
        let row = record.position().map_or(0, |p| p.record() + 1);
        figures.push(read_row(&layout, &record, row)?);
    }
    Ok(figures)
}

/// Where the guard is in the CSV text, as the csv crate reads it (a quote
/// opens a quoted cell only at the cell's start; `""` inside is a quote;
/// CR, LF or CRLF end a row; blank lines are skipped).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum At {
    RowStart,
    CellStart,
    Unquoted,
    Quoted,
    QuoteInQuoted,
}

/// A reader that counts what passes through it and fails at the first byte
/// past a limit, so that the csv crate never buffers more than a limit's
/// worth: the whole input (`max_bytes`) and each cell (`max_cell_bytes`).
/// Rows are counted by [`read_figures_csv_with_limits`] as they come.
/// The most cells a row may have: a figure row has six columns at most, so
/// a longer row is an error whatever it holds (found by review: a row of 60
/// million empty cells took 1.2 GB before this bound).
const MAX_CELLS_PER_ROW: u64 = 64;

struct Guard<R> {
    inner: R,
    max_bytes: u64,
    max_cell_bytes: u64,
    bytes: u64,
    at: At,
    /// The current row (1-based, the header is row 1, blank lines skipped).
    row: u64,
    /// The current cell's position in its row (1-based).
    column: u64,
    /// The current cell's length so far, in bytes as written.
    cell: u64,
    /// The limit crossed, once crossed: every later read fails too.
    exceeded: Option<Error>,
}

impl<R> Guard<R> {
    fn new(inner: R, limits: &Limits) -> Guard<R> {
        Guard {
            inner,
            max_bytes: limits.max_bytes,
            max_cell_bytes: limits.max_cell_bytes,
            bytes: 0,
            at: At::RowStart,
            row: 0,
            column: 0,
            cell: 0,
            exceeded: None,
        }
    }

    /// Follows one byte; the error of the limit it crosses, if any.
    fn step(&mut self, b: u8) -> Option<Error> {
        self.bytes = self.bytes.saturating_add(1);
        if self.bytes > self.max_bytes {
            return Some(
                ErrorKind::DocumentTooLarge {
                    limit: self.max_bytes,
                }
                .into(),
            );
        }
        let end_of_row = b == b'\n' || b == b'\r';
        if self.at == At::RowStart {
            if end_of_row {
                return None;
            }
            self.row = self.row.saturating_add(1);
            self.column = 1;
            self.cell = 0;
            self.at = At::CellStart;
        }
        let in_quotes = self.at == At::Quoted;
        if !in_quotes && end_of_row {
            self.at = At::RowStart;
            return None;
        }
        if !in_quotes && b == b',' {
            self.at = At::CellStart;
            self.column = self.column.saturating_add(1);
            // The csv crate keeps a whole row before its cells are counted:
            // a row of millions of empty cells would cost ten times its bytes.
            if self.column > MAX_CELLS_PER_ROW {
                return Some(
                    ErrorKind::CsvTooManyCells {
                        row: self.row,
                        limit: MAX_CELLS_PER_ROW,
                    }
                    .into(),
                );
            }
            self.cell = 0;
            return None;
        }
        self.at = match (self.at, b) {
            (At::CellStart, b'"') | (At::QuoteInQuoted, b'"') => At::Quoted,
            (At::Quoted, b'"') => At::QuoteInQuoted,
            (At::Quoted, _) => At::Quoted,
            _ => At::Unquoted,
        };
        self.cell = self.cell.saturating_add(1);
        if self.cell > self.max_cell_bytes {
            return Some(
                ErrorKind::CsvCellTooLong {
                    row: self.row,
                    position: self.column,
                    limit: self.max_cell_bytes,
                }
                .into(),
            );
        }
        None
    }
}

impl<R: Read> Read for Guard<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.exceeded.is_some() {
            return Err(std::io::Error::other("limit exceeded"));
        }
        let n = self.inner.read(buf)?;
        for &b in buf.get(..n).unwrap_or_default() {
            if let Some(err) = self.step(b) {
                self.exceeded = Some(err);
                return Err(std::io::Error::other("limit exceeded"));
            }
        }
        Ok(n)
    }
}

/// Reads one cell with its parser, naming the row and column on failure.
fn cell<T>(
    record: &csv::StringRecord,
    row: u64,
    column: &Option<(usize, String)>,
    parse: impl FnOnce(&str) -> Result<T, Error>,
) -> Result<T, Error> {
    let (i, name) = match column {
        Some((i, name)) => (*i, name.as_str()),
        None => (0, ""),
    };
    let text = record.get(i).unwrap_or_default();
    parse(text).map_err(|err| {
        ErrorKind::CsvCell {
            row,
            column: name.into(),
            position: u32::try_from(i).map_or(u32::MAX, |i| i.saturating_add(1)),
            problem: Box::new(err.into_kind()),
        }
        .into()
    })
}

fn read_row(layout: &Layout, record: &csv::StringRecord, row: u64) -> Result<Figure, Error> {
    let unit: UnitCode = cell(record, row, &layout.unit, str::parse)?;
    let period = cell(record, row, &layout.period, |t| {
        if t.is_empty() {
            Ok(None)
        } else {
            t.parse::<Period>().map(Some)
        }
    })?;
    let actor: Actor = cell(record, row, &layout.actor, str::parse)?;
    let indicator: IndicatorId = cell(record, row, &layout.indicator, str::parse)?;
    let value = cell(record, row, &layout.value, notation::parse_reported)?;
    Ok(Figure {
        indicator,
        unit,
        period,
        actors: vec![actor],
        value: Some(value),
        amount: None,
        parts: Vec::new(),
    })
}

/// Writes reported figures as CSV text that [`read_figures_csv`] reads back:
/// a header row `unit,period,actor,indicator,value`, then one row per figure.
///
/// The period is written in [`Period`]'s text form (empty when the figure
/// has the dataset's period); the value as its qualifier word and plain
/// digits (`hơn 6800`, `1229`), which spreadsheets read the same in every locale.
///
/// # Errors
///
/// Returns [`ErrorKind::CsvUnwritable`] for a figure a row cannot hold (one
/// with breakdown parts, with an amount instead of a count, without a value,
/// or not naming exactly one actor), before anything is written; and
/// [`ErrorKind::CsvIo`] when the writer fails.
///
/// ```
/// let text = "unit,period,actor,indicator,value\n30,,party_committees,conferences,291\n";
/// let figures = danvan::read_figures_csv(text.as_bytes())?;
/// let mut out = Vec::new();
/// danvan::write_figures_csv(&figures, &mut out)?;
/// assert_eq!(String::from_utf8(out).unwrap(), text);
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn write_figures_csv(figures: &[Figure], writer: impl Write) -> Result<(), Error> {
    let mut rows = Vec::with_capacity(figures.len());
    for (index, figure) in figures.iter().enumerate() {
        let unwritable = |reason| ErrorKind::CsvUnwritable { index, reason };
        if !figure.parts.is_empty() {
            return Err(unwritable("it has breakdown parts, which a CSV row cannot hold").into());
        }
        let [actor] = figure.actors.as_slice() else {
            return Err(unwritable("it does not name exactly one actor").into());
        };
        let value = match (figure.value, &figure.amount) {
            (Some(value), None) => value,
            (_, Some(_)) => {
                return Err(unwritable("it is an amount; the value column holds counts").into())
            }
            (None, None) => return Err(unwritable("it has no value").into()),
        };
        rows.push([
            figure.unit.to_string(),
            figure.period.map(|p| p.to_string()).unwrap_or_default(),
            actor.as_str().to_owned(),
            figure.indicator.as_str().to_owned(),
            notation::csv_value(value),
        ]);
    }
    let mut csv = csv::WriterBuilder::new().from_writer(writer);
    csv.write_record(COLUMNS).map_err(csv_error)?;
    for row in &rows {
        csv.write_record(row).map_err(csv_error)?;
    }
    csv.flush().map_err(|e| {
        Error::from(ErrorKind::CsvIo {
            message: e.to_string(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_after_nfc_lowercase_and_trim() {
        // "Mã đơn vị" typed with combining marks (NFD), upper case, spaces.
        let nfd: String = "  Mã Đơn Vị ".nfd().collect();
        assert_eq!(Column::from_header(&nfd), Some(Column::Unit));
        assert_eq!(Column::from_header("\u{FEFF}unit"), Some(Column::Unit));
        assert_eq!(Column::from_header("GIÁ TRỊ"), Some(Column::Value));
        assert_eq!(Column::from_header("Tên đơn vị"), Some(Column::UnitName));
        assert_eq!(Column::from_header("notes"), None);
    }

    const HEADER: &str = "unit,period,actor,indicator,value\n";
    const ROW: &str = "288,2022,government,conferences,3\n";

    fn read(text: impl Read, limits: Limits) -> Result<Vec<Figure>, ErrorKind> {
        read_figures_csv_with_limits(text, &limits).map_err(Error::into_kind)
    }

    #[test]
    fn max_bytes_stops_an_endless_input() {
        let endless = HEADER.as_bytes().chain(std::io::repeat(b'\n'));
        assert_eq!(
            read(endless, Limits::default().with_max_bytes(1 << 16)),
            Err(ErrorKind::DocumentTooLarge { limit: 1 << 16 })
        );
        let text = format!("{HEADER}{ROW}");
        let size = text.len() as u64;
        assert_eq!(
            read(text.as_bytes(), Limits::default().with_max_bytes(size)).map(|f| f.len()),
            Ok(1)
        );
        assert_eq!(
            read(text.as_bytes(), Limits::default().with_max_bytes(size - 1)),
            Err(ErrorKind::DocumentTooLarge { limit: size - 1 })
        );
    }

    /// The same row, forever.
    struct EndlessRows(usize);

    impl Read for EndlessRows {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let row = ROW.as_bytes();
            for b in buf.iter_mut() {
                *b = row[self.0 % row.len()];
                self.0 += 1;
            }
            Ok(buf.len())
        }
    }

    #[test]
    fn max_rows_counts_rows_after_the_header_and_skips_blank_ones() {
        let text = format!("{HEADER}{ROW}\n,,,,\n{ROW}");
        let two = Limits::default().with_max_rows(2);
        assert_eq!(read(text.as_bytes(), two).map(|f| f.len()), Ok(2));
        assert_eq!(
            read(text.as_bytes(), two.with_max_rows(1)),
            Err(ErrorKind::CsvTooManyRows { limit: 1 })
        );
        // Endless rows stop at the limit, not at the end of the input.
        let endless = HEADER.as_bytes().chain(EndlessRows(0));
        assert_eq!(
            read(
                endless,
                Limits::default()
                    .with_max_rows(1000)
                    .with_max_bytes(u64::MAX)
            ),
            Err(ErrorKind::CsvTooManyRows { limit: 1000 })
        );
    }

    /// A row of many empty cells is refused while it is read (header or data).
    #[test]
    fn a_row_of_many_cells_is_refused_as_it_is_read() {
        let endless = std::io::Cursor::new(HEADER).chain(std::io::repeat(b','));
        let err = super::read_figures_csv(endless).unwrap_err();
        assert_eq!(
            err.into_kind(),
            ErrorKind::CsvTooManyCells { row: 2, limit: 64 }
        );
        let header = std::io::repeat(b',');
        let err = super::read_figures_csv(header).unwrap_err();
        assert_eq!(
            err.into_kind(),
            ErrorKind::CsvTooManyCells { row: 1, limit: 64 }
        );
        // 64 cells is still only the wrong count, named as such.
        let wide = format!("{HEADER}{}\n", ",".repeat(63));
        assert_eq!(
            super::read_figures_csv(wide.as_bytes()).unwrap_err().code(),
            "DV094"
        );
    }

    /// A header padded with byte-order marks still matches its column, and
    /// the error of a bad cell under it is short (found by review).
    #[test]
    fn a_padded_header_makes_a_short_message() {
        let pad = "\u{FEFF}".repeat(1300);
        let csv =
            format!("{pad}unit,period,actor,indicator,value\n288,2022,government,conferences,x\n");
        let err = super::read_figures_csv(csv.as_bytes()).unwrap_err();
        assert_eq!(err.code(), "DV090");
        let text = err.to_string();
        assert!(text.len() < 400, "{} bytes: {text}", text.len());
        let vi = crate::render::vi::message(err.kind());
        assert!(vi.len() < 400, "{vi}");
    }

    #[test]
    fn max_cell_bytes_stops_a_huge_cell_and_names_it() {
        // An endless value cell: the reader stops one byte past the limit,
        // and the error names the row and column, not the cell's text.
        let endless = std::io::Cursor::new(format!("{HEADER}288,2022,government,conferences,"))
            .chain(std::io::repeat(b'9'));
        let limits = Limits::default().with_max_bytes(u64::MAX);
        assert_eq!(
            read(endless, limits),
            Err(ErrorKind::CsvCellTooLong {
                row: 2,
                position: 5,
                limit: 4096
            })
        );
        // Quotes count; a quoted comma, quote or line end stays in its cell
        // (9 bytes as written) and row.
        let quoted = "\"1\"\"2,\n3\",abcdefghij\n";
        let nine = limits.with_max_cell_bytes(9);
        assert_eq!(
            read(quoted.as_bytes(), nine.with_max_cell_bytes(8)),
            Err(ErrorKind::CsvCellTooLong {
                row: 1,
                position: 1,
                limit: 8
            })
        );
        assert_eq!(
            read(quoted.as_bytes(), nine),
            Err(ErrorKind::CsvCellTooLong {
                row: 1,
                position: 2,
                limit: 9
            })
        );
        assert!(matches!(
            read(quoted.as_bytes(), nine.with_max_cell_bytes(10)),
            Err(ErrorKind::CsvUnknownColumn { position: 1, .. })
        ));
        // Cells of exactly the limit pass, in the header row too; CRLF and
        // blank lines end rows as the csv crate reads them.
        let text = format!("unit,period,actor,indicator,value\r\n\r\n\n{ROW}");
        let ten = Limits::default().with_max_cell_bytes(11);
        assert_eq!(read(text.as_bytes(), ten).map(|f| f.len()), Ok(1));
        assert_eq!(
            read(text.as_bytes(), ten.with_max_cell_bytes(10)),
            Err(ErrorKind::CsvCellTooLong {
                row: 2,
                position: 4,
                limit: 10
            })
        );
        assert_eq!(
            read(text.as_bytes(), ten.with_max_cell_bytes(8)),
            Err(ErrorKind::CsvCellTooLong {
                row: 1,
                position: 4,
                limit: 8
            })
        );
    }
}
