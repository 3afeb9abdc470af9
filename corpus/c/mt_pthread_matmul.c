#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define N __SIZE__
#define THREADS 2

static double *A, *B, *C;

static void *rows(void *arg)
{
        long id = (long)arg;
        for (long i = id; i < N; i += THREADS)
                for (long k = 0; k < N; k++) {
                        double a = A[i * N + k];
                        for (long j = 0; j < N; j++)
                                C[i * N + j] += a * B[k * N + j];
                }
        return NULL;
}

int main(void)
{
        A = malloc(sizeof(double) * N * N), B = malloc(sizeof(double) * N * N), C = calloc((size_t)N * N, sizeof(double));
        for (long i = 0; i < (long)N * N; i++) {
                A[i] = (double)(i % 17) / 17.0;
                B[i] = (double)(i % 23) / 23.0;
        }
        pthread_t t[THREADS];
        for (long i = 0; i < THREADS; i++)
                pthread_create(&t[i], NULL, rows, (void *)i);
        for (int i = 0; i < THREADS; i++)
                pthread_join(t[i], NULL);
        double tr = 0;
        for (long i = 0; i < N; i++)
                tr += C[i * N + i];
        printf("threaded matmul %d trace %.4f\n", N, tr);
        free(A), free(B), free(C);
        return 0;
}
