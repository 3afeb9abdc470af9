#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Floyd-Steinberg error diffusion of stdin RGB rows (512 px wide) to an 8-colour
 * palette, serpentine scan, two rows of int error buffers, packed 3-bit output row
 * folded into a checksum; constant memory (one row in, one row out) */
#define W 512

static inline int clamp255(int v)
{
        return v < 0 ? 0 : v > 255 ? 255 : v;
}

int main(void)
{
        static uint8_t row[W * 3];
        static int err_a[(W + 2) * 3], err_b[(W + 2) * 3];
        int *cur = err_a, *nxt = err_b;
        uint8_t packed[W * 3 / 8];
        unsigned long hist[8] = {0};
        uint32_t check = 0;
        long rows = 0;
        while (fread(row, 3, W, stdin) == W) {
                int dir = (rows & 1) ? -1 : 1;
                int x0 = dir > 0 ? 0 : W - 1;
                memset(nxt, 0, sizeof err_a);
                memset(packed, 0, sizeof packed);
                for (int k = 0, x = x0; k < W; k++, x += dir) {
                        int idx = 0;
                        for (int c = 0; c < 3; c++) {
                                int e = (x + 1) * 3 + c;
                                int v = clamp255(row[x * 3 + c] + cur[e] / 16);
                                int q = v >= 128 ? 255 : 0;
                                int d = v - q;
                                idx |= (q != 0) << c;
                                /* push error ahead in scan direction and down */
                                cur[e + 3 * dir] += d * 7;
                                nxt[e - 3 * dir] += d * 3;
                                nxt[e] += d * 5;
                                nxt[e + 3 * dir] += d * 1;
                        }
                        hist[idx]++;
                        int bit = x * 3;
                        packed[bit >> 3] |= (uint8_t)(idx << (bit & 7));
                        if ((bit & 7) > 5)
                                packed[(bit >> 3) + 1] |= (uint8_t)(idx >> (8 - (bit & 7)));
                }
                for (size_t i = 0; i < sizeof packed; i++)
                        check = (check << 5 | check >> 27) ^ packed[i];
                int *t = cur;
                cur = nxt, nxt = t;
                rows++;
        }
        printf("dithered %ld rows of %d px: palette use", rows, W);
        for (int i = 0; i < 8; i++)
                printf(" %lu", hist[i]);
        printf(", checksum %08x\n", check);
        return 0;
}
