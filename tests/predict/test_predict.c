/* Prediction (issue 4): conformal math, grouped splits, tiers and allocation rounding, literal
 * statistics, the feature layout and its version guard, model round trips, the native tree
 * walker against XGBoost, and learning on a synthetic dataset. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "predict/eval.h"
#include "predict/predict.h"
#include "store/sha256.h"
#include "store/store.h"
#include "util/cleanup.h"

#define MIB (1024.0 * 1024.0)
#define GIB (1024.0 * MIB)

/* ---- conformal quantile: the exact index rule ---- */

static void test_conformal_index(void **state)
{
        double r1[] = {5, 1, 4, 2, 3};
        /* n = 5, c = 0.5: k = ceil(6 * 0.5) = 3 -> the third smallest */
        assert_true(conformal_quantile(r1, 5, 0.5) == 3);
        double r2[] = {5, 1, 4, 2, 3};
        /* c = 0.8: k = ceil(4.8) = 5 -> the largest */
        assert_true(conformal_quantile(r2, 5, 0.8) == 5);
        double r3[] = {5, 1, 4, 2, 3};
        /* c = 0.6: k = ceil(3.6) = 4 */
        assert_true(conformal_quantile(r3, 5, 0.6) == 4);
        /* n = 19, c = 0.95: k = ceil(19) = 19 exactly (no rounding up past it) */
        double r4[19];
        for (int i = 0; i < 19; i++)
                r4[i] = 19 - i;
        assert_true(conformal_quantile(r4, 19, 0.95) == 19);
        /* n = 99, c = 0.9: k = ceil(90) = 90 */
        double r5[99];
        for (int i = 0; i < 99; i++)
                r5[i] = (i * 37) % 99 + 1; /* a permutation of 1..99 */
        assert_true(conformal_quantile(r5, 99, 0.9) == 90);
        /* too few for the coverage: clamped to the largest */
        double r6[] = {0.1, 0.3, 0.2};
        assert_true(conformal_quantile(r6, 3, 0.95) == 0.3);
        assert_true(conformal_quantile(NULL, 0, 0.95) == 0);
}

/* The finite-sample correction counted in groups, and the group numbering it needs. */
static void test_conformal_groups(void **state)
{
        double r[20];
        for (int i = 0; i < 20; i++)
                r[i] = 20 - i; /* 1..20 */
        /* 20 residuals of 4 programs at 0.75: level 0.75 * 5 / 4 = 0.9375, k = ceil(18.75) = 19 */
        assert_true(conformal_quantile_groups(r, 20, 4, 0.75) == 19);
        /* as many groups as residuals: the plain rule, k = ceil(21 * 0.75) = 16 */
        assert_true(conformal_quantile_groups(r, 20, 20, 0.75) == 16);
        assert_true(conformal_quantile_groups(r, 20, 0, 0.75) == 16);
        /* too few programs for the coverage: the largest */
        assert_true(conformal_quantile_groups(r, 20, 2, 0.95) == 20);
        /* signed scores (one-sided bounds) sort like any others */
        double s[] = {-0.5, 0.2, -0.1, 0.4, 0.0};
        assert_true(conformal_quantile_groups(s, 5, 0, 0.5) == 0.0);

        const char *g[] = {"b", "a", "b", "c", "a"};
        unsigned ids[5];
        assert_int_equal(group_numbers(g, 5, ids), 3);
        assert_int_equal(ids[0], ids[2]);
        assert_int_equal(ids[1], ids[4]);
        assert_int_equal(ids[1], 0); /* in name order */
        assert_int_equal(ids[3], 2);
        unsigned char seen[3];
        assert_int_equal(count_distinct(ids, 5, seen, 3), 3);
        assert_int_equal(count_distinct(ids, 3, seen, 3), 2);
}

/* A deterministic normal generator (Box-Muller over a 64-bit LCG). */
static uint64_t rng_state = 88172645463325252ULL;
static double urand(void)
{
        rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return ((double)(rng_state >> 11) + 0.5) / 9007199254740992.0;
}
static double nrand(void)
{
        return sqrt(-2 * log(urand())) * cos(2 * M_PI * urand());
}

/* Coverage on synthetic data with known noise: over many draws the bound covers at least the
 * configured share (minus a small tolerance for the finite number of draws). */
static void test_conformal_coverage(void **state)
{
        const int draws = 300, ncal = 100, ntest = 100;
        const double cov[] = {0.8, 0.9, 0.95};
        for (size_t c = 0; c < 3; c++) {
                size_t covered = 0, total = 0;
                for (int d = 0; d < draws; d++) {
                        double res[100];
                        double scale = 0.2 + urand(); /* noise level differs per draw */
                        for (int i = 0; i < ncal; i++)
                                res[i] = fabs(scale * nrand());
                        double q = conformal_quantile(res, ncal, cov[c]);
                        for (int i = 0; i < ntest; i++) {
                                covered += fabs(scale * nrand()) <= q;
                                total++;
                        }
                }
                double share = (double)covered / (double)total;
                assert_true(share >= cov[c] - 0.01);
                /* and not wildly conservative: the guarantee is tight within 1/(n+1) */
                assert_true(share <= cov[c] + 0.03);
        }
}

/* ---- grouped splits ---- */

static void test_group_folds(void **state)
{
        enum { N = 500 };
        const char *groups[N];
        char names[60][16];
        for (int i = 0; i < 60; i++)
                snprintf(names[i], sizeof(names[i]), "prog%02d", i);
        for (int i = 0; i < N; i++)
                groups[i] = names[(i * 7 + i / 13) % 60];
        unsigned fold[N], fold2[N];
        assert_int_equal(group_folds(groups, N, 5, fold), 0);
        /* never split a program */
        for (int i = 0; i < N; i++)
                for (int j = 0; j < N; j++)
                        if (!strcmp(groups[i], groups[j]))
                                assert_int_equal(fold[i], fold[j]);
        /* every fold used, sizes balanced, deterministic */
        size_t load[5] = {0};
        for (int i = 0; i < N; i++) {
                assert_true(fold[i] < 5);
                load[fold[i]]++;
        }
        for (int f = 0; f < 5; f++)
                assert_true(load[f] >= 80 && load[f] <= 120);
        assert_int_equal(group_folds(groups, N, 5, fold2), 0);
        assert_memory_equal(fold, fold2, sizeof(fold));
        /* seeded: seed 0 is the same; another seed another assignment of whole programs, still
         * balanced, and the same again for the same seed */
        assert_int_equal(group_folds_seeded(groups, N, 5, 0, fold2), 0);
        assert_memory_equal(fold, fold2, sizeof(fold));
        unsigned fold3[N];
        assert_int_equal(group_folds_seeded(groups, N, 5, 1, fold2), 0);
        assert_int_equal(group_folds_seeded(groups, N, 5, 1, fold3), 0);
        assert_memory_equal(fold2, fold3, sizeof(fold2));
        size_t moved = 0, load2[5] = {0};
        for (int i = 0; i < N; i++) {
                moved += fold2[i] != fold[i];
                load2[fold2[i]]++;
                for (int j = 0; j < N; j++)
                        if (!strcmp(groups[i], groups[j]))
                                assert_int_equal(fold2[i], fold2[j]);
        }
        assert_true(moved > N / 2);
        for (int f = 0; f < 5; f++)
                assert_true(load2[f] >= 80 && load2[f] <= 120);
        bool calib[N];
        assert_int_equal(group_split(groups, N, 0.25, calib), 0);
        size_t nc = 0;
        for (int i = 0; i < N; i++) {
                nc += calib[i];
                for (int j = 0; j < N; j++)
                        if (!strcmp(groups[i], groups[j]))
                                assert_int_equal(calib[i], calib[j]);
        }
        assert_true(nc > 0 && nc < N);
}

/* ---- tiers and allocation ---- */

static struct demand demand_of(double cpu_m, double mem, double net_bps)
{
        struct demand d = {0};
        d.cpu_millicores = (struct estimate){cpu_m / 2, cpu_m};
        d.memory_bytes = (struct estimate){mem / 2, mem};
        d.net_rate_bps = (struct estimate){net_bps / 2, net_bps};
        return d;
}

static void test_tiers_allocation(void **state)
{
        struct tier t[3];
        assert_int_equal(default_tiers(t, 3), 3);
        assert_string_equal(t[0].name, "low");
        assert_int_equal(t[0].cpu_millicores, 1000);
        assert_int_equal(t[1].memory_bytes, 8ULL << 30);
        assert_int_equal(t[2].net_rate_bps, 100000000);
        assert_true(t[2].gpu && !t[1].gpu);

        struct demand d = demand_of(950, 100 * MIB, 0);
        assert_int_equal(tier_for(t, 3, &d), 0);
        assert_string_equal(complexity_score(t, 3, 0), "low");
        d = demand_of(2400, 100 * MIB, 0); /* cpu (the point, 1200m) over the low tier */
        assert_int_equal(tier_for(t, 3, &d), 1);
        d = demand_of(2006, 100 * MIB, 0); /* 1003m: 1 CPU at allocation granularity */
        assert_int_equal(tier_for(t, 3, &d), 0);
        d = demand_of(500, 2 * GIB - 1, 0); /* memory: the upper bound must fit */
        assert_int_equal(tier_for(t, 3, &d), 0);
        d = demand_of(500, 2 * GIB + 1, 0); /* memory over the low tier */
        assert_int_equal(tier_for(t, 3, &d), 1);
        d = demand_of(500, 100 * MIB, 120e6); /* net (the point, 60 Mbit) over the medium tier */
        assert_int_equal(tier_for(t, 3, &d), 2);
        assert_string_equal(complexity_score(t, 3, 2), "high");
        d = demand_of(64000, 100 * GIB, 0); /* over everything: the largest */
        assert_int_equal(tier_for(t, 3, &d), 2);

        struct alloc a;
        bool gpu;
        d = demand_of(950, 1, 0);
        allocation_for(&d, &t[0], &a, &gpu);
        assert_int_equal(a.cpu_millicores, 1000);
        assert_int_equal(a.memory_bytes, 32ULL << 20); /* minimum */
        assert_int_equal(a.net_rate_bps, 0);
        assert_false(a.network);
        assert_false(gpu);
        d = demand_of(1001, 33 * MIB + 1, 1.2e6);
        allocation_for(&d, &t[2], &a, &gpu);
        assert_int_equal(a.cpu_millicores, 1100);
        assert_int_equal(a.memory_bytes, 48ULL << 20);
        assert_int_equal(a.net_rate_bps, 2000000);
        assert_true(a.network);
        assert_true(gpu);
        d = demand_of(0, 48 * MIB, 1e6); /* exact multiples stay */
        allocation_for(&d, &t[1], &a, &gpu);
        assert_int_equal(a.cpu_millicores, 100); /* minimum */
        assert_int_equal(a.memory_bytes, 48ULL << 20);
        assert_int_equal(a.net_rate_bps, 1000000);
        d = demand_of(100, 64 * MIB, 0);
        allocation_for(&d, &t[1], &a, &gpu);
        assert_int_equal(a.cpu_millicores, 100);
        assert_int_equal(a.memory_bytes, 64ULL << 20);
}

/* ---- literal statistics ---- */

