/* The model: per mode per target a regressor and its conformal quantile, the vocabulary seen in
 * training (for the low-confidence flag), and a description of the training set. One JSON
 * document on disk (docs/predict.md describes it); XGBoost's own JSON model is embedded as is. */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "predict/predict.h"
#include "util/cleanup.h"

#define MODEL_FORMAT "presize-model"

const char *const tm_kind_names[TM__COUNT] = {"own", "metadata", "stacked", "elastic"};

int elastic_feature(int t)
{
        static const char *const names[T__COUNT] = {
            [T_MEMORY] = "sz_log10_bytes",
            [T_CPU] = "sz_log10_work",
            [T_NET] = "sz_log10_n",
            [T_WALL] = "sz_log10_work",
        };
        if (t < 0 || t >= T__COUNT || !names[t] || !code_features_len())
                return -1;
        char buf[96];
        for (size_t i = code_len(); i-- > 0;) {
                const char *n = feature_name(MODE_CODE, i, buf, sizeof(buf));
                if (n && !strcmp(n, names[t]))
                        return (int)i;
        }
        return -1;
}

int meta_language_of(const float *x)
{
        int l = 0;
        while (l < META_LANGS && !(x[l] > 0.5f))
                l++;
        return l;
}

int meta_algorithm_of(const float *x)
{
        int a = 0;
        while (a < META_ALGOS && !(x[META_LANGS + 1 + a] > 0.5f))
                a++;
        return a;
}

bool cell_point(const struct target_model *tm, const float *x, double *v)
{
        int l = meta_language_of(x);
        if (!tm->cell_lang[l] || !tm->cell_use[l][meta_algorithm_of(x)])
                return false;
        *v = tm->cell_level[l];
        return true;
}

double elastic_margin(const struct target_model *tm, const float *x)
{
        if (tm->el_feature < 0)
                return 0;
        int l = meta_language_of(x);
        double w = x[tm->el_feature];
        if (isnan(w))
                return 0;
        return tm->el_b[l] * (w - tm->el_w0[l]);
}

static void vocab_free(struct vocab *v)
{
        for (size_t i = 0; i < v->n; i++)
                free(v->items[i]);
        free(v->items);
        *v = (struct vocab){0};
}

void model_free(struct model *m)
{
        if (!m)
                return;
        for (int k = 0; k < MODE__COUNT; k++)
                for (int t = 0; t < T__COUNT; t++)
                        gbt_free(m->t[k][t].gbt);
        vocab_free(&m->languages);
        vocab_free(&m->algorithms);
        vocab_free(&m->libraries);
        json_decref(m->trainset);
        json_decref(m->metrics);
        free(m);
}

bool model_knows(const struct vocab *v, const char *name)
{
        if (!name || !*name)
                return false;
        for (size_t i = 0; i < v->n; i++)
                if (!strcasecmp(v->items[i], name))
                        return true;
        return false;
}

static json_t *vocab_to_json(const struct vocab *v)
{
        json_t *a = json_array();
        for (size_t i = 0; a && i < v->n; i++)
                json_array_append_new(a, json_string(v->items[i]));
        return a;
}

static int vocab_from_json(json_t *a, struct vocab *v)
{
        if (!json_is_array(a))
                return -EPROTO;
        size_t n = json_array_size(a);
        v->items = calloc(n ? n : 1, sizeof(char *));
        if (!v->items)
                return -ENOMEM;
        for (size_t i = 0; i < n; i++) {
                const char *s = json_string_value(json_array_get(a, i));
                if (!s)
                        return -EPROTO;
                v->items[i] = strdup(s);
                if (!v->items[i])
                        return -ENOMEM;
                v->n++;
        }
        return 0;
}

static json_t *names_json(enum mode m)
{
        json_t *a = json_array();
        char buf[96];
        for (size_t i = 0; a && i < mode_len(m); i++)
                json_array_append_new(a, json_string(feature_name(m, i, buf, sizeof(buf))));
        return a;
}

/* {"python": {"level": x, "algorithms": ["sorting", ...]}, ...} for the languages that take
 * their level; NULL when none does. */
