#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* subset-sum reachability as a bitset DP: reach |= reach << w for every item (64-bit words) */
#define NITEMS __SIZE__

static uint64_t sm = 0x12345678ULL;
static uint64_t splitmix(void)
{
        uint64_t z = (sm += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
}

static void shift_or(uint64_t *bits, size_t words, unsigned w)
{
        size_t ws = w >> 6;
        unsigned bs = w & 63;
        if (ws >= words)
                return;
        /* walk downwards so every source word is read before it is overwritten */
        for (size_t i = words - 1; i > ws; i--) {
                uint64_t v = bits[i - ws] << bs;
                if (bs)
                        v |= bits[i - ws - 1] >> (64 - bs);
                bits[i] |= v;
        }
        bits[ws] |= bits[0] << bs;
}

int main(void)
{
        static unsigned weight[NITEMS];
        uint64_t total = 0;
        for (int i = 0; i < NITEMS; i++) {
                /* even weights mostly, a few odd ones, so parity matters */
                weight[i] = (unsigned)(2 + (splitmix() % 900) * 2 + (i % 17 == 0));
                total += weight[i];
        }
        size_t words = (size_t)(total / 64 + 1);
        uint64_t *reach = calloc(words, sizeof *reach);
        reach[0] = 1;
        for (int i = 0; i < NITEMS; i++)
                shift_or(reach, words, weight[i]);
        uint64_t count = 0;
        for (size_t i = 0; i < words; i++)
                count += (uint64_t)__builtin_popcountll(reach[i]);
        uint64_t half = total / 2, best = 0;
        for (uint64_t s = half;; s--)
                if (reach[s >> 6] >> (s & 63) & 1) {
                        best = s;
                        break;
                }
        printf("%d items, total weight %llu: %llu reachable sums, best split %llu / %llu\n", NITEMS,
               (unsigned long long)total, (unsigned long long)count, (unsigned long long)best,
               (unsigned long long)(total - best));
        free(reach);
        return 0;
}
