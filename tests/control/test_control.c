/* control_step and the policy on synthetic sample sequences: the 1.2x/1.5x rule, clamping,
 * scale-down after sustained low usage (and not before), cooldown, hysteresis, Holt's forecast
 * raising memory before the limit, reasons; policy JSON validation. No sandbox, no clock. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <string.h>

#include "control/control.h"
#include "control/demand.h"
#include "control/policy.h"

#define MS  1000000ULL
#define SEC 1000000000ULL
#define MIB (1ULL << 20)

/* A run fed one sample at a time, decisions applied as the control loop applies them. */
struct sim {
        struct sample_window w;
        struct alloc a;
        struct control_demand d;
        struct policy p;
        struct sample cur;
        size_t n_changes;
        struct change changes[64];
        uint64_t at[64];
};

static void sim_init(struct sim *s)
{
        memset(s, 0, sizeof(*s));
        sample_window_init(&s->w);
        policy_default(&s->p);
        s->a = (struct alloc){.cpu_millicores = 1000, .memory_bytes = 256 * MIB, .pids = 64};
}

static bool reason_ok(const char *r)
{
        static const char *const prefixes[] = {
            "prediction:", "threshold:", "forecast:", "scale-down:"};
        for (size_t i = 0; i < 4; i++)
                if (!strncmp(r, prefixes[i], strlen(prefixes[i])))
                        return strlen(r) > strlen(prefixes[i]) + 5;
        return false;
}

/* Advance by dt with the given memory, CPU rate (millicores) and net rate (bit/s, each way);
 * returns the decision's number of changes. */
static size_t sim_step(struct sim *s, uint64_t dt, uint64_t mem, double cpu_mc, double net_bps)
{
        s->cur.t_ns += dt;
        s->cur.cpu_ns += (uint64_t)(cpu_mc / 1000.0 * (double)dt);
        s->cur.memory_bytes = mem;
        s->cur.net_rx_bytes += (uint64_t)(net_bps / 8.0 * (double)dt / 1e9);
        s->cur.net_tx_bytes += (uint64_t)(net_bps / 8.0 * (double)dt / 1e9 / 2);
        sample_window_push(&s->w, &s->cur);
        struct decision d;
        assert_int_equal(control_step(&s->a, &s->d, &s->w, &s->p, &d), 0);
        for (size_t i = 0; i < d.n_changes; i++) {
                assert_true(reason_ok(d.changes[i].reason));
                assert_int_not_equal(d.changes[i].from, d.changes[i].to);
                if (s->n_changes < 64) {
                        s->at[s->n_changes] = s->cur.t_ns;
                        s->changes[s->n_changes++] = d.changes[i];
                }
        }
        s->a = d.alloc;
        control_commit(&s->w, &d);
        return d.n_changes;
}

static const struct change *find(const struct sim *s, enum resource r, size_t *idx)
{
        for (size_t i = 0; i < s->n_changes; i++)
                if (s->changes[i].resource == r) {
                        if (idx)
                                *idx = i;
                        return &s->changes[i];
                }
        return NULL;
}

static void test_prediction_rule(void **state)
{
        struct sim s;
        sim_init(&s);
        for (int r = 0; r < RES__COUNT; r++)
                s.p.res[r].threshold = 1.0; /* the threshold rule stays out of the way */
        s.p.predictive = false;
        s.a.cpu_millicores = 400;
        s.a.memory_bytes = 50 * MIB;
        s.a.net_rate_bps = 5500000;
        s.d.point[RES_CPU] = 300;
        s.d.point[RES_MEMORY] = 40.0 * MIB;
        s.d.point[RES_NET] = 4000000;
        /* at 1.1x the prediction: nothing */
        sim_step(&s, 100 * MS, 44 * MIB, 330, 4400000);
        assert_int_equal(sim_step(&s, 100 * MS, 44 * MIB, 330, 4400000), 0);
        /* at 1.25x: each raised to 1.5x the prediction */
        assert_int_equal(sim_step(&s, 100 * MS, 50 * MIB - 4096, 375, 5000000), 3);
        assert_int_equal(s.a.cpu_millicores, 450);
        assert_int_equal(s.a.memory_bytes, 60 * MIB);
        assert_int_equal(s.a.net_rate_bps, 6000000);
        for (size_t i = 0; i < s.n_changes; i++)
                assert_non_null(strstr(s.changes[i].reason, "prediction: usage"));
        /* already at 1.5x: the rule has nothing more to give */
        assert_int_equal(sim_step(&s, 100 * MS, 50 * MIB, 375, 5000000), 0);
}

