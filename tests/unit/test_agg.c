/* test_agg.c: unit tests for src/agg: reading events back, period
 * arithmetic, and counts over the hand-made tests/data/events/small.jsonl
 * (10 events, counts worked out by hand in the comments). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <jansson.h>

#include "agg/agg.h"
#include "agg/agg_json.h"

#define SMALL "tests/data/events/small.jsonl"

/* Counts path into a with opts; returns the CSV text (malloc'd). */
static char *csv_of(const char *path, agg_opts o)
{
    dyad_status st;
    agg_reader *r = agg_reader_open(path, AGG_IN_AUTO, 1, NULL, NULL, &st);
    assert_non_null(r);
    agg *a = agg_new(&o);
    agg_event ev;
    while ((st = agg_reader_next(r, &ev)) == DYAD_OK)
        assert_int_equal(agg_add(a, &ev, NULL), DYAD_OK);
    assert_int_equal(st, DYAD_EEND);
    agg_reader_free(r);
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_int_equal(agg_write_csv(a, f), DYAD_OK);
    fclose(f);
    agg_free(a);
    return text;
}

/* January: USA>RUS 042 twice (1.9 each), USAGOV>RUS 111 (-2), RUS>USA 190
 * (-10) and 036 (4). February: USA>RUS and USAMIL>RUSMIL 172 (-5 each),
 * SYR>--- 010 (0), TUR>SYR 051 twice (3.4 each). */
static void month_country_root(void **state)
{
    (void)state;
    char *csv = csv_of(SMALL, (agg_opts){.period = AGG_MONTH, .by = AGG_BY_ROOT, .actor_len = 3});
    assert_string_equal(csv,
        "period,source,target,root,events,goldstein_sum,goldstein_mean\n"
        "2016-01,RUS,USA,03,1,4,4.000\n"
        "2016-01,RUS,USA,19,1,-10,-10.000\n"
        "2016-01,USA,RUS,04,2,3.8,1.900\n"
        "2016-01,USA,RUS,11,1,-2,-2.000\n"
        "2016-02,SYR,---,01,1,0,0.000\n"
        "2016-02,TUR,SYR,05,2,6.8,3.400\n"
        "2016-02,USA,RUS,17,2,-10,-5.000\n");
    free(csv);
}

/* Weeks start on Monday: 2016-01-04, -11, 02-01, 02-15 and 02-29 are Mondays. */
static void week_actor_quad(void **state)
{
    (void)state;
    char *csv = csv_of(SMALL, (agg_opts){.period = AGG_WEEK, .by = AGG_BY_QUAD});
    assert_string_equal(csv,
        "period,source,target,quad,events,goldstein_sum,goldstein_mean\n"
        "2016-01-04,RUS,USA,4,1,-10,-10.000\n"
        "2016-01-04,USA,RUS,1,2,3.8,1.900\n"
        "2016-01-04,USAGOV,RUS,3,1,-2,-2.000\n"
        "2016-01-11,RUS,USA,1,1,4,4.000\n"
        "2016-02-01,USA,RUS,4,1,-5,-5.000\n"
        "2016-02-01,USAMIL,RUSMIL,4,1,-5,-5.000\n"
        "2016-02-15,SYR,---,1,1,0,0.000\n"
        "2016-02-15,TUR,SYR,2,1,3.4,3.400\n"
        "2016-02-29,TUR,SYR,2,1,3.4,3.400\n");
    free(csv);
}

/* Dedup at country level: the second USA>RUS 042 of 01-04 and USAMIL>RUSMIL
 * 172 of 02-01 (USA>RUS 172 that day already) go: USA>RUS keeps 1.9, -2, -5. */
static void all_country_dedup(void **state)
{
    (void)state;
    agg_opts o = {.period = AGG_ALL, .by = AGG_BY_NONE, .actor_len = 3, .dedup = 1};
    char *csv = csv_of(SMALL, o);
    assert_string_equal(csv,
        "period,source,target,events,goldstein_sum,goldstein_mean\n"
        "all,RUS,USA,2,-6,-3.000\n"
        "all,SYR,---,1,0,0.000\n"
        "all,TUR,SYR,2,6.8,3.400\n"
        "all,USA,RUS,3,-5.1,-1.700\n");
    free(csv);
    o.sorted = 1;   /* small.jsonl is in date order: the same result */
    csv = csv_of(SMALL, o);
    assert_non_null(strstr(csv, "all,USA,RUS,3,-5.1,-1.700\n"));
    free(csv);
}

