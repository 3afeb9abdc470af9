import random

N = __SIZE__
rng = random.Random(4)
a = "".join(rng.choice("ACGT") for _ in range(N))
b = "".join(rng.choice("ACGT") for _ in range(N))

prev = [0] * (N + 1)
for i in range(1, N + 1):
    cur = [0] * (N + 1)
    ai = a[i - 1]
    for j in range(1, N + 1):
        if ai == b[j - 1]:
            cur[j] = prev[j - 1] + 1
        else:
            cur[j] = prev[j] if prev[j] > cur[j - 1] else cur[j - 1]
    prev = cur
print("lcs length", prev[N], "of", N)
