#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define N __SIZE__

int main(void)
{
        const char *words[] = {"lorem ", "ipsum ", "dolor ", "sit ", "amet ", "\n", "consectetur ", "adipiscing "};
        unsigned char *src = malloc(N + 16);
        unsigned s = 1;
        long len = 0;
        while (len < N) {
                s = s * 1103515245u + 12345u;
                const char *w = words[(s >> 16) % 8];
                size_t l = strlen(w);
                memcpy(src + len, w, l);
                len += (long)l;
        }
        len = N;
        uLongf clen = compressBound(len);
        unsigned char *comp = malloc(clen), *back = malloc(len);
        if (compress2(comp, &clen, src, len, 9) != Z_OK)
                return 1;
        uLongf blen = len;
        if (uncompress(back, &blen, comp, clen) != Z_OK || blen != (uLongf)len || memcmp(src, back, len))
                return 1;
        printf("zlib level 9: %ld -> %lu bytes (%.2fx)\n", len, clen, (double)len / clen);
        free(src), free(comp), free(back);
        return 0;
}
