//! The main example: a province's year, validated, totalled and written up.
//!
//! ```text
//! cargo run --example annual_report                       # Hải Dương 2022 (synthetic records on real units)
//! cargo run --example annual_report -- path/to/dataset.json
//! cargo run --example annual_report -- --exact            # every figure as totalled
//! cargo run --example annual_report -- --json             # the report's display rows, JSON Lines
//! cargo run --example annual_report -- --rows             # the totals as JSON Lines of rows
//! ```
//!
//! `--json` prints what the report states, for people and programs: one
//! [`danvan::render::DisplayRow`] per line (unit name, level, period,
//! Vietnamese label, actor wording, dimension words, the formatted value,
//! bounds, origin), the dataset read as v2 (a v1 document is upgraded),
//! checked by `check_v2` and planned for its top unit.
//! `--rows` prints the totals as JSON Lines: one [`danvan::TotalsRow`] (the
//! stable export of totals) per line, in the order of `Totals::rows`; read
//! them back with `Totals::from_rows` and the dataset's units, period and
//! indicators.
//!
//! The default input, `examples/data/hai-duong-2022.json`, holds the real
//! 12 districts and 235 communes of Tỉnh Hải Dương and synthetic villages and
//! records whose province totals are the figures of the seed article (see
//! `examples/data/README.md`). The example checks the dataset, totals it in
//! one pass, and prints for each province: the summary paragraph in the
//! province's style (press rounding by default, as the seed reads), a table
//! by district, coverage figures, and the work plan with its breakthrough tasks.
//!
//! Exit status: 0 on success, 1 when the dataset has errors (they are
//! printed), 2 when the file cannot be read or the arguments are wrong.

use std::fmt::Write as _;
use std::io::Write;

use chrono::Datelike;
use danvan::notation;
use danvan::render::vi::{self, Rounding, SummaryOptions};
use danvan::{
    Actor, Builtin, Count, Dataset, Interval, Level, Qualifier, Ratio, RatioBounds, Reported,
    Summary, Totals, UnitCode,
};

const DEFAULT_INPUT: &str = "examples/data/hai-duong-2022.json";
const USAGE: &str = "usage: annual_report [dataset.json] [--exact] [--json]
  --exact  every figure as totalled (no press rounding)
  --json   the report's display rows as JSON Lines (danvan::render::DisplayRow)
  --rows   the totals as JSON Lines: one row (danvan::TotalsRow) per line";

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = run(
        &args,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    std::process::ExitCode::from(u8::try_from(code).unwrap_or(2))
}

/// What the command line asked for.
struct Options {
    file: String,
    rounding: Rounding,
    json: bool,
    display: bool,
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        file: DEFAULT_INPUT.to_owned(),
        rounding: Rounding::Press,
        json: false,
        display: false,
    };
    let mut file_given = false;
    for arg in args {
        match arg.as_str() {
            "--exact" => options.rounding = Rounding::Exact,
            "--json" => options.display = true,
            "--rows" => options.json = true,
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag:?}")),
            path if !file_given => {
                options.file = path.to_owned();
                file_given = true;
            }
            extra => return Err(format!("unexpected argument {extra:?}")),
        }
    }
    Ok(options)
}

/// Runs the example: the report goes to `out`, problems to `err`; returns the exit status.
pub fn run(args: &[String], out: &mut impl Write, err: &mut impl Write) -> i32 {
    let options = match parse_args(args) {
        Ok(o) => o,
        Err(why) => {
            if !why.is_empty() {
                let _ = writeln!(err, "annual_report: {why}");
            }
            let _ = writeln!(err, "{USAGE}");
            return 2;
        }
    };
    let file = match std::fs::File::open(&options.file) {
        Ok(f) => std::io::BufReader::new(f),
        Err(e) => {
            let _ = writeln!(err, "{}: {e}", options.file);
            return 2;
        }
    };
    if options.display {
        return display_rows(&options.file, file, out, err);
    }
    let dataset = match Dataset::from_json(file) {
        Ok(d) => d,
        Err(e) => {
            let _ = match e.kind() {
                danvan::ErrorKind::Json {
                    line,
                    column,
                    message,
                } => writeln!(err, "{}:{line}:{column}: {message}", options.file),
                _ => writeln!(err, "{}: {e}", options.file),
            };
            return 2;
        }
    };
    let checked = match danvan::check(dataset) {
        Ok(c) => c,
        Err(report) => {
            let _ = write!(out, "{report}");
            return 1;
        }
    };
    let totals = match Totals::compute(&checked) {
        Ok(t) => t,
        Err(e) => {
            let _ = writeln!(err, "{}: {e}", options.file);
            return 1;
        }
    };
    let text = if options.json {
        let mut text = String::new();
        for row in totals.rows() {
            match serde_json::to_string(&row) {
                Ok(line) => {
                    text.push_str(&line);
                    text.push('\n');
                }
                Err(e) => {
                    let _ = writeln!(err, "annual_report: {e}");
                    return 2;
                }
            }
        }
        text
    } else {
        let mut text = String::new();
        for issue in checked.warnings() {
            let _ = writeln!(text, "{}", vi::issue(issue));
        }
        report(&mut text, &checked, &totals, options.rounding);
        text
    };
    match out.write_all(text.as_bytes()) {
        Ok(()) => 0,
        Err(e) => {
            let _ = writeln!(err, "annual_report: {e}");
            2
        }
    }
}

