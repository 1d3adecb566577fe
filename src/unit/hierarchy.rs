//! The hierarchy of units, with dense indices.

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use super::code::{Level, Unit, UnitCode};
use crate::{Error, ErrorKind};

/// The dense index of a unit in one [`Hierarchy`], from `0` to `len - 1`.
///
/// An index means something only in the hierarchy that gave it. In a
/// hierarchy, every parent's index is smaller than its children's.
///
/// ```
/// let units = vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")];
/// let h = danvan::Hierarchy::new(units)?;
/// let idx = h.index_of(&"30".parse()?);
/// assert_eq!(idx.map(|i| i.get()), Some(0));
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnitIndex(u32);

impl UnitIndex {
    /// The index at position `i`; a position beyond `u32::MAX` gives an index
    /// that no hierarchy holds, so every lookup with it finds nothing.
    pub(crate) fn from_usize(i: usize) -> UnitIndex {
        UnitIndex(u32::try_from(i).unwrap_or(u32::MAX))
    }

    /// The index as a `usize`, to index tables with one entry per unit.
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// assert_eq!(h.top_down().map(|i| i.get()).collect::<Vec<_>>(), vec![0]);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub const fn get(self) -> usize {
        self.0 as usize
    }
}

impl From<UnitIndex> for usize {
    fn from(idx: UnitIndex) -> usize {
        idx.get()
    }
}

/// Units with parent links, levels and validity dates, under dense indices.
///
/// A hierarchy serves both shapes of the administrative tree: province →
/// district → commune → village before the reform of 1 July 2025, and
/// province → commune → village after it, even mixed in one hierarchy with
/// validity dates (see [`as_of`](Hierarchy::as_of)). It is built once from a
/// list of units and checked on the way ([`Hierarchy::problems`] lists the
/// rules).
///
/// # Index order
///
/// Each unit gets a [`UnitIndex`] once. The indices follow a depth-first
/// pre-order of the tree, roots and siblings taken by code, so they do not
/// depend on the order of the input. Hence:
///
/// - every parent's index is smaller than each of its children's:
///   `0..len` ([`top_down`](Hierarchy::top_down)) visits parents before
///   children and `(0..len).rev()` ([`bottom_up`](Hierarchy::bottom_up))
///   visits children before parents, so one pass over
///   [`parents`](Hierarchy::parents) in that order rolls totals up;
/// - a unit's descendants directly follow it.
///
/// Lookups by code take constant time.
///
/// On the wire a hierarchy is the list of its units, in index order; reading
/// it runs the same checks as [`Hierarchy::new`].
///
/// ```
/// use danvan::{Hierarchy, Level, Unit};
///
/// let units = vec![
///     Unit::new("288".parse()?, "Thành phố Hải Dương").with_parent(Some("30".parse()?)),
///     Unit::new("10507".parse()?, "Phường Cẩm Thượng").with_parent(Some("288".parse()?)),
///     Unit::new("30".parse()?, "Tỉnh Hải Dương"),
/// ];
/// let h = Hierarchy::new(units)?;
/// assert_eq!(h.count_at(Level::Commune), 1);
/// let levels: Vec<Level> = h.bottom_up().filter_map(|i| h.level(i)).collect();
/// assert_eq!(levels, [Level::Commune, Level::District, Level::Province]);
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "Vec<Unit>", into = "Vec<Unit>")]
pub struct Hierarchy(
    /// Shared and immutable: totals, accumulators and datasets that keep a
    /// hierarchy clone it in O(1).
    Arc<Tree>,
);

/// The parts of a [`Hierarchy`].
#[derive(Debug, PartialEq, Eq)]
struct Tree {
    /// The units, in index order.
    units: Vec<Unit>,
    /// The parent of each unit, by index.
    parents: Vec<Option<UnitIndex>>,
    /// Children of unit `i` are `children[child_start[i]..child_start[i + 1]]`.
    child_start: Vec<usize>,
    children: Vec<UnitIndex>,
    by_code: HashMap<UnitCode, UnitIndex>,
    /// Number of units at each level, by [`Level::depth`].
    counts: [usize; 4],
}

