/* presize exec: run one command in a fresh sandbox under the given limits, print what it used. */
#include "cli.h"
#include "core/report.h"
#include "sandbox/net.h"
#include "sandbox/sandbox.h"
#include "util/cleanup.h"
#include "util/fsutil.h"
#include "util/units.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_FILES 64
#define MAX_ENV   64

static const char usage_text[] =
    "usage: presize exec [options] -- CMD [ARGS...]\n"
    "\n"
    "Run CMD in a new sandbox (own PID, mount, network, UTS and IPC namespaces; read-only\n"
    "system directories; tmpfs at /tmp and at the working directory /box; uid 65534, no\n"
    "capabilities, seccomp) under the limits below, then print what it used.\n"
    "\n"
    "options:\n"
    "  --cpus N          CPU limit: 500m, 0.5, 2 (default: every host CPU)\n"
    "  --memory N        memory limit, no swap: 256Mi, 1Gi, 500M (default: 1Gi)\n"
    "  --pids N          processes and threads at once (default: 256)\n"
    "  --net-rate R      bandwidth each way: 10Mbit, 800kbit, 1gbit (default: unshaped)\n"
    "  --timeout T       wall-clock limit: 10s, 500ms, 2m (default: none)\n"
    "  --allow-net H:P   let the sandbox reach IPv4 address H on TCP/UDP port P, through its\n"
    "                    veth; repeatable. A server on this host is reached at 10.213.0.1.\n"
    "                    Without it the sandbox has loopback only.\n"
    "  --file PATH       copy PATH into the working directory before CMD starts; repeatable\n"
    "  --env NAME=VALUE  add to the (otherwise clean) environment; repeatable\n"
    "  --interval T      sampling interval for peak cores and memory (default: 100ms)\n"
    "  --json            print one JSON object on stdout; CMD's stdout goes to stderr\n"
    "  -h, --help        this text\n"
    "\n"
    "The table goes to stderr (like time(1)), so CMD's stdout stays pipeable.\n"
    "Exit status: 0 when CMD ran (whatever its own status), 2 on bad usage (including a\n"
    "command that does not exist), 1 on an internal failure.\n";

enum {
        OPT_CPUS = 256,
        OPT_MEMORY,
        OPT_PIDS,
        OPT_NET_RATE,
        OPT_TIMEOUT,
        OPT_ALLOW,
        OPT_FILE,
        OPT_ENV,
        OPT_INTERVAL,
        OPT_JSON,
};

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
        interrupted = sig;
}

static int check_interrupt(struct sandbox *s, const struct sample *smp, void *ctx)
{
        return interrupted != 0;
}

#define bad(...) cli_fail("exec", 2, __VA_ARGS__)

#define BAD(...)                                                                                   \
        do {                                                                                       \
                rc = bad(__VA_ARGS__);                                                             \
                goto out;                                                                          \
        } while (0)

/* Read a file for --file (bounded: it must fit the sandbox's tmpfs anyway). */
static int slurp(const char *path, struct job_file *f)
{
        char *buf;
        size_t len;
        unsigned mode;
        int r = read_whole_file(path, 1 << 30, &buf, &len, &mode);
        if (r < 0)
                return r;
        const char *base = strrchr(path, '/');
        f->name = base ? base + 1 : path;
        f->data = buf;
        f->len = len;
        f->mode = (mode & 0111) ? 0755 : 0644;
        return 0;
}

