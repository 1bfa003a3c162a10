/* cmd_code.c: the 'dyad code' subcommand: documents in, events (or, with
 * --sentences, sentence records) out, per the CLI contract in DESIGN.md.
 *
 * Owns option parsing, dictionary selection, and the ordered pipeline: the
 * main thread reads documents into a bounded ring of slots; N worker threads,
 * each with its own dyad_coder, code slots into private copies (events,
 * diagnostics, trace); the main thread writes finished slots strictly in
 * input order. Output and stderr are therefore byte-identical whatever -j
 * is, and memory is bounded by the ring, however long the input. */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../io/read.h"
#include "cli.h"

#define MAX_JOBS 64

/* ---- Options ----------------------------------------------------------- */

typedef struct code_opts {
    dyad_reader_opts read;
    dyad_output_format format;
    bool format_set;
    const char *out_path;
    int jobs;
    unsigned coder_opts;
    bool sentences, all_sentences, quiet;
    dyad_dict_files files;
    bool files_set;
    const char *petrarch_dir;
} code_opts;

static void usage(FILE *f)
{
    fputs(
"usage: dyad code [OPTIONS] [FILE...]\n"
"\n"
"Reads news documents from each FILE (standard input when none, or for '-')\n"
"and writes CAMEO events, one document after another in input order.\n"
"Compressed input (.gz, .zst, or gzip/zstd data on stdin) is decompressed.\n"
"\n"
"input:\n"
"  --input FMT        text | jsonl | petrarch-xml. Default: from the extension\n"
"                     (.jsonl .json .ndjson: jsonl; .xml: petrarch-xml; else\n"
"                     text; standard input: by its first byte, '{' jsonl,\n"
"                     '<' petrarch-xml, else text)\n"
"  --date YYYYMMDD    text: the document date (also YYYY-MM-DD); jsonl and\n"
"                     petrarch-xml: the date of records that carry none\n"
"  --id ID            text: the document id (default: the file name)\n"
"  --text-field F[,F...]  jsonl: fields holding the text (default: text); several\n"
"                     are joined as paragraphs, so a headline stays a sentence\n"
"  --date-field F     jsonl: date field, YYYYMMDD, YYYY-MM-DD or ISO timestamp\n"
"                     (default: date)\n"
"  --id-field F       jsonl: id field (default: id; absent: FILE:LINE)\n"
"\n"
"output:\n"
"  --format FMT       jsonl (default) | tsv | gdelt | sqlite (needs -o)\n"
"  -o, --output FILE  write to FILE instead of standard output\n"
"  -j, --jobs N       code with N threads (0: one per CPU; default 1); the output\n"
"                     is identical to -j 1\n"
"  --explain          write each document's per-sentence trace to stderr, one\n"
"                     JSON line per document: {\"doc_id\":...,\"explain\":[...]}\n"
"  --keep-negated     also emit negated events, flagged \"negated\"\n"
"  --petrarch-reading code as PETRARCH does: every verb a fact (\"will meet\" is\n"
"                     a meeting, \"could attack\" an attack), no CAMEO refinement\n"
"                     by modality or by what is asked, threatened or alleged\n"
"  --require-dyad     drop events lacking a source or a target\n"
"  --all-sentences    also code captions, credits and datelines\n"
"  --sentences        do not code: write one JSON line per sentence,\n"
"                     {doc_id, sentence, kind, begin, end, text}; sentence is the\n"
"                     index among all the document's sentences (as in events),\n"
"                     begin/end byte offsets into the document text. Only prose\n"
"                     and headlines unless --all-sentences\n"
"\n"
"dictionaries (default: the embedded dyad dictionaries):\n"
"  --dict-dir DIR     directory the names below are relative to\n"
"  --verbs F  --actors F[,F...]  --agents F  --discards F  --issues F\n"
"  --petrarch DIR     the PETRARCH2 production set by its standard file names\n"
"  --cache-dir DIR    keep compiled dictionaries in DIR (fast start-up)\n"
"\n"
"errors:\n"
"  --strict           stop at the first rejected record (exit 1)\n"
"  -q, --quiet        do not print warnings (rejected records are still printed)\n"
"  -h, --help         print this help\n"
"\n"
"A malformed record is reported as FILE:LINE: error: REASON, skipped, and\n"
"counted. Exit status: 0 success; 1 fatal error (unreadable file, unusable\n"
"dictionary, write error, or any rejected record under --strict); 2 usage\n"
"error; 3 finished, but some records were rejected (the count is printed last).\n",
        f);
}

