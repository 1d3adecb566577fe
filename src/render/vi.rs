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

        // ----- units and hierarchy -----
        ErrorKind::InvalidUnitCode { input, .. } => {
            format!("mã đơn vị hành chính không hợp lệ \"{input}\"")
        }
        ErrorKind::DuplicateUnit { code, first } => {
            format!("mã đơn vị \"{code}\" bị trùng (đã có ở vị trí {first})")
        }
        ErrorKind::UnknownParent { code, parent } => {
            format!("không tìm thấy đơn vị cấp trên \"{parent}\" của đơn vị \"{code}\"")
        }
        ErrorKind::ParentLevelMismatch {
            code,
            level,
            parent,
            parent_level,
            ..
        } => {
            let cap = |l: &str| match l {
                "province" => "cấp tỉnh",
                "district" => "cấp huyện",
                "commune" => "cấp xã",
                _ => "cấp thôn",
            };
            format!(
                "đơn vị \"{code}\" ({}) không thể trực thuộc đơn vị \"{parent}\" ({})",
                cap(level),
                cap(parent_level)
            )
        }
        ErrorKind::MissingParent { code, level, .. } => {
            let cap = match *level {
                "province" => "cấp tỉnh",
                "district" => "cấp huyện",
                "commune" => "cấp xã",
                _ => "cấp thôn",
            };
            format!("đơn vị \"{code}\" ({cap}) chưa có đơn vị cấp trên")
        }
        ErrorKind::UnexpectedParent { code, parent } => format!(
            "đơn vị cấp tỉnh \"{code}\" không có đơn vị cấp trên (đang ghi \"{parent}\")"
        ),
        ErrorKind::ParentCycle { code } => {
            format!("đơn vị \"{code}\" nằm trong một vòng lặp cấp trên – cấp dưới")
        }
        ErrorKind::VillageOutsideCommune {
            code,
            parent,
            expected,
        } => format!(
            "thôn, khu dân cư \"{code}\" ghi trực thuộc xã \"{parent}\" nhưng mã của nó thuộc xã \"{expected}\""
        ),
        ErrorKind::ValidityReversed { code, from, to } => {
            let day = |d: &str| {
                let parts: Vec<&str> = d.split('-').collect();
                match parts.as_slice() {
                    [y, m, dd] => format!("{dd}/{m}/{y}"),
                    _ => d.to_owned(),
                }
            };
            format!(
                "thời gian hiệu lực của đơn vị \"{code}\" kết thúc ({}) trước khi bắt đầu ({})",
                day(to),
                day(from)
            )
        }
        ErrorKind::ValidityOutsideParent {
            code,
            from,
            to,
            parent,
            parent_from,
            parent_to,
        } => {
            let day = |d: &str| {
                let parts: Vec<&str> = d.split('-').collect();
                match parts.as_slice() {
                    [y, m, dd] => format!("{dd}/{m}/{y}"),
                    _ => d.to_owned(),
                }
            };
            let span = |f: &Option<String>, t: &Option<String>| match (f, t) {
                (Some(f), Some(t)) => format!("từ {} đến {}", day(f), day(t)),
                (Some(f), None) => format!("từ {}", day(f)),
                (None, Some(t)) => format!("đến {}", day(t)),
                (None, None) => "không giới hạn thời gian".to_owned(),
            };
            format!(
                "đơn vị \"{code}\" có hiệu lực {}, ngoài thời gian hiệu lực của đơn vị cấp trên \"{parent}\" ({})",
                span(from, to),
                span(parent_from, parent_to)
            )
        }
        ErrorKind::CrosswalkUnmapped { code } => {
            format!("đơn vị cũ \"{code}\" chưa có trong bảng chuyển đổi")
        }
        ErrorKind::CrosswalkDuplicateSource { code, first } => format!(
            "đơn vị cũ \"{code}\" xuất hiện nhiều lần trong bảng chuyển đổi (lần đầu ở mục {first})"
        ),
        ErrorKind::CrosswalkUnknownTarget { from, to } => format!(
            "bảng chuyển đổi ghi đơn vị cũ \"{from}\" chuyển sang \"{to}\", nhưng không có đơn vị mới này"
        ),
        ErrorKind::CrosswalkUnknownSource { code, level } => {
            let cap = match *level {
                "province" => "cấp tỉnh",
                "district" => "cấp huyện",
                "commune" => "cấp xã",
                _ => "cấp thôn",
            };
            format!(
                "bảng chuyển đổi có đơn vị cũ \"{code}\" không có trong danh sách đơn vị cũ {cap}"
            )
        }
        ErrorKind::CrosswalkSharesSum { from, sum } => format!(
            "tổng tỷ lệ chia của đơn vị cũ \"{from}\" là {} thay vì 1",
            sum.replace('.', ",")
        ),
        ErrorKind::CrosswalkInvalidShare {
            from, to, share, ..
        } => {
            if share.is_empty() {
                format!("thiếu tỷ lệ chia từ đơn vị cũ \"{from}\" sang \"{to}\"")
            } else {
                format!("tỷ lệ chia \"{share}\" từ đơn vị cũ \"{from}\" sang \"{to}\" không hợp lệ")
            }
        }
        ErrorKind::CrosswalkNoTarget { from } => format!(
            "đơn vị cũ \"{from}\" trong bảng chuyển đổi chưa có đơn vị mới nào"
        ),
        ErrorKind::CrosswalkDuplicateTarget { from, to } => {
            format!("đơn vị cũ \"{from}\" ghi đơn vị mới \"{to}\" hai lần")
        }
        ErrorKind::CrosswalkLevelMismatch {
            from,
            from_level,
            to,
            to_level,
        } => {
            let cap = |l: &str| match l {
                "province" => "cấp tỉnh",
                "district" => "cấp huyện",
                "commune" => "cấp xã",
                _ => "cấp thôn",
            };
            format!(
                "đơn vị cũ \"{from}\" ({}) không thể chuyển sang đơn vị \"{to}\" ({}): phải cùng cấp",
                cap(from_level),
                cap(to_level)
            )
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
