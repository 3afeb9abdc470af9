/* cgroup v2 driver: one directory beneath the parent, with cpu, memory, pids and io enabled in the
 * parent's cgroup.subtree_control.
 *
 * Memory: memory.max is the hard limit (the OOM killer acts at it), memory.swap.max = 0 keeps the
 * sandbox out of swap, and memory.high is the soft limit: above it the kernel throttles the
 * cgroup's allocations and reclaims, but does not kill. Lowering memory.max below memory.current
 * would make the kernel OOM-kill at once, so such a shrink goes to memory.high instead. */
#include "sandbox/cgroup_internal.h"
#include "util/cleanup.h"
#include "util/fsutil.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* v2 controller names, in the order they are written to cgroup.subtree_control. */
static const struct {
        const char *name;
        enum cg_ctrl bit;
} v2_ctrls[] = {
    {"cpu", CG_CPU},
    {"memory", CG_MEMORY},
    {"pids", CG_PIDS},
    {"io", CG_BLKIO},
};

/* A space-separated controller list (cgroup.controllers, cgroup.subtree_control) as a mask. */
static int read_ctrl_list(const char *dir, const char *file, unsigned *mask)
{
        char p[CG_PATH_MAX], buf[512];
        int r = cg_join(p, dir, file);
        if (r < 0)
                return r;
        long n = read_file(p, buf, sizeof(buf));
        if (n < 0)
                return (int)n;
        *mask = 0;
        char *save = NULL;
        for (char *t = strtok_r(buf, " \t\n", &save); t; t = strtok_r(NULL, " \t\n", &save))
                for (size_t i = 0; i < ARRAY_SIZE(v2_ctrls); i++)
                        if (!strcmp(t, v2_ctrls[i].name))
                                *mask |= CG_BIT(v2_ctrls[i].bit);
        return 0;
}

int cgv2_host_init(struct cgroup_host *h, const char *parent_dir)
{
        size_t l = strlen(parent_dir);
        while (l > 1 && parent_dir[l - 1] == '/')
                l--;
        if (l == 0 || l >= CG_PATH_MAX)
                return -EINVAL;
        struct stat st;
        if (stat(parent_dir, &st) < 0)
                return -errno;
        if (!S_ISDIR(st.st_mode))
                return -ENOTDIR;
        h->hier[0].parent = strndup(parent_dir, l);
        if (!h->hier[0].parent)
                return -ENOMEM;
        h->n_hier = 1;
        h->hier[0].mask = (1u << CG_NCTRL) - 1;
        for (int c = 0; c < CG_NCTRL; c++)
                h->ctrl_hier[c] = 0;
        /* Missing cgroup.controllers (not a cgroup2 directory): nothing can be enabled. */
        if (read_ctrl_list(h->hier[0].parent, "cgroup.controllers", &h->v2_available) < 0)
                h->v2_available = 0;
        return 0;
}

/* The "no internal processes" rule: a non-root v2 cgroup that has processes of its own cannot
 * enable domain controllers for its children (the kernel answers EBUSY). presize usually runs in
 * such a cgroup (a service's or a session's), so it does what delegated container runtimes do
 * (crun, systemd's "Delegate=" guidance): it creates a leaf "<parent>/presize-supervisor-<pid>" and
 * moves every process of the parent there, itself first. Those processes are not killed, ever;
 * the leaf is removed by cgroup_cleanup_leftovers() once it is empty and its pid gone. Processes
 * that exit while being moved are simply skipped. */
static int move_to_supervisor(struct cgroup_host *h)
{
        const char *parent = h->hier[0].parent;
        char leaf[CG_PATH_MAX], name[64], procs[CG_PATH_MAX];
        snprintf(name, sizeof(name), "presize-supervisor-%d", (int)getpid());
        int r = cg_join(leaf, parent, name);
        if (r == 0)
                r = cg_join(procs, parent, "cgroup.procs");
        if (r < 0)
                return r;
        if (mkdir(leaf, 0755) < 0 && errno != EEXIST)
                return -errno;
        if ((r = cg_write_u64(leaf, "cgroup.procs", (uint64_t)getpid())) < 0)
                return r;
        for (int round = 0; round < 100; round++) {
                _cleanup_fclose_ FILE *f = fopen(procs, "re");
                if (!f)
                        return -errno;
                int pid, n = 0;
                while (fscanf(f, "%d", &pid) == 1) {
                        n++;
                        if (pid > 0)
                                (void)cg_write_u64(leaf, "cgroup.procs", (uint64_t)pid);
                }
                if (n == 0) {
                        h->v2_supervisor = true;
                        return 0;
                }
        }
        return -EBUSY;
}

static int enable_controllers(struct cgroup_host *h)
{
        const char *parent = h->hier[0].parent;
        unsigned enabled = 0;
        int r = read_ctrl_list(parent, "cgroup.subtree_control", &enabled);
        if (r < 0)
                return r;
        unsigned missing = h->v2_available & ~enabled;
        char buf[64] = "";
        for (size_t i = 0; i < ARRAY_SIZE(v2_ctrls); i++) {
                if (!(missing & CG_BIT(v2_ctrls[i].bit)))
                        continue;
                if (buf[0])
                        strcat(buf, " ");
                strcat(buf, "+");
                strcat(buf, v2_ctrls[i].name);
        }
        if (!buf[0])
                return 0;
        r = cg_write(parent, "cgroup.subtree_control", buf);
        if (r == -EBUSY && !h->v2_supervisor) {
                if ((r = move_to_supervisor(h)) < 0)
                        return r;
                r = cg_write(parent, "cgroup.subtree_control", buf);
        }
        return r;
}

