/* What cgroup.c (detection, naming, leftovers, dispatch), cgroup_v1.c and cgroup_v2.c share.
 * Nothing outside src/sandbox/cgroup*.c includes this. */
#pragma once

#include "sandbox/cgroup.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* The controllers presize uses. v1 mounts each in a hierarchy of its own or co-mounted with
 * others ("cpu,cpuacct"); v2 has them all in one directory (cpuacct is part of v2's cpu). */
enum cg_ctrl { CG_CPU, CG_CPUACCT, CG_MEMORY, CG_PIDS, CG_BLKIO, CG_NCTRL };
#define CG_BIT(c)     (1u << (c))
#define CG_V1_NEEDED  (CG_BIT(CG_CPU) | CG_BIT(CG_CPUACCT) | CG_BIT(CG_MEMORY) | CG_BIT(CG_PIDS))
#define CG_MAX_HIER   CG_NCTRL
#define CG_PATH_MAX   4096
#define CPU_PERIOD_US 100000ULL

extern const char *const cg_ctrl_names[CG_NCTRL];

/* One hierarchy presize uses. v1: one per distinct mount, so co-mounted controllers share one
 * entry (and one directory per sandbox); v2: exactly one. */
struct cg_hier {
        char *parent;  /* owned: the directory of the cgroup presize runs in */
        unsigned mask; /* CG_BIT()s of the controllers this hierarchy carries */
};

/* Owned by whoever called cgroup_host_detect()/cgroup_host_open_v2(); freed by
 * cgroup_host_free(). Must outlive every struct cgroup made from it. */
struct cgroup_host {
        enum cgroup_version version;
        size_t n_hier;
        struct cg_hier hier[CG_MAX_HIER];
        int ctrl_hier[CG_NCTRL]; /* index into hier[], -1 when the controller is missing */
        /* v2 only: controllers listed in the parent's cgroup.controllers (CG_BIT of CG_CPU,
         * CG_MEMORY, CG_PIDS; CG_BLKIO stands for "io"), and whether presize's own processes were
         * moved to a presize-supervisor-<pid> leaf to satisfy the no-internal-processes rule. */
        unsigned v2_available;
        bool v2_supervisor;
        /* v1 only: blk-throttle accounting has been switched on for the host's disks (see
         * cgroup_v1.c). */
        bool v1_io_accounting;
};

/* Owned by the sandbox; freed by cgroup_destroy(). */
struct cgroup {
        struct cgroup_host *host; /* borrowed */
        char *name;               /* owned */
        char *dir[CG_MAX_HIER];   /* owned; parallel to host->hier[] */
};

/* "<dir>/<file>" into buf (CG_PATH_MAX bytes); -ENAMETOOLONG if it does not fit. */
int cg_join(char *buf, const char *dir, const char *file);
/* read_file_u64 / write_file / write_file_u64 on "<dir>/<file>". */
int cg_read_u64(const char *dir, const char *file, uint64_t *v);
int cg_write(const char *dir, const char *file, const char *s);
int cg_write_u64(const char *dir, const char *file, uint64_t v);
bool cg_exists(const char *dir, const char *file);

/* Parse a "key value" file in one pass: for each i, if a line "keys[i] <n>" exists, *vals[i] = n.
 * Keys not present leave their value untouched; found (if non-NULL) gets a bit per key found. */
int cg_read_keys(const char *path, const char *const *keys, uint64_t *const *vals, size_t n,
                 unsigned *found);

/* SIGKILL everything in the cgroup directory `dir` (cgroup.kill when the kernel has it, else
 * one kill(2) per pid in cgroup.procs) until cgroup.procs reads empty; bounded to about a second.
 * -ENOENT when the directory is gone, -EBUSY when processes remain, -EDEADLK if presize itself
 * is inside. */
int cg_kill_dir(const char *dir);
/* rmdir, retrying for a short while on EBUSY (killed tasks may still be exiting). */
int cg_rmdir_retry(const char *dir);

int cgv1_create(struct cgroup *cg);
int cgv1_set_cpu(struct cgroup *cg, uint64_t millicores);
int cgv1_set_memory(struct cgroup *cg, uint64_t bytes);
int cgv1_set_pids(struct cgroup *cg, uint64_t n);
int cgv1_read(struct cgroup *cg, struct cgroup_stats *out);
int cgv1_read_cpu(struct cgroup *cg, struct cgroup_stats *out);

int cgv2_host_init(struct cgroup_host *h, const char *parent_dir);
int cgv2_create(struct cgroup *cg);
int cgv2_set_cpu(struct cgroup *cg, uint64_t millicores);
int cgv2_set_memory(struct cgroup *cg, uint64_t bytes);
int cgv2_set_pids(struct cgroup *cg, uint64_t n);
int cgv2_read(struct cgroup *cg, struct cgroup_stats *out);
int cgv2_read_cpu(struct cgroup *cg, struct cgroup_stats *out);
