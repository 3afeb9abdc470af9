#include <stdio.h>
#include <stdlib.h>

#define MB __SIZE__

int main(void)
{
        const char *path = "/tmp/presize-blocks.bin";
        static unsigned char buf[1 << 16];
        FILE *f = fopen(path, "wb");
        if (!f)
                return 1;
        for (long i = 0; i < (long)MB * 16; i++) {
                for (int k = 0; k < (int)sizeof(buf); k++)
                        buf[k] = (unsigned char)(i + k);
                fwrite(buf, 1, sizeof(buf), f);
        }
        fclose(f);
        f = fopen(path, "rb");
        unsigned long sum = 0;
        size_t n, total = 0;
        while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
                for (size_t k = 0; k < n; k += 97)
                        sum += buf[k];
                total += n;
        }
        fclose(f);
        remove(path);
        printf("wrote and read %zu bytes, sample sum %lu\n", total, sum);
        return 0;
}
