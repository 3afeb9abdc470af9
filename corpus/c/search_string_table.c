#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N __SIZE__

static int cmp_str(const void *a, const void *b)
{
        return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void)
{
        char **names = malloc(N * sizeof(char *));
        unsigned s = 99;
        for (long i = 0; i < N; i++) {
                char buf[24];
                s = s * 1664525u + 1013904223u;
                snprintf(buf, sizeof(buf), "name-%08x", s % (N * 4u));
                names[i] = strdup(buf);
        }
        qsort(names, N, sizeof(char *), cmp_str);
        long hits = 0;
        for (long q = 0; q < N; q++) {
                char buf[24];
                s = s * 1664525u + 1013904223u;
                snprintf(buf, sizeof(buf), "name-%08x", s % (N * 4u));
                char *key = buf;
                if (bsearch(&key, names, N, sizeof(char *), cmp_str))
                        hits++;
        }
        printf("string table %d, hits %ld, first %s\n", N, hits, names[0]);
        for (long i = 0; i < N; i++)
                free(names[i]);
        free(names);
        return 0;
}
