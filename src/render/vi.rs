//! Vietnamese notation and wording.
//!
//! Numbers group thousands with `.` and use `,` as the decimal mark
//! (`13.360`, `98,5%`); dates are `dd/mm/yyyy`.

use crate::ErrorKind;

mod summary;
mod work_plan;

pub use summary::{annual_summary, write_annual_summary, Rounding, SummaryOptions};
pub use work_plan::{plan, write_plan};

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
        ErrorKind::NegativeCount {
            minuend,
            subtrahend,
        } => format!(
            "không thể lấy {} trừ {}: số lượng không thể âm",
            group(*minuend),
            group(*subtrahend)
        ),
        ErrorKind::NegativeAmount { amount } => {
            format!("số liệu âm \"{amount}\": cần số lớn hơn hoặc bằng 0")
        }
        ErrorKind::UnitMismatch { left, right } => {
            format!("không thể cộng hai số liệu khác đơn vị tính \"{left}\" và \"{right}\"")
        }
        ErrorKind::InvalidUnitWord { input, .. } => {
            format!("đơn vị tính không hợp lệ \"{input}\"")
        }

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
        ErrorKind::DuplicateUnit { code, first } => {
            format!("mã đơn vị \"{code}\" bị trùng (đã có ở mục {})", first + 1)
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
        ErrorKind::UnexpectedArray { line, column } => format!(
            "dòng {line}, cột {column}: không được dùng mảng ở đây; cần một đối tượng có tên trường"
        ),
        ErrorKind::InvalidActor { input } => format!("chủ thể báo cáo không hợp lệ \"{input}\""),
        ErrorKind::InvalidRecordId { input } => format!("mã bản ghi không hợp lệ \"{input}\""),
        ErrorKind::InvalidIndicatorId { input } => format!("mã chỉ tiêu không hợp lệ \"{input}\""),
        ErrorKind::UnknownUnit { code } => {
            format!("không có đơn vị hành chính mã \"{code}\" trong danh sách đơn vị")
        }
        ErrorKind::UnitNotValidOn { code, date } => format!(
            "đơn vị mã \"{code}\" không còn hoặc chưa có hiệu lực vào ngày {}",
            iso_date(date)
        ),
        ErrorKind::WrongLevel {
            code,
            level,
            expected,
        } => format!(
            "đơn vị mã \"{code}\" là {}, trong khi cần {}",
            level_word(level),
            expected_word(expected)
        ),
        ErrorKind::SecondBlock { code, first } => format!(
            "xã mã \"{code}\" đã có khối dân vận cơ sở (mục {}); mỗi xã chỉ có một khối",
            first + 1
        ),
        ErrorKind::SecondTeam { code, first } => format!(
            "thôn mã \"{code}\" đã có tổ dân vận (mục {}); mỗi thôn, khu dân cư chỉ có một tổ",
            first + 1
        ),
        ErrorKind::DateOutsidePeriod { date, start, end } => format!(
            "ngày {} nằm ngoài kỳ báo cáo từ {} đến {}",
            iso_date(date),
            iso_date(start),
            iso_date(end)
        ),
        ErrorKind::ConsentExceedsAffected {
            consenting,
            affected,
        } => format!(
            "số hộ đồng thuận ({}) lớn hơn số hộ bị ảnh hưởng ({})",
            group(*consenting),
            group(*affected)
        ),
        ErrorKind::ResolvedExceedsRaised { resolved, raised } => format!(
            "số kiến nghị đã giải quyết ({}) lớn hơn số kiến nghị tiếp nhận ({})",
            group(*resolved),
            group(*raised)
        ),
        ErrorKind::NoSubjects => {
            "cuộc kiểm tra, giám sát chưa có đối tượng (tổ chức đảng hoặc đảng viên)".to_owned()
        }
        ErrorKind::StagesNotNested {
            stage,
            count,
            earlier,
            earlier_count,
        } => format!(
            "số mô hình {} ({}) lớn hơn số mô hình {} ({})",
            stage_word(stage),
            group(*count),
            stage_word(earlier),
            group(*earlier_count)
        ),
        ErrorKind::PartsMismatch {
            total,
            total_qualifier,
            parts,
            parts_qualifier,
        } => format!(
            "tổng các phần ({}) không khớp với số tổng ({})",
            qualified_text(parts_qualifier, *parts),
            qualified_text(total_qualifier, *total)
        ),
        ErrorKind::DuplicateId { id, first } => {
            format!("mã \"{id}\" bị trùng với mục {}", first + 1)
        }
        ErrorKind::BreakthroughsExceedKeyTasks { breakthrough, key } => format!(
            "kế hoạch có {breakthrough} nhiệm vụ đột phá nhưng chỉ có {key} nhiệm vụ trọng tâm; nhiệm vụ đột phá phải là nhiệm vụ trọng tâm"
        ),
        ErrorKind::BreakthroughNotKey => {
            "nhiệm vụ đột phá phải đồng thời là nhiệm vụ trọng tâm".to_owned()
        }
        ErrorKind::MoreTasksThanDeclared {
            what,
            listed,
            declared,
        } => format!(
            "kế hoạch liệt kê {listed} nhiệm vụ {} nhưng chỉ đề ra {declared}",
            if *what == "breakthrough" { "đột phá" } else { "trọng tâm" }
        ),
        ErrorKind::FewerTasksListed { listed, declared } => format!(
            "kế hoạch mới liệt kê {listed} trong {declared} nhiệm vụ trọng tâm"
        ),
        ErrorKind::NotOneActor { count, .. } => format!(
            "số liệu ghi {count} chủ thể; mỗi số liệu chỉ thuộc một chủ thể, không cộng gộp số liệu của các chủ thể khác nhau"
        ),
        ErrorKind::ReceptionBelowNorm {
            code,
            actor,
            month,
            days,
            norm,
        } => format!(
            "người đứng đầu {} đơn vị mã \"{code}\" tiếp công dân {days} ngày trong tháng {}, chưa đạt định mức {norm} ngày/tháng",
            match *actor {
                "party_committees" => "cấp ủy",
                "government" => "chính quyền",
                _ => "cơ quan",
            },
            iso_month(month)
        ),
        ErrorKind::UnknownIndicator { id } => format!("chỉ tiêu \"{id}\" chưa được khai báo"),
        ErrorKind::ValueTypeMismatch { id, expected } => format!(
            "chỉ tiêu \"{id}\" cần đúng một {}",
            if *expected == "amount" { "giá trị lượng (amount)" } else { "giá trị số đếm (value)" }
        ),
        ErrorKind::FigurePeriodOutside { period, dataset } => {
            format!("kỳ của số liệu ({period}) nằm ngoài kỳ báo cáo ({dataset})")
        }
        ErrorKind::DuplicateFigure { first } => format!(
            "số liệu cùng chỉ tiêu, đơn vị, kỳ và chủ thể đã có ở mục {}",
            first + 1
        ),
        ErrorKind::OverlappingFigures { first } => format!(
            "kỳ của số liệu trùng một phần với kỳ của số liệu ở mục {} (cùng chỉ tiêu, đơn vị, chủ thể): phần trùng sẽ bị cộng hai lần",
            first + 1
        ),
        ErrorKind::BuiltinIndicatorRedeclared { id } => {
            format!("chỉ tiêu \"{id}\" đã có sẵn, không khai báo lại")
        }
        ErrorKind::UnknownCriterion { id } => {
            format!("tiêu chí \"{id}\" không có trong danh mục tiêu chí của kế hoạch")
        }
        ErrorKind::DuplicateName { name, first } => {
            format!("tên \"{name}\" trùng với đơn vị cùng cấp ở {first}")
        }
        ErrorKind::DissolvedBeforeEstablished {
            established,
            dissolved,
        } => format!(
            "ngày giải thể ({}) trước ngày thành lập ({})",
            iso_date(dissolved),
            iso_date(established)
        ),
        ErrorKind::SeveralLeaders { count } => {
            format!("tổ có {count} tổ trưởng (bí thư chi bộ); mỗi tổ chỉ có một tổ trưởng")
        }
        // ----- CSV of figures -----
        ErrorKind::CsvCell {
            row,
            column,
            problem,
        } => format!("dòng {row}, cột \"{column}\": {}", message(problem)),
        ErrorKind::CsvMissingColumn { column } => format!(
            "thiếu cột \"{}\": dòng tiêu đề phải có các cột {}",
            csv_header(column),
            CSV_REQUIRED_VI
        ),
        ErrorKind::CsvUnknownColumn { column, position } => format!(
            "không rõ cột \"{column}\" (cột thứ {position}): các cột hợp lệ là {}, tên đơn vị",
            CSV_REQUIRED_VI
        ),
        ErrorKind::CsvDuplicateColumn {
            column,
            position,
            first,
        } => format!("cột \"{column}\" (cột thứ {position}) trùng với cột thứ {first}"),
        ErrorKind::CsvCellCount {
            row,
            found,
            expected,
        } => format!("dòng {row} có {found} ô, trong khi dòng tiêu đề có {expected} ô"),
        ErrorKind::CsvMalformed { row, message } => {
            format!("dòng {row}: tệp CSV không đúng định dạng ({message})")
        }
        ErrorKind::CsvUnwritable { index, reason } => format!(
            "số liệu thứ {} không ghi được thành một dòng CSV: {}",
            index + 1,
            csv_unwritable_reason(reason)
        ),
        ErrorKind::CsvIo { message } => {
            format!("không đọc hoặc ghi được tệp CSV ({message})")
        }
        // ----- aggregation -----
        ErrorKind::TotalOverflow { unit, indicator } => format!(
            "tổng của chỉ tiêu \"{indicator}\" tại đơn vị \"{unit}\" vượt quá giá trị lớn nhất có thể lưu"
        ),
        ErrorKind::TotalsMismatch { what } => format!(
            "không thể gộp hai bảng tổng hợp khác {}: cần cùng danh mục đơn vị, kỳ báo cáo và chỉ tiêu",
            match *what {
                "periods" => "kỳ báo cáo",
                "indicators" => "danh mục chỉ tiêu",
                _ => "danh mục đơn vị",
            }
        ),
        ErrorKind::InvalidTotals { reason } => {
            format!("dữ liệu tổng hợp không hợp lệ ({reason})")
        }
        ErrorKind::ReadFailed { message } => {
            format!("không đọc được dữ liệu đầu vào ({message})")
        }
        ErrorKind::LineTooLong { limit } => format!(
            "dòng dài quá {} byte: mỗi dòng chỉ ghi một bản ghi",
            group(*limit)
        ),

        ErrorKind::RekeyUncovered { unit, indicator } => format!(
            "đơn vị mã \"{unit}\" có số liệu \"{indicator}\" của riêng mình nhưng không đơn vị nào trực thuộc có trong bảng chuyển đổi"
        ),
        // ----- limits -----
        ErrorKind::DocumentTooLarge { limit } => format!(
            "tệp vượt quá giới hạn {} byte: hãy chia nhỏ tệp hoặc nâng giới hạn",
            group(*limit)
        ),
        ErrorKind::TooManyRecords { count, limit } => format!(
            "tệp có {} bản ghi, vượt quá giới hạn {} bản ghi: hãy chia nhỏ tệp hoặc nâng giới hạn",
            group(*count),
            group(*limit)
        ),
        ErrorKind::StringTooLong {
            line,
            column,
            limit,
        } => format!(
            "dòng {line}, cột {column}: chuỗi ký tự dài quá giới hạn {} byte: hãy rút ngắn hoặc nâng giới hạn",
            group(*limit)
        ),
        ErrorKind::NestingTooDeep {
            line,
            column,
            limit,
        } => format!("dòng {line}, cột {column}: dữ liệu lồng nhau quá {limit} cấp"),

        // ----- synthetic data -----
        ErrorKind::InvalidSynthShape {
            provinces,
            districts,
            communes,
        } => format!(
            "cấu trúc dữ liệu giả lập không hợp lệ: {provinces} tỉnh, {districts} huyện, {communes} xã"
        ),
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

// ---------------------------------------------------------------------------
// Numbers: reading
// ---------------------------------------------------------------------------

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use unicode_normalization::UnicodeNormalization;

use crate::{Count, Error, Measure, Qualifier, Ratio, Reported, Share, UnitWord};

const COUNT_EXPECTED: &str = "a whole number such as 1.229 or 1229";
const COUNT_TOO_LARGE: &str = "a whole number no larger than 18.446.744.073.709.551.615";
const REPORTED_EXPECTED: &str =
    "a whole number such as 1.229, optionally after hơn, trên, gần, dưới or khoảng";
const AMOUNT_EXPECTED: &str =
    "an amount such as 8,9, 2,5 triệu or hơn 6,3 tỷ (decimal comma, thousands dots)";
const MEASURE_EXPECTED: &str = "an amount and a unit word such as 8,9 km or hơn 6,3 tỷ đồng";
const PERCENT_EXPECTED: &str = "a percentage such as 98,5% or 100%";

fn invalid(input: &str, expected: &'static str) -> Error {
    ErrorKind::InvalidNumber {
        input: input.to_owned(),
        expected,
    }
    .into()
}

/// NFC-normalized and trimmed, so that words typed with combining marks match.
fn normalized(s: &str) -> String {
    let nfc: String = s.nfc().collect();
    nfc.trim().to_owned()
}

/// The digits of a whole number written plain (`1229`) or with `.` thousands
/// groups (`1.229`): a first group of 1–3 digits, then groups of exactly 3.
/// No leading zero except for `0` itself.
fn integer_digits(t: &str) -> Option<String> {
    let all_digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    let grouped = t.contains('.');
    let mut groups = t.split('.');
    let first = groups.next()?;
    if !all_digits(first)
        || (grouped && first.len() > 3)
        || (first.starts_with('0') && (first.len() > 1 || grouped))
    {
        return None;
    }
    let mut digits = first.to_owned();
    for g in groups {
        if g.len() != 3 || !all_digits(g) {
            return None;
        }
        digits.push_str(g);
    }
    Some(digits)
}

/// A non-negative decimal written with a `,` decimal mark and optional `.`
/// thousands groups: `8,9`, `6.300.000,5`, `1229`. The scale is kept as written.
fn decimal_number(t: &str) -> Option<Decimal> {
    let (int, frac) = match t.split_once(',') {
        Some((int, frac)) => (int, Some(frac)),
        None => (t, None),
    };
    let mut text = integer_digits(int)?;
    if let Some(frac) = frac {
        if frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        text.push('.');
        text.push_str(frac);
    }
    Decimal::from_str_exact(&text).ok()
}

fn qualifier_of(word: &str) -> Option<Qualifier> {
    match word.to_lowercase().as_str() {
        "hơn" | "trên" => Some(Qualifier::AtLeast),
        "gần" | "dưới" => Some(Qualifier::AtMost),
        "khoảng" => Some(Qualifier::About),
        _ => None,
    }
}

fn scale_of(word: &str) -> Option<Decimal> {
    match word.to_lowercase().as_str() {
        "nghìn" | "ngàn" => Some(Decimal::from(1_000u32)),
        "triệu" => Some(Decimal::from(1_000_000u32)),
        "tỷ" | "tỉ" => Some(Decimal::from(1_000_000_000u32)),
        _ => None,
    }
}

/// Splits a leading qualifier word off normalized text.
fn split_qualifier(n: &str) -> (Qualifier, &str) {
    // The one two-word qualifier: "không quá" (not more than).
    if let Some((first, rest)) = n.split_once(char::is_whitespace) {
        if first.to_lowercase() == "không" {
            if let Some((second, rest)) = rest.trim_start().split_once(char::is_whitespace) {
                if second.to_lowercase() == "quá" {
                    return (Qualifier::AtMost, rest.trim_start());
                }
            }
        }
    }
    if let Some((word, rest)) = n.split_once(char::is_whitespace) {
        if let Some(q) = qualifier_of(word) {
            return (q, rest.trim_start());
        }
    }
    (Qualifier::Exact, n)
}

/// `value × scale`, exactly, without trailing zeros; `None` if it does not fit.
fn scaled(value: Decimal, scale: Decimal) -> Option<Decimal> {
    let product = value.checked_mul(scale)?;
    (product.checked_div(scale)? == value).then(|| product.normalize())
}

/// Reads a count written in Vietnamese notation: `1.229`, `13.360`, `1347`.
///
/// The text is NFC-normalized and trimmed. Thousands are grouped with `.` in
/// groups of exactly three digits, or not grouped at all. Rejected: a decimal
/// comma (`1,229` — a count has no fraction), bad groups (`1.22`, `12.34.5`),
/// spaces inside the number (`1 229` is read as two numbers, so it is refused
/// rather than guessed), signs, letters, leading zeros (`007`, `0.229`), and
/// numbers above `u64::MAX`.
///
/// # Errors
///
/// Returns [`ErrorKind::InvalidNumber`] quoting the input as given.
///
/// ```
/// use danvan::{render::vi, Count};
///
/// assert_eq!(vi::parse_count("1.229")?, Count::new(1229));
/// assert_eq!(vi::parse_count(" 1347 ")?, Count::new(1347));
/// let err = vi::parse_count("1,229").unwrap_err();
/// assert_eq!(err.to_string(), "invalid number \"1,229\": expected a whole number such as 1.229 or 1229");
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn parse_count(s: &str) -> Result<Count, Error> {
    let digits = integer_digits(&normalized(s)).ok_or_else(|| invalid(s, COUNT_EXPECTED))?;
    digits
        .parse::<u64>()
        .map(Count::new)
        .map_err(|_| invalid(s, COUNT_TOO_LARGE))
}

/// Reads a reported number: an optional qualifier word, then a count.
///
/// `hơn` and `trên` mean at least (read inclusively, see [`Reported`]); `gần`
/// and `dưới` mean at most; `khoảng` means about. Qualifier words are
/// case-insensitive (`Hơn 6.800`); the count follows the rules of
/// [`parse_count`].
///
/// # Errors
///
/// Returns [`ErrorKind::InvalidNumber`] quoting the input as given.
///
/// ```
/// use danvan::{render::vi, Count, Qualifier, Reported};
///
/// assert_eq!(vi::parse_reported("hơn 6.800")?, Reported::new(Qualifier::AtLeast, Count::new(6800)));
/// assert_eq!(vi::parse_reported("gần 22.000")?, Reported::new(Qualifier::AtMost, Count::new(22000)));
/// assert_eq!(vi::parse_reported("13.360")?, Reported::exact(Count::new(13360)));
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn parse_reported(s: &str) -> Result<Reported, Error> {
    let n = normalized(s);
    let (qualifier, rest) = split_qualifier(&n);
    let digits = integer_digits(rest).ok_or_else(|| invalid(s, REPORTED_EXPECTED))?;
    let value = digits
        .parse::<u64>()
        .map_err(|_| invalid(s, COUNT_TOO_LARGE))?;
    Ok(Reported::new(qualifier, Count::new(value)))
}

/// Reads a non-negative amount: an optional qualifier word, a number with a
/// decimal comma and thousands dots, and an optional scale word.
///
/// Scale words: `nghìn`/`ngàn` (× 1.000), `triệu` (× 1.000.000), `tỷ`/`tỉ`
/// (× 1.000.000.000); a scaled amount loses its trailing zeros
/// (`2,5 triệu` → `2500000`), an unscaled one keeps its scale as written
/// (`8,90` → `8.90`). Qualifier words as in [`parse_reported`].
///
/// # Errors
///
/// Returns [`ErrorKind::InvalidNumber`] quoting the input as given when the
/// text is malformed or ambiguous (`8.9`, `1,5,3`, `,5`, a sign, an unknown
/// or a second scale word, more than 28 significant digits).
///
/// ```
/// use danvan::{render::vi, Qualifier};
/// use rust_decimal::Decimal;
///
/// let (q, amount) = vi::parse_amount("hơn 6,3 tỷ")?;
/// assert_eq!(q, Qualifier::AtLeast);
/// assert_eq!(amount, Decimal::from(6_300_000_000u64));
/// assert_eq!(vi::parse_amount("8,9")?.1, Decimal::new(89, 1));
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn parse_amount(s: &str) -> Result<(Qualifier, Decimal), Error> {
    let n = normalized(s);
    let (qualifier, rest) = split_qualifier(&n);
    let mut tokens = rest.split_whitespace();
    let number = tokens
        .next()
        .and_then(decimal_number)
        .ok_or_else(|| invalid(s, AMOUNT_EXPECTED))?;
    let amount = match tokens.next() {
        None => number,
        Some(word) => scale_of(word)
            .and_then(|scale| scaled(number, scale))
            .ok_or_else(|| invalid(s, AMOUNT_EXPECTED))?,
    };
    if tokens.next().is_some() {
        return Err(invalid(s, AMOUNT_EXPECTED));
    }
    Ok((qualifier, amount))
}

/// Reads a measure: an amount as in [`parse_amount`], then a unit word
/// (the rest of the text, e.g. `km`, `m²`, `ngày công`).
///
/// A scale word directly after the number is a scale, not the unit.
///
/// # Errors
///
/// Returns [`ErrorKind::InvalidNumber`] quoting the input when the amount is
/// malformed or the unit word is missing, and [`ErrorKind::InvalidUnitWord`]
/// when the unit word breaks its rules.
///
/// ```
/// use danvan::{render::vi, Qualifier};
/// use rust_decimal::Decimal;
///
/// let m = vi::parse_measure("hơn 6,3 tỷ đồng")?;
/// assert_eq!(m.qualifier(), Qualifier::AtLeast);
/// assert_eq!(m.amount(), Decimal::from(6_300_000_000u64));
/// assert_eq!(m.unit().as_str(), "đồng");
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn parse_measure(s: &str) -> Result<Measure, Error> {
    let n = normalized(s);
    let (qualifier, rest) = split_qualifier(&n);
    let mut tokens = rest.split_whitespace().peekable();
    let number = tokens
        .next()
        .and_then(decimal_number)
        .ok_or_else(|| invalid(s, MEASURE_EXPECTED))?;
    let amount = match tokens.peek().and_then(|w| scale_of(w)) {
        Some(scale) => {
            tokens.next();
            scaled(number, scale).ok_or_else(|| invalid(s, MEASURE_EXPECTED))?
        }
        None => number,
    };
    let unit = tokens.collect::<Vec<_>>().join(" ");
    if unit.is_empty() {
        return Err(invalid(s, MEASURE_EXPECTED));
    }
    Measure::new(qualifier, amount, unit.parse::<UnitWord>()?)
}

/// Reads a percentage: a non-negative number with a decimal comma, then `%`
/// (a space before `%` is allowed): `98,5%`, `100%`, `0,25 %`.
///
/// The result is the number of percent (`98,5%` → `98.5`), not a fraction.
///
/// # Errors
///
/// Returns [`ErrorKind::InvalidNumber`] quoting the input as given.
///
/// ```
/// use danvan::render::vi;
/// use rust_decimal::Decimal;
///
/// assert_eq!(vi::parse_percent("98,5%")?, Decimal::new(985, 1));
/// assert!(vi::parse_percent("98,5").is_err());
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn parse_percent(s: &str) -> Result<Decimal, Error> {
    normalized(s)
        .strip_suffix('%')
        .and_then(|body| decimal_number(body.trim_end()))
        .ok_or_else(|| invalid(s, PERCENT_EXPECTED))
}

// ---------------------------------------------------------------------------
// Numbers and dates: writing
// ---------------------------------------------------------------------------

/// Groups a string of ASCII digits by thousands with `.`.
fn group_digits(digits: &str) -> String {
    let len = digits.chars().count();
    let mut out = String::with_capacity(len + len / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// The canonical word of a qualifier: `hơn`, `không quá`, `khoảng`; none for exact.
fn qualifier_word(q: Qualifier) -> Option<&'static str> {
    match q {
        Qualifier::Exact => None,
        Qualifier::AtLeast => Some("hơn"),
        // "gần" (nearly) would suggest a value close to the bound; an upper
        // bound from a sum or a split can be far below it.
        Qualifier::AtMost => Some("không quá"),
        Qualifier::About => Some("khoảng"),
    }
}

fn with_qualifier(q: Qualifier, text: String) -> String {
    match qualifier_word(q) {
        Some(word) => format!("{word} {text}"),
        None => text,
    }
}

/// Writes a count with thousands dots: `1.229`.
///
/// ```
/// use danvan::{render::vi, Count};
///
/// assert_eq!(vi::count(Count::new(13360)), "13.360");
/// ```
pub fn count(c: Count) -> String {
    group(c.get())
}

/// Writes a reported number with its canonical qualifier word: `hơn 6.800`,
/// `không quá 22.000` (an upper bound, read from "gần" or "dưới" too), `khoảng 500`,
/// or just `1.229` when exact.
///
/// ```
/// use danvan::{render::vi, Count, Qualifier, Reported};
///
/// let r = Reported::new(Qualifier::AtLeast, Count::new(6800));
/// assert_eq!(vi::reported(r), "hơn 6.800");
/// ```
pub fn reported(r: Reported) -> String {
    with_qualifier(r.qualifier(), count(r.value()))
}

/// Writes a decimal with `.` thousands groups and a `,` decimal mark, keeping
/// its scale: `8,9`, `6.300.000,5`, `8,90`.
///
/// ```
/// use danvan::render::vi;
/// use rust_decimal::Decimal;
///
/// assert_eq!(vi::decimal(Decimal::new(63_000_005, 1)), "6.300.000,5");
/// ```
pub fn decimal(d: Decimal) -> String {
    let text = d.abs().to_string();
    let (int, frac) = match text.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (text.as_str(), None),
    };
    let sign = if d.is_sign_negative() && !d.is_zero() {
        "-"
    } else {
        ""
    };
    match frac {
        Some(frac) => format!("{sign}{},{frac}", group_digits(int)),
        None => format!("{sign}{}", group_digits(int)),
    }
}

/// Writes a share as a percentage rounded to `decimals` places (half away
/// from zero, see [`Share::percent`]) without trailing zeros: `98,5%`,
/// `50%`; `None` when the whole is zero.
///
/// ```
/// use danvan::{render::vi, Count, Share};
///
/// let s = Share::new(Count::new(197), Count::new(200))?;
/// assert_eq!(vi::percent(s, 1).as_deref(), Some("98,5%"));
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn percent(share: Share, decimals: u32) -> Option<String> {
    share
        .percent(decimals)
        .map(|p| format!("{}%", decimal(p.normalize())))
}

/// Writes a ratio rounded to `decimals` places (see [`Ratio::value`]) without
/// trailing zeros: `45,9`; `None` when the denominator is zero.
///
/// ```
/// use danvan::{render::vi, Count, Ratio};
///
/// let per_conference = Ratio::new(Count::new(13360), Count::new(291));
/// assert_eq!(vi::ratio(per_conference, 1).as_deref(), Some("45,9"));
/// ```
pub fn ratio(r: Ratio, decimals: u32) -> Option<String> {
    r.value(decimals).map(|v| decimal(v.normalize()))
}

/// Writes a measure: qualifier word, amount in full (no scale words), unit:
/// `hơn 6.300.000.000 đồng`.
///
/// ```
/// use danvan::render::vi;
///
/// let m = vi::parse_measure("hơn 6,3 tỷ đồng")?;
/// assert_eq!(vi::measure(&m), "hơn 6.300.000.000 đồng");
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn measure(m: &Measure) -> String {
    with_qualifier(
        m.qualifier(),
        format!("{} {}", decimal(m.amount()), m.unit()),
    )
}

/// Writes a date as `dd/mm/yyyy`: `02/02/2023`.
///
/// ```
/// use danvan::render::vi;
///
/// let d = chrono::NaiveDate::from_ymd_opt(2023, 2, 2).unwrap();
/// assert_eq!(vi::date(d), "02/02/2023");
/// ```
pub fn date(d: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

/// Press-style rounding down, as in "an exact 6.853 is written hơn 6.800".
///
/// Values of 1.000 and more keep their two leading significant digits
/// (6.853 → 6.800, 13.360 → 13.000); values from 100 to 999 keep one
/// (512 → 500); values below 100 are unchanged. If the value changed, an
/// exact or at-least number becomes at least the rounded value, which still
/// contains the true figure. At-most and about numbers are returned
/// unchanged: rounding their value down would be dishonest.
///
/// ```
/// use danvan::{render::vi, Count, Qualifier, Reported};
///
/// let r = vi::press_round(Reported::exact(Count::new(6853)));
/// assert_eq!(r, Reported::new(Qualifier::AtLeast, Count::new(6800)));
/// assert_eq!(vi::reported(r), "hơn 6.800");
/// ```
pub fn press_round(r: Reported) -> Reported {
    if matches!(r.qualifier(), Qualifier::AtMost | Qualifier::About) {
        return r;
    }
    let v = r.value().get();
    let digits = v.checked_ilog10().unwrap_or(0) + 1;
    let kept = match digits {
        0..=2 => return r,
        3 => 1,
        _ => 2,
    };
    // digits <= 20, so the power fits in u64.
    let unit = 10u64.pow(digits - kept);
    let rounded = v / unit * unit;
    if rounded == v {
        r
    } else {
        Reported::new(Qualifier::AtLeast, Count::new(rounded))
    }
}

// ---------------------------------------------------------------------------
// Words of the dataset: levels, indicators, criteria, issues
// ---------------------------------------------------------------------------

/// `YYYY-MM-DD` as `dd/mm/yyyy`; other text is returned as it is.
fn iso_date(text: &str) -> String {
    match text.parse::<NaiveDate>() {
        Ok(d) => date(d),
        Err(_) => text.to_owned(),
    }
}

/// `YYYY-MM` as `mm/yyyy`.
fn iso_month(text: &str) -> String {
    match text.split_once('-') {
        Some((y, m)) => format!("{m}/{y}"),
        None => text.to_owned(),
    }
}

fn level_word(level: &str) -> &'static str {
    match level {
        "province" => "cấp tỉnh",
        "district" => "cấp huyện",
        "commune" => "cấp xã",
        "village" => "thôn, khu dân cư",
        _ => "cấp khác",
    }
}

fn expected_word(expected: &str) -> &'static str {
    match expected {
        "a province" => "đơn vị cấp tỉnh",
        "a district" => "đơn vị cấp huyện",
        "a commune" => "đơn vị cấp xã",
        "a village" => "thôn, khu dân cư",
        _ => "đơn vị cấp khác",
    }
}

