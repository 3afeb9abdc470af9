/* cgroup drivers, the shared part: host layout detection, naming, leftovers of dead presize
 * processes, and dispatch to cgroup_v1.c / cgroup_v2.c.
 *
 * Layout detection reads two files and nothing else:
 *  - /proc/self/mountinfo: where each hierarchy is mounted. A v1 hierarchy is recognised by the
 *    controllers in its super options ("rw,cpu" or "rw,cpu,cpuacct" when co-mounted), never by its
 *    mount point's name, so hosts that mount cpu and cpuacct separately and hosts that co-mount
 *    them are handled alike.
 *  - /proc/self/cgroup: the cgroup presize runs in, per hierarchy. That path is relative to the
 *    hierarchy's root; the mount may show only a subtree of it (field 4 of mountinfo, e.g. inside a
 *    container), which is stripped before joining it to the mount point.
 * A sandbox's cgroup is created directly beneath that directory ("the parent"). */
#include "sandbox/cgroup_internal.h"
#include "util/cleanup.h"
#include "util/fsutil.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

const char *const cg_ctrl_names[CG_NCTRL] = {
    [CG_CPU] = "cpu",   [CG_CPUACCT] = "cpuacct", [CG_MEMORY] = "memory",
    [CG_PIDS] = "pids", [CG_BLKIO] = "blkio",
};

#define NAME_PREFIX       "presize-"
#define SUPERVISOR_PREFIX "presize-supervisor-"
#define KILL_TIMEOUT_NS   1000000000ULL /* cg_kill_dir: how long killed tasks get to go away */
#define RMDIR_TIMEOUT_NS  200000000ULL  /* cg_rmdir_retry: how long EBUSY is retried */
#define TREE_MAX_DEPTH    16

/* ---- small file helpers ---------------------------------------------------------------------- */

int cg_join(char *buf, const char *dir, const char *file)
{
        int n = snprintf(buf, CG_PATH_MAX, "%s/%s", dir, file);
        if (n < 0 || n >= CG_PATH_MAX)
                return -ENAMETOOLONG;
        return 0;
}

int cg_read_u64(const char *dir, const char *file, uint64_t *v)
{
        char p[CG_PATH_MAX];
        int r = cg_join(p, dir, file);
        return r < 0 ? r : read_file_u64(p, v);
}

int cg_write(const char *dir, const char *file, const char *s)
{
        char p[CG_PATH_MAX];
        int r = cg_join(p, dir, file);
        return r < 0 ? r : write_file(p, s);
}

int cg_write_u64(const char *dir, const char *file, uint64_t v)
{
        char p[CG_PATH_MAX];
        int r = cg_join(p, dir, file);
        return r < 0 ? r : write_file_u64(p, v);
}

bool cg_exists(const char *dir, const char *file)
{
        char p[CG_PATH_MAX];
        return cg_join(p, dir, file) == 0 && access(p, F_OK) == 0;
}

int cg_read_keys(const char *path, const char *const *keys, uint64_t *const *vals, size_t n,
                 unsigned *found)
{
        _cleanup_fclose_ FILE *f = fopen(path, "re");
        if (!f)
                return -errno;
        _cleanup_free_ char *line = NULL;
        size_t cap = 0;
        unsigned got = 0;
        while (getline(&line, &cap, f) > 0) {
                for (size_t i = 0; i < n; i++) {
                        size_t kl = strlen(keys[i]);
                        if (strncmp(line, keys[i], kl) != 0 || line[kl] != ' ')
                                continue;
                        *vals[i] = strtoull(line + kl + 1, NULL, 10);
                        got |= 1u << i;
                        break;
                }
        }
        if (found)
                *found = got;
        return 0;
}

static void sleep_ns(uint64_t ns)
{
        struct timespec ts = {.tv_sec = (time_t)(ns / 1000000000ULL),
                              .tv_nsec = (long)(ns % 1000000000ULL)};
        while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
                ;
}

