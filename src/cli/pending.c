/* TEMPORARY while issue 4 is built by several people at once: weak stand-ins so the tree links
 * before every command exists. Removed before landing; nothing may ship depending on it. */
#include "cli.h"

#include <stdio.h>

#define PENDING(fn, name)                                                                          \
        __attribute__((weak)) int fn(int argc, char **argv)                                        \
        {                                                                                          \
                fprintf(stderr, "presize %s: not built yet\n", name);                              \
                return 1;                                                                          \
        }

PENDING(cmd_profile, "profile")
PENDING(cmd_profiles, "profiles")
PENDING(cmd_runs, "runs")
PENDING(cmd_train, "train")
PENDING(cmd_predict, "predict")
PENDING(cmd_eval, "eval")
