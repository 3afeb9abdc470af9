/* confine: rlimits, identity, capabilities, no_new_privs and the seccomp filter, for real.
 *
 * Every check runs in a forked child, as in the sandbox: the child applies confine_apply() (or
 * only the filter) and then tests what it can and cannot do. A failing check writes one line to
 * a pipe and exits 1; the parent reads the line and fails the test with it. Children never call
 * cmocka, and leave with _exit() (no atexit, no LeakSanitizer, which would need ptrace).
 *
 * Needs root (CAP_SETUID, CAP_SETGID, CAP_SETPCAP): skipped otherwise. */
#include "sandbox/confine.h"

#include "util/cleanup.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <linux/bpf.h>
#include <linux/capability.h>
#include <linux/io_uring.h>
#include <linux/keyctl.h>

#include <seccomp.h>

#include <setjmp.h>
#include <stddef.h>
#include <cmocka.h>

extern char **environ;

#define MIB (UINT64_C(1) << 20)

static struct confine_filter *filter;
static const struct confine_limits test_limits = {
    .fsize_bytes = MIB,
    .nofile = 64,
    .core_bytes = 0,
};

/* ---- running checks in a child ---------------------------------------------------------- */

static int report_fd = -1;

static void child_fail(int line, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 2, 3)));
static void child_fail(int line, const char *fmt, ...)
{
        char what[384], buf[512];
        int saved = errno;
        va_list ap;

        va_start(ap, fmt);
        vsnprintf(what, sizeof(what), fmt, ap);
        va_end(ap);
        snprintf(buf, sizeof(buf), "line %d: %s (errno %d: %s)", line, what, saved,
                 strerror(saved));
        if (report_fd >= 0 && write(report_fd, buf, strlen(buf)) < 0)
                _exit(2);
        _exit(1);
}

