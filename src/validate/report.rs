use std::fmt;

use crate::ErrorKind;

pub use crate::error::Severity;

/// Where in a document an issue is, e.g. `conferences[12].participants`.
///
/// ```
/// let path = danvan::Path::root().field("conferences").index(12).field("participants");
/// assert_eq!(path.to_string(), "conferences[12].participants");
/// assert_eq!(danvan::Path::root().to_string(), "");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Path(Vec<Segment>);

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Segment {
    Field(&'static str),
    Index(usize),
}

impl Path {
    /// The whole document.
    ///
    /// ```
    /// assert!(danvan::Path::root().is_root());
    /// ```
    #[must_use]
    pub fn root() -> Path {
        Path(Vec::new())
    }

    /// This path followed by a field name.
    ///
    /// ```
    /// assert_eq!(danvan::Path::root().field("period").to_string(), "period");
    /// ```
    #[must_use]
    pub fn field(mut self, name: &'static str) -> Path {
        self.0.push(Segment::Field(name));
        self
    }

    /// This path followed by a position in a list.
    ///
    /// ```
    /// assert_eq!(danvan::Path::root().field("units").index(3).to_string(), "units[3]");
    /// ```
    #[must_use]
    pub fn index(mut self, i: usize) -> Path {
        self.0.push(Segment::Index(i));
        self
    }

    /// The position in a top-level list this path starts in: `Some(3)` for
    /// `figures[3].value` and `list == "figures"`, `None` otherwise.
    ///
    /// Spreadsheet import uses it to find the row a record came from (see
    /// [`Report::relocate`]).
    ///
    /// ```
    /// let path = danvan::Path::root().field("figures").index(3).field("value");
    /// assert_eq!(path.list_index("figures"), Some(3));
    /// assert_eq!(path.list_index("units"), None);
    /// ```
    #[must_use]
    pub fn list_index(&self, list: &str) -> Option<usize> {
        match self.0.as_slice() {
            [Segment::Field(name), Segment::Index(i), ..] if *name == list => Some(*i),
            _ => None,
        }
    }

    /// The path with its list index replaced by `index(i)`: the same place
    /// in another numbering of the list (a v2 document's records of one era).
    pub(crate) fn reindexed(&self, index: impl FnOnce(usize) -> usize) -> Path {
        let mut out = self.clone();
        if let [Segment::Field(_), Segment::Index(i), ..] = out.0.as_mut_slice() {
            *i = index(*i);
        }
        out
    }

    /// Whether this is the whole document.
    ///
    /// ```
    /// assert!(!danvan::Path::root().field("plan").is_root());
    /// ```
    #[must_use]
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Segment::Field(name) if i == 0 => f.write_str(name)?,
                Segment::Field(name) => write!(f, ".{name}")?,
                Segment::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

impl serde::Serialize for Path {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A cell of a spreadsheet or CSV file: sheet (if the file has several),
/// row and column, both 1-based as the official sees them.
///
/// English writes it in the spreadsheet's own A1 notation, `Sheet1!C12` (or
/// `C12` without a sheet); Vietnamese writes `ô C12, trang Sheet1` (see
/// [`crate::render::vi::place`]).
///
/// ```
/// let cell = danvan::Cell::new(12, 3).expect("1-based").with_sheet("Sheet1");
/// assert_eq!(cell.to_string(), "Sheet1!C12");
/// assert_eq!(danvan::Cell::new(2, 28).expect("1-based").to_string(), "AB2");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cell {
    sheet: Option<String>,
    row: u64,
    column: u32,
}

impl Cell {
    /// A cell of a file with one sheet; `None` for row or column 0 (both
    /// count from 1, as the official sees them).
    ///
    /// ```
    /// assert_eq!(danvan::Cell::new(3, 1).expect("1-based").to_string(), "A3");
    /// assert_eq!(danvan::Cell::new(0, 1), None);
    /// ```
    #[must_use]
    pub fn new(row: u64, column: u32) -> Option<Cell> {
        (row > 0 && column > 0).then_some(Cell {
            sheet: None,
            row,
            column,
        })
    }

    /// The same cell on a named sheet.
    ///
    /// ```
    /// let cell = danvan::Cell::new(3, 1).expect("1-based");
    /// assert_eq!(cell.clone().with_sheet("Xã").to_string(), "Xã!A3");
    /// // A name with spaces or punctuation is quoted, as spreadsheets write it.
    /// assert_eq!(cell.with_sheet("Xã Tân's").to_string(), "'Xã Tân''s'!A3");
    /// ```
    #[must_use]
    pub fn with_sheet(mut self, sheet: impl Into<String>) -> Cell {
        self.sheet = Some(sheet.into());
        self
    }

    /// The sheet's name; `None` for a file with one sheet (CSV).
    ///
    /// ```
    /// let cell = danvan::Cell::new(3, 1).expect("1-based").with_sheet("S");
    /// assert_eq!(cell.sheet(), Some("S"));
    /// ```
    #[must_use]
    pub fn sheet(&self) -> Option<&str> {
        self.sheet.as_deref()
    }

    /// The row, from 1 (the header row of a CSV file is row 1).
    ///
    /// ```
    /// assert_eq!(danvan::Cell::new(3, 1).expect("1-based").row(), 3);
    /// ```
    #[must_use]
    pub fn row(&self) -> u64 {
        self.row
    }

    /// The column, from 1 (`A`).
    ///
    /// ```
    /// assert_eq!(danvan::Cell::new(3, 2).expect("1-based").column(), 2);
    /// ```
    #[must_use]
    pub fn column(&self) -> u32 {
        self.column
    }

    /// The cell's reference without its sheet, in A1 notation: `C12`.
    ///
    /// ```
    /// assert_eq!(danvan::Cell::new(12, 3).expect("1-based").with_sheet("S").reference(), "C12");
    /// ```
    #[must_use]
    pub fn reference(&self) -> String {
        let mut letters = Vec::new();
        let mut n = self.column;
        while n > 0 {
            let rem = (n - 1) % 26;
            letters.push(char::from(b'A' + rem as u8));
            n = (n - 1) / 26;
        }
        let column: String = letters.iter().rev().collect();
        format!("{column}{}", self.row)
    }
}

impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(sheet) = &self.sheet {
            // A1 notation quotes a sheet name that is not one plain word,
            // doubling its quotes: `'My Sheet'!A3`.
            let plain = sheet.chars().next().is_some_and(|c| !c.is_numeric())
                && sheet.chars().all(|c| c.is_alphanumeric() || c == '_');
            if plain {
                write!(f, "{sheet}!")?;
            } else {
                write!(f, "'{}'!", sheet.replace('\'', "''"))?;
            }
        }
        f.write_str(&self.reference())
    }
}

