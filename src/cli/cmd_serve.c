/* presize serve [--listen 127.0.0.1:7070] [--token-file F] [--db PATH] [--backend local]
 *               [--config FILE] [--policy FILE] [--model FILE]
 *
 * The daemon: an HTTP API that pre-instantiates sized sandboxes on notifications and runs
 * executions in them (src/serve/). */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "serve/serve.h"
#include "store/store.h"

static const char usage_text[] =
    "usage: presize serve [--listen ADDR:PORT] [--token-file F] [--db PATH] [--backend local]\n"
    "                     [--config FILE] [--policy FILE] [--model FILE]\n"
    "\n"
    "Serve the HTTP API (docs/api.md): pre-trigger notifications are predicted and given a\n"
    "sandbox of that size before their execution arrives; executions claim it (or get one\n"
    "cold) and run in it. Runs until SIGTERM or SIGINT, then destroys every sandbox.\n"
    "\n"
    "  --listen ADDR:PORT  IPv4 address and port (default 127.0.0.1:7070; port 0: any free\n"
    "                      port, printed on stderr). A non-loopback address needs a token.\n"
    "  --token-file F      every request must carry 'Authorization: Bearer <the first line\n"
    "                      of F>'\n"
    "  --db PATH           the store (default: $PRESIZE_DB, else /var/lib/presize/presize.db)\n"
    "  --backend NAME      where sandboxes run (default and only one so far: local)\n"
    "  --config FILE       the manager's limits as JSON: host_cpu, host_memory, grace,\n"
    "                      default_timeout, max_timeout, max_sandboxes, max_executions,\n"
    "                      retry_after, body_max, output_max, prestart; and overcommit, ttl,\n"
    "                      sample_interval, which set the starting policy's\n"
    "  --policy FILE       the starting scaling policy (docs/control.md), as PUT /v1/policy\n"
    "                      takes it; a PUT is read over it\n"
    "  --model FILE        the model (default: the store's latest, else the shipped one);\n"
    "                      'none': no prediction, every sandbox gets the lowest tier\n"
    "  -h, --help          this text\n"
    "\n"
    "Exit status: 0 stopped by a signal, 1 cannot serve (port taken, store or backend\n"
    "unusable), 2 bad usage.\n";

#define bad_usage(msg, arg) cli_usage_error("serve", usage_text, msg, arg)

static int parse_listen(const char *s, struct serve_config *c)
{
        const char *colon = strrchr(s, ':');
        if (!colon || colon == s || (size_t)(colon - s) >= sizeof(c->host))
                return -EINVAL;
        char *end;
        errno = 0;
        unsigned long port = strtoul(colon + 1, &end, 10);
        if (errno || !colon[1] || *end || port > 65535)
                return -EINVAL;
        snprintf(c->host, sizeof(c->host), "%.*s", (int)(colon - s), s);
        c->port = (uint16_t)port;
        struct in_addr a;
        return inet_pton(AF_INET, c->host, &a) == 1 ? 0 : -EINVAL;
}

/* The token: the first line of the file, without its newline; at least 16 bytes. */
static int read_token(const char *path, char *buf, size_t len)
{
        FILE *f = fopen(path, "re");
        if (!f)
                return -errno;
        bool got = fgets(buf, (int)len, f) != NULL;
        fclose(f);
        if (!got)
                return -ENODATA;
        buf[strcspn(buf, "\r\n")] = '\0';
        return strlen(buf) >= 16 ? 0 : -EINVAL;
}

int cmd_serve(int argc, char **argv)
{
        enum {
                OPT_LISTEN = 256,
                OPT_TOKEN,
                OPT_DB,
                OPT_BACKEND,
                OPT_CONFIG,
                OPT_MODEL,
                OPT_POLICY
        };
        static const struct option opts[] = {
            {"listen", required_argument, NULL, OPT_LISTEN},
            {"token-file", required_argument, NULL, OPT_TOKEN},
            {"db", required_argument, NULL, OPT_DB},
            {"backend", required_argument, NULL, OPT_BACKEND},
            {"config", required_argument, NULL, OPT_CONFIG},
            {"model", required_argument, NULL, OPT_MODEL},
            {"policy", required_argument, NULL, OPT_POLICY},
            {"help", no_argument, NULL, 'h'},
            {NULL, 0, NULL, 0},
        };
        struct serve_config c = {.host = "127.0.0.1", .port = 7070, .backend = "local"};
        serve_limits_default(&c.limits);
        const char *token_file = NULL, *config = NULL;
        static char token[512];
        int o;
        opterr = 0;
        optind = 1;
        while ((o = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
                switch (o) {
                case OPT_LISTEN:
                        if (parse_listen(optarg, &c) < 0)
                                return bad_usage("--listen takes IPv4-ADDR:PORT (127.0.0.1:7070)",
                                                 optarg);
                        break;
                case OPT_TOKEN:
                        token_file = optarg;
                        break;
                case OPT_DB:
                        c.db = optarg;
                        break;
                case OPT_BACKEND:
                        c.backend = optarg;
                        break;
                case OPT_CONFIG:
                        config = optarg;
                        break;
                case OPT_MODEL:
                        c.model = optarg;
                        break;
                case OPT_POLICY:
                        c.policy = optarg;
                        break;
                case 'h':
                        fputs(usage_text, stdout);
                        return 0;
                default:
                        return bad_usage(optopt ? "option needs a value" : "unknown option",
                                         argv[optind - 1]);
                }
        }
        if (optind < argc)
                return bad_usage("no arguments expected", argv[optind]);
        if (strcmp(c.backend, "local"))
                return bad_usage("unknown backend (known: local)", c.backend);
        if (token_file) {
                int r = read_token(token_file, token, sizeof(token));
                if (r == -EINVAL)
                        return cli_fail("serve", 2,
                                        "the token in %s is too short: use 16 bytes or more",
                                        token_file);
                if (r < 0)
                        return cli_fail("serve", 2, "cannot read the token file %s: %s", token_file,
                                        r == -ENODATA ? "empty" : strerror(-r));
                c.token = token;
        }
        if (!serve_is_loopback(c.host) && !c.token)
                return cli_fail("serve", 2, "listening on %s (not loopback) needs --token-file",
                                c.host);
        if (config) {
                char why[512];
                if (serve_limits_load(config, &c.limits, why, sizeof(why)) < 0)
                        return cli_fail("serve", 2, "bad --config: %s", why);
        }
        if (geteuid() != 0)
                return cli_fail("serve", 2, "must run as root (it creates cgroups and namespaces)");
        if (!c.db)
                c.db = store_default_path();
        int r = serve_run(&c);
        return r == -EINVAL ? 2 : r < 0 ? 1 : 0; /* -EINVAL: a bad --policy or --config */
}
