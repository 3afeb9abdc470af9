import csv
import random

N = __SIZE__
rng = random.Random(28)
with open("data.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["id", "city", "temp", "rain"])
    for i in range(N):
        w.writerow([i, rng.choice(["Oslo", "Rome", "Kyiv", "Quito"]), round(rng.uniform(-10, 35), 2), rng.random() < 0.3])
stats = {}
with open("data.csv", newline="") as f:
    for row in csv.DictReader(f):
        s = stats.setdefault(row["city"], [0, 0.0])
        s[0] += 1
        s[1] += float(row["temp"])
print({k: (v[0], round(v[1] / v[0], 3)) for k, v in sorted(stats.items())})
