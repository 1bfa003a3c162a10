/* coder.c: dyad_coder_*: codes documents into events. Per document: the text
 * layer's sentences, parse_sentence, discards and issues, then per verb
 * group with a dictionary verb: the best pattern, source and target groups
 * (passive voice swaps them), actor codes, negation, [A:B] paired codes,
 * require-dyad, and event assembly with evidence. Owns the per-document
 * arena (reset per document), the event array and the explain trace. */
#include <stdlib.h>
#include <string.h>

#include "code.h"

struct dyad_coder {
    const dyad_dict *dict;
    unsigned opts;
    code_config cfg;
    parse_lexicon *lx;
    parse_wcache wc;         /* lexicon facts per dictionary word id */
    arena a;                 /* per document */
    vec events;              /* dyad_event */
    buf explain;
    code_coref coref;
    int story_discarded;
    size_t sent_discarded;
    int syntax;              /* the verb patterns' syntax: PETRARCH-1 or 2 */
};

/* PETRARCH-1/TABARI and PETRARCH2 differ in a few coding rules (comma
 * clauses, passives without an agent, A/B actor codes); the verb file's
 * pattern syntax says which program's users we serve. */
static int dict_syntax(const dyad_dict *d)
{
    dict_stats st;
    dict_get_stats(d, &st);
    for (size_t i = 0; i < st.verbs; i++) {
        const dict_verb *v = dict_verb_get(d, (uint32_t)i);
        if (v && v->npatterns)
            return v->patterns[0].syntax;
    }
    return DICT_SYNTAX_P2;
}

void code_config_default(code_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    parse_opts_default(&cfg->parse);
}

dyad_coder *dyad_coder_new(const dyad_dict *dict, unsigned options)
{
    if (!dict)
        return NULL;
    dyad_coder *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->dict = dict;
    c->opts = options;
    code_config_default(&c->cfg);
    c->cfg.petrarch_reading = (options & DYAD_OPT_PETRARCH_READING) != 0;
    c->syntax = dict_syntax(dict);
    if (c->syntax == DICT_SYNTAX_P2)
        c->cfg.parse.comma_max = c->cfg.parse.comma_bmax = c->cfg.parse.comma_emax = 0;
    c->lx = parse_lexicon_new();
    dict_stats ds;
    dict_get_stats(dict, &ds);
    c->wc.n = ds.words + 1;
    c->wc.e = calloc(c->wc.n, sizeof *c->wc.e);
    c->wc.memo = calloc(PARSE_WMEMO, sizeof *c->wc.memo);
    if (!c->lx || !c->wc.e || !c->wc.memo) {
        parse_lexicon_free(c->lx);
        free(c->wc.e);
        free(c->wc.memo);
        free(c);
        return NULL;
    }
    arena_init(&c->a, 1 << 16);
    vec_init(&c->events, sizeof(dyad_event));
    buf_init(&c->explain);
    return c;
}

void code_coder_configure(dyad_coder *c, unsigned options, const code_config *cfg)
{
    c->opts = options;
    if (cfg)
        c->cfg = *cfg;
    if (options & DYAD_OPT_PETRARCH_READING)
        c->cfg.petrarch_reading = 1;
    if (c->syntax == DICT_SYNTAX_P2)   /* comma rules are PETRARCH-1's */
        c->cfg.parse.comma_max = c->cfg.parse.comma_bmax = c->cfg.parse.comma_emax = 0;
}

int code_coder_story_discarded(const dyad_coder *c) { return c->story_discarded; }
size_t code_coder_sentences_discarded(const dyad_coder *c) { return c->sent_discarded; }

void dyad_coder_free(dyad_coder *c)
{
    if (!c)
        return;
    parse_lexicon_free(c->lx);
    free(c->wc.e);
    free(c->wc.memo);
    arena_free(&c->a);
    vec_free(&c->events);
    buf_free(&c->explain);
    free(c);
}

const char *dyad_coder_explain(const dyad_coder *c)
{
    if (!c || !(c->opts & DYAD_OPT_EXPLAIN))
        return NULL;
    return c->explain.data ? c->explain.data : "[]";
}

/* ---- One verb group ------------------------------------------------------ */

typedef struct sctx {
    dyad_coder *c;
    const dyad_doc *doc;
    const parse_sent *ps;
    const char *issues;
    size_t first_event;      /* events of this sentence start here */
    int explain;
    uint8_t *coded;          /* per verb group: produced an event */
    code_syn *syn;           /* synset phrases per token, filled on demand */
    uint32_t *ev_from, *ev_to, *tgroup;   /* per verb group: its events, target */
    uint32_t xsg, xtg;       /* explain: the groups and actors of the verb */
    const code_actor *xsrc, *xtgt;
} sctx;

static const char *src_str(sctx *x, dict_src s)
{
    return arena_printf(&x->c->a, "%s:%u", dict_file_name(x->c->dict, s.file), s.line);
}

static dyad_span tok_span(const parse_sent *ps, uint32_t b, uint32_t e)
{
    dyad_span sp = {0, 0};
    if (b < e && e <= ps->n) {
        sp.begin = ps->doc->tokens[ps->toks[b].tok].begin;
        sp.end = ps->doc->tokens[ps->toks[e - 1].tok].end;
    }
    return sp;
}

/* The first actor-bearing group in [from, to), preferring one after BY
 * when by is 1; by 2 also takes a pronoun ("their meeting"). */
static uint32_t find_group(const parse_sent *ps, uint32_t from, uint32_t to, int by)
{
    uint32_t first = PARSE_NONE;
    for (uint32_t i = from; i < to && i < ps->n; i++) {
        uint32_t g = ps->tok_group[i];
        if (g == PARSE_NONE || ps->groups[g].begin != i)
            continue;
        const parse_group *gr = &ps->groups[g];
        int ok = gr->nactors > 0;
        for (uint32_t j = 0; !ok && j < gr->nconj; j++) {
            const parse_np *np = &ps->nps[ps->conjs[gr->first_conj + j].np];
            ok = np->nagents > 0 || (by == 2 && np->pron != PARSE_NONE && j == 0);
        }
        if (!ok)
            continue;
        if (by == 1 && i > 0 && ps->toks[i - 1].len == 2 && !memcmp(ps->toks[i - 1].norm, "BY", 2))
            return g;
        if (first == PARSE_NONE) {
            first = g;
            if (by != 1)
                return g;
        }
    }
    return first;
}

/* When a pattern made the subject the target ("NOTED + *"), the source
 * is the nearest actor group before it that is no prepositional object. */
static uint32_t source_before(const parse_sent *ps, uint32_t tg)
{
    if (tg == PARSE_NONE)
        return PARSE_NONE;
    for (uint32_t g = tg; g-- > 0;) {
        const parse_group *gr = &ps->groups[g];
        if (gr->nactors && !(gr->begin > 0 && ps->toks[gr->begin - 1].pos == POS_PREP))
            return g;
    }
    return PARSE_NONE;
}

/* "It has been noted that ...", "it is expected to ...": an IT subject
 * whose verb is followed by a clause stands for that clause, no actor. */