/// Where an issue is: a path in the JSON document, or a cell of the
/// spreadsheet the official typed.
///
/// ```
/// use danvan::{Cell, Path, Place};
///
/// assert_eq!(Place::Path(Path::root().field("units").index(2)).to_string(), "units[2]");
/// assert_eq!(Place::Cell(Cell::new(12, 3).expect("1-based").with_sheet("Sheet1")).to_string(), "Sheet1!C12");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Place {
    /// A path in the JSON document, e.g. `figures[3].value`.
    Path(Path),
    /// A cell of a spreadsheet or CSV file.
    Cell(Cell),
}

impl Place {
    /// The place of an error that names a cell (an [`ErrorKind::CsvCell`]),
    /// `None` for other errors.
    ///
    /// ```
    /// let err = danvan::read_figures_csv(
    ///     "unit,period,actor,indicator,value\n0288,2022,government,conferences,3\n".as_bytes(),
    /// ).unwrap_err();
    /// let place = danvan::Place::of_error(err.kind());
    /// assert_eq!(place, Some(danvan::Place::Cell(danvan::Cell::new(2, 1).expect("1-based"))));
    /// ```
    #[must_use]
    pub fn of_error(kind: &ErrorKind) -> Option<Place> {
        match kind {
            ErrorKind::CsvCell { row, position, .. } => Cell::new(*row, *position).map(Place::Cell),
            _ => None,
        }
    }

    /// Whether this is the whole document.
    ///
    /// ```
    /// assert!(danvan::Place::Path(danvan::Path::root()).is_root());
    /// assert!(!danvan::Place::Cell(danvan::Cell::new(1, 1).expect("1-based")).is_root());
    /// ```
    #[must_use]
    pub fn is_root(&self) -> bool {
        matches!(self, Place::Path(p) if p.is_root())
    }
}

