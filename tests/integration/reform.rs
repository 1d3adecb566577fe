//! Rekey against a brute-force oracle (issue 14, point 4): synthetic old and
//! new hierarchies, crosswalks of every shape and records whose true place
//! after the reform the generator decides. All units are synthetic.
//!
//! Shapes generated: merge, split with shares, split without shares, known
//! shares with an unknown rest, partial with one target, partial with known
//! shares, an island district without communes mapped to a new
//! commune-level unit, splits crossing two new provinces (targets are drawn
//! from every new province), a district's own records, and a composed
//! crosswalk (an early merge, then the reform).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use danvan::{
    Accumulator, Actor, Builtin, Conference, ConferenceKind, Count, Crosswalk, Headcount,
    Hierarchy, Interval, Level, Period, Qualifier, Reported, Totals, Unit, UnitCode, Weight,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn code(s: &str) -> UnitCode {
    s.parse().unwrap()
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[usize::try_from(self.below(items.len() as u64)).unwrap()]
    }
    /// `k` distinct items.
    fn distinct<T: Copy + PartialEq>(&mut self, items: &[T], k: usize) -> Vec<T> {
        let mut out = Vec::new();
        while out.len() < k.min(items.len()) {
            let x = self.pick(items);
            if !out.contains(&x) {
                out.push(x);
            }
        }
        out
    }
    /// `total` cut into `k` random parts (some may be 0).
    fn cut(&mut self, total: u64, k: usize) -> Vec<u64> {
        let mut cuts: Vec<u64> = (0..k.saturating_sub(1))
            .map(|_| self.below(total + 1))
            .collect();
        cuts.push(0);
        cuts.push(total);
        cuts.sort_unstable();
        cuts.windows(2).map(|w| w[1] - w[0]).collect()
    }
}

/// A synthetic reform: the units, the crosswalk, the records and the truth.
struct World {
    old: Hierarchy,
    new: Hierarchy,
    crosswalk: Crosswalk,
    records: Vec<Conference>,
    /// The true participants of every new unit (communes and provinces).
    truth: BTreeMap<UnitCode, u64>,
    /// New units whose border some inexact part crosses.
    crossed: BTreeSet<UnitCode>,
    /// What went to units not named (the country only).
    unnamed: u64,
    /// What old units without an entry held ([`world_with`]).
    skipped: u64,
    total: u64,
}

fn conference(unit: UnitCode, n: u64) -> Conference {
    Conference {
        id: None,
        unit,
        date: NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(),
        actor: Actor::PartyCommittees,
        kind: ConferenceKind::Both,
        participants: Reported::new(Qualifier::Exact, Count::new(n)),
        headcount: Headcount::Occurrences,
    }
}

fn share(hundredths: u64) -> Weight {
    Weight::Exact(Decimal::new(i64::try_from(hundredths).unwrap(), 2))
}

/// Builds a world from a seed. Without `full`, only merges and splits with
/// and without shares (no mixed shares, no partial entries). With `compose`, the crosswalk is an early
/// merge of the first two communes of each old district (A → B) followed by
/// the reform (B → C), composed with [`Crosswalk::then`].
fn world(seed: u64, compose: bool, full: bool) -> World {
    world_with(seed, compose, full, false)
}

