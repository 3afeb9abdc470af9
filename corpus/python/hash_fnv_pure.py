import random

N = __SIZE__
FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3
MASK = (1 << 64) - 1


def fnv1a(data):
    h = FNV_OFFSET
    for b in data:
        h ^= b
        h = (h * FNV_PRIME) & MASK
    return h


rng = random.Random(16)
blob = bytes(rng.getrandbits(8) for _ in range(N))
chunks = [blob[i:i + 64] for i in range(0, len(blob), 64)]
table = {}
for c in chunks:
    table[fnv1a(c) & 0xFFFF] = table.get(fnv1a(c) & 0xFFFF, 0) + 1
print("bytes", N, "fnv", hex(fnv1a(blob)), "buckets", len(table))
