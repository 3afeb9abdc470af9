/* The discrete-event simulation: arrivals, sizing by the policy, usage unfolding over each
 * invocation, presize's control loop in simulated time, keep-alive, first-fit hosts, measures.
 * One pass per policy over the same arrivals and the same per-invocation usage (both drawn from
 * the seed by (function, invocation number), never by the order events happen in). The model and
 * its assumptions are in docs/replay.md. */
#include "control/control.h"
#include "predict/predict.h"
#include "replay/internal.h"
#include "replay/replay.h"
#include "replay/vpa.h"
#include "store/store.h"
#include "util/fsutil.h"
#include "util/progress.h"
#include "util/units.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define HIST           32               /* presize: the last runs per function it predicts from */
#define VPA_REFRESH_NS (60ULL * RP_SEC) /* the recommender's loop: once a minute */
#define COLD_CPU_M     1000ULL
#define COLD_MEM       (2ULL << 30) /* before any history: the "low" tier */

void replay_opts_default(struct replay_opts *o)
{
        memset(o, 0, sizeof(*o));
        o->seed = 1;
        for (int p = 0; p < RP__COUNT; p++)
                o->policies[p] = true;
        o->host_cpu_m = 16000;
        o->host_mem = 64ULL << 30;
        o->keepalive_ns = 10 * RP_MIN;
        o->lead_ns = 500 * 1000000ULL;
        o->create_ns = 100 * 1000000ULL;
        o->max_tick_ns = 10 * RP_SEC;
        policy_default(&o->policy);
        o->n_sampled = 3;
}

/* A sandbox instance: warm (idle, until expiry) or running an invocation. */
struct inst {
        uint64_t expiry_ns;
        uint64_t cpu_m, mem;
        struct vpa_container vc;
};

struct fstate {
        size_t cur; /* minutes[cur] (or invs[cur]) is next */
        uint32_t k; /* arrivals already made in minutes[cur] */
        uint64_t ordinal;
        struct inst *idle; /* idle[head..head+n): oldest expiry first */
        size_t head, n, cap;
        /* presize: log peak memory and log cores of the last runs, and the residuals of the
         * predictions made from history (log actual - log point) */
        float hmem[HIST], hcpu[HIST], rmem[HIST], rcpu[HIST];
        uint8_t hn, hpos, rn, rpos;
        /* vpa */
        struct vpa_agg *vpa;
        uint64_t rec_ns;
        bool has_rec, rec_valid;
        double rec_cores, rec_bytes;
        uint64_t last_cpu_m, last_mem;
        bool has_last;
        int sampled; /* index among the sampled functions, or -1 */
        uint8_t tier;
};

enum ev_kind { EV_END, EV_OOM, EV_TICK };

struct run {
        uint32_t fn, host, gen;
        bool live;
        enum ev_kind next;
        uint64_t start_ns, last_ns, tick_ns;
        double D, M, c; /* work (s), peak (bytes), cores */
        double progress;
        uint64_t cpu_m, mem;
        double used_cpu_s;
        struct inst in;
        struct sample_window *w;
        struct control_demand d;
        double logp_mem, logp_cpu;
        bool from_history;
};

struct ev {
        uint64_t t;
        uint32_t prio; /* run events (0) before arrivals (1) at the same instant */
        uint32_t id;
        uint32_t gen;
};

struct host {
        uint64_t cpu, mem;
        uint32_t n;
};

struct sim {
        const struct replay_trace *t;
        const struct replay_opts *o;
        enum replay_policy pol;
        struct replay_result *res;
        struct fstate *fs;
        struct run *runs;
        size_t n_runs, cap_runs;
        uint32_t *free_runs;
        size_t n_free;
        struct ev *heap;
        size_t n_heap, cap_heap;
        struct host *hosts;
        size_t n_hosts, cap_hosts, hosts_used;
        struct sample_window **wpool;
        size_t n_wpool, n_windows;
        struct tier tiers[3];
        size_t n_tiers;
        bool warned_big;
        struct progress *pg;
        uint64_t pg_pending;
        int err;
};

/* ---- the event heap ---- */
static bool ev_less(const struct ev *a, const struct ev *b)
{
        if (a->t != b->t)
                return a->t < b->t;
        if (a->prio != b->prio)
                return a->prio < b->prio;
        return a->id < b->id;
}

static int heap_push(struct sim *s, struct ev e)
{
        if (s->n_heap == s->cap_heap) {
                size_t c = s->cap_heap ? s->cap_heap * 2 : 1024;
                struct ev *h = realloc(s->heap, c * sizeof(*h));
                if (!h)
                        return -ENOMEM;
                s->heap = h;
                s->cap_heap = c;
        }
        size_t i = s->n_heap++;
        while (i > 0) {
                size_t p = (i - 1) / 2;
                if (!ev_less(&e, &s->heap[p]))
                        break;
                s->heap[i] = s->heap[p];
                i = p;
        }
        s->heap[i] = e;
        return 0;
}

