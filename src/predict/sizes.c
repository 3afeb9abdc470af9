/* Size statistics: how source text uses its size constant (the named literal literal_stats
 * finds), read by a small language-agnostic lexer.
 *
 * Across programs, memory is roughly elements^power x bytes per element, and work roughly
 * size^(loop nesting): a linked list of N cells, an N x N table of doubles and a loop nest over
 * N and N differ in exactly those. So, per statement (to ';', '{', '}' or the end of a line
 * outside brackets):
 *   - the size names: the constant itself, names assigned from it (H = W * 3 / 4, n = N,
 *     #define E (V * 4)) and collections allocated with it (for x in data: loops over N);
 *   - loops (for/while) whose header mentions a size name are size loops; their nesting is
 *     tracked by braces, or by indentation where the text is Python-like (lines end with ':');
 *     a comprehension's `for ... in range(N)` is one more level within its statement;
 *   - an allocation statement (malloc/calloc/new/Array/bytearray/append/push/[..] * N, a
 *     list comprehension, ...) allocates size^power with power = the size names in it plus the
 *     enclosing size loops (a malloc per element inside a loop over N is N cells);
 *   - the element's bytes: the largest type word in that statement (char 1, int 4, double 8,
 *     pointers 8, boxed values and objects 32).
 * out[0] = the largest allocation power (capped at 4), out[1] = the deepest size-loop nesting
 * (capped at 4), out[2] = log2(element bytes) + 1 of the statement with the largest power (0 when
 * no type word says it), out[3] = 1 when the code reads its input whole (read(), readlines,
 * readFileSync, readAllBytes, readAllLines, toByteArray, a realloc'd buffer), else 0: code that
 * reads stdin in blocks streams it in constant memory; out[4] = log10 of the size's unit in
 * bytes when the text says it counts KiB or MiB (a name ending in KB/MB/MIB/GB, or NAME << 20),
 * else 0. */
#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "predict/predict.h"

#define MAX_NAMES 64
#define MAX_LOOPS 32

struct names {
        const char *p[MAX_NAMES];
        size_t len[MAX_NAMES];
        size_t n;
};

static bool names_has(const struct names *ns, const char *s, size_t len)
{
        for (size_t i = 0; i < ns->n; i++)
                if (ns->len[i] == len && !memcmp(ns->p[i], s, len))
                        return true;
        return false;
}

static void names_add(struct names *ns, const char *s, size_t len)
{
        if (ns->n < MAX_NAMES && !names_has(ns, s, len)) {
                ns->p[ns->n] = s;
                ns->len[ns->n++] = len;
        }
}

/* Whether s[0..len) is exactly w. Compared as it is walked (the first character settles most
 * calls; the literal statistics make tens of thousands per file), not strlen(w) first. */
static bool word_is(const char *s, size_t len, const char *w)
{
        for (size_t i = 0; i < len; i++)
                if (!w[i] || w[i] != s[i])
                        return false;
        return w[len] == '\0';
}

static bool word_in(const char *s, size_t len, const char *const *ws)
{
        for (; *ws; ws++)
                if (word_is(s, len, *ws))
                        return true;
        return false;
}

/* Calls and keywords that allocate or grow a collection. */
static bool alloc_word(const char *s, size_t len)
{
        static const char *const w[] = {
            "malloc",   "calloc",      "realloc",     "new",        "Array",      "ArrayList",
            "HashMap",  "HashSet",     "TreeMap",     "LinkedList", "ArrayDeque", "StringBuilder",
            "Map",      "Set",         "Buffer",      "bytearray",  "bytes",      "list",
            "dict",     "set",         "zeros",       "ones",       "empty",      "array",
            "fill",     "from",        "append",      "push",       "add",        "put",
            "insert",   "extend",      "unshift",     "concat",     "repeat",     "join",
            "strdup",   "deque",       "defaultdict", "Counter",    "split",      "alloc",
            "allocate", "allocUnsafe", "tuple",       "sorted",     "copyOf",     "slice",
            NULL};
        if (word_in(s, len, w))
                return true;
        for (size_t i = 0; i + 5 <= len; i++)
                if (!strncasecmp(s + i, "alloc", 5))
                        return true;
        return false;
}

