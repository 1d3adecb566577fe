//! Administrative units, their hierarchy and the 2025 crosswalk.

mod code;
mod crosswalk;
mod file;
mod hierarchy;

pub(crate) use code::{name_is_empty, name_serde, NATIONAL_SLOTS};
pub use code::{Level, Unit, UnitCode};
pub use crosswalk::{
    Crosswalk, CrosswalkBuilder, CrosswalkEntry, Mapped, Parts, ThenOptions, Weight,
};
pub use hierarchy::{Hierarchy, UnitIndex};
