/* Feedback (issue 5): every finished execution feeds the bounds of the next plans, and retraining
 * can be asked for while serving.
 *
 * Online calibration: for each target, the residual log1p(measured) - log1p(predicted point) of
 * the recent served executions (a window; an OOM-killed run counts with its peak, a lower bound of
 * what it wanted). Once the window holds enough of them, a plan's upper bound is the point times
 * exp(q), q the split-conformal quantile of those residuals at the policy's coverage (the
 * ceil((n + 1) x coverage)-th smallest), in place of the model's own q: the bounds follow what the
 * model's errors are on this daemon's traffic, tighter or looser. History plans keep theirs.
 *
 * Retraining: POST /v1/model/retrain trains a new model on the store's runs on a worker thread
 * (as `presize train` does), keeps it in the store, swaps it in for the next plans, and starts the
 * calibration window afresh (its residuals were the old model's). GET /v1/model says which model
 * serves, the calibration state and the last retraining. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "predict/locate.h"
#include "serve/internal.h"
#include "util/cleanup.h"

const char *const retrain_state_names[RT__COUNT] = {"idle", "training", "done", "failed"};

void calib_observe(struct server *S, const struct demand *d, const struct usage *u)
{
        struct calibration *C = &S->calib;
        double y[T__COUNT];
        usage_targets(u, y);
        pthread_mutex_lock(&C->lock);
        size_t window = S->cfg.limits.calib_window;
        if (window > CALIB_MAX)
                window = CALIB_MAX;
        size_t at = (C->head + C->n) % CALIB_MAX;
        if (C->n == window) { /* full: drop the oldest */
                at = C->head;
                C->head = (C->head + 1) % CALIB_MAX;
        } else {
                C->n++;
        }
        for (int t = 0; t < T__COUNT; t++)
                C->r[at][t] = (float)(log1p(y[t]) - log1p(d->t[t].point));
        C->observed++;
        pthread_mutex_unlock(&C->lock);
        struct metrics *m = &S->metrics;
        pthread_mutex_lock(&m->lock);
        for (int t = 0; t < T__COUNT; t++) {
                m->error_sum[t] += fabs(log1p(y[t]) - log1p(d->t[t].point));
                m->over_upper[t] += y[t] > d->t[t].upper;
        }
        m->error_n++;
        pthread_mutex_unlock(&m->lock);
}

static int cmp_float(const void *a, const void *b)
{
        float x = *(const float *)a, y = *(const float *)b;
        return (x > y) - (x < y);
}

/* The quantiles of the window at coverage, per target; false when it holds too few. Under the
 * calibration lock. */
static bool quantiles_locked(const struct server *S, double coverage, double q[T__COUNT])
{
        const struct calibration *C = &S->calib;
        size_t n = C->n;
        if (n == 0 || n < S->cfg.limits.calib_min)
                return false;
        float v[CALIB_MAX];
        size_t k = (size_t)ceil((double)(n + 1) * coverage);
        k = k == 0 ? 0 : k - 1;
        if (k >= n)
                k = n - 1; /* too few runs for that coverage: the largest residual */
        for (int t = 0; t < T__COUNT; t++) {
                for (size_t i = 0; i < n; i++)
                        v[i] = C->r[(C->head + i) % CALIB_MAX][t];
                qsort(v, n, sizeof(v[0]), cmp_float);
                q[t] = v[k];
        }
        return true;
}

bool calib_apply(struct server *S, double coverage, struct demand *d)
{
        double q[T__COUNT];
        pthread_mutex_lock(&S->calib.lock);
        bool have = quantiles_locked(S, coverage, q);
        pthread_mutex_unlock(&S->calib.lock);
        if (!have || d->mode == MODE_HISTORY)
                return false;
        for (int t = 0; t < T__COUNT; t++) {
                double u = expm1(log1p(d->t[t].point) + q[t]);
                d->t[t].upper = u > d->t[t].point ? u : d->t[t].point;
        }
        demand_derive(d);
        return true;
}

static void calib_reset(struct server *S)
{
        pthread_mutex_lock(&S->calib.lock);
        S->calib.n = S->calib.head = 0;
        pthread_mutex_unlock(&S->calib.lock);
}

/* ---- retraining ---- */

