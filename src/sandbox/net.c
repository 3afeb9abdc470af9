/* Sandbox networking over rtnetlink: a veth pair, addresses and routes, a token bucket per
 * direction and a packet filter that lets through only the allowed HOST:PORT pairs.
 *
 * Everything is done with rtnetlink messages, not by running ip(8) and tc(8): a create is about
 * fifteen small requests and takes about a millisecond (ip and tc cost 2-3 ms per process), every
 * failure comes back as the kernel's own errno (the address claim depends on telling EEXIST from
 * other errors), and nothing is parsed from another program's output.
 *
 * Talking to the sandbox's namespace: a netlink socket belongs to the network namespace of the
 * task that created it, for its whole life. So the calling thread setns()-es into the sandbox's
 * namespace, creates the socket (and writes the one sysctl that has no netlink equivalent) and
 * returns to its own namespace at once; other threads never leave theirs. The socket is kept in
 * struct sandbox_net for later rate changes; it pins the namespace, so the veth lives until
 * net_destroy even if every process of the sandbox has died, and a recycled pid cannot redirect us.
 *
 * The filter: the target kernel is built without act_gact (CONFIG_NET_ACT_GACT is unset, as in
 * many small VM kernels), so a tc "action drop" is not available, and neither are flower or
 * matchall. The filter is therefore a classic BPF program run by cls_bpf
 * in direct-action mode on a clsact hook, which returns TC_ACT_SHOT itself. It runs on the
 * sandbox end's egress (before its shaper, so dropped packets cost no tokens) and again on the
 * host end's ingress, outside the sandbox's namespace, as a second line. A classic BPF load past
 * the end of the packet aborts the program with 0, which is TC_ACT_OK: the program checks the
 * length before every load so that it fails closed.
 *
 * Shaping: a tbf qdisc at the root of each end (host-end egress = the sandbox's download,
 * sandbox-end egress = its upload); "replace" with the same handle changes it in place. */
#include "sandbox/net.h"
#include "util/cleanup.h"
#include "util/fsutil.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <inttypes.h>
#include <linux/filter.h>
#include <linux/if_ether.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/pkt_cls.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <linux/veth.h>
#include <net/if.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#define NET_IFPREFIX    "presize-"
#define NET_ID_LEN      6
#define NET_POOL        0x0ad50000u /* 10.213.0.0/16, host order */
#define NET_POOL_MASK   0xffff0000u
#define NET_HOST_HOST   0x0ad50001u /* 10.213.0.1 */
#define NET_FIRST_HOST  2u          /* sandboxes get 10.213.0.2 ... */
#define NET_N_HOSTS     65533u      /* ... 10.213.255.254 */
#define NET_ALIAS_FMT   "presize:%ld:%llu"
#define NET_QDISC_TBF   0x10000u /* handle 1: */
#define NET_FILTER_PRIO 1u

struct sandbox_net {
        char ifname[IFNAMSIZ];      /* host end, "presize-<id>" */
        char addr[INET_ADDRSTRLEN]; /* the sandbox's address */
        int host_ifindex;           /* in our namespace */
        int ns_ifindex;             /* eth0, in the sandbox's namespace */
        int ns_nl;                  /* rtnetlink socket in the sandbox's namespace (owned) */
        bool created;               /* the veth is ours to delete */
        uint64_t rate_bps;          /* in force, 0 = none */
};

/* ---- rtnetlink requests ------------------------------------------------------------------- */

struct nlmsg {
        union {
                struct nlmsghdr h;
                char buf[4096];
        };
        bool overflow;
};

static atomic_uint nl_seq;

static void *nl_init(struct nlmsg *m, uint16_t type, uint16_t flags, size_t hdrlen)
{
        memset(m, 0, sizeof(*m));
        m->h.nlmsg_len = NLMSG_LENGTH(hdrlen);
        m->h.nlmsg_type = type;
        m->h.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | flags;
        m->h.nlmsg_seq = atomic_fetch_add(&nl_seq, 1) + 1;
        return NLMSG_DATA(&m->h);
}

static struct rtattr *nl_tail(struct nlmsg *m)
{
        return (struct rtattr *)(m->buf + NLMSG_ALIGN(m->h.nlmsg_len));
}

static void nl_put(struct nlmsg *m, uint16_t type, const void *data, size_t len)
{
        size_t off = NLMSG_ALIGN(m->h.nlmsg_len);
        if (off + RTA_SPACE(len) > sizeof(m->buf)) {
                m->overflow = true;
                return;
        }
        struct rtattr *rta = nl_tail(m);
        rta->rta_type = type;
        rta->rta_len = (unsigned short)RTA_LENGTH(len);
        if (len)
                memcpy(RTA_DATA(rta), data, len);
        m->h.nlmsg_len = (uint32_t)(off + RTA_SPACE(len));
}

