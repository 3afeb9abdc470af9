#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

/* explicit 1-D heat diffusion, two pthreads each owning half the rod, synchronised by a
 * pthread barrier after every time step; double buffers swapped by step parity */
#define CELLS __SIZE__
#define STEPS 160
#define NTHREADS 2

static double *buf[2];
static pthread_barrier_t barrier;

struct worker {
        int id;
        long lo, hi;
        double heat;
};

static void *run(void *arg)
{
        struct worker *w = arg;
        for (int step = 0; step < STEPS; step++) {
                const double *src = buf[step & 1];
                double *dst = buf[(step + 1) & 1];
                for (long i = w->lo; i < w->hi; i++) {
                        double left = i > 0 ? src[i - 1] : src[i];
                        double right = i + 1 < CELLS ? src[i + 1] : src[i];
                        dst[i] = src[i] + 0.24 * (left - 2.0 * src[i] + right);
                }
                pthread_barrier_wait(&barrier);
        }
        double h = 0;
        for (long i = w->lo; i < w->hi; i++)
                h += buf[STEPS & 1][i];
        w->heat = h;
        return NULL;
}

int main(void)
{
        buf[0] = malloc(sizeof(double) * CELLS);
        buf[1] = malloc(sizeof(double) * CELLS);
        unsigned s = 17;
        for (long i = 0; i < CELLS; i++) {
                s = s * 69069u + 1;
                buf[0][i] = (i % 1000 < 10) ? 100.0 : (s >> 24) / 25.6;
        }
        pthread_barrier_init(&barrier, NULL, NTHREADS);
        pthread_t th[NTHREADS];
        struct worker w[NTHREADS];
        for (int t = 0; t < NTHREADS; t++) {
                w[t] = (struct worker){t, (long)CELLS * t / NTHREADS, (long)CELLS * (t + 1) / NTHREADS, 0};
                pthread_create(&th[t], NULL, run, &w[t]);
        }
        double total = 0;
        for (int t = 0; t < NTHREADS; t++) {
                pthread_join(th[t], NULL);
                total += w[t].heat;
        }
        pthread_barrier_destroy(&barrier);
        const double *fin = buf[STEPS & 1];
        printf("rod of %d cells after %d steps on %d threads: total heat %.6e, cell[5] %.6f, cell[mid] %.6f\n", CELLS,
               STEPS, NTHREADS, total, fin[5], fin[CELLS / 2]);
        free(buf[0]), free(buf[1]);
        return 0;
}
