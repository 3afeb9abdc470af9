/* The scaling policy: defaults, validation, JSON in the units people type. */
#include "control/policy.h"
#include "util/units.h"
#include "util/why.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define MS  1000000ULL
#define SEC 1000000000ULL
#define MIB (1ULL << 20)
#define GIB (1ULL << 30)

const char *const resource_names[RES__COUNT] = {"cpu", "memory", "net"};

void policy_default(struct policy *p)
{
        memset(p, 0, sizeof(*p));
        p->res[RES_CPU] = (struct policy_resource){.min = 100, .max = 64000, .threshold = 0.9};
        p->res[RES_MEMORY] =
            (struct policy_resource){.min = 32 * MIB, .max = 64 * GIB, .threshold = 0.8};
        p->res[RES_NET] =
            (struct policy_resource){.min = 1000000, .max = 10000000000ULL, .threshold = 0.8};
        p->base = 1.0;
        p->factor = 0.25;
        p->threshold_factor = 0.25;
        p->network_factor = 0.5;
        p->over_prediction = 1.2;
        p->to_prediction = 1.5;
        p->cooldown_ns = 5 * SEC;
        p->hysteresis = 0.2;
        p->scale_down_window_ns = 5 * SEC;
        p->scale_down_share = 0.3;
        p->sample_interval_ns = 100 * MS;
        p->predictive = true;
        p->horizon_ns = 500 * MS;
        p->holt_alpha = 0.5;
        p->holt_beta = 0.3;
        p->coverage = 0.95;
        p->warm_ttl_ns = 30 * SEC;
        p->warm_size = 16;
        p->overcommit = 1.0;
}

static bool share_ok(double v)
{
        return isfinite(v) && v > 0 && v <= 1;
}

static int validate_res(const char *prefix, const struct policy_resource *r, bool inherit,
                        char *why, size_t len)
{
        static const char *const names[RES__COUNT] = {"cpu", "memory", "net"};
        for (int i = 0; i < RES__COUNT; i++) {
                const struct policy_resource *x = &r[i];
                if (!inherit && x->min == 0)
                        return why_einval(why, len, "%s%s.min: must be positive", prefix, names[i]);
                if (!inherit && x->max == 0)
                        return why_einval(why, len, "%s%s.max: must be positive", prefix, names[i]);
                if (x->min && x->max && x->min > x->max)
                        return why_einval(why, len, "%s%s.min: above %s.max", prefix, names[i],
                                          names[i]);
                if ((!inherit || x->threshold != 0) && !share_ok(x->threshold))
                        return why_einval(why, len, "%s%s.threshold: must be in (0, 1]", prefix,
                                          names[i]);
        }
        return 0;
}

