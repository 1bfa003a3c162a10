/* test_default_dict.c: unit tests for dyad's embedded default dictionaries
 * (the dict/ files via src/dict/default.c): every file is embedded with the right
 * kind, the set loads with no error or warning, the verb file is large
 * enough and uses only known CAMEO codes, and common news verbs and phrases
 * resolve to the codes the CAMEO codebook gives them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "dict/default.h"

typedef struct diags {
    int errors, warnings;
    char first[512];
} diags;

static void collect(const dyad_diag *d, void *ud)
{
    diags *g = ud;
    if (d->severity == DYAD_ERROR)
        g->errors++;
    else if (d->severity == DYAD_WARNING)
        g->warnings++;
    else
        return;
    if (!g->first[0])
        snprintf(g->first, sizeof g->first, "%s:%ld: %s", d->file ? d->file : "?",
                 d->line, d->message);
}

static dyad_dict *dict;   /* loaded once by the group setup, read-only */

static int setup(void **state)
{
    (void)state;
    diags g = {0};
    dyad_status st;
    dict = dyad_dict_load_default(collect, &g, &st);
    if (!dict || g.errors || g.warnings) {
        fprintf(stderr, "# default dictionaries: %d errors, %d warnings; first: %s\n",
                g.errors, g.warnings, g.first);
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    dyad_dict_free(dict);
    return 0;
}

static const dict_mem_file *embedded(dict_file_kind kind, const char *suffix)
{
    size_t n;
    const dict_mem_file *f = dict_default_files(&n);
    for (size_t i = 0; i < n; i++) {
        size_t nl = strlen(f[i].name), sl = strlen(suffix);
        if (f[i].kind == kind && nl >= sl && !strcmp(f[i].name + nl - sl, suffix))
            return &f[i];
    }
    return NULL;
}

static void every_kind_is_embedded(void **state)
{
    (void)state;
    assert_non_null(embedded(DICT_FILE_VERBS, "dyad.verbs.txt"));
    assert_non_null(embedded(DICT_FILE_DISCARDS, "dyad.discards.txt"));
    assert_non_null(embedded(DICT_FILE_ISSUES, "dyad.issues.txt"));
    assert_non_null(embedded(DICT_FILE_ACTORS, ".actors.txt"));
    assert_non_null(embedded(DICT_FILE_AGENTS, ".agents.txt"));
    size_t n;
    const dict_mem_file *f = dict_default_files(&n);
    for (size_t i = 0; i < n; i++) {
        assert_true(f[i].len > 100);
        assert_int_equal(strlen(f[i].data), f[i].len);   /* no stray NUL */
        if (i > 0)
            assert_true(f[i].kind >= f[i - 1].kind);      /* load order */
    }
}

static void loads_without_errors_or_warnings(void **state)
{
    (void)state;
    assert_non_null(dict);
    assert_int_equal(dict_check(dict), 0);
    dict_stats s;
    dict_get_stats(dict, &s);
    assert_int_equal(s.errors, 0);
    assert_int_equal(s.warnings, 0);
    assert_true(s.discards >= 100);
    assert_true(s.issues >= 100);
    assert_true(s.synsets >= 40);
}

/* Verb entries (verb lines) and patterns ('-' lines) in the raw verb file. */
static void count_verb_file(const dict_mem_file *f, int *verbs, int *patterns)
{
    *verbs = *patterns = 0;
    int in_verbs = 0;
    for (const char *p = f->data, *end = p + f->len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (len >= 20 && !strncmp(p, "####### VERB PATTERNS", 21))
            in_verbs = 1;
        else if (in_verbs && len && p[0] == '-' && len > 1 && p[1] == ' ')
            (*patterns)++;
        else if (in_verbs && len && (p[0] == '+' || (p[0] >= 'A' && p[0] <= 'Z')))
            (*verbs)++;
        p += len + 1;
    }
}

static void at_least_1500_verbs_and_patterns(void **state)
{
    (void)state;
    const dict_mem_file *f = embedded(DICT_FILE_VERBS, "dyad.verbs.txt");
    assert_non_null(f);
    int verbs, patterns;
    count_verb_file(f, &verbs, &patterns);
    printf("# dyad.verbs.txt: %d verbs, %d patterns\n", verbs, patterns);
    assert_true(verbs >= 500);
    assert_true(verbs + patterns >= 1500);
    dict_stats s;
    dict_get_stats(dict, &s);
    assert_int_equal(s.verbs, (size_t)verbs);
    assert_int_equal(s.patterns, (size_t)patterns);
}

/* Every [CODE] in the verb file is "---" or a CAMEO code of the table. */
static void verb_codes_are_cameo_codes(void **state)
{
    (void)state;
    const dict_mem_file *f = embedded(DICT_FILE_VERBS, "dyad.verbs.txt");
    assert_non_null(f);
    int line = 1, checked = 0;
    for (const char *p = f->data, *end = p + f->len; p < end; p++) {
        if (*p == '#') {   /* comments name [CODE] in prose */
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            if (!nl)
                break;
            p = nl - 1;
            continue;
        }
        if (*p == '\n')
            line++;
        if (*p != '[')
            continue;
        const char *close = memchr(p, ']', (size_t)(end - p));
        assert_non_null(close);
        char code[16] = "";
        size_t n = (size_t)(close - p - 1);
        assert_true(n < sizeof code);
        memcpy(code, p + 1, n);
        code[n] = '\0';
        for (char *c = strtok(code, ":"); c; c = strtok(NULL, ":"))
            if (strcmp(c, "---") && dyad_cameo_lookup(c, NULL, NULL, NULL) != 1)
                fail_msg("dyad.verbs.txt:%d: [%s] is not a CAMEO code", line, c);
        checked++;
        p = close;
    }
    assert_true(checked > 1500);
}

static long find(const char *phrase, unsigned kind)
{
    dict_word w[16];
    size_t n = dict_phrase_words(dict, phrase, w, 16);
    dict_match m[32];
    size_t k = dict_lookup(dict, w, n, kind, m, 32);
    for (size_t i = 0; i < k && i < 32; i++)
        if (m[i].len == n)
            return (long)m[i].entry;
    return -1;
}

static void common_verbs_have_their_codes(void **state)
{
    (void)state;
    static const char *const want[][2] = {
        {"said", "010"}, {"denied", "016"}, {"urged", "020"}, {"called for", "020"},
        {"pledged", "030"}, {"agreed", "030"}, {"met", "040"}, {"discussed", "040"},
        {"phoned", "041"}, {"visited", "042"}, {"hosted", "043"},
        {"mediated", "045"}, {"negotiated", "046"}, {"praised", "051"},
        {"apologized", "055"}, {"traded", "061"}, {"provided", "070"},
        {"released", "084"}, {"withdrew", "087"}, {"investigated", "090"},
        {"demanded", "100"}, {"condemned", "111"}, {"criticized", "111"},
        {"accused", "112"}, {"sued", "115"}, {"rejected", "120"},
        {"vetoed", "129"}, {"threatened", "130"}, {"protested", "141"},
        {"mobilized", "154"}, {"sanctioned", "163"}, {"seized", "171"},
        {"banned", "172"}, {"arrested", "173"}, {"expelled", "174"},
        {"cracked down", "175"}, {"kidnapped", "181"}, {"tortured", "1822"},
        {"assassinated", "186"}, {"killed", "190"}, {"shelled", "194"},
        {"bombed", "195"}, {"besieged", "191"}, {"occupied", "192"},
        {"massacred", "202"},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        long e = find(want[i][0], DICT_VERB);
        if (e < 0)
            fail_msg("verb '%s' not in the default dictionary", want[i][0]);
        const char *code = dict_verb_get(dict, (uint32_t)e)->code;
        if (strcmp(code, want[i][1]))
            fail_msg("'%s' codes %s, want %s", want[i][0], code, want[i][1]);
    }
}

/* A verb's block holds a pattern with this code. */
static int has_pattern_code(const char *verb, const char *code)
{
    long e = find(verb, DICT_VERB);
    if (e < 0)
        return 0;
    const dict_verb *v = dict_verb_get(dict, (uint32_t)e);
    for (uint32_t i = 0; i < v->npatterns; i++)
        if (!strcmp(v->patterns[i].code, code))
            return 1;
    return 0;
}

static void light_verbs_code_by_their_object(void **state)
{
    (void)state;
    static const char *const want[][2] = {
        {"held", "040"},        /* held talks */
        {"held", "141"},        /* held a rally */
        {"launched", "195"},    /* launched air strikes */
        {"carried out", "195"}, /* carried out air strikes */
        {"signed", "057"},      /* signed a deal */
        {"reached", "057"},     /* reached an agreement */
        {"imposed", "163"},     /* imposed sanctions */
        {"sent", "073"},        /* sent humanitarian aid */
        {"sent", "154"},        /* sent troops */
        {"floated", "030"},     /* floated a proposal */
        {"talked", "041"},      /* talked by phone */
        {"accused", "1124"},    /* accused X of war crimes */
        {"expressed", "012"},   /* expressed concern */
        {"cut", "161"},         /* cut ties */
        {"took", "181"},        /* took hostages */
        {"agreed", "0871"},     /* agreed a truce */
        {"agreed", "019"},      /* agreed with X */
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        if (!has_pattern_code(want[i][0], want[i][1]))
            fail_msg("no [%s] pattern for '%s'", want[i][1], want[i][0]);
    long held = find("held", DICT_VERB);
    assert_true(held >= 0);
    assert_string_equal(dict_verb_get(dict, (uint32_t)held)->code, "---");
}

static void noun_classes_are_synsets(void **state)
{
    (void)state;
    assert_true(find("air strikes", DICT_SYNSET) >= 0);
    assert_true(find("airstrike", DICT_SYNSET) >= 0);
    assert_true(find("ceasefire", DICT_SYNSET) >= 0);
    assert_true(find("sanctions", DICT_SYNSET) >= 0);
    assert_true(find("humanitarian aid", DICT_SYNSET) >= 0);
    assert_true(find("talks", DICT_SYNSET) >= 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_kind_is_embedded),
        cmocka_unit_test(loads_without_errors_or_warnings),
        cmocka_unit_test(at_least_1500_verbs_and_patterns),
        cmocka_unit_test(verb_codes_are_cameo_codes),
        cmocka_unit_test(common_verbs_have_their_codes),
        cmocka_unit_test(light_verbs_code_by_their_object),
        cmocka_unit_test(noun_classes_are_synsets),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
