/* test_write.c: unit tests for the event writers (src/io/write*.c): each
 * format's layout, text cleaning, and round trips: the same events written
 * in every format and read back with agg's readers carry the same events. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <jansson.h>

#include "io/write.h"
#include "agg/agg.h"

/* "Wire. " then a sentence with a tab, a quote, an e-acute and one invalid
 * byte (0xFF) that JSON output must replace. */
static const char text[] =
    "Wire. Russia's foreign minister met\t\"John Kerry\" in Gen\xC3\xA8ve \xFF today.";

static dyad_doc doc(void)
{
    dyad_doc d = {.id = "afp-2016-1", .date = 20160608, .text = text,
                  .text_len = sizeof text - 1, .url = "https://example.org/a"};
    return d;
}

static size_t find(const char *needle)
{
    return (size_t)(strstr(text, needle) - text);
}

enum { NEV = 3 };

static void events(dyad_event ev[NEV])
{
    memset(ev, 0, NEV * sizeof *ev);
    size_t s = find("Russia"), v = find("met"), t = find("\"John") + 1;
    ev[0] = (dyad_event){
        .doc_id = "afp-2016-1", .sentence = 1, .date = 20160608, .source = "RUSGOV",
        .target = "USAGOV", .code = "040", .root = "04", .quad = 1, .goldstein = 1.0,
        .source_span = {(uint32_t)s, (uint32_t)(s + 25)},
        .target_span = {(uint32_t)t, (uint32_t)(t + 10)},
        .verb_span = {(uint32_t)v, (uint32_t)(v + 3)},
        .sentence_span = {6, (uint32_t)(sizeof text - 1)},
        .pattern = "CAMEO.2.0.txt:123", .issues = "SYRIA,PEACE"};
    ev[1] = (dyad_event){
        .doc_id = "afp-2016-1", .sentence = 0, .date = 20160609, .source = "IGOUNO",
        .target = "---", .code = "1721", .root = NULL, .quad = 0, .goldstein = -5.0,
        .pattern = "", .issues = ""};
    ev[2] = (dyad_event){   /* the coder's absent source with a known role */
        .doc_id = "afp-2016-1", .sentence = 2, .date = 20160609, .source = "---GOV",
        .target = "---", .code = "010", .root = "01", .quad = 1, .goldstein = 0};
}

static char *temp_path(const char *suffix)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/dyad-test-write-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    unlink(path);
    strcat(path, suffix);
    return strdup(path);
}

/* Writes the two events in format f to a new file; returns its path. */
static char *write_events(dyad_output_format f, const char *suffix)
{
    char *path = temp_path(suffix);
    FILE *out = f == DYAD_OUTPUT_SQLITE ? NULL : fopen(path, "wb");
    dyad_status st;
    dyad_writer *w = dyad_writer_open(f, out, path, &st);
    assert_non_null(w);
    dyad_doc d = doc();
    dyad_event ev[NEV];
    events(ev);
    assert_int_equal(dyad_writer_write(w, &d, ev, NEV), DYAD_OK);
    dyad_doc empty = {.id = "no-events", .date = 20160610, .text = "", .text_len = 0};
    assert_int_equal(dyad_writer_write(w, &empty, NULL, 0), DYAD_OK);
    assert_int_equal(dyad_writer_close(w), DYAD_OK);
    if (out)
        fclose(out);
    return path;
}

/* Reads path back; checks what every format carries. */
static void read_back(const char *path, agg_format expect, int has_ids, int has_texts)
{
    dyad_status st;
    agg_reader *r = agg_reader_open(path, AGG_IN_AUTO, 1, NULL, NULL, &st);
    assert_non_null(r);
    assert_int_equal(agg_reader_format(r), expect);
    agg_event e;
    dyad_event ev[NEV];
    events(ev);
    for (int i = 0; i < NEV; i++) {
        assert_int_equal(agg_reader_next(r, &e), DYAD_OK);
        assert_int_equal(e.date, ev[i].date);
        assert_string_equal(e.source, ev[i].source);
        assert_string_equal(e.target, ev[i].target);
        assert_string_equal(e.code, ev[i].code);
        assert_string_equal(e.root, i == 1 ? "17" : i == 2 ? "01" : "04");
        assert_int_equal(e.quad, i == 1 ? 4 : 1);
        assert_true(e.goldstein == ev[i].goldstein);
        if (has_ids) {
            assert_string_equal(e.doc_id, "afp-2016-1");
            assert_int_equal(e.sentence, (long)ev[i].sentence);
        } else {
            assert_string_equal(e.doc_id, "https://example.org/a");  /* GDELT SOURCEURL */
        }
        if (has_texts && i == 0) {
            assert_string_equal(e.source_text, "Russia's foreign minister");
            assert_string_equal(e.target_text, "John Kerry");
        }
    }
    assert_int_equal(agg_reader_next(r, &e), DYAD_EEND);
    assert_int_equal(agg_reader_rejected(r), 0);
    agg_reader_free(r);
}

