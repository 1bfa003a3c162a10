/* modality.c: what a clause asserts about its event.
 *
 * News reports what happened, what someone means to do, and what might
 * happen, often in one sentence. CAMEO codes them apart: "the United States
 * will provide Ukraine with missiles" is an intent to give military aid
 * (0332), not aid given (072); "Modi plans to visit Israel" is an intent to
 * meet (036); "would impose sanctions if ..." is a threat (1312); "Iran
 * could retaliate, analysts said" asserts no event at all; "failed to meet"
 * and "no longer supplies" deny the event, as "not" does. PETRARCH reads
 * none of this (every verb is a fact), and its validation records expect
 * that: `dyad validate` turns this reading off. */
#include <string.h>

#include "code.h"

static int starts(const parse_tok *t, const char *stem)
{
    size_t n = strlen(stem);
    return t->len >= n && !memcmp(t->norm, stem, n);
}

/* The modal of the verb group, if any. */
static code_mood modal_mood(const parse_sent *ps, const parse_vg *vg)
{
    static const char *const future[] = {"WILL", "WOULD", "SHALL", "'LL", "WO"};
    static const char *const maybe[] = {"COULD", "MIGHT", "MAY", "MUST", "SHOULD", "OUGHT"};
    for (uint32_t i = vg->begin; i < vg->head; i++) {
        const parse_tok *t = &ps->toks[i];
        if (t->pos != POS_MODAL)
            continue;
        if (code_word_in(t, future, DYAD_COUNT(future)))
            return CODE_MOOD_INTENT;
        if (code_word_in(t, maybe, DYAD_COUNT(maybe)))
            return CODE_MOOD_SPECULATION;
    }
    return CODE_MOOD_FACT;
}

/* "plans to visit", "is ready to hold talks", "failed to meet", "has no
 * plans to send": the word before an infinitive's "to" says whether its
 * event is meant, or did not happen. */
static code_mood infinitive_mood(const parse_sent *ps, const parse_vg *vg)
{
    static const char *const intend_verbs[] = {
        "PLAN", "INTEND", "AIM", "PREPAR", "EXPECT", "HOPE", "WANT", "WISH", "SEEK",
        "SOUGHT", "VOW", "PLEDG", "PROMIS", "DECID", "RESOLV", "PROPOS", "OFFER",
    };
    static const char *const intend_adjs[] = {
        "READY", "PREPARED", "WILLING", "DETERMINED", "EAGER", "SET", "POISED",
        "ABOUT", "KEEN", "GOING",
    };
    if (!vg->infinitive || vg->begin == 0)
        return CODE_MOOD_FACT;
    uint32_t to = vg->begin;
    while (to < vg->head && ps->toks[to].pos != POS_TO)
        to++;
    if (to == vg->head || to == 0)
        return CODE_MOOD_FACT;
    const parse_tok *w = &ps->toks[to - 1];
    if (starts(w, "FAIL"))
        return CODE_MOOD_UNREALIZED;
    static const char *const plan_nouns[] = {"PLANS", "PLAN", "INTENTION", "INTENT"};
    static const char *const negators[] = {"NO", "NOT", "N'T"};
    if (code_word_in(w, plan_nouns, DYAD_COUNT(plan_nouns))) {
        /* "has no plans to", "denied any plan to" */
        for (uint32_t i = to - 1; i-- > 0 && i + 4 > to;)
            if (code_word_in(&ps->toks[i], negators, DYAD_COUNT(negators)))
                return CODE_MOOD_UNREALIZED;
        return CODE_MOOD_INTENT;
    }
    if (w->pos == POS_VERB) {
        for (size_t i = 0; i < DYAD_COUNT(intend_verbs); i++)
            if (starts(w, intend_verbs[i]))
                return CODE_MOOD_INTENT;
        return CODE_MOOD_FACT;
    }
    return code_word_in(w, intend_adjs, DYAD_COUNT(intend_adjs)) ? CODE_MOOD_INTENT : CODE_MOOD_FACT;
}

code_mood code_mood_of(const parse_sent *ps, uint32_t v)
{
    const parse_vg *vg = &ps->vgs[v];
    /* "no longer supplies" */
    for (uint32_t i = vg->begin > 2 ? vg->begin - 2 : 0; i + 1 < vg->head; i++)
        if (code_word_is(&ps->toks[i], "NO") && code_word_is(&ps->toks[i + 1], "LONGER"))
            return CODE_MOOD_UNREALIZED;
    code_mood m = modal_mood(ps, vg);
    if (m != CODE_MOOD_FACT)
        return m;
    return infinitive_mood(ps, vg);
}

const char *code_intent_of(const char *code)
{
    /* Most specific first: the first entry whose prefix the code has. */
    static const char *const map[][2] = {
        {"04", "036"}, {"05", "032"},
        {"061", "0311"}, {"062", "0312"}, {"063", "0313"}, {"064", "0314"}, {"06", "031"},
        {"071", "0331"}, {"072", "0332"}, {"073", "0333"}, {"074", "0334"}, {"07", "033"},
        {"081", "0351"}, {"082", "0352"}, {"083", "034"}, {"084", "0353"}, {"085", "0354"},
        {"086", "0355"}, {"087", "0356"}, {"08", "035"},
        {"14", "133"}, {"15", "138"},
        {"161", "1313"}, {"162", "1311"}, {"163", "1312"}, {"16", "131"},
        {"17", "137"}, {"18", "1383"}, {"19", "1384"}, {"20", "1385"},
    };
    for (size_t i = 0; code && i < DYAD_COUNT(map); i++)
        if (!strncmp(code, map[i][0], strlen(map[i][0])))
            return map[i][1];
    return NULL;   /* statements, appeals, intents, threats: already what is said */
}

