/* presize profile: run every program of a corpus at each of its sizes in the sandbox, one run at
 * a time, and record each run (features, allocation, measured usage, outcome) in the store.
 *
 * Resumable: a (program, size) whose exact instantiated code is already in the store is skipped,
 * so an interrupted profile continues where it stopped, and a program whose source changed is
 * profiled again. Runs that fail (non-zero exit, OOM kill, timeout, compile error) are recorded
 * with their outcome; presize's own failures (a sandbox that could not be created) are not, so the
 * next profile retries them. */
#include "analyze/analyze.h"
#include "cli.h"
#include "sandbox/sandbox.h"
#include "store/sha256.h"
#include "store/store.h"
#include "util/cleanup.h"
#include "util/fsutil.h"
#include "util/hostrun.h"
#include "util/progress.h"
#include "util/units.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <getopt.h>
#include <inttypes.h>
#include <jansson.h>
#include <libgen.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The analyser is optional at build time (meson -Danalyze=false); with it, cmd_analyze.c links
 * these in. Without it, profile says so and stops. */
const struct lang *lang_by_name(const char *name);
#pragma weak analyzer_new
#pragma weak analyzer_free
#pragma weak analyze_buffer
#pragma weak analysis_free
#pragma weak features_len
#pragma weak features_flatten
#pragma weak lang_by_name

#define MAX_SOURCE      (4u << 20)
#define MAX_SIZES       64
#define HOST_ADDR       "10.213.0.1"
#define RUN_TIMEOUT_NS  (30ULL * 1000000000ULL)
#define RUN_MEMORY      (4ULL << 30)
#define SAMPLE_NS       50000000ULL
#define MAX_CONSEC_ERRS 5

static const char usage_text[] =
    "usage: presize profile [options] CORPUS_DIR\n"
    "\n"
    "Run every program of CORPUS_DIR/manifest.json at each of its sizes in the sandbox (all the\n"
    "host's CPUs, 4Gi, 256 pids, 30s; network only for programs with a 'server'), one run at\n"
    "a time, and record each run in the store: code hash, metadata, the analyser's features,\n"
    "the allocation, every measured usage field and the outcome (ok, failed, oom, timeout).\n"
    "Runs go in the order of their code's hash (a fixed shuffle of programs, languages and\n"
    "sizes), so the ETA is fair from the first runs on. Resumable: runs whose exact code is\n"
    "already stored are skipped. Needs root.\n"
    "\n"
    "options:\n"
    "  --db PATH        the store (default: $PRESIZE_DB, else /var/lib/presize/presize.db)\n"
    "  --sizes A,B,...  use these sizes for every program instead of the manifest's\n"
    "  --only ID,...    only these programs\n"
    "  --limit N        run at most N (not yet stored) runs, then stop\n"
    "  --json           print the summary as one JSON object on stdout\n"
    "  -h, --help       this text\n"
    "\n"
    "Exit status: 0 done (failed programs are recorded and reported, not errors), 1 presize\n"
    "itself failed on some run (not recorded; a new profile retries it), 2 bad usage, a\n"
    "malformed manifest or not root, 130 interrupted.\n";

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
        interrupted = sig;
}

#define bad(...) cli_fail("profile", 2, __VA_ARGS__)

/* ---- the manifest ---- */

enum lang_id { L_PYTHON, L_JS, L_C, L_JAVA };
static const char *const lang_names_[] = {"python", "javascript", "c", "java"};
enum gen_id { G_TEXT, G_NUMBERS, G_JSON, G_BINARY, G_PIXELS, G_NONE };
static const char *const gen_names[] = {"text", "numbers", "json", "binary", "pixels"};

/* One program. Strings point into the manifest's JSON (owned by struct corpus); src is owned. */
struct program {
        const char *id, *path, *algorithm, *main_class;
        char libraries[256];
        enum lang_id lang;
        bool input_mode;
        enum gen_id gen;
        uint64_t sizes[MAX_SIZES];
        size_t n_sizes;
        bool server;
        bool server_bytes_is_size;
        uint64_t server_bytes;
        uint64_t connections;
        char *src;
        size_t src_len;
};

struct corpus {
        json_t *root;
        struct program *progs;
        size_t n;
};

static void corpus_free(struct corpus *c)
{
        for (size_t i = 0; i < c->n; i++)
                free(c->progs[i].src);
        free(c->progs);
        json_decref(c->root);
}

static int read_source(const char *dir, const char *rel, char **out, size_t *len)
{
        _cleanup_free_ char *path = NULL;
        if (asprintf(&path, "%s/%s", dir, rel) < 0) {
                path = NULL;
                return -ENOMEM;
        }
        return read_whole_file(path, MAX_SOURCE, out, len, NULL);
}

static bool valid_id(const char *s)
{
        if (!*s || strlen(s) >= 128)
                return false;
        for (; *s; s++)
                if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
                      (*s >= '0' && *s <= '9') || *s == '_' || *s == '-' || *s == '.'))
                        return false;
        return true;
}

static int lookup(const char *s, const char *const *names, size_t n)
{
        for (size_t i = 0; i < n; i++)
                if (!strcmp(s, names[i]))
                        return (int)i;
        return -1;
}

#define MAX_REPORTED 25

