#include <regex.h>
#include <stdio.h>
#include <stdlib.h>

#define N __SIZE__

int main(void)
{
        regex_t re;
        if (regcomp(&re, "^([0-9]+)\\.([0-9]+)\\.([0-9]+)\\.([0-9]+) (GET|POST) (/[a-z/]*) ([0-9]{3}) ([0-9]+)$", REG_EXTENDED))
                return 1;
        const char *methods[] = {"GET", "POST"}, *paths[] = {"/", "/api/items", "/login", "/static/app"};
        unsigned s = 8;
        long matched = 0, errors = 0, bytes = 0;
        char line[128];
        regmatch_t m[9];
        for (long i = 0; i < N; i++) {
                s = s * 1103515245u + 12345u;
                snprintf(line, sizeof(line), "10.%u.%u.%u %s %s %d %u", (s >> 8) & 255, (s >> 16) & 255, s >> 24,
                         methods[(s >> 5) & 1], paths[(s >> 9) & 3], (s >> 12) % 7 ? 200 : 500, (s >> 3) % 100000);
                if (regexec(&re, line, 9, m, 0) == 0) {
                        matched++;
                        errors += line[m[7].rm_so] == '5';
                        bytes += atol(line + m[8].rm_so);
                }
        }
        regfree(&re);
        printf("lines %d matched %ld errors %ld bytes %ld\n", N, matched, errors, bytes);
        return 0;
}
