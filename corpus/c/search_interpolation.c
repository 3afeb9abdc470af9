#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* interpolation search over a calloc'd sorted array of 64-bit keys with uneven gaps
 * (built by a prefix sum of splitmix64 deltas); 4 lookups per key, half of them misses,
 * falling back to binary search when the probe range stops shrinking fast */
struct table {
        uint64_t *keys;
        long n;
};

static uint64_t sm_state = 42;
static uint64_t splitmix64(void)
{
        uint64_t z = (sm_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
}

static long probes;

static long interp_find(const struct table *t, uint64_t key)
{
        long lo = 0, hi = t->n - 1;
        int slow = 0;
        while (lo <= hi && key >= t->keys[lo] && key <= t->keys[hi]) {
                probes++;
                long mid;
                uint64_t span = t->keys[hi] - t->keys[lo];
                if (span == 0 || slow > 3)
                        mid = lo + (hi - lo) / 2;
                else
                        mid = lo + (long)((double)(key - t->keys[lo]) / (double)span * (double)(hi - lo));
                long before = hi - lo;
                if (t->keys[mid] == key)
                        return mid;
                if (t->keys[mid] < key)
                        lo = mid + 1;
                else
                        hi = mid - 1;
                if (hi - lo > before / 2)
                        slow++;
        }
        return -1;
}

static void build(struct table *t, long n)
{
        t->n = n;
        t->keys = calloc((size_t)n, sizeof(uint64_t));
        uint64_t acc = 0;
        for (long i = 0; i < n; i++) {
                uint64_t r = splitmix64();
                /* mostly small steps, sometimes a big jump: skewed distribution */
                acc += 2 + (r & 63) + ((r >> 58) == 0 ? (r >> 20) & 0xFFFFF : 0);
                t->keys[i] = acc;
        }
}

int main(void)
{
        struct table t;
        build(&t, __SIZE__);
        long hits = 0, misses = 0, checksum = 0;
        for (long q = 0; q < 4 * t.n; q++) {
                uint64_t r = splitmix64();
                long idx = (long)(r % (uint64_t)t.n);
                uint64_t key = t.keys[idx] + ((r >> 40) & 1);
                long at = interp_find(&t, key);
                if (at >= 0) {
                        hits++;
                        checksum += at;
                } else {
                        misses++;
                }
        }
        printf("%ld keys, hits %ld misses %ld, %.2f probes/query, checksum %ld\n", t.n, hits, misses,
               (double)probes / (double)(4 * t.n), checksum);
        free(t.keys);
        return 0;
}
