/* From a notification (and the code, when it comes with it) to a plan: the demand the model
 * predicts, the tier that covers it (the complexity score) and the allocation, as `presize predict`
 * makes them. Without a model the plan is the lowest tier, marked as such. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "predict/oneshot.h"
#include "serve/internal.h"
#include "store/sha256.h"
#include "util/cleanup.h"

#define MIB          (1024ULL * 1024ULL)
#define MAX_HISTORY  32
#define DEFAULT_PIDS 128

/* What the runtime itself needs, whatever the code: node's heap and JIT alone take tens of MiB. */
static uint64_t runtime_floor(const char *lang)
{
        if (lang && !strcmp(lang, "javascript"))
                return 128 * MIB;
        return 48 * MIB;
}

json_t *alloc_json(const struct alloc *a)
{
        json_t *o = json_object();
        json_object_set_new(o, "cpu_millicores", json_integer((json_int_t)a->cpu_millicores));
        json_object_set_new(o, "memory_bytes", json_integer((json_int_t)a->memory_bytes));
        json_object_set_new(o, "net_rate_bps", json_integer((json_int_t)a->net_rate_bps));
        json_object_set_new(o, "pids", json_integer((json_int_t)a->pids));
        return o;
}

static json_t *est_json(struct estimate e, bool integer)
{
        json_t *o = json_object();
        if (integer) {
                json_object_set_new(o, "point", json_integer((json_int_t)(e.point + 0.5)));
                json_object_set_new(o, "upper", json_integer((json_int_t)(e.upper + 0.5)));
        } else {
                json_object_set_new(o, "point", json_real(e.point));
                json_object_set_new(o, "upper", json_real(e.upper));
        }
        return o;
}

json_t *plan_to_json(const struct plan *p)
{
        json_t *o = json_object();
        json_object_set_new(o, "tier", json_string(p->tier.name));
        json_object_set_new(o, "complexity_score", json_string(p->score));
        if (p->have_model) {
                const struct demand *d = &p->demand;
                json_object_set_new(o, "mode", json_string(mode_names[d->mode]));
                json_object_set_new(o, "low_confidence", json_boolean(d->low_confidence));
                json_t *dm = json_object();
                json_object_set_new(dm, "cpu_millicores", est_json(d->cpu_millicores, true));
                json_object_set_new(dm, "memory_bytes", est_json(d->memory_bytes, true));
                json_object_set_new(dm, "net_rate_bps", est_json(d->net_rate_bps, true));
                json_object_set_new(dm, "cpu_seconds", est_json(d->cpu_seconds, false));
                json_object_set_new(dm, "wall_seconds", est_json(d->wall_seconds, false));
                json_object_set_new(o, "demand", dm);
                json_object_set_new(o, "bounds",
                                    json_string(p->bounds_online ? "online" : "model"));
        } else {
                json_object_set_new(o, "mode", json_string("none"));
                json_object_set_new(o, "low_confidence", json_true());
                json_object_set_new(o, "demand", json_null());
        }
        json_object_set_new(o, "allocation", alloc_json(&p->alloc));
        return o;
}

/* The store's runs of exactly this code (by sha256) blended into the demand (mode "history"). */
static void blend_history(struct server *S, const char *hex, struct demand *d)
{
        struct usage hist[MAX_HISTORY];
        size_t nh = 0;
        if (!S->store)
                return;
        pthread_mutex_lock(&S->store_lock);
        int r = store_runs_by_hash(S->store, hex, hist, MAX_HISTORY, &nh);
        pthread_mutex_unlock(&S->store_lock);
        if (r == 0 && nh > 0)
                demand_blend_history(d, S->model, hist, nh);
}

