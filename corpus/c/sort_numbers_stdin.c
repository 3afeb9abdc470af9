#include <stdio.h>
#include <stdlib.h>

static int cmp_long(const void *a, const void *b)
{
        long x = *(const long *)a, y = *(const long *)b;
        return (x > y) - (x < y);
}

int main(void)
{
        size_t cap = 1024, n = 0;
        long *v = malloc(cap * sizeof(long));
        long x;
        while (scanf("%ld", &x) == 1) {
                if (n == cap) {
                        cap *= 2;
                        v = realloc(v, cap * sizeof(long));
                }
                v[n++] = x;
        }
        qsort(v, n, sizeof(long), cmp_long);
        size_t distinct = n > 0;
        for (size_t i = 1; i < n; i++)
                distinct += v[i] != v[i - 1];
        printf("count %zu distinct %zu median %ld\n", n, distinct, n ? v[n / 2] : 0);
        free(v);
        return 0;
}
