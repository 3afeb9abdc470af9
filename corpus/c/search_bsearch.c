#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define N __SIZE__

static int cmp_u64(const void *a, const void *b)
{
        uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
        return (x > y) - (x < y);
}

int main(void)
{
        uint64_t *keys = malloc(N * sizeof(uint64_t));
        uint64_t s = 0x9E3779B97F4A7C15ULL;
        for (long i = 0; i < N; i++) {
                s = s * 6364136223846793005ULL + 1442695040888963407ULL;
                keys[i] = (s >> 20) % ((uint64_t)N * 8);
        }
        qsort(keys, N, sizeof(uint64_t), cmp_u64);
        long hits = 0;
        for (long q = 0; q < 4L * N; q++) {
                s = s * 6364136223846793005ULL + 1442695040888963407ULL;
                uint64_t key = (s >> 20) % ((uint64_t)N * 8);
                if (bsearch(&key, keys, N, sizeof(uint64_t), cmp_u64))
                        hits++;
        }
        printf("bsearch over %d keys: %ld hits in %ld queries\n", N, hits, 4L * N);
        free(keys);
        return 0;
}
