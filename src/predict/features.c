/* The prediction feature layout: a metadata block (what a notification carries), the analyser's
 * feature vector, and literal statistics of the source text. PREDICT_SCHEMA_VERSION versions
 * the metadata and literal blocks; the analyser's block carries its own FEATURES_VERSION. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "predict/predict.h"
#include "util/cleanup.h"

const char *const target_names[T__COUNT] = {
    "peak_memory_bytes", "cpu_seconds", "avg_cores", "net_bytes", "wall_seconds",
};

const char *const mode_names[MODE__COUNT + 1] = {"metadata", "code", "history"};

const char *const meta_languages[META_LANGS] = {"python", "javascript", "c", "java"};

const char *const meta_algorithms[META_ALGOS] = {
    "sorting",    "searching", "graph",      "dynamic_programming", "matrix",
    "string",     "regex",     "hashing",    "compression",         "json",
    "image",      "recursion", "allocation", "multithreaded",       "file_io",
    "network_io", "other",
};

const char *meta_language_name(int l)
{
        return l < META_LANGS ? meta_languages[l] : "unknown";
}

const char *meta_algorithm_name(int a)
{
        return a < META_ALGOS ? meta_algorithms[a] : "unknown";
}

/* Aliases people type for the languages of the one-hot block. */
static const char *canon_language(const char *l)
{
        static const struct {
                const char *alias, *name;
        } aliases[] = {
            {"py", "python"},       {"python3", "python"},    {"js", "javascript"},
            {"node", "javascript"}, {"nodejs", "javascript"},
        };
        for (size_t i = 0; i < ARRAY_SIZE(aliases); i++)
                if (!strcasecmp(l, aliases[i].alias))
                        return aliases[i].name;
        return l;
}

static int index_of(const char *const *names, size_t n, const char *s)
{
        if (!s || !*s)
                return -1;
        for (size_t i = 0; i < n; i++)
                if (!strcasecmp(names[i], s))
                        return (int)i;
        return -1;
}

unsigned lib_bucket(const char *name, size_t len)
{
        while (len && isspace((unsigned char)*name)) {
                name++;
                len--;
        }
        while (len && isspace((unsigned char)name[len - 1]))
                len--;
        uint32_t h = 2166136261u;
        for (size_t i = 0; i < len; i++) {
                h ^= (uint32_t)tolower((unsigned char)name[i]);
                h *= 16777619u;
        }
        return h % META_LIB_BUCKETS;
}

void meta_vector(const struct notification *n, double *v)
{
        memset(v, 0, sizeof(double) * META_LEN);
        size_t k = 0;
        int li =
            n->language ? index_of(meta_languages, META_LANGS, canon_language(n->language)) : -1;
        v[k + (li < 0 ? META_LANGS : (size_t)li)] = 1;
        k += META_LANGS + 1;
        int ai = index_of(meta_algorithms, META_ALGOS, n->algorithm);
        v[k + (ai < 0 ? META_ALGOS : (size_t)ai)] = 1;
        k += META_ALGOS + 1;
        unsigned count = 0;
        for (const char *p = n->libraries; p && *p;) {
                const char *e = strchr(p, ',');
                size_t len = e ? (size_t)(e - p) : strlen(p);
                const char *s = p;
                size_t l = len;
                while (l && isspace((unsigned char)*s)) {
                        s++;
                        l--;
                }
                if (l) {
                        v[k + lib_bucket(s, l)] += 1;
                        count++;
                }
                p = e ? e + 1 : p + len;
        }
        k += META_LIB_BUCKETS;
        v[k++] = count;
        v[k++] = log1p((double)n->input_bytes);
}

size_t mode_len(enum mode m)
{
        return m == MODE_METADATA ? META_LEN : code_len();
}

const char *feature_name(enum mode m, size_t i, char *buf, size_t len)
{
        if (i < META_LANGS + 1) {
                snprintf(buf, len, "lang_%s", meta_language_name((int)i));
                return buf;
        }
        i -= META_LANGS + 1;
        if (i < META_ALGOS + 1) {
                snprintf(buf, len, "algo_%s", meta_algorithm_name((int)i));
                return buf;
        }
        i -= META_ALGOS + 1;
        if (i < META_LIB_BUCKETS) {
                snprintf(buf, len, "lib_bucket_%zu", i);
                return buf;
        }
        i -= META_LIB_BUCKETS;
        static const char *const tail[] = {"lib_count", "log1p_input_bytes"};
        if (i < ARRAY_SIZE(tail)) {
                snprintf(buf, len, "%s", tail[i]);
                return buf;
        }
        i -= ARRAY_SIZE(tail);
        if (m == MODE_METADATA)
                return NULL;
        size_t nf = code_len() - META_LEN - LIT_LEN;
        if (i < nf) {
                snprintf(buf, len, "f_%s", code_feature_name(i));
                return buf;
        }
        i -= nf;
        static const char *const lit[LIT_LEN] = {
            "lit_log10_max",        "lit_sum_log10",  "lit_count_ge_1000",    "lit_log10_max_named",
            "lit_x_loop_depth",     "sz_alloc_power", "sz_loop_power",        "sz_elem_log2_bytes",
            "sz_reads_input_whole", "sz_log10_unit",  "sz_log10_const_bytes", "sz_exponent",
            "sz_log10_n",           "sz_log10_bytes", "sz_log10_work"};
        if (i < LIT_LEN) {
                snprintf(buf, len, "%s", lit[i]);
                return buf;
        }
        return NULL;
}

