#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Z-algorithm: a length-N text over {a,b,c} made of repeated, mutated blocks is scanned for a
 * pattern by the Z-array of pattern + '#' + text, and the text's own Z-array gives its
 * border/period structure; the concatenation and two int Z-arrays are malloc'd, about 13
 * bytes per character, all kept until the end */
#define TEXT_LEN __SIZE__

static void z_array(const char *s, long n, int32_t *z)
{
        long l = 0, r = 0;
        z[0] = (int32_t)n;
        for (long i = 1; i < n; i++) {
                long k = 0;
                if (i < r)
                        k = z[i - l] < r - i ? z[i - l] : r - i;
                while (i + k < n && s[k] == s[i + k])
                        k++;
                z[i] = (int32_t)k;
                if (i + k > r)
                        l = i, r = i + k;
        }
}

int main(void)
{
        static const char pattern[] = "abcabcaab";
        long m = (long)sizeof pattern - 1, n = TEXT_LEN;
        char *s = malloc((size_t)(m + 1 + n + 1));
        memcpy(s, pattern, (size_t)m);
        s[m] = '#';
        char *text = s + m + 1;
        uint32_t x = 99991;
        char block[64];
        int blen = 0;
        for (long i = 0; i < n; i++) {
                if (i % 4096 == 0) {
                        x = x * 1103515245u + 12345u;
                        blen = 8 + (int)((x >> 16) % 48);
                        for (int k = 0; k < blen; k++) {
                                x = x * 1103515245u + 12345u;
                                block[k] = (char)('a' + (x >> 16) % 3);
                        }
                }
                x = x * 1103515245u + 12345u;
                char c = block[i % blen];
                if (((x >> 16) & 1023) == 0)
                        c = (char)('a' + (x >> 8) % 3);
                text[i] = c;
        }
        text[n] = 0;
        int32_t *zc = malloc(sizeof(int32_t) * (size_t)(m + 1 + n));
        int32_t *zt = malloc(sizeof(int32_t) * (size_t)n);
        z_array(s, m + 1 + n, zc);
        z_array(text, n, zt);
        long occurrences = 0, first = -1;
        for (long i = m + 1; i < m + 1 + n; i++)
                if (zc[i] >= m) {
                        occurrences++;
                        if (first < 0)
                                first = i - m - 1;
                }
        long period = n, longest_border = 0;
        int64_t zsum = 0;
        for (long i = 1; i < n; i++) {
                zsum += zt[i];
                if (period == n && i + zt[i] == n)
                        period = i;
                if (i + zt[i] == n && zt[i] > longest_border)
                        longest_border = zt[i];
        }
        printf("text %ld: pattern found %ld times (first at %ld), period %ld, border %ld, z-sum %lld\n", n, occurrences,
               first, period, longest_border, (long long)zsum);
        free(s), free(zc), free(zt);
        return 0;
}
