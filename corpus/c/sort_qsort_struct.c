#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N __SIZE__

struct item {
        uint32_t key;
        float weight;
        char tag[8];
};

static uint64_t rng = 88172645463325252ULL;
static uint64_t next(void)
{
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        return rng;
}

static int by_key_then_weight(const void *a, const void *b)
{
        const struct item *x = a, *y = b;
        if (x->key != y->key)
                return x->key < y->key ? -1 : 1;
        return (x->weight > y->weight) - (x->weight < y->weight);
}

int main(void)
{
        struct item *v = malloc(sizeof(*v) * N);
        for (long i = 0; i < N; i++) {
                v[i].key = (uint32_t)(next() % (N / 2 + 1));
                v[i].weight = (float)(next() % 10000) / 100.0f;
                snprintf(v[i].tag, sizeof(v[i].tag), "t%ld", i % 1000);
        }
        qsort(v, N, sizeof(*v), by_key_then_weight);
        long bad = 0;
        for (long i = 1; i < N; i++)
                bad += by_key_then_weight(&v[i - 1], &v[i]) > 0;
        printf("sorted %d structs, out of order %ld, first key %u last key %u\n", N, bad, v[0].key, v[N - 1].key);
        free(v);
        return 0;
}