enum {
    OPT_INPUT = 256, OPT_DATE, OPT_ID, OPT_TEXT_FIELD, OPT_DATE_FIELD, OPT_ID_FIELD,
    OPT_FORMAT, OPT_EXPLAIN, OPT_STRICT, OPT_KEEP_NEGATED, OPT_PETRARCH_READING, OPT_REQUIRE_DYAD,
    OPT_ALL_SENTENCES, OPT_SENTENCES, OPT_DICT_DIR, OPT_VERBS, OPT_ACTORS,
    OPT_AGENTS, OPT_DISCARDS, OPT_ISSUES, OPT_PETRARCH, OPT_CACHE_DIR
};

static const struct option long_opts[] = {
    {"input", required_argument, NULL, OPT_INPUT},
    {"date", required_argument, NULL, OPT_DATE},
    {"id", required_argument, NULL, OPT_ID},
    {"text-field", required_argument, NULL, OPT_TEXT_FIELD},
    {"date-field", required_argument, NULL, OPT_DATE_FIELD},
    {"id-field", required_argument, NULL, OPT_ID_FIELD},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"output", required_argument, NULL, 'o'},
    {"jobs", required_argument, NULL, 'j'},
    {"explain", no_argument, NULL, OPT_EXPLAIN},
    {"strict", no_argument, NULL, OPT_STRICT},
    {"keep-negated", no_argument, NULL, OPT_KEEP_NEGATED},
    {"petrarch-reading", no_argument, NULL, OPT_PETRARCH_READING},
    {"require-dyad", no_argument, NULL, OPT_REQUIRE_DYAD},
    {"all-sentences", no_argument, NULL, OPT_ALL_SENTENCES},
    {"sentences", no_argument, NULL, OPT_SENTENCES},
    {"dict-dir", required_argument, NULL, OPT_DICT_DIR},
    {"verbs", required_argument, NULL, OPT_VERBS},
    {"actors", required_argument, NULL, OPT_ACTORS},
    {"agents", required_argument, NULL, OPT_AGENTS},
    {"discards", required_argument, NULL, OPT_DISCARDS},
    {"issues", required_argument, NULL, OPT_ISSUES},
    {"petrarch", required_argument, NULL, OPT_PETRARCH},
    {"cache-dir", required_argument, NULL, OPT_CACHE_DIR},
    {"quiet", no_argument, NULL, 'q'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

static int bad_usage(const char *fmt, const char *arg)
{
    fputs("dyad: code: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs(" (try 'dyad code --help')\n", stderr);
    return EXIT_USAGE;
}

static int pick(const char *arg, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(arg, names[i]))
            return (int)i;
    return -1;
}

/* Options that take a value and only set a field. */
static bool set_value_opt(code_opts *o, int c, const char *arg)
{
    switch (c) {
    case OPT_ID: o->read.doc_id = arg; return true;
    case OPT_TEXT_FIELD: o->read.text_field = arg; return true;
    case OPT_DATE_FIELD: o->read.date_field = arg; return true;
    case OPT_ID_FIELD: o->read.id_field = arg; return true;
    case 'o': o->out_path = arg; return true;
    case OPT_DICT_DIR: o->files.dir = arg; break;
    case OPT_VERBS: o->files.verbs = arg; break;
    case OPT_ACTORS: o->files.actors = arg; break;
    case OPT_AGENTS: o->files.agents = arg; break;
    case OPT_DISCARDS: o->files.discards = arg; break;
    case OPT_ISSUES: o->files.issues = arg; break;
    case OPT_PETRARCH: o->petrarch_dir = arg; return true;
    case OPT_CACHE_DIR: o->files.cache_dir = arg; return true;
    default: return false;
    }
    o->files_set = true;
    return true;
}

/* Options that need checking; returns EXIT_OK or EXIT_USAGE. */
static int set_checked_opt(code_opts *o, int c, const char *arg)
{
    static const char *const inputs[] = {"text", "jsonl", "petrarch-xml"};
    static const char *const formats[] = {"jsonl", "tsv", "gdelt", "sqlite"};
    int k;
    char *end;
    switch (c) {
    case OPT_INPUT:
        if ((k = pick(arg, inputs, 3)) < 0)
            return bad_usage("--input: unknown format '%s' (text, jsonl, petrarch-xml)", arg);
        o->read.format = (dyad_input_format)(DYAD_INPUT_TEXT + k);
        return EXIT_OK;
    case OPT_FORMAT:
        if ((k = pick(arg, formats, 4)) < 0)
            return bad_usage("--format: unknown format '%s' (jsonl, tsv, gdelt, sqlite)", arg);
        o->format = (dyad_output_format)k;
        o->format_set = true;
        return EXIT_OK;
    case OPT_DATE:
        o->read.doc_date = date_parse(arg, strlen(arg));
        if (!o->read.doc_date)
            return bad_usage("--date: '%s' is not a date (YYYYMMDD)", arg);
        return EXIT_OK;
    case 'j':
        errno = 0;
        long j = strtol(arg, &end, 10);
        if (errno || end == arg || *end || j < 0 || j > MAX_JOBS)
            return bad_usage("-j: '%s' is not a thread count (0-64)", arg);
        o->jobs = j ? (int)j : (int)sysconf(_SC_NPROCESSORS_ONLN);
        if (o->jobs < 1)
            o->jobs = 1;
        if (o->jobs > MAX_JOBS)
            o->jobs = MAX_JOBS;
        return EXIT_OK;
    }
    return bad_usage("internal: unhandled option %s", "");
}

static int set_flag_opt(code_opts *o, int c)
{
    switch (c) {
    case OPT_EXPLAIN: o->coder_opts |= DYAD_OPT_EXPLAIN; break;
    case OPT_KEEP_NEGATED: o->coder_opts |= DYAD_OPT_KEEP_NEGATED; break;
    case OPT_PETRARCH_READING: o->coder_opts |= DYAD_OPT_PETRARCH_READING; break;
    case OPT_REQUIRE_DYAD: o->coder_opts |= DYAD_OPT_REQUIRE_DYAD; break;
    case OPT_ALL_SENTENCES:
        o->coder_opts |= DYAD_OPT_ALL_SENTENCES;
        o->all_sentences = true;
        break;
    case OPT_STRICT: o->read.strict = 1; break;
    case OPT_SENTENCES: o->sentences = true; break;
    case 'q': o->quiet = true; break;
    default: return -1;
    }
    return EXIT_OK;
}

/* Parses argv; returns -1 to go on, else the exit code (help, usage). */
static int parse_args(int argc, char **argv, code_opts *o, int *first_file)
{
    memset(o, 0, sizeof *o);
    o->jobs = 1;
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, ":o:j:qh", long_opts, NULL)) != -1) {
        if (c == 'h') {
            usage(stdout);
            return cli_close_stdout();
        }
        if (c == '?')
            return bad_usage("unknown option '%s'", argv[optind - 1]);
        if (c == ':')
            return bad_usage("option '%s' needs a value", argv[optind - 1]);
        if (set_value_opt(o, c, optarg) || set_flag_opt(o, c) == EXIT_OK)
            continue;
        if (set_checked_opt(o, c, optarg) != EXIT_OK)
            return EXIT_USAGE;
    }
    if (o->format == DYAD_OUTPUT_SQLITE && !o->out_path)
        return bad_usage("--format sqlite needs -o FILE%s", "");
    if (o->sentences && o->format_set && o->format != DYAD_OUTPUT_JSONL)
        return bad_usage("--sentences writes JSON Lines; --format %s does not apply",
                         o->format == DYAD_OUTPUT_TSV ? "tsv"
                         : o->format == DYAD_OUTPUT_GDELT ? "gdelt" : "sqlite");
    if (o->petrarch_dir && o->files_set)
        return bad_usage("--petrarch and --dict-dir/--verbs/... exclude each other%s", "");
    *first_file = optind;
    return -1;
}

