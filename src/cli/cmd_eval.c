/* presize eval [--db PATH] [--from RUNS.jsonl] [--folds 5] [--repeats 1] [--coverage 0.95]
 *              [--report DIR] [--json] [--corpus DIR] [--predictions FILE]
 *
 * Cross-validates the prediction models grouped by program against three baselines (static
 * tiers chosen by a rule, per-language median, metadata-only model) and says honestly whether
 * the aims are met. */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "predict/eval.h"
#include "predict/locate.h"
#include "predict/predict.h"
#include "store/store.h"
#include "util/cleanup.h"
#include "util/progress.h"

static const char usage_text[] =
    "usage: presize eval [--db PATH] [--from RUNS.jsonl] [--folds 5] [--repeats 1]\n"
    "                    [--coverage 0.95] [--report DIR] [--json] [--corpus DIR] [--rounds N]\n"
    "                    [--depth N] [--eta X] [--no-monotone] [--predictions FILE]\n"
    "\n"
    "K-fold cross-validation grouped by program (a program's sizes never straddle training\n"
    "and test): per target MdAPE, share within 25%, upper-bound coverage and mean\n"
    "over-provisioning (upper / actual), by language and algorithm, against static tiers, a\n"
    "per-language median and the metadata-only model.\n"
    "\n"
    "  --db PATH       the store to read runs from (default: $PRESIZE_DB, else\n"
    "                  /var/lib/presize/presize.db)\n"
    "  --from FILE     runs from a `presize runs export --format jsonl` file instead\n"
    "  --folds K       number of folds (default 5, at least 2)\n"
    "  --repeats R     also cross-validate with R - 1 other assignments of the programs to\n"
    "                  folds (seeds 1..R-1) and report each metric's mean and spread (default\n"
    "                  1: one assignment; the rest of the output is always seed 0's)\n"
    "  --coverage C    upper-bound coverage (default 0.95)\n"
    "  --report DIR    write DIR/index.html with SVG charts (no script, no network)\n"
    "  --json          the full results as one JSON object on stdout\n"
    "  --corpus DIR    the corpus, for literal statistics (default ./corpus when it exists)\n"
    "  --rounds N      boosting rounds per regressor (default 200)\n"
    "  --depth N       maximum tree depth (default 6)\n"
    "  --eta X         learning rate (default 0.1)\n"
    "  --no-monotone   let size features lower predictions too (default: memory, CPU, network\n"
    "                  and wall time never decrease with input size or the size literals)\n"
    "  --predictions FILE  every run's out-of-fold point and upper bound per method, as\n"
    "                  tab-separated values (for error analysis)\n"
    "\n"
    "Exit status: 0 done (whether or not the aims are met), 1 failure, 2 bad usage or no runs.\n";

#define bad_usage(msg, arg) cli_usage_error("eval", usage_text, msg, arg)

