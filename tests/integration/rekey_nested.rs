//! Rekeyed parts of nested old units (issue 14): a district's own figure is
//! its whole, a commune's figure lies inside it. Rekeyed apart, no new unit
//! tells them apart, so `Totals::merge` refuses them (DV215) by the old
//! units the totals carry; disjoint old units still add. Units and figures
//! are **synthetic**.

use danvan::*;
use rust_decimal::Decimal;

pub(crate) fn code(s: &str) -> UnitCode {
    s.parse().unwrap()
}

/// Old: province 10, district 101 (communes 10101, 10102), district 102
/// (commune 10201).
pub(crate) fn old_h() -> Hierarchy {
    Hierarchy::new(vec![
        Unit::new(code("10"), "P (synthetic)"),
        Unit::new(code("101"), "D1 (synthetic)").with_parent(Some(code("10"))),
        Unit::new(code("10101"), "C1 (synthetic)").with_parent(Some(code("101"))),
        Unit::new(code("10102"), "C2 (synthetic)").with_parent(Some(code("101"))),
        Unit::new(code("102"), "D2 (synthetic)").with_parent(Some(code("10"))),
        Unit::new(code("10201"), "C3 (synthetic)").with_parent(Some(code("102"))),
    ])
    .unwrap()
}

/// New: province 80 (communes 80001, 80002), province 81 (special zone 811).
pub(crate) fn new_h() -> Hierarchy {
    Hierarchy::new(vec![
        Unit::new(code("80"), "NP (synthetic)"),
        Unit::new(code("80001"), "NC1 (synthetic)").with_parent(Some(code("80"))),
        Unit::new(code("80002"), "NC2 (synthetic)").with_parent(Some(code("80"))),
        Unit::new(code("81"), "NP2 (synthetic)"),
        Unit::new(code("811"), "NZ (synthetic special zone)").with_parent(Some(code("81"))),
    ])
    .unwrap()
}

pub(crate) fn crosswalk() -> Crosswalk {
    Crosswalk::builder()
        .merge(code("10101"), code("80001"))
        .merge(code("10102"), code("80001"))
        .merge(code("101"), code("811"))
        .merge(code("10201"), code("80002"))
        .build()
        .unwrap()
}

/// A custom flow of money (synthetic).
pub(crate) fn gifts() -> IndicatorDef {
    IndicatorDef {
        id: "gift_money".parse().unwrap(),
        label: "Gift money (synthetic)".into(),
        kind: IndicatorKind::Flow,
        unit: "đồng".into(),
        values: ValueType::Amount,
    }
}

fn documents(unit: &str, value: u64) -> Figure {
    Figure {
        indicator: Builtin::Documents.into(),
        unit: code(unit),
        period: None,
        actors: vec![Actor::MobilizationSector],
        value: Some(Reported::exact(Count::new(value))),
        amount: None,
        parts: Vec::new(),
    }
}

pub(crate) fn money(unit: &str, text: &str) -> Figure {
    Figure {
        indicator: gifts().id,
        unit: code(unit),
        period: None,
        actors: vec![Actor::MobilizationSector],
        value: None,
        amount: Some(notation::parse_measure(text).unwrap()),
        parts: Vec::new(),
    }
}

fn rekeyed(figures: &[Figure]) -> Totals {
    let mut acc = Accumulator::new(&old_h(), Period::year(2024).unwrap(), &[gifts()]);
    for f in figures {
        acc.add(f).unwrap();
    }
    acc.finish()
        .unwrap()
        .rekey(&crosswalk(), Level::Commune, &new_h())
        .unwrap()
}

fn country_documents(t: &Totals) -> Option<Interval> {
    t.national(
        TotalsLayer::Reported,
        IndicatorId::from(Builtin::Documents),
        Actor::MobilizationSector,
    )
}

pub(crate) fn billion(n: i64) -> Amount {
    Amount::new(Decimal::new(n * 1_000_000_000, 0)).unwrap()
}