/// `--json`: the display rows of the report of the dataset's top unit.
fn display_rows(
    name: &str,
    file: impl std::io::Read,
    out: &mut impl Write,
    err: &mut impl Write,
) -> i32 {
    use danvan::render::{plan_report, ReportOptions};
    let dataset = match danvan::DatasetV2::from_json(file) {
        Ok(d) => d,
        Err(e) => {
            let _ = writeln!(err, "{name}: {e}");
            return 2;
        }
    };
    let catalogue = danvan::Catalogue::builtin();
    let checked = match danvan::check_v2(dataset, &catalogue) {
        Ok(c) => c,
        Err(report) => {
            let _ = write!(out, "{report}");
            return 1;
        }
    };
    let d = checked.dataset();
    let top = d
        .root
        .or_else(|| d.units.iter().find(|u| u.parent.is_none()).map(|u| u.code));
    let Some(top) = top else {
        let _ = writeln!(err, "{name}: the dataset lists no unit to report on");
        return 1;
    };
    let plan = match plan_report(
        checked.cube(),
        checked.catalogue(),
        &top,
        &ReportOptions::default(),
    ) {
        Ok(p) => p,
        Err(e) => {
            let _ = writeln!(err, "{name}: {e}");
            return 1;
        }
    };
    let mut text = String::new();
    for row in &plan.rows() {
        match serde_json::to_string(row) {
            Ok(line) => {
                text.push_str(&line);
                text.push('\n');
            }
            Err(e) => {
                let _ = writeln!(err, "annual_report: {e}");
                return 2;
            }
        }
    }
    match out.write_all(text.as_bytes()) {
        Ok(()) => 0,
        Err(e) => {
            let _ = writeln!(err, "annual_report: {e}");
            2
        }
    }
}

/// The columns of the table by district: indicator and actor.
const COLUMNS: [(&str, Builtin, Option<Actor>); 9] = [
    ("Mô hình DVK", Builtin::SkilfulModels, None),
    ("Khối DV", Builtin::GrassrootsBlocks, None),
    ("Tổ DV", Builtin::VillageTeams, None),
    (
        "HN cấp ủy",
        Builtin::Conferences,
        Some(Actor::PartyCommittees),
    ),
    (
        "Người dự",
        Builtin::ConferenceParticipants,
        Some(Actor::PartyCommittees),
    ),
    (
        "VB cấp ủy",
        Builtin::Documents,
        Some(Actor::PartyCommittees),
    ),
    ("KT, GS", Builtin::Inspections, Some(Actor::PartyCommittees)),
    (
        "HN ngành DV",
        Builtin::Conferences,
        Some(Actor::MobilizationSector),
    ),
    (
        "Người dự",
        Builtin::ConferenceParticipants,
        Some(Actor::MobilizationSector),
    ),
];

/// One cell: the figure of one actor, or the stock as one actor reports it.
fn cell(totals: &Totals, unit: &UnitCode, indicator: Builtin, actor: Option<Actor>) -> String {
    let value = match actor {
        Some(actor) => totals.value(unit, indicator, actor),
        None => totals.stock(unit, indicator),
    };
    value.map_or_else(|| "–".to_owned(), words)
}

/// An interval in the report's words, through the one-qualifier form (until
/// `danvan::notation` words intervals itself): exact, "at least", "at most",
/// or an estimate alone as "about".
fn words(i: Interval<u64>) -> String {
    let q = match (i.exact_value(), i.high(), i.estimate()) {
        (Some(v), _, _) => Reported::exact(Count::new(v)),
        (None, None, Some(e)) if i.low() == 0 => Reported::new(Qualifier::About, Count::new(e)),
        (None, None, _) => Reported::new(Qualifier::AtLeast, Count::new(i.low())),
        (None, Some(h), _) => Reported::new(Qualifier::AtMost, Count::new(h)),
    };
    notation::reported(q)
}

