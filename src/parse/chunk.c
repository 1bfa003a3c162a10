/* chunk.c: noun-phrase chunks, actor groups (conjoined NPs with "of/in/from"
 * attachments), verb groups (voice, negation, modality, infinitives) and
 * clause structure: each verb group's subject group and object region.
 * Reads the tags parse.c assigned; owns nothing beyond the arena. */
#include <string.h>

#include "parse_int.h"

static int tok_is(const parse_tok *t, const char *w)
{
    size_t n = strlen(w);
    return t->len == n && !memcmp(t->norm, w, n);
}

static int tok_in(const parse_tok *t, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (tok_is(t, words[i]))
            return 1;
    return 0;
}

/* ---- Noun phrases -------------------------------------------------------- */

static int np_start(const parse_sent *ps, uint32_t i)
{
    unsigned p = ps->toks[i].pos;
    if (p == POS_DET || p == POS_ADJ || p == POS_NUM || p == POS_NOUN ||
        p == POS_PROPN || p == POS_PRON)
        return 1;
    return p == POS_ADV && i + 1 < ps->n &&
           (ps->toks[i + 1].pos == POS_ADJ || ps->toks[i + 1].pos == POS_NUM);
}

static int np_cont(const parse_sent *ps, uint32_t i)
{
    const parse_tok *t = &ps->toks[i], *prev = &ps->toks[i - 1];
    if (t->unit != PARSE_NONE && t->unit == prev->unit)
        return 1;
    if (prev->pos == POS_PRON && !(prev->flags & PF_POSSDET))
        return 0;   /* "he", "they": a phrase of their own */
    if ((t->flags & PF_TIME) && !(prev->flags & PF_TIME) && prev->pos != POS_DET &&
        prev->pos != POS_ADJ && !tok_is(prev, "LAST") && !tok_is(prev, "NEXT"))
        return 0;   /* "Russia | last month" */
    if (tok_is(t, "LAST") || tok_is(t, "NEXT"))
        return i + 1 < ps->n && !(ps->toks[i + 1].flags & PF_TIME);
    switch (t->pos) {
    case POS_ADJ: case POS_NUM: case POS_NOUN: case POS_PROPN: case POS_POSS:
        return 1;
    case POS_PRON:
        return (t->flags & PF_POSSDET) && prev->pos == POS_POSS;
    case POS_DET:
        return prev->pos == POS_POSS;
    case POS_ADV:
        return i + 1 < ps->n && ps->toks[i + 1].pos == POS_ADJ;
    case POS_CONJ:   /* "awful and evil minister" */
        return prev->pos == POS_ADJ && i + 1 < ps->n && ps->toks[i + 1].pos == POS_ADJ;
    default:
        return 0;
    }
}

/* "voter fraud", "police brutality", "new military aid", "the refugee
 * crisis": agent words that only modify the head noun name no actor when
 * that head is not a person, body of people, thing or place. A head that
 * is ("refugee camp", "police station", "army convoy") keeps them: such
 * places are where the agents are; so does an owner ("the president's
 * agenda"). */
static int agents_modify_thing(const parse_lexicon *lx, const parse_sent *ps,
                               const parse_np *np)
{
    if (np->actor != PARSE_NONE || !np->nagents)
        return 0;
    uint32_t after = ps->units[np->agents[np->nagents - 1]].end;
    if (after >= np->end || ps->toks[after].pos == POS_POSS)
        return 0;   /* "the president's agenda": the owner is an actor */
    const parse_tok *h = &ps->toks[np->end - 1];
    if (h->unit != PARSE_NONE || (h->pos != POS_NOUN && h->pos != POS_PROPN))
        return 0;
    unsigned cls = parse_noun_classes(lx, h);
    return (cls & (LX_N | LX_ABS)) && !(cls & LX_PHYS);
}

