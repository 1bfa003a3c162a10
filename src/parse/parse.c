/* parse.c: shallow syntax of a sentence: tokens and word ids, the comma
 * rules, dictionary units, part-of-speech tags. Chunks, groups and verb
 * groups are built in chunk.c. Owns nothing beyond the arena it is given. */
#include <string.h>

#include "parse_int.h"

void parse_opts_default(parse_opts *o)
{
    /* PETRARCH's PETR_config.ini defaults, which are TABARI's. */
    o->comma_min = 2;
    o->comma_max = 8;
    o->comma_bmin = 0;
    o->comma_bmax = 0;
    o->comma_emin = 2;
    o->comma_emax = 8;
}

static int in_range(int n, int lo, int hi)
{
    return hi > 0 && n >= lo && n <= hi;
}

/* A comma between two adjectives ("complete, full ties") or inside a
 * dictionary phrase joins words; it does not delimit a clause. */
static int delimiting_comma(const parse_sent *ps, uint32_t i)
{
    if (ps->toks[i].pos != POS_COMMA)
        return 0;
    if (i == 0 || i + 1 >= ps->n)
        return 1;
    const parse_tok *a = &ps->toks[i - 1], *b = &ps->toks[i + 1];
    return !((a->pos == POS_ADJ || (a->lex & LX_ADJ)) &&
             (b->pos == POS_ADJ || (b->lex & LX_ADJ)) && a->unit == PARSE_NONE &&
             b->unit == PARSE_NONE && a->pos != POS_PROPN && b->pos != POS_PROPN);
}

/* TABARI/PETRARCH comma rules, after tagging: a comma-delimited clause
 * whose length in words lies in the configured range, and which holds a
 * verb, is removed. Returns keep flags in keep[] (1 = keep). */
static int comma_rules(const parse_sent *ps, const parse_opts *o, uint8_t *keep)
{
    uint32_t commas[64], nc = 0;
    for (uint32_t i = 0; i < ps->n; i++) {
        keep[i] = 1;
        if (delimiting_comma(ps, i) && nc < DYAD_COUNT(commas))
            commas[nc++] = i;
    }
    int removed = 0;
    for (uint32_t c = 0; nc && c <= nc; c++) {
        uint32_t b = c == 0 ? 0 : commas[c - 1] + 1;
        uint32_t e = c == nc ? ps->n : commas[c];
        int words = 0, verb = 0;
        for (uint32_t i = b; i < e; i++) {
            unsigned p = ps->toks[i].pos;
            words += p != POS_PUNCT && p != POS_COMMA && p != POS_POSS;
            verb |= p == POS_VERB;
        }
        int drop = verb && (c == 0 ? in_range(words, o->comma_bmin, o->comma_bmax)
                 : c == nc ? in_range(words, o->comma_emin, o->comma_emax)
                 : in_range(words, o->comma_min, o->comma_max));
        if (!drop)
            continue;
        uint32_t from = c == 0 ? 0 : commas[c - 1];
        uint32_t to = c == 0 ? commas[0] + 1 : e;
        for (uint32_t i = from; i < to; i++)
            keep[i] = 0;
        removed = 1;
    }
    /* A clause is removed from around a main clause, never instead of it
     * ("Arnor, Gondor and Mordor attacked."). */
    int verb_left = 0;
    for (uint32_t i = 0; removed && i < ps->n; i++)
        verb_left |= keep[i] && ps->toks[i].pos == POS_VERB;
    if (removed && !verb_left) {
        for (uint32_t i = 0; i < ps->n; i++)
            keep[i] = 1;
        removed = 0;
    }
    return removed;
}

