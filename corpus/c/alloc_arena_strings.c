#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N __SIZE__

typedef struct chunk {
        struct chunk *prev;
        size_t used, cap;
        char mem[];
} chunk;

static chunk *arena;

static void *arena_alloc(size_t n)
{
        if (!arena || arena->used + n > arena->cap) {
                size_t cap = 1 << 20;
                chunk *c = malloc(sizeof(chunk) + cap);
                c->prev = arena, c->used = 0, c->cap = cap;
                arena = c;
        }
        void *p = arena->mem + arena->used;
        arena->used += (n + 7) & ~(size_t)7;
        return p;
}

int main(void)
{
        char **strs = malloc(sizeof(char *) * N);
        size_t bytes = 0;
        for (long i = 0; i < N; i++) {
                char tmp[64];
                int len = snprintf(tmp, sizeof(tmp), "string-%ld-%s", i, i % 2 ? "odd" : "even-numbered");
                strs[i] = arena_alloc((size_t)len + 1);
                memcpy(strs[i], tmp, (size_t)len + 1);
                bytes += (size_t)len + 1;
        }
        long odd = 0;
        for (long i = 0; i < N; i++)
                odd += strstr(strs[i], "odd") != NULL;
        int chunks = 0;
        while (arena) {
                chunk *p = arena->prev;
                free(arena);
                arena = p;
                chunks++;
        }
        free(strs);
        printf("strings %d bytes %zu odd %ld arena chunks %d\n", N, bytes, odd, chunks);
        return 0;
}
