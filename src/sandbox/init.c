/* The sandbox's PID 1. It is a raw clone of presize inside new PID, mount, network, UTS and IPC
 * namespaces. It builds the filesystem view, then starts the spawner (below), which joins the
 * cgroup and serves the host over the control socket: for an EXEC it starts the job (confined, born
 * inside the cgroup), reports whether execve worked, and when the job's main process ends it kills
 * whatever the job left behind and reports the wait status. Init itself only reaps orphans. When
 * presize dies (PDEATHSIG) or destroys the sandbox, init is killed and the kernel kills everything
 * left in the PID namespace.
 *
 * Init stays outside the sandbox's cgroup; the spawner is inside but idle while the job runs.
 * It must not allocate: the process it was cloned from may have had other threads holding
 * allocator locks. Everything here is system calls and static buffers. */
#include "proto.h"

#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <poll.h>
#include <stdbool.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The new root is assembled on a tmpfs mounted over /tmp: that mount exists only in the sandbox's
 * private mount namespace, and after pivot_root nothing of the host's /tmp is visible. */
#define STAGE "/tmp"

/* Host directories the code sees, read-only (merged-/usr symlinks are recreated as symlinks).
 * Not shown: /root, /home, /var, /srv, /mnt, /media, /run, /sys, the host's /tmp and /dev. */
static const char *const ro_dirs[] = {"usr",   "bin",    "sbin", "lib", "lib32",
                                      "lib64", "libx32", "etc",  "opt", NULL};
static const char *const dev_nodes[] = {"null", "zero", "full", "random", "urandom", "tty", NULL};

static const char *const base_env[] = {
    "PATH=/usr/local/bin:/usr/bin:/bin",
    "HOME=/box",
    "TMPDIR=/tmp",
    "LANG=C.UTF-8",
    "USER=nobody",
    NULL,
};
static const char *const exec_path[] = {"/usr/local/bin/", "/usr/bin/", "/bin/", NULL};

static char payload[PROTO_MAX_PAYLOAD];
static char *job_argv[PROTO_MAX_ARGS + 1];
static char *job_env[PROTO_MAX_ARGS + 16];
static char pathbuf[4096];

