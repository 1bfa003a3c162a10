/* cmd_dict.c: the 'dyad dict' subcommand: lint dictionary files, count
 * what a dictionary set holds, look a phrase up. Uses src/dict/dict.h for
 * the compiled tables (dictionary maintenance is what the stage header is
 * for); prints nothing the library did not report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../dict/dict.h"

#define MAX_LINT_FILES 64

typedef struct dict_cli_opts {
    dyad_dict_files files;
    const char *petrarch;
    int have_files;
    int strict;
    int quiet;
} dict_cli_opts;

static void usage_main(FILE *f)
{
    fprintf(f,
            "usage: dyad dict COMMAND [OPTIONS]\n\n"
            "commands:\n"
            "  lint FILE...     check dictionary files; every problem as file:line\n"
            "  stats            counts per kind of a dictionary set\n"
            "  lookup PHRASE    what a phrase resolves to, with file:line\n\n"
            "'dyad dict COMMAND --help' describes each.\n");
}

static void usage_dict_opts(FILE *f)
{
    fprintf(f,
            "dictionary options (default: dyad's embedded dictionaries):\n"
            "  --petrarch DIR    the PETRARCH2 production set in DIR (CAMEO.2.0.txt,\n"
            "                    Phoenix.*.actors.txt, Phoenix.agents.txt, ...)\n"
            "  --dict-dir DIR    folder for the names below\n"
            "  --verbs F  --actors F[,F...]  --agents F  --discards F  --issues F\n"
            "  --cache-dir DIR   keep/read the compiled dictionary cache in DIR\n"
            "  --strict          the first dictionary error is fatal\n"
            "  -q, --quiet       do not print dictionary warnings\n");
}

/* Parses one dictionary option at argv[*i]; 1 if taken, 0 if not ours,
 * -1 on a usage error. */
static int dict_opt(dict_cli_opts *o, int argc, char **argv, int *i)
{
    static const char *names[] = {"--verbs", "--actors", "--agents", "--discards",
                                  "--issues", "--dict-dir", "--petrarch", "--cache-dir"};
    const char *a = argv[*i];
    if (!strcmp(a, "--strict")) {
        o->strict = 1;
        return 1;
    }
    if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
        o->quiet = 1;
        return 1;
    }
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        if (strcmp(a, names[k]))
            continue;
        if (*i + 1 >= argc) {
            cli_error("dict: %s needs a value", a);
            return -1;
        }
        const char *v = argv[++*i];
        const char **slot[] = {&o->files.verbs, &o->files.actors, &o->files.agents,
                               &o->files.discards, &o->files.issues, &o->files.dir,
                               &o->petrarch, &o->files.cache_dir};
        *slot[k] = v;
        if (k < 5)
            o->have_files = 1;
        return 1;
    }
    return 0;
}

static dyad_dict *open_dict(const dict_cli_opts *o, cli_diag_counts *counts)
{
    dyad_status st = DYAD_OK;
    dyad_dict *d;
    counts->quiet_warnings = o->quiet;
    if (o->petrarch) {
        dyad_dict_files f;
        dyad_dict_files_petrarch(&f, o->petrarch);
        f.cache_dir = o->files.cache_dir;
        d = dyad_dict_load(&f, o->strict, cli_diag_print, counts, &st);
    } else if (o->have_files) {
        d = dyad_dict_load(&o->files, o->strict, cli_diag_print, counts, &st);
    } else {
        d = dyad_dict_load_default(cli_diag_print, counts, &st);
    }
    if (!d)
        cli_error("dict: dictionaries unusable: %s", dyad_status_str(st));
    return d;
}

/* ---- lint ------------------------------------------------------------------ */

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *p = malloc(cap);
    size_t r;
    while (p && (r = fread(p + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            char *q = realloc(p, cap *= 2);
            if (!q) {
                free(p);
                p = NULL;
            }
            p = q;
        }
    }
    if (p && ferror(f)) {
        free(p);
        p = NULL;
    }
    fclose(f);
    *len = n;
    return p;
}