int cg_kill_dir(const char *dir)
{
        char procs[CG_PATH_MAX];
        int r = cg_join(procs, dir, "cgroup.procs");
        if (r < 0)
                return r;
        /* cgroup.kill (v2, Linux 5.14+) kills the whole subtree at once and also whatever is
         * forked meanwhile; without it, rounds of kill(2) catch the children forked between our
         * read and our kill, until the list stays empty. */
        bool have_kill = cg_exists(dir, "cgroup.kill");
        pid_t self = getpid();
        uint64_t deadline = now_ns() + KILL_TIMEOUT_NS;
        for (;;) {
                _cleanup_fclose_ FILE *f = fopen(procs, "re");
                if (!f)
                        return -errno;
                int pid;
                size_t n = 0;
                bool self_inside = false;
                _cleanup_free_ pid_t *pids = NULL;
                size_t cap = 0;
                while (fscanf(f, "%d", &pid) == 1) {
                        if (pid == self)
                                self_inside = true;
                        if (n == cap) {
                                size_t nc = cap ? cap * 2 : 64;
                                pid_t *np = realloc(pids, nc * sizeof(*np));
                                if (!np)
                                        return -ENOMEM;
                                pids = np;
                                cap = nc;
                        }
                        pids[n++] = pid;
                }
                if (n == 0)
                        return 0;
                if (self_inside)
                        return -EDEADLK;
                if (have_kill && cg_write(dir, "cgroup.kill", "1") < 0)
                        have_kill = false;
                if (!have_kill)
                        for (size_t i = 0; i < n; i++)
                                if (pids[i] > 0)
                                        kill(pids[i], SIGKILL);
                if (now_ns() > deadline)
                        return -EBUSY;
                sleep_ns(1000000);
        }
}

int cg_rmdir_retry(const char *dir)
{
        uint64_t deadline = now_ns() + RMDIR_TIMEOUT_NS;
        for (;;) {
                if (rmdir(dir) == 0)
                        return 0;
                if (errno != EBUSY || now_ns() > deadline)
                        return -errno;
                sleep_ns(2000000);
        }
}

static bool is_dir_entry(int dirfd, const struct dirent *de)
{
        if (de->d_type == DT_DIR)
                return true;
        if (de->d_type != DT_UNKNOWN)
                return false;
        struct stat st;
        return fstatat(dirfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode);
}

/* Kill (unless kill_top is false for `dir` itself) and remove a cgroup directory and every cgroup
 * beneath it, deepest first. In cgroupfs every subdirectory is a cgroup, and everything here is
 * inside a presize-* directory. -ENOENT when `dir` is already gone. */
static int remove_tree(const char *dir, bool kill_top, int depth)
{
        if (depth > TREE_MAX_DEPTH)
                return -ELOOP;
        int ret = 0;
        {
                _cleanup_closedir_ DIR *d = opendir(dir);
                if (!d)
                        return -errno;
                struct dirent *de;
                while ((de = readdir(d))) {
                        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
                                continue;
                        if (!is_dir_entry(dirfd(d), de))
                                continue;
                        char sub[CG_PATH_MAX];
                        int r = cg_join(sub, dir, de->d_name);
                        if (r == 0)
                                r = remove_tree(sub, true, depth + 1);
                        if (r < 0 && r != -ENOENT && ret == 0)
                                ret = r;
                }
        }
        if (kill_top) {
                int r = cg_kill_dir(dir);
                if (r < 0 && r != -ENOENT && ret == 0)
                        ret = r;
        }
        int r = cg_rmdir_retry(dir);
        if (r < 0 && (r != -ENOENT || depth == 0) && ret == 0)
                ret = r;
        return ret;
}

/* ---- /proc parsing -------------------------------------------------------------------------- */

/* mountinfo escapes space, tab, newline and backslash as \ooo. */
static void unescape_octal(char *s)
{
        char *w = s;
        for (char *r = s; *r; r++) {
                if (r[0] == '\\' && r[1] >= '0' && r[1] <= '7' && r[2] >= '0' && r[2] <= '7' &&
                    r[3] >= '0' && r[3] <= '7') {
                        *w++ = (char)(((r[1] - '0') << 6) | ((r[2] - '0') << 3) | (r[3] - '0'));
                        r += 3;
                } else {
                        *w++ = *r;
                }
        }
        *w = '\0';
}

