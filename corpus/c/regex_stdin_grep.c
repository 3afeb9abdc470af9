#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
        regex_t words, caps, runs;
        regcomp(&words, "[A-Za-z]+", REG_EXTENDED);
        regcomp(&caps, "^[A-Z][a-z]+", REG_EXTENDED);
        regcomp(&runs, "(ka|lo|mi)(ka|lo|mi)+", REG_EXTENDED);
        char *line = NULL;
        size_t cap = 0;
        long nlines = 0, nwords = 0, ncaps = 0, nruns = 0;
        while (getline(&line, &cap, stdin) > 0) {
                nlines++;
                regmatch_t m;
                const char *p = line;
                while (regexec(&words, p, 1, &m, 0) == 0) {
                        nwords++;
                        if (regexec(&caps, p + m.rm_so, 0, NULL, 0) == 0)
                                ncaps++;
                        p += m.rm_eo;
                }
                if (regexec(&runs, line, 0, NULL, 0) == 0)
                        nruns++;
        }
        free(line);
        regfree(&words), regfree(&caps), regfree(&runs);
        printf("lines %ld words %ld capitalised %ld lines-with-runs %ld\n", nlines, nwords, ncaps, nruns);
        return 0;
}
