#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* skip list map (one malloc per node, flexible array of forward links), lookups and deletes */
enum { N = __SIZE__, MAXLVL = 24 };

struct snode {
        uint64_t key;
        long value;
        int level;
        struct snode *fwd[];
};

struct skiplist {
        struct snode *head;
        int level;
        size_t count;
};

static uint64_t s64 = 0x9E3779B97F4A7C15ULL;
static uint64_t xorshift64(void)
{
        s64 ^= s64 << 13;
        s64 ^= s64 >> 7;
        s64 ^= s64 << 17;
        return s64;
}

static int random_level(void)
{
        /* geometric with p = 1/2: count trailing zero bits */
        uint32_t r = (uint32_t)xorshift64() | (1u << (MAXLVL - 1));
        return 1 + __builtin_ctz(r);
}

static struct snode *node_new(int level, uint64_t key, long value)
{
        struct snode *n = malloc(sizeof *n + (size_t)level * sizeof(struct snode *));
        n->key = key, n->value = value, n->level = level;
        for (int i = 0; i < level; i++)
                n->fwd[i] = NULL;
        return n;
}

static void sl_put(struct skiplist *sl, uint64_t key, long value)
{
        struct snode *update[MAXLVL], *x = sl->head;
        for (int i = sl->level - 1; i >= 0; i--) {
                while (x->fwd[i] && x->fwd[i]->key < key)
                        x = x->fwd[i];
                update[i] = x;
        }
        x = x->fwd[0];
        if (x && x->key == key) {
                x->value += value;
                return;
        }
        int lvl = random_level();
        if (lvl > sl->level) {
                for (int i = sl->level; i < lvl; i++)
                        update[i] = sl->head;
                sl->level = lvl;
        }
        x = node_new(lvl, key, value);
        for (int i = 0; i < lvl; i++) {
                x->fwd[i] = update[i]->fwd[i];
                update[i]->fwd[i] = x;
        }
        sl->count++;
}

static const struct snode *sl_get(const struct skiplist *sl, uint64_t key)
{
        const struct snode *x = sl->head;
        for (int i = sl->level - 1; i >= 0; i--)
                while (x->fwd[i] && x->fwd[i]->key < key)
                        x = x->fwd[i];
        x = x->fwd[0];
        return x && x->key == key ? x : NULL;
}

static int sl_del(struct skiplist *sl, uint64_t key)
{
        struct snode *update[MAXLVL], *x = sl->head;
        for (int i = sl->level - 1; i >= 0; i--) {
                while (x->fwd[i] && x->fwd[i]->key < key)
                        x = x->fwd[i];
                update[i] = x;
        }
        x = x->fwd[0];
        if (!x || x->key != key)
                return 0;
        for (int i = 0; i < x->level; i++)
                update[i]->fwd[i] = x->fwd[i];
        free(x);
        while (sl->level > 1 && !sl->head->fwd[sl->level - 1])
                sl->level--;
        sl->count--;
        return 1;
}

int main(void)
{
        struct skiplist sl = {node_new(MAXLVL, 0, 0), 1, 0};
        const uint64_t range = (uint64_t)N * 4;
        for (long i = 0; i < N; i++)
                sl_put(&sl, 1 + xorshift64() % range, i & 255);
        long hits = 0, sum = 0;
        for (long i = 0; i < N; i++) {
                const struct snode *f = sl_get(&sl, 1 + xorshift64() % range);
                if (f)
                        hits++, sum += f->value;
        }
        long deleted = 0;
        for (long i = 0; i < N / 3; i++)
                deleted += sl_del(&sl, 1 + xorshift64() % range);
        /* range scan of the bottom level */
        uint64_t lo = range / 4, hi = range / 2;
        long in_range = 0;
        const struct snode *x = sl.head;
        for (int i = sl.level - 1; i >= 0; i--)
                while (x->fwd[i] && x->fwd[i]->key < lo)
                        x = x->fwd[i];
        for (x = x->fwd[0]; x && x->key < hi; x = x->fwd[0])
                in_range++;
        size_t left = sl.count;
        int levels = sl.level;
        for (struct snode *p = sl.head, *nx; p; p = nx) {
                nx = p->fwd[0];
                free(p);
        }
        printf("skiplist %d puts, %zu keys left, %d levels, hits %ld sum %ld deleted %ld in range %ld\n",
               N, left, levels, hits, sum, deleted, in_range);
        return 0;
}
