/* golden_events.c: runner for the golden event tests (tests/golden/events/).
 *
 * Reads case files in the block format of docs/golden-tests.md (a header
 * "### name [options]", the document text, "---", then the expected events
 * "SOURCE TARGET CODE", "~ SOURCE TARGET CODE", "! SOURCE TARGET CODE" or
 * "(none)"), codes each document through the public API (dyad.h only) and
 * prints one TAP line per case. A failing case is followed by
 * "file:line: name" and a diff of expected against produced events, each
 * produced one with its verb, source and target text and the pattern that
 * fired, so a developer sees why. xfail cases print "# TODO reason"; an
 * xfail case that passes says so, so that it gets promoted.
 *
 *   golden_events [--petrarch DIR] [--explain] [--only NAME] [--tag TAG] FILE...
 *
 * --petrarch DIR: where dict=petrarch cases find the PETRARCH2 production
 * set (absent: those cases SKIP). --explain: print the coder's trace for
 * failing cases (and the diffs of xfail ones). --only NAME: run the named
 * case(s) only. --tag TAG: run only the xfail cases carrying that gap tag
 * (with --explain: the work list for one kind of gap). Exit status 0 when
 * no case failed (xfails and skips allowed), 1 otherwise, 2 on usage errors.
 * Owns nothing outside this file; the format is documented in
 * docs/golden-tests.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"

#define DEFAULT_DATE 20160608
#define MAX_EVENTS 256

enum { KIND_EXACT, KIND_ATLEAST, KIND_NOT };

typedef struct expect {
    char key[96];     /* "SOURCE TARGET CODE" */
    int kind;
    long line;
    int matched;
} expect;

typedef struct gcase {
    char name[128];
    long line;           /* of the header */
    int date;
    int petrarch;        /* dict=petrarch */
    int explain;         /* option explain: trace even when passing */
    char xfail[256];     /* reason; "" when not xfail */
    char *text;          /* document text (malloc) */
    size_t text_len;
    expect exp[MAX_EVENTS];
    int n_exp;
    int none;            /* "(none)" given */
    char error[256];     /* format error in the case; "" when fine */
} gcase;

#define MAX_TAGS 32

typedef struct runner {
    dyad_dict *def, *pet;
    dyad_coder *cdef, *cpet;
    const char *pet_dir;
    int explain;
    const char *only;
    const char *tag;     /* --tag: only xfail cases carrying this gap tag */
    int pass, fail, xfail, xpass, skipped;
    char tags[MAX_TAGS][24];   /* gap tags of failing xfail cases ... */
    int tag_count[MAX_TAGS];   /* ... and how many cases carry each */
    int n_tags;
} runner;

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0, r;
    char *s = malloc(cap + 1);
    while (s && (r = fread(s + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            char *t = realloc(s, (cap *= 2) + 1);
            if (!t) {
                free(s);
                s = NULL;
            }
            s = t;
        }
    }
    fclose(f);
    if (s) {
        s[n] = '\0';
        *len = n;
    }
    return s;
}

/* Splits text into lines in place; returns the count, *lines malloc'd. */
static size_t split_lines(char *text, size_t len, char ***lines)
{
    size_t n = 0, cap = 256;
    char **v = malloc(cap * sizeof *v);
    char *p = text, *end = text + len;
    while (v && p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            nl = end;
        *nl = '\0';
        if (nl > p && nl[-1] == '\r')
            nl[-1] = '\0';
        if (n == cap) {
            char **t = realloc(v, (cap *= 2) * sizeof *v);
            if (!t) {
                free(v);
                return 0;
            }
            v = t;
        }
        v[n++] = p;
        p = nl + 1;
    }
    *lines = v;
    return v ? n : 0;
}

static int is_blank(const char *s)
{
    return s[strspn(s, " \t")] == '\0';
}

