/* Split conformal prediction and grouped data splits.
 *
 * The calibration residuals are |log1p(actual) - predicted log|; with n of them and a coverage c,
 * the k-th smallest with k = ceil((n + 1) c) is a bound that a new exchangeable residual stays
 * under with probability at least c (Vovk et al.; Lei et al. 2018). Splits are grouped by
 * program, so that the sizes of one program are never on both sides. */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "predict/predict.h"
#include "util/cleanup.h"

static int cmp_double(const void *a, const void *b)
{
        double x = *(const double *)a, y = *(const double *)b;
        return (x > y) - (x < y);
}

double conformal_quantile(double *res, size_t n, double coverage)
{
        if (n == 0)
                return 0;
        qsort(res, n, sizeof(*res), cmp_double);
        /* the small epsilon keeps (n + 1) * c from rounding up past an exact integer */
        double kk = ceil((double)(n + 1) * coverage - 1e-9);
        size_t k = kk < 1 ? 1 : (size_t)kk;
        if (k > n)
                k = n;
        return res[k - 1];
}

double conformal_quantile_groups(double *res, size_t n, size_t groups, double coverage)
{
        if (n == 0)
                return 0;
        if (groups == 0 || groups >= n)
                return conformal_quantile(res, n, coverage);
        qsort(res, n, sizeof(*res), cmp_double);
        /* the (n + 1) / n of the exchangeable case, counted in groups */
        double level = coverage * (double)(groups + 1) / (double)groups;
        double kk = ceil((double)n * level - 1e-9);
        size_t k = kk < 1 ? 1 : (size_t)kk;
        if (k > n)
                k = n;
        return res[k - 1];
}

