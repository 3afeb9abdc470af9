#include <pthread.h>
#include <semaphore.h>
#include <stdint.h>
#include <stdio.h>

/* three-stage pipeline on three pthreads joined by two fixed 256-slot ring buffers, each
 * guarded by a pair of POSIX semaphores (free slots / filled slots): a generator makes
 * records, a transformer runs 256 rounds of a 64-bit mixing function over each one, a
 * reducer folds them into a histogram and checksum. A zero-id record ends the stream.
 * Rings and histogram are static, so memory is constant in the number of records. */
#define RING 256

struct record {
        uint64_t id, payload[6];
};

struct ring {
        struct record slot[RING];
        sem_t free_slots, filled;
        unsigned head, tail;
};

static struct ring stage1, stage2;
static long record_count;
static uint64_t histogram[64], checksum;

static void ring_init(struct ring *r)
{
        sem_init(&r->free_slots, 0, RING);
        sem_init(&r->filled, 0, 0);
        r->head = r->tail = 0;
}

static void ring_put(struct ring *r, const struct record *rec)
{
        sem_wait(&r->free_slots);
        r->slot[r->head++ % RING] = *rec;
        sem_post(&r->filled);
}

static void ring_get(struct ring *r, struct record *rec)
{
        sem_wait(&r->filled);
        *rec = r->slot[r->tail++ % RING];
        sem_post(&r->free_slots);
}

static uint64_t mix(uint64_t x)
{
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdULL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53ULL;
        return x ^ (x >> 33);
}

static void *generator(void *arg)
{
        (void)arg;
        uint64_t s = 1;
        for (long i = 1; i <= record_count; i++) {
                struct record r = {.id = (uint64_t)i};
                for (int k = 0; k < 6; k++) {
                        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
                        r.payload[k] = s;
                }
                ring_put(&stage1, &r);
        }
        struct record end = {0};
        ring_put(&stage1, &end);
        return NULL;
}

static void *transformer(void *arg)
{
        (void)arg;
        struct record r;
        do {
                ring_get(&stage1, &r);
                if (r.id)
                        for (int round = 0; round < 256; round++)
                                for (int k = 0; k < 6; k++)
                                        r.payload[k] = mix(r.payload[k] ^ r.payload[(k + 1) % 6] ^ (uint64_t)round);
                ring_put(&stage2, &r);
        } while (r.id);
        return NULL;
}

static void *reducer(void *arg)
{
        (void)arg;
        struct record r;
        for (;;) {
                ring_get(&stage2, &r);
                if (!r.id)
                        break;
                uint64_t h = r.id;
                for (int k = 0; k < 6; k++)
                        h ^= r.payload[k];
                histogram[h & 63]++;
                checksum = checksum * 31 + h;
        }
        return NULL;
}

int main(void)
{
        record_count = __SIZE__;
        ring_init(&stage1);
        ring_init(&stage2);
        pthread_t t[3];
        pthread_create(&t[0], NULL, generator, NULL);
        pthread_create(&t[1], NULL, transformer, NULL);
        pthread_create(&t[2], NULL, reducer, NULL);
        for (int i = 0; i < 3; i++)
                pthread_join(t[i], NULL);
        uint64_t lo = UINT64_MAX, hi = 0;
        for (int b = 0; b < 64; b++) {
                lo = histogram[b] < lo ? histogram[b] : lo;
                hi = histogram[b] > hi ? histogram[b] : hi;
        }
        printf("%ld records through 3 stages: bucket min %llu max %llu, checksum %016llx\n", record_count,
               (unsigned long long)lo, (unsigned long long)hi, (unsigned long long)checksum);
        return 0;
}
