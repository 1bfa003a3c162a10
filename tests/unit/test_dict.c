/* test_dict.c: unit tests for src/dict: one group per reader (PETRARCH2
 * verbs, PETRARCH-1/TABARI verbs, actors, agents, discards, issues), the
 * word forms, lookup, the cache, strict mode, and the real PETRARCH2 files
 * when ../shared/data is present ($DYAD_SHARED; skipped otherwise). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "dict/dict.h"

/* ---- Helpers ------------------------------------------------------------ */

typedef struct diags {
    int errors, warnings, notes;
    long lines[64];
    char msgs[64][160];
    int n;
} diags;

static void collect(const dyad_diag *d, void *ud)
{
    diags *g = ud;
    if (d->severity == DYAD_ERROR)
        g->errors++;
    else if (d->severity == DYAD_WARNING)
        g->warnings++;
    else
        g->notes++;
    if (g->n < 64) {
        g->lines[g->n] = d->line;
        snprintf(g->msgs[g->n], sizeof g->msgs[0], "%s", d->message);
        g->n++;
    }
}

/* Whether a diagnostic at line mentions needle. */
static int has_diag(const diags *g, long line, const char *needle)
{
    for (int i = 0; i < g->n; i++)
        if (g->lines[i] == line && strstr(g->msgs[i], needle))
            return 1;
    return 0;
}

static dyad_dict *load1(dict_file_kind kind, const char *text, diags *g)
{
    dict_mem_file f = {kind, "t.txt", text, strlen(text)};
    dyad_status st;
    memset(g, 0, sizeof *g);
    dyad_dict *d = dict_load_mem(&f, 1, 0, collect, g, &st);
    assert_non_null(d);
    assert_int_equal(dict_check(d), 0);
    return d;
}

/* Looks a phrase up; returns the entry of the first match of kind covering
 * all its words, or -1. */
static long find(const dyad_dict *d, const char *phrase, unsigned kind)
{
    dict_word w[16];
    size_t n = dict_phrase_words(d, phrase, w, 16);
    dict_match m[32];
    size_t k = dict_lookup(d, w, n, kind, m, 32);
    for (size_t i = 0; i < k && i < 32; i++)
        if (m[i].len == n)
            return (long)m[i].entry;
    return -1;
}

/* ---- PETRARCH2 verbs ------------------------------------------------------- */

static const char p2_verbs[] =
    "# comment\n"
    "&CURRENCY\n"
    "+DOLLAR\n"
    "+CASH_\n"
    "+SWISS_FRANC\n"
    "&AUXVERB_\n"
    "+WAS\n"
    "&FIGHT_OF_WORDS\n"
    "+DEBATE\n"
    "####### VERB PATTERNS #######\n"
    "--- GRANT [070] ---\n"                                   /* 11 */
    "GIVE {GAVE GIVEN GIVING GIVES}  # irregular\n"
    "STOP\n"
    "CARRY [071]\n"
    "+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]\n"
    "WIRE_+TAP\n"                                            /* 16 */
    "- * &CURRENCY [903]  # money\n"
    "- * (TO {BANNED PARTIES}) $ [042:043]\n"
    "- * (BEFORE COURT) [:173]\n"
    "- &AUXVERB * IN_&FIGHT_OF_WORDS [010]\n"                  /* 20 */
    "- * &NOSUCH [010]\n"
    "--- PLAY [---] ---\n"
    "PLAY\n"
    "DIE\n"
    "COMMIT\n"
    "~ a (a b ATTACK) SAY = a b 015\n";

/* PETRARCH's file names declare the kind; content is only a fallback (a
 * list of organisation names looks like a discard list). */
