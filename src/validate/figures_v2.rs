//! The whole-dataset validation of model v2 (issue 15 steps (c)–(e),
//! `docs/model-v2.md`): [`check_v2`] gives a [`CheckedV2`] dataset or a
//! [`Report`] of every issue, each at its path, never stopping at the first.
//!
//! Every rule between figures is three-valued on [`Interval`]s
//! ([`Interval::is_at_most`], [`Interval::is_equal_to`]): certainly false is
//! the rule's error, left open by the intervals is a [`ErrorKind::CheckLeftOpen`]
//! warning naming the check and both sides, true is nothing.

use crate::notation::{self, Style};
use crate::{
    Amount, Catalogue, DatasetV2, ErrorKind, FigureV2, FigureValue, Hierarchy, IndicatorKind,
    Interval, Path, RelationDecl, Report, Severity, Truth, UnitWord, Worded,
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
    let mut report = Report::default();
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
            report.push(Severity::Error, Path::root().field("units"), e.into_kind());
            None
        }
    };
    Checks::new(&dataset, &catalogue, hierarchy.as_ref(), &mut report).run();
    match hierarchy {
        Some(hierarchy) if !report.has_errors() => Ok(CheckedV2 {
            dataset,
            catalogue,
            hierarchy,
            warnings: report,
        }),
        _ => Err(report),
    }
}

/// A figure's quantity: a count or an amount in its unit word (rates,
/// ratios and durations are never summed or compared across figures).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Quantity {
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
        let mut acc: Option<Quantity> = None;
        for q in items {
            acc = Some(match acc {
                None => q.clone(),
                Some(a) => {
                    a.same_kind(q)?;
                    match (a, q) {
                        (Quantity::Count(x), Quantity::Count(y)) => {
                            Quantity::Count(x.checked_add(*y).map_err(|_| Mismatch::Overflow)?)
                        }
                        (Quantity::Amount(x, u), Quantity::Amount(y, _)) => {
                            Quantity::Amount(x.checked_add(*y).map_err(|_| Mismatch::Overflow)?, u)
                        }
                        _ => return Err(Mismatch::Kinds),
                    }
                }
            });
        }
        Ok(acc)
    }

    /// The size of the union of possibly overlapping sets (distinct persons):
    /// from the largest part to the sum of the parts.
    fn union<'q>(
        items: impl IntoIterator<Item = &'q Quantity>,
    ) -> Result<Option<Quantity>, Mismatch> {
        let mut acc: Option<Quantity> = None;
        for q in items {
            acc = Some(match acc {
                None => q.clone(),
                Some(a) => {
                    a.same_kind(q)?;
                    match (a, q) {
                        (Quantity::Count(x), Quantity::Count(y)) => {
                            Quantity::Count(x.union_size(*y))
                        }
                        (Quantity::Amount(x, u), Quantity::Amount(y, _)) => {
                            Quantity::Amount(x.union_size(*y), u)
                        }
                        _ => return Err(Mismatch::Kinds),
                    }
                }
            });
        }
        Ok(acc)
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
    fn worded(&self) -> Worded {
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
}

fn figure_path(i: usize) -> Path {
    Path::root().field("figures").index(i)
}

impl<'a> Checks<'a> {
    fn new(
        d: &'a DatasetV2,
        cat: &'a Catalogue,
        h: Option<&'a Hierarchy>,
        report: &'a mut Report,
    ) -> Checks<'a> {
        Checks {
            d,
            cat,
            h,
            report,
            values: Vec::new(),
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
        self.breakdowns();
        self.relations();
    }

    /// Each figure on its own: its unit listed, every value of its
    /// indicator's type ([`Catalogue::check_value`]).
    fn read_level(&mut self) {
        let d = self.d;
        for (i, f) in d.figures.iter().enumerate() {
            let at = figure_path(i);
            if let Some(h) = self.h {
                if h.index_of(&f.unit).is_none() {
                    self.error(
                        at.clone().field("unit"),
                        ErrorKind::UnknownUnit {
                            code: f.unit.to_string(),
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
        match truth {
            Truth::True => {}
            Truth::False => self.error(path, broken()),
            Truth::Unknown => self.warning(
                path,
                ErrorKind::CheckLeftOpen {
                    check,
                    left: sides.0.worded(),
                    right: sides.1.worded(),
                },
            ),
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

    /// Declared relations: `sum_of` + `equals`, `at_most` + `of`, `equal`.
    fn relations(&mut self) {
        let d = self.d;
        let ids: std::collections::HashMap<&crate::RecordId, usize> = d
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
            "sum_of/equals" | "at_most/of" => {
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
