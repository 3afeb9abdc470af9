#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Bentley-Sedgewick multikey quicksort of path-like strings kept in one arena */
static const size_t n = __SIZE__;

static const char *const dirs[] = {"usr", "lib", "share", "local", "src", "include", "bin", "etc",
                                   "var", "cache", "doc", "man", "opt", "home", "proj", "build"};

static uint32_t lcg = 2463534242u;
static inline uint32_t rnd(void)
{
        lcg = lcg * 1664525u + 1013904223u;
        return lcg >> 8;
}

static inline int at(const char *s, size_t d)
{
        return (unsigned char)s[d];
}

static inline void swap(const char **a, size_t i, size_t j)
{
        const char *t = a[i];
        a[i] = a[j];
        a[j] = t;
}

static void insertion(const char **a, size_t len, size_t d)
{
        for (size_t i = 1; i < len; i++)
                for (size_t j = i; j > 0 && strcmp(a[j - 1] + d, a[j] + d) > 0; j--)
                        swap(a, j, j - 1);
}

static void mkqsort(const char **a, size_t len, size_t d)
{
        while (len > 1) {
                if (len < 10) {
                        insertion(a, len, d);
                        return;
                }
                int p0 = at(a[0], d), p1 = at(a[len / 2], d), p2 = at(a[len - 1], d);
                int v = p0 < p1 ? (p1 < p2 ? p1 : (p0 < p2 ? p2 : p0)) : (p0 < p2 ? p0 : (p1 < p2 ? p2 : p1));
                size_t lt = 0, i = 0, gt = len;
                while (i < gt) {
                        int c = at(a[i], d);
                        if (c < v)
                                swap(a, lt++, i++);
                        else if (c > v)
                                swap(a, i, --gt);
                        else
                                i++;
                }
                mkqsort(a, lt, d);
                if (v != 0)
                        mkqsort(a + lt, gt - lt, d + 1);
                a += gt;
                len -= gt;
        }
}

int main(void)
{
        char *arena = malloc(n * 48);
        const char **v = malloc(n * sizeof *v);
        size_t used = 0;
        for (size_t i = 0; i < n; i++) {
                char *s = arena + used;
                int len = sprintf(s, "/%s/%s/%s/f%x", dirs[rnd() & 15], dirs[rnd() & 15], dirs[rnd() % 7], rnd() & 0xfffff);
                v[i] = s;
                used += (size_t)len + 1;
        }
        mkqsort(v, n, 0);
        size_t bad = 0, distinct = 1;
        uint64_t h = 1469598103934665603ULL;
        for (size_t i = 1; i < n; i++) {
                int c = strcmp(v[i - 1], v[i]);
                bad += c > 0;
                distinct += c != 0;
                if ((i & 1023) == 0)
                        h = (h ^ (uint64_t)(v[i] - arena)) * 1099511628211ULL;
        }
        printf("sorted %zu paths (%zu distinct), arena %zu bytes, out of order %zu, first %s hash %016llx\n",
               n, distinct, used, bad, v[0], (unsigned long long)h);
        free(v);
        free(arena);
        return 0;
}
