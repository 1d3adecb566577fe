//! The report of v2 figures (issue 16, `docs/report-v2.md`): the plan of a
//! unit's report from its [`FigureCube`] — blocks per period, sections in the
//! report order, statements that each state cells of the cube — its
//! Vietnamese text ([`write_report`]) and its display rows ([`DisplayRow`],
//! as CSV and JSON).
//!
//! Every cell of the unit's subtree is stated exactly once: in a sentence
//! of the paragraph (the unit's own cells) or as a row of the table (its
//! sub-units' cells, repeated or shadowed cells, parts that contradict their
//! whole): [`ReportPlan::cells_stated`] says which.

use std::collections::{BTreeMap, HashSet};

use chrono::{Datelike, NaiveDate};

use crate::notation::{self, Style};
use crate::render::vi;
use crate::{
    AmountValue, AwardedBy, Catalogue, CatalogueEntry, CellId, CellValue, ChangeDirection,
    CubeCell, Error, ErrorKind, FigureCube, FigurePeriod, FigureValue, Level, Origin, Period,
    ScaleWord, Section, Tone, UnitCode, ValueSpec, Word, Wording,
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

/// One sentence of the paragraph: the cells it states (a figure, then its
/// "trong đó" parts) and its words.
///
/// ```
/// let s = danvan::render::Statement { cells: vec![danvan::CellId(0)], subject: String::new(),
///     clause: "xây dựng 12 mô hình".into(), plain: false };
/// assert_eq!(s.cells.len(), 1);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    /// The cells it states: the figure first, then its parts.
    pub cells: Vec<CellId>,
    /// Who did it (the actor or actor set's words); empty when it names no body.
    pub subject: String,
    /// What the sentence says after its subject (verb, value, noun, …), or,
    /// for a figure whose indicator has no wording, "label: value unit word".
    pub clause: String,
    /// Whether the clause is the whole sentence, with no subject before it:
    /// the plain "label: value" of an indicator without wording, and the
    /// clauses led by their noun (changes, rates, ratios, durations: "số
    /// văn bản của ngành dân vận gấp 1,5 lần …").
    pub plain: bool,
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
    /// Its statements, in cube order.
    pub statements: Vec<Statement>,
}

/// One period's block of the paragraph, with the period's own heading.
///
/// ```
/// let b = danvan::render::Block { period: danvan::FigurePeriod::Unknown,
///     heading: "Chưa rõ thời gian".into(), sections: Vec::new() };
/// assert_eq!(b.heading, "Chưa rõ thời gian");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// The period.
    pub period: FigurePeriod,
    /// Its heading: "Năm 2024", "Trong quý II/2016", "Từ năm 2011 đến năm 2021", …
    pub heading: String,
    /// Its sections, in the report order.
    pub sections: Vec<SectionBlock>,
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
///
/// Columns are added at the end, never renamed or removed.
///
/// ```
/// assert_eq!(danvan::render::DisplayRow::COLUMNS[0], "cell");
/// assert_eq!(danvan::render::DisplayRow::COLUMNS.len(), 18);
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
}

impl DisplayRow {
    /// The columns, in order (the CSV header; the JSON objects' fields).
    ///
    /// ```
    /// use danvan::render::DisplayRow;
    /// assert_eq!(DisplayRow::COLUMNS[DisplayRow::COLUMNS.len() - 1], "stated_in");
    /// ```
    pub const COLUMNS: [&'static str; 18] = [
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
    ];

