#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#define PER_CONN __SIZE__LL
#define CONNS 3

int main(void)
{
        struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(getenv("PRESIZE_BLOB_PORT")))};
        inet_pton(AF_INET, getenv("PRESIZE_HOST_ADDR"), &sa.sin_addr);
        struct pollfd pf[CONNS];
        long long got[CONNS] = {0};
        for (int i = 0; i < CONNS; i++) {
                pf[i].fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
                pf[i].events = POLLIN;
                if (connect(pf[i].fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 && errno != EINPROGRESS) {
                        perror("connect");
                        return 1;
                }
        }
        static unsigned char buf[1 << 16];
        int open_conns = CONNS;
        uint32_t adler_a = 1, adler_b = 0;
        while (open_conns > 0) {
                if (poll(pf, CONNS, 30000) <= 0)
                        return 1;
                for (int i = 0; i < CONNS; i++) {
                        if (pf[i].fd < 0 || !(pf[i].revents & (POLLIN | POLLHUP | POLLERR)))
                                continue;
                        ssize_t n = read(pf[i].fd, buf, sizeof(buf));
                        if (n > 0) {
                                got[i] += n;
                                for (ssize_t k = 0; k < n; k++) {
                                        adler_a = (adler_a + buf[k]) % 65521;
                                        adler_b = (adler_b + adler_a) % 65521;
                                }
                        } else if (n == 0 || errno != EAGAIN) {
                                close(pf[i].fd);
                                pf[i].fd = -1;
                                open_conns--;
                        }
                }
        }
        printf("poll: %lld + %lld + %lld bytes (expected %lld each), adler %08x\n", got[0], got[1], got[2], PER_CONN,
               (adler_b << 16) | adler_a);
        return 0;
}
