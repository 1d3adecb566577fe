//! Whole-dataset validation: every problem, with where it is and what was expected.
//!
//! [`check`](crate::check) turns a [`Dataset`](crate::Dataset) into a
//! [`Checked`](crate::Checked) one, or gives back a [`Report`](crate::Report) listing **every**
//! issue: its stable code, severity, path into the document and the values
//! involved. Past [`CheckOptions::max_issues`](crate::CheckOptions::max_issues) (1,000 by default) issues are
//! counted instead of listed, one [`ErrorKind::IssuesLeftOut`](crate::ErrorKind::IssuesLeftOut)
//! per code, so that every kind of problem is still named. The English `Display` is for developers;
//! [`render::vi::issue`](crate::render::vi::issue) words the same fields in
//! Vietnamese for the officials who typed the data.

pub(crate) mod figures_v2;
pub(crate) mod report;
pub(crate) mod rules;

pub use rules::report;

// The types and `check` are at the crate root (one path per item); this
// module's one public item is [`report`].
