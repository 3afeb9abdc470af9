#include "progress.h"
#include "fsutil.h"
#include "units.h"

#include <stdio.h>
#include <unistd.h>

void progress_start(struct progress *p, const char *label, uint64_t total)
{
        *p = (struct progress){.label = label,
                               .total = total,
                               .t_start_ns = now_ns(),
                               .tty = isatty(STDERR_FILENO) == 1};
}

static void draw(struct progress *p, uint64_t now)
{
        enum { WIDTH = 30 };
        unsigned fill = p->total ? (unsigned)(WIDTH * p->done / p->total) : 0;
        char bar[WIDTH + 1];
        for (unsigned i = 0; i < WIDTH; i++)
                bar[i] = i < fill ? '#' : '.';
        bar[WIDTH] = '\0';
        char eta[32] = "?";
        uint64_t spent = now - p->t_start_ns;
        if (p->done > 0 && p->done <= p->total)
                fmt_duration(
                    (uint64_t)((double)spent / (double)p->done * (double)(p->total - p->done)) /
                        1000000000ULL * 1000000000ULL,
                    eta, sizeof(eta));
        fprintf(stderr, "\r%-24s [%s] %llu/%llu  ETA %s   ", p->label, bar,
                (unsigned long long)p->done, (unsigned long long)p->total, eta);
        fflush(stderr);
        p->t_drawn_ns = now;
}

void progress_tick(struct progress *p, uint64_t n)
{
        p->done += n;
        if (!p->tty)
                return;
        uint64_t now = now_ns();
        if (now - p->t_drawn_ns >= 100000000ULL || p->done == p->total)
                draw(p, now);
}

void progress_end(struct progress *p)
{
        if (p->tty)
                fprintf(stderr, "\r%*s\r", 80, "");
}
