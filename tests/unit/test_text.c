/* test_text.c: unit tests for src/text: UTF-8 checking, normalization,
 * tokenization with byte offsets, sentence segmentation and kinds, and the
 * public dyad_segment. Expected boundaries and spans are exact. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "text/text.h"

/* ---- helpers ------------------------------------------------------------ */

typedef struct diags {
    int count;
    long offset;
    char msg[256];
} diags;

static void on_diag(const dyad_diag *d, void *ud)
{
    diags *g = ud;
    g->count++;
    g->offset = d->offset;
    snprintf(g->msg, sizeof g->msg, "%s", d->message);
}

static text_doc analyze(arena *a, const char *s)
{
    text_doc d;
    assert_int_equal(text_analyze(a, s, strlen(s), &d, NULL, NULL, "t", 1),
                     DYAD_OK);
    return d;
}

/* Checks that s splits into exactly the sentences given as "kind|text"
 * strings (kind as dyad_sentence_kind_str, text verbatim). */
static void expect_sentences(const char *s, ...)
{
    arena a;
    arena_init(&a, 0);
    text_doc d = analyze(&a, s);
    va_list ap;
    va_start(ap, s);
    size_t i = 0;
    const char *want;
    while ((want = va_arg(ap, const char *)) != NULL) {
        const char *bar = strchr(want, '|');
        assert_non_null(bar);
        if (i >= d.nsentences)
            fail_msg("missing sentence %zu: %s", i, want);
        const text_sentence *x = &d.sentences[i];
        char got[4096];
        snprintf(got, sizeof got, "%s|%.*s", dyad_sentence_kind_str(x->kind),
                 (int)(x->end - x->begin), s + x->begin);
        assert_string_equal(got, want);
        i++;
    }
    va_end(ap);
    if (i != d.nsentences)
        fail_msg("%zu extra sentence(s), first: %.*s", d.nsentences - i,
                 (int)(d.sentences[i].end - d.sentences[i].begin),
                 s + d.sentences[i].begin);
    arena_free(&a);
}

/* Checks the tokens of s: each expected entry is "text" or "text=NORM". */
static void expect_tokens(const char *s, ...)
{
    arena a;
    arena_init(&a, 0);
    text_doc d = analyze(&a, s);
    va_list ap;
    va_start(ap, s);
    size_t i = 0;
    const char *want;
    while ((want = va_arg(ap, const char *)) != NULL) {
        if (i >= d.ntokens)
            fail_msg("missing token %zu: %s", i, want);
        const text_token *t = &d.tokens[i];
        const char *eq = strchr(want, '=');
        size_t wl = eq ? (size_t)(eq - want) : strlen(want);
        char got[512], exp[512];
        snprintf(got, sizeof got, "%.*s", (int)(t->end - t->begin), s + t->begin);
        snprintf(exp, sizeof exp, "%.*s", (int)wl, want);
        assert_string_equal(got, exp);
        if (eq)
            assert_string_equal(d.norm + t->norm, eq + 1);
        assert_int_equal(strlen(d.norm + t->norm), t->norm_len);
        i++;
    }
    va_end(ap);
    if (i != d.ntokens)
        fail_msg("%zu extra token(s), first: %.*s", d.ntokens - i,
                 (int)(d.tokens[i].end - d.tokens[i].begin), s + d.tokens[i].begin);
    arena_free(&a);
}

static uint32_t flags_of(const char *s, const char *tok)
{
    arena a;
    arena_init(&a, 0);
    text_doc d = analyze(&a, s);
    uint32_t f = 0xFFFFFFFFu;
    size_t tl = strlen(tok);
    for (size_t i = 0; i < d.ntokens; i++)
        if (d.tokens[i].end - d.tokens[i].begin == tl &&
            memcmp(s + d.tokens[i].begin, tok, tl) == 0) {
            f = d.tokens[i].flags;
            break;
        }
    arena_free(&a);
    return f;
}

static void norm_is(const char *in, const char *want)
{
    buf b;
    buf_init(&b);
    assert_true(text_normalize(in, strlen(in), &b));
    assert_string_equal(b.data, want);
    buf_free(&b);
}

/* ---- UTF-8 and normalization ---------------------------------------------- */

