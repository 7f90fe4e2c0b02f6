#!/usr/bin/env python3
"""One admaudit audit across a Spark cluster: each partition of the inputs is audited by
`admaudit run --save-state` on an executor, and the driver merges the states with
`admaudit merge` into the report one run over all the inputs gives.

    python3 examples/spark/audit.py -p PIPELINE -o OUT [--as-of YYYY-MM-DD] [--partitions N]
                                    [--master local[2]] [--admaudit PATH] INPUT...

INPUT is a file or a folder (its *.csv files, by name). The inputs are cut into at most N
partitions of whole files, in the order given, each about the same number of bytes, so
that shard order is data order (the first spelling of a group wins, as in one run). A
single large export should first be cut into files of whole rows (one per month or site,
as HR systems export them); admaudit then reports on each file and on them all.

Every executor must reach the admaudit binary (--admaudit, default: `admaudit` on PATH, or
the package's release build) and the inputs at the same paths: a shared file system. Give
every shard the same pseudonym key (ADMAUDIT_PSEUDONYM_KEY in the environment, passed to
the executors here), so that a worker has one pseudonym across shards.

OUT/shards/shard-K holds each partition's outputs and state; OUT/merged the merged report,
with the shards' findings.csv and rejects.csv gathered in order. Exit status: the merge's,
as `admaudit run` over all the inputs would give it (0; 3 when more rows were rejected than
the pipeline's input.max_rejected allows, the report written all the same); 1 when a
partition or the merge failed (its error is printed); 2 for bad arguments or inputs.
"""
import argparse
import os
import shutil
import subprocess
import sys


def inputs_in_order(paths, parser):
    """Files as given; a folder's *.csv files by name, in code point order (part-10 before
    part-2: name them with leading zeros, or give the files in order)."""
    files = []
    for path in paths:
        if os.path.isdir(path):
            files += sorted(os.path.join(path, name) for name in os.listdir(path) if name.lower().endswith(".csv"))
        elif os.path.isfile(path):
            files.append(path)
        else:
            parser.error(f"{path}: no such file or folder")
    # As given: the reports name each input as the user wrote it, as `admaudit run` does.
    return files


def partitions(files, count):
    """Contiguous groups of whole files, each near an equal share of the bytes."""
    count = max(1, min(count, len(files)))
    total = sum(os.path.getsize(f) for f in files) or 1
    groups, current, done = [], [], 0
    for index, path in enumerate(files):
        current.append(path)
        done += os.path.getsize(path)
        left_files, left_groups = len(files) - index - 1, count - len(groups) - 1
        # Close the group at its share of the bytes, or when each remaining group needs a file.
        if left_groups > 0 and (done >= total * (len(groups) + 1) / count or left_files == left_groups):
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def find_admaudit(given):
    if given:
        # A bare name is looked up on PATH, as a shell would.
        return os.path.abspath(given) if os.sep in given else (shutil.which(given) or os.path.abspath(given))
    on_path = shutil.which("admaudit")
    if on_path:
        return on_path
    here = os.path.dirname(os.path.abspath(__file__))
    build = os.path.join(here, "..", "..", ".build", "release", "admaudit")
    if os.path.isfile(build):
        return os.path.abspath(build)
    raise SystemExit("audit.py: no admaudit binary: give --admaudit, or build it with `swift build -c release`")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-p", "--pipeline", required=True)
    parser.add_argument("-o", "--out", required=True)
    parser.add_argument("--as-of", dest="as_of")
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--master", default=None, help="Spark master (default: local[N] with N partitions)")
    parser.add_argument("--admaudit")
    parser.add_argument("inputs", nargs="+")
    args = parser.parse_args()
    if args.partitions < 1:
        parser.error("--partitions must be at least 1")

    files = inputs_in_order(args.inputs, parser)
    if not files:
        parser.error("no CSV inputs found")
    admaudit = find_admaudit(args.admaudit)
    pipeline = os.path.abspath(args.pipeline)
    out = os.path.abspath(args.out)
    # Executors run admaudit where the driver was started, so relative input paths resolve alike.
    here = os.getcwd()
    shards_dir = os.path.join(out, "shards")
    os.makedirs(shards_dir, exist_ok=True)
    groups = partitions(files, args.partitions)

    from pyspark.sql import SparkSession  # imported late: --help works without pyspark

    spark = (SparkSession.builder.master(args.master or f"local[{len(groups)}]").appName("admaudit")
             .config("spark.ui.enabled", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    environment = {k: v for k, v in os.environ.items() if k.startswith("ADMAUDIT_")}
    as_of = ["--as-of", args.as_of] if args.as_of else []

    def audit(item):
        index, group = item
        shard = os.path.join(shards_dir, f"shard-{index:04d}")
        env = dict(os.environ, **environment)
        run = subprocess.run([admaudit, "run", "--save-state", "-p", pipeline, "-o", shard] + as_of + group,
                             capture_output=True, text=True, env=env, cwd=here)
        return index, shard, run.returncode, run.stderr[-4000:]

    try:
        results = sorted(spark.sparkContext.parallelize(list(enumerate(groups)), len(groups)).map(audit).collect())
    finally:
        spark.stop()
    # Exit 3 with a state written: the shard was audited, with more rows rejected than the
    # pipeline allows; the merge says so for the whole, as one run would.
    failed = [r for r in results if r[2] != 0 and not (r[2] == 3 and os.path.isfile(os.path.join(r[1], "state.json")))]
    for index, shard, code, err in failed:
        print(f"audit.py: partition {index} ({shard}) failed with exit status {code}:\n{err}", file=sys.stderr)
    if failed:
        return 1

    states = [os.path.join(shard, "state.json") for _, shard, _, _ in results]
    merge = subprocess.run([admaudit, "merge", "-p", pipeline, "-o", os.path.join(out, "merged")] + states)
    if merge.returncode not in (0, 3) or not os.path.isfile(os.path.join(out, "merged", "report.json")):
        print(f"audit.py: the merge failed with exit status {merge.returncode}", file=sys.stderr)
        return 1
    print(f"audit.py: {len(files)} input(s) in {len(groups)} partition(s); merged report in {os.path.join(out, 'merged')}",
          file=sys.stderr)
    return merge.returncode


if __name__ == "__main__":
    sys.exit(main())
