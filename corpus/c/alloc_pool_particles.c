#include <math.h>
#include <stdint.h>
#include <stdio.h>

/* fixed object pool for a particle system: 4096 particle structs in a static array
 * threaded onto an index free list; each step emits a burst of particles (taking
 * slots from the free list, dropping the burst when the pool is exhausted), integrates
 * velocity under gravity and drag, and returns dead particles to the free list. Pool and
 * live list never grow: memory is constant, work grows with the number of steps. */
#define POOL 4096

struct particle {
        float x, y, vx, vy;
        float life;
        int next; /* free-list / live-list link */
};

static struct particle pool[POOL];
static int free_head, live_head = -1;

static uint32_t lcg = 777;
static float frand(void)
{
        lcg = lcg * 1664525u + 1013904223u;
        return (float)(lcg >> 8) / 16777216.0f;
}

static int acquire(void)
{
        int i = free_head;
        if (i >= 0)
                free_head = pool[i].next;
        return i;
}

int main(void)
{
        const struct { long steps; float dt; } sim = {__SIZE__, 0.01f};
        for (int i = 0; i < POOL; i++)
                pool[i].next = i + 1 < POOL ? i + 1 : -1;
        free_head = 0;
        long spawned = 0, died = 0, dropped = 0, max_live = 0, live = 0;
        double energy = 0;
        for (long step = 0; step < sim.steps; step++) {
                int burst = 8 + (int)(frand() * 40);
                float ex = frand() * 100, ey = frand() * 20;
                for (int b = 0; b < burst; b++) {
                        int i = acquire();
                        if (i < 0) {
                                dropped++;
                                continue;
                        }
                        float ang = frand() * 6.2831853f, sp = 5 + frand() * 20;
                        pool[i] = (struct particle){ex, ey, sp * cosf(ang), sp * sinf(ang), 0.5f + frand() * 2.5f, live_head};
                        live_head = i;
                        spawned++, live++;
                }
                if (live > max_live)
                        max_live = live;
                int *link = &live_head;
                while (*link >= 0) {
                        struct particle *p = &pool[*link];
                        p->vy -= 9.81f * sim.dt;
                        p->vx *= 0.999f, p->vy *= 0.999f;
                        p->x += p->vx * sim.dt, p->y += p->vy * sim.dt;
                        if (p->y < 0)
                                p->y = -p->y, p->vy = -0.6f * p->vy;
                        p->life -= sim.dt;
                        if (p->life <= 0) {
                                int dead = *link;
                                *link = p->next;
                                pool[dead].next = free_head;
                                free_head = dead;
                                died++, live--;
                                energy += 0.5 * (p->vx * p->vx + p->vy * p->vy);
                        } else {
                                link = &p->next;
                        }
                }
        }
        printf("%ld steps: %ld spawned, %ld died, %ld dropped, max live %ld, energy at death %.1f\n", sim.steps, spawned,
               died, dropped, max_live, energy);
        return 0;
}
