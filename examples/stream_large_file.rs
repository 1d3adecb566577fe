//! Streams a large JSON Lines file of records through
//! [`danvan::stream_json_lines`], in memory proportional to the units, and
//! prints the totals, how many lines were counted and rejected, and the time.
//!
//! ```text
//! cargo run --release --features synth --example stream_large_file
//! cargo run --release --features synth --example stream_large_file -- --records 2000000
//! cargo run --release --features synth --example stream_large_file -- records.jsonl
//! ```
//!
//! **Synthetic.** Without a path, it writes `--records N` (default 20,000, a
//! fraction of a second even in a debug build; use `--release` to scale)
//! synthetic records from [`danvan::synth`] (seeded, deterministic) to a
//! file in the system's temporary directory, with `--bad K` (default 3)
//! deliberately broken lines among them, and streams that file. The units are
//! a synthetic hierarchy of the size of one province (1 province, 12
//! districts, 235 communes, 1,347 villages, numbered in order and named
//! `synthetic …`). Given a path, it streams that file against the same
//! synthetic units: its records must name them.
//!
//! Every line is either counted or rejected with its line number:
//! `counted + rejected == lines`.

use std::io::{BufWriter, Write};
use std::time::Instant;

use danvan::synth::{Shape, SynthConfig, SynthRecord};
use danvan::{stream_json_lines, Actor, Builtin, Hierarchy, Period, Record};

const USAGE: &str = "usage: stream_large_file [PATH] [--records N] [--bad K] [--seed S] [--keep]";

/// A synthetic hierarchy the size of one province (not a real one).
const PROVINCE_SIZED: Shape = Shape {
    provinces: 1,
    districts: 12,
    communes: 235,
    villages: 1_347,
};