/* Validate one entry; on error print "programs[i] (id 'x'): what" and return -EINVAL. */
static int load_program(const char *dir, json_t *e, size_t idx, struct program *p)
{
        char where[192];
        const char *id = json_string_value(json_object_get(e, "id"));
        snprintf(where, sizeof(where), "programs[%zu]%s%s%s", idx, id ? " (id '" : "", id ? id : "",
                 id ? "')" : "");
#define ERR(...)                                                                                   \
        do {                                                                                       \
                fprintf(stderr, "presize profile: manifest: %s: ", where);                         \
                fprintf(stderr, __VA_ARGS__);                                                      \
                fputc('\n', stderr);                                                               \
                return -EINVAL;                                                                    \
        } while (0)
        if (!json_is_object(e))
                ERR("not an object");
        if (!id || !valid_id(id))
                ERR("'id' must be a string of 1-127 letters, digits, '_', '-', '.'");
        p->id = id;
        p->path = json_string_value(json_object_get(e, "path"));
        if (!p->path || !*p->path || p->path[0] == '/' || strstr(p->path, ".."))
                ERR("'path' must be a path relative to the corpus directory");
        const char *lang = json_string_value(json_object_get(e, "language"));
        int l = lang ? lookup(lang, lang_names_, ARRAY_SIZE(lang_names_)) : -1;
        if (l < 0)
                ERR("'language' must be one of python, javascript, c, java");
        p->lang = (enum lang_id)l;
        p->algorithm = json_string_value(json_object_get(e, "algorithm"));
        if (!p->algorithm || !*p->algorithm || strlen(p->algorithm) >= 32)
                ERR("'algorithm' must be a string of 1-31 characters");
        json_t *libs = json_object_get(e, "libraries");
        if (libs && !json_is_array(libs))
                ERR("'libraries' must be an array of strings");
        size_t off = 0;
        p->libraries[0] = '\0';
        for (size_t i = 0; libs && i < json_array_size(libs); i++) {
                const char *lib = json_string_value(json_array_get(libs, i));
                if (!lib || !*lib || strchr(lib, ','))
                        ERR("'libraries'[%zu] must be a non-empty string without commas", i);
                int w = snprintf(p->libraries + off, sizeof(p->libraries) - off, "%s%s",
                                 i ? "," : "", lib);
                if (w < 0 || (size_t)w >= sizeof(p->libraries) - off)
                        ERR("'libraries' joined by commas must fit in 255 characters");
                off += (size_t)w;
        }
        json_t *style = json_object_get(e, "style");
        if (style && !json_is_string(style))
                ERR("'style' must be a string");
        const char *mode = json_string_value(json_object_get(e, "size_mode"));
        if (json_object_get(e, "size_mode") && !mode)
                ERR("'size_mode' must be \"literal\" or \"input\"");
        if (!mode || !strcmp(mode, "literal"))
                p->input_mode = false;
        else if (!strcmp(mode, "input"))
                p->input_mode = true;
        else
                ERR("'size_mode' must be \"literal\" or \"input\" (got \"%s\")", mode);
        json_t *sizes = json_object_get(e, "sizes");
        if (!json_is_array(sizes) || json_array_size(sizes) == 0 ||
            json_array_size(sizes) > MAX_SIZES)
                ERR("'sizes' must be an array of 1 to %d positive integers", MAX_SIZES);
        for (size_t i = 0; i < json_array_size(sizes); i++) {
                json_t *v = json_array_get(sizes, i);
                if (!json_is_integer(v) || json_integer_value(v) <= 0)
                        ERR("'sizes'[%zu] must be a positive integer", i);
                p->sizes[p->n_sizes++] = (uint64_t)json_integer_value(v);
        }
        p->gen = G_NONE;
        json_t *input = json_object_get(e, "input");
        if (input) {
                const char *g = json_string_value(json_object_get(input, "generator"));
                int gi = g ? lookup(g, gen_names, ARRAY_SIZE(gen_names)) : -1;
                if (!json_is_object(input) || gi < 0)
                        ERR("'input' must be {\"generator\": text|numbers|json|binary|pixels}");
                p->gen = (enum gen_id)gi;
        }
        if (p->input_mode && p->gen == G_NONE)
                ERR("size_mode \"input\" needs 'input': {\"generator\": ...}");
        if (p->input_mode && p->gen == G_JSON)
                for (size_t i = 0; i < p->n_sizes; i++)
                        if (p->sizes[i] < 2)
                                ERR("a json input needs a size of at least 2 bytes");
        json_t *server = json_object_get(e, "server");
        if (server) {
                if (!json_is_object(server))
                        ERR("'server' must be {\"bytes\": \"size\" or N, \"connections\": N}");
                json_t *b = json_object_get(server, "bytes");
                if (json_is_string(b) && !strcmp(json_string_value(b), "size"))
                        p->server_bytes_is_size = true;
                else if (json_is_integer(b) && json_integer_value(b) >= 0)
                        p->server_bytes = (uint64_t)json_integer_value(b);
                else
                        ERR("'server'.'bytes' must be \"size\" or a non-negative integer");
                json_t *cn = json_object_get(server, "connections");
                if (cn && (!json_is_integer(cn) || json_integer_value(cn) < 1 ||
                           json_integer_value(cn) > 100000))
                        ERR("'server'.'connections' must be a positive integer");
                p->connections = cn ? (uint64_t)json_integer_value(cn) : 1;
                p->server = true;
        }
        json_t *threads = json_object_get(e, "threads");
        if (threads && (!json_is_integer(threads) || json_integer_value(threads) < 1))
                ERR("'threads' must be a positive integer");
        json_t *mc = json_object_get(e, "main_class");
        p->main_class = json_string_value(mc);
        if (mc && (!p->main_class || !valid_id(p->main_class)))
                ERR("'main_class' must be a class name");
        if (p->lang == L_JAVA) {
                const char *base = strrchr(p->path, '/');
                base = base ? base + 1 : p->path;
                size_t bl = strlen(base);
                if (bl < 6 || strcmp(base + bl - 5, ".java") != 0)
                        ERR("a java program's 'path' must end in .java");
        }
        int r = read_source(dir, p->path, &p->src, &p->src_len);
        if (r < 0)
                ERR("cannot read '%s': %s", p->path,
                    r == -EFBIG ? "larger than 4 MiB" : strerror(-r));
        if (memchr(p->src, '\0', p->src_len))
                ERR("'%s' is not a text file", p->path);
        if (!p->input_mode && !strstr(p->src, "__SIZE__"))
                ERR("size_mode \"literal\" but '%s' has no __SIZE__ token to replace", p->path);
#undef ERR
        return 0;
}

