//! The stable export of [`Totals`]: one [`TotalsRow`] per unit, indicator,
//! actor and layer that holds something.
//!
//! The column store of [`Totals`] (dense unit and indicator indices, flag
//! bits, days since year 1) is private and may change with any release; rows
//! are what apps read and what other machines send to merge partial totals.
//! [`Totals::rows`] writes them, [`Totals::from_rows`] reads them back for a
//! given hierarchy, period and indicator catalogue, checking each row.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};

use super::{
    indicator_index, indicator_info, AmountCell, AmountColumn, AmountTotal, Column, Member, Totals,
    BUILTINS,
};
use crate::{
    Actor, Builtin, Error, ErrorKind, Hierarchy, IndicatorDef, IndicatorId, IndicatorKind,
    Interval, Period, Tone, UnitCode, UnitIndex, ValueType,
};

/// Which layer of [`Totals`] a [`TotalsRow`] belongs to.
///
/// ```
/// assert_eq!(serde_json::to_string(&danvan::TotalsLayer::Records).unwrap(), r#""records""#);
/// assert_eq!(danvan::TotalsLayer::Reported.as_str(), "reported");
/// ```
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TotalsLayer {
    /// The total of the records in the unit's subtree (the unit and every
    /// unit below it), as [`Totals::get`] gives it.
    Records,
    /// The unit's own reported figure (several figures of the unit for
    /// sub-periods already combined), not its children's: the sum of the
    /// children is derived, as [`Totals::reported`] gives it once the rows
    /// are read back with [`Totals::from_rows`].
    Reported,
    /// The country's records total ([`Totals::national`]): what the whole
    /// hierarchy received, where the sum of the roots is wider (a rekey's
    /// split across two new provinces). The row's `unit` is the hierarchy's
    /// first unit, standing for the country (a row names a unit).
    CountryRecords,
    /// The country's reported figure or amount ([`Totals::national`],
    /// [`Totals::national_amount`]); `unit` as for
    /// [`CountryRecords`](TotalsLayer::CountryRecords).
    CountryReported,
}

impl TotalsLayer {
    /// The layer's name on the wire.
    ///
    /// ```
    /// assert_eq!(danvan::TotalsLayer::Records.as_str(), "records");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            TotalsLayer::Records => "records",
            TotalsLayer::Reported => "reported",
            TotalsLayer::CountryRecords => "country_records",
            TotalsLayer::CountryReported => "country_reported",
        }
    }
}

/// What a column of rekeyed totals carries of the old totals it came from
/// ([`Totals::rekey`]), written on the column's country row
/// (`country_reported`, [`TotalsRow::provenance`]): the old units whose own
/// figures it carries, with their old ancestors (so that parts of nested old
/// units read back from rows are refused by [`Totals::merge`] as they are
/// in memory, [`ErrorKind::MergeNestedOldUnits`]), and, per old hierarchy
/// the column was rekeyed from, the old units that reported nothing with the
/// new units each may lie in (the cells there are written opened, "at
/// least"; a merge of parts read back keeps them opened, where parts merged
/// in memory may close them: looser, never unsound). Apps need not read
/// it. It is written on every country row of reported figures; rows
/// without it (written before it existed) read, but what they carry is not
/// known: merged with a rekeyed part holding the same column they are
/// refused ([`ErrorKind::MergeUnknownProvenance`]).
///
/// On the wire: `{"carries": ["101"], "above": [{"unit": "10", "below":
/// "101"}], "silent": [{"old": "<16 hex digits: the old hierarchy and level
/// mapped>", "units": [{"unit": "10102", "in": ["80001"]}]}],
/// "rekeyed_only": true}`, each list left out when empty (`units` never: an
/// empty list says every old unit reported). `rekeyed_only` says no totals
/// that were not rekeyed were merged into the column; with no old unit
/// silent, a unit without a row then holds nothing, which a second rekey
/// uses. Rows without it read as `false`.
///
/// ```
/// let json = r#"{"carries": ["101"], "above": [{"unit": "10", "below": "101"}],
///     "silent": [{"old": "00000000000000ff", "units": [{"unit": "10102", "in": ["80001"]}]}],
///     "rekeyed_only": true}"#;
/// let p: danvan::TotalsProvenance = serde_json::from_str(json).unwrap();
/// let back: danvan::TotalsProvenance = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
/// assert_eq!(back, p);
/// assert!(serde_json::from_str::<danvan::TotalsProvenance>(r#"{"carried": []}"#).is_err());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct TotalsProvenance {
    /// The old units whose own figures the column carries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    carries: Vec<UnitCode>,
    /// Their old ancestors, each with one carried unit below it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    above: Vec<AboveWire>,
    /// Per old hierarchy: the old units that reported nothing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    silent: Vec<SilentWire>,
    /// Whether only rekeys added to the column (no totals that were not
    /// rekeyed were merged in); left out by rows written before it, which
    /// read as `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rekeyed_only: Option<bool>,
}

crate::wire::objects_only!(TotalsProvenance);

/// An old ancestor of a carried old unit, with one of them below it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
struct AboveWire {
    unit: UnitCode,
    below: UnitCode,
}

crate::wire::objects_only!(AboveWire);

/// The old units of one old hierarchy that reported nothing.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
struct SilentWire {
    /// The old hierarchy and level mapped ([`super::absent::Origin`]), 16 hex digits.
    old: String,
    units: Vec<SilentUnitWire>,
}

crate::wire::objects_only!(SilentWire);

/// One old unit that reported nothing and the new units it may lie in.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
struct SilentUnitWire {
    unit: UnitCode,
    #[serde(rename = "in")]
    within: Vec<UnitCode>,
}

