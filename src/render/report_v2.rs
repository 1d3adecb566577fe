//! The report of v2 figures (issue 16, `docs/report-v2.md`): the plan of a
//! unit's report from its [`FigureCube`] — blocks per period, sections in the
//! report order, statements that each state cells of the cube — its
//! Vietnamese text ([`vi::write_report`]) and its display rows
//! ([`DisplayRow`], as CSV and JSON, worded by [`ReportPlan::rows`]; every
//! era's by [`ReportPlan::all_rows`]).
//!
//! The plan holds no text: a statement is the cells it states and whom it
//! speaks of ([`Subject`]); the indicator's verb, noun and unit word are
//! looked up in the catalogue by the indicator's key, values are the cells'
//! intervals with the report's own word, dimension values are keys, periods
//! are [`FigurePeriod`]s. All wording is in [`vi`].
//!
//! Every cell of the unit's subtree is stated exactly once: in a sentence
//! of the paragraph (the unit's own cells) or as a row of the table (its
//! sub-units' cells, repeated or shadowed cells, parts that contradict their
//! whole): [`ReportPlan::cells_stated`] says which.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;

use crate::notation::Style;
use crate::render::vi;
use crate::{
    Actor, Catalogue, CellId, CubeCell, DatasetV2, Error, ErrorKind, FigureCube, FigurePeriod,
    Level, Origin, Section, Tone, UnitCode,
};

/// Options of a report.
///
/// ```
/// use danvan::{notation::Style, render::ReportOptions};
/// let o = ReportOptions::default().with_style(Style::Press);
/// assert_eq!(o.style, Style::Press);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ReportOptions {
    /// How computed values (sums, records totals) are worded; a stated
    /// figure always keeps the report's own word.
    pub style: Style,
}

impl ReportOptions {
    /// Sets the style of computed values.
    ///
    /// ```
    /// use danvan::{notation::Style, render::ReportOptions};
    /// assert_eq!(ReportOptions::default().with_style(Style::Exact).style, Style::Exact);
    /// ```
    #[must_use]
    pub fn with_style(mut self, style: Style) -> ReportOptions {
        self.style = style;
        self
    }
}

/// Where a cell is stated: in a sentence of the paragraph or as a row of the table.
///
/// ```
/// assert_eq!(serde_json::to_string(&danvan::render::StatedIn::Table).unwrap(), r#""table""#);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StatedIn {
    /// A sentence of the paragraph.
    Paragraph,
    /// A row of the table.
    Table,
}

impl StatedIn {
    /// The name written in the rows: `paragraph` or `table`.
    ///
    /// ```
    /// assert_eq!(danvan::render::StatedIn::Paragraph.as_str(), "paragraph");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            StatedIn::Paragraph => "paragraph",
            StatedIn::Table => "table",
        }
    }
}

/// Whom a statement speaks of.
///
/// ```
/// use danvan::{render::Subject, Actor};
/// assert_ne!(Subject::Area, Subject::Actors(vec![Actor::Government]));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Subject {
    /// The unit's area as a whole ("toàn huyện …"): a figure that names no
    /// body ([`Actor::Other`], [`Actor::NotStated`]).
    Area,
    /// The figure's actor or actor set (sorted, as in its key), the unit's own.
    Actors(Vec<Actor>),
}

impl Subject {
    /// The subject of a figure by these actors: [`Subject::Area`] when none
    /// of them names a body.
    ///
    /// ```
    /// use danvan::{render::Subject, Actor};
    /// assert_eq!(Subject::of(&[Actor::NotStated]), Subject::Area);
    /// assert_eq!(Subject::of(&[Actor::Front]), Subject::Actors(vec![Actor::Front]));
    /// ```
    #[must_use]
    pub fn of(actors: &[Actor]) -> Subject {
        if actors
            .iter()
            .all(|a| matches!(a, Actor::Other | Actor::NotStated))
        {
            Subject::Area
        } else {
            Subject::Actors(actors.to_vec())
        }
    }
}

/// One sentence, or one clause of a run of sentences with one subject: the
/// cells it states (a figure, then its "trong đó" parts) and whom it
/// speaks of. The words come from the cells and the catalogue
/// ([`vi::write_report`]).
///
/// ```
/// let s = danvan::render::Statement { cells: vec![danvan::CellId(0)], subject: danvan::render::Subject::Area };
/// assert_eq!(s.cells.len(), 1);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    /// The cells it states: the figure first, then its parts.
    pub cells: Vec<CellId>,
    /// Whom it speaks of.
    pub subject: Subject,
}

