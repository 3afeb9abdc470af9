#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* word frequencies of stdin text with two pthreads: the input is read whole (fread into
 * a realloc-doubled buffer), split at the newline nearest the middle, and each thread
 * counts case-folded words of its half into its own open-addressing table (word offsets
 * into the shared buffer, rehashed when 70% full); the main thread merges the tables and
 * reports the distinct count and most frequent word. Memory grows with the input. */
struct slot {
        uint64_t hash;
        uint32_t off, len;
        long count;
};

struct table {
        struct slot *s;
        size_t cap, used;
};

struct job {
        const char *text;
        size_t begin, end;
        struct table t;
        long words;
};

static uint64_t word_hash(const char *p, size_t n)
{
        uint64_t h = 1469598103934665603ULL;
        for (size_t i = 0; i < n; i++)
                h = (h ^ (uint64_t)tolower((unsigned char)p[i])) * 1099511628211ULL;
        return h | 1;
}

static int same_word(const char *a, const char *b, size_t n)
{
        for (size_t i = 0; i < n; i++)
                if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
                        return 0;
        return 1;
}

static void add(struct table *t, const char *text, uint64_t h, uint32_t off, uint32_t len, long count);

static void grow(struct table *t, const char *text)
{
        struct table old = *t;
        t->cap = old.cap ? old.cap * 2 : 1024;
        t->s = calloc(t->cap, sizeof(struct slot));
        t->used = 0;
        for (size_t i = 0; i < old.cap; i++)
                if (old.s[i].hash)
                        add(t, text, old.s[i].hash, old.s[i].off, old.s[i].len, old.s[i].count);
        free(old.s);
}

static void add(struct table *t, const char *text, uint64_t h, uint32_t off, uint32_t len, long count)
{
        if (10 * (t->used + 1) > 7 * t->cap)
                grow(t, text);
        size_t i = (size_t)h & (t->cap - 1);
        while (t->s[i].hash) {
                if (t->s[i].hash == h && t->s[i].len == len && same_word(text + t->s[i].off, text + off, len)) {
                        t->s[i].count += count;
                        return;
                }
                i = (i + 1) & (t->cap - 1);
        }
        t->s[i] = (struct slot){h, off, len, count};
        t->used++;
}

static void *count_words(void *arg)
{
        struct job *j = arg;
        size_t i = j->begin;
        while (i < j->end) {
                while (i < j->end && !isalpha((unsigned char)j->text[i]))
                        i++;
                size_t start = i;
                while (i < j->end && isalpha((unsigned char)j->text[i]))
                        i++;
                if (i > start) {
                        add(&j->t, j->text, word_hash(j->text + start, i - start), (uint32_t)start, (uint32_t)(i - start), 1);
                        j->words++;
                }
        }
        return NULL;
}

int main(void)
{
        size_t cap = 1 << 16, n = 0, got;
        char *text = malloc(cap);
        while ((got = fread(text + n, 1, cap - n, stdin)) > 0) {
                n += got;
                if (n == cap)
                        text = realloc(text, cap *= 2);
        }
        size_t mid = n / 2;
        while (mid < n && text[mid] != '\n')
                mid++;
        struct job jobs[2] = {{.text = text, .begin = 0, .end = mid}, {.text = text, .begin = mid, .end = n}};
        pthread_t th[2];
        for (int k = 0; k < 2; k++)
                pthread_create(&th[k], NULL, count_words, &jobs[k]);
        for (int k = 0; k < 2; k++)
                pthread_join(th[k], NULL);
        struct table merged = {0};
        for (int k = 0; k < 2; k++)
                for (size_t i = 0; i < jobs[k].t.cap; i++) {
                        struct slot *s = &jobs[k].t.s[i];
                        if (s->hash)
                                add(&merged, text, s->hash, s->off, s->len, s->count);
                }
        const struct slot *top = NULL;
        for (size_t i = 0; i < merged.cap; i++)
                if (merged.s[i].hash && (!top || merged.s[i].count > top->count))
                        top = &merged.s[i];
        char word[64] = "";
        if (top) {
                size_t l = top->len < 63 ? top->len : 63;
                for (size_t i = 0; i < l; i++)
                        word[i] = (char)tolower((unsigned char)text[top->off + i]);
                word[l] = 0;
        }
        printf("%zu bytes, %ld words, %zu distinct (halves %zu + %zu), top \"%s\" x%ld\n", n, jobs[0].words + jobs[1].words,
               merged.used, jobs[0].t.used, jobs[1].t.used, word, top ? top->count : 0L);
        free(jobs[0].t.s), free(jobs[1].t.s), free(merged.s), free(text);
        return 0;
}
