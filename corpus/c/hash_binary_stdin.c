#include <stdint.h>
#include <stdio.h>
#include <zlib.h>

int main(void)
{
        static unsigned char buf[1 << 16];
        size_t n, total = 0;
        uint64_t fnv = 0xcbf29ce484222325ULL;
        uLong crc = crc32(0L, Z_NULL, 0), adler = adler32(0L, Z_NULL, 0);
        while ((n = fread(buf, 1, sizeof(buf), stdin)) > 0) {
                for (size_t i = 0; i < n; i++) {
                        fnv ^= buf[i];
                        fnv *= 0x100000001b3ULL;
                }
                crc = crc32(crc, buf, (uInt)n);
                adler = adler32(adler, buf, (uInt)n);
                total += n;
        }
        printf("bytes %zu fnv1a %016llx crc32 %08lx adler32 %08lx\n", total, (unsigned long long)fnv, crc, adler);
        return 0;
}
