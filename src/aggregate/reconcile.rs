//! Reported figures against computed totals.

use super::{indicator_name, Column, Totals, F_BOUNDED, F_OPEN, F_PRESENT};
use crate::{Actor, IndicatorId, Interval, UnitCode};

/// What a reported figure is compared with.
///
/// ```
/// assert_ne!(danvan::Against::Records, danvan::Against::Children);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Against {
    /// The total of the records in the unit's subtree.
    Records,
    /// The sum of the reported values of the unit's children.
    Children,
}

/// How a reported figure and a computed total compare.
///
/// ```
/// let a = danvan::Agreement::Disagree { low: Some(-3), high: Some(-3) };
/// assert!(!matches!(a, danvan::Agreement::Agree));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    /// Both are exact and equal.
    Agree,
    /// They cannot both be true: the imbalance (reported − computed) lies in
    /// `[low, high]`, `None` meaning unbounded; `low == high` when both are exact.
    Disagree {
        /// The smallest possible imbalance.
        low: Option<i128>,
        /// The largest possible imbalance.
        high: Option<i128>,
    },
    /// At least one is qualified and their intervals overlap: they can both be true.
    WithinBounds,
}

impl Agreement {
    /// Compares a reported interval with a computed one: agree when both
    /// are the same exact number, within bounds when they share a value,
    /// else the imbalance (reported − computed) as the signed interval
    /// [`Interval::difference`].
    ///
    /// ```
    /// use danvan::{Agreement, Interval};
    ///
    /// assert_eq!(Agreement::between(Interval::at_least(4400), Interval::exact(4419)), Agreement::WithinBounds);
    /// assert_eq!(Agreement::between(Interval::exact(10), Interval::exact(7)),
    ///            Agreement::Disagree { low: Some(3), high: Some(3) });
    /// ```
    #[must_use]
    pub fn between(reported: Interval<u64>, computed: Interval<u64>) -> Agreement {
        let both_exact = reported.is_exact() && computed.is_exact();
        if both_exact && reported.low() == computed.low() {
            return Agreement::Agree;
        }
        if reported.overlaps(computed) && !both_exact {
            return Agreement::WithinBounds;
        }
        let d = reported.difference(computed);
        Agreement::Disagree {
            low: d.low(),
            high: d.high(),
        }
    }
}

/// One comparison of a unit's own reported figure.
///
/// ```
/// let h = danvan::Hierarchy::new(vec![danvan::Unit::new("30".parse()?, "Tỉnh Hải Dương")])?;
/// let t = danvan::Totals::empty(&h, danvan::Period::year(2022)?, &[]);
/// assert!(t.reconcile().is_empty());
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Reconciliation {
    /// The unit.
    pub unit: UnitCode,
    /// The indicator.
    pub indicator: IndicatorId,
    /// The actor.
    pub actor: Actor,
    /// The unit's own reported figure.
    pub reported: Interval<u64>,
    /// What it is compared with.
    pub against: Against,
    /// The computed value it is compared with.
    pub computed: Interval<u64>,
    /// The result.
    pub agreement: Agreement,
}

impl Totals {
    /// Compares every unit's own reported figure with the records total of
    /// its subtree (when any record contributed) and with the sum of its
    /// children's reported values (when any child has one), in unit index
    /// order, then by indicator and actor.
    ///
    /// ```
    /// let json = r#"{
    ///     "schema": "danvan/dataset/v1",
    ///     "period": {"start": "2022-01-01", "end": "2022-12-31"},
    ///     "units": [{"code": "30", "name": "Tỉnh Hải Dương"}],
    ///     "documents": [{"unit": "30", "date": "2022-05-10", "actor": "party_committees", "kind": "leadership"}],
    ///     "figures": [{"indicator": "documents", "unit": "30", "actor": "party_committees", "value": 3}]
    /// }"#;
    /// let checked = danvan::check(danvan::Dataset::from_json(json.as_bytes())?).map_err(|r| r.to_string()).unwrap();
    /// let rec = danvan::Totals::compute(&checked)?.reconcile();
    /// assert_eq!(rec.len(), 1);
    /// assert_eq!(rec[0].agreement, danvan::Agreement::Disagree { low: Some(2), high: Some(2) });
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn reconcile(&self) -> Vec<Reconciliation> {
        let mut out = Vec::new();
        let h = &self.hierarchy;
        for (idx, unit) in h.iter() {
            let u = idx.get();
            for own in &self.reported {
                let Some(reported) = own.interval(u) else {
                    continue;
                };
                let Ok(indicator) =
                    indicator_name(&self.indicators, own.indicator).parse::<IndicatorId>()
                else {
                    continue;
                };
                let mut push = |against: Against, computed: Interval<u64>| {
                    out.push(Reconciliation {
                        unit: unit.code(),
                        indicator: indicator.clone(),
                        actor: own.actor,
                        reported,
                        against,
                        computed,
                        agreement: Agreement::between(reported, computed),
                    });
                };
                if let Some(computed) = self.records_at(u, own.indicator, own.actor) {
                    push(Against::Records, computed);
                }
                if let Some(rolled) = Totals::find(&self.rolled, own.indicator, own.actor) {
                    if let Some(sum) = children_sum(self, rolled, idx) {
                        push(Against::Children, sum);
                    }
                }
            }
        }
        out
    }
}

/// The sum of the children's reported values (distinct: with bounds), if any child has one.
fn children_sum(t: &Totals, rolled: &Column, idx: crate::UnitIndex) -> Option<Interval<u64>> {
    let mut acc = Column::new(
        rolled.indicator,
        rolled.actor,
        1,
        !rolled.floor.is_empty(),
        false,
    );
    let mut any = false;
    let mut missing = false;
    for c in t.hierarchy.children(idx) {
        if rolled
            .flags
            .get(c.get())
            .is_some_and(|f| f & F_PRESENT != 0)
        {
            any = true;
            if acc.add_cell(0, rolled, c.get()).is_none() {
                // Past the largest count: nothing sound is left to compare with.
                return None;
            }
        } else {
            missing = true;
        }
    }
    if !any {
        return None;
    }
    // A child that reported nothing is not a zero: the sum is a lower bound.
    if missing {
        if let Some(f) = acc.flags.get_mut(0) {
            *f |= F_BOUNDED | F_OPEN;
        }
    }
    acc.interval(0)
}
