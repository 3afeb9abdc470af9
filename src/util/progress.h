/* A progress bar with ETA on stderr, for long runs (benchmarks, profiling the corpus). Drawn only
 * when stderr is a terminal, at most 10 times a second; silent otherwise (CI logs stay clean). */
#pragma once

#include <stdbool.h>
#include <stdint.h>

struct progress {
        const char *label;
        uint64_t total;
        uint64_t done;
        uint64_t t_start_ns;
        uint64_t t_drawn_ns;
        bool tty;
};

void progress_start(struct progress *p, const char *label, uint64_t total);
void progress_tick(struct progress *p, uint64_t n);
/* Erase the bar. */
void progress_end(struct progress *p);
