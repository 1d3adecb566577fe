//! Vietnamese wording: messages, the words of the dataset (levels, indicators,
//! criteria, severities), issues, the annual summary and the work plan.
//!
//! Numbers and dates are written with [`crate::notation`] (`13.360`, `98,5%`,
//! `02/02/2023`).

use crate::ErrorKind;

mod summary;
mod work_plan;

pub use summary::{annual_summary, write_annual_summary, Rounding, SummaryOptions};
pub use work_plan::{plan, write_plan};

/// The Vietnamese message for an error kind, for the officials who typed the data.
///
/// It is rendered from the kind's fields, never translated from the English
/// text; the wording stands in the error table, next to the English text
/// ([`ErrorKind::message_vi`]).
///
/// ```
/// let kind = danvan::ErrorKind::PartExceedsWhole { part: 1500, whole: 1400 };
/// assert_eq!(danvan::render::vi::message(&kind), "phần 1.500 lớn hơn tổng 1.400");
/// ```
#[must_use]
pub fn message(kind: &ErrorKind) -> String {
    kind.message_vi()
}

/// The Vietnamese name of a level.
///
/// ```
/// assert_eq!(danvan::render::vi::level(danvan::Level::Commune), "cấp xã");
/// ```
#[must_use]
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
#[must_use]
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
#[must_use]
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
#[must_use]
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
#[must_use]
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
#[must_use]
pub fn issue(issue: &crate::Issue) -> String {
    let where_ = issue.place();
    if where_.is_root() {
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
            place(where_),
            message(issue.kind())
        )
    }
}

/// Where an issue is, in Vietnamese: a JSON path as it is
/// (`clearances[0].households_consenting`), a cell as `ô C12, trang Sheet1`
/// (or `ô C12` in a file with one sheet).
///
/// ```
/// use danvan::{render::vi, Cell, Path, Place};
///
/// assert_eq!(vi::place(&Place::Cell(Cell::new(12, 3).expect("1-based").with_sheet("Sheet1"))), "ô C12, trang Sheet1");
/// assert_eq!(vi::place(&Place::Cell(Cell::new(2, 1).expect("1-based"))), "ô A2");
/// assert_eq!(vi::place(&Place::Path(Path::root().field("units").index(0))), "units[0]");
/// ```
#[must_use]
pub fn place(place: &crate::Place) -> String {
    match place {
        crate::Place::Path(path) => path.to_string(),
        crate::Place::Cell(cell) => match cell.sheet() {
            Some(sheet) => format!("ô {}, trang {sheet}", cell.reference()),
            None => format!("ô {}", cell.reference()),
        },
    }
}