/* Header "### name opt=val ... [xfail reason...]". */
static void parse_header(gcase *c, char *s)
{
    s += 3;
    char *tok = strtok(s, " \t");
    if (!tok) {
        snprintf(c->error, sizeof c->error, "case header without a name");
        return;
    }
    snprintf(c->name, sizeof c->name, "%s", tok);
    while ((tok = strtok(NULL, " \t"))) {
        if (!strcmp(tok, "xfail")) {
            char *rest = strtok(NULL, "");
            snprintf(c->xfail, sizeof c->xfail, "%s",
                     rest && !is_blank(rest) ? rest + strspn(rest, " \t")
                                             : "known gap");
            return;
        } else if (!strncmp(tok, "date=", 5)) {
            c->date = atoi(tok + 5);
            if (c->date < 19000101 || c->date > 21001231)
                snprintf(c->error, sizeof c->error, "bad date '%s'", tok + 5);
        } else if (!strcmp(tok, "dict=petrarch")) {
            c->petrarch = 1;
        } else if (!strcmp(tok, "dict=default")) {
            c->petrarch = 0;
        } else if (!strcmp(tok, "explain")) {
            c->explain = 1;
        } else {
            snprintf(c->error, sizeof c->error, "unknown option '%s'", tok);
        }
    }
}

/* One expected-event line; comments after " #" are dropped. */
static void parse_expect(gcase *c, char *s, long line)
{
    char *hash = strstr(s, " #");
    if (hash)
        *hash = '\0';
    s += strspn(s, " \t");
    if (is_blank(s))
        return;
    if (!strncmp(s, "(none)", 6) && is_blank(s + 6)) {
        c->none = 1;
        return;
    }
    int kind = KIND_EXACT;
    if (*s == '~' || *s == '!') {
        kind = *s == '~' ? KIND_ATLEAST : KIND_NOT;
        s++;
    }
    char a[32], b[32], code[16], extra[2];
    int k = sscanf(s, "%31s %31s %15s %1s", a, b, code, extra);
    if (k != 3) {
        snprintf(c->error, sizeof c->error,
                 "line %ld: expected 'SOURCE TARGET CODE', got '%s'", line, s);
        return;
    }
    if (c->n_exp == MAX_EVENTS) {
        snprintf(c->error, sizeof c->error, "too many expected events");
        return;
    }
    expect *e = &c->exp[c->n_exp++];
    snprintf(e->key, sizeof e->key, "%s %s %s", a, b, code);
    e->kind = kind;
    e->line = line;
}

/* Joins document lines with '\n', dropping leading and trailing blank lines. */
static void set_text(gcase *c, char **lines, size_t from, size_t to)
{
    while (from < to && is_blank(lines[from]))
        from++;
    while (to > from && is_blank(lines[to - 1]))
        to--;
    size_t len = 0;
    for (size_t i = from; i < to; i++)
        len += strlen(lines[i]) + 1;
    c->text = malloc(len + 1);
    if (!c->text)
        return;
    c->text_len = 0;
    for (size_t i = from; i < to; i++) {
        size_t l = strlen(lines[i]);
        memcpy(c->text + c->text_len, lines[i], l);
        c->text_len += l;
        c->text[c->text_len++] = '\n';
    }
    c->text[c->text_len] = '\0';
}

static void check_case_form(gcase *c)
{
    int kinds[3] = {0, 0, 0};
    for (int i = 0; i < c->n_exp; i++)
        kinds[c->exp[i].kind]++;
    if (c->error[0])
        return;
    if (!c->text || c->text_len == 0)
        snprintf(c->error, sizeof c->error, "empty document");
    else if (c->none && c->n_exp > 0)
        snprintf(c->error, sizeof c->error, "(none) together with events");
    else if (!c->none && c->n_exp == 0)
        snprintf(c->error, sizeof c->error,
                 "no expected events: write (none) for a case with none");
    else if (kinds[KIND_EXACT] && (kinds[KIND_ATLEAST] || kinds[KIND_NOT]))
        snprintf(c->error, sizeof c->error,
                 "exact lines mixed with '~'/'!' lines");
    else if (kinds[KIND_NOT] && !kinds[KIND_ATLEAST])
        snprintf(c->error, sizeof c->error,
                 "'!' lines need at least one '~' line");
}

