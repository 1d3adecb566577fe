//! Review of `Totals::merge` of rekeyed totals (commit 53ea1f7, issue 14
//! point 2): where the "no unit shared ⇒ the sum is exact" rule holds, where
//! it refuses, and what `apply` of a figure (a merge inside) now does on
//! rekeyed totals. Units and figures are **synthetic**.

use danvan::*;
use rust_decimal::Decimal;

fn code(s: &str) -> UnitCode {
    s.parse().unwrap()
}

/// Old: province 10, district 101 with communes 10101 and 10102.
fn old_h() -> Hierarchy {
    Hierarchy::new(vec![
        Unit::new(code("10"), "P (synthetic)"),
        Unit::new(code("101"), "D1 (synthetic)").with_parent(Some(code("10"))),
        Unit::new(code("10101"), "C1 (synthetic)").with_parent(Some(code("101"))),
        Unit::new(code("10102"), "C2 (synthetic)").with_parent(Some(code("101"))),
    ])
    .unwrap()
}

/// New: provinces 80 (communes 80001, 80002) and 81 (commune 81001, and a
/// district-level unit 811).
fn new_h() -> Hierarchy {
    Hierarchy::new(vec![
        Unit::new(code("80"), "NP (synthetic)"),
        Unit::new(code("80001"), "NC1 (synthetic)").with_parent(Some(code("80"))),
        Unit::new(code("80002"), "NC2 (synthetic)").with_parent(Some(code("80"))),
        Unit::new(code("81"), "NP2 (synthetic)"),
        Unit::new(code("81001"), "NC3 (synthetic)").with_parent(Some(code("81"))),
        Unit::new(code("811"), "NZ (synthetic special zone)").with_parent(Some(code("81"))),
    ])
    .unwrap()
}

/// A custom stock of amounts (synthetic).
fn fund() -> IndicatorDef {
    IndicatorDef {
        id: "fund_balance".parse().unwrap(),
        label: "Fund balance (synthetic)".into(),
        kind: IndicatorKind::Stock,
        unit: "đồng".into(),
        values: ValueType::Amount,
    }
}

fn period() -> Period {
    Period::year(2024).unwrap()
}

fn figure(unit: &str, indicator: Builtin, value: u64) -> Figure {
    Figure {
        indicator: indicator.into(),
        unit: code(unit),
        period: None,
        actors: vec![Actor::MobilizationSector],
        value: Some(Reported::exact(Count::new(value))),
        amount: None,
        parts: Vec::new(),
    }
}

fn fund_figure(unit: &str, text: &str) -> Figure {
    Figure {
        indicator: fund().id,
        unit: code(unit),
        period: None,
        actors: vec![Actor::MobilizationSector],
        value: None,
        amount: Some(notation::parse_measure(text).unwrap()),
        parts: Vec::new(),
    }
}

fn totals(figures: &[Figure]) -> Totals {
    let mut acc = Accumulator::new(&old_h(), period(), &[fund()]);
    for f in figures {
        acc.add(f).unwrap();
    }
    acc.finish().unwrap()
}

fn rekey(t: &Totals, cw: &Crosswalk) -> Totals {
    t.rekey(cw, Level::Commune, &new_h()).unwrap()
}

fn blocks(t: &Totals, unit: &str) -> Option<Interval> {
    t.value(
        &code(unit),
        IndicatorId::from(Builtin::GrassrootsBlocks),
        Actor::MobilizationSector,
    )
}

fn country_blocks(t: &Totals) -> Option<Interval> {
    t.national(
        TotalsLayer::Reported,
        IndicatorId::from(Builtin::GrassrootsBlocks),
        Actor::MobilizationSector,
    )
}

fn apart() -> Crosswalk {
    Crosswalk::builder()
        .merge(code("10101"), code("81001"))
        .merge(code("10102"), code("80002"))
        .build()
        .unwrap()
}

