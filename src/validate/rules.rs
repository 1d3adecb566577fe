use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use unicode_normalization::UnicodeNormalization;

use std::ops::ControlFlow;

use super::report::{Path, Report, Severity};
use crate::lookup::UnitMap;
use crate::record::index::Resolved;
use crate::record::rules::{check_record, Context, Sink, UnitFacts};
use crate::{
    Actor, Builtin, Dataset, Error, ErrorKind, Hierarchy, IndicatorId, IndicatorKind, Level,
    Period, RecordId, RecordKind, RecordRef, Reported, Unit, UnitCode, ValueType,
};

/// The number of days a month on which heads must receive citizens, by level.
///
/// Quy định 11-QĐi/TW (2019): at least one day a month for the heads of
/// provinces and districts, two days for the heads of communes. Kết luận
/// 215-KL/TW (2025) drops the district level with the districts themselves.
///
/// ```
/// use danvan::{Level, ReceptionNorms};
///
/// let norms = ReceptionNorms::QD_11_2019;
/// assert_eq!(norms.days_for(Level::Commune), Some(2));
/// assert_eq!(norms.days_for(Level::Village), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ReceptionNorms {
    province: u32,
    district: u32,
    commune: u32,
}

impl ReceptionNorms {
    /// The norms of Quy định 11-QĐi/TW: 1 day a month for province and district
    /// heads, 2 for commune heads.
    ///
    /// ```
    /// assert_eq!(danvan::ReceptionNorms::QD_11_2019, danvan::ReceptionNorms::new(1, 1, 2));
    /// ```
    pub const QD_11_2019: ReceptionNorms = ReceptionNorms {
        province: 1,
        district: 1,
        commune: 2,
    };

    /// Norms of a province's own choosing, in days a month (0 turns a level's check off).
    ///
    /// ```
    /// let strict = danvan::ReceptionNorms::new(2, 2, 4);
    /// assert_eq!(strict.days_for(danvan::Level::Province), Some(2));
    /// ```
    #[must_use]
    pub const fn new(province: u32, district: u32, commune: u32) -> ReceptionNorms {
        ReceptionNorms {
            province,
            district,
            commune,
        }
    }

    /// The days a month asked of the head of a unit at `level`, if any.
    ///
    /// ```
    /// assert_eq!(danvan::ReceptionNorms::QD_11_2019.days_for(danvan::Level::District), Some(1));
    /// ```
    #[must_use]
    pub const fn days_for(self, level: Level) -> Option<u32> {
        let days = match level {
            Level::Province => self.province,
            Level::District => self.district,
            Level::Commune => self.commune,
            Level::Village => 0,
        };
        if days == 0 {
            None
        } else {
            Some(days)
        }
    }
}

impl Default for ReceptionNorms {
    fn default() -> ReceptionNorms {
        ReceptionNorms::QD_11_2019
    }
}

/// Options of [`check`].
///
/// ```
/// let opts = danvan::CheckOptions::default()
///     .with_reception_norms(danvan::ReceptionNorms::new(1, 1, 1));
/// assert_eq!(opts.reception_norms.days_for(danvan::Level::Commune), Some(1));
/// assert_eq!(opts.max_issues, 1000);
/// ```
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckOptions {
    /// The citizen-reception norms; Quy định 11-QĐi/TW by default.
    pub reception_norms: ReceptionNorms,
    /// The most issues a [`Report`] lists; 1 000 by default
    /// ([`CheckOptions::DEFAULT_MAX_ISSUES`]).
    ///
    /// Past it, issues are counted, not kept: the report ends with one
    /// [`ErrorKind::IssuesLeftOut`] per code left out, with its count, an
    /// error when any issue it stands for is an error. So every kind of
    /// problem is still named, a capped report of errors still rejects the
    /// dataset, and a check's memory stays bounded however many records
    /// break a rule. `usize::MAX` lists every issue.
    ///
    /// It is an option of the check, not one of the reader's
    /// [`Limits`](crate::Limits): it bounds what the check gives back, for a
    /// document that the reader's limits already accepted.
    pub max_issues: usize,
}

impl Default for CheckOptions {
    fn default() -> CheckOptions {
        CheckOptions {
            reception_norms: ReceptionNorms::default(),
            max_issues: CheckOptions::DEFAULT_MAX_ISSUES,
        }
    }
}

impl CheckOptions {
    /// The default most issues listed: 1 000.
    ///
    /// ```
    /// assert_eq!(danvan::CheckOptions::default().max_issues, danvan::CheckOptions::DEFAULT_MAX_ISSUES);
    /// ```
    pub const DEFAULT_MAX_ISSUES: usize = 1000;