static int load_corpus(const char *dir, struct corpus *c)
{
        _cleanup_free_ char *path = NULL;
        if (asprintf(&path, "%s/manifest.json", dir) < 0) {
                path = NULL;
                return 1;
        }
        json_error_t jerr;
        c->root = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
        if (!c->root) {
                if (access(path, R_OK) < 0)
                        return bad("cannot read %s: %s (is %s a corpus directory?)", path,
                                   strerror(errno), dir);
                return bad("%s:%d:%d: not valid JSON: %s", path, jerr.line, jerr.column, jerr.text);
        }
        json_t *v = json_object_get(c->root, "version");
        if (!json_is_object(c->root) || !json_is_integer(v) || json_integer_value(v) != 1)
                return bad("%s: expected an object with \"version\": 1", path);
        json_t *progs = json_object_get(c->root, "programs");
        if (!json_is_array(progs))
                return bad("%s: expected \"programs\": [...]", path);
        if (json_array_size(progs) == 0)
                return bad("%s: the corpus is empty (no programs)", path);
        c->progs = calloc(json_array_size(progs), sizeof(*c->progs));
        if (!c->progs)
                return 1;
        size_t errors = 0;
        for (size_t i = 0; i < json_array_size(progs); i++) {
                struct program *p = &c->progs[c->n];
                memset(p, 0, sizeof(*p));
                if (load_program(dir, json_array_get(progs, i), i, p) < 0) {
                        free(p->src);
                        p->src = NULL;
                        if (++errors >= MAX_REPORTED)
                                break;
                        continue;
                }
                for (size_t k = 0; k < c->n; k++)
                        if (!strcmp(c->progs[k].id, p->id)) {
                                fprintf(stderr,
                                        "presize profile: manifest: programs[%zu]: id '%s' is "
                                        "used twice\n",
                                        i, p->id);
                                errors++;
                        }
                c->n++;
        }
        if (errors)
                return bad("%s: %zu malformed program entr%s (fix them and run again)", path,
                           errors, errors == 1 ? "y" : "ies");
        return 0;
}

/* ---- instantiation ---- */

/* The source with every __SIZE__ replaced by the decimal size. */
static char *instantiate(const struct program *p, uint64_t size, size_t *len)
{
        static const char tok[] = "__SIZE__";
        char num[24];
        int nl = snprintf(num, sizeof(num), "%" PRIu64, size);
        size_t count = 0;
        for (const char *q = p->src; (q = strstr(q, tok)); q += sizeof(tok) - 1)
                count++;
        size_t out_len = p->src_len + count * (size_t)nl - count * (sizeof(tok) - 1);
        char *out = malloc(out_len + 1), *w = out;
        if (!out)
                return NULL;
        const char *q = p->src, *hit;
        while ((hit = strstr(q, tok))) {
                memcpy(w, q, (size_t)(hit - q));
                w += hit - q;
                memcpy(w, num, (size_t)nl);
                w += nl;
                q = hit + sizeof(tok) - 1;
        }
        size_t rest = strlen(q);
        memcpy(w, q, rest);
        w[rest] = '\0';
        *len = out_len;
        return out;
}

/* splitmix64: small, fast, good enough for test inputs; seeded from the program id and size. */
static uint64_t rng_next(uint64_t *s)
{
        uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
}

static uint64_t seed_of(const char *id, uint64_t size)
{
        uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a */
        for (const char *c = id; *c; c++)
                h = (h ^ (uint8_t)*c) * 0x100000001b3ULL;
        return h ^ (size * 0x9e3779b97f4a7c15ULL);
}

/* A buffered writer over the input file. */
struct out {
        int fd;
        char buf[1 << 16];
        size_t n;
        uint64_t left; /* bytes still to produce */
        int err;
};

static void out_flush(struct out *o)
{
        size_t off = 0;
        while (off < o->n && !o->err) {
                ssize_t w = write(o->fd, o->buf + off, o->n - off);
                if (w < 0 && errno == EINTR)
                        continue;
                if (w <= 0)
                        o->err = w < 0 ? -errno : -EIO;
                else
                        off += (size_t)w;
        }
        o->n = 0;
}

static void out_put(struct out *o, const char *s, size_t len)
{
        if (len > o->left)
                len = (size_t)o->left;
        while (len > 0) {
                size_t take = sizeof(o->buf) - o->n < len ? sizeof(o->buf) - o->n : len;
                memcpy(o->buf + o->n, s, take);
                o->n += take;
                s += take;
                len -= take;
                o->left -= take;
                if (o->n == sizeof(o->buf))
                        out_flush(o);
        }
}

static void out_fill(struct out *o, char c, uint64_t n)
{
        char pad[256];
        memset(pad, c, sizeof(pad));
        while (n > 0) {
                size_t take = n < sizeof(pad) ? (size_t)n : sizeof(pad);
                out_put(o, pad, take);
                n -= take;
        }
}

static const char *const syllables[] = {"ka", "lo", "mi", "ne", "ru",  "sa",  "to", "vi",
                                        "an", "el", "or", "us", "the", "and", "ing"};
static const char *const tags[] = {"red", "green", "blue", "fast", "slow",
                                   "new", "old",   "hot",  "cold", "beta"};

static void gen_word(uint64_t *rng, char *w, size_t cap)
{
        size_t n = 0;
        unsigned k = 1 + (unsigned)(rng_next(rng) % 4);
        w[0] = '\0';
        for (unsigned i = 0; i < k; i++) {
                const char *s = syllables[rng_next(rng) % ARRAY_SIZE(syllables)];
                size_t l = strlen(s);
                if (n + l + 1 >= cap)
                        break;
                memcpy(w + n, s, l + 1);
                n += l;
        }
}

