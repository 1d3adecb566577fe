//! Review s11: rekey of nested own figures (rest_after, figure_targets) and
//! merges of rekeyed totals (beside, add_columns, DV215). Units and figures
//! are **synthetic** (the hierarchy of rekey_nested.rs).

use super::rekey_nested::{billion, code, crosswalk, gifts, money, new_h, old_h};
use danvan::*;
use rust_decimal::Decimal;

fn fig(unit: &str, value: Reported) -> Figure {
    Figure {
        indicator: Builtin::Documents.into(),
        unit: code(unit),
        period: None,
        actors: vec![Actor::MobilizationSector],
        value: Some(value),
        amount: None,
        parts: Vec::new(),
    }
}

pub(crate) fn documents(unit: &str, value: u64) -> Figure {
    fig(unit, Reported::exact(Count::new(value)))
}

pub(crate) fn text(unit: &str, t: &str) -> Figure {
    fig(unit, notation::parse_reported(t).unwrap())
}

fn old(figures: &[Figure]) -> Totals {
    let mut acc = Accumulator::new(&old_h(), Period::year(2024).unwrap(), &[gifts()]);
    for f in figures {
        acc.add(f).unwrap();
    }
    acc.finish().unwrap()
}

fn new_totals(figures: &[Figure]) -> Totals {
    let mut acc = Accumulator::new(&new_h(), Period::year(2024).unwrap(), &[gifts()]);
    for f in figures {
        acc.add(f).unwrap();
    }
    acc.finish().unwrap()
}

fn rekeyed(figures: &[Figure]) -> Totals {
    old(figures)
        .rekey(&crosswalk(), Level::Commune, &new_h())
        .unwrap()
}

fn country(t: &Totals) -> Option<Interval> {
    t.national(
        TotalsLayer::Reported,
        IndicatorId::from(Builtin::Documents),
        Actor::MobilizationSector,
    )
}

fn at(t: &Totals, u: &str) -> Option<Interval> {
    t.reported(&code(u), Builtin::Documents, Actor::MobilizationSector)
}

fn show(i: Option<Interval>) -> String {
    i.map_or("none".into(), |i| {
        format!(
            "[{}, {:?}] {:?} est {:?}",
            i.low(),
            i.high(),
            i.tone(),
            i.estimate()
        )
    })
}

/// A province's own 30 and a commune's 4, no district figure between them:
/// the old totals say the province holds 30 (the commune's 4 within it).
#[test]
fn province_and_commune_without_district_rekeyed_together() {
    let o = old(&[documents("10", 30), documents("10101", 4)]);
    assert_eq!(
        at(&o, "10"),
        Some(Interval::exact(30)),
        "old {}",
        show(at(&o, "10"))
    );
    // Alone, the province's 30 rekeys to exactly 30.
    assert_eq!(
        country(&rekeyed(&[documents("10", 30)])),
        Some(Interval::exact(30))
    );
    let t = rekeyed(&[documents("10", 30), documents("10101", 4)]);
    assert_eq!(
        country(&t),
        Some(Interval::exact(30)),
        "{}",
        show(country(&t))
    );
}

/// Amounts: the same.
#[test]
fn province_and_commune_amounts_without_district() {
    let t = rekeyed(&[money("10", "30 tỷ đồng"), money("10101", "4 tỷ đồng")]);
    let v = t
        .national_amount(&gifts().id, Actor::MobilizationSector)
        .unwrap()
        .value;
    assert_eq!(v, Interval::exact(billion(30)), "{v:?}");
}

/// Task 1 with inexact units below (s12): the rest is the whole less the
/// commune's figure as stated, so the country holds the truth (30) either
/// way. "hơn 4": the rest is [0, 26] beside an open 4, the country at least
/// 4 (the commune's open figure is carried as it is; only the old
/// province's cell ties the two together). "gần 4": the rest [26, 30],
/// the country [26, 34].
#[test]
fn province_with_an_inexact_commune_stays_sound() {
    for (t, low, high) in [("hơn 4", 4, None), ("gần 4", 26, Some(34))] {
        let c = country(&rekeyed(&[documents("10", 30), text("10101", t)]));
        assert!(holds(c, 30), "{t}: {}", show(c));
        assert_eq!(
            c.map(|c| (c.low(), c.high())),
            Some((low, high)),
            "{t}: {}",
            show(c)
        );
    }
}