int policy_validate(const struct policy *p, char *why, size_t len)
{
        int r = validate_res("", p->res, false, why, len);
        if (r < 0)
                return r;
        if (!isfinite(p->base) || p->base < 0.1 || p->base > 10)
                return why_einval(why, len, "scaling.base: must be in [0.1, 10]");
        if (!isfinite(p->factor) || p->factor < 0 || p->factor > 10)
                return why_einval(why, len, "scaling.factor: must be in [0, 10]");
        if (!isfinite(p->threshold_factor) || p->threshold_factor < 0 || p->threshold_factor > 10)
                return why_einval(why, len, "scaling.threshold_factor: must be in [0, 10]");
        if (!isfinite(p->network_factor) || p->network_factor < 0 || p->network_factor > 10)
                return why_einval(why, len, "scaling.network_factor: must be in [0, 10]");
        if (!isfinite(p->over_prediction) || p->over_prediction < 1 || p->over_prediction > 100)
                return why_einval(why, len, "scaling.over_prediction: must be in [1, 100]");
        if (!isfinite(p->to_prediction) || p->to_prediction < 1 || p->to_prediction > 100)
                return why_einval(why, len, "scaling.to_prediction: must be in [1, 100]");
        if (!isfinite(p->hysteresis) || p->hysteresis < 0 || p->hysteresis >= 1)
                return why_einval(why, len, "hysteresis: must be in [0, 1)");
        for (int i = 0; i < RES__COUNT; i++)
                if (p->res[i].threshold - p->hysteresis <= 0)
                        return why_einval(why, len, "hysteresis: must be below %s.threshold",
                                          resource_names[i]);
        if (p->sample_interval_ns < MS || p->sample_interval_ns > 60 * SEC)
                return why_einval(why, len, "sample_interval: must be between 1ms and 60s");
        if (p->scale_down_window_ns < p->sample_interval_ns)
                return why_einval(why, len, "scale_down.window: must be at least sample_interval");
        /* the window must fit the samples the controller keeps (control.h) */
        if (p->scale_down_window_ns / p->sample_interval_ns > 120)
                return why_einval(why, len, "scale_down.window: at most 120 sample intervals");
        if (!share_ok(p->scale_down_share) || p->scale_down_share >= 1)
                return why_einval(why, len, "scale_down.share: must be in (0, 1)");
        if (p->scale_down_share >= p->res[RES_MEMORY].threshold - p->hysteresis ||
            p->scale_down_share >= p->res[RES_CPU].threshold - p->hysteresis ||
            p->scale_down_share >= p->res[RES_NET].threshold - p->hysteresis)
                return why_einval(why, len,
                                  "scale_down.share: must be below threshold - hysteresis");
        if (p->horizon_ns > 60 * SEC)
                return why_einval(why, len, "predictive.horizon: at most 60s");
        if (!share_ok(p->holt_alpha))
                return why_einval(why, len, "predictive.alpha: must be in (0, 1]");
        if (!share_ok(p->holt_beta))
                return why_einval(why, len, "predictive.beta: must be in (0, 1]");
        if (!isfinite(p->coverage) || p->coverage <= 0.5 || p->coverage >= 1)
                return why_einval(why, len, "coverage: must be in (0.5, 1)");
        if (p->warm_ttl_ns == 0)
                return why_einval(why, len, "warm_pool.ttl: must be positive");
        if (p->warm_size > 4096)
                return why_einval(why, len, "warm_pool.size: at most 4096");
        if (!isfinite(p->overcommit) || p->overcommit < 1 || p->overcommit > 10)
                return why_einval(why, len, "overcommit: must be in [1, 10]");
        if (p->n_classes > POLICY_CLASS_MAX)
                return why_einval(why, len, "classes: at most %d", POLICY_CLASS_MAX);
        for (size_t i = 0; i < p->n_classes; i++) {
                const struct policy_class *c = &p->classes[i];
                char prefix[POLICY_CLASS_NAME + 16];
                snprintf(prefix, sizeof(prefix), "classes.%s.", c->name);
                if (!c->name[0])
                        return why_einval(why, len, "classes: empty class name");
                if ((r = validate_res(prefix, c->res, true, why, len)) < 0)
                        return r;
                for (int k = 0; k < RES__COUNT; k++) {
                        uint64_t mn = c->res[k].min ? c->res[k].min : p->res[k].min;
                        uint64_t mx = c->res[k].max ? c->res[k].max : p->res[k].max;
                        if (mn > mx)
                                return why_einval(why, len, "%s%s.min: above %s.max", prefix,
                                                  resource_names[k], resource_names[k]);
                }
                if (!isnan(c->factor) && (c->factor < 0 || c->factor > 10))
                        return why_einval(why, len, "%sfactor: must be in [0, 10]", prefix);
                if (!isnan(c->overcommit) && (c->overcommit < 1 || c->overcommit > 10))
                        return why_einval(why, len, "%sovercommit: must be in [1, 10]", prefix);
                for (size_t j = 0; j < i; j++)
                        if (!strcmp(p->classes[j].name, c->name))
                                return why_einval(why, len, "classes.%s: defined twice", c->name);
        }
        return 0;
}

/* ---- JSON ---- */

enum kind { K_CPU, K_BYTES, K_RATE, K_DURATION };

static const char *const kind_example[] = {
    "a CPU quantity (500m, 2)",
    "a size (256Mi, 1Gi)",
    "a rate (10Mbit, 800kbit)",
    "a duration (10s, 500ms)",
};

/* A quantity: a string in its unit, or a bare JSON number (cores, bytes, bit/s, seconds, as the
 * parsers read a bare number). */