#define CHECK(cond)                                                                                \
        do {                                                                                       \
                if (!(cond))                                                                       \
                        child_fail(__LINE__, "%s", #cond);                                         \
        } while (0)

/* A call that must fail with this errno. */
#define CHECK_ERRNO(call, err)                                                                     \
        do {                                                                                       \
                errno = 0;                                                                         \
                long ret_ = (long)(call);                                                          \
                if (ret_ != -1 || errno != (err))                                                  \
                        child_fail(__LINE__, "%s returned %ld, expected -1 with %s", #call, ret_,  \
                                   #err);                                                          \
        } while (0)

/* For children that prepare something before confining themselves. */
static void apply_or_fail(void)
{
        int r = confine_apply(&test_limits, filter);

        if (r < 0) {
                errno = -r;
                child_fail(__LINE__, "confine_apply");
        }
}

typedef void (*child_fn)(void *arg);

/* Fork; in the child apply `limits` (NULL: stay unconfined) and run fn. Returns the wait status;
 * msg receives whatever the child reported. */
static int run_child(const struct confine_limits *limits, child_fn fn, void *arg, char *msg,
                     size_t msg_len)
{
        int p[2], status = 0;
        size_t got = 0;
        pid_t pid;

        assert_int_equal(pipe2(p, O_CLOEXEC), 0);
        pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
                /* cmocka's handlers for fatal signals would catch a fault of the child (int 0x80
                 * on a kernel without IA32 emulation) and carry it on through the rest of the
                 * suite: the child dies of them instead */
                static const int fatal[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE};
                for (size_t i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++)
                        signal(fatal[i], SIG_DFL);
                close(p[0]);
                report_fd = p[1];
                if (limits) {
                        int r = confine_apply(limits, filter);

                        if (r < 0) {
                                errno = -r;
                                child_fail(__LINE__, "confine_apply");
                        }
                }
                fn(arg);
                _exit(0);
        }
        close(p[1]);
        for (;;) {
                ssize_t n = read(p[0], msg + got, msg_len - 1 - got);

                if (n < 0 && errno == EINTR)
                        continue;
                if (n <= 0)
                        break;
                got += (size_t)n;
                if (got == msg_len - 1)
                        break;
        }
        msg[got] = '\0';
        close(p[0]);
        assert_int_equal(waitpid(pid, &status, 0), pid);
        return status;
}

static void expect_exit(int status, int code, const char *msg)
{
        if (!WIFEXITED(status) || WEXITSTATUS(status) != code)
                fail_msg("child: wait status %#x (expected exit %d): %s", (unsigned)status, code,
                         msg);
}

static void run_confined_ok(child_fn fn, void *arg)
{
        char msg[512];

        expect_exit(run_child(&test_limits, fn, arg, msg, sizeof(msg)), 0, msg);
}

/* What the filter must deny with EPERM, written out here and not taken from the module, so that
 * a name dropped from confine_denied_syscalls fails a test. */
static const char *const expected_denied[] = {
    "ptrace",
    "process_vm_readv",
    "process_vm_writev",
    "mount",
    "umount2",
    "pivot_root",
    "chroot",
    "move_mount",
    "open_tree",
    "fsopen",
    "fsconfig",
    "fsmount",
    "fspick",
    "mount_setattr",
    "bpf",
    "kexec_load",
    "kexec_file_load",
    "keyctl",
    "add_key",
    "request_key",
    "init_module",
    "finit_module",
    "delete_module",
    "unshare",
    "setns",
    "swapon",
    "swapoff",
    "reboot",
    "acct",
    "quotactl",
    "perf_event_open",
    "userfaultfd",
    "open_by_handle_at",
    "name_to_handle_at",
    "iopl",
    "ioperm",
    "settimeofday",
    "clock_settime",
    "clock_adjtime",
    "adjtimex",
    "syslog",
    "lookup_dcookie",
    "fanotify_init",
    "nfsservctl",
    "vhangup",
    "uselib",
    "kcmp",
    "io_uring_setup",
    "io_uring_enter",
    "io_uring_register",
};

static bool in_denied_list(const char *name)
{
        for (size_t i = 0; confine_denied_syscalls[i]; i++)
                if (strcmp(confine_denied_syscalls[i], name) == 0)
                        return true;
        return false;
}

/* ---- filter building ---------------------------------------------------------------------- */

static void test_build(void **state)
{
        struct confine_filter *f = NULL;
        size_t n = 0;

        (void)state;
        assert_int_equal(confine_filter_build(NULL), -EINVAL);
        assert_int_equal(confine_filter_build(&f), 0);
        assert_non_null(f);
        assert_true(confine_filter_len(f) > 0);
        assert_int_equal(confine_filter_len(f), confine_filter_len(filter));
        confine_filter_free(f);
        confine_filter_free(NULL);

        for (; confine_denied_syscalls[n]; n++)
                if (seccomp_syscall_resolve_name(confine_denied_syscalls[n]) == __NR_SCMP_ERROR)
                        fail_msg("libseccomp does not know %s", confine_denied_syscalls[n]);
        for (size_t i = 0; i < ARRAY_SIZE(expected_denied); i++)
                if (!in_denied_list(expected_denied[i]))
                        fail_msg("%s is not in confine_denied_syscalls", expected_denied[i]);
        assert_true(n >= ARRAY_SIZE(expected_denied));
}

static void bad_args_child(void *arg)
{
        struct confine_limits zero_nofile = test_limits;

        (void)arg;
        zero_nofile.nofile = 0;
        CHECK(confine_apply(NULL, filter) == -EINVAL);
        CHECK(confine_apply(&test_limits, NULL) == -EINVAL);
        CHECK(confine_apply(&zero_nofile, filter) == -EINVAL);
        CHECK(confine_filter_install(NULL) == -EINVAL);
        /* nothing changed */
        CHECK(geteuid() == 0);
        CHECK(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 0);
        CHECK(prctl(PR_GET_SECCOMP, 0, 0, 0, 0) == 0);
}

static void test_bad_args(void **state)
{
        char msg[512];

        (void)state;
        expect_exit(run_child(NULL, bad_args_child, NULL, msg, sizeof(msg)), 0, msg);
}

/* Not root any more (setuid to another user first): the first privileged step fails and its
 * errno comes back. */
static void not_root_child(void *arg)
{
        (void)arg;
        CHECK(setresuid(1000, 1000, 1000) == 0);
        CHECK(confine_apply(&test_limits, filter) == -EPERM);
}

static void test_apply_fails_without_privilege(void **state)
{
        char msg[512];

        (void)state;
        expect_exit(run_child(NULL, not_root_child, NULL, msg, sizeof(msg)), 0, msg);
}

/* ---- identity and capabilities ------------------------------------------------------------ */

static void identity_child(void *arg)
{
        uid_t r, e, s;
        gid_t rg, eg, sg;
        gid_t groups[8];

        (void)arg;
        /* start with supplementary groups (root often has none), so that dropping them shows */
        CHECK(setgroups(2, (gid_t[]){0, 4}) == 0);
        CHECK(getgroups(8, groups) == 2);
        apply_or_fail();
        CHECK(getresuid(&r, &e, &s) == 0);
        CHECK(r == SANDBOX_UID && e == SANDBOX_UID && s == SANDBOX_UID);
        CHECK(getuid() == 65534 && geteuid() == 65534);
        CHECK(getresgid(&rg, &eg, &sg) == 0);
        CHECK(rg == SANDBOX_GID && eg == SANDBOX_GID && sg == SANDBOX_GID);
        CHECK(getgid() == 65534 && getegid() == 65534);
        CHECK(getgroups(8, groups) == 0);

        /* and there is no way back */
        CHECK_ERRNO(setuid(0), EPERM);
        CHECK_ERRNO(setresuid(0, 0, 0), EPERM);
        CHECK_ERRNO(setgid(0), EPERM);
        CHECK_ERRNO(setgroups(1, (gid_t[]){0}), EPERM);
}

static void test_identity(void **state)
{
        char msg[512];

        (void)state;
        expect_exit(run_child(NULL, identity_child, NULL, msg, sizeof(msg)), 0, msg);
}

/* The value after "key:\t" in /proc/self/status, up to the newline. */
static const char *status_field(const char *status, const char *key, char *out, size_t len)
{
        char pat[64];
        const char *p;
        size_t n = 0;

        snprintf(pat, sizeof(pat), "\n%s:", key);
        p = strstr(status, pat);
        if (!p)
                return "";
        p += strlen(pat);
        while (*p == '\t' || *p == ' ')
                p++;
        while (p[n] && p[n] != '\n' && n + 1 < len) {
                out[n] = p[n];
                n++;
        }
        out[n] = '\0';
        return out;
}

static void caps_child(void *arg)
{
        static const char *const zero_caps[] = {"CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb"};
        struct __user_cap_header_struct hdr = {.version = _LINUX_CAPABILITY_VERSION_3};
        struct __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3];
        char status[8192], v[64];
        ssize_t n;
        int fd;

        (void)arg;
        fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC);
        CHECK(fd >= 0);
        n = read(fd, status, sizeof(status) - 1);
        CHECK(n > 0);
        status[n] = '\0';
        close(fd);

        for (size_t i = 0; i < ARRAY_SIZE(zero_caps); i++)
                if (strcmp(status_field(status, zero_caps[i], v, sizeof(v)), "0000000000000000") !=
                    0)
                        child_fail(__LINE__, "%s is '%s'", zero_caps[i], v);
        if (strcmp(status_field(status, "NoNewPrivs", v, sizeof(v)), "1") != 0)
                child_fail(__LINE__, "NoNewPrivs is '%s'", v);
        if (strcmp(status_field(status, "Seccomp", v, sizeof(v)), "2") != 0)
                child_fail(__LINE__, "Seccomp is '%s'", v);
        if (strcmp(status_field(status, "Uid", v, sizeof(v)), "65534\t65534\t65534\t65534") != 0)
                child_fail(__LINE__, "Uid is '%s'", v);
        if (strcmp(status_field(status, "Groups", v, sizeof(v)), "") != 0)
                child_fail(__LINE__, "Groups is '%s'", v);

        /* the same through the syscalls */
        CHECK(syscall(SYS_capget, &hdr, data) == 0);
        for (int i = 0; i < _LINUX_CAPABILITY_U32S_3; i++)
                CHECK(data[i].effective == 0 && data[i].permitted == 0 && data[i].inheritable == 0);
        for (int cap = 0; cap <= 40; cap++)
                CHECK(prctl(PR_CAPBSET_READ, cap, 0, 0, 0) == 0);
        CHECK(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 1);
        CHECK(prctl(PR_GET_SECCOMP, 0, 0, 0, 0) == 2);
        /* capabilities cannot come back: raising any fails */
        data[0].effective = data[0].permitted = 1u << CAP_SETUID;
        CHECK_ERRNO(syscall(SYS_capset, &hdr, data), EPERM);
}