static bool list_has(const char *list, const char *word)
{
        size_t wl = strlen(word);
        for (const char *p = list; p && *p;) {
                const char *e = strchr(p, ',');
                size_t l = e ? (size_t)(e - p) : strlen(p);
                if (l == wl && !strncmp(p, word, wl))
                        return true;
                p = e ? e + 1 : NULL;
        }
        return false;
}

static unsigned v1_mask_of(const char *list)
{
        unsigned m = 0;
        for (int c = 0; c < CG_NCTRL; c++)
                if (list_has(list, cg_ctrl_names[c]))
                        m |= CG_BIT(c);
        return m;
}

/* Our cgroup path in the hierarchy that carries v1 controller `ctrl`, or (ctrl NULL) in the v2
 * hierarchy ("0::/path"). */
static int self_cgroup_path(const char *ctrl, char *out, size_t len)
{
        _cleanup_fclose_ FILE *f = fopen("/proc/self/cgroup", "re");
        if (!f)
                return -errno;
        _cleanup_free_ char *line = NULL;
        size_t cap = 0;
        ssize_t n;
        while ((n = getline(&line, &cap, f)) > 0) {
                if (line[n - 1] == '\n')
                        line[n - 1] = '\0';
                char *c1 = strchr(line, ':');
                char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
                if (!c2)
                        continue;
                *c2 = '\0';
                const char *ctrls = c1 + 1, *path = c2 + 1;
                bool match = ctrl ? list_has(ctrls, ctrl) : (!strncmp(line, "0:", 2) && !*ctrls);
                if (!match)
                        continue;
                if ((size_t)snprintf(out, len, "%s", path) >= len)
                        return -ENAMETOOLONG;
                return 0;
        }
        return -ENOENT;
}

/* The directory of cgroup `cgpath` seen through a mount of its hierarchy whose root (mountinfo
 * field 4) is `root`. -ENOENT when that mount does not show our cgroup. */
static int dir_under_mount(const char *mountpoint, const char *root, const char *cgpath, char *out)
{
        const char *rel;
        size_t rl = strlen(root);
        if (!strcmp(root, "/"))
                rel = cgpath;
        else if (!strncmp(cgpath, root, rl) && (cgpath[rl] == '\0' || cgpath[rl] == '/'))
                rel = cgpath + rl;
        else
                return -ENOENT;
        while (*rel == '/')
                rel++;
        int n = *rel ? snprintf(out, CG_PATH_MAX, "%s/%s", mountpoint, rel)
                     : snprintf(out, CG_PATH_MAX, "%s", mountpoint);
        if (n < 0 || n >= CG_PATH_MAX)
                return -ENAMETOOLONG;
        struct stat st;
        if (stat(out, &st) < 0)
                return -errno;
        return S_ISDIR(st.st_mode) ? 0 : -ENOTDIR;
}

/* Find a mount of type `fstype` ("cgroup" or "cgroup2") that shows our cgroup, for v1 the one
 * whose super options carry `ctrl`. Fills the parent directory (CG_PATH_MAX) and, for v1, the
 * mask of our controllers in that hierarchy. A cgroup2 mount at /sys/fs/cgroup is preferred to
 * others (a hybrid host's /sys/fs/cgroup/unified). */