static void retrain_finish(struct server *S, enum retrain_state st, const char *error,
                           json_t *result)
{
        struct retrain *R = &S->retrain;
        pthread_mutex_lock(&R->lock);
        R->state = st;
        snprintf(R->error, sizeof(R->error), "%s", error ? error : "");
        json_decref(R->result);
        R->result = result;
        R->finished_ns = now_mono_ns();
        pthread_mutex_unlock(&R->lock);
        if (st == RT_DONE)
                metrics_count(&S->metrics, &S->metrics.retrains[0]);
        else
                metrics_count(&S->metrics, &S->metrics.retrains[1]);
}

static void *retrain_main(void *arg)
{
        struct server *S = arg;
        char why[256] = "";
        struct dataset d = {0};
        struct model *m = NULL;
        double coverage;
        pthread_mutex_lock(&S->policy_lock);
        coverage = S->policy.coverage;
        pthread_mutex_unlock(&S->policy_lock);
        uint64_t t0 = now_mono_ns();

        pthread_mutex_lock(&S->store_lock);
        int r = dataset_from_store(S->store, &d);
        pthread_mutex_unlock(&S->store_lock);
        if (r < 0) {
                snprintf(why, sizeof(why), "cannot read the runs: %s", strerror(-r));
                goto fail;
        }
        const char *corpus = S->cfg.limits.corpus;
        if (corpus[0] && dataset_literals_from_corpus(&d, corpus, &(size_t){0}, &(size_t){0}) < 0)
                fprintf(stderr, "presize serve: retrain: cannot read the corpus %s\n", corpus);
        if (d.n < S->cfg.limits.retrain_min) {
                snprintf(why, sizeof(why),
                         "the store has %zu usable runs (%zu excluded); at least %u are needed",
                         d.n, d.excluded, S->cfg.limits.retrain_min);
                goto fail;
        }
        struct train_opts to;
        train_opts_default(&to);
        to.coverage = coverage;
        if ((r = model_train(&d, NULL, 0, &to, &m)) < 0) {
                snprintf(why, sizeof(why), "training failed: %s", strerror(-r));
                goto fail;
        }
        m->trainset = dataset_describe(&d);
        char name[64] = "";
        pthread_mutex_lock(&S->store_lock);
        r = model_keep_in_store(S->store, m, name, sizeof(name));
        pthread_mutex_unlock(&S->store_lock);
        if (r < 0) {
                snprintf(why, sizeof(why), "cannot keep the model in the store: %s", strerror(-r));
                goto fail;
        }
        json_t *res = json_object();
        json_object_set_new(res, "model", json_string(name));
        json_object_set_new(res, "runs", json_integer((json_int_t)d.n));
        json_object_set_new(res, "excluded", json_integer((json_int_t)d.excluded));
        json_object_set_new(res, "coverage", json_real(coverage));
        json_object_set_new(res, "seconds", json_real((double)(now_mono_ns() - t0) / 1e9));
        json_object_set(res, "trainset", m->trainset);
        pthread_rwlock_wrlock(&S->model_lock);
        struct model *old = S->model;
        S->model = m;
        snprintf(S->model_source, sizeof(S->model_source), "store:%s", name);
        pthread_rwlock_unlock(&S->model_lock);
        model_free(old);
        calib_reset(S);
        dataset_free(&d);
        fprintf(stderr, "presize serve: retrained on %zu runs: model %s now serves\n", d.n, name);
        retrain_finish(S, RT_DONE, NULL, res);
        task_done(S);
        return NULL;
fail:
        fprintf(stderr, "presize serve: retrain: %s\n", why);
        dataset_free(&d);
        retrain_finish(S, RT_FAILED, why, NULL);
        task_done(S);
        return NULL;
}

static json_t *retrain_json(struct server *S)
{
        struct retrain *R = &S->retrain;
        uint64_t now = now_mono_ns();
        json_t *o = json_object();
        pthread_mutex_lock(&R->lock);
        json_object_set_new(o, "state", json_string(retrain_state_names[R->state]));
        if (R->state != RT_IDLE)
                json_object_set_new(o, "started_ms_ago",
                                    json_integer((json_int_t)((now - R->started_ns) / 1000000)));
        if (R->state == RT_DONE || R->state == RT_FAILED)
                json_object_set_new(o, "seconds",
                                    json_real((double)(R->finished_ns - R->started_ns) / 1e9));
        if (R->error[0])
                json_object_set_new(o, "error", json_string(R->error));
        if (R->result)
                json_object_set(o, "result", R->result);
        pthread_mutex_unlock(&R->lock);
        return o;
}

