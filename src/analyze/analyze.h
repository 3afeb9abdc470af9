/* presize's static analyser: source bytes + language -> per-function metrics and one fixed,
 * versioned feature vector per file (see docs/features.md). Tree-sitter front end; the walk is
 * language-agnostic and driven by one table per language (lang.h).
 *
 * Thread use: one struct analyzer per thread; results are independent. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct lang;

enum loop_bound { BOUND_LITERAL, BOUND_PARAM, BOUND_DATA, BOUND__COUNT };
enum ext_kind { EXT_NETWORK, EXT_FILE, EXT_SUBPROCESS, EXT_SLEEP, EXT__COUNT };
enum hint_kind {
        HINT_SORT,
        HINT_SEARCH,
        HINT_REGEX,
        HINT_HASH,
        HINT_NUMERIC,
        HINT_IMAGE,
        HINT_COMPRESS,
        HINT_PARSE,
        HINT__COUNT
};

extern const char *const ext_kind_names[EXT__COUNT];
extern const char *const hint_kind_names[HINT__COUNT];
extern const char *const loop_bound_names[BOUND__COUNT];

/* One function. `name` points into the owning analysis's string storage. */
struct func_metrics {
        const char *name;
        uint32_t start_line, end_line; /* 1-based, inclusive */
        uint32_t ccn;                  /* cyclomatic complexity, counted as lizard does */
        uint32_t cognitive;            /* SonarSource cognitive complexity */
        uint32_t nloc;                 /* lines with code (no blank, comment, docstring lines) */
        uint32_t params;
        uint32_t tokens;
        uint32_t loops;
        uint32_t max_loop_depth;
        uint32_t calls;
        bool recursive_direct; /* calls itself */
        bool recursive_mutual; /* in a call-graph cycle with another function of the file */
};

/* The feature vector's source: every field is a count or ratio over one file. Field names and
 * order are the schema (features.c); FEATURES_VERSION changes whenever either does. */
#define FEATURES_VERSION 1
struct features {
        /* size */
        uint32_t lines, nloc, tokens, functions;
        double parse_error_ratio; /* bytes under ERROR nodes / file bytes */
        uint32_t missing_nodes;
        /* complexity */
        uint32_t ccn_total, ccn_max;
        double ccn_mean;
        uint32_t cognitive_total, cognitive_max;
        uint32_t max_params;
        /* loops */
        uint32_t loops, max_loop_depth;
        uint32_t loop_bound[BOUND__COUNT];
        /* recursion */
        uint32_t call_sites, recursive_functions, direct_recursion, mutual_recursion;
        /* data structures */
        uint32_t allocs, allocs_known_size;
        double max_alloc_size; /* elements or bytes, whichever the call takes */
        uint32_t collection_literals, max_literal_elems, growth_in_loop;
        /* external */
        uint32_t imports;
        uint32_t ext_calls[EXT__COUNT];
        uint32_t ext_calls_in_loop[EXT__COUNT];
        uint32_t hints[HINT__COUNT];
};

/* The result for one file. Owns everything it points to; analysis_free() releases it. */
struct analysis {
        const struct lang *lang;
        struct func_metrics *funcs;
        size_t n_funcs;
        char **imports; /* library names, deduplicated, in order of appearance */
        size_t n_imports;
        struct features f;
        uint64_t bytes;
        bool timed_out; /* the parse hit its time limit; metrics are empty */
        /* private */
        char *strings;
        size_t strings_len, strings_cap;
};

struct analyzer_opts {
        uint64_t max_bytes; /* larger files are refused with -EFBIG; 0 = default 16 MiB (a parse
                               tree takes about 50 bytes per source byte) */
        uint64_t parse_timeout_us; /* 0 = default 20 s */
};

struct analyzer;

int analyzer_new(const struct analyzer_opts *opts, struct analyzer **out);
void analyzer_free(struct analyzer *a);

/* Analyse a buffer as `lang`. Returns 0 and fills *out (analysis_free it), or -ENOMEM, -EFBIG
 * (larger than max_bytes), -ETIMEDOUT (parse took too long), -EMEDIUMTYPE (binary: NUL bytes). */
int analyze_buffer(struct analyzer *a, const struct lang *lang, const char *src, size_t len,
                   struct analysis *out);
/* Read and analyse a file; lang NULL = detect (-ENOPKG when it cannot be). */
int analyze_file(struct analyzer *a, const char *path, const struct lang *lang,
                 struct analysis *out);
void analysis_free(struct analysis *r);

/* A sentence for an analyze_* error, for the per-file message. */
const char *analyze_strerror(int err);

/* Flattened feature vector: FEATURES_LEN doubles in the order of features_schema[]. */
size_t features_len(void);
extern const char *const features_schema[];
int features_flatten(const struct features *f, double *vec, size_t len);

/* Output, one file per call. */
struct json_t;
/* JSON Lines object (as in docs/analyze.md); caller json_decref()s. */
struct json_t *analysis_to_json(const struct analysis *r, const char *path);