/* Drops the tokens the comma rules removed, renumbering units. */
static void compact(parse_sent *ps, const uint8_t *keep, uint32_t *map)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < ps->n; i++) {
        map[i] = n;
        if (keep[i])
            ps->toks[n++] = ps->toks[i];
    }
    map[ps->n] = n;
    uint32_t nu = 0;
    for (uint32_t u = 0; u < ps->nunits; u++) {
        parse_unit un = ps->units[u];
        int all = 1;
        for (uint32_t i = un.begin; i < un.end; i++)
            all &= keep[i];
        if (!all)
            continue;
        un.begin = map[un.begin];
        un.end = un.begin + (ps->units[u].end - ps->units[u].begin);
        ps->units[nu] = un;
        for (uint32_t i = un.begin; i < un.end; i++)
            ps->toks[i].unit = nu;
        nu++;
    }
    ps->n = n;
    ps->nunits = nu;
    for (uint32_t i = 0; i < n; i++)
        if (ps->toks[i].unit != PARSE_NONE && (ps->toks[i].unit >= nu ||
            ps->units[ps->toks[i].unit].begin > i || ps->units[ps->toks[i].unit].end <= i))
            ps->toks[i].unit = PARSE_NONE;
}

/* Splits a contraction "DIDN'T" into DID + N'T, as treebank text (and so
 * the dictionaries) write it. Returns the length of the first part, 0 if
 * the word is not one. */
static uint32_t contraction(const char *w, uint32_t len)
{
    if (len < 4 || memcmp(w + len - 3, "N'T", 3))
        return 0;
    return len - 3;
}

static uint32_t word_info(const parse_lexicon *lx, parse_wcache *wc, const parse_tok *t);

/* The dictionary id and lexicon facts of a word, through the coder's memo
 * when it has one. */
static void word_facts(const dyad_dict *d, const parse_lexicon *lx, parse_wcache *wc,
                       parse_tok *p)
{
    uint64_t h = hash_bytes(p->norm, p->len);
    parse_wmemo *m = wc && wc->memo && p->len <= sizeof wc->memo->w
                   ? &wc->memo[h & (PARSE_WMEMO - 1)] : NULL;
    if (m && m->len == p->len && !memcmp(m->w, p->norm, p->len)) {
        p->id = m->id;
        p->info = m->info;
        return;
    }
    p->id = dict_word_find_hashed(d, p->norm, p->len, h);
    p->info = word_info(lx, wc, p);
    if (m && p->len) {
        m->len = (uint8_t)p->len;
        memcpy(m->w, p->norm, p->len);
        m->id = p->id;
        m->info = p->info;
    }
}

static void add_tok(parse_sent *ps, const dyad_dict *d, const parse_lexicon *lx,
                    uint32_t ti, const char *w, uint32_t len, uint32_t tflags)
{
    parse_tok *p = &ps->toks[ps->n++];
    memset(p, 0, sizeof *p);
    p->tok = ti;
    p->norm = w;
    p->len = len;
    word_facts(d, lx, ps->wc, p);
    p->unit = PARSE_NONE;
    p->np = PARSE_NONE;
    if ((tflags & TOK_CAP) && !(tflags & TOK_SENT_START))
        p->flags |= PF_CAP;
    if (tflags & TOK_POSSESSIVE)
        p->pos = POS_POSS;
    else if (tflags & TOK_NUMBER)
        p->pos = POS_NUM;
    else if (tflags & TOK_PUNCT)
        p->pos = len == 1 && w[0] == ',' ? POS_COMMA : POS_PUNCT;
}

static dyad_status tokens(arena *a, const dyad_dict *d, const parse_lexicon *lx,
                          const text_doc *doc, const text_sentence *s,
                          parse_sent *ps)
{
    uint32_t n = s->ntokens < PARSE_MAX_TOKENS ? s->ntokens : PARSE_MAX_TOKENS;
    const text_token *tk = doc->tokens + s->first_token;
    ps->toks = arena_alloc(a, (2 * n + 1) * sizeof *ps->toks);
    if (!ps->toks)
        return DYAD_ENOMEM;
    ps->n = 0;
    for (uint32_t i = 0; i < n; i++) {
        const char *w = doc->norm + tk[i].norm;
        if (tk[i].norm_len == 1 && w[0] == '(') {
            /* "(EU)", "(Reuters)": a short parenthesis is an aside. */
            uint32_t j = i + 1;
            while (j < n && j <= i + 4 && !(tk[j].norm_len == 1 && doc->norm[tk[j].norm] == ')'))
                j++;
            if (j < n && j <= i + 4) {
                i = j;
                continue;
            }
        }
        if ((tk[i].norm_len == 1 && w[0] == '_') || (tk[i].flags & TOK_QUOTE))
            continue;   /* Dol_Amroth; quotation marks break no phrase */
        uint32_t len = tk[i].norm_len, c = contraction(w, len);
        if (c && (tk[i].flags & TOK_WORD)) {
            add_tok(ps, d, lx, s->first_token + i, w, c, tk[i].flags);
            add_tok(ps, d, lx, s->first_token + i, "N'T", 3, 0);
        } else {
            add_tok(ps, d, lx, s->first_token + i, w, len, tk[i].flags);
        }
    }
    return DYAD_OK;
}

