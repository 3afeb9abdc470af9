#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N __SIZE__
#define DICT_BITS 16
#define HASH_SIZE (1 << 18)

/* LZW with a (prefix code, byte) -> code hash table; the dictionary resets when full */
int main(void)
{
        unsigned char *in = malloc(N);
        const char *frag[] = {"the ", "cat ", "sat ", "on ", "mat ", "and ", "dog ", "ran "};
        unsigned s = 2;
        for (long i = 0; i < N;) {
                s = s * 1103515245u + 12345u;
                for (const char *p = frag[(s >> 16) % 8]; *p && i < N; p++)
                        in[i++] = (unsigned char)*p;
        }
        int32_t *hkey = malloc(sizeof(int32_t) * HASH_SIZE), *hval = malloc(sizeof(int32_t) * HASH_SIZE);
        memset(hkey, 0xFF, sizeof(int32_t) * HASH_SIZE);
        int next = 256;
        long codes = 0, resets = 0;
        int w = in[0];
        for (long i = 1; i < N; i++) {
                int c = in[i];
                int32_t key = (w << 8) | c;
                uint32_t h = ((uint32_t)key * 2654435761u) >> (32 - 18);
                while (hkey[h] != -1 && hkey[h] != key)
                        h = (h + 1) & (HASH_SIZE - 1);
                if (hkey[h] == key) {
                        w = hval[h];
                        continue;
                }
                codes++;
                if (next < (1 << DICT_BITS)) {
                        hkey[h] = key;
                        hval[h] = next++;
                } else {
                        memset(hkey, 0xFF, sizeof(int32_t) * HASH_SIZE);
                        next = 256;
                        resets++;
                }
                w = c;
        }
        codes++;
        printf("lzw %d bytes -> %ld codes (%.2f bits/byte), resets %ld\n", N, codes, codes * 16.0 / N, resets);
        free(in), free(hkey), free(hval);
        return 0;
}
