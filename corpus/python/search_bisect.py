import bisect
import random

N = __SIZE__
rng = random.Random(5)
table = sorted(rng.randrange(N * 10) for _ in range(N))
hits = 0
pos_sum = 0
for _ in range(N * 2):
    q = rng.randrange(N * 10)
    i = bisect.bisect_left(table, q)
    if i < len(table) and table[i] == q:
        hits += 1
    pos_sum += i
print("lookups", N * 2, "hits", hits, "pos", pos_sum % 1000003)
