#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Strassen multiplication of two n x n int32 matrices (mod 2^32 wrap-around, so the check is
 * exact): recursion on even sizes above a cutoff, seven products and the quadrant sums in
 * freshly malloc'd temporaries at every level (freed on return), naive i-k-j below the cutoff
 * or for odd sizes; verified against a few naive rows */
typedef uint32_t u32;

struct mat {
        u32 *p;
        int stride;
};

static struct mat sub(struct mat m, int r, int c)
{
        return (struct mat){m.p + (size_t)r * m.stride + c, m.stride};
}

static struct mat fresh(int n)
{
        return (struct mat){malloc(sizeof(u32) * (size_t)n * n), n};
}

static void add(int n, struct mat a, struct mat b, struct mat c, int sign)
{
        for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                        c.p[(size_t)i * c.stride + j] =
                                a.p[(size_t)i * a.stride + j] + (u32)sign * b.p[(size_t)i * b.stride + j];
}

static void naive(int n, struct mat a, struct mat b, struct mat c)
{
        for (int i = 0; i < n; i++) {
                u32 *ci = c.p + (size_t)i * c.stride;
                memset(ci, 0, sizeof(u32) * n);
                for (int k = 0; k < n; k++) {
                        u32 aik = a.p[(size_t)i * a.stride + k];
                        const u32 *bk = b.p + (size_t)k * b.stride;
                        for (int j = 0; j < n; j++)
                                ci[j] += aik * bk[j];
                }
        }
}

static long products;

static void strassen(int n, struct mat a, struct mat b, struct mat c)
{
        if (n <= 48 || (n & 1)) {
                naive(n, a, b, c);
                products++;
                return;
        }
        int h = n / 2;
        struct mat a11 = sub(a, 0, 0), a12 = sub(a, 0, h), a21 = sub(a, h, 0), a22 = sub(a, h, h);
        struct mat b11 = sub(b, 0, 0), b12 = sub(b, 0, h), b21 = sub(b, h, 0), b22 = sub(b, h, h);
        struct mat t1 = fresh(h), t2 = fresh(h), m[7];
        for (int i = 0; i < 7; i++)
                m[i] = fresh(h);
        add(h, a11, a22, t1, 1), add(h, b11, b22, t2, 1), strassen(h, t1, t2, m[0]);
        add(h, a21, a22, t1, 1), strassen(h, t1, b11, m[1]);
        add(h, b12, b22, t2, -1), strassen(h, a11, t2, m[2]);
        add(h, b21, b11, t2, -1), strassen(h, a22, t2, m[3]);
        add(h, a11, a12, t1, 1), strassen(h, t1, b22, m[4]);
        add(h, a21, a11, t1, -1), add(h, b11, b12, t2, 1), strassen(h, t1, t2, m[5]);
        add(h, a12, a22, t1, -1), add(h, b21, b22, t2, 1), strassen(h, t1, t2, m[6]);
        for (int i = 0; i < h; i++)
                for (int j = 0; j < h; j++) {
                        size_t k = (size_t)i * h + j;
                        u32 *c11 = c.p + (size_t)i * c.stride + j, *c12 = c11 + h;
                        u32 *c21 = c11 + (size_t)h * c.stride, *c22 = c21 + h;
                        *c11 = m[0].p[k] + m[3].p[k] - m[4].p[k] + m[6].p[k];
                        *c12 = m[2].p[k] + m[4].p[k];
                        *c21 = m[1].p[k] + m[3].p[k];
                        *c22 = m[0].p[k] - m[1].p[k] + m[2].p[k] + m[5].p[k];
                }
        free(t1.p), free(t2.p);
        for (int i = 0; i < 7; i++)
                free(m[i].p);
}

int main(void)
{
        int n = __SIZE__;
        struct mat a = fresh(n), b = fresh(n), c = fresh(n);
        u32 s = 1;
        for (size_t i = 0; i < (size_t)n * n; i++) {
                s = s * 747796405u + 2891336453u;
                a.p[i] = s >> 20;
                s = s * 747796405u + 2891336453u;
                b.p[i] = s >> 20;
        }
        strassen(n, a, b, c);
        int bad = 0;
        for (int i = 0; i < n; i += n / 4 + 1)
                for (int j = 0; j < n; j++) {
                        u32 acc = 0;
                        for (int k = 0; k < n; k++)
                                acc += a.p[(size_t)i * n + k] * b.p[(size_t)k * n + j];
                        bad += acc != c.p[(size_t)i * n + j];
                }
        u32 trace = 0, fold = 0;
        for (int i = 0; i < n; i++)
                trace += c.p[(size_t)i * n + i];
        for (size_t i = 0; i < (size_t)n * n; i++)
                fold = fold * 31 + c.p[i];
        printf("strassen %dx%d: %ld leaf products, %d mismatches, trace %u, fold %08x\n", n, n, products, bad, trace, fold);
        free(a.p), free(b.p), free(c.p);
        return 0;
}
