#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* AVL tree with one malloc'd node per key (key, value, height, two children): recursive
 * insert and delete with rotations, lookups, an in-order sum, then a post-order free.
 * Inserts n pseudo-random keys, deletes every key divisible by 3 that was inserted,
 * looks up n keys. Memory: n small heap nodes (~48 bytes with malloc overhead). */
struct avl {
        uint64_t key;
        uint64_t value;
        struct avl *left, *right;
        int height;
};

static int ht(const struct avl *t)
{
        return t ? t->height : 0;
}

static void fix(struct avl *t)
{
        int l = ht(t->left), r = ht(t->right);
        t->height = 1 + (l > r ? l : r);
}

static struct avl *rotate_right(struct avl *t)
{
        struct avl *l = t->left;
        t->left = l->right;
        l->right = t;
        fix(t);
        fix(l);
        return l;
}

static struct avl *rotate_left(struct avl *t)
{
        struct avl *r = t->right;
        t->right = r->left;
        r->left = t;
        fix(t);
        fix(r);
        return r;
}

static struct avl *balance(struct avl *t)
{
        fix(t);
        int b = ht(t->left) - ht(t->right);
        if (b > 1) {
                if (ht(t->left->left) < ht(t->left->right))
                        t->left = rotate_left(t->left);
                return rotate_right(t);
        }
        if (b < -1) {
                if (ht(t->right->right) < ht(t->right->left))
                        t->right = rotate_right(t->right);
                return rotate_left(t);
        }
        return t;
}

static long node_count;

static struct avl *insert(struct avl *t, uint64_t key, uint64_t value)
{
        if (!t) {
                t = malloc(sizeof *t);
                t->key = key, t->value = value, t->left = t->right = NULL, t->height = 1;
                node_count++;
                return t;
        }
        if (key < t->key)
                t->left = insert(t->left, key, value);
        else if (key > t->key)
                t->right = insert(t->right, key, value);
        else
                t->value += value;
        return balance(t);
}

static struct avl *remove_min(struct avl *t, struct avl **min)
{
        if (!t->left) {
                *min = t;
                return t->right;
        }
        t->left = remove_min(t->left, min);
        return balance(t);
}

static struct avl *erase(struct avl *t, uint64_t key)
{
        if (!t)
                return NULL;
        if (key < t->key)
                t->left = erase(t->left, key);
        else if (key > t->key)
                t->right = erase(t->right, key);
        else {
                struct avl *l = t->left, *r = t->right, *m;
                free(t);
                node_count--;
                if (!r)
                        return l;
                r = remove_min(r, &m);
                m->left = l;
                m->right = r;
                return balance(m);
        }
        return balance(t);
}

static uint64_t inorder_sum(const struct avl *t, uint64_t acc)
{
        while (t) {
                acc = inorder_sum(t->left, acc);
                acc = acc * 1099511628211ULL + t->key + t->value;
                t = t->right;
        }
        return acc;
}

static void destroy(struct avl *t)
{
        if (!t)
                return;
        destroy(t->left);
        destroy(t->right);
        free(t);
}

static uint64_t key_of(uint64_t i)
{
        uint64_t z = i * 0x9E3779B97F4A7C15ULL;
        z = (z ^ (z >> 31)) * 0xBF58476D1CE4E5B9ULL;
        return (z ^ (z >> 29)) % 4000000007ULL;
}

int main(void)
{
        const long n = __SIZE__;
        struct avl *root = NULL;
        for (long i = 0; i < n; i++)
                root = insert(root, key_of((uint64_t)i), (uint64_t)i);
        long peak = node_count;
        for (long i = 0; i < n; i++) {
                uint64_t k = key_of((uint64_t)i);
                if (k % 3 == 0)
                        root = erase(root, k);
        }
        long hits = 0;
        for (long i = 0; i < n; i++) {
                uint64_t k = key_of((uint64_t)(i * 2));
                const struct avl *t = root;
                while (t && t->key != k)
                        t = k < t->key ? t->left : t->right;
                hits += t != NULL;
        }
        printf("avl: %ld nodes at peak, %ld after deletes, height %d, %ld lookup hits, digest %016llx\n", peak, node_count,
               ht(root), hits, (unsigned long long)inorder_sum(root, 0));
        destroy(root);
        return 0;
}
