//! The error table: every kind of error, with its stable code, its default
//! severity, its English text (the `#[error]` line) and its Vietnamese text
//! (the `vi` line), side by side.
//!
//! This is the one place outside notation and rendering that holds Vietnamese
//! text: a kind's two wordings stand next to each other so that neither can be
//! added, changed or dropped without the other. `danvan::render::vi::message`
//! calls the Vietnamese side; `Display` is the English side.
//!
//! Each entry reads
//!
//! ```text
//! /// doc
//! #[error("english text with {fields}")]
//! Name { fields } = "DV0xx", Severity,
//!     vi { fields it uses, .. } => vietnamese text expression;
//! ```

use chrono::NaiveDate;

use super::words::{
    csv_header, csv_unwritable_reason, expected_word, group, iso_month, level_word, qualified_text,
    quoted_vi, stage_word, validity_text, validity_text_vi, vi_date, CSV_REQUIRED_VI,
};
use super::{Code, Excerpt, Severity, Worded};

/// Generates [`ErrorKind`], its `code()`, `default_severity()` and
/// `message_vi()`, and the list of every kind's code for tests.
macro_rules! error_table {
    ($(
        $(#[$attr:meta])*
        $name:ident $({ $($fields:tt)* })? = $code:literal, $severity:ident,
        vi $pattern:tt => $vi:expr;
    )*) => {
        /// What went wrong, with the values involved.
        ///
        /// Messages are lowercase, quote the input and say what was expected. Values
        /// are typed: counts and positions are integers, dates are
        /// [`chrono::NaiveDate`], text from the input is an [`Excerpt`] (never the
        /// whole of a large value), levels and indicator ids of the crate are
        /// `&'static str`. No type of this crate's other modules is part of it.
        ///
        /// ```
        /// let kind = danvan::ErrorKind::Overflow { what: "count".into() };
        /// assert_eq!(kind.to_string(), "count overflows the largest representable value");
        /// ```
        #[non_exhaustive]
        #[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
        pub enum ErrorKind {
            $(
                $(#[$attr])*
                $name $({ $($fields)* })?,
            )*
        }

        impl ErrorKind {
            /// The stable code of this kind, e.g. `DV001`.
            ///
            /// Codes never change meaning; a retired kind's code is not reused.
            /// A [`Code`] compares equal to its text.
            ///
            /// ```
            /// let kind = danvan::ErrorKind::PartExceedsWhole { part: 2, whole: 1 };
            /// assert_eq!(kind.code(), "DV002");
            /// assert_eq!(kind.code().to_string(), "DV002");
            /// ```
            pub fn code(&self) -> Code {
                match self {
                    $( ErrorKind::$name { .. } => Code($code), )*
                }
            }

            /// How serious this kind is when validation finds it: most kinds
            /// are errors; a few (`DV078`, `DV080`, `DV087`, `DV139`–`DV141`, `DV178`, `DV181`, `DV183`, `DV188`, `DV210`) are warnings.
            ///
            /// ```
            /// use danvan::{ErrorKind, Severity};
            /// let kind = ErrorKind::FewerTasksListed { listed: 2, declared: 8 };
            /// assert_eq!(kind.default_severity(), Severity::Warning);
            /// assert_eq!(ErrorKind::NoSubjects.default_severity(), Severity::Error);
            /// ```
            pub fn default_severity(&self) -> Severity {
                match self {
                    $( ErrorKind::$name { .. } => Severity::$severity, )*
                }
            }

            /// The Vietnamese message, for the officials who typed the data.
            ///
            /// It is written from the kind's fields, never translated from
            /// the English text; `danvan::render::vi::message` is the same.
            ///
            /// ```
            /// let kind = danvan::ErrorKind::PartExceedsWhole { part: 1500, whole: 1400 };
            /// assert_eq!(kind.message_vi(), "phần 1.500 lớn hơn tổng 1.400");
            /// ```
            pub fn message_vi(&self) -> String {
                match self {
                    $( ErrorKind::$name $pattern => $vi, )*
                }
            }
        }

        /// Every kind's name and code, in table order.
        #[cfg(test)]
        pub(crate) const TABLE_CODES: &[(&str, &str)] = &[$( (stringify!($name), $code), )*];
    };
}

error_table! {

    // ----- quantities (DV001–DV019) -----
    /// Text is not a number in Vietnamese notation of the expected kind.
    #[error("invalid number {input:?}: expected {expected}")]
    InvalidNumber {
        /// The text as given.
        input: Excerpt,
        /// What was expected, e.g. `"a whole number such as 1.229 or 1229"`.
        expected: &'static str,
    } = "DV001", Error,
    vi { input, .. } => {
        format!("số không hợp lệ {}", quoted_vi(input))
    };
    /// A share's part was larger than its whole.
    #[error("part {part} exceeds whole {whole}")]
    PartExceedsWhole {
        /// The part.
        part: u64,
        /// The whole.
        whole: u64,
    } = "DV002", Error,
    vi { part, whole } => {
        format!("phần {} lớn hơn tổng {}", group(*part), group(*whole))
    };
    /// Arithmetic on a value would overflow.
    #[error("{what} overflows the largest representable value")]
    Overflow {
        /// What overflowed, e.g. `"count"` or `"conferences total of unit 30"`.
        what: String,
    } = "DV003", Error,
    vi { what } => format!("{what} vượt quá giá trị lớn nhất có thể lưu");
    /// A subtraction would make a count negative.
    #[error("cannot subtract {subtrahend} from {minuend}: a count cannot be negative")]
    NegativeCount {
        /// The count subtracted from.
        minuend: u64,
        /// The count subtracted.
        subtrahend: u64,
    } = "DV004", Error,
    vi {
        minuend,
        subtrahend,
    } => format!(
        "không thể lấy {} trừ {}: số lượng không thể âm",
        group(*minuend),
        group(*subtrahend)
    );
    /// A measure's amount was below zero.
    #[error("negative amount {amount:?}: expected zero or more")]
    NegativeAmount {
        /// The amount as a decimal string, e.g. `"-5"`.
        amount: String,
    } = "DV005", Error,
    vi { amount } => {
        format!("số liệu âm \"{amount}\": cần số lớn hơn hoặc bằng 0")
    };
    /// Two measures with different unit words were added.
    #[error("cannot add amounts in {left:?} and {right:?}: the unit words differ")]
    UnitMismatch {
        /// The unit word of the left operand.
        left: String,
        /// The unit word of the right operand.
        right: String,
    } = "DV006", Error,
    vi { left, right } => {
        format!("không thể cộng hai số liệu khác đơn vị tính \"{left}\" và \"{right}\"")
    };
    /// Text is not a valid unit word.
    #[error("invalid unit word {input:?}: expected {expected}")]
    InvalidUnitWord {
        /// The text as given.
        input: Excerpt,
        /// What was expected.
        expected: &'static str,
    } = "DV007", Error,
    vi { input, .. } => {
        format!("đơn vị tính không hợp lệ {}", quoted_vi(input))
    };

    // ----- periods (DV020–DV029) -----
    /// A period's end came before its start.
    #[error("period ends {end} before it starts {start}")]
    PeriodReversed {
        /// The first day.
        start: NaiveDate,
        /// The last day.
        end: NaiveDate,
    } = "DV020", Error,
    vi { start, end } => {
        format!("kỳ kết thúc ({end}) trước khi bắt đầu ({start})")
    };
    /// Text is not a period in the compact form (`2022`, `2022-Q3`, …).
    #[error("invalid period {input:?}: expected {expected}")]
    InvalidPeriod {
        /// The text as given.
        input: Excerpt,
        /// What was expected, e.g. `"a month from 01 to 12, e.g. 2022-07"`.
        expected: &'static str,
    } = "DV021", Error,
    vi { input, .. } => format!(
        "kỳ báo cáo không hợp lệ {} (ví dụ: 2022, 2022-H1, 2022-Q3, 2022-07, 2022-9M, 2022-01-15/2022-02-14)", quoted_vi(input)
    );
    /// A year's reporting window cannot be represented as dates.
    #[error("year {year} is out of range: expected a year from {min} to {max}")]
    YearOutOfRange {
        /// The year as given.
        year: i32,
        /// The first year the calendar can represent.
        min: i32,
        /// The last year the calendar can represent.
        max: i32,
    } = "DV022", Error,
    vi { year, min, max } => {
        format!("năm {year} nằm ngoài phạm vi hỗ trợ (từ năm {min} đến năm {max})")
    };
    /// A month number is not from 1 to 12.
    #[error("invalid month {month}: expected a month from 1 to 12")]
    InvalidMonth {
        /// The month as given.
        month: u32,
    } = "DV023", Error,
    vi { month } => {
        format!("tháng {month} không hợp lệ: tháng phải từ 1 đến 12")
    };
    /// A reporting calendar's cut-off day is not from 2 to 28.
    #[error("invalid cut-off day {day}: expected a day from 2 to 28")]
    InvalidCutOffDay {
        /// The day as given.
        day: u32,
    } = "DV024", Error,
    vi { day } => {
        format!("ngày chốt số liệu {day} không hợp lệ: phải từ ngày 2 đến ngày 28")
    };

    // ----- units and hierarchy (DV030–DV049) -----
    /// A unit code does not have the shape of any level.
    #[error("invalid unit code {input:?}: expected {expected}")]
    InvalidUnitCode {
        /// The text as given.
        input: Excerpt,
        /// What was expected.
        expected: &'static str,
    } = "DV030", Error,
    vi { input, .. } => {
        format!("mã đơn vị hành chính không hợp lệ {}", quoted_vi(input))
    };
    /// Two units of a list have the same code.
    #[error("duplicate unit code {code:?}: already given at position {first}")]
    DuplicateUnit {
        /// The code given twice.
        code: String,
        /// The position (0-based) of its first occurrence in the list.
        first: usize,
    } = "DV031", Error,
    vi { code, first } => {
        format!("mã đơn vị \"{code}\" bị trùng (đã có ở mục {})", first + 1)
    };
    /// A unit's parent code is not among the units.
    #[error("parent {parent:?} of unit {code:?} is not among the units")]
    UnknownParent {
        /// The unit's code.
        code: String,
        /// The parent code that was not found.
        parent: String,
    } = "DV032", Error,
    vi { code, parent } => {
        format!("không tìm thấy đơn vị cấp trên \"{parent}\" của đơn vị \"{code}\"")
    };
    /// A unit's level cannot sit under its parent's level.
    #[error("unit {code:?} at level {level} cannot sit under {parent:?} at level {parent_level}: expected {expected}")]
    ParentLevelMismatch {
        /// The unit's code.
        code: String,
        /// The unit's level, e.g. `"commune"`.
        level: &'static str,
        /// The parent's code.
        parent: String,
        /// The parent's level.
        parent_level: &'static str,
        /// What the parent should be, e.g. `"a parent at level district or province"`.
        expected: &'static str,
    } = "DV033", Error,
    vi {
        code,
        level,
        parent,
        parent_level,
        ..
    } => {
        let cap = level_vi;
        format!(
            "đơn vị \"{code}\" ({}) không thể trực thuộc đơn vị \"{parent}\" ({})",
            cap(level),
            cap(parent_level)
        )
    };
    /// A district, commune or village has no parent.
    #[error("unit {code:?} at level {level} has no parent: expected {expected}")]
    MissingParent {
        /// The unit's code.
        code: String,
        /// The unit's level.
        level: &'static str,
        /// What the parent should be.
        expected: &'static str,
    } = "DV034", Error,
    vi { code, level, .. } => {
        let cap = level_vi(level);
        format!("đơn vị \"{code}\" ({cap}) chưa có đơn vị cấp trên")
    };
    /// A province has a parent.
    #[error("unit {code:?} at level province has parent {parent:?}: expected no parent")]
    UnexpectedParent {
        /// The unit's code.
        code: String,
        /// The parent code given.
        parent: String,
    } = "DV035", Error,
    vi { code, parent } => format!(
        "đơn vị cấp tỉnh \"{code}\" không có đơn vị cấp trên (đang ghi \"{parent}\")"
    );
    /// Following parent links from a unit comes back to it.
    #[error("unit {code:?} is its own ancestor: its parent links form a cycle")]
    ParentCycle {
        /// The code of a unit on the cycle.
        code: String,
    } = "DV036", Error,
    vi { code } => {
        format!("đơn vị \"{code}\" nằm trong một vòng lặp cấp trên – cấp dưới")
    };
    /// A village's code names another commune than its parent.
    #[error("village {code:?} sits under commune {parent:?}: expected the commune of its code, {expected:?}")]
    VillageOutsideCommune {
        /// The village's code.
        code: String,
        /// The parent's code.
        parent: String,
        /// The commune part of the village's code.
        expected: String,
    } = "DV037", Error,
    vi {
        code,
        parent,
        expected,
    } => format!(
        "thôn, khu dân cư \"{code}\" ghi trực thuộc xã \"{parent}\" nhưng mã của nó thuộc xã \"{expected}\""
    );
    /// A unit's validity ends before it starts.
    #[error("validity of unit {code:?} ends {to} before it starts {from}")]
    ValidityReversed {
        /// The unit's code.
        code: String,
        /// The first day.
        from: NaiveDate,
        /// The last day.
        to: NaiveDate,
    } = "DV038", Error,
    vi { code, from, to } => format!(
        "thời gian hiệu lực của đơn vị \"{code}\" kết thúc ({}) trước khi bắt đầu ({})",
        vi_date(*to),
        vi_date(*from)
    );
    /// A unit is valid on days when its parent is not.
    #[error("unit {code:?} is valid {}, outside its parent {parent:?} valid {}", validity_text(*.from, *.to), validity_text(*.parent_from, *.parent_to))]
    ValidityOutsideParent {
        /// The unit's code.
        code: String,
        /// The unit's first day, `None` if open.
        from: Option<NaiveDate>,
        /// The unit's last day, `None` if open.
        to: Option<NaiveDate>,
        /// The parent's code.
        parent: String,
        /// The parent's first day, `None` if open.
        parent_from: Option<NaiveDate>,
        /// The parent's last day, `None` if open.
        parent_to: Option<NaiveDate>,
    } = "DV039", Error,
    vi {
        code,
        from,
        to,
        parent,
        parent_from,
        parent_to,
    } => format!(
        "đơn vị \"{code}\" có hiệu lực {}, ngoài thời gian hiệu lực của đơn vị cấp trên \"{parent}\" ({})",
        validity_text_vi(*from, *to),
        validity_text_vi(*parent_from, *parent_to)
    );
    /// An old unit has no crosswalk entry.
    #[error("old unit {code:?} has no crosswalk entry")]
    CrosswalkUnmapped {
        /// The old unit's code.
        code: String,
    } = "DV040", Error,
    vi { code } => {
        format!("đơn vị cũ \"{code}\" chưa có trong bảng chuyển đổi")
    };
    /// A crosswalk has more than one entry for the same old unit.
    #[error("crosswalk maps old unit {code:?} more than once: first at entry {first}")]
    CrosswalkDuplicateSource {
        /// The old unit's code.
        code: String,
        /// The position (0-based) of its first entry.
        first: usize,
    } = "DV041", Error,
    vi { code, first } => format!(
        "đơn vị cũ \"{code}\" xuất hiện nhiều lần trong bảng chuyển đổi (lần đầu ở mục {first})"
    );
    /// A crosswalk target is not among the new units.
    #[error("crosswalk maps {from:?} to {to:?}, which is not among the new units")]
    CrosswalkUnknownTarget {
        /// The old unit's code.
        from: String,
        /// The target code that was not found.
        to: String,
    } = "DV042", Error,
    vi { from, to } => format!(
        "bảng chuyển đổi ghi đơn vị cũ \"{from}\" chuyển sang \"{to}\", nhưng không có đơn vị mới này"
    );
    /// A crosswalk entry's old unit is not among the old units of the level checked.
    #[error("crosswalk maps old unit {code:?}, which is not among the old units at level {level}")]
    CrosswalkUnknownSource {
        /// The old unit's code.
        code: String,
        /// The level checked.
        level: &'static str,
    } = "DV043", Error,
    vi { code, level } => {
        let cap = level_vi(level);
        format!(
            "bảng chuyển đổi có đơn vị cũ \"{code}\" không có trong danh sách đơn vị cũ {cap}"
        )
    };
    /// The shares of a split do not add up to 1.
    #[error("shares of old unit {from:?} sum to {sum}: expected 1")]
    CrosswalkSharesSum {
        /// The old unit's code.
        from: String,
        /// The sum of its shares, as a decimal.
        sum: String,
    } = "DV044", Error,
    vi { from, sum } => format!(
        "tổng tỷ lệ chia của đơn vị cũ \"{from}\" là {} thay vì 1",
        sum.replace('.', ",")
    );
    /// A share of a split is out of range or not a decimal.
    #[error("invalid share {share:?} of {from:?} to {to:?}: expected {expected}")]
    CrosswalkInvalidShare {
        /// The old unit's code.
        from: String,
        /// The target's code.
        to: String,
        /// The share as given.
        share: Excerpt,
        /// What was expected.
        expected: &'static str,
    } = "DV045", Error,
    vi {
        from, to, share, ..
    } => {
        if share.is_empty() {
            format!("thiếu tỷ lệ chia từ đơn vị cũ \"{from}\" sang \"{to}\"")
        } else {
            format!("tỷ lệ chia {} từ đơn vị cũ \"{from}\" sang \"{to}\" không hợp lệ", quoted_vi(share))
        }
    };
    /// A crosswalk entry has no target.
    #[error("crosswalk entry of {from:?} has no target: expected at least one")]
    CrosswalkNoTarget {
        /// The old unit's code.
        from: String,
    } = "DV046", Error,
    vi { from } => format!(
        "đơn vị cũ \"{from}\" trong bảng chuyển đổi chưa có đơn vị mới nào"
    );
    /// A crosswalk entry lists the same target twice.
    #[error("crosswalk entry of {from:?} lists target {to:?} twice")]
    CrosswalkDuplicateTarget {
        /// The old unit's code.
        from: String,
        /// The target given twice.
        to: String,
    } = "DV047", Error,
    vi { from, to } => {
        format!("đơn vị cũ \"{from}\" ghi đơn vị mới \"{to}\" hai lần")
    };
    /// A crosswalk maps a unit to a unit of another level. No longer
    /// produced: since issue 14 any old unit may go to a new unit of any
    /// level (an island district to its special zone). The code stays
    /// reserved.
    #[error("crosswalk maps {from:?} at level {from_level} to {to:?} at level {to_level}: expected a target at the same level")]
    CrosswalkLevelMismatch {
        /// The old unit's code.
        from: String,
        /// The old unit's level.
        from_level: &'static str,
        /// The target's code.
        to: String,
        /// The target's level.
        to_level: &'static str,
    } = "DV048", Error,
    vi {
        from,
        from_level,
        to,
        to_level,
    } => {
        let cap = level_vi;
        format!(
            "đơn vị cũ \"{from}\" ({}) không thể chuyển sang đơn vị \"{to}\" ({}): phải cùng cấp",
            cap(from_level),
            cap(to_level)
        )
    };

    // ----- dataset and validation (DV050–DV099) -----
    /// The document is not valid JSON or does not have the dataset's shape.
    #[error("line {line}, column {column}: {message}")]
    Json {
        /// The line (1-based) where the problem was found.
        line: usize,
        /// The column (1-based) where the problem was found.
        column: usize,
        /// What the JSON reader said, cut to a short excerpt (it may quote the input).
        message: Excerpt,
    } = "DV050", Error,
    vi {
        line,
        column,
        message,
    } => format!("dòng {line}, cột {column}: tệp không đúng định dạng ({message})");

    /// A JSON array stands where the format expects an object or a value.
    #[error("line {line}, column {column}: unexpected array: expected an object with named fields (arrays hold only lists such as `conferences`)")]
    UnexpectedArray {
        /// The line (1-based) of the `[`.
        line: usize,
        /// The column (1-based, in bytes) of the `[`.
        column: usize,
    } = "DV051", Error,
    vi { line, column } => format!(
        "dòng {line}, cột {column}: không được dùng mảng ở đây; cần một đối tượng có tên trường"
    );
    /// Text is not one of the actors' wire names.
    #[error("unknown actor {input:?}: expected one of party_committees, mobilization_sector, government, peoples_council, front_and_mass_organizations, armed_forces, other, front, womens_union, farmers_union, youth_union, veterans, trade_union, party_committee_heads, government_heads, not_stated")]
    InvalidActor {
        /// The text as given.
        input: Excerpt,
    } = "DV060", Error,
    vi { input } => format!("chủ thể báo cáo không hợp lệ {}", quoted_vi(input));
    /// A record id was empty, too long, or held invisible characters.
    #[error("invalid record id {input:?}: expected 1 to 64 visible characters without leading or trailing spaces")]
    InvalidRecordId {
        /// The text as given.
        input: Excerpt,
    } = "DV061", Error,
    vi { input } => format!("mã bản ghi không hợp lệ {}", quoted_vi(input));
    /// An indicator id did not have the expected shape.
    #[error("invalid indicator id {input:?}: expected 1 to 64 characters from a-z, 0-9 and _, starting with a letter")]
    InvalidIndicatorId {
        /// The text as given.
        input: Excerpt,
    } = "DV062", Error,
    vi { input } => format!("mã chỉ tiêu không hợp lệ {}", quoted_vi(input));
    /// A record names a unit that is not in the dataset's units.
    #[error("unknown unit {code:?}: expected the code of a unit in the dataset's units")]
    UnknownUnit {
        /// The unit code.
        code: String,
    } = "DV063", Error,
    vi { code } => {
        format!("không có đơn vị hành chính mã \"{code}\" trong danh sách đơn vị")
    };
    /// A record names a unit that did not exist on the record's date.
    #[error("unit {code:?} is not valid on {date}")]
    UnitNotValidOn {
        /// The unit code.
        code: String,
        /// The date.
        date: NaiveDate,
    } = "DV064", Error,
    vi { code, date } => format!(
        "đơn vị mã \"{code}\" không còn hoặc chưa có hiệu lực vào ngày {}",
        vi_date(*date)
    );
    /// A record sits on a unit of the wrong level.
    #[error("unit {code:?} is a {level}: expected {expected}")]
    WrongLevel {
        /// The unit code.
        code: String,
        /// The unit's level.
        level: &'static str,
        /// The level expected, e.g. `"a commune"`.
        expected: &'static str,
    } = "DV065", Error,
    vi {
        code,
        level,
        expected,
    } => format!(
        "đơn vị mã \"{code}\" là {}, trong khi cần {}",
        level_word(level),
        expected_word(expected)
    );
    /// A commune has a second grassroots block at the same time.
    #[error("commune {code:?} already has a grassroots block (blocks[{first}]): expected at most one per commune")]
    SecondBlock {
        /// The commune code.
        code: String,
        /// The position of the first block.
        first: usize,
    } = "DV066", Error,
    vi { code, first } => format!(
        "xã mã \"{code}\" đã có khối dân vận cơ sở (mục {}); mỗi xã chỉ có một khối",
        first + 1
    );
    /// A village has a second team at the same time.
    #[error("village {code:?} already has a mobilization team (teams[{first}]): expected at most one per village")]
    SecondTeam {
        /// The village code.
        code: String,
        /// The position of the first team.
        first: usize,
    } = "DV067", Error,
    vi { code, first } => format!(
        "thôn mã \"{code}\" đã có tổ dân vận (mục {}); mỗi thôn, khu dân cư chỉ có một tổ",
        first + 1
    );
    /// A date lies outside the dataset's period.
    #[error("date {date} is outside the period {start} to {end}")]
    DateOutsidePeriod {
        /// The date.
        date: NaiveDate,
        /// The period's first day.
        start: NaiveDate,
        /// The period's last day.
        end: NaiveDate,
    } = "DV068", Error,
    vi { date, start, end } => format!(
        "ngày {} nằm ngoài kỳ báo cáo từ {} đến {}",
        vi_date(*date),
        vi_date(*start),
        vi_date(*end)
    );
    /// A site-clearance drive has more consenting households than affected ones.
    #[error("{consenting} households consenting exceed {affected} households affected")]
    ConsentExceedsAffected {
        /// Households consenting.
        consenting: u64,
        /// Households affected.
        affected: u64,
    } = "DV069", Error,
    vi {
        consenting,
        affected,
    } => format!(
        "số hộ đồng thuận ({}) lớn hơn số hộ bị ảnh hưởng ({})",
        group(*consenting),
        group(*affected)
    );
    /// More petitions resolved than raised.
    #[error("{resolved} petitions resolved exceed {raised} petitions raised")]
    ResolvedExceedsRaised {
        /// Petitions resolved.
        resolved: u64,
        /// Petitions raised.
        raised: u64,
    } = "DV070", Error,
    vi { resolved, raised } => format!(
        "số kiến nghị đã giải quyết ({}) lớn hơn số kiến nghị tiếp nhận ({})",
        group(*resolved),
        group(*raised)
    );
    /// An inspection or supervision session has no subject.
    #[error("session has no subject: expected at least one Party organization or Party member")]
    NoSubjects = "DV071", Error,
    vi {} => {
        "cuộc kiểm tra, giám sát chưa có đối tượng (tổ chức đảng hoặc đảng viên)".to_owned()
    };
    /// A later model stage has more models than an earlier one.
    #[error("{count} models {stage} exceed {earlier_count} models {earlier}: each stage is a subset of the one before")]
    StagesNotNested {
        /// The later stage's indicator id.
        stage: &'static str,
        /// Its value.
        count: u64,
        /// The earlier stage's indicator id.
        earlier: &'static str,
        /// Its value.
        earlier_count: u64,
    } = "DV072", Error,
    vi {
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
    );
    /// The parts of a figure's breakdown do not match its value.
    #[error("breakdown parts sum to {parts_qualifier} {parts}, which cannot match the figure's {total_qualifier} {total}")]
    PartsMismatch {
        /// The figure's value.
        total: u64,
        /// Its qualifier (`exact`, `at_least`, `at_most`, `about`).
        total_qualifier: &'static str,
        /// The sum of the parts.
        parts: u64,
        /// The sum's qualifier.
        parts_qualifier: &'static str,
    } = "DV073", Error,
    vi {
        total,
        total_qualifier,
        parts,
        parts_qualifier,
    } => format!(
        "tổng các phần ({}) không khớp với số tổng ({})",
        qualified_text(parts_qualifier, *parts),
        qualified_text(total_qualifier, *total)
    );
    /// An id appears twice in one list.
    #[error("duplicate id {id:?}: already used at position {first}")]
    DuplicateId {
        /// The id.
        id: String,
        /// The position of its first use.
        first: usize,
    } = "DV074", Error,
    vi { id, first } => {
        format!("mã \"{id}\" bị trùng với mục {}", first + 1)
    };
    /// A plan declares more breakthrough tasks than key tasks.
    #[error("plan declares {breakthrough} breakthrough tasks but only {key} key tasks: every breakthrough task is a key task")]
    BreakthroughsExceedKeyTasks {
        /// Breakthrough tasks declared.
        breakthrough: u32,
        /// Key tasks declared.
        key: u32,
    } = "DV075", Error,
    vi { breakthrough, key } => format!(
        "kế hoạch có {breakthrough} nhiệm vụ đột phá nhưng chỉ có {key} nhiệm vụ trọng tâm; nhiệm vụ đột phá phải là nhiệm vụ trọng tâm"
    );
    /// A task is a breakthrough task but not a key task.
    #[error("a breakthrough task must also be a key task")]
    BreakthroughNotKey = "DV076", Error,
    vi {} => {
        "nhiệm vụ đột phá phải đồng thời là nhiệm vụ trọng tâm".to_owned()
    };
    /// A plan lists more tasks than it declares.
    #[error("plan lists {listed} {what} tasks but declares {declared}")]
    MoreTasksThanDeclared {
        /// `"key"` or `"breakthrough"`.
        what: &'static str,
        /// Tasks listed.
        listed: u32,
        /// Tasks declared.
        declared: u32,
    } = "DV077", Error,
    vi {
        what,
        listed,
        declared,
    } => format!(
        "kế hoạch liệt kê {listed} nhiệm vụ {} nhưng chỉ đề ra {declared}",
        if *what == "breakthrough" { "đột phá" } else { "trọng tâm" }
    );
    /// A plan lists fewer key tasks than it declares (a warning: sources often name only some).
    #[error("plan lists {listed} of its {declared} key tasks")]
    FewerTasksListed {
        /// Tasks listed.
        listed: u32,
        /// Tasks declared.
        declared: u32,
    } = "DV078", Warning,
    vi { listed, declared } => format!(
        "kế hoạch mới liệt kê {listed} trong {declared} nhiệm vụ trọng tâm"
    );
    /// A figure names no actor or several.
    #[error("figure names {count} actors ({actors}): expected exactly one; figures of different actors are reported separately, never summed")]
    NotOneActor {
        /// The actors named, comma-separated: an excerpt of the first few.
        actors: Excerpt,
        /// How many.
        count: usize,
    } = "DV079", Error,
    vi { count, .. } => format!(
        "số liệu ghi {count} chủ thể; mỗi số liệu chỉ thuộc một chủ thể, không cộng gộp số liệu của các chủ thể khác nhau"
    );
    /// A head received citizens on fewer days in a month than the norm.
    #[error("the head of {code:?} ({actor}) received citizens on too few days in {month}: {days}, expected at least {norm}")]
    ReceptionBelowNorm {
        /// The unit code.
        code: String,
        /// Whose head: the actor's wire name, e.g. `party_committees`.
        actor: &'static str,
        /// The month, `YYYY-MM`.
        month: String,
        /// Days with receptions.
        days: usize,
        /// Days required.
        norm: u32,
    } = "DV080", Warning,
    vi {
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
    );
    /// A figure names an indicator that is neither built in nor declared.
    #[error(
        "unknown indicator {id:?}: expected a built-in indicator or one declared in `indicators`"
    )]
    UnknownIndicator {
        /// The id.
        id: String,
    } = "DV081", Error,
    vi { id } => format!("chỉ tiêu \"{id}\" chưa được khai báo");
    /// A figure gives a value where an amount is expected, or the other way round.
    #[error("indicator {id:?} expects exactly one `{expected}`")]
    ValueTypeMismatch {
        /// The indicator id.
        id: String,
        /// The field expected: `value` or `amount`.
        expected: &'static str,
    } = "DV082", Error,
    vi { id, expected } => format!(
        "chỉ tiêu \"{id}\" cần đúng một {}",
        if *expected == "amount" { "giá trị lượng (amount)" } else { "giá trị số đếm (value)" }
    );
    /// A figure's own period is not inside the dataset's.
    #[error("figure period {period} is not inside the dataset period {dataset}")]
    FigurePeriodOutside {
        /// The figure's period.
        period: String,
        /// The dataset's period.
        dataset: String,
    } = "DV083", Error,
    vi { period, dataset } => {
        format!("kỳ của số liệu ({period}) nằm ngoài kỳ báo cáo ({dataset})")
    };
    /// The same indicator, unit, period and actor are reported twice.
    #[error("the same indicator, unit, period and actor are already reported in figures[{first}]")]
    DuplicateFigure {
        /// The position of the first figure.
        first: usize,
    } = "DV084", Error,
    vi { first } => format!(
        "số liệu cùng chỉ tiêu, đơn vị, kỳ và chủ thể đã có ở mục {}",
        first + 1
    );
    /// Two figures of a flow count the same indicator, unit and actor over overlapping periods.
    #[error("the period overlaps that of figures[{first}] for the same indicator, unit and actor: the overlap would be counted twice")]
    OverlappingFigures {
        /// The position of the other figure.
        first: usize,
    } = "DV098", Error,
    vi { first } => format!(
        "kỳ của số liệu trùng một phần với kỳ của số liệu ở mục {} (cùng chỉ tiêu, đơn vị, chủ thể): phần trùng sẽ bị cộng hai lần",
        first + 1
    );
    /// A custom indicator reuses a built-in id.
    #[error("indicator {id:?} is built in: expected a new id for a custom indicator")]
    BuiltinIndicatorRedeclared {
        /// The id.
        id: String,
    } = "DV085", Error,
    vi { id } => {
        format!("chỉ tiêu \"{id}\" đã có sẵn, không khai báo lại")
    };
    /// A task names a criterion that is not in the plan's checklist.
    #[error("unknown criterion {id:?}: expected one of the plan's criteria")]
    UnknownCriterion {
        /// The id.
        id: Excerpt,
    } = "DV086", Error,
    vi { id } => {
        format!("tiêu chí {} không có trong danh mục tiêu chí của kế hoạch", quoted_vi(id))
    };
    /// Two sibling units have the same name (after Unicode NFC normalization).
    #[error("name {name:?} is already used by a sibling unit ({first})")]
    DuplicateName {
        /// The name, in NFC.
        name: Excerpt,
        /// Where the first unit with that name is, e.g. `units[2]`.
        first: String,
    } = "DV087", Warning,
    vi { name, first } => {
        format!("tên {} trùng với đơn vị cùng cấp ở {first}", quoted_vi(name))
    };
    /// A body was dissolved before it was set up.
    #[error("dissolved {dissolved} before established {established}")]
    DissolvedBeforeEstablished {
        /// The date set up.
        established: NaiveDate,
        /// The date dissolved.
        dissolved: NaiveDate,
    } = "DV088", Error,
    vi {
        established,
        dissolved,
    } => format!(
        "ngày giải thể ({}) trước ngày thành lập ({})",
        vi_date(*dissolved),
        vi_date(*established)
    );
    /// A village team has more than one leader.
    #[error("team has {count} Party cell secretaries: expected one leader")]
    SeveralLeaders {
        /// How many.
        count: usize,
    } = "DV089", Error,
    vi { count } => {
        format!("tổ có {count} tổ trưởng (bí thư chi bộ); mỗi tổ chỉ có một tổ trưởng")
    };
    // ----- CSV of figures (DV090–DV099) -----
    /// A cell of a CSV file of figures does not hold a valid value.
    #[error("row {row}, column {column:?}: {problem}")]
    CsvCell {
        /// The row (1-based; the header is row 1).
        row: u64,
        /// The column's name as the header row writes it (an excerpt).
        column: Excerpt,
        /// The column's position (1-based; `A` is 1), for the cell's
        /// reference (see `danvan::Place::of_error`).
        position: u32,
        /// What is wrong with the cell's value.
        problem: Box<ErrorKind>,
    } = "DV090", Error,
    vi {
        row,
        column,
        problem,
        ..
    } => format!("dòng {row}, cột \"{column}\": {}", problem.message_vi());
    /// A CSV file of figures lacks a required column.
    #[error("missing column {column:?}: expected a header row naming unit, period, actor, indicator and value")]
    CsvMissingColumn {
        /// The column's English name.
        column: &'static str,
    } = "DV091", Error,
    vi { column } => format!(
        "thiếu cột \"{}\": dòng tiêu đề phải có các cột {}",
        csv_header(column),
        CSV_REQUIRED_VI
    );
    /// A CSV file of figures has a column this crate does not know.
    #[error("unknown column {column:?} (column {position}): expected unit, period, actor, indicator, value or unit_name")]
    CsvUnknownColumn {
        /// The column's name as the header row writes it.
        column: Excerpt,
        /// The column's position (1-based).
        position: u64,
    } = "DV092", Error,
    vi { column, position } => format!(
        "không rõ cột {} (cột thứ {position}): các cột hợp lệ là {}, tên đơn vị", quoted_vi(column),
        CSV_REQUIRED_VI
    );
    /// A CSV file of figures names a column twice (in one language or both).
    #[error("column {column:?} (column {position}) repeats column {first}")]
    CsvDuplicateColumn {
        /// The column's name as the header row writes it (an excerpt).
        column: Excerpt,
        /// The repeated column's position (1-based).
        position: u64,
        /// The position of its first occurrence (1-based).
        first: u64,
    } = "DV093", Error,
    vi {
        column,
        position,
        first,
    } => format!("cột \"{column}\" (cột thứ {position}) trùng với cột thứ {first}");
    /// A row of a CSV file has more or fewer cells than the header row.
    #[error("row {row} has {found} cells: expected {expected}, as in the header row")]
    CsvCellCount {
        /// The row (1-based; the header is row 1).
        row: u64,
        /// How many cells it has.
        found: u64,
        /// How many the header row has.
        expected: u64,
    } = "DV094", Error,
    vi {
        row,
        found,
        expected,
    } => format!("dòng {row} có {found} ô, trong khi dòng tiêu đề có {expected} ô");
    /// A CSV file could not be read as CSV text (for example, it is not UTF-8).
    #[error("row {row}: {message}")]
    CsvMalformed {
        /// The row (1-based; the header is row 1).
        row: u64,
        /// What the CSV reader said.
        message: String,
    } = "DV095", Error,
    vi { row, message } => {
        format!("dòng {row}: tệp CSV không đúng định dạng ({message})")
    };
    /// A figure has no CSV form.
    #[error("figures[{index}] cannot be written as a CSV row: {reason}")]
    CsvUnwritable {
        /// The figure's position in the list (0-based).
        index: usize,
        /// Why not.
        reason: &'static str,
    } = "DV096", Error,
    vi { index, reason } => format!(
        "số liệu thứ {} không ghi được thành một dòng CSV: {}",
        index + 1,
        csv_unwritable_reason(reason)
    );
    /// Reading or writing the CSV stream failed.
    #[error("cannot read or write CSV: {message}")]
    CsvIo {
        /// What the stream said.
        message: String,
    } = "DV097", Error,
    vi { message } => {
        format!("không đọc hoặc ghi được tệp CSV ({message})")
    };
    // ----- aggregation (DV100–DV119) -----
    /// A total of one indicator for one unit exceeds the largest count.
    #[error("total of {indicator} for unit {unit:?}{} overflows", era_note(era.as_ref()))]
    TotalOverflow {
        /// The unit's code.
        unit: String,
        /// The indicator's id.
        indicator: String,
        /// The unit's era (`current` for the dataset's current era) when
        /// its code is listed in more than one era; none otherwise.
        era: Option<Excerpt>,
    } = "DV100", Error,
    vi { unit, indicator, era } => format!(
        "tổng của chỉ tiêu \"{indicator}\" tại đơn vị \"{unit}\"{} vượt quá giá trị lớn nhất có thể lưu",
        era.as_ref().map_or_else(String::new, |e| format!(" (thời kỳ {})", era_vi(e)))
    );
    /// Two totals to merge are not over the same hierarchy, period and indicators.
    #[error("cannot merge totals over different {what}: expected the same hierarchy, period and indicators")]
    TotalsMismatch {
        /// What differs: `"hierarchies"`, `"periods"` or `"indicators"`.
        what: &'static str,
    } = "DV101", Error,
    vi { what } => format!(
        "không thể gộp hai bảng tổng hợp khác {}: cần cùng danh mục đơn vị, kỳ báo cáo và chỉ tiêu",
        match *what {
            "periods" => "kỳ báo cáo",
            "indicators" => "danh mục chỉ tiêu",
            _ => "danh mục đơn vị",
        }
    );
    /// Serialized totals do not have the shape of totals.
    #[error("invalid totals: {reason}")]
    InvalidTotals {
        /// What is wrong.
        reason: String,
    } = "DV102", Error,
    vi { reason } => {
        format!("dữ liệu tổng hợp không hợp lệ ({reason})")
    };
    /// Reading the input failed.
    #[error("cannot read the input: {message}")]
    ReadFailed {
        /// The reader's message.
        message: String,
    } = "DV103", Error,
    vi { message } => {
        format!("không đọc được dữ liệu đầu vào ({message})")
    };
    /// A line of JSON Lines input is too long.
    #[error("line is longer than {limit} bytes: expected one record per line")]
    LineTooLong {
        /// The largest line accepted, in bytes.
        limit: u64,
    } = "DV104", Error,
    vi { limit } => format!(
        "dòng dài quá {} byte: mỗi dòng chỉ ghi một bản ghi",
        group(*limit)
    );
    /// A unit above the level a crosswalk maps holds records of its own, but
    /// none of its units is mapped, so there is no new unit to carry them to.
    #[error("unit {unit:?} holds {indicator} records of its own, but none of its units is in the crosswalk: expected its units to be mapped")]
    RekeyUncovered {
        /// The old unit's code.
        unit: String,
        /// The indicator id.
        indicator: String,
    } = "DV105", Error,
    vi { unit, indicator } => format!(
        "đơn vị mã \"{unit}\" có số liệu \"{indicator}\" của riêng mình nhưng không đơn vị nào trực thuộc có trong bảng chuyển đổi"
    );
    // ----- limits (DV120–DV129) -----
    /// A document is larger than [`Limits::max_bytes`](crate::Limits::max_bytes).
    #[error(
        "document exceeds the limit of {limit} bytes (max_bytes): split it or raise the limit"
    )]
    DocumentTooLarge {
        /// The limit, in bytes.
        limit: u64,
    } = "DV120", Error,
    vi { limit } => format!(
        "tệp vượt quá giới hạn {} byte: hãy chia nhỏ tệp hoặc nâng giới hạn",
        group(*limit)
    );
    /// A document holds more records than [`Limits::max_records`](crate::Limits::max_records).
    #[error("document holds {count} records, more than the limit of {limit} (max_records): split it or raise the limit")]
    TooManyRecords {
        /// The records found.
        count: u64,
        /// The limit.
        limit: u64,
    } = "DV121", Error,
    vi { count, limit } => format!(
        "tệp có {} bản ghi, vượt quá giới hạn {} bản ghi: hãy chia nhỏ tệp hoặc nâng giới hạn",
        group(*count),
        group(*limit)
    );
    /// A string is longer than [`Limits::max_string_bytes`](crate::Limits::max_string_bytes).
    #[error("line {line}, column {column}: string exceeds the limit of {limit} bytes (max_string_bytes): shorten it or raise the limit")]
    StringTooLong {
        /// The line (1-based) where the string starts.
        line: usize,
        /// The column (1-based, in bytes) of its opening quote.
        column: usize,
        /// The limit, in bytes.
        limit: u64,
    } = "DV122", Error,
    vi {
        line,
        column,
        limit,
    } => format!(
        "dòng {line}, cột {column}: chuỗi ký tự dài quá giới hạn {} byte: hãy rút ngắn hoặc nâng giới hạn",
        group(*limit)
    );
    /// Objects and arrays nest deeper than [`Limits::max_depth`](crate::Limits::max_depth).
    #[error("line {line}, column {column}: nesting exceeds the limit of {limit} levels (max_depth): expected a flatter document")]
    NestingTooDeep {
        /// The line (1-based) of the bracket that went too deep.
        line: usize,
        /// The column (1-based, in bytes) of that bracket.
        column: usize,
        /// The limit, in levels.
        limit: u32,
    } = "DV123", Error,
    vi {
        line,
        column,
        limit,
    } => format!("dòng {line}, cột {column}: dữ liệu lồng nhau quá {limit} cấp");

    // ----- synthetic data (DV130–DV139) -----
    /// A synthetic shape does not fit the national code shapes.
    #[error("invalid synthetic shape: {provinces} provinces, {districts} districts, {communes} communes: expected 1 to 99 provinces, at most 999 districts and 1 to 99999 communes")]
    InvalidSynthShape {
        /// Provinces asked for.
        provinces: u32,
        /// Districts asked for.
        districts: u32,
        /// Communes asked for.
        communes: u32,
    } = "DV130", Error,
    vi {
        provinces,
        districts,
        communes,
    } => format!(
        "cấu trúc dữ liệu giả lập không hợp lệ: {provinces} tỉnh, {districts} huyện, {communes} xã"
    );

    // ----- limits, continued (DV124–DV129) -----
    /// A CSV file holds more rows than [`Limits::max_rows`](crate::Limits::max_rows).
    #[error("CSV file holds more than {limit} rows (max_rows): split it or raise the limit")]
    CsvTooManyRows {
        /// The limit, in rows after the header row.
        limit: u64,
    } = "DV124", Error,
    vi { limit } => format!(
        "tệp CSV có quá {} dòng: hãy chia nhỏ tệp hoặc nâng giới hạn",
        group(*limit)
    );
    /// A cell of a CSV file is longer than [`Limits::max_cell_bytes`](crate::Limits::max_cell_bytes).
    #[error("row {row}, column {position}: cell exceeds the limit of {limit} bytes (max_cell_bytes): shorten it or raise the limit")]
    CsvCellTooLong {
        /// The row (1-based; the header is row 1).
        row: u64,
        /// The column's position (1-based; `A` is 1).
        position: u64,
        /// The limit, in bytes as written (quotes included).
        limit: u64,
    } = "DV125", Error,
    vi {
        row,
        position,
        limit,
    } => format!(
        "dòng {row}, cột thứ {position}: ô dài quá giới hạn {} byte: hãy rút ngắn hoặc nâng giới hạn",
        group(*limit)
    );
    /// A report reached [`CheckOptions::max_issues`](crate::CheckOptions::max_issues):
    /// the issues of one code found after it are counted, not listed.
    #[error("{count} more issues of code {code} left out (max_issues)")]
    IssuesLeftOut {
        /// The code of the issues left out.
        code: Code,
        /// How many were left out.
        count: u64,
    } = "DV126", Error,
    vi { code, count } => format!(
        "còn {} lỗi/cảnh báo mã {code} không được liệt kê",
        group(*count)
    );
    /// A row of a CSV file has more cells than any figure row can have.
    #[error("row {row} has more than {limit} cells: a figure row has at most six")]
    CsvTooManyCells {
        /// The row (1-based; the header is row 1).
        row: u64,
        /// The most cells a row may have.
        limit: u64,
    } = "DV127", Error,
    vi { row, limit } => format!("dòng {row} có hơn {limit} ô; mỗi dòng số liệu có nhiều nhất sáu ô");

    // ----- crosswalk, continued (DV136–DV144) -----
    /// The known shares of an entry leave nothing for its targets of unknown
    /// share or its unnamed remainder.
    #[error("shares of old unit {from:?} sum to {sum}, leaving nothing for its targets without share or its unnamed remainder: expected less than 1")]
    CrosswalkSharesLeaveNothing {
        /// The old unit's code.
        from: String,
        /// The sum of its known shares, as a decimal.
        sum: String,
    } = "DV136", Error,
    vi { from, sum } => format!(
        "tổng tỷ lệ đã biết của đơn vị cũ \"{from}\" là {}, không còn phần nào cho đơn vị mới chưa rõ tỷ lệ hoặc phần chưa ghi tên: phải nhỏ hơn 1",
        sum.replace('.', ",")
    );
    /// Composing two crosswalks: a target of the first is not mapped by the second.
    #[error("composing crosswalks: {from:?} goes to {via:?}, which the next crosswalk does not map: expected an entry for it, or the option to keep it")]
    CrosswalkComposeMissing {
        /// The old unit's code in the first crosswalk.
        from: String,
        /// Its target that the next crosswalk lacks.
        via: String,
    } = "DV137", Error,
    vi { from, via } => format!(
        "ghép bảng chuyển đổi: đơn vị \"{from}\" chuyển sang \"{via}\", nhưng bảng chuyển đổi tiếp theo không có \"{via}\""
    );
    /// Composing two crosswalks: a product of shares needs more places than a share may have.
    #[error("composing crosswalks: the share of {from:?} to {to:?} needs more than 18 decimal places")]
    CrosswalkComposeShareScale {
        /// The old unit's code in the first crosswalk.
        from: String,
        /// The target in the next crosswalk.
        to: String,
    } = "DV138", Error,
    vi { from, to } => format!(
        "ghép bảng chuyển đổi: tỷ lệ từ \"{from}\" sang \"{to}\" cần quá 18 chữ số thập phân"
    );
    /// Part of an old unit went to new units the crosswalk does not name: its
    /// named targets get bounds only, the whole country still gets all of it.
    #[error("part of old unit {from:?} went to a new unit the crosswalk does not name: its named targets get bounds only")]
    CrosswalkUnnamedRemainder {
        /// The old unit's code.
        from: String,
    } = "DV139", Warning,
    vi { from } => format!(
        "một phần đơn vị cũ \"{from}\" chuyển sang đơn vị mới không có tên trong bảng chuyển đổi: số liệu của các đơn vị mới được ghi chỉ có khoảng giá trị"
    );
    /// An old unit of the old hierarchy is left unmapped: neither it, a unit
    /// above it, nor every unit below it has an entry.
    #[error("old unit {code:?} is left unmapped: neither it, a unit above it, nor every unit below it has a crosswalk entry")]
    CrosswalkLeftUnmapped {
        /// The old unit's code.
        code: String,
    } = "DV140", Warning,
    vi { code } => format!(
        "đơn vị cũ \"{code}\" chưa được chuyển đổi: cả đơn vị này, đơn vị cấp trên lẫn các đơn vị cấp dưới đều chưa có trong bảng chuyển đổi"
    );
    /// A new unit of the new hierarchy receives nothing: neither it, a unit
    /// above it, nor a unit below it is a target.
    #[error("new unit {code:?} receives nothing from the crosswalk")]
    CrosswalkReceivesNothing {
        /// The new unit's code.
        code: String,
    } = "DV141", Warning,
    vi { code } => format!(
        "đơn vị mới \"{code}\" không nhận đơn vị cũ nào từ bảng chuyển đổi"
    );
    // ----- qualifier words (DV131–DV135) -----
    /// A reported number starts with a word that is not one of the qualifier words.
    #[error("unknown qualifier word {word:?} in {input:?}: expected a number, optionally after a word of the table (hơn, trên, ít nhất, từ … trở lên, gần, dưới, không quá, tối đa, từ … đến …, ngót, khoảng, trên dưới, xấp xỉ, chừng)")]
    UnknownQualifierWord {
        /// The word, as written.
        word: String,
        /// The whole text, as given.
        input: String,
    } = "DV131", Error,
    vi { word, input } => format!("từ chỉ mức độ {word:?} trong {input:?} không có trong bảng (hơn, trên, ít nhất, từ … trở lên, gần, dưới, không quá, tối đa, từ … đến …, ngót, khoảng, trên dưới, xấp xỉ, chừng)");
    /// A range "from A to B" whose first number is above its second.
    #[error("range {input:?} runs backwards: from {from} to {to}; write the smaller number first")]
    RangeReversed {
        /// The whole text (or the wire numbers), as given.
        input: String,
        /// The first number.
        from: String,
        /// The second number.
        to: String,
    } = "DV132", Error,
    vi { input, from, to } => format!("khoảng {input:?} ngược chiều: từ {from} đến {to}; hãy viết số nhỏ trước");
    /// A text of the shape "từ … đến …" whose ends are not numbers, e.g. a period.
    #[error("{input:?} is not a value: \"từ A đến B\" is a value only with two numbers (a period such as \"từ năm 2011 đến năm 2021\" is not a value)")]
    NotAValue {
        /// The whole text, as given.
        input: String,
    } = "DV133", Error,
    vi { input } => format!("{input:?} không phải một giá trị: \"từ A đến B\" chỉ là giá trị khi A và B là số (một khoảng thời gian như \"từ năm 2011 đến năm 2021\" không phải giá trị)");
    /// A range of amounts ("từ 2 đến 3 triệu") where a count is expected.
    #[error("{input:?} is a range of amounts (a decimal comma or a scale word such as triệu), not a count: expected whole numbers at both ends, such as \"từ 120 đến 150\", or give it as an amount")]
    AmountRangeNotCount {
        /// The whole text, as given.
        input: String,
    } = "DV135", Error,
    vi { input } => format!("{input:?} là một khoảng số tiền hoặc khối lượng (có dấu phẩy thập phân hoặc từ chỉ đơn vị như triệu), không phải số lượng: hãy ghi số nguyên ở cả hai đầu, như \"từ 120 đến 150\", hoặc ghi thành số tiền, khối lượng");
    /// A worded value that the v1 wire cannot carry (a range "từ A đến B").
    #[error("{what} has no v1 wire form: write it in the v2 form, which carries its word")]
    NoV1Form {
        /// What could not be written, e.g. `"the range từ 5 đến 8"`.
        what: String,
    } = "DV134", Error,
    vi { what } => format!("{what} không ghi được theo dạng v1: hãy dùng dạng v2, có ghi từ chỉ mức độ");

    // ----- intervals (DV150–DV159) -----
    /// Bounds that no interval can have.
    #[error("invalid interval: {why}")]
    InvalidInterval {
        /// What is wrong, e.g. `"high below low"`.
        why: &'static str,
    } = "DV150", Error,
    vi { .. } => "khoảng giá trị không hợp lệ: cận trên nhỏ hơn cận dưới, hoặc dạng không khớp với cận".to_owned();
    /// A summary asked for a unit the totals do not have.
    #[error("unit {unit:?} is not in the totals' hierarchy: expected the code of a unit of the dataset")]
    SummaryUnknownUnit {
        /// The code asked for.
        unit: String,
    } = "DV151", Error,
    vi { unit } => format!("đơn vị \"{unit}\" không có trong danh sách đơn vị của bộ số liệu: hãy chọn mã một đơn vị có trong bộ số liệu");

    // ----- model v2: catalogue, value types, envelope (DV160–DV179) -----
    /// An indicator id defined twice: in the built-ins, the catalogue file or the dataset.
    #[error("indicator {id:?} is defined twice: each id once in the built-ins, the catalogue file and the dataset")]
    IndicatorDefinedTwice {
        /// The id.
        id: Excerpt,
    } = "DV160", Error,
    vi { id } => format!("chỉ tiêu {} được khai báo hai lần: mỗi mã chỉ khai báo một lần", quoted_vi(id));
    /// A figure names an indicator the catalogue does not have.
    #[error("indicator {id:?} is not in the catalogue (built-ins, catalogue file, dataset)")]
    UnknownCatalogueIndicator {
        /// The id.
        id: Excerpt,
    } = "DV161", Error,
    vi { id } => format!("chỉ tiêu {} không có trong danh mục", quoted_vi(id));
    /// A value of another value type than its indicator's.
    #[error("indicator {indicator:?} takes a {expected} value, not a {found}")]
    WrongValueType {
        /// The indicator.
        indicator: Excerpt,
        /// The catalogue's value type.
        expected: &'static str,
        /// The value's type.
        found: &'static str,
    } = "DV162", Error,
    vi { indicator, .. } => format!("giá trị không đúng loại của chỉ tiêu {}", quoted_vi(indicator));
    /// An amount or duration in a unit word that is not its indicator's.
    #[error("indicator {indicator:?} is stated in {expected:?}, not in {found:?}")]
    WrongUnitWord {
        /// The indicator.
        indicator: Excerpt,
        /// The catalogue's unit word.
        expected: Excerpt,
        /// The value's unit word.
        found: Excerpt,
    } = "DV163", Error,
    vi { indicator, expected, found } => format!(
        "chỉ tiêu {} tính bằng {}, không phải {}",
        quoted_vi(indicator), quoted_vi(expected), quoted_vi(found)
    );
    /// A rate above 100% for an indicator that is not a share of a target.
    #[error("rate {percent}% of {indicator:?} is above 100%: only a share of a target (rate_of_target) may exceed it")]
    RateAboveHundred {
        /// The indicator.
        indicator: Excerpt,
        /// The rate as given.
        percent: Excerpt,
    } = "DV164", Error,
    vi { indicator, percent } => format!("tỷ lệ {percent}% của chỉ tiêu {} vượt quá 100%", quoted_vi(indicator));
    /// A ratio whose numerator is above its denominator.
    #[error("ratio {num}/{den} of {indicator:?}: the numerator is above the denominator")]
    RatioAboveWhole {
        /// The indicator.
        indicator: Excerpt,
        /// The numerator (its lower bound).
        num: u64,
        /// The denominator.
        den: u64,
    } = "DV165", Error,
    vi { indicator, num, den } => format!("tỷ số {num}/{den} của chỉ tiêu {}: tử số lớn hơn mẫu số", quoted_vi(indicator));
    /// A unit of a rooted dataset that is neither the root, under it, nor one of its ancestors.
    #[error("unit {code:?} is not under the dataset's root {root:?}")]
    UnitOutsideRoot {
        /// The unit's code.
        code: Excerpt,
        /// The root's code.
        root: Excerpt,
    } = "DV166", Error,
    vi { code, root } => format!("đơn vị {} không thuộc đơn vị gốc {} của bộ số liệu", quoted_vi(code), quoted_vi(root));
    /// The root of a rooted dataset is not among its units, or is named by code only.
    #[error("the dataset's root {root:?} is not listed with its name among the units")]
    RootNotListed {
        /// The root's code.
        root: Excerpt,
    } = "DV167", Error,
    vi { root } => format!("đơn vị gốc {} chưa có tên trong danh sách đơn vị", quoted_vi(root));
    /// A unit named by code only (an ancestor) below the root, or listed twice in one era.
    #[error("unit {code:?}: {why}")]
    UnitEntryInvalid {
        /// The unit's code.
        code: Excerpt,
        /// What is wrong.
        why: &'static str,
    } = "DV168", Error,
    vi { code, .. } => format!("đơn vị {} khai báo không hợp lệ (thiếu tên, hoặc trùng mã trong cùng thời kỳ)", quoted_vi(code));
    /// Two figures or two relations with one id.
    #[error("id {id:?} is used by two {what}")]
    IdUsedTwice {
        /// The id.
        id: Excerpt,
        /// "figures" or "relations".
        what: &'static str,
    } = "DV169", Error,
    vi { id, .. } => format!("mã {} được dùng hai lần", quoted_vi(id));
    /// A relation names a figure id the dataset does not have.
    #[error("relation {relation:?} names figure {figure:?}, which the dataset does not have")]
    UnknownFigureId {
        /// The relation's id.
        relation: Excerpt,
        /// The figure id it names.
        figure: Excerpt,
    } = "DV170", Error,
    vi { relation, figure } => format!("quan hệ {} nêu số liệu {} không có trong bộ số liệu", quoted_vi(relation), quoted_vi(figure));
    /// A relation that is not one of the forms sum_of + equals, at_most + of, equal.
    #[error("relation {relation:?} is not one of: sum_of with equals or within, at_most with of, equal (two or more ids)")]
    RelationShape {
        /// The relation's id.
        relation: Excerpt,
    } = "DV171", Error,
    vi { relation } => format!("quan hệ {} không đúng dạng (sum_of với equals hoặc within, at_most với of, hoặc equal)", quoted_vi(relation));
    /// A v1 document that cannot become v2 as it stands (a figure with both a count and an amount).
    #[error("figures[{index}] cannot be upgraded to v2: {why}")]
    NotUpgradable {
        /// The figure's index.
        index: u64,
        /// Why.
        why: &'static str,
    } = "DV172", Error,
    vi { index, .. } => format!("số liệu figures[{index}] không chuyển được sang dạng v2: có cả số đếm và số tiền");
    /// A dimension neither built in nor declared, or declared wrongly.
    #[error("dimension {dimension:?}: {why}")]
    UnknownDimension {
        /// The dimension's id.
        dimension: Excerpt,
        /// Why it is refused.
        why: &'static str,
    } = "DV173", Error,
    vi { dimension, .. } => format!("chiều phân loại {} không có hoặc khai báo không hợp lệ", quoted_vi(dimension));
    /// A dimension value the dimension does not have.
    #[error("dimension {dimension:?} has no value {value:?}; expected one of: {expected}")]
    UnknownDimensionValue {
        /// The dimension's id.
        dimension: Excerpt,
        /// The value given.
        value: Excerpt,
        /// Its values.
        expected: Excerpt,
    } = "DV174", Error,
    vi { dimension, value, expected } => format!("chiều phân loại {} không có giá trị {}; các giá trị: {}", quoted_vi(dimension), quoted_vi(value), expected.as_str());
    /// A figure "until now" in a dataset that does not say when "now" is.
    #[error("a figure's period runs \"until now\" from {start}, and the dataset has no as_of date saying when now is")]
    AsOfMissing {
        /// Where the period starts.
        start: chrono::NaiveDate,
    } = "DV175", Error,
    vi { start } => format!("số liệu tính từ {} đến nay nhưng bộ số liệu không có ngày chốt số liệu (as_of)", start.format("%d/%m/%Y"));
    /// A stated count that is not the number of the recipients named.
    #[error("figure states {stated} but names {named} recipients")]
    NamedCountMismatch {
        /// The count stated.
        stated: Excerpt,
        /// How many are named.
        named: u64,
    } = "DV176", Error,
    vi { stated, named } => format!("số liệu ghi {} nhưng liệt kê {named} tên", stated.as_str());
    /// A figure without value, names or change factor; or a change of the wrong shape.
    #[error("figure is malformed: {why}")]
    FigureShape {
        /// What is wrong.
        why: &'static str,
    } = "DV177", Error,
    vi { .. } => "số liệu không đúng dạng: cần giá trị, danh sách tên, hoặc (với \"gấp … lần\") hệ số mà không có giá trị".to_string();

    // ----- model v2: the whole-dataset checks of figures (DV178–DV199) -----
    /// A figure whose period the report does not state (`"period": "unknown"`): accepted, noted.
    #[error("the figure's period is not stated (\"period\": \"unknown\"): accepted, and it belongs to no period's total")]
    PeriodNotStated = "DV178", Warning,
    vi {} => "số liệu không nêu thời gian (\"period\": \"unknown\"): được chấp nhận, nhưng không thuộc tổng của kỳ nào".to_owned();
    /// A complete breakdown whose parts certainly do not add up to the whole.
    #[error("the parts add up to {parts}, not to the whole {whole}, and the breakdown is complete")]
    BreakdownDoesNotAdd {
        /// The whole.
        whole: Worded,
        /// The parts' sum.
        parts: Worded,
    } = "DV179", Error,
    vi { whole, parts } => format!("các phần cộng lại là {}, không bằng tổng {}, dù đã khai báo là đầy đủ", parts.vi(), whole.vi());
    /// A partial breakdown ("trong đó có") whose parts certainly exceed the whole.
    #[error("the parts ({parts}) exceed the whole {whole}")]
    BreakdownExceedsWhole {
        /// The whole.
        whole: Worded,
        /// The parts' sum (for distinct persons, whose parts may overlap: from the largest part to the sum).
        parts: Worded,
    } = "DV180", Error,
    vi { whole, parts } => format!("các phần \"trong đó\" ({}) vượt quá tổng {}", parts.vi(), whole.vi());
    /// A three-valued check that the intervals leave open: it may hold or not.
    #[error("{check}: left open by the intervals ({left} against {right})")]
    CheckLeftOpen {
        /// The check, in English (one of a fixed list).
        check: &'static str,
        /// The left side.
        left: Worded,
        /// The right side.
        right: Worded,
    } = "DV181", Warning,
    vi { check, left, right } => format!("chưa kết luận được {} ({} so với {}): số liệu chưa đủ chính xác", check_vi(check), left.vi(), right.vi());
    /// A member actor's figure certainly above its actor set's (the set is by any of them).
    #[error("the figure of {member} ({value}) is above the figure of the actor set {set} ({set_value}) in figures[{set_figure}]")]
    ActorSetMemberExceeds {
        /// The member actor.
        member: &'static str,
        /// The member's value.
        value: Worded,
        /// The actor set, its actors joined by `+`.
        set: Excerpt,
        /// The set's value.
        set_value: Worded,
        /// The set's figure.
        set_figure: usize,
    } = "DV182", Error,
    vi { member, value, set, set_value, set_figure } => format!(
        "số liệu của chủ thể \"{member}\" ({}) lớn hơn số liệu của nhóm chủ thể {} ({}) ở figures[{set_figure}]",
        value.vi(), quoted_vi(set), set_value.vi()
    );
    /// A unit's own figure that disagrees with the sum of its sub-units' figures.
    #[error("unit {unit:?} states {own}, its sub-units' figures give {children}")]
    SubUnitsDisagree {
        /// The unit.
        unit: Excerpt,
        /// The unit's own figure.
        own: Worded,
        /// What the sub-units' figures give.
        children: Worded,
    } = "DV183", Warning,
    vi { unit, own, children } => format!(
        "đơn vị {} nêu {}, nhưng số liệu của các đơn vị trực thuộc cho {}",
        quoted_vi(unit), own.vi(), children.vi()
    );
    /// A declared relation that is certainly false.
    #[error("relation {relation:?} ({form}) does not hold: {left} against {right}")]
    RelationBroken {
        /// The relation's id.
        relation: Excerpt,
        /// Its form: `sum_of/equals`, `sum_of/within`, `at_most/of` or `equal`.
        form: &'static str,
        /// The left side.
        left: Worded,
        /// The right side.
        right: Worded,
    } = "DV184", Error,
    vi { relation, form, left, right } => format!(
        "quan hệ {} ({}) không đúng: {} so với {}",
        quoted_vi(relation), relation_form_vi(form), left.vi(), right.vi()
    );
    /// A built-in relation between figures that is certainly false.
    #[error("{indicator:?} ({value}) is above {whole:?} ({whole_value}) of figures[{whole_figure}]")]
    FigureRuleBroken {
        /// The figure's indicator (or its subset value).
        indicator: Excerpt,
        /// Its value.
        value: Worded,
        /// The indicator (or the figure) it lies within.
        whole: Excerpt,
        /// That figure's value.
        whole_value: Worded,
        /// That figure.
        whole_figure: usize,
    } = "DV185", Error,
    vi { indicator, value, whole, whole_value, whole_figure } => format!(
        "{} ({}) lớn hơn {} ({}) ở figures[{whole_figure}]",
        quoted_vi(indicator), value.vi(), quoted_vi(whole), whole_value.vi()
    );
    /// A lumped dimension value certainly not the sum of its split values.
    #[error("{dim} {value:?} ({lumped}) is not the sum of its split values ({split})")]
    LumpedNotSum {
        /// The dimension.
        dim: Excerpt,
        /// The lumped value (`both`).
        value: Excerpt,
        /// The lumped figure.
        lumped: Worded,
        /// The split figures' sum.
        split: Worded,
    } = "DV186", Error,
    vi { dim, value, lumped, split } => format!(
        "giá trị gộp {}={} ({}) không bằng tổng các giá trị tách ({})",
        dim, quoted_vi(value), lumped.vi(), split.vi()
    );
    /// A stated change certainly not the change between the two periods' figures.
    #[error("the stated change ({stated}) is not the change between the figures of the two periods ({actual})")]
    ChangeDisagrees {
        /// The stated change.
        stated: Worded,
        /// The change the figures give.
        actual: Worded,
    } = "DV187", Error,
    vi { stated, actual } => format!("mức thay đổi đã nêu ({}) không khớp với số liệu của hai kỳ ({})", stated.vi(), actual.vi());
    /// The same figure stated twice with the same interval: one figure, noted.
    #[error("the same figure as figures[{first}], with the same value: one figure stated twice")]
    FigureRepeated {
        /// The first statement.
        first: usize,
    } = "DV188", Warning,
    vi { first } => format!("số liệu trùng với figures[{first}] (cùng giá trị): tính là một số liệu nêu hai lần");
    /// The same figure stated twice with different intervals.
    #[error("figures[{first}] and figures[{index}] state the same figure with different values ({first_value} and {value})")]
    FigureConflict {
        /// The first statement.
        first: usize,
        /// The second statement.
        index: usize,
        /// The first value.
        first_value: Worded,
        /// The second value.
        value: Worded,
    } = "DV189", Error,
    vi { first, index, first_value, value } => format!(
        "figures[{first}] và figures[{index}] nêu cùng một số liệu với hai giá trị khác nhau ({} và {})",
        first_value.vi(), value.vi()
    );
    /// A ratio of units of a level whose denominator is not the number of such sub-units listed.
    #[error("the ratio's denominator {den} is not the {listed} {level} units under {unit:?} that the dataset lists")]
    RatioNotUnits {
        /// The unit.
        unit: Excerpt,
        /// The level counted.
        level: &'static str,
        /// The denominator.
        den: u64,
        /// The sub-units of that level listed.
        listed: u64,
    } = "DV190", Error,
    vi { unit, level, den, listed } => format!(
        "mẫu số {} của tỷ số khác số đơn vị {} trực thuộc {} trong bộ số liệu ({})",
        group(*den), level_word(level), quoted_vi(unit), group(*listed)
    );
    /// An award's giver (`awarded_by`) that is not above the figure's unit.
    #[error("the award is given by {what} {by:?}, which is not above the figure's unit {unit:?}")]
    AwardedByNotAbove {
        /// The figure's unit.
        unit: Excerpt,
        /// `unit` or `level`.
        what: &'static str,
        /// The giving unit's code, or the level.
        by: Excerpt,
    } = "DV191", Error,
    vi { unit, what, by } => if *what == "level" {
        format!("khen thưởng của {} không phải cấp trên của đơn vị {}", level_word(by.as_str()), quoted_vi(unit))
    } else {
        format!("đơn vị khen thưởng {} không phải cấp trên của đơn vị {}", quoted_vi(by), quoted_vi(unit))
    };
    // ----- the report of v2 figures (DV200–DV209) -----
    /// The unit a report is asked for is not among the dataset's units.
    #[error("the report's unit {unit:?} is not among the dataset's units")]
    ReportUnitUnknown {
        /// The unit code asked for.
        unit: Excerpt,
    } = "DV200", Error,
    vi { unit } => format!("đơn vị {} của báo cáo không có trong danh sách đơn vị của bộ số liệu", quoted_vi(unit));
    /// The unit a report is asked for is above the dataset's root: the dataset does not speak for it.
    #[error("the report's unit {unit:?} is above the dataset's root {root:?}: the dataset does not speak for it")]
    ReportUnitAboveRoot {
        /// The unit code asked for.
        unit: Excerpt,
        /// The dataset's root.
        root: Excerpt,
    } = "DV201", Error,
    vi { unit, root } => format!("đơn vị {} của báo cáo ở trên đơn vị gốc {} của bộ số liệu: bộ số liệu không có số liệu của đơn vị này", quoted_vi(unit), quoted_vi(root));
    /// Amounts of one key come in two unit words among a unit's sub-units (or
    /// its own parts): that sum is left open (the cells stay, no sum is formed).
    #[error("the sum of {indicator:?} at {unit:?} is left open: {units} state it in {left:?} and {right:?}")]
    RollUpUnitWordsDiffer {
        /// The unit whose sum is left open.
        unit: String,
        /// The units whose amounts differ, comma-separated.
        units: String,
        /// The indicator.
        indicator: String,
        /// One unit word.
        left: String,
        /// The other unit word.
        right: String,
    } = "DV202", Warning,
    vi { unit, units, indicator, left, right } => format!(
        "chưa cộng chỉ tiêu \"{indicator}\" của đơn vị \"{unit}\": các đơn vị {units} ghi số liệu theo hai đơn vị tính khác nhau \"{left}\" và \"{right}\""
    );
    /// A report is asked of a dataset that lists no unit (no root, no unit without a parent).
    #[error("the dataset lists no unit to report on")]
    ReportNoUnit = "DV203", Error,
    vi {} => "bộ số liệu không có đơn vị nào để lập báo cáo".to_owned();
    /// A committed JSON Schema is asked for by a name that is not one of them.
    #[error("schema {input:?}: expected dataset-v1, dataset-v2 or catalogue")]
    UnknownSchema {
        /// The name asked for.
        input: Excerpt,
    } = "DV204", Error,
    vi { input } => format!("không có lược đồ {}: cần một trong dataset-v1, dataset-v2, catalogue", quoted_vi(input));
    /// A result could not be written as JSON.
    #[error("cannot write the output: {message}")]
    WriteFailed {
        /// The writer's message.
        message: String,
    } = "DV205", Error,
    vi { message } => format!("không ghi được kết quả ({message})");
    // ----- model v2: units keyed by era and code, named recipients (DV207–DV213, DV215–DV218) -----
    /// A figure's or record's unit code is listed in several eras and none of them covers the figure's period (the record's date).
    #[error("unit {unit:?} is listed in the eras {eras} and none of them covers the {what} {period}")]
    UnitEraNotFound {
        /// The unit's code.
        unit: Excerpt,
        /// The eras it is listed in (`current` for the dataset's current era).
        eras: Excerpt,
        /// What is dated: `figure's period`, `record's date` or `period's end (the record has no date)`.
        what: &'static str,
        /// The figure's period (`unknown` when not stated) or the record's date.
        period: Excerpt,
    } = "DV207", Error,
    vi { unit, eras, what, period } => format!("đơn vị {} có trong các thời kỳ {} nhưng không thời kỳ nào bao trùm {} {}", quoted_vi(unit), era_vi(eras), dated_vi(what), period_vi(period));
    /// A figure's or record's unit code is listed in several eras that all cover the figure's period (the record's date).
    #[error("unit {unit:?} is listed in several eras ({eras}) that all cover the {what} {period}: give each its valid_from or valid_to")]
    UnitEraAmbiguous {
        /// The unit's code.
        unit: Excerpt,
        /// The eras that cover the period.
        eras: Excerpt,
        /// What is dated: `figure's period`, `record's date` or `period's end (the record has no date)`.
        what: &'static str,
        /// The figure's period or the record's date.
        period: Excerpt,
    } = "DV208", Error,
    vi { unit, eras, what, period } => format!("đơn vị {} có trong nhiều thời kỳ ({}) cùng bao trùm {} {}: cần ghi rõ thời gian hiệu lực (valid_from, valid_to) của từng thời kỳ", quoted_vi(unit), era_vi(eras), dated_vi(what), period_vi(period));
    /// A figure (a record) on a unit whose validity (era, valid_from, valid_to) does not cover the figure's period (the record's date).
    #[error("the {what} {period} lies outside the validity of unit {unit:?} (era {era})")]
    UnitNotValidForPeriod {
        /// The unit's code.
        unit: Excerpt,
        /// The unit's era (`current` for the dataset's current era).
        era: Excerpt,
        /// What is dated: `figure's period`, `record's date` or `period's end (the record has no date)`.
        what: &'static str,
        /// The figure's period or the record's date.
        period: Excerpt,
    } = "DV209", Error,
    vi { unit, era, what, period } => format!("{} {} nằm ngoài thời gian hiệu lực của đơn vị {} (thời kỳ {})", dated_vi(what), period_vi(period), quoted_vi(unit), era_vi(era));
    /// A name given more than once in a figure's `named` recipients, with nothing to tell the two apart.
    #[error("the name {name:?} is given {times} times among the named recipients: counted {times} times (two recipients may share a name); tell them apart if they are one")]
    NamedTwice {
        /// The repeated name.
        name: Excerpt,
        /// How many times it is given.
        times: u64,
    } = "DV210", Warning,
    vi { name, times } => format!("tên {} được nêu {times} lần trong danh sách được nêu tên: tính là {times} người hoặc đơn vị (có thể trùng tên); nếu là một thì cần bỏ bớt", quoted_vi(name));
    /// A record on a unit whose records the dataset totals nowhere: above the root of a rooted dataset, or, in another era, named by code only or above the root's code.
    #[error("the record's unit {unit:?} (era {era}) lies outside the units the dataset totals (its root and below; in another era, its named units not above the root's code): the record would be counted nowhere")]
    RecordTotalledNowhere {
        /// The unit's code.
        unit: Excerpt,
        /// The unit's era (`current` for the dataset's current era).
        era: Excerpt,
    } = "DV211", Error,
    vi { unit, era } => format!("bản ghi thuộc đơn vị {} (thời kỳ {}) nằm ngoài các đơn vị được cộng số liệu của bộ số liệu (đơn vị gốc và các đơn vị trực thuộc; ở thời kỳ khác, các đơn vị có tên không ở trên đơn vị gốc): bản ghi sẽ không được tính vào đâu", quoted_vi(unit), era_vi(era));
    /// Totals (one or both rekeyed) both hold a stock at one unit, or one above the other: each may be several old units' figures, so neither the later one nor the sum is known to be right.
    #[error("cannot merge the stock {indicator:?} at unit {unit:?}: the totals were rekeyed and both hold a value there or below it, which may come from the same old unit (the later value) or from different old units (their sum); merge the totals before rekeying")]
    MergeRekeyedStock {
        /// The unit's code (or "the country").
        unit: String,
        /// The indicator's id.
        indicator: String,
    } = "DV212", Error,
    vi { unit, indicator } => format!("không thể gộp chỉ tiêu thời điểm \"{indicator}\" tại đơn vị \"{unit}\": bảng tổng hợp đã được chuyển sang đơn vị mới và cả hai đều có số liệu tại đó hoặc ở đơn vị trực thuộc, có thể của cùng một đơn vị cũ (lấy số mới hơn) hoặc của các đơn vị cũ khác nhau (cộng lại); hãy gộp trước khi chuyển đổi");
    /// A figure on a unit the report never states: above the root of a rooted dataset, or, in another era, named by code only or above the root's code.
    #[error("the figure's unit {unit:?} (era {era}) lies outside the units the dataset reports on (its root and below; in another era, its named units not above the root's code): the figure would be stated nowhere")]
    FigureStatedNowhere {
        /// The unit's code.
        unit: Excerpt,
        /// The unit's era (`current` for the dataset's current era).
        era: Excerpt,
    } = "DV213", Error,
    vi { unit, era } => format!("số liệu thuộc đơn vị {} (thời kỳ {}) nằm ngoài các đơn vị mà bộ số liệu báo cáo (đơn vị gốc và các đơn vị trực thuộc; ở thời kỳ khác, các đơn vị có tên không ở trên đơn vị gốc): số liệu sẽ không được nêu ở đâu trong báo cáo", quoted_vi(unit), era_vi(era));
    /// Totals, one or both rekeyed, of which one holds a unit's own figure (its whole) and the other a figure within it: the own figure of an old unit and of an old unit within it (both rekeyed), or a unit's own figure beside rekeyed cells below it; the first includes the second, so their sum would count it twice, and after a rekey no cell tells what the first alone leaves out.
    #[error("cannot merge the figures of {indicator:?}: one side holds the own figure of unit {upper:?}, its whole, and the other, rekeyed, a figure of unit {lower:?} within it, which that figure includes; merge the totals before rekeying")]
    MergeNestedOldUnits {
        /// The indicator's id.
        indicator: String,
        /// The old unit whose figure is its whole.
        upper: String,
        /// An old unit within it whose figure the other side carries.
        lower: String,
    } = "DV215", Error,
    vi { indicator, upper, lower } => format!("không thể gộp số liệu chỉ tiêu \"{indicator}\": một bên có số liệu chung của đơn vị \"{upper}\", bên kia (đã chuyển đổi) có số liệu của đơn vị \"{lower}\" trực thuộc đơn vị đó (số liệu của \"{upper}\" đã bao gồm \"{lower}\"); hãy gộp trước khi chuyển đổi");
    /// An old unit's own figure (its whole) below what the figures of units within it certainly give: a rekey cannot carry its rest.
    #[error("cannot rekey {indicator:?}: old unit {unit:?} states {whole} in all, but the figures of the units within it ({parts}) give {held}, more than their whole; correct the figures before rekeying")]
    RekeyPartAboveWhole {
        /// The indicator's id.
        indicator: String,
        /// The old unit whose own figure is its whole.
        unit: String,
        /// Its own figure.
        whole: Worded,
        /// The units within it whose figures are counted, quoted and joined by `, `.
        parts: String,
        /// What their figures give.
        held: Worded,
    } = "DV216", Error,
    vi { indicator, unit, whole, parts, held } => format!("không thể chuyển đổi chỉ tiêu \"{indicator}\": đơn vị cũ \"{unit}\" nêu tổng số {}, nhưng số liệu của các đơn vị trực thuộc ({parts}) cho {}, lớn hơn tổng số; cần sửa số liệu trước khi chuyển đổi", whole.vi(), held.vi());
    /// An old unit below the level a crosswalk maps, with no unit of that
    /// level above it, holds values: no entry carries them.
    #[error("cannot rekey {indicator:?}: old unit {unit:?} lies below the {level} level the crosswalk maps, with no {level} above it, and holds values no entry carries; expected a {level} above it, or a rekey at its own level")]
    RekeyBelowNoMappedUnit {
        /// The indicator's id.
        indicator: String,
        /// The old unit's code.
        unit: String,
        /// The level the crosswalk maps (`commune`, `district`, …).
        level: String,
    } = "DV217", Error,
    vi { indicator, unit, level } => {
        let lv = level_vi(level);
        format!("không thể chuyển đổi chỉ tiêu \"{indicator}\": đơn vị cũ \"{unit}\" ở dưới {lv} mà bảng chuyển đổi dùng nhưng không thuộc đơn vị {lv} nào, và có số liệu không mục nào chuyển được; cần một đơn vị {lv} ở trên nó, hoặc chuyển đổi ở cấp của nó")
    };
    /// Rekeyed parts merged where one side's rows were written before they
    /// carried provenance: whether their old units nest is not known.
    #[error("cannot merge the figures of {indicator:?}: one side's rows were written without provenance (an earlier format), so whether its old units lie within the other side's is not known; rekey the old totals again and merge")]
    MergeUnknownProvenance {
        /// The indicator's id.
        indicator: String,
    } = "DV218", Error,
    vi { indicator } => format!("không thể gộp số liệu chỉ tiêu \"{indicator}\": một bên được ghi theo định dạng cũ, không có nguồn gốc số liệu, nên không biết đơn vị cũ của bên này có nằm trong đơn vị cũ của bên kia không; hãy chuyển đổi lại số liệu cũ rồi gộp");
}

