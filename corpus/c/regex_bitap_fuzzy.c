#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* agrep-style approximate matching: patterns with [..] classes and '.' wildcards compiled to
 * 64-bit Shift-And character masks, then the Wu-Manber bit-parallel recurrence for up to K
 * substitutions/insertions/deletions over a whole generated text held in one malloc'd block
 * (N bytes, kept for all passes); reports matches per pattern and error level */
#define K 2

struct fuzzy {
        const char *src;
        uint64_t mask[256];
        int len;
        long hits[K + 1];
};

static void compile(struct fuzzy *f)
{
        memset(f->mask, 0, sizeof f->mask);
        int pos = 0;
        for (const char *p = f->src; *p; p++, pos++) {
                uint64_t bit = 1ULL << pos;
                if (*p == '.') {
                        for (int c = 0; c < 256; c++)
                                f->mask[c] |= bit;
                } else if (*p == '[') {
                        for (p++; *p != ']'; p++)
                                f->mask[(unsigned char)*p] |= bit;
                } else {
                        f->mask[(unsigned char)*p] |= bit;
                }
        }
        f->len = pos;
}

static void scan(struct fuzzy *f, const unsigned char *t, size_t n)
{
        uint64_t r[K + 1], accept = 1ULL << (f->len - 1);
        for (int k = 0; k <= K; k++)
                r[k] = (1ULL << k) - 1;
        for (size_t i = 0; i < n; i++) {
                uint64_t m = f->mask[t[i]];
                uint64_t old = r[0];
                r[0] = ((r[0] << 1) | 1) & m;
                for (int k = 1; k <= K; k++) {
                        uint64_t prev_old = old;
                        old = r[k];
                        r[k] = (((old << 1) | 1) & m) | prev_old | ((prev_old | r[k - 1]) << 1) | 1;
                        r[k] &= ~0ULL >> 1 >> (63 - f->len);
                        r[k] |= (1ULL << k) - 1;
                }
                for (int k = 0; k <= K; k++)
                        if (r[k] & accept) {
                                f->hits[k]++;
                                break;
                        }
        }
}

static struct fuzzy pats[] = {
        {.src = "kalomi"}, {.src = "[st]a[nr]u"}, {.src = "the.and"}, {.src = "vi[aeiou]ing"}, {.src = "neruka"},
};

int main(void)
{
        size_t n = __SIZE__;
        unsigned char *text = malloc(n);
        static const char *syl[] = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "an", "el", "or", "us", "the", "and", "ing"};
        uint32_t s = 0xBADC0DEu;
        size_t i = 0;
        while (i < n) {
                s ^= s << 13, s ^= s >> 17, s ^= s << 5;
                const char *w = (s % 9 == 0) ? " " : syl[(s >> 8) % 15];
                for (; *w && i < n; w++)
                        text[i++] = (unsigned char)*w;
        }
        long total = 0;
        for (size_t p = 0; p < sizeof pats / sizeof *pats; p++) {
                compile(&pats[p]);
                scan(&pats[p], text, n);
                printf("%s:%ld/%ld/%ld ", pats[p].src, pats[p].hits[0], pats[p].hits[1], pats[p].hits[2]);
                total += pats[p].hits[0] + pats[p].hits[1] + pats[p].hits[2];
        }
        printf("| %zu bytes, %ld fuzzy matches\n", n, total);
        free(text);
        return 0;
}