/* CAMEO numbers appeals (02), intents (03), demands (10), rejections (12)
 * and threats (13) by what is asked, offered, refused or threatened, in
 * parallel: an appeal for, intent to, demand for, refusal of the release of
 * persons is 0253, 0353, 1053, 1243. The digit after the root, from the
 * intent's (03x) numbering: */
static char parallel_digit(char root1, char d)
{
    if (root1 == '2')
        return d >= '1' && d <= '8' ? d : 0;   /* 021-028 */
    return d >= '3' && d <= '8' ? d : 0;       /* 103-108 */
}

const char *code_by_content(arena *a, const char *code, const char *content)
{
    char out[8] = {0};
    if (code && content && !strcmp(code, "112")) {
        /* An accusation by what it alleges: repression, torture, atrocities
         * are human rights abuses (1122), armed force aggression (1123). */
        if (!strncmp(content, "17", 2) || !strncmp(content, "18", 2) || !strncmp(content, "20", 2))
            return "1122";
        if (!strncmp(content, "19", 2))
            return "1123";
        return NULL;
    }
    const char *intent = content ? code_intent_of(content) : NULL;
    if (!code || !intent || strlen(code) != 3 || code[2] != '0' || strlen(intent) < 3)
        return NULL;
    if (!strcmp(code, "130") || !strcmp(code, "030")) {
        /* a threat of what would be a threat, an intent to what would be one */
        if (strncmp(intent, code, 2))
            return NULL;
        snprintf(out, sizeof out, "%s", intent);
    } else if (strncmp(intent, "03", 2)) {
        return NULL;
    } else if (!strcmp(code, "020") || !strcmp(code, "100")) {
        char d = code[0] == '0' ? parallel_digit('2', intent[2]) : parallel_digit('1', intent[2]);
        if (!d)
            return NULL;
        snprintf(out, sizeof out, "%c%c%c%s", code[0], code[1], d, intent + 3);
    } else if (!strcmp(code, "120")) {
        /* 121 material cooperation, 122 aid, 123 reform, 124 yielding,
         * 125 meeting, 126 mediation, 127 settlement */
        static const char map[] = {0, '1', 0, '2', '3', '4', '5', '7', '6', 0};
        char d = intent[2] >= '0' && intent[2] <= '9' ? map[intent[2] - '0'] : 0;
        if (!d)
            return NULL;
        snprintf(out, sizeof out, "12%c%s", d, intent + 3);
    } else {
        return NULL;
    }
    double gs;
    int quad;
    return dyad_cameo_lookup(out, &gs, &quad, NULL) ? arena_strdup(a, out) : NULL;
}

/* "its effort to scrap the policy", "a campaign to free Butina", "the
 * plot to pay militants": an infinitive right after a noun for something
 * done or meant (no actor, no thing or place) tells what was intended, not
 * what happened. Instruments keep theirs ("used tear gas to disperse the
 * crowd"), since the lexicon knows them for things. */
int code_noun_complement(const parse_lexicon *lx, const parse_sent *ps, uint32_t v)
{
    const parse_vg *vg = &ps->vgs[v];
    if (!vg->infinitive || vg->begin == 0)
        return 0;
    const parse_tok *n = &ps->toks[vg->begin - 1];
    if (n->unit != PARSE_NONE || (n->pos != POS_NOUN && n->pos != POS_PROPN))
        return 0;
    unsigned cls = parse_noun_classes(lx, n);
    if (!(cls & LX_N) || (cls & (LX_PHYS | LX_ADJ)))   /* not "is ready to" */
        return 0;
    /* "Uses Speech To Blast", "found a way to mock": a means, and the act
     * it served happened. */
    if (code_word_is(n, "WAY") || code_word_is(n, "WAYS"))
        return 0;
    for (uint32_t w = v; w-- > 0;) {
        const parse_tok *h = &ps->toks[ps->vgs[w].head];
        if (ps->vgs[w].end > vg->begin)
            continue;
        return !(starts(h, "USE") || starts(h, "USING") || starts(h, "EMPLOY"));
    }
    return 1;
}

/* "Trump Baselessly Claims Obama Asked ...", "falsely said that X had
 * attacked": what a report the sentence itself calls false says is not
 * news of an event. */
int code_false_report(const parse_sent *ps, uint32_t v)
{
    static const char *const falsely[] = {"FALSELY", "BASELESSLY", "WRONGLY", "ERRONEOUSLY",
                                          "UNFOUNDEDLY", "MISTAKENLY"};
    for (uint32_t w = v; w-- > 0;) {
        const parse_vg *wg = &ps->vgs[w];
        if (!(ps->toks[wg->head].flags & PF_SAY))
            continue;
        uint32_t b = wg->begin > 0 ? wg->begin - 1 : 0;
        if (wg->subject != PARSE_NONE && ps->groups[wg->subject].begin < b)
            b = ps->groups[wg->subject].begin;   /* "Trump Baselessly Claims" */
        for (uint32_t i = b; i < wg->head; i++)
            if (code_word_in(&ps->toks[i], falsely, DYAD_COUNT(falsely)))
                return 1;
        return 0;
    }
    return 0;
}
