#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* integers parsed from stdin (read(2) into a growing buffer) inserted into a cuckoo hash
 * set: two tables, multiply-shift hashes, eviction chains, grow-and-rehash on failure */
#define EMPTY INT64_MIN
#define MAX_KICKS 64

struct cuckoo {
        int64_t *t[2];
        unsigned bits;
        size_t count, rehashes, kicks;
        uint64_t salt[2];
};

static inline size_t slot(const struct cuckoo *h, int which, int64_t key)
{
        uint64_t x = ((uint64_t)key ^ h->salt[which]) * (which ? 0xD6E8FEB86659FD93ULL : 0x9E3779B97F4A7C15ULL);
        return (size_t)(x >> (64 - h->bits));
}

static void alloc_tables(struct cuckoo *h, unsigned bits)
{
        h->bits = bits;
        for (int w = 0; w < 2; w++) {
                h->t[w] = malloc(sizeof(int64_t) << bits);
                for (size_t i = 0; i < (size_t)1 << bits; i++)
                        h->t[w][i] = EMPTY;
        }
}

static int contains(const struct cuckoo *h, int64_t key)
{
        return h->t[0][slot(h, 0, key)] == key || h->t[1][slot(h, 1, key)] == key;
}

static void insert(struct cuckoo *h, int64_t key);

static void grow(struct cuckoo *h)
{
        int64_t *old[2] = {h->t[0], h->t[1]};
        size_t n = (size_t)1 << h->bits;
        h->rehashes++;
        h->salt[0] = h->salt[0] * 6364136223846793005ULL + 1;
        h->salt[1] = h->salt[1] * 6364136223846793005ULL + 3;
        alloc_tables(h, h->bits + 1);
        h->count = 0;
        for (int w = 0; w < 2; w++) {
                for (size_t i = 0; i < n; i++)
                        if (old[w][i] != EMPTY)
                                insert(h, old[w][i]);
                free(old[w]);
        }
}

static void insert(struct cuckoo *h, int64_t key)
{
        if (contains(h, key))
                return;
        if (h->count + 1 > ((size_t)1 << h->bits)) /* keep load under 50% of both tables */
                grow(h);
        int w = 0;
        for (int k = 0; k < MAX_KICKS; k++) {
                size_t i = slot(h, w, key);
                int64_t victim = h->t[w][i];
                h->t[w][i] = key;
                if (victim == EMPTY) {
                        h->count++;
                        return;
                }
                h->kicks++;
                key = victim;
                w ^= 1;
        }
        grow(h);
        insert(h, key);
}

int main(void)
{
        size_t cap = 1 << 16, len = 0;
        char *buf = malloc(cap + 1);
        ssize_t r;
        while ((r = read(0, buf + len, cap - len)) > 0) {
                len += (size_t)r;
                if (len == cap)
                        buf = realloc(buf, (cap *= 2) + 1);
        }
        buf[len] = 0;
        struct cuckoo h = {.salt = {0x1234, 0x5678}};
        alloc_tables(&h, 10);
        size_t parsed = 0;
        int64_t *keys = malloc(sizeof(int64_t) * (len / 2 + 1));
        for (char *p = buf, *end; *p; p = end) {
                int64_t v = strtoll(p, &end, 10);
                if (end == p) {
                        end = p + 1;
                        continue;
                }
                keys[parsed++] = v;
                insert(&h, v);
        }
        size_t found = 0, neighbours = 0;
        for (size_t i = 0; i < parsed; i++) {
                found += contains(&h, keys[i]);
                neighbours += contains(&h, keys[i] + 1);
        }
        printf("%zu numbers, %zu distinct in 2x%zu slots, %zu rehashes, %zu kicks, found %zu, n+1 present %zu\n",
               parsed, h.count, (size_t)1 << h.bits, h.rehashes, h.kicks, found, neighbours);
        free(h.t[0]), free(h.t[1]), free(keys), free(buf);
        return 0;
}
