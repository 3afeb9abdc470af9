/* The VPA recommender, ported from kubernetes/autoscaler's Go (docs/replay.md cites the files and
 * commits). Only what decides the Target recommendation is ported: the bounds' confidence
 * multipliers and checkpoints are not used by a replay. */
#include "replay/vpa.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#define HOUR_NS (3600LL * 1000000000LL)
/* aggregations_config.go */
#define MIN_SAMPLE_WEIGHT  0.1
#define EPSILON            (0.001 * MIN_SAMPLE_WEIGHT)
#define BUCKET_GROWTH      0.05
#define HALF_LIFE_NS       (24 * HOUR_NS) /* CPU and memory */
#define MEM_INTERVAL_NS    (24 * HOUR_NS) /* one memory peak per container per interval */
#define OOM_BUMP_RATIO     1.2
#define OOM_MIN_BUMP       (100.0 * 1024 * 1024)
#define MAX_DECAY_EXPONENT 100
/* logic/recommender.go */
#define TARGET_CPU_PCT       0.9
#define TARGET_MEM_PCT       0.9
#define SAFETY_MARGIN        0.15
#define POD_MIN_CPU_CORES    0.025
#define POD_MIN_MEMORY_BYTES (250.0 * 1024 * 1024)

/* NewExponentialHistogramOptions(maxValue, firstBucketSize, ratio, epsilon) */
static void hist_init(struct vpa_hist *h, double max_value, double first)
{
        memset(h, 0, sizeof(*h));
        h->first = first;
        h->ratio = 1 + BUCKET_GROWTH;
        h->n = (int)ceil(log(max_value * (h->ratio - 1) / first + 1) / log(h->ratio)) + 1;
        h->min_b = h->n - 1;
        h->max_b = 0;
        h->half_life_ns = HALF_LIFE_NS;
}

/* CPU: 0.01 core first bucket, 1000 cores max; memory: 10 MB first bucket, 1 TB max. */
void vpa_hist_init_cpu(struct vpa_hist *h)
{
        hist_init(h, 1000.0, 0.01);
}

void vpa_hist_init_mem(struct vpa_hist *h)
{
        hist_init(h, 1e12, 1e7);
}

int vpa_hist_bucket(const struct vpa_hist *h, double v)
{
        if (v < h->first)
                return 0;
        int b = (int)(log(v * (h->ratio - 1) / h->first + 1) / log(h->ratio));
        return b >= h->n ? h->n - 1 : b;
}

double vpa_hist_bucket_start(const struct vpa_hist *h, int b)
{
        if (b <= 0)
                return 0;
        return h->first * (pow(h->ratio, b) - 1) / (h->ratio - 1);
}

static void update_min_max(struct vpa_hist *h)
{
        while (h->w[h->min_b] < EPSILON && h->min_b < h->n - 1)
                h->min_b++;
        while (h->w[h->max_b] < EPSILON && h->max_b > 0)
                h->max_b--;
}

/* decayingHistogram.shiftReferenceTimestamp: ref moves to t rounded to the half-life; the
 * weights are scaled by 2^(old - new) half-lives, which leaves every percentile unchanged. */
static void shift_ref(struct vpa_hist *h, int64_t t_ns)
{
        int64_t hl = h->half_life_ns;
        int64_t nref = (int64_t)floor((double)t_ns / (double)hl + 0.5) * hl;
        int exponent = (int)floor((double)(h->ref_ns - nref) / (double)hl + 0.5);
        double f = ldexp(1.0, exponent);
        for (int b = h->min_b; b <= h->max_b; b++)
                h->w[b] *= f;
        h->total *= f;
        update_min_max(h);
        h->ref_ns = nref;
}

static double decay_factor(struct vpa_hist *h, int64_t t_ns)
{
        if (t_ns > h->ref_ns + h->half_life_ns * MAX_DECAY_EXPONENT)
                shift_ref(h, t_ns);
        return exp2((double)(t_ns - h->ref_ns) / (double)h->half_life_ns);
}

void vpa_hist_add(struct vpa_hist *h, double v, double weight, int64_t t_ns)
{
        weight *= decay_factor(h, t_ns);
        int b = vpa_hist_bucket(h, v);
        h->w[b] += weight;
        h->total += weight;
        if (b < h->min_b && h->w[b] >= EPSILON)
                h->min_b = b;
        if (b > h->max_b && h->w[b] >= EPSILON)
                h->max_b = b;
}

void vpa_hist_sub(struct vpa_hist *h, double v, double weight, int64_t t_ns)
{
        weight *= decay_factor(h, t_ns);
        int b = vpa_hist_bucket(h, v);
        if (weight > h->w[b] - EPSILON)
                weight = h->w[b];
        h->total -= weight;
        h->w[b] -= weight;
        update_min_max(h);
}