/* ", the United Nations said.": a statement verb closing a sentence after a
 * comma, with its subject between the comma and the verb and no verb after
 * it, attributes the clause before the comma; that clause is what was said,
 * so a targetless 01x event would only restate the attribution. */
static int trailing_attribution(const parse_sent *ps, uint32_t v, const char *code)
{
    const parse_vg *vg = &ps->vgs[v];
    if (!code || strncmp(code, "01", 2) || v == 0 || v + 1 != ps->nvgs ||
        vg->subject == PARSE_NONE || vg->subject_from != PARSE_NONE)
        return 0;
    const parse_group *g = &ps->groups[vg->subject];
    if (g->begin == 0 || g->end > vg->begin || g->begin < ps->vgs[v - 1].end)
        return 0;
    if (ps->toks[g->begin - 1].pos != POS_COMMA)
        return 0;
    for (uint32_t i = g->end; i < vg->begin; i++)
        if (ps->toks[i].pos != POS_ADV && ps->toks[i].pos != POS_AUX)
            return 0;
    return 1;
}

static int expletive(const parse_sent *ps, uint32_t g, const parse_vg *vg)
{
    const parse_group *gr = &ps->groups[g];
    if (gr->end - gr->begin != 1 || gr->end != vg->begin || vg->end >= ps->n)
        return 0;
    const parse_tok *t = &ps->toks[gr->begin], *nx = &ps->toks[vg->end];
    return t->len == 2 && !memcmp(t->norm, "IT", 2) &&
           ((nx->len == 4 && !memcmp(nx->norm, "THAT", 4)) || nx->pos == POS_TO);
}

/* Prepositions (other than OF) between token from and group g: how far
 * the target lies from the verb ("discussed the need for action against X"). */
static int preps_before(const parse_sent *ps, uint32_t from, uint32_t g)
{
    if (g == PARSE_NONE)
        return 99;
    int n = 0;
    for (uint32_t i = from; i < ps->groups[g].begin; i++)
        n += ps->toks[i].pos == POS_PREP && !(ps->toks[i].len == 2 &&
             !memcmp(ps->toks[i].norm, "OF", 2));
    return n;
}

/* Past an infinitive without an event of its own, only its direct object
 * is still the verb's target ("signed an accord to supply Gondor", not
 * "proposed to take up the issue with the World Bank"). */
static int beyond_infinitive(const parse_sent *ps, uint32_t from, uint32_t g)
{
    const parse_vg *last = NULL;
    for (uint32_t w = 0; w < ps->nvgs; w++) {
        const parse_vg *wg = &ps->vgs[w];
        if (wg->begin >= from && wg->end <= ps->groups[g].begin && wg->infinitive)
            last = wg;
    }
    return last && ps->groups[g].begin != last->end;
}

static int same_actors(const code_actor *a, uint32_t na, const code_actor *b, uint32_t nb)
{
    if (na != nb || !na)
        return 0;
    for (uint32_t i = 0; i < na; i++) {
        uint32_t j = 0;
        while (j < nb && strcmp(a[i].code, b[j].code))
            j++;
        if (j == nb)
            return 0;
    }
    return 1;
}

static int actor_flags(const dyad_coder *c)
{
    return (c->syntax == DICT_SYNTAX_P1 ? CODE_ACT_SPLIT : 0) |
           (c->cfg.petrarch_reading ? 0 : CODE_ACT_OFFICE);
}

static uint32_t find_target(sctx *x, uint32_t v, uint32_t from2, uint32_t to2,
                            const code_actor *src, uint32_t ns, code_actor *tgt,
                            uint32_t *tg, int *pairs, const char *code)
{
    dyad_coder *c = x->c;
    const parse_sent *ps = x->ps;
    const parse_vg *vg = &ps->vgs[v];
    uint32_t ranges[4][2] = {{vg->end, vg->obj_end}, {from2, to2},
                             {vg->end, vg->obj_end}, {from2, to2}};
    for (int r = 0; r < 4; r++) {
        if ((r & 1) && from2 <= vg->end)
            continue;
        uint32_t end = ranges[r][1];
        for (uint32_t i = ranges[r][0]; i < end; i++) {
            const parse_tok *t = &ps->toks[i];
            if (t->pos == POS_SUB && !(t->len == 4 && !memcmp(t->norm, "THAT", 4)) &&
                !(t->len == 7 && !memcmp(t->norm, "WHETHER", 7))) {
                end = i;   /* "after ...", "when ...": adverbial, not objects */
                break;
            }
        }
        for (uint32_t i = ranges[r][0]; i < end;) {
            /* Actors first; pronouns ("their meeting") only when none. */
            uint32_t g = find_group(ps, i, end, r < 2 ? 0 : 2);
            if (g == PARSE_NONE)
                break;

            int own = !c->cfg.petrarch_reading && code_own_people(ps, g);
            if (own) {
                /* "recalled its ambassador from Saudi Arabia": the actor of
                 * the attached phrase, not the source's own envoy, is hit. */
                const parse_group *gr = &ps->groups[g];
                for (uint32_t j = 0; j < gr->nconj; j++) {
                    const parse_np *np = &ps->nps[ps->conjs[gr->first_conj + j].np];
                    const char *ac = np->actor == PARSE_NONE ? NULL
                        : dict_actor_code_at(c->dict, ps->units[np->actor].entry, x->doc->date);
                    if (ac && !same_actors(src, ns, &(code_actor){ac, 0, 0, 0}, 1)) {
                        tgt[0] = (code_actor){ac, np->actor, np->begin, np->end};
                        *tg = g;
                        return 1;
                    }
                }
            }
            if (own || g == vg->subject || beyond_infinitive(ps, ranges[r][0], g) ||
                code_topic_group(ps, v, g, code, ns) ||
                (!c->cfg.petrarch_reading && code_compound_place(ps, v, g, code, src, ns))) {
                i = ps->groups[g].end;
                continue;
            }
            uint32_t nt = code_group_actors(&c->a, c->dict, ps, g, x->doc->date, &c->coref,
                                            actor_flags(c), tgt, CODE_MAX_ACTORS);
            if (nt && same_actors(src, ns, tgt, nt)) {
                if (ns >= 2) {
                    *pairs = 1;
                    *tg = g;
                    return nt;
                }
                nt = 0;
            }
            if (nt) {
                *tg = g;
                return nt;
            }
            i = ps->groups[g].end;
        }
    }
    return 0;
}

/* PETRARCH2 codes a negated verb as the code whose meaning is its negation
 * in its coding ontology; only two CAMEO pairs are defined so: diplomatic
 * cooperation / disapproval, and material cooperation / coercion. */
static const char *negate_code(const char *code)
{
    static const char *const pairs[][2] = {{"050", "110"}, {"057", "170"}};
    for (size_t i = 0; code && i < DYAD_COUNT(pairs); i++) {
        if (!strcmp(code, pairs[i][0]))
            return pairs[i][1];
        if (!strcmp(code, pairs[i][1]))
            return pairs[i][0];
    }
    return code;
}

