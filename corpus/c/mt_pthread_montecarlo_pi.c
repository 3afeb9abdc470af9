#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#define SAMPLES __SIZE__
#define THREADS 3

static void *sample(void *arg)
{
        uint64_t s = 0x9E3779B97F4A7C15ULL * ((uintptr_t)arg + 1), inside = 0;
        for (long i = 0; i < SAMPLES / THREADS; i++) {
                s ^= s << 13, s ^= s >> 7, s ^= s << 17;
                double x = (double)(s >> 11) / 9007199254740992.0;
                s ^= s << 13, s ^= s >> 7, s ^= s << 17;
                double y = (double)(s >> 11) / 9007199254740992.0;
                inside += x * x + y * y <= 1.0;
        }
        return (void *)(uintptr_t)inside;
}

int main(void)
{
        pthread_t t[THREADS];
        for (uintptr_t i = 0; i < THREADS; i++)
                pthread_create(&t[i], NULL, sample, (void *)i);
        uint64_t inside = 0;
        for (int i = 0; i < THREADS; i++) {
                void *r;
                pthread_join(t[i], &r);
                inside += (uintptr_t)r;
        }
        printf("pi ~ %.6f from %d samples\n", 4.0 * inside / (SAMPLES / THREADS * THREADS), SAMPLES);
        return 0;
}