/// The province's rest may lie where its silent district's own bodies went
/// (district 101's own entry: special zone 811, in province 81), so the
/// province 80 is not given the province's 30 exactly (s12; it was, which
/// claimed 30 in 80 where some may be in 81). The country stays 30.
#[test]
fn province_figure_reaches_where_a_silent_district_went() {
    let t = rekeyed(&[documents("10", 30)]);
    assert_eq!(country(&t), Some(Interval::exact(30)));
    for u in ["80", "81"] {
        let c = at(&t, u);
        assert_eq!(
            c.map(|c| (c.low(), c.high())),
            Some((0, Some(30))),
            "{u}: {}",
            show(c)
        );
    }
    // With the commune's 4: 80 holds it, and 26 lie in 80 or 81.
    let t = rekeyed(&[documents("10", 30), documents("10101", 4)]);
    assert_eq!(
        at(&t, "80").map(|c| (c.low(), c.high())),
        Some((4, Some(30)))
    );
    assert_eq!(
        at(&t, "81").map(|c| (c.low(), c.high())),
        Some((0, Some(26)))
    );
}

/// Figures at three levels: province 30, district 10, its commune 4, the
/// other district's commune 5. The province's whole is 30.
#[test]
fn figures_at_three_levels() {
    let figs = [
        documents("10", 30),
        documents("101", 10),
        documents("10101", 4),
        documents("10201", 5),
    ];
    assert_eq!(at(&old(&figs), "10"), Some(Interval::exact(30)));
    let t = rekeyed(&figs);
    assert_eq!(
        country(&t),
        Some(Interval::exact(30)),
        "{}",
        show(country(&t))
    );
}

/// "hơn 10" at the district with 4 in a commune: more than 10 in all.
#[test]
fn more_than_at_district_with_commune() {
    let o = old(&[text("101", "hơn 10")]);
    let t = rekeyed(&[text("101", "hơn 10"), documents("10101", 4)]);
    let (w, c) = (at(&o, "101").unwrap(), country(&t).unwrap());
    assert_eq!(
        c.low(),
        w.low(),
        "old {} new {}",
        show(Some(w)),
        show(Some(c))
    );
    assert_eq!(
        c.high(),
        w.high(),
        "old {} new {}",
        show(Some(w)),
        show(Some(c))
    );
}

/// "gần 10" at the district with 4 in a commune: [4, 10].
#[test]
fn near_at_district_with_commune() {
    // (The other district's commune reports 0: silent, it would leave the
    // country open above.)
    let t = rekeyed(&[
        text("101", "gần 10"),
        documents("10101", 4),
        documents("10201", 0),
    ]);
    let c = country(&t).unwrap();
    assert_eq!((c.low(), c.high()), (4, Some(10)), "{}", show(Some(c)));
}

/// "khoảng 10" (an estimate) at the district with 4 in a commune: the
/// district's estimate of its whole, 10, is what the data says of the
/// country; the rekey without the commune keeps it.
#[test]
fn estimate_at_district_with_commune_keeps_its_estimate() {
    let alone = rekeyed(&[text("101", "khoảng 10")]);
    let with = rekeyed(&[text("101", "khoảng 10"), documents("10101", 4)]);
    let o = old(&[text("101", "khoảng 10"), documents("10101", 4)]);
    let (a, w, oo) = (country(&alone), country(&with), at(&o, "101"));
    assert_eq!(a.and_then(|i| i.estimate()), Some(10));
    assert_eq!(
        w.and_then(|i| i.estimate()),
        oo.and_then(|i| i.estimate()),
        "alone {} with {} old {}",
        show(a),
        show(w),
        show(oo)
    );
}

