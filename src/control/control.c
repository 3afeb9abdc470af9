/* The Dynamic Adjustment Module: control_step, a pure function (see control.h and
 * docs/control.md for the rules in order). */
#include "control/control.h"
#include "util/units.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* Samples Holt's forecast looks at (the most recent ones). */
#define HOLT_SAMPLES 16

void sample_window_init(struct sample_window *w)
{
        memset(w, 0, sizeof(*w));
}

void sample_window_push(struct sample_window *w, const struct sample *s)
{
        if (w->n < CONTROL_WINDOW_MAX) {
                w->s[(w->head + w->n) % CONTROL_WINDOW_MAX] = *s;
                w->n++;
        } else {
                w->s[w->head] = *s;
                w->head = (w->head + 1) % CONTROL_WINDOW_MAX;
        }
}

const struct sample *sample_window_at(const struct sample_window *w, size_t i)
{
        return &w->s[(w->head + i) % CONTROL_WINDOW_MAX];
}

double holt_forecast(const double *x, const uint64_t *t, size_t n, double alpha, double beta,
                     uint64_t h)
{
        if (n == 0)
                return NAN;
        double level = x[0], trend = 0; /* per ns */
        if (n >= 2 && t[1] > t[0])
                trend = (x[1] - x[0]) / (double)(t[1] - t[0]);
        for (size_t i = 1; i < n; i++) {
                double dt = t[i] > t[i - 1] ? (double)(t[i] - t[i - 1]) : 0;
                double prev = level;
                level = alpha * x[i] + (1 - alpha) * (level + trend * dt);
                if (dt > 0)
                        trend = beta * (level - prev) / dt + (1 - beta) * trend;
        }
        return level + trend * (double)h;
}

static uint64_t limit_of(const struct alloc *a, int r)
{
        return r == RES_CPU      ? a->cpu_millicores
               : r == RES_MEMORY ? a->memory_bytes
                                 : a->net_rate_bps;
}

static void set_limit(struct alloc *a, int r, uint64_t v)
{
        if (r == RES_CPU)
                a->cpu_millicores = v;
        else if (r == RES_MEMORY)
                a->memory_bytes = v;
        else
                a->net_rate_bps = v;
}

/* Allocatable steps: 10m of CPU, 1 MiB of memory, 1 kbit/s. */
static const uint64_t grain[RES__COUNT] = {10, 1ULL << 20, 1000};

static uint64_t round_clamp(double v, int r, const struct policy *p)
{
        const struct policy_resource *pr = &p->res[r];
        if (!(v > 0))
                v = 0;
        if (v > (double)pr->max)
                return pr->max;
        uint64_t x = (uint64_t)ceil(v / (double)grain[r]) * grain[r];
        if (x > pr->max)
                x = pr->max;
        if (x < pr->min)
                x = pr->min;
        return x;
}

static char *fmt(int r, double v, char *buf, size_t len)
{
        uint64_t x = v > 0 ? (uint64_t)(v + 0.5) : 0;
        if (r == RES_CPU)
                return fmt_cpu(x, buf, len);
        if (r == RES_MEMORY)
                return fmt_bytes(x, buf, len);
        return fmt_rate(x, buf, len);
}

/* Usage of resource r between samples a and b (memory: at b). CPU in millicores, net in bit/s
 * (the busier direction: the rate limit applies to each). */
static double usage_between(const struct sample *a, const struct sample *b, int r)
{
        if (r == RES_MEMORY)
                return (double)b->memory_bytes;
        if (!a || b->t_ns <= a->t_ns)
                return 0;
        double dt = (double)(b->t_ns - a->t_ns);
        if (r == RES_CPU)
                return b->cpu_ns > a->cpu_ns ? (double)(b->cpu_ns - a->cpu_ns) / dt * 1000.0 : 0;
        uint64_t rx = b->net_rx_bytes > a->net_rx_bytes ? b->net_rx_bytes - a->net_rx_bytes : 0;
        uint64_t tx = b->net_tx_bytes > a->net_tx_bytes ? b->net_tx_bytes - a->net_tx_bytes : 0;
        return (double)(rx > tx ? rx : tx) * 8e9 / dt;
}

