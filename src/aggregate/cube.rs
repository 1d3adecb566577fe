//! The totals of v2 figures (issue 16): [`FigureCube`], one cell per
//! [`FigureKey`] stated, broken down ("trong đó"), counted from records or
//! summed from sub-units.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::{
    Accumulator, Actor, Amount, Catalogue, CheckedV2, DatasetV2, DurationValue, Error, ErrorKind,
    FigureKey, FigurePeriod, FigureV2, FigureValue, Hierarchy, IndicatorKind, Interval, Issue,
    Path, Period, Rate, RatioValue, Severity, TotalsLayer, UnitCode, UnitWord, ValueSpec,
};

/// The place of a cell in its [`FigureCube`] (an index into [`FigureCube::cells`]).
///
/// ```
/// let id = danvan::CellId(3);
/// assert_eq!(id.0, 3);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CellId(pub usize);

/// The value of a cell, as its value type has it.
///
/// Counts and amounts are intervals (sums of intervals when summed); rates,
/// ratios and durations are kept as stated and never summed; a stated
/// "gấp … lần" keeps its factor.
///
/// ```
/// let v = danvan::CellValue::Count(danvan::Interval::exact(3));
/// assert_eq!(v.count(), Some(danvan::Interval::exact(3)));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CellValue {
    /// A count.
    Count(Interval<u64>),
    /// An amount, normalised (nghìn/triệu/tỷ applied), in its unit word.
    Amount {
        /// The amount.
        value: Interval<Amount>,
        /// Its unit word (đồng, m², …).
        unit: UnitWord,
    },
    /// A stated rate.
    Rate(Rate),
    /// A stated ratio x/y.
    Ratio(RatioValue),
    /// A stated duration.
    Duration(DurationValue),
    /// A stated "gấp … lần": the factor, the figure has no value of its own.
    Times(Decimal),
}

impl CellValue {
    /// The count, for a count cell.
    ///
    /// ```
    /// let v = danvan::CellValue::Times(rust_decimal::Decimal::TWO);
    /// assert_eq!(v.count(), None);
    /// ```
    #[must_use]
    pub fn count(&self) -> Option<Interval<u64>> {
        match self {
            CellValue::Count(i) => Some(*i),
            _ => None,
        }
    }
}

/// Where a cell's value comes from.
///
/// ```
/// let o = danvan::Origin::SubUnits { units: 2, of: 3 };
/// assert_eq!(o.as_str(), "sub_units");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Origin {
    /// Figure `figure` of the dataset, as stated.
    Stated {
        /// The figure's index in `figures`.
        figure: usize,
    },
    /// Part `part` of figure `figure`'s breakdown ("trong đó").
    Part {
        /// The figure's index in `figures`.
        figure: usize,
        /// The part's index in its `items`.
        part: usize,
    },
    /// The total of the dataset's records in the unit's subtree (through [`Totals`](crate::Totals)).
    Records,
    /// The sum of `units` of the unit's `of` sub-units (the others did not report).
    SubUnits {
        /// How many sub-units had a value.
        units: usize,
        /// How many sub-units the unit has.
        of: usize,
    },
}

impl Origin {
    /// The origin's name in the display rows: `stated`, `part`, `records`, `sub_units`.
    ///
    /// ```
    /// assert_eq!(danvan::Origin::Records.as_str(), "records");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Stated { .. } => "stated",
            Origin::Part { .. } => "part",
            Origin::Records => "records",
            Origin::SubUnits { .. } => "sub_units",
        }
    }

    /// The path of the dataset's value a stated cell or part comes from
    /// (`figures[i].value`, `figures[i].parts.items[j].value`); none for a
    /// records total or a sum.
    pub(crate) fn figure_path(self) -> Option<Path> {
        let figure = |i: usize| Path::root().field("figures").index(i);
        match self {
            Origin::Stated { figure: i } => Some(figure(i).field("value")),
            Origin::Part { figure: i, part } => Some(
                figure(i)
                    .field("parts")
                    .field("items")
                    .index(part)
                    .field("value"),
            ),
            Origin::Records | Origin::SubUnits { .. } => None,
        }
    }
}

/// One cell of a [`FigureCube`].
///
/// ```
/// # let json = r#"{"schema": "danvan/dataset/v2", "period": {"start": "2024-01-01", "end": "2024-12-31"},
/// #   "units": [{"code": "30", "name": "Tỉnh A (synthetic)"}],
/// #   "figures": [{"indicator": "documents", "unit": "30", "actor": "government", "value": 4}]}"#;
/// # let d = danvan::DatasetV2::from_json(json.as_bytes())?;
/// let cube = danvan::FigureCube::build(&d, &danvan::Catalogue::builtin(), &d.hierarchy()?)?;
/// let cell = &cube.cells()[0];
/// assert_eq!(cell.value.count(), Some(danvan::Interval::exact(4)));
/// assert!(cell.complete && !cell.conflict);
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CubeCell {
    /// What the cell is of: indicator, unit, period, actor set, dimension values, …
    pub key: FigureKey,
    /// Its value.
    pub value: CellValue,
    /// Where the value comes from.
    pub origin: Origin,
    /// The report's own value (its word: "gần", "trên", the scale word) for a stated cell or part.
    pub stated: Option<FigureValue>,
    /// The free-text label of a part (a v1 part, or a part without dimension values).
    pub label: Option<String>,
    /// Recipients named by the figure.
    pub named: Vec<String>,
    /// The whole of a part.
    pub part_of: Option<CellId>,
    /// Whether the breakdown this part belongs to is complete (the parts add up to the whole).
    pub part_complete: bool,
    /// False when the value is only a lower bound because some sub-units did not report.
    pub complete: bool,
    /// True when the value disagrees with its parts or with its sub-units' sum
    /// (or, for a part, with its whole): the report prints the official
    /// figure and leaves the contradicting parts to the table.
    pub conflict: bool,
}