/// The statements of one report section within a period's block.
///
/// ```
/// let s = danvan::render::SectionBlock { section: danvan::Section::Other, statements: Vec::new() };
/// assert!(s.statements.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionBlock {
    /// The section (the catalogue's `section`; [`Section::Other`] when none).
    pub section: Section,
    /// Its statements: in cube order, those of one subject together (a run
    /// the writer words with one subject).
    pub statements: Vec<Statement>,
}

/// One period's block of the paragraph, with the period's own heading.
///
/// ```
/// let b = danvan::render::Block { period: danvan::FigurePeriod::Unknown, sections: Vec::new() };
/// assert_eq!(danvan::render::vi::heading(&b.period), "Chưa rõ thời gian");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// The period (its heading is [`vi::heading`]: "Năm 2024", "Trong quý
    /// II/2016", "Từ năm 2011 đến năm 2021", …).
    pub period: FigurePeriod,
    /// Its sections, in the report order.
    pub sections: Vec<SectionBlock>,
}

/// One unit of another era in a report: a predecessor of the report's unit
/// (a unit of that era listed with a name, with the code of a unit of the
/// report's subtree or under such a unit in its era — any, for the
/// dataset's own report: its root's, or its only top unit's — and no such
/// unit above it in its era), with the
/// blocks of its own cells.
///
/// ```
/// let u = danvan::render::EraUnit { unit: "26734".parse()?, unit_name: "Phường Cũ (synthetic)".into(),
///     level: danvan::Level::Commune, blocks: Vec::new() };
/// assert!(u.blocks.is_empty());
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EraUnit {
    /// The unit's code.
    pub unit: UnitCode,
    /// Its name.
    pub unit_name: String,
    /// Its level.
    pub level: Level,
    /// Its own cells, one block per period, as the current unit's.
    pub blocks: Vec<Block>,
}

/// Another era's part of a report: the era, its part of the dataset's
/// period, and the report's unit's predecessors in it that have cells.
///
/// ```
/// let e = danvan::render::EraSection { era: chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
///     period: None, units: Vec::new() };
/// assert!(e.units.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EraSection {
    /// The era (the date its units' codes took effect).
    pub era: NaiveDate,
    /// The era's part of the dataset's period ([`FigureCube::era_period`]).
    pub period: Option<crate::Period>,
    /// The predecessors, in the era's hierarchy order.
    pub units: Vec<EraUnit>,
}

/// One display row of a cube cell: **the stable export of the report's
/// totals**, for people (CSV) and programs (JSON). Columns, in order
/// ([`DisplayRow::COLUMNS`]):
///
/// | column | meaning |
/// |---|---|
/// | `cell` | the cell's index in the cube ([`CellId`]) |
/// | `unit` | the unit code |
/// | `unit_name` | the unit's name |
/// | `level` | the unit's level (`province`, `district`, `commune`, `village`) |
/// | `period` | the period in Vietnamese ("năm 2024", "quý II/2016", "chưa rõ thời gian") |
/// | `indicator` | the indicator id |
/// | `label` | the indicator's Vietnamese label |
/// | `actor` | the actor or actor set in Vietnamese (empty for `other`) |
/// | `dims` | the dimension values in Vietnamese, `; `-separated, then a part's label, a change, "thêm", awarded-by |
/// | `low`, `high` | counts and amounts: the bounds of the value (`high` empty when unbounded); amounts normalised, in `.`-decimal |
/// | `tone` | counts and amounts: `exact`, `near` or `bounded` |
/// | `estimate` | counts and amounts: the estimate beside an unbounded value |
/// | `value` | the value as the report writes it (the report's own word for a stated figure) |
/// | `origin` | `stated`, `part`, `records` or `sub_units` |
/// | `complete` | `false` when the value is only a lower bound because some sub-units did not report |
/// | `conflict` | `true` when the value disagrees with its parts or sub-units (or, for a part, with its whole) |
/// | `stated_in` | `paragraph` or `table` |
/// | `era` | the era of the cell's unit: empty (JSON `null`) for the dataset's current era, else the date its codes took effect, `YYYY-MM-DD` (the units' `era`: a predecessor's cells, [`ReportPlan::era_rows`]) |
///
/// Columns are added at the end, never renamed or removed.
///
/// ```
/// assert_eq!(danvan::render::DisplayRow::COLUMNS[0], "cell");
/// assert_eq!(danvan::render::DisplayRow::COLUMNS.len(), 19);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct DisplayRow {
    /// The cell's index in the cube.
    pub cell: usize,
    /// The unit code.
    pub unit: String,
    /// The unit's name.
    pub unit_name: String,
    /// The unit's level.
    pub level: String,
    /// The period in Vietnamese.
    pub period: String,
    /// The indicator id.
    pub indicator: String,
    /// The indicator's Vietnamese label.
    pub label: String,
    /// The actor or actor set in Vietnamese.
    pub actor: String,
    /// The dimension values (and qualifiers) in Vietnamese.
    pub dims: String,
    /// The lower bound.
    pub low: Option<String>,
    /// The upper bound; none when unbounded or not a count or amount.
    pub high: Option<String>,
    /// The tone.
    pub tone: Option<Tone>,
    /// The estimate beside an unbounded value.
    pub estimate: Option<String>,
    /// The value as the report writes it.
    pub value: String,
    /// Where the value comes from.
    pub origin: String,
    /// False when only a lower bound because some sub-units did not report.
    pub complete: bool,
    /// True when it disagrees with its parts, sub-units or whole.
    pub conflict: bool,
    /// Where the report states it.
    pub stated_in: StatedIn,
    /// The era of the cell's unit, `YYYY-MM-DD`; none for the current era.
    pub era: Option<String>,
}