static int find_mount(const char *fstype, const char *ctrl, const char *cgpath, char *parent,
                      unsigned *mask)
{
        _cleanup_fclose_ FILE *f = fopen("/proc/self/mountinfo", "re");
        if (!f)
                return -errno;
        _cleanup_free_ char *line = NULL;
        size_t cap = 0;
        ssize_t n;
        int ret = -ENOENT;
        while ((n = getline(&line, &cap, f)) > 0) {
                if (line[n - 1] == '\n')
                        line[n - 1] = '\0';
                char *fields[6], *save = NULL, *tok;
                int nf = 0;
                char *s = line;
                while (nf < 6 && (tok = strtok_r(s, " ", &save))) {
                        fields[nf++] = tok;
                        s = NULL;
                }
                if (nf < 6)
                        continue;
                /* Optional fields run up to a lone "-", then fstype, source, super options. */
                while ((tok = strtok_r(NULL, " ", &save)) && strcmp(tok, "-"))
                        ;
                const char *type = tok ? strtok_r(NULL, " ", &save) : NULL;
                const char *source = type ? strtok_r(NULL, " ", &save) : NULL;
                const char *super = source ? strtok_r(NULL, " ", &save) : NULL;
                if (!super || strcmp(type, fstype))
                        continue;
                if (ctrl && !list_has(super, ctrl))
                        continue;
                char *root = fields[3], *mnt = fields[4];
                unescape_octal(root);
                unescape_octal(mnt);
                char dir[CG_PATH_MAX];
                if (dir_under_mount(mnt, root, cgpath, dir) < 0)
                        continue;
                if (ret == 0 && strcmp(mnt, "/sys/fs/cgroup"))
                        continue; /* keep the first; only /sys/fs/cgroup replaces it */
                strcpy(parent, dir);
                if (mask)
                        *mask = v1_mask_of(super);
                ret = 0;
                if (!strcmp(mnt, "/sys/fs/cgroup"))
                        break;
        }
        return ret;
}

/* ---- host ------------------------------------------------------------------------------------ */

static struct cgroup_host *host_new(enum cgroup_version v)
{
        struct cgroup_host *h = calloc(1, sizeof(*h));
        if (!h)
                return NULL;
        h->version = v;
        for (int c = 0; c < CG_NCTRL; c++)
                h->ctrl_hier[c] = -1;
        return h;
}

static int detect_v2(struct cgroup_host **out)
{
        char cgpath[CG_PATH_MAX], parent[CG_PATH_MAX];
        int r = self_cgroup_path(NULL, cgpath, sizeof(cgpath));
        if (r < 0)
                return r;
        r = find_mount("cgroup2", NULL, cgpath, parent, NULL);
        if (r < 0)
                return r;
        struct cgroup_host *h = host_new(CGROUP_V2);
        if (!h)
                return -ENOMEM;
        r = cgv2_host_init(h, parent);
        unsigned need = CG_BIT(CG_CPU) | CG_BIT(CG_MEMORY) | CG_BIT(CG_PIDS);
        if (r == 0 && (h->v2_available & need) != need)
                r = -ENOTSUP; /* e.g. the empty cgroup2 of a hybrid host */
        if (r < 0) {
                cgroup_host_free(h);
                return r;
        }
        *out = h;
        return 0;
}

static int detect_v1(struct cgroup_host **out)
{
        struct cgroup_host *h = host_new(CGROUP_V1);
        if (!h)
                return -ENOMEM;
        for (int c = 0; c < CG_NCTRL; c++) {
                if (h->ctrl_hier[c] >= 0)
                        continue; /* co-mounted with one already found */
                char cgpath[CG_PATH_MAX], parent[CG_PATH_MAX];
                unsigned mask = 0;
                int r = self_cgroup_path(cg_ctrl_names[c], cgpath, sizeof(cgpath));
                if (r == 0)
                        r = find_mount("cgroup", cg_ctrl_names[c], cgpath, parent, &mask);
                if (r < 0)
                        continue; /* missing; judged below */
                struct cg_hier *hi = &h->hier[h->n_hier];
                hi->parent = strdup(parent);
                if (!hi->parent) {
                        cgroup_host_free(h);
                        return -ENOMEM;
                }
                hi->mask = mask | CG_BIT(c);
                for (int k = 0; k < CG_NCTRL; k++)
                        if (hi->mask & CG_BIT(k))
                                h->ctrl_hier[k] = (int)h->n_hier;
                h->n_hier++;
        }
        for (int c = 0; c < CG_NCTRL; c++) {
                if ((CG_V1_NEEDED & CG_BIT(c)) && h->ctrl_hier[c] < 0) {
                        cgroup_host_free(h);
                        return -ENOTSUP;
                }
        }
        *out = h;
        return 0;
}

int cgroup_host_detect(struct cgroup_host **out)
{
        if (!out)
                return -EINVAL;
        if (detect_v2(out) == 0)
                return 0;
        return detect_v1(out);
}

