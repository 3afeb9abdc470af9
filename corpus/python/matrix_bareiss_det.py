import random

ORDER = __SIZE__
PRIME = 1_000_000_007


def bareiss(m):
    """Fraction-free Gaussian elimination; returns the exact determinant."""
    a = [row[:] for row in m]
    n = len(a)
    sign, prev = 1, 1
    for k in range(n - 1):
        if a[k][k] == 0:
            swap = next((r for r in range(k + 1, n) if a[r][k] != 0), None)
            if swap is None:
                return 0
            a[k], a[swap] = a[swap], a[k]
            sign = -sign
        akk = a[k][k]
        rk = a[k]
        for i in range(k + 1, n):
            ri = a[i]
            aik = ri[k]
            for j in range(k + 1, n):
                ri[j] = (ri[j] * akk - aik * rk[j]) // prev
        prev = akk
    return sign * a[n - 1][n - 1]


def det_mod(m, p):
    a = [[x % p for x in row] for row in m]
    n = len(a)
    det = 1
    for c in range(n):
        piv = next((r for r in range(c, n) if a[r][c]), None)
        if piv is None:
            return 0
        if piv != c:
            a[c], a[piv] = a[piv], a[c]
            det = -det
        det = det * a[c][c] % p
        inv = pow(a[c][c], p - 2, p)
        for r in range(c + 1, n):
            f = a[r][c] * inv % p
            if f:
                a[r] = [(x - f * y) % p for x, y in zip(a[r], a[c])]
    return det % p


rng = random.Random(31337)
mat = [[rng.randint(-9, 9) for _ in range(ORDER)] for _ in range(ORDER)]
d = bareiss(mat)
check = det_mod(mat, PRIME)
print("order", ORDER, "det digits", len(str(abs(d))), "mod p", d % PRIME, "match", d % PRIME == check)
