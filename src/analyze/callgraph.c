/* Recursion from the file's call graph: a function calling itself is directly recursive; the
 * functions of a strongly connected component of two or more are mutually recursive (Tarjan's
 * algorithm, iterative so that long call chains cannot overflow the C stack).
 *
 * Calls resolve by name within the file (plain calls and calls on self/this only); a name
 * shared by more than MAX_OVERLOAD functions is ambiguous and not resolved. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/walk_internal.h"
#include "util/cleanup.h"

#define MAX_OVERLOAD 8

struct name_ix {
        const char *name;
        uint32_t idx;
};

static int cmp_name(const void *a, const void *b)
{
        const struct name_ix *x = a, *y = b;
        int c = strcmp(x->name, y->name);
        return c ? c : (x->idx > y->idx) - (x->idx < y->idx);
}

/* Range [lo, hi) of functions named p[0..len). */
static void lookup(const struct name_ix *ix, size_t n, const char *p, uint32_t len, size_t *lo,
                   size_t *hi)
{
        size_t a = 0, b = n;
        while (a < b) {
                size_t m = (a + b) / 2;
                int c = strncmp(ix[m].name, p, len);
                if (c == 0 && ix[m].name[len] != '\0')
                        c = 1;
                if (c < 0)
                        a = m + 1;
                else
                        b = m;
        }
        *lo = a;
        while (a < n && strncmp(ix[a].name, p, len) == 0 && ix[a].name[len] == '\0')
                a++;
        *hi = a;
}

int callgraph_mark_recursion(struct func_metrics *funcs, size_t n, const struct call_edge *calls,
                             size_t n_calls)
{
        if (n == 0 || n_calls == 0)
                return 0;
        _cleanup_free_ struct name_ix *ix = calloc(n, sizeof(*ix));
        _cleanup_free_ uint32_t *deg = calloc(n + 1, sizeof(*deg));
        if (!ix || !deg)
                return -ENOMEM;
        for (size_t i = 0; i < n; i++)
                ix[i] = (struct name_ix){funcs[i].name ? funcs[i].name : "", (uint32_t)i};
        qsort(ix, n, sizeof(*ix), cmp_name);

        /* CSR adjacency: count, then fill */
        size_t n_edges = 0;
        for (size_t i = 0; i < n_calls; i++) {
                size_t lo, hi;
                lookup(ix, n, calls[i].name, calls[i].len, &lo, &hi);
                if (hi - lo == 0 || hi - lo > MAX_OVERLOAD)
                        continue;
                deg[calls[i].caller] += (uint32_t)(hi - lo);
                n_edges += hi - lo;
        }
        if (n_edges == 0)
                return 0;
        _cleanup_free_ uint32_t *start = calloc(n + 1, sizeof(*start));
        _cleanup_free_ uint32_t *adj = calloc(n_edges, sizeof(*adj));
        if (!start || !adj)
                return -ENOMEM;
        for (size_t i = 0; i < n; i++)
                start[i + 1] = start[i] + deg[i];
        memset(deg, 0, (n + 1) * sizeof(*deg));
        for (size_t i = 0; i < n_calls; i++) {
                size_t lo, hi;
                uint32_t from = (uint32_t)calls[i].caller;
                lookup(ix, n, calls[i].name, calls[i].len, &lo, &hi);
                if (hi - lo == 0 || hi - lo > MAX_OVERLOAD)
                        continue;
                for (size_t k = lo; k < hi; k++) {
                        adj[start[from] + deg[from]++] = ix[k].idx;
                        if (ix[k].idx == from)
                                funcs[from].recursive_direct = true;
                }
        }

        /* Tarjan, iterative */
        _cleanup_free_ int64_t *index = malloc(n * sizeof(*index));
        _cleanup_free_ uint32_t *low = calloc(n, sizeof(*low));
        _cleanup_free_ uint32_t *stack = calloc(n, sizeof(*stack));
        _cleanup_free_ bool *on_stack = calloc(n, sizeof(*on_stack));
        _cleanup_free_ uint32_t *cs_node = calloc(n, sizeof(*cs_node));
        _cleanup_free_ uint32_t *cs_edge = calloc(n, sizeof(*cs_edge));
        if (!index || !low || !stack || !on_stack || !cs_node || !cs_edge)
                return -ENOMEM;
        for (size_t i = 0; i < n; i++)
                index[i] = -1;
        uint32_t next_index = 0;
        size_t sp = 0;
        for (size_t root = 0; root < n; root++) {
                if (index[root] >= 0)
                        continue;
                size_t csp = 0;
                cs_node[csp] = (uint32_t)root;
                cs_edge[csp++] = 0;
                index[root] = low[root] = next_index++;
                stack[sp++] = (uint32_t)root;
                on_stack[root] = true;
                while (csp) {
                        uint32_t v = cs_node[csp - 1];
                        uint32_t e = cs_edge[csp - 1];
                        if (start[v] + e < start[v + 1]) {
                                uint32_t u = adj[start[v] + e];
                                cs_edge[csp - 1]++;
                                if (index[u] < 0) {
                                        index[u] = low[u] = next_index++;
                                        stack[sp++] = u;
                                        on_stack[u] = true;
                                        cs_node[csp] = u;
                                        cs_edge[csp++] = 0;
                                } else if (on_stack[u] && (uint32_t)index[u] < low[v]) {
                                        low[v] = (uint32_t)index[u];
                                }
                                continue;
                        }
                        if (low[v] == (uint32_t)index[v]) {
                                size_t bottom = sp;
                                while (stack[bottom - 1] != v)
                                        bottom--;
                                bottom--;
                                bool mutual = sp - bottom > 1;
                                for (size_t k = bottom; k < sp; k++) {
                                        on_stack[stack[k]] = false;
                                        if (mutual)
                                                funcs[stack[k]].recursive_mutual = true;
                                }
                                sp = bottom;
                        }
                        csp--;
                        if (csp) {
                                uint32_t p = cs_node[csp - 1];
                                if (low[v] < low[p])
                                        low[p] = low[v];
                        }
                }
        }
        return 0;
}