/* ---- Dictionary units --------------------------------------------------- */

/* At each position, the longest actor/agent and the longest verb. Nouns
 * win ties; the tagger may later demote a verb unit to a noun. */
static dyad_status units(arena *a, const dyad_dict *d, parse_sent *ps)
{
    dict_word *ids = arena_alloc(a, (ps->n + 1) * sizeof *ids);
    ps->units = arena_alloc(a, (ps->n + 1) * sizeof *ps->units);
    if (!ids || !ps->units)
        return DYAD_ENOMEM;
    for (uint32_t i = 0; i < ps->n; i++)
        ids[i] = ps->toks[i].id;
    ps->nunits = 0;
    ps->discard = PARSE_NONE;
    ps->nissues = 0;
    dict_match m[16];
    for (uint32_t i = 0; i < ps->n;) {
        if (!ids[i]) {
            i++;
            continue;
        }
        size_t k = dict_lookup(d, ids + i, ps->n - i,
                               DICT_ACTOR | DICT_AGENT | DICT_VERB | DICT_DISCARD | DICT_ISSUE,
                               m, DYAD_COUNT(m));
        if (k > DYAD_COUNT(m))
            k = DYAD_COUNT(m);
        const dict_match *noun = NULL, *verb = NULL;
        for (size_t j = 0; j < k; j++) {
            if (m[j].kind == DICT_DISCARD && ps->discard == PARSE_NONE)
                ps->discard = m[j].entry;
            else if (m[j].kind == DICT_ISSUE && ps->nissues < DYAD_COUNT(ps->issues))
                ps->issues[ps->nissues++] = m[j].entry;
            else if ((m[j].kind == DICT_ACTOR || m[j].kind == DICT_AGENT) &&
                     (!noun || m[j].len > noun->len ||
                      (m[j].len == noun->len && m[j].kind == DICT_ACTOR &&
                       noun->kind == DICT_AGENT)))
                noun = &m[j];
            else if (m[j].kind == DICT_VERB && (!verb || m[j].len > verb->len))
                verb = &m[j];
        }
        const dict_match *pick = noun;
        if (verb && (!noun || verb->len > noun->len))
            pick = verb;
        if (!pick) {
            i++;
            continue;
        }
        parse_unit *u = &ps->units[ps->nunits];
        u->begin = i;
        u->end = i + pick->len;
        u->kind = pick->kind;
        u->entry = pick->entry;
        u->nalt = 0;
        for (size_t j = 0; j < k; j++)
            if (&m[j] != pick && m[j].kind == pick->kind && m[j].len == pick->len &&
                u->nalt < DYAD_COUNT(u->alt))
                u->alt[u->nalt++] = m[j].entry;
        for (uint32_t t = u->begin; t < u->end; t++)
            ps->toks[t].unit = ps->nunits;
        ps->nunits++;
        i = u->end;
    }
    return DYAD_OK;
}

/* ---- Tagging ------------------------------------------------------------ */

static int ends(const parse_tok *t, const char *suf)
{
    size_t n = strlen(suf);
    return t->len > n + 1 && !memcmp(t->norm + t->len - n, suf, n);
}

/* Verb-form flags from the suffix or the irregular-forms table. */
static unsigned vform(const parse_lexicon *lx, const parse_tok *t)
{
    (void)lx;
    if (t->lex & LX_VIRR)
        return PF_ED;
    if (ends(t, "ED") || ends(t, "EN"))
        return PF_ED;
    if (ends(t, "ING"))
        return PF_ING;
    if (ends(t, "S") && !ends(t, "SS"))
        return PF_S;
    return 0;
}

