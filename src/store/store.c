/* The store on SQLite. Why these choices:
 *  - WAL journal: readers never block the writer and the writer never blocks readers, which is
 *    what "export while profiling" needs; synchronous=NORMAL in WAL keeps every committed
 *    transaction across a killed process (only a power loss can drop the last commits).
 *  - PRAGMA application_id marks the file as presize's, PRAGMA user_version is the schema
 *    version; migrations[] is the ordered list of steps, each applied in its own transaction
 *    together with the user_version bump, so a migration happens entirely or not at all.
 *  - Unsigned 64-bit quantities are stored as SQLite's signed INTEGER bit for bit
 *    (UINT64_MAX reads back as UINT64_MAX); features are a BLOB of little-endian doubles.
 */
#include "store.h"

#include "util/cleanup.h"
#include "util/fsutil.h"

#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define APPLICATION_ID  0x70727a31 /* "prz1" */
#define DEFAULT_BUSY_MS 5000

/* Each entry takes the schema from version i to i + 1. Append only: never edit a shipped one. */
static const char *const migrations[] = {
    /* v1: the tables, seeded with the mission's tiers. */
    "CREATE TABLE profiles ("
    "  name TEXT PRIMARY KEY NOT NULL,"
    "  cpu_millicores INTEGER NOT NULL,"
    "  memory_bytes INTEGER NOT NULL,"
    "  net_rate_bps INTEGER NOT NULL,"
    "  gpu INTEGER NOT NULL DEFAULT 0);"
    "INSERT INTO profiles VALUES ('low', 1000, 2147483648, 10000000, 0);"
    "INSERT INTO profiles VALUES ('medium', 4000, 8589934592, 50000000, 0);"
    "INSERT INTO profiles VALUES ('high', 8000, 17179869184, 100000000, 1);"
    "CREATE TABLE runs ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  created_at INTEGER NOT NULL,"
    "  code_hash TEXT NOT NULL,"
    "  program TEXT NOT NULL,"
    "  language TEXT NOT NULL,"
    "  algorithm TEXT NOT NULL,"
    "  libraries TEXT NOT NULL,"
    "  input_bytes INTEGER NOT NULL,"
    "  size INTEGER NOT NULL,"
    "  source TEXT NOT NULL,"
    "  features_version INTEGER NOT NULL,"
    "  features BLOB,"
    "  alloc_cpu_millicores INTEGER NOT NULL,"
    "  alloc_memory_bytes INTEGER NOT NULL,"
    "  alloc_net_rate_bps INTEGER NOT NULL,"
    "  alloc_pids INTEGER NOT NULL,"
    "  alloc_timeout_ns INTEGER NOT NULL,"
    "  alloc_network INTEGER NOT NULL,"
    "  alloc_allow TEXT NOT NULL,"
    "  exit_code INTEGER NOT NULL,"
    "  signal INTEGER NOT NULL,"
    "  oom_killed INTEGER NOT NULL,"
    "  timed_out INTEGER NOT NULL,"
    "  cpu_ns INTEGER NOT NULL,"
    "  user_ns INTEGER NOT NULL,"
    "  sys_ns INTEGER NOT NULL,"
    "  wall_ns INTEGER NOT NULL,"
    "  peak_memory_bytes INTEGER NOT NULL,"
    "  avg_cores REAL NOT NULL,"
    "  peak_cores REAL NOT NULL,"
    "  throttled_ns INTEGER NOT NULL,"
    "  net_rx_bytes INTEGER NOT NULL,"
    "  net_tx_bytes INTEGER NOT NULL,"
    "  io_read_bytes INTEGER NOT NULL,"
    "  io_write_bytes INTEGER NOT NULL,"
    "  minor_faults INTEGER NOT NULL,"
    "  major_faults INTEGER NOT NULL,"
    "  limit_cpu_millicores INTEGER NOT NULL,"
    "  limit_memory_bytes INTEGER NOT NULL,"
    "  limit_net_rate_bps INTEGER NOT NULL,"
    "  limit_pids INTEGER NOT NULL,"
    "  limit_timeout_ns INTEGER NOT NULL,"
    "  limit_network INTEGER NOT NULL,"
    "  limit_allow TEXT NOT NULL,"
    "  outcome TEXT NOT NULL,"
    "  prediction TEXT,"
    "  adjustments TEXT);"
    "CREATE INDEX runs_code_hash ON runs(code_hash);"
    "CREATE INDEX runs_program_size ON runs(program, size);"
    "CREATE TABLE models ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  created_at INTEGER NOT NULL,"
    "  name TEXT NOT NULL,"
    "  features_version INTEGER NOT NULL,"
    "  blob BLOB NOT NULL,"
    "  trainset TEXT,"
    "  metrics TEXT);",
};