/* Bytes of an element a type word names (0: not a type word). */
static double type_bytes(const char *s, size_t len)
{
        static const struct {
                const char *w;
                double bytes;
        } t[] = {
            {"char", 1},         {"int8_t", 1},        {"uint8_t", 1},
            {"byte", 1},         {"bool", 1},          {"boolean", 1},
            {"Uint8Array", 1},   {"Int8Array", 1},     {"Uint8ClampedArray", 1},
            {"bytearray", 1},    {"bytes", 1},         {"Buffer", 1},
            {"short", 2},        {"int16_t", 2},       {"uint16_t", 2},
            {"Uint16Array", 2},  {"Int16Array", 2},    {"int", 4},
            {"float", 4},        {"int32_t", 4},       {"uint32_t", 4},
            {"Int32Array", 4},   {"Uint32Array", 4},   {"Float32Array", 4},
            {"double", 8},       {"long", 8},          {"size_t", 8},
            {"ssize_t", 8},      {"int64_t", 8},       {"uint64_t", 8},
            {"Float64Array", 8}, {"BigInt64Array", 8}, {"BigUint64Array", 8},
            {"Integer", 32},     {"Long", 32},         {"Double", 32},
            {"String", 32},      {"Object", 32},       {"struct", 32},
            {"dict", 32},        {"tuple", 32},        {"str", 32},
        };
        for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
                if (word_is(s, len, t[i].w))
                        return t[i].bytes;
        return 0;
}

static bool ident_start(int c)
{
        return isalpha(c) || c == '_' || c == '$';
}

static bool ident_cont(int c)
{
        return isalnum(c) || c == '_' || c == '$';
}

/* Python-like text: more lines end with ':' than with ';', '{' or '}'. */
static bool python_like(const char *s, size_t len)
{
        long colon = 0, brace = 0;
        for (size_t i = 0; i < len; i++) {
                if (s[i] != '\n')
                        continue;
                size_t j = i;
                while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t' || s[j - 1] == '\r'))
                        j--;
                if (j == 0)
                        continue;
                char c = s[j - 1];
                colon += c == ':';
                brace += c == ';' || c == '{' || c == '}';
        }
        return colon > brace;
}

struct loop {
        size_t level; /* brace depth (C-like) or indentation (Python) it ends at */
        bool braceless, over_size;
};

struct stmt {
        const char *target; /* the name before the first top-level '=' */
        size_t target_len;
        bool assigned, cue, header, define;
        unsigned sizes;        /* size names in the statement */
        unsigned seg, seg_max; /* ... in one declarator ("a = malloc(N), b = malloc(N)") */
        unsigned rhs_sizes;    /* ... after the '=' */
        unsigned cfor;         /* comprehension fors over the size */
        bool cfor_pending;
        double elem;
};

struct lexer {
        const char *s;
        size_t len, i;
        bool py;
        struct names size, sized; /* size names; collections allocated with them */
        struct loop loops[MAX_LOOPS];
        size_t nloops;
        unsigned bd, pd; /* brace depth; paren and bracket depth */
        char brk[64];    /* open brackets, innermost last */
        struct stmt st;
        /* loop header being read */
        bool in_header;
        unsigned header_pd;
        bool header_over;
        bool line_start; /* no token yet on this logical line (Python) */
        size_t line_indent;
        const char *last_id;
        size_t last_len;
        char prev; /* previous punctuation or 'i' for an identifier, 'n' for a number */
        /* results */
        double alloc_power, loop_power, elem;
        bool whole_input;
        double unit_shift; /* NAME << 20: the size counts MiB */
};

static unsigned active_size_loops(const struct lexer *L)
{
        unsigned k = 0;
        for (size_t i = 0; i < L->nloops; i++)
                k += L->loops[i].over_size;
        return k;
}

static void end_statement(struct lexer *L)
{
        struct stmt *st = &L->st;
        unsigned loops = active_size_loops(L);
        double work = loops + st->cfor;
        if (work > L->loop_power)
                L->loop_power = work;
        if (st->seg > st->seg_max)
                st->seg_max = st->seg;
        if (st->cue) {
                double power = st->seg_max + loops;
                if (power > 4)
                        power = 4;
                if (power > L->alloc_power ||
                    (power == L->alloc_power && power > 0 && st->elem > L->elem)) {
                        L->alloc_power = power;
                        L->elem = st->elem;
                }
                if (power > 0 && st->target)
                        names_add(&L->sized, st->target, st->target_len);
        } else if (st->target && st->rhs_sizes &&
                   !names_has(&L->size, st->target, st->target_len)) {
                names_add(&L->size, st->target, st->target_len);
        }
        L->st = (struct stmt){0};
}