static void np_fill(const parse_lexicon *lx, parse_sent *ps, parse_np *np)
{
    np->actor = PARSE_NONE;
    np->pron = PARSE_NONE;
    np->nagents = 0;
    np->group = PARSE_NONE;
    for (uint32_t i = np->begin; i < np->end; i++) {
        parse_tok *t = &ps->toks[i];
        t->np = (uint32_t)(np - ps->nps);
        if (t->pos == POS_PRON && np->pron == PARSE_NONE)
            np->pron = i;
        if (t->unit == PARSE_NONE || ps->units[t->unit].begin != i)
            continue;
        const parse_unit *u = &ps->units[t->unit];
        if (u->kind == DICT_ACTOR && np->actor == PARSE_NONE)
            np->actor = t->unit;
        else if (u->kind == DICT_AGENT && np->nagents < DYAD_COUNT(np->agents))
            np->agents[np->nagents++] = t->unit;
    }
    if (lx && agents_modify_thing(lx, ps, np))
        np->nagents = 0;
}

static dyad_status chunk_nps(arena *a, const parse_lexicon *lx, parse_sent *ps)
{
    ps->nps = arena_alloc(a, (ps->n + 1) * sizeof *ps->nps);
    if (!ps->nps)
        return DYAD_ENOMEM;
    ps->nnps = 0;
    for (uint32_t i = 0; i < ps->n;) {
        if (!np_start(ps, i)) {
            i++;
            continue;
        }
        parse_np *np = &ps->nps[ps->nnps++];
        np->begin = i++;
        while (i < ps->n && np_cont(ps, i))
            i++;
        np->end = i;
        np_fill(lx, ps, np);
    }
    return DYAD_OK;
}

/* ---- Actor groups -------------------------------------------------------- */

static int verb_next(const parse_sent *ps, uint32_t i)
{
    if (i >= ps->n)
        return 0;
    unsigned p = ps->toks[i].pos;
    return p == POS_VERB || p == POS_AUX || p == POS_MODAL;
}

static int np_time(const parse_sent *ps, const parse_np *np)
{
    for (uint32_t i = np->begin; i < np->end; i++)
        if (ps->toks[i].flags & PF_TIME)
            return 1;
    return 0;
}

/* The NP after a list separator at p, or PARSE_NONE. */
static uint32_t list_next(const parse_sent *ps, uint32_t k, uint32_t *seg_break)
{
    uint32_t p = ps->nps[k].end, q = p;
    *seg_break = 0;
    if (k + 1 >= ps->nnps || p >= ps->n)
        return PARSE_NONE;
    const parse_tok *t = &ps->toks[p];
    int comma = 0, conj = 0;
    while (q < ps->n && q < p + 2 &&
           (ps->toks[q].pos == POS_COMMA || ps->toks[q].pos == POS_CONJ)) {
        comma |= ps->toks[q].pos == POS_COMMA;
        conj |= ps->toks[q].pos == POS_CONJ && !tok_is(&ps->toks[q], "BUT");
        q++;
    }
    const parse_np *nx = &ps->nps[k + 1];
    if (q > p && nx->begin == q && !np_time(ps, nx)) {
        if (conj || (comma && !verb_next(ps, nx->end)))
            return k + 1;
        return PARSE_NONE;
    }
    /* Distributive attachment: "officials in A and B", "ministry of A". */
    const parse_np *cur = &ps->nps[k];
    if (t->pos == POS_PREP && nx->begin == p + 1 && cur->actor == PARSE_NONE &&
        (tok_is(t, "OF") || tok_is(t, "IN") || tok_is(t, "FROM")) && !np_time(ps, nx)) {
        *seg_break = 1;
        return k + 1;
    }
    return PARSE_NONE;
}

/* The run of agent-only conjuncts ending at the segment boundary takes the
 * actor conjuncts of the next segment. */
static void distribute(parse_sent *ps, uint32_t group_first, uint32_t seg_prev_end,
                       uint32_t seg_first, uint32_t seg_end)
{
    uint32_t j = seg_prev_end;
    while (j > group_first) {
        parse_conj *c = &ps->conjs[j - 1];
        const parse_np *np = &ps->nps[c->np];
        if (np->actor != PARSE_NONE || np->nagents == 0)
            break;
        c->dist_from = seg_first;
        c->dist_to = seg_end;
        j--;
    }
}