    /// The row's cells as text, in [`COLUMNS`](DisplayRow::COLUMNS) order (the CSV record).
    #[cfg(any(feature = "csv", test))]
    fn texts(&self) -> Vec<String> {
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
/// statements, and the display rows of every cell of its subtree.
///
/// ```
/// let json = r#"{"schema": "danvan/dataset/v2", "root": "816", "period": {"start": "2024-01-01", "end": "2024-12-31"},
///     "units": [{"code": "66"}, {"code": "816", "name": "Huyện Krông Búk (synthetic)", "parent": "66"}],
///     "figures": [{"indicator": "documents", "unit": "816", "actor": "mobilization_sector", "value": 4}]}"#;
/// let d = danvan::DatasetV2::from_json(json.as_bytes())?;
/// let cat = d.catalogue_on(danvan::Catalogue::builtin())?;
/// let cube = danvan::FigureCube::build(&d, &cat, &d.hierarchy()?)?;
/// let plan = danvan::render::plan_report(&cube, &cat, &"816".parse()?, &Default::default())?;
/// assert_eq!(plan.area, "toàn huyện");
/// assert_eq!(plan.cells_stated(), [(danvan::CellId(0), danvan::render::StatedIn::Paragraph)]);
/// assert_eq!(danvan::render::vi::write_report(&plan),
///     "Huyện Krông Búk (synthetic)\n\nNăm 2024\nNgành dân vận ban hành 4 văn bản.\n");
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReportPlan {
    /// The unit the report is of.
    pub unit: UnitCode,
    /// Its name.
    pub unit_name: String,
    /// Its level.
    pub level: Level,
    /// The area words: "toàn tỉnh", "toàn huyện", "toàn phường", …
    pub area: String,
    /// The paragraph: one block per period, in time order ("chưa rõ thời gian" last).
    pub blocks: Vec<Block>,
    /// A display row for every cell of the unit's subtree, in cube order.
    pub rows: Vec<DisplayRow>,
}

impl ReportPlan {
    /// Which cells each sentence and table row states: every cell of the
    /// paragraph's statements, then every row of the table, in that order.
    /// Each cell of the unit's subtree appears exactly once.
    ///
    /// ```
    /// # let d = danvan::DatasetV2::from_json(r#"{"schema": "danvan/dataset/v2", "period": {"start": "2024-01-01", "end": "2024-12-31"},
    /// #   "units": [{"code": "30", "name": "Tỉnh A (synthetic)"}]}"#.as_bytes())?;
    /// # let cube = danvan::FigureCube::build(&d, &danvan::Catalogue::builtin(), &d.hierarchy()?)?;
    /// let plan = danvan::render::plan_report(&cube, &danvan::Catalogue::builtin(), &"30".parse()?, &Default::default())?;
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
            .rows
            .iter()
            .filter(|r| r.stated_in == StatedIn::Table)
            .map(|r| (CellId(r.cell), StatedIn::Table));
        paragraph.chain(table).collect()
    }

    /// The rows of the table: the cells the paragraph does not state.
    ///
    /// ```
    /// # let d = danvan::DatasetV2::from_json(r#"{"schema": "danvan/dataset/v2", "period": {"start": "2024-01-01", "end": "2024-12-31"},
    /// #   "units": [{"code": "30", "name": "Tỉnh A (synthetic)"}]}"#.as_bytes())?;
    /// # let cube = danvan::FigureCube::build(&d, &danvan::Catalogue::builtin(), &d.hierarchy()?)?;
    /// let plan = danvan::render::plan_report(&cube, &danvan::Catalogue::builtin(), &"30".parse()?, &Default::default())?;
    /// assert_eq!(plan.table().count(), 0);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn table(&self) -> impl Iterator<Item = &DisplayRow> + '_ {
        self.rows.iter().filter(|r| r.stated_in == StatedIn::Table)
    }
}

/// Plans the report of `unit` from the cube: the unit's own cells in the
/// paragraph (for each key, its stated figure, else its records total,
/// else its sub-units' sum; "trong đó" parts under their whole when none
/// contradicts it), every other cell of its subtree in the table.
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
/// let err = danvan::render::plan_report(&cube, &danvan::Catalogue::builtin(), &"31".parse()?, &Default::default());
/// assert_eq!(err.unwrap_err().code(), "DV200");
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn plan_report(
    cube: &FigureCube,
    catalogue: &Catalogue,
    unit: &UnitCode,
    options: &ReportOptions,
) -> Result<ReportPlan, Error> {
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
    let words = Words {
        cube,
        catalogue,
        style: options.style,
        area: vi::area(u.name(), u.level()),
    };
    let ids = cube.subtree_cells(unit);
    // The paragraph's figure for each key of the unit: stated, else records, else sub-units.
    let rank = |c: &CubeCell| match c.origin {
        Origin::Stated { .. } => 0,
        Origin::Records => 1,
        _ => 2,
    };
    let mut primary: BTreeMap<&crate::FigureKey, CellId> = BTreeMap::new();
    for id in &ids {
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
        let statement = words.statement(id, c, &parts);
        in_paragraph.insert(id);
        in_paragraph.extend(parts.iter().copied());
        let section = catalogue
            .get(&c.key.indicator)
            .and_then(|e| e.section)
            .unwrap_or(Section::Other);
        blocks
            .entry(PeriodOrder::of(&c.key.period))
            .or_default()
            .entry(section)
            .or_default()
            .push(statement);
    }
    let blocks = blocks
        .into_iter()
        .map(|(p, sections)| Block {
            heading: heading(&p.1),
            period: p.1,
            sections: sections
                .into_iter()
                .map(|(section, statements)| SectionBlock {
                    section,
                    statements,
                })
                .collect(),
        })
        .collect();
    let rows = ids
        .iter()
        .filter_map(|id| {
            let c = cube.cell(*id)?;
            let stated_in = if in_paragraph.contains(id) {
                StatedIn::Paragraph
            } else {
                StatedIn::Table
            };
            Some(words.row(*id, c, stated_in))
        })
        .collect();
    Ok(ReportPlan {
        unit: *unit,
        unit_name: u.name().to_owned(),
        level: u.level(),
        area: vi::area(u.name(), u.level()),
        blocks,
        rows,
    })
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

/// What the words of a cell need.
struct Words<'a> {
    cube: &'a FigureCube,
    catalogue: &'a Catalogue,
    style: Style,
    /// "toàn huyện", …
    area: String,
}