/* The run columns after id, in the order run_bind() binds and run_read() reads them. */
#define RUN_COLUMNS                                                                                \
        "created_at, code_hash, program, language, algorithm, libraries, input_bytes, size, "      \
        "source, features_version, features, "                                                     \
        "alloc_cpu_millicores, alloc_memory_bytes, alloc_net_rate_bps, alloc_pids, "               \
        "alloc_timeout_ns, alloc_network, alloc_allow, "                                           \
        "exit_code, signal, oom_killed, timed_out, cpu_ns, user_ns, sys_ns, wall_ns, "             \
        "peak_memory_bytes, avg_cores, peak_cores, throttled_ns, net_rx_bytes, net_tx_bytes, "     \
        "io_read_bytes, io_write_bytes, minor_faults, major_faults, "                              \
        "limit_cpu_millicores, limit_memory_bytes, limit_net_rate_bps, limit_pids, "               \
        "limit_timeout_ns, limit_network, limit_allow, "                                           \
        "outcome, prediction, adjustments"
#define RUN_NCOLS 46

/* Owned by the caller of store_open; the statements are prepared once, finalized by close. */
struct store {
        sqlite3 *db;
        sqlite3_stmt *ins_run;
        sqlite3_stmt *exists;
        sqlite3_stmt *exists_hash;
        sqlite3_stmt *exists_same;
};

const char *store_default_path(void)
{
        const char *e = getenv("PRESIZE_DB");
        return e && *e ? e : "/var/lib/presize/presize.db";
}

int store_schema_version(void)
{
        return (int)ARRAY_SIZE(migrations);
}

static int sqlite_errno(int rc)
{
        switch (rc & 0xff) {
        case SQLITE_OK:
        case SQLITE_ROW:
        case SQLITE_DONE:
                return 0;
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
                return -EBUSY;
        case SQLITE_NOMEM:
                return -ENOMEM;
        case SQLITE_NOTADB:
        case SQLITE_CORRUPT:
        case SQLITE_FORMAT:
                return -EPROTO;
        case SQLITE_READONLY:
                return -EROFS;
        case SQLITE_FULL:
                return -ENOSPC;
        case SQLITE_CANTOPEN:
                return -ENOENT;
        case SQLITE_PERM:
        case SQLITE_AUTH:
                return -EACCES;
        case SQLITE_TOOBIG:
                return -E2BIG;
        case SQLITE_CONSTRAINT:
                return -EEXIST;
        case SQLITE_MISMATCH:
        case SQLITE_RANGE:
                return -EINVAL;
        default:
                return -EIO;
        }
}

static int exec_sql(sqlite3 *db, const char *sql)
{
        return sqlite_errno(sqlite3_exec(db, sql, NULL, NULL, NULL));
}

static int pragma_int(sqlite3 *db, const char *sql, int64_t *v)
{
        sqlite3_stmt *st = NULL;
        int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
        if (rc == SQLITE_OK) {
                rc = sqlite3_step(st);
                if (rc == SQLITE_ROW) {
                        *v = sqlite3_column_int64(st, 0);
                        rc = SQLITE_OK;
                }
        }
        sqlite3_finalize(st);
        return sqlite_errno(rc);
}

/* Whether the file holds tables that are not ours (application_id 0: not marked by presize). */
static int has_tables(sqlite3 *db, bool *yes)
{
        int64_t n = 0;
        int r = pragma_int(db, "SELECT count(*) FROM sqlite_master", &n);
        *yes = n > 0;
        return r;
}

static int migrate(sqlite3 *db)
{
        int64_t version = 0, app = 0;
        int r;
        /* Cheap check outside a transaction first: most opens find the schema current. */
        if ((r = pragma_int(db, "PRAGMA application_id", &app)) < 0 ||
            (r = pragma_int(db, "PRAGMA user_version", &version)) < 0)
                return r;
        if (app == APPLICATION_ID && version == (int64_t)ARRAY_SIZE(migrations))
                return 0;
        if ((app != APPLICATION_ID && app != 0) || version > (int64_t)ARRAY_SIZE(migrations))
                return -EPROTO;
        /* Someone else may be migrating: take the write lock, then look again. */
        if ((r = exec_sql(db, "BEGIN IMMEDIATE")) < 0)
                return r;
        if ((r = pragma_int(db, "PRAGMA application_id", &app)) < 0 ||
            (r = pragma_int(db, "PRAGMA user_version", &version)) < 0)
                goto fail;
        if (app == 0 && version == 0) {
                bool tables;
                if ((r = has_tables(db, &tables)) < 0)
                        goto fail;
                if (tables) {
                        r = -EPROTO;
                        goto fail;
                }
        } else if (app != APPLICATION_ID || version > (int64_t)ARRAY_SIZE(migrations)) {
                r = -EPROTO;
                goto fail;
        }
        for (size_t v = (size_t)version; v < ARRAY_SIZE(migrations); v++) {
                char bump[64];
                snprintf(bump, sizeof(bump), "PRAGMA user_version = %zu", v + 1);
                if ((r = exec_sql(db, migrations[v])) < 0 || (r = exec_sql(db, bump)) < 0)
                        goto fail;
        }
        char app_sql[64];
        snprintf(app_sql, sizeof(app_sql), "PRAGMA application_id = %d", APPLICATION_ID);
        if ((r = exec_sql(db, app_sql)) < 0 || (r = exec_sql(db, "COMMIT")) < 0)
                goto fail;
        return 0;
fail:
        exec_sql(db, "ROLLBACK");
        return r;
}

