//! Totals of every indicator, per actor, for every unit and every level: the
//! column store and its fold. The rules are documented on [`Totals`].

mod absent;
mod accumulate;
mod cube;
mod derived;
mod fast_json;
mod reconcile;
mod rekey;
mod rows;
mod sources;
mod stream;
mod summary;

use std::cmp::Ordering;
use std::ops::Range;

pub(crate) use crate::record::RecordRef;
pub use accumulate::Accumulator;
pub use cube::{CellId, CellValue, CubeCell, FigureCube, Origin};
pub use derived::{change, Change};
pub use reconcile::{Against, Agreement, Reconciliation};
pub use rekey::{RekeyOptions, RekeyReport, SkippedTotal};
pub use rows::{TotalsLayer, TotalsProvenance, TotalsRow};
pub use stream::{
    stream_json_lines, stream_json_lines_parallel, Record, StreamStats, MAX_LINE_BYTES,
    MAX_STORED_REJECTIONS, MAX_STORED_REJECTION_BYTES, MAX_STREAM_WORKERS,
};
pub use summary::{ActorSummary, StockSummary, Summary, SummaryValue};

use crate::{
    Actor, Amount, Builtin, Checked, Error, ErrorKind, Hierarchy, IndicatorDef, IndicatorId,
    IndicatorKind, Interval, Level, Measure, Period, Tone, UnitCode, UnitWord, ValueType,
};

/// The number of built-in indicators.
pub(crate) const BUILTINS: usize = Builtin::ALL.len();

pub(crate) use crate::record::contribution::{
    Member, F_BOUNDED, F_ESTIMATE, F_INEXACT, F_NEAR, F_OPEN, F_PRESENT, F_WIDE,
};

/// The interval of a cell: `value` (sum of lower bounds), `extra` (sum of
/// points less lower bounds), its flags, and for a distinct indicator its
/// largest part. See [`Totals`] ("Intervals").
pub(crate) fn cell_interval(
    value: u64,
    extra: u64,
    flags: u8,
    floor: Option<u64>,
) -> Interval<u64> {
    let open = flags & (F_OPEN | F_WIDE) != 0;
    let high = if open { None } else { value.checked_add(extra) };
    let low = floor.unwrap_or(value);
    if high == Some(low) {
        return Interval::exact(low);
    }
    let several = floor.is_some_and(|f| f < value);
    let near = flags & F_NEAR != 0 && flags & F_BOUNDED == 0 && !several;
    match high {
        Some(h) if near => Interval::exact(low)
            .checked_add(Interval::near(h.saturating_sub(low)))
            .unwrap_or_else(|_| Interval::at_least(low)),
        Some(h) => Interval::between(low, Some(h)).unwrap_or_else(|_| Interval::at_least(low)),
        None => {
            let estimate = (flags & F_ESTIMATE != 0 && flags & F_WIDE == 0)
                .then(|| value.checked_add(extra))
                .flatten()
                .map(|e| e.max(low));
            match estimate {
                Some(e) => Interval::at_least(low)
                    .checked_add(Interval::about(e - low))
                    .unwrap_or_else(|_| Interval::at_least(low)),
                None => Interval::at_least(low),
            }
        }
    }
}

/// Adds a member's `extra` (`x`, flags `member`) to a cell's (`slot`, flags
/// `cell` before the member joined); gives the flags to add (`F_WIDE` past
/// `u64::MAX`).
///
/// While cell and member are bounded, widths add (the upper bound is the
/// lower bound plus the widths). Once either is unbounded, the widths no
/// longer bound anything and only the estimates' points are kept: the
/// estimate of an unbounded cell is its lower bound plus the points of its
/// estimate terms. So a cell depends on its members only, in any order and
/// grouping (merge is a monoid, also through rows, which carry no widths of
/// an unbounded cell).
#[inline]
pub(crate) fn add_extra(slot: &mut u64, cell: u8, member: u8, x: u64) -> u8 {
    let (a, b) = match (cell & F_OPEN != 0, member & F_OPEN != 0) {
        (false, false) | (true, true) => (*slot, x),
        (true, false) => (*slot, 0),
        (false, true) => (0, x),
    };
    match a.checked_add(b) {
        Some(s) => {
            *slot = s;
            0
        }
        None => {
            *slot = u64::MAX;
            F_WIDE
        }
    }
}

/// The overflow error of a total.
pub(crate) fn overflow(h: &Hierarchy, unit: usize, indicator: &str) -> Error {
    let code = u32::try_from(unit)
        .ok()
        .and_then(|u| h.units().get(u as usize))
        .map_or_else(|| unit.to_string(), |u| u.code().to_string());
    ErrorKind::TotalOverflow {
        unit: code,
        indicator: indicator.to_owned(),
        era: None,
    }
    .into()
}

/// The id of the indicator at a dense index.
pub(crate) fn indicator_name(defs: &[IndicatorDef], ind: u32) -> String {
    let i = ind as usize;
    match Builtin::ALL.get(i) {
        Some(b) => b.id().to_owned(),
        None => i
            .checked_sub(BUILTINS)
            .and_then(|j| defs.get(j))
            .map_or_else(|| format!("#{i}"), |d| d.id.to_string()),
    }
}

/// The kind and value type of the indicator at a dense index.
pub(crate) fn indicator_info(
    defs: &[IndicatorDef],
    ind: usize,
) -> Option<(IndicatorKind, ValueType)> {
    match Builtin::ALL.get(ind) {
        Some(b) => Some((b.kind(), b.value_type())),
        None => ind
            .checked_sub(BUILTINS)
            .and_then(|j| defs.get(j))
            .map(|d| (d.kind, d.values)),
    }
}

/// The dense index of an indicator id.
pub(crate) fn indicator_index(defs: &[IndicatorDef], id: &IndicatorId) -> Option<u32> {
    let i = match id.builtin() {
        Some(b) => b.index(),
        None => BUILTINS.checked_add(defs.iter().position(|d| &d.id == id)?)?,
    };
    u32::try_from(i).ok()
}

/// One column of counts: one (indicator, actor) pair, one cell per unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Column {
    pub(crate) indicator: u32,
    pub(crate) actor: Actor,
    /// The sum of the members' lower bounds (for an all-exact cell, its value).
    pub(crate) value: Vec<u64>,
    pub(crate) flags: Vec<u8>,
    /// The sum of the members' `extra` ([`Member`]); empty (all zero) until
    /// an inexact member arrives, so an all-exact column costs what a plain
    /// `u64` column costs.
    pub(crate) extra: Vec<u64>,
    /// The largest part (lower bound), for distinct indicators (else empty).
    pub(crate) floor: Vec<u64>,
    /// The latest period end (days from the Common Era), for reported stocks (else empty).
    pub(crate) end: Vec<i32>,
}

impl Column {
    pub(crate) fn new(
        indicator: u32,
        actor: Actor,
        n: usize,
        distinct: bool,
        ends: bool,
    ) -> Column {
        Column {
            indicator,
            actor,
            value: vec![0; n],
            flags: vec![0; n],
            extra: Vec::new(),
            floor: if distinct { vec![0; n] } else { Vec::new() },
            end: if ends { vec![0; n] } else { Vec::new() },
        }
    }

    fn key(&self) -> (u32, Actor) {
        (self.indicator, self.actor)
    }

    /// Grows every cell array the column has to `n` cells (new cells
    /// absent); the arrays it does not have (`extra` before an inexact
    /// member, `floor` of a non-distinct indicator, `end` of a flow) stay empty.
    pub(crate) fn resize(&mut self, n: usize) {
        self.value.resize(n, 0);
        self.flags.resize(n, 0);
        for v in [&mut self.extra, &mut self.floor] {
            if !v.is_empty() {
                v.resize(n, 0);
            }
        }
        if !self.end.is_empty() {
            self.end.resize(n, 0);
        }
    }

    fn is_used(&self) -> bool {
        self.flags.iter().any(|f| f & F_PRESENT != 0)
    }

    /// The `extra` column, allocated on first use.
    pub(crate) fn extra_mut(&mut self) -> &mut Vec<u64> {
        if self.extra.is_empty() {
            self.extra = vec![0; self.value.len()];
        }
        &mut self.extra
    }

    /// The member stored at `u` (its sums), if present.
    pub(crate) fn member(&self, u: usize) -> Option<Member> {
        let flags = *self.flags.get(u)?;
        if flags & F_PRESENT == 0 {
            return None;
        }
        Some(Member {
            low: *self.value.get(u)?,
            extra: self.extra.get(u).copied().unwrap_or(0),
            flags: flags & !F_PRESENT,
        })
    }

    /// The cell at `u` as an interval, if present.
    pub(crate) fn interval(&self, u: usize) -> Option<Interval<u64>> {
        let m = self.member(u)?;
        Some(cell_interval(
            m.low,
            m.extra,
            m.flags,
            self.floor.get(u).copied(),
        ))
    }

    /// Adds a member's `extra` (`x`, flags `member`) to cell `u`, whose flags
    /// were `before` before the member joined ([`add_extra`]). While only
    /// zero extras arrive the column keeps no `extra` array: adding 0 to a
    /// zero extra gives 0 whatever the flags, so an all-exact or all-"at
    /// least" column stays a plain `u64` column (and rolls up as one).
    pub(crate) fn add_extra_at(&mut self, u: usize, before: u8, member: u8, x: u64) {
        if x == 0 && self.extra.is_empty() {
            return;
        }
        let wide = self
            .extra_mut()
            .get_mut(u)
            .map_or(0, |e| add_extra(e, before, member, x));
        if let Some(f) = self.flags.get_mut(u) {
            *f |= wide;
        }
    }

    /// Adds a member to cell `u` (floor: the member's lower bound). `None` on
    /// overflow of the lower bound.
    pub(crate) fn add_member(&mut self, u: usize, m: Member, floor: Option<u64>) -> Option<()> {
        let slot = self.value.get_mut(u)?;
        *slot = slot.checked_add(m.low)?;
        let f = self.flags.get_mut(u)?;
        let before = *f;
        *f |= m.flags | F_PRESENT;
        self.add_extra_at(u, before, m.flags, m.extra);
        if let Some(dst) = self.floor.get_mut(u) {
            *dst = (*dst).max(floor.unwrap_or(m.low));
        }
        Some(())
    }

    /// Adds cell `from` of `src` into cell `to` of `self`: lower bounds and
    /// extras add, flags OR, floors take the maximum. `None` on overflow.
    fn add_cell(&mut self, to: usize, src: &Column, from: usize) -> Option<()> {
        let Some(m) = src.member(from) else {
            return Some(());
        };
        let floor = src.floor.get(from).copied();
        self.add_member(to, m, floor)
    }

