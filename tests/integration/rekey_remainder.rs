//! An unnamed remainder reaches every unit it may lie in (issue 14): a
//! `partial` entry says part of an old commune went to a new unit the
//! crosswalk does not name, so every unit the remainder can reach — below
//! the new unit known to contain the old one, or anywhere — may hold up to
//! all of it. Units and figures are **synthetic** (the hierarchies of
//! rekey_nested.rs: old 10 → 101 {10101, 10102}, 102 {10201}; new 80 →
//! {80001, 80002}, 81 → {811}).

use super::rekey_nested::{billion, code, gifts, money, new_h, old_h};
use super::review_s11::documents;
use danvan::*;

const S: Actor = Actor::MobilizationSector;

fn rekeyed(cw: &Crosswalk, figures: &[Figure]) -> Totals {
    let mut acc = Accumulator::new(&old_h(), Period::year(2024).unwrap(), &[gifts()]);
    for f in figures {
        acc.add(f).unwrap();
    }
    acc.finish()
        .unwrap()
        .rekey(cw, Level::Commune, &new_h())
        .unwrap()
}

fn docs(t: &Totals, u: &str) -> Option<Interval> {
    t.reported(&code(u), Builtin::Documents, S)
}

fn country(t: &Totals) -> Option<Interval> {
    t.national(
        TotalsLayer::Reported,
        IndicatorId::from(Builtin::Documents),
        S,
    )
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

/// 10101's 5 documents: 80001 gets [0, 5] of them with 10102's 1, 80002
/// may hold up to all 5 beside 10201's 2, province 80 and the country hold
/// exactly 8, and the other province's special zone 811 gets nothing (the
/// remainder is known to lie in 80).
#[test]
fn a_remainder_within_a_province_reaches_each_of_its_communes() {
    let t = rekeyed(
        &within_province(),
        &[
            documents("10101", 5),
            documents("10102", 1),
            documents("10201", 2),
        ],
    );
    assert_eq!(docs(&t, "80001"), between(1, 6));
    assert_eq!(docs(&t, "80002"), between(2, 7));
    assert_eq!(docs(&t, "80"), Some(Interval::exact(8)));
    assert_eq!(docs(&t, "811"), None);
    assert_eq!(docs(&t, "81"), None);
    assert_eq!(country(&t), Some(Interval::exact(8)));
}

/// Without the province's entry no unit is known to contain 10101: the
/// remainder may be anywhere, in the special zone 811 (a unit with nothing
/// below it, above the communes' level) too; only the country is exact.
#[test]
fn a_remainder_of_unknown_place_reaches_every_commune_and_special_zone() {
    let cw = Crosswalk::builder()
        .partial(code("10101"), &[(code("80001"), Weight::Unknown)])
        .merge(code("10102"), code("80001"))
        .merge(code("10201"), code("80002"))
        .build()
        .unwrap();
    let t = rekeyed(
        &cw,
        &[
            documents("10101", 5),
            documents("10102", 1),
            documents("10201", 2),
        ],
    );
    assert_eq!(docs(&t, "80002"), between(2, 7));
    assert_eq!(docs(&t, "811"), between(0, 5));
    assert_eq!(docs(&t, "81"), between(0, 5));
    assert_eq!(docs(&t, "80"), between(3, 8));
    assert_eq!(country(&t), Some(Interval::exact(8)));
}

/// A known share beside the unnamed remainder: 10101's 10 documents, 0.6
/// to 80001 (exactly 6), the rest (4) unnamed. 80001 holds its exact part
/// (the remainder went to a unit the mapping does not name, not to it),
/// 80002 up to the 4 more.
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
    let t = rekeyed(
        &cw,
        &[
            documents("10101", 10),
            documents("10102", 0),
            documents("10201", 2),
        ],
    );
    assert_eq!(docs(&t, "80001"), Some(Interval::exact(6)));
    assert_eq!(docs(&t, "80002"), between(2, 6));
    assert_eq!(docs(&t, "80"), Some(Interval::exact(12)));
}

/// A district's own figure whose commune has the partial entry: district
/// 101's 10 documents (its communes silent under it, held by its figure)
/// may lie in 80001, or in the unnamed commune of 80 — 80002 too.
#[test]
fn an_own_figure_reaches_where_a_partial_communes_remainder_went() {
    let t = rekeyed(
        &within_province(),
        &[documents("101", 10), documents("10201", 2)],
    );
    let c = docs(&t, "80002");
    assert_eq!(c, between(2, 12), "80002 {c:?}");
    assert_eq!(docs(&t, "80"), Some(Interval::exact(12)));
    assert_eq!(country(&t), Some(Interval::exact(12)));
}