static struct ev heap_pop(struct sim *s)
{
        struct ev top = s->heap[0], last = s->heap[--s->n_heap];
        size_t i = 0, n = s->n_heap;
        for (;;) {
                size_t l = 2 * i + 1, r = l + 1, m = i;
                const struct ev *best = &last;
                if (l < n && ev_less(&s->heap[l], best)) {
                        m = l;
                        best = &s->heap[l];
                }
                if (r < n && ev_less(&s->heap[r], best))
                        m = r;
                if (m == i)
                        break;
                s->heap[i] = s->heap[m];
                i = m;
        }
        if (n)
                s->heap[i] = last;
        return top;
}

/* ---- arrivals ---- */
/* The next arrival of function i at or after its cursor; false when it has no more. */
static bool next_arrival(struct sim *s, uint32_t i, uint64_t *t)
{
        const struct replay_fn *f = &s->t->fns[i];
        struct fstate *st = &s->fs[i];
        if (f->n_invs) {
                if (st->cur >= f->n_invs)
                        return false;
                *t = f->invs[st->cur].t_ns;
                return true;
        }
        while (st->cur < f->n_minutes && st->k >= f->minutes[st->cur].count) {
                st->cur++;
                st->k = 0;
        }
        if (st->cur >= f->n_minutes)
                return false;
        const struct replay_minute *m = &f->minutes[st->cur];
        /* the k-th of count arrivals in the minute: stratified, jittered by the seed */
        double u = rp_rand(s->o->seed, 0xa1, i, st->ordinal);
        double off = ((double)st->k + u) / (double)m->count;
        *t = (uint64_t)m->minute * RP_MIN + (uint64_t)(off * (double)RP_MIN);
        return true;
}

static int schedule_arrival(struct sim *s, uint32_t i)
{
        uint64_t t;
        if (!next_arrival(s, i, &t))
                return 0;
        return heap_push(s, (struct ev){.t = t, .prio = 1, .id = i, .gen = UINT32_MAX});
}

/* Absurd trace values are clamped, so that times and sizes stay far inside 64 bits: a run lasts
 * at most a day, peaks at most at 1 PiB and demands at most 1024 cores. */
#define MAX_DUR_S 86400.0
#define MAX_MEM_B 1125899906842624.0
#define MAX_CORES 1024.0

static void draw_usage_raw(const struct sim *s, uint32_t i, uint64_t ordinal, double *D, double *M,
                           double *c);

/* The usage of invocation `ordinal` of function i. */
static void draw_usage(const struct sim *s, uint32_t i, uint64_t ordinal, double *D, double *M,
                       double *c)
{
        draw_usage_raw(s, i, ordinal, D, M, c);
        *D = fmin(fmax(*D, 0.001), MAX_DUR_S);
        *M = fmin(fmax(*M, RP_MIB), MAX_MEM_B);
        *c = fmin(fmax(*c, 0.001), MAX_CORES);
}

static void draw_usage_raw(const struct sim *s, uint32_t i, uint64_t ordinal, double *D, double *M,
                           double *c)
{
        const struct replay_fn *f = &s->t->fns[i];
        if (f->n_invs) {
                const struct replay_inv *v = &f->invs[s->fs[i].cur];
                *D = v->dur_s;
                *M = v->mem_bytes;
                *c = f->cores > 0 ? (double)f->cores : v->cores; /* --cpu-demand overrides */
                return;
        }
        static const double dp[REPLAY_DUR_PCT] = {0, 0.01, 0.25, 0.5, 0.75, 0.99, 1};
        static const double mp[REPLAY_MEM_PCT] = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1};
        double dv[REPLAY_DUR_PCT], mv[REPLAY_MEM_PCT];
        for (int k = 0; k < REPLAY_DUR_PCT; k++)
                dv[k] = f->dur_ms[k];
        for (int k = 0; k < REPLAY_MEM_PCT; k++)
                mv[k] = f->mem_mib[k];
        uint64_t seed = s->o->seed;
        *D = fmax(replay_inv_cdf(dp, dv, REPLAY_DUR_PCT, rp_rand(seed, 0xd1, i, ordinal)) / 1000.0,
                  0.001);
        *M = fmax(replay_inv_cdf(mp, mv, REPLAY_MEM_PCT, rp_rand(seed, 0xe1, i, ordinal)), 1.0) *
             RP_MIB;
        /* per invocation within +-20% of the function's demand, unless fixed by --cpu-demand */
        *c = s->t->cores_fixed ? (double)f->cores
                               : (double)f->cores * (0.8 + 0.4 * rp_rand(seed, 0xc1, i, ordinal));
}