    /// Adds cell `from` into cell `to` of the same column.
    fn add_within(&mut self, to: usize, from: usize) -> Option<()> {
        let Some(m) = self.member(from) else {
            return Some(());
        };
        let floor = self.floor.get(from).copied();
        self.add_member(to, m, floor)
    }

    /// Makes a present cell `u` a lower bound: at least its lower bound,
    /// unbounded above (its widths no longer count). An absent cell stays
    /// absent.
    pub(crate) fn open_above(&mut self, u: usize) {
        if let Some(f) = self.flags.get_mut(u).filter(|f| **f & F_PRESENT != 0) {
            let was_open = *f & F_OPEN != 0;
            *f |= F_BOUNDED | F_OPEN;
            if let (false, Some(e)) = (was_open, self.extra.get_mut(u)) {
                *e = 0;
            }
        }
    }

    /// Takes `by` off a bounded cell's upper bound, never below its lower
    /// bound: for pieces known to add up to less than their bounds say
    /// ([`Totals::rekey`] of a distinct whole). The widths go first; a
    /// distinct cell's upper bound is also its parts' sum (`value`), which
    /// goes down to its largest part (`floor`). An unbounded cell stays.
    pub(crate) fn narrow_high(&mut self, u: usize, by: u64) {
        let bounded = self
            .flags
            .get(u)
            .is_some_and(|f| f & F_PRESENT != 0 && f & (F_OPEN | F_WIDE) == 0);
        if !bounded || by == 0 {
            return;
        }
        let mut left = by;
        if let Some(e) = self.extra.get_mut(u) {
            let taken = (*e).min(left);
            *e -= taken;
            left -= taken;
        }
        if let (Some(&floor), Some(v)) = (self.floor.get(u), self.value.get_mut(u)) {
            *v = v.saturating_sub(left).max(floor);
        }
    }

    /// Lowers cell `u`'s upper bound to `cap` when it is above (unbounded
    /// included): for a cell known to lie within another, as a distinct
    /// indicator's unit within its parent. The cell becomes a plain bound
    /// `[low, cap]`; its lower bound stays. A cell already within `cap`, an
    /// absent one, and one whose lower bound is above `cap` (the two
    /// disagree: nothing is known to be lowered) stay.
    pub(crate) fn cap_high(&mut self, u: usize, cap: u64) {
        let Some(cell) = self.interval(u) else {
            return;
        };
        if cell.high().is_some_and(|h| h <= cap) || cell.low() > cap {
            return;
        }
        let value = self.value.get(u).map_or(0, |&v| v.min(cap));
        if let Some(v) = self.value.get_mut(u) {
            *v = value;
        }
        if let Some(f) = self.flags.get_mut(u) {
            *f = (*f & !(F_OPEN | F_WIDE | F_ESTIMATE)) | F_BOUNDED;
        }
        let extra = cap - value;
        if extra > 0 || !self.extra.is_empty() {
            if let Some(e) = self.extra_mut().get_mut(u) {
                *e = extra;
            }
        }
    }

    /// Sets cell `u` to a member (and floor), replacing what was there.
    pub(crate) fn set_member(&mut self, u: usize, m: Member, floor: Option<u64>) -> Option<()> {
        *self.value.get_mut(u)? = m.low;
        *self.flags.get_mut(u)? = m.flags | F_PRESENT;
        if m.extra > 0 || !self.extra.is_empty() {
            *self.extra_mut().get_mut(u)? = m.extra;
        }
        if let Some(dst) = self.floor.get_mut(u) {
            *dst = floor.unwrap_or(m.low);
        }
        Some(())
    }

    /// Combines the own figure `from` of `src` into `to` for a stock: the
    /// latest end wins, ties go to the larger (lower bound, extra, flags).
    fn pick_latest(&mut self, to: usize, src: &Column, from: usize) -> Option<()> {
        let Some(m) = src.member(from) else {
            return Some(());
        };
        let e = *src.end.get(from)?;
        let take = match self.member(to) {
            None => true,
            Some(cur) => {
                let ce = *self.end.get(to)?;
                (e, m.low, m.extra, m.flags) > (ce, cur.low, cur.extra, cur.flags)
            }
        };
        if take {
            self.set_member(to, m, src.floor.get(from).copied())?;
            *self.end.get_mut(to)? = e;
        }
        Some(())
    }
}

/// An amount total: the sound [`Interval`] of the true amount, in one unit
/// word (amounts add only in one unit). What [`Totals::amount`] gives and a
/// totals row carries.
///
/// Amounts add by the interval rule of counts ([`Interval::checked_add`]):
/// "hơn 6,3 tỷ" plus "không quá 2 tỷ" is at least 6,3 tỷ, never "khoảng
/// 8,3 tỷ". On the wire: `{"value": {"low": "6300000000", "high": null,
/// "tone": "bounded"}, "unit": "đồng"}`.
///
/// ```
/// use danvan::{notation, AmountTotal};
///
/// let a = AmountTotal::of(&notation::parse_measure("hơn 6,3 tỷ đồng")?)?;
/// let b = AmountTotal::of(&notation::parse_measure("không quá 2 tỷ đồng")?)?;
/// let sum = a.checked_add(&b)?;
/// assert_eq!(sum.value.low().get(), 6_300_000_000u64.into());
/// assert_eq!(sum.value.high(), None);
/// assert_eq!(sum.unit.as_str(), "đồng");
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(from = "AmountTotalWire")]
pub struct AmountTotal {
    /// The sound interval of the true amount.
    pub value: Interval<Amount>,
    /// The unit word (`đồng`, `m²`, `km`).
    pub unit: UnitWord,
}

/// The wire form of an [`AmountTotal`], read from a JSON object only.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", rename = "AmountTotal", deny_unknown_fields)]
struct AmountTotalWire {
    value: Interval<Amount>,
    unit: UnitWord,
}

crate::wire::objects_only!(AmountTotalWire);

impl From<AmountTotalWire> for AmountTotal {
    fn from(w: AmountTotalWire) -> AmountTotal {
        AmountTotal {
            value: w.value,
            unit: w.unit,
        }
    }
}

impl AmountTotal {
    /// The total of one stated measure: its interval by the word table.
    ///
    /// # Errors
    ///
    /// As [`Measure::interval`].
    ///
    /// ```
    /// let m = danvan::notation::parse_measure("gần 8,9 km")?;
    /// let t = danvan::AmountTotal::of(&m)?;
    /// assert_eq!(t.value.tone(), danvan::Tone::Near);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn of(m: &Measure) -> Result<AmountTotal, Error> {
        Ok(AmountTotal {
            value: m.interval()?,
            unit: m.unit().clone(),
        })
    }

    /// The sum of two totals in one unit word, by [`Interval::checked_add`].
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnitMismatch`] when the unit words differ and
    /// [`ErrorKind::Overflow`] when the lower bound does not fit a `Decimal`
    /// (an upper bound that does not fit becomes unbounded).
    ///
    /// ```
    /// use danvan::{notation, AmountTotal};
    /// let km = AmountTotal::of(&notation::parse_measure("3 km")?)?;
    /// let m2 = AmountTotal::of(&notation::parse_measure("3 m²")?)?;
    /// assert_eq!(km.checked_add(&m2).unwrap_err().code(), "DV006");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn checked_add(&self, other: &AmountTotal) -> Result<AmountTotal, Error> {
        if self.unit != other.unit {
            return Err(ErrorKind::UnitMismatch {
                left: self.unit.as_str().to_owned(),
                right: other.unit.as_str().to_owned(),
            }
            .into());
        }
        Ok(AmountTotal {
            value: self.value.checked_add(other.value)?,
            unit: self.unit.clone(),
        })
    }

    /// An order of totals for keeping the latest stock deterministically.
    fn order_key(&self) -> (Amount, bool, Option<Amount>, Tone, Option<Amount>, &str) {
        let v = self.value;
        (
            v.low(),
            v.high().is_none(),
            v.high(),
            v.tone(),
            v.estimate(),
            self.unit.as_str(),
        )
    }
}

/// One reported amount of a unit, with the end of its period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct AmountCell {
    pub(crate) total: AmountTotal,
    pub(crate) end: i32,
}

/// One column of reported amounts (custom `values: amount` indicators).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct AmountColumn {
    pub(crate) indicator: u32,
    pub(crate) actor: Actor,
    pub(crate) cells: Vec<Option<AmountCell>>,
}

impl AmountColumn {
    fn key(&self) -> (u32, Actor) {
        (self.indicator, self.actor)
    }

    /// The column of `key` in a sorted list.
    fn find(cols: &[AmountColumn], key: (u32, Actor)) -> Option<&AmountColumn> {
        cols.binary_search_by(|c| c.key().cmp(&key))
            .ok()
            .and_then(|i| cols.get(i))
    }
}

/// Combines two amounts of one unit: flows add as intervals, stocks keep the latest.
pub(crate) fn combine_amount(
    a: &AmountCell,
    b: &AmountCell,
    stock: bool,
) -> Result<AmountCell, Error> {
    if stock {
        let ka = (a.end, a.total.order_key());
        let kb = (b.end, b.total.order_key());
        Ok(if kb > ka { b.clone() } else { a.clone() })
    } else {
        Ok(AmountCell {
            total: a.total.checked_add(&b.total)?,
            end: a.end.max(b.end),
        })
    }
}