/* The actor group right after BY in [from, to), or PARSE_NONE. */
/* The implied agent of a passive arrest, detention, seizure or expulsion
 * (17x) without "by": the state where it happened, when that place comes
 * before any other verb ("Navalny Arrested In Moscow", "3 Americans Jailed
 * In N. Korea"), since only a state's authorities do that there. Who killed
 * "in an ambush in the Sinai" is not said, and what a passive is for or
 * about ("convicted of covering up abuse", "slammed for a tweet criticizing
 * the DNC") never acted. */
static uint32_t place_agent(const parse_sent *ps, uint32_t v, uint32_t to, const char *code)
{
    if (!code || strncmp(code, "17", 2))
        return PARSE_NONE;
    if (v + 1 < ps->nvgs && ps->vgs[v + 1].begin < to)
        to = ps->vgs[v + 1].begin;
    uint32_t g = find_group(ps, ps->vgs[v].end, to, 0);
    if (g == PARSE_NONE || !ps->groups[g].nactors || ps->groups[g].begin == 0)
        return PARSE_NONE;
    return code_place_prep(&ps->toks[ps->groups[g].begin - 1]) ? g : PARSE_NONE;
}

static uint32_t find_by(const parse_sent *ps, uint32_t from, uint32_t to)
{
    for (uint32_t i = from; i + 1 < to && i + 1 < ps->n; i++)
        if (ps->toks[i].len == 2 && !memcmp(ps->toks[i].norm, "BY", 2)) {
            uint32_t g = ps->tok_group[i + 1];
            if (g != PARSE_NONE && ps->groups[g].begin == i + 1)
                return g;
        }
    return PARSE_NONE;
}

static void add_event(sctx *x, const code_actor *s, const code_actor *t,
                      const char *code, uint32_t v, const char *pattern, int negated)
{
    dyad_coder *c = x->c;
    const parse_sent *ps = x->ps;
    const char *src = s ? s->code : "---", *tgt = t ? t->code : "---";
    for (size_t i = x->first_event; i < c->events.len; i++) {
        const dyad_event *e = &VEC_AT(&c->events, dyad_event, i);
        if (!strcmp(e->source, src) && !strcmp(e->target, tgt) && !strcmp(e->code, code))
            return;   /* PETRARCH keeps one of identical events per sentence */
    }
    dyad_event *e = vec_push(&c->events);
    if (!e) {
        c->a.failed = true;
        return;
    }
    const parse_vg *vg = &ps->vgs[v];
    e->doc_id = x->doc->id ? x->doc->id : "";
    e->sentence = ps->sentence;
    e->date = x->doc->date;
    e->source = src;
    e->target = tgt;
    e->code = arena_strdup(&c->a, code);
    e->root = arena_strndup(&c->a, code, strlen(code) >= 2 ? 2 : strlen(code));
    double gs = 0;
    int quad = 0;
    if (!dyad_cameo_lookup(code, &gs, &quad, NULL))
        dyad_cameo_lookup(e->root, &gs, &quad, NULL);
    e->goldstein = gs;
    e->quad = quad;
    if (s)
        e->source_span = tok_span(ps, s->begin, s->end);
    if (t)
        e->target_span = tok_span(ps, t->begin, t->end);
    uint32_t vb = vg->unit != PARSE_NONE ? ps->units[vg->unit].begin : vg->head;
    e->verb_span = tok_span(ps, vb, vg->end);
    const text_sentence *ts = &ps->doc->sentences[ps->sentence];
    e->sentence_span.begin = ts->begin;
    e->sentence_span.end = ts->end;
    e->pattern = pattern;
    e->source_entry = s && s->unit != PARSE_NONE
        ? src_str(x, dict_actor_get(c->dict, ps->units[s->unit].entry)->src) : "";
    e->target_entry = t && t->unit != PARSE_NONE
        ? src_str(x, dict_actor_get(c->dict, ps->units[t->unit].entry)->src) : "";
    e->issues = x->issues;
    e->negated = negated;
}

/* The code that fires and its [A:B] partner: the pattern's when a pattern
 * matched, else the verb's own (or its block's). */
static void verb_codes(const dict_verb *verb, const code_match *m, const char **code,
                       const char **code2)
{
    *code = m->pat ? m->pat->code : verb->code;
    *code2 = m->pat ? m->pat->code2 : verb->code2;
}

static void explain_actors(buf *b, const char *key, const parse_sent *ps, uint32_t g,
                           const code_actor *a, uint32_t n)
{
    buf_printf(b, ",\"%s\":\"", key);
    if (g != PARSE_NONE)
        for (uint32_t i = ps->groups[g].begin; i < ps->groups[g].end; i++) {
            if (i > ps->groups[g].begin)
                buf_putc(b, ' ');
            buf_json_escape(b, ps->toks[i].norm, ps->toks[i].len);
        }
    buf_printf(b, "\",\"%s_codes\":[", key);
    for (uint32_t i = 0; i < n; i++) {
        buf_printf(b, "%s\"", i ? "," : "");
        buf_json_escape(b, a[i].code, strlen(a[i].code));
        buf_putc(b, '"');
    }
    buf_putc(b, ']');
}

/* Opens a verb's explain record: {"verb":"THE VERB GROUP (the string left open). */
static void explain_open(sctx *x, const parse_vg *vg)
{
    buf *b = &x->c->explain;
    if (b->len && b->data[b->len - 1] != '[')
        buf_putc(b, ',');
    buf_puts(b, "{\"verb\":\"");
    for (uint32_t i = vg->begin; i < vg->end; i++) {
        if (i > vg->begin)
            buf_putc(b, ' ');
        buf_json_escape(b, x->ps->toks[i].norm, x->ps->toks[i].len);
    }
}

static void explain_verb(sctx *x, uint32_t v, const dict_verb *verb,
                         const code_match *m, const char *code, uint32_t ns,
                         uint32_t nt, size_t nev, const char *why)
{
    buf *b = &x->c->explain;
    const parse_sent *ps = x->ps;
    const parse_vg *vg = &ps->vgs[v];
    explain_open(x, vg);
    buf_printf(b, "\",\"entry\":\"%s:%u\"", dict_file_name(x->c->dict, verb->src.file),
               verb->src.line);
    if (m->pat)
        buf_printf(b, ",\"pattern\":\"%s:%u\"", dict_file_name(x->c->dict, m->pat->src.file),
                   m->pat->src.line);
    buf_printf(b, ",\"patterns_tried\":%u,\"code\":\"", m->tried);
    buf_json_escape(b, code ? code : "", code ? strlen(code) : 0);
    buf_printf(b, "\",\"sources\":%u,\"targets\":%u,\"events\":%zu", ns, nt, nev);
    explain_actors(b, "source", ps, x->xsg, x->xsrc, ns);
    explain_actors(b, "target", ps, x->xtg, x->xtgt, nt);
    if (why)
        buf_printf(b, ",\"why_not\":\"%s\"", why);
    buf_putc(b, '}');
}