/* Could the word be a verb form: the lexicon, or a suffix on a verb stem. */
static int verbish_(const parse_lexicon *lx, const parse_tok *t)
{
    if (t->lex & LX_V)
        return 1;
    size_t cut = ends(t, "ING") ? 3 : ends(t, "IED") ? 3 : ends(t, "ED") ? 2
               : ends(t, "S") ? 1 : 0;
    if (!cut)
        return 0;
    size_t n = t->len - cut;
    if (parse_lexicon_get(lx, t->norm, n, NULL) & LX_V)
        return 1;
    if (cut >= 2 && n > 2 && t->norm[n - 1] == t->norm[n - 2] &&
        (parse_lexicon_get(lx, t->norm, n - 1, NULL) & LX_V))
        return 1;   /* doubled consonant: trashed/stopped */
    char tmp[32];
    if (n + 1 < sizeof tmp) {  /* dropped e: arranged, arriving */
        memcpy(tmp, t->norm, n);
        tmp[n] = 'E';
        if (parse_lexicon_get(lx, tmp, n + 1, NULL) & LX_V)
            return 1;
        if (cut == 3 && t->norm[t->len - 3] == 'I') {   /* carried */
            tmp[n] = 'Y';
            if (parse_lexicon_get(lx, tmp, n + 1, NULL) & LX_V)
                return 1;
        }
    }
    return 0;
}

static int verbish_memo(const parse_lexicon *lx, parse_wcache *wc, const parse_tok *t)
{
    parse_tok *m = (parse_tok *)t;   /* memo on the sentence's own token */
    if (m->verbish >= 0)
        return m->verbish;
    uint32_t *e = wc && t->id && t->id < wc->n && wc->e[t->id] ? &wc->e[t->id] : NULL;
    if (e && (*e & (1u << 29)))
        m->verbish = (int8_t)((*e >> 30) & 1);
    else {
        m->verbish = (int8_t)verbish_(lx, t);
        if (e)
            *e |= 1u << 29 | (uint32_t)m->verbish << 30;
    }
    return m->verbish;
}

static int verbish(const parse_lexicon *lx, const parse_sent *ps, const parse_tok *t)
{
    return verbish_memo(lx, ps->wc, t);
}

static void tag_open(const parse_lexicon *lx, const dyad_dict *d, parse_sent *ps,
                     uint32_t i)
{
    parse_tok *t = &ps->toks[i];
    if (t->unit != PARSE_NONE) {
        const parse_unit *u = &ps->units[t->unit];
        if (u->kind == DICT_VERB) {
            t->pos = POS_VERB;
            t->flags |= vform(lx, &ps->toks[u->begin]);
        } else {
            t->pos = u->kind == DICT_ACTOR ? POS_PROPN : POS_NOUN;
        }
        return;
    }
    unsigned cls = t->lex;
    if (ps->tok_group[i] & (1u << 27)) {
        t->pos = (t->flags & PF_CAP) ? POS_PROPN : POS_NOUN;   /* a plural */
        t->flags |= PF_S;
    } else if ((cls & (LX_N | LX_ADJ | LX_ADV)) == 0 && verbish(lx, ps, t)) {
        t->pos = POS_VERB;
        t->flags |= vform(lx, t);
    } else if (t->flags & PF_CAP) {
        t->pos = POS_PROPN;
    } else if (cls & LX_N) {
        t->pos = POS_NOUN;
    } else if (cls & LX_ADJ) {
        t->pos = POS_ADJ;
    } else if (cls & LX_ADV) {
        t->pos = POS_ADV;
    } else if (ends(t, "LY")) {
        t->pos = POS_ADV;
    } else {
        t->pos = POS_NOUN;
    }
    (void)d;
}

static int noun_like(unsigned pos)
{
    return pos == POS_NOUN || pos == POS_PROPN || pos == POS_PRON;
}

