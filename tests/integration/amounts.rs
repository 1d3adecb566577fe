//! Amount totals are intervals (issue 14, review of session 5: "hơn 6,3 tỷ"
//! plus "không quá 2 tỷ" came out "khoảng 8,3 tỷ"): summed, merged, rolled
//! up, rekeyed, exported as rows and read back, every amount total contains
//! the truth.
//!
//! Units, figures and amounts are **synthetic**: province 90, district 901,
//! communes 90101 and 90102; new province 91 with communes 91001 and 91002.

use danvan::*;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn code(s: &str) -> UnitCode {
    s.parse().unwrap()
}

fn hierarchy() -> Hierarchy {
    Hierarchy::new(vec![
        Unit::new(code("90"), "Province (synthetic)"),
        Unit::new(code("901"), "District (synthetic)").with_parent(Some(code("90"))),
        Unit::new(code("90101"), "Commune A (synthetic)").with_parent(Some(code("901"))),
        Unit::new(code("90102"), "Commune B (synthetic)").with_parent(Some(code("901"))),
    ])
    .unwrap()
}

fn new_units() -> Hierarchy {
    Hierarchy::new(vec![
        Unit::new(code("91"), "New province (synthetic)"),
        Unit::new(code("91001"), "New commune X (synthetic)").with_parent(Some(code("91"))),
        Unit::new(code("91002"), "New commune Y (synthetic)").with_parent(Some(code("91"))),
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

fn figure(unit: &str, m: Measure) -> Figure {
    Figure {
        indicator: money().id,
        unit: code(unit),
        period: None,
        actors: vec![Actor::FrontAndMassOrganizations],
        value: None,
        amount: Some(m),
        parts: Vec::new(),
    }
}

fn totals(figures: &[(&str, Measure)]) -> Totals {
    let mut acc = Accumulator::new(&hierarchy(), Period::year(2022).unwrap(), &[money()]);
    for (unit, m) in figures {
        acc.add(&figure(unit, m.clone())).unwrap();
    }
    acc.finish().unwrap()
}

fn amount(t: &Totals, unit: &str) -> Option<AmountTotal> {
    t.amount(&code(unit), &money().id, Actor::FrontAndMassOrganizations)
}

/// Totals through JSON rows and back.
pub(crate) fn through_rows(t: &Totals) -> Totals {
    let json = serde_json::to_string(&t.rows()).unwrap();
    let rows: Vec<TotalsRow> = serde_json::from_str(&json).unwrap();
    Totals::from_rows(t.hierarchy(), t.period(), t.indicators(), rows).unwrap()
}

/// The reviewer's example, through the roll-up, merge, rows and rekey.
#[test]
fn more_than_plus_at_most_is_at_least_everywhere() {
    let a = notation::parse_measure("hơn 6,3 tỷ đồng").unwrap();
    let b = notation::parse_measure("không quá 2 tỷ đồng").unwrap();
    let t = totals(&[("90101", a.clone()), ("90102", b.clone())]);
    let low = Amount::new(Decimal::from(6_300_000_000u64)).unwrap();
    for unit in ["901", "90"] {
        let got = amount(&t, unit).unwrap();
        assert_eq!((got.value.low(), got.value.high()), (low, None), "{unit}");
        assert_eq!(
            notation::amount_interval(got.value, notation::Style::Exact),
            "ít nhất 6.300.000.000"
        );
        assert_eq!(got.unit.as_str(), "đồng");
    }
    // Merge of two partial totals, each one figure.
    let merged = totals(&[("90101", a.clone())])
        .merge(totals(&[("90102", b.clone())]))
        .unwrap();
    assert_eq!(merged, t);
    // Rows and back.
    assert_eq!(through_rows(&t), t);
    // Rekey: both communes into one new commune.
    let cw = Crosswalk::builder()
        .merge(code("90101"), code("91001"))
        .merge(code("90102"), code("91001"))
        .build()
        .unwrap();
    let after = t.rekey(&cw, Level::Commune, &new_units()).unwrap();
    for unit in ["91001", "91"] {
        let got = amount(&after, unit).unwrap();
        assert_eq!((got.value.low(), got.value.high()), (low, None), "{unit}");
    }
    assert_eq!(amount(&after, "91002"), None);
    // The old qualifier paths give the same answer now.
    let sum = a.checked_add(&b).unwrap();
    assert_eq!(notation::measure(&sum), "ít nhất 6.300.000.000 đồng");
}

/// A split without shares gives each target `[0, v]` and the new province
/// `v` exactly (commune B reports 0); when commune B reports nothing, the
/// province and commune Y, where B went, are at least what is known.
#[test]
fn rekey_split_of_an_amount_is_exact_in_the_province() {
    let a = ("90101", notation::parse_measure("8,5 triệu đồng").unwrap());
    let b = ("90102", notation::parse_measure("0 đồng").unwrap());
    let cw = Crosswalk::builder()
        .split_unknown(code("90101"), &[code("91001"), code("91002")])
        .merge(code("90102"), code("91002"))
        .build()
        .unwrap();
    let v = Amount::new(Decimal::from(8_500_000u64)).unwrap();
    let after = totals(&[a.clone(), b])
        .rekey(&cw, Level::Commune, &new_units())
        .unwrap();
    assert_eq!(amount(&after, "91").unwrap().value, Interval::exact(v));
    for unit in ["91001", "91002"] {
        let got = amount(&after, unit).unwrap().value;
        assert_eq!(
            (got.low(), got.high()),
            (Amount::default(), Some(v)),
            "{unit}"
        );
    }
    assert_eq!(through_rows(&after), after);
    let silent = totals(&[a])
        .rekey(&cw, Level::Commune, &new_units())
        .unwrap();
    let got = amount(&silent, "91").unwrap().value;
    assert_eq!((got.low(), got.high()), (v, None));
    let got = amount(&silent, "91001").unwrap().value;
    assert_eq!((got.low(), got.high()), (Amount::default(), Some(v)));
    let got = amount(&silent, "91002").unwrap().value;
    assert_eq!((got.low(), got.high()), (Amount::default(), None));
    assert_eq!(through_rows(&silent), silent);
}

#[test]
fn amounts_in_two_unit_words_do_not_add() {
    let mut acc = Accumulator::new(&hierarchy(), Period::year(2022).unwrap(), &[money()]);
    acc.add(&figure("90101", notation::parse_measure("3 km").unwrap()))
        .unwrap();
    let err = acc
        .add(&figure("90101", notation::parse_measure("3 m²").unwrap()))
        .unwrap_err();
    assert_eq!(err.code(), "DV006");
}

/// A synthetic amount with its word, and a true value it admits.
fn stated() -> impl Strategy<Value = (Measure, Decimal)> {
    let words = prop::sample::select(Word::ALL.to_vec());
    (
        words,
        0u64..1_000_000_000_000,
        0u64..1_000_000_000_000,
        0u32..3,
        any::<u64>(),
    )
        .prop_map(|(w, a, b, scale, pick)| {
            let d = |x: u64| Decimal::from_i128_with_scale(i128::from(x), scale);
            let (lo, hi) = (a.min(b), a.max(b));
            let unit: UnitWord = "đồng".parse().unwrap();
            let m = if w == Word::Range {
                Measure::range(d(lo), d(hi), unit).unwrap()
            } else {
                Measure::worded(w, d(hi), unit).unwrap()
            };
            // A true value inside the claim (estimates: any value).
            let i = m.interval().unwrap();
            let top = i.high().map_or(hi.saturating_mul(3), |h| {
                u64::try_from(
                    (h.get() * Decimal::from(10u64.pow(scale)))
                        .trunc()
                        .mantissa(),
                )
                .unwrap_or(hi)
            });
            let base = u64::try_from(
                (i.low().get() * Decimal::from(10u64.pow(scale)))
                    .trunc()
                    .mantissa(),
            )
            .unwrap_or(0);
            let span = top.saturating_sub(base);
            let truth = d(base + if span == 0 { 0 } else { pick % (span + 1) });
            (m, truth)
        })
}

proptest! {
    /// Every amount total of every unit contains the sum of the true values,
    /// through the roll-up, a merge and the rows.
    #[test]
    fn every_amount_sum_contains_the_truth(figs in prop::collection::vec(stated(), 1..6)) {
        let mut acc = Accumulator::new(&hierarchy(), Period::year(2022).unwrap(), &[money()]);
        let mut truth = Decimal::ZERO;
        for (k, (m, x)) in figs.iter().enumerate() {
            prop_assert!(m.interval().unwrap().contains(Amount::new(*x).unwrap()), "{:?} {}", m, x);
            let unit = if k % 2 == 0 { "90101" } else { "90102" };
            acc.add(&figure(unit, m.clone())).unwrap();
            truth += *x;
        }
        let t = acc.finish().unwrap();
        let truth = Amount::new(truth).unwrap();
        for unit in ["901", "90"] {
            let got = amount(&t, unit).unwrap();
            prop_assert!(got.value.contains(truth), "{}: {:?} misses {:?}", unit, got.value, truth);
        }
        prop_assert_eq!(through_rows(&t), t.clone());
        // The old path agrees with the interval rule.
        let mut sum: Option<Measure> = None;
        for (m, _) in &figs {
            sum = Some(match sum { None => m.clone(), Some(s) => s.checked_add(m).unwrap() });
        }
        let sum = sum.unwrap().interval().unwrap();
        prop_assert!(sum.contains(truth));
        prop_assert_eq!(sum.low(), amount(&t, "90").unwrap().value.low());
    }
}