static int get_unit(const json_t *v, enum kind k, const char *field, uint64_t *out, char *why,
                    size_t len)
{
        char buf[64];
        const char *s;
        if (json_is_string(v)) {
                s = json_string_value(v);
        } else if (json_is_integer(v)) {
                snprintf(buf, sizeof(buf), "%lld", (long long)json_integer_value(v));
                s = buf;
        } else if (json_is_real(v)) {
                snprintf(buf, sizeof(buf), "%.17g", json_real_value(v));
                s = buf;
        } else {
                return why_einval(why, len, "%s: expected %s, got a JSON %s", field,
                                  kind_example[k],
                                  json_is_object(v)    ? "object"
                                  : json_is_array(v)   ? "array"
                                  : json_is_boolean(v) ? "boolean"
                                                       : "null");
        }
        int r;
        switch (k) {
        case K_CPU:
                r = parse_cpu(s, out);
                break;
        case K_BYTES:
                r = parse_bytes(s, out);
                break;
        case K_RATE:
                r = parse_rate(s, out);
                break;
        default:
                r = parse_duration(s, out);
                break;
        }
        if (r < 0)
                return why_einval(why, len, "%s: '%s' is not %s", field, s, kind_example[k]);
        return 0;
}

static int get_number(const json_t *v, const char *field, double *out, char *why, size_t len)
{
        if (!json_is_number(v))
                return why_einval(why, len, "%s: expected a number", field);
        *out = json_number_value(v);
        return 0;
}

static int get_object(const json_t *v, const char *field, char *why, size_t len)
{
        if (!json_is_object(v))
                return why_einval(why, len, "%s: expected an object", field);
        return 0;
}

static int unknown(const char *prefix, const char *key, char *why, size_t len)
{
        return why_einval(why, len, "%s%s: unknown field", prefix, key);
}

static const enum kind res_kind[RES__COUNT] = {K_CPU, K_BYTES, K_RATE};

static int res_from_json(const json_t *o, int ri, const char *prefix, struct policy_resource *r,
                         char *why, size_t len)
{
        char field[128];
        snprintf(field, sizeof(field), "%s%s", prefix, resource_names[ri]);
        int e = get_object(o, field, why, len);
        if (e < 0)
                return e;
        const char *key;
        const json_t *v;
        json_object_foreach((json_t *)o, key, v)
        {
                snprintf(field, sizeof(field), "%s%s.%s", prefix, resource_names[ri], key);
                if (!strcmp(key, "min") || !strcmp(key, "max")) {
                        uint64_t x;
                        if ((e = get_unit(v, res_kind[ri], field, &x, why, len)) < 0)
                                return e;
                        if (x == 0)
                                return why_einval(why, len, "%s: must be positive", field);
                        *(key[1] == 'i' ? &r->min : &r->max) = x;
                } else if (!strcmp(key, "threshold")) {
                        if ((e = get_number(v, field, &r->threshold, why, len)) < 0)
                                return e;
                        if (!share_ok(r->threshold))
                                return why_einval(why, len, "%s: must be in (0, 1]", field);
                } else {
                        return why_einval(why, len, "%s: unknown field", field);
                }
        }
        return 0;
}

struct num_field {
        const char *name;
        double *value;
};

static int numbers_from_json(const json_t *o, const char *prefix, const struct num_field *f,
                             char *why, size_t len)
{
        int e = get_object(o, prefix, why, len);
        if (e < 0)
                return e;
        const char *key;
        const json_t *v;
        json_object_foreach((json_t *)o, key, v)
        {
                char field[128];
                snprintf(field, sizeof(field), "%s.%s", prefix, key);
                const struct num_field *x = f;
                while (x->name && strcmp(x->name, key))
                        x++;
                if (!x->name)
                        return why_einval(why, len, "%s: unknown field", field);
                if ((e = get_number(v, field, x->value, why, len)) < 0)
                        return e;
        }
        return 0;
}

