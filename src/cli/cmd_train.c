/* presize train [--db PATH] [--from runs.jsonl] [--out FILE] [--coverage 0.95] [--corpus DIR]
 *
 * Trains the prediction models (docs/predict.md) on the stored runs whose outcome is "ok", or on
 * an exported JSON Lines file, and writes the model into the store and, with --out, to a file.
 * Runs that failed, timed out or were OOM-killed are excluded and counted. */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "predict/locate.h"
#include "predict/predict.h"
#include "store/store.h"
#include "util/cleanup.h"
#include "util/fsutil.h"

static const char usage_text[] =
    "usage: presize train [--db PATH] [--from RUNS.jsonl] [--out FILE] [--coverage 0.95]\n"
    "                     [--corpus DIR] [--rounds N] [--depth N] [--eta X] [--no-monotone]\n"
    "                     [--json]\n"
    "\n"
    "Trains one gradient-boosted tree regressor per target (peak memory, CPU time, average\n"
    "cores, network bytes, wall time) for each input mode (metadata only; metadata + code), with\n"
    "cross-conformal upper bounds, on the runs whose outcome is \"ok\".\n"
    "\n"
    "  --db PATH       the store (default: $PRESIZE_DB, else /var/lib/presize/presize.db);\n"
    "                  the model is written there\n"
    "  --from FILE     train on a `presize runs export --format jsonl` file instead of the store\n"
    "  --out FILE      also write the model to FILE (one JSON document); with --from and\n"
    "                  --out and no --db, no store is opened\n"
    "  --coverage C    share of runs the upper bound must hold for (default 0.95)\n"
    "  --corpus DIR    the corpus the runs came from, to compute literal statistics of each\n"
    "                  run's code (default: ./corpus when it exists)\n"
    "  --rounds N      boosting rounds per regressor (default 200)\n"
    "  --depth N       maximum tree depth (default 6)\n"
    "  --eta X         learning rate (default 0.1)\n"
    "  --json          print the summary as one JSON object on stdout (the training set, the\n"
    "                  conformal quantile q per mode and target, where the model went)\n"
    "  --no-monotone   let size features lower predictions too (default: memory, CPU, network\n"
    "                  and wall time never decrease with input size or the size literals)\n"
    "\n"
    "Exit status: 0 done, 1 failure, 2 bad usage or no usable runs.\n";

#define bad_usage(msg, arg) cli_usage_error("train", usage_text, msg, arg)

static void print_summary(const struct dataset *d, const struct model *m, bool json)
{
        json_t *ts = m->trainset;
        fprintf(stderr, "presize train: %zu runs of %lld programs", d->n,
                (long long)json_integer_value(json_object_get(ts, "programs")));
        const char *k;
        json_t *v;
        fprintf(stderr, " (");
        bool first = true;
        json_object_foreach(json_object_get(ts, "languages"), k, v)
        {
                fprintf(stderr, "%s%s %lld", first ? "" : ", ", k,
                        (long long)json_integer_value(v));
                first = false;
        }
        fprintf(stderr, ")\n");
        if (d->excluded)
                fprintf(stderr,
                        "presize train: excluded %zu runs that did not finish cleanly "
                        "(failed %zu, timeout %zu, oom %zu, error %zu, other %zu)\n",
                        d->excluded, d->excluded_by[0], d->excluded_by[1], d->excluded_by[2],
                        d->excluded_by[3], d->excluded_by[4]);
        if (d->no_literals)
                fprintf(stderr,
                        "presize train: %zu runs without their source text: literal statistics "
                        "missing for them (give --corpus)\n",
                        d->no_literals);
        if (d->wrong_features)
                fprintf(stderr,
                        "presize train: %zu runs carry analyser features of another version: "
                        "their code features are left missing\n",
                        d->wrong_features);
        if (json)
                return;
        printf("%-20s %14s %14s  %s\n", "target", "q metadata", "q code", "code-mode point");
        for (int t = 0; t < T__COUNT; t++) {
                bool code = m->has_mode[MODE_CODE];
                const struct target_model *tm = &m->t[code ? MODE_CODE : MODE_METADATA][t];
                printf("%-20s %14.3f %14.3f  %s trees", target_names[t], m->t[MODE_METADATA][t].q,
                       code ? tm->q : 0.0, tm_kind_names[tm->kind]);
                bool shifted = false;
                for (int l = 0; l <= META_LANGS; l++)
                        shifted |= tm->shift_lang[l] != 0;
                if (shifted)
                        printf(" to the median");
                const char *sep = "; the language's level for ";
                for (int l = 0; l <= META_LANGS; l++)
                        if (tm->cell_lang[l]) {
                                printf("%s%s", sep, meta_language_name(l));
                                sep = ", ";
                        }
                printf("\n");
        }
        printf("upper bound = point x exp(q) (log space, coverage %.2f); trained in %.2fs\n",
               m->coverage, m->train_seconds);
}

