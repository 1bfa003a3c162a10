/* write.h: the event writers' shared interface inside io/. Each output format
 * is one file (write_jsonl.c, write_tsv.c, write_gdelt.c, write_sqlite.c)
 * behind one table of functions, as cmark's renderers sit on render.c;
 * write.c owns dyad_writer_* and the helpers every format uses to describe
 * an event the same way (text slices, derived codes, cleaned fields). agg/
 * reads these formats back and relies on the column layouts fixed here and
 * described in docs/formats.md. */
#ifndef DYAD_IO_WRITE_H
#define DYAD_IO_WRITE_H

#include "../base/base.h"

/* Version of the JSON Lines event record ("schema" field). */
#define IO_EVENT_SCHEMA 1

/* Number of columns of a GDELT 2.0 event record, and of dyad's TSV layout. */
#define IO_GDELT_COLUMNS 61
#define IO_TSV_COLUMNS 14

/* A format is either line-oriented (line set: one event formatted into
 * w->line, which write.c writes whole; open/write/close may be NULL) or
 * stateful (open/write/close, as SQLite). */
typedef struct io_writer_vt {
    const char *name;
    dyad_status (*open)(dyad_writer *w);
    dyad_status (*write)(dyad_writer *w, const dyad_doc *doc,
                         const dyad_event *events, size_t count);
    dyad_status (*close)(dyad_writer *w);   /* frees w->impl */
    void (*line)(dyad_writer *w, const dyad_doc *doc, const dyad_event *e);
} io_writer_vt;

struct dyad_writer {
    const io_writer_vt *vt;
    FILE *out;            /* text formats: borrowed stream */
    char *path;           /* SQLite: database file (owned copy) */
    buf line;             /* one record is formatted here, then written whole */
    uint64_t events;      /* events written so far (GDELT's GlobalEventID) */
    dyad_status error;    /* first error met; sticky */
    void *impl;           /* format state (SQLite handles) */
};

extern const io_writer_vt io_writer_jsonl, io_writer_tsv, io_writer_gdelt,
    io_writer_sqlite;

/* The text of span s in doc, or "" (length 0) when the span is absent or
 * lies outside the text. Never NULL. */
const char *io_span_text(const dyad_doc *doc, dyad_span s, size_t *len);

/* s, or "" for NULL: events from older coders may leave fields unset. */
const char *io_str(const char *s);

/* The two-digit CAMEO root of code into out[3] ("" when code has no two
 * leading digits): used when an event carries no root. */
const char *io_root_of(const char *code, char out[3]);

/* Quad class of a CAMEO root code (01-04 verbal cooperation, 05-08 material
 * cooperation, 09-13 verbal conflict, 14-20 material conflict), 0 if none. */
int io_quad_of_root(const char *root);

/* Length of the valid UTF-8 sequence at s (n > 0 bytes available), 0 when
 * invalid (overlong, surrogate, beyond U+10FFFF, truncated). */
size_t io_utf8_len(const unsigned char *s, size_t n);

/* Appends s[0..len) as the body of a JSON string: escapes, and replaces
 * invalid UTF-8 with U+FFFD so the output always parses. */
void io_json_text(buf *b, const char *s, size_t len);

/* Appends s[0..len) as one TSV/GDELT field: tabs, newlines and invalid
 * UTF-8 become spaces / U+FFFD so a record stays on one line. */
void io_field_text(buf *b, const char *s, size_t len);

/* Appends v in decimal (faster than buf_printf on the hot path). */
void io_put_uint(buf *b, uint64_t v);

/* Appends the shortest decimal that reads back as the same double
 * ("1.9", "-10"); "0" for NaN and infinities. */
void io_put_double(buf *b, double v);

/* Writes w->line to w->out and clears it; records the first error. */
dyad_status io_writer_flush_line(dyad_writer *w);

#endif
