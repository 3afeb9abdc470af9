/* presize profiles: list or edit the resource profile tiers (the Resource Profile Database). */
#include "cli.h"
#include "store/store.h"
#include "util/units.h"

#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define MAX_TIERS 256

static const char usage_text[] =
    "usage: presize profiles list [--json] [--db PATH]\n"
    "       presize profiles set NAME --cpus N --memory N --net-rate R [--gpu|--no-gpu]\n"
    "                            [--db PATH]\n"
    "       presize profiles delete NAME [--db PATH]\n"
    "\n"
    "The resource profile tiers presize maps its complexity score to. A new store holds the\n"
    "defaults: low = 1 CPU, 2Gi, 10Mbit; medium = 4 CPUs, 8Gi, 50Mbit; high = 8 CPUs, 16Gi,\n"
    "100Mbit and GPU access. 'set' creates a tier or changes every field of an existing one.\n"
    "\n"
    "options:\n"
    "  --db PATH       the store (default: $PRESIZE_DB, else /var/lib/presize/presize.db)\n"
    "  --json          list: print a JSON array of {name, cpu_millicores, memory_bytes,\n"
    "                  net_rate_bps, gpu}\n"
    "  --cpus N        CPU: 500m, 1, 4 (must be positive)\n"
    "  --memory N      memory: 2Gi, 512Mi (must be positive)\n"
    "  --net-rate R    bandwidth: 10Mbit, 1gbit (0 = none)\n"
    "  --gpu/--no-gpu  GPU access (set: default --no-gpu for a new tier, unchanged otherwise)\n"
    "\n"
    "Exit status: 0 done, 1 store failure, 2 bad usage.\n";

#define bad(...) cli_fail("profiles", 2, __VA_ARGS__)

static int open_store(const char *path, struct store **s)
{
        int r = store_open(path, s);
        if (r == 0)
                return 0;
        if (r == -EPROTO)
                fprintf(stderr,
                        "presize profiles: %s is not a presize database, or was written by a "
                        "newer presize (this one reads schema %d)\n",
                        path, store_schema_version());
        else if (r == -EBUSY)
                fprintf(stderr,
                        "presize profiles: %s is locked by another process; try again later\n",
                        path);
        else
                fprintf(stderr, "presize profiles: cannot open the store %s: %s\n", path,
                        strerror(-r));
        return r == -EPROTO ? 2 : 1;
}

static int do_list(struct store *s, bool json)
{
        struct tier t[MAX_TIERS];
        size_t n;
        int r = store_tiers_list(s, t, MAX_TIERS, &n);
        if (r < 0) {
                fprintf(stderr, "presize profiles: cannot read the tiers: %s\n", strerror(-r));
                return 1;
        }
        if (json) {
                json_t *a = json_array();
                for (size_t i = 0; a && i < n; i++) {
                        json_t *o =
                            json_pack("{s:s, s:I, s:I, s:I, s:b}", "name", t[i].name,
                                      "cpu_millicores", (json_int_t)t[i].cpu_millicores,
                                      "memory_bytes", (json_int_t)t[i].memory_bytes, "net_rate_bps",
                                      (json_int_t)t[i].net_rate_bps, "gpu", t[i].gpu);
                        if (!o || json_array_append_new(a, o) < 0) {
                                json_decref(a);
                                a = NULL;
                        }
                }
                if (!a || json_dumpf(a, stdout, JSON_INDENT(2)) < 0) {
                        json_decref(a);
                        return 1;
                }
                json_decref(a);
                fputc('\n', stdout);
                return 0;
        }
        printf("%-16s %8s %10s %12s %4s\n", "NAME", "CPU", "MEMORY", "NET-RATE", "GPU");
        for (size_t i = 0; i < n; i++) {
                char c[32], m[32], nr[32];
                printf("%-16s %8s %10s %12s %4s\n", t[i].name,
                       fmt_cpu(t[i].cpu_millicores, c, sizeof(c)),
                       fmt_bytes(t[i].memory_bytes, m, sizeof(m)),
                       t[i].net_rate_bps ? fmt_rate(t[i].net_rate_bps, nr, sizeof(nr)) : "-",
                       t[i].gpu ? "yes" : "no");
        }
        return 0;
}

enum { OPT_DB = 256, OPT_JSON, OPT_CPUS, OPT_MEMORY, OPT_NET_RATE, OPT_GPU, OPT_NO_GPU };