/// The totals of a v2 dataset's figures and records: one [`CubeCell`] per
/// figure stated, per part of a breakdown, per records total, and per sum of
/// sub-units, each keyed by its [`FigureKey`].
///
/// The rules:
///
/// - a unit with its own figure keeps it (the report's word); otherwise an
///   additive indicator (flow, stock, distinct) of count or amount gets the
///   sum of its children's cells of the same key (the key without the unit):
///   intervals added, `[largest, sum]` for distinct indicators; when some
///   child has no value the sum is only a lower bound (`complete` false);
/// - rates, ratios, durations and stated changes are never summed; flows of
///   different periods never add (the period is in the key); `additional`
///   figures never sum into a total; an actor set never adds to its members
///   (the actor set is in the key);
/// - each "trong đó" part is a cell of its own, with the whole's key, the
///   part's dimension values and actor, linked to its whole (a part with
///   neither dimension values nor an actor of its own has the whole's key:
///   it stays a cell, with its label, but never enters a sum);
/// - the records of the dataset's record arrays enter through the existing
///   fold ([`Accumulator`], the rules of [`Totals`](crate::Totals)) as cells
///   with one actor, no dimension values and the dataset's period;
/// - another era's figures and records (a predecessor ward's) are cells
///   keyed by their era, its records' cells by the era's part of the period
///   ([`DatasetV2::era_period`]); each era is summed by the same roll-up
///   within its own hierarchy ([`DatasetV2::era_hierarchy`]), never into
///   the current one;
/// - in a rooted dataset nothing is summed above the root.
///
/// A unit's own figure that certainly disagrees with its complete parts (or
/// its partial parts certainly exceed it), or with its sub-units' sum, is
/// flagged `conflict`, as are the parts.
///
/// ```
/// let json = r#"{"schema": "danvan/dataset/v2", "period": {"start": "2024-01-01", "end": "2024-12-31"},
///     "units": [{"code": "30", "name": "Tỉnh A (synthetic)"},
///               {"code": "301", "name": "Huyện B (synthetic)", "parent": "30"},
///               {"code": "302", "name": "Huyện C (synthetic)", "parent": "30"}],
///     "figures": [{"indicator": "documents", "unit": "301", "actor": "government", "value": 4},
///                 {"indicator": "documents", "unit": "302", "actor": "government", "value": {"word": "more_than", "value": 2}}]}"#;
/// let d = danvan::DatasetV2::from_json(json.as_bytes())?;
/// let cube = danvan::FigureCube::build(&d, &danvan::Catalogue::builtin(), &d.hierarchy()?)?;
/// let province: danvan::UnitCode = "30".parse()?;
/// let sum = cube.unit_cells(&province).next().unwrap();
/// assert_eq!(sum.value.count(), Some(danvan::Interval::at_least(6)));
/// assert_eq!(sum.origin, danvan::Origin::SubUnits { units: 2, of: 2 });
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct FigureCube {
    hierarchy: Hierarchy,
    /// The units of the current hierarchy (by index) sums and records
    /// totals may fill ([`DatasetV2::fill_scope`]).
    scope: Vec<bool>,
    /// Each other era's hierarchy, its part of the period
    /// ([`DatasetV2::era_period`]) and the codes of its units listed with a name.
    eras: BTreeMap<NaiveDate, EraPart>,
    root: Option<UnitCode>,
    period: Period,
    cells: Vec<CubeCell>,
    /// The labels of the dataset's declared dimensions.
    dimension_labels: BTreeMap<crate::IndicatorId, String>,
    /// The words of declared dimension values, by (dimension, value).
    value_labels: BTreeMap<(crate::IndicatorId, crate::IndicatorId), String>,
    /// Sums left open (DV202).
    warnings: Vec<Issue>,
}

/// An error of a cube's build, at the dataset's figure or record it comes
/// from when one is known ([`FigureCube::build_located`]).
#[derive(Debug)]
pub(crate) struct Located {
    /// The error.
    pub(crate) error: Error,
    /// The figure's path (`figures[i].value`, …).
    pub(crate) at: Option<Path>,
}

impl Located {
    fn nowhere(error: Error) -> Located {
        Located { error, at: None }
    }

    /// At a record's unit (`documents[3].unit`).
    fn record(kind: crate::RecordKind, i: usize, error: Error) -> Located {
        Located {
            error,
            at: Some(Path::root().field(kind.list()).index(i).field("unit")),
        }
    }

    /// At the document's root: a records total no one record causes.
    fn root(error: Error) -> Located {
        Located {
            error,
            at: Some(Path::root()),
        }
    }
}

/// Another era in a cube.
#[derive(Clone, Debug)]
struct EraPart {
    hierarchy: Hierarchy,
    period: Option<Period>,
    /// Its units listed with a name: a unit named by code only stands in
    /// for a unit whose other sub-units the dataset does not list, so
    /// nothing is summed into it.
    named: std::collections::HashSet<UnitCode>,
    /// The units (by index) its sums and records totals may fill
    /// ([`DatasetV2::fill_scope`]).
    scope: Vec<bool>,
}

/// A key without its unit: what the roll-up groups by (indicator, period,
/// actor set, dimension values, awarded-by; cells with a change or
/// "additional" never enter it).
type Group = (
    crate::IndicatorId,
    FigurePeriod,
    Vec<Actor>,
    BTreeMap<crate::IndicatorId, crate::IndicatorId>,
    Option<crate::AwardedBy>,
);

/// A value that sums: a count or an amount in its unit.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Summable {
    Count(Interval<u64>),
    Amount(Interval<Amount>, UnitWord),
}

impl Summable {
    fn of(v: &CellValue) -> Option<Summable> {
        match v {
            CellValue::Count(i) => Some(Summable::Count(*i)),
            CellValue::Amount { value, unit } => Some(Summable::Amount(*value, unit.clone())),
            _ => None,
        }
    }

    fn into_value(self) -> CellValue {
        match self {
            Summable::Count(i) => CellValue::Count(i),
            Summable::Amount(value, unit) => CellValue::Amount { value, unit },
        }
    }

    /// The sum (or, distinct, the union size) of two values.
    fn add(&self, other: &Summable, distinct: bool, key: &FigureKey) -> Result<Summable, Error> {
        let overflow = || -> Error {
            ErrorKind::TotalOverflow {
                unit: key.unit.to_string(),
                indicator: key.indicator.to_string(),
                era: None,
            }
            .into()
        };
        match (self, other) {
            (Summable::Count(a), Summable::Count(b)) if distinct => {
                Ok(Summable::Count(a.union_size(*b)))
            }
            (Summable::Count(a), Summable::Count(b)) => a
                .checked_add(*b)
                .map(Summable::Count)
                .map_err(|_| overflow()),
            (Summable::Amount(a, ua), Summable::Amount(b, ub)) if ua == ub => {
                let sum = if distinct {
                    Ok(a.union_size(*b))
                } else {
                    a.checked_add(*b)
                };
                sum.map(|s| Summable::Amount(s, ua.clone()))
                    .map_err(|_| overflow())
            }
            (Summable::Amount(_, ua), Summable::Amount(_, ub)) => Err(ErrorKind::UnitMismatch {
                left: ua.as_str().to_owned(),
                right: ub.as_str().to_owned(),
            }
            .into()),
            _ => Err(ErrorKind::UnitMismatch {
                left: "count".to_owned(),
                right: "amount".to_owned(),
            }
            .into()),
        }
    }