static int class_from_json(const json_t *o, const char *name, struct policy_class *c, char *why,
                           size_t len)
{
        char prefix[POLICY_CLASS_NAME + 16];
        snprintf(prefix, sizeof(prefix), "classes.%s", name);
        int e = get_object(o, prefix, why, len);
        if (e < 0)
                return e;
        if (strlen(name) >= POLICY_CLASS_NAME || !name[0])
                return why_einval(why, len, "classes.%s: class names are 1 to %d characters", name,
                                  POLICY_CLASS_NAME - 1);
        memset(c, 0, sizeof(*c));
        snprintf(c->name, sizeof(c->name), "%s", name);
        c->factor = NAN;
        c->overcommit = NAN;
        strcat(prefix, ".");
        const char *key;
        const json_t *v;
        json_object_foreach((json_t *)o, key, v)
        {
                char field[128];
                snprintf(field, sizeof(field), "%s%s", prefix, key);
                int ri = -1;
                for (int i = 0; i < RES__COUNT; i++)
                        if (!strcmp(key, resource_names[i]))
                                ri = i;
                if (ri >= 0) {
                        e = res_from_json(v, ri, prefix, &c->res[ri], why, len);
                } else if (!strcmp(key, "priority")) {
                        if (!json_is_integer(v) || json_integer_value(v) < -1000 ||
                            json_integer_value(v) > 1000)
                                return why_einval(
                                    why, len, "%s: expected an integer in [-1000, 1000]", field);
                        c->priority = (int)json_integer_value(v);
                } else if (!strcmp(key, "factor")) {
                        e = get_number(v, field, &c->factor, why, len);
                } else if (!strcmp(key, "overcommit")) {
                        e = get_number(v, field, &c->overcommit, why, len);
                } else if (!strcmp(key, "cooldown")) {
                        e = get_unit(v, K_DURATION, field, &c->cooldown_ns, why, len);
                } else {
                        return why_einval(why, len, "%s: unknown field", field);
                }
                if (e < 0)
                        return e;
        }
        return 0;
}

int policy_from_json(const json_t *j, struct policy *out, char *why, size_t len)
{
        struct policy d;
        policy_default(&d);
        return policy_over_json(&d, j, out, why, len);
}