impl DisplayRow {
    /// The columns, in order (the CSV header; the JSON objects' fields).
    ///
    /// ```
    /// use danvan::render::DisplayRow;
    /// assert_eq!(DisplayRow::COLUMNS[DisplayRow::COLUMNS.len() - 1], "era");
    /// ```
    pub const COLUMNS: [&'static str; 19] = [
        "cell",
        "unit",
        "unit_name",
        "level",
        "period",
        "indicator",
        "label",
        "actor",
        "dims",
        "low",
        "high",
        "tone",
        "estimate",
        "value",
        "origin",
        "complete",
        "conflict",
        "stated_in",
        "era",
    ];

    /// The row's cells as text, in [`COLUMNS`](DisplayRow::COLUMNS) order (the CSV record).
    #[cfg(any(feature = "csv", test))]
    pub(crate) fn texts(&self) -> Vec<String> {
        let opt = |o: &Option<String>| o.clone().unwrap_or_default();
        vec![
            self.cell.to_string(),
            self.unit.clone(),
            self.unit_name.clone(),
            self.level.clone(),
            self.period.clone(),
            self.indicator.clone(),
            self.label.clone(),
            self.actor.clone(),
            self.dims.clone(),
            opt(&self.low),
            opt(&self.high),
            self.tone.map(tone_name).unwrap_or_default().to_owned(),
            opt(&self.estimate),
            self.value.clone(),
            self.origin.clone(),
            self.complete.to_string(),
            self.conflict.to_string(),
            self.stated_in.as_str().to_owned(),
            opt(&self.era),
        ]
    }
}

#[cfg(any(feature = "csv", test))]
fn tone_name(t: Tone) -> &'static str {
    match t {
        Tone::Exact => "exact",
        Tone::Near => "near",
        Tone::Bounded => "bounded",
    }
}

/// The plan of a unit's report: its blocks (one per period) of sections of
/// statements, and where every cell of its subtree is stated. It holds no
/// text; it borrows the cube and the catalogue the words are looked up in.
///
/// ```
/// let json = r#"{"schema": "danvan/dataset/v2", "root": "816", "period": {"start": "2024-01-01", "end": "2024-12-31"},
///     "units": [{"code": "66"}, {"code": "816", "name": "Huyện Krông Búk (synthetic)", "parent": "66"}],
///     "figures": [{"indicator": "documents", "unit": "816", "actor": "mobilization_sector", "value": 4}]}"#;
/// let d = danvan::DatasetV2::from_json(json.as_bytes())?;
/// let cat = d.catalogue_on(danvan::Catalogue::builtin())?;
/// let cube = danvan::FigureCube::build(&d, &cat, &d.hierarchy()?)?;
/// let plan = danvan::render::plan_report(&cube, &cat, &"816".parse()?, &Default::default())?;
/// assert_eq!(plan.level, danvan::Level::District);
/// assert_eq!(plan.cells_stated(), [(danvan::CellId(0), danvan::render::StatedIn::Paragraph)]);
/// assert_eq!(danvan::render::vi::write_report(&plan),
///     "Huyện Krông Búk (synthetic)\n\nNăm 2024\nNgành dân vận toàn huyện ban hành 4 văn bản.\n");
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct ReportPlan<'a> {
    /// The unit the report is of.
    pub unit: UnitCode,
    /// Its name.
    pub unit_name: String,
    /// Its level.
    pub level: Level,
    /// How computed values are worded.
    pub style: Style,
    /// The paragraph: one block per period, in time order ("chưa rõ thời gian" last).
    pub blocks: Vec<Block>,
    /// The other eras' parts, in time order, after the current era's: the
    /// unit's predecessors and their cells (never in `blocks`).
    pub eras: Vec<EraSection>,
    /// Every cell of the unit's subtree, in cube order, and where it is stated.
    stated: Vec<(CellId, StatedIn)>,
    /// Every cell of the predecessors' subtrees in their eras, and where it is stated.
    era_stated: Vec<(CellId, StatedIn)>,
    cube: &'a FigureCube,
    catalogue: &'a Catalogue,
}

