#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N __SIZE__

int main(void)
{
        size_t cap = (size_t)N * 96 + 16, len = 0;
        char *doc = malloc(cap);
        len += (size_t)sprintf(doc + len, "[");
        for (long i = 0; i < N; i++)
                len += (size_t)sprintf(doc + len, "%s{\"id\":%ld,\"name\":\"obj%ld\",\"ok\":%s,\"vals\":[%ld,%ld.5,-%ld],\"n\":null}",
                                       i ? "," : "", i, i, i % 3 ? "true" : "false", i % 97, i % 13, i % 7);
        len += (size_t)sprintf(doc + len, "]");
        long objects = 0, strings = 0, numbers = 0, literals = 0, depth = 0, maxdepth = 0;
        double numsum = 0;
        for (const char *p = doc; *p;) {
                char c = *p;
                if (c == '{' || c == '[') {
                        objects += c == '{';
                        if (++depth > maxdepth)
                                maxdepth = depth;
                        p++;
                } else if (c == '}' || c == ']') {
                        depth--;
                        p++;
                } else if (c == '"') {
                        p++;
                        while (*p && *p != '"')
                                p += *p == '\\' ? 2 : 1;
                        p++;
                        strings++;
                } else if (c == '-' || isdigit((unsigned char)c)) {
                        char *end;
                        numsum += strtod(p, &end);
                        p = end;
                        numbers++;
                } else if (isalpha((unsigned char)c)) {
                        while (isalpha((unsigned char)*p))
                                p++;
                        literals++;
                } else
                        p++;
        }
        printf("json %zu bytes: objects %ld strings %ld numbers %ld literals %ld depth %ld sum %.1f\n", len, objects, strings, numbers,
               literals, maxdepth, numsum);
        free(doc);
        return 0;
}
