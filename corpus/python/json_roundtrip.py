import json
import random

N = __SIZE__
rng = random.Random(23)
records = [
    {"id": i, "name": "user%d" % i, "active": rng.random() < 0.5,
     "scores": [rng.randint(0, 100) for _ in range(5)],
     "address": {"city": rng.choice(["Oslo", "Lima", "Pune"]), "zip": "%05d" % rng.randrange(99999)}}
    for i in range(N)
]
text = json.dumps(records, sort_keys=True)
back = json.loads(text)
pretty = json.dumps(back[: max(1, N // 10)], indent=2)
avg = sum(sum(r["scores"]) for r in back) / max(1, len(back))
print("json bytes", len(text), "pretty", len(pretty), "avg", round(avg, 3))
