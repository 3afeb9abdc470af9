/* The store on a real SQLite file: creation and migration, the seeded tiers, every run field
 * round-tripped, models, refusal of foreign and newer files, concurrent reader and writer
 * processes, a writer killed mid-transaction, a locked database, and SHA-256 test vectors. */
#include "store/sha256.h"
#include "store/store.h"
#include "util/cleanup.h"
#include "util/fsutil.h"

#include <arpa/inet.h>
#include <errno.h>
#include <math.h>
#include <setjmp.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

static char dir[] = "/tmp/presize-store-test-XXXXXX";
static char path[256];
static int seq;

static int setup(void **state)
{
        snprintf(path, sizeof(path), "%s/t%d/sub/presize.db", dir, ++seq);
        return 0;
}

static int open_new(struct store **s)
{
        return store_open(path, s);
}

/* A value read straight from the file with SQLite, bypassing the store. */
static int64_t raw_int(const char *sql)
{
        sqlite3 *db = NULL;
        sqlite3_stmt *st = NULL;
        int64_t v = -1;
        assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
        assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
        if (sqlite3_step(st) == SQLITE_ROW)
                v = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        sqlite3_close(db);
        return v;
}

static void raw_exec(const char *file, const char *sql)
{
        sqlite3 *db = NULL;
        assert_int_equal(sqlite3_open(file, &db), SQLITE_OK);
        assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
        sqlite3_close(db);
}

/* ---- sha256 ---- */