/// Amounts alike: 10101's 5 tỷ đồng reach 80002 ([2, 7] tỷ), the province
/// and the country stay exact.
#[test]
fn amounts_reach_where_the_remainder_went() {
    let t = rekeyed(
        &within_province(),
        &[
            money("10101", "5 tỷ đồng"),
            money("10102", "1 tỷ đồng"),
            money("10201", "2 tỷ đồng"),
        ],
    );
    let at = |u: &str| t.amount(&code(u), &gifts().id, S).unwrap().value;
    assert_eq!(
        at("80002"),
        Interval::between(billion(2), Some(billion(7))).unwrap()
    );
    assert_eq!(at("80"), Interval::exact(billion(8)));
    let c = t.national_amount(&gifts().id, S).unwrap().value;
    assert_eq!(c, Interval::exact(billion(8)));
}

/// A silent partial commune opens every commune its remainder may reach:
/// 10101 reports nothing, 10102 0, 10201 2 — 80002 and 80 at least 2,
/// the special zone of the other province untouched (no cell).
#[test]
fn a_silent_partial_commune_opens_the_communes_of_its_province() {
    let t = rekeyed(
        &within_province(),
        &[documents("10102", 0), documents("10201", 2)],
    );
    assert_eq!(docs(&t, "80002"), Some(Interval::at_least(2)));
    assert_eq!(docs(&t, "80"), Some(Interval::at_least(2)));
    assert_eq!(docs(&t, "811"), None);
}

/// The rows of each case read back equal (the rows' checks accept what the
/// rekey wrote).
#[test]
fn rows_of_a_remainder_read_back() {
    for figures in [
        vec![
            documents("10101", 5),
            documents("10102", 1),
            documents("10201", 2),
        ],
        vec![documents("101", 10), documents("10201", 2)],
        vec![documents("10102", 0), documents("10201", 2)],
    ] {
        let t = rekeyed(&within_province(), &figures);
        let wire = serde_json::to_string(&t.rows()).unwrap();
        let rows: Vec<TotalsRow> = serde_json::from_str(&wire).unwrap();
        let back = Totals::from_rows(t.hierarchy(), t.period(), t.indicators(), rows).unwrap();
        assert!(back == t, "{figures:?}");
    }
}

fn rekeyed_complete(cw: &Crosswalk, figures: &[Figure]) -> Totals {
    let mut acc = Accumulator::new(&old_h(), Period::year(2024).unwrap(), &[gifts()]);
    for f in figures {
        acc.add(f).unwrap();
    }
    let options = RekeyOptions::default().with_complete_targets();
    acc.finish()
        .unwrap()
        .rekey_with(cw, Level::Commune, &new_h(), options)
        .unwrap()
        .0
}

/// Declared complete (each named new unit lists all its predecessors), the
/// remainder lies in no unit the crosswalk names: 80002 stays exactly 2.
#[test]
fn a_complete_crosswalk_keeps_the_named_communes_exact() {
    let figures = [
        documents("10101", 5),
        documents("10102", 1),
        documents("10201", 2),
    ];
    let t = rekeyed_complete(&within_province(), &figures);
    assert_eq!(docs(&t, "80001"), between(1, 6));
    assert_eq!(docs(&t, "80002"), Some(Interval::exact(2)));
    assert_eq!(docs(&t, "80"), Some(Interval::exact(8)));
    assert_eq!(country(&t), Some(Interval::exact(8)));
}

/// Declared complete, with no unit known to contain the old commune: the
/// special zone 811, which no entry names, may hold the remainder; the
/// communes the crosswalk names stay exact.
#[test]
fn a_complete_crosswalk_sends_the_remainder_to_units_it_does_not_name() {
    let cw = Crosswalk::builder()
        .partial(code("10101"), &[(code("80001"), Weight::Unknown)])
        .merge(code("10102"), code("80001"))
        .merge(code("10201"), code("80002"))
        .build()
        .unwrap();
    let figures = [
        documents("10101", 5),
        documents("10102", 1),
        documents("10201", 2),
    ];
    let t = rekeyed_complete(&cw, &figures);
    assert_eq!(docs(&t, "80002"), Some(Interval::exact(2)));
    assert_eq!(docs(&t, "811"), between(0, 5));
    assert_eq!(country(&t), Some(Interval::exact(8)));
    // By default, 80002 may hold it too.
    assert_eq!(docs(&rekeyed(&cw, &figures), "80002"), between(2, 7));
}
