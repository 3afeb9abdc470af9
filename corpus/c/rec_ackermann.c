#include <stdio.h>

#define N __SIZE__

static unsigned long calls;

static unsigned long ack(unsigned long m, unsigned long n)
{
        calls++;
        if (m == 0)
                return n + 1;
        if (n == 0)
                return ack(m - 1, 1);
        return ack(m - 1, ack(m, n - 1));
}

int main(void)
{
        /* A(2, n) recursion, repeated: depth grows linearly with n, calls quadratically */
        unsigned long total = 0;
        for (int rep = 0; rep < 20; rep++)
                total += ack(2, N);
        printf("ackermann(2,%d) = %lu, calls %lu\n", N, total / 20, calls);
        return 0;
}