impl From<Path> for Place {
    fn from(path: Path) -> Place {
        Place::Path(path)
    }
}

impl From<Cell> for Place {
    fn from(cell: Cell) -> Place {
        Place::Cell(cell)
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Path(p) => fmt::Display::fmt(p, f),
            Place::Cell(c) => fmt::Display::fmt(c, f),
        }
    }
}

/// One problem found in a dataset, and where it is.
///
/// ```
/// let issue = danvan::Issue::new(
///     danvan::Severity::Error,
///     danvan::Path::root().field("clearances").index(0).field("households_consenting"),
///     danvan::ErrorKind::PartExceedsWhole { part: 150, whole: 140 },
/// );
/// assert_eq!(issue.code(), "DV002");
/// assert_eq!(
///     issue.to_string(),
///     "error DV002 clearances[0].households_consenting: part 150 exceeds whole 140"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    severity: Severity,
    place: Place,
    kind: ErrorKind,
}

impl Issue {
    /// Creates an issue.
    ///
    /// ```
    /// let i = danvan::Issue::new(danvan::Severity::Warning, danvan::Path::root(),
    ///     danvan::ErrorKind::Overflow { what: "count".into() });
    /// assert_eq!(i.severity(), danvan::Severity::Warning);
    /// ```
    #[must_use]
    pub fn new(severity: Severity, path: Path, kind: ErrorKind) -> Issue {
        Issue::at(severity, Place::Path(path), kind)
    }

    /// Creates an issue at a place: a path or a spreadsheet cell.
    ///
    /// ```
    /// use danvan::{Cell, ErrorKind, Issue, Severity};
    /// let i = Issue::at(Severity::Error, Cell::new(12, 5).expect("1-based").into(),
    ///     ErrorKind::ConsentExceedsAffected { consenting: 150, affected: 140 });
    /// assert_eq!(i.to_string(), "error DV069 E12: 150 households consenting exceed 140 households affected");
    /// assert_eq!(i.path(), None);
    /// ```
    #[must_use]
    pub fn at(severity: Severity, place: Place, kind: ErrorKind) -> Issue {
        Issue {
            severity,
            place,
            kind,
        }
    }

    /// Error or warning.
    ///
    /// ```
    /// let i = danvan::Issue::new(danvan::Severity::Error, danvan::Path::root(),
    ///     danvan::ErrorKind::Overflow { what: "count".into() });
    /// assert_eq!(i.severity(), danvan::Severity::Error);
    /// ```
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// Where in the JSON document; `None` for an issue at a spreadsheet cell.
    ///
    /// ```
    /// let i = danvan::Issue::new(danvan::Severity::Error, danvan::Path::root().field("plan"),
    ///     danvan::ErrorKind::Overflow { what: "count".into() });
    /// assert_eq!(i.path().map(ToString::to_string).as_deref(), Some("plan"));
    /// ```
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        match &self.place {
            Place::Path(p) => Some(p),
            Place::Cell(_) => None,
        }
    }

    /// Where the issue is: a path or a spreadsheet cell.
    ///
    /// ```
    /// let i = danvan::Issue::new(danvan::Severity::Error, danvan::Path::root().field("plan"),
    ///     danvan::ErrorKind::Overflow { what: "count".into() });
    /// assert_eq!(i.place().to_string(), "plan");
    /// ```
    #[must_use]
    pub fn place(&self) -> &Place {
        &self.place
    }

    /// What is wrong, with the values involved.
    ///
    /// ```
    /// let i = danvan::Issue::new(danvan::Severity::Error, danvan::Path::root(),
    ///     danvan::ErrorKind::Overflow { what: "count".into() });
    /// assert!(matches!(i.kind(), danvan::ErrorKind::Overflow { .. }));
    /// ```
    #[must_use]
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The stable code of the rule, e.g. `"DV067"`.
    ///
    /// ```
    /// let i = danvan::Issue::new(danvan::Severity::Error, danvan::Path::root(),
    ///     danvan::ErrorKind::Overflow { what: "count".into() });
    /// assert_eq!(i.code(), "DV003");
    /// ```
    #[must_use]
    pub fn code(&self) -> crate::Code {
        self.kind.code()
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} ", self.severity, self.code())?;
        if !self.place.is_root() {
            write!(f, "{}: ", self.place)?;
        }
        write!(f, "{}", self.kind)
    }
}

