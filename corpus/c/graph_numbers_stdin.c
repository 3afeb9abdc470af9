#include <stdio.h>
#include <stdlib.h>

/* numbers from stdin become edges (consecutive pairs, modulo the vertex count); BFS from 0 */
int main(void)
{
        size_t cap = 1 << 16, n = 0;
        long *v = malloc(cap * sizeof(long)), x;
        while (scanf("%ld", &x) == 1) {
                if (n == cap)
                        v = realloc(v, (cap *= 2) * sizeof(long));
                v[n++] = x < 0 ? -x : x;
        }
        long V = n / 2 + 1;
        int *deg = calloc(V + 1, sizeof(int));
        for (size_t i = 0; i + 1 < n; i += 2)
                deg[v[i] % V]++, deg[v[i + 1] % V]++;
        int *off = malloc((V + 1) * sizeof(int));
        off[0] = 0;
        for (long i = 0; i < V; i++)
                off[i + 1] = off[i] + deg[i];
        int *adj = malloc((off[V] + 1) * sizeof(int)), *fill = calloc(V, sizeof(int));
        for (size_t i = 0; i + 1 < n; i += 2) {
                long a = v[i] % V, b = v[i + 1] % V;
                adj[off[a] + fill[a]++] = (int)b;
                adj[off[b] + fill[b]++] = (int)a;
        }
        int *dist = malloc(V * sizeof(int)), *q = malloc(V * sizeof(int));
        for (long i = 0; i < V; i++)
                dist[i] = -1;
        long head = 0, tail = 0, far = 0;
        dist[0] = 0, q[tail++] = 0;
        while (head < tail) {
                int u = q[head++];
                if (dist[u] > far)
                        far = dist[u];
                for (int e = off[u]; e < off[u + 1]; e++)
                        if (dist[adj[e]] < 0)
                                dist[adj[e]] = dist[u] + 1, q[tail++] = adj[e];
        }
        printf("numbers %zu vertices %ld reached %ld eccentricity %ld\n", n, V, tail, far);
        free(v), free(deg), free(off), free(adj), free(fill), free(dist), free(q);
        return 0;
}
