//! The one-record rules, written once.
//!
//! Each record kind states its rules as a function of the record, a small
//! [`Context`] (what the rules need to know of the units, the period and the
//! indicators) and a [`Sink`] that takes each broken rule with the field it
//! concerns. [`check`](crate::check) runs them with a sink that collects every
//! issue and joins the field to the record's path; the stream and
//! [`Accumulator`](crate::Accumulator) run them with [`First`], which keeps the
//! first error and stops. Rules across records (duplicate ids, one block per
//! commune, duplicate figures, stage nesting, reception norms) are not here:
//! they live in `validate`.

use std::ops::ControlFlow;

use chrono::{Datelike, NaiveDate};

use super::RecordRef;
use crate::{Error, ErrorKind, FigurePart, IndicatorId, IndicatorKind, Level, Period, Qualifier};
use crate::{Reported, Unit, UnitCode, ValueType};

/// What the rules know of a unit: its level and the days it is valid on
/// (days from the Common Era, open ends as the extremes: 12 bytes, so that
/// the fold's table of units stays small in cache).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct UnitFacts {
    pub(crate) level: Level,
    from: i32,
    to: i32,
}

impl UnitFacts {
    /// The facts of a unit.
    pub(crate) fn of(unit: &Unit) -> UnitFacts {
        UnitFacts {
            level: unit.level(),
            from: unit.valid_from().map_or(i32::MIN, |d| d.num_days_from_ce()),
            to: unit.valid_to().map_or(i32::MAX, |d| d.num_days_from_ce()),
        }
    }

    /// Whether the unit is valid on `date`.
    pub(crate) fn valid_on(&self, date: NaiveDate) -> bool {
        let d = date.num_days_from_ce();
        self.from <= d && d <= self.to
    }
}

/// What the one-record rules look up.
pub(crate) trait Context {
    /// What a found unit is to the caller (a place in the fold, or nothing).
    type Handle: Copy;

    /// The unit of `code`, if known.
    fn unit(&self, code: &UnitCode) -> Option<(Self::Handle, UnitFacts)>;

    /// The period records must lie in.
    fn period(&self) -> Period;

    /// The kind and value type of an indicator, if known.
    fn indicator(&self, id: &IndicatorId) -> Option<(IndicatorKind, ValueType)>;
}

/// Where broken rules go.
pub(crate) trait Sink {
    /// One broken rule at `field` of the record (`None`: the record as a
    /// whole). [`ControlFlow::Break`] stops the record's rules.
    fn error(&mut self, field: Option<&'static str>, kind: ErrorKind) -> ControlFlow<()>;
}

/// A sink that keeps the first error and stops: for the stream and the fold.
#[derive(Debug, Default)]
pub(crate) struct First(pub(crate) Option<ErrorKind>);

impl Sink for First {
    #[inline]
    fn error(&mut self, _field: Option<&'static str>, kind: ErrorKind) -> ControlFlow<()> {
        self.0 = Some(kind);
        ControlFlow::Break(())
    }
}

/// The outcome of a rule: go on with a value, or stop.
pub(crate) type Flow<T = ()> = ControlFlow<(), T>;

/// The rules' view of the context and the sink, with the rules several
/// record kinds share.
pub(crate) struct Rules<'a, C: ?Sized, S: ?Sized> {
    pub(crate) cx: &'a C,
    pub(crate) sink: &'a mut S,
}