int cmd_eval(int argc, char **argv)
{
        enum {
                OPT_DB = 256,
                OPT_FROM,
                OPT_FOLDS,
                OPT_COVERAGE,
                OPT_REPORT,
                OPT_JSON,
                OPT_CORPUS,
                OPT_ROUNDS,
                OPT_DEPTH,
                OPT_ETA,
                OPT_NO_MONOTONE,
                OPT_PREDICTIONS,
                OPT_REPEATS
        };
        static const struct option opts[] = {
            {"db", required_argument, NULL, OPT_DB},
            {"from", required_argument, NULL, OPT_FROM},
            {"folds", required_argument, NULL, OPT_FOLDS},
            {"coverage", required_argument, NULL, OPT_COVERAGE},
            {"report", required_argument, NULL, OPT_REPORT},
            {"json", no_argument, NULL, OPT_JSON},
            {"corpus", required_argument, NULL, OPT_CORPUS},
            {"rounds", required_argument, NULL, OPT_ROUNDS},
            {"depth", required_argument, NULL, OPT_DEPTH},
            {"eta", required_argument, NULL, OPT_ETA},
            {"no-monotone", no_argument, NULL, OPT_NO_MONOTONE},
            {"predictions", required_argument, NULL, OPT_PREDICTIONS},
            {"repeats", required_argument, NULL, OPT_REPEATS},
            {"help", no_argument, NULL, 'h'},
            {NULL, 0, NULL, 0},
        };
        const char *db = NULL, *from = NULL, *report = NULL, *corpus = NULL, *preds = NULL;
        bool json = false;
        unsigned repeats = 1;
        struct eval_opts eo = {.folds = 5, .progress = true};
        train_opts_default(&eo.train);
        int c, li = 0;
        char *end;
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
                case OPT_REPORT:
                        report = optarg;
                        break;
                case OPT_CORPUS:
                        corpus = optarg;
                        break;
                case OPT_PREDICTIONS:
                        preds = optarg;
                        break;
                case OPT_JSON:
                        json = true;
                        break;
                case OPT_FOLDS: {
                        long v = strtol(optarg, &end, 10);
                        if (end == optarg || *end || v < 2 || v > 100)
                                return bad_usage("--folds takes a count from 2 to 100", optarg);
                        eo.folds = (unsigned)v;
                        break;
                }
                case OPT_REPEATS: {
                        long v = strtol(optarg, &end, 10);
                        if (end == optarg || *end || v < 1 || v > 20)
                                return bad_usage("--repeats takes a count from 1 to 20", optarg);
                        repeats = (unsigned)v;
                        break;
                }
                case OPT_COVERAGE:
                case OPT_ROUNDS:
                case OPT_DEPTH:
                case OPT_ETA:
                case OPT_NO_MONOTONE: {
                        const char *why = "";
                        if (cli_train_option(opts[li].name, optarg, &eo.train, &why) < 0)
                                return bad_usage(why, optarg);
                        break;
                }
                case 'h':
                        fputs(usage_text, stdout);
                        return 0;
                default:
                        return bad_usage(optopt ? "option needs a value" : "unknown option",
                                         argv[optind - 1]);
                }
        }
        if (optind < argc)
                return bad_usage("unexpected argument", argv[optind]);

        struct dataset d = {0};
        struct store *s = NULL;
        int r;
        if (from) {
                size_t line = 0;
                r = dataset_from_jsonl(from, &d, &line);
                if (r == -EINVAL)
                        fprintf(stderr, "presize eval: %s:%zu: not a JSON object\n", from, line);
                else if (r < 0)
                        fprintf(stderr, "presize eval: cannot read %s: %s\n", from, strerror(-r));
        } else {
                const char *path = db ? db : store_default_path();
                int st = cli_open_store("eval", path, &s);
                if (st)
                        return st;
                r = dataset_from_store(s, &d);
                if (r < 0)
                        fprintf(stderr, "presize eval: cannot read the runs from %s: %s\n", path,
                                r == -EBUSY ? "it is locked by another process" : strerror(-r));
                store_close(s);
        }
        if (r < 0) {
                dataset_free(&d);
                return r == -EINVAL ? 2 : 1;
        }
        if (!corpus && access("corpus", F_OK) == 0)
                corpus = "corpus";
        if (corpus) {
                size_t found = 0, verified = 0;
                if (dataset_literals_from_corpus(&d, corpus, &found, &verified) == 0 && found)
                        fprintf(stderr,
                                "presize eval: literal statistics from %s for %zu runs (%zu "
                                "verified by code hash%s)\n",
                                corpus, found, verified,
                                verified && code_features_len()
                                    ? ", their analyser features derived again"
                                    : "");
        }
        if (d.excluded)
                fprintf(stderr, "presize eval: excluded %zu runs that did not finish cleanly\n",
                        d.excluded);
        if (d.n == 0) {
                fprintf(stderr, "presize eval: no usable runs; profile a corpus first or give "
                                "--from RUNS.jsonl\n");
                dataset_free(&d);
                return 2;
        }
        /* one bar over every repeat's folds */
        struct progress bar;
        progress_start(&bar, repeats > 1 ? "presize eval: repeats x folds" : "presize eval: folds",
                       (uint64_t)repeats * eo.folds);
        eo.bar = &bar;
        _cleanup_free_ struct metrics(*rep)[M__COUNT][T__COUNT] = calloc(repeats, sizeof(*rep));
        struct eval e;
        r = rep ? eval_run(&d, &eo, &e) : -ENOMEM;
        if (r == 0)
                eval_overall(&e, rep[0]);
        for (unsigned i = 1; r == 0 && i < repeats; i++) {
                struct eval ei;
                struct eval_opts oi = eo;
                oi.seed = i;
                int ri = eval_run(&d, &oi, &ei);
                if (ri < 0) {
                        eval_free(&e);
                        r = ri;
                        break;
                }
                eval_overall(&ei, rep[i]);
                eval_free(&ei);
        }
        progress_end(&bar);
        if (r < 0) {
                fprintf(stderr, "presize eval: %s\n", strerror(-r));
                dataset_free(&d);
                return 1;
        }
        json_t *sum = eval_to_json(&e);
        if (repeats > 1)
                json_object_set_new(sum, "repeats", eval_repeats_json(rep, repeats));
        int status = 0;
        if (json) {
                if (json_dumpf(sum, stdout, JSON_INDENT(1) | JSON_REAL_PRECISION(6)) < 0)
                        status = 1;
                putchar('\n');
        } else {
                eval_print(&e, sum, stdout);
                if (repeats > 1)
                        eval_print_repeats(rep, repeats, stdout);
        }
        if (preds && (r = eval_write_predictions(&e, preds)) < 0) {
                fprintf(stderr, "presize eval: cannot write %s: %s\n", preds, strerror(-r));
                status = 1;
        }
        if (report) {
                r = eval_report(&e, sum, report);
                if (r < 0) {
                        fprintf(stderr, "presize eval: cannot write the report into %s: %s\n",
                                report, strerror(-r));
                        status = 1;
                } else {
                        fprintf(stderr, "presize eval: report written to %s/index.html\n", report);
                }
        }
        json_decref(sum);
        eval_free(&e);
        dataset_free(&d);
        return status;
}
