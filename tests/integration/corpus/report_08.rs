//! Corpus report 08: phường Linh Xuân (TP. Hồ Chí Minh), năm 2025, after the
//! 1 July 2025 reform: the ward's "Dân vận khéo" results and its "Bình dân
//! học vụ số" contest (`tests/corpus/report-08.json`; source:
//! https://www.sggp.org.vn/phuong-linh-xuan-hon-3300-thi-sinh-tham-gia-hoi-thi-binh-dan-hoc-vu-so-nam-2025-post817336.html).
//!
//! The meaning table below is derived column by column from the report's
//! "Figures stated" table (`../shared/corpus/report-08.md`), one row per row.
//!
//! Encoding notes:
//! - the post-reform ward sits directly under the city (79, by code only);
//!   its code is not in the pre-2025 lists, so 99081 is synthetic (the
//!   fixture's title says so); its name is the report's.
//! - the period is "năm 2025" up to the report's day (to_date 2025-10-10,
//!   the publication and event date): the figures cannot cover the rest of
//!   the year.
//! - the two topics are told apart by `movement`: `dan_van_kheo` (rows 1–2)
//!   and the dataset's own value `binh_dan_hoc_vu_so` (rows 3–8).
//! - the "active contestant" prize is the dataset's own `prize_rank` value;
//!   the report does not say it is individual, so it has no `recipient`.
//! - row 4's winner is named (`named`), and the count 1 checks the name.
//! - actors (session 11, checked against the table): every row is
//!   `party_committees`, each from the table's own text for it: row 1's
//!   unit-level column "ward (Đảng bộ phường)" (the "grassroots units" that
//!   carry the models out are the ward's; the count is the Đảng bộ's), row
//!   2's notes "Actor: Đảng ủy phường", rows 3–8 the relations' "run by the
//!   same Đảng ủy".
//! - not counted (the report's own list): "95 năm" (an anniversary), "khu phố
//!   11", "khu phố 46" (place names): no indicator.

use super::fixture;
use super::meaning::{
    self, Expected,
    Period::{self, ToDate},
    Value,
};
use danvan::IndicatorKind::{Flow, Stock};

const FIXTURE: &str = "report-08.json";
const CONTEST: (&str, &str) = ("movement", "binh_dan_hoc_vu_so");

/// A prize of the contest: its row, id, dimension values, count and names.
const fn prize(
    row: u32,
    id: &'static str,
    dims: &'static [(&'static str, &'static str)],
    count: u64,
    named: &'static [&'static str],
) -> Expected {
    Expected {
        row,
        id,
        part: None,
        indicator: "contest_prizes",
        kind: Flow,
        value_type: "count",
        // The contest is "run by the same Đảng ủy" (the table's relations).
        actor: &["party_committees"],
        dims,
        period: YEAR,
        value: Value::Count(count, Some(count)),
        word: None,
        named,
        unit: "99081",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    }
}

/// "Năm 2025" up to the report's day (published 2025-10-10, the day of the event).
const YEAR: Period = ToDate("2025-01-01", "2025-10-10");