static void lit(const char *src, double max_log10, double sum_log10, double big, double named)
{
        double o[LIT_LEN];
        literal_stats(src, strlen(src), o);
        if (fabs(o[0] - max_log10) > 1e-9 || fabs(o[1] - sum_log10) > 1e-9 || o[2] != big ||
            fabs(o[3] - named) > 1e-9)
                fail_msg("%s: got %g %g %g %g, want %g %g %g %g", src, o[0], o[1], o[2], o[3],
                         max_log10, sum_log10, big, named);
}

static void test_literals(void **state)
{
        /* Python: underscores, exponent floats with integer values, ** folded, strings and
         * identifiers with digits skipped, 0.5 not an integer */
        lit("N = 1_000_000\nx2 = 3\ns = 'size 99999'\nr = 0.5\n", 6, 6 + log10(3), 1, 6);
        lit("M = 10**6\nK = 1e3\n", 6, 6 + 3, 2, 6);
        /* JavaScript: BigInt suffix, hex skipped, template string skipped, 1 << 20 folded */
        lit("const n = 100000n; const m = 0x10; const s = `x 5000`; let b = 1 << 20;",
            log10(1 << 20), 5 + log10(1 << 20), 2, log10(1 << 20));
        /* C: #define kept, suffixes, char literal skipped, array dims; an RNG multiplier and a
         * modulus are not sizes */
        lit("#define N 4096UL\nint a[N][8];\nchar c = '7';\nfor (int i = 0; i < N; i++) {}\n"
            "x = x * 6364136223846793005ULL + 1442695040888963407ULL; y %= 1000000007;\n",
            log10(4096), log10(4096) + log10(8), 1, log10(4096));
        /* Java: underscores, long suffix, identifiers like int32 skipped */
        lit("static final int N = 2_000_000; long m = 50L; Int32 x = null; double d = 2.5;",
            log10(2e6), log10(2e6) + log10(50), 1, log10(2e6));
        /* a named seed or modulus is not the size; a literal inside an expression is not named */
        lit("SEED = 123456\nMOD_P = 999983\nN = 5000\nk = 7 + 100000\n", log10(999983),
            log10(123456) + log10(999983) + log10(5000) + log10(7) + log10(100000), 4, log10(5000));
        /* products of literals fold; a literal times a name does not */
        lit("buf = bytearray(1024 * 1024)\nx = 3 * n\n", log10(1048576.0),
            log10(1048576.0) + log10(3), 1, 0);
        lit("BUF = 1024 * 1024\n", log10(1048576.0), log10(1048576.0), 1, log10(1048576.0));
        /* no named size: a loop's literal bound stands in (at least 1000); shifts, small
         * bounds and other comparisons with a named size do not */
        lit("total = 0\nfor i in range(20_000_000):\n    total += i\n", log10(2e7), log10(2e7), 1,
            log10(2e7));
        lit("for x in range(5, 300000): pass\n", log10(3e5), log10(5) + log10(3e5), 1, log10(3e5));
        lit("for (int i = 0; i <= 750000; i++) s += i;", log10(7.5e5), log10(7.5e5), 1,
            log10(7.5e5));
        lit("for i in range(10): pass\nx = y << 20000\n", log10(20000), 1 + log10(20000), 1, 0);
        lit("N = 5000\nfor i in range(900000): pass\n", log10(9e5), log10(5000) + log10(9e5), 2,
            log10(5000));
        /* nothing */
        lit("print('hello')\n", 0, 0, 0, 0);
}

/* The size as code states it other than by assigning it (2026-12-02, from the styles of the
 * programs added to the corpus): passed to a function of the text, an object's key, an enum
 * constant; and what is not one. named: log10 of the size taken (0: none); power: the
 * allocation power its name then gives (-1: not checked). */
static void size_named(const char *src, double named, double power)
{
        double o[LIT_LEN];
        literal_stats(src, strlen(src), o);
        if (fabs(o[3] - named) > 1e-9 || (power >= 0 && o[LIT_SIZE_AT] != power))
                fail_msg("%s: got size %g power %g, want %g %g", src, o[3], o[LIT_SIZE_AT], named,
                         power);
}

static void test_size_stated(void **state)
{
        (void)state;
        /* src; the size it states (0: none); the allocation power its name then gives (-1: not
         * checked) */
        static const struct {
                const char *src;
                double size, power;
        } cases[] = {
            /* passed to the program's own function: the literal is the size, the parameter its
             * name (JavaScript, Python, C, a Java constructor, a JavaScript class's constructor) */
            {"const K = 4;\nfunction main(n) {\n  const a = new Array(n).fill(0);\n}\n"
             "main(62000);\n",
             62000, 1},
            {"def main(n: int = 10):\n    xs = [0] * n\n    return xs\n\n"
             "if __name__ == '__main__':\n    main(8100)\n",
             8100, 1},
            {"static void bench(int limbs)\n{\n        long *a = malloc(limbs * 8);\n}\n"
             "int main(void)\n{\n        bench(1400);\n}\n",
             1400, 1},
            {"class G {\n    G(int count) {\n        nodes = new Node[count];\n    }\n"
             "    public static void main(String[] a) {\n"
             "        System.out.println(new G(350000).run());\n    }\n}\n",
             350000, 1},
            {"class Sim {\n  constructor(cells) { this.v = new Float64Array(cells); }\n}\n"
             "new Sim(3000);\n",
             3000, 1},
            /* an element of a C struct's initializer is named by its field: positional, with the
             * struct defined by its tag or inline */
            {"struct config { int records; int depth; int fanout; };\n"
             "static const struct config cfg = {7200, 3, 4};\n"
             "int main(void) {\n  char *p = malloc(cfg.records * 64);\n}\n",
             7200, 1},
            {"int main(void) {\n  const struct { long puts; long keyspace; } cfg = {21000, "
             "21000 / 3 + 1};\n  for (long i = 0; i < cfg.puts; i++)\n    put(i);\n}\n",
             21000, 1},
            /* a store through an index names nothing (par[k] = 255 is no size above CITIES) */
            {"#define CITIES 20\nint main(void) {\n  for (int j = 0; j < CITIES; j++)\n"
             "    par[(1 << j) * CITIES + j] = 255;\n}\n",
             20, -1},
            /* ... not an array's initializer */
            {"static const int primes[] = {7200, 3, 4};\nint main(void) {\n  return 0;\n}\n", 0, 0},
            /* the parameter is the last name of its segment: a struct's tag, a pointer's star, a
             * default or an annotation do not shift the positions; Python's self is no position */
            {"struct cfg { int seed; };\n"
             "static void run(struct cfg *c, int cells)\n{\n"
             "        double *v = malloc(cells * 8);\n        v[0] = c->seed;\n}\n"
             "int main(void)\n{\n        struct cfg conf = {7};\n        run(&conf, 4000);\n}\n",
             4000, 1},
            {"class S:\n    def run(self, n, verbose=False):\n        return [0] * n\n\n"
             "S().run(5000)\n",
             5000, 1},
            /* a Python class called with the size: its __init__'s parameter (of that class, not
             * of the class before it) */
            {"class Rng:\n    def __init__(self, seed):\n        self.s = seed\n\n"
             "class Graph:\n    def __init__(self, n):\n"
             "        self.dist = [[0] * n for _ in range(n)]\n\n"
             "g = Graph(250)\nr = Rng(1000)\n",
             250, 2},
            /* a larger named constant keeps its place; a smaller one gives way */
            {"N = 500000\ndef run(k):\n    pass\nrun(2000)\n", 500000, -1},
            {"ALPHA = 26\ndef run(k):\n    return [0] * k\nrun(2000)\n", 2000, 1},
            /* not sizes: a generator's seed (not a round number, or a parameter named so), a call
             * that is no definition (Python's for header ends in ':' too), a call of a name the
             * text does not define */
            {"function mulberry32(a) { return a; }\nconst r = mulberry32(20240601);\n", 0, -1},
            {"def rng(seed):\n    return seed\nr = rng(1000)\n", 0, -1},
            {"static unsigned rnd(unsigned n) { return n; }\n"
             "int main(void) { return rnd(100000) > 30; }\n",
             0, -1},
            {"for t in range(256):\n    pass\n", 0, -1},
            {"console.log(5000);\nprint(70000)\n", 0, -1},
            /* an object's key: a plain literal of at least 16 when nothing above 1 is assigned */
            {"const graph = { nodes: 40000, avgOutDegree: 2 };\n", 40000, -1},
            {"const p = { x: 1, y: 2 };\n", 0, -1},
            {"CONFIG = {\"points\": 25000, \"ratio\": 0.5, \"seed\": 2024}\n", 25000, -1},

            {"const MB = 8;\nfs.createReadStream(p, { highWaterMark: 1 << 16 });\n", 8, -1},
            {"const cfg = { rows: 3000 };\nconst N = 70000;\n", 70000, -1},
            /* a ternary's branch is not a key */
            {"const v = ok ? a : 5000;\n", 0, -1},
            /* an enum constant (C) */
            {"enum { GRID = 340 };\nint main(void) { double *u = malloc(GRID * 8); }\n", 340, 1},
            /* a named constant that is not a round number (three significant digits at most, or a
             * power of two) is a seed or a hash's prime, not a size */
            {"#define NBYTES 20000\nuint32_t r = 99991;\n", 20000, -1},
            {"BLOCK = 65536\nN = 5000\n", 65536, -1},
            {"h = 5381\n", 0, -1},
            /* a number base or a cut-off is no size: the argument of the program's function is */
            {"#define BASE 10000\n#define CUTOFF 24\nstatic void bench(int limbs)\n{\n"
             "        long *a = malloc(limbs * 8);\n}\nint main(void)\n{\n"
             "        bench(40);\n}\n",
             40, 1},
            /* a size in MiB against a call's small argument: 4 MiB is larger than rotl(x, 18) */
            {"#define MIB 4\nstatic unsigned rotl(unsigned x, int r) { return x << r; }\n"
             "int main(void) { long blocks = (long)MIB * 256; return rotl(blocks, 18); }\n",
             4, -1},
            /* a generator's state is no size however round its seed: it is multiplied into itself
             * (s = s * 1664525u + ..., s ^= s << 13); a capacity that doubles still is one */
            {"int main(void)\n{\n  int side = 60;\n  unsigned s = 777;\n"
             "  for (int i = 0; i < side; i++)\n    s = s * 1664525u + 1013904223u;\n}\n",
             60, -1},
            {"let side = 60;\nlet x = 700;\nfor (let i = 0; i < side; i++) x ^= x << 13;\n", 60,
             -1},
            {"int main(void)\n{\n  size_t cap = 1000, n = 0;\n  while (more()) {\n"
             "    if (n == cap)\n      cap *= 2;\n  }\n}\n",
             1000, -1},
            /* a floating-point constant is a value, not a count */
            {"const double m = 1 << 12;\nint n = 300;\n", 300, -1},
        };
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
                size_named(cases[i].src, cases[i].size > 0 ? log10(cases[i].size) : 0,
                           cases[i].power);
        /* ... looked for only in the few largest named constants: 1 MiB of growing assignments
         * (`k = 10`, `k = 20`, ...) stays linear */
        {
                size_t big = 1 << 20, n = 0;
                char *t = malloc(big + 32);
                assert_non_null(t);
                long last = 0;
                for (long v = 10; n + 32 < big; v += 10) {
                        n += (size_t)snprintf(t + n, 32, "k = %ld\n", v);
                        last = v;
                }
                double o[LIT_LEN];
                literal_stats(t, n, o);
                free(t);
                /* a round one near the largest (about 96,000 of them, up to 963,320) */
                assert_true(o[3] >= log10(900000.0) && o[3] <= log10((double)last));
        }
}

