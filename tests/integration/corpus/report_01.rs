//! Corpus report 01: huyện Tân Phước (Tiền Giang), the district's
//! mobilization bloc meeting of the second quarter of 2016.
//! Source: https://tuyengiaotiengiang.vn/Tin-tuc-Su-kien/Tan-Phuoc-hoi-nghi-giao-ban-khoi-dan-van-qui-II-1436.html
//! (the corpus table: `report-01.md` of the shared corpus).
//!
//! Every row of the report's "Figures stated" table is a figure of
//! `tests/corpus/report-01.json`; the table below restates each row column by
//! column and is asserted against the parsed fixture.
//!
//! Each figure belongs to the one actor the report names for it (the Front,
//! the Women's Union, the Farmers' Union, the Youth Union, the Veterans'
//! Association) and nothing adds them up. Row 1 counts houses *handed over*
//! (its own indicator: the report does not say they were all newly built).
//!
//! Relations (the table's "Relations stated"):
//! - a ratio's numerator is within its denominator (13/13, 12/13): built in;
//! - the denominator 13 of rows 3 and 5 is the number of grassroots units:
//!   both are `ratio_of` communes, so both are checked against the communes
//!   the dataset lists. The report names none, so the fixture lists none (the
//!   pre-2025 list of `../shared/data/` has 12 commune-level units under 818,
//!   a later list than 2016's: it is not the 2016 count), and the test below
//!   lists 13 synthetic ones to show the check;
//! - "gần 927 triệu / 28 houses" is derived only (not stated): not declared.

use danvan::IndicatorKind::{Flow, Stock};

use serde_json::json;

use super::meaning::{
    self, Expected,
    Period::{Dataset, Years},
    Value,
};

const FIXTURE: &str = "report-01.json";

/// Rows 1-2: "từ huyện đến cơ sở", a doer level spanning the district and
/// the communes.
const DISTRICT_TO_GRASSROOTS: (&str, &str) = ("doer_level", "district_to_commune");

/// The report's rows that are not encoded: none.
const NOT_ENCODED: &[(u32, &str)] = &[];

/// One line per row of the report's table, column by column.
const ROWS: &[Expected] = &[
    // #1 28 "great solidarity" houses handed over, by the Front from the
    // district to the grassroots ("từ huyện đến cơ sở": the lumped doer
    // level district_to_commune, the district's and the communes' bodies).
    Expected {
        row: 1,
        id: "f01_1",
        part: None,
        indicator: "houses_handed_over",
        kind: Flow,
        value_type: "count",
        actor: &["front"],
        dims: &[DISTRICT_TO_GRASSROOTS],
        period: Dataset,
        value: Value::Count(28, Some(28)),
        word: None,
        named: &[],
        // unit: the table's "district → grassroots" is the district's total (818).
        unit: "818",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    },
    // #2 "gần 927 triệu đồng": the cost of those houses, the word nearly
    // ([0, 927 triệu], near).
    Expected {
        row: 2,
        id: "f01_2",
        part: None,
        indicator: "houses_cost",
        kind: Flow,
        value_type: "amount",
        actor: &["front"],
        dims: &[DISTRICT_TO_GRASSROOTS],
        period: Dataset,
        value: Value::Amount("0", Some("927000000"), "đồng"),
        word: Some("nearly"),
        named: &[],
        // unit: "district → grassroots", the district's total (818).
        unit: "818",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    },
    // #3 13/13 grassroots Women's Union chapters held their congress.
    Expected {
        row: 3,
        id: "f01_3",
        part: None,
        indicator: "chapters_congress_done",
        kind: Stock,
        value_type: "ratio",
        actor: &["womens_union"],
        dims: &[],
        period: Dataset,
        value: Value::Ratio(13, Some(13), 13),
        word: None,
        named: &[],
        // unit: the table's level "commune" is of the 13 chapters counted; the 13/13 is the district's (818).
        unit: "818",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    },
    // #4 45,7% of the resolution's target for the Farmers' Support Fund: a
    // share of a target (it may exceed 100%), a stock at the quarter's end
    // (whether the quarter's or the year's mobilisation is not stated).
    Expected {
        row: 4,
        id: "f01_4",
        part: None,
        indicator: "farmers_fund_share_of_target",
        kind: Stock,
        value_type: "rate",
        actor: &["farmers_union"],
        dims: &[],
        period: Dataset,
        value: Value::Rate("45.7"),
        word: None,
        named: &[],
        unit: "818",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    },
    // #5 12/13 grassroots units with summer youth volunteer activities.
    Expected {
        row: 5,
        id: "f01_5",
        part: None,
        indicator: "summer_volunteer_units",
        kind: Stock,
        value_type: "ratio",
        actor: &["youth_union"],
        dims: &[],
        period: Dataset,
        value: Value::Ratio(12, Some(12), 13),
        word: None,
        named: &[],
        // unit: "commune" is the level of the 13 units counted; the 12/13 is the district's (818).
        unit: "818",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    },
    // #6 96 outstanding Youth Union members put forward for Party admission.
    Expected {
        row: 6,
        id: "f01_6",
        part: None,
        indicator: "members_recommended_for_party",
        kind: Flow,
        value_type: "count",
        actor: &["youth_union"],
        dims: &[],
        period: Dataset,
        value: Value::Count(96, Some(96)),
        word: None,
        named: &[],
        unit: "818",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    },
    // #7 "05 năm": the length of the period the Veterans' Association
    // reviewed, a duration (never added), over the 5 years ending with 2016
    // (the review's span; its first year is not stated, so no dates).
    Expected {
        row: 7,
        id: "f01_7",
        part: None,
        indicator: "review_length",
        kind: Stock,
        value_type: "duration",
        actor: &["veterans"],
        dims: &[],
        period: Years(5, 2016),
        value: Value::Duration("5", "năm"),
        word: None,
        named: &[],
        unit: "818",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    },
    // #8 04 Youth Union branches consolidated (the sentence is cut off here).
    Expected {
        row: 8,
        id: "f01_8",
        part: None,
        indicator: "youth_branches_consolidated",
        kind: Flow,
        value_type: "count",
        actor: &["youth_union"],
        dims: &[],
        period: Dataset,
        value: Value::Count(4, Some(4)),
        word: None,
        named: &[],
        unit: "818",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    },
];

