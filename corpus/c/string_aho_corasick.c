#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Aho-Corasick automaton (full goto table over a-z, BFS failure links) counting
 * occurrences of 300 syllable words in text generated chunk by chunk (constant memory) */
static const long text_len = __SIZE__;

#define NPAT 300
#define MAXSTATES 4096
#define CHUNK 65536

static const char *const syl[] = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "an", "el", "or", "us", "the", "ing"};
#define NSYL (sizeof syl / sizeof *syl)

static int go[MAXSTATES][26];
static int fail[MAXSTATES], out_link[MAXSTATES], term[MAXSTATES];
static int nstates = 1;
static long hits[NPAT];

static uint32_t rs = 1u;
static uint32_t rnd(void)
{
        rs ^= rs << 13;
        rs ^= rs >> 17;
        rs ^= rs << 5;
        return rs;
}

static void add_pattern(const char *p, int id)
{
        int s = 0;
        for (; *p; p++) {
                int c = *p - 'a';
                if (!go[s][c])
                        go[s][c] = nstates++;
                s = go[s][c];
        }
        if (term[s] < 0)
                term[s] = id;
}

static void build(void)
{
        static int queue[MAXSTATES];
        int qh = 0, qt = 0;
        for (int c = 0; c < 26; c++)
                if (go[0][c]) {
                        fail[go[0][c]] = 0;
                        queue[qt++] = go[0][c];
                }
        while (qh < qt) {
                int s = queue[qh++];
                out_link[s] = term[fail[s]] >= 0 ? fail[s] : out_link[fail[s]];
                for (int c = 0; c < 26; c++) {
                        int t = go[s][c];
                        if (t) {
                                fail[t] = go[fail[s]][c];
                                queue[qt++] = t;
                        } else {
                                go[s][c] = go[fail[s]][c];
                        }
                }
        }
}

int main(void)
{
        char pats[NPAT][16];
        for (int i = 0; i < MAXSTATES; i++)
                term[i] = -1, out_link[i] = 0;
        for (int i = 0; i < NPAT; i++) {
                int k = 2 + (int)(rnd() % 3);
                pats[i][0] = 0;
                for (int j = 0; j < k; j++)
                        strcat(pats[i], syl[rnd() % NSYL]);
                add_pattern(pats[i], i);
        }
        build();
        char *buf = malloc(CHUNK + 16);
        long produced = 0, total_hits = 0;
        int state = 0;
        while (produced < text_len) {
                int len = 0;
                while (len < CHUNK && produced + len < text_len) {
                        const char *w = rnd() % 9 ? syl[rnd() % NSYL] : " ";
                        while (*w && len < CHUNK && produced + len < text_len)
                                buf[len++] = *w++;
                }
                for (int i = 0; i < len; i++) {
                        unsigned char ch = (unsigned char)buf[i];
                        if (ch < 'a' || ch > 'z') {
                                state = 0;
                                continue;
                        }
                        state = go[state][ch - 'a'];
                        for (int s = term[state] >= 0 ? state : out_link[state]; s; s = out_link[s]) {
                                hits[term[s]]++;
                                total_hits++;
                        }
                }
                produced += len;
        }
        int best = 0;
        for (int i = 1; i < NPAT; i++)
                if (hits[i] > hits[best])
                        best = i;
        int distinct = 0;
        for (int s = 1; s < nstates; s++)
                distinct += term[s] >= 0;
        printf("scanned %ld bytes with %d states (%d distinct patterns): %ld matches, top '%s' x%ld\n", produced,
               nstates, distinct, total_hits, pats[best], hits[best]);
        free(buf);
        return 0;
}
