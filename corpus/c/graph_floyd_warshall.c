#include <stdio.h>
#include <stdlib.h>

#define V __SIZE__
#define INF 1000000000

int main(void)
{
        int *d = malloc(sizeof(int) * V * V);
        unsigned s = 3;
        for (long i = 0; i < V; i++)
                for (long j = 0; j < V; j++) {
                        s = s * 1664525u + 1013904223u;
                        d[i * V + j] = i == j ? 0 : ((s >> 24) < 40 ? 1 + (int)(s % 97) : INF);
                }
        for (long k = 0; k < V; k++)
                for (long i = 0; i < V; i++) {
                        int dik = d[i * V + k];
                        if (dik == INF)
                                continue;
                        int *row = d + i * V, *krow = d + k * V;
                        for (long j = 0; j < V; j++)
                                if (dik + krow[j] < row[j])
                                        row[j] = dik + krow[j];
                }
        long reach = 0, total = 0;
        for (long i = 0; i < (long)V * V; i++)
                if (d[i] < INF) {
                        reach++;
                        total += d[i];
                }
        printf("floyd-warshall %d: reachable pairs %ld, total %ld\n", V, reach, total);
        free(d);
        return 0;
}
