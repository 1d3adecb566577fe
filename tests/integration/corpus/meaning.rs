//! The meaning table of a corpus fixture (shared by the corpus modules): one
//! [`Expected`] per row of a report's "Figures stated" table, column by
//! column, asserted against the parsed fixture by [`assert_rows`]; and the
//! checks of a fixture or of a broken variant of it, as (code, path) pairs.

use danvan::{CheckedV2, DatasetV2, FigurePeriod, FigureValue, IndicatorKind, Report, Severity};
use rust_decimal::Decimal;

/// A figure's period as the report's table gives it.
#[allow(dead_code)] // each report's table uses some of the variants
#[derive(Clone, Copy, Debug)]
pub enum Period {
    /// The dataset's period (the figure names none).
    Dataset,
    /// The report does not state it (`"period": "unknown"`).
    Unknown,
    /// From a date to a date (ISO dates, both included).
    Dates(&'static str, &'static str),
    /// From a date to the dataset's `as_of` ("từ … đến nay").
    Since(&'static str),
    /// From a date up to a date ("tính đến ngày …").
    ToDate(&'static str, &'static str),
    /// N years ending with a year, the start not stated ("5 năm … đến 2023"):
    /// no dates are claimed.
    Years(u16, i32),
}

/// A figure's value as the report's table gives it.
#[allow(dead_code)] // each report's table uses some of the variants
#[derive(Clone, Copy, Debug)]
pub enum Value {
    /// A count: its low and high bound (None = unbounded).
    Count(u64, Option<u64>),
    /// No numeral: the count is the number of the named recipients.
    Named(u64),
    /// A duration as given: the number and its unit word.
    Duration(&'static str, &'static str),
    /// An amount, normalised (nghìn, triệu, tỷ applied): its low and high
    /// bound as decimals (None = unbounded) and its unit word.
    Amount(&'static str, Option<&'static str>, &'static str),
    /// A stated rate: the percentage as a decimal.
    Rate(&'static str),
    /// A ratio x/y: the numerator's low and high bound, and y.
    Ratio(u64, Option<u64>, u64),
}

/// An ISO date of a table.
fn date(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// A period of a table.
fn dates(start: &str, end: &str) -> danvan::Period {
    danvan::Period::new(date(start), date(end)).unwrap_or_else(|e| panic!("{start}..{end}: {e}"))
}

/// A word of a table (its wire id), exact when none.
fn word(w: Option<&str>) -> danvan::Word {
    w.unwrap_or("exact")
        .parse()
        .unwrap_or_else(|e| panic!("{w:?}: {e}"))
}

/// A decimal of a table.
fn decimal(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// One row of a report's table, column by column.
#[derive(Clone, Copy, Debug)]
pub struct Expected {
    /// The row's number in the report's table.
    pub row: u32,
    /// The figure's id.
    pub id: &'static str,
    /// The part of the figure's breakdown, for a "trong đó" row.
    pub part: Option<usize>,
    /// The indicator.
    pub indicator: &'static str,
    /// Its kind, in the catalogue.
    pub kind: IndicatorKind,
    /// Its value type, in the catalogue (`count`, `duration`, …).
    pub value_type: &'static str,
    /// The actor or actor set (sorted as the figure keeps it).
    pub actor: &'static [&'static str],
    /// The dimension values.
    pub dims: &'static [(&'static str, &'static str)],
    /// The period.
    pub period: Period,
    /// The value.
    pub value: Value,
    /// The report's word ("gần", "trên", "hơn" as wire ids), None for a plain number.
    pub word: Option<&'static str>,
    /// The recipients named.
    pub named: &'static [&'static str],
    /// The unit code the figure is on (the area it totals; a part is on
    /// its figure's unit).
    pub unit: &'static str,
    /// The higher body that gave the award, None for the unit's own.
    pub awarded_by: Option<AwardedBy>,
    /// "thêm": on top of a base the report does not give.
    pub additional: bool,
    /// A stated change ("tăng/giảm/gấp … so với …"), None for a plain figure.
    pub change: Option<Change>,
    /// The breakdown: for a figure, its own (None when it has no parts);
    /// for a part, the one it belongs to.
    pub breakdown: Option<Breakdown>,
}

/// The higher body that gave an award, as the report's table names it.
#[allow(dead_code)] // each report's table uses some of the fields
#[derive(Clone, Copy, Debug)]
pub struct AwardedBy {
    /// The unit code, when the table names the unit.
    pub unit: Option<&'static str>,
    /// The level (its wire id), when the table names it.
    pub level: Option<&'static str>,
    /// The body (its wire id), when the table names it.
    pub actor: Option<&'static str>,
}

/// A stated change as the report's table gives it; its size (tăng/giảm N)
/// is the row's value.
#[allow(dead_code)] // no corpus report states a change (the rows say None)
#[derive(Clone, Copy, Debug)]
pub struct Change {
    /// `increase`, `decrease` or `times`.
    pub direction: &'static str,
    /// The period compared to (ISO dates, both included).
    pub compared_to: (&'static str, &'static str),
    /// K of "gấp K lần" (times only).
    pub factor: Option<&'static str>,
}

/// A breakdown's completeness.
#[allow(dead_code)] // each report's table uses some of the variants
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Breakdown {
    /// The parts add up to the whole.
    Exhaustive,
    /// "trong đó (có)": the parts stay within the whole.
    Partial,
}

/// The fixture, checked (it must pass).
pub fn check(name: &str) -> CheckedV2 {
    let d = super::dataset(name);
    let catalogue = danvan::Catalogue::builtin();
    danvan::check_v2(d, &catalogue).unwrap_or_else(|r| panic!("{name}: {:?}", codes(&r)))
}

/// Every issue of a report as (code, path).
pub fn codes(report: &Report) -> Vec<(String, String)> {
    report
        .issues()
        .iter()
        .map(|i| {
            let path = i.path().map(ToString::to_string).unwrap_or_default();
            (i.code().to_string(), path)
        })
        .collect()
}

/// The fixture checks with no issue at all, not even a warning.
pub fn assert_clean(name: &str) {
    let checked = check(name);
    assert_eq!(
        codes(checked.warnings()),
        Vec::<(String, String)>::new(),
        "{name}"
    );
}

/// The fixture with the figure `id` changed by `edit`.
fn edited(name: &str, id: &str, edit: impl FnOnce(&mut serde_json::Value)) -> serde_json::Value {
    let mut doc = super::json(name);
    edit(super::figure_mut(&mut doc, id));
    doc
}

/// A broken variant of a fixture, the one helper of every module: `edit`
/// changes the figure `id`; the checks must fail with exactly this error
/// (code, path), and nothing else is an error.
pub fn assert_broken(
    name: &str,
    id: &str,
    edit: impl FnOnce(&mut serde_json::Value),
    want: (&str, &str),
) {
    let got = errors_of(&edited(name, id, edit));
    assert_eq!(got, [owned(want)], "{name}: {id} broken");
}

/// A variant the intervals leave open: `edit` changes the figure `id`; the
/// checks pass with exactly this warning (code, path).
pub fn assert_open(
    name: &str,
    id: &str,
    edit: impl FnOnce(&mut serde_json::Value),
    want: (&str, &str),
) {
    let got = warnings_of(&edited(name, id, edit));
    assert_eq!(got, [owned(want)], "{name}: {id} left open");
}

fn owned((code, path): (&str, &str)) -> (String, String) {
    (code.to_owned(), path.to_owned())
}

/// Every issue (errors and warnings) of a variant that must fail the checks.
pub fn failing(d: DatasetV2) -> Vec<(String, String)> {
    match danvan::check_v2(d, &danvan::Catalogue::builtin()) {
        Ok(_) => panic!("the broken variant passed the checks"),
        Err(report) => codes(&report),
    }
}

/// The warnings of a variant that must pass the checks.
pub fn passing(d: DatasetV2) -> Vec<(String, String)> {
    let checked = danvan::check_v2(d, &danvan::Catalogue::builtin())
        .unwrap_or_else(|r| panic!("the variant fails: {:?}", codes(&r)));
    codes(checked.warnings())
}

/// The errors (not the warnings) of a variant that must fail the checks.
pub fn errors_of(doc: &serde_json::Value) -> Vec<(String, String)> {
    let d = super::from_value(doc).unwrap_or_else(|e| panic!("the variant reads: {e}"));
    let Err(report) = danvan::check_v2(d, &danvan::Catalogue::builtin()) else {
        panic!("the broken variant passed the checks")
    };
    let errors: Vec<_> = report
        .issues()
        .iter()
        .filter(|i| i.severity() == Severity::Error)
        .cloned()
        .collect();
    codes(&Report::new(errors))
}

/// The warnings of a variant that must pass the checks.
pub fn warnings_of(doc: &serde_json::Value) -> Vec<(String, String)> {
    passing(super::from_value(doc).unwrap_or_else(|e| panic!("the variant reads: {e}")))
}

/// The code of the error a variant is refused with on read.
pub fn read_error(doc: &serde_json::Value) -> String {
    match super::from_value(doc) {
        Ok(_) => panic!("the broken variant was read"),
        Err(e) => e.code().to_string(),
    }
}

/// Each row against the fixture; nothing extra, nothing lost: the rows and
/// the not-encoded ones are the report's `total` rows 1..=total, each once,
/// and the rows are exactly the fixture's figures and parts.
pub fn assert_rows(d: &DatasetV2, rows: &[Expected], not_encoded: &[(u32, &str)], total: u32) {
    let mut numbers: Vec<u32> = rows
        .iter()
        .map(|r| r.row)
        .chain(not_encoded.iter().map(|n| n.0))
        .collect();
    numbers.sort_unstable();
    assert_eq!(
        numbers,
        (1..=total).collect::<Vec<_>>(),
        "every row of the report once"
    );
    for (row, reason) in not_encoded {
        assert!(!reason.is_empty(), "row {row} needs its reason");
    }
    let in_fixture: usize = d
        .figures
        .iter()
        .map(|f| 1 + f.parts.as_ref().map_or(0, |p| p.items.len()))
        .sum();
    assert_eq!(
        rows.len(),
        in_fixture,
        "one row per figure and part of the fixture"
    );
    let mut seen = std::collections::HashSet::new();
    let catalogue = super::catalogue(d);
    // Every value of its indicator's type, amounts in its unit word.
    assert_eq!(
        d.value_problems(&catalogue).len(),
        0,
        "{:?}",
        d.value_problems(&catalogue)
    );
    // Every dimension value is built in or declared by the dataset.
    let dimensions = d.dimensions().unwrap_or_else(|e| panic!("dimensions: {e}"));
    let parts = d
        .figures
        .iter()
        .flat_map(|f| f.parts.iter().flat_map(|p| &p.items));
    let all_dims = d
        .figures
        .iter()
        .map(|f| &f.dims)
        .chain(parts.map(|p| &p.dims));
    for (dim, value) in all_dims.flatten() {
        dimensions
            .check(dim, value)
            .unwrap_or_else(|e| panic!("{dim}={value}: {e}"));
    }
    for r in rows {
        assert!(
            seen.insert((r.id, r.part)),
            "row {}: {} {:?} twice",
            r.row,
            r.id,
            r.part
        );
        let f = super::figure(d, r.id);
        let at = format!("row {} ({} {:?})", r.row, r.id, r.part);
        assert_eq!(f.indicator.as_str(), r.indicator, "{at}: indicator");
        assert_eq!(f.unit.to_string(), r.unit, "{at}: unit");
        let by = f.awarded_by.as_ref().map(|b| {
            (
                b.unit.as_ref().map(ToString::to_string),
                b.level.map(|l| l.as_str().to_owned()),
                b.actor.map(|a| a.as_str().to_owned()),
            )
        });
        let want_by = r.awarded_by.map(|b| {
            (
                b.unit.map(str::to_owned),
                b.level.map(str::to_owned),
                b.actor.map(str::to_owned),
            )
        });
        assert_eq!(by, want_by, "{at}: awarded_by");
        assert_eq!(f.additional, r.additional, "{at}: additional");
        let change = f.change.as_ref().map(|c| {
            let direction = serde_json::to_value(c.direction).unwrap_or_default();
            (
                direction.as_str().unwrap_or_default().to_owned(),
                c.compared_to,
                c.factor,
            )
        });
        let want_change = r.change.map(|c| {
            (
                c.direction.to_owned(),
                dates(c.compared_to.0, c.compared_to.1),
                c.factor.map(decimal),
            )
        });
        assert_eq!(change, want_change, "{at}: change");
        let breakdown = f.parts.as_ref().map(|p| {
            if p.complete {
                Breakdown::Exhaustive
            } else {
                Breakdown::Partial
            }
        });
        assert_eq!(breakdown, r.breakdown, "{at}: breakdown");
        let entry = catalogue
            .get(&f.indicator)
            .unwrap_or_else(|| panic!("{at}: not in the catalogue"));
        assert_eq!(entry.kind, r.kind, "{at}: kind");
        assert_eq!(entry.value.type_name(), r.value_type, "{at}: value type");
        let (actor, dims, value, named) = match r.part {
            None => (&f.actor, &f.dims, f.value.as_ref(), &f.named[..]),
            Some(i) => {
                let p = &f
                    .parts
                    .as_ref()
                    .unwrap_or_else(|| panic!("{at}: no parts"))
                    .items[i];
                let actor = if p.actor.is_empty() {
                    &f.actor
                } else {
                    &p.actor
                };
                (actor, &p.dims, Some(&p.value), &[][..])
            }
        };
        let actor: Vec<&str> = actor.iter().map(|a| a.as_str()).collect();
        assert_eq!(actor, r.actor, "{at}: actor");
        let dims: Vec<(&str, &str)> = dims.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let mut want = r.dims.to_vec();
        want.sort_unstable();
        assert_eq!(dims, want, "{at}: dims");
        match r.period {
            Period::Dataset => {
                assert!(f.period.is_none(), "{at}: the dataset's period");
                assert_eq!(
                    d.figure_period(f).ok(),
                    Some(Some(d.period)),
                    "{at}: period"
                );
            }
            Period::Unknown => {
                assert_eq!(f.period, Some(FigurePeriod::Unknown), "{at}: period");
                assert_eq!(d.figure_period(f).ok(), Some(None), "{at}: period");
            }
            Period::Dates(start, end) => {
                let p = dates(start, end);
                assert_eq!(f.period, Some(FigurePeriod::Dates(p)), "{at}: period");
                assert_eq!(d.figure_period(f).ok(), Some(Some(p)), "{at}: period");
            }
            Period::Since(start) => {
                let as_of = d
                    .as_of
                    .unwrap_or_else(|| panic!("{at}: \"đến nay\" needs the dataset's as_of"));
                let want = FigurePeriod::Since { start: date(start) };
                assert_eq!(f.period, Some(want), "{at}: period");
                let p = danvan::Period::new(date(start), as_of).ok();
                assert_eq!(d.figure_period(f).ok(), Some(p), "{at}: period until as_of");
            }
            Period::Years(years, end) => {
                let want = FigurePeriod::Years {
                    years,
                    ending: danvan::PeriodEnd::Year(end),
                    calendar: false,
                };
                assert_eq!(f.period, Some(want), "{at}: period");
                assert_eq!(
                    d.figure_period(f).ok(),
                    Some(None),
                    "{at}: no dates claimed"
                );
            }
            Period::ToDate(start, to_date) => {
                let want = FigurePeriod::ToDate {
                    start: date(start),
                    to_date: date(to_date),
                };
                assert_eq!(f.period, Some(want), "{at}: period");
                let p = dates(start, to_date);
                assert_eq!(d.figure_period(f).ok(), Some(Some(p)), "{at}: period");
            }
        }
        let names: Vec<&str> = named.iter().map(String::as_str).collect();
        assert_eq!(names, r.named, "{at}: named");
        if let Some(v) = value {
            assert_eq!(v.type_name(), r.value_type, "{at}: the value's type");
        }
        match (r.value, value) {
            (Value::Count(low, high), Some(FigureValue::Count(c))) => {
                let i = c.interval();
                assert_eq!((i.low(), i.high()), (low, high), "{at}: bounds");
                assert_eq!(c.word().as_str(), r.word.unwrap_or("exact"), "{at}: word");
                if r.part.is_none() {
                    assert_eq!(f.count(), Some(i), "{at}: the count");
                }
            }
            (Value::Named(n), None) => {
                assert_eq!(names.len() as u64, n, "{at}: names");
                assert_eq!(
                    f.count(),
                    Some(danvan::Interval::exact(n)),
                    "{at}: count by names"
                );
            }
            (Value::Duration(amount, unit), Some(FigureValue::Duration(dv))) => {
                assert_eq!(dv.duration.to_string(), amount, "{at}: duration");
                assert_eq!(dv.unit.as_str(), unit, "{at}: duration unit");
                assert_eq!(f.count(), None, "{at}: a duration is no count");
            }
            (Value::Amount(low, high, unit), Some(FigureValue::Amount(a))) => {
                let i = a
                    .normalised()
                    .interval()
                    .unwrap_or_else(|e| panic!("{at}: {e}"));
                assert_eq!(Decimal::from(i.low()), decimal(low), "{at}: low");
                assert_eq!(i.high().map(Decimal::from), high.map(decimal), "{at}: high");
                assert_eq!(a.normalised().unit().as_str(), unit, "{at}: unit word");
                // An amount keeps the report's word ("gần" is `nearly`, "trên"
                // `above`), and so its qualifier.
                assert_eq!(
                    a.normalised().word().as_str(),
                    r.word.unwrap_or("exact"),
                    "{at}: word"
                );
                assert_eq!(
                    a.normalised().qualifier(),
                    word(r.word).qualifier(),
                    "{at}: the word's qualifier"
                );
                if r.part.is_none() {
                    assert_eq!(f.amount().ok(), Some(Some(i)), "{at}: the amount");
                }
            }
            (Value::Rate(percent), Some(FigureValue::Rate(rate))) => {
                assert_eq!(rate.percent, decimal(percent), "{at}: percent");
                assert_eq!(
                    rate.qualifier,
                    word(r.word).qualifier(),
                    "{at}: the word's qualifier"
                );
                assert_eq!(f.count(), None, "{at}: a rate is no count");
            }
            (Value::Ratio(low, high, den), Some(FigureValue::Ratio(ratio))) => {
                let i = ratio.num.interval();
                assert_eq!((i.low(), i.high()), (low, high), "{at}: numerator");
                assert_eq!(
                    ratio.num.word().as_str(),
                    r.word.unwrap_or("exact"),
                    "{at}: word"
                );
                assert_eq!(ratio.den.get(), den, "{at}: denominator");
                assert_eq!(f.count(), None, "{at}: a ratio is no count");
            }
            (want, got) => panic!("{at}: value {want:?}, fixture {got:?}"),
        }
    }
}