/* ---- accounting ---- */
static void spread(double *arr, uint32_t minutes, uint64_t t0, uint64_t t1, double v)
{
        if (!arr || minutes == 0 || v == 0)
                return;
        uint64_t m0 = t0 / RP_MIN, m1 = t1 / RP_MIN;
        if (m0 >= minutes)
                m0 = minutes - 1;
        if (m1 >= minutes)
                m1 = minutes - 1;
        if (m0 == m1 || t1 <= t0) {
                arr[m0] += v;
                return;
        }
        double per_ns = v / (double)(t1 - t0);
        for (uint64_t m = m0; m <= m1; m++) {
                uint64_t a = m == m0 ? t0 : m * RP_MIN;
                uint64_t b = m == m1 ? t1 : (m + 1) * RP_MIN;
                arr[m] += per_ns * (double)(b - a);
        }
}

static double rate_of(const struct sim *s, const struct run *r)
{
        if (s->pol == RP_ORACLE || r->c <= 0)
                return 1;
        return fmin(1.0, ((double)r->cpu_m / 1000.0) / r->c);
}

/* Integrate usage and allocation from r->last_ns to t under the allocation in force. */
static void advance(struct sim *s, struct run *r, uint64_t t)
{
        if (t <= r->last_ns)
                return;
        double dt = (double)(t - r->last_ns) / 1e9;
        double rho = rate_of(s, r);
        double p0 = r->progress, p1 = fmin(r->D, p0 + dt * rho);
        double dp = p1 - p0;
        double used_cpu = r->c * dp;
        double used_mem = rho > 0 ? replay_mem_integral(r->M, r->D, p0, p1) / rho / RP_GIB : 0;
        double alloc_cpu, alloc_mem;
        if (s->pol == RP_ORACLE) {
                alloc_cpu = used_cpu;
                alloc_mem = used_mem;
        } else {
                alloc_cpu = (double)r->cpu_m / 1000.0 * dt;
                alloc_mem = (double)r->mem / RP_GIB * dt;
        }
        struct replay_result *res = s->res;
        res->used_core_s += used_cpu;
        res->used_gib_s += used_mem;
        res->alloc_core_s += alloc_cpu;
        res->alloc_gib_s += alloc_mem;
        res->throttled_s += fmax(0, dt - dp);
        r->used_cpu_s += used_cpu;
        r->progress = p1;
        uint32_t mins = s->t->minutes;
        spread(res->minute_alloc_gib_s, mins, r->last_ns, t, alloc_mem);
        spread(res->minute_used_gib_s, mins, r->last_ns, t, used_mem);
        int k = s->fs[r->fn].sampled;
        if (k >= 0 && res->fn_alloc) {
                spread(res->fn_alloc + (size_t)k * mins, mins, r->last_ns, t, alloc_mem);
                spread(res->fn_used + (size_t)k * mins, mins, r->last_ns, t, used_mem);
        }
        r->last_ns = t;
}

/* ---- hosts: first fit ---- */
static int place(struct sim *s, uint64_t cpu, uint64_t mem, uint32_t *out)
{
        const struct replay_opts *o = s->o;
        if (cpu > o->host_cpu_m || mem > o->host_mem) {
                if (!s->warned_big) {
                        char a[32], b[32];
                        fprintf(stderr,
                                "presize replay: %s: a sandbox of %s CPU and %s does not fit "
                                "on a host; such invocations are rejected\n",
                                replay_policy_names[s->pol], fmt_cpu(cpu, a, sizeof(a)),
                                fmt_bytes(mem, b, sizeof(b)));
                        s->warned_big = true;
                }
                return -ENOSPC;
        }
        for (size_t h = 0; h < s->n_hosts; h++) {
                struct host *x = &s->hosts[h];
                if (x->cpu + cpu <= o->host_cpu_m && x->mem + mem <= o->host_mem) {
                        if (x->n++ == 0)
                                s->hosts_used++;
                        x->cpu += cpu;
                        x->mem += mem;
                        *out = (uint32_t)h;
                        goto placed;
                }
        }
        if (o->max_hosts && s->n_hosts >= o->max_hosts)
                return -ENOSPC;
        if (s->n_hosts == s->cap_hosts) {
                size_t c = s->cap_hosts ? s->cap_hosts * 2 : 64;
                struct host *h = realloc(s->hosts, c * sizeof(*h));
                if (!h)
                        return -ENOMEM;
                s->hosts = h;
                s->cap_hosts = c;
        }
        s->hosts[s->n_hosts] = (struct host){cpu, mem, 1};
        *out = (uint32_t)s->n_hosts++;
        s->hosts_used++;
placed:
        if (s->hosts_used > s->res->hosts)
                s->res->hosts = s->hosts_used;
        return 0;
}

static void unplace(struct sim *s, uint32_t h, uint64_t cpu, uint64_t mem)
{
        struct host *x = &s->hosts[h];
        x->cpu -= cpu;
        x->mem -= mem;
        if (--x->n == 0)
                s->hosts_used--;
}

