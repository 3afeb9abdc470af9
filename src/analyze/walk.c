/* The language-agnostic walk: one pass over the syntax tree with a TSTreeCursor and an explicit
 * frame stack (no C recursion, so 10,000 nesting levels cost heap, not stack), computing every
 * metric in analyze.h from the roles in the language's table (lang.h).
 *
 * Counting rules (docs/analyze.md has the long form):
 *  - CCN: 1 + one per node or token with ROLE_CCN inside the function and not inside a nested
 *    function -- lizard's condition keywords and operators, so the numbers agree with lizard.
 *  - NLOC: lines whose first code token (not a comment, not a docstring) belongs to the function;
 *    a multi-line token counts all its lines, as lizard does.
 *  - cognitive: SonarSource's increments and nesting, per function; closures nest.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analyze/analyze.h"
#include "analyze/lang.h"
#include "analyze/walk_internal.h"
#include "util/cleanup.h"

#define DEFAULT_MAX_BYTES  (16ull << 20)
#define DEFAULT_TIMEOUT_US (20ull * 1000 * 1000)
#define MAX_PARAM_NAMES    16
#define MAX_LOOP_VARS      8
#define SCAN_LIMIT         256
#define CALLEE_TEXT_MAX    96
#define MAX_IMPORT_NAMES   1024
#define OWNER_UNSET        (-1)
#define OWNER_GLOBAL       (-2)

struct analyzer {
        TSParser *parser;
        /* per-file scratch kept between files (no malloc/free churn per file) */
        int32_t *line_owner;
        size_t line_cap;
        void *frames;
        size_t frames_cap;
        TSTreeCursor scan; /* for bounded sub-scans; reset per use */
        bool scan_init;
        struct analyzer_opts opts;
};

enum frame_flags {
        FR_FUNC = 1u << 0,
        FR_NEST = 1u << 1,
        FR_LOOP = 1u << 2,
        FR_ERROR = 1u << 3,
        FR_STRING = 1u << 4,
};

struct frame {
        TSNode node;
        uint32_t roles;
        uint32_t left;    /* children not entered yet (0: the cursor is on the last one) */
        TSSymbol bool_op; /* the operator symbol of a boolean expression, else 0 */
        uint8_t flags;
};

struct span {
        const char *p;
        uint32_t len;
};

/* An active function (or the top level, func = -1). */
struct fctx {
        int32_t func;
        uint32_t nesting, loop_depth;
        uint32_t docstring_byte; /* start byte of the docstring, UINT32_MAX: none */
        uint32_t n_params;
        struct span params[MAX_PARAM_NAMES];
};

#define VEC(T)                                                                                     \
        struct {                                                                                   \
                T *v;                                                                              \
                size_t n, cap;                                                                     \
        }

static int grow(void **v, size_t *cap, size_t need, size_t size)
{
        if (need <= *cap)
                return 0;
        size_t nc = *cap ? *cap * 2 : 16;
        while (nc < need)
                nc *= 2;
        void *nv = reallocarray(*v, nc, size);
        if (!nv)
                return -ENOMEM;
        *v = nv;
        *cap = nc;
        return 0;
}
#define VEC_PUSH(vec, x)                                                                           \
        (grow((void **)&(vec).v, &(vec).cap, (vec).n + 1, sizeof(*(vec).v)) < 0                    \
             ? -ENOMEM                                                                             \
             : ((vec).v[(vec).n++] = (x), 0))

struct walk {
        const struct lang *L;
        struct analyzer *a;
        const char *src;
        size_t len;
        struct analysis *out;
        struct features *f;
        int32_t *line_owner; /* [n_lines] */
        uint32_t n_lines;
        VEC(struct frame) frames;
        VEC(struct fctx) fctx;
        VEC(struct func_metrics) funcs;
        VEC(struct span) fnames;
        VEC(int32_t) fparent; /* enclosing function of each function, -1: none */
        VEC(struct call_edge) calls;
        VEC(struct span) imports;
        uint32_t in_error;
        uint32_t in_string; /* inside a string: its parts are not tokens or lines of their own */
        uint64_t error_bytes;
};

static const char *text(const struct walk *w, TSNode n, uint32_t *len)
{
        uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
        if (e > w->len)
                e = (uint32_t)w->len;
        if (s > e)
                s = e;
        *len = e - s;
        return w->src + s;
}

static bool span_eq(struct span a, const char *p, uint32_t len)
{
        return a.len == len && memcmp(a.p, p, len) == 0;
}

static TSNode field(TSNode n, const TSFieldId *ids)
{
        for (; ids && *ids; ids++) {
                TSNode c = ts_node_child_by_field_id(n, *ids);
                if (!ts_node_is_null(c))
                        return c;
        }
        return (TSNode){0};
}

/* First named child that is not a comment. A cursor, not ts_node_named_child(n, i), which
 * would cost O(i) per call (quadratic after many comments). */
static TSNode first_code_child(const struct walk *w, TSNode n)
{
        TSNode found = {0};
        TSTreeCursor c = ts_tree_cursor_new(n);
        for (bool more = ts_tree_cursor_goto_first_child(&c); more;
             more = ts_tree_cursor_goto_next_sibling(&c)) {
                TSNode k = ts_tree_cursor_current_node(&c);
                if (ts_node_is_named(k) && !(lang_roles(w->L, ts_node_symbol(k)) & ROLE_COMMENT)) {
                        found = k;
                        break;
                }
        }
        ts_tree_cursor_delete(&c);
        return found;
}

