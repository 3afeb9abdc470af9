/* presize replay [--trace FILE|DIR] [--format azure2019|runs] [--synthetic N] [--hosts N
 *                --host-cpus C --host-memory M] [--policies static,vpa,presize,oracle]
 *                [--report DIR] [--json] [--seed S]
 *
 * Replays a serverless workload through a simulated cluster under four sizing policies side by
 * side (src/replay, docs/replay.md). */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "control/policy.h"
#include "replay/replay.h"
#include "util/cleanup.h"
#include "util/units.h"

static const char usage_text[] =
    "usage: presize replay [--trace FILE|DIR] [--format azure2019|runs] [--synthetic N]\n"
    "                      [--hosts N --host-cpus C --host-memory M]\n"
    "                      [--policies static,vpa,presize,oracle] [--report DIR] [--json]\n"
    "                      [--seed S]\n"
    "\n"
    "Replays a serverless workload through a simulated cluster, sizing every invocation's\n"
    "sandbox by each policy in turn, and compares allocation with use:\n"
    "  static   the default tiers (low 1 CPU/2Gi, medium 4/8Gi, high 8/16Gi): the smallest whose\n"
    "           memory covers the function's largest recorded memory\n"
    "  vpa      the Kubernetes Vertical Pod Autoscaler's recommender (p90 + 15%, decaying\n"
    "           histograms, OOM bump-up), applied when a sandbox is created\n"
    "  presize  per-function history with a split-conformal upper bound, pre-instantiation on\n"
    "           the notification, and control_step while it runs\n"
    "  oracle   allocation equal to use: the floor\n"
    "\n"
    "  --trace PATH        an Azure Functions 2019 trace (a directory with its CSV files, or\n"
    "                      the invocations file), or presize runs (a store .db or a runs\n"
    "                      export .jsonl)\n"
    "  --format F          azure2019 or runs (default: runs for .db/.jsonl, else azure2019)\n"
    "  --synthetic N       a synthetic trace of N invocations instead (--minutes long)\n"
    "  --minutes M         length of the synthetic trace (default 1440)\n"
    "  --hosts N           a fixed cluster of N hosts: invocations that fit nowhere are\n"
    "                      rejected and counted (default: as many as needed; the peak is shown)\n"
    "  --host-cpus C       CPU per host (default 16)\n"
    "  --host-memory M     memory per host (default 64Gi)\n"
    "  --policies LIST     which policies, comma-separated (default all four)\n"
    "  --policy FILE       presize's control policy as JSON (docs/control.md)\n"
    "  --keepalive D       warm sandboxes live this long after their last use (default 10m)\n"
    "  --lead-time D       notification ahead of the request, presize (default 500ms)\n"
    "  --create-time D     time to create a sandbox (default 100ms)\n"
    "  --cpu-demand C      every invocation demands C cores (default: per function, drawn\n"
    "                      log-uniformly in 0.1-1 core from the seed; the trace has no CPU)\n"
    "  --max-tick D        presize's coarsest simulated sample interval (default 10s)\n"
    "  --report DIR        write DIR/index.html with SVG charts\n"
    "  --json              one JSON object on stdout instead of the table\n"
    "  --seed S            the seed for arrivals within a minute and usage (default 1)\n"
    "\n"
    "Exit status: 0 done, 1 internal failure, 2 bad usage or unusable trace.\n";

#define bad(msg, arg) cli_usage_error("replay", usage_text, msg, arg)

static int parse_policies(const char *s, bool *on)
{
        _cleanup_free_ char *copy = strdup(s);
        if (!copy)
                return -ENOMEM;
        for (int p = 0; p < RP__COUNT; p++)
                on[p] = false;
        bool any = false;
        char *save = NULL;
        for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
                int found = -1;
                for (int p = 0; p < RP__COUNT; p++)
                        if (!strcmp(tok, replay_policy_names[p]))
                                found = p;
                if (found < 0)
                        return -EINVAL;
                on[found] = true;
                any = true;
        }
        return any ? 0 : -EINVAL;
}

static bool ends_with(const char *s, const char *suf)
{
        size_t n = strlen(s), m = strlen(suf);
        return n >= m && !strcmp(s + n - m, suf);
}

