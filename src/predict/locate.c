/* Where the CLI finds its store and its model: --model FILE, else the store's latest model, else
 * the one shipped in the repository (models/default.json: next to the installed binary, in the
 * install prefix's share directory, or in the source tree this presize was built from). */
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "predict/locate.h"
#include "predict/predict_paths.h"
#include "store/store.h"
#include "util/cleanup.h"

int cli_open_store(const char *cmd, const char *path, struct store **out)
{
        int r = store_open(path, out);
        if (r == 0)
                return 0;
        if (r == -EPROTO)
                fprintf(stderr,
                        "presize %s: %s is not a presize database, or was written by a newer "
                        "presize\n",
                        cmd, path);
        else if (r == -EBUSY)
                fprintf(stderr, "presize %s: %s is locked by another process; try again later\n",
                        cmd, path);
        else
                fprintf(stderr, "presize %s: cannot open the store %s: %s\n", cmd, path,
                        strerror(-r));
        return 1;
}

int model_from_store(struct store *s, struct model **out, const char **why)
{
        struct model_record rec = {0};
        int r = store_model_latest(s, &rec);
        if (r < 0)
                return r;
        r = model_load_buffer(rec.blob, rec.len, out, why);
        model_record_free(&rec);
        return r;
}

int model_shipped(struct model **out, char *path, size_t len, const char **why)
{
        char exe[PATH_MAX];
        char cand[3][PATH_MAX + 64];
        size_t nc = 0;
        ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
        if (n > 0) {
                exe[n] = '\0';
                char *slash = strrchr(exe, '/');
                if (slash)
                        *slash = '\0';
                snprintf(cand[nc++], sizeof(cand[0]), "%s/../models/default.json", exe);
                snprintf(cand[nc++], sizeof(cand[0]), "%s/../share/presize/models/default.json",
                         exe);
        }
        snprintf(cand[nc++], sizeof(cand[0]), "%s/models/default.json", PRESIZE_SOURCE_ROOT);
        for (size_t i = 0; i < nc; i++) {
                if (access(cand[i], F_OK) < 0)
                        continue;
                snprintf(path, len, "%s", cand[i]);
                return model_load_file(cand[i], out, why);
        }
        return -ENOENT;
}

int model_keep_in_store(struct store *s, const struct model *m, char *name, size_t len)
{
        json_t *j = NULL;
        int r = model_to_json(m, &j);
        _cleanup_free_ char *blob = r == 0 ? json_dumps(j, MODEL_JSON_FLAGS) : NULL;
        _cleanup_free_ char *trainset = json_dumps(m->trainset, JSON_COMPACT);
        _cleanup_free_ char *metrics = json_dumps(m->metrics, JSON_COMPACT);
        json_decref(j);
        if (!blob)
                return r < 0 ? r : -ENOMEM;
        struct model_record rec = {.features_version = m->features_version,
                                   .blob = blob,
                                   .len = strlen(blob),
                                   .trainset = trainset,
                                   .metrics = metrics};
        time_t now = time(NULL);
        struct tm tm;
        gmtime_r(&now, &tm);
        strftime(rec.name, sizeof(rec.name), "presize-%Y%m%dT%H%M%SZ", &tm);
        r = store_model_insert(s, &rec);
        if (r == 0 && name)
                snprintf(name, len, "%s", rec.name);
        return r;
}