static void print_event(const char *key, const dyad_event *ev, const char *text)
{
    printf("%s", key);
    if (!ev) {
        printf("\n");
        return;
    }
    printf("   [s%u] verb \"%.*s\" source \"%.*s\" target \"%.*s\" %s\n",
           ev->sentence, (int)(ev->verb_span.end - ev->verb_span.begin),
           text + ev->verb_span.begin,
           (int)(ev->source_span.end - ev->source_span.begin),
           text + ev->source_span.begin,
           (int)(ev->target_span.end - ev->target_span.begin),
           text + ev->target_span.begin, ev->pattern ? ev->pattern : "");
}

/* Compares expected with produced; prints the diff when report is set.
 * Returns 1 when the case holds. */
static int compare(gcase *c, const dyad_event *evs, size_t n, int report)
{
    char keys[MAX_EVENTS][96];
    int used[MAX_EVENTS] = {0};
    if (n > MAX_EVENTS)
        n = MAX_EVENTS;
    for (size_t i = 0; i < n; i++)
        snprintf(keys[i], sizeof keys[i], "%s %s %s", evs[i].source,
                 evs[i].target, evs[i].code);
    int ok = 1;
    for (int j = 0; j < c->n_exp; j++) {
        c->exp[j].matched = 0;
        if (c->exp[j].kind == KIND_NOT)
            continue;
        for (size_t i = 0; i < n; i++)
            if (!used[i] && !strcmp(keys[i], c->exp[j].key)) {
                used[i] = 1;
                c->exp[j].matched = 1;
                break;
            }
        if (!c->exp[j].matched)
            ok = 0;
    }
    int exact = c->none || (c->n_exp > 0 && c->exp[0].kind == KIND_EXACT);
    for (size_t i = 0; i < n; i++) {
        if (exact && !used[i])
            ok = 0;
        for (int j = 0; j < c->n_exp; j++)
            if (c->exp[j].kind == KIND_NOT && !strcmp(keys[i], c->exp[j].key))
                ok = 0, c->exp[j].matched = 1;
    }
    if (!report)
        return ok;
    printf("#   - expected, + produced%s:\n",
           exact ? "" : " ('~' at least, '!' never)");
    for (int j = 0; j < c->n_exp; j++) {
        const expect *e = &c->exp[j];
        if (e->kind == KIND_NOT && e->matched)
            printf("#   + %s   (forbidden by line %ld)\n", e->key, e->line);
        else if (e->kind != KIND_NOT && !e->matched)
            printf("#   - %s   (line %ld)\n", e->key, e->line);
    }
    for (size_t i = 0; i < n; i++) {
        printf("#   %c ", used[i] ? ' ' : exact ? '+' : '.');
        print_event(keys[i], &evs[i], c->text);
    }
    if (n == 0)
        printf("#   (no events produced)\n");
    return ok;
}

static void print_explain(const dyad_coder *coder)
{
    const char *x = dyad_coder_explain(coder);
    if (!x)
        return;
    printf("#   explain: ");
    for (; *x; x++) {
        putchar(*x);
        if (*x == '\n' && x[1])
            printf("#   ");
    }
    printf("\n");
}

static const dyad_dict *load_petrarch(runner *r)
{
    if (r->pet || !r->pet_dir)
        return r->pet;
    dyad_dict_files f;
    dyad_dict_files_petrarch(&f, r->pet_dir);
    dyad_status st;
    r->pet = dyad_dict_load(&f, 0, NULL, NULL, &st);
    if (r->pet)
        r->cpet = dyad_coder_new(r->pet, DYAD_OPT_EXPLAIN);
    else
        r->pet_dir = NULL;
    return r->pet;
}

