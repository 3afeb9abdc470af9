/* Training: per mode, per target, a gradient-boosted regressor on log1p(target) fitted on the
 * proper training programs, and the split-conformal quantile of its absolute log residuals on the
 * calibration programs (grouped: a program is on one side only). The final model is the one
 * trained on the proper training part; its bound is therefore exactly calibrated. */
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "predict/predict.h"
#include "util/cleanup.h"
#include "util/fsutil.h"

void train_opts_default(struct train_opts *o)
{
        *o = (struct train_opts){
            .coverage = 0.95, .calib_share = 0.25, .monotone = true, .regularised = true};
        gbt_params_default(&o->gbt);
        o->modes[MODE_METADATA] = true;
        o->modes[MODE_CODE] = code_features_len() > 0;
}

static int vocab_add(struct vocab *v, const char *s, size_t len)
{
        if (!len)
                return 0;
        for (size_t i = 0; i < v->n; i++)
                if (strlen(v->items[i]) == len && !strncasecmp(v->items[i], s, len))
                        return 0;
        char **ni = reallocarray(v->items, v->n + 1, sizeof(char *));
        if (!ni)
                return -ENOMEM;
        v->items = ni;
        v->items[v->n] = strndup(s, len);
        if (!v->items[v->n])
                return -ENOMEM;
        v->n++;
        return 0;
}

static int vocab_add_list(struct vocab *v, const char *csv)
{
        for (const char *p = csv; *p;) {
                const char *e = strchr(p, ',');
                size_t len = e ? (size_t)(e - p) : strlen(p);
                const char *s = p;
                size_t l = len;
                while (l && (*s == ' ' || *s == '\t')) {
                        s++;
                        l--;
                }
                while (l && (s[l - 1] == ' ' || s[l - 1] == '\t'))
                        l--;
                int ret = vocab_add(v, s, l);
                if (ret < 0)
                        return ret;
                p = e ? e + 1 : p + len;
        }
        return 0;
}

/* Row-major float matrix of the rows idx[0..n) in mode m. */
static float *matrix(const struct dataset *d, const size_t *idx, size_t n, enum mode m)
{
        size_t dim = mode_len(m);
        float *X = malloc((n ? n : 1) * dim * sizeof(float));
        if (!X)
                return NULL;
        for (size_t i = 0; i < n; i++) {
                const struct row *r = &d->rows[idx[i]];
                const double *src = m == MODE_CODE ? r->code : r->meta;
                for (size_t k = 0; k < dim; k++)
                        X[i * dim + k] = (float)src[k];
        }
        return X;
}

/* 9 significant digits, as the model file keeps them (MODEL_JSON_FLAGS). */
static double round9(double v)
{
        char buf[32];
        snprintf(buf, sizeof(buf), "%.9g", v);
        return strtod(buf, NULL);
}

/* "(0,0,...,1,...)": +1 on the size features of mode m, for the targets that grow with size. */
static char *monotone_string(enum mode m, int t)
{
        size_t d = mode_len(m);
        char *s = malloc(d * 2 + 3);
        if (!s)
                return NULL;
        size_t k = 0;
        s[k++] = '(';
        for (size_t i = 0; i < d; i++) {
                char buf[96];
                const char *name = feature_name(m, i, buf, sizeof(buf));
                bool up =
                    t != T_CORES && name &&
                    (!strcmp(name, "log1p_input_bytes") || !strcmp(name, "lit_log10_max_named") ||
                     !strcmp(name, "lit_x_loop_depth") || !strcmp(name, "sz_log10_n") ||
                     !strcmp(name, "sz_log10_bytes") || !strcmp(name, "sz_log10_work"));
                if (i)
                        s[k++] = ',';
                s[k++] = up ? '1' : '0';
        }
        s[k++] = ')';
        s[k] = '\0';
        return s;
}

static double target_log(const struct row *r, int t);

/* The regularised variant of tree parameters: at most REG_DEPTH deep, leaves of at least
 * REG_MIN_CHILD_WEIGHT runs (a program has ~10 sizes: a leaf then spans programs). */
