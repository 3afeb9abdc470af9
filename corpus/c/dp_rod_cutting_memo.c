#include <stdio.h>
#include <stdlib.h>

#define LEN __SIZE__

static long *memo;
static int *price;

/* top-down memoised recursion, warmed bottom-up in steps to keep the stack shallow */
static long best(int n)
{
        if (n == 0)
                return 0;
        if (memo[n] >= 0)
                return memo[n];
        long b = 0;
        for (int cut = 1; cut <= n; cut++) {
                long v = price[cut] + best(n - cut);
                if (v > b)
                        b = v;
        }
        return memo[n] = b;
}

int main(void)
{
        memo = malloc(sizeof(long) * (LEN + 1));
        price = malloc(sizeof(int) * (LEN + 1));
        unsigned s = 9;
        for (int i = 0; i <= LEN; i++) {
                memo[i] = -1;
                s = s * 1103515245u + 12345u;
                price[i] = i * 3 + (int)((s >> 16) % 7);
        }
        for (int n = 0; n <= LEN; n += 100)
                best(n);
        printf("rod %d best value %ld\n", LEN, best(LEN));
        free(memo), free(price);
        return 0;
}
