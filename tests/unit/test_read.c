/* test_read.c: unit tests for the document readers (src/io/read*.c,
 * instream.c): plain text, JSON Lines, PETRARCH XML, gzip and zstd input,
 * rejects and strict mode, long lines, invalid UTF-8, entity decoding.
 * Fixtures live in tests/data/read/; compressed inputs are made here. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <zlib.h>
#include <zstd.h>

#include "io/io.h"

#define DATA "tests/data/read/"

/* ---- Helpers ----------------------------------------------------------- */

typedef struct diags {
    int n, errors, warnings;
    char msg[32][300];
} diags;

static void collect(const dyad_diag *d, void *ud)
{
    diags *ds = ud;
    if (d->severity == DYAD_ERROR)
        ds->errors++;
    if (d->severity == DYAD_WARNING)
        ds->warnings++;
    if (ds->n < 32)
        snprintf(ds->msg[ds->n++], 300, "%s:%ld: %s", d->file ? d->file : "?", d->line,
                 d->message);
}

static bool has_msg(const diags *ds, const char *needle)
{
    for (int i = 0; i < ds->n; i++)
        if (strstr(ds->msg[i], needle))
            return true;
    return false;
}

typedef struct got {
    int n;
    char id[64][128];
    char text[64][512];
    int32_t date[64];
    long line[64];
} got;

/* Reads every document; returns the final status (DYAD_EEND when clean). */
static dyad_status drain(dyad_reader *r, got *g)
{
    dyad_doc doc;
    dyad_status st;
    memset(g, 0, sizeof *g);
    while ((st = dyad_reader_next(r, &doc)) == DYAD_OK) {
        if (g->n < 64) {
            snprintf(g->id[g->n], 128, "%s", doc.id);
            snprintf(g->text[g->n], 512, "%.*s", (int)doc.text_len, doc.text);
            g->date[g->n] = doc.date;
            g->line[g->n] = doc.line;
        }
        g->n++;
    }
    return st;
}

static dyad_reader *open_file(const char *path, dyad_input_format f, diags *ds,
                              dyad_reader_opts *o)
{
    dyad_reader_opts def = {0};
    if (!o)
        o = &def;
    o->format = f;
    o->diag = collect;
    o->diag_userdata = ds;
    dyad_status st;
    dyad_reader *r = dyad_reader_open(path, o, &st);
    return r;
}

static dyad_reader *open_mem(const char *s, size_t n, dyad_input_format f, diags *ds,
                             dyad_reader_opts *o)
{
    dyad_reader_opts def = {0};
    if (!o)
        o = &def;
    o->format = f;
    o->diag = collect;
    o->diag_userdata = ds;
    dyad_status st;
    dyad_reader *r = io_reader_open_mem(s, n, "mem", IO_COMP_NONE, o, &st);
    assert_non_null(r);
    return r;
}

static char *tmp_path(const char *suffix)
{
    static char path[256];
    snprintf(path, sizeof path, "/tmp/dyad_test_read_%d%s", (int)getpid(), suffix);
    return path;
}

