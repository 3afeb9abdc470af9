#include "sbtest.h"
#include "sandbox/cgroup.h"
#include "util/cleanup.h"
#include "util/fsutil.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct alloc sbt_alloc(void)
{
        return (struct alloc){
            .cpu_millicores = 1000,
            .memory_bytes = 256 * MiB,
            .pids = 64,
            .timeout_ns = 20000000000ULL,
        };
}

/* Drain a pipe into buf without blocking the job: called between samples. */
static void drain(int fd, char *buf, size_t cap, size_t *len)
{
        for (;;) {
                char tmp[4096];
                ssize_t n = read(fd, tmp, sizeof(tmp));
                if (n <= 0)
                        return;
                size_t take = (size_t)n;
                if (*len + take >= cap)
                        take = cap - 1 - *len;
                memcpy(buf + *len, tmp, take);
                *len += take;
                buf[*len] = '\0';
        }
}

struct drain_ctx {
        int out_fd, err_fd;
        struct sbt_run *r;
        size_t out_len, err_len;
        sandbox_sample_cb cb;
        void *ctx;
};

static int drain_cb(struct sandbox *s, const struct sample *smp, void *ctx)
{
        struct drain_ctx *d = ctx;
        drain(d->out_fd, d->r->out, sizeof(d->r->out), &d->out_len);
        drain(d->err_fd, d->r->err, sizeof(d->r->err), &d->err_len);
        return d->cb ? d->cb(s, smp, d->ctx) : 0;
}

int sbt_run(const struct alloc *a, char *const argv[], const struct job_file *files, size_t n,
            sandbox_sample_cb cb, void *ctx, struct sbt_run *r)
{
        return sbt_run_env(a, argv, NULL, files, n, cb, ctx, r);
}

int sbt_run_env(const struct alloc *a, char *const argv[], char *const env[],
                const struct job_file *files, size_t n, sandbox_sample_cb cb, void *ctx,
                struct sbt_run *r)
{
        int op[2], ep[2];
        memset(r, 0, sizeof(*r));
        if (pipe2(op, O_CLOEXEC | O_NONBLOCK) < 0 || pipe2(ep, O_CLOEXEC | O_NONBLOCK) < 0)
                return -errno;
        struct sandbox *s = NULL;
        int rc = sandbox_create(a, &s);
        if (rc < 0)
                goto out;
        struct job j = {.argv = argv,
                        .env = env,
                        .files = files,
                        .n_files = n,
                        .stdin_fd = -1,
                        .stdout_fd = op[1],
                        .stderr_fd = ep[1]};
        r->exec_rc = sandbox_exec(s, &j);
        close(op[1]);
        close(ep[1]);
        op[1] = ep[1] = -1;
        if (r->exec_rc < 0) {
                rc = r->exec_rc;
                sandbox_destroy(s);
                goto out;
        }
        struct drain_ctx d = {.out_fd = op[0], .err_fd = ep[0], .r = r, .cb = cb, .ctx = ctx};
        rc = sandbox_wait(s, 50000000ULL, drain_cb, &d, &r->u);
        drain(op[0], r->out, sizeof(r->out), &d.out_len);
        drain(ep[0], r->err, sizeof(r->err), &d.err_len);
        sandbox_destroy(s);
out:
        for (int i = 0; i < 2; i++) {
                if (op[i] >= 0)
                        close(op[i]);
                if (ep[i] >= 0)
                        close(ep[i]);
        }
        return rc;
}

/* The parent of pid, -1 when unknown. */
static pid_t parent_of(pid_t pid)
{
        int ppid;
        return proc_stat((int)pid, &ppid, NULL) == 0 ? (pid_t)ppid : -1;
}

static int count_dirs(const char *root, int depth)
{
        _cleanup_closedir_ DIR *d = opendir(root);
        if (!d)
                return 0;
        int n = 0;
        struct dirent *e;
        while ((e = readdir(d))) {
                if (e->d_type != DT_DIR || e->d_name[0] == '.')
                        continue;
                char p[4096];
                if (snprintf(p, sizeof(p), "%s/%s", root, e->d_name) >= (int)sizeof(p))
                        continue;
                if (strncmp(e->d_name, "presize-", 8)) {
                        if (depth > 0)
                                n += count_dirs(p, depth - 1);
                        continue;
                }
                /* ours or our children's, or left by a process that is gone; another live
                 * presize's are its own */
                pid_t owner;
                uint64_t start;
                if (cgroup_name_owner(e->d_name, &owner, &start) && owner != getpid() &&
                    parent_of(owner) != getpid() && cgroup_owner_alive(owner, start))
                        continue;
                n++;
                if (depth > 0)
                        n += count_dirs(p, depth - 1);
        }
        return n;
}

/* presize-* cgroups beneath the cgroups this process runs in (where presize creates them), but
 * not those of other live presize processes that are not this one's children (a daemon, a
 * concurrent test): as sbt_count_links. */
int sbt_count_cgroups(void)
{
        static const char *const ctrls[] = {"cpu", "cpuacct", "memory", "pids", "blkio", "unified"};
        struct cgroup_host *h;
        if (cgroup_host_detect(&h) < 0)
                return -1;
        int n = 0;
        const char *seen[8] = {0};
        for (size_t i = 0; i < sizeof(ctrls) / sizeof(ctrls[0]); i++) {
                const char *p = cgroup_host_parent(h, ctrls[i]);
                bool dup = false;
                for (size_t k = 0; k < i; k++)
                        if (p && seen[k] && !strcmp(seen[k], p))
                                dup = true;
                seen[i] = p;
                if (p && !dup)
                        n += count_dirs(p, 2);
        }
        cgroup_host_free(h);
        return n;
}

/* presize links owned by this process or by a dead one (net.c names the owner in the alias:
 * "presize:<pid>:<starttime>"); links of other live presize processes are theirs. */
int sbt_count_links(void)
{
        _cleanup_closedir_ DIR *d = opendir("/sys/class/net");
        if (!d)
                return 0;
        int n = 0;
        struct dirent *e;
        while ((e = readdir(d))) {
                if (strncmp(e->d_name, "presize", 7))
                        continue;
                char p[512], alias[128] = "";
                snprintf(p, sizeof(p), "/sys/class/net/%s/ifalias", e->d_name);
                _cleanup_fclose_ FILE *f = fopen(p, "re");
                long owner = 0;
                if (f && fgets(alias, sizeof(alias), f))
                        sscanf(alias, "presize:%ld:", &owner);
                if (owner <= 0 || owner == getpid() || kill((pid_t)owner, 0) < 0)
                        n++;
        }
        return n;
}

int sbt_count_procs(const char *needle)
{
        _cleanup_closedir_ DIR *d = opendir("/proc");
        if (!d)
                return -errno;
        int n = 0;
        struct dirent *e;
        while ((e = readdir(d))) {
                char *end;
                long pid = strtol(e->d_name, &end, 10);
                if (*end || pid <= 0 || pid == getpid())
                        continue;
                char p[64], buf[4096];
                snprintf(p, sizeof(p), "/proc/%ld/cmdline", pid);
                _cleanup_close_ int fd = open(p, O_RDONLY | O_CLOEXEC);
                if (fd < 0)
                        continue;
                ssize_t k = read(fd, buf, sizeof(buf) - 1);
                if (k <= 0)
                        continue;
                for (ssize_t i = 0; i < k; i++)
                        if (buf[i] == '\0')
                                buf[i] = ' ';
                buf[k] = '\0';
                if (strstr(buf, needle))
                        n++;
        }
        return n;
}
