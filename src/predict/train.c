/* Training: per mode, per target, a gradient-boosted regressor on log1p(target) chosen among
 * candidates (kinds and parameter variants) on out-of-fold predictions of the training programs
 * (5 folds grouped by program: a program is on one side only), the conformal quantiles of its
 * signed out-of-fold log residuals (one-sided upper bounds; pooled, per language, per algorithm
 * type), and the chosen candidate refitted on every training program (cross-conformal). With
 * calib_folds 0: split conformal, the model the one fitted on the proper training part. */
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
        *o = (struct train_opts){.coverage = 0.95,
                                 .calib_folds = 5,
                                 .calib_share = 0.25,
                                 .monotone = true,
                                 .regularised = true,
                                 .one_sided = true,
                                 .elastic = false,
                                 .group_correction = false,
                                 .median_point = true,
                                 .pooled_correction = true};
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
                /* memory grows with the bytes the text says it holds (or the input); time
                 * and bytes moved with the work, the size and the input. Not memory with the
                 * raw size: code that streams (a network receiver, a hash over stdin) holds
                 * the same whatever N is, and a constraint on N drags it up with the rest */
                bool up = false;
                if (name && t == T_MEMORY)
                        up = !strcmp(name, "log1p_input_bytes") ||
                             !strcmp(name, "sz_log10_bytes") ||
                             !strcmp(name, "sz_log10_const_bytes");
                else if (name && t != T_CORES)
                        up = !strcmp(name, "log1p_input_bytes") ||
                             !strcmp(name, "lit_x_loop_depth") || !strcmp(name, "sz_log10_n") ||
                             !strcmp(name, "sz_log10_work");
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
/* The middle variant: at most MID_DEPTH deep, leaves of at least MID_MIN_CHILD_WEIGHT runs, half
 * the learning rate for twice the rounds. */
#define MID_DEPTH            4
#define MID_MIN_CHILD_WEIGHT 3
static void midway(struct gbt_params *p)
{
        if (p->max_depth > MID_DEPTH)
                p->max_depth = MID_DEPTH;
        if (p->min_child_weight < MID_MIN_CHILD_WEIGHT)
                p->min_child_weight = MID_MIN_CHILD_WEIGHT;
        p->eta /= 2;
        p->rounds *= 2;
}

static void regularise(struct gbt_params *p)
{
        if (p->max_depth > REG_DEPTH)
                p->max_depth = REG_DEPTH;
        if (p->min_child_weight < REG_MIN_CHILD_WEIGHT)
                p->min_child_weight = REG_MIN_CHILD_WEIGHT;
}

/* The conformity score of a calibration run: the signed log residual actual - predicted for a
 * one-sided upper bound (only under-prediction breaks it), else its absolute value. */
static double score_of(const struct row *r, int t, double pred, bool one_sided)
{
        double s = target_log(r, t) - pred;
        return one_sided ? s : fabs(s);
}

/* A quantile as the model keeps it: 9 digits, and never below 0 (the bound is never under the
 * point; raising it keeps the coverage). */
static double q_keep(double q)
{
        return round9(q > 0 ? q : 0);
}

/* Where calibrate() reads the programs of the calibration runs. */
struct calib_groups {
        const unsigned *prog; /* program number per calibration run */
        unsigned *ids;        /* scratch, one per calibration run */
        unsigned char *seen;  /* scratch, one per program */
        size_t nprog;
        bool by_program; /* the finite-sample correction counted in programs */
        bool pooled;     /* ... in the programs of the whole calibration set */
};

static double quantile_of(double *r, const unsigned *ids, size_t nr, const struct calib_groups *g,
                          double coverage)
{
        size_t groups = g->by_program ? count_distinct(ids, nr, g->seen, g->nprog)
                        : g->pooled   ? g->nprog
                                      : 0; /* 0: plain */
        return conformal_quantile_groups(r, nr, groups, coverage);
}

/* Conformal quantiles of a candidate from its calibration predictions (pooled, per language and
 * per algorithm type); returns its score: mean absolute log residual plus the pooled quantile.
 * res ends sorted. */
