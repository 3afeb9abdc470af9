/* presize serve: the daemon of issue 5. An HTTP API (libmicrohttpd + jansson) in front of the
 * Pre-Instantiation Manager: notifications are predicted, planned and given a sandbox of that size
 * before the execution request arrives (a warm pool keyed by notification id, with a TTL, host
 * capacity accounting and admission control); executions claim it (or create one cold) and run on
 * worker threads; every finished execution is stored with its prediction.
 *
 * A running execution is resized by the control loop (src/control/) under the scaling policy of
 * GET|PUT /v1/policy; a raise is admitted by the pool's capacity first. The limits below are the
 * manager's own constants (serve_limits is the one place they live).
 *
 * Functions return 0 or a negative errno. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/resources.h"

/* Every constant of the manager, with its default (serve_limits_default). */
struct serve_limits {
        /* 0: the policy's. Given in --config, they set the starting policy's overcommit,
         * warm_pool.ttl and sample_interval (PUT /v1/policy changes them while serving). */
        double overcommit;
        uint64_t host_millicores;   /* 0: the host's online CPUs */
        uint64_t host_memory_bytes; /* 0: the host's MemTotal */
        uint64_t ttl_ns;
        unsigned max_sandboxes;      /* warm, warming and running, together (64) */
        size_t body_max;             /* request bodies above this get 413 (1 MiB) */
        size_t output_max;           /* stdout and stderr kept per execution (64 KiB each) */
        uint64_t default_timeout_ns; /* an execution without "timeout" (30 s) */
        uint64_t max_timeout_ns;     /* the largest "timeout" accepted (300 s) */
        unsigned retry_after_s;      /* Retry-After of a 429 (1) */
        uint64_t interval_ns;
        uint64_t grace_ns; /* SIGTERM: running executions may finish within this long (10 s) */
        unsigned max_executions; /* finished executions kept for GET (1024) */
        bool prestart; /* warm python/javascript sandboxes hold the interpreter started (true) */
        unsigned calib_window; /* online calibration: the last this many executions (200) */
        unsigned calib_min;    /* ... once it holds at least this many (20) */
        unsigned retrain_min;  /* POST /v1/model/retrain needs this many usable runs (50) */
        char corpus[256];      /* retraining reads literal statistics from here ("": none) */
        /* What served code may reach over the network (IPv4:port pairs); none: no sandbox gets
         * a network, and "network": true is refused. */
        unsigned n_allow;
        struct net_allow allow[NET_ALLOW_MAX];
};
void serve_limits_default(struct serve_limits *l);
/* Override from a JSON config file: {"overcommit": 1.5, "ttl": "30s", ...}; unknown keys and bad
 * values are refused with a sentence in why. */
int serve_limits_load(const char *path, struct serve_limits *l, char *why, size_t len);

struct serve_config {
        char host[64];       /* IPv4 address to listen on */
        uint16_t port;       /* 0: any free port (printed when listening) */
        const char *token;   /* NULL: no authentication (loopback only) */
        const char *db;      /* the store */
        const char *model;   /* NULL: the store's latest, else the shipped one */
        const char *policy;  /* NULL, or a JSON policy file: the starting policy */
        const char *backend; /* "local" */
        struct serve_limits limits;
};

/* Run until SIGTERM or SIGINT: then stop accepting, cancel running executions, destroy every
 * sandbox and return 0. Problems before serving are said on stderr and returned. */
int serve_run(const struct serve_config *c);

/* Whether an IPv4 address in dotted form is loopback (127.0.0.0/8). */
bool serve_is_loopback(const char *host);
/* Constant-time comparison of two strings (length included). */
bool serve_token_equal(const char *a, const char *b);