struct candidate {
        double target;
        char reason[CONTROL_REASON_LEN];
};

static void propose(struct candidate *c, double target, const char *reason)
{
        if (target > c->target) {
                c->target = target;
                snprintf(c->reason, sizeof(c->reason), "%s", reason);
        }
}

/* Rule 4: sustained low usage -> lower, outside the cooldown, by at least the hysteresis. */
static bool scale_down(const struct sample_window *w, int r, uint64_t limit, const struct policy *p,
                       uint64_t *to, char *reason, size_t len)
{
        const struct sample *last = sample_window_at(w, w->n - 1);
        uint64_t now = last->t_ns;
        if (w->changed[r] && now - w->last_change_ns[r] < p->cooldown_ns)
                return false;
        if (now < p->scale_down_window_ns ||
            sample_window_at(w, 0)->t_ns > now - p->scale_down_window_ns)
                return false; /* the window does not cover the scale-down window yet */
        uint64_t from = now - p->scale_down_window_ns;
        double peak = 0;
        for (size_t i = w->n; i-- > 0;) {
                const struct sample *b = sample_window_at(w, i);
                if (b->t_ns < from)
                        break;
                const struct sample *a = i ? sample_window_at(w, i - 1) : NULL;
                double u = usage_between(a, b, r);
                if (u > peak)
                        peak = u;
        }
        if (peak >= p->scale_down_share * (double)limit)
                return false;
        double share = p->res[r].threshold - p->hysteresis;
        uint64_t target = round_clamp(peak / share, r, p);
        if ((double)target > (1 - p->hysteresis) * (double)limit || target >= limit)
                return false; /* too small a step to be worth it (hysteresis) */
        char a[32], b[32], c[32];
        snprintf(reason, len, "scale-down: peak %s below %.0f%% of %s for %s", fmt(r, peak, a, 32),
                 p->scale_down_share * 100, fmt(r, (double)limit, b, 32),
                 fmt_duration(p->scale_down_window_ns, c, 32));
        *to = target;
        return true;
}