int cgroup_host_open_v2(const char *parent_dir, struct cgroup_host **out)
{
        if (!parent_dir || !out)
                return -EINVAL;
        struct cgroup_host *h = host_new(CGROUP_V2);
        if (!h)
                return -ENOMEM;
        int r = cgv2_host_init(h, parent_dir);
        if (r < 0) {
                cgroup_host_free(h);
                return r;
        }
        *out = h;
        return 0;
}

void cgroup_host_free(struct cgroup_host *h)
{
        if (!h)
                return;
        for (size_t i = 0; i < h->n_hier; i++)
                free(h->hier[i].parent);
        free(h);
}

enum cgroup_version cgroup_host_version(const struct cgroup_host *h)
{
        return h->version;
}

static int ctrl_index(const struct cgroup_host *h, const char *controller)
{
        if (!controller)
                return -1;
        if (h->version == CGROUP_V2)
                return 0;
        for (int c = 0; c < CG_NCTRL; c++)
                if (!strcmp(controller, cg_ctrl_names[c]))
                        return h->ctrl_hier[c];
        return -1;
}

const char *cgroup_host_parent(const struct cgroup_host *h, const char *controller)
{
        int i = h ? ctrl_index(h, controller) : -1;
        return i < 0 ? NULL : h->hier[i].parent;
}

/* ---- one sandbox's cgroup -------------------------------------------------------------------- */

static bool valid_name(const char *name)
{
        size_t l = strlen(name);
        return l > strlen(NAME_PREFIX) && l < NAME_MAX && !strncmp(name, NAME_PREFIX, 8) &&
               !strchr(name, '/') && strncmp(name, SUPERVISOR_PREFIX, strlen(SUPERVISOR_PREFIX));
}

static void cgroup_free(struct cgroup *cg)
{
        if (!cg)
                return;
        for (size_t i = 0; i < CG_MAX_HIER; i++)
                free(cg->dir[i]);
        free(cg->name);
        free(cg);
}

int cgroup_create(struct cgroup_host *h, const char *name, struct cgroup **out)
{
        if (!h || !name || !out)
                return -EINVAL;
        if (!valid_name(name))
                return -EINVAL;
        struct cgroup *cg = calloc(1, sizeof(*cg));
        if (!cg)
                return -ENOMEM;
        cg->host = h;
        cg->name = strdup(name);
        int r = cg->name ? 0 : -ENOMEM;
        for (size_t i = 0; r == 0 && i < h->n_hier; i++) {
                char p[CG_PATH_MAX];
                r = cg_join(p, h->hier[i].parent, name);
                if (r == 0 && !(cg->dir[i] = strdup(p)))
                        r = -ENOMEM;
        }
        if (r == 0)
                r = h->version == CGROUP_V2 ? cgv2_create(cg) : cgv1_create(cg);
        if (r < 0) {
                cgroup_free(cg);
                return r;
        }
        *out = cg;
        return 0;
}

const char *cgroup_path(const struct cgroup *cg, const char *controller)
{
        int i = cg ? ctrl_index(cg->host, controller) : -1;
        return i < 0 ? NULL : cg->dir[i];
}

int cgroup_attach(struct cgroup *cg, pid_t pid)
{
        if (!cg || pid <= 0)
                return -EINVAL;
        for (size_t i = 0; i < cg->host->n_hier; i++) {
                int r = cg_write_u64(cg->dir[i], "cgroup.procs", (uint64_t)pid);
                if (r < 0)
                        return r;
        }
        return 0;
}

int cgroup_open_procs(struct cgroup *cg, int *fds, int max)
{
        if (!cg || !fds || max < 0)
                return -EINVAL;
        /* Hierarchies are already one per mount, so co-mounted controllers share one fd. */
        size_t n = cg->host->n_hier;
        if (n > (size_t)max)
                return -ENOSPC;
        for (size_t i = 0; i < n; i++) {
                char p[CG_PATH_MAX];
                int r = cg_join(p, cg->dir[i], "cgroup.procs");
                int fd = r < 0 ? r : open(p, O_WRONLY | O_CLOEXEC);
                if (fd < 0) {
                        r = r < 0 ? r : -errno;
                        for (size_t k = 0; k < i; k++) {
                                close(fds[k]);
                                fds[k] = -1;
                        }
                        return r;
                }
                fds[i] = fd;
        }
        return (int)n;
}

