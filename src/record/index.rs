//! The records of a checked dataset in the form the fold reads: the neutral
//! index [`Checked`](crate::Checked) keeps for [`Totals::compute`](crate::Totals::compute).
//!
//! [`check`](crate::check) resolves every record once: its unit to the dense
//! index of the hierarchy, and what it adds (see
//! [`contributions`](super::contribution::contributions)) to a *shape* — the
//! actor and the cells, with the qualifier flags — plus the field values the
//! shape takes. Records that add the same way share a shape; a national
//! dataset has a few dozen. [`Totals::compute`](crate::Totals::compute) then
//! reads three plain arrays, without hashing a code or looking at a record
//! struct: the loop a hand-written program would run.

use chrono::NaiveDate;

use super::contribution::{contributions, Contribs, F_INEXACT, F_WIDE, MAX_CONTRIBS};
use super::RecordRef;
use crate::lookup::FastMap;
use crate::{Actor, Error, ErrorKind, Hierarchy};

/// One cell of a shape: the indicator (dense built-in index), the member's
/// flags (0 for an exact value; an inexact one takes two values, its lower
/// bound and its extra), and whether the value is a field (else the constant 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct ShapeItem {
    pub(crate) builtin: u8,
    pub(crate) flags: u8,
    pub(crate) from_field: bool,
}

impl ShapeItem {
    /// How many field values the item takes.
    pub(crate) fn width(&self) -> usize {
        match (self.from_field, self.flags & F_INEXACT != 0) {
            (false, _) => 0,
            (true, false) => 1,
            (true, true) => 2,
        }
    }
}

/// What a record adds, without its values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Shape {
    pub(crate) actor: Actor,
    items: [ShapeItem; MAX_CONTRIBS],
    len: u8,
}

impl Shape {
    pub(crate) fn items(&self) -> &[ShapeItem] {
        self.items.get(..usize::from(self.len)).unwrap_or(&[])
    }

    /// The shape packed in 98 bits (15 per item: indicator, 6 flag bits,
    /// field bit; then the actor and the length), a cheap key to intern by.
    fn key(&self) -> u128 {
        let mut k = 0u128;
        for item in self.items() {
            let q = item.flags & (F_INEXACT | F_WIDE);
            let bits =
                u128::from(item.builtin) << 7 | u128::from(q) << 1 | u128::from(item.from_field);
            k = k << 15 | bits;
        }
        k << 8 | (self.actor.index() as u128) << 4 | u128::from(self.len)
    }
}

/// Every record of a dataset (figures aside), resolved and ordered by unit.
///
/// The records of unit `u` are `shape[starts[u]..starts[u + 1]]`, in dataset
/// order; each adds as `shapes[id]` and takes its shape's field values from
/// `values`, in the same order. Records that add nothing (a block dissolved
/// before the period's end, say) are not kept. Ordering by unit makes the
/// fold touch each unit's cells while they are in cache, instead of jumping
/// across the columns at every record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Resolved {
    pub(crate) starts: Vec<usize>,
    pub(crate) shape: Vec<u16>,
    pub(crate) values: Vec<u64>,
    pub(crate) shapes: Vec<Shape>,
}

/// Records in dataset order, before they are ordered by unit.
#[derive(Debug, Default)]
struct Unordered {
    units: Vec<u32>,
    shape: Vec<u16>,
    values: Vec<u64>,
    shapes: Vec<Shape>,
}

/// Builds [`Resolved`] list by list, interning shapes.
pub(crate) struct Builder {
    out: Unordered,
    /// Shapes seen so far, by [`Shape::key`].
    known: FastMap<u128, u16>,
    index: crate::lookup::UnitMap,
    end: NaiveDate,
    /// The number of units of the hierarchy.
    units: usize,
}

