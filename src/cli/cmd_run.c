/* presize run: analyse FILE, predict, create a sandbox of the predicted size, run the code with
 * the control loop (src/control) re-sizing it while it runs, and report predicted vs allocated vs
 * used and the adjustment timeline. The one-shot path of issue 5. */
#include "cli.h"
#include "control/control.h"
#include "control/demand.h"
#include "control/policy.h"
#include "core/report.h"
#include "predict/oneshot.h"
#include "sandbox/sandbox.h"
#include "util/cleanup.h"
#include "util/hostrun.h"
#include "util/units.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <getopt.h>
#include <inttypes.h>
#include <jansson.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_ARGS   64
#define MAX_FILES  64
#define MAX_ADJUST 256

static const char usage_text[] =
    "usage: presize run [--json] [--no-adjust] [--db PATH] [--model FILE] [--policy FILE]\n"
    "                   [--lang L] [--algo TYPE] [--libs a,b] [--timeout T] FILE [-- ARGS...]\n"
    "\n"
    "Analyses FILE, predicts what it needs (as 'presize predict'), creates a sandbox of that\n"
    "size and runs the code in it (python: python3, javascript: node, c: gcc on the host,\n"
    "java: javac on the host, then java) with the control loop re-sizing the sandbox while it\n"
    "runs: a resource used over 1.2x its prediction is raised to 1.5x, a resource crossing its\n"
    "threshold is raised by twice the threshold factor, memory is raised ahead of a growing\n"
    "process by Holt's forecast, and sustained low usage is scaled down (docs/control.md).\n"
    "Prints predicted vs allocated (initial and final) vs used per resource and the\n"
    "adjustments, each with its reason. The sandbox has loopback networking only.\n"
    "\n"
    "  --no-adjust       keep the predicted allocation: no control loop\n"
    "  --policy FILE     the scaling policy, JSON (docs/control.md; default: the built-in one)\n"
    "  --lang L          python, javascript, c or java (default: from FILE's extension)\n"
    "  --algo TYPE       algorithm type, as for 'presize predict'\n"
    "  --libs a,b        libraries the code uses (default: FILE's imports known to the model)\n"
    "  --timeout T       wall-clock limit: 10s, 2m (default: none)\n"
    "  --model FILE      the model (default: the store's latest, else the shipped one)\n"
    "  --db PATH         the store (default: $PRESIZE_DB, else /var/lib/presize/presize.db)\n"
    "  --json            one JSON object on stdout: usage, prediction, allocation_timeline,\n"
    "                    adjustments, policy; the code's stdout goes to stderr\n"
    "  -h, --help        this text\n"
    "\n"
    "Without --json the report goes to stderr, so the code's stdout stays pipeable.\n"
    "Exit status: 0 when the code ran (whatever its own status), 2 on bad usage (including an\n"
    "unreadable FILE, a language run cannot run, an invalid policy, not root), 1 on an internal\n"
    "failure (including a compiler that rejected FILE).\n";

#define bad_usage(msg, arg) cli_usage_error("run", usage_text, msg, arg)
#define fail(status, ...)   cli_fail("run", status, __VA_ARGS__)

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
        interrupted = sig;
}

