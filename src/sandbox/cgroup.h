/* cgroup drivers: v2 (unified) and v1 (one hierarchy per controller, possibly co-mounted), behind
 * one interface, chosen at start by cgroup_host_detect().
 *
 * Placement: every sandbox cgroup is created beneath the cgroup presize itself runs in (read from
 * /proc/self/cgroup, per hierarchy), as a delegated runtime does; never at a hierarchy's root.
 * Naming: every directory presize creates is called "presize-..." and nothing else is touched.
 *
 * All functions return 0 or a negative errno. */
#pragma once

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

struct cgroup_host; /* the hierarchies presize runs in; owned by the caller of detect/open */
struct cgroup;      /* one sandbox's cgroup(s); owned by the sandbox; freed by cgroup_destroy */

struct cgroup_stats {
        uint64_t cpu_ns; /* user + sys */
        uint64_t user_ns;
        uint64_t sys_ns;
        uint64_t throttled_ns;
        uint64_t nr_throttled;
        uint64_t memory_current;
        uint64_t memory_peak; /* high-water mark; v2 without memory.peak: 0 (caller uses samples) */
        uint64_t oom_kills;   /* processes the kernel OOM-killed in this cgroup */
        uint64_t pids_current;
        uint64_t io_read_bytes;
        uint64_t io_write_bytes;
        uint64_t minor_faults; /* pgfault - pgmajfault */
        uint64_t major_faults;
};

enum cgroup_version { CGROUP_V1 = 1, CGROUP_V2 = 2 };

/* Detect the host's layout from /proc/self/mountinfo and /proc/self/cgroup: v2 when /sys/fs/cgroup
 * is cgroup2 with the needed controllers available, else v1 (hybrid hosts have an empty cgroup2 at
 * /sys/fs/cgroup/unified; that one is ignored). -ENOTSUP when neither is usable. */
int cgroup_host_detect(struct cgroup_host **out);
/* Use a v2 hierarchy whose parent cgroup (where presize "runs") is the directory `parent_dir`.
 * This is how the v2 driver is tested on a directory tree laid out like cgroupfs. */
int cgroup_host_open_v2(const char *parent_dir, struct cgroup_host **out);
void cgroup_host_free(struct cgroup_host *h);
enum cgroup_version cgroup_host_version(const struct cgroup_host *h);
/* The parent directory used for `controller` ("memory", "cpu", ...; for v2 any name). */
const char *cgroup_host_parent(const struct cgroup_host *h, const char *controller);
/* The owner a sandbox cgroup's name records ("presize-<id>-<pid>-<starttime>"); false for a name
 * of another form. */
bool cgroup_name_owner(const char *name, pid_t *pid, uint64_t *start);
/* Whether that owner still runs: false only when sure (the pid is gone, or reused by a process
 * started at another time). */
bool cgroup_owner_alive(pid_t pid, uint64_t start);

/* Create the cgroup `name` (must start with "presize-") in every hierarchy needed
 * (v1: cpu, cpuacct, memory, pids, blkio; v2: one directory with cpu, memory, pids, io enabled). */
int cgroup_create(struct cgroup_host *h, const char *name, struct cgroup **out);
/* Full path of the cgroup in the hierarchy of `controller` (for diagnostics and tests). */
const char *cgroup_path(const struct cgroup *cg, const char *controller);
int cgroup_attach(struct cgroup *cg, pid_t pid);
/* Open cgroup.procs of every hierarchy of cg for writing (O_WRONLY|O_CLOEXEC), so that a process
 * that can no longer see cgroupfs (after pivot_root) can join by writing "0" to each. Returns the
 * number of fds stored in fds[0..max-1] or a negative errno (then none is left open). */
int cgroup_open_procs(struct cgroup *cg, int *fds, int max);

/* CPU limit as CFS quota over a 100 ms period (v1 cpu.cfs_quota_us, v2 cpu.max). */
int cgroup_set_cpu(struct cgroup *cg, uint64_t millicores);
/* Memory limit, no swap. Raising always works. Lowering below current usage never kills:
 * v1 refuses with -EBUSY and leaves the old limit; v2 sets memory.high to the new value (the kernel
 * throttles and reclaims) and keeps memory.max, and returns 1 to say "applied as a soft limit". */
int cgroup_set_memory(struct cgroup *cg, uint64_t bytes);
/* Maximum number of tasks (pids.max). */
int cgroup_set_pids(struct cgroup *cg, uint64_t n);

int cgroup_read(struct cgroup *cg, struct cgroup_stats *out);
/* The CPU fields only (cpu_ns, user_ns, sys_ns, throttled_ns, nr_throttled; the rest 0): what
 * a base for the job's CPU needs, without the memory and pids files. */
int cgroup_read_cpu(struct cgroup *cg, struct cgroup_stats *out);
/* SIGKILL every process in the cgroup until it is empty (bounded retries, about a second):
 * cgroup.kill where the kernel has it (v2), else kill(2) per pid in cgroup.procs. -EBUSY if
 * processes remain, -EDEADLK (and nothing is killed) if the calling process is inside. */
int cgroup_kill_all(struct cgroup *cg);
/* Kill what is left, remove the directories, free cg. Safe on NULL. Returns the first error but
 * always frees. */
int cgroup_destroy(struct cgroup *cg);

/* Name for a new sandbox cgroup, unique on the host and carrying its owner's identity:
 * "presize-<id>-<ownerpid>-<owner start time>". */
int cgroup_name(char *buf, size_t len, const char *id);
/* Remove presize-* cgroups under our parents whose owner process is gone (leftovers of a presize
 * that was killed). Cgroups of live presize processes are left alone. Returns the number removed
 * (names, so a v1 cgroup present in five hierarchies counts once) or a negative errno. */
int cgroup_cleanup_leftovers(struct cgroup_host *h);