/* A verb the dictionary does not code, whose object is a noun derived from
 * one it does: "floated a proposal" is proposing, "reached an agreement"
 * agreeing. The noun's verb is found by undoing the common suffixes. */
static const dict_verb *nominal_verb(sctx *x, const parse_vg *vg, uint32_t *np_end)
{
    static const struct { const char *suf, *rep; } rules[] = {
        {"ATION", "ATE"}, {"ATION", "E"}, {"SAL", "SE"}, {"AL", "E"}, {"MENT", ""},
        {"ION", "E"}, {"ION", ""}, {"ANCE", "E"}, {"ANCE", ""},
    };
    const parse_sent *ps = x->ps;
    uint32_t np = vg->end < ps->n ? ps->toks[vg->end].np : PARSE_NONE;
    if (np == PARSE_NONE || ps->nps[np].actor != PARSE_NONE || ps->nps[np].nagents)
        return NULL;
    const parse_tok *h = &ps->toks[ps->nps[np].end - 1];
    if (h->pos != POS_NOUN || h->len > 24)
        return NULL;
    for (size_t i = 0; i < DYAD_COUNT(rules); i++) {
        size_t sl = strlen(rules[i].suf), rl = strlen(rules[i].rep);
        if (h->len <= sl + 2 || memcmp(h->norm + h->len - sl, rules[i].suf, sl))
            continue;
        char w[32];
        size_t n = h->len - sl;
        memcpy(w, h->norm, n);
        memcpy(w + n, rules[i].rep, rl);
        n += rl;
        dict_word id = dict_word_find(x->c->dict, w, n);
        dict_match dm[4];
        size_t k = id ? dict_lookup(x->c->dict, &id, 1, DICT_VERB, dm, DYAD_COUNT(dm)) : 0;
        for (size_t j = 0; j < k && j < DYAD_COUNT(dm); j++) {
            const dict_verb *vb = dict_verb_get(x->c->dict, dm[j].entry);
            if (vb && dm[j].len == 1 && !code_none(vb->code)) {
                *np_end = ps->nps[np].end;
                return vb;
            }
        }
    }
    return NULL;
}

/* The verb entry (of those sharing the phrase) whose pattern fits best;
 * without a pattern, the first with a code. */
static const dict_verb *best_verb(sctx *x, uint32_t v, code_match *m)
{
    const parse_sent *ps = x->ps;
    const parse_unit *u = &ps->units[ps->vgs[v].unit];
    const dict_verb *best = NULL, *coded = NULL;
    code_match cm;
    for (uint32_t i = 0; i <= u->nalt; i++) {
        const dict_verb *verb = dict_verb_get(x->c->dict, i ? u->alt[i - 1] : u->entry);
        if (!verb)
            continue;
        code_match_verb(x->c->dict, ps, v, verb, x->syn, !x->c->cfg.petrarch_reading, &cm);
        if (cm.pat && (!best || !m->pat || cm.score > m->score)) {
            best = verb;
            *m = cm;
        }
        if (!coded && !code_none(verb->code))
            coded = verb;
        if (!best && i == 0)
            *m = cm;
    }
    if (best)
        return best;
    return coded ? coded : dict_verb_get(x->c->dict, u->entry);
}

static void explain_skip(sctx *x, const parse_vg *vg, const char *why)
{
    explain_open(x, vg);
    buf_printf(&x->c->explain, "\",\"why_not\":\"%s\"}", why);
}

/* The verb group whose adverbial clause ("... after crowds burned down its
 * embassy") holds v, or PARSE_NONE. */
static uint32_t governing_vg(const parse_sent *ps, uint32_t v)
{
    const parse_vg *vg = &ps->vgs[v];
    if (v > 0 && vg->begin == vg->head && vg->begin > 0 && !vg->finite &&
        (ps->toks[vg->head].flags & PF_ING) && ps->toks[vg->begin - 1].pos == POS_COMMA &&
        ps->vgs[v - 1].finite)
        return v - 1;   /* "attacked a base, killing 12": detail of the attack */
    for (uint32_t i = ps->vgs[v].begin; i-- > 0;) {
        const parse_tok *t = &ps->toks[i];
        if (t->pos == POS_COMMA)
            return PARSE_NONE;   /* ", a senior official said": a clause of its own */
        if (t->pos == POS_SUB) {
            if ((t->len == 4 && !memcmp(t->norm, "THAT", 4)) ||
                (t->len == 7 && !memcmp(t->norm, "WHETHER", 7)))
                return PARSE_NONE;
            for (uint32_t w = v; w-- > 0;)
                if (ps->vgs[w].end <= i)
                    return w;
            return PARSE_NONE;
        }
        if (v > 0 && i < ps->vgs[v - 1].end)
            return PARSE_NONE;
    }
    return PARSE_NONE;
}

/* Codes whose complement is something not asserted: appeals and demands
 * (02, 10), intents (03), accusations (11), rejections (12), threats (13),
 * denials (016). "Ukraine demanded that Russia withdraw" reports no
 * withdrawal. */
static int content_code(const char *code)
{
    static const char *const roots[] = {"02", "03", "10", "11", "12", "13"};
    for (size_t i = 0; i < DYAD_COUNT(roots); i++)
        if (!strncmp(code, roots[i], 2))
            return 1;
    return !strcmp(code, "016");
}

/* Is verb group v inside the complement of an earlier verb whose event
 * does not assert it ("accused X of plotting to kill Y", "denied the claim
 * that ...", "urged X to stop selling ...")? Verbs between without events
 * are part of the same complement; a clause boundary ends the search. */
static uint32_t unasserted_content(sctx *x, uint32_t v)
{
    const parse_sent *ps = x->ps;
    if (!x->ev_from || !x->ev_to)
        return PARSE_NONE;
    uint32_t end = ps->vgs[v].begin;
    int linked = !ps->vgs[v].finite;
    for (uint32_t w = v; w-- > 0;) {
        const parse_vg *wg = &ps->vgs[w];
        for (uint32_t i = wg->end; i < end; i++) {
            const parse_tok *t = &ps->toks[i];
            if (t->pos == POS_PUNCT || t->pos == POS_COMMA ||
                (t->pos == POS_CONJ && ps->tok_group[i] == PARSE_NONE))
                return PARSE_NONE;   /* a clause of its own */
            linked |= t->pos == POS_SUB || t->pos == POS_REL || t->pos == POS_TO ||
                      code_word_is(t, "OF");
        }
        if (x->ev_to[w] > x->ev_from[w])
            return linked && content_code(VEC_AT(&x->c->events, dyad_event, x->ev_from[w]).code)
                   ? w : PARSE_NONE;
        linked |= !wg->finite;
        end = wg->begin;
    }
    return PARSE_NONE;
}

/* CAMEO files appeals (02), intents (03) and demands (10) by what is asked
 * or offered, in parallel: an appeal or demand for a release is 0253 /
 * 1053 as the intent to release is 0353. A generic appeal or demand
 * (020, 100) whose content is a coded act takes that subcode. */