int cgv2_create(struct cgroup *cg)
{
        int r = enable_controllers(cg->host);
        if (r < 0)
                return r;
        /* The name carries our pid and start time, so an existing directory of that name can only
         * be ours (a previous attempt with the same id): adopt it. */
        if (mkdir(cg->dir[0], 0755) < 0 && errno != EEXIST)
                return -errno;
        return 0;
}

int cgv2_set_cpu(struct cgroup *cg, uint64_t millicores)
{
        uint64_t quota = millicores * (CPU_PERIOD_US / 1000);
        if (quota < 1000)
                quota = 1000;
        char buf[64];
        snprintf(buf, sizeof(buf), "%" PRIu64 " %llu", quota, CPU_PERIOD_US);
        return cg_write(cg->dir[0], "cpu.max", buf);
}

int cgv2_set_memory(struct cgroup *cg, uint64_t bytes)
{
        const char *d = cg->dir[0];
        uint64_t current;
        int r = cg_read_u64(d, "memory.current", &current);
        if (r < 0)
                return r;
        /* No swap. Absent when the kernel has no swap accounting: nothing to limit then. */
        r = cg_write(d, "memory.swap.max", "0");
        if (r < 0 && r != -ENOENT)
                return r;
        if (bytes < current) {
                /* Soft shrink: throttle and reclaim toward `bytes`, keep the hard limit. */
                r = cg_write_u64(d, "memory.high", bytes);
                return r < 0 ? r : 1;
        }
        if ((r = cg_write_u64(d, "memory.max", bytes)) < 0)
                return r;
        return cg_write(d, "memory.high", "max");
}

int cgv2_set_pids(struct cgroup *cg, uint64_t n)
{
        return cg_write_u64(cg->dir[0], "pids.max", n);
}

/* io.stat: "MAJ:MIN rbytes=N wbytes=N rios=N wios=N dbytes=N dios=N" per device. */
static int read_io_stat(const char *dir, uint64_t *rd, uint64_t *wr)
{
        char p[CG_PATH_MAX];
        int r = cg_join(p, dir, "io.stat");
        if (r < 0)
                return r;
        _cleanup_fclose_ FILE *f = fopen(p, "re");
        if (!f)
                return -errno;
        _cleanup_free_ char *line = NULL;
        size_t cap = 0;
        while (getline(&line, &cap, f) > 0) {
                char *save = NULL;
                for (char *t = strtok_r(line, " \n", &save); t; t = strtok_r(NULL, " \n", &save)) {
                        if (!strncmp(t, "rbytes=", 7))
                                *rd += strtoull(t + 7, NULL, 10);
                        else if (!strncmp(t, "wbytes=", 7))
                                *wr += strtoull(t + 7, NULL, 10);
                }
        }
        return 0;
}

int cgv2_read_cpu(struct cgroup *cg, struct cgroup_stats *out)
{
        char p[CG_PATH_MAX];
        int r;
        uint64_t usage = 0, user = 0, sys = 0, thr = 0;
        const char *const ckeys[] = {"usage_usec", "user_usec", "system_usec", "throttled_usec",
                                     "nr_throttled"};
        uint64_t *const cvals[] = {&usage, &user, &sys, &thr, &out->nr_throttled};
        if ((r = cg_join(p, cg->dir[0], "cpu.stat")) < 0 ||
            (r = cg_read_keys(p, ckeys, cvals, ARRAY_SIZE(ckeys), NULL)) < 0)
                return r;
        out->cpu_ns = usage * 1000;
        out->user_ns = user * 1000;
        out->sys_ns = sys * 1000;
        out->throttled_ns = thr * 1000;
        return 0;
}

int cgv2_read(struct cgroup *cg, struct cgroup_stats *out)
{
        const char *d = cg->dir[0];
        char p[CG_PATH_MAX];
        int r;

        if ((r = cgv2_read_cpu(cg, out)) < 0)
                return r;
        if ((r = cg_read_u64(d, "memory.current", &out->memory_current)) < 0)
                return r;
        /* memory.peak appeared in Linux 5.19; without it the caller keeps its own maximum. */
        if (cg_read_u64(d, "memory.peak", &out->memory_peak) < 0)
                out->memory_peak = 0;
        (void)cg_read_u64(d, "pids.current", &out->pids_current);

        if (cg_join(p, d, "memory.events") == 0) {
                const char *const keys[] = {"oom_kill"};
                uint64_t *const vals[] = {&out->oom_kills};
                (void)cg_read_keys(p, keys, vals, ARRAY_SIZE(keys), NULL);
        }
        if (cg_join(p, d, "memory.stat") == 0) {
                uint64_t pf = 0, pmf = 0;
                const char *const keys[] = {"pgfault", "pgmajfault"};
                uint64_t *const vals[] = {&pf, &pmf};
                if (cg_read_keys(p, keys, vals, ARRAY_SIZE(keys), NULL) == 0) {
                        out->major_faults = pmf;
                        out->minor_faults = pf > pmf ? pf - pmf : 0;
                }
        }
        (void)read_io_stat(d, &out->io_read_bytes, &out->io_write_bytes);
        return 0;
}
