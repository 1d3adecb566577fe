#!/usr/bin/env python3
"""Baseline: the same synthetic records and roll-up in polars (not run by CI).

Usage (see README.md beside this file):

    cargo run --release --features synth --example perf -- --records N \
        --write-jsonl /tmp/danvan.jsonl --write-totals /tmp/danvan-totals.json
    python3 benches/baseline/polars_rollup.py /tmp/danvan.jsonl /tmp/danvan-totals.json

It flattens the JSON Lines records (synthetic, from danvan::synth) once into
CSV and Parquet, then times:
  - rollup_in_memory: a DataFrame already in memory -> totals per commune,
    district and province x actor x indicator (group-by, join to parents, group-by);
  - csv_to_totals: read the CSV file -> the same totals;
  - parquet_to_totals: read the Parquet file -> the same totals;
  - grouped_rollup_in_memory, grouped_csv_to_totals, grouped_parquet_to_totals:
    the same, reduced first by one group-by on (commune, actor, record, kind)
    with lazy scans (the faster formulation, checked equal to the plain one).
Each is run RUNS times (default 3); every run is printed, then the median.
Finally it checks that its totals equal the crate's (the --write-totals file)
cell for cell, including which cells exist and their qualifier, and exits 1
on a mismatch.
"""

import json
import os
import statistics
import sys
import tempfile
import time

import polars as pl

# The synthetic shape before the 2025 reform (danvan::synth::Shape::BEFORE_2025):
# commune i of n sits under district floor(i * districts / n) (0-based), etc.
PROVINCES, DISTRICTS, COMMUNES = 63, 705, 10_599
RUNS = int(os.environ.get("RUNS", "3"))

INDICATORS = [
    "conferences", "training_conferences", "propaganda_conferences", "conference_participants",
    "documents", "leadership_documents", "guidance_documents",
    "inspections", "inspection_subjects",
    "dialogues", "dialogue_participants", "petitions_raised", "petitions_resolved",
]
# Which count column says whether a cell exists (some record contributed).
PRESENT_BY = {
    "conferences": "conferences", "training_conferences": "training_conferences",
    "propaganda_conferences": "propaganda_conferences", "conference_participants": "conferences",
    "documents": "documents", "leadership_documents": "leadership_documents",
    "guidance_documents": "guidance_documents", "inspections": "inspections",
    "inspection_subjects": "inspections", "dialogues": "dialogues",
    "dialogue_participants": "dialogues", "petitions_raised": "dialogues",
    "petitions_resolved": "dialogues",
}


def flatten(jsonl_path):
    """JSON Lines -> flat DataFrame (untimed preparation)."""
    lines = pl.read_csv(jsonl_path, has_header=False, separator="\x1f", quote_char=None,
                        new_columns=["line"], schema_overrides={"line": pl.Utf8})
    s = pl.col("line")

    def num(pattern):
        return s.str.extract(pattern, 1).cast(pl.Int64).fill_null(0)

    df = lines.select(
        s.str.extract(r'^\{"(\w+)"', 1).alias("record"),
        s.str.extract(r'"unit":"(\d+)"', 1).cast(pl.Int32).alias("commune"),
        s.str.extract(r'"actor":"(\w+)"', 1).alias("actor"),
        s.str.extract(r'"kind":"(\w+)"', 1).alias("kind"),
        s.str.extract(r'"participants":\{?(?:"at_least":)?(\d+)', 1).cast(pl.Int64).fill_null(0)
        .alias("participants"),
        s.str.contains('"participants":{"at_least"', literal=True).alias("at_least"),
        (num(r'"party_organizations":(\d+)') + num(r'"party_members":(\d+)')).alias("subjects"),
        num(r'"petitions_raised":(\d+)').alias("raised"),
        num(r'"petitions_resolved":(\d+)').alias("resolved"),
    )
    # Low-cardinality text as categoricals: what a polars user would do for speed.
    return df.with_columns(pl.col("record", "actor", "kind").cast(pl.Categorical))


def rollup(df):
    """Flat records -> totals per level; the timed work (one conditional sum
    per indicator over every record)."""
    return indicators_by_level(df, weight=None)


def rollup_grouped(frame):
    """The same totals, reduced first: one group-by of every record on
    (commune, actor, record, kind) with five plain sums, then the indicators
    on the small grouped frame. Lazy, so a CSV or Parquet scan reads only
    what it needs. A faster formulation than `rollup`, to be fair to polars."""
    grouped = (frame.lazy()
               .group_by("commune", "actor", "record", "kind")
               .agg(pl.len().alias("n"),
                    pl.col("participants").sum(),
                    pl.col("at_least").any(),
                    pl.col("subjects").sum(),
                    pl.col("raised").sum(),
                    pl.col("resolved").sum())
               .collect())
    return indicators_by_level(grouped, weight="n")