static void utf8_check_counts_and_locates(void **state)
{
    (void)state;
    long first;
    assert_int_equal(text_utf8_check("plain ascii", 11, &first), 0);
    assert_int_equal(first, -1);
    assert_int_equal(text_utf8_check("caf\xC3\xA9", 5, &first), 0);
    assert_int_equal(text_utf8_check("ab\xFF" "c\xC3", 5, &first), 2);
    assert_int_equal(first, 2);
    /* overlong '/', a surrogate, above U+10FFFF */
    assert_int_equal(text_utf8_check("\xC0\xAF", 2, &first), 2);
    assert_int_equal(text_utf8_check("\xED\xA0\x80", 3, &first), 3);
    assert_int_equal(text_utf8_check("\xF4\x90\x80\x80", 4, &first), 4);
    assert_int_equal(text_utf8_check("\xF0\x9F\x98\x80", 4, &first), 0);
    assert_int_equal(text_utf8_check("", 0, &first), 0);
}

static void normalize_folds_case_quotes_dashes(void **state)
{
    (void)state;
    norm_is("Al-Qaeda", "AL-QAEDA");
    norm_is("Lavrov\xE2\x80\x99s", "LAVROV'S");                /* ’ */
    norm_is("\xE2\x80\x9CHi\xE2\x80\x9D", "\"HI\"");            /* “ ” */
    norm_is("2011\xE2\x80\x93" "2016", "2011-2016");             /* – */
    norm_is("a\xE2\x80\x94" "b\xE2\x88\x92" "c", "A-B-C");       /* — − */
    norm_is("Erdo\xC4\x9F" "an", "ERDO\xC4\x9E" "AN");           /* ğ -> Ğ */
    norm_is("E\xCC\x81lys\xC3\xA9" "e", "\xC3\x89LYS\xC3\x89" "E"); /* NFC + upper */
    norm_is("\xEF\xAC\x81nance", "FINANCE");                     /* ﬁ ligature */
    norm_is("\xEF\xBC\xA1\xEF\xBC\xA2", "AB");                   /* full width */
    norm_is("so\xC2\xAD" "viet", "SOVIET");                      /* soft hyphen */
    norm_is("bad\xFFz", "BAD\xEF\xBF\xBDZ");
    norm_is("", "");
}

static void token_norm_matches_text_normalize(void **state)
{
    (void)state;
    const char *s = "Erdo\xC4\x9F" "an\xE2\x80\x99s \xE2\x80\x9C" "final\xE2\x80\x9D offer";
    arena a;
    arena_init(&a, 0);
    text_doc d = analyze(&a, s);
    buf b;
    buf_init(&b);
    for (size_t i = 0; i < d.ntokens; i++) {
        const text_token *t = &d.tokens[i];
        buf_clear(&b);
        assert_true(text_normalize(s + t->begin, t->end - t->begin, &b));
        assert_string_equal(d.norm + t->norm, b.data);
    }
    buf_free(&b);
    arena_free(&a);
}

static void invalid_utf8_reported_and_replaced(void **state)
{
    (void)state;
    const char s[] = "Troops \xFF\xFEshelled caf\xE9 town.";
    arena a;
    arena_init(&a, 0);
    diags g = {0};
    text_doc d;
    assert_int_equal(text_analyze(&a, s, sizeof s - 1, &d, on_diag, &g, "doc", 3),
                     DYAD_OK);
    assert_int_equal(g.count, 1);
    assert_int_equal(g.offset, 7);
    assert_non_null(strstr(g.msg, "3 bytes"));
    assert_int_equal(d.invalid_bytes, 3);
    assert_int_equal(d.nsentences, 1);
    /* the bad bytes stay in their words, as U+FFFD */
    assert_int_equal(d.ntokens, 5);
    assert_string_equal(d.norm + d.tokens[1].norm,
                        "\xEF\xBF\xBD\xEF\xBF\xBDSHELLED");
    assert_true(d.tokens[1].flags & TOK_REPLACED);
    assert_string_equal(d.norm + d.tokens[2].norm, "CAF\xEF\xBF\xBD");
    arena_free(&a);
}

/* ---- tokens --------------------------------------------------------------- */

static void tokens_words_numbers_punct(void **state)
{
    (void)state;
    expect_tokens("At least 280,000 people, 2.5 percent and 90% fled at 10:30.",
                  "At=AT", "least", "280,000", "people", ",", "2.5", "percent",
                  "and", "90%", "fled", "at", "10:30", ".", NULL);
    expect_tokens("a 48-hour truce with Al-Qaeda-linked groups",
                  "a", "48-hour", "truce", "with", "Al-Qaeda-linked=AL-QAEDA-LINKED",
                  "groups", NULL);
    expect_tokens("1,0000 and 1,000,000", "1", ",", "0000", "and",
                  "1,000,000", NULL);
}