int policy_over_json(const struct policy *base, const json_t *j, struct policy *out, char *why,
                     size_t len)
{
        struct policy p = *base;
        if (!json_is_object(j))
                return why_einval(why, len, "policy: expected a JSON object");
        const char *key;
        const json_t *v;
        int e = 0;
        json_object_foreach((json_t *)j, key, v)
        {
                int ri = -1;
                for (int i = 0; i < RES__COUNT; i++)
                        if (!strcmp(key, resource_names[i]))
                                ri = i;
                if (ri >= 0) {
                        e = res_from_json(v, ri, "", &p.res[ri], why, len);
                } else if (!strcmp(key, "scaling")) {
                        const struct num_field f[] = {{"base", &p.base},
                                                      {"factor", &p.factor},
                                                      {"threshold_factor", &p.threshold_factor},
                                                      {"network_factor", &p.network_factor},
                                                      {"over_prediction", &p.over_prediction},
                                                      {"to_prediction", &p.to_prediction},
                                                      {NULL, NULL}};
                        e = numbers_from_json(v, "scaling", f, why, len);
                } else if (!strcmp(key, "cooldown")) {
                        e = get_unit(v, K_DURATION, "cooldown", &p.cooldown_ns, why, len);
                } else if (!strcmp(key, "hysteresis")) {
                        e = get_number(v, "hysteresis", &p.hysteresis, why, len);
                } else if (!strcmp(key, "sample_interval")) {
                        e = get_unit(v, K_DURATION, "sample_interval", &p.sample_interval_ns, why,
                                     len);
                } else if (!strcmp(key, "scale_down")) {
                        if ((e = get_object(v, "scale_down", why, len)) < 0)
                                return e;
                        const char *k2;
                        const json_t *v2;
                        json_object_foreach((json_t *)v, k2, v2)
                        {
                                if (!strcmp(k2, "window"))
                                        e = get_unit(v2, K_DURATION, "scale_down.window",
                                                     &p.scale_down_window_ns, why, len);
                                else if (!strcmp(k2, "share"))
                                        e = get_number(v2, "scale_down.share", &p.scale_down_share,
                                                       why, len);
                                else
                                        e = unknown("scale_down.", k2, why, len);
                                if (e < 0)
                                        return e;
                        }
                } else if (!strcmp(key, "predictive")) {
                        if ((e = get_object(v, "predictive", why, len)) < 0)
                                return e;
                        const char *k2;
                        const json_t *v2;
                        json_object_foreach((json_t *)v, k2, v2)
                        {
                                if (!strcmp(k2, "enabled")) {
                                        if (!json_is_boolean(v2))
                                                return why_einval(why, len,
                                                                  "predictive.enabled: "
                                                                  "expected true or false");
                                        p.predictive = json_is_true(v2);
                                } else if (!strcmp(k2, "horizon")) {
                                        e = get_unit(v2, K_DURATION, "predictive.horizon",
                                                     &p.horizon_ns, why, len);
                                } else if (!strcmp(k2, "alpha")) {
                                        e = get_number(v2, "predictive.alpha", &p.holt_alpha, why,
                                                       len);
                                } else if (!strcmp(k2, "beta")) {
                                        e = get_number(v2, "predictive.beta", &p.holt_beta, why,
                                                       len);
                                } else {
                                        e = unknown("predictive.", k2, why, len);
                                }
                                if (e < 0)
                                        return e;
                        }
                } else if (!strcmp(key, "coverage")) {
                        e = get_number(v, "coverage", &p.coverage, why, len);
                } else if (!strcmp(key, "warm_pool")) {
                        if ((e = get_object(v, "warm_pool", why, len)) < 0)
                                return e;
                        const char *k2;
                        const json_t *v2;
                        json_object_foreach((json_t *)v, k2, v2)
                        {
                                if (!strcmp(k2, "ttl")) {
                                        e = get_unit(v2, K_DURATION, "warm_pool.ttl",
                                                     &p.warm_ttl_ns, why, len);
                                } else if (!strcmp(k2, "size")) {
                                        if (!json_is_integer(v2) || json_integer_value(v2) < 0 ||
                                            json_integer_value(v2) > 4096)
                                                return why_einval(why, len,
                                                                  "warm_pool.size: expected an "
                                                                  "integer in [0, 4096]");
                                        p.warm_size = (unsigned)json_integer_value(v2);
                                } else {
                                        e = unknown("warm_pool.", k2, why, len);
                                }
                                if (e < 0)
                                        return e;
                        }
                } else if (!strcmp(key, "overcommit")) {
                        e = get_number(v, "overcommit", &p.overcommit, why, len);
                } else if (!strcmp(key, "classes")) {
                        if ((e = get_object(v, "classes", why, len)) < 0)
                                return e;
                        if (json_object_size(v) > POLICY_CLASS_MAX)
                                return why_einval(why, len, "classes: at most %d",
                                                  POLICY_CLASS_MAX);
                        const char *k2;
                        const json_t *v2;
                        p.n_classes = 0;
                        json_object_foreach((json_t *)v, k2, v2)
                        {
                                e = class_from_json(v2, k2, &p.classes[p.n_classes], why, len);
                                if (e < 0)
                                        return e;
                                p.n_classes++;
                        }
                } else {
                        e = unknown("", key, why, len);
                }
                if (e < 0)
                        return e;
        }
        if ((e = policy_validate(&p, why, len)) < 0)
                return e;
        *out = p;
        return 0;
}

static json_t *unit_json(enum kind k, uint64_t v)
{
        char buf[64];
        switch (k) {
        case K_CPU:
                return json_string(fmt_cpu(v, buf, sizeof(buf)));
        case K_BYTES:
                return json_string(fmt_bytes(v, buf, sizeof(buf)));
        case K_RATE:
                return json_string(fmt_rate(v, buf, sizeof(buf)));
        default:
                return json_string(fmt_duration(v, buf, sizeof(buf)));
        }
}

static int set(json_t *o, const char *key, json_t *v)
{
        return v ? json_object_set_new(o, key, v) : -1;
}

static json_t *res_json(const struct policy_resource *r, int ri, bool inherit)
{
        json_t *o = json_object();
        int e = 0;
        if (!o)
                return NULL;
        if (!inherit || r->min)
                e |= set(o, "min", unit_json(res_kind[ri], r->min));
        if (!inherit || r->max)
                e |= set(o, "max", unit_json(res_kind[ri], r->max));
        if (!inherit || r->threshold != 0)
                e |= set(o, "threshold", json_real(r->threshold));
        if (e) {
                json_decref(o);
                return NULL;
        }
        return o;
}

