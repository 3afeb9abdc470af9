#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

/* streaming rank over GF(2): stdin bytes are read with read(2) into a fixed 16 KiB buffer and
 * cut into 256-bit rows (4 x uint64); each row is reduced against an echelon basis kept in a
 * fixed 256 x 4 word table indexed by pivot bit, and inserted when independent; counts the
 * rank, dependent rows and the XOR-fold of the basis; memory is constant */
#define WORDS 4
#define BITS (64 * WORDS)

static uint64_t basis[BITS][WORDS];
static unsigned char used[BITS];

static int top_bit(const uint64_t *r)
{
        for (int w = WORDS - 1; w >= 0; w--)
                if (r[w])
                        return w * 64 + 63 - __builtin_clzll(r[w]);
        return -1;
}

static int insert(uint64_t *r, long *xors)
{
        for (;;) {
                int b = top_bit(r);
                if (b < 0)
                        return 0;
                if (!used[b]) {
                        for (int w = 0; w < WORDS; w++)
                                basis[b][w] = r[w];
                        used[b] = 1;
                        return 1;
                }
                for (int w = 0; w < WORDS; w++)
                        r[w] ^= basis[b][w];
                ++*xors;
        }
}

int main(void)
{
        unsigned char buf[16384];
        unsigned char rowbytes[WORDS * 8];
        size_t fill = 0;
        long rows = 0, rank = 0, xors = 0, zero_rows = 0;
        uint64_t bytes = 0;
        ssize_t got;
        while ((got = read(0, buf, sizeof buf)) > 0) {
                bytes += (uint64_t)got;
                for (ssize_t i = 0; i < got; i++) {
                        rowbytes[fill++] = buf[i];
                        if (fill < sizeof rowbytes)
                                continue;
                        fill = 0;
                        uint64_t r[WORDS];
                        for (int w = 0; w < WORDS; w++) {
                                uint64_t v = 0;
                                for (int k = 0; k < 8; k++)
                                        v |= (uint64_t)rowbytes[w * 8 + k] << (8 * k);
                                /* thin the row so full rank takes a while: keep ~1/4 of the bits */
                                r[w] = v & (v >> 1) & 0x5555555555555555ULL;
                        }
                        rows++;
                        if (insert(r, &xors))
                                rank++;
                        else
                                zero_rows++;
                }
        }
        uint64_t fold = 0;
        for (int b = 0; b < BITS; b++)
                if (used[b])
                        for (int w = 0; w < WORDS; w++)
                                fold = (fold << 7 | fold >> 57) ^ basis[b][w];
        printf("%llu bytes, %ld rows of %d bits, rank %ld, dependent %ld, %ld reductions, fold %016llx\n",
               (unsigned long long)bytes, rows, BITS, rank, zero_rows, xors, (unsigned long long)fold);
        return 0;
}
