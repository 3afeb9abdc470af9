#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* luminance histogram equalisation of raw RGB from stdin (rows of 512 pixels): the whole
 * input is read with read(2) into a buffer grown by realloc, a BT.601 luma plane is
 * computed, its CDF gives a lookup table, and every pixel's RGB is rescaled by
 * new_luma / old_luma in 16.16 fixed point into a second buffer; finally a 4x4
 * block-average thumbnail is taken. Memory: input + output + luma, about 2.4x the input. */
int main(void)
{
        size_t cap = 1 << 20, n = 0;
        uint8_t *rgb = malloc(cap);
        for (;;) {
                if (cap - n < 65536) {
                        cap += cap / 2;
                        rgb = realloc(rgb, cap);
                }
                ssize_t got = read(0, rgb + n, cap - n);
                if (got <= 0)
                        break;
                n += (size_t)got;
        }
        size_t px = n / 3;
        const size_t width = 512;
        uint8_t *luma = malloc(px ? px : 1), *out = malloc(px ? px * 3 : 1);
        uint64_t hist[256] = {0};
        for (size_t i = 0; i < px; i++) {
                const uint8_t *p = rgb + 3 * i;
                luma[i] = (uint8_t)((77u * p[0] + 150u * p[1] + 29u * p[2]) >> 8);
                hist[luma[i]]++;
        }
        uint32_t lut[256];
        uint64_t cum = 0, cdf_min = 0;
        for (int v = 0; v < 256; v++)
                if (hist[v]) {
                        cdf_min = hist[v];
                        break;
                }
        for (int v = 0; v < 256; v++) {
                cum += hist[v];
                lut[v] = px > cdf_min ? (uint32_t)((cum - cdf_min) * 255 / (px - cdf_min)) : (uint32_t)v;
        }
        uint64_t hist_out[256] = {0};
        for (size_t i = 0; i < px; i++) {
                uint32_t y = luma[i], scale = (lut[y] << 16) / (y ? y : 1);
                for (int c = 0; c < 3; c++) {
                        uint32_t v = (rgb[3 * i + c] * scale) >> 16;
                        out[3 * i + c] = (uint8_t)(v > 255 ? 255 : v);
                }
                hist_out[(77u * out[3 * i] + 150u * out[3 * i + 1] + 29u * out[3 * i + 2]) >> 8]++;
        }
        size_t rows = px / width;
        uint64_t thumb = 0;
        for (size_t by = 0; by + 4 <= rows; by += 4)
                for (size_t bx = 0; bx < width; bx += 4) {
                        uint32_t acc = 0;
                        for (size_t dy = 0; dy < 4; dy++)
                                for (size_t dx = 0; dx < 4; dx++)
                                        acc += out[3 * ((by + dy) * width + bx + dx) + 1];
                        thumb = thumb * 1000003u + acc / 16;
                }
        int used_in = 0, used_out = 0;
        for (int v = 0; v < 256; v++)
                used_in += hist[v] != 0, used_out += hist_out[v] != 0;
        printf("%zu pixels (%zu rows): luma levels %d -> %d, thumbnail hash %016llx\n", px, rows, used_in, used_out,
               (unsigned long long)thumb);
        free(rgb), free(luma), free(out);
        return 0;
}
