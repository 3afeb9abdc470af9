/* Prediction (issue 4): from a pre-trigger notification's metadata, and optionally the code, to a
 * demand (point estimate and calibrated upper bound per resource), a complexity score (the
 * smallest profile tier that covers the upper bounds) and a tailored allocation.
 *
 * One gradient-boosted tree regressor per target per mode, trained in-process with Debian's
 * libxgboost; inference walks the same trees natively (gbt.c) so that one prediction costs
 * microseconds, and the XGBoost booster can be asked for the same numbers (tests compare them).
 * Upper bounds come from cross-conformal prediction on folds grouped by program (one-sided).
 * See docs/predict.md for the method, the layouts and the numbers.
 *
 * Functions return 0 or a negative errno. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/resources.h"

struct json_t;
struct store;
struct tier;

/* The combined feature layout (metadata block, analyser block, literal block). Bump it whenever
 * the metadata or literal layout changes; the analyser's own FEATURES_VERSION is checked too. */
#define PREDICT_SCHEMA_VERSION 6

/* Targets, each learned as log1p(value in the unit below). Units are chosen so that typical
 * values are well above 1, where log1p behaves like log (relative errors). */
enum target {
        T_MEMORY, /* peak memory, bytes */
        T_CPU,    /* CPU time, milliseconds */
        T_CORES,  /* average cores, millicores */
        T_NET,    /* network bytes, received + sent */
        T_WALL,   /* wall time, milliseconds */
        T__COUNT
};
extern const char *const target_names[T__COUNT]; /* "peak_memory_bytes", "cpu_seconds", ... */

enum mode { MODE_METADATA, MODE_CODE, MODE__COUNT, MODE_HISTORY = MODE__COUNT };
extern const char *const mode_names[MODE__COUNT + 1]; /* "metadata", "code", "history" */

/* ---- the metadata vector ---- */
#define META_LANGS       4  /* python javascript c java, then "unknown" */
#define META_ALGOS       17 /* sorting ... network_io, then "unknown" */
#define META_LIB_BUCKETS 16
extern const char *const meta_languages[META_LANGS];
extern const char *const meta_algorithms[META_ALGOS];
/* Slot names with "unknown" for the last slot (META_LANGS, META_ALGOS). */
const char *meta_language_name(int l);
const char *meta_algorithm_name(int a);
/* lang one-hot (5) + algo one-hot (18) + library buckets (16) + library count + log1p(input) */
#define META_LEN (META_LANGS + 1 + META_ALGOS + 1 + META_LIB_BUCKETS + 1 + 1)
/* Literal statistics: log10 max integer literal, sum of log10 of literals > 1, count >= 1000,
 * log10 of the largest literal that is the whole value of a named constant (N = 250000, the way
 * code states its sizes), and one derived feature: that times max(1, the analyser's
 * max_loop_depth), a rough log10 of the work a loop nest over the size does (trees cannot
 * multiply two features themselves). */
/* Then size statistics (sizes.c): allocation power, size-loop nesting, element bytes, whether the
 * input is read whole, log10 of the size's unit, log10 of the bytes allocated in constant size;
 * and three derived ones: log10 of the size (the named literal, or the input bytes when larger),
 * log10 of the bytes (size^power x element bytes, plus the constant ones) and log10 of the work
 * (size^nesting). */
#define LIT_SIZE_AT    5
#define LIT_DERIVED_AT 12
#define LIT_LEN        15

/* What a pre-trigger notification carries. Borrowed strings; NULL or "" when not known. */
struct notification {
        const char *language;
        const char *libraries; /* comma-separated */
        const char *algorithm;
        uint64_t input_bytes;
};

/* FNV-1a of the lowercased, trimmed library name, mod META_LIB_BUCKETS (documented). */
unsigned lib_bucket(const char *name, size_t len);
/* Fills META_LEN doubles. */
void meta_vector(const struct notification *n, double *v);

