//! Vietnamese wording: messages, the words of the dataset (levels, indicators,
//! criteria, severities), issues, the annual summary and the work plan.
//!
//! Numbers and dates are written with [`crate::notation`] (`13.360`, `98,5%`,
//! `02/02/2023`).

use crate::ErrorKind;

pub(crate) mod report;
mod summary;
mod work_plan;

pub use summary::{annual_summary, write_annual_summary, Rounding, SummaryOptions};
pub use work_plan::{plan, write_plan};

pub use report::{era_heading, heading, write_report};

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

/// The Vietnamese wording of a built-in indicator (verb, noun, unit word):
/// the built-ins' catalogue wording, the one table of it. The noun is the
/// indicator's [`label`] unless the verb already says it ("khen thưởng …
/// tập thể", not "… tập thể được khen thưởng").
///
/// ```
/// use danvan::{render::vi, Builtin};
/// let w = vi::builtin_wording(Builtin::LeadershipDocuments);
/// assert_eq!(w.verb.as_deref(), Some("ban hành"));
/// assert_eq!(w.noun.as_deref(), Some("văn bản lãnh đạo, chỉ đạo"));
/// assert_eq!(w.unit_word.as_deref(), Some("văn bản"));
/// ```
#[must_use]
pub fn builtin_wording(indicator: crate::Builtin) -> crate::Wording {
    use crate::Builtin as B;
    const MODELS: &str = "mô hình \u{201c}Dân vận khéo\u{201d}";
    let (verb, noun) = match indicator {
        B::SkilfulModels => ("xây dựng", label(indicator)),
        B::SkilfulModelsRegistered => ("đăng ký", MODELS),
        B::SkilfulModelsRecognized => ("công nhận", MODELS),
        B::SkilfulModelsAwarded => ("khen thưởng", MODELS),
        B::SkilfulModelsEffective | B::SkilfulModelsOutstanding => ("có", label(indicator)),
        B::GrassrootsBlocks | B::VillageTeams => ("hiện có", label(indicator)),
        B::Conferences
        | B::TrainingConferences
        | B::PropagandaConferences
        | B::Dialogues
        | B::ClearanceDrives
        | B::Receptions => ("tổ chức", label(indicator)),
        B::Documents | B::LeadershipDocuments | B::GuidanceDocuments => {
            ("ban hành", label(indicator))
        }
        B::Inspections => ("tiến hành", label(indicator)),
        B::InspectionSubjects => ("kiểm tra, giám sát", label(indicator)),
        B::ConferenceParticipants
        | B::ConferencePersons
        | B::DialogueParticipants
        | B::ClearanceHouseholds
        | B::ClearanceConsenting => ("có", label(indicator)),
        B::PetitionsRaised => ("tiếp nhận", "kiến nghị"),
        B::PetitionsResolved => ("giải quyết", "kiến nghị"),
        B::AwardedCollectives => ("khen thưởng", "tập thể"),
        B::AwardedIndividuals => ("khen thưởng", "cá nhân"),
    };
    // Occurrences of persons are counted in "lượt người".
    let unit = match indicator {
        B::ConferenceParticipants | B::DialogueParticipants => "lượt người",
        _ => unit_word(indicator),
    };
    crate::Wording {
        verb: Some(verb.to_owned()),
        noun: Some(noun.to_owned()),
        unit_word: Some(unit.to_owned()),
    }
}

/// How the report words an actor, as the subject of a sentence (lowercase;
/// empty for [`Actor::Other`](crate::Actor::Other) and
/// [`Actor::NotStated`](crate::Actor::NotStated), which name no body).
///
/// ```
/// use danvan::{render::vi, Actor};
/// assert_eq!(vi::actor(Actor::MobilizationSector), "ngành dân vận");
/// assert_eq!(vi::actor(Actor::Other), "");
/// ```
#[must_use]
pub fn actor(a: crate::Actor) -> &'static str {
    use crate::Actor as A;
    match a {
        A::PartyCommittees => "cấp ủy, tổ chức đảng các cấp",
        A::MobilizationSector => "ngành dân vận",
        A::Government => "chính quyền",
        A::PeoplesCouncil => "Hội đồng nhân dân",
        A::FrontAndMassOrganizations => "Mặt trận Tổ quốc và các đoàn thể",
        A::ArmedForces => "lực lượng vũ trang",
        A::Other => "",
        A::Front => "Ủy ban Mặt trận Tổ quốc Việt Nam",
        A::WomensUnion => "Hội Liên hiệp Phụ nữ",
        A::FarmersUnion => "Hội Nông dân",
        A::YouthUnion => "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
        A::Veterans => "Hội Cựu chiến binh",
        A::TradeUnion => "Công đoàn",
        A::PartyCommitteeHeads => "người đứng đầu cấp ủy",
        A::GovernmentHeads => "người đứng đầu chính quyền",
        // The report names no body: the sentence has no subject of its own.
        A::NotStated => "",
    }
}

