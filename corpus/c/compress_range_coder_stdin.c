#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* streaming context-modelling compressor for stdin: each byte coded bit by bit with a
 * binary arithmetic coder (32-bit carryless, lpaq style); the probability is the average
 * of an order-0 and an order-1 adaptive bit model (12-bit). Input read in 16 KiB blocks
 * with read(2), output bytes go through a fixed 4 KiB buffer into a running hash, so
 * memory is the two static model tables regardless of input length. */
static uint16_t order0[256];
static uint16_t order1[256][256];
static unsigned char outbuf[4096];
static size_t outlen;
static uint64_t out_total, out_hash = 1469598103934665603ULL;

static void flush_out(void)
{
        for (size_t i = 0; i < outlen; i++)
                out_hash = (out_hash ^ outbuf[i]) * 1099511628211ULL;
        out_total += outlen;
        outlen = 0;
}

static inline void put_byte(unsigned char c)
{
        if (outlen == sizeof outbuf)
                flush_out();
        outbuf[outlen++] = c;
}

struct coder {
        uint32_t x1, x2;
};

static inline void encode_bit(struct coder *c, int bit, uint32_t p12)
{
        uint32_t xmid = c->x1 + ((c->x2 - c->x1) >> 12) * p12;
        if (bit)
                c->x2 = xmid;
        else
                c->x1 = xmid + 1;
        while (((c->x1 ^ c->x2) & 0xff000000u) == 0) {
                put_byte((unsigned char)(c->x2 >> 24));
                c->x1 <<= 8;
                c->x2 = (c->x2 << 8) | 255;
        }
}

static inline void update(uint16_t *p, int bit, int rate)
{
        if (bit)
                *p += (uint16_t)((65535 - *p) >> rate);
        else
                *p -= (uint16_t)(*p >> rate);
}

int main(void)
{
        static unsigned char inbuf[16384];
        for (int i = 0; i < 256; i++) {
                order0[i] = 32768;
                for (int j = 0; j < 256; j++)
                        order1[i][j] = 32768;
        }
        struct coder c = {0, 0xffffffffu};
        unsigned prev = 0;
        uint64_t in_total = 0;
        ssize_t got;
        while ((got = read(0, inbuf, sizeof inbuf)) > 0) {
                for (ssize_t i = 0; i < got; i++) {
                        unsigned byte = inbuf[i], node = 1;
                        for (int b = 7; b >= 0; b--) {
                                int bit = (byte >> b) & 1;
                                uint32_t p = ((uint32_t)order0[node] + order1[prev][node]) >> 5;
                                if (p == 0)
                                        p = 1;
                                encode_bit(&c, bit, p);
                                update(&order0[node], bit, 5);
                                update(&order1[prev][node], bit, 4);
                                node = node * 2 + (unsigned)bit;
                        }
                        prev = byte;
                }
                in_total += (uint64_t)got;
        }
        put_byte((unsigned char)(c.x1 >> 24));
        put_byte(255), put_byte(255), put_byte(255);
        flush_out();
        printf("arith coded %llu -> %llu bytes (%.3f bits/byte), hash %016llx\n", (unsigned long long)in_total,
               (unsigned long long)out_total, in_total ? 8.0 * (double)out_total / (double)in_total : 0.0,
               (unsigned long long)out_hash);
        return 0;
}