/// One row per figure of the report's table ("năm 2025" up to the report's
/// day: `{"start": "2025-01-01", "to_date": "2025-10-10"}`).
const ROWS: &[Expected] = &[
    Expected {
        row: 1,
        id: "f08_1",
        part: None,
        // "mô hình, cách làm" lumped: not the built-in, which counts models only.
        indicator: "models_and_methods_effective",
        kind: Stock,
        value_type: "count",
        // The unit-level column names the Đảng bộ phường (its grassroots units carry the models out).
        actor: &["party_committees"],
        dims: &[("movement", "dan_van_kheo")],
        period: YEAR,
        value: Value::Count(120, Some(120)),
        word: None,
        named: &[],
        unit: "99081",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    },
    Expected {
        row: 2,
        id: "f08_2",
        part: None,
        indicator: "exemplars_honoured",
        kind: Flow,
        value_type: "count",
        // The notes: "Actor: Đảng ủy phường".
        actor: &["party_committees"],
        dims: &[("movement", "dan_van_kheo"), ("recipient", "both")],
        period: YEAR,
        value: Value::Count(88, Some(88)),
        word: None,
        named: &[],
        unit: "99081",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    },
    Expected {
        row: 3,
        id: "f08_3",
        part: None,
        indicator: "contestants",
        kind: Flow,
        value_type: "count",
        // The contest is "run by the same Đảng ủy" (the table's relations).
        actor: &["party_committees"],
        dims: &[CONTEST],
        period: YEAR,
        value: Value::Count(3300, None),
        word: Some("more_than"),
        named: &[],
        unit: "99081",
        awarded_by: None,
        additional: false,
        change: None,
        breakdown: None,
    },
    prize(
        4,
        "f08_4",
        &[
            CONTEST,
            ("prize_rank", "first"),
            ("recipient", "individual"),
        ],
        1,
        &["Lê Văn Tuấn"],
    ),
    prize(
        5,
        "f08_5",
        &[
            CONTEST,
            ("prize_rank", "second"),
            ("recipient", "individual"),
        ],
        3,
        &[],
    ),
    prize(
        6,
        "f08_6",
        &[
            CONTEST,
            ("prize_rank", "third"),
            ("recipient", "individual"),
        ],
        6,
        &[],
    ),
    prize(
        7,
        "f08_7",
        &[
            CONTEST,
            ("prize_rank", "consolation"),
            ("recipient", "individual"),
        ],
        10,
        &[],
    ),
    prize(
        8,
        "f08_8",
        &[CONTEST, ("prize_rank", "active_contestant")],
        1,
        &[],
    ),
];

/// Figures of the report's table the fixture cannot hold: none.
const NOT_ENCODED: &[(u32, &str)] = &[];

#[test]
fn report_08_every_figure_has_its_meaning() {
    let (_, d) = fixture(FIXTURE);
    meaning::assert_rows(&d, ROWS, NOT_ENCODED, 8);
    // Row 4 is stated by its winner's name as well as by its count.
    let first = d
        .figures
        .iter()
        .find(|f| f.id.as_ref().map(|i| i.as_str()) == Some("f08_4"))
        .unwrap();
    assert_eq!(first.named, ["Lê Văn Tuấn"]);
    assert_eq!(
        first.count().map(|i| (i.low(), i.high())),
        Some((1, Some(1)))
    );
    // Every figure is "năm 2025" up to the report's day, not the whole year.
    assert!(d
        .figures
        .iter()
        .all(|f| matches!(f.period, Some(danvan::FigurePeriod::ToDate { .. }))));
    // The ward directly under the city, no district between.
    let h = d.hierarchy().unwrap();
    assert_eq!(h.len(), 2);
}

#[test]
fn report_08_checks_clean() {
    let (_, d) = fixture(FIXTURE);
    let checked = meaning::passing(d);
    assert_eq!(checked, Vec::<(String, String)>::new());
}

/// The report's "Relations stated", none a checkable relation between stated
/// figures, so the fixture declares none:
/// - 1 + 3 + 6 + 10 = 20 individual prizes, + 1 = 21 awards, against hơn 3.300
///   contestants: derived; the report states no total of prizes to check a
///   sum against, and a count of prizes is not a count of contestants;
/// - the repeated prize sentence is one set of figures (below, DV188);
/// - 88 is lumped (`recipient: both`) and cannot be split (below, DV186);
/// - the two topics are kept apart by `movement` (below).
#[test]
fn report_08_declares_no_relation() {
    let (_, d) = fixture(FIXTURE);
    assert!(d.relations.is_empty());
}

/// The prize sentence of the lead repeated in the body, with the same
/// numbers: each prize is one figure, noted (DV188), never counted twice.
/// The same sentence with another number is a conflict (DV189).
#[test]
fn report_08_repeated_prize_sentence_is_one_figure() {
    let (json, d) = fixture(FIXTURE);
    let figures: Vec<serde_json::Value> = serde_json::from_str::<serde_json::Value>(&json).unwrap()
        ["figures"]
        .as_array()
        .unwrap()
        .clone();
    // The body's sentence: rows 4–8 again, under ids of their own.
    let repeat = |second: u64| -> danvan::DatasetV2 {
        let mut doc: serde_json::Value = serde_json::from_str(&json).unwrap();
        let list = doc["figures"].as_array_mut().unwrap();
        for f in &figures[3..8] {
            let mut again = f.clone();
            let id = format!("{}_body", f["id"].as_str().unwrap());
            again["id"] = id.into();
            if again["dims"]["prize_rank"] == "second" {
                again["value"] = second.into();
            }
            list.push(again);
        }
        danvan::DatasetV2::from_json(doc.to_string().as_bytes()).unwrap()
    };
    assert_eq!(d.figures.len(), 8);
    let same = meaning::passing(repeat(3));
    let noted: Vec<(String, String)> = (8..13)
        .map(|i| ("DV188".to_string(), format!("figures[{i}]")))
        .collect();
    assert_eq!(same, noted);
    // The second prizes conflict (DV189); the other four are still repeats.
    let other = meaning::failing(repeat(4));
    let mut expected = noted;
    expected[1] = ("DV189".to_string(), "figures[9]".to_string());
    assert_eq!(other, expected);
}