crate::wire::objects_only!(SilentUnitWire);

impl TotalsProvenance {
    /// The provenance of one column of `t` (always written on its country row).
    fn of(t: &Totals, key: (u32, Actor)) -> Option<TotalsProvenance> {
        let mut p = TotalsProvenance::default();
        if let Some((units, above)) = t.sources.column(key) {
            p.carries = units.iter().copied().collect();
            p.above = above
                .iter()
                .map(|(unit, below)| AboveWire {
                    unit: *unit,
                    below: *below,
                })
                .collect();
        }
        p.silent = t
            .absent
            .column(key)
            .into_iter()
            .map(|(origin, silent)| SilentWire {
                old: format!("{:016x}", origin.0),
                units: silent
                    .iter()
                    .map(|(unit, to)| SilentUnitWire {
                        unit: *unit,
                        within: to.iter().copied().collect(),
                    })
                    .collect(),
            })
            .collect();
        // Written on every country row, empty lists and all: a row without
        // it is of the format before it.
        p.rekeyed_only = Some(!t.absent.mixed.contains(&key));
        Some(p)
    }
}

/// One row of [`Totals`]: **the stable export of totals**, for apps and for
/// merging partial totals computed on other machines.
///
/// A row is one unit, indicator, actor and layer that holds something. Rows
/// are grown by later issues with dimensions and display columns, never
/// replaced: a new field is added as optional, an existing one keeps its
/// name and meaning. The storage of [`Totals`] is private and is not part of
/// this contract.
///
/// On the wire a row is one JSON object (never an array of its fields, as
/// every struct of the wire language), its dates written exactly
/// `YYYY-MM-DD`; unknown fields are rejected:
///
/// | field | meaning |
/// |---|---|
/// | `layer` | `"records"` (records total of the unit's subtree), `"reported"` (the unit's own figure), `"country_records"` or `"country_reported"` (the country's cell of that layer, [`Totals::national`]: kept by a rekey where the roots' sum is wider) |
/// | `unit` | the unit code (in a country row, the hierarchy's first unit, standing for the country) |
/// | `indicator` | the indicator id (built-in or custom) |
/// | `actor` | who the figure is of |
/// | `period` | the period of the totals, `{"start": …, "end": …}` |
/// | `low`, `high` | count indicators: the sound interval of the value ([`Interval`]), both inclusive; `high` is `null` when unbounded |
/// | `tone` | count indicators: `exact`, `near` (every inexact term was "gần", "ngót") or `bounded`; it chooses the wording, never the bounds |
/// | `estimate` | count indicators whose interval is unbounded and some term of which was an estimate ("khoảng"): the sum of the stated points |
/// | `largest_part` | distinct indicators: the largest of the parts (equal to `low`: the parts may overlap, so the value is `[largest part, sum of parts]`) |
/// | `amount` | amount indicators, reported layer only: the [`AmountTotal`], `{"value": {"low": "6300000000", "high": null, "tone": "bounded"}, "unit": "đồng"}` (an interval of decimal strings, as `low`/`high` of counts) |
/// | `as_of` | reported stocks and amounts: the end of the latest figure's period (a day of `period`) |
/// | `provenance` | `country_reported` rows of rekeyed totals: what the column carries of the old totals ([`TotalsProvenance`], on every such row; rows without it read, and a merge of their column with another rekeyed part is refused, DV218) |
///
/// Fields that do not apply are left out. [`Totals::from_rows`] rebuilds
/// totals equal to the ones the rows were taken from.
///
/// ```
/// let json = r#"{"layer":"records","unit":"30","indicator":"conferences","actor":"party_committees",
///     "period":{"start":"2022-01-01","end":"2022-12-31"},"low":12,"high":null,"tone":"bounded"}"#;
/// let row: danvan::TotalsRow = serde_json::from_str(json).unwrap();
/// assert_eq!(row.layer, danvan::TotalsLayer::Records);
/// assert_eq!(row.interval(), Some(danvan::Interval::at_least(12)));
/// assert_eq!((row.low, row.high), (Some(12), None));
/// assert!(serde_json::from_str::<danvan::TotalsRow>(&json.replace("\"low\"", "\"lo\"")).is_err());
/// let array = r#"["records","30","conferences","party_committees",{"start":"2022-01-01","end":"2022-12-31"},12,null]"#;
/// assert!(serde_json::from_str::<danvan::TotalsRow>(array).is_err());
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "RowWire", into = "RowWire")]
#[non_exhaustive]
pub struct TotalsRow {
    /// Records total or own reported figure.
    pub layer: TotalsLayer,
    /// The unit.
    pub unit: UnitCode,
    /// The indicator.
    pub indicator: IndicatorId,
    /// Who the figure is of.
    pub actor: Actor,
    /// The period of the totals.
    pub period: Period,
    /// Count indicators: the inclusive lower bound of the value.
    pub low: Option<u64>,
    /// Count indicators: the inclusive upper bound of the value; `None` when
    /// unbounded (or for amounts).
    pub high: Option<u64>,
    /// Count indicators: the tone of the value ([`Tone`]).
    pub tone: Option<Tone>,
    /// Count indicators: the estimate beside an unbounded value, when some term was one.
    pub estimate: Option<u64>,
    /// Distinct indicators: the largest of the parts summed.
    pub largest_part: Option<u64>,
    /// Amount indicators: the amount's interval and unit word.
    pub amount: Option<AmountTotal>,
    /// Reported stocks and amounts: the end of the latest figure's period.
    pub as_of: Option<NaiveDate>,
    /// Country rows of rekeyed totals' reported columns: what the column
    /// carries of the old totals ([`TotalsProvenance`]).
    pub provenance: Option<TotalsProvenance>,
}

