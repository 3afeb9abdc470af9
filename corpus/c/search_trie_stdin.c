#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* stdin words (getc_unlocked, letters only, lower-cased) inserted into a 26-way trie whose
 * nodes live in one realloc-doubled pool (indices, not pointers); every word is then looked up
 * again in the pool together with every one of its prefixes; memory grows with the vocabulary
 * and with the input length */
struct node {
        int32_t next[26];
        uint32_t count;
};

static struct node *pool;
static size_t used, cap;

static int32_t new_node(void)
{
        if (used == cap) {
                cap = cap ? cap * 2 : 4096;
                pool = realloc(pool, cap * sizeof *pool);
        }
        for (int i = 0; i < 26; i++)
                pool[used].next[i] = -1;
        pool[used].count = 0;
        return (int32_t)used++;
}

int main(void)
{
        new_node();
        char *words = NULL; /* every word, NUL-separated, for the lookup pass */
        size_t wlen = 0, wcap = 0, nwords = 0;
        int c;
        int32_t cur = 0;
        size_t len = 0;
        for (;;) {
                c = getc_unlocked(stdin);
                int letter = (c >= 'a' && c <= 'z') ? c - 'a' : (c >= 'A' && c <= 'Z') ? c - 'A' : -1;
                if (letter >= 0) {
                        if (pool[cur].next[letter] < 0) {
                                int32_t n = new_node();
                                pool[cur].next[letter] = n;
                        }
                        cur = pool[cur].next[letter];
                        if (wlen + 2 > wcap) {
                                wcap = wcap ? wcap * 2 : 1 << 16;
                                words = realloc(words, wcap);
                        }
                        words[wlen++] = (char)('a' + letter);
                        len++;
                } else if (len) {
                        pool[cur].count++;
                        words[wlen++] = 0;
                        nwords++;
                        cur = 0;
                        len = 0;
                }
                if (c == EOF)
                        break;
        }
        size_t found = 0, prefix_words = 0, maxcount = 0;
        for (size_t i = 0; i < wlen;) {
                int32_t n = 0;
                for (; words[i]; i++) {
                        n = pool[n].next[words[i] - 'a'];
                        if (pool[n].count)
                                prefix_words++;
                }
                i++;
                if (n >= 0 && pool[n].count) {
                        found++;
                        if (pool[n].count > maxcount)
                                maxcount = pool[n].count;
                }
        }
        printf("%zu words, %zu trie nodes, %zu found, %zu prefix hits, max count %zu\n", nwords, used, found,
               prefix_words, maxcount);
        free(words);
        free(pool);
        return 0;
}
