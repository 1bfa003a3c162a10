/* read_text.c: the plain-text reader: the whole stream is one document,
 * with its id (default: the file name) and date from the reader options.
 * Owns nothing beyond the reader's text buffer; a file larger than
 * IO_MAX_RECORD is rejected rather than held. */
#include <string.h>

#include "read.h"

/* Reads everything into r->text; false when the limit or an error stops it. */
static dyad_status slurp(dyad_reader *r, bool *too_big)
{
    io_src *s = &r->src;
    *too_big = false;
    for (;;) {
        if (s->pos == s->len && !io_src_fill(s))
            return s->in.failed ? io_stream_error(r) : DYAD_OK;
        size_t n = s->len - s->pos;
        if (!*too_big && r->text.len + n > IO_MAX_RECORD) {
            *too_big = true;
            buf_free(&r->text);
        }
        if (!*too_big) {
            buf_append(&r->text, s->chunk + s->pos, n);
            if (r->text.failed)
                return DYAD_ENOMEM;
        }
        s->pos = s->len;
    }
}

static dyad_status text_next(dyad_reader *r, dyad_doc *doc)
{
    if (r->state)
        return DYAD_EEND;
    r->state = &r->state;  /* any non-NULL: the one document was read */
    bool too_big;
    dyad_status st = slurp(r, &too_big);
    if (st != DYAD_OK)
        return st;
    if (too_big) {
        st = io_reject(r, 0, "document larger than %zu MB; skipped",
                       IO_MAX_RECORD >> 20);
        return st != DYAD_OK ? st : DYAD_EEND;
    }
    doc->id = r->opts.doc_id ? r->opts.doc_id : r->name;
    doc->date = r->opts.doc_date;
    doc->text = r->text.data ? r->text.data : "";
    doc->text_len = r->text.len;
    doc->line = 1;
    return DYAD_OK;
}

static void text_free(dyad_reader *r)
{
    r->state = NULL;
}

const io_format_ops io_text_ops = {text_next, text_free};
