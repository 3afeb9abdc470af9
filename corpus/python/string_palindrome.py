import random

N = __SIZE__
rng = random.Random(6)
s = "".join(rng.choice("ab") for _ in range(N))


def longest_palindrome(s):
    best = (0, 0)
    for center in range(2 * len(s) - 1):
        lo = center // 2
        hi = lo + center % 2
        while lo >= 0 and hi < len(s) and s[lo] == s[hi]:
            lo -= 1
            hi += 1
        if hi - lo - 1 > best[1] - best[0]:
            best = (lo + 1, hi)
    return s[best[0]:best[1]]


p = longest_palindrome(s)
print("longest palindrome", len(p), p == p[::-1])
