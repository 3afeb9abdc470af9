#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Robin Hood open addressing with backward-shift deletion, stored as a struct of arrays
 * (keys, values, probe distances in three parallel realloc'd arrays) that doubles at 7/8 load;
 * a workload of OPS inserts, lookups and deletes over a key space of OPS/2; O(n) memory */
struct rh {
        uint64_t *keys;
        uint32_t *vals;
        uint8_t *dist; /* 0 = empty, else probe distance + 1 */
        size_t cap, count;
        size_t max_dist;
};

static inline size_t home(const struct rh *t, uint64_t k)
{
        return (size_t)((k * 0x9E3779B97F4A7C15ULL) >> 20) & (t->cap - 1);
}

static void rh_alloc(struct rh *t, size_t cap)
{
        t->cap = cap, t->count = 0;
        t->keys = malloc(cap * sizeof *t->keys);
        t->vals = malloc(cap * sizeof *t->vals);
        t->dist = calloc(cap, 1);
}

static void rh_put(struct rh *t, uint64_t k, uint32_t v);

static void rh_grow(struct rh *t)
{
        struct rh old = *t;
        rh_alloc(t, old.cap * 2);
        t->max_dist = old.max_dist;
        for (size_t i = 0; i < old.cap; i++)
                if (old.dist[i])
                        rh_put(t, old.keys[i], old.vals[i]);
        free(old.keys), free(old.vals), free(old.dist);
}

static void rh_put(struct rh *t, uint64_t k, uint32_t v)
{
        if ((t->count + 1) * 8 > t->cap * 7)
                rh_grow(t);
        size_t i = home(t, k);
        uint8_t d = 1;
        for (;;) {
                if (!t->dist[i]) {
                        t->keys[i] = k, t->vals[i] = v, t->dist[i] = d;
                        t->count++;
                        if (d > t->max_dist)
                                t->max_dist = d;
                        return;
                }
                if (t->keys[i] == k) {
                        t->vals[i] = v;
                        return;
                }
                if (t->dist[i] < d) { /* rob the rich: swap and carry the displaced entry on */
                        uint64_t tk = t->keys[i];
                        uint32_t tv = t->vals[i];
                        uint8_t td = t->dist[i];
                        t->keys[i] = k, t->vals[i] = v, t->dist[i] = d;
                        k = tk, v = tv, d = td;
                }
                i = (i + 1) & (t->cap - 1);
                d++;
        }
}

static long rh_find(const struct rh *t, uint64_t k)
{
        size_t i = home(t, k);
        for (uint8_t d = 1;; d++) {
                if (t->dist[i] < d)
                        return -1;
                if (t->keys[i] == k)
                        return (long)i;
                i = (i + 1) & (t->cap - 1);
        }
}

static int rh_del(struct rh *t, uint64_t k)
{
        long at = rh_find(t, k);
        if (at < 0)
                return 0;
        size_t i = (size_t)at, j = (i + 1) & (t->cap - 1);
        while (t->dist[j] > 1) { /* backward shift */
                t->keys[i] = t->keys[j], t->vals[i] = t->vals[j], t->dist[i] = (uint8_t)(t->dist[j] - 1);
                i = j, j = (j + 1) & (t->cap - 1);
        }
        t->dist[i] = 0;
        t->count--;
        return 1;
}

int main(void)
{
        const long ops = __SIZE__;
        struct rh t = {0};
        rh_alloc(&t, 64);
        uint32_t a = 0x12345678, b = 0x9abcdef0;
        long found = 0, deleted = 0;
        uint64_t sum = 0;
        for (long i = 0; i < ops; i++) {
                a = 36969 * (a & 65535) + (a >> 16);
                b = 18000 * (b & 65535) + (b >> 16);
                uint32_t r = (a << 16) + b;
                uint64_t key = (uint64_t)(r % (uint32_t)(ops / 2 + 1)) * 0x100000001ULL + 7;
                switch (r >> 30) {
                case 0:
                case 1:
                        rh_put(&t, key, (uint32_t)i);
                        break;
                case 2: {
                        long at = rh_find(&t, key);
                        if (at >= 0)
                                found++, sum += t.vals[at];
                        break;
                }
                default:
                        deleted += rh_del(&t, key);
                }
        }
        printf("%ld ops: %zu live in %zu slots, %ld found, %ld deleted, max probe %zu, sum %llu\n", ops, t.count, t.cap,
               found, deleted, t.max_dist, (unsigned long long)sum);
        free(t.keys), free(t.vals), free(t.dist);
        return 0;
}