json_t *policy_to_json(const struct policy *p)
{
        json_t *o = json_object();
        if (!o)
                return NULL;
        int e = 0;
        for (int i = 0; i < RES__COUNT; i++)
                e |= set(o, resource_names[i], res_json(&p->res[i], i, false));
        e |= set(o, "scaling",
                 json_pack("{s:f, s:f, s:f, s:f, s:f, s:f}", "base", p->base, "factor", p->factor,
                           "threshold_factor", p->threshold_factor, "network_factor",
                           p->network_factor, "over_prediction", p->over_prediction,
                           "to_prediction", p->to_prediction));
        e |= set(o, "cooldown", unit_json(K_DURATION, p->cooldown_ns));
        e |= set(o, "hysteresis", json_real(p->hysteresis));
        json_t *sd = json_object();
        if (sd) {
                e |= set(sd, "window", unit_json(K_DURATION, p->scale_down_window_ns));
                e |= set(sd, "share", json_real(p->scale_down_share));
        }
        e |= set(o, "scale_down", sd);
        e |= set(o, "sample_interval", unit_json(K_DURATION, p->sample_interval_ns));
        json_t *pr = json_object();
        if (pr) {
                e |= set(pr, "enabled", json_boolean(p->predictive));
                e |= set(pr, "horizon", unit_json(K_DURATION, p->horizon_ns));
                e |= set(pr, "alpha", json_real(p->holt_alpha));
                e |= set(pr, "beta", json_real(p->holt_beta));
        }
        e |= set(o, "predictive", pr);
        e |= set(o, "coverage", json_real(p->coverage));
        json_t *wp = json_object();
        if (wp) {
                e |= set(wp, "ttl", unit_json(K_DURATION, p->warm_ttl_ns));
                e |= set(wp, "size", json_integer(p->warm_size));
        }
        e |= set(o, "warm_pool", wp);
        e |= set(o, "overcommit", json_real(p->overcommit));
        json_t *cls = json_object();
        for (size_t i = 0; cls && i < p->n_classes; i++) {
                const struct policy_class *c = &p->classes[i];
                json_t *co = json_object();
                if (!co) {
                        e = -1;
                        break;
                }
                e |= set(co, "priority", json_integer(c->priority));
                for (int k = 0; k < RES__COUNT; k++)
                        if (c->res[k].min || c->res[k].max || c->res[k].threshold != 0)
                                e |= set(co, resource_names[k], res_json(&c->res[k], k, true));
                if (!isnan(c->factor))
                        e |= set(co, "factor", json_real(c->factor));
                if (!isnan(c->overcommit))
                        e |= set(co, "overcommit", json_real(c->overcommit));
                if (c->cooldown_ns)
                        e |= set(co, "cooldown", unit_json(K_DURATION, c->cooldown_ns));
                e |= set(cls, c->name, co);
        }
        e |= set(o, "classes", cls);
        if (e) {
                json_decref(o);
                return NULL;
        }
        return o;
}

int policy_for_class(const struct policy *p, const char *name, struct policy *out)
{
        *out = *p;
        if (!name)
                return 0;
        for (size_t i = 0; i < p->n_classes; i++) {
                const struct policy_class *c = &p->classes[i];
                if (strcmp(c->name, name))
                        continue;
                for (int k = 0; k < RES__COUNT; k++) {
                        if (c->res[k].min)
                                out->res[k].min = c->res[k].min;
                        if (c->res[k].max)
                                out->res[k].max = c->res[k].max;
                        if (c->res[k].threshold != 0)
                                out->res[k].threshold = c->res[k].threshold;
                }
                if (!isnan(c->factor))
                        out->factor = c->factor;
                if (!isnan(c->overcommit))
                        out->overcommit = c->overcommit;
                if (c->cooldown_ns)
                        out->cooldown_ns = c->cooldown_ns;
                return 0;
        }
        return -ENOENT;
}

const struct policy_class *policy_class_of_priority(const struct policy *p, int priority)
{
        for (size_t i = 0; i < p->n_classes; i++)
                if (p->classes[i].priority == priority)
                        return &p->classes[i];
        return NULL;
}
