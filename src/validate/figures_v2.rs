//! The whole-dataset validation of model v2 (issue 15 steps (c)–(e),
//! `docs/model-v2.md`): [`check_v2`] gives a [`CheckedV2`] dataset or a
//! [`Report`] of every issue, each at its path, never stopping at the first.
//!
//! Every rule between figures is three-valued on [`Interval`]s
//! ([`Interval::is_at_most`], [`Interval::is_equal_to`]): certainly false is
//! the rule's error, left open by the intervals is a [`ErrorKind::CheckLeftOpen`]
//! warning naming the check and both sides, true is nothing.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;

use chrono::NaiveDate;

use crate::notation::{self, Style};
use crate::{
    Amount, Builtin, Catalogue, ChangeDirection, DatasetV2, DimensionMode, Dimensions, ErrorKind,
    Excerpt, FigureKey, FigurePeriod, FigureV2, FigureValue, Hierarchy, IndicatorId, IndicatorKind,
    Interval, Level, Path, Period, RelationDecl, Report, Severity, Truth, UnitCode, UnitIndex,
    UnitWord, ValueSpec, Worded,
};

/// A v2 dataset that passed [`check_v2`]: its catalogue (the one given plus
/// the dataset's inline entries), its hierarchy and its warnings.
///
/// ```
/// let json = r#"{"schema": "danvan/dataset/v2", "period": {"start": "2025-01-01", "end": "2025-12-31"},
///     "units": [{"code": "30", "name": "Tỉnh (synthetic)"}],
///     "figures": [{"indicator": "documents", "unit": "30", "actor": "government", "value": 4}]}"#;
/// let d = danvan::DatasetV2::from_json(json.as_bytes())?;
/// let checked = danvan::check_v2(d, &danvan::Catalogue::builtin()).map_err(|r| r.to_string()).unwrap();
/// assert!(checked.warnings().is_empty());
/// assert_eq!(checked.hierarchy().len(), 1);
/// assert_eq!(checked.dataset().figures.len(), 1);
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct CheckedV2 {
    dataset: DatasetV2,
    catalogue: Catalogue,
    hierarchy: Hierarchy,
    warnings: Report,
    /// The cube the check built (its sums' errors are the check's).
    cube: crate::FigureCube,
}

impl CheckedV2 {
    /// The dataset.
    ///
    /// ```
    /// # let d = danvan::DatasetV2::from_v1(danvan::Dataset::new(danvan::Period::year(2022)?))?;
    /// let checked = danvan::check_v2(d, &danvan::Catalogue::builtin()).unwrap();
    /// assert_eq!(checked.dataset().period, danvan::Period::year(2022)?);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn dataset(&self) -> &DatasetV2 {
        &self.dataset
    }

    /// The warnings the check found; a checked dataset has no errors.
    ///
    /// ```
    /// # let d = danvan::DatasetV2::from_v1(danvan::Dataset::new(danvan::Period::year(2022)?))?;
    /// let checked = danvan::check_v2(d, &danvan::Catalogue::builtin()).unwrap();
    /// assert!(!checked.warnings().has_errors());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn warnings(&self) -> &Report {
        &self.warnings
    }

    /// The catalogue the figures were checked against: the one given to
    /// [`check_v2`] with the dataset's inline indicators.
    ///
    /// ```
    /// # let d = danvan::DatasetV2::from_v1(danvan::Dataset::new(danvan::Period::year(2022)?))?;
    /// let checked = danvan::check_v2(d, &danvan::Catalogue::builtin()).unwrap();
    /// assert_eq!(checked.catalogue().len(), danvan::Builtin::ALL.len());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    /// The hierarchy of the dataset's units ([`DatasetV2::hierarchy`]).
    ///
    /// ```
    /// # let d = danvan::DatasetV2::from_v1(danvan::Dataset::new(danvan::Period::year(2022)?))?;
    /// let checked = danvan::check_v2(d, &danvan::Catalogue::builtin()).unwrap();
    /// assert!(checked.hierarchy().is_empty());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn hierarchy(&self) -> &Hierarchy {
        &self.hierarchy
    }

    /// The figure cube of the dataset, built once by [`check_v2`] (which
    /// reports the errors of its build, such as a sum that does not fit):
    /// what a report plans from ([`render::plan_report`](crate::render::plan_report)).
    ///
    /// ```
    /// let json = r#"{"schema": "danvan/dataset/v2", "period": {"start": "2024-01-01", "end": "2024-12-31"},
    ///     "units": [{"code": "30", "name": "Tỉnh A (synthetic)"}],
    ///     "figures": [{"indicator": "documents", "unit": "30", "actor": "government", "value": 4}]}"#;
    /// let checked = danvan::check_v2(danvan::DatasetV2::from_json(json.as_bytes())?, &danvan::Catalogue::builtin())
    ///     .map_err(|r| r.to_string()).unwrap();
    /// assert_eq!(checked.cube().cells().len(), 1);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn cube(&self) -> &crate::FigureCube {
        &self.cube
    }

    /// Gives back the dataset.
    ///
    /// ```
    /// # let d = danvan::DatasetV2::from_v1(danvan::Dataset::new(danvan::Period::year(2022)?))?;
    /// let checked = danvan::check_v2(d.clone(), &danvan::Catalogue::builtin()).unwrap();
    /// assert_eq!(checked.into_inner(), d);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn into_inner(self) -> DatasetV2 {
        self.dataset
    }
}

/// Checks a v2 dataset against `catalogue` (the province's catalogue file,
/// or [`Catalogue::builtin`]) with the dataset's inline indicators added.
///
/// # Errors
///
/// Returns the [`Report`] of every issue, warnings included, when any issue
/// is an error.
///
/// ```
/// let json = r#"{"schema": "danvan/dataset/v2", "period": {"start": "2023-01-01", "end": "2023-12-31"},
///     "units": [{"code": "30", "name": "Tỉnh (synthetic)"}],
///     "figures": [{"id": "f1", "indicator": "documents", "unit": "30", "actor": "government",
///                  "value": 10, "parts": {"complete": true, "items": [{"value": 4}, {"value": 5}]}}]}"#;
/// let d = danvan::DatasetV2::from_json(json.as_bytes())?;
/// let report = danvan::check_v2(d, &danvan::Catalogue::builtin()).unwrap_err();
/// let issue = &report.issues()[0];
/// assert_eq!((issue.code().as_str(), issue.path().map(|p| p.to_string())),
///            ("DV179", Some("figures[0].parts".to_string())));
/// assert_eq!(danvan::render::vi::issue(issue),
///            "lỗi DV179 figures[0].parts: các phần cộng lại là 9, không bằng tổng 10, dù đã khai báo là đầy đủ");
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn check_v2(dataset: DatasetV2, catalogue: &Catalogue) -> Result<CheckedV2, Report> {
    let mut report = records(&dataset);
    let catalogue = match dataset.catalogue_on(catalogue.clone()) {
        Ok(c) => c,
        Err(e) => {
            report.push(
                Severity::Error,
                Path::root().field("indicators"),
                e.into_kind(),
            );
            catalogue.clone()
        }
    };
    let hierarchy = match dataset.hierarchy() {
        Ok(h) => Some(h),
        Err(e) => {
            // The v1 rules list every unit problem at its unit; this one
            // only when they did not (a rooted dataset's own rules).
            let kind = e.into_kind();
            if !report.issues().iter().any(|i| i.code() == kind.code()) {
                report.push(Severity::Error, Path::root().field("units"), kind);
            }
            None
        }
    };
    // Each other era's units form their own hierarchy (a predecessor
    // commune under its own district).
    let mut eras = HashMap::new();
    for era in dataset.other_eras() {
        match dataset.era_hierarchy(era) {
            Ok(h) => {
                eras.insert(era, h);
            }
            Err(e) => report.push(Severity::Error, Path::root().field("units"), e.into_kind()),
        }
    }
    Checks::new(
        &dataset,
        &catalogue,
        (hierarchy.as_ref(), &eras),
        &mut report,
    )
    .run();
    // The cube, built once here and kept for the report: a sum that does
    // not fit (DV100) fails here, at a figure that takes part (a records
    // total at the document's root), not in the report.
    let mut cube = None;
    if let (Some(h), false) = (&hierarchy, report.has_errors()) {
        match crate::FigureCube::build_located(&dataset, &catalogue, h) {
            Ok(c) => cube = Some(c),
            Err(e) => {
                let at = e.at.unwrap_or_else(|| Path::root().field("figures"));
                report.push(Severity::Error, at, e.error.into_kind());
            }
        }
    }
    match (hierarchy, cube) {
        (Some(hierarchy), Some(cube)) if !report.has_errors() => Ok(CheckedV2 {
            dataset,
            catalogue,
            hierarchy,
            warnings: report,
            cube,
        }),
        _ => Err(report),
    }
}