static void test_threshold_factors_and_clamp(void **state)
{
        struct sim s;
        sim_init(&s);
        s.p.predictive = false;
        s.p.res[RES_MEMORY].max = 300 * MIB;
        s.a.net_rate_bps = 10000000;
        /* memory at 85% of 256Mi: + 2 x 0.25 -> 384Mi, clamped to 300Mi */
        sim_step(&s, 100 * MS, 100 * MIB, 100, 0);
        assert_int_equal(sim_step(&s, 100 * MS, 218 * MIB, 100, 0), 1);
        assert_int_equal(s.a.memory_bytes, 300 * MIB);
        assert_non_null(strstr(s.changes[0].reason, "(max)"));
        assert_non_null(strstr(s.changes[0].reason, "threshold:"));
        /* at the max: nothing more, however high */
        assert_int_equal(sim_step(&s, 100 * MS, 299 * MIB, 100, 0), 0);
        /* CPU at its limit: x1.5; with high complexity x1.75 */
        assert_int_equal(sim_step(&s, 100 * MS, 299 * MIB, 1000, 0), 1);
        assert_int_equal(s.a.cpu_millicores, 1500);
        s.d.complexity = CX_HIGH;
        assert_int_equal(sim_step(&s, 100 * MS, 299 * MIB, 1500, 0), 1);
        assert_int_equal(s.a.cpu_millicores, 2630); /* 1500 x 1.75 = 2625, in 10m steps */
        /* network at its limit: + 2 factor + complexity + network factor = x2.25 */
        assert_int_equal(sim_step(&s, 100 * MS, 299 * MIB, 100, 10000000), 1);
        assert_int_equal(s.a.net_rate_bps, 22500000);
        /* the two factors apart: x(1 + 2 x 0.5 + 0.1) = x2.1 */
        s.p.factor = 0.1;
        s.p.threshold_factor = 0.5;
        s.a.cpu_millicores = 1000;
        assert_int_equal(sim_step(&s, 100 * MS, 299 * MIB, 1000, 0), 1);
        assert_int_equal(s.a.cpu_millicores, 2100);
}

static void test_scale_down_sustained(void **state)
{
        struct sim s;
        sim_init(&s);
        /* 10Mi of 256Mi, idle CPU: lowered once usage has been low for the 5s window */
        uint64_t first = 0;
        for (int i = 0; i < 100; i++)
                if (sim_step(&s, 100 * MS, 10 * MIB, 20, 0) && !first)
                        first = s.cur.t_ns;
        assert_true(first >= 5 * SEC);
        assert_true(first <= 5 * SEC + 200 * MS);
        const struct change *c = find(&s, RES_MEMORY, NULL);
        assert_non_null(c);
        assert_int_equal(c->from, 256 * MIB);
        assert_int_equal(c->to, 32 * MIB); /* 10Mi / (0.8 - 0.2) = 17Mi, the policy's min */
        assert_non_null(strstr(c->reason, "scale-down:"));
        c = find(&s, RES_CPU, NULL);
        assert_non_null(c);
        assert_int_equal(c->to, 100); /* 20m / 0.7 -> 30m, the min 100m */

        /* a low stretch shorter than the window: never lowered */
        sim_init(&s);
        for (int k = 0; k < 6; k++) {
                for (int i = 0; i < 40; i++) /* 4s low */
                        sim_step(&s, 100 * MS, 10 * MIB, 20, 0);
                sim_step(&s, 100 * MS, 150 * MIB, 600, 0); /* a burst, not a crossing */
        }
        assert_int_equal(s.n_changes, 0);
}

