import random

N = __SIZE__


class OpenTable:
    def __init__(self, cap):
        self.cap = cap
        self.keys = [None] * cap
        self.vals = [0] * cap
        self.count = 0

    def _slot(self, key):
        i = (key * 2654435761) % self.cap
        while self.keys[i] is not None and self.keys[i] != key:
            i = (i + 1) % self.cap
        return i

    def add(self, key, v):
        i = self._slot(key)
        if self.keys[i] is None:
            self.keys[i] = key
            self.count += 1
        self.vals[i] += v

    def get(self, key):
        i = self._slot(key)
        return self.vals[i] if self.keys[i] == key else 0


rng = random.Random(18)
t = OpenTable(N * 2 + 1)
for _ in range(N):
    t.add(rng.randrange(N), 1)
probe = sum(t.get(k) for k in range(0, N, 3))
print("entries", t.count, "probe", probe)
