/* test_code.c: unit tests for src/code: events from the constructions the
 * coder handles (subject-verb-object, passive with an agent, compounds,
 * agents composing with actors, dated codes, patterns and [A:B] codes,
 * negation, discards, require-dyad), the explain trace, and the
 * validation-file reader. Small in-memory dictionaries in both syntaxes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "code/code.h"

static const char verbs[] =
    "--- ATTACK [190] ---\nATTACK\n- * {AIR STRIKES} [195]\n"
    "--- MEET [040] ---\nMEET {MET MEETS MEETING}\n- * (WITH +) [043:044]\n"
    "--- RESTORE [050] ---\nRESTORE\n- * {DIPLOMATIC TIES} [051]\n"
    "--- ARREST [173] ---\nARREST\n"
    "--- SAY [010] ---\nSAY {SAYS SAID SAYING}\n"
    "--- ARRIVE [032:033] ---\nARRIVE\nDEPART [034]\nVISIT [042:043]\n";
static const char actors[] =
    "ARNOR [ARN]\nGONDOR [GON]\nMORDOR [MOR]\nRUSSIAN [RUS]\nUS [USA]\n"
    "SAM_GAMGEE [HOB]\n\t[HOBCIV <20080120]\n\t[HOBMIL 20080120-20121109]\n";
static const char agents[] = "GOVERNMENT [~GOV]\nPOLICE {} [~COP]\nSTUDENT [~EDU]\nMSF {} [NGO~]\nREPORTERS {} [~MED]\n";
static const char discards[] = "BASEBALL\n+WORLD CUP\n";

static dyad_dict *dict;

static int setup(void **state)
{
    (void)state;
    dict_mem_file f[] = {
        {DICT_FILE_VERBS, "v.txt", verbs, sizeof verbs - 1},
        {DICT_FILE_ACTORS, "a.txt", actors, sizeof actors - 1},
        {DICT_FILE_AGENTS, "g.txt", agents, sizeof agents - 1},
        {DICT_FILE_DISCARDS, "d.txt", discards, sizeof discards - 1},
    };
    dyad_status st;
    dict = dict_load_mem(f, DYAD_COUNT(f), 0, NULL, NULL, &st);
    return dict ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    dyad_dict_free(dict);
    return 0;
}

/* Codes text; writes "SRC TGT CODE" lines, sorted by the coder's order. */
static const char *code(unsigned opts, int32_t date, const char *text)
{
    static char out[1024];
    dyad_coder *c = dyad_coder_new(dict, opts);
    assert_non_null(c);
    dyad_doc doc = {"t", date, text, strlen(text), NULL, NULL, NULL, 0};
    const dyad_event *ev;
    size_t n;
    assert_int_equal(dyad_coder_code(c, &doc, &ev, &n, NULL, NULL), DYAD_OK);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(out);
        snprintf(out + l, sizeof out - l, "%s%s %s %s", i ? "; " : "", ev[i].source,
                 ev[i].target, ev[i].code);
        assert_true(ev[i].verb_span.end <= strlen(text));
        assert_non_null(ev[i].pattern);
    }
    dyad_coder_free(c);
    return out;
}

static void subject_verb_object(void **state)
{
    (void)state;
    assert_string_equal(code(0, 20160101, "Arnor attacked Gondor."), "ARN GON 190");
    assert_string_equal(code(0, 20160101, "Arnor restored full diplomatic ties with Gondor."),
                        "ARN GON 051");
}

/* What a clause asserts: intent maps to CAMEO's 03 and 13 codes, speculation
 * and unrealized events give none; PETRARCH's literal reading keeps all. */
static const char *code_cfg(int literal, const char *text)
{
    return code(literal ? DYAD_OPT_PETRARCH_READING : 0, 20160101, text);
}