static void tokens_possessives_split(void **state)
{
    (void)state;
    expect_tokens("Lavrov's office, the rebels' base, O'Brien's and don't",
                  "Lavrov", "'s='S", "office", ",", "the", "rebels", "'",
                  "base", ",", "O'Brien", "'s", "and", "don't=DON'T", NULL);
    expect_tokens("Syria\xE2\x80\x99s army", "Syria", "\xE2\x80\x99s='S", "army",
                  NULL);
    assert_true(flags_of("Lavrov's office", "'s") & TOK_POSSESSIVE);
    expect_tokens("the U.S.'s U.S.-backed allies", "the", "U.S.", "'s",
                  "U.S.-backed=U.S.-BACKED", "allies", NULL);
}

static void tokens_abbreviations_keep_period(void **state)
{
    (void)state;
    expect_tokens("U.S. Gen. John F. Kennedy met at 3 p.m. in D.C. on Jan. 5.",
                  "U.S.", "Gen.=GEN.", "John", "F.", "Kennedy", "met", "at", "3",
                  "p.m.=P.M.", "in", "D.C.", "on", "Jan.", "5", ".", NULL);
    assert_true(flags_of("the U.S. Army", "U.S.") & TOK_ABBREV);
    assert_true(flags_of("the U.S. Army", "U.S.") & TOK_ALLCAPS);
    /* "no." is an abbreviation only before a number */
    expect_tokens("No. 5 said no.", "No.", "5", "said", "no", ".", NULL);
}

static void tokens_quotes_and_flags(void **state)
{
    (void)state;
    expect_tokens("\xE2\x80\x9CWe won,\xE2\x80\x9D he said \"again\".",
                  "\xE2\x80\x9C=\"", "We", "won", ",", "\xE2\x80\x9D=\"", "he",
                  "said", "\"=\"", "again", "\"", ".", NULL);
    assert_true(flags_of("\"Go\"", "\"") & TOK_QUOTE);
    assert_true(flags_of("the ISIS group", "ISIS") & TOK_ALLCAPS);
    assert_true(flags_of("the ISIS group", "ISIS") & TOK_CAP);
    assert_false(flags_of("the ISIS group", "the") & TOK_CAP);
    assert_true(flags_of("the ISIS group", "the") & TOK_SENT_START);
    assert_true(flags_of("the ISIS group", "2") == 0xFFFFFFFFu);
    assert_true(flags_of("It rose 2.5", "2.5") & TOK_NUMBER);
    assert_true(flags_of("wait ... now", "...") & TOK_PUNCT);
    expect_tokens("fighting\xE2\x80\x94" "and -- dying\xE2\x80\xA6",
                  "fighting", "\xE2\x80\x94=-", "and", "--=-", "dying",
                  "\xE2\x80\xA6=...", NULL);
}

static void tokens_offsets_are_exact(void **state)
{
    (void)state;
    const char *s = "  Kerry\xC2\xA0met  \n Lavrov.";
    arena a;
    arena_init(&a, 0);
    text_doc d = analyze(&a, s);
    assert_int_equal(d.ntokens, 4);
    assert_int_equal(d.tokens[0].begin, 2);
    assert_int_equal(d.tokens[0].end, 7);
    assert_int_equal(d.tokens[1].begin, 9);   /* after the NBSP */
    assert_int_equal(d.tokens[1].end, 12);
    assert_int_equal(d.tokens[2].begin, 16);
    assert_int_equal(d.tokens[3].begin, 22);
    assert_int_equal(d.tokens[3].end, 23);
    arena_free(&a);
}

/* ---- sentences -------------------------------------------------------------- */

static void sentences_abbreviations_do_not_split(void **state)
{
    (void)state;
    expect_sentences(
        "U.S. Secretary of State John Kerry met Gen. Smith and Lt. Gen. Jones. "
        "Sen. Brown and Gov. White spoke to Dr. Green and Mr. Black.",
        "prose|U.S. Secretary of State John Kerry met Gen. Smith and Lt. Gen. Jones.",
        "prose|Sen. Brown and Gov. White spoke to Dr. Green and Mr. Black.",
        NULL);
    expect_sentences(
        "The talks began on Jan. 5 and ended on Feb. 3 after Sept. 11 talks. "
        "They resumed at 3 p.m. Tuesday in Washington, D.C. on a.m. schedules.",
        "prose|The talks began on Jan. 5 and ended on Feb. 3 after Sept. 11 talks.",
        "prose|They resumed at 3 p.m. Tuesday in Washington, D.C. on a.m. schedules.",
        NULL);
    expect_sentences("President John F. Kennedy visited. Growth was 2.5 percent.",
                     "prose|President John F. Kennedy visited.",
                     "prose|Growth was 2.5 percent.", NULL);
}

