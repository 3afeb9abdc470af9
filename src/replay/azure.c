/* The Azure Functions 2019 trace (Azure/AzurePublicDataset, AzureFunctionsDataset2019.md) in
 * either layout: the original archive's per-day files
 *   invocations_per_function_md.anon.dNN.csv   HashOwner,HashApp,HashFunction,Trigger,1..1440
 *   function_durations_percentiles.anon.dNN.csv HashOwner,HashApp,HashFunction,Average,Count,
 *                                                Minimum,Maximum,percentile_Average_0..._100
 *   app_memory_percentiles.anon.dNN.csv         HashOwner,HashApp,SampleCount,
 *                                                AverageAllocatedMb,AverageAllocatedMb_pct1..100
 * (memory per application: joined by HashOwner + HashApp), or the InVitro sample's
 * NAME_inv.csv (HashFunction,HashOwner,HashApp,minute_1..), NAME_run.csv and NAME_mem.csv.
 * Columns are found by their header names, so their order does not matter. Malformed rows are
 * reported with their line numbers, skipped and counted. */
#include "replay/replay.h"
#include "util/cleanup.h"
#include "util/why.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_DAYS     64
#define REPORT_LINES 10

/* ---- a map from 64-bit keys to indices (open addressing) ---- */
struct map {
        uint64_t *keys;
        uint32_t *vals;
        size_t cap, n;
};

static void map_free(struct map *m)
{
        free(m->keys);
        free(m->vals);
        memset(m, 0, sizeof(*m));
}

static uint32_t *map_slot(struct map *m, uint64_t k, bool *found)
{
        size_t mask = m->cap - 1, i = (size_t)(k * 0x9e3779b97f4a7c15ULL) & mask;
        for (;; i = (i + 1) & mask) {
                if (m->vals[i] == UINT32_MAX) {
                        *found = false;
                        m->keys[i] = k;
                        return &m->vals[i];
                }
                if (m->keys[i] == k) {
                        *found = true;
                        return &m->vals[i];
                }
        }
}

static int map_rehash(struct map *m)
{
        size_t cap = m->cap ? m->cap * 2 : 1024;
        struct map n = {.keys = malloc(cap * sizeof(uint64_t)),
                        .vals = malloc(cap * sizeof(uint32_t)),
                        .cap = cap};
        if (!n.keys || !n.vals) {
                map_free(&n);
                return -ENOMEM;
        }
        memset(n.vals, 0xff, cap * sizeof(uint32_t));
        for (size_t i = 0; i < m->cap; i++)
                if (m->vals[i] != UINT32_MAX) {
                        bool f;
                        *map_slot(&n, m->keys[i], &f) = m->vals[i];
                }
        n.n = m->n;
        map_free(m);
        *m = n;
        return 0;
}

/* The index for k, or UINT32_MAX. */
static uint32_t map_get(const struct map *m, uint64_t k)
{
        if (!m->cap)
                return UINT32_MAX;
        size_t mask = m->cap - 1, i = (size_t)(k * 0x9e3779b97f4a7c15ULL) & mask;
        for (;; i = (i + 1) & mask) {
                if (m->vals[i] == UINT32_MAX)
                        return UINT32_MAX;
                if (m->keys[i] == k)
                        return m->vals[i];
        }
}

/* Insert if absent; false (and no change) when present. */
static int map_put(struct map *m, uint64_t k, uint32_t v)
{
        if ((m->n + 1) * 2 > m->cap) {
                int r = map_rehash(m);
                if (r < 0)
                        return r;
        }
        bool found;
        uint32_t *s = map_slot(m, k, &found);
        if (found)
                return 0;
        *s = v;
        m->n++;
        return 1;
}

static uint64_t fnv(uint64_t h, const char *s)
{
        for (; *s; s++)
                h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
        return (h ^ 0x1f) * 0x100000001b3ULL; /* a separator between fields */
}

/* ---- reading ---- */
struct reader {
        FILE *err;
        const char *path;
        uint64_t *bad;
        uint64_t reported;
};

