/* main.c: the dyad command: dispatches to one function per subcommand. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>

#include "cli.h"

static const struct subcommand {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} subcommands[] = {
    {"code", cmd_code, "code news documents into CAMEO events"},
    {"validate", cmd_validate, "run a PETRARCH validation file from its text"},
    {"dict", cmd_dict, "lint, inspect and look up dictionaries"},
    {"agg", cmd_agg, "aggregate events into dyad-period counts"},
    {"plot", cmd_plot, "draw charts of event series (PNG, SVG, PDF)"},
    {"report", cmd_report, "write a self-contained HTML report of a run"},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: dyad COMMAND [OPTIONS] [FILE...]\n\n"
               "dyad codes news text into CAMEO political events: who did what to\n"
               "whom, when, with the evidence for each event.\n\ncommands:\n");
    for (size_t i = 0; i < sizeof subcommands / sizeof subcommands[0]; i++)
        fprintf(f, "  %-10s %s\n", subcommands[i].name, subcommands[i].summary);
    fprintf(f, "  %-10s %s\n", "version", "print the version");
    fprintf(f, "\n'dyad COMMAND --help' describes each command.\n");
}

void cli_diag_print(const dyad_diag *d, void *userdata)
{
    cli_diag_counts *counts = userdata;
    static const char *sev[] = {"note", "warning", "error"};
    if (counts) {
        if (d->severity == DYAD_ERROR)
            counts->errors++;
        else if (d->severity == DYAD_WARNING)
            counts->warnings++;
        if (counts->quiet_warnings && d->severity != DYAD_ERROR)
            return;
    }
    if (d->file && d->line > 0)
        fprintf(stderr, "%s:%ld: %s: %s\n", d->file, d->line, sev[d->severity], d->message);
    else if (d->file)
        fprintf(stderr, "%s: %s: %s\n", d->file, sev[d->severity], d->message);
    else
        fprintf(stderr, "dyad: %s: %s\n", sev[d->severity], d->message);
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("dyad: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_close_stdout(void)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        cli_error("error writing output: %s", strerror(errno));
        return EXIT_FATAL;
    }
    return EXIT_OK;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) {
        usage(stdout);
        return cli_close_stdout();
    }
    if (!strcmp(name, "version") || !strcmp(name, "--version")) {
        printf("dyad %s\n", dyad_version());
        return cli_close_stdout();
    }
    for (size_t i = 0; i < sizeof subcommands / sizeof subcommands[0]; i++)
        if (!strcmp(name, subcommands[i].name))
            return subcommands[i].run(argc - 1, argv + 1);
    cli_error("unknown command '%s' (try 'dyad --help')", name);
    return EXIT_USAGE;
}
