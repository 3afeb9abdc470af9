#include <stdint.h>
#include <stdio.h>

/* Shell sort with Ciura's gap sequence (extended by x2.25) on a static (bss) int array;
 * the array is filled from a 32-bit LCG, sorted in place, then checked and folded */
#define N __SIZE__

static int data[N];

static unsigned lcg_state = 12345u;
static int next_value(void)
{
        lcg_state = lcg_state * 1103515245u + 12345u;
        return (int)(lcg_state >> 1);
}

static void shell_sort(int *a, long n)
{
        long gaps[48] = {1, 4, 10, 23, 57, 132, 301, 701, 1750};
        int ng = 9;
        while (gaps[ng - 1] * 9 / 4 < n && ng < 48) {
                gaps[ng] = gaps[ng - 1] * 9 / 4;
                ng++;
        }
        for (int g = ng - 1; g >= 0; g--) {
                long gap = gaps[g];
                for (long i = gap; i < n; i++) {
                        int v = a[i];
                        long j = i;
                        while (j >= gap && a[j - gap] > v) {
                                a[j] = a[j - gap];
                                j -= gap;
                        }
                        a[j] = v;
                }
        }
}

int main(void)
{
        for (long i = 0; i < N; i++)
                data[i] = next_value() % 1000000007;
        shell_sort(data, N);
        long bad = 0;
        uint64_t fold = 0;
        for (long i = 0; i < N; i++) {
                if (i && data[i - 1] > data[i])
                        bad++;
                fold = fold * 31 + (uint32_t)data[i];
        }
        printf("shell sorted %d ints, min %d max %d, inversions left %ld, fold %016llx\n", N, data[0], data[N - 1], bad,
               (unsigned long long)fold);
        return 0;
}
