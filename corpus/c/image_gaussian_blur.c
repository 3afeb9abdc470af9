#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define W __SIZE__
#define H W
#define R 3

int main(void)
{
        uint8_t *img = malloc((size_t)W * H * 3), *tmp = malloc((size_t)W * H * 3), *out = malloc((size_t)W * H * 3);
        for (long y = 0; y < H; y++)
                for (long x = 0; x < W; x++) {
                        uint8_t *p = img + (y * W + x) * 3;
                        p[0] = (uint8_t)(x * 255 / W), p[1] = (uint8_t)(y * 255 / H), p[2] = (uint8_t)((x ^ y) & 255);
                }
        float k[2 * R + 1], sum = 0;
        for (int i = -R; i <= R; i++)
                sum += k[i + R] = expf(-(float)(i * i) / (2.0f * 1.5f * 1.5f));
        for (int i = 0; i <= 2 * R; i++)
                k[i] /= sum;
        for (long y = 0; y < H; y++)
                for (long x = 0; x < W; x++)
                        for (int c = 0; c < 3; c++) {
                                float acc = 0;
                                for (int i = -R; i <= R; i++) {
                                        long xx = x + i < 0 ? 0 : x + i >= W ? W - 1 : x + i;
                                        acc += k[i + R] * img[(y * W + xx) * 3 + c];
                                }
                                tmp[(y * W + x) * 3 + c] = (uint8_t)(acc + 0.5f);
                        }
        for (long y = 0; y < H; y++)
                for (long x = 0; x < W; x++)
                        for (int c = 0; c < 3; c++) {
                                float acc = 0;
                                for (int i = -R; i <= R; i++) {
                                        long yy = y + i < 0 ? 0 : y + i >= H ? H - 1 : y + i;
                                        acc += k[i + R] * tmp[(yy * W + x) * 3 + c];
                                }
                                out[(y * W + x) * 3 + c] = (uint8_t)(acc + 0.5f);
                        }
        unsigned long total = 0;
        for (long i = 0; i < (long)W * H * 3; i++)
                total += out[i];
        printf("gaussian blur %dx%d checksum %lu\n", W, H, total);
        free(img), free(tmp), free(out);
        return 0;
}
