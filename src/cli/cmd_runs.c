/* presize runs: list, export (csv, jsonl) and import (jsonl) the stored runs. The export is the
 * checked-in dataset; import rebuilds a store from it without profiling anything again. */
#include "analyze/analyze.h"
#include "cli.h"
#include "store/store.h"
#include "util/cleanup.h"
#include "util/units.h"

#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <jansson.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Without the analyser (meson -Danalyze=false) the feature names are absent: columns are f0..fN.
 * With it, cmd_analyze.c links features.c in and these resolve. */
#pragma weak features_schema

static const char usage_text[] =
    "usage: presize runs list [--json] [--limit N] [--db PATH]\n"
    "       presize runs export --format csv|jsonl [--out FILE] [--db PATH]\n"
    "       presize runs import FILE.jsonl [--db PATH]\n"
    "\n"
    "Every profiled or served execution in the store: metadata, feature vector, allocation,\n"
    "the measured usage (every field) and the outcome.\n"
    "\n"
    "  list     the last N runs (default 20; --limit 0 for all) as a table, or a JSON array\n"
    "  export   every run, every field: jsonl has one object per line (features as an array);\n"
    "           csv has one column per field and the features as f_<name> columns\n"
    "  import   add the runs of a jsonl export (runs already present are skipped)\n"
    "\n"
    "options:\n"
    "  --db PATH      the store (default: $PRESIZE_DB, else /var/lib/presize/presize.db)\n"
    "  --format F     csv or jsonl\n"
    "  --out FILE     write the export to FILE instead of stdout\n"
    "  --json         list: JSON array of the same objects as the jsonl export\n"
    "  --limit N      list: how many (newest) runs\n"
    "\n"
    "Exit status: 0 done, 1 store or file failure, 2 bad usage or malformed import file.\n";

#define bad(...) cli_fail("runs", 2, __VA_ARGS__)

/* ---- one table of fields drives csv, jsonl and import ---- */

enum kind { K_I64, K_U64, K_INT, K_BOOL, K_DBL, K_STR, K_JSON, K_ALLOW };

struct field {
        const char *name;
        enum kind kind;
        size_t off;  /* into struct run_record */
        size_t size; /* K_STR: capacity */
};

#define R(m) offsetof(struct run_record, m)
#define F(n, k, m)                                                                                 \
        {                                                                                          \
                n, k, R(m), sizeof(((struct run_record *)0)->m)                                    \
        }
#define A(p, n, k, m)                                                                              \
        {                                                                                          \
                p n, k, R(m), 0                                                                    \
        }

