#include "report.h"
#include "util/units.h"

#include <inttypes.h>
#include <string.h>

json_t *alloc_to_json(const struct alloc *a)
{
        return json_pack("{s:I, s:I, s:I, s:I, s:f}", "cpu_millicores",
                         (json_int_t)a->cpu_millicores, "memory_bytes", (json_int_t)a->memory_bytes,
                         "net_rate_bps", (json_int_t)a->net_rate_bps, "pids", (json_int_t)a->pids,
                         "timeout_seconds", (double)a->timeout_ns / 1e9);
}

json_t *usage_to_json(const struct usage *u)
{
        json_t *limits = alloc_to_json(&u->limits);
        if (!limits)
                return NULL;
        return json_pack("{s:i, s:i, s:b, s:b, s:f, s:f, s:I, s:f, s:f, s:f, s:I, s:I, s:I, s:I, "
                         "s:I, s:I, s:o}",
                         "exit_code", u->exit_code, "signal", u->signal, "oom_killed",
                         u->oom_killed, "timed_out", u->timed_out, "cpu_seconds",
                         (double)u->cpu_ns / 1e9, "wall_seconds", (double)u->wall_ns / 1e9,
                         "peak_memory_bytes", (json_int_t)u->peak_memory_bytes, "avg_cores",
                         u->avg_cores, "peak_cores", u->peak_cores, "throttled_seconds",
                         (double)u->throttled_ns / 1e9, "net_rx_bytes", (json_int_t)u->net_rx_bytes,
                         "net_tx_bytes", (json_int_t)u->net_tx_bytes, "io_read_bytes",
                         (json_int_t)u->io_read_bytes, "io_write_bytes",
                         (json_int_t)u->io_write_bytes, "minor_faults", (json_int_t)u->minor_faults,
                         "major_faults", (json_int_t)u->major_faults, "limits", limits);
}

static void row(FILE *f, const char *what, const char *used, const char *limit)
{
        if (*limit)
                fprintf(f, "  %-14s %-28s %s\n", what, used, limit);
        else
                fprintf(f, "  %-14s %s\n", what, used);
}

void usage_print_table(FILE *f, const struct usage *u)
{
        char a[64], b[64], c[64], used[96], lim[64];
        const struct alloc *l = &u->limits;

        if (u->signal)
                snprintf(used, sizeof(used), "killed by signal %d (%s)", u->signal,
                         strsignal(u->signal));
        else
                snprintf(used, sizeof(used), "exit code %d", u->exit_code);
        fprintf(f, "%-16s %-28s %s\n", "resource", "used", "limit");
        row(f, "status", used, u->oom_killed ? "OOM-killed" : u->timed_out ? "timed out" : "");
        snprintf(used, sizeof(used), "%s", fmt_duration(u->wall_ns, a, sizeof(a)));
        row(f, "wall time", used,
            l->timeout_ns ? fmt_duration(l->timeout_ns, b, sizeof(b)) : "none");
        snprintf(used, sizeof(used), "%s (user %s, sys %s)", fmt_duration(u->cpu_ns, a, sizeof(a)),
                 fmt_duration(u->user_ns, b, sizeof(b)), fmt_duration(u->sys_ns, c, sizeof(c)));
        row(f, "cpu time", used, "");
        snprintf(used, sizeof(used), "avg %.2f, peak %.2f", u->avg_cores, u->peak_cores);
        snprintf(lim, sizeof(lim), "%s cores", fmt_cpu(l->cpu_millicores, a, sizeof(a)));
        row(f, "cores", used, lim);
        row(f, "throttled", fmt_duration(u->throttled_ns, a, sizeof(a)), "");
        row(f, "peak memory", fmt_bytes(u->peak_memory_bytes, a, sizeof(a)),
            fmt_bytes(l->memory_bytes, b, sizeof(b)));
        snprintf(used, sizeof(used), "rx %s, tx %s", fmt_bytes(u->net_rx_bytes, a, sizeof(a)),
                 fmt_bytes(u->net_tx_bytes, b, sizeof(b)));
        row(f, "network", used,
            !l->network       ? "loopback only"
            : l->net_rate_bps ? fmt_rate(l->net_rate_bps, c, sizeof(c))
                              : "unshaped");
        snprintf(used, sizeof(used), "read %s, write %s", fmt_bytes(u->io_read_bytes, a, sizeof(a)),
                 fmt_bytes(u->io_write_bytes, b, sizeof(b)));
        row(f, "block io", used, "");
        snprintf(used, sizeof(used), "minor %" PRIu64 ", major %" PRIu64, u->minor_faults,
                 u->major_faults);
        row(f, "page faults", used, "");
        snprintf(lim, sizeof(lim), "%" PRIu64, l->pids);
        row(f, "pids", "", lim);
}
