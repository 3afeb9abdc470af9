import random

N = __SIZE__


def solve(a, b):
    n = len(a)
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[piv] = a[piv], a[col]
        b[col], b[piv] = b[piv], b[col]
        p = a[col][col]
        for r in range(col + 1, n):
            f = a[r][col] / p
            if f:
                ra, rc = a[r], a[col]
                for c in range(col, n):
                    ra[c] -= f * rc[c]
                b[r] -= f * b[col]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        s = b[r] - sum(a[r][c] * x[c] for c in range(r + 1, n))
        x[r] = s / a[r][r]
    return x


rng = random.Random(31)
a = [[rng.random() + (N if i == j else 0) for j in range(N)] for i in range(N)]
truth = [rng.random() for _ in range(N)]
b = [sum(a[i][j] * truth[j] for j in range(N)) for i in range(N)]
x = solve([row[:] for row in a], b[:])
err = max(abs(x[i] - truth[i]) for i in range(N))
print("gauss", N, "maxerr<1e-6", err < 1e-6)