/// Merging with empty totals (either side, rekeyed or not) changes nothing.
#[test]
fn merge_of_rekeyed_totals_with_empty_ones_is_the_same() {
    let t = rekey(
        &totals(&[
            figure("10101", Builtin::GrassrootsBlocks, 4),
            figure("10102", Builtin::GrassrootsBlocks, 6),
        ]),
        &apart(),
    );
    let empty = Totals::empty(&new_h(), period(), &[fund()]);
    assert!(t.clone().merge(empty.clone()).unwrap() == t);
    assert!(empty.merge(t.clone()).unwrap() == t);
    assert_eq!(country_blocks(&t), Some(Interval::exact(10)));
}

/// Rekeyed totals merged with themselves are refused (they are not disjoint
/// parts; the stock there would be the later value, not twice it).
#[test]
fn merge_of_rekeyed_totals_with_themselves_is_refused() {
    let t = rekey(
        &totals(&[figure("10101", Builtin::GrassrootsBlocks, 4)]),
        &apart(),
    );
    let err = t.clone().merge(t).unwrap_err();
    assert_eq!(err.code(), "DV212", "{err}");
}

/// Applying a stock figure to rekeyed totals at a unit that holds a value:
/// refused (DV212), all or nothing.
#[test]
fn applying_a_stock_figure_at_a_held_unit_of_rekeyed_totals_is_refused_whole() {
    let mut t = rekey(
        &totals(&[figure("10101", Builtin::GrassrootsBlocks, 4)]),
        &apart(),
    );
    let before = t.clone();
    let err = t
        .apply(&figure("81001", Builtin::GrassrootsBlocks, 7))
        .unwrap_err();
    assert_eq!(err.code(), "DV212", "{err}");
    assert!(t == before);
}

/// Applying a stock figure at a new commune with no value, beside a commune
/// the rekey filled in the same province: the province's rekeyed cell is a
/// sum of old units, and the figure's commune may or may not be among them.
/// It used to be accepted with province 80 left at exactly 4 while its
/// communes held 4 and 7 (and the country 11): now refused (DV212, at the
/// province), all or nothing.
#[test]
fn applying_a_stock_figure_beside_rekeyed_cells_is_refused_at_their_province() {
    let cw = Crosswalk::builder()
        .merge(code("10101"), code("80001"))
        .merge(code("10102"), code("81001"))
        .build()
        .unwrap();
    let mut t = rekey(
        &totals(&[figure("10101", Builtin::GrassrootsBlocks, 4)]),
        &cw,
    );
    let before = t.clone();
    let err = t
        .apply(&figure("80002", Builtin::GrassrootsBlocks, 7))
        .unwrap_err();
    assert_eq!(err.code(), "DV212", "{err}");
    assert!(err.to_string().contains("at unit \"80\""), "{err}");
    assert!(t == before);
    // In province 81 the rekey filled nothing (10102 reported no blocks):
    // a figure there meets no rekeyed cell, and the country adds. 10102's
    // blocks, which no figure states, lie in 81001: at least 7 there.
    t.apply(&figure("81001", Builtin::GrassrootsBlocks, 7))
        .unwrap();
    assert_eq!(blocks(&t, "81001"), Some(Interval::at_least(7)));
    // Province 81 is at least 7 (its zone 811 reported nothing), as is its
    // share of the country: 4 + at least 7.
    assert_eq!(blocks(&t, "81"), Some(Interval::at_least(7)));
    assert_eq!(country_blocks(&t), Some(Interval::at_least(11)));
}