static const struct field fields[] = {
    F("id", K_I64, id),
    F("created_at", K_I64, created_at),
    F("code_hash", K_STR, code_hash),
    F("program", K_STR, program),
    F("language", K_STR, language),
    F("algorithm", K_STR, algorithm),
    F("libraries", K_STR, libraries),
    F("input_bytes", K_U64, input_bytes),
    F("size", K_U64, size),
    F("source", K_STR, source),
    F("features_version", K_INT, features_version),
    A("alloc_", "cpu_millicores", K_U64, alloc.cpu_millicores),
    A("alloc_", "memory_bytes", K_U64, alloc.memory_bytes),
    A("alloc_", "net_rate_bps", K_U64, alloc.net_rate_bps),
    A("alloc_", "pids", K_U64, alloc.pids),
    A("alloc_", "timeout_ns", K_U64, alloc.timeout_ns),
    A("alloc_", "network", K_BOOL, alloc.network),
    A("alloc_", "allow", K_ALLOW, alloc),
    A("", "exit_code", K_INT, usage.exit_code),
    A("", "signal", K_INT, usage.signal),
    A("", "oom_killed", K_BOOL, usage.oom_killed),
    A("", "timed_out", K_BOOL, usage.timed_out),
    A("", "cpu_ns", K_U64, usage.cpu_ns),
    A("", "user_ns", K_U64, usage.user_ns),
    A("", "sys_ns", K_U64, usage.sys_ns),
    A("", "wall_ns", K_U64, usage.wall_ns),
    A("", "peak_memory_bytes", K_U64, usage.peak_memory_bytes),
    A("", "avg_cores", K_DBL, usage.avg_cores),
    A("", "peak_cores", K_DBL, usage.peak_cores),
    A("", "throttled_ns", K_U64, usage.throttled_ns),
    A("", "net_rx_bytes", K_U64, usage.net_rx_bytes),
    A("", "net_tx_bytes", K_U64, usage.net_tx_bytes),
    A("", "io_read_bytes", K_U64, usage.io_read_bytes),
    A("", "io_write_bytes", K_U64, usage.io_write_bytes),
    A("", "minor_faults", K_U64, usage.minor_faults),
    A("", "major_faults", K_U64, usage.major_faults),
    A("limit_", "cpu_millicores", K_U64, usage.limits.cpu_millicores),
    A("limit_", "memory_bytes", K_U64, usage.limits.memory_bytes),
    A("limit_", "net_rate_bps", K_U64, usage.limits.net_rate_bps),
    A("limit_", "pids", K_U64, usage.limits.pids),
    A("limit_", "timeout_ns", K_U64, usage.limits.timeout_ns),
    A("limit_", "network", K_BOOL, usage.limits.network),
    A("limit_", "allow", K_ALLOW, usage.limits),
    F("outcome", K_STR, outcome),
    F("prediction", K_JSON, prediction),
    F("adjustments", K_JSON, adjustments),
};

#define AT(r, f, T) ((T *)(void *)((char *)(r) + (f)->off))

static void allow_format(const struct alloc *a, char *buf, size_t len)
{
        size_t off = 0;
        buf[0] = '\0';
        for (unsigned i = 0; i < a->n_allow && i < NET_ALLOW_MAX; i++) {
                char ip[INET_ADDRSTRLEN];
                struct in_addr in = {.s_addr = a->allow[i].addr};
                inet_ntop(AF_INET, &in, ip, sizeof(ip));
                int w = snprintf(buf + off, len - off, "%s%s:%u", i ? "," : "", ip,
                                 (unsigned)a->allow[i].port);
                if (w < 0 || (size_t)w >= len - off)
                        break;
                off += (size_t)w;
        }
}

static int allow_parse(const char *s, struct alloc *a)
{
        a->n_allow = 0;
        while (*s) {
                char item[64];
                size_t n = strcspn(s, ",");
                if (n == 0 || n >= sizeof(item) || a->n_allow >= NET_ALLOW_MAX)
                        return -EINVAL;
                memcpy(item, s, n);
                item[n] = '\0';
                char *colon = strrchr(item, ':'), *end;
                struct in_addr in;
                if (!colon)
                        return -EINVAL;
                *colon = '\0';
                unsigned long port = strtoul(colon + 1, &end, 10);
                if (inet_pton(AF_INET, item, &in) != 1 || *end || port > 65535)
                        return -EINVAL;
                a->allow[a->n_allow].addr = in.s_addr;
                a->allow[a->n_allow].port = (uint16_t)port;
                a->n_allow++;
                s += n;
                if (*s == ',')
                        s++;
        }
        return 0;
}

/* ---- JSON ---- */

