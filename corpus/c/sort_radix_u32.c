#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N __SIZE__

int main(void)
{
        uint32_t *a = malloc(N * sizeof(uint32_t)), *b = malloc(N * sizeof(uint32_t));
        uint32_t x = 2463534242u;
        for (long i = 0; i < N; i++) {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                a[i] = x;
        }
        for (int shift = 0; shift < 32; shift += 8) {
                long count[257];
                memset(count, 0, sizeof(count));
                for (long i = 0; i < N; i++)
                        count[((a[i] >> shift) & 0xFF) + 1]++;
                for (int d = 0; d < 256; d++)
                        count[d + 1] += count[d];
                for (long i = 0; i < N; i++)
                        b[count[(a[i] >> shift) & 0xFF]++] = a[i];
                uint32_t *t = a;
                a = b;
                b = t;
        }
        long ok = 1;
        for (long i = 1; i < N; i++)
                ok &= a[i - 1] <= a[i];
        printf("radix %d ok %ld min %u max %u\n", N, ok, a[0], a[N - 1]);
        free(a);
        free(b);
        return 0;
}