    /// These options with another most issues listed.
    ///
    /// ```
    /// use danvan::{CheckOptions, ErrorKind};
    ///
    /// let json = r#"{"schema": "danvan/dataset/v1",
    ///   "period": {"start": "2022-01-01", "end": "2022-12-31"},
    ///   "units": [{"code": "30", "name": "Tỉnh Hải Dương"}],
    ///   "blocks": [{"unit": "31"}, {"unit": "32"}, {"unit": "33"}]}"#;
    /// let dataset = danvan::Dataset::from_json(json.as_bytes())?;
    /// let opts = CheckOptions::default().with_max_issues(1);
    /// let report = danvan::check_with_units(dataset, vec![], &opts).unwrap_err();
    /// assert_eq!(report.len(), 2);
    /// assert_eq!(report.issues()[0].code(), "DV063");
    /// assert_eq!(report.issues()[1].to_string(), "error DV126 2 more issues of code DV063 left out (max_issues)");
    /// assert!(report.has_errors());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn with_max_issues(mut self, max: usize) -> CheckOptions {
        self.max_issues = max;
        self
    }

    /// These options with other reception norms.
    ///
    /// ```
    /// let opts = danvan::CheckOptions::default().with_reception_norms(danvan::ReceptionNorms::QD_11_2019);
    /// assert_eq!(opts, danvan::CheckOptions::default());
    /// ```
    #[must_use]
    pub fn with_reception_norms(mut self, norms: ReceptionNorms) -> CheckOptions {
        self.reception_norms = norms;
        self
    }
}

/// A dataset that passed [`check`]: every unit reference resolves, every rule
/// holds. Only a checked dataset can be totalled.
///
/// ```
/// let dataset = danvan::Dataset::new(danvan::Period::year(2022)?);
/// let checked = danvan::check(dataset).map_err(|r| r.to_string()).unwrap();
/// assert!(checked.warnings().is_empty());
/// assert_eq!(checked.hierarchy().len(), 0);
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Checked {
    dataset: Dataset,
    hierarchy: Hierarchy,
    warnings: Report,
    /// The records resolved for the fold (unit indices, shapes, values).
    resolved: Resolved,
}

impl Checked {
    /// The dataset.
    ///
    /// ```
    /// # let checked = danvan::check(danvan::Dataset::new(danvan::Period::year(2022)?)).unwrap();
    /// assert_eq!(checked.dataset().period, danvan::Period::year(2022)?);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// The units of the dataset (those of the units file, then the inline ones).
    ///
    /// ```
    /// # let checked = danvan::check(danvan::Dataset::new(danvan::Period::year(2022)?)).unwrap();
    /// assert!(checked.hierarchy().is_empty());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn hierarchy(&self) -> &Hierarchy {
        &self.hierarchy
    }

    /// The warnings the check found; a checked dataset has no errors.
    ///
    /// ```
    /// # let checked = danvan::check(danvan::Dataset::new(danvan::Period::year(2022)?)).unwrap();
    /// assert!(!checked.warnings().has_errors());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn warnings(&self) -> &Report {
        &self.warnings
    }

    /// Gives back the dataset and its hierarchy.
    ///
    /// ```
    /// # let checked = danvan::check(danvan::Dataset::new(danvan::Period::year(2022)?)).unwrap();
    /// let (dataset, hierarchy) = checked.into_parts();
    /// assert!(dataset.units.is_empty() && hierarchy.is_empty());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn into_parts(self) -> (Dataset, Hierarchy) {
        (self.dataset, self.hierarchy)
    }

    /// The records resolved for [`Totals::compute`](crate::Totals::compute).
    pub(crate) fn resolved(&self) -> &Resolved {
        &self.resolved
    }
}

/// Checks a self-contained dataset (all its units inline) with the default options.
///
/// # Errors
///
/// Returns the [`Report`] of every issue, warnings included, when any issue is
/// an error: the first [`CheckOptions::DEFAULT_MAX_ISSUES`], then a count of
/// the others per code (see [`CheckOptions::max_issues`]).
///
/// ```
/// let json = r#"{
///     "schema": "danvan/dataset/v1",
///     "period": {"start": "2022-01-01", "end": "2022-12-31"},
///     "units": [{"code": "30", "name": "Tỉnh Hải Dương"}],
///     "clearances": [{"unit": "30", "date": "2022-08-01", "actor": "government", "project": "synthetic",
///                     "households_affected": 140, "households_consenting": 150}]
/// }"#;
/// let report = danvan::check(danvan::Dataset::from_json(json.as_bytes())?).unwrap_err();
/// assert_eq!(
///     report.to_string(),
///     "error DV069 clearances[0].households_consenting: 150 households consenting exceed 140 households affected\n"
/// );
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn check(dataset: Dataset) -> Result<Checked, Report> {
    check_with_units(dataset, Vec::new(), &CheckOptions::default())
}