static int kind_flag(const char *a)
{
    static const char *k[] = {"--verbs", "--actors", "--agents", "--discards", "--issues"};
    for (int i = 0; i < 5; i++)
        if (!strcmp(a, k[i]))
            return i;
    if (!strcmp(a, "--auto"))
        return -1;
    return -2;
}

static int cmd_lint(int argc, char **argv)
{
    dict_mem_file files[MAX_LINT_FILES];
    int kind = -1, strict = 0, quiet = 0;
    size_t n = 0;
    int rc = EXIT_OK;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            printf("usage: dyad dict lint [--verbs|--actors|--agents|--discards|--issues|--auto]\n"
                   "                      [--strict] [-q] FILE...\n\n"
                   "Reads dictionary files as dyad does and prints every problem as\n"
                   "'file:line: severity: message'. A kind flag applies to the files after\n"
                   "it; without one the kind comes from the file's name as PETRARCH names\n"
                   "them (*.verbs.*, *.actors.*, *.agents.*, *.discards.*, *Issue*), else\n"
                   "it is guessed from the file's content. Files\n"
                   "are checked together (duplicates across actor files are reported).\n"
                   "Exit status: 0 no errors (warnings allowed), 1 errors, 2 usage.\n");
            return cli_close_stdout();
        }
        int k = kind_flag(a);
        if (k > -2) {
            kind = k;
            continue;
        }
        if (!strcmp(a, "--strict")) {
            strict = 1;
            continue;
        }
        if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            quiet = 1;
            continue;
        }
        if (a[0] == '-' && a[1]) {
            cli_error("dict lint: unknown option %s", a);
            rc = EXIT_USAGE;
            goto out;
        }
        if (n == MAX_LINT_FILES) {
            cli_error("dict lint: at most %d files", MAX_LINT_FILES);
            rc = EXIT_USAGE;
            goto out;
        }
        size_t len = 0;
        char *data = slurp(a, &len);
        if (!data) {
            cli_error("dict lint: cannot read %s", a);
            rc = EXIT_FATAL;
            goto out;
        }
        int named = dict_file_kind_from_name(a);
        dict_file_kind fk = kind >= 0 ? (dict_file_kind)kind
                          : named >= 0 ? (dict_file_kind)named
                          : dict_file_kind_guess(data, len);
        files[n++] = (dict_mem_file){fk, a, data, len};
    }
    if (n == 0) {
        cli_error("dict lint: no files (see dyad dict lint --help)");
        rc = EXIT_USAGE;
        goto out;
    }
    cli_diag_counts counts = {.quiet_warnings = quiet};
    dict_load_opts lo = {.strict = strict, .pedantic = 1};
    dyad_status st;
    dyad_dict *d = dict_load_mem_opts(files, n, &lo, cli_diag_print, &counts, &st);
    if (d) {
        dict_stats s;
        dict_get_stats(d, &s);
        for (size_t i = 0; i < n; i++)
            fprintf(stderr, "%s: read as %s\n", files[i].name, dict_file_kind_str(files[i].kind));
        if (dict_check(d))
            counts.errors++, cli_error("dict lint: internal check of the compiled dictionary failed");
    }
    fprintf(stderr, "%zu error%s, %zu warning%s in %zu file%s\n", counts.errors,
            counts.errors == 1 ? "" : "s", counts.warnings, counts.warnings == 1 ? "" : "s",
            n, n == 1 ? "" : "s");
    dyad_dict_free(d);
    rc = (counts.errors || !d) ? EXIT_FATAL : cli_close_stdout();
out:
    for (size_t i = 0; i < n; i++)
        free((void *)files[i].data);
    return rc;
}

/* ---- stats ------------------------------------------------------------------ */

