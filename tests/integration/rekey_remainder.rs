//! An unnamed remainder reaches every unit it may lie in (issue 14): a
//! `partial` entry says part of an old commune went to a new unit the entry
//! does not name, so every unit the remainder can reach (below the new unit
//! known to contain the old one, or anywhere) may hold up to all of it;
//! with `RekeyOptions::with_complete_targets` (a table that lists every
//! predecessor), only the units no entry names. Units and figures are **synthetic** (the hierarchies of
//! rekey_nested.rs: old 10 → 101 {10101, 10102}, 102 {10201}; new 80 →
//! {80001, 80002}, 81 → {811}).

use super::rekey_nested::{billion, code, gifts, money, new_h, old_h};
use super::review_s11::documents;
use super::review_s13_rekey::{back, country, docs, partial_10101_cw};
use danvan::*;

const S: Actor = Actor::MobilizationSector;

fn rekeyed_with(cw: &Crosswalk, figures: &[Figure], options: RekeyOptions) -> Totals {
    let mut acc = Accumulator::new(&old_h(), Period::year(2024).unwrap(), &[gifts()]);
    for f in figures {
        acc.add(f).unwrap();
    }
    acc.finish()
        .unwrap()
        .rekey_with(cw, Level::Commune, &new_h(), options)
        .unwrap()
        .0
}

/// Declared complete: the remainder lies in no unit the crosswalk names.
fn rekeyed(cw: &Crosswalk, figures: &[Figure]) -> Totals {
    rekeyed_with(cw, figures, RekeyOptions::default().with_complete_targets())
}

/// By default: the remainder may lie in any unit it reaches.
fn rekeyed_anywhere(cw: &Crosswalk, figures: &[Figure]) -> Totals {
    rekeyed_with(cw, figures, RekeyOptions::default())
}

fn between(low: u64, high: u64) -> Option<Interval> {
    Some(Interval::between(low, Some(high)).unwrap())
}

/// Old province 10 became new province 80 whole; commune 10101 went partly
/// to 80001, the rest to a commune of 80 the mapping does not name.
fn within_province() -> Crosswalk {
    Crosswalk::builder()
        .merge(code("10"), code("80"))
        .partial(code("10101"), &[(code("80001"), Weight::Unknown)])
        .merge(code("10102"), code("80001"))
        .merge(code("10201"), code("80002"))
        .build()
        .unwrap()
}

/// 10101's 5, 10102's 1 and 10201's 2 documents.
fn three() -> Vec<Figure> {
    vec![
        documents("10101", 5),
        documents("10102", 1),
        documents("10201", 2),
    ]
}

/// Declared complete, the remainder went to a unit the crosswalk does not
/// name: not 80002 (named, as 10201's target), which stays exactly 2. 80001 gets
/// [0, 5] of 10101 with 10102's 1; province 80 and the country exactly 8.
#[test]
fn declared_complete_the_named_communes_stay_exact() {
    let t = rekeyed(&within_province(), &three());
    assert_eq!(docs(&t, "80001"), between(1, 6));
    assert_eq!(docs(&t, "80002"), Some(Interval::exact(2)));
    assert_eq!(docs(&t, "80"), Some(Interval::exact(8)));
    assert_eq!(country(&t), Some(Interval::exact(8)));
}

/// By default the remainder may lie in named units: 80002 may hold up to all 5
/// beside 10201's 2; province 80 and the country stay exactly 8, and the
/// other province's special zone 811 gets nothing (the remainder is known
/// to lie in 80).
#[test]
fn a_remainder_within_a_province_reaches_each_of_its_communes() {
    let t = rekeyed_anywhere(&within_province(), &three());
    assert_eq!(docs(&t, "80001"), between(1, 6));
    assert_eq!(docs(&t, "80002"), between(2, 7));
    assert_eq!(docs(&t, "80"), Some(Interval::exact(8)));
    assert_eq!(docs(&t, "811"), None);
    assert_eq!(docs(&t, "81"), None);
    assert_eq!(country(&t), Some(Interval::exact(8)));
}

/// The remainder may then be anywhere: declared complete, only in the
/// special zone 811 (no entry names it; a unit with nothing below it), the
/// named communes exact; by default in 80002 too. Only the country is exact
/// in both.
#[test]
fn a_remainder_of_unknown_place_reaches_the_units_no_entry_names() {
    let t = rekeyed(&partial_10101_cw(), &three());
    assert_eq!(docs(&t, "80002"), Some(Interval::exact(2)));
    assert_eq!(docs(&t, "811"), between(0, 5));
    assert_eq!(docs(&t, "81"), between(0, 5));
    assert_eq!(docs(&t, "80"), between(3, 8));
    assert_eq!(country(&t), Some(Interval::exact(8)));
    let t = rekeyed_anywhere(&partial_10101_cw(), &three());
    assert_eq!(docs(&t, "80002"), between(2, 7));
    assert_eq!(docs(&t, "811"), between(0, 5));
    assert_eq!(docs(&t, "80"), between(3, 8));
    assert_eq!(country(&t), Some(Interval::exact(8)));
}