/// The district's own 10 documents and its commune's 4, rekeyed apart: the
/// merge summed them to 14 where the data fixes 10. Refused, naming both.
#[test]
fn a_district_and_its_commune_rekeyed_apart_are_refused() {
    let district = rekeyed(&[documents("101", 10)]);
    let commune = rekeyed(&[documents("10101", 4)]);
    for (a, b) in [
        (district.clone(), commune.clone()),
        (commune.clone(), district.clone()),
    ] {
        let err = a.merge(b).unwrap_err();
        assert_eq!(err.code(), "DV215", "{err}");
        let text = err.to_string();
        assert!(
            text.contains("\"101\"") && text.contains("\"10101\""),
            "{text}"
        );
        let vi = render::vi::message(err.kind());
        assert!(vi.contains("bao gồm") && vi.contains("\"10101\""), "{vi}");
    }
    // The whole, rekeyed at once, is 10.
    let whole = rekeyed(&[documents("101", 10), documents("10101", 4)]);
    assert_eq!(country_documents(&whole), Some(Interval::exact(10)));
}

/// The province's own figure nests over every unit: refused with any of them.
#[test]
fn a_province_figure_nests_over_a_commune_of_another_district() {
    let province = rekeyed(&[documents("10", 30)]);
    let commune = rekeyed(&[documents("10201", 5)]);
    let err = province.merge(commune).unwrap_err();
    assert_eq!(err.code(), "DV215", "{err}");
    assert!(err.to_string().contains("\"10201\""), "{err}");
}

/// Disjoint old units (two districts' communes) still add: the merge is
/// the rekey of the whole.
#[test]
fn disjoint_old_units_rekeyed_apart_add() {
    let a = rekeyed(&[documents("10101", 4), documents("101", 9)]);
    let b = rekeyed(&[documents("10201", 6)]);
    let merged = a.merge(b).unwrap();
    let whole = rekeyed(&[
        documents("10101", 4),
        documents("101", 9),
        documents("10201", 6),
    ]);
    assert_eq!(country_documents(&merged), Some(Interval::exact(15)));
    assert_eq!(country_documents(&merged), country_documents(&whole));
    assert!(merged == whole);
    // And the merged totals keep what they carry: the district's figure
    // meets its commune in a third part.
    let err = merged.merge(rekeyed(&[documents("10102", 1)])).unwrap_err();
    assert_eq!(err.code(), "DV215", "{err}");
}

/// The same old unit in two parts: flows of one unit add, as they do
/// before a rekey.
#[test]
fn one_old_unit_in_two_parts_adds_its_flows() {
    let merged = rekeyed(&[documents("10101", 4)])
        .merge(rekeyed(&[documents("10101", 3)]))
        .unwrap();
    assert_eq!(country_documents(&merged), Some(Interval::exact(7)));
}

/// Amounts carry their old units too.
#[test]
fn nested_amounts_are_refused_and_disjoint_ones_add() {
    let district = rekeyed(&[money("101", "10 tỷ đồng")]);
    let commune = rekeyed(&[money("10101", "4 tỷ đồng")]);
    let err = district.merge(commune).unwrap_err();
    assert_eq!(err.code(), "DV215", "{err}");
    assert!(err.to_string().contains("gift_money"), "{err}");
    let merged = rekeyed(&[money("101", "10 tỷ đồng")])
        .merge(rekeyed(&[money("10201", "4 tỷ đồng")]))
        .unwrap();
    let sector = Actor::MobilizationSector;
    assert_eq!(
        merged.national_amount(&gifts().id, sector).unwrap().value,
        Interval::exact(billion(14))
    );
    // The whole rekeyed at once: the commune's 4 with it, the rest 6.
    let whole = rekeyed(&[money("101", "10 tỷ đồng"), money("10101", "4 tỷ đồng")]);
    assert_eq!(
        whole.national_amount(&gifts().id, sector).unwrap().value,
        Interval::exact(billion(10))
    );
}

