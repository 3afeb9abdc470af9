/* Sandbox networking, for real, as root: veth pairs into throwaway network namespaces, a TCP/UDP
 * server on the host at 10.213.0.1, clients inside the namespaces. Traffic stays on this machine:
 * only between the host and namespaces this test creates.
 *
 * A "box" is a forked child that unshare(CLONE_NEWNET)s and waits for its control pipe to close.
 * A client is a forked child that setns()-es into a box's namespace, does one thing and reports a
 * struct result through a pipe. Test ids are 7e57xx so that teardown can remove exactly ours. */
#include "sandbox/net.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <ifaddrs.h>
#include <inttypes.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#define MB 1000000ull

static uint64_t mono_ns(void)
{
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static uint32_t host_addr(void)
{
        return inet_addr(NET_HOST_ADDR);
}

/* ---- boxes -------------------------------------------------------------------------------- */

struct box {
        pid_t pid;
        int ctl; /* closing it ends the box */
};

static int box_start(struct box *b)
{
        int ready[2], ctl[2];
        if (pipe2(ready, O_CLOEXEC) < 0 || pipe2(ctl, O_CLOEXEC) < 0)
                return -errno;
        pid_t pid = fork();
        if (pid < 0)
                return -errno;
        if (pid == 0) {
                close(ready[0]);
                close(ctl[1]);
                int err = unshare(CLONE_NEWNET) < 0 ? errno : 0;
                if (write(ready[1], &err, sizeof(err)) != sizeof(err))
                        _exit(1);
                char c;
                while (read(ctl[0], &c, 1) > 0)
                        ;
                _exit(0);
        }
        close(ready[1]);
        close(ctl[0]);
        int err = EIO;
        ssize_t r = read(ready[0], &err, sizeof(err));
        close(ready[0]);
        b->pid = pid;
        b->ctl = ctl[1];
        return r == sizeof(err) && err == 0 ? 0 : -err;
}

static void box_stop(struct box *b)
{
        if (b->pid <= 0)
                return;
        /* Other children inherited the control pipe: closing ours is not enough to end it. */
        close(b->ctl);
        kill(b->pid, SIGKILL);
        waitpid(b->pid, NULL, 0);
        b->pid = 0;
}

/* ---- the host server ---------------------------------------------------------------------- */

/* Request: one command byte and a uint64_t count. 'D': the server sends count bytes. 'U': the
 * server reads count bytes and answers one byte. Connections are served one at a time. */
struct server {
        int lfd;
        uint16_t port;
        pthread_t thread;
        atomic_bool stop;
        bool running;
};

static int listen_on(int type, uint16_t port, uint16_t *bound)
{
        int fd = socket(AF_INET, type | SOCK_CLOEXEC, 0);
        if (fd < 0)
                return -errno;
        int one = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
        /* 10.213.0.1 exists only while some veth does: bind to it ahead of time. */
        setsockopt(fd, IPPROTO_IP, IP_FREEBIND, &one, sizeof(one));
        struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons(port)};
        sa.sin_addr.s_addr = host_addr();
        socklen_t len = sizeof(sa);
        if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
            (type == SOCK_STREAM && listen(fd, 16) < 0) ||
            getsockname(fd, (struct sockaddr *)&sa, &len) < 0) {
                int e = errno;
                close(fd);
                return -e;
        }
        *bound = ntohs(sa.sin_port);
        return fd;
}

static void set_timeouts(int fd, int sec)
{
        struct timeval tv = {.tv_sec = sec};
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
}

static bool read_full(int fd, void *buf, size_t n)
{
        char *p = buf;
        while (n) {
                ssize_t r = read(fd, p, n);
                if (r <= 0)
                        return false;
                p += r;
                n -= (size_t)r;
        }
        return true;
}

static bool write_full(int fd, const void *buf, size_t n)
{
        const char *p = buf;
        while (n) {
                ssize_t w = write(fd, p, n);
                if (w <= 0)
                        return false;
                p += w;
                n -= (size_t)w;
        }
        return true;
}

static void serve(int c)
{
        static char buf[65536];
        char hdr[1 + sizeof(uint64_t)];
        uint64_t n;
        set_timeouts(c, 30);
        if (!read_full(c, hdr, sizeof(hdr)))
                return;
        memcpy(&n, hdr + 1, sizeof(n));
        if (hdr[0] == 'D') {
                while (n) {
                        size_t k = n < sizeof(buf) ? n : sizeof(buf);
                        if (!write_full(c, buf, k))
                                return;
                        n -= k;
                }
        } else if (hdr[0] == 'U') {
                while (n) {
                        ssize_t r = read(c, buf, n < sizeof(buf) ? n : sizeof(buf));
                        if (r <= 0)
                                return;
                        n -= (uint64_t)r;
                }
                write_full(c, "k", 1);
        }
}