impl Hierarchy {
    /// Builds a hierarchy from units given in any order.
    ///
    /// # Errors
    ///
    /// Returns the first problem that [`Hierarchy::problems`] finds (in input
    /// order), or [`ErrorKind::Overflow`] for more than `u32::MAX - 1` units.
    ///
    /// ```
    /// use danvan::{Hierarchy, Unit};
    ///
    /// let orphan = Unit::new("288".parse()?, "Thành phố Hải Dương").with_parent(Some("30".parse()?));
    /// let err = Hierarchy::new(vec![orphan]).unwrap_err();
    /// assert_eq!(err.code(), "DV032");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn new(units: Vec<Unit>) -> Result<Hierarchy, Error> {
        if u32::try_from(units.len()).map_or(true, |n| n == u32::MAX) {
            return Err(ErrorKind::Overflow {
                what: "number of units in a hierarchy".to_owned(),
            }
            .into());
        }
        if let Some((_, err)) = Hierarchy::problems(&units).into_iter().next() {
            return Err(err);
        }
        Ok(Hierarchy::assemble(units))
    }

    /// Lists every problem of a list of units, each with the unit's position in the list.
    ///
    /// The problems, sorted by position (several per unit are possible):
    ///
    /// - a code given again ([`ErrorKind::DuplicateUnit`]);
    /// - a parent code not among the units ([`ErrorKind::UnknownParent`]);
    /// - a level that cannot sit under the parent's level
    ///   ([`ErrorKind::ParentLevelMismatch`], see [`Level::can_sit_under`]);
    /// - a district, commune or village without parent
    ///   ([`ErrorKind::MissingParent`]), a province with one
    ///   ([`ErrorKind::UnexpectedParent`]);
    /// - parent links that form a cycle, once for each unit on it
    ///   ([`ErrorKind::ParentCycle`]);
    /// - a village whose code names another commune than its parent
    ///   ([`ErrorKind::VillageOutsideCommune`]);
    /// - validity that ends before it starts ([`ErrorKind::ValidityReversed`]);
    /// - a unit valid on a day its parent is not
    ///   ([`ErrorKind::ValidityOutsideParent`]).
    ///
    /// When a code is given twice, parent links go to its first occurrence.
    ///
    /// ```
    /// use danvan::{Hierarchy, Unit};
    ///
    /// let units = vec![
    ///     Unit::new("30".parse()?, "Tỉnh Hải Dương"),
    ///     Unit::new("30".parse()?, "Tỉnh Hải Dương"),
    ///     Unit::new("288".parse()?, "Thành phố Hải Dương"),
    /// ];
    /// let problems = Hierarchy::problems(&units);
    /// let at: Vec<(usize, &str)> = problems.iter().map(|(i, e)| (*i, e.code().as_str())).collect();
    /// assert_eq!(at, [(1, "DV031"), (2, "DV034")]);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn problems(units: &[Unit]) -> Vec<(usize, Error)> {
        let mut out: Vec<(usize, Error)> = Vec::new();
        let mut first: HashMap<UnitCode, usize> = HashMap::with_capacity(units.len());
        for (i, unit) in units.iter().enumerate() {
            match first.entry(unit.code()) {
                Entry::Occupied(e) => out.push((
                    i,
                    ErrorKind::DuplicateUnit {
                        code: unit.code().to_string(),
                        first: *e.get(),
                    }
                    .into(),
                )),
                Entry::Vacant(e) => {
                    e.insert(i);
                }
            }
        }
        let mut parent_pos: Vec<Option<usize>> = Vec::with_capacity(units.len());
        for (i, unit) in units.iter().enumerate() {
            let code = unit.code();
            let reversed = is_reversed(unit);
            if let (true, Some(from), Some(to)) = (reversed, unit.valid_from(), unit.valid_to()) {
                out.push((
                    i,
                    ErrorKind::ValidityReversed {
                        code: code.to_string(),
                        from,
                        to,
                    }
                    .into(),
                ));
            }
            let found = unit.parent().and_then(|p| first.get(&p).copied());
            parent_pos.push(found);
            let kind = match (unit.level(), unit.parent()) {
                (Level::Province, None) => None,
                (Level::Province, Some(parent)) => Some(ErrorKind::UnexpectedParent {
                    code: code.to_string(),
                    parent: parent.to_string(),
                }),
                (level, None) => Some(ErrorKind::MissingParent {
                    code: code.to_string(),
                    level: level.as_str(),
                    expected: level.expected_parent(),
                }),
                (level, Some(parent)) => match found.and_then(|j| units.get(j)) {
                    None => Some(ErrorKind::UnknownParent {
                        code: code.to_string(),
                        parent: parent.to_string(),
                    }),
                    Some(p) => {
                        if !level.can_sit_under(p.level()) {
                            out.push((
                                i,
                                ErrorKind::ParentLevelMismatch {
                                    code: code.to_string(),
                                    level: level.as_str(),
                                    parent: parent.to_string(),
                                    parent_level: p.level().as_str(),
                                    expected: level.expected_parent(),
                                }
                                .into(),
                            ));
                        } else if let Some(commune) = code
                            .commune()
                            .filter(|c| level == Level::Village && *c != parent)
                        {
                            out.push((
                                i,
                                ErrorKind::VillageOutsideCommune {
                                    code: code.to_string(),
                                    parent: parent.to_string(),
                                    expected: commune.to_string(),
                                }
                                .into(),
                            ));
                        }
                        if !reversed && !is_reversed(p) && !within(unit, p) {
                            Some(ErrorKind::ValidityOutsideParent {
                                code: code.to_string(),
                                from: unit.valid_from(),
                                to: unit.valid_to(),
                                parent: parent.to_string(),
                                parent_from: p.valid_from(),
                                parent_to: p.valid_to(),
                            })
                        } else {
                            None
                        }
                    }
                },
            };
            if let Some(kind) = kind {
                out.push((i, kind.into()));
            }
        }
        for i in on_cycles(&parent_pos) {
            if let Some(unit) = units.get(i) {
                out.push((
                    i,
                    ErrorKind::ParentCycle {
                        code: unit.code().to_string(),
                    }
                    .into(),
                ));
            }
        }
        out.sort_by_key(|(i, _)| *i);
        out
    }

    /// Builds the hierarchy from units already checked by [`Hierarchy::problems`].
    ///
    /// Units that no root reaches (only possible with a cycle) are left out.
    fn assemble(units: Vec<Unit>) -> Hierarchy {
        let n = units.len();
        let pos_of: HashMap<UnitCode, usize> = units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.code(), i))
            .collect();
        // Children (and roots) by input position, each list sorted by code.
        let mut by_code: Vec<(UnitCode, usize)> = units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.code(), i))
            .collect();
        by_code.sort_unstable();
        let mut kids: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut roots: Vec<usize> = Vec::new();
        for &(_, i) in &by_code {
            let parent = units
                .get(i)
                .and_then(Unit::parent)
                .and_then(|p| pos_of.get(&p).copied());
            match parent.and_then(|p| kids.get_mut(p)) {
                Some(list) => list.push(i),
                None => roots.push(i),
            }
        }
        // Iterative depth-first pre-order.
        let mut order: Vec<usize> = Vec::with_capacity(n);
        let mut stack: Vec<usize> = roots.into_iter().rev().collect();
        while let Some(i) = stack.pop() {
            order.push(i);
            if let Some(list) = kids.get(i) {
                stack.extend(list.iter().rev().copied());
            }
        }
        let mut new_index: Vec<Option<UnitIndex>> = vec![None; n];
        for (k, &i) in order.iter().enumerate() {
            if let (Some(slot), Ok(k)) = (new_index.get_mut(i), u32::try_from(k)) {
                *slot = Some(UnitIndex(k));
            }
        }
        let mut slots: Vec<Option<Unit>> = units.into_iter().map(Some).collect();
        let mut sorted: Vec<Unit> = Vec::with_capacity(order.len());
        let mut parents: Vec<Option<UnitIndex>> = Vec::with_capacity(order.len());
        let mut child_start: Vec<usize> = Vec::with_capacity(order.len() + 1);
        let mut children: Vec<UnitIndex> = Vec::with_capacity(order.len());
        let mut counts = [0usize; 4];
        for &i in &order {
            let Some(unit) = slots.get_mut(i).and_then(Option::take) else {
                continue;
            };
            let parent = unit
                .parent()
                .and_then(|p| pos_of.get(&p))
                .and_then(|&p| new_index.get(p).copied().flatten());
            parents.push(parent);
            child_start.push(children.len());
            if let Some(list) = kids.get(i) {
                children.extend(
                    list.iter()
                        .filter_map(|&c| new_index.get(c).copied().flatten()),
                );
            }
            if let Some(count) = counts.get_mut(unit.level().depth()) {
                *count += 1;
            }
            sorted.push(unit);
        }
        child_start.push(children.len());
        let by_code = sorted
            .iter()
            .zip(0u32..)
            .map(|(u, k)| (u.code(), UnitIndex(k)))
            .collect();
        Hierarchy(Arc::new(Tree {
            units: sorted,
            parents,
            child_start,
            children,
            by_code,
            counts,
        }))
    }

    /// The number of units.
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// assert_eq!(h.len(), 1);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.units.len()
    }

    /// Whether the hierarchy has no unit.
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(Vec::new())?;
    /// assert!(h.is_empty());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.units.is_empty()
    }

    /// The index of the unit with this code, if any.
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// assert!(h.index_of(&"30".parse()?).is_some());
    /// assert!(h.index_of(&"31".parse()?).is_none());
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn index_of(&self, code: &UnitCode) -> Option<UnitIndex> {
        self.0.by_code.get(code).copied()
    }

    /// The unit with this code, if any.
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// assert_eq!(h.get(&"30".parse()?).map(|u| u.name()), Some("Tỉnh Hải Dương"));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn get(&self, code: &UnitCode) -> Option<&Unit> {
        self.index_of(code).and_then(|i| self.unit(i))
    }

    /// The unit at an index; `None` if the index is not of this hierarchy.
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let idx = h.top_down().next();
    /// assert_eq!(idx.and_then(|i| h.unit(i)).map(|u| u.name()), Some("Tỉnh Hải Dương"));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn unit(&self, idx: UnitIndex) -> Option<&Unit> {
        self.0.units.get(idx.get())
    }

    /// The units, in index order (parents before children).
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// assert_eq!(h.units().len(), 1);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn units(&self) -> &[Unit] {
        &self.0.units
    }

    /// The code of the unit at an index.
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let codes: Vec<String> = h.top_down().filter_map(|i| h.code(i)).map(|c| c.to_string()).collect();
    /// assert_eq!(codes, ["30"]);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn code(&self, idx: UnitIndex) -> Option<UnitCode> {
        self.unit(idx).map(Unit::code)
    }

    /// The level of the unit at an index.
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// let first = h.top_down().next();
    /// assert_eq!(first.and_then(|i| h.level(i)), Some(danvan::Level::Province));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn level(&self, idx: UnitIndex) -> Option<Level> {
        self.unit(idx).map(Unit::level)
    }

    /// The parent of the unit at an index (`None` for a root or an unknown index).
    ///
    /// ```
    /// use danvan::{Hierarchy, Unit};
    ///
    /// let h = Hierarchy::new(vec![
    ///     Unit::new("30".parse()?, "Tỉnh Hải Dương"),
    ///     Unit::new("288".parse()?, "Thành phố Hải Dương").with_parent(Some("30".parse()?)),
    /// ])?;
    /// let district = h.index_of(&"288".parse()?);
    /// assert_eq!(district.and_then(|d| h.parent(d)), h.index_of(&"30".parse()?));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn parent(&self, idx: UnitIndex) -> Option<UnitIndex> {
        self.0.parents.get(idx.get()).copied().flatten()
    }

    /// The parent of every unit, by index: the table for one bottom-up pass.
    ///
    /// For every `i`, `parents()[i]`, when present, is smaller than `i`.
    ///
    /// ```
    /// use danvan::{Hierarchy, Unit};
    ///
    /// let h = Hierarchy::new(vec![
    ///     Unit::new("30".parse()?, "Tỉnh Hải Dương"),
    ///     Unit::new("288".parse()?, "Thành phố Hải Dương").with_parent(Some("30".parse()?)),
    /// ])?;
    /// // Roll a count of 1 per unit up to the root.
    /// let mut totals = vec![1u64; h.len()];
    /// for (i, parent) in h.parents().iter().enumerate().rev() {
    ///     if let (Some(p), Some(&t)) = (parent, totals.get(i)) {
    ///         if let Some(slot) = totals.get_mut(p.get()) { *slot += t; }
    ///     }
    /// }
    /// assert_eq!(totals, [2, 1]);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn parents(&self) -> &[Option<UnitIndex>] {
        &self.0.parents
    }

    /// The children of the unit at an index, by code.
    ///
    /// ```
    /// use danvan::{Hierarchy, Unit};
    ///
    /// let h = Hierarchy::new(vec![
    ///     Unit::new("30".parse()?, "Tỉnh Hải Dương"),
    ///     Unit::new("289".parse()?, "Thành phố Chí Linh").with_parent(Some("30".parse()?)),
    ///     Unit::new("288".parse()?, "Thành phố Hải Dương").with_parent(Some("30".parse()?)),
    /// ])?;
    /// let root = h.index_of(&"30".parse()?);
    /// let kids: Vec<String> = root.into_iter().flat_map(|r| h.children(r))
    ///     .filter_map(|c| h.code(c)).map(|c| c.to_string()).collect();
    /// assert_eq!(kids, ["288", "289"]);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn children(&self, idx: UnitIndex) -> impl DoubleEndedIterator<Item = UnitIndex> + '_ {
        let i = idx.get();
        let range = self
            .0
            .child_start
            .get(i)
            .zip(i.checked_add(1).and_then(|j| self.0.child_start.get(j)))
            .and_then(|(&a, &b)| self.0.children.get(a..b))
            .unwrap_or(&[]);
        range.iter().copied()
    }

    /// The ancestors of the unit at an index, from its parent up to the root.
    ///
    /// ```
    /// use danvan::{Hierarchy, Unit};
    ///
    /// let h = Hierarchy::new(vec![
    ///     Unit::new("30".parse()?, "Tỉnh Hải Dương"),
    ///     Unit::new("288".parse()?, "Thành phố Hải Dương").with_parent(Some("30".parse()?)),
    ///     Unit::new("10507".parse()?, "Phường Cẩm Thượng").with_parent(Some("288".parse()?)),
    /// ])?;
    /// let commune = h.index_of(&"10507".parse()?);
    /// let up: Vec<String> = commune.into_iter().flat_map(|c| h.ancestors(c))
    ///     .filter_map(|a| h.code(a)).map(|c| c.to_string()).collect();
    /// assert_eq!(up, ["288", "30"]);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn ancestors(&self, idx: UnitIndex) -> impl Iterator<Item = UnitIndex> + '_ {
        std::iter::successors(self.parent(idx), move |&p| self.parent(p))
    }

    /// Every index, parents before children (`0..len`).
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// assert_eq!(h.top_down().count(), 1);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn top_down(&self) -> impl DoubleEndedIterator<Item = UnitIndex> + ExactSizeIterator {
        // `new` guarantees that the length fits in a u32.
        let n = u32::try_from(self.0.units.len()).unwrap_or(u32::MAX);
        (0..n).map(UnitIndex)
    }

    /// Every index, children before parents (`(0..len).rev()`).
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// assert_eq!(h.bottom_up().count(), 1);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn bottom_up(&self) -> impl DoubleEndedIterator<Item = UnitIndex> + ExactSizeIterator {
        self.top_down().rev()
    }

    /// Every unit with its index, in index order.
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// for (idx, unit) in h.iter() {
    ///     assert_eq!(h.code(idx), Some(unit.code()));
    /// }
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (UnitIndex, &Unit)> + '_ {
        self.top_down().zip(self.0.units.iter())
    }

    /// The number of units at a level.
    ///
    /// ```
    /// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
    /// assert_eq!(h.count_at(danvan::Level::Province), 1);
    /// assert_eq!(h.count_at(danvan::Level::District), 0);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn count_at(&self, level: Level) -> usize {
        self.0.counts.get(level.depth()).copied().unwrap_or(0)
    }

    /// Whether the unit at an index is valid on `date` (its own dates only;
    /// `false` for an unknown index).
    ///
    /// ```
    /// use chrono::NaiveDate;
    ///
    /// let unit = danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")
    ///     .with_validity(None, NaiveDate::from_ymd_opt(2025, 6, 30));
    /// let h = danvan::Hierarchy::new(vec![unit])?;
    /// let idx = h.index_of(&"30".parse()?);
    /// let on = |y, m, d| idx.zip(NaiveDate::from_ymd_opt(y, m, d)).is_some_and(|(i, day)| h.is_valid_on(i, day));
    /// assert!(on(2025, 6, 30));
    /// assert!(!on(2025, 7, 1));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn is_valid_on(&self, idx: UnitIndex, date: NaiveDate) -> bool {
        self.unit(idx).is_some_and(|u| u.is_valid_on(date))
    }

    /// The hierarchy of the units valid on `date`.
    ///
    /// A unit valid that day whose parent is not (which [`Hierarchy::new`]
    /// rejects anyway) is left out too, with its descendants. Indices are
    /// assigned afresh, by the same rule.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use danvan::{Hierarchy, Level, Unit};
    ///
    /// let old = NaiveDate::from_ymd_opt(2025, 6, 30);
    /// let new = NaiveDate::from_ymd_opt(2025, 7, 1);
    /// // Synthetic example: one district abolished on 1 July 2025.
    /// let h = Hierarchy::new(vec![
    ///     Unit::new("30".parse()?, "Province A"),
    ///     Unit::new("288".parse()?, "District B").with_parent(Some("30".parse()?)).with_validity(None, old),
    /// ])?;
    /// let after = new.map(|d| h.as_of(d));
    /// assert_eq!(after.map(|a| a.count_at(Level::District)), Some(0));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn as_of(&self, date: NaiveDate) -> Hierarchy {
        let mut keep: Vec<bool> = Vec::with_capacity(self.0.units.len());
        for (idx, unit) in self.iter() {
            let parent_kept = match self.parent(idx) {
                Some(p) => keep.get(p.get()).copied().unwrap_or(false),
                None => true,
            };
            keep.push(parent_kept && unit.is_valid_on(date));
        }
        let units = self
            .0
            .units
            .iter()
            .zip(keep)
            .filter(|(_, k)| *k)
            .map(|(u, _)| u.clone())
            .collect();
        Hierarchy::assemble(units)
    }
}