static int cmd_stats(int argc, char **argv)
{
    dict_cli_opts o = {0};
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            printf("usage: dyad dict stats [DICTIONARY OPTIONS]\n\n"
                   "Prints the counts per kind of the loaded dictionaries.\n\n");
            usage_dict_opts(stdout);
            return cli_close_stdout();
        }
        int r = dict_opt(&o, argc, argv, &i);
        if (r <= 0) {
            if (r == 0)
                cli_error("dict stats: unknown argument %s", argv[i]);
            return EXIT_USAGE;
        }
    }
    cli_diag_counts counts = {0};
    dyad_dict *d = open_dict(&o, &counts);
    if (!d)
        return EXIT_FATAL;
    dict_stats s;
    dict_get_stats(d, &s);
    for (size_t i = 0; i < s.files; i++)
        printf("file\t%s\n", dict_file_name(d, (uint32_t)i));
    printf("verb_blocks\t%zu\nverbs\t%zu\nverb_forms\t%zu\npatterns\t%zu\nsynsets\t%zu\n"
           "synset_members\t%zu\ntransformations\t%zu\nactors\t%zu\nactor_codes\t%zu\n"
           "agents\t%zu\ndiscards\t%zu\nissues\t%zu\nwords\t%zu\nphrases\t%zu\n"
           "bytes\t%zu\nerrors\t%zu\nwarnings\t%zu\nfrom_cache\t%d\n",
           s.verb_blocks, s.verbs, s.verb_forms, s.patterns, s.synsets, s.synset_members,
           s.transforms, s.actors, s.actor_codes, s.agents, s.discards, s.issues, s.words,
           s.phrases, s.bytes, s.errors, s.warnings, dict_from_cache(d));
    dyad_dict_free(d);
    return cli_close_stdout();
}

/* ---- lookup ----------------------------------------------------------------- */

static void print_dates(const dict_actor_code *c)
{
    if (c->from && c->to != INT32_MAX)
        printf("%d-%d", (int)c->from, (int)c->to);
    else if (c->from)
        printf(">=%d", (int)c->from);
    else if (c->to != INT32_MAX)
        printf("<%d", (int)c->to);
    else
        printf("always");
}

static void show_actor(const dyad_dict *d, uint32_t e, int32_t date)
{
    const dict_actor *a = dict_actor_get(d, e);
    const char *f = dict_file_name(d, a->src.file);
    const dict_actor_code *c = dict_actor_code_rec_at(d, e, date);
    if (c)
        printf("actor\t%s\t%s:%u\t%s (entry at line %u)\n", c->code, f, c->line, a->name,
               a->src.line);
    else
        printf("actor\t(no code%s)\t%s:%u\t%s\n", date ? " on that date" : "", f,
               a->src.line, a->name);
    for (uint32_t i = 0; i < a->ncodes; i++) {
        printf("  code\t%s\t", a->codes[i].code);
        print_dates(&a->codes[i]);
        printf("\t%s:%u%s\n", f, a->codes[i].line, &a->codes[i] == c ? "\t<- applies" : "");
    }
}

static void show_verb(const dyad_dict *d, uint32_t e)
{
    const dict_verb *v = dict_verb_get(d, e);
    const dict_block *b = dict_block_get(d, v->block);
    printf("verb\t%s\t%s:%u\t%s in block %s [%s], %u forms, %u patterns\n", v->code,
           dict_file_name(d, v->src.file), v->src.line, v->name, b->name, b->code, v->nforms,
           v->npatterns);
}

