//! Corpus report 05: thành phố Thủ Đức (TP. Hồ Chí Minh), năm 2023, the
//! honouring of "Dân vận khéo" exemplars (published 20/10/2023; the rows
//! name no actor, see [`NOT_STATED`]).
//! Source: https://htv.com.vn/tp-thu-duc-tuyen-duong-202-guong-dien-hinh-dan-van-kheo
//! (the corpus table: `report-05.md` of the shared corpus).
//!
//! Every row of the report's "Figures stated" table is a figure (or, for the
//! "trong đó" row #8, a part) of `tests/corpus/report-05.json`; the table
//! below restates each row column by column and is asserted against the
//! parsed fixture.
//!
//! Periods: #3–#8 are of 2023 (the dataset's period). #1 and #2 are of the
//! "5 năm thực hiện Chỉ thị 19", a cumulative span ending in 2023 whose start
//! the report does not date: they are encoded as 5 years ending with 2023
//! (`{"years": 5, "ending": 2023}`), which keeps the report's N and end and
//! claims no dates (the report does not say they are whole calendar years).
//!
//! Not declared (the report does not state them): whether the models and
//! collectives of #2–#5 (5 + 5 + 8 + 8) fall inside the 202 exemplars of #7
//! ("mô hình" and "gương" may not even count the same things).

use danvan::IndicatorKind::{Flow, Stock};

use serde_json::json;

use super::meaning::{
    self, AwardedBy,
    Breakdown::Partial,
    Expected,
    Period::{Dataset, Years},
    Value,
};

const FIXTURE: &str = "report-05.json";

/// Every row's actor: the table names none. Its header names the unit as
/// "thành phố Thủ Đức (Thành ủy TP. Thủ Đức)", but no row's unit-level or
/// notes column names who did it (#7 "honoured by TP. Thủ Đức" names the
/// unit, not a body; #6's notes name the city of HCMC as the commending
/// level, `awarded_by`). They were `party_committees` until session 11,
/// read from that header; like reports 06 and 07, a row that names no body
/// is `not_stated`.
const NOT_STATED: &[&str] = &["not_stated"];

/// #6's awarding body: the city of HCMC (79), the table's "city (HCMC) level
/// commendation" (no body named, so no actor; no level beside the unit).
const BY_HCMC: AwardedBy = AwardedBy {
    unit: Some("79"),
    level: None,
    actor: None,
};

/// The report's rows that are not encoded: none. ("93 năm" is an
/// anniversary and "Nghị quyết 98" a document number: not rows of the table.)
const NOT_ENCODED: &[(u32, &str)] = &[];

