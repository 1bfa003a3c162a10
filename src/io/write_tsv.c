/* write_tsv.c: events in PETRARCH2's event-file layout (PETRwriter's
 * write_events, read for its column order): date, source, target, code,
 * issues, ids, url, story source, then the actor and event texts as with
 * its WriteActorText/WriteEventText options on. dyad always writes every
 * column (PETRARCH drops the url column when a story has none, which shifts
 * the rest) and appends root, quad class and Goldstein so the file is
 * complete on its own. Layout in docs/formats.md. */
#include <string.h>

#include "write.h"

static void field(buf *b, const char *s)
{
    io_field_text(b, io_str(s), strlen(io_str(s)));
    buf_putc(b, '\t');
}

static void slice(buf *b, const dyad_doc *doc, dyad_span s)
{
    size_t len;
    const char *p = io_span_text(doc, s, &len);
    io_field_text(b, p, len);
    buf_putc(b, '\t');
}

/* PETRARCH joins issues with ';' ("CODE,count;..."); dyad has codes only. */
static void issues(buf *b, const char *s)
{
    for (s = io_str(s); *s; s++)
        buf_putc(b, *s == ',' ? ';' : (*s == '\t' || *s == '\n') ? ' ' : *s);
    buf_putc(b, '\t');
}

static void event(buf *b, const dyad_doc *doc, const dyad_event *e)
{
    char root[3];
    const char *r = e->root && *e->root ? e->root : io_root_of(e->code, root);
    if (e->date > 0)
        buf_printf(b, "%08d\t", (int)e->date);
    else
        buf_putc(b, '\t');
    field(b, e->source);
    field(b, e->target);
    field(b, e->code);
    issues(b, e->issues);
    const char *id = e->doc_id ? e->doc_id : doc->id;
    io_field_text(b, io_str(id), strlen(io_str(id)));
    buf_printf(b, "-%u\t", e->sentence);
    field(b, doc->url);
    field(b, "NULL"); /* story source: PETRARCH's value when unknown */
    slice(b, doc, e->source_span);
    slice(b, doc, e->target_span);
    slice(b, doc, e->verb_span);
    field(b, r);
    buf_printf(b, "%d\t", e->quad ? e->quad : io_quad_of_root(r));
    io_put_double(b, e->goldstein);
    buf_putc(b, '\n');
}

static void tsv_line(dyad_writer *w, const dyad_doc *doc, const dyad_event *e)
{
    event(&w->line, doc, e);
}

const io_writer_vt io_writer_tsv = {"tsv", NULL, NULL, NULL, tsv_line};
