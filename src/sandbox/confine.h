/* What is applied to the code's process right before execve, inside the sandbox's namespaces:
 * rlimits, dropped capabilities, no_new_privs, an unprivileged uid/gid, and a seccomp filter that
 * denies what a code runner never needs. Order matters and is fixed by confine_apply().
 *
 * The seccomp filter (default: allow) answers EPERM for every syscall in confine_denied_syscalls,
 * and in addition, by argument:
 *   clone        EPERM when the flags ask for any new namespace (CLONE_NEWNS, NEWUTS, NEWIPC,
 *                NEWUSER, NEWPID, NEWNET, NEWCGROUP); a plain fork or thread is allowed;
 *   clone3       ENOSYS always (its flags live in memory a filter cannot read), so that glibc,
 *                which tries clone3 first, falls back to clone;
 *   personality  EPERM for anything but the query 0xffffffff and PER_LINUX (0).
 * A syscall of another ABI (i386 through int 0x80, x32 numbers on x86_64) kills the process.
 *
 * Functions return 0 or a negative errno. */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define SANDBOX_UID 65534 /* nobody */
#define SANDBOX_GID 65534

/* A limit value meaning "no limit" (RLIM_INFINITY). */
#define CONFINE_UNLIMITED UINT64_MAX

/* Each limit is set as both the soft and the hard limit, so the code cannot raise it. A value
 * above the process's current hard limit that it may not raise to (no CAP_SYS_RESOURCE, or
 * RLIMIT_NOFILE above fs.nr_open) is clamped to that hard limit: stricter, never looser. */
struct confine_limits {
        uint64_t fsize_bytes; /* RLIMIT_FSIZE: largest file the code may write */
        uint64_t nofile;      /* RLIMIT_NOFILE: open descriptors; must be > 0 */
        uint64_t core_bytes;  /* RLIMIT_CORE, normally 0 */
};

/* A compiled seccomp program, built once (at sandbox creation, in the parent, where allocation
 * is fine) so that exec only installs it. Owned by the caller of confine_filter_build(); it also
 * carries what confine_apply() must not read from files in the child (the last capability). */
struct confine_filter;
int confine_filter_build(struct confine_filter **out);
/* Safe on NULL. */
void confine_filter_free(struct confine_filter *f);
/* Number of BPF instructions in the program (for logs and tests). */
size_t confine_filter_len(const struct confine_filter *f);

/* In the child, after fork, before execve, in this order: setrlimit (FSIZE, NOFILE, CORE; NPROC
 * is left to the pids cgroup), setgroups(0), setresgid(SANDBOX_GID), drop the whole bounding set
 * (needs CAP_SETPCAP, so before the uid changes), clear ambient, setresuid(SANDBOX_UID), capset
 * all-zero (effective, permitted, inheritable), PR_SET_NO_NEW_PRIVS, install the filter.
 * Must run as root with CAP_SETUID, CAP_SETGID and CAP_SETPCAP. Allocates nothing and opens no
 * file; only system calls, all async-signal-safe. Returns the negated errno of the first step
 * that fails (-EINVAL for NULL arguments, checked before anything changes); after a failure the
 * process is partly confined and must not exec the code. */
int confine_apply(const struct confine_limits *l, const struct confine_filter *f);

/* Only the last step of confine_apply(): install the filter on the calling thread. The caller
 * must have no_new_privs set or CAP_SYS_ADMIN. For tests and for callers that confine
 * differently. */
int confine_filter_install(const struct confine_filter *f);

/* The syscalls the filter always answers with EPERM (for docs and tests), NULL-terminated.
 * clone, clone3 and personality, filtered by argument (see above), are not in it. */
extern const char *const confine_denied_syscalls[];