/// One line per row of the report's table, column by column.
const ROWS: &[Expected] = &[
    // #1 "5 năm" of Chỉ thị 19: a duration, over the 5 years ending with 2023
    // (their dates are not stated; about 2018–2023).
    Expected {
        row: 1,
        id: "f05_1",
        part: None,
        indicator: "programme_length",
        kind: Stock,
        value_type: "duration",
        actor: NOT_STATED,
        dims: &[("movement", "chi_thi_19")],
        period: Years(5, 2023),
        value: Value::Duration("5", "năm"),
        word: None,
        named: &[],
        unit: "769",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    },
    // #2 5 models honoured for the 5 years of Chỉ thị 19 ending with 2023
    // (cumulative, dates not stated).
    Expected {
        row: 2,
        id: "f05_2",
        part: None,
        indicator: "models_honoured",
        kind: Flow,
        value_type: "count",
        actor: NOT_STATED,
        dims: &[("movement", "chi_thi_19")],
        period: Years(5, 2023),
        value: Value::Count(5, Some(5)),
        word: None,
        named: &[],
        unit: "769",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    },
    // #3 5 outstanding models of "dân vận chính quyền", 2023.
    Expected {
        row: 3,
        id: "f05_3",
        part: None,
        indicator: "models_honoured",
        kind: Flow,
        value_type: "count",
        actor: NOT_STATED,
        dims: &[("movement", "dan_van_chinh_quyen")],
        period: Dataset,
        value: Value::Count(5, Some(5)),
        word: None,
        named: &[],
        unit: "769",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    },
    // #4 8 outstanding models of the "Dân vận khéo" movement, 2023.
    Expected {
        row: 4,
        id: "f05_4",
        part: None,
        indicator: "models_honoured",
        kind: Flow,
        value_type: "count",
        actor: NOT_STATED,
        dims: &[("movement", "dan_van_kheo")],
        period: Dataset,
        value: Value::Count(8, Some(8)),
        word: None,
        named: &[],
        unit: "769",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    },
    // #5 8 collectives commended for "Vì người nghèo" (award form not stated).
    Expected {
        row: 5,
        id: "f05_5",
        part: None,
        indicator: "commended",
        kind: Flow,
        value_type: "count",
        actor: NOT_STATED,
        dims: &[("movement", "vi_nguoi_ngheo"), ("recipient", "collective")],
        period: Dataset,
        value: Value::Count(8, Some(8)),
        word: None,
        named: &[],
        unit: "769",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    },
    // #6 12 of Thủ Đức's exemplars commended by TP. Hồ Chí Minh (awarded_by 79).
    Expected {
        row: 6,
        id: "f05_6",
        part: None,
        indicator: "exemplars_honoured",
        kind: Flow,
        value_type: "count",
        actor: NOT_STATED,
        dims: &[("movement", "dan_van_kheo")],
        period: Dataset,
        value: Value::Count(12, Some(12)),
        word: None,
        named: &[],
        // unit: Thủ Đức's exemplars (769); awarded_by: the table's "city (HCMC) level commendation" (79).
        unit: "769",
        awarded_by: Some(BY_HCMC),
        additional: false,
        change: None,
        breakdown: None,
    },
    // #7 202 "Dân vận khéo" exemplars honoured by TP. Thủ Đức (the headline figure).
    Expected {
        row: 7,
        id: "f05_7",
        part: None,
        indicator: "exemplars_honoured",
        kind: Flow,
        value_type: "count",
        actor: NOT_STATED,
        dims: &[("movement", "dan_van_kheo")],
        period: Dataset,
        value: Value::Count(202, Some(202)),
        word: None,
        named: &[],
        // breakdown: #8 is "trong đó" of this figure: partial.
        unit: "769",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: Some(Partial),
    },
    // #8 "trong đó" 17 outstanding: a part of #7 (partial breakdown).
    Expected {
        row: 8,
        id: "f05_7",
        part: Some(0),
        indicator: "exemplars_honoured",
        kind: Flow,
        value_type: "count",
        actor: NOT_STATED,
        dims: &[("distinction", "outstanding")],
        period: Dataset,
        value: Value::Count(17, Some(17)),
        word: None,
        named: &[],
        // breakdown: "trong đó" → a subset of #7: partial.
        unit: "769",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: Some(Partial),
    },
];

fn error(code: &str, path: &str) -> Vec<(String, String)> {
    vec![(code.to_owned(), path.to_owned())]
}

#[test]
fn every_row_has_its_meaning() {
    let d = super::dataset(FIXTURE);
    assert_eq!(d.root.map(|c| c.to_string()).as_deref(), Some("769"));
    let title = d.title.clone().unwrap_or_default();
    assert!(title.ends_with(
        "source: https://htv.com.vn/tp-thu-duc-tuyen-duong-202-guong-dien-hinh-dan-van-kheo"
    ));
    // The rows say #6 is awarded by the city (79) and #7's breakdown ("trong
    // đó") is partial; `assert_rows` asserts both.
    meaning::assert_rows(&d, ROWS, NOT_ENCODED, 8);
    // The report states no relation between figures but the "trong đó" of
    // #8: none is declared (not #2–#5 within the 202, not #6 with the 202).
    assert!(d.relations.is_empty(), "no declared relation");
}