static uint64_t mono_ns(void)
{
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static void path_join(char *buf, size_t len, const char *a, const char *b)
{
        snprintf(buf, len, "%s/%s", a, b);
}

static int bind_ro(const char *src, const char *dst)
{
        struct mount_attr attr = {
            .attr_set = MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV,
        };
        if (mount(src, dst, NULL, MS_BIND | MS_REC, NULL) < 0)
                return -errno;
        if (mount_setattr(AT_FDCWD, dst, AT_RECURSIVE, &attr, sizeof(attr)) < 0)
                return -errno;
        return 0;
}

static int tmpfs_at(const char *name, const char *dst, const char *opts)
{
        if (mkdir(dst, 0755) < 0 && errno != EEXIST)
                return -errno;
        if (mount(name, dst, "tmpfs", MS_NOSUID | MS_NODEV, opts) < 0)
                return -errno;
        return 0;
}

static int setup_ro_dirs(void)
{
        char src[256], dst[256], target[256];
        for (const char *const *d = ro_dirs; *d; d++) {
                struct stat st;
                snprintf(src, sizeof(src), "/%s", *d);
                path_join(dst, sizeof(dst), STAGE, *d);
                if (lstat(src, &st) < 0)
                        continue;
                if (S_ISLNK(st.st_mode)) {
                        ssize_t n = readlink(src, target, sizeof(target) - 1);
                        if (n < 0)
                                return -errno;
                        target[n] = '\0';
                        if (symlink(target, dst) < 0)
                                return -errno;
                } else if (S_ISDIR(st.st_mode)) {
                        if (mkdir(dst, 0755) < 0)
                                return -errno;
                        int r = bind_ro(src, dst);
                        if (r < 0)
                                return r;
                }
        }
        return 0;
}

static int setup_dev(uint64_t tmpfs_bytes)
{
        char dst[256], opts[96];
        int r = tmpfs_at("presize-dev", STAGE "/dev", "mode=0755,size=64k,nr_inodes=64");
        if (r < 0)
                return r;
        for (const char *const *n = dev_nodes; *n; n++) {
                char src[64];
                snprintf(src, sizeof(src), "/dev/%s", *n);
                path_join(dst, sizeof(dst), STAGE "/dev", *n);
                int fd = open(dst, O_CREAT | O_WRONLY | O_CLOEXEC, 0666);
                if (fd < 0)
                        return -errno;
                close(fd);
                if (mount(src, dst, NULL, MS_BIND, NULL) < 0)
                        return -errno;
        }
        static const char *const links[][2] = {
            {"/proc/self/fd", "fd"},
            {"/proc/self/fd/0", "stdin"},
            {"/proc/self/fd/1", "stdout"},
            {"/proc/self/fd/2", "stderr"},
        };
        for (size_t i = 0; i < sizeof(links) / sizeof(links[0]); i++) {
                path_join(dst, sizeof(dst), STAGE "/dev", links[i][1]);
                if (symlink(links[i][0], dst) < 0)
                        return -errno;
        }
        snprintf(opts, sizeof(opts), "mode=1777,size=%llu,nr_inodes=4096",
                 (unsigned long long)tmpfs_bytes);
        r = tmpfs_at("presize-shm", STAGE "/dev/shm", opts);
        if (r < 0)
                return r;
        /* Nothing more may be created in /dev. */
        struct mount_attr attr = {.attr_set = MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOEXEC};
        if (mount_setattr(AT_FDCWD, STAGE "/dev", 0, &attr, sizeof(attr)) < 0)
                return -errno;
        return 0;
}

static int loopback_up(void)
{
        int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (fd < 0)
                return -errno;
        struct ifreq ifr;
        memset(&ifr, 0, sizeof(ifr));
        strcpy(ifr.ifr_name, "lo");
        int r = 0;
        if (ioctl(fd, SIOCGIFFLAGS, &ifr) < 0)
                r = -errno;
        ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
        if (r == 0 && ioctl(fd, SIOCSIFFLAGS, &ifr) < 0)
                r = -errno;
        close(fd);
        return r;
}

static int setup_root(const struct init_config *cfg, int *step)
{
        char opts[128];
        int r;

        *step = STEP_MOUNT_PRIVATE;
        if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
                return -errno;
        *step = STEP_MOUNT_ROOT;
        if (mount("presize-root", STAGE, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755,size=1m") < 0)
                return -errno;
        *step = STEP_BIND;
        if ((r = setup_ro_dirs()) < 0)
                return r;

        *step = STEP_PROC;
        if (mkdir(STAGE "/proc", 0555) < 0)
                return -errno;
        if (mount("proc", STAGE "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) < 0)
                return -errno;
        if ((r = bind_ro(STAGE "/proc/sys", STAGE "/proc/sys")) < 0)
                return r;

        *step = STEP_DEV;
        if ((r = setup_dev(cfg->tmpfs_bytes)) < 0)
                return r;

        *step = STEP_TMPFS;
        snprintf(opts, sizeof(opts), "mode=1777,size=%llu,nr_inodes=65536",
                 (unsigned long long)cfg->tmpfs_bytes);
        if ((r = tmpfs_at("presize-tmp", STAGE "/tmp", opts)) < 0)
                return r;
        snprintf(opts, sizeof(opts), "mode=0755,uid=%d,gid=%d,size=%llu,nr_inodes=65536",
                 SANDBOX_UID, SANDBOX_GID, (unsigned long long)cfg->tmpfs_bytes);
        if ((r = tmpfs_at("presize-box", STAGE "/box", opts)) < 0)
                return r;

        *step = STEP_PIVOT;
        if (chdir(STAGE) < 0)
                return -errno;
        /* pivot_root(".", ".") stacks the old root on top of the new one; detaching "." then
         * drops the old root without needing a directory for it. */
        if (syscall(SYS_pivot_root, ".", ".") < 0)
                return -errno;
        if (umount2(".", MNT_DETACH) < 0)
                return -errno;
        if (chdir("/") < 0)
                return -errno;
        struct mount_attr attr = {.attr_set = MOUNT_ATTR_RDONLY};
        if (mount_setattr(AT_FDCWD, "/", 0, &attr, sizeof(attr)) < 0)
                return -errno;

        *step = STEP_HOSTNAME;
        if (sethostname("presize", 7) < 0)
                return -errno;
        if ((r = loopback_up()) < 0)
                return r;
        *step = STEP_NONE;
        return 0;
}

static int send_msg(int fd, const struct proto_msg *m)
{
        ssize_t w;
        do
                w = send(fd, m, sizeof(*m), MSG_NOSIGNAL);
        while (w < 0 && errno == EINTR);
        return w == (ssize_t)sizeof(*m) ? 0 : -EIO;
}

/* Receive an EXEC: header, payload and up to three fds. Returns 0, or -EPIPE on EOF. */
static int recv_exec(int fd, struct proto_msg *m, int fds[3])
{
        struct iovec iov[2] = {{m, sizeof(*m)}, {payload, sizeof(payload)}};
        union {
                char buf[CMSG_SPACE(3 * sizeof(int))];
                struct cmsghdr align;
        } cbuf;
        struct msghdr mh = {
            .msg_iov = iov,
            .msg_iovlen = 2,
            .msg_control = cbuf.buf,
            .msg_controllen = sizeof(cbuf.buf),
        };
        ssize_t n;
        do
                n = recvmsg(fd, &mh, MSG_CMSG_CLOEXEC);
        while (n < 0 && errno == EINTR);
        if (n <= 0)
                return -EPIPE;
        fds[0] = fds[1] = fds[2] = -1;
        for (struct cmsghdr *c = CMSG_FIRSTHDR(&mh); c; c = CMSG_NXTHDR(&mh, c)) {
                if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
                        size_t k = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
                        memcpy(fds, CMSG_DATA(c), (k > 3 ? 3 : k) * sizeof(int));
                }
        }
        if ((size_t)n < sizeof(*m) || m->type != MSG_EXEC || m->len != (size_t)n - sizeof(*m) ||
            m->argc == 0 || m->argc > PROTO_MAX_ARGS || m->envc > PROTO_MAX_ARGS)
                return -EINVAL;
        return 0;
}

/* Split the payload into job_argv and job_env (job entries first, so they override base_env). */
static int unpack(const struct proto_msg *m)
{
        char *p = payload, *end = payload + m->len;
        uint32_t i;
        for (i = 0; i < m->argc; i++) {
                char *z = memchr(p, '\0', (size_t)(end - p));
                if (!z)
                        return -EINVAL;
                job_argv[i] = p;
                p = z + 1;
        }
        job_argv[i] = NULL;
        uint32_t e = 0;
        for (i = 0; i < m->envc; i++) {
                char *z = memchr(p, '\0', (size_t)(end - p));
                if (!z)
                        return -EINVAL;
                job_env[e++] = p;
                p = z + 1;
        }
        for (const char *const *b = base_env; *b; b++)
                job_env[e++] = (char *)*b;
        job_env[e] = NULL;
        return 0;
}

static void child_fail(int errfd, int err)
{
        ssize_t w = write(errfd, &err, sizeof(err));
        (void)w;
        _exit(127);
}

static int write_str(const char *path, const char *s)
{
        int fd = open(path, O_WRONLY | O_CLOEXEC);
        if (fd < 0)
                return -errno;
        ssize_t n = write(fd, s, strlen(s));
        int r = n < 0 ? -errno : 0;
        close(fd);
        return r;
}

/* In the job's process (born inside the cgroup, as a child of the spawner): take the stdio fds,
 * confine, execve. Never returns. */
static void job_child(const struct init_config *cfg, const int fds[3], int errfd)
{
        sigset_t all;
        sigemptyset(&all);
        sigprocmask(SIG_SETMASK, &all, NULL);
        /* The job and everything it starts are the OOM killer's first choice, ahead of init and
         * the spawner (raising the score needs no capability; lowering theirs may be refused). */
        if (write_str("/proc/self/oom_score_adj", "1000") < 0)
                child_fail(errfd, -errno);
        if (setsid() < 0)
                child_fail(errfd, -errno);
        for (int i = 0; i < 3; i++)
                if (dup2(fds[i], i) < 0)
                        child_fail(errfd, -errno);
        /* Everything else closes at execve; errfd must stay open until then (it is CLOEXEC). */
        if (close_range(3, ~0U, CLOSE_RANGE_CLOEXEC) < 0)
                child_fail(errfd, -errno);
        if (chdir("/box") < 0)
                child_fail(errfd, -errno);
        int r = confine_apply(&cfg->limits, cfg->filter);
        if (r < 0)
                child_fail(errfd, r);

        if (strchr(job_argv[0], '/')) {
                execve(job_argv[0], job_argv, job_env);
                child_fail(errfd, -errno);
        }
        int err = -ENOENT;
        for (const char *const *d = exec_path; *d; d++) {
                snprintf(pathbuf, sizeof(pathbuf), "%s%s", *d, job_argv[0]);
                execve(pathbuf, job_argv, job_env);
                if (errno != ENOENT && errno != ENOTDIR)
                        err = -errno;
        }
        child_fail(errfd, err);
}

/* In the spawner: start the job, report whether execve worked, wait for the job's main process,
 * then kill and reap whatever it left and report its status. */
static void run_job(const struct init_config *cfg, const struct proto_msg *req, const int fds[3],
                    int sigfd)
{
        struct proto_msg m = {.type = MSG_STARTED};
        int ep[2];

        if (unpack(req) < 0) {
                m.err = -EINVAL;
                goto fail;
        }
        if (pipe2(ep, O_CLOEXEC) < 0) {
                m.err = -errno;
                goto fail;
        }
        m.t_start_ns = mono_ns();
        /* vfork: the child borrows this address space until its execve (or _exit) instead of
         * copying the page tables of a presize-sized process, and runs no atfork handlers (see
         * the top comment). job_child only makes system calls and writes static buffers, and
         * never returns. */
        pid_t pid = vfork();
        if (pid < 0) {
                m.err = -errno;
                m.step = STEP_FORK;
                close(ep[0]);
                close(ep[1]);
                goto fail;
        }
        if (pid == 0) {
                close(ep[0]);
                job_child(cfg, fds, ep[1]);
        }
        close(ep[1]);
        for (int i = 0; i < 3; i++)
                close(fds[i]);
        int err = 0;
        ssize_t n;
        do
                n = read(ep[0], &err, sizeof(err));
        while (n < 0 && errno == EINTR);
        close(ep[0]);
        if (n == (ssize_t)sizeof(err)) {
                /* execve failed: nothing of the job runs; reap it and wait for the next EXEC. */
                m.err = err;
                m.step = STEP_EXEC;
                while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
                        ;
                send_msg(cfg->ctl_fd, &m);
                return;
        }
        send_msg(cfg->ctl_fd, &m);

        int status = 0;
        bool done = false;
        struct pollfd pf[2] = {{sigfd, POLLIN, 0}, {cfg->ctl_fd, POLLIN, 0}};
        while (!done) {
                if (poll(pf, 2, -1) < 0) {
                        if (errno == EINTR)
                                continue;
                        _exit(1);
                }
                if (pf[1].revents & (POLLHUP | POLLERR | POLLIN))
                        _exit(0); /* the host is gone or destroying us: the kernel kills the rest */
                if (!(pf[0].revents & POLLIN))
                        continue;
                struct signalfd_siginfo si;
                while (read(sigfd, &si, sizeof(si)) > 0)
                        ;
                int st;
                pid_t w;
                while ((w = waitpid(-1, &st, WNOHANG)) > 0) {
                        if (w == pid) {
                                status = st;
                                done = true;
                        }
                }
        }
        m.type = MSG_EXITED;
        m.t_end_ns = mono_ns();
        m.status = status;
        /* Whatever the job left running goes with it. */
        kill(-1, SIGKILL);
        while (waitpid(-1, NULL, 0) > 0 || errno == EINTR)
                ;
        send_msg(cfg->ctl_fd, &m);
        return;
fail:
        for (int i = 0; i < 3; i++)
                if (fds[i] >= 0)
                        close(fds[i]);
        send_msg(cfg->ctl_fd, &m);
}

/* The spawner: a child of init that joins the cgroup once, at creation, so that a job forked from
 * it is born inside the cgroup. Moving a process between cgroups takes a global lock whose cost is
 * an RCU grace period (from tens of microseconds to milliseconds on a busy host); paying it here
 * keeps it off the exec path. It stays idle while the job runs, counts as one task in pids.max, and
 * is exempt from the OOM killer. */
static void spawner_main(const struct init_config *cfg, int sigfd)
{
        struct proto_msg m = {.type = MSG_READY};
        for (int i = 0; i < cfg->n_cg_fds && m.err == 0; i++)
                if (write(cfg->cg_fds[i], "0", 1) != 1)
                        m.err = -errno;
        for (int i = 0; i < cfg->n_cg_fds; i++)
                close(cfg->cg_fds[i]);
        /* Best effort: lowering it needs CAP_SYS_RESOURCE, which some hosts withhold even from
         * root. Without it the OOM killer still prefers the job, which is far larger. */
        (void)write_str("/proc/self/oom_score_adj", "-1000");
        if (send_msg(cfg->ctl_fd, &m) < 0 || m.err < 0)
                _exit(1);
        for (;;) {
                struct proto_msg req = {0};
                int fds[3];
                int r = recv_exec(cfg->ctl_fd, &req, fds);
                if (r == -EPIPE)
                        _exit(0);
                if (r < 0) {
                        struct proto_msg bad = {.type = MSG_STARTED, .err = r};
                        for (int i = 0; i < 3; i++)
                                if (fds[i] >= 0)
                                        close(fds[i]);
                        send_msg(cfg->ctl_fd, &bad);
                        continue;
                }
                run_job(cfg, &req, fds, sigfd);
        }
}

void sandbox_init_main(const struct init_config *cfg)
{
        struct proto_msg m = {.type = MSG_READY};
        int step = STEP_NONE;

        prctl(PR_SET_PDEATHSIG, SIGKILL);
        /* Our stdio is presize's; the job gets its own fds. Keep 0-2 occupied by /dev/null so
         * received fds never land there. */
        int nul = open("/dev/null", O_RDWR);
        for (int i = 0; i < 3; i++)
                if (nul >= 0 && nul != i)
                        dup2(nul, i);
        if (nul > 2)
                close(nul);

        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGCHLD);
        sigprocmask(SIG_BLOCK, &set, NULL);
        int sigfd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);

        m.err = sigfd < 0 ? -errno : setup_root(cfg, &step);
        m.step = step;
        /* Nothing init or the spawner does later needs a capability outside its permitted set,
         * and jobs must end with an empty bounding set: empty it once here, not in every job. */
        for (int c = 0; m.err == 0 && c < 64; c++)
                if (prctl(PR_CAPBSET_DROP, c, 0, 0, 0) < 0 && errno != EINVAL)
                        m.err = -errno;
        pid_t spawner = -1;
        if (m.err == 0) {
                spawner = (pid_t)syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0);
                if (spawner == 0)
                        spawner_main(cfg, sigfd);
                if (spawner < 0) {
                        m.err = -errno;
                        m.step = STEP_FORK;
                }
        }
        if (m.err < 0) {
                send_msg(cfg->ctl_fd, &m);
                _exit(1);
        }
        /* From here on init only reaps: the spawner talks to the host, and when it is gone the
         * host sees the socket close. */
        close(cfg->ctl_fd);
        for (int i = 0; i < cfg->n_cg_fds; i++)
                close(cfg->cg_fds[i]);
        struct pollfd pf = {sigfd, POLLIN, 0};
        for (;;) {
                if (poll(&pf, 1, -1) < 0 && errno != EINTR)
                        _exit(1);
                struct signalfd_siginfo si;
                while (read(sigfd, &si, sizeof(si)) > 0)
                        ;
                while (waitpid(-1, NULL, WNOHANG) > 0)
                        ;
        }
}
