/* From a demand to a tier (complexity score) and a tailored allocation. */
#include <math.h>
#include <string.h>

#include "predict/predict.h"
#include "store/store.h"

#define MIB (1024ULL * 1024ULL)
#define GIB (1024ULL * MIB)

size_t default_tiers(struct tier *out, size_t max)
{
        static const struct tier def[] = {
            {"low", 1000, 2 * GIB, 10000000, false},
            {"medium", 4000, 8 * GIB, 50000000, false},
            {"high", 8000, 16 * GIB, 100000000, true},
        };
        size_t n = max < 3 ? max : 3;
        memcpy(out, def, n * sizeof(*out));
        return n;
}

/* Nearest multiple of step: a tier's capacity is compared at the granularity it is allocated in,
 * so a single-threaded interpreter's 1003m fits a 1-CPU tier. */
static double nearest(double v, double step)
{
        return v > 0 ? round(v / step) * step : 0;
}

/* Memory is incompressible (over the limit, the kernel kills), so its upper bound must fit; CPU
 * and bandwidth are compressible (over the limit, the job is throttled or shaped, not killed), so
 * their predicted demand must fit. The allocation still requests the upper bounds of all three. */
size_t tier_for(const struct tier *tiers, size_t n, const struct demand *d)
{
        if (n == 0)
                return 0;
        double cpu = nearest(d->cpu_millicores.point, 100);
        double net = nearest(d->net_rate_bps.point, 1e6);
        for (size_t i = 0; i < n; i++) {
                const struct tier *t = &tiers[i];
                if (cpu <= (double)t->cpu_millicores &&
                    d->memory_bytes.upper <= (double)t->memory_bytes &&
                    (t->net_rate_bps == 0 || net <= (double)t->net_rate_bps))
                        return i;
        }
        return n - 1;
}

const char *complexity_score(const struct tier *tiers, size_t n, size_t idx)
{
        static const char *const names[] = {"low", "medium", "high"};
        if (idx < n)
                for (size_t i = 0; i < 3; i++)
                        if (!strcmp(tiers[idx].name, names[i]))
                                return names[i];
        if (idx == 0)
                return "low";
        if (idx + 1 >= n)
                return "high";
        return "medium";
}

static uint64_t round_up(double v, uint64_t step, uint64_t min)
{
        if (!(v > 0))
                return min;
        double s = ceil(v / (double)step - 1e-9);
        if (s > 1.8e19 / (double)step)
                return UINT64_MAX / step * step;
        uint64_t r = (uint64_t)s * step;
        return r < min ? min : r;
}

void allocation_for(const struct demand *d, const struct tier *t, struct alloc *a, bool *gpu)
{
        a->cpu_millicores = round_up(d->cpu_millicores.upper, 100, 100);
        a->memory_bytes = round_up(d->memory_bytes.upper, 16 * MIB, 32 * MIB);
        a->net_rate_bps =
            d->net_rate_bps.upper > 0 ? round_up(d->net_rate_bps.upper, 1000000, 0) : 0;
        a->network = a->net_rate_bps > 0;
        *gpu = t ? t->gpu : false;
}
