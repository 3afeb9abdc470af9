#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* connected-component labelling of a thresholded value-noise image (8-connectivity):
 * first raster pass assigns provisional labels and unions neighbours in a union-find
 * forest with path halving, second pass flattens to final labels; component areas are
 * counted in a calloc'd array. Memory: one byte mask plus two int32 arrays per pixel. */
#define SIDE __SIZE__

static int32_t *parent;

static int32_t find(int32_t x)
{
        while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
        }
        return x;
}

static void unite(int32_t a, int32_t b)
{
        a = find(a), b = find(b);
        if (a < b)
                parent[b] = a;
        else if (b < a)
                parent[a] = b;
}

static uint32_t lattice(int gx, int gy)
{
        uint32_t h = (uint32_t)gx * 374761393u + (uint32_t)gy * 668265263u;
        h = (h ^ (h >> 13)) * 1274126177u;
        return (h ^ (h >> 16)) & 1023;
}

int main(void)
{
        const int w = SIDE, h = SIDE, cell = 9;
        size_t n = (size_t)w * h;
        uint8_t *mask = malloc(n);
        int32_t *label = malloc(n * sizeof(int32_t));
        parent = malloc((n / 2 + 2) * sizeof(int32_t));
        for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++) {
                        int gx = x / cell, gy = y / cell, fx = x % cell, fy = y % cell;
                        uint32_t a = lattice(gx, gy), b = lattice(gx + 1, gy), c = lattice(gx, gy + 1), d = lattice(gx + 1, gy + 1);
                        uint32_t top = a * (uint32_t)(cell - fx) + b * (uint32_t)fx, bot = c * (uint32_t)(cell - fx) + d * (uint32_t)fx;
                        uint32_t v = (top * (uint32_t)(cell - fy) + bot * (uint32_t)fy) / (uint32_t)(cell * cell);
                        mask[(size_t)y * w + x] = v > 560;
                }
        int32_t next = 1;
        parent[0] = 0;
        for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++) {
                        size_t i = (size_t)y * w + x;
                        if (!mask[i]) {
                                label[i] = 0;
                                continue;
                        }
                        int32_t nb[4], k = 0;
                        if (x > 0 && mask[i - 1])
                                nb[k++] = label[i - 1];
                        if (y > 0) {
                                size_t up = i - (size_t)w;
                                if (x > 0 && mask[up - 1])
                                        nb[k++] = label[up - 1];
                                if (mask[up])
                                        nb[k++] = label[up];
                                if (x + 1 < w && mask[up + 1])
                                        nb[k++] = label[up + 1];
                        }
                        if (k == 0) {
                                parent[next] = next;
                                label[i] = next++;
                                continue;
                        }
                        int32_t m = nb[0];
                        for (int j = 1; j < k; j++)
                                if (nb[j] < m)
                                        m = nb[j];
                        label[i] = m;
                        for (int j = 0; j < k; j++)
                                unite(m, nb[j]);
                }
        int32_t components = 0;
        for (int32_t l = 1; l < next; l++)
                if (find(l) == l)
                        components++;
        long *area = calloc((size_t)next, sizeof(long));
        long fg = 0;
        for (size_t i = 0; i < n; i++)
                if (label[i]) {
                        label[i] = find(label[i]);
                        area[label[i]]++;
                        fg++;
                }
        long largest = 0;
        for (int32_t l = 1; l < next; l++)
                if (area[l] > largest)
                        largest = area[l];
        printf("%dx%d: %ld foreground pixels, %d provisional labels, %d components, largest %ld\n", w, h, fg, next - 1,
               components, largest);
        free(mask), free(label), free(parent), free(area);
        return 0;
}