static void refine_by_content(sctx *x, uint32_t w, const char *content)
{
    for (uint32_t i = x->ev_from[w]; i < x->ev_to[w]; i++) {
        dyad_event *e = &VEC_AT(&x->c->events, dyad_event, i);
        const char *code = code_by_content(&x->c->a, e->code, content);
        double gs = 0;
        int quad = 0;
        if (!code || !dyad_cameo_lookup(code, &gs, &quad, NULL))
            continue;
        e->code = code;
        e->goldstein = gs;
        e->quad = quad;
    }
}

/* "launched air strikes on", "slammed the new U.S. sanctions": a bare -S
 * verb right after the object of a finite verb, with only noun-phrase words
 * and prepositions between, is a plural noun: English joins two finite
 * clauses with a conjunction, comma or complementizer, and only reporting
 * verbs drop the "that" ("said Russia strikes ..."). */
static int plural_noun_as_verb(const parse_sent *ps, uint32_t v)
{
    const parse_vg *vg = &ps->vgs[v];
    if (v == 0 || vg->begin != vg->head || vg->end != vg->head + 1 ||
        !(ps->toks[vg->head].flags & PF_S) || (ps->toks[vg->head].flags & (PF_BE | PF_HAVE | PF_DO)))
        return 0;
    const parse_vg *pv = &ps->vgs[v - 1];
    if (!pv->finite || pv->infinitive || (ps->toks[pv->head].flags & PF_SAY) ||
        pv->end >= vg->begin)
        return 0;
    for (uint32_t i = pv->end; i < vg->begin; i++)
        switch (ps->toks[i].pos) {
        case POS_DET: case POS_ADJ: case POS_NOUN: case POS_PROPN: case POS_NUM:
        case POS_POSS: case POS_PREP:
            break;
        default:
            return 0;
        }
    return 1;
}

/* "spoke to reporters": for a statement, a target that is only the press
 * (a group whose first noun phrase is a media agent and no actor) is the
 * channel of the statement, not whom it concerns. */
static int press_target(const dyad_dict *d, const parse_sent *ps, uint32_t g,
                        const char *code)
{
    if (g == PARSE_NONE || !code || strncmp(code, "01", 2) || !ps->groups[g].nconj)
        return 0;
    const parse_np *np = &ps->nps[ps->conjs[ps->groups[g].first_conj].np];
    if (np->actor != PARSE_NONE || np->nagents != 1)
        return 0;
    const dict_agent *ag = dict_agent_get(d, ps->units[np->agents[0]].entry);
    return ag && !strcmp(ag->code, "MED");
}

/* Can "A and B <verb>" with no object mean each acts on the other? Yes
 * for meeting, agreeing, cooperating, yielding, fighting ("Russia and
 * Ukraine clashed"); no for what each says, asks, demands or protests by
 * itself ("Sessions and Barr testify", "A and B called for calm"). */
static int mutual_code(const char *code)
{
    static const char *const solo[] = {"01", "02", "09", "10", "14"};
    for (size_t i = 0; i < DYAD_COUNT(solo); i++)
        if (!strncmp(code, solo[i], 2))
            return 0;
    return 1;
}

/* The infinitive complement of verb group v: the next verb group, an
 * infinitive, with only v's objects between ("threatened to attack",
 * "pledged $500 million to help", "used water cannon to disperse"). */
static uint32_t infinitive_complement(const parse_sent *ps, uint32_t v)
{
    const parse_vg *vg = &ps->vgs[v];
    if (v + 1 >= ps->nvgs || !ps->vgs[v + 1].infinitive || ps->vgs[v + 1].begin < vg->end)
        return PARSE_NONE;
    for (uint32_t i = vg->end; i < ps->vgs[v + 1].begin; i++) {
        unsigned p = ps->toks[i].pos;
        if (p == POS_COMMA || p == POS_PUNCT || p == POS_SUB || p == POS_REL ||
            (p == POS_CONJ && ps->tok_group[i] == PARSE_NONE))
            return PARSE_NONE;
    }
    return v + 1;
}

/* The code verb group v would have on its own, or NULL. */
static const char *own_code(sctx *x, uint32_t v)
{
    if (x->ps->vgs[v].unit == PARSE_NONE)
        return NULL;
    code_match cm;
    memset(&cm, 0, sizeof cm);
    cm.source = cm.target = cm.compound = PARSE_NONE;
    const dict_verb *cv = best_verb(x, v, &cm);
    if (!cv)
        return NULL;
    const char *cc, *cc2;
    verb_codes(cv, &cm, &cc, &cc2);
    return code_none(cc) ? NULL : cc;
}

/* Refines w's appeal or demand by what verb group v (its content) does. */
static void refine_by_content_of(sctx *x, uint32_t w, uint32_t v)
{
    if (x->ev_from)
        refine_by_content(x, w, own_code(x, v));
}