fn stage_word(id: &str) -> &'static str {
    match id {
        "skilful_models_registered" => "đăng ký",
        "skilful_models_effective" => "hiệu quả",
        "skilful_models_recognized" => "được công nhận",
        "skilful_models_outstanding" => "tiêu biểu",
        "skilful_models_awarded" => "được khen thưởng",
        _ => "khác",
    }
}

fn qualified_text(qualifier: &str, value: u64) -> String {
    let q = match qualifier {
        "at_least" => Qualifier::AtLeast,
        "at_most" => Qualifier::AtMost,
        "about" => Qualifier::About,
        _ => Qualifier::Exact,
    };
    reported(Reported::new(q, Count::new(value)))
}

/// The Vietnamese name of a level.
///
/// ```
/// assert_eq!(danvan::render::vi::level(danvan::Level::Commune), "cấp xã");
/// ```
pub fn level(level: crate::Level) -> &'static str {
    match level {
        crate::Level::Province => "cấp tỉnh",
        crate::Level::District => "cấp huyện",
        crate::Level::Commune => "cấp xã",
        crate::Level::Village => "thôn, khu dân cư",
    }
}

/// The Vietnamese label of a built-in indicator, as a report words it.
///
/// ```
/// use danvan::{render::vi, Builtin};
/// assert_eq!(vi::label(Builtin::GrassrootsBlocks), "khối dân vận cơ sở");
/// assert_eq!(vi::label(Builtin::SkilfulModels), "mô hình \u{201c}Dân vận khéo\u{201d}");
/// ```
pub fn label(indicator: crate::Builtin) -> &'static str {
    use crate::Builtin as B;
    match indicator {
        B::SkilfulModels => "mô hình \u{201c}Dân vận khéo\u{201d}",
        B::SkilfulModelsRegistered => "mô hình \u{201c}Dân vận khéo\u{201d} đăng ký",
        B::SkilfulModelsEffective => "mô hình \u{201c}Dân vận khéo\u{201d} hiệu quả",
        B::SkilfulModelsRecognized => "mô hình \u{201c}Dân vận khéo\u{201d} được công nhận",
        B::SkilfulModelsOutstanding => "mô hình \u{201c}Dân vận khéo\u{201d} tiêu biểu",
        B::SkilfulModelsAwarded => "mô hình \u{201c}Dân vận khéo\u{201d} được khen thưởng",
        B::GrassrootsBlocks => "khối dân vận cơ sở",
        B::VillageTeams => "tổ dân vận thôn, khu dân cư",
        B::Conferences => "hội nghị tuyên truyền, tập huấn",
        B::TrainingConferences => "hội nghị tập huấn",
        B::PropagandaConferences => "hội nghị tuyên truyền",
        B::ConferenceParticipants => "lượt người dự hội nghị",
        B::ConferencePersons => "người dự hội nghị",
        B::Documents => "văn bản",
        B::LeadershipDocuments => "văn bản lãnh đạo, chỉ đạo",
        B::GuidanceDocuments => "văn bản hướng dẫn, đôn đốc",
        B::Inspections => "cuộc kiểm tra, giám sát",
        B::InspectionSubjects => "tổ chức đảng, đảng viên được kiểm tra, giám sát",
        B::Dialogues => "cuộc tiếp xúc, đối thoại",
        B::DialogueParticipants => "lượt người dự đối thoại",
        B::Receptions => "lượt tiếp công dân",
        B::PetitionsRaised => "kiến nghị tiếp nhận",
        B::PetitionsResolved => "kiến nghị đã giải quyết",
        B::ClearanceDrives => "cuộc vận động giải phóng mặt bằng",
        B::ClearanceHouseholds => "hộ bị ảnh hưởng bởi giải phóng mặt bằng",
        B::ClearanceConsenting => "hộ đồng thuận giải phóng mặt bằng",
        B::AwardedCollectives => "tập thể được khen thưởng",
        B::AwardedIndividuals => "cá nhân được khen thưởng",
    }
}