static void push_loop(struct lexer *L, size_t level, bool braceless, bool over)
{
        if (L->nloops < MAX_LOOPS)
                L->loops[L->nloops++] = (struct loop){level, braceless, over};
}

/* Indentation of the line starting at i; *blank when it holds nothing (or only a comment). */
static size_t indent_at(const char *s, size_t len, size_t i, bool *blank)
{
        size_t ind = 0;
        while (i < len && (s[i] == ' ' || s[i] == '\t')) {
                ind += s[i] == '\t' ? 8 : 1;
                i++;
        }
        *blank = i >= len || s[i] == '\n' || s[i] == '\r' || s[i] == '#';
        return ind;
}

static void on_ident(struct lexer *L, const char *w, size_t n)
{
        struct stmt *st = &L->st;
        bool is_size = names_has(&L->size, w, n);
        if (L->in_header) {
                if (is_size || names_has(&L->sized, w, n))
                        L->header_over = true;
                return;
        }
        if ((word_is(w, n, "for") || word_is(w, n, "while")) && !(L->py && L->pd > 0)) {
                if (!L->py || L->line_start) {
                        L->in_header = true;
                        L->header_over = false;
                        L->header_pd = L->pd;
                        st->header = true;
                        return;
                }
        }
        if (L->py && L->pd > 0 && word_is(w, n, "for")) {
                st->cfor_pending = true;
                char b = L->pd <= sizeof(L->brk) ? L->brk[L->pd - 1] : '(';
                if (b == '[' || b == '{')
                        st->cue = true;
                return;
        }
        if (word_is(w, n, "define") && L->prev == '#') {
                st->define = true;
                return;
        }
        if (st->define && !st->target) {
                st->target = w;
                st->target_len = n;
                st->assigned = true;
                return;
        }
        if (is_size && n == L->size.len[0] && !memcmp(w, L->size.p[0], n)) {
                /* "NAME << 20": the size is in units of 2^20 */
                size_t j = L->i;
                while (j < L->len && (L->s[j] == ' ' || L->s[j] == '\t'))
                        j++;
                if (j + 2 < L->len && L->s[j] == '<' && L->s[j + 1] == '<') {
                        j += 2;
                        while (j < L->len && (L->s[j] == ' ' || L->s[j] == '\t'))
                                j++;
                        double sh = 0;
                        while (j < L->len && isdigit((unsigned char)L->s[j]))
                                sh = sh * 10 + (L->s[j++] - '0');
                        if (sh <= 40 && sh > L->unit_shift)
                                L->unit_shift = sh;
                }
        }
        if (is_size) {
                st->sizes++;
                st->seg++;
                if (st->assigned)
                        st->rhs_sizes++;
                if (st->cfor_pending) {
                        st->cfor++;
                        st->cfor_pending = false;
                }
        }
        if (alloc_word(w, n))
                st->cue = true;
        /* reading the whole input: read(), readlines, readFileSync, readAllBytes, a realloc'd
         * buffer */
        static const char *const whole[] = {
            "readlines", "readFileSync", "readAllBytes", "readAllLines", "realloc", "toByteArray",
            NULL};
        if (word_in(w, n, whole) || (word_is(w, n, "read") && L->i + 1 < L->len &&
                                     L->s[L->i] == '(' && L->s[L->i + 1] == ')'))
                L->whole_input = true;
        double b = type_bytes(w, n);
        if (b > 0 && !L->py) {
                /* "T)" and "T *)": sizeof(T) counts ("sizeof(char *)" is a pointer), a cast
                 * such as (size_t)n does not */
                size_t j = L->i;
                bool star = false;
                while (j < L->len && (L->s[j] == ' ' || L->s[j] == '\t' || L->s[j] == '*'))
                        star |= L->s[j++] == '*';
                if (j < L->len && L->s[j] == ')') {
                        size_t k = (size_t)(w - L->s);
                        while (k > 0 && (L->s[k - 1] == ' ' || L->s[k - 1] == '\t'))
                                k--;
                        bool sizeof_ = k > 0 && L->s[k - 1] == '(';
                        if (sizeof_) {
                                k--;
                                while (k > 0 && (L->s[k - 1] == ' ' || L->s[k - 1] == '\t'))
                                        k--;
                                sizeof_ = k >= 6 && !memcmp(L->s + k - 6, "sizeof", 6);
                        }
                        b = !sizeof_ ? 0 : star ? 8 : b;
                }
        }
        if (b > st->elem)
                st->elem = b;
        L->last_id = w;
        L->last_len = n;
}

