import random

N = __SIZE__
random.seed(1)
A = [[random.random() for _ in range(N)] for _ in range(N)]
B = [[random.random() for _ in range(N)] for _ in range(N)]
C = [[0.0] * N for _ in range(N)]
for i in range(N):
    Ai = A[i]
    Ci = C[i]
    for k in range(N):
        a = Ai[k]
        Bk = B[k]
        for j in range(N):
            Ci[j] += a * Bk[j]
trace = sum(C[i][i] for i in range(N))
print("matmul", N, "trace", round(trace, 6))
