/* The store: one SQLite file (WAL mode, schema versioned with migrations) holding
 *   profiles - the resource profile database: tier name -> cpu, memory, network, gpu;
 *   runs     - every profiled or served execution: code, metadata, features, allocation, usage;
 *   models   - trained models with their feature schema version and evaluation metrics.
 * Concurrent readers while one writer records; a killed writer loses at most the row it was
 * writing. Functions return 0 or a negative errno (-EBUSY: locked past the busy timeout;
 * -EPROTO: not a presize database or a schema newer than this presize). */
#pragma once

#include "core/resources.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct store; /* owned by the caller of store_open; store_close frees it */

/* $PRESIZE_DB if set, else /var/lib/presize/presize.db (documented in the README). */
const char *store_default_path(void);
int store_open(const char *path, struct store **out);
void store_close(struct store *s);
/* The last error message from SQLite, for people. */
const char *store_errmsg(const struct store *s);
/* How long a call waits for another process's lock before returning -EBUSY (default 5000 ms;
 * $PRESIZE_DB_BUSY_MS overrides the default at open). */
void store_set_busy_timeout(struct store *s, int ms);
/* Group many inserts into one transaction (a bulk import): begin, insert..., commit. Inserts made
 * outside such a group each commit on their own. Rollback discards the group. */
int store_begin(struct store *s);
int store_commit(struct store *s);
int store_rollback(struct store *s);
/* The schema version this presize writes (PRAGMA user_version). */
int store_schema_version(void);

/* ---- profiles (tiers) ---- */
struct tier {
        char name[32];
        uint64_t cpu_millicores;
        uint64_t memory_bytes;
        uint64_t net_rate_bps;
        bool gpu;
};
/* Ordered by cpu then memory (low to high). */
int store_tiers_list(struct store *s, struct tier *out, size_t max, size_t *n);
int store_tier_set(struct store *s, const struct tier *t);
int store_tier_delete(struct store *s, const char *name);

/* ---- runs ---- */
struct run_record {
        int64_t id;         /* set by insert */
        int64_t created_at; /* unix seconds; set by insert when 0 */
        char code_hash[65]; /* sha256 of the exact code run, hex */
        char program[128];  /* corpus program id, or "" for a served execution */
        char language[16];
        char algorithm[32];
        char libraries[256]; /* comma-separated */
        uint64_t input_bytes;
        uint64_t size;   /* the instantiated size parameter (corpus), 0 if none */
        char source[16]; /* "profile" or "serve" */
        int features_version;
        double *features; /* owned by whoever filled the record; n_features doubles */
        size_t n_features;
        struct alloc alloc;
        struct usage usage;
        char outcome[16];        /* "ok", "failed", "timeout", "oom", "error" */
        const char *prediction;  /* JSON text or NULL */
        const char *adjustments; /* JSON text or NULL */
};
int store_run_insert(struct store *s, struct run_record *r);
/* Calls cb for every run in id order; a non-zero return from cb stops and is returned.
 * The record and its arrays are valid only during the call. */
typedef int (*store_run_cb)(const struct run_record *r, void *ctx);
int store_runs_foreach(struct store *s, store_run_cb cb, void *ctx);
/* Whether a run of (program, size) with source "profile" is already stored (resumable profiling).
 */
int store_run_exists(struct store *s, const char *program, uint64_t size, bool *exists);
/* The same, for exactly this code (a program whose source changed is profiled again). */
int store_run_exists_hash(struct store *s, const char *program, uint64_t size,
                          const char *code_hash, bool *exists);
/* Whether this exact record (code hash, created_at, program, size, source) is stored: the check
 * `presize runs import` makes so that importing the same file twice adds nothing. */
int store_run_exists_same(struct store *s, const struct run_record *r, bool *exists);
/* The last `limit` runs (0: all), in id order. */
int store_runs_last(struct store *s, size_t limit, store_run_cb cb, void *ctx);
int store_runs_count(struct store *s, uint64_t *n);
/* Runs of the same code hash, newest first (history blending), up to max. */
int store_runs_by_hash(struct store *s, const char *code_hash, struct usage *out, size_t max,
                       size_t *n);

/* ---- models ---- */
struct model_record {
        int64_t id;
        int64_t created_at;
        int features_version;
        char name[64];
        void *blob; /* owned by the record after store_model_latest: free() it */
        size_t len;
        char *trainset; /* JSON text, owned (free) */
        char *metrics;  /* JSON text, owned (free) */
};
int store_model_insert(struct store *s, struct model_record *m);
/* -ENOENT when the store has none. */
int store_model_latest(struct store *s, struct model_record *out);
void model_record_free(struct model_record *m);
