/* write.c: dyad_writer_* (the public writer API) and the helpers all event
 * formats share. Owns dispatch to the per-format tables in write_*.c, the
 * sticky error, and the cleaning of text fields (UTF-8, tabs, newlines) so
 * every format is safe to read back line by line. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "write.h"

dyad_writer *dyad_writer_open(dyad_output_format format, FILE *out,
                              const char *path, dyad_status *status)
{
    static const io_writer_vt *const tables[] = {
        [DYAD_OUTPUT_JSONL] = &io_writer_jsonl,
        [DYAD_OUTPUT_TSV] = &io_writer_tsv,
        [DYAD_OUTPUT_GDELT] = &io_writer_gdelt,
        [DYAD_OUTPUT_SQLITE] = &io_writer_sqlite,
    };
    dyad_status dummy;
    if (!status)
        status = &dummy;
    if ((unsigned)format >= DYAD_COUNT(tables) ||
        (format == DYAD_OUTPUT_SQLITE ? !path : !out)) {
        *status = DYAD_EINVAL;
        return NULL;
    }
    dyad_writer *w = calloc(1, sizeof *w);
    if (!w || (path && !(w->path = strdup(path)))) {
        free(w);
        *status = DYAD_ENOMEM;
        return NULL;
    }
    w->vt = tables[format];
    w->out = out;
    buf_init(&w->line);
    *status = w->vt->open ? w->vt->open(w) : DYAD_OK;
    if (*status != DYAD_OK) {
        if (w->vt->close)
            w->vt->close(w);
        buf_free(&w->line);
        free(w->path);
        free(w);
        return NULL;
    }
    return w;
}

/* Line formats: count events first, so GDELT's GlobalEventID is 1-based. */
static dyad_status write_lines(dyad_writer *w, const dyad_doc *doc,
                               const dyad_event *events, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        w->events++;
        w->vt->line(w, doc, &events[i]);
        if (io_writer_flush_line(w) != DYAD_OK)
            break;
    }
    return w->error;
}

dyad_status dyad_writer_write(dyad_writer *w, const dyad_doc *doc,
                              const dyad_event *events, size_t count)
{
    if (!w || !doc || (count && !events))
        return DYAD_EINVAL;
    if (w->error != DYAD_OK)
        return w->error;
    dyad_status st = w->vt->line ? write_lines(w, doc, events, count)
                                 : w->vt->write(w, doc, events, count);
    if (st != DYAD_OK && w->error == DYAD_OK)
        w->error = st;
    return w->error;
}

dyad_status dyad_writer_close(dyad_writer *w)
{
    if (!w)
        return DYAD_OK;
    dyad_status st = w->vt->close ? w->vt->close(w) : DYAD_OK;
    if (w->error == DYAD_OK)
        w->error = st;
    if (w->error == DYAD_OK && w->out && fflush(w->out) != 0)
        w->error = DYAD_EIO;
    st = w->error;
    buf_free(&w->line);
    free(w->path);
    free(w);
    return st;
}

dyad_status io_writer_flush_line(dyad_writer *w)
{
    if (w->line.failed)
        w->error = w->error ? w->error : DYAD_ENOMEM;
    else if (w->line.len && fwrite(w->line.data, 1, w->line.len, w->out) != w->line.len)
        w->error = w->error ? w->error : DYAD_EIO;
    buf_clear(&w->line);
    return w->error;
}

const char *io_str(const char *s)
{
    return s ? s : "";
}

const char *io_span_text(const dyad_doc *doc, dyad_span s, size_t *len)
{
    *len = 0;
    if (!doc->text || s.end <= s.begin || s.end > doc->text_len)
        return "";
    *len = s.end - s.begin;
    return doc->text + s.begin;
}

const char *io_root_of(const char *code, char out[3])
{
    out[0] = '\0';
    if (code && code[0] >= '0' && code[0] <= '9' && code[1] >= '0' && code[1] <= '9') {
        out[0] = code[0];
        out[1] = code[1];
        out[2] = '\0';
    }
    return out;
}

int io_quad_of_root(const char *root)
{
    if (!root || root[0] < '0' || root[0] > '9' || root[1] < '0' || root[1] > '9')
        return 0;
    int r = (root[0] - '0') * 10 + (root[1] - '0');
    if (r >= 1 && r <= 4)
        return 1;
    if (r >= 5 && r <= 8)
        return 2;
    if (r >= 9 && r <= 13)
        return 3;
    if (r >= 14 && r <= 20)
        return 4;
    return 0;
}

size_t io_utf8_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t len;
    unsigned cp;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4, cp = c & 0x07;
    else
        return 0;
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return len;
}

/* Appends s with invalid UTF-8 replaced; bytes < 0x20 go through escape(). */
static void put_clean(buf *b, const char *s, size_t len,
                      void (*escape)(buf *b, unsigned char c))
{
    const unsigned char *p = (const unsigned char *)s;
    size_t run = 0, i = 0;
    while (i < len) {
        unsigned char c = p[i];
        size_t n = 1;
        if (c < 0x80) {            /* plain ASCII is nearly all of news text */
            if (c >= 0x20 && c != '"' && c != '\\') {
                i++;
                continue;
            }
        } else if ((n = io_utf8_len(p + i, len - i)) != 0) {
            i += n;
            continue;
        }
        buf_append(b, s + run, i - run);
        if (!n) {
            buf_puts(b, "\xEF\xBF\xBD");
            n = 1;
        } else {
            escape(b, c);
        }
        i += n;
        run = i;
    }
    buf_append(b, s + run, len - run);
}

static void json_escape_byte(buf *b, unsigned char c)
{
    buf_json_escape(b, (const char *)&c, 1);
}

static void field_escape_byte(buf *b, unsigned char c)
{
    buf_putc(b, c < 0x20 ? ' ' : (char)c);
}

void io_json_text(buf *b, const char *s, size_t len)
{
    put_clean(b, s, len, json_escape_byte);
}

void io_field_text(buf *b, const char *s, size_t len)
{
    put_clean(b, s, len, field_escape_byte);
}

void io_put_uint(buf *b, uint64_t v)
{
    char tmp[24];
    size_t i = sizeof tmp;
    do
        tmp[--i] = (char)('0' + v % 10);
    while (v /= 10);
    buf_append(b, tmp + i, sizeof tmp - i);
}

void io_put_double(buf *b, double v)
{
    if (!isfinite(v)) {
        buf_putc(b, '0');
        return;
    }
    double tenths = round(v * 10);
    if (fabs(v) < 1e15 && tenths / 10.0 == v) {   /* CAMEO scores: one decimal */
        uint64_t t = (uint64_t)fabs(tenths);
        if (v < 0 && t)
            buf_putc(b, '-');
        io_put_uint(b, t / 10);
        if (t % 10) {
            buf_putc(b, '.');
            buf_putc(b, (char)('0' + t % 10));
        }
        return;
    }
    char tmp[64];
    if (fabs(v) < 1e15) {
        for (int decimals = 0; decimals <= 17; decimals++) {
            snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
            if (strtod(tmp, NULL) == v) {
                buf_puts(b, strcmp(tmp, "-0") ? tmp : "0");
                return;
            }
        }
    }
    snprintf(tmp, sizeof tmp, "%.17g", v);
    buf_puts(b, tmp);
}
