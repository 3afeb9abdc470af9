#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define N __SIZE__

int main(void)
{
        double **a = malloc(sizeof(double *) * N);
        for (int i = 0; i < N; i++)
                a[i] = malloc(sizeof(double) * N);
        /* symmetric positive definite: M = B*B^T/N + I, built from a small random B row by row */
        srand(5);
        double *r = malloc(sizeof(double) * N * 4);
        for (int i = 0; i < N * 4; i++)
                r[i] = rand() / (double)RAND_MAX;
        for (int i = 0; i < N; i++)
                for (int j = 0; j <= i; j++) {
                        double v = 0;
                        for (int k = 0; k < 4; k++)
                                v += r[i * 4 + k] * r[j * 4 + k];
                        a[i][j] = a[j][i] = v + (i == j ? 1.0 : 0.0);
                }
        for (int j = 0; j < N; j++) {
                double s = a[j][j];
                for (int k = 0; k < j; k++)
                        s -= a[j][k] * a[j][k];
                a[j][j] = sqrt(s);
                for (int i = j + 1; i < N; i++) {
                        double t = a[i][j];
                        for (int k = 0; k < j; k++)
                                t -= a[i][k] * a[j][k];
                        a[i][j] = t / a[j][j];
                }
        }
        double logdet = 0;
        for (int i = 0; i < N; i++)
                logdet += 2 * log(a[i][i]);
        printf("cholesky %d log det %.6f\n", N, logdet);
        for (int i = 0; i < N; i++)
                free(a[i]);
        free(a), free(r);
        return 0;
}
