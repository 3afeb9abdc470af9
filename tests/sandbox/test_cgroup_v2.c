/* The cgroup v2 driver on a directory tree laid out like cgroupfs (this host is v1).
 *
 * How the fake works: a temporary directory plays the parent cgroup (cgroup.controllers,
 * cgroup.subtree_control, cgroup.procs). The kernel fills a new cgroup's directory with its
 * interface files at mkdir; a plain filesystem cannot, so the test makes the child directory
 * itself, with those files holding what a kernel would show, before cgroup_create() (which adopts
 * an existing directory of its own name). The driver then reads and writes ordinary files, and the
 * test checks exactly what it wrote. What only a kernel does (removing exited pids from
 * cgroup.procs, rmdir of a directory with files in it) does not happen here, and the tests assert
 * the driver's honest answer to that (-EBUSY, -ENOTEMPTY).
 *
 * One test also runs against the real cgroup2 hierarchy of a hybrid host (/sys/fs/cgroup/unified,
 * which has no controllers here): creation, attach, cgroup.kill and removal, for real. */
#include "sandbox/cgroup.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MiB                 (1024ULL * 1024ULL)
#define CGROUP2_SUPER_MAGIC 0x63677270

struct fixture {
        char parent[128]; /* the fake parent cgroup (a mkdtemp directory) */
        char name[256];   /* our sandbox's cgroup name */
        char child[512];  /* parent/name */
        struct cgroup_host *host;
        struct cgroup *cg;
        pid_t kid;
        char real[2048]; /* a real cgroup2 directory made by test_real_unified */
};

/* ---- helpers ----------------------------------------------------------------------------------
 */

static void put(const char *dir, const char *file, const char *content)
{
        char p[PATH_MAX];
        snprintf(p, sizeof(p), "%s/%s", dir, file);
        FILE *f = fopen(p, "we");
        assert_non_null(f);
        assert_int_equal(fputs(content, f) >= 0, 1);
        assert_int_equal(fclose(f), 0);
}

/* The file's whole content (static buffer). */
static const char *slurp(const char *dir, const char *file)
{
        static char buf[4096];
        char p[PATH_MAX];
        snprintf(p, sizeof(p), "%s/%s", dir, file);
        FILE *f = fopen(p, "re");
        assert_non_null(f);
        size_t n = fread(buf, 1, sizeof(buf) - 1, f);
        fclose(f);
        buf[n] = '\0';
        return buf;
}

static bool exists(const char *path)
{
        struct stat st;
        return stat(path, &st) == 0;
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
        s += 2;
        for (int field = 3; field < 22; field++) {
                s = strchr(s, ' ');
                assert_non_null(s);
                s++;
        }
        return strtoull(s, NULL, 10);
}

static pid_t spawn_sleeper(void)
{
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
                for (;;)
                        pause();
        }
        return pid;
}

/* A pid and start time that existed and are gone. */
static void dead_owner(pid_t *pid, uint64_t *start)
{
        int p[2];
        assert_int_equal(pipe(p), 0);
        pid_t k = fork();
        assert_true(k >= 0);
        if (k == 0) {
                char c;
                close(p[1]);
                (void)!read(p[0], &c, 1);
                _exit(0);
        }
        close(p[0]);
        *start = starttime_of(k);
        close(p[1]);
        assert_int_equal(waitpid(k, NULL, 0), k);
        *pid = k;
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
        (void)st;
        (void)flag;
        (void)ftw;
        remove(path);
        return 0;
}