static json_t *run_to_json(const struct run_record *r)
{
        json_t *o = json_object();
        if (!o)
                return NULL;
        for (size_t i = 0; i < ARRAY_SIZE(fields); i++) {
                const struct field *f = &fields[i];
                json_t *v = NULL;
                switch (f->kind) {
                case K_I64:
                        v = json_integer(*AT(r, f, const int64_t));
                        break;
                case K_U64:
                        v = json_integer((json_int_t)*AT(r, f, const uint64_t));
                        break;
                case K_INT:
                        v = json_integer(*AT(r, f, const int));
                        break;
                case K_BOOL:
                        v = json_boolean(*AT(r, f, const bool));
                        break;
                case K_DBL:
                        v = json_real(*AT(r, f, const double));
                        break;
                case K_STR:
                        v = json_string(AT(r, f, const char));
                        break;
                case K_JSON: {
                        const char *text = *AT(r, f, const char *const);
                        if (!text) {
                                v = json_null();
                                break;
                        }
                        v = json_loads(text, JSON_DECODE_ANY, NULL);
                        if (!v) /* not JSON: keep the text */
                                v = json_string(text);
                        break;
                }
                case K_ALLOW: {
                        char buf[NET_ALLOW_MAX * 24];
                        allow_format(AT(r, f, const struct alloc), buf, sizeof(buf));
                        v = json_string(buf);
                        break;
                }
                }
                if (!v || json_object_set_new(o, f->name, v) < 0)
                        goto fail;
                /* The features follow features_version. */
                if (!strcmp(f->name, "features_version")) {
                        json_t *a = json_array();
                        if (!a || json_object_set_new(o, "features", a) < 0)
                                goto fail;
                        for (size_t k = 0; k < r->n_features; k++)
                                if (json_array_append_new(a, json_real(r->features[k])) < 0)
                                        goto fail;
                }
        }
        return o;
fail:
        json_decref(o);
        return NULL;
}

/* Fill r from one exported object. Owned strings for features / JSON texts go to *feat, *pred,
 * *adj (the caller frees them). Returns 0, or -EINVAL with a reason in why. */
static int run_from_json(json_t *o, struct run_record *r, double **feat, char **pred, char **adj,
                         char *why, size_t why_len)
{
        memset(r, 0, sizeof(*r));
        if (!json_is_object(o)) {
                snprintf(why, why_len, "not a JSON object");
                return -EINVAL;
        }
        for (size_t i = 0; i < ARRAY_SIZE(fields); i++) {
                const struct field *f = &fields[i];
                json_t *v = json_object_get(o, f->name);
                if (!v || json_is_null(v)) {
                        if (f->kind == K_JSON || !strcmp(f->name, "id"))
                                continue;
                        snprintf(why, why_len, "missing field '%s'", f->name);
                        return -EINVAL;
                }
                switch (f->kind) {
                case K_I64:
                case K_U64:
                case K_INT:
                        if (!json_is_integer(v))
                                goto type;
                        if (f->kind == K_I64)
                                *AT(r, f, int64_t) = json_integer_value(v);
                        else if (f->kind == K_U64)
                                *AT(r, f, uint64_t) = (uint64_t)json_integer_value(v);
                        else if (json_integer_value(v) < INT32_MIN ||
                                 json_integer_value(v) > INT32_MAX)
                                goto type;
                        else
                                *AT(r, f, int) = (int)json_integer_value(v);
                        break;
                case K_BOOL:
                        if (!json_is_boolean(v))
                                goto type;
                        *AT(r, f, bool) = json_is_true(v);
                        break;
                case K_DBL:
                        if (!json_is_number(v))
                                goto type;
                        *AT(r, f, double) = json_number_value(v);
                        break;
                case K_STR:
                        if (!json_is_string(v) || json_string_length(v) >= f->size)
                                goto type;
                        memcpy(AT(r, f, char), json_string_value(v), json_string_length(v) + 1);
                        break;
                case K_JSON: {
                        char *text = json_is_string(v)
                                         ? strdup(json_string_value(v))
                                         : json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY |
                                                             JSON_REAL_PRECISION(17));
                        if (!text)
                                return -ENOMEM;
                        if (!strcmp(f->name, "prediction")) {
                                *pred = text;
                                r->prediction = text;
                        } else {
                                *adj = text;
                                r->adjustments = text;
                        }
                        break;
                }
                case K_ALLOW:
                        if (!json_is_string(v) ||
                            allow_parse(json_string_value(v), AT(r, f, struct alloc)) < 0)
                                goto type;
                        break;
                }
                continue;
        type:
                snprintf(why, why_len, "field '%s' has the wrong type or is out of range", f->name);
                return -EINVAL;
        }
        json_t *a = json_object_get(o, "features");
        if (!json_is_array(a)) {
                snprintf(why, why_len, "missing field 'features' (an array of numbers)");
                return -EINVAL;
        }
        size_t n = json_array_size(a);
        if (n > 0) {
                if (!(*feat = malloc(n * sizeof(double))))
                        return -ENOMEM;
                for (size_t k = 0; k < n; k++) {
                        json_t *x = json_array_get(a, k);
                        if (!json_is_number(x)) {
                                snprintf(why, why_len, "features[%zu] is not a number", k);
                                return -EINVAL;
                        }
                        (*feat)[k] = json_number_value(x);
                }
        }
        r->features = *feat;
        r->n_features = n;
        if (!r->code_hash[0] || !r->outcome[0] || !r->source[0]) {
                snprintf(why, why_len, "code_hash, source and outcome must not be empty");
                return -EINVAL;
        }
        return 0;
}

