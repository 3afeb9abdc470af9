#include <fnmatch.h>
#include <stdio.h>
#include <string.h>

#define N __SIZE__

/* a hand-written glob matcher checked against libc fnmatch */
static int glob_match(const char *p, const char *s)
{
        if (*p == 0)
                return *s == 0;
        if (*p == '*')
                return glob_match(p + 1, s) || (*s && glob_match(p, s + 1));
        if (*s && (*p == '?' || *p == *s))
                return glob_match(p + 1, s + 1);
        return 0;
}

int main(void)
{
        const char *pats[] = {"*.c", "src/*/*.h", "a*b*c", "test_??.py", "*log*", "*x*y*z*"};
        const char *parts[] = {"src", "lib", "test_", "a", "b", "c", "log", "x", "y", "z", ".c", ".h", ".py", "/", "01"};
        char name[64];
        unsigned s = 4;
        long hits = 0, agree = 0;
        for (long i = 0; i < N; i++) {
                int len = 0;
                int k = 2 + (int)(i % 7);
                for (int j = 0; j < k; j++) {
                        s = s * 1664525u + 1013904223u;
                        len += snprintf(name + len, sizeof(name) - len, "%s", parts[(s >> 16) % 15]);
                }
                for (int p = 0; p < 6; p++) {
                        int a = glob_match(pats[p], name), b = fnmatch(pats[p], name, 0) == 0;
                        hits += a;
                        agree += a == b;
                }
        }
        printf("names %d matches %ld agreement %ld/%ld\n", N, hits, agree, 6L * N);
        return 0;
}
