#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* many small files in a scratch directory under the working directory: create with
 * open/write, enumerate with opendir/readdir, stat and read each back, then unlink all
 * and remove the directory */
#define DIRNAME "smallfiles.scratch"

static uint32_t crc_update(uint32_t crc, const unsigned char *p, size_t n)
{
        crc = ~crc;
        while (n--) {
                crc ^= *p++;
                for (int k = 0; k < 8; k++)
                        crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
        }
        return ~crc;
}

int main(void)
{
        int nfiles = __SIZE__;
        if (mkdir(DIRNAME, 0700) != 0)
                return 1;
        char path[300], data[2048];
        uint32_t s = 4242;
        size_t written = 0;
        for (int i = 0; i < nfiles; i++) {
                s = s * 1103515245u + 12345u;
                size_t len = 40 + (s >> 16) % 1500;
                for (size_t k = 0; k < len; k++)
                        data[k] = (char)('a' + (k * 7 + (size_t)i) % 26);
                int n = snprintf(data, 32, "file %d len %zu\n", i, len);
                data[n] = '#';
                snprintf(path, sizeof path, DIRNAME "/f%05d_%03u.dat", i, (s >> 8) & 0x3ff);
                int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
                if (fd < 0 || write(fd, data, len) != (ssize_t)len || close(fd) != 0)
                        return 2;
                written += len;
        }
        DIR *d = opendir(DIRNAME);
        if (!d)
                return 3;
        struct dirent *e;
        size_t seen = 0, bytes = 0, largest = 0;
        uint32_t crc_xor = 0;
        while ((e = readdir(d)) != NULL) {
                if (e->d_name[0] == '.')
                        continue;
                snprintf(path, sizeof path, DIRNAME "/%s", e->d_name);
                struct stat st;
                if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
                        return 4;
                int fd = open(path, O_RDONLY);
                ssize_t got = fd < 0 ? -1 : read(fd, data, sizeof data);
                if (got != st.st_size)
                        return 5;
                close(fd);
                crc_xor ^= crc_update(0, (const unsigned char *)data, (size_t)got); /* order independent */
                bytes += (size_t)got;
                if ((size_t)got > largest)
                        largest = (size_t)got;
                seen++;
        }
        closedir(d);
        /* collect the names first, then unlink, so the directory is not modified mid-scan */
        d = opendir(DIRNAME);
        if (!d)
                return 6;
        size_t cap = 1024, n = 0;
        char **names = malloc(cap * sizeof *names);
        while ((e = readdir(d)) != NULL) {
                if (e->d_name[0] == '.')
                        continue;
                if (n == cap)
                        names = realloc(names, (cap *= 2) * sizeof *names);
                names[n++] = strdup(e->d_name);
        }
        closedir(d);
        for (size_t i = 0; i < n; i++) {
                snprintf(path, sizeof path, DIRNAME "/%s", names[i]);
                if (unlink(path) != 0)
                        return 6;
                free(names[i]);
        }
        free(names);
        if (rmdir(DIRNAME) != 0)
                return 7;
        printf("%d files written (%zu bytes), %zu listed and read back (%zu bytes, largest %zu), crc xor %08x\n", nfiles,
               written, seen, bytes, largest, crc_xor);
        return seen == (size_t)nfiles && bytes == written ? 0 : 8;
}