static void *server_main(void *p)
{
        struct server *s = p;
        while (!atomic_load(&s->stop)) {
                struct pollfd pfd = {.fd = s->lfd, .events = POLLIN};
                if (poll(&pfd, 1, 100) <= 0)
                        continue;
                int c = accept4(s->lfd, NULL, NULL, SOCK_CLOEXEC);
                if (c < 0)
                        continue;
                serve(c);
                close(c);
        }
        return NULL;
}

static int server_start(struct server *s)
{
        s->lfd = listen_on(SOCK_STREAM, 0, &s->port);
        if (s->lfd < 0)
                return s->lfd;
        atomic_store(&s->stop, false);
        if (pthread_create(&s->thread, NULL, server_main, s)) {
                close(s->lfd);
                return -EAGAIN;
        }
        s->running = true;
        return 0;
}

static void server_stop(struct server *s)
{
        if (!s->running)
                return;
        atomic_store(&s->stop, true);
        pthread_join(s->thread, NULL);
        close(s->lfd);
        s->running = false;
}

/* ---- clients inside a box ----------------------------------------------------------------- */

struct result {
        int err; /* 0 or an errno */
        uint64_t bytes;
        uint64_t ns;
        char text[16];
};

struct op {
        int (*fn)(const struct op *op, struct result *r);
        uint32_t addr; /* network order */
        uint16_t port;
        char cmd; /* 'D' or 'U' */
        uint64_t n;
};

static struct result in_box(pid_t box, const struct op *op)
{
        struct result r = {.err = EIO};
        int p[2];
        if (pipe2(p, O_CLOEXEC) < 0)
                return r;
        pid_t pid = fork();
        if (pid == 0) {
                close(p[0]);
                char path[64];
                snprintf(path, sizeof(path), "/proc/%d/ns/net", (int)box);
                int fd = open(path, O_RDONLY | O_CLOEXEC);
                if (fd < 0 || setns(fd, CLONE_NEWNET) < 0)
                        r.err = errno;
                else
                        r.err = op->fn(op, &r);
                _exit(write(p[1], &r, sizeof(r)) == sizeof(r) ? 0 : 1);
        }
        close(p[1]);
        if (pid > 0) {
                struct pollfd pfd = {.fd = p[0], .events = POLLIN};
                if (poll(&pfd, 1, 60000) <= 0 || read(p[0], &r, sizeof(r)) != sizeof(r)) {
                        r.err = ETIMEDOUT;
                        kill(pid, SIGKILL);
                }
                waitpid(pid, NULL, 0);
        }
        close(p[0]);
        return r;
}

static int connect_to(uint32_t addr, uint16_t port, int type)
{
        int fd = socket(AF_INET, type | SOCK_CLOEXEC, 0);
        if (fd < 0)
                return -errno;
        set_timeouts(fd, 20);
        struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons(port)};
        sa.sin_addr.s_addr = addr;
        if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
                int e = errno;
                close(fd);
                return -e;
        }
        return fd;
}

/* Download or upload op->n bytes; r->ns from the request to the last byte (or the ack). */
static int op_xfer(const struct op *op, struct result *r)
{
        static char buf[65536];
        int fd = connect_to(op->addr, op->port, SOCK_STREAM);
        if (fd < 0)
                return -fd;
        char hdr[1 + sizeof(uint64_t)];
        hdr[0] = op->cmd;
        memcpy(hdr + 1, &op->n, sizeof(op->n));
        uint64_t t0 = mono_ns();
        if (!write_full(fd, hdr, sizeof(hdr)))
                return errno ? errno : EIO;
        if (op->cmd == 'D') {
                for (;;) {
                        ssize_t k = read(fd, buf, sizeof(buf));
                        if (k < 0)
                                return errno;
                        if (k == 0)
                                break;
                        r->bytes += (uint64_t)k;
                }
        } else {
                uint64_t n = op->n;
                while (n) {
                        size_t k = n < sizeof(buf) ? n : sizeof(buf);
                        if (!write_full(fd, buf, k))
                                return errno ? errno : EIO;
                        n -= k;
                        r->bytes += k;
                }
                char ack;
                if (!read_full(fd, &ack, 1))
                        return errno ? errno : EIO;
        }
        r->ns = mono_ns() - t0;
        close(fd);
        return 0;
}

/* Non-blocking connect, one second to complete. 0 when connected. */
static int op_try_connect(const struct op *op, struct result *r)
{
        (void)r;
        int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0)
                return errno;
        struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons(op->port)};
        sa.sin_addr.s_addr = op->addr;
        if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0)
                return 0;
        if (errno != EINPROGRESS)
                return errno;
        struct pollfd pfd = {.fd = fd, .events = POLLOUT};
        if (poll(&pfd, 1, 1000) == 0)
                return ETIMEDOUT;
        int err = 0;
        socklen_t len = sizeof(err);
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
        return err;
}

