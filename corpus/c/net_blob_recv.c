#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#define EXPECTED __SIZE__LL

static int dial(void)
{
        const char *host = getenv("PRESIZE_HOST_ADDR"), *port = getenv("PRESIZE_BLOB_PORT");
        if (!host || !port)
                return -1;
        struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(port))};
        inet_pton(AF_INET, host, &sa.sin_addr);
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
                return -1;
        return fd;
}

int main(void)
{
        int fd = dial();
        if (fd < 0) {
                perror("connect");
                return 1;
        }
        static unsigned char buf[1 << 16];
        long long got = 0;
        uint32_t sum = 0;
        ssize_t n;
        while ((n = read(fd, buf, sizeof(buf))) > 0) {
                got += n;
                for (ssize_t i = 0; i < n; i += 256)
                        sum += buf[i];
        }
        close(fd);
        printf("received %lld of %lld bytes, sample sum %u\n", got, (long long)EXPECTED, sum);
        return got == EXPECTED ? 0 : 1;
}