/// The wire form of a row: flat, with the qualifier apart from the value.
/// Read from a JSON object only ([`objects_only!`](crate::wire)), its
/// date as the wire writes dates ([`crate::period::date_serde`]).
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", rename = "TotalsRow", deny_unknown_fields)]
struct RowWire {
    layer: TotalsLayer,
    unit: UnitCode,
    indicator: IndicatorId,
    actor: Actor,
    period: Period,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    low: Option<u64>,
    /// `Some(None)` is written as `null` (unbounded); absent reads as unbounded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    high: Option<Option<u64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tone: Option<Tone>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    estimate: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    largest_part: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    amount: Option<AmountTotal>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::period::date_serde::option"
    )]
    as_of: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    provenance: Option<TotalsProvenance>,
}

crate::wire::objects_only!(RowWire);

impl From<TotalsRow> for RowWire {
    fn from(r: TotalsRow) -> RowWire {
        let count = r.low.is_some();
        RowWire {
            layer: r.layer,
            unit: r.unit,
            indicator: r.indicator,
            actor: r.actor,
            period: r.period,
            low: r.low,
            high: if count || r.high.is_some() {
                Some(r.high)
            } else {
                None
            },
            tone: r.tone,
            estimate: r.estimate,
            largest_part: r.largest_part,
            amount: r.amount,
            as_of: r.as_of,
            provenance: r.provenance,
        }
    }
}

impl TryFrom<RowWire> for TotalsRow {
    type Error = String;

    fn try_from(w: RowWire) -> Result<TotalsRow, String> {
        if w.low.is_none() && (w.high.is_some() || w.tone.is_some() || w.estimate.is_some()) {
            return Err("a row with bounds, tone or estimate needs its low".into());
        }
        Ok(TotalsRow {
            layer: w.layer,
            unit: w.unit,
            indicator: w.indicator,
            actor: w.actor,
            period: w.period,
            low: w.low,
            high: w.high.flatten(),
            tone: w.tone,
            estimate: w.estimate,
            largest_part: w.largest_part,
            amount: w.amount,
            as_of: w.as_of,
            provenance: w.provenance,
        })
    }
}

impl TotalsRow {
    /// The value of a count row as an interval; `None` for an amount row or
    /// when the fields do not make one (see [`Totals::from_rows`] for the rules).
    ///
    /// ```
    /// let json = r#"{"layer":"records","unit":"30","indicator":"conference_participants","actor":"party_committees",
    ///     "period":{"start":"2022-01-01","end":"2022-12-31"},"low":120,"high":420,"tone":"near"}"#;
    /// let row: danvan::TotalsRow = serde_json::from_str(json).unwrap();
    /// let i = row.interval().unwrap();
    /// assert_eq!((i.low(), i.high(), i.tone()), (120, Some(420), danvan::Tone::Near));
    /// ```
    #[must_use]
    pub fn interval(&self) -> Option<Interval<u64>> {
        row_interval(self.low?, self.high, self.tone, self.estimate).ok()
    }
}

/// The interval of a row's fields, checked as [`Interval`]'s own wire form is.
fn row_interval(
    low: u64,
    high: Option<u64>,
    tone: Option<Tone>,
    estimate: Option<u64>,
) -> Result<Interval<u64>, &'static str> {
    if high.is_some_and(|h| h < low) {
        return Err("its high is below its low");
    }
    let exact = high == Some(low);
    let tone = tone.unwrap_or(if exact { Tone::Exact } else { Tone::Bounded });
    match (tone, exact, estimate, high) {
        (Tone::Exact, true, None, _) => Ok(Interval::exact(low)),
        (Tone::Exact, false, _, _) => Err("its tone is exact on a range"),
        (_, true, _, _) => Err("its tone is inexact on a single value"),
        (Tone::Near, _, _, None) => Err("its tone is near on an unbounded interval"),
        (_, _, Some(_), Some(_)) => Err(
            "it has an estimate: expected one only beside an unbounded interval of tone bounded",
        ),
        (Tone::Near, false, None, Some(h)) => Interval::exact(low)
            .checked_add(Interval::near(h - low))
            .map_err(|_| "its bounds do not fit"),
        (_, false, None, Some(h)) => {
            Interval::between(low, Some(h)).map_err(|_| "its high is below its low")
        }
        (_, false, None, None) => Ok(Interval::at_least(low)),
        (_, false, Some(e), None) => Interval::at_least(low)
            .checked_add(Interval::about(e.saturating_sub(low)))
            .map_err(|_| "its estimate does not fit"),
    }
}

/// The id of the indicator at a dense index.
pub(super) fn indicator_id(defs: &[IndicatorDef], ind: u32) -> Option<IndicatorId> {
    let i = ind as usize;
    match Builtin::ALL.get(i) {
        Some(&b) => Some(b.into()),
        None => defs.get(i.checked_sub(BUILTINS)?).map(|d| d.id.clone()),
    }
}

fn date_of(days: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(days)
}

/// A row's place: unit, indicator, actor and layer (the order of the rows).
type Place = (usize, u32, Actor, TotalsLayer);

