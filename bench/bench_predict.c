/* Prediction throughput: bench_predict [--model FILE] [--train RUNS.jsonl] [--rounds N]
 *
 * On one core (pinned to the first CPU of the affinity it is started with), measured in this
 * thread's CPU time (on a shared machine the wall clock also counts other jobs' turns; it is
 * printed too): metadata predictions per second, one at a time (notification
 * -> metadata vector -> 5 regressors -> demand) and in batches (tree-major over 1024 rows);
 * analyse + predict latency (p50, p99) of a 200-line Python file; and the training time, on
 * RUNS.jsonl (the corpus export) when given, else on a synthetic set of the corpus's size.
 * Aims (issue 4): >= 50,000 metadata predictions/s/core; analyse + predict of a 200-line file
 * under 1 ms. */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "predict/predict.h"
#include "util/cleanup.h"
#include "util/fsutil.h"

static uint64_t rng = 0x9e3779b97f4a7c15ULL;
static double urand(void)
{
        rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
        return (double)(rng >> 11) / 9007199254740992.0;
}

static const char *const langs[] = {"python", "javascript", "c", "java"};
static const char *const algos[] = {"sorting", "graph", "matrix", "hashing", "string", "json"};
static const char *const libs[] = {"", "numpy", "zlib", "re,json", "pthread"};

/* A synthetic dataset the size of the corpus (1,600 runs of 200 programs). */
static void synth(struct dataset *d)
{
        for (int p = 0; p < 200; p++) {
                for (int s = 0; s < 8; s++) {
                        struct row r = {0};
                        snprintf(r.program, sizeof(r.program), "p%d", p);
                        snprintf(r.language, sizeof(r.language), "%s", langs[p % 4]);
                        snprintf(r.algorithm, sizeof(r.algorithm), "%s", algos[p % 6]);
                        snprintf(r.libraries, sizeof(r.libraries), "%s", libs[p % 5]);
                        r.input_bytes = (p % 7 == 0) ? 1000ULL << s : 0;
                        struct notification n = {r.language, r.libraries, r.algorithm,
                                                 r.input_bytes};
                        meta_vector(&n, r.meta);
                        r.code = malloc(code_len() * sizeof(double));
                        double f[256];
                        for (size_t i = 0; i < code_features_len() && i < 256; i++)
                                f[i] = (double)((p * 31 + (int)i * 7) % 20);
                        double size = 1000.0 * pow(2, s), lit[LIT_LEN] = {log10(size), 5, 2, 0};
                        code_vector(r.meta, f, code_features_len(), lit, r.code);
                        double noise = exp(0.1 * (urand() - 0.5));
                        r.y[T_MEMORY] = (10e6 + 50 * size * (1 + p % 3)) * noise;
                        r.y[T_CPU] = (30 + size * 0.01 * (1 + p % 5)) * noise;
                        r.y[T_CORES] = 1000 * noise;
                        r.y[T_NET] = p % 9 == 0 ? size * 100 : 0;
                        r.y[T_WALL] = r.y[T_CPU] * 1.2;
                        dataset_add_one(d, &r);
                }
        }
}

static char *python_file(size_t *len)
{
        /* 200 lines: helpers, loops, a class, a comprehension, the size as a literal */
        size_t cap = 16384, n = 0;
        char *s = malloc(cap);
        n += (size_t)snprintf(s + n, cap - n, "import json\nimport re\n\nN = 250000\n\n");
        for (int f = 0; n < cap - 512; f++) {
                n += (size_t)snprintf(s + n, cap - n,
                                      "def helper_%d(xs, k=%d):\n"
                                      "    total = 0\n"
                                      "    for i, x in enumerate(xs):\n"
                                      "        if x %% 3 == 0 and i > k:\n"
                                      "            total += x * i\n"
                                      "        elif x %% 5 == 1:\n"
                                      "            total -= helper_%d(xs[:2], k) if k > 1 else 0\n"
                                      "    return [y * 2 for y in xs if y > total][:10]\n\n",
                                      f, f + 1, f);
                if (f == 20)
                        break;
        }
        n += (size_t)snprintf(s + n, cap - n,
                              "class Store:\n    def __init__(self):\n        self.d = {}\n\n"
                              "    def put(self, k, v):\n        self.d[k] = v\n\n"
                              "data = list(range(N))\nprint(helper_0(data))\n");
        *len = n;
        return s;
}

