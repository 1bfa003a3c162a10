/* match.c: verb-pattern matching against a parsed sentence, for both
 * pattern syntaxes (they compile to the same elements): the words before
 * '*' are sought leftwards from the verb, the words after it rightwards,
 * in order, with gaps unless '_'-joined; $ + % ^ bind or skip actor
 * groups; synsets match any member phrase. The most specific pattern (most
 * words matched) wins, file order breaking ties. Every search is bounded:
 * CODE_MATCH_SPAN tokens each way, CODE_MATCH_MAX patterns per verb. */
#include <string.h>

#include "code.h"

#define CODE_MATCH_SPAN 40
#define CODE_MATCH_MAX 4096

typedef struct mstate {
    const dyad_dict *d;
    const parse_sent *ps;
    const parse_vg *vg;
    dict_word ids[PARSE_MAX_TOKENS * 2 + 1];
    uint8_t vgtok[PARSE_MAX_TOKENS * 2 + 1];   /* 1: in a verb group other than ours */
    uint64_t bloom[16];         /* word ids of the sentence, for a quick no */
    code_syn *syn;              /* per token synset phrases, or NULL */
    uint32_t lo, hi;            /* search bounds [lo, hi) */
} mstate;

/* Where the post-verb search stops: a subordinator other than THAT/WHETHER
 * opens a clause the verb's pattern has no business in. */
static uint32_t post_limit(const parse_sent *ps, uint32_t from)
{
    uint32_t lim = from + CODE_MATCH_SPAN < ps->n ? from + CODE_MATCH_SPAN : ps->n;
    for (uint32_t i = from; i < lim; i++) {
        const parse_tok *t = &ps->toks[i];
        if (t->pos == POS_SUB && !(t->len == 4 && !memcmp(t->norm, "THAT", 4)) &&
            !(t->len == 7 && !memcmp(t->norm, "WHETHER", 7)))
            return i;
    }
    return lim;
}

static int group_actorish(const parse_sent *ps, uint32_t g)
{
    const parse_group *gr = &ps->groups[g];
    for (uint32_t j = 0; j < gr->nconj; j++) {
        const parse_np *np = &ps->nps[ps->conjs[gr->first_conj + j].np];
        if (np->actor != PARSE_NONE || np->nagents || np->pron != PARSE_NONE)
            return 1;
    }
    return 0;
}

/* Length of a phrase of synset id starting at token b and ending by end
 * (exclusive), 0 when none. */
static uint32_t syn_len(mstate *m, uint32_t id, uint32_t b, uint32_t end)
{
    code_syn *sc = m->syn ? &m->syn[b] : NULL;
    if (sc && !sc->done) {
        dict_match dm[4];
        size_t k = dict_lookup(m->d, m->ids + b, m->ps->n - b, DICT_SYNSET, dm, 4);
        sc->done = 1;
        sc->n = (uint8_t)(k > 4 ? 5 : k);
        for (size_t i = 0; i < k && i < 4; i++) {
            sc->id[i] = dm[i].entry;
            sc->len[i] = dm[i].len;
        }
    }
    if (sc && sc->n <= 4) {
        for (uint32_t i = 0; i < sc->n; i++)   /* longest first */
            if (sc->id[i] == id && b + sc->len[i] <= end)
                return sc->len[i];
        return 0;
    }
    uint32_t len = 0;
    return dict_synset_match(m->d, id, m->ids + b, end - b, &len) ? len : 0;
}

/* Does element e match at token p going forward? Returns tokens consumed
 * (0: no). Binds groups into *bind. */