static json_t *cells_to_json(const struct target_model *tm)
{
        json_t *c = NULL;
        for (int l = 0; l <= META_LANGS; l++) {
                if (!tm->cell_lang[l])
                        continue;
                if (!c)
                        c = json_object();
                json_t *a = json_array();
                for (int i = 0; i <= META_ALGOS; i++)
                        if (tm->cell_use[l][i])
                                json_array_append_new(a, json_string(meta_algorithm_name(i)));
                json_t *e = json_object();
                json_object_set_new(e, "level", json_real(tm->cell_level[l]));
                json_object_set_new(e, "algorithms", a);
                json_object_set_new(c, meta_language_name(l), e);
        }
        return c;
}

static int cells_from_json(json_t *c, struct target_model *tm)
{
        if (!c)
                return 0;
        if (!json_is_object(c))
                return -EPROTO;
        const char *key;
        json_t *e;
        json_object_foreach(c, key, e)
        {
                int l = 0;
                while (l <= META_LANGS && strcmp(key, meta_language_name(l)))
                        l++;
                json_t *lv = json_object_get(e, "level"), *as = json_object_get(e, "algorithms");
                if (l > META_LANGS || !json_is_number(lv) || !isfinite(json_number_value(lv)) ||
                    !json_is_array(as))
                        return -EPROTO;
                size_t i;
                json_t *v;
                json_array_foreach(as, i, v)
                {
                        const char *name = json_string_value(v);
                        int a = 0;
                        while (name && a <= META_ALGOS && strcmp(name, meta_algorithm_name(a)))
                                a++;
                        if (!name || a > META_ALGOS)
                                return -EPROTO;
                        tm->cell_use[l][a] = true;
                }
                tm->cell_level[l] = json_number_value(lv);
                tm->cell_lang[l] = true;
        }
        return 0;
}

int model_to_json(const struct model *m, json_t **out)
{
        json_t *j = json_object();
        if (!j)
                return -ENOMEM;
        json_object_set_new(j, "format", json_string(MODEL_FORMAT));
        json_object_set_new(j, "schema_version", json_integer(m->schema_version));
        json_object_set_new(j, "features_version", json_integer(m->features_version));
        json_object_set_new(j, "coverage", json_real(m->coverage));
        json_object_set_new(j, "target_transform", json_string("log1p"));
        json_t *tg = json_object();
        static const char *const units[T__COUNT] = {"bytes", "milliseconds", "millicores", "bytes",
                                                    "milliseconds"};
        for (int t = 0; t < T__COUNT; t++)
                json_object_set_new(tg, target_names[t], json_string(units[t]));
        json_object_set_new(j, "targets", tg);
        json_t *names = json_object();
        json_t *modes = json_object();
        for (int k = 0; k < MODE__COUNT; k++) {
                if (!m->has_mode[k])
                        continue;
                json_object_set_new(names, mode_names[k], names_json((enum mode)k));
                json_t *mo = json_object();
                for (int t = 0; t < T__COUNT; t++) {
                        json_t *e = json_object();
                        json_object_set_new(e, "q", json_real(m->t[k][t].q));
                        json_object_set_new(e, "kind", json_string(tm_kind_names[m->t[k][t].kind]));
                        if (m->t[k][t].kind == TM_ELASTIC) {
                                json_t *el = json_object();
                                json_t *b = json_array(), *w0 = json_array();
                                char buf[96];
                                for (int l = 0; l <= META_LANGS; l++) {
                                        json_array_append_new(b, json_real(m->t[k][t].el_b[l]));
                                        json_array_append_new(w0, json_real(m->t[k][t].el_w0[l]));
                                }
                                json_object_set_new(el, "feature",
                                                    json_string(feature_name(
                                                        MODE_CODE, (size_t)m->t[k][t].el_feature,
                                                        buf, sizeof(buf))));
                                json_object_set_new(el, "b", b);
                                json_object_set_new(el, "w0", w0);
                                json_object_set_new(e, "elastic", el);
                        }
                        json_t *ql = json_array();
                        for (int l = 0; l <= META_LANGS; l++)
                                json_array_append_new(ql, isnan(m->t[k][t].q_lang[l])
                                                              ? json_null()
                                                              : json_real(m->t[k][t].q_lang[l]));
                        json_object_set_new(e, "q_by_language", ql);
                        json_t *qa = json_array();
                        for (int a = 0; a <= META_ALGOS; a++)
                                json_array_append_new(qa, isnan(m->t[k][t].q_algo[a])
                                                              ? json_null()
                                                              : json_real(m->t[k][t].q_algo[a]));
                        json_object_set_new(e, "q_by_algorithm", qa);
                        json_t *sh = json_array();
                        for (int l = 0; l <= META_LANGS; l++)
                                json_array_append_new(sh, json_real(m->t[k][t].shift_lang[l]));
                        json_object_set_new(e, "median_shift_by_language", sh);
                        json_t *cells = cells_to_json(&m->t[k][t]);
                        if (cells)
                                json_object_set_new(e, "cells", cells);
                        json_object_set(e, "xgboost", gbt_json(m->t[k][t].gbt));
                        json_object_set_new(mo, target_names[t], e);
                }
                json_object_set_new(modes, mode_names[k], mo);
        }
        json_object_set_new(j, "feature_names", names);
        json_t *voc = json_object();
        json_object_set_new(voc, "languages", vocab_to_json(&m->languages));
        json_object_set_new(voc, "algorithms", vocab_to_json(&m->algorithms));
        json_object_set_new(voc, "libraries", vocab_to_json(&m->libraries));
        json_object_set_new(j, "vocabulary", voc);
        json_object_set_new(j, "modes", modes);
        json_object_set_new(j, "train_seconds", json_real(m->train_seconds));
        json_object_set(j, "trainset", m->trainset ? m->trainset : json_null());
        json_object_set(j, "metrics", m->metrics ? m->metrics : json_null());
        *out = j;
        return 0;
}

