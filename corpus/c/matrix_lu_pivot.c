#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* LU decomposition with partial pivoting of a dense random n x n system stored in one
 * contiguous row-major block (index macro, row swaps through a permutation vector), then
 * forward/back substitution and a residual check against a saved copy; O(n^2) memory in two
 * blocks, O(n^3) CPU */
#define A(m, i, j) ((m)[(size_t)(i) * n + (j)])

static const int n = __SIZE__;

int main(void)
{
        double *a = malloc(sizeof(double) * (size_t)n * n);
        double *orig = malloc(sizeof(double) * (size_t)n * n);
        double *b = malloc(sizeof(double) * n), *x = malloc(sizeof(double) * n), *y = malloc(sizeof(double) * n);
        int *perm = malloc(sizeof(int) * n);
        unsigned long long s = 0x2545F4914F6CDD1DULL;
        for (size_t i = 0; i < (size_t)n * n; i++) {
                s ^= s >> 12, s ^= s << 25, s ^= s >> 27;
                A(a, 0, i) = (double)((s * 0x2545F4914F6CDD1DULL) >> 11) / 9007199254740992.0 - 0.5;
        }
        for (int i = 0; i < n; i++) {
                A(a, i, i) += 1.0;
                b[i] = (double)(i % 7) - 3.0;
                perm[i] = i;
        }
        for (size_t i = 0; i < (size_t)n * n; i++)
                orig[i] = a[i];
        int swaps = 0;
        for (int k = 0; k < n; k++) {
                int p = k;
                double best = fabs(A(a, perm[k], k));
                for (int i = k + 1; i < n; i++)
                        if (fabs(A(a, perm[i], k)) > best)
                                best = fabs(A(a, perm[i], k)), p = i;
                if (p != k) {
                        int t = perm[p];
                        perm[p] = perm[k], perm[k] = t;
                        swaps++;
                }
                double *pk = &A(a, perm[k], 0);
                for (int i = k + 1; i < n; i++) {
                        double *pi = &A(a, perm[i], 0);
                        double l = pi[k] / pk[k];
                        pi[k] = l;
                        for (int j = k + 1; j < n; j++)
                                pi[j] -= l * pk[j];
                }
        }
        for (int i = 0; i < n; i++) {
                double acc = b[perm[i]];
                for (int j = 0; j < i; j++)
                        acc -= A(a, perm[i], j) * y[j];
                y[i] = acc;
        }
        for (int i = n - 1; i >= 0; i--) {
                double acc = y[i];
                for (int j = i + 1; j < n; j++)
                        acc -= A(a, perm[i], j) * x[j];
                x[i] = acc / A(a, perm[i], i);
        }
        double resid = 0, logdet = 0;
        for (int i = 0; i < n; i++) {
                double r = -b[i];
                for (int j = 0; j < n; j++)
                        r += A(orig, i, j) * x[j];
                resid = fmax(resid, fabs(r));
                logdet += log(fabs(A(a, perm[i], i)));
        }
        printf("n=%d: %d row swaps, log|det| %.6f, max residual %.3e, x[0] %.6f\n", n, swaps, logdet, resid, x[0]);
        free(a), free(orig), free(b), free(x), free(y), free(perm);
        return 0;
}
