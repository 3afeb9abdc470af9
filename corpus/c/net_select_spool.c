/* Two sequential connections, each waited on with select() and appended with stdio to one spool
 * file under /tmp; the file is then read back in 256 KiB blocks, checked with zlib's crc32 and
 * counted in 4096-byte records, and deleted. The spool lives on /tmp, so memory grows with the
 * bytes received (tmpfs pages). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#define EXPECTED __SIZE__LL
#define ROUNDS 2
#define RECORD 4096

static long long fetch_into(FILE *spool, const struct sockaddr_in *sa)
{
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0 || connect(fd, (const struct sockaddr *)sa, sizeof(*sa)) < 0) {
                perror("connect");
                exit(1);
        }
        static char chunk[1 << 14];
        long long got = 0;
        for (;;) {
                fd_set rd;
                FD_ZERO(&rd);
                FD_SET(fd, &rd);
                struct timeval tv = {30, 0};
                if (select(fd + 1, &rd, NULL, NULL, &tv) <= 0) {
                        fprintf(stderr, "select timeout\n");
                        exit(1);
                }
                ssize_t n = recv(fd, chunk, sizeof(chunk), 0);
                if (n <= 0)
                        break;
                if (fwrite(chunk, 1, (size_t)n, spool) != (size_t)n) {
                        perror("fwrite");
                        exit(1);
                }
                got += n;
        }
        close(fd);
        return got;
}

int main(void)
{
        struct sockaddr_in sa;
        memset(&sa, 0, sizeof(sa));
        sa.sin_family = AF_INET;
        sa.sin_port = htons((uint16_t)atoi(getenv("PRESIZE_BLOB_PORT")));
        inet_pton(AF_INET, getenv("PRESIZE_HOST_ADDR"), &sa.sin_addr);

        char path[] = "/tmp/netspoolXXXXXX";
        int sfd = mkstemp(path);
        if (sfd < 0) {
                perror("mkstemp");
                return 1;
        }
        FILE *spool = fdopen(sfd, "w+b");
        long long received = 0;
        for (int r = 0; r < ROUNDS; r++)
                received += fetch_into(spool, &sa);
        fflush(spool);
        rewind(spool);

        unsigned char *block = malloc(1 << 18);
        uLong crc = crc32(0L, Z_NULL, 0);
        long long read_back = 0, records = 0, partial = 0;
        size_t n;
        while ((n = fread(block, 1, 1 << 18, spool)) > 0) {
                crc = crc32(crc, block, (uInt)n);
                read_back += (long long)n;
                partial += (long long)n;
                records += partial / RECORD;
                partial %= RECORD;
        }
        fclose(spool);
        unlink(path);
        free(block);
        printf("spool: %lld bytes received, %lld read back (expected %lld), %lld records + %lld, crc32 %08lx\n",
               received, read_back, EXPECTED * ROUNDS, records, partial, crc);
        return read_back == EXPECTED * ROUNDS ? 0 : 1;
}
