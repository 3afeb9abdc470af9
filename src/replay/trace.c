/* The trace in memory: per function, its duration and memory percentiles and its invocations per
 * minute (sparse), or its explicit invocations (stored runs). The usage model, the CPU model and
 * the synthetic generator. */
#include "replay/internal.h"
#include "replay/replay.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const replay_policy_names[RP__COUNT] = {"static", "vpa", "presize", "oracle"};

void replay_trace_init(struct replay_trace *t)
{
        memset(t, 0, sizeof(*t));
}

void replay_trace_free(struct replay_trace *t)
{
        for (size_t i = 0; i < t->n_fns; i++) {
                free(t->fns[i].minutes);
                free(t->fns[i].invs);
        }
        free(t->fns);
        replay_trace_init(t);
}

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
        if (need <= *cap)
                return 0;
        size_t n = *cap ? *cap * 2 : 8;
        while (n < need)
                n *= 2;
        void *q = realloc(*p, n * size);
        if (!q)
                return -ENOMEM;
        *p = q;
        *cap = n;
        return 0;
}

int replay_trace_add(struct replay_trace *t, const char *name, struct replay_fn **out)
{
        int r = grow((void **)&t->fns, &t->cap_fns, t->n_fns + 1, sizeof(*t->fns));
        if (r < 0)
                return r;
        struct replay_fn *f = &t->fns[t->n_fns++];
        memset(f, 0, sizeof(*f));
        snprintf(f->name, sizeof(f->name), "%s", name);
        *out = f;
        return 0;
}

int replay_fn_add_minute(struct replay_fn *f, uint32_t minute, uint32_t count)
{
        if (count == 0)
                return 0;
        int r = grow((void **)&f->minutes, &f->cap_minutes, f->n_minutes + 1, sizeof(*f->minutes));
        if (r < 0)
                return r;
        f->minutes[f->n_minutes++] = (struct replay_minute){minute, count};
        f->invocations += count;
        return 0;
}

int replay_fn_add_inv(struct replay_fn *f, const struct replay_inv *inv)
{
        int r = grow((void **)&f->invs, &f->cap_invs, f->n_invs + 1, sizeof(*f->invs));
        if (r < 0)
                return r;
        f->invs[f->n_invs++] = *inv;
        f->invocations++;
        return 0;
}

size_t replay_trace_bytes(const struct replay_trace *t)
{
        size_t b = t->cap_fns * sizeof(*t->fns);
        for (size_t i = 0; i < t->n_fns; i++)
                b += t->fns[i].cap_minutes * sizeof(struct replay_minute) +
                     t->fns[i].cap_invs * sizeof(struct replay_inv);
        return b;
}

double replay_inv_cdf(const double *p, const double *v, size_t n, double u)
{
        if (n == 0)
                return 0;
        if (u <= p[0])
                return v[0];
        for (size_t i = 1; i < n; i++)
                if (u <= p[i]) {
                        double span = p[i] - p[i - 1];
                        double x = span > 0 ? (u - p[i - 1]) / span : 1;
                        return v[i - 1] + x * (v[i] - v[i - 1]);
                }
        return v[n - 1];
}

/* The memory ramp: min(dur / 2, 2 s) of work. */
static double ramp_of(double dur)
{
        return fmin(dur / 2, 2.0);
}

double replay_mem_at(double peak, double dur, double progress)
{
        double r = ramp_of(dur);
        if (r <= 0 || progress >= r)
                return peak;
        if (progress <= 0)
                return peak / 2;
        return peak / 2 + peak / 2 * progress / r;
}

/* Integral of the ramp from 0 to x. */
static double mem_cum(double peak, double r, double x)
{
        if (x <= 0)
                return 0;
        if (r <= 0)
                return peak * x;
        if (x <= r)
                return peak / 2 * x + peak / 4 * x * x / r;
        return peak * 3 / 4 * r + peak * (x - r);
}