static bool names_match(json_t *a, enum mode m)
{
        if (!json_is_array(a) || json_array_size(a) != mode_len(m))
                return false;
        char buf[96];
        for (size_t i = 0; i < mode_len(m); i++) {
                const char *s = json_string_value(json_array_get(a, i));
                if (!s || strcmp(s, feature_name(m, i, buf, sizeof(buf))))
                        return false;
        }
        return true;
}

int model_from_json(json_t *j, struct model **out, const char **why)
{
        const char *unused;
        if (!why)
                why = &unused;
        static const char *dummy;
        if (!why)
                why = &dummy;
        *why = NULL;
        if (!json_is_object(j) ||
            strcmp(json_string_value(json_object_get(j, "format")) ?: "", MODEL_FORMAT)) {
                *why = "not a presize model (no \"format\": \"" MODEL_FORMAT "\")";
                return -EPROTO;
        }
        json_t *sv = json_object_get(j, "schema_version");
        if (!json_is_integer(sv)) {
                *why = "the model has no schema_version";
                return -EPROTO;
        }
        if (json_integer_value(sv) != PREDICT_SCHEMA_VERSION) {
                *why = "the model was trained with another feature schema version; retrain it "
                       "with this presize ('presize train')";
                return -EPROTONOSUPPORT;
        }
        struct model *m = calloc(1, sizeof(*m));
        if (!m)
                return -ENOMEM;
        int ret = -EPROTO;
        m->schema_version = PREDICT_SCHEMA_VERSION;
        m->features_version = (int)json_integer_value(json_object_get(j, "features_version"));
        m->coverage = json_number_value(json_object_get(j, "coverage"));
        m->train_seconds = json_number_value(json_object_get(j, "train_seconds"));
        if (!(m->coverage > 0 && m->coverage < 1)) {
                *why = "the model's coverage is not between 0 and 1";
                goto fail;
        }
        json_t *modes = json_object_get(j, "modes");
        json_t *names = json_object_get(j, "feature_names");
        if (!json_is_object(modes) || !json_is_object(names)) {
                *why = "the model has no \"modes\" or \"feature_names\"";
                goto fail;
        }
        for (int k = 0; k < MODE__COUNT; k++) {
                json_t *mo = json_object_get(modes, mode_names[k]);
                if (!mo)
                        continue;
                /* built without the analyser: the code mode cannot be fed, the metadata one can */
                if (k == MODE_CODE && predict_features_version() == 0)
                        continue;
                if (k == MODE_CODE && m->features_version != predict_features_version()) {
                        *why = "the model's code features come from another analyser version "
                               "(features_version); retrain it with this presize";
                        ret = -EPROTONOSUPPORT;
                        goto fail;
                }
                if (!names_match(json_object_get(names, mode_names[k]), (enum mode)k)) {
                        *why = "the model's feature names differ from this presize's layout; "
                               "retrain it with this presize";
                        ret = -EPROTONOSUPPORT;
                        goto fail;
                }
                for (int t = 0; t < T__COUNT; t++) {
                        json_t *e = json_object_get(mo, target_names[t]);
                        json_t *q = json_object_get(e, "q");
                        if (!json_is_number(q) || json_number_value(q) < 0) {
                                *why = "a target of the model has no conformal quantile \"q\"";
                                ret = -EPROTO;
                                goto fail;
                        }
                        m->t[k][t].q = json_number_value(q);
                        json_t *ql = json_object_get(e, "q_by_language");
                        for (int l = 0; l <= META_LANGS; l++) {
                                json_t *v = json_array_get(ql, (size_t)l);
                                m->t[k][t].q_lang[l] =
                                    json_is_number(v) && json_number_value(v) >= 0
                                        ? json_number_value(v)
                                        : NAN;
                        }
                        json_t *qa = json_object_get(e, "q_by_algorithm");
                        for (int a = 0; a <= META_ALGOS; a++) {
                                json_t *v = json_array_get(qa, (size_t)a);
                                m->t[k][t].q_algo[a] =
                                    json_is_number(v) && json_number_value(v) >= 0
                                        ? json_number_value(v)
                                        : NAN;
                        }
                        /* absent in a model trained before the median correction: none */
                        json_t *sh = json_object_get(e, "median_shift_by_language");
                        if (sh && (!json_is_array(sh) || json_array_size(sh) != META_LANGS + 1)) {
                                *why = "a target's median correction is malformed";
                                ret = -EPROTO;
                                goto fail;
                        }
                        for (int l = 0; sh && l <= META_LANGS; l++) {
                                json_t *v = json_array_get(sh, (size_t)l);
                                double x = json_number_value(v);
                                if (!json_is_number(v) || !isfinite(x) || fabs(x) > 10) {
                                        *why = "a target's median correction is malformed";
                                        ret = -EPROTO;
                                        goto fail;
                                }
                                m->t[k][t].shift_lang[l] = x;
                        }
                        const char *kind = json_string_value(json_object_get(e, "kind"));
                        m->t[k][t].kind = TM_OWN;
                        for (int i = 0; kind && i < TM__COUNT; i++)
                                if (!strcmp(kind, tm_kind_names[i]))
                                        m->t[k][t].kind = (enum tm_kind)i;
                        enum tm_kind tk = m->t[k][t].kind;
                        if ((tk == TM_METADATA || tk == TM_STACKED) &&
                            (k == MODE_METADATA || !json_object_get(modes, "metadata"))) {
                                *why = "a target builds on a metadata regressor the model lacks";
                                ret = -EPROTO;
                                goto fail;
                        }
                        m->t[k][t].el_feature = -1;
                        if (tk == TM_ELASTIC) {
                                json_t *el = json_object_get(e, "elastic");
                                json_t *b = json_object_get(el, "b"),
                                       *w0 = json_object_get(el, "w0");
                                m->t[k][t].el_feature = k == MODE_CODE ? elastic_feature(t) : -1;
                                char buf[96];
                                const char *fn = json_string_value(json_object_get(el, "feature"));
                                if (m->t[k][t].el_feature < 0 || !fn ||
                                    strcmp(fn,
                                           feature_name(MODE_CODE, (size_t)m->t[k][t].el_feature,
                                                        buf, sizeof(buf))) ||
                                    json_array_size(b) != META_LANGS + 1 ||
                                    json_array_size(w0) != META_LANGS + 1) {
                                        *why = "a target's size elasticity is malformed";
                                        ret = -EPROTO;
                                        goto fail;
                                }
                                for (int l = 0; l <= META_LANGS; l++) {
                                        json_t *bv = json_array_get(b, (size_t)l);
                                        json_t *wv = json_array_get(w0, (size_t)l);
                                        if (!json_is_number(bv) || !json_is_number(wv)) {
                                                *why = "a target's size elasticity is malformed";
                                                ret = -EPROTO;
                                                goto fail;
                                        }
                                        m->t[k][t].el_b[l] = json_number_value(bv);
                                        m->t[k][t].el_w0[l] = json_number_value(wv);
                                }
                        }
                        if (cells_from_json(json_object_get(e, "cells"), &m->t[k][t]) < 0) {
                                *why = "a target's language levels (\"cells\") are malformed";
                                ret = -EPROTO;
                                goto fail;
                        }
                        ret = gbt_from_json(json_object_get(e, "xgboost"), mode_len((enum mode)k),
                                            &m->t[k][t].gbt);
                        if (ret < 0) {
                                *why = "a target's embedded XGBoost model is malformed";
                                goto fail;
                        }
                        if (tk == TM_STACKED || tk == TM_ELASTIC)
                                gbt_set_margin(m->t[k][t].gbt);
                }
                m->has_mode[k] = true;
        }
        if (!m->has_mode[MODE_METADATA]) {
                *why = "the model has no metadata mode";
                ret = -EPROTO;
                goto fail;
        }
        json_t *voc = json_object_get(j, "vocabulary");
        if ((ret = vocab_from_json(json_object_get(voc, "languages"), &m->languages)) < 0 ||
            (ret = vocab_from_json(json_object_get(voc, "algorithms"), &m->algorithms)) < 0 ||
            (ret = vocab_from_json(json_object_get(voc, "libraries"), &m->libraries)) < 0) {
                *why = "the model's vocabulary is malformed";
                goto fail;
        }
        json_t *ts = json_object_get(j, "trainset");
        json_t *me = json_object_get(j, "metrics");
        m->trainset = ts ? json_incref(ts) : NULL;
        m->metrics = me ? json_incref(me) : NULL;
        *out = m;
        return 0;
fail:
        model_free(m);
        return ret;
}

