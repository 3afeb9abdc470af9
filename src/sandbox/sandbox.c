/* Host side of the local sandbox: creates the cgroup, clones the sandbox's init into new
 * namespaces, attaches the network, and drives the job through the control socket. */
#include "sandbox.h"
#include "cgroup.h"
#include "confine.h"
#include "net.h"
#include "proto.h"
#include "util/cleanup.h"
#include "util/fsutil.h"
#include "util/units.h"
#include "util/why.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define READY_TIMEOUT_MS 10000
#define MIN_MEMORY       (4ULL << 20)
#define MIN_CPU          10ULL /* CFS needs a quota of at least 1 ms per 100 ms period */
#define MAX_NET_RATE     100000000000ULL
/* Files the job may write: the tmpfs mounts are also bounded by the memory limit (tmpfs pages are
 * charged to the writer's memory cgroup), so a full disk is at worst an OOM kill of the job. */
#define JOB_FSIZE (1ULL << 30)
/* The spawner (init.c) lives in the cgroup and is one task of pids.max beyond the job's own. */
#define SPAWNER_TASKS 1
#define JOB_NOFILE    1024

#define PEAK_RING   64
#define PEAK_WINDOW 200000000ULL /* ns: two CFS periods */

enum sb_state { SB_READY, SB_RUNNING, SB_DONE };

/* Owned by whoever called sandbox_create; sandbox_destroy frees it and everything it holds. */
struct sandbox {
        char id[8];
        char cgname[128];
        struct alloc alloc;
        struct cgroup *cg;       /* owned */
        struct sandbox_net *net; /* owned; NULL without network */
        pid_t init_pid;
        int ctl_fd;
        enum sb_state state;
        uint64_t t_exec_ns; /* host clock when exec was requested */
        /* The cgroup's CPU counters when exec was requested: what the sandbox used before (its
         * spawner's start, which loads presize and its libraries) is not the job's. */
        struct cgroup_stats base; /* cgroup_read_cpu's fields only */
        uint64_t t_start_ns;      /* when init started the job */
        uint64_t t_end_ns;
        int wait_status;
        bool timed_out;
        bool killed;
        /* Sampling state for peak cores and peak memory. Peak cores are measured over windows of
         * at least two CFS periods, and never above the limit in force: the kernel enforces the
         * quota per period, so a window out of phase with the periods can catch two bursts of
         * quota and read higher than anything that really ran. */
        struct sample ring[PEAK_RING];
        unsigned ring_len, ring_head;
        double peak_cores;
        uint64_t peak_memory;
};

static struct {
        struct cgroup_host *host;
        struct confine_filter *filter;
        uint64_t millicores;
        uint64_t memory;
        uint64_t pid_max;
} rt;

int sandbox_runtime_init(void)
{
        if (rt.host)
                return 0;
        if (geteuid() != 0)
                return -EPERM;
        int r = cgroup_host_detect(&rt.host);
        if (r < 0)
                return r;
        r = confine_filter_build(&rt.filter);
        if (r < 0) {
                cgroup_host_free(rt.host);
                rt.host = NULL;
                return r;
        }
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        rt.millicores = (uint64_t)(n > 0 ? n : 1) * 1000;
        rt.memory = 0;
        uint64_t kb;
        if (read_keyed_u64("/proc/meminfo", "MemTotal:", &kb) == 0)
                rt.memory = kb * 1024;
        else
                rt.memory = (uint64_t)sysconf(_SC_PHYS_PAGES) * (uint64_t)sysconf(_SC_PAGESIZE);
        if (read_file_u64("/proc/sys/kernel/pid_max", &rt.pid_max) < 0)
                rt.pid_max = 32768;
        /* Leftovers of a presize that was killed: its cgroups (its init, and with it the PID and
         * network namespaces and the veth, died with it through PDEATHSIG). */
        cgroup_cleanup_leftovers(rt.host);
        net_cleanup_leftovers();
        return 0;
}

void sandbox_runtime_fini(void)
{
        confine_filter_free(rt.filter);
        cgroup_host_free(rt.host);
        memset(&rt, 0, sizeof(rt));
}

const char *sandbox_cgroup_version(void)
{
        if (!rt.host)
                return "none";
        return cgroup_host_version(rt.host) == CGROUP_V2 ? "v2" : "v1";
}

