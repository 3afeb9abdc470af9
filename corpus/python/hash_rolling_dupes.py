import random

TEXT_LEN = __SIZE__
MOD = (1 << 61) - 1
BASE = 1_000_003


def make_text(n, rng):
    chars = [rng.choice("acgt") for _ in range(n)]
    # plant a few copies of a long random block
    block = [rng.choice("acgt") for _ in range(max(4, n // 50))]
    for _ in range(3):
        pos = rng.randrange(0, max(1, n - len(block)))
        chars[pos:pos + len(block)] = block
    return "".join(chars)[:n]


def repeated_at(s, length, powl):
    if length == 0:
        return 0
    h = 0
    for ch in s[:length]:
        h = (h * BASE + ord(ch)) % MOD
    seen = {h: [0]}
    for i in range(1, len(s) - length + 1):
        h = ((h - ord(s[i - 1]) * powl) * BASE + ord(s[i + length - 1])) % MOD
        bucket = seen.get(h)
        if bucket is None:
            seen[h] = [i]
            continue
        sub = s[i:i + length]
        for j in bucket:
            if s[j:j + length] == sub:
                return j
        bucket.append(i)
    return -1


def longest_repeat(s):
    lo, hi, where = 0, len(s) - 1, 0
    while lo < hi:
        mid = (lo + hi + 1) // 2
        pos = repeated_at(s, mid, pow(BASE, mid - 1, MOD))
        if pos >= 0:
            lo, where = mid, pos
        else:
            hi = mid - 1
    return lo, where


text = make_text(TEXT_LEN, random.Random(8080))
length, pos = longest_repeat(text)
print("text", TEXT_LEN, "longest repeat", length, "at", pos, "sample", text[pos:pos + 12])
