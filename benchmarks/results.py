#!/usr/bin/env python3
"""Writes benchmarks/RESULTS.md from the runs `benchmarks/run` timed (results.tsv): the
medians of each tool at each size, their ratios, and the targets of issue 12 with whether
each is met. Usage: results.py results.tsv --work DIR --sizes 1M,10M [--memory-sizes 100M] --peers TEXT
--command TEXT (memory sizes: admaudit doing W once, beside the C baseline doing W)."""
import argparse
import csv
import os
import platform
import statistics
import subprocess

W, ONE_CORE, FULL = "admaudit, W", "admaudit, W, one core", "admaudit, every check and report"
NOOP, POLARS, DUCKDB = "C libcsv, do-nothing callbacks", "polars lazy, W", "DuckDB, W"
ACTIVITY = "admaudit, activity log"


def machine():
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    memory = next((int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal")), 0)
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    return (f"{len(os.sched_getaffinity(0))} CPUs available ({os.cpu_count()} on the machine), {model}, "
            f"{memory / 1024 / 1024:.0f} GiB, Linux {platform.release()}; {swift[0] if swift else 'swift ?'}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("--work")
    parser.add_argument("--sizes")
    parser.add_argument("--memory-sizes", default="")
    parser.add_argument("--peers")
    parser.add_argument("--command")
    args = parser.parse_args()
    runs = {}
    rounds = set()
    for row in csv.DictReader(open(args.results), delimiter="\t"):
        rounds.add(row["round"])
        runs.setdefault((row["rows"], row["tool"]), []).append(
            (float(row["wall_s"]), float(row["user_s"]) + float(row["sys_s"]), int(row["max_rss_kb"])))
    sizes = args.sizes.split(",")
    memory_sizes = [size for size in args.memory_sizes.split(",") if size]
    tools = [tool for tool in dict.fromkeys(tool for _, tool in runs) if tool != ACTIVITY]

    def median(size, tool, index):
        values = [run[index] for run in runs.get((size, tool), [])]
        return statistics.median(values) if values else float("nan")

    wall = lambda size, tool: median(size, tool, 0)
    out = ["# Benchmark results", "",
           f"Written by `{args.command}` (medians of {len(rounds)} interleaved rounds: every tool once per round).",
           f"Machine: {machine()}. Peers: {args.peers}.", "",
           "Workload W (the peers' work): selection rate and impact ratio by sex, ethnicity and sex × ethnicity; "
           "score count, mean, sd, min, max by sex; rows lacking human review and the adverse ones among them. "
           "admaudit does W with `benchmarks/W.yaml` (HR-01 only, report.json only) and everything with "
           "`benchmarks/full.yaml` (every check, report.json, report.md, report.html, findings.csv, rejects.csv). "
           "`agree.py` checked that every tool computed the same W at every size.", ""]
    for size in sizes:
        out += [f"## {size} rows", "", "| tool | wall | CPU (user + sys) | peak memory | wall ÷ polars lazy | wall ÷ DuckDB |",
                "|---|---:|---:|---:|---:|---:|"]
        for tool in tools:
            if (size, tool) not in runs:
                continue
            out.append(f"| {tool} | {wall(size, tool):.2f} s | {median(size, tool, 1):.2f} s | {median(size, tool, 2) / 1024:.0f} MB | "
                       f"{wall(size, tool) / wall(size, POLARS):.2f} | {wall(size, tool) / wall(size, DUCKDB):.2f} |")
        out.append("")
    for size in memory_sizes:
        out += [f"## {size} rows, memory alone", "",
                "Once, beside the C baseline doing W, whose numbers admaudit's agreed with; the peers and every check "
                "and report are left out at this size (`benchmarks/run`).", "",
                "| tool | wall | CPU (user + sys) | peak memory |", "|---|---:|---:|---:|"]
        for tool in tools:
            if (size, tool) in runs:
                out.append(f"| {tool} | {wall(size, tool):.2f} s | {median(size, tool, 1):.2f} s | {median(size, tool, 2) / 1024:.0f} MB |")
        out.append("")
    out += ["## Targets (issue 12)", "", "| target | measured | met |", "|---|---|---|"]

    def target(text, measured, met):
        out.append(f"| {text} | {measured} | {'yes' if met else '**no**'} |")

    for size in sizes:
        best_peer = min(wall(size, POLARS), wall(size, DUCKDB))
        target(f"{size}: W ≤ polars lazy and ≤ DuckDB", f"{wall(size, W):.2f} s against {wall(size, POLARS):.2f} s and {wall(size, DUCKDB):.2f} s",
               wall(size, W) <= best_peer)
        target(f"{size}: W ≤ 0.6 × the do-nothing C parse", f"{wall(size, W) / wall(size, NOOP):.2f} ×", wall(size, W) <= 0.6 * wall(size, NOOP))
        target(f"{size}: every check and report ≤ 2 × polars lazy doing W", f"{wall(size, FULL) / wall(size, POLARS):.2f} ×",
               wall(size, FULL) <= 2 * wall(size, POLARS))
        speedup = wall(size, ONE_CORE) / wall(size, W)
        target(f"{size}: both cores ≥ 1.8 × one core (W)", f"{speedup:.2f} ×", speedup >= 1.8)
    limits = {"1M": 64, "10M": 128, "100M": 256}
    for size in sizes + memory_sizes:
        if size in limits:
            measured = [median(size, tool, 2) for tool in (W, FULL) if (size, tool) in runs]
            peak = max(measured) / 1024
            what = "" if len(measured) == 2 else " (W)"
            target(f"{size}: peak memory ≤ {limits[size]} MB", f"{peak:.0f} MB{what}", peak <= limits[size])
    if "1M" in sizes and "10M" in sizes:
        scale = wall("10M", FULL) / wall("1M", FULL)
        target("10M ≤ 10.5 × the 1M time (every check)", f"{scale:.2f} ×", scale <= 10.5)
    logged = [size for size in sizes if (size, ACTIVITY) in runs]
    if logged:
        out += ["", "## Activity logs (issue 13)", "",
                "`benchmarks/gen_activity.py` makes a seeded log of as many events as the size (10,000 workers, twelve weeks, "
                "logins, chat messages and night contacts); admaudit reads it with `benchmarks/activity.yaml` (every working-time "
                "check under Chinese law, report.json and worktime.csv). Its memory grows with workers and weeks, not events.", "",
                "| events | wall | CPU (user + sys) | peak memory |", "|---|---:|---:|---:|"]
        for size in logged:
            out.append(f"| {size} | {wall(size, ACTIVITY):.2f} s | {median(size, ACTIVITY, 1):.2f} s | {median(size, ACTIVITY, 2) / 1024:.0f} MB |")
        if "1M" in logged and "10M" in logged:
            out += ["", f"10M events take {wall('10M', ACTIVITY) / wall('1M', ACTIVITY):.2f} × the time of 1M, in "
                        f"{median('10M', ACTIVITY, 2) / median('1M', ACTIVITY, 2):.2f} × the memory."]
    print("\n".join(out))


if __name__ == "__main__":
    main()
