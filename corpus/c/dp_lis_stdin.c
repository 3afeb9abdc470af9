#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* longest strictly increasing subsequence of the integers on stdin: all values are read with
 * fscanf into a realloc-grown array, then patience sorting with binary search over pile tops
 * keeps tail indices and a predecessor array (three int arrays of n), and the subsequence is
 * reconstructed backwards; memory grows linearly with the input */
static long lower_bound(const long long *vals, const int *tails, long len, long long v)
{
        long lo = 0, hi = len;
        while (lo < hi) {
                long mid = (lo + hi) >> 1;
                if (vals[tails[mid]] < v)
                        lo = mid + 1;
                else
                        hi = mid;
        }
        return lo;
}

int main(void)
{
        size_t n = 0, cap = 256;
        long long *vals = malloc(cap * sizeof *vals);
        long long v;
        while (fscanf(stdin, "%lld", &v) == 1) {
                if (n == cap) {
                        cap += cap / 2;
                        vals = realloc(vals, cap * sizeof *vals);
                }
                vals[n++] = v;
        }
        int *tails = malloc((n + 1) * sizeof(int));
        int *prev = malloc((n + 1) * sizeof(int));
        long len = 0;
        for (size_t i = 0; i < n; i++) {
                long at = lower_bound(vals, tails, len, vals[i]);
                prev[i] = at > 0 ? tails[at - 1] : -1;
                tails[at] = (int)i;
                if (at == len)
                        len++;
        }
        /* also the longest non-increasing run count, for a second answer from the same data */
        long runs = n ? 1 : 0;
        for (size_t i = 1; i < n; i++)
                runs += vals[i] > vals[i - 1];
        uint64_t h = 0;
        long long first = 0, lastv = 0;
        if (len) {
                lastv = vals[tails[len - 1]];
                for (int k = tails[len - 1]; k >= 0; k = prev[k]) {
                        h = h * 1000003ULL + (uint64_t)vals[k];
                        first = vals[k];
                }
        }
        printf("%zu numbers, LIS length %ld from %lld to %lld, ascents %ld, hash %016llx\n", n, len, first, lastv, runs,
               (unsigned long long)h);
        free(vals), free(tails), free(prev);
        return 0;
}
