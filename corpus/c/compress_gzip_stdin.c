#include <stdio.h>
#include <stdlib.h>
#include <zlib.h>

int main(void)
{
        z_stream zs = {0};
        if (deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
                return 1;
        static unsigned char in[1 << 16], out[1 << 16];
        size_t total_in = 0, total_out = 0, n;
        int flush;
        do {
                n = fread(in, 1, sizeof(in), stdin);
                total_in += n;
                flush = feof(stdin) ? Z_FINISH : Z_NO_FLUSH;
                zs.next_in = in;
                zs.avail_in = (uInt)n;
                do {
                        zs.next_out = out;
                        zs.avail_out = sizeof(out);
                        deflate(&zs, flush);
                        total_out += sizeof(out) - zs.avail_out;
                } while (zs.avail_out == 0);
        } while (flush != Z_FINISH);
        deflateEnd(&zs);
        printf("gzip stream: %zu -> %zu bytes\n", total_in, total_out);
        return 0;
}