static void kind_from_name(void **state)
{
    (void)state;
    assert_int_equal(dict_file_kind_from_name("dict/dyad.organizations.actors.txt"),
                     DICT_FILE_ACTORS);
    assert_int_equal(dict_file_kind_from_name("x/Phoenix.agents.txt"), DICT_FILE_AGENTS);
    assert_int_equal(dict_file_kind_from_name("Phoenix.discards.txt"), DICT_FILE_DISCARDS);
    assert_int_equal(dict_file_kind_from_name("Phoenix.IssueCoding.txt"), DICT_FILE_ISSUES);
    assert_int_equal(dict_file_kind_from_name("a.verbs.b/dyad.verbs.txt"), DICT_FILE_VERBS);
    assert_int_equal(dict_file_kind_from_name("CAMEO.2.0.txt"), -1);
    assert_int_equal(dict_file_kind_from_name("dir.actors.d/CAMEO.2.0.txt"), -1);
}

static void p2_verbs_blocks_forms_codes(void **state)
{
    (void)state;
    diags g;
    dyad_dict *d = load1(DICT_FILE_VERBS, p2_verbs, &g);
    dict_stats s;
    dict_get_stats(d, &s);
    assert_int_equal(s.verb_blocks, 2);
    assert_int_equal(s.verbs, 8);
    assert_int_equal(s.synsets, 3);
    assert_int_equal(s.patterns, 4);          /* &NOSUCH skipped */
    assert_int_equal(s.transforms, 1);
    assert_int_equal(g.errors, 0);
    assert_true(has_diag(&g, 21, "undefined synset"));

    /* Irregular forms only: no generated GIVED. */
    long give = find(d, "gave", DICT_VERB);
    assert_true(give >= 0);
    assert_string_equal(dict_verb_get(d, (uint32_t)give)->code, "070");
    assert_int_equal(find(d, "gived", DICT_VERB), -1);
    /* Regular forms spelled correctly (PETRARCH: STOPED, CARRYED). */
    assert_true(find(d, "stopped", DICT_VERB) >= 0);
    assert_true(find(d, "stopping", DICT_VERB) >= 0);
    assert_true(find(d, "stops", DICT_VERB) >= 0);
    assert_true(find(d, "carried", DICT_VERB) >= 0);
    assert_true(find(d, "carries", DICT_VERB) >= 0);
    assert_true(find(d, "plays", DICT_VERB) >= 0);
    assert_int_equal(find(d, "plaies", DICT_VERB), -1);
    assert_true(find(d, "dying", DICT_VERB) >= 0);
    assert_true(find(d, "committed", DICT_VERB) >= 0);
    /* Per-verb code overrides the block's. */
    long carry = find(d, "carry", DICT_VERB);
    assert_string_equal(dict_verb_get(d, (uint32_t)carry)->code, "071");
    /* Compound verbs: head marked by '+'. */
    long ask = find(d, "asked for", DICT_VERB);
    assert_true(ask >= 0);
    const dict_verb *v = dict_verb_get(d, (uint32_t)ask);
    assert_int_equal(v->nwords, 2);
    assert_int_equal(v->head, 0);
    assert_string_equal(v->code, "020");
    long tap = find(d, "wire tapped", DICT_VERB);
    assert_true(tap >= 0);
    assert_int_equal(dict_verb_get(d, (uint32_t)tap)->head, 1);
    uint32_t heads[8];
    assert_true(dict_verbs_by_head(d, dict_word_find(d, "ASKED", 5), heads, 8) >= 1);
    assert_int_equal(heads[0], (uint32_t)ask);
    dyad_dict_free(d);
}

