/* cmd_validate.c: 'dyad validate': runs a PETRARCH validation file from its
 * <Text> only (never its <Parse>), with the dictionaries its <Environment>
 * names and the <Config> options it sets, and compares expected and
 * produced events as multisets of (source, target, code). Prints one line
 * per failing record, optionally pass rates per category, and ends with
 * "N passed, N failed". */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "../code/code.h"

typedef struct vopts {
    const char *dict_dir;
    int report, explain, quiet;
} vopts;

static void usage(FILE *f)
{
    fprintf(f,
        "usage: dyad validate [OPTIONS] FILE.xml\n\n"
        "Codes each <Sentence> of a PETRARCH validation file from its <Text> and\n"
        "compares the events with its <EventCoding> records (as multisets of\n"
        "source, target, code). Dictionary names come from <Environment>,\n"
        "options from <Config> (require_dyad, comma_*; new_actor_length is read\n"
        "and ignored).\n\n"
        "options:\n"
        "  --dict-dir DIR   where the <Environment> dictionaries are (default: the\n"
        "                   file's folder, then ../dictionaries next to it)\n"
        "  --report         also print pass rates per category; exit 0 even when\n"
        "                   records fail\n"
        "  --explain        print the coder's trace for each failing record\n"
        "  -q, --quiet      no line per failing record\n"
        "  -h, --help       this text\n\n"
        "Exit status: 0 all records pass (or --report), 1 some fail or fatal\n"
        "error, 2 usage.\n");
}

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return strdup(".");
    return strndup(path, (size_t)(slash - path) + (slash == path));
}

static int file_in(const char *dir, const char *name)
{
    char p[4096];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    return access(p, R_OK) == 0;
}

/* The folder the dictionaries are in: --dict-dir, the XML's folder, or
 * ../dictionaries next to it. Caller frees. */
static char *dict_folder(const vopts *o, const char *xml, const code_vfile *vf)
{
    if (o->dict_dir)
        return strdup(o->dict_dir);
    char *d = dir_of(xml);
    if (!d || !vf->verbs || file_in(d, vf->verbs))
        return d;
    size_t n = strlen(d) + 32;
    char *alt = malloc(n);
    if (alt) {
        snprintf(alt, n, "%s/../dictionaries", d);
        if (file_in(alt, vf->verbs)) {
            free(d);
            return alt;
        }
        free(alt);
    }
    return d;
}

static int truthy(const char *v)
{
    return !strcasecmp(v, "true") || !strcmp(v, "1") || !strcasecmp(v, "yes");
}

/* Applies one <Config option value>. Returns 0 for an unknown option. */
static int apply_config(const code_vconfig *c, unsigned *opts, code_config *cfg)
{
    const char *o = c->option, *v = c->value;
    int iv = atoi(v);
    if (!strcmp(o, "require_dyad")) {
        *opts = truthy(v) ? *opts | DYAD_OPT_REQUIRE_DYAD : *opts & ~DYAD_OPT_REQUIRE_DYAD;
    } else if (!strcmp(o, "new_actor_length")) {
        cfg->new_actor_length = iv;
    } else if (!strcmp(o, "comma_min")) {
        cfg->parse.comma_min = iv;
    } else if (!strcmp(o, "comma_max")) {
        cfg->parse.comma_max = iv;
    } else if (!strcmp(o, "comma_bmin")) {
        cfg->parse.comma_bmin = iv;
    } else if (!strcmp(o, "comma_bmax")) {
        cfg->parse.comma_bmax = iv;
    } else if (!strcmp(o, "comma_emin")) {
        cfg->parse.comma_emin = iv;
    } else if (!strcmp(o, "comma_emax")) {
        cfg->parse.comma_emax = iv;
    } else {
        return !strcmp(o, "stop_on_error") || !strcmp(o, "null_actors") ||
               !strcmp(o, "write_actor_root") || !strcmp(o, "write_actor_text") ||
               !strcmp(o, "write_event_text");
    }
    return 1;
}

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "S T C" strings of the expected events, sorted; None-only records and
 * error records expect nothing. */