static json_t *result_json(enum replay_policy p, const struct replay_result *r)
{
        return json_pack("{s:s, s:f, s:f, s:f, s:f, s:f, s:f, s:I, s:f, s:I, s:I, s:I}", "policy",
                         replay_policy_names[p], "allocated_core_seconds", r->alloc_core_s,
                         "used_core_seconds", r->used_core_s, "allocated_gib_seconds",
                         r->alloc_gib_s, "used_gib_seconds", r->used_gib_s,
                         "memory_slack_gib_seconds", r->alloc_gib_s - r->used_gib_s,
                         "cpu_slack_core_seconds", r->alloc_core_s - r->used_core_s, "oom_kills",
                         (json_int_t)r->oom_kills, "throttled_seconds", r->throttled_s,
                         "cold_starts", (json_int_t)r->cold_starts, "hosts", (json_int_t)r->hosts,
                         "adjustments", (json_int_t)r->adjustments);
}

/* 1234567.8 -> "1,234,568" */
static char *grouped(double v, char *buf, size_t len)
{
        char raw[64];
        snprintf(raw, sizeof(raw), "%.0f", v);
        const char *d = raw[0] == '-' ? raw + 1 : raw;
        size_t n = strlen(d), o = 0;
        if (raw[0] == '-' && o + 1 < len)
                buf[o++] = '-';
        for (size_t i = 0; i < n && o + 2 < len; i++) {
                if (i && (n - i) % 3 == 0)
                        buf[o++] = ',';
                buf[o++] = d[i];
        }
        buf[o] = '\0';
        return buf;
}

static void print_table(const struct replay_trace *t, const struct replay_opts *o,
                        const struct replay_run *run)
{
        char a[32], b[32], c[32], d[32];
        printf("%s: %s functions, %s invocations over %u minutes; hosts of %s CPU and %s%s; "
               "seed %llu\n",
               t->source, grouped((double)t->n_fns, a, sizeof(a)),
               grouped((double)t->invocations, b, sizeof(b)), t->minutes,
               fmt_cpu(o->host_cpu_m, c, sizeof(c)), fmt_bytes(o->host_mem, d, sizeof(d)),
               o->max_hosts ? " (fixed number)" : "", (unsigned long long)o->seed);
        printf("%-8s %14s %14s %14s %14s %14s %14s %9s %12s %11s %6s %11s\n", "policy",
               "alloc core-s", "used core-s", "cpu slack", "alloc GiB-s", "used GiB-s", "mem slack",
               "OOM kills", "throttled s", "cold starts", "hosts", "adjustments");
        for (int p = 0; p < RP__COUNT; p++) {
                const struct replay_result *r = &run->res[p];
                if (!r->ran)
                        continue;
                char v[6][32], x[32];
                printf("%-8s %14s %14s %14s %14s %14s %14s %9llu %12s %11llu %6llu %11llu\n",
                       replay_policy_names[p], grouped(r->alloc_core_s, v[0], 32),
                       grouped(r->used_core_s, v[1], 32),
                       grouped(r->alloc_core_s - r->used_core_s, v[2], 32),
                       grouped(r->alloc_gib_s, v[3], 32), grouped(r->used_gib_s, v[4], 32),
                       grouped(r->alloc_gib_s - r->used_gib_s, v[5], 32),
                       (unsigned long long)r->oom_kills, grouped(r->throttled_s, x, 32),
                       (unsigned long long)r->cold_starts, (unsigned long long)r->hosts,
                       (unsigned long long)r->adjustments);
        }
        for (int p = 0; p < RP__COUNT; p++) {
                const struct replay_result *r = &run->res[p];
                if (!r->ran)
                        continue;
                printf("  %-8s warm starts %llu, pre-instantiated %llu, rejected %llu, "
                       "adjustments refused (host full) %llu, control steps %llu; %.2f s "
                       "(%.0f invocations/s)\n",
                       replay_policy_names[p], (unsigned long long)r->warm_starts,
                       (unsigned long long)r->preinstantiated, (unsigned long long)r->rejected,
                       (unsigned long long)r->adjustments_refused,
                       (unsigned long long)r->control_steps, r->seconds,
                       r->seconds > 0 ? (double)t->invocations / r->seconds : 0);
        }
        if (t->bad_rows || t->fns_without_duration || t->fns_without_memory)
                printf("trace: %llu malformed rows skipped, %llu invoked functions without a "
                       "duration row skipped, %llu without a memory row (median application "
                       "used)\n",
                       (unsigned long long)t->bad_rows, (unsigned long long)t->fns_without_duration,
                       (unsigned long long)t->fns_without_memory);
        printf("replayed in %.2f s; simulator state at most %s, trace %s\n", run->seconds,
               fmt_bytes(run->peak_state_bytes, a, sizeof(a)),
               fmt_bytes(replay_trace_bytes(t), b, sizeof(b)));
}

