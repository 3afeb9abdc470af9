#include <stdio.h>
#include <string.h>

/* Kernighan-Pike style recursive backtracking matcher extended with '+', '?', '\d' and
 * [a-z]-style classes; each generated line is formatted into a stack buffer with snprintf and
 * tried against a table of patterns; no heap at all: memory stays flat while CPU grows with
 * the number of lines */
struct job {
        long lines;
        unsigned seed;
};

static int match_here(const char *re, const char *text);

/* length of one atom at re (literal, '.', escape or class) */
static int atom_len(const char *re)
{
        if (re[0] == '\\')
                return 2;
        if (re[0] == '[') {
                const char *p = strchr(re, ']');
                return (int)(p - re) + 1;
        }
        return 1;
}

static int atom_match(const char *re, int c)
{
        if (c == 0)
                return 0;
        if (re[0] == '.')
                return 1;
        if (re[0] == '\\')
                return re[1] == 'd' ? (c >= '0' && c <= '9') : c == re[1];
        if (re[0] == '[') {
                int neg = re[1] == '^', hit = 0;
                for (const char *p = re + 1 + neg; *p != ']'; p++) {
                        if (p[1] == '-' && p[2] != ']') {
                                hit |= c >= p[0] && c <= p[2];
                                p += 2;
                        } else {
                                hit |= c == *p;
                        }
                }
                return hit != neg;
        }
        return re[0] == c;
}

static int match_star(const char *atom, const char *rest, const char *text, int min)
{
        const char *t = text;
        while (atom_match(atom, *t))
                t++;
        /* greedy: try the longest run first, back off one character at a time */
        for (; t >= text + min; t--)
                if (match_here(rest, t))
                        return 1;
        return 0;
}

static int match_here(const char *re, const char *text)
{
        if (re[0] == 0)
                return 1;
        if (re[0] == '$' && re[1] == 0)
                return *text == 0;
        int n = atom_len(re);
        char op = re[n];
        if (op == '*' || op == '+')
                return match_star(re, re + n + 1, text, op == '+');
        if (op == '?')
                return (atom_match(re, *text) && match_here(re + n + 1, text + 1)) || match_here(re + n + 1, text);
        if (atom_match(re, *text))
                return match_here(re + n, text + 1);
        return 0;
}

static int match(const char *re, const char *text)
{
        if (re[0] == '^')
                return match_here(re + 1, text);
        do {
                if (match_here(re, text))
                        return 1;
        } while (*text++);
        return 0;
}

static const char *patterns[] = {
        "^[a-z]+@[a-z]+\\.com$", "^[a-z]+@[a-z]+\\.[a-z][a-z][a-z]?$", "\\d+-\\d+-\\d+",
        "^user[0-9]*:.*:.*x$",         "a.*b.*c.*d",                          "[^aeiou ][aeiou]+[^aeiou ]?z",
        "\\d?\\d:\\d\\d ",            "^.*9.*9.*9",
};

static void run(struct job j)
{
        char line[160];
        long hits[sizeof patterns / sizeof *patterns] = {0};
        const char *words[] = {"alpha", "bravo", "cedar", "delta", "zeta", "quiz", "abcd", "bezaz", "user"};
        for (long i = 0; i < j.lines; i++) {
                j.seed = j.seed * 1103515245u + 12345u;
                unsigned r = j.seed >> 8;
                switch (r % 4) {
                case 0:
                        snprintf(line, sizeof line, "%s@%s.%s", words[r % 9], words[(r >> 4) % 9],
                                 (r & 64) ? "com" : "info");
                        break;
                case 1:
                        snprintf(line, sizeof line, "%u-%u-%u %s", r % 10000, (r >> 3) % 100, (r >> 7) % 1000,
                                 words[(r >> 11) % 9]);
                        break;
                case 2:
                        snprintf(line, sizeof line, "user%u:%s:%s:%cx", r % 997, words[(r >> 2) % 9],
                                 words[(r >> 6) % 9], (r & 1) ? 'y' : 'a');
                        break;
                default:
                        snprintf(line, sizeof line, "%s %s %02u:%02u %s %s %u", words[r % 9], words[(r >> 3) % 9],
                                 (r >> 6) % 24, (r >> 9) % 60, words[(r >> 12) % 9], words[(r >> 15) % 9], r % 99999);
                }
                for (size_t p = 0; p < sizeof patterns / sizeof *patterns; p++)
                        hits[p] += match(patterns[p], line);
        }
        printf("%ld lines:", j.lines);
        for (size_t p = 0; p < sizeof patterns / sizeof *patterns; p++)
                printf(" %ld", hits[p]);
        printf("\n");
}

int main(void)
{
        run((struct job){.lines = __SIZE__, .seed = 4242});
        return 0;
}
