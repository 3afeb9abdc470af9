/* Running tools on the host (compilers) and removing scratch trees. */
#pragma once

/* Run argv[0] (an absolute path) with stdin from /dev/null and stdout+stderr to out_fd; it dies
 * with the caller. Returns its exit status (128 + signal when killed, 127 when it could not be
 * executed), or -errno. */
int host_run(char *const argv[], int out_fd);
/* rm -rf path: every entry below it, then itself; symlinks are removed, not followed. */
void rm_rf(const char *path);
