#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* streaming union-find: stdin integers are parsed from a fixed 32 KiB fread buffer and paired
 * into edges between 2^22 vertices (value mod 2^22); union by rank with path halving in two
 * static arrays, counting merges, redundant (cycle) edges, connectivity queries against the previous edge and
 * the final components; memory is a constant ~20 MiB whatever the input size */
#define VBITS 22
#define V (1u << VBITS)

static uint32_t parent[V];
static uint8_t rank_of[V];

static uint32_t find(uint32_t x)
{
        while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
        }
        return x;
}

static int unite(uint32_t a, uint32_t b)
{
        a = find(a), b = find(b);
        if (a == b)
                return 0;
        if (rank_of[a] < rank_of[b]) {
                uint32_t t = a;
                a = b, b = t;
        }
        parent[b] = a;
        if (rank_of[a] == rank_of[b])
                rank_of[a]++;
        return 1;
}

int main(void)
{
        static char buf[32768];
        for (uint32_t i = 0; i < V; i++)
                parent[i] = i;
        long long value = 0;
        int in_number = 0, neg = 0, have_first = 0;
        uint32_t first = 0;
        long edges = 0, merges = 0, cycles = 0, numbers = 0, linked = 0;
        uint32_t prev_a = 0;
        size_t got;
        while ((got = fread(buf, 1, sizeof buf, stdin)) > 0) {
                for (size_t i = 0; i <= got; i++) {
                        int c = i < got ? buf[i] : -2;
                        if (c == -2)
                                break;
                        if (c >= '0' && c <= '9') {
                                value = value * 10 + (c - '0');
                                in_number = 1;
                        } else if (c == '-') {
                                neg = 1;
                        } else {
                                if (in_number) {
                                        uint32_t vtx = (uint32_t)((neg ? -value : value) & (V - 1));
                                        numbers++;
                                        if (have_first) {
                                                edges++;
                                                if (find(prev_a) == find(vtx))
                                                        linked++;
                                                prev_a = first;
                                                if (unite(first, vtx))
                                                        merges++;
                                                else
                                                        cycles++;
                                        } else {
                                                first = vtx;
                                        }
                                        have_first = !have_first;
                                }
                                value = 0, in_number = 0, neg = 0;
                        }
                }
        }
        long components = 0;
        uint32_t biggest_rank = 0;
        for (uint32_t i = 0; i < V; i++)
                if (find(i) == i) {
                        components++;
                        if (rank_of[i] > biggest_rank)
                                biggest_rank = rank_of[i];
                }
        printf("%ld numbers, %ld edges, %ld merges, %ld cycle edges, %ld linked queries, %ld components, max rank %u\n",
               numbers, edges, merges, cycles, linked, components, biggest_rank);
        return 0;
}