impl Totals {
    /// The totals as [`TotalsRow`]s: one per unit, indicator, actor and layer
    /// that holds something, in unit order of the hierarchy, then indicator
    /// (built-in ones in [`Builtin::ALL`] order, then custom ones in catalogue
    /// order), actor and layer.
    ///
    /// ```
    /// let json = r#"{"schema": "danvan/dataset/v1", "period": {"start": "2022-01-01", "end": "2022-12-31"},
    ///     "units": [{"code": "30", "name": "Tỉnh Hải Dương"}],
    ///     "documents": [{"unit": "30", "date": "2022-05-10", "actor": "party_committees", "kind": "leadership"}]}"#;
    /// let checked = danvan::check(danvan::Dataset::from_json(json.as_bytes())?).map_err(|r| r.to_string()).unwrap();
    /// let totals = danvan::Totals::compute(&checked)?;
    /// let rows = totals.rows();
    /// let ids: Vec<&str> = rows.iter().map(|r| r.indicator.as_str()).collect();
    /// assert_eq!(ids, ["documents", "leadership_documents"]);
    /// assert_eq!(rows[0].interval(), Some(danvan::Interval::exact(1)));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn rows(&self) -> Vec<TotalsRow> {
        let mut out: Vec<(Place, TotalsRow)> = Vec::new();
        let row = |u: usize, ind: u32, actor: Actor, layer: TotalsLayer| -> Option<TotalsRow> {
            Some(TotalsRow {
                layer,
                unit: self.hierarchy.code(UnitIndex::from_usize(u))?,
                indicator: indicator_id(&self.indicators, ind)?,
                actor,
                period: self.period,
                low: None,
                high: None,
                tone: None,
                estimate: None,
                largest_part: None,
                amount: None,
                as_of: None,
                provenance: None,
            })
        };
        let layers = [
            (TotalsLayer::Records, &self.records),
            (TotalsLayer::Reported, &self.reported),
        ];
        for (layer, cols) in layers {
            for col in cols.iter() {
                for u in 0..col.value.len() {
                    let Some(value) = col.interval(u) else {
                        continue;
                    };
                    let Some(mut r) = row(u, col.indicator, col.actor, layer) else {
                        continue;
                    };
                    r.low = Some(value.low());
                    r.high = value.high();
                    r.tone = Some(value.tone());
                    r.estimate = value.estimate();
                    r.largest_part = col.floor.get(u).copied();
                    r.as_of = col.end.get(u).copied().and_then(date_of);
                    out.push(((u, col.indicator, col.actor, layer), r));
                }
            }
        }
        for col in &self.amounts {
            for (u, cell) in col.cells.iter().enumerate() {
                let Some(cell) = cell else { continue };
                let layer = TotalsLayer::Reported;
                let Some(mut r) = row(u, col.indicator, col.actor, layer) else {
                    continue;
                };
                r.amount = Some(cell.total.clone());
                r.as_of = date_of(cell.end);
                out.push(((u, col.indicator, col.actor, layer), r));
            }
        }
        // The country's cells, under the hierarchy's first unit.
        let layers = [
            (TotalsLayer::CountryRecords, &self.national_records),
            (TotalsLayer::CountryReported, &self.national_reported),
        ];
        for (layer, cols) in layers {
            for col in cols.iter() {
                let Some(value) = col.interval(0) else {
                    continue;
                };
                let Some(mut r) = row(0, col.indicator, col.actor, layer) else {
                    continue;
                };
                r.low = Some(value.low());
                r.high = value.high();
                r.tone = Some(value.tone());
                r.estimate = value.estimate();
                r.largest_part = col.floor.first().copied();
                r.as_of = col.end.first().copied().and_then(date_of);
                if layer == TotalsLayer::CountryReported {
                    r.provenance = TotalsProvenance::of(self, col.key());
                }
                out.push(((0, col.indicator, col.actor, layer), r));
            }
        }
        for col in &self.national_amounts {
            let Some(Some(cell)) = col.cells.first() else {
                continue;
            };
            let layer = TotalsLayer::CountryReported;
            let Some(mut r) = row(0, col.indicator, col.actor, layer) else {
                continue;
            };
            r.amount = Some(cell.total.clone());
            r.as_of = date_of(cell.end);
            r.provenance = TotalsProvenance::of(self, col.key());
            out.push(((0, col.indicator, col.actor, layer), r));
        }
        out.sort_by_key(|(place, _)| *place);
        out.into_iter().map(|(_, r)| r).collect()
    }

    /// Rebuilds totals from their [`rows`](Totals::rows) for a hierarchy, a
    /// period and a catalogue of custom indicators (those the totals were
    /// computed with). The rows may come in any order; the totals equal those
    /// the rows were taken from, so totals of parts computed elsewhere can be
    /// read back and [`merge`](Totals::merge)d.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidTotals`] naming the row (its index from 0, layer,
    /// unit, indicator and actor) and what was expected, when a row has
    /// another period, an unknown unit or indicator, repeats an earlier row,
    /// is a records total of a custom count indicator (records add only to
    /// built-in ones), lacks its value or has fields of another kind of indicator (a value
    /// for an amount indicator, an amount in the records layer, `as_of`
    /// anywhere but reported stocks and amounts, `largest_part` anywhere but
    /// distinct indicators), has an `as_of` outside the period, has bounds
    /// that are not those of its value, a largest part above the sum of parts
    /// (or an exact sum above its largest part), or breaks the roll-up of
    /// records totals (they are of subtrees: the unit's own records plus its
    /// children's totals): a child's row without its parent's or above it, a
    /// parent's value below the sum of its children's, a parent's qualifier
    /// that does not cover a child's (a child "at least" under an "exact" or
    /// "at most" parent), or a parent's largest part above both its
    /// children's and its own records. Rolling up the reported rows can give
    /// [`ErrorKind::TotalOverflow`] or [`ErrorKind::UnitMismatch`].
    ///
    /// ```
    /// let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed-2022.json")).unwrap();
    /// let checked = danvan::check(danvan::Dataset::from_json(json.as_bytes())?).map_err(|r| r.to_string()).unwrap();
    /// let totals = danvan::Totals::compute(&checked)?;
    /// let wire = serde_json::to_string(&totals.rows()).unwrap();
    /// let rows: Vec<danvan::TotalsRow> = serde_json::from_str(&wire).unwrap();
    /// let back = danvan::Totals::from_rows(totals.hierarchy(), totals.period(), totals.indicators(), rows.clone())?;
    /// assert_eq!(back, totals);
    /// // A row twice is refused, naming the row.
    /// let twice = rows.iter().chain(&rows[..1]).cloned();
    /// let err = danvan::Totals::from_rows(totals.hierarchy(), totals.period(), totals.indicators(), twice).unwrap_err();
    /// assert_eq!(err.code(), "DV102");
    /// assert!(err.to_string().contains(&format!("row {}", rows.len())), "{err}");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn from_rows(
        hierarchy: &Hierarchy,
        period: Period,
        indicators: &[IndicatorDef],
        rows: impl IntoIterator<Item = TotalsRow>,
    ) -> Result<Totals, Error> {
        let n = hierarchy.len();
        let mut records: BTreeMap<(u32, Actor), Column> = BTreeMap::new();
        let mut reported: BTreeMap<(u32, Actor), Column> = BTreeMap::new();
        let mut amounts: BTreeMap<(u32, Actor), AmountColumn> = BTreeMap::new();
        // The country's cells (one-cell columns).
        let mut country_records: BTreeMap<(u32, Actor), Column> = BTreeMap::new();
        let mut country_reported: BTreeMap<(u32, Actor), Column> = BTreeMap::new();
        let mut country_amounts: BTreeMap<(u32, Actor), AmountColumn> = BTreeMap::new();
        // Where each row went, to name the first of two rows at one place.
        let mut seen: HashMap<Place, usize> = HashMap::new();
        // What the columns carry of old totals (country rows' provenance).
        let mut sources = super::sources::Sources::default();
        let mut absent = super::absent::Absent::default();
        // The rows that carried a provenance, to name when its cells are not opened.
        let mut provenance_rows: Vec<(usize, TotalsRow, (u32, Actor))> = Vec::new();
        for (i, row) in rows.into_iter().enumerate() {
            let bad = |what: String| row_error(i, &row, &what);
            if row.period != period {
                return Err(bad(format!(
                    "its period is {}: expected the period of the totals, {period}",
                    row.period
                )));
            }
            let Some(u) = hierarchy.index_of(&row.unit).map(UnitIndex::get) else {
                return Err(bad(
                    "its unit is not in the hierarchy: expected a unit of the hierarchy".into(),
                ));
            };
            let country = matches!(
                row.layer,
                TotalsLayer::CountryRecords | TotalsLayer::CountryReported
            );
            if country && u != 0 {
                return Err(bad(format!(
                    "it is a country row: expected the hierarchy's first unit{}, which stands for the country",
                    hierarchy
                        .code(UnitIndex::from_usize(0))
                        .map_or_else(String::new, |c| format!(" {c}"))
                )));
            }
            let info = indicator_index(indicators, &row.indicator)
                .and_then(|ind| Some((ind, indicator_info(indicators, ind as usize)?)));
            let Some((ind, (kind, values))) = info else {
                return Err(bad(
                    "its indicator is unknown: expected a built-in indicator or one of the catalogue"
                        .into(),
                ));
            };
            let place = (u, ind, row.actor, row.layer);
            if let Some(first) = seen.insert(place, i) {
                return Err(bad(format!(
                    "it repeats row {first}: expected one row per layer, unit, indicator and actor"
                )));
            }
            let key = (ind, row.actor);
            let stock = kind == IndicatorKind::Stock;
            let reported_layer = matches!(
                row.layer,
                TotalsLayer::Reported | TotalsLayer::CountryReported
            );
            if !reported_layer && values == ValueType::Count && ind as usize >= BUILTINS {
                return Err(bad(
                    "it is a records total of a custom indicator: expected records totals of built-in indicators only (records add to those)"
                        .into(),
                ));
            }
            let wants_as_of = reported_layer && (stock || values == ValueType::Amount);
            if row.as_of.is_some() != wants_as_of {
                return Err(bad(if wants_as_of {
                    "it has no as_of: expected the end of the latest figure's period".into()
                } else {
                    "it has an as_of: expected one only on reported stocks and amounts".into()
                }));
            }
            if let Some(d) = row.as_of.filter(|&d| !period.contains(d)) {
                return Err(bad(format!(
                    "its as_of is {d}: expected a day within the period of the totals, {period} (the end of a figure's period, which lies inside it)"
                )));
            }
            let end = row.as_of.map_or(0, |d| d.num_days_from_ce());
            if let Some(p) = &row.provenance {
                if row.layer != TotalsLayer::CountryReported {
                    return Err(bad(
                        "it has a provenance: expected one only on country_reported rows".into(),
                    ));
                }
                read_provenance(p, key, hierarchy, &mut sources, &mut absent).map_err(bad)?;
                provenance_rows.push((i, row.clone(), key));
            } else if row.layer == TotalsLayer::CountryReported {
                // Written before provenance existed: what the column carries
                // is not known (a merge with another rekeyed part is refused).
                sources.mark_unknown(key);
            }
            if values == ValueType::Amount {
                let shape_ok =
                    row.low.is_none() && row.high.is_none() && row.largest_part.is_none();
                let total = match (&row.amount, reported_layer, shape_ok) {
                    (Some(m), true, true) => m.clone(),
                    _ => {
                        return Err(bad(
                            "expected an amount (and no value) in the reported layer: its indicator is an amount"
                                .into(),
                        ))
                    }
                };
                let cols = if country {
                    &mut country_amounts
                } else {
                    &mut amounts
                };
                let col = cols.entry(key).or_insert_with(|| AmountColumn {
                    indicator: ind,
                    actor: row.actor,
                    cells: vec![None; if country { 1 } else { n }],
                });
                if let Some(slot) = col.cells.get_mut(u) {
                    *slot = Some(AmountCell { total, end });
                }
                continue;
            }
            let (Some(low), None) = (row.low, &row.amount) else {
                return Err(bad(
                    "expected low and high bounds (and no amount): its indicator is a count".into(),
                ));
            };
            let value = row_interval(low, row.high, row.tone, row.estimate)
                .map_err(|why| bad(format!("{why}: expected a sound interval")))?;
            let distinct = kind == IndicatorKind::Distinct;
            let floor = match (distinct, row.largest_part) {
                (false, None) => None,
                (true, Some(fl)) if fl == low => Some(fl),
                (true, Some(fl)) => {
                    return Err(bad(format!(
                        "its largest part {fl} is not its low {low}: expected the interval [largest part, sum of parts]"
                    )))
                }
                (true, None) => {
                    return Err(bad(
                        "it has no largest_part: expected one on distinct indicators".into(),
                    ))
                }
                (false, Some(_)) => {
                    return Err(bad(
                        "it has a largest_part: expected one only on distinct indicators".into(),
                    ))
                }
            };
            let member = Member::of(value);
            let layer = match (country, reported_layer) {
                (false, true) => &mut reported,
                (false, false) => &mut records,
                (true, true) => &mut country_reported,
                (true, false) => &mut country_records,
            };
            let cells = if country { 1 } else { n };
            let col = layer.entry(key).or_insert_with(|| {
                Column::new(ind, row.actor, cells, distinct, reported_layer && stock)
            });
            col.set_member(u, member, floor);
            if let Some(dst) = col.end.get_mut(u) {
                *dst = end;
            }
        }
        // Records totals are of subtrees.
        for col in records.values() {
            check_subtrees(hierarchy, indicators, col, &seen)?;
        }
        let totals = Totals::assemble(
            hierarchy.clone(),
            period,
            indicators.to_vec(),
            records.into_values().collect(),
            reported.into_values().collect(),
            amounts.into_values().collect(),
        )?;
        // The country's cells hold the roots' as a parent holds its
        // children's: a lower bound at least the roots' (summed; a distinct
        // indicator's largest), an upper bound at least each root's. (Not
        // within their sum: what went to units the crosswalk does not name
        // is the country's, no root's.)
        let fail = |layer: TotalsLayer, key: (u32, Actor), what: String| {
            let i = seen.get(&(0, key.0, key.1, layer)).copied().unwrap_or(0);
            invalid_row(
                i,
                layer,
                &hierarchy
                    .code(UnitIndex::from_usize(0))
                    .map_or_else(String::new, |c| c.to_string()),
                &indicator_id(indicators, key.0).map_or_else(String::new, |d| d.to_string()),
                key.1,
                &what,
            )
        };
        let roots: Vec<usize> = totals.roots().collect();
        for (layer, cols, own) in [
            (
                TotalsLayer::CountryRecords,
                &country_records,
                &totals.records,
            ),
            (
                TotalsLayer::CountryReported,
                &country_reported,
                &totals.rolled,
            ),
        ] {
            for (&key, col) in cols {
                let Some(mine) = col.interval(0) else {
                    continue;
                };
                let distinct = !col.floor.is_empty();
                let values: Vec<Interval<u64>> = Totals::find(own, key.0, key.1)
                    .map(|c| roots.iter().filter_map(|&r| c.interval(r)).collect())
                    .unwrap_or_default();
                let low = values.iter().try_fold(0u64, |acc, v| {
                    if distinct {
                        Some(acc.max(v.low()))
                    } else {
                        acc.checked_add(v.low())
                    }
                });
                if !low.is_some_and(|l| mine.low() >= l) {
                    return Err(fail(
                        layer,
                        key,
                        format!(
                            "its low {} is below the roots' lower bounds{}: expected at least that",
                            mine.low(),
                            low.map_or_else(
                                || " (past the largest count)".to_owned(),
                                |l| format!(", {l}")
                            )
                        ),
                    ));
                }
                let above = |v: &&Interval<u64>| match (mine.high(), v.high()) {
                    (None, _) => false,
                    (Some(_), None) => true,
                    (Some(m), Some(h)) => h > m,
                };
                if let Some(v) = values.iter().find(above) {
                    return Err(fail(
                        layer,
                        key,
                        format!(
                            "its high {} is below a root's, {}: expected the country's interval to hold each root's",
                            bound(mine.high()),
                            bound(v.high())
                        ),
                    ));
                }
            }
        }
        for (&key, col) in &country_amounts {
            let Some(Some(mine)) = col.cells.first() else {
                continue;
            };
            let amounts = super::AmountColumn::find(&totals.rolled_amounts, key);
            let cells: Vec<&AmountCell> = amounts
                .map(|c| {
                    roots
                        .iter()
                        .filter_map(|&r| c.cells.get(r)?.as_ref())
                        .collect()
                })
                .unwrap_or_default();
            let mut low = crate::Amount::default();
            let mut ok = true;
            for c in &cells {
                ok &= c.total.unit == mine.total.unit;
                low = crate::Amount::new(low.get().saturating_add(c.total.value.low().get()))?;
                ok &= match (mine.total.value.high(), c.total.value.high()) {
                    (None, _) => true,
                    (Some(_), None) => false,
                    (Some(m), Some(h)) => m >= h,
                };
            }
            if !ok || mine.total.value.low() < low {
                return Err(fail(
                    TotalsLayer::CountryReported,
                    key,
                    "its amount does not hold the roots' amounts: expected the roots' unit word, a low at least the sum of theirs and a high at least each root's".to_owned(),
                ));
            }
        }
        let mut totals = totals.with_national(
            country_records.into_values().collect(),
            country_reported.into_values().collect(),
            country_amounts.into_values().collect(),
        );
        totals.sources = sources;
        // The cells were written opened: opening them again changes none.
        // A cell that opening changes is exact (or bounded) where a silent
        // old unit may lie: the rows contradict themselves.
        let before = totals.clone();
        let opened = totals.open_absent(absent)?;
        for (i, row, key) in &provenance_rows {
            let key = *key;
            let same = |a: &Totals, b: &Totals| {
                let pick = |t: &Totals| {
                    (
                        t.reported
                            .iter()
                            .filter(|c| c.key() == key)
                            .cloned()
                            .collect::<Vec<_>>(),
                        t.amounts
                            .iter()
                            .filter(|c| c.key() == key)
                            .cloned()
                            .collect::<Vec<_>>(),
                        t.national_reported
                            .iter()
                            .filter(|c| c.key() == key)
                            .cloned()
                            .collect::<Vec<_>>(),
                        t.national_amounts
                            .iter()
                            .filter(|c| c.key() == key)
                            .cloned()
                            .collect::<Vec<_>>(),
                    )
                };
                let (ra, aa, na, naa) = pick(a);
                let (rb, ab, nb, nab) = pick(b);
                same_cells(&ra, &rb)
                    && same_amounts(&aa, &ab)
                    && same_cells(&na, &nb)
                    && same_amounts(&naa, &nab)
            };
            if !same(&before, &opened) {
                return Err(row_error(
                    *i,
                    row,
                    "its provenance names silent old units (that reported nothing), yet the cells where they may lie are not lower bounds: expected those cells \"at least\" (as the totals write them)",
                ));
            }
        }
        Ok(opened)
    }
}