/// Each custom indicator's value type in full (the rows give its name).
const VALUE_SPECS: &[(&str, &str)] = &[
    ("houses_handed_over", r#""count""#),
    ("houses_cost", r#"{"amount":"đồng"}"#),
    ("chapters_congress_done", r#"{"ratio_of":"commune"}"#),
    ("farmers_fund_share_of_target", r#""rate_of_target""#),
    ("summer_volunteer_units", r#"{"ratio_of":"commune"}"#),
    ("members_recommended_for_party", r#""count""#),
    ("review_length", r#"{"duration":"năm"}"#),
    ("youth_branches_consolidated", r#""count""#),
];

#[test]
fn every_row_has_its_meaning() {
    let d = super::dataset(FIXTURE);
    assert_eq!(d.root.map(|c| c.to_string()).as_deref(), Some("818"));
    assert!(d.title.as_deref().is_some_and(|t| t.ends_with(
        "source: https://tuyengiaotiengiang.vn/Tin-tuc-Su-kien/Tan-Phuoc-hoi-nghi-giao-ban-khoi-dan-van-qui-II-1436.html"
    )));
    assert_eq!(
        d.period,
        danvan::Period::new("2016-04-01".parse().unwrap(), "2016-06-30".parse().unwrap()).unwrap()
    );
    meaning::assert_rows(&d, ROWS, NOT_ENCODED, 8);
    let catalogue = super::catalogue(&d);
    for (id, spec) in VALUE_SPECS {
        let entry = catalogue.get(&id.parse().unwrap()).unwrap();
        assert_eq!(serde_json::to_string(&entry.value).unwrap(), *spec, "{id}");
    }
    // Nothing declared: the report states no sum, at-most or equality
    // between its figures (the module's doc).
    assert!(d.relations.is_empty());
}

#[test]
fn checks_clean() {
    meaning::assert_clean(FIXTURE);
}

/// 12/13: the numerator within the denominator (built in); 14/13 is refused.
#[test]
fn a_ratio_is_within_its_denominator() {
    meaning::assert_broken(
        FIXTURE,
        "f01_5",
        |f| f["value"] = json!({"num": 14, "den": 13}),
        ("DV165", "figures[4].value"),
    );
}

/// The fixture with `n` synthetic communes under the district (the report
/// names none; these exist only to show the check of the denominators).
fn with_communes(n: u32) -> serde_json::Value {
    let mut doc = super::json(FIXTURE);
    let units = doc["units"].as_array_mut().unwrap();
    for i in 1..=n {
        units.push(json!({"code": format!("998{i:02}"), "name": format!("Xã {i} (synthetic)"), "parent": "818"}));
    }
    doc
}

/// Rows 3 and 5 both count grassroots units out of 13: with 13 communes
/// listed both hold; with 12 both are refused, each at its figure; a
/// denominator of 12 in row 5 alone is refused at row 5.
#[test]
fn both_denominators_are_the_communes() {
    assert_eq!(
        meaning::warnings_of(&with_communes(13)),
        Vec::<(String, String)>::new()
    );
    assert_eq!(
        meaning::errors_of(&with_communes(12)),
        [
            ("DV190".to_owned(), "figures[2].value.den".to_owned()),
            ("DV190".to_owned(), "figures[4].value.den".to_owned())
        ]
    );
    let mut doc = with_communes(13);
    super::figure_mut(&mut doc, "f01_5")["value"] = json!({"num": 12, "den": 12});
    assert_eq!(
        meaning::errors_of(&doc),
        [("DV190".to_owned(), "figures[4].value.den".to_owned())]
    );
}

/// Row 4 is a share of a target: above 100% is accepted; the same figure of
/// a plain rate (0–100%) would be refused.
#[test]
fn a_share_of_a_target_may_exceed_the_target() {
    let mut doc = super::json(FIXTURE);
    super::figure_mut(&mut doc, "f01_4")["value"] = json!({"percent": "145.7"});
    assert_eq!(meaning::warnings_of(&doc), Vec::<(String, String)>::new());
    let entry = doc["indicators"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|e| e["id"] == "farmers_fund_share_of_target")
        .unwrap();
    entry["value"] = json!("rate");
    assert_eq!(
        meaning::errors_of(&doc),
        [("DV164".to_owned(), "figures[3].value".to_owned())]
    );
}

/// The cost is in đồng: the same figure in another unit word is refused.
#[test]
fn the_cost_is_in_dong() {
    meaning::assert_broken(
        FIXTURE,
        "f01_2",
        |f| f["value"] = json!({"amount": "927", "unit": "m²"}),
        ("DV163", "figures[1].value"),
    );
}

/// Row 2 keeps the report's word "gần" (nearly), not only the bound it
/// gives: the fixture writes `"word": "nearly"`, the stated and the
/// normalised amount keep it, and its interval is [0, 927 triệu] of tone
/// near. The v1 qualifier `at_most` reads as "at most", another word, so
/// the fixture's former encoding fails this test.
#[test]
fn the_cost_keeps_the_word_nearly() {
    let d = super::dataset(FIXTURE);
    let amounts: Vec<&Expected> = ROWS
        .iter()
        .filter(|r| matches!(r.value, Value::Amount(..)))
        .collect();
    assert_eq!(amounts.len(), 1, "row 2 is the one amount");
    for r in amounts {
        let want = r.word.unwrap_or("exact");
        let Some(danvan::FigureValue::Amount(a)) = super::figure(&d, r.id).value.as_ref() else {
            panic!("row {}: not an amount", r.row)
        };
        assert_eq!(a.stated().word().as_str(), want, "row {}: stated", r.row);
        assert_eq!(a.normalised().word().as_str(), want, "row {}", r.row);
    }
    let Some(danvan::FigureValue::Amount(a)) = super::figure(&d, "f01_2").value.as_ref() else {
        panic!("f01_2: not an amount")
    };
    assert_eq!(a.stated().word(), danvan::Word::Nearly);
    let i = a.normalised().interval().unwrap();
    assert_eq!(i.tone(), danvan::Tone::Near);
    let mut doc = super::json(FIXTURE);
    super::figure_mut(&mut doc, "f01_2")["value"] =
        json!({"amount": "927", "scale": "triệu", "unit": "đồng", "qualifier": "at_most"});
    let v1 = super::from_value(&doc).unwrap();
    let Some(danvan::FigureValue::Amount(v1)) = super::figure(&v1, "f01_2").value.as_ref() else {
        panic!("f01_2: not an amount")
    };
    assert_ne!(v1.stated().word(), danvan::Word::Nearly);
}

/// Rows 1-2 are lumped over levels ("từ huyện đến cơ sở"): when the district's
/// and the communes' figures are both given (synthetic splits, the report
/// gives none), the lumped figure is their sum (DV186), like recipient `both`.
#[test]
fn the_lumped_doer_level_is_the_sum_of_its_levels() {
    let with_split = |district: u64, communes: u64| {
        let mut doc = super::json(FIXTURE);
        let whole = super::figure_mut(&mut doc, "f01_1").clone();
        let figures = doc["figures"].as_array_mut().unwrap();
        for (id, level, value) in [("s_d", "district", district), ("s_c", "commune", communes)] {
            let mut split = whole.clone();
            split["id"] = id.into();
            split["dims"] = json!({"doer_level": level});
            split["value"] = value.into();
            figures.push(split);
        }
        doc
    };
    assert_eq!(
        meaning::warnings_of(&with_split(10, 18)),
        Vec::<(String, String)>::new()
    );
    assert_eq!(
        meaning::errors_of(&with_split(10, 17)),
        [("DV186".to_owned(), "figures[0]".to_owned())]
    );
}