/* ---- size statistics: allocation power, size-loop nesting, element bytes ---- */

static void sz(const char *src, double power, double loops, double elem_bytes)
{
        double o[LIT_LEN];
        literal_stats(src, strlen(src), o);
        double want_elem = elem_bytes > 0 ? log2(elem_bytes) + 1 : 0;
        const double *z = o + LIT_SIZE_AT;
        if (z[0] != power || z[1] != loops || fabs(z[2] - want_elem) > 1e-9)
                fail_msg("%s\ngot power %g loops %g elem %g, want %g %g %g", src, z[0], z[1], z[2],
                         power, loops, want_elem);
}

/* The derived literal features (sz_log10_n, sz_log10_bytes, sz_log10_work) of src as code of a
 * notification n. */
static void derived(const char *src, const struct notification *n, double d[3])
{
        double v[256], meta[META_LEN], lt[LIT_LEN];
        assert_true(code_len() <= 256);
        meta_vector(n, meta);
        literal_stats(src, strlen(src), lt);
        code_vector(meta, NULL, 0, lt, v);
        memcpy(d, v + code_len() - LIT_LEN + LIT_DERIVED_AT, 3 * sizeof(double));
}

static void test_size_stats(void **state)
{
        /* C: a malloc per element inside a loop over N is N cells (of a struct) */
        sz("#define N 18000\nstruct cell { long value; struct cell *next; };\n"
           "int main(void) {\n  struct cell *head = NULL;\n"
           "  for (long i = 0; i < N; i++) {\n    struct cell *c = malloc(sizeof(*c));\n"
           "    c->next = head;\n    head = c;\n  }\n  return 0;\n}\n",
           1, 1, 32);
        /* Python: nested comprehensions and [0.0] * N are N x N; a triple loop nest over N */
        sz("import random\nN = 300\n"
           "A = [[random.random() for _ in range(N)] for _ in range(N)]\n"
           "C = [[0.0] * N for _ in range(N)]\n\n"
           "for i in range(N):\n    for k in range(N):\n        a = A[i][k]\n"
           "        for j in range(N):\n            C[i][j] += a * A[k][j]\n"
           "print(N, C[0][0])\n",
           2, 3, 0);
        /* JavaScript: a typed array of N * N doubles, a braceless inner loop */
        sz("const N = 5000;\nconst a = new Float64Array(N * N);\n"
           "for (let i = 0; i < N; i++) {\n  for (let j = 0; j < N; j++) a[i * N + j] = i + j;\n}\n"
           "console.log(a[0]);\n",
           2, 2, 8);
        /* C: arrays declared with the size are allocations (a global table of N ints, a
         * struct table, a local N x N table of doubles); one declared inside a loop over N is
         * the same array each time round; a constant buffer, and an index in an expression
         * after a sizeof, are not */
        sz("#define N 100000\nstatic int table[N];\n"
           "int main(void) {\n  for (int i = 0; i < N; i++)\n    table[i] = i;\n"
           "  return table[7];\n}\n",
           1, 1, 4);
        sz("#define N 100000\nstruct entry { long k; long v; };\nstatic struct entry t[N * 2];\n"
           "int main(void) {\n  return (int)t[0].k;\n}\n",
           1, 0, 64);
        sz("#define N 700\n"
           "int main(void) {\n  static double dp[N][N + 1];\n"
           "  for (int i = 0; i < N; i++)\n    for (int j = 0; j <= N; j++)\n"
           "      dp[i][j] = i + j;\n  return (int)dp[1][1];\n}\n",
           2, 2, 8);
        sz("#define N 100000\n"
           "int main(void) {\n  long s = 0;\n  int a[8] = {0};\n"
           "  for (int i = 0; i < N; i++) {\n    char row[N];\n    row[i] = 1;\n"
           "    s += sizeof(int) * a[i % 8] + row[i];\n  }\n  return (int)s;\n}\n",
           1, 1, 1);
        sz("#define N 100000\n"
           "int main(void) {\n  char buf[256];\n  long s = 0;\n  int *p = buf;\n"
           "  for (int i = 0; i < N; i++)\n    s += sizeof(int) * p[N - i];\n  return (int)s;\n}\n",
           0, 1, 0);
        /* Java: new int[N], one loop; a loop over a constant is not a size loop */
        sz("class A {\n  static final int N = 1_000_000;\n  public static void main(String[] x) {\n"
           "    int[] a = new int[N];\n    for (int i = 0; i < N; i++) a[i] = i;\n"
           "    for (int r = 0; r < 3; r++) { a[r] += r; }\n  }\n}\n",
           1, 1, 4);
        /* C: H is derived from W (an alias), so W * H is two size names; casts do not count;
         * the constant factors (H is 3/4 of W, 3 bytes a pixel) make a cell of 2.25 bytes */
        sz("#define W 640\n#define H (W * 3 / 4)\n"
           "int main(void) {\n  unsigned char *px = malloc((size_t)W * H * 3);\n"
           "  char **names = malloc(W * sizeof(char *));\n  return px[0];\n}\n",
           2, 0, 2.25);
        /* a capacity computed from the size: N * 96 + 16 chars are N cells of 96 bytes; a
         * factor in a sum (N + 1) * 4 or in a value (x * 2) is none */
        sz("#define N 1000\nint main(void) {\n  size_t cap = (size_t)N * 96 + 16, len = 0;\n"
           "  char *doc = malloc(cap);\n  return doc[len];\n}\n",
           1, 0, 96);
        sz("N = 1000\nxs = [x * 2 for x in range(N)]\n", 1, 1, 0);
        /* Python: a loop over a collection allocated with the size is a size loop; growth in it
         * is one power */
        sz("N = 100000\ndata = list(range(N))\nout = []\nfor x in data:\n    out.append(x * 2)\n"
           "print(len(out))\n",
           1, 1, 0);
        /* a row buffer bound to a name in a loop over the size replaces the last one: N, not
         * N x N; a row stored into a table does accumulate */
        sz("N = 1000\nprev = [0] * (N + 1)\nfor i in range(N):\n    cur = [0] * (N + 1)\n"
           "    prev = cur\nprint(prev[N])\n",
           1, 1, 0);
        sz("#define N 1000\nint main(void) {\n  double **m = malloc(N * sizeof(double *));\n"
           "  for (int i = 0; i < N; i++)\n    m[i] = malloc(N * sizeof(double));\n}\n",
           2, 1, 8);
        /* the size as a value in a call that does not allocate is no count of cells
         * (randrange(N * 3)); nor in what a push is given; the loop around it counts */
        sz("import random\nN = 5000\nwords = ['w%d' % random.randrange(N * 3) for _ in "
           "range(N)]\n",
           1, 1, 0);
        sz("const N = 5000;\nconst seq = [];\nfor (let i = 0; i < N; i++) seq.push(i % (N * 2));\n",
           1, 1, 0);
        /* threads over a constant, whose arguments mention the size: no allocation over it */
        sz("import threading\nLIMIT = 100000\nstep = LIMIT // 4\n"
           "ws = [threading.Thread(target=f, args=(i * step, LIMIT)) for i in range(4)]\n",
           0, 0, 0);
        /* ...but a row appended per iteration is N x N, and new X(N) constructs X of N */
        sz("N = 300\nrows = []\nfor i in range(N):\n    rows.append([0] * N)\n", 2, 1, 0);
        sz("const N = 5000;\nconst a = new Float64Array(N);\nconsole.log(a[0]);\n", 1, 0, 8);
        /* a comprehension over several lines in a script with no block is Python */
        sz("import json\nN = 4000\nrecs = [\n    {\"id\": i, \"tags\": [1, 2]}\n"
           "    for i in range(N)\n]\nprint(json.dumps(recs)[:10])\n",
           1, 1, 0);
        /* a function of the text that allocates, called with the size: its cells (its
         * parameters are sizes then: malloc(w * h * 3) is W x H cells of 3 bytes, malloc
         * counting bytes) */
        sz("#define W 640\n#define H W\n"
           "static unsigned char *make(int w, int h)\n{\n  return malloc((size_t)w * h * 3);\n}\n"
           "int main(void)\n{\n  unsigned char *px = make(W, H);\n  return px[0];\n}\n",
           2, 0, 3);
        /* ...but no more of them than one allocation in its body names parameters: two rows of
         * m + 1 ints for an n x m distance are m cells (of 4 bytes), not n x m */
        sz("#define N 1000\n"
           "static int lev(const char *s, const char *t, int n, int m)\n{\n"
           "  int *prev = malloc((m + 1) * sizeof(int));\n  return prev[0] + s[n] + t[m];\n}\n"
           "int main(void)\n{\n  char *a = malloc(N + 1), *b = malloc(N + 1);\n"
           "  printf(\"%d %d\\n\", lev(a, b, N, N), N);\n}\n",
           1, 0, 4);
        /* the size passed to a helper: the helper's loops over its parameters are loops over
         * the size (n x m edit distance), read in a second pass */
        sz("#define N 1000\n"
           "static int dist(const char *s, const char *t, int n, int m)\n{\n  int d = 0;\n"
           "  for (int i = 0; i < n; i++)\n    for (int j = 0; j < m; j++)\n"
           "      d += s[i] != t[j];\n  return d;\n}\n"
           "int main(void)\n{\n  return dist(\"a\", \"b\", N, N);\n}\n",
           0, 2, 0);
        /* ...also after a parameter whose type names a struct (the tag is no parameter) */
        sz("#define N 1000\nstruct graph { int *adj; };\n"
           "static int walk(struct graph *g, int n)\n{\n  int d = 0;\n"
           "  for (int i = 0; i < n; i++)\n    for (int j = 0; j < n; j++)\n"
           "      d += g->adj[i] != j;\n  return d;\n}\n"
           "int main(void)\n{\n  struct graph g = {0};\n  return walk(&g, N);\n}\n",
           0, 2, 0);
        /* a row per iteration sized by the loop's variable: N^2 / 2 cells in all; a
         * constructor's arguments are values, not cells */
        sz("#define N 7000\nint main(void) {\n  uint64_t **tri = malloc(N * sizeof *tri);\n"
           "  for (size_t i = 0; i < N; i++)\n    tri[i] = calloc(i + 1, sizeof(uint64_t));\n}\n",
           2, 1, 8);
        sz("class P {\n  static final int N = 5000;\n  public static void main(String[] a) {\n"
           "    Point[] ps = new Point[N];\n    for (int i = 0; i < N; i++)\n"
           "      ps[i] = new Point(i, i);\n  }\n}\n",
           1, 1, -1);
        /* degrees: a difference of sizes is one (new int[hi - lo]), a product two, the values
         * of a call that does not allocate their largest; calloc's arguments multiply */
        sz("class S {\n  static final int N = 5000;\n  static void sort(int[] a, int lo, int hi) "
           "{\n"
           "    int[] tmp = new int[hi - lo];\n  }\n"
           "  public static void main(String[] x) {\n    int[] a = new int[N];\n"
           "    sort(a, 0, N);\n  }\n}\n",
           1, 0, 4);
        sz("#define N 300\nint main(void) {\n  double *m = calloc((size_t)N * N, sizeof(double));\n"
           "  return m[0] > 0;\n}\n",
           2, 0, 8);
        sz("N = 300\nM = N\ngrid = [[0] * (M + 1) for _ in range(N + 1)]\n", 2, 1, 0);
        /* a '(' in a string or a comment does not hide the definitions after it */
        sz("#define W 640\n#define H W\nconst char *msg = \"(unbalanced\"; /* ( */\n"
           "static unsigned char *make(int w, int h)\n{\n  return malloc((size_t)w * h * 3);\n}\n"
           "int main(void)\n{\n  unsigned char *px = make(W, H);\n  return px[0];\n}\n",
           2, 0, 3);
        /* hostile text stays linear: 1 MiB of "a(" (each would rescan the rest for a
         * parameter list) and of "a()throws " */
        {
                size_t big = 1 << 20;
                char *t = malloc(big + 16);
                assert_non_null(t);
                memcpy(t, "N = 5\n", 6);
                for (size_t i = 6; i + 1 < big; i += 2)
                        memcpy(t + i, "a(", 2);
                double o[LIT_LEN];
                literal_stats(t, big, o);
                assert_true(o[LIT_SIZE_AT] == 0);
                for (size_t i = 6; i + 10 < big; i += 10)
                        memcpy(t + i, "a()throws ", 10);
                literal_stats(t, big, o);
                assert_true(o[LIT_SIZE_AT] == 0);
                /* ... and of struct initializers (each would look its struct up in the whole
                 * text), of a function calling itself one step down, of functions that do */
                size_t n = 0;
                n += (size_t)snprintf(t, 64, "struct c { int n; };\n");
                while (n + 32 < big)
                        n += (size_t)snprintf(t + n, 32, "struct c x%zu = {%zu};\n", n, n % 1000);
                literal_stats(t, n, o);
                n = (size_t)snprintf(t, 64, "N = 20\ndef f(n):\n    return ");
                while (n + 16 < big)
                        n += (size_t)snprintf(t + n, 16, "f(n - 1) + ");
                n += (size_t)snprintf(t + n, 16, "0\nf(N)\n");
                literal_stats(t, n, o);
                assert_true(o[LIT_SIZE_AT + 6] == 2);
                n = (size_t)snprintf(t, 64, "N = 20\n");
                for (size_t k = 0; n + 64 < big; k++)
                        n += (size_t)snprintf(
                            t + n, 64, "def f%zu(n):\n    f%zu(n-1)\n    f%zu(n-1)\n", k, k, k);
                n += (size_t)snprintf(t + n, 16, "f0(N)\n");
                literal_stats(t, n, o);
                /* ... of growing words' functions calling one another (each body read again
                 * for calls of later functions: still linear) */
                n = (size_t)snprintf(t, 64, "#define N 20\n");
                for (size_t k = 0; n + 64 < big; k++)
                        n += (size_t)snprintf(t + n, 64,
                                              "void add(int x) { put(x); }\n"
                                              "void put(int x) { add(x); }\n");
                n += (size_t)snprintf(t + n, 64, "int main(void) { add(N); }\n");
                literal_stats(t, n, o);
                free(t);
        }
        /* a Python constructor per iteration accumulates (heap of records) */
        sz("import heapq\nN = 1000\nheap = []\nfor i in range(N):\n"
           "    heapq.heappush(heap, Record(i, i))\n",
           1, 1, 0);
        /* text built up with += in a loop over the size; a counter is not */
        sz("const N = 1000;\nlet text = '';\nfor (let i = 0; i < N; i++) text += 'ab' + i;\n", 1, 1,
           0);
        sz("const N = 1000;\nlet c = 0;\nfor (let i = 0; i < N; i++) c += i;\n", 0, 1, 0);
        /* a file written in a loop over the size fills the page cache */
        sz("#define MB 64\nint main(void) {\n  static char buf[1 << 20];\n"
           "  FILE *f = fopen(\"/tmp/x\", \"wb\");\n"
           "  for (int i = 0; i < MB; i++)\n    fwrite(buf, 1, sizeof(buf), f);\n}\n",
           1, 1, 0);
        /* no named size: nothing; a size that is never used: nothing */
        sz("print('hello')\n", 0, 0, 0);
        sz("N = 5000\nprint(N)\n", 0, 0, 0);
        /* the size's unit: a name ending in MB, or NAME << 20 */
        double u[LIT_LEN];
        const char *mb = "#define MB 64\nint main(void) { char *p = malloc((size_t)MB << 20); }\n";
        literal_stats(mb, strlen(mb), u);
        assert_true(fabs(u[LIT_SIZE_AT + 4] - 20 * log10(2.0)) < 1e-9);
        mb = "BLOCKS = 64\nbuf = bytearray(BLOCKS << 10)\n";
        literal_stats(mb, strlen(mb), u);
        assert_true(fabs(u[LIT_SIZE_AT + 4] - 10 * log10(2.0)) < 1e-9);
        mb = "N = 64\nxs = [0] * N\n";
        literal_stats(mb, strlen(mb), u);
        assert_true(u[LIT_SIZE_AT + 4] == 0);
        /* the derived features: log10 of the size, of the bytes and of the work */
        double d[3], lt[LIT_LEN];
        struct notification n = {"c", "", "matrix", 0};
        const char *src = "#define N 1000\ndouble *m = malloc(sizeof(double) * N * N);\n"
                          "for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) m[i] = j;\n";
        derived(src, &n, d);
        assert_true(fabs(d[0] - 3) < 1e-9);              /* sz_log10_n */
        assert_true(fabs(d[1] - (6 + log10(8))) < 1e-9); /* sz_log10_bytes */
        assert_true(fabs(d[2] - 6) < 1e-9);              /* sz_log10_work */
        /* code that states no size but reads input: the input is the size, read whole: its
         * bytes, held once */
        struct notification ni = {"python", "", "sorting", 99999};
        src = "import sys\nxs = sorted(sys.stdin.read().split())\n";
        literal_stats(src, strlen(src), lt);
        derived(src, &ni, d);
        assert_true(fabs(d[0] - log10(99999)) < 1e-9);
        assert_true(fabs(d[1] - log10(99999)) < 1e-9);
        assert_true(lt[LIT_SIZE_AT + 3] == 1); /* sz_reads_input_whole */
        /* ... streamed in blocks: constant memory, the work still grows with it */
        src = "import sys\nn = 0\nfor line in sys.stdin:\n    n += len(line)\nprint(n)\n";
        literal_stats(src, strlen(src), lt);
        derived(src, &ni, d);
        assert_true(lt[LIT_SIZE_AT + 3] == 0);
        assert_true(fabs(d[1] - log10(8)) < 1e-9);
        assert_true(fabs(d[2] - log10(99999)) < 1e-9);
        /* ... streamed through a table sized by a small named constant (WORDS x BITS words):
         * the table's bytes, whatever the input; the work one pass over the input, not the
         * table's loops raised to the input */
        src = "#define WORDS 4\n#define BITS (64 * WORDS)\nstatic uint64_t basis[BITS][WORDS];\n"
              "int main(void) {\n  unsigned char buf[16384];\n  ssize_t got;\n"
              "  while ((got = read(0, buf, sizeof buf)) > 0)\n"
              "    for (int b = 0; b < BITS; b++)\n      for (int w = 0; w < WORDS; w++)\n"
              "        basis[b][w] ^= buf[w];\n}\n";
        literal_stats(src, strlen(src), lt);
        assert_true(lt[LIT_SIZE_AT] == 2 && lt[LIT_SIZE_AT + 3] == 0);
        derived(src, &ni, d);
        assert_true(fabs(d[0] - log10(99999)) < 1e-9);
        assert_true(d[1] < 5); /* was 2 x log10(99999) + the element: 10^12 bytes */
        assert_true(fabs(d[2] - log10(99999)) < 1e-9);
        /* without an input the same constant is the size */
        derived(src, &n, d);
        assert_true(fabs(d[0] - log10(4)) < 1e-9 && d[1] > 2 * log10(4));
}