/// Reads the provenance of column `key` into the totals' sources and absent
/// old units; what is wrong with it, for the row's error.
fn read_provenance(
    p: &TotalsProvenance,
    key: (u32, Actor),
    hierarchy: &Hierarchy,
    sources: &mut super::sources::Sources,
    absent: &mut super::absent::Absent,
) -> Result<(), String> {
    let units: std::collections::BTreeSet<UnitCode> = p.carries.iter().copied().collect();
    let mut above = BTreeMap::new();
    for a in &p.above {
        if !units.contains(&a.below) {
            return Err(format!(
                "its provenance names {} below {} and does not carry it: expected a unit of `carries`",
                a.below, a.unit
            ));
        }
        above.insert(a.unit, a.below);
    }
    sources.insert(key, units, above);
    for s in &p.silent {
        let origin = (s.old.len() == 16 && s.old.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| u64::from_str_radix(&s.old, 16).ok())
            .flatten()
            .ok_or_else(|| {
                format!(
                    "its provenance's old hierarchy is {:?}: expected 16 hex digits",
                    s.old
                )
            })?;
        let mut silent = super::absent::Silent::new();
        for u in &s.units {
            if let Some(t) = u.within.iter().find(|t| hierarchy.index_of(t).is_none()) {
                return Err(format!(
                    "its provenance places old unit {} in {t}, not a unit of the hierarchy: expected units of the hierarchy",
                    u.unit
                ));
            }
            silent.insert(u.unit, u.within.iter().copied().collect());
        }
        if !absent.insert(super::absent::Origin(origin), key, silent) {
            return Err(format!(
                "its provenance lists old hierarchy {} twice: expected each once, with all its silent units",
                s.old
            ));
        }
    }
    if p.rekeyed_only != Some(true) && !absent.column(key).is_empty() {
        absent.mix([key]);
    }
    Ok(())
}

