#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* 7x7 median filter on a square greyscale image with Huang's sliding histogram: along
 * each row the 256-bin histogram is updated by one column out / one column in and the
 * median is walked from its previous position. The test image is a smooth gradient with
 * 5% salt-and-pepper noise; two byte planes of side x side (source and result). */
#define RADIUS 3

static int run(int side)
{
        int w = side, h = side, win = (2 * RADIUS + 1) * (2 * RADIUS + 1), half = win / 2;
        uint8_t *src = malloc((size_t)w * h), *dst = malloc((size_t)w * h);
        uint32_t s = 12345;
        for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++) {
                        s = s * 1103515245u + 12345u;
                        uint8_t v = (uint8_t)((x * 255 / w + y * 128 / h) / 2 + ((s >> 16) & 15));
                        unsigned r = (s >> 8) % 40;
                        src[(size_t)y * w + x] = r == 0 ? 0 : r == 1 ? 255 : v;
                }
#define PIX(x, y) src[(size_t)((y) < 0 ? 0 : (y) >= h ? h - 1 : (y)) * w + ((x) < 0 ? 0 : (x) >= w ? w - 1 : (x))]
        for (int y = 0; y < h; y++) {
                int hist[256] = {0};
                for (int dy = -RADIUS; dy <= RADIUS; dy++)
                        for (int dx = -RADIUS; dx <= RADIUS; dx++)
                                hist[PIX(dx, y + dy)]++;
                int med = 0, below = 0; /* below = count of values < med */
                while (below + hist[med] <= half)
                        below += hist[med++];
                dst[(size_t)y * w] = (uint8_t)med;
                for (int x = 1; x < w; x++) {
                        for (int dy = -RADIUS; dy <= RADIUS; dy++) {
                                int out = PIX(x - RADIUS - 1, y + dy), in = PIX(x + RADIUS, y + dy);
                                hist[out]--;
                                below -= out < med;
                                hist[in]++;
                                below += in < med;
                        }
                        while (below > half)
                                below -= hist[--med];
                        while (below + hist[med] <= half)
                                below += hist[med++];
                        dst[(size_t)y * w + x] = (uint8_t)med;
                }
        }
        long extremes_in = 0, extremes_out = 0;
        uint64_t sum = 0;
        for (size_t i = 0; i < (size_t)w * h; i++) {
                extremes_in += src[i] == 0 || src[i] == 255;
                extremes_out += dst[i] == 0 || dst[i] == 255;
                sum += dst[i] * (i % 251 + 1);
        }
        printf("median %dx%d on %dx%d: noise pixels %ld -> %ld, weighted sum %llu\n", 2 * RADIUS + 1, 2 * RADIUS + 1, w, h,
               extremes_in, extremes_out, (unsigned long long)sum);
        free(src);
        free(dst);
        return 0;
}

int main(void)
{
        return run(__SIZE__);
}
