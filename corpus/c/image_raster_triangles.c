#include <stdint.h>
#include <stdio.h>

/* software rasteriser: random triangles with per-vertex colours are filled into one
 * static 1024x768 RGB canvas with integer edge functions over each bounding box,
 * barycentric colour interpolation and 50% alpha blending. The canvas is the only
 * buffer, so memory is fixed while work grows with the number of triangles. */
#define W 1024
#define H 768

static uint8_t canvas[H][W][3];

struct vtx {
        int x, y;
        int c[3];
};

static inline long edge(const struct vtx *a, const struct vtx *b, int px, int py)
{
        return (long)(b->x - a->x) * (py - a->y) - (long)(b->y - a->y) * (px - a->x);
}

static long fill(struct vtx v[3])
{
        long area = edge(&v[0], &v[1], v[2].x, v[2].y);
        if (area == 0)
                return 0;
        if (area < 0) {
                struct vtx t = v[1];
                v[1] = v[2];
                v[2] = t;
                area = -area;
        }
        int minx = v[0].x, maxx = v[0].x, miny = v[0].y, maxy = v[0].y;
        for (int i = 1; i < 3; i++) {
                minx = v[i].x < minx ? v[i].x : minx;
                maxx = v[i].x > maxx ? v[i].x : maxx;
                miny = v[i].y < miny ? v[i].y : miny;
                maxy = v[i].y > maxy ? v[i].y : maxy;
        }
        minx = minx < 0 ? 0 : minx, miny = miny < 0 ? 0 : miny;
        maxx = maxx >= W ? W - 1 : maxx, maxy = maxy >= H ? H - 1 : maxy;
        long covered = 0;
        for (int y = miny; y <= maxy; y++)
                for (int x = minx; x <= maxx; x++) {
                        long w0 = edge(&v[1], &v[2], x, y), w1 = edge(&v[2], &v[0], x, y), w2 = edge(&v[0], &v[1], x, y);
                        if ((w0 | w1 | w2) < 0)
                                continue;
                        for (int c = 0; c < 3; c++) {
                                long col = (w0 * v[0].c[c] + w1 * v[1].c[c] + w2 * v[2].c[c]) / area;
                                canvas[y][x][c] = (uint8_t)((canvas[y][x][c] + col) >> 1);
                        }
                        covered++;
                }
        return covered;
}

int main(void)
{
        const long triangles = __SIZE__;
        uint64_t s = 88172645463325252ULL;
#define NEXT() (s ^= s << 13, s ^= s >> 7, s ^= s << 17, s)
        long pixels = 0;
        for (long t = 0; t < triangles; t++) {
                struct vtx v[3];
                int cx = (int)(NEXT() % (W + 64)) - 32, cy = (int)(NEXT() % (H + 64)) - 32;
                int r = 4 + (int)(NEXT() % 60);
                for (int i = 0; i < 3; i++) {
                        v[i].x = cx + (int)(NEXT() % (2 * (uint64_t)r + 1)) - r;
                        v[i].y = cy + (int)(NEXT() % (2 * (uint64_t)r + 1)) - r;
                        for (int c = 0; c < 3; c++)
                                v[i].c[c] = (int)(NEXT() & 255);
                }
                pixels += fill(v);
        }
        uint64_t h = 1469598103934665603ULL;
        for (int y = 0; y < H; y++)
                for (int x = 0; x < W; x++)
                        for (int c = 0; c < 3; c++)
                                h = (h ^ canvas[y][x][c]) * 1099511628211ULL;
        printf("%ld triangles, %ld pixels shaded, canvas hash %016llx\n", triangles, pixels, (unsigned long long)h);
        return 0;
}
