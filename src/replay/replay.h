/* Trace replay (issue 6): a discrete-event simulation of a serverless cluster that replays a
 * workload (the Azure Functions 2019 trace, presize's own stored runs, or a seeded synthetic one)
 * through four sizing policies side by side: static tiers, the Kubernetes VPA recommender,
 * presize (history prediction with conformal bounds, pre-instantiation, control_step in simulated
 * time) and an oracle. docs/replay.md describes the model and every assumption.
 *
 * Memory is bounded by the number of functions (and the cluster's concurrency), never by the
 * number of invocations: arrivals are generated lazily, one pending arrival per function.
 * Functions return 0 or a negative errno. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "control/policy.h"

enum replay_policy { RP_STATIC, RP_VPA, RP_PRESIZE, RP_ORACLE, RP__COUNT };
/* "static", "vpa", "presize", "oracle" */
extern const char *const replay_policy_names[RP__COUNT];

/* Duration percentiles of the Azure trace: 0, 1, 25, 50, 75, 99, 100 (ms). */
#define REPLAY_DUR_PCT 7
/* Memory percentiles: 1, 5, 25, 50, 75, 95, 99, 100 (MiB). */
#define REPLAY_MEM_PCT 8

/* One explicit invocation (the runs format: every stored run is replayed as it was measured). */
struct replay_inv {
        uint64_t t_ns;    /* arrival, from the start of the trace */
        double dur_s;     /* work: wall time at full speed */
        double mem_bytes; /* peak memory */
        double cores;     /* CPU demand while running */
};

/* A minute with invocations (distribution mode). */
struct replay_minute {
        uint32_t minute;
        uint32_t count;
};

/* One function of the trace. Owned by its trace; the arrays are freed by replay_trace_free. */
struct replay_fn {
        char name[24]; /* HashFunction's first 12 hex digits, or the program name */
        float dur_ms[REPLAY_DUR_PCT];
        float mem_mib[REPLAY_MEM_PCT];
        bool has_mem; /* false: no memory row; the trace's median application is used */
        float cores;  /* CPU demand while running (the CPU model, docs/replay.md) */
        struct replay_minute *minutes; /* sorted by minute */
        size_t n_minutes, cap_minutes;
        struct replay_inv *invs; /* explicit mode instead of minutes (sorted by t_ns) */
        size_t n_invs, cap_invs;
        uint64_t invocations;
};

struct replay_trace {
        char source[256]; /* what was read, for people */
        struct replay_fn *fns;
        size_t n_fns, cap_fns;
        uint32_t minutes; /* length of the trace in minutes */
        uint64_t invocations;
        /* bad input, reported and skipped */
        uint64_t bad_rows;
        uint64_t fns_without_duration; /* invoked, but no duration row: skipped */
        uint64_t fns_without_memory;   /* no memory row: the median application is used */
        bool cores_fixed;              /* --cpu-demand: every invocation exactly fns[i].cores */
};

void replay_trace_init(struct replay_trace *t);
void replay_trace_free(struct replay_trace *t);
/* Add a function (zeroed, name set); *out points into t (valid until the next add). */
int replay_trace_add(struct replay_trace *t, const char *name, struct replay_fn **out);
int replay_fn_add_minute(struct replay_fn *f, uint32_t minute, uint32_t count);
int replay_fn_add_inv(struct replay_fn *f, const struct replay_inv *inv);
/* Bytes the trace holds (for the memory claim). */
size_t replay_trace_bytes(const struct replay_trace *t);

/* Readers. `err` receives one line per malformed row ("FILE:LINE: why") up to a limit, then a
 * count; NULL: silent. -EINVAL with `why` set on input that cannot be used at all (unknown
 * layout, missing file, empty trace). */
int replay_read_azure(const char *path, struct replay_trace *t, FILE *err, char *why,
                      size_t why_len);
int replay_read_runs(const char *path, struct replay_trace *t, FILE *err, char *why,
                     size_t why_len);
/* A synthetic trace: n invocations over `minutes` minutes, from the seed. */
int replay_synthetic(uint64_t n, uint32_t minutes, uint64_t seed, struct replay_trace *t);
/* The CPU model: a per-function demand drawn from the seed (log-uniform 0.1-1 core), or every
 * function `fixed` cores when fixed > 0. */
void replay_assign_cores(struct replay_trace *t, uint64_t seed, double fixed);

struct replay_opts {
        uint64_t seed;
        bool policies[RP__COUNT];
        uint64_t host_cpu_m;   /* per host, millicores */
        uint64_t host_mem;     /* per host, bytes */
        uint64_t max_hosts;    /* 0: as many as needed (the peak is reported) */
        uint64_t keepalive_ns; /* warm instances live this long after their last invocation */
        uint64_t lead_ns;      /* notification ahead of the request (presize) */
        uint64_t create_ns;    /* sandbox creation time */
        uint64_t max_tick_ns;  /* the presize loop's coarsest simulated sample interval */
        struct policy policy;  /* presize's policy (src/control) */
        size_t n_sampled;      /* functions whose allocation is recorded per minute (report) */
        bool progress;         /* a progress bar on stderr (when it is a terminal) */
};
void replay_opts_default(struct replay_opts *o);

/* Per-policy results. */
struct replay_result {
        bool ran;
        uint64_t invocations; /* started (not rejected) */
        double alloc_core_s, used_core_s;
        double alloc_gib_s, used_gib_s;
        uint64_t oom_kills;
        double throttled_s;
        uint64_t cold_starts, warm_starts, preinstantiated;
        uint64_t hosts; /* peak hosts in use */
        uint64_t adjustments, adjustments_refused;
        uint64_t rejected; /* no host had room (with a fixed number of hosts) */
        uint64_t control_steps;
        double seconds; /* this policy's replay, wall clock */
        /* per minute of the trace, cluster-wide: allocated and used GiB-seconds */
        double *minute_alloc_gib_s, *minute_used_gib_s; /* owned; [trace minutes] */
        /* the sampled functions: allocated and used memory GiB-seconds per minute */
        double *fn_alloc, *fn_used; /* owned; [n_sampled][minutes] */
};

struct replay_run {
        struct replay_result res[RP__COUNT];
        size_t sampled[8]; /* function indices of the sampled functions */
        size_t n_sampled;
        uint32_t minutes;
        uint64_t invocations;
        double seconds;
        size_t peak_state_bytes; /* simulator state at its largest (all policies) */
};

/* Run every selected policy over the trace. */
int replay_run(const struct replay_trace *t, const struct replay_opts *o, struct replay_run *out);
void replay_run_free(struct replay_run *r);

/* The HTML report: DIR/index.html. */
int replay_report(const char *dir, const struct replay_trace *t, const struct replay_opts *o,
                  const struct replay_run *r);

/* ---- the usage model (exposed for tests) ---- */
/* Piecewise-linear inverse CDF through (p[i], v[i]), i < n, p increasing; u in [0, 1]. */
double replay_inv_cdf(const double *p, const double *v, size_t n, double u);
/* Memory in use after `progress` seconds of work of an invocation of `dur` seconds and peak
 * `peak`: from peak/2 rising linearly to peak over the ramp, min(dur/2, 2 s), then flat. */
double replay_mem_at(double peak, double dur, double progress);
/* The integral of replay_mem_at over progress [a, b] (byte-seconds). */
double replay_mem_integral(double peak, double dur, double a, double b);
