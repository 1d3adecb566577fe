//! Corpus report 02: huyện Phú Tân (An Giang), the year 2020: the Fund for
//! the Poor and what it paid for, and the COVID-19 support of the Front.
//! Source: https://baoangiang.com.vn/phu-tan-nam-2020-van-dong-quy-vi-nguoi-ngheo-duoc-tren-20-ty-dong-a294234.html
//! (the corpus table: `report-02.md` of the shared corpus).
//!
//! Every row of the report's "Figures stated" table is a figure of
//! `tests/corpus/report-02.json`; the table below restates each row column by
//! column and is asserted against the parsed fixture.
//!
//! Actors. Row 1 names the Front system of every level with its member
//! organisations (`front_and_mass_organizations`, the table's unit-level
//! column). Rows 2–5 are stated for "toàn huyện" and name no actor, in no
//! column of the table: they are `not_stated` (session 11). They were the
//! actor set {mobilization_sector, front_and_mass_organizations}, the two
//! bodies the table's header names for the report as a whole; but a header
//! naming a report's actors does not say which of them did a row, and the
//! set "by any of them" still claims that one of the two did it.
//!
//! Relations (the table's "Relations stated"), none of which is declared:
//! - 264 new + 20 repaired = 284 is derived: the report states no 284, so
//!   there is no figure to check it against;
//! - rows 3–5 are said to be results of the fund (row 2), but the split of
//!   the money between them is not given: an amount and counts, not a
//!   checkable sum, at-most or equality;
//! - row 1 is a separate drive, not a part of row 2.

use danvan::IndicatorKind::Flow;

use serde_json::json;

use super::meaning::{self, Expected, Period::Dataset, Value};

const FIXTURE: &str = "report-02.json";

/// The report's rows that are not encoded: none.
const NOT_ENCODED: &[(u32, &str)] = &[];

/// The actor of rows 2–5: the table names none for them ("toàn huyện"; the
/// header's two actors are the report's, not the row's).
const NOT_STATED: &[&str] = &["not_stated"];

/// One line per row of the report's table, column by column.
const ROWS: &[Expected] = &[
    // #1 "trên 1,7 tỷ đồng": the value of the COVID-19 support (several kinds
    // of support lumped into one value, as the report gives it).
    Expected {
        row: 1,
        id: "f02_1",
        part: None,
        indicator: "covid_support_value",
        kind: Flow,
        value_type: "amount",
        actor: &["front_and_mass_organizations"],
        dims: &[],
        period: Dataset,
        value: Value::Amount("1700000000", None, "đồng"),
        word: Some("above"),
        named: &[],
        unit: "888",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    },
    // #2 "trên 20 tỷ đồng": the Fund for the Poor raised (also the headline).
    Expected {
        row: 2,
        id: "f02_2",
        part: None,
        indicator: "funds_raised",
        kind: Flow,
        value_type: "amount",
        actor: NOT_STATED,
        dims: &[("movement", "vi_nguoi_ngheo")],
        period: Dataset,
        value: Value::Amount("20000000000", None, "đồng"),
        word: Some("above"),
        named: &[],
        unit: "888",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    },
    // #3 264 houses newly built.
    Expected {
        row: 3,
        id: "f02_3",
        part: None,
        indicator: "houses_built",
        kind: Flow,
        value_type: "count",
        actor: NOT_STATED,
        dims: &[],
        period: Dataset,
        value: Value::Count(264, Some(264)),
        word: None,
        named: &[],
        unit: "888",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    },
    // #4 20 houses repaired.
    Expected {
        row: 4,
        id: "f02_4",
        part: None,
        indicator: "houses_repaired",
        kind: Flow,
        value_type: "count",
        actor: NOT_STATED,
        dims: &[],
        period: Dataset,
        value: Value::Count(20, Some(20)),
        word: None,
        named: &[],
        unit: "888",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    },
    // #5 17.743 "lượt hộ": assistance events, not distinct households (a
    // household may be counted twice), so a flow with the unit word "lượt hộ".
    Expected {
        row: 5,
        id: "f02_5",
        part: None,
        indicator: "households_assisted",
        kind: Flow,
        value_type: "count",
        actor: NOT_STATED,
        dims: &[],
        period: Dataset,
        value: Value::Count(17_743, Some(17_743)),
        word: None,
        named: &[],
        unit: "888",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    },
];