static void modality(void **state)
{
    (void)state;
    assert_string_equal(code_cfg(0, "Arnor will restore full diplomatic ties with Gondor."),
                        "ARN GON 032");
    assert_string_equal(code_cfg(1, "Arnor will restore full diplomatic ties with Gondor."),
                        "ARN GON 051");
    assert_string_equal(code_cfg(0, "Arnor plans to attack Gondor."), "ARN GON 1384");
    assert_string_equal(code_cfg(0, "Arnor is ready to meet Gondor."), "ARN GON 036");
    assert_string_equal(code_cfg(0, "Arnor could attack Gondor."), "");
    assert_string_equal(code_cfg(1, "Arnor could attack Gondor."), "ARN GON 190");
    assert_string_equal(code_cfg(0, "Arnor failed to meet Gondor."), "");
    assert_string_equal(code_cfg(0, "Arnor has no plans to attack Gondor."), "");
    assert_string_equal(code_cfg(0, "Arnor no longer attacks Gondor."), "");
    assert_string_equal(code_cfg(0, "Arnor would attack Gondor if provoked."), "ARN GON 1384");
    assert_string_equal(code_intent_of("163"), "1312");
    assert_string_equal(code_intent_of("0871"), "0356");
    assert_null(code_intent_of("010"));
    arena a;
    arena_init(&a, 1024);
    assert_string_equal(code_by_content(&a, "130", "190"), "1384");   /* threaten attack */
    assert_string_equal(code_by_content(&a, "120", "040"), "125");    /* refuse talks */
    assert_string_equal(code_by_content(&a, "100", "0841"), "1053");  /* demand release */
    assert_string_equal(code_by_content(&a, "020", "087"), "0256");   /* appeal de-escalation */
    assert_string_equal(code_by_content(&a, "030", "072"), "0332");   /* pledge military aid */
    assert_null(code_by_content(&a, "100", "050"));   /* 10x has no diplomatic cooperation */
    assert_null(code_by_content(&a, "0241", "040"));  /* a specific code stands */
    assert_null(code_by_content(&a, "190", "040"));
    assert_string_equal(code_by_content(&a, "112", "1821"), "1122");  /* accused of torture */
    assert_string_equal(code_by_content(&a, "112", "190"), "1123");   /* ... of aggression */
    assert_null(code_by_content(&a, "112", "062"));
    arena_free(&a);
}

static void passive_with_agent_swaps(void **state)
{
    (void)state;
    assert_string_equal(code(0, 20160101, "Gondor was attacked by Mordor."), "MOR GON 190");
}

static void compounds_give_one_event_each(void **state)
{
    (void)state;
    assert_string_equal(code(0, 20160101, "Arnor and Gondor attacked Mordor."),
                        "ARN MOR 190; GON MOR 190");
}

static void agents_compose(void **state)
{
    (void)state;
    assert_string_equal(code(0, 20160101, "Russian police arrested Russian students."),
                        "RUSCOP RUSEDU 173");
    assert_string_equal(code(0, 20160101, "The Gondor government attacked MSF Arnor."),
                        "GONGOV NGOARN 190");
    assert_string_equal(code(0, 20160101, "Students attacked Gondor."), "---EDU GON 190");
}

static void dated_codes(void **state)
{
    (void)state;
    assert_string_equal(code(0, 20070101, "Sam Gamgee attacked Gondor."), "HOBCIV GON 190");
    assert_string_equal(code(0, 20100101, "Sam Gamgee attacked Gondor."), "HOBMIL GON 190");
}

static void pattern_pairs(void **state)
{
    (void)state;
    assert_string_equal(code(0, 20160101, "Arnor met with Gondor."), "ARN GON 043; GON ARN 044");
}

static const dict_verb *verb_named(const dyad_dict *d, const char *name)
{
    dict_word w = dict_word_find(d, name, strlen(name));
    uint32_t v[4];
    assert_true(dict_verbs_by_head(d, w, v, 4) >= 1);
    return dict_verb_get(d, v[0]);
}

/* [A:B] on a block header and on a verb line: the verb's own code wins, the
 * block's pair is inherited, a plain [A] has no B. */