/* Send one UDP datagram. */
static int op_udp_send(const struct op *op, struct result *r)
{
        (void)r;
        static char buf[4000]; /* more than the MTU: sent as IPv4 fragments */
        size_t n = op->n ? op->n : 4;
        int fd = connect_to(op->addr, op->port, SOCK_DGRAM);
        if (fd < 0)
                return -fd;
        int pmtu = IP_PMTUDISC_DONT; /* let the kernel fragment */
        setsockopt(fd, IPPROTO_IP, IP_MTU_DISCOVER, &pmtu, sizeof(pmtu));
        ssize_t w = send(fd, buf, n, 0);
        close(fd);
        return w == (ssize_t)n ? 0 : errno;
}

static int op_read_disable_ipv6(const struct op *op, struct result *r)
{
        (void)op;
        int fd = open("/proc/sys/net/ipv6/conf/eth0/disable_ipv6", O_RDONLY | O_CLOEXEC);
        if (fd < 0)
                return errno;
        ssize_t k = read(fd, r->text, sizeof(r->text) - 1);
        close(fd);
        return k > 0 ? 0 : EIO;
}

/* Listen and connect on 127.0.0.1: works only with loopback up. */
static int op_loopback(const struct op *op, struct result *r)
{
        (void)op;
        (void)r;
        int l = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        struct sockaddr_in sa = {.sin_family = AF_INET};
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof(sa);
        if (bind(l, (struct sockaddr *)&sa, sizeof(sa)) < 0 || listen(l, 1) < 0 ||
            getsockname(l, (struct sockaddr *)&sa, &len) < 0)
                return errno;
        int c = connect_to(sa.sin_addr.s_addr, ntohs(sa.sin_port), SOCK_STREAM);
        return c < 0 ? -c : 0;
}

/* ---- host-side checks --------------------------------------------------------------------- */

static bool link_exists(const char *name)
{
        return if_nametoindex(name) != 0;
}

/* Is there an IPv4 route to addr (network order) in the main table, or via a device named
 * with prefix? */
static bool route_exists(uint32_t addr, const char *dev_prefix)
{
        FILE *f = fopen("/proc/net/route", "re");
        if (!f)
                return false;
        char line[256], dev[IFNAMSIZ + 1];
        unsigned dst;
        bool found = false;
        while (fgets(line, sizeof(line), f))
                if (sscanf(line, "%16s %x", dev, &dst) == 2 &&
                    ((addr && dst == addr) ||
                     (dev_prefix && !strncmp(dev, dev_prefix, strlen(dev_prefix)))))
                        found = true;
        fclose(f);
        return found;
}

static int run(const char *const argv[])
{
        pid_t pid = fork();
        if (pid == 0) {
                int null = open("/dev/null", O_RDWR);
                dup2(null, 1);
                dup2(null, 2);
                execv(argv[0], (char *const *)argv);
                _exit(127);
        }
        int st = 0;
        if (pid < 0 || waitpid(pid, &st, 0) < 0)
                return -1;
        return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* ---- fixture ------------------------------------------------------------------------------ */

#define N_BOX 2
/* ids[2] starts its address search where ids[0] does: 0x8156f7 == 0x7e5700 + 3 * 65533. */
static const char *const ids[] = {"7e5700", "7e5701", "8156f7"};

struct fx {
        struct box box[N_BOX];
        struct sandbox_net *net[N_BOX];
        struct server srv;
};

static void remove_test_links(void)
{
        for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
                char name[IFNAMSIZ];
                snprintf(name, sizeof(name), "presize-%s", ids[i]);
                if (link_exists(name))
                        run((const char *const[]){"/usr/sbin/ip", "link", "del", name, NULL});
        }
        if (link_exists("presize-dead01"))
                run((const char *const[]){"/usr/sbin/ip", "link", "del", "presize-dead01", NULL});
}

static int setup(void **state)
{
        struct fx *f = calloc(1, sizeof(*f));
        if (!f)
                return -1;
        *state = f;
        for (int i = 0; i < N_BOX; i++)
                if (box_start(&f->box[i]) < 0)
                        return -1;
        return server_start(&f->srv) < 0 ? -1 : 0;
}

static int teardown(void **state)
{
        struct fx *f = *state;
        for (int i = 0; i < N_BOX; i++) {
                net_destroy(f->net[i]);
                box_stop(&f->box[i]);
        }
        server_stop(&f->srv);
        free(f);
        remove_test_links();
        return 0;
}

static struct alloc net_alloc(uint64_t rate, uint16_t port)
{
        struct alloc a = {.cpu_millicores = 1000, .memory_bytes = 1 << 28, .pids = 64};
        a.network = true;
        a.net_rate_bps = rate;
        a.n_allow = 1;
        a.allow[0].addr = host_addr();
        a.allow[0].port = port;
        return a;
}