static double calibrate(const struct dataset *d, const size_t *ca, size_t nca, int t,
                        const float *pred, const struct train_opts *o, const struct calib_groups *g,
                        struct target_model *tm, double *res, double *res_l)
{
        double coverage = o->coverage;
        for (int l = 0; l <= META_LANGS; l++) {
                size_t nl = 0;
                for (size_t i = 0; i < nca; i++)
                        if (d->rows[ca[i]].meta[l] > 0.5) {
                                g->ids[nl] = g->prog[i];
                                res_l[nl++] = score_of(&d->rows[ca[i]], t, pred[i], o->one_sided);
                        }
                tm->q_lang[l] = nl >= CONFORMAL_GROUP_MIN
                                    ? q_keep(quantile_of(res_l, g->ids, nl, g, coverage))
                                    : NAN;
        }
        size_t amin = conformal_group_min(coverage);
        for (int a = 0; a <= META_ALGOS; a++) {
                size_t na = 0;
                for (size_t i = 0; i < nca; i++)
                        if (d->rows[ca[i]].meta[META_LANGS + 1 + a] > 0.5) {
                                g->ids[na] = g->prog[i];
                                res_l[na++] = score_of(&d->rows[ca[i]], t, pred[i], o->one_sided);
                        }
                tm->q_algo[a] =
                    na >= amin ? q_keep(quantile_of(res_l, g->ids, na, g, coverage)) : NAN;
        }
        double sum = 0;
        for (size_t i = 0; i < nca; i++) {
                g->ids[i] = g->prog[i];
                res[i] = score_of(&d->rows[ca[i]], t, pred[i], o->one_sided);
                sum += fabs(target_log(&d->rows[ca[i]], t) - pred[i]);
        }
        tm->q = q_keep(quantile_of(res, g->ids, nca, g, coverage));
        return sum / (double)(nca ? nca : 1) + tm->q;
}

static double target_log(const struct row *r, int t)
{
        return log1p(r->y[t] > 0 ? r->y[t] : 0);
}

/* One fit of the calibration scheme: rows (positions in the training set) to fit on and rows to
 * predict out of sample. */
struct fit {
        size_t *tr, *te;
        size_t ntr, nte;
};

/* Row-major float matrix of positions pos[0..n) of the full matrix X (dim columns). */
static float *rows_of(const float *X, size_t dim, const size_t *pos, size_t n)
{
        float *out = malloc((n ? n : 1) * dim * sizeof(float));
        if (!out)
                return NULL;
        for (size_t i = 0; i < n; i++)
                memcpy(out + i * dim, X + pos[i] * dim, dim * sizeof(float));
        return out;
}

/* The within-program slope, per language, of the log target y on feature f (fixed effects:
 * each program's means removed) among rows pos[0..np), and the languages' mean of f: into
 * tm->el_b, tm->el_w0. prog[] numbers the programs (nprog of them). A language without
 * within-program variation gets the pooled slope; slopes are kept within [0, 5]: a size never
 * makes a program need less. */
static int elastic_fit(const float *X, size_t dim, int f, const float *y, const size_t *pos,
                       size_t np, const unsigned *prog, size_t nprog, struct target_model *tm)
{
        _cleanup_free_ double *sw = calloc(nprog ? nprog : 1, sizeof(double));
        _cleanup_free_ double *sy = calloc(nprog ? nprog : 1, sizeof(double));
        _cleanup_free_ double *cn = calloc(nprog ? nprog : 1, sizeof(double));
        if (!sw || !sy || !cn)
                return -ENOMEM;
        for (size_t i = 0; i < np; i++) {
                double w = X[pos[i] * dim + (size_t)f];
                if (isnan(w))
                        continue;
                sw[prog[pos[i]]] += w;
                sy[prog[pos[i]]] += y[pos[i]];
                cn[prog[pos[i]]] += 1;
        }
        double sxy[META_LANGS + 2] = {0}, sxx[META_LANGS + 2] = {0}, sum[META_LANGS + 1] = {0},
                                cnt[META_LANGS + 1] = {0};
        for (size_t i = 0; i < np; i++) {
                const float *x = X + pos[i] * dim;
                double w = x[f];
                if (isnan(w))
                        continue;
                int l = 0;
                while (l < META_LANGS && !(x[l] > 0.5f))
                        l++;
                unsigned p = prog[pos[i]];
                double dw = w - sw[p] / cn[p], dy = y[pos[i]] - sy[p] / cn[p];
                sxy[l] += dw * dy;
                sxx[l] += dw * dw;
                sxy[META_LANGS + 1] += dw * dy;
                sxx[META_LANGS + 1] += dw * dw;
                sum[l] += w;
                cnt[l] += 1;
        }
        double pooled = sxx[META_LANGS + 1] > 1e-6 ? sxy[META_LANGS + 1] / sxx[META_LANGS + 1] : 0;
        double wall = 0, nall = 0;
        for (int l = 0; l <= META_LANGS; l++) {
                wall += sum[l];
                nall += cnt[l];
        }
        tm->el_feature = f;
        for (int l = 0; l <= META_LANGS; l++) {
                double b = sxx[l] > 1e-6 ? sxy[l] / sxx[l] : pooled;
                tm->el_b[l] = round9(b < 0 ? 0 : b > 5 ? 5 : b);
                tm->el_w0[l] = round9(cnt[l] > 0 ? sum[l] / cnt[l] : nall > 0 ? wall / nall : 0);
        }
        return 0;
}