int model_load_buffer(const char *buf, size_t len, struct model **out, const char **why)
{
        json_error_t err;
        json_t *j = json_loadb(buf, len, 0, &err);
        if (!j) {
                if (why)
                        *why = "the model is not valid JSON";
                return -EPROTO;
        }
        int ret = model_from_json(j, out, why);
        json_decref(j);
        return ret;
}

int model_load_file(const char *path, struct model **out, const char **why)
{
        json_error_t err;
        json_t *j = json_load_file(path, 0, &err);
        if (!j) {
                if (why)
                        *why = "the model file is not valid JSON (or cannot be read)";
                return access(path, R_OK) < 0 ? -errno : -EPROTO;
        }
        int ret = model_from_json(j, out, why);
        json_decref(j);
        return ret;
}

int model_save_file(const struct model *m, const char *path)
{
        json_t *j;
        int ret = model_to_json(m, &j);
        if (ret < 0)
                return ret;
        /* write to a temporary file and rename, so a reader never sees half a model */
        size_t len = strlen(path) + 8;
        _cleanup_free_ char *tmp = malloc(len);
        if (!tmp) {
                json_decref(j);
                return -ENOMEM;
        }
        snprintf(tmp, len, "%s.tmpXX", path);
        ret = json_dump_file(j, tmp, MODEL_JSON_FLAGS);
        json_decref(j);
        if (ret < 0) {
                unlink(tmp);
                return -EIO;
        }
        if (rename(tmp, path) < 0) {
                ret = -errno;
                unlink(tmp);
                return ret;
        }
        return 0;
}

