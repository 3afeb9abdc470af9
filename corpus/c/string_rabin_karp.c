#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N __SIZE__

static long rk_count(const char *text, long n, const char *pat)
{
        long m = (long)strlen(pat), count = 0;
        const uint64_t B = 257;
        uint64_t hp = 0, ht = 0, pow = 1;
        if (m > n)
                return 0;
        for (long i = 0; i < m; i++) {
                hp = hp * B + (unsigned char)pat[i];
                ht = ht * B + (unsigned char)text[i];
                if (i)
                        pow *= B;
        }
        for (long i = 0;; i++) {
                if (hp == ht && memcmp(text + i, pat, m) == 0)
                        count++;
                if (i + m >= n)
                        break;
                ht = (ht - (unsigned char)text[i] * pow) * B + (unsigned char)text[i + m];
        }
        return count;
}

int main(void)
{
        char *text = malloc(N);
        uint32_t x = 1;
        for (long i = 0; i < N; i++) {
                x ^= x << 13, x ^= x >> 17, x ^= x << 5;
                text[i] = "abc"[x % 3];
        }
        const char *pats[] = {"abc", "aaaa", "cabcab", "bbbcc", "abcabcabc"};
        printf("text %d:", N);
        for (int p = 0; p < 5; p++)
                printf(" %ld", rk_count(text, N, pats[p]));
        printf("\n");
        free(text);
        return 0;
}
