"""The one output every peer of workload W prints, so `agree.py` can compare them:
counts (n, favourable) per group of sex, ethnicity and sex × ethnicity; score count,
mean, sd, min, max by sex; rows, rows lacking human review, and the adverse ones among
them. JSON with sorted keys on one line."""
import json


def emit(cells, scores, rows, unreviewed, unreviewed_adverse):
    """cells: {(sex, ethnicity): (n, favourable)}; scores: {sex: (count, mean, sd, min, max)}."""
    groups = {"sex": {}, "ethnicity": {}, "sex × ethnicity": {}}
    for (sex, eth), (n, fav) in cells.items():
        for attribute, key in (("sex", sex), ("ethnicity", eth), ("sex × ethnicity", f"{sex} × {eth}")):
            old = groups[attribute].get(key, [0, 0])
            groups[attribute][key] = [old[0] + int(n), old[1] + int(fav)]
    print(json.dumps({
        "groups": groups,
        "scores_by_sex": {k: [int(v[0])] + [float(x) for x in v[1:]] for k, v in scores.items()},
        "rows": int(rows), "unreviewed": int(unreviewed), "unreviewed_adverse": int(unreviewed_adverse),
    }, sort_keys=True, ensure_ascii=False))
