"""The one output every peer of workload W prints, so `agree.py` can compare them:
counts (n, favourable) per group of sex, ethnicity and sex × ethnicity; score count,
mean, sd, min, max by sex; rows, rows lacking human review, and the adverse ones among
them. JSON with sorted keys on one line."""
import json


def emit(cells, scores=None, rows=None, unreviewed=None, unreviewed_adverse=None):
    """cells: {(sex, ethnicity): (n, favourable)}; scores: {sex: (count, mean, sd, min, max)}.
    Aequitas and fairlearn give the selection counts only: the rest is left out."""
    groups = {"sex": {}, "ethnicity": {}, "sex × ethnicity": {}}
    for (sex, eth), (n, fav) in cells.items():
        for attribute, key in (("sex", sex), ("ethnicity", eth), ("sex × ethnicity", f"{sex} × {eth}")):
            old = groups[attribute].get(key, [0, 0])
            groups[attribute][key] = [old[0] + int(n), old[1] + int(fav)]
    output = {"groups": groups}
    if scores is not None:
        output["scores_by_sex"] = {k: [int(v[0])] + [float(x) for x in v[1:]] for k, v in scores.items()}
        output.update(rows=int(rows), unreviewed=int(unreviewed), unreviewed_adverse=int(unreviewed_adverse))
    print(json.dumps(output, sort_keys=True, ensure_ascii=False))
