/* What every subcommand says the same way. */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>

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
