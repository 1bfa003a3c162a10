/* roles.c: which part an actor plays in an event, beyond the verb's
 * pattern: a consultation's topic and an event's place are no targets; a
 * proposal to act jointly is an offer; a target named only by its role
 * belongs to the source's country when the event is domestic, or to the
 * place it stands in; aircraft strike from the air; an accusation alleges
 * what follows "of". Read-only over the parse: safe from any thread. Used by
 * coder.c, and only in dyad code's CAMEO reading except topics and places
 * (see docs/COMPATIBILITY.md). */
#include <string.h>

#include "code.h"

/* The target: the first actor group (or pronoun) among the verb's objects,
 * then after what its pattern matched. A pronoun that resolves to the
 * source itself is passed over, unless the source is a compound ("A and B
 * delayed their meeting": each acts on the other). */
int code_word_is(const parse_tok *t, const char *w)
{
    return strlen(w) == t->len && !memcmp(w, t->norm, t->len);
}

int code_word_in(const parse_tok *t, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (code_word_is(t, words[i]))
            return 1;
    return 0;
}

/* After a verb of arrival or travel, "in X" is where one goes ("arrived
 * in Moscow"), so X takes part. */
static int motion_verb(const parse_tok *h)
{
    static const char *const stems[] = {"ARRIV", "LAND", "TRAVEL", "FLEW", "FLOWN", "FLY",
                                        "FLIES", "RETURN", "VISIT", "TOUCHED", "STOPP"};
    for (size_t i = 0; i < DYAD_COUNT(stems); i++)
        if (h->len >= strlen(stems[i]) && !memcmp(h->norm, stems[i], strlen(stems[i])))
            return 1;
    return 0;
}

/* A preposition that puts what follows as where something happens or
 * stands: in, at, near, inside, outside, around, across. */
int code_place_prep(const parse_tok *t)
{
    static const char *const preps[] = {"IN", "AT", "NEAR", "INSIDE", "OUTSIDE", "AROUND",
                                        "ACROSS"};
    return code_word_in(t, preps, DYAD_COUNT(preps));
}

/* "Russia and Ukraine clashed near Kharkiv": with two parties acting, a
 * place right after the verb is where it happened, even for force; but
 * "Kerry and Lavrov arrived in Geneva" both visit it. */
int code_compound_place(const parse_sent *ps, uint32_t v, uint32_t g, const char *code,
                        const code_actor *src, uint32_t ns)
{
    uint32_t b = ps->groups[g].begin;
    if (!code || b == 0 || !code_place_prep(&ps->toks[b - 1]) || !strncmp(code, "042", 3) ||
        !strncmp(code, "043", 3) || motion_verb(&ps->toks[ps->vgs[v].head]))
        return 0;
    int distinct = 0;
    for (uint32_t i = 1; i < ns; i++)
        distinct |= strcmp(src[i].code, src[0].code) != 0;
    return distinct;
}

/* One consults with someone about something: for a consultation (04), a
 * group after "about" or the object of "discuss" is the topic, not the
 * other party ("Lavrov and Kerry discussed Syria"). */
int code_topic_group(const parse_sent *ps, uint32_t v, uint32_t g, const char *code,
                     uint32_t ns)
{
    if (!code)
        return 0;
    uint32_t b = ps->groups[g].begin;
    /* "A and B agreed a ceasefire in Darfur": the parties are the subjects,
     * and an actor in a phrase attached to the object is where. With one
     * party, CAMEO coders take it as the other ("appealed for peace in X"). */
    const parse_group *gr = &ps->groups[g];
    for (uint32_t j = 0; ns >= 2 && j < gr->nconj; j++) {
        const parse_np *np = &ps->nps[ps->conjs[gr->first_conj + j].np];
        if (np->actor != PARSE_NONE || np->nagents || np->pron != PARSE_NONE) {
            b = np->begin;
            break;
        }
    }
    /* "met in Cairo", "agreed a ceasefire in Darfur": where it happened.
     * A visit's place is its host ("arrived in Moscow"), and force is
     * aimed at where it strikes ("shelled positions in Gaza"). */
    if (b > 0 && strncmp(code, "042", 3) && strncmp(code, "043", 3) &&
        strncmp(code, "18", 2) && strncmp(code, "19", 2) && strncmp(code, "20", 2) &&
        !motion_verb(&ps->toks[ps->vgs[v].head]) &&
        (code_word_is(&ps->toks[b - 1], "IN") || code_word_is(&ps->toks[b - 1], "INSIDE")))
        return 1;
    if (strncmp(code, "04", 2))
        return 0;
    const parse_vg *vg = &ps->vgs[v];
    static const char *const topic_preps[] = {"ABOUT", "REGARDING", "CONCERNING", "AGAINST",
                                              "ON", "OVER"};
    for (size_t i = 0; b > 0 && i < DYAD_COUNT(topic_preps); i++)
        if (code_word_is(&ps->toks[b - 1], topic_preps[i]))
            return 1;   /* "talked about Syria", "joint action against X" */
    const parse_tok *h = &ps->toks[vg->head];
    return b == vg->end && h->len >= 7 && !memcmp(h->norm, "DISCUSS", 7);
}

