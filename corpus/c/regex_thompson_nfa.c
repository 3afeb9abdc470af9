#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* hand-written regular expressions: recursive-descent parser builds a Thompson NFA
 * (literals, ., [classes], * + ?, |, groups); unanchored search by simulating state sets */
#define NLINES __SIZE__

enum { OP_CHAR, OP_ANY, OP_CLASS, OP_SPLIT, OP_MATCH };

struct state {
        int op, c, mark;
        uint8_t cls[32];
        struct state *out, *out1;
};

struct frag {
        struct state *start;
        struct state **holes[64];
        int nholes;
};

static struct state pool[4096];
static int npool;
static const char *re_pos;

static struct state *mk(int op, int c)
{
        struct state *s = &pool[npool++];
        memset(s, 0, sizeof *s);
        s->op = op, s->c = c, s->mark = -1;
        return s;
}

static void patch(struct frag *f, struct state *to)
{
        for (int i = 0; i < f->nholes; i++)
                *f->holes[i] = to;
        f->nholes = 0;
}

static void append_holes(struct frag *dst, const struct frag *src)
{
        for (int i = 0; i < src->nholes; i++)
                dst->holes[dst->nholes++] = src->holes[i];
}

static struct frag parse_alt(void);

static struct frag parse_atom(void)
{
        struct frag f = {0};
        char c = *re_pos++;
        if (c == '(') {
                f = parse_alt();
                re_pos++; /* ')' */
                return f;
        }
        struct state *s;
        if (c == '.') {
                s = mk(OP_ANY, 0);
        } else if (c == '[') {
                s = mk(OP_CLASS, 0);
                while (*re_pos != ']') {
                        int lo = (unsigned char)*re_pos++, hi = lo;
                        if (*re_pos == '-' && re_pos[1] != ']')
                                re_pos++, hi = (unsigned char)*re_pos++;
                        for (int x = lo; x <= hi; x++)
                                s->cls[x >> 3] |= (uint8_t)(1u << (x & 7));
                }
                re_pos++;
        } else {
                if (c == '\\')
                        c = *re_pos++;
                s = mk(OP_CHAR, (unsigned char)c);
        }
        f.start = s;
        f.holes[f.nholes++] = &s->out;
        return f;
}

static struct frag parse_repeat(void)
{
        struct frag f = parse_atom();
        while (*re_pos == '*' || *re_pos == '+' || *re_pos == '?') {
                char q = *re_pos++;
                struct state *sp = mk(OP_SPLIT, 0);
                sp->out = f.start;
                struct frag g = {0};
                if (q == '*') {
                        patch(&f, sp);
                        g.start = sp;
                        g.holes[g.nholes++] = &sp->out1;
                } else if (q == '+') {
                        patch(&f, sp);
                        g.start = f.start;
                        g.holes[g.nholes++] = &sp->out1;
                } else {
                        g.start = sp;
                        append_holes(&g, &f);
                        g.holes[g.nholes++] = &sp->out1;
                }
                f = g;
        }
        return f;
}

static struct frag parse_concat(void)
{
        struct frag f = parse_repeat();
        while (*re_pos && *re_pos != '|' && *re_pos != ')') {
                struct frag g = parse_repeat();
                patch(&f, g.start); /* f's dangling arrows now lead into g */
                append_holes(&f, &g);
        }
        return f;
}

static struct frag parse_alt(void)
{
        struct frag f = parse_concat();
        while (*re_pos == '|') {
                re_pos++;
                struct frag g = parse_concat();
                struct state *sp = mk(OP_SPLIT, 0);
                sp->out = f.start, sp->out1 = g.start;
                f.start = sp;
                append_holes(&f, &g);
        }
        return f;
}

static struct state *compile(const char *re)
{
        re_pos = re;
        struct frag f = parse_alt();
        patch(&f, mk(OP_MATCH, 0));
        return f.start;
}

struct slist {
        struct state *s[4096];
        int n;
};

static int generation;

static void add(struct slist *l, struct state *s)
{
        if (!s || s->mark == generation)
                return;
        s->mark = generation;
        if (s->op == OP_SPLIT) {
                add(l, s->out);
                add(l, s->out1);
                return;
        }
        l->s[l->n++] = s;
}

static int search(struct state *start, const char *text)
{
        static struct slist a, b;
        struct slist *cur = &a, *nxt = &b;
        cur->n = 0;
        generation++;
        add(cur, start);
        for (const unsigned char *p = (const unsigned char *)text;; p++) {
                for (int i = 0; i < cur->n; i++)
                        if (cur->s[i]->op == OP_MATCH)
                                return 1;
                if (!*p)
                        return 0;
                generation++;
                nxt->n = 0;
                for (int i = 0; i < cur->n; i++) {
                        struct state *s = cur->s[i];
                        int ok = (s->op == OP_CHAR && s->c == *p) || s->op == OP_ANY ||
                                 (s->op == OP_CLASS && (s->cls[*p >> 3] >> (*p & 7) & 1));
                        if (ok)
                                add(nxt, s->out);
                }
                add(nxt, start); /* unanchored: a match may begin at the next position */
                struct slist *t = cur;
                cur = nxt, nxt = t;
        }
}

static const char *const patterns[] = {
    "ERROR|FATAL",
    "user=[a-z]+[0-9]+",
    "[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+",
    "(GET|POST) /api/(v1|v2)/[a-z]+",
    "took [1-9][0-9][0-9][0-9]+ms",
    "(ab|ba)*c(ab|ba)+x",
    "id=0x[0-9a-f]*ff ",
};
#define NPATS (int)(sizeof patterns / sizeof *patterns)

int main(void)
{
        struct state *starts[NPATS];
        for (int i = 0; i < NPATS; i++)
                starts[i] = compile(patterns[i]);
        static const char *levels[] = {"INFO", "DEBUG", "WARN", "ERROR", "FATAL"};
        static const char *verbs[] = {"GET", "POST", "PUT", "DELETE"};
        static const char *paths[] = {"users", "orders", "items", "login", "health"};
        static const char *noise[] = {"abbac", "babacab", "ccabx", "abcbax", "cbaabx", "xx"};
        uint32_t r = 42;
        long counts[NPATS] = {0};
        char line[256];
        for (long i = 0; i < NLINES; i++) {
                uint32_t v[8];
                for (int k = 0; k < 8; k++) {
                        r = r * 1664525u + 1013904223u;
                        v[k] = r >> 7;
                }
                snprintf(line, sizeof line, "%s %s /api/v%u/%s user=%c%c%c%u ip=%u.%u.%u.%u took %ums id=0x%x %s",
                         levels[v[0] % 5], verbs[v[1] % 4], v[2] % 3 + 1, paths[v[3] % 5], 'a' + v[4] % 26,
                         'a' + v[5] % 26, (v[4] >> 8) % 3 ? 'a' + (v[6] % 26) : '_', v[6] % 1000, v[1] % 256,
                         v[2] % 256, v[3] % 256, v[5] % 256, v[6] % 20000, v[7] & 0xfffff, noise[v[0] % 6]);
                for (int p = 0; p < NPATS; p++)
                        counts[p] += search(starts[p], line);
        }
        printf("%d lines against %d patterns (%d NFA states):", NLINES, NPATS, npool);
        for (int p = 0; p < NPATS; p++)
                printf(" %ld", counts[p]);
        printf("\n");
        return 0;
}
