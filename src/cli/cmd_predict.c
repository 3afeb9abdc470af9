/* presize predict [--json] [--db PATH] [--model FILE] [--lang L] [--libs a,b] [--algo TYPE]
 *                 [--input-bytes N] [--coverage-note] [FILE]
 *
 * Predicts what code will need before it runs: from a notification's metadata alone, or with the
 * code (FILE) analysed too, or, when the same code has run before, blended with its history.
 * Prints the demand (point and calibrated upper bound per resource), the complexity score (the
 * smallest profile tier covering the bounds) and the tailored allocation. */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "predict/locate.h"
#include "predict/predict.h"
#include "store/sha256.h"
#include "store/store.h"
#include "util/cleanup.h"
#include "util/units.h"

#define MAX_TIERS   16
#define MAX_HISTORY 32

static const char usage_text[] =
    "usage: presize predict [--json] [--db PATH] [--model FILE] [--lang L] [--libs a,b]\n"
    "                       [--algo TYPE] [--input-bytes N] [FILE]\n"
    "\n"
    "Predicts CPU, memory, network and time before code runs, with upper bounds that hold for\n"
    "the model's coverage (default 95%) of runs, the complexity score (low, medium, high: the\n"
    "smallest profile tier covering the bounds) and the allocation presize would request.\n"
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

static json_t *est_json(struct estimate e, bool integer)
{
        json_t *o = json_object();
        if (integer) {
                json_object_set_new(o, "point", json_integer((json_int_t)(e.point + 0.5)));
                json_object_set_new(o, "upper", json_integer((json_int_t)(e.upper + 0.5)));
        } else {
                json_object_set_new(o, "point", json_real(e.point));
                json_object_set_new(o, "upper", json_real(e.upper));
        }
        return o;
}

static int print_json(const struct demand *d, const struct tier *t, const char *score,
                      const struct alloc *a, bool gpu)
{
        json_t *o = json_object();
        json_object_set_new(o, "tier", json_string(t->name));
        json_object_set_new(o, "complexity_score", json_string(score));
        json_object_set_new(o, "mode", json_string(mode_names[d->mode]));
        json_object_set_new(o, "low_confidence", json_boolean(d->low_confidence));
        json_t *dm = json_object();
        json_object_set_new(dm, "cpu_millicores", est_json(d->cpu_millicores, true));
        json_object_set_new(dm, "memory_bytes", est_json(d->memory_bytes, true));
        json_object_set_new(dm, "net_rate_bps", est_json(d->net_rate_bps, true));
        json_object_set_new(dm, "cpu_seconds", est_json(d->cpu_seconds, false));
        json_object_set_new(dm, "wall_seconds", est_json(d->wall_seconds, false));
        json_object_set_new(o, "demand", dm);
        json_t *al = json_object();
        json_object_set_new(al, "cpu_millicores", json_integer((json_int_t)a->cpu_millicores));
        json_object_set_new(al, "memory_bytes", json_integer((json_int_t)a->memory_bytes));
        json_object_set_new(al, "net_rate_bps", json_integer((json_int_t)a->net_rate_bps));
        json_object_set_new(al, "gpu", json_boolean(gpu));
        json_object_set_new(o, "allocation", al);
        int r = json_dumpf(o, stdout, JSON_REAL_PRECISION(6));
        json_decref(o);
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
                printf("gpu: %s; upper bounds hold for %.0f%% of runs (split conformal)\n",
                       gpu ? "yes" : "no", coverage * 100);
        if (d->low_confidence)
                printf("low confidence: the language, an algorithm type or a library is unknown "
                       "to the model\n");
}

static int read_source(const char *path, char **out, size_t *len)
{
        FILE *f = fopen(path, "re");
        if (!f)
                return -errno;
        size_t cap = 65536, n = 0;
        char *buf = malloc(cap);
        int ret = buf ? 0 : -ENOMEM;
        size_t got;
        while (ret == 0 && (got = fread(buf + n, 1, cap - n, f)) > 0) {
                n += got;
                if (n < cap)
                        continue;
                char *nb = cap < (64u << 20) ? realloc(buf, cap * 2) : NULL;
                if (!nb) {
                        ret = cap < (64u << 20) ? -ENOMEM : -EFBIG;
                        break;
                }
                buf = nb;
                cap *= 2;
        }
        if (ret == 0 && ferror(f))
                ret = -EIO;
        fclose(f);
        if (ret < 0) {
                free(buf);
                return ret;
        }
        *len = n;
        *out = buf;
        return 0;
}

