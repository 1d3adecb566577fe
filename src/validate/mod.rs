//! Whole-dataset validation: every problem, with where it is and what was expected.
//!
//! [`check`] turns a [`Dataset`](crate::Dataset) into a
//! [`Checked`] one, or gives back a [`Report`] listing **every**
//! issue: its stable code, severity, path into the document and the values
//! involved. Past [`CheckOptions::max_issues`] (1,000 by default) issues are
//! counted instead of listed, one [`ErrorKind::IssuesLeftOut`](crate::ErrorKind::IssuesLeftOut)
//! per code, so that every kind of problem is still named. The English `Display` is for developers;
//! [`render::vi::issue`](crate::render::vi::issue) words the same fields in
//! Vietnamese for the officials who typed the data.

mod report;
mod rules;

pub use report::{Cell, Issue, Path, Place, Report, Severity};
pub use rules::{check, check_with_units, report, CheckOptions, Checked, ReceptionNorms};
