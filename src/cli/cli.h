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
