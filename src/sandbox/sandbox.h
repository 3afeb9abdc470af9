/* The local sandbox: a set of namespaces (PID, mount, network, UTS, IPC), a cgroup and optionally
 * a veth pair with tc shaping, created before any code is known and then given one job.
 *
 * Lifecycle: sandbox_create() -> sandbox_exec() -> sandbox_sample()/sandbox_resize() while it runs
 * -> sandbox_wait() -> sandbox_destroy(). A sandbox runs one job. Destroy leaves nothing behind;
 * a presize that was killed leaves cgroups that the next sandbox_runtime_init() removes.
 *
 * Inside: PID 1 is presize's own small init (outside the cgroup, so the measurement is the code
 * alone); the job runs as uid/gid 65534 with no capabilities, no_new_privs and a seccomp filter,
 * in a read-only view of the host's system directories with tmpfs at /tmp and at /box (the working
 * directory). Its environment is cleared to PATH, HOME=/box, TMPDIR=/tmp, LANG=C.UTF-8.
 *
 * Functions return 0 or a negative errno. */
#pragma once

#include "core/resources.h"

#include <stdbool.h>
#include <sys/types.h>

struct sandbox;

/* Process-wide setup: detect the cgroup layout and remove leftovers of dead presize processes.
 * Must be called (once) before sandbox_create. Not thread-safe against itself. */
int sandbox_runtime_init(void);
void sandbox_runtime_fini(void);
/* "v1" or "v2", after init. */
const char *sandbox_cgroup_version(void);
/* Host capacity, for validating limits: online CPUs in millicores and MemTotal in bytes. */
uint64_t sandbox_host_millicores(void);
uint64_t sandbox_host_memory(void);

/* Check an allocation against the host before anything is created: -EINVAL for zero limits,
 * -E2BIG for a limit above what the host has. `why` (if non-NULL) receives a one-line reason. */
int sandbox_validate(const struct alloc *a, char *why, size_t why_len);

int sandbox_create(const struct alloc *a, struct sandbox **out);
/* Start the job. -ENOENT / -EACCES when the command cannot be executed (nothing started). */
int sandbox_exec(struct sandbox *s, const struct job *j);
/* Read the counters now. */
int sandbox_sample(struct sandbox *s, struct sample *out);
/* Change any limit while it runs. A memory shrink below current usage is refused with -EBUSY
 * on v1 (the old limit stays) and applied as memory.high on v2 (returns 1). */
int sandbox_resize(struct sandbox *s, const struct alloc *a);
/* Sample every interval_ns until the job ends or its timeout fires; fill the execution profile.
 * `on_sample` (may be NULL) is called after every sample with the latest one; it may call
 * sandbox_resize. Returning non-zero from it kills the job. */
typedef int (*sandbox_sample_cb)(struct sandbox *s, const struct sample *smp, void *ctx);
int sandbox_wait(struct sandbox *s, uint64_t interval_ns, sandbox_sample_cb on_sample, void *ctx,
                 struct usage *out);
/* Kill everything, remove every cgroup, the veth and the namespaces. Safe on NULL. */
void sandbox_destroy(struct sandbox *s);

const char *sandbox_id(const struct sandbox *s);
pid_t sandbox_init_pid(const struct sandbox *s);
const struct alloc *sandbox_alloc(const struct sandbox *s);
/* The sandbox's address on its veth, or NULL without network. */
const char *sandbox_addr(const struct sandbox *s);