int cmd_exec(int argc, char **argv)
{
        static const struct option opts[] = {
            {"cpus", required_argument, NULL, OPT_CPUS},
            {"memory", required_argument, NULL, OPT_MEMORY},
            {"pids", required_argument, NULL, OPT_PIDS},
            {"net-rate", required_argument, NULL, OPT_NET_RATE},
            {"timeout", required_argument, NULL, OPT_TIMEOUT},
            {"allow-net", required_argument, NULL, OPT_ALLOW},
            {"file", required_argument, NULL, OPT_FILE},
            {"env", required_argument, NULL, OPT_ENV},
            {"interval", required_argument, NULL, OPT_INTERVAL},
            {"json", no_argument, NULL, OPT_JSON},
            {"help", no_argument, NULL, 'h'},
            {NULL, 0, NULL, 0},
        };
        struct alloc a = {.pids = 256, .memory_bytes = 1ULL << 30};
        const char *cpus_arg = NULL;
        uint64_t interval = 100000000ULL;
        bool json = false;
        struct job_file files[MAX_FILES];
        size_t n_files = 0;
        char *env[MAX_ENV + 1];
        size_t n_env = 0;
        int rc = 2, r, c;

        optind = 1;
        opterr = 0;
        while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
                const char *v = optarg;
                switch (c) {
                case OPT_CPUS:
                        if (parse_cpu(v, &a.cpu_millicores) < 0)
                                BAD("--cpus '%s': expected millicores (500m) or cores (2)", v);
                        cpus_arg = v;
                        break;
                case OPT_MEMORY:
                        if (parse_bytes(v, &a.memory_bytes) < 0)
                                BAD("--memory '%s': expected bytes with a unit, e.g. 256Mi, "
                                    "1Gi",
                                    v);
                        break;
                case OPT_PIDS: {
                        char *end;
                        errno = 0;
                        long long n = strtoll(v, &end, 10);
                        if (errno || *end || end == v || n < 0)
                                BAD("--pids '%s': expected a positive integer", v);
                        a.pids = (uint64_t)n;
                        break;
                }
                case OPT_NET_RATE:
                        if (parse_rate(v, &a.net_rate_bps) < 0)
                                BAD("--net-rate '%s': expected a rate, e.g. 10Mbit, 800kbit", v);
                        if (a.net_rate_bps == 0)
                                BAD("--net-rate '%s': must be positive", v);
                        a.network = true;
                        break;
                case OPT_TIMEOUT:
                        if (parse_duration(v, &a.timeout_ns) < 0)
                                BAD("--timeout '%s': expected a duration, e.g. 10s, 500ms", v);
                        if (a.timeout_ns == 0)
                                BAD("--timeout '%s': must be positive", v);
                        break;
                case OPT_ALLOW:
                        if ((r = net_allow_parse(v, &a)) < 0)
                                BAD(r == -E2BIG ? "--allow-net '%s': too many addresses"
                                                : "--allow-net '%s': expected IPV4:PORT",
                                    v);
                        a.network = true;
                        break;
                case OPT_FILE:
                        if (n_files >= MAX_FILES)
                                BAD("--file '%s': too many files", v);
                        if ((r = slurp(v, &files[n_files])) < 0)
                                BAD("--file '%s': cannot read it as a regular file", v);
                        n_files++;
                        break;
                case OPT_ENV:
                        if (!strchr(v, '=') || v[0] == '=')
                                BAD("--env '%s': expected NAME=VALUE", v);
                        if (n_env >= MAX_ENV)
                                BAD("--env '%s': too many variables", v);
                        env[n_env++] = (char *)v;
                        break;
                case OPT_INTERVAL:
                        if (parse_duration(v, &interval) < 0 || interval < 1000000ULL)
                                BAD("--interval '%s': expected a duration of at least 1ms", v);
                        break;
                case OPT_JSON:
                        json = true;
                        break;
                case 'h':
                        fputs(usage_text, stdout);
                        rc = 0;
                        goto out;
                default:
                        fprintf(stderr,
                                "presize exec: unknown option or missing value in '%s' (see "
                                "'presize exec --help')\n",
                                argv[optind - 1]);
                        goto out;
                }
        }
        env[n_env] = NULL;
        if (optind >= argc) {
                fprintf(stderr, "presize exec: missing command (presize exec [options] -- CMD)\n");
                goto out;
        }
        if (geteuid() != 0) {
                fprintf(stderr, "presize exec: must run as root (it creates cgroups and "
                                "namespaces)\n");
                goto out;
        }
        if ((r = sandbox_runtime_init()) < 0) {
                fprintf(stderr, "presize exec: cannot set up the sandbox runtime: %s\n",
                        strerror(-r));
                rc = 1;
                goto out;
        }
        if (!cpus_arg)
                a.cpu_millicores = sandbox_host_millicores();
        char why[256];
        if (sandbox_validate(&a, why, sizeof(why)) < 0) {
                fprintf(stderr, "presize exec: %s\n", why);
                goto out_rt;
        }

        struct sigaction sa = {.sa_handler = on_signal};
        sigaction(SIGINT, &sa, NULL);
        sigaction(SIGTERM, &sa, NULL);
        sigaction(SIGHUP, &sa, NULL);

        struct sandbox *s = NULL;
        if ((r = sandbox_create(&a, &s)) < 0) {
                fprintf(stderr, "presize exec: cannot create the sandbox: %s\n", strerror(-r));
                rc = 1;
                goto out_rt;
        }
        struct job j = {
            .argv = argv + optind,
            .env = env,
            .files = files,
            .n_files = n_files,
            .stdin_fd = STDIN_FILENO,
            .stdout_fd = json ? STDERR_FILENO : STDOUT_FILENO,
            .stderr_fd = STDERR_FILENO,
        };
        if ((r = sandbox_exec(s, &j)) < 0) {
                if (r == -ENOENT || r == -EACCES || r == -ENOEXEC || r == -E2BIG || r == -EINVAL ||
                    r == -EEXIST)
                        fprintf(stderr, "presize exec: cannot run '%s' in the sandbox: %s\n",
                                argv[optind], strerror(-r));
                else {
                        fprintf(stderr, "presize exec: exec failed: %s\n", strerror(-r));
                        rc = 1;
                }
                sandbox_destroy(s);
                goto out_rt;
        }
        struct usage u;
        r = sandbox_wait(s, interval, check_interrupt, NULL, &u);
        sandbox_destroy(s);
        if (r < 0) {
                fprintf(stderr, "presize exec: lost the sandbox: %s\n", strerror(-r));
                rc = 1;
                goto out_rt;
        }
        if (json) {
                json_t *o = usage_to_json(&u);
                if (!o || json_dumpf(o, stdout, JSON_REAL_PRECISION(9)) < 0) {
                        json_decref(o);
                        rc = 1;
                        goto out_rt;
                }
                json_decref(o);
                fputc('\n', stdout);
        } else {
                usage_print_table(stderr, &u);
        }
        rc = interrupted ? 128 + interrupted : 0;
out_rt:
        sandbox_runtime_fini();
out:
        for (size_t i = 0; i < n_files; i++)
                free((void *)files[i].data);
        return rc;
}