static void nl_put_u32(struct nlmsg *m, uint16_t type, uint32_t v)
{
        nl_put(m, type, &v, sizeof(v));
}

static void nl_put_str(struct nlmsg *m, uint16_t type, const char *s)
{
        nl_put(m, type, s, strlen(s) + 1);
}

/* Open a nested attribute; close it with nl_nest_end(m, returned offset). */
static size_t nl_nest_begin(struct nlmsg *m, uint16_t type)
{
        size_t off = NLMSG_ALIGN(m->h.nlmsg_len);
        nl_put(m, type, NULL, 0);
        return off;
}

static void nl_nest_end(struct nlmsg *m, size_t off)
{
        if (m->overflow)
                return;
        struct rtattr *rta = (struct rtattr *)(m->buf + off);
        rta->rta_len = (unsigned short)(m->h.nlmsg_len - off);
}

/* Reserve room for a fixed header inside a nested attribute (VETH_INFO_PEER's ifinfomsg). */
static void nl_put_raw(struct nlmsg *m, const void *data, size_t len)
{
        size_t off = NLMSG_ALIGN(m->h.nlmsg_len);
        if (off + NLMSG_ALIGN(len) > sizeof(m->buf)) {
                m->overflow = true;
                return;
        }
        memcpy(m->buf + off, data, len);
        m->h.nlmsg_len = (uint32_t)(off + NLMSG_ALIGN(len));
}

static int nl_open(void)
{
        int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
        if (fd < 0)
                return -errno;
        int one = 1;
        /* Acks without a copy of the request: replies stay small. */
        (void)setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
        /* The kernel always answers; the timeout only keeps a bug from hanging the caller. */
        struct timeval tv = {.tv_sec = 5};
        (void)setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
        return fd;
}

/* Send one request and wait for its ack. Returns 0 or the kernel's negative errno. */
static int nl_talk(int fd, struct nlmsg *m)
{
        if (m->overflow)
                return -E2BIG;
        struct sockaddr_nl sa = {.nl_family = AF_NETLINK};
        ssize_t w;
        do
                w = sendto(fd, m->buf, m->h.nlmsg_len, 0, (struct sockaddr *)&sa, sizeof(sa));
        while (w < 0 && errno == EINTR);
        if (w < 0)
                return -errno;
        for (;;) {
                char buf[8192] __attribute__((aligned(NLMSG_ALIGNTO)));
                ssize_t r = recv(fd, buf, sizeof(buf), 0);
                if (r < 0) {
                        if (errno == EINTR)
                                continue;
                        return errno == EAGAIN ? -ETIMEDOUT : -errno;
                }
                size_t len = (size_t)r;
                for (struct nlmsghdr *h = (struct nlmsghdr *)buf; NLMSG_OK(h, len);
                     h = NLMSG_NEXT(h, len)) {
                        if (h->nlmsg_seq != m->h.nlmsg_seq)
                                continue; /* a late reply to an earlier request */
                        if (h->nlmsg_type == NLMSG_ERROR) {
                                const struct nlmsgerr *e = NLMSG_DATA(h);
                                return e->error;
                        }
                }
        }
}

/* ---- running a little code inside another network namespace ------------------------------- */

/* Run fn(ctx) with the calling thread inside the network namespace nsfd, then return the thread
 * to its own namespace. setns(CLONE_NEWNET) moves only the calling thread, and a socket stays in
 * the namespace it was created in. Signals are blocked meanwhile so that no handler runs in the
 * wrong namespace. (A short-lived thread doing the same was tried first: on a busy host the new
 * thread waited a scheduler tick, 4 ms at HZ=250, for a CPU.) */
static int run_in_netns(int nsfd, int (*fn)(void *), void *ctx)
{
        _cleanup_close_ int self = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
        if (self < 0)
                return -errno;
        sigset_t all, old;
        sigfillset(&all);
        pthread_sigmask(SIG_BLOCK, &all, &old);
        int r = setns(nsfd, CLONE_NEWNET) < 0 ? -errno : fn(ctx);
        if (setns(self, CLONE_NEWNET) < 0) {
                /* We hold the fd of the namespace we were in and CAP_SYS_ADMIN: this cannot
                 * fail, and going on would configure the sandbox's namespace as if it were the
                 * host's. */
                fprintf(stderr, "presize: cannot return to own network namespace: %s\n",
                        strerror(errno));
                abort();
        }
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        return r;
}

static int open_netns(pid_t pid)
{
        char path[64];
        snprintf(path, sizeof(path), "/proc/%ld/ns/net", (long)pid);
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        return fd < 0 ? -errno : fd;
}

static int lo_up_fn(void *ctx)
{
        (void)ctx;
        _cleanup_close_ int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (fd < 0)
                return -errno;
        struct ifreq ifr = {0};
        strcpy(ifr.ifr_name, "lo");
        if (ioctl(fd, SIOCGIFFLAGS, &ifr) < 0)
                return -errno;
        if (ifr.ifr_flags & IFF_UP)
                return 0;
        ifr.ifr_flags |= IFF_UP;
        if (ioctl(fd, SIOCSIFFLAGS, &ifr) < 0)
                return -errno;
        return 0;
}