/// A commune's figure above its district's own (5 > 3; and 4 + 7 > 10): the
/// data conflicts. The old totals keep each figure at its unit (the district
/// 3, the commune 5) and `reconcile` says the district disagrees with its
/// sub-units. A rekey must take the communes' figures out of the district's
/// to place its rest, and no rest is sound there: the communes' sum (5, as
/// it was, exact) drops the district's figure without a word, the
/// district's (3) would put more in a new commune than in its province, and
/// a hull would claim bounds neither figure gives. So (s12) the rekey
/// refuses, DV216 naming the district, its figure, the communes and what
/// they give: the disagreement the old view reports, as an error where a
/// number would have to be made up. Amounts alike.
#[test]
fn commune_above_its_district() {
    for (figs, parts, held) in [
        (
            vec![documents("101", 3), documents("10101", 5)],
            "\"10101\"",
            "give 5,",
        ),
        (
            vec![
                documents("101", 10),
                documents("10101", 4),
                documents("10102", 7),
            ],
            "\"10101\", \"10102\"",
            "give 11,",
        ),
    ] {
        let o = old(&figs);
        let rec = o.reconcile();
        assert!(
            rec.iter().any(|r| r.unit == code("101")
                && r.against == Against::Children
                && matches!(r.agreement, Agreement::Disagree { .. })),
            "{rec:?}"
        );
        let err = o.rekey(&crosswalk(), Level::Commune, &new_h()).unwrap_err();
        assert_eq!(err.code(), "DV216", "{err}");
        let text = err.to_string();
        assert!(
            text.contains("\"documents\"")
                && text.contains("old unit \"101\"")
                && text.contains(parts)
                && text.contains(held),
            "{text}"
        );
        let vi = render::vi::message(err.kind());
        assert!(vi.contains("\"101\"") && vi.contains(parts), "{vi}");
    }
    // A part that may lie within its whole is no conflict.
    for (whole, part, c) in [("5", "5", (5, Some(5))), ("hơn 3", "5", (5, None))] {
        let t = rekeyed(&[
            text("101", whole),
            text("10101", part),
            documents("10201", 0),
        ]);
        assert_eq!(
            country(&t).map(|i| (i.low(), i.high())),
            Some(c),
            "{whole} / {part}: {}",
            show(country(&t))
        );
    }
    // Amounts: the same refusal.
    let err = old(&[money("101", "3 tỷ đồng"), money("10101", "5 tỷ đồng")])
        .rekey(&crosswalk(), Level::Commune, &new_h())
        .unwrap_err();
    assert_eq!(err.code(), "DV216", "{err}");
    assert!(err.to_string().contains("gift_money"), "{err}");
}

fn holds(i: Option<Interval>, v: u64) -> bool {
    i.is_some_and(|i| i.low() <= v && i.high().map_or(true, |h| h >= v))
}

/// A figure applied to rekeyed totals at a new commune reaches its province
/// and the country (a lower bound there: the applied figure's own totals
/// count the new commune 80002 as unreported; sound).
#[test]
fn apply_to_rekeyed_totals_reaches_the_province() {
    // 10102, merged into 80001 too, reported nothing: at least 7 there;
    // when it reports 0, exactly 7.
    let mut t = rekeyed(&[documents("10101", 4)]);
    t.apply(&documents("80001", 3)).unwrap();
    assert_eq!(
        at(&t, "80001"),
        Some(Interval::at_least(7)),
        "{}",
        show(at(&t, "80001"))
    );
    let mut reported = rekeyed(&[documents("10101", 4), documents("10102", 0)]);
    reported.apply(&documents("80001", 3)).unwrap();
    assert_eq!(
        at(&reported, "80001"),
        Some(Interval::exact(7)),
        "{}",
        show(at(&reported, "80001"))
    );
    assert!(
        holds(at(&t, "80"), 7) && at(&t, "80").unwrap().low() == 7,
        "{}",
        show(at(&t, "80"))
    );
    assert!(
        holds(country(&t), 7) && country(&t).unwrap().low() == 7,
        "{}",
        show(country(&t))
    );
}

