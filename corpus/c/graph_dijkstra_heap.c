#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#define V __SIZE__
#define DEG 6

struct edge { int to, w; };
struct hnode { long d; int v; };

static struct hnode *heap;
static long hn;

static void push(long d, int v)
{
        long i = hn++;
        while (i > 0 && heap[(i - 1) / 2].d > d) {
                heap[i] = heap[(i - 1) / 2];
                i = (i - 1) / 2;
        }
        heap[i].d = d;
        heap[i].v = v;
}

static struct hnode pop(void)
{
        struct hnode top = heap[0], last = heap[--hn];
        long i = 0;
        for (;;) {
                long c = 2 * i + 1;
                if (c >= hn)
                        break;
                if (c + 1 < hn && heap[c + 1].d < heap[c].d)
                        c++;
                if (heap[c].d >= last.d)
                        break;
                heap[i] = heap[c];
                i = c;
        }
        heap[i] = last;
        return top;
}

int main(void)
{
        struct edge *g = malloc(sizeof(struct edge) * V * DEG);
        unsigned s = 42;
        for (long i = 0; i < (long)V * DEG; i++) {
                s = s * 1103515245u + 12345u;
                g[i].to = (i % DEG == 0) ? (int)((i / DEG + 1) % V) : (int)((s >> 8) % V);
                s = s * 1103515245u + 12345u;
                g[i].w = 1 + (int)((s >> 8) % 100);
        }
        long *dist = malloc(sizeof(long) * V);
        for (long i = 0; i < V; i++)
                dist[i] = LONG_MAX;
        heap = malloc(sizeof(struct hnode) * (long)V * DEG + 16);
        dist[0] = 0;
        push(0, 0);
        while (hn) {
                struct hnode t = pop();
                if (t.d > dist[t.v])
                        continue;
                for (int k = 0; k < DEG; k++) {
                        struct edge e = g[(long)t.v * DEG + k];
                        if (t.d + e.w < dist[e.to]) {
                                dist[e.to] = t.d + e.w;
                                push(dist[e.to], e.to);
                        }
                }
        }
        long far = 0, sum = 0;
        for (long i = 0; i < V; i++) {
                if (dist[i] > far)
                        far = dist[i];
                sum += dist[i];
        }
        printf("dijkstra %d: farthest %ld, sum %ld\n", V, far, sum);
        free(g), free(dist), free(heap);
        return 0;
}
