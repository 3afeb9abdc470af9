import random


class Config:
    NODES = __SIZE__
    EDGES_PER_NODE = 3
    SEED = 9001


class DisjointSet:
    __slots__ = ("parent", "size", "sets")

    def __init__(self, n):
        self.parent = list(range(n))
        self.size = [1] * n
        self.sets = n

    def find(self, x):
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        self.sets -= 1
        return True


def random_edges(cfg):
    rng = random.Random(cfg.SEED)
    n = cfg.NODES
    edges = []
    for u in range(n):
        for _ in range(cfg.EDGES_PER_NODE):
            v = rng.randrange(n)
            if v != u:
                edges.append((rng.randint(1, 10_000), u, v))
    return edges


def kruskal(n, edges):
    dsu = DisjointSet(n)
    total = used = 0
    for w, u, v in sorted(edges):
        if dsu.union(u, v):
            total += w
            used += 1
            if used == n - 1:
                break
    return total, used, dsu.sets


cfg = Config()
edges = random_edges(cfg)
weight, used, forests = kruskal(cfg.NODES, edges)
print(f"nodes={cfg.NODES} edges={len(edges)} forest_weight={weight} tree_edges={used} components={forests}")
