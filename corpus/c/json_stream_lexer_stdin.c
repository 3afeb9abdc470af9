#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* streaming JSON scanner over stdin: a byte-at-a-time state machine with fixed 32 KiB
 * read(2) buffer, a depth counter instead of recursion, and a bounded key buffer;
 * aggregates id/score fields and tag counts, and estimates distinct strings with a
 * HyperLogLog sketch, all in constant memory */
enum lex_state { S_VALUE, S_STRING, S_ESCAPE, S_NUMBER, S_WORD };

#define KEYMAX 32
#define NTAGS 16

struct stats {
        long objects, arrays, strings, numbers, max_depth;
        long long id_sum;
        double score_sum;
        char tag_name[NTAGS][KEYMAX];
        long tag_count[NTAGS];
        int ntags;
        uint8_t hll[1 << 12];
};

static void hll_add(struct stats *st, uint64_t h)
{
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdULL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53ULL;
        h ^= h >> 33;
        unsigned idx = (unsigned)(h >> 52), rank = (unsigned)__builtin_clzll((h << 12) | 1) + 1;
        if (rank > st->hll[idx])
                st->hll[idx] = (uint8_t)rank;
}

static double hll_estimate(const struct stats *st)
{
        const double m = 1 << 12;
        double sum = 0;
        int zeros = 0;
        for (int i = 0; i < 1 << 12; i++) {
                sum += ldexp(1.0, -st->hll[i]);
                zeros += st->hll[i] == 0;
        }
        double e = 0.7213 / (1 + 1.079 / m) * m * m / sum;
        return (e < 2.5 * m && zeros) ? m * log(m / zeros) : e;
}

static void count_tag(struct stats *st, const char *s)
{
        for (int i = 0; i < st->ntags; i++)
                if (strcmp(st->tag_name[i], s) == 0) {
                        st->tag_count[i]++;
                        return;
                }
        if (st->ntags < NTAGS) {
                strcpy(st->tag_name[st->ntags], s);
                st->tag_count[st->ntags++] = 1;
        }
}

int main(void)
{
        static char buf[32768];
        struct stats st = {0};
        enum lex_state state = S_VALUE;
        char tok[KEYMAX], key[KEYMAX] = "";
        int toklen = 0, depth = 0, after_colon = 0, in_tags = 0;
        uint64_t shash = 0;
        long tag_depth = -1;
        ssize_t got;
        while ((got = read(0, buf, sizeof buf)) > 0) {
                for (ssize_t i = 0; i < got; i++) {
                        char c = buf[i];
                        switch (state) {
                        case S_STRING:
                                if (c == '\\') {
                                        state = S_ESCAPE;
                                } else if (c == '"') {
                                        tok[toklen] = 0;
                                        st.strings++;
                                        hll_add(&st, shash);
                                        if (in_tags && depth == tag_depth)
                                                count_tag(&st, tok);
                                        else if (!after_colon)
                                                memcpy(key, tok, (size_t)toklen + 1);
                                        state = S_VALUE;
                                } else {
                                        shash = (shash ^ (uint8_t)c) * 0x100000001b3ULL;
                                        if (toklen < KEYMAX - 1)
                                                tok[toklen++] = c;
                                }
                                continue;
                        case S_ESCAPE:
                                shash = (shash ^ (uint8_t)c) * 0x100000001b3ULL;
                                state = S_STRING;
                                continue;
                        case S_NUMBER:
                                if ((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E') {
                                        if (toklen < KEYMAX - 1)
                                                tok[toklen++] = c;
                                        continue;
                                }
                                tok[toklen] = 0;
                                st.numbers++;
                                if (strcmp(key, "id") == 0)
                                        st.id_sum += strtoll(tok, NULL, 10);
                                else if (strcmp(key, "score") == 0)
                                        st.score_sum += strtod(tok, NULL);
                                state = S_VALUE;
                                break; /* c still needs handling as structure */
                        case S_WORD:
                                if (c >= 'a' && c <= 'z')
                                        continue;
                                state = S_VALUE;
                                break;
                        case S_VALUE:
                                break;
                        }
                        switch (c) {
                        case '{':
                                st.objects++;
                                if (++depth > st.max_depth)
                                        st.max_depth = depth;
                                after_colon = 0;
                                break;
                        case '[':
                                st.arrays++;
                                if (++depth > st.max_depth)
                                        st.max_depth = depth;
                                if (after_colon && strcmp(key, "tags") == 0)
                                        in_tags = 1, tag_depth = depth;
                                break;
                        case ']':
                                if (in_tags && depth == tag_depth)
                                        in_tags = 0;
                                /* fall through */
                        case '}':
                                depth--;
                                after_colon = 0;
                                break;
                        case ':':
                                after_colon = 1;
                                break;
                        case ',':
                                after_colon = 0;
                                break;
                        case '"':
                                state = S_STRING;
                                toklen = 0;
                                shash = 0xcbf29ce484222325ULL;
                                break;
                        case 't':
                        case 'f':
                        case 'n':
                                state = S_WORD;
                                break;
                        default:
                                if ((c >= '0' && c <= '9') || c == '-') {
                                        state = S_NUMBER;
                                        toklen = 0;
                                        tok[toklen++] = c;
                                }
                        }
                }
        }
        int top = 0;
        for (int i = 1; i < st.ntags; i++)
                if (st.tag_count[i] > st.tag_count[top])
                        top = i;
        printf("objects %ld arrays %ld strings %ld (~%.0f distinct) numbers %ld depth %ld id sum %lld mean score %.3f "
               "tags %d top %s x%ld\n",
               st.objects, st.arrays, st.strings, hll_estimate(&st), st.numbers, st.max_depth, st.id_sum,
               st.objects ? st.score_sum / (double)st.objects : 0.0, st.ntags, st.ntags ? st.tag_name[top] : "-",
               st.ntags ? st.tag_count[top] : 0L);
        return 0;
}
