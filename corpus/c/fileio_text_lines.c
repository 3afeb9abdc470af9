#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINES __SIZE__

int main(void)
{
        FILE *f = fopen("lines.txt", "w");
        if (!f)
                return 1;
        for (long i = 0; i < LINES; i++)
                fprintf(f, "%ld,%s,%ld.%02ld\n", i, i % 3 ? "beta" : "alpha", (i * 37) % 1000, i % 100);
        fclose(f);
        f = fopen("lines.txt", "r");
        char line[128];
        long n = 0, alpha = 0;
        double total = 0;
        while (fgets(line, sizeof(line), f)) {
                char *c1 = strchr(line, ','), *c2 = c1 ? strchr(c1 + 1, ',') : NULL;
                if (!c2)
                        continue;
                alpha += strncmp(c1 + 1, "alpha", 5) == 0;
                total += atof(c2 + 1);
                n++;
        }
        fclose(f);
        remove("lines.txt");
        printf("lines %ld alpha %ld total %.2f\n", n, alpha, total);
        return 0;
}
