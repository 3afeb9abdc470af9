#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

/* binary buddy allocator over one 1 GiB anonymous mmap (MAP_NORESERVE, so only touched
 * pages count): orders 6..30, intrusive doubly-linked free lists per order, a one-byte
 * order tag per 64-byte unit to find and coalesce buddies. A workload of random-size
 * requests (48 B .. 2 KiB, skewed small) cycles through a handle table of ops/16 slots,
 * so the live set, and with it resident memory, grows with the number of operations. */
#define MIN_ORDER 6
#define MAX_ORDER 30
#define POOL (1ULL << MAX_ORDER)

struct freeblk {
        struct freeblk *next, *prev;
};

static uint8_t *base;
static struct freeblk *freelist[MAX_ORDER + 1];
static uint8_t tag[POOL >> MIN_ORDER]; /* order | 0x80 when free, 0 inside blocks */

static void push(int order, uint8_t *p)
{
        struct freeblk *b = (struct freeblk *)p;
        b->prev = NULL;
        b->next = freelist[order];
        if (b->next)
                b->next->prev = b;
        freelist[order] = b;
        tag[(p - base) >> MIN_ORDER] = (uint8_t)(order | 0x80);
}

static void unlink_blk(int order, struct freeblk *b)
{
        if (b->prev)
                b->prev->next = b->next;
        else
                freelist[order] = b->next;
        if (b->next)
                b->next->prev = b->prev;
}

static void *buddy_alloc(size_t size)
{
        int order = MIN_ORDER;
        while (((size_t)1 << order) < size)
                order++;
        int o = order;
        while (o <= MAX_ORDER && !freelist[o])
                o++;
        if (o > MAX_ORDER)
                return NULL;
        struct freeblk *b = freelist[o];
        unlink_blk(o, b);
        uint8_t *p = (uint8_t *)b;
        while (o > order) {
                o--;
                push(o, p + ((size_t)1 << o));
        }
        tag[(p - base) >> MIN_ORDER] = (uint8_t)order;
        return p;
}

static void buddy_free(void *ptr)
{
        uint8_t *p = ptr;
        int order = tag[(p - base) >> MIN_ORDER];
        while (order < MAX_ORDER) {
                size_t off = (size_t)(p - base) ^ ((size_t)1 << order);
                if (tag[off >> MIN_ORDER] != (uint8_t)(order | 0x80))
                        break;
                unlink_blk(order, (struct freeblk *)(base + off));
                tag[off >> MIN_ORDER] = 0;
                tag[(p - base) >> MIN_ORDER] = 0;
                if (base + off < p)
                        p = base + off;
                order++;
        }
        push(order, p);
}

#define OPS __SIZE__

static void *slot_ptr[OPS / 16 + 1];
static uint32_t slot_len[OPS / 16 + 1];

int main(void)
{
        base = mmap(NULL, POOL, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (base == MAP_FAILED)
                return 1;
        push(MAX_ORDER, base);
        const long slots = OPS / 16 + 1;
        uint64_t s = 0x9E3779B97F4A7C15ULL, checksum = 0;
        long allocs = 0, frees = 0, failures = 0, live = 0, peak_live = 0;
        for (long i = 0; i < OPS; i++) {
                s ^= s >> 12, s ^= s << 25, s ^= s >> 27;
                uint64_t r = s * 2685821657736338717ULL;
                long k = (long)((r >> 20) % (uint64_t)slots);
                if (slot_ptr[k]) {
                        uint8_t *p = slot_ptr[k];
                        checksum += p[0] + p[slot_len[k] - 1];
                        live -= slot_len[k];
                        buddy_free(p);
                        slot_ptr[k] = NULL;
                        frees++;
                        continue;
                }
                uint32_t len = 48u + (uint32_t)((r >> 44) % 64) * (1u << ((r >> 61) & 3)) * 4;
                uint8_t *p = buddy_alloc(len);
                if (!p) {
                        failures++;
                        continue;
                }
                memset(p, (int)(i & 255), len);
                slot_ptr[k] = p;
                slot_len[k] = len;
                live += len;
                if (live > peak_live)
                        peak_live = live;
                allocs++;
        }
        for (long k = 0; k < slots; k++)
                if (slot_ptr[k])
                        buddy_free(slot_ptr[k]);
        int whole = freelist[MAX_ORDER] != NULL && tag[0] == (MAX_ORDER | 0x80);
        printf("%d ops: %ld allocs, %ld frees, %ld failures, peak live %ld bytes, checksum %llu, pool coalesced %s\n", OPS,
               allocs, frees, failures, peak_live, (unsigned long long)checksum, whole ? "yes" : "no");
        munmap(base, POOL);
        return 0;
}
