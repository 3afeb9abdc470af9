import bz2
import lzma
import random

N = __SIZE__
rng = random.Random(22)
rows = ["%d,%s,%0.3f" % (i, rng.choice(["red", "green", "blue"]), rng.random()) for i in range(N)]
payload = "\n".join(rows).encode()
b = bz2.compress(payload, 9)
x = lzma.compress(payload, preset=1)
assert bz2.decompress(b) == payload and lzma.decompress(x) == payload
print("raw", len(payload), "bz2", len(b), "xz", len(x))
