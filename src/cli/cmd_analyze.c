/* presize analyze [--lang L] [--json] [--functions] [--jobs N] [--max-size SIZE] PATH...
 *
 * Analyses source files (directories are walked; what is not source is skipped) and prints a
 * summary per file, or one JSON object per file (JSON Lines). Files are analysed by a pool of
 * threads and printed in the order they were found. Exit status: 0 every path analysed, 1 some
 * could not be (each said on stderr), 2 bad usage. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analyze/analyze.h"
#include "analyze/lang.h"
#include "cli/cli.h"
#include "util/cleanup.h"
#include "util/units.h"

#define TOP_FUNCTIONS 5
#define MAX_JOBS      256

struct item {
        char *path;
        const struct lang *lang; /* forced (--lang) or NULL: detect */
        char *output;            /* what to print on stdout, owned */
        char *error;             /* what to print on stderr, owned */
        bool done;
};

struct run {
        struct item *items;
        size_t n, cap;
        bool json, functions;
        struct analyzer_opts opts;
        /* work distribution and in-order printing */
        pthread_mutex_t lock;
        pthread_cond_t cond;
        size_t next;
};

static int add_item(struct run *r, const char *path, const struct lang *lang)
{
        if (r->n == r->cap) {
                size_t nc = r->cap ? r->cap * 2 : 64;
                struct item *ni = reallocarray(r->items, nc, sizeof(*ni));
                if (!ni)
                        return -ENOMEM;
                r->items = ni;
                r->cap = nc;
        }
        char *p = strdup(path);
        if (!p)
                return -ENOMEM;
        r->items[r->n++] = (struct item){.path = p, .lang = lang};
        return 0;
}

