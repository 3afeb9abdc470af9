/* presize's own runs as a trace: the store (a .db file, src/store) or its export
 * (`presize runs export --format jsonl`). Every run is one invocation of its program, replayed
 * at its recorded time with its measured wall time, peak memory and average cores. */
#include "replay/replay.h"
#include "store/store.h"
#include "util/cleanup.h"
#include "util/why.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct loader {
        struct replay_trace *t;
        int64_t t0;
        bool have_t0;
        int64_t last_sec;
        unsigned same_sec;
};

static int cmp_inv(const void *a, const void *b)
{
        const struct replay_inv *x = a, *y = b;
        return (x->t_ns > y->t_ns) - (x->t_ns < y->t_ns);
}

static int add_run(struct loader *ld, const char *program, int64_t created, double wall_s,
                   double peak, double cores)
{
        struct replay_trace *t = ld->t;
        struct replay_fn *f = NULL;
        for (size_t i = 0; i < t->n_fns; i++)
                if (!strncmp(t->fns[i].name, program, sizeof(t->fns[i].name) - 1)) {
                        f = &t->fns[i];
                        break;
                }
        if (!f) {
                int r = replay_trace_add(t, program, &f);
                if (r < 0)
                        return r;
                f->has_mem = true;
        }
        if (!ld->have_t0) {
                ld->t0 = created;
                ld->have_t0 = true;
        }
        /* runs recorded in the same second are spaced 10 ms apart, in the store's order */
        ld->same_sec = created == ld->last_sec ? ld->same_sec + 1 : 0;
        ld->last_sec = created;
        int64_t rel = created - ld->t0;
        if (rel < 0)
                rel = 0;
        struct replay_inv inv = {.t_ns = (uint64_t)rel * 1000000000ULL +
                                         (uint64_t)ld->same_sec * 10000000ULL,
                                 .dur_s = fmax(wall_s, 0.001),
                                 .mem_bytes = fmax(peak, 1048576.0),
                                 .cores = fmax(cores, 0.01)};
        int r = replay_fn_add_inv(f, &inv);
        if (r < 0)
                return r;
        /* the percentiles the static tiers and the report read: the program's extremes */
        float mib = (float)(inv.mem_bytes / 1048576.0), ms = (float)(inv.dur_s * 1000);
        for (int k = 0; k < REPLAY_MEM_PCT; k++)
                if (f->n_invs == 1 || mib > f->mem_mib[k])
                        f->mem_mib[k] = mib;
        for (int k = 0; k < REPLAY_DUR_PCT; k++)
                if (f->n_invs == 1 || ms > f->dur_ms[k])
                        f->dur_ms[k] = ms;
        uint32_t minute = (uint32_t)(inv.t_ns / 60000000000ULL);
        if (minute + 1 > t->minutes)
                t->minutes = minute + 1;
        t->invocations++;
        return 0;
}

static int from_record(const struct run_record *rec, void *ctx)
{
        const char *name = rec->program[0] ? rec->program : rec->code_hash;
        return add_run(ctx, name, rec->created_at, (double)rec->usage.wall_ns / 1e9,
                       (double)rec->usage.peak_memory_bytes, rec->usage.avg_cores);
}

static int read_jsonl(const char *path, struct loader *ld, FILE *err, char *why, size_t why_len)
{
        _cleanup_fclose_ FILE *f = fopen(path, "re");
        if (!f)
                return why_einval(why, why_len, "cannot read %s: %s", path, strerror(errno));
        _cleanup_free_ char *buf = NULL;
        size_t cap = 0, line = 0, reported = 0;
        while (getline(&buf, &cap, f) >= 0) {
                line++;
                if (buf[strspn(buf, " \t\r\n")] == '\0')
                        continue;
                json_error_t je;
                json_t *o = json_loads(buf, 0, &je);
                const char *bad = NULL;
                json_t *prog = o ? json_object_get(o, "program") : NULL;
                json_t *hash = o ? json_object_get(o, "code_hash") : NULL;
                json_t *c = o ? json_object_get(o, "created_at") : NULL;
                json_t *w = o ? json_object_get(o, "wall_ns") : NULL;
                json_t *m = o ? json_object_get(o, "peak_memory_bytes") : NULL;
                json_t *a = o ? json_object_get(o, "avg_cores") : NULL;
                const char *name = json_is_string(prog) && json_string_length(prog)
                                       ? json_string_value(prog)
                                   : json_is_string(hash) ? json_string_value(hash)
                                                          : NULL;
                if (!json_is_object(o))
                        bad = "not a JSON object";
                else if (!name)
                        bad = "no program or code_hash";
                else if (!json_is_integer(c))
                        bad = "created_at is not an integer";
                else if (!json_is_number(w) || json_number_value(w) < 0)
                        bad = "wall_ns is not a non-negative number";
                else if (!json_is_number(m) || json_number_value(m) < 0)
                        bad = "peak_memory_bytes is not a non-negative number";
                else if (!json_is_number(a) || !(json_number_value(a) >= 0))
                        bad = "avg_cores is not a non-negative number";
                if (bad) {
                        ld->t->bad_rows++;
                        if (err && reported++ < 10)
                                fprintf(err, "presize replay: %s:%zu: %s (row skipped)\n", path,
                                        line, bad);
                        json_decref(o);
                        continue;
                }
                int r =
                    add_run(ld, name, (int64_t)json_integer_value(c), json_number_value(w) / 1e9,
                            json_number_value(m), json_number_value(a));
                json_decref(o);
                if (r < 0)
                        return r;
        }
        return 0;
}

int replay_read_runs(const char *path, struct replay_trace *t, FILE *err, char *why, size_t why_len)
{
        struct loader ld = {.t = t, .last_sec = -1};
        snprintf(t->source, sizeof(t->source), "runs %s", path);
        char magic[16] = {0};
        FILE *f = fopen(path, "re");
        if (!f)
                return why_einval(why, why_len, "cannot read %s: %s", path, strerror(errno));
        size_t got = fread(magic, 1, sizeof(magic), f);
        fclose(f);
        int r;
        if (got == sizeof(magic) && !memcmp(magic, "SQLite format 3", 16)) {
                struct store *s = NULL;
                r = store_open(path, &s);
                if (r < 0)
                        return why_einval(why, why_len, "%s: not a presize store (%s)", path,
                                          strerror(-r));
                r = store_runs_foreach(s, from_record, &ld);
                store_close(s);
                if (r < 0)
                        return why_einval(why, why_len, "%s: reading the runs failed: %s", path,
                                          strerror(-r));
        } else {
                r = read_jsonl(path, &ld, err, why, why_len);
                if (r < 0)
                        return r;
        }
        for (size_t i = 0; i < t->n_fns; i++)
                qsort(t->fns[i].invs, t->fns[i].n_invs, sizeof(struct replay_inv), cmp_inv);
        if (t->invocations == 0)
                return why_einval(why, why_len, "%s: empty trace (no usable run)", path);
        return 0;
}