/* The median log target of the runs among pos[0..np) of language l, and of algorithm type a
 * (a < 0: of the types marked in only[]); their programs into ids, values into vals. */
static size_t cell_runs(const float *X, size_t dim, const float *y, const size_t *pos, size_t np,
                        const unsigned *prog, int l, int a, const bool *only, double *vals,
                        unsigned *ids)
{
        size_t k = 0;
        for (size_t i = 0; i < np; i++) {
                const float *x = X + pos[i] * dim;
                int xa = meta_algorithm_of(x);
                if (meta_language_of(x) == l && (a >= 0 ? xa == a : only[xa])) {
                        ids[k] = prog[pos[i]];
                        vals[k++] = y[pos[i]];
                }
        }
        return k;
}

/* The languages' levels of a target (log1p space) from rows pos[0..np) of X (labels y by
 * position, programs numbered by prog). Per language, an algorithm type is homogeneous when its
 * runs come from at least CELL_MIN_PROGRAMS programs and lie within CELL_MAX_MAD of their median
 * (median absolute deviation); the level is the median of the homogeneous types' runs, and the
 * types that take it are the homogeneous ones whose median is within CELL_MAX_MAD of it (a kind
 * that is consistently elsewhere, two cores say, keeps the trees), the level then taken again
 * over those. A language without a homogeneous type gets none (NaN). vals, dev, ids and seen are
 * scratch (np, np, np and nprog). */
static void cell_fit(const float *X, size_t dim, const float *y, const size_t *pos, size_t np,
                     const unsigned *prog, size_t nprog, double *vals, double *dev, unsigned *ids,
                     unsigned char *seen, struct target_model *tm)
{
        for (int l = 0; l <= META_LANGS; l++) {
                bool *use = tm->cell_use[l];
                double med[META_ALGOS + 1];
                bool any = false;
                for (int a = 0; a <= META_ALGOS; a++) {
                        size_t k = cell_runs(X, dim, y, pos, np, prog, l, a, NULL, vals, ids);
                        bool few = count_distinct(ids, k, seen, nprog) < CELL_MIN_PROGRAMS;
                        med[a] = median_of(vals, k);
                        for (size_t i = 0; i < k; i++)
                                dev[i] = fabs(vals[i] - med[a]);
                        use[a] = !few && median_of(dev, k) <= CELL_MAX_MAD;
                        any |= use[a];
                }
                tm->cell_level[l] = NAN;
                if (!any)
                        continue;
                size_t k = cell_runs(X, dim, y, pos, np, prog, l, -1, use, vals, ids);
                double level = median_of(vals, k);
                any = false;
                for (int a = 0; a <= META_ALGOS; a++) {
                        use[a] = use[a] && fabs(med[a] - level) <= CELL_MAX_MAD;
                        any |= use[a];
                }
                k = any ? cell_runs(X, dim, y, pos, np, prog, l, -1, use, vals, ids) : 0;
                if (k)
                        tm->cell_level[l] = round9(median_of(vals, k));
        }
}

/* Scratch and context of choose_cells. */
struct cell_ctx {
        const struct dataset *d;
        const float *X;
        size_t dim, n;
        const float *y;
        const unsigned *prog;
        size_t nprog;
        const struct fit *fits;
        size_t nfit;
        bool refit;
        const size_t *ca, *capos; /* calibration runs: row index, position */
        size_t nca;
        struct calib_groups *cg;
        double *res, *res_l;
};

/* Per language, whether the language's level (cell_fit) beats the chosen candidate's trees
 * (tree_oof: out-of-fold points by position) on that language's calibration runs, by the same
 * score as the candidates (mean absolute log residual plus the language's quantile), the level's
 * out-of-fold points taken from each fit's levels (the trees' where a kind keeps them); where it
 * does, tm takes its points for that language from the level, and its quantiles are
 * recalibrated on the mixed out-of-fold points. The scores go into e ("language_level":
 * {language: {"trees", "level"}}). */
