/* Training: per mode, per target, a gradient-boosted regressor on log1p(target) fitted on the
 * proper training programs, and the split-conformal quantile of its absolute log residuals on the
 * calibration programs (grouped: a program is on one side only). The final model is the one
 * trained on the proper training part; its bound is therefore exactly calibrated. */
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "predict/predict.h"
#include "util/cleanup.h"
#include "util/fsutil.h"

void train_opts_default(struct train_opts *o)
{
        *o = (struct train_opts){.coverage = 0.95, .calib_share = 0.25};
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

static double target_log(const struct row *r, int t)
{
        return log1p(r->y[t] > 0 ? r->y[t] : 0);
}

int model_train(const struct dataset *d, const size_t *idx_in, size_t n,
                const struct train_opts *o, struct model **out)
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
        if (!idx || !groups || !calib || !tr || !ca || !y || !pred || !res)
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
                        ret = gbt_train(&o->gbt, Xtr, y, ntr, mode_len((enum mode)k),
                                        &m->t[k][t].gbt);
                        if (ret < 0)
                                goto fail;
                        gbt_predict_batch(m->t[k][t].gbt, Xca, nca, pred);
                        for (size_t i = 0; i < nca; i++)
                                res[i] = fabs(target_log(&d->rows[ca[i]], t) - pred[i]);
                        m->t[k][t].q = conformal_quantile(res, nca, o->coverage);
                        /* median absolute log residual on calibration: a quick health figure */
                        json_t *e = json_object();
                        json_object_set_new(e, "q", json_real(m->t[k][t].q));
                        json_object_set_new(e, "calib_median_abs_log_residual",
                                            json_real(res[nca / 2]));
                        json_object_set_new(mm, target_names[t], e);
                }
                m->has_mode[k] = true;
        }
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