/* ---- keep-alive ---- */
static bool take_warm(struct fstate *st, uint64_t now, struct inst *out)
{
        while (st->n && st->idle[st->head].expiry_ns < now) {
                st->head++;
                st->n--;
        }
        if (!st->n) {
                st->head = 0;
                return false;
        }
        *out = st->idle[st->head + st->n - 1]; /* the most recently used */
        st->n--;
        return true;
}

static int put_warm(struct fstate *st, const struct inst *in)
{
        if (st->head + st->n == st->cap) {
                if (st->head > 0) {
                        memmove(st->idle, st->idle + st->head, st->n * sizeof(*st->idle));
                        st->head = 0;
                } else {
                        size_t c = st->cap ? st->cap * 2 : 4;
                        struct inst *q = realloc(st->idle, c * sizeof(*q));
                        if (!q)
                                return -ENOMEM;
                        st->idle = q;
                        st->cap = c;
                }
        }
        /* ends are processed in time order, so expiries arrive sorted */
        st->idle[st->head + st->n++] = *in;
        return 0;
}

/* ---- policies: the size at the start of an invocation ---- */
static void static_size(const struct sim *s, uint32_t fi, uint64_t *cpu, uint64_t *mem)
{
        const struct tier *t = &s->tiers[s->fs[fi].tier];
        *cpu = t->cpu_millicores;
        *mem = t->memory_bytes;
}

static void vpa_size(struct sim *s, uint32_t fi, uint64_t now, uint64_t *cpu, uint64_t *mem)
{
        struct fstate *st = &s->fs[fi];
        if (st->vpa && (!st->has_rec || now - st->rec_ns >= VPA_REFRESH_NS)) {
                st->rec_valid = vpa_target(st->vpa, &st->rec_cores, &st->rec_bytes);
                st->rec_ns = now;
                st->has_rec = true;
        }
        if (!st->rec_valid) { /* no recommendation yet: the pod's own request */
                static_size(s, fi, cpu, mem);
                return;
        }
        *cpu = (uint64_t)ceil(st->rec_cores * 1000.0 - 1e-9);
        *mem = (uint64_t)ceil(st->rec_bytes);
        if (*cpu < 1)
                *cpu = 1;
}

static double mean_f(const float *v, size_t n)
{
        double m = 0;
        for (size_t i = 0; i < n; i++)
                m += v[i];
        return n ? m / (double)n : 0;
}

static double max_f(const float *v, size_t n)
{
        double m = -INFINITY;
        for (size_t i = 0; i < n; i++)
                m = fmax(m, v[i]);
        return m;
}

/* presize's prediction from the function's own history, as the history mode of src/predict
 * blends it (demand_blend_history): with n runs, weight n / (n + 2) on their mean in log space and
 * the rest on the prior, here the cold default (the "low" tier: no model knows an Azure
 * function); the upper bound is the blend's plus w x log 1.1, never under the largest run seen
 * plus 10%, and never under the split-conformal bound from the residuals of the earlier
 * predictions at the policy's coverage once there are enough of them. No history: the low
 * tier. */
static void presize_demand(struct sim *s, struct run *r)
{
        struct fstate *st = &s->fs[r->fn];
        struct control_demand *d = &r->d;
        memset(d, 0, sizeof(*d));
        d->complexity = CX_MEDIUM;
        if (st->hn == 0) {
                d->point[RES_CPU] = d->upper[RES_CPU] = (double)COLD_CPU_M;
                d->point[RES_MEMORY] = d->upper[RES_MEMORY] = (double)COLD_MEM;
                r->from_history = false;
                return;
        }
        double coverage = s->o->policy.coverage;
        double w = (double)st->hn / ((double)st->hn + 2.0);
        double lm = w * mean_f(st->hmem, st->hn) + (1 - w) * log((double)COLD_MEM);
        double lc = w * mean_f(st->hcpu, st->hn) + (1 - w) * log((double)COLD_CPU_M / 1000.0);
        r->logp_mem = lm;
        r->logp_cpu = lc;
        r->from_history = true;
        double um = fmax(lm + w * log(1.10), max_f(st->hmem, st->hn) + log(1.10));
        double uc = fmax(lc + w * log(1.10), max_f(st->hcpu, st->hn) + log(1.10));
        if (st->rn >= conformal_group_min(coverage)) {
                double tmp[HIST];
                for (size_t i = 0; i < st->rn; i++)
                        tmp[i] = st->rmem[i];
                um = fmax(um, lm + conformal_quantile(tmp, st->rn, coverage));
                for (size_t i = 0; i < st->rn; i++)
                        tmp[i] = st->rcpu[i];
                uc = fmax(uc, lc + conformal_quantile(tmp, st->rn, coverage));
        }
        d->point[RES_MEMORY] = exp(lm);
        d->upper[RES_MEMORY] = exp(um);
        d->point[RES_CPU] = exp(lc) * 1000.0;
        d->upper[RES_CPU] = exp(uc) * 1000.0;
}

