/* cgroup v1 driver: one directory per hierarchy (cpu, cpuacct, memory, pids and, when the host
 * has it, blkio; co-mounted controllers share a directory).
 *
 * Memory: limit_in_bytes caps RAM; memsw.limit_in_bytes (present when swap accounting is on)
 * caps RAM + swap, and is set to the same value so the sandbox gets no swap. The kernel requires
 * memsw >= limit at every instant, which fixes the order of the two writes. v1 has no soft limit
 * that throttles, so a shrink below current usage is refused rather than left to the OOM killer. */
#include "sandbox/cgroup_internal.h"
#include "util/cleanup.h"
#include "util/fsutil.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *dir_of(const struct cgroup *cg, enum cg_ctrl c)
{
        int i = cg->host->ctrl_hier[c];
        return i < 0 ? NULL : cg->dir[i];
}

/* I/O accounting. Since Linux 6.10 the blkio.throttle.io_service_bytes counters of a disk are only
 * kept once blk-throttle is active on that disk's queue, and it becomes active the first time any
 * throttle setting is written for the disk. Writing "MAJ:MIN 0" ("no limit") to the sandbox's own
 * read_bps_device activates it without limiting anything or leaving a rule behind. Done once per
 * host (the activation lasts as long as the disk); devices that refuse are skipped. */
static void v1_enable_io_accounting(struct cgroup *cg)
{
        const char *blkio = dir_of(cg, CG_BLKIO);
        if (!blkio || cg->host->v1_io_accounting)
                return;
        _cleanup_closedir_ DIR *d = opendir("/sys/block");
        if (!d)
                return;
        struct dirent *de;
        while ((de = readdir(d))) {
                if (de->d_name[0] == '.')
                        continue;
                char p[CG_PATH_MAX], dev[32], rule[64];
                if (snprintf(p, sizeof(p), "/sys/block/%s/dev", de->d_name) >= (int)sizeof(p) ||
                    read_file(p, dev, sizeof(dev)) <= 0)
                        continue;
                dev[strcspn(dev, "\n")] = '\0';
                snprintf(rule, sizeof(rule), "%s 0", dev);
                (void)cg_write(blkio, "blkio.throttle.read_bps_device", rule);
        }
        cg->host->v1_io_accounting = true;
}

int cgv1_create(struct cgroup *cg)
{
        const struct cgroup_host *h = cg->host;
        bool made[CG_MAX_HIER] = {false};
        int r = 0;
        for (size_t i = 0; i < h->n_hier; i++) {
                /* The name carries our pid and start time, so an existing directory of that name
                 * can only be ours (a previous attempt with the same id): adopt it. */
                if (mkdir(cg->dir[i], 0755) == 0)
                        made[i] = true;
                else if (errno != EEXIST) {
                        r = -errno;
                        break;
                }
        }
        if (r < 0) {
                for (size_t i = 0; i < h->n_hier; i++)
                        if (made[i])
                                (void)rmdir(cg->dir[i]);
                return r;
        }
        /* No swapping for the sandbox; not writable everywhere (e.g. under some parents), and
         * memsw keeps swap at zero anyway when accounting is on. */
        (void)cg_write(dir_of(cg, CG_MEMORY), "memory.swappiness", "0");
        v1_enable_io_accounting(cg);
        return 0;
}

int cgv1_set_cpu(struct cgroup *cg, uint64_t millicores)
{
        const char *d = dir_of(cg, CG_CPU);
        /* quota/period = cores; period 100 ms, so quota_us = millicores * 100. The kernel's
         * minimum quota is 1 ms. */
        uint64_t quota = millicores * (CPU_PERIOD_US / 1000);
        if (quota < 1000)
                quota = 1000;
        int r = cg_write_u64(d, "cpu.cfs_period_us", CPU_PERIOD_US);
        if (r < 0)
                return r;
        return cg_write_u64(d, "cpu.cfs_quota_us", quota);
}

int cgv1_set_memory(struct cgroup *cg, uint64_t bytes)
{
        const char *d = dir_of(cg, CG_MEMORY);
        uint64_t usage, old_limit, old_memsw = 0;
        int r = cg_read_u64(d, "memory.usage_in_bytes", &usage);
        if (r < 0)
                return r;
        if (bytes < usage)
                return -EBUSY;
        r = cg_read_u64(d, "memory.limit_in_bytes", &old_limit);
        if (r < 0)
                return r;
        bool memsw = cg_read_u64(d, "memory.memsw.limit_in_bytes", &old_memsw) == 0;

        if (bytes >= old_limit) {
                /* Growing: memsw first, so that memsw >= limit holds after each write. */
                if (memsw && (r = cg_write_u64(d, "memory.memsw.limit_in_bytes", bytes)) < 0)
                        return r;
                r = cg_write_u64(d, "memory.limit_in_bytes", bytes);
                if (r < 0) {
                        if (memsw)
                                (void)cg_write_u64(d, "memory.memsw.limit_in_bytes", old_memsw);
                        return r;
                }
        } else {
                /* Shrinking: limit first. The kernel reclaims to get under it and answers EBUSY
                 * when it cannot (usage grew since we looked); then nothing has changed. */
                r = cg_write_u64(d, "memory.limit_in_bytes", bytes);
                if (r < 0)
                        return r;
                if (memsw && (r = cg_write_u64(d, "memory.memsw.limit_in_bytes", bytes)) < 0) {
                        (void)cg_write_u64(d, "memory.limit_in_bytes", old_limit);
                        return r;
                }
        }
        (void)cg_write(d, "memory.swappiness", "0");
        return 0;
}