/// [`world`], and with `skip` some old communes (never a district's first)
/// left out of the crosswalk: their values are in [`World::skipped`], in
/// no unit's truth (a rekey skipping them may place them anywhere, or
/// nowhere).
fn world_with(seed: u64, compose: bool, full: bool, skip: bool) -> World {
    let mut rng = Rng(seed | 1);
    // New units: provinces 80.., communes 5xxyy.
    let mut new_units = Vec::new();
    let mut new_communes: Vec<(UnitCode, UnitCode)> = Vec::new();
    for j in 0..1 + rng.below(3) {
        let p = code(&format!("{:02}", 80 + j));
        new_units.push(Unit::new(p, "Synthetic new province"));
        for k in 0..1 + rng.below(4) {
            let c = code(&format!("{:05}", 50_000 + j * 100 + k));
            new_units.push(Unit::new(c, "Synthetic new commune").with_parent(Some(p)));
            new_communes.push((c, p));
        }
    }
    let new = Hierarchy::new(new_units).unwrap();
    let province_of = |c: UnitCode| new_communes.iter().find(|(x, _)| *x == c).map(|x| x.1);
    let communes: Vec<UnitCode> = new_communes.iter().map(|x| x.0).collect();

    let mut truth: BTreeMap<UnitCode, u64> = BTreeMap::new();
    let mut crossed: BTreeSet<UnitCode> = BTreeSet::new();
    let mut records = Vec::new();
    let mut total = 0u64;
    // What went to units the mapping does not name: in the oracle, to a unit
    // outside the new list (no listed unit can be known to hold it; the
    // country holds it).
    let mut unnamed = 0u64;
    let mut skipped = 0u64;
    // The named targets of each partial entry: its unnamed remainder may lie
    // in any other commune (no province entry says where), so every other
    // commune and every province is crossed.
    let mut partial_named: Vec<Vec<UnitCode>> = Vec::new();
    let mut old_units = Vec::new();
    let mut reform = Crosswalk::builder().source("synthetic reform");
    let mut early = Crosswalk::builder().source("synthetic early merge");
    let give = |truth: &mut BTreeMap<UnitCode, u64>, c: UnitCode, v: u64| {
        *truth.entry(c).or_insert(0) += v;
        if let Some(p) = province_of(c) {
            *truth.entry(p).or_insert(0) += v;
        }
    };
    for i in 0..1 + rng.below(3) {
        let p = code(&format!("{:02}", 90 + i));
        old_units.push(Unit::new(p, "Synthetic old province"));
        for d in 0..1 + rng.below(3) {
            let dc = code(&format!("{:03}", 900 + i * 10 + d));
            old_units.push(Unit::new(dc, "Synthetic old district").with_parent(Some(p)));
            let n_communes = rng.below(4);
            // Records of the district itself.
            let own: u64 = (0..rng.below(3)).map(|_| 1 + rng.below(50)).sum();
            if own > 0 {
                records.push(conference(dc, own));
                total += own;
            }
            if n_communes == 0 {
                // An island district without communes: to a special zone.
                let t = rng.pick(&communes);
                reform = reform.merge(dc, t);
                early = early.merge(dc, dc);
                give(&mut truth, t, own);
                continue;
            }
            let mut named_provinces: BTreeSet<UnitCode> = BTreeSet::new();
            // Whether part of a commune of this district went to a unit not named.
            let mut partial_here = false;
            let mut olds: Vec<(UnitCode, u64)> = Vec::new();
            for c in 0..n_communes {
                let cc = code(&format!("{:05}", 90_000 + i * 100 + d * 10 + c));
                old_units.push(Unit::new(cc, "Synthetic old commune").with_parent(Some(dc)));
                // Values in hundreds, so that shares in hundredths are whole.
                let value: u64 = (0..1 + rng.below(3))
                    .map(|_| 100 * (1 + rng.below(5)))
                    .sum();
                records.push(conference(cc, value));
                total += value;
                olds.push((cc, value));
            }
            // In a composed world the second commune of a district merged
            // early into the first, whose reform entry then carries both.
            let mut middle: Vec<(UnitCode, u64)> = olds.clone();
            if compose {
                for (j, (cc, _)) in olds.iter().enumerate() {
                    early = early.merge(*cc, if j == 1 { olds[0].0 } else { *cc });
                }
                if olds.len() >= 2 {
                    middle[0].1 += olds[1].1;
                    middle.remove(1);
                }
            }
            for (j, (cc, value)) in middle.into_iter().enumerate() {
                if skip && !compose && j > 0 && rng.below(3) == 0 {
                    skipped += value;
                    continue;
                }
                let k = 2 + usize::try_from(rng.below(2)).unwrap();
                let shape = rng.below(if full { 6 } else { 3 });
                match shape {
                    0..=3 if communes.len() < 2 || shape == 0 => {
                        let t = rng.pick(&communes);
                        reform = reform.merge(cc, t);
                        give(&mut truth, t, value);
                        named_provinces.extend(province_of(t));
                    }
                    1..=3 => {
                        let ts = rng.distinct(&communes, k);
                        let k = ts.len();
                        named_provinces.extend(ts.iter().filter_map(|t| province_of(*t)));
                        let hundredths = rng.cut(100 - k as u64, k);
                        let mut weights: Vec<(UnitCode, Weight)> = Vec::new();
                        let mut parts: Vec<u64> = Vec::new();
                        match shape {
                            1 => {
                                // Shares adding up to 1, each at least 0.01.
                                for (t, h) in ts.iter().zip(&hundredths) {
                                    weights.push((*t, share(h + 1)));
                                    parts.push(value / 100 * (h + 1));
                                }
                            }
                            2 => {
                                weights = ts.iter().map(|t| (*t, Weight::Unknown)).collect();
                                parts = rng.cut(value, ts.len());
                            }
                            _ => {
                                // A known share for the first, the rest unknown.
                                let h = 1 + rng.below(99);
                                weights.push((ts[0], share(h)));
                                let known = value / 100 * h;
                                parts.push(known);
                                let rest = rng.cut(value - known, ts.len() - 1);
                                for (t, r) in ts.iter().skip(1).zip(rest) {
                                    weights.push((*t, Weight::Unknown));
                                    parts.push(r);
                                }
                            }
                        }
                        let exact = shape == 1 || (shape == 3 && ts.len() == 2);
                        for (t, v) in ts.iter().zip(&parts) {
                            give(&mut truth, *t, *v);
                        }
                        if !exact {
                            mark_crossed(&mut crossed, &ts, false, &province_of);
                        }
                        reform = reform.entry(cc, &weights);
                    }
                    4 => {
                        // Partial with one target: the rest went to a unit
                        // the mapping does not name.
                        let t = rng.pick(&communes);
                        let parts = rng.cut(value, 2);
                        give(&mut truth, t, parts[0]);
                        unnamed += parts[1];
                        named_provinces.extend(province_of(t));
                        reform = reform.partial(cc, &[(t, Weight::Unknown)]);
                        partial_here = true;
                        partial_named.push(vec![t]);
                        mark_crossed(&mut crossed, &[t], true, &province_of);
                    }
                    _ => {
                        // Partial with known shares.
                        let ts = rng.distinct(&communes, k - 1);
                        let hs = rng.cut(90, ts.len());
                        let mut weights = Vec::new();
                        let mut named = 0;
                        for (t, h) in ts.iter().zip(&hs) {
                            weights.push((*t, share(h + 1)));
                            give(&mut truth, *t, value / 100 * (h + 1));
                            named += value / 100 * (h + 1);
                        }
                        unnamed += value - named;
                        named_provinces.extend(ts.iter().filter_map(|t| province_of(*t)));
                        reform = reform.partial(cc, &weights);
                        partial_here = true;
                        // The named targets get exact parts.
                        partial_named.push(ts.clone());
                    }
                }
            }
            if own > 0 {
                // The district's own records: in one of the provinces its
                // communes went to (not in any commune).
                let ps: Vec<UnitCode> = named_provinces.iter().copied().collect();
                let p = rng.pick(&ps);
                *truth.entry(p).or_insert(0) += own;
                // Several provinces, or part of the district's area in a unit
                // not named (its own records may have followed that part,
                // so no named province is known to hold them all).
                if ps.len() > 1 || partial_here {
                    crossed.extend(ps);
                }
            }
        }
    }
    let old = Hierarchy::new(old_units).unwrap();
    let reform = reform.build().unwrap();
    for named in &partial_named {
        crossed.extend(communes.iter().filter(|c| !named.contains(c)).copied());
        crossed.extend(new_communes.iter().map(|(_, p)| *p));
    }
    let crosswalk = if compose {
        let early = early.build().unwrap();
        early.then(&reform).unwrap()
    } else {
        reform
    };
    World {
        old,
        new,
        crosswalk,
        records,
        truth,
        crossed,
        unnamed,
        skipped,
        total,
    }
}