/* ---- Batches: documents on their way through the pipeline -------------- */

/* With threads, documents travel in batches so that locking is paid per
 * batch, not per document. Within a batch each item keeps ranges into the
 * batch's shared buffers, so writing it back replays exactly what -j 1
 * would have printed. */
#define BATCH_DOCS 64
#define BATCH_BYTES ((size_t)256 * 1024)

enum slot_state { SLOT_QUEUED, SLOT_DONE };

typedef struct range {
    size_t begin, end;
} range;

typedef struct item {
    bool has_doc;           /* false: it only carries reader diagnostics */
    dyad_doc doc;
    size_t text_off;        /* the text's offset in slot.text */
    range pre;              /* reader diagnostics, in slot.pre */
    range err;              /* coder diagnostics and trace, in slot.err */
    range out;              /* --sentences records, in slot.out */
    range events;           /* in slot.events */
    dyad_status status;
} item;

typedef struct slot {
    item items[BATCH_DOCS];
    size_t nitems;
    arena mem;              /* document strings, event strings */
    buf text, pre, err, out;
    vec events;             /* dyad_event copies */
    int state;
} slot;

typedef struct pipeline {
    const code_opts *o;
    const dyad_dict *dict;
    dyad_writer *writer;
    FILE *out;
    slot *slots;
    slot *filling;          /* the batch the main thread is adding to */
    size_t nslots, head, tail, next_work;
    bool closing;
    pthread_mutex_t mu;
    pthread_cond_t work_cv, done_cv;
    buf pending;            /* reader diagnostics not yet in a batch */
    size_t rejected;
    bool fatal;             /* exit 1 at the end */
    bool stop;              /* read no further input */
    bool write_failed;      /* write nothing more either */
} pipeline;

