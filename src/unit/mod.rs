//! Administrative units, their hierarchy and the 2025 crosswalk.

mod code;
mod crosswalk;
mod file;
mod hierarchy;

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

/// Turns a JSON reader's error into [`ErrorKind::Json`](crate::ErrorKind::Json),
/// keeping its line and column out of the message.
pub(crate) fn json_error(err: serde_json::Error) -> crate::Error {
    let (line, column) = (err.line(), err.column());
    let text = err.to_string();
    let suffix = format!(" at line {line} column {column}");
    let message = text.strip_suffix(&suffix).unwrap_or(&text).to_owned();
    crate::ErrorKind::Json {
        line,
        column,
        message,
    }
    .into()
}