#[test]
fn checks_clean() {
    // The 5-year figures state their period (no DV178 "not stated" note).
    meaning::assert_clean(FIXTURE);
}

/// 17 ⊂ 202 ("trong đó"): the part may not exceed the whole.
#[test]
fn the_outstanding_are_within_the_exemplars() {
    let mut doc = super::json(FIXTURE);
    super::figure_mut(&mut doc, "f05_7")["parts"]["items"][0]["value"] = json!(203);
    assert_eq!(meaning::errors_of(&doc), error("DV180", "figures[6].parts"));
    // "hơn 200" in the part: within 202 or not, the intervals leave it open.
    let mut doc = super::json(FIXTURE);
    super::figure_mut(&mut doc, "f05_7")["parts"]["items"][0]["value"] =
        json!({"word": "more_than", "value": 200});
    assert_eq!(
        meaning::warnings_of(&doc),
        error("DV181", "figures[6].parts")
    );
}

/// #6 (12) is the city's commendation of Thủ Đức exemplars: another figure
/// than Thủ Đức's own 202 (its key carries the awarding body), and the
/// awarding body must be above the unit.
#[test]
fn the_citys_commendation_is_not_the_districts_award() {
    let d = super::dataset(FIXTURE);
    let key6 = d.key_of(super::figure(&d, "f05_6"));
    let key7 = d.key_of(super::figure(&d, "f05_7"));
    assert_ne!(key6, key7);
    // Without its awarding body, #6 would be Thủ Đức's own figure: the same
    // key as #7 with another value, a conflict.
    let mut doc = super::json(FIXTURE);
    let f = super::figure_mut(&mut doc, "f05_6");
    assert!(f
        .as_object_mut()
        .and_then(|o| o.remove("awarded_by"))
        .is_some());
    assert_eq!(meaning::errors_of(&doc), error("DV189", "figures[6]"));
    // An awarding body that is the unit itself is not a higher level.
    let mut doc = super::json(FIXTURE);
    super::figure_mut(&mut doc, "f05_6")["awarded_by"] = json!({"unit": "769"});
    assert_eq!(
        meaning::errors_of(&doc),
        error("DV191", "figures[5].awarded_by.unit")
    );
}

/// #6 must not be added to the district's own 202: in the totals, Thủ
/// Đức's cell of #7 keeps 202 (not 214) and the city's 12 is a cell of its own.
#[test]
fn the_citys_twelve_are_not_added_to_the_202() {
    let checked = meaning::check(FIXTURE);
    let cube = danvan::FigureCube::from_checked(&checked).expect("the cube");
    let d = checked.dataset();
    let value_of = |id: &str| {
        let key = d.key_of(super::figure(d, id));
        let cells: Vec<_> = cube.cells().iter().filter(|c| c.key == key).collect();
        assert_eq!(cells.len(), 1, "{id}: one cell");
        cells[0].value.count()
    };
    assert_eq!(value_of("f05_7"), Some(danvan::Interval::exact(202)));
    assert_eq!(value_of("f05_6"), Some(danvan::Interval::exact(12)));
    let exemplars: Vec<_> = cube
        .cells()
        .iter()
        .filter(|c| c.key.indicator.as_str() == "exemplars_honoured")
        .filter_map(|c| c.value.count())
        .collect();
    assert!(
        !exemplars.contains(&danvan::Interval::exact(214)),
        "12 + 202 in no cell: {exemplars:?}"
    );
}

/// Mixed periods: the 5-year figure of Chỉ thị 19 and the 2023 figures have
/// different keys, so they never add into one.
#[test]
fn the_five_year_figure_is_not_of_2023() {
    let d = super::dataset(FIXTURE);
    let five_years = super::figure(&d, "f05_2");
    assert_eq!(d.figure_period(five_years).ok(), Some(None));
    let of_2023 = super::figure(&d, "f05_3");
    assert_eq!(d.figure_period(of_2023).ok(), Some(Some(d.period)));
    assert_ne!(d.key_of(five_years).period, d.key_of(of_2023).period);
    // The 5 years are kept as stated, N and end, and never summed.
    assert!(!d.key_of(five_years).period.states_dates());
}

