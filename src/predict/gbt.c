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

/* 8 bytes a node, so that a model's trees stay in cache: XGBoost allocates a node's children
 * next to each other (right = left + 1; checked when loading), so one index is enough.
 * meta: bits 0-21 the left child's absolute index, bits 22-30 the feature, bit 31 default_left
 * (where a missing value goes). A leaf points at itself, with a split value of +inf and
 * default_left set, so that a step from a leaf stays there: a walk can then take a fixed number
 * of steps (the tree's depth) without asking whether it has arrived, and eight trees are walked
 * side by side, their chains of dependent loads overlapping. Leaf values are in leaf[]. */
struct node {
        float value; /* split condition, or the leaf value */
        uint32_t meta;
};
#define NODE_INDEX_MAX ((1u << 22) - 1)
#define NODE_FEATURES  512u

/* One regressor. Owns its nodes, the XGBoost JSON model and, once loaded, the booster. */
struct gbt {
        struct node *nodes;
        float *leaf; /* [n_nodes]: the leaf values (0 for split nodes) */
        size_t n_nodes;
        uint32_t *roots;
        uint8_t *depth; /* [n_trees] */
        size_t n_trees;
        size_t d;
        size_t d_model; /* XGBoost's num_feature: d, or fewer for a metadata regressor reused
                           in code mode (its features lead the code vector) */
        float base_score;
        bool on_margin; /* trees fitted on a margin: base_score is 0 here */
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
        free(g->leaf);
        free(g->depth);
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
        /* the breadth-first walk of one tree while loading: XGBoost node, our node, depth */
        struct qitem {
                size_t from;
                uint32_t to;
                unsigned depth;
        };
        _cleanup_free_ struct qitem *queue = NULL;
        _cleanup_free_ uint8_t *seen = NULL;
        struct gbt *g = calloc(1, sizeof(*g));
        if (!g)
                return -ENOMEM;
        g->d = d;
        int ret = read_base_score(xgb, &g->base_score);
        if (ret < 0)
                goto fail;
        json_t *nfv = json_object_get(
            json_object_get(json_object_get(xgb, "learner"), "learner_model_param"), "num_feature");
        g->d_model = json_is_string(nfv) ? (size_t)strtoul(json_string_value(nfv), NULL, 10) : d;
        if (g->d_model == 0 || g->d_model > d)
                g->d_model = d;
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
        if (total > NODE_INDEX_MAX || d > NODE_FEATURES) {
                ret = -E2BIG;
                goto fail;
        }
        g->nodes = calloc(total ? total : 1, sizeof(*g->nodes));
        g->leaf = calloc(total ? total : 1, sizeof(*g->leaf));
        g->roots = calloc(nt ? nt : 1, sizeof(*g->roots));
        g->depth = calloc(nt ? nt : 1, sizeof(*g->depth));
        size_t max_n = 1;
        for (size_t t = 0; t < nt; t++) {
                json_t *a;
                size_t n = (size_t)array_len(json_array_get(trees, t), "left_children", &a);
                if (n > max_n)
                        max_n = n;
        }
        queue = calloc(max_n, sizeof(*queue));
        seen = calloc(max_n, 1);
        if (!g->nodes || !g->roots || !g->leaf || !g->depth || !queue || !seen) {
                ret = -ENOMEM;
                goto fail;
        }
        size_t base = 0;
        for (size_t t = 0; t < nt; t++) {
                json_t *tr = json_array_get(trees, t);
                json_t *lc = NULL, *rc = NULL, *si = NULL, *sc = NULL, *dl = NULL;
                int n = array_len(tr, "left_children", &lc);
                if (array_len(tr, "right_children", &rc) != n ||
                    array_len(tr, "split_indices", &si) != n ||
                    array_len(tr, "split_conditions", &sc) != n ||
                    array_len(tr, "default_left", &dl) != n) {
                        ret = -EPROTO;
                        goto fail;
                }
                /* Breadth-first from the root, renumbering so that every node's children are
                 * adjacent whatever XGBoost's own numbering (pruning may reuse deleted slots). */
                g->roots[t] = (uint32_t)base;
                queue[0] = (struct qitem){0, (uint32_t)base, 0};
                size_t head = 0, tail = 1, next = base + 1;
                memset(seen, 0, (size_t)n);
                seen[0] = 1;
                while (head < tail) {
                        struct qitem q = queue[head++];
                        struct node *nd = &g->nodes[q.to];
                        json_int_t l = json_integer_value(json_array_get(lc, q.from));
                        json_int_t r = json_integer_value(json_array_get(rc, q.from));
                        json_int_t f = json_integer_value(json_array_get(si, q.from));
                        nd->value = (float)json_number_value(json_array_get(sc, q.from));
                        json_t *dv = json_array_get(dl, q.from);
                        bool dleft = json_is_true(dv) || json_integer_value(dv) != 0;
                        if (l == -1) {
                                g->leaf[q.to] = nd->value;
                                nd->value = INFINITY;
                                nd->meta = q.to | (1u << 31);
                                if (q.depth > g->depth[t])
                                        g->depth[t] = (uint8_t)q.depth;
                                continue;
                        }
                        if (l <= 0 || l >= n || r <= 0 || r >= n || l == r || seen[l] || seen[r] ||
                            f < 0 || (size_t)f >= d || q.depth >= 64) {
                                ret = -EPROTO;
                                goto fail;
                        }
                        seen[l] = seen[r] = 1;
                        nd->meta = (uint32_t)next | ((uint32_t)f << 22) | ((uint32_t)dleft << 31);
                        queue[tail++] = (struct qitem){(size_t)l, (uint32_t)next, q.depth + 1};
                        queue[tail++] = (struct qitem){(size_t)r, (uint32_t)next + 1, q.depth + 1};
                        next += 2;
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

static inline uint32_t step(const struct node *nodes, uint32_t i, const float *x)
{
        uint32_t m = nodes[i].meta;
        float v = x[(m >> 22) & (NODE_FEATURES - 1)];
        /* branch-free: the direction is data, not a jump the CPU must guess */
        uint32_t go_left = (uint32_t)(v < nodes[i].value) | ((m >> 31) & (uint32_t)(v != v));
        return (m & NODE_INDEX_MAX) + (go_left ^ 1u);
}

double gbt_predict(const struct gbt *g, const float *x)
{
        enum { LANES = 8 };
        const struct node *nodes = g->nodes;
        float s = g->base_score;
        size_t t = 0;
        for (; t + LANES <= g->n_trees; t += LANES) {
                uint32_t idx[LANES];
                unsigned depth = 0;
                for (int k = 0; k < LANES; k++) {
                        idx[k] = g->roots[t + (size_t)k];
                        if (g->depth[t + (size_t)k] > depth)
                                depth = g->depth[t + (size_t)k];
                }
                for (unsigned dd = 0; dd < depth; dd++)
                        for (int k = 0; k < LANES; k++)
                                idx[k] = step(nodes, idx[k], x);
                /* summed in tree order, in float, as XGBoost does */
                for (int k = 0; k < LANES; k++)
                        s += g->leaf[idx[k]];
        }
        for (; t < g->n_trees; t++) {
                uint32_t i = g->roots[t];
                for (unsigned dd = 0; dd < g->depth[t]; dd++)
                        i = step(nodes, i, x);
                s += g->leaf[i];
        }
        return s;
}

void gbt_predict_batch(const struct gbt *g, const float *X, size_t n, float *out)
{
        for (size_t i = 0; i < n; i++)
                out[i] = (float)gbt_predict(g, X + i * g->d);
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
        _cleanup_free_ char *text = json_dumps(g->json, MODEL_JSON_FLAGS);
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
        _cleanup_free_ float *sub = NULL;
        if (g->d_model < g->d) {
                sub = malloc((n ? n : 1) * g->d_model * sizeof(float));
                if (!sub)
                        return -ENOMEM;
                for (size_t i = 0; i < n; i++)
                        memcpy(sub + i * g->d_model, X + i * g->d, g->d_model * sizeof(float));
        }
        if (XGDMatrixCreateFromMat(sub ? sub : X, n, g->d_model, NAN, &m) != 0)
                return xgb_err("matrix");
        if (g->on_margin) {
                _cleanup_free_ float *zero = calloc(n ? n : 1, sizeof(float));
                if (!zero || XGDMatrixSetFloatInfo(m, "base_margin", zero, n) != 0) {
                        XGDMatrixFree(m);
                        return zero ? xgb_err("margin") : -ENOMEM;
                }
        }
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

void gbt_set_margin(struct gbt *g)
{
        g->on_margin = true;
        g->base_score = 0;
}

int gbt_train(const struct gbt_params *p, const float *X, const float *y, size_t n, size_t d,
              struct gbt **out)
{
        return gbt_train_on_margin(p, X, y, NULL, n, d, out);
}

int gbt_train_on_margin(const struct gbt_params *p, const float *X, const float *y,
                        const float *margin, size_t n, size_t d, struct gbt **out)
{
        if (n == 0 || d == 0)
                return -EINVAL;
        xgb_quiet();
        DMatrixHandle m;
        if (XGDMatrixCreateFromMat(X, n, d, NAN, &m) != 0)
                return xgb_err("matrix");
        if (XGDMatrixSetFloatInfo(m, "label", y, n) != 0 ||
            (margin && XGDMatrixSetFloatInfo(m, "base_margin", margin, n) != 0)) {
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
            {"booster", "gbtree"},
            {"objective", p->objective ? p->objective : "reg:squarederror"},
            {"tree_method", "hist"},
            {"max_depth", v[0]},
            {"eta", v[1]},
            {"subsample", v[2]},
            {"colsample_bytree", v[3]},
            {"min_child_weight", v[4]},
            {"lambda", v[5]},
            {"seed", v[6]},
            {"nthread", v[7]},
            {"base_score", v[8]},
            {"verbosity", "0"},
        };
        int ret = 0;
        if (p->monotone && XGBoosterSetParam(b, "monotone_constraints", p->monotone) != 0) {
                ret = xgb_err("parameter");
                goto out;
        }
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
        if (ret == 0 && margin)
                gbt_set_margin(*out);
out:
        XGBoosterFree(b);
        XGDMatrixFree(m);
        return ret;
}
