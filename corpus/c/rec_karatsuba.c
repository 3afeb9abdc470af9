#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* recursive Karatsuba multiplication of two big decimal numbers (base 10^4 limbs held
 * in int64, carries resolved once at the end); scratch space malloc'd per call;
 * checked modulo the Mersenne prime 2^61-1 */
#define BASE 10000
#define CUTOFF 24

static void schoolbook(const int64_t *a, const int64_t *b, int n, int64_t *r)
{
        memset(r, 0, sizeof(int64_t) * 2 * (size_t)n);
        for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                        r[i + j] += a[i] * b[j];
}

/* r has room for 2n limbs */
static void karatsuba(const int64_t *a, const int64_t *b, int n, int64_t *r)
{
        if (n <= CUTOFF) {
                schoolbook(a, b, n, r);
                return;
        }
        int h = n / 2, hi = n - h;
        int64_t *sa = malloc(sizeof(int64_t) * (size_t)hi), *sb = malloc(sizeof(int64_t) * (size_t)hi);
        int64_t *mid = malloc(sizeof(int64_t) * 2 * (size_t)hi);
        for (int i = 0; i < hi; i++) {
                sa[i] = a[h + i] + (i < h ? a[i] : 0);
                sb[i] = b[h + i] + (i < h ? b[i] : 0);
        }
        memset(r, 0, sizeof(int64_t) * 2 * (size_t)n);
        int64_t *low = malloc(sizeof(int64_t) * 2 * (size_t)h), *high = malloc(sizeof(int64_t) * 2 * (size_t)hi);
        karatsuba(a, b, h, low);
        karatsuba(a + h, b + h, hi, high);
        karatsuba(sa, sb, hi, mid);
        for (int i = 0; i < 2 * h; i++)
                mid[i] -= low[i], r[i] += low[i];
        for (int i = 0; i < 2 * hi; i++)
                mid[i] -= high[i], r[2 * h + i] += high[i];
        for (int i = 0; i < 2 * hi; i++)
                r[h + i] += mid[i];
        free(sa), free(sb), free(mid), free(low), free(high);
}

static const uint64_t P = (1ULL << 61) - 1;

static uint64_t mulmod(uint64_t a, uint64_t b)
{
        unsigned __int128 x = (unsigned __int128)a * b;
        uint64_t lo = (uint64_t)x & P, hi = (uint64_t)(x >> 61);
        uint64_t s = lo + hi;
        return s >= P ? s - P : s;
}

static uint64_t value_mod(const int64_t *limbs, int n)
{
        uint64_t v = 0;
        for (int i = n - 1; i >= 0; i--) {
                v = mulmod(v, BASE) + (uint64_t)limbs[i];
                if (v >= P)
                        v -= P;
        }
        return v;
}

static void karatsuba_bench(int limbs)
{
        int64_t *a = malloc(sizeof(int64_t) * (size_t)limbs), *b = malloc(sizeof(int64_t) * (size_t)limbs);
        int64_t *r = malloc(sizeof(int64_t) * 2 * (size_t)limbs);
        uint32_t s = 314159;
        for (int i = 0; i < limbs; i++) {
                s = s * 1664525u + 1013904223u;
                a[i] = (s >> 8) % BASE;
                s = s * 1664525u + 1013904223u;
                b[i] = (s >> 8) % BASE;
        }
        a[limbs - 1] |= 1, b[limbs - 1] |= 1;
        karatsuba(a, b, limbs, r);
        int64_t carry = 0;
        for (int i = 0; i < 2 * limbs; i++) {
                int64_t v = r[i] + carry;
                r[i] = v % BASE;
                carry = v / BASE;
        }
        int top = 2 * limbs - 1;
        while (top > 0 && r[top] == 0)
                top--;
        int ok = mulmod(value_mod(a, limbs), value_mod(b, limbs)) == value_mod(r, 2 * limbs) && carry == 0;
        printf("karatsuba %d x %d limbs (%d digits): product has %d digits, leading %lld%04lld, check %s\n", limbs,
               limbs, 4 * limbs, 4 * top + (r[top] >= 1000 ? 4 : r[top] >= 100 ? 3 : r[top] >= 10 ? 2 : 1),
               (long long)r[top], (long long)(top > 0 ? r[top - 1] : 0), ok ? "ok" : "FAILED");
        free(a), free(b), free(r);
}

int main(void)
{
        karatsuba_bench(__SIZE__);
        return 0;
}
