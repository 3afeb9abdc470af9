/* Three pthreads, each with its own blocking connection receiving a fixed 4,000,000 bytes. Each
 * thread cuts its stream into 64-byte records as it arrives (a record may straddle two reads) and
 * mixes every record ROUNDS times into a per-thread digest. The received bytes are fixed; the
 * cost grows with ROUNDS. Memory stays flat: one 8 KiB receive buffer per thread. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define ROUNDS __SIZE__
#define THREADS 3
#define PER_CONN 4000000LL
#define REC 64

struct job {
        struct sockaddr_in sa;
        long long bytes, records;
        uint64_t digest;
};

static uint64_t mix_record(const unsigned char *r, uint64_t h)
{
        for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < REC; i += 8) {
                        uint64_t w;
                        memcpy(&w, r + i, 8);
                        h ^= w + (uint64_t)round;
                        h *= 0x9E3779B97F4A7C15ULL;
                        h ^= h >> 29;
                }
        }
        return h;
}

static void *worker(void *arg)
{
        struct job *j = arg;
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0 || connect(fd, (struct sockaddr *)&j->sa, sizeof(j->sa)) < 0) {
                perror("connect");
                exit(1);
        }
        unsigned char buf[8192], rec[REC];
        size_t have = 0;
        uint64_t h = 1469598103934665603ULL;
        ssize_t n;
        while ((n = recv(fd, buf, sizeof(buf), 0)) > 0) {
                j->bytes += n;
                size_t off = 0;
                while (off < (size_t)n) {
                        size_t take = REC - have;
                        if (take > (size_t)n - off)
                                take = (size_t)n - off;
                        memcpy(rec + have, buf + off, take);
                        have += take;
                        off += take;
                        if (have == REC) {
                                h = mix_record(rec, h);
                                j->records++;
                                have = 0;
                        }
                }
        }
        close(fd);
        j->digest = h ^ (uint64_t)have;
        return NULL;
}

int main(void)
{
        struct sockaddr_in sa;
        memset(&sa, 0, sizeof(sa));
        sa.sin_family = AF_INET;
        sa.sin_port = htons((uint16_t)atoi(getenv("PRESIZE_BLOB_PORT")));
        inet_pton(AF_INET, getenv("PRESIZE_HOST_ADDR"), &sa.sin_addr);
        pthread_t tid[THREADS];
        struct job jobs[THREADS];
        for (int t = 0; t < THREADS; t++) {
                memset(&jobs[t], 0, sizeof(jobs[t]));
                jobs[t].sa = sa;
                pthread_create(&tid[t], NULL, worker, &jobs[t]);
        }
        long long bytes = 0, records = 0;
        uint64_t digest = 0;
        for (int t = 0; t < THREADS; t++) {
                pthread_join(tid[t], NULL);
                bytes += jobs[t].bytes;
                records += jobs[t].records;
                digest ^= jobs[t].digest;
        }
        printf("records x%d rounds: %lld bytes (expected %lld), %lld records, digest %016llx\n", ROUNDS, bytes,
               PER_CONN * THREADS, records, (unsigned long long)digest);
        return bytes == PER_CONN * THREADS ? 0 : 1;
}
