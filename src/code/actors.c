/* actors.c: from an actor group to actor codes. Date-restricted codes by
 * the document date; agents composing with their actor ([~X] appends X,
 * [X~] prepends it, a code already ending in X is left alone); agents
 * distributed over "of/in/from" actors; coordinated heads sharing their
 * modifiers ("Danish media and government"); codes written A/B meaning
 * several actors; pronouns resolved to the nearest earlier actor. */
#include <string.h>

#include "code.h"
#include "../text/text.h"

typedef struct compose {
    char code[64];
    size_t len;
    int office;    /* CODE_ACT_OFFICE: "former" titles are ELI, titles before a name drop */
} compose;

static void put(compose *c, const char *s, int prefix)
{
    size_t n = strlen(s);
    if (c->len + n + 1 > sizeof c->code)
        return;
    if (prefix) {
        memmove(c->code + n, c->code, c->len + 1);
        memcpy(c->code, s, n);
    } else {
        if (c->len >= n && !memcmp(c->code + c->len - n, s, n))
            return;   /* USAGOV + GOV stays USAGOV */
        memcpy(c->code + c->len, s, n + 1);
    }
    c->len += n;
}

/* "former president", "ex-minister", "a former Afghan president": the
 * title of someone out of office, whom CAMEO codes as elite (ELI). */
static int former_title(const parse_sent *ps, const parse_np *np, uint32_t b)
{
    for (uint32_t k = b; k-- > np->begin && k + 3 >= b;) {
        const parse_tok *t = &ps->toks[k];
        if (code_word_is(t, "FORMER") || code_word_is(t, "EX") ||
            (t->len > 3 && !memcmp(t->norm, "EX-", 3)))
            return 1;
    }
    return 0;
}

static void add_agents(const dyad_dict *d, const parse_sent *ps, const parse_np *np,
                       uint32_t skip_last, compose *c)
{
    uint32_t n = np->nagents - (skip_last && np->nagents ? 1 : 0);
    for (uint32_t i = 0; i < n; i++) {
        const dict_agent *ag = dict_agent_get(d, ps->units[np->agents[i]].entry);
        if (!ag || !ag->code)
            continue;
        if (c->office && !ag->prefix && former_title(ps, np, ps->units[np->agents[i]].begin))
            put(c, "ELI", 0);
        else
            put(c, ag->code, ag->prefix);
    }
}

/* The agents of a named person's phrase: a title before the name
 * ("President Hamid Karzai", "Secretary of State John Kerry") is the
 * person's office, which the person's dated code already says (AFGELI
 * after 2014, not AFGELIGOV); agents after the name still add. */
static void add_person_agents(const dyad_dict *d, const parse_sent *ps, const parse_np *np,
                              uint32_t person, compose *c)
{
    if (!c->office || c->len <= 3 || person == PARSE_NONE) {
        add_agents(d, ps, np, 0, c);
        return;
    }
    parse_np rest = *np;
    rest.nagents = 0;
    for (uint32_t i = 0; i < np->nagents; i++)
        if (ps->units[np->agents[i]].begin >= ps->units[person].end)
            rest.agents[rest.nagents++] = np->agents[i];
    add_agents(d, ps, &rest, 0, c);
}

/* Emits one code per '/'-separated part of the actor's code. */
static uint32_t emit(arena *a, const compose *c, uint32_t unit, uint32_t b,
                     uint32_t e, code_actor *out, uint32_t n, uint32_t max, int split)
{
    const char *s = c->code;
    while (*s && n < max) {
        const char *slash = split ? strchr(s, '/') : NULL;
        size_t len = slash ? (size_t)(slash - s) : strlen(s);
        if (len) {
            out[n].code = arena_strndup(a, s, len);
            out[n].unit = unit;
            out[n].begin = b;
            out[n].end = e;
            n++;
        }
        s += len + (slash != NULL);
    }
    return n;
}


/* A one-word actor of at most three letters ("US", "UN", "EU") is an
 * acronym only when written in capitals: "told us", "Iran Warns Us". */
static int lowercase_acronym(const parse_sent *ps, const parse_unit *u)
{
    if (u->end != u->begin + 1 || !ps->doc || ps->toks[u->begin].tok >= ps->doc->ntokens)
        return 0;
    const parse_tok *t = &ps->toks[u->begin];
    uint32_t letters = 0;
    for (uint32_t i = 0; i < t->len; i++)
        letters += (t->norm[i] >= 'A' && t->norm[i] <= 'Z');
    return letters <= 3 && !(ps->doc->tokens[t->tok].flags & TOK_ALLCAPS);
}