static void code_vg(sctx *x, uint32_t v)
{
    dyad_coder *c = x->c;
    const parse_sent *ps = x->ps;
    const parse_vg *vg = &ps->vgs[v];
    if (ps->n && ps->toks[ps->n - 1].len == 1 && ps->toks[ps->n - 1].norm[0] == '?') {
        if (x->explain)   /* "Will Russia attack Ukraine?" asserts nothing */
            explain_skip(x, vg, "a question");
        return;
    }
    if (plural_noun_as_verb(ps, v)) {
        if (x->explain)
            explain_skip(x, vg, "plural noun after the object of a verb");
        return;
    }
    uint32_t gov = governing_vg(ps, v);
    if (vg->infinitive && vg->subject_from != PARSE_NONE)
        gov = vg->subject_from;   /* "urged X to respond": part of the urging */
    if (gov != PARSE_NONE && x->coded && x->coded[gov]) {
        /* PETRARCH codes the main event; its adverbial clause or infinitive
         * complement is detail ("urged Iraq to release": what is asked). */
        if (!c->cfg.petrarch_reading && vg->infinitive)
            refine_by_content_of(x, gov, v);
        x->coded[v] = 1;
        if (x->explain)
            explain_skip(x, vg, "clause or infinitive of a coded verb");
        return;
    }
    uint32_t asker = c->cfg.petrarch_reading ? PARSE_NONE : unasserted_content(x, v);
    if (asker != PARSE_NONE) {
        refine_by_content_of(x, asker, v);
        x->coded[v] = 1;
        if (x->explain)
            explain_skip(x, vg, "inside what an appeal, demand, accusation, denial or threat "
                                "says: not asserted");
        return;
    }
    int false_report = !c->cfg.petrarch_reading && code_false_report(ps, v);
    if (false_report || (!c->cfg.petrarch_reading && code_noun_complement(c->lx, ps, v))) {
        x->coded[v] = 1;
        if (x->explain)
            explain_skip(x, vg, false_report
                                    ? "inside a report the sentence calls false: not asserted"
                                    : "infinitive of a noun ('an effort to scrap', 'a campaign "
                                      "to free'): intended, not done");
        return;
    }
    code_match m;
    memset(&m, 0, sizeof m);
    m.source = m.target = m.compound = PARSE_NONE;
    const dict_verb *verb = NULL;
    if (vg->unit != PARSE_NONE)
        verb = best_verb(x, v, &m);
    else if (ps->toks[vg->head].pos == POS_VERB)
        verb = nominal_verb(x, vg, &m.post_end);
    if (!verb) {
        if (x->explain && ps->toks[vg->head].pos == POS_VERB)
            explain_skip(x, vg, "not a dictionary verb");
        return;
    }
    const char *code, *code2;
    verb_codes(verb, &m, &code, &code2);
    uint32_t sg = m.source, tg = m.target;
    if (m.compound != PARSE_NONE) {
        /* "% *": the compound acts on itself; "* WITH %": it is the target. */
        if (m.compound_pre && sg == PARSE_NONE && tg == PARSE_NONE)
            sg = tg = m.compound;
        else if (m.compound_pre && sg == PARSE_NONE)
            sg = m.compound;
        else if (tg == PARSE_NONE)
            tg = m.compound;
    }
    /* Objects follow what the pattern matched ("vowed to wage war on X"). */
    uint32_t from = vg->end, obj_end = vg->obj_end;
    if (m.post_end > from) {
        from = m.post_end;
        if (from >= obj_end) {
            obj_end = ps->n;
            for (uint32_t w = v + 1; w < ps->nvgs; w++)
                if (ps->vgs[w].begin >= from) {
                    obj_end = ps->vgs[w].begin;
                    break;
                }
        }
    }
    int search = 0;
    uint32_t by = vg->passive ? find_by(ps, vg->end, vg->obj_end) : PARSE_NONE;
    if (vg->passive && by == PARSE_NONE && c->syntax == DICT_SYNTAX_P2) {
        /* PETRARCH2 flips any passive, taking an actor among its objects,
         * not the subject of a clause after it ("it was noted that X"). */
        uint32_t lim = vg->end;
        while (lim < vg->obj_end && ps->toks[lim].pos != POS_SUB)
            lim++;
        by = c->cfg.petrarch_reading ? find_group(ps, vg->end, lim, 0)
                                     : place_agent(ps, v, lim, code);
    }
    if (by != PARSE_NONE && m.source == PARSE_NONE && m.target == PARSE_NONE) {
        /* Passive with its agent: "X was opposed by Y" is Y acting on X. */
        sg = by;
        if (tg == PARSE_NONE)
            tg = vg->subject;
    } else if (vg->passive && !c->cfg.petrarch_reading && m.source == PARSE_NONE &&
               m.target == PARSE_NONE) {
        /* "Navalny was arrested": the subject is acted on; who acted is
         * not said. */
        sg = PARSE_NONE;
        if (tg == PARSE_NONE)
            tg = vg->subject;
    } else {
        if (sg == PARSE_NONE)
            sg = vg->subject == tg ? source_before(ps, tg) : vg->subject;
        else if (tg == PARSE_NONE && m.source != PARSE_NONE && vg->subject != sg)
            tg = vg->subject;   /* "* {MAY DAY} $": the subject is the target */
        if (tg == PARSE_NONE)
            search = 1;
    }
    if (sg != PARSE_NONE && expletive(ps, sg, vg))
        sg = PARSE_NONE;
    if (tg != PARSE_NONE && expletive(ps, tg, vg))
        tg = PARSE_NONE;
    code_actor src[CODE_MAX_ACTORS], tgt[CODE_MAX_ACTORS];
    int negated = vg->negated && !m.uses_neg;
    uint32_t ns = sg == PARSE_NONE ? 0
        : code_group_actors(&c->a, c->dict, ps, sg, x->doc->date, &c->coref,
                            actor_flags(c), src, CODE_MAX_ACTORS);
    uint32_t nt = 0;
    int pairs = sg != PARSE_NONE && sg == tg;
    if (search)
        nt = find_target(x, v, from, obj_end, src, ns, tgt, &tg, &pairs, code);
    if (search && !nt && ns)   /* the pattern may have matched the noun itself */
        nt = code_event_anaphor(ps, vg->end, obj_end > from ? obj_end : from,
                                c->events.data, c->events.len, src, ns, tgt);
    uint32_t comp = search && !nt && ns && !c->cfg.petrarch_reading
                  ? infinitive_complement(ps, v) : PARSE_NONE;
    if (comp != PARSE_NONE) {
        /* "threatened to attack South Korea": the target of what is
         * threatened, refused, pledged; the code says what (1384). */
        nt = find_target(x, comp, ps->vgs[comp].end, ps->vgs[comp].obj_end, src, ns, tgt,
                         &tg, &pairs, code);
        const char *refined = nt ? code_by_content(&c->a, code, own_code(x, comp)) : NULL;
        if (refined)
            code = refined;
    }
    else if (tg != PARSE_NONE)
        nt = code_group_actors(&c->a, c->dict, ps, tg, x->doc->date, &c->coref,
                               actor_flags(c), tgt, CODE_MAX_ACTORS);
    if (nt && !c->cfg.attribution_events && press_target(c->dict, ps, tg, code))
        nt = 0;
    if (!nt && ns >= 2 && c->syntax == DICT_SYNTAX_P2 && !code_none(code) &&
        (c->cfg.petrarch_reading || mutual_code(code))) {
        /* PETRARCH2: "A and B agree": each acts on the other. */
        memcpy(tgt, src, ns * sizeof *src);
        nt = ns;
        pairs = 1;
    }
    const char *offer = c->cfg.petrarch_reading || !nt ? NULL : code_joint_offer(ps, vg, tg, code);
    if (offer)
        code = offer;
    if (!c->cfg.petrarch_reading && ns && code && !strcmp(code, "190") &&
        sg != PARSE_NONE && code_aerial(ps, sg))
        code = "195";   /* "Russian warplanes struck": an air strike */
    if (!c->cfg.petrarch_reading && nt && code_figurative_force(c->lx, ps, tg, code))
        code = "111";   /* "Hits Trump's Biggest Boast": criticism */
    if (!c->cfg.petrarch_reading && nt && tg != PARSE_NONE && code && !strcmp(code, "112")) {
        const char *alleged = code_by_content(&c->a, code,
                                              code_gerund_content(c->dict, ps, ps->groups[tg].end,
                                                             obj_end > from ? obj_end : from));
        if (alleged)
            code = alleged;   /* "accused X of torturing": 1122 */
    }
    code_mood mood = c->cfg.petrarch_reading ? CODE_MOOD_FACT : code_mood_of(ps, v);
    if (mood == CODE_MOOD_UNREALIZED)
        negated = 1;
    else if (mood == CODE_MOOD_INTENT && !negated && !code_none(code) && code_intent_of(code)) {
        code = code_intent_of(code);   /* "will provide" aid: intent to (033) */
        code2 = NULL;
    }
    if (negated && c->syntax == DICT_SYNTAX_P2)
        code = negate_code(code);
    const char *why = NULL;
    size_t before = c->events.len;
    if (code_none(code))
        why = "the verb or pattern has no code (---)";
    else if (negated && !(c->opts & DYAD_OPT_KEEP_NEGATED))
        why = mood == CODE_MOOD_UNREALIZED ? "did not happen ('failed to', 'no longer', 'no plans to')"
                                           : "negated verb";
    else if (mood == CODE_MOOD_SPECULATION)
        why = "speculation ('could', 'might', 'should'): no event asserted";
    else if ((c->opts & DYAD_OPT_REQUIRE_DYAD) && (!ns || !nt))
        why = !ns ? "no source actor (require_dyad)" : "no target actor (require_dyad)";
    else if (!ns && !nt)
        why = "no source or target actor";
    else if (!nt && !c->cfg.attribution_events && trailing_attribution(ps, v, code))
        why = "trailing attribution (', X said'): the clause before it is what was said";
    else if (!nt && !c->cfg.attribution_events && !strcmp(code, "010"))
        why = "a statement (010) with no target";
    else
        for (uint32_t i = 0; i < (ns ? ns : 1); i++)
            for (uint32_t j = 0; j < (nt ? nt : 1); j++) {
                const code_actor *s = ns ? &src[i] : NULL, *t = nt ? &tgt[j] : NULL;
                code_actor home;
                const char *dc = s && t && !c->cfg.petrarch_reading
                               ? code_domestic_target(&c->a, s->code, t->code, code) : NULL;
                if (!dc && t && !c->cfg.petrarch_reading)
                    dc = code_placed_target(&c->a, c->dict, ps, t, x->doc->date);
                if (dc) {
                    home = *t;
                    home.code = dc;
                    t = &home;
                }
                code_actor police;
                const char *ds = s && t && !c->cfg.petrarch_reading
                               ? code_domestic_source(&c->a, s->code, t->code, code) : NULL;
                if (ds) {
                    police = *s;
                    police.code = ds;
                    s = &police;
                }
                if (s && t && !strcmp(s->code, t->code)) {
                    if (pairs)
                        continue;   /* compound: each against the others */
                    t = NULL;       /* no actor acts on itself */
                }
                const char *pat = m.pat ? src_str(x, m.pat->src) : src_str(x, verb->src);
                add_event(x, s, t, code, v, pat, negated);
                if (!code_none(code2) && s && t)
                    add_event(x, t, s, code2, v, pat, negated);
            }
    if (!why && ns >= 2 && code && !strncmp(code, "04", 2) && sg != tg &&
        c->syntax == DICT_SYNTAX_P2 && preps_before(ps, vg->end, tg) >= 2) {
        /* "A and B discussed ...": CAMEO consultations are mutual. */
        const char *pat = m.pat ? src_str(x, m.pat->src) : src_str(x, verb->src);
        for (uint32_t i = 0; i < ns; i++)
            for (uint32_t j = 0; j < ns; j++)
                if (strcmp(src[i].code, src[j].code))
                    add_event(x, &src[i], &src[j], code, v, pat, negated);
    }
    if (x->coded)   /* an agentless passive still governs its purpose clause */
        x->coded[v] = c->events.len > before ||
                      (!c->cfg.petrarch_reading && vg->passive && sg == PARSE_NONE &&
                       !code_none(code));
    if (x->ev_from) {
        x->ev_from[v] = (uint32_t)before;
        x->ev_to[v] = (uint32_t)c->events.len;
        x->tgroup[v] = tg;
    }
    if (x->explain) {
        x->xsg = sg;
        x->xtg = tg;
        x->xsrc = src;
        x->xtgt = tgt;
        explain_verb(x, v, verb, &m, code, ns, nt, c->events.len - before, why);
    }
}

