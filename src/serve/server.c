/* The daemon's life: set up (backend, store, model, pool, HTTP), serve until SIGTERM or SIGINT,
 * then stop accepting, end running executions, destroy every sandbox and leave nothing behind. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "predict/locate.h"
#include "sandbox/net.h"
#include "sandbox/sandbox.h"
#include "serve/internal.h"
#include "store/sha256.h"
#include "util/cleanup.h"
#include "util/units.h"

#define SEC 1000000000ULL

void serve_limits_default(struct serve_limits *l)
{
        *l = (struct serve_limits){
            .max_sandboxes = 64,
            .body_max = 1 << 20,
            .output_max = 64 << 10,
            .default_timeout_ns = 30 * SEC,
            .max_timeout_ns = 300 * SEC,
            .retry_after_s = 1,
            .grace_ns = 10 * SEC,
            .max_executions = 1024,
            .prestart = true,
            .calib_window = 200,
            .calib_min = 20,
            .retrain_min = 50,
        };
}

static int duration_of(json_t *v, uint64_t *ns)
{
        return parse_timeout(v, ns);
}

static int count_of(json_t *v, uint64_t lo, uint64_t hi, uint64_t *out)
{
        if (!json_is_integer(v) || json_integer_value(v) < (json_int_t)lo ||
            (uint64_t)json_integer_value(v) > hi)
                return -EINVAL;
        *out = (uint64_t)json_integer_value(v);
        return 0;
}

int serve_limits_load(const char *path, struct serve_limits *l, char *why, size_t len)
{
        json_error_t e;
        json_t *j = json_load_file(path, JSON_REJECT_DUPLICATES, &e);
        if (!j) {
                snprintf(why, len, "%s: line %d: %s", path, e.line, e.text);
                return -EINVAL;
        }
        if (!json_is_object(j)) {
                json_decref(j);
                snprintf(why, len, "%s: must hold a JSON object", path);
                return -EINVAL;
        }
        const char *key;
        json_t *v;
        int r = 0;
        json_object_foreach(j, key, v)
        {
                uint64_t u = 0;
                if (!strcmp(key, "overcommit")) {
                        double d = json_is_number(v) ? json_number_value(v) : 0;
                        if (!(d >= 1 && d <= 10))
                                r = -EINVAL;
                        l->overcommit = d;
                } else if (!strcmp(key, "host_cpu")) {
                        r = json_is_string(v) ? parse_cpu(json_string_value(v), &u)
                            : count_of(v, 1, UINT32_MAX, &u) == 0 ? (u *= 1000, 0)
                                                                  : -EINVAL;
                        l->host_millicores = u;
                } else if (!strcmp(key, "host_memory")) {
                        r = json_is_string(v) ? parse_bytes(json_string_value(v), &u)
                                              : count_of(v, 1, UINT64_MAX >> 1, &u);
                        l->host_memory_bytes = u;
                } else if (!strcmp(key, "ttl")) {
                        r = duration_of(v, &l->ttl_ns);
                } else if (!strcmp(key, "default_timeout")) {
                        r = duration_of(v, &l->default_timeout_ns);
                } else if (!strcmp(key, "max_timeout")) {
                        r = duration_of(v, &l->max_timeout_ns);
                } else if (!strcmp(key, "grace")) {
                        r = json_is_integer(v) && json_integer_value(v) == 0
                                ? (l->grace_ns = 0, 0)
                                : duration_of(v, &l->grace_ns);
                } else if (!strcmp(key, "sample_interval")) {
                        r = duration_of(v, &l->interval_ns);
                } else if (!strcmp(key, "max_sandboxes")) {
                        r = count_of(v, 1, 100000, &u);
                        l->max_sandboxes = (unsigned)u;
                } else if (!strcmp(key, "max_executions")) {
                        r = count_of(v, 1, 1000000, &u);
                        l->max_executions = (unsigned)u;
                } else if (!strcmp(key, "retry_after")) {
                        r = count_of(v, 1, 3600, &u);
                        l->retry_after_s = (unsigned)u;
                } else if (!strcmp(key, "body_max")) {
                        r = json_is_string(v) ? parse_bytes(json_string_value(v), &u)
                                              : count_of(v, 1024, 1 << 30, &u);
                        l->body_max = (size_t)u;
                } else if (!strcmp(key, "output_max")) {
                        r = json_is_string(v) ? parse_bytes(json_string_value(v), &u)
                                              : count_of(v, 0, 64 << 20, &u);
                        l->output_max = (size_t)u;
                } else if (!strcmp(key, "calibration_window")) {
                        r = count_of(v, 1, 1024, &u);
                        l->calib_window = (unsigned)u;
                } else if (!strcmp(key, "calibration_min")) {
                        r = count_of(v, 1, 1024, &u);
                        l->calib_min = (unsigned)u;
                } else if (!strcmp(key, "corpus")) {
                        r = json_is_string(v) && json_string_length(v) < sizeof(l->corpus) &&
                                    access(json_string_value(v), R_OK) == 0
                                ? 0
                                : -EINVAL;
                        if (r == 0)
                                snprintf(l->corpus, sizeof(l->corpus), "%s", json_string_value(v));
                } else if (!strcmp(key, "allow_net")) {
                        struct alloc a = {0};
                        size_t i;
                        json_t *it;
                        r = json_is_array(v) ? 0 : -EINVAL;
                        json_array_foreach(v, i, it)
                        {
                                if (r == 0)
                                        r = json_is_string(it)
                                                ? net_allow_parse(json_string_value(it), &a)
                                                : -EINVAL;
                        }
                        l->n_allow = a.n_allow;
                        memcpy(l->allow, a.allow, sizeof(l->allow));
                } else if (!strcmp(key, "retrain_min")) {
                        r = count_of(v, 1, 1000000, &u);
                        l->retrain_min = (unsigned)u;
                } else if (!strcmp(key, "prestart")) {
                        r = json_is_boolean(v) ? 0 : -EINVAL;
                        l->prestart = json_is_true(v);
                } else {
                        snprintf(
                            why, len,
                            "%s: unknown key '%s' (known: overcommit, host_cpu, "
                            "host_memory, ttl, default_timeout, max_timeout, "
                            "grace, sample_interval, max_sandboxes, max_executions, retry_after, "
                            "body_max, output_max, prestart, calibration_window, "
                            "calibration_min, retrain_min, corpus, allow_net)",
                            path, key);
                        json_decref(j);
                        return -EINVAL;
                }
                if (r < 0) {
                        snprintf(why, len, "%s: bad value for '%s'", path, key);
                        json_decref(j);
                        return -EINVAL;
                }
        }
        json_decref(j);
        if (l->default_timeout_ns > l->max_timeout_ns) {
                snprintf(why, len, "%s: default_timeout is above max_timeout", path);
                return -EINVAL;
        }
        return 0;
}

/* ---- worker threads ---- */