static uint32_t elem_fwd(mstate *m, const dict_elem *e, uint32_t p, uint32_t *bind)
{
    const parse_sent *ps = m->ps;
    uint32_t len = 0, g;
    switch (e->kind) {
    case PAT_WORD:
        return ps->toks[p].id && ps->toks[p].id == e->id ? 1 : 0;
    case PAT_SYNSET:
        return syn_len(m, e->id, p, m->hi);
    case PAT_SKIP:
        /* '^' skips a noun phrase with its "of" phrases, from wherever the
         * pattern's last word left it ("THEIR ^": the rest of the NP). */
        g = ps->tok_group[p];
        if (g == PARSE_NONE)
            return 0;
        len = ps->groups[g].end;
        while (len + 1 < ps->n && ps->toks[len].len == 2 &&
               !memcmp(ps->toks[len].norm, "OF", 2) && ps->tok_group[len + 1] != PARSE_NONE)
            len = ps->groups[ps->tok_group[len + 1]].end;
        *bind = g;
        return len - p;
    case PAT_SOURCE: case PAT_TARGET: case PAT_COMPOUND:
        g = ps->tok_group[p];
        if (g == PARSE_NONE)
            return 0;
        if (ps->groups[g].begin != p) {
            /* An actor NP inside a group: "shot dead in Osgiliath". */
            uint32_t np = ps->toks[p].np;
            if (e->kind == PAT_SKIP || np == PARSE_NONE || ps->nps[np].begin != p ||
                ps->nps[np].actor == PARSE_NONE)
                return 0;
        }
        if (e->kind != PAT_SKIP && !group_actorish(ps, g))
            return 0;
        if (e->kind == PAT_COMPOUND && ps->groups[g].nconj < 2)
            return 0;
        *bind = g;
        return ps->groups[g].end - p;
    default:
        return 0;
    }
}

/* The same backwards: the element must END at token p. Returns the token
 * where it begins + 1 (0: no match), i.e. consumed tokens. */
static uint32_t elem_back(mstate *m, const dict_elem *e, uint32_t p, uint32_t *bind)
{
    const parse_sent *ps = m->ps;
    uint32_t g;
    switch (e->kind) {
    case PAT_WORD:
        return ps->toks[p].id && ps->toks[p].id == e->id ? 1 : 0;
    case PAT_SYNSET:
        for (uint32_t b = p + 1; b-- > m->lo && p - b < 6;) {
            uint32_t len = syn_len(m, e->id, b, p + 1);
            if (len && b + len == p + 1)
                return len;
        }
        return 0;
    case PAT_SOURCE: case PAT_TARGET: case PAT_COMPOUND: case PAT_SKIP:
        g = ps->tok_group[p];
        if (g == PARSE_NONE || ps->groups[g].end != p + 1)
            return 0;
        if (e->kind != PAT_SKIP && !group_actorish(ps, g))
            return 0;
        if (e->kind == PAT_COMPOUND && ps->groups[g].nconj < 2)
            return 0;
        *bind = g;
        return p + 1 - ps->groups[g].begin;
    default:
        return 0;
    }
}

static int structural(const dict_elem *e)
{
    return e->kind == PAT_PREP_BEGIN || e->kind == PAT_PREP_END ||
           e->kind == PAT_GROUP_BEGIN || e->kind == PAT_GROUP_END;
}

static int elem_score(const dict_elem *e, uint32_t consumed)
{
    return e->kind == PAT_SYNSET ? (int)consumed : 1;
}

static void bind_to(code_match *r, const dict_elem *e, uint32_t g)
{
    if (e->kind == PAT_SOURCE)
        r->source = g;
    else if (e->kind == PAT_TARGET)
        r->target = g;
    else if (e->kind == PAT_COMPOUND)
        r->compound = g;
}

static int neg_hit(const mstate *m, uint32_t b, uint32_t n)
{
    return m->vg->neg_tok != PARSE_NONE && m->vg->neg_tok >= b && m->vg->neg_tok < b + n;
}

/* May a gap skip token p? PETRARCH2 patterns stay in the verb's own
 * phrase: no skipping over another verb group or a clause opener. */
static int skippable(const mstate *m, const dict_pattern *pt, uint32_t p)
{
    if (pt->syntax != DICT_SYNTAX_P2)
        return 1;
    unsigned pos = m->ps->toks[p].pos;
    if (pos == POS_SUB || pos == POS_REL)
        return 0;
    return m->vgtok[p] == 0;
}

/* Elements after the verb, forwards from token cur. -1: no match. Inside
 * {...} the words keep to one noun phrase and the head (last) word
 * directly follows the word before it. */