int net_loopback_up(pid_t ns_pid)
{
        if (ns_pid <= 0)
                return -EINVAL;
        _cleanup_close_ int nsfd = open_netns(ns_pid);
        if (nsfd < 0)
                return nsfd;
        return run_in_netns(nsfd, lo_up_fn, NULL);
}

/* Write a /proc/sys/net/ipv6/conf/<ifname>/disable_ipv6 of the calling thread's namespace.
 * A kernel without IPv6 has no such file and nothing to disable. */
static int disable_ipv6(const char *ifname)
{
        char path[96];
        snprintf(path, sizeof(path), "/proc/sys/net/ipv6/conf/%s/disable_ipv6", ifname);
        int r = write_file(path, "1");
        return r == -ENOENT ? 0 : r;
}

struct ns_setup {
        int nl;      /* out: rtnetlink socket in the namespace */
        int ifindex; /* out: eth0's index */
};

static int ns_setup_fn(void *ctx)
{
        struct ns_setup *s = ctx;
        /* Before eth0 is up, so it never sends or answers anything over IPv6, which the IPv4
         * filter below would not judge. */
        int r = disable_ipv6("eth0");
        if (r < 0)
                return r;
        s->ifindex = (int)if_nametoindex("eth0");
        if (!s->ifindex)
                return -errno;
        s->nl = nl_open();
        return s->nl < 0 ? s->nl : 0;
}

/* ---- links, addresses, routes ------------------------------------------------------------- */

static int link_create(int nl, const char *name, int nsfd)
{
        struct nlmsg m;
        nl_init(&m, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, sizeof(struct ifinfomsg));
        nl_put_str(&m, IFLA_IFNAME, name);
        size_t info = nl_nest_begin(&m, IFLA_LINKINFO);
        nl_put_str(&m, IFLA_INFO_KIND, "veth");
        size_t data = nl_nest_begin(&m, IFLA_INFO_DATA);
        size_t peer = nl_nest_begin(&m, VETH_INFO_PEER);
        struct ifinfomsg pifi = {.ifi_family = AF_UNSPEC};
        nl_put_raw(&m, &pifi, sizeof(pifi));
        nl_put_str(&m, IFLA_IFNAME, "eth0");
        nl_put_u32(&m, IFLA_NET_NS_FD, (uint32_t)nsfd);
        nl_nest_end(&m, peer);
        nl_nest_end(&m, data);
        nl_nest_end(&m, info);
        return nl_talk(nl, &m);
}

static int link_delete(int nl, const char *name)
{
        struct nlmsg m;
        nl_init(&m, RTM_DELLINK, 0, sizeof(struct ifinfomsg));
        nl_put_str(&m, IFLA_IFNAME, name);
        return nl_talk(nl, &m);
}

static int link_set_alias(int nl, int ifindex, const char *alias)
{
        struct nlmsg m;
        struct ifinfomsg *ifi = nl_init(&m, RTM_NEWLINK, 0, sizeof(*ifi));
        ifi->ifi_index = ifindex;
        nl_put(&m, IFLA_IFALIAS, alias, strlen(alias)); /* not NUL-terminated: taken as is */
        return nl_talk(nl, &m);
}

static int link_up(int nl, int ifindex)
{
        struct nlmsg m;
        struct ifinfomsg *ifi = nl_init(&m, RTM_NEWLINK, 0, sizeof(*ifi));
        ifi->ifi_index = ifindex;
        ifi->ifi_flags = IFF_UP;
        ifi->ifi_change = IFF_UP;
        return nl_talk(nl, &m);
}

static int addr_add(int nl, int ifindex, uint32_t addr, unsigned char scope)
{
        struct nlmsg m;
        struct ifaddrmsg *ifa = nl_init(&m, RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, sizeof(*ifa));
        ifa->ifa_family = AF_INET;
        ifa->ifa_prefixlen = 32;
        ifa->ifa_scope = scope;
        ifa->ifa_index = (unsigned)ifindex;
        nl_put(&m, IFA_LOCAL, &addr, sizeof(addr));
        nl_put(&m, IFA_ADDRESS, &addr, sizeof(addr));
        return nl_talk(nl, &m);
}

/* dst/32 out of ifindex, directly (gw == 0, scope link) or through gw. NLM_F_EXCL makes this an
 * atomic claim: -EEXIST when the same /32 is already routed. Addresses in network order. */
