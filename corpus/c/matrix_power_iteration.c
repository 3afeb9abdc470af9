#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define N __SIZE__
#define ITERS 60

int main(void)
{
        double *m = malloc(sizeof(double) * N * N), *v = malloc(sizeof(double) * N), *w = malloc(sizeof(double) * N);
        unsigned s = 77;
        for (long i = 0; i < N; i++)
                for (long j = 0; j <= i; j++) {
                        s = s * 1103515245u + 12345u;
                        m[i * N + j] = m[j * N + i] = (double)((s >> 16) & 0x7FFF) / 32768.0;
                }
        for (long i = 0; i < N; i++)
                v[i] = 1.0;
        double lambda = 0;
        for (int it = 0; it < ITERS; it++) {
                for (long i = 0; i < N; i++) {
                        double acc = 0;
                        for (long j = 0; j < N; j++)
                                acc += m[i * N + j] * v[j];
                        w[i] = acc;
                }
                double norm = 0;
                for (long i = 0; i < N; i++)
                        norm += w[i] * w[i];
                norm = sqrt(norm);
                for (long i = 0; i < N; i++)
                        v[i] = w[i] / norm;
                lambda = norm;
        }
        printf("power iteration %d: dominant eigenvalue ~ %.6f\n", N, lambda);
        free(m), free(v), free(w);
        return 0;
}
