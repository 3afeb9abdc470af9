/* The analyser on fixtures written for the purpose (tests/analyze/fixtures: branches of every
 * kind, nested loops, direct and mutual recursion, lambdas and closures, nested functions,
 * methods, generators, switch/match) in all eight languages, and on bad input: binary, invalid
 * UTF-8, empty, too large, 10,000 nesting levels, syntax errors, unknown extensions, unreadable
 * paths. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "analyze/analyze.h"
#include "analyze/lang.h"
#include "util/cleanup.h"

#ifndef FIXTURES
#error "FIXTURES must name the fixtures directory"
#endif

static struct analyzer *az;

static int setup(void **state)
{
        (void)state;
        return analyzer_new(NULL, &az);
}

static int teardown(void **state)
{
        (void)state;
        analyzer_free(az);
        return 0;
}

/* One expected function: -1 means "not checked". */
struct expect {
        const char *file, *func;
        int ccn, cognitive, loop_depth, params, nloc;
        int recursion; /* 0 none, 1 direct, 2 mutual */
};

static const struct expect expects[] = {
    /* Python: and/or/elif/comprehension for+if/ternary/match case/except/finally */
    {"sample.py", "branches", 5, 5, 0, 3, 7, 0},
    {"sample.py", "loops", 7, 5, 2, 2, 11, 0},
    {"sample.py", "fact", 2, 1, 0, 1, 2, 1},
    {"sample.py", "ping", 2, 1, 0, 1, 2, 2},
    {"sample.py", "pong", 2, 1, 0, 1, 2, 2},
    {"sample.py", "outer", 2, 2, 0, 0, 4, 0}, /* the lambda's if is the outer's */
    {"sample.py", "inner", 3, 1, 0, 1, 7, 0}, /* nested: its own function */
    {"sample.py", "method", 3, 1, 0, 2, 6, 0},
    {"sample.py", "gen", 2, 0, 1, 1, 2, 0},
    /* JavaScript */
    {"sample.js", "branches", 6, 7, 0, 2, 9, 0},
    {"sample.js", "arrow", 3, 3, 2, 1, 8, 0},
    {"sample.js", "fact", 2, 1, 0, 1, 3, 1},
    {"sample.js", "isEven", 2, 1, 0, 1, 1, 2},
    {"sample.js", "method", 3, 1, 0, 1, 7, 0},
    {"sample.js", "io", 3, 2, 1, 1, 12, 0},
    /* TypeScript */
    {"sample.ts", "branches", 5, 3, 0, 2, 5, 0},
    {"sample.ts", "loop", 2, 1, 1, 1, 6, 0},
    {"sample.ts", "fact", 2, 1, 0, 1, 3, 1},
    {"sample.ts", "get", 1, 0, 0, 0, 3, 0},
    /* C */
    {"sample.c", "branches", 6, 7, 0, 2, 9, 0},
    {"sample.c", "loops", 5, 5, 2, 1, 13, 0},
    {"sample.c", "fact", 2, 1, 0, 1, 4, 1},
    {"sample.c", "is_even", 2, 1, 0, 1, 1, 2},
    {"sample.c", "sw", 3, 2, 0, 1, 13, 0},
    /* C++ */
    {"sample.cpp", "branches", 5, 4, 0, 2, 6, 0},
    {"sample.cpp", "method", 3, 3, 2, 1, 8, 0},
    {"sample.cpp", "fact", 2, 1, 0, 1, 1, 1},
    {"sample.cpp", "work", 2, 1, 0, 1, 12, 0},
    /* Java */
    {"Sample.java", "branches", 6, 5, 0, 2, 8, 0},
    {"Sample.java", "loops", 4, 4, 2, 1, 13, 0},
    {"Sample.java", "fact", 2, 1, 0, 1, 3, 1},
    {"Sample.java", "sw", 2, 1, 0, 1, 8, 0},
    /* Go */
    {"sample.go", "branches", 5, 4, 0, 1, 8, 0},
    {"sample.go", "loops", 4, 4, 2, 1, 13, 0},
    {"sample.go", "fact", 2, 1, 0, 1, 6, 1},
    {"sample.go", "sw", 3, 1, 0, 1, 10, 0},
    /* Rust */
    {"sample.rs", "branches", 5, 5, 0, 2, 9, 0},
    {"sample.rs", "loops", 4, 4, 2, 1, 14, 0},
    {"sample.rs", "fact", 2, 2, 0, 1, 3, 1},
    {"sample.rs", "classify", 4, 1, 0, 1, 7, 0},
};

