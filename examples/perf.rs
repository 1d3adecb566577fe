//! Runs the national-scale measurements once and prints `key=value` lines.
//!
//! ```text
//! cargo run --release --features synth --example perf -- --records 10000000
//! ```
//!
//! Options: `--records N` (default 1,000,000), `--runs R` (repetitions of the
//! fast measurements, the median is printed; default 3), `--write-jsonl PATH`
//! (also write the records as JSON Lines, for `benches/baseline/`),
//! `--write-totals PATH` (also write the library's totals as flat JSON).
//! `--profile-rollup K` runs only the roll-up K times (for perf / callgrind).
//! `--threads T` (default 2): worker threads of `stream_json_lines_parallel`
//! for the `ingest_jsonl_parallel_*` and `file_to_totals_*` figures.
//! `--stream-only PATH` is internal: the child process that streams a JSON
//! Lines file and reports its own peak resident memory.
//!
//! Every figure is checked against the others (hand loop vs library vs
//! stream vs merged partials); on a mismatch it exits non-zero.
//! All data is synthetic (`danvan::synth`).

#[path = "../benches/common/mod.rs"]
mod common;

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use danvan::{synth, Accumulator, Builtin, Hierarchy, Period, RecordRef, Totals};

struct Args {
    records: usize,
    runs: usize,
    write_jsonl: Option<PathBuf>,
    write_totals: Option<PathBuf>,
    stream_only: Option<PathBuf>,
    totals_out: Option<PathBuf>,
    profile_rollup: usize,
    threads: usize,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        records: common::DEFAULT_RECORDS,
        runs: 3,
        write_jsonl: None,
        write_totals: None,
        stream_only: None,
        totals_out: None,
        profile_rollup: 0,
        threads: 2,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--records" => {
                a.records = value()?
                    .replace('_', "")
                    .parse()
                    .map_err(|e| format!("--records: {e}"))?
            }
            "--runs" => a.runs = value()?.parse().map_err(|e| format!("--runs: {e}"))?,
            "--write-jsonl" => a.write_jsonl = Some(value()?.into()),
            "--write-totals" => a.write_totals = Some(value()?.into()),
            "--stream-only" => a.stream_only = Some(value()?.into()),
            "--profile-rollup" => {
                a.profile_rollup = value()?
                    .parse()
                    .map_err(|e| format!("--profile-rollup: {e}"))?
            }
            "--totals-out" => a.totals_out = Some(value()?.into()),
            "--threads" => a.threads = value()?.parse().map_err(|e| format!("--threads: {e}"))?,
            other => return Err(format!("unknown option {other:?}")),
        }
    }
    a.runs = a.runs.max(1);
    a.threads = a.threads.max(1);
    Ok(a)
}

/// Peak resident memory of this process in KiB (VmHWM), 0 when unknown.
fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

/// Runs `f` `runs` times; `setup` runs before each, outside the timing.
fn time_runs<S, T>(
    runs: usize,
    mut setup: impl FnMut() -> S,
    mut f: impl FnMut(S) -> Result<T, String>,
) -> Result<(Duration, T), String> {
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let s = setup();
        let t0 = Instant::now();
        let out = f(s)?;
        times.push(t0.elapsed());
        last = Some(out);
    }
    let out = last.ok_or("no run")?;
    Ok((median(times), out))
}

