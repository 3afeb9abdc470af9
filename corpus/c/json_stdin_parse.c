#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* a small recursive-descent JSON reader: counts objects, sums every "score" number */
static const char *p;
static long objects, arrays, strings;
static double score_sum;

static void ws(void)
{
        while (isspace((unsigned char)*p))
                p++;
}

static void value(int is_score);

static void string(char *out, size_t cap)
{
        size_t n = 0;
        p++;
        while (*p && *p != '"') {
                if (*p == '\\')
                        p++;
                if (out && n + 1 < cap)
                        out[n++] = *p;
                p++;
        }
        if (out)
                out[n] = 0;
        p++;
        strings++;
}

static void value(int is_score)
{
        ws();
        if (*p == '{') {
                objects++;
                p++;
                ws();
                while (*p && *p != '}') {
                        char key[32];
                        string(key, sizeof(key));
                        ws();
                        p++; /* : */
                        value(strcmp(key, "score") == 0);
                        ws();
                        if (*p == ',')
                                p++, ws();
                }
                p++;
        } else if (*p == '[') {
                arrays++;
                p++;
                ws();
                while (*p && *p != ']') {
                        value(0);
                        ws();
                        if (*p == ',')
                                p++;
                }
                p++;
        } else if (*p == '"') {
                string(NULL, 0);
        } else if (*p == '-' || isdigit((unsigned char)*p)) {
                char *end;
                double v = strtod(p, &end);
                if (is_score)
                        score_sum += v;
                p = end;
        } else {
                while (isalpha((unsigned char)*p))
                        p++;
        }
}

int main(void)
{
        size_t cap = 1 << 16, n = 0, r;
        char *buf = malloc(cap);
        while ((r = fread(buf + n, 1, cap - n - 1, stdin)) > 0) {
                n += r;
                if (n + 1 == cap)
                        buf = realloc(buf, cap *= 2);
        }
        buf[n] = 0;
        p = buf;
        value(0);
        printf("objects %ld arrays %ld strings %ld score mean %.4f\n", objects, arrays, strings, objects ? score_sum / objects : 0.0);
        free(buf);
        return 0;
}