static void bad_row(struct reader *rd, size_t line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void bad_row(struct reader *rd, size_t line, const char *fmt, ...)
{
        (*rd->bad)++;
        if (!rd->err || rd->reported++ >= REPORT_LINES)
                return;
        va_list ap;
        va_start(ap, fmt);
        fprintf(rd->err, "presize replay: %s:%zu: ", rd->path, line);
        vfprintf(rd->err, fmt, ap);
        fputs(" (row skipped)\n", rd->err);
        va_end(ap);
}

/* Split line (modified in place) at commas; strips the line end. Returns the field count. */
static size_t split(char *line, char **f, size_t max)
{
        size_t n = 0, len = strlen(line);
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
                line[--len] = '\0';
        char *p = line;
        for (;;) {
                if (n < max)
                        f[n] = p;
                n++;
                char *c = strchr(p, ',');
                if (!c)
                        break;
                *c = '\0';
                p = c + 1;
        }
        return n;
}

static int col(char **h, size_t n, const char *name)
{
        for (size_t i = 0; i < n; i++)
                if (!strcmp(h[i], name))
                        return (int)i;
        return -1;
}

static bool num(const char *s, double *v)
{
        char *end;
        if (!*s)
                return false;
        *v = strtod(s, &end);
        /* 1e15 ms is 31,000 years and 1e15 MB an exabyte: anything above is not a measurement */
        return *end == '\0' && isfinite(*v) && *v >= 0 && *v <= 1e15;
}

#define MAX_FIELDS 1600

struct dur_row {
        float d[REPLAY_DUR_PCT];
};
struct mem_row {
        float m[REPLAY_MEM_PCT];
};

struct tables {
        struct map dur_map; /* function key -> dur index */
        struct dur_row *dur;
        size_t n_dur, cap_dur;
        struct map mem_map; /* app key -> mem index */
        struct mem_row *mem;
        size_t n_mem, cap_mem;
        struct map fn_map; /* function key -> trace index */
};

static void tables_free(struct tables *t)
{
        map_free(&t->dur_map);
        map_free(&t->mem_map);
        map_free(&t->fn_map);
        free(t->dur);
        free(t->mem);
}

static int push(void **p, size_t *n, size_t *cap, size_t size, const void *v)
{
        if (*n == *cap) {
                size_t c = *cap ? *cap * 2 : 256;
                void *q = realloc(*p, c * size);
                if (!q)
                        return -ENOMEM;
                *p = q;
                *cap = c;
        }
        memcpy((char *)*p + *n * size, v, size);
        (*n)++;
        return 0;
}

/* Open and read the header into fields; *buf owns the line the fields point into. */
static int open_csv(const char *path, FILE **f, char **buf, size_t *cap, char **h, size_t *nh,
                    char *why, size_t why_len)
{
        *f = fopen(path, "re");
        if (!*f)
                return why_einval(why, why_len, "cannot read %s: %s", path, strerror(errno));
        if (getline(buf, cap, *f) < 0)
                return why_einval(why, why_len, "%s: empty file (no header)", path);
        *nh = split(*buf, h, MAX_FIELDS);
        if (*nh > MAX_FIELDS)
                return why_einval(why, why_len, "%s: more than %d columns", path, MAX_FIELDS);
        return 0;
}

/* The n percentile columns cp[] of a row into out[], sorted (percentiles of averages need not be
 * monotone in the archive's rounding). false, the row reported, when one is not a number in range:
 * durations in ms (0 to 1e15), or sizes in MB (above 0, at most 1e15) when sizes. */
static bool percentiles(struct reader *rd, size_t line, char **fl, const int *cp,
                        const char *const *names, int n, bool sizes, float *out)
{
        for (int k = 0; k < n; k++) {
                double v;
                if (!num(fl[cp[k]], &v) || (sizes && v <= 0)) {
                        bad_row(rd, line,
                                sizes ? "%s: '%.20s' is not a size in MB (above 0, at most 1e15)"
                                      : "%s: '%.20s' is not a duration in ms (0 to 1e15)",
                                names[k], fl[cp[k]]);
                        return false;
                }
                out[k] = (float)v;
        }
        for (int a = 1; a < n; a++)
                for (int b = a; b > 0 && out[b] < out[b - 1]; b--) {
                        float x = out[b];
                        out[b] = out[b - 1];
                        out[b - 1] = x;
                }
        return true;
}

/* A percentile file of the archive: which columns, what they measure, where its rows go. */
struct pct_file {
        const char *what;        /* "durations", "memory": in "not a %s file" */
        const char *hint;        /* appended to that sentence */
        const char *const *keys; /* the columns that name a row's function or app, NULL-ended */
        const char *keys_text;   /* ... as "no %s columns" says them */
        const char *const *pct;  /* the percentile columns */
        int npct;
        bool sizes; /* MB above 0, else ms from 0 */
        struct map *map;
        void **rows; /* npct floats each */
        size_t *n, *cap;
};

/* Read one percentile file into its table: a row per key (the first one read wins), rows that
 * are not numbers reported and skipped. */
static int read_percentiles(const char *path, const struct pct_file *pf, struct reader *rd,
                            char *why, size_t why_len)
{
        _cleanup_fclose_ FILE *f = NULL;
        _cleanup_free_ char *buf = NULL;
        size_t cap = 0, nh;
        char *h[MAX_FIELDS];
        int r = open_csv(path, &f, &buf, &cap, h, &nh, why, why_len);
        if (r < 0)
                return r;
        int cp[REPLAY_MEM_PCT > REPLAY_DUR_PCT ? REPLAY_MEM_PCT : REPLAY_DUR_PCT], ck[4];
        int nk = 0;
        for (int k = 0; k < pf->npct; k++)
                if ((cp[k] = col(h, nh, pf->pct[k])) < 0)
                        return why_einval(why, why_len, "%s: not a %s file (no column %s%s)", path,
                                          pf->what, pf->pct[k], pf->hint);
        for (; pf->keys[nk]; nk++)
                if ((ck[nk] = col(h, nh, pf->keys[nk])) < 0)
                        return why_einval(why, why_len, "%s: no %s columns", path, pf->keys_text);
        size_t row_size = (size_t)pf->npct * sizeof(float);
        char *fl[MAX_FIELDS];
        size_t line = 1;
        while (getline(&buf, &cap, f) >= 0) {
                line++;
                size_t n = split(buf, fl, MAX_FIELDS);
                if (n == 1 && !fl[0][0])
                        continue; /* blank line */
                if (n != nh) {
                        bad_row(rd, line, "%zu fields, the header has %zu", n, nh);
                        continue;
                }
                float row[REPLAY_MEM_PCT > REPLAY_DUR_PCT ? REPLAY_MEM_PCT : REPLAY_DUR_PCT];
                if (!percentiles(rd, line, fl, cp, pf->pct, pf->npct, pf->sizes, row))
                        continue;
                uint64_t k = 0xcbf29ce484222325ULL;
                for (int i = 0; i < nk; i++)
                        k = fnv(k, fl[ck[i]]);
                r = map_put(pf->map, k, (uint32_t)*pf->n);
                if (r < 0)
                        return r;
                if (r == 1 && (r = push(pf->rows, pf->n, pf->cap, row_size, row)) < 0)
                        return r;
        }
        return 0;
}

static int read_durations(const char *path, struct tables *tb, struct reader *rd, char *why,
                          size_t why_len)
{
        static const char *const pct[REPLAY_DUR_PCT] = {
            "percentile_Average_0",  "percentile_Average_1",  "percentile_Average_25",
            "percentile_Average_50", "percentile_Average_75", "percentile_Average_99",
            "percentile_Average_100"};
        static const char *const keys[] = {"HashOwner", "HashApp", "HashFunction", NULL};
        _Static_assert(sizeof(struct dur_row) == sizeof(float) * REPLAY_DUR_PCT, "dur_row");
        const struct pct_file pf = {
            .what = "durations",
            .hint = "; the Azure 2019 format is in docs/replay.md",
            .keys = keys,
            .keys_text = "HashOwner, HashApp and HashFunction",
            .pct = pct,
            .npct = REPLAY_DUR_PCT,
            .sizes = false,
            .map = &tb->dur_map,
            .rows = (void **)&tb->dur,
            .n = &tb->n_dur,
            .cap = &tb->cap_dur,
        };
        return read_percentiles(path, &pf, rd, why, why_len);
}

static int read_memory(const char *path, struct tables *tb, struct reader *rd, char *why,
                       size_t why_len)
{
        static const char *const pct[REPLAY_MEM_PCT] = {
            "AverageAllocatedMb_pct1",  "AverageAllocatedMb_pct5",  "AverageAllocatedMb_pct25",
            "AverageAllocatedMb_pct50", "AverageAllocatedMb_pct75", "AverageAllocatedMb_pct95",
            "AverageAllocatedMb_pct99", "AverageAllocatedMb_pct100"};
        static const char *const keys[] = {"HashOwner", "HashApp", NULL};
        _Static_assert(sizeof(struct mem_row) == sizeof(float) * REPLAY_MEM_PCT, "mem_row");
        const struct pct_file pf = {
            .what = "memory",
            .hint = "",
            .keys = keys,
            .keys_text = "HashOwner and HashApp",
            .pct = pct,
            .npct = REPLAY_MEM_PCT,
            .sizes = true,
            .map = &tb->mem_map,
            .rows = (void **)&tb->mem,
            .n = &tb->n_mem,
            .cap = &tb->cap_mem,
        };
        return read_percentiles(path, &pf, rd, why, why_len);
}

/* Minute column i of the header: "minute_N" or "N" -> N - 1; -1 for other columns. */
static long minute_col(const char *name)
{
        if (!strncmp(name, "minute_", 7))
                name += 7;
        char *end;
        long m = strtol(name, &end, 10);
        if (end == name || *end || m < 1 || m > 100000)
                return -1;
        return m - 1;
}

static int read_invocations(const char *path, uint32_t offset, struct tables *tb,
                            struct replay_trace *t, struct reader *rd, char *why, size_t why_len)
{
        _cleanup_fclose_ FILE *f = NULL;
        _cleanup_free_ char *buf = NULL;
        size_t cap = 0, nh;
        char *h[MAX_FIELDS];
        int r = open_csv(path, &f, &buf, &cap, h, &nh, why, why_len);
        if (r < 0)
                return r;
        int co = col(h, nh, "HashOwner"), ca = col(h, nh, "HashApp"),
            cf = col(h, nh, "HashFunction");
        if (co < 0 || ca < 0 || cf < 0)
                return why_einval(why, why_len,
                                  "%s: not an invocations file (no HashOwner, HashApp and "
                                  "HashFunction columns)",
                                  path);
        long mcol[MAX_FIELDS];
        size_t nmin = 0;
        for (size_t i = 0; i < nh; i++) {
                mcol[i] = minute_col(h[i]);
                if (mcol[i] >= 0) {
                        nmin++;
                        if ((uint32_t)mcol[i] + offset + 1 > t->minutes)
                                t->minutes = (uint32_t)mcol[i] + offset + 1;
                }
        }
        if (nmin == 0)
                return why_einval(why, why_len, "%s: no minute columns (1..1440 or minute_1..)",
                                  path);
        char *fl[MAX_FIELDS];
        size_t line = 1;
        while (getline(&buf, &cap, f) >= 0) {
                line++;
                size_t n = split(buf, fl, MAX_FIELDS);
                if (n == 1 && !fl[0][0])
                        continue;
                if (n != nh) {
                        bad_row(rd, line, "%zu fields, the header has %zu", n, nh);
                        continue;
                }
                uint32_t counts_ok = 1;
                for (size_t i = 0; i < nh && counts_ok; i++) {
                        if (mcol[i] < 0)
                                continue;
                        char *end;
                        const char *s = fl[i];
                        unsigned long v = strtoul(s, &end, 10);
                        if (!*s || *end || *s == '-' || v > UINT32_MAX) {
                                bad_row(rd, line, "column %s: '%.20s' is not a count", h[i], s);
                                counts_ok = 0;
                        }
                }
                if (!counts_ok)
                        continue;
                uint64_t k = fnv(fnv(fnv(0xcbf29ce484222325ULL, fl[co]), fl[ca]), fl[cf]);
                uint32_t fi = map_get(&tb->fn_map, k);
                struct replay_fn *fn;
                if (fi == UINT32_MAX) {
                        uint32_t di = map_get(&tb->dur_map, k);
                        if (di == UINT32_MAX) {
                                t->fns_without_duration++;
                                continue;
                        }
                        char name[24];
                        snprintf(name, sizeof(name), "%.12s", fl[cf]);
                        if ((r = replay_trace_add(t, name, &fn)) < 0)
                                return r;
                        memcpy(fn->dur_ms, tb->dur[di].d, sizeof(fn->dur_ms));
                        uint32_t mi =
                            map_get(&tb->mem_map, fnv(fnv(0xcbf29ce484222325ULL, fl[co]), fl[ca]));
                        if (mi != UINT32_MAX) {
                                memcpy(fn->mem_mib, tb->mem[mi].m, sizeof(fn->mem_mib));
                                fn->has_mem = true;
                        } else {
                                t->fns_without_memory++;
                        }
                        if ((r = map_put(&tb->fn_map, k, (uint32_t)(t->n_fns - 1))) < 0)
                                return r;
                } else {
                        fn = &t->fns[fi];
                }
                for (size_t i = 0; i < nh; i++) {
                        if (mcol[i] < 0)
                                continue;
                        unsigned long v = strtoul(fl[i], NULL, 10);
                        if (v && (r = replay_fn_add_minute(fn, (uint32_t)mcol[i] + offset,
                                                           (uint32_t)v)) < 0)
                                return r;
                        t->invocations += v;
                }
        }
        return 0;
}

static int cmp_str(const void *a, const void *b)
{
        return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_minute(const void *a, const void *b)
{
        const struct replay_minute *x = a, *y = b;
        return (x->minute > y->minute) - (x->minute < y->minute);
}

static int cmp_float(const void *a, const void *b)
{
        float x = *(const float *)a, y = *(const float *)b;
        return (x > y) - (x < y);
}

static bool has_suffix(const char *s, const char *suf)
{
        size_t n = strlen(s), m = strlen(suf);
        return n >= m && !strcmp(s + n - m, suf);
}

/* The day files of a directory, or the one set a file names. */
struct fileset {
        char inv[MAX_DAYS][512], dur[MAX_DAYS][512], mem[MAX_DAYS][512];
        size_t n_inv, n_dur, n_mem;
};

static int sibling(char *out, size_t len, const char *path, const char *from, const char *to)
{
        const char *p = strstr(path, from);
        if (!p)
                return -1;
        snprintf(out, len, "%.*s%s%s", (int)(p - path), path, to, p + strlen(from));
        return 0;
}

static int find_files(const char *path, struct fileset *fs, char *why, size_t why_len)
{
        struct stat st;
        if (stat(path, &st) < 0)
                return why_einval(why, why_len, "cannot read %s: %s", path, strerror(errno));
        if (!S_ISDIR(st.st_mode)) {
                /* a file: the invocations file; its siblings by name */
                snprintf(fs->inv[0], sizeof(fs->inv[0]), "%s", path);
                fs->n_inv = 1;
                if (!sibling(fs->dur[0], 512, path, "_inv.csv", "_run.csv") &&
                    !sibling(fs->mem[0], 512, path, "_inv.csv", "_mem.csv")) {
                        fs->n_dur = fs->n_mem = 1;
                        return 0;
                }
                if (!sibling(fs->dur[0], 512, path, "invocations_per_function_md",
                             "function_durations_percentiles") &&
                    !sibling(fs->mem[0], 512, path, "invocations_per_function_md",
                             "app_memory_percentiles")) {
                        fs->n_dur = fs->n_mem = 1;
                        return 0;
                }
                return why_einval(why, why_len,
                                  "%s: not an Azure 2019 invocations file name "
                                  "(invocations_per_function_md.anon.dNN.csv or NAME_inv.csv)",
                                  path);
        }
        _cleanup_closedir_ DIR *d = opendir(path);
        if (!d)
                return why_einval(why, why_len, "cannot read %s: %s", path, strerror(errno));
        char *names[3][MAX_DAYS];
        size_t nn[3] = {0, 0, 0};
        static const char *const pre[3] = {"invocations_per_function_md",
                                           "function_durations_percentiles",
                                           "app_memory_percentiles"};
        static const char *const suf[3] = {"_inv.csv", "_run.csv", "_mem.csv"};
        int r = 0;
        struct dirent *e;
        while ((e = readdir(d))) {
                for (int k = 0; k < 3; k++)
                        if ((!strncmp(e->d_name, pre[k], strlen(pre[k])) &&
                             has_suffix(e->d_name, ".csv")) ||
                            has_suffix(e->d_name, suf[k])) {
                                if (nn[k] == MAX_DAYS) {
                                        r = why_einval(why, why_len, "%s: more than %d %s files",
                                                       path, MAX_DAYS, pre[k]);
                                        break;
                                }
                                names[k][nn[k]] = strdup(e->d_name);
                                if (!names[k][nn[k]]) {
                                        r = -ENOMEM;
                                        break;
                                }
                                nn[k]++;
                        }
                if (r < 0)
                        break;
        }
        for (int k = 0; k < 3; k++) {
                qsort(names[k], nn[k], sizeof(char *), cmp_str);
                for (size_t i = 0; i < nn[k]; i++) {
                        char *dst = k == 0 ? fs->inv[i] : k == 1 ? fs->dur[i] : fs->mem[i];
                        snprintf(dst, 512, "%s/%s", path, names[k][i]);
                        free(names[k][i]);
                }
        }
        if (r < 0)
                return r;
        fs->n_inv = nn[0];
        fs->n_dur = nn[1];
        fs->n_mem = nn[2];
        if (!fs->n_inv || !fs->n_dur)
                return why_einval(
                    why, why_len,
                    "%s: no Azure 2019 trace here (need invocations_per_function_md."
                    "anon.dNN.csv and function_durations_percentiles.anon.dNN.csv, or "
                    "NAME_inv.csv and NAME_run.csv)",
                    path);
        return 0;
}

int replay_read_azure(const char *path, struct replay_trace *t, FILE *err, char *why,
                      size_t why_len)
{
        struct fileset *fs = calloc(1, sizeof(*fs));
        if (!fs)
                return -ENOMEM;
        struct tables tb = {0};
        int r = find_files(path, fs, why, why_len);
        snprintf(t->source, sizeof(t->source), "azure2019 %s", path);
        for (size_t i = 0; r >= 0 && i < fs->n_dur; i++) {
                struct reader rd = {err, fs->dur[i], &t->bad_rows, 0};
                r = read_durations(fs->dur[i], &tb, &rd, why, why_len);
        }
        for (size_t i = 0; r >= 0 && i < fs->n_mem; i++) {
                struct reader rd = {err, fs->mem[i], &t->bad_rows, 0};
                /* a missing memory file is not fatal: every function then gets the default */
                FILE *probe = fopen(fs->mem[i], "re");
                if (!probe)
                        continue;
                fclose(probe);
                r = read_memory(fs->mem[i], &tb, &rd, why, why_len);
        }
        for (size_t i = 0; r >= 0 && i < fs->n_inv; i++) {
                struct reader rd = {err, fs->inv[i], &t->bad_rows, 0};
                uint32_t offset = fs->n_inv > 1 ? (uint32_t)i * 1440 : 0;
                r = read_invocations(fs->inv[i], offset, &tb, t, &rd, why, why_len);
        }
        if (r >= 0) {
                /* functions without a memory row: the median application (by its median) */
                struct mem_row def = {{100, 110, 120, 128, 136, 150, 160, 170}};
                if (tb.n_mem) {
                        float *p50 = malloc(tb.n_mem * sizeof(float));
                        if (!p50) {
                                r = -ENOMEM;
                                goto out;
                        }
                        for (size_t i = 0; i < tb.n_mem; i++)
                                p50[i] = tb.mem[i].m[3];
                        qsort(p50, tb.n_mem, sizeof(float), cmp_float);
                        float med = p50[tb.n_mem / 2];
                        free(p50);
                        for (size_t i = 0; i < tb.n_mem; i++)
                                if (tb.mem[i].m[3] == med) {
                                        def = tb.mem[i];
                                        break;
                                }
                }
                for (size_t i = 0; i < t->n_fns; i++) {
                        struct replay_fn *fn = &t->fns[i];
                        if (!fn->has_mem)
                                memcpy(fn->mem_mib, def.m, sizeof(fn->mem_mib));
                        /* days are read in order, but a function's minutes from several files
                         * may interleave */
                        qsort(fn->minutes, fn->n_minutes, sizeof(*fn->minutes), cmp_minute);
                }
                if (t->invocations == 0)
                        r = why_einval(
                            why, why_len,
                            "%s: empty trace (no invocation of a function with a duration "
                            "row)",
                            path);
        }
out:
        tables_free(&tb);
        free(fs);
        return r;
}
