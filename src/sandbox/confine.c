/* Confinement of the job's process: rlimits, identity, capabilities, no_new_privs, seccomp.
 *
 * Two halves with different rules. confine_filter_build() runs once in the parent when a sandbox
 * is created: it may allocate, read /proc and call into libseccomp, and it leaves a finished BPF
 * program behind. confine_apply() runs in the forked child just before execve: it only makes
 * system calls, in a fixed order, so it is async-signal-safe; it takes about 0.15 ms, two thirds
 * of it in the kernel installing the filter and dropping the bounding set one capability at a
 * time (tests/sandbox/test_confine.c measures it).
 *
 * The filter is a deny list on top of "allow": the job has already lost every capability and runs
 * as nobody, so most of these calls would fail anyway. The filter is the second wall, for kernel
 * bugs reachable by unprivileged code (user namespaces, io_uring, bpf, userfaultfd, keyrings,
 * perf) and for the calls that would let the job look at or reach out of its sandbox. */
#include "sandbox/confine.h"

#include "util/cleanup.h"
#include "util/fsutil.h"

#include <errno.h>
#include <grp.h>
#include <sched.h>
#include <seccomp.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#ifndef CLONE_NEWCGROUP
#define CLONE_NEWCGROUP 0x02000000
#endif

/* Owned by whoever called confine_filter_build(); freed by confine_filter_free(). */
struct confine_filter {
        struct sock_fprog prog; /* prog.filter is malloc'ed and owned here */
        unsigned int cap_last;  /* /proc/sys/kernel/cap_last_cap, read at build time */
};

const char *const confine_denied_syscalls[] = {
    /* looking into or controlling other processes */
    "ptrace",
    "process_vm_readv",
    "process_vm_writev",
    "kcmp",
    /* the filesystem view: mounts, the new mount API, chroot, handles that bypass paths */
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
    "open_by_handle_at",
    "name_to_handle_at",
    "fanotify_init",
    /* leaving the namespaces (clone's namespace flags are filtered by argument) */
    "unshare",
    "setns",
    /* the kernel itself: modules, kexec, bpf, keyrings, perf, io_uring, userfaultfd */
    "init_module",
    "finit_module",
    "delete_module",
    "kexec_load",
    "kexec_file_load",
    "bpf",
    "keyctl",
    "add_key",
    "request_key",
    "perf_event_open",
    "userfaultfd",
    "io_uring_setup",
    "io_uring_enter",
    "io_uring_register",
    /* machine-wide state: swap, reboot, accounting, quotas, clocks, the kernel log, ports */
    "swapon",
    "swapoff",
    "reboot",
    "acct",
    "quotactl",
    "settimeofday",
    "clock_settime",
    "clock_adjtime",
    "adjtimex",
    "syslog",
    "iopl",
    "ioperm",
    "vhangup",
    /* obsolete interfaces nobody needs */
    "lookup_dcookie",
    "nfsservctl",
    "uselib",
    NULL,
};

/* The flags of clone() that create namespaces. CLONE_NEWTIME is not among them: in clone()'s
 * flags 0x80 is part of the exit signal, and time namespaces come only from unshare and clone3,
 * both of which the filter refuses. */
static const unsigned long clone_ns_flags[] = {
    CLONE_NEWNS,  CLONE_NEWUTS, CLONE_NEWIPC,    CLONE_NEWUSER,
    CLONE_NEWPID, CLONE_NEWNET, CLONE_NEWCGROUP,
};

/* clone's flags are its first argument everywhere except s390, where the stack comes first. */
#if defined(__s390__) || defined(__s390x__)
#define CLONE_FLAGS_ARG 1
#else
#define CLONE_FLAGS_ARG 0
#endif

/* cppcheck-suppress unusedFunction ; used through _cleanup_seccomp_ */
static void seccomp_releasep(scmp_filter_ctx *ctx)
{
        if (*ctx)
                seccomp_release(*ctx);
}
#define _cleanup_seccomp_ __attribute__((cleanup(seccomp_releasep)))

static int deny_by_name(scmp_filter_ctx ctx, const char *name)
{
        int nr = seccomp_syscall_resolve_name(name);

        /* A name libseccomp does not know would be a hole, not a no-op: refuse to build. */
        if (nr == __NR_SCMP_ERROR)
                return -ENOSYS;
        /* Negative numbers are libseccomp's stand-ins for calls this architecture does not have
         * (iopl off x86, for example): nothing to deny. */
        if (nr < 0)
                return 0;
        return seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), nr, 0);
}

/* personality: allow the query (0xffffffff) and PER_LINUX (0), EPERM for anything else.
 *
 * libseccomp takes one comparison per argument in a rule, so "neither 0 nor 0xffffffff" would be
 * 32 rules (some bit set while the next one is clear) and about 100 instructions, and every
 * instruction costs time when the filter is installed, on the exec path: the kernel compiles the
 * program and evaluates it once per syscall number to build its cache. So libseccomp is given a
 * plain rule for personality with an action nothing else uses (TRACE with PERSONALITY_MARK), and
 * after export each return of that action becomes a jump to five instructions appended by hand.
 * libseccomp's tree reaches the marker only for the native architecture and personality's number,
 * so the tail only has to look at the argument: the low 32 bits, which is all the kernel reads. */