/* Could this verb-tagged token be a noun instead (the lexicon says so, or
 * it is a dictionary verb the lexicon does not rule out)? */
static int noun_possible(const parse_lexicon *lx, const parse_tok *t)
{
    unsigned cls = t->lex;
    if (cls & (LX_N | LX_ADJ))
        return 1;
    if (t->flags & PF_S) {  /* plural noun: TIES, TALKS */
        char tmp[32];
        if (t->len - 1 < sizeof tmp) {
            memcpy(tmp, t->norm, t->len - 1);
            if (parse_lexicon_get(lx, tmp, t->len - 1, NULL) & LX_N)
                return 1;
        }
    }
    return t->flags & PF_ING ? 1 : 0;
}

unsigned parse_noun_classes(const parse_lexicon *lx, const parse_tok *t)
{
    unsigned cls = t->lex;
    if ((cls & (LX_ABS | LX_PHYS)) || t->len < 4 || t->len > 25 || t->norm[t->len - 1] != 'S')
        return cls;
    char stem[32];
    size_t n = t->len - 1;
    memcpy(stem, t->norm, n);
    if (n > 3 && !memcmp(stem + n - 2, "IE", 2)) {   /* POLICIES: POLICY */
        stem[n - 2] = 'Y';
        n--;
    }
    return cls | (parse_lexicon_get(lx, stem, n, NULL) & (LX_ABS | LX_PHYS));
}

int parse_abstract_noun(const parse_lexicon *lx, const parse_tok *t)
{
    return (parse_noun_classes(lx, t) & LX_ABS) != 0;
}

/* Do the nouns and adjectives ending at i follow a determiner or a
 * preposition (so a plural after them ends a noun phrase)? */
static int np_opened(const parse_sent *ps, uint32_t i)
{
    for (uint32_t k = i + 1; k-- > 0;) {
        unsigned p = ps->toks[k].pos;
        if (p == POS_DET || p == POS_PREP || p == POS_POSS || p == POS_NUM)
            return 1;
        if (p != POS_NOUN && p != POS_ADJ && p != POS_PROPN)
            return 0;
    }
    return 0;
}

/* Does the name ending at token i follow a determiner or possessive ("the
 * Gaza", "Israel's Gaza")? A proper noun needs none, unless it modifies a
 * noun after it. */
static int determined_name(const parse_sent *ps, uint32_t i)
{
    for (uint32_t k = i + 1; k-- > 0;) {
        unsigned p = ps->toks[k].pos;
        if (p == POS_DET || p == POS_POSS)
            return 1;
        if (p != POS_PROPN && p != POS_ADJ)
            return 0;
    }
    return 0;
}

static int tokeq(const parse_tok *t, const char *w)
{
    size_t n = strlen(w);
    return t->len == n && !memcmp(t->norm, w, n);
}