int cmd_profiles(int argc, char **argv)
{
        static const struct option opts[] = {
            {"db", required_argument, NULL, OPT_DB},
            {"json", no_argument, NULL, OPT_JSON},
            {"cpus", required_argument, NULL, OPT_CPUS},
            {"memory", required_argument, NULL, OPT_MEMORY},
            {"net-rate", required_argument, NULL, OPT_NET_RATE},
            {"gpu", no_argument, NULL, OPT_GPU},
            {"no-gpu", no_argument, NULL, OPT_NO_GPU},
            {"help", no_argument, NULL, 'h'},
            {NULL, 0, NULL, 0},
        };
        const char *db = NULL;
        bool json = false;
        int gpu = -1;
        bool have_cpu = false, have_mem = false, have_net = false;
        struct tier t = {0};
        int c;

        if (argc < 2) {
                fputs(usage_text, stderr);
                return 2;
        }
        const char *sub = argv[1];
        if (!strcmp(sub, "--help") || !strcmp(sub, "-h") || !strcmp(sub, "help")) {
                fputs(usage_text, stdout);
                return 0;
        }
        if (strcmp(sub, "list") != 0 && strcmp(sub, "set") != 0 && strcmp(sub, "delete") != 0)
                return bad("unknown subcommand '%s' (list, set or delete; see 'presize "
                           "profiles --help')",
                           sub);
        optind = 1;
        opterr = 0;
        argc--;
        argv++;
        while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
                const char *v = optarg;
                switch (c) {
                case OPT_DB:
                        if (!*v)
                                return bad("--db: empty path");
                        db = v;
                        break;
                case OPT_JSON:
                        json = true;
                        break;
                case OPT_CPUS:
                        if (parse_cpu(v, &t.cpu_millicores) < 0 || t.cpu_millicores == 0)
                                return bad("--cpus '%s': expected a positive CPU amount, e.g. "
                                           "500m, 4",
                                           v);
                        have_cpu = true;
                        break;
                case OPT_MEMORY:
                        if (parse_bytes(v, &t.memory_bytes) < 0 || t.memory_bytes == 0)
                                return bad("--memory '%s': expected a positive size, e.g. 8Gi, "
                                           "512Mi",
                                           v);
                        have_mem = true;
                        break;
                case OPT_NET_RATE:
                        if (parse_rate(v, &t.net_rate_bps) < 0)
                                return bad("--net-rate '%s': expected a rate, e.g. 50Mbit, "
                                           "1gbit",
                                           v);
                        have_net = true;
                        break;
                case OPT_GPU:
                        gpu = 1;
                        break;
                case OPT_NO_GPU:
                        gpu = 0;
                        break;
                case 'h':
                        fputs(usage_text, stdout);
                        return 0;
                default:
                        return bad("unknown option or missing value in '%s' (see 'presize "
                                   "profiles --help')",
                                   argv[optind - 1]);
                }
        }
        const char *name = NULL;
        if (!strcmp(sub, "list")) {
                if (optind < argc)
                        return bad("list takes no arguments (got '%s')", argv[optind]);
                if (have_cpu || have_mem || have_net || gpu >= 0)
                        return bad("list takes only --json and --db");
        } else {
                if (optind >= argc)
                        return bad("%s: missing the tier NAME", sub);
                if (optind + 1 < argc)
                        return bad("%s: one tier NAME only (got '%s' too)", sub, argv[optind + 1]);
                name = argv[optind];
                size_t len = strlen(name);
                if (len == 0 || len >= sizeof(t.name))
                        return bad("tier name '%s': expected 1 to %zu characters", name,
                                   sizeof(t.name) - 1);
                for (const char *p = name; *p; p++)
                        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                              (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.'))
                                return bad("tier name '%s': use letters, digits, '-', '_' "
                                           "and '.'",
                                           name);
                if (json)
                        return bad("--json applies to list only");
                if (!strcmp(sub, "delete") && (have_cpu || have_mem || have_net || gpu >= 0))
                        return bad("delete takes only NAME and --db");
        }
        if (!db)
                db = store_default_path();

        struct store *s = NULL;
        int rc = open_store(db, &s);
        if (rc)
                return rc;
        if (!strcmp(sub, "list")) {
                rc = do_list(s, json);
        } else if (!strcmp(sub, "delete")) {
                int r = store_tier_delete(s, name);
                if (r == -ENOENT)
                        rc = bad("no tier named '%s' (see 'presize profiles list')", name);
                else if (r < 0) {
                        fprintf(stderr, "presize profiles: cannot delete '%s': %s\n", name,
                                strerror(-r));
                        rc = 1;
                }
        } else {
                /* An existing tier keeps the fields not given; a new one needs them all. */
                struct tier cur[MAX_TIERS];
                size_t n = 0;
                int r = store_tiers_list(s, cur, MAX_TIERS, &n);
                const struct tier *old = NULL;
                for (size_t i = 0; r == 0 && i < n; i++)
                        if (!strcmp(cur[i].name, name))
                                old = &cur[i];
                if (r < 0) {
                        fprintf(stderr, "presize profiles: cannot read the tiers: %s\n",
                                strerror(-r));
                        rc = 1;
                        goto out;
                }
                if (!old && (!have_cpu || !have_mem || !have_net)) {
                        rc = bad("set %s: a new tier needs --cpus, --memory and --net-rate", name);
                        goto out;
                }
                snprintf(t.name, sizeof(t.name), "%s", name);
                if (old) {
                        if (!have_cpu)
                                t.cpu_millicores = old->cpu_millicores;
                        if (!have_mem)
                                t.memory_bytes = old->memory_bytes;
                        if (!have_net)
                                t.net_rate_bps = old->net_rate_bps;
                        if (gpu < 0)
                                gpu = old->gpu;
                }
                t.gpu = gpu > 0;
                if ((r = store_tier_set(s, &t)) < 0) {
                        fprintf(stderr, "presize profiles: cannot save '%s': %s\n", name,
                                r == -EBUSY ? "the store is locked by another process"
                                            : strerror(-r));
                        rc = 1;
                }
        }
out:
        store_close(s);
        return rc;
}
