/* The plain structs that pass between presize's stages (see docs/DESIGN.md): what a sandbox is
 * given (alloc), what it is asked to run (job), what it uses moment to moment (sample) and in
 * total (usage). Units: CPU in millicores, memory in bytes, network in bit/s, time in ns. */
#pragma once

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#define NET_ALLOW_MAX 8

struct net_allow {
        uint32_t addr; /* IPv4, network byte order */
        uint16_t port; /* host byte order */
};

/* An allocation. 0 in a limit field means "unlimited" only for net_rate_bps and timeout_ns;
 * cpu, memory and pids must be positive (the sandbox rejects 0 with -EINVAL). */
struct alloc {
        uint64_t cpu_millicores;
        uint64_t memory_bytes;
        uint64_t net_rate_bps; /* each direction; 0 = no shaping */
        uint64_t pids;         /* processes and threads the code may have at once */
        uint64_t timeout_ns;   /* wall clock from exec; 0 = none */
        bool network;          /* give the sandbox a veth (needed for net_rate and allow) */
        unsigned n_allow;
        struct net_allow allow[NET_ALLOW_MAX];
};

/* One file copied into the sandbox's working directory before the command starts. */
struct job_file {
        const char *name; /* relative, no "/" or ".." components */
        const void *data;
        size_t len;
        unsigned mode; /* e.g. 0644, 0755 */
};

/* A command to run. Borrowed by exec for the duration of the call; nothing is kept. */
struct job {
        char *const *argv; /* argv[0] is resolved on the sandbox's clean PATH */
        char *const *env;  /* extra NAME=VALUE entries on top of the clean environment */
        const struct job_file *files;
        size_t n_files;
        int stdin_fd;  /* -1: /dev/null */
        int stdout_fd; /* -1: /dev/null */
        int stderr_fd; /* -1: /dev/null */
};

/* Cumulative counters read at one instant. */
struct sample {
        uint64_t t_ns; /* CLOCK_MONOTONIC */
        uint64_t cpu_ns;
        uint64_t memory_bytes; /* current */
        uint64_t throttled_ns;
        uint64_t net_rx_bytes; /* received by the sandbox */
        uint64_t net_tx_bytes; /* sent by the sandbox */
        uint64_t pids;
};

/* The execution profile of one run. */
struct usage {
        int exit_code; /* -1 when killed by a signal */
        int signal;    /* 0 when it exited */
        bool oom_killed;
        bool timed_out;
        uint64_t cpu_ns; /* user + sys */
        uint64_t user_ns;
        uint64_t sys_ns;
        uint64_t wall_ns;
        uint64_t peak_memory_bytes;
        double avg_cores;
        double peak_cores;
        uint64_t throttled_ns;
        uint64_t net_rx_bytes;
        uint64_t net_tx_bytes;
        uint64_t io_read_bytes;
        uint64_t io_write_bytes;
        uint64_t minor_faults;
        uint64_t major_faults;
        struct alloc limits; /* the allocation in force at the end */
};
