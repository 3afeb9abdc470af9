/* presize predict [--json] [--db PATH] [--model FILE] [--lang L] [--libs a,b] [--algo TYPE]
 *                 [--input-bytes N] [--coverage-note] [FILE]
 *
 * Predicts what code will need before it runs: from a notification's metadata alone, or with the
 * code (FILE) analysed too, or, when the same code has run before, blended with its history.
 * Prints the demand (point and calibrated upper bound per resource), the complexity score (the
 * smallest profile tier covering the memory bound and the predicted CPU and bandwidth) and the
 * tailored allocation. */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "predict/oneshot.h"
#include "predict/predict.h"
#include "store/store.h"
#include "util/units.h"

static const char usage_text[] =
    "usage: presize predict [--json] [--db PATH] [--model FILE] [--lang L] [--libs a,b]\n"
    "                       [--algo TYPE] [--input-bytes N] [FILE]\n"
    "\n"
    "Predicts CPU, memory, network and time before code runs, with upper bounds that hold for\n"
    "the model's coverage (default 95%) of runs, the complexity score (low, medium, high: the\n"
    "smallest profile tier covering the memory bound and the predicted CPU and bandwidth) and\n"
    "the allocation presize would request (the upper bounds, rounded up).\n"
    "\n"
    "  --lang L          language (python, javascript, c, java; FILE's is detected otherwise)\n"
    "  --libs a,b        libraries the code uses (FILE's imports known to the model otherwise)\n"
    "  --algo TYPE       algorithm type: sorting searching graph dynamic_programming matrix\n"
    "                    string regex hashing compression json image recursion allocation\n"
    "                    multithreaded file_io network_io\n"
    "  --input-bytes N   size of the input the code reads (256Mi, 1e6, ...)\n"
    "  FILE              the code: adds its static analysis (mode \"code\"), and its history\n"
    "                    when the store has runs of the same code (mode \"history\")\n"
    "  --model FILE      the model (default: the store's latest, else the shipped one)\n"
    "  --db PATH         the store (default: $PRESIZE_DB, else /var/lib/presize/presize.db)\n"
    "  --json            one JSON object on stdout\n"
    "\n"
    "Exit status: 0 done, 1 failure (unreadable or mismatched model, unreadable FILE),\n"
    "2 bad usage.\n";

#define bad_usage(msg, arg) cli_usage_error("predict", usage_text, msg, arg)

static int print_json(const struct oneshot *o)
{
        json_t *j = oneshot_to_json(o);
        int r = j ? json_dumpf(j, stdout, JSON_REAL_PRECISION(6)) : -1;
        json_decref(j);
        putchar('\n');
        return r < 0 ? 1 : 0;
}