static int analyze_fixture(const char *name, struct analysis *a)
{
        _cleanup_free_ char *path = NULL;
        assert_true(asprintf(&path, "%s/%s", FIXTURES, name) > 0);
        return analyze_file(az, path, NULL, a);
}

static void test_fixture_functions(void **state)
{
        (void)state;
        for (size_t i = 0; i < ARRAY_SIZE(expects); i++) {
                const struct expect *e = &expects[i];
                struct analysis a;
                assert_int_equal(analyze_fixture(e->file, &a), 0);
                const struct func_metrics *f = NULL;
                for (size_t k = 0; k < a.n_funcs && !f; k++)
                        if (strcmp(a.funcs[k].name, e->func) == 0)
                                f = &a.funcs[k];
                if (!f)
                        fail_msg("%s: no function %s", e->file, e->func);
                print_message("%s %s: ccn %u cognitive %u depth %u params %u nloc %u\n", e->file,
                              e->func, f->ccn, f->cognitive, f->max_loop_depth, f->params, f->nloc);
                assert_int_equal(f->ccn, e->ccn);
                assert_int_equal(f->cognitive, e->cognitive);
                assert_int_equal(f->max_loop_depth, e->loop_depth);
                assert_int_equal(f->params, e->params);
                assert_int_equal(f->nloc, e->nloc);
                assert_int_equal(f->recursive_direct, e->recursion == 1);
                assert_int_equal(f->recursive_mutual, e->recursion == 2);
                analysis_free(&a);
        }
}

static void test_fixture_files(void **state)
{
        (void)state;
        struct analysis a;
        /* Python: imports, external calls, hints, allocations, loop bounds */
        assert_int_equal(analyze_fixture("sample.py", &a), 0);
        assert_string_equal(a.lang->spec->name, "python");
        assert_int_equal(a.n_imports, 4);
        assert_string_equal(a.imports[0], "os");
        assert_string_equal(a.imports[1], "numpy");
        assert_int_equal(a.f.ext_calls[EXT_FILE], 1);
        assert_int_equal(a.f.ext_calls[EXT_SUBPROCESS], 1); /* os.system; run() is bare */
        assert_int_equal(a.f.ext_calls[EXT_SLEEP], 1);
        assert_int_equal(a.f.ext_calls_in_loop[EXT_SLEEP], 1);
        assert_int_equal(a.f.hints[HINT_SORT], 1);
        assert_true(a.f.hints[HINT_NUMERIC] >= 1);
        assert_true(a.f.allocs_known_size >= 4); /* range(10), range(100), range(3), bytearray */
        assert_true(a.f.max_alloc_size >= 4096.0);
        assert_int_equal(a.f.growth_in_loop, 1);
        assert_true(a.f.loop_bound[BOUND_LITERAL] >= 2);
        assert_true(a.f.loop_bound[BOUND_PARAM] >= 2);
        assert_int_equal(a.f.direct_recursion, 1);
        assert_int_equal(a.f.mutual_recursion, 2);
        assert_true(a.f.parse_error_ratio == 0.0);
        double v[128];
        assert_true(features_len() <= ARRAY_SIZE(v));
        assert_int_equal(features_flatten(&a.f, v, features_len()), 0);
        assert_true(v[0] == (double)a.f.lines);
        analysis_free(&a);

        /* C: includes, malloc size, socket, fopen, qsort, goto */
        assert_int_equal(analyze_fixture("sample.c", &a), 0);
        assert_int_equal(a.n_imports, 3);
        assert_string_equal(a.imports[2], "sys/socket.h");
        assert_int_equal(a.f.ext_calls[EXT_NETWORK], 1);
        assert_int_equal(a.f.ext_calls[EXT_FILE], 1);
        assert_int_equal(a.f.hints[HINT_SORT], 1);
        assert_true(a.f.max_alloc_size == 1024.0);
        assert_int_equal(a.f.max_literal_elems, 4);
        analysis_free(&a);

        /* JS: require() is an import too; fetch in a loop */
        assert_int_equal(analyze_fixture("sample.js", &a), 0);
        assert_int_equal(a.n_imports, 2);
        assert_string_equal(a.imports[1], "axios");
        assert_int_equal(a.f.ext_calls_in_loop[EXT_NETWORK], 1);
        analysis_free(&a);

        /* Go: net/http, time.Sleep, make */
        assert_int_equal(analyze_fixture("sample.go", &a), 0);
        assert_int_equal(a.f.ext_calls[EXT_NETWORK], 1);
        assert_int_equal(a.f.ext_calls[EXT_SLEEP], 1);
        assert_int_equal(a.f.growth_in_loop, 1);
        assert_int_equal(a.f.loop_bound[BOUND_LITERAL], 1); /* i < 10 */
        assert_int_equal(a.f.loop_bound[BOUND_PARAM], 1);   /* j < n */
        assert_int_equal(a.f.loop_bound[BOUND_DATA], 1);    /* range buf */
        assert_true(a.f.max_alloc_size == 10.0);            /* make([]int, 0, 10) */
        analysis_free(&a);

        /* C++ new int[256], Java new int[64], Rust Vec::with_capacity(100) */
        assert_int_equal(analyze_fixture("sample.cpp", &a), 0);
        assert_true(a.f.max_alloc_size == 256.0);
        analysis_free(&a);
        assert_int_equal(analyze_fixture("Sample.java", &a), 0);
        assert_true(a.f.max_alloc_size == 64.0);
        assert_int_equal(a.f.hints[HINT_REGEX] >= 1, 1);
        analysis_free(&a);
        assert_int_equal(analyze_fixture("sample.rs", &a), 0);
        assert_true(a.f.max_alloc_size == 100.0);
        assert_int_equal(a.f.ext_calls[EXT_FILE], 1);
        analysis_free(&a);
}