/* Whether an xfail reason "[a,b] text" carries tag. */
static int has_tag(const char *reason, const char *tag)
{
    const char *end = reason[0] == '[' ? strchr(reason, ']') : NULL;
    size_t n = strlen(tag);
    for (const char *p = reason + 1; end && p < end; p += strcspn(p, ",]") + 1)
        if (strncmp(p, tag, n) == 0 && (p[n] == ',' || p[n] == ']'))
            return 1;
    return 0;
}

/* Counts the tags of an xfail reason "[a,b] text" (docs/golden-tests.md). */
static void count_tags(runner *r, const char *reason)
{
    if (reason[0] != '[')
        return;
    const char *end = strchr(reason, ']');
    for (const char *p = reason + 1; end && p < end;) {
        size_t n = strcspn(p, ",]");
        int k = 0;
        while (k < r->n_tags && (strlen(r->tags[k]) != n ||
                                 strncmp(r->tags[k], p, n) != 0))
            k++;
        if (k == r->n_tags && k < MAX_TAGS && n < sizeof r->tags[0]) {
            memcpy(r->tags[k], p, n);
            r->tags[k][n] = '\0';
            r->n_tags++;
        }
        if (k < r->n_tags)
            r->tag_count[k]++;
        p += n + (p[n] == ',');
    }
}

static void run_case(runner *r, const char *file, gcase *c)
{
    if (c->error[0]) {
        printf("not ok - %s:%ld: %s\n# %s:%ld: %s: format error: %s\n", file,
               c->line, c->name, file, c->line, c->name, c->error);
        r->fail++;
        return;
    }
    if (c->petrarch && !load_petrarch(r)) {
        printf("ok - %s:%ld: %s # SKIP PETRARCH2 dictionaries absent\n", file,
               c->line, c->name);
        r->skipped++;
        return;
    }
    dyad_coder *coder = c->petrarch ? r->cpet : r->cdef;
    dyad_doc doc = {.id = c->name, .date = c->date, .text = c->text,
                    .text_len = c->text_len, .file = file, .line = c->line};
    const dyad_event *evs = NULL;
    size_t n = 0;
    dyad_status st = dyad_coder_code(coder, &doc, &evs, &n, NULL, NULL);
    if (st != DYAD_OK) {
        printf("not ok - %s:%ld: %s\n# coder failed: %s\n", file, c->line,
               c->name, dyad_status_str(st));
        r->fail++;
        return;
    }
    int ok = compare(c, evs, n, 0);
    if (ok && !c->xfail[0]) {
        printf("ok - %s:%ld: %s\n", file, c->line, c->name);
        r->pass++;
        if (c->explain)
            print_explain(coder);
        return;
    }
    if (ok) {
        printf("ok - %s:%ld: %s # TODO xfail case passes: promote it (%s)\n",
               file, c->line, c->name, c->xfail);
        r->xpass++;
        return;
    }
    if (c->xfail[0]) {
        printf("not ok - %s:%ld: %s # TODO %s\n", file, c->line, c->name,
               c->xfail);
        r->xfail++;
        count_tags(r, c->xfail);
        if (!r->explain && !c->explain)
            return;
    } else {
        printf("not ok - %s:%ld: %s\n", file, c->line, c->name);
        r->fail++;
    }
    printf("# %s:%ld: %s (date %d, %s dictionaries)\n", file, c->line, c->name,
           c->date, c->petrarch ? "PETRARCH2" : "default");
    compare(c, evs, n, 1);
    if (r->explain || c->explain)
        print_explain(coder);
}

