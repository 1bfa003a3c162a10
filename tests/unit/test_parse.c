/* test_parse.c: unit tests for src/parse: the closed-class table, the
 * WordNet lexicon, tags, noun-phrase and actor groups, verb groups with
 * voice and negation, subjects, and the comma rules. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "parse/parse_int.h"

static const char verbs[] =
    "--- ATTACK [190] ---\nATTACK\n--- SAY [010] ---\nSAY {SAYS SAID SAYING}\n"
    "--- RESTORE [050] ---\nRESTORE\n- * TIES [051]\n";
static const char actors[] = "ARNOR [ARN]\nGONDOR [GON]\nMORDOR [MOR]\n";
static const char agents[] = "GOVERNMENT [~GOV]\nPOLICE {} [~COP]\nOFFICIAL [~GOV]\n";

typedef struct fixture {
    dyad_dict *d;
    parse_lexicon *lx;
    arena a;
    text_doc td;
    parse_sent ps;
} fixture;

static int setup(void **state)
{
    static fixture f;
    dict_mem_file files[] = {
        {DICT_FILE_VERBS, "v.txt", verbs, sizeof verbs - 1},
        {DICT_FILE_ACTORS, "a.txt", actors, sizeof actors - 1},
        {DICT_FILE_AGENTS, "g.txt", agents, sizeof agents - 1},
    };
    dyad_status st;
    f.d = dict_load_mem(files, 3, 0, NULL, NULL, &st);
    f.lx = parse_lexicon_new();
    arena_init(&f.a, 1 << 14);
    *state = &f;
    return f.d && f.lx ? 0 : -1;
}

static int teardown(void **state)
{
    fixture *f = *state;
    dyad_dict_free(f->d);
    parse_lexicon_free(f->lx);
    arena_free(&f->a);
    return 0;
}

static parse_sent *parse(fixture *f, const char *text, int commas)
{
    arena_reset(&f->a);
    assert_int_equal(text_analyze(&f->a, text, strlen(text), &f->td, NULL, NULL, "t", 0),
                     DYAD_OK);
    assert_true(f->td.nsentences >= 1);
    parse_opts o;
    parse_opts_default(&o);
    if (!commas)
        o.comma_max = o.comma_bmax = o.comma_emax = 0;
    assert_int_equal(parse_sentence(&f->a, f->d, f->lx, NULL, &o, &f->td, 0, &f->ps), DYAD_OK);
    return &f->ps;
}

static char *group_text(const parse_sent *ps, uint32_t g, char *out, size_t n)
{
    out[0] = '\0';
    if (g == PARSE_NONE)
        return strcpy(out, "-");
    for (uint32_t i = ps->groups[g].begin; i < ps->groups[g].end; i++) {
        if (i > ps->groups[g].begin)
            strncat(out, " ", n - strlen(out) - 1);
        strncat(out, ps->toks[i].norm, ps->toks[i].len < n - strlen(out) - 1 ?
                ps->toks[i].len : n - strlen(out) - 1);
    }
    return out;
}

static void closed_table_is_sorted(void **state)
{
    (void)state;
    assert_true(parse_closed_sorted());
    unsigned pos, flags;
    assert_true(parse_closed_word("WAS", 3, &pos, &flags));
    assert_int_equal(pos, POS_AUX);
    assert_true(flags & PF_BE);
    assert_false(parse_closed_word("GONDOR", 6, &pos, &flags));
}

static void lexicon_knows_classes_and_irregular_forms(void **state)
{
    fixture *f = *state;
    const char *base;
    unsigned c = parse_lexicon_get(f->lx, "LEFT", 4, &base);
    assert_true(c & LX_V);
    assert_true(c & LX_VIRR);
    assert_string_equal(base, "LEAVE");
    assert_true(parse_lexicon_get(f->lx, "ATTACK", 6, NULL) & LX_N);
    assert_int_equal(parse_lexicon_get(f->lx, "XQZW", 4, NULL), 0);
}

static void subject_verb_object(void **state)
{
    fixture *f = *state;
    parse_sent *ps = parse(f, "The Arnor government attacked Gondor on Monday.", 1);
    char b[128];
    assert_int_equal(ps->nvgs, 1);
    assert_int_not_equal(ps->vgs[0].unit, PARSE_NONE);
    assert_false(ps->vgs[0].passive);
    assert_string_equal(group_text(ps, ps->vgs[0].subject, b, sizeof b), "THE ARNOR GOVERNMENT");
}

static void passive_and_negation(void **state)
{
    fixture *f = *state;
    parse_sent *ps = parse(f, "Gondor was not attacked by Mordor police.", 1);
    assert_int_equal(ps->nvgs, 1);
    assert_true(ps->vgs[0].passive);
    assert_true(ps->vgs[0].negated);
    ps = parse(f, "Arnor didn't attack Gondor.", 1);
    assert_true(ps->vgs[0].negated);   /* DIDN'T split as DID + N'T */
}

static void noun_after_determiner_is_no_verb(void **state)
{
    fixture *f = *state;
    parse_sent *ps = parse(f, "Arnor condemned an attack by Mordor.", 1);
    for (uint32_t v = 0; v < ps->nvgs; v++)
        assert_int_equal(ps->vgs[v].unit, PARSE_NONE);   /* "attack" is a noun here */
}

static void coordination_and_distribution(void **state)
{
    fixture *f = *state;
    parse_sent *ps = parse(f, "Police and officials in Arnor and Gondor restored ties.", 1);
    char b[128];
    assert_int_equal(ps->nvgs, 1);
    uint32_t g = ps->vgs[0].subject;
    assert_string_equal(group_text(ps, g, b, sizeof b), "POLICE AND OFFICIALS IN ARNOR AND GONDOR");
    assert_int_equal(ps->groups[g].nconj, 4);
    assert_int_not_equal(ps->conjs[ps->groups[g].first_conj].dist_from, PARSE_NONE);
}

static void infinitive_inherits_subject(void **state)
{
    fixture *f = *state;
    parse_sent *ps = parse(f, "Arnor is about to restore ties with Gondor.", 1);
    char b[128];
    uint32_t v = ps->nvgs - 1;
    assert_int_not_equal(ps->vgs[v].unit, PARSE_NONE);
    assert_string_equal(group_text(ps, ps->vgs[v].subject, b, sizeof b), "ARNOR");
}

static void comma_rules_remove_short_clauses_with_a_verb(void **state)
{
    fixture *f = *state;
    parse_sent *ps = parse(f, "Arnor attacked Gondor, a senior official said.", 1);
    assert_int_equal(ps->nvgs, 1);   /* ", a senior official said" is gone */
    ps = parse(f, "Arnor attacked Gondor, a senior official said.", 0);
    assert_int_equal(ps->nvgs, 2);
    ps = parse(f, "Arnor, Gondor and Mordor attacked.", 1);
    assert_int_equal(ps->groups[ps->vgs[0].subject].nactors, 3);   /* lists stay */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(closed_table_is_sorted),
        cmocka_unit_test(lexicon_knows_classes_and_irregular_forms),
        cmocka_unit_test(subject_verb_object),
        cmocka_unit_test(passive_and_negation),
        cmocka_unit_test(noun_after_determiner_is_no_verb),
        cmocka_unit_test(coordination_and_distribution),
        cmocka_unit_test(infinitive_inherits_subject),
        cmocka_unit_test(comma_rules_remove_short_clauses_with_a_verb),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