int task_spawn(struct server *S, void *(*fn)(void *), void *arg)
{
        pthread_attr_t at;
        pthread_t t;
        pthread_attr_init(&at);
        pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
        pthread_mutex_lock(&S->tasks_lock);
        S->tasks++;
        pthread_mutex_unlock(&S->tasks_lock);
        int r = pthread_create(&t, &at, fn, arg);
        pthread_attr_destroy(&at);
        if (r) {
                task_done(S);
                return -r;
        }
        return 0;
}

void task_done(struct server *S)
{
        pthread_mutex_lock(&S->tasks_lock);
        if (--S->tasks == 0)
                pthread_cond_broadcast(&S->tasks_done);
        pthread_mutex_unlock(&S->tasks_lock);
}

static void wait_tasks(struct server *S)
{
        pthread_mutex_lock(&S->tasks_lock);
        while (S->tasks > 0)
                pthread_cond_wait(&S->tasks_done, &S->tasks_lock);
        pthread_mutex_unlock(&S->tasks_lock);
}

/* ---- the store ---- */

void store_record(struct server *S, const struct execution *x, const struct usage *u,
                  const char *outcome, json_t *adjustments)
{
        if (!S->store)
                return;
        const struct pooled *p = x->sb;
        struct run_record rec = {0};
        sha256_hex(x->code, x->code_len, rec.code_hash);
        snprintf(rec.language, sizeof(rec.language), "%s", x->language);
        snprintf(rec.algorithm, sizeof(rec.algorithm), "%s", p->algorithm);
        snprintf(rec.libraries, sizeof(rec.libraries), "%s", p->libraries);
        snprintf(rec.source, sizeof(rec.source), "serve");
        snprintf(rec.outcome, sizeof(rec.outcome), "%s", outcome);
        rec.input_bytes = p->input_bytes;
        rec.features_version = predict_features_version();
        rec.alloc = p->alloc;
        rec.usage = *u;
        _cleanup_free_ char *pred = json_dumps(p->prediction, JSON_COMPACT);
        _cleanup_free_ char *adj = json_dumps(adjustments, JSON_COMPACT);
        rec.prediction = pred;
        rec.adjustments = adj ? adj : "[]";
        /* the analyser's features, so that a retraining learns from served code too */
        _cleanup_free_ double *features =
            served_features(x->language, x->code, x->code_len, &rec.n_features);
        rec.features = features;
        if (p->have_demand && (!strcmp(outcome, "ok") || !strcmp(outcome, "oom")))
                calib_observe(S, &p->demand, u);
        pthread_mutex_lock(&S->store_lock);
        int r = store_run_insert(S->store, &rec);
        pthread_mutex_unlock(&S->store_lock);
        if (r < 0)
                fprintf(stderr, "presize serve: cannot record %s in the store: %s\n", x->id,
                        strerror(-r));
}