static void print_table(const struct demand *d, const struct tier *t, const char *score,
                        const struct alloc *a, bool gpu, const char *lang, double coverage)
{
        char p[32], u[32], al[32];
        printf("mode %s%s%s%s, complexity %s (tier %s)\n", mode_names[d->mode], lang ? " (" : "",
               lang ? lang : "", lang ? ")" : "", score, t->name);
        printf("%-12s %12s %12s %12s\n", "resource", "predicted", "upper", "allocation");
        printf("%-12s %12s %12s %12s\n", "cpu",
               fmt_cpu((uint64_t)(d->cpu_millicores.point + .5), p, sizeof(p)),
               fmt_cpu((uint64_t)(d->cpu_millicores.upper + .5), u, sizeof(u)),
               fmt_cpu(a->cpu_millicores, al, sizeof(al)));
        printf("%-12s %12s %12s %12s\n", "memory",
               fmt_bytes((uint64_t)d->memory_bytes.point, p, sizeof(p)),
               fmt_bytes((uint64_t)d->memory_bytes.upper, u, sizeof(u)),
               fmt_bytes(a->memory_bytes, al, sizeof(al)));
        printf("%-12s %12s %12s %12s\n", "network",
               d->net_rate_bps.point > 0 ? fmt_rate((uint64_t)d->net_rate_bps.point, p, sizeof(p))
                                         : "none",
               d->net_rate_bps.upper > 0 ? fmt_rate((uint64_t)d->net_rate_bps.upper, u, sizeof(u))
                                         : "none",
               a->net_rate_bps ? fmt_rate(a->net_rate_bps, al, sizeof(al)) : "none");
        printf("%-12s %12s %12s\n", "cpu time",
               fmt_duration((uint64_t)(d->cpu_seconds.point * 1e9), p, sizeof(p)),
               fmt_duration((uint64_t)(d->cpu_seconds.upper * 1e9), u, sizeof(u)));
        printf("%-12s %12s %12s\n", "wall time",
               fmt_duration((uint64_t)(d->wall_seconds.point * 1e9), p, sizeof(p)),
               fmt_duration((uint64_t)(d->wall_seconds.upper * 1e9), u, sizeof(u)));
        if (d->mode == MODE_HISTORY)
                printf("gpu: %s; blended with this code's measured runs (upper bound at least "
                       "10%% over the largest)\n",
                       gpu ? "yes" : "no");
        else
                printf("gpu: %s; upper bounds hold for %.0f%% of runs (cross-conformal)\n",
                       gpu ? "yes" : "no", coverage * 100);
        if (d->low_confidence)
                printf("low confidence: the language, an algorithm type or a library is unknown "
                       "to the model\n");
}

int cmd_predict(int argc, char **argv)
{
        enum { OPT_DB = 256, OPT_MODEL, OPT_LANG, OPT_LIBS, OPT_ALGO, OPT_INPUT, OPT_JSON };
        static const struct option opts[] = {
            {"db", required_argument, NULL, OPT_DB},
            {"model", required_argument, NULL, OPT_MODEL},
            {"lang", required_argument, NULL, OPT_LANG},
            {"libs", required_argument, NULL, OPT_LIBS},
            {"algo", required_argument, NULL, OPT_ALGO},
            {"input-bytes", required_argument, NULL, OPT_INPUT},
            {"json", no_argument, NULL, OPT_JSON},
            {"help", no_argument, NULL, 'h'},
            {NULL, 0, NULL, 0},
        };
        const char *db = NULL, *model_path = NULL, *file = NULL;
        struct notification n = {0};
        bool json = false;
        int c;
        opterr = 0;
        optind = 1;
        while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
                switch (c) {
                case OPT_DB:
                        db = optarg;
                        break;
                case OPT_MODEL:
                        model_path = optarg;
                        break;
                case OPT_LANG:
                        n.language = optarg;
                        break;
                case OPT_LIBS:
                        n.libraries = optarg;
                        break;
                case OPT_ALGO:
                        n.algorithm = optarg;
                        break;
                case OPT_INPUT:
                        if (parse_bytes(optarg, &n.input_bytes) < 0)
                                return bad_usage("--input-bytes takes a size (1048576, 256Mi, "
                                                 "1e6)",
                                                 optarg);
                        break;
                case OPT_JSON:
                        json = true;
                        break;
                case 'h':
                        fputs(usage_text, stdout);
                        return 0;
                default:
                        return bad_usage(optopt ? "option needs a value" : "unknown option",
                                         argv[optind - 1]);
                }
        }
        if (optind < argc)
                file = argv[optind++];
        if (optind < argc)
                return bad_usage("one FILE at most", argv[optind]);
        if (!file && !n.language && !n.algorithm && !n.libraries && !n.input_bytes)
                return bad_usage("nothing to predict from: give FILE or metadata (--lang, "
                                 "--algo, --libs, --input-bytes)",
                                 NULL);

        struct oneshot_request rq = {
            .cmd = "predict", .db = db, .model_path = model_path, .file = file, .n = n};
        struct oneshot o;
        int status = oneshot_predict(&rq, &o);
        if (status)
                return status;
        if (json)
                status = print_json(&o);
        else
                print_table(&o.demand, &o.tier, o.score, &o.alloc, o.gpu, o.language, o.coverage);
        oneshot_free(&o);
        return status;
}
