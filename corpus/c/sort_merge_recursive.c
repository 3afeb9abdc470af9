#include <stdio.h>
#include <stdlib.h>

#define N __SIZE__

static void merge_sort(int *a, int *tmp, long lo, long hi)
{
        if (hi - lo < 2)
                return;
        long mid = lo + (hi - lo) / 2;
        merge_sort(a, tmp, lo, mid);
        merge_sort(a, tmp, mid, hi);
        long i = lo, j = mid, k = lo;
        while (i < mid && j < hi)
                tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
        while (i < mid)
                tmp[k++] = a[i++];
        while (j < hi)
                tmp[k++] = a[j++];
        for (k = lo; k < hi; k++)
                a[k] = tmp[k];
}

int main(void)
{
        int *a = malloc(sizeof(int) * N), *tmp = malloc(sizeof(int) * N);
        unsigned s = 12345;
        for (long i = 0; i < N; i++) {
                s = s * 1103515245u + 12345u;
                a[i] = (int)(s >> 1);
        }
        merge_sort(a, tmp, 0, N);
        long ok = 1;
        for (long i = 1; i < N; i++)
                if (a[i - 1] > a[i])
                        ok = 0;
        printf("merge sort %d ok %ld median %d\n", N, ok, a[N / 2]);
        free(a);
        free(tmp);
        return 0;
}