/// Marks the units an inexact part crosses: every new commune among the
/// named targets, and their provinces unless all of them lie in one
/// province and nothing went to a unit not named.
fn mark_crossed(
    crossed: &mut BTreeSet<UnitCode>,
    targets: &[UnitCode],
    unnamed: bool,
    province_of: &dyn Fn(UnitCode) -> Option<UnitCode>,
) {
    crossed.extend(targets.iter().copied());
    let provinces: BTreeSet<UnitCode> = targets.iter().filter_map(|c| province_of(*c)).collect();
    if provinces.len() > 1 || unnamed {
        crossed.extend(provinces);
    }
}

fn rekeyed(w: &World) -> Totals {
    let mut acc = Accumulator::new(&w.old, Period::year(2024).unwrap(), &[]);
    for r in &w.records {
        acc.add(r).unwrap();
    }
    acc.finish()
        .unwrap()
        .rekey(&w.crosswalk, Level::Commune, &w.new)
        .unwrap()
}

fn participants(t: &Totals, unit: &UnitCode) -> Interval<u64> {
    t.get(
        unit,
        Builtin::ConferenceParticipants,
        Actor::PartyCommittees,
    )
    .unwrap_or_else(|| Interval::exact(0))
}

/// Every interval of the rekeyed totals contains the oracle's truth.
fn check_contains(w: &World) -> Result<(), TestCaseError> {
    let t = rekeyed(w);
    for (_, unit) in w.new.iter() {
        let truth = w.truth.get(&unit.code()).copied().unwrap_or(0);
        let got = participants(&t, &unit.code());
        prop_assert!(
            got.contains(truth),
            "{}: {got:?} lacks the truth {truth}",
            unit.code()
        );
    }
    Ok(())
}

