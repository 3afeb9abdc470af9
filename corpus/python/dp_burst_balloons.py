import random

n_balloons = __SIZE__

rng = random.Random(5)
vals = [1] + [rng.randint(1, 100) for _ in range(n_balloons)] + [1]
m = len(vals)

# dp[i][j]: best coins from bursting everything strictly between i and j
dp = [[0] * m for _ in range(m)]
for span in range(2, m):
    for i in range(0, m - span):
        j = i + span
        row_i = dp[i]
        edge = vals[i] * vals[j]
        row_i[j] = max(row_i[k] + dp[k][j] + edge * vals[k] for k in range(i + 1, j))

print("balloons", n_balloons, "max coins", dp[0][m - 1])