/* Literal statistics of source text, language-agnostic: integer literals (1_000_000, 1e6, 0x10,
 * 10**6, 1 << 20 and 1024 * 1024 folded), digits inside identifiers and quoted strings skipped,
 * hexadecimal literals and values >= 1e9 skipped (hash and RNG constants, moduli, masks).
 * out[0] = log10 of the largest integer literal (0 if none), out[1] = sum of log10 of integer
 * literals > 1, out[2] = count of integer literals >= 1000, out[3] = log10 of the largest literal
 * assigned whole to a name not saying seed/mod/mask/prime/magic/mult (0 if none); out[5..11] =
 * size_stats of the text for that name; out[4] and out[12..14] are left to code_vector. */
void literal_stats(const char *src, size_t len, double out[LIT_LEN]);
/* How source text uses its size constant `name` (sizes.c): out[0] = the largest allocation
 * power (size names in an allocating statement plus the size loops around it, capped at 4),
 * out[1] = the deepest nesting of loops over the size (capped at 4), out[2] = log2(element
 * bytes) + 1 of the statement with the largest power (0 when unknown), all 0 without a name;
 * out[3] = 1 when the text reads its input whole (read(), readlines, readFileSync, readAllBytes,
 * readAllLines, toByteArray, realloc), else 0; out[4] = log10 of the size's unit in bytes when
 * the name or the text says KiB/MiB/GiB (MB = 64, SIZE_MB, MB << 20), else 0; out[5] = log10 of
 * the bytes allocated in constant size outside the loops over the size (a table of 1 << 20
 * entries, static char buf[1 << 20], calloc(65536, 4)) when at least 64 KiB, else 0, with or
 * without a name; out[6] = 1 when the size is an exponent of cells (1 << N, 2 ** N), 2 when of
 * calls (a function that calls itself twice with the same parameter one step on, and is passed
 * or compares it with the size: fib(n - 1) + fib(n - 2)), else 0. */
void size_stats(const char *src, size_t len, const char *name, size_t name_len, double out[7]);
/* The unit a size name says it counts, as a power of two: 20 for MIB, SIZE_MB, TOTAL_MiB; 10 for
 * KB; 30 for GB; 0 for none. */
unsigned name_unit_shift(const char *name, size_t name_len);
/* The name of parameter k (from 0; Python's self and Java's this not counted) of the first
 * function the text defines as `name` (def name(, function name(, name(...) { -- a C function,
 * a Java method or constructor, a JavaScript method or constructor), found by the pass that
 * size_stats uses (sizes.c): false when there is none or that parameter has no name. */
bool function_param(const char *src, size_t len, const char *name, size_t name_len, unsigned k,
                    const char **param, size_t *param_len);
/* Recompute the derived literal features of a code vector from its other fields. */
void code_vector_derive(double *v);

/* The analyser's block (code.c): its length and names, 0 and NULL without the analyser. */
size_t code_features_len(void);
const char *code_feature_name(size_t i);

/* Code vector length and names: metadata, then the analyser's features, then literals. */
size_t code_len(void);
/* Name of feature i of mode m ("lang_python", "algo_sorting", "lib_bucket_3", "f_loops", ...);
 * into buf. */
const char *feature_name(enum mode m, size_t i, char *buf, size_t len);
size_t mode_len(enum mode m);
/* The analyser's FEATURES_VERSION the code layout embeds (0 when built without the analyser). */
int predict_features_version(void);

/* Build the code vector from a metadata vector, the analyser's flattened vector (n_features
 * doubles; missing features become NaN) and literal statistics (NULL: NaN). */
void code_vector(const double *meta, const double *features, size_t n_features, const double *lit,
                 double *v);

/* ---- targets ---- */
/* Target values (natural units above, not transformed) of a measured usage. */
void usage_targets(const struct usage *u, double y[T__COUNT]);

/* ---- conformal prediction ---- */
/* The conformal quantile of scores (absolute or signed residuals): the k-th smallest with
 * k = ceil((n + 1) * coverage), clamped to n (a calibration set too small for the coverage gives
 * its largest residual). Sorts res in place. 0 for n == 0. */
double conformal_quantile(double *res, size_t n, double coverage);

/* The same with the finite-sample correction counted in groups (programs) rather than in
 * residuals: the k-th smallest with k = ceil(n c (g + 1) / g), clamped to n. Runs of one program
 * are not exchangeable with each other, only programs are: with g programs of ~n/g runs each, the
 * pooled quantile needs the level raised by the groups' (g + 1) / g (as in Dunn, Wasserman and
 * Ramdas 2022, pooled CDF). g >= n (or 0) is the plain quantile. Sorts res in place. */