/// A new unit is exact whenever no inexact part crosses its border.
fn check_exact_inside(w: &World) -> Result<(), TestCaseError> {
    let t = rekeyed(w);
    for (_, unit) in w.new.iter() {
        if w.crossed.contains(&unit.code()) {
            continue;
        }
        let got = participants(&t, &unit.code());
        prop_assert!(
            got.is_exact(),
            "{} is crossed by no split but is {got:?}",
            unit.code()
        );
    }
    Ok(())
}

/// The national total is exact when every old unit is mapped.
fn check_national(w: &World) -> Result<(), TestCaseError> {
    let t = rekeyed(w);
    let national = t
        .level_total(
            Level::Province,
            Builtin::ConferenceParticipants,
            Actor::PartyCommittees,
        )
        .unwrap()
        .unwrap_or_else(|| Interval::exact(0));
    prop_assert!(national.contains(w.total), "{national:?} lacks {}", w.total);
    prop_assert_eq!(
        national.exact_value(),
        Some(w.total),
        "national {:?}",
        national
    );
    Ok(())
}

#[test]
fn the_generator_makes_every_shape() {
    // The generator itself: every old unit is mapped (no warning of an
    // unmapped old unit) and the truth adds up to the records.
    for seed in 0..200 {
        for compose in [false, true] {
            let w = world(seed, compose, true);
            let left: Vec<String> = w
                .crosswalk
                .warnings(&w.old, &w.new)
                .iter()
                .filter(|e| e.code() == "DV140")
                .map(ToString::to_string)
                .collect();
            assert!(left.is_empty(), "seed {seed}: {left:?}");
            let provinces: u64 = w
                .new
                .iter()
                .filter(|(_, u)| u.level() == Level::Province)
                .map(|(_, u)| w.truth.get(&u.code()).copied().unwrap_or(0))
                .sum();
            assert_eq!(provinces + w.unnamed, w.total, "seed {seed}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_rekeyed_interval_contains_the_truth(seed in any::<u64>(), compose in any::<bool>()) {
        let full = false;
        check_contains(&world(seed, compose, full))?;
    }

    #[test]
    fn a_unit_no_split_crosses_is_exact(seed in any::<u64>(), compose in any::<bool>()) {
        let full = false;
        check_exact_inside(&world(seed, compose, full))?;
    }
}

// The same properties over every shape (known shares with an unknown rest,
// partial entries) and the national total (the country's cell,
// `Totals::national`, through `level_total` at the top level).
proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_shape_every_rekeyed_interval_contains_the_truth(seed in any::<u64>(), compose in any::<bool>()) {
        let full = true;
        check_contains(&world(seed, compose, full))?;
    }

    #[test]
    fn every_shape_a_unit_no_split_crosses_is_exact(seed in any::<u64>(), compose in any::<bool>()) {
        let full = true;
        check_exact_inside(&world(seed, compose, full))?;
    }

    #[test]
    fn the_national_total_is_exact_when_every_old_unit_is_mapped(seed in any::<u64>(), compose in any::<bool>(), full in any::<bool>()) {
        check_national(&world(seed, compose, full))?;
    }
}

fn accumulate(w: &World, keep: impl Fn(usize) -> bool) -> Totals {
    let mut acc = Accumulator::new(&w.old, Period::year(2024).unwrap(), &[]);
    for (i, r) in w.records.iter().enumerate() {
        if keep(i) {
            acc.add(r).unwrap();
        }
    }
    acc.finish().unwrap()
}

fn national(t: &Totals) -> Option<Interval<u64>> {
    t.level_total(
        Level::Province,
        Builtin::ConferenceParticipants,
        Actor::PartyCommittees,
    )
    .unwrap()
}

/// A split crossing two new provinces, without shares: each province
/// `[0, v]`, their sum `[0, 2v]`, the country exactly `v` (kept through
/// rows and merge). Synthetic units.
#[test]
fn a_split_across_two_provinces_leaves_the_country_exact() {
    let old = Hierarchy::new(vec![
        Unit::new(code("90"), "Synthetic old province"),
        Unit::new(code("90001"), "Synthetic old commune").with_parent(Some(code("90"))),
    ])
    .unwrap();
    let new = Hierarchy::new(vec![
        Unit::new(code("80"), "Synthetic new province A"),
        Unit::new(code("50000"), "Synthetic new commune A").with_parent(Some(code("80"))),
        Unit::new(code("81"), "Synthetic new province B"),
        Unit::new(code("50100"), "Synthetic new commune B").with_parent(Some(code("81"))),
    ])
    .unwrap();
    let mut acc = Accumulator::new(&old, Period::year(2024).unwrap(), &[]);
    acc.add(&conference(code("90001"), 300)).unwrap();
    let cw = Crosswalk::builder()
        .split_unknown(code("90001"), &[code("50000"), code("50100")])
        .build()
        .unwrap();
    let t = acc
        .finish()
        .unwrap()
        .rekey(&cw, Level::Commune, &new)
        .unwrap();
    assert_eq!(participants(&t, &code("80")), Interval::at_most(300));
    assert_eq!(participants(&t, &code("81")), Interval::at_most(300));
    let layer = danvan::TotalsLayer::CountryRecords;
    let cell = t.national(
        layer,
        Builtin::ConferenceParticipants,
        Actor::PartyCommittees,
    );
    assert_eq!(cell, Some(Interval::exact(300)));
    assert_eq!(national(&t), Some(Interval::exact(300)));
    // The row of the country, under the first unit, and back.
    let rows = t.rows();
    let participants_id = danvan::IndicatorId::from(Builtin::ConferenceParticipants);
    let country: Vec<_> = rows
        .iter()
        .filter(|r| r.layer == layer && r.indicator == participants_id)
        .collect();
    assert_eq!(country.len(), 1);
    assert_eq!(country[0].unit, code("80"));
    assert_eq!(country[0].interval(), Some(Interval::exact(300)));
    let back = Totals::from_rows(&new, t.period(), &[], rows.clone()).unwrap();
    assert_eq!(back, t);
    assert_eq!(national(&back), Some(Interval::exact(300)));
    // A country row below the roots' lower bounds, or under another unit, is refused.
    let mut bad = rows.clone();
    for r in bad
        .iter_mut()
        .filter(|r| r.layer == layer && r.indicator == participants_id)
    {
        r.low = Some(0);
        r.high = Some(200);
        r.tone = None;
    }
    let mut wide = rows.clone();
    for r in wide.iter_mut().filter(|r| r.layer == layer) {
        r.unit = code("81");
    }
    for rows in [bad, wide] {
        let err = Totals::from_rows(&new, t.period(), &[], rows).unwrap_err();
        assert_eq!(err.code(), "DV102", "{err}");
        assert!(err.to_string().contains("country_records"), "{err}");
    }
    // Merged with itself: the country twice.
    let twice = t.clone().merge(t.clone()).unwrap();
    assert_eq!(national(&twice), Some(Interval::exact(600)));
    // A record applied afterwards reaches the country too.
    let mut applied = t.clone();
    applied.apply(&conference(code("50000"), 5)).unwrap();
    assert_eq!(national(&applied), Some(Interval::exact(305)));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// Rows of rekeyed totals (the country's rows among them) read back to
    /// equal totals, national total included.
    #[test]
    fn rekeyed_rows_round_trip_with_the_country(seed in any::<u64>(), compose in any::<bool>(), full in any::<bool>()) {
        let w = world(seed, compose, full);
        let t = rekeyed(&w);
        let rows = t.rows();
        let wire = serde_json::to_string(&rows).unwrap();
        let rows: Vec<danvan::TotalsRow> = serde_json::from_str(&wire).unwrap();
        let back = Totals::from_rows(t.hierarchy(), t.period(), t.indicators(), rows).unwrap();
        prop_assert_eq!(national(&back), national(&t));
        prop_assert!(back == t);
    }

    /// Rekeying two parts of the records and merging equals rekeying the whole.
    #[test]
    fn merge_of_rekeyed_parts_is_the_rekey_of_the_whole(seed in any::<u64>(), compose in any::<bool>(), full in any::<bool>(), cut in any::<u64>()) {
        let w = world(seed, compose, full);
        let part = |keep: &dyn Fn(usize) -> bool| {
            accumulate(&w, keep).rekey(&w.crosswalk, Level::Commune, &w.new).unwrap()
        };
        let bit = |i: usize| (cut >> (i % 64)) & 1 == 1;
        let merged = part(&|i| bit(i)).merge(part(&|i| !bit(i))).unwrap();
        let whole = rekeyed(&w);
        prop_assert_eq!(national(&merged), national(&whole));
        prop_assert!(merged == whole);
    }

    /// With some old units left out of the crosswalk and skipped, every
    /// rekeyed interval holds the truth of every placement of the skipped
    /// values (in any unit, or outside the new hierarchy): the truth
    /// without them, and that plus all of them. The country likewise.
    #[test]
    fn skipped_units_leave_every_interval_sound(seed in any::<u64>(), full in any::<bool>()) {
        let w = world_with(seed, false, full, true);
        let (t, report) = accumulate(&w, |_| true)
            .rekey_with(&w.crosswalk, Level::Commune, &w.new, danvan::RekeyOptions::default().skipping_unmapped())
            .unwrap();
        let holds = |got: Interval<u64>, low: u64, high: u64| {
            got.low() <= low && got.high().map_or(true, |h| h >= high)
        };
        for (_, unit) in w.new.iter() {
            let truth = w.truth.get(&unit.code()).copied().unwrap_or(0);
            let got = participants(&t, &unit.code());
            prop_assert!(holds(got, truth, truth + w.skipped), "{}: {got:?} truth {truth} + skipped {}", unit.code(), w.skipped);
        }
        let country = national(&t).unwrap_or_else(|| Interval::exact(0));
        let placed = w.total - w.skipped;
        prop_assert!(holds(country, placed, w.total), "{country:?} placed {placed} total {}", w.total);
        let skipped: u64 = report
            .skipped_totals
            .iter()
            .filter(|s| s.indicator == danvan::IndicatorId::from(Builtin::ConferenceParticipants) && s.actor == Actor::PartyCommittees)
            .filter_map(|s| s.value.and_then(Interval::exact_value))
            .sum();
        prop_assert_eq!(skipped, w.skipped);
        // Exact where nothing was skipped.
        if w.skipped == 0 {
            prop_assert!(report.skipped.is_empty());
        }
    }
}

/// Composing keeps a known share known where a path through a lone
/// unknown share (the rest) meets another or splits again (synthetic codes):
/// 0.4 known and the rest, then the rest split in halves, is 0.7 and 0.3.
#[test]
fn composing_keeps_a_known_share_known_through_the_rest() {
    use danvan::Mapped;
    let first = Crosswalk::builder()
        .entry(
            code("20001"),
            &[
                (code("20011"), Weight::Exact(Decimal::new(4, 1))),
                (code("20012"), Weight::Unknown),
            ],
        )
        .build()
        .unwrap();
    let next = Crosswalk::builder()
        .merge(code("20011"), code("20021"))
        .split(
            code("20012"),
            &[
                (code("20021"), Decimal::new(5, 1)),
                (code("20022"), Decimal::new(5, 1)),
            ],
        )
        .build()
        .unwrap();
    let shares = |next: &Crosswalk| -> Vec<(UnitCode, Weight)> {
        let both = first.then(next).unwrap();
        both.targets(&code("20001")).unwrap().to_vec()
    };
    let tenths = |a: i64, b: i64| {
        vec![
            (code("20021"), Weight::Exact(Decimal::new(a, 1))),
            (code("20022"), Weight::Exact(Decimal::new(b, 1))),
        ]
    };
    assert_eq!(shares(&next), tenths(7, 3));
    let both = first.then(&next).unwrap();
    let mapped = both.map_counts([(code("20001"), 10)]).unwrap();
    assert_eq!(
        mapped,
        [
            (code("20021"), Mapped::Exact(7)),
            (code("20022"), Mapped::Exact(3))
        ]
    );
    // Beside an unnamed remainder of the next step the rest is still known.
    let next = Crosswalk::builder()
        .partial(
            code("20011"),
            &[(code("20021"), Weight::Exact(Decimal::new(5, 1)))],
        )
        .merge(code("20012"), code("20022"))
        .build()
        .unwrap();
    assert_eq!(shares(&next), tenths(2, 6));
}