static uint64_t cpu_ns(void);
static int cmp_u64(const void *a, const void *b);

#ifdef HAVE_ANALYZE
#include <tree_sitter/api.h>
const TSLanguage *tree_sitter_python(void);

/* The baseline: tree-sitter's parse of the same text and the tree's deletion, nothing else. */
static double bare_parse_p50(const char *src, size_t len)
{
        enum { RUNS = 2000 };
        static uint64_t lat[RUNS];
        TSParser *p = ts_parser_new();
        if (!p || !ts_parser_set_language(p, tree_sitter_python())) {
                ts_parser_delete(p);
                return NAN;
        }
        for (int i = 0; i < RUNS; i++) {
                uint64_t a = cpu_ns();
                TSTree *t = ts_parser_parse_string(p, NULL, src, (uint32_t)len);
                ts_tree_delete(t);
                lat[i] = cpu_ns() - a;
        }
        ts_parser_delete(p);
        qsort(lat, RUNS, sizeof(lat[0]), cmp_u64);
        return (double)lat[RUNS / 2] / 1e6;
}
#endif
static int cmp_double(const void *a, const void *b)
{
        double x = *(const double *)a, y = *(const double *)b;
        return (x > y) - (x < y);
}

/* The same on real files of about 200 lines: every module of the Python standard library with
 * 180 to 220 lines (REAL_DIR), each analysed and predicted REAL_RUNS times; the p50 per file,
 * then the median and the largest of those over the files. */
#define REAL_DIR  "/usr/lib/python3.11"
#define REAL_RUNS 300
static void real_files(struct analyzer *an, const struct model *m, double *v)
{
        _cleanup_closedir_ DIR *dir = opendir(REAL_DIR);
        if (!dir) {
                printf("real 200-line files: %s not found\n", REAL_DIR);
                return;
        }
        static uint64_t lat[REAL_RUNS];
        double p50s[64];
        size_t nf = 0, bytes = 0;
        struct dirent *de;
        while ((de = readdir(dir)) && nf < ARRAY_SIZE(p50s)) {
                size_t nl = strlen(de->d_name);
                if (nl < 4 || strcmp(de->d_name + nl - 3, ".py"))
                        continue;
                char path[512];
                snprintf(path, sizeof(path), "%s/%s", REAL_DIR, de->d_name);
                _cleanup_free_ char *src = NULL;
                size_t len = 0;
                if (read_whole_file(path, 1 << 20, &src, &len, NULL) < 0)
                        continue;
                size_t lines = 0;
                for (size_t i = 0; i < len; i++)
                        lines += src[i] == '\n';
                if (lines < 180 || lines > 220)
                        continue;
                struct notification n = {"python", "", "string", 0};
                int r = 0;
                for (int i = 0; i < REAL_RUNS && r == 0; i++) {
                        uint64_t a = cpu_ns();
                        struct code_input in = {
                            .path = path, .lang = "python", .src = src, .len = len};
                        struct demand dm;
                        r = code_from_source(an, &in, &n, v, NULL, NULL);
                        if (r == 0)
                                r = model_predict(m, &n, v, &dm);
                        lat[i] = cpu_ns() - a;
                }
                if (r < 0)
                        continue;
                qsort(lat, REAL_RUNS, sizeof(lat[0]), cmp_u64);
                p50s[nf++] = (double)lat[REAL_RUNS / 2] / 1e6;
                bytes += len;
        }
        if (nf == 0) {
                printf("real 200-line files: none of 180-220 lines in %s\n", REAL_DIR);
                return;
        }
        qsort(p50s, nf, sizeof(p50s[0]), cmp_double);
        printf("analyse + predict, real 200-line files (the %zu modules of %s with 180-220 "
               "lines, %.0f bytes on average), CPU time: median of the files' p50 %.3f ms, "
               "slowest file %.3f ms\n",
               nf, REAL_DIR, (double)bytes / (double)nf, p50s[nf / 2], p50s[nf - 1]);
}