double conformal_quantile_groups(double *res, size_t n, size_t groups, double coverage);
/* Number the distinct groups[0..n) (in name order) into ids[]; returns how many (0 on
 * allocation failure or n == 0). */
size_t group_numbers(const char *const *groups, size_t n, unsigned *ids);
/* Distinct values among ids[0..n) (each < nseen; seen is scratch of nseen bytes). */
size_t count_distinct(const unsigned *ids, size_t n, unsigned char *seen, size_t nseen);
/* The median of v[0..n) (the mean of the middle two for even n; NaN for n == 0). Sorts v. */
double median_of(double *v, size_t n);

/* Deterministic grouped folds: groups (program names) are ordered by size, largest first, ties
 * by name, and each goes to the fold with the fewest rows so far (as GroupKFold). fold[i] gets
 * the fold of row i. */
int group_folds(const char *const *groups, size_t n, unsigned k, unsigned *fold);
/* The same with another assignment of the groups for each seed (0: group_folds'), still
 * balanced by rows: repeated cross-validation. */
int group_folds_seeded(const char *const *groups, size_t n, unsigned k, unsigned seed,
                       unsigned *fold);
/* Deterministic grouped split: a group goes to the calibration side when its name's hash falls
 * under `share` (falling back to the smallest groups when that leaves a side empty). */
int group_split(const char *const *groups, size_t n, double share, bool *calib);

/* ---- gradient-boosted trees ---- */
struct gbt; /* one regressor: native trees plus the XGBoost JSON it came from */
struct gbt_params {
        unsigned rounds;
        unsigned max_depth;
        double eta;
        double subsample;
        double colsample;
        double min_child_weight;
        double lambda;
        unsigned seed;
        unsigned nthread;
        const char *monotone;  /* XGBoost monotone_constraints "(0,1,...)" or NULL */
        const char *objective; /* XGBoost objective; NULL: reg:squarederror */
};
void gbt_params_default(struct gbt_params *p);
/* Train on X (n x d, row-major; NaN = missing) and labels y. */
int gbt_train(const struct gbt_params *p, const float *X, const float *y, size_t n, size_t d,
              struct gbt **out);
/* The same, fitting trees on top of a given margin per row (XGBoost's base_margin): the result
 * predicts margin + trees, and gbt_predict returns the trees' sum alone (no base score). */
int gbt_train_on_margin(const struct gbt_params *p, const float *X, const float *y,
                        const float *margin, size_t n, size_t d, struct gbt **out);
/* Mark a loaded regressor as trees-on-a-margin (its base score no longer applies). */
void gbt_set_margin(struct gbt *g);
/* From the XGBoost JSON model (borrowed); d is the expected feature count. */
int gbt_from_json(struct json_t *xgb, size_t d, struct gbt **out);
/* The XGBoost JSON model (borrowed reference, owned by g). */
struct json_t *gbt_json(const struct gbt *g);
double gbt_predict(const struct gbt *g, const float *x);
/* Batch: X n x d row-major -> out[n]; tree-major for cache locality. */
void gbt_predict_batch(const struct gbt *g, const float *X, size_t n, float *out);
/* The same prediction by XGBoost's own predictor (loads the booster on first use). */
int gbt_predict_xgb(struct gbt *g, const float *X, size_t n, float *out);
void gbt_free(struct gbt *g);

/* ---- the model ---- */
/* What a code-mode regressor is, chosen per target on the calibration programs:
 * its own trees on the code vector, the metadata regressor itself, trees fitted on the
 * metadata regressor's prediction (stacked: code corrects what metadata says). */
/* TM_ELASTIC: its own trees fitted on top of a size elasticity (code mode; memory, CPU time,
 * network bytes, wall time): b x (w - w0), where w is the target's size feature (log10 of the
 * bytes, of the work, of the size) and b, per language, the slope of the log target on w within
 * programs (fixed effects: each program's own mean removed). Trees cannot extrapolate; the
 * margin carries the growth with the size beyond the sizes seen, the trees what differs between
 * programs. */
