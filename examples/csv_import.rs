//! Reads a CSV of district figures, builds a dataset with the Hải Dương units,
//! checks it, and prints the province totals per indicator and actor.
//!
//! ```text
//! cargo run --example csv_import --features csv [-- path/to/figures.csv]
//! ```
//!
//! The default file, `examples/data/district-figures.csv`, has the real codes
//! and names of Hải Dương's 12 districts (from `data/hai-duong-units.json`)
//! with SYNTHETIC values: they are not the districts' real figures.

use std::collections::BTreeMap;
use std::fs::File;
use std::process::ExitCode;

use danvan::notation;
use danvan::render::vi;
use danvan::{Actor, Dataset, Hierarchy, IndicatorId, Level, Period, Reported};

const DEFAULT_CSV: &str = "examples/data/district-figures.csv";
const UNITS_FILE: &str = "data/hai-duong-units.json";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| DEFAULT_CSV.to_owned());
    let open = |p: &str| File::open(p).map_err(|e| format!("{p}: {e}"));

    // The figures: the error names the row and column of a bad cell.
    let figures = danvan::read_figures_csv(open(&path)?)
        .map_err(|e| format!("{path}: {} ({})", vi::message(e.kind()), e.code()))?;

    // The province and its 12 districts, from the units file.
    let hierarchy =
        Hierarchy::from_units_json(open(UNITS_FILE)?).map_err(|e| format!("{UNITS_FILE}: {e}"))?;
    let units: Vec<_> = hierarchy
        .units()
        .iter()
        .filter(|u| matches!(u.level(), Level::Province | Level::District))
        .cloned()
        .collect();

    let mut dataset = Dataset::new(Period::year(2022).map_err(|e| e.to_string())?);
    dataset.title = Some("Số liệu các huyện (synthetic)".to_owned());
    dataset.units = units;
    dataset.figures = figures;

    let checked = match danvan::check(dataset) {
        Ok(checked) => checked,
        Err(report) => {
            let lines: Vec<String> = report.issues().iter().map(vi::issue).collect();
            return Err(lines.join("\n"));
        }
    };
    for warning in checked.warnings().issues() {
        println!("{}", vi::issue(warning));
    }

    // Province totals: the districts' figures added per indicator and actor,
    // never across actors. A qualified part ("hơn 20") makes the total a lower
    // bound. (This sums with `Reported::checked_add` directly; it will switch
    // to `danvan::Totals` once the aggregation module lands.)
    let dataset = checked.dataset();
    let province = dataset
        .units
        .iter()
        .find(|u| u.level() == Level::Province)
        .ok_or("no province among the units")?;
    let mut totals: BTreeMap<(IndicatorId, Actor), Reported> = BTreeMap::new();
    for figure in &dataset.figures {
        let (Some(value), [actor]) = (figure.value, figure.actors.as_slice()) else {
            continue;
        };
        let key = (figure.indicator.clone(), *actor);
        let sum = match totals.get(&key) {
            Some(total) => total.checked_add(value).map_err(|e| e.to_string())?,
            None => value,
        };
        totals.insert(key, sum);
    }

    println!(
        "{} ({}), năm 2022, số liệu tổng hợp từ {} dòng (synthetic):",
        province.name(),
        province.code(),
        dataset.figures.len()
    );
    for ((indicator, actor), total) in &totals {
        let label: &str = match indicator.builtin() {
            Some(builtin) => vi::label(builtin),
            None => indicator.as_str(),
        };
        println!(
            "  {:<20} {label}: {}",
            actor.as_str(),
            notation::reported(*total)
        );
    }
    Ok(())
}
