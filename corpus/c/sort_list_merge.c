#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* bottom-up merge sort of a singly linked list (one malloc per node), comparator by pointer */
struct node {
        struct node *next;
        int key;
        unsigned seq;
        char label[12];
};

typedef int (*cmp_fn)(const struct node *, const struct node *);

static int by_key(const struct node *a, const struct node *b)
{
        return (a->key > b->key) - (a->key < b->key);
}

static int by_label_desc(const struct node *a, const struct node *b)
{
        return strcmp(b->label, a->label);
}

static struct node *list_sort(struct node *list, cmp_fn cmp)
{
        if (!list)
                return NULL;
        for (size_t width = 1;; width *= 2) {
                struct node *p = list, *tail = NULL;
                list = NULL;
                size_t merges = 0;
                while (p) {
                        merges++;
                        struct node *q = p;
                        size_t psize = 0, qsize = width;
                        while (psize < width && q) {
                                psize++;
                                q = q->next;
                        }
                        while (psize > 0 || (qsize > 0 && q)) {
                                struct node *e;
                                if (psize == 0) {
                                        e = q, q = q->next, qsize--;
                                } else if (qsize == 0 || !q || cmp(p, q) <= 0) {
                                        e = p, p = p->next, psize--;
                                } else {
                                        e = q, q = q->next, qsize--;
                                }
                                if (tail)
                                        tail->next = e;
                                else
                                        list = e;
                                tail = e;
                        }
                        p = q;
                }
                tail->next = NULL;
                if (merges <= 1)
                        return list;
        }
}

static unsigned long state = 12345;
static unsigned next_rand(void)
{
        state = state * 6364136223846793005UL + 1442695040888963407UL;
        return (unsigned)(state >> 33);
}

int main(void)
{
        int size = __SIZE__;
        struct node *head = NULL;
        for (int i = 0; i < size; i++) {
                struct node *nd = malloc(sizeof *nd);
                nd->key = (int)(next_rand() % (unsigned)(size / 4 + 1));
                nd->seq = (unsigned)i;
                snprintf(nd->label, sizeof nd->label, "L%07u", next_rand() % 10000000u);
                nd->next = head;
                head = nd;
        }
        head = list_sort(head, by_key);
        long unstable = 0, disorder = 0, count = 0;
        for (struct node *p = head; p && p->next; p = p->next) {
                disorder += by_key(p, p->next) > 0;
                /* list was built in reverse, so equal keys must keep descending seq */
                unstable += p->key == p->next->key && p->seq < p->next->seq;
        }
        int median = 0;
        for (struct node *p = head; p; p = p->next)
                if (count++ == size / 2)
                        median = p->key;
        head = list_sort(head, by_label_desc);
        for (struct node *p = head; p && p->next; p = p->next)
                disorder += by_label_desc(p, p->next) > 0;
        char top[sizeof head->label] = "";
        if (head)
                memcpy(top, head->label, sizeof top);
        while (head) {
                struct node *nx = head->next;
                free(head);
                head = nx;
        }
        printf("list of %d nodes sorted twice: median key %d, top label %s, disorder %ld, unstable %ld\n",
               size, median, top, disorder, unstable);
        return 0;
}
