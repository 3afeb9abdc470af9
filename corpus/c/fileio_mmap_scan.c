#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define MB __SIZE__

int main(void)
{
        const char *path = "/tmp/presize-mmap.bin";
        size_t len = (size_t)MB << 20;
        int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
        if (fd < 0 || ftruncate(fd, (off_t)len) < 0)
                return 1;
        unsigned char *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (m == MAP_FAILED)
                return 1;
        for (size_t i = 0; i < len; i++)
                m[i] = (unsigned char)(i * 131 >> 3);
        msync(m, len, MS_SYNC);
        unsigned long hist[256] = {0};
        for (size_t i = 0; i < len; i++)
                hist[m[i]]++;
        munmap(m, len);
        close(fd);
        unlink(path);
        unsigned long mx = 0;
        for (int i = 0; i < 256; i++)
                if (hist[i] > mx)
                        mx = hist[i];
        printf("mmap %d MiB, max histogram bin %lu\n", MB, mx);
        return 0;
}
