//! # danvan
//!
//! One set of types and rules for the indicators of Vietnamese mass-mobilization
//! work (công tác dân vận): typed figures, whole-dataset validation with clear
//! messages in English and Vietnamese, totals along the administrative
//! hierarchy and over periods, and the annual summary written the way a
//! province writes it.
//!
//! The crate is pure: no I/O beyond readers that take [`std::io::Read`], no
//! global state, no clock, no network. The same input gives the same output.
//!
//! ```
//! let participants: danvan::Reported = "hơn 6.800".parse()?;
//! assert_eq!(participants.qualifier(), danvan::Qualifier::AtLeast);
//! assert_eq!(participants.value().get(), 6800);
//! # Ok::<(), danvan::Error>(())
//! ```
//!
//! # Crate features
//!
//! No feature is enabled by default, and all features are additive.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::todo,
        clippy::unimplemented
    )
)]

mod actor;
pub mod aggregate;
mod dataset;
mod entity;
mod error;
mod indicator;
mod limits;
mod period;
mod plan;
mod quantity;
pub mod render;
#[cfg(feature = "synth")]
pub mod synth;
mod unit;
pub mod validate;

pub use actor::Actor;
pub use aggregate::{
    change, stream_json_lines, Accumulator, ActorSummary, Against, Agreement, Change,
    Reconciliation, Record, RecordRef, StockSummary, StreamStats, Summary, Totals, MAX_LINE_BYTES,
    MAX_STORED_REJECTIONS,
};
pub use dataset::{Dataset, Figure, FigurePart, Schema};
pub use entity::*;
pub use error::{Error, ErrorKind};
pub use indicator::{Builtin, IndicatorDef, IndicatorId, IndicatorKind, ValueType};
pub use limits::Limits;
pub use period::*;
pub use plan::{Criterion, CriterionEntry, Direction, KeyTask, Target, TargetStatus, WorkPlan};
pub use quantity::*;
pub use unit::*;
pub use validate::{
    check, check_with_units, CheckOptions, Checked, Issue, Path, ReceptionNorms, Report, Severity,
};
