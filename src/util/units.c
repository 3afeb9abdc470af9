#include "units.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct suffix {
        const char *name;
        long double mult;
};

/* Split "12.5Mi" into a non-negative decimal number and a suffix. Only plain decimal notation
 * with an optional fraction and exponent is accepted: no sign, no hex, no spaces, no inf/nan. */
static int split_number(const char *s, long double *val, const char **suffix)
{
        const char *p = s;
        size_t digits = 0;

        if (!s || !*s)
                return -EINVAL;
        while (*p >= '0' && *p <= '9')
                p++, digits++;
        if (*p == '.') {
                p++;
                while (*p >= '0' && *p <= '9')
                        p++, digits++;
        }
        if (digits == 0)
                return -EINVAL;
        if ((*p == 'e' || *p == 'E') &&
            ((p[1] >= '0' && p[1] <= '9') ||
             ((p[1] == '+' || p[1] == '-') && p[2] >= '0' && p[2] <= '9'))) {
                p += 2;
                while (*p >= '0' && *p <= '9')
                        p++;
        }
        char buf[64];
        size_t n = (size_t)(p - s);
        if (n >= sizeof(buf))
                return -ERANGE;
        memcpy(buf, s, n);
        buf[n] = '\0';
        errno = 0;
        *val = strtold(buf, NULL);
        if (errno == ERANGE || !isfinite(*val))
                return -ERANGE;
        *suffix = p;
        return 0;
}

static int scale(long double v, long double mult, uint64_t *out)
{
        long double r = roundl(v * mult);
        if (r > 18446744073709551615.0L)
                return -ERANGE;
        *out = (uint64_t)r;
        return 0;
}

static int parse_with(const char *s, const struct suffix *tab, int case_insensitive, uint64_t *out)
{
        long double v;
        const char *suf;
        int r = split_number(s, &v, &suf);
        if (r < 0)
                return r;
        for (const struct suffix *t = tab; t->name; t++) {
                if (case_insensitive ? !strcasecmp(suf, t->name) : !strcmp(suf, t->name))
                        return scale(v, t->mult, out);
        }
        return -EINVAL;
}

int parse_cpu(const char *s, uint64_t *millicores)
{
        static const struct suffix tab[] = {{"", 1000}, {"m", 1}, {NULL, 0}};
        return parse_with(s, tab, 0, millicores);
}

int parse_bytes(const char *s, uint64_t *bytes)
{
        static const struct suffix tab[] = {
            {"", 1},
            {"B", 1},
            {"Ki", 1024.0L},
            {"Mi", 1048576.0L},
            {"Gi", 1073741824.0L},
            {"Ti", 1099511627776.0L},
            {"Pi", 1125899906842624.0L},
            {"Ei", 1152921504606846976.0L},
            {"KiB", 1024.0L},
            {"MiB", 1048576.0L},
            {"GiB", 1073741824.0L},
            {"TiB", 1099511627776.0L},
            {"k", 1e3L},
            {"K", 1e3L},
            {"M", 1e6L},
            {"G", 1e9L},
            {"T", 1e12L},
            {"P", 1e15L},
            {"E", 1e18L},
            {"KB", 1e3L},
            {"kB", 1e3L},
            {"MB", 1e6L},
            {"GB", 1e9L},
            {"TB", 1e12L},
            {NULL, 0},
        };
        return parse_with(s, tab, 0, bytes);
}

int parse_rate(const char *s, uint64_t *bps)
{
        /* tc(8): bit, kbit, mbit, gbit, tbit; bps, kbps, mbps, gbps, tbps are BYTES per second.
         * kibit/mibit/... are the binary forms. Case-insensitive like tc. */
        static const struct suffix tab[] = {
            {"", 1},
            {"bit", 1},
            {"kbit", 1e3L},
            {"mbit", 1e6L},
            {"gbit", 1e9L},
            {"tbit", 1e12L},
            {"kibit", 1024.0L},
            {"mibit", 1048576.0L},
            {"gibit", 1073741824.0L},
            {"tibit", 1099511627776.0L},
            {"bps", 8},
            {"kbps", 8e3L},
            {"mbps", 8e6L},
            {"gbps", 8e9L},
            {"tbps", 8e12L},
            {NULL, 0},
        };
        return parse_with(s, tab, 1, bps);
}

