//! Vietnamese notation and wording.
//!
//! Numbers group thousands with `.` and use `,` as the decimal mark
//! (`13.360`, `98,5%`); dates are `dd/mm/yyyy`.

use crate::ErrorKind;

/// The Vietnamese message for an error kind, for the officials who typed the data.
///
/// It is rendered from the kind's fields, never translated from the English text.
///
/// ```
/// let kind = danvan::ErrorKind::PartExceedsWhole { part: 1500, whole: 1400 };
/// assert_eq!(danvan::render::vi::message(&kind), "phần 1.500 lớn hơn tổng 1.400");
/// ```
pub fn message(kind: &ErrorKind) -> String {
    match kind {
        // ----- quantities -----
        ErrorKind::InvalidNumber { input, .. } => {
            format!("số không hợp lệ \"{input}\"")
        }
        ErrorKind::PartExceedsWhole { part, whole } => {
            format!("phần {} lớn hơn tổng {}", group(*part), group(*whole))
        }
        ErrorKind::Overflow { what } => format!("{what} vượt quá giá trị lớn nhất có thể lưu"),

        // ----- periods -----
        ErrorKind::PeriodReversed { start, end } => {
            format!("kỳ kết thúc ({end}) trước khi bắt đầu ({start})")
        }
        ErrorKind::InvalidPeriod { input, .. } => format!(
            "kỳ báo cáo không hợp lệ \"{input}\" (ví dụ: 2022, 2022-H1, 2022-Q3, 2022-07, 2022-9M, 2022-01-15/2022-02-14)"
        ),
        ErrorKind::YearOutOfRange { year, min, max } => {
            format!("năm {year} nằm ngoài phạm vi hỗ trợ (từ năm {min} đến năm {max})")
        }
        ErrorKind::InvalidMonth { month } => {
            format!("tháng {month} không hợp lệ: tháng phải từ 1 đến 12")
        }
        ErrorKind::InvalidCutOffDay { day } => {
            format!("ngày chốt số liệu {day} không hợp lệ: phải từ ngày 2 đến ngày 28")
        }

        // ----- units and hierarchy -----
        ErrorKind::InvalidUnitCode { input, .. } => {
            format!("mã đơn vị hành chính không hợp lệ \"{input}\"")
        }

        // ----- dataset and validation -----
        ErrorKind::Json {
            line,
            column,
            message,
        } => format!("dòng {line}, cột {column}: tệp không đúng định dạng ({message})"),
        ErrorKind::InvalidActor { input } => format!("chủ thể báo cáo không hợp lệ \"{input}\""),
        // ----- aggregation -----

        // ----- limits -----
    }
}

/// Groups the digits of a whole number by thousands with `.`: `13360` → `"13.360"`.
///
/// ```
/// assert_eq!(danvan::render::vi::group(13360), "13.360");
/// assert_eq!(danvan::render::vi::group(235), "235");
/// ```
pub fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}