static void test_sha256_vectors(void **state)
{
        char hex[SHA256_HEX_LEN];
        assert_string_equal(sha256_hex("", 0, hex),
                            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assert_string_equal(sha256_hex("abc", 3, hex),
                            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        const char *m448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
        assert_string_equal(sha256_hex(m448, strlen(m448), hex),
                            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        const char *m896 = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                           "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
        assert_string_equal(sha256_hex(m896, strlen(m896), hex),
                            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
        /* One million 'a', fed in uneven pieces: the incremental path agrees with FIPS. */
        char *a = malloc(1000000);
        assert_non_null(a);
        memset(a, 'a', 1000000);
        struct sha256_ctx c;
        uint8_t d[SHA256_DIGEST_LEN];
        sha256_init(&c);
        size_t off = 0, step = 1;
        while (off < 1000000) {
                size_t n = step < 1000000 - off ? step : 1000000 - off;
                sha256_update(&c, a + off, n);
                off += n;
                step = step * 3 % 257 + 1;
        }
        sha256_final(&c, d);
        static const uint8_t want[SHA256_DIGEST_LEN] = {
            0xcd, 0xc7, 0x6e, 0x5c, 0x99, 0x14, 0xfb, 0x92, 0x81, 0xa1, 0xc7,
            0xe2, 0x84, 0xd7, 0x3e, 0x67, 0xf1, 0x80, 0x9a, 0x48, 0xa4, 0x97,
            0x20, 0x0e, 0x04, 0x6d, 0x39, 0xcc, 0xc7, 0x11, 0x2c, 0xd0};
        assert_memory_equal(d, want, sizeof(want));
        assert_string_equal(sha256_hex(a, 1000000, hex),
                            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
        /* Lengths around the padding boundary (55, 56, 63, 64 bytes) match one-shot hashing. */
        for (size_t n = 50; n < 70; n++) {
                char h1[SHA256_HEX_LEN], h2[SHA256_HEX_LEN];
                sha256_hex(a, n, h1);
                sha256_init(&c);
                for (size_t i = 0; i < n; i++)
                        sha256_update(&c, a + i, 1);
                sha256_final(&c, d);
                for (int i = 0; i < SHA256_DIGEST_LEN; i++)
                        snprintf(h2 + 2 * i, 3, "%02x", d[i]);
                assert_string_equal(h1, h2);
        }
        free(a);
}

/* ---- open, create, migrate ---- */

static void test_open_create(void **state)
{
        struct store *s = NULL;
        assert_int_equal(open_new(&s), 0); /* creates t<n>/sub/ too */
        assert_non_null(s);
        store_close(s);
        assert_int_equal(raw_int("PRAGMA user_version"), store_schema_version());
        assert_int_equal(raw_int("PRAGMA application_id"), 0x70727a31);
        assert_int_equal(raw_int("SELECT count(*) FROM sqlite_master WHERE name IN ('profiles', "
                                 "'runs', 'models', 'runs_code_hash', 'runs_program_size')"),
                         5);
        /* WAL is persistent in the file. */
        sqlite3 *db;
        sqlite3_stmt *st;
        assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
        assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
        sqlite3_finalize(st);
        sqlite3_close(db);
        /* Reopening an existing store migrates nothing and keeps the data. */
        assert_int_equal(open_new(&s), 0);
        struct tier t = {.name = "extra", .cpu_millicores = 500, .memory_bytes = 1 << 20};
        assert_int_equal(store_tier_set(s, &t), 0);
        store_close(s);
        assert_int_equal(open_new(&s), 0);
        struct tier got[8];
        size_t n;
        assert_int_equal(store_tiers_list(s, got, 8, &n), 0);
        assert_int_equal(n, 4);
        store_close(s);
        /* An empty file (touch) is an empty database: it becomes a store. */
        char empty[300];
        snprintf(empty, sizeof(empty), "%s/empty.db", dir);
        FILE *f = fopen(empty, "w");
        assert_non_null(f);
        fclose(f);
        assert_int_equal(store_open(empty, &s), 0);
        store_close(s);
}

static void test_refuses_foreign(void **state)
{
        struct store *s = (struct store *)0x1;
        char p[300];
        /* Garbage: not SQLite at all. */
        snprintf(p, sizeof(p), "%s/garbage.db", dir);
        FILE *f = fopen(p, "w");
        assert_non_null(f);
        for (int i = 0; i < 4096; i++)
                fputc("not a database at all\n"[i % 22], f);
        fclose(f);
        assert_int_equal(store_open(p, &s), -EPROTO);
        assert_null(s);
        /* SQLite, but someone else's. */
        snprintf(p, sizeof(p), "%s/other.db", dir);
        raw_exec(p, "CREATE TABLE t(x); INSERT INTO t VALUES (1);");
        assert_int_equal(store_open(p, &s), -EPROTO);
        /* Marked by another application. */
        snprintf(p, sizeof(p), "%s/otherapp.db", dir);
        raw_exec(p, "PRAGMA application_id = 1234; CREATE TABLE t(x);");
        assert_int_equal(store_open(p, &s), -EPROTO);
        /* Ours, from a newer presize. */
        assert_int_equal(open_new(&s), 0);
        store_close(s);
        raw_exec(path, "PRAGMA user_version = 99");
        assert_int_equal(store_open(path, &s), -EPROTO);
        /* The refused files are left as they were. */
        assert_int_equal(raw_int("PRAGMA user_version"), 99);
        /* A directory where the file should be. */
        assert_true(store_open(dir, &s) < 0);
}

/* ---- tiers ---- */

static void test_tiers_seeded(void **state)
{
        struct store *s;
        assert_int_equal(open_new(&s), 0);
        struct tier t[8];
        size_t n = 0;
        assert_int_equal(store_tiers_list(s, t, 8, &n), 0);
        assert_int_equal(n, 3);
        assert_string_equal(t[0].name, "low");
        assert_int_equal(t[0].cpu_millicores, 1000);
        assert_int_equal(t[0].memory_bytes, 2ULL << 30);
        assert_int_equal(t[0].net_rate_bps, 10000000);
        assert_false(t[0].gpu);
        assert_string_equal(t[1].name, "medium");
        assert_int_equal(t[1].cpu_millicores, 4000);
        assert_int_equal(t[1].memory_bytes, 8ULL << 30);
        assert_int_equal(t[1].net_rate_bps, 50000000);
        assert_false(t[1].gpu);
        assert_string_equal(t[2].name, "high");
        assert_int_equal(t[2].cpu_millicores, 8000);
        assert_int_equal(t[2].memory_bytes, 16ULL << 30);
        assert_int_equal(t[2].net_rate_bps, 100000000);
        assert_true(t[2].gpu);
        /* Too small a buffer is an error, not a silent truncation. */
        assert_int_equal(store_tiers_list(s, t, 2, &n), -E2BIG);
        store_close(s);
}

static void test_tiers_edit(void **state)
{
        struct store *s;
        assert_int_equal(open_new(&s), 0);
        struct tier x = {.name = "xl",
                         .cpu_millicores = 16000,
                         .memory_bytes = 64ULL << 30,
                         .net_rate_bps = 1000000000,
                         .gpu = true};
        assert_int_equal(store_tier_set(s, &x), 0);
        struct tier tiny = {.name = "tiny", .cpu_millicores = 250, .memory_bytes = 256 << 20};
        assert_int_equal(store_tier_set(s, &tiny), 0);
        struct tier med = {.name = "medium",
                           .cpu_millicores = 4000,
                           .memory_bytes = 12ULL << 30,
                           .net_rate_bps = 60000000,
                           .gpu = true};
        assert_int_equal(store_tier_set(s, &med), 0); /* update in place */
        struct tier t[8];
        size_t n;
        assert_int_equal(store_tiers_list(s, t, 8, &n), 0);
        assert_int_equal(n, 5);
        const char *order[] = {"tiny", "low", "medium", "high", "xl"};
        for (size_t i = 0; i < n; i++)
                assert_string_equal(t[i].name, order[i]);
        assert_int_equal(t[2].memory_bytes, 12ULL << 30);
        assert_int_equal(t[2].net_rate_bps, 60000000);
        assert_true(t[2].gpu);
        assert_int_equal(t[4].net_rate_bps, 1000000000);
        /* Invalid tiers. */
        struct tier zero = {.name = "zero", .memory_bytes = 1};
        assert_int_equal(store_tier_set(s, &zero), -EINVAL);
        struct tier noname = {.cpu_millicores = 1, .memory_bytes = 1};
        assert_int_equal(store_tier_set(s, &noname), -EINVAL);
        /* Delete. */
        assert_int_equal(store_tier_delete(s, "tiny"), 0);
        assert_int_equal(store_tier_delete(s, "tiny"), -ENOENT);
        assert_int_equal(store_tiers_list(s, t, 8, &n), 0);
        assert_int_equal(n, 4);
        store_close(s);
}

/* ---- runs ---- */

static void fill_run(struct run_record *r, double *feat, size_t nf, int k)
{
        memset(r, 0, sizeof(*r));
        r->created_at = 1700000000 + k;
        snprintf(r->code_hash, sizeof(r->code_hash), "%064x", k % 3);
        snprintf(r->program, sizeof(r->program), "prog_%d", k % 5);
        snprintf(r->language, sizeof(r->language), "python");
        snprintf(r->algorithm, sizeof(r->algorithm), "sorting");
        snprintf(r->libraries, sizeof(r->libraries), "numpy,re");
        r->input_bytes = 123456789012ULL + (uint64_t)k;
        r->size = 1000 + (uint64_t)k;
        snprintf(r->source, sizeof(r->source), "profile");
        r->features_version = 7;
        for (size_t i = 0; i < nf; i++)
                feat[i] = (double)k + (double)i * 0.1;
        r->features = feat;
        r->n_features = nf;
        r->alloc = (struct alloc){.cpu_millicores = 1500,
                                  .memory_bytes = 3ULL << 30,
                                  .net_rate_bps = 10000000,
                                  .pids = 64,
                                  .timeout_ns = 30000000000ULL,
                                  .network = true,
                                  .n_allow = 2,
                                  .allow = {{htonl(0x0ad50001), 8080}, {htonl(0x7f000001), 53}}};
        struct usage *u = &r->usage;
        u->exit_code = -1;
        u->signal = 9;
        u->oom_killed = true;
        u->timed_out = false;
        u->cpu_ns = 1111111111ULL + (uint64_t)k;
        u->user_ns = 1000000000ULL;
        u->sys_ns = 111111111ULL;
        u->wall_ns = 2222222222ULL;
        u->peak_memory_bytes = 987654321ULL;
        u->avg_cores = 0.5000000000000001;
        u->peak_cores = 1.75;
        u->throttled_ns = 42;
        u->net_rx_bytes = 1ULL << 40;
        u->net_tx_bytes = 7;
        u->io_read_bytes = 8;
        u->io_write_bytes = 9;
        u->minor_faults = 10;
        u->major_faults = 11;
        u->limits = r->alloc;
        u->limits.memory_bytes = UINT64_MAX; /* bit-for-bit through a signed column */
        u->limits.n_allow = 1;
        snprintf(r->outcome, sizeof(r->outcome), "oom");
        r->prediction = k % 2 ? "{\"tier\":\"low\"}" : NULL;
        r->adjustments = k % 2 ? NULL : "[{\"t\":1}]";
}

struct collect {
        struct run_record want[16];
        double feat[16][8];
        int n;
};

static void assert_alloc_equal(const struct alloc *a, const struct alloc *b)
{
        assert_int_equal(a->cpu_millicores, b->cpu_millicores);
        assert_int_equal(a->memory_bytes, b->memory_bytes);
        assert_int_equal(a->net_rate_bps, b->net_rate_bps);
        assert_int_equal(a->pids, b->pids);
        assert_int_equal(a->timeout_ns, b->timeout_ns);
        assert_int_equal(a->network, b->network);
        assert_int_equal(a->n_allow, b->n_allow);
        for (unsigned i = 0; i < a->n_allow; i++) {
                assert_int_equal(a->allow[i].addr, b->allow[i].addr);
                assert_int_equal(a->allow[i].port, b->allow[i].port);
        }
}

static int check_cb(const struct run_record *r, void *ctx)
{
        struct collect *c = ctx;
        const struct run_record *w = &c->want[c->n++];
        assert_int_equal(r->id, w->id);
        assert_int_equal(r->created_at, w->created_at);
        assert_string_equal(r->code_hash, w->code_hash);
        assert_string_equal(r->program, w->program);
        assert_string_equal(r->language, w->language);
        assert_string_equal(r->algorithm, w->algorithm);
        assert_string_equal(r->libraries, w->libraries);
        assert_int_equal(r->input_bytes, w->input_bytes);
        assert_int_equal(r->size, w->size);
        assert_string_equal(r->source, w->source);
        assert_int_equal(r->features_version, w->features_version);
        assert_int_equal(r->n_features, w->n_features);
        if (w->n_features)
                assert_memory_equal(r->features, w->features, w->n_features * sizeof(double));
        else
                assert_null(r->features);
        assert_alloc_equal(&r->alloc, &w->alloc);
        const struct usage *a = &r->usage, *b = &w->usage;
        assert_int_equal(a->exit_code, b->exit_code);
        assert_int_equal(a->signal, b->signal);
        assert_int_equal(a->oom_killed, b->oom_killed);
        assert_int_equal(a->timed_out, b->timed_out);
        assert_int_equal(a->cpu_ns, b->cpu_ns);
        assert_int_equal(a->user_ns, b->user_ns);
        assert_int_equal(a->sys_ns, b->sys_ns);
        assert_int_equal(a->wall_ns, b->wall_ns);
        assert_int_equal(a->peak_memory_bytes, b->peak_memory_bytes);
        assert_memory_equal(&a->avg_cores, &b->avg_cores, sizeof(double));
        assert_memory_equal(&a->peak_cores, &b->peak_cores, sizeof(double));
        assert_int_equal(a->throttled_ns, b->throttled_ns);
        assert_int_equal(a->net_rx_bytes, b->net_rx_bytes);
        assert_int_equal(a->net_tx_bytes, b->net_tx_bytes);
        assert_int_equal(a->io_read_bytes, b->io_read_bytes);
        assert_int_equal(a->io_write_bytes, b->io_write_bytes);
        assert_int_equal(a->minor_faults, b->minor_faults);
        assert_int_equal(a->major_faults, b->major_faults);
        assert_alloc_equal(&a->limits, &b->limits);
        assert_string_equal(r->outcome, w->outcome);
        if (w->prediction)
                assert_string_equal(r->prediction, w->prediction);
        else
                assert_null(r->prediction);
        if (w->adjustments)
                assert_string_equal(r->adjustments, w->adjustments);
        else
                assert_null(r->adjustments);
        return 0;
}

static void test_runs_roundtrip(void **state)
{
        struct store *s;
        assert_int_equal(open_new(&s), 0);
        struct collect *c = calloc(1, sizeof(*c));
        assert_non_null(c);
        for (int k = 0; k < 6; k++) {
                size_t nf = k == 5 ? 0 : 8;
                fill_run(&c->want[k], c->feat[k], nf, k);
                if (k == 1) { /* awkward doubles survive bit for bit */
                        c->feat[k][0] = -0.0;
                        c->feat[k][1] = 1e-310;
                        c->feat[k][2] = INFINITY;
                        c->feat[k][3] = 123456789.123456789;
                }
                assert_int_equal(store_run_insert(s, &c->want[k]), 0);
                assert_true(c->want[k].id > 0);
        }
        /* created_at 0 is filled in. */
        struct run_record now;
        double f1[1] = {1};
        fill_run(&now, f1, 1, 9);
        now.created_at = 0;
        assert_int_equal(store_run_insert(s, &now), 0);
        assert_true(now.created_at >= 1700000000);
        c->want[6] = now;
        assert_int_equal(store_runs_foreach(s, check_cb, c), 0);
        assert_int_equal(c->n, 7);
        uint64_t count;
        assert_int_equal(store_runs_count(s, &count), 0);
        assert_int_equal(count, 7);
        /* The last N in id order. */
        c->n = 4;
        assert_int_equal(store_runs_last(s, 3, check_cb, c), 0);
        assert_int_equal(c->n, 7);
        /* Invalid records are refused whole. */
        struct run_record badr;
        fill_run(&badr, f1, 1, 1);
        badr.features = NULL;
        assert_int_equal(store_run_insert(s, &badr), -EINVAL);
        assert_int_equal(store_runs_count(s, &count), 0);
        assert_int_equal(count, 7);
        free(c);
        store_close(s);
}

static int stop_cb(const struct run_record *r, void *ctx)
{
        return ++*(int *)ctx == 2 ? 77 : 0;
}

static void test_runs_exists_hash(void **state)
{
        struct store *s;
        assert_int_equal(open_new(&s), 0);
        double f[2] = {1, 2};
        for (int k = 0; k < 9; k++) {
                struct run_record r;
                fill_run(&r, f, 2, k);
                r.usage.cpu_ns = (uint64_t)k;
                if (k == 8)
                        snprintf(r.source, sizeof(r.source), "serve");
                assert_int_equal(store_run_insert(s, &r), 0);
        }
        bool e;
        assert_int_equal(store_run_exists(s, "prog_1", 1001, &e), 0);
        assert_true(e);
        assert_int_equal(store_run_exists(s, "prog_1", 1002, &e), 0);
        assert_false(e);
        assert_int_equal(store_run_exists(s, "prog_3", 1008, &e), 0);
        assert_false(e); /* a served run is not a profile */
        char h[65];
        snprintf(h, sizeof(h), "%064x", 1);
        assert_int_equal(store_run_exists_hash(s, "prog_1", 1001, h, &e), 0);
        assert_true(e);
        snprintf(h, sizeof(h), "%064x", 2);
        assert_int_equal(store_run_exists_hash(s, "prog_1", 1001, h, &e), 0);
        assert_false(e);
        /* hash 0: k = 0, 3, 6 -> newest first, capped by max */
        snprintf(h, sizeof(h), "%064x", 0);
        struct usage u[8];
        size_t n;
        assert_int_equal(store_runs_by_hash(s, h, u, 8, &n), 0);
        assert_int_equal(n, 3);
        assert_int_equal(u[0].cpu_ns, 6);
        assert_int_equal(u[1].cpu_ns, 3);
        assert_int_equal(u[2].cpu_ns, 0);
        assert_int_equal(u[0].limits.memory_bytes, UINT64_MAX);
        assert_int_equal(store_runs_by_hash(s, h, u, 2, &n), 0);
        assert_int_equal(n, 2);
        assert_int_equal(store_runs_by_hash(s, "nope", u, 8, &n), 0);
        assert_int_equal(n, 0);
        /* A non-zero return from the callback stops and is returned. */
        int calls = 0;
        assert_int_equal(store_runs_foreach(s, stop_cb, &calls), 77);
        assert_int_equal(calls, 2);
        /* Grouped inserts: rollback discards, commit keeps. */
        uint64_t before, after;
        assert_int_equal(store_runs_count(s, &before), 0);
        assert_int_equal(store_begin(s), 0);
        struct run_record r;
        fill_run(&r, f, 2, 20);
        assert_int_equal(store_run_insert(s, &r), 0);
        assert_int_equal(store_rollback(s), 0);
        assert_int_equal(store_runs_count(s, &after), 0);
        assert_int_equal(after, before);
        assert_int_equal(store_begin(s), 0);
        assert_int_equal(store_run_insert(s, &r), 0);
        assert_int_equal(store_run_insert(s, &r), 0);
        assert_int_equal(store_commit(s), 0);
        assert_int_equal(store_runs_count(s, &after), 0);
        assert_int_equal(after, before + 2);
        assert_int_equal(store_run_exists_same(s, &r, &e), 0);
        assert_true(e);
        r.created_at++;
        assert_int_equal(store_run_exists_same(s, &r, &e), 0);
        assert_false(e);
        store_close(s);
}

/* ---- models ---- */

static void test_models(void **state)
{
        struct store *s;
        assert_int_equal(open_new(&s), 0);
        struct model_record m;
        assert_int_equal(store_model_latest(s, &m), -ENOENT);
        char blob1[] = "first model", blob2[1000];
        for (size_t i = 0; i < sizeof(blob2); i++)
                blob2[i] = (char)(i * 7);
        struct model_record a = {.features_version = 1,
                                 .blob = blob1,
                                 .len = sizeof(blob1),
                                 .trainset = "{\"runs\":10}",
                                 .metrics = NULL};
        snprintf(a.name, sizeof(a.name), "xgb-a");
        assert_int_equal(store_model_insert(s, &a), 0);
        struct model_record b = {.features_version = 2,
                                 .blob = blob2,
                                 .len = sizeof(blob2),
                                 .trainset = "{\"runs\":20}",
                                 .metrics = "{\"mdape\":0.1}"};
        snprintf(b.name, sizeof(b.name), "xgb-b");
        assert_int_equal(store_model_insert(s, &b), 0);
        assert_true(b.id > a.id);
        assert_int_equal(store_model_latest(s, &m), 0);
        assert_int_equal(m.id, b.id);
        assert_string_equal(m.name, "xgb-b");
        assert_int_equal(m.features_version, 2);
        assert_int_equal(m.len, sizeof(blob2));
        assert_memory_equal(m.blob, blob2, sizeof(blob2));
        assert_string_equal(m.trainset, "{\"runs\":20}");
        assert_string_equal(m.metrics, "{\"mdape\":0.1}");
        assert_true(m.created_at > 0);
        model_record_free(&m);
        model_record_free(&m); /* idempotent */
        struct model_record empty = {.blob = NULL, .len = 0};
        assert_int_equal(store_model_insert(s, &empty), -EINVAL);
        store_close(s);
}

/* ---- processes ---- */

static void insert_n(struct store *s, int from, int n)
{
        double f[4] = {1, 2, 3, 4};
        for (int k = from; k < from + n; k++) {
                struct run_record r;
                fill_run(&r, f, 4, k);
                r.size = (uint64_t)k;
                int ret;
                while ((ret = store_run_insert(s, &r)) == -EBUSY)
                        ;
                if (ret < 0)
                        _exit(10);
        }
}

struct order {
        int64_t last_id;
        uint64_t rows;
};

static int order_cb(const struct run_record *r, void *ctx)
{
        struct order *o = ctx;
        if (r->id <= o->last_id || r->size != (uint64_t)(r->id - 1))
                return -EILSEQ;
        o->last_id = r->id;
        o->rows++;
        return 0;
}

/* A reader iterates again and again while another process inserts: every pass sees a consistent
 * prefix (ids in order, no torn rows) that never shrinks. */
static void test_reader_while_writer(void **state)
{
        struct store *s;
        assert_int_equal(open_new(&s), 0);
        store_close(s);
        enum { ROWS = 400 };
        pid_t w = fork();
        assert_true(w >= 0);
        if (w == 0) {
                struct store *ws;
                if (store_open(path, &ws) < 0)
                        _exit(11);
                insert_n(ws, 0, ROWS);
                store_close(ws);
                _exit(0);
        }
        assert_int_equal(store_open(path, &s), 0);
        uint64_t prev = 0;
        int passes = 0, status;
        bool done = false;
        while (!done) {
                done = waitpid(w, &status, WNOHANG) == w;
                struct order o = {0};
                int r = store_runs_foreach(s, order_cb, &o);
                assert_int_equal(r, 0);
                assert_true(o.rows >= prev);
                prev = o.rows;
                passes++;
        }
        assert_true(WIFEXITED(status));
        assert_int_equal(WEXITSTATUS(status), 0);
        assert_int_equal(prev, ROWS);
        print_message("reader made %d passes while the writer inserted %d rows\n", passes, ROWS);
        store_close(s);
}

/* A writer SIGKILLed in the middle of its transactions loses only the one it was in: every
 * transaction it reported committed is there, no partial one is, and the file checks clean. */
static void test_killed_writer(void **state)
{
        struct store *s;
        assert_int_equal(open_new(&s), 0);
        store_close(s);
        enum { BATCH = 7 };
        int pfd[2];
        assert_int_equal(pipe(pfd), 0);
        pid_t w = fork();
        assert_true(w >= 0);
        if (w == 0) {
                close(pfd[0]);
                struct store *ws;
                if (store_open(path, &ws) < 0)
                        _exit(11);
                for (uint32_t b = 0;; b++) {
                        if (store_begin(ws) < 0)
                                _exit(12);
                        insert_n(ws, (int)(b * BATCH), BATCH);
                        if (store_commit(ws) < 0)
                                _exit(13);
                        uint32_t done = b + 1;
                        if (write(pfd[1], &done, sizeof(done)) != sizeof(done))
                                _exit(14);
                }
        }
        close(pfd[1]);
        uint32_t committed = 0, v;
        while (committed < 40 && read(pfd[0], &v, sizeof(v)) == sizeof(v))
                committed = v;
        kill(w, SIGKILL);
        int status;
        waitpid(w, &status, 0);
        assert_true(WIFSIGNALED(status));
        while (read(pfd[0], &v, sizeof(v)) == sizeof(v))
                committed = v;
        close(pfd[0]);
        assert_int_equal(raw_int("SELECT count(*) FROM pragma_integrity_check WHERE "
                                 "integrity_check != 'ok'"),
                         0);
        assert_int_equal(store_open(path, &s), 0);
        uint64_t n;
        assert_int_equal(store_runs_count(s, &n), 0);
        assert_true(n >= (uint64_t)committed * BATCH);
        assert_int_equal(n % BATCH, 0);
        struct order o = {0};
        assert_int_equal(store_runs_foreach(s, order_cb, &o), 0);
        assert_int_equal(o.rows, n);
        print_message("writer killed after %u reported commits; %llu rows stored\n", committed,
                      (unsigned long long)n);
        /* And the store is writable again. */
        insert_n(s, (int)n, 1);
        store_close(s);
}

/* Another process holds the write lock: a write waits for the busy timeout, then -EBUSY. */
static void test_locked(void **state)
{
        struct store *s;
        assert_int_equal(open_new(&s), 0);
        int go[2], held[2];
        assert_int_equal(pipe(go), 0);
        assert_int_equal(pipe(held), 0);
        pid_t h = fork();
        assert_true(h >= 0);
        if (h == 0) {
                struct store *hs;
                char c = 0;
                if (store_open(path, &hs) < 0 || store_begin(hs) < 0)
                        _exit(11);
                struct tier t = {.name = "held", .cpu_millicores = 1, .memory_bytes = 1};
                if (store_tier_set(hs, &t) < 0)
                        _exit(12);
                if (write(held[1], &c, 1) != 1 || read(go[0], &c, 1) < 0)
                        _exit(13);
                store_rollback(hs);
                store_close(hs);
                _exit(0);
        }
        char c;
        assert_int_equal(read(held[0], &c, 1), 1);
        store_set_busy_timeout(s, 400);
        double f[1] = {0};
        struct run_record r;
        fill_run(&r, f, 1, 1);
        uint64_t t0 = now_ns();
        assert_int_equal(store_run_insert(s, &r), -EBUSY);
        uint64_t waited = now_ns() - t0;
        assert_true(waited >= 300000000ULL);
        assert_true(waited < 3000000000ULL);
        struct tier t = {.name = "x", .cpu_millicores = 1, .memory_bytes = 1};
        assert_int_equal(store_tier_set(s, &t), -EBUSY);
        /* Readers are not blocked by the writer. */
        struct tier ts[8];
        size_t n;
        assert_int_equal(store_tiers_list(s, ts, 8, &n), 0);
        assert_int_equal(n, 3);
        /* A second open while locked still works (nothing to migrate). */
        struct store *s2;
        assert_int_equal(store_open(path, &s2), 0);
        store_close(s2);
        assert_int_equal(write(go[1], "x", 1), 1);
        int status;
        waitpid(h, &status, 0);
        assert_int_equal(WEXITSTATUS(status), 0);
        assert_int_equal(store_run_insert(s, &r), 0);
        print_message("locked write returned -EBUSY after %.0f ms (timeout 400 ms)\n",
                      (double)waited / 1e6);
        close(go[0]);
        close(go[1]);
        close(held[0]);
        close(held[1]);
        store_close(s);
}

/* ---- throughput (reported, loosely asserted) ---- */

static void test_insert_rate(void **state)
{
        struct store *s;
        assert_int_equal(open_new(&s), 0);
        double f[44];
        for (size_t i = 0; i < 44; i++)
                f[i] = (double)i;
        enum { N = 2000 };
        uint64_t t0 = now_ns();
        for (int k = 0; k < N; k++) {
                struct run_record r;
                fill_run(&r, f, 44, k);
                assert_int_equal(store_run_insert(s, &r), 0);
        }
        double single = N / ((double)(now_ns() - t0) / 1e9);
        t0 = now_ns();
        assert_int_equal(store_begin(s), 0);
        for (int k = 0; k < N; k++) {
                struct run_record r;
                fill_run(&r, f, 44, k);
                assert_int_equal(store_run_insert(s, &r), 0);
        }
        assert_int_equal(store_commit(s), 0);
        double batch = N / ((double)(now_ns() - t0) / 1e9);
        struct order o = {0};
        t0 = now_ns();
        uint64_t cnt;
        assert_int_equal(store_runs_count(s, &cnt), 0);
        double read_s = (double)(now_ns() - t0) / 1e9;
        (void)o;
        print_message("insert rate: %.0f runs/s one transaction each, %.0f runs/s batched "
                      "(count in %.3f ms)\n",
                      single, batch, read_s * 1e3);
        assert_true(single > 100);
        store_close(s);
}

static int rm_tree(void)
{
        char cmd[300];
        snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
        return system(cmd);
}

int main(void)
{
        if (!mkdtemp(dir)) {
                perror("mkdtemp");
                return 1;
        }
        unsetenv("PRESIZE_DB_BUSY_MS");
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(test_sha256_vectors),
            cmocka_unit_test_setup(test_open_create, setup),
            cmocka_unit_test_setup(test_refuses_foreign, setup),
            cmocka_unit_test_setup(test_tiers_seeded, setup),
            cmocka_unit_test_setup(test_tiers_edit, setup),
            cmocka_unit_test_setup(test_runs_roundtrip, setup),
            cmocka_unit_test_setup(test_runs_exists_hash, setup),
            cmocka_unit_test_setup(test_models, setup),
            cmocka_unit_test_setup(test_reader_while_writer, setup),
            cmocka_unit_test_setup(test_killed_writer, setup),
            cmocka_unit_test_setup(test_locked, setup),
            cmocka_unit_test_setup(test_insert_rate, setup),
        };
        int r = cmocka_run_group_tests(tests, NULL, NULL);
        rm_tree();
        return r;
}
