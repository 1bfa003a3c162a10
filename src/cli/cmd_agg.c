/* cmd_agg.c: the 'dyad agg' subcommand: events in (JSON Lines, TSV, GDELT,
 * SQLite; any number of files), a dyad-period table out (CSV on stdout or
 * -o FILE; SQLite when FILE ends in .sqlite or .db). Option parsing and
 * messages only; counting lives in src/agg. */
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "../agg/agg.h"

static void agg_usage(FILE *f)
{
    fprintf(f,
        "usage: dyad agg [OPTIONS] [EVENTS...]\n\n"
        "Counts events per dyad and period: one row per (period, source, target,\n"
        "root code) with the number of events and the sum and mean of their\n"
        "Goldstein scores. EVENTS are files written by 'dyad code' in any format\n"
        "(JSON Lines, TSV, GDELT, SQLite; told apart by extension and content);\n"
        "standard input when none is given.\n\n"
        "options:\n"
        "  --period P     day (default), week (starting Monday), month, year, all\n"
        "  --by K         root (default: CAMEO root code), quad (quad class),\n"
        "                 code (full event code), all (no split)\n"
        "  --level L      actor (default: codes as coded) or country (first 3\n"
        "                 letters: RUSGOV -> RUS)\n"
        "  --dedup        count one event per date, source, target and code\n"
        "  --sorted       with --dedup: input is sorted by date, so only one day\n"
        "                 of keys is kept (flat memory); a date going back is fatal\n"
        "  --input F      jsonl, tsv, gdelt or sqlite (default: guessed)\n"
        "  -o FILE        write here (.sqlite/.db: an SQLite table dyad_periods)\n"
        "  --stats        print events read, counted, duplicates, rejected on stderr\n"
        "  --strict       the first bad event record is fatal\n"
        "  -h, --help     this help\n\n"
        "Bad records are reported as file:line: reason and skipped; exit status\n"
        "is 3 when any were skipped, 1 on I/O errors, 2 on usage errors.\n");
}

typedef struct agg_cli {
    agg_opts o;
    agg_format input;
    const char *out;
    int stats, strict;
} agg_cli;

static int parse_choice(const char *arg, const char *const *names, int n)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(arg, names[i]))
            return i;
    return -1;
}

static int agg_parse(int argc, char **argv, agg_cli *c)
{
    static const struct option longopts[] = {
        {"period", required_argument, 0, 'p'}, {"by", required_argument, 0, 'b'},
        {"level", required_argument, 0, 'l'},  {"dedup", no_argument, 0, 'd'},
        {"sorted", no_argument, 0, 's'},       {"input", required_argument, 0, 'i'},
        {"stats", no_argument, 0, 'S'},        {"strict", no_argument, 0, 'X'},
        {"help", no_argument, 0, 'h'},         {0, 0, 0, 0}};
    static const char *const periods[] = {"day", "week", "month", "year", "all"};
    static const char *const bys[] = {"root", "quad", "code", "all"};
    static const char *const levels[] = {"actor", "country"};
    static const char *const inputs[] = {"auto", "jsonl", "tsv", "gdelt", "sqlite"};
    int ch, v;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
        switch (ch) {
        case 'p': if ((v = parse_choice(optarg, periods, 5)) < 0) goto bad; c->o.period = v; break;
        case 'b': if ((v = parse_choice(optarg, bys, 4)) < 0) goto bad; c->o.by = v; break;
        case 'l': if ((v = parse_choice(optarg, levels, 2)) < 0) goto bad; c->o.actor_len = v ? 3 : 0; break;
        case 'i': if ((v = parse_choice(optarg, inputs, 5)) < 0) goto bad; c->input = v; break;
        case 'd': c->o.dedup = 1; break;
        case 's': c->o.sorted = 1; break;
        case 'S': c->stats = 1; break;
        case 'X': c->strict = 1; break;
        case 'o': c->out = optarg; break;
        case 'h': agg_usage(stdout); return -1;
        default: agg_usage(stderr); return EXIT_USAGE;
        }
    }
    return 0;