impl TryFrom<Vec<Unit>> for Hierarchy {
    type Error = Error;

    fn try_from(units: Vec<Unit>) -> Result<Hierarchy, Error> {
        Hierarchy::new(units)
    }
}

impl From<Hierarchy> for Vec<Unit> {
    fn from(h: Hierarchy) -> Vec<Unit> {
        Arc::try_unwrap(h.0).map_or_else(|shared| shared.units.clone(), |tree| tree.units)
    }
}

/// Whether a unit's validity ends before it starts.
fn is_reversed(unit: &Unit) -> bool {
    matches!((unit.valid_from(), unit.valid_to()), (Some(f), Some(t)) if t < f)
}

/// Whether a child's validity lies within its parent's (open ends are unbounded).
fn within(child: &Unit, parent: &Unit) -> bool {
    let starts_ok = match (parent.valid_from(), child.valid_from()) {
        (None, _) => true,
        (Some(p), Some(c)) => p <= c,
        (Some(_), None) => false,
    };
    let ends_ok = match (parent.valid_to(), child.valid_to()) {
        (None, _) => true,
        (Some(p), Some(c)) => c <= p,
        (Some(_), None) => false,
    };
    starts_ok && ends_ok
}

/// The positions of the units that lie on a cycle of parent links, sorted.
///
/// Iterative: each unit is walked once.
fn on_cycles(parent_pos: &[Option<usize>]) -> Vec<usize> {
    const NEW: u8 = 0;
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![NEW; parent_pos.len()];
    let mut members = Vec::new();
    let mut path: Vec<usize> = Vec::new();
    for start in 0..parent_pos.len() {
        path.clear();
        let mut cur = Some(start);
        while let Some(c) = cur {
            match state.get(c).copied() {
                Some(NEW) => {
                    if let Some(s) = state.get_mut(c) {
                        *s = ON_PATH;
                    }
                    path.push(c);
                    cur = parent_pos.get(c).copied().flatten();
                }
                Some(ON_PATH) => {
                    if let Some(k) = path.iter().position(|&x| x == c) {
                        members.extend(path.iter().skip(k).copied());
                    }
                    cur = None;
                }
                _ => cur = None,
            }
        }
        for &m in &path {
            if let Some(s) = state.get_mut(m) {
                *s = DONE;
            }
        }
    }
    members.sort_unstable();
    members
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn code(s: &str) -> UnitCode {
        s.parse().unwrap()
    }

    fn unit(c: &str, parent: Option<&str>) -> Unit {
        Unit::new(code(c), format!("Synthetic {c}")).with_parent(parent.map(code))
    }

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    fn texts(units: &[Unit]) -> Vec<(usize, String, &'static str)> {
        Hierarchy::problems(units)
            .into_iter()
            .map(|(i, e)| (i, e.to_string(), e.code().as_str()))
            .collect()
    }

    #[test]
    fn three_level_shape() {
        let h = Hierarchy::new(vec![
            unit("10510", Some("288")),
            unit("10507", Some("288")),
            unit("288", Some("30")),
            unit("30", None),
            unit("10507-T01", Some("10507")),
        ])
        .unwrap();
        let order: Vec<String> = h
            .top_down()
            .map(|i| h.code(i).unwrap().to_string())
            .collect();
        assert_eq!(order, ["30", "288", "10507", "10507-T01", "10510"]);
        for i in h.top_down() {
            if let Some(p) = h.parent(i) {
                assert!(p < i);
            }
        }
        assert_eq!(h.count_at(Level::Province), 1);
        assert_eq!(h.count_at(Level::District), 1);
        assert_eq!(h.count_at(Level::Commune), 2);
        assert_eq!(h.count_at(Level::Village), 1);
        let district = h.index_of(&code("288")).unwrap();
        let kids: Vec<_> = h.children(district).map(|c| h.code(c).unwrap()).collect();
        assert_eq!(kids, [code("10507"), code("10510")]);
        let village = h.index_of(&code("10507-T01")).unwrap();
        assert_eq!(h.ancestors(village).count(), 3);
        assert_eq!(h.children(village).count(), 0);
        assert_eq!(h.children(UnitIndex(99)).count(), 0);
        assert_eq!(h.unit(UnitIndex(99)), None);
        assert_eq!(h.parent(UnitIndex(99)), None);
    }

    #[test]
    fn two_level_shape() {
        let h = Hierarchy::new(vec![
            unit("30", None),
            unit("10507", Some("30")),
            unit("10507-T01", Some("10507")),
        ])
        .unwrap();
        assert_eq!(h.count_at(Level::District), 0);
        let commune = h.index_of(&code("10507")).unwrap();
        assert_eq!(h.parent(commune), h.index_of(&code("30")));
    }

    #[test]
    fn same_index_whatever_the_input_order() {
        let a = vec![
            unit("30", None),
            unit("288", Some("30")),
            unit("10507", Some("288")),
        ];
        let mut b = a.clone();
        b.reverse();
        assert_eq!(Hierarchy::new(a).unwrap(), Hierarchy::new(b).unwrap());
    }

    #[test]
    fn serde_is_the_unit_list() {
        let h = Hierarchy::new(vec![unit("288", Some("30")), unit("30", None)]).unwrap();
        let json = serde_json::to_string(&h).unwrap();
        assert_eq!(
            json,
            r#"[{"code":"30","name":"Synthetic 30"},{"code":"288","name":"Synthetic 288","parent":"30"}]"#
        );
        assert_eq!(serde_json::from_str::<Hierarchy>(&json).unwrap(), h);
        let err = serde_json::from_str::<Hierarchy>(r#"[{"code":"288","name":"x"}]"#).unwrap_err();
        assert!(err.to_string().starts_with(
            "unit \"288\" at level district has no parent: expected a parent at level province"
        ));
    }

    #[test]
    fn duplicate_unknown_missing_unexpected() {
        let units = vec![
            unit("30", None),
            unit("30", None),
            unit("288", Some("32")),
            unit("289", None),
            unit("31", Some("30")),
        ];
        assert_eq!(
            texts(&units),
            [
                (
                    1,
                    "duplicate unit code \"30\": already given at position 0".to_owned(),
                    "DV031"
                ),
                (
                    2,
                    "parent \"32\" of unit \"288\" is not among the units".to_owned(),
                    "DV032"
                ),
                (
                    3,
                    "unit \"289\" at level district has no parent: expected a parent at level province"
                        .to_owned(),
                    "DV034"
                ),
                (
                    4,
                    "unit \"31\" at level province has parent \"30\": expected no parent".to_owned(),
                    "DV035"
                ),
            ]
        );
        let err = Hierarchy::new(units).unwrap_err();
        assert_eq!(err.code(), "DV031");
    }

    #[test]
    fn level_mismatch_and_village_commune() {
        let units = vec![
            unit("30", None),
            unit("288", Some("30")),
            unit("10507", Some("288")),
            unit("10510", Some("288")),
            unit("289", Some("288")),
            unit("10507-T01", Some("288")),
            unit("10507-T02", Some("10510")),
        ];
        assert_eq!(
            texts(&units),
            [
                (
                    4,
                    "unit \"289\" at level district cannot sit under \"288\" at level district: \
                     expected a parent at level province"
                        .to_owned(),
                    "DV033"
                ),
                (
                    5,
                    "unit \"10507-T01\" at level village cannot sit under \"288\" at level district: \
                     expected a parent at level commune"
                        .to_owned(),
                    "DV033"
                ),
                (
                    6,
                    "village \"10507-T02\" sits under commune \"10510\": \
                     expected the commune of its code, \"10507\""
                        .to_owned(),
                    "DV037"
                ),
            ]
        );
    }

    #[test]
    fn cycles_are_found_without_recursion() {
        // Two districts pointing at each other, and a commune hanging below the cycle.
        let units = vec![
            unit("288", Some("289")),
            unit("289", Some("288")),
            unit("10507", Some("288")),
        ];
        let got = texts(&units);
        let cycles: Vec<_> = got.iter().filter(|(_, _, c)| *c == "DV036").collect();
        assert_eq!(
            cycles,
            [
                &(
                    0,
                    "unit \"288\" is its own ancestor: its parent links form a cycle".to_owned(),
                    "DV036"
                ),
                &(
                    1,
                    "unit \"289\" is its own ancestor: its parent links form a cycle".to_owned(),
                    "DV036"
                ),
            ]
        );
        // Self-loop, and a long chain that must not overflow the stack.
        assert_eq!(on_cycles(&[Some(0)]), [0]);
        let n: usize = 200_000;
        let chain: Vec<Option<usize>> = (0..n).map(|i| i.checked_sub(1)).collect();
        assert!(on_cycles(&chain).is_empty());
        let mut ring = chain;
        ring[0] = Some(n - 1);
        assert_eq!(on_cycles(&ring).len(), n);
    }

    #[test]
    fn validity_problems() {
        let units = vec![
            unit("30", None).with_validity(day(2020, 1, 1), None),
            unit("288", Some("30")).with_validity(day(2025, 1, 1), day(2024, 12, 31)),
            unit("289", Some("30")).with_validity(None, day(2025, 6, 30)),
            unit("10507", Some("289")).with_validity(day(2021, 1, 1), day(2025, 7, 1)),
            unit("10510", Some("289")).with_validity(day(2021, 1, 1), day(2025, 6, 30)),
        ];
        assert_eq!(
            texts(&units),
            [
                (
                    1,
                    "validity of unit \"288\" ends 2024-12-31 before it starts 2025-01-01"
                        .to_owned(),
                    "DV038"
                ),
                (
                    2,
                    "unit \"289\" is valid until 2025-06-30, outside its parent \"30\" valid from 2020-01-01"
                        .to_owned(),
                    "DV039"
                ),
                (
                    3,
                    "unit \"10507\" is valid from 2021-01-01 to 2025-07-01, outside its parent \"289\" valid until 2025-06-30"
                        .to_owned(),
                    "DV039"
                ),
            ]
        );
        let open = ErrorKind::ValidityOutsideParent {
            code: "288".into(),
            from: None,
            to: None,
            parent: "30".into(),
            parent_from: Some("2020-01-01".parse().unwrap()),
            parent_to: Some("2025-06-30".parse().unwrap()),
        };
        assert_eq!(
            open.to_string(),
            "unit \"288\" is valid at all times, outside its parent \"30\" valid from 2020-01-01 to 2025-06-30"
        );
    }

    /// A synthetic mixed-era hierarchy: one province, one district with two
    /// communes until 30 June 2025, and one commune directly under the
    /// province from 1 July 2025. Codes and names are made up.
    fn mixed_era() -> Hierarchy {
        let end = day(2025, 6, 30);
        let start = day(2025, 7, 1);
        Hierarchy::new(vec![
            unit("90", None),
            unit("901", Some("90")).with_validity(None, end),
            unit("90001", Some("901")).with_validity(None, end),
            unit("90002", Some("901")).with_validity(None, end),
            unit("90001-V1", Some("90001")).with_validity(None, end),
            unit("90010", Some("90")).with_validity(start, None),
            unit("90010-V1", Some("90010")).with_validity(start, None),
        ])
        .unwrap()
    }

    #[test]
    fn as_of_around_the_reform() {
        let h = mixed_era();
        let before = h.as_of(day(2025, 6, 30).unwrap());
        assert_eq!(
            before
                .iter()
                .map(|(_, u)| u.code().to_string())
                .collect::<Vec<_>>(),
            ["90", "901", "90001", "90001-V1", "90002"]
        );
        let after = h.as_of(day(2025, 7, 1).unwrap());
        assert_eq!(
            after
                .iter()
                .map(|(_, u)| u.code().to_string())
                .collect::<Vec<_>>(),
            ["90", "90010", "90010-V1"]
        );
        assert_eq!(after.count_at(Level::District), 0);
        let commune = after.index_of(&code("90010")).unwrap();
        assert_eq!(
            after.level(after.parent(commune).unwrap()),
            Some(Level::Province)
        );
        let i = h.index_of(&code("901")).unwrap();
        assert!(h.is_valid_on(i, day(2025, 6, 30).unwrap()));
        assert!(!h.is_valid_on(i, day(2025, 7, 1).unwrap()));
        assert!(!h.is_valid_on(UnitIndex(99), day(2025, 7, 1).unwrap()));
    }

    #[test]
    fn as_of_drops_units_whose_parent_is_gone() {
        // Built directly, bypassing the validity rule, to exercise the filter.
        let h = Hierarchy::assemble(vec![
            unit("90", None),
            unit("901", Some("90")).with_validity(None, day(2025, 6, 30)),
            unit("90001", Some("901")),
        ]);
        let after = h.as_of(day(2025, 7, 1).unwrap());
        assert_eq!(after.len(), 1);
    }

    /// Random trees: unit `k` (k ≥ 1) gets a parent among the units before it.
    fn random_tree() -> impl Strategy<Value = (Vec<Unit>, u64)> {
        (1usize..100, any::<u64>()).prop_flat_map(|(n, seed)| {
            proptest::collection::vec(any::<prop::sample::Index>(), n).prop_map(move |picks| {
                // Provinces, districts and communes: levels fit when each
                // unit is one level below its parent, so map depth to level.
                let mut units: Vec<Unit> = Vec::new();
                let mut depths: Vec<usize> = Vec::new();
                for (k, pick) in picks.iter().enumerate() {
                    let candidates: Vec<usize> = (0..k).filter(|&j| depths[j] < 2).collect();
                    let parent = if k == 0 || candidates.is_empty() || pick.index(4) == 0 {
                        None
                    } else {
                        Some(candidates[pick.index(candidates.len())])
                    };
                    let depth = parent.map_or(0, |p| depths[p] + 1);
                    let text = match depth {
                        0 => format!("{:02}", k),
                        1 => format!("{:03}", k),
                        _ => format!("{:05}", k),
                    };
                    units.push(
                        Unit::new(code(&text), "Synthetic")
                            .with_parent(parent.map(|p| units[p].code())),
                    );
                    depths.push(depth);
                }
                (units, seed)
            })
        })
    }

    proptest! {
        #[test]
        fn parent_index_is_smaller((mut units, seed) in random_tree()) {
            // Shuffle deterministically from the seed so input order varies.
            let n = units.len();
            let mut s = seed;
            for i in (1..n).rev() {
                s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                units.swap(i, (s >> 33) as usize % (i + 1));
            }
            let h = Hierarchy::new(units).unwrap();
            prop_assert_eq!(h.len(), n);
            for (i, parent) in h.parents().iter().enumerate() {
                if let Some(p) = parent {
                    prop_assert!(p.get() < i);
                    prop_assert!(h.children(*p).any(|c| c.get() == i));
                }
            }
            let total_children: usize = h.top_down().map(|i| h.children(i).count()).sum();
            prop_assert_eq!(total_children, h.parents().iter().flatten().count());
            for (idx, unit) in h.iter() {
                prop_assert_eq!(h.index_of(&unit.code()), Some(idx));
                // Pre-order: everything between a parent and its child descends from the parent.
                if let Some(p) = h.parent(idx) {
                    for j in h.top_down().filter(|j| p < *j && *j < idx) {
                        prop_assert!(h.ancestors(j).any(|a| a == p));
                    }
                }
            }
        }
    }
}
