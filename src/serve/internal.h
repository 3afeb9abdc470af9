/* What the files of src/serve/ share: the server, the warm pool, executions, metrics and the HTTP
 * helpers. Nothing outside src/serve/ includes this. */
#pragma once

#include <jansson.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "backend/backend.h"
#include "control/policy.h"
#include "core/resources.h"
#include "predict/predict.h"
#include "serve/serve.h"
#include "store/store.h"

#define MAX_TIERS 16

struct server;

/* ---- the plan: prediction, tier and allocation of one notification or execution ---- */
struct plan {
        bool have_model;
        struct demand demand;
        struct tier tier;
        const char *score; /* static */
        struct alloc alloc;
        bool gpu;
        bool bounds_online; /* the upper bounds are the online calibration's */
};
/* The sandbox gets a network (a veth, shaped at the allocation's net rate, reaching only
 * --config's allow_net) when want_net, or when the model predicts network use; never when the
 * daemon allows none. */
/* Predict and plan from metadata and, when code is given, the code itself; the store's runs of
 * the same code (by its sha256, or code_hash when the code is not given) are blended in. */
int plan_make(struct server *S, const struct notification *n, const char *code, size_t code_len,
              const char *code_hash, bool want_net, struct plan *out);
/* {tier, complexity_score, mode, low_confidence, demand, allocation}: new reference. */
json_t *plan_to_json(const struct plan *p);
json_t *alloc_json(const struct alloc *a);

/* ---- the warm pool ---- */
enum sb_state { SB_WARMING, SB_READY, SB_CLAIMED, SB_RUNNING, SB_FAILED, SB__COUNT };
extern const char *const sb_state_names[SB__COUNT];

/* One sandbox the manager accounts for. Owned by the pool's list; freed by pool_remove's caller.
 * The box is owned by the entry (destroyed with it). */
struct pooled {
        char id[24];              /* "sb-N" */
        char notification_id[64]; /* "" for a cold sandbox */
        enum sb_state state;
        bool cancel;       /* DELETE asked while it was warming or running */
        bool warm;         /* created from a notification */
        bool warming_done; /* creation finished (box set, or error) */
        int priority;      /* from the notification (or the cold execution): admission evicts */
        char klass[POLICY_CLASS_NAME]; /* its policy class ("" none): control loop, overcommit */
        double overcommit;             /* the capacity it may be admitted into: host x this */
        bool evict_mark;               /* picked for eviction by pool_admit (under the pool lock) */
        struct alloc alloc;
        struct backend_box *box;
        json_t *prediction;   /* plan_to_json, owned */
        struct demand demand; /* the plan's, for the control loop (valid when have_demand) */
        bool have_demand;
        char language[16];
        char algorithm[32];
        char libraries[256];
        uint64_t input_bytes;
        char exec_id[24];
        char error[128]; /* why creation failed */
        uint64_t created_ns, ready_ns, expires_ns;
        /* A pre-started runtime (python, javascript): the interpreter was started by the creator
         * and waits on the pipe pre_in for the code (prestart in pool.c); its stdout and stderr go
         * to the memfds pre_out and pre_err. pre_exec_ns: when its exec was asked; pre_started_ns:
         * when it returned. The fds are owned by the entry (closed by pooled_free) while >= 0. */
        bool prestarted;
        int pre_in, pre_out, pre_err;
        uint64_t pre_exec_ns, pre_started_ns;
        struct pooled *next;
        struct pooled *qnext; /* in the creators' queue */
};

#define POOL_CREATORS 2

