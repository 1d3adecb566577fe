//! Compares 2022 figures with 2026 figures across the reform of 1 July 2025:
//! the 2022 totals on the old units are carried onto the new units with a
//! crosswalk ([`Totals::rekey`]) and compared per new commune with
//! [`danvan::change`].
//!
//! ```text
//! cargo run --example compare_reform
//! cargo run --example compare_reform -- --crosswalk cw.json --old old-units.json --new new-units.json \
//!     --dataset figures-2022.json [--current figures-2026.json]
//! ```
//!
//! **The default input is synthetic.** The old side uses real codes and
//! names (Tỉnh Hải Dương, Thành phố Hải Dương and six of its wards, from
//! `data/hai-duong-units.json`, before 1 July 2025), but every record is
//! synthetic. The new units (`examples/data/reform-new-units-synthetic.json`),
//! the crosswalk (`examples/data/reform-crosswalk-synthetic.json`) and the 2026
//! records are synthetic too: they are **not** the real 2025 mapping.
//!
//! The synthetic crosswalk has every kind of entry: two old wards merged into
//! one new commune (exact), a split with shares 0.6 / 0.4 (exact by the
//! largest remainder), and a split **without** shares, whose targets can only
//! be given "at most" the old value: such a 2022 figure is printed as an
//! upper bound, and its change as an interval, never as an invented number.
//!
//! With `--crosswalk`, `--old` and `--new`, real files can be loaded by hand:
//! `--old` and `--new` are units files as read by [`Hierarchy::from_units_json`]
//! (three levels before the reform, two after), `--crosswalk` is read by
//! [`Crosswalk::from_json`], `--dataset` is the 2022 dataset (its units come
//! from `--old`), and `--current` an optional dataset on the new units.

use std::path::Path;

use danvan::{
    change, check_with_units, Actor, Builtin, CheckOptions, Crosswalk, Dataset, Hierarchy,
    Interval, Level, Totals,
};

const USAGE: &str = "usage: compare_reform [--crosswalk PATH] [--old PATH] [--new PATH] \
                     [--dataset PATH] [--current PATH | --no-current]";

/// Where each input comes from.
struct Inputs {
    crosswalk: String,
    old: String,
    new: String,
    dataset: String,
    current: Option<String>,
}

impl Default for Inputs {
    fn default() -> Inputs {
        Inputs {
            crosswalk: "examples/data/reform-crosswalk-synthetic.json".into(),
            old: "data/hai-duong-units.json".into(),
            new: "examples/data/reform-new-units-synthetic.json".into(),
            dataset: "examples/data/reform-2022-synthetic.json".into(),
            current: Some("examples/data/reform-2026-synthetic.json".into()),
        }
    }
}

