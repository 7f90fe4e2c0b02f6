"""Workload W in polars, lazy (scan_csv: both cores, streaming where it can).
Usage: polars_w.py FILE"""
import sys
import polars as pl
from w_output import emit

base = pl.scan_csv(sys.argv[1]).with_columns(
    fav=(pl.col("outcome") == "favorable"),
    unrev=(pl.col("human_reviewed").cast(pl.String).str.to_lowercase() != "true").fill_null(True))
cells, scores, totals = pl.collect_all([
    base.group_by("sex", "ethnicity").agg(n=pl.len(), f=pl.col("fav").sum()),
    base.group_by("sex").agg(n=pl.col("score").count(), mean=pl.col("score").mean(), sd=pl.col("score").std(),
                             lo=pl.col("score").min(), hi=pl.col("score").max()),
    base.select(rows=pl.len(), unrev=pl.col("unrev").sum(), unrev_adv=(pl.col("unrev") & ~pl.col("fav")).sum()),
])
emit({(r["sex"], r["ethnicity"]): (r["n"], r["f"]) for r in cells.iter_rows(named=True)},
     {r["sex"]: (r["n"], r["mean"], r["sd"], r["lo"], r["hi"]) for r in scores.iter_rows(named=True)},
     totals["rows"][0], totals["unrev"][0], totals["unrev_adv"][0])