/// The same for a flow: a figure applied beside rekeyed cells. It left the
/// province's rekeyed cell (a sum of old units, held as the province's own
/// figure) at 4 where its communes hold 4 and 7 (review s9: `combine_own`
/// kept a unit's own cell); the figure is now rolled up beside the rekeyed
/// cells and the two add: exactly 11.
#[test]
fn applying_a_flow_figure_beside_rekeyed_cells_keeps_the_province_honest() {
    let cw = Crosswalk::builder()
        .merge(code("10101"), code("80001"))
        .merge(code("10102"), code("81001"))
        .build()
        .unwrap();
    let mut t = rekey(&totals(&[figure("10101", Builtin::Documents, 4)]), &cw);
    t.apply(&figure("80002", Builtin::Documents, 7)).unwrap();
    let docs = |u: &str| {
        t.value(
            &code(u),
            IndicatorId::from(Builtin::Documents),
            Actor::MobilizationSector,
        )
    };
    assert_eq!(docs("80"), Some(Interval::exact(11)), "province 80");
    assert_eq!(docs("80001"), Some(Interval::exact(4)));
    assert_eq!(docs("80002"), Some(Interval::exact(7)));
    assert_eq!(docs("81"), None, "nothing was held in province 81");
}

/// A split with shares across provinces beside a merge in another part:
/// they share a province, so refused; the whole rekeyed gives the sum.
#[test]
fn split_parts_meet_at_a_province_and_are_refused() {
    let cw = Crosswalk::builder()
        .split(
            code("10101"),
            &[
                (code("80001"), Decimal::new(5, 1)),
                (code("81001"), Decimal::new(5, 1)),
            ],
        )
        .merge(code("10102"), code("80002"))
        .build()
        .unwrap();
    let a = figure("10101", Builtin::GrassrootsBlocks, 4);
    let b = figure("10102", Builtin::GrassrootsBlocks, 6);
    let err = rekey(&totals(std::slice::from_ref(&a)), &cw)
        .merge(rekey(&totals(std::slice::from_ref(&b)), &cw))
        .unwrap_err();
    assert_eq!(err.code(), "DV212");
    assert_eq!(
        country_blocks(&rekey(&totals(&[a, b]), &cw)),
        Some(Interval::exact(10))
    );
}

/// A part rekeyed with an unmapped unit skipped widens every cell, so it
/// shares units with any other part: refused, never a wrong sum.
#[test]
fn a_part_with_skipped_units_is_refused_not_summed() {
    let cw = Crosswalk::builder()
        .merge(code("10101"), code("81001"))
        .build()
        .unwrap();
    let skip = |t: &Totals| {
        t.rekey_with(
            &cw,
            Level::Commune,
            &new_h(),
            RekeyOptions::default().skipping_unmapped(),
        )
        .unwrap()
        .0
    };
    let a = skip(&totals(&[figure("10101", Builtin::GrassrootsBlocks, 4)]));
    let b = skip(&totals(&[figure("10102", Builtin::GrassrootsBlocks, 6)]));
    match a.merge(b) {
        Ok(m) => {
            let whole = skip(&totals(&[
                figure("10101", Builtin::GrassrootsBlocks, 4),
                figure("10102", Builtin::GrassrootsBlocks, 6),
            ]));
            assert_eq!(country_blocks(&m), country_blocks(&whole));
            assert_eq!(blocks(&m, "81001"), blocks(&whole, "81001"));
        }
        Err(e) => assert_eq!(e.code(), "DV212", "{e}"),
    }
}