#[test]
fn every_row_has_its_meaning() {
    let d = super::dataset(FIXTURE);
    assert_eq!(d.root.map(|c| c.to_string()).as_deref(), Some("888"));
    assert!(d.title.as_deref().is_some_and(|t| t.ends_with(
        "source: https://baoangiang.com.vn/phu-tan-nam-2020-van-dong-quy-vi-nguoi-ngheo-duoc-tren-20-ty-dong-a294234.html"
    )));
    meaning::assert_rows(&d, ROWS, NOT_ENCODED, 5);
    // The value types in full: both amounts are in đồng.
    let catalogue = super::catalogue(&d);
    for id in ["covid_support_value", "funds_raised"] {
        let entry = catalogue.get(&id.parse().unwrap()).unwrap();
        assert_eq!(
            entry.value,
            danvan::ValueSpec::Amount("đồng".into()),
            "{id}"
        );
    }
    // No relation is declared (the module's doc says why).
    assert!(d.relations.is_empty());
}

#[test]
fn checks_clean() {
    meaning::assert_clean(FIXTURE);
}

/// The amounts are in đồng: a figure of the indicator in another unit word
/// is refused at its path.
#[test]
fn amounts_are_in_dong() {
    meaning::assert_broken(
        FIXTURE,
        "f02_1",
        |f| f["value"] = json!({"amount": "1.7", "unit": "m²"}),
        ("DV163", "figures[0].value"),
    );
}

/// The headline states row 2 again ("trên 20 tỷ đồng"): the table gives it
/// one row, so the fixture has one figure. Stated twice with the same
/// interval it is one figure, noted; with another interval, a conflict.
#[test]
fn the_headline_is_the_same_figure() {
    let mut doc = super::json(FIXTURE);
    let mut headline = super::figure_mut(&mut doc, "f02_2").clone();
    headline["id"] = json!("f02_headline");
    doc["figures"]
        .as_array_mut()
        .unwrap()
        .push(headline.clone());
    assert_eq!(
        meaning::warnings_of(&doc),
        [("DV188".to_owned(), "figures[5]".to_owned())]
    );
    let last = doc["figures"].as_array().unwrap().len() - 1;
    doc["figures"][last]["value"] =
        json!({"amount": "21", "scale": "tỷ", "unit": "đồng", "word": "above"});
    assert_eq!(
        meaning::errors_of(&doc),
        [("DV189".to_owned(), "figures[5]".to_owned())]
    );
}

/// Rows 2–5 name no actor, so they are no actor set's: the Front system's
/// own 300 houses built beside the not-stated 264 is another figure, kept
/// apart (no DV182 member-within-set, no DV189 conflict). Were row 3 still
/// the set {mobilization_sector, front_and_mass_organizations}, the same
/// 300 would be a member above its set's 264 (DV182).
#[test]
fn rows_without_an_actor_are_no_actor_sets() {
    let with_front = |row3_actor: serde_json::Value| {
        let mut doc = super::json(FIXTURE);
        let houses = super::figure_mut(&mut doc, "f02_3");
        houses["actor"] = row3_actor;
        let mut member = houses.clone();
        member["id"] = json!("f02_front");
        member["actor"] = json!("front_and_mass_organizations");
        member["value"] = json!(300);
        doc["figures"].as_array_mut().unwrap().push(member);
        doc
    };
    assert_eq!(
        meaning::warnings_of(&with_front(json!("not_stated"))),
        Vec::<(String, String)>::new()
    );
    let set = json!(["mobilization_sector", "front_and_mass_organizations"]);
    assert_eq!(
        meaning::errors_of(&with_front(set)),
        [("DV182".to_owned(), "figures[5]".to_owned())]
    );
}

/// Rows 1 and 2 keep the report's word "trên" (above), not only the bound
/// it gives: the fixture writes `"word": "above"` and the stated and the
/// normalised amounts keep it.
#[test]
fn the_amounts_keep_the_word_above() {
    let d = super::dataset(FIXTURE);
    let amounts: Vec<&Expected> = ROWS
        .iter()
        .filter(|r| matches!(r.value, Value::Amount(..)))
        .collect();
    assert_eq!(amounts.len(), 2, "rows 1 and 2 are the amounts");
    for r in amounts {
        let want = r.word.unwrap_or("exact");
        let Some(danvan::FigureValue::Amount(a)) = super::figure(&d, r.id).value.as_ref() else {
            panic!("row {}: not an amount", r.row)
        };
        assert_eq!(a.stated().word(), danvan::Word::Above, "row {}", r.row);
        assert_eq!(a.stated().word().as_str(), want, "row {}: stated", r.row);
        assert_eq!(a.normalised().word().as_str(), want, "row {}", r.row);
    }
}