static void presize_learn(struct sim *s, struct run *r, double peak, double cores)
{
        struct fstate *st = &s->fs[r->fn];
        float lm = (float)log(fmax(peak, 1)), lc = (float)log(fmax(cores, 0.001));
        if (r->from_history) {
                st->rmem[st->rpos] = (float)(lm - r->logp_mem);
                st->rcpu[st->rpos] = (float)(lc - r->logp_cpu);
                st->rpos = (uint8_t)((st->rpos + 1) % HIST);
                if (st->rn < HIST)
                        st->rn++;
        }
        st->hmem[st->hpos] = lm;
        st->hcpu[st->hpos] = lc;
        st->hpos = (uint8_t)((st->hpos + 1) % HIST);
        if (st->hn < HIST)
                st->hn++;
}

/* ---- the run's next event ---- */
static int schedule_run(struct sim *s, uint32_t id, uint64_t now)
{
        struct run *r = &s->runs[id];
        double rho = rate_of(s, r);
        double t_end = (r->D - r->progress) / rho;
        double best = t_end;
        r->next = EV_END;
        if (s->pol != RP_ORACLE && r->M > (double)r->mem) {
                double A = (double)r->mem, p;
                if (replay_mem_at(r->M, r->D, r->progress) >= A) {
                        p = r->progress;
                } else {
                        double ramp = fmin(r->D / 2, 2.0);
                        p = (A - r->M / 2) / (r->M / 2) * ramp;
                }
                double t_oom = (p - r->progress) / rho;
                if (t_oom < 0)
                        t_oom = 0;
                if (t_oom <= best) {
                        best = t_oom;
                        r->next = EV_OOM;
                }
        }
        if (s->pol == RP_PRESIZE && (double)r->tick_ns / 1e9 < best) {
                best = (double)r->tick_ns / 1e9;
                r->next = EV_TICK;
        }
        if (!(best < 1e9)) /* a starved run (a tiny share of its demand): ~31 years at most */
                best = 1e9;
        uint64_t at = now + (uint64_t)ceil(best * 1e9);
        return heap_push(s, (struct ev){.t = at, .prio = 0, .id = id, .gen = r->gen});
}

static int new_run(struct sim *s, uint32_t *id)
{
        if (s->n_free) {
                *id = s->free_runs[--s->n_free];
                return 0;
        }
        if (s->n_runs == s->cap_runs) {
                size_t c = s->cap_runs ? s->cap_runs * 2 : 256;
                struct run *q = realloc(s->runs, c * sizeof(*q));
                if (!q)
                        return -ENOMEM;
                s->runs = q;
                uint32_t *f = realloc(s->free_runs, c * sizeof(*f));
                if (!f)
                        return -ENOMEM;
                s->free_runs = f;
                s->cap_runs = c;
        }
        s->runs[s->n_runs].gen = 0;
        *id = (uint32_t)s->n_runs++;
        return 0;
}

static struct sample_window *get_window(struct sim *s)
{
        struct sample_window *w = s->n_wpool ? s->wpool[--s->n_wpool] : NULL;
        if (!w) {
                w = malloc(sizeof(*w));
                if (!w)
                        return NULL;
                s->n_windows++;
                struct sample_window **q =
                    realloc(s->wpool, s->n_windows * sizeof(struct sample_window *));
                if (!q) {
                        free(w);
                        return NULL;
                }
                s->wpool = q;
        }
        sample_window_init(w);
        return w;
}

static void push_sample(struct run *r, uint64_t t)
{
        struct sample sm = {.t_ns = t,
                            .cpu_ns = (uint64_t)(r->used_cpu_s * 1e9),
                            .memory_bytes = (uint64_t)replay_mem_at(r->M, r->D, r->progress)};
        sample_window_push(r->w, &sm);
}