impl<'a> ReportPlan<'a> {
    /// Which cells each sentence and table row states: every cell of the
    /// paragraph's statements, then every row of the table, in that order.
    /// Each cell of the unit's subtree appears exactly once.
    ///
    /// ```
    /// # let d = danvan::DatasetV2::from_json(r#"{"schema": "danvan/dataset/v2", "period": {"start": "2024-01-01", "end": "2024-12-31"},
    /// #   "units": [{"code": "30", "name": "Tỉnh A (synthetic)"}]}"#.as_bytes())?;
    /// # let cube = danvan::FigureCube::build(&d, &danvan::Catalogue::builtin(), &d.hierarchy()?)?;
    /// # let cat = danvan::Catalogue::builtin();
    /// let plan = danvan::render::plan_report(&cube, &cat, &"30".parse()?, &Default::default())?;
    /// assert!(plan.cells_stated().is_empty());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn cells_stated(&self) -> Vec<(CellId, StatedIn)> {
        let paragraph = self
            .blocks
            .iter()
            .flat_map(|b| &b.sections)
            .flat_map(|s| &s.statements)
            .flat_map(|s| s.cells.iter().map(|c| (*c, StatedIn::Paragraph)));
        let table = self
            .stated
            .iter()
            .filter(|(_, s)| *s == StatedIn::Table)
            .copied();
        paragraph.chain(table).collect()
    }

    /// The display rows of every cell of the unit's subtree, in cube order,
    /// worded by [`vi`] (their `stated_in` says paragraph or table).
    ///
    /// ```
    /// # let d = danvan::DatasetV2::from_json(r#"{"schema": "danvan/dataset/v2", "period": {"start": "2024-01-01", "end": "2024-12-31"},
    /// #   "units": [{"code": "30", "name": "Tỉnh A (synthetic)"}],
    /// #   "figures": [{"indicator": "documents", "unit": "30", "actor": "government", "value": 2}]}"#.as_bytes())?;
    /// # let cube = danvan::FigureCube::build(&d, &danvan::Catalogue::builtin(), &d.hierarchy()?)?;
    /// # let cat = danvan::Catalogue::builtin();
    /// let plan = danvan::render::plan_report(&cube, &cat, &"30".parse()?, &Default::default())?;
    /// assert_eq!(plan.rows()[0].value, "2 văn bản");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn rows(&self) -> Vec<DisplayRow> {
        vi::report::display_rows(self, &self.stated)
    }

    /// The rows of the table: the cells the paragraph does not state.
    ///
    /// ```
    /// # let d = danvan::DatasetV2::from_json(r#"{"schema": "danvan/dataset/v2", "period": {"start": "2024-01-01", "end": "2024-12-31"},
    /// #   "units": [{"code": "30", "name": "Tỉnh A (synthetic)"}]}"#.as_bytes())?;
    /// # let cube = danvan::FigureCube::build(&d, &danvan::Catalogue::builtin(), &d.hierarchy()?)?;
    /// # let cat = danvan::Catalogue::builtin();
    /// let plan = danvan::render::plan_report(&cube, &cat, &"30".parse()?, &Default::default())?;
    /// assert!(plan.table().is_empty());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn table(&self) -> Vec<DisplayRow> {
        self.rows()
            .into_iter()
            .filter(|r| r.stated_in == StatedIn::Table)
            .collect()
    }

    /// The display rows of the other eras' cells ([`ReportPlan::eras`]): every
    /// cell of the predecessors' subtrees in their eras, in cube order, each
    /// once (`stated_in`: paragraph, for a predecessor's own cells its
    /// section states, else table). [`rows`](ReportPlan::rows) holds the
    /// current era's only.
    ///
    /// ```
    /// # let d = danvan::DatasetV2::from_json(r#"{"schema": "danvan/dataset/v2", "period": {"start": "2024-01-01", "end": "2024-12-31"},
    /// #   "units": [{"code": "30", "name": "Tỉnh A (synthetic)"}]}"#.as_bytes())?;
    /// # let cube = danvan::FigureCube::build(&d, &danvan::Catalogue::builtin(), &d.hierarchy()?)?;
    /// # let cat = danvan::Catalogue::builtin();
    /// let plan = danvan::render::plan_report(&cube, &cat, &"30".parse()?, &Default::default())?;
    /// assert!(plan.era_rows().is_empty());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn era_rows(&self) -> Vec<DisplayRow> {
        vi::report::display_rows(self, &self.era_stated)
    }

    /// Every display row of the report: the current era's
    /// ([`rows`](ReportPlan::rows)), then the other eras'
    /// ([`era_rows`](ReportPlan::era_rows)), each cell once; the `era`
    /// column tells them apart. What `danvan report --format json|csv` prints.
    ///
    /// ```
    /// let json = r#"{"schema": "danvan/dataset/v2", "period": {"start": "2025-01-01", "end": "2025-12-31"},
    ///   "units": [{"code": "79", "name": "Thành phố A (synthetic)"},
    ///             {"code": "26737", "name": "Phường Mới (synthetic)", "parent": "79", "valid_from": "2025-07-01"},
    ///             {"code": "79", "era": "2020-01-01", "valid_to": "2025-06-30"},
    ///             {"code": "26740", "name": "Phường Cũ (synthetic)", "parent": "79", "era": "2020-01-01", "valid_to": "2025-06-30"}],
    ///   "figures": [{"indicator": "documents", "unit": "26737", "actor": "government", "value": 4,
    ///                "period": {"start": "2025-07-01", "end": "2025-12-31"}},
    ///               {"indicator": "documents", "unit": "26740", "actor": "government", "value": 3,
    ///                "period": {"start": "2025-01-01", "end": "2025-06-30"}}]}"#;
    /// let d = danvan::DatasetV2::from_json(json.as_bytes())?;
    /// let cat = danvan::Catalogue::builtin();
    /// let cube = danvan::FigureCube::build(&d, &cat, &d.hierarchy()?)?;
    /// let plan = danvan::render::plan_report(&cube, &cat, &"79".parse()?, &Default::default())?;
    /// let rows = plan.all_rows();
    /// let (current, other) = rows.split_at(plan.rows().len());
    /// assert!(current.iter().all(|r| r.era.is_none()));
    /// assert_eq!(other.iter().map(|r| (r.unit.as_str(), r.era.as_deref())).collect::<Vec<_>>(),
    ///     [("26740", Some("2020-01-01"))]);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn all_rows(&self) -> Vec<DisplayRow> {
        let mut rows = self.rows();
        rows.extend(self.era_rows());
        rows
    }

    /// The cube the plan states the cells of.
    ///
    /// ```
    /// # let d = danvan::DatasetV2::from_json(r#"{"schema": "danvan/dataset/v2", "period": {"start": "2024-01-01", "end": "2024-12-31"},
    /// #   "units": [{"code": "30", "name": "Tỉnh A (synthetic)"}]}"#.as_bytes())?;
    /// # let cube = danvan::FigureCube::build(&d, &danvan::Catalogue::builtin(), &d.hierarchy()?)?;
    /// # let cat = danvan::Catalogue::builtin();
    /// let plan = danvan::render::plan_report(&cube, &cat, &"30".parse()?, &Default::default())?;
    /// assert!(plan.cube().cells().is_empty());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn cube(&self) -> &'a FigureCube {
        self.cube
    }

    /// The catalogue the indicators' words are looked up in.
    ///
    /// ```
    /// # let d = danvan::DatasetV2::from_json(r#"{"schema": "danvan/dataset/v2", "period": {"start": "2024-01-01", "end": "2024-12-31"},
    /// #   "units": [{"code": "30", "name": "Tỉnh A (synthetic)"}]}"#.as_bytes())?;
    /// # let cube = danvan::FigureCube::build(&d, &danvan::Catalogue::builtin(), &d.hierarchy()?)?;
    /// # let cat = danvan::Catalogue::builtin();
    /// let plan = danvan::render::plan_report(&cube, &cat, &"30".parse()?, &Default::default())?;
    /// assert!(plan.catalogue().get(&"documents".parse()?).is_some());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn catalogue(&self) -> &'a Catalogue {
        self.catalogue
    }
}