int cgroup_set_cpu(struct cgroup *cg, uint64_t millicores)
{
        if (!cg || millicores == 0 || millicores > UINT64_MAX / 1000)
                return -EINVAL;
        return cg->host->version == CGROUP_V2 ? cgv2_set_cpu(cg, millicores)
                                              : cgv1_set_cpu(cg, millicores);
}

int cgroup_set_memory(struct cgroup *cg, uint64_t bytes)
{
        if (!cg || bytes == 0 || bytes > INT64_MAX)
                return -EINVAL;
        return cg->host->version == CGROUP_V2 ? cgv2_set_memory(cg, bytes)
                                              : cgv1_set_memory(cg, bytes);
}

int cgroup_set_pids(struct cgroup *cg, uint64_t n)
{
        if (!cg || n == 0 || n > INT32_MAX)
                return -EINVAL;
        return cg->host->version == CGROUP_V2 ? cgv2_set_pids(cg, n) : cgv1_set_pids(cg, n);
}

int cgroup_read(struct cgroup *cg, struct cgroup_stats *out)
{
        if (!cg || !out)
                return -EINVAL;
        memset(out, 0, sizeof(*out));
        return cg->host->version == CGROUP_V2 ? cgv2_read(cg, out) : cgv1_read(cg, out);
}

int cgroup_read_cpu(struct cgroup *cg, struct cgroup_stats *out)
{
        if (!cg || !out)
                return -EINVAL;
        memset(out, 0, sizeof(*out));
        return cg->host->version == CGROUP_V2 ? cgv2_read_cpu(cg, out) : cgv1_read_cpu(cg, out);
}

int cgroup_kill_all(struct cgroup *cg)
{
        if (!cg)
                return -EINVAL;
        /* Every process of the sandbox is in every hierarchy, but a failed attach may have left
         * one in only some of them: go through all. */
        int ret = 0;
        for (size_t i = 0; i < cg->host->n_hier; i++) {
                int r = cg_kill_dir(cg->dir[i]);
                if (r < 0 && ret == 0)
                        ret = r;
        }
        return ret;
}

int cgroup_destroy(struct cgroup *cg)
{
        if (!cg)
                return 0;
        /* A directory that is already gone (removed as a leftover, or never made) is fine. */
        int ret = cgroup_kill_all(cg);
        if (ret == -ENOENT)
                ret = 0;
        for (size_t i = 0; i < cg->host->n_hier; i++) {
                int r = remove_tree(cg->dir[i], false, 0);
                if (r < 0 && r != -ENOENT && ret == 0)
                        ret = r;
        }
        cgroup_free(cg);
        return ret;
}

/* ---- names and leftovers --------------------------------------------------------------------- */

int cgroup_name(char *buf, size_t len, const char *id)
{
        if (!buf || !id || !*id || strchr(id, '/'))
                return -EINVAL;
        uint64_t start;
        int r = proc_stat(0, NULL, &start);
        if (r < 0)
                return r;
        int n = snprintf(buf, len, NAME_PREFIX "%s-%d-%" PRIu64, id, (int)getpid(), start);
        if (n < 0 || (size_t)n >= len || n >= NAME_MAX)
                return -ENAMETOOLONG;
        return 0;
}

static bool all_digits(const char *s, size_t n)
{
        if (n == 0 || n > 20)
                return false;
        for (size_t i = 0; i < n; i++)
                if (!isdigit((unsigned char)s[i]))
                        return false;
        return true;
}

/* "presize-<id>-<pid>-<starttime>", <id> non-empty (it may itself contain '-'). */
bool cgroup_name_owner(const char *name, pid_t *pid, uint64_t *start)
{
        size_t pl = strlen(NAME_PREFIX);
        if (strncmp(name, NAME_PREFIX, pl))
                return false;
        const char *s = strrchr(name, '-');
        if (!s || s <= name + pl || !all_digits(s + 1, strlen(s + 1)))
                return false;
        const char *p = s - 1;
        while (p > name + pl && *p != '-')
                p--;
        if (p <= name + pl || !all_digits(p + 1, (size_t)(s - p - 1)))
                return false;
        unsigned long long pv = strtoull(p + 1, NULL, 10);
        if (pv == 0 || pv > INT32_MAX)
                return false;
        *pid = (pid_t)pv;
        *start = strtoull(s + 1, NULL, 10);
        return true;
}