/* ---- export ---- */

struct export_ctx {
        FILE *out;
        bool csv;
        size_t n_feat; /* csv: the number of feature columns */
        bool first;    /* list --json: no comma before the first object */
        int err;
};

static int max_features_cb(const struct run_record *r, void *ctx)
{
        size_t *n = ctx;
        if (r->n_features > *n)
                *n = r->n_features;
        return 0;
}

static void csv_str(FILE *f, const char *s)
{
        if (!s)
                return;
        if (!strpbrk(s, ",\"\n\r")) {
                fputs(s, f);
                return;
        }
        fputc('"', f);
        for (; *s; s++) {
                if (*s == '"')
                        fputc('"', f);
                fputc(*s, f);
        }
        fputc('"', f);
}

static void csv_header(FILE *f, size_t n_feat)
{
        for (size_t i = 0; i < ARRAY_SIZE(fields); i++)
                fprintf(f, "%s%s", i ? "," : "", fields[i].name);
        /* Read through a volatile: the weak symbol may be absent, which the compiler must not
         * assume away. */
        const char *const *volatile schema_ref = features_schema;
        const char *const *schema = schema_ref;
        size_t named = 0;
        if (schema)
                while (schema[named])
                        named++;
        for (size_t k = 0; k < n_feat; k++) {
                if (k < named)
                        fprintf(f, ",f_%s", schema[k]);
                else
                        fprintf(f, ",f%zu", k);
        }
        fputc('\n', f);
}

static void csv_row(FILE *f, const struct run_record *r, size_t n_feat)
{
        for (size_t i = 0; i < ARRAY_SIZE(fields); i++) {
                const struct field *fl = &fields[i];
                if (i)
                        fputc(',', f);
                switch (fl->kind) {
                case K_I64:
                        fprintf(f, "%" PRId64, *AT(r, fl, const int64_t));
                        break;
                case K_U64:
                        fprintf(f, "%" PRIu64, *AT(r, fl, const uint64_t));
                        break;
                case K_INT:
                        fprintf(f, "%d", *AT(r, fl, const int));
                        break;
                case K_BOOL:
                        fputs(*AT(r, fl, const bool) ? "1" : "0", f);
                        break;
                case K_DBL:
                        fprintf(f, "%.17g", *AT(r, fl, const double));
                        break;
                case K_STR:
                        csv_str(f, AT(r, fl, const char));
                        break;
                case K_JSON:
                        csv_str(f, *AT(r, fl, const char *const));
                        break;
                case K_ALLOW: {
                        char buf[NET_ALLOW_MAX * 24];
                        allow_format(AT(r, fl, const struct alloc), buf, sizeof(buf));
                        csv_str(f, buf);
                        break;
                }
                }
        }
        for (size_t k = 0; k < n_feat; k++) {
                if (k < r->n_features)
                        fprintf(f, ",%.17g", r->features[k]);
                else
                        fputc(',', f);
        }
        fputc('\n', f);
}

