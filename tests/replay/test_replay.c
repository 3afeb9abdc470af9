/* The trace replay (issue 6): the usage model, the VPA recommender against its published
 * behaviour (kubernetes/autoscaler's own test cases: OOM bump-up, percentile estimator, decay),
 * and the simulator on hand-made traces whose results are computed by hand below: a constant
 * workload (oracle slack 0, static slack exact), throttling, OOM kills, a full cluster, the same
 * seed giving the same result, and memory bounded by functions, not invocations. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <math.h>
#include <string.h>

#include "replay/replay.h"
#include "replay/vpa.h"

#define MIB     (1024.0 * 1024.0)
#define GIB     (1024.0 * MIB)
#define HOUR_NS (3600LL * 1000000000LL)

/* ---- the usage model ---- */
static void test_inv_cdf(void **state)
{
        (void)state;
        const double p[] = {0, 0.5, 1}, v[] = {10, 20, 40};
        assert_true(replay_inv_cdf(p, v, 3, 0) == 10);
        assert_true(fabs(replay_inv_cdf(p, v, 3, 0.25) - 15) < 1e-12);
        assert_true(fabs(replay_inv_cdf(p, v, 3, 0.75) - 30) < 1e-12);
        assert_true(replay_inv_cdf(p, v, 3, 1) == 40);
        const double q[] = {0.01, 0.99}, w[] = {5, 7};
        assert_true(replay_inv_cdf(q, w, 2, 0.001) == 5); /* below the first: the first */
}

static void test_memory_ramp(void **state)
{
        (void)state;
        double M = 100 * MIB;
        /* 1 s run: ramp 0.5 s from M/2 to M */
        assert_true(replay_mem_at(M, 1, 0) == M / 2);
        assert_true(fabs(replay_mem_at(M, 1, 0.25) - 0.75 * M) < 1);
        assert_true(replay_mem_at(M, 1, 0.5) == M);
        assert_true(replay_mem_at(M, 1, 0.9) == M);
        /* integral over the run = M (D - r/4) */
        assert_true(fabs(replay_mem_integral(M, 1, 0, 1) - M * 0.875) < 1e-3);
        /* long run: the ramp is 2 s */
        assert_true(fabs(replay_mem_integral(M, 60, 0, 60) - M * (60 - 0.5)) < 1e-3);
        /* additive */
        double a = replay_mem_integral(M, 3, 0, 0.7) + replay_mem_integral(M, 3, 0.7, 3);
        assert_true(fabs(a - replay_mem_integral(M, 3, 0, 3)) < 1e-3);
}

/* ---- VPA: the published behaviour ---- */

/* histogram_options.go: bucket n starts at first * (ratio^n - 1) / (ratio - 1) */
static void test_vpa_buckets(void **state)
{
        (void)state;
        struct vpa_hist h;
        vpa_hist_init_mem(&h);
        assert_int_equal(h.n, 176); /* ceil(log_1.05(1e12 * 0.05 / 1e7 + 1)) + 1 */
        vpa_hist_init_cpu(&h);
        assert_int_equal(h.n, 176);
        assert_true(vpa_hist_bucket_start(&h, 0) == 0);
        assert_true(fabs(vpa_hist_bucket_start(&h, 1) - 0.01) < 1e-12);
        assert_true(fabs(vpa_hist_bucket_start(&h, 2) - 0.0205) < 1e-12);
        assert_int_equal(vpa_hist_bucket(&h, 0.005), 0);
        assert_int_equal(vpa_hist_bucket(&h, 0.0101), 1);
        assert_int_equal(vpa_hist_bucket(&h, 1e9), h.n - 1);
}

/* estimator_test.go TestPercentileEstimator: CPU 1, 2, 3 cores -> p20 within 5% of 1 core;
 * memory peaks 1e9, 2e9, 3e9 -> p50 within 5% of 2e9. */