/* Punctuation c at L->i - 1. */
static void on_punct(struct lexer *L, char c)
{
        struct stmt *st = &L->st;
        if (c == '(' || c == '[' || (c == '{' && L->pd > 0)) {
                if (L->pd < sizeof(L->brk))
                        L->brk[L->pd] = c;
                L->pd++;
                if (c == '[' && L->py && L->prev == '*')
                        st->cue = true; /* N * [0] */
                return;
        }
        if (c == ')' || c == ']' || (c == '}' && L->pd > 0)) {
                if (L->pd)
                        L->pd--;
                if (L->in_header && L->pd == L->header_pd && !L->py) {
                        /* the header's closing parenthesis: a braced body or one statement */
                        L->in_header = false;
                        size_t j = L->i;
                        while (j < L->len && isspace((unsigned char)L->s[j]))
                                j++;
                        bool brace = j < L->len && L->s[j] == '{';
                        end_statement(L);
                        push_loop(L, L->bd, !brace, L->header_over);
                        if (!brace) {
                                /* the body statement counts the loop; work at least this */
                                double w = active_size_loops(L);
                                if (w > L->loop_power)
                                        L->loop_power = w;
                        }
                }
                return;
        }
        if (L->in_header) {
                if (L->py && c == ':' && L->pd == L->header_pd) {
                        L->in_header = false;
                        end_statement(L);
                        push_loop(L, L->line_indent, false, L->header_over);
                        double w = active_size_loops(L);
                        if (w > L->loop_power)
                                L->loop_power = w;
                }
                return;
        }
        if (c == ',' && L->pd == 0) {
                if (st->seg > st->seg_max)
                        st->seg_max = st->seg;
                st->seg = 0;
                return;
        }
        if (c == '*' && L->py && L->prev == ']')
                st->cue = true; /* [0] * N */
        if (c == '=' && L->pd == 0 && !st->assigned) {
                char before = L->i >= 2 ? L->s[L->i - 2] : ' ';
                char after = L->i < L->len ? L->s[L->i] : ' ';
                if (!strchr("=!<>+-*/%&|^:~", before) && after != '=' && L->last_id) {
                        st->assigned = true;
                        st->target = L->last_id;
                        st->target_len = L->last_len;
                }
                return;
        }
        if (L->pd == 0 && (c == ';' || c == '{' || c == '}')) {
                end_statement(L);
                if (c == '{') {
                        L->bd++;
                } else if (c == '}') {
                        if (L->bd)
                                L->bd--;
                        while (L->nloops && !L->py && L->loops[L->nloops - 1].level >= L->bd &&
                               !L->loops[L->nloops - 1].braceless)
                                L->nloops--;
                }
                /* a braceless loop ends with its one statement */
                while (c == ';' && L->nloops && L->loops[L->nloops - 1].braceless &&
                       L->loops[L->nloops - 1].level == L->bd)
                        L->nloops--;
        }
}

static void on_newline(struct lexer *L)
{
        if (L->in_header) {
                if (L->pd > L->header_pd)
                        return;       /* a header over several lines */
                L->in_header = false; /* no header after all */
        }
        if (L->pd > 0)
                return; /* inside brackets the statement goes on */
        bool blank;
        size_t ind = indent_at(L->s, L->len, L->i, &blank);
        if (L->py) {
                end_statement(L);
                L->pd = 0;
                if (!blank) {
                        while (L->nloops && L->loops[L->nloops - 1].level >= ind)
                                L->nloops--;
                        L->line_indent = ind;
                        L->line_start = true;
                }
        } else {
                end_statement(L);
        }
}