/// The Vietnamese unit word of a built-in indicator (hội nghị, người, văn bản, …).
///
/// ```
/// use danvan::{render::vi, Builtin};
/// assert_eq!(vi::unit_word(Builtin::Conferences), "hội nghị");
/// assert_eq!(vi::unit_word(Builtin::AwardedCollectives), "tập thể");
/// ```
pub fn unit_word(indicator: crate::Builtin) -> &'static str {
    use crate::Builtin as B;
    match indicator {
        B::SkilfulModels
        | B::SkilfulModelsRegistered
        | B::SkilfulModelsEffective
        | B::SkilfulModelsRecognized
        | B::SkilfulModelsOutstanding
        | B::SkilfulModelsAwarded => "mô hình",
        B::GrassrootsBlocks => "khối",
        B::VillageTeams => "tổ",
        B::Conferences | B::TrainingConferences | B::PropagandaConferences => "hội nghị",
        B::ConferenceParticipants | B::ConferencePersons | B::DialogueParticipants => "người",
        B::Documents | B::LeadershipDocuments | B::GuidanceDocuments => "văn bản",
        B::Inspections | B::Dialogues | B::ClearanceDrives => "cuộc",
        B::InspectionSubjects => "tổ chức đảng, đảng viên",
        B::Receptions => "lượt",
        B::PetitionsRaised | B::PetitionsResolved => "kiến nghị",
        B::ClearanceHouseholds | B::ClearanceConsenting => "hộ",
        B::AwardedCollectives => "tập thể",
        B::AwardedIndividuals => "cá nhân",
    }
}

