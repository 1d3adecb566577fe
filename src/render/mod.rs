//! Rendering figures and messages for people.
//!
//! [`vi`] holds the Vietnamese wording: messages for officials, the words of
//! the dataset, issues, the annual summary and the work plan. It writes
//! numbers and dates with [`crate::notation`] (`1.229`, `hơn 6.800`, `98,5%`,
//! `02/02/2023`). Vietnamese text lives only here, in [`crate::notation`] and
//! in the error table (each error kind's Vietnamese message, next to its
//! English text).

mod issue_json;
mod report_v2;
pub mod vi;

pub use issue_json::{issue_json, issues_json_lines, issues_text_lines, pretty_json, refused};

pub use report_v2::rows_json;
#[cfg(feature = "csv")]
pub use report_v2::write_rows_csv;
pub use report_v2::{
    default_report_unit, plan_report, Block, DisplayRow, EraSection, EraUnit, ReportOptions,
    ReportPlan, SectionBlock, StatedIn, Statement, Subject,
};