void code_vector(const double *meta, const double *features, size_t n_features, const double *lit,
                 double *v)
{
        size_t nf = code_len() - META_LEN - LIT_LEN;
        memcpy(v, meta, sizeof(double) * META_LEN);
        for (size_t i = 0; i < nf; i++)
                v[META_LEN + i] = features && i < n_features ? features[i] : NAN;
        for (size_t i = 0; i < LIT_LEN; i++)
                v[META_LEN + nf + i] = lit ? lit[i] : NAN;
        code_vector_derive(v);
}

void code_vector_derive(double *v)
{
        size_t nf = code_len() - META_LEN - LIT_LEN;
        double *lit = v + META_LEN + nf;
        static size_t depth_at = SIZE_MAX;
        if (depth_at == SIZE_MAX) {
                depth_at = nf; /* absent */
                for (size_t i = 0; i < nf; i++)
                        if (!strcmp(code_feature_name(i), "max_loop_depth"))
                                depth_at = i;
        }
        double depth = depth_at < nf ? v[META_LEN + depth_at] : NAN;
        if (isnan(depth) || depth < 1)
                depth = 1;
        lit[4] = lit[3] * depth; /* NaN when the literals are missing */
        /* the size: the named literal, or the input when the notification says there is one
         * (code that reads its data states no size) */
        double named10 = lit[3] > 0 ? lit[3] + lit[LIT_SIZE_AT + 4] : 0; /* in bytes when MiB */
        double n10 = named10;
        double in = expm1(v[META_LEN - 1]);
        if (in >= 1 && log10(in) > n10)
                n10 = log10(in);
        double power = lit[LIT_SIZE_AT], loops = lit[LIT_SIZE_AT + 1], elem = lit[LIT_SIZE_AT + 2];
        /* what the allocations are sized by: the size, or, for code that streams an input
         * larger than its named constant, that constant (a fixed table of WORDS x BITS words
         * reduced against rows read in blocks is the same table for every input) */
        double alloc10 = n10;
        if (in >= 1 && lit[LIT_SIZE_AT + 3] > 0 && log10(in) >= n10 - 1e-9) {
                /* input read whole, and the size is the input's: bytes, held once */
                power = 1;
                elem = 1;
        } else if (power < 1 && lit[LIT_SIZE_AT + 3] > 0) {
                /* read whole: the input, or what a socket brings (a realloc'd buffer doubled
                 * until the peer is done holds what it was sent, the size in bytes) */
                power = 1;
                if (in < 1 && elem == 0)
                        elem = 1;
        } else if (in >= 1 && log10(in) > named10) {
                /* streamed: the work is the input's, in one pass per byte */
                alloc10 = named10;
                loops = 1;
        }
        lit[LIT_DERIVED_AT] = isnan(lit[3]) ? NAN : n10;
        /* an exponent N stands for 2^N cells or calls: the first power of the size and the
         * first loop are 2^N (dp[1 << N][N] is 2^N x N; fib(N) is 2^N calls), the rest N each
         * -- where the size is the named constant's, not the input's (a table of 1 << VBITS
         * entries filled from stdin is 2^VBITS cells; the work is the input's) */
        /* (an exponent is at most 64: 1 << N overflows beyond it) */
        bool expo = lit[LIT_SIZE_AT + 6] > 0 && named10 <= log10(64.0);
        double two_n = pow(10, named10) * log10(2.0);
        /* ... cells only where 1 << N sizes them (a recursion's calls are work) */
        double first = expo && lit[LIT_SIZE_AT + 6] == 1 && alloc10 == named10 ? two_n : alloc10;
        /* log10 of the bytes: size^power x element bytes (8 when no type word says) */
        lit[LIT_DERIVED_AT + 1] = isnan(lit[3]) ? NAN
                                                : (power >= 1 ? first + alloc10 * (power - 1) : 0) +
                                                      log10(elem > 0 ? exp2(elem - 1) : 8);
        /* plus the tables and buffers of constant size */
        double cb = lit[LIT_SIZE_AT + 5];
        if (cb > 0)
                lit[LIT_DERIVED_AT + 1] = log10(pow(10, lit[LIT_DERIVED_AT + 1]) + pow(10, cb));
        /* log10 of the work: size^(size-loop nesting), at least linear */
        if (isnan(lit[3]))
                lit[LIT_DERIVED_AT + 2] = NAN;
        else if (expo && n10 == named10)
                lit[LIT_DERIVED_AT + 2] = two_n + n10 * (loops > 1 ? loops - 1 : 0);
        else
                lit[LIT_DERIVED_AT + 2] = n10 * (loops > 1 ? loops : 1);
}

