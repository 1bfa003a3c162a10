/* read.h: internals of the document readers shared inside io/: the byte
 * input stream (plain, gzip, zstd, memory), the line splitter, the per-format
 * reader hooks, and a reader-from-memory entry point for tests and fuzzers.
 *
 * Every reader streams: memory stays bounded by the largest single record
 * (IO_MAX_RECORD), however long the input. */
#ifndef DYAD_IO_READ_H
#define DYAD_IO_READ_H

#include <sys/types.h>
#include <zlib.h>
#include <zstd.h>

#include "../base/base.h"

/* The largest record (JSON line, XML <Text>, plain-text file) a reader keeps
 * in memory; longer records are rejected with a message. */
#define IO_MAX_RECORD ((size_t)256 << 20)

/* ---- Byte input stream ------------------------------------------------- */

typedef enum io_compression {
    IO_COMP_NONE = 0,
    IO_COMP_GZIP,
    IO_COMP_ZSTD
} io_compression;

typedef struct io_instream {
    int fd;                     /* -1 when reading from memory */
    bool own_fd;
    const unsigned char *mem;   /* memory source (tests, fuzzers) */
    size_t mem_len, mem_pos;
    unsigned char *raw;         /* undecoded input */
    size_t raw_len, raw_pos, raw_cap;
    bool raw_eof;
    io_compression comp;
    z_stream z;
    bool z_live, z_member_done;
    ZSTD_DStream *zs;
    size_t zs_hint;             /* last ZSTD_decompressStream result: 0 = frame complete */
    bool eof, failed;
    char error[256];            /* why failed (a sentence, no file name) */
} io_instream;

/* Opens path ("-" or NULL: stdin). Compression follows the extension (.gz,
 * .zst); without one, gzip and zstd magic numbers are recognised too. On
 * failure returns false with s->error set. */
bool io_instream_open(io_instream *s, const char *path);

/* Same over a memory buffer that must outlive the stream. */
void io_instream_open_mem(io_instream *s, const void *data, size_t len,
                          io_compression comp);

/* Reads up to n decoded bytes: >0 bytes read, 0 at the end, -1 on error
 * (s->error says why; a truncated compressed stream is an error). */
ssize_t io_instream_read(io_instream *s, void *dst, size_t n);

void io_instream_close(io_instream *s);

/* ---- Decoded-byte buffer and line splitter ----------------------------- */

#define IO_CHUNK (64 * 1024)

typedef struct io_src {
    io_instream in;
    unsigned char *chunk;
    size_t pos, len;
    long line;                  /* 1-based line of the next byte */
    long long offset;           /* byte offset of the next byte */
    buf line_buf;
} io_src;

enum { IO_SRC_EOF = -1, IO_SRC_ERR = -2 };

/* Refills the chunk; returns false at the end or on error (in.failed). */
bool io_src_fill(io_src *s);

/* Appends more input behind what the chunk holds, consuming nothing. */
bool io_src_fill_more(io_src *s);

/* The next byte, IO_SRC_EOF or IO_SRC_ERR. Counts lines. */
static inline int io_src_getc(io_src *s)
{
    if (s->pos == s->len && !io_src_fill(s))
        return s->in.failed ? IO_SRC_ERR : IO_SRC_EOF;
    int c = s->chunk[s->pos++];
    s->offset++;
    if (c == '\n')
        s->line++;
    return c;
}

/* Result of io_src_line. */
typedef enum io_line_result {
    IO_LINE_OK = 0,
    IO_LINE_EOF,
    IO_LINE_ERROR,      /* stream error: s->in.error */
    IO_LINE_TOO_LONG    /* the line exceeded max and was skipped */
} io_line_result;

/* Reads one line without its "\n" (and a "\r" before it) into *line and *len,
 * borrowed until the next call; *lineno gets its 1-based number. A final
 * line without "\n" counts; a stream error drops the partial line. */
io_line_result io_src_line(io_src *s, size_t max, const char **line,
                           size_t *len, long *lineno);

/* ---- UTF-8 ------------------------------------------------------------- */

/* Length of the valid UTF-8 prefix of s. */
size_t io_utf8_valid(const char *s, size_t len);

/* Appends s to out with each invalid byte replaced by U+FFFD; returns the
 * number of bytes replaced. */
size_t io_utf8_sanitize(buf *out, const char *s, size_t len);

/* ---- Readers ----------------------------------------------------------- */

typedef struct io_format_ops io_format_ops;

struct dyad_reader {
    io_src src;
    dyad_reader_opts opts;
    dyad_input_format format;
    const io_format_ops *ops;
    char *name;                 /* file name for diagnostics and default ids */
    size_t rejected, docs;
    bool done;                  /* the end was reached or a fatal error met */
    dyad_status fatal;          /* sticky fatal status */
    arena strings;              /* per-record strings (ids), reset per record */
    buf text;                   /* the current document's text */
    void *state;                /* format-specific state */
    bool jsonl_jansson_only;    /* tests: no fast path, every line via jansson */
};

struct io_format_ops {
    /* Reads the next record into *doc: DYAD_OK, DYAD_EEND, or an error.
     * Malformed records are reported with io_reject and skipped. */
    dyad_status (*next)(dyad_reader *r, dyad_doc *doc);
    void (*free_state)(dyad_reader *r);
};

extern const io_format_ops io_text_ops, io_jsonl_ops, io_xml_ops;

/* Reports a rejected record at line (error), counts it, and returns
 * DYAD_EFORMAT under strict (the caller returns it) or DYAD_OK (go on). */
dyad_status io_reject(dyad_reader *r, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A warning about a record that is still read. */
void io_warn(dyad_reader *r, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Reports a stream error (truncated gzip, read failure) and ends the reader. */
dyad_status io_stream_error(dyad_reader *r);

/* The input format for a file name (.jsonl/.json/.ndjson, .xml, else text),
 * looking through a .gz/.zst extension. */
dyad_input_format io_format_guess(const char *path);

/* A reader over a memory buffer (tests, fuzzers); name is used in
 * diagnostics. format must not be DYAD_INPUT_AUTO unless name has an
 * extension to guess from. */
dyad_reader *io_reader_open_mem(const void *data, size_t len, const char *name,
                                io_compression comp,
                                const dyad_reader_opts *opts,
                                dyad_status *status);

#endif
