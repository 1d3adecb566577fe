//! Crosswalks as the data is: the national mapping's shape, every entry
//! shape, composition, warnings and the wire round trip. All units and
//! mappings here are synthetic (made-up codes).

use danvan::{
    Crosswalk, CrosswalkBuilder, Hierarchy, Level, Mapped, Severity, ThenOptions, Unit, UnitCode,
    Weight,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn code(s: &str) -> UnitCode {
    s.parse().unwrap()
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str_exact(s).unwrap()
}

/// Synthetic old units: two provinces, an island district 902 without
/// communes, five communes.
fn old_units() -> Hierarchy {
    let under = |p: &str| Some(code(p));
    Hierarchy::new(vec![
        Unit::new(code("90"), "Synthetic old province 90"),
        Unit::new(code("91"), "Synthetic old province 91"),
        Unit::new(code("901"), "Synthetic old district 901").with_parent(under("90")),
        Unit::new(code("902"), "Synthetic old island district 902").with_parent(under("90")),
        Unit::new(code("911"), "Synthetic old district 911").with_parent(under("91")),
        Unit::new(code("90001"), "Synthetic old commune").with_parent(under("901")),
        Unit::new(code("90002"), "Synthetic old commune").with_parent(under("901")),
        Unit::new(code("90003"), "Synthetic old commune").with_parent(under("901")),
        Unit::new(code("91001"), "Synthetic old commune").with_parent(under("911")),
        Unit::new(code("91002"), "Synthetic old commune").with_parent(under("911")),
    ])
    .unwrap()
}

/// Synthetic new units: two provinces of communes, a special zone 90030.
fn new_units() -> Hierarchy {
    let under = |p: &str| Some(code(p));
    Hierarchy::new(vec![
        Unit::new(code("90"), "Synthetic new province 90"),
        Unit::new(code("92"), "Synthetic new province 92"),
        Unit::new(code("90010"), "Synthetic new commune").with_parent(under("90")),
        Unit::new(code("90020"), "Synthetic new commune").with_parent(under("90")),
        Unit::new(code("90030"), "Synthetic new special zone").with_parent(under("90")),
        Unit::new(code("92010"), "Synthetic new commune").with_parent(under("92")),
        Unit::new(code("92020"), "Synthetic new commune").with_parent(under("92")),
    ])
    .unwrap()
}

fn mapping() -> CrosswalkBuilder {
    let text = crate::read("tests/crosswalk/synthetic-reform-mapping.json");
    CrosswalkBuilder::from_reform_mapping_json(text.as_bytes()).unwrap()
}

#[test]
fn the_national_mapping_shape_is_read_as_it_is() {
    let cw = mapping().build().unwrap();
    assert_eq!(cw.len(), 6);
    assert_eq!(cw.effective(), chrono::NaiveDate::from_ymd_opt(2025, 7, 1));
    assert!(cw.source().unwrap().starts_with("synthetic"));
    // Provinces: a merge and a split without shares.
    assert_eq!(
        cw.targets(&code("90")).unwrap(),
        [(code("90"), Weight::Exact(Decimal::ONE))]
    );
    let split = cw.entry(&code("91")).unwrap();
    assert_eq!(split.targets().len(), 2);
    assert!(split.covers_whole() && !split.is_exact());
    // Communes: merge; partial with several targets = split without shares;
    // partial with one target = an unnamed remainder.
    assert!(cw.entry(&code("90001")).unwrap().is_exact());
    let several = cw.entry(&code("90002")).unwrap();
    assert!(several.covers_whole() && !several.has_unnamed_remainder());
    assert!(several.targets().iter().all(|(_, w)| *w == Weight::Unknown));
    let one = cw.entry(&code("90003")).unwrap();
    assert!(one.has_unnamed_remainder() && !one.covers_whole());
    let parts = one.parts(9).unwrap();
    assert_eq!(
        parts.targets(),
        [(code("90020"), Mapped::Between { low: 0, high: 9 })]
    );
    assert_eq!(parts.unnamed(), Some(Mapped::Between { low: 0, high: 9 }));
    // The same crosswalk written in the crate's format reads back as itself.
    let text = serde_json::to_string(&cw).unwrap();
    assert_eq!(Crosswalk::from_json(text.as_bytes()).unwrap(), cw);
}

#[test]
fn mapping_shape_errors_say_where_and_what() {
    let err =
        CrosswalkBuilder::from_reform_mapping_json(r#"{"provinces": {"901": ["90"]}}"#.as_bytes())
            .unwrap_err();
    assert_eq!(err.code(), "DV050");
    assert!(
        err.to_string()
            .contains("key \"901\" is not a province code of 2 digits"),
        "{err}"
    );
    let err = CrosswalkBuilder::from_reform_mapping_json(
        r#"{"communes": {"90001": {"to": ["90010"], "partal": true}}}"#.as_bytes(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("unknown field `partal`"), "{err}");
    // A key given twice is kept, and build names it.
    let twice = CrosswalkBuilder::from_reform_mapping_json(
        r#"{"communes": {"90001": {"to": ["90010"], "partial": false}, "90001": {"to": ["90020"], "partial": false}}}"#.as_bytes(),
    )
    .unwrap();
    assert_eq!(twice.problems().len(), 1);
    assert_eq!(twice.build().unwrap_err().code(), "DV041");
    let small = danvan::Limits::default().with_max_bytes(10);
    let err = CrosswalkBuilder::from_reform_mapping_json_with_limits(
        r#"{"provinces": {"90": ["90"]}}"#.as_bytes(),
        &small,
    )
    .unwrap_err();
    assert_eq!(err.code(), "DV120");
    // `partial` is required: read as absent-means-whole it would claim an
    // exact merge the table never stated (found by review of issue 14).
    let err = CrosswalkBuilder::from_reform_mapping_json(
        r#"{"communes": {"90001": {"to": ["90010"]}}}"#.as_bytes(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("missing field `partial`"), "{err}");
}

#[test]
fn a_district_without_communes_goes_to_a_special_zone() {
    let cw = mapping().merge(code("902"), code("90030")).build().unwrap();
    assert_eq!(
        cw.targets(&code("902")).unwrap(),
        [(code("90030"), Weight::Exact(Decimal::ONE))]
    );
    let (old, new) = (old_units(), new_units());
    // No level error: at the district level only the districts without an
    // entry of their own are named (their communes carry them).
    let got: Vec<String> = cw
        .check(&old, &new, Level::District)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        got,
        [
            "old unit \"901\" has no crosswalk entry",
            "old unit \"911\" has no crosswalk entry"
        ]
    );
    let wrong = Crosswalk::builder()
        .merge(code("903"), code("90040"))
        .build()
        .unwrap();
    let codes: Vec<&str> = wrong
        .check(&old, &new, Level::District)
        .iter()
        .map(|e| e.code().as_str())
        .collect();
    assert_eq!(codes, ["DV040", "DV040", "DV040", "DV043", "DV042"]);
    assert!(cw.check(&old, &new, Level::Province).is_empty());
}

#[test]
fn warnings_name_what_is_left_out() {
    // The communes of the mapping only (no province entries).
    let mut doc: serde_json::Value = serde_json::from_str(&crate::read(
        "tests/crosswalk/synthetic-reform-mapping.json",
    ))
    .unwrap();
    doc.as_object_mut().unwrap().remove("provinces");
    let cw = CrosswalkBuilder::from_reform_mapping_json(doc.to_string().as_bytes())
        .unwrap()
        .merge(code("902"), code("90030"))
        .build()
        .unwrap();
    let warnings = cw.warnings(&old_units(), &new_units());
    let got: Vec<(String, &str)> = warnings
        .iter()
        .map(|w| (w.to_string(), w.code().as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("old unit \"91002\" is left unmapped: neither it, a unit above it, nor every unit below it has a crosswalk entry".to_owned(), "DV140"),
            ("new unit \"92020\" receives nothing from the crosswalk".to_owned(), "DV141"),
            ("part of old unit \"90003\" went to a new unit the crosswalk does not name: its named targets get bounds only".to_owned(), "DV139"),
        ]
    );
    assert!(warnings
        .iter()
        .all(|w| w.kind().default_severity() == Severity::Warning));
    // With the province entries, every old unit is carried by its province
    // (the island district too) and every new unit is reached from its
    // province: only the unnamed remainder is left.
    let cw = mapping().build().unwrap();
    let codes: Vec<&str> = cw
        .warnings(&old_units(), &new_units())
        .iter()
        .map(|w| w.code().as_str())
        .collect();
    assert_eq!(codes, ["DV139"]);
}

#[test]
fn every_entry_shape_and_its_parts() {
    let cw = Crosswalk::builder()
        .source("synthetic")
        .entry(
            code("10513"),
            &[
                (code("10510"), Weight::Exact(dec("0.25"))),
                (code("10516"), Weight::Unknown),
            ],
        )
        .partial(code("10519"), &[(code("10510"), Weight::Exact(dec("0.5")))])
        .split_unknown(code("10522"), &[code("10516")])
        .build()
        .unwrap();
    // A lone target of unknown share beside known ones gets exactly the rest.
    let parts = cw.entry(&code("10513")).unwrap().parts(8).unwrap();
    assert_eq!(
        parts.targets(),
        [
            (code("10510"), Mapped::Exact(2)),
            (code("10516"), Mapped::Exact(6))
        ]
    );
    let parts = cw.entry(&code("10519")).unwrap().parts(8).unwrap();
    assert_eq!(parts.targets(), [(code("10510"), Mapped::Exact(4))]);
    assert_eq!(parts.unnamed(), Some(Mapped::Exact(4)));
    // A one-target split without shares is the whole old unit, not [0, v].
    let parts = cw.entry(&code("10522")).unwrap().parts(8).unwrap();
    assert_eq!(parts.targets(), [(code("10516"), Mapped::Exact(8))]);
    // Known shares that leave nothing for an unknown target or a remainder.
    let err = Crosswalk::builder()
        .partial(
            code("10519"),
            &[(code("10510"), Weight::Exact(Decimal::ONE))],
        )
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "shares of old unit \"10519\" sum to 1, leaving nothing for its targets without share or its unnamed remainder: expected less than 1"
    );
    let json = r#"{"entries": [{"from": "10513", "to": [{"code": "10510", "share": "0.6"}, {"code": "10516", "share": "0.4"}, {"code": "10519", "share": "unknown"}]}]}"#;
    assert_eq!(
        Crosswalk::from_json(json.as_bytes()).unwrap_err().code(),
        "DV136"
    );
}

#[test]
fn merge_then_split() {
    let first = Crosswalk::builder()
        .source("synthetic A")
        .merge(code("10507"), code("20001"))
        .merge(code("10510"), code("20001"))
        .build()
        .unwrap();
    let next = Crosswalk::builder()
        .source("synthetic B")
        .split(
            code("20001"),
            &[(code("30001"), dec("0.25")), (code("30002"), dec("0.75"))],
        )
        .build()
        .unwrap();
    let both = first.then(&next).unwrap();
    assert_eq!(both.source(), Some("synthetic A then synthetic B"));
    assert_eq!(
        both.targets(&code("10507")).unwrap(),
        [
            (code("30001"), Weight::Exact(dec("0.25"))),
            (code("30002"), Weight::Exact(dec("0.75")))
        ]
    );
}

#[test]
fn split_then_merge() {
    let first = Crosswalk::builder()
        .split(
            code("10507"),
            &[(code("20001"), dec("0.3")), (code("20002"), dec("0.7"))],
        )
        .split_unknown(code("10510"), &[code("20001"), code("20002")])
        .build()
        .unwrap();
    let next = Crosswalk::builder()
        .merge(code("20001"), code("30001"))
        .merge(code("20002"), code("30001"))
        .build()
        .unwrap();
    let both = first.then(&next).unwrap();
    // Shares that meet again add up exactly to a merge.
    assert_eq!(
        both.targets(&code("10507")).unwrap(),
        [(code("30001"), Weight::Exact(Decimal::ONE))]
    );
    // Unknown stays unknown, but the one target holds the whole.
    assert_eq!(
        both.targets(&code("10510")).unwrap(),
        [(code("30001"), Weight::Unknown)]
    );
    assert_eq!(
        both.map_counts([(code("10510"), 7)]).unwrap(),
        [(code("30001"), Mapped::Exact(7))]
    );
}

#[test]
fn partial_composition() {
    let first = Crosswalk::builder()
        .partial(code("10507"), &[(code("20001"), Weight::Exact(dec("0.5")))])
        .merge(code("10510"), code("20002"))
        .build()
        .unwrap();
    let next = Crosswalk::builder()
        .split(
            code("20001"),
            &[(code("30001"), dec("0.5")), (code("30002"), dec("0.5"))],
        )
        .partial(code("20002"), &[(code("30002"), Weight::Unknown)])
        .build()
        .unwrap();
    let both = first.then(&next).unwrap();
    let a = both.entry(&code("10507")).unwrap();
    assert!(a.has_unnamed_remainder());
    assert_eq!(
        a.targets(),
        [
            (code("30001"), Weight::Exact(dec("0.25"))),
            (code("30002"), Weight::Exact(dec("0.25")))
        ]
    );
    let b = both.entry(&code("10510")).unwrap();
    assert!(b.has_unnamed_remainder());
    assert_eq!(b.targets(), [(code("30002"), Weight::Unknown)]);
    // A target the next crosswalk lacks is an error naming it, or kept.
    let short = Crosswalk::builder()
        .merge(code("20001"), code("30001"))
        .build()
        .unwrap();
    let err = first.then(&short).unwrap_err();
    assert_eq!(
        err.to_string(),
        "composing crosswalks: \"10510\" goes to \"20002\", which the next crosswalk does not map: expected an entry for it, or the option to keep it"
    );
    let kept = first
        .then_with(&short, ThenOptions::new().keep_unmapped(true))
        .unwrap();
    assert_eq!(
        kept.targets(&code("10510")).unwrap(),
        [(code("20002"), Weight::Exact(Decimal::ONE))]
    );
    // A product past 18 places is refused, not rounded.
    let fine = Crosswalk::builder()
        .split(
            code("10507"),
            &[
                (code("20001"), dec("0.000000001")),
                (code("20002"), dec("0.999999999")),
            ],
        )
        .build()
        .unwrap();
    let finer = Crosswalk::builder()
        .split(
            code("20001"),
            &[
                (code("30001"), dec("0.0000000001")),
                (code("30002"), dec("0.9999999999")),
            ],
        )
        .merge(code("20002"), code("30002"))
        .build()
        .unwrap();
    assert_eq!(fine.then(&finer).unwrap_err().code(), "DV138");
}

/// One generated entry: the number of targets, the shape and share cuts.
#[derive(Clone, Debug)]
struct Shape {
    targets: usize,
    kind: u8,
    cuts: Vec<u64>,
}

fn shapes() -> impl Strategy<Value = Vec<Shape>> {
    proptest::collection::vec(
        (1usize..5, 0u8..5, proptest::collection::vec(1u64..200, 5)).prop_map(
            |(targets, kind, cuts)| Shape {
                targets,
                kind,
                cuts,
            },
        ),
        0..25,
    )
}

/// A synthetic crosswalk of every shape: shares over 1000, each at least 1.
fn crosswalk_of(shapes: &[Shape]) -> Crosswalk {
    let mut b = Crosswalk::builder().source("synthetic generated");
    for (i, s) in shapes.iter().enumerate() {
        let from = code(&format!("{:05}", 10_000 + i));
        let to: Vec<UnitCode> = (0..s.targets)
            .map(|j| code(&format!("{:05}", 20_000 + (i * 3 + j) % 40)))
            .collect();
        let share = |n: u64| Weight::Exact(Decimal::new(i64::try_from(n).unwrap(), 3));
        let n = u64::try_from(s.targets).unwrap();
        // Known shares each below 1000/n, so any n of them stay below 1.
        let small: Vec<u64> = s.cuts.iter().map(|c| 1 + c % (999 / n)).collect();
        let weights: Vec<(UnitCode, Weight)> = match s.kind {
            // Shares adding up to exactly 1 (a merge with one target).
            0 => {
                let first: u64 = small.iter().take(s.targets - 1).sum();
                to.iter()
                    .enumerate()
                    .map(|(j, c)| {
                        let part = if j + 1 == s.targets {
                            1000 - first
                        } else {
                            small[j]
                        };
                        (*c, share(part))
                    })
                    .collect()
            }
            // Without shares (one target included).
            1 | 3 => to.iter().map(|c| (*c, Weight::Unknown)).collect(),
            // Known shares for all but the last target.
            2 => to
                .iter()
                .enumerate()
                .map(|(j, c)| {
                    if j + 1 == s.targets {
                        (*c, Weight::Unknown)
                    } else {
                        (*c, share(small[j]))
                    }
                })
                .collect(),
            // Partial with known shares.
            _ => to
                .iter()
                .enumerate()
                .map(|(j, c)| (*c, share(small[j])))
                .collect(),
        };
        b = if s.kind >= 3 {
            b.partial(from, &weights)
        } else {
            b.entry(from, &weights)
        };
    }
    b.build().unwrap()
}

proptest! {
    #[test]
    fn written_and_read_back_a_crosswalk_is_itself(shapes in shapes()) {
        let cw = crosswalk_of(&shapes);
        let text = serde_json::to_string(&cw).unwrap();
        let again = Crosswalk::from_json(text.as_bytes()).unwrap();
        prop_assert_eq!(&again, &cw);
        let via_serde: Crosswalk = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&via_serde, &cw);
        prop_assert_eq!(serde_json::to_string(&again).unwrap(), text);
    }

    #[test]
    fn composing_with_identity_keeps_every_entry(shapes in shapes()) {
        let cw = crosswalk_of(&shapes);
        let mut id = Crosswalk::builder();
        for i in 0..40 {
            let c = code(&format!("{:05}", 20_000 + i));
            id = id.merge(c, c);
        }
        let id = id.build().unwrap();
        let both = cw.then(&id).unwrap();
        for (a, b) in both.entries().zip(cw.entries()) {
            prop_assert_eq!(a.from(), b.from());
            prop_assert_eq!(a.targets(), b.targets());
            prop_assert_eq!(a.has_unnamed_remainder(), b.has_unnamed_remainder());
        }
    }
}
