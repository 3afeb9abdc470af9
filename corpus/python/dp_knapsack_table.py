import random

ITEMS = __SIZE__
CAP = ITEMS * 5
random.seed(13)
weights = [random.randint(1, 50) for _ in range(ITEMS)]
values = [random.randint(1, 100) for _ in range(ITEMS)]

table = [[0] * (CAP + 1) for _ in range(ITEMS + 1)]
for i in range(1, ITEMS + 1):
    w, v = weights[i - 1], values[i - 1]
    row, prev = table[i], table[i - 1]
    for c in range(CAP + 1):
        best = prev[c]
        if c >= w and prev[c - w] + v > best:
            best = prev[c - w] + v
        row[c] = best
# reconstruct the chosen set
c = CAP
chosen = 0
for i in range(ITEMS, 0, -1):
    if table[i][c] != table[i - 1][c]:
        chosen += 1
        c -= weights[i - 1]
print("knapsack best", table[ITEMS][CAP], "items", chosen)
