/* The Dynamic Adjustment Module (issue 5): one pure function that, from the allocation in force,
 * the prediction, the recent samples and the policy, decides the next allocation.
 *
 * control_step does no I/O, reads no clock and keeps no state: time comes in the samples and the
 * little history it needs (when each resource last changed) comes in the window, which the caller
 * updates with control_commit after applying a decision. The daemon, `presize run` and the trace
 * replay call the same code. The rules, in order, are in docs/control.md. */
#pragma once

#include "control/policy.h"
#include "core/resources.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum complexity { CX_LOW, CX_MEDIUM, CX_HIGH };

/* What the prediction says, per resource in presize's units (CPU millicores, memory bytes, net
 * bit/s): point estimate and calibrated upper bound, and the complexity tier. 0 = not predicted. */
struct control_demand {
        double point[RES__COUNT];
        double upper[RES__COUNT];
        enum complexity complexity;
};

/* The recent samples (a ring, oldest dropped first) and the controller's memory. */
#define CONTROL_WINDOW_MAX 128
struct sample_window {
        struct sample s[CONTROL_WINDOW_MAX];
        size_t head, n;                      /* s[(head + i) % MAX] is the i-th oldest */
        uint64_t last_change_ns[RES__COUNT]; /* t of the sample that led to the last change */
        bool changed[RES__COUNT];            /* whether last_change_ns is set */
};

void sample_window_init(struct sample_window *w);
void sample_window_push(struct sample_window *w, const struct sample *s);
/* i-th oldest, i < w->n. */
const struct sample *sample_window_at(const struct sample_window *w, size_t i);

#define CONTROL_REASON_LEN 96
struct change {
        enum resource resource;
        uint64_t from, to;
        char reason[CONTROL_REASON_LEN];
};

struct decision {
        struct alloc alloc; /* the allocation to apply (the input one when nothing changes) */
        size_t n_changes;   /* 0: nothing to do */
        struct change changes[RES__COUNT];
        /* what the step saw, per resource (for logs and tests): usage now, Holt's forecast at
         * the horizon (NAN when not computed) */
        double usage[RES__COUNT];
        double forecast[RES__COUNT];
};

/* Decide. Returns 0 (out filled), -EINVAL on a NULL argument. An empty window decides nothing. */
int control_step(const struct alloc *alloc, const struct control_demand *demand,
                 const struct sample_window *samples, const struct policy *policy,
                 struct decision *out);
/* Record that a decision was applied (its changes' times go into the window). */
void control_commit(struct sample_window *w, const struct decision *d);
/* The starting allocation for a demand: the prediction's upper bound x base, + factor when the
 * complexity is high, clamped to the policy; fields the demand leaves 0 keep a's value. */
void control_initial(const struct control_demand *d, const struct policy *p, struct alloc *a);
/* Holt's linear trend over values x[0..n) taken at times t[0..n) (ns): the forecast h ns after
 * the last one. n == 1 gives x[0]; returns NAN for n == 0. */
double holt_forecast(const double *x, const uint64_t *t, size_t n, double alpha, double beta,
                     uint64_t h);