/// Plans the report of `unit` from the cube: the unit's own cells in the
/// paragraph (for each key, its stated figure, else its records total,
/// else its sub-units' sum; "trong đó" parts under their whole when none
/// contradicts it), every other cell of its subtree in the table. Within a
/// section, the statements of one subject stand together, in the order of
/// their first figure.
///
/// # Errors
///
/// [`ErrorKind::ReportUnitUnknown`] when the unit is not in the cube's
/// hierarchy, [`ErrorKind::ReportUnitAboveRoot`] when the dataset is rooted
/// below it (or beside it): the dataset does not speak for that unit.
///
/// ```
/// # let d = danvan::DatasetV2::from_json(r#"{"schema": "danvan/dataset/v2", "period": {"start": "2024-01-01", "end": "2024-12-31"},
/// #   "units": [{"code": "30", "name": "Tỉnh A (synthetic)"}]}"#.as_bytes())?;
/// # let cube = danvan::FigureCube::build(&d, &danvan::Catalogue::builtin(), &d.hierarchy()?)?;
/// let cat = danvan::Catalogue::builtin();
/// let err = danvan::render::plan_report(&cube, &cat, &"31".parse()?, &Default::default());
/// assert_eq!(err.unwrap_err().code(), "DV200");
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn plan_report<'a>(
    cube: &'a FigureCube,
    catalogue: &'a Catalogue,
    unit: &UnitCode,
    options: &ReportOptions,
) -> Result<ReportPlan<'a>, Error> {
    let h = cube.hierarchy();
    let (Some(idx), Some(u)) = (h.index_of(unit), h.get(unit)) else {
        return Err(ErrorKind::ReportUnitUnknown {
            unit: unit.to_string().as_str().into(),
        }
        .into());
    };
    if let Some(root) = cube.root() {
        let under = h
            .index_of(&root)
            .is_some_and(|r| r == idx || h.ancestors(idx).any(|a| a == r));
        if !under {
            return Err(ErrorKind::ReportUnitAboveRoot {
                unit: unit.to_string().as_str().into(),
                root: root.to_string().as_str().into(),
            }
            .into());
        }
    }
    let ids = cube.subtree_cells(unit);
    let (blocks, in_paragraph) = plan_unit(cube, catalogue, unit, &ids);
    let stated = stated_in(&ids, &in_paragraph);
    // The unit's predecessors in each other era: the era's named units
    // (nothing is summed into a unit named by code only) that have the code
    // of a unit of the report's subtree or lie under such a unit in their
    // era — every named unit of the era when the report is the dataset's
    // (its root, or its only top unit) — each taken at its highest.
    let codes: HashSet<UnitCode> = h
        .iter()
        .filter(|(i, _)| *i == idx || h.ancestors(*i).any(|a| a == idx))
        .map(|(_, x)| x.code())
        .collect();
    // The dataset's own report: its root's, or its one top unit's; of two
    // top units (two provinces) neither is the whole, and each states only
    // the predecessors its codes tie it to.
    let whole = match cube.root() {
        Some(root) => root == *unit,
        None => u.parent().is_none() && h.iter().filter(|(_, x)| x.parent().is_none()).count() == 1,
    };
    let mut eras = Vec::new();
    let mut era_stated = Vec::new();
    for era in cube.other_eras() {
        let Some(eh) = cube.era_hierarchy(era) else {
            continue;
        };
        let ours = |j: crate::UnitIndex| {
            eh.code(j).is_some_and(|c| {
                whole
                    || codes.contains(&c)
                    || eh
                        .ancestors(j)
                        .any(|a| eh.code(a).is_some_and(|c| codes.contains(&c)))
            })
        };
        // Only a unit the era's sums may fill: an old district above the
        // root's code (named or not) has nothing of its own to state.
        let scope = cube.era_scope(era);
        let candidate =
            |j: crate::UnitIndex| ours(j) && scope.get(j.get()).copied().unwrap_or(false);
        let mut units = Vec::new();
        for (i, x) in eh.iter() {
            if !candidate(i) || eh.ancestors(i).any(candidate) {
                continue;
            }
            let ids = cube.era_subtree_cells(Some(era), &x.code());
            if ids.is_empty() {
                continue;
            }
            let (blocks, in_paragraph) = plan_unit(cube, catalogue, &x.code(), &ids);
            era_stated.extend(stated_in(&ids, &in_paragraph));
            units.push(EraUnit {
                unit: x.code(),
                unit_name: x.name().to_owned(),
                level: x.level(),
                blocks,
            });
        }
        if !units.is_empty() {
            eras.push(EraSection {
                era,
                period: cube.era_period(era),
                units,
            });
        }
    }
    Ok(ReportPlan {
        unit: *unit,
        unit_name: u.name().to_owned(),
        level: u.level(),
        style: options.style,
        blocks,
        eras,
        stated,
        era_stated,
        cube,
        catalogue,
    })
}