impl Words<'_> {
    fn entry(&self, c: &CubeCell) -> Option<&CatalogueEntry> {
        self.catalogue.get(&c.key.indicator)
    }

    /// The indicator's label: the catalogue's, the built-in's, or its id.
    fn label(&self, c: &CubeCell) -> String {
        if let Some(l) = self.entry(c).and_then(|e| e.label.clone()) {
            return l;
        }
        match c.key.indicator.builtin() {
            Some(b) => vi::label(b).to_owned(),
            None => c.key.indicator.as_str().to_owned(),
        }
    }

    /// The wording: the catalogue's, else the built-in's table.
    fn wording(&self, c: &CubeCell) -> Option<Wording> {
        if let Some(w) = self.entry(c).and_then(|e| e.wording.clone()) {
            return Some(w);
        }
        c.key.indicator.builtin().map(vi::builtin_wording)
    }

    /// The unit word of a count: the wording's, the entry's, the built-in's.
    fn unit_word(&self, c: &CubeCell) -> String {
        self.wording(c)
            .and_then(|w| w.unit_word)
            .or_else(|| self.entry(c).and_then(|e| e.unit_word.clone()))
            .unwrap_or_default()
    }

    /// The value as the report writes it.
    fn value(&self, c: &CubeCell) -> String {
        match (&c.value, &c.stated) {
            (CellValue::Count(_), Some(FigureValue::Count(r))) => notation::reported(*r),
            (CellValue::Count(i), _) => notation::interval(*i, self.style),
            (CellValue::Amount { .. }, Some(FigureValue::Amount(a))) => stated_amount(a),
            (CellValue::Amount { value, unit }, _) => format!(
                "{} {}",
                notation::amount_interval(*value, self.style),
                unit.as_str()
            ),
            (CellValue::Rate(r), _) => {
                let word = notation::word(Word::default_for(r.qualifier));
                let p = format!("{}%", notation::decimal(r.percent.normalize()));
                if word.is_empty() {
                    p
                } else {
                    format!("{word} {p}")
                }
            }
            (CellValue::Ratio(r), _) => {
                format!("{}/{}", notation::reported(r.num), notation::count(r.den))
            }
            (CellValue::Duration(d), _) => {
                format!("{} {}", notation::decimal(d.duration), d.unit.as_str())
            }
            (CellValue::Times(f), _) => format!("gấp {} lần", notation::decimal(f.normalize())),
        }
    }

    /// "12 mô hình “Dân vận khéo”", "5 căn nhà đại đoàn kết": a count with its unit word and noun.
    fn counted(value: &str, unit_word: &str, noun: &str) -> String {
        if unit_word.is_empty() || noun.starts_with(unit_word) {
            join_words(&[value, noun])
        } else if noun.is_empty() || noun == unit_word {
            join_words(&[value, unit_word])
        } else {
            join_words(&[value, unit_word, noun])
        }
    }

    /// The words of a cell's dimension values (those not in `except`).
    fn dims(&self, c: &CubeCell, except: Option<&CubeCell>) -> Vec<String> {
        c.key
            .dims
            .iter()
            .filter(|(d, v)| except.map_or(true, |w| w.key.dims.get(*d) != Some(*v)))
            .map(|(d, v)| match vi::dimension_value(d.as_str(), v.as_str()) {
                Some(w) => w.to_owned(),
                // A declared value: its declared words; else the dimension's
                // label, then the value's id as written.
                None if self.cube.value_label(d, v).is_some() => {
                    self.cube.value_label(d, v).unwrap_or_default().to_owned()
                }
                None => match self.cube.dimension_label(d) {
                    Some(label) => format!("{label}: {}", v.as_str()),
                    None => format!("{} {}", d.as_str(), v.as_str()),
                },
            })
            .collect()
    }

    /// "được … khen thưởng".
    fn awarded_by(&self, a: &AwardedBy) -> String {
        let mut who: Vec<String> = Vec::new();
        if let Some(actor) = a.actor {
            let w = vi::actor(actor);
            if !w.is_empty() {
                who.push(w.to_owned());
            }
        }
        // A unit named by code only (an ancestor of the root) is worded by its level.
        let named = a
            .unit
            .and_then(|u| self.cube.hierarchy().get(&u))
            .filter(|x| x.name() != x.code().to_string());
        if let Some(x) = named {
            who.push(x.name().to_owned());
        } else if let Some(l) = a.level.or_else(|| a.unit.map(|u| u.level())) {
            who.push(vi::level(l).to_owned());
        }
        format!("được {} khen thưởng", who.join(" "))
    }

    /// The qualifiers after a value: dimension values, names, awarded-by.
    fn tail(&self, c: &CubeCell) -> String {
        let mut out = String::new();
        let dims = self.dims(c, None);
        if !dims.is_empty() {
            out.push_str(&format!(" ({})", dims.join("; ")));
        }
        if !c.named.is_empty() {
            out.push_str(&format!(" gồm: {}", c.named.join(", ")));
        }
        if let Some(a) = &c.key.awarded_by {
            out.push(' ');
            out.push_str(&self.awarded_by(a));
        }
        out
    }

    /// A part after "trong đó": its value, unit word and what sets it apart.
    fn part(&self, whole: &CubeCell, p: &CubeCell) -> String {
        let value = self.value(p);
        let mut text = match p.value {
            CellValue::Count(_) => Words::counted(&value, &self.unit_word(whole), ""),
            _ => value,
        };
        let mut apart = self.dims(p, Some(whole));
        if p.key.actor != whole.key.actor {
            let a = vi::actor_set(&p.key.actor);
            if !a.is_empty() {
                apart.push(a);
            }
        }
        if let Some(l) = &p.label {
            apart.push(l.clone());
        }
        if !apart.is_empty() {
            text.push_str(&format!(" ({})", apart.join("; ")));
        }
        text
    }

    /// The sentence of a cell (and its parts).
    fn statement(&self, id: CellId, c: &CubeCell, parts: &[CellId]) -> Statement {
        let subject = vi::actor_set(&c.key.actor);
        let label = self.label(c);
        let value = self.value(c);
        let wording = self.wording(c).filter(|w| w.verb.is_some());
        let unit_word = self.unit_word(c);
        let noun = wording
            .as_ref()
            .and_then(|w| w.noun.clone())
            .unwrap_or_else(|| label.clone());
        // A noun-led clause names whose figure it is after the noun.
        let whose = if subject.is_empty() {
            format!("{noun} {}", self.area)
        } else {
            format!("{noun} của {subject}")
        };
        let (clause, plain) = match (&wording, &c.key.change) {
            (_, Some(change)) => {
                let compared = period_words(&change.compared_to);
                let clause = match change.direction {
                    ChangeDirection::Times => format!("số {whose} {value} so với {compared}"),
                    ChangeDirection::Increase | ChangeDirection::Decrease => {
                        let verb = if change.direction == ChangeDirection::Increase {
                            "tăng"
                        } else {
                            "giảm"
                        };
                        let size = match c.value {
                            CellValue::Count(_) => join_words(&[&value, &unit_word]),
                            _ => value.clone(),
                        };
                        format!("số {whose} {verb} {size} so với {compared}")
                    }
                };
                (format!("{clause}{}", self.tail(c)), true)
            }
            (Some(w), None) => {
                let verb = w.verb.clone().unwrap_or_default();
                let verb = if c.key.additional {
                    format!("{verb} thêm")
                } else {
                    verb
                };
                let of_target = self
                    .entry(c)
                    .is_some_and(|e| e.value == ValueSpec::RateOfTarget);
                let (body, plain) = match c.value {
                    CellValue::Count(_) => (
                        format!("{verb} {}", Words::counted(&value, &unit_word, &noun)),
                        false,
                    ),
                    CellValue::Amount { .. } => (format!("{verb} {noun} {value}"), false),
                    CellValue::Rate(_) if of_target => {
                        (format!("{whose} đạt {value} chỉ tiêu"), true)
                    }
                    CellValue::Rate(_) => (format!("{whose} đạt {value}"), true),
                    CellValue::Ratio(_) => (
                        format!("{whose}: {}", join_words(&[&value, &unit_word])),
                        true,
                    ),
                    _ => (format!("{whose}: {value}"), true),
                };
                (format!("{body}{}", self.tail(c)), plain)
            }
            (None, None) => {
                let mut head = label.clone();
                if c.key.additional {
                    head.push_str(" (thêm)");
                }
                if !subject.is_empty() {
                    head.push_str(&format!(" ({subject})"));
                }
                let v = match c.value {
                    CellValue::Count(_) | CellValue::Ratio(_) => join_words(&[&value, &unit_word]),
                    _ => value.clone(),
                };
                (format!("{head}: {v}{}", self.tail(c)), true)
            }
        };
        let clause = if parts.is_empty() {
            clause
        } else {
            let complete = parts
                .first()
                .and_then(|p| self.cube.cell(*p))
                .is_some_and(|p| p.part_complete);
            let lead = if complete {
                "trong đó"
            } else {
                "trong đó có"
            };
            let items: Vec<String> = parts
                .iter()
                .filter_map(|p| self.cube.cell(*p))
                .map(|p| self.part(c, p))
                .collect();
            format!("{clause}, {lead} {}", items.join(", "))
        };
        let mut cells = vec![id];
        cells.extend_from_slice(parts);
        Statement {
            cells,
            subject: if plain { String::new() } else { subject },
            clause,
            plain,
        }
    }

    /// The display row of a cell.
    fn row(&self, id: CellId, c: &CubeCell, stated_in: StatedIn) -> DisplayRow {
        let h = self.cube.hierarchy();
        let unit = h.get(&c.key.unit);
        let (low, high, tone, estimate) = match &c.value {
            CellValue::Count(i) => (
                Some(i.low().to_string()),
                i.high().map(|x| x.to_string()),
                Some(i.tone()),
                i.estimate().map(|x| x.to_string()),
            ),
            CellValue::Amount { value, .. } => (
                Some(value.low().get().normalize().to_string()),
                value.high().map(|x| x.get().normalize().to_string()),
                Some(value.tone()),
                value.estimate().map(|x| x.get().normalize().to_string()),
            ),
            _ => (None, None, None, None),
        };
        let mut dims = self.dims(c, None);
        if let Some(l) = &c.label {
            dims.push(l.clone());
        }
        if let Some(change) = &c.key.change {
            let what = match change.direction {
                ChangeDirection::Increase => "tăng",
                ChangeDirection::Decrease => "giảm",
                ChangeDirection::Times => "gấp",
            };
            dims.push(format!(
                "{what} so với {}",
                period_words(&change.compared_to)
            ));
        }
        if c.key.additional {
            dims.push("thêm".to_owned());
        }
        if let Some(a) = &c.key.awarded_by {
            dims.push(self.awarded_by(a));
        }
        let value = match c.value {
            CellValue::Count(_) => join_words(&[&self.value(c), &self.unit_word(c)]),
            _ => self.value(c),
        };
        DisplayRow {
            cell: id.0,
            unit: c.key.unit.to_string(),
            unit_name: unit.map(|u| u.name().to_owned()).unwrap_or_default(),
            level: unit
                .map(|u| u.level().as_str().to_owned())
                .unwrap_or_default(),
            period: figure_period_words(&c.key.period),
            indicator: c.key.indicator.as_str().to_owned(),
            label: self.label(c),
            actor: vi::actor_set(&c.key.actor),
            dims: dims.join("; "),
            low,
            high,
            tone,
            estimate,
            value,
            origin: c.origin.as_str().to_owned(),
            complete: c.complete,
            conflict: c.conflict,
            stated_in,
        }
    }
}

