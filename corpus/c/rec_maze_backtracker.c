#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* recursive-backtracker maze on a side x side cell grid: carve() recurses into the four
 * neighbours in shuffled order, so the call chain gets as deep as the longest corridor
 * (a large fraction of all cells); the maze is then solved by a second recursive DFS from
 * the top-left to the bottom-right cell. Both run on one worker pthread whose stack is
 * sized to the grid, so memory grows with cells through the stack and the byte grid. */
static int side;
static uint8_t *grid; /* bit0..3 open walls N E S W, bit4 visited, bit5 on path */
static uint32_t rng = 0x2545F491u;
static long max_depth, carved;

static const int DX[4] = {0, 1, 0, -1}, DY[4] = {-1, 0, 1, 0};

static void carve(int x, int y, long depth)
{
        int order[4] = {0, 1, 2, 3};
        grid[(size_t)y * side + x] |= 16;
        carved++;
        if (depth > max_depth)
                max_depth = depth;
        for (int i = 3; i > 0; i--) {
                rng ^= rng << 13, rng ^= rng >> 17, rng ^= rng << 5;
                int j = (int)(rng % (uint32_t)(i + 1)), t = order[i];
                order[i] = order[j], order[j] = t;
        }
        for (int k = 0; k < 4; k++) {
                int d = order[k], nx = x + DX[d], ny = y + DY[d];
                if (nx < 0 || ny < 0 || nx >= side || ny >= side || (grid[(size_t)ny * side + nx] & 16))
                        continue;
                grid[(size_t)y * side + x] |= (uint8_t)(1 << d);
                grid[(size_t)ny * side + nx] |= (uint8_t)(1 << ((d + 2) & 3));
                carve(nx, ny, depth + 1);
        }
}

static int solve(int x, int y, int from, long *len)
{
        if (x == side - 1 && y == side - 1)
                return 1;
        uint8_t cell = grid[(size_t)y * side + x];
        for (int d = 0; d < 4; d++) {
                if (!(cell & (1 << d)) || d == from)
                        continue;
                if (solve(x + DX[d], y + DY[d], (d + 2) & 3, len)) {
                        grid[(size_t)y * side + x] |= 32;
                        (*len)++;
                        return 1;
                }
        }
        return 0;
}

static void *worker(void *arg)
{
        long *path = arg;
        carve(0, 0, 1);
        *path = 0;
        solve(0, 0, -1, path);
        return NULL;
}

int main(void)
{
        side = __SIZE__;
        size_t cells = (size_t)side * side;
        grid = calloc(cells, 1);
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setstacksize(&attr, (1u << 20) + cells * 192);
        pthread_t th;
        long path = 0;
        if (pthread_create(&th, &attr, worker, &path) != 0) {
                fprintf(stderr, "pthread_create failed\n");
                return 1;
        }
        pthread_join(th, NULL);
        uint32_t h = 0;
        for (size_t i = 0; i < cells; i++)
                h = h * 31 + (grid[i] & 15);
        printf("maze %dx%d: %ld cells carved, max recursion depth %ld, solution path %ld cells, hash %08x\n", side, side,
               carved, max_depth, path + 1, h);
        free(grid);
        return 0;
}
