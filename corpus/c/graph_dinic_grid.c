#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Dinic maximum flow on a side x side grid network: BFS level graph plus an
 * iterative blocking-flow search with current-arc pointers; paired edge arrays */
struct edge {
        int to, next, cap;
};

struct network {
        int nv, ne;
        int *head;
        struct edge *e;
};

static unsigned rs = 2024;
static int rcap(void)
{
        rs = rs * 214013u + 2531011u;
        return 1 + (int)((rs >> 16) % 20);
}

static void add_edge(struct network *g, int u, int v, int cap)
{
        g->e[g->ne] = (struct edge){v, g->head[u], cap};
        g->head[u] = g->ne++;
        g->e[g->ne] = (struct edge){u, g->head[v], 0};
        g->head[v] = g->ne++;
}

static int bfs(const struct network *g, int s, int t, int *level, int *queue)
{
        for (int i = 0; i < g->nv; i++)
                level[i] = -1;
        int qh = 0, qt = 0;
        level[s] = 0;
        queue[qt++] = s;
        while (qh < qt) {
                int u = queue[qh++];
                for (int k = g->head[u]; k >= 0; k = g->e[k].next)
                        if (g->e[k].cap > 0 && level[g->e[k].to] < 0) {
                                level[g->e[k].to] = level[u] + 1;
                                queue[qt++] = g->e[k].to;
                        }
        }
        return level[t] >= 0;
}

static long blocking_flow(struct network *g, int s, int t, int *level, int *cur, int *path)
{
        long flow = 0;
        int depth = 0, u = s;
        for (;;) {
                if (u == t) {
                        int push = 1 << 30, cut = 0;
                        for (int i = 0; i < depth; i++)
                                if (g->e[path[i]].cap < push)
                                        push = g->e[path[i]].cap, cut = i;
                        for (int i = 0; i < depth; i++) {
                                g->e[path[i]].cap -= push;
                                g->e[path[i] ^ 1].cap += push;
                        }
                        flow += push;
                        depth = cut;
                        u = depth ? g->e[path[depth - 1]].to : s;
                        continue;
                }
                int k;
                for (k = cur[u]; k >= 0; k = g->e[k].next)
                        if (g->e[k].cap > 0 && level[g->e[k].to] == level[u] + 1)
                                break;
                cur[u] = k;
                if (k >= 0) {
                        path[depth++] = k;
                        u = g->e[k].to;
                } else {
                        level[u] = -1; /* dead end */
                        if (depth == 0)
                                return flow;
                        depth--;
                        u = depth ? g->e[path[depth - 1]].to : s;
                        cur[u] = g->e[cur[u]].next;
                }
        }
}

static long run(int side)
{
        struct network g;
        g.nv = side * side + 2;
        int s = side * side, t = s + 1;
        int max_edges = 2 * (4 * side * side + 2 * side);
        g.head = malloc(sizeof(int) * g.nv);
        g.e = malloc(sizeof(struct edge) * max_edges);
        g.ne = 0;
        memset(g.head, -1, sizeof(int) * g.nv);
        for (int y = 0; y < side; y++)
                for (int x = 0; x < side; x++) {
                        int u = y * side + x;
                        if (x + 1 < side)
                                add_edge(&g, u, u + 1, rcap());
                        if (x > 0)
                                add_edge(&g, u, u - 1, rcap() / 2);
                        if (y + 1 < side)
                                add_edge(&g, u, u + side, rcap());
                        if (y > 0)
                                add_edge(&g, u, u - side, rcap());
                }
        for (int y = 0; y < side; y++) {
                add_edge(&g, s, y * side, 25);
                add_edge(&g, y * side + side - 1, t, 25);
        }
        int *level = malloc(sizeof(int) * g.nv), *queue = malloc(sizeof(int) * g.nv);
        int *cur = malloc(sizeof(int) * g.nv), *path = malloc(sizeof(int) * g.nv);
        long flow = 0;
        int phases = 0;
        while (bfs(&g, s, t, level, queue)) {
                memcpy(cur, g.head, sizeof(int) * g.nv);
                flow += blocking_flow(&g, s, t, level, cur, path);
                phases++;
        }
        printf("grid %dx%d: %d vertices, %d arcs, max flow %ld in %d phases\n", side, side, g.nv, g.ne, flow, phases);
        free(level), free(queue), free(cur), free(path), free(g.head), free(g.e);
        return flow;
}

int main(void)
{
        return run(__SIZE__) > 0 ? 0 : 1;
}
