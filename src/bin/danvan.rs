//! `danvan`: the crate's rules from the command line, for apps in other
//! languages (PHP, Java, .NET, JavaScript, Python) that run a process and
//! read its output.
//!
//! ```text
//! danvan check   DATASET [--catalogue FILE] [--format text|json]
//! danvan report  DATASET [--catalogue FILE] [--unit CODE] [--format text|json|csv] [--press]
//! danvan upgrade DATASET                  # a v1 document as danvan/dataset/v2
//! danvan schema  dataset-v1|dataset-v2|catalogue
//! ```
//!
//! `DATASET` is a `danvan/dataset/v1` or `v2` document (`-` reads standard
//! input); a v1 document is upgraded first. `--catalogue` names the
//! province's catalogue file (`danvan/catalogue/v1`).
//!
//! Output: `check --format json` prints one JSON object per issue and line
//! (`severity`, `code`, `path` or `cell`, `message` in English and
//! `message_vi` in Vietnamese); text prints one Vietnamese line per issue.
//! `report` prints the paragraph (text), the display rows as JSON Lines
//! (`json`) or as CSV with a header (`csv`), the columns of
//! `danvan::render::DisplayRow`: every era's rows
//! (`ReportPlan::all_rows`), the current era's first, the `era` column
//! empty (JSON `null`) for them and the era's date for a predecessor's.
//!
//! Exit status: 0 success (warnings allowed), 1 the dataset has errors
//! (printed on standard output as the format asks; a document the reader
//! refuses is one issue with its `line` and `column`), 2 the arguments are
//! wrong or a file cannot be read (a message on standard error).
//!
//! This file is a thin shell: reading, checking, totals and wording are the
//! library's (`DatasetV2::from_json`, `check_v2`, `FigureCube`,
//! `render::plan_report`, `render::vi`).

use std::io::{Read, Write};
use std::process::ExitCode;

use danvan::render::{plan_report, vi, ReportOptions};
use danvan::{Catalogue, CheckedV2, DatasetV2, Report, UnitCode};

const USAGE: &str = "usage:
  danvan check   DATASET [--catalogue FILE] [--format text|json]
  danvan report  DATASET [--catalogue FILE] [--unit CODE] [--format text|json|csv] [--press]
  danvan upgrade DATASET
  danvan schema  dataset-v1|dataset-v2|catalogue
DATASET is a danvan/dataset/v1 or v2 JSON file, or - for standard input.
Exit status: 0 ok, 1 the dataset has errors, 2 usage or file problems.";

fn main() -> ExitCode {
    let mut out = std::io::stdout().lock();
    let code = match utf8_args(std::env::args_os().skip(1)).and_then(|args| run(&args, &mut out)) {
        Ok(code) => code,
        Err(Failure::Usage(why)) => {
            if !why.is_empty() {
                eprintln!("danvan: {why}");
            }
            eprintln!("{USAGE}");
            2
        }
        Err(Failure::Input(why)) => {
            eprintln!("danvan: {why}");
            2
        }
        Err(Failure::Document(_)) => 1,
    };
    ExitCode::from(code)
}

/// The arguments as text: one that is not UTF-8 is a usage error (named by
/// its position, shown lossily), not a panic of `std::env::args`.
fn utf8_args(args: impl Iterator<Item = std::ffi::OsString>) -> Result<Vec<String>, Failure> {
    args.enumerate()
        .map(|(i, a)| {
            a.into_string().map_err(|a| {
                Failure::Usage(format!(
                    "argument {} {:?} is not UTF-8: expected UTF-8 text",
                    i + 1,
                    a.to_string_lossy()
                ))
            })
        })
        .collect()
}

/// Why a run stopped before it had a result to print.
enum Failure {
    /// The arguments are wrong (empty: help was asked for).
    Usage(String),
    /// A file cannot be read, or the output cannot be written.
    Input(String),
    /// The dataset is not a document of the format (printed as an issue).
    Document(danvan::Error),
}

/// The output format a command was asked for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Csv,
}

