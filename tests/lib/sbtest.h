/* Helpers shared by the sandbox tests: run a command in a fresh sandbox and capture its output. */
#pragma once

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/resources.h"
#include "sandbox/sandbox.h"

#define MiB (1024ULL * 1024ULL)

/* A sensible allocation: 1 CPU, 256 MiB, 64 pids, 20 s timeout, loopback only. */
struct alloc sbt_alloc(void);

struct sbt_run {
        struct usage u;
        char out[65536]; /* stdout, NUL-terminated, truncated */
        char err[16384]; /* stderr */
        int exec_rc;     /* what sandbox_exec returned */
};

/* Create, exec argv (with optional files), wait (with an optional sample callback), destroy.
 * Returns 0 when the job ran; its usage and output are in *r. */
int sbt_run(const struct alloc *a, char *const argv[], const struct job_file *files, size_t n,
            sandbox_sample_cb cb, void *ctx, struct sbt_run *r);

/* The same with extra environment entries (NAME=VALUE, NULL-terminated). */
int sbt_run_env(const struct alloc *a, char *const argv[], char *const env[],
                const struct job_file *files, size_t n, sandbox_sample_cb cb, void *ctx,
                struct sbt_run *r);

/* Number of presize-* entries: cgroup directories below our cgroups, links. */
int sbt_count_cgroups(void);
int sbt_count_links(void);
/* Processes on the host whose cmdline or comm matches `needle` (excluding ourselves). */
int sbt_count_procs(const char *needle);