uint64_t sandbox_host_millicores(void)
{
        return rt.millicores;
}

uint64_t sandbox_host_memory(void)
{
        return rt.memory;
}

int sandbox_validate(const struct alloc *a, char *why, size_t len)
{
        char b1[32], b2[32];
        if (a->cpu_millicores == 0)
                return why_err(why, len, -EINVAL, "cpu limit must be positive");
        if (a->cpu_millicores < MIN_CPU)
                return why_err(why, len, -EINVAL, "cpu limit %s is below the minimum of %s",
                               fmt_cpu(a->cpu_millicores, b1, sizeof(b1)),
                               fmt_cpu(MIN_CPU, b2, sizeof(b2)));
        if (rt.millicores && a->cpu_millicores > rt.millicores)
                return why_err(why, len, -E2BIG, "cpu limit %s is more than the host has (%s)",
                               fmt_cpu(a->cpu_millicores, b1, sizeof(b1)),
                               fmt_cpu(rt.millicores, b2, sizeof(b2)));
        if (a->memory_bytes == 0)
                return why_err(why, len, -EINVAL, "memory limit must be positive");
        if (a->memory_bytes < MIN_MEMORY)
                return why_err(why, len, -EINVAL, "memory limit %s is below the minimum of %s",
                               fmt_bytes(a->memory_bytes, b1, sizeof(b1)),
                               fmt_bytes(MIN_MEMORY, b2, sizeof(b2)));
        if (rt.memory && a->memory_bytes > rt.memory)
                return why_err(why, len, -E2BIG, "memory limit %s is more than the host has (%s)",
                               fmt_bytes(a->memory_bytes, b1, sizeof(b1)),
                               fmt_bytes(rt.memory, b2, sizeof(b2)));
        if (a->pids == 0)
                return why_err(why, len, -EINVAL, "pids limit must be positive");
        if (rt.pid_max && a->pids > rt.pid_max)
                return why_err(why, len, -E2BIG,
                               "pids limit %" PRIu64 " is more than the host allows (%" PRIu64 ")",
                               a->pids, rt.pid_max);
        if (a->net_rate_bps > MAX_NET_RATE)
                return why_err(why, len, -E2BIG, "network rate %s is above %s",
                               fmt_rate(a->net_rate_bps, b1, sizeof(b1)),
                               fmt_rate(MAX_NET_RATE, b2, sizeof(b2)));
        if (a->n_allow > NET_ALLOW_MAX)
                return why_err(why, len, -E2BIG, "at most %d --allow-net addresses", NET_ALLOW_MAX);
        for (unsigned i = 0; i < a->n_allow; i++)
                if ((ntohl(a->allow[i].addr) >> 24) == 127)
                        return why_err(why, len, -EINVAL,
                                       "a loopback address is the sandbox's own loopback; to reach "
                                       "a server on the host use " NET_HOST_ADDR " (the host as "
                                       "the sandbox sees it)");
        return 0;
}

static int recv_msg(int fd, struct proto_msg *m, int timeout_ms)
{
        struct pollfd pf = {fd, POLLIN, 0};
        int r;
        do
                r = poll(&pf, 1, timeout_ms);
        while (r < 0 && errno == EINTR);
        if (r < 0)
                return -errno;
        if (r == 0)
                return -ETIMEDOUT;
        ssize_t n;
        do
                n = recv(fd, m, sizeof(*m), 0);
        while (n < 0 && errno == EINTR);
        if (n < 0)
                return -errno;
        if (n != (ssize_t)sizeof(*m))
                return -EPIPE;
        return 0;
}

static void random_id(char out[8])
{
        unsigned char b[3];
        if (getrandom(b, sizeof(b), 0) != sizeof(b)) {
                uint64_t t = now_ns() ^ (uint64_t)getpid();
                memcpy(b, &t, sizeof(b));
        }
        snprintf(out, 8, "%02x%02x%02x", b[0], b[1], b[2]);
}

