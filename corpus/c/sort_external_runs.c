#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* external merge sort with flat memory: N 32-bit keys are generated in runs of RUN keys,
 * each run sorted (hand-written heapsort in a fixed static buffer) and written to its own
 * /tmp file, then all runs k-way merged through a small min-heap with per-run 4 KiB stdio
 * buffers; memory stays the same while CPU and file bytes grow with N */
static const long total_keys = __SIZE__;
enum { RUN = 1 << 16, MAXRUNS = 4096 };

static uint32_t runbuf[RUN];

static void sift(uint32_t *a, long i, long n)
{
        for (;;) {
                long c = 2 * i + 1;
                if (c >= n)
                        return;
                if (c + 1 < n && a[c + 1] > a[c])
                        c++;
                if (a[i] >= a[c])
                        return;
                uint32_t t = a[i];
                a[i] = a[c];
                a[c] = t;
                i = c;
        }
}

static void heapsort_u32(uint32_t *a, long n)
{
        for (long i = n / 2 - 1; i >= 0; i--)
                sift(a, i, n);
        for (long e = n - 1; e > 0; e--) {
                uint32_t t = a[0];
                a[0] = a[e];
                a[e] = t;
                sift(a, 0, e);
        }
}

struct source {
        FILE *f;
        uint32_t head;
};

static struct source src[MAXRUNS];
static int heap[MAXRUNS];

static int less(int a, int b)
{
        return src[a].head < src[b].head;
}

static void heap_down(int i, int n)
{
        for (;;) {
                int c = 2 * i + 1;
                if (c >= n)
                        return;
                if (c + 1 < n && less(heap[c + 1], heap[c]))
                        c++;
                if (!less(heap[c], heap[i]))
                        return;
                int t = heap[i];
                heap[i] = heap[c];
                heap[c] = t;
                i = c;
        }
}

int main(void)
{
        uint64_t state = 0x853c49e6748fea9bULL;
        char path[64];
        int runs = 0;
        long left = total_keys;
        while (left > 0) {
                long n = left < RUN ? left : RUN;
                for (long i = 0; i < n; i++) {
                        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
                        runbuf[i] = (uint32_t)(state >> 32);
                }
                heapsort_u32(runbuf, n);
                snprintf(path, sizeof path, "/tmp/extsort-%d-%d.run", (int)getpid(), runs);
                FILE *f = fopen(path, "w+b");
                if (!f) {
                        perror(path);
                        return 1;
                }
                fwrite(runbuf, sizeof(uint32_t), (size_t)n, f);
                rewind(f);
                setvbuf(f, NULL, _IOFBF, 4096);
                src[runs].f = f;
                runs++;
                left -= n;
        }
        int hn = 0;
        for (int r = 0; r < runs; r++)
                if (fread(&src[r].head, sizeof(uint32_t), 1, src[r].f) == 1)
                        heap[hn++] = r;
        for (int i = hn / 2 - 1; i >= 0; i--)
                heap_down(i, hn);
        long out = 0, disorder = 0;
        uint32_t prev = 0;
        uint64_t sum = 0;
        while (hn > 0) {
                int r = heap[0];
                uint32_t v = src[r].head;
                if (out && v < prev)
                        disorder++;
                prev = v;
                sum = sum * 1000003u + v;
                out++;
                if (fread(&src[r].head, sizeof(uint32_t), 1, src[r].f) != 1)
                        heap[0] = heap[--hn];
                heap_down(0, hn);
        }
        for (int r = 0; r < runs; r++) {
                fclose(src[r].f);
                snprintf(path, sizeof path, "/tmp/extsort-%d-%d.run", (int)getpid(), r);
                unlink(path);
        }
        printf("merged %ld keys from %d runs, disorder %ld, max %u, digest %016llx\n", out, runs, disorder, prev,
               (unsigned long long)sum);
        return 0;
}
