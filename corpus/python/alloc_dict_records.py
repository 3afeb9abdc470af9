import random

N = __SIZE__
rng = random.Random(27)
records = []
for i in range(N):
    records.append({"id": i, "name": "rec-%d" % i, "vals": [rng.random() for _ in range(8)], "meta": {"k": i % 13}})
by_key = {}
for r in records:
    by_key.setdefault(r["meta"]["k"], []).append(r)
total = sum(len(v) for v in by_key.values())
print("records", len(records), "groups", len(by_key), "total", total, "x", round(records[-1]["vals"][0], 6))