/* Exactly `size` bytes of the generator's kind into fd. */
static int generate(int fd, enum gen_id g, uint64_t seed, uint64_t size)
{
        struct out *o = calloc(1, sizeof(*o));
        if (!o)
                return -ENOMEM;
        o->fd = fd;
        o->left = size;
        uint64_t rng = seed;
        char line[512];
        switch (g) {
        case G_TEXT:
                /* Lines of 3-14 words; the last byte is a newline. */
                while (o->left > 1) {
                        size_t n = 0;
                        unsigned words = 3 + (unsigned)(rng_next(&rng) % 12);
                        for (unsigned i = 0; i < words; i++) {
                                char w[64];
                                gen_word(&rng, w, sizeof(w));
                                if (rng_next(&rng) % 10 == 0 && w[0])
                                        w[0] = (char)(w[0] - 'a' + 'A');
                                n += (size_t)snprintf(line + n, sizeof(line) - n, "%s%s",
                                                      i ? " " : "", w);
                        }
                        if (n + 1 > o->left - 1)
                                n = (size_t)(o->left - 1);
                        out_put(o, line, n);
                        out_put(o, "\n", 1);
                }
                out_put(o, "\n", 1);
                break;
        case G_NUMBERS:
                /* One integer in [0, 1e9) per line; the last is shortened to fit exactly. */
                while (o->left > 0) {
                        int n = snprintf(line, sizeof(line), "%" PRIu64 "\n",
                                         (uint64_t)(rng_next(&rng) % 1000000000u));
                        if ((uint64_t)n > o->left) {
                                out_fill(o, '7', o->left - 1);
                                out_put(o, "\n", 1);
                                break;
                        }
                        out_put(o, line, (size_t)n);
                }
                break;
        case G_JSON: {
                /* [{"id":..,"name":..,"tags":[..],"score":..},...] padded with spaces. */
                out_put(o, "[", 1);
                uint64_t room = size - 2; /* what fits between the brackets */
                for (uint64_t i = 0;; i++) {
                        char w[64];
                        gen_word(&rng, w, sizeof(w));
                        int n = snprintf(line, sizeof(line),
                                         "%s{\"id\":%" PRIu64 ",\"name\":\"item-%" PRIu64
                                         "-%s\",\"tags\":[",
                                         i ? "," : "", i, i, w);
                        unsigned nt = (unsigned)(rng_next(&rng) % 5);
                        for (unsigned t = 0; t < nt; t++)
                                n +=
                                    snprintf(line + n, sizeof(line) - (size_t)n, "%s\"%s\"",
                                             t ? "," : "", tags[rng_next(&rng) % ARRAY_SIZE(tags)]);
                        n += snprintf(line + n, sizeof(line) - (size_t)n, "],\"score\":%.3f}",
                                      (double)(rng_next(&rng) % 100000) / 1000.0);
                        if ((uint64_t)n > room)
                                break;
                        out_put(o, line, (size_t)n);
                        room -= (uint64_t)n;
                }
                out_fill(o, ' ', room);
                out_put(o, "]", 1);
                break;
        }
        case G_BINARY:
        case G_PIXELS:
        case G_NONE:
                while (o->left > 0) {
                        uint64_t chunk[64];
                        for (size_t i = 0; i < ARRAY_SIZE(chunk); i++)
                                chunk[i] = rng_next(&rng);
                        out_put(o, (const char *)chunk, sizeof(chunk));
                }
                break;
        }
        out_flush(o);
        int r = o->err;
        free(o);
        if (r == 0 && lseek(fd, 0, SEEK_SET) < 0)
                r = -errno;
        return r;
}

/* ---- host helpers: compile, blob server ---- */

static int write_whole(const char *path, const char *data, size_t len, mode_t mode)
{
        _cleanup_close_ int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
        if (fd < 0)
                return -errno;
        size_t off = 0;
        while (off < len) {
                ssize_t w = write(fd, data + off, len - off);
                if (w < 0 && errno == EINTR)
                        continue;
                if (w <= 0)
                        return w < 0 ? -errno : -EIO;
                off += (size_t)w;
        }
        return 0;
}

/* The job's files; names point into `names`, data is malloc'ed. Owned by whoever fills it. */
struct files {
        struct job_file f[64];
        char names[64][256];
        size_t n;
};

static void files_free(struct files *fs)
{
        for (size_t i = 0; i < fs->n; i++)
                free((void *)fs->f[i].data);
        fs->n = 0;
}

static int files_add(struct files *fs, const char *dir, const char *name, unsigned mode)
{
        if (fs->n >= ARRAY_SIZE(fs->f) || strlen(name) >= sizeof(fs->names[0]))
                return -E2BIG;
        char *data;
        size_t len;
        int r = read_source(dir, name, &data, &len);
        if (r < 0)
                return r;
        snprintf(fs->names[fs->n], sizeof(fs->names[0]), "%s", name);
        fs->f[fs->n] =
            (struct job_file){.name = fs->names[fs->n], .data = data, .len = len, .mode = mode};
        fs->n++;
        return 0;
}

/* The first line of what a compiler said, for the report. */
static void first_line(int fd, char *buf, size_t len)
{
        buf[0] = '\0';
        if (lseek(fd, 0, SEEK_SET) < 0)
                return;
        ssize_t n = read(fd, buf, len - 1);
        if (n <= 0)
                return;
        buf[n] = '\0';
        char *nl = strchr(buf, '\n');
        if (nl)
                *nl = '\0';
}

/* Build the job's files for C and Java in workdir; python and node take the source itself.
 * Returns 0, 1 when the compiler rejected the program (detail in why), or -errno. */
static int build(const struct program *p, const char *workdir, const char *code, size_t len,
                 struct files *fs, char *why, size_t why_len)
{
        const char *base = strrchr(p->path, '/');
        base = base ? base + 1 : p->path;
        if (p->lang == L_PYTHON || p->lang == L_JS) {
                if (strlen(base) >= sizeof(fs->names[0]))
                        return -E2BIG;
                char *data = malloc(len ? len : 1);
                if (!data)
                        return -ENOMEM;
                memcpy(data, code, len);
                snprintf(fs->names[0], sizeof(fs->names[0]), "%s", base);
                fs->f[0] =
                    (struct job_file){.name = fs->names[0], .data = data, .len = len, .mode = 0644};
                fs->n = 1;
                return 0;
        }
        char srcdir[PATH_MAX], outdir[PATH_MAX], srcpath[PATH_MAX + 64], outpath[PATH_MAX + 64];
        snprintf(srcdir, sizeof(srcdir), "%s/src", workdir);
        snprintf(outdir, sizeof(outdir), "%s/out", workdir);
        rm_rf(srcdir);
        rm_rf(outdir);
        if (mkdir(srcdir, 0700) < 0 || mkdir(outdir, 0755) < 0)
                return -errno;
        snprintf(srcpath, sizeof(srcpath), "%s/%s", srcdir, base);
        int r = write_whole(srcpath, code, len, 0644);
        if (r < 0)
                return r;
        _cleanup_close_ int log = memfd_create("presize-compile", MFD_CLOEXEC);
        if (log < 0)
                return -errno;
        if (p->lang == L_C) {
                snprintf(outpath, sizeof(outpath), "%s/prog", outdir);
                char *argv[] = {"/usr/bin/gcc", "-O2", "-pthread", "-o", outpath,
                                srcpath,        "-lm", "-lz",      NULL};
                r = host_run(argv, log);
        } else {
                char *argv[] = {"/usr/bin/javac", "-d", outdir, srcpath, NULL};
                r = host_run(argv, log);
        }
        if (r < 0)
                return r;
        if (r != 0) {
                char line[400];
                first_line(log, line, sizeof(line));
                snprintf(why, why_len, "%s failed (status %d): %s",
                         p->lang == L_C ? "gcc" : "javac", r, line);
                return r == 127 ? -ENOENT : 1;
        }
        if (p->lang == L_C)
                return files_add(fs, outdir, "prog", 0755);
        _cleanup_closedir_ DIR *d = opendir(outdir);
        if (!d)
                return -errno;
        struct dirent *de;
        while ((de = readdir(d))) {
                size_t nl = strlen(de->d_name);
                if (de->d_name[0] == '.')
                        continue;
                if (de->d_type == DT_DIR) {
                        snprintf(why, why_len, "java packages are not supported (%s/)", de->d_name);
                        return 1;
                }
                if (nl > 6 && !strcmp(de->d_name + nl - 6, ".class") &&
                    (r = files_add(fs, outdir, de->d_name, 0644)) < 0)
                        return r;
        }
        return 0;
}

