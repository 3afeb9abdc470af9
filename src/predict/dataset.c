/* Training rows from the store's runs or from an exported JSON Lines file. Only runs whose
 * outcome is "ok" are kept; the others are counted by outcome (they say how much a program
 * needed only up to the point where it failed, which would teach the model too little). */
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "predict/predict.h"
#include "store/store.h"
#include "util/cleanup.h"

void dataset_free(struct dataset *d)
{
        for (size_t i = 0; i < d->n; i++)
                free(d->rows[i].code);
        free(d->rows);
        *d = (struct dataset){0};
}

int dataset_add_one(struct dataset *d, const struct row *r)
{
        if (d->n == d->cap) {
                size_t nc = d->cap ? d->cap * 2 : 256;
                struct row *nr = reallocarray(d->rows, nc, sizeof(*nr));
                if (!nr)
                        return -ENOMEM;
                d->rows = nr;
                d->cap = nc;
        }
        d->rows[d->n++] = *r;
        return 0;
}

static void count_excluded(struct dataset *d, const char *outcome)
{
        static const char *const names[] = {"failed", "timeout", "oom", "error"};
        d->excluded++;
        for (size_t i = 0; i < ARRAY_SIZE(names); i++)
                if (!strcmp(outcome, names[i])) {
                        d->excluded_by[i]++;
                        return;
                }
        d->excluded_by[4]++;
}

static void copy(char *dst, size_t len, const char *src)
{
        snprintf(dst, len, "%s", src ? src : "");
}

/* A row from its parts; features may be NULL (code block missing), lit NULL likewise. */
static int make_row(struct dataset *d, const struct run_record *r, const double *lit,
                    const double y[T__COUNT])
{
        struct row row = {0};
        copy(row.program, sizeof(row.program), r->program[0] ? r->program : r->code_hash);
        copy(row.language, sizeof(row.language), r->language);
        copy(row.algorithm, sizeof(row.algorithm), r->algorithm);
        copy(row.libraries, sizeof(row.libraries), r->libraries);
        copy(row.code_hash, sizeof(row.code_hash), r->code_hash);
        row.input_bytes = r->input_bytes;
        row.size = r->size;
        struct notification n = {row.language, row.libraries, row.algorithm, row.input_bytes};
        meta_vector(&n, row.meta);
        row.code = malloc(code_len() * sizeof(double));
        if (!row.code)
                return -ENOMEM;
        bool features_ok = r->features && r->features_version == predict_features_version() &&
                           r->n_features == code_features_len();
        if (r->features && !features_ok)
                d->wrong_features++;
        if (!lit)
                d->no_literals++;
        code_vector(row.meta, features_ok ? r->features : NULL, r->n_features, lit, row.code);
        memcpy(row.y, y, sizeof(row.y));
        int ret = dataset_add_one(d, &row);
        if (ret < 0)
                free(row.code);
        return ret;
}

static int from_store_cb(const struct run_record *r, void *ctx)
{
        struct dataset *d = ctx;
        if (strcmp(r->outcome, "ok")) {
                count_excluded(d, r->outcome);
                return 0;
        }
        double y[T__COUNT];
        usage_targets(&r->usage, y);
        return make_row(d, r, NULL, y);
}

int dataset_from_store(struct store *s, struct dataset *d)
{
        return store_runs_foreach(s, from_store_cb, d);
}

static double num(json_t *o, const char *key, double def)
{
        json_t *v = json_object_get(o, key);
        return json_is_number(v) ? json_number_value(v) : def;
}

static const char *str(json_t *o, const char *key)
{
        return json_string_value(json_object_get(o, key));
}

/* Usage fields as `presize exec --json` names them, from "usage" or the row itself; struct usage
 * names (cpu_ns, wall_ns) are accepted too. */
static void row_usage(json_t *o, struct usage *u)
{
        json_t *src = json_object_get(o, "usage");
        if (!json_is_object(src))
                src = o;
        double cpu = num(src, "cpu_seconds", NAN), wall = num(src, "wall_seconds", NAN);
        u->cpu_ns = isnan(cpu) ? (uint64_t)num(src, "cpu_ns", 0) : (uint64_t)(cpu * 1e9);
        u->wall_ns = isnan(wall) ? (uint64_t)num(src, "wall_ns", 0) : (uint64_t)(wall * 1e9);
        u->peak_memory_bytes = (uint64_t)num(src, "peak_memory_bytes", 0);
        u->avg_cores = num(src, "avg_cores", 0);
        u->net_rx_bytes = (uint64_t)num(src, "net_rx_bytes", 0);
        u->net_tx_bytes = (uint64_t)num(src, "net_tx_bytes", 0);
}

