#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TABLE (1 << 20)

struct entry {
        char *word;
        long count;
};

static struct entry table[TABLE];

static unsigned long hash(const char *s)
{
        unsigned long h = 5381;
        while (*s)
                h = h * 33 + (unsigned char)*s++;
        return h;
}

int main(void)
{
        char word[256];
        int len = 0, c;
        long words = 0, distinct = 0;
        do {
                c = getchar();
                if (c != EOF && isalpha(c) && len < 255) {
                        word[len++] = (char)tolower(c);
                        continue;
                }
                if (len == 0)
                        continue;
                word[len] = 0;
                len = 0;
                words++;
                unsigned long i = hash(word) & (TABLE - 1);
                while (table[i].word && strcmp(table[i].word, word))
                        i = (i + 1) & (TABLE - 1);
                if (!table[i].word) {
                        table[i].word = strdup(word);
                        distinct++;
                }
                table[i].count++;
        } while (c != EOF);
        long best = 0;
        const char *top = "";
        for (long i = 0; i < TABLE; i++)
                if (table[i].word && table[i].count > best) {
                        best = table[i].count;
                        top = table[i].word;
                }
        printf("words %ld distinct %ld top '%s' x%ld\n", words, distinct, top, best);
        return 0;
}