/// The v1 rules on the dataset's units and record arrays, era by era
/// ([`check`](crate::check) on [`DatasetV2::records_v1`], then on each other
/// era's [`DatasetV2::era_records_v1`]), their issues at the v2 document's
/// paths (the units and records of other eras, which each v1 dataset leaves
/// out, do not shift the positions); a record whose unit resolves to no era
/// ([`DatasetV2::record_era`]) is an error at its unit, checked in no era.
fn records(d: &DatasetV2) -> Report {
    let mut out = Report::default();
    for (kind, i, e) in d.record_era_problems() {
        out.push(
            Severity::Error,
            Path::root().field(kind.list()).index(i).field("unit"),
            e.into_kind(),
        );
    }
    // Each record's era, for ids used twice across eras (only with other eras).
    let mut era_of: HashMap<(crate::RecordKind, usize), Option<NaiveDate>> = HashMap::new();
    let others = d.other_eras();
    let several = !others.is_empty();
    for era in std::iter::once(None).chain(others.into_iter().map(Some)) {
        let split = match d.era_records(era) {
            Ok(split) => split,
            Err(e) => {
                out.push(Severity::Error, Path::root().field("units"), e.into_kind());
                return out;
            }
        };
        // Another era's units are checked by `era_hierarchy`; its v1 check
        // is for its records.
        if era.is_some() && split.records.is_empty() {
            continue;
        }
        // Position in the era's list → position in the v2 list.
        let mut positions: HashMap<&'static str, Vec<usize>> = HashMap::new();
        for &(kind, i) in split.records.iter().filter(|_| several) {
            positions.entry(kind.list()).or_default().push(i);
            era_of.insert((kind, i), era);
        }
        let report = match crate::check(split.dataset) {
            Ok(checked) => checked.warnings().clone(),
            Err(report) => report,
        };
        for issue in report {
            let severity = issue.severity();
            let path = issue.path().cloned().unwrap_or_default();
            let path = match path.list_index("units") {
                Some(_) if era.is_some() => continue,
                Some(i) => {
                    let at = Path::root()
                        .field("units")
                        .index(split.units.get(i).copied().unwrap_or(i));
                    if path.to_string().ends_with(".name") {
                        at.field("name")
                    } else {
                        at
                    }
                }
                // Without another era, the v1 lists are the v2 lists.
                None if !several => path,
                None => {
                    let list = crate::RecordKind::ALL
                        .iter()
                        .map(|k| k.list())
                        .find(|l| path.list_index(l).is_some());
                    let Some(place) = list.and_then(|l| positions.get(l)) else {
                        if era.is_some() && path.to_string() == "units" {
                            continue;
                        }
                        out.push(severity, path, issue.kind().clone());
                        continue;
                    };
                    // A kind naming another record of the list names its v2 place.
                    let at = |first: &usize| place.get(*first).copied().unwrap_or(*first);
                    let kind = match issue.kind() {
                        crate::ErrorKind::DuplicateId { id, first } => {
                            crate::ErrorKind::DuplicateId {
                                id: id.clone(),
                                first: at(first),
                            }
                        }
                        crate::ErrorKind::SecondBlock { code, first } => {
                            crate::ErrorKind::SecondBlock {
                                code: code.clone(),
                                first: at(first),
                            }
                        }
                        crate::ErrorKind::SecondTeam { code, first } => {
                            crate::ErrorKind::SecondTeam {
                                code: code.clone(),
                                first: at(first),
                            }
                        }
                        other => other.clone(),
                    };
                    let path = path.reindexed(|i| place.get(i).copied().unwrap_or(i));
                    out.push(severity, path, kind);
                    continue;
                }
            };
            out.push(severity, path, issue.kind().clone());
        }
    }
    duplicate_ids_across_eras(d, &era_of, &mut out);
    out
}

/// A record id used in one list by records of two eras: each era's check
/// sees only its own records, so the second use is reported here (DV074).
fn duplicate_ids_across_eras(
    d: &DatasetV2,
    era_of: &HashMap<(crate::RecordKind, usize), Option<NaiveDate>>,
    out: &mut Report,
) {
    use crate::RecordKind as K;
    if era_of.is_empty() {
        return;
    }
    let mut look = |kind: K, ids: Vec<Option<&crate::RecordId>>| {
        let mut seen: HashMap<&crate::RecordId, (usize, Option<NaiveDate>)> = HashMap::new();
        for (i, id) in ids.into_iter().enumerate() {
            let (Some(id), Some(era)) = (id, era_of.get(&(kind, i))) else {
                continue;
            };
            match seen.get(id) {
                Some(&(first, first_era)) if first_era != *era => out.push(
                    Severity::Error,
                    Path::root().field(kind.list()).index(i).field("id"),
                    crate::ErrorKind::DuplicateId {
                        id: id.to_string(),
                        first,
                    },
                ),
                Some(_) => {}
                None => {
                    seen.insert(id, (i, *era));
                }
            }
        }
    };
    macro_rules! each {
        ($($list:ident: $kind:ident),* $(,)?) => {$(
            look(K::$kind, d.$list.iter().map(|r| r.id.as_ref()).collect());
        )*};
    }
    each!(
        blocks: Block,
        teams: Team,
        models: Model,
        conferences: Conference,
        documents: Document,
        inspections: Inspection,
        dialogues: Dialogue,
        receptions: Reception,
        clearances: Clearance,
        awards: Award,
    );
}

/// A figure's quantity: a count or an amount in its unit word (rates,
/// ratios and durations are never summed or compared across figures).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Quantity {
    Count(Interval<u64>),
    Amount(Interval<Amount>, UnitWord),
}

/// Why two quantities cannot be added or compared.
enum Mismatch {
    /// A count beside an amount.
    Kinds,
    /// Amounts in two unit words.
    Units(String, String),
    /// The sum's lower bound overflows.
    Overflow,
}

impl Quantity {
    /// The quantity of a value: a count or an amount, else none.
    fn of(value: &FigureValue) -> Option<Quantity> {
        match value {
            FigureValue::Count(r) => Some(Quantity::Count(r.interval())),
            FigureValue::Amount(a) => {
                let m = a.normalised();
                // The scale word applied, the decimal's scale dropped
                // (1,5 tỷ is 1.500.000.000 đồng, not 1.500.000.000,0).
                let unit = m.unit().clone();
                let plain = match m.range_from() {
                    Some(from) => crate::Measure::range(
                        from.normalize(),
                        m.amount().normalize(),
                        unit.clone(),
                    ),
                    None => crate::Measure::worded(m.word(), m.amount().normalize(), unit.clone()),
                };
                plain
                    .unwrap_or_else(|_| m.clone())
                    .interval()
                    .ok()
                    .map(|i| Quantity::Amount(i, unit))
            }
            _ => None,
        }
    }

    fn same_kind(&self, other: &Quantity) -> Result<(), Mismatch> {
        match (self, other) {
            (Quantity::Count(_), Quantity::Count(_)) => Ok(()),
            (Quantity::Amount(_, u), Quantity::Amount(_, v)) if u == v => Ok(()),
            (Quantity::Amount(_, u), Quantity::Amount(_, v)) => Err(Mismatch::Units(
                u.as_str().to_owned(),
                v.as_str().to_owned(),
            )),
            _ => Err(Mismatch::Kinds),
        }
    }

