#include <stdio.h>
#include <stdlib.h>

#define ITEMS __SIZE__
#define CAP (ITEMS * 40)

int main(void)
{
        int *best = calloc(CAP + 1, sizeof(int));
        unsigned s = 17;
        for (int i = 0; i < ITEMS; i++) {
                s = s * 1664525u + 1013904223u;
                int w = 1 + (int)((s >> 16) % 80);
                s = s * 1664525u + 1013904223u;
                int v = 1 + (int)((s >> 16) % 120);
                for (int c = CAP; c >= w; c--)
                        if (best[c - w] + v > best[c])
                                best[c] = best[c - w] + v;
        }
        printf("knapsack %d items, capacity %d, best %d\n", ITEMS, CAP, best[CAP]);
        free(best);
        return 0;
}