/* Is the process that named a cgroup still there? "No" only when we are sure: the pid is gone,
 * or it now belongs to a process started at another time (pid reuse). */
bool cgroup_owner_alive(pid_t pid, uint64_t start)
{
        uint64_t now;
        int r = proc_stat((int)pid, NULL, &now);
        if (r == -ENOENT || r == -ESRCH)
                return false;
        if (r < 0)
                return true;
        return now == start;
}

struct name_list {
        char **v;
        size_t n, cap;
};

static int name_list_add(struct name_list *l, const char *s)
{
        for (size_t i = 0; i < l->n; i++)
                if (!strcmp(l->v[i], s))
                        return 0;
        if (l->n == l->cap) {
                size_t nc = l->cap ? l->cap * 2 : 16;
                char **nv = realloc(l->v, nc * sizeof(*nv));
                if (!nv)
                        return -ENOMEM;
                l->v = nv;
                l->cap = nc;
        }
        if (!(l->v[l->n] = strdup(s)))
                return -ENOMEM;
        l->n++;
        return 0;
}

static void name_list_free(struct name_list *l)
{
        for (size_t i = 0; i < l->n; i++)
                free(l->v[i]);
        free(l->v);
}

/* Collect dead owners' presize-* directories under `parent`. An empty presize-supervisor-<pid>
 * leaf (v2) whose pid is gone is removed here too, by rmdir alone: the processes moved there are
 * not the sandbox's and are never killed. */
static int scan_parent(const char *parent, struct name_list *dead)
{
        _cleanup_closedir_ DIR *d = opendir(parent);
        if (!d)
                return -errno;
        struct dirent *de;
        while ((de = readdir(d))) {
                if (strncmp(de->d_name, NAME_PREFIX, strlen(NAME_PREFIX)))
                        continue;
                if (!is_dir_entry(dirfd(d), de))
                        continue;
                const char *sv = de->d_name + strlen(SUPERVISOR_PREFIX);
                if (!strncmp(de->d_name, SUPERVISOR_PREFIX, strlen(SUPERVISOR_PREFIX)) &&
                    all_digits(sv, strlen(sv))) {
                        pid_t spid = (pid_t)strtol(sv, NULL, 10);
                        if (kill(spid, 0) < 0 && errno == ESRCH)
                                (void)unlinkat(dirfd(d), de->d_name, AT_REMOVEDIR);
                        continue;
                }
                pid_t pid;
                uint64_t start;
                if (!cgroup_name_owner(de->d_name, &pid, &start) || cgroup_owner_alive(pid, start))
                        continue;
                int r = name_list_add(dead, de->d_name);
                if (r < 0)
                        return r;
        }
        return 0;
}

int cgroup_cleanup_leftovers(struct cgroup_host *h)
{
        if (!h)
                return -EINVAL;
        struct name_list dead = {0};
        int scanned = 0, err = 0;
        for (size_t i = 0; i < h->n_hier; i++) {
                int r = scan_parent(h->hier[i].parent, &dead);
                if (r == -ENOMEM) {
                        name_list_free(&dead);
                        return r;
                }
                if (r < 0)
                        err = r;
                else
                        scanned++;
        }
        int removed = 0;
        for (size_t k = 0; k < dead.n; k++) {
                bool any = false;
                for (size_t i = 0; i < h->n_hier; i++) {
                        char p[CG_PATH_MAX];
                        if (cg_join(p, h->hier[i].parent, dead.v[k]) < 0)
                                continue;
                        if (remove_tree(p, true, 0) == 0)
                                any = true;
                }
                if (any)
                        removed++;
        }
        name_list_free(&dead);
        return scanned == 0 && err < 0 ? err : removed;
}