static void sentences_abbreviation_can_end_sentence(void **state)
{
    (void)state;
    expect_sentences("The meeting ended at 5 p.m. The ministers left for the U.S. "
                     "He said nothing.",
                     "prose|The meeting ended at 5 p.m.",
                     "prose|The ministers left for the U.S.",
                     "prose|He said nothing.", NULL);
}

static void sentences_quotes_and_parentheses(void **state)
{
    (void)state;
    expect_sentences(
        "The pair talked about \"the need for joint action, as Russia proposed,\" "
        "the Russian ministry said. \"Why?\" he asked. \"It is over.\" "
        "Talks ended (in Geneva.) Officials agreed!",
        "prose|The pair talked about \"the need for joint action, as Russia "
        "proposed,\" the Russian ministry said.",
        "prose|\"Why?\" he asked.", "prose|\"It is over.\"",
        "prose|Talks ended (in Geneva.)", "prose|Officials agreed!", NULL);
}

static void sentences_ellipses(void **state)
{
    (void)state;
    expect_sentences("He waited ... and waited... Then it rained. \xE2\x80\xA6 Nothing.",
                     "prose|He waited ... and waited...", "prose|Then it rained.",
                     "prose|\xE2\x80\xA6 Nothing.", NULL);
}

static void sentences_lower_case_text(void **state)
{
    (void)state;
    expect_sentences("the army attacked the town. rebels fled to the hills. "
                     "nobody was hurt",
                     "prose|the army attacked the town.",
                     "prose|rebels fled to the hills.", "prose|nobody was hurt",
                     NULL);
}

static void sentences_paragraphs_and_lines(void **state)
{
    (void)state;
    expect_sentences("Troops advanced on the city\n\nRebels withdrew overnight.\n"
                     "Aid arrived.",
                     "headline|Troops advanced on the city",
                     "prose|Rebels withdrew overnight.", "prose|Aid arrived.", NULL);
}

static void sentences_hard_wrapped_text(void **state)
{
    (void)state;
    expect_sentences(
        "Russian Foreign Minister Sergei Lavrov and Secretary of State\n"
        "John Kerry on Wednesday discussed the need for decisive joint\n"
        "action against the Al-Nusra Front, his office said. The pair\n"
        "talked by phone.\n",
        "prose|Russian Foreign Minister Sergei Lavrov and Secretary of State\n"
        "John Kerry on Wednesday discussed the need for decisive joint\n"
        "action against the Al-Nusra Front, his office said.",
        "prose|The pair\ntalked by phone.", NULL);
}

static void sentences_continue_across_single_line_breaks(void **state)
{
    (void)state;
    /* a wire record wrapped once: the line stops mid-sentence */
    expect_sentences("Arnor is about to restore full diplomatic ties with Gondor almost\n"
                     "five years after crowds trashed its embassy.",
                     "prose|Arnor is about to restore full diplomatic ties with "
                     "Gondor almost\nfive years after crowds trashed its embassy.",
                     NULL);
    expect_sentences("The government condemned an attack by soldiers in the south,\n"
                     "Officials said on Thursday.",
                     "prose|The government condemned an attack by soldiers in the "
                     "south,\nOfficials said on Thursday.", NULL);
    /* a short line, or a title, ends at its line break */
    expect_sentences("Rebels seize town\nThe army said it would respond.",
                     "headline|Rebels seize town",
                     "prose|The army said it would respond.", NULL);
    expect_sentences("Russia And US Discuss Joint Action Against Nusra Front\n"
                     "MOSCOW (Reuters) - Russia and the United States talked.",
                     "headline|Russia And US Discuss Joint Action Against Nusra Front",
                     "dateline|MOSCOW (Reuters) -",
                     "prose|Russia and the United States talked.", NULL);
}