int control_step(const struct alloc *alloc, const struct control_demand *demand,
                 const struct sample_window *w, const struct policy *p, struct decision *out)
{
        if (!alloc || !demand || !w || !p || !out)
                return -EINVAL;
        memset(out, 0, sizeof(*out));
        out->alloc = *alloc;
        for (int r = 0; r < RES__COUNT; r++)
                out->forecast[r] = NAN;
        if (w->n == 0)
                return 0;
        const struct sample *last = sample_window_at(w, w->n - 1);
        const struct sample *prev = w->n >= 2 ? sample_window_at(w, w->n - 2) : NULL;
        bool high = demand->complexity == CX_HIGH;

        for (int r = 0; r < RES__COUNT; r++) {
                uint64_t limit = limit_of(alloc, r);
                double u = usage_between(prev, last, r);
                out->usage[r] = u;
                if (limit == 0 || (r != RES_MEMORY && !prev))
                        continue; /* unlimited (net unshaped), or no rate yet */
                const double thr = p->res[r].threshold;
                char a[32], b[32], c[32], d[32], why[CONTROL_REASON_LEN];
                struct candidate cand = {.target = 0};

                /* 1. The prediction rule: usage above 1.2x the point -> 1.5x the point. */
                double point = demand->point[r];
                if (point > 0 && u > p->over_prediction * point) {
                        snprintf(why, sizeof(why), "prediction: usage %s > %.1fx predicted %s",
                                 fmt(r, u, a, 32), p->over_prediction, fmt(r, point, b, 32));
                        propose(&cand, p->to_prediction * point, why);
                }
                /* 2. Threshold crossing: + 2x the threshold factor, + the factor when the
                 * complexity is high, + the network factor on high network I/O. */
                if (u >= thr * (double)limit) {
                        double m = 1 + 2 * p->threshold_factor + (high ? p->factor : 0) +
                                   (r == RES_NET ? p->network_factor : 0);
                        snprintf(why, sizeof(why), "threshold: usage %s >= %.0f%% of %s, x%.2f",
                                 fmt(r, u, a, 32), thr * 100, fmt(r, (double)limit, b, 32), m);
                        propose(&cand, m * (double)limit, why);
                }
                /* 3. Predictive: Holt's forecast of memory at the horizon crosses the threshold
                 * -> raise now, so that the forecast sits at the threshold. (CPU and network are
                 * throttled, not killed: they are left to the reactive rules.) */
                if (r == RES_MEMORY && p->predictive && w->n >= 2) {
                        double x[HOLT_SAMPLES];
                        uint64_t t[HOLT_SAMPLES];
                        size_t k = w->n < HOLT_SAMPLES ? w->n : HOLT_SAMPLES;
                        for (size_t i = 0; i < k; i++) {
                                const struct sample *s = sample_window_at(w, w->n - k + i);
                                x[i] = (double)s->memory_bytes;
                                t[i] = s->t_ns;
                        }
                        double f =
                            holt_forecast(x, t, k, p->holt_alpha, p->holt_beta, p->horizon_ns);
                        out->forecast[r] = f;
                        if (f > u && f >= thr * (double)limit) {
                                double target = f / thr;
                                double m = 1 + 2 * p->threshold_factor + (high ? p->factor : 0);
                                if (target < m * (double)limit)
                                        target = m * (double)limit;
                                snprintf(why, sizeof(why),
                                         "forecast: %s in %s >= %.0f%% of %s (usage %s)",
                                         fmt(r, f, a, 32), fmt_duration(p->horizon_ns, c, 32),
                                         thr * 100, fmt(r, (double)limit, b, 32), fmt(r, u, d, 32));
                                propose(&cand, target, why);
                        }
                }

                uint64_t to = limit;
                if (cand.target > 0) {
                        uint64_t x = round_clamp(cand.target, r, p);
                        if (x > limit)
                                to = x;
                        /* at the policy's maximum already: nothing more to give */
                } else if (scale_down(w, r, limit, p, &to, cand.reason, sizeof(cand.reason))) {
                        /* to set */
                }
                if (to == limit)
                        continue;
                struct change *ch = &out->changes[out->n_changes++];
                ch->resource = (enum resource)r;
                ch->from = limit;
                ch->to = to;
                if (to == p->res[r].max && to > limit)
                        snprintf(ch->reason, sizeof(ch->reason), "%.*s (max)",
                                 (int)(sizeof(ch->reason) - 7), cand.reason);
                else
                        snprintf(ch->reason, sizeof(ch->reason), "%s", cand.reason);
                set_limit(&out->alloc, r, to);
        }
        return 0;
}

void control_commit(struct sample_window *w, const struct decision *d)
{
        if (!w->n)
                return;
        uint64_t now = sample_window_at(w, w->n - 1)->t_ns;
        for (size_t i = 0; i < d->n_changes; i++) {
                w->last_change_ns[d->changes[i].resource] = now;
                w->changed[d->changes[i].resource] = true;
        }
}

void control_initial(const struct control_demand *d, const struct policy *p, struct alloc *a)
{
        double m = p->base * (1 + (d->complexity == CX_HIGH ? p->factor : 0));
        for (int r = 0; r < RES__COUNT; r++) {
                if (!(d->upper[r] > 0) || (r == RES_NET && a->net_rate_bps == 0))
                        continue;
                set_limit(a, r, round_clamp(d->upper[r] * m, r, p));
        }
}
