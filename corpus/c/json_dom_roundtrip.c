#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* JSON DOM as a tagged union (one malloc per value), serialised into a growable buffer
 * with escaping, parsed back by recursive descent, deep-compared, freed */
struct config {
        int records;
        int max_depth;
        int fanout;
};
static const struct config cfg = {__SIZE__, 3, 4};

enum jtype { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ };

struct jv;
struct member {
        char *key;
        struct jv *val;
};

struct jv {
        enum jtype t;
        union {
                int b;
                double num;
                char *str;
                struct {
                        struct jv **items;
                        size_t len, cap;
                } arr;
                struct {
                        struct member *m;
                        size_t len, cap;
                } obj;
        } u;
};

static uint32_t seed = 7;
static uint32_t rnd(void)
{
        seed = seed * 1103515245u + 12345u;
        return (seed >> 16) & 0x7fff;
}

static struct jv *jnew(enum jtype t)
{
        struct jv *v = calloc(1, sizeof *v);
        v->t = t;
        return v;
}

static void arr_push(struct jv *a, struct jv *x)
{
        if (a->u.arr.len == a->u.arr.cap) {
                a->u.arr.cap = a->u.arr.cap ? 2 * a->u.arr.cap : 4;
                a->u.arr.items = realloc(a->u.arr.items, a->u.arr.cap * sizeof *a->u.arr.items);
        }
        a->u.arr.items[a->u.arr.len++] = x;
}

static void obj_put(struct jv *o, const char *k, struct jv *x)
{
        if (o->u.obj.len == o->u.obj.cap) {
                o->u.obj.cap = o->u.obj.cap ? 2 * o->u.obj.cap : 4;
                o->u.obj.m = realloc(o->u.obj.m, o->u.obj.cap * sizeof *o->u.obj.m);
        }
        o->u.obj.m[o->u.obj.len++] = (struct member){strdup(k), x};
}

static struct jv *gen(int depth)
{
        int kind = depth >= cfg.max_depth ? (int)(rnd() % 4) : (int)(rnd() % 6);
        struct jv *v;
        char buf[48];
        switch (kind) {
        case 0:
                v = jnew(rnd() % 3 ? J_NUM : J_NULL);
                v->u.num = (double)((int)rnd() - 16384) / 64.0;
                break;
        case 1:
                v = jnew(J_BOOL);
                v->u.b = rnd() & 1;
                break;
        case 2:
        case 3:
                v = jnew(J_STR);
                snprintf(buf, sizeof buf, "s%u \"q\" \\ tab\t%u\n", rnd(), rnd() % 100);
                v->u.str = strdup(buf + (rnd() % 3) * 5);
                break;
        case 4:
                v = jnew(J_ARR);
                for (int i = 0, n = (int)(rnd() % (unsigned)cfg.fanout) + 1; i < n; i++)
                        arr_push(v, gen(depth + 1));
                break;
        default:
                v = jnew(J_OBJ);
                for (int i = 0, n = (int)(rnd() % (unsigned)cfg.fanout) + 1; i < n; i++) {
                        snprintf(buf, sizeof buf, "k%d_%u", i, rnd() % 50);
                        obj_put(v, buf, gen(depth + 1));
                }
        }
        return v;
}

struct sbuf {
        char *p;
        size_t len, cap;
};

static void sb_put(struct sbuf *s, const char *x, size_t n)
{
        if (s->len + n + 1 > s->cap) {
                while (s->len + n + 1 > s->cap)
                        s->cap = s->cap ? s->cap * 2 : 256;
                s->p = realloc(s->p, s->cap);
        }
        memcpy(s->p + s->len, x, n);
        s->len += n;
}

static void sb_str(struct sbuf *s, const char *x)
{
        sb_put(s, "\"", 1);
        for (; *x; x++) {
                switch (*x) {
                case '"': sb_put(s, "\\\"", 2); break;
                case '\\': sb_put(s, "\\\\", 2); break;
                case '\n': sb_put(s, "\\n", 2); break;
                case '\t': sb_put(s, "\\t", 2); break;
                default: sb_put(s, x, 1);
                }
        }
        sb_put(s, "\"", 1);
}

static void emit(struct sbuf *s, const struct jv *v)
{
        char num[32];
        switch (v->t) {
        case J_NULL: sb_put(s, "null", 4); break;
        case J_BOOL: v->u.b ? sb_put(s, "true", 4) : sb_put(s, "false", 5); break;
        case J_NUM: sb_put(s, num, (size_t)snprintf(num, sizeof num, "%.17g", v->u.num)); break;
        case J_STR: sb_str(s, v->u.str); break;
        case J_ARR:
                sb_put(s, "[", 1);
                for (size_t i = 0; i < v->u.arr.len; i++) {
                        if (i)
                                sb_put(s, ",", 1);
                        emit(s, v->u.arr.items[i]);
                }
                sb_put(s, "]", 1);
                break;
        case J_OBJ:
                sb_put(s, "{", 1);
                for (size_t i = 0; i < v->u.obj.len; i++) {
                        if (i)
                                sb_put(s, ",", 1);
                        sb_str(s, v->u.obj.m[i].key);
                        sb_put(s, ":", 1);
                        emit(s, v->u.obj.m[i].val);
                }
                sb_put(s, "}", 1);
        }
}