static int route_add(int nl, int ifindex, uint32_t dst, uint32_t gw, uint32_t prefsrc)
{
        struct nlmsg m;
        struct rtmsg *rt = nl_init(&m, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL, sizeof(*rt));
        rt->rtm_family = AF_INET;
        rt->rtm_dst_len = 32;
        rt->rtm_table = RT_TABLE_MAIN;
        rt->rtm_protocol = RTPROT_BOOT;
        rt->rtm_scope = gw ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK;
        rt->rtm_type = RTN_UNICAST;
        nl_put(&m, RTA_DST, &dst, sizeof(dst));
        if (gw)
                nl_put(&m, RTA_GATEWAY, &gw, sizeof(gw));
        if (prefsrc)
                nl_put(&m, RTA_PREFSRC, &prefsrc, sizeof(prefsrc));
        nl_put_u32(&m, RTA_OIF, (uint32_t)ifindex);
        return nl_talk(nl, &m);
}

/* ---- tc: shaper and filter ---------------------------------------------------------------- */

/* Token bucket parameters for a rate (bytes on the wire, Ethernet headers included: TCP payload
 * gets about 95.5% of it). The burst is what passes at once after a pause: 10 ms at the rate, at
 * least 4 KiB (above one 1500-byte frame; tbf splits TSO packets larger than the burst into
 * frames). A 32 KiB floor, enough for whole TSO packets, made 1 Mbit/s measure 4% fast over 3 s;
 * with 4 KiB, 1, 8 and 100 Mbit/s all measure 95-97% of the rate in payload. The queue holds
 * 100 ms more (at least 64 KiB) so that TCP fills the bucket instead of backing off on drops. */
static void tbf_params(uint64_t bps, uint64_t *rate, uint32_t *burst, uint32_t *limit)
{
        uint64_t bytes = bps / 8 ? bps / 8 : 1;
        uint64_t b = bytes / 100 > 4096 ? bytes / 100 : 4096;
        uint64_t q = bytes / 10 > 65536 ? bytes / 10 : 65536;
        if (b > UINT32_MAX / 2)
                b = UINT32_MAX / 2;
        if (q > UINT32_MAX / 2)
                q = UINT32_MAX / 2;
        *rate = bytes;
        *burst = (uint32_t)b;
        *limit = (uint32_t)(b + q);
}

static int qdisc_set_rate(int nl, int ifindex, uint64_t bps)
{
        struct nlmsg m;
        struct tcmsg *tc;
        if (!bps) {
                tc = nl_init(&m, RTM_DELQDISC, 0, sizeof(*tc));
                tc->tcm_family = AF_UNSPEC;
                tc->tcm_ifindex = ifindex;
                tc->tcm_parent = TC_H_ROOT;
                tc->tcm_handle = NET_QDISC_TBF;
                int r = nl_talk(nl, &m);
                /* Nothing to remove: the default qdisc answers ENOENT or EINVAL. */
                return r == -ENOENT || r == -EINVAL ? 0 : r;
        }
        uint64_t rate;
        struct tc_tbf_qopt q = {0};
        uint32_t burst;
        tbf_params(bps, &rate, &burst, &q.limit);
        q.rate.linklayer = TC_LINKLAYER_ETHERNET; /* no rate table needed */
        q.rate.rate = rate > UINT32_MAX ? UINT32_MAX : (uint32_t)rate;

        /* Create, or change in place: with the same handle, replace becomes qdisc_change and
         * neither the queue nor the bucket is reset. */
        tc = nl_init(&m, RTM_NEWQDISC, NLM_F_CREATE | NLM_F_REPLACE, sizeof(*tc));
        tc->tcm_family = AF_UNSPEC;
        tc->tcm_ifindex = ifindex;
        tc->tcm_parent = TC_H_ROOT;
        tc->tcm_handle = NET_QDISC_TBF;
        nl_put_str(&m, TCA_KIND, "tbf");
        size_t opt = nl_nest_begin(&m, TCA_OPTIONS);
        nl_put(&m, TCA_TBF_PARMS, &q, sizeof(q));
        if (rate > UINT32_MAX)
                nl_put(&m, TCA_TBF_RATE64, &rate, sizeof(rate));
        nl_put_u32(&m, TCA_TBF_BURST, burst);
        nl_nest_end(&m, opt);
        return nl_talk(nl, &m);
}

static int clsact_add(int nl, int ifindex)
{
        struct nlmsg m;
        struct tcmsg *tc = nl_init(&m, RTM_NEWQDISC, NLM_F_CREATE | NLM_F_EXCL, sizeof(*tc));
        tc->tcm_family = AF_UNSPEC;
        tc->tcm_ifindex = ifindex;
        tc->tcm_parent = TC_H_CLSACT;
        tc->tcm_handle = TC_H_MAKE(TC_H_CLSACT, 0);
        nl_put_str(&m, TCA_KIND, "clsact");
        return nl_talk(nl, &m);
}

/* A tiny classic-BPF assembler: forward jumps to labels, resolved when the program is done. */
enum { L_NEXT, L_PASS, L_DROP, L_FRAG, L_CHECK, L_N };
#define PROG_MAX (32 + 5 * NET_ALLOW_MAX)