static void test_vpa_percentile_estimator(void **state)
{
        (void)state;
        struct vpa_agg a;
        vpa_agg_init(&a);
        for (int i = 1; i <= 3; i++) {
                vpa_hist_add(&a.cpu, i, 1.0, 0);
                vpa_hist_add(&a.mem, i * 1e9, 1.0, 0);
        }
        assert_true(fabs(vpa_hist_percentile(&a.cpu, 0.2) - 1.0) / 1.0 < 0.05);
        assert_true(fabs(vpa_hist_percentile(&a.mem, 0.5) - 2e9) / 2e9 < 0.05);
        /* and exactly the end of the bucket holding the value (histogram.go Percentile) */
        int b = vpa_hist_bucket(&a.cpu, 1.0);
        assert_true(vpa_hist_percentile(&a.cpu, 0.2) == vpa_hist_bucket_start(&a.cpu, b + 1));
}

/* decaying_histogram.go: a sample one half-life newer weighs twice as much. */
static void test_vpa_decay(void **state)
{
        (void)state;
        struct vpa_hist h;
        vpa_hist_init_cpu(&h);
        vpa_hist_add(&h, 1.0, 1.0, 0);
        vpa_hist_add(&h, 3.0, 1.0, 24 * HOUR_NS); /* weight 2 */
        double one = vpa_hist_bucket_start(&h, vpa_hist_bucket(&h, 1.0) + 1);
        double three = vpa_hist_bucket_start(&h, vpa_hist_bucket(&h, 3.0) + 1);
        assert_true(fabs(h.total - 3.0) < 1e-9);
        assert_true(vpa_hist_percentile(&h, 0.33) == one);
        assert_true(vpa_hist_percentile(&h, 0.34) == three);
        /* far in the future the reference moves (renormalisation) and percentiles hold */
        vpa_hist_add(&h, 3.0, 1.0, 200 * 24 * HOUR_NS);
        assert_true(vpa_hist_percentile(&h, 0.5) == three);
        assert_true(vpa_hist_percentile(&h, 0.001) >= 0);
}

/* container_test.go: TestRecordOOMIncreasedByBumpUp, ...ByMin, ...MaxedWithKnownSample,
 * ...DontRunAway, ...DiscardsOldSample, ...InNewWindow. */
static void test_vpa_oom_bump(void **state)
{
        (void)state;
        struct vpa_agg a;
        struct vpa_container c;
        int64_t t0 = 1000 * HOUR_NS;

        vpa_agg_init(&a);
        memset(&c, 0, sizeof(c));
        assert_int_equal(vpa_record_oom(&a, &c, t0, 1000 * MIB), 0);
        assert_true(c.oom_peak == 1200 * MIB); /* +20% */
        assert_true(c.window_end_ns == t0 + 24 * HOUR_NS);
        /* smaller OOMs do not change it; a larger one does */
        assert_int_equal(vpa_record_oom(&a, &c, t0, 999 * MIB), 0);
        assert_true(c.oom_peak == 1200 * MIB);
        assert_int_equal(vpa_record_oom(&a, &c, t0, 2000 * MIB), 0);
        assert_true(c.oom_peak == 2400 * MIB);
        /* one peak per interval: the old one was subtracted */
        assert_int_equal(a.mem.min_b, a.mem.max_b);
        assert_int_equal(a.mem.max_b, vpa_hist_bucket(&a.mem, 2400 * MIB));

        vpa_agg_init(&a);
        memset(&c, 0, sizeof(c));
        assert_int_equal(vpa_record_oom(&a, &c, t0, 1 * MIB), 0);
        assert_true(c.oom_peak == 101 * MIB); /* at least +100 MiB */

        vpa_agg_init(&a);
        memset(&c, 0, sizeof(c));
        assert_true(vpa_add_memory(&a, &c, 3000 * MIB, t0, false));
        assert_int_equal(vpa_record_oom(&a, &c, t0, 1000 * MIB), 0);
        assert_true(c.oom_peak == 3600 * MIB); /* the known peak is above the request */

        vpa_agg_init(&a);
        memset(&c, 0, sizeof(c));
        assert_true(vpa_add_memory(&a, &c, 1000 * MIB, t0, false));
        assert_int_equal(vpa_record_oom(&a, &c, t0 - 30 * HOUR_NS, 1000 * MIB), -ESTALE);

        vpa_agg_init(&a);
        memset(&c, 0, sizeof(c));
        assert_true(vpa_add_memory(&a, &c, 2000 * MIB, t0, false));
        assert_int_equal(vpa_record_oom(&a, &c, t0 + 48 * HOUR_NS, 1000 * MIB), 0);
        assert_true(c.window_end_ns == t0 + 3 * 24 * HOUR_NS);
        assert_true(c.oom_peak == 2400 * MIB);
}

