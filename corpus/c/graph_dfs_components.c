#include <stdio.h>
#include <stdlib.h>

#define V __SIZE__

static int *head, *nxt, *to, *comp;
static long ecount;

static void add_edge(int a, int b)
{
        to[ecount] = b;
        nxt[ecount] = head[a];
        head[a] = (int)ecount++;
}

/* recursive DFS; depth is bounded because the graph is made of many small pieces */
static long dfs(int u, int c)
{
        long n = 1;
        comp[u] = c;
        for (int e = head[u]; e >= 0; e = nxt[e])
                if (comp[to[e]] < 0)
                        n += dfs(to[e], c);
        return n;
}

int main(void)
{
        long E = (long)V * 2;
        head = malloc(sizeof(int) * V), comp = malloc(sizeof(int) * V);
        nxt = malloc(sizeof(int) * E), to = malloc(sizeof(int) * E);
        for (long i = 0; i < V; i++)
                head[i] = -1, comp[i] = -1;
        unsigned s = 5;
        for (long i = 0; i < V / 2; i++) {
                s = s * 1103515245u + 12345u;
                int a = (int)((s >> 4) % V);
                int b = (int)((a + 1 + (s >> 20) % 64) % V);
                add_edge(a, b);
                add_edge(b, a);
        }
        int comps = 0;
        long biggest = 0;
        for (int v = 0; v < V; v++)
                if (comp[v] < 0) {
                        long n = dfs(v, comps++);
                        if (n > biggest)
                                biggest = n;
                }
        printf("components %d of %d vertices, biggest %ld\n", comps, V, biggest);
        free(head), free(comp), free(nxt), free(to);
        return 0;
}
