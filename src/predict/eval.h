/* Cross-validation of the models against baselines (presize eval): folds grouped by program,
 * metrics per target, per language and per algorithm, and the HTML report. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "predict/predict.h"

struct json_t;
struct progress;

enum method {
        M_CODE,        /* the model, metadata + code */
        M_METADATA,    /* the model, metadata only */
        M_LANG_MEDIAN, /* per-language median of the training runs, with its own conformal q */
        M_STATIC_TIER, /* the mission's static tiers chosen by an algorithm rule */
        M__COUNT
};
extern const char *const method_names[M__COUNT];

struct eval_opts {
        unsigned folds;
        unsigned seed; /* which grouped folds (group_folds_seeded); 0: the default ones */
        struct train_opts train;
        bool progress;        /* progress bar on stderr */
        struct progress *bar; /* or this caller's bar, ticked once a fold (repeats share one) */
};

/* Out-of-fold predictions for every row: point and upper per method per target, natural units
 * (NaN where a method has no value for a target). Owned; eval_free releases. */
struct eval {
        const struct dataset *d; /* borrowed */
        size_t n;
        unsigned folds;
        double coverage;
        unsigned *fold;
        double *point[M__COUNT][T__COUNT];
        double *upper[M__COUNT][T__COUNT];
        double seconds;
};

struct metrics {
        size_t n;               /* rows with a value and a positive actual */
        double mdape;           /* median |point - actual| / actual */
        double within25;        /* share with |point - actual| <= 25% of actual */
        double coverage;        /* share with actual <= upper */
        double overprov;        /* mean upper / actual */
        double overprov_median; /* median upper / actual (robust to a few tiny actuals) */
        /* coverage among the rows over-provisioning is measured on (positive actual): differs
         * from coverage for network bytes, where most runs move nothing */
        double coverage_measured;
};

/* The tier index (0 low, 1 medium, 2 high) the static rule gives a row's metadata. */
unsigned static_rule_tier(const char *algorithm, const char *libraries);

int eval_run(const struct dataset *d, const struct eval_opts *o, struct eval *out);
void eval_free(struct eval *e);
/* Metrics of method m for target t over the rows where keep(row) (all when keep NULL). */
typedef bool (*eval_filter)(const struct row *r, const void *ctx);
void eval_metrics(const struct eval *e, enum method m, int t, eval_filter keep, const void *ctx,
                  struct metrics *out);
/* Everything as one JSON object: overall, by language, by algorithm, aims. */
struct json_t *eval_to_json(const struct eval *e);
/* The readable summary. */
void eval_print(const struct eval *e, struct json_t *summary, FILE *f);
/* DIR/index.html with inline SVG charts; DIR is created. */
int eval_report(const struct eval *e, struct json_t *summary, const char *dir);
/* Every row's out-of-fold predictions as tab-separated values (one line per row per target:
 * program, language, algorithm, size, input bytes, fold, target, actual, then point and upper
 * per method), for error analysis. */
int eval_write_predictions(const struct eval *e, const char *path);
/* Every method's overall metrics per target (eval_metrics over all rows). */
void eval_overall(const struct eval *e, struct metrics out[M__COUNT][T__COUNT]);
/* Repeated cross-validation: rep[i] the overall metrics of the evaluation with fold seed i, for
 * r >= 1 repeats. As JSON: count, seeds, and per method and target the mean, sample standard
 * deviation, lowest value and values of MdAPE, coverage and mean over-provisioning. */
struct json_t *eval_repeats_json(const struct metrics (*rep)[M__COUNT][T__COUNT], unsigned r);
/* The same as a table (the model's MdAPE, coverage, over-provisioning; the baselines' MdAPE). */
void eval_print_repeats(const struct metrics (*rep)[M__COUNT][T__COUNT], unsigned r, FILE *f);