static void test_caps_and_status(void **state)
{
        (void)state;
        run_confined_ok(caps_child, NULL);
}

/* An unconfined root process that had keep-caps and an inheritable set ends up with nothing. */
static void keepcaps_child(void *arg)
{
        struct __user_cap_header_struct hdr = {.version = _LINUX_CAPABILITY_VERSION_3};
        struct __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3];

        (void)arg;
        CHECK(prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) == 0);
        CHECK(syscall(SYS_capget, &hdr, data) == 0);
        data[0].inheritable = data[0].permitted & (1u << CAP_NET_BIND_SERVICE);
        CHECK(syscall(SYS_capset, &hdr, data) == 0);
        apply_or_fail();
        CHECK(syscall(SYS_capget, &hdr, data) == 0);
        for (int i = 0; i < _LINUX_CAPABILITY_U32S_3; i++)
                CHECK(data[i].effective == 0 && data[i].permitted == 0 && data[i].inheritable == 0);
}

static void test_keepcaps_still_cleared(void **state)
{
        char msg[512];

        (void)state;
        expect_exit(run_child(NULL, keepcaps_child, NULL, msg, sizeof(msg)), 0, msg);
}

/* ---- what the filter denies --------------------------------------------------------------- */

static void denied_child(void *arg)
{
        union bpf_attr attr;
        struct io_uring_params iop;
        int fd;

        (void)arg;
        CHECK_ERRNO(ptrace(PTRACE_TRACEME, 0, NULL, NULL), EPERM);
        CHECK_ERRNO(ptrace(PTRACE_ATTACH, getppid(), NULL, NULL), EPERM);
        CHECK_ERRNO(ptrace(PTRACE_SEIZE, getppid(), NULL, NULL), EPERM);
        /* a target that does not exist: harmless even if every wall failed */
        CHECK_ERRNO(mount("none", "/proc/self/presize-none", "tmpfs", 0, NULL), EPERM);
        CHECK_ERRNO(umount2("/proc/self/presize-none", MNT_DETACH), EPERM);
        CHECK_ERRNO(chroot("/"), EPERM);
        CHECK_ERRNO(unshare(CLONE_NEWUSER), EPERM);
        CHECK_ERRNO(unshare(CLONE_NEWNS), EPERM);
        CHECK_ERRNO(unshare(0), EPERM);
        fd = open("/proc/self/ns/uts", O_RDONLY | O_CLOEXEC);
        CHECK(fd >= 0);
        CHECK_ERRNO(setns(fd, CLONE_NEWUTS), EPERM);
        close(fd);
        memset(&attr, 0, sizeof(attr));
        CHECK_ERRNO(syscall(SYS_bpf, BPF_PROG_LOAD, &attr, sizeof(attr)), EPERM);
        CHECK_ERRNO(syscall(SYS_bpf, BPF_MAP_CREATE, &attr, sizeof(attr)), EPERM);
        /* unprivileged code could normally do both of these */
        CHECK_ERRNO(syscall(SYS_keyctl, KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0), EPERM);
        CHECK_ERRNO(syscall(SYS_add_key, "user", "presize", "x", 1, KEY_SPEC_PROCESS_KEYRING),
                    EPERM);
        CHECK_ERRNO(syscall(SYS_init_module, NULL, 0, ""), EPERM);
        CHECK_ERRNO(syscall(SYS_finit_module, 0, "", 0), EPERM);
        CHECK_ERRNO(syscall(SYS_delete_module, "presize", 0), EPERM);
        memset(&iop, 0, sizeof(iop));
        CHECK_ERRNO(syscall(SYS_io_uring_setup, 8, &iop), EPERM);
        CHECK_ERRNO(syscall(SYS_userfaultfd, 0), EPERM);
        CHECK_ERRNO(syscall(SYS_process_vm_readv, getppid(), NULL, 0, NULL, 0, 0), EPERM);
        CHECK_ERRNO(syscall(SYS_kcmp, getpid(), getppid(), 0, 0, 0), EPERM);
        CHECK_ERRNO(syscall(SYS_syslog, 10 /* SYSLOG_ACTION_SIZE_BUFFER */, NULL, 0), EPERM);
}

