//! Regressions found by the review of issue 14 (synthetic units).

use chrono::NaiveDate;
use danvan::*;

fn code(s: &str) -> UnitCode {
    s.parse().unwrap()
}

fn conf(unit: &str, n: u64) -> Conference {
    Conference {
        id: None,
        unit: code(unit),
        date: NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(),
        actor: Actor::PartyCommittees,
        kind: ConferenceKind::Both,
        participants: Reported::exact(Count::new(n)),
        headcount: Headcount::Occurrences,
    }
}

/// Old (synthetic): province 10, districts 101 and 102, communes 10101, 10102, 10201.
fn old_h() -> Hierarchy {
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

fn new_h() -> Hierarchy {
    Hierarchy::new(vec![
        Unit::new(code("80"), "NP (synthetic)"),
        Unit::new(code("80001"), "NC1 (synthetic)").with_parent(Some(code("80"))),
    ])
    .unwrap()
}

fn participants(t: &Totals, unit: &str) -> Option<Interval> {
    t.get(
        &code(unit),
        Builtin::ConferenceParticipants,
        Actor::PartyCommittees,
    )
}

#[test]
fn an_own_entry_with_a_target_missing_from_the_new_units_is_an_error() {
    let mut acc = Accumulator::new(&old_h(), Period::year(2024).unwrap(), &[]);
    acc.add(&conf("101", 100)).unwrap();
    acc.add(&conf("10101", 5)).unwrap();
    let t = acc.finish().unwrap();
    let cw = Crosswalk::builder()
        .merge(code("10101"), code("80001"))
        .merge(code("10102"), code("80001"))
        .merge(code("10201"), code("80001"))
        .split_unknown(code("101"), &[code("80001"), code("99999")])
        .build()
        .unwrap();
    let err = t.rekey(&cw, Level::Commune, &new_h()).unwrap_err();
    assert_eq!(err.code(), "DV042");
    assert!(err.to_string().contains("99999"), "{err}");
}

#[test]
fn a_partial_one_target_entry_gives_bounds_not_an_exact_figure() {
    let mut acc = Accumulator::new(&old_h(), Period::year(2024).unwrap(), &[]);
    acc.add(&conf("10101", 100)).unwrap();
    let t = acc.finish().unwrap();
    let cw = Crosswalk::builder()
        .partial(code("10101"), &[(code("80001"), Weight::Unknown)])
        .merge(code("10102"), code("80001"))
        .merge(code("10201"), code("80001"))
        .build()
        .unwrap();
    let after = t.rekey(&cw, Level::Commune, &new_h()).unwrap();
    assert_eq!(participants(&after, "80001"), Some(Interval::at_most(100)));
    // Nothing says the unnamed remainder is inside province 80.
    assert_eq!(participants(&after, "80"), Some(Interval::at_most(100)));
    // An old province merged whole into 80 says it is: 80 gets 100 exactly.
    let cw = Crosswalk::builder()
        .partial(code("10101"), &[(code("80001"), Weight::Unknown)])
        .merge(code("10102"), code("80001"))
        .merge(code("10201"), code("80001"))
        .merge(code("10"), code("80"))
        .build()
        .unwrap();
    let after = t.rekey(&cw, Level::Commune, &new_h()).unwrap();
    assert_eq!(participants(&after, "80001"), Some(Interval::at_most(100)));
    assert_eq!(participants(&after, "80"), Some(Interval::exact(100)));
}