/* One left-to-right pass of context rules over the first guesses. */
static void tag_context(const parse_lexicon *lx, parse_sent *ps)
{
    for (uint32_t i = 0; i < ps->n; i++) {
        parse_tok *t = &ps->toks[i];
        const parse_tok *prev = i ? &ps->toks[i - 1] : NULL;
        const parse_tok *next = i + 1 < ps->n ? &ps->toks[i + 1] : NULL;
        unsigned pp = prev ? prev->pos : POS_X;
        if (t->pos == POS_NOUN && (t->flags & PF_S) && verbish(lx, ps, t) && next &&
            next->pos == POS_TO && i + 2 < ps->n && ps->toks[i + 2].pos == POS_VERB &&
            (pp == POS_PROPN || pp == POS_NOUN ||
             (pp == POS_PRON && !(prev->flags & PF_POSSDET)))) {
            t->pos = POS_VERB;   /* "Modi plans to visit": a verb taking an infinitive */
            continue;
        }
        if (t->pos == POS_NOUN && !(t->flags & PF_S) && verbish(lx, ps, t) && i >= 2 &&
            (pp == POS_PROPN || pp == POS_NOUN) && ps->toks[i - 2].pos == POS_SUB &&
            next && (next->pos == POS_DET || next->pos == POS_POSS ||
                     (next->pos == POS_PRON && (next->flags & PF_POSSDET)))) {
            t->pos = POS_VERB;   /* "demanded that China release the activists" */
            continue;
        }
        if (t->pos == POS_VERB && pp == POS_ADV && i >= 1 && t->unit != PARSE_NONE &&
            ps->units[t->unit].end == i + 1 &&
            (t->lex & LX_ADJ) &&
            (tokeq(prev, "VERY") || tokeq(prev, "SO") || tokeq(prev, "TOO") ||
             tokeq(prev, "MORE") || tokeq(prev, "MOST") || tokeq(prev, "LESS"))) {
            t->pos = POS_ADJ;   /* "very close to": a degree adverb's adjective */
            continue;
        }
        if (t->pos == POS_VERB && pp == POS_VERB && next && next->pos == POS_NOUN &&
            (t->unit == PARSE_NONE || ps->units[t->unit].end == i + 1) &&
            (t->lex & LX_ADJ) && !(t->flags & PF_ED)) {
            t->pos = POS_ADJ;   /* "targeted moderate rebels" */
            continue;
        }
        if (t->pos == POS_VERB && (t->flags & PF_ED) &&
            (t->unit == PARSE_NONE || (pp == POS_VERB && ps->units[t->unit].begin == i &&
                                        ps->units[t->unit].end == i + 1)) &&
            (pp == POS_TO || pp == POS_PREP || pp == POS_DET || pp == POS_VERB) && next &&
            (next->pos == POS_NOUN || next->pos == POS_PROPN || next->pos == POS_ADJ)) {
            t->pos = POS_ADJ;   /* "to besieged Syrian civilians": a participle adjective */
            continue;
        }
        if (t->pos == POS_VERB && (t->flags & PF_ING) && (pp == POS_PREP || pp == POS_SUB) &&
            (!next || next->pos == POS_PREP || next->pos == POS_PUNCT ||
             next->pos == POS_COMMA)) {
            t->pos = POS_NOUN;   /* "after Killing in Berlin": a gerund without object */
            continue;
        }
        if (t->pos == POS_VERB && (t->flags & PF_ING) && (!next || next->pos == POS_PUNCT) &&
            (pp == POS_PROPN || pp == POS_NOUN) && np_opened(ps, i - 1)) {
            t->pos = POS_NOUN;   /* "over Berlin Killing": the last noun of a phrase */
            continue;
        }
        if (t->pos == POS_VERB) {
            int after_np_mod = pp == POS_DET || pp == POS_ADJ || pp == POS_POSS ||
                               pp == POS_NUM || pp == POS_PREP ||
                               (pp == POS_PRON && (prev->flags & PF_POSSDET));
            int unit_cont = prev && t->unit != PARSE_NONE && prev->unit == t->unit;
            if (after_np_mod && !unit_cont && noun_possible(lx, t))
                t->pos = POS_NOUN;
            else if (!unit_cont && pp == POS_VERB && (t->flags & PF_S) &&
                     noun_possible(lx, t))
                t->pos = POS_NOUN;   /* "promised raids": an object */
            else if (!unit_cont && (pp == POS_PROPN || pp == POS_NOUN) &&
                     (t->flags & PF_S) && next && next->pos == POS_NOUN &&
                     noun_possible(lx, t))
                t->pos = POS_NOUN;   /* "U.S. Arms Sales" */
            else if (!unit_cont && pp == POS_PROPN && (prev->lex & LX_ADJ) &&
                     !(t->flags & PF_ED) && noun_possible(lx, t))
                t->pos = POS_NOUN;   /* "Ukrainian ships": a nationality adjective */
            else if (!unit_cont && pp == POS_PROPN && !(t->flags & (PF_ED | PF_ING)) &&
                     determined_name(ps, i - 1) && noun_possible(lx, t))
                t->pos = POS_NOUN;   /* "the Gaza blockade": a name as a modifier */
            else if (!unit_cont && pp == POS_NOUN && (t->flags & PF_S) &&
                     np_opened(ps, i - 1) && noun_possible(lx, t))
                t->pos = POS_NOUN;   /* "of guest houses", "for joint air strikes" */
            else if (!unit_cont && pp == POS_NOUN && !(t->flags & (PF_ED | PF_S | PF_ING)) &&
                     np_opened(ps, i - 1) && noun_possible(lx, t) &&
                     (!next || next->pos == POS_PREP || next->pos == POS_PUNCT ||
                      next->pos == POS_COMMA || next->pos == POS_AUX ||
                      next->pos == POS_MODAL))
                t->pos = POS_NOUN;   /* "the arms embargo on Libya" */
            else if (!unit_cont && (pp == POS_NOUN || pp == POS_PROPN) &&
                     !(t->flags & (PF_ED | PF_S)) && next &&
                     (next->pos == POS_NOUN || next->pos == POS_ADJ) &&
                     noun_possible(lx, t) && t->unit == PARSE_NONE)
                t->pos = POS_NOUN;   /* noun compound: "trade protocol" */
        } else if ((t->pos == POS_NOUN || t->pos == POS_ADJ) && t->unit == PARSE_NONE) {
            if ((pp == POS_TO || pp == POS_MODAL || (pp == POS_NEG && i >= 2)) &&
                verbish(lx, ps, t)) {
                t->pos = POS_VERB;
                t->flags |= vform(lx, t);
            } else if (pp == POS_AUX && verbish(lx, ps, t) &&
                       (vform(lx, t) & (PF_ED | PF_ING))) {
                t->pos = POS_VERB;
                t->flags |= vform(lx, t);
            } else if ((pp == POS_PRON && !(prev->flags & PF_POSSDET)) &&
                       verbish(lx, ps, t)) {
                t->pos = POS_VERB;
                t->flags |= vform(lx, t);
            } else if ((pp == POS_NOUN || pp == POS_PROPN) && verbish(lx, ps, t) &&
                       (vform(lx, t) & (PF_ED)) && next &&
                       next->pos != POS_NOUN && next->pos != POS_PROPN) {
                t->pos = POS_VERB;
                t->flags |= PF_ED;
            }
        }
        /* "awful and evil minister": coordinated adjectives. */
        if (t->pos == POS_NOUN && pp == POS_CONJ && i >= 2 && ps->toks[i - 2].pos == POS_ADJ &&
            t->unit == PARSE_NONE && (t->lex & LX_ADJ) &&
            next && (next->pos == POS_NOUN || next->pos == POS_ADJ))
            t->pos = POS_ADJ;
        /* "about to", "able to": not a preposition there. */
        if (t->pos == POS_PREP && next && next->pos == POS_TO)
            t->pos = POS_ADV;
        /* THAT after a noun and before a verb: a relative pronoun. */
        if (t->len == 4 && !memcmp(t->norm, "THAT", 4) && noun_like(pp) && next &&
            (next->pos == POS_VERB || next->pos == POS_AUX ||
             next->pos == POS_MODAL || next->pos == POS_ADV))
            t->pos = POS_REL;
    }
}

