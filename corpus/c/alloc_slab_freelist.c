#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* slab allocator: 16 KiB aligned slabs per size class (aligned_alloc), intrusive free
 * lists, slab header found by masking the object address, empty slabs given back;
 * driven by a timing wheel of object lifetimes plus a slowly growing long-lived set */
#define SLAB_SIZE 16384
#define NCLASSES 5
#define WHEEL 512

static const size_t class_size[NCLASSES] = {32, 64, 128, 256, 512};

struct slab {
        struct slab *next, *prev;
        void *free;
        int live, cls;
};

struct size_class {
        struct slab *partial; /* slabs with at least one free object */
        size_t slabs, objects_per_slab;
};

static struct size_class classes[NCLASSES];
static size_t slabs_created, slabs_released, peak_slabs, cur_slabs;

static void unlink_slab(struct size_class *c, struct slab *s)
{
        if (s->prev)
                s->prev->next = s->next;
        else
                c->partial = s->next;
        if (s->next)
                s->next->prev = s->prev;
        s->next = s->prev = NULL;
}

static void push_slab(struct size_class *c, struct slab *s)
{
        s->prev = NULL;
        s->next = c->partial;
        if (c->partial)
                c->partial->prev = s;
        c->partial = s;
}

static void *slab_alloc(int cls)
{
        struct size_class *c = &classes[cls];
        struct slab *s = c->partial;
        if (!s) {
                s = aligned_alloc(SLAB_SIZE, SLAB_SIZE);
                s->cls = cls, s->live = 0, s->free = NULL;
                size_t hdr = (sizeof *s + class_size[cls] - 1) / class_size[cls] * class_size[cls];
                c->objects_per_slab = (SLAB_SIZE - hdr) / class_size[cls];
                for (char *p = (char *)s + SLAB_SIZE - class_size[cls]; p >= (char *)s + hdr; p -= class_size[cls]) {
                        *(void **)p = s->free;
                        s->free = p;
                }
                push_slab(c, s);
                slabs_created++;
                if (++cur_slabs > peak_slabs)
                        peak_slabs = cur_slabs;
        }
        void *obj = s->free;
        s->free = *(void **)obj;
        s->live++;
        if (!s->free)
                unlink_slab(c, s); /* full: leaves the partial list */
        return obj;
}

static void slab_free(void *obj)
{
        struct slab *s = (struct slab *)((uintptr_t)obj & ~(uintptr_t)(SLAB_SIZE - 1));
        struct size_class *c = &classes[s->cls];
        int was_full = s->free == NULL;
        *(void **)obj = s->free;
        s->free = obj;
        s->live--;
        if (was_full)
                push_slab(c, s);
        /* an empty slab goes back to malloc unless it is the only one the class has left */
        if (s->live == 0 && (c->partial != s || s->next)) {
                unlink_slab(c, s);
                free(s);
                slabs_released++;
                cur_slabs--;
        }
}

struct obj {
        struct obj *next_in_bucket;
        uint32_t id, sum;
        uint8_t payload[];
};

int main(void)
{
        unsigned long ops = __SIZE__UL;
        struct obj *wheel[WHEEL] = {0};
        struct obj **keep = NULL;
        size_t nkeep = 0, keep_cap = 0;
        uint64_t x = 0x2545F4914F6CDD1DULL, checksum = 0;
        unsigned long freed = 0;
        for (unsigned long t = 0; t < ops; t++) {
                x ^= x >> 12, x ^= x << 25, x ^= x >> 27;
                uint64_t r = x * 0x2545F4914F6CDD1DULL;
                int cls = (int)(__builtin_ctzll(r | 1ULL << (NCLASSES - 1)));
                struct obj *o = slab_alloc(cls);
                o->id = (uint32_t)t;
                size_t plen = class_size[cls] - sizeof *o;
                memset(o->payload, (int)(t & 0xff), plen);
                o->sum = (uint32_t)plen;
                if ((r >> 20) % 100 == 0) {
                        if (nkeep == keep_cap) {
                                keep_cap = keep_cap ? keep_cap * 2 : 64;
                                keep = realloc(keep, keep_cap * sizeof *keep);
                        }
                        keep[nkeep++] = o;
                } else {
                        unsigned slot = (unsigned)((t + 1 + (r >> 32) % (WHEEL - 1)) % WHEEL);
                        o->next_in_bucket = wheel[slot];
                        wheel[slot] = o;
                }
                /* expire everything due at this tick */
                struct obj *due = wheel[t % WHEEL];
                wheel[t % WHEEL] = NULL;
                while (due) {
                        struct obj *nx = due->next_in_bucket;
                        checksum += due->id ^ due->payload[0] ^ due->sum;
                        slab_free(due);
                        freed++;
                        due = nx;
                }
        }
        for (int i = 0; i < WHEEL; i++)
                for (struct obj *o = wheel[i], *nx; o; o = nx) {
                        nx = o->next_in_bucket;
                        slab_free(o);
                        freed++;
                }
        for (size_t i = 0; i < nkeep; i++) {
                checksum += keep[i]->id;
                slab_free(keep[i]);
        }
        size_t left = 0;
        for (int c = 0; c < NCLASSES; c++)
                for (struct slab *s = classes[c].partial, *nx; s; s = nx) {
                        nx = s->next;
                        left += (size_t)s->live;
                        free(s);
                }
        printf("%lu allocations, %lu expired, %zu long-lived; slabs created %zu released %zu peak %zu; live at end %zu, "
               "checksum %llu\n",
               ops, freed, nkeep, slabs_created, slabs_released, peak_slabs, left, (unsigned long long)checksum);
        free(keep);
        return 0;
}