impl<C: Context + ?Sized, S: Sink + ?Sized> Rules<'_, C, S> {
    /// Reports one broken rule.
    pub(crate) fn error(&mut self, field: Option<&'static str>, kind: ErrorKind) -> Flow {
        self.sink.error(field, kind)
    }

    /// The `unit` field: known, of `level` when given, valid on `date` when given.
    #[inline]
    pub(crate) fn unit(
        &mut self,
        code: &UnitCode,
        level: Option<Level>,
        date: Option<NaiveDate>,
    ) -> Flow<Option<C::Handle>> {
        let at = Some("unit");
        let Some((handle, facts)) = self.cx.unit(code) else {
            self.error(
                at,
                ErrorKind::UnknownUnit {
                    code: code.to_string(),
                },
            )?;
            return ControlFlow::Continue(None);
        };
        if let Some(expected) = level {
            if facts.level != expected {
                self.error(
                    at,
                    ErrorKind::WrongLevel {
                        code: code.to_string(),
                        level: facts.level.as_str(),
                        expected: match expected {
                            Level::Province => "a province",
                            Level::District => "a district",
                            Level::Commune => "a commune",
                            Level::Village => "a village",
                        },
                    },
                )?;
            }
        }
        if let Some(date) = date {
            if !facts.valid_on(date) {
                self.error(
                    at,
                    ErrorKind::UnitNotValidOn {
                        code: code.to_string(),
                        date,
                    },
                )?;
            }
        }
        ControlFlow::Continue(Some(handle))
    }

    /// A date field inside the period.
    pub(crate) fn in_period(&mut self, field: &'static str, date: NaiveDate) -> Flow {
        let p = self.cx.period();
        if p.contains(date) {
            return ControlFlow::Continue(());
        }
        self.error(
            Some(field),
            ErrorKind::DateOutsidePeriod {
                date,
                start: p.start(),
                end: p.end(),
            },
        )
    }

    /// The rules every dated record shares: its unit valid on its date, the
    /// date in the period.
    pub(crate) fn dated(&mut self, unit: &UnitCode, date: NaiveDate) -> Flow<Option<C::Handle>> {
        let handle = self.unit(unit, None, Some(date))?;
        self.in_period("date", date)?;
        ControlFlow::Continue(handle)
    }

    /// A body is not dissolved before it was set up.
    pub(crate) fn established_order(
        &mut self,
        established: Option<NaiveDate>,
        dissolved: Option<NaiveDate>,
    ) -> Flow {
        match (established, dissolved) {
            (Some(e), Some(d)) if d < e => self.error(
                Some("dissolved"),
                ErrorKind::DissolvedBeforeEstablished {
                    established: e,
                    dissolved: d,
                },
            ),
            _ => ControlFlow::Continue(()),
        }
    }

    /// Petitions resolved do not exceed petitions raised.
    pub(crate) fn petitions(&mut self, raised: u64, resolved: u64) -> Flow {
        if resolved > raised {
            return self.error(
                Some("petitions_resolved"),
                ErrorKind::ResolvedExceedsRaised { resolved, raised },
            );
        }
        ControlFlow::Continue(())
    }

    /// The parts of a figure's value: they add up to it (as intervals, the
    /// sum fitting in a count); for a distinct-persons indicator, whose parts
    /// may overlap, none is certainly larger than the whole.
    pub(crate) fn parts(&mut self, total: Reported, parts: &[FigurePart], distinct: bool) -> Flow {
        let at = Some("parts");
        if distinct {
            let high = total.bounds().1;
            let too_big = parts
                .iter()
                .find(|p| high.is_some_and(|h| p.value.bounds().0 > h));
            if let Some(part) = too_big {
                self.error(
                    at,
                    ErrorKind::PartExceedsWhole {
                        part: part.value.value().get(),
                        whole: total.value().get(),
                    },
                )?;
            }
            return ControlFlow::Continue(());
        }
        let mut sum: Option<Reported> = None;
        for part in parts {
            let next = match sum {
                None => Ok(part.value),
                Some(s) => s.checked_add(part.value),
            };
            match next {
                Ok(s) => sum = Some(s),
                Err(err) => return self.error(at, err.into_kind()),
            }
        }
        let Some(sum) = sum else {
            return ControlFlow::Continue(());
        };
        if !overlap(total.bounds(), sum.bounds()) {
            self.error(
                at,
                ErrorKind::PartsMismatch {
                    total: total.value().get(),
                    total_qualifier: qualifier_name(total.qualifier()),
                    parts: sum.value().get(),
                    parts_qualifier: qualifier_name(sum.qualifier()),
                },
            )?;
        }
        ControlFlow::Continue(())
    }
}

/// Whether two intervals `[low, high]` (`None` = unbounded) share a value.
fn overlap(a: (u64, Option<u64>), b: (u64, Option<u64>)) -> bool {
    b.1.map_or(true, |bh| a.0 <= bh) && a.1.map_or(true, |ah| b.0 <= ah)
}

fn qualifier_name(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "exact",
        Qualifier::AtLeast => "at_least",
        Qualifier::AtMost => "at_most",
        Qualifier::About => "about",
    }
}

/// Runs the one-record rules of `record`, giving the handle of its unit when
/// the unit is known.
pub(crate) fn check_record<C: Context + ?Sized, S: Sink + ?Sized>(
    record: RecordRef<'_>,
    cx: &C,
    sink: &mut S,
) -> Flow<Option<C::Handle>> {
    let mut r = Rules { cx, sink };
    match record {
        RecordRef::Block(x) => x.rules(&mut r),
        RecordRef::Team(x) => x.rules(&mut r),
        RecordRef::Model(x) => x.rules(&mut r),
        RecordRef::Conference(x) => x.rules(&mut r),
        RecordRef::Document(x) => x.rules(&mut r),
        RecordRef::Inspection(x) => x.rules(&mut r),
        RecordRef::Dialogue(x) => x.rules(&mut r),
        RecordRef::Reception(x) => x.rules(&mut r),
        RecordRef::Clearance(x) => x.rules(&mut r),
        RecordRef::Award(x) => x.rules(&mut r),
        RecordRef::Figure(x) => x.rules(&mut r),
    }
}

/// [`check_record`] stopping at the first error: the handle of the record's
/// unit, or the error.
pub(crate) fn first_error<C: Context + ?Sized>(
    record: RecordRef<'_>,
    cx: &C,
) -> Result<C::Handle, Error> {
    let mut first = First::default();
    if let ControlFlow::Continue(Some(handle)) = check_record(record, cx, &mut first) {
        return Ok(handle);
    }
    // Every record has a unit; an unknown one is an error.
    let kind = first.0.unwrap_or_else(|| ErrorKind::UnknownUnit {
        code: record.unit().to_string(),
    });
    Err(kind.into())
}
