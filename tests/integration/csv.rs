//! CSV import and export of reported figures. All values are synthetic.

use danvan::notation;
use danvan::render::vi;
use danvan::{read_figures_csv, write_figures_csv, Actor, Count, ErrorKind, Figure, Qualifier};

fn read(text: &str) -> Result<Vec<Figure>, danvan::Error> {
    read_figures_csv(text.as_bytes())
}

fn err(text: &str) -> danvan::Error {
    read(text).unwrap_err()
}

#[test]
fn english_headers() {
    let figures = read(
        "unit,period,actor,indicator,value\n\
         288,2022,party_committees,conferences,31\n\
         290,2022-Q3,mobilization_sector,conference_participants,hơn 6.800\n\
         291,2022-01-15/2022-02-14,government,dialogues,1.229\n\
         292,,government,dialogues,1229\n",
    )
    .unwrap();
    assert_eq!(figures.len(), 4);
    assert_eq!(figures[0].unit.to_string(), "288");
    assert_eq!(figures[0].actors, vec![Actor::PartyCommittees]);
    assert_eq!(figures[0].indicator.as_str(), "conferences");
    assert_eq!(figures[0].value.map(|v| v.value()), Some(Count::new(31)));
    assert_eq!(
        figures[1].period.map(|p| p.to_string()).as_deref(),
        Some("2022-Q3")
    );
    assert_eq!(
        figures[1].value.map(|v| v.qualifier()),
        Some(Qualifier::AtLeast)
    );
    assert_eq!(
        figures[2].period.map(|p| p.to_string()).as_deref(),
        Some("2022-01-15/2022-02-14")
    );
    assert_eq!(figures[2].value, figures[3].value);
    assert_eq!(figures[3].period, None);
}

#[test]
fn vietnamese_headers_any_order_with_names_and_blank_rows() {
    let text = "\u{FEFF}Tên đơn vị, Giá trị ,Chỉ tiêu,Chủ thể,Kỳ,MÃ ĐƠN VỊ\n\
                Thành phố Hải Dương,\"gần 22.000\",conference_participants,party_committees,2022,288\n\
                ,,,,,\n\
                Huyện Nam Sách,khoảng 500,conference_participants,party_committees,2022,291\n";
    let figures = read(text).unwrap();
    assert_eq!(figures.len(), 2);
    assert_eq!(figures[0].unit.to_string(), "288");
    // The report's word is kept (it came back as "không quá 22.000" before issue 14).
    assert_eq!(notation::reported(figures[0].value.unwrap()), "gần 22.000");
    assert_eq!(notation::reported(figures[1].value.unwrap()), "khoảng 500");
}

#[test]
fn round_trip() {
    let text = "unit,period,actor,indicator,value\n\
                288,2022,party_committees,conferences,31\n\
                290,2022-Q3,mobilization_sector,conference_participants,hơn 6800\n\
                30,,government,dialogues,khoảng 500\n";
    let figures = read(text).unwrap();
    let mut out = Vec::new();
    write_figures_csv(&figures, &mut out).unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), text);
}

/// Every word of issue 14's table survives a CSV round trip (synthetic values).
#[test]
fn words_round_trip() {
    let text = "unit,period,actor,indicator,value\n\
                288,2022,party_committees,conferences,trên 1900\n\
                288,2022,party_committees,dialogues,ngót 300\n\
                288,2022,party_committees,documents,từ 5 đến 8\n\
                288,2022,party_committees,inspections,từ 50 trở lên\n\
                288,2022,party_committees,receptions,xấp xỉ 1000\n";
    let figures = read(text).unwrap();
    let mut out = Vec::new();
    write_figures_csv(&figures, &mut out).unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), text);
    assert_eq!(figures[2].value.unwrap().bounds(), (5, Some(8)));
    let e = err("unit,period,actor,indicator,value\n288,2022,party_committees,conferences,độ 5\n");
    assert!(
        e.to_string().contains("unknown qualifier word \"độ\""),
        "{e}"
    );
    let e = err("unit,period,actor,indicator,value\n288,2022,party_committees,conferences,từ năm 2011 đến năm 2021\n");
    assert!(e.to_string().contains("is not a value"), "{e}");
}

