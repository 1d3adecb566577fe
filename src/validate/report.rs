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

    /// Whether this is the whole document.
    ///
    /// ```
    /// assert!(!danvan::Path::root().field("plan").is_root());
    /// ```
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

/// One problem found in a dataset.
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
    path: Path,
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
    pub fn new(severity: Severity, path: Path, kind: ErrorKind) -> Issue {
        Issue {
            severity,
            path,
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
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// Where in the document.
    ///
    /// ```
    /// let i = danvan::Issue::new(danvan::Severity::Error, danvan::Path::root().field("plan"),
    ///     danvan::ErrorKind::Overflow { what: "count".into() });
    /// assert_eq!(i.path().to_string(), "plan");
    /// ```
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What is wrong, with the values involved.
    ///
    /// ```
    /// let i = danvan::Issue::new(danvan::Severity::Error, danvan::Path::root(),
    ///     danvan::ErrorKind::Overflow { what: "count".into() });
    /// assert!(matches!(i.kind(), danvan::ErrorKind::Overflow { .. }));
    /// ```
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
    pub fn code(&self) -> crate::Code {
        self.kind.code()
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} ", self.severity, self.code())?;
        if !self.path.is_root() {
            write!(f, "{}: ", self.path)?;
        }
        write!(f, "{}", self.kind)
    }
}

impl serde::Serialize for Issue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Issue", 4)?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("code", &self.code())?;
        st.serialize_field("path", &self.path)?;
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
    pub fn new(issues: Vec<Issue>) -> Report {
        Report { issues }
    }

    /// All issues, errors and warnings, in document order.
    ///
    /// ```
    /// assert_eq!(danvan::Report::default().issues().len(), 0);
    /// ```
    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }

    /// Whether any issue is an error.
    ///
    /// ```
    /// assert!(!danvan::Report::default().has_errors());
    /// ```
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
    pub fn len(&self) -> usize {
        self.issues.len()
    }

    /// Whether there is no issue at all.
    ///
    /// ```
    /// assert!(danvan::Report::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.issues.is_empty()
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
