#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* read-mostly shared cache: a chained hash table of malloc'd entries split into 64
 * stripes, each with its own pthread_rwlock_t; four worker pthreads look keys up under
 * the read lock (skewed key choice, 85% of operations) and on a miss compute the value and
 * insert it under the write lock (re-checking first). Entries are never evicted, so
 * memory grows with the number of distinct keys touched, about the operation count. */
#define THREADS 4
#define STRIPES 64

struct entry {
        uint64_t key, value;
        struct entry *next;
};

struct stripe {
        pthread_rwlock_t lock;
        struct entry **bucket;
        size_t nbuckets;
        long entries;
};

static struct stripe table[STRIPES];
static long ops_per_thread;

static uint64_t hash64(uint64_t x)
{
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
        return x ^ (x >> 31);
}

static uint64_t expensive(uint64_t key)
{
        uint64_t v = key;
        for (int i = 0; i < 40; i++)
                v = hash64(v + (uint64_t)i);
        return v;
}

struct result {
        long hits, misses, inserted;
        uint64_t sum;
};

static void *worker(void *arg)
{
        struct result *res = arg;
        uint64_t s = 0x1234567ULL + (uint64_t)(uintptr_t)arg;
        for (long i = 0; i < ops_per_thread; i++) {
                s ^= s << 13, s ^= s >> 7, s ^= s << 17;
                /* skewed keys: small keys are hot, the range grows with the run */
                uint64_t span = (uint64_t)ops_per_thread * THREADS;
                uint64_t key = (s % 100 < 60) ? s % (span / 64 + 1) : (s >> 8) % span;
                uint64_t h = hash64(key);
                struct stripe *st = &table[h % STRIPES];
                size_t b = (size_t)((h >> 8) % st->nbuckets);
                uint64_t value = 0;
                int found = 0;
                pthread_rwlock_rdlock(&st->lock);
                for (struct entry *e = st->bucket[b]; e; e = e->next)
                        if (e->key == key) {
                                value = e->value;
                                found = 1;
                                break;
                        }
                pthread_rwlock_unlock(&st->lock);
                if (found) {
                        res->hits++;
                } else {
                        res->misses++;
                        value = expensive(key);
                        struct entry *fresh = malloc(sizeof *fresh);
                        fresh->key = key, fresh->value = value;
                        pthread_rwlock_wrlock(&st->lock);
                        struct entry *e = st->bucket[b];
                        while (e && e->key != key)
                                e = e->next;
                        if (!e) {
                                fresh->next = st->bucket[b];
                                st->bucket[b] = fresh;
                                st->entries++;
                                fresh = NULL;
                                res->inserted++;
                        }
                        pthread_rwlock_unlock(&st->lock);
                        free(fresh);
                }
                res->sum += value & 0xffff;
        }
        return NULL;
}

int main(void)
{
        const long total_ops = __SIZE__;
        ops_per_thread = total_ops / THREADS;
        for (int i = 0; i < STRIPES; i++) {
                pthread_rwlock_init(&table[i].lock, NULL);
                table[i].nbuckets = (size_t)(total_ops / STRIPES / 2 + 1);
                table[i].bucket = calloc(table[i].nbuckets, sizeof(struct entry *));
        }
        pthread_t th[THREADS];
        struct result res[THREADS] = {{0}};
        for (int t = 0; t < THREADS; t++)
                pthread_create(&th[t], NULL, worker, &res[t]);
        struct result all = {0};
        for (int t = 0; t < THREADS; t++) {
                pthread_join(th[t], NULL);
                all.hits += res[t].hits, all.misses += res[t].misses, all.inserted += res[t].inserted, all.sum += res[t].sum;
        }
        long entries = 0, longest = 0;
        for (int i = 0; i < STRIPES; i++) {
                for (size_t b = 0; b < table[i].nbuckets; b++) {
                        long chain = 0;
                        struct entry *e = table[i].bucket[b];
                        while (e) {
                                struct entry *n = e->next;
                                free(e);
                                e = n;
                                chain++;
                        }
                        longest = chain > longest ? chain : longest;
                }
                entries += table[i].entries;
                free(table[i].bucket);
                pthread_rwlock_destroy(&table[i].lock);
        }
        printf("%ld ops on %d threads: %ld hits, %ld misses, %ld entries (%ld inserted), longest chain %ld, value sum %llu\n",
               ops_per_thread * THREADS, THREADS, all.hits, all.misses, entries, all.inserted, longest,
               (unsigned long long)all.sum);
        return entries != all.inserted;
}