static dyad_status build_groups(arena *a, parse_sent *ps)
{
    ps->conjs = arena_alloc(a, (ps->nnps + 1) * sizeof *ps->conjs);
    ps->groups = arena_alloc(a, (ps->nnps + 1) * sizeof *ps->groups);
    if (!ps->tok_group)
        ps->tok_group = arena_alloc(a, (ps->n + 1) * sizeof *ps->tok_group);
    if (!ps->conjs || !ps->groups || !ps->tok_group)
        return DYAD_ENOMEM;
    for (uint32_t i = 0; i < ps->n; i++)
        ps->tok_group[i] = PARSE_NONE;
    ps->nconjs = ps->ngroups = 0;
    for (uint32_t k = 0; k < ps->nnps;) {
        parse_group *g = &ps->groups[ps->ngroups];
        g->first_conj = ps->nconjs;
        g->begin = ps->nps[k].begin;
        uint32_t seg_first = ps->nconjs, cur = k;
        for (;;) {
            parse_conj *c = &ps->conjs[ps->nconjs++];
            c->np = cur;
            c->dist_from = c->dist_to = PARSE_NONE;
            ps->nps[cur].group = ps->ngroups;
            uint32_t brk, nx = list_next(ps, cur, &brk);
            if (nx == PARSE_NONE)
                break;
            if (brk) {
                uint32_t prev_end = ps->nconjs;
                distribute(ps, g->first_conj, prev_end, prev_end, PARSE_NONE);
                seg_first = prev_end;
            }
            cur = nx;
        }
        /* Close open distributions at the group's end. */
        for (uint32_t j = g->first_conj; j < ps->nconjs; j++)
            if (ps->conjs[j].dist_from != PARSE_NONE && ps->conjs[j].dist_to == PARSE_NONE)
                ps->conjs[j].dist_to = ps->nconjs;
        (void)seg_first;
        g->nconj = ps->nconjs - g->first_conj;
        g->end = ps->nps[cur].end;
        g->nactors = 0;
        for (uint32_t j = g->first_conj; j < ps->nconjs; j++)
            g->nactors += ps->nps[ps->conjs[j].np].actor != PARSE_NONE;
        for (uint32_t i = g->begin; i < g->end; i++)
            ps->tok_group[i] = ps->ngroups;
        ps->ngroups++;
        k = cur + 1;
    }
    return DYAD_OK;
}

/* ---- Verb groups --------------------------------------------------------- */

static int vg_part(unsigned p)
{
    return p == POS_AUX || p == POS_MODAL || p == POS_NEG || p == POS_ADV || p == POS_TO;
}

static int vg_open(const parse_sent *ps, uint32_t i)
{
    unsigned p = ps->toks[i].pos;
    if (p == POS_VERB || p == POS_AUX || p == POS_MODAL)
        return 1;
    if (p != POS_TO)
        return 0;
    uint32_t j = i + 1;
    while (j < ps->n && ps->toks[j].pos == POS_ADV)
        j++;
    return j < ps->n && (ps->toks[j].pos == POS_VERB || ps->toks[j].pos == POS_AUX);
}

static void vg_scan(parse_sent *ps, parse_vg *v, uint32_t b, uint32_t j)
{
    int finite_aux = 0, last_be = 0;
    for (uint32_t k = b; k < j; k++) {
        const parse_tok *t = &ps->toks[k];
        if (t->pos == POS_NEG && v->neg_tok == PARSE_NONE)
            v->neg_tok = k;
        if (t->pos == POS_MODAL) {
            v->modal = 1;
            finite_aux |= !v->infinitive;
        }
        if (t->pos == POS_AUX) {
            finite_aux |= !v->infinitive;
            last_be = (t->flags & PF_BE) != 0;
        }
        if (t->pos == POS_TO && !finite_aux)
            v->infinitive = 1;
    }
    v->negated = v->neg_tok != PARSE_NONE;
    const parse_tok *h = &ps->toks[v->head];
    v->passive = last_be && h->pos == POS_VERB && (h->flags & PF_ED);
    v->participle = !finite_aux && !v->infinitive && h->pos == POS_VERB &&
                    (h->flags & PF_ING) && b == v->head;
    v->finite = !v->infinitive && !v->participle;
}