bool vpa_hist_empty(const struct vpa_hist *h)
{
        return h->w[h->min_b] < EPSILON;
}

/* histogram.Percentile: the end of the bucket where the cumulative weight reaches p. */
double vpa_hist_percentile(const struct vpa_hist *h, double p)
{
        if (vpa_hist_empty(h))
                return 0;
        double partial = 0, threshold = p * h->total;
        int b = h->min_b;
        for (; b < h->max_b; b++) {
                partial += h->w[b];
                if (partial >= threshold)
                        break;
        }
        if (b < h->n - 1)
                return vpa_hist_bucket_start(h, b + 1);
        return vpa_hist_bucket_start(h, b);
}

void vpa_agg_init(struct vpa_agg *a)
{
        memset(a, 0, sizeof(*a));
        vpa_hist_init_cpu(&a->cpu);
        vpa_hist_init_mem(&a->mem);
}

/* AggregateContainerState.addCPUSample: weighted by the request (at least 0.1 core), so that a
 * raised request makes the older history count less. */
void vpa_add_cpu(struct vpa_agg *a, double cores, double request_cores, int64_t t_ns)
{
        vpa_hist_add(&a->cpu, cores, fmax(request_cores, MIN_SAMPLE_WEIGHT), t_ns);
        if (!a->has_samples || t_ns > a->last_sample_ns)
                a->last_sample_ns = t_ns;
        if (!a->has_samples || t_ns < a->first_sample_ns)
                a->first_sample_ns = t_ns;
        a->has_samples = true;
        a->total_samples++;
}

/* ContainerState.addMemorySample */
bool vpa_add_memory(struct vpa_agg *a, struct vpa_container *c, double bytes, int64_t t_ns,
                    bool oom)
{
        if (bytes < 0 || (!oom && c->started && t_ns < c->last_mem_sample_ns))
                return false;
        c->last_mem_sample_ns = t_ns;
        if (!c->started) {
                c->window_end_ns = t_ns;
                c->started = true;
        }
        bool add_new = false;
        if (t_ns < c->window_end_ns) {
                double old = fmax(c->memory_peak, c->oom_peak);
                if (old != 0 && bytes > old) {
                        vpa_hist_sub(&a->mem, old, 1.0, c->window_end_ns);
                        add_new = true;
                }
        } else {
                int64_t d = t_ns - c->window_end_ns;
                int64_t shift = d / MEM_INTERVAL_NS * MEM_INTERVAL_NS + MEM_INTERVAL_NS;
                c->window_end_ns += shift;
                c->memory_peak = 0;
                c->oom_peak = 0;
                add_new = true;
        }
        if (add_new) {
                vpa_hist_add(&a->mem, bytes, 1.0, c->window_end_ns);
                if (oom)
                        c->oom_peak = bytes;
                else
                        c->memory_peak = bytes;
        }
        return true;
}

/* ContainerState.RecordOOM: max(request, the peak seen) bumped by 20%, at least +100 MiB. */
int vpa_record_oom(struct vpa_agg *a, struct vpa_container *c, int64_t t_ns, double request)
{
        if (c->started && t_ns < c->window_end_ns - MEM_INTERVAL_NS)
                return -ESTALE;
        double used = fmax(request, c->memory_peak);
        double needed = fmax(used + OOM_MIN_BUMP, used * OOM_BUMP_RATIO);
        /* ResourceAmount is an integer number of bytes */
        needed = floor(needed);
        return vpa_add_memory(a, c, needed, t_ns, true) ? 0 : -EINVAL;
}

bool vpa_target(const struct vpa_agg *a, double *cores, double *bytes)
{
        if (vpa_hist_empty(&a->cpu) && vpa_hist_empty(&a->mem))
                return false;
        /* ResourceAmount: CPU in integer millicores, memory in integer bytes (model/types.go:
         * CPUAmountFromCores, MemoryAmountFromBytes and ScaleResource truncate) */
        double cm = floor(vpa_hist_percentile(&a->cpu, TARGET_CPU_PCT) * 1000.0);
        double m = floor(vpa_hist_percentile(&a->mem, TARGET_MEM_PCT));
        cm += floor(cm * SAFETY_MARGIN);
        m += floor(m * SAFETY_MARGIN);
        *cores = fmax(cm, POD_MIN_CPU_CORES * 1000.0) / 1000.0;
        *bytes = fmax(m, POD_MIN_MEMORY_BYTES);
        return true;
}