int sandbox_create(const struct alloc *a, struct sandbox **out)
{
        int r;
        if (!rt.host)
                return -ENOTCONN;
        if ((r = sandbox_validate(a, NULL, 0)) < 0)
                return r;

        struct sandbox *s = calloc(1, sizeof(*s));
        if (!s)
                return -ENOMEM;
        s->alloc = *a;
        s->init_pid = -1;
        s->ctl_fd = -1;
        random_id(s->id);

        struct init_config cfg = {.ctl_fd = -1, .filter = rt.filter};
        int sv[2] = {-1, -1};

        if ((r = cgroup_name(s->cgname, sizeof(s->cgname), s->id)) < 0 ||
            (r = cgroup_create(rt.host, s->cgname, &s->cg)) < 0)
                goto fail;
        if ((r = cgroup_set_cpu(s->cg, a->cpu_millicores)) < 0 ||
            (r = cgroup_set_memory(s->cg, a->memory_bytes)) < 0 ||
            (r = cgroup_set_pids(s->cg, a->pids + SPAWNER_TASKS)) < 0)
                goto fail;
        if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0) {
                r = -errno;
                goto fail;
        }
        s->ctl_fd = sv[0];
        r = cgroup_open_procs(s->cg, cfg.cg_fds, (int)ARRAY_SIZE(cfg.cg_fds));
        if (r < 0) {
                close(sv[1]);
                goto fail;
        }
        cfg.n_cg_fds = r;
        cfg.ctl_fd = sv[1];
        cfg.tmpfs_bytes = a->memory_bytes;
        cfg.limits = (struct confine_limits){
            .fsize_bytes = JOB_FSIZE, .nofile = JOB_NOFILE, .core_bytes = 0};

        /* A raw clone: fork semantics with new namespaces, no stack to manage. The child is PID 1
         * of its own PID namespace and never returns from sandbox_init_main. */
        pid_t pid = (pid_t)syscall(SYS_clone,
                                   CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWUTS |
                                       CLONE_NEWIPC | SIGCHLD,
                                   0, 0, 0, 0);
        if (pid == 0) {
                close(sv[0]);
                sandbox_init_main(&cfg);
        }
        int clone_err = errno;
        for (int i = 0; i < cfg.n_cg_fds; i++)
                close(cfg.cg_fds[i]);
        close(sv[1]);
        if (pid < 0) {
                r = -clone_err;
                goto fail;
        }
        s->init_pid = pid;

        if (a->network && (r = net_create(s->id, pid, a, &s->net)) < 0)
                goto fail;

        struct proto_msg m;
        if ((r = recv_msg(s->ctl_fd, &m, READY_TIMEOUT_MS)) < 0)
                goto fail;
        if (m.type != MSG_READY) {
                r = -EPROTO;
                goto fail;
        }
        if (m.err < 0) {
                r = m.err;
                goto fail;
        }
        s->state = SB_READY;
        *out = s;
        return 0;
fail:
        sandbox_destroy(s);
        return r;
}

/* Reject names that could leave the working directory. */
static bool safe_name(const char *n)
{
        if (!n || !*n || strlen(n) > 255 || strchr(n, '/') || !strcmp(n, ".") || !strcmp(n, ".."))
                return false;
        return true;
}

static int write_files(struct sandbox *s, const struct job *j)
{
        if (j->n_files == 0)
                return 0;
        char path[64];
        snprintf(path, sizeof(path), "/proc/%d/root/box", s->init_pid);
        _cleanup_close_ int dir = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
        if (dir < 0)
                return -errno;
        for (size_t i = 0; i < j->n_files; i++) {
                const struct job_file *f = &j->files[i];
                if (!safe_name(f->name))
                        return -EINVAL;
                _cleanup_close_ int fd =
                    openat(dir, f->name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                           f->mode ? f->mode : 0644);
                if (fd < 0)
                        return -errno;
                const char *p = f->data;
                size_t left = f->len;
                while (left) {
                        ssize_t w = write(fd, p, left);
                        if (w < 0) {
                                if (errno == EINTR)
                                        continue;
                                return -errno;
                        }
                        p += w;
                        left -= (size_t)w;
                }
                if (fchown(fd, SANDBOX_UID, SANDBOX_GID) < 0)
                        return -errno;
        }
        return 0;
}

static int pack(char *buf, size_t cap, size_t *off, const char *s)
{
        size_t n = strlen(s) + 1;
        if (*off + n > cap)
                return -E2BIG;
        memcpy(buf + *off, s, n);
        *off += n;
        return 0;
}