/* The file's imports that the model has seen, comma-separated, into buf. */
static void known_imports(const struct model *m, const char *imports, char *buf, size_t len)
{
        buf[0] = '\0';
        for (const char *p = imports; p && *p;) {
                const char *e = strchr(p, ',');
                size_t l = e ? (size_t)(e - p) : strlen(p);
                char name[128];
                snprintf(name, sizeof(name), "%.*s", (int)l, p);
                if (model_knows(&m->libraries, name)) {
                        size_t cur = strlen(buf);
                        snprintf(buf + cur, len - cur, "%s%s", cur ? "," : "", name);
                }
                p = e ? e + 1 : p + l;
        }
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

        /* The store: the one named, or the default one when it exists (predicting never
         * creates a store). */
        struct store *s = NULL;
        const char *path = db ? db : store_default_path();
        if (db || access(path, F_OK) == 0) {
                int st = cli_open_store("predict", path, &s);
                if (st && db)
                        return st;
        }
        struct model *m = NULL;
        const char *why = NULL;
        int r;
        if (model_path) {
                r = model_load_file(model_path, &m, &why);
                if (r < 0) {
                        fprintf(stderr, "presize predict: cannot use the model %s: %s\n",
                                model_path, why ? why : strerror(-r));
                        store_close(s);
                        return 1;
                }
        } else {
                r = s ? model_from_store(s, &m, &why) : -ENOENT;
                if (r < 0 && r != -ENOENT) {
                        fprintf(stderr, "presize predict: the store's model is unusable (%s)\n",
                                why ? why : strerror(-r));
                        store_close(s);
                        return 1;
                }
                if (r == -ENOENT) {
                        char shipped[4096];
                        r = model_shipped(&m, shipped, sizeof(shipped), &why);
                        if (r == -ENOENT) {
                                fprintf(stderr,
                                        "presize predict: no model: the store has none and no "
                                        "shipped models/default.json was found; run 'presize "
                                        "train' or give --model FILE\n");
                                store_close(s);
                                return 1;
                        }
                        if (r < 0) {
                                fprintf(stderr,
                                        "presize predict: the shipped model %s is "
                                        "unusable: %s\n",
                                        shipped, why ? why : strerror(-r));
                                store_close(s);
                                return 1;
                        }
                        fprintf(stderr,
                                "presize predict: the store has no model: using the "
                                "shipped model (%s)\n",
                                shipped);
                }
        }

        struct demand d = {0};
        const char *lang_used = n.language;
        char libs_buf[1024];
        if (file) {
                _cleanup_free_ char *src = NULL;
                size_t len = 0;
                r = read_source(file, &src, &len);
                if (r < 0) {
                        fprintf(stderr, "presize predict: cannot read %s: %s\n", file,
                                strerror(-r));
                        model_free(m);
                        store_close(s);
                        return 1;
                }
                _cleanup_free_ double *v = calloc(code_len(), sizeof(double));
                struct analyzer *an = NULL;
                _cleanup_free_ char *imports = NULL;
                const char *detected = NULL;
                r = v ? code_analyzer_new(&an) : -ENOMEM;
                if (r == 0) {
                        struct code_input in = {
                            .path = file, .lang = n.language, .src = src, .len = len};
                        r = code_from_source(an, &in, &n, v, &detected, &imports);
                        code_analyzer_free(an);
                }
                if (r == 0) {
                        if (!n.language)
                                n.language = lang_used = detected;
                        if (!n.libraries && imports) {
                                known_imports(m, imports, libs_buf, sizeof(libs_buf));
                                if (libs_buf[0]) {
                                        n.libraries = libs_buf;
                                        /* the library bag changes: so does the metadata
                                         * block that leads the code vector */
                                        double meta[META_LEN];
                                        meta_vector(&n, meta);
                                        memcpy(v, meta, sizeof(meta));
                                }
                        }
                        r = model_predict(m, &n, v, &d);
                } else {
                        fprintf(stderr,
                                "presize predict: cannot analyse %s (%s): predicting from the "
                                "metadata only\n",
                                file,
                                r == -ENOPKG ? "unknown language; give --lang" : code_strerror(r));
                        r = model_predict(m, &n, NULL, &d);
                        d.low_confidence = true;
                }
                if (r == 0 && s) {
                        char hex[SHA256_HEX_LEN];
                        sha256_hex(src, len, hex);
                        struct usage hist[MAX_HISTORY];
                        size_t nh = 0;
                        if (store_runs_by_hash(s, hex, hist, MAX_HISTORY, &nh) == 0 && nh > 0)
                                demand_blend_history(&d, m, hist, nh);
                }
        } else {
                r = model_predict(m, &n, NULL, &d);
        }
        if (r < 0) {
                fprintf(stderr, "presize predict: prediction failed: %s\n", strerror(-r));
                model_free(m);
                store_close(s);
                return 1;
        }

        struct tier tiers[MAX_TIERS];
        size_t nt = 0;
        if (!s || store_tiers_list(s, tiers, MAX_TIERS, &nt) < 0 || nt == 0)
                nt = default_tiers(tiers, MAX_TIERS);
        size_t ti = tier_for(tiers, nt, &d);
        const char *score = complexity_score(tiers, nt, ti);
        struct alloc a = {0};
        bool gpu = false;
        allocation_for(&d, &tiers[ti], &a, &gpu);
        int status = 0;
        if (json)
                status = print_json(&d, &tiers[ti], score, &a, gpu);
        else
                print_table(&d, &tiers[ti], score, &a, gpu, lang_used, m->coverage);
        model_free(m);
        store_close(s);
        return status;
}
