/* A tiny TCP server for network measurements: every connection receives exactly N bytes and is
 * closed. Binds with IP_FREEBIND, so it can listen on the sandbox gateway address (10.213.0.1)
 * before any sandbox's veth carries it. Serves until killed, or --count connections.
 *
 *   blobserver ADDR PORT BYTES [--count N]     prints "ready PORT" on stdout when listening;
 *                                              PORT 0 picks a free port */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
        if (argc != 4 && !(argc == 6 && !strcmp(argv[4], "--count"))) {
                fprintf(stderr, "usage: blobserver ADDR PORT BYTES [--count N]\n");
                return 2;
        }
        long long bytes = atoll(argv[3]);
        long count = argc == 6 ? atol(argv[5]) : -1;
        struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(argv[2]))};
        if (inet_pton(AF_INET, argv[1], &sa.sin_addr) != 1 || bytes < 0) {
                fprintf(stderr, "blobserver: bad address or size\n");
                return 2;
        }
        signal(SIGPIPE, SIG_IGN);
        int one = 1;
        int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) < 0 ||
            setsockopt(fd, IPPROTO_IP, IP_FREEBIND, &one, sizeof(one)) < 0 ||
            bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 || listen(fd, 16) < 0) {
                fprintf(stderr, "blobserver: %s\n", strerror(errno));
                return 1;
        }
        socklen_t sl = sizeof(sa);
        getsockname(fd, (struct sockaddr *)&sa, &sl);
        printf("ready %d\n", ntohs(sa.sin_port));
        fflush(stdout);
        static char buf[65536];
        memset(buf, 'x', sizeof(buf));
        while (count != 0) {
                int c = accept4(fd, NULL, NULL, SOCK_CLOEXEC);
                if (c < 0)
                        continue;
                long long left = bytes;
                while (left > 0) {
                        ssize_t w = write(
                            c, buf, left < (long long)sizeof(buf) ? (size_t)left : sizeof(buf));
                        if (w <= 0)
                                break;
                        left -= w;
                }
                close(c);
                if (count > 0)
                        count--;
        }
        close(fd);
        return 0;
}