/* "Hunter Biden", "Maryanne Trump Barry": a person's surname alone, right
 * after a capitalized given name no dictionary knows, names someone else
 * of that family. Titles ("Mr.", "Sen.") and dictionary words ("President",
 * "Russian") before the surname leave it the known person; countries and
 * other codes without a role are never such a surname. */
static int other_person(const parse_sent *ps, const parse_unit *u, const char *code)
{
    static const char *const titles[] = {
        "MR", "MR.", "MRS", "MRS.", "MS", "MS.", "DR", "DR.", "SEN", "SEN.", "REP", "REP.",
        "GOV", "GOV.", "GEN", "GEN.", "SIR", "DAME", "LORD", "LADY", "SHEIKH", "FORMER", "EX",
    };
    if (u->end - u->begin != 1 || u->begin == 0 || strlen(code) <= 3)
        return 0;
    const parse_tok *p = &ps->toks[u->begin - 1];
    if (p->unit != PARSE_NONE || !(ps->doc->tokens[p->tok].flags & TOK_CAP) || p->lex ||
        (p->flags & PF_TIME) || (p->pos != POS_PROPN && p->pos != POS_NOUN))
        return 0;   /* "On Monday Biden": a common or time word is no given name */
    for (size_t i = 0; i < DYAD_COUNT(titles); i++)
        if (strlen(titles[i]) == p->len && !memcmp(titles[i], p->norm, p->len))
            return 0;
    return 1;
}

static int actor_base(const dyad_dict *d, const parse_sent *ps, uint32_t unit,
                      int32_t date, compose *c)
{
    c->len = 0;
    c->code[0] = '\0';
    if (unit == PARSE_NONE) {
        put(c, "---", 0);
        return 1;
    }
    if (lowercase_acronym(ps, &ps->units[unit]))
        return 0;
    const char *code = dict_actor_code_at(d, ps->units[unit].entry, date);
    if (!code || other_person(ps, &ps->units[unit], code))
        return 0;
    put(c, code, 0);
    return 1;
}

/* "he", "she", "him", "her": a person. */
static int personal_pronoun(const parse_tok *t)
{
    static const char *const persons[] = {"HE", "SHE", "HIM", "HER"};
    return code_word_in(t, persons, DYAD_COUNT(persons));
}

/* Could these actors be a person? A bare country code ("RUS" for "Russia")
 * cannot: "what he criticized" after "giving Russia a win" is not Russia. */
static int person_like(const code_actor *out, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (out[i].code && strlen(out[i].code) > 3)
            return 1;
    return 0;
}

/* A pronoun group: the nearest earlier actor group of the sentence that
 * agrees with it (a personal pronoun wants a person), else the previous
 * sentence's actors. */
static uint32_t pronoun(arena *a, const dyad_dict *d, const parse_sent *ps,
                        uint32_t g, int32_t date, const code_coref *coref, int flags,
                        code_actor *out, uint32_t max)
{
    const parse_np *np = &ps->nps[ps->conjs[ps->groups[g].first_conj].np];
    int person = personal_pronoun(&ps->toks[np->pron]);
    for (uint32_t h = g; h-- > 0;) {
        const parse_group *gh = &ps->groups[h];
        if (!gh->nactors || (gh->begin > 0 && ps->toks[gh->begin - 1].pos == POS_PREP))
            continue;   /* antecedents are subjects and objects, not PP objects */
        uint32_t n = code_group_actors(a, d, ps, h, date, NULL, flags, out, max);
        if (n && (!person || person_like(out, n)))
            return n;
    }
    uint32_t n = 0;
    for (uint32_t i = 0; coref && i < coref->nlast && n < max; i++)
        out[n++] = coref->last[i];
    if (person && !person_like(out, n))
        n = 0;
    return n;
}

static int plural_ref(const parse_sent *ps, const parse_np *np)
{
    static const char *const heads[] = {"PAIR", "TWO", "BOTH", "SIDES", "DUO"};
    const parse_tok *h = &ps->toks[np->end - 1];
    if (np->end - np->begin > 3)
        return 0;
    for (size_t i = 0; i < DYAD_COUNT(heads); i++)
        if (strlen(heads[i]) == h->len && !memcmp(heads[i], h->norm, h->len))
            return 1;
    return 0;
}