static void test_denied_calls(void **state)
{
        (void)state;
        run_confined_ok(denied_child, NULL);
}

/* The filter alone, on a root process that still has every capability: each denied call, with
 * arguments that are all invalid (-1: bad pointers, flags, fds, commands), must answer EPERM.
 * Without the filter root gets EFAULT, EINVAL, EBADF, ESRCH or ENOSYS from these, so this checks
 * the filter itself and not the lack of privilege. setsid() first: vhangup() then has no terminal
 * to hang up even if it were let through. */
static void expect_denied_as_root(const char *name)
{
        const long bad = -1;
        int nr = seccomp_syscall_resolve_name(name);
        long ret;

        if (nr < 0) /* not on this architecture */
                return;
        errno = 0;
        ret = syscall(nr, bad, bad, bad, bad, bad, bad);
        if (ret != -1 || errno != EPERM)
                child_fail(__LINE__, "%s as root returned %ld", name, ret);
}

static void filter_alone_child(void *arg)
{
        const long bad = -1;

        (void)arg;
        CHECK(setsid() > 0);
        /* controls: root without the filter does not get EPERM from these */
        CHECK_ERRNO(syscall(SYS_keyctl, bad, bad, bad, bad, bad), EOPNOTSUPP);
        CHECK_ERRNO(syscall(SYS_mount, bad, bad, bad, bad, bad), EFAULT);
        CHECK_ERRNO(syscall(SYS_unshare, bad), EINVAL);

        {
                int r = confine_filter_install(filter);

                if (r < 0) {
                        errno = -r;
                        child_fail(__LINE__, "confine_filter_install");
                }
        }
        CHECK(geteuid() == 0);
        for (size_t i = 0; i < ARRAY_SIZE(expected_denied); i++)
                expect_denied_as_root(expected_denied[i]);
        for (size_t i = 0; confine_denied_syscalls[i]; i++)
                expect_denied_as_root(confine_denied_syscalls[i]);
        CHECK_ERRNO(syscall(SYS_clone3, bad, bad), ENOSYS);
        CHECK_ERRNO(personality(ADDR_NO_RANDOMIZE), EPERM);
        /* and ordinary calls still work */
        CHECK(getpid() > 0);
}

