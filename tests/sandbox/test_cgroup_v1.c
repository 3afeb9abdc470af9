/* The cgroup v1 driver, for real: cgroups are created beneath the cgroups this test runs in, real
 * processes are put in them, and what the kernel reports and enforces is checked. Needs root and a
 * v1 host (skipped otherwise). Every test removes what it made in its teardown, also on failure;
 * the group teardown sweeps anything named after this process that is still there. */
#include "sandbox/cgroup.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MiB           (1024ULL * 1024ULL)
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static const char *const ctrls[] = {"cpu", "cpuacct", "memory", "pids", "blkio"};
static struct cgroup_host *host;

/* What one test made; its teardown undoes all of it. */
struct fixture {
        struct cgroup *cg[4];
        pid_t kids[8];
        char extra[4][PATH_MAX]; /* plain directories made with mkdir */
};

/* ---- helpers ----------------------------------------------------------------------------------
 */

static void sleep_ms(long ms)
{
        struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
        while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
                ;
}

static uint64_t mono_ns(void)
{
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static uint64_t file_u64(const char *dir, const char *file)
{
        char p[PATH_MAX], buf[64] = "";
        snprintf(p, sizeof(p), "%s/%s", dir, file);
        FILE *f = fopen(p, "re");
        assert_non_null(f);
        assert_non_null(fgets(buf, sizeof(buf), f));
        fclose(f);
        return strtoull(buf, NULL, 10);
}

/* Is word one of the comma-separated items of list ("cpu,cpuacct")? */
static bool in_list(const char *list, const char *word)
{
        char l[256], w[64];
        snprintf(l, sizeof(l), ",%s,", list);
        snprintf(w, sizeof(w), ",%s,", word);
        return strstr(l, w) != NULL;
}

static bool exists(const char *path)
{
        struct stat st;
        return stat(path, &st) == 0;
}

static bool has_file(const char *dir, const char *file)
{
        char p[PATH_MAX];
        snprintf(p, sizeof(p), "%s/%s", dir, file);
        return exists(p);
}

static uint64_t starttime_of(pid_t pid)
{
        char p[64], buf[1024];
        snprintf(p, sizeof(p), "/proc/%d/stat", (int)pid);
        FILE *f = fopen(p, "re");
        assert_non_null(f);
        size_t n = fread(buf, 1, sizeof(buf) - 1, f);
        fclose(f);
        buf[n] = '\0';
        char *s = strrchr(buf, ')');
        assert_non_null(s);
        s += 2; /* field 3 */
        for (int field = 3; field < 22; field++) {
                s = strchr(s, ' ');
                assert_non_null(s);
                s++;
        }
        return strtoull(s, NULL, 10);
}

static void track(struct fixture *fx, pid_t pid)
{
        for (size_t i = 0; i < 8; i++)
                if (fx->kids[i] == 0) {
                        fx->kids[i] = pid;
                        return;
                }
        fail_msg("too many children");
}

static void untrack(struct fixture *fx, pid_t pid)
{
        for (size_t i = 0; i < 8; i++)
                if (fx->kids[i] == pid)
                        fx->kids[i] = 0;
}

/* Fork a child that waits for a byte on a pipe before running fn (so that it can be put in a
 * cgroup first). *go receives the pipe's write end. */
static pid_t spawn(struct fixture *fx, void (*fn)(void *), void *arg, int *go)
{
        int p[2];
        assert_int_equal(pipe2(p, O_CLOEXEC), 0);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
                char c;
                close(p[1]);
                if (read(p[0], &c, 1) != 1)
                        _exit(99);
                fn(arg);
                _exit(0);
        }
        close(p[0]);
        track(fx, pid);
        *go = p[1];
        return pid;
}

static void release(int go)
{
        assert_int_equal(write(go, "g", 1), 1);
        close(go);
}

/* Reap pid and return its wait status. */
static int reap(struct fixture *fx, pid_t pid)
{
        int status = 0;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        untrack(fx, pid);
        return status;
}

static void busy_loop(void *arg)
{
        (void)arg;
        for (volatile uint64_t i = 0;; i++)
                ;
}

static void sleeper(void *arg)
{
        (void)arg;
        for (;;)
                pause();
}

/* Touch `bytes` of fresh anonymous memory (mmap, not the sanitizer's malloc), then report on the
 * fd in arg (if any) and sleep, or exit 0 if arg is NULL. */
