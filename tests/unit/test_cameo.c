/* test_cameo.c: unit tests for the embedded CAMEO table (src/dict/cameo.c):
 * every code of the public CAMEO code list is present with the right quad
 * class, every Goldstein value matches the public Goldstein table, and
 * unknown sub-codes fall back to their parent. The two outside tables are
 * read from $DYAD_SHARED/cameo/; the comparisons skip when it is absent. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <cmocka.h>

#include "dyad.h"

/* Opens $DYAD_SHARED/cameo/name, or NULL (the caller skips). */
static FILE *open_shared(const char *name)
{
    const char *dir = getenv("DYAD_SHARED");
    if (!dir)
        dir = "../shared/data";
    char path[4096];
    snprintf(path, sizeof path, "%s/cameo/%s", dir, name);
    return fopen(path, "r");
}

/* GDELT's QuadClass convention: fixed by the two-digit root. */
static int quad_of_root(int root)
{
    return root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
}

static void every_listed_code_is_present_with_quad_by_root(void **state)
{
    (void)state;
    FILE *f = open_shared("eventcodes.tsv");
    if (!f)
        skip();
    char line[512];
    int n = 0;
    while (fgets(line, sizeof line, f)) {
        char *tab = strchr(line, '\t');
        if (!tab)
            continue;
        *tab = '\0';
        size_t len = strlen(line);
        if (len < 2 || strspn(line, "0123456789") != len)
            continue;   /* header and the one-digit quad rows */
        double g = 99;
        int quad = 0;
        const char *label = NULL;
        if (dyad_cameo_lookup(line, &g, &quad, &label) != 1)
            fail_msg("code %s missing from dict/cameo.txt", line);
        int root = (line[0] - '0') * 10 + (line[1] - '0');
        if (quad != quad_of_root(root))
            fail_msg("code %s: quad %d, want %d", line, quad, quad_of_root(root));
        assert_non_null(label);
        assert_true(strlen(label) > 2);
        n++;
    }
    fclose(f);
    assert_int_equal(n, 311);
}

static void goldstein_values_match_the_public_table(void **state)
{
    (void)state;
    FILE *f = open_shared("goldstein.tsv");
    if (!f)
        skip();
    char line[512];
    int n = 0;
    while (fgets(line, sizeof line, f)) {
        char code[16];
        double want;
        if (sscanf(line, "%15s %lf", code, &want) != 2)
            continue;   /* header */
        double got = 99;
        if (dyad_cameo_lookup(code, &got, NULL, NULL) != 1)
            fail_msg("code %s missing", code);
        if (fabs(got - want) > 1e-9)
            fail_msg("code %s: goldstein %.1f, want %.1f", code, got, want);
        n++;
    }
    fclose(f);
    assert_int_equal(n, 311);
}

static void known_codes_answer_without_outside_data(void **state)
{
    (void)state;
    double g;
    int q;
    const char *label;
    assert_int_equal(dyad_cameo_lookup("042", &g, &q, &label), 1);
    assert_true(fabs(g - 1.9) < 1e-9);
    assert_int_equal(q, 1);
    assert_int_equal(dyad_cameo_lookup("195", &g, &q, NULL), 1);
    assert_true(fabs(g + 10.0) < 1e-9);
    assert_int_equal(q, 4);
    assert_int_equal(dyad_cameo_lookup("0874", &g, &q, NULL), 1);
    assert_true(fabs(g - 10.0) < 1e-9);
    assert_int_equal(q, 2);
    assert_int_equal(dyad_cameo_lookup("01", &g, &q, NULL), 1);
    assert_int_equal(dyad_cameo_lookup("20", &g, &q, NULL), 1);
    assert_int_equal(q, 4);
    assert_int_equal(dyad_cameo_lookup("2042", &g, &q, NULL), 1);
    assert_int_equal(dyad_cameo_lookup("1056", &g, &q, NULL), 1);
}

static void unknown_subcodes_fall_back_to_parent(void **state)
{
    (void)state;
    double g = 0;
    int q = 0;
    const char *label = NULL, *parent = NULL;
    assert_int_equal(dyad_cameo_lookup("0235", &g, &q, &label), 2);
    assert_int_equal(dyad_cameo_lookup("023", NULL, NULL, &parent), 1);
    assert_string_equal(label, parent);
    assert_true(fabs(g - 3.4) < 1e-9);
    assert_int_equal(dyad_cameo_lookup("199", &g, &q, NULL), 2);
    assert_true(fabs(g + 10.0) < 1e-9);
    assert_int_equal(q, 4);
    assert_int_equal(dyad_cameo_lookup("1959", &g, &q, NULL), 2);
}

static void malformed_codes_are_unknown(void **state)
{
    (void)state;
    double g = 42;
    int q = 42;
    const char *label = "untouched";
    const char *bad[] = { NULL, "", "0", "1", "21", "219", "00", "---", "04a",
                          "12345", "0.4", " 04", "-10", "99" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (dyad_cameo_lookup(bad[i], &g, &q, &label) != 0)
            fail_msg("'%s' should be unknown", bad[i] ? bad[i] : "(null)");
    assert_true(g == 42 && q == 42);
    assert_string_equal(label, "untouched");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_listed_code_is_present_with_quad_by_root),
        cmocka_unit_test(goldstein_values_match_the_public_table),
        cmocka_unit_test(known_codes_answer_without_outside_data),
        cmocka_unit_test(unknown_subcodes_fall_back_to_parent),
        cmocka_unit_test(malformed_codes_are_unknown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
