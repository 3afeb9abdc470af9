/* One function per subcommand; each returns the process exit status
 * (0 done, 1 internal failure, 2 bad usage; a subcommand may document others). */
#pragma once

int cmd_exec(int argc, char **argv);
int cmd_analyze(int argc, char **argv);
int cmd_profile(int argc, char **argv);
int cmd_profiles(int argc, char **argv);
int cmd_runs(int argc, char **argv);
int cmd_train(int argc, char **argv);
int cmd_predict(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_replay(int argc, char **argv);

/* "presize CMD: message" on stderr; returns status (2 for bad usage). */
int cli_fail(const char *cmd, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* "presize CMD: msg[: arg]", a blank line and the usage text on stderr; returns 2. */
int cli_usage_error(const char *cmd, const char *usage, const char *msg, const char *arg);

struct train_opts;
/* The training options `train` and `eval` share, by long-option name: coverage, rounds, depth,
 * eta, no-monotone. Returns 0 when applied, -EINVAL with *why set when the value is out of range,
 * -ENOENT when name is none of them. */
int cli_train_option(const char *name, const char *arg, struct train_opts *to, const char **why);
