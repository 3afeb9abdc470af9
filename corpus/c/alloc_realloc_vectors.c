#include <stdio.h>
#include <stdlib.h>

#define N __SIZE__
#define VECS 64

typedef struct {
        double *data;
        size_t len, cap;
} vec;

static void push(vec *v, double x)
{
        if (v->len == v->cap) {
                v->cap = v->cap ? v->cap * 2 : 4;
                v->data = realloc(v->data, v->cap * sizeof(double));
        }
        v->data[v->len++] = x;
}

int main(void)
{
        vec vs[VECS] = {0};
        for (long i = 0; i < N; i++)
                push(&vs[(i * 2654435761u) % VECS], (double)i * 0.5);
        double total = 0;
        size_t cap = 0;
        for (int k = 0; k < VECS; k++) {
                for (size_t j = 0; j < vs[k].len; j++)
                        total += vs[k].data[j];
                cap += vs[k].cap;
                free(vs[k].data);
        }
        printf("pushed %d doubles into %d vectors, capacity %zu, total %.1f\n", N, VECS, cap, total);
        return 0;
}