/* ---- what is not an allocation, what is one ---- */

static void test_size_words(void **state)
{
        (void)state;
        /* a counter named like an allocator (zeros, fill) allocates nothing; called, it does */
        sz("#define N 5000\nint main(void) {\n  unsigned zeros = 0;\n"
           "  for (long b = 0; b < N; b++)\n    zeros += b & 1;\n  return zeros;\n}\n",
           0, 1, 0);
        sz("N = 5000\nfor b in range(N):\n    z = zeros(N)\n", 1, 1, 0);
        sz("#define N 5000\nstatic void upd(char *m, int len) {\n  unsigned fill = 16 - len;\n"
           "  m[0] = fill;\n}\nint main(void) {\n  char m[16];\n"
           "  for (long b = 0; b < N; b++)\n    upd(m, b);\n}\n",
           0, 1, 0);
        /* sizeof(T[n][n]) is n x n cells; a pointer to rows, double (*a)[n], no cells */
        sz("int main(void)\n{\n        int n = 500;\n"
           "        double *a = malloc(sizeof(double[n][n]));\n}\n",
           2, 0, 8);
        sz("int main(void)\n{\n        int n = 500;\n"
           "        long long (*a)[n] = malloc(sizeof(long long[n][n]));\n}\n",
           2, 0, 8);
        sz("int main(void)\n{\n        int n = 500;\n"
           "        double (*a)[n] = malloc(sizeof(double) * n);\n}\n",
           1, 0, 8);
        /* a capacity doubled until it passes the size follows the size (about twice it) */
        sz("#define N 16000\nint main(void) {\n  size_t cap = 1;\n  while (cap < (size_t)N * 2)\n"
           "    cap <<= 1;\n  uint64_t *t = malloc(cap * sizeof(uint64_t));\n}\n",
           1, 1, 16);
        sz("n = 5000\ncap = 1\nwhile cap < 2 * n:\n    cap *= 2\ntable = [None] * cap\n", 1, 1, 16);
        /* an inner loop that advances the counter of the loop around it runs the size once
         * with it, not once per round (a scan, the Z-function's extension); a triangular or
         * an interval loop does nest */
        sz("#define N 5000\nint main(void) {\n  size_t i = 0;\n  while (i < N) {\n"
           "    for (const char *w = syl[i % 8]; *w && i < N; w++)\n      t[i++] = *w;\n  }\n}\n",
           0, 1, 0);
        sz("#define N 5000\nint main(void) {\n  for (int i = 1; i < N; i++) {\n"
           "    while (i + z[i] < N && s[z[i]] == s[i + z[i]])\n      z[i]++;\n  }\n}\n",
           0, 1, 0);
        sz("#define N 500\nint main(void) {\n  for (int j = 0; j < N; j++)\n"
           "    for (int i = j + 1; i < N; i++)\n      for (int k = 0; k < N; k++)\n"
           "        a[i] -= a[k];\n}\n",
           0, 3, 0);
        sz("#define N 500\nint main(void) {\n  for (int len = 2; len <= N; len++)\n"
           "    for (int i = 0; i + len - 1 < N; i++)\n      c[i] = len;\n}\n",
           0, 2, 0);
        /* a braceless loop whose one statement is a braced loop ends with that block: the
         * next nest does not sit inside it */
        sz("#define V 150\nint main(void) {\n  for (long i = 0; i < V; i++)\n"
           "    for (long j = 0; j < V; j++) {\n      d[i * V + j] = 1;\n    }\n"
           "  for (long k = 0; k < V; k++)\n    for (long i = 0; i < V; i++) {\n"
           "      for (long j = 0; j < V; j++)\n        d[i] += d[k];\n    }\n}\n",
           0, 3, 0);
        /* a store into an index names no size (s[N] = 0 does not make s one), and a table
         * of S states indexed per step is not a loop over the size */
        sz("#define N 1300\nint main(void) {\n  char *s = malloc(N + 1);\n  s[N] = 0;\n"
           "  for (int i = 0; i < N; i++)\n    s[i] = 'a';\n}\n",
           1, 1, 1);
        sz("#define S 48\nint main(void) {\n  const long T = 3300;\n"
           "  unsigned char (*bp)[S] = malloc(sizeof(unsigned char[S]) * (size_t)T);\n"
           "  for (long t = 1; t < T; t++) {\n    for (int j = 0; j < S; j++) {\n"
           "      for (int i = 0; i < S; i++)\n        bp[t][j] = i;\n    }\n  }\n}\n",
           1, 1, 1);
        /* a function's definition allocates nothing; a function named push grows by one per
         * call whatever its arguments */
        sz("static void push(unsigned f, unsigned cell)\n{\n  heap = realloc(heap, cap * 8);\n}\n"
           "static long walk(int side, unsigned char (*wall)[side], int sr, int sc)\n{\n"
           "  push(sr * side + sc, side);\n  return 0;\n}\n"
           "int main(void)\n{\n  int side = 60;\n"
           "  unsigned char (*wall)[side] = malloc(sizeof(unsigned char[side][side]));\n"
           "  return walk(side, wall, side / 2, side - 1);\n}\n",
           2, 0, 1);
        /* ... not a counter that the loop only reads */
        sz("n = 5000\ncap = 1\nwhile cap < 2 * n:\n    print(cap)\ntable = [None] * cap\n", 0, 1,
           0);
}