static int cmp_str(const void *a, const void *b)
{
        return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Walk a directory without recursion in C: a worklist of directories. Symlinks are not
 * followed, hidden entries are skipped, files are kept when their extension names a language
 * (the forced one, with --lang). Entries are sorted so output order is stable. */
static int add_dir(struct run *r, const char *root, const struct lang *forced)
{
        _cleanup_free_ char **todo = NULL;
        size_t n_todo = 0, cap_todo = 0;
        int ret = 0;
        char *first = strdup(root);
        if (!first)
                return -ENOMEM;
        todo = malloc(sizeof(*todo) * 16);
        if (!todo) {
                free(first);
                return -ENOMEM;
        }
        cap_todo = 16;
        todo[n_todo++] = first;
        while (n_todo > 0) {
                _cleanup_free_ char *dir = todo[--n_todo];
                _cleanup_closedir_ DIR *d = opendir(dir);
                if (!d) {
                        fprintf(stderr, "presize analyze: %s: %s\n", dir, strerror(errno));
                        ret = -EIO;
                        continue;
                }
                char **names = NULL;
                size_t nn = 0, cn = 0;
                struct dirent *de;
                while ((de = readdir(d))) {
                        if (de->d_name[0] == '.')
                                continue;
                        if (nn == cn) {
                                cn = cn ? cn * 2 : 32;
                                char **t = reallocarray(names, cn, sizeof(*t));
                                if (!t)
                                        goto nomem;
                                names = t;
                        }
                        if (!(names[nn] = strdup(de->d_name)))
                                goto nomem;
                        nn++;
                }
                qsort(names, nn, sizeof(*names), cmp_str);
                /* directories pushed in reverse so they pop in order */
                for (size_t i = nn; i-- > 0;) {
                        _cleanup_free_ char *full = NULL;
                        if (asprintf(&full, "%s/%s", dir, names[i]) < 0)
                                goto nomem;
                        struct stat st;
                        if (lstat(full, &st) < 0 || !S_ISDIR(st.st_mode))
                                continue;
                        if (n_todo == cap_todo) {
                                char **t = reallocarray(todo, cap_todo * 2, sizeof(*t));
                                if (!t)
                                        goto nomem;
                                todo = t;
                                cap_todo *= 2;
                        }
                        todo[n_todo++] = steal_ptr(full);
                }
                for (size_t i = 0; i < nn; i++) {
                        _cleanup_free_ char *full = NULL;
                        if (asprintf(&full, "%s/%s", dir, names[i]) < 0)
                                goto nomem;
                        struct stat st;
                        if (lstat(full, &st) < 0 || !S_ISREG(st.st_mode))
                                continue;
                        const struct lang *l = lang_detect(full, NULL, 0);
                        if (!l || (forced && l != forced))
                                continue;
                        /* detected again from the content when read (.h may be C++) */
                        if (add_item(r, full, forced) < 0)
                                goto nomem;
                }
                for (size_t i = 0; i < nn; i++)
                        free(names[i]);
                free(names);
                continue;
        nomem:
                for (size_t i = 0; i < nn; i++)
                        free(names[i]);
                free(names);
                while (n_todo > 0)
                        free(todo[--n_todo]);
                return -ENOMEM;
        }
        return ret;
}

static char *text_report(const struct analysis *a, const char *path, bool all)
{
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        if (!f)
                return NULL;
        const struct features *x = &a->f;
        fprintf(f,
                "%s (%s): %u lines, %u nloc, %u functions, max CCN %u, max cognitive %u, "
                "max loop depth %u",
                path, a->lang->spec->name, x->lines, x->nloc, x->functions, x->ccn_max,
                x->cognitive_max, x->max_loop_depth);
        if (x->parse_error_ratio > 0)
                fprintf(f, ", %.1f%% in parse errors", 100.0 * x->parse_error_ratio);
        fputc('\n', f);
        fprintf(f,
                "  loops %u (bound: %u literal, %u param, %u data); recursion: %u direct, %u "
                "mutual\n",
                x->loops, x->loop_bound[BOUND_LITERAL], x->loop_bound[BOUND_PARAM],
                x->loop_bound[BOUND_DATA], x->direct_recursion, x->mutual_recursion);
        fprintf(f,
                "  allocations %u (%u of known size, largest %.0f), literals %u (largest %u), "
                "growth in loops %u\n",
                x->allocs, x->allocs_known_size, x->max_alloc_size, x->collection_literals,
                x->max_literal_elems, x->growth_in_loop);
        fprintf(f, "  external calls:");
        for (int i = 0; i < EXT__COUNT; i++)
                fprintf(f, " %s %u (%u in loops)%s", ext_kind_names[i], x->ext_calls[i],
                        x->ext_calls_in_loop[i], i + 1 < EXT__COUNT ? "," : "\n");
        bool any = false;
        for (int i = 0; i < HINT__COUNT; i++)
                if (x->hints[i]) {
                        fprintf(f, "%s %s %u", any ? "," : "  hints:", hint_kind_names[i],
                                x->hints[i]);
                        any = true;
                }
        if (any)
                fputc('\n', f);
        if (a->n_imports) {
                fprintf(f, "  imports:");
                for (size_t i = 0; i < a->n_imports && i < 20; i++)
                        fprintf(f, " %s", a->imports[i]);
                fprintf(f, "%s\n", a->n_imports > 20 ? " ..." : "");
        }
        /* the heaviest functions by CCN (all with --functions), in file order */
        size_t n = a->n_funcs, show = all ? n : (n < TOP_FUNCTIONS ? n : TOP_FUNCTIONS);
        if (show) {
                _cleanup_free_ bool *pick = calloc(n, sizeof(*pick));
                if (pick) {
                        for (size_t k = 0; k < show; k++) {
                                size_t best = SIZE_MAX;
                                for (size_t i = 0; i < n; i++)
                                        if (!pick[i] && (best == SIZE_MAX ||
                                                         a->funcs[i].ccn > a->funcs[best].ccn))
                                                best = i;
                                pick[best] = true;
                        }
                        fprintf(f, "  %5s %5s %5s %5s %6s  %s\n", "ccn", "cog", "loop", "nloc",
                                "params", "function (lines)");
                        for (size_t i = 0; i < n; i++) {
                                const struct func_metrics *fm = &a->funcs[i];
                                if (!pick[i])
                                        continue;
                                fprintf(f, "  %5u %5u %5u %5u %6u  %s (%u-%u)%s\n", fm->ccn,
                                        fm->cognitive, fm->max_loop_depth, fm->nloc, fm->params,
                                        fm->name, fm->start_line, fm->end_line,
                                        fm->recursive_direct   ? " recursive"
                                        : fm->recursive_mutual ? " mutually recursive"
                                                               : "");
                        }
                }
        }
        fclose(f);
        return buf;
}

static void process(struct run *r, struct analyzer *az, struct item *it)
{
        struct analysis a;
        int e = analyze_file(az, it->path, it->lang, &a);
        if (e < 0) {
                if (asprintf(&it->error, "presize analyze: %s: %s\n", it->path,
                             analyze_strerror(e)) < 0)
                        it->error = NULL;
                return;
        }
        if (r->json) {
                json_t *o = analysis_to_json(&a, it->path);
                it->output = o ? json_dumps(o, JSON_COMPACT) : NULL;
                json_decref(o);
        } else {
                it->output = text_report(&a, it->path, r->functions);
        }
        if (!it->output &&
            asprintf(&it->error, "presize analyze: %s: out of memory\n", it->path) < 0)
                it->error = NULL;
        analysis_free(&a);
}

static void *worker(void *arg)
{
        struct run *r = arg;
        struct analyzer *az = NULL;
        int e = analyzer_new(&r->opts, &az);
        for (;;) {
                pthread_mutex_lock(&r->lock);
                size_t i = r->next < r->n ? r->next++ : SIZE_MAX;
                pthread_mutex_unlock(&r->lock);
                if (i == SIZE_MAX)
                        break;
                struct item *it = &r->items[i];
                if (e < 0) {
                        if (asprintf(&it->error, "presize analyze: %s: %s\n", it->path,
                                     strerror(-e)) < 0)
                                it->error = NULL;
                } else {
                        process(r, az, it);
                }
                pthread_mutex_lock(&r->lock);
                it->done = true;
                pthread_cond_broadcast(&r->cond);
                pthread_mutex_unlock(&r->lock);
        }
        analyzer_free(az);
        return NULL;
}

static void usage(FILE *f)
{
        fprintf(f,
                "usage: presize analyze [--lang L] [--json] [--functions] [--jobs N] "
                "[--max-size SIZE] PATH...\n"
                "       presize analyze --features-schema\n"
                "  --lang L         treat every file as language L (%s)\n"
                "  --json           one JSON object per file (JSON Lines)\n"
                "  --functions      list every function, not only the heaviest\n"
                "  --jobs N         analyse with N threads (default: all cores)\n"
                "  --max-size SIZE  skip larger files (default 16Mi)\n"
                "  --features-schema  print the feature vector's names, one a line\n",
                lang_names());
}

int cmd_analyze(int argc, char **argv)
{
        static const struct option longopts[] = {
            {"lang", required_argument, NULL, 'l'},     {"json", no_argument, NULL, 'J'},
            {"functions", no_argument, NULL, 'f'},      {"jobs", required_argument, NULL, 'j'},
            {"max-size", required_argument, NULL, 'm'}, {"features-schema", no_argument, NULL, 'S'},
            {"help", no_argument, NULL, 'h'},           {NULL, 0, NULL, 0},
        };
        struct run r = {.lock = PTHREAD_MUTEX_INITIALIZER, .cond = PTHREAD_COND_INITIALIZER};
        const struct lang *forced = NULL;
        long jobs = sysconf(_SC_NPROCESSORS_ONLN);
        int c;
        optind = 1;
        while ((c = getopt_long(argc, argv, "l:Jfj:m:h", longopts, NULL)) != -1) {
                switch (c) {
                case 'l':
                        forced = lang_by_name(optarg);
                        if (!forced) {
                                fprintf(stderr,
                                        "presize analyze: unknown language '%s' (known: %s)\n",
                                        optarg, lang_names());
                                return 2;
                        }
                        break;
                case 'J':
                        r.json = true;
                        break;
                case 'f':
                        r.functions = true;
                        break;
                case 'j': {
                        char *end;
                        jobs = strtol(optarg, &end, 10);
                        if (*end || jobs < 1 || jobs > MAX_JOBS) {
                                fprintf(stderr, "presize analyze: --jobs wants 1..%d, not '%s'\n",
                                        MAX_JOBS, optarg);
                                return 2;
                        }
                        break;
                }
                case 'm':
                        if (parse_bytes(optarg, &r.opts.max_bytes) < 0 || r.opts.max_bytes == 0) {
                                fprintf(stderr,
                                        "presize analyze: --max-size wants a size such as 16Mi, "
                                        "not '%s'\n",
                                        optarg);
                                return 2;
                        }
                        break;
                case 'S':
                        for (size_t i = 0; i < features_len(); i++)
                                printf("%s\n", features_schema[i]);
                        printf("# version %d\n", FEATURES_VERSION);
                        return 0;
                case 'h':
                        usage(stdout);
                        return 0;
                default:
                        usage(stderr);
                        return 2;
                }
        }
        if (optind >= argc) {
                usage(stderr);
                return 2;
        }
        int status = 0;
        for (int i = optind; i < argc; i++) {
                struct stat st;
                if (stat(argv[i], &st) < 0) {
                        fprintf(stderr, "presize analyze: %s: %s\n", argv[i], strerror(errno));
                        status = 1;
                        continue;
                }
                /* "dir/" and "dir" print the same paths */
                size_t len = strlen(argv[i]);
                while (len > 1 && argv[i][len - 1] == '/')
                        argv[i][--len] = '\0';
                int e = S_ISDIR(st.st_mode) ? add_dir(&r, argv[i], forced)
                                            : add_item(&r, argv[i], forced);
                if (e == -ENOMEM) {
                        fprintf(stderr, "presize analyze: out of memory\n");
                        return 1;
                }
                if (e < 0)
                        status = 1;
        }
        if (jobs > (long)r.n)
                jobs = r.n ? (long)r.n : 1;
        pthread_t tids[MAX_JOBS];
        long started = 0;
        for (long i = 0; i < jobs; i++)
                if (pthread_create(&tids[started], NULL, worker, &r) == 0)
                        started++;
        if (started == 0)
                worker(&r);
        /* print in order as results arrive */
        for (size_t i = 0; i < r.n; i++) {
                pthread_mutex_lock(&r.lock);
                while (!r.items[i].done)
                        pthread_cond_wait(&r.cond, &r.lock);
                pthread_mutex_unlock(&r.lock);
                struct item *it = &r.items[i];
                if (it->output) {
                        fputs(it->output, stdout);
                        if (r.json)
                                fputc('\n', stdout);
                }
                if (it->error) {
                        fflush(stdout);
                        fputs(it->error, stderr);
                        status = 1;
                } else if (!it->output) {
                        status = 1;
                }
                free(it->output);
                free(it->error);
                free(it->path);
                it->output = it->error = it->path = NULL;
        }
        for (long i = 0; i < started; i++)
                pthread_join(tids[i], NULL);
        free(r.items);
        if (fflush(stdout) != 0)
                status = 1;
        return status;
}
