/* read.c: the public document reader (dyad_reader_*): opens the byte
 * stream, picks the format, and owns what every format shares: the chunked
 * source with line counting, the bounded line splitter, UTF-8 repair, and
 * the reject/count/strict policy. The formats live in read_text.c,
 * read_jsonl.c and read_xml.c. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read.h"

/* ---- Source ------------------------------------------------------------ */

bool io_src_fill(io_src *s)
{
    if (s->in.failed)
        return false;
    ssize_t n = io_instream_read(&s->in, s->chunk, IO_CHUNK);
    if (n <= 0)
        return false;
    s->pos = 0;
    s->len = (size_t)n;
    return true;
}

/* Appends more input to the chunk without consuming any (for peeking at
 * the start of a stream); false at the end or on error. */
bool io_src_fill_more(io_src *s)
{
    if (s->in.failed || s->len == IO_CHUNK)
        return false;
    ssize_t n = io_instream_read(&s->in, s->chunk + s->len, IO_CHUNK - s->len);
    if (n <= 0)
        return false;
    s->len += (size_t)n;
    return true;
}

/* Skips to the end of an over-long line without keeping it. */
static io_line_result skip_line(io_src *s)
{
    for (;;) {
        if (s->pos == s->len && !io_src_fill(s))
            return s->in.failed ? IO_LINE_ERROR : IO_LINE_TOO_LONG;
        unsigned char *nl = memchr(s->chunk + s->pos, '\n', s->len - s->pos);
        size_t end = nl ? (size_t)(nl - s->chunk) + 1 : s->len;
        s->offset += (long long)(end - s->pos);
        s->pos = end;
        if (nl) {
            s->line++;
            return IO_LINE_TOO_LONG;
        }
    }
}

static void trim_cr(const char **line, size_t *len)
{
    if (*len && (*line)[*len - 1] == '\r')
        (*len)--;
}

io_line_result io_src_line(io_src *s, size_t max, const char **line,
                           size_t *len, long *lineno)
{
    *lineno = s->line;
    /* Big line buffers from a huge record are not kept for the whole run. */
    if (s->line_buf.cap > ((size_t)8 << 20))
        buf_free(&s->line_buf);
    buf_clear(&s->line_buf);
    bool any = false;
    for (;;) {
        if (s->pos == s->len && !io_src_fill(s)) {
            if (s->in.failed)
                return IO_LINE_ERROR;
            if (!any)
                return IO_LINE_EOF;
            break;
        }
        any = true;
        unsigned char *start = s->chunk + s->pos;
        unsigned char *nl = memchr(start, '\n', s->len - s->pos);
        size_t n = nl ? (size_t)(nl - start) : s->len - s->pos;
        s->pos += n + (nl ? 1 : 0);
        s->offset += (long long)(n + (nl ? 1 : 0));
        if (nl && s->line_buf.len == 0) {
            /* Common case: the whole line sits in the chunk; no copy. */
            s->line++;
            if (n > max)
                return IO_LINE_TOO_LONG;
            *line = (const char *)start;
            *len = n;
            trim_cr(line, len);
            return IO_LINE_OK;
        }
        if (s->line_buf.len + n > max) {
            buf_clear(&s->line_buf);
            if (nl) {
                s->line++;
                return IO_LINE_TOO_LONG;
            }
            return skip_line(s);
        }
        buf_append(&s->line_buf, start, n);
        if (s->line_buf.failed)
            return IO_LINE_ERROR;
        if (nl) {
            s->line++;
            break;
        }
    }
    *line = s->line_buf.data ? s->line_buf.data : "";
    *len = s->line_buf.len;
    trim_cr(line, len);
    return IO_LINE_OK;
}

/* ---- UTF-8 ------------------------------------------------------------- */

/* Length of the valid sequence at s (1-4), 0 when invalid. */
static size_t utf8_seq(const unsigned char *s, size_t left)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    size_t n;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;   /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else
        return 0;
    if (left < n || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return n;
}