/// How the report words an actor set (a figure by any of them): the
/// members' words, "A, B và C" ("A, B" when a member's words have "và"
/// of their own); members that are all heads share the words "người đứng
/// đầu". Empty when no member names a body.
///
/// ```
/// use danvan::{render::vi, Actor};
/// let heads = [Actor::PartyCommitteeHeads, Actor::GovernmentHeads];
/// assert_eq!(vi::actor_set(&heads), "người đứng đầu cấp ủy và chính quyền");
/// let three = [Actor::Front, Actor::WomensUnion, Actor::FarmersUnion];
/// assert_eq!(vi::actor_set(&three), "Ủy ban Mặt trận Tổ quốc Việt Nam, Hội Liên hiệp Phụ nữ và Hội Nông dân");
/// let two = [Actor::MobilizationSector, Actor::FrontAndMassOrganizations];
/// assert_eq!(vi::actor_set(&two), "ngành dân vận, Mặt trận Tổ quốc và các đoàn thể");
/// ```
#[must_use]
pub fn actor_set(actors: &[crate::Actor]) -> String {
    const HEADS: &str = "người đứng đầu ";
    let words: Vec<&str> = actors
        .iter()
        .map(|a| actor(*a))
        .filter(|w| !w.is_empty())
        .collect();
    let heads: Option<Vec<&str>> = words.iter().map(|w| w.strip_prefix(HEADS)).collect();
    match heads {
        Some(rest) if rest.len() > 1 => format!("{HEADS}{}", join_and(&rest)),
        // A member that has "và" in its own words is kept apart by commas.
        _ if words.len() > 1 && words.iter().any(|w| w.contains(" và ")) => words.join(", "),
        _ => join_and(&words),
    }
}

/// "A", "A và B", "A, B và C".
pub(crate) fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} và {last}", init.join(", ")),
    }
}

/// The words of a built-in dimension's value: recipient, award form,
/// movement, prize rank, doer level; `None` for a value the table does not
/// word (a custom one, or a value a dataset added).
///
/// ```
/// use danvan::render::vi;
/// assert_eq!(vi::dimension_value("recipient", "both"), Some("tập thể, cá nhân"));
/// assert_eq!(vi::dimension_value("prize_rank", "first"), Some("giải nhất"));
/// assert_eq!(vi::dimension_value("doer_level", "commune"), Some("cấp xã"));
/// assert_eq!(vi::dimension_value("house_work", "new"), None);
/// ```
#[must_use]
pub fn dimension_value(dimension: &str, value: &str) -> Option<&'static str> {
    Some(match (dimension, value) {
        ("recipient", "collective") => "tập thể",
        ("recipient", "individual") => "cá nhân",
        ("recipient", "both") => "tập thể, cá nhân",
        ("award_form", "bang_khen") => "bằng khen",
        ("award_form", "giay_khen") => "giấy khen",
        ("award_form", "bieu_duong") => "biểu dương",
        ("award_form", "giay_chung_nhan") => "giấy chứng nhận",
        ("movement", "dan_van_kheo") => "phong trào thi đua \u{201c}Dân vận khéo\u{201d}",
        ("movement", "qc_dan_chu") => "thực hiện Quy chế dân chủ ở cơ sở",
        ("movement", "dan_van_chinh_quyen") => "công tác dân vận chính quyền",
        ("movement", "vi_nguoi_ngheo") => "\u{201c}Vì người nghèo\u{201d}",
        ("prize_rank", "special") => "giải đặc biệt",
        ("prize_rank", "first") => "giải nhất",
        ("prize_rank", "second") => "giải nhì",
        ("prize_rank", "third") => "giải ba",
        ("prize_rank", "consolation") => "giải khuyến khích",
        ("prize_rank", "sub_prize") => "giải phụ",
        ("doer_level", "province") => level(crate::Level::Province),
        ("doer_level", "district") => level(crate::Level::District),
        ("doer_level", "commune") => level(crate::Level::Commune),
        ("doer_level", "village") => level(crate::Level::Village),
        ("doer_level", "district_to_commune") => "các cấp từ huyện đến cơ sở",
        ("doer_level", "province_to_commune") => "các cấp từ tỉnh đến cơ sở",
        _ => return None,
    })
}

/// The area a unit's report speaks of: "toàn tỉnh", "toàn thành phố",
/// "toàn huyện", "toàn xã", "toàn phường", … from the kind its name starts
/// with, or else its level.
///
/// ```
/// use danvan::{render::vi, Level};
/// assert_eq!(vi::area("Thành phố Hải Phòng", Level::Province), "toàn thành phố");
/// assert_eq!(vi::area("Phường Hòa Thuận (synthetic)", Level::Commune), "toàn phường");
/// assert_eq!(vi::area("Krông Búk", Level::District), "toàn huyện");
/// ```
#[must_use]
pub fn area(name: &str, level: crate::Level) -> String {
    format!("toàn {}", summary::area_noun(name, level))
}
