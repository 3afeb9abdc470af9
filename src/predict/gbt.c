/* Gradient-boosted regression trees: trained by libxgboost (C API, in-process), evaluated by a
 * small native walker over the same trees.
 *
 * Why a native walker: one XGBoost prediction through the C API builds a DMatrix and goes through
 * the learner's dispatch, tens of microseconds per call, while the trees themselves take a few
 * hundred nanoseconds to walk. The walker reads the trees from XGBoost's own JSON model (the one
 * the model file stores), follows XGBoost's rules (go left when x < split, missing values follow
 * default_left, comparisons in float) and tests check it against XGBoosterPredict. */
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xgboost/c_api.h>

#include "predict/predict.h"
#include "util/cleanup.h"

struct node {
        float value; /* split condition, or the leaf value */
        uint32_t feature;
        int32_t left; /* -1 for a leaf; indices are absolute in nodes[] */
        int32_t right;
        uint32_t default_left;
};

/* One regressor. Owns its nodes, the XGBoost JSON model and, once loaded, the booster. */
struct gbt {
        struct node *nodes;
        size_t n_nodes;
        uint32_t *roots;
        size_t n_trees;
        size_t d;
        float base_score;
        json_t *json;
        BoosterHandle booster;
};

void gbt_params_default(struct gbt_params *p)
{
        *p = (struct gbt_params){
            .rounds = 200,
            .max_depth = 6,
            .eta = 0.1,
            .subsample = 0.8,
            .colsample = 0.8,
            .min_child_weight = 1,
            .lambda = 1,
            .seed = 42,
            .nthread = 1,
        };
}

static void xgb_quiet(void)
{
        static bool done;
        if (!done) {
                XGBSetGlobalConfig("{\"verbosity\": 0}");
                done = true;
        }
}

void gbt_free(struct gbt *g)
{
        if (!g)
                return;
        if (g->booster)
                XGBoosterFree(g->booster);
        json_decref(g->json);
        free(g->nodes);
        free(g->roots);
        free(g);
}

json_t *gbt_json(const struct gbt *g)
{
        return g->json;
}

static int array_len(json_t *t, const char *key, json_t **out)
{
        json_t *a = json_object_get(t, key);
        if (!json_is_array(a))
                return -1;
        *out = a;
        return (int)json_array_size(a);
}

/* XGBoost's JSON holds base_score as a string ("5E-1"). */
static int read_base_score(json_t *xgb, float *out)
{
        json_t *lmp = json_object_get(json_object_get(xgb, "learner"), "learner_model_param");
        json_t *bs = json_object_get(lmp, "base_score");
        if (json_is_string(bs))
                *out = strtof(json_string_value(bs), NULL);
        else if (json_is_number(bs))
                *out = (float)json_number_value(bs);
        else
                return -EPROTO;
        return 0;
}

