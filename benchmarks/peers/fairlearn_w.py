"""The selection part of workload W in fairlearn (MetricFrame: selection rate and count by
sex × ethnicity; its rates by sex and by ethnicity follow from the same counts).
Usage: fairlearn_w.py FILE"""
import sys
import pandas as pd
from fairlearn.metrics import MetricFrame, count, selection_rate
from w_output import emit

df = pd.read_csv(sys.argv[1], usecols=["outcome", "sex", "ethnicity"])
y = df["outcome"].eq("favorable").astype(int)
frame = MetricFrame(metrics={"selection_rate": selection_rate, "count": count}, y_true=y, y_pred=y,
                    sensitive_features=df[["sex", "ethnicity"]])
emit({key: (int(row["count"]), int(round(row["selection_rate"] * row["count"])))
      for key, row in frame.by_group.iterrows() if row["count"] > 0})