    /// Only the lower bound: some terms are missing.
    fn lower_bound(self) -> Summable {
        match self {
            Summable::Count(i) => Summable::Count(Interval::at_least(i.low())),
            Summable::Amount(i, u) => Summable::Amount(Interval::at_least(i.low()), u),
        }
    }

    /// Whether the two values certainly differ (their intervals do not meet).
    fn certainly_differs(&self, other: &Summable) -> bool {
        match (self, other) {
            (Summable::Count(a), Summable::Count(b)) => !a.overlaps(*b),
            (Summable::Amount(a, ua), Summable::Amount(b, ub)) => ua == ub && !a.overlaps(*b),
            _ => false,
        }
    }
}

impl FigureCube {
    /// Builds the cube of a dataset's figures and records with `catalogue`
    /// (the dataset's catalogue: [`DatasetV2::catalogue_on`]) over
    /// `hierarchy` ([`DatasetV2::hierarchy`]).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownCatalogueIndicator`] for a figure of an indicator
    /// not in the catalogue, [`ErrorKind::UnknownUnit`] for a figure of a unit
    /// not in the hierarchy, the errors of [`DatasetV2::figure_period`] and
    /// [`FigureV2::amount`], the first record rule a record breaks
    /// ([`Accumulator::add`]), [`ErrorKind::RecordTotalledNowhere`] and
    /// [`ErrorKind::FigureStatedNowhere`] for a record or figure on a unit
    /// the totals never fill (above a rooted dataset's root),
    /// [`ErrorKind::TotalOverflow`] when a sum does not fit. Amounts of one key in two unit words among a unit's
    /// sub-units (or its own parts) leave that group's sums open: its cells
    /// stay, no sum of it is formed, and [`warnings`](FigureCube::warnings)
    /// names the units and words ([`ErrorKind::RollUpUnitWordsDiffer`]).
    ///
    /// ```
    /// let json = r#"{"schema": "danvan/dataset/v2", "period": {"start": "2024-01-01", "end": "2024-12-31"},
    ///     "units": [{"code": "30", "name": "Tỉnh A (synthetic)"}],
    ///     "figures": [{"indicator": "no_such_indicator", "unit": "30", "actor": "government", "value": 4}]}"#;
    /// let d = danvan::DatasetV2::from_json(json.as_bytes())?;
    /// let err = danvan::FigureCube::build(&d, &danvan::Catalogue::builtin(), &d.hierarchy()?).unwrap_err();
    /// assert_eq!(err.code(), "DV161");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn build(
        dataset: &DatasetV2,
        catalogue: &Catalogue,
        hierarchy: &Hierarchy,
    ) -> Result<FigureCube, Error> {
        FigureCube::build_located(dataset, catalogue, hierarchy).map_err(|e| e.error)
    }

    /// [`build`](FigureCube::build), its errors located: at a figure that
    /// takes part when there is one (the sum of two communes' figures that
    /// overflows, at the second's value); at the document's root for a
    /// records total that does not fit (no one record is its cause). What
    /// [`check_v2`](crate::check_v2) builds, once, of a dataset it found no
    /// other error in, and reports the error of; the checked dataset keeps
    /// the cube ([`CheckedV2::cube`](crate::CheckedV2::cube)).
    pub(crate) fn build_located(
        dataset: &DatasetV2,
        catalogue: &Catalogue,
        hierarchy: &Hierarchy,
    ) -> Result<FigureCube, Located> {
        let mut cells: Vec<CubeCell> = Vec::new();
        let mut eras = BTreeMap::new();
        for era in dataset.other_eras() {
            let named = dataset
                .units
                .iter()
                .filter(|u| u.era == Some(era) && u.name.is_some())
                .map(|u| u.code)
                .collect();
            let era_hierarchy = dataset.era_hierarchy(era).map_err(Located::nowhere)?;
            let part = EraPart {
                scope: dataset.fill_scope(Some(era), &era_hierarchy),
                hierarchy: era_hierarchy,
                period: dataset.era_period(era),
                named,
            };
            eras.insert(era, part);
        }
        let units = dataset.units_by_code();
        for (i, f) in dataset.figures.iter().enumerate() {
            let at = |e: Error| Located {
                error: e,
                at: Some(Path::root().field("figures").index(i)),
            };
            let era = dataset.unit_era_in(&units, f).map_err(at)?;
            let h = match era {
                None => hierarchy,
                Some(e) => eras.get(&e).map_or(hierarchy, |x| &x.hierarchy),
            };
            stated_cells(dataset, catalogue, h, (i, era), f, &mut cells)
                .map_err(|e| at(dataset.overflow_in_era(era, e)))?;
        }
        let era_h = |era: Option<NaiveDate>| match era {
            None => Some(hierarchy),
            Some(e) => eras.get(&e).map(|x: &EraPart| &x.hierarchy),
        };
        // A figure the report would never state is refused, never kept unseen.
        if let Some((i, e)) = dataset.figures_stated_nowhere(era_h).into_iter().next() {
            return Err(Located {
                error: e,
                at: Some(Path::root().field("figures").index(i).field("unit")),
            });
        }
        let scope = dataset.fill_scope(None, hierarchy);
        // A record in no era is refused, never moved to the current era.
        if let Some((kind, i, e)) = dataset.record_era_problems().into_iter().next() {
            return Err(Located::record(kind, i, e));
        }
        // A record its era's totals never fill is refused, never dropped.
        if let Some((kind, i, e)) = dataset.records_totalled_nowhere(era_h).into_iter().next() {
            return Err(Located::record(kind, i, e));
        }
        // A sum's overflow names its era when the unit's code has several.
        let in_era = |era: Option<NaiveDate>| {
            move |l: Located| Located {
                error: dataset.overflow_in_era(era, l.error),
                at: l.at,
            }
        };
        records_cells(dataset, (None, hierarchy, &scope), &mut cells)
            .map_err(Located::root)
            .map_err(in_era(None))?;
        for (era, part) in &eras {
            records_cells(
                dataset,
                (Some(*era), &part.hierarchy, &part.scope),
                &mut cells,
            )
            .map_err(Located::root)
            .map_err(in_era(Some(*era)))?;
        }
        let dimension_labels = dataset
            .dimensions
            .iter()
            .filter_map(|d| Some((d.id.clone(), d.label.clone()?)))
            .collect();
        let value_labels = dataset
            .dimensions
            .iter()
            .flat_map(|d| {
                d.value_labels
                    .iter()
                    .map(|(v, l)| ((d.id.clone(), v.clone()), l.clone()))
            })
            .collect();
        let mut cube = FigureCube {
            hierarchy: hierarchy.clone(),
            scope,
            eras,
            root: dataset.root,
            period: dataset.period,
            cells,
            dimension_labels,
            value_labels,
            warnings: Vec::new(),
        };
        cube.flag_parts(catalogue);
        cube.roll_up(catalogue, None).map_err(in_era(None))?;
        let others: Vec<NaiveDate> = cube.eras.keys().copied().collect();
        for era in others {
            cube.roll_up(catalogue, Some(era))
                .map_err(in_era(Some(era)))?;
        }
        Ok(cube)
    }

    /// The cube of a checked dataset: the one [`check_v2`](crate::check_v2)
    /// built of its dataset, its catalogue (with the inline indicators) and
    /// its hierarchy ([`CheckedV2::cube`](crate::CheckedV2::cube)), copied.
    ///
    /// # Errors
    ///
    /// None: `check_v2` refuses every dataset whose cube it cannot build,
    /// with the build's error among its issues — an unknown indicator or
    /// unit, a figure's period or amount, a record rule, a record or figure
    /// totalled or stated nowhere (DV211, DV213) are its own checks' errors
    /// before the build; a sum that does not fit (DV100), of figures or of
    /// records, is the build's, at a figure or at the document's root. The
    /// `Result` stays for callers written when the cube was built here.
    ///
    /// ```
    /// let json = r#"{"schema": "danvan/dataset/v2", "period": {"start": "2024-01-01", "end": "2024-12-31"},
    ///     "units": [{"code": "30", "name": "Tỉnh A (synthetic)"}],
    ///     "figures": [{"indicator": "documents", "unit": "30", "actor": "government", "value": 4}]}"#;
    /// let checked = danvan::check_v2(danvan::DatasetV2::from_json(json.as_bytes())?, &danvan::Catalogue::builtin())
    ///     .map_err(|r| r.to_string()).unwrap();
    /// let cube = danvan::FigureCube::from_checked(&checked)?;
    /// assert_eq!(cube.cells().len(), 1);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn from_checked(checked: &CheckedV2) -> Result<FigureCube, Error> {
        Ok(checked.cube().clone())
    }

    /// Every cell: stated figures and their parts in the dataset's order, then
    /// records totals, then sums of sub-units.
    ///
    /// ```
    /// # let d = danvan::DatasetV2::from_v1(danvan::Dataset::new(danvan::Period::year(2024)?))?;
    /// let cube = danvan::FigureCube::build(&d, &danvan::Catalogue::builtin(), &d.hierarchy()?)?;
    /// assert!(cube.cells().is_empty());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn cells(&self) -> &[CubeCell] {
        &self.cells
    }

    /// One cell.
    ///
    /// ```
    /// # let d = danvan::DatasetV2::from_v1(danvan::Dataset::new(danvan::Period::year(2024)?))?;
    /// let cube = danvan::FigureCube::build(&d, &danvan::Catalogue::builtin(), &d.hierarchy()?)?;
    /// assert!(cube.cell(danvan::CellId(0)).is_none());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn cell(&self, id: CellId) -> Option<&CubeCell> {
        self.cells.get(id.0)
    }

    /// The warnings of the build: sums left open because amounts of one key
    /// come in two unit words (DV202, naming the units and the words).
    ///
    /// ```
    /// # let d = danvan::DatasetV2::from_v1(danvan::Dataset::new(danvan::Period::year(2024)?))?;
    /// let cube = danvan::FigureCube::build(&d, &danvan::Catalogue::builtin(), &d.hierarchy()?)?;
    /// assert!(cube.warnings().is_empty());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn warnings(&self) -> &[Issue] {
        &self.warnings
    }

    /// The hierarchy the cube is keyed by.
    ///
    /// ```
    /// # let d = danvan::DatasetV2::from_v1(danvan::Dataset::new(danvan::Period::year(2024)?))?;
    /// let cube = danvan::FigureCube::build(&d, &danvan::Catalogue::builtin(), &d.hierarchy()?)?;
    /// assert!(cube.hierarchy().is_empty());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn hierarchy(&self) -> &Hierarchy {
        &self.hierarchy
    }

    /// The dataset's root, when it is rooted.
    ///
    /// ```
    /// # let d = danvan::DatasetV2::from_v1(danvan::Dataset::new(danvan::Period::year(2024)?))?;
    /// let cube = danvan::FigureCube::build(&d, &danvan::Catalogue::builtin(), &d.hierarchy()?)?;
    /// assert_eq!(cube.root(), None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn root(&self) -> Option<UnitCode> {
        self.root
    }

    /// The dataset's default period (the records' period).
    ///
    /// ```
    /// # let d = danvan::DatasetV2::from_v1(danvan::Dataset::new(danvan::Period::year(2024)?))?;
    /// let cube = danvan::FigureCube::build(&d, &danvan::Catalogue::builtin(), &d.hierarchy()?)?;
    /// assert_eq!(cube.period(), danvan::Period::year(2024)?);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn period(&self) -> Period {
        self.period
    }

    /// The label a dataset declared for one of its dimensions.
    ///
    /// ```
    /// let json = r#"{"schema": "danvan/dataset/v2", "period": {"start": "2024-01-01", "end": "2024-12-31"},
    ///     "dimensions": [{"id": "house_work", "label": "Loại công việc", "values": ["new", "repaired"]}]}"#;
    /// let d = danvan::DatasetV2::from_json(json.as_bytes())?;
    /// let cube = danvan::FigureCube::build(&d, &danvan::Catalogue::builtin(), &d.hierarchy()?)?;
    /// assert_eq!(cube.dimension_label(&"house_work".parse()?), Some("Loại công việc"));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn dimension_label(&self, dimension: &crate::IndicatorId) -> Option<&str> {
        self.dimension_labels.get(dimension).map(String::as_str)
    }

    /// The word the dataset declares for a dimension value, if any.
    ///
    /// ```
    /// let json = r#"{"schema": "danvan/dataset/v2", "period": {"start": "2024-01-01", "end": "2024-12-31"},
    ///     "dimensions": [{"id": "movement", "values": ["cay_mua_xuan"],
    ///                     "value_labels": {"cay_mua_xuan": "chương trình Cây mùa xuân"}}]}"#;
    /// let d = danvan::DatasetV2::from_json(json.as_bytes())?;
    /// let cube = danvan::FigureCube::build(&d, &danvan::Catalogue::builtin(), &d.hierarchy()?)?;
    /// assert_eq!(cube.value_label(&"movement".parse()?, &"cay_mua_xuan".parse()?), Some("chương trình Cây mùa xuân"));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn value_label(
        &self,
        dimension: &crate::IndicatorId,
        value: &crate::IndicatorId,
    ) -> Option<&str> {
        self.value_labels
            .get(&(dimension.clone(), value.clone()))
            .map(String::as_str)
    }

    /// The cells of one unit, in cube order.
    ///
    /// ```
    /// # let d = danvan::DatasetV2::from_v1(danvan::Dataset::new(danvan::Period::year(2024)?))?;
    /// let cube = danvan::FigureCube::build(&d, &danvan::Catalogue::builtin(), &d.hierarchy()?)?;
    /// assert_eq!(cube.unit_cells(&"30".parse()?).count(), 0);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn unit_cells<'a>(&'a self, unit: &'a UnitCode) -> impl Iterator<Item = &'a CubeCell> + 'a {
        self.cells.iter().filter(move |c| c.key.unit == *unit)
    }

    /// The ids of the cells of a unit's subtree (the unit and every unit
    /// below it in the hierarchy), in cube order. Only the current era's
    /// cells: another era's unit of the same code (a predecessor ward) is
    /// not in the hierarchy, and its figures are not the successor's.
    ///
    /// ```
    /// # let d = danvan::DatasetV2::from_v1(danvan::Dataset::new(danvan::Period::year(2024)?))?;
    /// let cube = danvan::FigureCube::build(&d, &danvan::Catalogue::builtin(), &d.hierarchy()?)?;
    /// assert!(cube.subtree_cells(&"30".parse()?).is_empty());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn subtree_cells(&self, unit: &UnitCode) -> Vec<CellId> {
        self.era_subtree_cells(None, unit)
    }

    /// The other eras of the dataset, in time order ([`DatasetV2::other_eras`]).
    ///
    /// ```
    /// # let d = danvan::DatasetV2::from_v1(danvan::Dataset::new(danvan::Period::year(2024)?))?;
    /// let cube = danvan::FigureCube::build(&d, &danvan::Catalogue::builtin(), &d.hierarchy()?)?;
    /// assert!(cube.other_eras().is_empty());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn other_eras(&self) -> Vec<NaiveDate> {
        self.eras.keys().copied().collect()
    }

    /// The hierarchy of another era's units ([`DatasetV2::era_hierarchy`]),
    /// within which that era's cells are summed.
    ///
    /// ```
    /// let json = r#"{"schema": "danvan/dataset/v2", "period": {"start": "2025-01-01", "end": "2025-12-31"},
    ///     "units": [{"code": "79", "name": "Thành phố A (synthetic)"},
    ///               {"code": "79", "era": "2020-01-01", "valid_to": "2025-06-30"},
    ///               {"code": "26740", "name": "Phường Cũ (synthetic)", "parent": "79", "era": "2020-01-01", "valid_to": "2025-06-30"}]}"#;
    /// let d = danvan::DatasetV2::from_json(json.as_bytes())?;
    /// let cube = danvan::FigureCube::build(&d, &danvan::Catalogue::builtin(), &d.hierarchy()?)?;
    /// let era = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    /// assert_eq!(cube.era_hierarchy(era).map(|h| h.len()), Some(2));
    /// assert_eq!(cube.era_period(era).map(|p| p.to_string()).as_deref(), Some("2025-H1"));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn era_hierarchy(&self, era: NaiveDate) -> Option<&Hierarchy> {
        self.eras.get(&era).map(|x| &x.hierarchy)
    }

    /// Whether a unit of another era is listed with a name: only such
    /// units get sums and records totals (a unit named by code only stands
    /// in for a unit whose other sub-units the dataset does not list).
    ///
    /// ```
    /// let json = r#"{"schema": "danvan/dataset/v2", "period": {"start": "2025-01-01", "end": "2025-12-31"},
    ///     "units": [{"code": "79", "name": "Thành phố A (synthetic)"},
    ///               {"code": "79", "era": "2020-01-01", "valid_to": "2025-06-30"},
    ///               {"code": "26740", "name": "Phường Cũ (synthetic)", "parent": "79", "era": "2020-01-01", "valid_to": "2025-06-30"}]}"#;
    /// let d = danvan::DatasetV2::from_json(json.as_bytes())?;
    /// let cube = danvan::FigureCube::build(&d, &danvan::Catalogue::builtin(), &d.hierarchy()?)?;
    /// let era = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    /// assert!(cube.era_named(era, &"26740".parse()?));
    /// assert!(!cube.era_named(era, &"79".parse()?));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn era_named(&self, era: NaiveDate, unit: &UnitCode) -> bool {
        self.eras.get(&era).is_some_and(|x| x.named.contains(unit))
    }

    /// Which units of another era's hierarchy (by index) sums and records
    /// totals may fill: named ([`FigureCube::era_named`]) and, in a rooted
    /// dataset whose root's code is in the era, not above that unit
    /// (`DatasetV2::fill_scope`); empty for an era the cube does not hold. The
    /// report takes a predecessor at its highest among these.
    pub(crate) fn era_scope(&self, era: NaiveDate) -> Vec<bool> {
        self.eras
            .get(&era)
            .map_or_else(Vec::new, |x| x.scope.clone())
    }

    /// Another era's part of the dataset's period ([`DatasetV2::era_period`]).
    ///
    /// ```
    /// # let d = danvan::DatasetV2::from_v1(danvan::Dataset::new(danvan::Period::year(2024)?))?;
    /// let cube = danvan::FigureCube::build(&d, &danvan::Catalogue::builtin(), &d.hierarchy()?)?;
    /// assert_eq!(cube.era_period(chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()), None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn era_period(&self, era: NaiveDate) -> Option<Period> {
        self.eras.get(&era).and_then(|x| x.period)
    }

    /// The ids of the cells of one era's unit and every unit below it in
    /// that era's hierarchy (none: the current era, as [`subtree_cells`](FigureCube::subtree_cells)), in cube order.
    ///
    /// ```
    /// # let d = danvan::DatasetV2::from_v1(danvan::Dataset::new(danvan::Period::year(2024)?))?;
    /// let cube = danvan::FigureCube::build(&d, &danvan::Catalogue::builtin(), &d.hierarchy()?)?;
    /// let era = chrono::NaiveDate::from_ymd_opt(2020, 1, 1);
    /// assert!(cube.era_subtree_cells(era, &"30".parse()?).is_empty());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn era_subtree_cells(&self, era: Option<NaiveDate>, unit: &UnitCode) -> Vec<CellId> {
        let h = match era {
            None => &self.hierarchy,
            Some(e) => match self.era_hierarchy(e) {
                Some(h) => h,
                None => return Vec::new(),
            },
        };
        let Some(top) = h.index_of(unit) else {
            return Vec::new();
        };
        let under = |code: &UnitCode| {
            h.index_of(code)
                .is_some_and(|i| i == top || h.ancestors(i).any(|a| a == top))
        };
        self.cells
            .iter()
            .enumerate()
            .filter(|(_, c)| c.key.era == era && under(&c.key.unit))
            .map(|(i, _)| CellId(i))
            .collect()
    }

    /// Flags wholes whose parts certainly contradict them, and those parts.
    /// Parts of a distinct indicator (persons) may overlap: they give the
    /// union's size (from the largest part to the sum), as check_v2 reads them.
    fn flag_parts(&mut self, catalogue: &Catalogue) {
        let mut parts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (i, c) in self.cells.iter().enumerate() {
            if let Some(w) = c.part_of {
                parts.entry(w.0).or_default().push(i);
            }
        }
        for (whole, items) in parts {
            let Some(w) = self.cells.get(whole) else {
                continue;
            };
            let Some(wv) = Summable::of(&w.value) else {
                continue;
            };
            let complete = items
                .first()
                .and_then(|p| self.cells.get(*p))
                .is_some_and(|p| p.part_complete);
            let values: Option<Vec<Summable>> = items
                .iter()
                .map(|p| self.cells.get(*p).and_then(|c| Summable::of(&c.value)))
                .collect();
            let Some(values) = values else {
                continue;
            };
            let distinct = catalogue
                .get(&w.key.indicator)
                .is_some_and(|e| e.kind == IndicatorKind::Distinct);
            let mut sum: Option<Summable> = None;
            for v in values {
                sum = Some(match sum {
                    None => v,
                    Some(s) => match s.add(&v, distinct, &w.key) {
                        Ok(s) => s,
                        // Parts that cannot be added (two units, overflow) are not compared.
                        Err(_) => {
                            sum = None;
                            break;
                        }
                    },
                });
            }
            let Some(sum) = sum else {
                continue;
            };
            // A partial breakdown only has to stay within its whole.
            let sum = if complete { sum } else { sum.lower_bound() };
            if wv.certainly_differs(&sum) {
                for i in items.into_iter().chain([whole]) {
                    if let Some(c) = self.cells.get_mut(i) {
                        c.conflict = true;
                    }
                }
            }
        }
    }

    /// Adds the sums of sub-units and flags own figures that disagree with them.
    /// Within one era's hierarchy (none: the current era's), only that
    /// era's cells: a predecessor's figures are summed within its own era,
    /// never into its successor's parent.
    fn roll_up(&mut self, catalogue: &Catalogue, era: Option<NaiveDate>) -> Result<(), Located> {
        // Units the roll-up may fill ([`DatasetV2::fill_scope`]).
        let (h, in_scope) = match era {
            None => (&self.hierarchy, self.scope.clone()),
            Some(e) => match self.eras.get(&e) {
                Some(part) => (&part.hierarchy, part.scope.clone()),
                None => return Ok(()),
            },
        };
        // Each group's values by unit index: the cell it comes from.
        let mut groups: BTreeMap<Group, (FigureKey, HashMap<usize, Vec<usize>>)> = BTreeMap::new();
        for (i, c) in self.cells.iter().enumerate() {
            // A part without a key of its own (a label only) is its whole's key: never summed.
            let own_key = c
                .part_of
                .and_then(|w| self.cells.get(w.0))
                .map_or(true, |w| w.key != c.key);
            if !own_key || !summable_cell(c) || c.key.era != era {
                continue;
            }
            let Some(u) = h.index_of(&c.key.unit) else {
                continue;
            };
            let (_, slot) = groups
                .entry(group_of(&c.key))
                .or_insert_with(|| (c.key.clone(), HashMap::new()));
            slot.entry(u.get()).or_default().push(i);
        }
        let mut added: Vec<CubeCell> = Vec::new();
        let mut conflicts: Vec<usize> = Vec::new();
        let mut warnings: Vec<Issue> = Vec::new();
        // An error of a sum, at the figure of a cell that takes part in it.
        let cells = &self.cells;
        let located = |error: Error, cell: Option<&usize>| Located {
            error,
            at: cell
                .and_then(|i| cells.get(*i))
                .and_then(|c| c.origin.figure_path()),
        };
        for (template, own) in groups.into_values() {
            // This group's sums and conflicts, kept only when no sum of it is
            // left open by amounts in two unit words (DV202).
            let mut group_added: Vec<CubeCell> = Vec::new();
            let mut group_conflicts: Vec<usize> = Vec::new();
            let Some(entry) = catalogue.get(&template.indicator) else {
                continue;
            };
            if !additive(entry) {
                continue;
            }
            let distinct = entry.kind == IndicatorKind::Distinct;
            // Value and completeness per unit, filled bottom-up.
            let mut value: HashMap<usize, (Summable, bool)> = HashMap::new();
            // A unit's own value of the key: its first stated figure; else the
            // parts of one breakdown with this key, added (parts are disjoint);
            // parts of several figures with one key (a repeated figure's) are
            // not guessed between: the unit then counts as not reporting.
            let mut own_cell: HashMap<usize, usize> = HashMap::new();
            // A cell each unit's value comes from (for a sum, its first
            // term's): the figure an error of a sum above it names.
            let mut source: HashMap<usize, usize> = HashMap::new();
            let mut open: Option<Issue> = None;
            for (&u, list) in &own {
                let stated = list.iter().copied().find(|&i| {
                    self.cells
                        .get(i)
                        .is_some_and(|c| matches!(c.origin, Origin::Stated { .. }))
                });
                if let Some(i) = stated {
                    if let Some(v) = self.cells.get(i).and_then(|c| Summable::of(&c.value)) {
                        value.insert(u, (v, true));
                        own_cell.insert(u, i);
                        source.insert(u, i);
                    }
                    continue;
                }
                let figures: std::collections::BTreeSet<usize> = list
                    .iter()
                    .filter_map(|&i| match self.cells.get(i).map(|c| c.origin) {
                        Some(Origin::Part { figure, .. }) => Some(figure),
                        _ => None,
                    })
                    .collect();
                if figures.len() != 1 {
                    continue;
                }
                let mut sum: Option<Summable> = None;
                for i in list {
                    let Some(v) = self.cells.get(*i).and_then(|c| Summable::of(&c.value)) else {
                        continue;
                    };
                    let next = match &sum {
                        None => Ok(v),
                        Some(s) => s.add(&v, distinct, &template),
                    };
                    match next {
                        Ok(n) => sum = Some(n),
                        Err(e) => {
                            let unit = h
                                .iter()
                                .find(|(x, _)| x.get() == u)
                                .map_or(template.unit, |(_, x)| x.code());
                            let issue = left_open(e, unit, &[u], h, &template)
                                .map_err(|e| located(e, Some(i)))?;
                            open = Some(issue);
                            break;
                        }
                    }
                }
                if open.is_some() {
                    break;
                }
                if let (Some(sum), Some(&first)) = (sum, list.first()) {
                    value.insert(u, (sum, true));
                    own_cell.insert(u, first);
                    source.insert(u, first);
                }
            }
            for u in h.bottom_up() {
                if open.is_some() {
                    break;
                }
                let children: Vec<_> = h.children(u).collect();
                // Nothing is summed above the root, nor checked there.
                if children.is_empty() || !in_scope.get(u.get()).copied().unwrap_or(false) {
                    continue;
                }
                let mut sum: Option<Summable> = None;
                let mut first: Option<usize> = None;
                let mut reported = 0usize;
                let mut complete = true;
                let mut key = template.clone();
                key.unit = h.code(u).unwrap_or(key.unit);
                for c in &children {
                    match value.get(&c.get()) {
                        Some((v, full)) => {
                            reported += 1;
                            complete &= *full;
                            first = first.or_else(|| source.get(&c.get()).copied());
                            let next = match &sum {
                                None => Ok(v.clone()),
                                Some(s) => s.add(v, distinct, &key),
                            };
                            match next {
                                Ok(n) => sum = Some(n),
                                Err(e) => {
                                    let units: Vec<usize> = children
                                        .iter()
                                        .map(|c| c.get())
                                        .filter(|c| value.contains_key(c))
                                        .collect();
                                    // The term that did not fit takes part.
                                    let issue = left_open(e, key.unit, &units, h, &key)
                                        .map_err(|e| located(e, source.get(&c.get())))?;
                                    open = Some(issue);
                                    break;
                                }
                            }
                        }
                        None => complete = false,
                    }
                }
                if open.is_some() {
                    break;
                }
                let Some(sum) = sum else {
                    continue;
                };
                let sum = if complete { sum } else { sum.lower_bound() };
                if let Some(&cell) = own_cell.get(&u.get()) {
                    let disagrees = value
                        .get(&u.get())
                        .is_some_and(|(v, _)| v.certainly_differs(&sum));
                    if disagrees {
                        group_conflicts.push(cell);
                    }
                    continue;
                }
                value.insert(u.get(), (sum.clone(), complete));
                if let Some(first) = first {
                    source.insert(u.get(), first);
                }
                group_added.push(CubeCell {
                    key,
                    value: sum.into_value(),
                    origin: Origin::SubUnits {
                        units: reported,
                        of: children.len(),
                    },
                    stated: None,
                    label: None,
                    named: Vec::new(),
                    part_of: None,
                    part_complete: false,
                    complete,
                    conflict: false,
                });
            }
            match open {
                Some(w) => warnings.push(w),
                None => {
                    added.extend(group_added);
                    conflicts.extend(group_conflicts);
                }
            }
        }
        self.warnings.extend(warnings);
        for i in conflicts {
            if let Some(c) = self.cells.get_mut(i) {
                c.conflict = true;
            }
        }
        self.cells.extend(added);
        Ok(())
    }
}