    /// The sum of several quantities of one kind and unit; `None` for none.
    fn sum<'q>(
        items: impl IntoIterator<Item = &'q Quantity>,
    ) -> Result<Option<Quantity>, Mismatch> {
        Quantity::fold(
            items,
            |x, y| x.checked_add(y).map_err(|_| Mismatch::Overflow),
            |x, y| x.checked_add(y).map_err(|_| Mismatch::Overflow),
        )
    }

    /// The size of the union of possibly overlapping sets (distinct persons):
    /// from the largest part to the sum of the parts.
    fn union<'q>(
        items: impl IntoIterator<Item = &'q Quantity>,
    ) -> Result<Option<Quantity>, Mismatch> {
        Quantity::fold(
            items,
            |x, y| Ok(x.union_size(y)),
            |x, y| Ok(x.union_size(y)),
        )
    }

    /// Several quantities of one kind and unit combined pairwise by `count`
    /// or `amount`; `None` for none.
    fn fold<'q>(
        items: impl IntoIterator<Item = &'q Quantity>,
        count: impl Fn(Interval<u64>, Interval<u64>) -> Result<Interval<u64>, Mismatch>,
        amount: impl Fn(Interval<Amount>, Interval<Amount>) -> Result<Interval<Amount>, Mismatch>,
    ) -> Result<Option<Quantity>, Mismatch> {
        let mut acc: Option<Quantity> = None;
        for q in items {
            acc = Some(match acc {
                None => q.clone(),
                Some(a) => {
                    a.same_kind(q)?;
                    match (a, q) {
                        (Quantity::Count(x), Quantity::Count(y)) => Quantity::Count(count(x, *y)?),
                        (Quantity::Amount(x, u), Quantity::Amount(y, _)) => {
                            Quantity::Amount(amount(x, *y)?, u)
                        }
                        _ => return Err(Mismatch::Kinds),
                    }
                }
            });
        }
        Ok(acc)
    }

    /// Whether both claim the same set of true values (the words may differ:
    /// "trên 1.900" and "hơn 1.900").
    fn same_interval(&self, other: &Quantity) -> bool {
        match (self, other) {
            (Quantity::Count(a), Quantity::Count(b)) => (a.low(), a.high()) == (b.low(), b.high()),
            (Quantity::Amount(a, u), Quantity::Amount(b, v)) => {
                u == v && (a.low(), a.high()) == (b.low(), b.high())
            }
            _ => false,
        }
    }

    /// `self ≤ other`, three-valued.
    fn is_at_most(&self, other: &Quantity) -> Result<Truth, Mismatch> {
        self.same_kind(other)?;
        Ok(match (self, other) {
            (Quantity::Count(a), Quantity::Count(b)) => a.is_at_most(*b),
            (Quantity::Amount(a, _), Quantity::Amount(b, _)) => a.is_at_most(*b),
            _ => Truth::Unknown,
        })
    }

    /// `self = other`, three-valued.
    fn is_equal_to(&self, other: &Quantity) -> Result<Truth, Mismatch> {
        self.same_kind(other)?;
        Ok(match (self, other) {
            (Quantity::Count(a), Quantity::Count(b)) => a.is_equal_to(*b),
            (Quantity::Amount(a, _), Quantity::Amount(b, _)) => a.is_equal_to(*b),
            _ => Truth::Unknown,
        })
    }

    /// The value in English, for developers: `202`, `at least 6800`,
    /// `at most 300`, `120 to 150`, `unknown (about 500)`.
    fn en(&self) -> String {
        match self {
            Quantity::Count(i) => interval_en(*i, |v| v.to_string()),
            Quantity::Amount(i, u) => {
                format!(
                    "{} {}",
                    interval_en(*i, |v| v.get().to_string()),
                    u.as_str()
                )
            }
        }
    }

    /// The value in both languages.
    pub(crate) fn worded(&self) -> Worded {
        Worded::new(self.en(), self.vi())
    }

    /// The value in Vietnamese notation ([`notation::interval`]).
    fn vi(&self) -> String {
        match self {
            Quantity::Count(i) => notation::interval(*i, Style::Exact),
            Quantity::Amount(i, u) => {
                format!(
                    "{} {}",
                    notation::amount_interval(*i, Style::Exact),
                    u.as_str()
                )
            }
        }
    }
}

/// For every unit and level, how many units of that level lie under it
/// (valid on `date`).
fn sub_unit_counts(h: &Hierarchy, date: NaiveDate) -> HashMap<(UnitIndex, Level), u64> {
    let mut out: HashMap<(UnitIndex, Level), u64> = HashMap::new();
    for (idx, unit) in h.iter() {
        if !unit.is_valid_on(date) {
            continue;
        }
        for a in h.ancestors(idx) {
            let n = out.entry((a, unit.level())).or_insert(0);
            *n = n.saturating_add(1);
        }
    }
    out
}

/// The built-in relations between indicators, each `(part, whole)`: the part
/// is at most the whole for one unit, period, actor and dimension values.
/// They are the v1 record rules' relations read between figures (petitions
/// resolved ≤ raised, DV070; households consenting ≤ affected, DV069), the
/// kinds of conferences and documents within "of any kind" (how a record
/// adds to them), distinct persons within occurrences; the model stages
/// ([`Builtin::MODEL_STAGES`], DV072) are added by [`within_pairs`].
const WITHIN: [(Builtin, Builtin); 7] = [
    (Builtin::PetitionsResolved, Builtin::PetitionsRaised),
    (Builtin::ClearanceConsenting, Builtin::ClearanceHouseholds),
    (Builtin::TrainingConferences, Builtin::Conferences),
    (Builtin::PropagandaConferences, Builtin::Conferences),
    (Builtin::LeadershipDocuments, Builtin::Documents),
    (Builtin::GuidanceDocuments, Builtin::Documents),
    (Builtin::ConferencePersons, Builtin::ConferenceParticipants),
];

/// [`WITHIN`] and each model stage within every stage before it.
fn within_pairs() -> Vec<(Builtin, Builtin)> {
    let mut out = WITHIN.to_vec();
    let stages = Builtin::MODEL_STAGES;
    for (later, &l) in stages.iter().enumerate() {
        for &e in stages.iter().take(later) {
            out.push((l, e));
        }
    }
    out
}

/// A signed change in English: `increase 12`, `decrease 5`, `no change`,
/// `a change from -100 to +200` (an open side: `?`).
fn difference_en<S: Copy + Ord + std::fmt::Display>(
    low: Option<S>,
    high: Option<S>,
    zero: S,
    neg: impl Fn(S) -> String,
) -> String {
    let side = |x: Option<S>| {
        x.map_or_else(
            || "?".to_owned(),
            |v| {
                if v < zero {
                    format!("-{}", neg(v))
                } else {
                    format!("+{v}")
                }
            },
        )
    };
    match (low, high) {
        (Some(a), Some(b)) if a == b && a == zero => "no change".to_owned(),
        (Some(a), Some(b)) if a == b && a > zero => format!("increase {a}"),
        (Some(a), Some(b)) if a == b => format!("decrease {}", neg(a)),
        _ => format!("a change from {} to {}", side(low), side(high)),
    }
}

/// Whether the signed range `[dl, dh]` (`None`: open) is the size `size`,
/// three-valued.
fn signed_is<T: crate::Magnitude>(
    dl: Option<T::Signed>,
    dh: Option<T::Signed>,
    size: Interval<T>,
) -> Truth {
    let zero = <T as crate::Magnitude>::zero();
    let Some(sl) = size.low().minus(zero) else {
        return Truth::Unknown;
    };
    let sh = size.high().and_then(|h| h.minus(zero));
    let disjoint = dh.is_some_and(|h| sl > h) || matches!((sh, dl), (Some(h), Some(l)) if h < l);
    if disjoint {
        Truth::False
    } else if dl.is_some() && dl == dh && sh == Some(sl) && dl == Some(sl) {
        Truth::True
    } else {
        Truth::Unknown
    }
}

