#include <stdio.h>

#define N __SIZE__

static long solve(unsigned cols, unsigned d1, unsigned d2, unsigned full)
{
        if (cols == full)
                return 1;
        long count = 0;
        unsigned avail = full & ~(cols | d1 | d2);
        while (avail) {
                unsigned bit = avail & -avail;
                avail -= bit;
                count += solve(cols | bit, (d1 | bit) << 1, (d2 | bit) >> 1, full);
        }
        return count;
}

int main(void)
{
        printf("%d-queens: %ld solutions\n", N, solve(0, 0, 0, (1u << N) - 1));
        return 0;
}