/* Start the blob server on a free port and wait for its "ready PORT" line. */
static int blob_start(const char *exe, uint64_t bytes, uint64_t count, pid_t *pid, uint16_t *port)
{
        int pfd[2];
        if (pipe2(pfd, O_CLOEXEC) < 0)
                return -errno;
        char port_s[] = "0", bytes_s[24], count_s[24];
        snprintf(bytes_s, sizeof(bytes_s), "%" PRIu64, bytes);
        snprintf(count_s, sizeof(count_s), "%" PRIu64, count);
        pid_t c = fork();
        if (c < 0) {
                int e = -errno;
                close(pfd[0]);
                close(pfd[1]);
                return e;
        }
        if (c == 0) {
                int nul = open("/dev/null", O_RDWR);
                dup2(pfd[1], STDOUT_FILENO);
                if (nul >= 0) {
                        dup2(nul, STDIN_FILENO);
                        dup2(nul, STDERR_FILENO);
                }
                prctl(PR_SET_PDEATHSIG, SIGKILL);
                char *argv[] = {(char *)exe, HOST_ADDR, port_s, bytes_s, "--count", count_s, NULL};
                execv(exe, argv);
                _exit(127);
        }
        close(pfd[1]);
        char buf[64];
        size_t got = 0;
        int r = -ETIMEDOUT;
        uint64_t deadline = now_ns() + 5000000000ULL;
        while (now_ns() < deadline && got < sizeof(buf) - 1) {
                struct pollfd pf = {.fd = pfd[0], .events = POLLIN};
                int pr = poll(&pf, 1, 100);
                if (pr < 0 && errno != EINTR)
                        break;
                if (interrupted)
                        break;
                if (pr <= 0)
                        continue;
                ssize_t n = read(pfd[0], buf + got, sizeof(buf) - 1 - got);
                if (n <= 0) {
                        r = -EPIPE;
                        break;
                }
                got += (size_t)n;
                buf[got] = '\0';
                char *ready = strstr(buf, "ready ");
                if (ready && strchr(ready, '\n')) {
                        unsigned long v = strtoul(ready + 6, NULL, 10);
                        r = v > 0 && v < 65536 ? 0 : -EPROTO;
                        *port = (uint16_t)v;
                        break;
                }
        }
        close(pfd[0]);
        if (r < 0) {
                kill(c, SIGKILL);
                waitpid(c, NULL, 0);
                return r;
        }
        *pid = c;
        return 0;
}

static void blob_stop(pid_t pid)
{
        if (pid <= 0)
                return;
        kill(pid, SIGKILL);
        while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
                ;
}

/* ---- one run ---- */

struct tally {
        uint64_t done, ok, failed, oom, timeout, errors, skipped;
};

static int check_interrupt(struct sandbox *s, const struct sample *smp, void *ctx)
{
        return interrupted != 0;
}

struct env {
        struct store *store;
        struct analyzer *an;
        const char *blobserver;
        const char *workdir;
        uint64_t host_mc, mem;
};

static const char *outcome_of(const struct usage *u)
{
        if (u->oom_killed)
                return "oom";
        if (u->timed_out)
                return "timeout";
        if (u->exit_code == 0 && u->signal == 0)
                return "ok";
        return "failed";
}

/* Tail of what the job wrote on stderr: its last non-empty line. */
static void last_line(int fd, char *buf, size_t len)
{
        buf[0] = '\0';
        off_t end = lseek(fd, 0, SEEK_END);
        if (end <= 0)
                return;
        off_t from = end > (off_t)(len - 1) ? end - (off_t)(len - 1) : 0;
        ssize_t n = pread(fd, buf, len - 1, from);
        if (n <= 0)
                return;
        buf[n] = '\0';
        while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
                buf[--n] = '\0';
        char *nl = strrchr(buf, '\n');
        if (nl)
                memmove(buf, nl + 1, strlen(nl + 1) + 1);
}

/* Run one (program, size). Returns 0 when a run was recorded (whatever its outcome), 1 when
 * interrupted (nothing recorded), -errno when presize failed (nothing recorded; message in why).
 * *outcome receives the recorded outcome. */