/* --- bad input --- */

static int buf(const char *lang, const char *src, size_t len, struct analysis *a)
{
        const struct lang *l = lang_by_name(lang);
        assert_non_null(l);
        return analyze_buffer(az, l, src, len, a);
}

/* A dotted call pattern outranks the last name alone: Java NIO's SocketChannel.open(addr) is a
 * connection, where open(...) alone is a file; a name only a file pattern knows stays a file. */
static void test_network_calls(void **state)
{
        (void)state;
        struct analysis a;
        static const char nio[] =
            "import java.nio.channels.SocketChannel;\nclass A {\n"
            "  void f(java.net.InetSocketAddress addr) throws Exception {\n"
            "    try (SocketChannel ch = SocketChannel.open(addr)) { ch.read(null); }\n"
            "    java.io.FileReader r = new java.io.FileReader(\"x\");\n  }\n}\n";
        assert_int_equal(buf("java", nio, sizeof(nio) - 1, &a), 0);
        assert_int_equal(a.f.ext_calls[EXT_NETWORK], 1);
        assert_int_equal(a.f.ext_calls[EXT_FILE], 1);
        analysis_free(&a);
        static const char node[] = "const https = require('https');\n"
                                   "https.get('https://127.0.0.1/', (res) => res.resume());\n";
        assert_int_equal(buf("javascript", node, sizeof(node) - 1, &a), 0);
        assert_int_equal(a.f.ext_calls[EXT_NETWORK], 1);
        analysis_free(&a);
        static const char aio[] = "import asyncio\nasync def get(h, p):\n"
                                  "    reader, writer = await asyncio.open_connection(h, p)\n"
                                  "    return await reader.read()\n";
        assert_int_equal(buf("python", aio, sizeof(aio) - 1, &a), 0);
        assert_int_equal(a.f.ext_calls[EXT_NETWORK], 1);
        analysis_free(&a);
        static const char py[] = "f = open('x')\nimg = Image.open('y')\n";
        assert_int_equal(buf("python", py, sizeof(py) - 1, &a), 0);
        assert_int_equal(a.f.ext_calls[EXT_FILE], 2);
        assert_int_equal(a.f.ext_calls[EXT_NETWORK], 0);
        analysis_free(&a);
}

