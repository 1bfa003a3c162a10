/* cmd_report.c: the 'dyad report' subcommand: an events file in, one
 * self-contained HTML report out. Standard input is first copied to a
 * temporary file because the report reads its input twice. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "../report/plot.h"
#include "../report/report.h"

static void report_usage(FILE *f)
{
    fprintf(f,
        "usage: dyad report [OPTIONS] [EVENTS] [-o REPORT.html]\n\n"
        "Writes one self-contained HTML file about a run of 'dyad code': corpus\n"
        "figures, charts (quad classes over time, Goldstein series of the busiest\n"
        "dyads, top dyads, actor matrices), the top dyads and event codes, and\n"
        "evidence sentences with source, verb and target highlighted. EVENTS is\n"
        "any format 'dyad agg' reads (standard input when absent); sentences are\n"
        "shown when the events carry them (JSON Lines and SQLite from dyad code).\n\n"
        "options:\n"
        "  -o FILE        write the HTML here (default: standard output)\n"
        "  --title TEXT   the report's title\n"
        "  --top N        dyads in the tables and evidence (default 10)\n"
        "  --examples N   evidence events per dyad, 1-8 (default 3)\n"
        "  --level L      country (default: first 3 letters of codes) or actor\n"
        "  --input F      jsonl, tsv, gdelt or sqlite (default: guessed)\n"
        "  -h, --help     this help\n\n"
        "Exit status: 0 written, 1 error or no events, 2 usage, 3 written but some\n"
        "event records were rejected (reported as file:line: reason).\n");
}

typedef struct report_cli {
    report_opts o;
    agg_format input;
    const char *out;
} report_cli;

static int report_parse(int argc, char **argv, report_cli *c)
{
    static const struct option longopts[] = {
        {"title", required_argument, 0, 't'}, {"top", required_argument, 0, 'n'},
        {"examples", required_argument, 0, 'e'}, {"level", required_argument, 0, 'l'},
        {"input", required_argument, 0, 'i'}, {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    static const char *const inputs[] = {"auto", "jsonl", "tsv", "gdelt", "sqlite"};
    c->o.actor_len = 3;
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
        char *end = NULL;
        long v = 0;
        switch (ch) {
        case 'o': c->out = optarg; break;
        case 't': c->o.title = optarg; break;
        case 'n':
        case 'e':
            v = strtol(optarg, &end, 10);
            if (*end || v < 1 || v > (ch == 'n' ? 100 : 8)) {
                cli_error("report: --%s wants a number from 1 to %d",
                          ch == 'n' ? "top" : "examples", ch == 'n' ? 100 : 8);
                return EXIT_USAGE;
            }
            *(ch == 'n' ? &c->o.top : &c->o.examples) = (int)v;
            break;
        case 'l':
            if (strcmp(optarg, "country") && strcmp(optarg, "actor")) {
                cli_error("report: --level is country or actor");
                return EXIT_USAGE;
            }
            c->o.actor_len = strcmp(optarg, "country") ? 0 : 3;
            break;
        case 'i':
            for (v = 0; v < 5 && strcmp(optarg, inputs[v]); v++)
                ;
            if (v == 5) {
                cli_error("report: --input is jsonl, tsv, gdelt or sqlite");
                return EXIT_USAGE;
            }
            c->input = (agg_format)v;
            break;
        case 'h': report_usage(stdout); return -1;
        default: report_usage(stderr); return EXIT_USAGE;
        }
    }
    if (argc - optind > 1) {
        cli_error("report: one events file at a time (merge them first)");
        return EXIT_USAGE;
    }
    return 0;
}

/* Standard input into a temporary file; its name in tmp. */
static int spool_stdin(char *tmp, size_t size)
{
    const char *dir = getenv("TMPDIR");
    snprintf(tmp, size, "%s/dyad-report-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(tmp);
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!f) {
        cli_error("report: cannot create a temporary file in %s", dir && *dir ? dir : "/tmp");
        return 0;
    }
    char chunk[65536];
    size_t n;
    int ok = 1;
    while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0)
        ok &= fwrite(chunk, 1, n, f) == n;
    ok &= !ferror(stdin);
    ok &= fclose(f) == 0;
    if (!ok)
        cli_error("report: cannot copy standard input to %s", tmp);
    return ok;
}

int cmd_report(int argc, char **argv)
{
    report_cli c = {0};
    int rc = report_parse(argc, argv, &c);
    if (rc)
        return rc < 0 ? cli_close_stdout() : rc;
    char tmp[4096] = "";
    const char *path = optind < argc ? argv[optind] : NULL;
    if (!path || !strcmp(path, "-")) {
        if (c.input == AGG_IN_SQLITE) {
            cli_error("report: an SQLite store must be named as a file");
            return EXIT_USAGE;
        }
        if (!spool_stdin(tmp, sizeof tmp)) {
            if (*tmp)
                unlink(tmp);
            return EXIT_FATAL;
        }
        c.o.name = "standard input";
    }
    FILE *out = c.out ? fopen(c.out, "wb") : stdout;
    if (!out) {
        cli_error("report: cannot write %s", c.out);
        rc = EXIT_FATAL;
    } else {
        size_t rejected = 0;
        dyad_status st = report_html(*tmp ? tmp : path, c.input, &c.o, out, cli_diag_print,
                                     NULL, &rejected);
        if (c.out && fclose(out) != 0 && st == DYAD_OK)
            st = DYAD_EIO;
        if (st == DYAD_EINVAL)
            cli_error("report: no events in %s", path ? path : "standard input");
        else if (st != DYAD_OK)
            cli_error("report: %s", dyad_status_str(st));
        rc = st != DYAD_OK ? EXIT_FATAL : rejected ? EXIT_REJECTED : EXIT_OK;
        if (rejected)
            fprintf(stderr, "dyad report: %zu event records rejected\n", rejected);
        if (!c.out && rc != EXIT_FATAL && cli_close_stdout() != EXIT_OK)
            rc = EXIT_FATAL;
    }
    if (*tmp)
        unlink(tmp);
    plot_release_fonts();
    return rc;
}