struct Options {
    path: Option<String>,
    records: usize,
    bad: usize,
    seed: u64,
    keep: bool,
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        path: None,
        records: 20_000,
        bad: 3,
        seed: 1,
        keep: false,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut number = || -> Result<u64, String> {
            it.next()
                .and_then(|v| v.replace('_', "").parse().ok())
                .ok_or_else(|| format!("{arg} needs a number\n{USAGE}"))
        };
        match arg.as_str() {
            "--records" => o.records = number()? as usize,
            "--bad" => o.bad = number()? as usize,
            "--seed" => o.seed = number()?,
            "--keep" => o.keep = true,
            "-h" | "--help" => return Err(USAGE.into()),
            flag if flag.starts_with("--") => {
                return Err(format!("unknown flag {flag:?}\n{USAGE}"))
            }
            path => o.path = Some(path.to_owned()),
        }
    }
    Ok(o)
}

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse_args(&args).and_then(|o| run(&o)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("stream_large_file: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Writes `config.records` synthetic records, one per line, with `bad`
/// broken lines spread among them; returns the broken lines' numbers.
fn write_synthetic(
    path: &std::path::Path,
    config: &SynthConfig,
    bad: usize,
) -> Result<Vec<usize>, String> {
    let file = std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = BufWriter::new(file);
    let every = config
        .records
        .checked_div(bad)
        .map_or(usize::MAX, |n| n.max(1));
    let mut line = 0usize;
    let mut broken = Vec::new();
    let records = danvan::synth::records(config).map_err(|e| e.to_string())?;
    for (i, r) in records.enumerate() {
        if broken.len() < bad && i % every == every / 2 {
            // Synthetic mistakes: a unit that does not exist, a date outside the year, not JSON.
            let text = match broken.len() % 3 {
                0 => {
                    r#"{"document": {"unit": "99999", "date": "2022-05-10", "actor": "party_committees", "kind": "leadership"}}"#
                }
                1 => {
                    r#"{"document": {"unit": "00001", "date": "2023-05-10", "actor": "party_committees", "kind": "leadership"}}"#
                }
                _ => r#"{"document": {"unit": "00001", "date": "2022-05-10""#,
            };
            line += 1;
            writeln!(out, "{text}").map_err(|e| e.to_string())?;
            broken.push(line);
        }
        let record = match r {
            SynthRecord::Conference(x) => Record::Conference(x),
            SynthRecord::Document(x) => Record::Document(x),
            SynthRecord::Inspection(x) => Record::Inspection(x),
            SynthRecord::Dialogue(x) => Record::Dialogue(x),
            other => {
                return Err(format!(
                    "a synthetic record kind this example does not write: {other:?}"
                ))
            }
        };
        serde_json::to_writer(&mut out, &record).map_err(|e| e.to_string())?;
        out.write_all(b"\n").map_err(|e| e.to_string())?;
        line += 1;
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(broken)
}

fn run(o: &Options) -> Result<(), String> {
    let config = SynthConfig::new(PROVINCE_SIZED, o.records).with_seed(o.seed);
    let units = danvan::synth::units(PROVINCE_SIZED).map_err(|e| e.to_string())?;
    let hierarchy = Hierarchy::new(units).map_err(|e| e.to_string())?;
    let period = Period::year(config.year).map_err(|e| e.to_string())?;

    let (path, generated) = match &o.path {
        Some(p) => (std::path::PathBuf::from(p), None),
        None => {
            let p = std::env::temp_dir().join(format!(
                "danvan-synthetic-{}-records-seed-{}.jsonl",
                o.records, o.seed
            ));
            let started = Instant::now();
            let broken = write_synthetic(&p, &config, o.bad)?;
            println!(
                "wrote {} SYNTHETIC records and {} broken lines (lines {:?}) to {} in {:.2?}",
                o.records,
                broken.len(),
                broken,
                p.display(),
                started.elapsed()
            );
            (p, Some(broken))
        }
    };
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let file = std::fs::File::open(&path).map_err(|e| format!("{}: {e}", path.display()))?;

    let started = Instant::now();
    let (totals, stats) =
        stream_json_lines(file, &hierarchy, period, &[]).map_err(|e| e.to_string())?;
    let elapsed = started.elapsed();

    println!(
        "streamed {} ({:.1} MB) in {:.2?}: {} lines, {} counted, {} rejected",
        path.display(),
        size as f64 / 1e6,
        elapsed,
        stats.lines,
        stats.counted,
        stats.rejected_total
    );
    assert_eq!(
        stats.counted + stats.rejected_total,
        stats.lines,
        "a line was lost"
    );
    for (line, err) in stats.rejected.iter().take(10) {
        println!("  rejected line {line}: {} {err}", err.code());
    }
    if let Some(broken) = generated {
        let rejected: Vec<usize> = stats.rejected.iter().map(|(n, _)| *n).collect();
        println!(
            "  rejected lines are exactly the broken ones written: {}",
            rejected == broken
        );
    }

    let province = hierarchy
        .units()
        .first()
        .map(|u| u.code())
        .ok_or("no units")?;
    println!();
    println!("totals of {province} (synthetic province), {}:", period);
    let rows = [
        (Builtin::Conferences, "conferences"),
        (Builtin::ConferenceParticipants, "participants"),
        (Builtin::Documents, "documents"),
        (Builtin::Inspections, "inspection sessions"),
        (Builtin::InspectionSubjects, "inspection subjects"),
        (Builtin::Dialogues, "dialogues"),
    ];
    let actors = [
        Actor::PartyCommittees,
        Actor::MobilizationSector,
        Actor::Government,
    ];
    println!(
        "  {:<22}{:>20}{:>20}{:>20}",
        "", "party committees", "mobilization sector", "government"
    );
    for (b, label) in rows {
        let cells: Vec<String> = actors
            .iter()
            .map(|a| {
                totals.get(&province, b, *a).map_or_else(
                    || "—".into(),
                    |i| match i.exact_value() {
                        Some(v) => danvan::notation::group(v),
                        None => format!("{:?}..{:?}", i.low(), i.high()),
                    },
                )
            })
            .collect();
        println!(
            "  {label:<22}{:>20}{:>20}{:>20}",
            cells[0], cells[1], cells[2]
        );
    }
    if o.path.is_none() && !o.keep {
        let _ = std::fs::remove_file(&path);
    }
    Ok(())
}
