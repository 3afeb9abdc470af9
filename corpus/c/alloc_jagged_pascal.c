#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Pascal's triangle modulo a prime kept as a jagged 2-D table: an array of row
 * pointers, each row calloc'd separately with i+1 uint64 entries and filled from the row
 * above; then random binomial queries C(n, k) mod p are answered from the table and
 * cross-checked with Lucas-free modular factorials. Everything is kept until the end:
 * rows x rows / 2 eight-byte entries, O(n^2) memory in n separate blocks. */
#define P 998244353u

static uint32_t pw(uint64_t b, uint64_t e)
{
        uint64_t r = 1;
        b %= P;
        while (e) {
                if (e & 1)
                        r = r * b % P;
                b = b * b % P;
                e >>= 1;
        }
        return (uint32_t)r;
}

int main(void)
{
        size_t rows = __SIZE__;
        uint64_t **tri = malloc(rows * sizeof *tri);
        for (size_t i = 0; i < rows; i++) {
                tri[i] = calloc(i + 1, sizeof(uint64_t));
                tri[i][0] = tri[i][i] = 1;
                for (size_t k = 1; k < i; k++) {
                        uint64_t v = tri[i - 1][k - 1] + tri[i - 1][k];
                        tri[i][k] = v >= P ? v - P : v;
                }
        }
        uint32_t *fact = malloc(rows * sizeof *fact);
        fact[0] = 1;
        for (size_t i = 1; i < rows; i++)
                fact[i] = (uint32_t)((uint64_t)fact[i - 1] * i % P);
        uint64_t s = 42, sum = 0;
        long bad = 0;
        for (int q = 0; q < 200000; q++) {
                s = s * 6364136223846793005ULL + 1442695040888963407ULL;
                size_t n = (size_t)(s >> 33) % rows, k = (size_t)(s >> 13) % (n + 1);
                uint64_t c = tri[n][k];
                uint64_t check = (uint64_t)fact[n] * pw((uint64_t)fact[k] * fact[n - k], P - 2) % P;
                bad += c != check;
                sum += c;
        }
        uint64_t rowsum = 0;
        for (size_t k = 0; k < rows; k++)
                rowsum += tri[rows - 1][k];
        printf("%zu rows (%zu entries): query sum %llu, last row sum mod p %llu, mismatches %ld\n", rows,
               rows * (rows + 1) / 2, (unsigned long long)sum, (unsigned long long)(rowsum % P), bad);
        for (size_t i = 0; i < rows; i++)
                free(tri[i]);
        free(tri), free(fact);
        return bad != 0;
}