static void jsonl_round_trip(void **state)
{
    (void)state;
    char *path = write_events(DYAD_OUTPUT_JSONL, ".jsonl");
    read_back(path, AGG_IN_JSONL, 1, 1);
    dyad_status st;
    agg_reader *r = agg_reader_open(path, AGG_IN_AUTO, 1, NULL, NULL, &st);
    agg_event e;
    assert_int_equal(agg_reader_next(r, &e), DYAD_OK);
    assert_string_equal(e.verb_text, "met");
    assert_string_equal(e.issues, "SYRIA,PEACE");
    assert_int_equal(e.source_span.begin, find("Russia"));
    assert_int_equal(e.sentence_span.begin, 6);
    assert_string_equal(e.url, "https://example.org/a");
    /* the invalid byte became U+FFFD; the tab and quotes survived */
    assert_non_null(strstr(e.sentence_text, "\t\"John Kerry\" in Gen\xC3\xA8ve \xEF\xBF\xBD today."));
    agg_reader_free(r);
    unlink(path);
    free(path);
}

static void jsonl_lines_are_schema_1_objects(void **state)
{
    (void)state;
    char *path = write_events(DYAD_OUTPUT_JSONL, ".jsonl");
    FILE *f = fopen(path, "rb");
    char line[4096];
    int n = 0;
    while (fgets(line, sizeof line, f)) {
        json_error_t err;
        json_t *o = json_loads(line, 0, &err);
        assert_non_null(o);
        assert_int_equal(json_integer_value(json_object_get(o, "schema")), 1);
        const char *keys[] = {"doc_id", "sentence", "date", "source", "target", "code",
                              "root", "quad", "goldstein", "source_text", "target_text",
                              "verb_text", "sentence_text", "spans", "pattern", "issues",
                              "negated"};
        for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
            assert_non_null(json_object_get(o, keys[k]));
        assert_true(json_is_array(json_object_get(o, "issues")));
        json_decref(o);
        n++;
    }
    assert_int_equal(n, NEV);   /* the document without events wrote nothing */
    fclose(f);
    unlink(path);
    free(path);
}

static void tsv_round_trip(void **state)
{
    (void)state;
    char *path = write_events(DYAD_OUTPUT_TSV, ".tsv");
    read_back(path, AGG_IN_TSV, 1, 1);
    FILE *f = fopen(path, "rb");
    char line[4096];
    assert_non_null(fgets(line, sizeof line, f));
    int tabs = 0;
    for (char *p = line; *p; p++)
        tabs += *p == '\t';
    assert_int_equal(tabs, IO_TSV_COLUMNS - 1);
    assert_memory_equal(line, "20160608\tRUSGOV\tUSAGOV\t040\tSYRIA;PEACE\tafp-2016-1-1\t", 51);
    fclose(f);
    unlink(path);
    free(path);
}

static void gdelt_round_trip_and_columns(void **state)
{
    (void)state;
    char *path = write_events(DYAD_OUTPUT_GDELT, ".csv");
    read_back(path, AGG_IN_GDELT, 0, 1);
    FILE *f = fopen(path, "rb");
    char line[4096];
    char *col[80];
    for (int row = 0; row < NEV; row++) {
        assert_non_null(fgets(line, sizeof line, f));
        line[strcspn(line, "\n")] = '\0';
        int n = 0;
        for (char *p = line; n < 80; n++) {
            col[n] = p;
            if (!(p = strchr(p, '\t'))) {
                n++;
                break;
            }
            *p++ = '\0';
        }
        assert_int_equal(n, IO_GDELT_COLUMNS);
        if (row == 0) {
            assert_string_equal(col[0], "1");
            assert_string_equal(col[1], "20160608");
            assert_string_equal(col[2], "201606");
            assert_string_equal(col[5], "RUSGOV");
            assert_string_equal(col[7], "RUS");     /* Actor1CountryCode */
            assert_string_equal(col[12], "GOV");    /* Actor1Type1Code */
            assert_string_equal(col[17], "USA");
            assert_string_equal(col[25], "0");      /* IsRootEvent: not the lead */
            assert_string_equal(col[27], "040");
            assert_string_equal(col[28], "04");
            assert_string_equal(col[60], "https://example.org/a");
        } else if (row == 2) {
            assert_string_equal(col[5], "---GOV");  /* kept as coded */
            assert_string_equal(col[7], "");
            assert_string_equal(col[12], "GOV");
        } else {
            assert_string_equal(col[5], "IGOUNO");
            assert_string_equal(col[7], "");        /* no country */
            assert_string_equal(col[8], "UNO");     /* known group */
            assert_string_equal(col[12], "IGO");
            assert_string_equal(col[15], "");       /* no target */
            assert_string_equal(col[25], "1");
            assert_string_equal(col[27], "172");    /* EventBaseCode */
            assert_string_equal(col[28], "17");
            assert_string_equal(col[29], "4");
        }
    }
    fclose(f);
    unlink(path);
    free(path);
}