static int profile_one(struct env *e, const struct program *p, uint64_t size, const char *code,
                       size_t code_len, const char *hash, char *outcome, size_t outcome_len,
                       char *why, size_t why_len)
{
        struct run_record rec = {0};
        snprintf(rec.code_hash, sizeof(rec.code_hash), "%s", hash);
        snprintf(rec.program, sizeof(rec.program), "%s", p->id);
        snprintf(rec.language, sizeof(rec.language), "%s", lang_names_[p->lang]);
        snprintf(rec.algorithm, sizeof(rec.algorithm), "%s", p->algorithm);
        snprintf(rec.libraries, sizeof(rec.libraries), "%s", p->libraries);
        snprintf(rec.source, sizeof(rec.source), "profile");
        rec.size = size;
        rec.input_bytes = p->input_mode ? size : 0;
        rec.features_version = FEATURES_VERSION;

        /* Features of the exact code. */
        _cleanup_free_ double *vec = NULL;
        size_t nf = features_len();
        struct analysis an;
        const struct lang *lang = lang_by_name(lang_names_[p->lang]);
        if (lang && (vec = calloc(nf, sizeof(double))) &&
            analyze_buffer(e->an, lang, code, code_len, &an) == 0) {
                if (features_flatten(&an.f, vec, nf) == 0) {
                        rec.features = vec;
                        rec.n_features = nf;
                }
                analysis_free(&an);
        }
        if (!rec.features) {
                snprintf(why, why_len, "the analyser could not read the source");
                return -EINVAL;
        }

        struct alloc *a = &rec.alloc;
        a->cpu_millicores = e->host_mc;
        a->memory_bytes = e->mem;
        a->pids = 256;
        a->timeout_ns = RUN_TIMEOUT_NS;
        uint16_t port = 0;
        if (p->server) {
                a->network = true;
                a->n_allow = 1;
                inet_pton(AF_INET, HOST_ADDR, &a->allow[0].addr);
        }

        struct files fs = {0};
        int r = build(p, e->workdir, code, code_len, &fs, why, why_len);
        if (interrupted) {
                files_free(&fs);
                return 1;
        }
        if (r == 1) {
                /* The corpus program does not compile: a failed run of the program. */
                files_free(&fs);
                rec.usage.exit_code = -1;
                rec.usage.limits = *a;
                snprintf(rec.outcome, sizeof(rec.outcome), "failed");
                snprintf(outcome, outcome_len, "failed");
                r = store_run_insert(e->store, &rec);
                if (r < 0)
                        snprintf(why, why_len, "cannot record the run: %s", strerror(-r));
                return r;
        }
        if (r < 0) {
                files_free(&fs);
                if (!why[0])
                        snprintf(why, why_len, "cannot build the job: %s", strerror(-r));
                return r;
        }

        char *argv[8] = {NULL};
        char cls[128];
        const char *base = strrchr(p->path, '/');
        base = base ? base + 1 : p->path;
        switch (p->lang) {
        case L_PYTHON:
                argv[0] = "/usr/bin/python3";
                argv[1] = (char *)base;
                break;
        case L_JS:
                argv[0] = "/usr/bin/node";
                argv[1] = (char *)base;
                break;
        case L_C:
                argv[0] = "/box/prog";
                break;
        case L_JAVA:
                if (p->main_class)
                        snprintf(cls, sizeof(cls), "%s", p->main_class);
                else
                        snprintf(cls, sizeof(cls), "%.*s", (int)(strlen(base) - 5), base);
                argv[0] = "/usr/bin/java";
                argv[1] = "-cp";
                argv[2] = "/box";
                argv[3] = cls;
                break;
        }
        char port_env[40];
        char *env[] = {NULL, NULL};

        _cleanup_close_ int in_fd = -1;
        _cleanup_close_ int err_fd = memfd_create("presize-stderr", MFD_CLOEXEC);
        if (err_fd < 0) {
                r = -errno;
                goto out_files;
        }
        if (p->input_mode) {
                if ((in_fd = memfd_create("presize-input", MFD_CLOEXEC)) < 0) {
                        r = -errno;
                        goto out_files;
                }
                if ((r = generate(in_fd, p->gen, seed_of(p->id, size), size)) < 0) {
                        snprintf(why, why_len, "cannot generate the input: %s", strerror(-r));
                        goto out_files;
                }
        }

        pid_t server = -1;
        if (p->server) {
                if (!e->blobserver) {
                        snprintf(why, why_len, "bench/blobserver not found next to presize");
                        r = -ENOENT;
                        goto out_files;
                }
                uint64_t bytes = p->server_bytes_is_size ? size : p->server_bytes;
                if ((r = blob_start(e->blobserver, bytes, p->connections, &server, &port)) < 0) {
                        if (interrupted) {
                                r = 1;
                                goto out_files;
                        }
                        snprintf(why, why_len, "the blob server did not start: %s", strerror(-r));
                        goto out_files;
                }
                a->allow[0].port = port;
                snprintf(port_env, sizeof(port_env), "PRESIZE_BLOB_PORT=%u", (unsigned)port);
                env[0] = port_env;
        }

        struct sandbox *sb = NULL;
        if ((r = sandbox_create(a, &sb)) < 0) {
                snprintf(why, why_len, "cannot create the sandbox: %s", strerror(-r));
                goto out_server;
        }
        struct job j = {
            .argv = argv,
            .env = env,
            .files = fs.f,
            .n_files = fs.n,
            .stdin_fd = in_fd,
            .stdout_fd = -1,
            .stderr_fd = err_fd,
        };
        if ((r = sandbox_exec(sb, &j)) < 0) {
                snprintf(why, why_len, "cannot start %s in the sandbox: %s", argv[0], strerror(-r));
                sandbox_destroy(sb);
                goto out_server;
        }
        r = sandbox_wait(sb, SAMPLE_NS, check_interrupt, NULL, &rec.usage);
        sandbox_destroy(sb);
        if (interrupted) {
                r = 1;
                goto out_server;
        }
        if (r < 0) {
                snprintf(why, why_len, "lost the sandbox: %s", strerror(-r));
                goto out_server;
        }
        snprintf(rec.outcome, sizeof(rec.outcome), "%s", outcome_of(&rec.usage));
        snprintf(outcome, outcome_len, "%s", rec.outcome);
        if (strcmp(rec.outcome, "ok") != 0) {
                char tail[240];
                last_line(err_fd, tail, sizeof(tail));
                if (rec.usage.signal)
                        snprintf(why, why_len, "signal %d%s%s", rec.usage.signal,
                                 tail[0] ? ": " : "", tail);
                else
                        snprintf(why, why_len, "exit %d%s%s", rec.usage.exit_code,
                                 tail[0] ? ": " : "", tail);
        }
        if ((r = store_run_insert(e->store, &rec)) < 0)
                snprintf(why, why_len, "cannot record the run: %s",
                         r == -EBUSY ? "the store is locked by another process" : strerror(-r));
out_server:
        blob_stop(server);
out_files:
        files_free(&fs);
        return r;
}

/* ---- the command ---- */

static int parse_list_u64(const char *s, uint64_t *out, size_t max, size_t *n)
{
        *n = 0;
        while (*s) {
                char *end;
                errno = 0;
                if (*s < '0' || *s > '9')
                        return -EINVAL;
                unsigned long long v = strtoull(s, &end, 10);
                if (errno || end == s || v == 0 || (*end && *end != ','))
                        return -EINVAL;
                if (*n >= max)
                        return -E2BIG;
                out[(*n)++] = v;
                s = *end ? end + 1 : end;
                if (*end && !*s)
                        return -EINVAL;
        }
        return *n ? 0 : -EINVAL;
}