/* container_test.go TestAggregateContainerUsageSamples: memory peaks per interval (subtract the
 * old peak, add the new one); out-of-order samples discarded. */
static void test_vpa_memory_peaks(void **state)
{
        (void)state;
        struct vpa_agg a;
        struct vpa_container c = {0};
        vpa_agg_init(&a);
        int64_t t0 = 1000 * HOUR_NS, step = 12 * HOUR_NS;
        assert_true(vpa_add_memory(&a, &c, 50 * MIB, t0, false));
        assert_true(vpa_add_memory(&a, &c, 100 * MIB, t0 + step, false));
        assert_true(c.memory_peak == 100 * MIB);
        /* 5 replaced by 10 in the same window */
        assert_int_equal(a.mem.min_b, a.mem.max_b);
        assert_int_equal(a.mem.max_b, vpa_hist_bucket(&a.mem, 100 * MIB));
        assert_true(vpa_add_memory(&a, &c, 20 * MIB, t0 + 2 * step, false));
        assert_true(c.memory_peak == 20 * MIB);               /* a new window */
        assert_false(vpa_add_memory(&a, &c, 100, t0, false)); /* out of order */
}

/* recommender.go: target = p90 + 15% margin, at least 25m CPU and 250Mi memory. */
static void test_vpa_target(void **state)
{
        (void)state;
        struct vpa_agg a;
        vpa_agg_init(&a);
        double cores, bytes;
        assert_false(vpa_target(&a, &cores, &bytes)); /* no samples: no recommendation */
        for (int i = 0; i < 10; i++)
                vpa_add_cpu(&a, 1.0, 1.0, i * 60LL * 1000000000LL);
        struct vpa_container c = {0};
        vpa_add_memory(&a, &c, 2e9, 0, false);
        assert_true(vpa_target(&a, &cores, &bytes));
        double p90 = vpa_hist_bucket_start(&a.cpu, vpa_hist_bucket(&a.cpu, 1.0) + 1);
        double m = floor(p90 * 1000);
        assert_true(fabs(cores - (m + floor(m * 0.15)) / 1000) < 1e-12);
        double mp = floor(vpa_hist_bucket_start(&a.mem, vpa_hist_bucket(&a.mem, 2e9) + 1));
        assert_true(bytes == mp + floor(mp * 0.15));
        /* the minimums */
        vpa_agg_init(&a);
        memset(&c, 0, sizeof(c));
        vpa_add_cpu(&a, 0.001, 0.001, 0);
        vpa_add_memory(&a, &c, 1e6, 0, false);
        assert_true(vpa_target(&a, &cores, &bytes));
        assert_true(cores == 0.025);
        assert_true(bytes == 250 * MIB);
}

/* ---- the simulator on hand-made traces ---- */

/* One function: `per_minute` invocations in each of `minutes` minutes, every duration `ms`,
 * every memory `mib`, `cores` cores. */
