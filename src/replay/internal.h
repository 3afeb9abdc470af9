/* What the replay's files share and nothing else uses. */
#pragma once

#include <stdint.h>

/* splitmix64: the replay's only source of randomness, so that a seed fixes everything. */
static inline uint64_t rp_mix(uint64_t x)
{
        x += 0x9e3779b97f4a7c15ULL;
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
        return x ^ (x >> 31);
}

/* Uniform in [0, 1) from a 64-bit value. */
static inline double rp_unit(uint64_t x)
{
        return (double)(x >> 11) * (1.0 / 9007199254740992.0);
}

/* The k-th random number of stream (a, b) under a seed. */
static inline double rp_rand(uint64_t seed, uint64_t a, uint64_t b, uint64_t k)
{
        return rp_unit(rp_mix(rp_mix(rp_mix(seed ^ 0x5eedULL) ^ a) ^ (b * 0x100000001b3ULL) ^ k));
}

#define RP_SEC 1000000000ULL
#define RP_MIN (60ULL * RP_SEC)
#define RP_GIB 1073741824.0
#define RP_MIB 1048576.0
