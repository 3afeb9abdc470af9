#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>

static int branches(int a, int b)
{
        if (a && b)
                return 1;
        else if (a || b)
                return 2;
        else
                return a ? 3 : 4;
}

int loops(int n)
{
        int s = 0;
        for (int i = 0; i < 10; i++)
                for (int j = 0; j < n; j++)
                        s += i * j;
        while (s > 100)
                s /= 2;
        do {
                s++;
        } while (s < 5);
        return s;
}

unsigned fact(unsigned n)
{
        return n <= 1 ? 1 : n * fact(n - 1);
}

int is_odd(int n);
int is_even(int n) { return n == 0 ? 1 : is_odd(n - 1); }
int is_odd(int n) { return n == 0 ? 0 : is_even(n - 1); }

int sw(int x)
{
        switch (x) {
        case 1:
                return 10;
        case 2:
                return 20;
        default:
                goto out;
        }
out:
        return 0;
}

void io(void)
{
        char *p = malloc(1024);
        int arr[] = {1, 2, 3, 4};
        FILE *f = fopen("x", "r");
        socket(2, 1, 0);
        qsort(arr, 4, sizeof(int), NULL);
        free(p);
        fclose(f);
}
