#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define ITEMS __SIZE__
#define PRODUCERS 2
#define CONSUMERS 2
#define QCAP 1024

static long queue[QCAP];
static int qhead, qtail, qlen, producers_left = PRODUCERS;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER, not_empty = PTHREAD_COND_INITIALIZER;

static void *producer(void *arg)
{
        long base = (long)arg;
        for (long i = 0; i < ITEMS / PRODUCERS; i++) {
                pthread_mutex_lock(&mu);
                while (qlen == QCAP)
                        pthread_cond_wait(&not_full, &mu);
                queue[qtail] = base + i;
                qtail = (qtail + 1) % QCAP, qlen++;
                pthread_cond_signal(&not_empty);
                pthread_mutex_unlock(&mu);
        }
        pthread_mutex_lock(&mu);
        producers_left--;
        pthread_cond_broadcast(&not_empty);
        pthread_mutex_unlock(&mu);
        return NULL;
}

static void *consumer(void *arg)
{
        long *sum = arg;
        for (;;) {
                pthread_mutex_lock(&mu);
                while (qlen == 0 && producers_left > 0)
                        pthread_cond_wait(&not_empty, &mu);
                if (qlen == 0) {
                        pthread_mutex_unlock(&mu);
                        return NULL;
                }
                long v = queue[qhead];
                qhead = (qhead + 1) % QCAP, qlen--;
                pthread_cond_signal(&not_full);
                pthread_mutex_unlock(&mu);
                long h = v;
                for (int k = 0; k < 50; k++)
                        h = h * 6364136223846793005L + 1442695040888963407L;
                *sum += h & 0xFFFF;
        }
}

int main(void)
{
        pthread_t p[PRODUCERS], c[CONSUMERS];
        long sums[CONSUMERS] = {0};
        for (long i = 0; i < PRODUCERS; i++)
                pthread_create(&p[i], NULL, producer, (void *)(i * 1000000000L));
        for (int i = 0; i < CONSUMERS; i++)
                pthread_create(&c[i], NULL, consumer, &sums[i]);
        for (int i = 0; i < PRODUCERS; i++)
                pthread_join(p[i], NULL);
        for (int i = 0; i < CONSUMERS; i++)
                pthread_join(c[i], NULL);
        printf("queue passed %d items, checksum %ld\n", ITEMS, sums[0] + sums[1]);
        return 0;
}
