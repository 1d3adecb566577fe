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

/// Old: province 10, district 101 (commune 10101), and commune 10201
/// straight under the province (no district above it).
pub(crate) fn orphan_old() -> Hierarchy {
    Hierarchy::new(vec![
        Unit::new(code("10"), "P (synthetic)"),
        Unit::new(code("101"), "D1 (synthetic)").with_parent(Some(code("10"))),
        Unit::new(code("10101"), "C1 (synthetic)").with_parent(Some(code("101"))),
        Unit::new(code("10201"), "C3 (synthetic)").with_parent(Some(code("10"))),
    ])
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

fn old_totals(figures: &[Figure]) -> Totals {
    let mut acc = Accumulator::new(&old_h(), Period::year(2024).unwrap(), &[gifts()]);
    for f in figures {
        acc.add(f).unwrap();
    }
    acc.finish().unwrap()
}

fn rekeyed(figures: &[Figure]) -> Totals {
    old_totals(figures)
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
    // The whole, rekeyed at once, is 10 when the other district reports
    // (0); while it reports nothing, at least 10.
    let whole = rekeyed(&[documents("101", 10), documents("10101", 4)]);
    assert_eq!(country_documents(&whole), Some(Interval::at_least(10)));
    let whole = rekeyed(&[
        documents("101", 10),
        documents("10101", 4),
        documents("10201", 0),
    ]);
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
/// before a rekey. The other communes report 0 in one part: the other
/// part's silence about them is no silence of the whole, which is exact.
#[test]
fn one_old_unit_in_two_parts_adds_its_flows() {
    let merged = rekeyed(&[
        documents("10101", 4),
        documents("10102", 0),
        documents("10201", 0),
    ])
    .merge(rekeyed(&[documents("10101", 3)]))
    .unwrap();
    assert_eq!(country_documents(&merged), Some(Interval::exact(7)));
    // Silent in both parts, they leave the country at least 7.
    let merged = rekeyed(&[documents("10101", 4)])
        .merge(rekeyed(&[documents("10101", 3)]))
        .unwrap();
    assert_eq!(country_documents(&merged), Some(Interval::at_least(7)));
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
    // The whole rekeyed at once: the commune's 4 with it, the rest 6 (the
    // other district's commune reports 0).
    let whole = rekeyed(&[
        money("101", "10 tỷ đồng"),
        money("10101", "4 tỷ đồng"),
        money("10201", "0 đồng"),
    ]);
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
    let merged = rekeyed(&[documents("101", 10), documents("10201", 0)])
        .merge(rekeyed(&[conf]))
        .unwrap();
    assert_eq!(country_documents(&merged), Some(Interval::exact(10)));
}

fn docs(t: &Totals, u: &str) -> Option<Interval> {
    t.reported(&code(u), Builtin::Documents, Actor::MobilizationSector)
}

fn new_totals(figures: &[Figure]) -> Totals {
    let mut acc = Accumulator::new(&new_h(), Period::year(2024).unwrap(), &[gifts()]);
    for f in figures {
        acc.add(f).unwrap();
    }
    acc.finish().unwrap()
}

/// Issue 14: commune 10101 reported nothing, 10102 reported 0. The old
/// roll-up says their district and province hold "at least 0"; the new
/// commune both merged into, its province and the country must say so too
/// (they came out exactly 0). Every reading sees it: the reported value,
/// the printed value, the level total, the country's cell and the rows.
#[test]
fn a_silent_old_commune_leaves_its_new_commune_and_all_above_at_least() {
    let sector = Actor::MobilizationSector;
    let figs = [documents("10102", 0)];
    let o = old_totals(&figs);
    assert_eq!(docs(&o, "101"), Some(Interval::at_least(0)));
    assert_eq!(docs(&o, "10"), Some(Interval::at_least(0)));
    let t = rekeyed(&figs);
    for u in ["80001", "80"] {
        assert_eq!(docs(&t, u), Some(Interval::at_least(0)), "{u}");
        assert_eq!(
            t.value(&code(u), Builtin::Documents, sector),
            Some(Interval::at_least(0)),
            "{u}"
        );
    }
    assert_eq!(country_documents(&t), Some(Interval::at_least(0)));
    assert_eq!(
        t.level_total(Level::Province, Builtin::Documents, sector)
            .unwrap(),
        Some(Interval::at_least(0))
    );
    // The rows carry the lower bounds (sound when read by an app).
    let id = IndicatorId::from(Builtin::Documents);
    let rows = t.rows();
    for (layer, unit) in [
        (TotalsLayer::Reported, "80001"),
        (TotalsLayer::Reported, "80"),
        (TotalsLayer::CountryReported, "80"),
    ] {
        let row = rows
            .iter()
            .find(|r| r.layer == layer && r.unit == code(unit) && r.indicator == id)
            .unwrap();
        assert_eq!(
            row.interval(),
            Some(Interval::at_least(0)),
            "{layer:?} {unit}"
        );
    }
    // Every commune reported: exact.
    let t = rekeyed(&[
        documents("10101", 1),
        documents("10102", 0),
        documents("10201", 2),
    ]);
    assert_eq!(docs(&t, "80001"), Some(Interval::exact(1)));
    assert_eq!(docs(&t, "80"), Some(Interval::exact(3)));
    assert_eq!(country_documents(&t), Some(Interval::exact(3)));
}

/// A district's own figure holds its silent commune: only units fed by a
/// commune no figure holds (10201, under the silent district 102) open.
#[test]
fn only_units_a_silent_old_unit_may_lie_in_are_opened() {
    let figs = [documents("101", 10), documents("10101", 4)];
    assert_eq!(docs(&old_totals(&figs), "10"), Some(Interval::at_least(10)));
    let t = rekeyed(&figs);
    // 10201 went to 80002 (no cell: nothing reported there) in province 80.
    assert_eq!(docs(&t, "80002"), None);
    assert!(
        docs(&t, "80").unwrap().high().is_none(),
        "{:?}",
        docs(&t, "80")
    );
    assert_eq!(country_documents(&t), Some(Interval::at_least(10)));
    // The district's rest (6) in the special zone or province 80: 81 is
    // fed by no silent unit and stays bounded.
    for u in ["811", "81"] {
        assert_eq!(docs(&t, u), Some(Interval::at_most(6)), "{u}");
    }
}

/// Amounts alike: "at least" where a silent commune may lie.
#[test]
fn a_silent_old_commune_leaves_amounts_at_least() {
    let sector = Actor::MobilizationSector;
    let t = rekeyed(&[money("10102", "4 tỷ đồng")]);
    for u in ["80001", "80"] {
        let a = t.amount(&code(u), &gifts().id, sector).unwrap().value;
        assert_eq!(a, Interval::at_least(billion(4)), "{u}");
    }
    let c = t.national_amount(&gifts().id, sector).unwrap().value;
    assert_eq!(c, Interval::at_least(billion(4)));
    // Every commune reported: exact.
    let t = rekeyed(&[
        money("10101", "1 tỷ đồng"),
        money("10102", "4 tỷ đồng"),
        money("10201", "2 tỷ đồng"),
    ]);
    let c = t.national_amount(&gifts().id, sector).unwrap().value;
    assert_eq!(c, Interval::exact(billion(7)));
}

/// A commune silent in one part is not silent in the whole: part A reports
/// 10101 and 10201, part B 10102. Each alone leaves 80001 "at least"; merged
/// they are exact, as the whole rekeyed at once.
#[test]
fn silent_in_one_part_reported_in_the_other_merges_exact() {
    let a = rekeyed(&[documents("10101", 1), documents("10201", 2)]);
    let b = rekeyed(&[documents("10102", 3)]);
    assert_eq!(docs(&a, "80001"), Some(Interval::at_least(1)));
    assert_eq!(docs(&b, "80001"), Some(Interval::at_least(3)));
    assert_eq!(country_documents(&b), Some(Interval::at_least(3)));
    let whole = rekeyed(&[
        documents("10101", 1),
        documents("10201", 2),
        documents("10102", 3),
    ]);
    for (x, y) in [(a.clone(), b.clone()), (b.clone(), a.clone())] {
        let m = x.merge(y).unwrap();
        assert_eq!(docs(&m, "80001"), Some(Interval::exact(4)));
        assert_eq!(docs(&m, "80"), Some(Interval::exact(6)));
        assert_eq!(country_documents(&m), Some(Interval::exact(6)));
        assert!(m == whole);
    }
    // Amounts alike.
    let sector = Actor::MobilizationSector;
    let m = rekeyed(&[money("10101", "1 tỷ đồng"), money("10201", "2 tỷ đồng")])
        .merge(rekeyed(&[money("10102", "3 tỷ đồng")]))
        .unwrap();
    let c = m.national_amount(&gifts().id, sector).unwrap().value;
    assert_eq!(c, Interval::exact(billion(6)));
}

/// A part that says nothing of the silent commune leaves it silent: a part
/// with another indicator only, totals of the new hierarchy (a figure of a
/// new commune is not the old commune's), a part rekeyed from another old
/// hierarchy (its units are not these), and applying a figure.
#[test]
fn a_part_that_says_nothing_of_a_silent_commune_keeps_it_silent() {
    let t = rekeyed(&[documents("10102", 0)]);
    let mut conf = documents("10101", 2);
    conf.indicator = Builtin::Conferences.into();
    let m = t.clone().merge(rekeyed(&[conf])).unwrap();
    assert_eq!(docs(&m, "80001"), Some(Interval::at_least(0)));
    let m = t
        .clone()
        .merge(new_totals(&[documents("80001", 2)]))
        .unwrap();
    assert_eq!(docs(&m, "80001"), Some(Interval::at_least(2)));
    let m = new_totals(&[documents("80001", 2)])
        .merge(t.clone())
        .unwrap();
    assert_eq!(docs(&m, "80001"), Some(Interval::at_least(2)));
    let mut applied = t.clone();
    applied.apply(&documents("80001", 5)).unwrap();
    assert_eq!(docs(&applied, "80001"), Some(Interval::at_least(5)));
    // Another old hierarchy: province 20, its commune 20101 (synthetic),
    // to 80001. Its part reports 20101 and nothing of 10101.
    let other = Hierarchy::new(vec![
        Unit::new(code("20"), "P2 (synthetic)"),
        Unit::new(code("201"), "D3 (synthetic)").with_parent(Some(code("20"))),
        Unit::new(code("20101"), "C4 (synthetic)").with_parent(Some(code("201"))),
    ])
    .unwrap();
    let cw = Crosswalk::builder()
        .merge(code("20101"), code("80001"))
        .build()
        .unwrap();
    let mut acc = Accumulator::new(&other, Period::year(2024).unwrap(), &[gifts()]);
    acc.add(&documents("20101", 7)).unwrap();
    let p = acc
        .finish()
        .unwrap()
        .rekey(&cw, Level::Commune, &new_h())
        .unwrap();
    assert_eq!(docs(&p, "80001"), Some(Interval::exact(7)));
    let m = t.merge(p).unwrap();
    assert_eq!(docs(&m, "80001"), Some(Interval::at_least(7)));
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

/// The new units each old commune went to (merges only), by index in `OLD`.
const COMMUNE_TO: [(usize, &str); 3] = [(2, "80001"), (3, "80001"), (5, "80002")];

/// The oracle of silence: an old commune is silent when neither it nor a
/// unit above it reported (`values[i]` is `None`): a figure above holds it.
fn silent(values: &[Option<u64>], i: usize) -> bool {
    let mut at = Some(OLD[i]);
    while let Some(u) = at {
        let k = OLD.iter().position(|x| *x == u).unwrap();
        if values[k].is_some() {
            return false;
        }
        at = old_parent(u);
    }
    true
}

/// Whether `outer` holds every value `inner` holds (both absent: yes).
fn holds_all(outer: Option<Interval>, inner: Option<Interval>) -> bool {
    match (outer, inner) {
        (_, None) => true,
        (None, Some(_)) => false,
        (Some(o), Some(i)) => {
            o.low() <= i.low()
                && match (o.high(), i.high()) {
                    (None, _) => true,
                    (Some(_), None) => false,
                    (Some(a), Some(b)) => a >= b,
                }
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Figures on old units of every level (some silent), in two parts: the
    /// parts merge to the whole exactly when no figure of one lies within a
    /// figure of the other, and are refused (DV215) exactly when one does;
    /// read back from rows, the same. The whole is sound against the oracle
    /// of silence: a new unit a silent old commune may lie in (and every unit
    /// above it, the country too) is a lower bound, and only those are.
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
        // Soundness of the whole against the old roll-up: the country holds
        // every value the old province may have (the figures agree: a part
        // above its whole was refused above).
        let province = docs(&old_totals(&all), "10");
        proptest::prop_assert!(holds_all(country_documents(&whole), province),
            "country {:?} old province {province:?}", country_documents(&whole));
        // The oracle of silence, unit by unit.
        let any_silent = COMMUNE_TO.iter().any(|(i, _)| silent(&values, *i));
        for (unit, open) in [
            ("80001", COMMUNE_TO.iter().any(|(i, t)| *t == "80001" && silent(&values, *i))),
            ("80002", COMMUNE_TO.iter().any(|(i, t)| *t == "80002" && silent(&values, *i))),
            ("80", any_silent),
            ("811", false),
            ("81", false),
        ] {
            if let Some(v) = docs(&whole, unit) {
                proptest::prop_assert_eq!(v.high().is_none(), open, "{} {:?}", unit, v);
            }
        }
        if let Some(c) = country_documents(&whole) {
            proptest::prop_assert_eq!(c.high().is_none(), any_silent, "country {:?}", c);
        }
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
        // Through rows: each part reads back equal, and the read-back parts
        // are refused alike; merged, they hold the whole (they may be looser:
        // a part's rows carry its cells opened).
        let (ra, rb) = (rekeyed(&a), rekeyed(&b));
        let (ba, bb) = (through_rows(&ra), through_rows(&rb));
        proptest::prop_assert!(ba == ra, "a: {:?}\nback: {:?}", ra, ba);
        proptest::prop_assert!(bb == rb, "b: {:?}\nback: {:?}", rb, bb);
        match ba.merge(bb) {
            Ok(m) => {
                proptest::prop_assert!(!nested, "nested parts merged from rows: {a:?} / {b:?}");
                for unit in ["80001", "80002", "80", "811", "81"] {
                    proptest::prop_assert!(holds_all(docs(&m, unit), docs(&whole, unit)),
                        "{} from rows {:?} whole {:?}", unit, docs(&m, unit), docs(&whole, unit));
                }
                proptest::prop_assert!(holds_all(country_documents(&m), country_documents(&whole)));
            }
            Err(e) => {
                proptest::prop_assert!(nested, "refused from rows: {e}");
                proptest::prop_assert_eq!(e.code(), "DV215");
            }
        }
    }
}

use super::amounts::through_rows;

/// Provenance travels through rows: read-back parts of nested old units are
/// refused as in memory (they summed to 14 where the data fixes 10), the
/// country row names what it carries, and read-back parts silent on
/// different communes merge sound (at least: the rows carry their cells
/// opened), where in memory they close.
#[test]
fn read_back_parts_keep_what_they_carry() {
    let district = through_rows(&rekeyed(&[documents("101", 10)]));
    let commune = through_rows(&rekeyed(&[documents("10101", 4)]));
    let err = district.clone().merge(commune.clone()).unwrap_err();
    assert_eq!(err.code(), "DV215", "{err}");
    let err = commune.merge(district).unwrap_err();
    assert_eq!(err.code(), "DV215", "{err}");
    let t = rekeyed(&[documents("101", 10)]);
    let row = t
        .rows()
        .into_iter()
        .find(|r| r.layer == TotalsLayer::CountryReported)
        .unwrap();
    let json = serde_json::to_value(&row).unwrap();
    assert_eq!(json["provenance"]["carries"], serde_json::json!(["101"]));
    assert_eq!(
        json["provenance"]["silent"][0]["units"],
        serde_json::json!([{"unit": "10201", "in": ["80002"]}])
    );
    // Rows of units other than the country carry none.
    assert!(t
        .rows()
        .iter()
        .filter(|r| r.layer != TotalsLayer::CountryReported)
        .all(|r| r.provenance.is_none()));
    let a = rekeyed(&[documents("10101", 1), documents("10201", 2)]);
    let b = rekeyed(&[documents("10102", 3)]);
    let m = through_rows(&a).merge(through_rows(&b)).unwrap();
    assert_eq!(docs(&m, "80001"), Some(Interval::at_least(4)));
    assert_eq!(country_documents(&m), Some(Interval::at_least(6)));
    assert_eq!(
        country_documents(&a.merge(b).unwrap()),
        Some(Interval::exact(6))
    );
}

/// A provenance that is wrong is refused, naming the row and what was
/// expected: on a row that is not the country's, an old hierarchy that is
/// not 16 hex digits, a silent old unit placed in a unit the hierarchy does
/// not have, an ancestor of a unit not carried, an unknown field.
#[test]
fn a_wrong_provenance_is_refused_at_its_row() {
    let t = rekeyed(&[documents("101", 10)]);
    let rows = serde_json::to_value(t.rows()).unwrap();
    let at = rows
        .as_array()
        .unwrap()
        .iter()
        .position(|r| r["layer"] == "country_reported")
        .unwrap();
    let other = rows
        .as_array()
        .unwrap()
        .iter()
        .position(|r| r["layer"] == "reported")
        .unwrap();
    let read = |rows: serde_json::Value| -> Result<Totals, String> {
        let rows: Vec<TotalsRow> = serde_json::from_value(rows).map_err(|e| e.to_string())?;
        Totals::from_rows(t.hierarchy(), t.period(), t.indicators(), rows)
            .map_err(|e| e.to_string())
    };
    let mut moved = rows.clone();
    moved[other]["provenance"] = moved[at]["provenance"].clone();
    let err = read(moved).unwrap_err();
    assert!(
        err.contains("only on country_reported rows") && err.contains("row"),
        "{err}"
    );
    let mut hex = rows.clone();
    hex[at]["provenance"]["silent"][0]["old"] = "xyz".into();
    let err = read(hex).unwrap_err();
    assert!(err.contains("16 hex digits"), "{err}");
    let mut place = rows.clone();
    place[at]["provenance"]["silent"][0]["units"][0]["in"] = serde_json::json!(["99999"]);
    let err = read(place).unwrap_err();
    assert!(err.contains("99999"), "{err}");
    let mut above = rows.clone();
    above[at]["provenance"]["above"] = serde_json::json!([{"unit": "10", "below": "10201"}]);
    let err = read(above).unwrap_err();
    assert!(err.contains("expected a unit of `carries`"), "{err}");
    let mut unknown = rows.clone();
    unknown[at]["provenance"]["carried"] = serde_json::json!([]);
    let err = read(unknown).unwrap_err();
    assert!(err.contains("carried"), "{err}");
    // Rows without provenance (the format before it) still read.
    let mut bare = rows;
    if let Some(r) = bare[at].as_object_mut() {
        r.remove("provenance");
    }
    let back = read(bare).unwrap();
    assert_eq!(country_documents(&back), country_documents(&t));
}

fn persons(unit: &str, value: u64) -> Figure {
    let mut f = documents(unit, value);
    f.indicator = Builtin::ConferencePersons.into();
    f
}

fn persons_at(t: &Totals, u: Option<&str>) -> Option<Interval> {
    let (ind, sector) = (
        IndicatorId::from(Builtin::ConferencePersons),
        Actor::MobilizationSector,
    );
    match u {
        Some(u) => t.reported(&code(u), Builtin::ConferencePersons, sector),
        None => t.national(TotalsLayer::Reported, ind, sector),
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// A distinct indicator against the truth: each old commune's persons
    /// are a set (of 8 persons who may attend in several communes); each
    /// reporting old unit states the size of its communes' union. Rekeyed,
    /// every new unit and the country hold the size of the union of the
    /// communes that went there, and the country is exact whenever the old
    /// province reports (its figure is the whole).
    #[test]
    fn distinct_wholes_hold_the_true_union(
        sets in proptest::collection::vec(0_u8..=255, 3),
        reports in proptest::collection::vec(proptest::bool::ANY, 6),
    ) {
        // Communes by index in OLD: 10101 (2), 10102 (3), 10201 (5).
        let commune_set = |c: &str| match c {
            "10101" => sets[0],
            "10102" => sets[1],
            "10201" => sets[2],
            _ => 0,
        };
        let union_of = |units: &[&str]| -> u64 {
            u64::from(units.iter().fold(0_u8, |a, u| a | commune_set(u)).count_ones())
        };
        let communes_in = |u: &str| -> Vec<&'static str> {
            ["10101", "10102", "10201"]
                .into_iter()
                .filter(|c| *c == u || within(c, u))
                .collect()
        };
        let figures: Vec<Figure> = OLD
            .iter()
            .zip(&reports)
            .filter(|(_, r)| **r)
            .map(|(u, _)| persons(u, union_of(&communes_in(u))))
            .collect();
        let t = rekeyed(&figures);
        let truth = [
            (Some("80001"), union_of(&["10101", "10102"])),
            (Some("80002"), union_of(&["10201"])),
            (Some("80"), union_of(&["10101", "10102", "10201"])),
            (None, union_of(&["10101", "10102", "10201"])),
        ];
        for (u, v) in truth {
            if let Some(i) = persons_at(&t, u) {
                proptest::prop_assert!(
                    i.low() <= v && i.high().map_or(true, |h| h >= v),
                    "{u:?}: {i:?} does not hold {v} ({figures:?})"
                );
            }
        }
        if reports[0] {
            proptest::prop_assert_eq!(
                persons_at(&t, None),
                Some(Interval::exact(union_of(&["10101", "10102", "10201"]))),
                "{:?}", figures
            );
        }
    }
}

/// A commune no figure covers, under an old unit's own figure, went with a
/// reporting commune into 80001: 80001 may hold some of the rest. It came
/// out exactly the reporting commune's figure (the rest held only at the
/// province level). Counts: 2 + up to the rest 2; distinct persons: up to
/// the whole, as 10101's persons may be 10102's too.
#[test]
fn a_commune_under_an_own_figure_leaves_its_new_commune_open_to_the_rest() {
    let t = rekeyed(&[documents("10", 4), documents("10102", 2)]);
    assert_eq!(
        docs(&t, "80001"),
        Some(Interval::between(2, Some(4)).unwrap())
    );
    assert_eq!(docs(&t, "80"), Some(Interval::between(2, Some(4)).unwrap()));
    assert_eq!(country_documents(&t), Some(Interval::exact(4)));
    let t = rekeyed(&[persons("10", 5), persons("10101", 4)]);
    assert_eq!(
        persons_at(&t, Some("80002")),
        Some(Interval::at_most(5)),
        "10201 may count any of the province's 5"
    );
    assert_eq!(persons_at(&t, None), Some(Interval::exact(5)));
}

/// A commune straight under its province, rekeyed at district level, holds
/// a figure no entry carries: DV217 naming the unit and the level (it was
/// dropped: the country came out without it). The level's Vietnamese words
/// are the renderer's.
#[test]
fn a_figure_below_the_mapped_level_without_a_unit_of_it_above_is_refused() {
    let old = orphan_old();
    let new = Hierarchy::new(vec![
        Unit::new(code("80"), "NP (synthetic)"),
        Unit::new(code("801"), "ND (synthetic)").with_parent(Some(code("80"))),
    ])
    .unwrap();
    let cw = Crosswalk::builder()
        .merge(code("101"), code("801"))
        .build()
        .unwrap();
    let mut acc = Accumulator::new(&old, Period::year(2024).unwrap(), &[gifts()]);
    acc.add(&documents("10101", 1)).unwrap();
    acc.add(&documents("10201", 5)).unwrap();
    let err = acc
        .finish()
        .unwrap()
        .rekey(&cw, Level::District, &new)
        .unwrap_err();
    assert_eq!(err.code(), "DV217", "{err}");
    assert!(err.to_string().contains("\"10201\""), "{err}");
    for level in [Level::Province, Level::District, Level::Commune] {
        let kind = ErrorKind::RekeyBelowNoMappedUnit {
            indicator: "documents".into(),
            unit: "10201".into(),
            level: level.as_str().into(),
        };
        let vi = render::vi::message(&kind);
        assert!(vi.contains(render::vi::level(level)), "{vi}");
    }
}
