/* Analyser throughput: bench_analyze [--jobs N] [--bare] [--lang L] PATH...
 *
 * Collects the source files under PATH (by extension; with --lang only that language), reads
 * them into memory first (so the disk is not measured), then analyses them all with N threads
 * and prints bytes, lines, functions, seconds, MB/s, lines/s and peak RSS. --bare only parses
 * and walks every node with a cursor (the tree-sitter ceiling), computing nothing. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "analyze/analyze.h"
#include "analyze/lang.h"
#include "util/cleanup.h"

struct src {
        char *path, *buf;
        size_t len;
        const struct lang *lang;
};

static struct src *srcs;
static size_t n_srcs, cap_srcs;
static atomic_size_t next_src;
static atomic_ullong total_funcs, total_lines, failures;
static bool bare;

static void add_file(const char *path, const struct lang *forced)
{
        const struct lang *l = lang_detect(path, NULL, 0);
        if (!l || (forced && l != forced))
                return;
        _cleanup_close_ int fd = open(path, O_RDONLY | O_CLOEXEC);
        struct stat st;
        if (fd < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
                return;
        char *buf = malloc((size_t)st.st_size + 1);
        if (!buf)
                return;
        ssize_t got = read(fd, buf, (size_t)st.st_size);
        if (got < 0) {
                free(buf);
                return;
        }
        if (n_srcs == cap_srcs) {
                cap_srcs = cap_srcs ? cap_srcs * 2 : 1024;
                srcs = reallocarray(srcs, cap_srcs, sizeof(*srcs));
                if (!srcs)
                        abort();
        }
        srcs[n_srcs++] = (struct src){strdup(path), buf, (size_t)got,
                                      forced ? l : lang_detect(path, buf, (size_t)got)};
}

static void add_path(const char *path, const struct lang *forced)
{
        struct stat st;
        if (lstat(path, &st) < 0)
                return;
        if (S_ISREG(st.st_mode)) {
                add_file(path, forced);
                return;
        }
        if (!S_ISDIR(st.st_mode))
                return;
        /* recursion depth is the directory depth of the benchmark trees: fine for a tool */
        _cleanup_closedir_ DIR *d = opendir(path);
        if (!d)
                return;
        struct dirent *de;
        while ((de = readdir(d))) {
                if (de->d_name[0] == '.')
                        continue;
                _cleanup_free_ char *full = NULL;
                if (asprintf(&full, "%s/%s", path, de->d_name) < 0)
                        abort();
                add_path(full, forced);
        }
}

static void bare_walk(TSParser *p, const struct src *s)
{
        ts_parser_set_language(p, s->lang->ts);
        TSTree *t = ts_parser_parse_string(p, NULL, s->buf, (uint32_t)s->len);
        if (!t)
                return;
        TSTreeCursor c = ts_tree_cursor_new(ts_tree_root_node(t));
        unsigned long long nodes = 0;
        for (;;) {
                nodes++;
                if (ts_tree_cursor_goto_first_child(&c))
                        continue;
                while (!ts_tree_cursor_goto_next_sibling(&c))
                        if (!ts_tree_cursor_goto_parent(&c))
                                goto done;
        }
done:
        ts_tree_cursor_delete(&c);
        ts_tree_delete(t);
        total_funcs += nodes;
}

static void *worker(void *arg)
{
        (void)arg;
        struct analyzer *a = NULL;
        TSParser *p = ts_parser_new();
        if (analyzer_new(NULL, &a) < 0 || !p)
                abort();
        for (;;) {
                size_t i = atomic_fetch_add(&next_src, 1);
                if (i >= n_srcs)
                        break;
                const struct src *s = &srcs[i];
                if (bare) {
                        bare_walk(p, s);
                        continue;
                }
                struct analysis r;
                if (analyze_buffer(a, s->lang, s->buf, s->len, &r) < 0) {
                        failures++;
                        continue;
                }
                total_funcs += r.n_funcs;
                total_lines += r.f.lines;
                analysis_free(&r);
        }
        ts_parser_delete(p);
        analyzer_free(a);
        return NULL;
}

int main(int argc, char **argv)
{
        int jobs = 1;
        const struct lang *forced = NULL;
        int i = 1;
        for (; i < argc && argv[i][0] == '-'; i++) {
                if (strcmp(argv[i], "--jobs") == 0 && i + 1 < argc)
                        jobs = atoi(argv[++i]);
                else if (strcmp(argv[i], "--bare") == 0)
                        bare = true;
                else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
                        forced = lang_by_name(argv[++i]);
                else
                        break;
        }
        if (i >= argc || jobs < 1 || jobs > 64) {
                fprintf(stderr, "usage: bench_analyze [--jobs N] [--bare] [--lang L] PATH...\n");
                return 2;
        }
        for (; i < argc; i++)
                add_path(argv[i], forced);
        size_t bytes = 0, lines = 0;
        for (size_t k = 0; k < n_srcs; k++) {
                bytes += srcs[k].len;
                for (size_t q = 0; q < srcs[k].len; q++)
                        lines += srcs[k].buf[q] == '\n';
        }
        struct rusage ru0;
        getrusage(RUSAGE_SELF, &ru0);
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        pthread_t tids[64];
        for (int k = 0; k < jobs; k++)
                if (pthread_create(&tids[k], NULL, worker, NULL) != 0)
                        abort();
        for (int k = 0; k < jobs; k++)
                pthread_join(tids[k], NULL);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        /* CPU seconds too: on a shared machine wall time includes other people's work */
        double cpu = (double)(ru.ru_utime.tv_sec - ru0.ru_utime.tv_sec) +
                     (double)(ru.ru_stime.tv_sec - ru0.ru_stime.tv_sec) +
                     (double)(ru.ru_utime.tv_usec - ru0.ru_utime.tv_usec) / 1e6 +
                     (double)(ru.ru_stime.tv_usec - ru0.ru_stime.tv_usec) / 1e6;
        printf("%s files=%zu bytes=%zu lines=%zu %s=%llu failures=%llu jobs=%d seconds=%.3f "
               "MB/s=%.2f lines/s=%.0f cpu_seconds=%.3f MB/cpu-s=%.2f peak_rss_MiB=%.1f "
               "(inputs held in memory: %.1f MiB)\n",
               bare ? "bare-parse" : "analyze", n_srcs, bytes, lines, bare ? "nodes" : "functions",
               (unsigned long long)total_funcs, (unsigned long long)failures, jobs, secs,
               (double)bytes / 1e6 / secs, (double)lines / secs, cpu, (double)bytes / 1e6 / cpu,
               (double)ru.ru_maxrss / 1024.0, (double)bytes / 1048576.0);
        for (size_t k = 0; k < n_srcs; k++) {
                free(srcs[k].path);
                free(srcs[k].buf);
        }
        free(srcs);
        return 0;
}
