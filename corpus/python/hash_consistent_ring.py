import bisect
import hashlib
from collections import Counter

KEYS = __SIZE__
SERVERS = [f"cache-{i:02d}.internal" for i in range(10)]
VNODES = 64


def h64(s):
    return int.from_bytes(hashlib.md5(s.encode()).digest()[:8], "big")


class Ring:
    def __init__(self, servers, vnodes):
        self.vnodes = vnodes
        self.points = []
        self.owner = {}
        for s in servers:
            self.add(s)

    def add(self, server):
        for v in range(self.vnodes):
            p = h64(f"{server}#{v}")
            bisect.insort(self.points, p)
            self.owner[p] = server

    def remove(self, server):
        self.points = [p for p in self.points if self.owner[p] != server]
        self.owner = {p: self.owner[p] for p in self.points}

    def lookup(self, key_hash):
        i = bisect.bisect(self.points, key_hash)
        return self.owner[self.points[i % len(self.points)]]


ring = Ring(SERVERS, VNODES)
hashes = [h64(f"user:{k}:session") for k in range(KEYS)]
before = [ring.lookup(x) for x in hashes]
load = Counter(before)
ring.remove(SERVERS[3])
ring.add("cache-new.internal")
after = [ring.lookup(x) for x in hashes]
moved = sum(a != b for a, b in zip(before, after))
print("keys", KEYS, "max load", max(load.values()), "min load", min(load.values()), "moved", moved)