static int arrival(struct sim *s, uint32_t fi, uint64_t now)
{
        struct fstate *st = &s->fs[fi];
        const struct replay_opts *o = s->o;
        double D, M, c;
        draw_usage(s, fi, st->ordinal, &D, &M, &c);
        st->ordinal++;
        if (s->t->fns[fi].n_invs)
                st->cur++;
        else
                st->k++;
        struct inst in = {0};
        bool warm = take_warm(st, now, &in);
        uint64_t cpu, mem;
        struct run tmp = {.fn = fi};
        switch (s->pol) {
        case RP_STATIC:
                static_size(s, fi, &cpu, &mem);
                break;
        case RP_VPA:
                if (warm) { /* VPA applies its recommendation at creation only */
                        cpu = in.cpu_m;
                        mem = in.mem;
                } else {
                        vpa_size(s, fi, now, &cpu, &mem);
                }
                break;
        case RP_PRESIZE: {
                presize_demand(s, &tmp);
                struct alloc a = {.cpu_millicores = COLD_CPU_M, .memory_bytes = COLD_MEM};
                control_initial(&tmp.d, &o->policy, &a);
                cpu = a.cpu_millicores;
                mem = a.memory_bytes;
                break;
        }
        default: /* the oracle reserves the peak on its host */
                cpu = (uint64_t)ceil(c * 1000.0);
                mem = (uint64_t)ceil(M);
                break;
        }
        uint32_t host;
        int r = place(s, cpu, mem, &host);
        if (r == -ENOSPC) {
                s->res->rejected++;
                if (warm)
                        return put_warm(st, &in);
                return 0;
        }
        if (r < 0)
                return r;
        if (s->pol == RP_VPA && (!st->has_last || st->last_cpu_m != cpu || st->last_mem != mem)) {
                if (st->has_last)
                        s->res->adjustments++; /* a changed recommendation, applied */
                st->has_last = true;
                st->last_cpu_m = cpu;
                st->last_mem = mem;
        }
        if (warm) {
                s->res->warm_starts++;
        } else if (s->pol == RP_PRESIZE && o->lead_ns >= o->create_ns) {
                /* created on the notification, ready before the request: it holds its size
                 * from the notification on */
                s->res->preinstantiated++;
                double lead = (double)o->lead_ns / 1e9;
                s->res->alloc_core_s += (double)cpu / 1000.0 * lead;
                s->res->alloc_gib_s += (double)mem / RP_GIB * lead;
        } else {
                s->res->cold_starts++;
        }
        if (!warm)
                memset(&in.vc, 0, sizeof(in.vc));
        in.cpu_m = cpu;
        in.mem = mem;
        uint32_t id;
        if ((r = new_run(s, &id)) < 0)
                return r;
        struct run *x = &s->runs[id];
        uint32_t gen = x->gen;
        *x = tmp;
        x->gen = gen;
        x->fn = fi;
        x->host = host;
        x->live = true;
        x->start_ns = x->last_ns = now;
        x->D = D;
        x->M = M;
        x->c = c;
        x->progress = 0;
        x->cpu_m = cpu;
        x->mem = mem;
        x->used_cpu_s = 0;
        x->in = in;
        x->w = NULL;
        x->tick_ns = o->policy.sample_interval_ns;
        s->res->invocations++;
        if (s->pol == RP_PRESIZE) {
                x->w = get_window(s);
                if (!x->w)
                        return -ENOMEM;
                push_sample(x, now);
        }
        return schedule_run(s, id, now);
}

static void free_run(struct sim *s, uint32_t id)
{
        struct run *r = &s->runs[id];
        if (r->w)
                s->wpool[s->n_wpool++] = r->w;
        r->w = NULL;
        r->live = false;
        r->gen++;
        s->free_runs[s->n_free++] = id;
}

static int finish(struct sim *s, uint32_t id, uint64_t now, bool oom)
{
        struct run *r = &s->runs[id];
        struct fstate *st = &s->fs[r->fn];
        double wall = (double)(now - r->start_ns) / 1e9;
        double cores = wall > 0 ? r->used_cpu_s / wall : r->c;
        if (oom)
                s->res->oom_kills++;
        if (s->pol == RP_PRESIZE) {
                /* what the sandbox measured: a killed run peaked at its limit */
                presize_learn(s, r, oom ? (double)r->mem : r->M, cores);
        } else if (s->pol == RP_VPA) {
                if (!st->vpa) {
                        st->vpa = malloc(sizeof(*st->vpa));
                        if (!st->vpa)
                                return -ENOMEM;
                        vpa_agg_init(st->vpa);
                }
                /* one CPU sample per started minute of the run (the metrics' resolution) */
                uint64_t n = (uint64_t)ceil(wall / 60.0);
                if (n == 0)
                        n = 1;
                for (uint64_t k = 0; k < n; k++)
                        vpa_add_cpu(st->vpa, cores, (double)r->cpu_m / 1000.0,
                                    (int64_t)(r->start_ns + k * RP_MIN));
                if (oom)
                        vpa_record_oom(st->vpa, &r->in.vc, (int64_t)now, (double)r->mem);
                else
                        vpa_add_memory(st->vpa, &r->in.vc, r->M, (int64_t)r->start_ns, false);
        }
        unplace(s, r->host, r->cpu_m, r->mem);
        int ret = 0;
        if (!oom) { /* a killed sandbox is gone; a finished one stays warm */
                r->in.expiry_ns = now + s->o->keepalive_ns;
                r->in.cpu_m = r->cpu_m;
                r->in.mem = r->mem;
                ret = put_warm(st, &r->in);
        }
        free_run(s, id);
        return ret;
}