void size_stats(const char *s, size_t len, const char *name, size_t name_len, double out[5])
{
        static struct lexer zero;
        struct lexer L = zero;
        static const char none[] = "\x01";
        if (!name || !name_len) {
                /* no size name: only whether the input is read whole */
                name = none;
                name_len = 1;
        }
        L.s = s;
        L.len = len;
        L.py = python_like(s, len);
        L.line_start = true;
        names_add(&L.size, name, name_len);
        bool blank;
        L.line_indent = indent_at(s, len, 0, &blank);
        while (L.i < len) {
                unsigned char c = (unsigned char)s[L.i];
                if (c == ' ' || c == '\t' || c == '\r') {
                        L.i++;
                        continue;
                }
                if (c == '\n') {
                        L.i++;
                        on_newline(&L);
                        continue;
                }
                /* comments: // and block comments; '#' then a space (Python) */
                if (c == '/' && L.i + 1 < len && s[L.i + 1] == '/') {
                        while (L.i < len && s[L.i] != '\n')
                                L.i++;
                        continue;
                }
                if (c == '/' && L.i + 1 < len && s[L.i + 1] == '*') {
                        const char *e = NULL;
                        for (size_t j = L.i + 2; j + 1 < len; j++)
                                if (s[j] == '*' && s[j + 1] == '/') {
                                        e = s + j;
                                        break;
                                }
                        L.i = e ? (size_t)(e - s) + 2 : len;
                        continue;
                }
                if (c == '#' && L.py) {
                        while (L.i < len && s[L.i] != '\n')
                                L.i++;
                        continue;
                }
                if (c == '"' || c == '\'' || c == '`') {
                        bool triple =
                            L.i + 2 < len && s[L.i + 1] == (char)c && s[L.i + 2] == (char)c;
                        if (triple) {
                                size_t j = L.i + 3;
                                while (j + 2 < len && !(s[j] == (char)c && s[j + 1] == (char)c &&
                                                        s[j + 2] == (char)c))
                                        j++;
                                L.i = j + 3 < len ? j + 3 : len;
                        } else {
                                L.i++;
                                while (L.i < len && s[L.i] != (char)c && s[L.i] != '\n') {
                                        if (s[L.i] == '\\' && L.i + 1 < len)
                                                L.i++;
                                        L.i++;
                                }
                                if (L.i < len && s[L.i] == (char)c)
                                        L.i++;
                        }
                        L.prev = 's';
                        L.line_start = false;
                        continue;
                }
                if (ident_start(c)) {
                        size_t st = L.i;
                        while (L.i < len && ident_cont((unsigned char)s[L.i]))
                                L.i++;
                        on_ident(&L, s + st, L.i - st);
                        L.prev = 'i';
                        L.line_start = false;
                        continue;
                }
                if (isdigit(c)) {
                        while (L.i < len && (ident_cont((unsigned char)s[L.i]) || s[L.i] == '.'))
                                L.i++;
                        L.prev = 'n';
                        L.line_start = false;
                        continue;
                }
                L.i++;
                on_punct(&L, (char)c);
                L.prev = (char)c;
                L.line_start = false;
        }
        end_statement(&L);
        out[0] = L.alloc_power;
        out[1] = L.loop_power > 4 ? 4 : L.loop_power;
        out[2] = L.elem > 0 ? log2(L.elem) + 1 : 0;
        if (name == none)
                out[0] = out[1] = out[2] = 0;
        out[3] = L.whole_input;
        /* the size's unit: a name that says MiB or KiB, or NAME << k in the text */
        double shift = L.unit_shift;
        if (name != none) {
                static const struct {
                        const char *w;
                        double shift;
                } units[] = {{"KB", 10},  {"KIB", 10}, {"MB", 20}, {"MIB", 20},
                             {"MEG", 20}, {"GB", 30},  {"GIB", 30}};
                for (size_t u = 0; u < sizeof(units) / sizeof(units[0]); u++) {
                        size_t ul = strlen(units[u].w);
                        /* the whole name or its last part: MB, SIZE_MB, TOTAL_MIB */
                        if (name_len >= ul && !strncasecmp(name + name_len - ul, units[u].w, ul) &&
                            (name_len == ul || name[name_len - ul - 1] == '_') &&
                            units[u].shift > shift)
                                shift = units[u].shift;
                }
        }
        out[4] = shift * log10(2.0);
}
