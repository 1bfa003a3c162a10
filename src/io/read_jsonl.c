/* read_jsonl.c: the JSON Lines reader: one JSON object per line, parsed
 * with jansson. Owns the field configuration (text fields joined as
 * paragraphs, date field, id field) and the per-line repair of invalid UTF-8
 * (jansson refuses it; the bytes are replaced and a warning given, since the
 * record itself is fine). A line jansson cannot parse is a rejected record. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "read.h"

#define MAX_TEXT_FIELDS 16

typedef struct jsonl_state {
    char *fields_mem;
    const char *text_fields[MAX_TEXT_FIELDS];
    size_t ntext;
    const char *date_field, *id_field;
    buf fixed;  /* the line with invalid UTF-8 replaced */
} jsonl_state;

static jsonl_state *state_new(dyad_reader *r)
{
    jsonl_state *st = calloc(1, sizeof *st);
    if (!st)
        return NULL;
    const dyad_reader_opts *o = &r->opts;
    st->fields_mem = strdup(o->text_field && *o->text_field ? o->text_field : "text");
    if (!st->fields_mem) {
        free(st);
        return NULL;
    }
    for (char *save = NULL, *f = strtok_r(st->fields_mem, ",", &save);
         f && st->ntext < MAX_TEXT_FIELDS; f = strtok_r(NULL, ",", &save)) {
        while (*f == ' ')
            f++;  /* "headline, short_description" */
        size_t n = strlen(f);
        while (n && f[n - 1] == ' ')
            f[--n] = '\0';
        if (n)
            st->text_fields[st->ntext++] = f;
    }
    st->date_field = o->date_field && *o->date_field ? o->date_field : "date";
    st->id_field = o->id_field && *o->id_field ? o->id_field : "id";
    buf_init(&st->fixed);
    return st;
}

/* Joins the text fields as paragraphs ("\n\n") so that a headline stays a
 * sentence of its own. Returns a reject reason, or NULL. */
static const char *join_text(dyad_reader *r, jsonl_state *st, json_t *obj,
                             const char **bad_field)
{
    size_t found = 0;
    for (size_t i = 0; i < st->ntext; i++) {
        json_t *v = json_object_get(obj, st->text_fields[i]);
        if (!v || json_is_null(v))
            continue;
        found++;
        if (!json_is_string(v)) {
            *bad_field = st->text_fields[i];
            return "is not a string";
        }
        size_t n = json_string_length(v);
        if (n == 0)
            continue;
        if (r->text.len)
            buf_append(&r->text, "\n\n", 2);
        buf_append(&r->text, json_string_value(v), n);
    }
    if (!found) {
        *bad_field = r->opts.text_field && *r->opts.text_field ? r->opts.text_field
                                                              : "text";
        return "is missing";
    }
    return NULL;
}

/* Fills doc->date; returns false (and rejects) on a present but bad date. */
static bool get_date(dyad_reader *r, jsonl_state *st, json_t *obj, long line,
                     dyad_doc *doc, dyad_status *status)
{
    json_t *v = json_object_get(obj, st->date_field);
    if (!v || json_is_null(v)) {
        doc->date = r->opts.doc_date;  /* the caller's default, 0 if none */
        return true;
    }
    char tmp[32];
    const char *s = tmp;
    size_t n;
    if (json_is_string(v)) {
        s = json_string_value(v);
        n = json_string_length(v);
    } else if (json_is_integer(v)) {
        n = (size_t)snprintf(tmp, sizeof tmp, "%lld", (long long)json_integer_value(v));
    } else {
        *status = io_reject(r, line, "field '%s' is not a date", st->date_field);
        return false;
    }
    doc->date = date_parse(s, n);
    if (doc->date == 0) {
        *status = io_reject(r, line, "field '%s': bad date '%.40s' (want YYYYMMDD, "
                            "YYYY-MM-DD or an ISO timestamp)", st->date_field, s);
        return false;
    }
    return true;
}

static bool get_id(dyad_reader *r, jsonl_state *st, json_t *obj, long line,
                   dyad_doc *doc, dyad_status *status)
{
    json_t *v = json_object_get(obj, st->id_field);
    if (json_is_string(v))
        doc->id = arena_strndup(&r->strings, json_string_value(v), json_string_length(v));
    else if (json_is_integer(v))
        doc->id = arena_printf(&r->strings, "%lld", (long long)json_integer_value(v));
    else if (!v || json_is_null(v))
        doc->id = arena_printf(&r->strings, "%s:%ld", r->name, line);
    else {
        *status = io_reject(r, line, "field '%s' is not a string or integer", st->id_field);
        return false;
    }
    if (!doc->id) {
        *status = DYAD_ENOMEM;
        return false;
    }
    return true;
}

