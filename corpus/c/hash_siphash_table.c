#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N __SIZE__
#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND                                                                              \
        do {                                                                                  \
                v0 += v1, v1 = ROTL(v1, 13), v1 ^= v0, v0 = ROTL(v0, 32);                    \
                v2 += v3, v3 = ROTL(v3, 16), v3 ^= v2;                                         \
                v0 += v3, v3 = ROTL(v3, 21), v3 ^= v0;                                         \
                v2 += v1, v1 = ROTL(v1, 17), v1 ^= v2, v2 = ROTL(v2, 32);                      \
        } while (0)

static uint64_t siphash24(uint64_t m, uint64_t k0, uint64_t k1)
{
        uint64_t v0 = 0x736f6d6570736575ULL ^ k0, v1 = 0x646f72616e646f6dULL ^ k1;
        uint64_t v2 = 0x6c7967656e657261ULL ^ k0, v3 = 0x7465646279746573ULL ^ k1;
        v3 ^= m;
        SIPROUND;
        SIPROUND;
        v0 ^= m;
        uint64_t b = 8ULL << 56;
        v3 ^= b;
        SIPROUND;
        SIPROUND;
        v0 ^= b;
        v2 ^= 0xff;
        SIPROUND;
        SIPROUND;
        SIPROUND;
        SIPROUND;
        return v0 ^ v1 ^ v2 ^ v3;
}

int main(void)
{
        uint32_t *buckets = calloc(65536, sizeof(uint32_t));
        uint64_t acc = 0;
        for (long i = 0; i < N; i++) {
                uint64_t h = siphash24((uint64_t)i, 0x0706050403020100ULL, 0x0f0e0d0c0b0a0908ULL);
                buckets[h & 0xFFFF]++;
                acc ^= h;
        }
        uint32_t maxb = 0;
        for (int i = 0; i < 65536; i++)
                if (buckets[i] > maxb)
                        maxb = buckets[i];
        printf("siphash %d keys xor %016llx max bucket %u\n", N, (unsigned long long)acc, maxb);
        free(buckets);
        return 0;
}
