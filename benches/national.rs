//! National-scale benchmarks (criterion). N from `DANVAN_BENCH_RECORDS`
//! (default 1,000,000). All data is synthetic (`danvan::synth`).

mod common;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use danvan::{Accumulator, RecordRef, Totals};

fn benches(c: &mut Criterion) {
    let n = common::records_from_env();
    let config = common::config(n);
    let dataset = danvan::synth::dataset(&config).expect("synthetic dataset");
    let checked = danvan::check(dataset.clone()).expect("synthetic dataset is valid");
    let h = checked.hierarchy().clone();
    let period = checked.dataset().period;
    let totals = Totals::compute(&checked).expect("totals");

    // The hand loop's inputs, resolved once; its totals checked against the library's.
    let soa = common::Soa::from_checked(&checked).expect("arrays");
    let looped = common::hand_loop(&soa);
    common::compare(&looped, &totals, &h, 97).expect("loop and library agree");
    drop(looped);

    let mut g = c.benchmark_group("check");
    g.sample_size(10).throughput(Throughput::Elements(n as u64));
    g.bench_function("check", |b| {
        b.iter_batched(
            || dataset.clone(),
            |d| danvan::check(d).expect("valid"),
            BatchSize::PerIteration,
        )
    });
    g.finish();
    drop(dataset);

    let mut g = c.benchmark_group("rollup");
    g.sample_size(10).throughput(Throughput::Elements(n as u64));
    g.bench_function("library", |b| {
        b.iter(|| Totals::compute(&checked).expect("totals"))
    });
    g.bench_function("hand_loop", |b| b.iter(|| common::hand_loop(&soa)));
    let sorted = soa.by_unit();
    g.bench_function("hand_loop_unit_order", |b| {
        b.iter(|| common::hand_loop(&sorted))
    });
    g.finish();
    drop(soa);
    drop(sorted);

    let json = common::json_document(checked.dataset());
    let limits = common::limits();
    let mut lines = Vec::new();
    common::write_json_lines(n, &mut lines).expect("json lines");
    let mut g = c.benchmark_group("ingest");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(json.len() as u64));
    g.bench_function("json_check_rollup", |b| {
        b.iter(|| {
            let d = danvan::Dataset::from_json_with_limits(&json[..], &limits).expect("json");
            let c = danvan::check(d).expect("valid");
            Totals::compute(&c).expect("totals")
        })
    });
    g.throughput(Throughput::Bytes(lines.len() as u64));
    g.bench_function("json_lines_stream", |b| {
        b.iter(|| danvan::stream_json_lines(&lines[..], &h, period, &[]).expect("stream"))
    });
    let two = std::num::NonZeroUsize::new(2).expect("two");
    g.bench_function("json_lines_stream_2_threads", |b| {
        b.iter(|| {
            danvan::stream_json_lines_parallel(&lines[..], &h, period, &[], two).expect("stream")
        })
    });
    g.finish();
    let (streamed, _) = danvan::stream_json_lines(&lines[..], &h, period, &[]).expect("stream");
    assert!(streamed == totals, "streamed totals equal the library's");
    let (streamed, _) =
        danvan::stream_json_lines_parallel(&lines[..], &h, period, &[], two).expect("stream");
    assert!(
        streamed == totals,
        "totals streamed on two threads equal the library's"
    );
    drop(json);
    drop(lines);

    let parts = common::province_partials(&checked).expect("partials");
    let merged = common::merge_all(&h, &checked, parts.clone()).expect("merge");
    assert!(
        merged == totals,
        "merged partials equal the one-pass totals"
    );
    let mut g = c.benchmark_group("merge");
    g.sample_size(10)
        .throughput(Throughput::Elements(parts.len() as u64));
    g.bench_function("provinces", |b| {
        b.iter_batched(
            || parts.clone(),
            |p| common::merge_all(&h, &checked, p).expect("merge"),
            BatchSize::PerIteration,
        )
    });
    g.finish();
    drop(parts);

    // Incremental: Totals::apply adds one record to existing totals in place;
    // an Accumulator holding the whole dataset's state takes one more record,
    // and finish() gives totals.
    let d = checked.dataset();
    let mut acc = Accumulator::new(&h, period, &d.indicators);
    for x in &d.conferences {
        acc.add(x).expect("add");
    }
    for x in &d.documents {
        acc.add(x).expect("add");
    }
    for x in &d.inspections {
        acc.add(x).expect("add");
    }
    for x in &d.dialogues {
        acc.add(x).expect("add");
    }
    let one = d.conferences.first().expect("a conference").clone();
    let mut g = c.benchmark_group("incremental");
    let mut live = totals.clone();
    g.bench_function("totals_apply_one", |b| {
        b.iter(|| live.apply(RecordRef::Conference(&one)).expect("apply"))
    });
    g.bench_function("accumulator_add_one", |b| {
        b.iter(|| acc.add(RecordRef::Conference(&one)).expect("add"))
    });
    g.sample_size(10);
    g.bench_function("accumulator_finish", |b| {
        b.iter_batched(
            || acc.clone(),
            |a| a.finish().expect("finish"),
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(national, benches);
criterion_main!(national);
