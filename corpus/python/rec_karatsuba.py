import random
import sys

DIGITS = __SIZE__
CUTOFF = 24


def add(a, b):
    if len(a) < len(b):
        a, b = b, a
    out, carry = [], 0
    for i in range(len(a)):
        s = a[i] + (b[i] if i < len(b) else 0) + carry
        carry, d = divmod(s, 10)
        out.append(d)
    if carry:
        out.append(carry)
    return out


def sub(a, b):
    """a - b for a >= b, little-endian digit lists."""
    out, borrow = [], 0
    for i in range(len(a)):
        s = a[i] - (b[i] if i < len(b) else 0) - borrow
        borrow = 1 if s < 0 else 0
        out.append(s + 10 if s < 0 else s)
    while len(out) > 1 and out[-1] == 0:
        out.pop()
    return out


def school(a, b):
    out = [0] * (len(a) + len(b))
    for i, x in enumerate(a):
        if x:
            for j, y in enumerate(b):
                out[i + j] += x * y
    carry = 0
    for k in range(len(out)):
        carry, out[k] = divmod(out[k] + carry, 10)
    while len(out) > 1 and out[-1] == 0:
        out.pop()
    return out


def karatsuba(a, b):
    if len(a) <= CUTOFF or len(b) <= CUTOFF:
        return school(a, b)
    m = max(len(a), len(b)) // 2
    a0, a1 = a[:m] or [0], a[m:] or [0]
    b0, b1 = b[:m] or [0], b[m:] or [0]
    z0 = karatsuba(a0, b0)
    z2 = karatsuba(a1, b1)
    z1 = sub(sub(karatsuba(add(a0, a1), add(b0, b1)), z0), z2)
    res = add(add(z0, [0] * m + z1), [0] * (2 * m) + z2)
    while len(res) > 1 and res[-1] == 0:
        res.pop()
    return res


def to_int(digits):
    return int("".join(map(str, reversed(digits))))


sys.set_int_max_str_digits(0)
rng = random.Random(1962)
x = [rng.randrange(10) for _ in range(DIGITS - 1)] + [rng.randrange(1, 10)]
y = [rng.randrange(10) for _ in range(DIGITS - 1)] + [rng.randrange(1, 10)]
prod = karatsuba(x, y)
ok = to_int(prod) == to_int(x) * to_int(y)
print("digits", DIGITS, "product digits", len(prod), "digit sum", sum(prod), "verified", ok)
