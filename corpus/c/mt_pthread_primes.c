#include <pthread.h>
#include <stdio.h>

#define LIMIT __SIZE__
#define THREADS 4

struct job {
        long lo, hi, count;
};

static void *worker(void *arg)
{
        struct job *j = arg;
        for (long n = j->lo < 2 ? 2 : j->lo; n < j->hi; n++) {
                int prime = 1;
                for (long d = 2; d * d <= n; d++)
                        if (n % d == 0) {
                                prime = 0;
                                break;
                        }
                j->count += prime;
        }
        return NULL;
}

int main(void)
{
        pthread_t t[THREADS];
        struct job jobs[THREADS];
        long step = LIMIT / THREADS + 1;
        for (int i = 0; i < THREADS; i++) {
                jobs[i] = (struct job){i * step, (i + 1) * step > LIMIT ? LIMIT : (i + 1) * step, 0};
                pthread_create(&t[i], NULL, worker, &jobs[i]);
        }
        long total = 0;
        for (int i = 0; i < THREADS; i++) {
                pthread_join(t[i], NULL);
                total += jobs[i].count;
        }
        printf("primes below %d: %ld (%d threads)\n", LIMIT, total, THREADS);
        return 0;
}