static int export_cb(const struct run_record *r, void *ctx)
{
        struct export_ctx *c = ctx;
        if (c->csv) {
                csv_row(c->out, r, c->n_feat);
        } else {
                json_t *o = run_to_json(r);
                if (!o)
                        return c->err = -ENOMEM;
                int w = json_dumpf(o, c->out, JSON_COMPACT | JSON_REAL_PRECISION(17));
                json_decref(o);
                if (w < 0)
                        return c->err = -EIO;
                fputc('\n', c->out);
        }
        if (ferror(c->out))
                return c->err = -EIO;
        return 0;
}

static int do_export(struct store *s, const char *format, const char *out_path)
{
        struct export_ctx c = {.csv = !strcmp(format, "csv")};
        _cleanup_free_ char *tmp = NULL;
        if (out_path) {
                /* Write beside the target and rename: a failed export leaves the old file. */
                if (asprintf(&tmp, "%s.tmp.%d", out_path, (int)getpid()) < 0) {
                        tmp = NULL;
                        return 1;
                }
                if (!(c.out = fopen(tmp, "we"))) {
                        fprintf(stderr, "presize runs: cannot write %s: %s\n", out_path,
                                strerror(errno));
                        return 1;
                }
        } else {
                c.out = stdout;
        }
        int r = 0;
        if (c.csv) {
                r = store_runs_foreach(s, max_features_cb, &c.n_feat);
                if (r == 0)
                        csv_header(c.out, c.n_feat);
        }
        if (r == 0)
                r = store_runs_foreach(s, export_cb, &c);
        if (r > 0)
                r = c.err;
        if (fflush(c.out) != 0 && r == 0)
                r = -errno;
        if (out_path) {
                if (fclose(c.out) != 0 && r == 0)
                        r = -errno;
                if (r == 0 && rename(tmp, out_path) < 0)
                        r = -errno;
                if (r < 0)
                        unlink(tmp);
        }
        if (r < 0) {
                fprintf(stderr, "presize runs: export failed: %s\n", strerror(-r));
                return 1;
        }
        return 0;
}

/* ---- list ---- */

static int list_table_cb(const struct run_record *r, void *ctx)
{
        char when[32], cpu[32], mem[32], wall[32];
        time_t t = (time_t)r->created_at;
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(when, sizeof(when), "%Y-%m-%d %H:%M", &tm);
        printf("%6" PRId64 "  %-16s  %-24.24s %-10s %-14.14s %10" PRIu64 "  %-7s %8s %8s %8s\n",
               r->id, when, r->program[0] ? r->program : "-", r->language, r->algorithm, r->size,
               r->outcome, fmt_duration(r->usage.cpu_ns / 1000000 * 1000000, cpu, sizeof(cpu)),
               fmt_bytes(r->usage.peak_memory_bytes, mem, sizeof(mem)),
               fmt_duration(r->usage.wall_ns / 1000000 * 1000000, wall, sizeof(wall)));
        return 0;
}

static int list_json_cb(const struct run_record *r, void *ctx)
{
        struct export_ctx *c = ctx;
        json_t *o = run_to_json(r);
        if (!o)
                return c->err = -ENOMEM;
        fputs(c->first ? "\n  " : ",\n  ", stdout);
        c->first = false;
        json_dumpf(o, stdout, JSON_COMPACT | JSON_REAL_PRECISION(17));
        json_decref(o);
        return 0;
}

