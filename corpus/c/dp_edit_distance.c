#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N __SIZE__

static int min3(int a, int b, int c)
{
        int m = a < b ? a : b;
        return m < c ? m : c;
}

static int levenshtein(const char *s, const char *t, int n, int m)
{
        int *prev = malloc((m + 1) * sizeof(int)), *cur = malloc((m + 1) * sizeof(int));
        for (int j = 0; j <= m; j++)
                prev[j] = j;
        for (int i = 1; i <= n; i++) {
                cur[0] = i;
                for (int j = 1; j <= m; j++)
                        cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (s[i - 1] != t[j - 1]));
                int *tmp = prev;
                prev = cur;
                cur = tmp;
        }
        int d = prev[m];
        free(prev), free(cur);
        return d;
}

int main(void)
{
        char *s = malloc(N + 1), *t = malloc(N + 1);
        srand(23);
        for (int i = 0; i < N; i++)
                s[i] = (char)('a' + rand() % 8);
        memcpy(t, s, N);
        for (int k = 0; k < N / 4; k++)
                t[rand() % N] = (char)('a' + rand() % 8);
        s[N] = t[N] = 0;
        printf("edit distance %d over %d chars\n", levenshtein(s, t, N, N), N);
        free(s), free(t);
        return 0;
}