/* ---- prediction ---- */

static void fill_demand(struct demand *d, const double logp[T__COUNT], const double q[T__COUNT])
{
        for (int t = 0; t < T__COUNT; t++) {
                double p = expm1(logp[t]), u = expm1(logp[t] + q[t]);
                d->t[t].point = p > 0 ? p : 0;
                d->t[t].upper = u > d->t[t].point ? u : d->t[t].point;
        }
        demand_derive(d);
}

void demand_derive(struct demand *d)
{
        d->cpu_millicores = d->t[T_CORES];
        d->memory_bytes = d->t[T_MEMORY];
        d->cpu_seconds = (struct estimate){d->t[T_CPU].point / 1e3, d->t[T_CPU].upper / 1e3};
        d->wall_seconds = (struct estimate){d->t[T_WALL].point / 1e3, d->t[T_WALL].upper / 1e3};
        /* the rate a run needs: its bytes over its (point) duration, at least a millisecond */
        double wall = d->wall_seconds.point > 1e-3 ? d->wall_seconds.point : 1e-3;
        if (d->t[T_NET].upper < NET_NONE_BYTES)
                d->net_rate_bps = (struct estimate){0, 0};
        else
                d->net_rate_bps =
                    (struct estimate){d->t[T_NET].point * 8 / wall, d->t[T_NET].upper * 8 / wall};
}

bool q_by_algorithm(int t)
{
        return t == T_NET || t == T_CORES;
}

double model_q(const struct model *m, enum mode k, int t, const double *meta)
{
        const struct target_model *tm = &m->t[k][t];
        double q = tm->q;
        for (int l = 0; meta && l <= META_LANGS; l++)
                if (meta[l] > 0.5 && !isnan(tm->q_lang[l]))
                        q = tm->q_lang[l];
        if (q_by_algorithm(t))
                for (int a = 0; meta && a <= META_ALGOS; a++)
                        if (meta[META_LANGS + 1 + a] > 0.5 && !isnan(tm->q_algo[a]) &&
                            tm->q_algo[a] > q)
                                q = tm->q_algo[a];
        return q;
}

