#include <math.h>
#include <stdio.h>

/* golden-section and ternary search for the minima of many smooth unimodal functions, plus
 * integer ternary search on a convex sequence; no arrays at all, so memory stays constant
 * while CPU grows with the number of problems */
struct problem {
        double a, b, c, shift;
};

static double f(const struct problem *p, double x)
{
        double d = x - p->shift;
        return p->a * d * d + p->b * cosh(d * 0.1) + p->c * fabs(d) * 0.01;
}

static double golden(const struct problem *p, double lo, double hi, int *evals)
{
        const double g = (sqrt(5.0) - 1) / 2;
        double x1 = hi - g * (hi - lo), x2 = lo + g * (hi - lo);
        double f1 = f(p, x1), f2 = f(p, x2);
        *evals += 2;
        while (hi - lo > 1e-9) {
                if (f1 < f2) {
                        hi = x2, x2 = x1, f2 = f1;
                        x1 = hi - g * (hi - lo);
                        f1 = f(p, x1);
                } else {
                        lo = x1, x1 = x2, f1 = f2;
                        x2 = lo + g * (hi - lo);
                        f2 = f(p, x2);
                }
                ++*evals;
        }
        return (lo + hi) / 2;
}

static long convex(long x, long k)
{
        long d = x - k;
        return d * d + (d > 0 ? d : -d) * 3;
}

static long int_ternary(long lo, long hi, long k)
{
        while (hi - lo > 2) {
                long m1 = lo + (hi - lo) / 3, m2 = hi - (hi - lo) / 3;
                if (convex(m1, k) < convex(m2, k))
                        hi = m2;
                else
                        lo = m1;
        }
        long best = lo;
        for (long x = lo + 1; x <= hi; x++)
                if (convex(x, k) < convex(best, k))
                        best = x;
        return best;
}

static void solve(long problems)
{
        unsigned int seed = 2024;
        double sum = 0;
        long isum = 0;
        int evals = 0;
        for (long i = 0; i < problems; i++) {
                seed = seed * 1664525u + 1013904223u;
                struct problem p = {1.0 + (seed >> 24) / 64.0, (seed >> 8 & 255) / 32.0, (seed & 255) / 8.0,
                                    ((int)(seed % 20001) - 10000) / 100.0};
                sum += golden(&p, -200.0, 200.0, &evals);
                isum += int_ternary(-1000000000L, 1000000000L, (long)(seed % 2000000001u) - 1000000000L);
        }
        printf("%ld problems, mean argmin %.6f, int argmin sum %ld, %d evaluations\n", problems, sum / problems, isum,
               evals);
}

int main(void)
{
        solve(__SIZE__);
        return 0;
}