/* ---- Sentences and documents -------------------------------------------- */

/* Verbs of saying: their clause, not the saying, is the news. */
static int reporting_verb(const parse_tok *t)
{
    return parse_reporting_word(t->norm, t->len);
}

/* Does actor code a (its first three letters: the country or group) take
 * part in one of events [from, to)? */
static int takes_part(const vec *ev, uint32_t from, uint32_t to, const char *a)
{
    if (!strncmp(a, "---", 3))
        return 1;   /* an unnamed reporter adds nothing */
    for (uint32_t i = from; i < to; i++) {
        const dyad_event *e = &VEC_AT(ev, dyad_event, i);
        if (!strncmp(e->source, a, 3) || !strncmp(e->target, a, 3))
            return 1;
    }
    return 0;
}

/* "X said Y attacked Z" codes Y -> Z: a reporting verb whose target is the
 * subject of a clause that produced an event of its own gives no event,
 * unless the reporter is a third party commenting on others ("France said
 * Russian airstrikes targeted rebels": France comments on Russia). */
static void drop_reporting(sctx *x)
{
    const parse_sent *ps = x->ps;
    vec *ev = &x->c->events;
    for (uint32_t v = ps->nvgs; v-- > 0;) {
        uint32_t tg = x->tgroup[v];
        if (x->ev_to[v] <= x->ev_from[v] || tg == PARSE_NONE ||
            !reporting_verb(&ps->toks[ps->vgs[v].head]))
            continue;
        /* The reported clause: its subject lies between the verb and the
         * target found (it may be the target itself). */
        uint32_t w = v + 1;
        while (w < ps->nvgs) {
            uint32_t sg = ps->vgs[w].subject;
            if (sg != PARSE_NONE && x->ev_to[w] > x->ev_from[w] &&
                ps->groups[sg].begin >= ps->vgs[v].end &&
                (ps->groups[sg].begin <= ps->groups[tg].begin ||
                 ps->toks[ps->groups[sg].begin - 1].pos == POS_SUB))
                break;   /* "told reporters that X ..." too */
            w++;
        }
        const char *reporter = VEC_AT(ev, dyad_event, x->ev_from[v]).source;
        /* The press reports; it does not comment ("state media said"). */
        int press = !x->c->cfg.petrarch_reading && strlen(reporter) >= 6 &&
                    strstr(reporter + 3, "MED");
        if (w == ps->nvgs ||
            (!press && !takes_part(ev, x->ev_from[w], x->ev_to[w], reporter)))
            continue;
        uint32_t n = x->ev_to[v] - x->ev_from[v];
        memmove(&VEC_AT(ev, dyad_event, x->ev_from[v]), &VEC_AT(ev, dyad_event, x->ev_to[v]),
                (ev->len - x->ev_to[v]) * sizeof(dyad_event));
        ev->len -= n;
        for (uint32_t u = v + 1; u < ps->nvgs; u++) {
            x->ev_from[u] -= x->ev_from[u] >= x->ev_to[v] ? n : 0;
            x->ev_to[u] -= x->ev_to[u] >= x->ev_to[v] ? n : 0;
        }
        x->ev_to[v] = x->ev_from[v];
    }
}

static const char *issue_str(sctx *x)
{
    const parse_sent *ps = x->ps;
    if (!ps->nissues)
        return "";
    buf b;
    buf_init(&b);
    for (uint32_t i = 0; i < ps->nissues; i++) {
        const dict_issue *is = dict_issue_get(x->c->dict, ps->issues[i]);
        if (!is || is->negative || !is->code || !*is->code)
            continue;
        if (b.len && !strstr(b.data, is->code))
            buf_putc(&b, ',');
        if (!b.len || !strstr(b.data, is->code))
            buf_puts(&b, is->code);
    }
    const char *s = b.len ? arena_strdup(&x->c->a, b.data) : "";
    buf_free(&b);
    return s;
}