static void const_trace(struct replay_trace *t, uint32_t minutes, uint32_t per_minute, double ms,
                        double mib, double cores)
{
        replay_trace_init(t);
        struct replay_fn *f;
        assert_int_equal(replay_trace_add(t, "f0", &f), 0);
        for (int k = 0; k < REPLAY_DUR_PCT; k++)
                f->dur_ms[k] = (float)ms;
        for (int k = 0; k < REPLAY_MEM_PCT; k++)
                f->mem_mib[k] = (float)mib;
        f->has_mem = true;
        for (uint32_t m = 0; m < minutes; m++)
                assert_int_equal(replay_fn_add_minute(f, m, per_minute), 0);
        t->minutes = minutes;
        t->invocations = (uint64_t)minutes * per_minute;
        replay_assign_cores(t, 1, cores);
}

static bool near(double a, double b)
{
        return fabs(a - b) <= 1e-6 * fmax(1, fabs(b));
}

/* 10 invocations of 1 s, 100 MiB, 1 core, no keep-alive (every one a new sandbox).
 * used memory per run = 100 MiB x (1 s - 0.5 s / 4) = 87.5 MiB-s -> 875/1024 GiB-s in all.
 * static (low tier, 1 CPU, 2 GiB): 10 core-s, 20 GiB-s allocated; oracle: exactly the use.
 * vpa: the first run has no recommendation (the low tier); then p90 + 15% of 1 core = 1168m
 * (bucket end 1.01628 core -> 1016m + 152m) and max(p90 of 100 MiB peaks + 15%, 250Mi) =
 * 250Mi: 1 + 9 x 1.168 core-s, 2 + 9 x 250/1024 GiB-s. */
static void test_constant_workload(void **state)
{
        (void)state;
        struct replay_trace t;
        const_trace(&t, 10, 1, 1000, 100, 1);
        struct replay_opts o;
        replay_opts_default(&o);
        o.keepalive_ns = 0;
        struct replay_run r;
        assert_int_equal(replay_run(&t, &o, &r), 0);
        const struct replay_result *st = &r.res[RP_STATIC], * or = &r.res[RP_ORACLE],
                                   *vp = &r.res[RP_VPA], *ps = &r.res[RP_PRESIZE];
        double used_gib = 875.0 / 1024.0;
        for (int p = 0; p < RP__COUNT; p++) {
                assert_true(near(r.res[p].used_core_s, 10));
                assert_true(near(r.res[p].used_gib_s, used_gib));
                assert_int_equal(r.res[p].invocations, 10);
                assert_int_equal(r.res[p].hosts, 1);
        }
        assert_true(near(st->alloc_core_s, 10));
        assert_true(near(st->alloc_gib_s, 20));
        assert_true(near(st->alloc_gib_s - st->used_gib_s, 20 - used_gib));
        assert_int_equal(st->oom_kills, 0);
        assert_int_equal(st->cold_starts, 10);
        assert_true(near(st->throttled_s, 0));
        assert_true(near(or->alloc_core_s, or->used_core_s));
        assert_true(near(or->alloc_gib_s - or->used_gib_s, 0));
        assert_int_equal(or->oom_kills, 0);
        assert_true(near(vp->alloc_core_s, 1 + 9 * 1.168));
        assert_true(near(vp->alloc_gib_s, 2 + 9 * 250.0 / 1024));
        assert_int_equal(vp->adjustments, 1);
        assert_int_equal(vp->oom_kills, 0);
        /* presize: pre-instantiated every time (lead 500 ms > creation 100 ms), never killed */
        assert_int_equal(ps->cold_starts, 0);
        assert_int_equal(ps->preinstantiated, 10);
        assert_int_equal(ps->oom_kills, 0);
        assert_true(ps->alloc_gib_s > ps->used_gib_s);
        assert_true(ps->control_steps > 0);
        replay_run_free(&r);

        /* with the default 10 min keep-alive, one invocation a minute stays warm: one cold start */
        replay_opts_default(&o);
        assert_int_equal(replay_run(&t, &o, &r), 0);
        assert_int_equal(r.res[RP_STATIC].cold_starts, 1);
        assert_int_equal(r.res[RP_STATIC].warm_starts, 9);
        assert_int_equal(r.res[RP_PRESIZE].cold_starts, 0);
        assert_int_equal(r.res[RP_PRESIZE].preinstantiated, 1);
        /* without the lead time presize pays the cold start like the others */
        replay_run_free(&r);
        o.lead_ns = 0;
        assert_int_equal(replay_run(&t, &o, &r), 0);
        assert_int_equal(r.res[RP_PRESIZE].cold_starts, 1);
        replay_run_free(&r);
        replay_trace_free(&t);
}