#define REG_DEPTH            3
#define REG_MIN_CHILD_WEIGHT 10
static void regularise(struct gbt_params *p)
{
        if (p->max_depth > REG_DEPTH)
                p->max_depth = REG_DEPTH;
        if (p->min_child_weight < REG_MIN_CHILD_WEIGHT)
                p->min_child_weight = REG_MIN_CHILD_WEIGHT;
}

/* Conformal quantiles of a candidate from its calibration predictions (pooled and per
 * language); returns its score: mean absolute log residual plus the pooled quantile. res ends
 * sorted. */
static double calibrate(const struct dataset *d, const size_t *ca, size_t nca, int t,
                        const float *pred, double coverage, struct target_model *tm, double *res,
                        double *res_l)
{
        for (int l = 0; l <= META_LANGS; l++) {
                size_t nl = 0;
                for (size_t i = 0; i < nca; i++)
                        if (d->rows[ca[i]].meta[l] > 0.5)
                                res_l[nl++] = fabs(target_log(&d->rows[ca[i]], t) - pred[i]);
                tm->q_lang[l] = nl >= CONFORMAL_GROUP_MIN
                                    ? round9(conformal_quantile(res_l, nl, coverage))
                                    : NAN;
        }
        size_t amin = conformal_group_min(coverage);
        for (int a = 0; a <= META_ALGOS; a++) {
                size_t na = 0;
                for (size_t i = 0; i < nca; i++)
                        if (d->rows[ca[i]].meta[META_LANGS + 1 + a] > 0.5)
                                res_l[na++] = fabs(target_log(&d->rows[ca[i]], t) - pred[i]);
                tm->q_algo[a] = na >= amin ? round9(conformal_quantile(res_l, na, coverage)) : NAN;
        }
        double sum = 0;
        for (size_t i = 0; i < nca; i++) {
                res[i] = fabs(target_log(&d->rows[ca[i]], t) - pred[i]);
                sum += res[i];
        }
        tm->q = round9(conformal_quantile(res, nca, coverage));
        return sum / (double)(nca ? nca : 1) + tm->q;
}

static double target_log(const struct row *r, int t)
{
        return log1p(r->y[t] > 0 ? r->y[t] : 0);
}

