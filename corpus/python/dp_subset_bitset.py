import random

ITEMS = __SIZE__


def reachable_sums(weights):
    bits = 1  # bit k set <=> some subset sums to k
    for w in weights:
        bits |= bits << w
    return bits


def closest_split(bits, total):
    half = total // 2
    # highest reachable sum not above half
    low = bits & ((1 << (half + 1)) - 1)
    return total - 2 * (low.bit_length() - 1)


rng = random.Random(424242)
weights = [rng.randint(1, 900) for _ in range(ITEMS)]
total = sum(weights)
bits = reachable_sums(weights)
print("items", ITEMS, "total", total, "distinct sums", bits.bit_count(), "best split diff", closest_split(bits, total))
