#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINES __SIZE__

int main(void)
{
        const char *words[] = {"alpha", "Beta", "gamma", "DELTA", "eps", "zeta", "Eta", "theta"};
        size_t cap = (size_t)LINES * 64 + 1, len = 0;
        char *buf = malloc(cap);
        unsigned s = 3;
        for (long i = 0; i < LINES; i++) {
                for (int w = 0; w < 6; w++) {
                        s = s * 1664525u + 1013904223u;
                        len += (size_t)sprintf(buf + len, "%s%c", words[(s >> 16) % 8], w == 5 ? '\n' : (s & 256) ? ',' : ' ');
                }
        }
        long tokens = 0, upper = 0, chars = 0;
        for (char *tok = strtok(buf, " ,\n"); tok; tok = strtok(NULL, " ,\n")) {
                tokens++;
                for (char *p = tok; *p; p++) {
                        if (isupper((unsigned char)*p))
                                upper++;
                        *p = (char)toupper((unsigned char)*p);
                        chars++;
                }
        }
        printf("tokens %ld upper %ld chars %ld\n", tokens, upper, chars);
        free(buf);
        return 0;
}
