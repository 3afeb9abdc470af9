"""Bottom-up (iterative) merge sort of 64-bit integers held in array('q').

Two equally sized arrays are swapped after every pass, so the extra memory is one
second block of 8 bytes per element, allocated once up front.
"""
from array import array


def xorshift(seed):
    x = seed & 0xFFFFFFFFFFFFFFFF
    while True:
        x ^= (x << 13) & 0xFFFFFFFFFFFFFFFF
        x ^= x >> 7
        x ^= (x << 17) & 0xFFFFFFFFFFFFFFFF
        yield x


def merge_pass(src, dst, width, n):
    for lo in range(0, n, 2 * width):
        mid = min(lo + width, n)
        hi = min(lo + 2 * width, n)
        i, j, k = lo, mid, lo
        while i < mid and j < hi:
            a, b = src[i], src[j]
            if a <= b:
                dst[k] = a
                i += 1
            else:
                dst[k] = b
                j += 1
            k += 1
        if i < mid:
            dst[k:hi] = src[i:mid]
        elif j < hi:
            dst[k:hi] = src[j:hi]


def bottom_up_sort(values):
    n = len(values)
    src, dst = values, array("q", bytes(8 * n))
    width = 1
    passes = 0
    while width < n:
        merge_pass(src, dst, width, n)
        src, dst = dst, src
        width <<= 1
        passes += 1
    return src, passes


def run(count):
    gen = xorshift(0x9E3779B97F4A7C15)
    data = array("q", ((next(gen) >> 20) - (1 << 43) for _ in range(count)))
    reference_sum = sum(data)
    result, passes = bottom_up_sort(data)
    ok = all(result[i] <= result[i + 1] for i in range(len(result) - 1)) and sum(result) == reference_sum
    mix = 0
    for i in range(0, len(result), max(1, len(result) // 64)):
        mix = (mix * 1000003 + result[i]) & 0xFFFFFFFF
    print("sorted", count, "passes", passes, "ok", ok, "mix %08x" % mix)


run(__SIZE__)