/* "Marco Rubio Slammed For Tweet", "At Least 40 Killed In Attack",
 * "Navalny Arrested In Moscow": headlines drop the auxiliary of a
 * passive. A headline tells an active event in the present tense ("Russia
 * Kills", "Pelosi Visits"), so a bare past form with no object, right
 * before a preposition such as "for", "in" or "over", or the end, is a
 * passive participle. */
static int headline_passive(const parse_sent *ps, const parse_vg *v)
{
    const parse_tok *h = &ps->toks[v->head];
    if (ps->doc->sentences[ps->sentence].kind != DYAD_SENT_HEADLINE || v->begin != v->head ||
        h->pos != POS_VERB || !(h->flags & PF_ED) || (h->flags & (PF_BE | PF_HAVE | PF_DO)))
        return 0;
    if (v->end >= ps->n)
        return 1;
    const parse_tok *nx = &ps->toks[v->end];
    if (nx->pos == POS_PUNCT)
        return 1;
    /* Prepositions an intransitive verb rarely takes in a headline: "Shot
     * At", "Fired On", "Met With", "Agreed To" are active. */
    static const char *const preps[] = {"FOR", "IN", "OF", "AFTER", "OVER", "DURING", "AMID",
                                        "BY", "AS", "FROM", "NEAR", "INSIDE", "ACROSS"};
    return nx->pos == POS_PREP && tok_in(nx, preps, DYAD_COUNT(preps));
}

/* "to help deliver aid", "let them leave": a bare infinitive after help
 * or let is an infinitive, not a finite verb without a subject; and the
 * one after "let aid convoys" is the convoys' act, its objects theirs. */
static int causative(const parse_tok *t)
{
    static const char *const causers[] = {"HELP", "HELPS", "HELPED", "HELPING", "LET", "LETS",
                                          "LETTING"};
    return tok_in(t, causers, DYAD_COUNT(causers));
}

static int bare_infinitive(const parse_sent *ps, const parse_vg *v)
{
    if (ps->nvgs == 0 || v->begin != v->head || v->infinitive || v->passive)
        return 0;
    const parse_vg *w = &ps->vgs[ps->nvgs - 1];
    return w->end == v->begin && causative(&ps->toks[w->head]);
}

static dyad_status build_vgs(arena *a, parse_sent *ps)
{
    ps->vgs = arena_alloc(a, (ps->n + 1) * sizeof *ps->vgs);
    if (!ps->vgs)
        return DYAD_ENOMEM;
    ps->nvgs = 0;
    for (uint32_t i = 0; i < ps->n;) {
        if (!vg_open(ps, i)) {
            i++;
            continue;
        }
        uint32_t j = i, last_aux = PARSE_NONE;
        while (j < ps->n && vg_part(ps->toks[j].pos)) {
            if (ps->toks[j].pos == POS_AUX || ps->toks[j].pos == POS_MODAL ||
                ps->toks[j].pos == POS_NEG)
                last_aux = j;
            j++;
        }
        parse_vg *v = &ps->vgs[ps->nvgs];
        memset(v, 0, sizeof *v);
        v->neg_tok = v->unit = v->subject = v->subject_from = PARSE_NONE;
        v->begin = i;
        if (j < ps->n && ps->toks[j].pos == POS_VERB) {
            v->head = j;
            v->end = j + 1;
            uint32_t u = ps->toks[j].unit;
            if (u != PARSE_NONE && ps->units[u].kind == DICT_VERB) {
                v->unit = u;
                v->end = ps->units[u].end > v->end ? ps->units[u].end : v->end;
            }
        } else if (last_aux != PARSE_NONE) {
            v->head = last_aux;
            v->end = last_aux + 1;
        } else {
            i = j > i ? j : i + 1;
            continue;
        }
        vg_scan(ps, v, v->begin, v->head);
        if (!v->passive && headline_passive(ps, v))
            v->passive = 1;
        if (bare_infinitive(ps, v))
            v->infinitive = 1, v->finite = 0;
        ps->nvgs++;
        i = v->end;
    }
    return DYAD_OK;
}