static void test_filter_alone_as_root(void **state)
{
        char msg[512];

        (void)state;
        expect_exit(run_child(NULL, filter_alone_child, NULL, msg, sizeof(msg)), 0, msg);
}

static void personality_child(void *arg)
{
        (void)arg;
        CHECK(personality(0xffffffff) == PER_LINUX);
        CHECK(personality(PER_LINUX) == PER_LINUX);
        CHECK(syscall(SYS_personality, 0xffffffffUL) == PER_LINUX);
        /* the kernel reads 32 bits: high bits do not turn a query into something else */
        CHECK(syscall(SYS_personality, 0xffffffff00000000UL) == PER_LINUX);
        CHECK_ERRNO(personality(ADDR_NO_RANDOMIZE), EPERM);
        CHECK_ERRNO(personality(READ_IMPLIES_EXEC), EPERM);
        CHECK_ERRNO(personality(PER_LINUX32), EPERM);
        CHECK_ERRNO(personality(0x7fffffff), EPERM);
        CHECK_ERRNO(personality(0x80000000), EPERM);
        CHECK_ERRNO(personality(0xfffffffe), EPERM);
        CHECK_ERRNO(syscall(SYS_personality, 0xffffffff00000000UL | ADDR_NO_RANDOMIZE), EPERM);
        CHECK(personality(0xffffffff) == PER_LINUX);
}

static void test_personality(void **state)
{
        (void)state;
        run_confined_ok(personality_child, NULL);
}

/* ---- what still works --------------------------------------------------------------------- */

static void *thread_main(void *arg)
{
        return (char *)arg + 1;
}

/* Raw clone without a new stack: the child returns from syscall() like fork's child does. */
static long raw_clone(unsigned long flags)
{
        long pid = syscall(SYS_clone, flags | SIGCHLD, 0, NULL, NULL, 0);

        if (pid == 0)
                _exit(5);
        return pid;
}

static void processes_child(void *arg)
{
        static const unsigned long ns_flags[] = {
            CLONE_NEWNS,  CLONE_NEWUTS, CLONE_NEWIPC,    CLONE_NEWUSER,
            CLONE_NEWPID, CLONE_NEWNET, CLONE_NEWCGROUP,
        };
        char *const argv[] = {"true", NULL};
        uint64_t clone3_args[8] = {0}; /* struct clone_args, CLONE_ARGS_SIZE_VER0 */
        pthread_t t;
        void *ret = NULL;
        pid_t pid;
        long lpid;
        int status;

        (void)arg;
        /* fork */
        pid = fork();
        CHECK(pid >= 0);
        if (pid == 0)
                _exit(7);
        CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 7);

        /* threads (glibc tries clone3, gets ENOSYS, uses clone) */
        CHECK(pthread_create(&t, NULL, thread_main, (char *)"ab") == 0);
        CHECK(pthread_join(t, &ret) == 0);
        CHECK(ret != NULL && *(char *)ret == 'b');

        /* posix_spawn (clone3, then clone with CLONE_VM|CLONE_VFORK) */
        CHECK(posix_spawn(&pid, "/bin/true", NULL, NULL, argv, environ) == 0);
        CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);

        /* plain clone is allowed */
        lpid = raw_clone(0);
        CHECK(lpid > 0);
        CHECK(waitpid((pid_t)lpid, &status, 0) == lpid && WIFEXITED(status) &&
              WEXITSTATUS(status) == 5);

        /* clone asking for any namespace is not */
        for (size_t i = 0; i < ARRAY_SIZE(ns_flags); i++) {
                errno = 0;
                lpid = raw_clone(ns_flags[i]);
                if (lpid > 0)
                        waitpid((pid_t)lpid, &status, 0);
                if (lpid != -1 || errno != EPERM)
                        child_fail(__LINE__, "clone(%#lx) returned %ld", ns_flags[i], lpid);
        }
        errno = 0;
        lpid = raw_clone(CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID);
        CHECK(lpid == -1 && errno == EPERM);

        /* clone3 is ENOSYS whatever it asks for */
        clone3_args[4] = SIGCHLD; /* exit_signal */
        errno = 0;
        lpid = syscall(SYS_clone3, clone3_args, sizeof(clone3_args));
        if (lpid == 0)
                _exit(5);
        CHECK(lpid == -1 && errno == ENOSYS);
}