static void p2_patterns_compile(void **state)
{
    (void)state;
    diags g;
    dyad_dict *d = load1(DICT_FILE_VERBS, p2_verbs, &g);
    const dict_verb *v = dict_verb_get(d, (uint32_t)find(d, "give", DICT_VERB));
    assert_int_equal(v->npatterns, 4);
    const dict_pattern *p = &v->patterns[1];   /* * (TO {BANNED PARTIES}) $ [042:043] */
    assert_int_equal(p->syntax, DICT_SYNTAX_P2);
    assert_string_equal(p->code, "042");
    assert_string_equal(p->code2, "043");
    assert_int_equal(p->src.line, 18);
    static const uint8_t kinds[] = {PAT_VERB, PAT_PREP_BEGIN, PAT_WORD, PAT_GROUP_BEGIN,
                                    PAT_WORD, PAT_WORD, PAT_GROUP_END, PAT_PREP_END,
                                    PAT_SOURCE};
    assert_int_equal(p->nelems, sizeof kinds);
    for (size_t i = 0; i < sizeof kinds; i++)
        assert_int_equal(p->elems[i].kind, kinds[i]);
    assert_true(p->elems[5].flags & PATF_HEAD);          /* PARTIES */
    assert_false(p->elems[4].flags & PATF_HEAD);
    assert_string_equal(dict_word_str(d, p->elems[5].id), "PARTIES");
    /* [:B]: no active event, B when reversed. */
    assert_string_equal(v->patterns[2].code, "---");
    assert_string_equal(v->patterns[2].code2, "173");
    /* Synsets, a '_' join, and a name holding '_'. */
    const dict_pattern *q = &v->patterns[3];
    assert_int_equal(q->elems[0].kind, PAT_SYNSET);
    assert_string_equal(dict_synset_name(d, q->elems[0].id), "AUXVERB");
    assert_int_equal(q->elems[3].kind, PAT_SYNSET);
    assert_true(q->elems[3].flags & PATF_ADJACENT);
    assert_string_equal(dict_synset_name(d, q->elems[3].id), "FIGHT_OF_WORDS");
    /* Members with plurals, except trailing '_' ones and '_' synsets. */
    uint32_t cur = v->patterns[0].elems[1].id, len = 0;
    dict_word w[4];
    size_t n = dict_phrase_words(d, "dollars", w, 4);
    assert_true(dict_synset_match(d, cur, w, n, &len));
    n = dict_phrase_words(d, "swiss francs", w, 4);
    assert_true(dict_synset_match(d, cur, w, n, &len));
    assert_int_equal(len, 2);
    n = dict_phrase_words(d, "cashes", w, 4);
    assert_false(dict_synset_match(d, cur, w, n, &len));
    assert_int_equal(find(d, "wases", DICT_SYNSET), -1);
    assert_string_equal(dict_transform_get(d, 0)->text, "a (a b ATTACK) SAY = a b 015");
    dyad_dict_free(d);
}

/* ---- PETRARCH-1 / TABARI verbs ---------------------------------------------- */

static void p1_syntax_detected(void **state)
{
    (void)state;
    const char *text =
        "<!-- TABARI verbs -->\n"
        "&TIETYPES\n+MILITARY\n+ECONOMIC\n\n"
        "--- ACCORD [---] ---\n"
        "ACCORD\n"
        "- $ * + [031]\n"
        "- % * [030:030]\n"
        "- IN_* ^ NEW_&TIETYPES_RELATIONS [075]\n"
        "<!-- a comment line among the blocks -->\n"
        "- * TO_+ [073]\n";
    diags g;
    dyad_dict *d = load1(DICT_FILE_VERBS, text, &g);
    assert_int_equal(g.errors, 0);
    assert_true(has_diag(&g, 11, "PETRARCH2 ignores every pattern"));
    const dict_verb *v = dict_verb_get(d, (uint32_t)find(d, "accords", DICT_VERB));
    assert_int_equal(v->npatterns, 4);
    assert_int_equal(v->patterns[0].syntax, DICT_SYNTAX_P1);
    assert_int_equal(v->patterns[0].elems[0].kind, PAT_SOURCE);
    assert_int_equal(v->patterns[0].elems[2].kind, PAT_TARGET);
    assert_int_equal(v->patterns[1].elems[0].kind, PAT_COMPOUND);
    const dict_pattern *p = &v->patterns[2];
    assert_int_equal(p->elems[1].kind, PAT_VERB);
    assert_true(p->elems[1].flags & PATF_ADJACENT);
    assert_int_equal(p->elems[2].kind, PAT_SKIP);
    assert_int_equal(p->elems[4].kind, PAT_SYNSET);
    assert_true(p->elems[4].flags & PATF_ADJACENT);
    assert_int_equal(p->elems[5].kind, PAT_WORD);
    assert_true(p->elems[5].flags & PATF_ADJACENT);
    assert_int_equal(v->patterns[3].src.line, 12);
    dyad_dict_free(d);
}

