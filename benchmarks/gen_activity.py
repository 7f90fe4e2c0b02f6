"""Usage: python gen_activity.py N_EVENTS OUT.csv [--workers 10000] [--seed 7]

A synthetic activity log for the benchmark of issue 13: N events of `--workers` workers over
twelve weeks from 2025-09-15 (Asia/Shanghai local times), in the shape of a chat and login
export (worker, start, end, channel, direction, reply asked): logins on working days, chat
messages at any hour, a share of them employer contacts at night. Seeded: the same arguments
give the same bytes; events come in time order across workers, as a log is written.
"""
import argparse
import random
from datetime import datetime, timedelta

parser = argparse.ArgumentParser()
parser.add_argument("events", type=int)
parser.add_argument("out")
parser.add_argument("--workers", type=int, default=10_000)
parser.add_argument("--seed", type=int, default=7)
args = parser.parse_args()

rng = random.Random(args.seed)
start = datetime(2025, 9, 15)
span = 12 * 7 * 86_400
step = span / max(args.events, 1)
channels = ["DingTalk", "WeCom", "VPN", "e-mail"]
with open(args.out, "w", encoding="utf-8", newline="") as out:
    out.write("worker_id,started_at,ended_at,channel,direction,reply_requested\n")
    for i in range(args.events):
        at = start + timedelta(seconds=int(i * step))
        worker = f"W{rng.randrange(args.workers):06d}"
        kind = rng.random()
        if kind < 0.15:
            end = at + timedelta(minutes=rng.randrange(30, 600))
            row = (worker, at.strftime("%Y-%m-%d %H:%M:%S"), end.strftime("%Y-%m-%d %H:%M:%S"), "VPN", "worker action", "no")
        elif kind < 0.30:
            row = (worker, at.strftime("%Y-%m-%d %H:%M:%S"), "", rng.choice(channels[:2]), "contact", "yes" if rng.random() < 0.5 else "no")
        else:
            row = (worker, at.strftime("%Y-%m-%d %H:%M:%S"), "", rng.choice(channels), rng.choice(["worker action", "reply"]), "no")
        out.write(",".join(row) + "\n")