void usage_targets(const struct usage *u, double y[T__COUNT])
{
        y[T_MEMORY] = (double)u->peak_memory_bytes;
        y[T_CPU] = (double)u->cpu_ns / 1e6;
        y[T_CORES] = u->avg_cores * 1000.0;
        y[T_NET] = (double)u->net_rx_bytes + (double)u->net_tx_bytes;
        y[T_WALL] = (double)u->wall_ns / 1e6;
}

/* ---- literal statistics ---- */

static inline bool ident_char(int c)
{
        return ((unsigned)(c | 0x20) - 'a' < 26u) || (unsigned)c - '0' < 10u || c == '_' ||
               c == '$';
}

/* Parse a number at s (digits, '_' separators, one '.', exponent, 0x/0b/0o prefixes, integer
 * suffixes). Returns characters consumed; *val gets the value, *integer whether it is
 * integer-valued. */
static size_t parse_number(const char *s, size_t len, double *val, bool *integer)
{
        size_t i = 0;
        char buf[128];
        size_t b = 0;
        *integer = true;
        if (len >= 2 && s[0] == '0' &&
            (s[1] == 'x' || s[1] == 'X' || s[1] == 'b' || s[1] == 'B' || s[1] == 'o' ||
             s[1] == 'O')) {
                int base = (s[1] == 'x' || s[1] == 'X') ? 16 : (s[1] == 'b' || s[1] == 'B') ? 2 : 8;
                double v = 0;
                i = 2;
                for (; i < len; i++) {
                        int c = (unsigned char)s[i];
                        int d;
                        if (c == '_')
                                continue;
                        if (isdigit(c))
                                d = c - '0';
                        else if (isxdigit(c) && base == 16)
                                d = tolower(c) - 'a' + 10;
                        else
                                break;
                        if (d >= base)
                                break;
                        v = v * base + d;
                }
                while (i < len && ident_char((unsigned char)s[i]))
                        i++;
                *val = v;
                return i;
        }
        bool dot = false, exp = false;
        for (; i < len; i++) {
                char c = s[i];
                if (isdigit((unsigned char)c) || c == '_' || c == '\'') {
                        if (c != '_' && c != '\'' && b < sizeof(buf) - 1)
                                buf[b++] = c;
                        continue;
                }
                if (c == '.' && !dot && !exp && i + 1 < len && isdigit((unsigned char)s[i + 1])) {
                        dot = true;
                        if (b < sizeof(buf) - 1)
                                buf[b++] = c;
                        continue;
                }
                if (c == '.' && !dot && !exp && !(i + 1 < len && s[i + 1] == '.')) {
                        /* "1000." or "1000.0": a float literal, integer valued */
                        dot = true;
                        continue;
                }
                if ((c == 'e' || c == 'E') && !exp && i + 1 < len &&
                    (isdigit((unsigned char)s[i + 1]) ||
                     ((s[i + 1] == '+' || s[i + 1] == '-') && i + 2 < len &&
                      isdigit((unsigned char)s[i + 2])))) {
                        exp = true;
                        if (b < sizeof(buf) - 2)
                                buf[b++] = 'e';
                        if (s[i + 1] == '+' || s[i + 1] == '-') {
                                i++;
                                if (b < sizeof(buf) - 1)
                                        buf[b++] = s[i];
                        }
                        continue;
                }
                break;
        }
        /* suffixes: 10L, 10UL, 10n, 1.5f, 10j */
        while (i < len && ident_char((unsigned char)s[i]))
                i++;
        buf[b] = '\0';
        double v = strtod(buf, NULL);
        *val = v;
        *integer = isfinite(v) && v == floor(v);
        return i;
}

static size_t skip_space(const char *s, size_t len, size_t i)
{
        while (i < len && (s[i] == ' ' || s[i] == '\t'))
                i++;
        return i;
}