static void test_processes_and_threads(void **state)
{
        (void)state;
        run_confined_ok(processes_child, NULL);
}

static void rlimits_child(void *arg)
{
        struct rlimit rl;
        char block[4096] = {0};
        int fd, last = -1;

        (void)arg;
        CHECK(getrlimit(RLIMIT_FSIZE, &rl) == 0);
        CHECK(rl.rlim_cur == MIB && rl.rlim_max == MIB);
        CHECK(getrlimit(RLIMIT_NOFILE, &rl) == 0);
        CHECK(rl.rlim_cur == 64 && rl.rlim_max == 64);
        CHECK(getrlimit(RLIMIT_CORE, &rl) == 0);
        CHECK(rl.rlim_cur == 0 && rl.rlim_max == 0);
        /* and they cannot be raised */
        rl.rlim_cur = rl.rlim_max = 2 * MIB;
        CHECK_ERRNO(setrlimit(RLIMIT_FSIZE, &rl), EPERM);

        /* RLIMIT_FSIZE: up to the limit is fine, past it is EFBIG (SIGXFSZ ignored) */
        CHECK(signal(SIGXFSZ, SIG_IGN) != SIG_ERR);
        fd = memfd_create("fsize", MFD_CLOEXEC);
        CHECK(fd >= 0);
        for (uint64_t off = 0; off < MIB; off += sizeof(block))
                CHECK(pwrite(fd, block, sizeof(block), (off_t)off) == (ssize_t)sizeof(block));
        CHECK_ERRNO(pwrite(fd, block, 1, (off_t)MIB), EFBIG);
        CHECK(pwrite(fd, block, 2, (off_t)MIB - 1) == 1); /* short write up to the limit */
        CHECK_ERRNO(ftruncate(fd, (off_t)(2 * MIB)), EFBIG);
        close(fd);

        /* RLIMIT_NOFILE: descriptors 0..63, then EMFILE */
        for (;;) {
                fd = open("/dev/null", O_RDONLY);
                if (fd < 0)
                        break;
                last = fd;
        }
        CHECK(errno == EMFILE);
        CHECK(last == 63);
}

static void test_rlimits(void **state)
{
        (void)state;
        run_confined_ok(rlimits_child, NULL);
}

static void fsize_signal_child(void *arg)
{
        char c = 'x';
        int fd = memfd_create("fsize", MFD_CLOEXEC);

        (void)arg;
        CHECK(fd >= 0);
        CHECK(signal(SIGXFSZ, SIG_DFL) != SIG_ERR);
        if (pwrite(fd, &c, 1, (off_t)MIB) < 0)
                child_fail(__LINE__, "pwrite past the limit returned instead of SIGXFSZ");
        child_fail(__LINE__, "pwrite past the limit succeeded");
}

/* By default, writing past RLIMIT_FSIZE kills with SIGXFSZ. */
static void test_fsize_signal(void **state)
{
        char msg[512];
        int status;

        (void)state;
        status = run_child(&test_limits, fsize_signal_child, NULL, msg, sizeof(msg));
        if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGXFSZ)
                fail_msg("expected SIGXFSZ, wait status %#x: %s", (unsigned)status, msg);
}

static void clamp_child(void *arg)
{
        struct confine_limits l = {.fsize_bytes = CONFINE_UNLIMITED, .nofile = 64, .core_bytes = 0};
        struct rlimit rl = {.rlim_cur = 50, .rlim_max = 50};
        int r;

        (void)arg;
        CHECK(setrlimit(RLIMIT_NOFILE, &rl) == 0);
        r = confine_apply(&l, filter);
        if (r < 0) {
                errno = -r;
                child_fail(__LINE__, "confine_apply");
        }
        CHECK(getrlimit(RLIMIT_FSIZE, &rl) == 0);
        CHECK(rl.rlim_cur == RLIM_INFINITY && rl.rlim_max == RLIM_INFINITY);
        CHECK(getrlimit(RLIMIT_NOFILE, &rl) == 0);
        CHECK(rl.rlim_cur == rl.rlim_max);
        /* 64 with CAP_SYS_RESOURCE (the hard limit could be raised), 50 without: never more */
        if (rl.rlim_max != 64 && rl.rlim_max != 50)
                child_fail(__LINE__, "RLIMIT_NOFILE is %llu", (unsigned long long)rl.rlim_max);
}