struct prog {
        struct sock_filter insn[PROG_MAX];
        unsigned char jt_label[PROG_MAX], jf_label[PROG_MAX];
        unsigned n;
        int label[L_N];
};

static void emit(struct prog *p, uint16_t code, uint32_t k)
{
        p->insn[p->n] = (struct sock_filter)BPF_STMT(code, k);
        p->jt_label[p->n] = p->jf_label[p->n] = L_NEXT;
        p->n++;
}

/* Conditional jump; a target is a label, or L_NEXT, or (jf only) a raw skip count + L_N. */
static void emit_jmp(struct prog *p, uint16_t code, uint32_t k, int jt, int jf)
{
        p->insn[p->n] = (struct sock_filter)BPF_JUMP(BPF_JMP | code | BPF_K, k, 0, 0);
        p->jt_label[p->n] = (unsigned char)jt;
        p->jf_label[p->n] = (unsigned char)jf;
        p->n++;
}

static void label(struct prog *p, int l)
{
        p->label[l] = (int)p->n;
}

static int resolve(struct prog *p, unsigned i, int l, unsigned char *off)
{
        if (l == L_NEXT)
                return 0;
        if (l >= L_N) { /* raw skip */
                *off = (unsigned char)(l - L_N);
                return 0;
        }
        int d = p->label[l] - (int)i - 1;
        if (p->label[l] < 0 || d < 0 || d > 255)
                return -E2BIG;
        *off = (unsigned char)d;
        return 0;
}

static bool is_loopback(uint32_t addr)
{
        return (ntohl(addr) >> 24) == 127;
}

static bool in_pool(uint32_t addr)
{
        return (ntohl(addr) & NET_POOL_MASK) == NET_POOL;
}

/* Has an earlier entry of a->allow the same host? */
static bool dup_host(const struct alloc *a, unsigned i)
{
        for (unsigned j = 0; j < i; j++)
                if (a->allow[j].addr == a->allow[i].addr)
                        return true;
        return false;
}

/* The filter: TC_ACT_OK for ARP and for IPv4 TCP/UDP to an allowed HOST:PORT, TC_ACT_SHOT for
 * everything else. Offsets are from the Ethernet header (cls_bpf sees it on both hooks).
 * A non-first fragment carries no ports: it passes when its destination is an allowed host.
 * Only the kernel fragments for an unprivileged sandbox, and it does so for a datagram whose
 * first fragment (with the ports) was judged by the full rule. */
static int build_filter(const struct alloc *a, struct prog *p)
{
        memset(p, 0, sizeof(*p));
        for (int l = 0; l < L_N; l++)
                p->label[l] = -1;
        emit(p, BPF_LD | BPF_W | BPF_LEN, 0);            /* A = packet length */
        emit_jmp(p, BPF_JGE, 14 + 20, L_NEXT, L_DROP);   /* room for eth + IPv4 header */
        emit(p, BPF_LD | BPF_H | BPF_ABS, 12);           /* ethertype */
        emit_jmp(p, BPF_JEQ, ETH_P_ARP, L_PASS, L_NEXT); /* ARP: pass */
        emit_jmp(p, BPF_JEQ, ETH_P_IP, L_NEXT, L_DROP);  /* not IPv4: drop */
        emit(p, BPF_LD | BPF_B | BPF_ABS, 14);           /* version / IHL */
        emit(p, BPF_ALU | BPF_AND | BPF_K, 0xf0);
        emit_jmp(p, BPF_JEQ, 0x40, L_NEXT, L_DROP); /* version 4 */
        emit(p, BPF_LD | BPF_B | BPF_ABS, 14 + 9);  /* protocol */
        emit_jmp(p, BPF_JEQ, IPPROTO_TCP, L_CHECK, L_NEXT);
        emit_jmp(p, BPF_JEQ, IPPROTO_UDP, L_CHECK, L_DROP);
        label(p, L_CHECK);
        emit(p, BPF_LD | BPF_H | BPF_ABS, 14 + 6); /* flags + fragment offset */
        emit_jmp(p, BPF_JSET, 0x1fff, L_FRAG, L_NEXT);
        emit(p, BPF_LDX | BPF_B | BPF_MSH, 14); /* X = IP header length */
        emit(p, BPF_MISC | BPF_TXA, 0);
        emit_jmp(p, BPF_JGE, 20, L_NEXT, L_DROP);
        emit(p, BPF_LD | BPF_W | BPF_LEN, 0);
        emit(p, BPF_ALU | BPF_SUB | BPF_X, 0);
        emit_jmp(p, BPF_JGE, 14 + 4, L_NEXT, L_DROP); /* room for both ports */
        emit(p, BPF_LD | BPF_H | BPF_IND, 14 + 2);    /* destination port */
        emit(p, BPF_MISC | BPF_TAX, 0);               /* X = port */
        emit(p, BPF_LD | BPF_W | BPF_ABS, 14 + 16);   /* A = destination address */
        for (unsigned i = 0; i < a->n_allow; i++) {
                emit_jmp(p, BPF_JEQ, ntohl(a->allow[i].addr), L_NEXT, L_N + 2);
                emit(p, BPF_MISC | BPF_TXA, 0);
                emit_jmp(p, BPF_JEQ, a->allow[i].port, L_PASS, L_NEXT);
                emit(p, BPF_LD | BPF_W | BPF_ABS, 14 + 16);
        }
        label(p, L_DROP);
        emit(p, BPF_RET | BPF_K, TC_ACT_SHOT);
        label(p, L_FRAG);
        emit(p, BPF_LD | BPF_W | BPF_ABS, 14 + 16);
        for (unsigned i = 0; i < a->n_allow; i++)
                if (!dup_host(a, i))
                        emit_jmp(p, BPF_JEQ, ntohl(a->allow[i].addr), L_PASS, L_NEXT);
        emit(p, BPF_RET | BPF_K, TC_ACT_SHOT);
        label(p, L_PASS);
        emit(p, BPF_RET | BPF_K, TC_ACT_OK);
        for (unsigned i = 0; i < p->n; i++) {
                if (BPF_CLASS(p->insn[i].code) != BPF_JMP)
                        continue;
                int r = resolve(p, i, p->jt_label[i], &p->insn[i].jt);
                if (r == 0)
                        r = resolve(p, i, p->jf_label[i], &p->insn[i].jf);
                if (r < 0)
                        return r;
        }
        return 0;
}