/// The warning of a sum left open by amounts in two unit words
/// ([`ErrorKind::RollUpUnitWordsDiffer`]); any other error stands.
fn left_open(
    e: Error,
    unit: UnitCode,
    units: &[usize],
    h: &Hierarchy,
    key: &FigureKey,
) -> Result<Issue, Error> {
    let ErrorKind::UnitMismatch { left, right } = e.kind() else {
        return Err(e);
    };
    let units: Vec<String> = units
        .iter()
        .filter_map(|&i| h.iter().find(|(x, _)| x.get() == i))
        .map(|(_, u)| u.code().to_string())
        .collect();
    Ok(Issue::new(
        Severity::Warning,
        Path::root(),
        ErrorKind::RollUpUnitWordsDiffer {
            unit: unit.to_string(),
            units: units.join(", "),
            indicator: key.indicator.to_string(),
            left: left.clone(),
            right: right.clone(),
        },
    ))
}

/// Whether an indicator's values add up the hierarchy: flows, stocks and
/// distinct indicators of counts and amounts.
fn additive(entry: &crate::CatalogueEntry) -> bool {
    matches!(
        entry.kind,
        IndicatorKind::Flow | IndicatorKind::Stock | IndicatorKind::Distinct
    ) && matches!(entry.value, ValueSpec::Count | ValueSpec::Amount(_))
}

