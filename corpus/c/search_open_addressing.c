#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define N __SIZE__
#define EMPTY UINT64_MAX

typedef struct {
        uint64_t *slots;
        size_t mask;
        size_t used;
} set_t;

static size_t mix(uint64_t k)
{
        k ^= k >> 33;
        k *= 0xff51afd7ed558ccdULL;
        k ^= k >> 33;
        return (size_t)k;
}

static void set_add(set_t *s, uint64_t k)
{
        size_t i = mix(k) & s->mask;
        while (s->slots[i] != EMPTY && s->slots[i] != k)
                i = (i + 1) & s->mask;
        if (s->slots[i] == EMPTY) {
                s->slots[i] = k;
                s->used++;
        }
}

static int set_has(const set_t *s, uint64_t k)
{
        size_t i = mix(k) & s->mask;
        while (s->slots[i] != EMPTY) {
                if (s->slots[i] == k)
                        return 1;
                i = (i + 1) & s->mask;
        }
        return 0;
}

int main(void)
{
        size_t cap = 1;
        while (cap < (size_t)N * 2)
                cap <<= 1;
        set_t s = {malloc(cap * sizeof(uint64_t)), cap - 1, 0};
        for (size_t i = 0; i < cap; i++)
                s.slots[i] = EMPTY;
        uint64_t x = 1;
        for (long i = 0; i < N; i++) {
                x = x * 2862933555777941757ULL + 3037000493ULL;
                set_add(&s, x % (N * 3ULL));
        }
        long found = 0;
        for (long i = 0; i < 3L * N; i++)
                found += set_has(&s, (uint64_t)i);
        printf("set of %zu distinct, %ld of %ld probes present\n", s.used, found, 3L * N);
        free(s.slots);
        return 0;
}