static void write_file(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

static unsigned char *read_all(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    *n = (size_t)ftell(f);
    rewind(f);
    unsigned char *p = malloc(*n ? *n : 1);
    assert_int_equal(fread(p, 1, *n, f), *n);
    fclose(f);
    return p;
}

/* gzip-compresses data (one member) with zlib. */
static unsigned char *gzip_mem(const void *data, size_t n, size_t *out_n)
{
    z_stream z = {0};
    assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
    size_t cap = deflateBound(&z, (uLong)n) + 64;
    unsigned char *out = malloc(cap);
    z.next_in = (unsigned char *)data;
    z.avail_in = (uInt)n;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    *out_n = cap - z.avail_out;
    deflateEnd(&z);
    return out;
}

/* ---- Plain text -------------------------------------------------------- */

static void text_whole_file_is_one_document(void **state)
{
    (void)state;
    diags ds = {0};
    dyad_reader_opts o = {.doc_date = 20160608};
    dyad_reader *r = open_file(DATA "plain.txt", DYAD_INPUT_AUTO, &ds, &o);
    assert_non_null(r);
    got g;
    assert_int_equal(drain(r, &g), DYAD_EEND);
    assert_int_equal(g.n, 1);
    assert_string_equal(g.id[0], DATA "plain.txt");
    assert_int_equal(g.date[0], 20160608);
    assert_non_null(strstr(g.text[0], "Russia Condemns Strike\n\nRussian Foreign"));
    assert_int_equal(dyad_reader_rejected(r), 0);
    dyad_reader_free(r);

    o = (dyad_reader_opts){.doc_id = "doc-7"};
    r = open_file(DATA "plain.txt", DYAD_INPUT_TEXT, &ds, &o);
    assert_int_equal(drain(r, &g), DYAD_EEND);
    assert_string_equal(g.id[0], "doc-7");
    assert_int_equal(g.date[0], 0);
    dyad_reader_free(r);
}

static void text_empty_and_nul_bytes(void **state)
{
    (void)state;
    diags ds = {0};
    dyad_reader *r = open_mem("", 0, DYAD_INPUT_TEXT, &ds, NULL);
    got g;
    assert_int_equal(drain(r, &g), DYAD_EEND);
    assert_int_equal(g.n, 1);
    assert_string_equal(g.text[0], "");
    dyad_reader_free(r);

    r = open_mem("a\0b", 3, DYAD_INPUT_TEXT, &ds, NULL);
    dyad_doc doc;
    assert_int_equal(dyad_reader_next(r, &doc), DYAD_OK);
    assert_int_equal(doc.text_len, 3);
    assert_memory_equal(doc.text, "a\0b", 3);
    assert_int_equal(dyad_reader_next(r, &doc), DYAD_EEND);
    dyad_reader_free(r);
}

static void missing_file_is_an_error(void **state)
{
    (void)state;
    diags ds = {0};
    dyad_reader_opts o = {.diag = collect, .diag_userdata = &ds};
    dyad_status st = DYAD_OK;
    dyad_reader *r = dyad_reader_open("/nonexistent/dir/file.jsonl", &o, &st);
    assert_null(r);
    assert_int_equal(st, DYAD_EIO);
    assert_int_equal(ds.errors, 1);
    assert_true(has_msg(&ds, "/nonexistent/dir/file.jsonl:0: cannot open"));
}

/* ---- JSON Lines -------------------------------------------------------- */

static void jsonl_fields_dates_ids_and_rejects(void **state)
{
    (void)state;
    diags ds = {0};
    dyad_reader_opts o = {.text_field = "headline,short_description"};
    dyad_reader *r = open_file(DATA "sample.jsonl", DYAD_INPUT_AUTO, &ds, &o);
    assert_non_null(r);
    got g;
    assert_int_equal(drain(r, &g), DYAD_EEND);
    assert_int_equal(g.n, 5);
    assert_string_equal(g.id[0], "a1");
    assert_string_equal(g.text[0], "Rebels seize town\n\nRebels seized the town on Monday.");
    assert_int_equal(g.date[0], 20160608);
    assert_int_equal(g.line[0], 1);
    assert_string_equal(g.id[1], "42");
    assert_int_equal(g.date[1], 20160609);
    assert_string_equal(g.id[2], DATA "sample.jsonl:5");
    assert_string_equal(g.text[2], "No id here");
    assert_int_equal(g.date[2], 20160610);
    assert_string_equal(g.id[3], "nodate");
    assert_int_equal(g.date[3], 0);
    assert_string_equal(g.id[4], "last");
    assert_string_equal(g.text[4], "Last one\n\nSecond paragraph.");
    assert_int_equal(g.date[4], 20160611);
    assert_int_equal(g.line[4], 12);
    assert_int_equal(dyad_reader_rejected(r), 5);
    assert_int_equal(ds.errors, 5);
    assert_true(has_msg(&ds, DATA "sample.jsonl:6: invalid JSON"));
    assert_true(has_msg(&ds, DATA "sample.jsonl:7: not a JSON object"));
    assert_true(has_msg(&ds, DATA "sample.jsonl:8: text field 'short_description' is not a string"));
    assert_true(has_msg(&ds, DATA "sample.jsonl:10: field 'date': bad date 'June 8'"));
    assert_true(has_msg(&ds, DATA "sample.jsonl:11: text field"));
    dyad_reader_free(r);
}

static void default_date_for_records_without_one(void **state)
{
    (void)state;
    const char *j = "{\"text\":\"a\"}\n{\"text\":\"b\",\"date\":\"20010101\"}\n";
    diags ds = {0};
    dyad_reader_opts o = {.doc_date = 20160608};
    dyad_reader *r = open_mem(j, strlen(j), DYAD_INPUT_JSONL, &ds, &o);
    got g;
    assert_int_equal(drain(r, &g), DYAD_EEND);
    assert_int_equal(g.date[0], 20160608);
    assert_int_equal(g.date[1], 20010101);
    dyad_reader_free(r);
    const char *x = "<Sentence id=\"a\"><Text>a</Text></Sentence>"
                    "<Sentence id=\"b\" date=\"20010101\"><Text>b</Text></Sentence>";
    r = open_mem(x, strlen(x), DYAD_INPUT_PETRARCH_XML, &ds, &o);
    assert_int_equal(drain(r, &g), DYAD_EEND);
    assert_int_equal(g.date[0], 20160608);
    assert_int_equal(g.date[1], 20010101);
    dyad_reader_free(r);
}

static void jsonl_strict_stops_at_first_reject(void **state)
{
    (void)state;
    diags ds = {0};
    dyad_reader_opts o = {.text_field = "headline,short_description", .strict = 1};
    dyad_reader *r = open_file(DATA "sample.jsonl", DYAD_INPUT_JSONL, &ds, &o);
    got g;
    assert_int_equal(drain(r, &g), DYAD_EFORMAT);
    assert_int_equal(g.n, 3);
    assert_int_equal(dyad_reader_rejected(r), 1);
    dyad_doc doc;
    assert_int_equal(dyad_reader_next(r, &doc), DYAD_EFORMAT);  /* stays ended */
    dyad_reader_free(r);
}

static void jsonl_custom_fields(void **state)
{
    (void)state;
    const char *s = "{\"body\":\"B\",\"when\":\"2001-02-03T04:05:06+01:00\",\"key\":\"K\"}\n"
                    "{\"body\":\"C\",\"when\":\"2001-02-29\"}\n";
    diags ds = {0};
    dyad_reader_opts o = {.text_field = "body", .date_field = "when", .id_field = "key"};
    dyad_reader *r = open_mem(s, strlen(s), DYAD_INPUT_JSONL, &ds, &o);
    got g;
    assert_int_equal(drain(r, &g), DYAD_EEND);
    assert_int_equal(g.n, 1);
    assert_string_equal(g.id[0], "K");
    assert_string_equal(g.text[0], "B");
    assert_int_equal(g.date[0], 20010203);
    assert_int_equal(dyad_reader_rejected(r), 1);  /* 2001 is not a leap year */
    assert_true(has_msg(&ds, "mem:2: field 'when': bad date"));
    dyad_reader_free(r);
}

static void jsonl_invalid_utf8_is_repaired_not_rejected(void **state)
{
    (void)state;
    diags ds = {0};
    dyad_reader_opts o = {.text_field = "headline"};
    dyad_reader *r = open_file(DATA "utf8.jsonl", DYAD_INPUT_AUTO, &ds, &o);
    got g;
    assert_int_equal(drain(r, &g), DYAD_EEND);
    assert_int_equal(g.n, 3);
    assert_string_equal(g.text[0], "Bad \xEF\xBF\xBD\xEF\xBF\xBD bytes");
    assert_string_equal(g.id[1], "u2");  /* CRLF line */
    assert_string_equal(g.text[2], "no newline at end");
    assert_int_equal(dyad_reader_rejected(r), 0);
    assert_int_equal(ds.warnings, 1);
    assert_true(has_msg(&ds, "utf8.jsonl:1: invalid UTF-8: 2 bytes replaced"));
    dyad_reader_free(r);
}

static void jsonl_bom_spaced_fields_and_url(void **state)
{
    (void)state;
    const char *s = "\xEF\xBB\xBF{\"h\":\"Head\",\"d\":\"Desc.\",\"link\":\"http://x/1\"}\n"
                    "{\"h\":\"Two\",\"url\":\"http://y/2\",\"link\":\"http://x/2\",\"title\":\"T\"}\n";
    diags ds = {0};
    dyad_reader_opts o = {.text_field = " h , d ", .id_field = "link"};
    dyad_reader *r = open_mem(s, strlen(s), DYAD_INPUT_JSONL, &ds, &o);
    dyad_doc doc;
    assert_int_equal(dyad_reader_next(r, &doc), DYAD_OK);
    assert_string_equal(doc.text, "Head\n\nDesc.");
    assert_string_equal(doc.id, "http://x/1");
    assert_string_equal(doc.url, "http://x/1");
    assert_null(doc.title);
    assert_int_equal(dyad_reader_next(r, &doc), DYAD_OK);
    assert_string_equal(doc.url, "http://y/2");  /* "url" before "link" */
    assert_string_equal(doc.title, "T");
    assert_int_equal(dyad_reader_next(r, &doc), DYAD_EEND);
    assert_int_equal(ds.n, 0);
    dyad_reader_free(r);
}

static void jsonl_long_line_across_chunks(void **state)
{
    (void)state;
    size_t n = 3 * IO_CHUNK + 123;
    buf b;
    buf_init(&b);
    buf_puts(&b, "{\"id\":\"x\",\"text\":\"");
    for (size_t i = 0; i < n; i++)
        buf_putc(&b, (char)('a' + i % 26));
    buf_puts(&b, "\"}\n{\"id\":\"y\",\"text\":\"short\"}\n");
    diags ds = {0};
    dyad_reader *r = open_mem(b.data, b.len, DYAD_INPUT_JSONL, &ds, NULL);
    dyad_doc doc;
    assert_int_equal(dyad_reader_next(r, &doc), DYAD_OK);
    assert_string_equal(doc.id, "x");
    assert_int_equal(doc.text_len, n);
    assert_int_equal(doc.text[n - 1], (char)('a' + (n - 1) % 26));
    assert_int_equal(dyad_reader_next(r, &doc), DYAD_OK);
    assert_string_equal(doc.id, "y");
    assert_int_equal(doc.line, 2);
    assert_int_equal(dyad_reader_next(r, &doc), DYAD_EEND);
    dyad_reader_free(r);
    buf_free(&b);
}

static void line_splitter_limits(void **state)
{
    (void)state;
    /* A line over the limit is skipped whole and the next one still read. */
    char data[300];
    memset(data, 'x', 200);
    memcpy(data + 200, "\nok\n", 4);
    io_src s = {0};
    s.chunk = malloc(IO_CHUNK);
    s.line = 1;
    io_instream_open_mem(&s.in, data, 204, IO_COMP_NONE);
    const char *line;
    size_t len;
    long no;
    assert_int_equal(io_src_line(&s, 100, &line, &len, &no), IO_LINE_TOO_LONG);
    assert_int_equal(no, 1);
    assert_int_equal(io_src_line(&s, 100, &line, &len, &no), IO_LINE_OK);
    assert_int_equal(no, 2);
    assert_int_equal(len, 2);
    assert_memory_equal(line, "ok", 2);
    assert_int_equal(io_src_line(&s, 100, &line, &len, &no), IO_LINE_EOF);
    io_instream_close(&s.in);
    buf_free(&s.line_buf);
    free(s.chunk);
}

/* ---- PETRARCH XML ------------------------------------------------------ */

static void xml_sentences_entities_and_rejects(void **state)
{
    (void)state;
    diags ds = {0};
    dyad_reader *r = open_file(DATA "sample.xml", DYAD_INPUT_AUTO, &ds, NULL);
    assert_non_null(r);
    got g;
    assert_int_equal(drain(r, &g), DYAD_EEND);
    assert_int_equal(g.n, 4);
    assert_string_equal(g.id[0], "AFP-1");
    assert_int_equal(g.date[0], 20080804);
    assert_int_equal(g.line[0], 4);
    assert_string_equal(g.text[0],
        "The stopover came as the US leader prepared to attend the Beijing Olympics, an "
        "event which will test his vow & more <b> \"x\" 'y' \xC3\xA9\xC3\xA9.");
    assert_string_equal(g.id[1], "AFP-2");
    assert_int_equal(g.date[1], 20080806);
    assert_string_equal(g.text[1], "Raw <CDATA> & text and more");
    assert_string_equal(g.id[2], "AFP-4");
    assert_int_equal(g.date[2], 20080807);
    assert_string_equal(g.text[2], "Dashed date &unknown; entity.");
    assert_string_equal(g.id[3], "AFP-7");
    assert_string_equal(g.text[3], "Last \xEF\xBF\xBD one.");
    assert_int_equal(dyad_reader_rejected(r), 4);
    assert_true(has_msg(&ds, "sample.xml:20: <Sentence> without <Text>"));
    assert_true(has_msg(&ds, "sample.xml:26: bad date 'notadate'"));
    assert_true(has_msg(&ds, "sample.xml:28: <Sentence> not closed before the next"));
    assert_true(has_msg(&ds, "sample.xml:31: <Sentence> not closed before the end"));
    assert_true(has_msg(&ds, "sample.xml:24: 1 '&' not starting a known entity"));
    dyad_reader_free(r);
}

static void xml_shared_samples(void **state)
{
    (void)state;
    const char *shared = getenv("DYAD_SHARED");
    char path[1024];
    snprintf(path, sizeof path, "%s/petrarch2/text/GigaWord.sample.PETR.xml",
             shared ? shared : "../shared/data");
    if (access(path, R_OK) != 0)
        skip();
    diags ds = {0};
    dyad_reader *r = open_file(path, DYAD_INPUT_AUTO, &ds, NULL);
    got g;
    assert_int_equal(drain(r, &g), DYAD_EEND);
    assert_int_equal(g.n, 76);
    assert_int_equal(dyad_reader_rejected(r), 0);
    assert_string_equal(g.id[0], "AFP0808020625_4");
    assert_int_equal(g.date[0], 20080804);
    assert_non_null(strstr(g.text[0], "Olympics, an event which"));
    for (int i = 0; i < 64; i++)
        assert_null(strchr(g.text[i], '\n'));
    dyad_reader_free(r);
}

static void xml_attribute_forms(void **state)
{
    (void)state;
    const char *s = "<Sentence\n  id=\"a&amp;b\"\tdate=20010203 x='>'><Text>T</Text></Sentence>"
                    "<Sentences/><Sentence date=\"20010204\"><Text/></Sentence>";
    diags ds = {0};
    dyad_reader *r = open_mem(s, strlen(s), DYAD_INPUT_PETRARCH_XML, &ds, NULL);
    got g;
    assert_int_equal(drain(r, &g), DYAD_EEND);
    assert_int_equal(g.n, 2);
    assert_string_equal(g.id[0], "a&b");
    assert_int_equal(g.date[0], 20010203);
    assert_string_equal(g.text[0], "T");
    assert_string_equal(g.id[1], "mem:2");  /* no id: file:line */
    assert_string_equal(g.text[1], "");
    dyad_reader_free(r);
}

static void xml_no_sentences_warns(void **state)
{
    (void)state;
    diags ds = {0};
    dyad_reader *r = open_mem("just text, no markup", 20, DYAD_INPUT_PETRARCH_XML, &ds, NULL);
    got g;
    assert_int_equal(drain(r, &g), DYAD_EEND);
    assert_int_equal(g.n, 0);
    assert_int_equal(ds.warnings, 1);
    dyad_reader_free(r);
}

/* ---- Compressed input -------------------------------------------------- */

static void gzip_and_zstd_match_plain(void **state)
{
    (void)state;
    size_t n;
    unsigned char *plain = read_all(DATA "sample.jsonl", &n);
    size_t gn;
    unsigned char *gz = gzip_mem(plain, n, &gn);
    char *p = tmp_path(".jsonl.gz");
    write_file(p, gz, gn);
    diags ds = {0};
    dyad_reader_opts o = {.text_field = "headline,short_description"};
    dyad_reader *r = open_file(p, DYAD_INPUT_AUTO, &ds, &o);
    assert_non_null(r);
    got g;
    assert_int_equal(drain(r, &g), DYAD_EEND);
    assert_int_equal(g.n, 5);
    assert_string_equal(g.text[4], "Last one\n\nSecond paragraph.");
    assert_int_equal(dyad_reader_rejected(r), 5);
    dyad_reader_free(r);
    unlink(p);

    size_t zcap = ZSTD_compressBound(n);
    unsigned char *zs = malloc(zcap);
    size_t zn = ZSTD_compress(zs, zcap, plain, n, 3);
    assert_false(ZSTD_isError(zn));
    p = tmp_path(".jsonl.zst");
    write_file(p, zs, zn);
    r = open_file(p, DYAD_INPUT_AUTO, &ds, &o);
    assert_int_equal(drain(r, &g), DYAD_EEND);
    assert_int_equal(g.n, 5);
    assert_string_equal(g.id[0], "a1");
    dyad_reader_free(r);
    unlink(p);

    /* Magic numbers are recognised without the extension (e.g. stdin). */
    r = io_reader_open_mem(gz, gn, "noext", IO_COMP_NONE,
                           &(dyad_reader_opts){.format = DYAD_INPUT_JSONL,
                                               .text_field = "headline"}, NULL);
    assert_int_equal(drain(r, &g), DYAD_EEND);
    assert_int_equal(g.n, 5);
    dyad_reader_free(r);
    free(zs);
    free(gz);
    free(plain);
}

static void gzip_multi_member(void **state)
{
    (void)state;
    const char *a = "{\"text\":\"one\"}\n", *b = "{\"text\":\"two\"}\n";
    size_t an, bn;
    unsigned char *ga = gzip_mem(a, strlen(a), &an), *gb = gzip_mem(b, strlen(b), &bn);
    unsigned char *both = malloc(an + bn);
    memcpy(both, ga, an);
    memcpy(both + an, gb, bn);
    dyad_reader *r = io_reader_open_mem(both, an + bn, "cat.gz", IO_COMP_GZIP,
                                        &(dyad_reader_opts){.format = DYAD_INPUT_JSONL}, NULL);
    got g;
    assert_int_equal(drain(r, &g), DYAD_EEND);
    assert_int_equal(g.n, 2);
    assert_string_equal(g.text[1], "two");
    dyad_reader_free(r);
    free(both);
    free(ga);
    free(gb);
}

static void truncated_compressed_input_keeps_earlier_records(void **state)
{
    (void)state;
    buf b;
    buf_init(&b);
    for (int i = 0; i < 5000; i++)
        buf_printf(&b, "{\"id\":\"d%d\",\"text\":\"Record number %d with some words.\"}\n", i, i * 7919);
    size_t gn;
    unsigned char *gz = gzip_mem(b.data, b.len, &gn);
    diags ds = {0};
    dyad_reader *r = io_reader_open_mem(gz, gn / 2, "t.jsonl.gz", IO_COMP_GZIP,
                                        &(dyad_reader_opts){.format = DYAD_INPUT_JSONL,
                                            .diag = collect, .diag_userdata = &ds}, NULL);
    got g;
    assert_int_equal(drain(r, &g), DYAD_EIO);
    assert_true(g.n > 100);
    assert_true(g.n < 5000);
    assert_int_equal(ds.errors, 1);
    assert_true(has_msg(&ds, "truncated gzip"));
    dyad_reader_free(r);

    size_t zcap = ZSTD_compressBound(b.len);
    unsigned char *zs = malloc(zcap);
    size_t zn = ZSTD_compress(zs, zcap, b.data, b.len, 3);
    memset(&ds, 0, sizeof ds);
    r = io_reader_open_mem(zs, zn - 10, "t.jsonl.zst", IO_COMP_ZSTD,
                           &(dyad_reader_opts){.format = DYAD_INPUT_JSONL,
                               .diag = collect, .diag_userdata = &ds}, NULL);
    assert_int_equal(drain(r, &g), DYAD_EIO);
    assert_true(g.n > 100);
    assert_true(has_msg(&ds, "truncated zstd"));
    dyad_reader_free(r);

    /* Garbage with a .gz name is a clear error, not a crash. */
    memset(&ds, 0, sizeof ds);
    r = io_reader_open_mem("not gzip at all", 15, "x.gz", IO_COMP_GZIP,
                           &(dyad_reader_opts){.format = DYAD_INPUT_JSONL,
                               .diag = collect, .diag_userdata = &ds}, NULL);
    assert_int_equal(drain(r, &g), DYAD_EIO);
    assert_true(has_msg(&ds, "gzip"));
    dyad_reader_free(r);
    free(zs);
    free(gz);
    buf_free(&b);
}

/* ---- Pieces ------------------------------------------------------------ */

static void format_guess_by_extension(void **state)
{
    (void)state;
    assert_int_equal(io_format_guess("a.jsonl"), DYAD_INPUT_JSONL);
    assert_int_equal(io_format_guess("a.JSON"), DYAD_INPUT_JSONL);
    assert_int_equal(io_format_guess("a.ndjson.gz"), DYAD_INPUT_JSONL);
    assert_int_equal(io_format_guess("a.xml.zst"), DYAD_INPUT_PETRARCH_XML);
    assert_int_equal(io_format_guess("a.txt"), DYAD_INPUT_TEXT);
    assert_int_equal(io_format_guess("jsonl"), DYAD_INPUT_TEXT);
    assert_int_equal(io_format_guess("a.gz"), DYAD_INPUT_TEXT);
}

static void utf8_validation_and_repair(void **state)
{
    (void)state;
    assert_int_equal(io_utf8_valid("abc", 3), 3);
    assert_int_equal(io_utf8_valid("a\xC3\xA9z", 4), 4);
    assert_int_equal(io_utf8_valid("a\xC3", 2), 1);           /* truncated */
    assert_int_equal(io_utf8_valid("a\xC0\xAF", 3), 1);       /* overlong */
    assert_int_equal(io_utf8_valid("\xED\xA0\x80", 3), 0);    /* surrogate */
    assert_int_equal(io_utf8_valid("\xF4\x90\x80\x80", 4), 0);/* > U+10FFFF */
    assert_int_equal(io_utf8_valid("\xF0\x9F\x98\x80", 4), 4);
    buf b;
    buf_init(&b);
    assert_int_equal(io_utf8_sanitize(&b, "x\xFFy\xE2\x82", 5), 3);
    assert_string_equal(b.data, "x\xEF\xBF\xBDy\xEF\xBF\xBD\xEF\xBF\xBD");
    buf_free(&b);
}

static void date_forms(void **state)
{
    (void)state;
    assert_int_equal(date_parse("20160608", 8), 20160608);
    assert_int_equal(date_parse("2016-06-08", 10), 20160608);
    assert_int_equal(date_parse("2016-06-08T10:00:00Z", 20), 20160608);
    assert_int_equal(date_parse("2016-06-08 10:00", 16), 20160608);
    assert_int_equal(date_parse("2016-13-08", 10), 0);
    assert_int_equal(date_parse("June 8", 6), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(text_whole_file_is_one_document),
        cmocka_unit_test(text_empty_and_nul_bytes),
        cmocka_unit_test(missing_file_is_an_error),
        cmocka_unit_test(jsonl_fields_dates_ids_and_rejects),
        cmocka_unit_test(default_date_for_records_without_one),
        cmocka_unit_test(jsonl_strict_stops_at_first_reject),
        cmocka_unit_test(jsonl_custom_fields),
        cmocka_unit_test(jsonl_invalid_utf8_is_repaired_not_rejected),
        cmocka_unit_test(jsonl_bom_spaced_fields_and_url),
        cmocka_unit_test(jsonl_long_line_across_chunks),
        cmocka_unit_test(line_splitter_limits),
        cmocka_unit_test(xml_sentences_entities_and_rejects),
        cmocka_unit_test(xml_shared_samples),
        cmocka_unit_test(xml_attribute_forms),
        cmocka_unit_test(xml_no_sentences_warns),
        cmocka_unit_test(gzip_and_zstd_match_plain),
        cmocka_unit_test(gzip_multi_member),
        cmocka_unit_test(truncated_compressed_input_keeps_earlier_records),
        cmocka_unit_test(format_guess_by_extension),
        cmocka_unit_test(utf8_validation_and_repair),
        cmocka_unit_test(date_forms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