int gbt_from_json(json_t *xgb, size_t d, struct gbt **out)
{
        json_t *trees = json_object_get(
            json_object_get(json_object_get(json_object_get(xgb, "learner"), "gradient_booster"),
                            "model"),
            "trees");
        if (!json_is_array(trees))
                return -EPROTO;
        struct gbt *g = calloc(1, sizeof(*g));
        if (!g)
                return -ENOMEM;
        g->d = d;
        int ret = read_base_score(xgb, &g->base_score);
        if (ret < 0)
                goto fail;
        size_t total = 0;
        size_t nt = json_array_size(trees);
        for (size_t t = 0; t < nt; t++) {
                json_t *a;
                int n = array_len(json_array_get(trees, t), "left_children", &a);
                if (n <= 0) {
                        ret = -EPROTO;
                        goto fail;
                }
                total += (size_t)n;
        }
        g->nodes = calloc(total ? total : 1, sizeof(*g->nodes));
        g->roots = calloc(nt ? nt : 1, sizeof(*g->roots));
        if (!g->nodes || !g->roots) {
                ret = -ENOMEM;
                goto fail;
        }
        size_t base = 0;
        for (size_t t = 0; t < nt; t++) {
                json_t *tr = json_array_get(trees, t);
                json_t *lc, *rc, *si, *sc, *dl;
                int n = array_len(tr, "left_children", &lc);
                if (array_len(tr, "right_children", &rc) != n ||
                    array_len(tr, "split_indices", &si) != n ||
                    array_len(tr, "split_conditions", &sc) != n ||
                    array_len(tr, "default_left", &dl) != n) {
                        ret = -EPROTO;
                        goto fail;
                }
                g->roots[t] = (uint32_t)base;
                for (int i = 0; i < n; i++) {
                        struct node *nd = &g->nodes[base + (size_t)i];
                        json_int_t l = json_integer_value(json_array_get(lc, (size_t)i));
                        json_int_t r = json_integer_value(json_array_get(rc, (size_t)i));
                        json_int_t f = json_integer_value(json_array_get(si, (size_t)i));
                        nd->value = (float)json_number_value(json_array_get(sc, (size_t)i));
                        json_t *dv = json_array_get(dl, (size_t)i);
                        nd->default_left = json_is_true(dv) || json_integer_value(dv) != 0;
                        if (l == -1) {
                                nd->left = nd->right = -1;
                                nd->feature = 0;
                                continue;
                        }
                        if (l <= 0 || l >= n || r <= 0 || r >= n || f < 0 || (size_t)f >= d) {
                                ret = -EPROTO;
                                goto fail;
                        }
                        nd->left = (int32_t)(base + (size_t)l);
                        nd->right = (int32_t)(base + (size_t)r);
                        nd->feature = (uint32_t)f;
                }
                base += (size_t)n;
        }
        g->n_nodes = total;
        g->n_trees = nt;
        g->json = json_incref(xgb);
        *out = g;
        return 0;
fail:
        gbt_free(g);
        return ret;
}

static inline float walk(const struct node *nodes, uint32_t i, const float *x)
{
        while (nodes[i].left >= 0) {
                const struct node *n = &nodes[i];
                float v = x[n->feature];
                if (isnan(v))
                        i = (uint32_t)(n->default_left ? n->left : n->right);
                else
                        i = (uint32_t)(v < n->value ? n->left : n->right);
        }
        return nodes[i].value;
}

double gbt_predict(const struct gbt *g, const float *x)
{
        float s = g->base_score;
        for (size_t t = 0; t < g->n_trees; t++)
                s += walk(g->nodes, g->roots[t], x);
        return s;
}

void gbt_predict_batch(const struct gbt *g, const float *X, size_t n, float *out)
{
        for (size_t i = 0; i < n; i++)
                out[i] = g->base_score;
        for (size_t t = 0; t < g->n_trees; t++)
                for (size_t i = 0; i < n; i++)
                        out[i] += walk(g->nodes, g->roots[t], X + i * g->d);
}

static int xgb_err(const char *what)
{
        fprintf(stderr, "presize: xgboost %s: %s\n", what, XGBGetLastError());
        return -EIO;
}

static int load_booster(struct gbt *g)
{
        if (g->booster)
                return 0;
        xgb_quiet();
        _cleanup_free_ char *text = json_dumps(g->json, JSON_COMPACT | JSON_REAL_PRECISION(17));
        if (!text)
                return -ENOMEM;
        BoosterHandle b;
        if (XGBoosterCreate(NULL, 0, &b) != 0)
                return xgb_err("create");
        if (XGBoosterLoadModelFromBuffer(b, text, strlen(text)) != 0 ||
            XGBoosterSetParam(b, "nthread", "1") != 0) {
                XGBoosterFree(b);
                return xgb_err("load model");
        }
        g->booster = b;
        return 0;
}

