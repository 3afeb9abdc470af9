#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* whole of stdin slurped with read(2) into a doubling buffer, split in place into lines
 * (a realloc'd array of char pointers), then a hand-written 3-way radix quicksort on the
 * lines; counts distinct lines and hashes the sorted order */
static char **lines;
static size_t nlines, capl;

static int ch(const char *s, size_t d)
{
        return (unsigned char)s[d];
}

static void swap(char **a, size_t i, size_t j)
{
        char *t = a[i];
        a[i] = a[j];
        a[j] = t;
}

static void isort(char **a, size_t n, size_t d)
{
        for (size_t i = 1; i < n; i++)
                for (size_t j = i; j > 0 && strcmp(a[j - 1] + d, a[j] + d) > 0; j--)
                        swap(a, j, j - 1);
}

static void qsort3(char **a, size_t n, size_t d)
{
        while (n > 12) {
                int v = ch(a[n / 2], d);
                size_t lt = 0, gt = n, i = 0;
                while (i < gt) {
                        int c = ch(a[i], d);
                        if (c < v)
                                swap(a, lt++, i++);
                        else if (c > v)
                                swap(a, i, --gt);
                        else
                                i++;
                }
                qsort3(a, lt, d);
                qsort3(a + gt, n - gt, d);
                if (v == 0)
                        return;
                a += lt;
                n = gt - lt;
                d++;
        }
        isort(a, n, d);
}

int main(void)
{
        size_t cap = 1 << 16, len = 0;
        char *buf = malloc(cap + 1);
        ssize_t got;
        while ((got = read(0, buf + len, cap - len)) > 0) {
                len += (size_t)got;
                if (len == cap) {
                        cap *= 2;
                        buf = realloc(buf, cap + 1);
                }
        }
        buf[len] = '\n';
        char *p = buf, *end = buf + len;
        while (p < end) {
                char *nl = memchr(p, '\n', (size_t)(end - p) + 1);
                *nl = 0;
                if (nlines == capl) {
                        capl = capl ? capl * 2 : 1024;
                        lines = realloc(lines, capl * sizeof *lines);
                }
                lines[nlines++] = p;
                p = nl + 1;
        }
        qsort3(lines, nlines, 0);
        size_t distinct = 0;
        unsigned long h = 5381;
        for (size_t i = 0; i < nlines; i++) {
                if (i == 0 || strcmp(lines[i - 1], lines[i]) != 0)
                        distinct++;
                for (const char *s = lines[i]; *s; s++)
                        h = h * 33 + (unsigned char)*s;
                h = h * 33 + '\n';
        }
        printf("%zu bytes, %zu lines, %zu distinct, first \"%.20s\", hash %08lx\n", len, nlines, distinct,
               nlines ? lines[0] : "", h & 0xffffffffUL);
        free(lines);
        free(buf);
        return 0;
}