/// The same, to merged rekeyed totals.
#[test]
fn apply_to_merged_rekeyed_totals_reaches_the_province() {
    let mut t = rekeyed(&[documents("10101", 4)])
        .merge(rekeyed(&[documents("10201", 2)]))
        .unwrap();
    t.apply(&documents("80001", 3)).unwrap();
    assert!(
        holds(at(&t, "80"), 9) && at(&t, "80").unwrap().low() == 9,
        "{}",
        show(at(&t, "80"))
    );
    assert!(
        holds(country(&t), 9) && country(&t).unwrap().low() == 9,
        "{}",
        show(country(&t))
    );
}

/// A new province's own figure (its whole, 10) in one part, a figure within
/// it in another: merged without a rekey that is 10 (the commune within the
/// province's whole). With the commune's figure from a rekey, it became an
/// exact 14. The reviewer's question: cover (10) or refuse (DV215)? Refused
/// (s12), in either order, naming the province and the rekeyed unit below
/// it: the plain merge covers what lies *below* a unit's own figure and adds
/// a second figure *of the unit itself* (a figure applied at a new commune
/// beside its rekeyed cell adds, `apply_to_rekeyed_totals_reaches_the_province`).
/// The rekeyed cell of province 80 holds both kinds at once — the commune's
/// 4 from below, and any old unit lifted to the province (an old province's
/// own figure) — and keeps no split of them, so neither 10 nor 14 is known
/// to be right; the refusal never contradicts the plain merge, where the
/// merge answers it answers as the plain one does.
#[test]
fn new_province_own_figure_merged_with_rekeyed_commune() {
    let province = || new_totals(&[documents("80", 10)]);
    let plain = province()
        .merge(new_totals(&[documents("80001", 4)]))
        .unwrap();
    assert_eq!(at(&plain, "80"), Some(Interval::exact(10)));
    for merged in [
        province().merge(rekeyed(&[documents("10101", 4)])),
        rekeyed(&[documents("10101", 4)]).merge(province()),
    ] {
        let err = merged.unwrap_err();
        assert_eq!(err.code(), "DV215", "{err}");
        let text = err.to_string();
        assert!(
            text.contains("unit \"80\"") && text.contains("unit \"80001\""),
            "{text}"
        );
    }
    // Amounts alike.
    let err = new_totals(&[money("80", "10 tỷ đồng")])
        .merge(rekeyed(&[money("10101", "4 tỷ đồng")]))
        .unwrap_err();
    assert_eq!(err.code(), "DV215", "{err}");
    // An old province's figure rekeyed: the new communes its communes went
    // to may hold any of it (80001: at most 30), so the new province's own
    // figure over them is refused as over any rekeyed cell below it.
    let lifted = rekeyed(&[documents("10", 30)]);
    assert_eq!(at(&lifted, "80001"), Some(Interval::at_most(30)));
    let err = province().merge(lifted).unwrap_err();
    assert_eq!(err.code(), "DV215", "{err}");
}

/// Merge order: rekeyed first, non-rekeyed second, through `apply` (a
/// figure applied is merged in): the province's figure over a rekeyed
/// commune is refused and the totals are left as they were.
#[test]
fn rekeyed_commune_merged_with_new_province_own_figure() {
    let mut t = rekeyed(&[documents("10101", 4)]);
    let before = t.clone();
    let err = t.apply(&documents("80", 10)).unwrap_err();
    assert_eq!(err.code(), "DV215", "{err}");
    assert!(t == before);
}

/// Three disjoint parts merge to the whole, in any grouping.
#[test]
fn three_disjoint_parts_merge_to_the_whole() {
    let a = || rekeyed(&[documents("10101", 4)]);
    let b = || rekeyed(&[documents("10102", 3)]);
    let c = || rekeyed(&[documents("10201", 5)]);
    let whole = rekeyed(&[
        documents("10101", 4),
        documents("10102", 3),
        documents("10201", 5),
    ]);
    let l = a().merge(b()).unwrap().merge(c()).unwrap();
    let r = a().merge(b().merge(c()).unwrap()).unwrap();
    assert_eq!(country(&l), Some(Interval::exact(12)));
    assert!(l == whole && r == whole);
    // A district over two of them is refused in any grouping.
    let d = rekeyed(&[documents("101", 10)]);
    assert_eq!(l.clone().merge(d.clone()).unwrap_err().code(), "DV215");
    assert_eq!(d.merge(l).unwrap_err().code(), "DV215");
}

