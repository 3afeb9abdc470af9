/* One prediction for the CLI, as `presize predict` and `presize run` make it: the store and
 * model (--model FILE, else the store's latest, else the shipped one), the file's analysis and
 * known imports, its history in the store, the tiers, the complexity score and the allocation.
 * Messages go to stderr prefixed "presize CMD: ". */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "predict/predict.h"
#include "store/store.h"

struct json_t;

struct oneshot_request {
        const char *cmd;        /* "predict", "run": for messages */
        const char *db;         /* --db, or NULL: the default store when it exists */
        const char *model_path; /* --model, or NULL */
        const char *file;       /* the code, or NULL (metadata only) */
        struct notification n;  /* what the caller knows; borrowed */
};

struct oneshot {
        struct demand demand;
        struct tier tier;
        const char *score; /* "low", "medium", "high" (static) */
        struct alloc alloc;
        bool gpu;
        const char *language; /* given or detected (static or borrowed), may be NULL */
        double coverage;
        char *src; /* the file's text (owned; NULL without a file) */
        size_t len;
};

/* Returns 0, or the exit status (1 failure, 2 bad usage) after saying why. */
int oneshot_predict(const struct oneshot_request *rq, struct oneshot *out);
void oneshot_free(struct oneshot *o);
/* {tier, complexity_score, mode, low_confidence, demand: {cpu_millicores, memory_bytes,
 * net_rate_bps, cpu_seconds, wall_seconds: {point, upper}}, allocation: {cpu_millicores,
 * memory_bytes, net_rate_bps, gpu}}, as `presize predict --json` prints it. New reference. */
struct json_t *oneshot_to_json(const struct oneshot *o);
/* Read a whole source file (at most 64 MiB). */
int oneshot_read_source(const char *path, char **out, size_t *len);

/* Of the imports (comma-separated), those the model has seen, comma-separated, into buf. */
void known_imports(const struct model *m, const char *imports, char *buf, size_t len);