int gbt_predict_xgb(struct gbt *g, const float *X, size_t n, float *out)
{
        int ret = load_booster(g);
        if (ret < 0)
                return ret;
        DMatrixHandle m;
        if (XGDMatrixCreateFromMat(X, n, g->d, NAN, &m) != 0)
                return xgb_err("matrix");
        bst_ulong len = 0;
        const float *res = NULL;
        if (XGBoosterPredict(g->booster, m, 0, 0, 0, &len, &res) != 0) {
                XGDMatrixFree(m);
                return xgb_err("predict");
        }
        if (len != n) {
                XGDMatrixFree(m);
                return -EPROTO;
        }
        memcpy(out, res, n * sizeof(float));
        XGDMatrixFree(m);
        return 0;
}

int gbt_train(const struct gbt_params *p, const float *X, const float *y, size_t n, size_t d,
              struct gbt **out)
{
        if (n == 0 || d == 0)
                return -EINVAL;
        xgb_quiet();
        DMatrixHandle m;
        if (XGDMatrixCreateFromMat(X, n, d, NAN, &m) != 0)
                return xgb_err("matrix");
        if (XGDMatrixSetFloatInfo(m, "label", y, n) != 0) {
                XGDMatrixFree(m);
                return xgb_err("labels");
        }
        BoosterHandle b;
        if (XGBoosterCreate(&m, 1, &b) != 0) {
                XGDMatrixFree(m);
                return xgb_err("create");
        }
        /* base_score: the label mean, so the trees fit residuals of the right scale */
        double mean = 0;
        for (size_t i = 0; i < n; i++)
                mean += y[i];
        mean /= (double)n;
        char v[10][48];
        snprintf(v[0], sizeof(v[0]), "%u", p->max_depth);
        snprintf(v[1], sizeof(v[1]), "%.17g", p->eta);
        snprintf(v[2], sizeof(v[2]), "%.17g", p->subsample);
        snprintf(v[3], sizeof(v[3]), "%.17g", p->colsample);
        snprintf(v[4], sizeof(v[4]), "%.17g", p->min_child_weight);
        snprintf(v[5], sizeof(v[5]), "%.17g", p->lambda);
        snprintf(v[6], sizeof(v[6]), "%u", p->seed);
        snprintf(v[7], sizeof(v[7]), "%u", p->nthread ? p->nthread : 1);
        snprintf(v[8], sizeof(v[8]), "%.9g", mean);
        const char *params[][2] = {
            {"booster", "gbtree"},       {"objective", "reg:squarederror"},
            {"tree_method", "hist"},     {"max_depth", v[0]},
            {"eta", v[1]},               {"subsample", v[2]},
            {"colsample_bytree", v[3]},  {"min_child_weight", v[4]},
            {"lambda", v[5]},            {"seed", v[6]},
            {"nthread", v[7]},           {"base_score", v[8]},
            {"verbosity", "0"},
        };
        int ret = 0;
        for (size_t i = 0; i < ARRAY_SIZE(params); i++)
                if (XGBoosterSetParam(b, params[i][0], params[i][1]) != 0) {
                        ret = xgb_err("parameter");
                        goto out;
                }
        for (unsigned it = 0; it < p->rounds; it++)
                if (XGBoosterUpdateOneIter(b, (int)it, m) != 0) {
                        ret = xgb_err("training");
                        goto out;
                }
        bst_ulong len = 0;
        const char *buf = NULL;
        if (XGBoosterSaveModelToBuffer(b, "{\"format\": \"json\"}", &len, &buf) != 0) {
                ret = xgb_err("save model");
                goto out;
        }
        json_error_t err;
        json_t *j = json_loadb(buf, len, 0, &err);
        if (!j) {
                ret = -EPROTO;
                goto out;
        }
        ret = gbt_from_json(j, d, out);
        json_decref(j);
out:
        XGBoosterFree(b);
        XGDMatrixFree(m);
        return ret;
}
