#include <stdio.h>
#include <stdlib.h>

#define DEPTH __SIZE__

struct node {
        struct node *l, *r;
        int v;
};

static struct node *build(int d, int v)
{
        struct node *n = malloc(sizeof(*n));
        n->v = v;
        n->l = d ? build(d - 1, 2 * v) : NULL;
        n->r = d ? build(d - 1, 2 * v + 1) : NULL;
        return n;
}

static long sum(const struct node *n)
{
        return n ? n->v + sum(n->l) + sum(n->r) : 0;
}

static int height(const struct node *n)
{
        if (!n)
                return 0;
        int a = height(n->l), b = height(n->r);
        return 1 + (a > b ? a : b);
}

static void release(struct node *n)
{
        if (n) {
                release(n->l);
                release(n->r);
                free(n);
        }
}

int main(void)
{
        struct node *t = build(DEPTH, 1);
        printf("tree depth %d height %d sum %ld\n", DEPTH, height(t), sum(t));
        release(t);
        return 0;
}