/// A known share beside the unnamed remainder: 10101's 10 documents, 0.6
/// to 80001 (exactly 6), the rest (4) unnamed. 80001 holds its exact part
/// (the remainder went to a unit the entry does not name, not to it);
/// 80002 is exactly 2 declared complete, by default up to 4 more.
#[test]
fn a_known_share_stays_exact_beside_the_remainder() {
    let cw = Crosswalk::builder()
        .merge(code("10"), code("80"))
        .partial(
            code("10101"),
            &[(code("80001"), Weight::Exact("0.6".parse().unwrap()))],
        )
        .merge(code("10102"), code("80001"))
        .merge(code("10201"), code("80002"))
        .build()
        .unwrap();
    let figures = [
        documents("10101", 10),
        documents("10102", 0),
        documents("10201", 2),
    ];
    let t = rekeyed(&cw, &figures);
    assert_eq!(docs(&t, "80001"), Some(Interval::exact(6)));
    assert_eq!(docs(&t, "80002"), Some(Interval::exact(2)));
    assert_eq!(docs(&t, "80"), Some(Interval::exact(12)));
    let t = rekeyed_anywhere(&cw, &figures);
    assert_eq!(docs(&t, "80001"), Some(Interval::exact(6)));
    assert_eq!(docs(&t, "80002"), between(2, 6));
    assert_eq!(docs(&t, "80"), Some(Interval::exact(12)));
}

/// A district's own figure whose commune has the partial entry: district
/// 101's 10 documents (its communes silent under it, held by its figure)
/// may lie in 80001, and by default in the other commune of 80 too.
#[test]
fn an_own_figure_reaches_where_a_partial_communes_remainder_went() {
    let figures = [documents("101", 10), documents("10201", 2)];
    let t = rekeyed(&within_province(), &figures);
    assert_eq!(docs(&t, "80002"), Some(Interval::exact(2)));
    assert_eq!(docs(&t, "80"), Some(Interval::exact(12)));
    let t = rekeyed_anywhere(&within_province(), &figures);
    let c = docs(&t, "80002");
    assert_eq!(c, between(2, 12), "80002 {c:?}");
    assert_eq!(docs(&t, "80"), Some(Interval::exact(12)));
    assert_eq!(country(&t), Some(Interval::exact(12)));
}

/// Amounts alike: by default, 10101's 5 tỷ đồng reach 80002 ([2, 7] tỷ);
/// declared complete 80002 keeps its 2 tỷ; the province and the country
/// stay exact.
#[test]
fn amounts_reach_where_the_remainder_went() {
    let figures = [
        money("10101", "5 tỷ đồng"),
        money("10102", "1 tỷ đồng"),
        money("10201", "2 tỷ đồng"),
    ];
    for (t, c80002) in [
        (
            rekeyed_anywhere(&within_province(), &figures),
            Interval::between(billion(2), Some(billion(7))).unwrap(),
        ),
        (
            rekeyed(&within_province(), &figures),
            Interval::exact(billion(2)),
        ),
    ] {
        let at = |u: &str| t.amount(&code(u), &gifts().id, S).unwrap().value;
        assert_eq!(at("80002"), c80002);
        assert_eq!(at("80"), Interval::exact(billion(8)));
        let c = t.national_amount(&gifts().id, S).unwrap().value;
        assert_eq!(c, Interval::exact(billion(8)));
    }
}

/// A silent partial commune (10101 reports nothing, 10102 0, 10201 2)
/// opens every commune its remainder may reach: by default 80002 is at
/// least 2; declared complete it stays exactly 2 (80001 and 80 open). The
/// special zone of the other province is untouched (no cell).
#[test]
fn a_silent_partial_commune_opens_the_communes_its_remainder_reaches() {
    let figures = [documents("10102", 0), documents("10201", 2)];
    let t = rekeyed_anywhere(&within_province(), &figures);
    assert_eq!(docs(&t, "80002"), Some(Interval::at_least(2)));
    assert_eq!(docs(&t, "80"), Some(Interval::at_least(2)));
    assert_eq!(docs(&t, "811"), None);
    let t = rekeyed(&within_province(), &figures);
    assert_eq!(docs(&t, "80002"), Some(Interval::exact(2)));
    assert_eq!(docs(&t, "80001").and_then(|v| v.high()), None);
    assert_eq!(docs(&t, "80"), Some(Interval::at_least(2)));
}

/// The rows of each case read back equal (the rows' checks accept what the
/// rekey wrote), under both readings.
#[test]
fn rows_of_a_remainder_read_back() {
    for figures in [
        three(),
        vec![documents("101", 10), documents("10201", 2)],
        vec![documents("10102", 0), documents("10201", 2)],
    ] {
        for cw in [within_province(), partial_10101_cw()] {
            for t in [rekeyed(&cw, &figures), rekeyed_anywhere(&cw, &figures)] {
                assert!(back(&t) == t, "{figures:?}");
            }
        }
    }
}
