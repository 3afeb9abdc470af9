#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

/* streaming splitter: stdin is read with read(2) into one fixed 64 KiB buffer and each
 * chunk is written round-robin to four gzip part files (gzopen "wb1", gzwrite) in a
 * mkdtemp directory under /tmp, with crc32 of the stream kept on the way in; the parts are
 * then reopened with gzopen and reassembled chunk by chunk with gzread into a second
 * fixed buffer, the crc is recomputed and compared, and the files and directory are
 * removed. Memory is flat (buffers plus four zlib streams); the part files live on /tmp. */
#define CHUNK 65536
#define PARTS 4

int main(void)
{
        static unsigned char buf[CHUNK], back[CHUNK];
        char dir[] = "/tmp/splitXXXXXX", path[PARTS][64];
        if (!mkdtemp(dir))
                return 1;
        gzFile part[PARTS];
        for (int p = 0; p < PARTS; p++) {
                snprintf(path[p], sizeof path[p], "%s/part%d.gz", dir, p);
                part[p] = gzopen(path[p], "wb1");
                if (!part[p])
                        return 1;
        }
        uLong crc_in = crc32(0L, Z_NULL, 0);
        long chunks = 0;
        unsigned long long total = 0;
        ssize_t got;
        size_t fill = 0;
        for (;;) {
                got = read(0, buf + fill, CHUNK - fill);
                if (got > 0)
                        fill += (size_t)got;
                if (fill == CHUNK || (got <= 0 && fill > 0)) {
                        crc_in = crc32(crc_in, buf, (uInt)fill);
                        if (gzwrite(part[chunks % PARTS], buf, (unsigned)fill) != (int)fill)
                                return 2;
                        total += fill;
                        chunks++;
                        fill = 0;
                }
                if (got <= 0)
                        break;
        }
        for (int p = 0; p < PARTS; p++)
                gzclose(part[p]);
        long sizes[PARTS];
        for (int p = 0; p < PARTS; p++) {
                struct stat st;
                stat(path[p], &st);
                sizes[p] = (long)st.st_size;
                part[p] = gzopen(path[p], "rb");
        }
        uLong crc_out = crc32(0L, Z_NULL, 0);
        unsigned long long reread = 0;
        for (long c = 0;; c++) {
                int n = gzread(part[c % PARTS], back, CHUNK);
                if (n <= 0)
                        break;
                crc_out = crc32(crc_out, back, (uInt)n);
                reread += (unsigned long long)n;
        }
        for (int p = 0; p < PARTS; p++) {
                gzclose(part[p]);
                unlink(path[p]);
        }
        rmdir(dir);
        printf("%llu bytes in %ld chunks over %d parts (%ld/%ld/%ld/%ld gz bytes), crc %08lx, reassembled %s\n", total, chunks, PARTS,
               sizes[0], sizes[1], sizes[2], sizes[3], crc_in, reread == total && crc_in == crc_out ? "ok" : "BAD");
        return crc_in != crc_out;
}