int cgv1_set_pids(struct cgroup *cg, uint64_t n)
{
        return cg_write_u64(dir_of(cg, CG_PIDS), "pids.max", n);
}

/* blkio.throttle.io_service_bytes(_recursive): "MAJ:MIN Read N" / "MAJ:MIN Write N" / ... per
 * device, then "Total N". Sum Read and Write over devices. */
static int read_blkio(const char *dir, uint64_t *rd, uint64_t *wr)
{
        char p[CG_PATH_MAX];
        int r = cg_join(p, dir, "blkio.throttle.io_service_bytes_recursive");
        if (r < 0)
                return r;
        _cleanup_fclose_ FILE *f = fopen(p, "re");
        if (!f) {
                if ((r = cg_join(p, dir, "blkio.throttle.io_service_bytes")) < 0)
                        return r;
                if (!(f = fopen(p, "re")))
                        return -errno;
        }
        char dev[64], op[32];
        uint64_t v;
        _cleanup_free_ char *line = NULL;
        size_t cap = 0;
        while (getline(&line, &cap, f) > 0) {
                if (sscanf(line, "%63s %31s %" SCNu64, dev, op, &v) != 3 || !strchr(dev, ':'))
                        continue;
                if (!strcmp(op, "Read"))
                        *rd += v;
                else if (!strcmp(op, "Write"))
                        *wr += v;
        }
        return 0;
}

int cgv1_read_cpu(struct cgroup *cg, struct cgroup_stats *out)
{
        const char *acct = dir_of(cg, CG_CPUACCT), *cpu = dir_of(cg, CG_CPU);
        char p[CG_PATH_MAX];
        int r;

        /* Required: without it there is no measurement; the rest is best effort (older kernels
         * lack some of these files). */
        if ((r = cg_read_u64(acct, "cpuacct.usage", &out->cpu_ns)) < 0)
                return r;
        (void)cg_read_u64(acct, "cpuacct.usage_user", &out->user_ns);
        (void)cg_read_u64(acct, "cpuacct.usage_sys", &out->sys_ns);
        if (cg_join(p, cpu, "cpu.stat") == 0) {
                const char *const keys[] = {"throttled_time", "nr_throttled"};
                uint64_t *const vals[] = {&out->throttled_ns, &out->nr_throttled};
                (void)cg_read_keys(p, keys, vals, ARRAY_SIZE(keys), NULL);
        }
        return 0;
}

int cgv1_read(struct cgroup *cg, struct cgroup_stats *out)
{
        const char *mem = dir_of(cg, CG_MEMORY), *pids = dir_of(cg, CG_PIDS);
        char p[CG_PATH_MAX];
        int r;

        /* Required: without these there is no measurement. */
        if ((r = cgv1_read_cpu(cg, out)) < 0)
                return r;
        if ((r = cg_read_u64(mem, "memory.usage_in_bytes", &out->memory_current)) < 0)
                return r;

        /* The rest is best effort: older kernels lack some of these files. */
        (void)cg_read_u64(mem, "memory.max_usage_in_bytes", &out->memory_peak);
        (void)cg_read_u64(pids, "pids.current", &out->pids_current);
        if (cg_join(p, mem, "memory.oom_control") == 0) {
                const char *const keys[] = {"oom_kill"};
                uint64_t *const vals[] = {&out->oom_kills};
                (void)cg_read_keys(p, keys, vals, ARRAY_SIZE(keys), NULL);
        }
        if (cg_join(p, mem, "memory.stat") == 0) {
                /* total_* include descendant cgroups (hierarchical); prefer them. */
                uint64_t pf = 0, pmf = 0, tpf = 0, tpmf = 0;
                const char *const keys[] = {"pgfault", "pgmajfault", "total_pgfault",
                                            "total_pgmajfault"};
                uint64_t *const vals[] = {&pf, &pmf, &tpf, &tpmf};
                unsigned found = 0;
                if (cg_read_keys(p, keys, vals, ARRAY_SIZE(keys), &found) == 0) {
                        if ((found & 0xc) == 0xc) {
                                pf = tpf;
                                pmf = tpmf;
                        }
                        out->major_faults = pmf;
                        out->minor_faults = pf > pmf ? pf - pmf : 0;
                }
        }
        const char *blkio = dir_of(cg, CG_BLKIO);
        if (blkio)
                (void)read_blkio(blkio, &out->io_read_bytes, &out->io_write_bytes);
        return 0;
}