static int choose_cells(const struct cell_ctx *c, int t, const float *tree_oof,
                        const struct train_opts *o, struct target_model *tm, json_t *e)
{
        size_t n = c->n;
        _cleanup_free_ float *cell_oof = malloc(n * sizeof(float));
        _cleanup_free_ double *vals = malloc(n * sizeof(double));
        _cleanup_free_ double *dev = malloc(n * sizeof(double));
        _cleanup_free_ unsigned *ids = malloc(n * sizeof(unsigned));
        _cleanup_free_ unsigned char *seen = malloc(c->nprog ? c->nprog : 1);
        _cleanup_free_ float *pred = malloc((c->nca ? c->nca : 1) * sizeof(float));
        _cleanup_free_ int *lang = malloc((c->nca ? c->nca : 1) * sizeof(int));
        if (!cell_oof || !vals || !dev || !ids || !seen || !pred || !lang)
                return -ENOMEM;
        /* the levels' out-of-fold points: each fit's levels where they apply, the trees' else */
        bool level_everywhere[META_LANGS + 1];
        for (int l = 0; l <= META_LANGS; l++)
                level_everywhere[l] = true;
        struct target_model ct = {0};
        for (size_t j = 0; j < c->nfit; j++) {
                const struct fit *f = &c->fits[j];
                cell_fit(c->X, c->dim, c->y, f->tr, f->ntr, c->prog, c->nprog, vals, dev, ids, seen,
                         &ct);
                for (int l = 0; l <= META_LANGS; l++) {
                        ct.cell_lang[l] = !isnan(ct.cell_level[l]);
                        level_everywhere[l] &= ct.cell_lang[l];
                }
                for (size_t i = 0; i < f->nte; i++) {
                        size_t p = f->te[i];
                        double v;
                        cell_oof[p] =
                            cell_point(&ct, c->X + p * c->dim, &v) ? (float)v : tree_oof[p];
                }
        }
        for (size_t i = 0; i < c->nca; i++) {
                pred[i] = cell_oof[c->capos[i]];
                lang[i] = meta_language_of(c->X + c->capos[i] * c->dim);
        }
        calibrate(c->d, c->ca, c->nca, t, pred, o, c->cg, &ct, c->res, c->res_l);
        double err_tree[META_LANGS + 1] = {0}, err_cell[META_LANGS + 1] = {0};
        size_t cnt[META_LANGS + 1] = {0};
        for (size_t i = 0; i < c->nca; i++) {
                double yl = target_log(&c->d->rows[c->ca[i]], t);
                err_tree[lang[i]] += fabs(yl - tree_oof[c->capos[i]]);
                err_cell[lang[i]] += fabs(yl - pred[i]);
                cnt[lang[i]]++;
        }
        /* the final levels: from every training run, or (no refit) from the last fit's */
        const struct fit *last = &c->fits[c->nfit - 1];
        _cleanup_free_ size_t *all = malloc(n * sizeof(size_t));
        if (!all)
                return -ENOMEM;
        for (size_t i = 0; i < n; i++)
                all[i] = i;
        cell_fit(c->X, c->dim, c->y, c->refit ? all : last->tr, c->refit ? n : last->ntr, c->prog,
                 c->nprog, vals, dev, ids, seen, tm);
        bool any = false;
        json_t *ce = json_object();
        for (int l = 0; l <= META_LANGS; l++) {
                tm->cell_lang[l] = false;
                if (!cnt[l] || isnan(tm->q_lang[l]) || isnan(ct.q_lang[l]) ||
                    !level_everywhere[l] || isnan(tm->cell_level[l]))
                        continue;
                double st = err_tree[l] / (double)cnt[l] + tm->q_lang[l];
                double sc = err_cell[l] / (double)cnt[l] + ct.q_lang[l];
                tm->cell_lang[l] = sc < st;
                any |= tm->cell_lang[l];
                json_t *le = json_object();
                json_object_set_new(le, "trees", json_real(round9(st)));
                json_object_set_new(le, "level", json_real(round9(sc)));
                json_object_set_new(ce, meta_language_name(l), le);
        }
        json_object_set_new(e, "language_level", ce);
        /* the trees' points corrected to the median, per language without a level, for the
         * targets that grow with the size (average cores are a runtime's level: where a
         * language's runs share one, the level is their median already) */
        bool shifted = false;
        for (int l = 0; l <= META_LANGS; l++) {
                tm->shift_lang[l] = 0;
                if (!o->median_point || t == T_CORES || tm->cell_lang[l])
                        continue;
                size_t k = 0;
                for (size_t i = 0; i < c->nca; i++)
                        if (lang[i] == l)
                                vals[k++] =
                                    target_log(&c->d->rows[c->ca[i]], t) - tree_oof[c->capos[i]];
                if (k >= CONFORMAL_GROUP_MIN)
                        tm->shift_lang[l] = round9(median_of(vals, k));
                shifted |= tm->shift_lang[l] != 0;
        }
        if (!any && !shifted)
                return 0;
        for (size_t i = 0; i < c->nca; i++)
                pred[i] = tm->cell_lang[lang[i]]
                              ? cell_oof[c->capos[i]]
                              : tree_oof[c->capos[i]] + (float)tm->shift_lang[lang[i]];
        calibrate(c->d, c->ca, c->nca, t, pred, o, c->cg, tm, c->res, c->res_l);
        return 0;
}

