#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* MurmurHash3 x86_32 written out by hand, used to deduplicate generated key strings in a
 * separate-chaining table: every distinct key is one malloc'd node with the string in a
 * flexible array member, buckets double (relinking the nodes) at load factor 1, everything is
 * kept until the end and freed node by node; many small allocations, O(n) */
struct node {
        struct node *next;
        uint32_t hash;
        uint32_t count;
        char key[];
};

struct table {
        struct node **buckets;
        size_t nbuckets, size;
};

static uint32_t rotl32(uint32_t x, int r)
{
        return (x << r) | (x >> (32 - r));
}

static uint32_t murmur3_32(const void *data, size_t len, uint32_t seed)
{
        const uint8_t *p = data;
        const uint32_t c1 = 0xcc9e2d51, c2 = 0x1b873593;
        uint32_t h = seed;
        size_t nblocks = len / 4;
        for (size_t i = 0; i < nblocks; i++) {
                uint32_t k;
                memcpy(&k, p + 4 * i, 4);
                k *= c1, k = rotl32(k, 15), k *= c2;
                h ^= k, h = rotl32(h, 13), h = h * 5 + 0xe6546b64;
        }
        const uint8_t *tail = p + 4 * nblocks;
        uint32_t k = 0;
        switch (len & 3) {
        case 3:
                k ^= (uint32_t)tail[2] << 16;
                /* fall through */
        case 2:
                k ^= (uint32_t)tail[1] << 8;
                /* fall through */
        case 1:
                k ^= tail[0];
                k *= c1, k = rotl32(k, 15), k *= c2, h ^= k;
        }
        h ^= (uint32_t)len;
        h ^= h >> 16, h *= 0x85ebca6b, h ^= h >> 13, h *= 0xc2b2ae35, h ^= h >> 16;
        return h;
}

static void grow(struct table *t)
{
        size_t nb = t->nbuckets * 2;
        struct node **b = calloc(nb, sizeof *b);
        for (size_t i = 0; i < t->nbuckets; i++) {
                struct node *n = t->buckets[i];
                while (n) {
                        struct node *next = n->next;
                        n->next = b[n->hash & (nb - 1)];
                        b[n->hash & (nb - 1)] = n;
                        n = next;
                }
        }
        free(t->buckets);
        t->buckets = b, t->nbuckets = nb;
}

static int add(struct table *t, const char *key, size_t len)
{
        uint32_t h = murmur3_32(key, len, 0x5eed);
        for (struct node *n = t->buckets[h & (t->nbuckets - 1)]; n; n = n->next)
                if (n->hash == h && strcmp(n->key, key) == 0) {
                        n->count++;
                        return 0;
                }
        struct node *n = malloc(sizeof *n + len + 1);
        n->hash = h, n->count = 1;
        memcpy(n->key, key, len + 1);
        n->next = t->buckets[h & (t->nbuckets - 1)];
        t->buckets[h & (t->nbuckets - 1)] = n;
        if (++t->size > t->nbuckets)
                grow(t);
        return 1;
}

int main(void)
{
        long keys = __SIZE__;
        struct table t = {calloc(16, sizeof(struct node *)), 16, 0};
        uint64_t s = 0xDEADBEEFULL;
        char buf[80];
        long fresh = 0;
        for (long i = 0; i < keys; i++) {
                s ^= s >> 12, s ^= s << 25, s ^= s >> 27;
                uint64_t r = s * 2685821657736338717ULL;
                /* ~60% of draws come from a range of size keys/2, so there are many repeats */
                unsigned long id = (r & 7) < 5 ? (unsigned long)((r >> 8) % (uint64_t)(keys / 2 + 1)) : (unsigned long)(r >> 20);
                int len = snprintf(buf, sizeof buf, "session/%lx/%s", id, (r >> 3 & 1) ? "alpha" : "beta-long-suffix");
                fresh += add(&t, buf, (size_t)len);
        }
        size_t longest = 0, empty = 0;
        uint32_t maxc = 0;
        for (size_t i = 0; i < t.nbuckets; i++) {
                size_t len = 0;
                struct node *n = t.buckets[i];
                empty += n == NULL;
                while (n) {
                        struct node *next = n->next;
                        if (n->count > maxc)
                                maxc = n->count;
                        free(n);
                        n = next;
                        len++;
                }
                if (len > longest)
                        longest = len;
        }
        printf("%ld keys, %ld distinct, %zu buckets (%zu empty), longest chain %zu, max count %u\n", keys, fresh,
               t.nbuckets, empty, longest, maxc);
        free(t.buckets);
        return 0;
}