/// The message of a panic, or None when `f` returned.
fn panic_message(f: impl FnOnce()) -> Option<String> {
    let payload = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).err()?;
    let text = payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()));
    Some(text.unwrap_or_default())
}

/// Each column of the meaning table is asserted: a copy of a real row with
/// one column wrong makes `assert_rows` panic, naming that column (and the
/// row as it is). One case per column, old and new.
#[test]
fn every_column_can_fail() {
    use meaning::{Breakdown::Exhaustive, Change, Period::Unknown};
    /// A wrong column: the column's name in the panic, the row's index in
    /// ROWS, the edit.
    type Case = (&'static str, usize, fn(&mut Expected));
    const RAISE: Change = Change {
        direction: "increase",
        compared_to: ("2022-01-01", "2022-12-31"),
        factor: None,
    };
    let cases: &[Case] = &[
        ("indicator", 5, |r| r.indicator = "models_honoured"),
        ("kind", 5, |r| r.kind = Stock),
        ("value type", 5, |r| r.value_type = "amount"),
        ("actor", 5, |r| r.actor = &["party_committees"]),
        ("actor", 7, |r| r.actor = &["front"]),
        ("dims", 5, |r| r.dims = &[("movement", "vi_nguoi_ngheo")]),
        ("dims", 7, |r| r.dims = &[("movement", "dan_van_kheo")]),
        ("period", 5, |r| r.period = Unknown),
        ("bounds", 5, |r| r.value = Value::Count(13, Some(13))),
        ("word", 5, |r| r.word = Some("more_than")),
        ("named", 5, |r| r.named = &["Gương A (synthetic)"]),
        ("unit", 5, |r| r.unit = "79"),
        ("awarded_by", 5, |r| r.awarded_by = None),
        ("awarded_by", 6, |r| r.awarded_by = Some(BY_HCMC)),
        ("awarded_by", 5, |r| {
            r.awarded_by = Some(AwardedBy {
                level: Some("province"),
                ..BY_HCMC
            });
        }),
        ("additional", 5, |r| r.additional = true),
        ("change", 5, |r| r.change = Some(RAISE)),
        ("breakdown", 6, |r| r.breakdown = Some(Exhaustive)),
        ("breakdown", 7, |r| r.breakdown = None),
        ("breakdown", 5, |r| r.breakdown = Some(Partial)),
    ];
    let d = super::dataset(FIXTURE);
    let fails = |index: usize, edit: fn(&mut Expected)| {
        let mut rows = ROWS.to_vec();
        edit(&mut rows[index]);
        let at = format!(
            "row {} ({} {:?})",
            rows[index].row, rows[index].id, rows[index].part
        );
        (
            at,
            panic_message(|| meaning::assert_rows(&d, &rows, NOT_ENCODED, 8)),
        )
    };
    // The rows as they are pass: each failure below is the one column's.
    assert_eq!(fails(0, |_| {}).1, None);
    let mut wrong = Vec::new();
    for (column, index, edit) in cases {
        let (at, got) = fails(*index, *edit);
        let want = format!("{at}: {column}");
        if !got.as_ref().is_some_and(|g| g.contains(&want)) {
            wrong.push(format!("{want}: {got:?}"));
        }
    }
    // The row's number (each row of the report once), the id (another
    // figure's row, whose awarding body differs), the part (row 8 read as
    // the whole figure is row 7 again).
    for (want, index, edit) in [
        (
            "every row of the report once",
            5,
            (|r| r.row = 9) as fn(&mut Expected),
        ),
        ("row 6 (f05_7 None): awarded_by", 5, |r| r.id = "f05_7"),
        ("row 8: f05_7 None twice", 7, |r| r.part = None),
    ] {
        let got = fails(index, edit).1;
        if !got.as_ref().is_some_and(|g| g.contains(want)) {
            wrong.push(format!("{want}: {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
