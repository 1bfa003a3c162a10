/* write_jsonl.c: the JSON Lines event writer, schema version 1 (DESIGN.md,
 * docs/formats.md): one object per event, with the evidence texts sliced
 * from the document and the sentence text so a report can show each event
 * in context without the articles. Writes nothing for documents without
 * events. */
#include <string.h>

#include "write.h"

static void key(buf *b, const char *name)
{
    buf_puts(b, ",\"");
    buf_puts(b, name);
    buf_puts(b, "\":");
}

static void str_field(buf *b, const char *name, const char *s)
{
    key(b, name);
    buf_putc(b, '"');
    io_json_text(b, io_str(s), strlen(io_str(s)));
    buf_putc(b, '"');
}

static void slice_field(buf *b, const char *name, const dyad_doc *doc, dyad_span s)
{
    size_t len;
    const char *p = io_span_text(doc, s, &len);
    key(b, name);
    buf_putc(b, '"');
    io_json_text(b, p, len);
    buf_putc(b, '"');
}

static void spans(buf *b, const dyad_event *e)
{
    const char *name[] = {"{\"source\":[", "],\"target\":[", "],\"verb\":[", "],\"sentence\":["};
    const dyad_span *sp[] = {&e->source_span, &e->target_span, &e->verb_span,
                             &e->sentence_span};
    buf_puts(b, ",\"spans\":");
    for (int i = 0; i < 4; i++) {
        buf_puts(b, name[i]);
        io_put_uint(b, sp[i]->begin);
        buf_putc(b, ',');
        io_put_uint(b, sp[i]->end);
    }
    buf_puts(b, "]}");
}

/* "A,B" -> ["A","B"]: a list is easier to query than a joined string. */
static void issues(buf *b, const char *s)
{
    buf_puts(b, ",\"issues\":[");
    int first = 1;
    while (s && *s) {
        size_t n = strcspn(s, ",");
        if (n) {
            if (!first)
                buf_putc(b, ',');
            buf_putc(b, '"');
            io_json_text(b, s, n);
            buf_putc(b, '"');
            first = 0;
        }
        s += n + (s[n] == ',');
    }
    buf_putc(b, ']');
}

static void event(buf *b, const dyad_doc *doc, const dyad_event *e)
{
    char root[3];
    const char *r = e->root && *e->root ? e->root : io_root_of(e->code, root);
    buf_puts(b, "{\"schema\":");
    io_put_uint(b, IO_EVENT_SCHEMA);
    str_field(b, "doc_id", e->doc_id ? e->doc_id : doc->id);
    buf_puts(b, ",\"sentence\":");
    io_put_uint(b, e->sentence);
    if (e->date > 0)
        buf_printf(b, ",\"date\":\"%08d\"", (int)e->date);   /* once per event */
    else
        buf_puts(b, ",\"date\":null");
    str_field(b, "source", e->source);
    str_field(b, "target", e->target);
    str_field(b, "code", e->code);
    str_field(b, "root", r);
    buf_printf(b, ",\"quad\":%d", e->quad ? e->quad : io_quad_of_root(r));
    key(b, "goldstein");
    io_put_double(b, e->goldstein);
    slice_field(b, "source_text", doc, e->source_span);
    slice_field(b, "target_text", doc, e->target_span);
    slice_field(b, "verb_text", doc, e->verb_span);
    slice_field(b, "sentence_text", doc, e->sentence_span);
    spans(b, e);
    str_field(b, "pattern", e->pattern);
    str_field(b, "source_entry", e->source_entry);
    str_field(b, "target_entry", e->target_entry);
    issues(b, e->issues);
    buf_printf(b, ",\"negated\":%s", e->negated ? "true" : "false");
    if (doc->url && *doc->url)
        str_field(b, "url", doc->url);
    buf_puts(b, "}\n");
}

static void jsonl_line(dyad_writer *w, const dyad_doc *doc, const dyad_event *e)
{
    event(&w->line, doc, e);
}

const io_writer_vt io_writer_jsonl = {"jsonl", NULL, NULL, NULL, jsonl_line};