/* ---- names that stand for a power of the size ---- */

static void test_size_degree(void **state)
{
        (void)state;
        /* a name assigned a product of sizes stands for that power: n = w * h is the pixels;
         * every declarator of `int w = SIDE, h = SIDE` names the size */
        sz("#define SIDE 1000\nint main(void) {\n  const int w = SIDE, h = SIDE;\n"
           "  size_t n = (size_t)w * h;\n  int *label = malloc(n * sizeof(int));\n"
           "  for (size_t i = 0; i < n; i++)\n    label[i] = 0;\n}\n",
           2, 2, 4);
        sz("const SIDE = 900;\nconst w = SIDE, h = SIDE;\nconst px = new Uint8Array(w * h);\n"
           "for (let y = 0; y < h; y++)\n  for (let x = 0; x < w; x++) px[y * w + x] = x;\n",
           2, 2, 1);
        /* a member of a size is the size once (opts.vertices: n, not n^2) */
        sz("function fw(opts) {\n  const n = opts.vertices;\n  const d = new Float64Array(n * n);\n"
           "  for (let k = 0; k < n; k++)\n    for (let i = 0; i < n; i++) d[i] = k;\n}\n"
           "fw({ vertices: 800, degree: 6 });\n",
           2, 2, 8);
        /* a size that divides or takes a remainder gives no multiple of it: height = pixels /
         * WIDTH, c = cur % side */
        sz("#define WIDTH 512\nint main(void) {\n  int pixels = 1 << 20, height = pixels / WIDTH;\n"
           "  for (int y = 0; y < height; y++)\n    for (int x = 0; x < WIDTH; x++)\n"
           "      g[y] = x;\n}\n",
           0, 1, 0);
        /* an if's condition counts nothing: the store after it is one cell per round */
        sz("W = 800\nH = W * 3 // 4\nfor y in range(H):\n    for x in range(W):\n"
           "        if (img[y * W + x] > t): out.append(x)\n",
           2, 2, 0);
        /* a fixed array declared inside a loop over the size is the same array each time: a
         * loop over it is no loop over the size */
        sz("#define N 4000\nint main(void) {\n  for (int y = 0; y < N; y++) {\n"
           "    int hist[256] = {0};\n    for (int v = 0; v < 256; v++)\n      while (hist[v] > "
           "3)\n"
           "        hist[v]--;\n  }\n}\n",
           0, 1, 0);
        /* a function-like macro is no size name */
        sz("#define N 4000\n#define AT(x, y) src[(y) * N + (x)]\nint main(void) {\n"
           "  for (int i = 0; i < 9; i++)\n    for (int j = 0; j < AT(i, 0); j++)\n      s += "
           "j;\n}\n",
           0, 0, 0);
        /* what a socket brings, read whole into a realloc'd buffer, is the size in bytes */
        double d[3];
        struct notification n = {"c", "", "network", 0};
        derived("#define PER_CONN 4000000\nint main(void) {\n  size_t cap = 1 << 16, len = 0;\n"
                "  unsigned char *all = malloc(cap);\n  for (;;) {\n"
                "    if (len == cap)\n      all = realloc(all, cap *= 2);\n"
                "    ssize_t got = recv(fd, all + len, cap - len, 0);\n    if (got <= 0)\n"
                "      break;\n    len += got;\n  }\n  send_all(PER_CONN);\n}\n",
                &n, d);
        assert_true(fabs(d[1] - log10(4000000)) < 1e-9);
}

/* A growing word (push, add, put) that names a function of the text is that function: one that
 * grows nothing (a free list's push, an NFA's add to a fixed list) grows nothing in a loop over
 * the size; one that allocates, or writes a file (through a helper defined after it: a second
 * pass), still grows; its own recursion decides nothing. */
static void test_size_still(void **state)
{
        (void)state;
        static const char head[] =
            "#define OPS 100000\nstruct node { struct node *next; };\nstatic struct node *top;\n";
        static const char loop[] =
            "int main(void) {\n  static struct node pool[64];\n"
            "  for (long i = 0; i < OPS; i++)\n    push(&pool[i % 64]);\n}\n";
        char src[1024];
        /* a free list: nothing grows */
        snprintf(src, sizeof(src),
                 "%sstatic void push(struct node *p) {\n  p->next = top;\n"
                 "  top = p;\n}\n%s",
                 head, loop);
        sz(src, 0, 1, 0);
        /* ... calling itself */
        snprintf(src, sizeof(src),
                 "%sstatic void push(struct node *p) {\n  if (!p) return;\n"
                 "  p->next = top;\n  top = p;\n  push(p->next->next);\n}\n%s",
                 head, loop);
        sz(src, 0, 1, 0);
        /* a push that allocates: a cell per round */
        snprintf(src, sizeof(src),
                 "%sstatic void push(struct node *p) {\n"
                 "  struct node *c = malloc(sizeof *c);\n  c->next = top;\n  top = c;\n}\n%s",
                 head, loop);
        sz(src, 1, 1, 0);
        /* a push that writes through a helper defined after it: the file grows */
        snprintf(src, sizeof(src),
                 "%sstatic void flush(void);\nstatic void push(struct node *p) "
                 "{\n  top = p;\n  flush();\n}\nstatic void flush(void) {\n"
                 "  write(1, top, 8);\n}\n%s",
                 head, loop);
        sz(src, 1, 1, 0);
}

/* ---- a size that is an exponent ---- */

static double exponent_of(const char *src)
{
        double o[LIT_LEN];
        literal_stats(src, strlen(src), o);
        return o[LIT_SIZE_AT + 6];
}

static void test_size_exponent(void **state)
{
        (void)state;
        /* 1 << M with M from the size: 2^M states (Held-Karp): an exponent of cells (1) */
        assert_true(exponent_of("#define CITIES 16\nint main(void) {\n  int M = CITIES - 1;\n"
                                "  size_t states = (size_t)1 << M;\n"
                                "  double *dp = malloc(states * M * sizeof(double));\n}\n") == 1);
        /* a function that calls itself twice one step down, passed the size: of calls (2) */
        const char *fib = "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n\n"
                          "N = 30\nprint(fib(N))\n";
        assert_true(exponent_of(fib) == 2);
        assert_true(
            exponent_of("static long build(int depth) {\n  if (depth == 0)\n    return 1;\n"
                        "  return build(depth - 1) + build(depth - 1);\n}\n"
                        "#define DEPTH 20\nint main(void) {\n  return (int)build(DEPTH);\n}\n") ==
            2);
        /* ... or one step up until it meets the size (i === items.length) */
        assert_true(
            exponent_of("const N = 24;\nconst items = Array.from({ length: N }, (_, i) => i);\n"
                        "function search(i, left) {\n  if (i === items.length) return;\n"
                        "  search(i + 1, left - items[i]);\n  search(i + 1, left);\n}\n"
                        "search(0, 7);\n") == 2);
        /* not: a flood fill (steps both ways), a memoised recursion, a depth bounded by a
         * constant, a recursion that halves (merge sort) */
        assert_true(
            exponent_of("#define N 300\nstatic void fill(int x, int y) {\n"
                        "  if (x < 0 || x >= N || seen[y][x]) return;\n  seen[y][x] = 1;\n"
                        "  fill(x + 1, y); fill(x - 1, y); fill(x, y + 1); fill(x, y - 1);\n}\n"
                        "int main(void) {\n  fill(0, 0);\n}\n") == 0);
        assert_true(
            exponent_of("from functools import lru_cache\n\n@lru_cache(maxsize=None)\n"
                        "def p(n, k):\n    if n == 0 or k == 0:\n        return 1\n"
                        "    return p(n - 1, k) + p(n - 1, k - 1)\n\nN = 400\nprint(p(N, N))\n") ==
            0);
        assert_true(exponent_of("def gen(depth):\n    if depth > 3:\n        return 1\n"
                                "    return gen(depth + 1) + gen(depth + 1)\n\n"
                                "N = 5000\nfor i in range(N):\n    gen(0)\n") == 0);
        assert_true(
            exponent_of("def sort(a, lo, hi):\n    if hi - lo < 2:\n        return\n"
                        "    mid = (lo + hi) // 2\n    sort(a, lo, mid)\n    sort(a, mid, hi)\n\n"
                        "N = 100000\nsort(list(range(N)), 0, N)\n") == 0);
        /* the derived work: 2^N calls, 8 bytes (no cells); 2^15 x 15 cells of 8 bytes */
        double d[3];
        struct notification n = {"python", "", "recursion", 0};
        derived(fib, &n, d);
        assert_true(fabs(d[0] - log10(30)) < 1e-9);
        assert_true(fabs(d[1] - log10(8)) < 1e-9);
        assert_true(fabs(d[2] - 30 * log10(2.0)) < 1e-9);
        derived("#define CITIES 16\nint main(void) {\n  int M = CITIES - 1;\n"
                "  size_t states = (size_t)1 << M;\n"
                "  double *dp = malloc(states * M * sizeof(double));\n"
                "  for (size_t s = 1; s < states; s++)\n    for (int j = 0; j < M; j++)\n"
                "      dp[s * M + j] = 0;\n}\n",
                &n, d);
        assert_true(fabs(d[1] - (16 * log10(2.0) + log10(16) + log10(8))) < 1e-9);
        assert_true(fabs(d[2] - (16 * log10(2.0) + log10(16))) < 1e-9);
}