static agg_event ev_on(int32_t date, const char *code)
{
    agg_event e = {.doc_id = "x", .date = date, .source = "USA", .target = "RUS",
                   .code = code, .root = "04", .quad = 1, .goldstein = 1};
    return e;
}

static void dedup_counts_and_order(void **state)
{
    (void)state;
    agg *a = agg_new(&(agg_opts){.period = AGG_DAY, .dedup = 1, .sorted = 1});
    int counted;
    agg_event e = ev_on(20160102, "042");
    assert_int_equal(agg_add(a, &e, &counted), DYAD_OK);
    assert_int_equal(counted, 1);
    assert_int_equal(agg_add(a, &e, &counted), DYAD_OK);
    assert_int_equal(counted, 0);
    e = ev_on(20160102, "043");
    assert_int_equal(agg_add(a, &e, &counted), DYAD_OK);
    assert_int_equal(counted, 1);
    e = ev_on(20160103, "042");
    assert_int_equal(agg_add(a, &e, &counted), DYAD_OK);
    assert_int_equal(counted, 1);
    e = ev_on(20160101, "042");                 /* back in time under sorted */
    assert_int_equal(agg_add(a, &e, &counted), DYAD_EINVAL);
    assert_int_equal(agg_counted(a), 3);
    assert_int_equal(agg_duplicates(a), 1);
    size_t n;
    agg_sorted(a, &n);
    assert_int_equal(n, 2);   /* 01-02 and 01-03, same dyad and root */
    agg_free(a);
}

static void many_cells_grow(void **state)
{
    (void)state;
    agg *a = agg_new(&(agg_opts){.period = AGG_DAY, .by = AGG_BY_CODE});
    char code[16];
    for (int d = 0; d < 365; d++)
        for (int c = 10; c < 30; c++) {
            snprintf(code, sizeof code, "0%d", c);
            agg_event e = ev_on(agg_date(agg_days(20160101) + d), code);
            assert_int_equal(agg_add(a, &e, NULL), DYAD_OK);
            assert_int_equal(agg_add(a, &e, NULL), DYAD_OK);
        }
    size_t n;
    const agg_cell *const *cells = agg_sorted(a, &n);
    assert_int_equal(n, 365 * 20);
    assert_int_equal(cells[0]->period, 20160101);
    assert_int_equal(cells[n - 1]->period, 20161230);
    assert_int_equal(cells[n - 1]->events, 2);
    assert_int_equal(agg_counted(a), 365 * 40);
    agg_free(a);
}

static void periods(void **state)
{
    (void)state;
    assert_int_equal(agg_days(19700101), 0);
    assert_int_equal(agg_days(20000301), 11017);
    for (long d = -1000; d < 40000; d += 7)
        assert_int_equal(agg_days(agg_date(d)), d);
    assert_int_equal(agg_period_start(20160110, AGG_WEEK), 20160104);  /* Sunday */
    assert_int_equal(agg_period_start(20160104, AGG_WEEK), 20160104);  /* Monday */
    assert_int_equal(agg_period_start(20160301, AGG_WEEK), 20160229);
    assert_int_equal(agg_period_start(20160317, AGG_MONTH), 20160301);
    assert_int_equal(agg_period_start(20160317, AGG_YEAR), 20160101);
    assert_int_equal(agg_period_next(20161201, AGG_MONTH), 20170101);
    assert_int_equal(agg_period_next(20160228, AGG_DAY), 20160229);
    assert_int_equal(agg_period_next(20151228, AGG_WEEK), 20160104);
    char s[16];
    agg_period_format(20160104, AGG_WEEK, s);
    assert_string_equal(s, "2016-01-04");
    agg_period_format(20160101, AGG_MONTH, s);
    assert_string_equal(s, "2016-01");
}

typedef struct seen {
    long line[16];
    int n;
} seen;

