/* Two connections multiplexed with edge-triggered epoll; each stream is deflated on the fly with
 * its own zlib stream into a small fixed output buffer that is counted and reused (memory flat). */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#define PER_CONN __SIZE__LL
#define NCONN 2

struct conn {
        int fd;
        z_stream z;
        long long in_bytes, out_bytes;
        int done;
};

static unsigned char inbuf[1 << 15];
static unsigned char outbuf[1 << 14];

static void pump(struct conn *c, const unsigned char *data, size_t n, int flush)
{
        c->z.next_in = (Bytef *)data;
        c->z.avail_in = (uInt)n;
        int rc;
        do {
                c->z.next_out = outbuf;
                c->z.avail_out = sizeof(outbuf);
                rc = deflate(&c->z, flush);
                c->out_bytes += (long long)(sizeof(outbuf) - c->z.avail_out);
        } while (c->z.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
}

int main(void)
{
        const char *host = getenv("PRESIZE_HOST_ADDR"), *port = getenv("PRESIZE_BLOB_PORT");
        if (!host || !port)
                return 2;
        struct sockaddr_in sa;
        memset(&sa, 0, sizeof(sa));
        sa.sin_family = AF_INET;
        sa.sin_port = htons((uint16_t)strtol(port, NULL, 10));
        if (inet_pton(AF_INET, host, &sa.sin_addr) != 1)
                return 2;
        int ep = epoll_create1(0);
        struct conn conns[NCONN];
        for (int i = 0; i < NCONN; i++) {
                struct conn *c = &conns[i];
                memset(c, 0, sizeof(*c));
                if (deflateInit(&c->z, 6) != Z_OK)
                        return 1;
                c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
                if (connect(c->fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 && errno != EINPROGRESS) {
                        perror("connect");
                        return 1;
                }
                struct epoll_event ev = {.events = EPOLLIN | EPOLLRDHUP | EPOLLET, .data.ptr = c};
                epoll_ctl(ep, EPOLL_CTL_ADD, c->fd, &ev);
        }
        int live = NCONN;
        struct epoll_event evs[NCONN];
        while (live > 0) {
                int k = epoll_wait(ep, evs, NCONN, 30000);
                if (k <= 0) {
                        fprintf(stderr, "epoll timeout\n");
                        return 1;
                }
                for (int e = 0; e < k; e++) {
                        struct conn *c = evs[e].data.ptr;
                        if (c->done)
                                continue;
                        /* edge-triggered: drain until EAGAIN or EOF */
                        for (;;) {
                                ssize_t n = recv(c->fd, inbuf, sizeof(inbuf), 0);
                                if (n > 0) {
                                        c->in_bytes += n;
                                        pump(c, inbuf, (size_t)n, Z_NO_FLUSH);
                                        continue;
                                }
                                if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                                        break;
                                if (n < 0 && errno == EINTR)
                                        continue;
                                pump(c, NULL, 0, Z_FINISH);
                                epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
                                close(c->fd);
                                c->done = 1;
                                live--;
                                break;
                        }
                }
        }
        close(ep);
        long long in = 0, out = 0;
        unsigned long ad = 0; /* order-dependent combination of the per-stream adler-32s */
        for (int i = 0; i < NCONN; i++) {
                in += conns[i].in_bytes;
                out += conns[i].out_bytes;
                ad = ad * 65599u + conns[i].z.adler;
                deflateEnd(&conns[i].z);
        }
        printf("epoll+deflate: %lld bytes in (expected %lld), %lld compressed, adler %08lx\n", in, PER_CONN * NCONN, out,
               ad);
        return in == PER_CONN * NCONN ? 0 : 1;
}
