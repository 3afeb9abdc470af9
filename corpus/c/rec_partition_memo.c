#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* integer partitions by memoised recursion: P(n, k) = partitions of n into parts <= k
 * = P(n, k-1) + P(n-k, k), modulo 10^9+7, with a full (n+1) x (n+1) uint32 memo table in
 * one calloc'd block (0 = not yet known, values stored +1). Recursion depth is O(n);
 * memory is O(n^2), the touched half of the table. */
#define MODP 1000000007u

static uint32_t *memo;
static int dim;
static long calls;

static uint32_t P(int n, int k)
{
        calls++;
        if (n == 0)
                return 1;
        if (k == 0)
                return 0;
        if (k > n)
                k = n;
        uint32_t *slot = &memo[(size_t)n * dim + k];
        if (*slot)
                return *slot - 1;
        uint32_t v = P(n, k - 1) + P(n - k, k);
        if (v >= MODP)
                v -= MODP;
        *slot = v + 1;
        return v;
}

int main(void)
{
        const int n = __SIZE__;
        dim = n + 1;
        memo = calloc((size_t)dim * dim, sizeof(uint32_t));
        uint32_t total = P(n, n);
        uint64_t check = 0;
        for (int m = n; m > 0; m -= 1 + m / 7)
                check = check * 1000003u + P(m, m / 2 + 1);
        printf("p(%d) mod 1e9+7 = %u, %ld calls, check %016llx\n", n, total, calls, (unsigned long long)check);
        free(memo);
        return 0;
}