static void nested_synsets(void **state)
{
    (void)state;
    /* TABARI lets a synset list another one; later definitions count too. */
    const char *text = "&OUTER\n+&INNER\n+CLOSER\n&INNER_\n+MILITARY\n"
                       "--- A [010] ---\nACT\n- * &OUTER TIES [011]\n";
    diags g;
    dyad_dict *d = load1(DICT_FILE_VERBS, text, &g);
    assert_int_equal(g.errors + g.warnings, 0);
    const dict_verb *v = dict_verb_get(d, (uint32_t)find(d, "act", DICT_VERB));
    uint32_t outer = v->patterns[0].elems[1].id, len;
    dict_word w[2];
    size_t n = dict_phrase_words(d, "military", w, 2);
    assert_true(dict_synset_match(d, outer, w, n, &len));
    n = dict_phrase_words(d, "closers", w, 2);
    assert_true(dict_synset_match(d, outer, w, n, &len));
    n = dict_phrase_words(d, "militaries", w, 2);   /* INNER_ has no plurals */
    assert_false(dict_synset_match(d, outer, w, n, &len));
    dyad_dict_free(d);
}

static void same_name_blocks_share_patterns(void **state)
{
    (void)state;
    /* PETRARCH keys patterns by block name (PETR.Validate.verbs.txt has two
     * SHOT blocks). */
    const char *text = "--- SHOT [---] ---\nSHOT\n- *_AND_WOUND [223]\n"
                       "--- OTHER [010] ---\nOTHER\n- * THING [011]\n"
                       "--- SHOT [223] ---\nGUN_DOWN\n- + WAS * DEAD [224]\n";
    diags g;
    dyad_dict *d = load1(DICT_FILE_VERBS, text, &g);
    const dict_verb *a = dict_verb_get(d, (uint32_t)find(d, "shot", DICT_VERB));
    const dict_verb *c = dict_verb_get(d, (uint32_t)find(d, "gunned down", DICT_VERB));
    const dict_verb *o = dict_verb_get(d, (uint32_t)find(d, "other", DICT_VERB));
    assert_int_equal(a->npatterns, 2);
    assert_int_equal(c->npatterns, 2);
    assert_ptr_equal(a->patterns, c->patterns);
    assert_int_equal(a->patterns[0].src.line, 3);
    assert_int_equal(a->patterns[1].src.line, 9);
    assert_int_equal(o->npatterns, 1);
    assert_string_equal(o->patterns[0].code, "011");
    assert_string_equal(c->code, "223");
    dyad_dict_free(d);
}

/* ---- Actors -------------------------------------------------------------------- */

static const char actors[] =
    "# actors\n"
    "JOHN_KERRY_ # comment\n"                       /* 2 */
    "+SECRETARY_KERRY_\n"
    "\t[USAGOVLEG 850103-130201]\n"
    "\t[USAGOV >130201]\n"                          /* 5 */
    "GOLLUM\n"
    "\t[HOB < 950601]\n"
    "\t[HOBGOV 19950601 - 19990815]\n"
    "\t[HOBREB > 990816]\n"
    "KOFI_ANNAN_\t[IGOUNO 970101-061231] [ELI]\n"   /* 10 */
    "OLD_\t[OLD 9008223-911221]\n"
    "BAD\x1a_ONE [XXX]\n"                           /* 12 */
    "WORSE [YYY 20131345]\n"
    "SAM_GAMGEE_ [HOB] [HOBCIV <20080120]\n";     /* 14 */