static void sentences_datelines(void **state)
{
    (void)state;
    expect_sentences(
        "DAMASCUS, June 8 (Reuters) - Syrian troops shelled the town. It burned.",
        "dateline|DAMASCUS, June 8 (Reuters) -",
        "prose|Syrian troops shelled the town.", "prose|It burned.", NULL);
    expect_sentences("WASHINGTON (AP) \xE2\x80\x94 The U.S. Army said 1,000 troops left.",
                     "dateline|WASHINGTON (AP) \xE2\x80\x94",
                     "prose|The U.S. Army said 1,000 troops left.", NULL);
    expect_sentences("(Reuters) - Iran said it would talk.",
                     "dateline|(Reuters) -", "prose|Iran said it would talk.", NULL);
    /* an all-capitals headline with a dash is no dateline */
    expect_sentences("SYRIA - REBELS ATTACK\n\nThey attacked.",
                     "headline|SYRIA - REBELS ATTACK", "prose|They attacked.", NULL);
}

static void sentences_captions_and_credits(void **state)
{
    (void)state;
    expect_sentences(
        "Kerry and Lavrov\nKerry and LavrovReuters\n\nThe two men met on "
        "Wednesday.\n\nPutin in Moscow. Photo: AFP/Getty Images\n\n"
        "AFP contributed to this report.\n(Reporting by John Smith; Editing by "
        "Jane Doe)",
        "caption|Kerry and Lavrov", "caption|Kerry and LavrovReuters",
        "prose|The two men met on Wednesday.",
        "caption|Putin in Moscow. Photo: AFP/Getty Images", "credit|AFP contributed to this report.",
        "credit|(Reporting by John Smith; Editing by Jane Doe)", NULL);
}

static void sentences_more_constructs(void **state)
{
    (void)state;
    expect_sentences("He arrived at 10 a.m. The talks began. On Sept. 11, 2001, "
                     "planes hit. The army withdrew (as agreed). Talks resumed.",
                     "prose|He arrived at 10 a.m.", "prose|The talks began.",
                     "prose|On Sept. 11, 2001, planes hit.",
                     "prose|The army withdrew (as agreed).",
                     "prose|Talks resumed.", NULL);
    expect_sentences("\"We will fight,\" he said. \"We will win!\" the minister "
                     "shouted. Is it over? No.",
                     "prose|\"We will fight,\" he said.",
                     "prose|\"We will win!\" the minister shouted.",
                     "prose|Is it over?", "prose|No.", NULL);
    expect_sentences("The court overturned Roe v. Wade in June. Mr. and Mrs. Smith "
                     "left Apple Inc. CEO Tim Cook met the U.S.-backed forces.",
                     "prose|The court overturned Roe v. Wade in June.",
                     "prose|Mr. and Mrs. Smith left Apple Inc. CEO Tim Cook met "
                     "the U.S.-backed forces.", NULL);
    expect_sentences("Demands:\n1. The army leaves.\n2. Talks resume.",
                     "headline|Demands:", "prose|1. The army leaves.",
                     "prose|2. Talks resume.", NULL);
    expect_sentences("Line one ends here.\r\nLine two ends here.\r\n",
                     "prose|Line one ends here.", "prose|Line two ends here.", NULL);
}

static void sentences_title_case_headline_stays_whole(void **state)
{
    (void)state;
    expect_sentences("Is Syria Next? Experts Weigh In On The U.S. Plan\n\n"
                     "Experts said little.",
                     "headline|Is Syria Next? Experts Weigh In On The U.S. Plan",
                     "prose|Experts said little.", NULL);
    expect_sentences("WASHINGTON, D.C. (AP) \xE2\x80\x94 The Senate voted.\n\n"
                     "BEIRUT -- Rebels fled.",
                     "dateline|WASHINGTON, D.C. (AP) \xE2\x80\x94",
                     "prose|The Senate voted.", "dateline|BEIRUT --",
                     "prose|Rebels fled.", NULL);
}

static void sentences_single_line_is_prose(void **state)
{
    (void)state;
    expect_sentences("Israel attacks Lebanon", "prose|Israel attacks Lebanon", NULL);
}

/* ---- edge cases ------------------------------------------------------------- */

static void empty_and_blank_input(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 0);
    text_doc d;
    assert_int_equal(text_analyze(&a, "", 0, &d, NULL, NULL, NULL, 0), DYAD_OK);
    assert_int_equal(d.nsentences, 0);
    assert_int_equal(d.ntokens, 0);
    assert_int_equal(text_analyze(&a, NULL, 0, &d, NULL, NULL, NULL, 0), DYAD_OK);
    assert_int_equal(text_analyze(&a, " \n\n\t ", 5, &d, NULL, NULL, NULL, 0),
                     DYAD_OK);
    assert_int_equal(d.nsentences, 0);
    arena_free(&a);
    dyad_sentence *v = (dyad_sentence *)1;
    size_t n = 7;
    assert_int_equal(dyad_segment("", 0, &v, &n), DYAD_OK);
    assert_null(v);
    assert_int_equal(n, 0);
    assert_int_equal(dyad_segment("x", 1, NULL, &n), DYAD_EINVAL);
}