/// Checks a dataset whose units come partly from a units file the app loaded
/// (`base`), plus those given inline.
///
/// # Errors
///
/// Returns the [`Report`] of every issue when any issue is an error.
///
/// ```
/// let base = vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")];
/// let dataset = danvan::Dataset::new(danvan::Period::year(2022)?);
/// let checked = danvan::check_with_units(dataset, base, &danvan::CheckOptions::default()).unwrap();
/// assert_eq!(checked.hierarchy().len(), 1);
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn check_with_units(
    dataset: Dataset,
    base: Vec<Unit>,
    options: &CheckOptions,
) -> Result<Checked, Report> {
    let base_len = base.len();
    let mut units = base;
    units.extend(dataset.units.iter().cloned());
    let mut found = Found::new(options.max_issues);
    Checker::new(&dataset, &units, base_len, options, &mut found).run();
    if found.has_errors() {
        return Err(found.finish());
    }
    let mut report = found.finish();
    match Hierarchy::new(units) {
        Ok(hierarchy) => match resolve(&dataset, &hierarchy) {
            Ok(resolved) => Ok(Checked {
                dataset,
                hierarchy,
                warnings: report,
                resolved,
            }),
            Err((path, err)) => {
                // The rules above catch what resolving can find; keep the
                // dataset rejected even if a problem escaped them.
                report.push(Severity::Error, path, err.into_kind());
                Err(report)
            }
        },
        Err(err) => {
            // The rules above report every hierarchy problem; keep the dataset
            // rejected even if a problem escaped them.
            report.push(
                Severity::Error,
                Path::root().field("units"),
                err.into_kind(),
            );
            Err(report)
        }
    }
}

/// Resolves every record of `d` (figures aside) against `h`: the index the
/// roll-up reads.
///
/// # Errors
///
/// The path of the first record whose unit is not in `h` or whose
/// contribution overflows (a checked dataset has neither), with the error.
fn resolve(d: &Dataset, h: &Hierarchy) -> Result<Resolved, (Path, Error)> {
    let n = d.record_count().saturating_sub(d.figures.len());
    let mut b = Resolved::builder(h, d.period.end(), n);
    let at = |kind: RecordKind| {
        move |(i, field, e): (usize, Option<&'static str>, Error)| {
            let path = Path::root().field(kind.list()).index(i);
            (field.map_or(path.clone(), |f| path.field(f)), e)
        }
    };
    b.list(&d.blocks, RecordRef::Block)
        .map_err(at(RecordKind::Block))?;
    b.list(&d.teams, RecordRef::Team)
        .map_err(at(RecordKind::Team))?;
    b.list(&d.models, RecordRef::Model)
        .map_err(at(RecordKind::Model))?;
    b.list(&d.conferences, RecordRef::Conference)
        .map_err(at(RecordKind::Conference))?;
    b.list(&d.documents, RecordRef::Document)
        .map_err(at(RecordKind::Document))?;
    b.list(&d.inspections, RecordRef::Inspection)
        .map_err(at(RecordKind::Inspection))?;
    b.list(&d.dialogues, RecordRef::Dialogue)
        .map_err(at(RecordKind::Dialogue))?;
    b.list(&d.receptions, RecordRef::Reception)
        .map_err(at(RecordKind::Reception))?;
    b.list(&d.clearances, RecordRef::Clearance)
        .map_err(at(RecordKind::Clearance))?;
    b.list(&d.awards, RecordRef::Award)
        .map_err(at(RecordKind::Award))?;
    b.finish().map_err(|e| (Path::root(), e))
}

/// Lists every issue of a self-contained dataset, errors and warnings, without
/// keeping the dataset: what a data-entry form calls on every save.
///
/// ```
/// let dataset = danvan::Dataset::new(danvan::Period::year(2022)?);
/// assert!(danvan::validate::report(&dataset).is_empty());
/// # Ok::<(), danvan::Error>(())
/// ```
///
/// The report lists at most [`CheckOptions::DEFAULT_MAX_ISSUES`] issues,
/// then counts the others by code (see [`CheckOptions::max_issues`]).
#[must_use]
pub fn report(dataset: &Dataset) -> Report {
    let options = CheckOptions::default();
    let mut found = Found::new(options.max_issues);
    Checker::new(dataset, &dataset.units, 0, &options, &mut found).run();
    found.finish()
}

/// The issues found so far: the first `max` listed, the others counted by
/// code, so that memory stays bounded while checking.
struct Found {
    report: Report,
    max: usize,
    /// Code → (the most serious severity left out, how many).
    left_out: BTreeMap<crate::Code, (Severity, u64)>,
}

impl Found {
    fn new(max: usize) -> Found {
        Found {
            report: Report::default(),
            max,
            left_out: BTreeMap::new(),
        }
    }

