#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>

/* four pthreads hash disjoint index ranges (splitmix64 + extra mixing rounds) into a
 * shared histogram of C11 atomics (relaxed fetch_add) and a CAS-maintained global max */
#define NTHREADS 4
#define BINS 4096

static const unsigned long total = __SIZE__;

static _Atomic unsigned long hist[BINS];
static _Atomic uint64_t global_max;
static atomic_ulong done;

static inline uint64_t mix(uint64_t z)
{
        z += 0x9E3779B97F4A7C15ULL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
}

static void *worker(void *arg)
{
        unsigned long id = (unsigned long)(uintptr_t)arg;
        unsigned long lo = total * id / NTHREADS, hi = total * (id + 1) / NTHREADS;
        uint64_t local_max = 0;
        for (unsigned long i = lo; i < hi; i++) {
                uint64_t h = i;
                for (int r = 0; r < 4; r++)
                        h = mix(h ^ (uint64_t)r);
                atomic_fetch_add_explicit(&hist[h % BINS], 1, memory_order_relaxed);
                if (h > local_max)
                        local_max = h;
                if ((i & 0xfff) == 0) {
                        uint64_t seen = atomic_load_explicit(&global_max, memory_order_relaxed);
                        while (local_max > seen &&
                               !atomic_compare_exchange_weak_explicit(&global_max, &seen, local_max,
                                                                      memory_order_relaxed, memory_order_relaxed))
                                ;
                }
        }
        uint64_t seen = atomic_load(&global_max);
        while (local_max > seen && !atomic_compare_exchange_weak(&global_max, &seen, local_max))
                ;
        atomic_fetch_add(&done, hi - lo);
        return NULL;
}

int main(void)
{
        pthread_t th[NTHREADS];
        for (unsigned long t = 0; t < NTHREADS; t++)
                pthread_create(&th[t], NULL, worker, (void *)(uintptr_t)t);
        for (int t = 0; t < NTHREADS; t++)
                pthread_join(th[t], NULL);
        unsigned long mn = (unsigned long)-1, mx = 0, sum = 0;
        uint64_t digest = 0;
        for (int b = 0; b < BINS; b++) {
                unsigned long v = atomic_load(&hist[b]);
                sum += v;
                mn = v < mn ? v : mn;
                mx = v > mx ? v : mx;
                digest = digest * 31 + v;
        }
        printf("%lu values hashed by %d threads into %d bins: sum %lu min %lu max %lu digest %016llx max hash %016llx\n",
               atomic_load(&done), NTHREADS, BINS, sum, mn, mx, (unsigned long long)digest,
               (unsigned long long)atomic_load(&global_max));
        return 0;
}
