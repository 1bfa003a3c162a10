/* agg_read.c: reads events back from every format io/ writes (JSON Lines
 * schema 1, PETRARCH-layout TSV, GDELT 2.0 records, the SQLite store) into
 * one agg_event shape. Owns format detection and the checks that make a
 * record usable (a valid date and a CAMEO code); fills root, quad
 * and Goldstein from the code when a format lacks them. One record is held
 * at a time, so files of any size stream in constant memory. */
#include <errno.h>
#include <math.h>
#include <sqlite3.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

#include "agg.h"
#include "agg_json.h"
#include "../io/write.h"

enum { MAX_FIELDS = 72 };

struct agg_reader {
    agg_format format;
    char *name;                 /* for diagnostics */
    FILE *f;
    int close_f;
    char *line;
    size_t cap;
    ssize_t len;
    long lineno;
    int have_line;              /* line holds a record read during detection */
    agg_json json;             /* the current JSON Lines record */
    char *field[MAX_FIELDS];
    int nfield;
    sqlite3 *db;
    sqlite3_stmt *st;
    int strict;
    dyad_diag_fn diag;
    void *ud;
    size_t rejected;
    char root[3], datebuf[24];
};

const char *agg_format_name(agg_format f)
{
    static const char *names[] = {"auto", "jsonl", "tsv", "gdelt", "sqlite"};
    return (unsigned)f < DYAD_COUNT(names) ? names[f] : "?";
}

agg_format agg_reader_format(const agg_reader *r)
{
    return r->format;
}

size_t agg_reader_rejected(const agg_reader *r)
{
    return r->rejected;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && !strcasecmp(s + n - m, suffix);
}

static agg_format format_from_name(const char *path)
{
    if (ends_with(path, ".sqlite") || ends_with(path, ".sqlite3") || ends_with(path, ".db"))
        return AGG_IN_SQLITE;
    if (ends_with(path, ".jsonl") || ends_with(path, ".json") || ends_with(path, ".ndjson"))
        return AGG_IN_JSONL;
    if (ends_with(path, ".csv") || ends_with(path, ".gdelt"))
        return AGG_IN_GDELT;
    if (ends_with(path, ".tsv"))
        return AGG_IN_TSV;
    return AGG_IN_AUTO;
}