/* presize's control loop: one sample, control_step, the changes the host has room for. */
static int tick(struct sim *s, uint32_t id, uint64_t now)
{
        struct run *r = &s->runs[id];
        const struct policy *p = &s->o->policy;
        push_sample(r, now);
        struct alloc a = {.cpu_millicores = r->cpu_m, .memory_bytes = r->mem};
        struct decision dec;
        control_step(&a, &r->d, r->w, p, &dec);
        s->res->control_steps++;
        struct decision applied = dec;
        applied.n_changes = 0;
        applied.alloc = a;
        for (size_t i = 0; i < dec.n_changes; i++) {
                const struct change *ch = &dec.changes[i];
                if (ch->resource != RES_CPU && ch->resource != RES_MEMORY)
                        continue;
                struct host *h = &s->hosts[r->host];
                bool cpu = ch->resource == RES_CPU;
                if (ch->to > ch->from) {
                        uint64_t delta = ch->to - ch->from;
                        bool room = cpu ? h->cpu + delta <= s->o->host_cpu_m
                                        : h->mem + delta <= s->o->host_mem;
                        if (!room) {
                                s->res->adjustments_refused++;
                                continue;
                        }
                        if (cpu)
                                h->cpu += delta;
                        else
                                h->mem += delta;
                } else {
                        if (cpu)
                                h->cpu -= ch->from - ch->to;
                        else
                                h->mem -= ch->from - ch->to;
                }
                if (cpu)
                        r->cpu_m = ch->to;
                else
                        r->mem = ch->to;
                applied.changes[applied.n_changes++] = *ch;
        }
        applied.alloc.cpu_millicores = r->cpu_m;
        applied.alloc.memory_bytes = r->mem;
        control_commit(r->w, &applied);
        s->res->adjustments += applied.n_changes;
        /* sample at the policy's interval while memory ramps or the loop acts; while usage is
         * flat and nothing changes, back off (x2 per quiet step) up to max_tick */
        double ramp = fmin(r->D / 2, 2.0);
        if (applied.n_changes || r->progress < ramp)
                r->tick_ns = p->sample_interval_ns;
        else if (r->tick_ns < s->o->max_tick_ns)
                r->tick_ns =
                    r->tick_ns * 2 > s->o->max_tick_ns ? s->o->max_tick_ns : r->tick_ns * 2;
        return schedule_run(s, id, now);
}

static int run_event(struct sim *s, const struct ev *e)
{
        struct run *r = &s->runs[e->id];
        if (!r->live || r->gen != e->gen)
                return 0;
        advance(s, r, e->t);
        switch (r->next) {
        case EV_END:
                r->progress = r->D;
                return finish(s, e->id, e->t, false);
        case EV_OOM:
                return finish(s, e->id, e->t, true);
        default:
                return tick(s, e->id, e->t);
        }
}

static void sim_free(struct sim *s)
{
        if (s->fs) {
                for (size_t i = 0; i < s->t->n_fns; i++) {
                        free(s->fs[i].idle);
                        free(s->fs[i].vpa);
                }
                free(s->fs);
        }
        for (size_t i = 0; i < s->n_runs; i++)
                if (s->runs[i].live && s->runs[i].w)
                        s->wpool[s->n_wpool++] = s->runs[i].w;
        for (size_t i = 0; i < s->n_wpool; i++)
                free(s->wpool[i]);
        free(s->wpool);
        free(s->runs);
        free(s->free_runs);
        free(s->heap);
        free(s->hosts);
}

static size_t sim_bytes(const struct sim *s)
{
        size_t b = s->t->n_fns * sizeof(*s->fs) + s->cap_runs * (sizeof(struct run) + 4) +
                   s->cap_heap * sizeof(struct ev) + s->cap_hosts * sizeof(struct host) +
                   s->n_windows * (sizeof(struct sample_window) + sizeof(void *));
        for (size_t i = 0; i < s->t->n_fns; i++)
                b += s->fs[i].cap * sizeof(struct inst) +
                     (s->fs[i].vpa ? sizeof(struct vpa_agg) : 0);
        return b;
}

/* The static tier of a function: the smallest default tier whose memory covers the largest
 * memory the trace records for it (its 100th percentile), else the largest. */
static uint8_t tier_of(const struct sim *s, const struct replay_fn *f)
{
        double need = (double)f->mem_mib[REPLAY_MEM_PCT - 1] * RP_MIB;
        for (size_t i = 0; i < s->n_tiers; i++)
                if ((double)s->tiers[i].memory_bytes >= need)
                        return (uint8_t)i;
        return (uint8_t)(s->n_tiers - 1);
}

