#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define W __SIZE__
#define H W

typedef struct {
        int w, h;
        uint8_t *rgb;
} image;

static image make(int w, int h)
{
        image im = {w, h, malloc((size_t)w * h * 3)};
        return im;
}

static image halve(image src)
{
        image dst = make(src.w / 2, src.h / 2);
        for (int y = 0; y < dst.h; y++)
                for (int x = 0; x < dst.w; x++)
                        for (int c = 0; c < 3; c++) {
                                int s = src.rgb[((2 * y) * src.w + 2 * x) * 3 + c] + src.rgb[((2 * y) * src.w + 2 * x + 1) * 3 + c] +
                                        src.rgb[((2 * y + 1) * src.w + 2 * x) * 3 + c] + src.rgb[((2 * y + 1) * src.w + 2 * x + 1) * 3 + c];
                                dst.rgb[(y * dst.w + x) * 3 + c] = (uint8_t)(s / 4);
                        }
        return dst;
}

int main(void)
{
        image im = make(W, H);
        uint32_t s = 1;
        for (long i = 0; i < (long)W * H * 3; i++) {
                s ^= s << 13, s ^= s >> 17, s ^= s << 5;
                im.rgb[i] = (uint8_t)s;
        }
        int levels = 0;
        unsigned long check = 0;
        while (im.w >= 2 && im.h >= 2) {
                image next = halve(im);
                free(im.rgb);
                im = next;
                levels++;
                check += im.rgb[0];
        }
        printf("pyramid of %d levels from %d, checksum %lu\n", levels, W, check);
        free(im.rgb);
        return 0;
}
