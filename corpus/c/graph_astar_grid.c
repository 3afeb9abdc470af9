#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A* on a side x side 4-connected grid with random walls, Manhattan heuristic; the wall map,
 * g-costs and closed flags are 2-D arrays through pointers to VLA rows, the open list is a
 * binary heap of (f, cell) structs grown with realloc; four corner-to-corner queries */
struct entry {
        uint32_t f;
        uint32_t cell;
};

static struct entry *heap;
static size_t hn, hcap;

static void push(uint32_t f, uint32_t cell)
{
        if (hn == hcap) {
                hcap = hcap ? hcap * 2 : 1024;
                heap = realloc(heap, hcap * sizeof *heap);
        }
        size_t i = hn++;
        while (i > 0 && heap[(i - 1) / 2].f > f) {
                heap[i] = heap[(i - 1) / 2];
                i = (i - 1) / 2;
        }
        heap[i] = (struct entry){f, cell};
}

static struct entry pop(void)
{
        struct entry top = heap[0], last = heap[--hn];
        size_t i = 0;
        for (;;) {
                size_t c = 2 * i + 1;
                if (c >= hn)
                        break;
                if (c + 1 < hn && heap[c + 1].f < heap[c].f)
                        c++;
                if (heap[c].f >= last.f)
                        break;
                heap[i] = heap[c];
                i = c;
        }
        heap[i] = last;
        return top;
}

static long long astar(int side, unsigned char (*wall)[side], uint32_t (*g)[side], unsigned char (*closed)[side], int sr,
                       int sc, int tr, int tc, long *expanded)
{
        for (int r = 0; r < side; r++) {
                memset(closed[r], 0, (size_t)side);
                for (int c = 0; c < side; c++)
                        g[r][c] = UINT32_MAX;
        }
        hn = 0;
        g[sr][sc] = 0;
        push((uint32_t)(abs(tr - sr) + abs(tc - sc)), (uint32_t)sr * side + sc);
        static const int dr[4] = {1, -1, 0, 0}, dc[4] = {0, 0, 1, -1};
        while (hn) {
                struct entry e = pop();
                int r = (int)(e.cell / side), c = (int)(e.cell % side);
                if (closed[r][c])
                        continue;
                closed[r][c] = 1;
                ++*expanded;
                if (r == tr && c == tc)
                        return g[r][c];
                for (int k = 0; k < 4; k++) {
                        int nr = r + dr[k], nc = c + dc[k];
                        if (nr < 0 || nc < 0 || nr >= side || nc >= side || wall[nr][nc] || closed[nr][nc])
                                continue;
                        uint32_t ng = g[r][c] + 1;
                        if (ng < g[nr][nc]) {
                                g[nr][nc] = ng;
                                push(ng + (uint32_t)(abs(tr - nr) + abs(tc - nc)), (uint32_t)nr * side + nc);
                        }
                }
        }
        return -1;
}

int main(void)
{
        int side = __SIZE__;
        unsigned char (*wall)[side] = malloc(sizeof(unsigned char[side][side]));
        uint32_t (*g)[side] = malloc(sizeof(uint32_t[side][side]));
        unsigned char (*closed)[side] = malloc(sizeof(unsigned char[side][side]));
        uint32_t s = 777;
        for (int r = 0; r < side; r++)
                for (int c = 0; c < side; c++) {
                        s ^= s << 13, s ^= s >> 17, s ^= s << 5;
                        wall[r][c] = (s % 100) < 24;
                }
        /* open a 3x3 patch around every query endpoint */
        const int ends[6][2] = {{0, 0}, {side - 1, side - 1}, {0, side - 1}, {side - 1, 0}, {side / 2, 0}, {side / 2, side - 1}};
        for (int e = 0; e < 6; e++)
                for (int r = ends[e][0] - 1; r <= ends[e][0] + 1; r++)
                        for (int c = ends[e][1] - 1; c <= ends[e][1] + 1; c++)
                                if (r >= 0 && c >= 0 && r < side && c < side)
                                        wall[r][c] = 0;
        long expanded = 0;
        long long d1 = astar(side, wall, g, closed, 0, 0, side - 1, side - 1, &expanded);
        long long d2 = astar(side, wall, g, closed, 0, side - 1, side - 1, 0, &expanded);
        long long d3 = astar(side, wall, g, closed, side / 2, 0, side / 2, side - 1, &expanded);
        long long d4 = astar(side, wall, g, closed, side - 1, 0, 0, 0, &expanded);
        printf("grid %dx%d: path lengths %lld %lld %lld %lld, %ld cells expanded, heap cap %zu\n", side, side, d1, d2, d3,
               d4, expanded, hcap);
        free(heap), free(wall), free(g), free(closed);
        return 0;
}