static const char *pp;

static char *parse_string(void)
{
        size_t cap = 16, n = 0;
        char *out = malloc(cap);
        pp++; /* opening quote */
        while (*pp != '"') {
                char c = *pp++;
                if (c == '\\') {
                        c = *pp++;
                        c = c == 'n' ? '\n' : c == 't' ? '\t' : c;
                }
                if (n + 1 >= cap)
                        out = realloc(out, cap *= 2);
                out[n++] = c;
        }
        pp++;
        out[n] = 0;
        return out;
}

static struct jv *parse_value(void)
{
        struct jv *v;
        switch (*pp) {
        case 'n': pp += 4; return jnew(J_NULL);
        case 't': pp += 4; v = jnew(J_BOOL); v->u.b = 1; return v;
        case 'f': pp += 5; v = jnew(J_BOOL); return v;
        case '"': v = jnew(J_STR); v->u.str = parse_string(); return v;
        case '[':
                v = jnew(J_ARR);
                pp++;
                while (*pp != ']') {
                        arr_push(v, parse_value());
                        if (*pp == ',')
                                pp++;
                }
                pp++;
                return v;
        case '{':
                v = jnew(J_OBJ);
                pp++;
                while (*pp != '}') {
                        char *k = parse_string();
                        pp++; /* ':' */
                        obj_put(v, k, parse_value());
                        free(k);
                        if (*pp == ',')
                                pp++;
                }
                pp++;
                return v;
        default: {
                char *end;
                v = jnew(J_NUM);
                v->u.num = strtod(pp, &end);
                pp = end;
                return v;
        }
        }
}

static int equal(const struct jv *a, const struct jv *b)
{
        if (a->t != b->t)
                return 0;
        switch (a->t) {
        case J_NULL: return 1;
        case J_BOOL: return a->u.b == b->u.b;
        case J_NUM: return a->u.num == b->u.num;
        case J_STR: return strcmp(a->u.str, b->u.str) == 0;
        case J_ARR:
                if (a->u.arr.len != b->u.arr.len)
                        return 0;
                for (size_t i = 0; i < a->u.arr.len; i++)
                        if (!equal(a->u.arr.items[i], b->u.arr.items[i]))
                                return 0;
                return 1;
        case J_OBJ:
                if (a->u.obj.len != b->u.obj.len)
                        return 0;
                for (size_t i = 0; i < a->u.obj.len; i++)
                        if (strcmp(a->u.obj.m[i].key, b->u.obj.m[i].key) || !equal(a->u.obj.m[i].val, b->u.obj.m[i].val))
                                return 0;
                return 1;
        }
        return 0;
}

static size_t jfree(struct jv *v)
{
        size_t n = 1;
        if (v->t == J_STR)
                free(v->u.str);
        else if (v->t == J_ARR) {
                for (size_t i = 0; i < v->u.arr.len; i++)
                        n += jfree(v->u.arr.items[i]);
                free(v->u.arr.items);
        } else if (v->t == J_OBJ) {
                for (size_t i = 0; i < v->u.obj.len; i++) {
                        free(v->u.obj.m[i].key);
                        n += jfree(v->u.obj.m[i].val);
                }
                free(v->u.obj.m);
        }
        free(v);
        return n;
}

int main(void)
{
        struct jv *root = jnew(J_ARR);
        for (int i = 0; i < cfg.records; i++) {
                struct jv *rec = jnew(J_OBJ), *id = jnew(J_NUM);
                id->u.num = i;
                obj_put(rec, "id", id);
                obj_put(rec, "payload", gen(0));
                arr_push(root, rec);
        }
        struct sbuf text = {0};
        emit(&text, root);
        text.p[text.len] = 0;
        pp = text.p;
        struct jv *back = parse_value();
        int same = equal(root, back);
        struct sbuf again = {0};
        emit(&again, back);
        int same_text = again.len == text.len && memcmp(again.p, text.p, text.len) == 0;
        uint32_t h = 2166136261u;
        for (size_t i = 0; i < text.len; i++)
                h = (h ^ (uint8_t)text.p[i]) * 16777619u;
        size_t nodes = jfree(root);
        jfree(back);
        printf("%d records, %zu values, %zu JSON bytes, fnv %08x, round trip %s/%s\n", cfg.records, nodes, text.len, h,
               same ? "equal" : "DIFFERENT", same_text ? "same text" : "text differs");
        free(text.p), free(again.p);
        return !(same && same_text);
}