typedef struct worker {
    pipeline *p;
    dyad_coder *coder;
    pthread_t thread;
    buf scratch;
} worker;

static void slot_init(slot *s)
{
    memset(s, 0, sizeof *s);
    arena_init(&s->mem, 64 * 1024);
    buf_init(&s->text);
    buf_init(&s->pre);
    buf_init(&s->err);
    buf_init(&s->out);
    vec_init(&s->events, sizeof(dyad_event));
}

/* Empties a batch for reuse; buffers grown by a huge document are freed so
 * memory stays flat. */
static void slot_clear(slot *s)
{
    arena_reset(&s->mem);
    buf *bufs[] = {&s->text, &s->pre, &s->err, &s->out};
    for (size_t i = 0; i < DYAD_COUNT(bufs); i++) {
        if (bufs[i]->cap > ((size_t)4 << 20))
            buf_free(bufs[i]);
        buf_clear(bufs[i]);
    }
    if (s->events.cap > 65536)
        vec_free(&s->events);
    s->events.len = 0;
    s->nitems = 0;
}

static void slot_free(slot *s)
{
    arena_free(&s->mem);
    buf_free(&s->text);
    buf_free(&s->pre);
    buf_free(&s->err);
    buf_free(&s->out);
    vec_free(&s->events);
}

static bool slot_full(const slot *s)
{
    return s->nitems == BATCH_DOCS || s->text.len >= BATCH_BYTES;
}

/* "file:line: severity: message\n", as cli_diag_print prints it. */
static void format_diag(buf *b, const dyad_diag *d)
{
    static const char *sev[] = {"note", "warning", "error"};
    if (d->file && d->line > 0)
        buf_printf(b, "%s:%ld: %s: %s\n", d->file, d->line, sev[d->severity], d->message);
    else if (d->file)
        buf_printf(b, "%s: %s: %s\n", d->file, sev[d->severity], d->message);
    else
        buf_printf(b, "dyad: %s: %s\n", sev[d->severity], d->message);
}

typedef struct diag_sink {
    buf *b;
    bool quiet;
} diag_sink;

static void sink_diag(const dyad_diag *d, void *ud)
{
    diag_sink *k = ud;
    if (k->quiet && d->severity != DYAD_ERROR)
        return;
    format_diag(k->b, d);
}

static char *copy_str(arena *a, const char *s)
{
    return s ? arena_strdup(a, s) : NULL;
}

/* A new item in the batch, carrying the reader diagnostics met so far. */
static item *slot_add(slot *s, buf *pending)
{
    item *it = &s->items[s->nitems++];
    memset(it, 0, sizeof *it);
    it->pre.begin = s->pre.len;
    buf_append(&s->pre, pending->data ? pending->data : "", pending->len);
    it->pre.end = s->pre.len;
    buf_clear(pending);
    return it;
}

