# All-pairs shortest paths (Floyd-Warshall) on a dense random digraph, keeping both the
# distance and the next-hop matrices (two n*n lists of lists) for path reconstruction.
import random

INF = float("inf")


class Graph:
    def __init__(self, n, density=0.15, seed=99):
        rng = random.Random(seed)
        self.n = n
        self.dist = [[0 if i == j else (rng.randint(1, 100) if rng.random() < density else INF) for j in range(n)] for i in range(n)]
        self.nxt = [[j if self.dist[i][j] < INF else -1 for j in range(n)] for i in range(n)]

    def close(self):
        n, dist, nxt = self.n, self.dist, self.nxt
        for k in range(n):
            row_k = dist[k]
            for i in range(n):
                dik = dist[i][k]
                if dik == INF:
                    continue
                row_i = dist[i]
                hop = nxt[i]
                hop_k = hop[k]
                for j, dkj in enumerate(row_k):
                    c = dik + dkj
                    if c < row_i[j]:
                        row_i[j] = c
                        hop[j] = hop_k

    def path(self, u, v):
        if self.nxt[u][v] < 0:
            return []
        out = [u]
        while u != v:
            u = self.nxt[u][v]
            out.append(u)
        return out


g = Graph(__SIZE__)
g.close()
reach = sum(1 for row in g.dist for d in row if d < INF)
total = sum(d for row in g.dist for d in row if d < INF)
longest = max((len(g.path(0, v)) for v in range(g.n)), default=0)
print("vertices", g.n, "reachable_pairs", reach, "dist_sum", total, "longest_path_from_0", longest)
