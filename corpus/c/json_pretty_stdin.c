#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* streaming JSON pretty-printer: compact JSON from stdin is re-indented (two spaces per
 * level, "key": value, one element per line) without building any tree. Input comes in
 * through a fixed 8 KiB fread buffer, output goes to a fixed 4 KiB buffer that is hashed
 * and emptied when full; only a nesting depth and a string/escape flag are kept, so memory
 * is flat in the input size. Numbers are collected in a 32-byte token buffer and summed
 * with strtod; object keys are counted in a fixed 64-slot table. */
struct sink {
        char buf[4096];
        size_t len;
        unsigned long long total;
        uint32_t hash;
        long lines;
};

static void drain(struct sink *o)
{
        for (size_t i = 0; i < o->len; i++) {
                o->hash = (o->hash ^ (unsigned char)o->buf[i]) * 16777619u;
                o->lines += o->buf[i] == '\n';
        }
        o->total += o->len;
        o->len = 0;
}

static inline void emit(struct sink *o, char c)
{
        if (o->len == sizeof o->buf)
                drain(o);
        o->buf[o->len++] = c;
}

static void newline(struct sink *o, int depth)
{
        emit(o, '\n');
        for (int i = 0; i < 2 * depth; i++)
                emit(o, ' ');
}

struct keytab {
        uint32_t hash[64];
        long count[64];
        int used;
};

static void count_key(struct keytab *k, uint32_t h)
{
        for (int i = 0; i < k->used; i++)
                if (k->hash[i] == h) {
                        k->count[i]++;
                        return;
                }
        if (k->used < 64) {
                k->hash[k->used] = h;
                k->count[k->used++] = 1;
        }
}

int main(void)
{
        static struct keytab keys;
        char num[32];
        int numlen = 0;
        double numsum = 0;
        uint32_t shash = 0;
        static char in[8192];
        static struct sink out = {.hash = 2166136261u};
        int depth = 0, max_depth = 0, in_string = 0, escaped = 0, pending_open = 0;
        long strings = 0, containers = 0;
        size_t got;
        while ((got = fread(in, 1, sizeof in, stdin)) > 0) {
                for (size_t i = 0; i < got; i++) {
                        char c = in[i];
                        if (in_string) {
                                emit(&out, c);
                                if (escaped)
                                        escaped = 0;
                                else if (c == '\\')
                                        escaped = 1;
                                else if (c == '"')
                                        in_string = 0;
                                shash = (shash ^ (unsigned char)c) * 16777619u;
                                continue;
                        }
                        if (numlen && !((c >= '0' && c <= '9') || c == '.' || c == '-' || c == 'e' || c == 'E' || c == '+')) {
                                num[numlen] = 0;
                                numsum += strtod(num, NULL);
                                numlen = 0;
                        }
                        if (c == ' ' || c == '\n' || c == '\t' || c == '\r')
                                continue;
                        if (pending_open) {
                                pending_open = 0;
                                if (c == ']' || c == '}') {
                                        emit(&out, c);
                                        depth--;
                                        continue;
                                }
                                newline(&out, depth);
                        }
                        switch (c) {
                        case '{':
                        case '[':
                                emit(&out, c);
                                containers++;
                                if (++depth > max_depth)
                                        max_depth = depth;
                                pending_open = 1;
                                break;
                        case '}':
                        case ']':
                                depth--;
                                newline(&out, depth);
                                emit(&out, c);
                                break;
                        case ',':
                                emit(&out, ',');
                                newline(&out, depth);
                                break;
                        case ':':
                                count_key(&keys, shash);
                                emit(&out, ':');
                                emit(&out, ' ');
                                break;
                        case '"':
                                strings++;
                                in_string = 1;
                                shash = 2166136261u;
                                emit(&out, c);
                                break;
                        default:
                                if (((c >= '0' && c <= '9') || c == '.' || c == '-' || c == 'e' || c == 'E' || c == '+') && numlen < 31)
                                        num[numlen++] = c;
                                emit(&out, c);
                        }
                }
        }
        emit(&out, '\n');
        drain(&out);
        long keycount = 0;
        for (int i = 0; i < keys.used; i++)
                keycount += keys.count[i];
        printf("pretty-printed %llu bytes in %ld lines: %ld containers, %ld strings, %d distinct keys (%ld uses), number sum %.3f, max depth %d, hash %08x\n",
               out.total, out.lines, containers, strings, keys.used, keycount, numsum, max_depth, out.hash);
        return depth != 0;
}