/// A level's wire name (`"commune"`) in Vietnamese ("cấp xã"); the error
/// layer imports nothing of the crate, so it keeps its own words, those of
/// `render::vi::level` (compared in tests/integration/rekey_nested.rs).
fn level_vi(level: &str) -> &'static str {
    match level {
        "province" => "cấp tỉnh",
        "district" => "cấp huyện",
        "commune" => "cấp xã",
        _ => "cấp thôn",
    }
}

/// A unit's era after its code in an English message, ` (era current)`;
/// nothing when none is given (the code is listed in one era).
fn era_note(era: Option<&Excerpt>) -> String {
    era.map_or_else(String::new, |e| format!(" (era {})", e.as_str()))
}

/// Eras in Vietnamese: the current era is "hiện hành".
fn era_vi(eras: &Excerpt) -> String {
    eras.as_str().replace("current", "hiện hành")
}

/// What an era is resolved by, in Vietnamese: a figure's period ("kỳ số
/// liệu"), a record's date ("ngày của bản ghi"), or, for a record without
/// date, the period's end ("ngày cuối kỳ báo cáo").
fn dated_vi(what: &str) -> &'static str {
    match what {
        "record's date" => "ngày của bản ghi",
        "period's end (the record has no date)" => "ngày cuối kỳ báo cáo (bản ghi không có ngày)",
        _ => "kỳ số liệu",
    }
}