/// Checks the records cells of one column against the hierarchy. A records
/// total is of a subtree: the unit's own records plus its children's. Its
/// interval must therefore lie within the sum of its children's intervals
/// and its own records' (containment, not equality: a rekeyed parent may be
/// exact where its children are not, see [`Totals::rekey`]). With its own
/// records unknown, that is: every child's row has its parent's row; the
/// parent's lower bound is at least the sum of its children's (for a
/// distinct indicator, whose parts may overlap, at least their largest);
/// its upper bound is at least each child's (unbounded when a child's is).
fn check_subtrees(
    hierarchy: &Hierarchy,
    indicators: &[IndicatorDef],
    col: &Column,
    seen: &HashMap<Place, usize>,
) -> Result<(), Error> {
    let code = |u: usize| {
        hierarchy
            .code(UnitIndex::from_usize(u))
            .map_or_else(String::new, |c| c.to_string())
    };
    let fail = |u: usize, what: &str| -> Error {
        let i = seen
            .get(&(u, col.indicator, col.actor, TotalsLayer::Records))
            .copied()
            .unwrap_or(0);
        invalid_row(
            i,
            TotalsLayer::Records,
            &code(u),
            &indicator_id(indicators, col.indicator).map_or_else(String::new, |d| d.to_string()),
            col.actor,
            what,
        )
    };
    let distinct = !col.floor.is_empty();
    let parents = hierarchy.parents();
    // Per parent: the children's lower bounds (summed, or their largest for
    // a distinct indicator; `None` past `u64::MAX`).
    let mut lows: Vec<Option<u64>> = vec![Some(0); parents.len()];
    for (u, parent) in parents.iter().enumerate() {
        let (Some(p), Some(child)) = (parent, col.interval(u)) else {
            continue;
        };
        let p = p.get();
        let Some(mine) = col.interval(p) else {
            return Err(fail(
                u,
                &format!("expected the records row of its parent {}", code(p)),
            ));
        };
        let below = match (mine.high(), child.high()) {
            (Some(a), Some(b)) => a < b,
            (Some(_), None) => true,
            (None, _) => false,
        };
        if below {
            return Err(fail(
                u,
                &format!(
                    "its high {} is above its parent {}'s {}: expected the parent's interval to hold its children's",
                    bound(child.high()),
                    code(p),
                    bound(mine.high())
                ),
            ));
        }
        if let Some(slot) = lows.get_mut(p) {
            *slot = if distinct {
                slot.map(|s| s.max(child.low()))
            } else {
                slot.and_then(|s| s.checked_add(child.low()))
            };
        }
    }
    for (p, sum) in lows.iter().enumerate() {
        let Some(mine) = col.interval(p) else {
            continue;
        };
        let ok = sum.is_some_and(|s| mine.low() >= s);
        if !ok {
            let what = if distinct {
                "the largest of its children's lower bounds"
            } else {
                "the sum of its children's lower bounds (the rest is its own records)"
            };
            return Err(fail(
                p,
                &format!(
                    "its low {} is below {what}{}: expected at least that",
                    mine.low(),
                    sum.map_or_else(
                        || " (past the largest count)".to_owned(),
                        |s| format!(", {s}")
                    )
                ),
            ));
        }
    }
    Ok(())
}

