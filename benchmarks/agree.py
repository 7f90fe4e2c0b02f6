#!/usr/bin/env python3
"""Checks that every tool of the benchmark computed the same workload W.

Usage: agree.py PEER.json... --admaudit report.json

The peers (C, polars, DuckDB, pandas; Aequitas and fairlearn, counts only) print
peers/w_output.py's output; they must agree exactly on counts and to 1e-9 (relative) on
score statistics. The first peer given must be a whole one (C). admaudit reports per
decision type and reads `undisclosed` and `prefer_not_to_say` as unknown (an answer
declined is no group), so its counts are summed over the decision types and compared
group by group, its unknowns against the peers' groups it has not; its scores by their
count and mean. Exits 1, naming the difference, when anything disagrees."""
import json
import math
import sys


def close(a, b, tolerance=1e-9):
    return math.isclose(a, b, rel_tol=tolerance, abs_tol=tolerance)


def peer_problems(name, peer, reference):
    """Aequitas and fairlearn give the selection counts only: what a peer gives is compared."""
    problems = []
    for key in ("groups", "rows", "unreviewed", "unreviewed_adverse"):
        if key in peer and peer[key] != reference[key]:
            problems.append(f"{name}: {key} differs")
    for sex, stats in reference["scores_by_sex"].items() if "scores_by_sex" in peer else []:
        mine = peer["scores_by_sex"].get(sex)
        if mine is None or mine[0] != stats[0] or not all(close(a, b) for a, b in zip(mine[1:], stats[1:])):
            problems.append(f"{name}: scores of {sex}: {mine} against {stats}")
    return problems


def admaudit_problems(report, reference):
    if not report["reconciliation"]["holds"] or report["reconciliation"]["rejected"]:
        return ["admaudit: rows were rejected or do not reconcile"]
    problems = []
    pooled, unknown = {}, {}
    for stratum in report["selection"]:
        if stratum.get("ladder") is not None:
            continue
        attribute = stratum["attribute"]
        unknown[attribute] = unknown.get(attribute, 0) + stratum["unknown"]
        for group in stratum["groups"]:
            n, favorable = pooled.setdefault(attribute, {}).get(group["group"], (0, 0))
            pooled[attribute][group["group"]] = (n + group["n"], favorable + group["favorable"])
    for attribute, groups in reference["groups"].items():
        mine = pooled.get(attribute, {})
        for group, (n, favorable) in mine.items():
            if groups.get(group) != [n, favorable]:
                problems.append(f"admaudit: {attribute} = {group}: {n}, {favorable} against {groups.get(group)}")
        declined = sum(counts[0] for group, counts in groups.items() if group not in mine)
        if attribute != "sex × ethnicity" and declined != unknown.get(attribute, 0):
            problems.append(f"admaudit: {attribute}: {unknown.get(attribute, 0)} unknown against {declined} in groups it has not")
    scored = {}
    for stratum in report["scores"]:
        if stratum["attribute"] != "sex":
            continue
        for group in stratum["groups"]:
            count, total = scored.get(group["group"], (0, 0.0))
            scored[group["group"]] = (count + group["n"], total + group["n"] * group["mean"])
    for sex, (count, total) in scored.items():
        stats = reference["scores_by_sex"].get(sex)
        if stats is None or stats[0] != count or not close(total / count, stats[1]):
            problems.append(f"admaudit: scores of {sex}: {count}, mean {total / count} against {stats}")
    if not pooled or not scored:
        problems.append("admaudit: no selection or scores in the report")
    return problems


def main(argv):
    if "--admaudit" not in argv or argv.index("--admaudit") < 2:
        sys.exit(__doc__)
    split = argv.index("--admaudit")
    peers = {path: json.load(open(path)) for path in argv[1:split]}
    report = json.load(open(argv[split + 1]))
    reference_name, reference = next(iter(peers.items()))
    problems = [p for name, peer in peers.items() for p in peer_problems(name, peer, reference)]
    problems += admaudit_problems(report, reference)
    for problem in problems:
        print(problem)
    print(f"{len(peers)} peers and admaudit agree on workload W ({reference['rows']} rows)" if not problems else f"{len(problems)} disagreements")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
