//! Review s13, last (issue 14): hostile tests of 4499bb0 (an own figure's
//! rest reaches where its silent units went; a distinct whole is held where
//! all of the old unit meets) and c7a6b9f (DV217 for a value below the
//! mapped level with no mapped unit above; a silent unit of unknown place
//! opens every new unit; rows refuse cells not opened). Each test states
//! what the data supports; a finding is `#[ignore = "finding: ..."]`.
//! Units, persons and figures are **synthetic** (the hierarchies of
//! rekey_nested.rs unless said).

use super::rekey_nested::{code, crosswalk, gifts, money, new_h, old_h, orphan_old};
use super::review_s11::{documents, text};
use super::review_s13_rekey::back;
use danvan::*;

const S: Actor = Actor::MobilizationSector;

/// Synthetic persons (0..=8) of each old commune; a unit's figure is the
/// size of its communes' union. 10101 {0,1,2,3}, 10102 {2,3,4,5},
/// 10201 {5,6,7,8}: district 101 has 6, 102 has 4, province 10 has 9.
const SETS: [(&str, u16); 3] = [
    ("10101", 0b0_0000_1111),
    ("10102", 0b0_0011_1100),
    ("10201", 0b1_1110_0000),
];

fn union(communes: &[&str]) -> u64 {
    let bits = SETS
        .iter()
        .filter(|(c, _)| communes.contains(c))
        .fold(0_u16, |a, (_, s)| a | s);
    u64::from(bits.count_ones())
}

/// A persons figure (ConferencePersons) from report notation.
fn persons(unit: &str, t: &str) -> Figure {
    let mut f = text(unit, t);
    f.indicator = Builtin::ConferencePersons.into();
    f
}

fn old_totals(h: &Hierarchy, figures: &[Figure]) -> Totals {
    let mut acc = Accumulator::new(h, Period::year(2024).unwrap(), &[gifts()]);
    for f in figures {
        acc.add(f).unwrap();
    }
    acc.finish().unwrap()
}

fn persons_at(t: &Totals, u: Option<&str>) -> Option<Interval> {
    match u {
        Some(u) => t.reported(&code(u), Builtin::ConferencePersons, S),
        None => t.national(
            TotalsLayer::Reported,
            IndicatorId::from(Builtin::ConferencePersons),
            S,
        ),
    }
}

fn holds(i: Option<Interval>, v: u64) -> bool {
    i.is_some_and(|i| i.low() <= v && i.high().map_or(true, |h| h >= v))
}

/// Rekeys `figures` (old_h, commune level) by `cw` and checks that every
/// listed new unit (None: the country) holds the true union, and that the
/// rows read back give the same rows.
fn check_truth(cw: &Crosswalk, figures: &[Figure], truth: &[(Option<&str>, u64)]) {
    let t = truth_only(cw, figures, truth);
    read_back_same(&t);
}

/// The truth half of [`check_truth`]: the rekeyed totals.
fn truth_only(cw: &Crosswalk, figures: &[Figure], truth: &[(Option<&str>, u64)]) -> Totals {
    let t = old_totals(&old_h(), figures)
        .rekey(cw, Level::Commune, &new_h())
        .unwrap();
    for &(u, v) in truth {
        let got = persons_at(&t, u);
        assert!(holds(got, v), "{u:?}: {got:?} does not hold {v}");
    }
    t
}

/// Totals through JSON rows and back give the same rows.
fn read_back_same(t: &Totals) {
    assert_eq!(back(t).rows(), t.rows(), "rows read back differ");
}

fn partial_cw() -> Crosswalk {
    Crosswalk::builder()
        .merge(code("10101"), code("80001"))
        .merge(code("10102"), code("80001"))
        .merge(code("101"), code("811"))
        .partial(code("10201"), &[(code("80002"), Weight::Unknown)])
        .build()
        .unwrap()
}

/// The standard crosswalk: 10101, 10102 → 80001; 10201 → 80002; 101 → 811.
fn standard_truth() -> Vec<(Option<&'static str>, u64)> {
    vec![
        (Some("80001"), union(&["10101", "10102"])),
        (Some("80002"), union(&["10201"])),
        (Some("80"), union(&["10101", "10102", "10201"])),
        (Some("811"), 0),
        (Some("81"), 0),
        (None, union(&["10101", "10102", "10201"])),
    ]
}