int api_model_retrain(struct server *S, struct request *rq, struct reply *r)
{
        if (rq->len) { /* no options yet: an empty body or {} */
                json_t *o = NULL;
                if (body_object(rq, &o, r) < 0)
                        return 0;
                int e = check_fields(o, NULL, 0, r);
                json_decref(o);
                if (e < 0)
                        return 0;
        }
        if (!S->store) {
                reply_error(r, 409, "no store to train from", NULL);
                return 0;
        }
        struct retrain *R = &S->retrain;
        pthread_mutex_lock(&R->lock);
        bool busy = R->state == RT_RUNNING;
        if (!busy) {
                R->state = RT_RUNNING;
                R->started_ns = now_mono_ns();
                R->error[0] = '\0';
                json_decref(R->result);
                R->result = NULL;
        }
        pthread_mutex_unlock(&R->lock);
        if (busy) {
                reply_error(r, 409, "a retraining is running already (GET /v1/model)", NULL);
                return 0;
        }
        if (task_spawn(S, retrain_main, S) < 0) {
                retrain_finish(S, RT_FAILED, "cannot start a worker", NULL);
                reply_error(r, 503, "cannot start a worker", NULL);
                return 0;
        }
        reply_json(r, 202, retrain_json(S));
        return 0;
}

int api_model_get(struct server *S, struct reply *r)
{
        json_t *o = json_object();
        pthread_rwlock_rdlock(&S->model_lock);
        json_object_set_new(o, "model", json_string(S->model_source));
        if (S->model) {
                json_object_set_new(o, "features_version",
                                    json_integer(S->model->features_version));
                json_object_set_new(o, "coverage", json_real(S->model->coverage));
                json_t *q = json_object();
                for (int md = 0; md < MODE__COUNT; md++) {
                        if (!S->model->has_mode[md])
                                continue;
                        json_t *per = json_object();
                        for (int t = 0; t < T__COUNT; t++)
                                json_object_set_new(per, target_names[t],
                                                    json_real(S->model->t[md][t].q));
                        json_object_set_new(q, mode_names[md], per);
                }
                json_object_set_new(o, "q", q);
        }
        pthread_rwlock_unlock(&S->model_lock);
        double coverage;
        pthread_mutex_lock(&S->policy_lock);
        coverage = S->policy.coverage;
        pthread_mutex_unlock(&S->policy_lock);
        json_t *c = json_object();
        double q[T__COUNT];
        pthread_mutex_lock(&S->calib.lock);
        bool have = quantiles_locked(S, coverage, q);
        json_object_set_new(c, "runs", json_integer((json_int_t)S->calib.n));
        json_object_set_new(c, "observed", json_integer((json_int_t)S->calib.observed));
        pthread_mutex_unlock(&S->calib.lock);
        json_object_set_new(c, "window", json_integer(S->cfg.limits.calib_window));
        json_object_set_new(c, "min_runs", json_integer(S->cfg.limits.calib_min));
        json_object_set_new(c, "coverage", json_real(coverage));
        json_object_set_new(c, "active", json_boolean(have));
        if (have) {
                json_t *jq = json_object();
                for (int t = 0; t < T__COUNT; t++)
                        json_object_set_new(jq, target_names[t], json_real(q[t]));
                json_object_set_new(c, "q", jq);
        }
        json_object_set_new(o, "calibration", c);
        json_object_set_new(o, "retrain", retrain_json(S));
        reply_json(r, 200, o);
        return 0;
}

/* The analyser's features of a served execution's code, as `presize profile` stores them: NULL
 * when the analyser is absent or cannot read it. Owned by the caller. */
double *served_features(const char *language, const char *code, size_t len, size_t *n)
{
        size_t nf = code_features_len();
        *n = 0;
        struct analyzer *an = NULL;
        if (nf == 0 || code_analyzer_new(&an) < 0)
                return NULL;
        double *v = calloc(code_len(), sizeof(double));
        struct notification none = {.language = language};
        struct code_input in = {.path = NULL, .lang = language, .src = code, .len = len};
        int r = v ? code_from_source(an, &in, &none, v, NULL, NULL) : -ENOMEM;
        code_analyzer_free(an);
        if (r < 0) {
                free(v);
                return NULL;
        }
        /* the analyser's block of the code vector, moved to the front */
        memmove(v, v + META_LEN, nf * sizeof(double));
        *n = nf;
        return v;
}