/* Copies the reader's borrowed document into the batch. */
static void item_take_doc(slot *s, item *it, const dyad_doc *d)
{
    it->has_doc = true;
    it->doc = *d;
    it->text_off = s->text.len;
    buf_append(&s->text, d->text, d->text_len);
    it->doc.id = copy_str(&s->mem, d->id);
    it->doc.title = copy_str(&s->mem, d->title);
    it->doc.url = copy_str(&s->mem, d->url);
    it->doc.file = copy_str(&s->mem, d->file);
    if (s->text.failed || s->mem.failed || s->pre.failed)
        it->status = DYAD_ENOMEM;
}

/* The text buffer may move while a batch fills: point at it once full. */
static void slot_seal(slot *s)
{
    for (size_t i = 0; i < s->nitems; i++)
        s->items[i].doc.text = s->text.data ? s->text.data + s->items[i].text_off : "";
}

/* ---- Work: runs on a worker thread (or the main thread with -j 1) ------ */

/* Copies the coder's borrowed events (and trace) into the batch. */
static void keep_events(slot *s, item *it, const dyad_event *ev, size_t n,
                        const char *trace)
{
    arena *a = &s->mem;
    it->events.begin = s->events.len;
    for (size_t i = 0; i < n; i++) {
        dyad_event *e = vec_push(&s->events);
        if (!e) {
            it->status = DYAD_ENOMEM;
            return;
        }
        *e = ev[i];
        e->doc_id = it->doc.id;
        e->source = copy_str(a, ev[i].source);
        e->target = copy_str(a, ev[i].target);
        e->code = copy_str(a, ev[i].code);
        e->root = copy_str(a, ev[i].root);
        e->pattern = copy_str(a, ev[i].pattern);
        e->source_entry = copy_str(a, ev[i].source_entry);
        e->target_entry = copy_str(a, ev[i].target_entry);
        e->issues = copy_str(a, ev[i].issues);
    }
    it->events.end = s->events.len;
    if (trace) {
        buf_puts(&s->err, "{\"doc_id\":\"");
        buf_json_escape(&s->err, it->doc.id, strlen(it->doc.id));
        buf_printf(&s->err, "\",\"explain\":%s}\n", trace);
    }
    if (a->failed || s->err.failed)
        it->status = DYAD_ENOMEM;
}

static void code_item(worker *w, slot *s, item *it)
{
    const dyad_event *ev = NULL;
    size_t n = 0;
    diag_sink sink = {&s->err, w->p->o->quiet};
    it->status = dyad_coder_code(w->coder, &it->doc, &ev, &n, sink_diag, &sink);
    if (it->status == DYAD_OK)
        keep_events(s, it, ev, n, dyad_coder_explain(w->coder));
}

/* One JSON line for sentence i; invalid UTF-8 in the text is replaced so
 * the line stays valid JSON (the warning is given once per document). */
static void sentence_record(worker *w, buf *b, const dyad_doc *d, size_t i,
                            const dyad_sentence *se)
{
    buf_puts(b, "{\"doc_id\":\"");
    buf_json_escape(b, d->id, strlen(d->id));
    buf_printf(b, "\",\"sentence\":%zu,\"kind\":\"%s\",\"begin\":%zu,\"end\":%zu,\"text\":\"",
               i, dyad_sentence_kind_str(se->kind), se->begin, se->end);
    const char *t = d->text + se->begin;
    size_t len = se->end - se->begin;
    if (io_utf8_valid(t, len) != len) {
        buf_clear(&w->scratch);
        io_utf8_sanitize(&w->scratch, t, len);
        t = w->scratch.data;
        len = w->scratch.len;
    }
    buf_json_escape(b, t, len);
    buf_puts(b, "\"}\n");
}

static void warn_invalid_utf8(buf *err, const dyad_doc *d, size_t first)
{
    char msg[200];
    snprintf(msg, sizeof msg, "document '%.80s': invalid UTF-8 at byte %zu, "
             "replaced by U+FFFD in the output", d->id, first);
    dyad_diag diag = {DYAD_WARNING, d->file, d->line, (long)first, msg};
    format_diag(err, &diag);
}

static void sentences_item(worker *w, slot *s, item *it)
{
    const dyad_doc *d = &it->doc;
    size_t valid = io_utf8_valid(d->text, d->text_len);
    if (valid != d->text_len && !w->p->o->quiet)
        warn_invalid_utf8(&s->err, d, valid);
    dyad_sentence *sents = NULL;
    size_t n = 0;
    it->status = dyad_segment(d->text, d->text_len, &sents, &n);
    for (size_t i = 0; it->status == DYAD_OK && i < n; i++)
        if (w->p->o->all_sentences || sents[i].kind == DYAD_SENT_PROSE ||
            sents[i].kind == DYAD_SENT_HEADLINE)
            sentence_record(w, &s->out, d, i, &sents[i]);
    dyad_free(sents);
    if (s->out.failed || w->scratch.failed || s->err.failed)
        it->status = DYAD_ENOMEM;
}