/* A limit above a hard limit that cannot be raised keeps the lower hard limit. */
static void test_rlimit_clamp(void **state)
{
        char msg[512];

        (void)state;
        expect_exit(run_child(NULL, clamp_child, NULL, msg, sizeof(msg)), 0, msg);
}

static void exec_true_child(void *arg)
{
        char *const argv[] = {"true", NULL};

        (void)arg;
        execve("/bin/true", argv, environ);
        child_fail(__LINE__, "execve /bin/true");
}

/* python3 (a real interpreter: dynamic loader, threads, subprocess) prints through a pipe. */
static void exec_python_child(void *arg)
{
        int out = *(int *)arg;
        char *const argv[] = {
            "python3",
            "-c",
            "import threading, subprocess\n"
            "t = threading.Thread(target=lambda: None); t.start(); t.join()\n"
            "print(1, subprocess.run(['/bin/true']).returncode)\n",
            NULL,
        };

        if (dup2(out, STDOUT_FILENO) < 0)
                child_fail(__LINE__, "dup2");
        execve("/usr/bin/python3", argv, environ);
        child_fail(__LINE__, "execve /usr/bin/python3");
}

static void test_exec_still_works(void **state)
{
        char msg[512], out[64] = {0};
        int p[2];
        ssize_t n;

        (void)state;
        expect_exit(run_child(&test_limits, exec_true_child, NULL, msg, sizeof(msg)), 0, msg);

        if (access("/usr/bin/python3", X_OK) != 0) {
                print_message("no /usr/bin/python3: python part skipped\n");
                return;
        }
        assert_int_equal(pipe2(p, O_CLOEXEC), 0);
        expect_exit(run_child(&test_limits, exec_python_child, &p[1], msg, sizeof(msg)), 0, msg);
        close(p[1]);
        n = read(p[0], out, sizeof(out) - 1);
        close(p[0]);
        assert_true(n > 0);
        assert_string_equal(out, "1 0\n");
}

#if defined(__x86_64__)
static void int80_child(void *arg)
{
        long ret;

        (void)arg;
        /* i386 getpid (20) through the 32-bit entry */
        __asm__ volatile("int $0x80" : "=a"(ret) : "a"(20L) : "memory");
        if (ret != getpid())
                child_fail(__LINE__, "int 0x80 getpid returned %ld", ret);
}

static void x32_child(void *arg)
{
        (void)arg;
        syscall(0x40000000L | SYS_getpid);
}

/* Other ABIs are killed with SIGSYS. The i386 case is checked only where the unconfined control
 * shows int 0x80 working (IA32 emulation can be compiled out or disabled at boot). */
static void test_other_abis_killed(void **state)
{
        char msg[512];
        int status;

        (void)state;
        status = run_child(&test_limits, x32_child, NULL, msg, sizeof(msg));
        if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGSYS)
                fail_msg("x32 syscall: wait status %#x, expected SIGSYS: %s", (unsigned)status,
                         msg);

        status = run_child(NULL, int80_child, NULL, msg, sizeof(msg));
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
                print_message("no working int 0x80 here (status %#x): i386 part skipped\n",
                              (unsigned)status);
                return;
        }
        status = run_child(&test_limits, int80_child, NULL, msg, sizeof(msg));
        if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGSYS)
                fail_msg("int 0x80: wait status %#x, expected SIGSYS: %s", (unsigned)status, msg);
}
#endif

/* ---- cost --------------------------------------------------------------------------------- */

static int cmp_u64(const void *a, const void *b)
{
        uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

        return (x > y) - (x < y);
}

