#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* raw RGB from stdin, rows of 512 pixels: greyscale, Sobel edges, histogram */
#define WIDTH 512

int main(void)
{
        size_t cap = 1 << 20, n = 0, r;
        uint8_t *rgb = malloc(cap);
        while ((r = fread(rgb + n, 1, cap - n, stdin)) > 0) {
                n += r;
                if (n == cap)
                        rgb = realloc(rgb, cap *= 2);
        }
        size_t pixels = n / 3, height = pixels / WIDTH;
        uint8_t *g = malloc(pixels + 1);
        unsigned long hist[256] = {0};
        for (size_t i = 0; i < pixels; i++) {
                g[i] = (uint8_t)((rgb[3 * i] * 77 + rgb[3 * i + 1] * 150 + rgb[3 * i + 2] * 29) >> 8);
                hist[g[i]]++;
        }
        unsigned long edges = 0;
        for (size_t y = 1; y + 1 < height; y++)
                for (size_t x = 1; x + 1 < WIDTH; x++) {
                        const uint8_t *p = g + y * WIDTH + x;
                        int gx = p[-WIDTH + 1] + 2 * p[1] + p[WIDTH + 1] - p[-WIDTH - 1] - 2 * p[-1] - p[WIDTH - 1];
                        int gy = p[WIDTH - 1] + 2 * p[WIDTH] + p[WIDTH + 1] - p[-WIDTH - 1] - 2 * p[-WIDTH] - p[-WIDTH + 1];
                        edges += (unsigned)(gx * gx + gy * gy) > 64 * 64;
                }
        int mode = 0;
        for (int v = 1; v < 256; v++)
                if (hist[v] > hist[mode])
                        mode = v;
        printf("pixels %zu rows %zu edges %lu mode %d\n", pixels, height, edges, mode);
        free(rgb), free(g);
        return 0;
}