/* "the ministry", "the government" with no actor of its own refers to the
 * previous sentence's main actor: its code in that role (RUS + GOV). */
static int definite_agent(const dyad_dict *d, const parse_sent *ps, const parse_np *np,
                          const code_coref *coref, compose *c)
{
    const parse_tok *t = &ps->toks[np->begin];
    if (!coref || !coref->nlast || np->nagents != 1 || np->end - np->begin > 3 ||
        !(t->len == 3 && !memcmp(t->norm, "THE", 3)))
        return 0;
    const dict_agent *ag = dict_agent_get(d, ps->units[np->agents[0]].entry);
    const char *base = coref->last[0].code;
    if (!ag || !ag->code || !base || !strncmp(base, "---", 3))
        return 0;
    c->len = 0;
    c->code[0] = '\0';
    /* Keep the country part: RUSGOV + MIL is RUSMIL, not RUSGOVMIL. */
    char root[4] = {0};
    memcpy(root, base, strlen(base) >= 3 ? 3 : strlen(base));
    put(c, root, 0);
    put(c, ag->code, ag->prefix);
    return 1;
}

/* The NP's actor: its first, unless a later one refines that code
 * ("Saudi King Salman": SAU, then SAUGOV). */
static uint32_t specific_actor(const dyad_dict *d, const parse_sent *ps,
                               const parse_np *np, int32_t date)
{
    uint32_t best = np->actor;
    const char *bc = dict_actor_code_at(d, ps->units[best].entry, date);
    for (uint32_t i = ps->units[best].end; bc && i < np->end; i++) {
        uint32_t u = ps->toks[i].unit;
        if (u == PARSE_NONE || ps->units[u].begin != i || ps->units[u].kind != DICT_ACTOR)
            continue;
        const char *c = dict_actor_code_at(d, ps->units[u].entry, date);
        size_t bl = strlen(bc);
        if (c && strlen(c) > bl && !strncmp(c, bc, bl)) {
            best = u;
            bc = c;
        }
    }
    return best;
}

/* "Armenian and Azerbaijani forces": a bare nationality adjective
 * coordinated with an adjective + head shares that head's agents. */
static void shared_head(const dyad_dict *d, const parse_sent *ps, const parse_np *np,
                        const parse_np *next, compose *c)
{
    const parse_unit *u = &ps->units[np->actor];
    if (u->begin != np->begin || u->end != np->end || !(ps->toks[u->end - 1].lex & LX_ADJ) ||
        np->end >= ps->n || ps->toks[np->end].pos != POS_CONJ || next->begin != np->end + 1 ||
        next->actor == PARSE_NONE || !next->nagents ||
        ps->units[next->actor].begin != next->begin)
        return;
    add_agents(d, ps, next, 0, c);
}

static int is_modifier_actor(const parse_sent *ps, const parse_np *np)
{
    if (np->actor == PARSE_NONE || np->nagents == 0)
        return 0;
    const parse_unit *u = &ps->units[np->actor];
    return u->end < np->end && ps->units[np->agents[np->nagents - 1]].begin >= u->end;
}

/* "its ambassador", "their troops": agents a possessive pronoun owns. They
 * belong to the pronoun's antecedent, never to an actor in a phrase after
 * them. */
static int possessed(const parse_sent *ps, const parse_np *np)
{
    const parse_tok *t = &ps->toks[np->begin];
    return np->actor == PARSE_NONE && np->nagents && t->pos == POS_PRON &&
           (t->flags & PF_POSSDET);
}