static struct result xfer(struct fx *f, int box, char cmd, uint64_t n)
{
        struct op op = {
            .fn = op_xfer, .addr = host_addr(), .port = f->srv.port, .cmd = cmd, .n = n};
        return in_box(f->box[box].pid, &op);
}

static double mbyte_per_s(const struct result *r)
{
        return (double)r->bytes / ((double)r->ns / 1e9) / 1e6;
}

/* ---- tests -------------------------------------------------------------------------------- */

/* (1) An allowed HOST:PORT works, and net_read counts what went through. */
static void test_download_allowed(void **state)
{
        struct fx *f = *state;
        struct alloc a = net_alloc(0, f->srv.port);
        assert_int_equal(net_create(ids[0], f->box[0].pid, &a, &f->net[0]), 0);
        const char *addr = net_sandbox_addr(f->net[0]);
        assert_non_null(addr);
        assert_int_equal(strncmp(addr, "10.213.", 7), 0);
        assert_true(link_exists("presize-7e5700"));

        const uint64_t n = 4 * MB;
        struct result r = xfer(f, 0, 'D', n);
        assert_int_equal(r.err, 0);
        assert_int_equal(r.bytes, n);
        uint64_t rx, tx;
        assert_int_equal(net_read(f->net[0], &rx, &tx), 0);
        print_message("download %" PRIu64 " B: rx %" PRIu64 " tx %" PRIu64 "\n", n, rx, tx);
        assert_true(rx >= n);
        assert_true(rx <= n + n / 10);
        assert_true(tx > 0 && tx < n / 10);

        r = xfer(f, 0, 'U', n);
        assert_int_equal(r.err, 0);
        uint64_t rx2, tx2;
        assert_int_equal(net_read(f->net[0], &rx2, &tx2), 0);
        assert_true(tx2 - tx >= n);
        assert_true(tx2 - tx <= n + n / 10);
}

/* (2) Another port of the same host, TCP or UDP, does not get through; IPv6 is off on eth0. */
static void test_other_port_blocked(void **state)
{
        struct fx *f = *state;
        uint16_t other_port;
        int other = listen_on(SOCK_STREAM, 0, &other_port);
        assert_true(other >= 0);
        uint16_t udp_ok_port, udp_other_port;
        int udp_ok = listen_on(SOCK_DGRAM, f->srv.port, &udp_ok_port);
        int udp_other = listen_on(SOCK_DGRAM, other_port, &udp_other_port);
        assert_true(udp_ok >= 0 && udp_other >= 0);

        struct alloc a = net_alloc(0, f->srv.port);
        assert_int_equal(net_create(ids[0], f->box[0].pid, &a, &f->net[0]), 0);

        struct op op = {.fn = op_try_connect, .addr = host_addr(), .port = other_port};
        struct result r = in_box(f->box[0].pid, &op);
        print_message("connect to a port not allowed: %s\n", strerror(r.err));
        assert_int_not_equal(r.err, 0);
        op.port = f->srv.port;
        r = in_box(f->box[0].pid, &op);
        assert_int_equal(r.err, 0);

        /* UDP: the allowed port receives, the other does not. */
        op.fn = op_udp_send;
        op.port = other_port;
        in_box(f->box[0].pid, &op);
        op.port = f->srv.port;
        r = in_box(f->box[0].pid, &op);
        assert_int_equal(r.err, 0);
        struct pollfd p[2] = {{.fd = udp_ok, .events = POLLIN},
                              {.fd = udp_other, .events = POLLIN}};
        poll(p, 2, 500);
        assert_true(p[0].revents & POLLIN);
        assert_false(p[1].revents & POLLIN);
        char dgram[8192];
        assert_int_equal(recv(udp_ok, dgram, sizeof(dgram), 0), 4);

        /* A datagram larger than the MTU goes as fragments: only the first has the ports. */
        op.n = 4000;
        op.port = other_port;
        in_box(f->box[0].pid, &op);
        op.port = f->srv.port;
        assert_int_equal(in_box(f->box[0].pid, &op).err, 0);
        p[0].revents = p[1].revents = 0;
        poll(p, 2, 500);
        assert_true(p[0].revents & POLLIN);
        assert_false(p[1].revents & POLLIN);
        assert_int_equal(recv(udp_ok, dgram, sizeof(dgram), 0), 4000);
        op.n = 0;

        op.fn = op_read_disable_ipv6;
        r = in_box(f->box[0].pid, &op);
        assert_int_equal(r.err, 0);
        assert_int_equal(r.text[0], '1');
        close(other);
        close(udp_ok);
        close(udp_other);
}

/* Each filter holds on its own. Box 0 loses its sandbox-end filter (as if the sandbox had got
 * CAP_NET_ADMIN in its namespace), box 1 its host-end filter: other ports stay closed in both. */