/// Totals of a dataset: per unit, indicator and actor, from records and from
/// reported figures.
///
/// [`Totals::compute`] takes a [`Checked`] dataset and folds its records and
/// figures in **one bottom-up pass** over the dense unit indices of its
/// [`Hierarchy`]: every record is added to its own unit's cell, then for the
/// units with a record below them, children before parents, every unit's
/// cells are added to its parent's. [`check`](crate::check) has already
/// resolved each record's unit to its index and what it adds to a small
/// "shape", and ordered the records by unit, so the fold reads plain arrays
/// and touches each unit's cells while they are in cache. Time and memory
/// are linear in records + units × columns; there is no recursion, no
/// per-record allocation, no hashing and no string work in the fold. Every addition is checked: an overflow is
/// [`ErrorKind::TotalOverflow`], naming the unit and the indicator.
///
/// # Dimensions and columns
///
/// A cell is addressed by unit ([`UnitIndex`](crate::UnitIndex)), indicator
/// (dense: [`Builtin::ALL`] first, then the dataset's custom indicators in
/// order) and [`Actor`]. Only the (indicator, actor) pairs that occur get a
/// column.
///
/// # Intervals
///
/// Every cell is a sound [`Interval`]: the set of true values its members
/// admit, summed as [`Interval::checked_add`] sums (at least *a* plus at most
/// *b* is at least *a*; exact 120 plus "gần 300" is `[120, 420]`, tone near;
/// "khoảng 500" plus "hơn 1.000" is at least 1.000). Every operation —
/// the fold, [`merge`](Totals::merge), the roll-up, [`rekey`](Totals::rekey),
/// [`level_total`](Totals::level_total), [`all_actors`](Totals::all_actors),
/// [`reconcile`](Totals::reconcile), [`change`], the per-event ratios — works
/// on these intervals and never widens one it could keep. An upper bound past
/// `u64::MAX` becomes unbounded; a lower bound past it is
/// [`ErrorKind::TotalOverflow`] (naming the unit and indicator).
///
/// The store: a column holds per unit the sum of its members' lower bounds
/// (`u64`) and a byte of flags (present; some member near, bounded,
/// unbounded, an estimate). Most cells are exact: the sum of the members'
/// widths (or, in an unbounded cell, of its estimates' points) is a second
/// `u64` column allocated only when some member of the column is inexact, so
/// an all-exact column costs what a plain `u64` column costs. The estimate of
/// an unbounded cell is its lower bound plus the points of its estimate terms.
///
/// A column of a distinct indicator (persons, who may be counted in several
/// parts) also keeps the largest part's lower bound (the `floor`): its
/// interval is `[largest part, sum of the parts' upper bounds]`
/// ([`Interval::union_size`] folded over the parts), also up the roll-up and
/// in [`Totals::distinct_bounds`]. Such an interval of several parts has the
/// tone bounded. A sum of lower bounds of a distinct column past `u64::MAX`
/// is a [`ErrorKind::TotalOverflow`] too.
///
/// Records totals of a computed roll-up are their children's sums plus
/// their own records; after [`rekey`](Totals::rekey) a unit's interval may be
/// narrower than its children's sum (a split within it). The rule that holds
/// for both, and that [`Totals::from_rows`] checks and [`merge`](Totals::merge)
/// keeps, is containment: a unit's interval lies within the sum of its
/// children's intervals and its own records'.
///
/// # Two layers
///
/// - **records**: totals of the entity records, rolled up the hierarchy;
/// - **reported**: the dataset's `figures`. A unit's reported value is its own
///   figure when it has one, otherwise the sum of its children's reported
///   values (a province figure is never added to its districts'). Several
///   figures of one unit for sub-periods add up for flows and distinct
///   indicators; for stocks the figure with the latest period end wins (ties:
///   the larger value).
///
/// [`Totals::value`] is what reports print: a unit's own reported figure when
/// it has one (the official total, which records and lower figures are
/// reconciled against, never silently replaced by them), otherwise the
/// records total when any record contributed in the unit's subtree, otherwise
/// the sum of its children's reported values.
///
/// # What each record contributes
///
/// | record | indicator (actor) |
/// |---|---|
/// | [`Conference`](crate::Conference) | `conferences` +1; `training_conferences` +1 if training; `propaganda_conferences` +1 if propaganda; participants to `conference_participants` (occurrences) or `conference_persons` (distinct persons) — by its `actor` |
/// | [`IssuedDocument`](crate::IssuedDocument) | `documents` +1; `leadership_documents` or `guidance_documents` +1 — by its `actor` |
/// | [`Inspection`](crate::Inspection) | `inspections` +1; `inspection_subjects` + all subjects — by its `actor` |
/// | [`Dialogue`](crate::Dialogue) | `dialogues` +1; `dialogue_participants`, `petitions_raised`, `petitions_resolved` — by its `actor` |
/// | [`CitizenReception`](crate::CitizenReception) | `receptions` +1; `petitions_raised`, `petitions_resolved` — by its `actor` (the number of citizens has no indicator yet) |
/// | [`SiteClearance`](crate::SiteClearance) | `clearance_drives` +1; `clearance_households` + affected; `clearance_consenting` + consenting — by its `actor` |
/// | [`Award`](crate::Award) | `awarded_collectives` or `awarded_individuals` +1 — by its `issuer` |
/// | [`GrassrootsBlock`](crate::GrassrootsBlock) | `grassroots_blocks` +1 if it exists on the period's last day — mobilization sector |
/// | [`VillageTeam`](crate::VillageTeam) | `village_teams` +1 if it exists on the period's last day — mobilization sector |
/// | [`SkilfulModel`](crate::SkilfulModel) | `skilful_models` +1 and +1 on each stage indicator its stage includes, if registered by the period's last day (or date unknown) — mobilization sector |
/// | [`Figure`](crate::Figure) | its indicator, unit and actor, in the reported layer |
///
/// Flows sum; stocks count what exists at the period's end.
///
/// # Monoid, rows, streaming
///
/// Totals of disjoint parts of one dataset (same hierarchy, period and
/// indicators) [`merge`](Totals::merge) to exactly the totals of one pass;
/// merge is associative and commutative with [`Totals::empty`] as identity.
/// Totals export one documented row type, [`TotalsRow`] ([`Totals::rows`],
/// read back by [`Totals::from_rows`]), so partial totals can be computed on
/// different machines; the column store itself is private. [`Accumulator`] folds records one at a time and
/// [`stream_json_lines`] reads them from JSON Lines, in memory proportional to
/// the units.
///
/// ```
/// let json = r#"{
///     "schema": "danvan/dataset/v1",
///     "period": {"start": "2022-01-01", "end": "2022-12-31"},
///     "units": [{"code": "30", "name": "Tỉnh Hải Dương"},
///               {"code": "288", "name": "Thành phố Hải Dương", "parent": "30"}],
///     "conferences": [
///         {"unit": "288", "date": "2022-03-15", "actor": "party_committees", "kind": "both", "participants": 120},
///         {"unit": "30", "date": "2022-04-02", "actor": "party_committees", "kind": "training", "participants": {"at_least": 40}}
///     ]
/// }"#;
/// let checked = danvan::check(danvan::Dataset::from_json(json.as_bytes())?).map_err(|r| r.to_string()).unwrap();
/// let totals = danvan::Totals::compute(&checked)?;
/// let province: danvan::UnitCode = "30".parse()?;
/// let participants = totals.get(&province, danvan::Builtin::ConferenceParticipants, danvan::Actor::PartyCommittees);
/// // 120 + "at least 40": at least 160.
/// assert_eq!(participants, Some(danvan::Interval::at_least(160)));
/// # Ok::<(), danvan::Error>(())
/// ```
///
/// # Country
///
/// Besides a cell per unit, totals may keep a **national cell** per layer,
/// indicator and actor (and per amount column): the exact amount the whole
/// hierarchy received, where the sum of the roots is wider or smaller. A
/// [`rekey`](Totals::rekey) fills it (a split across two new provinces:
/// each `[0, v]`, the country exactly `v`; a remainder no named unit holds
/// is the country's, no root's); [`Totals::compute`] keeps none (the roots'
/// sum is the country there). It lies outside the roll-up: a parent holds
/// its roots as a unit holds its children (its low at least their lows'
/// sum, its high at least each one's). [`Totals::national`] reads it,
/// [`Totals::level_total`] uses it at the top level, [`Totals::merge`] adds
/// it (a side without one gives its roots' sum), [`Totals::apply`] adds a
/// record to it, and the rows carry it ([`TotalsLayer::CountryRecords`],
/// [`TotalsLayer::CountryReported`]).
///
/// # Storage
///
/// Their storage is private. What they export, to apps and to other
/// machines that merge partial totals, is [`TotalsRow`]s: [`Totals::rows`]
/// writes them and [`Totals::from_rows`] reads them back, checking each one.
/// Totals are equal when their rows are.
///
/// ```
/// let checked = danvan::check(danvan::Dataset::new(danvan::Period::year(2022)?)).unwrap();
/// let totals = danvan::Totals::compute(&checked)?;
/// let json = serde_json::to_string(&totals.rows()).unwrap();
/// assert_eq!(json, "[]");
/// let rows: Vec<danvan::TotalsRow> = serde_json::from_str(&json).unwrap();
/// let back = danvan::Totals::from_rows(totals.hierarchy(), totals.period(), totals.indicators(), rows)?;
/// assert_eq!(back, totals);
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Totals {
    hierarchy: Hierarchy,
    period: Period,
    indicators: Vec<IndicatorDef>,
    /// Records layer, rolled up; sorted by (indicator, actor).
    records: Vec<Column>,
    /// Reported layer, own figures only; sorted.
    reported: Vec<Column>,
    /// Reported amounts, own figures only; sorted.
    amounts: Vec<AmountColumn>,
    /// Derived: reported layer rolled up (own figure, else children's sum).
    rolled: Vec<Column>,
    /// Derived: reported amounts rolled up.
    rolled_amounts: Vec<AmountColumn>,
    /// Derived: the end of each unit's subtree in index order.
    subtree_end: Vec<u32>,
    /// The national cells (see "Country" above): per records column,
    /// the exact amount the whole hierarchy received, one cell each
    /// (index 0); sorted. Empty unless a rekey (or rows, or a merge) gave one.
    national_records: Vec<Column>,
    /// The national cells of the own reported layer; sorted.
    national_reported: Vec<Column>,
    /// The national cells of reported amounts; sorted.
    national_amounts: Vec<AmountColumn>,
    /// Rekeyed totals: the old units whose own figures they carry (not
    /// part of equality nor of rows; [`sources`]).
    sources: sources::Sources,
    /// Rekeyed totals: the old units that reported nothing, whose places
    /// the reported cells are opened at ([`absent`]).
    absent: absent::Absent,
    /// The reported cells `absent` opened, unopened: what a merge adds.
    unopened: absent::Unopened,
}

/// The end of each unit's subtree: descendants directly follow their unit.
fn subtree_ends(h: &Hierarchy) -> Vec<u32> {
    let n = h.len();
    let mut end: Vec<u32> = (0..n)
        .map(|i| u32::try_from(i + 1).unwrap_or(u32::MAX))
        .collect();
    for (u, parent) in h.parents().iter().enumerate().rev() {
        if let (Some(p), Some(&e)) = (parent, end.get(u)) {
            if let Some(pe) = end.get_mut(p.get()) {
                *pe = (*pe).max(e);
            }
        }
    }
    end
}

impl Totals {
    /// Builds totals from their stored parts, rolling up the reported layer.
    pub(crate) fn assemble(
        hierarchy: Hierarchy,
        period: Period,
        indicators: Vec<IndicatorDef>,
        records: Vec<Column>,
        reported: Vec<Column>,
        amounts: Vec<AmountColumn>,
    ) -> Result<Totals, Error> {
        let rolled = roll_reported(&hierarchy, &indicators, &reported)?;
        let rolled_amounts = roll_amounts(&hierarchy, &indicators, &amounts)?;
        let subtree_end = subtree_ends(&hierarchy);
        Ok(Totals {
            hierarchy,
            period,
            indicators,
            records,
            reported,
            amounts,
            rolled,
            rolled_amounts,
            subtree_end,
            national_records: Vec::new(),
            national_reported: Vec::new(),
            national_amounts: Vec::new(),
            sources: sources::Sources::default(),
            absent: absent::Absent::default(),
            unopened: absent::Unopened::default(),
        })
    }