static void sqlite_round_trip(void **state)
{
    (void)state;
    char *path = write_events(DYAD_OUTPUT_SQLITE, ".sqlite");
    read_back(path, AGG_IN_SQLITE, 1, 1);
    dyad_status st;
    agg_reader *r = agg_reader_open(path, AGG_IN_AUTO, 1, NULL, NULL, &st);
    agg_event e;
    assert_int_equal(agg_reader_next(r, &e), DYAD_OK);
    assert_string_equal(e.verb_text, "met");
    assert_string_equal(e.url, "https://example.org/a");
    assert_int_equal(e.target_span.begin, find("\"John") + 1);
    agg_reader_free(r);
    /* rewriting the same path replaces the store, not appends */
    dyad_writer *w = dyad_writer_open(DYAD_OUTPUT_SQLITE, NULL, path, &st);
    assert_non_null(w);
    assert_int_equal(dyad_writer_close(w), DYAD_OK);
    r = agg_reader_open(path, AGG_IN_AUTO, 1, NULL, NULL, &st);
    assert_int_equal(agg_reader_next(r, &e), DYAD_EEND);
    agg_reader_free(r);
    unlink(path);
    free(path);
}

static void writer_errors(void **state)
{
    (void)state;
    dyad_status st;
    assert_null(dyad_writer_open(DYAD_OUTPUT_SQLITE, NULL, NULL, &st));
    assert_int_equal(st, DYAD_EINVAL);
    assert_null(dyad_writer_open(DYAD_OUTPUT_JSONL, NULL, NULL, &st));
    assert_int_equal(st, DYAD_EINVAL);
    assert_null(dyad_writer_open((dyad_output_format)42, stdout, NULL, &st));
    assert_null(dyad_writer_open(DYAD_OUTPUT_SQLITE, NULL, "/nonexistent-dir/x.sqlite", &st));
    assert_int_equal(st, DYAD_EIO);
    FILE *full = fopen("/dev/full", "wb");
    if (full) {   /* a full disk is an error at close, not silence */
        dyad_writer *w = dyad_writer_open(DYAD_OUTPUT_TSV, full, NULL, &st);
        dyad_doc d = doc();
        dyad_event ev[NEV];
        events(ev);
        for (int i = 0; i < 200; i++)
            dyad_writer_write(w, &d, ev, NEV);
        assert_int_equal(dyad_writer_close(w), DYAD_EIO);
        fclose(full);
    }
    assert_int_equal(dyad_writer_close(NULL), DYAD_OK);
}

static void numbers_and_codes(void **state)
{
    (void)state;
    buf b;
    buf_init(&b);
    io_put_double(&b, 1.9);
    buf_putc(&b, ' ');
    io_put_double(&b, -10);
    buf_putc(&b, ' ');
    io_put_double(&b, 0.1 + 0.2);
    buf_putc(&b, ' ');
    io_put_double(&b, -0.0);
    assert_string_equal(b.data, "1.9 -10 0.30000000000000004 0");
    buf_free(&b);
    char root[3];
    assert_string_equal(io_root_of("0874", root), "08");
    assert_string_equal(io_root_of("x1", root), "");
    assert_int_equal(io_quad_of_root("04"), 1);
    assert_int_equal(io_quad_of_root("08"), 2);
    assert_int_equal(io_quad_of_root("13"), 3);
    assert_int_equal(io_quad_of_root("20"), 4);
    assert_int_equal(io_quad_of_root("21"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(jsonl_round_trip),
        cmocka_unit_test(jsonl_lines_are_schema_1_objects),
        cmocka_unit_test(tsv_round_trip),
        cmocka_unit_test(gdelt_round_trip_and_columns),
        cmocka_unit_test(sqlite_round_trip),
        cmocka_unit_test(writer_errors),
        cmocka_unit_test(numbers_and_codes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