static void verb_code_pairs_read(void **state)
{
    (void)state;
    const dict_verb *v = verb_named(dict, "ARRIVE");
    assert_string_equal(v->code, "032");
    assert_string_equal(v->code2, "033");
    assert_string_equal(dict_block_get(dict, v->block)->code2, "033");
    v = verb_named(dict, "DEPART");
    assert_string_equal(v->code, "034");
    assert_null(v->code2);
    v = verb_named(dict, "VISIT");
    assert_string_equal(v->code, "042");
    assert_string_equal(v->code2, "043");
    assert_null(verb_named(dict, "ATTACK")->code2);
    /* The pair survives the cache image. */
    char dir[] = "/tmp/dyad-test-code-XXXXXX";
    assert_non_null(mkdtemp(dir));
    dict_mem_file f = {DICT_FILE_VERBS, "v.txt", verbs, sizeof verbs - 1};
    dict_load_opts o = {0};
    o.cache_dir = dir;
    dyad_status st;
    for (int pass = 0; pass < 2; pass++) {
        dyad_dict *d = dict_load_mem_opts(&f, 1, &o, NULL, NULL, &st);
        assert_non_null(d);
        assert_int_equal(dict_from_cache(d), pass);
        assert_string_equal(verb_named(d, "VISIT")->code2, "043");
        assert_string_equal(verb_named(d, "ARRIVE")->code2, "033");
        assert_null(verb_named(d, "DEPART")->code2);
        dyad_dict_free(d);
    }
    char cmd[64];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

/* The verb's own [A:B] codes the reversed event as for patterns. */
static void verb_code_pairs_coded(void **state)
{
    (void)state;
    assert_string_equal(code(0, 20160101, "Arnor visited Gondor."), "ARN GON 042; GON ARN 043");
    assert_string_equal(code(0, 20160101, "Arnor departed Gondor."), "ARN GON 034");
    /* One side only: no reversed event. */
    assert_string_equal(code(0, 20160101, "Arnor visited the capital."), "ARN --- 042");
}

/* ", X said." closing a sentence attributes the clause before it: no
 * targetless 010 of its own, unless PETRARCH's records are being run. */
static void trailing_attribution(void **state)
{
    (void)state;
    const char *text = "Arnor attacked Gondor, the Mordor government said.";
    assert_string_equal(code(0, 20160101, text), "ARN GON 190");
    dyad_coder *c = dyad_coder_new(dict, 0);
    assert_non_null(c);
    code_config cfg;
    code_config_default(&cfg);
    cfg.attribution_events = 1;
    code_coder_configure(c, 0, &cfg);
    dyad_doc doc = {"t", 20160101, text, strlen(text), NULL, NULL, NULL, 0};
    const dyad_event *ev;
    size_t n;
    assert_int_equal(dyad_coder_code(c, &doc, &ev, &n, NULL, NULL), DYAD_OK);
    assert_int_equal(n, 2);
    assert_string_equal(ev[1].source, "MORGOV");
    assert_string_equal(ev[1].code, "010");
    dyad_coder_free(c);
}

/* A short one-word actor is an acronym only in capitals. */
static void short_actors_need_capitals(void **state)
{
    (void)state;
    assert_string_equal(code(0, 20160101, "Arnor attacked the US."), "ARN USA 190");
    assert_string_equal(code(0, 20160101, "Arnor attacked the US embassy."), "ARN USA 190");
    assert_string_equal(code(0, 20160101, "Arnor attacked us."), "ARN --- 190");
    assert_string_equal(code(0, 20160101, "Arnor Attacked Us"), "ARN --- 190");
}

/* A bare -S word right after the object of a finite verb is a plural noun. */
static void plural_noun_after_object(void **state)
{
    (void)state;
    assert_string_equal(code(0, 20160101, "Arnor met Gondor attacks."), "ARN GON 040");
    assert_string_equal(code(0, 20160101, "Arnor restored the Gondor arrests."), "ARN GON 050");
}

/* A statement needs a target; the press it is made to is not one. */
static void statements_need_a_target(void **state)
{
    (void)state;
    assert_string_equal(code(0, 20160101, "The Arnor government said nothing."), "");
    assert_string_equal(code(0, 20160101, "Arnor said to reporters."), "");
    assert_string_equal(code(0, 20160101, "Arnor said to Gondor reporters."), "ARN GONMED 010");
}

/* ", V-ing ..." after a coded clause is its detail, not an event of its own. */
static void participle_clause_is_detail(void **state)
{
    (void)state;
    assert_string_equal(code(0, 20160101, "Arnor attacked Gondor, arresting Mordor students."),
                        "ARN GON 190");
}

/* A question asserts nothing. */
static void questions_are_not_events(void **state)
{
    (void)state;
    assert_string_equal(code(0, 20160101, "Will Arnor attack Gondor?"), "");
    assert_string_equal(code(0, 20160101, "Arnor attacked Gondor."), "ARN GON 190");
}

static void negation_and_require_dyad(void **state)
{
    (void)state;
    assert_string_equal(code(0, 20160101, "Arnor did not attack Gondor."), "");
    assert_string_equal(code(DYAD_OPT_KEEP_NEGATED, 20160101, "Arnor did not attack Gondor."),
                        "ARN GON 190");
    assert_string_equal(code(0, 20160101, "Arnor attacked."), "ARN --- 190");
    assert_string_equal(code(DYAD_OPT_REQUIRE_DYAD, 20160101, "Arnor attacked."), "");
}

static void reported_speech(void **state)
{
    (void)state;
    /* A party's report of its own action is that action ... */
    assert_string_equal(code(0, 20160101, "Arnor said Arnor attacked Mordor."), "ARN MOR 190");
    /* ... a third party's report is also a comment on the actor. */
    assert_string_equal(code(0, 20160101, "Gondor said Arnor attacked Mordor."),
                        "GON ARN 010; ARN MOR 190");
}

static void discarded(void **state)
{
    (void)state;
    assert_string_equal(code(0, 20160101, "Arnor attacked Gondor at baseball."), "");
    assert_string_equal(code(0, 20160101, "Arnor attacked Gondor. The World Cup began."), "");
    assert_string_equal(code(0, 20160101, "Arnor attacked Gondor. Baseball is fun."),
                        "ARN GON 190");
}

static void explain_trace(void **state)
{
    (void)state;
    dyad_coder *c = dyad_coder_new(dict, DYAD_OPT_EXPLAIN);
    const char *t = "Arnor did not attack Gondor.";
    dyad_doc doc = {"t", 20160101, t, strlen(t), NULL, NULL, NULL, 0};
    const dyad_event *ev;
    size_t n;
    assert_int_equal(dyad_coder_code(c, &doc, &ev, &n, NULL, NULL), DYAD_OK);
    const char *x = dyad_coder_explain(c);
    assert_non_null(x);
    assert_non_null(strstr(x, "\"why_not\":\"negated verb\""));
    assert_non_null(strstr(x, "\"entry\":\"v.txt:"));
    dyad_coder_free(c);
    c = dyad_coder_new(dict, 0);
    assert_null(dyad_coder_explain(c));
    dyad_coder_free(c);
}

static void validation_file_reader(void **state)
{
    (void)state;
    static const char xml[] =
        "<Validation><Environment><Verbfile>V.txt</Verbfile><Actorfile>A.txt</Actorfile>"
        "<Config option=\"require_dyad\" value=\"False\"></Config></Environment>\n"
        "<!-- <Sentence id=\"X\"> commented out --></Sentence> -->\n"
        "<Config option=\"comma_max\" value=\"0\"/>\n"
        "<Sentence date=\"19950101\" id=\"R-1\" category=\"DEMO\" sentence=\"true\">\n"
        "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"></EventCoding>\n"
        "<Text>\nArnor &amp; Gondor\n met.\n</Text>\n<Parse>(ROOT (S (NP Arnor)))\n"
        "<EventCoding sourcecode=\"NO\" targetcode=\"NO\" eventcode=\"999\"></EventCoding></Parse>\n"
        "</Sentence>\n"
        "<Sentence date=\"19950101\" id=\"R-2\" category=\"ERROR\" sentence=\"false\">\n"
        "<EventCoding error=\"sentencediscard\"></EventCoding><Text>x</Text></Sentence>";
    code_vfile vf;
    assert_int_equal(code_vfile_parse(xml, sizeof xml - 1, "m.xml", &vf, NULL, NULL), DYAD_OK);
    assert_string_equal(vf.verbs, "V.txt");
    assert_string_equal(vf.actors, "A.txt");
    assert_null(vf.agents);
    assert_int_equal(vf.nconfigs, 1);
    assert_int_equal(vf.nrecords, 2);
    assert_string_equal(vf.records[0].id, "R-1");
    assert_string_equal(vf.records[0].text, "Arnor & Gondor met.");
    assert_int_equal(vf.records[0].date, 19950101);
    assert_int_equal(vf.records[0].nevents, 1);   /* nothing from <Parse> */
    assert_int_equal(vf.records[0].nconfigs, 1);
    assert_string_equal(vf.records[0].configs[0].option, "comma_max");
    assert_false(vf.records[1].sentence);
    assert_string_equal(vf.records[1].events[0].error, "sentencediscard");
    code_vfile_free(&vf);
    assert_int_equal(code_vfile_parse("junk", 4, "j.xml", &vf, NULL, NULL), DYAD_EFORMAT);
    code_vfile_free(&vf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(subject_verb_object),
        cmocka_unit_test(modality),
        cmocka_unit_test(passive_with_agent_swaps),
        cmocka_unit_test(compounds_give_one_event_each),
        cmocka_unit_test(agents_compose),
        cmocka_unit_test(dated_codes),
        cmocka_unit_test(pattern_pairs),
        cmocka_unit_test(verb_code_pairs_read),
        cmocka_unit_test(verb_code_pairs_coded),
        cmocka_unit_test(trailing_attribution),
        cmocka_unit_test(short_actors_need_capitals),
        cmocka_unit_test(plural_noun_after_object),
        cmocka_unit_test(statements_need_a_target),
        cmocka_unit_test(participle_clause_is_detail),
        cmocka_unit_test(questions_are_not_events),
        cmocka_unit_test(negation_and_require_dyad),
        cmocka_unit_test(reported_speech),
        cmocka_unit_test(discarded),
        cmocka_unit_test(explain_trace),
        cmocka_unit_test(validation_file_reader),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