/* Lexicon classes and closed-class tag of a token, through the per-id cache
 * (words no dictionary uses are remembered by the word memo, word_facts):
 * bit 31 known, bits 0-7 lexicon, 8-15 closed tag (0: none), 16-27 flags. */
static uint32_t word_info(const parse_lexicon *lx, parse_wcache *wc, const parse_tok *t)
{
    if (wc && t->id && t->id < wc->n && wc->e[t->id])
        return wc->e[t->id];
    unsigned pos = 0, flags = 0;
    if (!parse_closed_word(t->norm, t->len, &pos, &flags))
        pos = flags = 0;
    if (!pos && parse_reporting_word(t->norm, t->len))
        flags = PF_SAY;   /* applied when the word is tagged a verb */
    parse_tok w = *t;
    w.lex = (uint8_t)parse_lexicon_get(lx, t->norm, t->len, NULL);
    /* Bits: 0-7 lexicon, 8-15 closed tag, 16-26 its flags, 27 plural of a
     * noun, 28 time word, 29 known, 30 could be a verb form, 31 valid. */
    int plural = !w.lex && ends(&w, "S") && !ends(&w, "SS") &&
                 (parse_lexicon_get(lx, t->norm, t->len - 1, NULL) & LX_N);
    uint32_t e = 1u << 31 | w.lex | (pos & 0xff) << 8 | (flags & 0x7ff) << 16 |
                 (uint32_t)plural << 27 | (uint32_t)parse_time_word(t->norm, t->len) << 28 |
                 1u << 29 | (uint32_t)verbish_(lx, &w) << 30;
    if (wc && t->id && t->id < wc->n)
        wc->e[t->id] = e;
    return e;
}

