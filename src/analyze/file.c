/* Reading a file for analysis, and the messages for what can go wrong with one. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analyze/analyze.h"
#include "analyze/lang.h"
#include "analyze/walk_internal.h"
#include "util/cleanup.h"

static int read_all(int fd, size_t size, char **out, size_t *len)
{
        char *buf = malloc(size + 1);
        if (!buf)
                return -ENOMEM;
        size_t got = 0;
        while (got < size) {
                ssize_t n = read(fd, buf + got, size - got);
                if (n < 0 && errno == EINTR)
                        continue;
                if (n < 0) {
                        int e = -errno;
                        free(buf);
                        return e;
                }
                if (n == 0)
                        break; /* shrank while we read: analyse what is there */
                got += (size_t)n;
        }
        buf[got] = '\0';
        *out = buf;
        *len = got;
        return 0;
}

int analyze_file(struct analyzer *a, const char *path, const struct lang *lang,
                 struct analysis *out)
{
        memset(out, 0, sizeof(*out));
        _cleanup_close_ int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
        if (fd < 0)
                return -errno;
        struct stat st;
        if (fstat(fd, &st) < 0)
                return -errno;
        if (S_ISDIR(st.st_mode))
                return -EISDIR;
        if (!S_ISREG(st.st_mode))
                return -ENOTSUP;
        /* refused before reading, so a huge file costs nothing */
        if ((uint64_t)st.st_size > analyzer_max_bytes(a))
                return -EFBIG;
        _cleanup_free_ char *buf = NULL;
        size_t len = 0;
        int r = read_all(fd, (size_t)st.st_size, &buf, &len);
        if (r < 0)
                return r;
        if (!lang)
                lang = lang_detect(path, buf, len);
        if (!lang)
                return -ENOPKG;
        return analyze_buffer(a, lang, buf, len, out);
}

const char *analyze_strerror(int err)
{
        switch (err) {
        case -EFBIG:
                return "file too large to analyse (raise --max-size)";
        case -EMEDIUMTYPE:
                return "binary file (NUL bytes), not source code";
        case -ENOPKG:
                return "unknown language (no known extension or #! line; use --lang)";
        case -ETIMEDOUT:
                return "parse time limit reached";
        case -EISDIR:
                return "is a directory";
        case -ENOTSUP:
                return "not a regular file";
        case -ENOMEM:
                return "out of memory";
        case -EPROTO:
                return "grammar ABI not supported by this libtree-sitter";
        default:
                return strerror(-err);
        }
}
