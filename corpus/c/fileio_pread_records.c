#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#define N __SIZE__

struct record {
        uint64_t id;
        double value;
        char name[48];
};

int main(void)
{
        int fd = open("records.dat", O_RDWR | O_CREAT | O_TRUNC, 0600);
        if (fd < 0)
                return 1;
        struct record r = {0};
        for (long i = 0; i < N; i++) {
                r.id = (uint64_t)i;
                r.value = i * 1.5;
                snprintf(r.name, sizeof(r.name), "record-%ld", i);
                if (pwrite(fd, &r, sizeof(r), (off_t)i * sizeof(r)) != sizeof(r))
                        return 1;
        }
        uint32_t s = 1;
        double acc = 0;
        for (long q = 0; q < N; q++) {
                s ^= s << 13, s ^= s >> 17, s ^= s << 5;
                long k = s % N;
                if (pread(fd, &r, sizeof(r), (off_t)k * sizeof(r)) != sizeof(r) || r.id != (uint64_t)k)
                        return 1;
                acc += r.value;
        }
        fsync(fd);
        close(fd);
        unlink("records.dat");
        printf("records %d random reads %d acc %.1f\n", N, N, acc);
        return 0;
}