static int predict_code(struct server *S, struct notification *n, const char *code, size_t len,
                        struct demand *d)
{
        _cleanup_free_ double *v = calloc(code_len(), sizeof(double));
        if (!v)
                return -ENOMEM;
        struct analyzer *an = NULL;
        _cleanup_free_ char *imports = NULL;
        const char *detected = NULL;
        char libs[1024];
        int r = code_analyzer_new(&an);
        if (r == 0) {
                struct code_input in = {.path = NULL, .lang = n->language, .src = code, .len = len};
                r = code_from_source(an, &in, n, v, &detected, &imports);
                code_analyzer_free(an);
        }
        if (r < 0) {
                r = model_predict(S->model, n, NULL, d);
                d->low_confidence = true;
                return r;
        }
        if ((!n->libraries || !n->libraries[0]) && imports) {
                known_imports(S->model, imports, libs, sizeof(libs));
                if (libs[0]) {
                        n->libraries = libs;
                        double meta[META_LEN];
                        meta_vector(n, meta);
                        memcpy(v, meta, sizeof(meta));
                }
        }
        r = model_predict(S->model, n, v, d);
        n->libraries = NULL; /* libs goes out of scope */
        if (r < 0 || !S->store)
                return r;
        char hex[SHA256_HEX_LEN];
        sha256_hex(code, len, hex);
        blend_history(S, hex, d);
        return 0;
}

int plan_make(struct server *S, const struct notification *n0, const char *code, size_t code_len,
              const char *code_hash, bool want_net, struct plan *out)
{
        struct notification n = *n0;
        struct tier tiers[MAX_TIERS];
        size_t nt = 0;
        memset(out, 0, sizeof(*out));
        pthread_mutex_lock(&S->store_lock);
        nt = S->n_tiers;
        memcpy(tiers, S->tiers, nt * sizeof(tiers[0]));
        pthread_mutex_unlock(&S->store_lock);
        if (nt == 0)
                nt = default_tiers(tiers, MAX_TIERS);
        size_t ti = 0;
        double coverage;
        pthread_mutex_lock(&S->policy_lock);
        coverage = S->policy.coverage;
        pthread_mutex_unlock(&S->policy_lock);
        pthread_rwlock_rdlock(&S->model_lock);
        if (S->model) {
                int r = code && code_len ? predict_code(S, &n, code, code_len, &out->demand)
                                         : model_predict(S->model, &n, NULL, &out->demand);
                if (r < 0) {
                        pthread_rwlock_unlock(&S->model_lock);
                        return r;
                }
                if (!(code && code_len) && code_hash)
                        blend_history(S, code_hash, &out->demand);
                out->have_model = true;
        }
        pthread_rwlock_unlock(&S->model_lock);
        if (out->have_model) {
                out->bounds_online = calib_apply(S, coverage, &out->demand);
                if (out->bounds_online)
                        metrics_count(&S->metrics, &S->metrics.bounds_online);
                ti = tier_for(tiers, nt, &out->demand);
                allocation_for(&out->demand, &tiers[ti], &out->alloc, &out->gpu);
        } else {
                out->alloc.cpu_millicores = tiers[0].cpu_millicores;
                out->alloc.memory_bytes = tiers[0].memory_bytes;
                out->gpu = tiers[0].gpu;
        }
        metrics_count(&S->metrics, &S->metrics.predictions);
        out->tier = tiers[ti];
        out->score = complexity_score(tiers, nt, ti);
        uint64_t floor = runtime_floor(n.language);
        if (out->alloc.memory_bytes < floor)
                out->alloc.memory_bytes = floor;
        /* A network only for what needs it: the veth's creation and removal cost more than the
         * rest of a sandbox together. Shaped at the predicted rate's bound, else the tier's. */
        const struct serve_limits *l = &S->cfg.limits;
        bool net =
            l->n_allow > 0 && (want_net || (out->have_model && out->demand.net_rate_bps.upper > 0));
        if (net) {
                out->alloc.network = true;
                if (!out->alloc.net_rate_bps)
                        out->alloc.net_rate_bps = tiers[ti].net_rate_bps;
                out->alloc.n_allow = l->n_allow;
                memcpy(out->alloc.allow, l->allow, sizeof(out->alloc.allow));
        } else {
                out->alloc.net_rate_bps = 0;
                out->alloc.network = false;
        }
        out->alloc.pids = DEFAULT_PIDS;
        /* Never more than the host has, whatever the model says. */
        uint64_t hm = S->pool.host_millicores, hb = S->pool.host_memory;
        if (out->alloc.cpu_millicores > hm)
                out->alloc.cpu_millicores = hm;
        if (out->alloc.memory_bytes > hb)
                out->alloc.memory_bytes = hb;
        return 0;
}