static int prepare(struct store *s, const char *sql, sqlite3_stmt **st)
{
        return sqlite_errno(
            sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL));
}

/* mkdir -p the directory part of path, when it has one that does not exist yet. */
static int make_parent(const char *path)
{
        const char *slash = strrchr(path, '/');
        if (!slash || slash == path)
                return 0;
        _cleanup_free_ char *dir = strndup(path, (size_t)(slash - path));
        if (!dir)
                return -ENOMEM;
        struct stat st;
        if (stat(dir, &st) == 0)
                return S_ISDIR(st.st_mode) ? 0 : -ENOTDIR;
        return mkdir_p(dir);
}

void store_set_busy_timeout(struct store *s, int ms)
{
        sqlite3_busy_timeout(s->db, ms);
}

int store_open(const char *path, struct store **out)
{
        int r;
        *out = NULL;
        if (!path || !*path)
                return -EINVAL;
        if (strcmp(path, ":memory:") != 0 && (r = make_parent(path)) < 0)
                return r;
        struct store *s = calloc(1, sizeof(*s));
        if (!s)
                return -ENOMEM;
        int rc = sqlite3_open_v2(
            path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
        if (rc != SQLITE_OK) {
                r = s->db ? sqlite_errno(sqlite3_extended_errcode(s->db)) : -ENOMEM;
                if (r == -ENOENT && s->db && sqlite3_system_errno(s->db) > 0)
                        r = -sqlite3_system_errno(s->db);
                goto fail;
        }
        sqlite3_extended_result_codes(s->db, 1);
        int busy = DEFAULT_BUSY_MS;
        const char *e = getenv("PRESIZE_DB_BUSY_MS");
        if (e && *e) {
                char *end;
                long v = strtol(e, &end, 10);
                if (!*end && v >= 0 && v <= INT_MAX)
                        busy = (int)v;
        }
        sqlite3_busy_timeout(s->db, busy);
        /* Reading the header here turns a garbage file into SQLITE_NOTADB (-EPROTO). */
        int64_t app = 0;
        if ((r = pragma_int(s->db, "PRAGMA application_id", &app)) < 0)
                goto fail;
        if (app != 0 && app != APPLICATION_ID) {
                r = -EPROTO;
                goto fail;
        }
        /* journal_mode returns the mode in force; switching needs a moment of exclusive access. */
        sqlite3_stmt *st = NULL;
        rc = sqlite3_prepare_v2(s->db, "PRAGMA journal_mode = WAL", -1, &st, NULL);
        if (rc == SQLITE_OK)
                rc = sqlite3_step(st);
        if (rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st, 0), "wal") != 0 &&
            strcmp(path, ":memory:") != 0)
                rc = SQLITE_CANTOPEN;
        sqlite3_finalize(st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
                r = sqlite_errno(rc);
                goto fail;
        }
        if ((r = exec_sql(s->db, "PRAGMA synchronous = NORMAL")) < 0 ||
            (r = exec_sql(s->db, "PRAGMA foreign_keys = ON")) < 0 || (r = migrate(s->db)) < 0)
                goto fail;
        if ((r = prepare(s,
                         "INSERT INTO runs (" RUN_COLUMNS ") VALUES "
                         "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
                         "?,?,?,?,?,?,?,?,?,?)",
                         &s->ins_run)) < 0 ||
            (r = prepare(s,
                         "SELECT 1 FROM runs WHERE program = ? AND size = ? AND source = "
                         "'profile' LIMIT 1",
                         &s->exists)) < 0 ||
            (r = prepare(s,
                         "SELECT 1 FROM runs WHERE program = ? AND size = ? AND code_hash = ? "
                         "AND source = 'profile' LIMIT 1",
                         &s->exists_hash)) < 0 ||
            (r = prepare(s,
                         "SELECT 1 FROM runs WHERE code_hash = ? AND created_at = ? AND "
                         "program = ? AND size = ? AND source = ? LIMIT 1",
                         &s->exists_same)) < 0)
                goto fail;
        *out = s;
        return 0;