/* Fit candidate `kind` with parameters gv on rows pos[0..np) of X (labels y by position); mg, for a
 * stacked candidate, is the metadata regressor it stacks on; el, for an elastic one, gets the
 * elasticity (feature f, programs numbered by prog). */
static int fit_one(const struct gbt_params *gv, int kind, const float *X, size_t dim,
                   const float *yall, const size_t *pos, size_t np, const struct gbt *mg, int f,
                   const unsigned *prog, size_t nprog, struct target_model *el, struct gbt **out)
{
        _cleanup_free_ float *Xs = rows_of(X, dim, pos, np);
        _cleanup_free_ float *ys = malloc((np ? np : 1) * sizeof(float));
        _cleanup_free_ float *margin = malloc((np ? np : 1) * sizeof(float));
        if (!Xs || !ys || !margin)
                return -ENOMEM;
        for (size_t i = 0; i < np; i++)
                ys[i] = yall[pos[i]];
        if (kind == TM_OWN)
                return gbt_train(gv, Xs, ys, np, dim, out);
        if (kind == TM_METADATA)
                return gbt_from_json(gbt_json(mg), dim, out);
        if (kind == TM_ELASTIC) {
                int ret = elastic_fit(X, dim, f, yall, pos, np, prog, nprog, el);
                if (ret < 0)
                        return ret;
                for (size_t i = 0; i < np; i++)
                        margin[i] = (float)elastic_margin(el, Xs + i * dim);
        } else {
                for (size_t i = 0; i < np; i++)
                        margin[i] = (float)gbt_predict(mg, Xs + i * dim);
        }
        return gbt_train_on_margin(gv, Xs, ys, margin, np, dim, out);
}

static void put_target_json(json_t *e, const struct target_model *tm, int variant)
{
        static const char *const variants[] = {"given", "regularised", "mid"};
        json_object_set_new(e, "regularised", json_boolean(variant == 1));
        json_object_set_new(e, "variant", json_string(variants[variant]));
        json_object_set_new(e, "kind", json_string(tm_kind_names[tm->kind]));
        json_object_set_new(e, "q", json_real(tm->q));
        json_t *ql = json_object();
        for (int l = 0; l <= META_LANGS; l++)
                if (!isnan(tm->q_lang[l]))
                        json_object_set_new(ql, meta_language_name(l), json_real(tm->q_lang[l]));
        json_object_set_new(e, "q_by_language", ql);
        json_t *qa = json_object();
        for (int a = 0; a <= META_ALGOS; a++)
                if (!isnan(tm->q_algo[a]))
                        json_object_set_new(qa, meta_algorithm_name(a), json_real(tm->q_algo[a]));
        json_object_set_new(e, "q_by_algorithm", qa);
        json_t *sl = json_object();
        for (int l = 0; l <= META_LANGS; l++)
                if (tm->shift_lang[l] != 0)
                        json_object_set_new(sl, meta_language_name(l),
                                            json_real(tm->shift_lang[l]));
        json_object_set_new(e, "median_shift_by_language", sl);
}