static size_t expected(const code_vrecord *r, char **out, size_t max, buf *tmp)
{
    size_t n = 0;
    for (size_t i = 0; i < r->nevents && n < max; i++) {
        const code_vevent *e = &r->events[i];
        if (e->error || !e->code || !strcmp(e->code, "None"))
            continue;
        buf_clear(tmp);
        buf_printf(tmp, "%s %s %s", e->source ? e->source : "---",
                   e->target ? e->target : "---", e->code);
        out[n++] = strdup(tmp->data);
    }
    qsort(out, n, sizeof *out, str_cmp);
    return n;
}

static size_t produced(const dyad_event *ev, size_t nev, char **out, size_t max, buf *tmp)
{
    size_t n = 0;
    for (size_t i = 0; i < nev && n < max; i++) {
        buf_clear(tmp);
        buf_printf(tmp, "%s %s %s", ev[i].source, ev[i].target, ev[i].code);
        out[n++] = strdup(tmp->data);
    }
    qsort(out, n, sizeof *out, str_cmp);
    return n;
}

static void print_list(char **v, size_t n)
{
    printf("{");
    for (size_t i = 0; i < n; i++)
        printf("%s%s", i ? "; " : "", v[i]);
    printf("}");
}

typedef struct cat_count {
    const char *name;
    size_t pass, total;
} cat_count;

static void count_cat(cat_count *cats, size_t *ncats, size_t max, const char *name, int ok)
{
    size_t i = 0;
    while (i < *ncats && strcmp(cats[i].name, name))
        i++;
    if (i == *ncats) {
        if (*ncats == max)
            return;
        cats[(*ncats)++] = (cat_count){name, 0, 0};
    }
    cats[i].total++;
    cats[i].pass += ok != 0;
}

static int run(const vopts *o, const char *path, const code_vfile *vf, dyad_coder *coder)
{
    unsigned opts = DYAD_OPT_REQUIRE_DYAD | DYAD_OPT_KEEP_NEGATED;
    code_config cfg;
    code_config_default(&cfg);
    cfg.attribution_events = 1;   /* PETRARCH's records code ", X said" */
    cfg.petrarch_reading = 1;     /* ... and every verb as a fact */
    for (size_t i = 0; i < vf->nconfigs; i++)
        if (!apply_config(&vf->configs[i], &opts, &cfg))
            fprintf(stderr, "%s: warning: unknown <Config> option '%s' ignored\n", path,
                    vf->configs[i].option);
    cat_count cats[64];
    size_t ncats = 0, pass = 0, fail = 0;
    buf tmp;
    buf_init(&tmp);
    for (size_t r = 0; r < vf->nrecords; r++) {
        const code_vrecord *rec = &vf->records[r];
        for (size_t i = 0; i < rec->nconfigs; i++)
            if (!apply_config(&rec->configs[i], &opts, &cfg))
                fprintf(stderr, "%s:%ld: warning: unknown <Config> option '%s' ignored\n",
                        path, rec->line, rec->configs[i].option);
        code_coder_configure(coder, opts | (o->explain ? DYAD_OPT_EXPLAIN : 0), &cfg);
        dyad_doc doc = {rec->id, rec->date, rec->text, strlen(rec->text), NULL, NULL,
                        path, rec->line};
        const dyad_event *ev = NULL;
        size_t nev = 0;
        dyad_status st = dyad_coder_code(coder, &doc, &ev, &nev, cli_diag_print, NULL);
        if (st != DYAD_OK) {
            fprintf(stderr, "%s:%ld: error: record %s: %s\n", path, rec->line, rec->id,
                    dyad_status_str(st));
            nev = 0;
        }
        char *exp[64], *got[64];
        size_t ne = expected(rec, exp, 64, &tmp), ng = produced(ev, nev, got, 64, &tmp);
        int ok = st == DYAD_OK && ne == ng;
        for (size_t i = 0; ok && i < ne; i++)
            ok = !strcmp(exp[i], got[i]);
        count_cat(cats, &ncats, DYAD_COUNT(cats), rec->category, ok);
        if (ok) {
            pass++;
        } else {
            fail++;
            if (!o->quiet) {
                printf("FAIL %s %s expected ", rec->id, rec->category);
                print_list(exp, ne);
                printf(" got ");
                print_list(got, ng);
                printf("\n");
                if (o->explain && dyad_coder_explain(coder))
                    printf("  text: %s\n  trace: %s\n", rec->text, dyad_coder_explain(coder));
            }
        }
        for (size_t i = 0; i < ne; i++)
            free(exp[i]);
        for (size_t i = 0; i < ng; i++)
            free(got[i]);
    }
    buf_free(&tmp);
    if (o->report) {
        for (size_t i = 0; i < ncats; i++)
            printf("category %-10s %3zu/%-3zu %5.1f%%\n", cats[i].name[0] ? cats[i].name : "(none)",
                   cats[i].pass, cats[i].total, 100.0 * (double)cats[i].pass / (double)cats[i].total);
        printf("pass rate %.1f%% (%zu/%zu)\n",
               pass + fail ? 100.0 * (double)pass / (double)(pass + fail) : 0.0, pass, pass + fail);
    }
    printf("%zu passed, %zu failed\n", pass, fail);
    return fail && !o->report ? EXIT_FATAL : EXIT_OK;
}

