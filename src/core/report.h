/* The execution profile as people and programs read it: one JSON shape (used by `presize exec
 * --json` and, later, the API's `usage` object) and one table. */
#pragma once

#include "resources.h"

#include <jansson.h>
#include <stdio.h>

/* New reference; NULL on allocation failure. Keys: exit_code, signal, oom_killed, timed_out,
 * cpu_seconds, wall_seconds, peak_memory_bytes, avg_cores, peak_cores, throttled_seconds,
 * net_rx_bytes, net_tx_bytes, io_read_bytes, io_write_bytes, minor_faults, major_faults, limits. */
json_t *usage_to_json(const struct usage *u);
/* {cpu_millicores, memory_bytes, net_rate_bps, pids, timeout_seconds} */
json_t *alloc_to_json(const struct alloc *a);
/* A readable table: resource, used, limit. */
void usage_print_table(FILE *f, const struct usage *u);