/// The Vietnamese label of a criterion: the built-in "5 rõ" by id, others by their own label.
///
/// ```
/// use danvan::{render::vi, Criterion};
/// let five = Criterion::five_clear();
/// let words: Vec<String> = five.iter().map(vi::criterion).collect();
/// assert_eq!(words.join(", "), "Rõ người, Rõ việc, Rõ trách nhiệm, Rõ cách làm, Rõ hiệu quả");
/// ```
pub fn criterion(c: &crate::Criterion) -> String {
    if let Some(label) = &c.label {
        return label.clone();
    }
    match c.id.as_str() {
        "person" => "Rõ người".to_owned(),
        "task" => "Rõ việc".to_owned(),
        "responsibility" => "Rõ trách nhiệm".to_owned(),
        "method" => "Rõ cách làm".to_owned(),
        "result" => "Rõ hiệu quả".to_owned(),
        other => other.to_owned(),
    }
}

/// The Vietnamese word of a severity.
///
/// ```
/// assert_eq!(danvan::render::vi::severity(danvan::Severity::Error), "lỗi");
/// ```
pub fn severity(s: crate::Severity) -> &'static str {
    match s {
        crate::Severity::Error => "lỗi",
        crate::Severity::Warning => "cảnh báo",
    }
}

/// One issue in Vietnamese, for the official who typed the data: severity,
/// code, where, and what is wrong.
///
/// ```
/// let issue = danvan::Issue::new(
///     danvan::Severity::Error,
///     danvan::Path::root().field("clearances").index(0).field("households_consenting"),
///     danvan::ErrorKind::ConsentExceedsAffected { consenting: 150, affected: 140 },
/// );
/// assert_eq!(
///     danvan::render::vi::issue(&issue),
///     "lỗi DV069 clearances[0].households_consenting: số hộ đồng thuận (150) lớn hơn số hộ bị ảnh hưởng (140)"
/// );
/// ```
pub fn issue(issue: &crate::Issue) -> String {
    let path = issue.path();
    if path.is_root() {
        format!(
            "{} {}: {}",
            severity(issue.severity()),
            issue.code(),
            message(issue.kind())
        )
    } else {
        format!(
            "{} {} {}: {}",
            severity(issue.severity()),
            issue.code(),
            path,
            message(issue.kind())
        )
    }
}