fail:
        store_close(s);
        return r;
}

void store_close(struct store *s)
{
        if (!s)
                return;
        sqlite3_finalize(s->ins_run);
        sqlite3_finalize(s->exists);
        sqlite3_finalize(s->exists_hash);
        sqlite3_finalize(s->exists_same);
        sqlite3_close_v2(s->db);
        free(s);
}

const char *store_errmsg(const struct store *s)
{
        return s && s->db ? sqlite3_errmsg(s->db) : "no database";
}

int store_begin(struct store *s)
{
        return exec_sql(s->db, "BEGIN IMMEDIATE");
}

int store_commit(struct store *s)
{
        return exec_sql(s->db, "COMMIT");
}

int store_rollback(struct store *s)
{
        return exec_sql(s->db, "ROLLBACK");
}

/* ---- profiles ---- */

int store_tiers_list(struct store *s, struct tier *out, size_t max, size_t *n)
{
        sqlite3_stmt *st = NULL;
        *n = 0;
        int rc = sqlite3_prepare_v2(s->db,
                                    "SELECT name, cpu_millicores, memory_bytes, net_rate_bps, gpu "
                                    "FROM profiles ORDER BY cpu_millicores, memory_bytes, name",
                                    -1, &st, NULL);
        if (rc != SQLITE_OK)
                return sqlite_errno(rc);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
                if (*n >= max) {
                        rc = SQLITE_TOOBIG;
                        break;
                }
                struct tier *t = &out[(*n)++];
                memset(t, 0, sizeof(*t));
                const char *name = (const char *)sqlite3_column_text(st, 0);
                snprintf(t->name, sizeof(t->name), "%s", name ? name : "");
                t->cpu_millicores = (uint64_t)sqlite3_column_int64(st, 1);
                t->memory_bytes = (uint64_t)sqlite3_column_int64(st, 2);
                t->net_rate_bps = (uint64_t)sqlite3_column_int64(st, 3);
                t->gpu = sqlite3_column_int(st, 4) != 0;
        }
        sqlite3_finalize(st);
        return rc == SQLITE_DONE ? 0 : sqlite_errno(rc);
}

int store_tier_set(struct store *s, const struct tier *t)
{
        size_t len = strnlen(t->name, sizeof(t->name));
        if (len == 0 || len >= sizeof(t->name) || t->cpu_millicores == 0 || t->memory_bytes == 0 ||
            t->cpu_millicores > INT64_MAX || t->memory_bytes > INT64_MAX ||
            t->net_rate_bps > INT64_MAX)
                return -EINVAL;
        sqlite3_stmt *st = NULL;
        int rc = sqlite3_prepare_v2(
            s->db,
            "INSERT INTO profiles (name, cpu_millicores, memory_bytes, net_rate_bps, gpu) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET "
            "cpu_millicores = excluded.cpu_millicores, memory_bytes = excluded.memory_bytes, "
            "net_rate_bps = excluded.net_rate_bps, gpu = excluded.gpu",
            -1, &st, NULL);
        if (rc == SQLITE_OK) {
                sqlite3_bind_text(st, 1, t->name, (int)len, SQLITE_TRANSIENT);
                sqlite3_bind_int64(st, 2, (int64_t)t->cpu_millicores);
                sqlite3_bind_int64(st, 3, (int64_t)t->memory_bytes);
                sqlite3_bind_int64(st, 4, (int64_t)t->net_rate_bps);
                sqlite3_bind_int(st, 5, t->gpu);
                rc = sqlite3_step(st);
        }
        sqlite3_finalize(st);
        return sqlite_errno(rc);
}