/* "proposed joint air strikes with the United States": proposing to act
 * jointly with the target is an offer to cooperate with it (03), not a
 * request that it act (02). Military content makes it 0312. Only the
 * generic appeal (020) is refined; a dictionary's own subcode stands. */
const char *code_joint_offer(const parse_sent *ps, const parse_vg *vg, uint32_t tg,
                             const char *code)
{
    static const char *const military[] = {
        "STRIKES", "AIRSTRIKES", "STRIKE", "OPERATION", "OPERATIONS", "PATROLS", "EXERCISES",
        "DRILLS", "OFFENSIVE", "ATTACKS", "RAIDS", "BOMBING", "MILITARY", "FORCE", "TROOPS",
    };
    if (!code || strcmp(code, "020") || tg == PARSE_NONE)
        return NULL;
    uint32_t b = ps->groups[tg].begin;
    if (b == 0 || b <= vg->end || !code_word_is(&ps->toks[b - 1], "WITH"))
        return NULL;
    int joint = 0, mil = 0;
    for (uint32_t i = vg->end; i + 1 < b; i++) {
        const parse_tok *t = &ps->toks[i];
        joint |= code_word_is(t, "JOINT") || code_word_is(t, "JOINTLY") || code_word_is(t, "TOGETHER") ||
                 code_word_is(t, "COMMON");
        for (size_t k = 0; k < DYAD_COUNT(military); k++)
            mil |= code_word_is(t, military[k]);
    }
    return !joint ? NULL : mil ? "0312" : "030";
}

static int role_in(const char *role, const char *const *roles, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strncmp(role, roles[i], 3))
            return 1;
    return 0;
}

/* A target named only by its role ("30 soldiers", "opposition activists",
 * "government forces") belongs to the source's country when the event is
 * domestic by nature: a state or its civil institutions arresting,
 * releasing, investigating (08, 09, 17); people protesting against "the
 * government" (14); rebels or the opposition against "government forces".
 * Armies act abroad, so "soldiers fired on protesters" stays as it is. */
const char *code_domestic_target(arena *a, const char *src, const char *tgt,
                                 const char *code)
{
    static const char *const state_roles[] = {"GOV", "COP", "JUD", "LEG", "SPY"};
    static const char *const gov_roles[] = {"GOV", "MIL", "COP", "JUD", "LEG", "ELI"};
    static const char *const domestic_roles[] = {"REB", "OPP", "CVL", "LAB", "EDU",
                                                 "HRI", "MED", "PPL", "REF"};
    static const char *const not_countries[] = {"IGO", "NGO", "MNC", "IMG", "UAF", "---"};
    if (!src || !tgt || !code || strncmp(tgt, "---", 3) || strlen(tgt) < 6 || strlen(src) < 3 ||
        role_in(src, not_countries, DYAD_COUNT(not_countries)))
        return NULL;
    for (int i = 0; i < 3; i++)
        if (src[i] < 'A' || src[i] > 'Z')
            return NULL;
    const char *sr = src + 3, *tr = tgt + 3;
    int ok = 0;
    if (!strncmp(code, "08", 2) || !strncmp(code, "09", 2) || !strncmp(code, "17", 2))
        ok = !*sr || role_in(sr, state_roles, DYAD_COUNT(state_roles));
    if (!strncmp(code, "14", 2))
        ok |= role_in(tr, gov_roles, DYAD_COUNT(gov_roles)) && strncmp(tr, "MIL", 3);
    if (*sr && role_in(sr, domestic_roles, DYAD_COUNT(domestic_roles)))
        ok |= role_in(tr, gov_roles, DYAD_COUNT(gov_roles));
    return ok ? arena_printf(a, "%.3s%s", src, tr) : NULL;
}

/* "Myanmar Protester Shot By Police", "police detained opposition
 * activists in Minsk": police named only by their role act at home, so they
 * take the country of the people they arrest, investigate or use force
 * against (09, 17-19) when those are civilians, protesters, journalists,
 * workers, students or activists of that country. Refugees and migrants are
 * often foreigners; armies and courts act abroad too, so they are left. */
const char *code_domestic_source(arena *a, const char *src, const char *tgt,
                                 const char *code)
{
    static const char *const people[] = {"OPP", "CVL", "MED", "LAB", "EDU", "HRI", "PPL", "REL"};
    if (!src || !tgt || !code || strcmp(src, "---COP") || strlen(tgt) < 6 ||
        !strncmp(tgt, "---", 3) ||
        (strncmp(code, "09", 2) && strncmp(code, "17", 2) && strncmp(code, "18", 2) &&
         strncmp(code, "19", 2)))
        return NULL;
    for (int i = 0; i < 3; i++)
        if (tgt[i] < 'A' || tgt[i] > 'Z')
            return NULL;
    static const char *const not_countries[] = {"IGO", "NGO", "MNC", "IMG", "UAF"};
    if (role_in(tgt, not_countries, DYAD_COUNT(not_countries)) ||
        !role_in(tgt + 3, people, DYAD_COUNT(people)))
        return NULL;
    return arena_printf(a, "%.3sCOP", tgt);
}

