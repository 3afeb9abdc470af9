import random
from collections import defaultdict

N = __SIZE__
rng = random.Random(12)
letters = "abcdeilnorst"
words = ["".join(rng.choice(letters) for _ in range(rng.randint(3, 7))) for _ in range(N)]
groups = defaultdict(list)
for w in words:
    groups["".join(sorted(w))].append(w)
biggest = max(groups.values(), key=len)
multi = [g for g in groups.values() if len(g) > 1]
print("words", N, "groups", len(groups), "multi", len(multi), "biggest", len(biggest))
