#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* block-sorting compressor front end: data produced in 8 KiB blocks, each block's
 * Burrows-Wheeler transform built by qsort of rotation indices over a doubled copy,
 * then move-to-front and zero-run counting, an order-0 entropy estimate of the MTF
 * output, and the inverse BWT (LF mapping) to verify. All arrays static and sized to one
 * block: memory stays flat while the work grows with the byte count. */
#define BLOCK 8192

static unsigned char doubled[2 * BLOCK], bwt[BLOCK], mtf[BLOCK], back[BLOCK];
static int rot[BLOCK], lf_next[BLOCK];
static int blen;

static int cmp_rot(const void *a, const void *b)
{
        int x = *(const int *)a, y = *(const int *)b;
        int c = memcmp(doubled + x, doubled + y, (size_t)blen);
        return c ? c : x - y;
}

static int transform(int n)
{
        blen = n;
        memcpy(doubled + n, doubled, (size_t)n);
        for (int i = 0; i < n; i++)
                rot[i] = i;
        qsort(rot, (size_t)n, sizeof(int), cmp_rot);
        int primary = 0;
        for (int i = 0; i < n; i++) {
                bwt[i] = doubled[rot[i] + n - 1];
                if (rot[i] == 0)
                        primary = i;
        }
        return primary;
}

static void inverse(int n, int primary)
{
        int count[256] = {0}, start[256];
        for (int i = 0; i < n; i++)
                count[bwt[i]]++;
        for (int c = 0, sum = 0; c < 256; c++) {
                start[c] = sum;
                sum += count[c];
        }
        for (int i = 0; i < n; i++)
                lf_next[start[bwt[i]]++] = i;
        int p = lf_next[primary];
        for (int i = 0; i < n; i++) {
                back[i] = bwt[p];
                p = lf_next[p];
        }
}

static long move_to_front(int n, double *bits)
{
        unsigned char order[256];
        long freq[256] = {0}, zero_runs = 0;
        for (int c = 0; c < 256; c++)
                order[c] = (unsigned char)c;
        for (int i = 0; i < n; i++) {
                unsigned char c = bwt[i];
                int j = 0;
                while (order[j] != c)
                        j++;
                memmove(order + 1, order, (size_t)j);
                order[0] = c;
                mtf[i] = (unsigned char)j;
                freq[j]++;
                if (j == 0 && (i == 0 || mtf[i - 1] != 0))
                        zero_runs++;
        }
        for (int c = 0; c < 256; c++)
                if (freq[c])
                        *bits -= (double)freq[c] * log2((double)freq[c] / n);
        return zero_runs;
}

int main(void)
{
        const long total = __SIZE__;
        static const char *frag[] = {"the ", "and ", "block ", "sort", "ing ", "rota", "tion ", "index ", "mtf ", "\n"};
        uint32_t s = 0x9E3779B9u;
        long done = 0, blocks = 0, runs = 0, bad = 0;
        double bits = 0;
        uint32_t digest = 0;
        while (done < total) {
                int n = total - done < BLOCK ? (int)(total - done) : BLOCK;
                for (int i = 0; i < n;) {
                        s ^= s << 13, s ^= s >> 17, s ^= s << 5;
                        if ((s & 15) == 0) {
                                doubled[i++] = (unsigned char)('A' + (s >> 8) % 26);
                                continue;
                        }
                        for (const char *f = frag[(s >> 4) % 10]; *f && i < n; f++)
                                doubled[i++] = (unsigned char)*f;
                }
                int primary = transform(n);
                runs += move_to_front(n, &bits);
                inverse(n, primary);
                bad += memcmp(back, doubled, (size_t)n) != 0;
                for (int i = 0; i < n; i++)
                        digest = digest * 31 + mtf[i];
                done += n;
                blocks++;
        }
        printf("bwt %ld bytes in %ld blocks: %ld zero runs, order-0 estimate %.0f bytes, digest %08x, bad blocks %ld\n",
               done, blocks, runs, bits / 8, digest, bad);
        return 0;
}
