#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define PER_CONN __SIZE__LL
#define THREADS 2

static struct sockaddr_in sa;

static void *fetch(void *arg)
{
        (void)arg;
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
                return (void *)-1;
        /* keep the whole payload in memory, growing the buffer */
        size_t cap = 1 << 16, len = 0;
        unsigned char *all = malloc(cap);
        ssize_t n;
        for (;;) {
                if (len == cap)
                        all = realloc(all, cap *= 2);
                n = read(fd, all + len, cap - len);
                if (n <= 0)
                        break;
                len += (size_t)n;
        }
        close(fd);
        long xs = 0;
        for (size_t i = 0; i < len; i += 64)
                xs += all[i] == 'x';
        free(all);
        return (void *)(intptr_t)(len + (size_t)xs * 0);
}

int main(void)
{
        sa.sin_family = AF_INET;
        sa.sin_port = htons((uint16_t)atoi(getenv("PRESIZE_BLOB_PORT")));
        inet_pton(AF_INET, getenv("PRESIZE_HOST_ADDR"), &sa.sin_addr);
        pthread_t t[THREADS];
        for (int i = 0; i < THREADS; i++)
                pthread_create(&t[i], NULL, fetch, NULL);
        long long total = 0;
        for (int i = 0; i < THREADS; i++) {
                void *r;
                pthread_join(t[i], &r);
                total += (intptr_t)r;
        }
        printf("%d threads received %lld bytes (expected %lld)\n", THREADS, total, PER_CONN * THREADS);
        return 0;
}
