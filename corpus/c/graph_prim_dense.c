#include <math.h>
#include <stdio.h>

/* Prim's minimum spanning tree on the complete Euclidean graph of V random points, O(V^2)
 * with no heap: the point coordinates, keys and parents are VLAs on the stack, so memory is a
 * few dozen bytes per vertex while CPU grows quadratically */
static unsigned long long rng = 88172645463325252ULL;
static double unit(void)
{
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        return (double)(rng >> 11) / 9007199254740992.0;
}

static double mst(int v, const double *x, const double *y, int *parent)
{
        double key[v];
        unsigned char done[v];
        for (int i = 0; i < v; i++)
                key[i] = INFINITY, done[i] = 0, parent[i] = -1;
        key[0] = 0;
        double total = 0;
        for (int step = 0; step < v; step++) {
                int u = -1;
                double best = INFINITY;
                for (int i = 0; i < v; i++)
                        if (!done[i] && key[i] < best)
                                best = key[i], u = i;
                done[u] = 1;
                total += sqrt(best);
                for (int i = 0; i < v; i++) {
                        if (done[i])
                                continue;
                        double dx = x[i] - x[u], dy = y[i] - y[u], d = dx * dx + dy * dy;
                        if (d < key[i])
                                key[i] = d, parent[i] = u;
                }
        }
        return total;
}

int main(void)
{
        const int v = __SIZE__;
        double x[v], y[v];
        int parent[v];
        for (int i = 0; i < v; i++) {
                x[i] = unit() * 1000.0;
                y[i] = unit() * 1000.0;
        }
        double w = mst(v, x, y, parent);
        int degree[v];
        long hist[8] = {0};
        for (int i = 0; i < v; i++)
                degree[i] = 0;
        for (int i = 1; i < v; i++)
                degree[i]++, degree[parent[i]]++;
        for (int i = 0; i < v; i++)
                hist[degree[i] < 7 ? degree[i] : 7]++;
        printf("MST of %d points: weight %.4f, leaves %ld, degree-3+ %ld\n", v, w, hist[1], v - hist[0] - hist[1] - hist[2]);
        return 0;
}