static void test_cooldown(void **state)
{
        struct sim s;
        sim_init(&s);
        s.p.predictive = false;
        s.p.scale_down_window_ns = 1 * SEC;
        s.p.cooldown_ns = 5 * SEC;
        sim_step(&s, 100 * MS, 100 * MIB, 100, 0);
        assert_int_equal(sim_step(&s, 100 * MS, 230 * MIB, 100, 0), 1); /* raised at 200ms */
        uint64_t raised = s.cur.t_ns;
        assert_int_equal(s.a.memory_bytes, 384 * MIB);
        /* usage falls at once: the window (1s) is satisfied long before the cooldown (5s) */
        size_t idx = 0;
        for (int i = 0; i < 80; i++)
                sim_step(&s, 100 * MS, 20 * MIB, 100, 0);
        assert_non_null(find(&s, RES_MEMORY, &idx));
        size_t down = 0;
        for (size_t i = 0; i < s.n_changes; i++)
                if (s.changes[i].resource == RES_MEMORY && s.changes[i].to < s.changes[i].from) {
                        assert_true(s.at[i] - raised >= 5 * SEC);
                        down++;
                }
        assert_int_equal(down, 1);

        /* alternating 1s high (not crossing) / 1s low for 60s: no change at all */
        sim_init(&s);
        s.p.predictive = false;
        for (int k = 0; k < 30; k++) {
                for (int i = 0; i < 10; i++)
                        sim_step(&s, 100 * MS, 190 * MIB, 800, 0);
                for (int i = 0; i < 10; i++)
                        sim_step(&s, 100 * MS, 20 * MIB, 50, 0);
        }
        assert_int_equal(s.n_changes, 0);

        /* a noisy load around the threshold: raised once, then never lowered and raised again */
        sim_init(&s);
        s.p.predictive = false;
        for (int i = 0; i < 300; i++)
                sim_step(&s, 100 * MS, (i % 2 ? 200 : 215) * MIB, 500, 0);
        assert_int_equal(s.n_changes, 1);
}

static void test_hysteresis(void **state)
{
        struct sim s;
        sim_init(&s);
        s.p.predictive = false;
        s.p.res[RES_MEMORY].threshold = 0.9;
        s.p.scale_down_share = 0.65;
        s.a.memory_bytes = 100 * MIB;
        /* 60% of the limit, under the 65% share: the lowering would be to 60/0.7 = 86%, a step
         * smaller than the 20% hysteresis: no change */
        for (int i = 0; i < 100; i++)
                sim_step(&s, 100 * MS, 60 * MIB, 900, 0);
        assert_null(find(&s, RES_MEMORY, NULL));

        /* 30%: lowered to 30/0.7 = 43Mi, leaving usage at 70% < 90%: no raise follows, and the
         * same usage lowers nothing further */
        sim_init(&s);
        s.p.predictive = false;
        s.p.res[RES_MEMORY].threshold = 0.9;
        s.p.scale_down_share = 0.65;
        s.a.memory_bytes = 100 * MIB;
        for (int i = 0; i < 200; i++)
                sim_step(&s, 100 * MS, 30 * MIB, 900, 0);
        size_t mem = 0;
        for (size_t i = 0; i < s.n_changes; i++)
                mem += s.changes[i].resource == RES_MEMORY;
        assert_int_equal(mem, 1);
        assert_int_equal(s.a.memory_bytes, 43 * MIB);
}

/* Memory growing 10Mi per 100ms: with the forecast, memory is raised before usage crosses the
 * threshold and never reaches the limit; without it, only once usage has crossed. */
static void test_holt_raises_before_limit(void **state)
{
        struct sim s;
        sim_init(&s);
        s.a.memory_bytes = 128 * MIB;
        uint64_t mem = 20 * MIB;
        uint64_t first_at_usage = 0;
        for (int i = 0; i < 80; i++) {
                mem += 10 * MIB;
                assert_true(mem < s.a.memory_bytes); /* the limit is never reached */
                if (sim_step(&s, 100 * MS, mem, 100, 0) && !first_at_usage)
                        first_at_usage = mem;
        }
        assert_true(first_at_usage > 0);
        assert_true(first_at_usage < 0.8 * 128 * MIB);
        for (size_t i = 0; i < s.n_changes; i++)
                if (s.changes[i].resource == RES_MEMORY)
                        assert_non_null(strstr(s.changes[i].reason, "forecast:"));

        sim_init(&s);
        s.p.predictive = false;
        s.a.memory_bytes = 128 * MIB;
        mem = 20 * MIB;
        first_at_usage = 0;
        for (int i = 0; i < 20 && !first_at_usage; i++) {
                mem += 10 * MIB;
                if (sim_step(&s, 100 * MS, mem, 100, 0))
                        first_at_usage = mem;
        }
        assert_true(first_at_usage >= 0.8 * 128 * MIB);
}

