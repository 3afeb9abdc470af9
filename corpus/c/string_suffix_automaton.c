#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* suffix automaton of a generated 8-letter text: an array of structs (len, link, next[8]) with
 * room for 2N states, allocated up front; counts distinct substrings, then finds the longest
 * common substring with a second text by walking the automaton; ~80 bytes per text character */
#define SIGMA 8

struct state {
        int32_t len, link;
        int32_t next[SIGMA];
};

struct sam {
        struct state *st;
        int32_t size, last;
};

static void sam_init(struct sam *a, long maxlen)
{
        a->st = malloc(sizeof(struct state) * (size_t)(2 * maxlen + 2));
        a->size = 1, a->last = 0;
        a->st[0].len = 0, a->st[0].link = -1;
        memset(a->st[0].next, -1, sizeof a->st[0].next);
}

static void sam_extend(struct sam *a, int c)
{
        struct state *st = a->st;
        int32_t cur = a->size++;
        st[cur].len = st[a->last].len + 1;
        memset(st[cur].next, -1, sizeof st[cur].next);
        int32_t p = a->last;
        while (p != -1 && st[p].next[c] == -1) {
                st[p].next[c] = cur;
                p = st[p].link;
        }
        if (p == -1) {
                st[cur].link = 0;
        } else {
                int32_t q = st[p].next[c];
                if (st[p].len + 1 == st[q].len) {
                        st[cur].link = q;
                } else {
                        int32_t clone = a->size++;
                        st[clone] = st[q];
                        st[clone].len = st[p].len + 1;
                        while (p != -1 && st[p].next[c] == q) {
                                st[p].next[c] = clone;
                                p = st[p].link;
                        }
                        st[q].link = st[cur].link = clone;
                }
        }
        a->last = cur;
}

static uint64_t rs = 0x1234567887654321ULL;
static int letter(void)
{
        rs = rs * 2862933555777941757ULL + 3037000493ULL;
        /* skewed letters: low letters far more common */
        unsigned r = (unsigned)(rs >> 40) & 255;
        return r < 96 ? 0 : r < 160 ? 1 : r < 200 ? 2 : r < 224 ? 3 : (int)(4 + (r & 3));
}

int main(void)
{
        const long n = __SIZE__;
        struct sam a;
        sam_init(&a, n);
        char *text = malloc((size_t)n);
        for (long i = 0; i < n; i++) {
                /* every 1000 characters, copy an earlier stretch to create long repeats */
                if (i > 5000 && i % 1000 == 0 && i + 300 < n) {
                        long from = (long)(rs >> 33) % (i - 400);
                        for (int k = 0; k < 300; k++, i++) {
                                text[i] = text[from + k];
                                sam_extend(&a, text[i]);
                        }
                        i--;
                        continue;
                }
                text[i] = (char)letter();
                sam_extend(&a, text[i]);
        }
        uint64_t distinct = 0;
        for (int32_t v = 1; v < a.size; v++)
                distinct += (uint64_t)(a.st[v].len - a.st[a.st[v].link].len);
        /* longest common substring with a second text of n/2 letters */
        int32_t v = 0, l = 0, best = 0;
        for (long i = 0; i < n / 2; i++) {
                int c = (i % 2000 < 200) ? text[(i / 2000 * 7919 + i % 2000) % n] : letter();
                while (v && a.st[v].next[c] == -1) {
                        v = a.st[v].link;
                        l = a.st[v].len;
                }
                if (a.st[v].next[c] != -1) {
                        v = a.st[v].next[c];
                        l++;
                }
                if (l > best)
                        best = l;
        }
        printf("text %ld: %d states, %llu distinct substrings, longest common substring %d\n", n, a.size,
               (unsigned long long)distinct, best);
        free(a.st);
        free(text);
        return 0;
}