/// The indicators compared, each with its actor.
const COMPARED: [(Builtin, Actor, &str); 4] = [
    (
        Builtin::Conferences,
        Actor::PartyCommittees,
        "conferences (Party committees)",
    ),
    (
        Builtin::ConferenceParticipants,
        Actor::PartyCommittees,
        "participants (Party committees)",
    ),
    (
        Builtin::Documents,
        Actor::PartyCommittees,
        "documents (Party committees)",
    ),
    (
        Builtin::Dialogues,
        Actor::Government,
        "dialogues (government)",
    ),
];

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse_args(&args).and_then(|inputs| run(&inputs)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("compare_reform: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn parse_args(args: &[String]) -> Result<Inputs, String> {
    let mut inputs = Inputs::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{arg} needs a path\n{USAGE}"))
        };
        match arg.as_str() {
            "--crosswalk" => inputs.crosswalk = value()?,
            "--old" => inputs.old = value()?,
            "--new" => inputs.new = value()?,
            "--dataset" => inputs.dataset = value()?,
            "--current" => inputs.current = Some(value()?),
            "--no-current" => inputs.current = None,
            "-h" | "--help" => return Err(USAGE.into()),
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    Ok(inputs)
}

/// Opens a file of the repository or given by the user.
fn open(path: &str) -> Result<std::fs::File, String> {
    let direct = Path::new(path);
    let in_repo = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::File::open(direct)
        .or_else(|_| std::fs::File::open(&in_repo))
        .map_err(|e| format!("{path}: {e}"))
}

/// Reads and checks a dataset whose units come from `units`, and totals it.
fn totals(path: &str, units: &Hierarchy) -> Result<Totals, String> {
    let dataset = Dataset::from_json(open(path)?).map_err(|e| format!("{path}: {e}"))?;
    let checked = check_with_units(dataset, units.units().to_vec(), &CheckOptions::default())
        .map_err(|report| format!("{path} has errors:\n{report}"))?;
    Totals::compute(&checked).map_err(|e| format!("{path}: {e}"))
}

/// An interval in words, e.g. "from 21 to 25".
fn english(r: Option<Interval<u64>>) -> String {
    let Some(r) = r else { return "—".into() };
    match (r.exact_value(), r.low(), r.high(), r.estimate()) {
        (Some(n), ..) => n.to_string(),
        (None, 0, Some(h), _) => format!("at most {h}"),
        (None, l, Some(h), _) => format!("from {l} to {h}"),
        (None, 0, None, Some(e)) => format!("about {e}"),
        (None, l, None, _) => format!("at least {l}"),
    }
}

/// The change from 2022 to 2026 in words.
fn change_text(before: Option<Interval<u64>>, after: Option<Interval<u64>>) -> String {
    let (Some(before), Some(after)) = (before, after) else {
        return "—".into();
    };
    let c = change(before, after);
    let signed = |x: i128| {
        if x > 0 {
            format!("+{x}")
        } else {
            x.to_string()
        }
    };
    match (c.low, c.high) {
        (Some(l), Some(h)) if l == h => match c.ratio.and_then(|r| r.value(2)) {
            Some(ratio) => format!("{} (× {ratio})", signed(l)),
            None => signed(l),
        },
        (Some(l), Some(h)) => format!("between {} and {} (approximate)", signed(l), signed(h)),
        (Some(l), None) => format!("at least {}", signed(l)),
        (None, Some(h)) => format!("at most {}", signed(h)),
        (None, None) => "unknown".into(),
    }
}

fn run(inputs: &Inputs) -> Result<(), String> {
    let old = Hierarchy::from_units_json(open(&inputs.old)?)
        .map_err(|e| format!("{}: {e}", inputs.old))?;
    let new = Hierarchy::from_units_json(open(&inputs.new)?)
        .map_err(|e| format!("{}: {e}", inputs.new))?;
    let crosswalk = Crosswalk::from_json(open(&inputs.crosswalk)?)
        .map_err(|e| format!("{}: {e}", inputs.crosswalk))?;
    let before = totals(&inputs.dataset, &old)?;
    let after = match &inputs.current {
        Some(path) => Some(totals(path, &new)?),
        None => None,
    };
    let carried = before
        .rekey(&crosswalk, Level::Commune, &new)
        .map_err(|e| format!("cannot carry the 2022 totals across: {e}"))?;

    println!("2022 totals carried onto the units after 1 July 2025, compared with 2026");
    if let Some(source) = crosswalk.source() {
        println!("crosswalk: {source}");
    }
    println!(
        "old units: {} ({} units), new units: {} ({} units), {} crosswalk entries",
        inputs.old,
        old.len(),
        inputs.new,
        new.len(),
        crosswalk.len()
    );
    println!();
    for (idx, unit) in new.iter() {
        if unit.level() != Level::Commune {
            continue;
        }
        let code = unit.code();
        let from: Vec<String> = crosswalk
            .iter()
            .filter(|(_, targets)| targets.iter().any(|(t, _)| *t == code))
            .map(|(old_code, targets)| {
                let name = old.get(&old_code).map_or("?", |u| u.name());
                let how = match targets.len() {
                    1 => "merged",
                    _ if targets
                        .iter()
                        .all(|(_, w)| matches!(w, danvan::Weight::Exact(_))) =>
                    {
                        "split with shares"
                    }
                    _ => "split WITHOUT shares",
                };
                format!("{old_code} {name} ({how})")
            })
            .collect();
        println!("{} {} (index {})", code, unit.name(), idx.get());
        println!(
            "  from: {}",
            if from.is_empty() {
                "no old unit".into()
            } else {
                from.join("; ")
            }
        );
        for (indicator, actor, label) in COMPARED {
            let was = carried.get(&code, indicator, actor);
            let now = after
                .as_ref()
                .and_then(|t| t.value(&code, indicator, actor));
            println!(
                "  {label:<34} 2022: {:<14} 2026: {:<8} change: {}",
                english(was),
                english(now),
                change_text(was, now)
            );
        }
    }
    println!();
    println!("all old communes together, 2022, before and after carrying:");
    for (indicator, actor, label) in COMPARED {
        let id = indicator.into();
        let old_sum = before
            .level_total(Level::Commune, &id, actor)
            .ok()
            .flatten();
        let new_sum = carried
            .level_total(Level::Commune, &id, actor)
            .ok()
            .flatten();
        println!(
            "  {label:<34} old communes: {:<10} new communes: {}",
            english(old_sum),
            english(new_sum)
        );
    }
    println!("  (each piece of a split without shares is [0, v]: the sum over new communes is looser, never smaller)");
    Ok(())
}