static void public_segment_api(void **state)
{
    (void)state;
    const char *s = "DAMASCUS, June 8 (Reuters) - Troops left. AFP contributed to "
                    "this report.";
    dyad_sentence *v;
    size_t n;
    assert_int_equal(dyad_segment(s, strlen(s), &v, &n), DYAD_OK);
    assert_int_equal(n, 3);
    assert_int_equal(v[0].kind, DYAD_SENT_DATELINE);
    assert_int_equal(v[0].begin, 0);
    assert_int_equal(v[0].end, 28);
    assert_int_equal(v[1].kind, DYAD_SENT_PROSE);
    assert_int_equal(v[1].begin, 29);
    assert_int_equal(v[1].end, 41);
    assert_int_equal(v[2].kind, DYAD_SENT_CREDIT);
    dyad_free(v);
    assert_string_equal(dyad_sentence_kind_str(DYAD_SENT_PROSE), "prose");
    assert_string_equal(dyad_sentence_kind_str(DYAD_SENT_HEADLINE), "headline");
    assert_string_equal(dyad_sentence_kind_str(DYAD_SENT_CAPTION), "caption");
    assert_string_equal(dyad_sentence_kind_str(DYAD_SENT_CREDIT), "credit");
    assert_string_equal(dyad_sentence_kind_str(DYAD_SENT_DATELINE), "dateline");
}

/* CPU time: a loaded machine must not fail the test, a quadratic
 * algorithm still does. */
static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void huge_inputs_in_linear_time(void **state)
{
    (void)state;
    /* 50 MB on a single line, and a 10,000-token sentence. */
    size_t n = 50u << 20;
    char *s = malloc(n);
    assert_non_null(s);
    static const char word[] = "Troops U.S. 2.5 al-Nusra's \"x\", ";
    for (size_t i = 0; i < n; i++)
        s[i] = word[i % (sizeof word - 1)];
    arena a;
    arena_init(&a, 0);
    text_doc d;
    double t0 = seconds();
    assert_int_equal(text_analyze(&a, s, n, &d, NULL, NULL, NULL, 0), DYAD_OK);
    assert_true(d.ntokens > 10000000);
    assert_true(seconds() - t0 < 60.0);
    arena_free(&a);

    size_t m = 0;
    for (int i = 0; i < 10000; i++)
        m += (size_t)snprintf(s + m, n - m, "%s ", i % 7 ? "word" : "and,");
    s[m++] = '.';
    arena_init(&a, 0);
    assert_int_equal(text_analyze(&a, s, m, &d, NULL, NULL, NULL, 0), DYAD_OK);
    assert_int_equal(d.nsentences, 1);
    assert_true(d.sentences[0].ntokens >= 10000);
    arena_free(&a);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(utf8_check_counts_and_locates),
        cmocka_unit_test(normalize_folds_case_quotes_dashes),
        cmocka_unit_test(token_norm_matches_text_normalize),
        cmocka_unit_test(invalid_utf8_reported_and_replaced),
        cmocka_unit_test(tokens_words_numbers_punct),
        cmocka_unit_test(tokens_possessives_split),
        cmocka_unit_test(tokens_abbreviations_keep_period),
        cmocka_unit_test(tokens_quotes_and_flags),
        cmocka_unit_test(tokens_offsets_are_exact),
        cmocka_unit_test(sentences_abbreviations_do_not_split),
        cmocka_unit_test(sentences_abbreviation_can_end_sentence),
        cmocka_unit_test(sentences_quotes_and_parentheses),
        cmocka_unit_test(sentences_ellipses),
        cmocka_unit_test(sentences_lower_case_text),
        cmocka_unit_test(sentences_paragraphs_and_lines),
        cmocka_unit_test(sentences_hard_wrapped_text),
        cmocka_unit_test(sentences_continue_across_single_line_breaks),
        cmocka_unit_test(sentences_datelines),
        cmocka_unit_test(sentences_captions_and_credits),
        cmocka_unit_test(sentences_more_constructs),
        cmocka_unit_test(sentences_title_case_headline_stays_whole),
        cmocka_unit_test(sentences_single_line_is_prose),
        cmocka_unit_test(empty_and_blank_input),
        cmocka_unit_test(public_segment_api),
        cmocka_unit_test(huge_inputs_in_linear_time),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