static int filter_add(int nl, int ifindex, bool egress, const struct prog *p)
{
        struct nlmsg m;
        struct tcmsg *tc = nl_init(&m, RTM_NEWTFILTER, NLM_F_CREATE | NLM_F_EXCL, sizeof(*tc));
        tc->tcm_family = AF_UNSPEC;
        tc->tcm_ifindex = ifindex;
        tc->tcm_parent = TC_H_MAKE(TC_H_CLSACT, egress ? TC_H_MIN_EGRESS : TC_H_MIN_INGRESS);
        tc->tcm_info = TC_H_MAKE(NET_FILTER_PRIO << 16, htons(ETH_P_ALL));
        nl_put_str(&m, TCA_KIND, "bpf");
        size_t opt = nl_nest_begin(&m, TCA_OPTIONS);
        uint16_t n = (uint16_t)p->n;
        nl_put(&m, TCA_BPF_OPS_LEN, &n, sizeof(n));
        nl_put(&m, TCA_BPF_OPS, p->insn, p->n * sizeof(p->insn[0]));
        nl_put_u32(&m, TCA_BPF_FLAGS, TCA_BPF_FLAG_ACT_DIRECT);
        nl_put_str(&m, TCA_BPF_NAME, "presize-allow");
        nl_nest_end(&m, opt);
        return nl_talk(nl, &m);
}

/* ---- ownership ---------------------------------------------------------------------------- */

/* ---- the interface ------------------------------------------------------------------------ */

static bool valid_id(const char *id)
{
        if (!id || strlen(id) != NET_ID_LEN)
                return false;
        for (const char *c = id; *c; c++)
                if (!isxdigit((unsigned char)*c))
                        return false;
        return true;
}

static int check_alloc(const struct alloc *a)
{
        if (a->n_allow > NET_ALLOW_MAX)
                return -EINVAL;
        for (unsigned i = 0; i < a->n_allow; i++) {
                uint32_t h = ntohl(a->allow[i].addr);
                /* A loopback host is the sandbox's own loopback inside its namespace: the
                 * host's 127.0.0.1 cannot be routed to from another namespace. Callers should
                 * tell the user to listen on (and allow) NET_HOST_ADDR instead. */
                if (is_loopback(a->allow[i].addr))
                        return -EINVAL;
                /* Other sandboxes' addresses, and the pool's first and last: not hosts. */
                if (in_pool(a->allow[i].addr) && h != NET_HOST_HOST)
                        return -EINVAL;
                /* Unspecified, multicast, broadcast and class E: not a host to connect to. */
                if (h == 0 || h >= 0xe0000000u || (h >> 24) == 0)
                        return -EINVAL;
                if (a->allow[i].port == 0)
                        return -EINVAL;
        }
        return 0;
}

/* Build the sandbox's network in n (allocated, ifname set): every step of net_create that can
 * fail once the input is known to be good. On failure, net_destroy(n) undoes what was done. */
