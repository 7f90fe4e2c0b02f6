"""The selection part of workload W in Aequitas (Group().get_crosstabs: group sizes and
predicted positives by sex × ethnicity). Aequitas wants a label too; HR exports hold no
ground truth, so the label is the decision itself. Usage: aequitas_w.py FILE"""
import sys
import pandas as pd
from aequitas.group import Group
from w_output import emit

df = pd.read_csv(sys.argv[1], usecols=["outcome", "sex", "ethnicity"])
decided = df["outcome"].eq("favorable").astype(int)
frame = pd.DataFrame({"score": decided, "label_value": decided,
                      "sex_ethnicity": df["sex"].astype(str) + "\t" + df["ethnicity"].astype(str)})
crosstabs, _ = Group().get_crosstabs(frame, attr_cols=["sex_ethnicity"])
emit({tuple(row["attribute_value"].split("\t")): (int(row["group_size"]), int(row["pp"])) for _, row in crosstabs.iterrows()})