/* 2 cores of demand in a 1-CPU static sandbox: each 1 s run takes 2 s; throttled 1 s each. */
static void test_throttling(void **state)
{
        (void)state;
        struct replay_trace t;
        const_trace(&t, 10, 1, 1000, 100, 2);
        struct replay_opts o;
        replay_opts_default(&o);
        o.policies[RP_VPA] = o.policies[RP_PRESIZE] = false;
        struct replay_run r;
        assert_int_equal(replay_run(&t, &o, &r), 0);
        const struct replay_result *st = &r.res[RP_STATIC];
        assert_true(near(st->throttled_s, 10));
        assert_true(near(st->used_core_s, 20));
        assert_true(near(st->alloc_core_s, 20));
        assert_true(near(st->used_gib_s, 2 * 875.0 / 1024));
        assert_true(near(st->alloc_gib_s, 40));
        assert_true(near(r.res[RP_ORACLE].throttled_s, 0));
        assert_false(r.res[RP_VPA].ran);
        replay_run_free(&r);
        replay_trace_free(&t);
}

/* 20000 MiB peaks: above the largest tier (16 GiB). Usage starts at 10000 MiB and ramps over
 * 0.5 s; it crosses 16384 MiB at (16384 - 10000) / 10000 x 0.5 s = 0.3192 s: every run is
 * killed there, and a killed sandbox is not kept warm. */
static void test_static_oom(void **state)
{
        (void)state;
        struct replay_trace t;
        const_trace(&t, 10, 1, 1000, 20000, 1);
        struct replay_opts o;
        replay_opts_default(&o);
        o.policies[RP_VPA] = o.policies[RP_PRESIZE] = false;
        struct replay_run r;
        assert_int_equal(replay_run(&t, &o, &r), 0);
        const struct replay_result *st = &r.res[RP_STATIC];
        assert_int_equal(st->oom_kills, 10);
        assert_int_equal(st->cold_starts, 10);
        assert_true(near(st->alloc_gib_s, 10 * 16 * 0.3192));
        assert_true(near(st->used_core_s, 10 * 0.3192));
        assert_int_equal(r.res[RP_ORACLE].oom_kills, 0);
        replay_run_free(&r);
        replay_trace_free(&t);
}

/* 10 invocations of 100 s arriving within one minute: all overlap. Hosts of 1 CPU and at most
 * 2 of them: the static sandboxes (1 CPU each) fit 2, the other 8 are rejected. */
static void test_full_cluster(void **state)
{
        (void)state;
        struct replay_trace t;
        const_trace(&t, 1, 10, 100000, 100, 0.5);
        struct replay_opts o;
        replay_opts_default(&o);
        o.host_cpu_m = 1000;
        o.host_mem = 4ULL << 30;
        o.max_hosts = 2;
        o.policies[RP_VPA] = o.policies[RP_PRESIZE] = false;
        struct replay_run r;
        assert_int_equal(replay_run(&t, &o, &r), 0);
        assert_int_equal(r.res[RP_STATIC].rejected, 8);
        assert_int_equal(r.res[RP_STATIC].invocations, 2);
        assert_int_equal(r.res[RP_STATIC].hosts, 2);
        /* the oracle packs 0.5 core each: 2 per host, 4 in all */
        assert_int_equal(r.res[RP_ORACLE].rejected, 6);
        assert_int_equal(r.res[RP_ORACLE].hosts, 2);
        replay_run_free(&r);
        /* unbounded: 10 hosts for static, 5 for the oracle */
        o.max_hosts = 0;
        assert_int_equal(replay_run(&t, &o, &r), 0);
        assert_int_equal(r.res[RP_STATIC].hosts, 10);
        assert_int_equal(r.res[RP_ORACLE].hosts, 5);
        replay_run_free(&r);
        replay_trace_free(&t);
}