static void work_slot(worker *w, slot *s)
{
    for (size_t i = 0; i < s->nitems; i++) {
        item *it = &s->items[i];
        it->err.begin = s->err.len;
        it->out.begin = s->out.len;
        if (it->has_doc && it->status == DYAD_OK) {
            if (w->p->o->sentences)
                sentences_item(w, s, it);
            else
                code_item(w, s, it);
        }
        it->err.end = s->err.len;
        it->out.end = s->out.len;
    }
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    pipeline *p = w->p;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->next_work == p->tail && !p->closing)
            pthread_cond_wait(&p->work_cv, &p->mu);
        if (p->next_work == p->tail)
            break;
        slot *s = &p->slots[p->next_work++ % p->nslots];
        pthread_mutex_unlock(&p->mu);
        work_slot(w, s);
        pthread_mutex_lock(&p->mu);
        s->state = SLOT_DONE;
        pthread_cond_broadcast(&p->done_cv);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* ---- The ordered pipeline (main thread) -------------------------------- */

static void put_range(const buf *b, range r, FILE *f)
{
    if (r.end > r.begin)
        fwrite(b->data + r.begin, 1, r.end - r.begin, f);
}

/* Writes one finished item: its diagnostics, then its records. */
static void emit_item(pipeline *p, slot *s, item *it)
{
    put_range(&s->pre, it->pre, stderr);
    put_range(&s->err, it->err, stderr);
    if (!it->has_doc)
        return;
    if (it->status != DYAD_OK) {
        cli_error("code: %s: document '%s': %s", it->doc.file ? it->doc.file : "-",
                  it->doc.id, dyad_status_str(it->status));
        p->fatal = p->stop = true;
        return;
    }
    dyad_status st = DYAD_OK;
    errno = 0;  /* so that a failed write can say why (full disk, ...) */
    if (p->o->sentences) {
        put_range(&s->out, it->out, p->out);
        if (ferror(p->out))
            st = DYAD_EIO;
    } else {
        size_t n = it->events.end - it->events.begin;
        const dyad_event *ev = (const dyad_event *)s->events.data + it->events.begin;
        st = dyad_writer_write(p->writer, &it->doc, n ? ev : NULL, n);
    }
    if (st != DYAD_OK) {
        cli_error("code: writing output: %s",
                  st == DYAD_EIO && errno ? strerror(errno) : dyad_status_str(st));
        p->fatal = p->stop = p->write_failed = true;
    }
}

/* Writes the oldest batch, waiting for its worker when wait is set; returns
 * false when it is not finished yet. */
static bool emit_head(pipeline *p, bool wait)
{
    slot *s = &p->slots[p->head % p->nslots];
    pthread_mutex_lock(&p->mu);
    while (wait && s->state != SLOT_DONE)
        pthread_cond_wait(&p->done_cv, &p->mu);
    bool done = s->state == SLOT_DONE;
    pthread_mutex_unlock(&p->mu);
    if (!done)
        return false;
    for (size_t i = 0; i < s->nitems && !p->write_failed; i++)
        emit_item(p, s, &s->items[i]);
    p->head++;
    return true;
}

/* Hands the filling batch to the workers (or codes it here with -j 1). */
static void submit(pipeline *p, worker *w0)
{
    slot *s = p->filling;
    if (!s)
        return;
    p->filling = NULL;
    slot_seal(s);
    if (p->o->jobs == 1) {
        work_slot(w0, s);
        s->state = SLOT_DONE;
        p->tail++;
        emit_head(p, false);
        return;
    }
    pthread_mutex_lock(&p->mu);
    s->state = SLOT_QUEUED;
    p->tail++;
    pthread_cond_signal(&p->work_cv);
    pthread_mutex_unlock(&p->mu);
    while (p->head < p->tail && emit_head(p, false))
        ;
}