static int run_policy(const struct replay_trace *t, const struct replay_opts *o,
                      enum replay_policy pol, struct replay_run *out, struct progress *pg,
                      size_t *bytes)
{
        struct replay_result *res = &out->res[pol];
        struct sim s = {.t = t, .o = o, .pol = pol, .res = res, .pg = pg};
        uint64_t t0 = now_ns();
        s.n_tiers = default_tiers(s.tiers, 3);
        res->ran = true;
        res->minute_alloc_gib_s = calloc(t->minutes, sizeof(double));
        res->minute_used_gib_s = calloc(t->minutes, sizeof(double));
        if (out->n_sampled) {
                res->fn_alloc = calloc(out->n_sampled * t->minutes, sizeof(double));
                res->fn_used = calloc(out->n_sampled * t->minutes, sizeof(double));
        }
        s.fs = calloc(t->n_fns ? t->n_fns : 1, sizeof(*s.fs));
        int r = 0;
        if (!s.fs || !res->minute_alloc_gib_s || !res->minute_used_gib_s ||
            (out->n_sampled && (!res->fn_alloc || !res->fn_used))) {
                r = -ENOMEM;
                goto out;
        }
        for (size_t i = 0; i < t->n_fns; i++) {
                s.fs[i].sampled = -1;
                s.fs[i].tier = tier_of(&s, &t->fns[i]);
        }
        for (size_t k = 0; k < out->n_sampled; k++)
                s.fs[out->sampled[k]].sampled = (int)k;
        for (size_t i = 0; i < t->n_fns && r >= 0; i++)
                r = schedule_arrival(&s, (uint32_t)i);
        uint64_t ticked = 0;
        while (r >= 0 && s.n_heap) {
                struct ev e = heap_pop(&s);
                if (e.prio == 1) {
                        r = arrival(&s, e.id, e.t);
                        if (r >= 0)
                                r = schedule_arrival(&s, e.id);
                        if (++ticked == 4096) {
                                progress_tick(pg, ticked);
                                ticked = 0;
                        }
                } else {
                        r = run_event(&s, &e);
                }
        }
        progress_tick(pg, ticked);
        *bytes = sim_bytes(&s);
out:
        sim_free(&s);
        res->seconds = (double)(now_ns() - t0) / 1e9;
        return r;
}

static int cmp_by_count(const void *a, const void *b, void *ctx)
{
        const struct replay_trace *t = ctx;
        uint64_t x = t->fns[*(const size_t *)a].invocations,
                 y = t->fns[*(const size_t *)b].invocations;
        if (x != y)
                return x < y ? 1 : -1;
        return (*(const size_t *)a > *(const size_t *)b) -
               (*(const size_t *)a < *(const size_t *)b);
}

int replay_run(const struct replay_trace *t, const struct replay_opts *o, struct replay_run *out)
{
        memset(out, 0, sizeof(*out));
        if (!t->n_fns || !t->minutes)
                return -EINVAL;
        uint64_t t0 = now_ns();
        out->minutes = t->minutes;
        out->invocations = t->invocations;
        /* the sampled functions: the busiest, and those at a tenth and a quarter of the ranking */
        size_t want = o->n_sampled < 8 ? o->n_sampled : 8;
        if (want) {
                size_t *idx = malloc(t->n_fns * sizeof(size_t));
                if (!idx)
                        return -ENOMEM;
                for (size_t i = 0; i < t->n_fns; i++)
                        idx[i] = i;
                qsort_r(idx, t->n_fns, sizeof(size_t), cmp_by_count, (void *)t);
                static const double at[8] = {0, 0.1, 0.25, 0.05, 0.5, 0.02, 0.15, 0.35};
                for (size_t k = 0; k < want; k++) {
                        size_t j = (size_t)(at[k] * (double)t->n_fns);
                        bool dup = false;
                        for (size_t q = 0; q < out->n_sampled; q++)
                                dup |= out->sampled[q] == idx[j];
                        if (!dup && t->fns[idx[j]].invocations)
                                out->sampled[out->n_sampled++] = idx[j];
                }
                free(idx);
        }
        uint64_t total = 0;
        for (int p = 0; p < RP__COUNT; p++)
                total += o->policies[p] ? t->invocations : 0;
        struct progress pg;
        progress_start(&pg, "presize replay", total);
        if (!o->progress)
                pg.tty = false;
        int r = 0;
        for (int p = 0; p < RP__COUNT && r >= 0; p++) {
                if (!o->policies[p])
                        continue;
                size_t bytes = 0;
                r = run_policy(t, o, (enum replay_policy)p, out, &pg, &bytes);
                if (bytes > out->peak_state_bytes)
                        out->peak_state_bytes = bytes;
        }
        progress_end(&pg);
        out->seconds = (double)(now_ns() - t0) / 1e9;
        return r;
}

void replay_run_free(struct replay_run *r)
{
        for (int p = 0; p < RP__COUNT; p++) {
                free(r->res[p].minute_alloc_gib_s);
                free(r->res[p].minute_used_gib_s);
                free(r->res[p].fn_alloc);
                free(r->res[p].fn_used);
        }
        memset(r, 0, sizeof(*r));
}
