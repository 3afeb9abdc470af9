#include <stdio.h>
#include <string.h>

/* streaming multi-pattern Knuth-Morris-Pratt: stdin is read with fread into a fixed 8 KiB
 * buffer and every byte advances six independent KMP matchers (failure tables built once in a
 * static array of structs, match state carried across buffer refills); counts per pattern
 * plus lines; memory does not depend on the input size */
#define NPAT 6
#define MAXP 32

struct matcher {
        const char *pat;
        int len;
        int fail[MAXP];
        int state;
        long hits;
};

static struct matcher m[NPAT] = {
        {.pat = "ka"}, {.pat = "the"}, {.pat = "ingand"}, {.pat = "lolo"}, {.pat = "sa sa"}, {.pat = "ka ka"},
};

static void build(struct matcher *k)
{
        k->len = (int)strlen(k->pat);
        k->fail[0] = 0;
        for (int i = 1, j = 0; i < k->len; i++) {
                while (j > 0 && k->pat[i] != k->pat[j])
                        j = k->fail[j - 1];
                if (k->pat[i] == k->pat[j])
                        j++;
                k->fail[i] = j;
        }
}

static inline void feed(struct matcher *k, char c)
{
        int j = k->state;
        while (j > 0 && c != k->pat[j])
                j = k->fail[j - 1];
        if (c == k->pat[j])
                j++;
        if (j == k->len) {
                k->hits++;
                j = k->fail[j - 1];
        }
        k->state = j;
}

int main(void)
{
        char buf[8192];
        for (int p = 0; p < NPAT; p++)
                build(&m[p]);
        size_t got, total = 0;
        long lines = 0;
        while ((got = fread(buf, 1, sizeof buf, stdin)) > 0) {
                total += got;
                for (size_t i = 0; i < got; i++) {
                        char c = buf[i];
                        lines += c == '\n';
                        for (int p = 0; p < NPAT; p++)
                                feed(&m[p], c);
                }
        }
        printf("%zu bytes, %ld lines:", total, lines);
        for (int p = 0; p < NPAT; p++)
                printf(" \"%s\"=%ld", m[p].pat, m[p].hits);
        printf("\n");
        return 0;
}
