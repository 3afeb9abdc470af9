/* One function per subcommand; each returns the process exit status
 * (0 done, 1 internal failure, 2 bad usage; a subcommand may document others). */
#pragma once

int cmd_exec(int argc, char **argv);
int cmd_analyze(int argc, char **argv);