int model_train(const struct dataset *d, const size_t *idx_in, size_t n, const struct train_opts *o,
                struct model **out)
{
        if (!idx_in)
                n = d->n;
        if (n == 0)
                return -ENODATA;
        uint64_t t0 = now_ns();
        _cleanup_free_ size_t *idx = malloc(n * sizeof(size_t));
        _cleanup_free_ const char **groups = malloc(n * sizeof(char *));
        _cleanup_free_ bool *calib = malloc(n * sizeof(bool));
        _cleanup_free_ size_t *tr = malloc(n * sizeof(size_t));
        _cleanup_free_ size_t *ca = malloc(n * sizeof(size_t));
        _cleanup_free_ float *y = malloc(n * sizeof(float));
        _cleanup_free_ float *pred = malloc(n * sizeof(float));
        _cleanup_free_ double *res = malloc(n * sizeof(double));
        _cleanup_free_ double *res_l = malloc(n * sizeof(double));
        _cleanup_free_ float *margin = malloc(n * sizeof(float));
        if (!idx || !groups || !calib || !tr || !ca || !y || !pred || !res || !res_l || !margin)
                return -ENOMEM;
        for (size_t i = 0; i < n; i++) {
                idx[i] = idx_in ? idx_in[i] : i;
                groups[i] = d->rows[idx[i]].program;
        }
        int ret = group_split(groups, n, o->calib_share, calib);
        if (ret < 0)
                return ret;
        size_t ntr = 0, nca = 0;
        for (size_t i = 0; i < n; i++) {
                if (calib[i])
                        ca[nca++] = idx[i];
                else
                        tr[ntr++] = idx[i];
        }
        if (ntr == 0 || nca == 0) {
                /* one program only: calibrate on the training residuals (optimistic) */
                ntr = nca = n;
                memcpy(tr, idx, n * sizeof(size_t));
                memcpy(ca, idx, n * sizeof(size_t));
        }
        struct model *m = calloc(1, sizeof(*m));
        if (!m)
                return -ENOMEM;
        m->schema_version = PREDICT_SCHEMA_VERSION;
        m->features_version = predict_features_version();
        m->coverage = o->coverage;
        json_t *metrics = json_object();
        m->metrics = metrics;
        for (int k = 0; k < MODE__COUNT; k++) {
                if (!o->modes[k])
                        continue;
                _cleanup_free_ float *Xtr = matrix(d, tr, ntr, (enum mode)k);
                _cleanup_free_ float *Xca = matrix(d, ca, nca, (enum mode)k);
                if (!Xtr || !Xca) {
                        ret = -ENOMEM;
                        goto fail;
                }
                json_t *mm = json_object();
                json_object_set_new(metrics, mode_names[k], mm);
                for (int t = 0; t < T__COUNT; t++) {
                        for (size_t i = 0; i < ntr; i++)
                                y[i] = (float)target_log(&d->rows[tr[i]], t);
                        struct gbt_params gp = o->gbt;
                        if (k == MODE_METADATA) {
                                /* the notification path must be fast (>= 50,000 predictions a
                                 * second a core) and its few, mostly categorical inputs need
                                 * fewer trees: half the rounds at twice the learning rate */
                                gp.rounds = gp.rounds > 1 ? gp.rounds / 2 : 1;
                                gp.eta = gp.eta * 2 < 1 ? gp.eta * 2 : 1;
                        }
                        _cleanup_free_ char *mono =
                            o->monotone ? monotone_string((enum mode)k, t) : NULL;
                        gp.monotone = mono;
                        /* candidates: own trees; in code mode also the metadata regressor and
                         * trees stacked on it; each fitted with the given parameters and with
                         * regularised ones (shallower trees whose leaves must hold more runs,
                         * so that a leaf spans several programs), chosen on the calibration
                         * programs like the kind: an inner split, never the test programs */
                        enum { NC = TM__COUNT * 2 };
                        struct target_model cand[NC] = {{0}};
                        double score[NC];
                        bool stack = k == MODE_CODE && m->has_mode[MODE_METADATA];
                        json_t *e = json_object();
                        json_object_set_new(mm, target_names[t], e);
                        for (int c = 0; c < NC; c++) {
                                int kind = c % TM__COUNT;
                                bool reg = c >= TM__COUNT;
                                score[c] = INFINITY;
                                if (kind != TM_OWN && !stack)
                                        continue;
                                if (reg && (kind == TM_METADATA || !o->regularised))
                                        continue; /* the same as unregularised */
                                struct gbt_params gv = gp;
                                if (reg)
                                        regularise(&gv);
                                cand[c].kind = (enum tm_kind)kind;
                                const struct gbt *mg = stack ? m->t[MODE_METADATA][t].gbt : NULL;
                                if (kind == TM_OWN) {
                                        ret = gbt_train(&gv, Xtr, y, ntr, mode_len((enum mode)k),
                                                        &cand[c].gbt);
                                } else if (kind == TM_METADATA) {
                                        ret = gbt_from_json(gbt_json(mg), code_len(), &cand[c].gbt);
                                } else {
                                        for (size_t i = 0; i < ntr; i++)
                                                margin[i] = (float)gbt_predict(
                                                    mg, Xtr + i * mode_len((enum mode)k));
                                        ret = gbt_train_on_margin(&gv, Xtr, y, margin, ntr,
                                                                  mode_len((enum mode)k),
                                                                  &cand[c].gbt);
                                }
                                if (ret < 0) {
                                        for (int c2 = 0; c2 <= c; c2++)
                                                gbt_free(cand[c2].gbt);
                                        goto fail;
                                }
                                size_t dim = mode_len((enum mode)k);
                                for (size_t i = 0; i < nca; i++) {
                                        double p = gbt_predict(cand[c].gbt, Xca + i * dim);
                                        if (kind == TM_STACKED)
                                                p += gbt_predict(mg, Xca + i * dim);
                                        pred[i] = (float)p;
                                }
                                score[c] = calibrate(d, ca, nca, t, pred, o->coverage, &cand[c],
                                                     res, res_l);
                                json_t *ce = json_object();
                                json_object_set_new(ce, "q", json_real(cand[c].q));
                                json_object_set_new(ce, "calib_mean_abs_log_residual",
                                                    json_real(score[c] - cand[c].q));
                                json_object_set_new(ce, "calib_median_abs_log_residual",
                                                    json_real(res[nca / 2]));
                                char name[64];
                                snprintf(name, sizeof(name), "%s%s", tm_kind_names[kind],
                                         reg ? "_regularised" : "");
                                json_object_set_new(e, name, ce);
                        }
                        /* the candidate with the lowest mean absolute log residual plus
                         * quantile on the calibration programs (the point's error and the
                         * bound's width, which is what allocation pays for): with few programs
                         * per behaviour, trees can latch on to code features that identify a
                         * program rather than what it does */
                        int best = TM_OWN;
                        for (int c = 1; c < NC; c++)
                                if (score[c] < score[best])
                                        best = c;
                        for (int c = 0; c < NC; c++)
                                if (c != best)
                                        gbt_free(cand[c].gbt);
                        json_object_set_new(e, "regularised", json_boolean(best >= TM__COUNT));
                        m->t[k][t] = cand[best];
                        json_object_set_new(e, "kind", json_string(tm_kind_names[cand[best].kind]));
                        json_object_set_new(e, "q", json_real(m->t[k][t].q));
                        json_t *ql = json_object();
                        for (int l = 0; l <= META_LANGS; l++)
                                if (!isnan(m->t[k][t].q_lang[l]))
                                        json_object_set_new(
                                            ql, l < META_LANGS ? meta_languages[l] : "unknown",
                                            json_real(m->t[k][t].q_lang[l]));
                        json_object_set_new(e, "q_by_language", ql);
                        json_t *qa = json_object();
                        for (int a = 0; a <= META_ALGOS; a++)
                                if (!isnan(m->t[k][t].q_algo[a]))
                                        json_object_set_new(
                                            qa, a < META_ALGOS ? meta_algorithms[a] : "unknown",
                                            json_real(m->t[k][t].q_algo[a]));
                        json_object_set_new(e, "q_by_algorithm", qa);
                }
                m->has_mode[k] = true;
        }
        json_t *params = json_object();
        json_object_set_new(params, "rounds", json_integer(o->gbt.rounds));
        json_object_set_new(params, "max_depth", json_integer(o->gbt.max_depth));
        json_object_set_new(params, "eta", json_real(o->gbt.eta));
        json_object_set_new(params, "subsample", json_real(o->gbt.subsample));
        json_object_set_new(params, "colsample_bytree", json_real(o->gbt.colsample));
        json_object_set_new(params, "seed", json_integer(o->gbt.seed));
        json_object_set_new(params, "monotone_size", json_boolean(o->monotone));
        json_object_set_new(params, "regularised_variants", json_boolean(o->regularised));
        json_object_set_new(params, "regularised_max_depth", json_integer(REG_DEPTH));
        json_object_set_new(params, "regularised_min_child_weight",
                            json_integer(REG_MIN_CHILD_WEIGHT));
        json_object_set_new(params, "calibration_share", json_real(o->calib_share));
        json_object_set_new(metrics, "params", params);
        json_object_set_new(metrics, "train_runs", json_integer((json_int_t)ntr));
        json_object_set_new(metrics, "calibration_runs", json_integer((json_int_t)nca));
        for (size_t i = 0; i < n; i++) {
                const struct row *r = &d->rows[idx[i]];
                if ((ret = vocab_add_list(&m->languages, r->language)) < 0 ||
                    (ret = vocab_add_list(&m->algorithms, r->algorithm)) < 0 ||
                    (ret = vocab_add_list(&m->libraries, r->libraries)) < 0)
                        goto fail;
        }
        m->train_seconds = (double)(now_ns() - t0) / 1e9;
        *out = m;
        return 0;
fail:
        model_free(m);
        return ret;
}