static int closed_of(uint32_t info, unsigned *pos, unsigned *flags)
{
    *pos = (info >> 8) & 0xff;
    *flags = (info >> 16) & 0x7ff;
    return *pos != 0;
}

static void tag(const parse_lexicon *lx, parse_wcache *wc, const dyad_dict *d,
                parse_sent *ps)
{
    uint32_t *info = ps->tok_group;   /* scratch until chunking */
    for (uint32_t i = 0; i < ps->n; i++) {
        info[i] = ps->toks[i].info;
        ps->toks[i].lex = (uint8_t)(info[i] & 0xff);
        ps->toks[i].verbish = (int8_t)((info[i] >> 30) & 1);
        if (info[i] & (1u << 28))
            ps->toks[i].flags |= PF_TIME;
    }
    for (uint32_t i = 0; i < ps->n; i++) {
        parse_tok *t = &ps->toks[i];
        if (t->pos != POS_X)
            continue;   /* punctuation, numbers, possessives */
        unsigned pos, flags;
        if (t->unit == PARSE_NONE && closed_of(info[i], &pos, &flags)) {
            t->pos = (uint8_t)pos;
            t->flags |= (uint16_t)flags;
            continue;
        }
        if (t->unit != PARSE_NONE && ps->units[t->unit].kind == DICT_VERB &&
            closed_of(info[i], &pos, &flags) &&
            ps->units[t->unit].end - ps->units[t->unit].begin == 1) {
            /* "HAVE", "DO" as dictionary verbs stay auxiliaries. */
            t->pos = (uint8_t)pos;
            t->flags |= (uint16_t)flags;
            t->unit = PARSE_NONE;
            continue;
        }
        tag_open(lx, d, ps, i);
    }
    tag_context(lx, ps);
    /* Units demoted to nouns lose their verb reading. */
    for (uint32_t i = 0; i < ps->n; i++) {
        parse_tok *t = &ps->toks[i];
        if (t->pos == POS_VERB && ((t->info >> 16) & PF_SAY))
            t->flags |= PF_SAY;
        if (t->unit != PARSE_NONE && ps->units[t->unit].kind == DICT_VERB &&
            ps->toks[ps->units[t->unit].begin].pos != POS_VERB)
            t->pos = t->pos == POS_VERB ? POS_NOUN : t->pos;
    }
}

dyad_status parse_sentence(arena *a, const dyad_dict *d, const parse_lexicon *lx,
                           parse_wcache *wc, const parse_opts *o, const text_doc *doc,
                           uint32_t s, parse_sent *out)
{
    memset(out, 0, sizeof *out);
    out->doc = doc;
    out->sentence = s;
    out->wc = wc;
    out->discard = PARSE_NONE;
    dyad_status st = tokens(a, d, lx, doc, &doc->sentences[s], out);
    if (st == DYAD_OK)
        st = units(a, d, out);
    if (st != DYAD_OK)
        return st;
    out->tok_group = arena_alloc(a, (out->n + 1) * sizeof *out->tok_group);
    if (!out->tok_group)
        return DYAD_ENOMEM;
    tag(lx, wc, d, out);
    uint8_t *keep = arena_alloc(a, out->n + 1);
    uint32_t *map = arena_alloc(a, (out->n + 1) * sizeof *map);
    if (!keep || !map)
        return DYAD_ENOMEM;
    if (comma_rules(out, o, keep))
        compact(out, keep, map);
    st = parse_chunk(a, lx, out);
    if (a->failed)
        return DYAD_ENOMEM;
    return st;
}
