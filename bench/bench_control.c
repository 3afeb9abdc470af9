/* The control loop's CPU cost (issue 5): control_step for N running sandboxes, each with a full
 * window of samples, as the daemon calls it every sample interval. Mixed loads: a quarter grow
 * their memory (the forecast fires), a quarter are CPU-bound at their limit (threshold), a
 * quarter idle (scale-down considered), a quarter steady. Prints one JSON line:
 * ns per call, and the share of one core that N sandboxes sampled every 100 ms cost. */
#include "control/control.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static unsigned long long now_ns(void)
{
        struct timespec t;
        clock_gettime(CLOCK_MONOTONIC, &t);
        return (unsigned long long)t.tv_sec * 1000000000ULL + (unsigned long long)t.tv_nsec;
}

struct box {
        struct sample_window w;
        struct alloc a;
        struct sample s;
        int kind;
};

static void advance(struct box *b, int round)
{
        b->s.t_ns += 100000000ULL;
        switch (b->kind) {
        case 0: /* growing: 4 MiB per sample, reset when large */
                b->s.memory_bytes = (20ULL << 20) + (uint64_t)(round % 200) * (4ULL << 20);
                b->s.cpu_ns += 30000000ULL;
                break;
        case 1: /* CPU-bound at its limit */
                b->s.cpu_ns += b->a.cpu_millicores * 100000ULL;
                b->s.memory_bytes = 50ULL << 20;
                break;
        case 2: /* idle */
                b->s.cpu_ns += 100000ULL;
                b->s.memory_bytes = 8ULL << 20;
                break;
        default: /* steady half load */
                b->s.cpu_ns += 50000000ULL;
                b->s.memory_bytes = 100ULL << 20;
                b->s.net_rx_bytes += 20000;
                break;
        }
        sample_window_push(&b->w, &b->s);
}

int main(int argc, char **argv)
{
        size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 100;
        int rounds = argc > 2 ? atoi(argv[2]) : 2000;
        if (n == 0 || rounds <= 0)
                return 2;
        struct box *boxes = calloc(n, sizeof(*boxes));
        if (!boxes)
                return 1;
        struct policy p;
        policy_default(&p);
        p.res[RES_CPU].max = 2000;
        struct control_demand d = {.point = {300, 64e6, 1e6}, .upper = {800, 128e6, 5e6}};
        for (size_t i = 0; i < n; i++) {
                sample_window_init(&boxes[i].w);
                boxes[i].kind = (int)(i % 4);
                boxes[i].a = (struct alloc){.cpu_millicores = 1000,
                                            .memory_bytes = 256ULL << 20,
                                            .net_rate_bps = 10000000,
                                            .pids = 64};
                for (int k = 0; k < CONTROL_WINDOW_MAX; k++)
                        advance(&boxes[i], k);
        }
        unsigned long long total = 0, calls = 0, changes = 0;
        for (int r = 0; r < rounds; r++) {
                for (size_t i = 0; i < n; i++)
                        advance(&boxes[i], r);
                unsigned long long t0 = now_ns();
                for (size_t i = 0; i < n; i++) {
                        struct decision dec;
                        control_step(&boxes[i].a, &d, &boxes[i].w, &p, &dec);
                        changes += dec.n_changes;
                        control_commit(&boxes[i].w, &dec);
                        boxes[i].a = dec.alloc;
                        if (boxes[i].a.memory_bytes > (1ULL << 30))
                                boxes[i].a.memory_bytes = 256ULL << 20; /* keep it moving */
                }
                total += now_ns() - t0;
                calls += n;
        }
        double per_call = (double)total / (double)calls;
        printf("{\"sandboxes\": %zu, \"rounds\": %d, \"ns_per_call\": %.0f, \"changes\": %llu, "
               "\"core_share_at_100ms\": %.6f}\n",
               n, rounds, per_call, changes, per_call * (double)n / 1e8);
        free(boxes);
        return 0;
}
