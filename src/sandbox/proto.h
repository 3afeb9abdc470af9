/* The control channel between presize (host side, sandbox.c) and the sandbox's init (PID 1 inside,
 * init.c): a SOCK_SEQPACKET socketpair, one message per packet. Private to src/sandbox/. */
#pragma once

#include "confine.h"

#include <stdint.h>
#include <sys/types.h>

enum proto_type {
        MSG_READY = 1, /* init -> host: namespaces and mounts are set up (err = 0 or -errno) */
        MSG_EXEC,      /* host -> init: argv and env (NUL-separated), fds 0/1/2 attached */
        MSG_STARTED,   /* init -> host: execve succeeded (err = 0) or failed (err = -errno) */
        MSG_EXITED,    /* init -> host: the job's main process ended (status = wait status) */
};

/* Which setup step failed, for a readable error. */
enum proto_step {
        STEP_NONE = 0,
        STEP_MOUNT_PRIVATE,
        STEP_MOUNT_ROOT,
        STEP_BIND,
        STEP_PROC,
        STEP_DEV,
        STEP_TMPFS,
        STEP_PIVOT,
        STEP_HOSTNAME,
        STEP_FORK,
        STEP_EXEC,
};

struct proto_msg {
        uint32_t type;
        int32_t err;
        int32_t step;
        int32_t status;
        uint32_t argc;
        uint32_t envc;
        uint64_t t_start_ns; /* STARTED/EXITED: when the job was forked (CLOCK_MONOTONIC) */
        uint64_t t_end_ns;   /* EXITED: when init reaped it */
        uint32_t len;        /* payload bytes after the header */
};

#define PROTO_MAX_PAYLOAD (128 * 1024)
#define PROTO_MAX_ARGS    4096

/* What init needs, prepared by the host before clone and inherited by copy. Init must not allocate:
 * it is a raw clone of a process that may have other threads holding allocator locks. */
struct init_config {
        int ctl_fd;
        int cg_fds[8];
        int n_cg_fds;
        uint64_t tmpfs_bytes;
        struct confine_limits limits;
        const struct confine_filter *filter;
};

/* Runs as PID 1 of the new namespaces; never returns. */
void sandbox_init_main(const struct init_config *cfg) __attribute__((noreturn));