/* Keeps codes only: spans of an older sentence mean nothing later. */
static uint32_t keep_codes(code_actor *dst, const code_actor *src, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        dst[i] = src[i];
        dst[i].unit = PARSE_NONE;
        dst[i].begin = dst[i].end = 0;
    }
    return n;
}

/* What later pronouns and "the pair" refer to: the sentence's main
 * subject with actors (else its first actor group), and its last compound. */
static void remember(sctx *x)
{
    dyad_coder *c = x->c;
    const parse_sent *ps = x->ps;
    code_actor tmp[CODE_MAX_ACTORS];
    int flags = actor_flags(c), have = 0;
    for (uint32_t v = 0; v < ps->nvgs && !have; v++) {
        uint32_t g = ps->vgs[v].subject;
        if (g == PARSE_NONE || !ps->groups[g].nactors)
            continue;
        uint32_t n = code_group_actors(&c->a, c->dict, ps, g, x->doc->date, &c->coref,
                                       flags, tmp, CODE_MAX_ACTORS);
        if (n) {
            c->coref.nlast = keep_codes(c->coref.last, tmp, n);
            have = 1;
        }
    }
    for (uint32_t g = 0; g < ps->ngroups; g++) {
        if (!ps->groups[g].nactors)
            continue;
        uint32_t n = code_group_actors(&c->a, c->dict, ps, g, x->doc->date, &c->coref,
                                       flags, tmp, CODE_MAX_ACTORS);
        if (n && !have) {
            c->coref.nlast = keep_codes(c->coref.last, tmp, n);
            have = 1;
        }
    }
    for (uint32_t v = 0; v < ps->nvgs; v++) {
        uint32_t g = ps->vgs[v].subject;
        if (g == PARSE_NONE || ps->groups[g].nactors < 2)
            continue;
        uint32_t n = code_group_actors(&c->a, c->dict, ps, g, x->doc->date, &c->coref,
                                       flags, tmp, CODE_MAX_ACTORS);
        if (n >= 2)
            c->coref.npair = keep_codes(c->coref.pair, tmp, n);
    }
}

static int sentence_coded(const dyad_coder *c, dyad_sentence_kind k)
{
    return k == DYAD_SENT_PROSE || k == DYAD_SENT_HEADLINE ||
           (c->opts & DYAD_OPT_ALL_SENTENCES);
}

static dyad_status code_sentence(dyad_coder *c, const dyad_doc *doc, const text_doc *td,
                                 uint32_t s, int *stop, dyad_diag_fn diag, void *ud)
{
    if (td->sentences[s].ntokens > PARSE_MAX_TOKENS)
        diag_emit(diag, ud, DYAD_WARNING, doc->file ? doc->file : doc->id, doc->line,
                  (long)td->sentences[s].begin,
                  "sentence %u has %u tokens; only its first %d are coded", s,
                  td->sentences[s].ntokens, PARSE_MAX_TOKENS);
    parse_sent ps;
    dyad_status st = parse_sentence(&c->a, c->dict, c->lx, &c->wc, &c->cfg.parse, td, s, &ps);
    if (st != DYAD_OK)
        return st;
    sctx x = {c, doc, &ps, "", c->events.len, (c->opts & DYAD_OPT_EXPLAIN) != 0, NULL,
              NULL, NULL, NULL, NULL, PARSE_NONE, PARSE_NONE, NULL, NULL};
    if (x.explain) {
        buf_printf(&c->explain, "%s{\"sentence\":%u,", s ? "," : "", s);
        parse_explain(&ps, c->dict, &c->explain);
    }
    if (ps.discard != PARSE_NONE) {
        const dict_discard *dc = dict_discard_get(c->dict, ps.discard);
        int whole = dc && dc->whole_story;
        if (x.explain)
            buf_printf(&c->explain, ",\"discarded\":\"%s\"}", whole ? "story" : "sentence");
        if (whole) {
            c->story_discarded = 1;
            *stop = 1;
        } else {
            c->sent_discarded++;
        }
        return DYAD_OK;
    }
    x.issues = issue_str(&x);
    x.coded = arena_calloc(&c->a, ps.nvgs + 1, 1);
    x.ev_from = arena_calloc(&c->a, ps.nvgs + 1, sizeof *x.ev_from);
    x.ev_to = arena_calloc(&c->a, ps.nvgs + 1, sizeof *x.ev_to);
    x.tgroup = arena_calloc(&c->a, ps.nvgs + 1, sizeof *x.tgroup);
    x.syn = arena_calloc(&c->a, ps.n + 1, sizeof *x.syn);
    if (x.explain)
        buf_puts(&c->explain, ",\"verbs\":[");
    for (uint32_t v = 0; v < ps.nvgs; v++)
        code_vg(&x, v);
    if (x.ev_from && x.ev_to && x.tgroup)
        drop_reporting(&x);
    if (x.explain)
        buf_puts(&c->explain, "]}");
    remember(&x);
    return c->a.failed ? DYAD_ENOMEM : DYAD_OK;
}

dyad_status dyad_coder_code(dyad_coder *c, const dyad_doc *doc,
                            const dyad_event **events, size_t *count,
                            dyad_diag_fn diag, void *ud)
{
    *events = NULL;
    *count = 0;
    if (!c || !doc || (!doc->text && doc->text_len))
        return DYAD_EINVAL;
    arena_reset(&c->a);
    c->events.len = 0;
    buf_clear(&c->explain);
    memset(&c->coref, 0, sizeof c->coref);
    c->story_discarded = 0;
    c->sent_discarded = 0;
    text_doc td;
    dyad_status st = text_analyze(&c->a, doc->text ? doc->text : "", doc->text_len, &td,
                                  diag, ud, doc->file ? doc->file : doc->id, doc->line);
    if (st != DYAD_OK)
        return st;
    if (c->opts & DYAD_OPT_EXPLAIN)
        buf_putc(&c->explain, '[');
    int stop = 0;
    for (uint32_t s = 0; s < td.nsentences && !stop; s++) {
        if (!sentence_coded(c, td.sentences[s].kind)) {
            if (c->opts & DYAD_OPT_EXPLAIN)
                buf_printf(&c->explain, "%s{\"sentence\":%u,\"skipped\":\"%s\"}", s ? "," : "",
                           s, dyad_sentence_kind_str(td.sentences[s].kind));
            continue;
        }
        st = code_sentence(c, doc, &td, s, &stop, diag, ud);
        if (st != DYAD_OK)
            return st;
    }
    if (c->story_discarded)
        c->events.len = 0;
    if (c->opts & DYAD_OPT_EXPLAIN)
        buf_putc(&c->explain, ']');
    if (c->explain.failed || c->a.failed)
        return DYAD_ENOMEM;
    *events = c->events.data;
    *count = c->events.len;
    return DYAD_OK;
}