static void test_each_filter_alone(void **state)
{
        struct fx *f = *state;
        uint16_t other_port;
        int other = listen_on(SOCK_STREAM, 0, &other_port);
        assert_true(other >= 0);
        struct alloc a = net_alloc(0, f->srv.port);
        assert_int_equal(net_create(ids[0], f->box[0].pid, &a, &f->net[0]), 0);
        assert_int_equal(net_create(ids[1], f->box[1].pid, &a, &f->net[1]), 0);
        char pid[16];
        snprintf(pid, sizeof(pid), "%d", (int)f->box[0].pid);
        assert_int_equal(
            run((const char *const[]){"/usr/bin/nsenter", "-t", pid, "-n", "/usr/sbin/tc", "qdisc",
                                      "del", "dev", "eth0", "clsact", NULL}),
            0);
        assert_int_equal(run((const char *const[]){"/usr/sbin/tc", "qdisc", "del", "dev",
                                                   "presize-7e5701", "clsact", NULL}),
                         0);
        for (int i = 0; i < 2; i++) {
                struct op op = {.fn = op_try_connect, .addr = host_addr(), .port = other_port};
                assert_int_not_equal(in_box(f->box[i].pid, &op).err, 0);
                op.port = f->srv.port;
                assert_int_equal(in_box(f->box[i].pid, &op).err, 0);
        }
        close(other);
}

/* (3) Nothing else is routed: ENETUNREACH at once, no packet leaves. */
static void test_no_route(void **state)
{
        struct fx *f = *state;
        struct alloc a = net_alloc(0, f->srv.port);
        assert_int_equal(net_create(ids[0], f->box[0].pid, &a, &f->net[0]), 0);
        const char *dsts[] = {"10.213.200.200", "203.0.113.7"};
        for (size_t i = 0; i < 2; i++) {
                struct op op = {.fn = op_try_connect, .addr = inet_addr(dsts[i]), .port = 80};
                uint64_t t0 = mono_ns();
                struct result r = in_box(f->box[0].pid, &op);
                assert_int_equal(r.err, ENETUNREACH);
                assert_true(mono_ns() - t0 < 500000000ull);
        }
}

/* (4) 8 Mbit/s download is 1 MB/s; a live change to 16 Mbit/s doubles it; 0 lifts it. */
static void test_rate_download(void **state)
{
        struct fx *f = *state;
        struct alloc a = net_alloc(8 * MB, f->srv.port);
        assert_int_equal(net_create(ids[0], f->box[0].pid, &a, &f->net[0]), 0);
        struct result r8 = xfer(f, 0, 'D', 3 * MB);
        assert_int_equal(r8.err, 0);
        double m8 = mbyte_per_s(&r8);
        print_message("download at 8 Mbit/s: %.3f MB/s\n", m8);
        assert_true(m8 > 0.85 && m8 < 1.15);

        assert_int_equal(net_set_rate(f->net[0], 16 * MB), 0);
        struct result r16 = xfer(f, 0, 'D', 6 * MB);
        assert_int_equal(r16.err, 0);
        double m16 = mbyte_per_s(&r16);
        print_message("download at 16 Mbit/s (changed live): %.3f MB/s, x%.2f\n", m16, m16 / m8);
        assert_true(m16 / m8 > 1.6 && m16 / m8 < 2.4);

        assert_int_equal(net_set_rate(f->net[0], 0), 0);
        struct result r0 = xfer(f, 0, 'D', 20 * MB);
        assert_int_equal(r0.err, 0);
        print_message("download unshaped: %.1f MB/s\n", mbyte_per_s(&r0));
        assert_true(mbyte_per_s(&r0) > 3 * m16);

        assert_int_equal(net_set_rate(f->net[0], 8 * MB), 0); /* from none to some, live */
        r8 = xfer(f, 0, 'D', 2 * MB);
        assert_int_equal(r8.err, 0);
        print_message("download at 8 Mbit/s again: %.3f MB/s\n", mbyte_per_s(&r8));
        assert_true(mbyte_per_s(&r8) > 0.85 && mbyte_per_s(&r8) < 1.15);
}

/* (5) The upload direction is shaped too, and changes live. */
static void test_rate_upload(void **state)
{
        struct fx *f = *state;
        struct alloc a = net_alloc(8 * MB, f->srv.port);
        assert_int_equal(net_create(ids[0], f->box[0].pid, &a, &f->net[0]), 0);
        struct result r8 = xfer(f, 0, 'U', 3 * MB);
        assert_int_equal(r8.err, 0);
        double m8 = mbyte_per_s(&r8);
        print_message("upload at 8 Mbit/s: %.3f MB/s\n", m8);
        assert_true(m8 > 0.85 && m8 < 1.15);

        assert_int_equal(net_set_rate(f->net[0], 16 * MB), 0);
        struct result r16 = xfer(f, 0, 'U', 6 * MB);
        assert_int_equal(r16.err, 0);
        double m16 = mbyte_per_s(&r16);
        print_message("upload at 16 Mbit/s (changed live): %.3f MB/s, x%.2f\n", m16, m16 / m8);
        assert_true(m16 / m8 > 1.6 && m16 / m8 < 2.4);
}