/* The batch being filled, writing finished ones to make room. */
static slot *filling(pipeline *p)
{
    if (p->filling)
        return p->filling;
    while (p->tail - p->head == p->nslots)
        emit_head(p, true);
    p->filling = &p->slots[p->tail % p->nslots];
    slot_clear(p->filling);
    return p->filling;
}

static void add_doc(pipeline *p, worker *w0, const dyad_doc *doc)
{
    slot *s = filling(p);
    item_take_doc(s, slot_add(s, &p->pending), doc);
    if (p->o->jobs == 1 || slot_full(s))
        submit(p, w0);
}

/* Reader diagnostics after the last document wait in order behind it. */
static void flush_pending(pipeline *p, worker *w0)
{
    if (p->pending.len) {
        slot *s = filling(p);
        slot_add(s, &p->pending);
    }
    submit(p, w0);
}

/* Reads one input file into the pipeline; false when the run must stop. */
static bool code_file(pipeline *p, worker *w0, const char *path)
{
    diag_sink sink = {&p->pending, p->o->quiet};
    dyad_reader_opts ro = p->o->read;
    ro.diag = sink_diag;
    ro.diag_userdata = &sink;
    dyad_status st;
    dyad_reader *r = dyad_reader_open(path, &ro, &st);
    if (r) {
        dyad_doc doc;
        while (!p->stop && (st = dyad_reader_next(r, &doc)) == DYAD_OK)
            add_doc(p, w0, &doc);
        p->rejected += dyad_reader_rejected(r);
        dyad_reader_free(r);
    }
    flush_pending(p, w0);
    if (st != DYAD_EEND && st != DYAD_OK) {
        p->fatal = true;
        if (st == DYAD_ENOMEM)
            cli_error("code: %s: %s", path ? path : "-", dyad_status_str(st));
        if (st == DYAD_ENOMEM || p->o->read.strict)
            p->stop = true;
    }
    return !p->stop;
}

/* ---- Set-up and the run ------------------------------------------------ */

/* Dictionary warnings (PETRARCH's files have hundreds) are counted, not
 * listed: 'dyad dict lint' lists them. Errors are always printed. */
static dyad_dict *load_dict(const code_opts *o)
{
    cli_diag_counts counts = {.quiet_warnings = 1};
    dyad_status st = DYAD_OK;
    dyad_dict *d;
    if (o->petrarch_dir) {
        dyad_dict_files f;
        dyad_dict_files_petrarch(&f, o->petrarch_dir);
        f.cache_dir = o->files.cache_dir;
        d = dyad_dict_load(&f, o->read.strict, cli_diag_print, &counts, &st);
    } else if (o->files_set) {
        d = dyad_dict_load(&o->files, o->read.strict, cli_diag_print, &counts, &st);
    } else {
        d = dyad_dict_load_default(cli_diag_print, &counts, &st);
    }
    if (!d)
        cli_error("code: dictionaries unusable: %s", dyad_status_str(st));
    else if (counts.warnings && !o->quiet)
        cli_error("code: dictionaries loaded with %zu warning%s ('dyad dict lint' lists them)",
                  counts.warnings, counts.warnings == 1 ? "" : "s");
    return d;
}

static bool pipeline_init(pipeline *p, const code_opts *o, worker *workers)
{
    memset(p, 0, sizeof *p);
    p->o = o;
    p->nslots = o->jobs == 1 ? 1 : (size_t)o->jobs * 3;
    p->slots = calloc(p->nslots, sizeof *p->slots);
    if (!p->slots)
        return false;
    for (size_t i = 0; i < p->nslots; i++)
        slot_init(&p->slots[i]);
    buf_init(&p->pending);
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->work_cv, NULL);
    pthread_cond_init(&p->done_cv, NULL);
    for (int i = 0; i < o->jobs; i++) {
        workers[i] = (worker){.p = p};
        buf_init(&workers[i].scratch);
    }
    return true;
}

/* Creates the coders and starts the threads (none with -j 1). */
static bool workers_start(pipeline *p, worker *workers, int *started)
{
    *started = 0;
    for (int i = 0; i < p->o->jobs; i++) {
        if (!p->o->sentences &&
            !(workers[i].coder = dyad_coder_new(p->dict, p->o->coder_opts))) {
            cli_error("code: cannot create the coder");
            return false;
        }
    }
    if (p->o->jobs == 1)
        return true;
    for (int i = 0; i < p->o->jobs; i++) {
        if (pthread_create(&workers[i].thread, NULL, worker_main, &workers[i]) != 0) {
            cli_error("code: cannot start threads: %s", strerror(errno));
            return false;
        }
        ++*started;
    }
    return true;
}