/// 88 lumps collectives and individuals; the report gives no split. Were a
/// split given, it would be checked: 48 + 40 holds, 50 + 40 is certainly
/// not 88 (DV186).
#[test]
fn report_08_lumped_exemplars_are_checked_against_a_split() {
    let (json, _) = fixture(FIXTURE);
    let with_split = |collective: u64, individual: u64| {
        let mut doc: serde_json::Value = serde_json::from_str(&json).unwrap();
        let list = doc["figures"].as_array_mut().unwrap();
        for (who, n) in [("collective", collective), ("individual", individual)] {
            let mut f = list[1].clone();
            f["id"] = format!("f08_2_{who}").into();
            f["dims"]["recipient"] = who.into();
            f["value"] = n.into();
            list.push(f);
        }
        danvan::DatasetV2::from_json(doc.to_string().as_bytes()).unwrap()
    };
    let holds = meaning::passing(with_split(48, 40));
    assert!(holds.is_empty());
    let broken = meaning::failing(with_split(50, 40));
    assert_eq!(broken, [("DV186".to_string(), "figures[1]".to_string())]);
}

/// The two topics are two movements: the same prize under the other topic is
/// another figure (no DV188, no DV189), and the topic is a listed value.
#[test]
fn report_08_topics_stay_apart() {
    let (json, _) = fixture(FIXTURE);
    let mut doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let list = doc["figures"].as_array_mut().unwrap();
    let mut other_topic = list[3].clone();
    other_topic["id"] = "f08_4_dvk".into();
    other_topic["dims"]["movement"] = "dan_van_kheo".into();
    other_topic["value"] = 2.into();
    other_topic.as_object_mut().unwrap().remove("named");
    list.push(other_topic);
    let d = danvan::DatasetV2::from_json(doc.to_string().as_bytes()).unwrap();
    let checked = meaning::passing(d);
    assert!(checked.is_empty());
    let unlisted = json.replacen(
        "binh_dan_hoc_vu_so\"}, \"value\"",
        "binh_dan_hoc_vu\"}, \"value\"",
        1,
    );
    let d = danvan::DatasetV2::from_json(unlisted.as_bytes()).unwrap();
    let report = meaning::failing(d);
    assert_eq!(
        report,
        [("DV174".to_string(), "figures[2].dims".to_string())]
    );
}

/// A count stated beside the names must be the number of names (DV176, on read).
#[test]
fn report_08_named_winner_checks_the_count() {
    let (json, _) = fixture(FIXTURE);
    let two = json.replacen(r#""value": 1, "named""#, r#""value": 2, "named""#, 1);
    assert_ne!(two, json);
    let err = danvan::DatasetV2::from_json(two.as_bytes()).unwrap_err();
    assert_eq!(err.code().as_str(), "DV176");
}

/// Row 3 counts the contestants of a contest the ward's Party committee ran:
/// the figure's actor is the organiser, so the verb is the organiser's
/// ("thu hút … thí sinh dự thi"), never "tham gia", which made the Party
/// committee a contestant (the fixture's first wording).
#[test]
fn report_08_contestants_are_the_organisers_draw() {
    let (_, d) = fixture(FIXTURE);
    let cat = super::catalogue(&d);
    let contestants = cat.get(&super::figure(&d, "f08_3").indicator).unwrap();
    let wording = contestants.wording.as_ref().unwrap();
    assert_eq!(wording.verb.as_deref(), Some("thu hút"));
    assert_eq!(wording.noun.as_deref(), Some("thí sinh dự thi"));
    assert_eq!(contestants.unit_word.as_deref(), Some("thí sinh"));
}
