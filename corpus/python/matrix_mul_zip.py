import random

N = __SIZE__
rng = random.Random(2)
A = [[rng.uniform(-1, 1) for _ in range(N)] for _ in range(N)]
B = [[rng.uniform(-1, 1) for _ in range(N)] for _ in range(N)]
BT = list(zip(*B))
C = [[sum(x * y for x, y in zip(row, col)) for col in BT] for row in A]
fro = sum(v * v for row in C for v in row) ** 0.5
print("matmul-zip", N, "frobenius", round(fro, 6))