bad:
    cli_error("agg: invalid value '%s' for --%s (see dyad agg --help)", optarg,
              longopts[ch == 'p' ? 0 : ch == 'b' ? 1 : ch == 'l' ? 2 : 5].name);
    return EXIT_USAGE;
}

/* Reads one events file into a; returns an exit code. */
static int agg_file(const char *path, const agg_cli *c, agg *a, uint64_t *read,
                    size_t *rejected)
{
    dyad_status st;
    agg_reader *r = agg_reader_open(path, c->input, c->strict, cli_diag_print, NULL, &st);
    if (!r)
        return EXIT_FATAL;
    agg_event ev;
    int rc = EXIT_OK;
    while ((st = agg_reader_next(r, &ev)) == DYAD_OK) {
        (*read)++;
        st = agg_add(a, &ev, NULL);
        if (st == DYAD_EINVAL) {
            fprintf(stderr, "%s:%ld: error: date %08d comes before an earlier one: input "
                            "is not sorted by date (drop --sorted)\n",
                    path ? path : "<stdin>", ev.line, (int)ev.date);
            rc = EXIT_FATAL;
            break;
        } else if (st != DYAD_OK) {
            cli_error("agg: %s", dyad_status_str(st));
            rc = EXIT_FATAL;
            break;
        }
    }
    if (st != DYAD_EEND && rc == EXIT_OK)
        rc = EXIT_FATAL;
    *rejected += agg_reader_rejected(r);
    agg_reader_free(r);
    return rc;
}

static int is_sqlite_name(const char *p)
{
    size_t n = strlen(p);
    return (n > 7 && !strcmp(p + n - 7, ".sqlite")) || (n > 3 && !strcmp(p + n - 3, ".db"));
}

static int agg_output(agg *a, const char *out)
{
    dyad_status st;
    if (out && is_sqlite_name(out)) {
        st = agg_write_sqlite(a, out);
    } else if (out) {
        FILE *f = fopen(out, "wb");
        if (!f) {
            cli_error("agg: cannot write %s", out);
            return EXIT_FATAL;
        }
        st = agg_write_csv(a, f);
        if (fclose(f) != 0 && st == DYAD_OK)
            st = DYAD_EIO;
    } else {
        st = agg_write_csv(a, stdout);
    }
    if (st != DYAD_OK) {
        cli_error("agg: writing %s: %s", out ? out : "output", dyad_status_str(st));
        return EXIT_FATAL;
    }
    return out ? EXIT_OK : cli_close_stdout();
}

int cmd_agg(int argc, char **argv)
{
    agg_cli c = {0};
    int rc = agg_parse(argc, argv, &c);
    if (rc)
        return rc < 0 ? cli_close_stdout() : rc;
    agg *a = agg_new(&c.o);
    if (!a)
        return EXIT_FATAL;
    uint64_t read = 0;
    size_t rejected = 0;
    if (optind >= argc)
        rc = agg_file(NULL, &c, a, &read, &rejected);
    for (int i = optind; i < argc && rc == EXIT_OK; i++)
        rc = agg_file(argv[i], &c, a, &read, &rejected);
    if (rc == EXIT_OK)
        rc = agg_output(a, c.out);
    if (c.stats) {
        size_t cells;
        agg_sorted(a, &cells);
        fprintf(stderr, "dyad agg: %" PRIu64 " events read, %" PRIu64 " counted, %" PRIu64
                        " duplicates, %zu rejected, %zu cells\n",
                read, agg_counted(a), agg_duplicates(a), rejected, cells);
    } else if (rejected) {
        fprintf(stderr, "dyad agg: %zu event records rejected\n", rejected);
    }
    agg_free(a);
    return rc == EXIT_OK && rejected ? EXIT_REJECTED : rc;
}
