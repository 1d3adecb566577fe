//! The few words and number forms the error table's messages need.
//!
//! Part of the error table's one exception to "Vietnamese only in notation
//! and rendering" (see [`super::table`]): these helpers depend on nothing but
//! `std` and `chrono`, so that the error module imports no other module of the
//! crate. `danvan::notation` writes numbers and dates the same way; a test
//! there checks that the two agree.

use chrono::NaiveDate;

use super::Excerpt;

/// Groups the digits of a whole number by thousands with `.`: `13360` → `13.360`.
pub(crate) fn group(n: u64) -> String {
    group_with(n, '.')
}

/// Groups the digits of a whole number by thousands with `sep`.
pub(super) fn group_with(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A date as `dd/mm/yyyy`.
pub(crate) fn vi_date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// An excerpt in quotes, marked when cut: `"1,229"`, `"9999…" (1.048.576 byte)`.
pub(super) fn quoted_vi(e: &Excerpt) -> String {
    // Control characters and line or paragraph separators escaped (as the
    // English message's `Debug` quoting does): a message is one line.
    let mut text = String::with_capacity(e.as_str().len());
    for c in e.as_str().chars() {
        if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
            text.extend(c.escape_debug());
        } else {
            text.push(c);
        }
    }
    if e.is_truncated() {
        let bytes = u64::try_from(e.byte_len()).unwrap_or(u64::MAX);
        format!("\"{text}…\" ({} byte)", group(bytes))
    } else {
        format!("\"{text}\"")
    }
}

/// `YYYY-MM` as `mm/yyyy`; other text is returned as it is.
pub(super) fn iso_month(text: &str) -> String {
    match text.split_once('-') {
        Some((y, m)) => format!("{m}/{y}"),
        None => text.to_owned(),
    }
}

/// A validity range in English: `from 2020-01-01 to 2025-06-30`,
/// `from 2020-01-01`, `until 2025-06-30` or `at all times`.
pub(super) fn validity_text(from: Option<NaiveDate>, to: Option<NaiveDate>) -> String {
    match (from, to) {
        (Some(from), Some(to)) => format!("from {from} to {to}"),
        (Some(from), None) => format!("from {from}"),
        (None, Some(to)) => format!("until {to}"),
        (None, None) => "at all times".to_owned(),
    }
}

/// A validity range in Vietnamese: `từ 01/01/2020 đến 30/06/2025`, …
pub(super) fn validity_text_vi(from: Option<NaiveDate>, to: Option<NaiveDate>) -> String {
    match (from, to) {
        (Some(f), Some(t)) => format!("từ {} đến {}", vi_date(f), vi_date(t)),
        (Some(f), None) => format!("từ {}", vi_date(f)),
        (None, Some(t)) => format!("đến {}", vi_date(t)),
        (None, None) => "không giới hạn thời gian".to_owned(),
    }
}

/// The Vietnamese name of a level given its English name.
pub(super) fn level_word(level: &str) -> &'static str {
    match level {
        "province" => "cấp tỉnh",
        "district" => "cấp huyện",
        "commune" => "cấp xã",
        "village" => "thôn, khu dân cư",
        _ => "cấp khác",
    }
}

/// The Vietnamese words for an expected level (`a commune` → `đơn vị cấp xã`).
pub(super) fn expected_word(expected: &str) -> &'static str {
    match expected {
        "a province" => "đơn vị cấp tỉnh",
        "a district" => "đơn vị cấp huyện",
        "a commune" => "đơn vị cấp xã",
        "a village" => "thôn, khu dân cư",
        _ => "đơn vị cấp khác",
    }
}

/// The Vietnamese word of a stage of the "Dân vận khéo" models.
pub(super) fn stage_word(id: &str) -> &'static str {
    match id {
        "skilful_models_registered" => "đăng ký",
        "skilful_models_effective" => "hiệu quả",
        "skilful_models_recognized" => "được công nhận",
        "skilful_models_outstanding" => "tiêu biểu",
        "skilful_models_awarded" => "được khen thưởng",
        _ => "khác",
    }
}

/// A number with its qualifier's canonical word: `hơn 6.800`, `không quá 12`,
/// `khoảng 500`, `1.229`.
pub(super) fn qualified_text(qualifier: &str, value: u64) -> String {
    let word = match qualifier {
        "at_least" => "hơn ",
        "at_most" => "không quá ",
        "about" => "khoảng ",
        _ => "",
    };
    format!("{word}{}", group(value))
}

/// The columns of a CSV file of figures: English name, Vietnamese name.
///
/// The Vietnamese names are the words of the CSV vocabulary in
/// `danvan::notation`; a test there checks that the two lists agree.
pub(crate) const CSV_COLUMNS_VI: [(&str, &str); 6] = [
    ("unit", "mã đơn vị"),
    ("period", "kỳ"),
    ("actor", "chủ thể"),
    ("indicator", "chỉ tiêu"),
    ("value", "giá trị"),
    ("unit_name", "tên đơn vị"),
];

/// The required columns, in Vietnamese, for messages.
pub(super) const CSV_REQUIRED_VI: &str = "mã đơn vị, kỳ, chủ thể, chỉ tiêu, giá trị";

/// The Vietnamese name of a CSV column given its English name.
pub(super) fn csv_header(english: &str) -> &str {
    CSV_COLUMNS_VI
        .iter()
        .find(|(en, _)| *en == english)
        .map_or(english, |(_, vi)| vi)
}

/// Why a figure has no CSV row, in Vietnamese; the reasons are those of the CSV writer.
pub(super) fn csv_unwritable_reason(reason: &str) -> &'static str {
    match reason {
        "it has breakdown parts, which a CSV row cannot hold" => {
            "số liệu có phần chi tiết, một dòng CSV không chứa được"
        }
        "it does not name exactly one actor" => "số liệu không ghi đúng một chủ thể báo cáo",
        "it is an amount; the value column holds counts" => {
            "số liệu là một lượng có đơn vị tính, cột giá trị chỉ chứa số đếm"
        }
        "it has no value" => "số liệu không có giá trị",
        _ => "số liệu không có dạng dòng CSV",
    }
}
