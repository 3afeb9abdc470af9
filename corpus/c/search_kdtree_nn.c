#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* implicit 2-d tree (median-partitioned array), recursive nearest-neighbour queries */
struct config {
        int points;
        int queries;
        int brute_checks;
        uint32_t seed;
};

static const struct config cfg = {.points = __SIZE__, .queries = __SIZE__, .brute_checks = 16, .seed = 0xC0FFEEu};

struct point {
        double c[2];
        int id;
};

static uint32_t rng_state;
static double urand(void)
{
        rng_state ^= rng_state << 13;
        rng_state ^= rng_state >> 17;
        rng_state ^= rng_state << 5;
        return (rng_state >> 8) * (1.0 / 16777216.0);
}

static void swap_pt(struct point *a, struct point *b)
{
        struct point t = *a;
        *a = *b;
        *b = t;
}

/* quickselect so that p[k] is the k-th smallest along axis */
static void select_kth(struct point *p, int n, int k, int axis)
{
        int lo = 0, hi = n - 1;
        while (lo < hi) {
                double pivot = p[lo + (hi - lo) / 2].c[axis];
                int i = lo, j = hi;
                while (i <= j) {
                        while (p[i].c[axis] < pivot)
                                i++;
                        while (p[j].c[axis] > pivot)
                                j--;
                        if (i <= j)
                                swap_pt(&p[i++], &p[j--]);
                }
                if (k <= j)
                        hi = j;
                else if (k >= i)
                        lo = i;
                else
                        return;
        }
}

static void build(struct point *p, int n, int depth)
{
        if (n <= 1)
                return;
        int mid = n / 2;
        select_kth(p, n, mid, depth & 1);
        build(p, mid, depth + 1);
        build(p + mid + 1, n - mid - 1, depth + 1);
}

struct best {
        double d2;
        int id;
};

static void nearest(const struct point *p, int n, int depth, const double q[2], struct best *b)
{
        if (n <= 0)
                return;
        int mid = n / 2, axis = depth & 1;
        double dx = p[mid].c[0] - q[0], dy = p[mid].c[1] - q[1];
        double d2 = dx * dx + dy * dy;
        if (d2 < b->d2 || (d2 == b->d2 && p[mid].id < b->id))
                b->d2 = d2, b->id = p[mid].id;
        double diff = q[axis] - p[mid].c[axis];
        const struct point *near = diff < 0 ? p : p + mid + 1, *far = diff < 0 ? p + mid + 1 : p;
        int nn = diff < 0 ? mid : n - mid - 1, nf = diff < 0 ? n - mid - 1 : mid;
        nearest(near, nn, depth + 1, q, b);
        if (diff * diff <= b->d2)
                nearest(far, nf, depth + 1, q, b);
}

int main(void)
{
        rng_state = cfg.seed;
        struct point *pts = malloc(sizeof *pts * (size_t)cfg.points);
        for (int i = 0; i < cfg.points; i++) {
                /* clustered points: a few blobs plus uniform noise */
                double cx = (i % 7) / 7.0 + 0.07, cy = (i % 5) / 5.0 + 0.1, r = urand() < 0.8 ? 0.05 : 0.7;
                pts[i].c[0] = cx + (urand() - 0.5) * r;
                pts[i].c[1] = cy + (urand() - 0.5) * r;
                pts[i].id = i;
        }
        build(pts, cfg.points, 0);
        double total = 0;
        long idsum = 0;
        int mismatches = 0;
        for (int k = 0; k < cfg.queries; k++) {
                double q[2] = {urand() * 1.2 - 0.1, urand() * 1.2 - 0.1};
                struct best b = {INFINITY, -1};
                nearest(pts, cfg.points, 0, q, &b);
                total += sqrt(b.d2);
                idsum += b.id;
                if (k < cfg.brute_checks) {
                        struct best c = {INFINITY, -1};
                        for (int i = 0; i < cfg.points; i++) {
                                double dx = pts[i].c[0] - q[0], dy = pts[i].c[1] - q[1], d2 = dx * dx + dy * dy;
                                if (d2 < c.d2 || (d2 == c.d2 && pts[i].id < c.id))
                                        c.d2 = d2, c.id = pts[i].id;
                        }
                        mismatches += c.id != b.id;
                }
        }
        printf("kd-tree of %d points, %d queries: mean distance %.6f id sum %ld brute mismatches %d\n",
               cfg.points, cfg.queries, total / cfg.queries, idsum, mismatches);
        free(pts);
        return 0;
}
