//! Review s12: rest of own figures over what is carried below (rekey),
//! DV216, rest_after tone/estimate, DV215 own-over-rekeyed. Synthetic units
//! (the hierarchy of rekey_nested.rs).

use super::rekey_nested::{code, crosswalk, new_h, old_h};
use super::review_s11::{documents, text};
use danvan::*;

fn old(figures: &[Figure]) -> Totals {
    let mut acc = Accumulator::new(&old_h(), Period::year(2024).unwrap(), &[]);
    for f in figures {
        acc.add(f).unwrap();
    }
    acc.finish().unwrap()
}

fn new_totals(figures: &[Figure]) -> Totals {
    let mut acc = Accumulator::new(&new_h(), Period::year(2024).unwrap(), &[]);
    for f in figures {
        acc.add(f).unwrap();
    }
    acc.finish().unwrap()
}

fn try_rekey(figures: &[Figure]) -> Result<Totals, Error> {
    old(figures).rekey(&crosswalk(), Level::Commune, &new_h())
}

fn rekeyed(figures: &[Figure]) -> Totals {
    try_rekey(figures).unwrap()
}

fn country(t: &Totals) -> Option<Interval> {
    t.national(
        TotalsLayer::Reported,
        IndicatorId::from(Builtin::Documents),
        Actor::MobilizationSector,
    )
}

fn holds(i: Option<Interval>, v: u64) -> bool {
    i.is_some_and(|i| i.low() <= v && i.high().map_or(true, |h| v <= h))
}

fn lh(i: Option<Interval>) -> Option<(u64, Option<u64>)> {
    i.map(|i| (i.low(), i.high()))
}

/// Province 30, district 101 10, its commune 4, commune 10201 5: 30.
#[test]
fn review_s12_three_levels_exact() {
    let t = rekeyed(&[
        documents("10", 30),
        documents("101", 10),
        documents("10101", 4),
        documents("10201", 5),
    ]);
    assert_eq!(lh(country(&t)), Some((30, Some(30))));
}

/// Province 30, communes 4 and 5 under silent districts: exactly 30.
#[test]
fn review_s12_silent_middles() {
    let t = rekeyed(&[
        documents("10", 30),
        documents("10101", 4),
        documents("10201", 5),
    ]);
    assert_eq!(lh(country(&t)), Some((30, Some(30))));
}

/// Province 30 over district "hơn 10" over commune "gần 4": truth 30 held.
#[test]
fn review_s12_three_levels_inexact_sound() {
    let t = rekeyed(&[
        documents("10", 30),
        text("101", "hơn 10"),
        text("10101", "gần 4"),
    ]);
    let c = country(&t);
    assert!(holds(c, 30), "{c:?}");
}

/// "khoảng 30" at the province, 4 in a commune: truth (say 31) held,
/// estimate 30.
#[test]
fn review_s12_about_whole_keeps_estimate() {
    let t = rekeyed(&[text("10", "khoảng 30"), documents("10101", 4)]);
    let c = country(&t).unwrap();
    assert!(holds(Some(c), 31), "{c:?}");
    assert_eq!(c.estimate(), Some(30), "{c:?}");
}

/// District 3 with commune 5: DV216.
#[test]
fn review_s12_part_above_whole_refused() {
    let err = try_rekey(&[documents("101", 3), documents("10101", 5)]).unwrap_err();
    assert_eq!(err.code(), "DV216", "{err}");
}

/// Province 30 with district 101 10 and commune 10201 25: 35 > 30, DV216.
#[test]
fn review_s12_part_above_whole_across_levels() {
    let err = try_rekey(&[
        documents("10", 30),
        documents("101", 10),
        documents("10201", 25),
    ])
    .unwrap_err();
    assert_eq!(err.code(), "DV216", "{err}");
}

/// Parts that may fit ("gần 5" under 4 is [?, 5]): no refusal.
#[test]
fn review_s12_part_maybe_within_whole_not_refused() {
    let t = try_rekey(&[documents("101", 4), text("10101", "gần 5")]);
    assert!(t.is_ok(), "{:?}", t.err().map(|e| e.to_string()));
}

/// Overflow near u64::MAX: an error, no panic, no wrap.
#[test]
fn review_s12_overflow_is_error() {
    let r = std::panic::catch_unwind(|| {
        let mut acc = Accumulator::new(&old_h(), Period::year(2024).unwrap(), &[]);
        for f in [
            documents("10", u64::MAX),
            documents("10101", u64::MAX),
            documents("10201", 1),
        ] {
            acc.add(&f)?;
        }
        acc.finish()?
            .rekey(&crosswalk(), Level::Commune, &new_h())
            .map(|t| lh(country(&t)))
    });
    let r = r.expect("no panic");
    assert!(r.is_err(), "{r:?}");
}

