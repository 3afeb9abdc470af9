#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N __SIZE__

struct rec {
        int id;
        char name[16];
        double lat, lon;
        int tags[3];
};

static size_t escape_into(char *dst, const char *src)
{
        size_t n = 0;
        dst[n++] = '"';
        for (; *src; src++) {
                if (*src == '"' || *src == '\\')
                        dst[n++] = '\\';
                dst[n++] = *src;
        }
        dst[n++] = '"';
        return n;
}

int main(void)
{
        struct rec *r = malloc(sizeof(*r) * N);
        for (int i = 0; i < N; i++) {
                r[i].id = i;
                snprintf(r[i].name, sizeof(r[i].name), "p\"%d", i % 100000);
                r[i].lat = (i % 180) - 90 + 0.25;
                r[i].lon = (i % 360) - 180 + 0.5;
                for (int k = 0; k < 3; k++)
                        r[i].tags[k] = (i * (k + 3)) % 50;
        }
        size_t cap = (size_t)N * 128 + 16, len = 0;
        char *out = malloc(cap);
        out[len++] = '[';
        for (int i = 0; i < N; i++) {
                if (i)
                        out[len++] = ',';
                len += (size_t)sprintf(out + len, "{\"id\":%d,\"name\":", r[i].id);
                len += escape_into(out + len, r[i].name);
                len += (size_t)sprintf(out + len, ",\"pos\":[%.4f,%.4f],\"tags\":[%d,%d,%d]}", r[i].lat, r[i].lon, r[i].tags[0], r[i].tags[1],
                                       r[i].tags[2]);
        }
        out[len++] = ']';
        long braces = 0;
        for (size_t i = 0; i < len; i++)
                braces += out[i] == '{';
        printf("emitted %zu bytes of JSON, %ld objects\n", len, braces);
        free(r), free(out);
        return 0;
}
