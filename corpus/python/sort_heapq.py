import heapq
import random

N = __SIZE__


class Record:
    __slots__ = ("key", "payload")

    def __init__(self, key, payload):
        self.key = key
        self.payload = payload

    def __lt__(self, other):
        return self.key < other.key


rng = random.Random(1234)
heap = []
for i in range(N):
    heapq.heappush(heap, Record(rng.randrange(10**9), i))
out = [heapq.heappop(heap).key for _ in range(len(heap))]
print("heapsort", len(out), out[0], out[-1], sum(out) % 99991)