static void test_holt_forecast(void **state)
{
        double x[10];
        uint64_t t[10];
        for (int i = 0; i < 10; i++) {
                t[i] = (uint64_t)i * 100 * MS + (i % 3) * MS; /* irregular */
                x[i] = 5.0 + 2e-6 * (double)t[i];
        }
        double f = holt_forecast(x, t, 10, 0.5, 0.3, 500 * MS);
        assert_true(fabs(f - (x[9] + 2e-6 * 500 * MS)) < 1e-3);
        assert_true(fabs(holt_forecast(x, t, 1, 0.5, 0.3, SEC) - 5.0) < 1e-9);
        assert_true(isnan(holt_forecast(x, t, 0, 0.5, 0.3, SEC)));
}

static void test_empty_and_invalid(void **state)
{
        struct sim s;
        sim_init(&s);
        struct decision d;
        assert_int_equal(control_step(&s.a, &s.d, &s.w, &s.p, &d), 0);
        assert_int_equal(d.n_changes, 0);
        assert_int_equal(control_step(NULL, &s.d, &s.w, &s.p, &d), -EINVAL);
        /* initial allocation: upper x base, + factor when complexity is high, clamped */
        struct alloc a = {.cpu_millicores = 1000, .memory_bytes = 64 * MIB};
        struct control_demand dm = {.upper = {450, 100.0 * MIB, 0}, .complexity = CX_HIGH};
        control_initial(&dm, &s.p, &a);
        assert_int_equal(a.cpu_millicores, 570);
        assert_int_equal(a.memory_bytes, 125 * MIB);
        assert_int_equal(a.net_rate_bps, 0);
        /* from a prediction */
        struct demand pd = {.cpu_millicores = {300, 450},
                            .memory_bytes = {40.0 * MIB, 100.0 * MIB},
                            .net_rate_bps = {1e6, 2e6}};
        control_demand_from(&pd, "high", &dm);
        assert_true(dm.point[RES_CPU] == 300 && dm.upper[RES_MEMORY] == 100.0 * MIB);
        assert_true(dm.upper[RES_NET] == 2e6 && dm.complexity == CX_HIGH);
        assert_int_equal(complexity_from_score("medium"), CX_MEDIUM);
        assert_int_equal(complexity_from_score(NULL), CX_LOW);
}

/* ---- policy ---- */

static int parse(const char *text, struct policy *p, char *why, size_t len)
{
        json_error_t err;
        json_t *j = json_loads(text, 0, &err);
        assert_non_null(j);
        int r = policy_from_json(j, p, why, len);
        json_decref(j);
        return r;
}

static void expect_bad(const char *text, const char *field)
{
        struct policy p;
        char why[256] = "";
        assert_int_equal(parse(text, &p, why, sizeof(why)), -EINVAL);
        if (!strstr(why, field))
                fail_msg("%s: message '%s' does not name '%s'", text, why, field);
}

