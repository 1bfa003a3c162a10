/* dyad.h: public interface of libdyad, a political event coder.
 *
 * libdyad reads news documents and writes CAMEO-coded events: who did what to
 * whom, when, with the evidence that produced each event. This header is the
 * whole public surface; it reads top down:
 *
 *   1. status codes and diagnostics        (dyad_status, dyad_diag)
 *   2. documents and readers               (dyad_doc, dyad_reader_*)
 *   3. sentence segmentation               (dyad_segment)
 *   4. dictionaries                        (dyad_dict_*)
 *   5. the coder and its events            (dyad_coder_*, dyad_event)
 *   6. writers                             (dyad_writer_*)
 *   7. version
 *
 * Conventions: every _free accepts NULL. Pointers marked "borrowed" point into
 * an object owned elsewhere and say how long they live. Nothing here prints:
 * problems in input are reported through a dyad_diag_fn callback, and calls
 * return a dyad_status. All objects are independent: a dyad_dict is immutable
 * after load and may be shared by any number of threads; a dyad_coder,
 * dyad_reader or dyad_writer belongs to one thread at a time.
 */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- 1. Status and diagnostics ------------------------------------------ */

typedef enum dyad_status {
    DYAD_OK = 0,
    DYAD_ENOMEM = -1,   /* allocation failed */
    DYAD_EIO = -2,      /* a file could not be read or written */
    DYAD_EFORMAT = -3,  /* input is malformed (record, dictionary line) */
    DYAD_EINVAL = -4,   /* caller passed an invalid argument */
    DYAD_ELIMIT = -5,   /* input exceeds a built-in limit */
    DYAD_EEND = -6      /* no more input (readers) */
} dyad_status;

/* A static English description of a status code. Never NULL. */
const char *dyad_status_str(dyad_status status);

typedef enum dyad_severity {
    DYAD_NOTE = 0,
    DYAD_WARNING = 1,
    DYAD_ERROR = 2
} dyad_severity;

/* One problem found in outside input. All pointers are borrowed and live only
 * for the duration of the callback. line is 1-based, 0 when unknown; offset is
 * a byte offset (into the file or the document text), -1 when unknown. */
typedef struct dyad_diag {
    dyad_severity severity;
    const char *file;
    long line;
    long offset;
    const char *message;
} dyad_diag;

typedef void (*dyad_diag_fn)(const dyad_diag *diag, void *userdata);

/* ---- 2. Documents and readers ------------------------------------------- */

/* A document to code. text need not be NUL-terminated; it is treated as
 * UTF-8, and invalid bytes are reported and replaced, never trusted. date is
 * YYYYMMDD as an integer (20160608), 0 when unknown. */
typedef struct dyad_doc {
    const char *id;
    int32_t date;
    const char *text;
    size_t text_len;
    const char *title;  /* may be NULL */
    const char *url;    /* may be NULL */
    const char *file;   /* where it was read from, for diagnostics; may be NULL */
    long line;          /* line of the record in file, 0 when not applicable */
} dyad_doc;

typedef enum dyad_input_format {
    DYAD_INPUT_AUTO = 0,      /* from the file name: .jsonl/.json/.ndjson, .xml, else
                                 text; stdin: '{' JSON Lines, '<' XML, else text */
    DYAD_INPUT_TEXT,          /* one document per file */
    DYAD_INPUT_JSONL,         /* one JSON object per line */
    DYAD_INPUT_PETRARCH_XML   /* <Sentence date id><Text>...</Text></Sentence> */
} dyad_input_format;

typedef struct dyad_reader_opts {
    dyad_input_format format;
    const char *text_field;   /* JSON Lines: comma-separated fields joined as text ("text") */
    const char *date_field;   /* JSON Lines: date field ("date") */
    const char *id_field;     /* JSON Lines: id field ("id"); line number when absent */
    const char *doc_id;       /* plain text: document id (default: file name) */
    int32_t doc_date;         /* plain text: document date YYYYMMDD (default 0);
                                 other formats: the date of records without one */
    int strict;               /* nonzero: the first rejected record ends the stream */
    dyad_diag_fn diag;        /* where rejected records are reported; may be NULL */
    void *diag_userdata;
} dyad_reader_opts;

