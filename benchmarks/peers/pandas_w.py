"""Workload W in pandas, reading with pyarrow (one pass, whole file in memory).
Usage: pandas_w.py FILE"""
import sys
import pandas as pd
from w_output import emit

df = pd.read_csv(sys.argv[1], usecols=["outcome", "score", "human_reviewed", "sex", "ethnicity"], engine="pyarrow")
fav = df["outcome"].eq("favorable")
cells = fav.groupby([df["sex"], df["ethnicity"]]).agg(["size", "sum"])
scores = df.groupby("sex")["score"].agg(["count", "mean", "std", "min", "max"])
unrev = ~df["human_reviewed"].astype(str).str.lower().eq("true")
emit({k: (r["size"], r["sum"]) for k, r in cells.iterrows()},
     {k: tuple(r) for k, r in scores.iterrows()},
     len(df), unrev.sum(), (unrev & ~fav).sum())
