#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* order documents rendered to one JSON text in a growable string builder (realloc
 * doubling, snprintf appends), parsed into a flat node vector that links children and
 * siblings by index (one realloc'd block, no per-node malloc), then queried by walking
 * keys: revenue of paid orders, orders per customer tier, the most-ordered SKU.
 * Memory: the text plus the node vector, both O(orders). */
struct sb {
        char *p;
        size_t len, cap;
};

static void sb_printf(struct sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#include <stdarg.h>
static void sb_printf(struct sb *b, const char *fmt, ...)
{
        for (;;) {
                va_list ap;
                va_start(ap, fmt);
                int n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
                va_end(ap);
                if ((size_t)n < b->cap - b->len) {
                        b->len += (size_t)n;
                        return;
                }
                b->cap = b->cap ? b->cap * 2 : 4096;
                b->p = realloc(b->p, b->cap);
        }
}

enum kind { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ };

struct node {
        uint8_t kind;
        int32_t first, next, key;  /* child / sibling / key string offset (-1 when none) */
        int32_t str, slen;         /* string value offset and length */
        double num;
};

struct tree {
        struct node *v;
        int32_t n, cap;
        const char *text;
        size_t pos;
};

static int32_t new_node(struct tree *t, enum kind k)
{
        if (t->n == t->cap) {
                t->cap = t->cap ? t->cap * 2 : 1024;
                t->v = realloc(t->v, sizeof(struct node) * (size_t)t->cap);
        }
        struct node *x = &t->v[t->n];
        memset(x, 0, sizeof *x);
        x->kind = (uint8_t)k;
        x->first = x->next = x->key = -1;
        return t->n++;
}

static void skip_ws(struct tree *t)
{
        while (t->text[t->pos] == ' ' || t->text[t->pos] == '\n')
                t->pos++;
}

static int32_t scan_string(struct tree *t, int32_t *len)
{
        int32_t start = (int32_t)++t->pos;
        while (t->text[t->pos] != '"')
                t->pos += t->text[t->pos] == '\\' ? 2 : 1;
        *len = (int32_t)t->pos - start;
        t->pos++;
        return start;
}

static int32_t parse_value(struct tree *t)
{
        skip_ws(t);
        char c = t->text[t->pos];
        int32_t id;
        if (c == '{' || c == '[') {
                id = new_node(t, c == '{' ? J_OBJ : J_ARR);
                t->pos++;
                int32_t last = -1;
                skip_ws(t);
                if (t->text[t->pos] == (c == '{' ? '}' : ']')) {
                        t->pos++;
                        return id;
                }
                for (;;) {
                        int32_t key = -1, klen;
                        if (c == '{') {
                                skip_ws(t);
                                key = scan_string(t, &klen);
                                skip_ws(t);
                                t->pos++; /* ':' */
                        }
                        int32_t child = parse_value(t);
                        t->v[child].key = key;
                        if (last < 0)
                                t->v[id].first = child;
                        else
                                t->v[last].next = child;
                        last = child;
                        skip_ws(t);
                        if (t->text[t->pos++] != ',')
                                break;
                }
                return id;
        }
        if (c == '"') {
                id = new_node(t, J_STR);
                int32_t len;
                int32_t off = scan_string(t, &len);
                t->v[id].str = off;
                t->v[id].slen = len;
                return id;
        }
        if (c == 't' || c == 'f' || c == 'n') {
                id = new_node(t, c == 'n' ? J_NULL : J_BOOL);
                t->v[id].num = c == 't';
                t->pos += c == 'f' ? 5 : 4;
                return id;
        }
        id = new_node(t, J_NUM);
        char *end;
        t->v[id].num = strtod(t->text + t->pos, &end);
        t->pos = (size_t)(end - t->text);
        return id;
}

static int32_t member(const struct tree *t, int32_t obj, const char *name)
{
        size_t nl = strlen(name);
        for (int32_t c = t->v[obj].first; c >= 0; c = t->v[c].next)
                if (strncmp(t->text + t->v[c].key, name, nl) == 0 && t->text[t->v[c].key + (int32_t)nl] == '"')
                        return c;
        return -1;
}

static uint64_t rng_state = 0x853c49e6748fea9bULL;
static uint32_t rnd(void)
{
        rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return (uint32_t)(rng_state >> 33);
}

int main(void)
{
        struct { int orders; int skus; } cfg = {.orders = __SIZE__, .skus = 500};
        static const char *tiers[] = {"bronze", "silver", "gold", "platinum"};
        struct sb b = {0};
        sb_printf(&b, "{\"shop\": \"arena\", \"orders\": [");
        for (int i = 0; i < cfg.orders; i++) {
                sb_printf(&b, "%s\n {\"order\": %d, \"customer\": {\"name\": \"cust\\\"%u\", \"tier\": \"%s\"}, \"lines\": [",
                          i ? "," : "", i, rnd() % 100000, tiers[rnd() % 4]);
                int nl = 1 + (int)(rnd() % 5);
                for (int k = 0; k < nl; k++)
                        sb_printf(&b, "%s{\"sku\": \"SKU-%04u\", \"qty\": %u, \"price\": %.2f}", k ? ", " : "",
                                  rnd() % (unsigned)cfg.skus, 1 + rnd() % 9, (rnd() % 100000) / 100.0);
                sb_printf(&b, "], \"paid\": %s, \"note\": null}", rnd() % 4 ? "true" : "false");
        }
        sb_printf(&b, "\n]}\n");

        struct tree t = {.text = b.p};
        int32_t root = parse_value(&t);
        int32_t orders = member(&t, root, "orders");
        double revenue = 0;
        long per_tier[4] = {0}, count = 0;
        long *sku_qty = calloc((size_t)cfg.skus, sizeof(long));
        for (int32_t o = t.v[orders].first; o >= 0; o = t.v[o].next, count++) {
                int32_t tier = member(&t, member(&t, o, "customer"), "tier");
                for (int k = 0; k < 4; k++)
                        if (strncmp(t.text + t.v[tier].str, tiers[k], (size_t)t.v[tier].slen) == 0 &&
                            (int)strlen(tiers[k]) == t.v[tier].slen)
                                per_tier[k]++;
                int paid = t.v[member(&t, o, "paid")].num != 0;
                for (int32_t l = t.v[member(&t, o, "lines")].first; l >= 0; l = t.v[l].next) {
                        double qty = t.v[member(&t, l, "qty")].num;
                        if (paid)
                                revenue += qty * t.v[member(&t, l, "price")].num;
                        int32_t sku = member(&t, l, "sku");
                        sku_qty[atoi(t.text + t.v[sku].str + 4)] += (long)qty;
                }
        }
        int top = 0;
        for (int k = 1; k < cfg.skus; k++)
                if (sku_qty[k] > sku_qty[top])
                        top = k;
        printf("%zu bytes of JSON -> %d nodes, %ld orders, tiers %ld/%ld/%ld/%ld, paid revenue %.2f, top SKU-%04d x%ld\n",
               b.len, t.n, count, per_tier[0], per_tier[1], per_tier[2], per_tier[3], revenue, top, sku_qty[top]);
        free(sku_qty), free(t.v), free(b.p);
        return 0;
}
