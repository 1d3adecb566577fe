//! Administrative units, their hierarchy and the 2025 crosswalk.

mod code;
mod crosswalk;
mod file;
mod hierarchy;

pub(crate) use code::NATIONAL_SLOTS;
pub use code::{Level, Unit, UnitCode};
pub use crosswalk::{Crosswalk, CrosswalkBuilder, Mapped, Weight};
pub use hierarchy::{Hierarchy, UnitIndex};

/// Describes a validity range for messages: `"from 2020-01-01 to 2025-06-30"`,
/// `"from 2020-01-01"`, `"until 2025-06-30"` or `"at all times"`.
pub(crate) fn validity_text(from: &Option<String>, to: &Option<String>) -> String {
    match (from, to) {
        (Some(from), Some(to)) => format!("from {from} to {to}"),
        (Some(from), None) => format!("from {from}"),
        (None, Some(to)) => format!("until {to}"),
        (None, None) => "at all times".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use crate::render::vi;
    use crate::ErrorKind;

    /// Every unit kind renders for officials with the values it carries,
    /// in a wording of its own (not the English text).
    #[test]
    fn every_unit_kind_has_a_vietnamese_message() {
        let some = |s: &str| Some(s.to_owned());
        let kinds = [
            ErrorKind::DuplicateUnit {
                code: "10507".into(),
                first: 3,
            },
            ErrorKind::UnknownParent {
                code: "288".into(),
                parent: "31".into(),
            },
            ErrorKind::ParentLevelMismatch {
                code: "289".into(),
                level: "district",
                parent: "288".into(),
                parent_level: "district",
                expected: "a parent at level province",
            },
            ErrorKind::MissingParent {
                code: "289".into(),
                level: "district",
                expected: "a parent at level province",
            },
            ErrorKind::UnexpectedParent {
                code: "31".into(),
                parent: "30".into(),
            },
            ErrorKind::ParentCycle { code: "288".into() },
            ErrorKind::VillageOutsideCommune {
                code: "10507-T02".into(),
                parent: "10510".into(),
                expected: "10507".into(),
            },
            ErrorKind::ValidityReversed {
                code: "288".into(),
                from: "2025-01-01".into(),
                to: "2024-12-31".into(),
            },
            ErrorKind::ValidityOutsideParent {
                code: "10507".into(),
                from: some("2021-01-01"),
                to: None,
                parent: "289".into(),
                parent_from: None,
                parent_to: some("2025-06-30"),
            },
            ErrorKind::CrosswalkUnmapped {
                code: "90003".into(),
            },
            ErrorKind::CrosswalkDuplicateSource {
                code: "10507".into(),
                first: 0,
            },
            ErrorKind::CrosswalkUnknownTarget {
                from: "90002".into(),
                to: "90030".into(),
            },
            ErrorKind::CrosswalkUnknownSource {
                code: "90009".into(),
                level: "commune",
            },
            ErrorKind::CrosswalkSharesSum {
                from: "10528".into(),
                sum: "0.9".into(),
            },
            ErrorKind::CrosswalkInvalidShare {
                from: "10525".into(),
                to: "10510".into(),
                share: "1.5".into(),
                expected: "a decimal",
            },
            ErrorKind::CrosswalkInvalidShare {
                from: "10525".into(),
                to: "10510".into(),
                share: String::new(),
                expected: "a share",
            },
            ErrorKind::CrosswalkNoTarget {
                from: "10513".into(),
            },
            ErrorKind::CrosswalkDuplicateTarget {
                from: "10519".into(),
                to: "10510".into(),
            },
            ErrorKind::CrosswalkLevelMismatch {
                from: "10522".into(),
                from_level: "commune",
                to: "288".into(),
                to_level: "district",
            },
        ];
        for kind in kinds {
            let text = vi::message(&kind);
            assert_ne!(text, kind.to_string());
            let english = kind.to_string();
            // Every quoted code of the English text appears quoted in the message.
            for code in english.split('"').skip(1).step_by(2) {
                if !code.is_empty() && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                {
                    assert!(text.contains(&format!("\"{code}\"")), "{text} lacks {code}");
                }
            }
        }
        let dated = vi::message(&ErrorKind::ValidityReversed {
            code: "288".into(),
            from: "2025-01-01".into(),
            to: "2024-12-31".into(),
        });
        assert!(dated.contains("31/12/2024") && dated.contains("01/01/2025"));
    }
}