enum tm_kind { TM_OWN, TM_METADATA, TM_STACKED, TM_ELASTIC, TM__COUNT };
extern const char *const tm_kind_names[TM__COUNT];

struct target_model {
        enum tm_kind kind;
        struct gbt *gbt;
        double q; /* conformal quantile of |log residual| at the model's coverage */
        /* Mondrian conformal: the same quantile among the calibration runs of each language
         * (meta_languages, then unknown); NaN where a language had fewer than
         * CONFORMAL_GROUP_MIN calibration runs, and q applies. */
        double q_lang[META_LANGS + 1];
        /* The same per algorithm type (meta_algorithms, then unknown), used for network bytes
         * only: most runs move no bytes at all, so a pooled or per-language bound is met by the
         * zeros and says nothing about the programs that do use the network. For that target
         * the bound is the larger of the language's and the algorithm's. NaN below
         * conformal_group_min(coverage) runs. */
        double q_algo[META_ALGOS + 1];
        /* TM_ELASTIC: the feature (index in the code vector), slope and centre per language
         * (meta_languages, then unknown) */
        int el_feature;
        double el_b[META_LANGS + 1], el_w0[META_LANGS + 1];
        /* The language's level, chosen per language (meta_languages, then unknown) out of fold
         * where it beats the trees on that language's runs. Average cores are the case: a
         * single-threaded program's cores are its language runtime's, which a median over many
         * programs says to a fraction of a percent and squared-error trees blur by a few
         * percent. The level is the median log target of the language's training runs in the
         * algorithm types whose runs are homogeneous (runs of at least CELL_MIN_PROGRAMS
         * programs whose median absolute deviation from their median is at most CELL_MAX_MAD);
         * cell_use[l][a] says which types take it: the homogeneous ones and those with too few
         * programs to tell (meta_algorithms, then unknown); the others keep the trees. */
        bool cell_lang[META_LANGS + 1];
        bool cell_use[META_LANGS + 1][META_ALGOS + 1];
        double cell_level[META_LANGS + 1];
        /* The median correction per language (meta_languages, then unknown; log1p space), added
         * to the trees' point (not to a level's): the median of the language's out-of-fold log
         * residuals on the calibration programs, so that the point is the median of what the
         * runs need rather than their mean log (trees fitted on squared error land above the
         * median where the residuals are skewed). The bound does not move: the quantiles are of
         * the residuals from the corrected point. 0 where a language had fewer than
         * CONFORMAL_GROUP_MIN calibration runs on the trees, and for average cores. */
        double shift_lang[META_LANGS + 1];
};
#define CELL_MIN_PROGRAMS 2
#define CELL_MAX_MAD      0.05
/* The language and algorithm-type slots of a vector that starts with the metadata block. */
int meta_language_of(const float *x);
int meta_algorithm_of(const float *x);
/* Whether x takes its point from its language's level; *v gets it (log1p space). */
bool cell_point(const struct target_model *tm, const float *x, double *v);
/* The size feature of target t's elasticity (its index in the code vector), -1 for none. */
int elastic_feature(int t);
/* b x (w - w0) for the language of code vector x; 0 when w is missing. */
double elastic_margin(const struct target_model *tm, const float *x);
#define CONFORMAL_GROUP_MIN 30
/* Whether target t's bound is the larger of its language's and its algorithm type's quantile
 * (network bytes and average cores: what they do depends on the kind of program, threads or
 * sockets, more than on the language). */
bool q_by_algorithm(int t);
/* The fewest calibration runs for which the quantile at this coverage is a real residual
 * (k = ceil((n + 1) c) <= n): 19 at 0.95. */
size_t conformal_group_min(double coverage);
struct vocab {
        char **items;
        size_t n;
};

/* A trained model: owns everything it points to; model_free releases it. */
struct model {
        int schema_version;
        int features_version;
        double coverage;
        struct target_model t[MODE__COUNT][T__COUNT];
        bool has_mode[MODE__COUNT];
        struct vocab languages, algorithms, libraries; /* seen in training */
        struct json_t *trainset; /* description: runs, programs, languages, excluded */
        struct json_t *metrics;  /* calibration metrics */
        double train_seconds;
};
void model_free(struct model *m);
/* log1p-space point prediction of target t in mode k for a vector x of mode_len(k) floats (the
 * metadata regressor is added for a stacked target). */