static uint64_t mono_ns(void)
{
        struct timespec ts;

        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static double us(uint64_t ns)
{
        return (double)ns / 1e3;
}

/* confine_apply()'s own time in each of `runs` forked children, sorted. No cmocka here: this
 * also runs in a child. 0 or -1. */
static int measure_apply(uint64_t *ns, int runs)
{
        for (int i = 0; i < runs; i++) {
                int p[2], status;
                ssize_t got;
                pid_t pid;

                if (pipe2(p, O_CLOEXEC) < 0)
                        return -1;
                pid = fork();
                if (pid < 0)
                        return -1;
                if (pid == 0) {
                        uint64_t a = mono_ns();
                        int r = confine_apply(&test_limits, filter);
                        uint64_t d = mono_ns() - a;

                        if (r < 0 || write(p[1], &d, sizeof(d)) != (ssize_t)sizeof(d))
                                _exit(1);
                        _exit(0);
                }
                close(p[1]);
                got = read(p[0], &ns[i], sizeof(ns[i]));
                close(p[0]);
                if (waitpid(pid, &status, 0) != pid || got != (ssize_t)sizeof(ns[i]) ||
                    !WIFEXITED(status) || WEXITSTATUS(status) != 0)
                        return -1;
        }
        qsort(ns, (size_t)runs, sizeof(*ns), cmp_u64);
        return 0;
}

static void print_distribution(const char *what, const uint64_t *ns, int runs)
{
        print_message("confine_apply, %d forks, %s: median %.1f us, p90 %.1f us, p99 %.1f us, "
                      "max %.1f us\n",
                      runs, what, us(ns[runs / 2]), us(ns[runs * 9 / 10]), us(ns[runs * 99 / 100]),
                      us(ns[runs - 1]));
}

/* Not a timed assertion: prints the distribution of confine_apply()'s own time over many forks,
 * and the one-time cost of building the filter. A second run starts from a parent that has
 * already emptied its own bounding set, as the sandbox's init can do once for all its jobs (it
 * keeps its effective capabilities; the bounding set only limits what execve grants): then
 * confine_apply() only reads the bounding set instead of dropping 41 capabilities one by one. */
static void test_measure(void **state)
{
        enum { RUNS = 1000 };
        _cleanup_free_ uint64_t *ns = calloc(RUNS, sizeof(*ns));
        struct confine_filter *f = NULL;
        uint64_t t0, build_ns;
        size_t got = 0;
        int p[2], status;
        pid_t pid;

        (void)state;
        assert_non_null(ns);
        t0 = mono_ns();
        assert_int_equal(confine_filter_build(&f), 0);
        build_ns = mono_ns() - t0;
        confine_filter_free(f);
        print_message("confine_filter_build: %.1f us, %zu BPF instructions\n", us(build_ns),
                      confine_filter_len(filter));

        assert_int_equal(measure_apply(ns, RUNS), 0);
        print_distribution("full bounding set", ns, RUNS);

        assert_int_equal(pipe2(p, O_CLOEXEC), 0);
        pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
                for (int cap = 0; prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) == 0; cap++)
                        ;
                if (measure_apply(ns, RUNS) < 0 ||
                    write(p[1], ns, RUNS * sizeof(*ns)) != (ssize_t)(RUNS * sizeof(*ns)))
                        _exit(1);
                _exit(0);
        }
        close(p[1]);
        memset(ns, 0, RUNS * sizeof(*ns));
        for (;;) {
                ssize_t n = read(p[0], (char *)ns + got, RUNS * sizeof(*ns) - got);

                if (n <= 0)
                        break;
                got += (size_t)n;
        }
        close(p[0]);
        assert_int_equal(waitpid(pid, &status, 0), pid);
        assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        assert_int_equal(got, RUNS * sizeof(*ns));
        print_distribution("bounding set already empty", ns, RUNS);
}

/* ---- setup -------------------------------------------------------------------------------- */

static int group_setup(void **state)
{
        (void)state;
        return confine_filter_build(&filter) == 0 ? 0 : -1;
}

static int group_teardown(void **state)
{
        (void)state;
        confine_filter_free(filter);
        filter = NULL;
        return 0;
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_build),
                cmocka_unit_test(test_bad_args),
                cmocka_unit_test(test_apply_fails_without_privilege),
                cmocka_unit_test(test_identity),
                cmocka_unit_test(test_caps_and_status),
                cmocka_unit_test(test_keepcaps_still_cleared),
                cmocka_unit_test(test_denied_calls),
                cmocka_unit_test(test_filter_alone_as_root),
                cmocka_unit_test(test_personality),
                cmocka_unit_test(test_processes_and_threads),
                cmocka_unit_test(test_rlimits),
                cmocka_unit_test(test_fsize_signal),
                cmocka_unit_test(test_rlimit_clamp),
                cmocka_unit_test(test_exec_still_works),
#if defined(__x86_64__)
                cmocka_unit_test(test_other_abis_killed),
#endif
                cmocka_unit_test(test_measure),
        };

        if (geteuid() != 0) {
                fprintf(stderr, "test_confine: needs root (setuid, setgid, setpcap); skipped\n");
                return 77; /* meson's "skipped" */
        }
        return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