/* Whether name contains one of words (case-insensitive). */
static bool has_part(const char *name, size_t len, const char *const *words, size_t n)
{
        for (size_t w = 0; w < n; w++) {
                size_t wl = strlen(words[w]);
                for (size_t i = 0; i + wl <= len; i++)
                        if (!strncasecmp(name + i, words[w], wl))
                                return true;
        }
        return false;
}

/* Whether a constant's name says it is not a size (seeds, moduli, masks, hash constants). */
static bool not_a_size_name(const char *name, size_t len)
{
        static const char *const words[] = {"seed", "mod",  "mask",  "prime",  "magic",
                                            "mult", "base", "radix", "cutoff", "thresh"};
        return has_part(name, len, words, ARRAY_SIZE(words));
}

/* Whether s[j] is '*' followed by a multiplier of a generator (a number of at least 1000, or
 * a name: s * 1103515245, h * PRIME), not a capacity's doubling (cap * 2). */
static bool big_multiply(const char *s, size_t len, size_t j)
{
        if (j >= len || s[j] != '*')
                return false;
        j = skip_space(s, len, j + 1 + (j + 1 < len && s[j + 1] == '='));
        if (j >= len || !isdigit((unsigned char)s[j]))
                return j < len && ident_char((unsigned char)s[j]);
        double v;
        bool integer;
        parse_number(s + j, len - j, &v, &integer);
        return v >= 1000;
}

/* Whether the text updates NAME from itself as a generator's state does: s = s * 1103515245
 * + 12345, s = (s * A + C) % M, s ^= s << 13, h *= 16777619. A size is not multiplied into
 * itself, but a capacity may double (cap *= 2). */
static bool self_updated(const char *s, size_t len, const char *name, size_t nl)
{
        for (const char *p = s; (p = memmem(p, (size_t)(s + len - p), name, nl)); p += nl) {
                if ((p > s && ident_char((unsigned char)p[-1])) ||
                    (p + nl < s + len && ident_char((unsigned char)p[nl])))
                        continue;
                size_t j = skip_space(s, len, (size_t)(p - s) + nl);
                if (j + 1 < len && s[j + 1] == '=' && (s[j] == '^' || big_multiply(s, len, j)))
                        return true;
                if (j >= len || s[j] != '=' || (j + 1 < len && s[j + 1] == '='))
                        continue;
                j = skip_space(s, len, j + 1);
                while (j < len && (s[j] == '(' || s[j] == ' '))
                        j++;
                if (j + nl > len || memcmp(s + j, name, nl) ||
                    (j + nl < len && ident_char((unsigned char)s[j + nl])))
                        continue;
                j = skip_space(s, len, j + nl);
                if (j < len && (big_multiply(s, len, j) || s[j] == '^' ||
                                (j + 1 < len && (s[j] == '<' || s[j] == '>') && s[j + 1] == s[j])))
                        return true;
        }
        return false;
}

/* A random-number function's arguments are a range or a seed, not a size: rnd(100000),
 * random.randint(0, 1000), new Random(42). */
static bool random_callee(const char *name, size_t len)
{
        static const char *const words[] = {"rand", "rnd"};
        return has_part(name, len, words, ARRAY_SIZE(words));
}

/* Whether the number at s[i] ends a loop: "range(N" or "range(a, N", or "< N" / "<= N". */
static bool after_loop_bound(const char *s, size_t i)
{
        size_t j = i;
        while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t'))
                j--;
        if (j == 0)
                return false;
        char p = s[j - 1];
        if (p == '<' || (p == '=' && j >= 2 && s[j - 2] == '<'))
                return !(j >= 2 && s[j - 2] == '<' && p == '<'); /* not a shift */
        if (p == ',') {                                          /* range(a, N): back over "a" */
                j--;
                while (j > 0 && s[j - 1] != '(' && s[j - 1] != '\n' && s[j - 1] != ')')
                        j--;
                if (j == 0 || s[j - 1] != '(')
                        return false;
                p = '(';
        }
        if (p != '(')
                return false;
        j--;
        return j >= 5 && !strncmp(s + j - 5, "range", 5) &&
               (j == 5 || !ident_char((unsigned char)s[j - 6]));
}

/* Whether v has at most three significant digits (62000, 1100000, 350000) or is a power of
 * two (65536, 1 << 20): sizes are round, seeds and multipliers (20240601, 1664525, 99991) are
 * not. */
static bool round_number(double v)
{
        int e;
        if (frexp(v, &e) == 0.5)
                return true;
        while (v >= 10 && fmod(v, 10) == 0)
                v /= 10;
        return v < 1000;
}

/* Whether the word before a constant's name makes it floating-point: `const double m = 1 << 12`
 * is a value, not a count. */
static bool floating_type(const char *w, size_t n)
{
        return w && ((n == 6 && !strncmp(w, "double", 6)) || (n == 5 && !strncmp(w, "float", 5)));
}

