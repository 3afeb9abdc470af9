#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define N __SIZE__

static uint32_t table[256];

static void init(void)
{
        for (uint32_t i = 0; i < 256; i++) {
                uint32_t c = i;
                for (int k = 0; k < 8; k++)
                        c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                table[i] = c;
        }
}

static uint32_t crc32(const uint8_t *p, size_t n)
{
        uint32_t c = 0xFFFFFFFFu;
        while (n--)
                c = table[(c ^ *p++) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
}

int main(void)
{
        init();
        uint8_t *data = malloc(N);
        uint64_t x = 0x1234;
        for (long i = 0; i < N; i++) {
                x = x * 6364136223846793005ULL + 1;
                data[i] = (uint8_t)(x >> 56);
        }
        uint32_t whole = crc32(data, N), folded = 0;
        for (long off = 0; off + 4096 <= N; off += 4096)
                folded ^= crc32(data + off, 4096);
        printf("crc32 of %d bytes %08x, folded pages %08x\n", N, whole, folded);
        free(data);
        return 0;
}
