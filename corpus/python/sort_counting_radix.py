import random

N = __SIZE__
random.seed(99)
nums = [random.getrandbits(32) for _ in range(N)]


def radix_sort(xs, bits=8):
    mask = (1 << bits) - 1
    shift = 0
    while shift < 32:
        buckets = [[] for _ in range(1 << bits)]
        for x in xs:
            buckets[(x >> shift) & mask].append(x)
        xs = [x for b in buckets for x in b]
        shift += bits
    return xs


s = radix_sort(nums)
print("radix", len(s), s == sorted(nums), s[len(s) // 2])
