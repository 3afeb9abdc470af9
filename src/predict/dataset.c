/* Training rows from the store's runs or from an exported JSON Lines file. Only runs whose
 * outcome is "ok" are kept; the others are counted by outcome (they say how much a program
 * needed only up to the point where it failed, which would teach the model too little). */
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "predict/predict.h"
#include "store/sha256.h"
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

/* ---- literal statistics from the corpus ---- */

struct corpus_file {
        char *rel;  /* "python/dp_lcs.py" */
        char *text; /* the template, NUL-terminated */
        size_t len;
};

static void corpus_files_free(struct corpus_file *f, size_t n)
{
        for (size_t i = 0; i < n; i++) {
                free(f[i].rel);
                free(f[i].text);
        }
        free(f);
}

static int read_whole(const char *path, char **out, size_t *len)
{
        FILE *f = fopen(path, "re");
        if (!f)
                return -errno;
        size_t cap = 4096, n = 0;
        char *buf = malloc(cap);
        int ret = buf ? 0 : -ENOMEM;
        size_t got;
        while (ret == 0 && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
                n += got;
                if (n + 1 < cap)
                        continue;
                char *nb = cap < (64u << 20) ? realloc(buf, cap * 2) : NULL;
                if (!nb) {
                        ret = cap < (64u << 20) ? -ENOMEM : -EFBIG;
                        break;
                }
                buf = nb;
                cap *= 2;
        }
        fclose(f);
        if (ret < 0) {
                free(buf);
                return ret;
        }
        buf[n] = '\0';
        *len = n;
        *out = buf;
        return 0;
}

/* Source files up to two directories deep (corpus/<language>/<program>.<ext>, or one more level
 * for programs with several files). */
static int collect_corpus(const char *root, const char *rel, int depth, struct corpus_file **f,
                          size_t *n, size_t *cap)
{
        char dir[4096];
        int k = snprintf(dir, sizeof(dir), "%s%s%s", root, *rel ? "/" : "", rel);
        if (k < 0 || (size_t)k >= sizeof(dir))
                return -ENAMETOOLONG;
        _cleanup_closedir_ DIR *d = opendir(dir);
        if (!d)
                return -errno;
        struct dirent *e;
        while ((e = readdir(d))) {
                if (e->d_name[0] == '.')
                        continue;
                char r[4096], full[8192];
                k = snprintf(r, sizeof(r), "%s%s%s", rel, *rel ? "/" : "", e->d_name);
                if (k < 0 || (size_t)k >= sizeof(r))
                        continue;
                k = snprintf(full, sizeof(full), "%s/%s", root, r);
                if (k < 0 || (size_t)k >= sizeof(full))
                        continue;
                if (e->d_type == DT_DIR) {
                        if (depth < 2)
                                collect_corpus(root, r, depth + 1, f, n, cap);
                        continue;
                }
                if (e->d_type != DT_REG)
                        continue;
                const char *dot = strrchr(e->d_name, '.');
                static const char *const exts[] = {".py", ".js", ".mjs", ".c", ".java"};
                bool src = false;
                for (size_t i = 0; dot && i < ARRAY_SIZE(exts); i++)
                        src |= !strcmp(dot, exts[i]);
                if (!src)
                        continue;
                if (*n == *cap) {
                        size_t nc = *cap ? *cap * 2 : 256;
                        struct corpus_file *nf = reallocarray(*f, nc, sizeof(**f));
                        if (!nf)
                                return -ENOMEM;
                        *f = nf;
                        *cap = nc;
                }
                struct corpus_file cf = {0};
                if (read_whole(full, &cf.text, &cf.len) < 0)
                        continue;
                cf.rel = strdup(r);
                if (!cf.rel) {
                        free(cf.text);
                        return -ENOMEM;
                }
                (*f)[(*n)++] = cf;
        }
        return 0;
}

/* The corpus's manifest.json names each program's file: {"programs": [{"id", "path"}, ...]}.
 * Entries are keyed by id (rel holds the id; the file is read from its path). */
static int collect_manifest(const char *dir, struct corpus_file **f, size_t *n, size_t *cap)
{
        char path[4096];
        int k = snprintf(path, sizeof(path), "%s/manifest.json", dir);
        if (k < 0 || (size_t)k >= sizeof(path))
                return -ENAMETOOLONG;
        json_error_t err;
        json_t *m = json_load_file(path, 0, &err);
        if (!m)
                return -ENOENT;
        json_t *progs = json_object_get(m, "programs");
        size_t np = json_array_size(progs);
        int ret = 0;
        *f = calloc(np ? np : 1, sizeof(**f));
        if (!*f) {
                json_decref(m);
                return -ENOMEM;
        }
        *cap = np ? np : 1;
        for (size_t i = 0; i < np; i++) {
                json_t *e = json_array_get(progs, i);
                const char *id = json_string_value(json_object_get(e, "id"));
                const char *rel = json_string_value(json_object_get(e, "path"));
                if (!id || !rel || strstr(rel, ".."))
                        continue;
                char full[8192];
                k = snprintf(full, sizeof(full), "%s/%s", dir, rel);
                if (k < 0 || (size_t)k >= sizeof(full))
                        continue;
                struct corpus_file cf = {0};
                if (read_whole(full, &cf.text, &cf.len) < 0)
                        continue;
                cf.rel = strdup(id);
                if (!cf.rel) {
                        free(cf.text);
                        ret = -ENOMEM;
                        break;
                }
                (*f)[(*n)++] = cf;
        }
        json_decref(m);
        return ret;
}