static int parse_args(int argc, char **argv, vopts *o)
{
    static const struct option lo[] = {
        {"dict-dir", required_argument, NULL, 'd'}, {"report", no_argument, NULL, 'r'},
        {"explain", no_argument, NULL, 'e'}, {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":qh", lo, NULL)) != -1) {
        switch (c) {
        case 'd': o->dict_dir = optarg; break;
        case 'r': o->report = 1; break;
        case 'e': o->explain = 1; break;
        case 'q': o->quiet = 1; break;
        case 'h': usage(stdout); return -1;
        case ':': cli_error("validate: option '%s' needs a value", argv[optind - 1]); return -2;
        default: cli_error("validate: unknown option '%s'", argv[optind - 1]); return -2;
        }
    }
    if (optind != argc - 1) {
        cli_error("validate: expected one validation file (try 'dyad validate --help')");
        return -2;
    }
    return optind;
}

int cmd_validate(int argc, char **argv)
{
    vopts o = {0};
    int first = parse_args(argc, argv, &o);
    if (first == -1)
        return cli_close_stdout();
    if (first < 0)
        return EXIT_USAGE;
    const char *path = argv[first];
    code_vfile vf;
    cli_diag_counts counts = {0, 0, 1};
    if (code_vfile_read(path, &vf, cli_diag_print, NULL) != DYAD_OK) {
        code_vfile_free(&vf);
        return EXIT_FATAL;
    }
    char *dir = dict_folder(&o, path, &vf);
    dyad_dict_files files = {dir, vf.verbs, vf.actors, vf.agents, vf.discards, vf.issues, NULL};
    dyad_status st;
    dyad_dict *dict = dyad_dict_load(&files, 0, cli_diag_print, &counts, &st);
    int rc = EXIT_FATAL;
    if (!dict) {
        cli_error("validate: cannot load the dictionaries in %s: %s", dir ? dir : ".",
                  dyad_status_str(st));
    } else {
        dyad_coder *coder = dyad_coder_new(dict, 0);
        if (!coder)
            cli_error("validate: cannot create the coder");
        else
            rc = run(&o, path, &vf, coder);
        dyad_coder_free(coder);
    }
    dyad_dict_free(dict);
    free(dir);
    code_vfile_free(&vf);
    int out = cli_close_stdout();
    return out != EXIT_OK ? out : rc;
}