    fn push(&mut self, severity: Severity, path: Path, kind: ErrorKind) {
        if self.report.len() < self.max {
            self.report.push(severity, path, kind);
            return;
        }
        let entry = self.left_out.entry(kind.code()).or_insert((severity, 0));
        if severity == Severity::Error {
            entry.0 = Severity::Error;
        }
        entry.1 = entry.1.saturating_add(1);
    }

    fn has_errors(&self) -> bool {
        self.report.has_errors() || self.left_out.values().any(|(s, _)| *s == Severity::Error)
    }

    /// The report: the issues listed, then one issue per code left out.
    fn finish(self) -> Report {
        let mut report = self.report;
        for (code, (severity, count)) in self.left_out {
            report.push(
                severity,
                Path::root(),
                ErrorKind::IssuesLeftOut { code, count },
            );
        }
        report
    }
}

/// The periods of figures, each with the figure's position.
type PeriodsOf = Vec<(Period, usize)>;

/// Distinct reception days per (year, month).
type DaysByMonth = BTreeMap<(i32, u32), HashSet<NaiveDate>>;

/// The figure (position, value) of each model stage, in stage order.
type StageSlots = [Option<(usize, Reported)>; 5];

/// What the rules look up while checking a dataset: its units (the last
/// given with a code), its period and its indicators.
struct Lookups<'a> {
    d: &'a Dataset,
    units: &'a [Unit],
    /// Unit code → position in `infos`.
    by_code: UnitMap,
    infos: Vec<UnitFacts>,
}

impl Lookups<'_> {
    fn unit_info(&self, code: &UnitCode) -> Option<&UnitFacts> {
        self.infos.get(self.by_code.get(code)? as usize)
    }

    fn unit_of(&self, code: &UnitCode) -> Option<&Unit> {
        self.units.get(self.by_code.get(code)? as usize)
    }
}

impl Context for Lookups<'_> {
    type Handle = ();

    fn unit(&self, code: &UnitCode) -> Option<((), UnitFacts)> {
        self.unit_info(code).map(|f| ((), *f))
    }

    fn period(&self) -> Period {
        self.d.period
    }

    fn indicator(&self, id: &IndicatorId) -> Option<(IndicatorKind, ValueType)> {
        if let Some(b) = id.builtin() {
            return Some((b.kind(), b.value_type()));
        }
        self.d
            .indicators
            .iter()
            .find(|def| &def.id == id)
            .map(|def| (def.kind, def.values))
    }
}

/// A sink that keeps every issue of one record, at the record's path.
struct Collect<'r> {
    report: &'r mut Found,
    at: Path,
}

impl Sink for Collect<'_> {
    fn error(&mut self, field: Option<&'static str>, kind: ErrorKind) -> ControlFlow<()> {
        let path = match field {
            Some(f) => self.at.clone().field(f),
            None => self.at.clone(),
        };
        self.report.push(Severity::Error, path, kind);
        ControlFlow::Continue(())
    }
}

struct Checker<'a> {
    units: &'a [Unit],
    base_len: usize,
    options: &'a CheckOptions,
    report: &'a mut Found,
    look: Lookups<'a>,
}

fn code_text(code: &UnitCode) -> String {
    code.to_string()
}

