#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* loads all of stdin (fread into a buffer that doubles with realloc), then compresses it
 * with zlib at levels 1, 6 and 9 (compress2 into a compressBound-sized buffer) and once
 * with deflateInit2 + Z_HUFFMAN_ONLY, inflating every result back with uncompress and
 * comparing. Memory: the whole input plus two buffers of its size. */
static unsigned char *slurp(size_t *len)
{
        size_t cap = 1 << 16, n = 0;
        unsigned char *buf = malloc(cap);
        for (;;) {
                if (n == cap) {
                        cap *= 2;
                        buf = realloc(buf, cap);
                }
                size_t got = fread(buf + n, 1, cap - n, stdin);
                if (got == 0)
                        break;
                n += got;
        }
        *len = n;
        return buf;
}

static uLong huffman_only(const unsigned char *in, size_t n, unsigned char *out, uLong cap)
{
        z_stream zs;
        memset(&zs, 0, sizeof zs);
        deflateInit2(&zs, 6, Z_DEFLATED, 15, 9, Z_HUFFMAN_ONLY);
        zs.next_in = (Bytef *)in;
        zs.avail_in = (uInt)n;
        zs.next_out = out;
        zs.avail_out = (uInt)cap;
        deflate(&zs, Z_FINISH);
        uLong total = zs.total_out;
        deflateEnd(&zs);
        return total;
}

int main(void)
{
        size_t n;
        unsigned char *data = slurp(&n);
        uLong cap = compressBound((uLong)n);
        unsigned char *packed = malloc(cap), *back = malloc(n ? n : 1);
        static const int levels[] = {1, 6, 9};
        uLong sizes[4];
        int ok = 1;
        for (int i = 0; i < 4; i++) {
                uLongf plen = cap;
                if (i < 3)
                        ok &= compress2(packed, &plen, data, (uLong)n, levels[i]) == Z_OK;
                else
                        plen = huffman_only(data, n, packed, cap);
                sizes[i] = plen;
                uLongf blen = (uLongf)n;
                ok &= uncompress(back, &blen, packed, plen) == Z_OK && blen == n && memcmp(back, data, n) == 0;
        }
        unsigned long lines = 0;
        for (size_t i = 0; i < n; i++)
                lines += data[i] == '\n';
        printf("%zu bytes, %lu lines, crc %08lx: level1 %lu level6 %lu level9 %lu huffman %lu, roundtrips %s\n", n, lines,
               crc32(0, data, (uInt)n), sizes[0], sizes[1], sizes[2], sizes[3], ok ? "ok" : "BAD");
        free(data), free(packed), free(back);
        return 0;
}
