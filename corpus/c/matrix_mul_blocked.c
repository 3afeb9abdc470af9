#include <stdio.h>
#include <stdlib.h>

#define N __SIZE__
#define BS 32

static float *alloc_matrix(unsigned seed)
{
        float *m = malloc(sizeof(float) * N * N);
        for (long i = 0; i < (long)N * N; i++) {
                seed = seed * 1664525u + 1013904223u;
                m[i] = (float)(seed >> 8) / 16777216.0f - 0.5f;
        }
        return m;
}

int main(void)
{
        float *a = alloc_matrix(1), *b = alloc_matrix(2), *c = calloc((size_t)N * N, sizeof(float));
        for (long ii = 0; ii < N; ii += BS)
                for (long kk = 0; kk < N; kk += BS)
                        for (long jj = 0; jj < N; jj += BS)
                                for (long i = ii; i < ii + BS && i < N; i++)
                                        for (long k = kk; k < kk + BS && k < N; k++) {
                                                float aik = a[i * N + k];
                                                for (long j = jj; j < jj + BS && j < N; j++)
                                                        c[i * N + j] += aik * b[k * N + j];
                                        }
        double norm = 0;
        for (long i = 0; i < (long)N * N; i++)
                norm += (double)c[i] * c[i];
        printf("blocked matmul %d frobenius^2 %.3f\n", N, norm);
        free(a), free(b), free(c);
        return 0;
}