static void rm_rf(const char *path)
{
        if (path[0])
                nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* What the kernel puts in a new cgroup's directory (a realistic subset, with realistic text). */
static void populate_child(const char *dir)
{
        put(dir, "cgroup.procs", "");
        put(dir, "cgroup.controllers", "cpu io memory pids\n");
        put(dir, "cgroup.subtree_control", "");
        put(dir, "cpu.max", "max 100000\n");
        put(dir, "memory.max", "max\n");
        put(dir, "memory.high", "max\n");
        put(dir, "memory.swap.max", "max\n");
        put(dir, "pids.max", "max\n");
        put(dir, "pids.current", "3\n");
        put(dir, "memory.current", "104857600\n");
        put(dir, "memory.peak", "209715200\n");
        put(dir, "cpu.stat",
            "usage_usec 1234567\n"
            "user_usec 1000000\n"
            "system_usec 234567\n"
            "core_sched.force_idle_usec 0\n"
            "nr_periods 50\n"
            "nr_throttled 12\n"
            "throttled_usec 345678\n"
            "nr_bursts 0\n"
            "burst_usec 0\n");
        put(dir, "memory.events",
            "low 0\n"
            "high 3\n"
            "max 7\n"
            "oom 2\n"
            "oom_kill 2\n"
            "oom_group_kill 0\n");
        put(dir, "memory.stat",
            "anon 94371840\n"
            "file 8388608\n"
            "kernel 1048576\n"
            "kernel_stack 65536\n"
            "pagetables 262144\n"
            "sock 0\n"
            "shmem 0\n"
            "file_mapped 4194304\n"
            "file_dirty 0\n"
            "file_writeback 0\n"
            "swapcached 0\n"
            "anon_thp 0\n"
            "inactive_anon 94371840\n"
            "active_anon 0\n"
            "inactive_file 4194304\n"
            "active_file 4194304\n"
            "unevictable 0\n"
            "workingset_refault_anon 0\n"
            "workingset_refault_file 17\n"
            "pgscan 0\n"
            "pgsteal 0\n"
            "pgrefill 0\n"
            "pgactivate 12\n"
            "pgdeactivate 0\n"
            "pglazyfree 0\n"
            "pglazyfreed 0\n"
            "pgfault 50000\n"
            "pgmajfault 120\n"
            "thp_fault_alloc 0\n"
            "thp_collapse_alloc 0\n");
        put(dir, "io.stat",
            "8:0 rbytes=1048576 wbytes=2097152 rios=10 wios=20 dbytes=0 dios=0\n"
            "259:0 rbytes=4096 wbytes=8192 rios=1 wios=2 dbytes=0 dios=0\n");
}

/* ---- fixtures ---------------------------------------------------------------------------------
 */

static int setup(void **state)
{
        struct fixture *fx = calloc(1, sizeof(*fx));
        assert_non_null(fx);
        snprintf(fx->parent, sizeof(fx->parent), "/tmp/cgv2-fake-XXXXXX");
        assert_non_null(mkdtemp(fx->parent));
        put(fx->parent, "cgroup.controllers", "cpu io memory pids\n");
        put(fx->parent, "cgroup.subtree_control", "");
        put(fx->parent, "cgroup.procs", "");
        assert_int_equal(cgroup_name(fx->name, sizeof(fx->name), "fake"), 0);
        snprintf(fx->child, sizeof(fx->child), "%s/%s", fx->parent, fx->name);
        assert_int_equal(mkdir(fx->child, 0755), 0);
        populate_child(fx->child);
        *state = fx;
        return 0;
}

static int teardown(void **state)
{
        struct fixture *fx = *state;
        if (fx->kid > 0) {
                kill(fx->kid, SIGKILL);
                waitpid(fx->kid, NULL, 0);
        }
        if (fx->cg) {
                /* So that destroy does not signal anything recorded in the fake. */
                put(fx->child, "cgroup.procs", "");
                cgroup_destroy(fx->cg);
        }
        if (fx->real[0] && exists(fx->real)) {
                char p[PATH_MAX];
                snprintf(p, sizeof(p), "%s/cgroup.kill", fx->real);
                FILE *f = fopen(p, "we");
                if (f) {
                        fputs("1", f);
                        fclose(f);
                }
                for (int i = 0; i < 100 && rmdir(fx->real) < 0 && errno == EBUSY; i++)
                        usleep(2000);
        }
        cgroup_host_free(fx->host);
        rm_rf(fx->parent);
        free(fx);
        return 0;
}

static struct cgroup *open_and_create(struct fixture *fx)
{
        assert_int_equal(cgroup_host_open_v2(fx->parent, &fx->host), 0);
        assert_int_equal(cgroup_create(fx->host, fx->name, &fx->cg), 0);
        return fx->cg;
}

/* ---- tests ------------------------------------------------------------------------------------
 */

static void test_open(void **state)
{
        struct fixture *fx = *state;
        struct cgroup_host *h = NULL;
        char p[PATH_MAX];
        snprintf(p, sizeof(p), "%s/nope", fx->parent);
        assert_int_equal(cgroup_host_open_v2(p, &h), -ENOENT);
        snprintf(p, sizeof(p), "%s/cgroup.procs", fx->parent);
        assert_int_equal(cgroup_host_open_v2(p, &h), -ENOTDIR);
        snprintf(p, sizeof(p), "%s/", fx->parent);
        assert_int_equal(cgroup_host_open_v2(p, &fx->host), 0);
        assert_int_equal(cgroup_host_version(fx->host), CGROUP_V2);
        /* One directory for every controller; the trailing slash is gone. */
        assert_string_equal(cgroup_host_parent(fx->host, "memory"), fx->parent);
        assert_string_equal(cgroup_host_parent(fx->host, "io"), fx->parent);
}

/* Creating enables the controllers in the parent, with one write, and uses parent/name. */
static void test_create_enables_controllers(void **state)
{
        struct fixture *fx = *state;
        struct cgroup *cg = open_and_create(fx);
        assert_string_equal(slurp(fx->parent, "cgroup.subtree_control"), "+cpu +memory +pids +io");
        assert_string_equal(cgroup_path(cg, "cpu"), fx->child);
        assert_string_equal(cgroup_path(cg, "memory"), fx->child);
        /* Not a presize name: refused, nothing made. */
        struct cgroup *other = NULL;
        assert_int_equal(cgroup_create(fx->host, "sandbox-1", &other), -EINVAL);
        assert_null(other);
}

/* Only what is missing is enabled, and nothing is written when all is there. */
static void test_create_enables_only_missing(void **state)
{
        struct fixture *fx = *state;
        put(fx->parent, "cgroup.subtree_control", "cpu memory\n");
        open_and_create(fx);
        assert_string_equal(slurp(fx->parent, "cgroup.subtree_control"), "+pids +io");

        put(fx->parent, "cgroup.subtree_control", "cpu io memory pids\n");
        struct cgroup *again = NULL;
        assert_int_equal(cgroup_create(fx->host, fx->name, &again), 0);
        assert_string_equal(slurp(fx->parent, "cgroup.subtree_control"), "cpu io memory pids\n");
        /* Both handles name the same directory (adopted); in the fake, rmdir meets files. */
        assert_int_equal(cgroup_destroy(again), -ENOTEMPTY);
        assert_true(exists(fx->child));
}

/* A parent without io (e.g. no io controller delegated): the rest is still enabled. */
static void test_create_without_io(void **state)
{
        struct fixture *fx = *state;
        put(fx->parent, "cgroup.controllers", "cpuset cpu memory pids\n");
        open_and_create(fx);
        assert_string_equal(slurp(fx->parent, "cgroup.subtree_control"), "+cpu +memory +pids");
}

static void test_cpu_max(void **state)
{
        struct fixture *fx = *state;
        struct cgroup *cg = open_and_create(fx);
        assert_int_equal(cgroup_set_cpu(cg, 250), 0);
        assert_string_equal(slurp(fx->child, "cpu.max"), "25000 100000");
        assert_int_equal(cgroup_set_cpu(cg, 2000), 0);
        assert_string_equal(slurp(fx->child, "cpu.max"), "200000 100000");
        assert_int_equal(cgroup_set_cpu(cg, 1), 0);
        assert_string_equal(slurp(fx->child, "cpu.max"), "1000 100000");
        assert_int_equal(cgroup_set_cpu(cg, 0), -EINVAL);
        assert_string_equal(slurp(fx->child, "cpu.max"), "1000 100000");
}

/* memory.current is 100 MiB in the fake. Raising sets max, no swap, high=max; lowering below
 * current sets only memory.high and returns 1. */
static void test_memory(void **state)
{
        struct fixture *fx = *state;
        struct cgroup *cg = open_and_create(fx);
        assert_int_equal(cgroup_set_memory(cg, 256 * MiB), 0);
        assert_string_equal(slurp(fx->child, "memory.max"), "268435456");
        assert_string_equal(slurp(fx->child, "memory.high"), "max");
        assert_string_equal(slurp(fx->child, "memory.swap.max"), "0");

        assert_int_equal(cgroup_set_memory(cg, 64 * MiB), 1);
        assert_string_equal(slurp(fx->child, "memory.high"), "67108864");
        assert_string_equal(slurp(fx->child, "memory.max"), "268435456");

        /* At or above current: a hard limit again, and the soft one is lifted. */
        assert_int_equal(cgroup_set_memory(cg, 100 * MiB), 0);
        assert_string_equal(slurp(fx->child, "memory.max"), "104857600");
        assert_string_equal(slurp(fx->child, "memory.high"), "max");

        /* No swap accounting on the host: no memory.swap.max, and that is fine. */
        char p[PATH_MAX];
        snprintf(p, sizeof(p), "%s/memory.swap.max", fx->child);
        assert_int_equal(unlink(p), 0);
        assert_int_equal(cgroup_set_memory(cg, 512 * MiB), 0);
        assert_string_equal(slurp(fx->child, "memory.max"), "536870912");
        assert_int_equal(cgroup_set_memory(cg, 0), -EINVAL);
}

static void test_pids(void **state)
{
        struct fixture *fx = *state;
        struct cgroup *cg = open_and_create(fx);
        assert_int_equal(cgroup_set_pids(cg, 64), 0);
        assert_string_equal(slurp(fx->child, "pids.max"), "64");
}

static void test_read(void **state)
{
        struct fixture *fx = *state;
        struct cgroup *cg = open_and_create(fx);
        struct cgroup_stats s;
        assert_int_equal(cgroup_read(cg, &s), 0);
        assert_int_equal(s.cpu_ns, 1234567000ULL);
        assert_int_equal(s.user_ns, 1000000000ULL);
        assert_int_equal(s.sys_ns, 234567000ULL);
        assert_int_equal(s.throttled_ns, 345678000ULL);
        assert_int_equal(s.nr_throttled, 12);
        assert_int_equal(s.memory_current, 104857600ULL);
        assert_int_equal(s.memory_peak, 209715200ULL);
        assert_int_equal(s.oom_kills, 2);
        assert_int_equal(s.minor_faults, 50000 - 120);
        assert_int_equal(s.major_faults, 120);
        assert_int_equal(s.io_read_bytes, 1048576 + 4096);
        assert_int_equal(s.io_write_bytes, 2097152 + 8192);
        assert_int_equal(s.pids_current, 3);
        /* the CPU fields alone (the base of a job's CPU): the same values, nothing else read */
        struct cgroup_stats c;
        assert_int_equal(cgroup_read_cpu(cg, &c), 0);
        assert_int_equal(c.cpu_ns, s.cpu_ns);
        assert_int_equal(c.user_ns, s.user_ns);
        assert_int_equal(c.sys_ns, s.sys_ns);
        assert_int_equal(c.throttled_ns, s.throttled_ns);
        assert_int_equal(c.nr_throttled, s.nr_throttled);
        assert_int_equal(c.memory_current + c.memory_peak + c.pids_current, 0);

        /* Before Linux 5.19 there is no memory.peak: 0, the caller keeps its own maximum. And a
         * cgroup without io.stat (no io controller) reads 0 bytes. */
        char p[PATH_MAX];
        snprintf(p, sizeof(p), "%s/memory.peak", fx->child);
        assert_int_equal(unlink(p), 0);
        snprintf(p, sizeof(p), "%s/io.stat", fx->child);
        assert_int_equal(unlink(p), 0);
        assert_int_equal(cgroup_read(cg, &s), 0);
        assert_int_equal(s.memory_peak, 0);
        assert_int_equal(s.io_read_bytes + s.io_write_bytes, 0);
        assert_int_equal(s.memory_current, 104857600ULL);

        /* Without memory.current there is no measurement. */
        snprintf(p, sizeof(p), "%s/memory.current", fx->child);
        assert_int_equal(unlink(p), 0);
        assert_int_equal(cgroup_read(cg, &s), -ENOENT);
}

static void test_attach_and_open_procs(void **state)
{
        struct fixture *fx = *state;
        struct cgroup *cg = open_and_create(fx);
        fx->kid = spawn_sleeper();
        assert_int_equal(cgroup_attach(cg, fx->kid), 0);
        char want[32];
        snprintf(want, sizeof(want), "%d", (int)fx->kid);
        assert_string_equal(slurp(fx->child, "cgroup.procs"), want);
        put(fx->child, "cgroup.procs", "");

        int fds[4] = {-1, -1, -1, -1};
        assert_int_equal(cgroup_open_procs(cg, fds, 0), -ENOSPC);
        assert_int_equal(cgroup_open_procs(cg, fds, 4), 1);
        assert_true(fcntl(fds[0], F_GETFL) & O_WRONLY);
        assert_true(fcntl(fds[0], F_GETFD) & FD_CLOEXEC);
        assert_int_equal(write(fds[0], "0", 1), 1);
        close(fds[0]);
        assert_string_equal(slurp(fx->child, "cgroup.procs"), "0");
        put(fx->child, "cgroup.procs", "");
        assert_int_equal(cgroup_attach(cg, 0), -EINVAL);
}

/* kill_all with cgroup.kill: nothing to do when the cgroup is empty; with a process listed, the
 * driver writes "1" to cgroup.kill and leaves the killing to the kernel (no kill(2) of its own), so
 * in the fake the process lives on and the driver, after its bounded wait, says -EBUSY.
 * test_real_unified covers the kernel's side. */
static void test_kill_all_cgroup_kill(void **state)
{
        struct fixture *fx = *state;
        struct cgroup *cg = open_and_create(fx);
        put(fx->child, "cgroup.kill", "");
        assert_int_equal(cgroup_kill_all(cg), 0);
        assert_string_equal(slurp(fx->child, "cgroup.kill"), "");

        fx->kid = spawn_sleeper();
        assert_int_equal(cgroup_attach(cg, fx->kid), 0);
        assert_int_equal(cgroup_kill_all(cg), -EBUSY);
        assert_string_equal(slurp(fx->child, "cgroup.kill"), "1");
        assert_int_equal(waitpid(fx->kid, NULL, WNOHANG), 0);
        put(fx->child, "cgroup.procs", "");
}

/* kill_all without cgroup.kill: SIGKILL to each listed pid. In the fake nobody removes the pid
 * from cgroup.procs, so after its bounded wait the driver says -EBUSY; the process was killed. */
static void test_kill_all_fallback(void **state)
{
        struct fixture *fx = *state;
        struct cgroup *cg = open_and_create(fx);
        fx->kid = spawn_sleeper();
        assert_int_equal(cgroup_attach(cg, fx->kid), 0);
        assert_int_equal(cgroup_kill_all(cg), -EBUSY);
        int status = 0;
        assert_int_equal(waitpid(fx->kid, &status, 0), fx->kid);
        fx->kid = 0;
        assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
        put(fx->child, "cgroup.procs", "");
        assert_int_equal(cgroup_kill_all(cg), 0);
}

/* The driver never kills its own process, whatever cgroup.procs says. */
static void test_kill_all_refuses_self(void **state)
{
        struct fixture *fx = *state;
        struct cgroup *cg = open_and_create(fx);
        put(fx->child, "cgroup.kill", "");
        char me[32];
        snprintf(me, sizeof(me), "%d\n", (int)getpid());
        put(fx->child, "cgroup.procs", me);
        assert_int_equal(cgroup_kill_all(cg), -EDEADLK);
        assert_string_equal(slurp(fx->child, "cgroup.kill"), "");
        put(fx->child, "cgroup.procs", "");
}

/* Destroy on the fake: rmdir of a directory full of files fails, and destroy says so (and frees).
 * Once the directory is empty, as cgroupfs would make it look, destroy removes it. A directory
 * that is already gone is fine. */
static void test_destroy(void **state)
{
        struct fixture *fx = *state;
        open_and_create(fx);
        struct cgroup *cg = fx->cg;
        fx->cg = NULL;
        assert_int_equal(cgroup_destroy(cg), -ENOTEMPTY);
        assert_true(exists(fx->child));

        /* As cgroupfs looks to rmdir: no files in the way. */
        assert_int_equal(cgroup_create(fx->host, fx->name, &cg), 0);
        rm_rf(fx->child);
        assert_int_equal(mkdir(fx->child, 0755), 0);
        assert_int_equal(cgroup_destroy(cg), 0);
        assert_false(exists(fx->child));

        assert_int_equal(cgroup_create(fx->host, fx->name, &cg), 0);
        rm_rf(fx->child);
        assert_int_equal(cgroup_destroy(cg), 0);
        assert_int_equal(cgroup_destroy(NULL), 0);
}

/* Leftovers: a dead owner's presize-* directory goes (with the cgroups inside it); everything
 * else stays: live owners, other names, files, and the supervisor leaf of a live presize. An empty
 * supervisor leaf of a dead presize is removed (not counted). */
static void test_leftovers(void **state)
{
        struct fixture *fx = *state;
        pid_t dpid;
        uint64_t dstart;
        dead_owner(&dpid, &dstart);
        char p[PATH_MAX], dead[512], dead2[512], reused[512];
        snprintf(dead, sizeof(dead), "%s/presize-job-7-%d-%" PRIu64, fx->parent, (int)dpid, dstart);
        assert_int_equal(mkdir(dead, 0755), 0);
        snprintf(p, sizeof(p), "%s/inner", dead);
        assert_int_equal(mkdir(p, 0755), 0);
        snprintf(dead2, sizeof(dead2), "%s/presize-x-%d-%" PRIu64, fx->parent, (int)dpid, dstart);
        assert_int_equal(mkdir(dead2, 0755), 0);
        snprintf(reused, sizeof(reused), "%s/presize-y-%d-%" PRIu64, fx->parent, (int)getpid(),
                 starttime_of(getpid()) + 7);
        assert_int_equal(mkdir(reused, 0755), 0);

        char keep_paths[5][PATH_MAX];
        snprintf(keep_paths[0], PATH_MAX, "%s/other-%d-%" PRIu64, fx->parent, (int)dpid, dstart);
        snprintf(keep_paths[1], PATH_MAX, "%s/presize-%d-%" PRIu64, fx->parent, (int)dpid, dstart);
        snprintf(keep_paths[2], PATH_MAX, "%s/presize-garbage", fx->parent);
        snprintf(keep_paths[3], PATH_MAX, "%s/presize--%d-%" PRIu64, fx->parent, (int)dpid, dstart);
        for (size_t i = 0; i < 4; i++)
                assert_int_equal(mkdir(keep_paths[i], 0755), 0);
        /* A file, not a directory, with a dead owner's name. */
        snprintf(keep_paths[4], PATH_MAX, "%s/presize-file-%d-%" PRIu64, fx->parent, (int)dpid,
                 dstart);
        put(fx->parent, strrchr(keep_paths[4], '/') + 1, "");

        char sup_dead[PATH_MAX], sup_live[PATH_MAX];
        snprintf(sup_dead, sizeof(sup_dead), "%s/presize-supervisor-%d", fx->parent, (int)dpid);
        snprintf(sup_live, sizeof(sup_live), "%s/presize-supervisor-%d", fx->parent, (int)getpid());
        assert_int_equal(mkdir(sup_dead, 0755), 0);
        assert_int_equal(mkdir(sup_live, 0755), 0);

        assert_int_equal(cgroup_host_open_v2(fx->parent, &fx->host), 0);
        assert_int_equal(cgroup_cleanup_leftovers(fx->host), 3);
        assert_false(exists(dead));
        assert_false(exists(dead2));
        assert_false(exists(reused));
        assert_false(exists(sup_dead));
        assert_true(exists(sup_live));
        assert_true(exists(fx->child)); /* ours: live owner */
        for (size_t i = 0; i < 5; i++)
                assert_true(exists(keep_paths[i]));
        assert_int_equal(cgroup_cleanup_leftovers(fx->host), 0);
}

/* The real cgroup2 hierarchy of a hybrid host: no controllers to enable there, but creation,
 * attach, cgroup.kill and removal are the kernel's own. */
static void test_real_unified(void **state)
{
        struct fixture *fx = *state;
        struct statfs sfs;
        if (geteuid() != 0 || statfs("/sys/fs/cgroup/unified", &sfs) < 0 ||
            sfs.f_type != CGROUP2_SUPER_MAGIC)
                skip();
        char line[1024], parent[1100] = "";
        FILE *f = fopen("/proc/self/cgroup", "re");
        assert_non_null(f);
        while (fgets(line, sizeof(line), f))
                if (!strncmp(line, "0::", 3)) {
                        line[strcspn(line, "\n")] = '\0';
                        snprintf(parent, sizeof(parent), "/sys/fs/cgroup/unified%s",
                                 strcmp(line + 3, "/") ? line + 3 : "");
                }
        fclose(f);
        if (!parent[0])
                skip();
        char before[4096]; /* as large as slurp's buffer */
        snprintf(before, sizeof(before), "%s", slurp(parent, "cgroup.subtree_control"));

        assert_int_equal(cgroup_host_open_v2(parent, &fx->host), 0);
        char name[256];
        assert_int_equal(cgroup_name(name, sizeof(name), "real"), 0);
        struct cgroup *cg = NULL;
        assert_int_equal(cgroup_create(fx->host, name, &cg), 0);
        snprintf(fx->real, sizeof(fx->real), "%s", cgroup_path(cg, "cpu"));
        assert_true(exists(fx->real));
        assert_string_equal(slurp(parent, "cgroup.subtree_control"), before);

        fx->kid = spawn_sleeper();
        assert_int_equal(cgroup_attach(cg, fx->kid), 0);
        char p[64], want[1400];
        snprintf(p, sizeof(p), "%d/cgroup", (int)fx->kid);
        snprintf(want, sizeof(want), "0::%s/%s\n",
                 strcmp(parent, "/sys/fs/cgroup/unified")
                     ? parent + strlen("/sys/fs/cgroup/unified")
                     : "",
                 name);
        assert_non_null(strstr(slurp("/proc", p), want));
        char pidline[32];
        snprintf(pidline, sizeof(pidline), "%d\n", (int)fx->kid);
        assert_string_equal(slurp(fx->real, "cgroup.procs"), pidline);

        assert_int_equal(cgroup_kill_all(cg), 0);
        int status = 0;
        assert_int_equal(waitpid(fx->kid, &status, 0), fx->kid);
        fx->kid = 0;
        assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
        assert_string_equal(slurp(fx->real, "cgroup.procs"), "");

        /* Joining through the fd of cgroup.procs by writing "0", as the sandbox's init does. */
        int fd = -1;
        assert_int_equal(cgroup_open_procs(cg, &fd, 1), 1);
        fx->kid = fork();
        assert_true(fx->kid >= 0);
        if (fx->kid == 0) {
                if (write(fd, "0", 1) != 1)
                        _exit(1);
                for (;;)
                        pause();
        }
        close(fd);
        snprintf(pidline, sizeof(pidline), "%d\n", (int)fx->kid);
        for (int i = 0; i < 500 && strcmp(slurp(fx->real, "cgroup.procs"), pidline); i++)
                usleep(2000);
        assert_string_equal(slurp(fx->real, "cgroup.procs"), pidline);

        /* Destroy kills and removes for real, with a process still inside. */
        assert_int_equal(cgroup_destroy(cg), 0);
        assert_int_equal(waitpid(fx->kid, &status, 0), fx->kid);
        fx->kid = 0;
        assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
        assert_false(exists(fx->real));
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test_setup_teardown(test_open, setup, teardown),
            cmocka_unit_test_setup_teardown(test_create_enables_controllers, setup, teardown),
            cmocka_unit_test_setup_teardown(test_create_enables_only_missing, setup, teardown),
            cmocka_unit_test_setup_teardown(test_create_without_io, setup, teardown),
            cmocka_unit_test_setup_teardown(test_cpu_max, setup, teardown),
            cmocka_unit_test_setup_teardown(test_memory, setup, teardown),
            cmocka_unit_test_setup_teardown(test_pids, setup, teardown),
            cmocka_unit_test_setup_teardown(test_read, setup, teardown),
            cmocka_unit_test_setup_teardown(test_attach_and_open_procs, setup, teardown),
            cmocka_unit_test_setup_teardown(test_kill_all_cgroup_kill, setup, teardown),
            cmocka_unit_test_setup_teardown(test_kill_all_fallback, setup, teardown),
            cmocka_unit_test_setup_teardown(test_kill_all_refuses_self, setup, teardown),
            cmocka_unit_test_setup_teardown(test_destroy, setup, teardown),
            cmocka_unit_test_setup_teardown(test_leftovers, setup, teardown),
            cmocka_unit_test_setup_teardown(test_real_unified, setup, teardown),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
