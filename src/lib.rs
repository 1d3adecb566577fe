//! # danvan
//!
//! One set of types and rules for the indicators of Vietnamese mass-mobilization
//! work (công tác dân vận): typed figures, whole-dataset validation with clear
//! messages in English and Vietnamese, totals along the administrative
//! hierarchy and over periods, and the annual summary written the way a
//! province writes it.
//!
//! A commune's data-entry form, a district dashboard and the province's report
//! generator read the same exchange document ([`Dataset`], JSON schema
//! `danvan/dataset/v1`), check it with the same rules ([`check`]) and show
//! the same numbers in the same notation ([`render::vi`]).
//!
//! The crate is pure: no I/O beyond readers that take [`std::io::Read`] (and
//! CSV writers that take [`std::io::Write`]), no global state, no clock, no
//! network. The same input gives the same output.
//!
//! ```
//! // What a district sends: its units, one conference and two reported figures.
//! let json = r#"{
//!     "schema": "danvan/dataset/v1",
//!     "period": {"start": "2022-01-01", "end": "2022-12-31"},
//!     "units": [
//!         {"code": "30", "name": "Tỉnh Hải Dương"},
//!         {"code": "288", "name": "Thành phố Hải Dương", "parent": "30"}
//!     ],
//!     "conferences": [{"unit": "288", "date": "2022-03-15", "actor": "party_committees",
//!                      "kind": "both", "participants": 120}],
//!     "figures": [
//!         {"indicator": "training_conferences", "unit": "288",
//!          "actor": "mobilization_sector", "value": 22},
//!         {"indicator": "conference_participants", "unit": "288",
//!          "actor": "mobilization_sector", "value": {"at_least": 6800}}
//!     ]
//! }"#;
//! let dataset = danvan::Dataset::from_json(json.as_bytes())?;
//! let checked = match danvan::check(dataset) {
//!     Ok(checked) => checked,
//!     Err(report) => {
//!         // Every problem, each with a code, a path and the values involved.
//!         for issue in report.issues() {
//!             eprintln!("{}", danvan::render::vi::issue(issue));
//!         }
//!         panic!("the dataset has errors");
//!     }
//! };
//! for warning in checked.warnings().issues() {
//!     println!("{warning}");
//! }
//! let participants = &checked.dataset().figures[1];
//! assert_eq!(participants.actors, [danvan::Actor::MobilizationSector]);
//! let value = participants.value.expect("a count figure");
//! assert_eq!(danvan::render::vi::reported(value), "hơn 6.800");
//! assert_eq!(value.bounds(), (6800, None));
//! # Ok::<(), danvan::Error>(())
//! ```
//!
//! ## The main types
//!
//! - Quantities: [`Count`] (checked, never wraps), [`Reported`] (a count with
//!   its qualifier: exact, at least, at most, about — an interval), [`Share`]
//!   and [`Ratio`] (stored as their parts), [`Measure`] (decimal amounts).
//! - Time: [`Period`] (an inclusive range of dates: year, half, quarter, month,
//!   nine months or custom) and [`ReportingCalendar`] (calendar or cut-off windows).
//! - Units: [`UnitCode`], [`Unit`], [`Level`], [`Hierarchy`] (dense indices,
//!   before and after the 2025 reform) and [`Crosswalk`] (old units to new ones).
//! - Who and what: [`Actor`] (figures of different actors never add up
//!   silently), [`IndicatorId`], [`Builtin`] and [`IndicatorDef`].
//! - Records: [`Conference`], [`IssuedDocument`], [`Inspection`], [`Dialogue`],
//!   [`CitizenReception`], [`SiteClearance`], [`Award`], [`GrassrootsBlock`],
//!   [`VillageTeam`], [`SkilfulModel`]; the year's [`WorkPlan`].
//! - The exchange document: [`Dataset`] with its reported [`Figure`]s.
//! - Validation: [`check`] gives a [`Checked`] dataset or a [`Report`] of
//!   [`Issue`]s; every failure is an [`Error`] with an [`ErrorKind`] and a
//!   stable code (`DV001` …).
//! - Vietnamese notation and wording: [`render::vi`].
//!
//! ## How to …
//!
//! ### How to validate an upload
//!
//! Read the document, check it, and show every issue to the official who
//! typed it, in Vietnamese:
//!
//! ```
//! let upload = r#"{
//!     "schema": "danvan/dataset/v1",
//!     "period": {"start": "2022-01-01", "end": "2022-12-31"},
//!     "units": [{"code": "30", "name": "Tỉnh Hải Dương"}],
//!     "clearances": [{"unit": "30", "date": "2022-08-01", "actor": "government",
//!                     "project": "synthetic", "households_affected": 140,
//!                     "households_consenting": 150}]
//! }"#;
//! let dataset = danvan::Dataset::from_json(upload.as_bytes())?; // shape errors: line and column
//! let report = danvan::check(dataset).unwrap_err();              // rule errors: all of them
//! let lines: Vec<String> = report.issues().iter().map(danvan::render::vi::issue).collect();
//! assert_eq!(
//!     lines,
//!     ["lỗi DV069 clearances[0].households_consenting: số hộ đồng thuận (150) lớn hơn số hộ bị ảnh hưởng (140)"]
//! );
//! # Ok::<(), danvan::Error>(())
//! ```
//!
//! ### How to read and write Vietnamese numbers
//!
//! ```
//! use danvan::render::vi;
//! use danvan::{Count, Share};
//!
//! let models = vi::parse_reported("1.229")?;
//! let participants = vi::parse_reported("hơn 6.800")?;
//! assert_eq!(vi::reported(models), "1.229");
//! assert_eq!(vi::reported(participants.checked_add(models)?), "hơn 8.029");
//! let consent = Share::new(Count::new(197), Count::new(200))?;
//! assert_eq!(vi::percent(consent, 1).as_deref(), Some("98,5%"));
//! # Ok::<(), danvan::Error>(())
//! ```
//!
//! ### How to compare figures across the 2025 reform
//!
//! Carry counts of the old units onto the new ones with a [`Crosswalk`]:
//! merges add up exactly, a split with shares is divided exactly, a split
//! without shares gives an interval rather than an invented number.
//!
//! ```
//! use danvan::{Crosswalk, Mapped};
//!
//! // Synthetic: two old communes merge into one; a third is split without known shares.
//! let cw = Crosswalk::builder()
//!     .merge("10507".parse()?, "10507".parse()?)
//!     .merge("10510".parse()?, "10507".parse()?)
//!     .split_unknown("10513".parse()?, &["10507".parse()?, "10516".parse()?])
//!     .build()?;
//! let old_2022 = [("10507".parse()?, 12), ("10510".parse()?, 9), ("10513".parse()?, 4)];
//! let new = cw.map_counts(old_2022)?;
//! assert_eq!(new[0], ("10507".parse()?, Mapped::Between { low: 21, high: 25 }));
//! assert_eq!(new[1], ("10516".parse()?, Mapped::Between { low: 0, high: 4 }));
//! # Ok::<(), danvan::Error>(())
//! ```
//!
//! ### How to read figures from a spreadsheet (feature `csv`)
//!
//! One row per unit, period, actor and indicator, with English or Vietnamese
//! column names; errors name the row and the column.
//!
//! ```
//! # #[cfg(feature = "csv")]
//! # {
//! let sheet = "mã đơn vị,kỳ,chủ thể,chỉ tiêu,giá trị\n\
//!              288,2022,mobilization_sector,training_conferences,22\n\
//!              290,2022,mobilization_sector,training_conferences,hơn 15\n";
//! let figures = danvan::read_figures_csv(sheet.as_bytes())?;
//! let total = danvan::Reported::checked_sum(figures.iter().filter_map(|f| f.value))?;
//! assert_eq!(danvan::render::vi::reported(total), "hơn 37");
//!
//! let bad = "mã đơn vị,kỳ,chủ thể,chỉ tiêu,giá trị\n288,2022,government,dialogues,1,5\n";
//! let err = danvan::read_figures_csv(bad.as_bytes()).unwrap_err();
//! assert_eq!(err.to_string(), "row 2 has 6 cells: expected 5, as in the header row");
//! # }
//! # Ok::<(), danvan::Error>(())
//! ```
//!
//! `examples/csv_import.rs` turns a CSV of district figures into a dataset and
//! prints the province totals.
//!
//! # Crate features
//!
//! No feature is enabled by default, and all features are additive.
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `schema` | off | `dataset_schema()`: the JSON Schema (draft 2020-12) of the exchange document, for apps in other languages; committed as `schema/danvan-dataset-v1.schema.json` (uses `schemars`) |
//! | `csv` | off | `read_figures_csv` and `write_figures_csv`: reported figures to and from spreadsheets (uses `csv`) |

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

#[cfg(feature = "schema")]
mod schema;
#[cfg(feature = "schema")]
pub use schema::dataset_schema;
#[cfg(feature = "csv")]
mod csv_io;
#[cfg(feature = "csv")]
pub use csv_io::{read_figures_csv, write_figures_csv};
