//! Administrative units, their hierarchy and the 2025 crosswalk.

mod code;
mod crosswalk;
mod file;
mod hierarchy;

pub(crate) use code::NATIONAL_SLOTS;
pub use code::{Level, Unit, UnitCode};
pub use crosswalk::{Crosswalk, CrosswalkBuilder, Mapped, Weight};
pub use hierarchy::{Hierarchy, UnitIndex};

/// Turns a JSON reader's error into [`ErrorKind::Json`](crate::ErrorKind::Json),
/// keeping its line and column out of the message.
pub(crate) fn json_error(err: serde_json::Error) -> crate::Error {
    let (line, column) = (err.line(), err.column());
    let text = err.to_string();
    let suffix = format!(" at line {line} column {column}");
    let message = crate::Excerpt::message(text.strip_suffix(&suffix).unwrap_or(&text));
    crate::ErrorKind::Json {
        line,
        column,
        message,
    }
    .into()
}