static int do_list(struct store *s, bool json, size_t limit)
{
        int r;
        if (json) {
                struct export_ctx c = {.first = true};
                fputc('[', stdout);
                r = store_runs_last(s, limit, list_json_cb, &c);
                fputs(c.first ? "]\n" : "\n]\n", stdout);
                if (r > 0)
                        r = c.err;
        } else {
                printf("%6s  %-16s  %-24s %-10s %-14s %10s  %-7s %8s %8s %8s\n", "ID",
                       "CREATED (UTC)", "PROGRAM", "LANGUAGE", "ALGORITHM", "SIZE", "OUTCOME",
                       "CPU", "PEAK-MEM", "WALL");
                r = store_runs_last(s, limit, list_table_cb, NULL);
        }
        if (r < 0) {
                fprintf(stderr, "presize runs: cannot read the runs: %s\n", strerror(-r));
                return 1;
        }
        return 0;
}

/* ---- import ---- */

static int do_import(struct store *s, const char *path)
{
        _cleanup_fclose_ FILE *f = strcmp(path, "-") ? fopen(path, "re") : NULL;
        FILE *in = strcmp(path, "-") ? f : stdin;
        if (!in) {
                fprintf(stderr, "presize runs: cannot read %s: %s\n", path, strerror(errno));
                return 2;
        }
        _cleanup_free_ char *line = NULL;
        size_t cap = 0;
        ssize_t len;
        uint64_t lineno = 0, added = 0, present = 0;
        int r = store_begin(s), rc = 0;
        if (r < 0) {
                fprintf(stderr, "presize runs: cannot write the store: %s\n",
                        r == -EBUSY ? "it is locked by another process" : strerror(-r));
                return 1;
        }
        while ((len = getline(&line, &cap, in)) > 0) {
                lineno++;
                size_t n = (size_t)len;
                while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' '))
                        line[--n] = '\0';
                if (n == 0)
                        continue;
                json_error_t jerr;
                json_t *o = json_loadb(line, n, 0, &jerr);
                if (!o) {
                        fprintf(stderr, "presize runs: %s:%" PRIu64 ": not JSON: %s\n", path,
                                lineno, jerr.text);
                        rc = 2;
                        break;
                }
                struct run_record rec;
                double *feat = NULL;
                char *pred = NULL, *adj = NULL, why[160];
                r = run_from_json(o, &rec, &feat, &pred, &adj, why, sizeof(why));
                json_decref(o);
                bool exists = false;
                if (r == 0)
                        r = store_run_exists_same(s, &rec, &exists);
                if (r == 0 && !exists) {
                        rec.id = 0;
                        r = store_run_insert(s, &rec);
                }
                free(feat);
                free(pred);
                free(adj);
                if (r == -EINVAL) {
                        fprintf(stderr, "presize runs: %s:%" PRIu64 ": %s\n", path, lineno,
                                why[0] ? why : "invalid run");
                        rc = 2;
                        break;
                }
                if (r < 0) {
                        fprintf(stderr, "presize runs: %s:%" PRIu64 ": cannot store it: %s\n", path,
                                lineno, strerror(-r));
                        rc = 1;
                        break;
                }
                if (exists)
                        present++;
                else
                        added++;
        }
        if (rc == 0 && ferror(in)) {
                fprintf(stderr, "presize runs: reading %s failed\n", path);
                rc = 1;
        }
        if (rc != 0) {
                store_rollback(s);
                fprintf(stderr, "presize runs: nothing imported\n");
                return rc;
        }
        if ((r = store_commit(s)) < 0) {
                store_rollback(s);
                fprintf(stderr, "presize runs: cannot commit the import: %s\n", strerror(-r));
                return 1;
        }
        fprintf(stderr,
                "presize runs: imported %" PRIu64 " runs (%" PRIu64 " already present) from %s\n",
                added, present, path);
        return 0;
}

enum { OPT_DB = 256, OPT_JSON, OPT_LIMIT, OPT_FORMAT, OPT_OUT };