/* ---- Subjects and object regions ---------------------------------------- */

static int group_subjectlike(const parse_sent *ps, uint32_t g)
{
    const parse_group *gr = &ps->groups[g];
    if (gr->begin > 0 && ps->toks[gr->begin - 1].pos == POS_PREP)
        return 0;
    for (uint32_t j = 0; j < gr->nconj; j++)
        if (!np_time(ps, &ps->nps[ps->conjs[gr->first_conj + j].np]))
            return 1;
    return 0;
}

static uint32_t prev_subject(const parse_sent *ps, uint32_t v, uint32_t *from)
{
    for (uint32_t w = v; w-- > 0;)
        if (ps->vgs[w].subject != PARSE_NONE) {
            *from = w;
            return ps->vgs[w].subject;
        }
    return PARSE_NONE;
}

/* "Putin arrived in Cairo, met Sisi and ...", "Pelosi Visits Kyiv, Meets
 * With Zelensky": a finite verb right after a comma that closes the
 * complement of an earlier finite verb continues a series of predicates
 * sharing that verb's subject; the noun before the comma is the earlier
 * verb's object, not this one's subject. A reporting verb there is
 * inverted instead ("..., said the official"), and a verb in a relative or
 * subordinate clause does not start a series. */
static int series_verb(const parse_sent *ps, uint32_t v, uint32_t comma)
{
    const parse_vg *vg = &ps->vgs[v];
    if (v == 0 || (ps->toks[vg->head].flags & PF_SAY) || vg->infinitive || vg->participle)
        return 0;
    const parse_vg *w = &ps->vgs[v - 1];
    if (!w->finite || w->infinitive || w->participle || w->subject == PARSE_NONE ||
        w->subject_from != PARSE_NONE || w->begin == 0)
        return 0;
    unsigned before = ps->toks[w->begin - 1].pos;
    if (before == POS_REL || before == POS_SUB)
        return 0;
    for (uint32_t k = w->end; k < comma; k++) {
        unsigned p = ps->toks[k].pos;
        if (p == POS_COMMA || p == POS_SUB || p == POS_REL || p == POS_CONJ || p == POS_VERB ||
            p == POS_AUX || p == POS_MODAL)
            return 0;
    }
    return 1;
}

