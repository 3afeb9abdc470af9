import hashlib
from concurrent.futures import ThreadPoolExecutor

BLOCKS = __SIZE__
BLOCK = 1 << 20


def work(i):
    data = bytes([i & 0xFF]) * BLOCK
    h = hashlib.sha256(data)
    for _ in range(3):
        h = hashlib.sha256(h.digest() + data)
    return h.hexdigest()[:8]


with ThreadPoolExecutor(max_workers=2) as ex:
    digests = list(ex.map(work, range(BLOCKS)))
print("blocks", BLOCKS, "first", digests[0], "last", digests[-1])