int store_tier_delete(struct store *s, const char *name)
{
        sqlite3_stmt *st = NULL;
        int rc = sqlite3_prepare_v2(s->db, "DELETE FROM profiles WHERE name = ?", -1, &st, NULL);
        if (rc == SQLITE_OK) {
                sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
                rc = sqlite3_step(st);
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
                return sqlite_errno(rc);
        return sqlite3_changes(s->db) > 0 ? 0 : -ENOENT;
}

/* ---- runs ---- */

/* "a.b.c.d:port,..." for the allow list: readable in exports, parsed back on read. */
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

static void allow_parse(const char *s, struct alloc *a)
{
        a->n_allow = 0;
        while (s && *s && a->n_allow < NET_ALLOW_MAX) {
                char item[64];
                size_t n = strcspn(s, ",");
                if (n < sizeof(item)) {
                        memcpy(item, s, n);
                        item[n] = '\0';
                        char *colon = strrchr(item, ':');
                        struct in_addr in;
                        if (colon) {
                                *colon = '\0';
                                if (inet_pton(AF_INET, item, &in) == 1) {
                                        a->allow[a->n_allow].addr = in.s_addr;
                                        a->allow[a->n_allow].port =
                                            (uint16_t)strtoul(colon + 1, NULL, 10);
                                        a->n_allow++;
                                }
                        }
                }
                s += n;
                if (*s == ',')
                        s++;
        }
}

static int bind_alloc(sqlite3_stmt *st, int i, const struct alloc *a)
{
        char allow[NET_ALLOW_MAX * 24];
        allow_format(a, allow, sizeof(allow));
        sqlite3_bind_int64(st, i++, (int64_t)a->cpu_millicores);
        sqlite3_bind_int64(st, i++, (int64_t)a->memory_bytes);
        sqlite3_bind_int64(st, i++, (int64_t)a->net_rate_bps);
        sqlite3_bind_int64(st, i++, (int64_t)a->pids);
        sqlite3_bind_int64(st, i++, (int64_t)a->timeout_ns);
        sqlite3_bind_int(st, i++, a->network);
        sqlite3_bind_text(st, i++, allow, -1, SQLITE_TRANSIENT);
        return i;
}

static int read_alloc(sqlite3_stmt *st, int i, struct alloc *a)
{
        a->cpu_millicores = (uint64_t)sqlite3_column_int64(st, i++);
        a->memory_bytes = (uint64_t)sqlite3_column_int64(st, i++);
        a->net_rate_bps = (uint64_t)sqlite3_column_int64(st, i++);
        a->pids = (uint64_t)sqlite3_column_int64(st, i++);
        a->timeout_ns = (uint64_t)sqlite3_column_int64(st, i++);
        a->network = sqlite3_column_int(st, i++) != 0;
        allow_parse((const char *)sqlite3_column_text(st, i++), a);
        return i;
}

static void bind_text_or_null(sqlite3_stmt *st, int i, const char *s)
{
        if (s)
                sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
        else
                sqlite3_bind_null(st, i);
}

static int bind_run(sqlite3_stmt *st, const struct run_record *r, uint8_t *blob)
{
        int i = 1;
        sqlite3_bind_int64(st, i++, r->created_at);
        sqlite3_bind_text(st, i++, r->code_hash, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, i++, r->program, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, i++, r->language, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, i++, r->algorithm, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, i++, r->libraries, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, i++, (int64_t)r->input_bytes);
        sqlite3_bind_int64(st, i++, (int64_t)r->size);
        sqlite3_bind_text(st, i++, r->source, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, i++, r->features_version);
        if (r->n_features > 0) {
                for (size_t k = 0; k < r->n_features; k++) {
                        uint64_t bits;
                        memcpy(&bits, &r->features[k], sizeof(bits));
                        for (int b = 0; b < 8; b++)
                                blob[8 * k + (size_t)b] = (uint8_t)(bits >> (8 * b));
                }
                sqlite3_bind_blob(st, i++, blob, (int)(8 * r->n_features), SQLITE_STATIC);
        } else {
                sqlite3_bind_null(st, i++);
        }
        i = bind_alloc(st, i, &r->alloc);
        const struct usage *u = &r->usage;
        sqlite3_bind_int(st, i++, u->exit_code);
        sqlite3_bind_int(st, i++, u->signal);
        sqlite3_bind_int(st, i++, u->oom_killed);
        sqlite3_bind_int(st, i++, u->timed_out);
        sqlite3_bind_int64(st, i++, (int64_t)u->cpu_ns);
        sqlite3_bind_int64(st, i++, (int64_t)u->user_ns);
        sqlite3_bind_int64(st, i++, (int64_t)u->sys_ns);
        sqlite3_bind_int64(st, i++, (int64_t)u->wall_ns);
        sqlite3_bind_int64(st, i++, (int64_t)u->peak_memory_bytes);
        sqlite3_bind_double(st, i++, u->avg_cores);
        sqlite3_bind_double(st, i++, u->peak_cores);
        sqlite3_bind_int64(st, i++, (int64_t)u->throttled_ns);
        sqlite3_bind_int64(st, i++, (int64_t)u->net_rx_bytes);
        sqlite3_bind_int64(st, i++, (int64_t)u->net_tx_bytes);
        sqlite3_bind_int64(st, i++, (int64_t)u->io_read_bytes);
        sqlite3_bind_int64(st, i++, (int64_t)u->io_write_bytes);
        sqlite3_bind_int64(st, i++, (int64_t)u->minor_faults);
        sqlite3_bind_int64(st, i++, (int64_t)u->major_faults);
        i = bind_alloc(st, i, &u->limits);
        sqlite3_bind_text(st, i++, r->outcome, -1, SQLITE_STATIC);
        bind_text_or_null(st, i++, r->prediction);
        bind_text_or_null(st, i++, r->adjustments);
        return i - 1 == RUN_NCOLS ? 0 : -EINVAL;
}

static bool valid_text(const char *s, size_t cap)
{
        return strnlen(s, cap) < cap;
}

int store_run_insert(struct store *s, struct run_record *r)
{
        if (!valid_text(r->code_hash, sizeof(r->code_hash)) ||
            !valid_text(r->program, sizeof(r->program)) ||
            !valid_text(r->language, sizeof(r->language)) ||
            !valid_text(r->algorithm, sizeof(r->algorithm)) ||
            !valid_text(r->libraries, sizeof(r->libraries)) ||
            !valid_text(r->source, sizeof(r->source)) ||
            !valid_text(r->outcome, sizeof(r->outcome)) || (r->n_features && !r->features) ||
            r->n_features > (1u << 20))
                return -EINVAL;
        if (r->created_at == 0)
                r->created_at = (int64_t)time(NULL);
        uint8_t *blob = NULL;
        if (r->n_features > 0 && !(blob = malloc(8 * r->n_features)))
                return -ENOMEM;
        bool own_tx = sqlite3_get_autocommit(s->db) != 0;
        int ret = own_tx ? store_begin(s) : 0;
        if (ret < 0) {
                free(blob);
                return ret;
        }
        sqlite3_stmt *st = s->ins_run;
        ret = bind_run(st, r, blob);
        if (ret == 0) {
                int rc = sqlite3_step(st);
                ret = rc == SQLITE_DONE ? 0 : sqlite_errno(rc);
        }
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        free(blob);
        int64_t id = sqlite3_last_insert_rowid(s->db);
        if (ret == 0 && own_tx)
                ret = store_commit(s);
        if (ret < 0) {
                if (own_tx)
                        store_rollback(s);
                return ret;
        }
        r->id = id;
        return 0;
}

static void copy_text(char *dst, size_t cap, sqlite3_stmt *st, int i)
{
        const char *v = (const char *)sqlite3_column_text(st, i);
        snprintf(dst, cap, "%s", v ? v : "");
}

/* Fill r from a row "id, RUN_COLUMNS". *feat is (re)grown to hold the features. */
static int read_run(sqlite3_stmt *st, struct run_record *r, double **feat, size_t *feat_cap)
{
        int i = 0;
        memset(r, 0, sizeof(*r));
        r->id = sqlite3_column_int64(st, i++);
        r->created_at = sqlite3_column_int64(st, i++);
        copy_text(r->code_hash, sizeof(r->code_hash), st, i++);
        copy_text(r->program, sizeof(r->program), st, i++);
        copy_text(r->language, sizeof(r->language), st, i++);
        copy_text(r->algorithm, sizeof(r->algorithm), st, i++);
        copy_text(r->libraries, sizeof(r->libraries), st, i++);
        r->input_bytes = (uint64_t)sqlite3_column_int64(st, i++);
        r->size = (uint64_t)sqlite3_column_int64(st, i++);
        copy_text(r->source, sizeof(r->source), st, i++);
        r->features_version = sqlite3_column_int(st, i++);
        const uint8_t *blob = sqlite3_column_blob(st, i);
        size_t n = (size_t)sqlite3_column_bytes(st, i++) / 8;
        if (n > *feat_cap) {
                double *nf = realloc(*feat, n * sizeof(double));
                if (!nf)
                        return -ENOMEM;
                *feat = nf;
                *feat_cap = n;
        }
        for (size_t k = 0; k < n; k++) {
                uint64_t bits = 0;
                for (int b = 0; b < 8; b++)
                        bits |= (uint64_t)blob[8 * k + (size_t)b] << (8 * b);
                memcpy(&(*feat)[k], &bits, sizeof(bits));
        }
        r->features = n ? *feat : NULL;
        r->n_features = n;
        i = read_alloc(st, i, &r->alloc);
        struct usage *u = &r->usage;
        u->exit_code = sqlite3_column_int(st, i++);
        u->signal = sqlite3_column_int(st, i++);
        u->oom_killed = sqlite3_column_int(st, i++) != 0;
        u->timed_out = sqlite3_column_int(st, i++) != 0;
        u->cpu_ns = (uint64_t)sqlite3_column_int64(st, i++);
        u->user_ns = (uint64_t)sqlite3_column_int64(st, i++);
        u->sys_ns = (uint64_t)sqlite3_column_int64(st, i++);
        u->wall_ns = (uint64_t)sqlite3_column_int64(st, i++);
        u->peak_memory_bytes = (uint64_t)sqlite3_column_int64(st, i++);
        u->avg_cores = sqlite3_column_double(st, i++);
        u->peak_cores = sqlite3_column_double(st, i++);
        u->throttled_ns = (uint64_t)sqlite3_column_int64(st, i++);
        u->net_rx_bytes = (uint64_t)sqlite3_column_int64(st, i++);
        u->net_tx_bytes = (uint64_t)sqlite3_column_int64(st, i++);
        u->io_read_bytes = (uint64_t)sqlite3_column_int64(st, i++);
        u->io_write_bytes = (uint64_t)sqlite3_column_int64(st, i++);
        u->minor_faults = (uint64_t)sqlite3_column_int64(st, i++);
        u->major_faults = (uint64_t)sqlite3_column_int64(st, i++);
        i = read_alloc(st, i, &u->limits);
        copy_text(r->outcome, sizeof(r->outcome), st, i++);
        r->prediction = (const char *)sqlite3_column_text(st, i++);
        r->adjustments = (const char *)sqlite3_column_text(st, i++);
        return 0;
}

static int runs_query(struct store *s, const char *sql, int64_t param, store_run_cb cb, void *ctx)
{
        sqlite3_stmt *st = NULL;
        int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
        if (rc != SQLITE_OK)
                return sqlite_errno(rc);
        if (sqlite3_bind_parameter_count(st) > 0)
                sqlite3_bind_int64(st, 1, param);
        _cleanup_free_ double *feat = NULL;
        size_t cap = 0;
        int ret = 0;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
                struct run_record r;
                if ((ret = read_run(st, &r, &feat, &cap)) < 0 || (ret = cb(&r, ctx)) != 0)
                        break;
        }
        if (ret == 0 && rc != SQLITE_DONE)
                ret = sqlite_errno(rc);
        sqlite3_finalize(st);
        return ret;
}