/// Whether a cell enters the roll-up: a count or an amount, not a change,
/// not "additional", of a known period, not a records total (already rolled up).
fn summable_cell(c: &CubeCell) -> bool {
    c.key.change.is_none()
        && !c.key.additional
        && c.key.period.states_dates()
        && Summable::of(&c.value).is_some()
        && !matches!(c.origin, Origin::Records)
}

/// The key a roll-up groups by.
fn group_of(key: &FigureKey) -> Group {
    (
        key.indicator.clone(),
        key.period,
        key.actor.clone(),
        key.dims.clone(),
        key.awarded_by.clone(),
    )
}

/// The value of a stated figure.
fn figure_value(f: &FigureV2) -> Result<CellValue, Error> {
    if let Some(change) = &f.change {
        if let Some(factor) = change.factor {
            return Ok(CellValue::Times(factor));
        }
    }
    match &f.value {
        Some(FigureValue::Amount(a)) => {
            let value = match f.amount()? {
                Some(v) => v,
                None => a.normalised().interval()?,
            };
            Ok(CellValue::Amount {
                value,
                unit: a.normalised().unit().clone(),
            })
        }
        Some(FigureValue::Rate(r)) => Ok(CellValue::Rate(r.clone())),
        Some(FigureValue::Ratio(r)) => Ok(CellValue::Ratio(r.clone())),
        Some(FigureValue::Duration(d)) => Ok(CellValue::Duration(d.clone())),
        _ => f.count().map(CellValue::Count).ok_or_else(|| {
            ErrorKind::NotAValue {
                input: format!("figure of {} at {} without a value", f.indicator, f.unit),
            }
            .into()
        }),
    }
}

