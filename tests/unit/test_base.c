/* test_base.c: unit tests for src/base: arena, buf, JSON escaping, dates. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "base/base.h"

static void arena_allocates_aligned_and_resets(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 1024);
    for (int i = 0; i < 1000; i++) {
        char *p = arena_alloc(&a, (size_t)(i % 37) + 1);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % 16, 0);
        memset(p, 'x', (size_t)(i % 37) + 1);
    }
    char *big = arena_alloc(&a, 100000);
    assert_non_null(big);
    memset(big, 1, 100000);
    assert_string_equal(arena_printf(&a, "%s-%d", "x", 42), "x-42");
    arena_reset(&a);
    assert_int_equal(a.total, 0);
    assert_non_null(arena_strdup(&a, "again"));
    arena_free(&a);
}

static void buf_escapes_json(void **state)
{
    (void)state;
    buf b;
    buf_init(&b);
    const char s[] = "a\"b\\c\nd\x01";
    buf_json_escape(&b, s, sizeof s - 1);
    assert_string_equal(b.data, "a\\\"b\\\\c\\nd\\u0001");
    buf_clear(&b);
    for (int i = 0; i < 1000; i++)
        buf_printf(&b, "%d,", i);
    assert_true(b.len > 3000);
    assert_false(b.failed);
    buf_free(&b);
}

/* The UTF-8 encoder and \uXXXX reader the JSON and XML readers share. */
static void buf_utf8_and_hex4(void **state)
{
    (void)state;
    buf b;
    buf_init(&b);
    buf_put_utf8(&b, 0x41);
    buf_put_utf8(&b, 0xE9);      /* é */
    buf_put_utf8(&b, 0x20AC);    /* € */
    buf_put_utf8(&b, 0x1F600);   /* 😀 */
    assert_int_equal(b.len, 1 + 2 + 3 + 4);
    assert_memory_equal(b.data, "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80", b.len);
    buf_free(&b);
    unsigned v;
    assert_true(hex4_decode("20aC", &v));
    assert_int_equal(v, 0x20AC);
    assert_false(hex4_decode("12g4", &v));
}

static void date_parse_accepts_common_forms(void **state)
{
    (void)state;
    assert_int_equal(date_parse("20160608", 8), 20160608);
    assert_int_equal(date_parse("2016-06-08", 10), 20160608);
    assert_int_equal(date_parse("2016-06-08T12:00:00Z", 20), 20160608);
    assert_int_equal(date_parse("2016-02-30", 10), 0);
    assert_int_equal(date_parse("2015-02-29", 10), 0);
    assert_int_equal(date_parse("2016-02-29", 10), 20160229);
    assert_int_equal(date_parse("June 8", 6), 0);
    assert_int_equal(date_parse("201606", 6), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arena_allocates_aligned_and_resets),
        cmocka_unit_test(buf_escapes_json),
        cmocka_unit_test(buf_utf8_and_hex4),
        cmocka_unit_test(date_parse_accepts_common_forms),
    };
    return cmocka_run_group_tests_name("base", tests, NULL, NULL);
}