static void note_sample(struct sandbox *s, const struct sample *smp)
{
        /* The newest sample at least PEAK_WINDOW older than this one. */
        for (unsigned i = 0; i < s->ring_len; i++) {
                const struct sample *old = &s->ring[(s->ring_head + PEAK_RING - 1 - i) % PEAK_RING];
                if (smp->t_ns - old->t_ns < PEAK_WINDOW)
                        continue;
                if (smp->cpu_ns >= old->cpu_ns) {
                        double cores =
                            (double)(smp->cpu_ns - old->cpu_ns) / (double)(smp->t_ns - old->t_ns);
                        double limit = (double)s->alloc.cpu_millicores / 1000.0;
                        if (cores > limit)
                                cores = limit;
                        if (cores > s->peak_cores)
                                s->peak_cores = cores;
                }
                break;
        }
        if (smp->memory_bytes > s->peak_memory)
                s->peak_memory = smp->memory_bytes;
        s->ring[s->ring_head] = *smp;
        s->ring_head = (s->ring_head + 1) % PEAK_RING;
        if (s->ring_len < PEAK_RING)
                s->ring_len++;
}

int sandbox_exec(struct sandbox *s, const struct job *j)
{
        int r;
        if (s->state != SB_READY)
                return -EBUSY;
        if (!j->argv || !j->argv[0] || !j->argv[0][0])
                return -EINVAL;
        if ((r = write_files(s, j)) < 0)
                return r;

        _cleanup_free_ char *buf = malloc(PROTO_MAX_PAYLOAD);
        if (!buf)
                return -ENOMEM;
        struct proto_msg m = {.type = MSG_EXEC};
        size_t off = 0;
        for (char *const *a = j->argv; *a; a++, m.argc++)
                if (m.argc >= PROTO_MAX_ARGS || (r = pack(buf, PROTO_MAX_PAYLOAD, &off, *a)) < 0)
                        return -E2BIG;
        for (char *const *e = j->env; e && *e; e++, m.envc++)
                if (!strchr(*e, '=') || m.envc >= PROTO_MAX_ARGS - 8 ||
                    pack(buf, PROTO_MAX_PAYLOAD, &off, *e) < 0)
                        return strchr(*e, '=') ? -E2BIG : -EINVAL;
        if (s->net) {
                char kv[64];
                snprintf(kv, sizeof(kv), "PRESIZE_HOST_ADDR=%s", NET_HOST_ADDR);
                if (pack(buf, PROTO_MAX_PAYLOAD, &off, kv) < 0)
                        return -E2BIG;
                m.envc++;
                snprintf(kv, sizeof(kv), "PRESIZE_ADDR=%s", net_sandbox_addr(s->net));
                if (pack(buf, PROTO_MAX_PAYLOAD, &off, kv) < 0)
                        return -E2BIG;
                m.envc++;
        }
        m.len = (uint32_t)off;

        _cleanup_close_ int nul = open("/dev/null", O_RDWR | O_CLOEXEC);
        if (nul < 0)
                return -errno;
        int fds[3] = {j->stdin_fd >= 0 ? j->stdin_fd : nul, j->stdout_fd >= 0 ? j->stdout_fd : nul,
                      j->stderr_fd >= 0 ? j->stderr_fd : nul};
        union {
                char b[CMSG_SPACE(sizeof(fds))];
                struct cmsghdr align;
        } cbuf;
        memset(&cbuf, 0, sizeof(cbuf));
        struct iovec iov[2] = {{&m, sizeof(m)}, {buf, off}};
        struct msghdr mh = {.msg_iov = iov,
                            .msg_iovlen = 2,
                            .msg_control = cbuf.b,
                            .msg_controllen = sizeof(cbuf.b)};
        struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(fds));
        memcpy(CMSG_DATA(c), fds, sizeof(fds));

        if ((r = cgroup_read_cpu(s->cg, &s->base)) < 0)
                return r;
        s->t_exec_ns = now_ns();
        ssize_t n;
        do
                n = sendmsg(s->ctl_fd, &mh, MSG_NOSIGNAL);
        while (n < 0 && errno == EINTR);
        if (n < 0)
                return -errno;

        struct proto_msg rep;
        if ((r = recv_msg(s->ctl_fd, &rep, READY_TIMEOUT_MS)) < 0)
                return r;
        if (rep.type != MSG_STARTED)
                return -EPROTO;
        if (rep.err < 0)
                return rep.err; /* the sandbox stays READY: nothing ran */
        s->t_start_ns = rep.t_start_ns;
        s->state = SB_RUNNING;
        note_sample(s, &(struct sample){.t_ns = rep.t_start_ns});
        return 0;
}

