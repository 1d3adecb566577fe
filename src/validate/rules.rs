use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use unicode_normalization::UnicodeNormalization;

use super::{Path, Report, Severity};
use crate::aggregate::resolved::Resolved;
use crate::lookup::UnitMap;
use crate::{
    Actor, Builtin, Dataset, ErrorKind, Hierarchy, IndicatorId, IndicatorKind, Level, Period,
    Qualifier, RecordId, Reported, Unit, UnitCode, ValueType,
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
/// ```
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct CheckOptions {
    /// The citizen-reception norms; Quy định 11-QĐi/TW by default.
    pub reception_norms: ReceptionNorms,
}

impl CheckOptions {
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
/// an error.
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
    let mut report = Report::default();
    Checker::new(&dataset, &units, base_len, options, &mut report).run();
    if report.has_errors() {
        return Err(report);
    }
    match Hierarchy::new(units) {
        Ok(hierarchy) => match Resolved::build(&dataset, &hierarchy) {
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

/// Lists every issue of a self-contained dataset, errors and warnings, without
/// keeping the dataset: what a data-entry form calls on every save.
///
/// ```
/// let dataset = danvan::Dataset::new(danvan::Period::year(2022)?);
/// assert!(danvan::validate::report(&dataset).is_empty());
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn report(dataset: &Dataset) -> Report {
    let mut report = Report::default();
    Checker::new(
        dataset,
        &dataset.units,
        0,
        &CheckOptions::default(),
        &mut report,
    )
    .run();
    report
}

/// The periods of figures, each with the figure's position.
type PeriodsOf = Vec<(Period, usize)>;

/// Distinct reception days per (year, month).
type DaysByMonth = BTreeMap<(i32, u32), HashSet<NaiveDate>>;

/// The figure (position, value) of each model stage, in stage order.
type StageSlots = [Option<(usize, Reported)>; 5];

/// What the checker knows of a unit.
struct UnitInfo {
    level: Level,
    valid_from: Option<NaiveDate>,
    valid_to: Option<NaiveDate>,
}

struct Checker<'a> {
    d: &'a Dataset,
    units: &'a [Unit],
    base_len: usize,
    options: &'a CheckOptions,
    report: &'a mut Report,
    /// Unit code → position in `infos` (the last unit given with the code).
    by_code: UnitMap,
    infos: Vec<UnitInfo>,
}

fn code_text(code: &UnitCode) -> String {
    code.to_string()
}

fn level_name(level: Level) -> &'static str {
    match level {
        Level::Province => "province",
        Level::District => "district",
        Level::Commune => "commune",
        Level::Village => "village",
    }
}

fn qualifier_name(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "exact",
        Qualifier::AtLeast => "at_least",
        Qualifier::AtMost => "at_most",
        Qualifier::About => "about",
    }
}

/// Whether two intervals `[low, high]` (`None` = unbounded) share a value.
fn overlap(a: (u64, Option<u64>), b: (u64, Option<u64>)) -> bool {
    b.1.map_or(true, |bh| a.0 <= bh) && a.1.map_or(true, |ah| b.0 <= ah)
}

impl<'a> Checker<'a> {
    fn new(
        d: &'a Dataset,
        units: &'a [Unit],
        base_len: usize,
        options: &'a CheckOptions,
        report: &'a mut Report,
    ) -> Checker<'a> {
        let infos: Vec<UnitInfo> = units
            .iter()
            .map(|u| UnitInfo {
                level: u.code().level(),
                valid_from: u.valid_from(),
                valid_to: u.valid_to(),
            })
            .collect();
        let mut by_code = UnitMap::default();
        for (i, u) in units.iter().enumerate() {
            // More units than u32::MAX are rejected by the hierarchy rules.
            by_code.insert(u.code(), u32::try_from(i).unwrap_or(u32::MAX));
        }
        Checker {
            d,
            units,
            base_len,
            options,
            report,
            by_code,
            infos,
        }
    }

    fn unit_info(&self, code: &UnitCode) -> Option<&UnitInfo> {
        self.infos.get(self.by_code.get(code)? as usize)
    }

    fn error(&mut self, path: Path, kind: ErrorKind) {
        self.report.push(Severity::Error, path, kind);
    }

    fn warning(&mut self, path: Path, kind: ErrorKind) {
        self.report.push(Severity::Warning, path, kind);
    }

    fn run(mut self) {
        self.units();
        self.indicators();
        self.blocks();
        self.teams();
        self.models();
        self.conferences();
        self.documents();
        self.inspections();
        self.dialogues();
        self.receptions();
        self.clearances();
        self.awards();
        self.plan();
        self.figures();
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

    /// Checks a unit reference: it exists, has one of the `expected` levels and
    /// is valid on `date`.
    fn unit_ref(
        &mut self,
        path: Path,
        code: &UnitCode,
        expected: &[Level],
        date: Option<NaiveDate>,
    ) {
        let Some(info) = self.unit_info(code) else {
            self.error(
                path,
                ErrorKind::UnknownUnit {
                    code: code_text(code),
                },
            );
            return;
        };
        let (level, from, to) = (info.level, info.valid_from, info.valid_to);
        if !expected.is_empty() && !expected.contains(&level) {
            self.error(
                path.clone(),
                ErrorKind::WrongLevel {
                    code: code_text(code),
                    level: level_name(level),
                    expected: expected_levels(expected),
                },
            );
        }
        if let Some(date) = date {
            if from.is_some_and(|f| date < f) || to.is_some_and(|t| date > t) {
                self.error(
                    path,
                    ErrorKind::UnitNotValidOn {
                        code: code_text(code),
                        date,
                    },
                );
            }
        }
    }

    fn date_in_period(&mut self, path: Path, date: NaiveDate) {
        let p = self.d.period;
        if !p.contains(date) {
            self.error(
                path,
                ErrorKind::DateOutsidePeriod {
                    date,
                    start: p.start(),
                    end: p.end(),
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

    /// The date a stock is looked at: the period's end.
    fn stock_date(&self) -> NaiveDate {
        self.d.period.end()
    }

    fn established_order(
        &mut self,
        path: Path,
        established: Option<NaiveDate>,
        dissolved: Option<NaiveDate>,
    ) {
        if let (Some(e), Some(d)) = (established, dissolved) {
            if d < e {
                self.error(
                    path,
                    ErrorKind::DissolvedBeforeEstablished {
                        established: e,
                        dissolved: d,
                    },
                );
            }
        }
    }

    /// Reports a second living body on one unit (blocks per commune, teams per village).
    fn one_per_unit(
        &mut self,
        list: &'static str,
        items: Vec<(UnitCode, Option<NaiveDate>, Option<NaiveDate>)>,
    ) {
        let mut by_unit: HashMap<UnitCode, Vec<usize>> = HashMap::new();
        for (i, (unit, _, _)) in items.iter().enumerate() {
            by_unit.entry(*unit).or_default().push(i);
        }
        for (i, (unit, est, dis)) in items.iter().enumerate() {
            let Some(others) = by_unit.get(unit) else {
                continue;
            };
            let first = others.iter().copied().take_while(|&j| j < i).find(|&j| {
                items.get(j).is_some_and(|(_, e2, d2)| {
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
                        code: code_text(unit),
                        first,
                    }
                } else {
                    ErrorKind::SecondTeam {
                        code: code_text(unit),
                        first,
                    }
                };
                self.error(Path::root().field(list).index(i).field("unit"), kind);
            }
        }
    }

    fn indicators(&mut self) {
        let mut seen: HashMap<&IndicatorId, usize> = HashMap::new();
        for (i, def) in self.d.indicators.iter().enumerate() {
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

    fn blocks(&mut self) {
        let d = self.d;
        let at = self.stock_date();
        self.duplicate_ids("blocks", d.blocks.iter().map(|b| b.id.as_ref()));
        for (i, b) in d.blocks.iter().enumerate() {
            let path = Path::root().field("blocks").index(i);
            let alive = b.exists_on(at).then_some(at);
            self.unit_ref(
                path.clone().field("unit"),
                &b.unit,
                &[Level::Commune],
                alive,
            );
            self.established_order(path.field("dissolved"), b.established, b.dissolved);
        }
        let items = d
            .blocks
            .iter()
            .map(|b| (b.unit, b.established, b.dissolved))
            .collect();
        self.one_per_unit("blocks", items);
    }

    fn teams(&mut self) {
        let d = self.d;
        let at = self.stock_date();
        self.duplicate_ids("teams", d.teams.iter().map(|t| t.id.as_ref()));
        for (i, t) in d.teams.iter().enumerate() {
            let path = Path::root().field("teams").index(i);
            let alive = t.exists_on(at).then_some(at);
            self.unit_ref(
                path.clone().field("unit"),
                &t.unit,
                &[Level::Village],
                alive,
            );
            self.established_order(path.clone().field("dissolved"), t.established, t.dissolved);
            let leaders = t
                .members
                .iter()
                .filter(|m| m.role == crate::TeamRole::PartyCellSecretary)
                .count();
            if leaders > 1 {
                self.error(
                    path.field("members"),
                    ErrorKind::SeveralLeaders { count: leaders },
                );
            }
        }
        let items = d
            .teams
            .iter()
            .map(|t| (t.unit, t.established, t.dissolved))
            .collect();
        self.one_per_unit("teams", items);
    }

    fn models(&mut self) {
        let d = self.d;
        let at = self.stock_date();
        self.duplicate_ids("models", d.models.iter().map(|m| m.id.as_ref()));
        for (i, m) in d.models.iter().enumerate() {
            let path = Path::root().field("models").index(i);
            self.unit_ref(path.clone().field("unit"), &m.unit, &[], Some(at));
            if let Some(r) = m.registered {
                if r > at {
                    self.date_in_period(path.field("registered"), r);
                }
            }
        }
    }

    /// The checks every dated record shares: unit, level, validity, date.
    fn dated(&mut self, path: Path, unit: &UnitCode, date: NaiveDate) {
        self.unit_ref(path.clone().field("unit"), unit, &[], Some(date));
        self.date_in_period(path.field("date"), date);
    }

    fn conferences(&mut self) {
        let d = self.d;
        self.duplicate_ids("conferences", d.conferences.iter().map(|c| c.id.as_ref()));
        for (i, c) in d.conferences.iter().enumerate() {
            self.dated(Path::root().field("conferences").index(i), &c.unit, c.date);
        }
    }

    fn documents(&mut self) {
        let d = self.d;
        self.duplicate_ids("documents", d.documents.iter().map(|c| c.id.as_ref()));
        for (i, c) in d.documents.iter().enumerate() {
            self.dated(Path::root().field("documents").index(i), &c.unit, c.date);
        }
    }

    fn inspections(&mut self) {
        let d = self.d;
        self.duplicate_ids("inspections", d.inspections.iter().map(|c| c.id.as_ref()));
        for (i, s) in d.inspections.iter().enumerate() {
            let path = Path::root().field("inspections").index(i);
            self.dated(path.clone(), &s.unit, s.date);
            match s.subjects.total() {
                Ok(total) if total.get() == 0 => {
                    self.error(path.field("subjects"), ErrorKind::NoSubjects);
                }
                Ok(_) => {}
                Err(err) => self.error(path.field("subjects"), err.into_kind()),
            }
        }
    }

    fn petitions(&mut self, path: Path, raised: u64, resolved: u64) {
        if resolved > raised {
            self.error(
                path.field("petitions_resolved"),
                ErrorKind::ResolvedExceedsRaised { resolved, raised },
            );
        }
    }

    fn dialogues(&mut self) {
        let d = self.d;
        self.duplicate_ids("dialogues", d.dialogues.iter().map(|c| c.id.as_ref()));
        for (i, x) in d.dialogues.iter().enumerate() {
            let path = Path::root().field("dialogues").index(i);
            self.dated(path.clone(), &x.unit, x.date);
            self.petitions(path, x.petitions_raised.get(), x.petitions_resolved.get());
        }
    }

    fn receptions(&mut self) {
        let d = self.d;
        self.duplicate_ids("receptions", d.receptions.iter().map(|c| c.id.as_ref()));
        // (unit, actor) → (first record, distinct days per month): the head of
        // the Party committee and the head of the government are held to the
        // norm each on their own days.
        let mut days: BTreeMap<(UnitCode, Actor), (usize, DaysByMonth)> = BTreeMap::new();
        for (i, x) in d.receptions.iter().enumerate() {
            let path = Path::root().field("receptions").index(i);
            self.dated(path.clone(), &x.unit, x.date);
            self.petitions(path, x.petitions_raised.get(), x.petitions_resolved.get());
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
        let months = whole_months(self.d.period);
        for ((unit, actor), (first, per_month)) in days {
            let Some(info) = self.unit_info(&unit) else {
                continue;
            };
            let Some(norm) = self.options.reception_norms.days_for(info.level) else {
                continue;
            };
            let (from, to) = (info.valid_from, info.valid_to);
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

    fn clearances(&mut self) {
        let d = self.d;
        self.duplicate_ids("clearances", d.clearances.iter().map(|c| c.id.as_ref()));
        for (i, x) in d.clearances.iter().enumerate() {
            let path = Path::root().field("clearances").index(i);
            self.dated(path.clone(), &x.unit, x.date);
            let (consenting, affected) =
                (x.households_consenting.get(), x.households_affected.get());
            if consenting > affected {
                self.error(
                    path.field("households_consenting"),
                    ErrorKind::ConsentExceedsAffected {
                        consenting,
                        affected,
                    },
                );
            }
        }
    }

    fn awards(&mut self) {
        let d = self.d;
        self.duplicate_ids("awards", d.awards.iter().map(|c| c.id.as_ref()));
        for (i, x) in d.awards.iter().enumerate() {
            self.dated(Path::root().field("awards").index(i), &x.unit, x.date);
        }
    }

    fn plan(&mut self) {
        let Some(plan) = &self.d.plan else { return };
        let root = Path::root().field("plan");
        self.unit_ref(root.clone().field("unit"), &plan.unit, &[], None);
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
                self.unit_ref(path.clone().field("lead_unit"), u, &[], None);
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

    fn indicator_info(&self, id: &IndicatorId) -> Option<(IndicatorKind, ValueType)> {
        if let Some(b) = id.builtin() {
            return Some((b.kind(), b.value_type()));
        }
        self.d
            .indicators
            .iter()
            .find(|def| &def.id == id)
            .map(|def| (def.kind, def.values))
    }

    fn figures(&mut self) {
        let d = self.d;
        // (indicator, unit, period, actor) → first figure
        let mut seen: HashMap<(&IndicatorId, UnitCode, Period, Actor), usize> = HashMap::new();
        // (unit, period, actor) → stage → (figure, value)
        let mut stages: BTreeMap<(UnitCode, Period, Actor), StageSlots> = BTreeMap::new();
        // (indicator, unit, actor) → the periods of its flow and distinct figures
        let mut flows: HashMap<(&IndicatorId, UnitCode, Actor), PeriodsOf> = HashMap::new();
        for (i, f) in d.figures.iter().enumerate() {
            let path = Path::root().field("figures").index(i);
            let period = f.period.unwrap_or(d.period);
            if !d.period.contains_period(&period) {
                self.error(
                    path.clone().field("period"),
                    ErrorKind::FigurePeriodOutside {
                        period: period.to_string(),
                        dataset: d.period.to_string(),
                    },
                );
            }
            self.unit_ref(path.clone().field("unit"), &f.unit, &[], Some(period.end()));
            let actor = match f.actor() {
                Ok(actor) => Some(actor),
                Err(err) => {
                    self.error(path.clone().field("actor"), err.into_kind());
                    None
                }
            };
            match self.indicator_info(&f.indicator) {
                None => self.error(
                    path.clone().field("indicator"),
                    ErrorKind::UnknownIndicator {
                        id: f.indicator.to_string(),
                    },
                ),
                Some((_, values)) => {
                    let ok = match values {
                        ValueType::Count => f.value.is_some() && f.amount.is_none(),
                        ValueType::Amount => f.amount.is_some() && f.value.is_none(),
                    };
                    if !ok {
                        self.error(
                            path.clone(),
                            ErrorKind::ValueTypeMismatch {
                                id: f.indicator.to_string(),
                                expected: match values {
                                    ValueType::Count => "value",
                                    ValueType::Amount => "amount",
                                },
                            },
                        );
                    }
                }
            }
            let kind = self.indicator_info(&f.indicator).map(|(kind, _)| kind);
            if let (Some(actor), Some(IndicatorKind::Flow | IndicatorKind::Distinct)) =
                (actor, kind)
            {
                flows
                    .entry((&f.indicator, f.unit, actor))
                    .or_default()
                    .push((period, i));
            }
            if let Some(actor) = actor {
                let key = (&f.indicator, f.unit, period, actor);
                if let Some(&first) = seen.get(&key) {
                    self.error(path.clone(), ErrorKind::DuplicateFigure { first });
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
            if let (Some(total), false) = (f.value, f.parts.is_empty()) {
                if kind == Some(IndicatorKind::Distinct) {
                    self.distinct_parts(path, total, &f.parts);
                } else {
                    self.parts(path, total, &f.parts);
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

    /// The parts of a distinct-persons figure may overlap (one person in two
    /// parts): only a part larger than the whole is certainly wrong.
    fn distinct_parts(&mut self, path: Path, total: Reported, parts: &[crate::FigurePart]) {
        let too_big = parts.iter().find(|p| {
            total
                .bounds()
                .1
                .is_some_and(|high| p.value.bounds().0 > high)
        });
        if let Some(part) = too_big {
            self.error(
                path.field("parts"),
                ErrorKind::PartExceedsWhole {
                    part: part.value.value().get(),
                    whole: total.value().get(),
                },
            );
        }
    }

    fn parts(&mut self, path: Path, total: Reported, parts: &[crate::FigurePart]) {
        let mut sum: Option<Reported> = None;
        for part in parts {
            let next = match sum {
                None => Ok(part.value),
                Some(s) => s.checked_add(part.value),
            };
            match next {
                Ok(s) => sum = Some(s),
                Err(err) => {
                    self.error(path.field("parts"), err.into_kind());
                    return;
                }
            }
        }
        let Some(sum) = sum else { return };
        if !overlap(total.bounds(), sum.bounds()) {
            self.error(
                path.field("parts"),
                ErrorKind::PartsMismatch {
                    total: total.value().get(),
                    total_qualifier: qualifier_name(total.qualifier()),
                    parts: sum.value().get(),
                    parts_qualifier: qualifier_name(sum.qualifier()),
                },
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

fn expected_levels(levels: &[Level]) -> &'static str {
    match levels {
        [Level::Province] => "a province",
        [Level::District] => "a district",
        [Level::Commune] => "a commune",
        [Level::Village] => "a village",
        _ => "another level",
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
