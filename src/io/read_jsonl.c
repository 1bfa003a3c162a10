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
    buf scratch;  /* fast path: decoded strings of one line */
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
    buf_init(&st->scratch);
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


/* ---- Fast path ------------------------------------------------------------ */

/* The common record (an object of strings and nulls, the configured fields
 * each at most once, no reason to reject) is read here without building a
 * jansson tree, which cost as much as coding it. Anything else, including
 * every record that would be rejected or warned about, returns false and
 * goes to jansson, so messages and results are the same either way. */

typedef struct fast_val {
    int seen;        /* 0 absent, 1 string, 2 null */
    size_t off, len; /* decoded string in st->scratch */
} fast_val;

static size_t fast_ws(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    return i;
}

/* Decodes the string opening at s[i] == '"' into out; returns the index after
 * the closing quote, 0 when the fast path declines. */
static size_t fast_string(const char *s, size_t n, size_t i, buf *out)
{
    size_t run = ++i;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"') {
            buf_append(out, s + run, i - run);
            return i + 1;
        }
        if (c < 0x20)
            return 0;
        if (c != '\\') {
            i++;
            continue;
        }
        buf_append(out, s + run, i - run);
        if (i + 1 >= n)
            return 0;
        char e = s[i + 1], ch;
        unsigned u;
        switch (e) {
        case '"': case '\\': case '/': ch = e; break;
        case 'b': ch = '\b'; break;
        case 'f': ch = '\f'; break;
        case 'n': ch = '\n'; break;
        case 'r': ch = '\r'; break;
        case 't': ch = '\t'; break;
        case 'u':
            if (i + 6 > n || !hex4_decode(s + i + 2, &u) || u == 0 ||
                (u >= 0xD800 && u <= 0xDFFF))
                return 0;   /* NUL and surrogates: jansson's rules */
            buf_put_utf8(out, u);
            i += 6;
            run = i;
            continue;
        default:
            return 0;
        }
        buf_append(out, &ch, 1);
        i += 2;
        run = i;
    }
    return 0;
}

/* Parses the object into v[]; false to decline. A key naming several slots
 * (the id field "link") fills each. */
static bool fast_object(jsonl_state *st, const char *s, size_t n, fast_val *v)
{
    buf_clear(&st->scratch);
    size_t i = fast_ws(s, n, 0);
    if (i >= n || s[i] != '{')
        return false;
    i = fast_ws(s, n, i + 1);
    if (i < n && s[i] == '}')
        return fast_ws(s, n, i + 1) == n;
    for (;;) {
        if (i >= n || s[i] != '"')
            return false;
        size_t k0 = i + 1, k1 = k0;
        while (k1 < n && s[k1] != '"' && s[k1] != '\\' && (unsigned char)s[k1] >= 0x20)
            k1++;
        if (k1 >= n || s[k1] != '"')
            return false;
        i = fast_ws(s, n, k1 + 1);
        if (i >= n || s[i] != ':')
            return false;
        i = fast_ws(s, n, i + 1);
        int seen;
        size_t off = st->scratch.len;
        if (i < n && s[i] == '"') {
            if (!(i = fast_string(s, n, i, &st->scratch)))
                return false;
            seen = 1;
        } else if (n - i >= 4 && !memcmp(s + i, "null", 4)) {
            i += 4;
            seen = 2;
        } else {
            return false;
        }
        const char *more[] = {st->date_field, st->id_field, "title", "url", "link"};
        for (size_t f = 0; f < st->ntext + DYAD_COUNT(more); f++) {
            const char *name = f < st->ntext ? st->text_fields[f] : more[f - st->ntext];
            if (strlen(name) != k1 - k0 || memcmp(name, s + k0, k1 - k0))
                continue;
            if (v[f].seen)
                return false;   /* a repeated key: jansson decides */
            v[f] = (fast_val){seen, off, st->scratch.len - off};
        }
        i = fast_ws(s, n, i);
        if (i < n && s[i] == ',') {
            i = fast_ws(s, n, i + 1);
            continue;
        }
        if (i < n && s[i] == '}')
            return !st->scratch.failed && fast_ws(s, n, i + 1) == n;
        return false;
    }
}

/* The document from a fast-parsed object, as object_to_doc would make it;
 * false (nothing changed that matters) when it would reject. */
static bool fast_to_doc(dyad_reader *r, jsonl_state *st, const char *s, size_t n,
                        long line, dyad_doc *doc)
{
    fast_val v[MAX_TEXT_FIELDS + 5] = {0};
    if (!fast_object(st, s, n, v))
        return false;
    const char *sc = st->scratch.data;
    const fast_val *date = &v[st->ntext], *id = &v[st->ntext + 1];
    size_t found = 0;
    for (size_t f = 0; f < st->ntext; f++)
        found += v[f].seen == 1;   /* null counts as absent */
    if (!found)
        return false;   /* "is missing": jansson's path says so */
    int32_t d = r->opts.doc_date;
    if (date->seen == 1 && !(d = date_parse(sc + date->off, date->len)))
        return false;
    for (size_t f = 0; f < st->ntext; f++) {
        if (v[f].seen != 1 || v[f].len == 0)
            continue;
        if (r->text.len)
            buf_append(&r->text, "\n\n", 2);
        buf_append(&r->text, sc + v[f].off, v[f].len);
    }
    doc->date = d;
    doc->id = id->seen == 1 ? arena_strndup(&r->strings, sc + id->off, id->len)
                            : arena_printf(&r->strings, "%s:%ld", r->name, line);
    const fast_val *t = &v[st->ntext + 2], *u = &v[st->ntext + 3];
    if (u->seen != 1)
        u = &v[st->ntext + 4];
    if (t->seen == 1)
        doc->title = arena_strndup(&r->strings, sc + t->off, t->len);
    if (u->seen == 1)
        doc->url = arena_strndup(&r->strings, sc + u->off, u->len);
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
    if (!r->jsonl_jansson_only && fast_to_doc(r, st, s, n, line, doc)) {
        if (r->text.failed || !doc->id) {
            *status = DYAD_ENOMEM;
            return false;
        }
        doc->text = r->text.data ? r->text.data : "";
        doc->text_len = r->text.len;
        doc->line = line;
        return true;
    }
    buf_clear(&r->text);
    arena_reset(&r->strings);
    memset(doc, 0, sizeof *doc);
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
    buf_free(&st->scratch);
    free(st->fields_mem);
    free(st);
    r->state = NULL;
}

const io_format_ops io_jsonl_ops = {jsonl_next, jsonl_free};
