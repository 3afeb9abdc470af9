/* presize: size sandboxes before code runs and while it runs. main() only dispatches. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#ifndef PRESIZE_VERSION
#define PRESIZE_VERSION "0.1.0"
#endif

/* Built with -Danalyze=false, the analyser is absent and this stands in to say so. */
__attribute__((weak)) int cmd_analyze(int argc, char **argv)
{
        fprintf(stderr, "presize analyze: this presize was built without the analyser "
                        "(meson -Danalyze=true)\n");
        return 1;
}

struct command {
        const char *name;
        int (*fn)(int argc, char **argv);
        const char *summary;
};

static const struct command commands[] = {
    {"exec", cmd_exec, "run a command in a sandbox under exact limits and measure it"},
    {"analyze", cmd_analyze, "static complexity analysis of source files (8 languages)"},
    {"predict", cmd_predict, "predict CPU, memory and network needs, tier and allocation"},
    {"run", cmd_run, "analyse, predict, run in a sandbox of that size, re-size it while it runs"},
    {"profile", cmd_profile, "run a corpus in the sandbox and record every run in the store"},
    {"train", cmd_train, "train the prediction models on the stored runs"},
    {"eval", cmd_eval, "cross-validate the models against baselines; HTML report"},
    {"profiles", cmd_profiles, "list or edit the resource profile tiers"},
    {"runs", cmd_runs, "export the stored runs (csv or jsonl)"},
    {"serve", cmd_serve, "the daemon: HTTP API, pre-instantiated sandboxes (docs/api.md)"},
    {"replay", cmd_replay,
     "replay a serverless trace: static, VPA, presize and oracle side by side"},
    {NULL, NULL, NULL},
};

static void usage(FILE *f)
{
        fprintf(f, "usage: presize <command> [options] [args]\n\ncommands:\n");
        for (const struct command *c = commands; c->name; c++)
                fprintf(f, "  %-10s %s\n", c->name, c->summary);
        fprintf(f, "\n'presize <command> --help' describes a command. Exit status: 0 done, "
                   "1 internal failure, 2 bad usage.\n");
}

int main(int argc, char **argv)
{
        if (argc < 2) {
                usage(stderr);
                return 2;
        }
        const char *name = argv[1];
        if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) {
                usage(stdout);
                return 0;
        }
        if (!strcmp(name, "--version") || !strcmp(name, "version")) {
                printf("presize %s\n", PRESIZE_VERSION);
                return 0;
        }
        for (const struct command *c = commands; c->name; c++)
                if (!strcmp(c->name, name))
                        return c->fn(argc - 1, argv + 1);
        fprintf(stderr, "presize: unknown command '%s' (see 'presize --help')\n", name);
        return 2;
}
