/* The code block of the prediction vector: the analyser's flattened features of the source, and
 * literal statistics of its text. Built only with the analyser (code_stub.c otherwise). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"
#include "analyze/lang.h"
#include "predict/predict.h"
#include "util/cleanup.h"

size_t code_features_len(void)
{
        return features_len();
}

const char *code_feature_name(size_t i)
{
        return i < features_len() ? features_schema[i] : NULL;
}

int predict_features_version(void)
{
        return FEATURES_VERSION;
}

static char *join_imports(const struct analysis *r)
{
        size_t len = 1;
        for (size_t i = 0; i < r->n_imports; i++)
                len += strlen(r->imports[i]) + 1;
        char *s = malloc(len);
        if (!s)
                return NULL;
        s[0] = '\0';
        for (size_t i = 0; i < r->n_imports; i++) {
                if (i)
                        strcat(s, ",");
                strcat(s, r->imports[i]);
        }
        return s;
}

int code_from_source(struct analyzer *a, const struct code_input *in, const struct notification *n,
                     double *v, const char **detected, char **imports_csv)
{
        const struct lang *l = NULL;
        if (detected)
                *detected = NULL;
        if (imports_csv)
                *imports_csv = NULL;
        if (in->lang) {
                l = lang_by_name(in->lang);
        }
        if (!l)
                l = lang_detect(in->path ? in->path : "", in->src, in->len);
        if (!l)
                return -ENOPKG;
        struct analysis r = {0};
        int ret = analyze_buffer(a, l, in->src, in->len, &r);
        if (ret < 0)
                return ret;
        size_t nf = features_len();
        _cleanup_free_ double *f = calloc(nf, sizeof(double));
        if (!f) {
                analysis_free(&r);
                return -ENOMEM;
        }
        ret = features_flatten(&r.f, f, nf);
        if (ret < 0) {
                analysis_free(&r);
                return ret;
        }
        double lit[LIT_LEN];
        literal_stats(in->src, in->len, lit);
        struct notification nn = *n;
        if (!nn.language || !*nn.language)
                nn.language = l->spec->name;
        double meta[META_LEN];
        meta_vector(&nn, meta);
        code_vector(meta, f, nf, lit, v);
        if (detected)
                *detected = l->spec->name;
        if (imports_csv) {
                *imports_csv = join_imports(&r);
                if (!*imports_csv) {
                        analysis_free(&r);
                        return -ENOMEM;
                }
        }
        analysis_free(&r);
        return 0;
}

int code_analyzer_new(struct analyzer **out)
{
        struct analyzer_opts o = {0};
        return analyzer_new(&o, out);
}

void code_analyzer_free(struct analyzer *a)
{
        analyzer_free(a);
}

const char *code_strerror(int err)
{
        return analyze_strerror(err);
}