/* ---- bytes allocated in constant size (tables, buffers) ---- */

static void cb(const char *src, double bytes)
{
        double o[LIT_LEN];
        literal_stats(src, strlen(src), o);
        double want = bytes > 0 ? log10(bytes) : 0;
        if (fabs(o[LIT_SIZE_AT + 5] - want) > 1e-6)
                fail_msg("%s\ngot const bytes 10^%g, want 10^%g", src, o[LIT_SIZE_AT + 5], want);
}

static void test_const_bytes(void **state)
{
        /* C: a hash table of a #define'd constant size (a struct is 32 bytes), with and without
         * code before it; a calloc of a literal count of sizeof(T); two static buffers */
        const char *table = "#define TABLE (1 << 20)\nstruct entry { char *w; long n; };\n"
                            "static struct entry table[TABLE];\n";
        cb(table, 32.0 * (1 << 20));
        /* declarators of one statement each hold their own cells, not a product of all the
         * dimensions (48^6 x 16^2 doubles had been 230 MB) */
        cb("#define S 48\n#define M 16\n"
           "static double trans[S][S], emit[S][M], ltrans[S][S], lemit[S][M];\n",
           0);
        cb("static int a[1 << 16], b[1 << 16];\n", 2 * 4.0 * (1 << 16));
        char buf[512];
        snprintf(buf, sizeof(buf), "#include <ctype.h>\nint x;\n%s", table);
        cb(buf, 32.0 * (1 << 20));
        cb("int main(void) {\n  uint32_t *b = calloc(65536, sizeof(uint32_t));\n}\n", 65536.0 * 4);
        cb("static unsigned char in[1 << 16];\nstatic unsigned char out[1 << 16];\n", 2.0 * 65536);
        /* `unsigned` alone is an int, `unsigned char` a char */
        cb("#define V (1u << 22)\nstatic unsigned parent[V];\nstatic unsigned char rank_of[V];\n",
           5.0 * (1 << 22));
        /* a constant name assigned from literals (not the size: that is N), a two-dimensional
         * table */
        cb("#define N 5000000\nsize_t cap = 1024 * 64;\nchar *p = malloc(cap);\n", 65536);
        cb("class A { static int[][] t = new int[1000][1000]; }\n", 4e6);
        /* Java, JavaScript, Python buffers and lists */
        cb("byte[] b = new byte[1 << 16];\n", 65536);
        cb("const b = new Float64Array(1 << 17);\n", 8.0 * (1 << 17));
        cb("buf = bytearray(1 << 20)\n", 1 << 20);
        cb("dp = [0] * 1000000\nprint(dp[5])\n", 8e6);
        /* not constant allocations: below 64 KiB; sized by the size or by a variable; one per
         * iteration of a loop over the size; literals that are values (a random draw, a hash
         * multiplier, a shift inside an index), hexadecimal masks */
        cb("char buf[256];\n", 0);
        cb("#define N 5000\ndouble *a = malloc(sizeof(double) * N * 100000);\n", 0);
        cb("char *p = malloc(n * 100000);\n", 0);
        cb("#define N 100\nfor (int i = 0; i < N; i++) { char *p = malloc(1 << 20); }\n", 0);
        cb("import random\nxs = [random.randint(0, 1000000)]\n", 0);
        cb("let k = bytes[i] | (bytes[i + 3] << 24);\n", 0);
        cb("const r = ((seed * 69069 + 1) >>> 0) / 4294967296;\nconst a = new Array(n);\n", 0);
        cb("unsigned char *m = malloc(0xFFFFFF);\n", 0);
        /* the derived bytes: the size's bytes plus the constant ones */
        double d[3];
        struct notification n = {"c", "", "hashing", 0};
        derived("#define N 1000\nstatic char table[1 << 24];\n"
                "int main(void) { double *a = malloc(sizeof(double) * N); }\n",
                &n, d);
        assert_true(fabs(d[1] - log10(8000.0 + (1 << 24))) < 1e-9); /* sz_log10_bytes */
}

/* ---- a corpus run's features are derived again from the code that ran ---- */

static void write_text(const char *path, const char *text)
{
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fputs(text, f);
        fclose(f);
}

static void test_features_from_corpus(void **state)
{
        (void)state;
        if (!code_features_len())
                skip(); /* built without the analyser */
        char dir[] = "/tmp/presize-test-corpus-XXXXXX", path[512];
        assert_non_null(mkdtemp(dir));
        snprintf(path, sizeof(path), "%s/python", dir);
        assert_int_equal(mkdir(path, 0755), 0);
        static const char tmpl[] = "N = __SIZE__\nxs = [i * i for i in range(N)]\nprint(sum(xs))\n";
        static const char code[] = "N = 5000\nxs = [i * i for i in range(N)]\nprint(sum(xs))\n";
        snprintf(path, sizeof(path), "%s/python/squares.py", dir);
        write_text(path, tmpl);
        snprintf(path, sizeof(path), "%s/manifest.json", dir);
        write_text(path, "{\"programs\": [{\"id\": \"py-squares\", \"path\": "
                         "\"python/squares.py\", \"language\": \"python\"}]}");
        /* two runs stored with stale features (all zero, of the current version): one of the
         * very code (its hash), one whose hash says the corpus changed since */
        char hash[SHA256_HEX_LEN];
        sha256_hex(code, strlen(code), hash);
        size_t nf = code_features_len();
        char feats[4096] = "[";
        for (size_t i = 0; i < nf; i++)
                strcat(feats, i ? ",0" : "0");
        strcat(feats, "]");
        snprintf(path, sizeof(path), "%s/runs.jsonl", dir);
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        for (int k = 0; k < 2; k++)
                fprintf(f,
                        "{\"program\":\"py-squares\",\"language\":\"python\",\"algorithm\":"
                        "\"other\",\"size\":5000,\"code_hash\":\"%s\",\"outcome\":\"ok\","
                        "\"features_version\":%d,\"features\":%s,\"cpu_ns\":30000000,"
                        "\"wall_ns\":31000000,\"peak_memory_bytes\":9000000,\"avg_cores\":1}\n",
                        k ? "00" : hash, predict_features_version(), feats);
        fclose(f);
        struct dataset d = {0};
        size_t line = 0, found = 0, verified = 0;
        assert_int_equal(dataset_from_jsonl(path, &d, &line), 0);
        assert_int_equal(d.n, 2);
        assert_true(d.rows[0].code[META_LEN] == 0); /* lines: 0 as stored */
        assert_int_equal(dataset_literals_from_corpus(&d, dir, &found, &verified), 0);
        assert_int_equal(found, 2);
        assert_int_equal(verified, 1);
        /* the verified run holds what the analyser says of the code now */
        struct analyzer *an = NULL;
        assert_int_equal(code_analyzer_new(&an), 0);
        double v[256];
        assert_true(code_len() <= 256);
        struct notification n = {"python", "", "other", 0};
        struct code_input in = {
            .path = "squares.py", .lang = "python", .src = code, .len = strlen(code)};
        assert_int_equal(code_from_source(an, &in, &n, v, NULL, NULL), 0);
        code_analyzer_free(an);
        assert_true(v[META_LEN] == 3); /* three lines */
        for (size_t i = 0; i < code_len(); i++)
                if (!(d.rows[0].code[i] == v[i] || (isnan(v[i]) && isnan(d.rows[0].code[i]))))
                        fail_msg("slot %zu: %g, analyser %g", i, d.rows[0].code[i], v[i]);
        /* the other keeps its stored features and gets the literal statistics only */
        assert_true(d.rows[1].code[META_LEN] == 0);
        size_t lit_at = code_len() - LIT_LEN;
        assert_true(fabs(d.rows[1].code[lit_at + 3] - log10(5000)) < 1e-9);
        dataset_free(&d);
        char cmd[600];
        snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
        assert_int_equal(system(cmd), 0);
}

/* ---- the feature layout and its version guard ---- */

static void test_meta_layout(void **state)
{
        double v[META_LEN];
        struct notification n = {"Python", "numpy, zlib", "sorting", 1023};
        meta_vector(&n, v);
        assert_true(v[0] == 1); /* lang_python */
        for (int i = 1; i <= META_LANGS; i++)
                assert_true(v[i] == 0);
        assert_true(v[META_LANGS + 1] == 1); /* algo_sorting */
        double libs = 0;
        for (int i = 0; i < META_LIB_BUCKETS; i++)
                libs += v[META_LANGS + 1 + META_ALGOS + 1 + i];
        assert_true(libs == 2);
        assert_true(v[META_LEN - 2] == 2);                      /* lib_count */
        assert_true(fabs(v[META_LEN - 1] - log(1024)) < 1e-12); /* log1p(input) */
        assert_int_equal(lib_bucket("  NumPy ", 8), lib_bucket("numpy", 5));
        struct notification u = {"cobol", NULL, "quantum", 0};
        meta_vector(&u, v);
        assert_true(v[META_LANGS] == 1);                  /* lang_unknown */
        assert_true(v[META_LANGS + 1 + META_ALGOS] == 1); /* algo_unknown */
        char buf[64];
        assert_string_equal(feature_name(MODE_METADATA, 0, buf, sizeof(buf)), "lang_python");
        assert_string_equal(feature_name(MODE_METADATA, META_LEN - 1, buf, sizeof(buf)),
                            "log1p_input_bytes");
        assert_null(feature_name(MODE_METADATA, META_LEN, buf, sizeof(buf)));
        assert_int_equal(code_len(), META_LEN + code_features_len() + LIT_LEN);
        assert_string_equal(feature_name(MODE_CODE, code_len() - LIT_LEN, buf, sizeof(buf)),
                            "lit_log10_max");
}

/* ---- a synthetic dataset: memory = f(size) with noise, per language ---- */

static void synth(struct dataset *d, int programs, int sizes)
{
        static const char *const langs[] = {"python", "javascript", "c", "java"};
        static const double base[] = {12e6, 40e6, 1e6, 35e6};
        static const double per_elem[] = {400, 200, 80, 160};
        static const char *const algos[] = {"sorting", "graph", "hashing", "string"};
        for (int p = 0; p < programs; p++) {
                int l = p % 4;
                double k = per_elem[l] * (0.7 + 0.6 * urand());
                for (int s = 0; s < sizes; s++) {
                        struct row r = {0};
                        snprintf(r.program, sizeof(r.program), "%s/p%d", langs[l], p);
                        snprintf(r.language, sizeof(r.language), "%s", langs[l]);
                        snprintf(r.algorithm, sizeof(r.algorithm), "%s", algos[(p / 4) % 4]);
                        r.size = 1000ULL << (2 * s);
                        struct notification n = {r.language, "", r.algorithm, 0};
                        meta_vector(&n, r.meta);
                        r.code = malloc(code_len() * sizeof(double));
                        assert_non_null(r.code);
                        char src[128];
                        snprintf(src, sizeof(src), "N = %llu\nfor i in range(N): pass\n",
                                 (unsigned long long)r.size);
                        double lt[LIT_LEN];
                        literal_stats(src, strlen(src), lt);
                        code_vector(r.meta, NULL, 0, lt, r.code);
                        double noise = exp(0.05 * nrand());
                        r.y[T_MEMORY] = (base[l] + k * (double)r.size) * noise;
                        r.y[T_CPU] = (20 + 1e-4 * (double)r.size * (l == 0 ? 30 : 1)) * noise;
                        r.y[T_CORES] = 1000 * noise;
                        r.y[T_NET] = 0;
                        r.y[T_WALL] = r.y[T_CPU] * 1.1;
                        assert_int_equal(dataset_add_one(d, &r), 0);
                }
        }
}