/// The value of a part.
fn part_value(v: &FigureValue) -> Result<CellValue, Error> {
    Ok(match v {
        FigureValue::Count(r) => CellValue::Count(r.interval()),
        FigureValue::Amount(a) => CellValue::Amount {
            value: a.normalised().interval()?,
            unit: a.normalised().unit().clone(),
        },
        FigureValue::Rate(r) => CellValue::Rate(r.clone()),
        FigureValue::Ratio(r) => CellValue::Ratio(r.clone()),
        FigureValue::Duration(d) => CellValue::Duration(d.clone()),
    })
}

/// The cells of figure `i`: the figure, then each part.
fn stated_cells(
    dataset: &DatasetV2,
    catalogue: &Catalogue,
    hierarchy: &Hierarchy,
    (i, era): (usize, Option<chrono::NaiveDate>),
    f: &FigureV2,
    cells: &mut Vec<CubeCell>,
) -> Result<(), Error> {
    if catalogue.get(&f.indicator).is_none() {
        return Err(ErrorKind::UnknownCatalogueIndicator {
            id: f.indicator.as_str().into(),
        }
        .into());
    }
    // A period that does not resolve (a "since" without as_of) is refused here.
    dataset.figure_period(f)?;
    // A unit of another era is kept as a cell of its own (its key's era).
    let key = dataset.key_in_era(f, era);
    if hierarchy.index_of(&f.unit).is_none() {
        return Err(ErrorKind::UnknownUnit {
            code: f.unit.to_string(),
        }
        .into());
    }
    let whole = CellId(cells.len());
    cells.push(CubeCell {
        key: key.clone(),
        value: figure_value(f)?,
        origin: Origin::Stated { figure: i },
        stated: f.value.clone(),
        label: None,
        named: f.named.clone(),
        part_of: None,
        part_complete: false,
        complete: true,
        conflict: false,
    });
    let Some(parts) = &f.parts else {
        return Ok(());
    };
    for (j, p) in parts.items.iter().enumerate() {
        let mut pk = key.clone();
        for (d, v) in &p.dims {
            pk.dims.insert(d.clone(), v.clone());
        }
        if !p.actor.is_empty() {
            let mut actor: Vec<Actor> = p.actor.clone();
            actor.sort();
            actor.dedup();
            pk.actor = actor;
        }
        let label = p.label.clone();
        cells.push(CubeCell {
            key: pk,
            value: part_value(&p.value)?,
            origin: Origin::Part { figure: i, part: j },
            stated: Some(p.value.clone()),
            label,
            named: Vec::new(),
            part_of: Some(whole),
            part_complete: parts.complete,
            complete: true,
            conflict: false,
        });
    }
    Ok(())
}