static void actor_dates_restricted_first_then_default(void **state)
{
    (void)state;
    diags g;
    dyad_dict *d = load1(DICT_FILE_ACTORS, actors, &g);
    long kerry = find(d, "John Kerry", DICT_ACTOR);
    assert_true(kerry >= 0);
    assert_int_equal(find(d, "secretary kerry", DICT_ACTOR), kerry);
    assert_string_equal(dict_actor_code_at(d, (uint32_t)kerry, 20160608), "USAGOV");
    assert_string_equal(dict_actor_code_at(d, (uint32_t)kerry, 20100101), "USAGOVLEG");
    /* A D1-D2 range includes D2 (PETRARCH's reading, validation DATE-11)
     * and the first match wins, so the hand-over day is still USAGOVLEG. */
    assert_string_equal(dict_actor_code_at(d, (uint32_t)kerry, 20130201), "USAGOVLEG");
    assert_string_equal(dict_actor_code_at(d, (uint32_t)kerry, 20130202), "USAGOV");
    assert_null(dict_actor_code_at(d, (uint32_t)kerry, 19800101));
    assert_int_equal(dict_actor_code_rec_at(d, (uint32_t)kerry, 20160608)->line, 5);
    long gollum = find(d, "gollum", DICT_ACTOR);
    assert_string_equal(dict_actor_code_at(d, (uint32_t)gollum, 19950531), "HOB");
    assert_string_equal(dict_actor_code_at(d, (uint32_t)gollum, 19950601), "HOBGOV");
    assert_string_equal(dict_actor_code_at(d, (uint32_t)gollum, 19990816), "HOBREB");
    long annan = find(d, "kofi annan", DICT_ACTOR);
    assert_string_equal(dict_actor_code_at(d, (uint32_t)annan, 20000101), "IGOUNO");
    assert_string_equal(dict_actor_code_at(d, (uint32_t)annan, 20100101), "ELI");
    assert_string_equal(dict_actor_code_at(d, (uint32_t)annan, 0), "ELI");   /* undated */
    const dict_actor *a = dict_actor_get(d, (uint32_t)annan);
    assert_int_equal(a->codes[0].from, 19970101);                 /* YY > 30: 19YY */
    assert_int_equal(a->codes[0].to, 20061231);                   /* YY <= 30: 20YY */
    /* The unrestricted code is the default wherever it stands. */
    long sam = find(d, "sam gamgee", DICT_ACTOR);
    assert_string_equal(dict_actor_code_at(d, (uint32_t)sam, 20000101), "HOBCIV");
    assert_string_equal(dict_actor_code_at(d, (uint32_t)sam, 20100101), "HOB");
    assert_string_equal(dict_actor_code_at(d, (uint32_t)sam, 0), "HOB");
    long old = find(d, "old", DICT_ACTOR);
    assert_int_equal(dict_actor_get(d, (uint32_t)old)->codes[0].from, 19900822);
    assert_true(has_diag(&g, 11, "7-digit date"));
    assert_true(has_diag(&g, 12, "control byte 0x1A"));
    assert_true(find(d, "bad one", DICT_ACTOR) >= 0);
    assert_true(has_diag(&g, 13, "invalid date"));
    assert_int_equal(g.errors, 1);
    dyad_dict_free(d);
}

/* ---- Agents, discards, issues ----------------------------------------------------- */