/* Does group g name aircraft ("Russian warplanes", "Israeli jets")? */
int code_aerial(const parse_sent *ps, uint32_t g)
{
    static const char *const craft[] = {
        "WARPLANES", "WARPLANE", "JETS", "JET", "AIRCRAFT", "DRONES", "DRONE", "HELICOPTERS",
        "HELICOPTER", "BOMBERS", "BOMBER", "GUNSHIPS", "PLANES",
    };
    for (uint32_t i = ps->groups[g].begin; i < ps->groups[g].end; i++)
        for (size_t k = 0; k < DYAD_COUNT(craft); k++)
            if (code_word_is(&ps->toks[i], craft[k]))
                return 1;
    return 0;
}

/* "Joe Biden Hits Trump's Biggest Boast", "Brennan Torches Trump's Smear":
 * force or destruction (18-20, 1712) whose object is something said or
 * thought, owned by the target, is criticism of that target (111). */
int code_figurative_force(const parse_lexicon *lx, const parse_sent *ps, uint32_t tg,
                          const char *code)
{
    if (!code ||
        (strncmp(code, "18", 2) && strncmp(code, "19", 2) && strncmp(code, "20", 2) &&
         strcmp(code, "1712")) ||
        tg == PARSE_NONE || !ps->groups[tg].nconj)
        return 0;
    const parse_np *np = &ps->nps[ps->conjs[ps->groups[tg].first_conj].np];
    const parse_tok *head = &ps->toks[np->end - 1];
    if (np->actor == PARSE_NONE || head->unit != PARSE_NONE ||
        (head->pos != POS_NOUN && head->pos != POS_PROPN))
        return 0;   /* the head itself is an actor: "hit Hamas", "struck rebel positions" */
    return parse_abstract_noun(lx, head);
}

/* "accused X of torturing detainees": the verb's code after "of" in
 * [from, to), from its dictionary entry, or NULL. A gerund after a
 * preposition is tagged a noun, so it has no verb group of its own. */
const char *code_gerund_content(const dyad_dict *d, const parse_sent *ps, uint32_t from,
                                uint32_t to)
{
    for (uint32_t i = from; i + 1 < to && i + 1 < ps->n; i++) {
        if (!code_word_is(&ps->toks[i], "OF"))
            continue;
        const parse_tok *t = &ps->toks[i + 1];
        if (!(t->flags & PF_ING) || t->unit == PARSE_NONE || ps->units[t->unit].kind != DICT_VERB)
            return NULL;
        const dict_verb *vb = dict_verb_get(d, ps->units[t->unit].entry);
        return vb && !code_none(vb->code) ? vb->code : NULL;
    }
    return NULL;
}

/* "an army post near Damascus", "police stations in Gaza": a target named
 * only by its role, followed by where it is, belongs to that place's
 * country. The place must be a bare country or city code (three letters). */
const char *code_placed_target(arena *a, const dyad_dict *d, const parse_sent *ps,
                               const code_actor *t, int32_t date)
{
    if (strncmp(t->code, "---", 3) || strlen(t->code) < 6 || t->end + 1 >= ps->n)
        return NULL;
    const parse_tok *p = &ps->toks[t->end];
    if (!code_place_prep(p))
        return NULL;
    uint32_t u = ps->toks[t->end + 1].unit;
    if (u == PARSE_NONE || ps->units[u].kind != DICT_ACTOR || ps->units[u].begin != t->end + 1)
        return NULL;
    const char *pc = dict_actor_code_at(d, ps->units[u].entry, date);
    if (!pc || strlen(pc) != 3 || !strncmp(pc, "IGO", 3) || !strncmp(pc, "NGO", 3))
        return NULL;
    return arena_printf(a, "%s%s", pc, t->code + 3);
}

int code_own_people(const parse_sent *ps, uint32_t g)
{
    const parse_group *gr = &ps->groups[g];
    if (!gr->nconj)
        return 0;
    const parse_np *np = &ps->nps[ps->conjs[gr->first_conj].np];
    const parse_tok *t = &ps->toks[np->begin];
    if (!np->nagents || t->pos != POS_PRON || !(t->flags & PF_POSSDET))
        return 0;
    /* The possessed noun is the agent; an actor may follow in an attached
     * phrase ("its ambassador from Saudi Arabia"). */
    return np->actor == PARSE_NONE ||
           ps->units[np->agents[0]].begin < ps->units[np->actor].begin;
}
