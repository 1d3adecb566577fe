//! Validates a dataset file and prints every issue.
//!
//! ```text
//! cargo run --example validate -- tests/fixtures/seed-2022.json
//! cargo run --example validate -- tests/fixtures/seed-2022.json --lang vi
//! cargo run --example validate -- tests/fixtures/seed-2022.json --json
//! ```
//!
//! One line per issue, errors and warnings (`error DV069
//! clearances[0].households_consenting: …`); `--lang vi` words them in
//! Vietnamese, `--json` prints the report as a JSON array. Exit status: 0 when
//! there is no error (warnings alone are printed and accepted), 1 when there is
//! an error, 2 when the file cannot be read, is not JSON or not this schema
//! (`file.json:3:7: …` on standard error), or the arguments are wrong.
//!
//! When the dataset names a `units_file`, it is read from the dataset's
//! directory and its units are checked with the dataset's. The crate itself
//! reads no files: this example does.

use std::io::Write;
use std::path::Path;

use danvan::{CheckOptions, Dataset, ErrorKind, Hierarchy, Issue, Limits, Report};

const USAGE: &str = "usage: validate <file.json> [--lang en|vi] [--json]";

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = run(
        &args,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    std::process::ExitCode::from(u8::try_from(code).unwrap_or(2))
}

/// The language of the messages.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lang {
    En,
    Vi,
}

/// What the command line asked for.
struct Options {
    file: String,
    lang: Lang,
    json: bool,
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut file = None;
    let mut lang = Lang::En;
    let mut json = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--lang" => {
                lang = match it.next().map(String::as_str) {
                    Some("vi") => Lang::Vi,
                    Some("en") => Lang::En,
                    Some(other) => return Err(format!("unknown language {other:?}")),
                    None => return Err("--lang needs a language".to_owned()),
                }
            }
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag:?}")),
            path if file.is_none() => file = Some(path.to_owned()),
            extra => return Err(format!("unexpected argument {extra:?}")),
        }
    }
    let file = file.ok_or_else(|| "no file given".to_owned())?;
    Ok(Options { file, lang, json })
}

/// Runs the command: writes issues to `out` and problems with the file or the
/// arguments to `err`, and returns the exit status.
pub fn run(args: &[String], out: &mut impl Write, err: &mut impl Write) -> i32 {
    match try_run(args, out) {
        Ok(code) => code,
        Err(message) => {
            // Nothing better to do if standard error itself fails.
            let _ = writeln!(err, "{message}");
            2
        }
    }
}

fn try_run(args: &[String], out: &mut impl Write) -> Result<i32, String> {
    let opts = parse_args(args).map_err(|why| {
        if why.is_empty() {
            USAGE.to_owned()
        } else {
            format!("{why}\n{USAGE}")
        }
    })?;
    let file = std::fs::File::open(&opts.file)
        .map_err(|e| format!("{}: cannot open: {e}\n{USAGE}", opts.file))?;
    let dataset = Dataset::from_json_with_limits(std::io::BufReader::new(file), &Limits::default())
        .map_err(|e| located(&opts.file, e.kind(), opts.lang))?;
    let report = match &dataset.units_file {
        None => danvan::validate::report(&dataset),
        Some(units_file) => {
            let units_path = Path::new(&opts.file)
                .parent()
                .unwrap_or(Path::new("."))
                .join(units_file);
            let shown = units_path.display().to_string();
            let units = std::fs::File::open(&units_path)
                .map_err(|e| format!("{shown}: cannot open: {e}"))?;
            let hierarchy = Hierarchy::from_units_json(std::io::BufReader::new(units))
                .map_err(|e| located(&shown, e.kind(), opts.lang))?;
            match danvan::check_with_units(
                dataset,
                hierarchy.units().to_vec(),
                &CheckOptions::default(),
            ) {
                Ok(checked) => checked.warnings().clone(),
                Err(report) => report,
            }
        }
    };
    print_report(&report, &opts, out).map_err(|e| format!("cannot write: {e}"))?;
    Ok(if report.has_errors() { 1 } else { 0 })
}

/// `file:line:column: message` when the error has a position, `file: message` otherwise.
fn located(file: &str, kind: &ErrorKind, lang: Lang) -> String {
    let position = kind.position();
    let text = match (lang, kind) {
        (Lang::Vi, _) => danvan::render::vi::message(kind),
        // The position is already in front; say the rest once.
        (Lang::En, ErrorKind::Json { message, .. }) => message.to_string(),
        (Lang::En, _) => kind.to_string(),
    };
    match (position, lang) {
        (Some((line, column)), Lang::En) => format!("{file}:{line}:{column}: {text}"),
        _ => format!("{file}: {text}"),
    }
}

fn issue_line(issue: &Issue, lang: Lang) -> String {
    match lang {
        Lang::En => issue.to_string(),
        Lang::Vi => danvan::render::vi::issue(issue),
    }
}

/// One issue as printed by `--json`: the report's own fields, the message in the chosen language.
#[derive(serde::Serialize)]
struct Row {
    severity: danvan::Severity,
    code: danvan::Code,
    path: String,
    message: String,
}

fn print_report(report: &Report, opts: &Options, out: &mut impl Write) -> std::io::Result<()> {
    if opts.json {
        let rows: Vec<Row> = report
            .issues()
            .iter()
            .map(|issue| Row {
                severity: issue.severity(),
                code: issue.code(),
                path: issue.place().to_string(),
                message: match opts.lang {
                    Lang::En => issue.kind().to_string(),
                    Lang::Vi => danvan::render::vi::message(issue.kind()),
                },
            })
            .collect();
        let text = serde_json::to_string_pretty(&rows).map_err(std::io::Error::other)?;
        writeln!(out, "{text}")
    } else {
        for issue in report.issues() {
            writeln!(out, "{}", issue_line(issue, opts.lang))?;
        }
        Ok(())
    }
}
