import sys
from collections import deque


def read_values(stream):
    vals = []
    for line in stream:
        line = line.strip()
        if line.lstrip("-").isdigit():
            vals.append(int(line))
    return vals


def build_dag(vals):
    n = len(vals)
    adj = [[] for _ in range(n)]
    indeg = [0] * n
    for i, v in enumerate(vals):
        a = abs(v)
        targets = {i + 1 + a % 16}
        if a % 3 == 0:
            targets.add(i + 1 + (a // 16) % 64)
        for t in targets:
            if t < n:
                adj[i].append(t)
                indeg[t] += 1
    return adj, indeg


def kahn(adj, indeg, weights):
    n = len(adj)
    indeg = indeg[:]
    best = [w for w in weights]
    queue = deque(i for i in range(n) if indeg[i] == 0)
    sources = len(queue)
    order = 0
    while queue:
        u = queue.popleft()
        order += 1
        for v in adj[u]:
            cand = best[u] + weights[v]
            if cand > best[v]:
                best[v] = cand
            indeg[v] -= 1
            if indeg[v] == 0:
                queue.append(v)
    return order, sources, max(best, default=0)


values = read_values(sys.stdin)
adj, indeg = build_dag(values)
weights = [v % 1000 for v in values]
ordered, sources, longest = kahn(adj, indeg, weights)
print("nodes", len(values), "edges", sum(map(len, adj)), "ordered", ordered, "sources", sources, "heaviest path", longest)
