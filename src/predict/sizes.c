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
 *     list comprehension, a Python constructor, a call of a function of the text that
 *     allocates, text += '...', a write to a file, an array declared with its length in C-like
 *     text: static int table[N], double dp[N][N], ...) allocates size^power with power = the
 *     size names in it plus the enclosing size loops (a malloc per element inside a loop over N
 *     is N cells). Size names inside the arguments of a call that does not allocate
 *     (randrange(N * 3), Thread(args=(lo, hi))) or of a push/append are values, not counts; an
 *     allocation sized by the size and bound to a name inside a size loop (a row buffer,
 *     `cur = [0] * (N + 1)`) replaces the last one, so the loop does not multiply it;
 *   - the element's bytes: the largest type word in that statement (char 1, int 4, double 8,
 *     pointers 8, boxed values and objects 32), times the constant factors in a product with a
 *     size name (3 in W * H * 3; 96 in cap = N * 96, carried by the name cap).
 * out[0] = the largest allocation power (capped at 4), out[1] = the deepest size-loop nesting
 * (capped at 4), out[2] = log2(element bytes) + 1 of the statement with the largest power (0 when
 * no type word says it), out[3] = 1 when the code reads its input whole (read(), readlines,
 * readFileSync, readAllBytes, readAllLines, toByteArray, a realloc'd buffer), else 0: code that
 * reads stdin in blocks streams it in constant memory; out[4] = log10 of the size's unit in
 * bytes when the text says it counts KiB or MiB (a name ending in KB/MB/MIB/GB, or NAME << 20),
 * else 0; out[5] = log10 of the bytes allocated in constant size outside the loops over the size,
 * summed over the statements, when at least 64 KiB (else 0): a table of 1 << 20 entries, static
 * char buf[1 << 20], calloc(65536, sizeof(int)), new byte[1 << 16], [0] * 1000000, a constant
 * name's value (#define TABLE (1 << 20), cap = 65536) counting as its literal. */
#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "predict/predict.h"

#define MAX_NAMES 64
#define MAX_LOOPS 32

struct names {
        const char *p[MAX_NAMES];
        size_t len[MAX_NAMES];
        double scale[MAX_NAMES];      /* size names: log10 of the name's multiple of the size */
        unsigned char deg[MAX_NAMES]; /* ... and the power of the size it stands for (1: N, 2:
                                         n = W * H) */
        size_t n;
};

static int names_index(const struct names *ns, const char *s, size_t len)
{
        for (size_t i = 0; i < ns->n; i++)
                if (ns->len[i] == len && !memcmp(ns->p[i], s, len))
                        return (int)i;
        return -1;
}

static bool names_has(const struct names *ns, const char *s, size_t len)
{
        return names_index(ns, s, len) >= 0;
}

static void names_add(struct names *ns, const char *s, size_t len)
{
        if (ns->n < MAX_NAMES && !names_has(ns, s, len)) {
                ns->p[ns->n] = s;
                ns->scale[ns->n] = 0;
                ns->deg[ns->n] = 1;
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

/* A word list with a filter on (first character, length), so that the identifiers of a text,
 * most of which are in no list, are turned away before any comparison. */
struct wordset {
        const char *const *w;
        uint32_t by_first[128]; /* bit n: a word of length n starts with that character */
};

static void wordset_init(struct wordset *ws)
{
        for (const char *const *p = ws->w; *p; p++) {
                size_t n = strlen(*p);
                unsigned char c = (unsigned char)(*p)[0];
                if (n < 32 && c < 128)
                        ws->by_first[c] |= 1u << n;
        }
}

unsigned name_unit_shift(const char *name, size_t name_len)
{
        static const struct {
                const char *w;
                unsigned shift;
        } units[] = {{"KB", 10},  {"KIB", 10}, {"MB", 20}, {"MIB", 20},
                     {"MEG", 20}, {"GB", 30},  {"GIB", 30}};
        unsigned shift = 0;
        for (size_t u = 0; name && u < sizeof(units) / sizeof(units[0]); u++) {
                size_t ul = strlen(units[u].w);
                /* the whole name or its last part: MB, SIZE_MB, TOTAL_MIB */
                if (name_len >= ul && !strncasecmp(name + name_len - ul, units[u].w, ul) &&
                    (name_len == ul || name[name_len - ul - 1] == '_') && units[u].shift > shift)
                        shift = units[u].shift;
        }
        return shift;
}

/* The index of s[0..len) in the set, -1 when it is not there. */
static int wordset_find(const struct wordset *ws, const char *s, size_t len)
{
        unsigned char c = (unsigned char)s[0];
        if (!len || len >= 32 || c >= 128 || !(ws->by_first[c] >> len & 1))
                return -1;
        for (int i = 0; ws->w[i]; i++)
                if (word_is(s, len, ws->w[i]))
                        return i;
        return -1;
}

static bool wordset_has(const struct wordset *ws, const char *s, size_t len)
{
        return wordset_find(ws, s, len) >= 0;
}

/* Calls and keywords that allocate or grow a collection. */
static struct wordset alloc_words = {
    .w = (const char *const[]){
        "malloc",   "calloc",        "realloc",     "new",        "Array",      "ArrayList",
        "HashMap",  "HashSet",       "TreeMap",     "LinkedList", "ArrayDeque", "StringBuilder",
        "Map",      "Set",           "Buffer",      "bytearray",  "bytes",      "list",
        "dict",     "set",           "zeros",       "ones",       "empty",      "array",
        "fill",     "from",          "append",      "push",       "add",        "put",
        "insert",   "extend",        "unshift",     "concat",     "repeat",     "join",
        "strdup",   "deque",         "defaultdict", "Counter",    "split",      "alloc",
        "allocate", "allocUnsafe",   "tuple",       "sorted",     "copyOf",     "slice",
        "mmap",     "BufferedImage", NULL}};

/* Allocators that count bytes. */
static struct wordset byte_alloc_words = {
    .w = (const char *const[]){"malloc", "realloc", "alloca", "mmap", NULL}};

/* Calls that write to a file: in a loop over the size the file grows, and the page cache it
 * fills is the sandbox's memory (fwrite, write, writeFileSync, writeInt, fputs, ...). */
static struct wordset write_words = {.w = (const char *const[]){"fwrite", "fputs", "fprintf",
                                                                "pwrite", "appendFileSync",
                                                                "appendFile", NULL}};

/* Calls that grow a collection by what they are given: the size in their arguments is a value
 * (seq.push(s % (N * 2))), the loops around them count the cells. */
static struct wordset grow_words = {.w = (const char *const[]){"append", "push", "add", "put",
                                                               "insert", "unshift", "heappush",
                                                               "offer", "appendleft", NULL}};

/* Type words and the bytes of an element of that type. */
static const struct {
        const char *w;
        double bytes;
} types[] = {
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
    {"unsigned", 4},     {"signed", 4},
};
static const char *type_names[sizeof(types) / sizeof(types[0]) + 1]; /* words_init */
static struct wordset type_words = {.w = type_names};

/* Reading the whole input: read(), readlines, readFileSync, readAllBytes, a realloc'd
 * buffer. */
static struct wordset whole_words = {.w = (const char *const[]){"readlines", "readFileSync",
                                                                "readAllBytes", "readAllLines",
                                                                "realloc", "toByteArray", NULL}};

/* Allocating calls whose arguments count cells or bytes (typed arrays are recognised by their
 * type word). */
static struct wordset cell_alloc_words = {
    .w = (const char *const[]){"malloc", "calloc", "realloc", "aligned_alloc", "Array", "alloc",
                               "allocUnsafe", "bytearray", "zeros", "allocate", NULL}};

/* Words whose '(' is not a call that hides its arguments' sizes. */
static struct wordset open_words = {
    .w = (const char *const[]){"if", "while", "for", "switch", "return", "and", "or", "not", "in",
                               "else", "range", "xrange", "int", "long", "float", "double", "char",
                               "sizeof", NULL}};

/* Words whose parenthesis is no function definition's. */
static struct wordset nodef_words = {.w = (const char *const[]){"if", "while", "for", "switch",
                                                                "catch", "return", "sizeof",
                                                                "synchronized", NULL}};

static void words_init(void)
{
        for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
                type_names[i] = types[i].w;
        struct wordset *all[] = {&byte_alloc_words, &alloc_words, &write_words,
                                 &grow_words,       &type_words,  &whole_words,
                                 &open_words,       &nodef_words, &cell_alloc_words};
        for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
                wordset_init(all[i]);
}

static pthread_once_t words_once = PTHREAD_ONCE_INIT;

static bool alloc_word(const char *s, size_t len)
{
        if (wordset_has(&alloc_words, s, len))
                return true;
        /* any name with "alloc" in it (xmalloc, arena_alloc, Allocate) */
        for (size_t i = 0; i + 5 <= len; i++)
                if ((s[i] | 0x20) == 'a' && (s[i + 1] | 0x20) == 'l' && (s[i + 2] | 0x20) == 'l' &&
                    (s[i + 3] | 0x20) == 'o' && (s[i + 4] | 0x20) == 'c')
                        return true;
        return false;
}

static bool write_word(const char *s, size_t len)
{
        return wordset_has(&write_words, s, len) || (len >= 5 && !memcmp(s, "write", 5));
}

static bool grow_word(const char *s, size_t len)
{
        return wordset_has(&grow_words, s, len) || write_word(s, len);
}

/* Bytes of an element a type word names (0: not a type word). */
static double type_bytes(const char *s, size_t len)
{
        int i = wordset_find(&type_words, s, len);
        return i < 0 ? 0 : types[i].bytes;
}

/* ASCII letters, '_' and '$' (as isalpha in the C locale, without its table lookup: these
 * run once per character of the text) */
static inline bool ident_start(int c)
{
        return ((unsigned)(c | 0x20) - 'a' < 26u) || c == '_' || c == '$';
}

static inline bool ident_cont(int c)
{
        return ident_start(c) || (unsigned)c - '0' < 10u;
}

/* Python-like text: more lines end with ':' than with ';', '{' or '}', or (a script with no
 * block, a comprehension over several lines) no line ends with ';' or '{'. */
static bool python_like(const char *s, size_t len)
{
        long colon = 0, brace = 0, opening = 0;
        for (size_t i = 0; i <= len; i++) {
                if (i < len && s[i] != '\n')
                        continue;
                size_t j = i;
                while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t' || s[j - 1] == '\r'))
                        j--;
                if (j == 0 || s[j - 1] == '\n')
                        continue;
                char c = s[j - 1];
                colon += c == ':';
                brace += c == ';' || c == '{' || c == '}';
                opening += c == ';' || c == '{';
        }
        return colon > brace || (opening == 0 && len > 0);
}

/* The functions defined in the text (allocating_functions fills it). */
#define MAX_PARAMS 16
#define MAX_FNS    64
struct fn_info {
        const char *name;
        size_t name_len;
        const char *param[MAX_PARAMS];
        size_t param_len[MAX_PARAMS];
        size_t nparams;
        bool allocates; /* its body allocates: a call of it sizes cells */
        /* its body allocates, writes a file, constructs (Node(key)) or calls a function of the
         * text that does: what a call of it in a size loop may grow */
        bool grows;
        unsigned char power; /* the most parameters one allocating statement of it names */
        /* it calls itself at least twice with the same parameter one step on the same way
         * (fib(n - 1) + fib(n - 2), build(depth - 1) for each child, hanoi(n - 1, ...) twice):
         * its calls are exponential in how far that parameter goes; -1 for none */
        int branches;
        size_t body, body_end; /* its text, after the parameters */
};
struct fn_table {
        struct fn_info fn[MAX_FNS];
        size_t n;
};
static bool still_function(const struct fn_table *known, const struct fn_info *cur, const char *w,
                           size_t n);

struct loop {
        size_t level; /* brace depth (C-like) or indentation (Python) it ends at */
        bool braceless, over_size;
        unsigned char deg; /* the power of the size it runs over: 2 for i < n with n = W * H */
        const char *var;   /* a for loop's variable (i in for (int i = 0; ...), for i in ...) */
        size_t var_len;
        const char *counter; /* ... or a while loop's first name (i in while (i < n)) */
        size_t counter_len;
};

struct stmt {
        const char *target; /* the name before the first top-level '=' */
        size_t target_len;
        bool assigned, cue, header, define;
        bool defn; /* a function's definition: its parameters, int (*rows)[n], allocate nothing */
        unsigned sizes;   /* size names in the statement */
        unsigned seg_max; /* ... multiplied in one declarator: the degree of its expression */
        /* the degree per bracket level: a product adds its factors' degrees (W * H is 2), a
         * sum or a list of values takes the largest ((N + 1) * (M + 1) is 2, hi - lo is 1,
         * f(a, N) is 1); an allocating call's arguments multiply (calloc(N, size),
         * make(W, H), Array.from({length: N}, () => new Array(N))), up to the parameter power
         * of a function of the text */
        unsigned char dcur[64], dmax[64], dcap[64];
        bool dmul[64];
        unsigned rhs_sizes; /* ... after the '=' */
        unsigned cfor;      /* comprehension fors over the size */
        bool cfor_pending;
        bool plain;        /* the target is a name (x = ..., int *p = ...), not x[i] = ... */
        bool local;        /* an array declared with its length: the same one each time round */
        unsigned alloc_pd; /* bracket depth + 1 of the last allocating word, 0 for none */
        bool alloc_opened; /* its bracket opened (closing it ends the allocation) */
        bool alloc_cells;  /* ... and its arguments count cells (malloc, calloc, Float64Array,
                              Buffer.alloc), not values (new Point(x, y)) */
        double mult;       /* log10 of the constant factors: 96 in N * 96, 3/4 in W * 3 / 4 */
        double scale_sum;  /* the counted size names' own factors (cap = N * 96; malloc(cap)) */
        double scale_max;  /* the largest factor of a size name in it */
        unsigned cap_pd;   /* bracket depth + 1 of a call of a function of the text, 0: none */
        unsigned cap;      /* ... the size names its parameter power lets count */
        bool bytes;        /* malloc/realloc/mmap: the count is in bytes */
        bool grows;        /* NAME += ... */
        bool has_string;   /* ... with a string in it: text built up piece by piece */
        double elem;
        double alloc_const; /* log10 of the constant size of its allocation (0: none) */
        double dims;        /* ... over the dimensions so far: int a[1000][1000] */
        double const_cells; /* the cells of the declarators before: a[S][S], b[S][M] */
        bool typed_decl;    /* a type word began it: int a[N], b[N] declares both */
        bool list_mul;      /* Python's [0] * K: the product at the statement's level */
};

/* The constant value of an expression, per bracket level: products of literals and constant
 * names (1 << 20, 1024 * 1024, 10 ** 6, 4 * (1 << 10)); any other name or operator makes the
 * argument not constant. An argument list takes its largest constant argument (calloc(65536,
 * sizeof(int)): 65536). */
#define CV_DEPTH 16
struct cv_level {
        double val; /* log10 of the current argument's product */
        double max; /* the largest constant argument so far, -1: none */
        bool konst; /* the current argument is constant so far */
        bool num;   /* ... and has a value */
        bool all;   /* every argument so far was constant */
        bool alloc; /* the brackets of an allocation (calloc(...), table[...]) */
        char op;    /* before the next factor: '*', 's' (<<), 'p' (**), 0 */
};

struct lexer {
        const char *s;
        size_t len, i;
        bool py;
        struct names size, sized; /* size names; collections allocated with them */
        struct names consts;      /* names of constants, their log10 value in scale */
        struct cv_level cv[CV_DEPTH];
        const struct fn_table *fns; /* every function of the text */
        int pending_fn;             /* the last identifier names one, a '(' follows */
        struct {
                int fn;
                unsigned depth, arg;
        } calls[8]; /* calls of the text's functions being read, innermost last */
        size_t ncalls;
        uint32_t bound[MAX_FNS]; /* bit k: the size is passed as parameter k */
        struct loop loops[MAX_LOOPS];
        size_t nloops;
        unsigned bd, pd;      /* brace depth; paren and bracket depth */
        char brk[64];         /* open brackets, innermost last */
        bool opaque[64];      /* ... and whether it is a call that does not allocate */
        bool ctor, after_new; /* the last identifier constructs (new X, a type); "new" */
        /* C-like declarations: the last identifier is a type (int, a struct's tag, ...); the
         * one before names a declared variable, its '[' an array of that type */
        bool typed, after_tag, declarator;
        bool chain; /* in a product with a size name: W * 3 / 4 (numbers, '*', '/', ')') */
        struct stmt st;
        /* loop header being read */
        bool in_header;
        unsigned header_pd;
        bool header_over;
        unsigned char header_deg; /* the largest power of the size names it mentions */
        const char *header_var;   /* the variable the header declares, as far as read */
        size_t header_var_len;
        bool header_var_done;
        /* a while loop's first name (cap in `while (cap < N * 2)`), and, once its header
         * mentioned the size, the name it doubles (cap <<= 1, cap *= 2) is a size name */
        bool header_while;
        /* the header's condition (a while's, or a for's between its ';') names the counter of
         * an enclosing loop over the size: this loop advances that counter, and the two
         * together run the size once (while (i < n) { for (; *w && i < n; w++) ... }) */
        bool header_shared, conj_start; /* ... a conjunct's first name: i in `*w && i < n` */
        unsigned header_semis;
        const char *while_name, *grow_name;
        size_t while_len, grow_len;
        bool line_start; /* no token yet on this logical line (Python) */
        size_t line_indent;
        const char *last_id, *assign_id;
        unsigned last_deg; /* the degree the last identifier added (a size name's) */
        size_t last_len, assign_len;
        char prev; /* previous punctuation or 'i' for an identifier, 'n' for a number */
        /* results */
        double alloc_power, loop_power, elem;
        bool whole_input;
        double unit_shift;  /* NAME << 20: the size counts MiB */
        bool exponent;      /* 1 << N, 2 ** N: the size is an exponent */
        double const_bytes; /* bytes allocated in constant size, outside size loops */
};

static unsigned active_size_loops(const struct lexer *L)
{
        unsigned k = 0;
        for (size_t i = 0; i < L->nloops; i++)
                k += L->loops[i].over_size ? L->loops[i].deg : 0;
        return k;
}

static unsigned deg_of(const struct stmt *st, size_t k)
{
        return k < sizeof(st->dcur) ? (st->dcur[k] > st->dmax[k] ? st->dcur[k] : st->dmax[k]) : 0;
}

static void deg_add(struct stmt *st, size_t k, unsigned v)
{
        if (k < sizeof(st->dcur))
                st->dcur[k] = (unsigned char)(st->dcur[k] + v > 255 ? 255 : st->dcur[k] + v);
}

static void deg_sep(struct stmt *st, size_t k)
{
        if (k < sizeof(st->dcur)) {
                st->dmax[k] = (unsigned char)deg_of(st, k);
                st->dcur[k] = 0;
        }
}

static void cv_reset(struct cv_level *c, bool alloc)
{
        *c = (struct cv_level){.max = -1, .konst = true, .all = true, .alloc = alloc};
}

/* A factor lv (log10 of v) at level k. */
static void cv_factor(struct lexer *L, size_t k, double lv, double v)
{
        if (k >= CV_DEPTH)
                return;
        struct cv_level *c = &L->cv[k];
        if (c->num && c->op == '*')
                c->val += lv;
        else if (c->num && c->op == 's')
                c->val += (v < 64 ? v : 64) * log10(2.0);
        else if (c->num && c->op == 'p')
                c->val *= v < 64 ? v : 64;
        else if (!c->num)
                c->val = lv;
        else
                c->konst = false; /* two values with no product between them */
        c->num = true;
        c->op = 0;
        if (c->val > 12)
                c->val = 12;
}

static void cv_poison(struct lexer *L, size_t k)
{
        if (k < CV_DEPTH)
                L->cv[k].konst = false;
}

static void cv_arg_end(struct cv_level *c)
{
        if (c->konst && c->num && c->val > c->max)
                c->max = c->val;
        c->all &= c->konst;
        c->val = 0;
        c->num = false;
        c->konst = true;
        c->op = 0;
}

/* The brackets at level k close: their value is a factor of level k - 1, or makes it not
 * constant; an allocation's brackets give the statement its constant size. */
static void cv_close(struct lexer *L, size_t k)
{
        if (k == 0 || k >= CV_DEPTH) {
                if (k == CV_DEPTH)
                        cv_poison(L, k - 1); /* brackets too deep to follow */
                return;
        }
        struct cv_level *c = &L->cv[k];
        cv_arg_end(c);
        struct stmt *st = &L->st;
        if (c->alloc) {
                /* a dimension of unknown length ends the product of the dimensions */
                st->dims = c->max > 0 ? st->dims + c->max : -1000;
                if (st->dims > st->alloc_const)
                        st->alloc_const = st->dims;
        }
        if (c->all && c->max >= 0)
                cv_factor(L, k - 1, c->max, pow(10, c->max));
        else if (!c->all)
                cv_poison(L, k - 1);
}

/* A name assigned from the size outside the loops over it is a size too (H = W * 3 / 4,
 * cap = N * 96, n = W * H standing for the size squared); inside them it is a value
 * (fy = j * (h - 1)). The statement's declarator being read: its degree is that of level 0. */
static void derive_name(struct lexer *L, unsigned loops)
{
        const struct stmt *st = &L->st;
        if (!st->target || !st->rhs_sizes || loops || !st->plain ||
            names_has(&L->size, st->target, st->target_len))
                return;
        names_add(&L->size, st->target, st->target_len);
        int k = names_index(&L->size, st->target, st->target_len);
        if (k < 0)
                return;
        double sc = st->mult + st->scale_max;
        unsigned deg = deg_of(st, 0);
        L->size.scale[k] = sc < -3 ? -3 : sc > 6 ? 6 : sc;
        L->size.deg[k] = (unsigned char)(deg < 1 ? 1 : deg > 3 ? 3 : deg);
}

static void end_statement(struct lexer *L)
{
        struct stmt *st = &L->st;
        cv_arg_end(&L->cv[0]); /* the statement's constant value is complete */
        unsigned loops = active_size_loops(L);
        double work = loops + st->cfor;
        if (work > L->loop_power)
                L->loop_power = work;
        for (size_t k = L->pd; k > 0; k--) /* brackets left open */
                deg_add(st, k - 1, deg_of(st, k));
        st->seg_max = deg_of(st, 0);
        if (st->grows && st->has_string && loops > 0)
                st->cue = true; /* text += '...' in a loop over the size */
        if (st->defn)
                st->cue = false;
        if (st->cue) {
                /* an allocation sized by the size itself, bound to a name inside a loop over
                 * the size, replaces the last one (a row buffer, `cur = [0] * (N + 1)`): the
                 * loop does not multiply it. Cells of fixed size (a list node) or stores into
                 * a collection (rows[i] = ..., rows.append(...)) do accumulate */
                double power =
                    st->seg_max + ((st->plain && st->seg_max > 0) || st->local ? 0 : loops);
                if (power > 4)
                        power = 4;
                /* the constant factors make the element larger: N * 96 chars are N cells of 96
                 * bytes (8 when no type word says) */
                double scale = st->mult + st->scale_sum, elem = st->elem;
                if (elem == 0 && st->bytes)
                        elem = 1; /* malloc(n * 3): bytes, when no sizeof says otherwise */
                if (power > 0 && scale != 0) {
                        elem = (elem > 0 ? elem : 8) * pow(10, scale > 6 ? 6 : scale);
                        elem = elem < 1 ? 1 : elem;
                }
                if (power > L->alloc_power ||
                    (power == L->alloc_power && power > 0 && elem > L->elem)) {
                        L->alloc_power = power;
                        L->elem = elem;
                }
                if (power > 0 && st->target)
                        names_add(&L->sized, st->target, st->target_len);
                double cv = st->alloc_const;
                if (st->list_mul && L->cv[0].all && L->cv[0].max > cv)
                        cv = L->cv[0].max;
                if (st->const_cells > 0) /* the declarators before the last */
                        cv = log10(st->const_cells + (cv > 0 ? pow(10, cv) : 0));
                if (power == 0 && loops == 0 && st->sizes == 0 && cv >= 3) {
                        /* an allocation of constant size: a table, a buffer */
                        double e = st->elem > 0 ? st->elem : st->bytes ? 1 : 8;
                        L->const_bytes += e * pow(10, cv);
                }
        } else {
                derive_name(L, loops);
        }
        if (!st->cue && st->target && st->assigned && st->sizes == 0 && L->cv[0].all &&
            L->cv[0].max > 0 && !names_has(&L->size, st->target, st->target_len) &&
            !names_has(&L->consts, st->target, st->target_len)) {
                /* TABLE = 1 << 20, #define HASH_SIZE (1 << 18), size_t cap = 65536 */
                names_add(&L->consts, st->target, st->target_len);
                L->consts.scale[L->consts.n - 1] = L->cv[0].max;
        }
        cv_reset(&L->cv[0], false);
        L->st = (struct stmt){0};
        L->chain = false;
        L->ncalls = 0;
        L->assign_id = NULL;
}

/* A while header read: the name it compares with the size may be doubled in its body. */
static void while_header_done(struct lexer *L)
{
        if (L->header_while && L->header_over && L->while_name) {
                L->grow_name = L->while_name;
                L->grow_len = L->while_len;
        }
        L->header_while = false;
}

static void push_loop(struct lexer *L, size_t level, bool braceless, bool over)
{
        over &= !L->header_shared;
        L->header_shared = false;
        bool wh = over && L->header_var == NULL && L->while_name;
        if (L->nloops < MAX_LOOPS)
                L->loops[L->nloops++] = (struct loop){level,
                                                      braceless,
                                                      over,
                                                      L->header_deg ? L->header_deg : 1,
                                                      over ? L->header_var : NULL,
                                                      over ? L->header_var_len : 0,
                                                      wh ? L->while_name : NULL,
                                                      wh ? L->while_len : 0};
}

/* Whether w is the variable of a loop over the size being read: its value runs up to the
 * size (calloc(i + 1, 8) in such a loop allocates N^2 / 2 cells in all). */
static bool size_loop_var(const struct lexer *L, const char *w, size_t n)
{
        for (size_t i = 0; i < L->nloops; i++)
                if (L->loops[i].var && L->loops[i].var_len == n && !memcmp(L->loops[i].var, w, n))
                        return true;
        return false;
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

/* Whether the position is inside the arguments of a call that does not allocate, opened
 * after the statement's last allocating word: the size in random.randrange(N * 3) or
 * Thread(args=(lo, hi)) is a value, not a count of cells. */
static bool in_opaque_call(const struct lexer *L)
{
        /* within the allocation (the call's brackets, or the operand of [0] * N) only the
         * calls opened inside it count */
        size_t at = L->st.alloc_pd ? L->st.alloc_pd - 1 : 0;
        size_t from = L->st.alloc_pd && L->pd >= at ? at : 0;
        for (size_t k = from; k < L->pd && k < sizeof(L->opaque); k++)
                if (L->opaque[k])
                        return true;
        return false;
}

/* A '(' after identifier w opens the arguments of a call that does not allocate (not a
 * keyword's parenthesis, not range(), not an allocating call). */
static bool opaque_call(const char *w, size_t n)
{
        return w && (!alloc_word(w, n) || grow_word(w, n)) && !wordset_has(&open_words, w, n);
}

/* Whether the name at s[at] is what 1 << or 2 ** raises: (size_t)1 << M, 1u << n, 2 ** k. */
static bool shifted_by(const char *s, size_t at)
{
        size_t k = at;
        while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t'))
                k--;
        if (k < 3 ||
            !((s[k - 1] == '<' && s[k - 2] == '<') || (s[k - 1] == '*' && s[k - 2] == '*')))
                return false;
        bool pow2 = s[k - 1] == '*';
        k -= 2;
        while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t'))
                k--;
        /* the base: a literal 1 (2 for **), with an integer suffix or after a cast */
        while (k > 0 && strchr("uUlL", s[k - 1]))
                k--;
        if (k == 0 || s[k - 1] != (pow2 ? '2' : '1'))
                return false;
        return k == 1 || !ident_cont((unsigned char)s[k - 2]);
}

static void on_ident(struct lexer *L, const char *w, size_t n)
{
        struct stmt *st = &L->st;
        bool is_size = names_has(&L->size, w, n);
        /* a size that divides, pixels / WIDTH, or takes a remainder, cur % side: what it gives
         * is not a multiple of the size */
        bool divisor = is_size && (L->prev == '/' || L->prev == '%') && !L->in_header;
        if (L->in_header) {
                if (is_size || names_has(&L->sized, w, n)) {
                        L->header_over = true;
                        unsigned char d = is_size ? L->size.deg[names_index(&L->size, w, n)] : 1;
                        if (d > L->header_deg)
                                L->header_deg = d;
                } else if (L->header_while && !L->while_name) {
                        L->while_name = w;
                        L->while_len = n;
                }
                bool first = L->conj_start;
                L->conj_start = false;
                if (word_is(w, n, "and") || word_is(w, n, "or"))
                        L->conj_start = true;
                else if ((L->header_while || L->header_semis == 1) && !is_size &&
                         !(L->header_var && L->header_var_len == n &&
                           !memcmp(L->header_var, w, n))) /* its own: for (i = j; i < N; ..) */
                        for (size_t k = 0; k < L->nloops; k++) {
                                const struct loop *o = &L->loops[k];
                                if (!o->over_size ||
                                    !((o->var && o->var_len == n && !memcmp(o->var, w, n)) ||
                                      (o->counter && o->counter_len == n &&
                                       !memcmp(o->counter, w, n))))
                                        continue;
                                /* first in a conjunct, the enclosing counter is advanced here;
                                 * later in a for loop's condition, it bounds that loop's own
                                 * variable: a triangle, for (k = 0; k < j; k++) inside
                                 * for (j < N), nests */
                                if (first)
                                        L->header_shared = true;
                                else if (!L->header_while && L->header_var &&
                                         L->pd == L->header_pd + 1 &&
                                         !(L->i < L->len &&
                                           (L->s[L->i] == '.' || L->s[L->i] == '[')))
                                        L->header_over = true; /* not chunk.length, first[c + 1]:
                                                                  a part */
                        }
                if (word_is(w, n, "in") || word_is(w, n, "of"))
                        L->header_var_done = true;
                else if (!L->header_var_done && type_bytes(w, n) == 0 && !word_is(w, n, "let") &&
                         !word_is(w, n, "var") && !word_is(w, n, "const") &&
                         !word_is(w, n, "auto") && !word_is(w, n, "final")) {
                        L->header_var = w;
                        L->header_var_len = n;
                }
                return;
        }
        if ((word_is(w, n, "for") || word_is(w, n, "while")) && !(L->py && L->pd > 0)) {
                if (!L->py || L->line_start) {
                        L->in_header = true;
                        L->header_over = false;
                        L->header_deg = 0;
                        /* only a for loop declares a variable that counts */
                        L->header_var = NULL;
                        L->header_var_len = 0;
                        L->header_var_done = word_is(w, n, "while");
                        L->header_while = word_is(w, n, "while");
                        L->while_name = NULL;
                        L->header_shared = false;
                        L->header_semis = 0;
                        L->conj_start = L->header_while;
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
                /* #define PIX(x, y) src[...]: a macro with parameters is no size */
                st->plain = !(L->i < L->len && L->s[L->i] == '(');
                cv_reset(&L->cv[0], false); /* the value follows the name */
                /* #define N (1 << 20): the parenthesis holds its value, not a call's
                 * arguments */
                L->last_id = NULL;
                L->last_len = 0;
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
        L->chain = is_size;
        /* a constant name is a factor of the constant value; type words and sizeof leave it be;
         * any other name makes the argument not constant (checked only while it still is) */
        double tb = type_bytes(w, n);
        if (tb > 0 && (word_is(w, n, "unsigned") || word_is(w, n, "signed"))) {
                /* a modifier: `unsigned char` is a char; `unsigned` alone an int */
                size_t j = L->i;
                while (j < L->len && (L->s[j] == ' ' || L->s[j] == '\t'))
                        j++;
                size_t e = j;
                while (e < L->len && ident_cont((unsigned char)L->s[e]))
                        e++;
                if (e > j && type_bytes(L->s + j, e - j) > 0)
                        tb = 0;
        }
        int ci = is_size ? -1 : names_index(&L->consts, w, n);
        if (ci >= 0)
                cv_factor(L, L->pd, L->consts.scale[ci], pow(10, L->consts.scale[ci]));
        else if (L->pd < CV_DEPTH && L->cv[L->pd].konst &&
                 !(tb > 0 || word_is(w, n, "sizeof") || word_is(w, n, "const") ||
                   word_is(w, n, "unsigned") || word_is(w, n, "static") || word_is(w, n, "new")))
                cv_poison(L, L->pd);
        if (is_size && L->ncalls && L->pd >= L->calls[L->ncalls - 1].depth) {
                /* the size passed to a function of the text: its parameter is a size name */
                unsigned a = L->calls[L->ncalls - 1].arg;
                L->bound[L->calls[L->ncalls - 1].fn] |= 1u << (a < 31 ? a : 31);
        }
        if (!is_size && st->alloc_pd && L->pd >= st->alloc_pd && !in_opaque_call(L) &&
            st->alloc_cells && size_loop_var(L, w, n))
                deg_add(st, L->pd, 1); /* calloc(i + 1, 8) in a loop over the size */
        if (!is_size)
                L->last_deg = 0;
        if (is_size && !L->in_header && shifted_by(L->s, (size_t)(w - L->s)))
                L->exponent = true;
        if (is_size) {
                st->sizes++;
                int si = names_index(&L->size, w, n);
                double sc = L->size.scale[si];
                if (sc > st->scale_max || st->sizes == 1)
                        st->scale_max = sc;
                /* a member of a size, opts.vertices: the size once */
                unsigned d = L->size.deg[si];
                if (L->prev == '.')
                        d = d > L->last_deg ? d - L->last_deg : 0;
                if (divisor)
                        d = 0;
                L->last_deg = d;
                if (!in_opaque_call(L)) {
                        deg_add(st, L->pd, d);
                        st->scale_sum += sc;
                }
                if (st->assigned && !divisor)
                        st->rhs_sizes++;
                if (st->cfor_pending) {
                        st->cfor++;
                        st->cfor_pending = false;
                }
        }
        bool call = L->i < L->len && L->s[L->i] == '(';
        int fn = -1; /* the first allocating function of that name */
        L->pending_fn = -1;
        for (size_t k = 0; call && L->fns && k < L->fns->n; k++) {
                const struct fn_info *fi = &L->fns->fn[k];
                if (fi->name == w) {
                        call = false; /* the definition itself, not a call */
                        st->defn = true;
                } else if (fi->name_len == n && !memcmp(fi->name, w, n)) {
                        L->pending_fn = (int)k;
                        if (fn < 0 && fi->allocates)
                                fn = (int)k;
                }
        }
        /* a growing word that names a function of the text growing nothing is that function */
        bool own_still = call && L->fns && still_function(L->fns, NULL, w, n);
        if (!call)
                L->pending_fn = fn = -1;
        if (fn >= 0) {
                st->cap_pd = L->pd + 2; /* its arguments, once its '(' is open */
                st->cap = L->fns->fn[fn].power;
        }
        if (call && wordset_has(&byte_alloc_words, w, n))
                st->bytes = true;
        /* an allocating word is a call or a constructor (new, ArrayList<...>): a counter
         * named zeros or a variable named fill allocates nothing */
        bool alloc = (call || (L->i < L->len && L->s[L->i] == '<') || word_is(w, n, "new")) &&
                     alloc_word(w, n) && !own_still;
        if (alloc || (call && write_word(w, n)) || fn >= 0 ||
            (call && L->py && isupper((unsigned char)w[0]))) {
                /* an allocating word, a call of a function of the text that allocates, or a
                 * Python constructor (Record(...)) */
                st->cue = true;
                if (!grow_word(w, n)) {
                        st->alloc_pd = L->pd + 1;
                        st->alloc_opened = false;
                        st->alloc_cells = tb > 0 || wordset_has(&cell_alloc_words, w, n);
                }
        }
        if (wordset_has(&whole_words, w, n) || (word_is(w, n, "read") && L->i + 1 < L->len &&
                                                L->s[L->i] == '(' && L->s[L->i + 1] == ')'))
                L->whole_input = true;
        double b = tb;
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
        L->ctor = L->after_new || b > 0 || fn >= 0;
        L->after_new = word_is(w, n, "new");
        /* int a[N], static struct entry table[N], double *rows[N]: the name follows a type word
         * (or a struct/union tag) directly or through '*' */
        L->declarator = !L->py && L->typed &&
                        (L->prev == 'i' || L->prev == '*' || (L->prev == ',' && L->pd == 0));
        L->typed = (tb > 0 && !word_is(w, n, "struct")) || L->after_tag;
        if (L->typed && L->pd == 0 && !st->assigned)
                st->typed_decl = true;
        L->after_tag = word_is(w, n, "struct") || word_is(w, n, "union");
        L->last_id = w;
        L->last_len = n;
        /* the name an '=' assigns: not one inside an index (a[N] = ..., (*bp)[S] = ...) */
        bool indexed = false;
        for (size_t k = 0; k < L->pd && k < sizeof(L->brk); k++)
                indexed |= L->brk[k] == '[';
        if (!indexed) {
                L->assign_id = w;
                L->assign_len = n;
        }
}

/* A number at s[b .. L->i): a constant factor of the statement when it multiplies or divides
 * (N * 96, 96 * N, W * 3 / 4; not 10 ** 6, not N + 1), outside calls that hide their
 * arguments' sizes and outside loop headers. */
static void on_number(struct lexer *L, size_t b)
{
        if (L->in_header || in_opaque_call(L))
                return;
        const char *s = L->s;
        /* the leading digits' value ('_' separators skipped), and whether the rest is only an
         * integer suffix (10L, 10UL) */
        double v = 0;
        size_t q = b;
        for (; q < L->i && (isdigit((unsigned char)s[q]) || s[q] == '_'); q++)
                if (s[q] != '_')
                        v = v * 10 + (s[q] - '0');
        bool integer = true;
        for (; q < L->i; q++)
                integer &= (s[q] | 0x20) == 'l' || (s[q] | 0x20) == 'u';
        /* a size is an integer below 1e9 written in decimal (not a hash constant, a modulus) */
        if (integer && v >= 1 && v < 1e9 && !(s[b] == '0' && L->i - b > 1))
                cv_factor(L, L->pd, log10(v), v);
        else if (!(integer && v == 0))
                cv_poison(L, L->pd); /* 0 is a neutral fill value: [0] * K */
        size_t p = b;
        while (p > 0 && (s[p - 1] == ' ' || s[p - 1] == '\t'))
                p--;
        bool after_star = p >= 1 && s[p - 1] == '*' && !(p >= 2 && s[p - 2] == '*');
        size_t j = L->i;
        while (j < L->len && (s[j] == ' ' || s[j] == '\t'))
                j++;
        bool before_star = j < L->len && s[j] == '*' && !(j + 1 < L->len && s[j + 1] == '*');
        bool after_slash = L->prev == '/';
        if (before_star && !L->chain) {
                /* 96 * N: the name after the '*' */
                size_t k = j + 1;
                while (k < L->len && (s[k] == ' ' || s[k] == '\t'))
                        k++;
                size_t e = k;
                while (e < L->len && ident_cont((unsigned char)s[e]))
                        e++;
                before_star = e > k && names_has(&L->size, s + k, e - k);
        }
        if (!((after_star || after_slash) && L->chain) && !before_star)
                return;
        if (v <= 1 || v > 1e6)
                return;
        L->st.mult += after_slash ? -log10(v) : log10(v);
}

/* Punctuation and the constant value at the current level: '*', '<<', '**' continue a product,
 * ',' ends an argument, any other operator makes the argument not constant; '=' starts the
 * value of an assignment. Brackets are handled where they open and close. */
static void cv_punct(struct lexer *L, char c)
{
        size_t k = L->pd;
        if (k >= CV_DEPTH || c == '(' || c == '[' || c == ')' || c == ']' || c == '{' || c == '}' ||
            c == ';')
                return; /* brackets: where they open and close; ';' ends the statement */
        char next = L->i < L->len ? L->s[L->i] : ' ';
        struct cv_level *v = &L->cv[k];
        if ((c == '*' || c == '<') && next == c)
                return; /* the first half of ** or << */
        if (c == '*')
                v->op = L->prev == '*' ? 'p' : '*';
        else if (c == '<' && L->prev == '<')
                v->op = 's';
        else if (c == ',')
                cv_arg_end(v);
        else if (c == '=' && k == 0 && !strchr("=!<>+-*/%&|^", L->prev) && next != '=')
                cv_reset(v, false);
        else
                v->konst = false;
}

/* Punctuation c at L->i - 1. */
static void on_punct(struct lexer *L, char c)
{
        struct stmt *st = &L->st;
        if (!L->in_header)
                cv_punct(L, c);
        if (c != '*')
                L->typed = L->after_tag = false; /* sizeof(int) * a[N] declares nothing */
        if (c != '*' && c != '/' && c != ')')
                L->chain = false;
        if (c == '(' && L->pending_fn >= 0 && L->prev == 'i' &&
            L->ncalls < sizeof(L->calls) / sizeof(L->calls[0])) {
                L->calls[L->ncalls].fn = L->pending_fn;
                L->calls[L->ncalls].depth = L->pd + 1;
                L->calls[L->ncalls++].arg = 0;
        }
        L->pending_fn = -1;
        if (c == ',' && L->ncalls && L->pd == L->calls[L->ncalls - 1].depth)
                L->calls[L->ncalls - 1].arg++;
        if (c == '(' || c == '[' || (c == '{' && L->pd > 0)) {
                if (L->pd < sizeof(L->brk)) {
                        L->brk[L->pd] = c;
                        L->opaque[L->pd] = c == '(' && L->prev == 'i' && !L->ctor &&
                                           opaque_call(L->last_id, L->last_len);
                }
                if (st->alloc_pd && L->pd == st->alloc_pd - 1)
                        st->alloc_opened = true;
                size_t k = L->pd + 1;
                /* the next dimension of an array type inside brackets, sizeof(double[n][m]):
                 * the dimensions multiply */
                if (c == '[' && L->prev == ']' && L->pd > 0 && k < sizeof(st->dmul) && st->dmul[k])
                        st->dmul[L->pd] = true;
                if (k < sizeof(st->dcur)) {
                        bool named = L->prev == 'i' && L->last_id;
                        bool alloc_call = named && ((alloc_word(L->last_id, L->last_len) &&
                                                     !grow_word(L->last_id, L->last_len)) ||
                                                    type_bytes(L->last_id, L->last_len) > 0 ||
                                                    st->cap_pd == L->pd + 2);
                        st->dcur[k] = st->dmax[k] = 0;
                        st->dcap[k] = (unsigned char)(st->cap_pd == L->pd + 2 ? st->cap + 1 : 0);
                        /* a tuple inside an allocating call's arguments multiplies too:
                         * zeros((N, N)) */
                        st->dmul[k] = alloc_call || (c == '(' && !named && st->dmul[k - 1]);
                        /* an if's condition counts nothing: if (img[y * W + x] > t) */
                        if (c == '(' && named && word_is(L->last_id, L->last_len, "if"))
                                st->dcap[k] = 1;
                        /* a pointer to rows, double (*a)[n] = ...: the row's type, no cells */
                        if (c == '[' && L->pd == 0 && L->prev == ')' && !st->assigned && !L->py)
                                st->dcap[k] = 1;
                }
                if (c == '[' && L->pd == 0 && L->prev == 'i' && L->declarator) {
                        /* an array declared with its length (a global table, a local buffer):
                         * its cells are allocated, and one declared inside a loop is the same
                         * array each time round (plain: the loops do not multiply it) */
                        st->cue = true;
                        st->plain = st->local = true;
                        if (k < sizeof(st->dmul))
                                st->dmul[k] = true; /* a[N][M]: N x M cells */
                }
                if (L->pd + 1 < CV_DEPTH) {
                        /* the brackets of an allocation: right after its word, a declared
                         * array's length, or the next dimension of either */
                        bool next_dim = c == '[' && L->prev == ']' && st->dims > 0;
                        bool alloc =
                            next_dim ||
                            (st->alloc_pd && L->pd == st->alloc_pd - 1 && L->prev == 'i') ||
                            (c == '[' && L->pd == 0 && L->prev == 'i' && L->declarator);
                        if (alloc && !next_dim)
                                st->dims = 0;
                        cv_reset(&L->cv[L->pd + 1], alloc);
                }
                L->pd++;
                if (c == '[' && L->py && L->prev == '*')
                        st->cue = true; /* N * [0] */
                return;
        }
        if (c == ')' || c == ']' || (c == '}' && L->pd > 0)) {
                if (L->pd && !L->in_header)
                        cv_close(L, L->pd);
                if (L->pd) {
                        unsigned v = deg_of(st, L->pd);
                        if (L->pd < sizeof(st->dcap) && st->dcap[L->pd] && v > st->dcap[L->pd] - 1u)
                                v = st->dcap[L->pd] - 1u;
                        L->pd--;
                        deg_add(st, L->pd, v);
                }
                if (st->alloc_pd && st->alloc_opened && L->pd == st->alloc_pd - 1)
                        st->alloc_pd = 0; /* the allocating call is over */
                if (st->cap_pd && L->pd + 1 < st->cap_pd)
                        st->cap_pd = 0;
                while (L->ncalls && L->pd < L->calls[L->ncalls - 1].depth)
                        L->ncalls--;
                if (L->in_header && L->pd == L->header_pd && !L->py) {
                        /* the header's closing parenthesis: a braced body or one statement */
                        L->in_header = false;
                        size_t j = L->i;
                        while (j < L->len && isspace((unsigned char)L->s[j]))
                                j++;
                        bool brace = j < L->len && L->s[j] == '{';
                        end_statement(L);
                        while_header_done(L);
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
                if (c == '=' || c == ':' || c == ';' || c == ',')
                        L->header_var_done = true;
                if (c == ';' && L->pd == L->header_pd + 1)
                        L->conj_start = ++L->header_semis == 1;
                if (c == '&' || c == '|')
                        L->conj_start = true;
                if (L->py && c == ':' && L->pd == L->header_pd) {
                        L->in_header = false;
                        end_statement(L);
                        while_header_done(L);
                        push_loop(L, L->line_indent, false, L->header_over);
                        double w = active_size_loops(L);
                        if (w > L->loop_power)
                                L->loop_power = w;
                }
                return;
        }
        if (c == ',' && L->pd == 0) {
                if (st->alloc_const > 0) {
                        /* static double a[S][S], b[S][M]: each declarator its own cells */
                        st->const_cells += pow(10, st->alloc_const);
                        st->alloc_const = st->dims = 0;
                }
                L->typed = st->typed_decl && !L->py; /* the next declarator's type */
                if (!L->py && st->assigned && !st->cue && !st->header && !st->define) {
                        /* int w = SIDE, h = SIDE: each declarator names its own size; the
                         * next one's '=' starts afresh */
                        derive_name(L, active_size_loops(L));
                        st->assigned = st->plain = false;
                        st->target = NULL;
                        st->target_len = 0;
                        st->rhs_sizes = 0;
                        st->mult = st->scale_max = 0;
                        st->dcur[0] = st->dmax[0] = 0;
                        L->assign_id = NULL;
                }
                deg_sep(st, 0); /* the next declarator */
                return;
        }
        if (c == ',' && L->pd < sizeof(st->dmul) && !st->dmul[L->pd])
                deg_sep(st, L->pd); /* the next value */
        if ((c == '+' || c == '-') && L->i < L->len && L->s[L->i] != c && L->s[L->i] != '=' &&
            L->s[L->i] != '>' && !(L->i >= 2 && L->s[L->i - 2] == c))
                deg_sep(st, L->pd); /* a sum: its largest term */
        if (c == '*' && L->py && L->prev == ']') {
                st->cue = true; /* [0] * N */
                st->list_mul = true;
                st->alloc_pd = L->pd + 1;
                st->alloc_opened = false;
        }
        if (c == '=' && L->pd == 0 && L->prev == '+')
                st->grows = true;
        if (c == '=' && L->pd == 0 &&
            (L->prev == '*' || (L->prev == '<' && L->i >= 3 && L->s[L->i - 3] == '<')) &&
            L->grow_name && L->last_id && L->last_len == L->grow_len &&
            !memcmp(L->last_id, L->grow_name, L->grow_len) &&
            !names_has(&L->size, L->last_id, L->last_len)) {
                /* cap <<= 1 in `while (cap < N * 2)`: the capacity follows the size (about
                 * twice it) */
                names_add(&L->size, L->last_id, L->last_len);
                int k = names_index(&L->size, L->last_id, L->last_len);
                if (k >= 0)
                        L->size.scale[k] = log10(2.0);
                L->grow_name = NULL;
        }
        if (c == '=' && L->pd == 0 && !st->assigned) {
                char before = L->i >= 2 ? L->s[L->i - 2] : ' ';
                char after = L->i < L->len ? L->s[L->i] : ' ';
                if (!strchr("=!<>+-*/%&|^:~", before) && after != '=' && L->last_id) {
                        st->assigned = true;
                        st->plain = L->prev == 'i';
                        st->target = L->assign_id ? L->assign_id : L->last_id;
                        st->target_len = L->assign_id ? L->assign_len : L->last_len;
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
                        /* ... and the braceless loops whose one statement was that block:
                         * for (i ...) for (j ...) { ... } ends both */
                        while (L->nloops && !L->py && L->loops[L->nloops - 1].braceless &&
                               L->loops[L->nloops - 1].level == L->bd)
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

/* If s[i] starts a comment (//, block, '#' in Python-like text) or a quoted string ('…', "…",
 * `…`, ending at their quote or the line's end; triple-quoted ones may span lines), the index
 * just past it, *string saying which; else i. */
static size_t skip_noise(const char *s, size_t len, size_t i, bool py, bool *string)
{
        char c = s[i];
        *string = false;
        if ((c == '/' && i + 1 < len && s[i + 1] == '/') || (c == '#' && py)) {
                while (i < len && s[i] != '\n')
                        i++;
                return i;
        }
        if (c == '/' && i + 1 < len && s[i + 1] == '*') {
                for (size_t j = i + 2; j + 1 < len; j++)
                        if (s[j] == '*' && s[j + 1] == '/')
                                return j + 2;
                return len;
        }
        if (c != '"' && c != '\'' && c != '`')
                return i;
        *string = true;
        if (i + 2 < len && s[i + 1] == c && s[i + 2] == c) {
                size_t j = i + 3;
                while (j + 2 < len && !(s[j] == c && s[j + 1] == c && s[j + 2] == c))
                        j++;
                return j + 3 < len ? j + 3 : len;
        }
        i++;
        while (i < len && s[i] != c && s[i] != '\n') {
                if (s[i] == '\\' && i + 1 < len)
                        i++;
                i++;
        }
        return i < len && s[i] == c ? i + 1 : i;
}

/* Functions defined in the text whose body allocates: `def f(`, `function f(`, or a name whose
 * parameter list is followed by '{' (C, Java, JavaScript methods); the body is taken to run to
 * the next definition. Each gets its parameter power: the most parameters one allocating
 * statement of its body names (make(w, h) around malloc(w * h * 3) is 2; levenshtein(s, t, n,
 * m) around malloc((m + 1) * sizeof(int)) is 1). A call of one with the size in its arguments
 * then allocates that many cells, at most its parameter power of them. */
struct fn_scan {
        struct fn_info fi; /* name and parameters */
        unsigned power;    /* the most parameters in one allocating statement */
        unsigned in_stmt;  /* bit k: parameter k named in the current statement */
        bool stmt_allocates, allocates, grows;
        /* calls of itself with parameter k one step down, one step up */
        unsigned char down[MAX_PARAMS], up[MAX_PARAMS];
};

static void fn_end_statement(struct fn_scan *f)
{
        if (f->stmt_allocates) {
                unsigned k = (unsigned)__builtin_popcount(f->in_stmt);
                if (k > f->power)
                        f->power = k;
        }
        f->in_stmt = 0;
        f->stmt_allocates = false;
}

static void fn_finish(struct fn_scan *f, struct fn_table *all, size_t end)
{
        fn_end_statement(f);
        if (f->fi.name && all->n < MAX_FNS) {
                f->fi.allocates = f->allocates;
                f->fi.grows = f->grows || f->allocates;
                f->fi.power = (unsigned char)f->power;
                f->fi.branches = -1;
                for (size_t k = 0; k < f->fi.nparams && f->fi.branches < 0; k++)
                        if (f->down[k] >= 2 || f->up[k] >= 2)
                                f->fi.branches = (int)k;
                f->fi.body_end = end;
                all->fn[all->n++] = f->fi;
        }
}

/* The parameter names in s[open + 1 .. close): one per comma-separated segment (commas inside
 * brackets or a generic's <...> do not count), the last identifier of the segment once a
 * default (`= 10`) or a Python annotation (`: int`) is cut off -- `struct network *g` is g,
 * `int a[]` is a, `n: int = 10` is n. A segment without a name (a prototype's `int`) keeps its
 * position with an empty name; Python's self and Java's this are not positions (a call
 * obj.f(N) passes N as the first). */
static void fn_params(struct fn_scan *f, const char *s, size_t open, size_t close)
{
        size_t b = open + 1;
        int d = 0;
        for (size_t q = open + 1; q <= close; q++) {
                char ch = s[q];
                d += ch == '(' || ch == '[' || ch == '{' || ch == '<';
                d -= ch == ')' || ch == ']' || ch == '}' || ch == '>';
                if (q < close && (ch != ',' || d != 0))
                        continue;
                size_t e = b;
                while (e < q && s[e] != '=' && s[e] != ':')
                        e++;
                while (e > b && !ident_cont((unsigned char)s[e - 1]))
                        e--;
                size_t st = e;
                while (st > b && ident_cont((unsigned char)s[st - 1]))
                        st--;
                b = q + 1;
                if (st == e && q == close && f->fi.nparams == 0)
                        break; /* () */
                bool self = word_is(s + st, e - st, "self") || word_is(s + st, e - st, "this");
                bool named = st < e && ident_start((unsigned char)s[st]) &&
                             type_bytes(s + st, e - st) == 0 && !word_is(s + st, e - st, "void");
                if (self || f->fi.nparams >= MAX_PARAMS)
                        continue;
                f->fi.param[f->fi.nparams] = s + st;
                f->fi.param_len[f->fi.nparams++] = named ? e - st : 0;
        }
}

/* The ')' matching the '(' at open, or len when a ';' or '{' comes first. */
static size_t close_paren(const char *s, size_t len, size_t open)
{
        size_t depth = 0;
        for (size_t k = open; k < len; k++) {
                depth += s[k] == '(';
                if (s[k] == ')' && --depth == 0)
                        return k;
                if (s[k] == ';' || s[k] == '{')
                        return len;
        }
        return len;
}

/* The parameter of fi that the call whose '(' is at open passes one step on (`n - 1`,
 * `depth - 1`, `row + 1`: a parameter, '+' or '-', a literal below 10), its direction in *sign;
 * -1 for none. Reads at most 256 characters of its arguments. */
static int stepped_call(const struct fn_info *fi, const char *s, size_t len, size_t open, int *sign)
{
        size_t end = open + 256 < len ? open + 256 : len;
        for (size_t q = open + 1; q < end && s[q] != ';' && s[q] != '{'; q++) {
                if (!ident_start((unsigned char)s[q]) || ident_cont((unsigned char)s[q - 1]))
                        continue;
                size_t e = q;
                while (e < end && ident_cont((unsigned char)s[e]))
                        e++;
                int param = -1;
                for (size_t k = 0; k < fi->nparams && param < 0; k++)
                        if (fi->param_len[k] == e - q && !memcmp(fi->param[k], s + q, e - q))
                                param = (int)k;
                size_t t = e;
                while (t < end && (s[t] == ' ' || s[t] == '\t'))
                        t++;
                if (param >= 0 && t + 1 < end && (s[t] == '-' || s[t] == '+') && s[t + 1] != s[t] &&
                    s[t + 1] != '=') {
                        *sign = s[t] == '-' ? -1 : 1;
                        t++;
                        while (t < end && (s[t] == ' ' || s[t] == '\t'))
                                t++;
                        if (t < end && s[t] >= '1' && s[t] <= '9' &&
                            !(t + 1 < end && ident_cont((unsigned char)s[t + 1])))
                                return param;
                }
                q = e - 1;
        }
        return -1;
}

/* Whether w names a function in fns (other than cur) that grows, and whether it names one at
 * all (*found). */
static bool names_growing(const struct fn_table *fns, const struct fn_info *cur, const char *w,
                          size_t n, bool *found)
{
        bool grows = false;
        *found = false;
        for (size_t k = 0; k < fns->n; k++)
                if (fns->fn[k].name_len == n && !memcmp(fns->fn[k].name, w, n) &&
                    !(cur && fns->fn[k].name == cur->name)) {
                        *found = true;
                        grows |= fns->fn[k].grows;
                }
        return grows;
}

/* Whether a growing word (push, add, insert) names a function of the text that grows nothing
 * (a free list's push, an NFA's add to a fixed state list, a Bloom filter's add): a call of it
 * is that function, no growth. known: the functions known so far (in the pass over the
 * functions, those defined before); the function being scanned calling itself is its own body's
 * business. */
static bool still_function(const struct fn_table *known, const struct fn_info *cur, const char *w,
                           size_t n)
{
        if (!grow_word(w, n))
                return false;
        if (cur && cur->name && cur->name_len == n && !memcmp(cur->name, w, n))
                return true;
        bool found;
        return !names_growing(known, cur, w, n, &found) && found;
}

static void allocating_functions_pass(const char *s, size_t len, bool py, struct fn_table *all)
{
        struct fn_scan f = {0};
        unsigned pd = 0; /* bracket depth: statements end outside brackets */
        for (size_t i = 0; i < len;) {
                char c = s[i];
                bool str;
                size_t past = skip_noise(s, len, i, py, &str);
                if (past != i) {
                        i = past; /* a '(' in a comment or a string is none */
                        continue;
                }
                if (!ident_start((unsigned char)c) ||
                    (i > 0 && ident_cont((unsigned char)s[i - 1]))) {
                        if (c == '(' || c == '[')
                                pd++;
                        else if ((c == ')' || c == ']') && pd)
                                pd--;
                        else if (c == ';' || c == '{' || c == '}' || (c == '\n' && !pd))
                                fn_end_statement(&f);
                        i++;
                        continue;
                }
                size_t b = i;
                while (i < len && ident_cont((unsigned char)s[i]))
                        i++;
                const char *w = s + b;
                size_t n = i - b;
                size_t j = i;
                while (j < len && (s[j] == ' ' || s[j] == '\t'))
                        j++;
                size_t open = len, close = len;
                /* definitions are at bracket depth 0: looking for one's parameter list only
                 * there keeps the pass linear (a(a(a(... would rescan the rest each time) */
                if (pd > 0) {
                        /* nothing to look for */
                } else if (word_is(w, n, "def") || word_is(w, n, "function")) {
                        /* the name follows, then its parameters */
                        size_t k = j;
                        while (k < len && ident_cont((unsigned char)s[k]))
                                k++;
                        if (k > j && ident_start((unsigned char)s[j])) {
                                w = s + j;
                                n = k - j;
                                i = k;
                                while (k < len && (s[k] == ' ' || s[k] == '\t'))
                                        k++;
                                if (k < len && s[k] == '(') {
                                        open = k;
                                        close = close_paren(s, len, k);
                                        if (close == len)
                                                open = len;
                                }
                                if (open == len)
                                        open = close = i; /* no parameter list */
                        }
                } else if (j < len && s[j] == '(' && !wordset_has(&nodef_words, w, n)) {
                        /* NAME(...) { : a definition (a call is followed by ';' or more) */
                        size_t k = close_paren(s, len, j);
                        if (k < len) {
                                size_t e = k + 1;
                                while (e < len && isspace((unsigned char)s[e]))
                                        e++;
                                /* Java's `throws X` between the list and the body */
                                if (e + 6 < len && !memcmp(s + e, "throws", 6))
                                        for (size_t m = 0;
                                             m < 256 && e < len && s[e] != '{' && s[e] != ';'; m++)
                                                e++;
                                if (e < len && s[e] == '{') {
                                        open = j;
                                        close = k;
                                }
                        }
                }
                if (open < len) {
                        fn_finish(&f, all, b);
                        f = (struct fn_scan){.fi = {.name = w, .name_len = n, .body = close}};
                        fn_params(&f, s, open, close);
                        i = close > i ? close : i; /* the body follows the parameters */
                        pd = 0;
                        continue;
                }
                if (!f.fi.name)
                        continue;
                int sign = 0,
                    sp = n == f.fi.name_len && !memcmp(w, f.fi.name, n) && j < len && s[j] == '('
                             ? stepped_call(&f.fi, s, len, j, &sign)
                             : -1;
                if (sp >= 0 && sign < 0 && f.down[sp] < 255)
                        f.down[sp]++;
                else if (sp >= 0 && sign > 0 && f.up[sp] < 255)
                        f.up[sp]++;
                /* an allocating call (malloc(, new, ArrayList<>, .fill(), not a variable
                 * that happens to be named like one (unsigned fill = 16 - used) */
                if ((word_is(w, n, "new") || (j < len && (s[j] == '(' || s[j] == '<'))) &&
                    alloc_word(w, n) && !still_function(all, &f.fi, w, n)) {
                        f.allocates = true;
                        /* the arguments of push(f, cell) are values: a call grows by one */
                        f.stmt_allocates |= !grow_word(w, n);
                } else if (j < len && s[j] == '(' && !f.grows) {
                        /* a file written, a Python constructor (Node(key)), a function of the
                         * text that grows (node_new(), flush()): this one grows too */
                        bool found;
                        f.grows = write_word(w, n) || (py && isupper((unsigned char)w[0])) ||
                                  names_growing(all, &f.fi, w, n, &found);
                }
                for (size_t k = 0; k < f.fi.nparams; k++)
                        if (f.fi.param_len[k] == n && !memcmp(f.fi.param[k], w, n))
                                f.in_stmt |= 1u << k;
        }
        fn_finish(&f, all, len);
}

/* Whether the body of fi calls a function of the text that grows (all: every function). */
static bool calls_growing(const char *s, size_t len, bool py, const struct fn_info *fi,
                          const struct fn_table *all)
{
        size_t end = fi->body_end < len ? fi->body_end : len;
        for (size_t i = fi->body; i < end;) {
                bool str;
                size_t past = skip_noise(s, len, i, py, &str);
                if (past != i) {
                        i = past;
                        continue;
                }
                if (!ident_start((unsigned char)s[i]) ||
                    (i > 0 && ident_cont((unsigned char)s[i - 1]))) {
                        i++;
                        continue;
                }
                size_t b = i;
                while (i < end && ident_cont((unsigned char)s[i]))
                        i++;
                size_t j = i;
                while (j < end && (s[j] == ' ' || s[j] == '\t'))
                        j++;
                bool found;
                if (j < end && s[j] == '(' && names_growing(all, fi, s + b, i - b, &found))
                        return true;
        }
        return false;
}

/* The functions of the text. A growing word's function that grows nothing as far as the pass
 * knew may call one defined after it (a put() calling a later flush()): its body is read again
 * with every function known. */
static void allocating_functions(const char *s, size_t len, bool py, struct fn_table *all)
{
        allocating_functions_pass(s, len, py, all);
        for (size_t k = 0; k < all->n; k++) {
                struct fn_info *fi = &all->fn[k];
                if (!fi->grows && grow_word(fi->name, fi->name_len) &&
                    calls_growing(s, len, py, fi, all))
                        fi->grows = true;
        }
}

bool function_param(const char *s, size_t len, const char *name, size_t name_len, unsigned k,
                    const char **param, size_t *param_len)
{
        pthread_once(&words_once, words_init);
        struct fn_table fns = {.n = 0};
        /* the parameters only: what the functions grow is no matter here (one pass) */
        allocating_functions_pass(s, len, python_like(s, len), &fns);
        for (size_t f = 0; f < fns.n; f++) {
                const struct fn_info *fi = &fns.fn[f];
                if (fi->name_len != name_len || memcmp(fi->name, name, name_len))
                        continue;
                if (k >= fi->nparams || fi->param_len[k] == 0)
                        return false;
                *param = fi->param[k];
                *param_len = fi->param_len[k];
                return true;
        }
        return false;
}

/* One pass of the lexer over the text (L set up by size_stats). */
static void lex_run(struct lexer *L)
{
        const char *s = L->s;
        size_t len = L->len;
        while (L->i < len) {
                unsigned char c = (unsigned char)s[L->i];
                if (c == ' ' || c == '\t' || c == '\r') {
                        L->i++;
                        continue;
                }
                if (c == '\n') {
                        L->i++;
                        on_newline(L);
                        continue;
                }
                bool str;
                size_t e = skip_noise(s, len, L->i, L->py, &str);
                if (e != L->i) {
                        L->i = e;
                        if (str) {
                                L->prev = 's';
                                L->st.has_string = true;
                                L->line_start = false;
                        }
                        continue;
                }
                if (ident_start(c)) {
                        size_t st = L->i;
                        while (L->i < len && ident_cont((unsigned char)s[L->i]))
                                L->i++;
                        on_ident(L, s + st, L->i - st);
                        L->prev = 'i';
                        L->line_start = false;
                        continue;
                }
                if (isdigit(c)) {
                        size_t b = L->i;
                        while (L->i < len && (ident_cont((unsigned char)s[L->i]) || s[L->i] == '.'))
                                L->i++;
                        on_number(L, b);
                        L->prev = 'n';
                        L->line_start = false;
                        continue;
                }
                L->i++;
                on_punct(L, (char)c);
                L->prev = (char)c;
                L->line_start = false;
        }
        end_statement(L);
}

/* Whether s[b, e) keeps what it computed: a memo or a cache (a memoised recursion is no
 * exponential one). */
static bool memoised(const char *s, size_t b, size_t e)
{
        for (size_t q = b; q + 4 <= e; q++)
                if (!strncasecmp(s + q, "memo", 4) ||
                    (q + 5 <= e && !strncasecmp(s + q, "cache", 5)))
                        return true;
        return false;
}

/* Where a decorator of the function named at name could start (@lru_cache, @cache): 80
 * characters before its name. */
static size_t decorated_from(const char *s, const char *name)
{
        size_t at = (size_t)(name - s);
        return at > 80 ? at - 80 : 0;
}

/* Where the body of the function whose parameters end at body ends, at most at end: its
 * matching '}' (C-like), or the first line indented no deeper than its def (Python-like). */
static size_t body_end_of(const char *s, size_t end, bool py, const char *name, size_t body)
{
        if (py) {
                size_t ls = (size_t)(name - s);
                while (ls > 0 && s[ls - 1] != '\n')
                        ls--;
                bool blank;
                size_t def = indent_at(s, end, ls, &blank);
                for (size_t i = body; i < end; i++)
                        if (s[i] == '\n' && i + 1 < end) {
                                size_t ind = indent_at(s, end, i + 1, &blank);
                                if (!blank && ind <= def)
                                        return i + 1;
                        }
                return end;
        }
        size_t depth = 0;
        for (size_t i = body; i < end;) {
                bool str;
                size_t past = skip_noise(s, end, i, false, &str);
                if (past != i) {
                        i = past;
                        continue;
                }
                if (s[i] == ';' && depth == 0)
                        return i; /* a prototype */
                if (s[i] == '{')
                        depth++;
                else if (s[i] == '}' && depth && --depth == 0)
                        return i + 1;
                i++;
        }
        return end;
}

/* Whether a size name or a collection allocated with it is the identifier at s[q, t). */
static bool size_word(const struct lexer *L, size_t q, size_t t)
{
        return names_has(&L->size, L->s + q, t - q) || names_has(&L->sized, L->s + q, t - q);
}

/* The identifier after a comparison that follows s[at] (i === items.length, row < N):
 * into [*q, *t); false when none. */
static bool compared_with(const char *s, size_t e, size_t at, size_t *q, size_t *t)
{
        while (at < e && (s[at] == ' ' || s[at] == '\t'))
                at++;
        size_t op = at;
        while (at < e && at - op < 3 && strchr("=!<>", s[at]))
                at++;
        if (at == op || (at - op == 1 && s[op] == '=') || (at - op == 1 && s[op] == '!'))
                return false; /* no comparison: an assignment, a negation */
        while (at < e && (s[at] == ' ' || s[at] == '\t'))
                at++;
        if (at >= e || !ident_start((unsigned char)s[at]))
                return false;
        *q = at;
        while (at < e && ident_cont((unsigned char)s[at]))
                at++;
        *t = at;
        return true;
}

/* Whether s[b, e) compares parameter p with a size name or a collection allocated with it
 * (i === items.length, row == N): how far the recursion goes follows the size. */
static bool param_meets_size(const struct lexer *L, size_t b, size_t e, const char *p, size_t pl)
{
        for (size_t q = b; q < e; q++) {
                if (!ident_start((unsigned char)L->s[q]) ||
                    (q > 0 && ident_cont((unsigned char)L->s[q - 1])))
                        continue;
                size_t t = q;
                while (t < e && ident_cont((unsigned char)L->s[t]))
                        t++;
                size_t q2, t2;
                if (t - q == pl && !memcmp(L->s + q, p, pl) &&
                    compared_with(L->s, e, t, &q2, &t2) && size_word(L, q2, t2))
                        return true;
                if (size_word(L, q, t) && compared_with(L->s, e, t, &q2, &t2) && t2 - q2 == pl &&
                    !memcmp(L->s + q2, p, pl))
                        return true;
                q = t - 1;
        }
        return false;
}

/* Whether fi's calls are exponential in the size: it branches on a step of a parameter that is
 * passed the size (bit k of bound: the size is passed as parameter k) or, passed none, is
 * compared with it in its body (if (row == N) return 1;) -- and keeps no memo or cache. */
static bool exponential_calls(const struct lexer *L, const struct fn_info *fi, uint32_t bound)
{
        if (fi->branches < 0)
                return false;
        size_t end = body_end_of(L->s, fi->body_end, L->py, fi->name, fi->body);
        bool sized = bound ? (bound >> fi->branches & 1) != 0
                           : param_meets_size(L, fi->body, end, fi->param[fi->branches],
                                              fi->param_len[fi->branches]);
        return sized && !memoised(L->s, fi->body, end) &&
               !memoised(L->s, decorated_from(L->s, fi->name), (size_t)(fi->name - L->s));
}

void size_stats(const char *s, size_t len, const char *name, size_t name_len, double out[7])
{
        pthread_once(&words_once, words_init);
        static struct lexer zero;
        struct lexer L = zero;
        static const char none[] = "\x01";
        if (!name || !name_len) {
                /* no size name: only whether the input is read whole */
                name = none;
                name_len = 1;
        }
        struct fn_table fns = {.n = 0};
        L.s = s;
        L.len = len;
        L.py = python_like(s, len);
        L.line_start = true;
        L.pending_fn = -1;
        L.fns = &fns;
        cv_reset(&L.cv[0], false);
        names_add(&L.size, name, name_len);
        allocating_functions(s, len, L.py, &fns);
        bool blank;
        L.line_indent = indent_at(s, len, 0, &blank);
        struct lexer L0 = L;
        lex_run(&L);
        /* the size passed to a function of the text: its parameter is a size name there (a
         * helper's loops over n, a build(n) called with N); a second pass reads the text again
         * with those names */
        bool more = false;
        for (size_t f = 0; f < fns.n; f++)
                for (size_t k = 0; k < fns.fn[f].nparams && k < 32; k++)
                        if ((L.bound[f] >> k & 1) && fns.fn[f].param_len[k] > 0 &&
                            !names_has(&L0.size, fns.fn[f].param[k], fns.fn[f].param_len[k]) &&
                            L0.size.n < MAX_NAMES) {
                                names_add(&L0.size, fns.fn[f].param[k], fns.fn[f].param_len[k]);
                                more = true;
                        }
        if (more) {
                L = L0;
                lex_run(&L);
        }
        out[0] = L.alloc_power;
        out[1] = L.loop_power > 4 ? 4 : L.loop_power;
        out[2] = L.elem > 0 ? log2(L.elem) + 1 : 0;
        if (name == none)
                out[0] = out[1] = out[2] = 0;
        out[3] = L.whole_input;
        /* the size's unit: a name that says MiB or KiB, or NAME << k in the text */
        double shift = L.unit_shift;
        unsigned named_shift = name != none ? name_unit_shift(name, name_len) : 0;
        if (named_shift > shift)
                shift = named_shift;
        out[4] = shift * log10(2.0);
        out[5] = L.const_bytes >= 65536 ? log10(L.const_bytes) : 0;
        /* the size an exponent of cells (1 << N), or of calls (a recursion stepping it) */
        bool expo = false;
        for (size_t f = 0; f < fns.n && !L.exponent && !expo && name != none; f++)
                expo = exponential_calls(&L, &fns.fn[f], L.bound[f]);
        out[6] = L.exponent ? 1 : expo ? 2 : 0;
}
