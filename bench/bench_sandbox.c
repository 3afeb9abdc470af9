/* Sandbox latency benchmark: create-to-ready and destroy, with and without network, and exec into
 * a pre-created sandbox; next to the floor, the same steps by hand (mkdir in cgroupfs, unshare(1),
 * posix_spawn), measured in the same run. Reports p50 and p99. Root only.
 *
 *   bench_sandbox [-n CYCLES] [--json]   */
#include "sandbox/cgroup.h"
#include "sandbox/sandbox.h"
#include "util/fsutil.h"
#include "util/progress.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

struct series {
        const char *name;
        double *v; /* microseconds */
        int n;
};

static int cmp_double(const void *a, const void *b)
{
        double x = *(const double *)a, y = *(const double *)b;
        return x < y ? -1 : x > y;
}

static double pct(struct series *s, double p)
{
        qsort(s->v, (size_t)s->n, sizeof(double), cmp_double);
        int i = (int)(p / 100.0 * (s->n - 1) + 0.5);
        return s->v[i];
}

static struct series mk(const char *name, int n)
{
        struct series s = {name, calloc((size_t)n, sizeof(double)), 0};
        if (!s.v)
                exit(1);
        return s;
}

static struct alloc base_alloc(bool net)
{
        return (struct alloc){
            .cpu_millicores = 1000, .memory_bytes = 256ULL << 20, .pids = 64, .network = net};
}

static void bench_lifecycle(bool net, int n, struct series *create, struct series *destroy)
{
        struct progress p;
        struct alloc a = base_alloc(net);
        progress_start(&p, net ? "create/destroy +net" : "create/destroy", (uint64_t)n);
        for (int i = 0; i < n; i++) {
                struct sandbox *s;
                uint64_t t0 = now_ns();
                int r = sandbox_create(&a, &s);
                uint64_t t1 = now_ns();
                if (r < 0) {
                        fprintf(stderr, "create: %s\n", strerror(-r));
                        exit(1);
                }
                sandbox_destroy(s);
                uint64_t t2 = now_ns();
                create->v[create->n++] = (double)(t1 - t0) / 1e3;
                destroy->v[destroy->n++] = (double)(t2 - t1) / 1e3;
                progress_tick(&p, 1);
        }
        progress_end(&p);
}

/* sandbox_exec returns when execve has succeeded in the sandbox (init learns it from a CLOEXEC
 * pipe closing): the next instruction the job runs is its new image's first. */
static void bench_exec(int n, struct series *ex)
{
        struct progress p;
        struct alloc a = base_alloc(false);
        char *argv[] = {"/bin/true", NULL};
        struct job j = {.argv = argv, .stdin_fd = -1, .stdout_fd = -1, .stderr_fd = -1};
        progress_start(&p, "exec (pre-created)", (uint64_t)n);
        for (int i = 0; i < n; i++) {
                struct sandbox *s;
                struct usage u;
                if (sandbox_create(&a, &s) < 0)
                        exit(1);
                uint64_t t0 = now_ns();
                int r = sandbox_exec(s, &j);
                uint64_t t1 = now_ns();
                if (r < 0 || sandbox_wait(s, 0, NULL, NULL, &u) < 0)
                        exit(1);
                sandbox_destroy(s);
                ex->v[ex->n++] = (double)(t1 - t0) / 1e3;
                progress_tick(&p, 1);
        }
        progress_end(&p);
}

static int spawn_wait(char *const argv[], bool wait_exit)
{
        pid_t pid;
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
        int r = posix_spawn(&pid, argv[0], &fa, NULL, argv, environ);
        posix_spawn_file_actions_destroy(&fa);
        if (r != 0)
                return -r;
        int st;
        (void)wait_exit;
        waitpid(pid, &st, 0);
        return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -ECHILD;
}