/* (6) After destroy and the namespace's end, nothing of ours is left on the host. */
static void test_destroy_leaves_nothing(void **state)
{
        struct fx *f = *state;
        struct alloc a = net_alloc(8 * MB, f->srv.port);
        assert_int_equal(net_create(ids[0], f->box[0].pid, &a, &f->net[0]), 0);
        uint32_t addr = inet_addr(net_sandbox_addr(f->net[0]));
        assert_true(route_exists(addr, NULL));
        assert_true(link_exists("presize-7e5700"));

        uint64_t t0 = mono_ns();
        net_destroy(f->net[0]);
        print_message("net_destroy: %.3f ms\n", (double)(mono_ns() - t0) / 1e6);
        f->net[0] = NULL;
        box_stop(&f->box[0]);
        assert_false(link_exists("presize-7e5700"));
        assert_false(route_exists(addr, NULL));
        assert_false(route_exists(0, "presize-7e57"));
        struct ifaddrs *ifa;
        assert_int_equal(getifaddrs(&ifa), 0);
        for (struct ifaddrs *i = ifa; i; i = i->ifa_next)
                assert_false(!strncmp(i->ifa_name, "presize-7e57", 12));
        freeifaddrs(ifa);
}

/* The sandbox's processes end first: the veth stays (our socket holds the namespace) until
 * net_destroy, which still removes everything. */
static void test_destroy_after_exit(void **state)
{
        struct fx *f = *state;
        struct alloc a = net_alloc(8 * MB, f->srv.port);
        assert_int_equal(net_create(ids[0], f->box[0].pid, &a, &f->net[0]), 0);
        uint32_t addr = inet_addr(net_sandbox_addr(f->net[0]));
        box_stop(&f->box[0]);
        assert_true(link_exists("presize-7e5700"));
        uint64_t rx, tx;
        assert_int_equal(net_read(f->net[0], &rx, &tx), 0);
        assert_int_equal(net_set_rate(f->net[0], 16 * MB), 0);
        net_destroy(f->net[0]);
        f->net[0] = NULL;
        assert_false(link_exists("presize-7e5700"));
        assert_false(route_exists(addr, NULL));
}

/* A failure inside the kernel's part leaves nothing: here the namespace already has an eth0. */
static void test_failure_leaves_nothing(void **state)
{
        struct fx *f = *state;
        char pid[16];
        snprintf(pid, sizeof(pid), "%d", (int)f->box[0].pid);
        assert_int_equal(
            run((const char *const[]){"/usr/bin/nsenter", "-t", pid, "-n", "/usr/sbin/ip", "link",
                                      "add", "eth0", "type", "veth", "peer", "name", "eth1", NULL}),
            0);
        struct alloc a = net_alloc(8 * MB, f->srv.port);
        assert_int_equal(net_create(ids[0], f->box[0].pid, &a, &f->net[0]), -EEXIST);
        assert_null(f->net[0]);
        assert_false(link_exists("presize-7e5700"));
        assert_false(route_exists(0, "presize-7e57"));
        /* A namespace that is gone. */
        struct box gone;
        assert_int_equal(box_start(&gone), 0);
        pid_t gone_pid = gone.pid;
        box_stop(&gone);
        assert_int_equal(net_create(ids[0], gone_pid, &a, &f->net[0]), -ENOENT);
        assert_false(link_exists("presize-7e5700"));
}

struct create_args {
        const char *id;
        pid_t pid;
        struct alloc a;
        struct sandbox_net *n;
        int r;
};

static void *create_thread(void *p)
{
        struct create_args *c = p;
        c->r = net_create(c->id, c->pid, &c->a, &c->n);
        return NULL;
}

/* Two creates racing for the same first-choice address, from two threads: one each. */
static void test_concurrent_claim(void **state)
{
        struct fx *f = *state;
        struct create_args c[2] = {
            {.id = ids[0], .pid = f->box[0].pid, .a = net_alloc(0, f->srv.port)},
            {.id = ids[2], .pid = f->box[1].pid, .a = net_alloc(0, f->srv.port)},
        };
        pthread_t t[2];
        for (int i = 0; i < 2; i++)
                assert_int_equal(pthread_create(&t[i], NULL, create_thread, &c[i]), 0);
        for (int i = 0; i < 2; i++) {
                pthread_join(t[i], NULL);
                f->net[i] = c[i].n;
        }
        assert_int_equal(c[0].r, 0);
        assert_int_equal(c[1].r, 0);
        assert_string_not_equal(net_sandbox_addr(c[0].n), net_sandbox_addr(c[1].n));
        assert_int_equal(xfer(f, 0, 'D', MB).err, 0);
        assert_int_equal(xfer(f, 1, 'D', MB).err, 0);
}