/// A partial crosswalk: commune 10102 has no entry. The district's own 10
/// with 4 in commune 10101: the rest 6 lies somewhere; the country is 10.
#[test]
fn partial_crosswalk_with_nested_figure() {
    let cw = Crosswalk::builder()
        .merge(code("10101"), code("80001"))
        .merge(code("101"), code("811"))
        .merge(code("10201"), code("80002"))
        .build()
        .unwrap();
    let t =
        old(&[documents("101", 10), documents("10101", 4)]).rekey(&cw, Level::Commune, &new_h());
    match t {
        Ok(t) => {
            let c = country(&t).unwrap();
            assert!(
                c.low() <= 10 && c.high().map_or(true, |h| h >= 10),
                "{}",
                show(Some(c))
            );
            assert!(c.low() >= 4, "{}", show(Some(c)));
        }
        Err(e) => assert_eq!(e.code(), "DV105", "{e}"),
    }
}

/// A distinct indicator: the province's own 30 persons is its whole (a
/// district's 10 and its commune's 4 among them). The country is given
/// [30, 44]: sound, but 44 is more persons than the province's whole.
#[test]
fn distinct_figures_at_three_levels() {
    let ind = |u: &str, v: u64| {
        let mut f = documents(u, v);
        f.indicator = Builtin::ConferencePersons.into();
        f
    };
    let t = rekeyed(&[ind("10", 30), ind("101", 10), ind("10101", 4)]);
    let c = t.national(
        TotalsLayer::Reported,
        IndicatorId::from(Builtin::ConferencePersons),
        Actor::MobilizationSector,
    );
    assert!(holds(c, 30));
    assert_eq!(c, Some(Interval::exact(30)), "{}", show(c));
    // Without the province: the district's 10 is the whole (its rest, the
    // persons its commune's figure does not count, is exactly 6).
    let t = rekeyed(&[ind("101", 10), ind("10101", 4), ind("10201", 0)]);
    let c = t.national(
        TotalsLayer::Reported,
        IndicatorId::from(Builtin::ConferencePersons),
        Actor::MobilizationSector,
    );
    assert_eq!(c, Some(Interval::exact(10)), "{}", show(c));
}

/// A stock at three levels: the province's own 30 is its whole.
#[test]
fn stock_figures_at_three_levels() {
    let ind = |u: &str, v: u64| {
        let mut f = documents(u, v);
        f.indicator = Builtin::SkilfulModels.into();
        f
    };
    let t = rekeyed(&[ind("10", 30), ind("101", 10), ind("10101", 4)]);
    let c = t.national(
        TotalsLayer::Reported,
        IndicatorId::from(Builtin::SkilfulModels),
        Actor::MobilizationSector,
    );
    assert_eq!(c, Some(Interval::exact(30)), "{}", show(c));
}

/// A split with shares under a district's own figure: the whole stays 10.
#[test]
fn split_with_shares_under_a_district_figure() {
    let cw = Crosswalk::builder()
        .split(
            code("10101"),
            &[
                (code("80001"), Decimal::new(5, 1)),
                (code("811"), Decimal::new(5, 1)),
            ],
        )
        .merge(code("10102"), code("80001"))
        .merge(code("101"), code("811"))
        .merge(code("10201"), code("80002"))
        .build()
        .unwrap();
    for figs in [
        vec![
            documents("101", 10),
            documents("10101", 4),
            documents("10201", 0),
        ],
        vec![
            documents("101", 10),
            documents("10101", 4),
            documents("10102", 6),
            documents("10201", 0),
        ],
    ] {
        let t = old(&figs).rekey(&cw, Level::Commune, &new_h()).unwrap();
        assert_eq!(
            country(&t),
            Some(Interval::exact(10)),
            "{}",
            show(country(&t))
        );
    }
}
