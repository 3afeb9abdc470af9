#include "util/why.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>

static int vwhy(char *why, size_t len, int err, const char *fmt, va_list ap)
{
        if (why && len)
                vsnprintf(why, len, fmt, ap);
        return err;
}

int why_err(char *why, size_t len, int err, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        int r = vwhy(why, len, err, fmt, ap);
        va_end(ap);
        return r;
}

int why_einval(char *why, size_t len, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        int r = vwhy(why, len, -EINVAL, fmt, ap);
        va_end(ap);
        return r;
}