double model_predict_log(const struct model *m, enum mode k, int t, const float *x);
/* The quantile for a metadata vector: its language's when calibrated, else the pooled one. */
double model_q(const struct model *m, enum mode k, int t, const double *meta);
/* Serialise to one JSON document (new reference in *out). */
int model_to_json(const struct model *m, struct json_t **out);
/* Parse and validate. -EPROTO: not a presize model or malformed; -EPROTONOSUPPORT: another
 * schema version or feature layout. *why gets a sentence for people (static storage). */
int model_from_json(struct json_t *j, struct model **out, const char **why);
int model_load_buffer(const char *buf, size_t len, struct model **out, const char **why);
int model_load_file(const char *path, struct model **out, const char **why);
int model_save_file(const struct model *m, const char *path);
/* How the model is written (jansson flags): 9 significant digits round-trip every float32 of the
 * trees exactly; the quantiles are rounded to 9 digits when trained, so they do too. */
#define MODEL_JSON_FLAGS (JSON_COMPACT | JSON_REAL_PRECISION(9))

/* ---- the dataset ---- */
struct row {
        char program[128];
        char language[16];
        char algorithm[32];
        char libraries[256];
        char code_hash[65];
        uint64_t input_bytes;
        uint64_t size;
        double meta[META_LEN];
        double *code; /* code_len() doubles, owned */
        double y[T__COUNT];
};
struct dataset {
        struct row *rows;
        size_t n, cap;
        size_t excluded;       /* runs not "ok" (failed, timeout, oom, error) */
        size_t excluded_by[5]; /* failed, timeout, oom, error, other */
        size_t wrong_features; /* features of another version: code block left missing */
        size_t no_literals;    /* source unavailable: literal block left missing */
};
void dataset_free(struct dataset *d);
/* From the store's runs (outcome "ok"); others are counted as excluded. */
int dataset_from_store(struct store *s, struct dataset *d);
/* From JSON Lines as `presize runs export --format jsonl` writes them. *line gets the failing
 * line on -EINVAL. */
int dataset_from_jsonl(const char *path, struct dataset *d, size_t *line);
int dataset_add_one(struct dataset *d, const struct row *r);
/* Fill the literal statistics of rows that have none from the corpus they were profiled from:
 * the program's template (found by its id) with __SIZE__ replaced by the run's size. *verified
 * counts instantiations whose sha256 equals the run's code hash; for those (the very code that
 * ran) the analyser's features are derived again too, so that a model trains on what the
 * current analyser says of the code, as it predicts, not on what the analyser of the day of
 * the measurement said. */
int dataset_literals_from_corpus(struct dataset *d, const char *dir, size_t *found,
                                 size_t *verified);
/* A description for the model file: runs, programs, languages, algorithms, excluded. */
struct json_t *dataset_describe(const struct dataset *d);

/* ---- training ---- */
struct train_opts {
        double coverage; /* default 0.95 */
        /* Calibration: with calib_folds >= 2 (default 5), cross-conformal: the training programs
         * in that many grouped folds, each fold predicted by candidates fitted on the others;
         * the candidate and the quantiles are chosen on those out-of-fold residuals and the
         * final regressor is refitted on every training program. With 0, split conformal: a
         * share calib_share of the programs is held out and the model is the one fitted on the
         * rest. */
        unsigned calib_folds;
        double calib_share;
        struct gbt_params gbt;
        bool modes[MODE__COUNT];
        /* Size features (log1p input bytes, the literal sizes) may only raise the prediction of
         * memory, CPU time, network bytes and wall time, everything else held equal. */
        bool monotone;
        /* Also fit each candidate with regularised trees (depth <= 3, min_child_weight >= 10)
         * and keep whichever scores better on the calibration programs. */
        bool regularised;
        /* Calibrate on the signed log residual (actual - predicted): the bound is one-sided,
         * only under-prediction breaks it. False: on the absolute residual. */
        bool one_sided;
        /* Also fit, in code mode, trees on a size elasticity (TM_ELASTIC), chosen like the
         * other candidates. */
        bool elastic;
        /* The conformal finite-sample correction counted in programs
         * (conformal_quantile_groups), not in runs, per Mondrian group (language, algorithm). */
        bool group_correction;
        /* Correct each language's point by the median of its out-of-fold log residuals
         * (target_model.shift_lang). Default on. */
        bool median_point;
        /* The same correction counted in the programs of the whole calibration set, for every
         * quantile: programs, not runs, are what a new submission is exchangeable with; the
         * level becomes c (G + 1) / G for G programs (0.955 for ~190), where per group it would
         * be 0.97 for ~48 programs a language. Default on. */
        bool pooled_correction;
};
#define CALIB_FOLDS_MAX 10
void train_opts_default(struct train_opts *o);
/* Train rows[idx[0..n)] (all when idx NULL). */
int model_train(const struct dataset *d, const size_t *idx, size_t n, const struct train_opts *o,
                struct model **out);