int store_runs_foreach(struct store *s, store_run_cb cb, void *ctx)
{
        return runs_query(s, "SELECT id, " RUN_COLUMNS " FROM runs ORDER BY id", 0, cb, ctx);
}

int store_runs_last(struct store *s, size_t limit, store_run_cb cb, void *ctx)
{
        if (limit == 0 || limit > INT64_MAX)
                return store_runs_foreach(s, cb, ctx);
        return runs_query(s,
                          "SELECT * FROM (SELECT id, " RUN_COLUMNS
                          " FROM runs ORDER BY id DESC LIMIT ?) ORDER BY id",
                          (int64_t)limit, cb, ctx);
}

int store_runs_count(struct store *s, uint64_t *n)
{
        int64_t v = 0;
        int r = pragma_int(s->db, "SELECT count(*) FROM runs", &v);
        *n = (uint64_t)v;
        return r;
}

static int step_exists(sqlite3_stmt *st, bool *exists)
{
        int rc = sqlite3_step(st);
        *exists = rc == SQLITE_ROW;
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : sqlite_errno(rc);
}

int store_run_exists(struct store *s, const char *program, uint64_t size, bool *exists)
{
        sqlite3_bind_text(s->exists, 1, program, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s->exists, 2, (int64_t)size);
        return step_exists(s->exists, exists);
}