def indicators_by_level(df, weight):
    """Indicators per (commune, actor), then districts and provinces. With
    `weight`, each row stands for that many records (its sums already summed)."""
    one = pl.lit(1, dtype=pl.Int64) if weight is None else pl.col(weight).cast(pl.Int64)
    rec, kind = pl.col("record"), pl.col("kind")
    conf, doc = rec == "conference", rec == "document"
    insp, dial = rec == "inspection", rec == "dialogue"
    def count(cond):
        return pl.when(cond).then(one).otherwise(0).sum()

    sums = [
        count(conf).alias("conferences"),
        count(conf & kind.is_in(["training", "both"])).alias("training_conferences"),
        count(conf & kind.is_in(["propaganda", "both"])).alias("propaganda_conferences"),
        pl.when(conf).then(pl.col("participants")).otherwise(0).sum().alias("conference_participants"),
        (conf & pl.col("at_least")).any().alias("participants_at_least"),
        count(doc).alias("documents"),
        count(doc & (kind == "leadership")).alias("leadership_documents"),
        count(doc & (kind == "guidance")).alias("guidance_documents"),
        count(insp).alias("inspections"),
        pl.when(insp).then(pl.col("subjects")).otherwise(0).sum().alias("inspection_subjects"),
        count(dial).alias("dialogues"),
        pl.when(dial).then(pl.col("participants")).otherwise(0).sum().alias("dialogue_participants"),
        pl.when(dial).then(pl.col("raised")).otherwise(0).sum().alias("petitions_raised"),
        pl.when(dial).then(pl.col("resolved")).otherwise(0).sum().alias("petitions_resolved"),
    ]
    communes = df.group_by("commune", "actor").agg(sums)
    again = [pl.col(i).sum() for i in INDICATORS] + [pl.col("participants_at_least").any()]
    districts = (communes.with_columns(((pl.col("commune") - 1) * DISTRICTS // COMMUNES + 1)
                                       .alias("district"))
                 .group_by("district", "actor").agg(again))
    provinces = (districts.with_columns(((pl.col("district") - 1) * PROVINCES // DISTRICTS + 1)
                                        .alias("province"))
                 .group_by("province", "actor").agg(again))
    return communes, districts, provinces


def timed(label, f):
    times, out = [], None
    for i in range(RUNS):
        t0 = time.perf_counter()
        out = f()
        times.append(time.perf_counter() - t0)
        print(f"{label}_run_{i}_s={times[-1]:.4f}")
    print(f"{label}_s={statistics.median(times):.4f}")
    return out


def cells(levels):
    """Totals as {(unit code, indicator, actor): (value, qualifier)} with the crate's presence rule."""
    out = {}
    for df, col, width in zip(levels, ["commune", "district", "province"], [5, 3, 2]):
        for row in df.iter_rows(named=True):
            code = str(row[col]).zfill(width)
            for ind in INDICATORS:
                if row[PRESENT_BY[ind]] > 0:
                    q = "AtLeast" if ind == "conference_participants" and row["participants_at_least"] else "Exact"
                    out[(code, ind, row["actor"])] = (row[ind], q)
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    jsonl, totals_path = sys.argv[1], sys.argv[2]
    print(f"polars_version={pl.__version__}")
    print(f"polars_threads={pl.thread_pool_size()}")
    t0 = time.perf_counter()
    df = flatten(jsonl)
    print(f"records={df.height}")
    print(f"flatten_s={time.perf_counter() - t0:.4f}")
    with tempfile.TemporaryDirectory() as tmp:
        csv_path, pq_path = os.path.join(tmp, "records.csv"), os.path.join(tmp, "records.parquet")
        df.write_csv(csv_path)
        df.write_parquet(pq_path)
        print(f"csv_bytes={os.path.getsize(csv_path)}")
        print(f"parquet_bytes={os.path.getsize(pq_path)}")
        levels = timed("rollup_in_memory", lambda: rollup(df))
        timed("csv_to_totals", lambda: rollup(pl.read_csv(csv_path)))
        timed("parquet_to_totals", lambda: rollup(pl.read_parquet(pq_path)))
        grouped = timed("grouped_rollup_in_memory", lambda: rollup_grouped(df))
        grouped_csv = timed("grouped_csv_to_totals", lambda: rollup_grouped(pl.scan_csv(csv_path)))
        timed("grouped_parquet_to_totals", lambda: rollup_grouped(pl.scan_parquet(pq_path)))
    for label, other in [("grouped", grouped), ("grouped_csv", grouped_csv)]:
        if cells(other) != cells(levels):
            print(f"MISMATCH between the {label} and the plain formulation")
            sys.exit(1)
    mine = cells(levels)
    with open(totals_path) as f:
        crate = {(c["unit"], c["indicator"], c["actor"]): (c["value"], c["qualifier"]) for c in json.load(f)}
    if mine != crate:
        missing = set(crate) - set(mine)
        extra = set(mine) - set(crate)
        diff = [k for k in set(mine) & set(crate) if mine[k] != crate[k]]
        print(f"MISMATCH: {len(missing)} missing, {len(extra)} extra, {len(diff)} different, e.g. "
              f"{sorted(missing)[:2]} {sorted(extra)[:2]} {[(k, mine[k], crate[k]) for k in diff[:2]]}")
        sys.exit(1)
    print(f"totals_equal_crate=true cells={len(mine)}")


if __name__ == "__main__":
    main()
