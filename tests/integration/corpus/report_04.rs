//! Corpus report 04: tỉnh Đắk Lắk, Hội thi "Dân vận khéo" năm 2023
//! (12–13/10/2023), organised by the Ban Dân vận Tỉnh ủy.
//! Source: http://congan.daklak.gov.vn/-/soi-noi-hoi-thi-dan-van-kheo-nam-2023
//! (the corpus table: `report-04.md` of the shared corpus).
//!
//! Every row of the report's "Figures stated" table is a figure of
//! `tests/corpus/report-04.json`; the table below restates each row column by
//! column and is asserted against the parsed fixture.

use danvan::IndicatorKind::{Flow, Stock};

use serde_json::json;

use super::meaning::{self, Expected, Period::Dataset, Value};

const FIXTURE: &str = "report-04.json";

/// The report's rows that are not encoded: none. (Its "93 năm Ngày truyền
/// thống" is an anniversary, not a row of the table.)
const NOT_ENCODED: &[(u32, &str)] = &[];

/// One line per row of the report's table, column by column.
const ROWS: &[Expected] = &[
    // Every figure is of the "Dân vận khéo" contest: movement dan_van_kheo.
    // Actor (checked in session 11): no row names one, but the whole report
    // is the one event the table's header says the Ban Dân vận Tỉnh ủy
    // organised, and each row is a figure of that event (its length, teams,
    // parts, prizes): `mobilization_sector`, the organiser's.
    // #1 "2 ngày": the contest's length, a duration (never added).
    Expected {
        row: 1,
        id: "f04_1",
        part: None,
        indicator: "contest_length",
        kind: Stock,
        value_type: "duration",
        actor: &["mobilization_sector"],
        dims: &[("movement", "dan_van_kheo")],
        period: Dataset,
        value: Value::Duration("2", "ngày"),
        word: None,
        named: &[],
        unit: "66",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    },
    // #2 21 teams competing.
    Expected {
        row: 2,
        id: "f04_2",
        part: None,
        indicator: "contest_teams",
        kind: Flow,
        value_type: "count",
        actor: &["mobilization_sector"],
        dims: &[("movement", "dan_van_kheo")],
        period: Dataset,
        value: Value::Count(21, Some(21)),
        word: None,
        named: &[],
        unit: "66",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    },
    // #3 3 contest parts.
    Expected {
        row: 3,
        id: "f04_3",
        part: None,
        indicator: "contest_parts",
        kind: Flow,
        value_type: "count",
        actor: &["mobilization_sector"],
        dims: &[("movement", "dan_van_kheo")],
        period: Dataset,
        value: Value::Count(3, Some(3)),
        word: None,
        named: &[],
        unit: "66",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    },
    // #4 giải Nhất: no numeral, one named recipient (the count is the names).
    Expected {
        row: 4,
        id: "f04_4",
        part: None,
        indicator: "contest_prizes",
        kind: Flow,
        value_type: "count",
        actor: &["mobilization_sector"],
        dims: &[("movement", "dan_van_kheo"), ("prize_rank", "first")],
        period: Dataset,
        value: Value::Named(1),
        word: None,
        named: &["Đảng uỷ Quân sự tỉnh"],
        unit: "66",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    },
    // #5 giải Nhì: one named recipient.
    Expected {
        row: 5,
        id: "f04_5",
        part: None,
        indicator: "contest_prizes",
        kind: Flow,
        value_type: "count",
        actor: &["mobilization_sector"],
        dims: &[("movement", "dan_van_kheo"), ("prize_rank", "second")],
        period: Dataset,
        value: Value::Named(1),
        word: None,
        named: &["Đảng uỷ Đại học Tây Nguyên"],
        unit: "66",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    },
    // #6 3 third prizes, recipients not named.
    Expected {
        row: 6,
        id: "f04_6",
        part: None,
        indicator: "contest_prizes",
        kind: Flow,
        value_type: "count",
        actor: &["mobilization_sector"],
        dims: &[("movement", "dan_van_kheo"), ("prize_rank", "third")],
        period: Dataset,
        value: Value::Count(3, Some(3)),
        word: None,
        named: &[],
        unit: "66",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    },
    // #7 16 consolation prizes.
    Expected {
        row: 7,
        id: "f04_7",
        part: None,
        indicator: "contest_prizes",
        kind: Flow,
        value_type: "count",
        actor: &["mobilization_sector"],
        dims: &[("movement", "dan_van_kheo"), ("prize_rank", "consolation")],
        period: Dataset,
        value: Value::Count(16, Some(16)),
        word: None,
        named: &[],
        unit: "66",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    },
    // #8 2 sub-prizes, both recipients named (stated count = names).
    Expected {
        row: 8,
        id: "f04_8",
        part: None,
        indicator: "contest_prizes",
        kind: Flow,
        value_type: "count",
        actor: &["mobilization_sector"],
        dims: &[("movement", "dan_van_kheo"), ("prize_rank", "sub_prize")],
        period: Dataset,
        value: Value::Count(2, Some(2)),
        word: None,
        named: &["Đảng uỷ Quân sự tỉnh", "Huyện uỷ Krông Ana"],
        unit: "66",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    },
];