/// The mean time of one call of `f` in nanoseconds: `n` calls timed together,
/// `runs` times, the median.
fn mean_ns(runs: usize, n: u32, mut f: impl FnMut() -> Result<(), String>) -> Result<f64, String> {
    let (t, ()) = time_runs(runs, || (), |()| (0..n).try_for_each(|_| f()))?;
    Ok(t.as_nanos() as f64 / f64::from(n))
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

fn hierarchy(records: usize) -> Result<Hierarchy, String> {
    let shape = common::config(records).shape;
    Hierarchy::new(synth::units(shape).map_err(|e| e.to_string())?).map_err(|e| e.to_string())
}

fn period(records: usize) -> Result<Period, String> {
    Period::year(common::config(records).year).map_err(|e| e.to_string())
}

/// The child: stream a JSON Lines file, print time and peak memory, write totals.
fn stream_child(
    path: &Path,
    records: usize,
    totals_out: Option<&Path>,
    threads: usize,
) -> Result<(), String> {
    let h = hierarchy(records)?;
    let p = period(records)?;
    let threads = NonZeroUsize::new(threads).unwrap_or(NonZeroUsize::MIN);
    let t0 = Instant::now();
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let (totals, stats) =
        danvan::stream_json_lines_parallel(file, &h, p, &[], threads).map_err(|e| e.to_string())?;
    let elapsed = t0.elapsed();
    let rss = peak_rss_kib();
    println!(
        "child stream_s={:.4} counted={} rejected={} peak_rss_kib={rss}",
        secs(elapsed),
        stats.counted,
        stats.rejected_total
    );
    if stats.rejected_total != 0 || stats.counted != records {
        return Err(format!(
            "stream counted {} of {records} records",
            stats.counted
        ));
    }
    if let Some(out) = totals_out {
        // The totals' stable export: JSON Lines of rows.
        let f = std::fs::File::create(out).map_err(|e| e.to_string())?;
        let mut w = BufWriter::new(f);
        for row in totals.rows() {
            serde_json::to_writer(&mut w, &row).map_err(|e| e.to_string())?;
            writeln!(w).map_err(|e| e.to_string())?;
        }
        w.flush().map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn write_flat_totals(path: &Path, t: &Totals) -> Result<(), String> {
    let f = std::fs::File::create(path).map_err(|e| e.to_string())?;
    let mut w = BufWriter::new(f);
    let io = |e: std::io::Error| e.to_string();
    writeln!(w, "[").map_err(io)?;
    let mut first = true;
    for (_, unit) in t.hierarchy().iter() {
        for ind in common::LOOP_INDICATORS {
            for actor in common::LOOP_ACTORS {
                if let Some(r) = t.get(&unit.code(), ind, actor) {
                    if !first {
                        writeln!(w, ",").map_err(io)?;
                    }
                    first = false;
                    write!(
                        w,
                        r#"{{"unit":"{}","indicator":"{}","actor":"{}","low":{},"high":{}}}"#,
                        unit.code(),
                        ind.id(),
                        actor.as_str(),
                        r.low(),
                        r.high()
                            .map_or_else(|| "null".to_owned(), |h| h.to_string())
                    )
                    .map_err(io)?;
                }
            }
        }
    }
    writeln!(w, "\n]").map_err(io)?;
    w.flush().map_err(io)
}

fn run(a: &Args) -> Result<(), String> {
    let n = a.records;
    let runs = a.runs;
    println!("records={n}");
    println!("runs={runs}");

    let t0 = Instant::now();
    let dataset = synth::dataset(&common::config(n)).map_err(|e| e.to_string())?;
    println!("generate_s={:.4}", secs(t0.elapsed()));

    // 1. check
    let (t_check, checked) = time_runs(
        runs,
        || dataset.clone(),
        |d| danvan::check(d).map_err(|r| r.to_string()),
    )?;
    drop(dataset);
    println!("check_s={:.4}", secs(t_check));
    println!("check_records_per_s={:.0}", n as f64 / secs(t_check));

    // 2. roll-up (library) and 3. the hand loop
    if a.profile_rollup > 0 {
        // For a profiler: only the roll-up, `--profile-rollup K` times.
        let (t, _) = time_runs(
            a.profile_rollup,
            || (),
            |()| Totals::compute(&checked).map_err(|e| e.to_string()),
        )?;
        println!("rollup_s={:.4}", secs(t));
        return Ok(());
    }
    let (t_rollup, totals) = time_runs(
        runs,
        || (),
        |()| Totals::compute(&checked).map_err(|e| e.to_string()),
    )?;
    let soa = common::Soa::from_checked(&checked)?;
    let (t_loop, looped) = time_runs(runs, || (), |()| Ok(common::hand_loop(&soa)))?;
    let cells = common::compare(&looped, &totals, checked.hierarchy(), 1)?;
    drop(looped);
    let sorted = soa.by_unit();
    drop(soa);
    let (t_loop_sorted, looped) = time_runs(runs, || (), |()| Ok(common::hand_loop(&sorted)))?;
    common::compare(&looped, &totals, checked.hierarchy(), 1)?;
    drop(looped);
    drop(sorted);
    println!("rollup_s={:.4}", secs(t_rollup));
    println!("loop_s={:.4}", secs(t_loop));
    println!("loop_unit_order_s={:.4}", secs(t_loop_sorted));
    println!("loop_vs_library_cells_compared={cells}");

    // linear growth: roll-up at N / 10
    let small = checked_small(n / 10)?;
    let (t_small, _) = time_runs(
        runs,
        || (),
        |()| Totals::compute(&small).map_err(|e| e.to_string()),
    )?;
    drop(small);
    println!("rollup_tenth_s={:.4}", secs(t_small));

    // 6. merge per-province partial totals
    let parts = common::province_partials(&checked)?;
    let provinces = parts.len();
    let (t_merge, merged) = time_runs(
        runs,
        || parts.clone(),
        |p| common::merge_all(checked.hierarchy(), &checked, p),
    )?;
    drop(parts);
    if merged != totals {
        return Err("merged per-province totals differ from the one-pass totals".into());
    }
    drop(merged);
    println!("merge_provinces={provinces}");
    println!("merge_s={:.4}", secs(t_merge));

    // 7. incremental: an accumulator holding every record, then one record more
    let d = checked.dataset();
    let mut acc = Accumulator::new(checked.hierarchy(), d.period, &d.indicators);
    for x in &d.conferences {
        acc.add(x).map_err(|e| e.to_string())?;
    }
    for x in &d.documents {
        acc.add(x).map_err(|e| e.to_string())?;
    }
    for x in &d.inspections {
        acc.add(x).map_err(|e| e.to_string())?;
    }
    for x in &d.dialogues {
        acc.add(x).map_err(|e| e.to_string())?;
    }
    let one = d.conferences.first().ok_or("no conference")?.clone();
    const ONE_BY_ONE: u32 = 1_000_000;
    let add_ns = mean_ns(runs, ONE_BY_ONE, || {
        acc.add(RecordRef::Conference(&one))
            .map_err(|e| e.to_string())
    })?;
    println!("incremental_add_ns={add_ns:.1}");
    let (t_finish, _) = time_runs(
        runs,
        || acc.clone(),
        |a| a.finish().map_err(|e| e.to_string()),
    )?;
    println!("incremental_finish_s={:.4}", secs(t_finish));
    drop(acc);

    // 7'. Totals::apply: one new record into the totals, in place
    let mut live = totals.clone();
    let apply_ns = mean_ns(runs, ONE_BY_ONE, || {
        live.apply(RecordRef::Conference(&one))
            .map_err(|e| e.to_string())
    })?;
    let count = |t: &Totals| {
        t.get(&one.unit, Builtin::Conferences, one.actor)
            .map_or(0, |r| r.low())
    };
    let applied = u64::from(ONE_BY_ONE) * runs as u64;
    if count(&live) != count(&totals) + applied {
        return Err("Totals::apply did not add every record".into());
    }
    drop(live);
    println!("incremental_apply_ns={apply_ns:.1}");

    // 4. ingest: JSON document → check → roll-up
    let json = common::json_document(checked.dataset());
    let limits = common::limits();
    let (t_json, from_json) = time_runs(
        runs,
        || (),
        |()| {
            let d = danvan::Dataset::from_json_with_limits(&json[..], &limits)
                .map_err(|e| e.to_string())?;
            let c = danvan::check(d).map_err(|r| r.to_string())?;
            Totals::compute(&c).map_err(|e| e.to_string())
        },
    )?;
    if from_json != totals {
        return Err("totals from the JSON document differ".into());
    }
    drop(from_json);
    let json_len = json.len();
    drop(json);
    println!("ingest_json_bytes={json_len}");
    println!("ingest_json_s={:.4}", secs(t_json));
    println!(
        "ingest_json_mb_per_s={:.1}",
        json_len as f64 / 1e6 / secs(t_json)
    );

    // 4. ingest: JSON Lines (in memory) → per-record check → roll-up
    let mut lines = Vec::new();
    common::write_json_lines(n, &mut lines)?;
    let h = checked.hierarchy().clone();
    let p = checked.dataset().period;
    let (t_jsonl, (from_lines, stats)) = time_runs(
        runs,
        || (),
        |()| danvan::stream_json_lines(&lines[..], &h, p, &[]).map_err(|e| e.to_string()),
    )?;
    if stats.counted != n || from_lines != totals {
        return Err("totals from JSON Lines differ".into());
    }
    drop(from_lines);
    let threads = NonZeroUsize::new(a.threads).unwrap_or(NonZeroUsize::MIN);
    let (t_jsonl_par, (from_lines, stats_par)) = time_runs(
        runs,
        || (),
        |()| {
            danvan::stream_json_lines_parallel(&lines[..], &h, p, &[], threads)
                .map_err(|e| e.to_string())
        },
    )?;
    if stats_par != stats || from_lines != totals {
        return Err("totals from JSON Lines on several threads differ".into());
    }
    drop(from_lines);
    let lines_len = lines.len();
    drop(lines);
    println!("ingest_jsonl_bytes={lines_len}");
    println!("ingest_jsonl_s={:.4}", secs(t_jsonl));
    println!(
        "ingest_jsonl_mb_per_s={:.1}",
        lines_len as f64 / 1e6 / secs(t_jsonl)
    );
    println!("ingest_jsonl_threads={}", a.threads);
    println!("ingest_jsonl_parallel_s={:.4}", secs(t_jsonl_par));
    println!(
        "ingest_jsonl_parallel_mb_per_s={:.1}",
        lines_len as f64 / 1e6 / secs(t_jsonl_par)
    );

    // 5. streaming from a file, in a child process (its own peak memory)
    let dir = std::env::temp_dir().join(format!("danvan-perf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let result = stream_in_children(a, &dir, &totals, 1).and_then(|one| {
        let many = stream_in_children(a, &dir, &totals, a.threads)?;
        Ok((one, many))
    });
    let _ = std::fs::remove_dir_all(&dir);
    let ((t_stream, rss_kib), (t_file, rss_file_kib)) = result?;
    println!("stream_s={:.4}", secs(t_stream));
    println!("file_to_totals_threads={}", a.threads);
    println!("file_to_totals_s={:.4}", secs(t_file));
    println!(
        "file_to_totals_peak_rss_mb={:.1}",
        rss_file_kib as f64 / 1024.0
    );

    if let Some(path) = &a.write_jsonl {
        let f = std::fs::File::create(path).map_err(|e| e.to_string())?;
        let mut w = BufWriter::new(f);
        common::write_json_lines(n, &mut w)?;
        w.flush().map_err(|e| e.to_string())?;
        println!("wrote_jsonl={}", path.display());
    }
    if let Some(path) = &a.write_totals {
        write_flat_totals(path, &totals)?;
        println!("wrote_totals={}", path.display());
    }

    println!("linear_growth={:.2}", secs(t_rollup) / secs(t_small));
    // The headline is against the faster loop: the records in unit order, as
    // the library reads them.
    println!(
        "rollup_vs_loop_dataset_order={:.2}",
        secs(t_rollup) / secs(t_loop)
    );
    println!(
        "rollup_vs_loop_unit_order={:.2}",
        secs(t_rollup) / secs(t_loop_sorted)
    );
    println!(
        "rollup_vs_loop={:.2}",
        secs(t_rollup) / secs(t_loop.min(t_loop_sorted))
    );
    println!("rollup_records_per_s={:.0}", n as f64 / secs(t_rollup));
    println!(
        "ingest_mb_per_s={:.1}",
        lines_len as f64 / 1e6 / secs(t_jsonl)
    );
    println!("stream_peak_rss_mb={:.1}", rss_kib as f64 / 1024.0);
    Ok(())
}

fn checked_small(n: usize) -> Result<danvan::Checked, String> {
    common::checked(n)
}

/// Writes the JSON Lines file, streams it in a child `runs` times; median time, largest peak RSS.
fn stream_in_children(
    a: &Args,
    dir: &Path,
    totals: &Totals,
    threads: usize,
) -> Result<(Duration, u64), String> {
    let input = dir.join("records.jsonl");
    if !input.exists() {
        let f = std::fs::File::create(&input).map_err(|e| e.to_string())?;
        let mut w = BufWriter::new(f);
        common::write_json_lines(a.records, &mut w)?;
        w.flush().map_err(|e| e.to_string())?;
    }
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let out = dir.join("totals.json");
    let mut times = Vec::new();
    let mut rss = 0u64;
    for run in 0..a.runs {
        let output = Command::new(&exe)
            .arg("--stream-only")
            .arg(&input)
            .arg("--records")
            .arg(a.records.to_string())
            .arg("--totals-out")
            .arg(&out)
            .arg("--threads")
            .arg(threads.to_string())
            .output()
            .map_err(|e| e.to_string())?;
        if !output.status.success() {
            return Err(format!(
                "stream child failed: {}",
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        let text = String::from_utf8_lossy(&output.stdout);
        let field = |key: &str| -> Option<String> {
            text.split_whitespace()
                .find_map(|kv| kv.strip_prefix(key).map(str::to_owned))
        };
        let s: f64 = field("stream_s=")
            .and_then(|v| v.parse().ok())
            .ok_or("no stream_s")?;
        let k: u64 = field("peak_rss_kib=")
            .and_then(|v| v.parse().ok())
            .ok_or("no rss")?;
        let label = if threads == 1 {
            "stream".to_owned()
        } else {
            format!("stream_threads_{threads}")
        };
        println!("{label}_run_{run}_s={s:.4}");
        println!("{label}_run_{run}_peak_rss_kib={k}");
        times.push(Duration::from_secs_f64(s));
        rss = rss.max(k);
        if run == 0 {
            let f = std::fs::File::open(&out).map_err(|e| e.to_string())?;
            let rows = BufReader::new(f)
                .lines()
                .map(|line| {
                    let line = line.map_err(|e| e.to_string())?;
                    serde_json::from_str::<danvan::TotalsRow>(&line).map_err(|e| e.to_string())
                })
                .collect::<Result<Vec<_>, String>>()?;
            let streamed = Totals::from_rows(
                totals.hierarchy(),
                totals.period(),
                totals.indicators(),
                rows,
            )
            .map_err(|e| e.to_string())?;
            if &streamed != totals {
                return Err("streamed totals differ from the library's".into());
            }
        }
    }
    Ok((median(times), rss))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("perf: {e}");
            return ExitCode::from(2);
        }
    };
    let result = match &args.stream_only {
        Some(path) => stream_child(path, args.records, args.totals_out.as_deref(), args.threads),
        None => run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("perf: MISMATCH or failure: {e}");
            ExitCode::FAILURE
        }
    }
}