int store_run_exists_hash(struct store *s, const char *program, uint64_t size,
                          const char *code_hash, bool *exists)
{
        sqlite3_bind_text(s->exists_hash, 1, program, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s->exists_hash, 2, (int64_t)size);
        sqlite3_bind_text(s->exists_hash, 3, code_hash, -1, SQLITE_STATIC);
        return step_exists(s->exists_hash, exists);
}

int store_run_exists_same(struct store *s, const struct run_record *r, bool *exists)
{
        sqlite3_bind_text(s->exists_same, 1, r->code_hash, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s->exists_same, 2, r->created_at);
        sqlite3_bind_text(s->exists_same, 3, r->program, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s->exists_same, 4, (int64_t)r->size);
        sqlite3_bind_text(s->exists_same, 5, r->source, -1, SQLITE_STATIC);
        return step_exists(s->exists_same, exists);
}

struct by_hash_ctx {
        struct usage *out;
        size_t max, n;
};

static int by_hash_cb(const struct run_record *r, void *ctx)
{
        struct by_hash_ctx *c = ctx;
        if (c->n >= c->max)
                return 1;
        c->out[c->n++] = r->usage;
        return 0;
}

int store_runs_by_hash(struct store *s, const char *code_hash, struct usage *out, size_t max,
                       size_t *n)
{
        *n = 0;
        if (max == 0)
                return 0;
        sqlite3_stmt *st = NULL;
        int rc = sqlite3_prepare_v2(s->db,
                                    "SELECT id, " RUN_COLUMNS
                                    " FROM runs WHERE code_hash = ? ORDER BY id DESC LIMIT ?",
                                    -1, &st, NULL);
        if (rc != SQLITE_OK)
                return sqlite_errno(rc);
        sqlite3_bind_text(st, 1, code_hash, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, max > INT64_MAX ? INT64_MAX : (int64_t)max);
        struct by_hash_ctx c = {.out = out, .max = max};
        _cleanup_free_ double *feat = NULL;
        size_t cap = 0;
        int ret = 0;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
                struct run_record r;
                if ((ret = read_run(st, &r, &feat, &cap)) < 0)
                        break;
                if (by_hash_cb(&r, &c))
                        break;
        }
        if (ret == 0 && rc != SQLITE_DONE && rc != SQLITE_ROW)
                ret = sqlite_errno(rc);
        sqlite3_finalize(st);
        *n = c.n;
        return ret;
}