/// A district-level entry: the district's own stock (its whole, commune
/// 10101 included) goes to the special zone 811, the commune's to 80001 —
/// no unit shared, but the old units are nested, so their sum counts the
/// commune twice: exactly 14 where the data fixes 10. KNOWN BUG of 53ea1f7:
/// "no unit shared ⇒ old units differ" holds, but differing old units may
/// be nested (a district and its commune), so their stocks overlap.
#[test]
fn nested_old_units_in_two_parts_are_not_summed() {
    let cw = Crosswalk::builder()
        .merge(code("10101"), code("80001"))
        .merge(code("10102"), code("80001"))
        .merge(code("101"), code("811"))
        .build()
        .unwrap();
    let a = figure("101", Builtin::GrassrootsBlocks, 10);
    let b = figure("10101", Builtin::GrassrootsBlocks, 4);
    let whole = totals(&[a.clone(), b.clone()]).rekey(&cw, Level::Commune, &new_h());
    let parts = totals(std::slice::from_ref(&a))
        .rekey(&cw, Level::Commune, &new_h())
        .and_then(|x| {
            x.merge(totals(std::slice::from_ref(&b)).rekey(&cw, Level::Commune, &new_h())?)
        });
    // The data fixes the country at 10 (the district's own figure is its
    // whole, the commune's 4 inside it): the parts may be refused, not summed.
    // Part A's rest lies at the special zone and at province 80 (where
    // commune 10102 went), part B's commune at 80001 in 80: refused.
    match parts {
        Ok(m) => assert_eq!(country_blocks(&m), Some(Interval::exact(10))),
        Err(e) => assert_eq!(e.code(), "DV212", "{e}"),
    }
    // The whole rekeyed gives 10: the commune's 4 goes with it, the rest of
    // the district's own figure (6) to the special zone and to the province
    // of its other commune (it dropped the district's figure, giving 4).
    let whole = whole.unwrap();
    assert_eq!(country_blocks(&whole), Some(Interval::exact(10)));
    // 80001 holds the commune's 4 and commune 10102, which no figure below
    // the district's covers: up to the district's rest more.
    assert_eq!(
        blocks(&whole, "80001"),
        Some(Interval::between(4, Some(10)).unwrap())
    );
}

/// Amount stocks: apart they add for the country; met at a province, refused.
#[test]
fn amount_stocks_add_apart_and_are_refused_when_met() {
    let a = fund_figure("10101", "4 tỷ đồng");
    let b = fund_figure("10102", "6 tỷ đồng");
    let sector = Actor::MobilizationSector;
    let merged = rekey(&totals(std::slice::from_ref(&a)), &apart())
        .merge(rekey(&totals(std::slice::from_ref(&b)), &apart()))
        .unwrap();
    let whole = rekey(&totals(&[a.clone(), b.clone()]), &apart());
    let ten = Amount::new(Decimal::new(10_000_000_000, 0)).unwrap();
    assert_eq!(
        merged.national_amount(&fund().id, sector).unwrap().value,
        Interval::exact(ten)
    );
    assert!(merged == whole);
    let met = Crosswalk::builder()
        .merge(code("10101"), code("80001"))
        .merge(code("10102"), code("80002"))
        .build()
        .unwrap();
    let err = rekey(&totals(std::slice::from_ref(&a)), &met)
        .merge(rekey(&totals(std::slice::from_ref(&b)), &met))
        .unwrap_err();
    assert_eq!(err.code(), "DV212", "{err}");
    assert!(err.to_string().contains("fund_balance"), "{err}");
}

/// Records-layer stocks (grassroots blocks from block records) add at a
/// shared new unit: each record is one block, never counted twice.
#[test]
fn records_layer_stocks_still_add_at_a_shared_unit() {
    let cw = Crosswalk::builder()
        .merge(code("10101"), code("80001"))
        .merge(code("10102"), code("80001"))
        .build()
        .unwrap();
    let part = |unit: &str| {
        let mut acc = Accumulator::new(&old_h(), period(), &[]);
        let b: GrassrootsBlock = serde_json::from_str(&format!(r#"{{"unit": "{unit}"}}"#)).unwrap();
        acc.add(&b).unwrap();
        acc.finish()
            .unwrap()
            .rekey(&cw, Level::Commune, &new_h())
            .unwrap()
    };
    let merged = part("10101").merge(part("10102")).unwrap();
    let id = IndicatorId::from(Builtin::GrassrootsBlocks);
    let sector = Actor::MobilizationSector;
    assert_eq!(
        merged.get(&code("80001"), id.clone(), sector),
        Some(Interval::exact(2))
    );
    assert_eq!(
        merged.national(TotalsLayer::Records, id, sector),
        Some(Interval::exact(2))
    );
}
