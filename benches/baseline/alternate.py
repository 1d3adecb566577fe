#!/usr/bin/env python3
"""File to totals, the crate and polars taking turns (not run by CI).

Usage (see README.md beside this file):

    cargo build --release --features synth --example perf
    cargo run --release --features synth --example perf -- --records N \
        --write-jsonl /tmp/danvan.jsonl --write-totals /tmp/danvan-totals.json
    PAIRS=5 python3 benches/baseline/alternate.py N /tmp/danvan.jsonl

On a shared machine two programs timed minutes apart see different loads;
timed in pairs, one right after the other, they see about the same. Each
pair is: the crate's streaming child (`perf --stream-only FILE --threads 2`:
open the JSON Lines file, parse, check and add every record, roll up) in its
own process, then polars' grouped roll-up from a lazily scanned CSV of the
same records (`polars_rollup.rollup_grouped`), in this process. The CSV is
written once before the pairs (untimed). Prints each pair and both medians.
polars_rollup.py checks that the two give the same totals; this script only
times.
"""

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

import polars as pl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import polars_rollup  # noqa: E402  (the same flattening and roll-up)

PERF = os.environ.get("PERF", "target/release/examples/perf")
PAIRS = int(os.environ.get("PAIRS", "5"))
THREADS = os.environ.get("THREADS", "2")


def crate_seconds(records, jsonl):
    out = subprocess.run(
        [PERF, "--records", str(records), "--stream-only", jsonl, "--threads", THREADS],
        check=True, capture_output=True, text=True).stdout
    m = re.search(r"stream_s=([0-9.]+)", out)
    if m is None:
        sys.exit(f"no stream_s in the crate's output: {out!r}")
    return float(m.group(1))


def polars_seconds(csv_path):
    t0 = time.perf_counter()
    polars_rollup.rollup_grouped(pl.scan_csv(csv_path))
    return time.perf_counter() - t0


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    records, jsonl = int(sys.argv[1]), sys.argv[2]
    print(f"polars_version={pl.__version__} polars_threads={pl.thread_pool_size()}")
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = os.path.join(tmp, "records.csv")
        polars_rollup.flatten(jsonl).write_csv(csv_path)
        crate, polars = [], []
        for i in range(PAIRS):
            crate.append(crate_seconds(records, jsonl))
            polars.append(polars_seconds(csv_path))
            print(f"pair_{i} crate_s={crate[-1]:.4f} polars_grouped_csv_s={polars[-1]:.4f}", flush=True)
    print(f"crate_median_s={statistics.median(crate):.4f}")
    print(f"polars_grouped_csv_median_s={statistics.median(polars):.4f}")
    print(f"pairs_crate_faster={sum(c < p for c, p in zip(crate, polars))}/{PAIRS}")


if __name__ == "__main__":
    main()