size_t io_utf8_valid(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        size_t n = utf8_seq(p + i, len - i);
        if (!n)
            return i;
        i += n;
    }
    return len;
}

size_t io_utf8_sanitize(buf *out, const char *s, size_t len)
{
    size_t bad = 0, i = 0;
    while (i < len) {
        size_t ok = io_utf8_valid(s + i, len - i);
        buf_append(out, s + i, ok);
        i += ok;
        if (i < len) {
            buf_append(out, "\xEF\xBF\xBD", 3);
            bad++;
            i++;
        }
    }
    return bad;
}

/* ---- Diagnostics and policy -------------------------------------------- */

static void vreport(dyad_reader *r, dyad_severity sev, long line,
                    const char *fmt, va_list ap)
{
    if (!r->opts.diag)
        return;
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    dyad_diag d = {sev, r->name, line, -1, msg};
    r->opts.diag(&d, r->opts.diag_userdata);
}

dyad_status io_reject(dyad_reader *r, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(r, DYAD_ERROR, line, fmt, ap);
    va_end(ap);
    r->rejected++;
    if (r->opts.strict) {
        r->done = true;
        r->fatal = DYAD_EFORMAT;
        return DYAD_EFORMAT;
    }
    return DYAD_OK;
}

void io_warn(dyad_reader *r, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(r, DYAD_WARNING, line, fmt, ap);
    va_end(ap);
}

dyad_status io_stream_error(dyad_reader *r)
{
    diag_emit(r->opts.diag, r->opts.diag_userdata, DYAD_ERROR, r->name,
              r->src.line, -1, "%s", r->src.in.error);
    r->done = true;
    r->fatal = DYAD_EIO;
    return DYAD_EIO;
}

/* ---- Opening ----------------------------------------------------------- */

dyad_input_format io_format_guess(const char *path)
{
    if (!path)
        return DYAD_INPUT_TEXT;
    size_t n = strlen(path);
    if (n > 3 && !strcmp(path + n - 3, ".gz"))
        n -= 3;
    else if (n > 4 && !strcmp(path + n - 4, ".zst"))
        n -= 4;
    static const struct { const char *ext; dyad_input_format f; } exts[] = {
        {".jsonl", DYAD_INPUT_JSONL}, {".json", DYAD_INPUT_JSONL},
        {".ndjson", DYAD_INPUT_JSONL}, {".xml", DYAD_INPUT_PETRARCH_XML},
    };
    for (size_t i = 0; i < DYAD_COUNT(exts); i++) {
        size_t m = strlen(exts[i].ext);
        if (n > m && !strncasecmp(path + n - m, exts[i].ext, m))
            return exts[i].f;
    }
    return DYAD_INPUT_TEXT;
}

static dyad_reader *reader_new(const char *name, const dyad_reader_opts *opts,
                               dyad_status *status)
{
    dyad_reader *r = calloc(1, sizeof *r);
    if (r) {
        r->opts = *opts;
        r->name = strdup(name);
        r->src.chunk = malloc(IO_CHUNK);
        r->src.line = 1;
        arena_init(&r->strings, 4096);
        buf_init(&r->text);
        buf_init(&r->src.line_buf);
    }
    if (!r || !r->name || !r->src.chunk) {
        if (r) {
            free(r->name);
            free(r->src.chunk);
            free(r);
        }
        *status = DYAD_ENOMEM;
        return NULL;
    }
    dyad_input_format f = opts->format;
    if (f == DYAD_INPUT_AUTO)
        f = io_format_guess(name);
    r->format = f;
    r->ops = f == DYAD_INPUT_JSONL ? &io_jsonl_ops
           : f == DYAD_INPUT_PETRARCH_XML ? &io_xml_ops : &io_text_ops;
    return r;
}

