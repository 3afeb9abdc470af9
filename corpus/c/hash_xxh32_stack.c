#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* xxHash32 implemented by hand (four-lane stripes, avalanche), streaming over MIB mebibytes
 * of PRNG data produced into one 4 KiB stack buffer that is refilled and hashed in both one
 * streaming state and per-block digests; memory stays a few KiB whatever the size */
#define MIB __SIZE__

static const uint32_t P1 = 2654435761U, P2 = 2246822519U, P3 = 3266489917U, P4 = 668265263U, P5 = 374761393U;

struct xxh32 {
        uint32_t v[4];
        uint64_t total;
        uint8_t mem[16];
        unsigned memsize;
        uint32_t seed;
};

static inline uint32_t rotl(uint32_t x, int r)
{
        return (x << r) | (x >> (32 - r));
}

static inline uint32_t round32(uint32_t acc, uint32_t in)
{
        return rotl(acc + in * P2, 13) * P1;
}

static void xxh_init(struct xxh32 *s, uint32_t seed)
{
        memset(s, 0, sizeof *s);
        s->seed = seed;
        s->v[0] = seed + P1 + P2, s->v[1] = seed + P2, s->v[2] = seed, s->v[3] = seed - P1;
}

static void xxh_update(struct xxh32 *s, const uint8_t *p, size_t len)
{
        s->total += len;
        if (s->memsize + len < 16) {
                memcpy(s->mem + s->memsize, p, len);
                s->memsize += (unsigned)len;
                return;
        }
        if (s->memsize) {
                unsigned fill = 16 - s->memsize;
                memcpy(s->mem + s->memsize, p, fill);
                for (int i = 0; i < 4; i++) {
                        uint32_t w;
                        memcpy(&w, s->mem + 4 * i, 4);
                        s->v[i] = round32(s->v[i], w);
                }
                p += fill, len -= fill, s->memsize = 0;
        }
        while (len >= 16) {
                for (int i = 0; i < 4; i++) {
                        uint32_t w;
                        memcpy(&w, p + 4 * i, 4);
                        s->v[i] = round32(s->v[i], w);
                }
                p += 16, len -= 16;
        }
        memcpy(s->mem, p, len);
        s->memsize = (unsigned)len;
}

static uint32_t xxh_digest(const struct xxh32 *s)
{
        uint32_t h = s->total >= 16 ? rotl(s->v[0], 1) + rotl(s->v[1], 7) + rotl(s->v[2], 12) + rotl(s->v[3], 18)
                                    : s->seed + P5;
        h += (uint32_t)s->total;
        const uint8_t *p = s->mem;
        unsigned len = s->memsize;
        while (len >= 4) {
                uint32_t w;
                memcpy(&w, p, 4);
                h = rotl(h + w * P3, 17) * P4;
                p += 4, len -= 4;
        }
        while (len--)
                h = rotl(h + (*p++) * P5, 11) * P1;
        h ^= h >> 15, h *= P2, h ^= h >> 13, h *= P3, h ^= h >> 16;
        return h;
}

int main(void)
{
        uint8_t block[4096];
        struct xxh32 whole;
        xxh_init(&whole, 0);
        uint64_t x = 0x9E3779B97F4A7C15ULL;
        uint32_t fold = 0, zeros = 0;
        long blocks = (long)MIB * 256;
        for (long b = 0; b < blocks; b++) {
                for (size_t i = 0; i < sizeof block; i += 8) {
                        x += 0x9E3779B97F4A7C15ULL;
                        uint64_t z = x;
                        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
                        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
                        z ^= z >> 31;
                        memcpy(block + i, &z, 8);
                }
                /* odd-sized pieces exercise the carry-over buffer */
                size_t cut = 1 + (size_t)(b * 37 % 4000);
                xxh_update(&whole, block, cut);
                xxh_update(&whole, block + cut, sizeof block - cut);
                struct xxh32 one;
                xxh_init(&one, (uint32_t)b);
                xxh_update(&one, block, sizeof block);
                uint32_t d = xxh_digest(&one);
                fold ^= d;
                zeros += (d & 0xFFF) == 0;
        }
        struct xxh32 empty;
        xxh_init(&empty, 0);
        printf("%d MiB hashed: stream %08x, block fold %08x, %u blocks with 12 low zero bits, xxh32(\"\") %08x\n", MIB,
               xxh_digest(&whole), fold, zeros, xxh_digest(&empty));
        return 0;
}