static void test_empty(void **state)
{
        (void)state;
        struct analysis a;
        for (const struct lang_spec *const *s = lang_specs; *s; s++) {
                assert_int_equal(buf((*s)->name, "", 0, &a), 0);
                assert_int_equal(a.n_funcs, 0);
                assert_int_equal(a.f.lines, 0);
                analysis_free(&a);
        }
}

static void test_binary(void **state)
{
        (void)state;
        char b[4096];
        for (size_t i = 0; i < sizeof(b); i++)
                b[i] = (char)(i * 7);
        struct analysis a;
        assert_int_equal(buf("python", b, sizeof(b), &a), -EMEDIUMTYPE);
        assert_non_null(analyze_strerror(-EMEDIUMTYPE));
}

static void test_invalid_utf8(void **state)
{
        (void)state;
        static const char src[] = "def f(x):\n    return '\xff\xfe\xc3('\n\x80\x81 = 1\n"
                                  "def g():\n    if x:\n        pass\n";
        for (const struct lang_spec *const *s = lang_specs; *s; s++) {
                struct analysis a;
                assert_int_equal(buf((*s)->name, src, sizeof(src) - 1, &a), 0);
                assert_true(a.f.parse_error_ratio >= 0.0 && a.f.parse_error_ratio <= 1.0);
                analysis_free(&a);
        }
}

static void test_syntax_errors(void **state)
{
        (void)state;
        static const char src[] = "def f(:\n    if if if\n  return ))))\nclass\n";
        struct analysis a;
        assert_int_equal(buf("python", src, sizeof(src) - 1, &a), 0);
        assert_true(a.f.parse_error_ratio > 0.0);
        analysis_free(&a);
        static const char c[] = "int main( { for (;;) { if ( } } } }}} #include\n";
        assert_int_equal(buf("c", c, sizeof(c) - 1, &a), 0);
        assert_true(a.f.parse_error_ratio > 0.0 || a.f.missing_nodes > 0);
        analysis_free(&a);
}

static char *repeat(const char *head, const char *open, const char *mid, const char *close,
                    const char *tail, size_t n, size_t *len)
{
        size_t lo = strlen(open), lc = strlen(close), lh = strlen(head), lm = strlen(mid),
               lt = strlen(tail);
        size_t total = lh + n * (lo + lc) + lm + lt;
        char *s = malloc(total + 1), *p = s;
        assert_non_null(s);
        memcpy(p, head, lh), p += lh;
        for (size_t i = 0; i < n; i++)
                memcpy(p, open, lo), p += lo;
        memcpy(p, mid, lm), p += lm;
        for (size_t i = 0; i < n; i++)
                memcpy(p, close, lc), p += lc;
        memcpy(p, tail, lt), p += lt;
        *p = '\0';
        *len = total;
        return s;
}

/* 10,000 levels: brackets, blocks, ifs, nested closures and functions. No C recursion over
 * the tree, so none of these can exhaust the stack. */
static void test_deep_nesting(void **state)
{
        (void)state;
        static const struct {
                const char *lang, *head, *open, *mid, *close, *tail;
        } cases[] = {
            {"python", "x = ", "[", "1", "]", "\n"},
            {"python", "f = ", "lambda: (", "1", ")", "\n"},
            {"c", "int f(int a) {\n", "if (a) {\n", "a++;\n", "}\n", "return a; }\n"},
            {"javascript", "const f = ", "() => (", "1", ")", ";\n"},
            {"javascript", "", "function f() {\n", "return 1;\n", "}\n", ""},
            {"rust", "fn f() -> i32 ", "{ ", "1", " }", "\n"},
            {"go", "package p\nfunc f() {\n", "for {\n", "", "}\n", "}\n"},
            {"java", "class A { void f() {\n", "while (true) {\n", "", "}\n", "} }\n"},
            {"cpp", "int f() { return ", "(", "1", ")", "; }\n"},
            {"typescript", "let x = ", "{a: ", "1", "}", ";\n"},
        };
        for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
                size_t len;
                _cleanup_free_ char *s = repeat(cases[i].head, cases[i].open, cases[i].mid,
                                                cases[i].close, cases[i].tail, 10000, &len);
                struct analysis a;
                assert_int_equal(buf(cases[i].lang, s, len, &a), 0);
                analysis_free(&a);
        }
}