/* --- bounded sub-scans (loop bounds, parameter names): at most SCAN_LIMIT nodes --- */

typedef bool (*scan_fn)(struct walk *w, TSNode n, uint32_t roles, void *ud);

static void scan(struct walk *w, TSNode root, scan_fn fn, void *ud)
{
        TSTreeCursor *c = &w->a->scan;
        if (!w->a->scan_init) {
                *c = ts_tree_cursor_new(root);
                w->a->scan_init = true;
        } else {
                ts_tree_cursor_reset(c, root);
        }
        unsigned seen = 0, depth = 0;
        for (;;) {
                TSNode n = ts_tree_cursor_current_node(c);
                uint32_t roles = lang_roles(w->L, ts_node_symbol(n));
                if (++seen > SCAN_LIMIT || !fn(w, n, roles, ud))
                        return;
                if (!(roles & (ROLE_STRING | ROLE_COMMENT)) && ts_tree_cursor_goto_first_child(c)) {
                        depth++;
                        continue;
                }
                for (;;) {
                        if (depth == 0)
                                return;
                        if (ts_tree_cursor_goto_next_sibling(c))
                                break;
                        ts_tree_cursor_goto_parent(c);
                        depth--;
                }
        }
}

struct first_ident {
        TSNode found;
};

static bool find_ident(struct walk *w, TSNode n, uint32_t roles, void *ud)
{
        struct first_ident *fi = ud;
        if (roles & ROLE_IDENT) {
                fi->found = n;
                return false;
        }
        return true;
}

/* --- functions --- */

/* fn's parent is the frame below the top (ts_node_parent costs O(depth) in tree-sitter 0.20). */
static struct span function_name(struct walk *w, TSNode fn)
{
        static const char anon[] = "(anonymous)";
        TSNode n = field(fn, w->L->name_fields);
        /* C/C++: function_definition.declarator -> function_declarator.declarator -> name */
        if (ts_node_is_null(n)) {
                TSNode d = fn;
                for (int k = 0; k < 8 && w->L->f_declarator; k++) {
                        TSNode nd = ts_node_child_by_field_id(d, w->L->f_declarator);
                        if (ts_node_is_null(nd))
                                break;
                        d = nd;
                }
                if (!ts_node_eq(d, fn))
                        n = d;
        }
        if (ts_node_is_null(n)) {
                /* const f = () => ..., {f: function () {}}, x.f = function () {} */
                if (w->frames.n >= 2)
                        n = field(w->frames.v[w->frames.n - 2].node, w->L->name_fields);
        }
        struct span s = {anon, sizeof(anon) - 1};
        if (!ts_node_is_null(n)) {
                s.p = text(w, n, &s.len);
                if (s.len > 200)
                        s.len = 200;
                if (s.len == 0)
                        s = (struct span){anon, sizeof(anon) - 1};
        }
        return s;
}

static TSNode param_list(struct walk *w, TSNode fn)
{
        TSNode p = field(fn, w->L->param_fields);
        if (!ts_node_is_null(p) || !w->L->f_declarator)
                return p;
        TSNode d = fn;
        for (int k = 0; k < 8; k++) {
                d = ts_node_child_by_field_id(d, w->L->f_declarator);
                if (ts_node_is_null(d))
                        break;
                p = field(d, w->L->param_fields);
                if (!ts_node_is_null(p))
                        return p;
        }
        return (TSNode){0};
}

static void count_params(struct walk *w, TSNode fn, struct fctx *fc, uint32_t *count)
{
        TSNode pl = param_list(w, fn);
        *count = 0;
        if (ts_node_is_null(pl))
                return;
        uint32_t roles = lang_roles(w->L, ts_node_symbol(pl));
        if (roles & ROLE_IDENT) { /* x => x + 1 */
                *count = 1;
                fc->params[fc->n_params++] = (struct span){0};
                fc->params[0].p = text(w, pl, &fc->params[0].len);
                return;
        }
        TSTreeCursor cur = ts_tree_cursor_new(pl);
        bool more = ts_tree_cursor_goto_first_child(&cur);
        for (; more; more = ts_tree_cursor_goto_next_sibling(&cur)) {
                TSNode c = ts_tree_cursor_current_node(&cur);
                if (!ts_node_is_named(c))
                        continue;
                uint32_t r = lang_roles(w->L, ts_node_symbol(c));
                if (r & (ROLE_COMMENT | ROLE_PARAM_SKIP))
                        continue;
                (*count)++;
                if (fc->n_params < MAX_PARAM_NAMES) {
                        struct first_ident fi = {.found = {{0}}};
                        scan(w, c, find_ident, &fi);
                        if (!ts_node_is_null(fi.found)) {
                                struct span *s = &fc->params[fc->n_params++];
                                s->p = text(w, fi.found, &s->len);
                        }
                }
        }
        ts_tree_cursor_delete(&cur);
}