#define PERSONALITY_MARK 0x5045u /* "PE" */
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define ARG0_LO offsetof(struct seccomp_data, args[0])
#else
#define ARG0_LO (offsetof(struct seccomp_data, args[0]) + sizeof(uint32_t))
#endif
static const struct sock_filter personality_tail[] = {
    /* 0 */ BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARG0_LO),
    /* 1 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 1, 0),          /* PER_LINUX: -> 3 */
    /* 2 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0xffffffff, 0, 1), /* query: 3, else 4 */
    /* 3 */ BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    /* 4 */ BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA)),
};

/* Append the tail to libseccomp's n instructions (room for it is already there) and turn every
 * marker return into a forward jump to it. -EIO if there was no marker: the program would send
 * personality to a tracer, which is not what was meant. */
static int link_personality_tail(struct sock_filter *insns, size_t n)
{
        const uint32_t mark = SECCOMP_RET_TRACE | PERSONALITY_MARK;
        size_t found = 0;

        for (size_t i = 0; i < n; i++) {
                if (insns[i].code != (BPF_RET | BPF_K) || insns[i].k != mark)
                        continue;
                insns[i] =
                    (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JA, (uint32_t)(n - i - 1), 0, 0);
                found++;
        }
        if (!found)
                return -EIO;
        memcpy(insns + n, personality_tail, sizeof(personality_tail));
        return 0;
}

static int add_rules(scmp_filter_ctx ctx)
{
        int r;

        for (size_t i = 0; confine_denied_syscalls[i]; i++) {
                r = deny_by_name(ctx, confine_denied_syscalls[i]);
                if (r < 0)
                        return r;
        }

        /* One rule per flag: libseccomp ANDs the comparisons of one rule, so "any of these bits"
         * is a set of rules, each testing one bit. */
        for (size_t i = 0; i < ARRAY_SIZE(clone_ns_flags); i++) {
                r = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(clone), 1,
                                     SCMP_CMP(CLONE_FLAGS_ARG, SCMP_CMP_MASKED_EQ,
                                              clone_ns_flags[i], clone_ns_flags[i]));
                if (r < 0)
                        return r;
        }

        /* clone3 passes its flags in a struct in memory, which a filter cannot read. ENOSYS, not
         * EPERM: glibc (2.34+) then falls back to clone, whose flags the rules above see. */
        r = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0);
        if (r < 0)
                return r;

        /* personality: a marker, replaced after export (see above) */
        return seccomp_rule_add(ctx, SCMP_ACT_TRACE(PERSONALITY_MARK), SCMP_SYS(personality), 0);
}

/* libseccomp 2.5 has no export to memory (seccomp_export_bpf_mem is 2.6): export to a memfd and
 * read it back. */
static int export_bpf(scmp_filter_ctx ctx, struct sock_fprog *prog)
{
        _cleanup_close_ int fd = memfd_create("confine-bpf", MFD_CLOEXEC);
        _cleanup_free_ struct sock_filter *insns = NULL;
        struct stat st;
        size_t size, n, done = 0;
        int r;

        if (fd < 0)
                return -errno;
        r = seccomp_export_bpf(ctx, fd);
        if (r < 0)
                return r;
        if (fstat(fd, &st) < 0)
                return -errno;
        size = (size_t)st.st_size;
        if (size == 0 || size % sizeof(struct sock_filter) != 0)
                return -EIO;
        n = size / sizeof(struct sock_filter);
        if (n + ARRAY_SIZE(personality_tail) > BPF_MAXINSNS)
                return -E2BIG;

        insns = malloc(size + sizeof(personality_tail));
        if (!insns)
                return -ENOMEM;
        while (done < size) {
                ssize_t got = pread(fd, (char *)insns + done, size - done, (off_t)done);

                if (got < 0 && errno == EINTR)
                        continue;
                if (got < 0)
                        return -errno;
                if (got == 0)
                        return -EIO;
                done += (size_t)got;
        }
        r = link_personality_tail(insns, n);
        if (r < 0)
                return r;
        prog->len = (unsigned short)(n + ARRAY_SIZE(personality_tail));
        prog->filter = steal_ptr(insns);
        return 0;
}