/// A stated increase (or decrease) of `size` from `before` to `now`:
/// whether it holds, the stated change and the figures' change, in both languages.
fn change_by(
    now: &Quantity,
    before: &Quantity,
    size: &Quantity,
    decrease: bool,
) -> Option<(Truth, Worded, Worded)> {
    let (en_word, vi_word) = if decrease {
        ("decrease", "giảm")
    } else {
        ("increase", "tăng")
    };
    let stated = Worded::new(
        format!("{en_word} {}", size.en()),
        format!("{vi_word} {}", size.vi()),
    );
    match (now, before, size) {
        (Quantity::Count(n), Quantity::Count(b), Quantity::Count(s)) => {
            let d = n.difference(*b);
            let (dl, dh) = if decrease {
                (d.high().map(|x| -x), d.low().map(|x| -x))
            } else {
                (d.low(), d.high())
            };
            let actual = Worded::new(
                difference_en(d.low(), d.high(), 0_i128, |x: i128| {
                    x.unsigned_abs().to_string()
                }),
                notation::difference(d),
            );
            Some((signed_is::<u64>(dl, dh, *s), stated, actual))
        }
        (Quantity::Amount(n, u), Quantity::Amount(b, _), Quantity::Amount(s, _)) => {
            let d = n.difference(*b);
            let (dl, dh) = if decrease {
                (d.high().map(|x| -x), d.low().map(|x| -x))
            } else {
                (d.low(), d.high())
            };
            let actual = Worded::new(
                format!(
                    "{} {}",
                    difference_en(d.low(), d.high(), Decimal::ZERO, |x: Decimal| x
                        .abs()
                        .normalize()
                        .to_string()),
                    u.as_str()
                ),
                format!("{} {}", notation::amount_difference(d), u.as_str()),
            );
            Some((signed_is::<Amount>(dl, dh, *s), stated, actual))
        }
        _ => None,
    }
}

/// The bounds of a quantity as decimals (`None`: unbounded).
fn decimal_bounds(q: &Quantity) -> (Decimal, Option<Decimal>) {
    match q {
        Quantity::Count(i) => (Decimal::from(i.low()), i.high().map(Decimal::from)),
        Quantity::Amount(i, _) => (i.low().get(), i.high().map(Amount::get)),
    }
}

/// A stated factor ("gấp 1,5 lần") from `before` to `now`, read as rounded
/// to its last written digit (1,5 is anything from 1,45 to 1,55): whether it
/// holds, the stated change and the figures, in both languages.
fn change_times(now: &Quantity, before: &Quantity, k: Decimal) -> Option<(Truth, Worded, Worded)> {
    now.same_kind(before).ok()?;
    let half = Decimal::new(5, k.scale().saturating_add(1).min(28));
    let (klo, khi) = (k.checked_sub(half)?, k.checked_add(half)?);
    let (nl, nh) = decimal_bounds(now);
    let (bl, bh) = decimal_bounds(before);
    // The possible ratios now / before: from nl / bh to nh / bl.
    let rl = match bh {
        Some(h) if h > Decimal::ZERO => nl.checked_div(h)?,
        _ => Decimal::ZERO,
    };
    let rh = match nh {
        Some(h) if bl > Decimal::ZERO => Some(h.checked_div(bl)?),
        _ => None,
    };
    let truth = if rl > khi || rh.is_some_and(|h| h < klo) {
        Truth::False
    } else if Some(nl) == nh && Some(bl) == bh && rh == Some(rl) && klo <= rl && rl <= khi {
        Truth::True
    } else {
        Truth::Unknown
    };
    let stated = Worded::new(
        format!("times {}", k.normalize()),
        format!("gấp {} lần", notation::decimal(k.normalize())),
    );
    let actual = Worded::new(
        format!("{} against {}", now.en(), before.en()),
        format!("{} so với {}", now.vi(), before.vi()),
    );
    Some((truth, stated, actual))
}

/// Every truth at once: false when any is false, true when all are true.
fn all(truths: impl IntoIterator<Item = Truth>) -> Truth {
    let mut out = Truth::True;
    for t in truths {
        match t {
            Truth::False => return Truth::False,
            Truth::Unknown => out = Truth::Unknown,
            Truth::True => {}
        }
    }
    out
}

/// Whether `whole` is what `parts` give, and what they give (for the
/// message). Additive kinds: their sum equals the whole (`complete`) or stays
/// within it. Distinct persons, whose parts may overlap: the whole lies
/// between the largest part and the sum (`complete`), or no part is above the
/// whole. `None` when there are no parts.
fn parts_truth(
    whole: &Quantity,
    parts: &[Quantity],
    distinct: bool,
    complete: bool,
) -> Result<Option<(Truth, Quantity)>, Mismatch> {
    if !distinct {
        let Some(sum) = Quantity::sum(parts)? else {
            return Ok(None);
        };
        let truth = if complete {
            sum.is_equal_to(whole)?
        } else {
            sum.is_at_most(whole)?
        };
        return Ok(Some((truth, sum)));
    }
    let Some(union) = Quantity::union(parts)? else {
        return Ok(None);
    };
    let mut truths = Vec::with_capacity(parts.len().saturating_add(1));
    for p in parts {
        truths.push(p.is_at_most(whole)?);
    }
    if complete {
        // The sum is the union's largest size.
        if let Some(sum) = Quantity::sum(parts)? {
            truths.push(whole.is_at_most(&sum)?);
        }
    }
    Ok(Some((all(truths), union)))
}

/// An interval in English.
fn interval_en<T: crate::Magnitude>(i: Interval<T>, text: impl Fn(T) -> String) -> String {
    let zero = <T as crate::Magnitude>::zero();
    match (i.low(), i.high(), i.estimate()) {
        (low, Some(high), _) if low == high => text(low),
        (low, Some(high), _) if low == zero => format!("at most {}", text(high)),
        (low, Some(high), _) => format!("{} to {}", text(low), text(high)),
        (low, None, Some(e)) if low == zero => format!("unknown (about {})", text(e)),
        (low, None, _) if low == zero => "unknown".to_owned(),
        (low, None, _) => format!("at least {}", text(low)),
    }
}

/// The checks of one dataset, pushing every issue to `report`.
struct Checks<'a> {
    d: &'a DatasetV2,
    cat: &'a Catalogue,
    h: Option<&'a Hierarchy>,
    report: &'a mut Report,
    /// Each figure's quantity (a count or an amount), when its value is of
    /// its indicator's type.
    values: Vec<Option<Quantity>>,
    /// Each figure's dates; none when unknown or wrong.
    periods: Vec<Option<Period>>,
    /// The dataset's dimensions, when they are well declared.
    dims: Option<Dimensions>,
    /// Each figure's key; none for a figure that takes part in no rule across figures.
    keys: Vec<Option<FigureKey>>,
    /// Each key's first figure.
    canonical: HashMap<FigureKey, usize>,
    /// The units named by code only (a rooted dataset's ancestors), by era
    /// and code: their sub-units are not all listed.
    code_only: HashSet<(Option<NaiveDate>, UnitCode)>,
    /// The hierarchies of the other eras.
    eras: &'a HashMap<NaiveDate, Hierarchy>,
    /// Each figure's unit's era ([`DatasetV2::unit_era`]); none when it does
    /// not resolve (the figure then takes part in no rule across figures).
    unit_eras: Vec<Option<Option<NaiveDate>>>,
    /// The figures on a unit the report never states (DV213): they take
    /// part in no rule across figures.
    stated_nowhere: HashSet<usize>,
}

fn figure_path(i: usize) -> Path {
    Path::root().field("figures").index(i)
}