// ---------------------------------------------------------------------------
// CSV of figures: Vietnamese column names and cell text
// ---------------------------------------------------------------------------

/// The columns of a CSV file of figures: English name, Vietnamese name.
pub(crate) const CSV_HEADERS: [(&str, &str); 6] = [
    ("unit", "mã đơn vị"),
    ("period", "kỳ"),
    ("actor", "chủ thể"),
    ("indicator", "chỉ tiêu"),
    ("value", "giá trị"),
    ("unit_name", "tên đơn vị"),
];

/// The required columns, in Vietnamese, for messages.
const CSV_REQUIRED_VI: &str = "mã đơn vị, kỳ, chủ thể, chỉ tiêu, giá trị";

/// The Vietnamese name of a CSV column given its English name.
fn csv_header(english: &str) -> &str {
    CSV_HEADERS
        .iter()
        .find(|(en, _)| *en == english)
        .map_or(english, |(_, vi)| vi)
}

/// Why a figure has no CSV row, in Vietnamese; the reasons are those of the CSV writer.
fn csv_unwritable_reason(reason: &str) -> &'static str {
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

/// A reported number as a CSV cell: the qualifier word and the digits without
/// thousands dots (`hơn 6800`, `1229`), so that spreadsheets in any locale
/// read the same number and [`parse_reported`] reads it back.
#[cfg_attr(not(feature = "csv"), allow(dead_code))]
pub(crate) fn csv_value(r: Reported) -> String {
    with_qualifier(r.qualifier(), r.value().get().to_string())
}