/// Each cell of `ids` with where it is stated: the paragraph when in `in_paragraph`, else the table.
fn stated_in(ids: &[CellId], in_paragraph: &HashSet<CellId>) -> Vec<(CellId, StatedIn)> {
    ids.iter()
        .map(|id| {
            let s = if in_paragraph.contains(id) {
                StatedIn::Paragraph
            } else {
                StatedIn::Table
            };
            (*id, s)
        })
        .collect()
}

/// The blocks of one unit's own cells among `ids` (its subtree's cells, of
/// one era), and the cells they state.
fn plan_unit(
    cube: &FigureCube,
    catalogue: &Catalogue,
    unit: &UnitCode,
    ids: &[CellId],
) -> (Vec<Block>, HashSet<CellId>) {
    // The paragraph's figure for each key of the unit: stated, else records, else sub-units.
    let rank = |c: &CubeCell| match c.origin {
        Origin::Stated { .. } => 0,
        Origin::Records => 1,
        _ => 2,
    };
    let mut primary: BTreeMap<&crate::FigureKey, CellId> = BTreeMap::new();
    for id in ids {
        let Some(c) = cube.cell(*id) else { continue };
        if c.key.unit != *unit || c.part_of.is_some() {
            continue;
        }
        let better = primary
            .get(&c.key)
            .and_then(|p| cube.cell(*p))
            .map_or(true, |p| rank(c) < rank(p));
        if better {
            primary.insert(&c.key, *id);
        }
    }
    let mut chosen: Vec<CellId> = primary.into_values().collect();
    chosen.sort();
    let mut in_paragraph: HashSet<CellId> = HashSet::new();
    let mut blocks: BTreeMap<PeriodOrder, BTreeMap<Section, Vec<Statement>>> = BTreeMap::new();
    for id in chosen {
        let Some(c) = cube.cell(id) else { continue };
        let parts: Vec<CellId> = if matches!(c.origin, Origin::Stated { .. }) {
            ids.iter()
                .copied()
                .filter(|p| cube.cell(*p).is_some_and(|pc| pc.part_of == Some(id)))
                .collect()
        } else {
            Vec::new()
        };
        let contradicted = parts
            .iter()
            .any(|p| cube.cell(*p).is_some_and(|pc| pc.conflict));
        let parts = if contradicted { Vec::new() } else { parts };
        in_paragraph.insert(id);
        in_paragraph.extend(parts.iter().copied());
        let mut cells = vec![id];
        cells.extend(parts);
        let section = catalogue
            .get(&c.key.indicator)
            .and_then(|e| e.section)
            .unwrap_or(Section::Other);
        blocks
            .entry(PeriodOrder::of(&c.key.period))
            .or_default()
            .entry(section)
            .or_default()
            .push(Statement {
                cells,
                subject: Subject::of(&c.key.actor),
            });
    }
    let blocks = blocks
        .into_iter()
        .map(|(p, sections)| Block {
            period: p.1,
            sections: sections
                .into_iter()
                .map(|(section, statements)| SectionBlock {
                    section,
                    statements: by_subject(&statements),
                })
                .collect(),
        })
        .collect();
    (blocks, in_paragraph)
}

