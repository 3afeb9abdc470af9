/* The trace replay's rate (issue 6: at least a million invocations in under 60 s on one core,
 * memory bounded by functions): bench_replay [--azure DIR] [--synthetic N] [--reps R].
 *
 * For each trace, R interleaved repetitions of: a bare pass that generates every arrival and
 * draws every invocation's usage and does nothing else (the floor any simulator pays), each
 * policy alone, and all four as `presize replay` runs them. Medians of the wall clock and of the
 * thread's CPU time; invocations per CPU-second; peak RSS. Pin it to one core (taskset). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "replay/internal.h"
#include "replay/replay.h"

static double cpu_now(void)
{
        struct timespec ts;
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double wall_now(void)
{
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_d(const void *a, const void *b)
{
        double x = *(const double *)a, y = *(const double *)b;
        return (x > y) - (x < y);
}

static double median(double *v, int n)
{
        qsort(v, (size_t)n, sizeof(double), cmp_d);
        return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* The floor: every arrival time and every usage draw, summed so nothing is optimised away. */
static double bare_pass(const struct replay_trace *t, uint64_t seed)
{
        static const double dp[REPLAY_DUR_PCT] = {0, 0.01, 0.25, 0.5, 0.75, 0.99, 1};
        static const double mp[REPLAY_MEM_PCT] = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1};
        double sum = 0;
        for (size_t i = 0; i < t->n_fns; i++) {
                const struct replay_fn *f = &t->fns[i];
                double dv[REPLAY_DUR_PCT], mv[REPLAY_MEM_PCT];
                for (int k = 0; k < REPLAY_DUR_PCT; k++)
                        dv[k] = f->dur_ms[k];
                for (int k = 0; k < REPLAY_MEM_PCT; k++)
                        mv[k] = f->mem_mib[k];
                uint64_t ord = 0;
                for (size_t m = 0; m < f->n_minutes; m++)
                        for (uint32_t k = 0; k < f->minutes[m].count; k++, ord++) {
                                double u = rp_rand(seed, 0xa1, i, ord);
                                sum += (double)f->minutes[m].minute * 60 +
                                       ((double)k + u) / f->minutes[m].count;
                                sum += replay_inv_cdf(dp, dv, REPLAY_DUR_PCT,
                                                      rp_rand(seed, 0xd1, i, ord));
                                sum += replay_inv_cdf(mp, mv, REPLAY_MEM_PCT,
                                                      rp_rand(seed, 0xe1, i, ord));
                                sum += rp_rand(seed, 0xc1, i, ord);
                        }
        }
        return sum;
}

#define CASES (RP__COUNT + 2)

static void bench(const char *label, const struct replay_trace *t, int reps)
{
        const char *names[CASES] = {"bare pass (floor)", "static", "vpa",
                                    "presize",           "oracle", "all four"};
        double wall[CASES][32], cpu[CASES][32];
        double sink = 0;
        size_t state = 0;
        for (int r = 0; r < reps; r++) {
                for (int c = 0; c < CASES; c++) {
                        double w0 = wall_now(), c0 = cpu_now();
                        if (c == 0) {
                                sink += bare_pass(t, 1);
                        } else {
                                struct replay_opts o;
                                replay_opts_default(&o);
                                for (int p = 0; p < RP__COUNT; p++)
                                        o.policies[p] = c == CASES - 1 || p == c - 1;
                                struct replay_run run;
                                if (replay_run(t, &o, &run) < 0) {
                                        fprintf(stderr, "bench_replay: replay failed\n");
                                        exit(1);
                                }
                                if (run.peak_state_bytes > state)
                                        state = run.peak_state_bytes;
                                sink += run.res[RP_ORACLE].used_gib_s;
                                replay_run_free(&run);
                        }
                        wall[c][r] = wall_now() - w0;
                        cpu[c][r] = cpu_now() - c0;
                }
        }
        printf("%s: %zu functions, %llu invocations, %d interleaved repetitions\n\n", label,
               t->n_fns, (unsigned long long)t->invocations, reps);
        printf(
            "| case | wall s (median) | CPU s (median) | invocations per CPU-second | x floor |\n");
        printf("|---|---:|---:|---:|---:|\n");
        double floor_cpu = 0;
        for (int c = 0; c < CASES; c++) {
                double mw = median(wall[c], reps), mc = median(cpu[c], reps);
                if (c == 0)
                        floor_cpu = mc;
                double per = (double)t->invocations * (c == CASES - 1 ? RP__COUNT : 1);
                printf("| %s | %.2f | %.2f | %.0f%s | %.1f |\n", names[c], mw, mc,
                       mc > 0 ? per / mc : 0, c == CASES - 1 ? " (per policy)" : "",
                       floor_cpu > 0 ? mc / floor_cpu : 0);
        }
        printf("\nTrace in memory: %.1f MiB; simulator state at its largest: %.1f MiB "
               "(checksum %.6g)\n\n",
               (double)replay_trace_bytes(t) / 1048576.0, (double)state / 1048576.0, sink);
}

int main(int argc, char **argv)
{
        const char *azure = NULL;
        unsigned long long synthetic = 1000000;
        int reps = 3;
        for (int i = 1; i < argc; i++) {
                if (!strcmp(argv[i], "--azure") && i + 1 < argc)
                        azure = argv[++i];
                else if (!strcmp(argv[i], "--synthetic") && i + 1 < argc)
                        synthetic = strtoull(argv[++i], NULL, 10);
                else if (!strcmp(argv[i], "--reps") && i + 1 < argc)
                        reps = atoi(argv[++i]);
                else {
                        fprintf(stderr,
                                "usage: bench_replay [--azure DIR] [--synthetic N] [--reps R]\n");
                        return 2;
                }
        }
        if (reps < 1 || reps > 32)
                reps = 3;
        if (azure) {
                struct replay_trace t;
                replay_trace_init(&t);
                char why[512];
                if (replay_read_azure(azure, &t, stderr, why, sizeof(why)) < 0) {
                        fprintf(stderr, "bench_replay: %s\n", why);
                        return 1;
                }
                replay_assign_cores(&t, 1, 0);
                bench("Azure Functions 2019 sample", &t, reps);
                replay_trace_free(&t);
        }
        if (synthetic) {
                struct replay_trace t;
                replay_trace_init(&t);
                if (replay_synthetic(synthetic, 1440, 1, &t) < 0) {
                        fprintf(stderr, "bench_replay: synthetic trace failed\n");
                        return 1;
                }
                replay_assign_cores(&t, 1, 0);
                bench("Synthetic trace (seed 1, one day)", &t, reps);
                replay_trace_free(&t);
        }
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        printf("Peak RSS of the whole benchmark: %.1f MiB\n", (double)ru.ru_maxrss / 1024.0);
        return 0;
}
