#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Tarjan's strongly connected components, iterative with an explicit frame stack;
 * adjacency lists are per-vertex vectors grown by realloc (capacity doubling) */
#define V __SIZE__

struct ivec {
        int *data;
        int len, cap;
};

static void ivec_push(struct ivec *v, int x)
{
        if (v->len == v->cap) {
                v->cap = v->cap ? v->cap * 2 : 2;
                v->data = realloc(v->data, (size_t)v->cap * sizeof *v->data);
        }
        v->data[v->len++] = x;
}

struct frame {
        int v, edge;
};

static uint32_t seed = 77777;
static uint32_t rnd(void)
{
        seed = seed * 1103515245u + 12345u;
        return seed >> 1;
}

int main(void)
{
        struct ivec *adj = calloc(V, sizeof *adj);
        long edges = 0;
        for (int u = 0; u < V; u++) {
                int deg = 1 + (int)(rnd() % 4);
                for (int k = 0; k < deg; k++) {
                        /* mostly forward local edges, some backward ones close cycles */
                        int off = 1 + (int)(rnd() % 64);
                        int to = (rnd() % 5 == 0) ? u - off * 3 : u + off;
                        if (to < 0 || to >= V)
                                continue;
                        ivec_push(&adj[u], to);
                        edges++;
                }
        }
        int *index = malloc(V * sizeof(int)), *low = malloc(V * sizeof(int));
        int *stack = malloc(V * sizeof(int));
        char *on_stack = calloc(V, 1);
        struct frame *call = malloc(V * sizeof *call);
        for (int i = 0; i < V; i++)
                index[i] = -1;
        int next_index = 0, sp = 0, ncomp = 0, largest = 0, singles = 0;
        for (int root = 0; root < V; root++) {
                if (index[root] >= 0)
                        continue;
                int cp = 0;
                call[cp++] = (struct frame){root, 0};
                index[root] = low[root] = next_index++;
                stack[sp++] = root, on_stack[root] = 1;
                while (cp > 0) {
                        struct frame *f = &call[cp - 1];
                        int v = f->v;
                        if (f->edge < adj[v].len) {
                                int w = adj[v].data[f->edge++];
                                if (index[w] < 0) {
                                        index[w] = low[w] = next_index++;
                                        stack[sp++] = w, on_stack[w] = 1;
                                        call[cp++] = (struct frame){w, 0};
                                } else if (on_stack[w] && index[w] < low[v]) {
                                        low[v] = index[w];
                                }
                                continue;
                        }
                        if (low[v] == index[v]) {
                                int size = 0, w;
                                do {
                                        w = stack[--sp];
                                        on_stack[w] = 0;
                                        size++;
                                } while (w != v);
                                ncomp++;
                                singles += size == 1;
                                if (size > largest)
                                        largest = size;
                        }
                        cp--;
                        if (cp > 0) {
                                int p = call[cp - 1].v;
                                if (low[v] < low[p])
                                        low[p] = low[v];
                        }
                }
        }
        printf("graph V=%d E=%ld: %d strongly connected components, largest %d, singletons %d\n",
               V, edges, ncomp, largest, singles);
        for (int u = 0; u < V; u++)
                free(adj[u].data);
        free(adj), free(index), free(low), free(stack), free(on_stack), free(call);
        return 0;
}