static void collect(const dyad_diag *d, void *ud)
{
    seen *s = ud;
    assert_string_equal(d->file, "tests/data/events/bad.jsonl");
    if (s->n < 16)
        s->line[s->n++] = d->line;
}

/* bad.jsonl: lines 1 and 5 are good; 2 (broken JSON), 3 (no date), 4 (code
 * ABC), 7 (month 13), 8 (schema 2) and 9 (an array) are not; 6 is blank. */
static void bad_records_reported_by_line(void **state)
{
    (void)state;
    seen s = {0};
    dyad_status st;
    agg_reader *r = agg_reader_open("tests/data/events/bad.jsonl", AGG_IN_AUTO, 0, collect,
                                    &s, &st);
    assert_non_null(r);
    agg_event ev;
    int good = 0;
    while ((st = agg_reader_next(r, &ev)) == DYAD_OK)
        good++;
    assert_int_equal(st, DYAD_EEND);
    assert_int_equal(good, 2);
    assert_int_equal(agg_reader_rejected(r), 6);
    long expect[] = {2, 3, 4, 7, 8, 9};
    assert_int_equal(s.n, 6);
    for (int i = 0; i < 6; i++)
        assert_int_equal(s.line[i], expect[i]);
    agg_reader_free(r);
    /* strict: the first bad record ends the stream */
    r = agg_reader_open("tests/data/events/bad.jsonl", AGG_IN_AUTO, 1, NULL, NULL, &st);
    assert_int_equal(agg_reader_next(r, &ev), DYAD_OK);
    assert_int_equal(agg_reader_next(r, &ev), DYAD_EFORMAT);
    agg_reader_free(r);
}

/* PETRARCH's own layout has no Goldstein or quad columns: both come from
 * the CAMEO table; an empty target is "---"; ids "doc-sentence" split. */
static void petrarch_tsv(void **state)
{
    (void)state;
    dyad_status st;
    agg_reader *r = agg_reader_open("tests/data/events/petrarch.tsv", AGG_IN_AUTO, 1, NULL,
                                    NULL, &st);
    assert_non_null(r);
    assert_int_equal(agg_reader_format(r), AGG_IN_TSV);
    agg_event ev;
    const double gold[] = {1.9, -2.0, -10.0, 10.0};
    const int quad[] = {1, 3, 4, 2};
    for (int i = 0; i < 4; i++) {
        assert_int_equal(agg_reader_next(r, &ev), DYAD_OK);
        assert_true(ev.goldstein == gold[i]);
        assert_int_equal(ev.quad, quad[i]);
        if (i == 0) {
            assert_string_equal(ev.doc_id, "a");
            assert_int_equal(ev.sentence, 0);
            assert_string_equal(ev.url, "http://x.example/a");
        }
    }
    assert_string_equal(ev.target, "---");
    assert_string_equal(ev.root, "08");
    assert_int_equal(agg_reader_next(r, &ev), DYAD_EEND);
    agg_reader_free(r);
}

static void unknown_format_and_missing_file(void **state)
{
    (void)state;
    dyad_status st;
    assert_null(agg_reader_open("tests/data/events/make_sample.py", AGG_IN_AUTO, 0, NULL,
                                NULL, &st));
    assert_int_equal(st, DYAD_EFORMAT);
    assert_null(agg_reader_open("tests/data/events/absent.jsonl", AGG_IN_AUTO, 0, NULL,
                                NULL, &st));
    assert_int_equal(st, DYAD_EIO);
    assert_null(agg_reader_open("tests/data/events/small.jsonl", AGG_IN_SQLITE, 0, NULL,
                                NULL, &st));
}

/* The record parser agrees with jansson: on validity, and on every field
 * of a valid object (strings, numbers, spans, issues). */