typedef struct dyad_reader dyad_reader;

/* Opens path ("-" or NULL for stdin) for reading documents. Compressed input
 * (.gz, .zst, or gzip/zstd data under any name) is decompressed as it
 * streams; a truncated stream ends with DYAD_EIO after the records before
 * it. Returns NULL and sets *status on failure (reported through diag). */
dyad_reader *dyad_reader_open(const char *path, const dyad_reader_opts *opts,
                              dyad_status *status);

/* Reads the next document into *doc. Returns DYAD_OK, DYAD_EEND at the end,
 * or an error (DYAD_EIO, or DYAD_EFORMAT under strict). Malformed records are
 * reported through the diag callback and skipped. All pointers in *doc are
 * borrowed and live until the next call or dyad_reader_free. */
dyad_status dyad_reader_next(dyad_reader *reader, dyad_doc *doc);

/* Number of records rejected so far. */
size_t dyad_reader_rejected(const dyad_reader *reader);

void dyad_reader_free(dyad_reader *reader);

/* ---- 3. Sentences -------------------------------------------------------- */

typedef enum dyad_sentence_kind {
    DYAD_SENT_PROSE = 0,   /* a sentence of running text: coded */
    DYAD_SENT_HEADLINE,    /* a title or short heading line: coded */
    DYAD_SENT_CAPTION,     /* photo caption or credit line: not coded */
    DYAD_SENT_CREDIT,      /* "AFP contributed to this report.": not coded */
    DYAD_SENT_DATELINE     /* "DAMASCUS, June 8 (Reuters) -": not coded */
} dyad_sentence_kind;

typedef struct dyad_sentence {
    size_t begin, end;          /* byte offsets into the document text */
    dyad_sentence_kind kind;
} dyad_sentence;

/* Splits text into sentences. On success *out holds *count sentences,
 * allocated with malloc; the caller frees it with dyad_free. */
dyad_status dyad_segment(const char *text, size_t len, dyad_sentence **out,
                         size_t *count);

/* Name of a sentence kind ("prose", "caption", ...). */
const char *dyad_sentence_kind_str(dyad_sentence_kind kind);

/* Frees memory that libdyad returned to the caller. Accepts NULL. */
void dyad_free(void *ptr);

/* ---- 4. Dictionaries ----------------------------------------------------- */

typedef struct dyad_dict dyad_dict;

/* Which dictionary files to load. Names are relative to dir when dir is set.
 * Fields left NULL are not loaded. actors is a comma-separated list. */
typedef struct dyad_dict_files {
    const char *dir;
    const char *verbs;
    const char *actors;
    const char *agents;
    const char *discards;
    const char *issues;
    const char *cache_dir;   /* where compiled caches live; NULL: no cache */
} dyad_dict_files;

/* Loads and compiles dictionaries. Problems are reported through diag (may be
 * NULL); broken lines are skipped with an error diagnostic unless strict.
 * Returns NULL with *status set when the dictionaries are unusable. */
dyad_dict *dyad_dict_load(const dyad_dict_files *files, int strict,
                          dyad_diag_fn diag, void *userdata, dyad_status *status);

/* Loads dyad's own default dictionaries, embedded in the library. */
dyad_dict *dyad_dict_load_default(dyad_diag_fn diag, void *userdata,
                                  dyad_status *status);

/* Fills files with the PETRARCH2 production set's standard file names in dir
 * (CAMEO.2.0.txt, the three Phoenix actor files, Phoenix.agents.txt, ...). */
void dyad_dict_files_petrarch(dyad_dict_files *files, const char *dir);

void dyad_dict_free(dyad_dict *dict);

/* ---- 5. The coder -------------------------------------------------------- */

/* A byte range [begin, end) in the document text. begin == end: absent. */
typedef struct dyad_span {
    uint32_t begin, end;
} dyad_span;

