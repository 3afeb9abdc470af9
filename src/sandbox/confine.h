/* What is applied to the code's process right before execve, inside the sandbox's namespaces:
 * rlimits, dropped capabilities, no_new_privs, an unprivileged uid/gid, and a seccomp filter that
 * denies what a code runner never needs. Order matters and is fixed by confine_apply().
 *
 * Functions return 0 or a negative errno. */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define SANDBOX_UID 65534 /* nobody */
#define SANDBOX_GID 65534

struct confine_limits {
        uint64_t fsize_bytes; /* RLIMIT_FSIZE */
        uint64_t nofile;      /* RLIMIT_NOFILE */
        uint64_t core_bytes;  /* RLIMIT_CORE, normally 0 */
};

/* A compiled seccomp program, built once (at sandbox creation) so exec only installs it. */
struct confine_filter;
int confine_filter_build(struct confine_filter **out);
void confine_filter_free(struct confine_filter *f);

/* In the child, after fork, before execve: setrlimit, setgroups/setgid/setuid to SANDBOX_*,
 * clear every capability set (bounding, ambient, effective, permitted, inheritable),
 * PR_SET_NO_NEW_PRIVS, install the filter. Async-signal-safe apart from nothing allocating. */
int confine_apply(const struct confine_limits *l, const struct confine_filter *f);

/* The names of the syscalls the filter denies (for docs and tests), NULL-terminated. */
extern const char *const confine_denied_syscalls[];