static int run_file(runner *r, const char *path)
{
    size_t len;
    char *text = slurp(path, &len);
    if (!text) {
        printf("not ok - %s: cannot read\n", path);
        r->fail++;
        return 1;
    }
    char **lines;
    size_t nl = split_lines(text, len, &lines);
    gcase *c = calloc(1, sizeof *c);
    size_t i = 0;
    int cases = 0;
    char (*names)[128] = calloc(nl + 1, sizeof *names);
    const int before[5] = {r->pass, r->fail, r->xfail, r->xpass, r->skipped};
    size_t n_names = 0;
    while (c && i < nl) {
        if (strncmp(lines[i], "###", 3) != 0) {
            i++;     /* prose between cases */
            continue;
        }
        memset(c, 0, sizeof *c);
        c->line = (long)i + 1;
        c->date = DEFAULT_DATE;
        parse_header(c, lines[i++]);
        size_t from = i;
        while (i < nl && strcmp(lines[i], "---") != 0 &&
               strncmp(lines[i], "###", 3) != 0)
            i++;
        set_text(c, lines, from, i);
        if (i < nl && !strcmp(lines[i], "---")) {
            /* a blank line ends the case: prose may follow it */
            for (i++; i < nl && strncmp(lines[i], "###", 3) != 0 &&
                      !is_blank(lines[i]); i++)
                if (strncmp(lines[i], "# ", 2) != 0)
                    parse_expect(c, lines[i], (long)i + 1);
        } else if (!c->error[0]) {
            snprintf(c->error, sizeof c->error, "no '---' line after the text");
        }
        check_case_form(c);
        for (size_t k = 0; names && k < n_names && !c->error[0]; k++)
            if (!strcmp(names[k], c->name))
                snprintf(c->error, sizeof c->error, "duplicate case name");
        if (names)
            memcpy(names[n_names++], c->name, sizeof c->name);
        if ((!r->only || !strcmp(r->only, c->name)) &&
            (!r->tag || has_tag(c->xfail, r->tag))) {
            run_case(r, path, c);
            cases++;
        }
        free(c->text);
    }
    if (cases > 0)
        printf("# %s: %d passed, %d failed, %d xfail, %d xfail now passing, "
               "%d skipped\n", path, r->pass - before[0],
               r->fail - before[1], r->xfail - before[2],
               r->xpass - before[3], r->skipped - before[4]);
    if (cases == 0 && !r->only && !r->tag) {
        printf("not ok - %s: no cases\n", path);
        r->fail++;
    }
    free(names);
    free(c);
    free(lines);
    free(text);
    return 0;
}

int main(int argc, char **argv)
{
    runner r = {0};
    int first = 1;
    for (; first < argc && argv[first][0] == '-'; first++) {
        if (!strcmp(argv[first], "--petrarch") && first + 1 < argc)
            r.pet_dir = argv[++first];
        else if (!strcmp(argv[first], "--only") && first + 1 < argc)
            r.only = argv[++first];
        else if (!strcmp(argv[first], "--explain"))
            r.explain = 1;
        else if (!strcmp(argv[first], "--tag") && first + 1 < argc)
            r.tag = argv[++first];
        else {
            fprintf(stderr, "usage: golden_events [--petrarch DIR] [--explain] "
                            "[--only NAME] [--tag TAG] FILE...\n");
            return 2;
        }
    }
    if (first == argc) {
        fprintf(stderr, "golden_events: no case files given\n");
        return 2;
    }
    dyad_status st;
    r.def = dyad_dict_load_default(NULL, NULL, &st);
    if (!r.def || !(r.cdef = dyad_coder_new(r.def, DYAD_OPT_EXPLAIN))) {
        printf("not ok - golden events: default dictionaries: %s\n",
               dyad_status_str(st));
        return 1;
    }
    for (int i = first; i < argc; i++)
        run_file(&r, argv[i]);
    printf("# %d passed, %d failed, %d xfail, %d xfail now passing, %d skipped\n",
           r.pass, r.fail, r.xfail, r.xpass, r.skipped);
    if (r.n_tags > 0) {
        printf("# xfail by gap tag:");
        for (int i = 0; i < r.n_tags; i++)
            printf("%s %s %d", i ? "," : "", r.tags[i], r.tag_count[i]);
        printf("\n");
    }
    dyad_coder_free(r.cdef);
    dyad_coder_free(r.cpet);
    dyad_dict_free(r.def);
    dyad_dict_free(r.pet);
    return r.fail > 0;
}
