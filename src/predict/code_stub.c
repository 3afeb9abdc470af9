/* Built without the analyser (-Danalyze=false): the code block is empty and code mode is
 * unavailable; metadata predictions work as before. */
#include <errno.h>
#include <string.h>

#include "predict/predict.h"

size_t code_features_len(void)
{
        return 0;
}

const char *code_feature_name(size_t i)
{
        return NULL;
}

int predict_features_version(void)
{
        return 0;
}

int code_from_source(struct analyzer *a, const struct code_input *in, const struct notification *n,
                     double *v, const char **detected, char **imports_csv)
{
        return -ENOTSUP;
}

int code_analyzer_new(struct analyzer **out)
{
        *out = NULL;
        return -ENOTSUP;
}

void code_analyzer_free(struct analyzer *a)
{
}

const char *code_strerror(int err)
{
        return err == -ENOTSUP ? "this presize was built without the analyser" : strerror(-err);
}