static void show_match(const dyad_dict *d, const dict_match *m, int32_t date)
{
    switch (m->kind) {
    case DICT_ACTOR: show_actor(d, m->entry, date); break;
    case DICT_VERB: show_verb(d, m->entry); break;
    case DICT_AGENT: {
        const dict_agent *a = dict_agent_get(d, m->entry);
        printf("agent\t%s%s%s\t%s:%u\t%s\n", a->prefix ? "" : "~", a->code, a->prefix ? "~" : "",
               dict_file_name(d, a->src.file), a->src.line, a->name);
        break;
    }
    case DICT_DISCARD: {
        const dict_discard *x = dict_discard_get(d, m->entry);
        printf("discard\t%s\t%s:%u\t%s\n", x->whole_story ? "story" : "sentence",
               dict_file_name(d, x->src.file), x->src.line, x->phrase);
        break;
    }
    case DICT_ISSUE: {
        const dict_issue *x = dict_issue_get(d, m->entry);
        printf("issue\t%s\t%s:%u\t%s (category %s)\n",
               x->negative ? (x->negative == 2 ? "~~" : "~") : x->code,
               dict_file_name(d, x->src.file), x->src.line, x->phrase, x->category);
        break;
    }
    case DICT_SYNSET: {
        const dict_synset *s = dict_synset_get(d, m->entry);
        printf("synset\t&%s\t%s:%u\n", s->name, dict_file_name(d, s->src.file), s->src.line);
        break;
    }
    }
}

static int cmd_lookup(int argc, char **argv)
{
    dict_cli_opts o = {0};
    const char *phrase = NULL;
    int32_t date = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            printf("usage: dyad dict lookup PHRASE [--date YYYYMMDD] [DICTIONARY OPTIONS]\n\n"
                   "Shows every dictionary entry the phrase (or its first words) matches:\n"
                   "kind, code (for actors, the code valid on --date), file:line.\n\n");
            usage_dict_opts(stdout);
            return cli_close_stdout();
        }
        if (!strcmp(argv[i], "--date")) {
            if (i + 1 >= argc || !(date = date_parse(argv[i + 1], strlen(argv[i + 1])))) {
                cli_error("dict lookup: --date needs YYYYMMDD");
                return EXIT_USAGE;
            }
            i++;
            continue;
        }
        int r = dict_opt(&o, argc, argv, &i);
        if (r < 0)
            return EXIT_USAGE;
        if (r)
            continue;
        if (argv[i][0] == '-' && argv[i][1]) {
            cli_error("dict lookup: unknown option %s", argv[i]);
            return EXIT_USAGE;
        }
        if (phrase) {
            cli_error("dict lookup: one PHRASE (quote it)");
            return EXIT_USAGE;
        }
        phrase = argv[i];
    }
    if (!phrase) {
        cli_error("dict lookup: no PHRASE (see dyad dict lookup --help)");
        return EXIT_USAGE;
    }
    cli_diag_counts counts = {0};
    o.quiet = 1;
    dyad_dict *d = open_dict(&o, &counts);
    if (!d)
        return EXIT_FATAL;
    dict_word w[64];
    size_t n = dict_phrase_words(d, phrase, w, 64);
    dict_match m[256];
    size_t k = n ? dict_lookup(d, w, n, ~0u, m, 256) : 0;
    if (k > 256)
        k = 256;
    for (size_t i = 0; i < k; i++) {
        if (m[i].len < n)
            printf("(first %u of %zu words) ", m[i].len, n);
        show_match(d, &m[i], date);
    }
    if (k == 0)
        printf("no entry for \"%s\"\n", phrase);
    dyad_dict_free(d);
    int rc = cli_close_stdout();
    return rc ? rc : (k ? EXIT_OK : EXIT_FATAL);
}

int cmd_dict(int argc, char **argv)
{
    if (argc < 2) {
        usage_main(stderr);
        return EXIT_USAGE;
    }
    const char *c = argv[1];
    if (!strcmp(c, "--help") || !strcmp(c, "-h") || !strcmp(c, "help")) {
        usage_main(stdout);
        return cli_close_stdout();
    }
    if (!strcmp(c, "lint"))
        return cmd_lint(argc - 1, argv + 1);
    if (!strcmp(c, "stats"))
        return cmd_stats(argc - 1, argv + 1);
    if (!strcmp(c, "lookup"))
        return cmd_lookup(argc - 1, argv + 1);
    cli_error("dict: unknown command '%s' (lint, stats, lookup)", c);
    return EXIT_USAGE;
}