static uint64_t now_ns(void)
{
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

/* ---- the control loop ---- */

struct adjustment {
        uint64_t at_ns;      /* the sample's time, from exec */
        uint64_t applied_ns; /* when the kernel had the new limit, from exec */
        struct change c;
        int err; /* sandbox_resize's result (0 applied) */
};

struct timeline_point {
        uint64_t at_ns;
        struct alloc a;
};

struct loop {
        bool adjust;
        uint64_t t0;
        struct alloc cur;
        struct control_demand demand;
        const struct policy *policy;
        struct sample_window w;
        size_t n_adj;
        struct adjustment adj[MAX_ADJUST];
        size_t n_tl;
        struct timeline_point tl[MAX_ADJUST + 1];
        uint64_t steps, step_ns;
        uint64_t peak_cores_mc;
};

static int on_sample(struct sandbox *s, const struct sample *smp, void *ctx)
{
        struct loop *L = ctx;
        if (interrupted)
                return 1;
        sample_window_push(&L->w, smp);
        if (!L->adjust)
                return 0;
        struct decision d;
        uint64_t t = now_ns();
        int r = control_step(&L->cur, &L->demand, &L->w, L->policy, &d);
        L->step_ns += now_ns() - t;
        L->steps++;
        if (r < 0 || d.n_changes == 0)
                return 0;
        /* One resource at a time, so that a refused change (a memory shrink below usage) leaves
         * the others applied and the record exact. Every attempt is committed: a refused
         * lowering waits out the cooldown instead of being retried at every sample. */
        bool any = false;
        for (size_t i = 0; i < d.n_changes; i++) {
                struct alloc next = L->cur;
                const struct change *c = &d.changes[i];
                if (c->resource == RES_CPU)
                        next.cpu_millicores = c->to;
                else if (c->resource == RES_MEMORY)
                        next.memory_bytes = c->to;
                else
                        next.net_rate_bps = c->to;
                int e = sandbox_resize(s, &next);
                uint64_t done = now_ns();
                if (e >= 0) {
                        L->cur = next;
                        any = true;
                }
                if (L->n_adj < MAX_ADJUST) {
                        struct adjustment *a = &L->adj[L->n_adj++];
                        a->at_ns = smp->t_ns > L->t0 ? smp->t_ns - L->t0 : 0;
                        a->applied_ns = done > L->t0 ? done - L->t0 : 0;
                        a->c = *c;
                        a->err = e < 0 ? e : 0;
                }
        }
        control_commit(&L->w, &d);
        if (any && L->n_tl < ARRAY_SIZE(L->tl)) {
                L->tl[L->n_tl].at_ns = L->adj[L->n_adj - 1].applied_ns;
                L->tl[L->n_tl++].a = L->cur;
        }
        return 0;
}

/* ---- building the job ---- */

struct files {
        struct job_file f[MAX_FILES];
        char names[MAX_FILES][NAME_MAX + 1];
        size_t n;
};

static void files_free(struct files *fs)
{
        for (size_t i = 0; i < fs->n; i++)
                free((void *)fs->f[i].data);
        fs->n = 0;
}

static int files_add(struct files *fs, const char *name, char *data, size_t len, unsigned mode)
{
        if (fs->n >= MAX_FILES || strlen(name) > NAME_MAX) {
                free(data);
                return -E2BIG;
        }
        snprintf(fs->names[fs->n], sizeof(fs->names[0]), "%s", name);
        fs->f[fs->n] =
            (struct job_file){.name = fs->names[fs->n], .data = data, .len = len, .mode = mode};
        fs->n++;
        return 0;
}

static int files_add_path(struct files *fs, const char *dir, const char *name, unsigned mode)
{
        char path[PATH_MAX];
        char *data;
        size_t len;
        snprintf(path, sizeof(path), "%s/%s", dir, name);
        int r = oneshot_read_source(path, &data, &len);
        if (r < 0)
                return r;
        return files_add(fs, name, data, len, mode);
}

/* Compile C or Java on the host into the job's files. 0, 1 when the compiler rejected the code
 * (first line of its output in why), or -errno. */
static int compile(const char *lang, const char *file, struct files *fs, char *why, size_t len)
{
        char dir[] = "/tmp/presize-run-XXXXXX";
        if (!mkdtemp(dir))
                return -errno;
        _cleanup_close_ int log = memfd_create("presize-compile", MFD_CLOEXEC);
        int r = log < 0 ? -errno : 0;
        if (r == 0 && !strcmp(lang, "c")) {
                char out[sizeof(dir) + 8];
                snprintf(out, sizeof(out), "%s/prog", dir);
                char *argv[] = {"/usr/bin/gcc", "-O2", "-pthread", "-o", out,
                                (char *)file,   "-lm", "-lz",      NULL};
                r = host_run(argv, log);
                if (r == 0)
                        r = files_add_path(fs, dir, "prog", 0755);
        } else if (r == 0) {
                char *argv[] = {"/usr/bin/javac", "-d", dir, (char *)file, NULL};
                r = host_run(argv, log);
                _cleanup_closedir_ DIR *d = r == 0 ? opendir(dir) : NULL;
                struct dirent *de;
                while (d && r == 0 && (de = readdir(d))) {
                        size_t nl = strlen(de->d_name);
                        if (nl > 6 && !strcmp(de->d_name + nl - 6, ".class"))
                                r = files_add_path(fs, dir, de->d_name, 0644);
                }
        }
        if (r > 0) {
                char line[200] = "";
                ssize_t n = log >= 0 ? pread(log, line, sizeof(line) - 1, 0) : 0;
                line[n > 0 ? n : 0] = '\0';
                char *nl = strchr(line, '\n');
                if (nl)
                        *nl = '\0';
                snprintf(why, len, "%s failed (status %d): %s", strcmp(lang, "c") ? "javac" : "gcc",
                         r, line);
                r = 1;
        }
        rm_rf(dir);
        return r;
}

static const char *lang_of(const char *file)
{
        const char *dot = strrchr(file, '.');
        if (!dot)
                return NULL;
        if (!strcmp(dot, ".py"))
                return "python";
        if (!strcmp(dot, ".js") || !strcmp(dot, ".mjs"))
                return "javascript";
        if (!strcmp(dot, ".c"))
                return "c";
        if (!strcmp(dot, ".java"))
                return "java";
        return NULL;
}

/* ---- the report ---- */

static json_t *change_json(const struct adjustment *a)
{
        return json_pack("{s:f, s:f, s:s, s:I, s:I, s:s, s:b}", "at_ms", (double)a->at_ns / 1e6,
                         "applied_ms", (double)a->applied_ns / 1e6, "resource",
                         resource_names[a->c.resource], "from", (json_int_t)a->c.from, "to",
                         (json_int_t)a->c.to, "reason", a->c.reason, "applied", a->err == 0);
}

static int print_json(const struct oneshot *o, const struct loop *L, const struct usage *u,
                      const char *file, const char *lang)
{
        json_t *j = json_object();
        json_t *tl = json_array(), *adj = json_array();
        int e = !j || !tl || !adj;
        for (size_t i = 0; !e && i < L->n_tl; i++) {
                json_t *a = alloc_to_json(&L->tl[i].a);
                e |= !a || json_object_set_new(a, "at_ms", json_real((double)L->tl[i].at_ns / 1e6));
                e |= json_array_append_new(tl, a);
        }
        for (size_t i = 0; !e && i < L->n_adj; i++)
                e |= json_array_append_new(adj, change_json(&L->adj[i]));
        if (!e) {
                e |= json_object_set_new(j, "file", json_string(file));
                e |= json_object_set_new(j, "language", json_string(lang));
                e |= json_object_set_new(j, "adjust", json_boolean(L->adjust));
                e |= json_object_set_new(j, "usage", usage_to_json(u));
                e |= json_object_set_new(j, "prediction", oneshot_to_json(o));
                e |= json_object_set_new(j, "allocation_timeline", tl);
                e |= json_object_set_new(j, "adjustments", adj);
                e |= json_object_set_new(j, "policy", policy_to_json(L->policy));
                tl = adj = NULL;
                e |= json_object_set_new(
                    j, "control",
                    json_pack("{s:I, s:f, s:f}", "steps", (json_int_t)L->steps, "step_us_avg",
                              L->steps ? (double)L->step_ns / (double)L->steps / 1e3 : 0.0,
                              "sample_interval_ms", (double)L->policy->sample_interval_ns / 1e6));
        }
        json_decref(tl);
        json_decref(adj);
        if (!e)
                e = json_dumpf(j, stdout, JSON_REAL_PRECISION(9)) < 0;
        json_decref(j);
        fputc('\n', stdout);
        return e ? 1 : 0;
}

static char *peak(const char *value, char *buf, size_t len)
{
        snprintf(buf, len, "peak %s", value);
        return buf;
}

static void print_table(FILE *f, const struct oneshot *o, const struct loop *L,
                        const struct usage *u, const char *file, const char *lang)
{
        const struct alloc *a0 = &L->tl[0].a, *a1 = &L->cur;
        char b[6][32];
        fprintf(f, "%s (%s): complexity %s (tier %s), prediction mode %s%s, control loop %s\n",
                file, lang, o->score, o->tier.name, mode_names[o->demand.mode],
                o->demand.low_confidence ? " (low confidence)" : "", L->adjust ? "on" : "off");
        fprintf(f, "  %-9s %10s %10s %10s %10s %14s\n", "resource", "predicted", "upper",
                "allocated", "final", "used");
        fprintf(f, "  %-9s %10s %10s %10s %10s %14s\n", "cpu",
                fmt_cpu((uint64_t)(o->demand.cpu_millicores.point + .5), b[0], 32),
                fmt_cpu((uint64_t)(o->demand.cpu_millicores.upper + .5), b[1], 32),
                fmt_cpu(a0->cpu_millicores, b[2], 32), fmt_cpu(a1->cpu_millicores, b[3], 32),
                peak(fmt_cpu((uint64_t)(u->peak_cores * 1000 + .5), b[5], 32), b[4], 32));
        fprintf(f, "  %-9s %10s %10s %10s %10s %14s\n", "memory",
                fmt_bytes((uint64_t)o->demand.memory_bytes.point, b[0], 32),
                fmt_bytes((uint64_t)o->demand.memory_bytes.upper, b[1], 32),
                fmt_bytes(a0->memory_bytes, b[2], 32), fmt_bytes(a1->memory_bytes, b[3], 32),
                peak(fmt_bytes(u->peak_memory_bytes, b[5], 32), b[4], 32));
        fprintf(f, "  %-9s %10s %10s %10s %10s %14s\n", "network",
                o->demand.net_rate_bps.point > 0
                    ? fmt_rate((uint64_t)o->demand.net_rate_bps.point, b[0], 32)
                    : "none",
                o->demand.net_rate_bps.upper > 0
                    ? fmt_rate((uint64_t)o->demand.net_rate_bps.upper, b[1], 32)
                    : "none",
                "loopback", "loopback", "-");
        fprintf(f, "  %-9s %10s %10s %10s %10s %14s\n", "cpu time",
                fmt_duration((uint64_t)(o->demand.cpu_seconds.point * 1e9), b[0], 32),
                fmt_duration((uint64_t)(o->demand.cpu_seconds.upper * 1e9), b[1], 32), "", "",
                fmt_duration(u->cpu_ns, b[2], 32));
        fprintf(f, "  %-9s %10s %10s %10s %10s %14s\n", "wall time",
                fmt_duration((uint64_t)(o->demand.wall_seconds.point * 1e9), b[0], 32),
                fmt_duration((uint64_t)(o->demand.wall_seconds.upper * 1e9), b[1], 32), "", "",
                fmt_duration(u->wall_ns, b[2], 32));
        if (u->oom_killed)
                fprintf(f, "outcome: OOM killed\n");
        else if (u->timed_out)
                fprintf(f, "outcome: timed out\n");
        else if (u->signal)
                fprintf(f, "outcome: killed by signal %d\n", u->signal);
        else
                fprintf(f, "outcome: exit code %d\n", u->exit_code);
        if (!L->adjust)
                return;
        fprintf(f, "adjustments: %zu (control_step: %" PRIu64 " calls, %.1fus each)\n", L->n_adj,
                L->steps, L->steps ? (double)L->step_ns / (double)L->steps / 1e3 : 0.0);
        if (L->n_adj)
                fprintf(f, "  %8s %8s %-7s %9s %9s  %s\n", "at", "applied", "resource", "from",
                        "to", "reason");
        for (size_t i = 0; i < L->n_adj; i++) {
                const struct adjustment *a = &L->adj[i];
                char from[32], to[32];
                if (a->c.resource == RES_CPU) {
                        fmt_cpu(a->c.from, from, 32);
                        fmt_cpu(a->c.to, to, 32);
                } else if (a->c.resource == RES_MEMORY) {
                        fmt_bytes(a->c.from, from, 32);
                        fmt_bytes(a->c.to, to, 32);
                } else {
                        fmt_rate(a->c.from, from, 32);
                        fmt_rate(a->c.to, to, 32);
                }
                fprintf(f, "  %8s %8s %-7s %9s %9s  %s%s\n",
                        fmt_duration(a->at_ns / 1000000 * 1000000, b[0], 32),
                        fmt_duration(a->applied_ns / 1000000 * 1000000, b[1], 32),
                        resource_names[a->c.resource], from, to, a->c.reason,
                        a->err ? " [refused by the kernel]" : "");
        }
}

/* ---- the command ---- */

static int load_policy(const char *path, struct policy *p)
{
        json_error_t err;
        json_t *j = json_load_file(path, 0, &err);
        if (!j)
                return fail(2, "--policy %s: %s (line %d)", path, err.text, err.line);
        char why[256];
        int r = policy_from_json(j, p, why, sizeof(why));
        json_decref(j);
        if (r < 0)
                return fail(2, "--policy %s: %s", path, why);
        return 0;
}

static int run(const char *file, const char *lang, char **args, size_t n_args,
               const struct oneshot *o, const struct policy *pol, bool adjust, uint64_t timeout,
               bool json)
{
        struct files fs = {0};
        char why[256] = "";
        int r;
        const char *base = strrchr(file, '/');
        base = base ? base + 1 : file;
        char *argv[MAX_ARGS + 8] = {NULL};
        size_t na = 0;
        char cls[NAME_MAX + 1];
        if (!strcmp(lang, "python") || !strcmp(lang, "javascript")) {
                char *data = malloc(o->len ? o->len : 1);
                if (!data)
                        return fail(1, "out of memory");
                memcpy(data, o->src, o->len);
                if ((r = files_add(&fs, base, data, o->len, 0644)) < 0)
                        return fail(2, "%s: the file name is too long", file);
                argv[na++] = !strcmp(lang, "python") ? "/usr/bin/python3" : "/usr/bin/node";
                argv[na++] = fs.names[0];
        } else {
                r = compile(lang, file, &fs, why, sizeof(why));
                if (r != 0) {
                        files_free(&fs);
                        return r > 0 ? fail(1, "%s", why)
                                     : fail(1, "cannot compile %s: %s", file, strerror(-r));
                }
                if (!strcmp(lang, "c")) {
                        argv[na++] = "/box/prog";
                } else {
                        snprintf(cls, sizeof(cls), "%.*s", (int)(strlen(base) - 5), base);
                        argv[na++] = "/usr/bin/java";
                        argv[na++] = "-cp";
                        argv[na++] = "/box";
                        argv[na++] = cls;
                }
        }
        for (size_t i = 0; i < n_args; i++)
                argv[na++] = args[i];

        /* heap: the loop's record is a few hundred KiB */
        _cleanup_free_ struct loop *L = calloc(1, sizeof(*L));
        if (!L) {
                files_free(&fs);
                return fail(1, "out of memory");
        }
        L->adjust = adjust;
        L->policy = pol;
        sample_window_init(&L->w);
        control_demand_from(&o->demand, o->score, &L->demand);
        struct alloc a = o->alloc;
        a.network = false; /* loopback only */
        a.net_rate_bps = 0;
        a.n_allow = 0;
        a.pids = 256;
        a.timeout_ns = timeout;
        control_initial(&L->demand, pol, &a);
        if (a.cpu_millicores > sandbox_host_millicores())
                a.cpu_millicores = sandbox_host_millicores();
        if (sandbox_validate(&a, why, sizeof(why)) < 0) {
                files_free(&fs);
                return fail(1, "the predicted allocation is not usable here: %s", why);
        }
        L->cur = a;

        struct sigaction sa = {.sa_handler = on_signal};
        sigaction(SIGINT, &sa, NULL);
        sigaction(SIGTERM, &sa, NULL);
        sigaction(SIGHUP, &sa, NULL);

        struct sandbox *s = NULL;
        if ((r = sandbox_create(&a, &s)) < 0) {
                files_free(&fs);
                return fail(1, "cannot create the sandbox: %s", strerror(-r));
        }
        struct job j = {
            .argv = argv,
            .env = (char *[]){NULL},
            .files = fs.f,
            .n_files = fs.n,
            .stdin_fd = STDIN_FILENO,
            .stdout_fd = json ? STDERR_FILENO : STDOUT_FILENO,
            .stderr_fd = STDERR_FILENO,
        };
        L->t0 = now_ns();
        L->tl[0] = (struct timeline_point){.at_ns = 0, .a = a};
        L->n_tl = 1;
        r = sandbox_exec(s, &j);
        files_free(&fs);
        if (r < 0) {
                sandbox_destroy(s);
                return fail(1, "cannot run %s in the sandbox: %s", argv[0], strerror(-r));
        }
        struct usage u;
        r = sandbox_wait(s, pol->sample_interval_ns, on_sample, L, &u);
        sandbox_destroy(s);
        if (r < 0)
                return fail(1, "lost the sandbox: %s", strerror(-r));
        int st;
        if (json) {
                st = print_json(o, L, &u, file, lang);
        } else {
                print_table(stderr, o, L, &u, file, lang);
                st = 0;
        }
        if (st == 0 && interrupted)
                st = 128 + interrupted;
        return st;
}

int cmd_run(int argc, char **argv)
{
        enum {
                OPT_DB = 256,
                OPT_MODEL,
                OPT_POLICY,
                OPT_LANG,
                OPT_LIBS,
                OPT_ALGO,
                OPT_TIMEOUT,
                OPT_NO_ADJUST,
                OPT_JSON
        };
        static const struct option opts[] = {
            {"db", required_argument, NULL, OPT_DB},
            {"model", required_argument, NULL, OPT_MODEL},
            {"policy", required_argument, NULL, OPT_POLICY},
            {"lang", required_argument, NULL, OPT_LANG},
            {"libs", required_argument, NULL, OPT_LIBS},
            {"algo", required_argument, NULL, OPT_ALGO},
            {"timeout", required_argument, NULL, OPT_TIMEOUT},
            {"no-adjust", no_argument, NULL, OPT_NO_ADJUST},
            {"json", no_argument, NULL, OPT_JSON},
            {"help", no_argument, NULL, 'h'},
            {NULL, 0, NULL, 0},
        };
        struct oneshot_request rq = {.cmd = "run"};
        const char *policy_path = NULL;
        bool json = false, adjust = true;
        uint64_t timeout = 0;
        int c;
        opterr = 0;
        optind = 1;
        while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
                switch (c) {
                case OPT_DB:
                        rq.db = optarg;
                        break;
                case OPT_MODEL:
                        rq.model_path = optarg;
                        break;
                case OPT_POLICY:
                        policy_path = optarg;
                        break;
                case OPT_LANG:
                        rq.n.language = optarg;
                        break;
                case OPT_LIBS:
                        rq.n.libraries = optarg;
                        break;
                case OPT_ALGO:
                        rq.n.algorithm = optarg;
                        break;
                case OPT_TIMEOUT:
                        if (parse_duration(optarg, &timeout) < 0 || timeout == 0)
                                return bad_usage("--timeout takes a positive duration (10s, "
                                                 "2m)",
                                                 optarg);
                        break;
                case OPT_NO_ADJUST:
                        adjust = false;
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
        if (optind >= argc)
                return bad_usage("missing FILE", NULL);
        rq.file = argv[optind++];
        char **args = NULL;
        size_t n_args = 0;
        if (optind < argc) {
                if (strcmp(argv[optind], "--"))
                        return bad_usage("arguments for the code go after --", argv[optind]);
                args = argv + optind + 1;
                n_args = (size_t)(argc - optind - 1);
                if (n_args > MAX_ARGS)
                        return bad_usage("too many arguments", NULL);
        }
        const char *lang = rq.n.language ? rq.n.language : lang_of(rq.file);
        if (!lang)
                return fail(2,
                            "cannot tell the language of %s from its name: give --lang "
                            "(python, javascript, c, java)",
                            rq.file);
        if (strcmp(lang, "python") && strcmp(lang, "javascript") && strcmp(lang, "c") &&
            strcmp(lang, "java"))
                return fail(2, "--lang '%s': run knows python, javascript, c and java", lang);
        rq.n.language = lang;
        if (access(rq.file, R_OK) < 0)
                return fail(2, "cannot read %s: %s", rq.file, strerror(errno));
        struct policy pol;
        policy_default(&pol);
        if (policy_path && load_policy(policy_path, &pol))
                return 2;
        if (geteuid() != 0)
                return fail(2, "must run as root (it creates cgroups and namespaces)");

        int r = sandbox_runtime_init();
        if (r < 0)
                return fail(1, "cannot set up the sandbox runtime: %s", strerror(-r));
        /* nothing above what the host has */
        if (pol.res[RES_CPU].max > sandbox_host_millicores())
                pol.res[RES_CPU].max = sandbox_host_millicores();
        if (pol.res[RES_MEMORY].max > sandbox_host_memory())
                pol.res[RES_MEMORY].max = sandbox_host_memory();
        for (int k = 0; k < RES__COUNT; k++)
                if (pol.res[k].min > pol.res[k].max)
                        pol.res[k].min = pol.res[k].max;

        struct oneshot o;
        int st = oneshot_predict(&rq, &o);
        if (st == 0) {
                st = run(rq.file, lang, args, n_args, &o, &pol, adjust, timeout, json);
                oneshot_free(&o);
        }
        sandbox_runtime_fini();
        return st;
}
