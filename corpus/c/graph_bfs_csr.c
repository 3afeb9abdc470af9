#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define V __SIZE__
#define DEG 8

int main(void)
{
        long E = (long)V * DEG;
        int *offs = malloc((V + 1) * sizeof(int)), *adj = malloc(E * sizeof(int));
        uint32_t s = 7;
        for (long v = 0; v <= V; v++)
                offs[v] = (int)(v * DEG);
        for (long e = 0; e < E; e++) {
                s ^= s << 13;
                s ^= s >> 17;
                s ^= s << 5;
                long v = e / DEG;
                adj[e] = (e % DEG == 0) ? (int)((v + 1) % V) : (int)(s % V);
        }
        int *dist = malloc(V * sizeof(int)), *queue = malloc(V * sizeof(int));
        for (long v = 0; v < V; v++)
                dist[v] = -1;
        long head = 0, tail = 0;
        dist[0] = 0;
        queue[tail++] = 0;
        while (head < tail) {
                int u = queue[head++];
                for (int e = offs[u]; e < offs[u + 1]; e++)
                        if (dist[adj[e]] < 0) {
                                dist[adj[e]] = dist[u] + 1;
                                queue[tail++] = adj[e];
                        }
        }
        long sum = 0;
        int ecc = 0;
        for (long v = 0; v < V; v++) {
                sum += dist[v];
                if (dist[v] > ecc)
                        ecc = dist[v];
        }
        printf("bfs %d vertices, reached %ld, eccentricity %d, sum %ld\n", V, tail, ecc, sum);
        free(offs), free(adj), free(dist), free(queue);
        return 0;
}