static uint32_t docstring_byte(struct walk *w, TSNode fn)
{
        if (!w->L->spec->docstrings || !w->L->f_body)
                return UINT32_MAX;
        TSNode body = ts_node_child_by_field_id(fn, w->L->f_body);
        if (ts_node_is_null(body))
                return UINT32_MAX;
        TSNode st = first_code_child(w, body);
        if (ts_node_is_null(st))
                return UINT32_MAX;
        TSNode s = first_code_child(w, st);
        if (ts_node_is_null(s) || !(lang_roles(w->L, ts_node_symbol(s)) & ROLE_STRING) ||
            ts_node_named_child_count(st) != 1)
                return UINT32_MAX;
        /* lizard takes only a triple-quoted string for a docstring */
        uint32_t len;
        const char *p = text(w, s, &len);
        while (len > 0 && ((*p | 0x20) == 'r' || (*p | 0x20) == 'u' || (*p | 0x20) == 'b'))
                p++, len--;
        if (len < 6 || !(memcmp(p, "\"\"\"", 3) == 0 || memcmp(p, "\'\'\'", 3) == 0))
                return UINT32_MAX;
        return ts_node_start_byte(s);
}

static int begin_function(struct walk *w, TSNode n, struct frame *fr)
{
        struct fctx fc = {.func = (int32_t)w->funcs.n, .docstring_byte = docstring_byte(w, n)};
        struct func_metrics fm = {.ccn = 1};
        TSPoint s = ts_node_start_point(n), e = ts_node_end_point(n);
        fm.start_line = s.row + 1;
        fm.end_line = (e.column == 0 && e.row > s.row) ? e.row : e.row + 1;
        count_params(w, n, &fc, &fm.params);
        struct span name = function_name(w, n);
        if (VEC_PUSH(w->fparent, w->fctx.v[w->fctx.n - 1].func) < 0 || VEC_PUSH(w->funcs, fm) < 0 ||
            VEC_PUSH(w->fnames, name) < 0 || VEC_PUSH(w->fctx, fc) < 0)
                return -ENOMEM;
        fr->flags |= FR_FUNC;
        return 0;
}

static struct fctx *cur(struct walk *w)
{
        return &w->fctx.v[w->fctx.n - 1];
}

static struct func_metrics *cur_func(struct walk *w)
{
        int32_t i = cur(w)->func;
        return i >= 0 ? &w->funcs.v[i] : NULL;
}

/* --- numbers --- */

