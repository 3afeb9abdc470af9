#include <stdio.h>
#include <stdlib.h>

#define N __SIZE__

struct cell {
        long value;
        struct cell *next;
        char pad[48];
};

int main(void)
{
        struct cell *head = NULL;
        for (long i = 0; i < N; i++) {
                struct cell *c = malloc(sizeof(*c));
                c->value = i * 7 % 1009;
                c->next = head;
                head = c;
        }
        /* reverse in place, then drop every third cell */
        struct cell *prev = NULL;
        while (head) {
                struct cell *n = head->next;
                head->next = prev;
                prev = head;
                head = n;
        }
        head = prev;
        long kept = 0, sum = 0, idx = 0;
        for (struct cell **pp = &head; *pp; idx++) {
                if (idx % 3 == 2) {
                        struct cell *dead = *pp;
                        *pp = dead->next;
                        free(dead);
                } else {
                        kept++;
                        sum += (*pp)->value;
                        pp = &(*pp)->next;
                }
        }
        while (head) {
                struct cell *n = head->next;
                free(head);
                head = n;
        }
        printf("cells %d kept %ld sum %ld\n", N, kept, sum);
        return 0;
}