fn bound(b: Option<u64>) -> String {
    b.map_or_else(|| "unbounded".to_owned(), |x| x.to_string())
}

fn row_error(i: usize, row: &TotalsRow, what: &str) -> Error {
    invalid_row(
        i,
        row.layer,
        &row.unit.to_string(),
        row.indicator.as_str(),
        row.actor,
        what,
    )
}

fn invalid_row(
    i: usize,
    layer: TotalsLayer,
    unit: &str,
    indicator: &str,
    actor: Actor,
    what: &str,
) -> Error {
    ErrorKind::InvalidTotals {
        reason: format!(
            "row {i} ({} {unit} {indicator} {}): {what}",
            layer.as_str(),
            actor.as_str()
        ),
    }
    .into()
}

/// Totals are equal when they mean the same: the same hierarchy, period and
/// indicators and the same [`rows`](Totals::rows) (what rekeyed columns
/// carry of their old totals included, [`TotalsProvenance`]). (Two stores may differ in
/// what no reading tells apart, e.g. the flags of an "at least" part beside
/// an "at most" one against two "at least" parts.) Compared cell by cell,
/// without building rows.
impl PartialEq for Totals {
    fn eq(&self, other: &Totals) -> bool {
        self.period == other.period
            && self.indicators == other.indicators
            && self.hierarchy == other.hierarchy
            && same_cells(&self.records, &other.records)
            && same_cells(&self.reported, &other.reported)
            && same_amounts(&self.amounts, &other.amounts)
            && same_cells(&self.national_records, &other.national_records)
            && same_cells(&self.national_reported, &other.national_reported)
            && same_amounts(&self.national_amounts, &other.national_amounts)
            && self.sources.same(&other.sources)
            && self.absent == other.absent
    }
}

