/* cli.h: what the subcommands of the dyad CLI share. The CLI is the only part
 * of dyad that writes to stderr; it calls libdyad through dyad.h (and, for
 * dictionary maintenance and validation, the stage headers). */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

#include <stdio.h>

#include "dyad.h"

/* Exit codes (DESIGN.md). */
enum cli_exit {
    EXIT_OK = 0,
    EXIT_FATAL = 1,     /* I/O error, unusable dictionary */
    EXIT_USAGE = 2,     /* bad command line */
    EXIT_REJECTED = 3   /* finished, but some input records were rejected */
};

/* Prints a diagnostic as "file:line: severity: message" on stderr. userdata
 * may point to a cli_diag_counts to count what was printed. */
typedef struct cli_diag_counts {
    size_t errors, warnings;
    int quiet_warnings;
} cli_diag_counts;
void cli_diag_print(const dyad_diag *diag, void *userdata);

/* "dyad: message" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Closes stdout and reports a write error (full disk): returns EXIT_FATAL then. */
int cli_close_stdout(void);

/* Subcommands: each parses its own options, prints --help, returns an exit code. */
int cmd_code(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_agg(int argc, char **argv);
int cmd_plot(int argc, char **argv);
int cmd_report(int argc, char **argv);

#endif
