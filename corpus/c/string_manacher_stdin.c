#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Manacher's algorithm per stdin line (getline): letters folded to lower case,
 * longest palindromic run and total palindromic substrings */
static size_t manacher(const char *s, size_t n, int *rad, size_t *best_center, size_t *count)
{
        /* odd-length palindromes via the interleaved form, index i in 0..2n-2 */
        size_t m = 2 * n - 1, l = 0, r = 0, best = 0;
        for (size_t i = 0; i < m; i++) {
                size_t k = i < r ? (size_t)rad[2 * l - i] : 0;
                if (i < r && k > r - i)
                        k = r - i;
                /* extend: positions (i - k - 1) and (i + k + 1) in interleaved space */
                while (i >= k + 1 && i + k + 1 < m) {
                        size_t a = i - k - 1, b = i + k + 1;
                        if ((a & 1) == 0 && s[a / 2] != s[b / 2])
                                break;
                        k++;
                }
                rad[i] = (int)k;
                if (i + k > r)
                        l = i, r = i + k;
                /* palindromes centred at i: count of real characters in the radius */
                *count += (i & 1) ? (k + 1) / 2 : k / 2 + 1;
                size_t len = (i & 1) ? 2 * ((k + 1) / 2) : 2 * (k / 2) + 1;
                if (len > best)
                        best = len, *best_center = i;
        }
        return best;
}

int main(void)
{
        char *line = NULL, *norm = NULL;
        int *rad = NULL;
        size_t cap = 0, ncap = 0;
        ssize_t got;
        size_t lines = 0, letters = 0, total = 0, longest = 0;
        char best_text[64] = "";
        while ((got = getline(&line, &cap, stdin)) > 0) {
                lines++;
                if ((size_t)got > ncap) {
                        ncap = (size_t)got * 2;
                        norm = realloc(norm, ncap);
                        rad = realloc(rad, 2 * ncap * sizeof *rad);
                }
                size_t n = 0;
                for (ssize_t i = 0; i < got; i++)
                        if (isalpha((unsigned char)line[i]))
                                norm[n++] = (char)tolower((unsigned char)line[i]);
                if (n == 0)
                        continue;
                letters += n;
                size_t center = 0, cnt = 0;
                size_t len = manacher(norm, n, rad, &center, &cnt);
                total += cnt;
                if (len > longest) {
                        longest = len;
                        size_t start = (center + 1) / 2 - len / 2, keep = len < 63 ? len : 63;
                        memcpy(best_text, norm + start, keep);
                        best_text[keep] = 0;
                }
        }
        printf("%zu lines, %zu letters, %zu palindromic substrings, longest %zu: %s\n", lines, letters, total, longest,
               best_text);
        free(line), free(norm), free(rad);
        return 0;
}
