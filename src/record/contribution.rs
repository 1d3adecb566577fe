//! What each record adds to totals: cells of built-in indicators, by actor.
//!
//! Each record kind writes its own `contribute` next to its struct; the table
//! of what they add is in the docs of [`aggregate`](crate::aggregate). The
//! fold, [`Totals::apply`](crate::Totals::apply), the stream and the index
//! [`check`](crate::check) keeps for the roll-up all read it from here.

use chrono::NaiveDate;

use super::RecordRef;
use crate::{Actor, Builtin, Error, Interval, Reported, Tone};

/// Flag: some member is inexact and was stated *near* ("gần", "ngót").
pub(crate) const F_NEAR: u8 = 1;
/// Flag: some member is inexact and was a plain bound, a range or an estimate.
pub(crate) const F_BOUNDED: u8 = 2;
/// Flag: some member is unbounded above ("at least", an estimate).
pub(crate) const F_OPEN: u8 = 4;
/// Flag: some member is an estimate ("khoảng").
pub(crate) const F_ESTIMATE: u8 = 8;
/// Flag: the `extra` sum passed `u64::MAX` (the upper bound is then unbounded).
pub(crate) const F_WIDE: u8 = 16;
/// The flags of an inexact member.
pub(crate) const F_INEXACT: u8 = F_NEAR | F_BOUNDED | F_OPEN | F_ESTIMATE;
/// Flag: at least one contribution.
pub(crate) const F_PRESENT: u8 = 0x80;

/// One member of a cell as the store keeps it: its lower bound, its `extra`
/// (its point less its lower bound: the width of a bounded member, the
/// estimate of an estimate, 0 for "at least") and its flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Member {
    pub(crate) low: u64,
    pub(crate) extra: u64,
    pub(crate) flags: u8,
}

impl Member {
    /// An exact member.
    pub(crate) const fn exact(v: u64) -> Member {
        Member {
            low: v,
            extra: 0,
            flags: 0,
        }
    }

    /// The member of an interval.
    pub(crate) fn of(i: Interval<u64>) -> Member {
        if i.is_exact() {
            return Member::exact(i.low());
        }
        let mut flags = match i.tone() {
            Tone::Near => F_NEAR,
            _ => F_BOUNDED,
        };
        if i.high().is_none() {
            flags |= F_OPEN;
        }
        if i.estimate().is_some() {
            flags |= F_ESTIMATE;
        }
        Member {
            low: i.low(),
            extra: i.point().saturating_sub(i.low()),
            flags,
        }
    }

    /// `[0, high]` of this member: a part of unknown size of it (estimate dropped).
    pub(crate) fn part(self) -> Member {
        let open = self.flags & (F_OPEN | F_WIDE) != 0;
        let high = self.low.checked_add(self.extra);
        match (open, high) {
            (false, Some(0)) => Member::exact(0),
            (false, Some(h)) => Member {
                low: 0,
                extra: h,
                flags: F_BOUNDED,
            },
            _ => Member {
                low: 0,
                extra: 0,
                flags: F_BOUNDED | F_OPEN,
            },
        }
    }
}

/// The most cells one record touches (a model: 1 + 5 stages).
pub(crate) const MAX_CONTRIBS: usize = 1 + crate::ModelStage::ALL.len();
// `Contribs::from_field` keeps one bit per cell in a `u8`.
const _: () = assert!(MAX_CONTRIBS <= 8);

/// The interval a reported number claims: its word's, by issue 14's table
/// ([`Reported::interval`], the one rule): a range `từ 20 đến 30` is
/// [20, 30] (read by the coarse qualifier, a range's "at most", it was
/// [0, 30]), "gần 300" near 300. The one place where a record's field or a
/// v1 figure's value becomes an interval of the totals.
pub(crate) fn interval_of(r: Reported) -> Interval<u64> {
    r.interval()
}

/// One cell a record adds to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Contrib {
    pub(crate) builtin: Builtin,
    /// What is added: exact 1 for a count of records, else a field's interval.
    pub(crate) member: Member,
    /// Whether the member comes from a field of the record (else it is the constant 1).
    pub(crate) from_field: bool,
}