/* One coded event. Strings are borrowed from the coder and live until the next
 * dyad_coder_code call on the same coder, or dyad_coder_free. */
typedef struct dyad_event {
    const char *doc_id;
    uint32_t sentence;       /* 0-based index among the document's sentences */
    int32_t date;            /* YYYYMMDD */
    const char *source;      /* actor code, e.g. "RUSGOV" */
    const char *target;      /* actor code, "---" when absent */
    const char *code;        /* CAMEO event code, e.g. "041" */
    const char *root;        /* two-digit root code, e.g. "04" */
    int quad;                /* 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict */
    double goldstein;
    dyad_span source_span, target_span, verb_span, sentence_span;
    const char *pattern;     /* dictionary file:line of the pattern or verb that fired */
    const char *source_entry;/* dictionary file:line of the source actor */
    const char *target_entry;/* dictionary file:line of the target actor */
    const char *issues;      /* comma-separated issue codes, "" when none */
    int negated;             /* nonzero when the verb was negated (kept by option) */
} dyad_event;

/* Coder options (bit flags). */
#define DYAD_OPT_EXPLAIN        (1u << 0)  /* keep a per-sentence trace */
#define DYAD_OPT_KEEP_NEGATED   (1u << 1)  /* emit negated events, flagged */
#define DYAD_OPT_REQUIRE_DYAD   (1u << 2)  /* drop events lacking source or target */
#define DYAD_OPT_ALL_SENTENCES  (1u << 3)  /* also code captions and credits */
#define DYAD_OPT_PETRARCH_READING (1u << 4) /* as PETRARCH: every verb a fact ("will
                                               meet" codes a meeting), no CAMEO
                                               refinements by modality or content */

typedef struct dyad_coder dyad_coder;

/* Creates a coder over dict, which must outlive it. NULL on allocation
 * failure. */
dyad_coder *dyad_coder_new(const dyad_dict *dict, unsigned options);

/* Codes one document. On DYAD_OK *events holds *count events in sentence
 * order, borrowed from the coder until the next call. Problems in the text
 * (invalid UTF-8) are reported through diag, which may be NULL. */
dyad_status dyad_coder_code(dyad_coder *coder, const dyad_doc *doc,
                            const dyad_event **events, size_t *count,
                            dyad_diag_fn diag, void *userdata);

/* With DYAD_OPT_EXPLAIN: the trace of the last coded document as a JSON
 * array, one object per sentence. Borrowed until the next call. NULL when the
 * option is off. */
const char *dyad_coder_explain(const dyad_coder *coder);

void dyad_coder_free(dyad_coder *coder);

/* Looks up a CAMEO code: its Goldstein value, quad class and label. Returns 0
 * when code is unknown. label may be NULL. */
int dyad_cameo_lookup(const char *code, double *goldstein, int *quad,
                      const char **label);

/* ---- 6. Writers ---------------------------------------------------------- */

typedef enum dyad_output_format {
    DYAD_OUTPUT_JSONL = 0,
    DYAD_OUTPUT_TSV,
    DYAD_OUTPUT_GDELT,
    DYAD_OUTPUT_SQLITE
} dyad_output_format;

typedef struct dyad_writer dyad_writer;

/* Opens a writer. For text formats out is an open stream that the writer
 * does not close; path is used by SQLite (required there) and may be NULL
 * otherwise. */
dyad_writer *dyad_writer_open(dyad_output_format format, FILE *out,
                              const char *path, dyad_status *status);

/* Writes the events of one document (count may be 0: the document is still
 * recorded where the format keeps documents). */
dyad_status dyad_writer_write(dyad_writer *writer, const dyad_doc *doc,
                              const dyad_event *events, size_t count);

/* Flushes and closes. Returns the first error met while writing. */
dyad_status dyad_writer_close(dyad_writer *writer);

/* ---- 7. Version ---------------------------------------------------------- */

#define DYAD_VERSION_STRING "0.1.0"
const char *dyad_version(void);

#ifdef __cplusplus
}
#endif
#endif /* DYAD_H */