fn error(code: &str, path: &str) -> Vec<(String, String)> {
    vec![(code.to_owned(), path.to_owned())]
}

#[test]
fn every_row_has_its_meaning() {
    let d = super::dataset(FIXTURE);
    assert_eq!(d.root.map(|c| c.to_string()).as_deref(), Some("66"));
    let title = d.title.clone().unwrap_or_default();
    assert!(title
        .ends_with("source: http://congan.daklak.gov.vn/-/soi-noi-hoi-thi-dan-van-kheo-nam-2023"));
    meaning::assert_rows(&d, ROWS, NOT_ENCODED, 8);
    // The one relation the report's table states, and no other: the
    // sub-prizes (#8) are in no relation with the teams.
    let ids: Vec<&str> = d.relations.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["main_prizes_are_teams"]);
    // Rows #4–#7 (the main prizes, not #8) add up to row #2 (the teams).
    let r = &d.relations[0];
    let sum_of: Vec<&str> = r.sum_of.iter().map(|f| f.as_str()).collect();
    assert_eq!(sum_of, ["f04_4", "f04_5", "f04_6", "f04_7"]);
    assert_eq!(r.equals.as_ref().map(|f| f.as_str()), Some("f04_2"));
}

#[test]
fn checks_clean() {
    let checked = meaning::check(FIXTURE);
    assert_eq!(meaning::codes(checked.warnings()), []);
}

/// Main prizes 1 + 1 + 3 + 16 = 21 = the teams (#2), declared. The corpus
/// table derives it (the article does not say "every team"): the numbers
/// agree, and a change to any of them is caught.
#[test]
fn main_prizes_add_up_to_the_teams() {
    let mut doc = super::json(FIXTURE);
    super::figure_mut(&mut doc, "f04_7")["value"] = json!(15);
    assert_eq!(meaning::errors_of(&doc), error("DV184", "relations[0]"));
    // A first prize named twice: 2 + 1 + 3 + 16 = 22, certainly not 21.
    let mut doc = super::json(FIXTURE);
    super::figure_mut(&mut doc, "f04_4")["named"] =
        json!(["Đảng uỷ Quân sự tỉnh", "synthetic second recipient"]);
    assert_eq!(meaning::errors_of(&doc), error("DV184", "relations[0]"));
    // "hơn 15" consolation prizes: the sum may be 21 or more, the intervals
    // leave it open: a warning, not an error.
    let mut doc = super::json(FIXTURE);
    super::figure_mut(&mut doc, "f04_7")["value"] = json!({"word": "more_than", "value": 15});
    assert_eq!(meaning::warnings_of(&doc), error("DV181", "relations[0]"));
}

/// The two sub-prizes (#8) went to teams that also won main prizes: they
/// are not added to the 21. A relation that added them would be broken.
#[test]
fn sub_prizes_are_not_added_to_the_teams() {
    let mut doc = super::json(FIXTURE);
    doc["relations"][0]["sum_of"] = json!(["f04_4", "f04_5", "f04_6", "f04_7", "f04_8"]);
    assert_eq!(meaning::errors_of(&doc), error("DV184", "relations[0]"));
}

/// The implicit counts: #4 and #5 are counts of one by their named winner;
/// #8 states 2 and names 2. A stated count that is not the number of names
/// is refused on read.
#[test]
fn named_recipients_are_the_counts() {
    let d = super::dataset(FIXTURE);
    for id in ["f04_4", "f04_5"] {
        let f = super::figure(&d, id);
        assert!(f.value.is_none(), "{id} states no numeral");
        assert_eq!(f.count(), Some(danvan::Interval::exact(1)), "{id}");
    }
    let mut doc = super::json(FIXTURE);
    super::figure_mut(&mut doc, "f04_8")["value"] = json!(3);
    assert_eq!(meaning::read_error(&doc), "DV176");
}