static int match_post(mstate *m, const dict_pattern *pt, uint32_t vi, uint32_t cur,
                      code_match *r)
{
    int score = 0, adj = (pt->elems[vi].flags & PATF_ADJACENT) != 0;
    int in_group = 0, group_n = 0, in_prep = 0;
    uint32_t group_np = PARSE_NONE;
    for (uint32_t k = vi + 1; k < pt->nelems; k++) {
        const dict_elem *e = &pt->elems[k];
        if (e->kind == PAT_PREP_BEGIN)
            in_prep = 1;
        else if (e->kind == PAT_PREP_END)
            in_prep = 0;
        if (e->kind == PAT_GROUP_BEGIN) {
            in_group = 1;
            group_n = 0;
            group_np = PARSE_NONE;
        } else if (e->kind == PAT_GROUP_END) {
            in_group = 0;
        }
        if (structural(e))
            continue;
        /* The head follows the word before it, adjectives aside
         * ("cultural internal assurances", not "economic trade relations"). */
        int head = in_group && group_n > 0 && k + 1 < pt->nelems &&
                   pt->elems[k + 1].kind == PAT_GROUP_END;
        int must = adj || (e->flags & PATF_ADJACENT);
        adj = 0;
        uint32_t p = cur, got = 0, g = PARSE_NONE;
        for (; p < m->hi; p++) {
            if ((got = elem_fwd(m, e, p, &g)) != 0)
                break;
            /* Inside (...) the words after the preposition are its object:
             * "(TO &AID)" is not "to let aid convoys ...". */
            if (must || (head && m->ps->toks[p].pos != POS_ADJ) || !skippable(m, pt, p) ||
                (in_prep > 1 && m->ps->toks[p].pos == POS_VERB) ||
                (in_group && group_np != PARSE_NONE && m->ps->toks[p].np != group_np))
                return -1;
        }
        if (!got)
            return -1;
        if (in_group) {
            if (group_np == PARSE_NONE)
                group_np = m->ps->toks[p].np;
            else if (m->ps->toks[p].np != group_np)
                return -1;
            group_n++;
        }
        bind_to(r, e, g);
        r->uses_neg |= neg_hit(m, p, got);
        score += elem_score(e, got);
        cur = p + got;
        in_prep += in_prep != 0;
    }
    r->post_end = cur;
    return score;
}

/* Elements before the verb, backwards from token cur (the last token that
 * may hold the element just before the verb). */
static int match_pre(mstate *m, const dict_pattern *pt, uint32_t vi, uint32_t cur,
                     code_match *r)
{
    int score = 0;
    int64_t c = (int64_t)cur, lo = (int64_t)m->lo;
    if (pt->syntax == DICT_SYNTAX_P2) {
        /* PETRARCH2: the words before '*' lie in the verb group or in the
         * subject phrase right before it ("{DEATH TOLL} *"). */
        lo = (int64_t)m->vg->begin;
        uint32_t sg = m->vg->subject;
        if (sg != PARSE_NONE && m->ps->groups[sg].end == m->vg->begin)
            lo = (int64_t)m->ps->groups[sg].begin;
        else if (lo > 0 && m->ps->toks[lo - 1].pos == POS_ADJ)
            lo--;   /* "able to leave" */
    }
    int after_head = 0;   /* the element just matched was a {...} head */
    for (uint32_t k = vi; k-- > 0;) {
        const dict_elem *e = &pt->elems[k];
        if (e->kind == PAT_GROUP_BEGIN)
            after_head = 0;
        if (structural(e))
            continue;
        /* '_' on the following element ties this one to it; in {MOD HEAD}
         * the word before the head directly precedes it. */
        const dict_elem *nx = &pt->elems[k + 1];
        int must = (nx->flags & PATF_ADJACENT) != 0, adj_gap = after_head;
        after_head = nx->kind == PAT_GROUP_END;
        uint32_t got = 0, g = PARSE_NONE;
        int64_t p = c;
        for (; p >= lo; p--) {
            if (pt->syntax == DICT_SYNTAX_P2 && m->ps->toks[p].pos == POS_DET)
                continue;   /* "Neither A nor B": no content word */
            if ((got = elem_back(m, e, (uint32_t)p, &g)) != 0)
                break;
            if (must || (adj_gap && m->ps->toks[p].pos != POS_ADJ))
                return -1;
        }
        if (!got && pt->syntax == DICT_SYNTAX_P2 && m->vg->subject != PARSE_NONE &&
            (e->kind == PAT_SOURCE || e->kind == PAT_TARGET) &&
            m->ps->groups[m->vg->subject].end <= m->vg->begin) {
            /* "+ *": the verb's subject, wherever it stands ("Gollum was
             * seen to break in"). */
            bind_to(r, e, m->vg->subject);
            score++;
            continue;
        }
        if (!got)
            return -1;
        bind_to(r, e, g);
        r->compound_pre |= e->kind == PAT_COMPOUND;
        r->uses_neg |= neg_hit(m, (uint32_t)p + 1 - got, got);
        score += elem_score(e, got);
        c = p - (int64_t)got;
    }
    return score;
}

