//! Rekey options and report (issue 14, point 3: skip unknown codes and count
//! them; warnings; new units that receive nothing), and figures reported
//! above the crosswalk's level: carried, or an error naming the unit, never
//! silently dropped. Units and figures are **synthetic**.

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

/// New: provinces 80 (communes 80001, 80002) and 81 (commune 81001).
fn new_h() -> Hierarchy {
    Hierarchy::new(vec![
        Unit::new(code("80"), "NP (synthetic)"),
        Unit::new(code("80001"), "NC1 (synthetic)").with_parent(Some(code("80"))),
        Unit::new(code("80002"), "NC2 (synthetic)").with_parent(Some(code("80"))),
        Unit::new(code("81"), "NP2 (synthetic)"),
        Unit::new(code("81001"), "NC3 (synthetic)").with_parent(Some(code("81"))),
    ])
    .unwrap()
}

fn money() -> IndicatorDef {
    IndicatorDef {
        id: "money_mobilized".parse().unwrap(),
        label: "Money mobilized (synthetic)".into(),
        kind: IndicatorKind::Flow,
        unit: "đồng".into(),
        values: ValueType::Amount,
    }
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

fn amount(unit: &str, text: &str) -> Figure {
    Figure {
        indicator: money().id,
        unit: code(unit),
        period: None,
        actors: vec![Actor::MobilizationSector],
        value: None,
        amount: Some(notation::parse_measure(text).unwrap()),
        parts: Vec::new(),
    }
}

fn totals(figures: &[Figure]) -> Totals {
    let mut acc = Accumulator::new(&old_h(), Period::year(2024).unwrap(), &[money()]);
    for f in figures {
        acc.add(f).unwrap();
    }
    acc.finish().unwrap()
}

/// Rekeys onto [`new_h`] at the commune level, skipping unmapped units.
fn skipping(t: &Totals, cw: &Crosswalk) -> (Totals, RekeyReport) {
    t.rekey_with(
        cw,
        Level::Commune,
        &new_h(),
        RekeyOptions::default().skipping_unmapped(),
    )
    .unwrap()
}

fn value(t: &Totals, unit: &str, b: Builtin) -> Option<Interval> {
    t.value(&code(unit), IndicatorId::from(b), Actor::MobilizationSector)
}

#[test]
fn skipping_unmapped_units_counts_them_and_reports() {
    let t = totals(&[
        figure("10101", Builtin::Documents, 4),
        figure("10102", Builtin::Documents, 6),
    ]);
    let cw = Crosswalk::builder()
        .merge(code("10101"), code("80001"))
        .build()
        .unwrap();
    // Default: an unmapped unit with values is an error, as before.
    let err = t.rekey(&cw, Level::Commune, &new_h()).unwrap_err();
    assert_eq!(err.code(), "DV040");
    assert!(err.to_string().contains("10102"), "{err}");
    let (after, report) = skipping(&t, &cw);
    assert_eq!(report.skipped, [code("10102")]);
    assert_eq!(report.skipped_count(), 1);
    // 10102's 6 documents may lie anywhere: every new cell is widened by
    // [0, 6] (80001 was exact 4 before the skip honesty of i14-close).
    assert_eq!(
        value(&after, "80001", Builtin::Documents),
        Some(Interval::between(4, Some(10)).unwrap())
    );
    assert_eq!(
        value(&after, "81001", Builtin::Documents),
        Some(Interval::at_most(6))
    );
    assert_eq!(report.skipped_totals.len(), 1);
    let skipped = &report.skipped_totals[0];
    assert_eq!(skipped.layer, TotalsLayer::Reported);
    assert_eq!(skipped.indicator, IndicatorId::from(Builtin::Documents));
    assert_eq!(skipped.value, Some(Interval::exact(6)));
    // The units receiving nothing count placed values only.
    assert_eq!(report.receives_nothing, [code("80002"), code("81001")]);
    let codes: Vec<&str> = report.warnings.iter().map(|w| w.code().as_str()).collect();
    assert_eq!(codes, ["DV140", "DV141", "DV141"]);
    assert!(report.warnings[0].to_string().contains("10102"));
}

#[test]
fn a_province_figure_goes_where_its_communes_went() {
    // The old province reported the figure itself; its communes did not.
    let t = totals(&[
        figure("10", Builtin::Documents, 30),
        amount("10", "hơn 6,3 tỷ đồng"),
    ]);
    let cw = Crosswalk::builder()
        .merge(code("10101"), code("80001"))
        .merge(code("10102"), code("80002"))
        .build()
        .unwrap();
    let after = t.rekey(&cw, Level::Commune, &new_h()).unwrap();
    assert_eq!(
        value(&after, "80", Builtin::Documents),
        Some(Interval::exact(30))
    );
    // Each commune may hold any of it, up to the whole.
    assert_eq!(
        value(&after, "80001", Builtin::Documents),
        Some(Interval::at_most(30))
    );
    let money_80 = after
        .amount(&code("80"), &money().id, Actor::MobilizationSector)
        .unwrap();
    let low = Amount::new(Decimal::from(6_300_000_000u64)).unwrap();
    assert_eq!((money_80.value.low(), money_80.value.high()), (low, None));
    assert_eq!(value(&after, "81", Builtin::Documents), None);
}

#[test]
fn a_province_figure_split_over_two_new_provinces_gives_bounds() {
    let t = totals(&[figure("10", Builtin::Documents, 30)]);
    let cw = Crosswalk::builder()
        .merge(code("10101"), code("80001"))
        .merge(code("10102"), code("81001"))
        .build()
        .unwrap();
    let after = t.rekey(&cw, Level::Commune, &new_h()).unwrap();
    for unit in ["80", "81"] {
        assert_eq!(
            value(&after, unit, Builtin::Documents),
            Some(Interval::at_most(30)),
            "{unit}"
        );
    }
}

#[test]
fn a_figure_above_the_level_with_nowhere_to_go_is_an_error_naming_the_unit() {
    let t = totals(&[figure("101", Builtin::Documents, 7)]);
    // No unit of district 101 is mapped, and it has no entry of its own.
    let cw = Crosswalk::builder().build().unwrap();
    let err = t.rekey(&cw, Level::Commune, &new_h()).unwrap_err();
    assert_eq!(err.code(), "DV105");
    assert!(err.to_string().contains("\"101\""), "{err}");
    assert!(err.to_string().contains("documents"), "{err}");
}

#[test]
fn where_communes_reported_too_their_figures_are_carried_not_added_twice() {
    let t = totals(&[
        figure("10", Builtin::Documents, 10),
        figure("10101", Builtin::Documents, 4),
        figure("10102", Builtin::Documents, 6),
    ]);
    let cw = Crosswalk::builder()
        .merge(code("10101"), code("80001"))
        .merge(code("10102"), code("80002"))
        .build()
        .unwrap();
    let after = t.rekey(&cw, Level::Commune, &new_h()).unwrap();
    assert_eq!(
        value(&after, "80", Builtin::Documents),
        Some(Interval::exact(10))
    );
}

/// A commune split over two new provinces: the reported documents and the
/// amount are `[0, v]` in each province, exactly `v` in the country's cell,
/// through the rows and back; skipping a unit widens the country's cell.
#[test]
fn the_countrys_cell_of_figures_and_amounts() {
    let t = totals(&[
        figure("10101", Builtin::Documents, 4),
        figure("10102", Builtin::Documents, 6),
        amount("10101", "6 tỷ đồng"),
        amount("10102", "0 đồng"),
    ]);
    let cw = Crosswalk::builder()
        .split_unknown(code("10101"), &[code("80001"), code("81001")])
        .merge(code("10102"), code("80002"))
        .build()
        .unwrap();
    let after = t.rekey(&cw, Level::Commune, &new_h()).unwrap();
    assert_eq!(
        value(&after, "81", Builtin::Documents),
        Some(Interval::at_most(4))
    );
    let docs = IndicatorId::from(Builtin::Documents);
    let sector = Actor::MobilizationSector;
    let country = after.level_total(Level::Province, docs.clone(), sector);
    assert_eq!(country.unwrap(), Some(Interval::exact(10)));
    assert_eq!(
        after.national(TotalsLayer::Reported, docs.clone(), sector),
        Some(Interval::exact(10))
    );
    let money_id = money().id;
    let six = Amount::new(Decimal::new(6_000_000_000, 0)).unwrap();
    let cell = after.national_amount(&money_id, sector).unwrap();
    assert_eq!(cell.value, Interval::exact(six));
    let in_81 = after.amount(&code("81"), &money_id, sector).unwrap();
    assert_eq!(
        (in_81.value.low(), in_81.value.high()),
        (Amount::default(), Some(six))
    );
    let rows = after.rows();
    assert!(rows
        .iter()
        .any(|r| r.layer == TotalsLayer::CountryReported && r.amount.is_some()));
    let back =
        Totals::from_rows(after.hierarchy(), after.period(), after.indicators(), rows).unwrap();
    assert_eq!(back, after);
    // Without 10102's entry, skipped: the country is from 4 to 10.
    let cw = Crosswalk::builder()
        .split_unknown(code("10101"), &[code("80001"), code("81001")])
        .build()
        .unwrap();
    let (after, report) = skipping(&t, &cw);
    let country = after.level_total(Level::Province, docs, sector).unwrap();
    assert_eq!(country, Some(Interval::between(4, Some(10)).unwrap()));
    assert_eq!(report.skipped, [code("10102")]);
}

/// Merging two rekeyed parts whose reported stocks share no new unit: their
/// old units differ, so the country's stock is the sum (it used to be the
/// later of the two, exactly 6 where the data gives 10).
#[test]
fn merge_of_rekeyed_parts_adds_the_countrys_stock_across_units() {
    let cw = Crosswalk::builder()
        .merge(code("10101"), code("81001"))
        .merge(code("10102"), code("80002"))
        .build()
        .unwrap();
    let rekeyed = |figures: &[Figure]| {
        totals(figures)
            .rekey(&cw, Level::Commune, &new_h())
            .unwrap()
    };
    let a = figure("10101", Builtin::GrassrootsBlocks, 4);
    let b = figure("10102", Builtin::GrassrootsBlocks, 6);
    let whole = rekeyed(&[a.clone(), b.clone()]);
    let merged = rekeyed(&[a]).merge(rekeyed(&[b])).unwrap();
    let blocks = IndicatorId::from(Builtin::GrassrootsBlocks);
    let sector = Actor::MobilizationSector;
    assert_eq!(
        whole.national(TotalsLayer::Reported, blocks.clone(), sector),
        Some(Interval::exact(10))
    );
    assert_eq!(
        merged.national(TotalsLayer::Reported, blocks.clone(), sector),
        Some(Interval::exact(10))
    );
    assert!(merged == whole);
}

/// Two rekeyed parts whose stocks meet at a new unit (two old communes
/// merged into one new commune; an old commune split across provinces beside
/// another in one of them): the value there may be one old unit's later
/// figure or several old units' sum, so the merge refuses (DV212, naming the
/// first such unit) — it used to keep one part's value as exact (6 where the
/// data gives 10). Merging before rekeying gives the sum.
#[test]
fn merge_of_rekeyed_parts_refuses_stocks_of_old_units_met_in_one() {
    let a = figure("10101", Builtin::GrassrootsBlocks, 4);
    let b = figure("10102", Builtin::GrassrootsBlocks, 6);
    let merged_in_one = Crosswalk::builder()
        .merge(code("10101"), code("80001"))
        .merge(code("10102"), code("80001"))
        .build()
        .unwrap();
    let crossing = Crosswalk::builder()
        .split_unknown(code("10101"), &[code("80001"), code("81001")])
        .merge(code("10102"), code("80002"))
        .build()
        .unwrap();
    for cw in [&merged_in_one, &crossing] {
        let rekey = |t: Totals| t.rekey(cw, Level::Commune, &new_h()).unwrap();
        let whole = rekey(totals(&[a.clone(), b.clone()]));
        let err = rekey(totals(std::slice::from_ref(&a)))
            .merge(rekey(totals(std::slice::from_ref(&b))))
            .unwrap_err();
        assert_eq!(err.code(), "DV212");
        assert!(err.to_string().contains("at unit \"80\""), "{err}");
        assert!(danvan::render::vi::message(err.kind()).contains("gộp trước khi chuyển đổi"));
        let merged_first = rekey(
            totals(std::slice::from_ref(&a))
                .merge(totals(std::slice::from_ref(&b)))
                .unwrap(),
        );
        assert!(merged_first == whole);
    }
    let whole = totals(&[a, b])
        .rekey(&merged_in_one, Level::Commune, &new_h())
        .unwrap();
    assert_eq!(
        value(&whole, "80001", Builtin::GrassrootsBlocks),
        Some(Interval::exact(10))
    );
    // Flows still add at a shared unit.
    let rekey = |t: Totals| t.rekey(&merged_in_one, Level::Commune, &new_h()).unwrap();
    let d1 = figure("10101", Builtin::Documents, 4);
    let d2 = figure("10102", Builtin::Documents, 6);
    let docs = rekey(totals(&[d1])).merge(rekey(totals(&[d2]))).unwrap();
    assert_eq!(
        value(&docs, "80001", Builtin::Documents),
        Some(Interval::exact(10))
    );
}