int parse_duration(const char *s, uint64_t *ns)
{
        static const struct suffix tab[] = {
            {"", 1e9L}, {"s", 1e9L},  {"ms", 1e6L},   {"us", 1e3L},   {"µs", 1e3L},
            {"ns", 1},  {"m", 60e9L}, {"min", 60e9L}, {"h", 3600e9L}, {NULL, 0},
        };
        return parse_with(s, tab, 0, ns);
}

/* Print v with three significant digits (no exponent), trailing zeros trimmed. */
static void fmt_scaled(char *buf, size_t len, long double v, const char *suffix)
{
        char num[48];
        int decimals = v >= 100 ? 0 : v >= 10 ? 1 : 2;
        snprintf(num, sizeof(num), "%.*Lf", decimals, v);
        char *dot = strchr(num, '.');
        if (dot) {
                char *e = num + strlen(num) - 1;
                while (e > dot && *e == '0')
                        *e-- = '\0';
                if (e == dot)
                        *e = '\0';
        }
        snprintf(buf, len, "%s%s", num, suffix);
}

char *fmt_cpu(uint64_t m, char *buf, size_t len)
{
        if (m % 1000 == 0)
                snprintf(buf, len, "%llu", (unsigned long long)(m / 1000));
        else
                snprintf(buf, len, "%llum", (unsigned long long)m);
        return buf;
}

char *fmt_bytes(uint64_t b, char *buf, size_t len)
{
        static const char *sfx[] = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
        unsigned i = 0;
        uint64_t v = b;
        /* Exact form when the value is a whole multiple of a binary unit. */
        while (i < 6 && v >= 1024 && v % 1024 == 0)
                v /= 1024, i++;
        if (v < 1024 * 10 || i == 6) {
                snprintf(buf, len, "%llu%s", (unsigned long long)v, sfx[i]);
                return buf;
        }
        long double x = (long double)b;
        i = 0;
        while (i < 6 && x >= 1024)
                x /= 1024, i++;
        fmt_scaled(buf, len, x, sfx[i]);
        return buf;
}

char *fmt_rate(uint64_t bps, char *buf, size_t len)
{
        static const char *sfx[] = {"bit", "Kbit", "Mbit", "Gbit", "Tbit"};
        unsigned i = 0;
        uint64_t v = bps;
        while (i < 4 && v >= 1000 && v % 1000 == 0)
                v /= 1000, i++;
        if (v < 10000 || i == 4) {
                snprintf(buf, len, "%llu%s", (unsigned long long)v, sfx[i]);
                return buf;
        }
        long double x = (long double)bps;
        i = 0;
        while (i < 4 && x >= 1000)
                x /= 1000, i++;
        fmt_scaled(buf, len, x, sfx[i]);
        return buf;
}

char *fmt_duration(uint64_t ns, char *buf, size_t len)
{
        if (ns >= 60000000000ULL && ns % 60000000000ULL == 0 && ns < 3600000000000ULL * 24)
                snprintf(buf, len, "%llum", (unsigned long long)(ns / 60000000000ULL));
        else if (ns >= 1000000000ULL)
                fmt_scaled(buf, len, ns / 1e9L, "s");
        else if (ns >= 1000000ULL)
                fmt_scaled(buf, len, ns / 1e6L, "ms");
        else if (ns >= 1000ULL)
                fmt_scaled(buf, len, ns / 1e3L, "us");
        else if (ns > 0)
                snprintf(buf, len, "%lluns", (unsigned long long)ns);
        else
                snprintf(buf, len, "0s"); /* an ETA at the end, a zero duration */
        return buf;
}