/// Figures at three levels (province 9, district 101 6, commune 10101 4),
/// each exact: every cell holds the true union (80001 6, 80002 4, 80 9).
#[test]
fn distinct_figures_at_three_levels_hold_the_truth() {
    let figures = [
        persons("10", "9"),
        persons("101", "6"),
        persons("10101", "4"),
    ];
    check_truth(&crosswalk(), &figures, &standard_truth());
}

/// Wholes in report notation around the true 9: "hơn 8", "khoảng 9",
/// "gần 10", with commune 10101's 4 and district 102's 4 below. Each
/// notation's own interval is checked to hold 9 first (else the input is
/// not the truth); then every cell must hold the true union.
///
/// FINDING (the read-back half): the cells hold 9, but for an inexact
/// whole the rekey's rows are refused by `Totals::from_rows` ("its high 10
/// is below a root's, 14": country up to 10, province 80 up to 14). The
/// data supports 80 no higher than the country; the written rows must read back.
#[test]
fn inexact_distinct_wholes_hold_the_truth() {
    for whole in ["hơn 8", "khoảng 9", "gần 10", "9"] {
        let r = notation::parse_reported(whole).unwrap();
        assert!(
            holds(Some(r.interval()), 9),
            "{whole}: {:?} does not hold 9",
            r.interval()
        );
        let figures = [
            persons("10", whole),
            persons("10101", "4"),
            persons("102", "4"),
        ];
        check_truth(&crosswalk(), &figures, &standard_truth());
    }
}

/// 10201 split with no shares between 80001 and 80002; its persons {5,6}
/// went to 80001 and {7,8} to 80002 (one possible truth): 80001 holds 7,
/// 80002 holds 2, 80 and the country 9.
#[test]
fn a_split_without_shares_under_a_distinct_whole_holds_the_truth() {
    let cw = Crosswalk::builder()
        .merge(code("10101"), code("80001"))
        .merge(code("10102"), code("80001"))
        .merge(code("101"), code("811"))
        .split_unknown(code("10201"), &[code("80001"), code("80002")])
        .build()
        .unwrap();
    let truth = [
        (Some("80001"), 7),
        (Some("80002"), 2),
        (Some("80"), 9),
        (None, 9),
    ];
    for figures in [
        vec![persons("10", "9"), persons("10101", "4")],
        vec![persons("10", "9"), persons("102", "4")],
        vec![persons("10", "hơn 8"), persons("10102", "4")],
    ] {
        check_truth(&cw, &figures, &truth);
    }
}

/// 10201 partly to 80002 ({7,8}), the rest ({5,6}) to a unit not named:
/// 80002 holds 2, 80001 6, the country (all persons) 9.
#[test]
fn a_partial_entry_under_a_distinct_whole_holds_the_truth() {
    let truth = [(Some("80001"), 6), (Some("80002"), 2), (None, 9)];
    for figures in partial_cases() {
        truth_only(&partial_cw(), &figures, &truth);
    }
}

fn partial_cases() -> Vec<Vec<Figure>> {
    vec![
        vec![persons("10", "9"), persons("10101", "4")],
        vec![persons("10", "9"), persons("102", "4"), persons("101", "6")],
    ]
}

/// FINDING. Input: the partial crosswalk (10201 partly to 80002, the rest
/// unnamed), province 10's 9 persons with 10101's 4 (or 102's 4 and 101's
/// 6). Result: the rekey's own rows are refused by `Totals::from_rows`
/// ("its high 9 is below a root's, 13": the country is exactly 9, province
/// 80 is up to 13). The data supports the country's 9 (the whole) and 80
/// at most 9 (it lies inside the country); either way the totals the
/// library wrote must read back.
#[test]
fn a_partial_entry_under_a_distinct_whole_reads_back() {
    for figures in partial_cases() {
        let t = truth_only(&partial_cw(), &figures, &[]);
        read_back_same(&t);
    }
}