impl Builder {
    /// Adds the records of one list; an error gives the record's position,
    /// and the field when it is the unit.
    pub(crate) fn list<'a, T: 'a>(
        &mut self,
        items: &'a [T],
        as_ref: impl Fn(&'a T) -> RecordRef<'a>,
    ) -> Result<(), (usize, Option<&'static str>, Error)> {
        // Resolve units a batch at a time, so that the lookups' cache misses overlap.
        const BATCH: usize = 64;
        let mut units = [None::<u32>; BATCH];
        for (c, chunk) in items.chunks(BATCH).enumerate() {
            for (slot, x) in units.iter_mut().zip(chunk) {
                *slot = self.index.get(&as_ref(x).unit());
            }
            for (k, (&u, x)) in units.iter().zip(chunk).enumerate() {
                let at = c * BATCH + k;
                let r = as_ref(x);
                let Some(u) = u else {
                    let err = ErrorKind::UnknownUnit {
                        code: r.unit().to_string(),
                    };
                    return Err((at, Some("unit"), err.into()));
                };
                let Some((actor, c)) = contributions(r, self.end).map_err(|e| (at, None, e))?
                else {
                    continue;
                };
                self.push(u, actor, &c).map_err(|e| (at, None, e))?;
            }
        }
        Ok(())
    }

    fn push(&mut self, unit: u32, actor: Actor, items: &Contribs) -> Result<(), Error> {
        if items.len() == 0 {
            return Ok(());
        }
        let mut shape = Shape {
            actor,
            items: [ShapeItem {
                builtin: 0,
                flags: 0,
                from_field: false,
            }; MAX_CONTRIBS],
            len: 0,
        };
        for (slot, c) in shape.items.iter_mut().zip(items.iter()) {
            *slot = ShapeItem {
                builtin: u8::try_from(c.builtin.index()).map_err(|_| too_many())?,
                flags: c.member.flags,
                from_field: c.from_field,
            };
            shape.len += 1;
            if c.from_field {
                self.out.values.push(c.member.low);
                if c.member.flags & F_INEXACT != 0 {
                    self.out.values.push(c.member.extra);
                }
            }
        }
        let next = self.out.shapes.len();
        let key = shape.key();
        let id = match self.known.get(&key) {
            // The key drops nothing a contribution can carry; compare anyway.
            Some(&id) if self.out.shapes.get(usize::from(id)) == Some(&shape) => id,
            Some(_) => return Err(too_many()),
            None => {
                let id = u16::try_from(next).map_err(|_| too_many())?;
                self.known.insert(key, id);
                self.out.shapes.push(shape);
                id
            }
        };
        self.out.units.push(unit);
        self.out.shape.push(id);
        Ok(())
    }
}

fn too_many() -> Error {
    ErrorKind::Overflow {
        what: "number of record shapes".to_owned(),
    }
    .into()
}

impl Resolved {
    /// Starts resolving the records of a dataset whose period ends on `end`
    /// against `h`; `capacity` records are expected.
    pub(crate) fn builder(h: &Hierarchy, end: NaiveDate, capacity: usize) -> Builder {
        Builder {
            out: Unordered {
                units: Vec::with_capacity(capacity),
                shape: Vec::with_capacity(capacity),
                values: Vec::with_capacity(capacity),
                shapes: Vec::new(),
            },
            known: FastMap::default(),
            index: crate::lookup::unit_map(h),
            end,
            units: h.len(),
        }
    }
}

impl Builder {
    /// The records added so far, ordered by unit.
    ///
    /// # Errors
    ///
    /// When the records' shapes do not fit the index (a checked dataset's do).
    pub(crate) fn finish(self) -> Result<Resolved, Error> {
        self.out.by_unit(self.units)
    }
}

impl Unordered {
    /// Orders the records by unit (a stable counting sort), values with them.
    fn by_unit(self, units: usize) -> Result<Resolved, Error> {
        let Unordered {
            units: unit_of,
            shape,
            values,
            shapes,
        } = self;
        // Field values each shape takes, worked out once per shape.
        let widths: Vec<usize> = shapes
            .iter()
            .map(|shape| shape.items().iter().map(ShapeItem::width).sum())
            .collect();
        let width = |s: u16| -> Result<usize, Error> {
            widths.get(usize::from(s)).copied().ok_or_else(too_many)
        };
        // Records and values per unit, then their start offsets.
        let mut starts = vec![0usize; units + 1];
        let mut value_starts = vec![0usize; units + 1];
        for (&u, &s) in unit_of.iter().zip(&shape) {
            let u = u as usize;
            let w = width(s)?;
            let (Some(r), Some(v)) = (starts.get_mut(u + 1), value_starts.get_mut(u + 1)) else {
                return Err(too_many());
            };
            *r += 1;
            *v += w;
        }
        for i in 1..=units {
            let (Some(&r), Some(&v)) = (starts.get(i - 1), value_starts.get(i - 1)) else {
                return Err(too_many());
            };
            if let (Some(rr), Some(vv)) = (starts.get_mut(i), value_starts.get_mut(i)) {
                *rr += r;
                *vv += v;
            }
        }
        // Scatter, keeping dataset order within a unit.
        let mut next = starts.clone();
        let mut next_value = value_starts;
        let mut out_shape = vec![0u16; shape.len()];
        let mut out_values = vec![0u64; values.len()];
        let mut vs = values.iter();
        for (&u, &s) in unit_of.iter().zip(&shape) {
            let u = u as usize;
            let w = width(s)?;
            let (Some(r), Some(v)) = (next.get_mut(u), next_value.get_mut(u)) else {
                return Err(too_many());
            };
            *out_shape.get_mut(*r).ok_or_else(too_many)? = s;
            *r += 1;
            for _ in 0..w {
                *out_values.get_mut(*v).ok_or_else(too_many)? = *vs.next().ok_or_else(too_many)?;
                *v += 1;
            }
        }
        Ok(Resolved {
            starts,
            shape: out_shape,
            values: out_values,
            shapes,
        })
    }
}