double median_of(double *v, size_t n)
{
        if (n == 0)
                return NAN;
        qsort(v, n, sizeof(*v), cmp_double);
        return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

size_t count_distinct(const unsigned *ids, size_t n, unsigned char *seen, size_t nseen)
{
        size_t c = 0;
        memset(seen, 0, nseen);
        for (size_t i = 0; i < n; i++)
                if (ids[i] < nseen && !seen[ids[i]]) {
                        seen[ids[i]] = 1;
                        c++;
                }
        return c;
}

struct name_pos {
        const char *name;
        size_t pos;
};

static int cmp_name_pos(const void *a, const void *b)
{
        const struct name_pos *x = a, *y = b;
        int c = strcmp(x->name, y->name);
        return c ? c : (x->pos > y->pos) - (x->pos < y->pos);
}

/* Number the distinct groups[0..n) into prog[]; returns how many (0 on allocation failure). */
size_t group_numbers(const char *const *groups, size_t n, unsigned *prog)
{
        _cleanup_free_ struct name_pos *np = malloc((n ? n : 1) * sizeof(*np));
        if (!np)
                return 0;
        for (size_t i = 0; i < n; i++)
                np[i] = (struct name_pos){groups[i], i};
        qsort(np, n, sizeof(*np), cmp_name_pos);
        size_t k = 0;
        for (size_t i = 0; i < n; i++) {
                if (i && strcmp(np[i].name, np[i - 1].name))
                        k++;
                prog[np[i].pos] = (unsigned)k;
        }
        return n ? k + 1 : 0;
}

size_t conformal_group_min(double coverage)
{
        if (!(coverage > 0 && coverage < 1))
                return 1;
        double n = ceil(coverage / (1 - coverage) - 1e-9);
        return n < 1 ? 1 : (size_t)n;
}

struct group {
        const char *name;
        size_t rows;
        unsigned fold;
        uint64_t key; /* order among groups of the same size: 0, or a seeded hash of the name */
};

static int cmp_group_name(const void *a, const void *b)
{
        return strcmp(((const struct group *)a)->name, ((const struct group *)b)->name);
}

static int cmp_group_size(const void *a, const void *b)
{
        const struct group *x = a, *y = b;
        if (x->rows != y->rows)
                return x->rows < y->rows ? 1 : -1;
        if (x->key != y->key)
                return x->key < y->key ? -1 : 1;
        return strcmp(x->name, y->name);
}

/* Distinct groups with their row counts, sorted by name; *ng gets the count. */
static struct group *collect_groups(const char *const *groups, size_t n, size_t *ng)
{
        struct group *g = calloc(n ? n : 1, sizeof(*g));
        if (!g)
                return NULL;
        for (size_t i = 0; i < n; i++)
                g[i] = (struct group){.name = groups[i], .rows = 1};
        qsort(g, n, sizeof(*g), cmp_group_name);
        size_t m = 0;
        for (size_t i = 0; i < n; i++) {
                if (m && !strcmp(g[m - 1].name, g[i].name))
                        g[m - 1].rows++;
                else
                        g[m++] = g[i];
        }
        *ng = m;
        return g;
}

static struct group *find_group(struct group *g, size_t ng, const char *name)
{
        struct group key = {.name = name};
        return bsearch(&key, g, ng, sizeof(*g), cmp_group_name);
}

static uint64_t fnv1a64(const char *s);

int group_folds(const char *const *groups, size_t n, unsigned k, unsigned *fold)
{
        return group_folds_seeded(groups, n, k, 0, fold);
}

int group_folds_seeded(const char *const *groups, size_t n, unsigned k, unsigned seed,
                       unsigned *fold)
{
        if (k == 0)
                return -EINVAL;
        size_t ng;
        _cleanup_free_ struct group *g = collect_groups(groups, n, &ng);
        if (!g)
                return -ENOMEM;
        for (size_t i = 0; seed && i < ng; i++)
                g[i].key = fnv1a64(g[i].name) ^ (0x9e3779b97f4a7c15ULL * seed);
        _cleanup_free_ size_t *load = calloc(k, sizeof(*load));
        if (!load)
                return -ENOMEM;
        qsort(g, ng, sizeof(*g), cmp_group_size);
        for (size_t i = 0; i < ng; i++) {
                unsigned best = 0;
                for (unsigned f = 1; f < k; f++)
                        if (load[f] < load[best])
                                best = f;
                g[i].fold = best;
                load[best] += g[i].rows;
        }
        qsort(g, ng, sizeof(*g), cmp_group_name);
        for (size_t i = 0; i < n; i++)
                fold[i] = find_group(g, ng, groups[i])->fold;
        return 0;
}

static uint64_t fnv1a64(const char *s)
{
        uint64_t h = 1469598103934665603ULL;
        for (; *s; s++) {
                h ^= (unsigned char)*s;
                h *= 1099511628211ULL;
        }
        /* finalise (splitmix64) so that similar names spread */
        h ^= h >> 30;
        h *= 0xbf58476d1ce4e5b9ULL;
        h ^= h >> 27;
        h *= 0x94d049bb133111ebULL;
        h ^= h >> 31;
        return h;
}

int group_split(const char *const *groups, size_t n, double share, bool *calib)
{
        size_t ng;
        _cleanup_free_ struct group *g = collect_groups(groups, n, &ng);
        if (!g)
                return -ENOMEM;
        size_t n_cal = 0;
        for (size_t i = 0; i < ng; i++) {
                double u = (double)(fnv1a64(g[i].name) >> 11) / 9007199254740992.0;
                g[i].fold = u < share;
                n_cal += g[i].fold;
        }
        /* both sides non-empty when there are two groups or more */
        if (ng >= 2 && (n_cal == 0 || n_cal == ng)) {
                for (size_t i = 0; i < ng; i++)
                        g[i].fold = n_cal == 0 ? 0 : 1;
                g[ng - 1].fold = n_cal == 0 ? 1 : 0;
        }
        for (size_t i = 0; i < n; i++)
                calib[i] = find_group(g, ng, groups[i])->fold;
        return 0;
}