struct pool {
        pthread_mutex_t lock;
        pthread_cond_t changed; /* a sandbox became ready or failed */
        struct pooled *head;
        unsigned n;
        uint64_t used_millicores, used_memory;
        uint64_t cap_millicores, cap_memory;   /* host x the policy's overcommit */
        uint64_t base_millicores, base_memory; /* the host (or --config's host_cpu/host_memory) */
        uint64_t ttl_ns;                       /* the policy's warm_pool.ttl */
        unsigned warm_max;                     /* the policy's warm_pool.size */
        uint64_t host_millicores, host_memory; /* what one sandbox may have at most */
        uint64_t next_id;
        /* notification ids claimed already (a ring), for 409 on a second claim */
        char claimed[256][64];
        unsigned claimed_next;
        /* notification ids whose sandbox was evicted for a higher priority (a ring), for 410 */
        char evicted[256][64];
        unsigned evicted_next;
        /* creation queue, served by POOL_CREATORS long-lived threads */
        pthread_cond_t queued;
        struct pooled *queue, *queue_tail;
        bool creators_stop;
        pthread_t creators[POOL_CREATORS];
        unsigned n_creators;
};

/* Apply the policy's warm_pool (ttl, size) and overcommit to the pool: new admissions and
 * sandboxes that become ready from now on follow it. */
void pool_apply_policy(struct server *S, const struct policy *p);
/* Reserve capacity for a new entry and add it (state warming). When it does not fit, unclaimed
 * warm sandboxes (warming or ready) of a strictly lower priority are evicted, lowest priority and
 * then newest first, as few as make room; none when evicting all of them would not. -EBUSY: the
 * host is full; -ENOSPC: the warm pool holds its policy's size of unclaimed sandboxes; -EEXIST:
 * the notification id is taken. */
int pool_admit(struct server *S, struct pooled *p);
/* Remove it from the list (capacity freed); the caller destroys it. _locked: under the pool lock.
 */
void pool_unlink_locked(struct pool *P, struct pooled *p);
void pool_remove(struct server *S, struct pooled *p);
/* Destroy the box (if any) and free the entry. */
void pooled_free(struct server *S, struct pooled *p);
/* Queue the creation of its sandbox for a creator thread. */
int pool_warm(struct server *S, struct pooled *p);
int pool_start_creators(struct server *S);
void pool_stop_creators(struct server *S);
/* Claim the entry of a notification: -ENOENT unknown, -EALREADY claimed already, -EPROTO another
 * language was announced, -ESTALE its sandbox was evicted for a higher priority. Under the pool
 * lock. */
int pool_claim_locked(struct server *S, const char *notification_id, const char *language,
                      const char *exec_id, struct pooled **out);
/* Change one resource of a running sandbox's accounted allocation to `to`, keeping the pool's sums
 * in step: a raise is admitted only if the host has room (-EBUSY: the sum would pass the capacity;
 * -E2BIG: `to` passes what one sandbox may have). Lowerings always succeed. */
int pool_reaccount(struct server *S, struct pooled *p, enum resource res, uint64_t to);
/* Wait (bounded by the stop flag) until it is no longer warming. */
void pool_wait_ready(struct server *S, struct pooled *p);
/* The reaper: destroy expired unclaimed sandboxes. */
int pool_start_reaper(struct server *S);
void pool_stop_reaper(struct server *S);
/* Destroy every sandbox left (shutdown). */
void pool_destroy_all(struct server *S);
json_t *pooled_to_json(const struct pooled *p, uint64_t now);

/* ---- executions ---- */
enum x_state { X_QUEUED, X_RUNNING, X_DONE, X_FAILED, X__COUNT };
extern const char *const x_state_names[X__COUNT];

struct execution {
        char id[24]; /* "ex-N" */
        enum x_state state;
        bool warm;
        char notification_id[64];
        char language[16];
        char *code;
        size_t code_len;
        char **argv; /* NULL-terminated, owned */
        char *stdin_data;
        size_t stdin_len;
        uint64_t timeout_ns;
        struct pooled *sb; /* claimed or created for it; owned by the worker while it runs */
        json_t *result;    /* the response once finished, owned */
        struct MHD_Connection *conn; /* suspended, waiting for the result */
        bool waiter;                 /* a request will read result: keep it */
        uint64_t t_request_ns;
        struct execution *next;
};
int exec_start(struct server *S, struct execution *x);
/* The execution by id, with a new reference to its JSON view in *out; -ENOENT. */
int exec_lookup_json(struct server *S, const char *id, json_t **out, int *status);
void exec_free(struct execution *x);