static void agree_with_jansson(agg_json *j, const char *line)
{
    json_error_t err;
    json_t *o = json_loadb(line, strlen(line), 0, &err);
    const char *why = agg_json_parse(j, line, strlen(line));
    if (!o || !json_is_object(o)) {
        if (why == NULL)
            fail_msg("accepted what jansson rejects: %s", line);
        json_decref(o);
        return;
    }
    if (why)
        fail_msg("rejected (%s) what jansson accepts: %s", why, line);
    static const char *keys[AJ_NSTR] = {"doc_id", "date", "source", "target", "code",
        "root", "source_text", "target_text", "verb_text", "sentence_text", "url", "issues"};
    for (int k = 0; k < AJ_NSTR; k++) {
        json_t *v = json_object_get(o, keys[k]);
        if (json_is_string(v))
            assert_string_equal(j->str[k], json_string_value(v));
        else if (json_is_array(v) && k == AJ_ISSUES)
            assert_int_equal(strlen(j->str[k]) > 0, json_array_size(v) > 0);
        else if (!json_is_integer(v))
            assert_string_equal(j->str[k], "");
    }
    json_t *g = json_object_get(o, "goldstein");
    if (json_is_number(g))
        assert_true(j->num[AJ_GOLDSTEIN] == json_number_value(g));
    json_t *sent = json_object_get(o, "sentence");
    assert_int_equal(j->has_num[AJ_SENTENCE] == 2, json_is_integer(sent));
    json_t *spans = json_object_get(o, "spans");
    if (spans) {
        json_t *a = json_object_get(spans, "verb");
        if (json_is_array(a) && json_array_size(a) >= 2)
            assert_int_equal(j->span[2].end, json_integer_value(json_array_get(a, 1)));
    }
    json_decref(o);
}

static void json_parser_matches_jansson(void **state)
{
    (void)state;
    agg_json j = {0};
    const char *files[] = {"tests/data/events/sample.jsonl", SMALL, "tests/data/events/bad.jsonl"};
    char line[8192];
    int n = 0;
    for (size_t f = 0; f < 3; f++) {
        FILE *in = fopen(files[f], "rb");
        assert_non_null(in);
        while (fgets(line, sizeof line, in)) {
            line[strcspn(line, "\n")] = '\0';
            if (*line)
                agree_with_jansson(&j, line), n++;
        }
        fclose(in);
    }
    assert_true(n > 480);
    static const char *cases[] = {
        "{}", " { } ", "{\"a\":1}", "{\"source\":\"caf\\u00e9 \\ud83d\\ude00 \\/ \\\" \\\\\"}",
        "{\"doc_id\":12,\"date\":20160101,\"sentence\":2.5}",
        "{\"x\":{\"y\":[1,2,{\"z\":null}],\"w\":true},\"code\":\"042\"}",
        "{\"goldstein\":-1.5e1,\"quad\":3}", "{\"issues\":[\"A\",\"\",\"B\",3]}",
        "{\"spans\":{\"verb\":[3,9],\"source\":\"x\"}}", "{\"a\":1,}", "{\"a\":1",
        "{\"a\":\"x}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":-}",
        "{\"a\":tru}", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\udc00x\"}", "{\"a\":\"\\u0000\"}",
        "{\"a\":\"\\x\"}", "{\"a\":\"\xff\"}", "{\"a\":\"\xc3\"}", "{\"a\":\"\xed\xa0\x80\"}",
        "{\"a\":\"\t\"}", "{\"a\":1} x", "{\"a\" 1}", "{a:1}", "[1]", "\"s\"", "",
        "{\"a\":[1,2,]}", "{\"a\":[}", "{\"a\":1e}", "{\"a\":1E+2}", "{\"a\":-0}",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        agree_with_jansson(&j, cases[i]);
    char deep[400] = "{\"a\":";
    for (int i = 0; i < 100; i++)
        strcat(deep, "[");
    for (int i = 0; i < 100; i++)
        strcat(deep, "]");
    strcat(deep, "}");
    assert_non_null(agg_json_parse(&j, deep, strlen(deep)));   /* over 64 deep */
    agg_json_free(&j);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(month_country_root),
        cmocka_unit_test(week_actor_quad),
        cmocka_unit_test(all_country_dedup),
        cmocka_unit_test(dedup_counts_and_order),
        cmocka_unit_test(many_cells_grow),
        cmocka_unit_test(periods),
        cmocka_unit_test(bad_records_reported_by_line),
        cmocka_unit_test(petrarch_tsv),
        cmocka_unit_test(unknown_format_and_missing_file),
        cmocka_unit_test(json_parser_matches_jansson),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