/// The cells one record adds to, at most [`MAX_CONTRIBS`]. Kept as small
/// arrays, not as an array of [`Contrib`]: the stream moves one per line
/// from its workers to the thread that adds.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Contribs {
    values: [u64; MAX_CONTRIBS],
    extras: [u64; MAX_CONTRIBS],
    builtins: [Builtin; MAX_CONTRIBS],
    flags: [u8; MAX_CONTRIBS],
    /// Bit `i`: the value of item `i` comes from a field.
    from_field: u8,
    len: u8,
}

impl Contribs {
    pub(crate) fn new() -> Contribs {
        Contribs {
            values: [0; MAX_CONTRIBS],
            extras: [0; MAX_CONTRIBS],
            builtins: [Builtin::Conferences; MAX_CONTRIBS],
            flags: [0; MAX_CONTRIBS],
            from_field: 0,
            len: 0,
        }
    }

    fn push(&mut self, builtin: Builtin, m: Member, from_field: bool) {
        let i = usize::from(self.len);
        // No record kind adds to more than MAX_CONTRIBS cells.
        let (Some(v), Some(e), Some(b), Some(f)) = (
            self.values.get_mut(i),
            self.extras.get_mut(i),
            self.builtins.get_mut(i),
            self.flags.get_mut(i),
        ) else {
            return;
        };
        (*v, *e, *b, *f) = (m.low, m.extra, builtin, m.flags);
        self.from_field |= u8::from(from_field) << i;
        self.len += 1;
    }

    /// +1 on an indicator.
    pub(crate) fn one(&mut self, b: Builtin) {
        self.push(b, Member::exact(1), false);
    }

    /// An exact field's value on an indicator.
    pub(crate) fn field(&mut self, b: Builtin, value: u64) {
        self.push(b, Member::exact(value), true);
    }

    /// A qualified field's value on an indicator.
    pub(crate) fn reported(&mut self, b: Builtin, value: Reported) {
        self.push(b, Member::of(interval_of(value)), true);
    }

    /// The number of cells.
    pub(crate) fn len(&self) -> usize {
        usize::from(self.len)
    }

    /// The cells, in the order they were added.
    pub(crate) fn iter(&self) -> impl Iterator<Item = Contrib> + '_ {
        self.values
            .iter()
            .zip(&self.extras)
            .zip(&self.builtins)
            .zip(&self.flags)
            .take(self.len())
            .enumerate()
            .map(|(i, (((&low, &extra), &builtin), &flags))| Contrib {
                builtin,
                member: Member { low, extra, flags },
                from_field: self.from_field >> i & 1 == 1,
            })
    }
}

/// The actor and cells a record (not a figure) adds to, for a fold whose
/// period ends on `end`. `None` for a figure, which goes to the reported layer.
pub(crate) fn contributions(
    record: RecordRef<'_>,
    end: NaiveDate,
) -> Result<Option<(Actor, Contribs)>, Error> {
    let mut c = Contribs::new();
    let actor = match record {
        RecordRef::Figure(_) => return Ok(None),
        RecordRef::Block(x) => x.contribute(end, &mut c),
        RecordRef::Team(x) => x.contribute(end, &mut c),
        RecordRef::Model(x) => x.contribute(end, &mut c),
        RecordRef::Conference(x) => x.contribute(&mut c),
        RecordRef::Document(x) => x.contribute(&mut c),
        RecordRef::Inspection(x) => x.contribute(&mut c)?,
        RecordRef::Dialogue(x) => x.contribute(&mut c),
        RecordRef::Reception(x) => x.contribute(&mut c),
        RecordRef::Clearance(x) => x.contribute(&mut c),
        RecordRef::Award(x) => x.contribute(&mut c),
    };
    Ok(Some((actor, c)))
}

#[cfg(test)]
mod tests {
    use super::{contributions, RecordRef, MAX_CONTRIBS};

    /// The record that adds to the most cells fills `Contribs` exactly: a
    /// record kind that adds more must raise `MAX_CONTRIBS`.
    #[test]
    fn the_widest_record_fits() {
        let m: crate::SkilfulModel = serde_json::from_str(
            r#"{"unit": "30", "form": "collective", "field": "economy", "stage": "awarded"}"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let end = chrono::NaiveDate::from_ymd_opt(2022, 12, 31).unwrap_or_default();
        let (_, c) = contributions(RecordRef::Model(&m), end)
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|| panic!("a model adds cells"));
        assert_eq!(c.len(), MAX_CONTRIBS);
    }
}