static uint32_t finite_subject(const parse_sent *ps, uint32_t v, const uint8_t *in_vg,
                               uint32_t *from)
{
    const parse_vg *vg = &ps->vgs[v];
    uint32_t j = vg->begin;
    while (j > 0 && (ps->toks[j - 1].pos == POS_ADV || ps->toks[j - 1].pos == POS_NEG))
        j--;
    if (j > 0 && ps->toks[j - 1].pos == POS_REL) {
        uint32_t k = j - 1;
        while (k > 0 && ps->toks[k - 1].pos == POS_COMMA)
            k--;
        if (k > 0 && ps->tok_group[k - 1] != PARSE_NONE)
            return ps->tok_group[k - 1];
    }
    if (j > 0 && ps->toks[j - 1].pos == POS_CONJ && ps->tok_group[j - 1] == PARSE_NONE)
        return prev_subject(ps, v, from);
    uint32_t best = PARSE_NONE;
    if (j > 0 && ps->toks[j - 1].pos == POS_COMMA && vg->end < ps->n &&
        parse_quoting_word(ps->toks[vg->head].norm, ps->toks[vg->head].len)) {
        /* "..., Says Ukraine", "..., said the official": an inverted
         * reporting verb's subject follows it and ends the sentence. */
        uint32_t g = ps->tok_group[vg->end];
        if (g != PARSE_NONE && ps->groups[g].begin == vg->end &&
            (ps->groups[g].end == ps->n ||
             (ps->groups[g].end + 1 == ps->n && ps->toks[ps->n - 1].pos == POS_PUNCT)))
            return g;
    }
    if (j > 0 && ps->toks[j - 1].pos == POS_COMMA) {
        /* "X, in remarks published on Monday, urged": skip the aside. */
        uint32_t k = j - 1;
        while (k > 0 && k + 16 > j && ps->toks[k - 1].pos != POS_COMMA)
            k--;
        if (k > 0 && ps->toks[k - 1].pos == POS_COMMA &&
            (ps->toks[k].pos == POS_PREP || ps->toks[k].pos == POS_REL))
            j = k - 1;   /* ", in remarks ...," ", which leads ...," */
        else if (series_verb(ps, v, j - 1))
            return prev_subject(ps, v, from);
    }
    for (uint32_t k = j; k-- > 0;) {
        if (in_vg[k] || ps->toks[k].pos == POS_SUB || tok_is(&ps->toks[k], ":"))
            break;   /* "Libya Airstrike: At Least 40 Killed": a colon ends a clause */
        uint32_t g = ps->tok_group[k];
        if (g != PARSE_NONE && ps->groups[g].begin == k && group_subjectlike(ps, g)) {
            best = g;
            break;
        }
    }
    return best;
}

/* "pressured the Ukrainian president to investigate Biden", "paid Afghan
 * militants to attack", "called for Israel to halt": the actor right before
 * an infinitive, as the object of the verb that governs it (or after its
 * "for"), is the infinitive's subject, not the governing verb's subject.
 * An object that names no actor ("signed an accord to supply", "used water
 * cannon to disperse") leaves the subject to the governing verb. */
static uint32_t control_object(const parse_sent *ps, uint32_t v, uint32_t from)
{
    const parse_vg *vg = &ps->vgs[v];
    if (from == PARSE_NONE || from + 1 != v || vg->begin == 0)
        return PARSE_NONE;
    uint32_t g = ps->tok_group[vg->begin - 1];
    if (g == PARSE_NONE || ps->groups[g].end != vg->begin || !ps->groups[g].nactors ||
        ps->groups[g].begin < ps->vgs[from].end)
        return PARSE_NONE;
    uint32_t head = ps->toks[vg->begin - 1].unit;
    if (head == PARSE_NONE || ps->units[head].kind == DICT_VERB)
        return PARSE_NONE;   /* "used Moscow's conspiracy theories to defend": the head is no actor */
    uint32_t b = ps->groups[g].begin;
    if (b > 0 && ps->toks[b - 1].pos == POS_PREP && !tok_is(&ps->toks[b - 1], "FOR"))
        return PARSE_NONE;
    for (uint32_t k = ps->vgs[from].end; k < b; k++) {
        unsigned p = ps->toks[k].pos;
        if (p == POS_COMMA || p == POS_PUNCT || p == POS_SUB || p == POS_REL)
            return PARSE_NONE;
    }
    return g;
}