static void results_equal(const struct replay_run *a, const struct replay_run *b, bool *same)
{
        *same = true;
        for (int p = 0; p < RP__COUNT; p++) {
                const struct replay_result *x = &a->res[p], *y = &b->res[p];
                if (x->alloc_core_s != y->alloc_core_s || x->used_core_s != y->used_core_s ||
                    x->alloc_gib_s != y->alloc_gib_s || x->used_gib_s != y->used_gib_s ||
                    x->oom_kills != y->oom_kills || x->throttled_s != y->throttled_s ||
                    x->cold_starts != y->cold_starts || x->hosts != y->hosts ||
                    x->adjustments != y->adjustments)
                        *same = false;
        }
}

static void test_same_seed_same_result(void **state)
{
        (void)state;
        struct replay_trace t;
        replay_trace_init(&t);
        assert_int_equal(replay_synthetic(5000, 60, 7, &t), 0);
        assert_int_equal(t.invocations, 5000);
        replay_assign_cores(&t, 7, 0);
        struct replay_opts o;
        replay_opts_default(&o);
        o.seed = 7;
        struct replay_run a, b, c;
        assert_int_equal(replay_run(&t, &o, &a), 0);
        assert_int_equal(replay_run(&t, &o, &b), 0);
        bool same;
        results_equal(&a, &b, &same);
        assert_true(same);
        o.seed = 8;
        assert_int_equal(replay_run(&t, &o, &c), 0);
        results_equal(&a, &c, &same);
        assert_false(same);
        /* the policies see the same usage */
        assert_true(near(a.res[RP_ORACLE].used_core_s, a.res[RP_STATIC].used_core_s));
        replay_run_free(&a);
        replay_run_free(&b);
        replay_run_free(&c);
        replay_trace_free(&t);
}

/* The simulator's state depends on the functions and the concurrency, not on how many
 * invocations there are: 1,000 or 100,000 invocations of one function of 20 ms. */
static void test_memory_bounded(void **state)
{
        (void)state;
        size_t bytes[2];
        for (int i = 0; i < 2; i++) {
                struct replay_trace t;
                const_trace(&t, 100, i ? 1000 : 10, 20, 100, 0.5);
                struct replay_opts o;
                replay_opts_default(&o);
                o.policies[RP_PRESIZE] = false;
                struct replay_run r;
                assert_int_equal(replay_run(&t, &o, &r), 0);
                assert_int_equal(r.res[RP_STATIC].invocations, t.invocations);
                bytes[i] = r.peak_state_bytes;
                replay_run_free(&r);
                replay_trace_free(&t);
        }
        assert_true(bytes[1] < 2 * bytes[0]);
        assert_true(bytes[1] < 1 << 20);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(test_inv_cdf),
            cmocka_unit_test(test_memory_ramp),
            cmocka_unit_test(test_vpa_buckets),
            cmocka_unit_test(test_vpa_percentile_estimator),
            cmocka_unit_test(test_vpa_decay),
            cmocka_unit_test(test_vpa_oom_bump),
            cmocka_unit_test(test_vpa_memory_peaks),
            cmocka_unit_test(test_vpa_target),
            cmocka_unit_test(test_constant_workload),
            cmocka_unit_test(test_throttling),
            cmocka_unit_test(test_static_oom),
            cmocka_unit_test(test_full_cluster),
            cmocka_unit_test(test_same_seed_same_result),
            cmocka_unit_test(test_memory_bounded),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