/// District 102 (commune 10201) is an island district going to the special
/// zone 811 (province 81): 80001 and 80 hold 6, 811 and 81 hold 4, the
/// country 9, with the province's 9 and commune 10101's 4 reported.
///
/// FINDING. Input: province 10's 9 persons, and (in one of the three
/// cases; by the arithmetic district 102's 4, which went to 811). Result:
/// province 80 exactly 5 (9 − 4). The data supports only 80 in [5, 9]:
/// distinct persons of 102 may also be persons of 101's communes (here
/// person 5 is in 10102 and 10201), so the truth 6 lies outside the cell.
#[test]
fn an_island_district_to_a_special_zone_holds_the_truth() {
    let cw = Crosswalk::builder()
        .merge(code("10101"), code("80001"))
        .merge(code("10102"), code("80001"))
        .merge(code("10201"), code("811"))
        .build()
        .unwrap();
    let truth = [
        (Some("80001"), 6),
        (Some("80"), 6),
        (Some("811"), 4),
        (Some("81"), 4),
        (None, 9),
    ];
    for figures in [
        vec![persons("10", "9"), persons("10101", "4")],
        vec![persons("10", "9"), persons("102", "4")],
        vec![persons("10", "khoảng 9"), persons("101", "6")],
    ] {
        check_truth(&cw, &figures, &truth);
    }
}

/// Old hierarchy with villages under commune 10101 (Level::Village); the
/// crosswalk at commune level. The villages have a commune above them, so
/// their figures are carried with it: not DV217, and the country counts
/// the village's 3 documents with 10201's 5 (8; the commune's 3 is the
/// village's, the country at least 8).
#[test]
fn villages_below_communes_with_a_commune_crosswalk_are_not_refused() {
    let mut units = old_h().units().to_vec();
    units.push(Unit::new(code("10101-T01"), "V1 (synthetic)").with_parent(Some(code("10101"))));
    let h = Hierarchy::new(units).unwrap();
    let t = old_totals(&h, &[documents("10101-T01", 3), documents("10201", 5)])
        .rekey(&crosswalk(), Level::Commune, &new_h())
        .expect("villages under a mapped commune are carried");
    let c = t.national(TotalsLayer::Reported, Builtin::Documents, S);
    assert!(holds(c, 8), "{c:?}");
    let n = t.reported(&code("80001"), Builtin::Documents, S);
    assert!(holds(n, 3), "{n:?}");
}

/// A rekey at province level (10 → 80): communes and districts below have
/// the province above them: not refused, the country holds 1 + 2 + 3.
#[test]
fn a_rekey_at_province_level_carries_every_unit_below() {
    let cw = Crosswalk::builder()
        .merge(code("10"), code("80"))
        .build()
        .unwrap();
    let t = old_totals(
        &old_h(),
        &[
            documents("10101", 1),
            documents("10102", 2),
            documents("10201", 3),
        ],
    )
    .rekey(&cw, Level::Province, &new_h())
    .unwrap();
    let c = t.national(TotalsLayer::Reported, Builtin::Documents, S);
    assert_eq!(c, Some(Interval::exact(6)));
    assert!(holds(t.reported(&code("80"), Builtin::Documents, S), 6));
}

fn orphan_new() -> Hierarchy {
    Hierarchy::new(vec![
        Unit::new(code("80"), "NP (synthetic)"),
        Unit::new(code("801"), "ND (synthetic)").with_parent(Some(code("80"))),
        Unit::new(code("802"), "ND2 (synthetic)").with_parent(Some(code("80"))),
    ])
    .unwrap()
}

fn orphan_cw() -> Crosswalk {
    Crosswalk::builder()
        .merge(code("101"), code("801"))
        .build()
        .unwrap()
}

/// An amount (not a count) on the orphan commune 10201 would be dropped:
/// DV217 naming 10201.
#[test]
fn an_amount_on_a_unit_below_no_mapped_unit_is_refused() {
    let err = old_totals(
        &orphan_old(),
        &[money("10101", "1 tỷ đồng"), money("10201", "2 tỷ đồng")],
    )
    .rekey(&orphan_cw(), Level::District, &orphan_new())
    .unwrap_err();
    assert_eq!(err.code(), "DV217", "{err}");
    assert!(err.to_string().contains("\"10201\""), "{err}");
}