/// Different indicators never nest: a district's documents beside its
/// commune's conferences merge.
#[test]
fn nesting_is_per_indicator() {
    let mut conf = documents("10101", 2);
    conf.indicator = Builtin::Conferences.into();
    let merged = rekeyed(&[documents("101", 10)])
        .merge(rekeyed(&[conf]))
        .unwrap();
    assert_eq!(country_documents(&merged), Some(Interval::exact(10)));
}

/// The old units' parents (to tell nesting in the property below).
fn old_parent(u: &str) -> Option<&'static str> {
    match u {
        "101" | "102" => Some("10"),
        "10101" | "10102" => Some("101"),
        "10201" => Some("102"),
        _ => None,
    }
}

fn within(lower: &str, upper: &str) -> bool {
    let mut at = old_parent(lower);
    while let Some(p) = at {
        if p == upper {
            return true;
        }
        at = old_parent(p);
    }
    false
}

const OLD: [&str; 6] = ["10", "101", "10101", "10102", "102", "10201"];

/// What the figures below old unit `u` give: each child's figure, else
/// what is below it.
fn carried_below(u: &str, figure: &dyn Fn(&str) -> Option<u64>) -> u64 {
    OLD.iter()
        .filter(|c| old_parent(c) == Some(u))
        .map(|c| figure(c).unwrap_or_else(|| carried_below(c, figure)))
        .sum()
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Figures on old units of every level, in two parts: the parts merge to the whole exactly
    /// when no figure of one lies within a figure of the other, and are
    /// refused (DV215) exactly when one does.
    #[test]
    fn parts_of_figures_at_every_level_merge_to_the_whole_or_are_refused(
        values in proptest::collection::vec(proptest::option::of(0_u64..20), 6),
        sides in proptest::collection::vec(proptest::bool::ANY, 6),
    ) {
        let figures: Vec<(usize, Figure)> = values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| (i, documents(OLD[i], v))))
            .collect();
        let all: Vec<Figure> = figures.iter().map(|(_, f)| f.clone()).collect();
        let pick = |side: bool| -> Vec<Figure> {
            figures.iter().filter(|(i, _)| sides[*i] == side).map(|(_, f)| f.clone()).collect()
        };
        let (a, b) = (pick(true), pick(false));
        // (The whole's country is not compared with the old province's
        // value: a rekey counts an old unit that reported nothing as
        // holding nothing, where the old roll-up makes its parent a lower
        // bound — known, noted on issue 14.)
        // Figures below a unit certainly above its own (a part above its
        // whole) are refused by the rekey (DV216, s12); without them, no
        // subset of the figures has one either.
        let figure = |u: &str| OLD.iter().position(|x| *x == u).and_then(|i| values[i]);
        if OLD.iter().any(|u| figure(u).is_some_and(|w| carried_below(u, &figure) > w)) {
            let mut acc = Accumulator::new(&old_h(), Period::year(2024).unwrap(), &[gifts()]);
            for f in &all {
                acc.add(f).unwrap();
            }
            let err = acc
                .finish()
                .unwrap()
                .rekey(&crosswalk(), Level::Commune, &new_h())
                .unwrap_err();
            proptest::prop_assert_eq!(err.code(), "DV216");
            return Ok(());
        }
        let whole = rekeyed(&all);
        let nested = a.iter().any(|x| b.iter().any(|y| {
            let (x, y) = (x.unit.to_string(), y.unit.to_string());
            within(&x, &y) || within(&y, &x)
        }));
        match rekeyed(&a).merge(rekeyed(&b)) {
            Ok(m) => {
                proptest::prop_assert!(!nested, "nested parts merged: {a:?} / {b:?}");
                proptest::prop_assert_eq!(country_documents(&m), country_documents(&whole), "merged vs whole");
                proptest::prop_assert!(m == whole);
            }
            Err(e) => {
                proptest::prop_assert!(nested, "refused: {e}");
                proptest::prop_assert_eq!(e.code(), "DV215");
            }
        }
    }
}
