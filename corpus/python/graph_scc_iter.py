import random

V = __SIZE__


def make_graph(n, seed):
    rng = random.Random(seed)
    g = [[] for _ in range(n)]
    for u in range(n):
        for _ in range(3):
            g[u].append(rng.randrange(n))
    return g


def kosaraju(g):
    n = len(g)
    seen = [False] * n
    order = []
    for s in range(n):
        if seen[s]:
            continue
        stack = [(s, 0)]
        seen[s] = True
        while stack:
            u, i = stack[-1]
            if i < len(g[u]):
                stack[-1] = (u, i + 1)
                v = g[u][i]
                if not seen[v]:
                    seen[v] = True
                    stack.append((v, 0))
            else:
                order.append(u)
                stack.pop()
    rg = [[] for _ in range(n)]
    for u in range(n):
        for v in g[u]:
            rg[v].append(u)
    comp = [-1] * n
    c = 0
    for s in reversed(order):
        if comp[s] >= 0:
            continue
        comp[s] = c
        todo = [s]
        while todo:
            u = todo.pop()
            for v in rg[u]:
                if comp[v] < 0:
                    comp[v] = c
                    todo.append(v)
        c += 1
    return c, comp


count, comp = kosaraju(make_graph(V, 17))
sizes = {}
for x in comp:
    sizes[x] = sizes.get(x, 0) + 1
print("scc", count, "largest", max(sizes.values()))