/// A period in Vietnamese: an unknown one is "chưa rõ".
fn period_vi(period: &Excerpt) -> String {
    if period.as_str() == "unknown" {
        "chưa rõ".to_owned()
    } else {
        period.as_str().to_owned()
    }
}

/// The Vietnamese name of a three-valued check of model v2 ([`ErrorKind::CheckLeftOpen`]).
fn check_vi(check: &str) -> &'static str {
    match check {
        "a complete breakdown adds up to its whole" => "các phần có cộng lại bằng tổng hay không",
        "a partial breakdown stays within its whole" => "các phần có vượt quá tổng hay không",
        "a member's figure stays within its actor set's" => {
            "số liệu của một chủ thể có vượt số liệu của nhóm chủ thể hay không"
        }
        "a declared relation" => "quan hệ đã khai báo có đúng hay không",
        "a built-in relation between figures" => "quan hệ giữa các chỉ tiêu có đúng hay không",
        "a subset stays within its whole" => "nhóm đối tượng có vượt quá tổng hay không",
        "a lumped value is the sum of its split values" => {
            "giá trị gộp có bằng tổng các giá trị tách hay không"
        }
        "a stated change" => "mức thay đổi đã nêu có khớp hay không",
        _ => "điều kiện kiểm tra",
    }
}

/// The Vietnamese name of a declared relation's form.
fn relation_form_vi(form: &str) -> &'static str {
    match form {
        "sum_of/equals" => "tổng bằng",
        "at_most/of" => "không vượt quá",
        "sum_of/within" => "tổng không vượt quá",
        _ => "bằng nhau",
    }
}
