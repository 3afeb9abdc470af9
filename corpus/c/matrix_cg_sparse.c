#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* conjugate gradient on the 5-point Laplacian of a GRID x GRID mesh stored in CSR form */
enum { GRID = __SIZE__ };

struct csr {
        int n, nnz;
        int *rowptr, *col;
        double *val;
};

static struct csr laplacian(int g)
{
        struct csr a;
        a.n = g * g;
        a.rowptr = malloc(sizeof(int) * (size_t)(a.n + 1));
        a.col = malloc(sizeof(int) * (size_t)a.n * 5);
        a.val = malloc(sizeof(double) * (size_t)a.n * 5);
        int k = 0;
        for (int y = 0; y < g; y++)
                for (int x = 0; x < g; x++) {
                        int r = y * g + x;
                        a.rowptr[r] = k;
                        if (y > 0)
                                a.col[k] = r - g, a.val[k++] = -1.0;
                        if (x > 0)
                                a.col[k] = r - 1, a.val[k++] = -1.0;
                        a.col[k] = r, a.val[k++] = 4.0 + 1e-3 * ((x * 7 + y * 13) % 10);
                        if (x + 1 < g)
                                a.col[k] = r + 1, a.val[k++] = -1.0;
                        if (y + 1 < g)
                                a.col[k] = r + g, a.val[k++] = -1.0;
                }
        a.rowptr[a.n] = k;
        a.nnz = k;
        return a;
}

static void spmv(const struct csr *a, const double *x, double *y)
{
        for (int r = 0; r < a->n; r++) {
                double s = 0;
                for (int k = a->rowptr[r]; k < a->rowptr[r + 1]; k++)
                        s += a->val[k] * x[a->col[k]];
                y[r] = s;
        }
}

static double dot(const double *a, const double *b, int n)
{
        double s = 0;
        for (int i = 0; i < n; i++)
                s += a[i] * b[i];
        return s;
}

int main(void)
{
        struct csr a = laplacian(GRID);
        int n = a.n;
        double *x = calloc((size_t)n, sizeof(double)), *b = malloc(sizeof(double) * (size_t)n);
        double *r = malloc(sizeof(double) * (size_t)n), *p = malloc(sizeof(double) * (size_t)n);
        double *ap = malloc(sizeof(double) * (size_t)n);
        for (int i = 0; i < n; i++) {
                int y = i / GRID, xx = i % GRID;
                b[i] = sin(0.1 * xx) * cos(0.07 * y) + ((i * 2654435761u) >> 28) * 0.01;
                r[i] = p[i] = b[i];
        }
        double rr = dot(r, r, n), tol = 1e-10 * rr;
        int it = 0;
        while (it < 10 * GRID && rr > tol) {
                spmv(&a, p, ap);
                double alpha = rr / dot(p, ap, n);
                for (int i = 0; i < n; i++) {
                        x[i] += alpha * p[i];
                        r[i] -= alpha * ap[i];
                }
                double rr2 = dot(r, r, n);
                double beta = rr2 / rr;
                for (int i = 0; i < n; i++)
                        p[i] = r[i] + beta * p[i];
                rr = rr2;
                it++;
        }
        spmv(&a, x, ap);
        double err = 0;
        for (int i = 0; i < n; i++)
                err = fmax(err, fabs(ap[i] - b[i]));
        printf("CG on %dx%d grid (%d unknowns, %d nonzeros): %d iterations, residual %.3e, x[mid] %.6f\n", GRID, GRID,
               n, a.nnz, it, err, x[n / 2]);
        free(a.rowptr), free(a.col), free(a.val), free(x), free(b), free(r), free(p), free(ap);
        return 0;
}