static void agents_affixes_plurals_markers(void **state)
{
    (void)state;
    const char *text =
        "!PERSON! = MAN, WOMAN\n"
        "PRESIDENT [~GOV]\n"
        "HUMAN_RIGHTS_BODY [NGO~]\n"
        "POLICE {} [~COP]\n"
        "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]\n"
        "CONGRESS!PERSON! [~LEG]\n"
        "BOSS [~BUS]\n"
        "SECRETARY [~GOV]\n"
        "NOCODE\n";
    diags g;
    dyad_dict *d = load1(DICT_FILE_AGENTS, text, &g);
    long pres = find(d, "presidents", DICT_AGENT);
    assert_true(pres >= 0);
    const dict_agent *a = dict_agent_get(d, (uint32_t)pres);
    assert_string_equal(a->code, "GOV");
    assert_int_equal(a->prefix, 0);
    a = dict_agent_get(d, (uint32_t)find(d, "human rights bodies", DICT_AGENT));
    assert_string_equal(a->code, "NGO");
    assert_int_equal(a->prefix, 1);
    assert_int_equal(find(d, "polices", DICT_AGENT), -1);
    assert_true(find(d, "attorneys general", DICT_AGENT) >= 0);
    assert_true(find(d, "congresswoman", DICT_AGENT) >= 0);
    assert_true(find(d, "bosses", DICT_AGENT) >= 0);       /* PETRARCH: BOSSES too */
    assert_true(find(d, "secretaries", DICT_AGENT) >= 0);
    assert_true(has_diag(&g, 9, "without a [code]"));
    dyad_dict_free(d);
}

static void discards_and_issues(void **state)
{
    (void)state;
    diags g;
    dyad_dict *d = load1(DICT_FILE_DISCARDS, "+World Golf Championships # story\nBASEBALL\n", &g);
    long golf = find(d, "world golf championships", DICT_DISCARD);
    assert_true(dict_discard_get(d, (uint32_t)golf)->whole_story);
    assert_false(dict_discard_get(d, (uint32_t)find(d, "baseball", DICT_DISCARD))->whole_story);
    dyad_dict_free(d);

    const char *issues =
        "<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">\n"
        "n:university [POSTSECONDARY_EDUCATION]\n"
        "pre+n:school [EARLY]\n"
        "ethnic v:purge [ATROCITY]\n"
        "~a head start\n"
        "~~Armenian genocide\n"
        "</ISSUE>\n";
    d = load1(DICT_FILE_ISSUES, issues, &g);
    long u = find(d, "universities", DICT_ISSUE);
    assert_true(u >= 0);
    const dict_issue *is = dict_issue_get(d, (uint32_t)u);
    assert_string_equal(is->code, "POSTSECONDARY_EDUCATION");
    assert_string_equal(is->category, "EDUCATION");
    assert_true(find(d, "pre schools", DICT_ISSUE) >= 0);
    assert_true(find(d, "pre-school", DICT_ISSUE) >= 0);
    assert_true(find(d, "ethnic purged", DICT_ISSUE) >= 0);
    assert_true(find(d, "ethnic purging", DICT_ISSUE) >= 0);
    assert_int_equal(dict_issue_get(d, (uint32_t)find(d, "a head start", DICT_ISSUE))->negative, 1);
    assert_int_equal(dict_issue_get(d, (uint32_t)find(d, "armenian genocide", DICT_ISSUE))->negative, 2);
    dyad_dict_free(d);
}

/* ---- Lookup, strict, cache ------------------------------------------------------------ */

static void lookup_longest_first(void **state)
{
    (void)state;
    diags g;
    dyad_dict *d = load1(DICT_FILE_ACTORS, "UNITED_STATES [USA]\nUNITED [UTD]\n"
                         "UNITED_STATES_ARMY [USAMIL]\n", &g);
    dict_word w[8];
    size_t n = dict_phrase_words(d, "united states army today", w, 8);
    assert_int_equal(n, 4);
    assert_int_equal(w[3], 0);                    /* not a dictionary word */
    dict_match m[8];
    size_t k = dict_lookup(d, w, n, DICT_ACTOR, m, 8);
    assert_int_equal(k, 3);
    assert_int_equal(m[0].len, 3);
    assert_int_equal(m[1].len, 2);
    assert_int_equal(m[2].len, 1);
    assert_int_equal(dict_lookup(d, w, n, DICT_VERB, m, 8), 0);
    assert_int_equal(dict_lookup(d, w, n, DICT_ACTOR, m, 1), 3);   /* total, one written */
    dyad_dict_free(d);
}