/* ---- models ---- */

int store_model_insert(struct store *s, struct model_record *m)
{
        if (!m->blob || m->len == 0 || m->len > INT_MAX ||
            strnlen(m->name, sizeof(m->name)) >= sizeof(m->name))
                return -EINVAL;
        if (m->created_at == 0)
                m->created_at = (int64_t)time(NULL);
        sqlite3_stmt *st = NULL;
        int rc = sqlite3_prepare_v2(s->db,
                                    "INSERT INTO models (created_at, name, features_version, "
                                    "blob, trainset, metrics) VALUES (?, ?, ?, ?, ?, ?)",
                                    -1, &st, NULL);
        if (rc == SQLITE_OK) {
                sqlite3_bind_int64(st, 1, m->created_at);
                sqlite3_bind_text(st, 2, m->name, -1, SQLITE_STATIC);
                sqlite3_bind_int(st, 3, m->features_version);
                sqlite3_bind_blob(st, 4, m->blob, (int)m->len, SQLITE_STATIC);
                bind_text_or_null(st, 5, m->trainset);
                bind_text_or_null(st, 6, m->metrics);
                rc = sqlite3_step(st);
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
                return sqlite_errno(rc);
        m->id = sqlite3_last_insert_rowid(s->db);
        return 0;
}

static int dup_text(sqlite3_stmt *st, int i, char **out)
{
        const char *v = (const char *)sqlite3_column_text(st, i);
        *out = NULL;
        if (!v)
                return 0;
        *out = strdup(v);
        return *out ? 0 : -ENOMEM;
}

int store_model_latest(struct store *s, struct model_record *out)
{
        memset(out, 0, sizeof(*out));
        sqlite3_stmt *st = NULL;
        int rc = sqlite3_prepare_v2(s->db,
                                    "SELECT id, created_at, name, features_version, blob, "
                                    "trainset, metrics FROM models ORDER BY id DESC LIMIT 1",
                                    -1, &st, NULL);
        if (rc != SQLITE_OK)
                return sqlite_errno(rc);
        rc = sqlite3_step(st);
        int ret = 0;
        if (rc == SQLITE_ROW) {
                out->id = sqlite3_column_int64(st, 0);
                out->created_at = sqlite3_column_int64(st, 1);
                copy_text(out->name, sizeof(out->name), st, 2);
                out->features_version = sqlite3_column_int(st, 3);
                const void *b = sqlite3_column_blob(st, 4);
                size_t len = (size_t)sqlite3_column_bytes(st, 4);
                if (len > 0 && !(out->blob = malloc(len)))
                        ret = -ENOMEM;
                else if (len > 0)
                        memcpy(out->blob, b, len);
                out->len = len;
                if (ret == 0 && (ret = dup_text(st, 5, &out->trainset)) == 0)
                        ret = dup_text(st, 6, &out->metrics);
                if (ret < 0)
                        model_record_free(out);
        } else {
                ret = rc == SQLITE_DONE ? -ENOENT : sqlite_errno(rc);
        }
        sqlite3_finalize(st);
        return ret;
}

void model_record_free(struct model_record *m)
{
        if (!m)
                return;
        free(m->blob);
        free(m->trainset);
        free(m->metrics);
        m->blob = NULL;
        m->trainset = m->metrics = NULL;
        m->len = 0;
}