double replay_mem_integral(double peak, double dur, double a, double b)
{
        double r = ramp_of(dur);
        return mem_cum(peak, r, b) - mem_cum(peak, r, a);
}

void replay_assign_cores(struct replay_trace *t, uint64_t seed, double fixed)
{
        t->cores_fixed = fixed > 0;
        for (size_t i = 0; i < t->n_fns; i++) {
                struct replay_fn *f = &t->fns[i];
                if (fixed > 0)
                        f->cores = (float)fixed;
                else if (f->n_invs == 0) /* explicit runs carry their own */
                        f->cores = (float)(0.1 * pow(10.0, rp_rand(seed, 0xc0, i, 0)));
        }
}

/* ---- the synthetic generator ---- */

/* A day's shape: the rate at minute m of a day, between 0.5 and 1.5 of the mean. */
static double diurnal(uint32_t m)
{
        return 1.0 + 0.5 * sin(2 * M_PI * ((double)(m % 1440) / 1440.0 - 0.25));
}

int replay_synthetic(uint64_t n, uint32_t minutes, uint64_t seed, struct replay_trace *t)
{
        if (n == 0 || minutes == 0)
                return -EINVAL;
        snprintf(t->source, sizeof(t->source), "synthetic (%llu invocations, seed %llu)",
                 (unsigned long long)n, (unsigned long long)seed);
        t->minutes = minutes;
        /* about one function per 700 invocations, as in the Azure sample; popularity Zipf(1) */
        uint64_t nf = n / 700;
        if (nf < 1)
                nf = 1;
        if (nf > 100000)
                nf = 100000;
        double hsum = 0;
        for (uint64_t i = 0; i < nf; i++)
                hsum += 1.0 / (double)(i + 1);
        double dsum = 0;
        for (uint32_t m = 0; m < minutes; m++)
                dsum += diurnal(m);
        uint64_t given = 0;
        for (uint64_t i = 0; i < nf; i++) {
                char name[24];
                snprintf(name, sizeof(name), "syn%06llu", (unsigned long long)i);
                struct replay_fn *f;
                int r = replay_trace_add(t, name, &f);
                if (r < 0)
                        return r;
                uint64_t c = (uint64_t)floor((double)n / (double)(i + 1) / hsum);
                if (i == nf - 1)
                        c = n - given; /* the remainder: the total is exact */
                if (given + c > n)
                        c = n - given;
                given += c;
                /* durations: median log-uniform 50 ms .. 20 s; memory: median 64 .. 512 MiB */
                double dmed = 50.0 * pow(400.0, rp_rand(seed, 0xd0, i, 0));
                static const double dsh[REPLAY_DUR_PCT] = {0.3, 0.4, 0.8, 1, 1.3, 3, 5};
                for (int k = 0; k < REPLAY_DUR_PCT; k++)
                        f->dur_ms[k] = (float)(dmed * dsh[k]);
                double mmed = 64.0 * pow(8.0, rp_rand(seed, 0xe0, i, 0));
                static const double msh[REPLAY_MEM_PCT] = {0.8, 0.85, 0.93, 1, 1.07, 1.2, 1.3, 1.4};
                for (int k = 0; k < REPLAY_MEM_PCT; k++)
                        f->mem_mib[k] = (float)(mmed * msh[k]);
                f->has_mem = true;
                /* spread over the minutes by the day's shape, carrying the fractions */
                double acc = 0;
                uint64_t placed = 0;
                for (uint32_t m = 0; m < minutes && placed < c; m++) {
                        acc += (double)c * diurnal(m) / dsum;
                        uint64_t k = (uint64_t)floor(acc);
                        if (m == minutes - 1 || placed + k > c)
                                k = c - placed;
                        acc -= (double)k;
                        if (k > UINT32_MAX)
                                k = UINT32_MAX;
                        r = replay_fn_add_minute(f, m, (uint32_t)k);
                        if (r < 0)
                                return r;
                        placed += k;
                }
                t->invocations += placed;
        }
        return 0;
}