/// The parsed command line.
struct Args {
    command: String,
    file: Option<String>,
    catalogue: Option<String>,
    unit: Option<String>,
    format: Format,
    press: bool,
}

fn parse(args: &[String]) -> Result<Args, Failure> {
    let mut it = args.iter();
    let command = match it.next().map(String::as_str) {
        None | Some("-h" | "--help" | "help") => return Err(Failure::Usage(String::new())),
        Some(c) => c.to_owned(),
    };
    let mut a = Args {
        command,
        file: None,
        catalogue: None,
        unit: None,
        format: Format::Text,
        press: false,
    };
    let mut format_given = false;
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| Failure::Usage(format!("{name} needs a value")))
        };
        // An option given twice is refused, not silently the last one.
        let twice = |name: &str, set: bool| {
            if set {
                Err(Failure::Usage(format!("{name} is given twice")))
            } else {
                Ok(())
            }
        };
        match arg.as_str() {
            "--catalogue" => {
                twice("--catalogue", a.catalogue.is_some())?;
                a.catalogue = Some(value("--catalogue")?);
            }
            "--unit" => {
                twice("--unit", a.unit.is_some())?;
                a.unit = Some(value("--unit")?);
            }
            "--format" => {
                twice("--format", format_given)?;
                format_given = true;
                a.format = match value("--format")?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    "csv" => Format::Csv,
                    other => {
                        return Err(Failure::Usage(format!(
                            "--format {other:?}: expected text, json or csv"
                        )))
                    }
                }
            }
            "--press" => a.press = true,
            "-h" | "--help" => return Err(Failure::Usage(String::new())),
            flag if flag.starts_with("--") => {
                return Err(Failure::Usage(format!("unknown option {flag:?}")))
            }
            path if a.file.is_none() => a.file = Some(path.to_owned()),
            extra => return Err(Failure::Usage(format!("unexpected argument {extra:?}"))),
        }
    }
    Ok(a)
}

/// Runs one command, writing its result to `out`; returns the exit status.
/// A dataset the reader refuses is an error of the dataset: printed as an
/// issue (with its line and column) in the format asked for, status 1.
fn run(args: &[String], out: &mut impl Write) -> Result<u8, Failure> {
    let a = parse(args)?;
    match command(&a, out) {
        Err(Failure::Document(e)) => {
            write(out, &issues(&danvan::render::refused(e), a.format))?;
            Ok(1)
        }
        other => other,
    }
}

/// Runs the parsed command.
fn command(a: &Args, out: &mut impl Write) -> Result<u8, Failure> {
    let allowed: &[&str] = match a.command.as_str() {
        "check" => &["--catalogue", "--format"],
        "report" => &["--catalogue", "--unit", "--format", "--press"],
        "upgrade" | "schema" => &[],
        other => return Err(Failure::Usage(format!("unknown command {other:?}"))),
    };
    refuse_options(a, allowed)?;
    if a.command == "check" && a.format == Format::Csv {
        return Err(Failure::Usage(
            "check --format csv: expected text or json".to_owned(),
        ));
    }
    let text = match a.command.as_str() {
        "schema" => schema(a.file.as_deref())?,
        "upgrade" => {
            let d = read_dataset(a)?;
            danvan::render::pretty_json(&d).map_err(|e| input(a, &e))?
        }
        "check" => {
            let (text, ok) = match checked(a)? {
                Ok(c) => (issues(c.warnings(), a.format), true),
                Err(report) => (issues(&report, a.format), false),
            };
            write(out, &text)?;
            return Ok(if ok { 0 } else { 1 });
        }
        _ => match checked(a)? {
            Ok(c) => report(a, &c)?,
            Err(report) => {
                write(out, &issues(&report, a.format))?;
                return Ok(1);
            }
        },
    };
    write(out, &text)?;
    Ok(0)
}

/// Refuses an option the command does not take.
fn refuse_options(a: &Args, allowed: &[&str]) -> Result<(), Failure> {
    let given = [
        ("--catalogue", a.catalogue.is_some()),
        ("--unit", a.unit.is_some()),
        ("--format", a.format != Format::Text),
        ("--press", a.press),
    ];
    match given
        .iter()
        .find(|(name, on)| *on && !allowed.contains(name))
    {
        Some((name, _)) => Err(Failure::Usage(format!(
            "{} does not take {name}",
            a.command
        ))),
        None => Ok(()),
    }
}