/// The statements of one subject together, subjects in the order of their
/// first statement, each subject's in their own order.
fn by_subject(statements: &[Statement]) -> Vec<Statement> {
    let mut order: Vec<Subject> = Vec::new();
    for s in statements {
        if !order.contains(&s.subject) {
            order.push(s.subject.clone());
        }
    }
    let mut out = Vec::with_capacity(statements.len());
    for subject in order {
        out.extend(statements.iter().filter(|s| s.subject == subject).cloned());
    }
    out
}

/// Periods in time order: by start, then end; an unknown period last.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct PeriodOrder((NaiveDate, NaiveDate), FigurePeriod);

impl PeriodOrder {
    fn of(p: &FigurePeriod) -> PeriodOrder {
        let span = match p {
            FigurePeriod::Dates(d) => (d.start(), d.end()),
            FigurePeriod::ToDate { start, to_date } => (*start, *to_date),
            FigurePeriod::Since { start } => (*start, NaiveDate::MAX),
            FigurePeriod::Unknown => (NaiveDate::MAX, NaiveDate::MAX),
            // Its start is not stated: by its end.
            FigurePeriod::Years { ending, .. } => {
                let end = ending.latest().unwrap_or(NaiveDate::MAX);
                (end, end)
            }
        };
        PeriodOrder(span, *p)
    }
}