static bool in_list(const char *list, const char *id)
{
        size_t l = strlen(id);
        for (const char *p = list; p && *p;) {
                size_t n = strcspn(p, ",");
                if (n == l && !strncmp(p, id, l))
                        return true;
                p += n;
                if (*p == ',')
                        p++;
        }
        return false;
}

struct item {
        size_t prog;
        uint64_t size;
        uint64_t key; /* the first 64 bits of the code's hash: the run order */
};

/* Runs go in the order of their code's hash, a fixed shuffle of programs, languages and sizes:
 * the ETA (the mean time of the runs so far times the runs left) is then a fair estimate from
 * the first runs on (in manifest order the compiled-per-run Java programs came last, and the
 * ETA under-estimated the tail by minutes), and a host that slows down during the profile
 * slows every language alike rather than the last one. */
static int cmp_item(const void *a, const void *b)
{
        const struct item *x = a, *y = b;
        return (x->key > y->key) - (x->key < y->key);
}

enum { OPT_DB = 256, OPT_SIZES, OPT_ONLY, OPT_LIMIT, OPT_JSON };

int cmd_profile(int argc, char **argv)
{
        static const struct option opts[] = {
            {"db", required_argument, NULL, OPT_DB},
            {"sizes", required_argument, NULL, OPT_SIZES},
            {"only", required_argument, NULL, OPT_ONLY},
            {"limit", required_argument, NULL, OPT_LIMIT},
            {"json", no_argument, NULL, OPT_JSON},
            {"help", no_argument, NULL, 'h'},
            {NULL, 0, NULL, 0},
        };
        const char *db = NULL, *only = NULL;
        uint64_t sizes[MAX_SIZES];
        size_t n_sizes = 0;
        uint64_t limit = 0;
        bool json = false;
        int c, r;

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
                case OPT_SIZES:
                        if (parse_list_u64(v, sizes, MAX_SIZES, &n_sizes) < 0)
                                return bad("--sizes '%s': expected positive integers separated "
                                           "by commas (at most %d)",
                                           v, MAX_SIZES);
                        break;
                case OPT_ONLY:
                        if (!*v || v[0] == ',')
                                return bad("--only '%s': expected program ids separated by "
                                           "commas",
                                           v);
                        only = v;
                        break;
                case OPT_LIMIT: {
                        char *end;
                        errno = 0;
                        unsigned long long n = strtoull(v, &end, 10);
                        if (errno || *end || end == v || n == 0 || v[0] == '-')
                                return bad("--limit '%s': expected a positive integer", v);
                        limit = n;
                        break;
                }
                case OPT_JSON:
                        json = true;
                        break;
                case 'h':
                        fputs(usage_text, stdout);
                        return 0;
                default:
                        return bad("unknown option or missing value in '%s' (see 'presize "
                                   "profile --help')",
                                   argv[optind - 1]);
                }
        }
        if (optind >= argc)
                return bad("missing CORPUS_DIR (presize profile [options] CORPUS_DIR)");
        if (optind + 1 < argc)
                return bad("one CORPUS_DIR only (got '%s' too)", argv[optind + 1]);
        const char *dir = argv[optind];
        struct stat st;
        if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode))
                return bad("'%s' is not a directory", dir);
        if (!analyzer_new) {
                fprintf(stderr, "presize profile: this presize was built without the analyser "
                                "(meson -Danalyze=true); profile needs it for the features\n");
                return 1;
        }

        struct corpus corpus = {0};
        if ((r = load_corpus(dir, &corpus)) != 0) {
                corpus_free(&corpus);
                return r;
        }
        if (only) {
                for (const char *p = only; *p;) {
                        size_t n = strcspn(p, ",");
                        bool found = false;
                        for (size_t i = 0; i < corpus.n && !found; i++)
                                found = strlen(corpus.progs[i].id) == n &&
                                        !strncmp(corpus.progs[i].id, p, n);
                        if (!found) {
                                corpus_free(&corpus);
                                return bad("--only: no program '%.*s' in the manifest", (int)n, p);
                        }
                        p += n;
                        if (*p == ',')
                                p++;
                }
        }
        if (geteuid() != 0) {
                corpus_free(&corpus);
                return bad("must run as root (it creates cgroups and namespaces for the "
                           "sandbox)");
        }

        /* From here on a signal only sets a flag: the loop stops after destroying the current
         * sandbox, and the build directory and runtime are cleaned up on the way out. */
        struct sigaction sa = {.sa_handler = on_signal};
        sigaction(SIGINT, &sa, NULL);
        sigaction(SIGTERM, &sa, NULL);
        sigaction(SIGHUP, &sa, NULL);

        int rc = 1;
        struct store *store = NULL;
        struct analyzer *an = NULL;
        struct item *items = NULL;
        char workdir[] = "/tmp/presize-profile-XXXXXX";
        bool have_workdir = false, have_runtime = false;
        if (!db)
                db = store_default_path();
        if ((r = store_open(db, &store)) < 0) {
                if (r == -EPROTO)
                        rc = bad("%s is not a presize database, or was written by a newer "
                                 "presize",
                                 db);
                else
                        fprintf(stderr, "presize profile: cannot open the store %s: %s\n", db,
                                r == -EBUSY ? "locked by another process" : strerror(-r));
                goto out;
        }
        if ((r = analyzer_new(NULL, &an)) < 0) {
                fprintf(stderr, "presize profile: cannot start the analyser: %s\n", strerror(-r));
                goto out;
        }

        /* The plan: every (program, size) not already stored with this exact code. */
        size_t total = 0;
        for (size_t i = 0; i < corpus.n; i++)
                total += n_sizes ? n_sizes : corpus.progs[i].n_sizes;
        items = calloc(total ? total : 1, sizeof(*items));
        if (!items)
                goto out;
        struct tally t = {0};
        size_t n_items = 0;
        for (size_t i = 0; i < corpus.n; i++) {
                const struct program *p = &corpus.progs[i];
                if (only && !in_list(only, p->id))
                        continue;
                const uint64_t *sz = n_sizes ? sizes : p->sizes;
                size_t ns = n_sizes ? n_sizes : p->n_sizes;
                for (size_t k = 0; k < ns; k++) {
                        size_t len;
                        _cleanup_free_ char *code = instantiate(p, sz[k], &len);
                        char hash[SHA256_HEX_LEN];
                        bool exists = false;
                        if (!code)
                                goto out;
                        sha256_hex(code, len, hash);
                        if ((r = store_run_exists_hash(store, p->id, sz[k], hash, &exists)) < 0) {
                                fprintf(stderr, "presize profile: cannot read the store: %s\n",
                                        strerror(-r));
                                goto out;
                        }
                        if (exists) {
                                t.skipped++;
                                continue;
                        }
                        if (limit && n_items >= limit)
                                continue;
                        char head[17];
                        memcpy(head, hash, 16);
                        head[16] = '\0';
                        items[n_items++] = (struct item){i, sz[k], strtoull(head, NULL, 16)};
                }
        }
        qsort(items, n_items, sizeof(*items), cmp_item);

        if ((r = sandbox_runtime_init()) < 0) {
                fprintf(stderr, "presize profile: cannot set up the sandbox runtime: %s\n",
                        strerror(-r));
                goto out;
        }
        have_runtime = true;
        if (!mkdtemp(workdir)) {
                fprintf(stderr, "presize profile: cannot create a build directory: %s\n",
                        strerror(errno));
                goto out;
        }
        have_workdir = true;

        char exe[PATH_MAX], blob[PATH_MAX + 32];
        ssize_t el = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
        const char *blobserver = NULL;
        if (el > 0) {
                exe[el] = '\0';
                snprintf(blob, sizeof(blob), "%s/bench/blobserver", dirname(exe));
                if (access(blob, X_OK) == 0)
                        blobserver = blob;
        }
        struct env e = {
            .store = store,
            .an = an,
            .blobserver = blobserver,
            .workdir = workdir,
            .host_mc = sandbox_host_millicores(),
            .mem = sandbox_host_memory() < RUN_MEMORY ? sandbox_host_memory() / 2 : RUN_MEMORY,
        };

        fprintf(stderr,
                "presize profile: %zu programs, %zu runs to do, %" PRIu64
                " already stored (store %s)\n",
                corpus.n, n_items, t.skipped, db);
        struct progress pg;
        progress_start(&pg, "profile", n_items);
        uint64_t t0 = now_ns(), last_note = t0;
        unsigned consecutive_errors = 0;
        for (size_t k = 0; k < n_items && !interrupted; k++) {
                const struct program *p = &corpus.progs[items[k].prog];
                size_t len;
                _cleanup_free_ char *code = instantiate(p, items[k].size, &len);
                if (!code)
                        break;
                char hash[SHA256_HEX_LEN], outcome[16] = "", why[512] = "";
                sha256_hex(code, len, hash);
                r = profile_one(&e, p, items[k].size, code, len, hash, outcome, sizeof(outcome),
                                why, sizeof(why));
                if (r == 1 || interrupted)
                        break;
                if (r < 0) {
                        t.errors++;
                        consecutive_errors++;
                } else {
                        consecutive_errors = 0;
                        t.done++;
                        if (!strcmp(outcome, "ok"))
                                t.ok++;
                        else if (!strcmp(outcome, "oom"))
                                t.oom++;
                        else if (!strcmp(outcome, "timeout"))
                                t.timeout++;
                        else
                                t.failed++;
                }
                if (r < 0 || strcmp(outcome, "ok") != 0) {
                        progress_end(&pg);
                        fprintf(stderr, "presize profile: %s size %" PRIu64 ": %s%s%s\n", p->id,
                                items[k].size, r < 0 ? "presize error (not recorded)" : outcome,
                                why[0] ? ": " : "", why);
                }
                progress_tick(&pg, 1);
                uint64_t now = now_ns();
                if (!pg.tty && (now - last_note > 30000000000ULL || k + 1 == n_items)) {
                        char spent[32], eta[32];
                        uint64_t el_ns = now - t0;
                        uint64_t left =
                            (uint64_t)((double)el_ns / (double)(k + 1) * (double)(n_items - k - 1));
                        fprintf(
                            stderr, "presize profile: %zu/%zu runs, %s elapsed, ETA %s\n", k + 1,
                            n_items,
                            fmt_duration(el_ns / 1000000ULL * 1000000ULL, spent, sizeof(spent)),
                            fmt_duration(left / 1000000000ULL * 1000000000ULL, eta, sizeof(eta)));
                        last_note = now;
                }
                if (consecutive_errors >= MAX_CONSEC_ERRS) {
                        progress_end(&pg);
                        fprintf(stderr,
                                "presize profile: %u presize errors in a row; stopping "
                                "(fix the cause and run again: stored runs are kept)\n",
                                consecutive_errors);
                        break;
                }
        }
        progress_end(&pg);
        uint64_t wall = now_ns() - t0;
        char wall_s[32];
        fmt_duration(wall / 1000000ULL * 1000000ULL, wall_s, sizeof(wall_s));
        fprintf(stderr,
                "presize profile: %s%" PRIu64 " runs recorded (ok %" PRIu64 ", failed %" PRIu64
                ", oom %" PRIu64 ", timeout %" PRIu64 "), %" PRIu64
                " skipped (already stored), %" PRIu64 " presize errors (not recorded), %s\n",
                interrupted ? "interrupted: " : "", t.done, t.ok, t.failed, t.oom, t.timeout,
                t.skipped, t.errors, wall_s);
        if (json) {
                json_t *o = json_pack(
                    "{s:I, s:I, s:I, s:{s:I, s:I, s:I}, s:I, s:f, s:b}", "runs", (json_int_t)t.done,
                    "ok", (json_int_t)t.ok, "skipped", (json_int_t)t.skipped, "failed", "failed",
                    (json_int_t)t.failed, "oom", (json_int_t)t.oom, "timeout",
                    (json_int_t)t.timeout, "errors", (json_int_t)t.errors, "wall_seconds",
                    (double)wall / 1e9, "interrupted", interrupted != 0);
                if (o) {
                        json_dumpf(o, stdout, JSON_COMPACT);
                        fputc('\n', stdout);
                        json_decref(o);
                }
        }
        rc = interrupted ? 130 : t.errors ? 1 : 0;
out:
        if (have_workdir)
                rm_rf(workdir);
        if (have_runtime)
                sandbox_runtime_fini();
        free(items);
        if (an)
                analyzer_free(an);
        store_close(store);
        corpus_free(&corpus);
        return rc;
}