/* Two models give the same code-mode predictions (both demands entire) for every step-th row. */
static void same_predictions(const struct model *m, const struct model *m2, const struct dataset *d,
                             size_t step)
{
        for (size_t i = 0; i < d->n; i += step) {
                struct notification n = {d->rows[i].language, d->rows[i].libraries,
                                         d->rows[i].algorithm, 0};
                struct demand a, b;
                assert_int_equal(model_predict(m, &n, d->rows[i].code, &a), 0);
                assert_int_equal(model_predict(m2, &n, d->rows[i].code, &b), 0);
                assert_int_equal(a.mode, MODE_CODE);
                assert_memory_equal(&a, &b, sizeof(a));
        }
}

static void small_opts(struct train_opts *o)
{
        train_opts_default(o);
        o->gbt.rounds = 60;
        o->gbt.max_depth = 4;
        o->gbt.eta = 0.3;
}

static void test_model_roundtrip(void **state)
{
        struct dataset d = {0};
        synth(&d, 24, 6);
        struct train_opts o;
        small_opts(&o);
        struct model *m = NULL;
        assert_int_equal(model_train(&d, NULL, 0, &o, &m), 0);
        m->trainset = dataset_describe(&d);
        const char *path = "/tmp/presize-test-model.json";
        assert_int_equal(model_save_file(m, path), 0);
        struct model *m2 = NULL;
        const char *why = NULL;
        assert_int_equal(model_load_file(path, &m2, &why), 0);
        same_predictions(m, m2, &d, 7);
        for (size_t i = 0; i < d.n; i += 7) {
                struct notification n = {d.rows[i].language, d.rows[i].libraries,
                                         d.rows[i].algorithm, 0};
                struct demand b;
                assert_int_equal(model_predict(m2, &n, NULL, &b), 0);
                assert_int_equal(b.mode, MODE_METADATA);
                assert_false(b.low_confidence);
                /* the native walker agrees with XGBoost's own predictor */
                float x[256], xp;
                for (size_t k = 0; k < code_len(); k++)
                        x[k] = (float)d.rows[i].code[k];
                for (int t = 0; t < T__COUNT; t++) {
                        assert_int_equal(gbt_predict_xgb(m2->t[MODE_CODE][t].gbt, x, 1, &xp), 0);
                        assert_true(fabs(gbt_predict(m2->t[MODE_CODE][t].gbt, x) - xp) < 1e-4);
                }
        }
        /* unknown language and algorithm: a prediction, flagged */
        struct notification u = {"cobol", "leftpad", "quantum", 0};
        struct demand du;
        assert_int_equal(model_predict(m2, &u, NULL, &du), 0);
        assert_true(du.low_confidence);
        assert_true(du.memory_bytes.upper >= du.memory_bytes.point);

        /* history: the blend moves toward the measured runs and bounds them */
        struct usage runs[3] = {0};
        for (int i = 0; i < 3; i++) {
                runs[i].peak_memory_bytes = 500000000ULL + (uint64_t)i * 1000000;
                runs[i].cpu_ns = 2000000000ULL;
                runs[i].wall_ns = 2000000000ULL;
                runs[i].avg_cores = 1;
        }
        struct demand h = du;
        demand_blend_history(&h, m2, runs, 3);
        assert_int_equal(h.mode, MODE_HISTORY);
        assert_true(h.memory_bytes.upper >= 502000000.0 * 1.1);
        assert_true(fabs(log(h.memory_bytes.point) - log(5e8)) <
                    fabs(log(du.memory_bytes.point) - log(5e8)));

        /* version guard: another schema version, or another layout, is refused */
        json_t *j = NULL;
        assert_int_equal(model_to_json(m2, &j), 0);
        json_object_set_new(j, "schema_version", json_integer(PREDICT_SCHEMA_VERSION + 1));
        struct model *bad = NULL;
        assert_int_equal(model_from_json(j, &bad, &why), -EPROTONOSUPPORT);
        assert_non_null(why);
        json_object_set_new(j, "schema_version", json_integer(PREDICT_SCHEMA_VERSION));
        json_array_set_new(json_object_get(json_object_get(j, "feature_names"), "metadata"), 0,
                           json_string("lang_cobol"));
        assert_int_equal(model_from_json(j, &bad, &why), -EPROTONOSUPPORT);
        /* a later target without its quantile: refused, not loaded half-built (the first
         * target's trees had set the status to success: fuzz/fuzz_model.c found it) */
        json_array_set_new(json_object_get(json_object_get(j, "feature_names"), "metadata"), 0,
                           json_string("lang_python"));
        assert_int_equal(model_from_json(j, &bad, NULL), 0);
        model_free(bad);
        bad = NULL;
        json_object_del(json_object_get(json_object_get(json_object_get(j, "modes"), "code"),
                                        target_names[T_WALL]),
                        "q");
        assert_int_equal(model_from_json(j, &bad, &why), -EPROTO);
        assert_null(bad);
        assert_non_null(strstr(why, "quantile"));
        json_decref(j);
        assert_int_equal(model_load_buffer("{\"format\": 1}", 13, &bad, &why), -EPROTO);
        assert_int_equal(model_load_buffer("not json", 8, &bad, &why), -EPROTO);
        assert_null(bad);

        model_free(m);
        model_free(m2);
        dataset_free(&d);
        remove(path);
}

/* The size elasticity: its margin, its place in the model file (round trip, malformed refused);
 * and training by split conformal (calib_folds 0) still works. */
static void test_elastic(void **state)
{
        struct dataset d = {0};
        synth(&d, 24, 6);
        struct train_opts o;
        small_opts(&o);
        o.calib_folds = 0;
        struct model *m = NULL;
        assert_int_equal(model_train(&d, NULL, 0, &o, &m), 0);
        assert_string_equal(json_string_value(json_object_get(m->metrics, "calibration")),
                            "split-conformal");
        model_free(m);
        m = NULL;
        small_opts(&o);
        assert_int_equal(o.calib_folds, 5);
        assert_int_equal(model_train(&d, NULL, 0, &o, &m), 0);
        assert_string_equal(json_string_value(json_object_get(m->metrics, "calibration")),
                            "cross-conformal");
        int f = elastic_feature(T_MEMORY);
        if (f < 0) { /* built without the analyser */
                model_free(m);
                dataset_free(&d);
                return;
        }
        assert_int_equal(elastic_feature(T_CORES), -1);
        /* make memory an elastic target by hand: the same trees on a margin */
        struct target_model *tm = &m->t[MODE_CODE][T_MEMORY];
        if (tm->kind != TM_ELASTIC) {
                tm->kind = TM_ELASTIC;
                gbt_set_margin(tm->gbt);
                tm->el_feature = f;
                for (int l = 0; l <= META_LANGS; l++) {
                        tm->el_b[l] = 0.5 + l;
                        tm->el_w0[l] = 3;
                }
        }
        float x[512] = {0};
        x[0] = 1; /* python */
        x[f] = 5;
        assert_true(fabs(elastic_margin(tm, x) - tm->el_b[0] * (5 - tm->el_w0[0])) < 1e-9);
        x[f] = NAN;
        assert_true(elastic_margin(tm, x) == 0);
        json_t *j = NULL;
        assert_int_equal(model_to_json(m, &j), 0);
        struct model *m2 = NULL;
        const char *why = NULL;
        assert_int_equal(model_from_json(j, &m2, &why), 0);
        assert_int_equal(m2->t[MODE_CODE][T_MEMORY].kind, TM_ELASTIC);
        for (size_t i = 0; i < d.n; i += 5) {
                float xv[512];
                for (size_t k = 0; k < code_len(); k++)
                        xv[k] = (float)d.rows[i].code[k];
                assert_true(model_predict_log(m, MODE_CODE, T_MEMORY, xv) ==
                            model_predict_log(m2, MODE_CODE, T_MEMORY, xv));
        }
        model_free(m2);
        m2 = NULL;
        json_t *el =
            json_object_get(json_object_get(json_object_get(json_object_get(j, "modes"), "code"),
                                            "peak_memory_bytes"),
                            "elastic");
        assert_non_null(el);
        json_array_remove(json_object_get(el, "b"), 0);
        assert_int_equal(model_from_json(j, &m2, &why), -EPROTO);
        assert_non_null(strstr(why, "elasticity"));
        json_decref(j);
        model_free(m);
        dataset_free(&d);
}

/* Language levels: cores that are the language's whatever the program (1000 millicores, 2%
 * noise) take the level where the trees do worse (here: two rounds, far from converged), a kind
 * that runs at 2.5 cores keeps the trees, a target that grows with the size never takes one; the
 * choice is the score's in the model's metrics; the model file keeps the levels, and malformed
 * ones are refused. */