/* (7) Two sandboxes at once get different addresses even when their ids start the search at
 * the same one; both work; the shared host address survives the first one's destroy. The same
 * id twice is refused. */
static void test_two_sandboxes(void **state)
{
        struct fx *f = *state;
        struct alloc a = net_alloc(0, f->srv.port);
        assert_int_equal(net_create(ids[0], f->box[0].pid, &a, &f->net[0]), 0);
        assert_int_equal(net_create(ids[1], f->box[1].pid, &a, &f->net[1]), 0);
        const char *a0 = net_sandbox_addr(f->net[0]), *a1 = net_sandbox_addr(f->net[1]);
        print_message("addresses: %s %s\n", a0, a1);
        assert_string_not_equal(a0, a1);

        struct sandbox_net *dup = NULL;
        assert_int_equal(net_create(ids[0], f->box[1].pid, &a, &dup), -EEXIST);
        assert_null(dup);

        assert_int_equal(xfer(f, 0, 'D', MB).err, 0);
        assert_int_equal(xfer(f, 1, 'D', MB).err, 0);
        net_destroy(f->net[0]);
        f->net[0] = NULL;
        struct result r = xfer(f, 1, 'D', MB);
        assert_int_equal(r.err, 0);
        assert_int_equal(r.bytes, MB);
}

/* (7b) The address claim moves on when the first choice is taken. */
static void test_address_collision(void **state)
{
        struct fx *f = *state;
        struct alloc a = net_alloc(0, f->srv.port);
        assert_int_equal(net_create(ids[0], f->box[0].pid, &a, &f->net[0]), 0);
        const char *id = ids[2];
        assert_int_equal(strtoul(id, NULL, 16) % 65533, strtoul(ids[0], NULL, 16) % 65533);
        assert_int_equal(net_create(id, f->box[1].pid, &a, &f->net[1]), 0);
        const char *a0 = net_sandbox_addr(f->net[0]), *a1 = net_sandbox_addr(f->net[1]);
        print_message("colliding ids %s %s: %s %s\n", ids[0], id, a0, a1);
        assert_string_not_equal(a0, a1);
        assert_int_equal(xfer(f, 1, 'D', MB).err, 0);
        net_destroy(f->net[1]);
        f->net[1] = NULL;
        char name[IFNAMSIZ];
        snprintf(name, sizeof(name), "presize-%s", id);
        assert_false(link_exists(name));
}

/* (8) Bad input: refused before anything is created. */
static void test_invalid(void **state)
{
        struct fx *f = *state;
        struct sandbox_net *n = NULL;
        struct alloc a = net_alloc(0, f->srv.port);
        a.allow[0].addr = htonl(INADDR_LOOPBACK); /* the host's loopback is not reachable */
        assert_int_equal(net_create(ids[0], f->box[0].pid, &a, &n), -EINVAL);
        a.allow[0].addr = inet_addr("127.1.2.3");
        assert_int_equal(net_create(ids[0], f->box[0].pid, &a, &n), -EINVAL);
        a.allow[0].addr = inet_addr("10.213.7.7"); /* another sandbox */
        assert_int_equal(net_create(ids[0], f->box[0].pid, &a, &n), -EINVAL);
        a.allow[0].addr = host_addr();
        a.allow[0].port = 0;
        assert_int_equal(net_create(ids[0], f->box[0].pid, &a, &n), -EINVAL);
        a = net_alloc(0, f->srv.port);
        a.n_allow = NET_ALLOW_MAX + 1;
        assert_int_equal(net_create(ids[0], f->box[0].pid, &a, &n), -EINVAL);
        a = net_alloc(0, f->srv.port);
        assert_int_equal(net_create("7e57", f->box[0].pid, &a, &n), -EINVAL);
        assert_int_equal(net_create("7e57zz", f->box[0].pid, &a, &n), -EINVAL);
        assert_int_equal(net_create("../../", f->box[0].pid, &a, &n), -EINVAL);
        assert_null(n);
        assert_false(link_exists("presize-7e5700"));
        net_destroy(NULL);
}

/* A full allow list: every entry reachable, nothing else. */
static void test_many_allowed(void **state)
{
        struct fx *f = *state;
        struct alloc a = net_alloc(0, f->srv.port);
        a.n_allow = NET_ALLOW_MAX;
        for (unsigned i = 1; i < NET_ALLOW_MAX; i++) {
                a.allow[i].addr = inet_addr("198.51.100.250"); /* TEST-NET-2: routed, never used */
                a.allow[i].port = (uint16_t)(1000 + i);
        }
        assert_int_equal(net_create(ids[0], f->box[0].pid, &a, &f->net[0]), 0);
        assert_int_equal(xfer(f, 0, 'D', MB).err, 0);
}