/// The records totals of one era (none: the current era) over its
/// hierarchy: the era's records ([`DatasetV2::era_records_v1`]) folded by
/// the existing [`Accumulator`] (its one-record rules, its roll-up), one cell
/// per unit, indicator and actor of the records layer, keyed by the era and
/// the era's part of the period.
/// Whether `e` is the overflow of a sum at a unit outside the totals'
/// scope (its code named in [`ErrorKind::TotalOverflow`]).
fn overflow_outside(e: &Error, in_scope: &dyn Fn(&UnitCode) -> bool) -> bool {
    match e.kind() {
        ErrorKind::TotalOverflow { unit, .. } => {
            unit.parse::<UnitCode>().is_ok_and(|c| !in_scope(&c))
        }
        _ => false,
    }
}

fn records_cells(
    dataset: &DatasetV2,
    (era, hierarchy, scope): (Option<NaiveDate>, &Hierarchy, &[bool]),
    cells: &mut Vec<CubeCell>,
) -> Result<(), Error> {
    let split = dataset.era_records(era)?;
    if era.is_some() && split.records.is_empty() {
        return Ok(());
    }
    let d = split.dataset;
    // Another era's records fold over its units without their last day (as
    // its v1 check reads them, [`DatasetV2::era_records_v1`]): each is in the
    // era by its unit's validity already.
    let own;
    let fold = if era.is_some() {
        own = Hierarchy::new(d.units.clone())?;
        &own
    } else {
        hierarchy
    };
    // Records roll up the whole hierarchy; the totals fill the units of
    // `scope` only (a rooted dataset speaks for its root and below;
    // another era's named units, none above the root's code).
    let in_scope = |code: &UnitCode| {
        hierarchy
            .index_of(code)
            .and_then(|i| scope.get(i.get()).copied())
            .unwrap_or(false)
    };
    let fold_some = |keep: &dyn Fn(UnitCode) -> bool| -> Result<crate::Totals, Error> {
        let mut acc = Accumulator::new(fold, d.period, &[]);
        let mut add = |r: crate::RecordRef<'_>| -> Result<(), Error> {
            if keep(r.unit()) {
                acc.add(r)?;
            }
            Ok(())
        };
        d.blocks.iter().try_for_each(|r| add(r.into()))?;
        d.teams.iter().try_for_each(|r| add(r.into()))?;
        d.models.iter().try_for_each(|r| add(r.into()))?;
        d.conferences.iter().try_for_each(|r| add(r.into()))?;
        d.documents.iter().try_for_each(|r| add(r.into()))?;
        d.inspections.iter().try_for_each(|r| add(r.into()))?;
        d.dialogues.iter().try_for_each(|r| add(r.into()))?;
        d.receptions.iter().try_for_each(|r| add(r.into()))?;
        d.clearances.iter().try_for_each(|r| add(r.into()))?;
        d.awards.iter().try_for_each(|r| add(r.into()))?;
        acc.finish()
    };
    // One fold; when a sum overflows at a unit the totals never fill (a
    // stand-in by code only, an ancestor of the root), one fold per unit of
    // `scope` whose parent is outside it: no sum is formed across them, and
    // each of their cells is its own subtree's as before.
    let folds = match fold_some(&|_| true) {
        Ok(t) => vec![t],
        Err(e) if overflow_outside(&e, &in_scope) => {
            let top = |code: UnitCode| -> Option<UnitCode> {
                let mut at = fold.index_of(&code)?;
                while let Some(p) = fold.parent(at) {
                    if !fold.code(p).is_some_and(|c| in_scope(&c)) {
                        break;
                    }
                    at = p;
                }
                fold.code(at)
            };
            let mut tops: Vec<UnitCode> = fold
                .iter()
                .map(|(_, u)| u.code())
                .filter(|c| in_scope(c) && top(*c) == Some(*c))
                .collect();
            tops.sort();
            tops.dedup();
            let mut out = Vec::with_capacity(tops.len());
            for t in tops {
                out.push(fold_some(&|c| top(c) == Some(t))?);
            }
            out
        }
        Err(e) => return Err(e),
    };
    for row in folds.iter().flat_map(crate::Totals::rows) {
        if row.layer != TotalsLayer::Records || !in_scope(&row.unit) {
            continue;
        }
        let Some(value) = row.interval() else {
            continue;
        };
        cells.push(CubeCell {
            key: FigureKey {
                indicator: row.indicator.clone(),
                unit: row.unit,
                era,
                period: FigurePeriod::Dates(d.period),
                actor: vec![row.actor],
                dims: BTreeMap::new(),
                change: None,
                additional: false,
                awarded_by: None,
            },
            value: CellValue::Count(value),
            origin: Origin::Records,
            stated: None,
            label: None,
            named: Vec::new(),
            part_of: None,
            part_complete: false,
            complete: true,
            conflict: false,
        });
    }
    Ok(())
}