    /// These totals with national cells (each a one-cell column), sorted by key.
    pub(crate) fn with_national(
        mut self,
        mut records: Vec<Column>,
        mut reported: Vec<Column>,
        mut amounts: Vec<AmountColumn>,
    ) -> Totals {
        records.retain(Column::is_used);
        reported.retain(Column::is_used);
        amounts.retain(|c| c.cells.iter().any(Option::is_some));
        records.sort_by_key(Column::key);
        reported.sort_by_key(Column::key);
        amounts.sort_by_key(AmountColumn::key);
        self.national_records = records;
        self.national_reported = reported;
        self.national_amounts = amounts;
        self
    }

    /// Computes the totals of a checked dataset in one bottom-up pass.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::TotalOverflow`] when a total exceeds `u64::MAX`
    /// (or [`ErrorKind::UnitMismatch`] when amounts of one indicator come in
    /// different unit words). When several totals would overflow, the error
    /// names the first met, units taken in index order.
    ///
    /// ```
    /// let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed-2022.json")).unwrap();
    /// let checked = danvan::check(danvan::Dataset::from_json(json.as_bytes())?).map_err(|r| r.to_string()).unwrap();
    /// let totals = danvan::Totals::compute(&checked)?;
    /// let models = totals.get(&"30".parse()?, danvan::Builtin::SkilfulModels, danvan::Actor::MobilizationSector);
    /// assert_eq!(models, None); // no records: the seed has figures only
    /// let models = totals.value(&"30".parse()?, &"skilful_models".parse()?, danvan::Actor::MobilizationSector);
    /// assert_eq!(models, Some(danvan::Interval::exact(1229)));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn compute(checked: &Checked) -> Result<Totals, Error> {
        let d = checked.dataset();
        let mut acc = Accumulator::without_index(checked.hierarchy(), d.period, &d.indicators);
        acc.add_resolved(checked.resolved())?;
        d.figures.iter().try_for_each(|f| acc.add_figure(f))?;
        acc.finish()
    }

    /// Totals without any record or figure: the identity of [`merge`](Totals::merge).
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let empty = danvan::Totals::empty(&h, danvan::Period::year(2022)?, &[]);
    /// assert_eq!(empty.value(&"30".parse()?, &"conferences".parse()?, danvan::Actor::PartyCommittees), None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn empty(hierarchy: &Hierarchy, period: Period, indicators: &[IndicatorDef]) -> Totals {
        Totals {
            hierarchy: hierarchy.clone(),
            period,
            indicators: indicators.to_vec(),
            records: Vec::new(),
            reported: Vec::new(),
            amounts: Vec::new(),
            rolled: Vec::new(),
            rolled_amounts: Vec::new(),
            subtree_end: subtree_ends(hierarchy),
            national_records: Vec::new(),
            national_reported: Vec::new(),
            national_amounts: Vec::new(),
            sources: sources::Sources::default(),
            absent: absent::Absent::default(),
            unopened: absent::Unopened::default(),
        }
    }

    /// The hierarchy the totals are keyed by.
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(Vec::new())?;
    /// assert!(danvan::Totals::empty(&h, danvan::Period::year(2022)?, &[]).hierarchy().is_empty());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn hierarchy(&self) -> &Hierarchy {
        &self.hierarchy
    }

    /// The period the totals cover.
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(Vec::new())?;
    /// let t = danvan::Totals::empty(&h, danvan::Period::year(2022)?, &[]);
    /// assert_eq!(t.period(), danvan::Period::year(2022)?);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn period(&self) -> Period {
        self.period
    }

    /// The custom indicators, in their dense order after the built-in ones.
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(Vec::new())?;
    /// assert!(danvan::Totals::empty(&h, danvan::Period::year(2022)?, &[]).indicators().is_empty());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn indicators(&self) -> &[IndicatorDef] {
        &self.indicators
    }

    fn find(cols: &[Column], ind: u32, actor: Actor) -> Option<&Column> {
        cols.binary_search_by(|c| c.key().cmp(&(ind, actor)))
            .ok()
            .and_then(|i| cols.get(i))
    }

    fn locate(&self, unit: &UnitCode, indicator: &IndicatorId) -> Option<(usize, u32)> {
        let u = self.hierarchy.index_of(unit)?.get();
        Some((u, indicator_index(&self.indicators, indicator)?))
    }

    pub(crate) fn records_at(&self, u: usize, ind: u32, actor: Actor) -> Option<Interval<u64>> {
        Totals::find(&self.records, ind, actor)?.interval(u)
    }

    pub(crate) fn reported_at(&self, u: usize, ind: u32, actor: Actor) -> Option<Interval<u64>> {
        Totals::find(&self.rolled, ind, actor)?.interval(u)
    }

    pub(crate) fn value_at(&self, u: usize, ind: u32, actor: Actor) -> Option<Interval<u64>> {
        Totals::find(&self.reported, ind, actor)
            .and_then(|c| c.interval(u))
            .or_else(|| self.records_at(u, ind, actor))
            .or_else(|| self.reported_at(u, ind, actor))
    }

    /// The records total of a unit's subtree for one indicator (a
    /// [`Builtin`], an [`IndicatorId`] or a `&IndicatorId`) and actor;
    /// `None` when no record contributed.
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let t = danvan::Totals::empty(&h, danvan::Period::year(2022)?, &[]);
    /// assert_eq!(t.get(&"30".parse()?, danvan::Builtin::Documents, danvan::Actor::PartyCommittees), None);
    /// // A custom indicator's id, or a built-in's, reads the same way.
    /// let id: danvan::IndicatorId = "documents".parse()?;
    /// assert_eq!(t.get(&"30".parse()?, &id, danvan::Actor::PartyCommittees), None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn get(
        &self,
        unit: &UnitCode,
        indicator: impl Into<IndicatorId>,
        actor: Actor,
    ) -> Option<Interval<u64>> {
        let (u, ind) = self.locate(unit, &indicator.into())?;
        self.records_at(u, ind, actor)
    }

    /// The reported value of a unit: its own figure if it has one, otherwise
    /// the sum of its children's reported values; `None` when nothing was reported.
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let t = danvan::Totals::empty(&h, danvan::Period::year(2022)?, &[]);
    /// assert_eq!(t.reported(&"30".parse()?, &"documents".parse()?, danvan::Actor::PartyCommittees), None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn reported(
        &self,
        unit: &UnitCode,
        indicator: impl Into<IndicatorId>,
        actor: Actor,
    ) -> Option<Interval<u64>> {
        let (u, ind) = self.locate(unit, &indicator.into())?;
        self.reported_at(u, ind, actor)
    }

    /// What a report prints: the unit's own reported figure when it has one
    /// (its official total; records and lower figures are reconciled against it
    /// by [`reconcile`](Totals::reconcile)), otherwise the records total when
    /// any record contributed in the unit's subtree, otherwise the sum of its
    /// children's reported values.
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let t = danvan::Totals::empty(&h, danvan::Period::year(2022)?, &[]);
    /// assert_eq!(t.value(&"30".parse()?, &"documents".parse()?, danvan::Actor::PartyCommittees), None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn value(
        &self,
        unit: &UnitCode,
        indicator: impl Into<IndicatorId>,
        actor: Actor,
    ) -> Option<Interval<u64>> {
        let (u, ind) = self.locate(unit, &indicator.into())?;
        self.value_at(u, ind, actor)
    }

    /// [`value`](Totals::value) by a built-in's index, without building an id.
    pub(crate) fn value_builtin(
        &self,
        unit: &UnitCode,
        indicator: Builtin,
        actor: Actor,
    ) -> Option<Interval<u64>> {
        let u = self.hierarchy.index_of(unit)?.get();
        self.value_at(u, u32::try_from(indicator.index()).ok()?, actor)
    }

    /// The bounds `(largest part, sum of parts)` of a distinct indicator's
    /// records total (the sum `None` when unbounded); `None` for other
    /// indicators or without records. [`Totals::get`] gives the same interval.
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let t = danvan::Totals::empty(&h, danvan::Period::year(2022)?, &[]);
    /// assert_eq!(t.distinct_bounds(&"30".parse()?, &"conference_persons".parse()?, danvan::Actor::Other), None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn distinct_bounds(
        &self,
        unit: &UnitCode,
        indicator: impl Into<IndicatorId>,
        actor: Actor,
    ) -> Option<(u64, Option<u64>)> {
        let (u, ind) = self.locate(unit, &indicator.into())?;
        let col = Totals::find(&self.records, ind, actor)?;
        let i = col.interval(u)?;
        col.floor.get(u)?;
        Some((i.low(), i.high()))
    }

    /// The reported amount of a unit for an amount indicator: its own figure,
    /// otherwise the sum of its children's (intervals, [`AmountTotal`]).
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let t = danvan::Totals::empty(&h, danvan::Period::year(2022)?, &[]);
    /// assert_eq!(t.amount(&"30".parse()?, &"money".parse()?, danvan::Actor::Other), None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn amount(
        &self,
        unit: &UnitCode,
        indicator: impl Into<IndicatorId>,
        actor: Actor,
    ) -> Option<AmountTotal> {
        let (u, ind) = self.locate(unit, &indicator.into())?;
        let i = self
            .rolled_amounts
            .binary_search_by(|c| c.key().cmp(&(ind, actor)))
            .ok()?;
        let cell = self.rolled_amounts.get(i)?.cells.get(u)?.as_ref()?;
        Some(cell.total.clone())
    }

    /// The sum of [`value`](Totals::value) over every unit at a level;
    /// `Ok(None)` when no unit at that level has a value.
    ///
    /// The values add as intervals ([`Interval::checked_add`]): an upper
    /// bound past `u64::MAX` becomes unbounded. For a distinct indicator the
    /// units' values are parts that may overlap: the sum is
    /// `[largest lower bound, sum of upper bounds]` ([`Interval::union_size`]).
    ///
    /// At the top level (the level of every root, where every unit is a
    /// root), the total is the country's cell when the totals have one
    /// ([`Totals::national`]): a rekeyed split whose targets lie in two
    /// provinces gives each `[0, v]`, so the provinces add up to `[0, 2v]`,
    /// while the country received exactly `v`. The country's cell is never
    /// wider than the roots' sum; it may lie above it, when part of an old
    /// unit went to a new unit the crosswalk does not name (in the country,
    /// in none of the named units). The cell of the layer the roots' values
    /// come from is used (their own reported figures, or their records
    /// totals); when the roots' values come from both layers, the plain sum.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::TotalOverflow`] (naming the level and the indicator)
    /// when the sum of the lower bounds passes `u64::MAX`: no interval of
    /// counts holds it, and "at least `u64::MAX`" would claim more than the
    /// data says when a term is an upper bound.
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let t = danvan::Totals::empty(&h, danvan::Period::year(2022)?, &[]);
    /// assert_eq!(t.level_total(danvan::Level::Province, &"documents".parse()?, danvan::Actor::Other)?, None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn level_total(
        &self,
        level: Level,
        indicator: impl Into<IndicatorId>,
        actor: Actor,
    ) -> Result<Option<Interval<u64>>, Error> {
        let id = indicator.into();
        let Some(ind) = indicator_index(&self.indicators, &id) else {
            return Ok(None);
        };
        let distinct = indicator_info(&self.indicators, ind as usize)
            .is_some_and(|(kind, _)| kind == IndicatorKind::Distinct);
        let own = Totals::find(&self.reported, ind, actor);
        let add = |acc: Option<Interval<u64>>, v: Interval<u64>| -> Result<_, Error> {
            Ok(Some(match acc {
                None => v,
                Some(s) if distinct => s.union_size(v),
                Some(s) => s.checked_add(v).map_err(|_| -> Error {
                    ErrorKind::TotalOverflow {
                        unit: format!("every {}", level.as_str()),
                        indicator: id.to_string(),
                        era: None,
                    }
                    .into()
                })?,
            }))
        };
        let mut sum: Option<Interval<u64>> = None;
        // The sum of the values of own reported figures, of records totals,
        // and of reported figures derived from sub-units (no record below).
        let (mut owns, mut recs, mut derived) = (None, None, None);
        for (i, _) in self.hierarchy.iter().filter(|(_, u)| u.level() == level) {
            let u = i.get();
            let (v, which) = match own.and_then(|c| c.interval(u)) {
                Some(v) => (v, &mut owns),
                None => match self.records_at(u, ind, actor) {
                    Some(v) => (v, &mut recs),
                    None => match self.reported_at(u, ind, actor) {
                        Some(v) => (v, &mut derived),
                        None => continue,
                    },
                },
            };
            *which = add(*which, v)?;
            sum = add(sum, v)?;
        }
        let Some(s) = sum else { return Ok(None) };
        if !self.is_top(level) {
            return Ok(Some(s));
        }
        // The country's cell of a layer stands for the roots whose values
        // are of that layer: the records' cell knows nothing of a root's
        // reported figure (no record below it), which is added to it; any
        // other mix is the plain sum.
        let cell = |cols: &[Column]| Totals::find(cols, ind, actor).and_then(|c| c.interval(0));
        match (owns, recs, derived) {
            (Some(_), None, None) => Ok(cell(&self.national_reported).or(Some(s))),
            (None, Some(_), rest) => match (cell(&self.national_records), rest) {
                (Some(n), Some(r)) => add(Some(n), r),
                (Some(n), None) => Ok(Some(n)),
                (None, _) => Ok(Some(s)),
            },
            _ => Ok(Some(s)),
        }
    }

    /// Whether `level` is the top level: every root is at it and every unit
    /// at it is a root.
    fn is_top(&self, level: Level) -> bool {
        self.hierarchy
            .iter()
            .all(|(i, u)| self.hierarchy.parent(i).is_none() == (u.level() == level))
    }

    /// The country's cell of one layer ([`TotalsLayer::Records`] or
    /// [`TotalsLayer::Reported`]) for a count indicator and actor: the amount
    /// the whole hierarchy received, kept apart from the units' cells where
    /// the sum of the roots is wider (see [`Totals::rekey`]). `None` when the
    /// totals keep no national cell for it (totals computed from records:
    /// the sum of the roots is the country's value there), and for the
    /// other layers.
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let t = danvan::Totals::empty(&h, danvan::Period::year(2022)?, &[]);
    /// assert_eq!(t.national(danvan::TotalsLayer::Records, danvan::Builtin::Documents, danvan::Actor::Other), None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn national(
        &self,
        layer: TotalsLayer,
        indicator: impl Into<IndicatorId>,
        actor: Actor,
    ) -> Option<Interval<u64>> {
        let ind = indicator_index(&self.indicators, &indicator.into())?;
        let cols = match layer {
            TotalsLayer::Records | TotalsLayer::CountryRecords => &self.national_records,
            TotalsLayer::Reported | TotalsLayer::CountryReported => &self.national_reported,
        };
        Totals::find(cols, ind, actor)?.interval(0)
    }

    /// The country's cell of a reported amount indicator (as
    /// [`Totals::national`] for counts); `None` without one.
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let t = danvan::Totals::empty(&h, danvan::Period::year(2022)?, &[]);
    /// assert_eq!(t.national_amount(&"money".parse()?, danvan::Actor::Other), None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn national_amount(
        &self,
        indicator: impl Into<IndicatorId>,
        actor: Actor,
    ) -> Option<AmountTotal> {
        let ind = indicator_index(&self.indicators, &indicator.into())?;
        let i = self
            .national_amounts
            .binary_search_by(|c| c.key().cmp(&(ind, actor)))
            .ok()?;
        let cell = self.national_amounts.get(i)?.cells.first()?.as_ref()?;
        Some(cell.total.clone())
    }

    /// The indices `u..end` of a unit's subtree (the unit first).
    pub(crate) fn subtree(&self, u: usize) -> Range<usize> {
        let end = self.subtree_end.get(u).map_or(u, |&e| e as usize);
        u..end
    }

    /// Whether any record or figure contributed in the subtree of `u`.
    pub(crate) fn has_any(&self, u: usize) -> bool {
        let present = |c: &Column| c.flags.get(u).is_some_and(|f| f & F_PRESENT != 0);
        self.records.iter().any(present)
            || self.rolled.iter().any(present)
            || self
                .rolled_amounts
                .iter()
                .any(|c| c.cells.get(u).is_some_and(Option::is_some))
    }

    /// Adds one more record to the totals, in place: what a dashboard does
    /// when an official saves a record, instead of recomputing everything.
    ///
    /// A record adds to its unit and each of its ancestors (as many cells as
    /// the unit's depth times the record's cells), all or nothing. A
    /// [`Figure`](crate::Figure) re-rolls the reported layer (as
    /// [`merge`](Totals::merge) does: time in units × columns). Afterwards the
    /// totals equal those computed with the record in the dataset.
    ///
    /// The record is first checked with the one rule set, in the totals'
    /// hierarchy, period and indicators (as [`Accumulator::check`]): totals
    /// cached by a dashboard never take a record that the next full
    /// [`check`](crate::check) would refuse. Rules across records (duplicate
    /// ids, one block per commune) are not checked.
    ///
    /// # Errors
    ///
    /// Returns the first one-record rule the record breaks (e.g.
    /// [`ErrorKind::UnknownUnit`] when its unit is not in the hierarchy,
    /// [`ErrorKind::DateOutsidePeriod`]), and [`ErrorKind::TotalOverflow`]
    /// when a total would overflow; the totals are then unchanged.
    ///
    /// ```
    /// use danvan::{Actor, Builtin, Hierarchy, Period, Totals, Unit};
    ///
    /// let h = Hierarchy::new(vec![
    ///     Unit::new("30".parse()?, "Tỉnh Hải Dương"),
    ///     Unit::new("288".parse()?, "Thành phố Hải Dương").with_parent(Some("30".parse()?)),
    /// ])?;
    /// let mut totals = Totals::empty(&h, Period::year(2022)?, &[]);
    /// let doc: danvan::IssuedDocument = serde_json::from_str(r#"{"unit": "288", "date": "2022-05-10",
    ///     "actor": "party_committees", "kind": "leadership"}"#).unwrap();
    /// totals.apply(&doc)?;
    /// totals.apply(&doc)?;
    /// let docs = totals.get(&"30".parse()?, Builtin::Documents, Actor::PartyCommittees);
    /// assert_eq!(docs, Some(danvan::Interval::exact(2)));
    /// // A document of 1999 does not belong in the 2022 totals.
    /// let old: danvan::IssuedDocument = serde_json::from_str(r#"{"unit": "288", "date": "1999-05-10",
    ///     "actor": "party_committees", "kind": "leadership"}"#).unwrap();
    /// assert_eq!(totals.apply(&old).unwrap_err().code(), "DV068");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn apply<'r>(&mut self, record: impl Into<RecordRef<'r>>) -> Result<(), Error> {
        let record = record.into();
        crate::record::rules::first_error(record, &*self)?;
        let Some((actor, c)) =
            crate::record::contribution::contributions(record, self.period.end())?
        else {
            return match record {
                RecordRef::Figure(f) => self.apply_figure(f),
                _ => Ok(()),
            };
        };
        let code = record.unit();
        let Some(start) = self.hierarchy.index_of(&code) else {
            return Err(ErrorKind::UnknownUnit {
                code: code.to_string(),
            }
            .into());
        };
        let h = &self.hierarchy;
        let chain = || std::iter::successors(Some(start), |&u| h.parent(u)).map(|u| u.get());
        // Check every cell first: all or nothing.
        for item in c.iter() {
            let ind = u32::try_from(item.builtin.index()).unwrap_or(u32::MAX);
            let col = self
                .records
                .binary_search_by_key(&(ind, actor), Column::key)
                .ok()
                .and_then(|i| self.records.get(i));
            for u in chain() {
                let current = col.and_then(|k| k.value.get(u)).copied().unwrap_or(0);
                if current.checked_add(item.member.low).is_none() {
                    return Err(overflow(h, u, item.builtin.id()));
                }
            }
            let country = Totals::find(&self.national_records, ind, actor)
                .and_then(|k| k.value.first())
                .copied()
                .unwrap_or(0);
            if country.checked_add(item.member.low).is_none() {
                return Err(ErrorKind::TotalOverflow {
                    unit: "the country".to_owned(),
                    indicator: item.builtin.id().to_owned(),
                    era: None,
                }
                .into());
            }
        }
        let n = self.hierarchy.len();
        for item in c.iter() {
            let ind = u32::try_from(item.builtin.index()).unwrap_or(u32::MAX);
            let i = match self
                .records
                .binary_search_by_key(&(ind, actor), Column::key)
            {
                Ok(i) => i,
                Err(i) => {
                    let distinct = item.builtin.kind() == IndicatorKind::Distinct;
                    let col = Column::new(ind, actor, n, distinct, false);
                    self.records.insert(i, col);
                    i
                }
            };
            let Some(k) = self.records.get_mut(i) else {
                continue;
            };
            for u in chain() {
                // The lower bounds were checked above.
                let _ = k.add_member(u, item.member, None);
            }
            // The country received it too (a national cell is kept, if any).
            if let Ok(j) = self
                .national_records
                .binary_search_by_key(&(ind, actor), Column::key)
            {
                if let Some(k) = self.national_records.get_mut(j) {
                    let _ = k.add_member(0, item.member, None);
                }
            }
        }
        Ok(())
    }

    /// [`Totals::apply`] for a figure: the figure's own totals, merged in.
    fn apply_figure(&mut self, f: &crate::Figure) -> Result<(), Error> {
        let mut acc = Accumulator::without_index(&self.hierarchy, self.period, &self.indicators);
        acc.add_figure(f)?;
        let one = acc.finish()?;
        let base = std::mem::replace(
            self,
            Totals::empty(&self.hierarchy, self.period, &self.indicators),
        );
        match base.clone().merge(one) {
            Ok(merged) => {
                *self = merged;
                Ok(())
            }
            Err(e) => {
                *self = base;
                Err(e)
            }
        }
    }

    /// Merges the totals of a disjoint part of the same dataset.
    ///
    /// Flows add. A stock reported twice at one unit keeps the later value
    /// (one unit reported at two dates) — except in rekeyed totals, where a
    /// new unit's stock may be several old units' figures: there two totals
    /// that both hold a stock at one unit, or one at a unit and the other
    /// below it, are refused (merge them before rekeying), and where they
    /// share no unit their old units differ and the country's stock is
    /// their sum. When either side was rekeyed, its cells above the
    /// crosswalk's level are sums of old units held at every level, so the
    /// other side's figures are first rolled up beside them (a unit the
    /// rekeyed side holds is not missing) and the two add unit by unit: a
    /// figure applied at a new commune reaches its province. An old unit
    /// silent in a rekeyed part ([`Totals::rekey`]) stays silent in the sum
    /// only when the other part, rekeyed from the same old hierarchy, is
    /// silent on it too (or says nothing of those old units): the sum of
    /// what both parts hold is opened where both are silent, so parts that
    /// report different old communes merge exact, as the whole rekeyed at
    /// once. Parts read back from rows carry their cells opened and merge
    /// at least as loosely.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::TotalsMismatch`] when the two totals have
    /// different hierarchies, periods or custom indicators,
    /// [`ErrorKind::MergeRekeyedStock`] when either was rekeyed and both
    /// hold a stock at one unit (or one of them above the other's),
    /// [`ErrorKind::MergeNestedOldUnits`] when one side's own figure covers
    /// (as its whole) what the other, rekeyed, holds below it,
    /// [`ErrorKind::MergeUnknownProvenance`] when both hold a column one of
    /// them read from rows without provenance (an earlier format), and
    /// [`ErrorKind::TotalOverflow`] when a sum overflows.
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let empty = danvan::Totals::empty(&h, danvan::Period::year(2022)?, &[]);
    /// let other = danvan::Totals::empty(&h, danvan::Period::year(2023)?, &[]);
    /// assert_eq!(empty.clone().merge(empty.clone())?, empty);
    /// assert_eq!(empty.merge(other).unwrap_err().code(), "DV101");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn merge(self, other: Totals) -> Result<Totals, Error> {
        // A rekeyed part's cells are opened where an old unit reported
        // nothing; the other part may have reported it: the unopened cells
        // add, and the sum is opened where both parts are silent.
        let mut absent = self.absent.meet(&other.absent);
        // A part not rekeyed with any figure (totals of the new units): a
        // unit of it without a cell may be one that did not report, in
        // every column, its own or not.
        let unrekeyed =
            |t: &Totals| t.absent.by_origin.is_empty() && !t.unrekeyed_columns().is_empty();
        let added: Vec<(u32, Actor)> = if unrekeyed(&self) || unrekeyed(&other) {
            absent
                .by_origin
                .values()
                .flat_map(|c| c.keys().copied())
                .collect()
        } else {
            self.unrekeyed_columns()
                .into_iter()
                .chain(other.unrekeyed_columns())
                .filter(|&k| !absent.column(k).is_empty())
                .collect()
        };
        absent.mix(added);
        self.unopened()?
            .merge_unopened(other.unopened()?)?
            .open_absent(absent)
    }

    /// The reported columns (counts and amounts) with a cell that no rekey
    /// placed: no origin lists them ([`absent::Absent::mix`]).
    fn unrekeyed_columns(&self) -> Vec<(u32, Actor)> {
        let counts = self.rolled.iter().filter(|c| c.is_used()).map(Column::key);
        let amounts = self
            .rolled_amounts
            .iter()
            .filter(|c| c.cells.iter().any(Option::is_some))
            .map(AmountColumn::key);
        counts
            .chain(amounts)
            .filter(|&k| self.absent.column(k).is_empty())
            .collect()
    }

    /// [`Totals::merge`] of totals whose reported cells are not opened.
    fn merge_unopened(self, other: Totals) -> Result<Totals, Error> {
        let what = if self.period != other.period {
            Some("periods")
        } else if self.indicators != other.indicators {
            Some("indicators")
        } else if self.hierarchy != other.hierarchy {
            Some("hierarchies")
        } else {
            None
        };
        if let Some(what) = what {
            return Err(ErrorKind::TotalsMismatch { what }.into());
        }
        // Rekeyed totals (they keep the country's cells) hold stocks made of
        // several old units: at a unit both hold, neither "the later" nor
        // "the sum" is known to be right; where they hold none in common,
        // their old units differ and the country's stock is the sum.
        let rekeyed = self.is_rekeyed() || other.is_rekeyed();
        if rekeyed {
            self.refuse_shared_stocks(&other)?;
            self.sources.refuse_nested(&other.sources, &self)?;
            let held = |t: &Totals, k: (u32, Actor)| {
                Totals::find(&t.rolled, k.0, k.1).is_some_and(Column::is_used)
                    || AmountColumn::find(&t.rolled_amounts, k)
                        .is_some_and(|c| c.cells.iter().any(Option::is_some))
            };
            self.sources.refuse_unknown(
                &other.sources,
                &|k| held(&self, k) && held(&other, k),
                &self,
            )?;
            self.refuse_own_over_rekeyed(&other)?;
            other.refuse_own_over_rekeyed(&self)?;
        }
        // The country's cells first (of both sides as they are).
        let national = (
            merge_national(
                (&self, &self.national_records, &self.records),
                (&other, &other.national_records, &other.records),
                rekeyed,
            )?,
            merge_national(
                (&self, &self.national_reported, &self.rolled),
                (&other, &other.national_reported, &other.rolled),
                rekeyed,
            )?,
            merge_national_amounts(&self, &other, rekeyed)?,
        );
        let h = &self.hierarchy;
        let defs = &self.indicators;
        let (reported, amounts) = if rekeyed {
            // A rekeyed side's cells above the crosswalk's level are sums of
            // old units, held as own cells at every level: the other side's
            // figures are rolled up to those levels beside them (a unit the
            // rekeyed side holds is not missing) and the two add, cell by cell.
            let rk = (self.is_rekeyed(), other.is_rekeyed());
            let there = (other.rolled.as_slice(), other.rolled_amounts.as_slice());
            let a = beside(h, defs, (self.reported, self.amounts), rk.0, there)?;
            let there = (self.rolled.as_slice(), self.rolled_amounts.as_slice());
            let b = beside(h, defs, (other.reported, other.amounts), rk.1, there)?;
            (
                merge_columns(a.0, b.0, |a, b| add_columns(h, defs, a, b))?,
                merge_amounts(h, defs, a.1, b.1, false)?,
            )
        } else {
            (
                merge_columns(self.reported, other.reported, |a, b| {
                    combine_own(h, defs, a, b)
                })?,
                merge_amounts(h, defs, self.amounts, other.amounts, true)?,
            )
        };
        let records = merge_columns(self.records, other.records, |a, b| {
            for u in 0..a.value.len() {
                a.add_cell(u, b, u)
                    .ok_or_else(|| overflow(h, u, &indicator_name(defs, a.indicator)))?;
            }
            Ok(())
        })?;
        let sources = self.sources.union(other.sources);
        let mut merged = Totals::assemble(
            self.hierarchy,
            self.period,
            self.indicators,
            records,
            reported,
            amounts,
        )?
        .with_national(national.0, national.1, national.2);
        merged.sources = sources;
        Ok(merged)
    }

    /// Whether these totals were rekeyed ([`Totals::rekey`]): only rekeyed
    /// totals keep country cells.
    fn is_rekeyed(&self) -> bool {
        !(self.national_records.is_empty()
            && self.national_reported.is_empty()
            && self.national_amounts.is_empty())
    }

    /// [`ErrorKind::MergeRekeyedStock`] at the first unit where both totals
    /// hold an own reported stock (count or amount), or one holds it and the
    /// other below it ([`Totals::first_met`]).
    fn refuse_shared_stocks(&self, other: &Totals) -> Result<(), Error> {
        let stock = |ind: u32| {
            indicator_info(&self.indicators, ind as usize)
                .is_some_and(|(k, _)| k == IndicatorKind::Stock)
        };
        let refuse = |u: usize, ind: u32| -> Error {
            ErrorKind::MergeRekeyedStock {
                unit: self
                    .hierarchy
                    .units()
                    .get(u)
                    .map_or_else(|| u.to_string(), |x| x.code().to_string()),
                indicator: indicator_name(&self.indicators, ind),
            }
            .into()
        };
        for a in self.reported.iter().filter(|c| stock(c.indicator)) {
            let Some(b) = Totals::find(&other.reported, a.indicator, a.actor) else {
                continue;
            };
            let n = a.value.len().min(b.value.len());
            let held = |c: &Column, u: usize| c.member(u).is_some();
            if let Some(u) = self.first_met(n, |u| held(a, u), |u| held(b, u)) {
                return Err(refuse(u, a.indicator));
            }
        }
        for a in self.amounts.iter().filter(|c| stock(c.indicator)) {
            let Some(b) = AmountColumn::find(&other.amounts, a.key()) else {
                continue;
            };
            let n = a.cells.len().min(b.cells.len());
            let held = |c: &AmountColumn, u: usize| c.cells.get(u).is_some_and(Option::is_some);
            if let Some(u) = self.first_met(n, |u| held(a, u), |u| held(b, u)) {
                return Err(refuse(u, a.indicator));
            }
        }
        Ok(())
    }

    /// When these totals were not rekeyed and `rekeyed` was:
    /// [`ErrorKind::MergeNestedOldUnits`] at the first own figure of a unit
    /// here (its whole) with a rekeyed cell strictly below it there. Merged
    /// without a rekey, the unit's own figure covers the figures within it
    /// (a province's own 10 beside its commune's 4 is 10), and two figures
    /// of one unit add (a figure applied at a new commune beside its
    /// rekeyed cell adds). The rekeyed cell at the unit itself holds both
    /// kinds at once — old units' values that came from below it (which
    /// its own figure would cover) and old units lifted to it (which it
    /// would add to) — and no cell tells how much of each: their sum (14)
    /// or the own figure alone (10) may each be wrong, so the merge is
    /// refused, naming the unit and the rekeyed unit below it.
    fn refuse_own_over_rekeyed(&self, rekeyed: &Totals) -> Result<(), Error> {
        if self.is_rekeyed() || !rekeyed.is_rekeyed() {
            return Ok(());
        }
        let refuse = |u: usize, x: usize, ind: u32| -> Error {
            let code = |i: usize| {
                self.hierarchy
                    .units()
                    .get(i)
                    .map_or_else(|| i.to_string(), |x| x.code().to_string())
            };
            ErrorKind::MergeNestedOldUnits {
                indicator: indicator_name(&self.indicators, ind),
                upper: code(u),
                lower: code(x),
            }
            .into()
        };
        for a in &self.reported {
            let Some(b) = Totals::find(&rekeyed.reported, a.indicator, a.actor) else {
                continue;
            };
            for u in (0..a.value.len()).filter(|&u| a.member(u).is_some()) {
                if let Some(x) = self.subtree(u).skip(1).find(|&x| b.member(x).is_some()) {
                    return Err(refuse(u, x, a.indicator));
                }
            }
        }
        for a in &self.amounts {
            let Some(b) = AmountColumn::find(&rekeyed.amounts, a.key()) else {
                continue;
            };
            let held = |c: &AmountColumn, u: usize| c.cells.get(u).is_some_and(Option::is_some);
            for u in (0..a.cells.len()).filter(|&u| held(a, u)) {
                if let Some(x) = self.subtree(u).skip(1).find(|&x| held(b, x)) {
                    return Err(refuse(u, x, a.indicator));
                }
            }
        }
        Ok(())
    }

    /// The first unit (of the first `n`) where one side holds a cell and
    /// the other holds one there or at a unit above it: a rekeyed cell above
    /// is a sum of old units the other side's cell below may or may not be
    /// among (a figure applied at a new commune beside a rekeyed one would
    /// leave their province at the rekeyed value alone). Reported at the
    /// upper unit.
    fn first_met(
        &self,
        n: usize,
        a: impl Fn(usize) -> bool,
        b: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let h = &self.hierarchy;
        let above = |u: usize| {
            std::iter::successors(Some(crate::UnitIndex::from_usize(u)), |&x| h.parent(x))
                .map(|x| x.get())
        };
        (0..n)
            .filter_map(|u| {
                if a(u) {
                    above(u).find(|&x| b(x))
                } else if b(u) {
                    above(u).find(|&x| a(x))
                } else {
                    None
                }
            })
            .min()
    }

    /// The roots of the hierarchy, in index order.
    fn roots(&self) -> impl Iterator<Item = usize> + '_ {
        self.hierarchy
            .iter()
            .filter(|(i, _)| self.hierarchy.parent(*i).is_none())
            .map(|(i, _)| i.get())
    }

    /// The country's cell of a column of these totals (`cols` one of their
    /// layers, `national` its national cells): the national cell when there
    /// is one, else the sum of the roots' cells (a stock: their latest end),
    /// else `None`.
    fn country_cell(
        &self,
        national: &[Column],
        cols: &[Column],
        key: (u32, Actor),
    ) -> Option<Column> {
        if let Some(c) = Totals::find(national, key.0, key.1) {
            return Some(c.clone());
        }
        let col = Totals::find(cols, key.0, key.1)?;
        let mut out = Column::new(key.0, key.1, 1, !col.floor.is_empty(), !col.end.is_empty());
        for r in self.roots() {
            out.add_cell(0, col, r)?;
            if let (Some(&e), Some(dst)) = (col.end.get(r), out.end.first_mut()) {
                *dst = (*dst).max(e);
            }
        }
        Some(out).filter(Column::is_used)
    }

    /// [`Totals::country_cell`] for amounts.
    fn country_amount(&self, key: (u32, Actor)) -> Result<Option<AmountCell>, Error> {
        if let Some(c) = AmountColumn::find(&self.national_amounts, key) {
            return Ok(c.cells.first().cloned().flatten());
        }
        let Some(col) = AmountColumn::find(&self.rolled_amounts, key) else {
            return Ok(None);
        };
        let mut out: Option<AmountCell> = None;
        for r in self.roots() {
            let Some(Some(c)) = col.cells.get(r) else {
                continue;
            };
            out = Some(match out {
                None => c.clone(),
                // Across units, a stock adds too; its end is the latest.
                Some(acc) => combine_amount(&acc, c, false)
                    .map_err(|e| amount_error(&self.hierarchy, &self.indicators, r, key.0, e))?,
            });
        }
        Ok(out)
    }
}

