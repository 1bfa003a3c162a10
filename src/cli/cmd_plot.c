/* cmd_plot.c: the 'dyad plot' subcommand: events in (any format 'dyad agg'
 * reads), one chart out as PNG, SVG or PDF by the output file's extension.
 * Option parsing and messages only; charts live in src/report/plot.c. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../report/plot.h"

static void plot_usage(FILE *f)
{
    fprintf(f,
        "usage: dyad plot -o CHART.png|.svg|.pdf [OPTIONS] [EVENTS...]\n\n"
        "Draws one chart of the events in EVENTS (JSON Lines, TSV, GDELT or\n"
        "SQLite, as 'dyad agg' reads them; standard input when none).\n\n"
        "options:\n"
        "  -o FILE          the chart; .png, .svg or .pdf (required)\n"
        "  --kind K         quad       events per period by quad class, for one dyad\n"
        "                              (--dyad) or all events (default)\n"
        "                   goldstein  mean Goldstein score per period of each\n"
        "                              --dyad (default: the 4 busiest dyads)\n"
        "                   top        the --top N dyads by events, stacked by quad\n"
        "                   matrix     source-by-target heat map of the --top N\n"
        "                              most active actors (--value count|goldstein)\n"
        "  --dyad A,B       source A, target B; codes match as prefixes (RUS matches\n"
        "                   RUSGOV); repeat for several dyads (up to %d)\n"
        "  --period P       day, week, month, year (default: from the date span)\n"
        "  --level L        country (default: first 3 letters) or actor (as coded)\n"
        "                   for top, matrix and the default goldstein dyads\n"
        "  --top N          bars (top, default 15) or actors (matrix, default 12)\n"
        "  --value V        matrix cells: count (default) or goldstein (mean)\n"
        "  --width W, --height H   size in pixels/points (default 900 x 500; at\n"
        "                   least 640 x 360, below which labels cannot fit)\n"
        "  --title TEXT     replaces the default title\n"
        "  --input F        jsonl, tsv, gdelt or sqlite (default: guessed)\n"
        "  --strict         the first bad event record is fatal\n"
        "  -h, --help       this help\n\n"
        "Exit status: 0 drawn, 1 error (or no events to draw), 2 usage, 3 drawn but\n"
        "some event records were rejected (reported as file:line: reason).\n",
        PLOT_MAX_DYADS);
}

typedef struct plot_cli {
    plot_opts o;
    agg_format input;
    const char *out;
    int strict;
} plot_cli;

static int add_dyad(plot_opts *o, const char *arg)
{
    const char *comma = strchr(arg, ',');
    if (!comma || o->ndyads >= PLOT_MAX_DYADS || comma - arg > 15 || strlen(comma + 1) > 15) {
        cli_error("plot: --dyad wants SOURCE,TARGET (codes up to 15 letters, at most %d dyads)",
                  PLOT_MAX_DYADS);
        return 0;
    }
    snprintf(o->dyads[o->ndyads][0], 16, "%.*s", (int)(comma - arg), arg);
    snprintf(o->dyads[o->ndyads][1], 16, "%s", comma + 1);
    o->ndyads++;
    return 1;
}

static int pick(const char *arg, const char *what, const char *const *names, int n)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(arg, names[i]))
            return i;
    cli_error("plot: invalid value '%s' for --%s (see dyad plot --help)", arg, what);
    return -1;
}

static int positive(const char *arg, const char *what, int max)
{
    char *end;
    long v = strtol(arg, &end, 10);
    if (*end || v < 1 || v > max) {
        cli_error("plot: --%s wants a number from 1 to %d", what, max);
        return -1;
    }
    return (int)v;
}

static int plot_option(int ch, plot_cli *c)
{
    static const char *const kinds[] = {"quad", "goldstein", "top", "matrix"};
    static const char *const periods[] = {"day", "week", "month", "year"};
    static const char *const levels[] = {"actor", "country"};
    static const char *const values[] = {"count", "goldstein"};
    static const char *const inputs[] = {"auto", "jsonl", "tsv", "gdelt", "sqlite"};
    int v = 0;
    switch (ch) {
    case 'k': if ((v = pick(optarg, "kind", kinds, 4)) >= 0) c->o.kind = v; break;
    case 'p': if ((v = pick(optarg, "period", periods, 4)) >= 0) c->o.period = v, c->o.auto_period = 0; break;
    case 'l': if ((v = pick(optarg, "level", levels, 2)) >= 0) c->o.actor_len = v ? 3 : 0; break;
    case 'v': if ((v = pick(optarg, "value", values, 2)) >= 0) c->o.matrix_goldstein = v; break;
    case 'i': if ((v = pick(optarg, "input", inputs, 5)) >= 0) c->input = v; break;
    case 'n': if ((v = positive(optarg, "top", 40)) > 0) c->o.top = v; break;
    case 'W': if ((v = positive(optarg, "width", 10000)) > 0) c->o.width = v < 640 ? 640 : v; break;
    case 'H': if ((v = positive(optarg, "height", 10000)) > 0) c->o.height = v < 360 ? 360 : v; break;
    case 'd': v = add_dyad(&c->o, optarg) ? 0 : -1; break;
    case 't': c->o.title = optarg; break;
    case 'o': c->out = optarg; break;
    case 'S': c->strict = 1; break;
    default: v = -1; break;
    }
    return v < 0 ? EXIT_USAGE : 0;
}

static int plot_parse(int argc, char **argv, plot_cli *c)
{
    static const struct option longopts[] = {
        {"kind", required_argument, 0, 'k'},  {"dyad", required_argument, 0, 'd'},
        {"period", required_argument, 0, 'p'}, {"level", required_argument, 0, 'l'},
        {"top", required_argument, 0, 'n'},   {"value", required_argument, 0, 'v'},
        {"width", required_argument, 0, 'W'}, {"height", required_argument, 0, 'H'},
        {"title", required_argument, 0, 't'}, {"input", required_argument, 0, 'i'},
        {"strict", no_argument, 0, 'S'},      {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    c->o = (plot_opts){.auto_period = 1, .actor_len = 3, .width = 900, .height = 500};
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
        if (ch == 'h') {
            plot_usage(stdout);
            return -1;
        }
        if (ch == '?' || plot_option(ch, c)) {
            if (ch == '?')
                plot_usage(stderr);
            return EXIT_USAGE;
        }
    }
    if (!c->out || plot_format_of(c->out) < 0) {
        cli_error("plot: -o FILE with .png, .svg or .pdf is required");
        return EXIT_USAGE;
    }
    return 0;
}

static int plot_read(const char *path, const plot_cli *c, plot *p, size_t *rejected)
{
    dyad_status st;
    agg_reader *r = agg_reader_open(path, c->input, c->strict, cli_diag_print, NULL, &st);
    if (!r)
        return EXIT_FATAL;
    agg_event ev;
    while ((st = agg_reader_next(r, &ev)) == DYAD_OK)
        if ((st = plot_add(p, &ev)) != DYAD_OK)
            break;
    *rejected += agg_reader_rejected(r);
    agg_reader_free(r);
    if (st != DYAD_EEND && st != DYAD_EFORMAT)
        cli_error("plot: %s", dyad_status_str(st));
    return st == DYAD_EEND ? EXIT_OK : EXIT_FATAL;
}

static void subtitle(plot *p, int argc, char **argv, char *out, size_t size)
{
    int32_t a, b;
    plot_date_range(p, &a, &b);
    const char *name = optind < argc ? argv[optind] : "stdin";
    const char *slash = strrchr(name, '/');
    snprintf(out, size, "%s%s: %llu events, %04d-%02d-%02d to %04d-%02d-%02d",
             slash ? slash + 1 : name, argc - optind > 1 ? " and others" : "",
             (unsigned long long)plot_events(p), a / 10000, a / 100 % 100, a % 100,
             b / 10000, b / 100 % 100, b % 100);
}

int cmd_plot(int argc, char **argv)
{
    plot_cli c = {0};
    int rc = plot_parse(argc, argv, &c);
    if (rc)
        return rc < 0 ? cli_close_stdout() : rc;
    plot *p = plot_new(&c.o);
    if (!p)
        return EXIT_FATAL;
    size_t rejected = 0;
    if (optind >= argc)
        rc = plot_read(NULL, &c, p, &rejected);
    for (int i = optind; i < argc && rc == EXIT_OK; i++)
        rc = plot_read(argv[i], &c, p, &rejected);
    char sub[256];
    subtitle(p, argc, argv, sub, sizeof sub);
    plot_options(p)->subtitle = sub;
    dyad_status st = rc == EXIT_OK ? plot_render_file(p, c.out, plot_format_of(c.out)) : DYAD_OK;
    if (rc == EXIT_OK && st == DYAD_EINVAL) {
        cli_error("plot: no events to draw%s", c.o.ndyads ? " for the --dyad given" : "");
        rc = EXIT_FATAL;
    } else if (rc == EXIT_OK && st != DYAD_OK) {
        cli_error("plot: cannot write %s: %s", c.out, dyad_status_str(st));
        rc = EXIT_FATAL;
    }
    plot_free(p);
    plot_release_fonts();
    if (rejected)
        fprintf(stderr, "dyad plot: %zu event records rejected\n", rejected);
    return rc == EXIT_OK && rejected ? EXIT_REJECTED : rc;
}