#[test]
fn cell_errors_name_row_and_column() {
    let head = "unit,period,actor,indicator,value\n";
    let ok = "288,2022,party_committees,conferences,31\n";
    let cases = [
        (
            "288,2022,party_committees,conferences,\n",
            "row 3, column \"value\": invalid number \"\": expected a whole number such as 1.229, optionally after hơn, trên, gần, dưới or khoảng",
        ),
        (
            "288,2022,party_committees,conferences,-3\n",
            "row 3, column \"value\": invalid number \"-3\": expected a whole number such as 1.229, optionally after hơn, trên, gần, dưới or khoảng",
        ),
        (
            "288,2022-13,party_committees,conferences,3\n",
            "row 3, column \"period\": invalid period \"2022-13\": expected a month from 01 to 12, e.g. 2022-07",
        ),
        (
            "288,2022,party,conferences,3\n",
            "row 3, column \"actor\": unknown actor \"party\": expected one of party_committees, mobilization_sector, government, peoples_council, front_and_mass_organizations, armed_forces, other, front, womens_union, farmers_union, youth_union, veterans, trade_union, party_committee_heads, government_heads, not_stated",
        ),
        (
            "288,2022,party_committees,Hội nghị,3\n",
            "row 3, column \"indicator\": invalid indicator id \"Hội nghị\": expected 1 to 64 characters from a-z, 0-9 and _, starting with a letter",
        ),
    ];
    for (row, text) in cases {
        let e = err(&format!("{head}{ok}{row}"));
        assert_eq!(e.code(), "DV090");
        assert_eq!(e.to_string(), text);
    }
    // The column is named as the header writes it.
    let e = err("mã đơn vị,kỳ,chủ thể,chỉ tiêu,giá trị\n3,2022,government,dialogues,1\n");
    assert!(
        e.to_string()
            .starts_with("row 2, column \"mã đơn vị\": invalid unit code \"3\""),
        "{e}"
    );
    assert!(matches!(e.kind(), ErrorKind::CsvCell { row: 2, .. }));
    assert!(vi::message(e.kind()).starts_with("dòng 2, cột \"mã đơn vị\": "));
}

#[test]
fn header_errors() {
    let e = err("unit,period,actor,indicator\n288,2022,government,dialogues\n");
    assert_eq!(e.code(), "DV091");
    assert_eq!(
        e.to_string(),
        "missing column \"value\": expected a header row naming unit, period, actor, indicator and value"
    );
    assert_eq!(
        vi::message(e.kind()),
        "thiếu cột \"giá trị\": dòng tiêu đề phải có các cột mã đơn vị, kỳ, chủ thể, chỉ tiêu, giá trị"
    );
    assert_eq!(err("").code(), "DV091");

    let e = err("unit,period,actor,indicator,value,notes\n");
    assert_eq!(e.code(), "DV092");
    assert_eq!(
        e.to_string(),
        "unknown column \"notes\" (column 6): expected unit, period, actor, indicator, value or unit_name"
    );
    assert_eq!(
        vi::message(e.kind()),
        "không rõ cột \"notes\" (cột thứ 6): các cột hợp lệ là mã đơn vị, kỳ, chủ thể, chỉ tiêu, giá trị, tên đơn vị"
    );

    let e = err("unit,period,actor,indicator,value,mã đơn vị\n");
    assert_eq!(e.code(), "DV093");
    assert_eq!(
        e.to_string(),
        "column \"mã đơn vị\" (column 6) repeats column 1"
    );
    assert_eq!(
        vi::message(e.kind()),
        "cột \"mã đơn vị\" (cột thứ 6) trùng với cột thứ 1"
    );
}

