/* Small file helpers for cgroupfs, procfs and sysfs style files. All return 0 or -errno. */
#pragma once

#include <stddef.h>
#include <stdint.h>

/* Write the whole string to an existing file (O_WRONLY|O_TRUNC|O_CLOEXEC), no newline added. */
int write_file(const char *path, const char *s);
int write_file_u64(const char *path, uint64_t v);
/* Read up to len-1 bytes; NUL-terminated; trailing newline kept. Returns bytes read or -errno. */
long read_file(const char *path, char *buf, size_t len);
/* Read a single unsigned integer ("max" is reported as UINT64_MAX). */
int read_file_u64(const char *path, uint64_t *v);
/* In a "key value\n" file (memory.stat, cpu.stat, ...), find key; -ENOENT if absent. */
int read_keyed_u64(const char *path, const char *key, uint64_t *v);
/* Read a whole regular file of at most max bytes into a new NUL-terminated buffer (*out, the
 * caller frees it); *len is its length and, when mode is not NULL, *mode its st_mode.
 * -EISDIR when path is not a regular file, -EFBIG when it is larger than max. */
int read_whole_file(const char *path, uint64_t max, char **out, size_t *len, unsigned *mode);
/* Fields of /proc/<pid>/stat (pid 0: this process): the parent (field 4) and the start time in
 * clock ticks since boot (field 22; with the pid it names a process even after pids wrap
 * around). Either pointer may be NULL. -ENOENT (or -ESRCH) when there is no such process. */
int proc_stat(int pid, int *ppid, uint64_t *starttime);
/* mkdir -p with mode 0755. */
int mkdir_p(const char *path);
/* Monotonic clock in nanoseconds. */
uint64_t now_ns(void);