static void test_too_large(void **state)
{
        (void)state;
        /* A 50 MB file is refused by size before it is read (the default limit is 16 MiB:
         * a tree takes ~50 bytes per source byte); a raised limit is honoured. */
        char path[] = "/tmp/presize-analyze-XXXXXX.py";
        int fd = mkstemps(path, 3);
        assert_true(fd >= 0);
        assert_int_equal(ftruncate(fd, 50 * 1000 * 1000), 0);
        close(fd);
        struct analysis a;
        assert_int_equal(analyze_file(az, path, NULL, &a), -EFBIG);
        unlink(path);

        struct analyzer *small;
        struct analyzer_opts o = {.max_bytes = 100};
        assert_int_equal(analyzer_new(&o, &small), 0);
        char src[200];
        memset(src, ' ', sizeof(src));
        assert_int_equal(analyze_buffer(small, lang_by_name("python"), src, sizeof(src), &a),
                         -EFBIG);
        analyzer_free(small);
}

static void test_paths(void **state)
{
        (void)state;
        struct analysis a;
        assert_int_equal(analyze_file(az, "/nonexistent/presize/x.py", NULL, &a), -ENOENT);
        assert_int_equal(analyze_file(az, FIXTURES, NULL, &a), -EISDIR);
        char path[] = "/tmp/presize-analyze-XXXXXX.unknownext";
        int fd = mkstemps(path, 11);
        assert_true(fd >= 0);
        assert_int_equal(write(fd, "hello\n", 6), 6);
        close(fd);
        assert_int_equal(analyze_file(az, path, NULL, &a), -ENOPKG);
        unlink(path);
        /* a shebang names the language when the extension does not */
        char sh[] = "/tmp/presize-analyze-XXXXXX";
        fd = mkstemp(sh);
        assert_true(fd >= 0);
        static const char script[] = "#!/usr/bin/env python3\ndef f():\n    return 1\n";
        assert_int_equal(write(fd, script, sizeof(script) - 1), (ssize_t)sizeof(script) - 1);
        close(fd);
        assert_int_equal(analyze_file(az, sh, NULL, &a), 0);
        assert_string_equal(a.lang->spec->name, "python");
        assert_int_equal(a.n_funcs, 1);
        analysis_free(&a);
        unlink(sh);
}

static void test_lang_names(void **state)
{
        (void)state;
        assert_non_null(lang_by_name("py"));
        assert_non_null(lang_by_name("C++"));
        assert_non_null(lang_by_name("golang"));
        assert_null(lang_by_name("cobol"));
        assert_ptr_equal(lang_detect("a/b.tsx", NULL, 0), lang_by_name("tsx"));
        assert_ptr_equal(lang_detect("x.hpp", NULL, 0), lang_by_name("cpp"));
        assert_ptr_equal(lang_detect("noext", "#!/usr/bin/node\n", 16), lang_by_name("js"));
        assert_null(lang_detect("noext", "#!/bin/sh\n", 10));
        assert_null(lang_detect(".py", NULL, 0)); /* a dotfile, not an extension */
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(test_fixture_functions),
            cmocka_unit_test(test_fixture_files),
            cmocka_unit_test(test_network_calls),
            cmocka_unit_test(test_empty),
            cmocka_unit_test(test_binary),
            cmocka_unit_test(test_invalid_utf8),
            cmocka_unit_test(test_syntax_errors),
            cmocka_unit_test(test_deep_nesting),
            cmocka_unit_test(test_too_large),
            cmocka_unit_test(test_paths),
            cmocka_unit_test(test_lang_names),
        };
        return cmocka_run_group_tests(tests, setup, teardown);
}