/* ---- metrics ---- */
#define HIST_BUCKETS 14
struct histogram {
        uint64_t counts[HIST_BUCKETS + 1]; /* the last is +Inf */
        double sum;
        uint64_t n;
};
struct metrics {
        pthread_mutex_t lock;
        uint64_t predictions;
        uint64_t notifications_admitted, notifications_rejected;
        uint64_t claims_warm, claims_cold;
        uint64_t expired; /* warm sandboxes never claimed: waste */
        uint64_t deleted;
        uint64_t evicted; /* warm sandboxes evicted for a higher-priority admission */
        uint64_t create_failures;
        uint64_t executions[5]; /* ok failed timeout oom error */
        uint64_t oom_kills;
        uint64_t adjustments[RES__COUNT][2]; /* applied resizes: [resource][0 up, 1 down] */
        uint64_t retrains[2];                /* [0] done, [1] failed */
        uint64_t bounds_online;              /* plans whose bounds the online calibration set */
        /* prediction error of finished executions: |log1p(measured) - log1p(point)| summed per
         * target, and how many; under_bound: measured above the upper bound */
        double error_sum[T__COUNT];
        uint64_t error_n, over_upper[T__COUNT];
        uint64_t requests[6]; /* by status class 1xx..5xx, index 0 unused */
        struct histogram to_ready, start_warm, start_cold, exec_wall, request;
};
void metrics_init(struct metrics *m);
void metrics_observe(struct metrics *m, struct histogram *h, double seconds);
void metrics_count(struct metrics *m, uint64_t *counter);
/* The Prometheus text exposition; owned by the caller (free). */
char *metrics_render(struct server *S);

struct request;
struct reply;
/* ---- feedback (feedback.c): online calibration of the bounds, retraining ---- */
#define CALIB_MAX 1024
struct calibration {
        pthread_mutex_t lock;
        /* residuals log1p(measured) - log1p(point) per target, a ring of at most the window */
        float r[CALIB_MAX][T__COUNT];
        size_t head, n;
        uint64_t observed; /* executions observed since the start */
};
/* A finished execution planned with demand d, measured u. */
void calib_observe(struct server *S, const struct demand *d, const struct usage *u);
/* Replace d's upper bounds by the window's quantiles at coverage; false (d unchanged) while the
 * window holds fewer than the minimum, or for a history plan. */
bool calib_apply(struct server *S, double coverage, struct demand *d);

enum retrain_state { RT_IDLE, RT_RUNNING, RT_DONE, RT_FAILED, RT__COUNT };
extern const char *const retrain_state_names[RT__COUNT];
struct retrain {
        pthread_mutex_t lock;
        enum retrain_state state;
        uint64_t started_ns, finished_ns;
        char error[256];
        json_t *result; /* owned */
};
int api_model_get(struct server *S, struct reply *r);
int api_model_retrain(struct server *S, struct request *rq, struct reply *r);
/* The analyser's features of the code (as profiled runs store them), NULL when unavailable. */
double *served_features(const char *language, const char *code, size_t len, size_t *n);

