#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* random arithmetic expressions: a recursive generator writes each expression (binary
 * + - * with parentheses, unary minus, integer literals) into a fixed 16 KiB char buffer
 * while computing its value modulo 2^31-1; a recursive-descent parser
 * (expr -> term -> factor) then re-evaluates the text and both values must agree.
 * Only the stack and one static buffer are used: constant memory, CPU ~ expressions. */
#define MOD 2147483647LL

static char text[16384];
static int len, pos;
static uint64_t rs = 0xDEADBEEFCAFEF00DULL;

static unsigned rnd(unsigned n)
{
        rs ^= rs >> 12, rs ^= rs << 25, rs ^= rs >> 27;
        return (unsigned)((rs * 2685821657736338717ULL) >> 33) % n;
}

static void put(const char *s)
{
        while (*s)
                text[len++] = *s++;
}

static long long gen(int depth)
{
        if (depth == 0 || rnd(8) == 0 || len > (int)sizeof text - 400) {
                char num[24];
                long long v = rnd(100000);
                snprintf(num, sizeof num, "%lld", v);
                put(num);
                return v;
        }
        if (rnd(10) == 0) {
                put("-(");
                long long v = gen(depth - 1);
                put(")");
                return (MOD - v) % MOD;
        }
        int op = (int)rnd(3);
        put("(");
        long long a = gen(depth - 1);
        put(op == 0 ? " + " : op == 1 ? " - " : " * ");
        long long b = gen(depth - 1);
        put(")");
        return op == 0 ? (a + b) % MOD : op == 1 ? (a - b + MOD) % MOD : a * b % MOD;
}

static long long parse_expr(void);

static void ws(void)
{
        while (text[pos] == ' ')
                pos++;
}

static long long parse_factor(void)
{
        ws();
        if (text[pos] == '-') {
                pos++;
                return (MOD - parse_factor()) % MOD;
        }
        if (text[pos] == '(') {
                pos++;
                long long v = parse_expr();
                ws();
                pos++; /* ')' */
                return v;
        }
        long long v = 0;
        while (text[pos] >= '0' && text[pos] <= '9')
                v = v * 10 + (text[pos++] - '0');
        return v % MOD;
}

static long long parse_term(void)
{
        long long v = parse_factor();
        for (;;) {
                ws();
                if (text[pos] != '*')
                        return v;
                pos++;
                v = v * parse_factor() % MOD;
        }
}

static long long parse_expr(void)
{
        long long v = parse_term();
        for (;;) {
                ws();
                char op = text[pos];
                if (op != '+' && op != '-')
                        return v;
                pos++;
                long long t = parse_term();
                v = op == '+' ? (v + t) % MOD : (v - t + MOD) % MOD;
        }
}

static int evaluate_many(long count)
{
        long long acc = 0;
        long chars = 0, mismatches = 0;
        for (long i = 0; i < count; i++) {
                len = 0;
                long long expect = gen(6 + (int)rnd(7));
                text[len] = 0;
                pos = 0;
                long long got = parse_expr();
                mismatches += got != expect || pos != len;
                acc = (acc * 31 + got) % MOD;
                chars += len;
        }
        printf("%ld expressions, %ld characters, combined value %lld, mismatches %ld\n", count, chars, acc, mismatches);
        return mismatches != 0;
}

int main(void)
{
        return evaluate_many(__SIZE__);
}