/* The summary as one object: what was trained on, the quantiles, where the model went. */
static json_t *summary_json(const struct model *m, const char *stored_as, const char *out)
{
        json_t *o = json_object();
        json_object_set(o, "trainset", m->trainset);
        json_object_set_new(o, "coverage", json_real(m->coverage));
        json_object_set_new(o, "train_seconds", json_real(m->train_seconds));
        json_t *q = json_object(), *levels = json_object(), *shifts = json_object();
        for (int md = 0; md < MODE__COUNT; md++) {
                if (!m->has_mode[md])
                        continue;
                json_t *per = json_object(), *lv = json_object(), *sh = json_object();
                for (int t = 0; t < T__COUNT; t++) {
                        json_object_set_new(per, target_names[t], json_real(m->t[md][t].q));
                        json_t *by = json_object();
                        for (int l = 0; l <= META_LANGS; l++)
                                if (m->t[md][t].shift_lang[l] != 0)
                                        json_object_set_new(by, meta_language_name(l),
                                                            json_real(m->t[md][t].shift_lang[l]));
                        json_object_set_new(sh, target_names[t], by);
                        json_t *langs = json_array();
                        for (int l = 0; l <= META_LANGS; l++)
                                if (m->t[md][t].cell_lang[l])
                                        json_array_append_new(langs,
                                                              json_string(meta_language_name(l)));
                        json_object_set_new(lv, target_names[t], langs);
                }
                json_object_set_new(q, mode_names[md], per);
                json_object_set_new(levels, mode_names[md], lv);
                json_object_set_new(shifts, mode_names[md], sh);
        }
        json_object_set_new(o, "q", q);
        json_object_set_new(o, "language_level", levels);
        json_object_set_new(o, "median_shift", shifts);
        json_object_set_new(o, "model", stored_as ? json_string(stored_as) : json_null());
        json_object_set_new(o, "out", out ? json_string(out) : json_null());
        return o;
}