static void strict_stops_at_first_error(void **state)
{
    (void)state;
    const char *text = "A [AAA]\nB [BBB 20131399]\nC [CCC 20131399]\n";
    dict_mem_file f = {DICT_FILE_ACTORS, "s.txt", text, strlen(text)};
    diags g = {0};
    dyad_status st;
    assert_null(dict_load_mem(&f, 1, 1, collect, &g, &st));
    assert_int_equal(st, DYAD_EFORMAT);
    assert_int_equal(g.errors, 1);
    memset(&g, 0, sizeof g);
    dyad_dict *d = dict_load_mem(&f, 1, 0, collect, &g, &st);
    assert_non_null(d);
    assert_int_equal(g.errors, 2);
    dyad_dict_free(d);
}

static void cache_round_trip(void **state)
{
    (void)state;
    char dir[] = "/tmp/dyad-test-dict-XXXXXX";
    assert_non_null(mkdtemp(dir));
    dict_mem_file f[2] = {{DICT_FILE_VERBS, "v.txt", p2_verbs, strlen(p2_verbs)},
                          {DICT_FILE_ACTORS, "a.txt", actors, strlen(actors)}};
    dict_load_opts o = {.cache_dir = dir};
    diags g1, g2, g3;
    memset(&g1, 0, sizeof g1);
    memset(&g2, 0, sizeof g2);
    memset(&g3, 0, sizeof g3);
    dyad_status st;
    dyad_dict *a = dict_load_mem_opts(f, 2, &o, collect, &g1, &st);
    dyad_dict *b = dict_load_mem_opts(f, 2, &o, collect, &g2, &st);
    dyad_dict *c = dict_load_mem_opts(f, 2, &o, collect, &g3, &st);  /* second mapping */
    assert_non_null(a);
    assert_non_null(b);
    assert_non_null(c);
    assert_false(dict_from_cache(a));
    assert_true(dict_from_cache(b));
    assert_true(dict_from_cache(c));
    /* The cache reports what the source load reported. */
    assert_int_equal(g1.warnings, g2.warnings);
    assert_int_equal(g1.errors, g3.errors);
    const dyad_dict *all[] = {a, b, c};
    for (int i = 0; i < 3; i++) {
        const dyad_dict *d = all[i];
        assert_int_equal(dict_check(d), 0);
        long k = find(d, "john kerry", DICT_ACTOR);
        assert_string_equal(dict_actor_code_at(d, (uint32_t)k, 20160608), "USAGOV");
        const dict_verb *v = dict_verb_get(d, (uint32_t)find(d, "asked for", DICT_VERB));
        assert_string_equal(v->code, "020");
        assert_string_equal(v->patterns[1].code2, "043");
        assert_string_equal(dict_file_name(d, v->src.file), "v.txt");
    }
    dyad_dict_free(a);
    dyad_dict_free(b);
    dyad_dict_free(c);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

static void inflection_rules(void **state)
{
    (void)state;
    diags g;
    dyad_dict *d = load1(DICT_FILE_VERBS,
                         "--- X [010] ---\nPUSH\nFIX\nGO\nFREE\nAGREE\nPANIC\nVISIT\nOPEN\nQUIT\n"
                         "LASH OUT\n", &g);
    /* TABARI's "LASH OUT": one compound verb, not two verbs. */
    assert_true(find(d, "lashed out", DICT_VERB) >= 0);
    assert_int_equal(find(d, "out", DICT_VERB), -1);
    assert_true(has_diag(&g, 11, "written with blanks"));
    const char *yes[] = {"pushes", "fixes", "goes", "freed", "freeing", "agreeing",
                         "panicked", "visited", "opened", "quitting"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (find(d, yes[i], DICT_VERB) < 0)
            fail_msg("no verb form %s", yes[i]);
    }
    assert_int_equal(find(d, "fixxed", DICT_VERB), -1);
    assert_int_equal(find(d, "quited", DICT_VERB), -1);
    dyad_dict_free(d);
}

/* ---- The real PETRARCH2 files ------------------------------------------------------------ */

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *p = malloc((size_t)n + 1);
    if (p && fread(p, 1, (size_t)n, f) != (size_t)n) {
        free(p);
        p = NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return p;
}

static void real_cameo_counts(void **state)
{
    (void)state;
    const char *shared = getenv("DYAD_SHARED");
    char path[4096];
    snprintf(path, sizeof path, "%s/petrarch2/dictionaries/CAMEO.2.0.txt",
             shared ? shared : "../shared/data");
    size_t len = 0;
    char *text = slurp(path, &len);
    assert_non_null(text);      /* main() skips this test when the file is absent */
    dict_mem_file f = {DICT_FILE_VERBS, "CAMEO.2.0.txt", text, len};
    diags g = {0};
    dyad_status st;
    dyad_dict *d = dict_load_mem(&f, 1, 0, collect, &g, &st);
    assert_non_null(d);
    assert_int_equal(g.errors, 0);
    dict_stats s;
    dict_get_stats(d, &s);
    /* The issue's reading: 40 synsets, 397 blocks, 1,817 verb lines, 4,668
     * pattern lines. Two patterns use synsets the file never defines
     * (&WEATHER line 8443, &DEMONSTRATION line 8444) and are skipped with a
     * warning, as PETRARCH skips them: 4,666 compiled. tests/cli/dict.sh
     * recounts the lines with grep/awk. */
    assert_int_equal(s.synsets, 40);
    assert_int_equal(s.verb_blocks, 397);
    assert_int_equal(s.verbs, 1817);
    assert_int_equal(s.patterns, 4668 - 2);
    assert_int_equal(s.transforms, 8);
    assert_true(has_diag(&g, 8443, "&WEATHER"));
    assert_true(has_diag(&g, 8444, "&DEMONSTRATION"));
    assert_int_equal(dict_check(d), 0);
    dyad_dict_free(d);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(kind_from_name),
        cmocka_unit_test(p2_verbs_blocks_forms_codes),
        cmocka_unit_test(p2_patterns_compile),
        cmocka_unit_test(p1_syntax_detected),
        cmocka_unit_test(nested_synsets),
        cmocka_unit_test(same_name_blocks_share_patterns),
        cmocka_unit_test(actor_dates_restricted_first_then_default),
        cmocka_unit_test(agents_affixes_plurals_markers),
        cmocka_unit_test(discards_and_issues),
        cmocka_unit_test(lookup_longest_first),
        cmocka_unit_test(strict_stops_at_first_error),
        cmocka_unit_test(cache_round_trip),
        cmocka_unit_test(inflection_rules),
        cmocka_unit_test(real_cameo_counts),
    };
    /* cmocka's TAP prints skips as "not ok": say it the way tests/run.sh
     * counts and leave the test out. */
    const char *shared = getenv("DYAD_SHARED");
    char path[4096];
    snprintf(path, sizeof path, "%s/petrarch2/dictionaries/CAMEO.2.0.txt",
             shared ? shared : "../shared/data");
    size_t n = sizeof tests / sizeof tests[0];
    if (access(path, R_OK) != 0) {
        printf("ok - real_cameo_counts # SKIP %s absent (outside test data)\n", path);
        n--;
    }
    return _cmocka_run_group_tests("test_dict", tests, n, NULL, NULL);
}