/* CPU time of this thread: on a shared machine, wall time counts other jobs' turns too. */
static uint64_t cpu_ns(void)
{
        struct timespec ts;
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static int cmp_u64(const void *a, const void *b)
{
        uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
        return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
        const char *model_path = NULL, *train_path = NULL;
        unsigned rounds = 0;
        for (int i = 1; i < argc; i++) {
                if (!strcmp(argv[i], "--model") && i + 1 < argc)
                        model_path = argv[++i];
                else if (!strcmp(argv[i], "--train") && i + 1 < argc)
                        train_path = argv[++i];
                else if (!strcmp(argv[i], "--rounds") && i + 1 < argc)
                        rounds = (unsigned)atoi(argv[++i]);
                else {
                        fprintf(stderr, "usage: bench_predict [--model FILE] [--train "
                                        "RUNS.jsonl] [--rounds N]\n");
                        return 2;
                }
        }
        /* one core: the first of those we may run on (so `taskset -c 1` picks it) */
        cpu_set_t set;
        int core = 0;
        if (sched_getaffinity(0, sizeof(set), &set) == 0)
                while (core < CPU_SETSIZE - 1 && !CPU_ISSET(core, &set))
                        core++;
        CPU_ZERO(&set);
        CPU_SET(core, &set);
        sched_setaffinity(0, sizeof(set), &set);

        struct dataset d = {0};
        if (train_path) {
                size_t line = 0;
                int r = dataset_from_jsonl(train_path, &d, &line);
                if (r < 0) {
                        fprintf(stderr, "bench_predict: %s: %s\n", train_path, strerror(-r));
                        return 1;
                }
        } else {
                synth(&d);
        }
        struct train_opts o;
        train_opts_default(&o);
        if (rounds)
                o.gbt.rounds = rounds;
        struct model *m = NULL;
        uint64_t t0 = now_ns();
        int r = model_train(&d, NULL, 0, &o, &m);
        double train_s = (double)(now_ns() - t0) / 1e9;
        if (r < 0) {
                fprintf(stderr, "bench_predict: training failed: %s\n", strerror(-r));
                return 1;
        }
        printf("training: %zu runs (%s), 5 targets, both modes, candidates fitted on %u inner "
               "folds and refitted (cross-conformal), one thread: %.2f s\n",
               d.n, train_path ? train_path : "synthetic, corpus-sized", o.calib_folds, train_s);
        if (model_path) {
                model_free(m);
                const char *why = NULL;
                r = model_load_file(model_path, &m, &why);
                if (r < 0) {
                        fprintf(stderr, "bench_predict: %s: %s\n", model_path,
                                why ? why : strerror(-r));
                        return 1;
                }
        }
        size_t nodes = 0;
        (void)nodes;

        /* metadata, one at a time */
        enum { NOTES = 1024 };
        struct notification notes[NOTES];
        for (int i = 0; i < NOTES; i++)
                notes[i] = (struct notification){langs[i % 4], libs[i % 5], algos[i % 6],
                                                 (uint64_t)(urand() * 1e8)};
        size_t iters = 200000;
        double sink = 0;
        t0 = now_ns();
        uint64_t c0 = cpu_ns();
        for (size_t i = 0; i < iters; i++) {
                struct demand dm;
                model_predict(m, &notes[i % NOTES], NULL, &dm);
                sink += dm.memory_bytes.upper;
        }
        double single = (double)iters / ((double)(cpu_ns() - c0) / 1e9);
        double single_wall = (double)iters / ((double)(now_ns() - t0) / 1e9);
        printf("metadata predictions, one at a time: %.0f per CPU-second of one core (%.2f us "
               "each); %.0f/s by the wall clock\n",
               single, 1e6 / single, single_wall);

        /* metadata, batches of 1024 (vectors built, 5 targets, tree-major) */
        _cleanup_free_ float *X = malloc(NOTES * META_LEN * sizeof(float));
        _cleanup_free_ float *out = malloc(NOTES * sizeof(float));
        double meta[META_LEN];
        size_t batches = 200;
        c0 = cpu_ns();
        for (size_t b = 0; b < batches; b++) {
                for (int i = 0; i < NOTES; i++) {
                        meta_vector(&notes[i], meta);
                        for (int k = 0; k < META_LEN; k++)
                                X[i * META_LEN + k] = (float)meta[k];
                }
                for (int t = 0; t < T__COUNT; t++) {
                        gbt_predict_batch(m->t[MODE_METADATA][t].gbt, X, NOTES, out);
                        sink += out[b % NOTES];
                }
        }
        double batch = (double)(batches * NOTES) / ((double)(cpu_ns() - c0) / 1e9);
        printf("metadata predictions, batches of %d: %.0f per CPU-second of one core\n", NOTES,
               batch);

        /* analyse + predict a 200-line Python file */
        size_t len;
        _cleanup_free_ char *src = python_file(&len);
        size_t lines = 0;
        for (size_t i = 0; i < len; i++)
                lines += src[i] == '\n';
        struct analyzer *an = NULL;
        if (code_analyzer_new(&an) == 0) {
                enum { RUNS = 2000 };
                static uint64_t lat[RUNS];
                _cleanup_free_ double *v = malloc(code_len() * sizeof(double));
                struct notification n = {"python", "json,re", "sorting", 0};
                for (int i = 0; i < RUNS; i++) {
                        uint64_t a = cpu_ns();
                        struct code_input in = {
                            .path = "bench.py", .lang = "python", .src = src, .len = len};
                        struct demand dm;
                        r = code_from_source(an, &in, &n, v, NULL, NULL);
                        if (r == 0)
                                r = model_predict(m, &n, v, &dm);
                        lat[i] = cpu_ns() - a;
                        if (r < 0) {
                                fprintf(stderr, "bench_predict: analyse: %s\n", code_strerror(r));
                                break;
                        }
                        sink += dm.memory_bytes.point;
                }
                qsort(lat, RUNS, sizeof(lat[0]), cmp_u64);
                printf("analyse + predict, %zu-line Python file (%zu bytes), CPU time: p50 %.3f "
                       "ms, p99 %.3f ms\n",
                       lines, len, (double)lat[RUNS / 2] / 1e6, (double)lat[RUNS * 99 / 100] / 1e6);
                /* the two parts apart: the analyser's parse and walk, and the code-mode trees */
                for (int i = 0; i < RUNS; i++) {
                        uint64_t a = cpu_ns();
                        struct code_input in = {
                            .path = "bench.py", .lang = "python", .src = src, .len = len};
                        code_from_source(an, &in, &n, v, NULL, NULL);
                        lat[i] = cpu_ns() - a;
                }
                qsort(lat, RUNS, sizeof(lat[0]), cmp_u64);
                double p50_an = (double)lat[RUNS / 2] / 1e6;
                for (int i = 0; i < RUNS; i++) {
                        uint64_t a = cpu_ns();
                        struct demand dm;
                        model_predict(m, &n, v, &dm);
                        lat[i] = cpu_ns() - a;
                        sink += dm.cpu_seconds.point;
                }
                qsort(lat, RUNS, sizeof(lat[0]), cmp_u64);
                printf("  of which: analyse (tree-sitter parse + metrics + literals) p50 %.3f ms; "
                       "code-mode prediction p50 %.3f ms\n",
                       p50_an, (double)lat[RUNS / 2] / 1e6);
#ifdef HAVE_ANALYZE
                printf("  baseline: tree-sitter's bare parse and delete of the same file p50 %.3f "
                       "ms\n",
                       bare_parse_p50(src, len));
#endif
                real_files(an, m, v);
                code_analyzer_free(an);
        } else {
                printf("analyse + predict: built without the analyser\n");
        }
        printf("aims: >= 50000 metadata predictions/s/core: %s; analyse + predict < 1 ms: see "
               "p50 above\n",
               single >= 50000 ? "met" : "NOT met");
        if (sink == 42.4242)
                printf("\n");
        model_free(m);
        dataset_free(&d);
        return 0;
}