uint32_t code_group_actors(arena *a, const dyad_dict *d, const parse_sent *ps,
                           uint32_t g, int32_t date, const code_coref *coref,
                           int flags, code_actor *out, uint32_t max)
{
    int split = flags & CODE_ACT_SPLIT;
    const parse_group *gr = &ps->groups[g];
    uint8_t consumed[64] = {0};
    uint32_t n = 0;
    compose c = {.office = flags & CODE_ACT_OFFICE};
    for (uint32_t j = 0; j < gr->nconj && j < 64; j++) {
        const parse_conj *cj = &ps->conjs[gr->first_conj + j];
        if (cj->dist_from == PARSE_NONE || (gr->nactors && possessed(ps, &ps->nps[cj->np])))
            continue;
        uint32_t to = cj->dist_to < gr->first_conj + gr->nconj ? cj->dist_to : gr->first_conj + gr->nconj;
        for (uint32_t k = cj->dist_from; k < to && k - gr->first_conj < 64; k++)
            if (ps->nps[ps->conjs[k].np].actor != PARSE_NONE)
                consumed[k - gr->first_conj] = 1;
    }
    for (uint32_t j = 0; j < gr->nconj && n < max; j++) {
        const parse_conj *cj = &ps->conjs[gr->first_conj + j];
        const parse_np *np = &ps->nps[cj->np];
        if (np->actor != PARSE_NONE) {
            if (j < 64 && consumed[j])
                continue;
            uint32_t who = specific_actor(d, ps, np, date);
            if (actor_base(d, ps, who, date, &c)) {
                add_person_agents(d, ps, np, who, &c);
                if (!np->nagents && j + 1 < gr->nconj)
                    shared_head(d, ps, np, &ps->nps[ps->conjs[gr->first_conj + j + 1].np], &c);
                n = emit(a, &c, np->actor, np->begin, np->end, out, n, max, split);
            }
        } else if (gr->nactors && possessed(ps, np)) {
            continue;   /* "its ambassador from Saudi Arabia": Qatar's, not Saudi */
        } else if (np->nagents && cj->dist_from != PARSE_NONE) {
            uint32_t n0 = n;
            uint32_t to = cj->dist_to < gr->first_conj + gr->nconj ? cj->dist_to
                                                                    : gr->first_conj + gr->nconj;
            for (uint32_t k = cj->dist_from; k < to && n < max; k++) {
                const parse_np *an = &ps->nps[ps->conjs[k].np];
                if (an->actor == PARSE_NONE || !actor_base(d, ps, an->actor, date, &c))
                    continue;
                add_agents(d, ps, an, 0, &c);
                add_agents(d, ps, np, 0, &c);
                n = emit(a, &c, an->actor, np->begin, an->end, out, n, max, split);
            }
            if (n == n0 && gr->nactors == 0) {   /* actors without a code here */
                actor_base(d, ps, PARSE_NONE, date, &c);
                add_agents(d, ps, np, 0, &c);
                n = emit(a, &c, PARSE_NONE, np->begin, np->end, out, n, max, split);
            }
        } else if (np->nagents && j > 0 &&
                   is_modifier_actor(ps, &ps->nps[ps->conjs[gr->first_conj + j - 1].np])) {
            const parse_np *pn = &ps->nps[ps->conjs[gr->first_conj + j - 1].np];
            if (actor_base(d, ps, pn->actor, date, &c)) {
                add_agents(d, ps, pn, 1, &c);
                add_agents(d, ps, np, 0, &c);
                n = emit(a, &c, pn->actor, np->begin, np->end, out, n, max, split);
            }
        } else if (np->nagents && gr->nactors == 0) {
            if (definite_agent(d, ps, np, coref, &c)) {
                /* "The ministry said": the last actor, in that role. */
                n = emit(a, &c, PARSE_NONE, np->begin, np->end, out, n, max, split);
                continue;
            }
            actor_base(d, ps, PARSE_NONE, date, &c);
            add_agents(d, ps, np, 0, &c);
            n = emit(a, &c, PARSE_NONE, np->begin, np->end, out, n, max, split);
        } else if (np->pron != PARSE_NONE && gr->nactors == 0 && gr->nconj == 1) {
            n += pronoun(a, d, ps, g, date, coref, flags, out + n, max - n);
        } else if (gr->nactors == 0 && gr->nconj == 1 && plural_ref(ps, np)) {
            /* "the pair", "the two sides", "both": the last compound. */
            for (uint32_t i = 0; coref && i < coref->npair && n < max; i++)
                out[n++] = coref->pair[i];
        } else if (np->nagents && cj->dist_from == PARSE_NONE) {
            /* "the Syrian government and rebels": a conjunct of agents
             * alone is an actor of its own, whatever its neighbours. */
            actor_base(d, ps, PARSE_NONE, date, &c);
            add_agents(d, ps, np, 0, &c);
            n = emit(a, &c, PARSE_NONE, np->begin, np->end, out, n, max, split);
        }
    }
    return n;
}
