#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N __SIZE__
#define SLOTS 4096

int main(void)
{
        void *slot[SLOTS] = {0};
        size_t live_bytes = 0, peak = 0, sizes[SLOTS] = {0};
        unsigned s = 3;
        for (long i = 0; i < N; i++) {
                s = s * 1103515245u + 12345u;
                int k = (int)((s >> 8) % SLOTS);
                if (slot[k]) {
                        live_bytes -= sizes[k];
                        free(slot[k]);
                }
                sizes[k] = 16 + (s >> 20) % 4096;
                slot[k] = malloc(sizes[k]);
                memset(slot[k], (int)i, sizes[k]);
                live_bytes += sizes[k];
                if (live_bytes > peak)
                        peak = live_bytes;
        }
        for (int k = 0; k < SLOTS; k++)
                free(slot[k]);
        printf("allocations %d peak live %zu bytes\n", N, peak);
        return 0;
}