void tiers_reload_locked(struct server *S)
{
        size_t n = 0;
        if (!S->store || store_tiers_list(S->store, S->tiers, MAX_TIERS, &n) < 0)
                n = 0;
        S->n_tiers = n;
}

/* ---- life ---- */

static int load_model(struct server *S)
{
        const char *why = NULL;
        int r;
        if (S->cfg.model && !strcmp(S->cfg.model, "none")) {
                snprintf(S->model_source, sizeof(S->model_source), "none");
                return 0;
        }
        if (S->cfg.model) {
                r = model_load_file(S->cfg.model, &S->model, &why);
                if (r < 0) {
                        fprintf(stderr, "presize serve: cannot use the model %s: %s\n",
                                S->cfg.model, why ? why : strerror(-r));
                        return r;
                }
                snprintf(S->model_source, sizeof(S->model_source), "%s", S->cfg.model);
                return 0;
        }
        r = S->store ? model_from_store(S->store, &S->model, &why) : -ENOENT;
        if (r == 0) {
                snprintf(S->model_source, sizeof(S->model_source), "store");
                return 0;
        }
        r = model_shipped(&S->model, S->model_source, sizeof(S->model_source), &why);
        if (r == 0)
                return 0;
        S->model = NULL;
        snprintf(S->model_source, sizeof(S->model_source), "none");
        fprintf(stderr,
                "presize serve: no usable model (%s): every sandbox gets the lowest tier; run "
                "'presize train' or give --model FILE\n",
                r == -ENOENT ? "the store has none and no models/default.json was found"
                             : (why ? why : strerror(-r)));
        return 0;
}

static void free_execs(struct server *S)
{
        while (S->execs) {
                struct execution *x = S->execs;
                S->execs = x->next;
                exec_free(x);
        }
}

static void server_fini(struct server *S)
{
        pool_stop_reaper(S);
        pool_stop_creators(S);
        pool_destroy_all(S);
        free_execs(S);
        if (S->be && S->be->fini)
                S->be->fini();
        model_free(S->model);
        json_decref(S->retrain.result);
        pthread_rwlock_destroy(&S->model_lock);
        pthread_mutex_destroy(&S->calib.lock);
        pthread_mutex_destroy(&S->retrain.lock);
        store_close(S->store);
        pthread_mutex_destroy(&S->pool.lock);
        pthread_cond_destroy(&S->pool.changed);
        pthread_cond_destroy(&S->pool.queued);
        pthread_cond_destroy(&S->reaper_wake);
        pthread_mutex_destroy(&S->store_lock);
        pthread_mutex_destroy(&S->tasks_lock);
        pthread_cond_destroy(&S->tasks_done);
        pthread_mutex_destroy(&S->exec_lock);
        pthread_mutex_destroy(&S->policy_lock);
        pthread_mutex_destroy(&S->metrics.lock);
}

/* The defaults, --config's overcommit, ttl and sample_interval, then --policy's file. */
static int starting_policy(const struct serve_config *c, struct policy *p)
{
        policy_default(p);
        const struct serve_limits *l = &c->limits;
        if (l->overcommit > 0)
                p->overcommit = l->overcommit;
        if (l->ttl_ns)
                p->warm_ttl_ns = l->ttl_ns;
        if (l->interval_ns)
                p->sample_interval_ns = l->interval_ns;
        char why[256] = "";
        if (!c->policy) {
                int r = policy_validate(p, why, sizeof(why));
                if (r < 0)
                        fprintf(stderr, "presize serve: --config: %s\n", why);
                return r;
        }
        json_error_t je;
        json_t *j = json_load_file(c->policy, JSON_REJECT_DUPLICATES, &je);
        if (!j) {
                fprintf(stderr, "presize serve: --policy %s: line %d: %s\n", c->policy, je.line,
                        je.text);
                return -EINVAL;
        }
        struct policy base = *p;
        int r = policy_over_json(&base, j, p, why, sizeof(why));
        json_decref(j);
        if (r < 0)
                fprintf(stderr, "presize serve: --policy %s: %s\n", c->policy, why);
        return r;
}

