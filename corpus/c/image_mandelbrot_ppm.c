#include <stdio.h>
#include <stdlib.h>

#define W __SIZE__
#define H (W * 3 / 4)
#define MAXIT 256

int main(void)
{
        unsigned char *px = malloc((size_t)W * H * 3);
        long inside = 0;
        for (int y = 0; y < H; y++)
                for (int x = 0; x < W; x++) {
                        double cr = -2.2 + 3.2 * x / W, ci = -1.2 + 2.4 * y / H, zr = 0, zi = 0;
                        int it = 0;
                        while (it < MAXIT && zr * zr + zi * zi < 4.0) {
                                double t = zr * zr - zi * zi + cr;
                                zi = 2 * zr * zi + ci;
                                zr = t;
                                it++;
                        }
                        unsigned char *p = px + ((size_t)y * W + x) * 3;
                        p[0] = (unsigned char)(it * 7), p[1] = (unsigned char)(it * 3), p[2] = it == MAXIT ? 0 : 255;
                        inside += it == MAXIT;
                }
        FILE *f = fopen("/tmp/mandel.ppm", "wb");
        fprintf(f, "P6\n%d %d\n255\n", W, H);
        fwrite(px, 3, (size_t)W * H, f);
        long size = ftell(f);
        fclose(f);
        remove("/tmp/mandel.ppm");
        printf("mandelbrot %dx%d inside %ld ppm bytes %ld\n", W, H, inside, size);
        free(px);
        return 0;
}
