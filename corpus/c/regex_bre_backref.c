#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* POSIX basic regular expressions with back-references (\(..\)\1) via regex.h: generated
 * sentences are kept as individually malloc'd strings in a pointer array, then scanned for
 * doubled words, an a-b-a word echo, and (extended syntax, case-insensitive) a date shape;
 * every match is walked with REG_NOTBOL to find all of them; memory grows with the lines */
#define LINES __SIZE__

static long count_all(const regex_t *re, const char *s, long *chars)
{
        regmatch_t m[2];
        long n = 0;
        int flags = 0;
        while (regexec(re, s, 2, m, flags) == 0) {
                n++;
                *chars += m[0].rm_eo - m[0].rm_so;
                s += m[0].rm_eo > 0 ? m[0].rm_eo : 1;
                flags = REG_NOTBOL;
                if (!*s)
                        break;
        }
        return n;
}

int main(void)
{
        static const char *vocab[] = {"stone", "river", "cloud", "amber", "night", "ember", "quill", "frost",
                                      "lumen", "delta", "north", "crane", "prism", "tidal", "orbit", "vale"};
        char **lines = malloc(sizeof(char *) * LINES);
        unsigned long long s = 7;
        char buf[256];
        for (long i = 0; i < LINES; i++) {
                int len = 0, words = 4 + (int)(i % 7);
                const char *prev = NULL;
                for (int w = 0; w < words; w++) {
                        s = s * 6364136223846793005ULL + 1;
                        const char *word = ((s >> 60) == 0 && prev) ? prev : vocab[(s >> 33) % 16];
                        len += snprintf(buf + len, sizeof buf - (size_t)len, "%s%s", w ? " " : "", word);
                        prev = word;
                }
                if ((s >> 20) % 5 == 0)
                        len += snprintf(buf + len, sizeof buf - (size_t)len, " on %04d-%02d-%02d",
                                        1990 + (int)((s >> 8) % 40), 1 + (int)((s >> 14) % 12), 1 + (int)((s >> 24) % 28));
                lines[i] = strdup(buf);
        }
        regex_t doubled, echo, date;
        if (regcomp(&doubled, "\\([a-z][a-z]*\\) \\1\\b", 0) || regcomp(&echo, "\\b\\([a-z]*\\) [a-z]* \\1\\b", 0) ||
            regcomp(&date, "(19|20)[0-9]{2}-(0[1-9]|1[0-2])-[0-9]{2}", REG_EXTENDED | REG_ICASE)) {
                fprintf(stderr, "regcomp failed\n");
                return 1;
        }
        long nd = 0, ne = 0, nt = 0, chars = 0;
        for (long i = 0; i < LINES; i++) {
                nd += count_all(&doubled, lines[i], &chars);
                ne += count_all(&echo, lines[i], &chars);
                nt += count_all(&date, lines[i], &chars);
        }
        printf("%d lines: %ld doubled words, %ld echoes, %ld dates, %ld matched chars\n", LINES, nd, ne, nt, chars);
        regfree(&doubled), regfree(&echo), regfree(&date);
        for (long i = 0; i < LINES; i++)
                free(lines[i]);
        free(lines);
        return 0;
}