/// The national cells of a merge, per key either side has one: both sides'
/// country cells combined as their units' cells are (flows add, stocks keep
/// the latest), a side without a national cell giving the sum of its roots.
fn merge_national(
    a: (&Totals, &[Column], &[Column]),
    b: (&Totals, &[Column], &[Column]),
    rekeyed: bool,
) -> Result<Vec<Column>, Error> {
    let mut keys: Vec<(u32, Actor)> = a.1.iter().chain(b.1).map(Column::key).collect();
    keys.sort_unstable();
    keys.dedup();
    let mut out = Vec::with_capacity(keys.len());
    for key in keys {
        let x = a.0.country_cell(a.1, a.2, key);
        let y = b.0.country_cell(b.1, b.2, key);
        let cell = match (x, y) {
            (Some(mut x), Some(y)) => {
                // Rekeyed stocks share no unit (checked by `merge`): their
                // old units differ, and the country's stock is their sum.
                let ok = if x.end.is_empty() || rekeyed {
                    x.add_cell(0, &y, 0)
                } else {
                    x.pick_latest(0, &y, 0)
                };
                ok.ok_or_else(|| -> Error {
                    ErrorKind::TotalOverflow {
                        unit: "the country".to_owned(),
                        indicator: indicator_name(&a.0.indicators, key.0),
                        era: None,
                    }
                    .into()
                })?;
                x
            }
            (x, y) => match x.or(y) {
                Some(c) => c,
                None => continue,
            },
        };
        out.push(cell);
    }
    Ok(out)
}