impl<'a> Checks<'a> {
    fn new(
        d: &'a DatasetV2,
        cat: &'a Catalogue,
        (h, eras): (Option<&'a Hierarchy>, &'a HashMap<NaiveDate, Hierarchy>),
        report: &'a mut Report,
    ) -> Checks<'a> {
        Checks {
            d,
            cat,
            h,
            report,
            values: Vec::new(),
            periods: Vec::new(),
            dims: None,
            keys: Vec::new(),
            canonical: HashMap::new(),
            code_only: d
                .units
                .iter()
                .filter(|u| u.name.is_none())
                .map(|u| (u.era, u.code))
                .collect(),
            eras,
            unit_eras: Vec::new(),
            stated_nowhere: HashSet::new(),
        }
    }

    /// The hierarchy of an era (none: the current era's).
    fn hier(&self, era: Option<NaiveDate>) -> Option<&'a Hierarchy> {
        match era {
            None => self.h,
            Some(e) => self.eras.get(&e),
        }
    }

    fn error(&mut self, path: Path, kind: ErrorKind) {
        self.report.push(Severity::Error, path, kind);
    }

    fn warning(&mut self, path: Path, kind: ErrorKind) {
        self.report.push(Severity::Warning, path, kind);
    }

    fn run(mut self) {
        self.read_level();
        self.figures_stated();
        self.periods();
        self.dimensions();
        self.awarded_by();
        self.breakdowns();
        self.keys();
        self.actor_sets();
        self.sub_units();
        self.relations();
        self.builtin_relations();
        self.lumped();
        self.changes();
        self.ratio_units();
        self.records_totalled();
    }

    /// Each figure on a unit of its era the report states
    /// ([`DatasetV2::fill_scope`], as for records): else it would be stated
    /// nowhere (DV213): a rooted dataset does not speak for an ancestor of
    /// its root (named by code only, or by name as an award's giver). A figure in no era (DV207–DV209) or on a unit not
    /// listed (DV063) is reported by those rules.
    /// Such a figure takes part in no rule across figures (its sub-units'
    /// sum, a ratio of its listed units: the dataset does not list them all).
    fn figures_stated(&mut self) {
        let hier = |era: Option<NaiveDate>| self.hier(era);
        let found = self.d.figures_stated_nowhere(hier);
        for (i, e) in found {
            self.stated_nowhere.insert(i);
            self.error(figure_path(i).field("unit"), e.into_kind());
        }
    }

    /// Each record on a unit of its era whose records the totals fill
    /// ([`DatasetV2::fill_scope`]): else it would be counted nowhere
    /// (DV211). A record in no era (DV207–DV209) or on a unit not listed
    /// (DV063) is reported by those rules.
    fn records_totalled(&mut self) {
        let hier = |era: Option<NaiveDate>| self.hier(era);
        let found = self.d.records_totalled_nowhere(hier);
        for (kind, i, e) in found {
            self.error(
                Path::root().field(kind.list()).index(i).field("unit"),
                e.into_kind(),
            );
        }
    }

    /// Each figure's period: resolved ([`DatasetV2::figure_period`]), a
    /// `"period": "unknown"` noted (DV178).
    fn periods(&mut self) {
        let d = self.d;
        for (i, f) in d.figures.iter().enumerate() {
            let at = figure_path(i).field("period");
            let p = match d.figure_period(f) {
                Ok(Some(p)) => Some(p),
                // N years whose start is not stated: a stated period, no dates.
                Ok(None) if matches!(f.period, Some(FigurePeriod::Years { .. })) => None,
                Ok(None) => {
                    self.warning(at, ErrorKind::PeriodNotStated);
                    None
                }
                Err(e) => {
                    self.error(at, e.into_kind());
                    None
                }
            };
            self.periods.push(p);
        }
    }

    /// Every dimension value of every figure and part is declared
    /// ([`Dimensions::check`]).
    fn dimensions(&mut self) {
        let d = self.d;
        let dims = match d.dimensions() {
            Ok(dims) => dims,
            Err(e) => {
                self.error(Path::root().field("dimensions"), e.into_kind());
                return;
            }
        };
        for (i, f) in d.figures.iter().enumerate() {
            let at = figure_path(i);
            for (dim, value) in &f.dims {
                if let Err(e) = dims.check(dim, value) {
                    self.error(at.clone().field("dims"), e.into_kind());
                }
            }
            for (j, p) in f.parts.iter().flat_map(|b| b.items.iter()).enumerate() {
                for (dim, value) in &p.dims {
                    if let Err(e) = dims.check(dim, value) {
                        let path = at
                            .clone()
                            .field("parts")
                            .field("items")
                            .index(j)
                            .field("dims");
                        self.error(path, e.into_kind());
                    }
                }
            }
        }
        self.dims = Some(dims);
    }

    /// `awarded_by`: the giving unit is an ancestor of the figure's unit, the
    /// giving level above the unit's.
    fn awarded_by(&mut self) {
        let d = self.d;
        for (i, f) in d.figures.iter().enumerate() {
            let Some(by) = &f.awarded_by else { continue };
            // The giver is looked for in the era of the figure's unit.
            let Some(h) = self
                .unit_eras
                .get(i)
                .copied()
                .flatten()
                .and_then(|e| self.hier(e))
            else {
                continue; // reported as an unknown or unresolved unit
            };
            let Some(idx) = h.index_of(&f.unit) else {
                continue;
            };
            let at = figure_path(i).field("awarded_by");
            let unit_text = || -> Excerpt { f.unit.to_string().as_str().into() };
            if let Some(giver) = &by.unit {
                match h.index_of(giver) {
                    None => self.error(
                        at.clone().field("unit"),
                        ErrorKind::UnknownUnit {
                            code: giver.to_string(),
                        },
                    ),
                    Some(g) if !h.ancestors(idx).any(|a| a == g) => self.error(
                        at.clone().field("unit"),
                        ErrorKind::AwardedByNotAbove {
                            unit: unit_text(),
                            what: "unit",
                            by: giver.to_string().as_str().into(),
                        },
                    ),
                    Some(_) => {}
                }
            }
            if let (Some(level), Some(own)) = (by.level, h.level(idx)) {
                // Levels are ordered from the top down.
                if level >= own {
                    self.error(
                        at.field("level"),
                        ErrorKind::AwardedByNotAbove {
                            unit: unit_text(),
                            what: "level",
                            by: level.as_str().into(),
                        },
                    );
                }
            }
        }
    }

    /// Each figure's key ([`DatasetV2::key_of`]); none for a figure whose
    /// period is unknown or wrong, or on a unit the report never states
    /// (DV213): it takes part in no rule across figures but breakdowns and
    /// declared relations. The same key twice: with the
    /// same interval one figure, noted (DV188); else an error (DV189).
    fn keys(&mut self) {
        let d = self.d;
        let mut repeats = Vec::new();
        for (i, f) in d.figures.iter().enumerate() {
            let era = self.unit_eras.get(i).copied().flatten();
            // N years whose start is not stated take part as stated: the
            // same words are the same span; no dates are compared.
            let years = matches!(f.period, Some(FigurePeriod::Years { .. }));
            let dated = years || self.periods.get(i).copied().flatten().is_some();
            let placed = !self.stated_nowhere.contains(&i);
            let (Some(era), true, true) = (era, dated, placed) else {
                self.keys.push(None);
                continue;
            };
            let key = d.key_in_era(f, era);
            match self.canonical.get(&key) {
                Some(&first) => repeats.push((first, i)),
                None => {
                    self.canonical.insert(key.clone(), i);
                }
            }
            self.keys.push(Some(key));
        }
        for (first, i) in repeats {
            if let Some(k) = self.keys.get_mut(i) {
                // One figure: the later statement takes part in no other rule.
                *k = None;
            }
            let (a, b) = (self.worded_value(first), self.worded_value(i));
            let same = match (self.value(first), self.value(i)) {
                (Some(x), Some(y)) => x.same_interval(y),
                (None, None) => {
                    d.figures.get(first).map(|f| &f.value) == d.figures.get(i).map(|f| &f.value)
                }
                _ => false,
            };
            if same {
                self.warning(figure_path(i), ErrorKind::FigureRepeated { first });
            } else {
                self.error(
                    figure_path(i),
                    ErrorKind::FigureConflict {
                        first,
                        index: i,
                        first_value: a,
                        value: b,
                    },
                );
            }
        }
    }

    fn value(&self, i: usize) -> Option<&Quantity> {
        self.values.get(i).and_then(Option::as_ref)
    }

    /// A figure's value in both languages (a count or amount, else as written).
    fn worded_value(&self, i: usize) -> Worded {
        if let Some(q) = self.value(i) {
            return q.worded();
        }
        let text = self
            .d
            .figures
            .get(i)
            .and_then(|f| f.value.as_ref())
            .map_or_else(|| "no value".to_owned(), ToString::to_string);
        Worded::new(text.as_str(), text.as_str())
    }

    /// The figure of a key, and its quantity.
    fn find(&self, key: &FigureKey) -> Option<(usize, Quantity)> {
        let i = *self.canonical.get(key)?;
        Some((i, self.value(i)?.clone()))
    }

    /// Each member actor's figure stays within its actor set's.
    fn actor_sets(&mut self) {
        let mut found = Vec::new();
        for (s, key) in self.keys.iter().enumerate() {
            let Some(key) = key else { continue };
            if key.actor.len() < 2 {
                continue;
            }
            let Some(set_value) = self.value(s) else {
                continue;
            };
            for &member in &key.actor {
                let mut k = key.clone();
                k.actor = vec![member];
                if let Some((i, q)) = self.find(&k) {
                    let set: Vec<&str> = key.actor.iter().map(|a| a.as_str()).collect();
                    found.push((i, q, s, set_value.clone(), member, set.join("+")));
                }
            }
        }
        for (i, q, s, set_value, member, set) in found {
            let truth = q.is_at_most(&set_value).unwrap_or(Truth::Unknown);
            self.three_valued(
                figure_path(i),
                truth,
                "a member's figure stays within its actor set's",
                (&q, &set_value),
                || ErrorKind::ActorSetMemberExceeds {
                    member: member.as_str(),
                    value: q.worded(),
                    set: set.as_str().into(),
                    set_value: set_value.worded(),
                    set_figure: s,
                },
            );
        }
    }

    /// The eras other than `era` that list `unit` by code only, in order:
    /// there it stands in for this unit (a city's old districts are its own).
    fn stand_in_eras(&self, unit: UnitCode, era: Option<NaiveDate>) -> Vec<Option<NaiveDate>> {
        let mut eras: Vec<Option<NaiveDate>> = self
            .code_only
            .iter()
            .filter(|(e, c)| *c == unit && *e != era)
            .map(|(e, _)| *e)
            .collect();
        eras.sort();
        eras
    }

    /// A unit's own figure against its sub-units' figures of the same key:
    /// their sum when every sub-unit has one (distinct persons: between the
    /// largest and the sum), else at most the unit's. Only a certain
    /// disagreement is reported (DV183, a warning with both values); rates,
    /// ratios and durations are never summed, "additional" figures never.
    fn sub_units(&mut self) {
        let d = self.d;
        let mut found = Vec::new();
        for (p, key) in self.keys.iter().enumerate() {
            let Some(key) = key else { continue };
            if key.additional || !key.period.states_dates() {
                continue; // never summed, as in the cube
            }
            let (Some(own), Some(f)) = (self.value(p), d.figures.get(p)) else {
                continue;
            };
            // Sub-units of the unit's own era: a predecessor's figures never
            // meet its successor's parent.
            let Some(h) = self.hier(key.era) else {
                continue;
            };
            let Some(idx) = h.index_of(&key.unit) else {
                continue;
            };
            if self.code_only.contains(&(key.era, key.unit)) {
                continue; // a rooted dataset's ancestor: its sub-units are not all listed
            }
            let mut children = Vec::new();
            let mut every = true;
            for c in h.children(idx) {
                let Some(code) = h.code(c) else { continue };
                let mut k = key.clone();
                k.unit = code;
                match self.find(&k) {
                    Some((_, q)) => children.push(q),
                    None => every = false,
                }
            }
            let distinct = self.kind_of(f) == Some(IndicatorKind::Distinct);
            if !children.is_empty() {
                if let Ok(Some((Truth::False, given))) =
                    parts_truth(own, &children, distinct, every)
                {
                    found.push((p, key.unit, own.worded(), given.worded()));
                    continue;
                }
            }
            // The same code by code only in another era stands in for this
            // unit there (the city of the first half holds its old
            // districts): their figures of the same period lie within its own.
            for era in self.stand_in_eras(key.unit, key.era) {
                let Some(h) = self.hier(era) else { continue };
                let Some(idx) = h.index_of(&key.unit) else {
                    continue;
                };
                let mut theirs = Vec::new();
                for c in h.children(idx) {
                    let Some(code) = h.code(c) else { continue };
                    let mut k = key.clone();
                    k.unit = code;
                    k.era = era;
                    if let Some((_, q)) = self.find(&k) {
                        theirs.push(q);
                    }
                }
                if theirs.is_empty() {
                    continue;
                }
                if let Ok(Some((Truth::False, given))) = parts_truth(own, &theirs, distinct, false)
                {
                    found.push((p, key.unit, own.worded(), given.worded()));
                    break;
                }
            }
        }
        for (p, unit, own, children) in found {
            self.warning(
                figure_path(p),
                ErrorKind::SubUnitsDisagree {
                    unit: unit.to_string().as_str().into(),
                    own,
                    children,
                },
            );
        }
    }

    /// The built-in relations between figures of one unit, period, actor and
    /// dimension values ([`WITHIN`], the model stages), and a figure of a
    /// subset dimension value (a target group) within the same figure
    /// without it.
    fn builtin_relations(&mut self) {
        let pairs = within_pairs();
        let mut found = Vec::new();
        for (i, key) in self.keys.iter().enumerate() {
            let Some(key) = key else { continue };
            let Some(q) = self.value(i) else { continue };
            if let Some(b) = key.indicator.builtin() {
                for (_, whole) in pairs.iter().filter(|(part, _)| *part == b) {
                    let mut k = key.clone();
                    k.indicator = (*whole).into();
                    if let Some((j, w)) = self.find(&k) {
                        found.push((
                            i,
                            q.clone(),
                            key.indicator.to_string(),
                            j,
                            w,
                            whole.id().to_owned(),
                        ));
                    }
                }
            }
            if let Some(dims) = &self.dims {
                for (dim, value) in &key.dims {
                    if dims.mode(dim) != Some(DimensionMode::Subset) {
                        continue;
                    }
                    let mut k = key.clone();
                    k.dims.remove(dim);
                    if let Some((j, w)) = self.find(&k) {
                        found.push((
                            i,
                            q.clone(),
                            format!("{} ({dim}={value})", key.indicator),
                            j,
                            w,
                            key.indicator.to_string(),
                        ));
                    }
                }
            }
        }
        for (i, q, part, j, w, whole) in found {
            let truth = q.is_at_most(&w).unwrap_or(Truth::Unknown);
            self.three_valued(
                figure_path(i),
                truth,
                "a built-in relation between figures",
                (&q, &w),
                || ErrorKind::FigureRuleBroken {
                    indicator: part.as_str().into(),
                    value: q.worded(),
                    whole: whole.as_str().into(),
                    whole_value: w.worded(),
                    whole_figure: j,
                },
            );
        }
    }

    /// A lumped dimension value (recipient `both`) is the sum of its split
    /// values' figures, when every one is given.
    fn lumped(&mut self) {
        let Some(dims) = &self.dims else { return };
        let mut found = Vec::new();
        for (i, key) in self.keys.iter().enumerate() {
            let Some(key) = key else { continue };
            if key.additional {
                continue;
            }
            let Some(q) = self.value(i) else { continue };
            for (dim, value) in &key.dims {
                let Some(split) = dims.lumped(dim, value) else {
                    continue;
                };
                let mut parts = Vec::new();
                for s in split {
                    let Ok(id) = s.parse::<IndicatorId>() else {
                        continue;
                    };
                    let mut k = key.clone();
                    k.dims.insert(dim.clone(), id);
                    if let Some((_, p)) = self.find(&k) {
                        parts.push(p);
                    }
                }
                if parts.is_empty() || parts.len() != split.len() {
                    continue;
                }
                if let Ok(Some(sum)) = Quantity::sum(&parts) {
                    found.push((i, q.clone(), sum, dim.to_string(), value.to_string()));
                }
            }
        }
        for (i, lumped, split, dim, value) in found {
            let truth = lumped.is_equal_to(&split).unwrap_or(Truth::Unknown);
            self.three_valued(
                figure_path(i),
                truth,
                "a lumped value is the sum of its split values",
                (&lumped, &split),
                || ErrorKind::LumpedNotSum {
                    dim: dim.as_str().into(),
                    value: value.as_str().into(),
                    lumped: lumped.worded(),
                    split: split.worded(),
                },
            );
        }
    }

    /// A stated change against the figures of the same key (no change) in
    /// its period and in the period it compares to, when both are given.
    fn changes(&mut self) {
        let mut found = Vec::new();
        for (c, key) in self.keys.iter().enumerate() {
            let Some(key) = key else { continue };
            let Some(change) = &key.change else { continue };
            let mut now = key.clone();
            now.change = None;
            let mut before = now.clone();
            before.period = FigurePeriod::Dates(change.compared_to);
            let (Some((_, n)), Some((_, b))) = (self.find(&now), self.find(&before)) else {
                continue;
            };
            let outcome = match change.direction {
                ChangeDirection::Increase | ChangeDirection::Decrease => {
                    let decrease = change.direction == ChangeDirection::Decrease;
                    self.value(c)
                        .and_then(|size| change_by(&n, &b, size, decrease))
                }
                ChangeDirection::Times => change.factor.and_then(|k| change_times(&n, &b, k)),
            };
            if let Some((truth, stated, actual)) = outcome {
                found.push((c, truth, stated, actual));
            }
        }
        for (c, truth, stated, actual) in found {
            let at = figure_path(c).field("change");
            let sides = (stated.clone(), actual.clone());
            self.outcome(
                at,
                truth,
                "a stated change",
                || sides,
                || ErrorKind::ChangeDisagrees { stated, actual },
            );
        }
    }

    /// A ratio of units of a level (`{"ratio_of": "commune"}`): its
    /// denominator is the number of the figure unit's sub-units of that level
    /// the dataset lists (valid at the period's end), when it lists any —
    /// with those below its stand-in by code only in another era.
    fn ratio_units(&mut self) {
        let d = self.d;
        type Counts = HashMap<(UnitIndex, Level), u64>;
        let mut counts: HashMap<(Option<NaiveDate>, NaiveDate), Counts> = HashMap::new();
        for (i, f) in d.figures.iter().enumerate() {
            let Some(FigureValue::Ratio(r)) = &f.value else {
                continue;
            };
            let Some(ValueSpec::RatioOf(level)) = self.cat.get(&f.indicator).map(|e| &e.value)
            else {
                continue;
            };
            // The sub-units of the unit's own era.
            let Some(era) = self.unit_eras.get(i).copied().flatten() else {
                continue;
            };
            let Some(h) = self.hier(era) else { continue };
            let Some(idx) = h.index_of(&f.unit) else {
                continue;
            };
            let Some(end) = self.periods.get(i).copied().flatten().map(|p| p.end()) else {
                continue;
            };
            if self.code_only.contains(&(era, f.unit)) {
                continue; // its sub-units are not all listed
            }
            let mut listed = counts
                .entry((era, end))
                .or_insert_with(|| sub_unit_counts(h, end))
                .get(&(idx, *level))
                .copied()
                .unwrap_or(0);
            // The same code by code only in another era stands in for this
            // unit there: its units of that era valid then are this unit's
            // too (a city's wards of the first half below its old districts).
            for other in self.stand_in_eras(f.unit, era) {
                let Some(h) = self.hier(other) else { continue };
                let Some(idx) = h.index_of(&f.unit) else {
                    continue;
                };
                let theirs = counts
                    .entry((other, end))
                    .or_insert_with(|| sub_unit_counts(h, end))
                    .get(&(idx, *level))
                    .copied()
                    .unwrap_or(0);
                listed = listed.saturating_add(theirs);
            }
            if listed > 0 && listed != r.den.get() {
                self.error(
                    figure_path(i).field("value").field("den"),
                    ErrorKind::RatioNotUnits {
                        unit: f.unit.to_string().as_str().into(),
                        level: level.as_str(),
                        den: r.den.get(),
                        listed,
                    },
                );
            }
        }
    }

    /// Each figure on its own: its unit listed, every value of its
    /// indicator's type ([`Catalogue::check_value`]).
    fn read_level(&mut self) {
        let d = self.d;
        let units = d.units_by_code();
        for (i, f) in d.figures.iter().enumerate() {
            let at = figure_path(i);
            // The unit of its code whose era and validity cover the period
            // (a predecessor commune's or its successor's); the units'
            // problems, when the hierarchy did not build, are reported there.
            match d.unit_era_in(&units, f) {
                Ok(era) => self.unit_eras.push(Some(era)),
                Err(e) => {
                    if self.h.is_some() {
                        self.error(at.clone().field("unit"), e.into_kind());
                    }
                    self.unit_eras.push(None);
                }
            }
            // A name given twice: two recipients may share a name, so the
            // count stays the list's length; noted, naming it (DV210).
            let mut counted: HashMap<&str, u64> = HashMap::new();
            for name in &f.named {
                let k = counted.entry(name.as_str()).or_insert(0);
                *k = k.saturating_add(1);
            }
            let mut noted = HashSet::new();
            for name in &f.named {
                let times = counted.get(name.as_str()).copied().unwrap_or(0);
                if times > 1 && noted.insert(name.as_str()) {
                    self.warning(
                        at.clone().field("named"),
                        ErrorKind::NamedTwice {
                            name: name.as_str().into(),
                            times,
                        },
                    );
                }
            }
            let mut typed = true;
            if let Some(v) = &f.value {
                if let Err(e) = self.cat.check_value(&f.indicator, v) {
                    typed = false;
                    self.error(at.clone().field("value"), e.into_kind());
                }
            }
            for (j, p) in f.parts.iter().flat_map(|b| b.items.iter()).enumerate() {
                if let Err(e) = self.cat.check_value(&f.indicator, &p.value) {
                    typed = false;
                    let path = at
                        .clone()
                        .field("parts")
                        .field("items")
                        .index(j)
                        .field("value");
                    self.error(path, e.into_kind());
                }
            }
            let q = if typed { self.quantity(f) } else { None };
            self.values.push(q);
        }
    }

    /// The count or amount of a figure, when it has one.
    fn quantity(&self, f: &FigureV2) -> Option<Quantity> {
        // A count stated by naming its recipients counts the names.
        if let Some(c) = f.count() {
            return Some(Quantity::Count(c));
        }
        f.value.as_ref().and_then(Quantity::of)
    }

    fn kind_of(&self, f: &FigureV2) -> Option<IndicatorKind> {
        self.cat.get(&f.indicator).map(|e| e.kind)
    }

    /// A three-valued outcome: false is `broken`, unknown is `CheckLeftOpen`.
    fn three_valued(
        &mut self,
        path: Path,
        truth: Truth,
        check: &'static str,
        sides: (&Quantity, &Quantity),
        broken: impl FnOnce() -> ErrorKind,
    ) {
        self.outcome(
            path,
            truth,
            check,
            || (sides.0.worded(), sides.1.worded()),
            broken,
        );
    }

    /// The one way every rule reports its outcome: false is `broken`,
    /// unknown is `CheckLeftOpen` with both sides in words, true is nothing.
    fn outcome(
        &mut self,
        path: Path,
        truth: Truth,
        check: &'static str,
        sides: impl FnOnce() -> (Worded, Worded),
        broken: impl FnOnce() -> ErrorKind,
    ) {
        match truth {
            Truth::True => {}
            Truth::False => self.error(path, broken()),
            Truth::Unknown => {
                let (left, right) = sides();
                self.warning(path, ErrorKind::CheckLeftOpen { check, left, right });
            }
        }
    }

    /// Reports two quantities that cannot be added or compared.
    fn mismatch(&mut self, path: Path, indicator: &str, m: Mismatch) {
        let kind = match m {
            Mismatch::Kinds => ErrorKind::WrongValueType {
                indicator: indicator.into(),
                expected: "count or amount, as the other figures of the check",
                found: "a value of another type",
            },
            Mismatch::Units(left, right) => ErrorKind::UnitMismatch { left, right },
            Mismatch::Overflow => ErrorKind::Overflow {
                what: "the sum of the figures of a check".into(),
            },
        };
        self.error(path, kind);
    }

    /// Breakdowns: a complete one adds up to its whole, a partial one stays
    /// within it (for distinct persons, whose parts may overlap: the whole
    /// lies between the largest part and the sum).
    fn breakdowns(&mut self) {
        let d = self.d;
        for (i, f) in d.figures.iter().enumerate() {
            let Some(parts) = &f.parts else { continue };
            let at = figure_path(i).field("parts");
            let Some(Some(whole)) = self.values.get(i).cloned() else {
                // A whole of another value type is already reported, or
                // there is no whole to compare with.
                if let Some(v) = &f.value {
                    if Quantity::of(v).is_none() && self.cat.get(&f.indicator).is_some() {
                        self.error(
                            at,
                            ErrorKind::WrongValueType {
                                indicator: f.indicator.as_str().into(),
                                expected: "count or amount (a breakdown's whole and parts)",
                                found: v.type_name(),
                            },
                        );
                    }
                }
                continue;
            };
            let items: Vec<Quantity> = parts
                .items
                .iter()
                .filter_map(|p| Quantity::of(&p.value))
                .collect();
            if items.len() != parts.items.len() {
                continue; // a part's type is already reported
            }
            let distinct = self.kind_of(f) == Some(IndicatorKind::Distinct);
            let (truth, given) = match parts_truth(&whole, &items, distinct, parts.complete) {
                Ok(Some(t)) => t,
                Ok(None) => continue,
                Err(m) => {
                    self.mismatch(at, f.indicator.as_str(), m);
                    continue;
                }
            };
            if parts.complete {
                self.three_valued(
                    at,
                    truth,
                    "a complete breakdown adds up to its whole",
                    (&given, &whole),
                    || ErrorKind::BreakdownDoesNotAdd {
                        whole: whole.worded(),
                        parts: given.worded(),
                    },
                );
            } else {
                self.three_valued(
                    at,
                    truth,
                    "a partial breakdown stays within its whole",
                    (&given, &whole),
                    || ErrorKind::BreakdownExceedsWhole {
                        whole: whole.worded(),
                        parts: given.worded(),
                    },
                );
            }
        }
    }

    /// Declared relations: `sum_of` + `equals`, `sum_of` + `within`, `at_most` + `of`, `equal`.
    fn relations(&mut self) {
        let d = self.d;
        let ids: HashMap<&crate::RecordId, usize> = d
            .figures
            .iter()
            .enumerate()
            .filter_map(|(i, f)| f.id.as_ref().map(|id| (id, i)))
            .collect();
        for (k, r) in d.relations.iter().enumerate() {
            let at = Path::root().field("relations").index(k);
            // The reader checked that every id names a figure.
            let pos = |id: &crate::RecordId| ids.get(id).copied();
            let (form, left, right): (&'static str, Vec<usize>, Vec<usize>) =
                if let (false, Some(eq)) = (r.sum_of.is_empty(), &r.equals) {
                    (
                        "sum_of/equals",
                        r.sum_of.iter().filter_map(pos).collect(),
                        pos(eq).into_iter().collect(),
                    )
                } else if let (false, Some(w)) = (r.sum_of.is_empty(), &r.within) {
                    (
                        "sum_of/within",
                        r.sum_of.iter().filter_map(pos).collect(),
                        pos(w).into_iter().collect(),
                    )
                } else if let (Some(a), Some(b)) = (&r.at_most, &r.of) {
                    (
                        "at_most/of",
                        pos(a).into_iter().collect(),
                        pos(b).into_iter().collect(),
                    )
                } else {
                    (
                        "equal",
                        r.equal.iter().filter_map(pos).collect(),
                        Vec::new(),
                    )
                };
            self.relation(at, r, form, &left, &right);
        }
    }

    fn relation(
        &mut self,
        at: Path,
        r: &RelationDecl,
        form: &'static str,
        left: &[usize],
        right: &[usize],
    ) {
        let d = self.d;
        // Each side's quantities; a figure without one (a rate, a ratio, a
        // duration, or a value already reported) leaves the relation unchecked
        // unless its type is the reason.
        let mut quantities = |side: &[usize]| -> Option<Vec<Quantity>> {
            let mut out = Vec::new();
            for &i in side {
                let f = d.figures.get(i)?;
                match self.values.get(i).cloned().flatten() {
                    Some(q) => out.push(q),
                    None => {
                        if let Some(v) = &f.value {
                            if Quantity::of(v).is_none() && self.cat.get(&f.indicator).is_some() {
                                self.report.push(
                                    Severity::Error,
                                    at.clone(),
                                    ErrorKind::WrongValueType {
                                        indicator: f.indicator.as_str().into(),
                                        expected: "count or amount (a relation's figures)",
                                        found: v.type_name(),
                                    },
                                );
                            }
                        }
                        return None;
                    }
                }
            }
            Some(out)
        };
        let Some(lq) = quantities(left) else { return };
        let Some(rq) = quantities(right) else { return };
        let indicator = d
            .figures
            .get(left.first().copied().unwrap_or(0))
            .map_or("", |f| f.indicator.as_str());
        let relation_id = r.id.as_str();
        let broken = |l: &Quantity, rr: &Quantity| ErrorKind::RelationBroken {
            relation: relation_id.into(),
            form,
            left: l.worded(),
            right: rr.worded(),
        };
        match form {
            "sum_of/equals" | "sum_of/within" | "at_most/of" => {
                let (Some(whole), sum) = (rq.first(), Quantity::sum(&lq)) else {
                    return;
                };
                let sum = match sum {
                    Ok(Some(s)) => s,
                    Ok(None) => return,
                    Err(m) => return self.mismatch(at, indicator, m),
                };
                let truth = if form == "sum_of/equals" {
                    sum.is_equal_to(whole)
                } else {
                    sum.is_at_most(whole)
                };
                match truth {
                    Ok(t) => self.three_valued(at, t, "a declared relation", (&sum, whole), || {
                        broken(&sum, whole)
                    }),
                    Err(m) => self.mismatch(at, indicator, m),
                }
            }
            _ => {
                let Some(first) = lq.first() else { return };
                // Every figure equal to the first: one issue, the worst.
                let mut worst: Option<(Truth, &Quantity)> = None;
                for q in lq.iter().skip(1) {
                    match first.is_equal_to(q) {
                        Ok(Truth::True) => {}
                        Ok(Truth::False) => {
                            worst = Some((Truth::False, q));
                            break;
                        }
                        Ok(Truth::Unknown) => {
                            if worst.is_none() {
                                worst = Some((Truth::Unknown, q));
                            }
                        }
                        Err(m) => return self.mismatch(at, indicator, m),
                    }
                }
                if let Some((t, q)) = worst {
                    self.three_valued(at, t, "a declared relation", (first, q), || {
                        broken(first, q)
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(i: Interval<u64>) -> Quantity {
        Quantity::Count(i)
    }

    #[test]
    fn a_factor_is_read_as_rounded_to_its_last_digit() {
        let k = |t: &str| t.parse::<Decimal>().unwrap();
        let truth = |now: u64, before: u64, f: &str| {
            change_times(
                &count(Interval::exact(now)),
                &count(Interval::exact(before)),
                k(f),
            )
            .map(|t| t.0)
        };
        assert_eq!(truth(29, 20, "1.5"), Some(Truth::True)); // 1.45
        assert_eq!(truth(31, 20, "1.5"), Some(Truth::True)); // 1.55
        assert_eq!(truth(28, 20, "1.5"), Some(Truth::False)); // 1.4
        assert_eq!(truth(32, 20, "1.5"), Some(Truth::False)); // 1.6
        assert_eq!(truth(5, 0, "2"), Some(Truth::Unknown)); // nothing before: any factor
        let open = change_times(
            &count(Interval::at_least(30)),
            &count(Interval::exact(20)),
            k("1.5"),
        );
        assert_eq!(open.map(|t| t.0), Some(Truth::Unknown));
        // Beyond the decimals: no answer, no panic.
        let huge = change_times(
            &count(Interval::exact(u64::MAX)),
            &count(Interval::exact(1)),
            Decimal::MAX,
        );
        assert!(huge.is_none());
    }

    #[test]
    fn a_signed_change_against_a_size() {
        let exact = Interval::exact(30_u64).difference(Interval::exact(20));
        let open = Interval::at_least(25_u64).difference(Interval::exact(20));
        let cases = [
            (exact, Interval::exact(10), Truth::True),
            (exact, Interval::exact(12), Truth::False),
            (exact, Interval::at_least(9), Truth::Unknown),
            (open, Interval::exact(3), Truth::False),
            (open, Interval::exact(10), Truth::Unknown),
        ];
        for (d, size, want) in cases {
            assert_eq!(signed_is::<u64>(d.low(), d.high(), size), want, "{size:?}");
        }
    }

    #[test]
    fn english_interval_texts() {
        let c = |i| Quantity::Count(i).en();
        assert_eq!(c(Interval::exact(202)), "202");
        assert_eq!(c(Interval::at_least(6800)), "at least 6800");
        assert_eq!(c(Interval::near(300)), "at most 300");
        assert_eq!(c(Interval::between(120, Some(150)).unwrap()), "120 to 150");
        assert_eq!(c(Interval::about(500)), "unknown (about 500)");
        assert_eq!(c(Interval::at_least(0)), "unknown");
    }
}