static int libs_string(json_t *o, char *out, size_t len)
{
        json_t *l = json_object_get(o, "libraries");
        out[0] = '\0';
        if (json_is_string(l)) {
                copy(out, len, json_string_value(l));
        } else if (json_is_array(l)) {
                size_t i;
                json_t *v;
                json_array_foreach(l, i, v)
                {
                        const char *s = json_string_value(v);
                        if (!s)
                                continue;
                        size_t cur = strlen(out);
                        snprintf(out + cur, len - cur, "%s%s", cur ? "," : "", s);
                }
        }
        return 0;
}

static int from_json_row(struct dataset *d, json_t *o)
{
        const char *outcome = str(o, "outcome");
        if (outcome && strcmp(outcome, "ok")) {
                count_excluded(d, outcome);
                return 0;
        }
        struct run_record r = {0};
        copy(r.program, sizeof(r.program), str(o, "program"));
        copy(r.language, sizeof(r.language), str(o, "language"));
        copy(r.algorithm, sizeof(r.algorithm), str(o, "algorithm"));
        copy(r.code_hash, sizeof(r.code_hash), str(o, "code_hash"));
        libs_string(o, r.libraries, sizeof(r.libraries));
        r.input_bytes = (uint64_t)num(o, "input_bytes", 0);
        r.size = (uint64_t)num(o, "size", 0);
        r.features_version = (int)num(o, "features_version", -1);
        json_t *f = json_object_get(o, "features");
        _cleanup_free_ double *feat = NULL;
        if (json_is_array(f)) {
                r.n_features = json_array_size(f);
                feat = calloc(r.n_features ? r.n_features : 1, sizeof(double));
                if (!feat)
                        return -ENOMEM;
                for (size_t i = 0; i < r.n_features; i++) {
                        json_t *v = json_array_get(f, i);
                        feat[i] = json_is_number(v) ? json_number_value(v) : NAN;
                }
                r.features = feat;
        }
        double lit[LIT_LEN], *litp = NULL;
        json_t *lj = json_object_get(o, "literals");
        const char *source = str(o, "source_text") ?: str(o, "code");
        if (json_is_array(lj) && json_array_size(lj) == LIT_LEN) {
                for (size_t i = 0; i < LIT_LEN; i++)
                        lit[i] = json_number_value(json_array_get(lj, i));
                litp = lit;
        } else if (source) {
                literal_stats(source, strlen(source), lit);
                litp = lit;
        }
        struct usage u = {0};
        row_usage(o, &u);
        double y[T__COUNT];
        usage_targets(&u, y);
        return make_row(d, &r, litp, y);
}

int dataset_from_jsonl(const char *path, struct dataset *d, size_t *line)
{
        _cleanup_fclose_ FILE *f = fopen(path, "re");
        if (!f)
                return -errno;
        _cleanup_free_ char *buf = NULL;
        size_t cap = 0;
        ssize_t len;
        size_t ln = 0;
        while ((len = getline(&buf, &cap, f)) >= 0) {
                ln++;
                if (len == 0 || buf[0] == '\n')
                        continue;
                json_error_t err;
                json_t *o = json_loadb(buf, (size_t)len, 0, &err);
                if (!json_is_object(o)) {
                        json_decref(o);
                        if (line)
                                *line = ln;
                        return -EINVAL;
                }
                int ret = from_json_row(d, o);
                json_decref(o);
                if (ret < 0)
                        return ret;
        }
        return 0;
}

static void count_into(json_t *o, const char *key)
{
        json_t *v = json_object_get(o, key);
        json_object_set_new(o, key, json_integer(v ? json_integer_value(v) + 1 : 1));
}

json_t *dataset_describe(const struct dataset *d)
{
        json_t *j = json_object();
        json_t *langs = json_object(), *algos = json_object(), *progs = json_object();
        for (size_t i = 0; i < d->n; i++) {
                count_into(langs, d->rows[i].language[0] ? d->rows[i].language : "unknown");
                count_into(algos, d->rows[i].algorithm[0] ? d->rows[i].algorithm : "unknown");
                count_into(progs, d->rows[i].program);
        }
        json_object_set_new(j, "runs", json_integer((json_int_t)d->n));
        json_object_set_new(j, "programs", json_integer((json_int_t)json_object_size(progs)));
        json_object_set_new(j, "languages", langs);
        json_object_set_new(j, "algorithms", algos);
        json_t *ex = json_object();
        static const char *const names[] = {"failed", "timeout", "oom", "error", "other"};
        for (size_t i = 0; i < ARRAY_SIZE(names); i++)
                json_object_set_new(ex, names[i], json_integer((json_int_t)d->excluded_by[i]));
        json_object_set_new(j, "excluded", json_integer((json_int_t)d->excluded));
        json_object_set_new(j, "excluded_by_outcome", ex);
        json_object_set_new(j, "rows_without_literals", json_integer((json_int_t)d->no_literals));
        json_object_set_new(j, "rows_with_other_features",
                            json_integer((json_int_t)d->wrong_features));
        json_decref(progs);
        return j;
}
