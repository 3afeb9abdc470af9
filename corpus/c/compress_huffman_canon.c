#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* canonical Huffman coder written by hand: frequency count, tree from a binary min-heap
 * of node indices, length limiting by frequency flattening, MSB-first bit packing,
 * table-accelerated decoding; round trip verified */
#define NBYTES __SIZE__
#define MAXLEN 20
#define LUTBITS 11

struct hnode {
        uint64_t freq;
        int left, right;
};

static struct hnode nodes[512];
static int heap[512], hn;

static int less(int a, int b)
{
        return nodes[a].freq < nodes[b].freq || (nodes[a].freq == nodes[b].freq && a < b);
}

static void heap_push(int x)
{
        int i = hn++;
        while (i > 0 && less(x, heap[(i - 1) / 2])) {
                heap[i] = heap[(i - 1) / 2];
                i = (i - 1) / 2;
        }
        heap[i] = x;
}

static int heap_pop(void)
{
        int top = heap[0], x = heap[--hn], i = 0;
        for (;;) {
                int c = 2 * i + 1;
                if (c >= hn)
                        break;
                if (c + 1 < hn && less(heap[c + 1], heap[c]))
                        c++;
                if (!less(heap[c], x))
                        break;
                heap[i] = heap[c];
                i = c;
        }
        heap[i] = x;
        return top;
}

static void depths(int n, int d, uint8_t *len)
{
        if (n < 256) {
                len[n] = (uint8_t)(d ? d : 1);
                return;
        }
        depths(nodes[n].left, d + 1, len);
        depths(nodes[n].right, d + 1, len);
}

static int build_lengths(const uint64_t *freq, uint8_t *len)
{
        uint64_t f[256];
        memcpy(f, freq, sizeof f);
        for (;;) {
                hn = 0;
                int next = 256, maxl = 0;
                memset(len, 0, 256);
                for (int s = 0; s < 256; s++)
                        if (f[s]) {
                                nodes[s] = (struct hnode){f[s], -1, -1};
                                heap_push(s);
                        }
                while (hn > 1) {
                        int a = heap_pop(), b = heap_pop();
                        nodes[next] = (struct hnode){nodes[a].freq + nodes[b].freq, a, b};
                        heap_push(next++);
                }
                depths(heap[0], 0, len);
                for (int s = 0; s < 256; s++)
                        if (len[s] > maxl)
                                maxl = len[s];
                if (maxl <= MAXLEN)
                        return maxl;
                for (int s = 0; s < 256; s++)
                        if (f[s])
                                f[s] = (f[s] >> 1) | 1;
        }
}

int main(void)
{
        uint8_t *src = malloc(NBYTES), *dst = malloc(NBYTES);
        /* skewed source: a small order-1 model over a 40-symbol alphabet */
        uint32_t r = 99991;
        uint8_t prev = 'a';
        for (long i = 0; i < NBYTES; i++) {
                r ^= r << 13, r ^= r >> 17, r ^= r << 5;
                uint32_t k = r & 1023;
                uint8_t c;
                if (k < 420)
                        c = (uint8_t)(' ' + (prev * 7 + k / 60) % 8);
                else if (k < 900)
                        c = (uint8_t)('a' + (k * k >> 5) % 26);
                else /* geometric tail: rare symbols get long codes */
                        c = (uint8_t)(128 + __builtin_ctz((r >> 10) | 1u << 21) * 5 + (r >> 28) % 5);
                src[i] = prev = c;
        }
        uint64_t freq[256] = {0};
        for (long i = 0; i < NBYTES; i++)
                freq[src[i]]++;
        uint8_t len[256];
        int maxl = build_lengths(freq, len);
        /* canonical codes: count per length, first code per length */
        uint32_t code[256], bl_count[MAXLEN + 2] = {0}, next_code[MAXLEN + 2] = {0};
        for (int s = 0; s < 256; s++)
                bl_count[len[s]]++;
        bl_count[0] = 0;
        for (int b = 1, c = 0; b <= MAXLEN; b++) {
                c = (c + (int)bl_count[b - 1]) << 1;
                next_code[b] = (uint32_t)c;
        }
        for (int s = 0; s < 256; s++)
                if (len[s])
                        code[s] = next_code[len[s]]++;
        size_t cap = (size_t)NBYTES * MAXLEN / 8 + 16, nbits = 0;
        uint8_t *packed = calloc(cap, 1);
        uint64_t acc = 0;
        int accn = 0;
        size_t out = 0;
        for (long i = 0; i < NBYTES; i++) {
                acc = (acc << len[src[i]]) | code[src[i]];
                accn += len[src[i]];
                nbits += len[src[i]];
                while (accn >= 8) {
                        accn -= 8;
                        packed[out++] = (uint8_t)(acc >> accn);
                }
        }
        if (accn)
                packed[out++] = (uint8_t)(acc << (8 - accn));
        /* decoder: direct lookup for codes up to LUTBITS, canonical walk for longer ones */
        uint16_t lut[1 << LUTBITS];
        memset(lut, 0xff, sizeof lut);
        for (int s = 0; s < 256; s++)
                if (len[s] && len[s] <= LUTBITS) {
                        uint32_t base = code[s] << (LUTBITS - len[s]);
                        for (uint32_t j = 0; j < 1u << (LUTBITS - len[s]); j++)
                                lut[base + j] = (uint16_t)(s | len[s] << 8);
                }
        int sorted[256], ns = 0;
        for (int b = 1; b <= MAXLEN; b++)
                for (int s = 0; s < 256; s++)
                        if (len[s] == b)
                                sorted[ns++] = s;
        size_t bitpos = 0;
        for (long i = 0; i < NBYTES; i++) {
                size_t byte = bitpos >> 3;
                uint32_t window = (uint32_t)packed[byte] << 24 | (uint32_t)packed[byte + 1] << 16 |
                                  (uint32_t)packed[byte + 2] << 8 | packed[byte + 3];
                window <<= bitpos & 7;
                uint16_t e = lut[window >> (32 - LUTBITS)];
                if (e != 0xffff) {
                        dst[i] = (uint8_t)e;
                        bitpos += e >> 8;
                        continue;
                }
                uint32_t c = 0, first = 0;
                int index = 0;
                for (int b = 1; b <= MAXLEN; b++) {
                        c |= (window >> (31 - (b - 1))) & 1;
                        int cnt = (int)bl_count[b];
                        if ((int)(c - first) < cnt) {
                                dst[i] = (uint8_t)sorted[index + (int)(c - first)];
                                bitpos += (size_t)b;
                                break;
                        }
                        index += cnt;
                        first = (first + (uint32_t)cnt) << 1;
                        c <<= 1;
                }
        }
        long diff = 0;
        for (long i = 0; i < NBYTES; i++)
                diff += src[i] != dst[i];
        printf("huffman %d bytes -> %zu bytes (%.3f bits/byte), max code %d, mismatches %ld\n", NBYTES, out,
               (double)nbits / NBYTES, maxl, diff);
        free(src), free(dst), free(packed);
        return diff != 0;
}