static int net_setup(struct sandbox_net *n, pid_t ns_pid, const struct alloc *a,
                     const struct prog *prog, uint32_t start_idx)
{
        int r;
        _cleanup_close_ int nsfd = open_netns(ns_pid);
        if (nsfd < 0)
                return nsfd;
        _cleanup_close_ int nl = nl_open();
        if (nl < 0)
                return nl;

        r = link_create(nl, n->ifname, nsfd);
        if (r < 0)
                return r; /* -EEXIST: the id is in use, or eth0 exists in the namespace */
        n->created = true;
        n->host_ifindex = (int)if_nametoindex(n->ifname);
        if (!n->host_ifindex)
                return -errno;

        /* Who owns the link, for net_cleanup_leftovers of another presize process. */
        char alias[64];
        uint64_t start;
        r = proc_stat(0, NULL, &start);
        if (r < 0)
                return r;
        snprintf(alias, sizeof(alias), NET_ALIAS_FMT, (long)getpid(), (unsigned long long)start);
        r = link_set_alias(nl, n->host_ifindex, alias);
        if (r < 0)
                return r;

        /* The host end: IPv4 only, the shared gateway address, the download filter and shaper. */
        r = disable_ipv6(n->ifname);
        if (r < 0)
                return r;
        r = addr_add(nl, n->host_ifindex, htonl(NET_HOST_HOST), RT_SCOPE_LINK);
        if (r < 0)
                return r;
        r = clsact_add(nl, n->host_ifindex);
        if (r == 0)
                r = filter_add(nl, n->host_ifindex, false, prog);
        if (r == 0 && a->net_rate_bps)
                r = qdisc_set_rate(nl, n->host_ifindex, a->net_rate_bps);
        if (r == 0)
                r = link_up(nl, n->host_ifindex);
        if (r < 0)
                return r;

        /* Claim an address: the host route to it is unique in the main table, so adding it with
         * NLM_F_EXCL is atomic across presize processes. */
        uint32_t addr = 0;
        r = -EADDRNOTAVAIL;
        for (uint32_t i = 0; i < NET_N_HOSTS && r == -EADDRNOTAVAIL; i++) {
                uint32_t h = NET_POOL | (NET_FIRST_HOST + (start_idx + i) % NET_N_HOSTS);
                addr = htonl(h);
                r = route_add(nl, n->host_ifindex, addr, 0, htonl(NET_HOST_HOST));
                if (r == -EEXIST)
                        r = -EADDRNOTAVAIL;
        }
        if (r < 0)
                return r;
        inet_ntop(AF_INET, &addr, n->addr, sizeof(n->addr));

        /* The sandbox end. */
        struct ns_setup s = {.nl = -1};
        r = run_in_netns(nsfd, ns_setup_fn, &s);
        if (r < 0) {
                if (s.nl >= 0)
                        close(s.nl);
                return r;
        }
        n->ns_nl = s.nl;
        n->ns_ifindex = s.ifindex;
        r = clsact_add(n->ns_nl, n->ns_ifindex);
        if (r == 0)
                r = filter_add(n->ns_nl, n->ns_ifindex, true, prog);
        if (r == 0 && a->net_rate_bps)
                r = qdisc_set_rate(n->ns_nl, n->ns_ifindex, a->net_rate_bps);
        if (r == 0)
                r = addr_add(n->ns_nl, n->ns_ifindex, addr, RT_SCOPE_UNIVERSE);
        if (r == 0)
                r = link_up(n->ns_nl, n->ns_ifindex);
        if (r == 0)
                r = route_add(n->ns_nl, n->ns_ifindex, htonl(NET_HOST_HOST), 0, addr);
        /* No default route: anything not routed here fails with ENETUNREACH at once. */
        for (unsigned i = 0; r == 0 && i < a->n_allow; i++) {
                if (a->allow[i].addr == htonl(NET_HOST_HOST) || dup_host(a, i))
                        continue;
                r = route_add(n->ns_nl, n->ns_ifindex, a->allow[i].addr, htonl(NET_HOST_HOST),
                              addr);
        }
        if (r < 0)
                return r;
        n->rate_bps = a->net_rate_bps;
        return 0;
}

int net_create(const char *id, pid_t ns_pid, const struct alloc *a, struct sandbox_net **out)
{
        if (!valid_id(id) || ns_pid <= 0 || !a || !out)
                return -EINVAL;
        int r = check_alloc(a);
        if (r < 0)
                return r;
        _cleanup_free_ struct prog *prog = malloc(sizeof(*prog));
        if (!prog)
                return -ENOMEM;
        r = build_filter(a, prog);
        if (r < 0)
                return r;
        struct sandbox_net *n = calloc(1, sizeof(*n));
        if (!n)
                return -ENOMEM;
        n->ns_nl = -1;
        snprintf(n->ifname, sizeof(n->ifname), NET_IFPREFIX "%s", id);
        /* Start the address search from the id so that concurrent creates rarely contend. */
        r = net_setup(n, ns_pid, a, prog, (uint32_t)(strtoul(id, NULL, 16) % NET_N_HOSTS));
        if (r < 0) {
                net_destroy(n);
                return r;
        }
        *out = n;
        return 0;
}