/* The floor: what the same isolation costs when done by hand with standard tools. */
static void bench_by_hand(int n, struct series *mkd, struct series *uns, struct series *spawn)
{
        static const char *const ctrls[] = {"cpu", "cpuacct", "memory", "pids", "blkio"};
        struct cgroup_host *h;
        if (cgroup_host_detect(&h) < 0)
                exit(1);
        struct progress p;
        char *unshare_argv[] = {
            "/usr/bin/unshare", "--pid",     "--mount", "--net", "--uts", "--ipc",
            "--fork",           "/bin/true", NULL};
        char *true_argv[] = {"/bin/true", NULL};
        progress_start(&p, "by hand (floor)", (uint64_t)n);
        for (int i = 0; i < n; i++) {
                char paths[5][512];
                uint64_t t0 = now_ns();
                for (int c = 0; c < 5; c++) {
                        snprintf(paths[c], sizeof(paths[c]), "%s/presize-bench-%d",
                                 cgroup_host_parent(h, ctrls[c]), getpid());
                        if (mkdir(paths[c], 0755) < 0 && errno != EEXIST)
                                paths[c][0] = '\0';
                }
                for (int c = 0; c < 5; c++)
                        if (paths[c][0])
                                rmdir(paths[c]);
                uint64_t t1 = now_ns();
                if (spawn_wait(unshare_argv, true) < 0)
                        exit(1);
                uint64_t t2 = now_ns();
                if (spawn_wait(true_argv, true) < 0)
                        exit(1);
                uint64_t t3 = now_ns();
                mkd->v[mkd->n++] = (double)(t1 - t0) / 1e3;
                uns->v[uns->n++] = (double)(t2 - t1) / 1e3;
                spawn->v[spawn->n++] = (double)(t3 - t2) / 1e3;
                progress_tick(&p, 1);
        }
        progress_end(&p);
        cgroup_host_free(h);
}

static void row(struct series *s, bool json, bool last)
{
        double p50 = pct(s, 50), p99 = pct(s, 99);
        if (json)
                printf("    {\"step\": \"%s\", \"n\": %d, \"p50_us\": %.1f, \"p99_us\": %.1f}%s\n",
                       s->name, s->n, p50, p99, last ? "" : ",");
        else
                printf("| %-52s | %6d | %9.0f | %9.0f |\n", s->name, s->n, p50, p99);
}

int main(int argc, char **argv)
{
        int n = 1000;
        bool json = false;
        for (int i = 1; i < argc; i++) {
                if (!strcmp(argv[i], "-n") && i + 1 < argc)
                        n = atoi(argv[++i]);
                else if (!strcmp(argv[i], "--json"))
                        json = true;
                else {
                        fprintf(stderr, "usage: bench_sandbox [-n CYCLES] [--json]\n");
                        return 2;
                }
        }
        if (n < 10) {
                fprintf(stderr, "bench_sandbox: -n must be at least 10\n");
                return 2;
        }
        int r = sandbox_runtime_init();
        if (r < 0) {
                fprintf(stderr, "bench_sandbox: runtime: %s (root needed)\n", strerror(-r));
                return 1;
        }
        struct series c0 = mk("create-to-ready, no network (presize)", n);
        struct series d0 = mk("destroy, no network (presize)", n);
        struct series c1 = mk("create-to-ready, with network: veth + tc (presize)", n);
        struct series d1 = mk("destroy, with network (presize)", n);
        struct series ex = mk("exec into a pre-created sandbox (presize)", n);
        struct series mkd = mk("floor: mkdir + rmdir 5 cgroups by hand", n);
        struct series uns = mk("floor: unshare -pmnui --fork /bin/true, whole run", n);
        struct series sp = mk("floor: posix_spawn /bin/true on the host, whole run", n);

        bench_by_hand(n, &mkd, &uns, &sp);
        bench_lifecycle(false, n, &c0, &d0);
        bench_exec(n, &ex);
        bench_lifecycle(true, n, &c1, &d1);

        struct series *all[] = {&c0, &d0, &c1, &d1, &ex, &mkd, &uns, &sp};
        size_t k = sizeof(all) / sizeof(all[0]);
        if (json) {
                printf("{\n  \"cycles\": %d,\n  \"results\": [\n", n);
                for (size_t i = 0; i < k; i++)
                        row(all[i], true, i + 1 == k);
                printf("  ]\n}\n");
        } else {
                printf("| %-52s | %6s | %9s | %9s |\n", "step", "n", "p50 (us)", "p99 (us)");
                printf("|%s|--------|-----------|-----------|\n",
                       "------------------------------------------------------");
                for (size_t i = 0; i < k; i++)
                        row(all[i], false, false);
        }
        for (size_t i = 0; i < k; i++)
                free(all[i]->v);
        sandbox_runtime_fini();
        return 0;
}
