//! Issues and results as the JSON the shells print: the `danvan` command
//! (`check --format json`, `upgrade`, `schema`) and the browser/Node package
//! (`wasm/`) call these functions, so that both print the same objects.

use crate::{Error, ErrorKind, Issue, Path, Report, Severity};

/// One issue as a JSON object: `severity`, `code`, `path` (or `cell`,
/// `sheet`, `row`, `column` for a spreadsheet cell), `message` (English),
/// `message_vi` (Vietnamese, [`super::vi::message`]) and, for an error found
/// while reading the document, its `line` and `column` (1-based).
///
/// ```
/// let report = danvan::render::refused(danvan::DatasetV2::from_json(&b"{\"schema\": "[..]).unwrap_err());
/// let object = danvan::render::issue_json(&report.issues()[0]);
/// assert_eq!(object["code"], "DV050");
/// assert_eq!(object["severity"], "error");
/// assert_eq!(object["path"], "");
/// assert_eq!((object["line"].as_u64(), object["column"].as_u64()), (Some(1), Some(11)));
/// assert!(object["message"].as_str().is_some_and(|m| m.starts_with("line 1, column 11")));
/// assert!(object["message_vi"].as_str().is_some_and(|m| m.starts_with("dòng 1, cột 11")));
/// ```
#[must_use]
pub fn issue_json(issue: &Issue) -> serde_json::Value {
    let mut object = serde_json::Map::new();
    // An issue serializes as an object of strings and integers: the
    // conversion cannot fail, and an object it does not give stays empty
    // rather than wrong.
    if let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(issue) {
        object = fields;
    }
    object.insert(
        "message_vi".to_owned(),
        super::vi::message(issue.kind()).into(),
    );
    if let Some((line, column)) = issue.kind().position() {
        object.insert("line".to_owned(), line.into());
        object.insert("column".to_owned(), column.into());
    }
    serde_json::Value::Object(object)
}

/// Every issue of a report as JSON Lines: one [`issue_json`] object a
/// line, each line ending in a newline (an empty report is empty text).
///
/// ```
/// let report = danvan::render::refused(danvan::DatasetV2::from_json(&b"[1]"[..]).unwrap_err());
/// let text = danvan::render::issues_json_lines(&report);
/// assert_eq!(text.lines().count(), 1);
/// assert!(text.ends_with("}\n"));
/// let object: serde_json::Value = serde_json::from_str(text.trim_end())?;
/// assert_eq!(object, danvan::render::issue_json(&report.issues()[0]));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[must_use]
pub fn issues_json_lines(report: &Report) -> String {
    let mut text = String::new();
    for issue in report.issues() {
        text.push_str(&issue_json(issue).to_string());
        text.push('\n');
    }
    text
}

/// Every issue of a report as Vietnamese lines ([`super::vi::issue`]), each
/// ending in a newline: the text output of `danvan check`.
///
/// ```
/// let report = danvan::render::refused(danvan::DatasetV2::from_json(&b"[1]"[..]).unwrap_err());
/// assert!(danvan::render::issues_text_lines(&report).starts_with("lỗi DV051"));
/// ```
#[must_use]
pub fn issues_text_lines(report: &Report) -> String {
    let mut text = String::new();
    for issue in report.issues() {
        text.push_str(&super::vi::issue(issue));
        text.push('\n');
    }
    text
}

/// The report of a document the reader refuses: one error at the
/// document's root, with the reader's kind (its line and column, when it
/// has them, show in [`issue_json`]).
///
/// ```
/// let error = danvan::DatasetV2::from_json(&b"{}"[..]).unwrap_err();
/// let code = error.code();
/// let report = danvan::render::refused(error);
/// assert!(report.has_errors());
/// assert_eq!(report.issues().len(), 1);
/// assert_eq!(report.issues()[0].code(), code);
/// ```
#[must_use]
pub fn refused(error: Error) -> Report {
    Report::new(vec![Issue::new(
        Severity::Error,
        Path::root(),
        error.into_kind(),
    )])
}

/// A value as indented JSON with a final newline: the output of
/// `danvan upgrade` (the v2 document) and `danvan schema`.
///
/// # Errors
///
/// [`ErrorKind::WriteFailed`] (DV205) when the value cannot be written as
/// JSON (a map whose keys are not strings).
///
/// ```
/// let text = danvan::render::pretty_json(&serde_json::json!({"schema": "danvan/dataset/v2"}))?;
/// assert_eq!(text, "{\n  \"schema\": \"danvan/dataset/v2\"\n}\n");
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn pretty_json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    let mut text = serde_json::to_string_pretty(value).map_err(|e| ErrorKind::WriteFailed {
        message: e.to_string(),
    })?;
    text.push('\n');
    Ok(text)
}
