#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* sparse file in /tmp: a file of blocks*4 slots of 4 KiB is set up with ftruncate, then
 * `blocks` scattered slots are written with pwrite (each block's content derived from its
 * index), leaving holes elsewhere. The data extents are walked with lseek SEEK_DATA /
 * SEEK_HOLE, every written block is read back with pread and verified, st_blocks is
 * compared with the data written, and the file is unlinked. One 4 KiB stack buffer; the
 * file's resident pages grow with the blocks written. */
#define BS 4096

static void fill_block(unsigned char *b, uint64_t idx)
{
        uint64_t s = idx * 0x9E3779B97F4A7C15ULL + 1;
        for (int i = 0; i < BS; i += 8) {
                s ^= s << 13, s ^= s >> 7, s ^= s << 17;
                memcpy(b + i, &s, 8);
        }
}

int main(void)
{
        const long blocks = __SIZE__;
        const long slots = blocks * 4;
        char path[] = "/tmp/sparseXXXXXX";
        int fd = mkstemp(path);
        if (fd < 0 || ftruncate(fd, (off_t)slots * BS) != 0)
                return 1;
        unsigned char buf[BS], check[BS];
        /* slot of write i: a permutation step over the slot range (stride coprime to slots) */
        long stride = 7919;
        while (slots % stride == 0)
                stride += 2;
        long written = 0;
        for (long i = 0; i < blocks; i++) {
                long slot = (long)(((uint64_t)i * (uint64_t)stride * 4 + (uint64_t)(i % 5)) % (uint64_t)slots);
                fill_block(buf, (uint64_t)slot);
                if (pwrite(fd, buf, BS, (off_t)slot * BS) != BS)
                        return 2;
                written++;
        }
        /* walk the data extents and verify each block found */
        long extents = 0, verified = 0, bad = 0;
        off_t pos = 0, end = (off_t)slots * BS;
        while (pos < end) {
                off_t data = lseek(fd, pos, SEEK_DATA);
                if (data < 0)
                        break; /* ENXIO: no more data */
                off_t hole = lseek(fd, data, SEEK_HOLE);
                extents++;
                for (off_t o = data; o < hole; o += BS) {
                        if (pread(fd, buf, BS, o) != BS)
                                return 3;
                        fill_block(check, (uint64_t)(o / BS));
                        if (memcmp(buf, check, BS) == 0)
                                verified++;
                        else
                                bad++;
                }
                pos = hole;
        }
        struct stat st;
        fstat(fd, &st);
        close(fd);
        unlink(path);
        printf("%ld blocks written into %ld slots: %ld extents, %ld verified, %ld other, %lld KiB allocated of %lld KiB apparent\n",
               written, slots, extents, verified, bad, (long long)st.st_blocks / 2, (long long)st.st_size / 1024);
        return 0;
}