/* A literal passed whole as an argument of a call (main(62000), new Graph(40000)): the
 * callee's name and the argument's position. */
struct arg_literal {
        double v;
        const char *callee;
        size_t callee_len;
        unsigned arg;
};

/* Whether `class NAME` starts at s[i] (a word of its own). */
static bool class_at(const char *s, size_t len, size_t i, const char *name, size_t nl)
{
        if (i + 6 + nl > len || strncmp(s + i, "class", 5) ||
            (i > 0 && ident_char((unsigned char)s[i - 1])))
                return false;
        size_t j = skip_space(s, len, i + 5);
        return j > i + 5 && j + nl <= len && !strncmp(s + j, name, nl) &&
               (j + nl == len || !ident_char((unsigned char)s[j + nl]));
}

/* Parameter k of the constructor of class NAME the text defines: a JavaScript `constructor(`
 * or a Python `__init__(` between `class NAME` and the next class (Java's and C++'s
 * constructors are named like their class, which function_param finds). */
static bool class_ctor_param(const char *s, size_t len, const char *name, size_t nl, unsigned k,
                             const char **pn, size_t *pl)
{
        const char *hit = NULL;
        for (const char *p = s; (p = memmem(p, (size_t)(s + len - p), "class", 5)); p += 5)
                if (class_at(s, len, (size_t)(p - s), name, nl)) {
                        hit = p;
                        break;
                }
        if (!hit)
                return false;
        const char *end = s + len;
        for (const char *p = hit + 5; (p = memmem(p, (size_t)(s + len - p), "class", 5)); p += 5)
                if (!ident_char((unsigned char)p[-1]) && p + 5 < end &&
                    isspace((unsigned char)p[5])) {
                        end = p;
                        break;
                }
        size_t n = (size_t)(end - hit);
        return function_param(hit, n, "constructor", 11, k, pn, pl) ||
               function_param(hit, n, "__init__", 8, k, pn, pl);
}

/* The brace matching the one at s[at] ('{' forwards, '}' backwards), len when none. */
static size_t brace_match(const char *s, size_t len, size_t at)
{
        bool fwd = s[at] == '{';
        size_t depth = 0;
        for (size_t k = at; k < len; k = fwd ? k + 1 : k - 1) {
                depth += s[k] == s[at];
                depth -= s[k] == (fwd ? '}' : '{');
                if (depth == 0)
                        return k;
                if (!fwd && k == 0)
                        break;
        }
        return len;
}

/* The body of the struct whose initializer's '=' is at eq: `struct { long n; float dt; } sim =`
 * (the braces just before the variable) or `struct config cfg =` (the text's `struct config {`).
 * Into [*b, *e): after its '{', at its '}'. */
static bool struct_body(const char *s, size_t len, size_t eq, size_t *b, size_t *e)
{
        size_t j = eq;
        while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t'))
                j--;
        size_t v = j; /* the variable's name */
        while (v > 0 && ident_char((unsigned char)s[v - 1]))
                v--;
        if (v == j)
                return false;
        while (v > 0 && isspace((unsigned char)s[v - 1]))
                v--;
        if (v > 0 && s[v - 1] == '}') {
                size_t open = brace_match(s, len, v - 1);
                *b = open + 1;
                *e = v - 1;
                return open < len;
        }
        size_t t = v; /* the tag */
        while (t > 0 && ident_char((unsigned char)s[t - 1]))
                t--;
        size_t tl = v - t, w = t;
        while (w > 0 && isspace((unsigned char)s[w - 1]))
                w--;
        if (!tl || w < 6 || strncmp(s + w - 6, "struct", 6))
                return false;
        for (const char *p = s; (p = memmem(p, (size_t)(s + len - p), "struct", 6)); p += 6) {
                size_t k = skip_space(s, len, (size_t)(p - s) + 6);
                if (k + tl > len || strncmp(s + k, s + t, tl) || (p > s && ident_char(p[-1])))
                        continue;
                k = skip_space(s, len, k + tl);
                if (k < len && s[k] == '{') {
                        *b = k + 1;
                        *e = brace_match(s, len, k);
                        return *e < len;
                }
        }
        return false;
}

/* Field k of the struct whose body is s[b, e): `{__SIZE__, 3}` for `struct config { int
 * records; int depth; }` gives records (the last name of each declarator; none inside nested
 * braces). */
