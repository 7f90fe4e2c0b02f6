"""Workload W in DuckDB (read_csv over the file, all aggregates in SQL, both cores).
Usage: duckdb_w.py FILE"""
import sys
import duckdb
from w_output import emit

con = duckdb.connect()
con.execute("""CREATE TEMP TABLE agg AS
  SELECT sex, ethnicity, count(*) AS n, sum(fav::INT) AS f, count(score) AS sn, sum(score) AS ssum,
         sum(score * score) AS ssq, min(score) AS lo, max(score) AS hi, sum(unrev::INT) AS unrev,
         sum((unrev AND NOT fav)::INT) AS unrev_adv
  FROM (SELECT outcome = 'favorable' AS fav, score, sex, ethnicity,
               coalesce(lower(CAST(human_reviewed AS VARCHAR)) <> 'true', true) AS unrev
        FROM read_csv(?, header = true))
  GROUP BY ALL""", [sys.argv[1]])
cells = {(s, e): (n, f) for s, e, n, f in con.sql("SELECT sex, ethnicity, n, f FROM agg").fetchall()}
scores = {s: (n, mean, sd, lo, hi) for s, n, mean, sd, lo, hi in con.sql("""
  SELECT sex, sum(sn), sum(ssum) / sum(sn), sqrt((sum(ssq) - sum(ssum) ^ 2 / sum(sn)) / (sum(sn) - 1)), min(lo), max(hi)
  FROM agg GROUP BY sex""").fetchall()}
rows, unrev, unrev_adv = con.sql("SELECT sum(n), sum(unrev), sum(unrev_adv) FROM agg").fetchall()[0]
emit(cells, scores, rows, unrev, unrev_adv)