/* ---- prediction ---- */
struct estimate {
        double point, upper;
};
struct demand {
        enum mode mode;
        bool low_confidence;
        struct estimate t[T__COUNT]; /* natural units (see enum target) */
        struct estimate cpu_millicores;
        struct estimate memory_bytes;
        struct estimate net_rate_bps;
        struct estimate cpu_seconds;
        struct estimate wall_seconds;
};
/* log1p-space point predictions and quantiles -> demand. code NULL: metadata mode. */
int model_predict(const struct model *m, const struct notification *n, const double *code,
                  struct demand *out);
/* The per-resource estimates (cpu_millicores, memory_bytes, net_rate_bps, cpu_seconds,
 * wall_seconds) from the per-target ones in d->t, after those changed. */
void demand_derive(struct demand *d);
/* Predict from log-space values (after the trees). */
void demand_from_logs(const struct model *m, enum mode mode, const double logp[T__COUNT],
                      const double *meta, struct demand *out);
/* Blend measured history (n runs) into a model demand: weight n / (n + 2) on the history mean in
 * log space; the upper bound is at least 10% above the largest run. */
void demand_blend_history(struct demand *d, const struct model *m, const struct usage *runs,
                          size_t n);
bool model_knows(const struct vocab *v, const char *name);

/* ---- tiers and allocation ---- */
/* The mission's defaults, for when no store is at hand: low, medium, high. */
size_t default_tiers(struct tier *out, size_t max);
/* The smallest tier (tiers ordered low to high) covering the upper bounds; the largest when none
 * does. Returns its index. */
size_t tier_for(const struct tier *tiers, size_t n, const struct demand *d);
/* "low", "medium" or "high": the tier's name when it is one of those, else by position. */
const char *complexity_score(const struct tier *tiers, size_t n, size_t idx);
/* Upper bounds rounded up to allocatable units: cpu to 100m (min 100m), memory to 16 MiB
 * (min 32 MiB), net rate to 1 Mbit (0 when no network use), gpu from the tier. */
void allocation_for(const struct demand *d, const struct tier *t, struct alloc *a, bool *gpu);
/* Network use below this many bytes (upper bound) counts as none. */
#define NET_NONE_BYTES 4096.0

/* ---- code: analyse a source buffer into a code vector (code.c) ---- */
struct code_input {
        const char *path; /* for language detection by extension; may be NULL */
        const char *lang; /* --lang or NULL: detect */
        const char *src;
        size_t len;
};
struct analyzer;
/* The analyser's own constructor, destructor and error sentences, through this module so that
 * callers build without the analyser too (-ENOTSUP then). */
int code_analyzer_new(struct analyzer **out);
void code_analyzer_free(struct analyzer *a);
const char *code_strerror(int err);
/* Fills v (code_len() doubles) from the notification (its language, when NULL, is the detected
 * one) and the source. *detected gets the language
 * name used (static storage) or NULL. -ENOPKG: language unknown to the analyser; -ENOTSUP:
 * built without it. */
int code_from_source(struct analyzer *a, const struct code_input *in, const struct notification *n,
                     double *v, const char **detected, char **imports_csv);