static bool number_value(struct walk *w, TSNode n, double *v)
{
        if (ts_node_is_null(n) || !(lang_roles(w->L, ts_node_symbol(n)) & ROLE_NUMBER))
                return false;
        uint32_t len;
        const char *p = text(w, n, &len);
        char buf[64];
        size_t k = 0;
        bool hex = len > 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X');
        for (uint32_t i = 0; i < len && k < sizeof(buf) - 1; i++) {
                char ch = p[i];
                if (ch == '_' || ch == '\'')
                        continue;
                bool ok =
                    (ch >= '0' && ch <= '9') || ch == '.' || (hex && i == 1) ||
                    (hex && ((ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F'))) ||
                    (!hex && (ch == 'e' || ch == 'E')) ||
                    ((ch == '+' || ch == '-') && k > 0 && (buf[k - 1] == 'e' || buf[k - 1] == 'E'));
                if (!ok)
                        break; /* suffixes: 10u, 5L, 1usize, 2.0f */
                buf[k++] = ch;
        }
        buf[k] = '\0';
        if (k == 0)
                return false;
        char *end;
        *v = strtod(buf, &end);
        return end != buf;
}

static TSNode nth_arg(struct walk *w, TSNode call, int idx)
{
        TSNode args =
            w->L->f_arguments ? ts_node_child_by_field_id(call, w->L->f_arguments) : (TSNode){0};
        if (ts_node_is_null(args))
                return args;
        uint32_t k = ts_node_named_child_count(args);
        int seen = 0;
        for (uint32_t i = 0; i < k; i++) {
                TSNode c = ts_node_named_child(args, i);
                if (lang_roles(w->L, ts_node_symbol(c)) & ROLE_COMMENT)
                        continue;
                if (seen++ == idx)
                        return c;
        }
        return (TSNode){0};
}

static uint32_t arg_count(struct walk *w, TSNode call)
{
        uint32_t n = 0;
        while (n < 8 && !ts_node_is_null(nth_arg(w, call, (int)n)))
                n++;
        return n;
}

static void record_alloc(struct walk *w, bool known, double size)
{
        w->f->allocs++;
        if (known) {
                w->f->allocs_known_size++;
                if (size > w->f->max_alloc_size)
                        w->f->max_alloc_size = size;
        }
}

/* --- calls --- */

/* Copy the callee text into buf, without whitespace, "::" and "->" as '.'. */
static void normalise_callee(const char *p, uint32_t len, char *buf, size_t cap)
{
        size_t k = 0;
        for (uint32_t i = 0; i < len && k + 1 < cap; i++) {
                char ch = p[i];
                if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r')
                        continue;
                if ((ch == ':' && i + 1 < len && p[i + 1] == ':') ||
                    (ch == '-' && i + 1 < len && p[i + 1] == '>')) {
                        buf[k++] = '.';
                        i++;
                        continue;
                }
                if (ch == '(' || ch == '<' || ch == '[')
                        break; /* generic arguments, nested calls: stop at the head */
                buf[k++] = ch;
        }
        buf[k] = '\0';
}

static int add_import(struct walk *w, const char *p, uint32_t len);

static int handle_call(struct walk *w, TSNode n)
{
        TSNode callee = field(n, w->L->callee_fields);
        uint32_t cs = ts_node_start_byte(n), ce;
        TSNode args =
            w->L->f_arguments ? ts_node_child_by_field_id(n, w->L->f_arguments) : (TSNode){0};
        if (!ts_node_is_null(args) && ts_node_start_byte(args) > cs)
                ce = ts_node_start_byte(args);
        else if (!ts_node_is_null(callee))
                ce = ts_node_end_byte(callee);
        else
                return 0;
        /* "new Foo(...)": the callee starts after the keyword */
        if (!ts_node_is_null(callee) && ts_node_start_byte(callee) > cs + 3 &&
            ts_node_start_byte(callee) < ce && memcmp(w->src + cs, "new", 3) == 0)
                cs = ts_node_start_byte(callee);
        char full[CALLEE_TEXT_MAX];
        normalise_callee(w->src + cs, ce - cs, full, sizeof(full));
        char *head = full;
        size_t fl = strlen(head);
        while (fl > 0 && (head[fl - 1] == '!' || head[fl - 1] == '.' || head[fl - 1] == '?'))
                head[--fl] = '\0'; /* vec!, a?.b */
        if (fl == 0)
                return 0;
        const char *last = strrchr(head, '.');
        last = last ? last + 1 : head;
        struct fctx *fc = cur(w);
        struct func_metrics *fm = cur_func(w);
        w->f->call_sites++;
        if (fm)
                fm->calls++;

        /* Call graph: plain calls and calls on self/this. */
        bool plain = last == head;
        if (!plain) {
                size_t ql = (size_t)(last - 1 - head);
                for (const char *const *s = w->L->spec->self_names; s && *s; s++)
                        if (strlen(*s) == ql && strncmp(head, *s, ql) == 0)
                                plain = true;
        }
        if (plain && fc->func >= 0) {
                /* the name inside the source, for the call graph (no copies) */
                const char *src_last = NULL;
                size_t ll = strlen(last);
                for (uint32_t i = ce; i >= cs + ll && i > 0; i--)
                        if (memcmp(w->src + i - ll, last, ll) == 0) {
                                src_last = w->src + i - ll;
                                break;
                        }
                if (src_last) {
                        struct call_edge e = {fc->func, src_last, (uint32_t)ll};
                        if (VEC_PUSH(w->calls, e) < 0)
                                return -ENOMEM;
                }
        }

        if (plain && (strcmp(last, "require") == 0 || strcmp(last, "import") == 0)) {
                TSNode arg = nth_arg(w, n, 0);
                if (!ts_node_is_null(arg) &&
                    (lang_roles(w->L, ts_node_symbol(arg)) & ROLE_STRING)) {
                        uint32_t len;
                        const char *p = text(w, arg, &len);
                        if (add_import(w, p, len) < 0)
                                return -ENOMEM;
                }
        }
        struct call_class cc;
        classify_call(head, last, &cc);
        bool in_loop = fc->loop_depth > 0;
        if (cc.ext >= 0) {
                w->f->ext_calls[cc.ext]++;
                if (in_loop)
                        w->f->ext_calls_in_loop[cc.ext]++;
        }
        if (cc.hint >= 0)
                w->f->hints[cc.hint]++;
        if (cc.growth && in_loop)
                w->f->growth_in_loop++;
        if (cc.size_arg >= 0) {
                int idx = cc.size_arg;
                /* range(a, b): the stop is the second argument */
                if (strcmp(last, "range") == 0 && arg_count(w, n) >= 2)
                        idx = 1;
                /* make([]T, len, cap): the capacity */
                if (strcmp(last, "make") == 0 && arg_count(w, n) >= 3)
                        idx = 2;
                double v = 0, v2 = 0;
                bool known = number_value(w, nth_arg(w, n, idx), &v);
                if (known && cc.size_mul)
                        known = number_value(w, nth_arg(w, n, idx + 1), &v2), v *= v2;
                record_alloc(w, known, v);
        }
        return 0;
}

static void handle_new_array(struct walk *w, TSNode n)
{
        /* new int[N] (C++ new_declarator), new int[N] (Java dimensions_expr): the first child
         * opening with '[' holds the size. */
        double v = 0;
        bool known = false;
        uint32_t k = ts_node_named_child_count(n);
        for (uint32_t i = 0; i < k; i++) {
                TSNode c = ts_node_named_child(n, i);
                if (ts_node_child_count(c) < 2)
                        continue;
                TSNode open = ts_node_child(c, 0);
                uint32_t len;
                const char *p = text(w, open, &len);
                if (len == 1 && p[0] == '[') {
                        known = number_value(w, ts_node_named_child(c, 0), &v);
                        break;
                }
        }
        record_alloc(w, known, v);
}

/* --- imports --- */

static int add_import(struct walk *w, const char *p, uint32_t len)
{
        /* strip quotes and <> */
        while (len > 0 && (*p == '"' || *p == '\'' || *p == '<' || *p == '`'))
                p++, len--;
        while (len > 0 && (p[len - 1] == '"' || p[len - 1] == '\'' || p[len - 1] == '>' ||
                           p[len - 1] == '`' || p[len - 1] == ';'))
                len--;
        if (len == 0 || len > 200)
                return 0;
        w->f->imports++;
        if (w->imports.n >= MAX_IMPORT_NAMES)
                return 0; /* counted; the list (deduplicated in O(n^2)) stops growing */
        for (size_t i = 0; i < w->imports.n; i++)
                if (span_eq(w->imports.v[i], p, len))
                        return 0;
        return VEC_PUSH(w->imports, ((struct span){p, len}));
}

static int import_node(struct walk *w, TSNode c, TSFieldId f)
{
        TSNode inner = ts_node_child_by_field_id(c, f); /* aliased_import's own name */
        if (!ts_node_is_null(inner))
                c = inner;
        uint32_t len;
        const char *p = text(w, c, &len);
        return add_import(w, p, len);
}

static int handle_import(struct walk *w, TSNode n)
{
        /* Every child in the first import field the node has ("import a, b" names two;
         * "from m import x" names m), else the first named child ("import java.util.List;").
         * A cursor gives the field of each child (ts_node_field_name_for_child is unreliable
         * in tree-sitter 0.20). */
        for (const TSFieldId *f = w->L->import_fields; f && *f; f++) {
                bool any = false;
                TSTreeCursor c = ts_tree_cursor_new(n);
                int r = 0;
                if (ts_tree_cursor_goto_first_child(&c)) {
                        do {
                                if (ts_tree_cursor_current_field_id(&c) != *f)
                                        continue;
                                any = true;
                                r = import_node(w, ts_tree_cursor_current_node(&c), *f);
                        } while (r == 0 && ts_tree_cursor_goto_next_sibling(&c));
                }
                ts_tree_cursor_delete(&c);
                if (r < 0 || any)
                        return r;
        }
        TSNode c = first_code_child(w, n);
        if (ts_node_is_null(c))
                return 0;
        uint32_t len;
        const char *p = text(w, c, &len);
        return add_import(w, p, len);
}

/* --- loops --- */

struct bound_scan {
        struct fctx *fc;
        struct span vars[MAX_LOOP_VARS];
        unsigned n_vars;
        bool collect; /* collecting loop variables rather than classifying */
        bool param, other, literal;
};

static bool is_size_helper(const char *p, uint32_t len)
{
        static const char *const helpers[] = {"range", "len",    "xrange", "enumerate",
                                              "size",  "length", "count",  NULL};
        for (const char *const *h = helpers; *h; h++)
                if (strlen(*h) == len && memcmp(*h, p, len) == 0)
                        return true;
        return false;
}

static bool bound_visit(struct walk *w, TSNode n, uint32_t roles, void *ud)
{
        struct bound_scan *b = ud;
        if (b->collect) {
                if ((roles & ROLE_IDENT) && b->n_vars < MAX_LOOP_VARS) {
                        struct span *s = &b->vars[b->n_vars++];
                        s->p = text(w, n, &s->len);
                }
                return true;
        }
        if (roles & (ROLE_NUMBER | ROLE_COLLECTION | ROLE_STRING))
                b->literal = true;
        if (!(roles & ROLE_IDENT))
                return true;
        uint32_t len;
        const char *p = text(w, n, &len);
        for (unsigned i = 0; i < b->fc->n_params; i++)
                if (span_eq(b->fc->params[i], p, len)) {
                        b->param = true;
                        return true;
                }
        for (unsigned i = 0; i < b->n_vars; i++)
                if (span_eq(b->vars[i], p, len))
                        return true;
        if (!is_size_helper(p, len))
                b->other = true;
        return true;
}

static enum loop_bound classify_loop(struct walk *w, TSNode loop)
{
        TSNode bound = field(loop, w->L->loop_bound_fields);
        if (ts_node_is_null(bound)) {
                /* Go: for_statement holds a for_clause / range_clause (with the fields) or a
                 * bare condition */
                TSNode head = first_code_child(w, loop);
                if (ts_node_is_null(head) ||
                    (w->L->f_body &&
                     ts_node_eq(head, ts_node_child_by_field_id(loop, w->L->f_body))))
                        return BOUND_DATA;
                bound = field(head, w->L->loop_bound_fields);
                if (ts_node_is_null(bound))
                        bound = head;
                else
                        loop = head;
        }
        struct bound_scan b = {.fc = cur(w), .collect = true};
        for (const TSFieldId *f = w->L->loop_var_fields; f && *f; f++) {
                TSNode v = ts_node_child_by_field_id(loop, *f);
                if (!ts_node_is_null(v))
                        scan(w, v, bound_visit, &b);
        }
        b.collect = false;
        scan(w, bound, bound_visit, &b);
        if (b.param)
                return BOUND_PARAM;
        if (b.other || !b.literal)
                return BOUND_DATA;
        return BOUND_LITERAL;
}

/* --- tokens and lines --- */

static void mark_lines(struct walk *w, TSNode n)
{
        uint32_t sb = ts_node_start_byte(n), eb = ts_node_end_byte(n);
        if (sb == eb)
                return;
        TSPoint s = ts_node_start_point(n), e = ts_node_end_point(n);
        uint32_t last = (e.column == 0 && e.row > s.row) ? e.row - 1 : e.row;
        int32_t owner = cur(w)->func >= 0 ? cur(w)->func : OWNER_GLOBAL;
        for (uint32_t r = s.row; r <= last && r < w->n_lines; r++)
                if (w->line_owner[r] == OWNER_UNSET)
                        w->line_owner[r] = owner;
}

static void token(struct walk *w, TSNode n, uint32_t roles)
{
        struct func_metrics *fm = cur_func(w);
        if (ts_node_start_byte(n) == ts_node_end_byte(n))
                return; /* MISSING and other zero-width nodes */
        w->f->tokens++;
        if (fm)
                fm->tokens++;
        if ((roles & ROLE_STRING) && ts_node_start_byte(n) == cur(w)->docstring_byte)
                return;
        mark_lines(w, n);
}

/* --- the walk --- */

static void cognitive(struct walk *w, uint32_t inc)
{
        struct func_metrics *fm = cur_func(w);
        if (fm)
                fm->cognitive += inc;
}

static void nest(struct walk *w, struct frame *fr)
{
        cur(w)->nesting++;
        fr->flags |= FR_NEST;
}

/* Enter node n; *descend = false to skip its children. */
static int enter(struct walk *w, TSNode n, uint32_t kids, struct frame *fr,
                 const struct frame *parent, const struct frame *grandparent, uint32_t prev_roles,
                 bool *descend)
{
        TSSymbol sym = ts_node_symbol(n);
        uint32_t roles = lang_roles(w->L, sym);
        *fr = (struct frame){.node = n, .roles = roles};
        *descend = true;

        if (sym == (TSSymbol)-1) { /* ts_builtin_sym_error */
                if (w->in_error++ == 0)
                        w->error_bytes += ts_node_end_byte(n) - ts_node_start_byte(n);
                fr->flags |= FR_ERROR;
        }
        if (ts_node_is_missing(n))
                w->f->missing_nodes++;
        if (roles & ROLE_COMMENT) {
                *descend = false;
                return 0;
        }
        if (roles & ROLE_FUNCTION) {
                int r = begin_function(w, n, fr);
                if (r < 0)
                        return r;
        }
        struct fctx *fc = cur(w);
        struct func_metrics *fm = cur_func(w);
        if (roles & ROLE_CCN) {
                if (fm)
                        fm->ccn++;
        }
        if (roles & ROLE_STRING) {
                /* one token; its interpolations ("f'{a or b}'", `${f(x)}`) are still walked
                 * for conditions and calls, as lizard 1.24 expands f-strings */
                if (!w->in_string)
                        token(w, n, roles);
                w->in_string++;
                fr->flags |= FR_STRING;
                return 0;
        }
        if (kids == 0) {
                if (!w->in_string)
                        token(w, n, roles);
                if (roles & ROLE_ELSE) {
                        /* 'else' of an if (not of a loop, try or conditional expression); an
                         * if right after it is the else-if and adds nothing more */
                        bool of_if = (parent && (parent->roles & ROLE_IF)) ||
                                     (grandparent && (grandparent->roles & ROLE_IF) &&
                                      !(parent->roles & (ROLE_LOOP | ROLE_TERNARY)));
                        if (of_if)
                                cognitive(w, 1);
                }
                return 0;
        }
        if (roles & ROLE_CLOSURE)
                nest(w, fr);
        if (roles & ROLE_IF) {
                if (prev_roles & ROLE_ELSE) {
                        /* else if: the 'else' counted; no nesting increment */
                } else {
                        cognitive(w, 1 + fc->nesting);
                        nest(w, fr);
                }
        }
        if (roles & ROLE_ELSE_IF)
                cognitive(w, 1);
        if (roles & (ROLE_SWITCH | ROLE_CATCH | ROLE_TERNARY)) {
                cognitive(w, 1 + fc->nesting);
                nest(w, fr);
        }
        if (roles & (ROLE_LOOP | ROLE_COMPREHENSION)) {
                fc->loop_depth++;
                fr->flags |= FR_LOOP;
                w->f->loops++;
                if (fm) {
                        fm->loops++;
                        if (fc->loop_depth > fm->max_loop_depth)
                                fm->max_loop_depth = fc->loop_depth;
                }
                if (fc->loop_depth > w->f->max_loop_depth)
                        w->f->max_loop_depth = fc->loop_depth;
                w->f->loop_bound[classify_loop(w, n)]++;
                if (roles & ROLE_LOOP) {
                        cognitive(w, 1 + fc->nesting);
                        nest(w, fr);
                }
        }
        if ((roles & ROLE_BOOL_EXPR) && w->L->f_operator) {
                TSNode op = ts_node_child_by_field_id(n, w->L->f_operator);
                TSSymbol os = ts_node_is_null(op) ? 0 : ts_node_symbol(op);
                if (os && (lang_roles(w->L, os) & ROLE_BOOL_OP)) {
                        fr->bool_op = os;
                        if (!parent || parent->bool_op != os)
                                cognitive(w, 1); /* a new sequence of like operators */
                }
        }
        if ((roles & ROLE_JUMP) && ts_node_named_child_count(n) > 0)
                cognitive(w, 1);
        if (roles & ROLE_CALL) {
                int r = handle_call(w, n);
                if (r < 0)
                        return r;
        }
        if (roles & ROLE_IMPORT) {
                int r = handle_import(w, n);
                if (r < 0)
                        return r;
        }
        if (roles & ROLE_COLLECTION) {
                uint32_t elems = ts_node_named_child_count(n); /* comments would count */
                w->f->collection_literals++;
                if (elems > w->f->max_literal_elems)
                        w->f->max_literal_elems = elems;
        }
        if (roles & ROLE_NEW_ARRAY)
                handle_new_array(w, n);
        return 0;
}

static void leave(struct walk *w, const struct frame *fr)
{
        struct fctx *fc = cur(w);
        if (fr->flags & FR_NEST)
                fc->nesting--;
        if (fr->flags & FR_LOOP)
                fc->loop_depth--;
        if (fr->flags & FR_ERROR)
                w->in_error--;
        if (fr->flags & FR_STRING)
                w->in_string--;
        if (fr->flags & FR_FUNC)
                w->fctx.n--;
}

/* The cursor's goto_next_sibling costs as much as a step down when it fails (tree-sitter 0.20
 * pops to the parent, re-iterates its children, and restores the stack): each frame counts the
 * children it has left (ts_node_child_count counts the visible children the cursor steps
 * through, hidden nodes flattened), and after the last one the walk goes straight up. */
static int walk_tree(struct walk *w, TSNode root)
{
        TSTreeCursor c = ts_tree_cursor_new(root);
        uint32_t prev_roles = 0; /* roles of the previous sibling of the node entered */
        int r = 0;
        for (;;) {
                if (grow((void **)&w->frames.v, &w->frames.cap, w->frames.n + 1,
                         sizeof(*w->frames.v)) < 0) {
                        r = -ENOMEM;
                        break;
                }
                struct frame *fr = &w->frames.v[w->frames.n];
                struct frame *parent = w->frames.n ? fr - 1 : NULL;
                const struct frame *gp = w->frames.n > 1 ? fr - 2 : NULL;
                bool descend;
                w->frames.n++;
                TSNode n = ts_tree_cursor_current_node(&c);
                uint32_t kids = ts_node_child_count(n);
                r = enter(w, n, kids, fr, parent, gp, prev_roles, &descend);
                if (r < 0)
                        break;
                if (parent && parent->left)
                        parent->left--;
                fr->left = kids;
                prev_roles = 0;
                if (descend && fr->left && ts_tree_cursor_goto_first_child(&c))
                        continue;
                bool done = false;
                for (;;) {
                        prev_roles = w->frames.v[w->frames.n - 1].roles;
                        leave(w, &w->frames.v[--w->frames.n]);
                        bool more = w->frames.n == 0 || w->frames.v[w->frames.n - 1].left > 0;
                        if (more && ts_tree_cursor_goto_next_sibling(&c))
                                break;
                        if (!ts_tree_cursor_goto_parent(&c)) {
                                done = true;
                                break;
                        }
                }
                if (done)
                        break;
        }
        ts_tree_cursor_delete(&c);
        return r;
}

/* --- results --- */

static int store_string(struct analysis *r, const char *p, size_t len, size_t *off)
{
        if (grow((void **)&r->strings, &r->strings_cap, r->strings_len + len + 1, 1) < 0)
                return -ENOMEM;
        memcpy(r->strings + r->strings_len, p, len);
        r->strings[r->strings_len + len] = '\0';
        *off = r->strings_len;
        r->strings_len += len + 1;
        return 0;
}

static int finish(struct walk *w)
{
        struct analysis *r = w->out;
        struct features *f = w->f;

        /* NLOC from line ownership */
        for (uint32_t i = 0; i < w->n_lines; i++) {
                int32_t o = w->line_owner[i];
                if (o == OWNER_UNSET)
                        continue;
                f->nloc++;
                if (o >= 0)
                        w->funcs.v[o].nloc++;
        }
        /* A nested function's header line counts for its enclosing function too: lizard sees
         * the 'def' keyword before it knows a new function starts. */
        for (size_t i = 0; i < w->funcs.n; i++) {
                int32_t p = w->fparent.v[i];
                uint32_t row = w->funcs.v[i].start_line - 1;
                if (p >= 0 && row < w->n_lines && w->line_owner[row] == (int32_t)i)
                        w->funcs.v[p].nloc++;
        }
        /* names and imports into the result's own storage */
        size_t *offs = calloc(w->funcs.n + w->imports.n + 1, sizeof(*offs));
        if (!offs)
                return -ENOMEM;
        for (size_t i = 0; i < w->funcs.n; i++)
                if (store_string(r, w->fnames.v[i].p, w->fnames.v[i].len, &offs[i]) < 0)
                        goto nomem;
        for (size_t i = 0; i < w->imports.n; i++)
                if (store_string(r, w->imports.v[i].p, w->imports.v[i].len, &offs[w->funcs.n + i]) <
                    0)
                        goto nomem;
        r->imports = calloc(w->imports.n + 1, sizeof(*r->imports));
        if (!r->imports)
                goto nomem;
        for (size_t i = 0; i < w->funcs.n; i++)
                w->funcs.v[i].name = r->strings + offs[i];
        for (size_t i = 0; i < w->imports.n; i++) {
                r->imports[i] = r->strings + offs[w->funcs.n + i];
                int hint, ext;
                classify_import(r->imports[i], &hint, &ext);
                if (hint >= 0)
                        f->hints[hint]++;
        }
        r->n_imports = w->imports.n;
        free(offs);
        int e = callgraph_mark_recursion(w->funcs.v, w->funcs.n, w->calls.v, w->calls.n);
        if (e < 0)
                return e;
        r->funcs = steal_ptr(w->funcs.v);
        r->n_funcs = w->funcs.n;

        f->functions = (uint32_t)r->n_funcs;
        for (size_t i = 0; i < r->n_funcs; i++) {
                const struct func_metrics *fm = &r->funcs[i];
                f->ccn_total += fm->ccn;
                f->cognitive_total += fm->cognitive;
                if (fm->ccn > f->ccn_max)
                        f->ccn_max = fm->ccn;
                if (fm->cognitive > f->cognitive_max)
                        f->cognitive_max = fm->cognitive;
                if (fm->params > f->max_params)
                        f->max_params = fm->params;
                if (fm->recursive_direct || fm->recursive_mutual)
                        f->recursive_functions++;
                f->direct_recursion += fm->recursive_direct;
                f->mutual_recursion += fm->recursive_mutual;
        }
        f->ccn_mean = r->n_funcs ? (double)f->ccn_total / (double)r->n_funcs : 0.0;
        f->parse_error_ratio = w->len ? (double)w->error_bytes / (double)w->len : 0.0;
        if (f->parse_error_ratio > 1.0)
                f->parse_error_ratio = 1.0;
        return 0;
nomem:
        free(offs);
        return -ENOMEM;
}

int analyzer_new(const struct analyzer_opts *opts, struct analyzer **out)
{
        struct analyzer *a = calloc(1, sizeof(*a));
        if (!a)
                return -ENOMEM;
        if (opts)
                a->opts = *opts;
        if (!a->opts.max_bytes)
                a->opts.max_bytes = DEFAULT_MAX_BYTES;
        if (!a->opts.parse_timeout_us)
                a->opts.parse_timeout_us = DEFAULT_TIMEOUT_US;
        a->parser = ts_parser_new();
        if (!a->parser) {
                free(a);
                return -ENOMEM;
        }
        ts_parser_set_timeout_micros(a->parser, a->opts.parse_timeout_us);
        *out = a;
        return 0;
}

uint64_t analyzer_max_bytes(const struct analyzer *a)
{
        return a->opts.max_bytes;
}

void analyzer_free(struct analyzer *a)
{
        if (!a)
                return;
        if (a->scan_init)
                ts_tree_cursor_delete(&a->scan);
        free(a->line_owner);
        free(a->frames);
        ts_parser_delete(a->parser);
        free(a);
}

void analysis_free(struct analysis *r)
{
        if (!r)
                return;
        free(r->funcs);
        free(r->imports);
        free(r->strings);
        memset(r, 0, sizeof(*r));
}

static void walk_free(struct walk *w)
{
        /* line_owner and frames stay with the analyzer for the next file */
        w->a->frames = w->frames.v;
        w->a->frames_cap = w->frames.cap;
        free(w->fctx.v);
        free(w->funcs.v);
        free(w->fnames.v);
        free(w->fparent.v);
        free(w->calls.v);
        free(w->imports.v);
}

static void tree_deletep(TSTree **t)
{
        if (*t)
                ts_tree_delete(*t);
}

int analyze_buffer(struct analyzer *a, const struct lang *lang, const char *src, size_t len,
                   struct analysis *out)
{
        memset(out, 0, sizeof(*out));
        out->lang = lang;
        out->bytes = len;
        if (len > a->opts.max_bytes || len > UINT32_MAX)
                return -EFBIG;
        if (memchr(src, '\0', len < 8192 ? len : 8192))
                return -EMEDIUMTYPE;

        struct walk w = {.L = lang, .a = a, .src = src, .len = len, .out = out, .f = &out->f};
        uint32_t lines = 0;
        for (const char *p = src, *end = src + len; (p = memchr(p, '\n', (size_t)(end - p))); p++)
                lines++;
        if (len > 0 && src[len - 1] != '\n')
                lines++;
        out->f.lines = lines;
        w.n_lines = lines;
        if (grow((void **)&a->line_owner, &a->line_cap, (size_t)lines + 1, sizeof(*a->line_owner)) <
            0)
                return -ENOMEM;
        w.line_owner = a->line_owner;
        w.frames.v = a->frames;
        w.frames.cap = a->frames_cap;
        memset(w.line_owner, 0xff, ((size_t)lines + 1) * sizeof(*w.line_owner)); /* -1 */

        int r = -ENOMEM;
        __attribute__((cleanup(tree_deletep))) TSTree *tree = NULL;
        if (!ts_parser_set_language(a->parser, lang->ts)) {
                r = -EPROTO;
                goto out;
        }
        tree = ts_parser_parse_string(a->parser, NULL, src, (uint32_t)len);
        if (!tree) {
                ts_parser_reset(a->parser);
                out->timed_out = true;
                r = -ETIMEDOUT;
                goto out;
        }
        struct fctx top = {.func = -1, .docstring_byte = UINT32_MAX};
        if (VEC_PUSH(w.fctx, top) < 0)
                goto out;
        r = walk_tree(&w, ts_tree_root_node(tree));
        if (r < 0)
                goto out;
        r = finish(&w);
out:
        walk_free(&w);
        if (r < 0)
                analysis_free(out);
        return r;
}