fn write(out: &mut impl Write, text: &str) -> Result<(), Failure> {
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| Failure::Input(format!("cannot write the output: {e}")))
}

fn input(a: &Args, e: &dyn std::fmt::Display) -> Failure {
    Failure::Input(format!("{}: {e}", a.file.as_deref().unwrap_or("-")))
}

/// The bytes of a file, or of standard input for `-`: at most one byte past
/// the readers' limit (`Limits::DEFAULT_MAX_BYTES`), so that an endless file
/// (`/dev/zero`) is refused as too large by the reader, not read until
/// memory runs out.
fn read_file(path: &str) -> Result<Vec<u8>, Failure> {
    let limit = danvan::Limits::DEFAULT_MAX_BYTES.saturating_add(1);
    let mut bytes = Vec::new();
    let read = if path == "-" {
        std::io::stdin().lock().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    read.map_err(|e| Failure::Input(format!("{path}: {e}")))?;
    Ok(bytes)
}

fn read_dataset(a: &Args) -> Result<DatasetV2, Failure> {
    let path = a
        .file
        .as_deref()
        .ok_or_else(|| Failure::Usage(format!("{} needs a DATASET file", a.command)))?;
    let bytes = read_file(path)?;
    DatasetV2::from_json(&bytes[..]).map_err(Failure::Document)
}

/// The dataset checked against the built-ins and the catalogue file.
fn checked(a: &Args) -> Result<Result<CheckedV2, Report>, Failure> {
    let dataset = read_dataset(a)?;
    let catalogue = match &a.catalogue {
        Some(path) => Catalogue::from_json(&read_file(path)?[..])
            .map_err(|e| Failure::Input(format!("{path}: {e}")))?,
        None => Catalogue::builtin(),
    };
    Ok(danvan::check_v2(dataset, &catalogue))
}

/// Issues as Vietnamese lines, or JSON Lines with both languages.
fn issues(report: &Report, format: Format) -> String {
    if format == Format::Json {
        danvan::render::issues_json_lines(report)
    } else {
        danvan::render::issues_text_lines(report)
    }
}

/// The report of one unit: the paragraph, or its display rows.
fn report(a: &Args, checked: &CheckedV2) -> Result<String, Failure> {
    let d = checked.dataset();
    let unit: UnitCode = match &a.unit {
        Some(code) => code
            .parse()
            .map_err(|e| Failure::Usage(format!("--unit {code:?}: {e}")))?,
        None => danvan::render::default_report_unit(d).map_err(|e| input(a, &e))?,
    };
    let options = if a.press {
        ReportOptions::default().with_style(danvan::notation::Style::Press)
    } else {
        ReportOptions::default()
    };
    // The cube check_v2 built: the report builds none of its own.
    let plan = plan_report(checked.cube(), checked.catalogue(), &unit, &options)
        .map_err(|e| input(a, &e))?;
    match a.format {
        Format::Text => Ok(vi::write_report(&plan)),
        Format::Json => {
            let mut text = String::new();
            for row in &plan.all_rows() {
                text.push_str(&serde_json::to_string(row).map_err(|e| input(a, &e))?);
                text.push('\n');
            }
            Ok(text)
        }
        Format::Csv => {
            let mut bytes = Vec::new();
            danvan::render::write_rows_csv(&plan.all_rows(), &mut bytes)
                .map_err(|e| input(a, &e))?;
            String::from_utf8(bytes).map_err(|e| input(a, &e))
        }
    }
}

/// A committed JSON Schema, by name.
fn schema(which: Option<&str>) -> Result<String, Failure> {
    let value = danvan::schema_named(which.unwrap_or_default())
        .map_err(|e| Failure::Usage(e.to_string()))?;
    danvan::render::pretty_json(&value).map_err(|e| Failure::Input(e.to_string()))
}
