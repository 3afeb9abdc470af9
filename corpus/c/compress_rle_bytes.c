#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N __SIZE__

static size_t rle_encode(const unsigned char *in, size_t n, unsigned char *out)
{
        size_t o = 0;
        for (size_t i = 0; i < n;) {
                size_t j = i;
                while (j < n && j - i < 255 && in[j] == in[i])
                        j++;
                out[o++] = (unsigned char)(j - i);
                out[o++] = in[i];
                i = j;
        }
        return o;
}

static size_t rle_decode(const unsigned char *in, size_t n, unsigned char *out)
{
        size_t o = 0;
        for (size_t i = 0; i < n; i += 2) {
                memset(out + o, in[i + 1], in[i]);
                o += in[i];
        }
        return o;
}

int main(void)
{
        unsigned char *src = malloc(N), *enc = malloc(2 * (size_t)N), *dec = malloc(N);
        unsigned s = 9;
        for (long i = 0; i < N;) {
                s = s * 1664525u + 1013904223u;
                long run = 1 + (s >> 24) % 40;
                unsigned char v = (unsigned char)(s >> 8);
                for (long k = 0; k < run && i < N; k++)
                        src[i++] = v;
        }
        size_t e = 0, d = 0;
        for (int rep = 0; rep < 4; rep++) {
                e = rle_encode(src, N, enc);
                d = rle_decode(enc, e, dec);
        }
        printf("rle %d -> %zu bytes, roundtrip %s\n", N, e, d == (size_t)N && !memcmp(src, dec, N) ? "ok" : "BAD");
        free(src), free(enc), free(dec);
        return 0;
}
