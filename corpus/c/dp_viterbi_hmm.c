#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Viterbi decoding of a sampled hidden Markov model in log space;
 * back-pointers are a T x S table reached through a pointer to array */
#define S 48
#define M 16

static uint64_t st = 0xDEADBEEFCAFEULL;
static double unif(void)
{
        st = st * 6364136223846793005ULL + 1442695040888963407ULL;
        return (double)(st >> 11) * (1.0 / 9007199254740992.0);
}

static int sample(const double *p, int n)
{
        double u = unif(), acc = 0;
        for (int i = 0; i < n; i++) {
                acc += p[i];
                if (u < acc)
                        return i;
        }
        return n - 1;
}

static void random_dist(double *p, int n, double sharp)
{
        double sum = 0;
        for (int i = 0; i < n; i++)
                sum += p[i] = pow(unif() + 1e-3, sharp);
        for (int i = 0; i < n; i++)
                p[i] /= sum;
}

int main(void)
{
        const long T = __SIZE__;
        static double trans[S][S], emit[S][M], ltrans[S][S], lemit[S][M];
        for (int i = 0; i < S; i++) {
                random_dist(trans[i], S, 6.0);
                random_dist(emit[i], M, 10.0);
                for (int j = 0; j < S; j++)
                        ltrans[i][j] = log(trans[i][j]);
                for (int k = 0; k < M; k++)
                        lemit[i][k] = log(emit[i][k]);
        }
        uint8_t *hidden = malloc((size_t)T), *obs = malloc((size_t)T), *path = malloc((size_t)T);
        int state = 0;
        for (long t = 0; t < T; t++) {
                hidden[t] = (uint8_t)state;
                obs[t] = (uint8_t)sample(emit[state], M);
                state = sample(trans[state], S);
        }
        uint8_t(*bp)[S] = malloc(sizeof(uint8_t[S]) * (size_t)T);
        double prev[S], cur[S];
        for (int j = 0; j < S; j++)
                prev[j] = -log((double)S) + lemit[j][obs[0]];
        for (long t = 1; t < T; t++) {
                for (int j = 0; j < S; j++) {
                        double best = -INFINITY;
                        int arg = 0;
                        for (int i = 0; i < S; i++) {
                                double v = prev[i] + ltrans[i][j];
                                if (v > best)
                                        best = v, arg = i;
                        }
                        cur[j] = best + lemit[j][obs[t]];
                        bp[t][j] = (uint8_t)arg;
                }
                for (int j = 0; j < S; j++)
                        prev[j] = cur[j];
        }
        int last = 0;
        for (int j = 1; j < S; j++)
                if (prev[j] > prev[last])
                        last = j;
        double logp = prev[last];
        for (long t = T - 1; t >= 0; t--) {
                path[t] = (uint8_t)last;
                if (t > 0)
                        last = bp[t][last];
        }
        long correct = 0;
        for (long t = 0; t < T; t++)
                correct += path[t] == hidden[t];
        printf("viterbi over %ld observations, %d states: log p %.3f, %.2f%% of states recovered\n", T, S, logp,
               100.0 * (double)correct / (double)T);
        free(hidden), free(obs), free(path), free(bp);
        return 0;
}