static void test_levels(void **state)
{
        struct dataset d = {0};
        synth(&d, 64, 6); /* 16 programs a language, 4 of each algorithm type */
        for (size_t i = 0; i < d.n; i++) {
                bool graph = !strcmp(d.rows[i].algorithm, "graph");
                d.rows[i].y[T_CORES] = (graph ? 2500 : 1000) * exp(0.02 * nrand());
        }
        struct train_opts o;
        small_opts(&o);
        o.gbt.rounds = 2;
        struct model *m = NULL;
        assert_int_equal(model_train(&d, NULL, 0, &o, &m), 0);
        int graph = -1, sorting = -1;
        for (int a = 0; a < META_ALGOS; a++) {
                if (!strcmp(meta_algorithms[a], "graph"))
                        graph = a;
                if (!strcmp(meta_algorithms[a], "sorting"))
                        sorting = a;
        }
        int chosen = 0;
        for (int k = 0; k < MODE__COUNT; k++) {
                const struct target_model *tm = &m->t[k][T_CORES];
                json_t *scores =
                    json_object_get(json_object_get(json_object_get(m->metrics, mode_names[k]),
                                                    target_names[T_CORES]),
                                    "language_level");
                for (int l = 0; l < META_LANGS; l++) {
                        assert_false(m->t[k][T_MEMORY].cell_lang[l]);
                        json_t *sl = json_object_get(scores, meta_languages[l]);
                        assert_non_null(sl);
                        assert_int_equal(tm->cell_lang[l],
                                         json_real_value(json_object_get(sl, "level")) <
                                             json_real_value(json_object_get(sl, "trees")));
                        if (!tm->cell_lang[l])
                                continue;
                        chosen++;
                        assert_true(fabs(tm->cell_level[l] - log1p(1000)) < 0.02);
                        assert_true(tm->cell_use[l][sorting]);
                        assert_false(tm->cell_use[l][graph]);
                }
        }
        print_message("cores take the language's level in %d of %d (mode, language)\n", chosen,
                      MODE__COUNT * META_LANGS);
        assert_int_equal(chosen, MODE__COUNT * META_LANGS);
        /* the points: the level for a sorting program of a language that took it, trees for a
         * graph program; the bound stays above the point */
        for (size_t i = 0; i < d.n; i++) {
                float x[512];
                for (size_t j = 0; j < code_len(); j++)
                        x[j] = (float)d.rows[i].code[j];
                const struct target_model *tm = &m->t[MODE_CODE][T_CORES];
                int l = meta_language_of(x);
                double v, p = model_predict_log(m, MODE_CODE, T_CORES, x);
                bool lv = cell_point(tm, x, &v);
                assert_true(lv == (tm->cell_lang[l] && meta_algorithm_of(x) != graph));
                if (lv)
                        assert_true(p == tm->cell_level[l]);
                if (meta_algorithm_of(x) == graph)
                        assert_true(p > log1p(1000) + 0.1); /* the trees, on their way up */
        }
        /* round trip, then malformed levels */
        json_t *j = NULL;
        assert_int_equal(model_to_json(m, &j), 0);
        struct model *m2 = NULL;
        const char *why = NULL;
        assert_int_equal(model_from_json(j, &m2, &why), 0);
        assert_memory_equal(m2->t[MODE_CODE][T_CORES].cell_lang, m->t[MODE_CODE][T_CORES].cell_lang,
                            sizeof(m->t[MODE_CODE][T_CORES].cell_lang));
        same_predictions(m, m2, &d, 3);
        model_free(m2);
        m2 = NULL;
        json_t *cells = NULL;
        for (int k = 0; k < MODE__COUNT && !cells; k++)
                cells = json_object_get(
                    json_object_get(json_object_get(json_object_get(j, "modes"), mode_names[k]),
                                    target_names[T_CORES]),
                    "cells");
        assert_non_null(cells);
        const char *lang = NULL;
        json_t *le = NULL;
        json_object_foreach(cells, lang, le) break;
        json_t *algos = json_object_get(le, "algorithms");
        json_array_append_new(algos, json_string("quantum"));
        assert_int_equal(model_from_json(j, &m2, &why), -EPROTO);
        assert_non_null(strstr(why, "levels"));
        json_array_remove(algos, json_array_size(algos) - 1);
        json_object_set_new(le, "level", json_string("1000"));
        assert_int_equal(model_from_json(j, &m2, &why), -EPROTO);
        json_object_set_new(le, "level", json_real(log1p(1000)));
        json_object_set_new(cells, "cobol", json_deep_copy(le));
        assert_int_equal(model_from_json(j, &m2, &why), -EPROTO);
        json_object_del(cells, "cobol");
        assert_int_equal(model_from_json(j, &m2, &why), 0);
        model_free(m2);
        json_decref(j);
        model_free(m);
        dataset_free(&d);
}

/* Memory with a skewed residual (a quarter of the runs e^1.5 above the rest, at random): trees on
 * squared error put the point near the mean log, above most runs; the median correction brings
 * each language's point down to the median (half the runs of new programs above it, half
 * below) and leaves the bound where it was (its quantiles are of the residuals from the moved
 * point). Average cores take none. The model file keeps the corrections; a malformed one is
 * refused, a file without them (trained before) loads with none. */
static void skew_memory(struct dataset *d)
{
        for (size_t i = 0; i < d->n; i++)
                if (urand() < 0.25)
                        d->rows[i].y[T_MEMORY] *= exp(1.5);
}

static void test_median_point(void **state)
{
        struct dataset d = {0}, fresh = {0};
        synth(&d, 64, 6);
        synth(&fresh, 32, 6);
        skew_memory(&d);
        skew_memory(&fresh);
        struct train_opts o;
        small_opts(&o);
        assert_true(o.median_point);
        struct model *m = NULL, *plain = NULL;
        assert_int_equal(model_train(&d, NULL, 0, &o, &m), 0);
        o.median_point = false;
        assert_int_equal(model_train(&d, NULL, 0, &o, &plain), 0);
        for (int k = 0; k < MODE__COUNT; k++)
                for (int l = 0; l < META_LANGS; l++) {
                        assert_true(m->t[k][T_MEMORY].shift_lang[l] < -0.1);
                        assert_true(m->t[k][T_CORES].shift_lang[l] == 0); /* a level */
                        assert_true(plain->t[k][T_MEMORY].shift_lang[l] == 0);
                }
        size_t above = 0, above_plain = 0, n = 0;
        double ape = 0, ape_plain = 0;
        for (size_t i = 0; i < fresh.n; i++) {
                struct row *r = &fresh.rows[i];
                struct notification nt = {r->language, r->libraries, r->algorithm, 0};
                struct demand a, b;
                assert_int_equal(model_predict(m, &nt, r->code, &a), 0);
                assert_int_equal(model_predict(plain, &nt, r->code, &b), 0);
                double y = r->y[T_MEMORY];
                above += y > a.memory_bytes.point;
                above_plain += y > b.memory_bytes.point;
                ape += fabs(a.memory_bytes.point - y) / y;
                ape_plain += fabs(b.memory_bytes.point - y) / y;
                n++;
                /* the bound: the same to a few parts in a million (quantiles kept to 9 digits) */
                assert_true(fabs(log(a.memory_bytes.upper) - log(b.memory_bytes.upper)) < 1e-5);
        }
        print_message("runs of new programs above the memory point: %zu of %zu corrected, %zu "
                      "not; mean APE %.3f against %.3f\n",
                      above, n, above_plain, ape / (double)n, ape_plain / (double)n);
        assert_true(above >= n * 35 / 100 && above <= n * 65 / 100);
        assert_true(above_plain < above);
        assert_true(ape < ape_plain);
        /* the model file */
        json_t *j = NULL;
        assert_int_equal(model_to_json(m, &j), 0);
        struct model *m2 = NULL;
        const char *why = NULL;
        assert_int_equal(model_from_json(j, &m2, &why), 0);
        same_predictions(m, m2, &d, 5);
        model_free(m2);
        m2 = NULL;
        json_t *e = json_object_get(json_object_get(json_object_get(j, "modes"), "code"),
                                    target_names[T_MEMORY]);
        json_t *sh = json_object_get(e, "median_shift_by_language");
        assert_int_equal(json_array_size(sh), META_LANGS + 1);
        json_array_set_new(sh, 0, json_string("-0.5"));
        assert_int_equal(model_from_json(j, &m2, &why), -EPROTO);
        assert_non_null(strstr(why, "median"));
        json_array_set_new(sh, 0, json_real(-0.5));
        json_array_remove(sh, 0);
        assert_int_equal(model_from_json(j, &m2, &why), -EPROTO);
        json_object_set_new(e, "median_shift_by_language", json_string("none"));
        assert_int_equal(model_from_json(j, &m2, &why), -EPROTO);
        assert_null(m2);
        json_object_del(e, "median_shift_by_language");
        assert_int_equal(model_from_json(j, &m2, &why), 0);
        for (int l = 0; l <= META_LANGS; l++)
                assert_true(m2->t[MODE_CODE][T_MEMORY].shift_lang[l] == 0);
        model_free(m2);
        json_decref(j);
        model_free(m);
        model_free(plain);
        dataset_free(&d);
        dataset_free(&fresh);
}

/* Learns: on held-out programs the model's memory MdAPE is well below the per-language median
 * baseline's, and its bounds cover about the configured share. */
static void test_learns(void **state)
{
        struct dataset d = {0};
        synth(&d, 40, 6);
        struct eval_opts eo = {.folds = 4};
        small_opts(&eo.train);
        eo.train.coverage = 0.9;
        struct eval e;
        assert_int_equal(eval_run(&d, &eo, &e), 0);
        struct metrics mod, med, meta;
        eval_metrics(&e, M_CODE, T_MEMORY, NULL, NULL, &mod);
        eval_metrics(&e, M_LANG_MEDIAN, T_MEMORY, NULL, NULL, &med);
        eval_metrics(&e, M_METADATA, T_MEMORY, NULL, NULL, &meta);
        print_message("memory MdAPE: model %.3f, metadata %.3f, language median %.3f; coverage "
                      "%.3f\n",
                      mod.mdape, meta.mdape, med.mdape, mod.coverage);
        assert_int_equal(mod.n, d.n);
        assert_true(mod.mdape < 0.15);
        assert_true(mod.mdape < med.mdape / 2);
        assert_true(mod.coverage >= 0.8);
        /* static tiers have memory and cores only */
        struct metrics st;
        eval_metrics(&e, M_STATIC_TIER, T_CPU, NULL, NULL, &st);
        assert_int_equal(st.n, 0);
        json_t *j = eval_to_json(&e);
        assert_non_null(json_object_get(json_object_get(j, "by_language"), "python"));
        assert_int_equal(eval_report(&e, j, "/tmp/presize-test-report"), 0);
        json_decref(j);
        FILE *f = fopen("/tmp/presize-test-report/index.html", "r");
        assert_non_null(f);
        char buf[256];
        assert_non_null(fgets(buf, sizeof(buf), f));
        assert_non_null(strstr(buf, "<!doctype html>"));
        fclose(f);
        eval_free(&e);
        dataset_free(&d);
}

/* Trees fitted on a margin: the walker returns the trees' sum alone (XGBoost agrees, given a
 * zero margin), and margin + trees fits better than the margin. */
static void test_margin(void **state)
{
        enum { N = 400, D = 3 };
        static float X[N * D], y[N], margin[N];
        for (int i = 0; i < N; i++) {
                X[i * D] = (float)(i % 20);
                X[i * D + 1] = (float)(i % 7);
                X[i * D + 2] = (float)urand();
                y[i] = 2.0f * X[i * D] + X[i * D + 1];
                margin[i] = 2.0f * X[i * D]; /* knows the first term only */
        }
        struct gbt_params p;
        gbt_params_default(&p);
        p.rounds = 50;
        p.eta = 0.3;
        struct gbt *g = NULL;
        assert_int_equal(gbt_train_on_margin(&p, X, y, margin, N, D, &g), 0);
        double err_margin = 0, err_stacked = 0;
        for (int i = 0; i < N; i++) {
                float xp;
                double trees = gbt_predict(g, X + i * D);
                assert_int_equal(gbt_predict_xgb(g, X + i * D, 1, &xp), 0);
                assert_true(fabs(trees - xp) < 1e-4);
                err_margin += fabs(y[i] - margin[i]);
                err_stacked += fabs(y[i] - (margin[i] + trees));
        }
        assert_true(err_stacked < err_margin / 10);
        gbt_free(g);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(test_conformal_index),
            cmocka_unit_test(test_conformal_coverage),
            cmocka_unit_test(test_group_folds),
            cmocka_unit_test(test_tiers_allocation),
            cmocka_unit_test(test_literals),
            cmocka_unit_test(test_size_stated),
            cmocka_unit_test(test_size_stats),
            cmocka_unit_test(test_size_words),
            cmocka_unit_test(test_size_degree),
            cmocka_unit_test(test_size_still),
            cmocka_unit_test(test_size_exponent),
            cmocka_unit_test(test_meta_layout),
            cmocka_unit_test(test_model_roundtrip),
            cmocka_unit_test(test_learns),
            cmocka_unit_test(test_margin),
            cmocka_unit_test(test_conformal_groups),
            cmocka_unit_test(test_elastic),
            cmocka_unit_test(test_levels),
            cmocka_unit_test(test_median_point),
            cmocka_unit_test(test_const_bytes),
            cmocka_unit_test(test_features_from_corpus),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