int cmd_replay(int argc, char **argv)
{
        enum {
                OPT_TRACE = 256,
                OPT_FORMAT,
                OPT_SYNTH,
                OPT_MINUTES,
                OPT_HOSTS,
                OPT_HOST_CPUS,
                OPT_HOST_MEM,
                OPT_POLICIES,
                OPT_POLICY,
                OPT_KEEPALIVE,
                OPT_LEAD,
                OPT_CREATE,
                OPT_CPU_DEMAND,
                OPT_MAX_TICK,
                OPT_REPORT,
                OPT_JSON,
                OPT_SEED,
        };
        static const struct option opts[] = {
            {"trace", required_argument, NULL, OPT_TRACE},
            {"format", required_argument, NULL, OPT_FORMAT},
            {"synthetic", required_argument, NULL, OPT_SYNTH},
            {"minutes", required_argument, NULL, OPT_MINUTES},
            {"hosts", required_argument, NULL, OPT_HOSTS},
            {"host-cpus", required_argument, NULL, OPT_HOST_CPUS},
            {"host-memory", required_argument, NULL, OPT_HOST_MEM},
            {"policies", required_argument, NULL, OPT_POLICIES},
            {"policy", required_argument, NULL, OPT_POLICY},
            {"keepalive", required_argument, NULL, OPT_KEEPALIVE},
            {"lead-time", required_argument, NULL, OPT_LEAD},
            {"create-time", required_argument, NULL, OPT_CREATE},
            {"cpu-demand", required_argument, NULL, OPT_CPU_DEMAND},
            {"max-tick", required_argument, NULL, OPT_MAX_TICK},
            {"report", required_argument, NULL, OPT_REPORT},
            {"json", no_argument, NULL, OPT_JSON},
            {"seed", required_argument, NULL, OPT_SEED},
            {"help", no_argument, NULL, 'h'},
            {NULL, 0, NULL, 0},
        };
        struct replay_opts o;
        replay_opts_default(&o);
        const char *trace = NULL, *format = NULL, *report = NULL;
        uint64_t synthetic = 0, minutes = 1440;
        double cpu_demand = 0;
        bool json = false;
        int c, li;
        optind = 1;
        opterr = 0;
        while ((c = getopt_long(argc, argv, "h", opts, &li)) != -1) {
                char *end;
                uint64_t v;
                switch (c) {
                case 'h':
                        fputs(usage_text, stdout);
                        return 0;
                case OPT_TRACE:
                        trace = optarg;
                        break;
                case OPT_FORMAT:
                        if (strcmp(optarg, "azure2019") && strcmp(optarg, "runs"))
                                return bad("unknown --format (azure2019 or runs)", optarg);
                        format = optarg;
                        break;
                case OPT_SYNTH:
                        synthetic = strtoull(optarg, &end, 10);
                        if (end == optarg || *end || optarg[0] == '-' || synthetic < 1 ||
                            synthetic > 10000000000ULL)
                                return bad("--synthetic takes a count of invocations from 1 to "
                                           "10000000000",
                                           optarg);
                        break;
                case OPT_MINUTES:
                        minutes = strtoull(optarg, &end, 10);
                        if (end == optarg || *end || optarg[0] == '-' || minutes < 1 ||
                            minutes > 14 * 1440)
                                return bad("--minutes takes 1 to 20160 (14 days)", optarg);
                        break;
                case OPT_HOSTS:
                        v = strtoull(optarg, &end, 10);
                        if (end == optarg || *end || optarg[0] == '-' || v < 1 || v > 1000000)
                                return bad("--hosts takes a count from 1 to 1000000", optarg);
                        o.max_hosts = v;
                        break;
                case OPT_HOST_CPUS:
                        if (parse_cpu(optarg, &v) < 0)
                                return bad("--host-cpus is not a CPU quantity (16, 16000m)",
                                           optarg);
                        if (v < 1000 || v > 4096000)
                                return bad("--host-cpus must be from 1 to 4096 CPUs", optarg);
                        o.host_cpu_m = v;
                        break;
                case OPT_HOST_MEM:
                        if (parse_bytes(optarg, &v) < 0)
                                return bad("--host-memory is not a size (64Gi, 512Gi)", optarg);
                        if (v < (256ULL << 20) || v > (64ULL << 40))
                                return bad("--host-memory must be from 256Mi to 64Ti", optarg);
                        o.host_mem = v;
                        break;
                case OPT_POLICIES: {
                        int r = parse_policies(optarg, o.policies);
                        if (r == -ENOMEM)
                                return cli_fail("replay", 1, "out of memory");
                        if (r < 0)
                                return bad("--policies takes a list of static, vpa, presize, "
                                           "oracle",
                                           optarg);
                        break;
                }
                case OPT_POLICY: {
                        json_error_t je;
                        json_t *j = json_load_file(optarg, 0, &je);
                        if (!j)
                                return bad("--policy: not a JSON file", optarg);
                        char why[160];
                        int r = policy_from_json(j, &o.policy, why, sizeof(why));
                        json_decref(j);
                        if (r < 0)
                                return bad(why, NULL);
                        break;
                }
                case OPT_KEEPALIVE:
                case OPT_LEAD:
                case OPT_CREATE:
                case OPT_MAX_TICK:
                        if (parse_duration(optarg, &v) < 0)
                                return bad("not a duration (10m, 500ms)", optarg);
                        if (c == OPT_KEEPALIVE)
                                o.keepalive_ns = v;
                        else if (c == OPT_LEAD)
                                o.lead_ns = v;
                        else if (c == OPT_CREATE)
                                o.create_ns = v;
                        else if (v < 1000000 || v > 3600ULL * 1000000000ULL)
                                return bad("--max-tick must be from 1ms to 1h", optarg);
                        else
                                o.max_tick_ns = v;
                        break;
                case OPT_CPU_DEMAND:
                        if (parse_cpu(optarg, &v) < 0 || v == 0 || v > 1024000)
                                return bad("--cpu-demand takes a positive CPU quantity (1, 500m)",
                                           optarg);
                        cpu_demand = (double)v / 1000.0;
                        break;
                case OPT_REPORT:
                        report = optarg;
                        break;
                case OPT_JSON:
                        json = true;
                        break;
                case OPT_SEED:
                        o.seed = strtoull(optarg, &end, 10);
                        if (end == optarg || *end || optarg[0] == '-')
                                return bad("--seed takes a non-negative integer", optarg);
                        break;
                default:
                        return bad("unknown option", argv[optind - 1]);
                }
        }
        if (optind < argc)
                return bad("unexpected argument", argv[optind]);
        if (!trace && !synthetic)
                return bad("give a --trace or --synthetic N", NULL);
        if (trace && synthetic)
                return bad("--trace and --synthetic exclude each other", NULL);
        if (o.max_tick_ns < o.policy.sample_interval_ns)
                o.max_tick_ns = o.policy.sample_interval_ns;

        struct replay_trace t;
        replay_trace_init(&t);
        char why[512] = "";
        int r;
        if (synthetic) {
                r = replay_synthetic(synthetic, (uint32_t)minutes, o.seed, &t);
        } else {
                if (!format)
                        format = ends_with(trace, ".jsonl") || ends_with(trace, ".db")
                                     ? "runs"
                                     : "azure2019";
                if (!strcmp(format, "runs"))
                        r = replay_read_runs(trace, &t, stderr, why, sizeof(why));
                else
                        r = replay_read_azure(trace, &t, stderr, why, sizeof(why));
        }
        if (r < 0) {
                replay_trace_free(&t);
                if (r == -EINVAL && why[0])
                        return cli_fail("replay", 2, "%s", why);
                return cli_fail("replay", 1, "reading the trace: %s", strerror(-r));
        }
        if (t.bad_rows)
                fprintf(stderr, "presize replay: %llu malformed rows skipped\n",
                        (unsigned long long)t.bad_rows);
        replay_assign_cores(&t, o.seed, cpu_demand);
        o.progress = !json || isatty(STDERR_FILENO);
        struct replay_run run;
        r = replay_run(&t, &o, &run);
        if (r < 0) {
                replay_run_free(&run);
                replay_trace_free(&t);
                return cli_fail("replay", 1, "the simulation failed: %s", strerror(-r));
        }
        int status = 0;
        if (report) {
                r = replay_report(report, &t, &o, &run);
                if (r < 0)
                        status = cli_fail("replay", 1, "cannot write the report in %s: %s", report,
                                          strerror(-r));
        }
        if (json) {
                json_t *arr = json_array();
                for (int p = 0; p < RP__COUNT; p++)
                        if (run.res[p].ran)
                                json_array_append_new(
                                    arr, result_json((enum replay_policy)p, &run.res[p]));
                json_t *root =
                    json_pack("{s:I, s:f, s:o}", "invocations", (json_int_t)t.invocations,
                              "seconds", run.seconds, "policies", arr);
                char *s = root ? json_dumps(root, JSON_REAL_PRECISION(10)) : NULL;
                if (!s) {
                        status = cli_fail("replay", 1, "out of memory");
                } else {
                        puts(s);
                        free(s);
                }
                json_decref(root);
        } else {
                print_table(&t, &o, &run);
        }
        replay_run_free(&run);
        replay_trace_free(&t);
        return status;
}
