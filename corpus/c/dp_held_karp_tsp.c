#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Held-Karp bitmask DP for the travelling salesman on CITIES random cities: a single
 * calloc'd table of 2^(CITIES-1) x (CITIES-1) float distances plus a parent byte table, so
 * memory doubles with every extra city; the tour is rebuilt from the parents */
#define CITIES __SIZE__

typedef float dist_t;

int main(void)
{
        enum { M = CITIES - 1 };
        static dist_t d[CITIES][CITIES];
        double px[CITIES], py[CITIES];
        uint32_t st = 0xC0FFEEu;
        for (int i = 0; i < CITIES; i++) {
                st = st * 1664525u + 1013904223u;
                px[i] = (st >> 8) % 10000;
                st = st * 1664525u + 1013904223u;
                py[i] = (st >> 8) % 10000;
        }
        for (int i = 0; i < CITIES; i++)
                for (int j = 0; j < CITIES; j++) {
                        double dx = px[i] - px[j], dy = py[i] - py[j];
                        double s = dx * dx + dy * dy, r = s > 0 ? s : 0;
                        /* Newton square root keeps this free of libm */
                        double x = r > 1 ? r / 2 : 1;
                        for (int k = 0; k < 40 && r > 0; k++)
                                x = 0.5 * (x + r / x);
                        d[i][j] = (dist_t)(r > 0 ? x : 0);
                }
        size_t states = (size_t)1 << M;
        dist_t *dp = malloc(states * M * sizeof(dist_t));
        unsigned char *par = malloc(states * M);
        for (size_t i = 0; i < states * M; i++)
                dp[i] = 3.0e38f;
        /* city j+1 is bit j; city 0 is the start */
        for (int j = 0; j < M; j++)
                dp[((size_t)1 << j) * M + j] = d[0][j + 1], par[((size_t)1 << j) * M + j] = 255;
        for (size_t mask = 1; mask < states; mask++) {
                for (int j = 0; j < M; j++) {
                        if (!(mask & ((size_t)1 << j)))
                                continue;
                        dist_t base = dp[mask * M + j];
                        if (base >= 3.0e38f)
                                continue;
                        for (int k = 0; k < M; k++) {
                                if (mask & ((size_t)1 << k))
                                        continue;
                                size_t nm = mask | ((size_t)1 << k);
                                dist_t c = base + d[j + 1][k + 1];
                                if (c < dp[nm * M + k])
                                        dp[nm * M + k] = c, par[nm * M + k] = (unsigned char)j;
                        }
                }
        }
        size_t full = states - 1;
        dist_t best = 3.0e38f;
        int last = 0;
        for (int j = 0; j < M; j++) {
                dist_t c = dp[full * M + j] + d[j + 1][0];
                if (c < best)
                        best = c, last = j;
        }
        int tour[CITIES];
        size_t mask = full;
        int pos = M, j = last;
        while (pos > 0) {
                tour[pos--] = j + 1;
                int p = par[mask * M + j];
                mask &= ~((size_t)1 << j);
                j = p;
        }
        tour[0] = 0;
        unsigned h = 0;
        for (int i = 0; i < CITIES; i++)
                h = h * 131 + (unsigned)tour[i];
        printf("%d cities, %zu DP states, optimal tour %.1f, tour hash %08x\n", CITIES, states * M, (double)best, h);
        free(dp);
        free(par);
        return 0;
}
