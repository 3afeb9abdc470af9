#include <stdio.h>
#include <stdlib.h>

#define N __SIZE__

int main(void)
{
        char *a = malloc(N), *b = malloc(N);
        unsigned s = 11;
        for (long i = 0; i < N; i++) {
                s = s * 1103515245u + 12345u;
                a[i] = "ACGT"[(s >> 16) & 3];
                s = s * 1103515245u + 12345u;
                b[i] = "ACGT"[(s >> 16) & 3];
        }
        /* full (N+1)^2 table of shorts so memory grows with the square of the size */
        unsigned short *t = calloc((size_t)(N + 1) * (N + 1), sizeof(unsigned short));
        for (long i = 1; i <= N; i++)
                for (long j = 1; j <= N; j++) {
                        unsigned short *c = &t[i * (N + 1) + j];
                        if (a[i - 1] == b[j - 1])
                                *c = t[(i - 1) * (N + 1) + j - 1] + 1;
                        else {
                                unsigned short up = t[(i - 1) * (N + 1) + j], left = c[-1];
                                *c = up > left ? up : left;
                        }
                }
        printf("lcs of two %d-base strings: %u\n", N, t[(long)N * (N + 1) + N]);
        free(a), free(b), free(t);
        return 0;
}