void demand_from_logs(const struct model *m, enum mode mode, const double logp[T__COUNT],
                      const double *meta, struct demand *out)
{
        double q[T__COUNT];
        for (int t = 0; t < T__COUNT; t++)
                q[t] = model_q(m, mode, t, meta);
        out->mode = mode;
        fill_demand(out, logp, q);
}

static bool libs_known(const struct model *m, const char *libs)
{
        bool known = true;
        for (const char *p = libs; p && *p && known;) {
                const char *e = strchr(p, ',');
                size_t len = e ? (size_t)(e - p) : strlen(p);
                char name[128];
                while (len && (*p == ' ' || *p == '\t')) {
                        p++;
                        len--;
                }
                size_t l = len < sizeof(name) - 1 ? len : sizeof(name) - 1;
                memcpy(name, p, l);
                while (l && (name[l - 1] == ' ' || name[l - 1] == '\t'))
                        l--;
                name[l] = '\0';
                if (l && !model_knows(&m->libraries, name))
                        known = false;
                p = e ? e + 1 : p + len;
        }
        return known;
}

double model_predict_log(const struct model *m, enum mode k, int t, const float *x)
{
        double v;
        if (cell_point(&m->t[k][t], x, &v))
                return v;
        v = gbt_predict(m->t[k][t].gbt, x);
        if (m->t[k][t].kind == TM_STACKED)
                v += gbt_predict(m->t[MODE_METADATA][t].gbt, x);
        else if (m->t[k][t].kind == TM_ELASTIC)
                v += elastic_margin(&m->t[k][t], x);
        return v + m->t[k][t].shift_lang[meta_language_of(x)];
}

int model_predict(const struct model *m, const struct notification *n, const double *code,
                  struct demand *out)
{
        enum mode mode = code && m->has_mode[MODE_CODE] ? MODE_CODE : MODE_METADATA;
        size_t d = mode_len(mode);
        float x[512];
        if (d > ARRAY_SIZE(x))
                return -E2BIG;
        if (mode == MODE_CODE) {
                for (size_t i = 0; i < d; i++)
                        x[i] = (float)code[i];
        } else {
                double meta[META_LEN];
                meta_vector(n, meta);
                for (size_t i = 0; i < d; i++)
                        x[i] = (float)meta[i];
        }
        double logp[T__COUNT], meta[META_LEN];
        for (int t = 0; t < T__COUNT; t++)
                logp[t] = model_predict_log(m, mode, t, x);
        for (size_t i = 0; i < META_LEN; i++)
                meta[i] = x[i];
        *out = (struct demand){0};
        demand_from_logs(m, mode, logp, meta, out);
        out->low_confidence = !model_knows(&m->languages, n->language) ||
                              !model_knows(&m->algorithms, n->algorithm) ||
                              !libs_known(m, n->libraries);
        return 0;
}

void demand_blend_history(struct demand *d, const struct model *m, const struct usage *runs,
                          size_t n)
{
        if (n == 0)
                return;
        double logp[T__COUNT], q[T__COUNT];
        double w = (double)n / ((double)n + 2.0);
        for (int t = 0; t < T__COUNT; t++) {
                double mean = 0, mx = -INFINITY;
                for (size_t i = 0; i < n; i++) {
                        double y[T__COUNT];
                        usage_targets(&runs[i], y);
                        double l = log1p(y[t] > 0 ? y[t] : 0);
                        mean += l;
                        if (l > mx)
                                mx = l;
                }
                mean /= (double)n;
                double lp = log1p(d->t[t].point), lu = log1p(d->t[t].upper);
                double qm = lu - lp > 0 ? lu - lp : 0;
                logp[t] = w * mean + (1 - w) * lp;
                /* the model's bound shrinks with the weight of its share; never under the
                 * largest run seen plus 10% */
                double upper = logp[t] + (1 - w) * qm + w * log(1.10);
                double floor_ = mx + log(1.10);
                q[t] = (upper > floor_ ? upper : floor_) - logp[t];
        }
        (void)m;
        fill_demand(d, logp, q);
        d->mode = MODE_HISTORY;
}
