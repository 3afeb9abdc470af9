/* Saying why: validators and readers fill a caller's buffer with one sentence and return an
 * error in one call. */
#pragma once

#include <stddef.h>

/* Format the sentence into why[0..len) (nothing when why is NULL or len 0) and return err. */
int why_err(char *why, size_t len, int err, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* The same, returning -EINVAL: bad input. */
int why_einval(char *why, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
