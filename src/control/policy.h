/* The scaling policy (issue 5): the limits, thresholds, factors and timings the control loop
 * (control.h) works within, plus the daemon's warm-pool and admission settings. One struct, its
 * documented defaults, and a JSON form in the units people type ("500m", "256Mi", "10Mbit",
 * "10s") that GET|PUT /v1/policy will use. See docs/control.md.
 *
 * Functions return 0 or a negative errno. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct json_t;

enum resource { RES_CPU, RES_MEMORY, RES_NET, RES__COUNT };
/* "cpu", "memory", "net" */
extern const char *const resource_names[RES__COUNT];

/* Per resource, in presize's units: CPU millicores, memory bytes, network bit/s. */
struct policy_resource {
        uint64_t min, max;
        /* usage / limit at or above which usage "crosses" its threshold (0 < t <= 1) */
        double threshold;
};

#define POLICY_CLASS_MAX  8
#define POLICY_CLASS_NAME 32

/* A priority class overrides some fields; 0 (NAN for the doubles) means "inherit". */
struct policy_class {
        char name[POLICY_CLASS_NAME];
        int priority; /* higher is admitted first */
        struct policy_resource res[RES__COUNT];
        double factor;
        uint64_t cooldown_ns;
        double overcommit;
};

struct policy {
        struct policy_resource res[RES__COUNT];
        /* base allocation = the prediction's upper bound x base */
        double base;
        /* the scaling factors: + factor when the complexity is high, + 2 x threshold_factor
         * when usage crosses its threshold; + network_factor to the net rate on high network
         * I/O */
        double factor;
        double threshold_factor;
        double network_factor;
        /* usage above over_prediction x the predicted point -> raise to to_prediction x point */
        double over_prediction; /* 1.2 */
        double to_prediction;   /* 1.5 */
        uint64_t cooldown_ns;   /* no lowering within this long of a resource's last change */
        double hysteresis;      /* lowering leaves usage at most threshold - hysteresis */
        uint64_t scale_down_window_ns; /* usage below scale_down_share for this long -> lower */
        double scale_down_share;
        uint64_t sample_interval_ns;
        bool predictive;
        uint64_t horizon_ns; /* how far ahead Holt's forecast looks */
        double holt_alpha, holt_beta;
        double coverage; /* of the prediction's upper bounds */
        uint64_t warm_ttl_ns;
        unsigned warm_size;
        double overcommit;
        size_t n_classes;
        struct policy_class classes[POLICY_CLASS_MAX];
};

/* The documented defaults (docs/control.md). */
void policy_default(struct policy *p);
/* Check the invariants; on failure -EINVAL and `why` names the field. */
int policy_validate(const struct policy *p, char *why, size_t why_len);
/* Defaults, overridden by the fields present in j; validated. Unknown fields, wrong types and
 * malformed units are rejected with -EINVAL and a message naming the field ("memory.max: ..."). */
int policy_from_json(const struct json_t *j, struct policy *out, char *why, size_t why_len);
/* The same over another policy: base's fields, overridden by those present in j. */
int policy_over_json(const struct policy *base, const struct json_t *j, struct policy *out,
                     char *why, size_t why_len);
/* The class a priority belongs to: the first class with exactly that priority; NULL if none. */
const struct policy_class *policy_class_of_priority(const struct policy *p, int priority);
/* Every field, in the units people type. New reference, NULL on allocation failure. */
struct json_t *policy_to_json(const struct policy *p);
/* The effective policy for a priority class (p itself when name is NULL or unknown: -ENOENT). */
int policy_for_class(const struct policy *p, const char *name, struct policy *out);
