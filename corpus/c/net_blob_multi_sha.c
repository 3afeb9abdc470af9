#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#define PER_CONN __SIZE__LL
#define CONNECTIONS 4

int main(void)
{
        struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(getenv("PRESIZE_BLOB_PORT")))};
        inet_pton(AF_INET, getenv("PRESIZE_HOST_ADDR"), &sa.sin_addr);
        uint64_t h = 0xcbf29ce484222325ULL;
        long long total = 0;
        static unsigned char buf[1 << 17];
        for (int c = 0; c < CONNECTIONS; c++) {
                int fd = socket(AF_INET, SOCK_STREAM, 0);
                if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
                        perror("connect");
                        return 1;
                }
                ssize_t n;
                while ((n = recv(fd, buf, sizeof(buf), 0)) > 0) {
                        for (ssize_t i = 0; i < n; i++)
                                h = (h ^ buf[i]) * 0x100000001b3ULL;
                        total += n;
                }
                close(fd);
        }
        printf("%d connections, %lld bytes (expected %lld), fnv %016llx\n", CONNECTIONS, total, PER_CONN * CONNECTIONS, (unsigned long long)h);
        return 0;
}