/* Lets the workers finish, writes what is left, and frees everything. */
static void pipeline_finish(pipeline *p, worker *workers, int started)
{
    pthread_mutex_lock(&p->mu);
    p->closing = true;
    pthread_cond_broadcast(&p->work_cv);
    pthread_mutex_unlock(&p->mu);
    if (started == p->o->jobs || p->o->jobs == 1)
        while (p->head < p->tail)
            emit_head(p, true);
    for (int i = 0; i < started; i++)
        pthread_join(workers[i].thread, NULL);
    if (p->pending.len)
        fwrite(p->pending.data, 1, p->pending.len, stderr);
    for (int i = 0; i < p->o->jobs; i++) {
        dyad_coder_free(workers[i].coder);
        buf_free(&workers[i].scratch);
    }
    for (size_t i = 0; i < p->nslots; i++)
        slot_free(&p->slots[i]);
    free(p->slots);
    buf_free(&p->pending);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->work_cv);
    pthread_cond_destroy(&p->done_cv);
}

/* Opens -o (or stdout) and the event writer. */
static bool open_output(pipeline *p, const code_opts *o)
{
    p->out = stdout;
    if (o->out_path && o->format != DYAD_OUTPUT_SQLITE) {
        p->out = fopen(o->out_path, "w");
        if (!p->out) {
            cli_error("code: cannot write %s: %s", o->out_path, strerror(errno));
            return false;
        }
    }
    if (o->sentences)
        return true;
    dyad_status st;
    bool sqlite = o->format == DYAD_OUTPUT_SQLITE;
    p->writer = dyad_writer_open(o->format, sqlite ? NULL : p->out, o->out_path, &st);
    if (!p->writer)
        cli_error("code: cannot open the %s writer%s%s: %s", sqlite ? "SQLite" : "output",
                  sqlite ? " on " : "", sqlite ? o->out_path : "", dyad_status_str(st));
    return p->writer != NULL;
}

/* Closes the writer and the output stream; false on a write error. */
static bool close_output(pipeline *p, const code_opts *o)
{
    bool ok = !p->write_failed, quiet = p->write_failed;  /* said once already */
    if (p->writer) {
        dyad_status st = dyad_writer_close(p->writer);
        if (st != DYAD_OK) {
            if (!quiet)
                cli_error("code: writing output: %s", dyad_status_str(st));
            ok = false;
        }
    }
    if (p->out && p->out != stdout) {
        if (fclose(p->out) != 0) {
            if (!quiet)
                cli_error("code: writing %s: %s", o->out_path, strerror(errno));
            ok = false;
        }
    } else if (quiet) {
        fclose(stdout);
    } else if (cli_close_stdout() != EXIT_OK) {
        ok = false;
    }
    return ok;
}

static int run(const code_opts *o, char **files, int nfiles)
{
    dyad_dict *dict = NULL;
    if (!o->sentences && !(dict = load_dict(o)))
        return EXIT_FATAL;
    pipeline p;
    worker workers[MAX_JOBS];
    if (!pipeline_init(&p, o, workers)) {
        dyad_dict_free(dict);
        cli_error("code: %s", dyad_status_str(DYAD_ENOMEM));
        return EXIT_FATAL;
    }
    p.dict = dict;
    int started = 0;
    bool ok = open_output(&p, o) && workers_start(&p, workers, &started);
    if (ok) {
        for (int i = 0; i < (nfiles ? nfiles : 1); i++)
            if (!code_file(&p, &workers[0], nfiles ? files[i] : NULL))
                break;
    }
    pipeline_finish(&p, workers, started);
    if (!close_output(&p, o))
        ok = false;
    dyad_dict_free(dict);
    if (p.rejected)
        cli_error("code: %zu record%s rejected", p.rejected, p.rejected == 1 ? "" : "s");
    if (!ok || p.fatal)
        return EXIT_FATAL;
    return p.rejected ? EXIT_REJECTED : EXIT_OK;
}

int cmd_code(int argc, char **argv)
{
    code_opts o;
    int first = 1;
    int rc = parse_args(argc, argv, &o, &first);
    if (rc >= 0)
        return rc;
    return run(&o, argv + first, argc - first);
}