static int server_init(struct server *S, const struct serve_config *c)
{
        memset(S, 0, sizeof(*S));
        S->cfg = *c;
        pthread_mutex_init(&S->pool.lock, NULL);
        pthread_condattr_t ca;
        pthread_condattr_init(&ca);
        pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
        pthread_cond_init(&S->reaper_wake, &ca);
        pthread_condattr_destroy(&ca);
        pthread_cond_init(&S->pool.changed, NULL);
        pthread_cond_init(&S->pool.queued, NULL);
        pthread_mutex_init(&S->store_lock, NULL);
        pthread_mutex_init(&S->tasks_lock, NULL);
        pthread_cond_init(&S->tasks_done, NULL);
        pthread_mutex_init(&S->exec_lock, NULL);
        pthread_mutex_init(&S->policy_lock, NULL);
        pthread_rwlock_init(&S->model_lock, NULL);
        pthread_mutex_init(&S->calib.lock, NULL);
        pthread_mutex_init(&S->retrain.lock, NULL);
        metrics_init(&S->metrics);
        int r = starting_policy(c, &S->policy_base);
        if (r < 0)
                return r;
        S->policy = S->policy_base;
        S->be = backend_find(c->backend ? c->backend : "local");
        if (!S->be) {
                fprintf(stderr, "presize serve: unknown backend '%s' (known: local)\n", c->backend);
                return -EINVAL;
        }
        r = S->be->init ? S->be->init() : 0;
        if (r < 0) {
                fprintf(stderr, "presize serve: cannot set up the %s backend: %s\n", S->be->name,
                        strerror(-r));
                S->be = NULL;
                return r;
        }
        if ((r = cli_open_store("serve", c->db, &S->store)) != 0)
                return -EIO;
        tiers_reload_locked(S);
        if ((r = load_model(S)) < 0)
                return r;
        const struct serve_limits *l = &c->limits;
        S->pool.host_millicores = sandbox_host_millicores();
        S->pool.host_memory = sandbox_host_memory();
        uint64_t hmc = l->host_millicores ? l->host_millicores : S->pool.host_millicores;
        uint64_t hmem = l->host_memory_bytes ? l->host_memory_bytes : S->pool.host_memory;
        S->pool.base_millicores = hmc;
        S->pool.base_memory = hmem;
        pool_apply_policy(S, &S->policy);
        if (S->pool.host_millicores > hmc)
                S->pool.host_millicores = hmc;
        if (S->pool.host_memory > hmem)
                S->pool.host_memory = hmem;
        return 0;
}

/* Wait for the last responses (resumed executions) to go out, at most ~2 s. */
static void drain_connections(struct server *S)
{
        for (int i = 0; i < 200; i++) {
                const union MHD_DaemonInfo *info =
                    MHD_get_daemon_info(S->mhd, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
                if (!info || info->num_connections == 0)
                        return;
                struct timespec ts = {0, 10000000L};
                nanosleep(&ts, NULL);
        }
}

int serve_run(const struct serve_config *c)
{
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGTERM);
        sigaddset(&set, SIGINT);
        /* Every thread started from here on inherits the mask: the signals wait for sigwait. */
        pthread_sigmask(SIG_BLOCK, &set, NULL);
        signal(SIGPIPE, SIG_IGN);

        struct server *S = calloc(1, sizeof(*S));
        if (!S)
                return -ENOMEM;
        int r = server_init(S, c);
        if (r == 0 && (r = pool_start_creators(S)) < 0)
                fprintf(stderr, "presize serve: cannot start the creators: %s\n", strerror(-r));
        if (r == 0 && (r = pool_start_reaper(S)) < 0)
                fprintf(stderr, "presize serve: cannot start the reaper: %s\n", strerror(-r));
        if (r == 0 && (r = http_start(S)) < 0)
                fprintf(stderr,
                        "presize serve: cannot listen on %s:%u (in use, or not an "
                        "address of this host)\n",
                        c->host, c->port);
        if (r < 0) {
                server_fini(S);
                free(S);
                return r;
        }
        fprintf(stderr,
                "presize serve: listening on http://%s:%u (backend %s, cgroup %s, model %s, "
                "capacity %llum CPU and %llu MiB, %s)\n",
                S->cfg.host, S->cfg.port, S->be->name, sandbox_cgroup_version(), S->model_source,
                (unsigned long long)S->pool.cap_millicores,
                (unsigned long long)(S->pool.cap_memory >> 20),
                S->cfg.token ? "token required" : "no token");
        fflush(stderr);

        int sig = 0;
        sigwait(&set, &sig);
        fprintf(stderr, "presize serve: %s: stopping (running executions have %.3g s to finish)\n",
                strsignal(sig), (double)S->cfg.limits.grace_ns / 1e9);

        atomic_store(&S->stop_deadline_ns, now_mono_ns() + S->cfg.limits.grace_ns);
        atomic_store(&S->stopping, true);
        MHD_socket lfd = MHD_quiesce_daemon(S->mhd);
        if (lfd != MHD_INVALID_SOCKET)
                close(lfd);
        pool_stop_reaper(S);
        wait_tasks(S); /* running jobs finish, or are killed once the grace period is over */
        drain_connections(S);
        http_stop(S);
        server_fini(S);
        free(S);
        fprintf(stderr, "presize serve: stopped; every sandbox destroyed\n");
        return 0;
}