static void test_loopback_up(void **state)
{
        struct fx *f = *state;
        struct op op = {.fn = op_loopback};
        assert_int_not_equal(in_box(f->box[0].pid, &op).err, 0);
        uint64_t t0 = mono_ns();
        assert_int_equal(net_loopback_up(f->box[0].pid), 0);
        uint64_t dt = mono_ns() - t0;
        assert_int_equal(in_box(f->box[0].pid, &op).err, 0);
        t0 = mono_ns();
        for (int i = 0; i < 100; i++)
                assert_int_equal(net_loopback_up(f->box[1].pid), 0);
        print_message("net_loopback_up: first %.1f us, mean of 100 %.1f us\n", (double)dt / 1e3,
                      (double)(mono_ns() - t0) / 1e5);
        assert_int_equal(net_loopback_up(999999999), -ENOENT);
}

/* Leftovers: a presize-* link whose owner process is gone is removed; a live one is kept. */
static void test_cleanup_leftovers(void **state)
{
        struct fx *f = *state;
        struct alloc a = net_alloc(0, f->srv.port);
        assert_int_equal(net_create(ids[0], f->box[0].pid, &a, &f->net[0]), 0);

        pid_t dead = fork();
        if (dead == 0)
                _exit(0);
        waitpid(dead, NULL, 0);
        char alias[64];
        snprintf(alias, sizeof(alias), "presize:%d:12345", (int)dead);
        assert_int_equal(
            run((const char *const[]){"/usr/sbin/ip", "link", "add", "presize-dead01", "type",
                                      "veth", "peer", "name", "pzt-dead01", NULL}),
            0);
        assert_int_equal(run((const char *const[]){"/usr/sbin/ip", "link", "set", "presize-dead01",
                                                   "alias", alias, NULL}),
                         0);
        int r = net_cleanup_leftovers();
        assert_true(r >= 1);
        assert_false(link_exists("presize-dead01"));
        assert_false(link_exists("pzt-dead01"));
        assert_true(link_exists("presize-7e5700"));
        assert_int_equal(xfer(f, 0, 'D', MB).err, 0);
}

/* Create and destroy latency. */
static void test_latency(void **state)
{
        struct fx *f = *state;
        struct alloc a = net_alloc(8 * MB, f->srv.port);
        a.n_allow = 4;
        for (unsigned i = 1; i < 4; i++) {
                a.allow[i].addr = inet_addr("198.51.100.250");
                a.allow[i].port = (uint16_t)(1000 + i);
        }
        const int runs = 20;
        uint64_t create = 0, destroy = 0, create_max = 0;
        for (int i = 0; i < runs; i++) {
                uint64_t t0 = mono_ns();
                assert_int_equal(net_create(ids[0], f->box[0].pid, &a, &f->net[0]), 0);
                uint64_t t1 = mono_ns();
                net_destroy(f->net[0]);
                f->net[0] = NULL;
                uint64_t t2 = mono_ns();
                create += t1 - t0;
                destroy += t2 - t1;
                if (t1 - t0 > create_max)
                        create_max = t1 - t0;
        }
        print_message("net_create (rate + 4 allowed): mean %.3f ms, max %.3f ms; net_destroy: "
                      "mean %.3f ms\n",
                      (double)create / runs / 1e6, (double)create_max / 1e6,
                      (double)destroy / runs / 1e6);
        uint64_t t0 = mono_ns();
        assert_int_equal(net_create(ids[0], f->box[0].pid, &a, &f->net[0]), 0);
        assert_int_equal(net_set_rate(f->net[0], 16 * MB), 0);
        print_message("net_create + net_set_rate: %.3f ms\n", (double)(mono_ns() - t0) / 1e6);
}

int main(void)
{
        if (geteuid() != 0) {
                fprintf(stderr, "test_net: needs root (veth, tc, namespaces); skipped\n");
                return 77;
        }
        signal(SIGPIPE, SIG_IGN);
        remove_test_links();
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
        const struct CMUnitTest tests[] = {
            T(test_download_allowed),
            T(test_other_port_blocked),
            T(test_no_route),
            T(test_each_filter_alone),
            T(test_rate_download),
            T(test_rate_upload),
            T(test_destroy_leaves_nothing),
            T(test_destroy_after_exit),
            T(test_failure_leaves_nothing),
            T(test_concurrent_claim),
            T(test_two_sandboxes),
            T(test_address_collision),
            T(test_invalid),
            T(test_many_allowed),
            T(test_loopback_up),
            T(test_cleanup_leftovers),
            T(test_latency),
        };
        int failed = cmocka_run_group_tests(tests, NULL, NULL);
        remove_test_links();
        return failed;
}
