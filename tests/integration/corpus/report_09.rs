//! Corpus report 09: phường Phú Định (TP. Hồ Chí Minh), năm 2025, after the
//! 1 July 2025 reform: the ward's Fatherland Front (Ủy ban MTTQ phường)
//! year review (`tests/corpus/report-09.json`; source:
//! https://nld.com.vn/phuong-phu-dinh-so-hoa-cong-tac-mat-tran-tao-hon-2-trieu-luot-tuong-tac-nam-2025-196260109134525341.htm).
//!
//! The meaning table below is derived column by column from the report's
//! "Figures stated" table (`../shared/corpus/report-09.md`), one row per row.
//!
//! Encoding notes:
//! - the post-reform ward sits directly under the city (79, by code only);
//!   its code is not in the pre-2025 lists, so 99091 is synthetic (the
//!   fixture's title says so); its name is the report's.
//! - rows 3 and 4 are one quantity worded "trên" (body) and "hơn" (headline):
//!   two figures of one key and one interval, which the check notes once
//!   (DV188) and never adds.
//! - rows 5–6 are by the Front's neighbourhood boards and the mass
//!   organisations of the khu phố (`front_and_mass_organizations`, doer level
//!   `village`), added to the ward, and "thêm" (`additional`): on top of a
//!   base the report does not give, never a total.
//! - row 6 keeps the report's word: "gần 250 triệu" (`nearly`: [0, 250
//!   triệu] of tone near; the first encoding read it as a plain "at most",
//!   worded "không quá").

use super::fixture;
use super::meaning::{self, Expected, Period::Dataset, Value};
use danvan::{IndicatorKind::Flow, Interval};
use rust_decimal::Decimal;

const FIXTURE: &str = "report-09.json";
const KHU_PHO: (&str, &str) = ("doer_level", "village");

/// A count of the Front's, of the dataset's period.
const fn front(
    row: u32,
    id: &'static str,
    indicator: &'static str,
    value: Value,
    word: Option<&'static str>,
) -> Expected {
    Expected {
        row,
        id,
        part: None,
        indicator,
        kind: Flow,
        value_type: "count",
        // Row 1 names the Front's own pages and channels; rows 2–4 count the
        // follows and interactions of those channels (and the table's header
        // says to tag the report's actor as MTTQ).
        actor: &["front"],
        dims: &[],
        period: Dataset,
        value,
        word,
        named: &[],
        unit: "99091",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    }
}

/// One row per figure of the report's table (the dataset's period, 2025).
const ROWS: &[Expected] = &[
    front(1, "f09_1", "news_posts", Value::Count(578, Some(578)), None),
    front(
        2,
        "f09_2",
        "follows",
        Value::Count(10_000, None),
        Some("more_than"),
    ),
    front(
        3,
        "f09_3",
        "interactions",
        Value::Count(2_000_000, None),
        Some("above"),
    ),
    front(
        4,
        "f09_4",
        "interactions",
        Value::Count(2_000_000, None),
        Some("more_than"),
    ),
    Expected {
        row: 5,
        id: "f09_5",
        part: None,
        indicator: "gift_packages",
        kind: Flow,
        value_type: "count",
        actor: &["front_and_mass_organizations"],
        dims: &[KHU_PHO],
        period: Dataset,
        value: Value::Count(2500, None),
        word: Some("more_than"),
        named: &[],
        // unit: "neighbourhood (aggregated to ward)" (99091); additional: the table's "thêm".
        unit: "99091",
        awarded_by: None,
        additional: true,
        change: None,
        breakdown: None,
    },
    Expected {
        row: 6,
        id: "f09_6",
        part: None,
        indicator: "gift_value",
        kind: Flow,
        value_type: "amount",
        actor: &["front_and_mass_organizations"],
        dims: &[KHU_PHO],
        period: Dataset,
        value: Value::Amount("0", Some("250000000"), "đồng"),
        word: Some("nearly"),
        named: &[],
        // unit: aggregated to the ward (99091); additional: the value of the "thêm" gifts of #5, no total either.
        unit: "99091",
        awarded_by: None,
        additional: true,
        change: None,
        breakdown: None,
    },
];

/// Figures of the report's table the fixture cannot hold: none.
const NOT_ENCODED: &[(u32, &str)] = &[];

#[test]
fn report_09_every_figure_has_its_meaning() {
    let (_, d) = fixture(FIXTURE);
    meaning::assert_rows(&d, ROWS, NOT_ENCODED, 6);
    assert_eq!(d.period, danvan::Period::year(2025).unwrap());
    // "thêm": rows 5 and 6 are additional (the rows say so, the rest are
    // not), and the key keeps it.
    assert!(d.key_of(super::figure(&d, "f09_5")).additional);
    let h = d.hierarchy().unwrap();
    assert_eq!(h.len(), 2);
}

/// The headline's "hơn 2 triệu" is the body's "trên 2 triệu": one figure,
/// noted once (DV188 at the second statement), no error.
#[test]
fn report_09_checks_with_the_repeat_noted() {
    let (_, d) = fixture(FIXTURE);
    assert_eq!(
        d.key_of(super::figure(&d, "f09_3")),
        d.key_of(super::figure(&d, "f09_4"))
    );
    let checked = meaning::passing(d);
    assert_eq!(checked, [("DV188".to_string(), "figures[3]".to_string())]);
}