impl<'a> Checker<'a> {
    fn new(
        d: &'a Dataset,
        units: &'a [Unit],
        base_len: usize,
        options: &'a CheckOptions,
        report: &'a mut Found,
    ) -> Checker<'a> {
        let infos: Vec<UnitFacts> = units.iter().map(UnitFacts::of).collect();
        let mut by_code = UnitMap::default();
        for (i, u) in units.iter().enumerate() {
            // More units than u32::MAX are rejected by the hierarchy rules.
            by_code.insert(u.code(), u32::try_from(i).unwrap_or(u32::MAX));
        }
        Checker {
            units,
            base_len,
            options,
            report,
            look: Lookups {
                d,
                units,
                by_code,
                infos,
            },
        }
    }

    fn error(&mut self, path: Path, kind: ErrorKind) {
        self.report.push(Severity::Error, path, kind);
    }

    fn warning(&mut self, path: Path, kind: ErrorKind) {
        self.report.push(Severity::Warning, path, kind);
    }

    fn run(mut self) {
        let d = self.look.d;
        self.units();
        self.indicators();
        self.list(RecordKind::Block, &d.blocks, RecordRef::Block, |x| {
            x.id.as_ref()
        });
        self.one_per_unit("blocks", &d.blocks, |b| {
            (b.unit, b.established, b.dissolved)
        });
        self.list(RecordKind::Team, &d.teams, RecordRef::Team, |x| {
            x.id.as_ref()
        });
        self.one_per_unit("teams", &d.teams, |t| (t.unit, t.established, t.dissolved));
        self.list(RecordKind::Model, &d.models, RecordRef::Model, |x| {
            x.id.as_ref()
        });
        self.list(
            RecordKind::Conference,
            &d.conferences,
            RecordRef::Conference,
            |x| x.id.as_ref(),
        );
        self.list(
            RecordKind::Document,
            &d.documents,
            RecordRef::Document,
            |x| x.id.as_ref(),
        );
        self.list(
            RecordKind::Inspection,
            &d.inspections,
            RecordRef::Inspection,
            |x| x.id.as_ref(),
        );
        self.list(
            RecordKind::Dialogue,
            &d.dialogues,
            RecordRef::Dialogue,
            |x| x.id.as_ref(),
        );
        self.list(
            RecordKind::Reception,
            &d.receptions,
            RecordRef::Reception,
            |x| x.id.as_ref(),
        );
        self.reception_norms();
        self.list(
            RecordKind::Clearance,
            &d.clearances,
            RecordRef::Clearance,
            |x| x.id.as_ref(),
        );
        self.list(RecordKind::Award, &d.awards, RecordRef::Award, |x| {
            x.id.as_ref()
        });
        self.plan();
        self.list(RecordKind::Figure, &d.figures, RecordRef::Figure, |_| None);
        self.figures();
    }

    /// A list of records: duplicate ids, then each record's own rules.
    fn list<'r, T: 'r>(
        &mut self,
        kind: RecordKind,
        items: &'r [T],
        as_ref: impl Fn(&'r T) -> RecordRef<'r>,
        id: impl Fn(&'r T) -> Option<&'r RecordId>,
    ) {
        self.duplicate_ids(kind.list(), items.iter().map(id));
        for (i, x) in items.iter().enumerate() {
            let mut sink = Collect {
                report: &mut *self.report,
                at: Path::root().field(kind.list()).index(i),
            };
            // A collecting sink never stops.
            let _ = check_record(as_ref(x), &self.look, &mut sink);
        }
    }

    /// The path of the `i`-th unit of the combined list: in the units file or inline.
    fn unit_path(&self, i: usize) -> Path {
        match i.checked_sub(self.base_len) {
            Some(inline) => Path::root().field("units").index(inline),
            None => Path::root().field("units_file").index(i),
        }
    }

    fn units(&mut self) {
        for (i, err) in Hierarchy::problems(self.units) {
            let path = self.unit_path(i);
            self.error(path, err.into_kind());
        }
        // Sibling names compared after NFC: text typed on different systems
        // arrives as NFC or NFD and must not hide a duplicate.
        let mut seen: HashMap<(Option<UnitCode>, String), usize> = HashMap::new();
        for (i, u) in self.units.iter().enumerate() {
            // A unit built in code with a name that says nothing: the
            // reader refuses it, so the check does before it is written.
            if crate::unit::name_is_empty(u.name()) {
                let path = self.unit_path(i).field("name");
                self.error(
                    path,
                    ErrorKind::UnitEntryInvalid {
                        code: code_text(&u.code()).as_str().into(),
                        why: "its name is empty or only whitespace: expected the unit's name",
                    },
                );
                continue;
            }
            let key = (u.parent(), u.name().nfc().collect::<String>());
            if let Some(&first) = seen.get(&key) {
                let path = self.unit_path(i).field("name");
                self.warning(
                    path,
                    ErrorKind::DuplicateName {
                        name: (&key.1).into(),
                        first: self.unit_path(first).to_string(),
                    },
                );
            } else {
                seen.insert(key, i);
            }
        }
    }

    /// A unit named outside a record (the plan's): it exists.
    fn known_unit(&mut self, path: Path, code: &UnitCode) {
        if self.look.unit_info(code).is_none() {
            self.error(
                path,
                ErrorKind::UnknownUnit {
                    code: code_text(code),
                },
            );
        }
    }

    fn duplicate_ids<'r>(
        &mut self,
        list: &'static str,
        ids: impl Iterator<Item = Option<&'r RecordId>>,
    ) {
        let mut seen: HashMap<&RecordId, usize> = HashMap::new();
        for (i, id) in ids.enumerate() {
            let Some(id) = id else { continue };
            if let Some(&first) = seen.get(id) {
                self.error(
                    Path::root().field(list).index(i).field("id"),
                    ErrorKind::DuplicateId {
                        id: id.to_string(),
                        first,
                    },
                );
            } else {
                seen.insert(id, i);
            }
        }
    }

    /// Reports a second living body on one unit (blocks per commune, teams per village).
    ///
    /// It reads the records in place (no copy of the list: a document of
    /// millions of blocks is checked in little more than its own memory).
    fn one_per_unit<T>(
        &mut self,
        list: &'static str,
        records: &[T],
        living: impl Fn(&T) -> (UnitCode, Option<NaiveDate>, Option<NaiveDate>),
    ) {
        let mut by_unit: HashMap<UnitCode, Vec<usize>> = HashMap::new();
        for (i, x) in records.iter().enumerate() {
            by_unit.entry(living(x).0).or_default().push(i);
        }
        for (i, (unit, est, dis)) in records.iter().map(&living).enumerate() {
            let Some(others) = by_unit.get(&unit) else {
                continue;
            };
            let first = others.iter().copied().take_while(|&j| j < i).find(|&j| {
                records.get(j).map(&living).is_some_and(|(_, e2, d2)| {
                    // [est, dis) and [e2, d2) overlap.
                    let a_before_b_ends = match (est, d2) {
                        (Some(a), Some(b)) => a < b,
                        _ => true,
                    };
                    let b_before_a_ends = match (e2, dis) {
                        (Some(a), Some(b)) => a < b,
                        _ => true,
                    };
                    a_before_b_ends && b_before_a_ends
                })
            });
            if let Some(first) = first {
                let kind = if list == "blocks" {
                    ErrorKind::SecondBlock {
                        code: code_text(&unit),
                        first,
                    }
                } else {
                    ErrorKind::SecondTeam {
                        code: code_text(&unit),
                        first,
                    }
                };
                self.error(Path::root().field(list).index(i).field("unit"), kind);
            }
        }
    }

    fn indicators(&mut self) {
        let d = self.look.d;
        let mut seen: HashMap<&IndicatorId, usize> = HashMap::new();
        for (i, def) in d.indicators.iter().enumerate() {
            let path = Path::root().field("indicators").index(i).field("id");
            if def.id.builtin().is_some() {
                self.error(
                    path,
                    ErrorKind::BuiltinIndicatorRedeclared {
                        id: def.id.to_string(),
                    },
                );
            } else if let Some(&first) = seen.get(&def.id) {
                self.error(
                    path,
                    ErrorKind::DuplicateId {
                        id: def.id.to_string(),
                        first,
                    },
                );
            } else {
                seen.insert(&def.id, i);
            }
        }
    }

    /// The citizen-reception norms, over the receptions of each unit and actor.
    fn reception_norms(&mut self) {
        let d = self.look.d;
        // (unit, actor) → (first record, distinct days per month): the head of
        // the Party committee and the head of the government are held to the
        // norm each on their own days.
        let mut days: BTreeMap<(UnitCode, Actor), (usize, DaysByMonth)> = BTreeMap::new();
        for (i, x) in d.receptions.iter().enumerate() {
            let entry = days
                .entry((x.unit, x.actor))
                .or_insert_with(|| (i, BTreeMap::new()));
            entry
                .1
                .entry((x.date.year(), x.date.month()))
                .or_default()
                .insert(x.date);
        }
        // Only units that report receptions are held to the norm, and only for
        // the whole calendar months of the period in which the unit existed.
        let months = whole_months(d.period);
        for ((unit, actor), (first, per_month)) in days {
            let Some(info) = self.look.unit_of(&unit) else {
                continue;
            };
            let Some(norm) = self.options.reception_norms.days_for(info.level()) else {
                continue;
            };
            let (from, to) = (info.valid_from(), info.valid_to());
            let mut below = Vec::new();
            for &(y, m) in &months {
                let Ok(month) = Period::month(y, m) else {
                    continue;
                };
                let existed = from.map_or(true, |f| f <= month.start())
                    && to.map_or(true, |t| month.end() <= t);
                let got = per_month.get(&(y, m)).map_or(0, HashSet::len);
                if existed && (got as u64) < u64::from(norm) {
                    below.push((y, m, got));
                }
            }
            for (y, m, got) in below {
                self.warning(
                    Path::root().field("receptions").index(first).field("unit"),
                    ErrorKind::ReceptionBelowNorm {
                        code: code_text(&unit),
                        actor: actor.as_str(),
                        month: format!("{y:04}-{m:02}"),
                        days: got,
                        norm,
                    },
                );
            }
        }
    }
    fn plan(&mut self) {
        let Some(plan) = &self.look.d.plan else {
            return;
        };
        let root = Path::root().field("plan");
        self.known_unit(root.clone().field("unit"), &plan.unit);
        if plan.breakthrough_tasks > plan.key_tasks {
            self.error(
                root.clone().field("breakthrough_tasks"),
                ErrorKind::BreakthroughsExceedKeyTasks {
                    breakthrough: plan.breakthrough_tasks,
                    key: plan.key_tasks,
                },
            );
        }
        let mut criteria: HashSet<&str> = HashSet::new();
        for (i, c) in plan.criteria.iter().enumerate() {
            if !criteria.insert(c.id.as_str()) {
                self.error(
                    root.clone().field("criteria").index(i).field("id"),
                    ErrorKind::DuplicateId {
                        id: c.id.clone(),
                        first: plan.criteria.iter().position(|o| o.id == c.id).unwrap_or(i),
                    },
                );
            }
        }
        let mut listed_key = 0u32;
        let mut listed_breakthrough = 0u32;
        for (i, t) in plan.tasks.iter().enumerate() {
            let path = root.clone().field("tasks").index(i);
            if t.key {
                listed_key = listed_key.saturating_add(1);
            }
            if t.breakthrough {
                listed_breakthrough = listed_breakthrough.saturating_add(1);
                if !t.key {
                    self.error(path.clone().field("key"), ErrorKind::BreakthroughNotKey);
                }
            }
            if let Some(u) = &t.lead_unit {
                self.known_unit(path.clone().field("lead_unit"), u);
            }
            for (j, e) in t.clear.iter().enumerate() {
                if !criteria.contains(e.criterion.as_str()) {
                    self.error(
                        path.clone().field("clear").index(j).field("criterion"),
                        ErrorKind::UnknownCriterion {
                            id: (&e.criterion).into(),
                        },
                    );
                }
            }
        }
        let tasks = root.field("tasks");
        if listed_key > plan.key_tasks {
            self.error(
                tasks.clone(),
                ErrorKind::MoreTasksThanDeclared {
                    what: "key",
                    listed: listed_key,
                    declared: plan.key_tasks,
                },
            );
        }
        if listed_breakthrough > plan.breakthrough_tasks {
            self.error(
                tasks.clone(),
                ErrorKind::MoreTasksThanDeclared {
                    what: "breakthrough",
                    listed: listed_breakthrough,
                    declared: plan.breakthrough_tasks,
                },
            );
        }
        if listed_key < plan.key_tasks {
            self.warning(
                tasks,
                ErrorKind::FewerTasksListed {
                    listed: listed_key,
                    declared: plan.key_tasks,
                },
            );
        }
    }

    /// The rules across figures: duplicates, overlapping flows, stage nesting.
    fn figures(&mut self) {
        let d = self.look.d;
        // (indicator, unit, period, actor) → first figure
        let mut seen: HashMap<(&IndicatorId, UnitCode, Period, Actor), usize> = HashMap::new();
        // (unit, period, actor) → stage → (figure, value)
        let mut stages: BTreeMap<(UnitCode, Period, Actor), StageSlots> = BTreeMap::new();
        // (indicator, unit, actor) → the periods of its flow and distinct figures
        let mut flows: HashMap<(&IndicatorId, UnitCode, Actor), PeriodsOf> = HashMap::new();
        for (i, f) in d.figures.iter().enumerate() {
            let period = f.period.unwrap_or(d.period);
            // A figure without one actor is reported by its own rules.
            let Ok(actor) = f.actor() else { continue };
            let kind = self.look.indicator(&f.indicator).map(|(kind, _)| kind);
            if let Some(IndicatorKind::Flow | IndicatorKind::Distinct) = kind {
                flows
                    .entry((&f.indicator, f.unit, actor))
                    .or_default()
                    .push((period, i));
            }
            let key = (&f.indicator, f.unit, period, actor);
            if let Some(&first) = seen.get(&key) {
                self.error(
                    Path::root().field("figures").index(i),
                    ErrorKind::DuplicateFigure { first },
                );
            } else {
                seen.insert(key, i);
            }
            if let (Some(b), Some(v)) = (f.indicator.builtin(), f.value) {
                if let Some(s) = Builtin::MODEL_STAGES.iter().position(|&x| x == b) {
                    if let Some(slot) = stages
                        .entry((f.unit, period, actor))
                        .or_default()
                        .get_mut(s)
                    {
                        *slot = Some((i, v));
                    }
                }
            }
        }
        for slots in stages.values() {
            self.stages(slots);
        }
        // Flows over overlapping periods would be counted twice; the same
        // period twice is a duplicate, reported above.
        let mut overlaps: Vec<(usize, usize)> = Vec::new();
        for periods in flows.values_mut() {
            periods.sort();
            for pair in periods.windows(2) {
                if let [(a, first), (b, later)] = pair {
                    if a != b && a.overlaps(b) {
                        overlaps.push((*later, *first));
                    }
                }
            }
        }
        overlaps.sort_unstable();
        for (later, first) in overlaps {
            self.error(
                Path::root().field("figures").index(later).field("period"),
                ErrorKind::OverlappingFigures { first },
            );
        }
    }

    /// Each model stage is a subset of the one before: a later stage's figure
    /// may not certainly exceed an earlier one's.
    fn stages(&mut self, slots: &[Option<(usize, Reported)>; 5]) {
        for (later_stage, later) in slots.iter().enumerate() {
            let Some((i, later_value)) = later else {
                continue;
            };
            let earlier = slots
                .iter()
                .enumerate()
                .take(later_stage)
                .filter_map(|(s, e)| e.map(|e| (s, e)))
                .find(|(_, (_, v))| {
                    v.bounds()
                        .1
                        .is_some_and(|high| later_value.bounds().0 > high)
                });
            if let Some((earlier_stage, (_, earlier_value))) = earlier {
                let name = |s: usize| Builtin::MODEL_STAGES.get(s).map_or("", |b| b.id());
                self.error(
                    Path::root().field("figures").index(*i).field("value"),
                    ErrorKind::StagesNotNested {
                        stage: name(later_stage),
                        count: later_value.value().get(),
                        earlier: name(earlier_stage),
                        earlier_count: earlier_value.value().get(),
                    },
                );
            }
        }
    }
}

