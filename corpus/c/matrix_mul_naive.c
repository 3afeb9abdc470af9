#include <stdio.h>
#include <stdlib.h>

#define N __SIZE__

int main(void)
{
        double *a = malloc(sizeof(double) * N * N), *b = malloc(sizeof(double) * N * N);
        double *c = calloc((size_t)N * N, sizeof(double));
        srand(1);
        for (long i = 0; i < (long)N * N; i++) {
                a[i] = rand() / (double)RAND_MAX;
                b[i] = rand() / (double)RAND_MAX;
        }
        for (long i = 0; i < N; i++)
                for (long j = 0; j < N; j++) {
                        double acc = 0;
                        for (long k = 0; k < N; k++)
                                acc += a[i * N + k] * b[k * N + j];
                        c[i * N + j] = acc;
                }
        double tr = 0;
        for (long i = 0; i < N; i++)
                tr += c[i * N + i];
        printf("naive matmul %d trace %.6f\n", N, tr);
        free(a), free(b), free(c);
        return 0;
}
