#include <stdio.h>
#include <stdlib.h>

#define N __SIZE__

static void sift_down(double *a, long start, long end)
{
        long root = start;
        while (2 * root + 1 <= end) {
                long child = 2 * root + 1, sw = root;
                if (a[sw] < a[child])
                        sw = child;
                if (child + 1 <= end && a[sw] < a[child + 1])
                        sw = child + 1;
                if (sw == root)
                        return;
                double t = a[root];
                a[root] = a[sw];
                a[sw] = t;
                root = sw;
        }
}

int main(void)
{
        double *a = malloc(sizeof(double) * N);
        srand(7);
        for (long i = 0; i < N; i++)
                a[i] = (double)rand() / RAND_MAX;
        for (long start = (N - 2) / 2; start >= 0; start--)
                sift_down(a, start, N - 1);
        for (long end = N - 1; end > 0; end--) {
                double t = a[end];
                a[end] = a[0];
                a[0] = t;
                sift_down(a, 0, end - 1);
        }
        int ok = 1;
        for (long i = 1; i < N; i++)
                ok &= a[i - 1] <= a[i];
        printf("heapsort %d ok %d p50 %.6f\n", N, ok, a[N / 2]);
        free(a);
        return 0;
}