/* ---- the server ---- */
struct server {
        struct serve_config cfg;
        const struct backend_ops *be;
        struct MHD_Daemon *mhd;
        /* NULL: plans fall back to the lowest tier. A retraining swaps it: plans read it (and
         * model_source) under the read lock. */
        pthread_rwlock_t model_lock;
        struct model *model;
        char model_source[4096];
        struct calibration calib;
        struct retrain retrain;
        struct store *store;
        pthread_mutex_t store_lock;
        /* The profile tiers, read from the store at start and on PUT /v1/profiles (a plan does
         * not query SQLite); under store_lock. n_tiers 0: the defaults. */
        struct tier tiers[MAX_TIERS];
        size_t n_tiers;
        struct pool pool;
        struct metrics metrics;
        atomic_bool stopping;
        /* once stopping: running executions are ended at their first sample after this */
        atomic_uint_fast64_t stop_deadline_ns;
        /* worker threads in flight (creations and executions) */
        pthread_mutex_t tasks_lock;
        pthread_cond_t tasks_done;
        unsigned tasks;
        pthread_t reaper;
        bool reaper_started;
        pthread_cond_t reaper_wake;
        /* executions: newest first */
        pthread_mutex_t exec_lock;
        struct execution *execs;
        unsigned n_execs;
        uint64_t next_exec;
        atomic_uint_fast64_t next_notification;
        /* The scaling policy (GET|PUT /v1/policy): an execution copies it (resolved for its
         * class) when it starts; the pool follows its warm_pool and overcommit. A PUT is read
         * over policy_base: the defaults with --config's and --policy's fields. */
        pthread_mutex_t policy_lock;
        struct policy policy, policy_base;
};
uint64_t now_mono_ns(void);
/* Run fn(arg) on a detached worker thread counted in S->tasks. */
int task_spawn(struct server *S, void *(*fn)(void *), void *arg);
void task_done(struct server *S);
/* Re-read the tiers from the store into S->tiers. Under store_lock. */
void tiers_reload_locked(struct server *S);
/* Record a finished execution in the store (source "serve"). */
void store_record(struct server *S, const struct execution *x, const struct usage *u,
                  const char *outcome, json_t *adjustments);

/* ---- HTTP ---- */
/* One request's state across libmicrohttpd's calls. */
struct request {
        char *body;
        size_t len, cap;
        bool too_big;
        struct execution *waiting; /* a suspended POST /v1/executions */
        uint64_t t0;
};
/* A response: status and a JSON body (stolen). */
struct reply {
        unsigned status;
        json_t *body;
        char retry_after[16]; /* "" or seconds */
        const char *text;     /* a text body instead of JSON (metrics); owned: free */
        const char *content_type;
        const char *allow; /* the Allow header of a 405 */
};
void reply_json(struct reply *r, unsigned status, json_t *body);
void reply_error(struct reply *r, unsigned status, const char *error, const char *field);
/* Parse a body as a JSON object: 400 with the position on failure. */
int body_object(const struct request *rq, json_t **out, struct reply *r);

/* Field checking: a table of allowed keys with their types. */
enum ftype { F_STRING, F_UINT, F_BOOL, F_STRINGS, F_TIMEOUT, F_INT };
struct field {
        const char *name;
        enum ftype type;
        bool required;
};
/* 400 {error, field} on an unknown key, a wrong type or a missing required key. */
int check_fields(json_t *o, const struct field *f, size_t n, struct reply *r);
/* Parse "timeout": seconds as a number, or "10s"/"500ms". */
int parse_timeout(json_t *v, uint64_t *ns);

/* python and javascript: the languages an execution can run in (others get 422). */
bool serve_language_runnable(const char *lang);

/* The priority and policy class of a notification or execution: "class" names a class of the
 * policy (its priority unless "priority" is given too), "priority" alone picks the class with that
 * priority, if any. Fills p->priority, p->klass and p->overcommit; 400 naming the field. */
int serve_pick_class(struct server *S, json_t *o, struct pooled *p, struct reply *r);

/* Handlers: fill r; a handler may return 1 after suspending the connection. */
int api_notifications_post(struct server *S, struct request *rq, struct reply *r);
int api_executions_post(struct server *S, struct MHD_Connection *c, struct request *rq,
                        struct reply *r);
int api_executions_get(struct server *S, const char *id, struct reply *r);
int api_sandboxes_list(struct server *S, struct reply *r);
int api_sandbox_get(struct server *S, const char *id, struct reply *r);
int api_sandbox_delete(struct server *S, const char *id, struct reply *r);
int api_profiles_get(struct server *S, struct reply *r);
int api_profiles_put(struct server *S, struct request *rq, struct reply *r);
int api_policy_get(struct server *S, struct reply *r);
int api_policy_put(struct server *S, struct request *rq, struct reply *r);

/* Start and stop the HTTP daemon. */
int http_start(struct server *S);
void http_stop(struct server *S);