/// The calendar months wholly inside a period.
fn whole_months(p: Period) -> Vec<(i32, u32)> {
    let mut out = Vec::new();
    let (mut y, mut m) = (p.start().year(), p.start().month());
    // At most a century of months: a longer period holds no one to a monthly norm.
    for _ in 0..1200 {
        let Ok(month) = Period::month(y, m) else {
            break;
        };
        if month.start() > p.end() {
            break;
        }
        if p.contains_period(&month) {
            out.push((y, m));
        }
        if m == 12 {
            y = y.saturating_add(1);
            m = 1;
        } else {
            m += 1;
        }
    }
    out
}

#[cfg(test)]
mod cap_tests {
    use super::*;

    /// A dataset with `units` sibling communes all named alike (a warning
    /// each after the first) and `blocks` blocks on unknown units (an error
    /// each).
    fn dataset(units: usize, blocks: usize) -> Dataset {
        let mut units_json = vec![r#"{"code": "30", "name": "Tỉnh"}"#.to_owned()];
        for i in 0..units {
            units_json.push(format!(
                r#"{{"code": "{}", "name": "Xã", "parent": "30"}}"#,
                10000 + i
            ));
        }
        let blocks_json: Vec<String> = (0..blocks)
            .map(|i| format!(r#"{{"unit": "{}"}}"#, 50000 + i))
            .collect();
        let json = format!(
            r#"{{"schema": "danvan/dataset/v1", "period": {{"start": "2022-01-01", "end": "2022-12-31"}},
               "units": [{}], "blocks": [{}]}}"#,
            units_json.join(","),
            blocks_json.join(",")
        );
        Dataset::from_json(json.as_bytes()).unwrap()
    }

    fn summary(report: &Report) -> Vec<(Severity, String)> {
        report
            .issues()
            .iter()
            .filter(|i| i.code() == "DV126")
            .map(|i| (i.severity(), i.to_string()))
            .collect()
    }

    #[test]
    fn the_first_issues_are_listed_then_each_code_is_counted() {
        let d = dataset(6, 4); // 5 warnings DV087, then 4 errors DV063
        let all = report(&d);
        assert_eq!(all.len(), 9);
        assert!(summary(&all).is_empty());
        let opts = CheckOptions::default().with_max_issues(3);
        let capped = check_with_units(d.clone(), Vec::new(), &opts).unwrap_err();
        assert_eq!(capped.len(), 5);
        assert_eq!(&capped.issues()[..3], &all.issues()[..3]);
        assert_eq!(
            summary(&capped),
            [
                (
                    Severity::Error,
                    "error DV126 4 more issues of code DV063 left out (max_issues)".to_owned()
                ),
                (
                    Severity::Warning,
                    "warning DV126 2 more issues of code DV087 left out (max_issues)".to_owned()
                ),
            ]
        );
        assert_eq!(
            crate::render::vi::message(capped.issues()[3].kind()),
            "còn 4 lỗi/cảnh báo mã DV063 không được liệt kê"
        );
        // Errors stay errors: none listed, the report still rejects.
        let errors_left_out = CheckOptions::default().with_max_issues(5);
        let r = check_with_units(d.clone(), Vec::new(), &errors_left_out).unwrap_err();
        assert_eq!(r.errors().count(), 1);
        let codes: Vec<&str> = r.errors().map(|i| i.code().as_str()).collect();
        assert_eq!(codes, ["DV126"]);
        // Warnings only, left out: the check passes, the warnings name them.
        let ok = check_with_units(dataset(6, 0), Vec::new(), &opts).unwrap();
        assert_eq!(ok.warnings().len(), 4);
        // No cap lists all; a cap of 0 lists only the counts.
        let none = CheckOptions::default().with_max_issues(usize::MAX);
        assert_eq!(
            check_with_units(d.clone(), Vec::new(), &none).unwrap_err(),
            all
        );
        let zero = check_with_units(d, Vec::new(), &CheckOptions::default().with_max_issues(0))
            .unwrap_err();
        assert_eq!(zero.len(), 2);
    }

    #[test]
    fn the_default_cap_is_a_thousand() {
        let r = report(&dataset(0, 1500));
        assert_eq!(r.len(), 1001);
        assert_eq!(
            r.issues()[1000].kind(),
            &ErrorKind::IssuesLeftOut {
                code: r.issues()[0].code(),
                count: 500
            }
        );
    }
}