/// The report's "Relations stated":
/// - rows 3 and 4 are one quantity: the key says so (tested above), so no
///   `equal` relation is declared (between two unbounded intervals it could
///   never be more than open); a headline with another number is a conflict
///   (DV189, below);
/// - row 5 "thêm" has an unstated base: `additional`, never a total (below);
/// - gần 250 triệu over hơn 2.500 gifts is a derived bound (below);
/// - follows and interactions are engagement counts, their own indicators,
///   never people reached.
#[test]
fn report_09_declares_no_relation() {
    let (_, d) = fixture(FIXTURE);
    assert!(d.relations.is_empty());
    let follows = super::figure(&d, "f09_2").indicator.as_str();
    let interactions = super::figure(&d, "f09_3").indicator.as_str();
    assert_ne!(follows, interactions);
}

/// A headline number different from the body's is one key with two
/// intervals: DV189. "hơn 3 triệu" is not "trên 2 triệu"; nor is an exact
/// 2.000.000.
#[test]
fn report_09_headline_with_another_number_conflicts() {
    let (json, _) = fixture(FIXTURE);
    let body = r#""value": {"word": "more_than", "value": 2000000}"#;
    assert!(json.contains(body));
    for headline in [
        r#""value": {"word": "more_than", "value": 3000000}"#,
        r#""value": 2000000"#,
    ] {
        let d = danvan::DatasetV2::from_json(json.replacen(body, headline, 1).as_bytes()).unwrap();
        let report = meaning::failing(d);
        assert_eq!(report, [("DV189".to_string(), "figures[3]".to_string())]);
    }
}

/// "thêm 2.500": a ward total of gifts stated beside it (here a synthetic
/// 1.000, below the additional 2.500) is another key, never compared with nor
/// replaced by the additional figure.
#[test]
fn report_09_additional_gifts_are_not_a_total() {
    let (json, _) = fixture(FIXTURE);
    let mut doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let list = doc["figures"].as_array_mut().unwrap();
    let mut total = list[4].clone();
    total["id"] = "f09_total_synthetic".into();
    total.as_object_mut().unwrap().remove("additional");
    total["value"] = 1000.into();
    list.push(total);
    let d = danvan::DatasetV2::from_json(doc.to_string().as_bytes()).unwrap();
    assert_ne!(d.key_of(&d.figures[4]), d.key_of(&d.figures[6]));
    let checked = meaning::passing(d);
    assert_eq!(checked, [("DV188".to_string(), "figures[3]".to_string())]);
}

/// Derived only: gần 250 triệu đồng over hơn 2.500 gifts is at most 100.000
/// đồng a gift (both bounds point the same way), with no lower bound but
/// zero; from the fixture's own figures.
#[test]
fn report_09_value_per_gift_is_a_bound() {
    let (_, d) = fixture(FIXTURE);
    let value = super::figure(&d, "f09_6").amount().unwrap().unwrap();
    let gifts = super::figure(&d, "f09_5").count().unwrap();
    let high = value
        .high()
        .map(|h| u64::try_from(Decimal::from(h)).unwrap());
    let value =
        Interval::between(u64::try_from(Decimal::from(value.low())).unwrap(), high).unwrap();
    let per_gift = value.ratio(gifts, 0).unwrap();
    assert_eq!(per_gift.low(), Decimal::ZERO);
    assert_eq!(per_gift.high(), Some(Decimal::from(100_000u64)));
}

/// The values are typed: a gift value in another unit word (DV163); the
/// news posts as a rate (DV162).
#[test]
fn report_09_broken_values_are_refused() {
    let (json, _) = fixture(FIXTURE);
    for (from, to, code, path) in [
        (
            r#""unit": "đồng""#,
            r#""unit": "suất""#,
            "DV163",
            "figures[5].value",
        ),
        (
            r#""value": 578}"#,
            r#""value": {"percent": "20"}}"#,
            "DV162",
            "figures[0].value",
        ),
    ] {
        assert!(json.contains(from), "{from}");
        let d = danvan::DatasetV2::from_json(json.replacen(from, to, 1).as_bytes()).unwrap();
        let report = meaning::failing(d);
        // The error, and the repeat of rows 3–4 noted as before.
        assert_eq!(
            report,
            [
                (code.to_string(), path.to_string()),
                ("DV188".to_string(), "figures[3]".to_string())
            ]
        );
    }
}

/// Row 5 counts gifts mobilised ("vận động thêm"), not gifts handed out: the
/// indicator's verb says so, and the report reads "vận động thêm", never
/// "trao tặng thêm" (the fixture's first wording, which claimed a handing-out
/// the report does not state).
#[test]
fn report_09_additional_gifts_are_mobilised_not_given() {
    let (_, d) = fixture(FIXTURE);
    let cat = super::catalogue(&d);
    let gifts = cat.get(&super::figure(&d, "f09_5").indicator).unwrap();
    let wording = gifts.wording.as_ref().unwrap();
    assert_eq!(wording.verb.as_deref(), Some("vận động"));
    assert_eq!(wording.noun.as_deref(), Some("suất quà"));
}