/// A ratio of two figures in the report's words: rounded as before when both
/// are exact, else its bounds rounded outward.
fn per(
    totals: &Totals,
    code: &UnitCode,
    num: Builtin,
    den: Builtin,
    actor: Actor,
) -> Option<String> {
    let n = totals.value(code, num, actor)?;
    let d = totals.value(code, den, actor)?;
    match (n.exact_value(), d.exact_value()) {
        (Some(a), Some(b)) => notation::ratio(Ratio::new(Count::new(a), Count::new(b)), 1),
        _ => n.ratio(d, 1).map(ratio_words),
    }
}

/// Ratio bounds in the report's words: one number when exact.
fn ratio_words(r: RatioBounds) -> String {
    match r.high() {
        Some(h) if h == r.low() => notation::decimal(h),
        Some(h) => format!(
            "từ {} đến {}",
            notation::decimal(r.low()),
            notation::decimal(h)
        ),
        None => format!("ít nhất {}", notation::decimal(r.low())),
    }
}

fn report(out: &mut String, checked: &danvan::Checked, totals: &Totals, rounding: Rounding) {
    let dataset = checked.dataset();
    let hierarchy = totals.hierarchy();
    let year = dataset.period.start().year();
    let provinces = hierarchy
        .iter()
        .filter(|(_, u)| u.level() == Level::Province && u.parent().is_none());
    for (index, province) in provinces {
        let code = province.code();
        let _ = writeln!(out, "== {} ({}) — năm {year} ==\n", province.name(), code);
        let summary = match Summary::from_checked(checked, totals, &code) {
            Ok(s) => s,
            Err(e) => {
                let _ = writeln!(out, "{e}");
                continue;
            }
        };
        let opts = SummaryOptions::default().with_rounding(rounding);
        let _ = writeln!(out, "{}\n", vi::annual_summary(&summary, &opts));

        // The table by district (or by commune after the 2025 reform).
        let children: Vec<UnitCode> = hierarchy
            .children(index)
            .filter_map(|c| hierarchy.code(c))
            .collect();
        let names: Vec<String> = children
            .iter()
            .map(|c| {
                hierarchy
                    .get(c)
                    .map_or(String::new(), |u| u.name().to_owned())
            })
            .collect();
        let width = names
            .iter()
            .map(|n| n.chars().count())
            .max()
            .unwrap_or(0)
            .max(8);
        let _ = write!(out, "{:<width$}", "Đơn vị");
        for (header, _, _) in COLUMNS {
            let _ = write!(out, " | {header:>11}");
        }
        out.push('\n');
        let rows = children.iter().zip(&names).map(|(c, n)| (c, n.as_str()));
        for (child, name) in rows.chain(std::iter::once((&code, "Toàn tỉnh"))) {
            let _ = write!(out, "{name:<width$}");
            for (_, indicator, actor) in COLUMNS {
                let _ = write!(out, " | {:>11}", cell(totals, child, indicator, actor));
            }
            out.push('\n');
        }
        out.push('\n');

        // Coverage and ratios, from parts (never averaged percentages).
        let _ = writeln!(out, "Độ phủ và bình quân:");
        if let Some(p) = totals
            .coverage_blocks(&code)
            .and_then(|s| notation::percent(s, 1))
        {
            let _ = writeln!(out, "- Khối dân vận cơ sở / xã, phường, thị trấn: {p}");
        }
        if let Some(p) = totals
            .coverage_teams(&code)
            .and_then(|s| notation::percent(s, 1))
        {
            let _ = writeln!(out, "- Tổ dân vận / thôn, khu dân cư: {p}");
        }
        if let Some(p) = totals
            .completeness(&code, Level::Commune)
            .and_then(|s| notation::percent(s, 1))
        {
            let _ = writeln!(out, "- Xã có số liệu / tổng số xã: {p}");
        }
        for (label, actor) in [
            ("cấp ủy", Actor::PartyCommittees),
            ("ngành dân vận", Actor::MobilizationSector),
        ] {
            let v = per(
                totals,
                &code,
                Builtin::ConferenceParticipants,
                Builtin::Conferences,
                actor,
            );
            if let Some(v) = v {
                let _ = writeln!(out, "- Người dự bình quân một hội nghị ({label}): {v}");
            }
        }
        if let Some(v) = per(
            totals,
            &code,
            Builtin::InspectionSubjects,
            Builtin::Inspections,
            Actor::PartyCommittees,
        ) {
            let _ = writeln!(
                out,
                "- Đối tượng bình quân một cuộc kiểm tra, giám sát: {v}"
            );
        }
        out.push('\n');
    }
    if let Some(plan) = &dataset.plan {
        let _ = writeln!(out, "{}", vi::plan(plan));
    }
}