/// Province u64::MAX with commune u64::MAX: exactly u64::MAX.
#[test]
fn review_s12_max_whole() {
    let t = rekeyed(&[documents("10", u64::MAX), documents("10101", u64::MAX)]);
    assert_eq!(lh(country(&t)), Some((u64::MAX, Some(u64::MAX))));
}

/// Non-rekeyed totals with no own figure above the rekeyed cell: merges,
/// both orders, 3 + 4 = 7.
#[test]
fn review_s12_merge_disjoint_non_rekeyed_both_orders() {
    let a = new_totals(&[documents("80002", 3)]);
    let b = rekeyed(&[documents("10101", 4)]);
    let m1 = a.clone().merge(b.clone()).unwrap();
    let m2 = b.merge(a).unwrap();
    // The new totals alone hold at least 3 (silent units): 7 at least.
    assert_eq!(lh(country(&m1)).map(|x| x.0), Some(7));
    assert_eq!(lh(country(&m1)), lh(country(&m2)));
}

/// A new province's own figure above a rekeyed commune: DV215, both orders.
#[test]
fn review_s12_merge_own_over_rekeyed_refused_both_orders() {
    let a = new_totals(&[documents("80", 10)]);
    let b = rekeyed(&[documents("10101", 4)]);
    assert_eq!(a.clone().merge(b.clone()).unwrap_err().code(), "DV215");
    assert_eq!(b.merge(a).unwrap_err().code(), "DV215");
}

/// Own figure at a new commune (same unit as the rekeyed cell): adds.
#[test]
fn review_s12_merge_same_unit_adds() {
    let a = new_totals(&[documents("80001", 3)]);
    let b = rekeyed(&[documents("10101", 4)]);
    let m = a.merge(b).unwrap();
    assert_eq!(lh(country(&m)).map(|x| x.0), Some(7));
}

/// rest_after: "gần 10" less "hơn 4" stays sound (true 9 with part 5: 4).
#[test]
fn review_s12_rest_after_near_open_sound() {
    let r = Interval::near(10_u64).rest_after(Interval::at_least(4));
    assert!(r.low() <= 4 && r.high().map_or(true, |h| 4 <= h), "{r:?}");
}

/// rest_after: "khoảng 10" less "hơn 4": estimate not above what is
/// possible, not below low.
#[test]
fn review_s12_rest_after_about_open() {
    let r = Interval::about(10_u64).rest_after(Interval::at_least(4));
    assert!(r.high().is_none(), "{r:?}");
    if let Some(e) = r.estimate() {
        assert!(e >= r.low(), "{r:?}");
    }
}

fn persons(u: &str, v: u64) -> Figure {
    let mut f = documents(u, v);
    f.indicator = Builtin::ConferencePersons.into();
    f
}

fn persons_country(t: &Totals) -> Option<Interval> {
    t.national(
        TotalsLayer::Reported,
        IndicatorId::from(Builtin::ConferencePersons),
        Actor::MobilizationSector,
    )
}

/// Distinct: province 30 persons, communes 4 and 5 under silent districts:
/// the whole is 30.
#[test]
fn review_s12_distinct_silent_middles() {
    let t = rekeyed(&[persons("10", 30), persons("10101", 4), persons("10201", 5)]);
    let c = persons_country(&t);
    assert!(holds(c, 30), "{c:?}");
    assert_eq!(lh(c), Some((30, Some(30))), "{c:?}");
}

/// Distinct: district 3 persons with a commune's 5: DV216.
#[test]
fn review_s12_distinct_part_above_whole() {
    let err = try_rekey(&[persons("101", 3), persons("10101", 5)]).unwrap_err();
    assert_eq!(err.code(), "DV216", "{err}");
}

/// "hơn 20" at the province, 4 in a commune: the country holds more than 20.
#[test]
fn review_s12_more_than_whole_keeps_floor() {
    let t = rekeyed(&[text("10", "hơn 20"), documents("10101", 4)]);
    let o = old(&[text("10", "hơn 20"), documents("10101", 4)]);
    let c = country(&t).unwrap();
    let w = o
        .reported(&code("10"), Builtin::Documents, Actor::MobilizationSector)
        .unwrap();
    assert!(c.low() >= w.low(), "{c:?} vs old {w:?}");
}

/// "gần 30" at the province, 4 in a commune: the country no lower than old.
#[test]
fn review_s12_near_whole_keeps_floor() {
    let t = rekeyed(&[text("10", "gần 30"), documents("10101", 4)]);
    let o = old(&[text("10", "gần 30"), documents("10101", 4)]);
    let c = country(&t).unwrap();
    let w = o
        .reported(&code("10"), Builtin::Documents, Actor::MobilizationSector)
        .unwrap();
    assert!(
        c.low() >= w.low() && c.high() <= w.high(),
        "{c:?} vs old {w:?}"
    );
}
