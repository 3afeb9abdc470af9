import heapq
import random

V = __SIZE__
E = V * 6
rng = random.Random(21)
adj = [[] for _ in range(V)]
for v in range(1, V):
    u = rng.randrange(v)
    w = rng.randint(1, 100)
    adj[u].append((v, w))
    adj[v].append((u, w))
for _ in range(E - V):
    u, v = rng.randrange(V), rng.randrange(V)
    w = rng.randint(1, 100)
    adj[u].append((v, w))


def dijkstra(src):
    dist = [float("inf")] * V
    dist[src] = 0
    pq = [(0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist[u]:
            continue
        for v, w in adj[u]:
            nd = d + w
            if nd < dist[v]:
                dist[v] = nd
                heapq.heappush(pq, (nd, v))
    return dist


dist = dijkstra(0)
print("vertices", V, "max_dist", max(dist), "sum", sum(dist) % 1000003)