/* Title and URL travel to the writers (GDELT's SOURCEURL): "title", and
 * "url" or else "link" (as in the HuffPost and many news dumps). */
static void get_extras(dyad_reader *r, json_t *obj, dyad_doc *doc)
{
    json_t *v = json_object_get(obj, "title");
    if (json_is_string(v))
        doc->title = arena_strdup(&r->strings, json_string_value(v));
    v = json_object_get(obj, "url");
    if (!json_is_string(v))
        v = json_object_get(obj, "link");
    if (json_is_string(v))
        doc->url = arena_strdup(&r->strings, json_string_value(v));
}

/* One parsed object to a document: false when it was rejected (or failed). */
static bool object_to_doc(dyad_reader *r, jsonl_state *st, json_t *obj, long line,
                          dyad_doc *doc, dyad_status *status)
{
    const char *field = NULL;
    const char *why = join_text(r, st, obj, &field);
    if (why) {
        *status = io_reject(r, line, "text field '%s' %s", field, why);
        return false;
    }
    if (r->text.failed) {
        *status = DYAD_ENOMEM;
        return false;
    }
    if (!get_date(r, st, obj, line, doc, status) || !get_id(r, st, obj, line, doc, status))
        return false;
    get_extras(r, obj, doc);
    doc->text = r->text.data ? r->text.data : "";
    doc->text_len = r->text.len;
    doc->line = line;
    return true;
}

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return false;
    return true;
}

/* Parses one line; false when the line was rejected (*status says whether to
 * go on). */
static bool parse_line(dyad_reader *r, jsonl_state *st, const char *s, size_t n,
                       long line, dyad_doc *doc, dyad_status *status)
{
    if (io_utf8_valid(s, n) != n) {
        buf_clear(&st->fixed);
        size_t bad = io_utf8_sanitize(&st->fixed, s, n);
        if (st->fixed.failed) {
            *status = DYAD_ENOMEM;
            return false;
        }
        io_warn(r, line, "invalid UTF-8: %zu byte%s replaced by U+FFFD", bad,
                bad == 1 ? "" : "s");
        s = st->fixed.data;
        n = st->fixed.len;
    }
    json_error_t err;
    json_t *obj = json_loadb(s, n, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
    if (!obj) {
        *status = io_reject(r, line, "invalid JSON: %s (column %d)", err.text, err.column);
        return false;
    }
    bool ok;
    if (!json_is_object(obj)) {
        *status = io_reject(r, line, "not a JSON object");
        ok = false;
    } else {
        ok = object_to_doc(r, st, obj, line, doc, status);
    }
    json_decref(obj);
    if (st->fixed.cap > ((size_t)8 << 20))
        buf_free(&st->fixed);
    return ok;
}

static dyad_status jsonl_next(dyad_reader *r, dyad_doc *doc)
{
    jsonl_state *st = r->state;
    if (!st && !(st = r->state = state_new(r)))
        return DYAD_ENOMEM;
    for (;;) {
        const char *s;
        size_t n;
        long line;
        io_line_result lr = io_src_line(&r->src, IO_MAX_RECORD, &s, &n, &line);
        if (lr == IO_LINE_EOF)
            return DYAD_EEND;
        if (lr == IO_LINE_ERROR)
            return r->src.in.failed ? io_stream_error(r) : DYAD_ENOMEM;
        dyad_status status = DYAD_OK;
        if (lr == IO_LINE_TOO_LONG) {
            status = io_reject(r, line, "line longer than %zu MB; skipped",
                               IO_MAX_RECORD >> 20);
        } else {
            if (line == 1 && n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) {
                s += 3;  /* a byte-order mark some tools write */
                n -= 3;
            }
            if (blank(s, n))
                continue;
            arena_reset(&r->strings);
            buf_clear(&r->text);
            memset(doc, 0, sizeof *doc);
            if (parse_line(r, st, s, n, line, doc, &status))
                return DYAD_OK;
        }
        if (status != DYAD_OK)
            return status;
    }
}

static void jsonl_free(dyad_reader *r)
{
    jsonl_state *st = r->state;
    if (!st)
        return;
    buf_free(&st->fixed);
    free(st->fields_mem);
    free(st);
    r->state = NULL;
}

const io_format_ops io_jsonl_ops = {jsonl_next, jsonl_free};