static void match_one(mstate *m, const dict_pattern *pt, code_match *best)
{
    uint32_t vi = PARSE_NONE;
    for (uint32_t k = 0; k < pt->nelems; k++)
        if (pt->elems[k].kind == PAT_VERB) {
            vi = k;
            break;
        }
    if (vi == PARSE_NONE)
        return;
    code_match r = {pt, 0, PARSE_NONE, PARSE_NONE, PARSE_NONE, 0, 0, 0, 0};
    const parse_vg *vg = m->vg;
    uint32_t vbeg = vg->unit != PARSE_NONE ? m->ps->units[vg->unit].begin : vg->head;
    int post = match_post(m, pt, vi, vg->end, &r);
    if (post < 0)
        return;
    int pre = 0;
    if (vi > 0) {
        if (vbeg == 0 || (pt->syntax == DICT_SYNTAX_P2 && vbeg <= vg->begin &&
                          !(vg->begin > 0 && m->ps->toks[vg->begin - 1].pos == POS_ADJ)))
            return;   /* PETRARCH2: words before the verb lie in its verb group */
        pre = match_pre(m, pt, vi, vbeg - 1, &r);
        if (pre < 0)
            return;
    }
    r.score = pre + post + 1;
    if (!best->pat || r.score > best->score) {
        r.tried = best->tried;
        *best = r;
    }
}

void code_match_verb(const dyad_dict *d, const parse_sent *ps, uint32_t v,
                     const dict_verb *verb, code_syn *syn, int clause, code_match *out)
{
    memset(out, 0, sizeof *out);
    out->source = out->target = out->compound = PARSE_NONE;
    if (!verb->npatterns)
        return;
    mstate *m = &(mstate){0};
    _Static_assert(sizeof(mstate) < 8192, "mstate stays small on the stack");
    m->d = d;
    m->syn = syn;
    m->ps = ps;
    m->vg = &ps->vgs[v];
    for (uint32_t i = 0; i < ps->n; i++) {
        m->ids[i] = ps->toks[i].id;
        m->vgtok[i] = 0;
        m->bloom[(ps->toks[i].id >> 6) & 15] |= 1ull << (ps->toks[i].id & 63);
    }
    for (uint32_t w = 0; w < ps->nvgs; w++) {
        if (ps->vgs[w].infinitive && ps->vgs[w].unit == PARSE_NONE)
            continue;   /* "vowed to wage war": no event of its own in the way */
        for (uint32_t i = ps->vgs[w].begin; w != v && i < ps->vgs[w].end; i++)
            m->vgtok[i] = 1;
    }
    uint32_t vbeg = m->vg->begin;
    m->lo = vbeg > CODE_MATCH_SPAN ? vbeg - CODE_MATCH_SPAN : 0;
    m->hi = post_limit(ps, m->vg->end);
    if (clause && m->vg->obj_end > m->vg->end && m->vg->obj_end < m->hi && m->vg->obj_end < ps->n &&
        ps->toks[m->vg->obj_end].pos == POS_COMMA)
        m->hi = m->vg->obj_end;   /* ", Soldiers Fire Shots": another clause's words */
    uint32_t n = verb->npatterns < CODE_MATCH_MAX ? verb->npatterns : CODE_MATCH_MAX;
    for (uint32_t i = 0; i < n; i++) {
        const dict_pattern *pt = &verb->patterns[i];
        if (!pt->need || (m->bloom[(pt->need >> 6) & 15] & (1ull << (pt->need & 63))))
            match_one(m, pt, out);
        out->tried++;
    }
}