/// [`merge_national`] for amounts.
fn merge_national_amounts(
    a: &Totals,
    b: &Totals,
    rekeyed: bool,
) -> Result<Vec<AmountColumn>, Error> {
    let mut keys: Vec<(u32, Actor)> = a
        .national_amounts
        .iter()
        .chain(&b.national_amounts)
        .map(AmountColumn::key)
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let mut out = Vec::with_capacity(keys.len());
    for key in keys {
        // As in `merge_national`: rekeyed stocks of different old units add.
        let stock = !rekeyed
            && indicator_info(&a.indicators, key.0 as usize)
                .is_some_and(|(k, _)| k == IndicatorKind::Stock);
        let cell = match (a.country_amount(key)?, b.country_amount(key)?) {
            (Some(x), Some(y)) => combine_amount(&x, &y, stock).map_err(|e| -> Error {
                if matches!(e.kind(), ErrorKind::Overflow { .. }) {
                    ErrorKind::TotalOverflow {
                        unit: "the country".to_owned(),
                        indicator: indicator_name(&a.indicators, key.0),
                        era: None,
                    }
                    .into()
                } else {
                    e
                }
            })?,
            (x, y) => match x.or(y) {
                Some(c) => c,
                None => continue,
            },
        };
        out.push(AmountColumn {
            indicator: key.0,
            actor: key.1,
            cells: vec![Some(cell)],
        });
    }
    Ok(out)
}