/// Words joined by one space, empty ones left out.
fn join_words(words: &[&str]) -> String {
    words
        .iter()
        .filter(|w| !w.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// An amount as the report stated it: its word, the number as written, the
/// scale word, the unit ("gần 1,7 tỷ đồng").
fn stated_amount(a: &AmountValue) -> String {
    let text = notation::measure(a.stated());
    let Some(scale) = a.scale() else {
        return text;
    };
    let unit = a.stated().unit().as_str();
    let scale = match scale {
        ScaleWord::Thousand => "nghìn",
        ScaleWord::Million => "triệu",
        ScaleWord::Billion => "tỷ",
    };
    match text.strip_suffix(unit) {
        Some(head) => format!("{head}{scale} {unit}"),
        None => format!("{text} ({scale})"),
    }
}

/// The first letter upper-case.
fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The last day of a month.
fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year.checked_add(1)?, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

/// How a period of dates is named, and whether a heading says "Trong" before it.
fn dates_words(p: Period) -> (String, bool) {
    let (s, e) = (p.start(), p.end());
    let whole_years = s.month() == 1 && s.day() == 1 && e.month() == 12 && e.day() == 31;
    if s == e {
        return (format!("ngày {}", notation::date(s)), false);
    }
    if whole_years && s.year() == e.year() {
        return (format!("năm {}", s.year()), false);
    }
    if whole_years {
        return (format!("từ năm {} đến năm {}", s.year(), e.year()), false);
    }
    if s.day() == 1 && s.year() == e.year() {
        let months = (1..=12u32)
            .find(|k| s.month() + k - 1 <= 12 && month_end(s.year(), s.month() + k - 1) == Some(e));
        let y = s.year();
        let m = s.month();
        match months {
            Some(1) => return (format!("tháng {m}/{y}"), true),
            Some(3) if (m - 1) % 3 == 0 => {
                let q = ["I", "II", "III", "IV"]
                    .get(((m - 1) / 3) as usize)
                    .copied()
                    .unwrap_or("");
                return (format!("quý {q}/{y}"), true);
            }
            Some(6) if m == 1 => return (format!("6 tháng đầu năm {y}"), true),
            Some(6) if m == 7 => return (format!("6 tháng cuối năm {y}"), true),
            Some(9) if m == 1 => return (format!("9 tháng đầu năm {y}"), true),
            _ => {}
        }
    }
    (
        format!(
            "từ ngày {} đến ngày {}",
            notation::date(s),
            notation::date(e)
        ),
        false,
    )
}

/// A compared period in words ("năm 2022", "quý II/2016").
fn period_words(p: &Period) -> String {
    dates_words(*p).0
}

/// A figure's period in words, lower-case.
fn figure_period_words(p: &FigurePeriod) -> String {
    match p {
        FigurePeriod::Dates(d) => dates_words(*d).0,
        FigurePeriod::ToDate { start, to_date } => {
            if start.month() == 1 && start.day() == 1 && start.year() == to_date.year() {
                format!(
                    "năm {} (tính đến ngày {:02}/{:02})",
                    start.year(),
                    to_date.day(),
                    to_date.month()
                )
            } else {
                format!(
                    "từ ngày {} đến ngày {}",
                    notation::date(*start),
                    notation::date(*to_date)
                )
            }
        }
        FigurePeriod::Since { start } => {
            if start.month() == 1 && start.day() == 1 {
                format!("từ năm {} đến nay", start.year())
            } else {
                format!("từ ngày {} đến nay", notation::date(*start))
            }
        }
        FigurePeriod::Unknown => "chưa rõ thời gian".to_owned(),
        FigurePeriod::Years {
            years,
            ending,
            calendar,
        } => match (ending, calendar) {
            (crate::PeriodEnd::Year(y), true) => {
                let first = i32::from(*years).saturating_sub(1);
                format!(
                    "{years} năm, từ năm {} đến năm {y}",
                    y.saturating_sub(first)
                )
            }
            (crate::PeriodEnd::Year(y), false) => format!("{years} năm, đến năm {y}"),
            (crate::PeriodEnd::Date(d), _) => {
                format!("{years} năm, tính đến ngày {}", notation::date(*d))
            }
        },
    }
}

/// A block's heading: "Năm 2024", "Trong quý II/2016", "Từ năm 2011 đến năm
/// 2021", "Năm 2025 (tính đến ngày 15/11)", "Từ năm 2011 đến nay".
fn heading(p: &FigurePeriod) -> String {
    match p {
        FigurePeriod::Dates(d) => match dates_words(*d) {
            (w, true) => format!("Trong {w}"),
            (w, false) => capitalize(&w),
        },
        other => capitalize(&figure_period_words(other)),
    }
}

/// Writes the report of a plan in Vietnamese: the unit's name, then each
/// period's block (its heading, then one line per section, one sentence per
/// statement). A sentence without an actor speaks of the area ("Toàn huyện
/// xây dựng …"). A unit without any figure of its own says so.
///
/// ```
/// # let d = danvan::DatasetV2::from_json(r#"{"schema": "danvan/dataset/v2", "period": {"start": "2024-01-01", "end": "2024-12-31"},
/// #   "units": [{"code": "30", "name": "Tỉnh A (synthetic)"}]}"#.as_bytes())?;
/// # let cube = danvan::FigureCube::build(&d, &danvan::Catalogue::builtin(), &d.hierarchy()?)?;
/// let plan = danvan::render::plan_report(&cube, &danvan::Catalogue::builtin(), &"30".parse()?, &Default::default())?;
/// assert_eq!(danvan::render::vi::write_report(&plan), "Tỉnh A (synthetic)\n\nToàn tỉnh chưa có số liệu.\n");
/// # Ok::<(), danvan::Error>(())
/// ```
#[must_use]
pub fn write_report(plan: &ReportPlan) -> String {
    let mut out = format!("{}\n", plan.unit_name);
    if plan.blocks.is_empty() {
        out.push_str(&format!("\n{} chưa có số liệu.\n", capitalize(&plan.area)));
        return out;
    }
    for block in &plan.blocks {
        out.push('\n');
        out.push_str(&block.heading);
        out.push('\n');
        for section in &block.sections {
            let sentences: Vec<String> = section
                .statements
                .iter()
                .map(|s| {
                    let body = if s.plain {
                        s.clause.clone()
                    } else if s.subject.is_empty() {
                        format!("{} {}", plan.area, s.clause)
                    } else {
                        format!("{} {}", s.subject, s.clause)
                    };
                    format!("{}.", capitalize(&body))
                })
                .collect();
            out.push_str(&sentences.join(" "));
            out.push('\n');
        }
    }
    out
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

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn dates(s: NaiveDate, e: NaiveDate) -> FigurePeriod {
        FigurePeriod::Dates(Period::new(s, e).unwrap())
    }

    #[test]
    fn headings_come_from_the_period() {
        assert_eq!(
            heading(&dates(day(2024, 1, 1), day(2024, 12, 31))),
            "Năm 2024"
        );
        assert_eq!(
            heading(&dates(day(2016, 4, 1), day(2016, 6, 30))),
            "Trong quý II/2016"
        );
        assert_eq!(
            heading(&dates(day(2011, 1, 1), day(2021, 12, 31))),
            "Từ năm 2011 đến năm 2021"
        );
        assert_eq!(
            heading(&FigurePeriod::ToDate {
                start: day(2025, 1, 1),
                to_date: day(2025, 11, 15)
            }),
            "Năm 2025 (tính đến ngày 15/11)"
        );
        assert_eq!(
            heading(&FigurePeriod::Since {
                start: day(2011, 1, 1)
            }),
            "Từ năm 2011 đến nay"
        );
        assert_eq!(
            heading(&dates(day(2025, 1, 1), day(2025, 6, 30))),
            "Trong 6 tháng đầu năm 2025"
        );
        assert_eq!(
            heading(&dates(day(2024, 2, 1), day(2024, 2, 29))),
            "Trong tháng 2/2024"
        );
        assert_eq!(
            heading(&dates(day(2024, 2, 3), day(2024, 5, 9))),
            "Từ ngày 03/02/2024 đến ngày 09/05/2024"
        );
        assert_eq!(heading(&FigurePeriod::Unknown), "Chưa rõ thời gian");
        assert_eq!(
            heading(&dates(day(2023, 10, 7), day(2023, 10, 7))),
            "Ngày 07/10/2023"
        );
    }

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

    #[test]
    fn stated_amounts_keep_their_scale_word() {
        let a: AmountValue = serde_json::from_str(
            r#"{"amount": "1.7", "scale": "tỷ", "unit": "đồng", "qualifier": "at_most"}"#,
        )
        .unwrap();
        assert_eq!(stated_amount(&a), "không quá 1,7 tỷ đồng");
        let b: AmountValue = serde_json::from_str(r#"{"amount": "250", "unit": "m²"}"#).unwrap();
        assert_eq!(stated_amount(&b), "250 m²");
        assert_eq!(capitalize("đoàn"), "Đoàn");
    }
}