int model_train(const struct dataset *d, const size_t *idx_in, size_t n, const struct train_opts *o,
                struct model **out)
{
        enum { NC = TM__COUNT * 3 };
        if (!idx_in)
                n = d->n;
        if (n == 0)
                return -ENODATA;
        uint64_t t0 = now_ns();
        _cleanup_free_ size_t *idx = malloc(n * sizeof(size_t));
        _cleanup_free_ const char **groups = malloc(n * sizeof(char *));
        _cleanup_free_ bool *calib = malloc(n * sizeof(bool));
        _cleanup_free_ unsigned *fold = malloc(n * sizeof(unsigned));
        _cleanup_free_ size_t *posbuf = malloc(n * (CALIB_FOLDS_MAX + 1) * 2 * sizeof(size_t));
        _cleanup_free_ size_t *ca = malloc(n * sizeof(size_t));
        _cleanup_free_ size_t *capos = malloc(n * sizeof(size_t));
        _cleanup_free_ float *y = malloc(n * sizeof(float));
        _cleanup_free_ float *pred = malloc(n * sizeof(float));
        _cleanup_free_ float *cpred = malloc(n * NC * sizeof(float));
        _cleanup_free_ bool *has = malloc(n * sizeof(bool));
        _cleanup_free_ double *res = malloc(n * sizeof(double));
        _cleanup_free_ double *res_l = malloc(n * sizeof(double));
        _cleanup_free_ float *meta_oof = malloc(n * T__COUNT * sizeof(float));
        _cleanup_free_ unsigned *prog = malloc(n * sizeof(unsigned));
        _cleanup_free_ unsigned *caprog = malloc(n * sizeof(unsigned));
        _cleanup_free_ unsigned *gids = malloc(n * sizeof(unsigned));
        _cleanup_free_ unsigned char *seen = malloc(n);
        /* each candidate's elasticity per fit (the last fit's is the model's without a refit) */
        _cleanup_free_ struct target_model(*elp)[CALIB_FOLDS_MAX] = calloc(NC, sizeof(*elp));
        if (!caprog || !gids || !seen || !elp || !idx || !groups || !calib || !fold || !posbuf ||
            !ca || !capos || !y || !pred || !cpred || !has || !res || !res_l || !meta_oof || !prog)
                return -ENOMEM;
        for (size_t i = 0; i < n; i++) {
                idx[i] = idx_in ? idx_in[i] : i;
                groups[i] = d->rows[idx[i]].program;
        }
        size_t nprog = group_numbers(groups, n, prog);
        if (!nprog)
                return -ENOMEM;
        /* the calibration scheme: K grouped folds whose out-of-fold residuals calibrate a model
         * refitted on every training program (cross-conformal), or one grouped split whose
         * proper training part gives the model itself (split conformal) */
        unsigned K = o->calib_folds;
        bool refit = K >= 2;
        int ret;
        if (refit) {
                if (K > CALIB_FOLDS_MAX)
                        K = CALIB_FOLDS_MAX;
                ret = group_folds(groups, n, K, fold);
        } else {
                K = 2;
                ret = group_split(groups, n, o->calib_share, calib);
                for (size_t i = 0; i < n; i++)
                        fold[i] = calib[i];
        }
        if (ret < 0)
                return ret;
        struct fit fits[CALIB_FOLDS_MAX];
        size_t nfit = 0, *pb = posbuf;
        for (unsigned j = refit ? 0 : 1; j < K; j++) {
                struct fit f = {.tr = pb, .te = pb + n};
                pb += 2 * n;
                for (size_t i = 0; i < n; i++) {
                        if (fold[i] == j)
                                f.te[f.nte++] = i;
                        else
                                f.tr[f.ntr++] = i;
                }
                if (f.ntr && f.nte)
                        fits[nfit++] = f;
        }
        if (nfit == 0) {
                /* one program only: calibrate on the training residuals (optimistic) */
                struct fit f = {.tr = pb, .te = pb + n, .ntr = n, .nte = n};
                for (size_t i = 0; i < n; i++)
                        f.tr[i] = f.te[i] = i;
                fits[nfit++] = f;
                refit = false;
        }
        for (size_t i = 0; i < n; i++)
                has[i] = false;
        for (size_t j = 0; j < nfit; j++)
                for (size_t i = 0; i < fits[j].nte; i++)
                        has[fits[j].te[i]] = true;
        size_t nca = 0;
        for (size_t i = 0; i < n; i++)
                if (has[i]) {
                        caprog[nca] = prog[i];
                        capos[nca] = i;
                        ca[nca++] = idx[i];
                }
        struct calib_groups cg = {.prog = caprog,
                                  .ids = gids,
                                  .seen = seen,
                                  .nprog = nprog,
                                  .by_program = o->group_correction,
                                  .pooled = o->pooled_correction};
        /* without a refit, the final model is the (only) fit's */
        struct model *m = calloc(1, sizeof(*m));
        if (!m)
                return -ENOMEM;
        struct gbt *meta_fit[T__COUNT][CALIB_FOLDS_MAX] = {{0}};
        struct gbt *cfit[NC][CALIB_FOLDS_MAX] = {{0}};
        m->schema_version = PREDICT_SCHEMA_VERSION;
        m->features_version = predict_features_version();
        m->coverage = o->coverage;
        json_t *metrics = json_object();
        m->metrics = metrics;
        for (int k = 0; k < MODE__COUNT; k++) {
                if (!o->modes[k])
                        continue;
                size_t dim = mode_len((enum mode)k);
                _cleanup_free_ float *X = matrix(d, idx, n, (enum mode)k);
                if (!X) {
                        ret = -ENOMEM;
                        goto fail;
                }
                json_t *mm = json_object();
                json_object_set_new(metrics, mode_names[k], mm);
                struct cell_ctx cc = {.d = d,
                                      .X = X,
                                      .dim = dim,
                                      .n = n,
                                      .y = y,
                                      .prog = prog,
                                      .nprog = nprog,
                                      .fits = fits,
                                      .nfit = nfit,
                                      .refit = refit,
                                      .ca = ca,
                                      .capos = capos,
                                      .nca = nca,
                                      .cg = &cg,
                                      .res = res,
                                      .res_l = res_l};
                for (int t = 0; t < T__COUNT; t++) {
                        for (size_t i = 0; i < n; i++)
                                y[i] = (float)target_log(&d->rows[idx[i]], t);
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
                         * trees stacked on it; each fitted with the given parameters, with
                         * regularised ones (shallower trees whose leaves must hold more runs,
                         * so that a leaf spans several programs) and with middle ones; chosen
                         * on the out-of-sample predictions of the calibration scheme: never the
                         * test programs */
                        struct target_model cand[NC] = {{0}};
                        struct gbt_params gvs[NC];
                        int ef = k == MODE_CODE ? elastic_feature(t) : -1;
                        double score[NC];
                        bool stack = k == MODE_CODE && m->has_mode[MODE_METADATA];
                        json_t *e = json_object();
                        json_object_set_new(mm, target_names[t], e);
                        for (int c = 0; c < NC; c++) {
                                int kind = c % TM__COUNT;
                                int var = c / TM__COUNT; /* 0 given, 1 regularised, 2 mid */
                                bool reg = var > 0;
                                score[c] = INFINITY;
                                if (var == 2 && !o->regularised)
                                        continue;
                                if ((kind == TM_METADATA || kind == TM_STACKED) && !stack)
                                        continue;
                                if (kind == TM_ELASTIC && (ef < 0 || !o->elastic))
                                        continue;
                                if (reg && (kind == TM_METADATA || !o->regularised))
                                        continue; /* the same as unregularised */
                                gvs[c] = gp;
                                if (var == 1)
                                        regularise(&gvs[c]);
                                if (var == 2)
                                        midway(&gvs[c]);
                                cand[c].kind = (enum tm_kind)kind;
                                cand[c].el_feature = -1;
                                float *cp = cpred + (size_t)c * n;
                                for (size_t j = 0; j < nfit; j++) {
                                        const struct fit *f = &fits[j];
                                        if (kind == TM_METADATA) {
                                                for (size_t i = 0; i < f->nte; i++)
                                                        cp[f->te[i]] = meta_oof[t * n + f->te[i]];
                                                continue;
                                        }
                                        elp[c][j].el_feature = -1;
                                        ret = fit_one(&gvs[c], kind, X, dim, y, f->tr, f->ntr,
                                                      meta_fit[t][j], ef, prog, nprog, &elp[c][j],
                                                      &cfit[c][j]);
                                        if (ret < 0)
                                                goto fail;
                                        for (size_t i = 0; i < f->nte; i++) {
                                                const float *x = X + f->te[i] * dim;
                                                double p = gbt_predict(cfit[c][j], x);
                                                if (kind == TM_STACKED)
                                                        p += gbt_predict(meta_fit[t][j], x);
                                                else if (kind == TM_ELASTIC)
                                                        p += elastic_margin(&elp[c][j], x);
                                                cp[f->te[i]] = (float)p;
                                        }
                                }
                                for (size_t i = 0; i < nca; i++)
                                        pred[i] = cp[capos[i]];
                                score[c] =
                                    calibrate(d, ca, nca, t, pred, o, &cg, &cand[c], res, res_l);
                                json_t *ce = json_object();
                                json_object_set_new(ce, "q", json_real(cand[c].q));
                                json_object_set_new(ce, "calib_mean_abs_log_residual",
                                                    json_real(score[c] - cand[c].q));
                                json_object_set_new(ce, "calib_median_score",
                                                    json_real(res[nca / 2]));
                                char name[64];
                                snprintf(name, sizeof(name), "%s%s", tm_kind_names[kind],
                                         var == 1   ? "_regularised"
                                         : var == 2 ? "_mid"
                                                    : "");
                                json_object_set_new(e, name, ce);
                        }
                        /* the candidate with the lowest mean absolute log residual plus
                         * quantile out of sample (the point's error and the bound's width,
                         * which is what allocation pays for): with few programs per
                         * behaviour, trees can latch on to code features that identify a
                         * program rather than what it does */
                        int best = TM_OWN;
                        for (int c = 1; c < NC; c++)
                                if (score[c] < score[best])
                                        best = c;
                        int kind = best % TM__COUNT;
                        struct target_model *tm = &m->t[k][t];
                        *tm = cand[best];
                        const struct gbt *mfinal = m->t[MODE_METADATA][t].gbt;
                        if (refit) {
                                _cleanup_free_ size_t *all = malloc(n * sizeof(size_t));
                                if (!all) {
                                        ret = -ENOMEM;
                                        goto fail;
                                }
                                for (size_t i = 0; i < n; i++)
                                        all[i] = i;
                                ret = fit_one(&gvs[best], kind, X, dim, y, all, n, mfinal, ef, prog,
                                              nprog, tm, &tm->gbt);
                        } else if (kind == TM_METADATA) {
                                ret = gbt_from_json(gbt_json(mfinal), dim, &tm->gbt);
                        } else {
                                tm->gbt = cfit[best][nfit - 1];
                                cfit[best][nfit - 1] = NULL;
                                if (kind == TM_ELASTIC) {
                                        tm->el_feature = elp[best][nfit - 1].el_feature;
                                        memcpy(tm->el_b, elp[best][nfit - 1].el_b,
                                               sizeof(tm->el_b));
                                        memcpy(tm->el_w0, elp[best][nfit - 1].el_w0,
                                               sizeof(tm->el_w0));
                                }
                                ret = 0;
                        }
                        if (ret < 0)
                                goto fail;
                        ret = choose_cells(&cc, t, cpred + (size_t)best * n, o, tm, e);
                        if (ret < 0)
                                goto fail;
                        if (k == MODE_METADATA) {
                                /* the code mode stacks on, and may choose, these */
                                memcpy(meta_oof + t * n, cpred + (size_t)best * n,
                                       n * sizeof(float));
                                for (size_t j = 0; j < nfit; j++) {
                                        meta_fit[t][j] = cfit[best][j];
                                        cfit[best][j] = NULL;
                                }
                                if (!refit)
                                        meta_fit[t][nfit - 1] = tm->gbt; /* borrowed */
                        }
                        for (int c = 0; c < NC; c++)
                                for (size_t j = 0; j < nfit; j++) {
                                        gbt_free(cfit[c][j]);
                                        cfit[c][j] = NULL;
                                }
                        put_target_json(e, tm, best / TM__COUNT);
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
        json_object_set_new(params, "mid_max_depth", json_integer(MID_DEPTH));
        json_object_set_new(params, "mid_min_child_weight", json_integer(MID_MIN_CHILD_WEIGHT));
        json_object_set_new(params, "one_sided", json_boolean(o->one_sided));
        json_object_set_new(params, "finite_sample_correction",
                            json_string(o->group_correction    ? "programs per group"
                                        : o->pooled_correction ? "programs"
                                                               : "runs"));
        if (refit)
                json_object_set_new(params, "calibration_folds", json_integer((json_int_t)nfit));
        else
                json_object_set_new(params, "calibration_share", json_real(o->calib_share));
        json_object_set_new(metrics, "params", params);
        json_object_set_new(metrics, "calibration",
                            json_string(refit ? "cross-conformal" : "split-conformal"));
        json_object_set_new(metrics, "train_runs",
                            json_integer((json_int_t)(refit ? n : fits[0].ntr)));
        json_object_set_new(metrics, "calibration_runs", json_integer((json_int_t)nca));
        for (size_t i = 0; i < n; i++) {
                const struct row *r = &d->rows[idx[i]];
                if ((ret = vocab_add_list(&m->languages, r->language)) < 0 ||
                    (ret = vocab_add_list(&m->algorithms, r->algorithm)) < 0 ||
                    (ret = vocab_add_list(&m->libraries, r->libraries)) < 0)
                        goto fail;
        }
        ret = 0;
fail:
        for (int t = 0; t < T__COUNT; t++)
                for (size_t j = 0; j < nfit; j++)
                        if (meta_fit[t][j] != m->t[MODE_METADATA][t].gbt)
                                gbt_free(meta_fit[t][j]);
        for (int c = 0; c < NC; c++)
                for (size_t j = 0; j < nfit; j++)
                        gbt_free(cfit[c][j]);
        if (ret < 0) {
                model_free(m);
                return ret;
        }
        m->train_seconds = (double)(now_ns() - t0) / 1e9;
        *out = m;
        return 0;
}
