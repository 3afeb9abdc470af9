/* What every subcommand says the same way. */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "predict/predict.h"

int cli_fail(const char *cmd, int status, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        fprintf(stderr, "presize %s: ", cmd);
        vfprintf(stderr, fmt, ap);
        fputc('\n', stderr);
        va_end(ap);
        return status;
}

int cli_usage_error(const char *cmd, const char *usage, const char *msg, const char *arg)
{
        fprintf(stderr, "presize %s: %s%s%s\n\n%s", cmd, msg, arg ? ": " : "", arg ? arg : "",
                usage);
        return 2;
}

int cli_train_option(const char *name, const char *arg, struct train_opts *to, const char **why)
{
        char *end;
        if (!strcmp(name, "no-monotone")) {
                to->monotone = false;
                return 0;
        }
        if (!strcmp(name, "coverage") || !strcmp(name, "eta")) {
                double v = strtod(arg, &end);
                bool cov = name[0] == 'c';
                if (end == arg || *end || !(v > 0 && (cov ? v < 1 : v <= 1))) {
                        *why = cov ? "--coverage takes a share between 0 and 1"
                                   : "--eta takes a learning rate in (0, 1]";
                        return -EINVAL;
                }
                if (cov)
                        to->coverage = v;
                else
                        to->gbt.eta = v;
                return 0;
        }
        if (!strcmp(name, "rounds") || !strcmp(name, "depth")) {
                long v = strtol(arg, &end, 10);
                bool rounds = name[0] == 'r';
                if (end == arg || *end || v < 1 || v > (rounds ? 100000 : 16)) {
                        *why = rounds ? "--rounds takes a positive count"
                                      : "--depth takes a tree depth from 1 to 16";
                        return -EINVAL;
                }
                if (rounds)
                        to->gbt.rounds = (unsigned)v;
                else
                        to->gbt.max_depth = (unsigned)v;
                return 0;
        }
        return -ENOENT;
}