/// A record (a conference, not a figure) on the orphan commune 10201:
/// DV217 too (its participants would be dropped).
#[test]
fn a_record_on_a_unit_below_no_mapped_unit_is_refused() {
    let c: Conference = serde_json::from_str(
        r#"{"unit": "10201", "date": "2024-03-15", "actor": "party_committees",
            "kind": "both", "participants": 45}"#,
    )
    .unwrap();
    let mut acc = Accumulator::new(&orphan_old(), Period::year(2024).unwrap(), &[gifts()]);
    acc.add(&c).unwrap();
    acc.add(&documents("10101", 1)).unwrap();
    let err = acc
        .finish()
        .unwrap()
        .rekey(&orphan_cw(), Level::District, &orphan_new())
        .unwrap_err();
    assert_eq!(err.code(), "DV217", "{err}");
}

/// The orphan commune 10201 silent (no value): it may lie in any new unit,
/// so 801, 802, 80 and the country are "at least" the 1 of 10101 (no upper
/// bound); read back through rows the same; merged with a part that
/// reports 10101's 1 again... (disjoint: a part with 802's own 4) still
/// no upper bound anywhere 10201 may lie.
#[test]
fn a_silent_orphan_opens_every_new_unit_and_survives_rows_and_merges() {
    let t = old_totals(&orphan_old(), &[documents("10101", 1)])
        .rekey(&orphan_cw(), Level::District, &orphan_new())
        .unwrap();
    let at = |t: &Totals, u: Option<&str>| match u {
        Some(u) => t.reported(&code(u), Builtin::Documents, S),
        None => t.national(TotalsLayer::Reported, Builtin::Documents, S),
    };
    for u in [Some("801"), Some("80"), None] {
        let i = at(&t, u);
        assert!(
            i.is_some_and(|i| i.low() == 1 && i.high().is_none()),
            "{u:?}: {i:?}"
        );
    }
    let i = at(&t, Some("802"));
    assert!(i.map_or(true, |i| i.high().is_none()), "802: {i:?}");
    let wire = serde_json::to_string(&t.rows()).unwrap();
    let rows: Vec<TotalsRow> = serde_json::from_str(&wire).unwrap();
    let again = Totals::from_rows(t.hierarchy(), t.period(), t.indicators(), rows).unwrap();
    assert_eq!(again.rows(), t.rows());
    let mut acc = Accumulator::new(&orphan_new(), Period::year(2024).unwrap(), &[gifts()]);
    acc.add(&documents("802", 4)).unwrap();
    let other = acc.finish().unwrap();
    let m = again.merge(other).unwrap();
    for u in [Some("801"), Some("802"), Some("80"), None] {
        let i = at(&m, u);
        assert!(i.is_some_and(|i| i.high().is_none()), "merged {u:?}: {i:?}");
    }
    assert!(holds(at(&m, None), 5));
}

/// A partial entry whose remainder no unit is known to hold, the unit
/// silent: 10201 partly to 80002, it reported nothing, 10101 reported 1.
/// 80001 (where 10201's rest may lie) and the country are at least 1 with
/// no upper bound, and the rows read back the same.
#[test]
fn a_silent_partial_unit_opens_every_new_unit_and_reads_back() {
    let cw = Crosswalk::builder()
        .merge(code("10101"), code("80001"))
        .merge(code("10102"), code("80001"))
        .merge(code("101"), code("811"))
        .partial(code("10201"), &[(code("80002"), Weight::Unknown)])
        .build()
        .unwrap();
    let t = old_totals(&old_h(), &[documents("10101", 1), documents("10102", 2)])
        .rekey(&cw, Level::Commune, &new_h())
        .unwrap();
    for u in ["80001", "80", "811", "81"] {
        let i = t.reported(&code(u), Builtin::Documents, S);
        assert!(i.map_or(true, |i| i.high().is_none()), "{u}: {i:?}");
    }
    let c = t.national(TotalsLayer::Reported, Builtin::Documents, S);
    assert!(
        c.is_some_and(|i| i.low() == 3 && i.high().is_none()),
        "{c:?}"
    );
    let wire = serde_json::to_string(&t.rows()).unwrap();
    let rows: Vec<TotalsRow> = serde_json::from_str(&wire).unwrap();
    let again = Totals::from_rows(t.hierarchy(), t.period(), t.indicators(), rows).unwrap();
    assert_eq!(again.rows(), t.rows());
}