/// Combines own reported cells of `b` into `a`, cell by cell.
fn combine_own(
    h: &Hierarchy,
    defs: &[IndicatorDef],
    a: &mut Column,
    b: &Column,
) -> Result<(), Error> {
    let stock = !a.end.is_empty();
    for u in 0..a.value.len() {
        let ok = if stock {
            a.pick_latest(u, b, u)
        } else {
            a.add_cell(u, b, u)
        };
        ok.ok_or_else(|| overflow(h, u, &indicator_name(defs, a.indicator)))?;
    }
    Ok(())
}

/// The own reported columns (counts, amounts) of one side of a merge in
/// which either side was rekeyed: rekeyed totals' own cells as they are
/// (every level holds its sum); other totals' own figures rolled up
/// ([`roll_column`], stocks keeping their ends), a unit the other side
/// holds (`there`: its rolled columns) counted as held, not as missing.
fn beside(
    h: &Hierarchy,
    defs: &[IndicatorDef],
    own: (Vec<Column>, Vec<AmountColumn>),
    rekeyed: bool,
    there: (&[Column], &[AmountColumn]),
) -> Result<(Vec<Column>, Vec<AmountColumn>), Error> {
    if rekeyed {
        return Ok(own);
    }
    let counts = own
        .0
        .iter()
        .map(|col| {
            let held = Totals::find(there.0, col.indicator, col.actor);
            roll_column(h, defs, col, held, true)
        })
        .collect::<Result<_, _>>()?;
    let amounts = own
        .1
        .iter()
        .map(|col| roll_amount_column(h, defs, col, AmountColumn::find(there.1, col.key())))
        .collect::<Result<_, _>>()?;
    Ok((counts, amounts))
}

/// Adds the cells of `b` into `a`, unit by unit; a stock's end is the latest
/// of the two (a merge of rekeyed totals, where stocks both hold at one unit
/// were refused first: [`Totals::refuse_shared_stocks`]).
fn add_columns(
    h: &Hierarchy,
    defs: &[IndicatorDef],
    a: &mut Column,
    b: &Column,
) -> Result<(), Error> {
    for u in 0..a.value.len() {
        a.add_cell(u, b, u)
            .ok_or_else(|| overflow(h, u, &indicator_name(defs, a.indicator)))?;
        if let (Some(&e), true) = (b.end.get(u), b.member(u).is_some()) {
            if let Some(dst) = a.end.get_mut(u) {
                *dst = (*dst).max(e);
            }
        }
    }
    Ok(())
}