/* The reader owns the stream from here; a failed open is reported once. */
static dyad_reader *reader_check_stream(dyad_reader *r, dyad_status *status)
{
    if (r->src.in.failed) {
        diag_emit(r->opts.diag, r->opts.diag_userdata, DYAD_ERROR, r->name, 0, -1,
                  "%s", r->src.in.error);
        dyad_reader_free(r);
        *status = DYAD_EIO;
        return NULL;
    }
    *status = DYAD_OK;
    return r;
}

/* Standard input has no name to guess from: its first non-blank byte
 * decides ('{' JSON Lines, '<' PETRARCH XML, else plain text). */
static void sniff_format(dyad_reader *r)
{
    io_src *s = &r->src;
    size_t i = 0;
    for (;;) {
        if (i == s->len) {
            if (s->len == IO_CHUNK || !io_src_fill_more(s))
                break;
            continue;
        }
        unsigned char c = s->chunk[i++];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        r->format = c == '{' ? DYAD_INPUT_JSONL
                  : c == '<' ? DYAD_INPUT_PETRARCH_XML : DYAD_INPUT_TEXT;
        break;
    }
    r->ops = r->format == DYAD_INPUT_JSONL ? &io_jsonl_ops
           : r->format == DYAD_INPUT_PETRARCH_XML ? &io_xml_ops : &io_text_ops;
}

dyad_reader *dyad_reader_open(const char *path, const dyad_reader_opts *opts,
                              dyad_status *status)
{
    dyad_status dummy;
    if (!status)
        status = &dummy;
    static const dyad_reader_opts none;
    if (!opts)
        opts = &none;
    bool std_in = !path || !strcmp(path, "-");
    dyad_reader *r = reader_new(std_in ? "<stdin>" : path, opts, status);
    if (!r)
        return NULL;
    io_instream_open(&r->src.in, std_in ? NULL : path);
    if (r->src.in.failed)
        return reader_check_stream(r, status);
    if (std_in && opts->format == DYAD_INPUT_AUTO)
        sniff_format(r);  /* a read error here surfaces from the first next */
    *status = DYAD_OK;
    return r;
}

dyad_reader *io_reader_open_mem(const void *data, size_t len, const char *name,
                                io_compression comp,
                                const dyad_reader_opts *opts,
                                dyad_status *status)
{
    dyad_status dummy;
    if (!status)
        status = &dummy;
    dyad_reader *r = reader_new(name ? name : "<memory>", opts, status);
    if (!r)
        return NULL;
    io_instream_open_mem(&r->src.in, data, len, comp);
    return reader_check_stream(r, status);
}

dyad_status dyad_reader_next(dyad_reader *r, dyad_doc *doc)
{
    if (!r || !doc)
        return DYAD_EINVAL;
    memset(doc, 0, sizeof *doc);
    if (r->done)
        return r->fatal ? r->fatal : DYAD_EEND;
    arena_reset(&r->strings);
    if (r->text.cap > ((size_t)8 << 20))
        buf_free(&r->text);  /* one huge record does not pin its memory */
    buf_clear(&r->text);
    dyad_status st = r->ops->next(r, doc);
    if (st == DYAD_OK) {
        r->docs++;
        doc->file = r->name;
        if (!doc->text)
            doc->text = "";
        return DYAD_OK;
    }
    r->done = true;
    if (st != DYAD_EEND)
        r->fatal = st;
    return st;
}

size_t dyad_reader_rejected(const dyad_reader *r)
{
    return r ? r->rejected : 0;
}

void dyad_reader_free(dyad_reader *r)
{
    if (!r)
        return;
    if (r->ops && r->ops->free_state)
        r->ops->free_state(r);
    io_instream_close(&r->src.in);
    buf_free(&r->src.line_buf);
    buf_free(&r->text);
    arena_free(&r->strings);
    free(r->src.chunk);
    free(r->name);
    free(r);
}
