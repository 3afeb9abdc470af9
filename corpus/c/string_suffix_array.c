#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N __SIZE__

static const char *text;

static int cmp_suffix(const void *a, const void *b)
{
        return strcmp(text + *(const int *)a, text + *(const int *)b);
}

int main(void)
{
        char *t = malloc(N + 1);
        unsigned s = 31;
        for (int i = 0; i < N; i++) {
                s = s * 1103515245u + 12345u;
                t[i] = "acgt"[(s >> 28) & 3];
        }
        t[N] = 0;
        text = t;
        int *sa = malloc(sizeof(int) * N);
        for (int i = 0; i < N; i++)
                sa[i] = i;
        qsort(sa, N, sizeof(int), cmp_suffix);
        /* longest repeated substring from adjacent suffixes */
        int lrs = 0;
        for (int i = 1; i < N; i++) {
                const char *x = t + sa[i - 1], *y = t + sa[i];
                int l = 0;
                while (x[l] && x[l] == y[l])
                        l++;
                if (l > lrs)
                        lrs = l;
        }
        printf("suffix array of %d chars, first suffix at %d, longest repeat %d\n", N, sa[0], lrs);
        free(t), free(sa);
        return 0;
}