struct alloc_arg {
        size_t bytes;
        int ready_fd;
};

static void allocator(void *p)
{
        const struct alloc_arg *a = p;
        char *m = mmap(NULL, a->bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (m == MAP_FAILED)
                _exit(98);
        for (size_t off = 0; off < a->bytes; off += 4096)
                m[off] = 1;
        if (a->ready_fd < 0)
                _exit(0);
        if (write(a->ready_fd, "r", 1) != 1)
                _exit(97);
        for (;;)
                pause();
}

/* Kill what is listed in a cgroup directory and remove it (teardown only). */
static void force_remove(const char *dir)
{
        for (int round = 0; round < 200 && exists(dir); round++) {
                char p[PATH_MAX];
                snprintf(p, sizeof(p), "%s/cgroup.procs", dir);
                FILE *f = fopen(p, "re");
                int pid;
                while (f && fscanf(f, "%d", &pid) == 1)
                        if (pid > 0 && pid != getpid())
                                kill(pid, SIGKILL);
                if (f)
                        fclose(f);
                if (rmdir(dir) == 0 || errno == ENOENT)
                        return;
                sleep_ms(5);
        }
}

/* ---- fixtures ---------------------------------------------------------------------------------
 */

static int group_setup(void **state)
{
        (void)state;
        /* Grandchildren of a killed child come back to us, so that nothing is left unreaped. */
        prctl(PR_SET_CHILD_SUBREAPER, 1);
        if (geteuid() != 0) {
                fprintf(stderr, "test_cgroup_v1: not root, skipping\n");
                return 0;
        }
        struct cgroup_host *h = NULL;
        if (cgroup_host_detect(&h) < 0 || cgroup_host_version(h) != CGROUP_V1) {
                fprintf(stderr, "test_cgroup_v1: no cgroup v1 here, skipping\n");
                cgroup_host_free(h);
                return 0;
        }
        host = h;
        return 0;
}

/* Safety net: whatever is still named after this process. */
static int group_teardown(void **state)
{
        (void)state;
        if (!host)
                return 0;
        char suffix[64];
        snprintf(suffix, sizeof(suffix), "-%d-%" PRIu64, (int)getpid(), starttime_of(getpid()));
        for (size_t c = 0; c < ARRAY_SIZE(ctrls); c++) {
                const char *parent = cgroup_host_parent(host, ctrls[c]);
                DIR *d = parent ? opendir(parent) : NULL;
                struct dirent *de;
                while (d && (de = readdir(d))) {
                        size_t l = strlen(de->d_name), sl = strlen(suffix);
                        if (strncmp(de->d_name, "presize-", 8) || l < sl ||
                            strcmp(de->d_name + l - sl, suffix))
                                continue;
                        char p[PATH_MAX];
                        snprintf(p, sizeof(p), "%s/%s", parent, de->d_name);
                        fprintf(stderr, "test_cgroup_v1: removing left-behind %s\n", p);
                        force_remove(p);
                }
                if (d)
                        closedir(d);
        }
        cgroup_host_free(host);
        host = NULL;
        return 0;
}

static int setup(void **state)
{
        struct fixture *fx = calloc(1, sizeof(*fx));
        assert_non_null(fx);
        *state = fx;
        return 0;
}

static int teardown(void **state)
{
        struct fixture *fx = *state;
        for (size_t i = 0; i < 8; i++)
                if (fx->kids[i] > 0)
                        kill(fx->kids[i], SIGKILL);
        for (size_t i = 0; i < 4; i++) {
                if (!fx->cg[i])
                        continue;
                const char *paths[ARRAY_SIZE(ctrls)];
                char copies[ARRAY_SIZE(ctrls)][PATH_MAX];
                for (size_t c = 0; c < ARRAY_SIZE(ctrls); c++) {
                        paths[c] = cgroup_path(fx->cg[i], ctrls[c]);
                        if (paths[c])
                                snprintf(copies[c], PATH_MAX, "%s", paths[c]);
                }
                cgroup_destroy(fx->cg[i]);
                for (size_t c = 0; c < ARRAY_SIZE(ctrls); c++)
                        if (paths[c])
                                force_remove(copies[c]);
        }
        for (size_t i = 0; i < 4; i++)
                if (fx->extra[i][0])
                        force_remove(fx->extra[i]);
        for (size_t i = 0; i < 8; i++)
                if (fx->kids[i] > 0)
                        waitpid(fx->kids[i], NULL, 0);
        /* Reparented grandchildren (we are a subreaper). */
        for (int round = 0; round < 100; round++) {
                pid_t p = waitpid(-1, NULL, WNOHANG);
                if (p < 0)
                        break;
                if (p == 0)
                        sleep_ms(2);
        }
        free(fx);
        return 0;
}

static struct cgroup *make(struct fixture *fx, size_t slot, const char *id)
{
        char name[256];
        assert_int_equal(cgroup_name(name, sizeof(name), id), 0);
        assert_int_equal(cgroup_create(host, name, &fx->cg[slot]), 0);
        return fx->cg[slot];
}

#define REQUIRE_HOST()                                                                             \
        do {                                                                                       \
                if (!host)                                                                         \
                        skip();                                                                    \
        } while (0)

/* ---- tests ------------------------------------------------------------------------------------
 */

/* Parents come from mountinfo + /proc/self/cgroup: each is the cgroup we run in, in the mount that
 * carries the controller (not the empty cgroup2 at /sys/fs/cgroup/unified). */
static void test_detect(void **state)
{
        (void)state;
        REQUIRE_HOST();
        /* A file each controller has in every cgroup, the root included (pids has none there). */
        const char *marker[] = {"cpu.shares", "cpuacct.usage", "memory.usage_in_bytes",
                                "cgroup.procs", "blkio.throttle.io_service_bytes"};
        FILE *f = fopen("/proc/self/cgroup", "re");
        assert_non_null(f);
        char line[1024];
        while (fgets(line, sizeof(line), f)) {
                line[strcspn(line, "\n")] = '\0';
                char *c1 = strchr(line, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
                assert_non_null(c2);
                *c2 = '\0';
                for (size_t c = 0; c < ARRAY_SIZE(ctrls); c++) {
                        if (!in_list(c1 + 1, ctrls[c]))
                                continue;
                        const char *parent = cgroup_host_parent(host, ctrls[c]);
                        if (!parent && !strcmp(ctrls[c], "blkio"))
                                continue; /* optional */
                        assert_non_null(parent);
                        assert_true(has_file(parent, marker[c]));
                        assert_null(strstr(parent, "/unified"));
                        /* Ends with our path in that hierarchy (the mount root is "/" here). */
                        const char *mine = c2 + 1;
                        size_t pl = strlen(parent), ml = strlen(mine);
                        if (strcmp(mine, "/"))
                                assert_true(pl > ml && !strcmp(parent + pl - ml, mine));
                }
        }
        fclose(f);
        /* cpu and cpuacct: one directory when co-mounted, two otherwise, as the host has them. */
        const char *cpu = cgroup_host_parent(host, "cpu"),
                   *acct = cgroup_host_parent(host, "cpuacct");
        assert_int_equal(has_file(cpu, "cpuacct.usage"), !strcmp(cpu, acct));
        assert_null(cgroup_host_parent(host, "io"));
        assert_null(cgroup_host_parent(host, "nonsense"));
}

static void test_name(void **state)
{
        (void)state;
        char name[256], want[256];
        assert_int_equal(cgroup_name(name, sizeof(name), "abc-1"), 0);
        snprintf(want, sizeof(want), "presize-abc-1-%d-%" PRIu64, (int)getpid(),
                 starttime_of(getpid()));
        assert_string_equal(name, want);
        char small[16];
        assert_int_equal(cgroup_name(small, sizeof(small), "abc"), -ENAMETOOLONG);
        assert_int_equal(cgroup_name(name, sizeof(name), "a/b"), -EINVAL);
        assert_int_equal(cgroup_name(name, sizeof(name), ""), -EINVAL);
        if (!host)
                return;
        struct cgroup *cg = NULL;
        assert_int_equal(cgroup_create(host, "other-name", &cg), -EINVAL);
        assert_int_equal(cgroup_create(host, "presize-supervisor-1", &cg), -EINVAL);
        assert_null(cg);
}

/* Limits read back from the kernel's files; memory grows and shrinks in the order memsw needs
 * (a wrong order fails with EINVAL from the kernel). */
static void test_limits_read_back(void **state)
{
        struct fixture *fx = *state;
        REQUIRE_HOST();
        struct cgroup *cg = make(fx, 0, "limits");
        for (size_t c = 0; c < ARRAY_SIZE(ctrls); c++) {
                const char *p = cgroup_path(cg, ctrls[c]),
                           *parent = cgroup_host_parent(host, ctrls[c]);
                if (!parent)
                        continue;
                assert_non_null(p);
                assert_true(exists(p));
                assert_memory_equal(p, parent, strlen(parent));
                assert_non_null(strstr(p, "/presize-limits-"));
        }
        const char *cpu = cgroup_path(cg, "cpu"), *mem = cgroup_path(cg, "memory");

        assert_int_equal(cgroup_set_cpu(cg, 250), 0);
        assert_int_equal(file_u64(cpu, "cpu.cfs_period_us"), 100000);
        assert_int_equal(file_u64(cpu, "cpu.cfs_quota_us"), 25000);
        assert_int_equal(cgroup_set_cpu(cg, 1), 0);
        assert_int_equal(file_u64(cpu, "cpu.cfs_quota_us"), 1000); /* the kernel's minimum */
        assert_int_equal(cgroup_set_cpu(cg, 1500), 0);
        assert_int_equal(file_u64(cpu, "cpu.cfs_quota_us"), 150000);
        assert_int_equal(cgroup_set_cpu(cg, 0), -EINVAL);

        bool memsw = has_file(mem, "memory.memsw.limit_in_bytes");
        assert_int_equal(cgroup_set_memory(cg, 64 * MiB), 0);
        assert_int_equal(file_u64(mem, "memory.limit_in_bytes"), 64 * MiB);
        if (memsw)
                assert_int_equal(file_u64(mem, "memory.memsw.limit_in_bytes"), 64 * MiB);
        assert_int_equal(cgroup_set_memory(cg, 128 * MiB), 0); /* grow: memsw first */
        assert_int_equal(file_u64(mem, "memory.limit_in_bytes"), 128 * MiB);
        if (memsw)
                assert_int_equal(file_u64(mem, "memory.memsw.limit_in_bytes"), 128 * MiB);
        assert_int_equal(cgroup_set_memory(cg, 32 * MiB), 0); /* shrink: limit first */
        assert_int_equal(file_u64(mem, "memory.limit_in_bytes"), 32 * MiB);
        if (memsw)
                assert_int_equal(file_u64(mem, "memory.memsw.limit_in_bytes"), 32 * MiB);
        assert_int_equal(file_u64(mem, "memory.swappiness"), 0);

        assert_int_equal(cgroup_set_pids(cg, 32), 0);
        assert_int_equal(file_u64(cgroup_path(cg, "pids"), "pids.max"), 32);
}

/* A busy child limited to 250m: its CPU time grows, at about a quarter of wall time, and the
 * kernel reports throttling. */
static void test_cpu_stats(void **state)
{
        struct fixture *fx = *state;
        REQUIRE_HOST();
        struct cgroup *cg = make(fx, 0, "cpu");
        assert_int_equal(cgroup_set_cpu(cg, 250), 0);
        int go;
        pid_t pid = spawn(fx, busy_loop, NULL, &go);
        assert_int_equal(cgroup_attach(cg, pid), 0);
        uint64_t t0 = mono_ns();
        release(go);

        struct cgroup_stats s1, s2;
        sleep_ms(300);
        assert_int_equal(cgroup_read(cg, &s1), 0);
        sleep_ms(500);
        assert_int_equal(cgroup_read(cg, &s2), 0);
        uint64_t wall = mono_ns() - t0;
        fprintf(stderr,
                "  cpu %.1f ms in %.1f ms wall (user %.1f sys %.1f), throttled %" PRIu64
                " times, %.1f ms\n",
                s2.cpu_ns / 1e6, wall / 1e6, s2.user_ns / 1e6, s2.sys_ns / 1e6, s2.nr_throttled,
                s2.throttled_ns / 1e6);
        assert_true(s1.cpu_ns > 10 * 1000000ULL);
        assert_true(s2.cpu_ns > s1.cpu_ns);
        /* 250m: about a quarter of wall time. The kernel hands out quota in slices and checks at
         * ticks, so each period may run over by a few ms; unlimited, it would be ~all of it. */
        assert_true(s2.cpu_ns <= wall / 4 + wall / 12 + 25 * 1000000ULL);
        assert_true(s2.nr_throttled >= 1);
        assert_true(s2.throttled_ns > s1.throttled_ns);
        assert_true(s2.user_ns + s2.sys_ns > 0);
        assert_int_equal(s2.pids_current, 1);
        /* the CPU fields alone (the base of a job's CPU): counters that only grow, nothing else
         * read */
        struct cgroup_stats c;
        assert_int_equal(cgroup_read_cpu(cg, &c), 0);
        assert_true(c.cpu_ns >= s2.cpu_ns && c.throttled_ns >= s2.throttled_ns);
        assert_true(c.user_ns + c.sys_ns > 0);
        assert_int_equal(c.memory_current + c.memory_peak + c.pids_current, 0);

        assert_int_equal(cgroup_kill_all(cg), 0);
        int status = reap(fx, pid);
        assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
        assert_int_equal(cgroup_read(cg, &s2), 0);
        assert_int_equal(s2.pids_current, 0);
}

/* Past its memory limit (no swap) a child is OOM-killed, and the kill is counted. */
static void test_oom_kill(void **state)
{
        struct fixture *fx = *state;
        REQUIRE_HOST();
        struct cgroup *cg = make(fx, 0, "oom");
        assert_int_equal(cgroup_set_memory(cg, 32 * MiB), 0);
        struct alloc_arg a = {.bytes = 128 * MiB, .ready_fd = -1};
        int go;
        pid_t pid = spawn(fx, allocator, &a, &go);
        assert_int_equal(cgroup_attach(cg, pid), 0);
        release(go);
        int status = reap(fx, pid);
        assert_true(WIFSIGNALED(status));
        assert_int_equal(WTERMSIG(status), SIGKILL);
        struct cgroup_stats s;
        assert_int_equal(cgroup_read(cg, &s), 0);
        fprintf(stderr, "  oom_kills %" PRIu64 ", peak %.1f MiB, faults %" PRIu64 "/%" PRIu64 "\n",
                s.oom_kills, s.memory_peak / (double)MiB, s.minor_faults, s.major_faults);
        assert_true(s.oom_kills >= 1);
        assert_true(s.memory_peak >= 24 * MiB && s.memory_peak <= 32 * MiB);
        assert_true(s.minor_faults >= 24 * MiB / 4096 / 2);
        assert_int_equal(file_u64(cgroup_path(cg, "memory"), "memory.limit_in_bytes"), 32 * MiB);
}

/* Shrinking below what is in use is refused and changes nothing; nothing is killed. */
static void test_shrink_below_usage(void **state)
{
        struct fixture *fx = *state;
        REQUIRE_HOST();
        struct cgroup *cg = make(fx, 0, "shrink");
        const char *mem = cgroup_path(cg, "memory");
        bool memsw = has_file(mem, "memory.memsw.limit_in_bytes");
        assert_int_equal(cgroup_set_memory(cg, 128 * MiB), 0);
        int ready[2];
        assert_int_equal(pipe2(ready, O_CLOEXEC), 0);
        struct alloc_arg a = {.bytes = 48 * MiB, .ready_fd = ready[1]};
        int go;
        pid_t pid = spawn(fx, allocator, &a, &go);
        close(ready[1]);
        assert_int_equal(cgroup_attach(cg, pid), 0);
        release(go);
        char c;
        assert_int_equal(read(ready[0], &c, 1), 1);
        close(ready[0]);

        struct cgroup_stats s;
        assert_int_equal(cgroup_read(cg, &s), 0);
        assert_true(s.memory_current >= 48 * MiB);
        assert_int_equal(cgroup_set_memory(cg, 16 * MiB), -EBUSY);
        assert_int_equal(file_u64(mem, "memory.limit_in_bytes"), 128 * MiB);
        if (memsw)
                assert_int_equal(file_u64(mem, "memory.memsw.limit_in_bytes"), 128 * MiB);
        assert_int_equal(waitpid(pid, NULL, WNOHANG), 0); /* still running */
        /* Growing while in use works. */
        assert_int_equal(cgroup_set_memory(cg, 256 * MiB), 0);
        assert_int_equal(file_u64(mem, "memory.limit_in_bytes"), 256 * MiB);
        assert_int_equal(cgroup_read(cg, &s), 0);
        assert_int_equal(s.oom_kills, 0);
}

/* pids.max = 4: the child and three of its children; the fourth fork fails with EAGAIN. */
struct forker_arg {
        int report_fd;
};

static void forker(void *p)
{
        const struct forker_arg *a = p;
        int made = 0, err = 0;
        for (int i = 0; i < 10; i++) {
                pid_t k = fork();
                if (k == 0) {
                        for (;;)
                                pause();
                }
                if (k < 0) {
                        err = errno;
                        break;
                }
                made++;
        }
        int msg[2] = {made, err};
        if (write(a->report_fd, msg, sizeof(msg)) != (ssize_t)sizeof(msg))
                _exit(97);
        for (;;)
                pause();
}

static void test_pids_limit(void **state)
{
        struct fixture *fx = *state;
        REQUIRE_HOST();
        struct cgroup *cg = make(fx, 0, "pids");
        assert_int_equal(cgroup_set_pids(cg, 4), 0);
        int rep[2];
        assert_int_equal(pipe2(rep, O_CLOEXEC), 0);
        struct forker_arg a = {.report_fd = rep[1]};
        int go;
        pid_t pid = spawn(fx, forker, &a, &go);
        close(rep[1]);
        assert_int_equal(cgroup_attach(cg, pid), 0);
        release(go);
        int msg[2] = {0, 0};
        assert_int_equal(read(rep[0], msg, sizeof(msg)), sizeof(msg));
        close(rep[0]);
        assert_int_equal(msg[0], 3);
        assert_int_equal(msg[1], EAGAIN);
        struct cgroup_stats s;
        assert_int_equal(cgroup_read(cg, &s), 0);
        assert_int_equal(s.pids_current, 4);
        assert_int_equal(cgroup_kill_all(cg), 0);
        int status = reap(fx, pid);
        assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
        /* The grandchildren came back to us (subreaper); pids.current counts them until they are
         * reaped. */
        for (int round = 0; round < 500; round++) {
                while (waitpid(-1, NULL, WNOHANG) > 0)
                        ;
                assert_int_equal(cgroup_read(cg, &s), 0);
                if (s.pids_current == 0)
                        break;
                sleep_ms(2);
        }
        assert_int_equal(s.pids_current, 0);
}

/* Direct I/O to disk is counted by blkio (0 when the host has no blkio hierarchy). */
static void io_worker(void *p)
{
        const char *path = p;
        size_t len = 4 * MiB;
        char *buf = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (buf == MAP_FAILED)
                _exit(98);
        memset(buf, 'x', len);
        int fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_DIRECT | O_CLOEXEC, 0600);
        if (fd < 0)
                _exit(errno == EINVAL ? 42 : 96); /* 42: no O_DIRECT on this filesystem */
        if (write(fd, buf, len) != (ssize_t)len || fsync(fd) < 0)
                _exit(95);
        if (pread(fd, buf, len, 0) != (ssize_t)len)
                _exit(94);
        close(fd);
        _exit(0);
}

static void test_io_stats(void **state)
{
        struct fixture *fx = *state;
        REQUIRE_HOST();
        struct cgroup *cg = make(fx, 0, "io");
        char path[] = "/var/tmp/presize-io-XXXXXX";
        int tfd = mkstemp(path);
        assert_true(tfd >= 0);
        close(tfd);
        int go;
        pid_t pid = spawn(fx, io_worker, path, &go);
        assert_int_equal(cgroup_attach(cg, pid), 0);
        release(go);
        int status = reap(fx, pid);
        unlink(path);
        assert_true(WIFEXITED(status));
        if (WEXITSTATUS(status) == 42)
                skip();
        assert_int_equal(WEXITSTATUS(status), 0);
        struct cgroup_stats s;
        assert_int_equal(cgroup_read(cg, &s), 0);
        fprintf(stderr, "  io read %" PRIu64 " write %" PRIu64 "\n", s.io_read_bytes,
                s.io_write_bytes);
        if (!cgroup_host_parent(host, "blkio")) {
                assert_int_equal(s.io_read_bytes + s.io_write_bytes, 0);
                return;
        }
        assert_true(s.io_write_bytes >= 4 * MiB);
        assert_true(s.io_read_bytes >= 4 * MiB);
}

/* The fds of cgroup.procs let a process join by writing "0": one per hierarchy (co-mounted
 * controllers share one). */
static void joiner(void *p)
{
        const int *fds = p;
        for (int i = 0; fds[i] >= 0; i++)
                if (write(fds[i], "0", 1) != 1)
                        _exit(90 + i);
        for (;;)
                pause();
}

static void test_open_procs(void **state)
{
        struct fixture *fx = *state;
        REQUIRE_HOST();
        struct cgroup *cg = make(fx, 0, "procs");
        int distinct = 0;
        for (size_t c = 0; c < ARRAY_SIZE(ctrls); c++) {
                const char *p = cgroup_path(cg, ctrls[c]);
                bool seen = false;
                for (size_t k = 0; k < c; k++) {
                        const char *q = cgroup_path(cg, ctrls[k]);
                        if (p && q && !strcmp(p, q))
                                seen = true;
                }
                if (p && !seen)
                        distinct++;
        }
        int fds[9];
        assert_int_equal(cgroup_open_procs(cg, fds, 1), -ENOSPC);
        int n = cgroup_open_procs(cg, fds, 8);
        assert_int_equal(n, distinct);
        for (int i = 0; i < n; i++)
                assert_true(fcntl(fds[i], F_GETFD) & FD_CLOEXEC);
        fds[n] = -1;
        int go;
        pid_t pid = spawn(fx, joiner, fds, &go);
        for (int i = 0; i < n; i++)
                close(fds[i]);
        release(go);
        /* Wait until it has joined every hierarchy, then check /proc/<pid>/cgroup. */
        const char *name = strrchr(cgroup_path(cg, "memory"), '/');
        int joined = 0;
        for (int round = 0; round < 200 && joined < (int)ARRAY_SIZE(ctrls); round++) {
                char p[64], line[1024];
                snprintf(p, sizeof(p), "/proc/%d/cgroup", (int)pid);
                FILE *f = fopen(p, "re");
                assert_non_null(f);
                joined = 0;
                while (fgets(line, sizeof(line), f)) {
                        line[strcspn(line, "\n")] = '\0';
                        char *c1 = strchr(line, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
                        if (!c2)
                                continue;
                        *c2 = '\0';
                        size_t l = strlen(c2 + 1), nl = strlen(name);
                        bool in = l >= nl && !strcmp(c2 + 1 + l - nl, name);
                        for (size_t c = 0; c < ARRAY_SIZE(ctrls); c++)
                                if (in && in_list(c1 + 1, ctrls[c]))
                                        joined++;
                }
                fclose(f);
                if (joined < (int)ARRAY_SIZE(ctrls))
                        sleep_ms(5);
        }
        int expect = (int)ARRAY_SIZE(ctrls) - (cgroup_host_parent(host, "blkio") ? 0 : 1);
        assert_int_equal(joined, expect);
        struct cgroup_stats s;
        assert_int_equal(cgroup_read(cg, &s), 0);
        assert_int_equal(s.pids_current, 1);
}

/* Destroy kills what runs inside and removes every directory. */
static void test_destroy(void **state)
{
        struct fixture *fx = *state;
        REQUIRE_HOST();
        struct cgroup *cg = make(fx, 0, "destroy");
        char paths[ARRAY_SIZE(ctrls)][PATH_MAX];
        for (size_t c = 0; c < ARRAY_SIZE(ctrls); c++) {
                const char *p = cgroup_path(cg, ctrls[c]);
                snprintf(paths[c], PATH_MAX, "%s", p ? p : "");
        }
        int go;
        pid_t pid = spawn(fx, busy_loop, NULL, &go);
        assert_int_equal(cgroup_attach(cg, pid), 0);
        release(go);
        sleep_ms(20);
        fx->cg[0] = NULL;
        assert_int_equal(cgroup_destroy(cg), 0);
        int status = reap(fx, pid);
        assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
        for (size_t c = 0; c < ARRAY_SIZE(ctrls); c++) {
                if (!paths[c][0])
                        continue;
                struct stat st;
                assert_int_equal(stat(paths[c], &st), -1);
                assert_int_equal(errno, ENOENT);
        }
        assert_int_equal(cgroup_destroy(NULL), 0);
}

/* Leftovers: a cgroup whose owner is dead (and one whose pid was reused) is removed, with what
 * runs in it; a live owner's cgroup and anything not in presize's naming are left alone. */
static void exit_now(void *arg)
{
        (void)arg;
        _exit(0);
}

static void test_leftovers(void **state)
{
        struct fixture *fx = *state;
        REQUIRE_HOST();
        /* A pid and start time that no longer exist. */
        int go;
        pid_t dead = spawn(fx, exit_now, NULL, &go);
        uint64_t dead_start = starttime_of(dead);
        release(go);
        reap(fx, dead);
        assert_int_equal(kill(dead, 0), -1);

        char name[256];
        snprintf(name, sizeof(name), "presize-leftover-x-%d-%" PRIu64, (int)dead, dead_start);
        assert_int_equal(cgroup_create(host, name, &fx->cg[0]), 0);
        snprintf(name, sizeof(name), "presize-reused-%d-%" PRIu64, (int)getpid(),
                 starttime_of(getpid()) + 1);
        assert_int_equal(cgroup_create(host, name, &fx->cg[1]), 0);
        struct cgroup *live = make(fx, 2, "live");

        /* Not ours to touch: a different prefix, and a presize- name without an owner. */
        const char *mparent = cgroup_host_parent(host, "memory");
        snprintf(fx->extra[0], PATH_MAX, "%s/other-leftover-%d-%" PRIu64, mparent, (int)dead,
                 dead_start);
        snprintf(fx->extra[1], PATH_MAX, "%s/presize-%d-%" PRIu64, mparent, (int)dead, dead_start);
        assert_int_equal(mkdir(fx->extra[0], 0755), 0);
        assert_int_equal(mkdir(fx->extra[1], 0755), 0);

        /* Something running in the dead owner's cgroup. */
        pid_t orphan = spawn(fx, sleeper, NULL, &go);
        assert_int_equal(cgroup_attach(fx->cg[0], orphan), 0);
        release(go);

        char gone[2][ARRAY_SIZE(ctrls)][PATH_MAX];
        for (int k = 0; k < 2; k++)
                for (size_t c = 0; c < ARRAY_SIZE(ctrls); c++) {
                        const char *p = cgroup_path(fx->cg[k], ctrls[c]);
                        snprintf(gone[k][c], PATH_MAX, "%s", p ? p : "");
                }

        /* At least our two: the hierarchy roots are shared with every presize on the host, and
         * other dead owners' leftovers there go too. */
        int r = cgroup_cleanup_leftovers(host);
        assert_true(r >= 2);
        for (int k = 0; k < 2; k++)
                for (size_t c = 0; c < ARRAY_SIZE(ctrls); c++)
                        if (gone[k][c][0])
                                assert_false(exists(gone[k][c]));
        int status = reap(fx, orphan);
        assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
        for (size_t c = 0; c < ARRAY_SIZE(ctrls); c++) {
                const char *p = cgroup_path(live, ctrls[c]);
                if (p)
                        assert_true(exists(p));
        }
        assert_true(exists(fx->extra[0]));
        assert_true(exists(fx->extra[1]));
        /* Our live cgroup survives a second pass too. */
        assert_true(cgroup_cleanup_leftovers(host) >= 0);
        assert_true(exists(cgroup_path(live, "memory")));
        /* Destroying a cgroup that was removed as a leftover is fine. */
        assert_int_equal(cgroup_destroy(fx->cg[0]), 0);
        fx->cg[0] = NULL;
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test_setup_teardown(test_detect, setup, teardown),
            cmocka_unit_test_setup_teardown(test_name, setup, teardown),
            cmocka_unit_test_setup_teardown(test_limits_read_back, setup, teardown),
            cmocka_unit_test_setup_teardown(test_cpu_stats, setup, teardown),
            cmocka_unit_test_setup_teardown(test_oom_kill, setup, teardown),
            cmocka_unit_test_setup_teardown(test_shrink_below_usage, setup, teardown),
            cmocka_unit_test_setup_teardown(test_pids_limit, setup, teardown),
            cmocka_unit_test_setup_teardown(test_io_stats, setup, teardown),
            cmocka_unit_test_setup_teardown(test_open_procs, setup, teardown),
            cmocka_unit_test_setup_teardown(test_destroy, setup, teardown),
            cmocka_unit_test_setup_teardown(test_leftovers, setup, teardown),
        };
        return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