static int is_date8(const char *s)
{
    for (int i = 0; i < 8; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return s[8] == '\0' || s[8] == '\t';
}

/* From the first record: '{' is JSON; GDELT has the date in its second of
 * 61 columns; PETRARCH's layout starts with the date. */
static agg_format format_from_line(const char *s)
{
    while (*s == ' ' || *s == '\xEF' || *s == '\xBB' || *s == '\xBF')
        s++;
    if (*s == '{')
        return AGG_IN_JSONL;
    int tabs = 0;
    for (const char *p = s; *p; p++)
        tabs += *p == '\t';
    const char *second = strchr(s, '\t');
    if (tabs >= 56 && second && is_date8(second + 1))
        return AGG_IN_GDELT;
    if (tabs >= 3 && is_date8(s))
        return AGG_IN_TSV;
    return AGG_IN_AUTO;
}

static int read_line(agg_reader *r)
{
    if (r->have_line) {
        r->have_line = 0;
        return 1;
    }
    r->len = getline(&r->line, &r->cap, r->f);
    if (r->len < 0)
        return 0;
    r->lineno++;
    while (r->len > 0 && (r->line[r->len - 1] == '\n' || r->line[r->len - 1] == '\r'))
        r->line[--r->len] = '\0';
    return 1;
}

static dyad_status open_sqlite(agg_reader *r, const char *path)
{
    static const char sql[] =
        "SELECT e.id, e.doc_id, e.sentence, e.date, e.source, e.target, e.code,"
        " e.root, e.quad, e.goldstein, e.source_text, e.target_text, e.verb_text,"
        " e.sentence_text, d.url, e.issues, e.source_begin, e.source_end,"
        " e.target_begin, e.target_end, e.verb_begin, e.verb_end,"
        " e.sentence_begin, e.sentence_end"
        " FROM events e LEFT JOIN documents d ON d.id = e.document ORDER BY e.id";
    if (sqlite3_open_v2(path, &r->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(r->db, sql, -1, &r->st, NULL) != SQLITE_OK) {
        diag_emit(r->diag, r->ud, DYAD_ERROR, r->name, 0, -1,
                  "not a dyad event store: %s", sqlite3_errmsg(r->db));
        return DYAD_EFORMAT;
    }
    return DYAD_OK;
}

static int has_sqlite_magic(FILE *f)
{
    char magic[16];
    size_t n = fread(magic, 1, sizeof magic, f);
    rewind(f);
    return n == sizeof magic && !memcmp(magic, "SQLite format 3", 16);
}

/* Decides the format of a text stream from its first non-blank line (kept
 * for the first agg_reader_next) unless it is already known. */
static dyad_status detect_text(agg_reader *r)
{
    if (r->format != AGG_IN_AUTO)
        return DYAD_OK;
    while (read_line(r)) {         /* the first non-blank line decides */
        if (r->len == 0)
            continue;
        r->have_line = 1;
        r->format = format_from_line(r->line);
        if (r->format == AGG_IN_AUTO) {
            diag_emit(r->diag, r->ud, DYAD_ERROR, r->name, r->lineno, -1,
                      "cannot tell the event format (JSON Lines, TSV, GDELT or "
                      "SQLite); name it with --input");
            return DYAD_EFORMAT;
        }
        return DYAD_OK;
    }
    r->format = AGG_IN_JSONL;      /* empty input: no events, in any format */
    return DYAD_OK;
}

static dyad_status open_text(agg_reader *r, const char *path)
{
    int is_stdin = !path || !strcmp(path, "-");
    r->f = is_stdin ? stdin : fopen(path, "rb");
    r->close_f = !is_stdin;
    if (!r->f) {
        diag_emit(r->diag, r->ud, DYAD_ERROR, r->name, 0, -1, "cannot open: %s",
                  strerror(errno));
        return DYAD_EIO;
    }
    if (!is_stdin && r->format == AGG_IN_AUTO && has_sqlite_magic(r->f)) {
        fclose(r->f);
        r->f = NULL;
        r->format = AGG_IN_SQLITE;
        return open_sqlite(r, path);
    }
    return detect_text(r);
}

static agg_reader *reader_new(const char *name, agg_format format, int strict,
                              dyad_diag_fn diag, void *userdata)
{
    agg_reader *r = calloc(1, sizeof *r);
    if (!r || !(r->name = strdup(name))) {
        free(r);
        return NULL;
    }
    r->strict = strict;
    r->diag = diag;
    r->ud = userdata;
    r->format = format;
    return r;
}

agg_reader *agg_reader_open_stream(FILE *f, const char *name, agg_format format,
                                   int strict, dyad_diag_fn diag, void *userdata,
                                   dyad_status *status)
{
    dyad_status dummy;
    status = status ? status : &dummy;
    if (!f || format == AGG_IN_SQLITE) {
        *status = DYAD_EINVAL;
        return NULL;
    }
    agg_reader *r = reader_new(name ? name : "<stream>", format, strict, diag, userdata);
    if (!r) {
        *status = DYAD_ENOMEM;
        return NULL;
    }
    r->f = f;
    *status = detect_text(r);
    if (*status != DYAD_OK) {
        agg_reader_free(r);
        return NULL;
    }
    return r;
}

agg_reader *agg_reader_open(const char *path, agg_format format, int strict,
                            dyad_diag_fn diag, void *userdata, dyad_status *status)
{
    dyad_status dummy;
    status = status ? status : &dummy;
    int named = path && strcmp(path, "-");
    agg_reader *r = reader_new(named ? path : "<stdin>", format, strict, diag, userdata);
    if (!r) {
        *status = DYAD_ENOMEM;
        return NULL;
    }
    if (format == AGG_IN_AUTO && named)
        r->format = format_from_name(path);
    if (r->format == AGG_IN_SQLITE)
        *status = named ? open_sqlite(r, path) : DYAD_EINVAL;
    else
        *status = open_text(r, path);
    if (*status != DYAD_OK) {
        agg_reader_free(r);
        return NULL;
    }
    return r;
}

void agg_reader_free(agg_reader *r)
{
    if (!r)
        return;
    if (r->close_f && r->f)
        fclose(r->f);
    agg_json_free(&r->json);
    sqlite3_finalize(r->st);
    sqlite3_close(r->db);
    free(r->line);
    free(r->name);
    free(r);
}

/* ---- Records ------------------------------------------------------------ */

static int is_code(const char *s)
{
    size_t n = strlen(s);
    if (n < 2 || n > 4)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* Fills what a format may lack and says what makes the record unusable
 * (NULL when it is fine). */
static const char *complete(agg_reader *r, agg_event *ev, const char *date)
{
    ev->date = date_parse(date, strlen(date));
    if (!ev->date)
        return *date ? "date is not a valid YYYYMMDD date" : "event has no date";
    if (!is_code(ev->code))
        return "event code is not a CAMEO code (2-4 digits)";
    if (!*ev->source)          /* the coder writes "---" for an absent actor; */
        ev->source = "---";    /* GDELT and hand-made files leave it blank */
    if (!*ev->target)
        ev->target = "---";
    if (strncmp(ev->root, ev->code, 2) || strlen(ev->root) != 2)
        ev->root = io_root_of(ev->code, r->root);
    if (ev->quad < 1 || ev->quad > 4)
        ev->quad = io_quad_of_root(ev->root);
    if (!ev->quad)
        return "event root code is not a CAMEO root (01-20)";
    int q;
    if (isnan(ev->goldstein) && !dyad_cameo_lookup(ev->code, &ev->goldstein, &q, NULL))
        ev->goldstein = 0;
    return NULL;
}

static void clear_event(agg_event *ev, long line)
{
    memset(ev, 0, sizeof *ev);
    ev->doc_id = ev->source = ev->target = ev->code = ev->root = "";
    ev->source_text = ev->target_text = ev->verb_text = ev->sentence_text = "";
    ev->url = ev->issues = "";
    ev->sentence = -1;
    ev->goldstein = NAN;
    ev->line = line;
}

static const char *parse_json(agg_reader *r, agg_event *ev)
{
    agg_json *j = &r->json;
    const char *why = agg_json_parse(j, r->line, (size_t)r->len);
    if (why)
        return why;
    if (j->has_num[AJ_SCHEMA] && (j->has_num[AJ_SCHEMA] != 2 || j->num[AJ_SCHEMA] != 1))
        return "unknown event schema version (this dyad reads 1)";
    ev->doc_id = j->str[AJ_DOC_ID];
    ev->sentence = j->has_num[AJ_SENTENCE] == 2 ? (long)j->num[AJ_SENTENCE] : -1;
    ev->source = j->str[AJ_SOURCE];
    ev->target = j->str[AJ_TARGET];
    ev->code = j->str[AJ_CODE];
    ev->root = j->str[AJ_ROOT];
    ev->quad = j->has_num[AJ_QUAD] == 2 ? (int)j->num[AJ_QUAD] : 0;
    if (j->has_num[AJ_GOLDSTEIN] > 0)
        ev->goldstein = j->num[AJ_GOLDSTEIN];
    ev->source_text = j->str[AJ_SOURCE_TEXT];
    ev->target_text = j->str[AJ_TARGET_TEXT];
    ev->verb_text = j->str[AJ_VERB_TEXT];
    ev->sentence_text = j->str[AJ_SENTENCE_TEXT];
    ev->url = j->str[AJ_URL];
    ev->issues = j->str[AJ_ISSUES];
    ev->source_span = j->span[0];
    ev->target_span = j->span[1];
    ev->verb_span = j->span[2];
    ev->sentence_span = j->span[3];
    return complete(r, ev, j->str[AJ_DATE]);
}

static void split_tabs(agg_reader *r)
{
    char *p = r->line;
    r->nfield = 0;
    while (r->nfield < MAX_FIELDS) {
        r->field[r->nfield++] = p;
        p = strchr(p, '\t');
        if (!p)
            break;
        *p++ = '\0';
    }
}

static const char *col(agg_reader *r, int i)
{
    return i < r->nfield ? r->field[i] : "";
}

/* PETRARCH's ids column: "doc-sentence[;doc-sentence...]": the first one. */
static void split_ids(agg_event *ev, char *ids)
{
    ids[strcspn(ids, ";")] = '\0';
    char *dash = strrchr(ids, '-');
    ev->doc_id = ids;
    if (dash && dash[1] && strspn(dash + 1, "0123456789") == strlen(dash + 1)) {
        *dash = '\0';
        ev->sentence = strtol(dash + 1, NULL, 10);
    }
}

static double number_or_nan(const char *s)
{
    char *end;
    double v = strtod(s, &end);
    return *s && !*end ? v : NAN;
}

static const char *parse_tsv(agg_reader *r, agg_event *ev)
{
    split_tabs(r);
    if (r->nfield < 4)
        return "fewer than 4 tab-separated columns (date, source, target, code)";
    ev->source = col(r, 1);
    ev->target = col(r, 2);
    ev->code = col(r, 3);
    for (char *p = r->nfield > 4 ? r->field[4] : NULL; p && *p; p++)
        if (*p == ';')
            *p = ',';
    ev->issues = col(r, 4);
    if (r->nfield > 5)
        split_ids(ev, r->field[5]);
    ev->url = col(r, 6);
    ev->source_text = col(r, 8);
    ev->target_text = col(r, 9);
    ev->verb_text = col(r, 10);
    ev->root = col(r, 11);
    ev->quad = atoi(col(r, 12));
    ev->goldstein = number_or_nan(col(r, 13));
    return complete(r, ev, col(r, 0));
}

static const char *parse_gdelt(agg_reader *r, agg_event *ev)
{
    split_tabs(r);
    if (r->nfield < 57)
        return "not a GDELT event record (fewer than 57 tab-separated columns)";
    ev->source = col(r, 5);
    ev->source_text = col(r, 6);
    ev->target = col(r, 15);
    ev->target_text = col(r, 16);
    ev->code = col(r, 26);
    ev->root = col(r, 28);
    ev->quad = atoi(col(r, 29));
    ev->goldstein = number_or_nan(col(r, 30));
    ev->url = ev->doc_id = col(r, r->nfield - 1);
    return complete(r, ev, col(r, 1));
}

static const char *scol(agg_reader *r, int i)
{
    const char *s = (const char *)sqlite3_column_text(r->st, i);
    return s ? s : "";
}

static dyad_span sspan(agg_reader *r, int i)
{
    dyad_span s = {(uint32_t)sqlite3_column_int64(r->st, i),
                   (uint32_t)sqlite3_column_int64(r->st, i + 1)};
    return s;
}

static const char *parse_row(agg_reader *r, agg_event *ev)
{
    ev->line = (long)sqlite3_column_int64(r->st, 0);
    ev->doc_id = scol(r, 1);
    ev->sentence = (long)sqlite3_column_int64(r->st, 2);
    snprintf(r->datebuf, sizeof r->datebuf, "%s", scol(r, 3));
    ev->source = scol(r, 4);
    ev->target = scol(r, 5);
    ev->code = scol(r, 6);
    ev->root = scol(r, 7);
    ev->quad = sqlite3_column_int(r->st, 8);
    if (sqlite3_column_type(r->st, 9) != SQLITE_NULL)
        ev->goldstein = sqlite3_column_double(r->st, 9);
    ev->source_text = scol(r, 10);
    ev->target_text = scol(r, 11);
    ev->verb_text = scol(r, 12);
    ev->sentence_text = scol(r, 13);
    ev->url = scol(r, 14);
    ev->issues = scol(r, 15);
    ev->source_span = sspan(r, 16);
    ev->target_span = sspan(r, 18);
    ev->verb_span = sspan(r, 20);
    ev->sentence_span = sspan(r, 22);
    return complete(r, ev, r->datebuf);
}

/* The next raw record: a non-blank line, or a row. 0 at the end. */
static int next_record(agg_reader *r, dyad_status *st)
{
    if (r->st) {
        int rc = sqlite3_step(r->st);
        if (rc == SQLITE_ROW)
            return 1;
        if (rc != SQLITE_DONE) {
            diag_emit(r->diag, r->ud, DYAD_ERROR, r->name, 0, -1, "reading events: %s",
                      sqlite3_errmsg(r->db));
            *st = DYAD_EIO;
        }
        return 0;
    }
    while (read_line(r))
        if (r->len > 0)
            return 1;
    if (ferror(r->f)) {
        diag_emit(r->diag, r->ud, DYAD_ERROR, r->name, r->lineno, -1, "read error: %s",
                  strerror(errno));
        *st = DYAD_EIO;
    }
    return 0;
}

dyad_status agg_reader_next(agg_reader *r, agg_event *ev)
{
    for (;;) {
        dyad_status st = DYAD_EEND;
        if (!next_record(r, &st))
            return st;
        clear_event(ev, r->lineno);
        const char *why;
        switch (r->format) {
        case AGG_IN_JSONL: why = parse_json(r, ev); break;
        case AGG_IN_TSV: why = parse_tsv(r, ev); break;
        case AGG_IN_GDELT: why = parse_gdelt(r, ev); break;
        default: why = parse_row(r, ev); break;
        }
        if (!why)
            return DYAD_OK;
        r->rejected++;
        diag_emit(r->diag, r->ud, DYAD_ERROR, r->name, ev->line, -1, "%s", why);
        if (r->strict)
            return DYAD_EFORMAT;
    }
}