static void test_policy_json(void **state)
{
        struct policy p, q;
        char why[256];
        policy_default(&p);
        assert_int_equal(policy_validate(&p, why, sizeof(why)), 0);
        json_t *j = policy_to_json(&p);
        assert_non_null(j);
        assert_string_equal(json_string_value(json_object_get(json_object_get(j, "memory"), "max")),
                            "64Gi");
        assert_string_equal(json_string_value(json_object_get(j, "sample_interval")), "100ms");
        assert_int_equal(policy_from_json(j, &q, why, sizeof(why)), 0);
        json_t *k = policy_to_json(&q);
        assert_true(json_equal(j, k));
        json_decref(j);
        json_decref(k);

        assert_int_equal(parse("{\"cpu\": {\"min\": \"250m\", \"max\": 2}, \"memory\": {\"max\": "
                               "\"2Gi\", \"threshold\": 0.75}, \"net\": {\"max\": \"100Mbit\"}, "
                               "\"cooldown\": \"10s\", \"predictive\": {\"horizon\": \"1s\"}, "
                               "\"scale_down\": {\"window\": 3}, \"classes\": {\"gold\": "
                               "{\"priority\": 10, \"memory\": {\"max\": \"8Gi\"}, \"cooldown\": "
                               "\"1s\"}}}",
                               &p, why, sizeof(why)),
                         0);
        assert_int_equal(p.res[RES_CPU].min, 250);
        assert_int_equal(p.res[RES_CPU].max, 2000);
        assert_int_equal(p.res[RES_MEMORY].max, 2ULL << 30);
        assert_true(p.res[RES_MEMORY].threshold == 0.75);
        assert_int_equal(p.res[RES_NET].max, 100000000);
        assert_int_equal(p.cooldown_ns, 10 * SEC);
        assert_int_equal(p.horizon_ns, SEC);
        assert_int_equal(p.scale_down_window_ns, 3 * SEC);
        assert_int_equal(p.n_classes, 1);
        assert_int_equal(policy_for_class(&p, "gold", &q), 0);
        assert_int_equal(q.res[RES_MEMORY].max, 8ULL << 30);
        assert_int_equal(q.cooldown_ns, SEC);
        assert_int_equal(q.res[RES_CPU].max, 2000);
        assert_int_equal(policy_for_class(&p, "bronze", &q), -ENOENT);
        j = policy_to_json(&p);
        assert_int_equal(policy_from_json(j, &q, why, sizeof(why)), 0);
        json_decref(j);
        assert_int_equal(q.classes[0].res[RES_MEMORY].max, 8ULL << 30);
}

static void test_policy_rejects(void **state)
{
        expect_bad("[]", "policy");
        expect_bad("{\"memory\": {\"max\": \"2Gx\"}}", "memory.max");
        expect_bad("{\"cpu\": {\"min\": \"lots\"}}", "cpu.min");
        expect_bad("{\"net\": {\"max\": \"5Mb\"}}", "net.max");
        expect_bad("{\"cooldown\": \"soon\"}", "cooldown");
        expect_bad("{\"frob\": 1}", "frob: unknown field");
        expect_bad("{\"scale_down\": {\"windw\": \"1s\"}}", "scale_down.windw");
        expect_bad("{\"memory\": {\"maximum\": \"1Gi\"}}", "memory.maximum");
        expect_bad("{\"cpu\": {\"min\": \"4\", \"max\": \"2\"}}", "cpu.min");
        expect_bad("{\"memory\": {\"max\": 0}}", "memory.max");
        expect_bad("{\"cooldown\": true}", "cooldown");
        expect_bad("{\"memory\": 5}", "memory");
        expect_bad("{\"predictive\": {\"enabled\": \"yes\"}}", "predictive.enabled");
        expect_bad("{\"scaling\": {\"factor\": \"0.5\"}}", "scaling.factor");
        expect_bad("{\"scaling\": {\"factor\": -1}}", "scaling.factor");
        expect_bad("{\"scaling\": {\"threshold_factor\": 11}}", "scaling.threshold_factor");
        expect_bad("{\"memory\": {\"threshold\": 1.5}}", "memory.threshold");
        expect_bad("{\"hysteresis\": 0.95}", "hysteresis");
        expect_bad("{\"sample_interval\": \"10us\"}", "sample_interval");
        expect_bad("{\"scale_down\": {\"window\": \"1h\"}}", "scale_down.window");
        expect_bad("{\"warm_pool\": {\"size\": -1}}", "warm_pool.size");
        expect_bad("{\"overcommit\": 0.5}", "overcommit");
        expect_bad("{\"coverage\": 1}", "coverage");
        expect_bad("{\"classes\": {\"gold\": {\"frob\": 1}}}", "classes.gold.frob");
        expect_bad("{\"classes\": {\"gold\": {\"memory\": {\"min\": \"128Gi\"}}}}",
                   "classes.gold.memory.min");
        expect_bad("{\"classes\": {\"gold\": {\"priority\": \"high\"}}}", "classes.gold.priority");
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(test_prediction_rule),
            cmocka_unit_test(test_threshold_factors_and_clamp),
            cmocka_unit_test(test_scale_down_sustained),
            cmocka_unit_test(test_cooldown),
            cmocka_unit_test(test_hysteresis),
            cmocka_unit_test(test_holt_raises_before_limit),
            cmocka_unit_test(test_holt_forecast),
            cmocka_unit_test(test_empty_and_invalid),
            cmocka_unit_test(test_policy_json),
            cmocka_unit_test(test_policy_rejects),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