int net_set_rate(struct sandbox_net *n, uint64_t bps)
{
        if (!n)
                return -EINVAL;
        _cleanup_close_ int nl = nl_open();
        if (nl < 0)
                return nl;
        /* Both directions, each applied even if the other failed; the first error is reported. */
        int r1 = qdisc_set_rate(nl, n->host_ifindex, bps);
        int r2 = qdisc_set_rate(n->ns_nl, n->ns_ifindex, bps);
        if (r1 == 0 && r2 == 0)
                n->rate_bps = bps;
        return r1 < 0 ? r1 : r2;
}

int net_read(struct sandbox_net *n, uint64_t *rx, uint64_t *tx)
{
        if (!n || !rx || !tx)
                return -EINVAL;
        char path[96];
        uint64_t host_tx, host_rx;
        snprintf(path, sizeof(path), "/sys/class/net/%s/statistics/tx_bytes", n->ifname);
        int r = read_file_u64(path, &host_tx);
        if (r < 0)
                return r;
        snprintf(path, sizeof(path), "/sys/class/net/%s/statistics/rx_bytes", n->ifname);
        r = read_file_u64(path, &host_rx);
        if (r < 0)
                return r;
        *rx = host_tx; /* what the host end sent, the sandbox received */
        *tx = host_rx;
        return 0;
}

const char *net_sandbox_addr(const struct sandbox_net *n)
{
        return n ? n->addr : NULL;
}

void net_destroy(struct sandbox_net *n)
{
        if (!n)
                return;
        if (n->created) {
                /* Deleting one end of a veth deletes both, and with them the routes through
                 * them, their addresses and qdiscs. */
                _cleanup_close_ int nl = nl_open();
                if (nl >= 0)
                        (void)link_delete(nl, n->ifname);
        }
        if (n->ns_nl >= 0)
                close(n->ns_nl);
        free(n);
}

/* Is this a host end of ours: "presize-" and six hex digits? */
static bool is_presize_link(const char *name)
{
        return !strncmp(name, NET_IFPREFIX, strlen(NET_IFPREFIX)) &&
               valid_id(name + strlen(NET_IFPREFIX));
}

/* The rule: a veth lives exactly as long as both its namespaces, so a host end outlives its
 * sandbox only while something still holds the sandbox's namespace, and then only the process
 * that created it knows whether it is in use. Each link therefore carries its creator's
 * pid and start time in its alias; a link is removed when that process no longer exists (no
 * such pid, or a different process under a recycled pid). A link without a readable alias is
 * left alone: it is being created right now (the alias is set just after the link), or was not
 * made by presize. */
int net_cleanup_leftovers(void)
{
        struct if_nameindex *ifs = if_nameindex();
        if (!ifs)
                return -errno;
        int nl = nl_open();
        if (nl < 0) {
                if_freenameindex(ifs);
                return nl;
        }
        int removed = 0, err = 0;
        for (struct if_nameindex *i = ifs; i->if_index; i++) {
                if (!is_presize_link(i->if_name))
                        continue;
                char path[96], alias[128];
                snprintf(path, sizeof(path), "/sys/class/net/%s/ifalias", i->if_name);
                if (read_file(path, alias, sizeof(alias)) < 0)
                        continue;
                long pid;
                unsigned long long start;
                uint64_t now;
                if (sscanf(alias, NET_ALIAS_FMT, &pid, &start) != 2 || pid <= 0 || pid > INT_MAX)
                        continue;
                int r = proc_stat((int)pid, NULL, &now);
                if (r == 0 && now == start)
                        continue; /* the owner lives */
                if (r < 0 && r != -ENOENT && r != -ESRCH)
                        continue; /* cannot tell: keep it */
                r = link_delete(nl, i->if_name);
                if (r == 0)
                        removed++;
                else if (r != -ENODEV && !err)
                        err = r;
        }
        close(nl);
        if_freenameindex(ifs);
        return removed ? removed : err;
}

int net_allow_parse(const char *s, struct alloc *a)
{
        char host[64];
        const char *colon = strrchr(s, ':');
        if (!colon || colon == s || (size_t)(colon - s) >= sizeof(host))
                return -EINVAL;
        memcpy(host, s, (size_t)(colon - s));
        host[colon - s] = '\0';
        char *end;
        long port = strtol(colon + 1, &end, 10);
        if (*end || end == colon + 1 || port <= 0 || port > 65535)
                return -EINVAL;
        struct in_addr in;
        if (!strcmp(host, "localhost"))
                strcpy(host, "127.0.0.1");
        if (inet_pton(AF_INET, host, &in) != 1)
                return -EINVAL;
        if (a->n_allow >= NET_ALLOW_MAX)
                return -E2BIG;
        a->allow[a->n_allow].addr = in.s_addr;
        a->allow[a->n_allow].port = (uint16_t)port;
        a->n_allow++;
        return 0;
}