static bool struct_field(const char *s, size_t b, size_t e, unsigned k, const char **pn, size_t *pl)
{
        const char *name = NULL;
        size_t nl = 0, depth = 0;
        unsigned field = 0;
        bool dims = false; /* inside a declarator's [...] or after its ':' */
        for (size_t i = b; i < e; i++) {
                char c = s[i];
                if (c == '{' || c == '(')
                        depth++;
                else if ((c == '}' || c == ')') && depth)
                        depth--;
                else if (depth)
                        continue;
                else if (c == '[' || c == ':')
                        dims = true;
                else if (c == ';' || c == ',') {
                        if (name && field++ == k) {
                                *pn = name;
                                *pl = nl;
                                return true;
                        }
                        name = NULL;
                        dims = false;
                } else if (!dims && ident_char((unsigned char)c) && !isdigit((unsigned char)c) &&
                           (i == b || !ident_char((unsigned char)s[i - 1]))) {
                        size_t q = i;
                        while (q < e && ident_char((unsigned char)s[q]))
                                q++;
                        name = s + i;
                        nl = q - i;
                        i = q - 1;
                }
        }
        return false;
}

void literal_stats(const char *s, size_t len, double out[LIT_LEN])
{
        double maxv = 0, sum = 0, big = 0, named = 0, bound = 0, keyed = 0;
        /* the assignment being read: the last identifier, the one before it ("define N"),
         * and whether an '=' (or a #define's name) has been seen since */
        const char *id = NULL, *prev_id = NULL, *named_id = NULL, *keyed_id = NULL;
        size_t id_len = 0, prev_len = 0, named_len = 0, keyed_len = 0;
        bool assigning = false;
        /* open parentheses: the callee before each (NULL for none) and the argument index */
        struct {
                const char *callee;
                size_t len;
                unsigned arg;
        } calls[32];
        size_t ncalls = 0;
        struct arg_literal args[8] = {{0}}; /* the largest call-argument literals, largest first */
        size_t nargs = 0;
        struct {
                double v;
                const char *id;
                size_t len;
        } cands[4]; /* the largest named literals, largest first */
        size_t nnamed = 0;
        char before_id = 0; /* the punctuation before the last identifier */
        /* a brace initializer, `= {`: where its '=' is, its brace depth, the element read */
        size_t eq_at = 0, init_b = 0, init_e = 0; /* ... and its struct's body, when found */
        unsigned braces = 0, init_depth = 0, init_elem = 0;
        unsigned init_lookups = 0; /* struct bodies looked up: a few (sizes come early), so that
                                      text of many initializers stays linear */
        char last_punct = 0;
        bool key = false; /* the value being read follows an object's key */
        size_t i = 0;
        while (i < len) {
                unsigned char c = (unsigned char)s[i];
                const char *name = NULL; /* a name read: an identifier or a quoted key */
                size_t name_len = 0;
                if (c == '"' || c == '\'' || c == '`') {
                        /* a quoted string, to its closing quote or the end of the line (a
                         * triple-quoted or template string resynchronises at newlines) */
                        size_t q0 = ++i;
                        while (i < len && s[i] != (char)c && s[i] != '\n') {
                                if (s[i] == '\\' && i + 1 < len)
                                        i++;
                                i++;
                        }
                        size_t q1 = i;
                        if (i < len && s[i] == (char)c)
                                i++;
                        assigning = false;
                        /* a quoted key of a dict or an object ({"points": 25000}) names its
                         * value like an identifier key */
                        size_t j = skip_space(s, len, i);
                        if (!((last_punct == '{' || last_punct == ',') && j < len && s[j] == ':' &&
                              q1 > q0 && q1 - q0 <= 64))
                                continue;
                        name = s + q0;
                        name_len = q1 - q0;
                } else if (isalpha(c) || c == '_' || c == '$') {
                        size_t st = i;
                        while (i < len && ident_char((unsigned char)s[i]))
                                i++;
                        name = s + st;
                        name_len = i - st;
                }
                if (name) {
                        prev_id = id;
                        prev_len = id_len;
                        id = name;
                        id_len = name_len;
                        before_id = last_punct;
                        last_punct = 'i';
                        /* "#define NAME value" assigns like "NAME = value" */
                        assigning = prev_id && prev_len == 6 && !strncmp(prev_id, "define", 6);
                        continue;
                }
                if (c == '=') {
                        char before = i > 0 ? s[i - 1] : ' ';
                        char after = i + 1 < len ? s[i + 1] : ' ';
                        /* a store through an index, par[k] = 255, names nothing */
                        assigning = id && !strchr("=!<>+-*/%&|^:~", before) && after != '=' &&
                                    last_punct != ']';
                        last_punct = '=';
                        eq_at = i;
                        i++;
                        continue;
                }
                /* an object's key: { nodes: 40000, ... } names its value like nodes = 40000 */
                if (c == ':' && last_punct == 'i' && (before_id == '{' || before_id == ',') &&
                    !(i + 1 < len && s[i + 1] == ':')) {
                        assigning = key = true;
                        last_punct = '=';
                        i++;
                        continue;
                }
                if (c == '{') {
                        braces++;
                        if (last_punct == '=' && !init_depth && !ncalls) {
                                init_depth = braces;
                                init_elem = 0;
                                if (init_lookups >= 16 ||
                                    !struct_body(s, len, eq_at, &init_b, &init_e))
                                        init_b = init_e = 0;
                                init_lookups++;
                        }
                } else if (c == '}' && braces) {
                        if (braces == init_depth)
                                init_depth = 0;
                        braces--;
                } else if (c == ',' && init_depth == braces && braces && !ncalls) {
                        init_elem++;
                }
                if (c == '(') {
                        if (ncalls < ARRAY_SIZE(calls)) {
                                bool named_call = last_punct == 'i';
                                calls[ncalls].callee = named_call ? id : NULL;
                                calls[ncalls].len = named_call ? id_len : 0;
                                calls[ncalls].arg = 0;
                        }
                        ncalls++;
                } else if (c == ')' && ncalls > 0) {
                        ncalls--;
                } else if (c == ',' && ncalls > 0 && ncalls <= ARRAY_SIZE(calls)) {
                        calls[ncalls - 1].arg++;
                }
                if (!isdigit(c) && !(c == '.' && i + 1 < len && isdigit((unsigned char)s[i + 1]))) {
                        if (c != ' ' && c != '\t') {
                                assigning = key = false;
                                last_punct = (char)c;
                        }
                        i++;
                        continue;
                }
                char lead = last_punct;
                last_punct = 'n';
                double v;
                bool integer;
                bool hex = c == '0' && i + 1 < len && strchr("xXbBoO", s[i + 1]);
                bool loop_bound = after_loop_bound(s, i);
                i += parse_number(s + i, len - i, &v, &integer);
                bool folded = false;
                /* fold constant expressions of literals, left to right: "A ** B", "A << B",
                 * "A * B" (1024 * 1024); "A ^ B" is xor in most languages and is left alone */
                for (;;) {
                        size_t j = skip_space(s, len, i);
                        int op = 0; /* 1 pow, 2 shift, 3 multiply */
                        size_t oplen = 2;
                        if (j + 1 < len && s[j] == '*' && s[j + 1] == '*')
                                op = 1;
                        else if (j + 1 < len && s[j] == '<' && s[j + 1] == '<')
                                op = 2;
                        else if (j < len && s[j] == '*' && !(j + 1 < len && s[j + 1] == '='))
                                op = 3, oplen = 1;
                        if (!op)
                                break;
                        size_t k = skip_space(s, len, j + oplen);
                        if (k >= len || !isdigit((unsigned char)s[k]))
                                break;
                        double e;
                        bool eint;
                        size_t used = parse_number(s + k, len - k, &e, &eint);
                        if (!eint || (op != 3 && e > 64))
                                break;
                        v = op == 1 ? pow(v, e) : op == 2 ? ldexp(v, (int)e) : v * e;
                        i = k + used;
                        folded = true;
                }
                /* the whole right-hand side of an assignment: "N = 250000", "#define N 250000",
                 * "static final int N = 250000;" -- how code states its sizes */
                size_t j = skip_space(s, len, i);
                bool whole = assigning && (j >= len || strchr(";,)}\r\n#/", s[j]));
                bool keyed_whole = whole && key && !folded;
                whole &= !key;
                key = false;
                /* an element of a C struct's initializer, {__SIZE__, 3, 4}: named by its field */
                if (!whole && init_depth && init_depth == braces && !ncalls && init_e > init_b &&
                    init_elem < 16 && (lead == '{' || lead == ',') && j < len &&
                    (s[j] == ',' || s[j] == '}')) {
                        const char *fn;
                        size_t fl;
                        if (struct_field(s, init_b, init_e, init_elem, &fn, &fl)) {
                                id = fn;
                                id_len = fl;
                                whole = true;
                        }
                }
                /* a whole argument of a call of a name: f(62000), new G(40000, 2) */
                bool arg = (lead == '(' || lead == ',') && j < len &&
                           (s[j] == ',' || s[j] == ')') && ncalls > 0 &&
                           ncalls <= ARRAY_SIZE(calls) && calls[ncalls - 1].callee;
                assigning = false;
                /* Magic constants are not sizes: hash and RNG multipliers, moduli, masks
                 * (6364136223846793005, 1000000007, 0x9E3779B97F4A7C15, 0xFFFFFFFF). A size is
                 * written in decimal and is below 1e9 (a billion elements or bytes is more than
                 * a sandbox runs); everything else is skipped. */
                if (!integer || !isfinite(v) || v >= 1e9 || hex)
                        continue;
                if (v > maxv)
                        maxv = v;
                if (v > 1)
                        sum += log10(v);
                if (v >= 1000)
                        big += 1;
                if (loop_bound && v > bound)
                        bound = v;
                if (arg && v >= 16 && round_number(v)) {
                        size_t k = nargs < ARRAY_SIZE(args) ? nargs++ : ARRAY_SIZE(args);
                        while (k > 0 && args[k - 1].v < v) {
                                if (k < ARRAY_SIZE(args))
                                        args[k] = args[k - 1];
                                k--;
                        }
                        if (k < ARRAY_SIZE(args))
                                args[k] = (struct arg_literal){v, calls[ncalls - 1].callee,
                                                               calls[ncalls - 1].len,
                                                               calls[ncalls - 1].arg};
                }
                if (keyed_whole && v > keyed && !not_a_size_name(id, id_len)) {
                        keyed = v;
                        keyed_id = id;
                        keyed_len = id_len;
                }
                if (whole && (nnamed < ARRAY_SIZE(cands) || v > cands[nnamed - 1].v) &&
                    round_number(v) && !floating_type(prev_id, prev_len) &&
                    !not_a_size_name(id, id_len)) {
                        /* kept in order, largest first; the text is searched for a
                         * generator's update only for these few, after the scan (once per
                         * candidate, not once per assignment: a text of 100,000 growing
                         * assignments stays linear) */
                        size_t k = nnamed < ARRAY_SIZE(cands) ? nnamed++ : ARRAY_SIZE(cands) - 1;
                        while (k > 0 && cands[k - 1].v < v) {
                                cands[k] = cands[k - 1];
                                k--;
                        }
                        cands[k].v = v;
                        cands[k].id = id;
                        cands[k].len = id_len;
                }
        }
        /* the largest named constant that is not a generator's state */
        for (size_t k = 0; k < nnamed; k++)
                if (!self_updated(s, len, cands[k].id, cands[k].len)) {
                        named = cands[k].v;
                        named_id = cands[k].id;
                        named_len = cands[k].len;
                        break;
                }
        out[0] = maxv >= 1 ? log10(maxv) : 0;
        out[1] = sum;
        out[2] = big;
        /* Code that assigns no size (above 1) may state it as an object's key: { nodes: 40000,
         * degree: 2 } -- a plain literal of at least 16 ({ x: 1, y: 2 } are coordinates,
         * { highWaterMark: 1 << 16 } a buffer) */
        if (keyed >= 16 && named <= 1) {
                named = keyed;
                named_id = keyed_id;
                named_len = keyed_len;
        }
        /* ... or pass it to a function of its own, main(62000) or new Graph(40000), and name
         * only smaller constants: the literal is the size, the parameter that receives it its
         * name (unless that says seed, mod, ...) */
        double named_bytes = ldexp(named, (int)name_unit_shift(named_id, named_len));
        for (size_t k = 0; k < nargs && args[k].v > named_bytes; k++) {
                const char *pn;
                size_t pl;
                const char *c = args[k].callee;
                bool tried = false; /* the same function and position failed already */
                for (size_t q = 0; q < k && !tried; q++)
                        tried = args[q].arg == args[k].arg &&
                                args[q].callee_len == args[k].callee_len &&
                                !strncmp(args[q].callee, c, args[k].callee_len);
                if (tried || random_callee(c, args[k].callee_len))
                        continue;
                size_t b = c - s;
                while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == '\t'))
                        b--;
                bool is_new = b >= 3 && !strncmp(s + b - 3, "new", 3) &&
                              (b == 3 || !ident_char((unsigned char)s[b - 4]));
                bool ctor = is_new || isupper((unsigned char)c[0]);
                if (function_param(s, len, c, args[k].callee_len, args[k].arg, &pn, &pl) ||
                    (ctor &&
                     class_ctor_param(s, len, c, args[k].callee_len, args[k].arg, &pn, &pl))) {
                        if (not_a_size_name(pn, pl))
                                continue;
                        named = args[k].v;
                        named_id = pn;
                        named_len = pl;
                        break;
                }
        }
        /* Code that names no size may still state one where a loop ends: range(20_000_000),
         * i < 1000000. That bound stands in for the size when it is at least 1000. */
        out[3] = named >= 1 ? log10(named) : bound >= 1000 ? log10(bound) : 0;
        out[4] = out[3];
        size_stats(s, len, named >= 1 ? named_id : NULL, named_len, out + LIT_SIZE_AT);
        out[LIT_DERIVED_AT] = out[LIT_DERIVED_AT + 1] = out[LIT_DERIVED_AT + 2] = out[3];
}

size_t code_len(void)
{
        return META_LEN + code_features_len() + LIT_LEN;
}
