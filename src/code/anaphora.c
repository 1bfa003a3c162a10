/* anaphora.c: event nouns that point back at an earlier event.
 *
 * "Russia proposed joint air strikes, but the Pentagon rejected the offer";
 * "Turkey condemned the air strikes". The object is no actor, yet the news
 * is plain: the Pentagon rejects Russia, Turkey condemns whoever struck. A
 * definite noun phrase whose head names a kind of event ("the offer", "these
 * attacks") refers to the most recent event of that kind in the document,
 * and the verb acts on the actor who carried it out. Only the definite
 * article and demonstratives make such a reference: "an offer", "air
 * strikes" in general refer to nothing coded before. */
#include <string.h>

#include "code.h"

/* Head nouns (singular and plural forms) and the CAMEO roots of the events
 * they name, as two-digit runs: "0203" is 02 or 03. */
static const struct {
    const char *noun;
    const char *roots;
} event_nouns[] = {
    /* appeals and offers */
    {"OFFER", "0203"}, {"OFFERS", "0203"}, {"PROPOSAL", "0203"}, {"PROPOSALS", "0203"},
    {"PROPOSITION", "0203"}, {"INITIATIVE", "0203"}, {"OVERTURE", "0203"},
    {"OVERTURES", "0203"}, {"REQUEST", "02"}, {"REQUESTS", "02"}, {"APPEAL", "02"},
    {"APPEALS", "02"}, {"PLEA", "02"}, {"PLEAS", "02"},
    /* demands, threats */
    {"DEMAND", "10"}, {"DEMANDS", "10"}, {"ULTIMATUM", "1310"}, {"THREAT", "13"},
    {"THREATS", "13"}, {"WARNING", "13"}, {"WARNINGS", "13"},
    /* accusations and criticism */
    {"ACCUSATION", "11"}, {"ACCUSATIONS", "11"}, {"ALLEGATION", "11"},
    {"ALLEGATIONS", "11"}, {"CHARGE", "11"}, {"CHARGES", "11"}, {"CRITICISM", "11"},
    {"REMARKS", "0111"}, {"COMMENTS", "0111"},
    /* coercion and force */
    {"SANCTIONS", "16"}, {"EMBARGO", "16"}, {"EXPULSION", "16"}, {"EXPULSIONS", "16"},
    {"ARREST", "17"}, {"ARRESTS", "17"}, {"DETENTION", "17"}, {"CRACKDOWN", "1718"},
    {"ATTACK", "181920"}, {"ATTACKS", "181920"}, {"STRIKE", "1819"}, {"STRIKES", "1819"},
    {"AIRSTRIKE", "1819"}, {"AIRSTRIKES", "1819"}, {"BOMBING", "181920"},
    {"BOMBINGS", "181920"}, {"BOMBARDMENT", "19"}, {"RAID", "1819"}, {"RAIDS", "1819"},
    {"SHELLING", "19"}, {"OFFENSIVE", "19"}, {"ASSAULT", "1819"}, {"INVASION", "19"},
    {"INCURSION", "19"}, {"KILLING", "1820"}, {"KILLINGS", "1820"}, {"MASSACRE", "20"},
};

static const char *noun_roots(const parse_tok *t)
{
    for (size_t i = 0; i < DYAD_COUNT(event_nouns); i++)
        if (code_word_is(t, event_nouns[i].noun))
            return event_nouns[i].roots;
    return NULL;
}

static int definite(const parse_tok *t)
{
    static const char *const dets[] = {"THE", "THIS", "THAT", "THESE", "THOSE"};
    for (size_t i = 0; i < DYAD_COUNT(dets); i++)
        if (code_word_is(t, dets[i]))
            return 1;
    return 0;
}

static int root_in(const char *root, const char *roots)
{
    for (; roots[0] && roots[1]; roots += 2)
        if (root[0] == roots[0] && root[1] == roots[1])
            return 1;
    return 0;
}

uint32_t code_event_anaphor(const parse_sent *ps, uint32_t at, uint32_t end,
                            const dyad_event *ev, size_t nev,
                            const code_actor *src, uint32_t ns, code_actor *out)
{
    /* The noun phrase must be the verb's object: it starts at `at`. */
    uint32_t np = at < ps->n ? ps->toks[at].np : PARSE_NONE;
    if (np == PARSE_NONE || ps->nps[np].begin != at || ps->nps[np].end > end)
        return 0;
    const parse_np *p = &ps->nps[np];
    if (p->actor != PARSE_NONE || p->nagents || p->pron != PARSE_NONE ||
        p->end - p->begin < 2 || !definite(&ps->toks[p->begin]))
        return 0;
    /* English noun phrases end in their head: "the (48-hour) offer". */
    const parse_tok *head = &ps->toks[p->end - 1];
    const char *roots = head->pos == POS_NOUN || head->pos == POS_VERB ? noun_roots(head) : NULL;
    if (!roots)
        return 0;
    for (size_t i = nev; i-- > 0;) {
        const dyad_event *e = &ev[i];
        if (!root_in(e->root, roots) || !*e->source || !strcmp(e->source, "---"))
            continue;
        for (uint32_t k = 0; k < ns; k++)
            if (!strcmp(src[k].code, e->source))
                return 0;   /* one's own offer: no second party named */
        *out = (code_actor){e->source, PARSE_NONE, p->begin, p->end};
        return 1;
    }
    return 0;
}