impl Eq for Totals {}

/// What one cell of a count column means: its row's value, largest part and end.
fn meaning(col: &Column, u: usize) -> Option<(Interval<u64>, Option<u64>, Option<i32>)> {
    let value = col.interval(u)?;
    Some((value, col.floor.get(u).copied(), col.end.get(u).copied()))
}

fn same_cells(a: &[Column], b: &[Column]) -> bool {
    let mut a = a.iter().filter(|c| c.is_used());
    let mut b = b.iter().filter(|c| c.is_used());
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) => {
                let n = x.value.len().max(y.value.len());
                if x.key() != y.key() || (0..n).any(|u| meaning(x, u) != meaning(y, u)) {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

fn same_amounts(a: &[AmountColumn], b: &[AmountColumn]) -> bool {
    let used = |c: &&AmountColumn| c.cells.iter().any(Option::is_some);
    let mut a = a.iter().filter(used);
    let mut b = b.iter().filter(used);
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) => {
                if x.key() != y.key() || x.cells != y.cells {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::TotalsRow;

    /// The crate's error for a row read from `text`, as JSON readers give it.
    fn code(text: &str) -> crate::Code {
        let err = serde_json::from_str::<TotalsRow>(text).unwrap_err();
        crate::wire::json_error_in(text.as_bytes(), err).code()
    }

    #[test]
    fn an_array_is_dv051_and_a_lenient_date_dv050() {
        let array = r#"["records","288","documents","government",{"start":"2022-01-01","end":"2022-12-31"},1,1]"#;
        assert_eq!(code(array), "DV051");
        let row = r#"{"layer":"reported","unit":"30","indicator":"skilful_models","actor":"mobilization_sector","period":{"start":"2022-01-01","end":"2022-12-31"},"low":12,"high":12,"as_of":"DAY"}"#;
        assert!(serde_json::from_str::<TotalsRow>(&row.replace("DAY", "2022-06-30")).is_ok());
        for bad in ["+2022-06-30", "2022-6-30", " 2022-06-30"] {
            assert_eq!(code(&row.replace("DAY", bad)), "DV050", "{bad}");
        }
    }
}