/// Merges two sorted lists of columns; columns with the same key are combined by `both`.
fn merge_columns(
    a: Vec<Column>,
    b: Vec<Column>,
    mut both: impl FnMut(&mut Column, &Column) -> Result<(), Error>,
) -> Result<Vec<Column>, Error> {
    let mut out = Vec::with_capacity(a.len().max(b.len()));
    let mut a = a.into_iter().peekable();
    let mut b = b.into_iter().peekable();
    loop {
        let ord = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => x.key().cmp(&y.key()),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => break,
        };
        match ord {
            Ordering::Less => out.extend(a.next()),
            Ordering::Greater => out.extend(b.next()),
            Ordering::Equal => {
                if let (Some(mut x), Some(y)) = (a.next(), b.next()) {
                    both(&mut x, &y)?;
                    out.push(x);
                }
            }
        }
    }
    Ok(out)
}

/// Merges two sorted lists of amount columns, cell by cell: flows add;
/// stocks keep the later value when `latest`, else add (rekeyed totals).
fn merge_amounts(
    h: &Hierarchy,
    defs: &[IndicatorDef],
    a: Vec<AmountColumn>,
    b: Vec<AmountColumn>,
    latest: bool,
) -> Result<Vec<AmountColumn>, Error> {
    let mut out = Vec::with_capacity(a.len().max(b.len()));
    let mut a = a.into_iter().peekable();
    let mut b = b.into_iter().peekable();
    loop {
        let ord = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => x.key().cmp(&y.key()),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => break,
        };
        match ord {
            Ordering::Less => out.extend(a.next()),
            Ordering::Greater => out.extend(b.next()),
            Ordering::Equal => {
                if let (Some(mut x), Some(y)) = (a.next(), b.next()) {
                    let stock = latest
                        && indicator_info(defs, x.indicator as usize)
                            .is_some_and(|(k, _)| k == IndicatorKind::Stock);
                    for (u, (cx, cy)) in x.cells.iter_mut().zip(y.cells).enumerate() {
                        *cx = match (cx.take(), cy) {
                            (Some(p), Some(q)) => Some(
                                combine_amount(&p, &q, stock)
                                    .map_err(|e| amount_error(h, defs, u, x.indicator, e))?,
                            ),
                            (p, q) => p.or(q),
                        };
                    }
                    out.push(x);
                }
            }
        }
    }
    Ok(out)
}

/// An amount overflow names the unit and indicator; other errors pass through.
pub(crate) fn amount_error(
    h: &Hierarchy,
    defs: &[IndicatorDef],
    u: usize,
    ind: u32,
    e: Error,
) -> Error {
    if matches!(e.kind(), ErrorKind::Overflow { .. }) {
        overflow(h, u, &indicator_name(defs, ind))
    } else {
        e
    }
}

/// Rolls up a records layer in place: for `u` in `(0..len).rev()`, parent += child.
///
/// Only units with a record in their subtree are visited (at national scale
/// the villages, nine units in ten, have none): they are found once for all
/// columns, then each column is rolled over them.
pub(crate) fn roll_up(
    h: &Hierarchy,
    defs: &[IndicatorDef],
    cols: &mut [Column],
) -> Result<(), Error> {
    let parents = h.parents();
    let mut active = vec![false; parents.len()];
    for col in cols.iter() {
        for (a, f) in active.iter_mut().zip(&col.flags) {
            *a |= f & F_PRESENT != 0;
        }
    }
    // Children come after their parent: (child, parent) pairs, bottom-up.
    let mut edges: Vec<(usize, usize)> = Vec::new();
    for (u, parent) in parents.iter().enumerate().rev() {
        let (Some(p), Some(&true)) = (parent, active.get(u)) else {
            continue;
        };
        let p = p.get();
        if let Some(a) = active.get_mut(p) {
            *a = true;
        }
        edges.push((u, p));
    }
    for col in cols.iter_mut() {
        let Column {
            indicator,
            value,
            flags,
            extra,
            floor,
            ..
        } = col;
        let ind = *indicator;
        // Children come after their parent, so `u`'s cell is final when it is reached.
        // An all-exact column has no extra: the loop a hand-written program
        // would run, kept apart so that it carries no test of `extra`.
        if extra.is_empty() {
            for &(u, p) in &edges {
                let f = flags.get(u).copied().unwrap_or(0);
                if f & F_PRESENT == 0 {
                    continue;
                }
                let ok = (|| {
                    let v = *value.get(u)?;
                    let slot = value.get_mut(p)?;
                    *slot = slot.checked_add(v)?;
                    *flags.get_mut(p)? |= f;
                    if let Some(&fl) = floor.get(u) {
                        let dst = floor.get_mut(p)?;
                        *dst = (*dst).max(fl);
                    }
                    Some(())
                })();
                ok.ok_or_else(|| overflow(h, p, &indicator_name(defs, ind)))?;
            }
            continue;
        }
        for &(u, p) in &edges {
            let f = flags.get(u).copied().unwrap_or(0);
            if f & F_PRESENT == 0 {
                continue;
            }
            let ok = (|| {
                let v = *value.get(u)?;
                let slot = value.get_mut(p)?;
                *slot = slot.checked_add(v)?;
                let fp = flags.get_mut(p)?;
                let before = *fp;
                *fp |= f;
                let x = *extra.get(u)?;
                *flags.get_mut(p)? |= add_extra(extra.get_mut(p)?, before, f, x);
                if let Some(&fl) = floor.get(u) {
                    let dst = floor.get_mut(p)?;
                    *dst = (*dst).max(fl);
                }
                Some(())
            })();
            ok.ok_or_else(|| overflow(h, p, &indicator_name(defs, ind)))?;
        }
    }
    Ok(())
}

/// Rolls up own reported figures: a unit's own figure, else its children's sum.
fn roll_reported(
    h: &Hierarchy,
    defs: &[IndicatorDef],
    own: &[Column],
) -> Result<Vec<Column>, Error> {
    own.iter()
        .map(|col| roll_column(h, defs, col, None, false))
        .collect()
}

/// Rolls up one column of own reported figures: a unit's own figure, else
/// its children's sum — a lower bound when a child holds nothing, neither
/// here nor in `beside` (the cells of the other side of a merge with
/// rekeyed totals: a unit it holds is not missing, it is held there). With
/// `ends`, a stock's cells keep their latest end (a sum the latest of its
/// parts'), as own cells do.
fn roll_column(
    h: &Hierarchy,
    defs: &[IndicatorDef],
    col: &Column,
    beside: Option<&Column>,
    ends: bool,
) -> Result<Column, Error> {
    let parents = h.parents();
    let n = col.value.len();
    let ends = ends && !col.end.is_empty();
    let mut r = Column::new(col.indicator, col.actor, n, !col.floor.is_empty(), ends);
    // Units some of whose children reported nothing: their sum is a lower bound.
    let mut missing = vec![false; n];
    for (u, parent) in parents.iter().enumerate().rev() {
        let own = col.flags.get(u).is_some_and(|f| f & F_PRESENT != 0);
        if !own && missing.get(u).copied().unwrap_or(false) {
            // A lower bound: what the children that reported add up to.
            r.open_above(u);
        }
        let present = own
            || r.flags.get(u).is_some_and(|f| f & F_PRESENT != 0)
            || beside.is_some_and(|b| b.member(u).is_some());
        if let (false, Some(p)) = (present, parent) {
            if let Some(m) = missing.get_mut(p.get()) {
                *m = true;
            }
        }
        if own {
            if let Some(m) = col.member(u) {
                r.set_member(u, m, col.floor.get(u).copied());
                if let (Some(e), Some(&own_end)) = (r.end.get_mut(u), col.end.get(u)) {
                    *e = own_end;
                }
            }
        }
        if let Some(p) = parent {
            let p = p.get();
            r.add_within(p, u)
                .ok_or_else(|| overflow(h, p, &indicator_name(defs, col.indicator)))?;
            if let (Some(&e), true) = (r.end.get(u), r.member(u).is_some()) {
                if let Some(pe) = r.end.get_mut(p) {
                    *pe = (*pe).max(e);
                }
            }
        }
    }
    Ok(r)
}

fn roll_amounts(
    h: &Hierarchy,
    defs: &[IndicatorDef],
    own: &[AmountColumn],
) -> Result<Vec<AmountColumn>, Error> {
    own.iter()
        .map(|col| roll_amount_column(h, defs, col, None))
        .collect()
}

/// [`roll_column`] for amounts: a unit's own amount, else its children's
/// sum — at least that sum when a child holds nothing, here or in `beside`.
fn roll_amount_column(
    h: &Hierarchy,
    defs: &[IndicatorDef],
    col: &AmountColumn,
    beside: Option<&AmountColumn>,
) -> Result<AmountColumn, Error> {
    let parents = h.parents();
    let n = col.cells.len();
    let mut cells: Vec<Option<AmountCell>> = vec![None; n];
    let mut missing = vec![false; n];
    for (u, parent) in parents.iter().enumerate().rev() {
        let own = col.cells.get(u).is_some_and(Option::is_some);
        if let (Some(Some(c)), Some(slot)) = (col.cells.get(u), cells.get_mut(u)) {
            *slot = Some(c.clone());
        } else if missing.get(u).copied().unwrap_or(false) {
            if let Some(Some(c)) = cells.get_mut(u) {
                // A lower bound: what the children that reported add up to.
                absent::open_amount(c);
            }
        }
        let present = own
            || cells.get(u).is_some_and(Option::is_some)
            || beside.is_some_and(|b| b.cells.get(u).is_some_and(Option::is_some));
        let Some(p) = parent else { continue };
        let p = p.get();
        if !present {
            if let Some(m) = missing.get_mut(p) {
                *m = true;
            }
        }
        let Some(Some(child)) = cells.get(u).cloned() else {
            continue;
        };
        if let Some(slot) = cells.get_mut(p) {
            *slot = Some(match slot.take() {
                None => child,
                Some(acc) => AmountCell {
                    total: acc
                        .total
                        .checked_add(&child.total)
                        .map_err(|e| amount_error(h, defs, p, col.indicator, e))?,
                    end: acc.end.max(child.end),
                },
            });
        }
    }
    Ok(AmountColumn {
        indicator: col.indicator,
        actor: col.actor,
        cells,
    })
}

/// The totals as the rules' context, for [`Totals::apply`].
impl crate::record::rules::Context for Totals {
    type Handle = ();

    fn unit(&self, code: &UnitCode) -> Option<((), crate::record::rules::UnitFacts)> {
        let unit = self.hierarchy.get(code)?;
        Some(((), crate::record::rules::UnitFacts::of(unit)))
    }

    fn period(&self) -> Period {
        self.period
    }

    fn indicator(&self, id: &IndicatorId) -> Option<(IndicatorKind, ValueType)> {
        let ind = indicator_index(&self.indicators, id)?;
        indicator_info(&self.indicators, ind as usize)
    }
}

#[cfg(test)]
mod tests;