/* A counter's growth since base (0 if it went back: a counter reset is not usage). */
static uint64_t since(uint64_t v, uint64_t base)
{
        return v > base ? v - base : 0;
}

int sandbox_sample(struct sandbox *s, struct sample *out)
{
        struct cgroup_stats st;
        int r = cgroup_read(s->cg, &st);
        if (r < 0)
                return r;
        *out = (struct sample){
            .t_ns = now_ns(),
            .cpu_ns = since(st.cpu_ns, s->base.cpu_ns),
            .memory_bytes = st.memory_current,
            .throttled_ns = since(st.throttled_ns, s->base.throttled_ns),
            .pids = st.pids_current,
        };
        if (s->net)
                net_read(s->net, &out->net_rx_bytes, &out->net_tx_bytes);
        return 0;
}

int sandbox_resize(struct sandbox *s, const struct alloc *a)
{
        int r, soft = 0;
        struct alloc next = *a;
        /* What cannot change after creation stays as it was. */
        next.network = s->alloc.network;
        next.n_allow = s->alloc.n_allow;
        memcpy(next.allow, s->alloc.allow, sizeof(next.allow));
        if ((r = sandbox_validate(&next, NULL, 0)) < 0)
                return r;
        if (next.net_rate_bps != s->alloc.net_rate_bps && !s->net)
                return -EOPNOTSUPP;

        if (next.cpu_millicores != s->alloc.cpu_millicores) {
                if ((r = cgroup_set_cpu(s->cg, next.cpu_millicores)) < 0)
                        return r;
                s->alloc.cpu_millicores = next.cpu_millicores;
        }
        if (next.pids != s->alloc.pids) {
                if ((r = cgroup_set_pids(s->cg, next.pids + SPAWNER_TASKS)) < 0)
                        return r;
                s->alloc.pids = next.pids;
        }
        if (next.net_rate_bps != s->alloc.net_rate_bps) {
                if ((r = net_set_rate(s->net, next.net_rate_bps)) < 0)
                        return r;
                s->alloc.net_rate_bps = next.net_rate_bps;
        }
        s->alloc.timeout_ns = next.timeout_ns;
        if (next.memory_bytes != s->alloc.memory_bytes) {
                r = cgroup_set_memory(s->cg, next.memory_bytes);
                if (r < 0)
                        return r; /* -EBUSY: a shrink below usage was refused; old limit stays */
                soft = r;
                s->alloc.memory_bytes = next.memory_bytes;
        }
        return soft;
}

static void kill_job(struct sandbox *s)
{
        s->killed = true;
        cgroup_kill_all(s->cg);
}

static bool oom_struck(struct sandbox *s)
{
        struct cgroup_stats st;
        return cgroup_read(s->cg, &st) == 0 && st.oom_kills > 0;
}

static int finish(struct sandbox *s, struct usage *u)
{
        struct cgroup_stats st;
        int r = cgroup_read(s->cg, &st);
        if (r < 0)
                return r;
        memset(u, 0, sizeof(*u));
        int ws = s->wait_status;
        if (WIFEXITED(ws)) {
                u->exit_code = WEXITSTATUS(ws);
        } else {
                u->exit_code = -1;
                u->signal = WIFSIGNALED(ws) ? WTERMSIG(ws) : 0;
        }
        u->oom_killed = st.oom_kills > 0;
        u->timed_out = s->timed_out;
        u->cpu_ns = since(st.cpu_ns, s->base.cpu_ns);
        u->user_ns = since(st.user_ns, s->base.user_ns);
        u->sys_ns = since(st.sys_ns, s->base.sys_ns);
        u->wall_ns = s->t_end_ns > s->t_start_ns ? s->t_end_ns - s->t_start_ns : 0;
        u->peak_memory_bytes = st.memory_peak > s->peak_memory ? st.memory_peak : s->peak_memory;
        u->avg_cores = u->wall_ns ? (double)u->cpu_ns / (double)u->wall_ns : 0;
        /* A job shorter than one sample interval has one interval: its average. */
        u->peak_cores = s->peak_cores > u->avg_cores ? s->peak_cores : u->avg_cores;
        u->throttled_ns = since(st.throttled_ns, s->base.throttled_ns);
        if (s->net)
                net_read(s->net, &u->net_rx_bytes, &u->net_tx_bytes);
        u->io_read_bytes = st.io_read_bytes;
        u->io_write_bytes = st.io_write_bytes;
        u->minor_faults = st.minor_faults;
        u->major_faults = st.major_faults;
        u->limits = s->alloc;
        return 0;
}

