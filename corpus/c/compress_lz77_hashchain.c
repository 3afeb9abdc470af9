#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* hand-written LZ77 over a 32 KiB sliding window: a 64 Ki-entry hash head table plus a
 * prev[] chain as long as the input, greedy longest match (3..258 bytes, chain depth 48),
 * tokens packed behind one flag byte per eight, then decoded and compared.
 * Memory: input + token stream + decode buffer + 4 bytes of chain per input byte. */
#define WINDOW 32768
#define HBITS 16
#define MAXCHAIN 48
#define MINMATCH 3
#define MAXMATCH 258

static const long total_bytes = __SIZE__;

static int32_t head[1 << HBITS];

static inline uint32_t hash3(const uint8_t *p)
{
        uint32_t v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16;
        return (v * 2654435761u) >> (32 - HBITS);
}

static size_t encode(const uint8_t *in, size_t n, uint8_t *out, int32_t *prev, long *matches)
{
        for (int i = 0; i < 1 << HBITS; i++)
                head[i] = -1;
        size_t o = 0, flagpos = 0, i = 0;
        int bit = 8;
        while (i < n) {
                if (bit == 8) {
                        flagpos = o++;
                        out[flagpos] = 0;
                        bit = 0;
                }
                size_t best = 0, bestd = 0;
                if (i + MINMATCH <= n) {
                        uint32_t h = hash3(in + i);
                        int32_t c = head[h];
                        size_t maxl = n - i < MAXMATCH ? n - i : MAXMATCH;
                        for (int chain = MAXCHAIN; c >= 0 && i - (size_t)c <= WINDOW && chain > 0; chain--) {
                                size_t l = 0;
                                while (l < maxl && in[(size_t)c + l] == in[i + l])
                                        l++;
                                if (l > best) {
                                        best = l;
                                        bestd = i - (size_t)c;
                                        if (l == maxl)
                                                break;
                                }
                                c = prev[c];
                        }
                }
                size_t adv = best >= MINMATCH ? best : 1;
                if (best >= MINMATCH) {
                        out[flagpos] |= (uint8_t)(1u << bit);
                        out[o++] = (uint8_t)(best - MINMATCH);
                        out[o++] = (uint8_t)((bestd - 1) & 255);
                        out[o++] = (uint8_t)((bestd - 1) >> 8);
                        (*matches)++;
                } else {
                        out[o++] = in[i];
                }
                for (size_t k = 0; k < adv; k++, i++)
                        if (i + MINMATCH <= n) {
                                uint32_t h = hash3(in + i);
                                prev[i] = head[h];
                                head[h] = (int32_t)i;
                        }
                bit++;
        }
        return o;
}

static size_t decode(const uint8_t *in, size_t n, uint8_t *out)
{
        size_t o = 0, i = 0;
        while (i < n) {
                uint8_t flags = in[i++];
                for (int bit = 0; bit < 8 && i < n; bit++) {
                        if (flags & (1u << bit)) {
                                size_t len = (size_t)in[i] + MINMATCH;
                                size_t dist = ((size_t)in[i + 1] | (size_t)in[i + 2] << 8) + 1;
                                i += 3;
                                for (size_t k = 0; k < len; k++, o++)
                                        out[o] = out[o - dist];
                        } else {
                                out[o++] = in[i++];
                        }
                }
        }
        return o;
}

int main(void)
{
        size_t n = (size_t)total_bytes;
        uint8_t *src = malloc(n), *tok = malloc(n + n / 8 + 16), *dec = malloc(n);
        int32_t *prev = malloc(sizeof(int32_t) * n);
        static const char *syl[] = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "an", "el", "or", "us"};
        char words[96][12];
        uint64_t s = 0x243F6A8885A308D3ULL;
        for (int w = 0; w < 96; w++) {
                words[w][0] = 0;
                s = s * 6364136223846793005ULL + 1442695040888963407ULL;
                int k = 1 + (int)(s >> 62);
                for (int j = 0; j < k; j++)
                        strcat(words[w], syl[(s >> (20 + 4 * j)) % 12]);
        }
        size_t pos = 0;
        while (pos < n) {
                s = s * 6364136223846793005ULL + 1442695040888963407ULL;
                const char *w = words[(s >> 33) % 96];
                if ((s >> 60) == 0) {
                        src[pos++] = (uint8_t)(s >> 8);
                        continue;
                }
                for (; *w && pos < n; w++)
                        src[pos++] = (uint8_t)*w;
                if (pos < n)
                        src[pos++] = (s >> 40) % 9 == 0 ? '\n' : ' ';
        }
        long matches = 0;
        size_t e = encode(src, n, tok, prev, &matches);
        size_t d = decode(tok, e, dec);
        uint32_t h = 2166136261u;
        for (size_t i = 0; i < e; i++)
                h = (h ^ tok[i]) * 16777619u;
        printf("lz77 %zu -> %zu bytes (%ld matches), hash %08x, roundtrip %s\n", n, e, matches, h,
               d == n && memcmp(src, dec, n) == 0 ? "ok" : "BAD");
        free(src), free(tok), free(dec), free(prev);
        return 0;
}