/* Whether program id p names file rel: "python/dp_lcs.py", "python/dp_lcs", "dp_lcs",
 * "python:dp_lcs", ... any of them. */
static bool names_file(const char *p, const char *rel)
{
        if (!strcmp(p, rel))
                return true;
        const char *dot = strrchr(rel, '.');
        size_t stem_len = dot ? (size_t)(dot - rel) : strlen(rel);
        if (strlen(p) == stem_len && !strncmp(p, rel, stem_len))
                return true;
        const char *base = strrchr(rel, '/');
        base = base ? base + 1 : rel;
        size_t blen = dot ? (size_t)(dot - base) : strlen(base);
        size_t plen = strlen(p);
        /* the id ends with the file's stem, after a separator or alone */
        if (plen >= blen && !strncmp(p + plen - blen, base, blen) &&
            (plen == blen || strchr("/:._-", p[plen - blen - 1])))
                return true;
        return false;
}

/* The template with every __SIZE__ replaced by size. */
static char *instantiate(const struct corpus_file *cf, uint64_t size, size_t *len)
{
        char num[32];
        int nl = snprintf(num, sizeof(num), "%llu", (unsigned long long)size);
        size_t count = 0;
        for (const char *p = cf->text; (p = strstr(p, "__SIZE__")); p += 8)
                count++;
        size_t out_len = cf->len + count * (size_t)nl;
        char *o = malloc(out_len + 1);
        if (!o)
                return NULL;
        size_t k = 0;
        const char *p = cf->text;
        for (const char *q; (q = strstr(p, "__SIZE__")); p = q + 8) {
                memcpy(o + k, p, (size_t)(q - p));
                k += (size_t)(q - p);
                memcpy(o + k, num, (size_t)nl);
                k += (size_t)nl;
        }
        size_t rest = strlen(p);
        memcpy(o + k, p, rest);
        k += rest;
        o[k] = '\0';
        *len = k;
        return o;
}

int dataset_literals_from_corpus(struct dataset *d, const char *dir, size_t *found,
                                 size_t *verified)
{
        struct corpus_file *files = NULL;
        size_t nf = 0, cap = 0;
        *found = *verified = 0;
        int ret = collect_manifest(dir, &files, &nf, &cap);
        if (ret == -ENOENT)
                ret = collect_corpus(dir, "", 0, &files, &nf, &cap);
        if (ret < 0) {
                corpus_files_free(files, nf);
                return ret;
        }
        size_t lit_at = code_len() - LIT_LEN;
        struct analyzer *an = NULL;
        if (code_analyzer_new(&an) < 0)
                an = NULL; /* built without the analyser: the literals alone */
        for (size_t i = 0; i < d->n; i++) {
                struct row *r = &d->rows[i];
                if (!isnan(r->code[lit_at]))
                        continue;
                const struct corpus_file *cf = NULL;
                /* the language directory must agree when the id does not name one */
                for (size_t k = 0; k < nf && !cf; k++)
                        if (names_file(r->program, files[k].rel) &&
                            (!r->language[0] || strstr(files[k].rel, r->language) ||
                             strchr(r->program, '/')))
                                cf = &files[k];
                for (size_t k = 0; k < nf && !cf; k++)
                        if (names_file(r->program, files[k].rel))
                                cf = &files[k];
                if (!cf)
                        continue;
                size_t len;
                _cleanup_free_ char *text = instantiate(cf, r->size, &len);
                if (!text) {
                        ret = -ENOMEM;
                        break;
                }
                char hex[SHA256_HEX_LEN];
                sha256_hex(text, len, hex);
                bool same = !strcmp(hex, r->code_hash);
                bool had_features = !isnan(r->code[META_LEN]);
                struct code_input in = {
                    .path = cf->rel, .lang = r->language, .src = text, .len = len};
                struct notification nn = {r->language, r->libraries, r->algorithm, r->input_bytes};
                if (same && an && code_from_source(an, &in, &nn, r->code, NULL, NULL) == 0) {
                        if (!had_features && d->wrong_features)
                                d->wrong_features--;
                } else {
                        literal_stats(text, len, r->code + lit_at);
                        code_vector_derive(r->code);
                }
                *verified += same;
                (*found)++;
                if (d->no_literals)
                        d->no_literals--;
        }
        code_analyzer_free(an);
        corpus_files_free(files, nf);
        return ret;
}
