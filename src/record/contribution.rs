//! What each record adds to totals: cells of built-in indicators, by actor.
//!
//! Each record kind writes its own `contribute` next to its struct; the table
//! of what they add is in the docs of [`aggregate`](crate::aggregate). The
//! fold, [`Totals::apply`](crate::Totals::apply), the stream and the index
//! [`check`](crate::check) keeps for the roll-up all read it from here.

use chrono::NaiveDate;

use super::RecordRef;
use crate::{Actor, Builtin, Error, Qualifier};

/// The most cells one record touches (a model: 1 + 5 stages).
pub(crate) const MAX_CONTRIBS: usize = 1 + crate::ModelStage::ALL.len();
// `Contribs::from_field` keeps one bit per cell in a `u8`.
const _: () = assert!(MAX_CONTRIBS <= 8);

/// One cell a record adds to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Contrib {
    pub(crate) builtin: Builtin,
    /// The amount added: 1 for a count of records, else a field's value.
    pub(crate) value: u64,
    /// The qualifier of the value.
    pub(crate) qualifier: Qualifier,
    /// Whether `value` comes from a field of the record (else it is the constant 1).
    pub(crate) from_field: bool,
}

/// The cells one record adds to, at most [`MAX_CONTRIBS`]. Kept as small
/// arrays, not as an array of [`Contrib`]: the stream moves one per line
/// from its workers to the thread that adds.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Contribs {
    values: [u64; MAX_CONTRIBS],
    builtins: [Builtin; MAX_CONTRIBS],
    qualifiers: [Qualifier; MAX_CONTRIBS],
    /// Bit `i`: the value of item `i` comes from a field.
    from_field: u8,
    len: u8,
}

impl Contribs {
    pub(crate) fn new() -> Contribs {
        Contribs {
            values: [0; MAX_CONTRIBS],
            builtins: [Builtin::Conferences; MAX_CONTRIBS],
            qualifiers: [Qualifier::Exact; MAX_CONTRIBS],
            from_field: 0,
            len: 0,
        }
    }

    fn push(&mut self, builtin: Builtin, value: u64, qualifier: Qualifier, from_field: bool) {
        let i = usize::from(self.len);
        // No record kind adds to more than MAX_CONTRIBS cells.
        let (Some(v), Some(b), Some(q)) = (
            self.values.get_mut(i),
            self.builtins.get_mut(i),
            self.qualifiers.get_mut(i),
        ) else {
            return;
        };
        (*v, *b, *q) = (value, builtin, qualifier);
        self.from_field |= u8::from(from_field) << i;
        self.len += 1;
    }

    /// +1 on an indicator.
    pub(crate) fn one(&mut self, b: Builtin) {
        self.push(b, 1, Qualifier::Exact, false);
    }

    /// An exact field's value on an indicator.
    pub(crate) fn field(&mut self, b: Builtin, value: u64) {
        self.push(b, value, Qualifier::Exact, true);
    }

    /// A qualified field's value on an indicator.
    pub(crate) fn reported(&mut self, b: Builtin, value: crate::Reported) {
        self.push(b, value.value().get(), value.qualifier(), true);
    }

    /// The number of cells.
    pub(crate) fn len(&self) -> usize {
        usize::from(self.len)
    }

    /// The cells, in the order they were added.
    pub(crate) fn iter(&self) -> impl Iterator<Item = Contrib> + '_ {
        self.values
            .iter()
            .zip(&self.builtins)
            .zip(&self.qualifiers)
            .take(self.len())
            .enumerate()
            .map(|(i, ((&value, &builtin), &qualifier))| Contrib {
                builtin,
                value,
                qualifier,
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