impl serde::Serialize for Issue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Issue", 7)?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("code", &self.code())?;
        match &self.place {
            Place::Path(path) => st.serialize_field("path", path)?,
            Place::Cell(cell) => {
                st.serialize_field("cell", &cell.to_string())?;
                st.serialize_field("sheet", &cell.sheet)?;
                st.serialize_field("row", &cell.row)?;
                st.serialize_field("column", &cell.column)?;
            }
        }
        st.serialize_field("message", &self.kind.to_string())?;
        st.end()
    }
}

/// Every issue found in a dataset, in document order.
///
/// ```
/// let dataset = danvan::Dataset::new(danvan::Period::year(2022)?);
/// let report = danvan::validate::report(&dataset);
/// assert!(report.is_empty());
/// assert!(!report.has_errors());
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default, serde::Serialize)]
#[serde(transparent)]
pub struct Report {
    issues: Vec<Issue>,
}

impl Report {
    /// Creates a report from issues.
    ///
    /// ```
    /// assert!(danvan::Report::new(vec![]).is_empty());
    /// ```
    #[must_use]
    pub fn new(issues: Vec<Issue>) -> Report {
        Report { issues }
    }

    /// All issues, errors and warnings, in document order.
    ///
    /// ```
    /// assert_eq!(danvan::Report::default().issues().len(), 0);
    /// ```
    #[must_use]
    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }

    /// Whether any issue is an error.
    ///
    /// ```
    /// assert!(!danvan::Report::default().has_errors());
    /// ```
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|i| i.severity == Severity::Error)
    }

    /// The errors.
    ///
    /// ```
    /// assert_eq!(danvan::Report::default().errors().count(), 0);
    /// ```
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Error)
    }

    /// The warnings.
    ///
    /// ```
    /// assert_eq!(danvan::Report::default().warnings().count(), 0);
    /// ```
    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues
            .iter()
            .filter(|i| i.severity == Severity::Warning)
    }

    /// The number of issues.
    ///
    /// ```
    /// assert_eq!(danvan::Report::default().len(), 0);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.issues.len()
    }

    /// Whether there is no issue at all.
    ///
    /// ```
    /// assert!(danvan::Report::default().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.issues.is_empty()
    }

    /// Moves issues from JSON paths to the spreadsheet cells the data came
    /// from: `locate` gives the place of a path (or `None` to keep it), so
    /// that spreadsheet import keeps the official's row through validation.
    ///
    /// ```
    /// use danvan::{Cell, ErrorKind, Issue, Path, Place, Report, Severity};
    ///
    /// let at = Path::root().field("figures").index(1).field("value");
    /// let mut report = Report::new(vec![Issue::new(Severity::Error, at, ErrorKind::DuplicateFigure { first: 0 })]);
    /// // figures[i] came from row rows[i] of the sheet "Xã"; its value is column E.
    /// let rows = [2u64, 4];
    /// report.relocate(|path| {
    ///     let i = path.list_index("figures")?;
    ///     Some(Place::Cell(Cell::new(*rows.get(i)?, 5)?.with_sheet("Xã")))
    /// });
    /// assert_eq!(report.issues()[0].place().to_string(), "Xã!E4");
    /// ```
    pub fn relocate(&mut self, mut locate: impl FnMut(&Path) -> Option<Place>) {
        for issue in &mut self.issues {
            if let Place::Path(path) = &issue.place {
                if let Some(place) = locate(path) {
                    issue.place = place;
                }
            }
        }
    }

    pub(crate) fn push(&mut self, severity: Severity, path: Path, kind: ErrorKind) {
        self.issues.push(Issue::new(severity, path, kind));
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for issue in &self.issues {
            writeln!(f, "{issue}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Report {}

impl IntoIterator for Report {
    type Item = Issue;
    type IntoIter = std::vec::IntoIter<Issue>;

    fn into_iter(self) -> Self::IntoIter {
        self.issues.into_iter()
    }
}

impl<'a> IntoIterator for &'a Report {
    type Item = &'a Issue;
    type IntoIter = std::slice::Iter<'a, Issue>;

    fn into_iter(self) -> Self::IntoIter {
        self.issues.iter()
    }
}

#[cfg(test)]
mod place_tests {
    use super::*;

    /// Row and column count from 1; a sheet name that is not one word is
    /// quoted (found by review: `A0`, a bare `12`, `My Sheet!x!A3`).
    #[test]
    fn cells_are_valid_a1_references() {
        assert_eq!(Cell::new(0, 1), None);
        assert_eq!(Cell::new(12, 0), None);
        let cell = Cell::new(3, 1).expect("1-based");
        assert_eq!(
            cell.clone().with_sheet("My Sheet!x").to_string(),
            "'My Sheet!x'!A3"
        );
        assert_eq!(cell.clone().with_sheet("2024").to_string(), "'2024'!A3");
        assert_eq!(cell.with_sheet("Xã_1").to_string(), "Xã_1!A3");
    }

    #[test]
    fn cell_references_are_a1_notation() {
        let refs: Vec<String> = [1, 2, 26, 27, 28, 52, 53, 702, 703]
            .iter()
            .map(|&c| Cell::new(7, c).expect("1-based").reference())
            .collect();
        assert_eq!(
            refs,
            ["A7", "B7", "Z7", "AA7", "AB7", "AZ7", "BA7", "ZZ7", "AAA7"]
        );
        let last = Cell::new(1, u32::MAX).expect("1-based").reference();
        assert!(
            last.strip_suffix('1')
                .unwrap()
                .bytes()
                .all(|b| b.is_ascii_uppercase()),
            "{last}"
        );
    }

    #[test]
    fn an_issue_at_a_cell_renders_and_serializes() {
        let issue = Issue::at(
            Severity::Error,
            Cell::new(12, 3)
                .expect("1-based")
                .with_sheet("Sheet1")
                .into(),
            ErrorKind::ResolvedExceedsRaised {
                resolved: 15,
                raised: 14,
            },
        );
        assert_eq!(
            issue.to_string(),
            "error DV070 Sheet1!C12: 15 petitions resolved exceed 14 petitions raised"
        );
        assert_eq!(
            crate::render::vi::issue(&issue),
            "lỗi DV070 ô C12, trang Sheet1: số kiến nghị đã giải quyết (15) lớn hơn số kiến nghị tiếp nhận (14)"
        );
        assert_eq!(issue.path(), None);
        let json = serde_json::to_value(&issue).unwrap();
        assert_eq!(json["cell"], "Sheet1!C12");
        assert_eq!(json["sheet"], "Sheet1");
        assert_eq!(json["row"], 12);
        assert_eq!(json["column"], 3);
        assert_eq!(json["code"], "DV070");
        assert!(json.get("path").is_none());
    }

    #[test]
    fn relocate_moves_only_the_paths_it_maps() {
        let figure = Path::root().field("figures").index(0).field("value");
        let unit = Path::root().field("units").index(0);
        let mut report = Report::new(vec![
            Issue::new(
                Severity::Error,
                figure,
                ErrorKind::DuplicateFigure { first: 0 },
            ),
            Issue::new(Severity::Error, unit.clone(), ErrorKind::NoSubjects),
        ]);
        report.relocate(|p| {
            p.list_index("figures")
                .map(|_| Cell::new(2, 5).expect("1-based").into())
        });
        assert_eq!(
            report.issues()[0].place(),
            &Place::Cell(Cell::new(2, 5).expect("1-based"))
        );
        assert_eq!(report.issues()[1].path(), Some(&unit));
    }

    #[cfg(feature = "csv")]
    #[test]
    fn csv_errors_name_their_cell() {
        let text = "unit,period,actor,indicator,value\n288,2022,government,conferences,3\n\n288,2022,government,dialogues,1,5\n";
        let err = crate::read_figures_csv(text.as_bytes()).unwrap_err();
        assert_eq!(Place::of_error(err.kind()), None, "{err}");
        let text = "unit,period,actor,indicator,value\n288,2022,government,conferences,3\n,,,,\n288,2022,government,dialogues,x\n";
        let err = crate::read_figures_csv(text.as_bytes()).unwrap_err();
        assert_eq!(
            Place::of_error(err.kind()),
            Some(Place::Cell(Cell::new(4, 5).expect("1-based"))),
            "{err}"
        );
    }
}