int cmd_runs(int argc, char **argv)
{
        static const struct option opts[] = {
            {"db", required_argument, NULL, OPT_DB},
            {"json", no_argument, NULL, OPT_JSON},
            {"limit", required_argument, NULL, OPT_LIMIT},
            {"format", required_argument, NULL, OPT_FORMAT},
            {"out", required_argument, NULL, OPT_OUT},
            {"help", no_argument, NULL, 'h'},
            {NULL, 0, NULL, 0},
        };
        const char *db = NULL, *format = NULL, *out = NULL;
        bool json = false, have_limit = false;
        size_t limit = 20;
        int c;

        if (argc < 2) {
                fputs(usage_text, stderr);
                return 2;
        }
        const char *sub = argv[1];
        if (!strcmp(sub, "--help") || !strcmp(sub, "-h") || !strcmp(sub, "help")) {
                fputs(usage_text, stdout);
                return 0;
        }
        if (strcmp(sub, "list") && strcmp(sub, "export") && strcmp(sub, "import"))
                return bad("unknown subcommand '%s' (list, export or import; see 'presize runs "
                           "--help')",
                           sub);
        argc--;
        argv++;
        optind = 1;
        opterr = 0;
        while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
                const char *v = optarg;
                switch (c) {
                case OPT_DB:
                        if (!*v)
                                return bad("--db: empty path");
                        db = v;
                        break;
                case OPT_JSON:
                        json = true;
                        break;
                case OPT_LIMIT: {
                        char *end;
                        errno = 0;
                        long long n = strtoll(v, &end, 10);
                        if (errno || *end || end == v || n < 0)
                                return bad("--limit '%s': expected a count (0 = all)", v);
                        limit = (size_t)n;
                        have_limit = true;
                        break;
                }
                case OPT_FORMAT:
                        if (strcmp(v, "csv") && strcmp(v, "jsonl"))
                                return bad("--format '%s': expected csv or jsonl", v);
                        format = v;
                        break;
                case OPT_OUT:
                        if (!*v)
                                return bad("--out: empty path");
                        out = v;
                        break;
                case 'h':
                        fputs(usage_text, stdout);
                        return 0;
                default:
                        return bad("unknown option or missing value in '%s' (see 'presize runs "
                                   "--help')",
                                   argv[optind - 1]);
                }
        }
        const char *file = NULL;
        if (!strcmp(sub, "import")) {
                if (optind >= argc)
                        return bad("import: missing FILE.jsonl");
                if (optind + 1 < argc)
                        return bad("import: one FILE only (got '%s' too)", argv[optind + 1]);
                if (json || have_limit || format || out)
                        return bad("import takes only FILE and --db");
                file = argv[optind];
        } else if (optind < argc) {
                return bad("%s takes no arguments (got '%s')", sub, argv[optind]);
        }
        if (!strcmp(sub, "export")) {
                if (!format)
                        return bad("export: --format csv or --format jsonl is required");
                if (json || have_limit)
                        return bad("export exports every run; --json and --limit are for list");
        }
        if (!strcmp(sub, "list") && (format || out))
                return bad("list takes --json, --limit and --db; use export for files");
        if (!db)
                db = store_default_path();

        struct store *s = NULL;
        int r = store_open(db, &s);
        if (r < 0) {
                if (r == -EPROTO)
                        fprintf(stderr,
                                "presize runs: %s is not a presize database, or was written by "
                                "a newer presize (this one reads schema %d)\n",
                                db, store_schema_version());
                else if (r == -EBUSY)
                        fprintf(stderr,
                                "presize runs: %s is locked by another process; try again later\n",
                                db);
                else
                        fprintf(stderr, "presize runs: cannot open the store %s: %s\n", db,
                                strerror(-r));
                return r == -EPROTO ? 2 : 1;
        }
        int rc;
        if (!strcmp(sub, "list"))
                rc = do_list(s, json, limit);
        else if (!strcmp(sub, "export"))
                rc = do_export(s, format, out);
        else
                rc = do_import(s, file);
        store_close(s);
        return rc;
}