#[cfg(test)]
mod number_tests {
    use super::*;
    use proptest::prelude::*;

    fn c(n: u64) -> Count {
        Count::new(n)
    }

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn counts_parse() {
        let cases = [
            ("1.229", 1229),
            ("1229", 1229),
            ("13.360", 13360),
            ("1347", 1347),
            ("1.000.000", 1_000_000),
            ("235", 235),
            ("0", 0),
            ("  291\n", 291),
            ("18.446.744.073.709.551.615", u64::MAX),
        ];
        for (text, want) in cases {
            assert_eq!(parse_count(text).unwrap(), c(want), "{text:?}");
            assert_eq!(text.parse::<Count>().unwrap(), c(want), "{text:?}");
        }
    }

    #[test]
    fn bad_counts_quote_the_input() {
        let bad = [
            "1.22",
            "1,229",
            "12.34.5",
            "",
            "   ",
            "-5",
            "+5",
            "abc",
            "12a",
            "1 229",
            "1.2290",
            "1229.",
            ".229",
            "1..229",
            "007",
            "0.229",
            "1234.567",
            "５",
            "1\u{a0}229",
        ];
        for text in bad {
            let err = parse_count(text).unwrap_err();
            assert_eq!(err.code(), "DV001", "{text:?}");
            assert_eq!(
                err.to_string(),
                format!("invalid number {text:?}: expected a whole number such as 1.229 or 1229")
            );
            assert!(message(err.kind()).contains(text));
        }
        let err = parse_count("18.446.744.073.709.551.616").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid number \"18.446.744.073.709.551.616\": expected a whole number no larger than 18.446.744.073.709.551.615"
        );
        assert_eq!(err.code(), "DV001");
    }

    #[test]
    fn reported_parse() {
        let cases = [
            ("1.229", Qualifier::Exact, 1229),
            ("1229", Qualifier::Exact, 1229),
            ("13.360", Qualifier::Exact, 13360),
            ("hơn 6.800", Qualifier::AtLeast, 6800),
            ("Hơn 6.800", Qualifier::AtLeast, 6800),
            ("trên 1.900", Qualifier::AtLeast, 1900),
            ("gần 22.000", Qualifier::AtMost, 22000),
            ("dưới 100", Qualifier::AtMost, 100),
            ("Khoảng 500", Qualifier::About, 500),
            ("khoảng   500 ", Qualifier::About, 500),
            // "hơn" typed with a combining horn (NFD), synthetic input.
            ("ho\u{31b}n 500", Qualifier::AtLeast, 500),
        ];
        for (text, q, v) in cases {
            assert_eq!(
                parse_reported(text).unwrap(),
                Reported::new(q, c(v)),
                "{text:?}"
            );
            assert_eq!(text.parse::<Reported>().unwrap(), Reported::new(q, c(v)));
        }
        for text in [
            "hơn",
            "hơn6.800",
            "chừng 500",
            "hơn hơn 5",
            "hơn 1,5",
            "5 hơn",
            "",
        ] {
            let err = parse_reported(text).unwrap_err();
            assert_eq!(
                err.to_string(),
                format!("invalid number {text:?}: expected a whole number such as 1.229, optionally after hơn, trên, gần, dưới or khoảng")
            );
        }
    }

    #[test]
    fn amounts_parse() {
        let cases = [
            ("8,9", Qualifier::Exact, "8.9"),
            ("8,90", Qualifier::Exact, "8.90"),
            ("hơn 6,3 tỷ", Qualifier::AtLeast, "6300000000"),
            ("6,3 tỉ", Qualifier::Exact, "6300000000"),
            ("2,5 triệu", Qualifier::Exact, "2500000"),
            ("1.000 nghìn", Qualifier::Exact, "1000000"),
            ("3 ngàn", Qualifier::Exact, "3000"),
            ("6.300.000,5", Qualifier::Exact, "6300000.5"),
            ("khoảng 0,25", Qualifier::About, "0.25"),
            ("gần 2 Tỷ", Qualifier::AtMost, "2000000000"),
        ];
        for (text, q, want) in cases {
            let (got_q, got) = parse_amount(text).unwrap();
            assert_eq!(got_q, q, "{text:?}");
            assert_eq!(got.to_string(), want, "{text:?}");
        }
        let bad = [
            "",
            "8.9",
            "1,5,3",
            ",5",
            "5,",
            "-5",
            "5 triệu triệu",
            "5 trăm",
            "hơn",
            "5 tỷ đồng",
            "1 229",
            "8,9a",
            "99999999999999999999999999999",
        ];
        for text in bad {
            let err = parse_amount(text).unwrap_err();
            assert_eq!(err.code(), "DV001");
            assert_eq!(
                err.to_string(),
                format!("invalid number {text:?}: expected an amount such as 8,9, 2,5 triệu or hơn 6,3 tỷ (decimal comma, thousands dots)")
            );
        }
    }

    #[test]
    fn measures_parse_and_write() {
        let m = parse_measure("hơn 6,3 tỷ đồng").unwrap();
        assert_eq!(measure(&m), "hơn 6.300.000.000 đồng");
        let m = parse_measure("1.500 ngày  công").unwrap();
        assert_eq!(m.unit().as_str(), "ngày công");
        assert_eq!(measure(&m), "1.500 ngày công");
        let m = parse_measure("8,9 km").unwrap();
        assert_eq!(measure(&m), "8,9 km");
        for text in ["8,9", "2,5 triệu", "km", "8.9 km"] {
            let err = parse_measure(text).unwrap_err();
            assert_eq!(err.code(), "DV001", "{text:?}");
            assert!(err.to_string().contains(&format!("{text:?}")));
        }
        let long = format!("5 {}", "x".repeat(33));
        assert_eq!(parse_measure(&long).unwrap_err().code(), "DV007");
    }

    #[test]
    fn percents_parse() {
        assert_eq!(parse_percent("98,5%").unwrap(), dec("98.5"));
        assert_eq!(parse_percent("100%").unwrap(), dec("100"));
        assert_eq!(parse_percent("0,25 %").unwrap(), dec("0.25"));
        for text in ["98,5", "%", "-5%", "98.5%", "5%%", "năm %", ""] {
            let err = parse_percent(text).unwrap_err();
            assert_eq!(
                err.to_string(),
                format!("invalid number {text:?}: expected a percentage such as 98,5% or 100%")
            );
        }
    }

    #[test]
    fn writing() {
        assert_eq!(count(c(1229)), "1.229");
        assert_eq!(count(c(0)), "0");
        assert_eq!(count(c(u64::MAX)), "18.446.744.073.709.551.615");
        assert_eq!(
            reported(Reported::new(Qualifier::AtMost, c(22000))),
            "không quá 22.000"
        );
        assert_eq!(
            parse_reported("không quá 22.000").unwrap(),
            Reported::new(Qualifier::AtMost, c(22000))
        );
        assert_eq!(
            parse_reported("Không  quá 5").unwrap(),
            Reported::new(Qualifier::AtMost, c(5))
        );
        assert!(parse_reported("không 5").is_err());
        assert_eq!(
            reported(Reported::new(Qualifier::About, c(500))),
            "khoảng 500"
        );
        assert_eq!(reported(Reported::exact(c(1347))), "1.347");
        assert_eq!(decimal(dec("8.9")), "8,9");
        assert_eq!(decimal(dec("6300000.5")), "6.300.000,5");
        assert_eq!(decimal(dec("-1234.5")), "-1.234,5");
        assert_eq!(decimal(-Decimal::ZERO), "0");
        assert_eq!(
            decimal(Decimal::MAX),
            "79.228.162.514.264.337.593.543.950.335"
        );
        let share = |p, w| Share::new(c(p), c(w)).unwrap();
        assert_eq!(percent(share(197, 200), 1).unwrap(), "98,5%");
        assert_eq!(percent(share(2, 3), 1).unwrap(), "66,7%");
        assert_eq!(percent(share(1, 8), 1).unwrap(), "12,5%");
        assert_eq!(percent(share(1, 16), 1).unwrap(), "6,3%");
        assert_eq!(percent(share(1, 2), 1).unwrap(), "50%");
        assert_eq!(percent(share(7, 7), 2).unwrap(), "100%");
        assert_eq!(percent(share(0, 0), 1), None);
        assert_eq!(ratio(Ratio::new(c(13360), c(291)), 1).unwrap(), "45,9");
        assert_eq!(ratio(Ratio::new(c(545), c(179)), 2).unwrap(), "3,04");
        assert_eq!(ratio(Ratio::new(c(1), c(0)), 1), None);
        let d = NaiveDate::from_ymd_opt(2023, 2, 2).unwrap();
        assert_eq!(date(d), "02/02/2023");
        let d = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
        assert_eq!(date(d), "31/12/2025");
    }

    #[test]
    fn press_rounding() {
        let round = |q, v| press_round(Reported::new(q, c(v)));
        let at_least = |v| Reported::new(Qualifier::AtLeast, c(v));
        assert_eq!(round(Qualifier::Exact, 6853), at_least(6800));
        assert_eq!(round(Qualifier::Exact, 13360), at_least(13000));
        assert_eq!(round(Qualifier::Exact, 512), at_least(500));
        assert_eq!(round(Qualifier::Exact, 99), Reported::exact(c(99)));
        assert_eq!(round(Qualifier::Exact, 6800), Reported::exact(c(6800)));
        assert_eq!(round(Qualifier::Exact, 0), Reported::exact(c(0)));
        assert_eq!(round(Qualifier::AtLeast, 6853), at_least(6800));
        assert_eq!(
            round(Qualifier::AtMost, 22345),
            Reported::new(Qualifier::AtMost, c(22345))
        );
        assert_eq!(
            round(Qualifier::About, 512),
            Reported::new(Qualifier::About, c(512))
        );
        assert_eq!(
            round(Qualifier::Exact, u64::MAX),
            at_least(18_000_000_000_000_000_000)
        );
    }

    #[test]
    fn messages_of_quantity_kinds() {
        let cases = [
            (
                ErrorKind::NegativeCount {
                    minuend: 3,
                    subtrahend: 1500,
                },
                "không thể lấy 3 trừ 1.500: số lượng không thể âm",
            ),
            (
                ErrorKind::NegativeAmount {
                    amount: "-5".into(),
                },
                "số liệu âm \"-5\": cần số lớn hơn hoặc bằng 0",
            ),
            (
                ErrorKind::UnitMismatch {
                    left: "km".into(),
                    right: "m²".into(),
                },
                "không thể cộng hai số liệu khác đơn vị tính \"km\" và \"m²\"",
            ),
            (
                ErrorKind::InvalidUnitWord {
                    input: "".into(),
                    expected: "x",
                },
                "đơn vị tính không hợp lệ \"\"",
            ),
        ];
        for (kind, text) in cases {
            assert_eq!(message(&kind), text);
        }
    }

    fn qualifier() -> impl Strategy<Value = Qualifier> {
        prop::sample::select(Qualifier::ALL.to_vec())
    }

    /// Synthetic non-negative decimals with up to 10 places.
    fn amount() -> impl Strategy<Value = Decimal> {
        (any::<u64>(), 0u32..=10).prop_map(|(m, s)| Decimal::from_i128_with_scale(i128::from(m), s))
    }

    proptest! {
        #[test]
        fn count_round_trips(n in any::<u64>()) {
            prop_assert_eq!(parse_count(&count(c(n))).unwrap(), c(n));
            prop_assert_eq!(parse_count(&n.to_string()).unwrap(), c(n));
        }

        #[test]
        fn reported_round_trips(q in qualifier(), n in any::<u64>()) {
            let r = Reported::new(q, c(n));
            prop_assert_eq!(parse_reported(&reported(r)).unwrap(), r);
        }

        #[test]
        fn decimal_round_trips(d in amount(), q in qualifier()) {
            let (got_q, got) = parse_amount(&decimal(d)).unwrap();
            prop_assert_eq!(got_q, Qualifier::Exact);
            prop_assert_eq!(got, d);
            prop_assert_eq!(got.scale(), d.scale());
            let m = Measure::new(q, d, "km".parse().unwrap()).unwrap();
            prop_assert_eq!(parse_measure(&measure(&m)).unwrap(), m);
        }

        #[test]
        fn press_round_contains_the_truth(q in qualifier(), v in any::<u64>(), extra in any::<u64>()) {
            let r = Reported::new(q, c(v));
            let rounded = press_round(r);
            prop_assert!(rounded.value() <= r.value());
            // Every true value the report admits is admitted after rounding.
            let x = match q {
                Qualifier::Exact => v,
                Qualifier::AtLeast => v.saturating_add(extra),
                Qualifier::AtMost => extra % v.saturating_add(1),
                Qualifier::About => extra,
            };
            prop_assert!(r.admits(c(x)));
            prop_assert!(rounded.admits(c(x)), "{r:?} -> {rounded:?} misses {x}");
        }
    }
}