int sandbox_wait(struct sandbox *s, uint64_t interval_ns, sandbox_sample_cb cb, void *ctx,
                 struct usage *out)
{
        if (s->state == SB_READY)
                return -ECHILD;
        if (interval_ns == 0)
                interval_ns = 100000000ULL;
        uint64_t next = s->t_start_ns + interval_ns;
        while (s->state == SB_RUNNING) {
                uint64_t now = now_ns();
                uint64_t until = next;
                if (s->alloc.timeout_ns && !s->killed) {
                        uint64_t deadline = s->t_start_ns + s->alloc.timeout_ns;
                        if (deadline < until)
                                until = deadline;
                        if (now >= deadline) {
                                s->timed_out = true;
                                kill_job(s);
                                continue;
                        }
                }
                int timeout_ms = until > now ? (int)((until - now + 999999) / 1000000) : 0;
                struct pollfd pf = {s->ctl_fd, POLLIN, 0};
                int pr = poll(&pf, 1, timeout_ms);
                if (pr < 0 && errno != EINTR)
                        return -errno;
                if (pr > 0) {
                        struct proto_msg m;
                        int r = recv_msg(s->ctl_fd, &m, 0);
                        if (r == -EPIPE && !s->killed && oom_struck(s)) {
                                /* A job that fills its tmpfs leaves the memory charged after the
                                 * OOM killer took it, and the next victim is the spawner (which
                                 * cannot be exempt where CAP_SYS_RESOURCE is withheld). The job
                                 * died of the OOM kill: report that, and end what is left. */
                                kill_job(s);
                        }
                        if (r == -EPIPE && s->killed) {
                                /* The kill took the spawner with the job: its status is the
                                 * kill's. */
                                s->wait_status = SIGKILL;
                                s->t_end_ns = now_ns();
                                s->state = SB_DONE;
                                break;
                        }
                        if (r < 0)
                                return r == -ETIMEDOUT ? -EPIPE : r;
                        if (m.type != MSG_EXITED)
                                return -EPROTO;
                        s->wait_status = m.status;
                        s->t_end_ns = m.t_end_ns;
                        s->state = SB_DONE;
                        break;
                }
                if (now_ns() >= next) {
                        struct sample smp;
                        if (sandbox_sample(s, &smp) == 0) {
                                note_sample(s, &smp);
                                if (cb && cb(s, &smp, ctx) != 0 && !s->killed)
                                        kill_job(s);
                        }
                        next += interval_ns;
                        if (next < now_ns())
                                next = now_ns() + interval_ns;
                }
        }
        return finish(s, out);
}

void sandbox_destroy(struct sandbox *s)
{
        if (!s)
                return;
        /* The veth first, while its namespace certainly exists: deleting it then is synchronous,
         * whereas a namespace's own teardown is deferred by the kernel. */
        net_destroy(s->net);
        if (s->init_pid > 0) {
                kill(s->init_pid, SIGKILL);
                while (waitpid(s->init_pid, NULL, 0) < 0 && errno == EINTR)
                        ;
        }
        if (s->ctl_fd >= 0)
                close(s->ctl_fd);
        cgroup_destroy(s->cg);
        free(s);
}

const char *sandbox_id(const struct sandbox *s)
{
        return s->id;
}

pid_t sandbox_init_pid(const struct sandbox *s)
{
        return s->init_pid;
}

const struct alloc *sandbox_alloc(const struct sandbox *s)
{
        return &s->alloc;
}

const char *sandbox_addr(const struct sandbox *s)
{
        return s->net ? net_sandbox_addr(s->net) : NULL;
}