int cmd_train(int argc, char **argv)
{
        enum {
                OPT_DB = 256,
                OPT_FROM,
                OPT_OUT,
                OPT_COVERAGE,
                OPT_CORPUS,
                OPT_ROUNDS,
                OPT_DEPTH,
                OPT_ETA,
                OPT_NO_MONOTONE,
                OPT_JSON
        };
        static const struct option opts[] = {
            {"db", required_argument, NULL, OPT_DB},
            {"from", required_argument, NULL, OPT_FROM},
            {"out", required_argument, NULL, OPT_OUT},
            {"coverage", required_argument, NULL, OPT_COVERAGE},
            {"corpus", required_argument, NULL, OPT_CORPUS},
            {"rounds", required_argument, NULL, OPT_ROUNDS},
            {"depth", required_argument, NULL, OPT_DEPTH},
            {"eta", required_argument, NULL, OPT_ETA},
            {"no-monotone", no_argument, NULL, OPT_NO_MONOTONE},
            {"json", no_argument, NULL, OPT_JSON},
            {"help", no_argument, NULL, 'h'},
            {NULL, 0, NULL, 0},
        };
        const char *db = NULL, *from = NULL, *out = NULL, *corpus = NULL;
        bool json = false;
        char stored_as[64] = "";
        struct train_opts to;
        train_opts_default(&to);
        int c, li = 0;
        opterr = 0;
        optind = 1;
        while ((c = getopt_long(argc, argv, "h", opts, &li)) != -1) {
                switch (c) {
                case OPT_DB:
                        db = optarg;
                        break;
                case OPT_FROM:
                        from = optarg;
                        break;
                case OPT_OUT:
                        out = optarg;
                        break;
                case OPT_CORPUS:
                        corpus = optarg;
                        break;
                case OPT_COVERAGE:
                case OPT_ROUNDS:
                case OPT_DEPTH:
                case OPT_ETA:
                case OPT_NO_MONOTONE: {
                        const char *why = "";
                        if (cli_train_option(opts[li].name, optarg, &to, &why) < 0)
                                return bad_usage(why, optarg);
                        break;
                }
                case OPT_JSON:
                        json = true;
                        break;
                case 'h':
                        fputs(usage_text, stdout);
                        return 0;
                default:
                        return bad_usage("unknown option", argv[optind - 1]);
                }
        }
        if (optind < argc)
                return bad_usage("unexpected argument", argv[optind]);

        struct store *s = NULL;
        /* the store is needed to read runs (no --from) or to keep the model (--db, or the
         * default store when there is no --out) */
        bool want_store = !from || db || !out;
        const char *path = db ? db : store_default_path();
        if (want_store) {
                int st = cli_open_store("train", path, &s);
                if (st)
                        return st;
        }
        struct dataset d = {0};
        int r;
        if (from) {
                size_t line = 0;
                r = dataset_from_jsonl(from, &d, &line);
                if (r == -EINVAL)
                        fprintf(stderr, "presize train: %s:%zu: not a JSON object\n", from, line);
                else if (r < 0)
                        fprintf(stderr, "presize train: cannot read %s: %s\n", from, strerror(-r));
        } else {
                r = dataset_from_store(s, &d);
                if (r < 0)
                        fprintf(stderr, "presize train: cannot read the runs from %s: %s\n", path,
                                r == -EBUSY ? "it is locked by another process" : strerror(-r));
        }
        if (r < 0) {
                dataset_free(&d);
                store_close(s);
                return r == -EINVAL ? 2 : 1;
        }
        if (!corpus && access("corpus", F_OK) == 0)
                corpus = "corpus";
        if (corpus) {
                size_t found = 0, verified = 0;
                r = dataset_literals_from_corpus(&d, corpus, &found, &verified);
                if (r < 0)
                        fprintf(stderr,
                                "presize train: corpus %s: %s (literal statistics "
                                "stay missing)\n",
                                corpus, strerror(-r));
                else if (found)
                        fprintf(stderr,
                                "presize train: literal statistics from %s for %zu runs (%zu "
                                "verified by code hash%s)\n",
                                corpus, found, verified,
                                verified && code_features_len()
                                    ? ", their analyser features derived again"
                                    : "");
        }
        if (d.n == 0) {
                fprintf(stderr,
                        "presize train: no usable runs (%zu excluded); profile a corpus first "
                        "('presize profile corpus/') or give --from RUNS.jsonl\n",
                        d.excluded);
                dataset_free(&d);
                store_close(s);
                return 2;
        }
        struct model *m = NULL;
        r = model_train(&d, NULL, 0, &to, &m);
        if (r < 0) {
                fprintf(stderr, "presize train: training failed: %s\n", strerror(-r));
                dataset_free(&d);
                store_close(s);
                return 1;
        }
        m->trainset = dataset_describe(&d);
        print_summary(&d, m, json);
        int status = 0;
        if (s) {
                r = model_keep_in_store(s, m, stored_as, sizeof(stored_as));
                if (r < 0) {
                        fprintf(stderr, "presize train: cannot write the model into %s: %s\n", path,
                                r == -EBUSY ? "it is locked by another process" : strerror(-r));
                        status = 1;
                } else {
                        fprintf(stderr, "presize train: model %s written into %s\n", stored_as,
                                path);
                }
        }
        if (out) {
                r = model_save_file(m, out);
                if (r < 0) {
                        fprintf(stderr, "presize train: cannot write %s: %s\n", out, strerror(-r));
                        status = 1;
                } else {
                        fprintf(stderr, "presize train: model written to %s\n", out);
                }
        }
        if (json && status == 0) {
                json_t *o = summary_json(m, stored_as[0] ? stored_as : NULL, out);
                json_dumpf(o, stdout, JSON_COMPACT);
                putchar('\n');
                json_decref(o);
        }
        model_free(m);
        dataset_free(&d);
        store_close(s);
        return status;
}
