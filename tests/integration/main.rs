//! Integration tests: one binary, one module per subject.

mod aggregate;
mod amounts;
mod annual_report;
mod arithmetic;
mod bad_inputs;
mod checks_v2;
#[cfg(feature = "cli")]
mod cli;
mod corpus;
mod crosswalk;
#[cfg(feature = "csv")]
mod csv;
mod eras_records;
mod errors;
mod example_data;
mod figure_reach;
mod fixtures;
mod layers;
mod model_v2;
mod one_rule_set;
mod properties;
mod reform;
mod render;
mod report_v2;
mod rows;
#[cfg(feature = "schema")]
mod schema;
mod synthetic;
mod traits;
mod unit_names;
mod validation;
mod wire;

/// Reads a file of the repository (tests never depend on anything outside it).
pub fn read(path: &str) -> String {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}
mod rekey_nested;
mod rekey_remainder;
mod rekey_report;
mod rekey_review;
mod review_s11;
mod review_s12;
mod review_s13;
mod review_s13_last;
mod review_s13_rekey;
mod review_s14_eras;
mod review_s14_rekey;
mod review_s6;
mod review_s7;
mod review_s9;
mod review_s9_merge;
#[cfg(feature = "cli")]
mod review_s9_wasm;
