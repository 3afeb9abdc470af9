#include "fsutil.h"
#include "cleanup.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int write_file(const char *path, const char *s)
{
        _cleanup_close_ int fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
        if (fd < 0)
                return -errno;
        size_t n = strlen(s);
        ssize_t w = write(fd, s, n);
        if (w < 0)
                return -errno;
        if ((size_t)w != n)
                return -EIO;
        return 0;
}

int write_file_u64(const char *path, uint64_t v)
{
        char buf[32];
        snprintf(buf, sizeof(buf), "%" PRIu64, v);
        return write_file(path, buf);
}

long read_file(const char *path, char *buf, size_t len)
{
        if (len == 0)
                return -EINVAL;
        _cleanup_close_ int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
                return -errno;
        size_t off = 0;
        while (off < len - 1) {
                ssize_t r = read(fd, buf + off, len - 1 - off);
                if (r < 0) {
                        if (errno == EINTR)
                                continue;
                        return -errno;
                }
                if (r == 0)
                        break;
                off += (size_t)r;
        }
        buf[off] = '\0';
        return (long)off;
}

int read_file_u64(const char *path, uint64_t *v)
{
        char buf[64];
        long r = read_file(path, buf, sizeof(buf));
        if (r < 0)
                return (int)r;
        if (!strncmp(buf, "max", 3)) {
                *v = UINT64_MAX;
                return 0;
        }
        char *end;
        errno = 0;
        unsigned long long x = strtoull(buf, &end, 10);
        if (errno || end == buf)
                return -EINVAL;
        *v = x;
        return 0;
}

int read_keyed_u64(const char *path, const char *key, uint64_t *v)
{
        _cleanup_fclose_ FILE *f = fopen(path, "re");
        if (!f)
                return -errno;
        char line[256];
        size_t klen = strlen(key);
        while (fgets(line, sizeof(line), f)) {
                if (!strncmp(line, key, klen) && line[klen] == ' ') {
                        *v = strtoull(line + klen + 1, NULL, 10);
                        return 0;
                }
        }
        return -ENOENT;
}

int mkdir_p(const char *path)
{
        char buf[PATH_MAX];
        if (strlen(path) >= sizeof(buf))
                return -ENAMETOOLONG;
        strcpy(buf, path);
        for (char *p = buf + 1; *p; p++) {
                if (*p != '/')
                        continue;
                *p = '\0';
                if (mkdir(buf, 0755) < 0 && errno != EEXIST)
                        return -errno;
                *p = '/';
        }
        if (mkdir(buf, 0755) < 0 && errno != EEXIST)
                return -errno;
        return 0;
}

uint64_t now_ns(void)
{
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

int read_whole_file(const char *path, uint64_t max, char **out, size_t *len, unsigned *mode)
{
        _cleanup_close_ int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
                return -errno;
        struct stat st;
        if (fstat(fd, &st) < 0)
                return -errno;
        if (!S_ISREG(st.st_mode))
                return -EISDIR;
        if ((uint64_t)st.st_size > max)
                return -EFBIG;
        char *buf = malloc((size_t)st.st_size + 1);
        if (!buf)
                return -ENOMEM;
        size_t off = 0;
        while (off < (size_t)st.st_size) {
                ssize_t r = read(fd, buf + off, (size_t)st.st_size - off);
                if (r < 0 && errno == EINTR)
                        continue;
                if (r <= 0) {
                        free(buf);
                        return r < 0 ? -errno : -EIO;
                }
                off += (size_t)r;
        }
        buf[off] = '\0';
        *out = buf;
        *len = off;
        if (mode)
                *mode = st.st_mode;
        return 0;
}

int proc_stat(int pid, int *ppid, uint64_t *starttime)
{
        char path[64], buf[1024];
        if (pid == 0)
                snprintf(path, sizeof(path), "/proc/self/stat");
        else
                snprintf(path, sizeof(path), "/proc/%d/stat", pid);
        long n = read_file(path, buf, sizeof(buf));
        if (n < 0)
                return (int)n;
        /* The command name (field 2) may hold spaces and parentheses: count from the last ')'. */
        const char *p = strrchr(buf, ')');
        if (!p)
                return -EINVAL;
        p++;
        for (int field = 3; field <= 22; field++) {
                while (*p == ' ')
                        p++;
                if (!*p)
                        return -EINVAL;
                if (field == 4 || field == 22) {
                        char *end;
                        errno = 0;
                        unsigned long long v = strtoull(p, &end, 10);
                        if (errno || end == p)
                                return -EINVAL;
                        if (field == 4 && ppid)
                                *ppid = (int)v;
                        if (field == 22 && starttime)
                                *starttime = v;
                }
                while (*p && *p != ' ')
                        p++;
        }
        return 0;
}