int confine_filter_build(struct confine_filter **out)
{
        _cleanup_seccomp_ scmp_filter_ctx ctx = NULL;
        struct sock_fprog prog = {0};
        struct confine_filter *f;
        uint64_t cap_last;
        int r;

        if (!out)
                return -EINVAL;

        /* Read here, not in the child: confine_apply() opens no file. */
        r = read_file_u64("/proc/sys/kernel/cap_last_cap", &cap_last);
        if (r < 0)
                return r;
        if (cap_last > 63)
                return -ERANGE;

        ctx = seccomp_init(SCMP_ACT_ALLOW);
        if (!ctx)
                return -ENOMEM;

        /* Only the native ABI is in the filter. Anything else (i386 via int 0x80 on x86_64, and
         * x32 numbers, which share x86_64's audit arch and which libseccomp rejects with a
         * number check) takes the bad-arch action: kill the whole process, not just the thread.
         * Kernels before 4.14 lack KILL_PROCESS; killing the thread still stops the call. */
        r = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS);
        if (r < 0)
                r = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL);
        if (r < 0)
                return r;
        /* A binary tree on the syscall number rather than a linear list: every syscall the job
         * makes runs this program. */
        r = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2);
        if (r < 0)
                return r;

        r = add_rules(ctx);
        if (r < 0)
                return r;

        r = export_bpf(ctx, &prog);
        if (r < 0)
                return r;

        f = calloc(1, sizeof(*f));
        if (!f) {
                free(prog.filter);
                return -ENOMEM;
        }
        f->prog = prog;
        f->cap_last = (unsigned int)cap_last;
        *out = f;
        return 0;
}

void confine_filter_free(struct confine_filter *f)
{
        if (!f)
                return;
        free(f->prog.filter);
        free(f);
}

size_t confine_filter_len(const struct confine_filter *f)
{
        return f ? f->prog.len : 0;
}

int confine_filter_install(const struct confine_filter *f)
{
        if (!f || !f->prog.filter)
                return -EINVAL;
        if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &f->prog, 0, 0) < 0)
                return -errno;
        return 0;
}

/* Set soft = hard = v. Lowering a hard limit is always allowed; raising it needs
 * CAP_SYS_RESOURCE (and RLIMIT_NOFILE cannot exceed fs.nr_open): then keep the current hard
 * limit, which is lower than what was asked. */
static int set_limit(int resource, uint64_t v)
{
        rlim_t want = v == CONFINE_UNLIMITED ? RLIM_INFINITY : (rlim_t)v;
        struct rlimit rl = {.rlim_cur = want, .rlim_max = want};

        if (setrlimit(resource, &rl) == 0)
                return 0;
        if (errno != EPERM)
                return -errno;
        if (getrlimit(resource, &rl) < 0)
                return -errno;
        if (want <= rl.rlim_max) /* not a raise: some other reason, report it */
                return -EPERM;
        rl.rlim_cur = rl.rlim_max;
        if (setrlimit(resource, &rl) < 0)
                return -errno;
        return 0;
}

int confine_apply(const struct confine_limits *l, const struct confine_filter *f)
{
        struct __user_cap_header_struct hdr = {.version = _LINUX_CAPABILITY_VERSION_3, .pid = 0};
        struct __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3] = {{0}};
        int r;

        if (!l || !f || !f->prog.filter || l->nofile == 0)
                return -EINVAL;

        /* Limits first, while raising one toward what was asked may still be permitted. */
        r = set_limit(RLIMIT_FSIZE, l->fsize_bytes);
        if (r < 0)
                return r;
        r = set_limit(RLIMIT_NOFILE, l->nofile);
        if (r < 0)
                return r;
        r = set_limit(RLIMIT_CORE, l->core_bytes);
        if (r < 0)
                return r;

        /* Groups before uid: both need CAP_SETGID, which the uid change takes away. Raw system
         * calls, for this task alone: libc's wrappers would try to change every thread of the
         * process this one was cloned or vforked from (its setxid broadcast). */
        if (syscall(SYS_setgroups, 0, NULL) < 0)
                return -errno;
        if (syscall(SYS_setresgid, SANDBOX_GID, SANDBOX_GID, SANDBOX_GID) < 0)
                return -errno;

        /* The bounding set limits what any later execve can grant. Dropping from it needs
         * CAP_SETPCAP, so it has to happen while still root. */
        for (unsigned int cap = 0; cap <= f->cap_last; cap++) {
                /* Reading is cheap; each drop commits new credentials (about 1 us). When the
                 * sandbox's init has already emptied its own bounding set, nothing is dropped. */
                int in = prctl(PR_CAPBSET_READ, cap, 0, 0, 0);

                if (in < 0)
                        return -errno;
                if (in && prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0)
                        return -errno;
        }
        if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0)
                return -errno;

        /* From uid 0 to non-zero everywhere: the kernel clears the permitted and effective sets,
         * unless SECBIT_KEEP_CAPS or SECBIT_NO_SETUID_FIXUP is set; capset below covers both
         * cases and the inheritable set, which setuid never touches. */
        if (syscall(SYS_setresuid, SANDBOX_UID, SANDBOX_UID, SANDBOX_UID) < 0)
                return -errno;
        if (syscall(SYS_capset, &hdr, data) < 0)
                return -errno;

        /* No setuid/setgid bits or file capabilities on exec from here on; also what lets an
         * unprivileged process install a filter. PR_SET_DUMPABLE is left alone: the uid change
         * already made the process non-dumpable, and execve makes it dumpable again. */
        if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
                return -errno;

        /* Last: the filter denies nothing confine_apply() uses, but keep it that way. */
        return confine_filter_install(f);
}
