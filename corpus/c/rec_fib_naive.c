#include <stdio.h>

#define N __SIZE__

static long fib(int n)
{
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

int main(void)
{
        printf("fib(%d) = %ld\n", N, fib(N));
        return 0;
}
