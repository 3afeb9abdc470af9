#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* matrix-chain multiplication order, O(n^3) interval DP: cost and split tables are n x n
 * 2-D arrays allocated as pointers to VLA rows (long long cost, int split), the optimal
 * parenthesisation is rebuilt recursively and its depth and a hash are printed */
struct chain {
        int n;
        int *dims;
};

static int depth_max;
static uint64_t shape_hash = 1469598103934665603ULL;

static void walk(int n, int (*split)[n], int i, int j, int depth)
{
        if (depth > depth_max)
                depth_max = depth;
        if (i == j) {
                shape_hash = (shape_hash ^ (uint64_t)i) * 1099511628211ULL;
                return;
        }
        shape_hash = (shape_hash ^ '(') * 1099511628211ULL;
        walk(n, split, i, split[i][j], depth + 1);
        walk(n, split, split[i][j] + 1, j, depth + 1);
        shape_hash = (shape_hash ^ ')') * 1099511628211ULL;
}

static long long solve(struct chain ch)
{
        int n = ch.n;
        long long (*cost)[n] = malloc(sizeof(long long[n][n]));
        int (*split)[n] = malloc(sizeof(int[n][n]));
        for (int i = 0; i < n; i++)
                cost[i][i] = 0;
        for (int len = 2; len <= n; len++) {
                for (int i = 0; i + len - 1 < n; i++) {
                        int j = i + len - 1;
                        long long best = LLONG_MAX;
                        int arg = i;
                        for (int k = i; k < j; k++) {
                                long long c = cost[i][k] + cost[k + 1][j] +
                                              (long long)ch.dims[i] * ch.dims[k + 1] * ch.dims[j + 1];
                                if (c < best)
                                        best = c, arg = k;
                        }
                        cost[i][j] = best;
                        split[i][j] = arg;
                }
        }
        long long result = cost[0][n - 1];
        walk(n, split, 0, n - 1, 0);
        free(cost);
        free(split);
        return result;
}

int main(void)
{
        struct chain ch = {.n = __SIZE__};
        ch.dims = malloc((size_t)(ch.n + 1) * sizeof(int));
        unsigned s = 31337;
        for (int i = 0; i <= ch.n; i++) {
                s = s * 214013u + 2531011u;
                ch.dims[i] = 5 + (int)((s >> 16) % 95);
        }
        long long best = solve(ch);
        printf("chain of %d matrices: min scalar mults %lld, tree depth %d, shape %016llx\n", ch.n, best, depth_max,
               (unsigned long long)shape_hash);
        free(ch.dims);
        return 0;
}