/// The unit a report is of when none is asked for: the dataset's root, else
/// its first unit without a parent (what `danvan report` and the package's
/// `report` use).
///
/// # Errors
///
/// [`ErrorKind::ReportNoUnit`] (DV203) when the dataset has no root and no
/// unit without a parent.
///
/// ```
/// let d = danvan::DatasetV2::from_json(r#"{"schema": "danvan/dataset/v2", "period": {"start": "2024-01-01", "end": "2024-12-31"},
///   "units": [{"code": "30", "name": "Tỉnh A (synthetic)"}, {"code": "288", "name": "Huyện B (synthetic)", "parent": "30"}]}"#.as_bytes())?;
/// assert_eq!(danvan::render::default_report_unit(&d)?.to_string(), "30");
/// let empty = danvan::DatasetV2::from_json(r#"{"schema": "danvan/dataset/v2", "period": {"start": "2024-01-01", "end": "2024-12-31"}}"#.as_bytes())?;
/// assert_eq!(danvan::render::default_report_unit(&empty).unwrap_err().code(), "DV203");
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn default_report_unit(dataset: &DatasetV2) -> Result<UnitCode, Error> {
    dataset
        .root
        .or_else(|| {
            dataset
                .units
                .iter()
                .find(|u| u.parent.is_none())
                .map(|u| u.code)
        })
        .ok_or_else(|| ErrorKind::ReportNoUnit.into())
}

/// The display rows as JSON: an array of objects with the columns of
/// [`DisplayRow`] (`low`, `high`, `tone`, `estimate` `null` when they do not apply).
///
/// ```
/// assert_eq!(danvan::render::rows_json(&[]), "[]");
/// ```
#[must_use]
pub fn rows_json(rows: &[DisplayRow]) -> String {
    // Plain strings, numbers and booleans: serializing cannot fail.
    serde_json::to_string_pretty(rows).unwrap_or_default()
}

/// Writes the display rows as CSV (feature `csv`), with the header
/// [`DisplayRow::COLUMNS`].
///
/// # Errors
///
/// [`ErrorKind::CsvIo`] when the writer fails.
///
/// ```
/// let mut out = Vec::new();
/// danvan::render::write_rows_csv(&[], &mut out)?;
/// assert!(String::from_utf8(out).unwrap().starts_with("cell,unit,unit_name,level,period,"));
/// # Ok::<(), danvan::Error>(())
/// ```
#[cfg(feature = "csv")]
pub fn write_rows_csv(rows: &[DisplayRow], writer: impl std::io::Write) -> Result<(), Error> {
    let io = |e: String| -> Error { ErrorKind::CsvIo { message: e }.into() };
    let mut csv = csv::WriterBuilder::new().from_writer(writer);
    csv.write_record(DisplayRow::COLUMNS)
        .map_err(|e| io(e.to_string()))?;
    for row in rows {
        csv.write_record(row.texts())
            .map_err(|e| io(e.to_string()))?;
    }
    csv.flush().map_err(|e| io(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_match_the_row_texts() {
        let row = DisplayRow {
            cell: 0,
            unit: "30".into(),
            unit_name: String::new(),
            level: String::new(),
            period: String::new(),
            indicator: String::new(),
            label: String::new(),
            actor: String::new(),
            dims: String::new(),
            low: None,
            high: None,
            tone: None,
            estimate: None,
            value: String::new(),
            origin: String::new(),
            complete: true,
            conflict: false,
            stated_in: StatedIn::Table,
            era: Some("2020-01-01".into()),
        };
        let named = DisplayRow::COLUMNS.len();
        assert_eq!(row.texts().len(), named);
        // The JSON fields come in the order of the columns.
        let json = serde_json::to_string(&row).unwrap();
        let at: Vec<usize> = DisplayRow::COLUMNS
            .iter()
            .map(|c| json.find(&format!("\"{c}\":")).expect("a field per column"))
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{json}");
        assert_eq!(json.matches("\":").count(), named);
    }
}