#[test]
fn row_shape_errors() {
    let e = err("unit,period,actor,indicator,value\n288,2022,government,dialogues\n");
    assert_eq!(e.code(), "DV094");
    assert_eq!(
        e.to_string(),
        "row 2 has 4 cells: expected 5, as in the header row"
    );
    assert_eq!(
        vi::message(e.kind()),
        "dòng 2 có 4 ô, trong khi dòng tiêu đề có 5 ô"
    );

    let mut bytes = b"unit,period,actor,indicator,value\n288,2022,government,dialogues,".to_vec();
    bytes.extend_from_slice(&[0xff, b'\n']);
    let e = read_figures_csv(&bytes[..]).unwrap_err();
    assert_eq!(e.code(), "DV095");
    assert_eq!(
        e.to_string(),
        "row 2: the text is not UTF-8: save the file as CSV UTF-8"
    );
    assert_eq!(
        vi::message(e.kind()),
        "dòng 2: tệp CSV không đúng định dạng (the text is not UTF-8: save the file as CSV UTF-8)"
    );
}

#[test]
fn unwritable_figures() {
    let base: Figure = serde_json::from_str(
        r#"{"indicator": "awarded_collectives", "unit": "30", "actor": "mobilization_sector", "value": 11}"#,
    )
    .unwrap();
    let with = |json: &str| -> Figure { serde_json::from_str(json).unwrap() };
    let cases = [
        (
            with(r#"{"indicator": "awarded_collectives", "unit": "30", "actor": "mobilization_sector", "value": 11,
                     "parts": [{"label": "collective", "value": 11}]}"#),
            "figures[1] cannot be written as a CSV row: it has breakdown parts, which a CSV row cannot hold",
            "số liệu thứ 2 không ghi được thành một dòng CSV: số liệu có phần chi tiết, một dòng CSV không chứa được",
        ),
        (
            with(r#"{"indicator": "conferences", "unit": "30", "actor": ["government", "party_committees"], "value": 3}"#),
            "figures[1] cannot be written as a CSV row: it does not name exactly one actor",
            "số liệu thứ 2 không ghi được thành một dòng CSV: số liệu không ghi đúng một chủ thể báo cáo",
        ),
        (
            with(r#"{"indicator": "money_mobilized", "unit": "30", "actor": "government",
                     "amount": {"amount": "2500000", "unit": "đồng"}}"#),
            "figures[1] cannot be written as a CSV row: it is an amount; the value column holds counts",
            "số liệu thứ 2 không ghi được thành một dòng CSV: số liệu là một lượng có đơn vị tính, cột giá trị chỉ chứa số đếm",
        ),
        (
            with(r#"{"indicator": "conferences", "unit": "30", "actor": "government"}"#),
            "figures[1] cannot be written as a CSV row: it has no value",
            "số liệu thứ 2 không ghi được thành một dòng CSV: số liệu không có giá trị",
        ),
    ];
    for (bad, english, vietnamese) in cases {
        let mut out = Vec::new();
        let e = write_figures_csv(&[base.clone(), bad], &mut out).unwrap_err();
        assert_eq!(e.code(), "DV096");
        assert_eq!(e.to_string(), english);
        assert_eq!(vi::message(e.kind()), vietnamese);
        assert!(
            out.is_empty(),
            "nothing is written when a figure has no row"
        );
    }
}

/// A writer that always fails (synthetic).
struct Broken;

impl std::io::Write for Broken {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::Error::other("disk full"))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Err(std::io::Error::other("disk full"))
    }
}

/// A reader that always fails (synthetic).
struct BrokenReader;

impl std::io::Read for BrokenReader {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        Err(std::io::Error::other("device gone"))
    }
}

#[test]
fn io_errors() {
    let e = write_figures_csv(&[], Broken).unwrap_err();
    assert_eq!(e.code(), "DV097");
    assert_eq!(e.to_string(), "cannot read or write CSV: disk full");
    assert_eq!(
        vi::message(e.kind()),
        "không đọc hoặc ghi được tệp CSV (disk full)"
    );
    let e = read_figures_csv(BrokenReader).unwrap_err();
    assert_eq!(e.to_string(), "cannot read or write CSV: device gone");
}

#[test]
fn example_data_reads_and_checks() {
    let figures = read(&crate::read("examples/data/district-figures.csv")).unwrap();
    assert!(!figures.is_empty());
    assert!(figures.iter().all(|f| f.unit.to_string().len() == 3));
}