static void assign_subjects(arena *a, parse_sent *ps)
{
    uint8_t *in_vg = arena_calloc(a, ps->n + 1, 1);
    if (!in_vg)
        return;
    for (uint32_t v = 0; v < ps->nvgs; v++)
        for (uint32_t k = ps->vgs[v].begin; k < ps->vgs[v].end; k++)
            in_vg[k] = 1;
    for (uint32_t v = 0; v < ps->nvgs; v++) {
        parse_vg *vg = &ps->vgs[v];
        uint32_t from = PARSE_NONE, s = PARSE_NONE;
        if (vg->infinitive) {
            s = prev_subject(ps, v, &from);
            uint32_t o = control_object(ps, v, from);
            if (o != PARSE_NONE)
                s = o;
        } else if (vg->participle) {
            if (vg->begin > 0 && ps->tok_group[vg->begin - 1] != PARSE_NONE)
                s = ps->tok_group[vg->begin - 1];
            else
                s = prev_subject(ps, v, &from);
        } else {
            s = finite_subject(ps, v, in_vg, &from);
        }
        vg->subject = s;
        vg->subject_from = from;
    }
    for (uint32_t v = 0; v < ps->nvgs; v++) {
        parse_vg *vg = &ps->vgs[v];
        vg->obj_end = ps->n;
        for (uint32_t w = v + 1; w < ps->nvgs; w++) {
            const parse_vg *wg = &ps->vgs[w];
            if (wg->infinitive && wg->unit == PARSE_NONE)
                continue;   /* "signed an accord to supply X": still v's objects */
            if (wg->subject == PARSE_NONE || wg->subject_from != PARSE_NONE ||
                ps->groups[wg->subject].begin < vg->end) {
                vg->obj_end = wg->begin;
                break;
            }
            uint32_t sb = ps->groups[wg->subject].begin, k = sb;
            if (sb >= vg->end && sb > 0 && causative(&ps->toks[sb - 1])) {
                vg->obj_end = sb;   /* "to let aid convoys reach civilians": theirs */
                break;
            }
            /* ", a senior official said": another clause's subject. */
            while (k > vg->end && ps->toks[k - 1].pos != POS_COMMA)
                k--;
            if (k > vg->end) {
                vg->obj_end = k - 1;
                break;
            }
        }
    }
}

dyad_status parse_chunk(arena *a, const parse_lexicon *lx, parse_sent *ps)
{
    dyad_status st = chunk_nps(a, lx, ps);
    if (st == DYAD_OK)
        st = build_groups(a, ps);
    if (st == DYAD_OK)
        st = build_vgs(a, ps);
    if (st == DYAD_OK)
        assign_subjects(a, ps);
    return a->failed ? DYAD_ENOMEM : st;
}

/* ---- Explain ------------------------------------------------------------- */

static void span_text(const parse_sent *ps, uint32_t b, uint32_t e, buf *out)
{
    buf_putc(out, '"');
    for (uint32_t i = b; i < e && i < ps->n; i++) {
        if (i > b)
            buf_putc(out, ' ');
        buf_json_escape(out, ps->toks[i].norm, ps->toks[i].len);
    }
    buf_putc(out, '"');
}

void parse_explain(const parse_sent *ps, const dyad_dict *d, buf *b)
{
    (void)d;
    buf_puts(b, "\"tags\":\"");
    for (uint32_t i = 0; i < ps->n; i++) {
        if (i)
            buf_putc(b, ' ');
        buf_json_escape(b, ps->toks[i].norm, ps->toks[i].len);
        buf_printf(b, "/%s", parse_pos_str(ps->toks[i].pos));
    }
    buf_puts(b, "\",\"groups\":[");
    for (uint32_t g = 0; g < ps->ngroups; g++) {
        if (g)
            buf_putc(b, ',');
        span_text(ps, ps->groups[g].begin, ps->groups[g].end, b);
    }
    buf_puts(b, "],\"verb_groups\":[");
    for (uint32_t v = 0; v < ps->nvgs; v++) {
        const parse_vg *vg = &ps->vgs[v];
        buf_printf(b, "%s{\"text\":", v ? "," : "");
        span_text(ps, vg->begin, vg->end, b);
        buf_puts(b, ",\"subject\":");
        if (vg->subject != PARSE_NONE)
            span_text(ps, ps->groups[vg->subject].begin, ps->groups[vg->subject].end, b);
        else
            buf_puts(b, "null");
        buf_printf(b, ",\"passive\":%s,\"negated\":%s,\"infinitive\":%s,\"modal\":%s}",
                   vg->passive ? "true" : "false", vg->negated ? "true" : "false",
                   vg->infinitive ? "true" : "false", vg->modal ? "true" : "false");
    }
    buf_putc(b, ']');
}
