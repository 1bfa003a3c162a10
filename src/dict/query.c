/* query.c: everything the coder asks of a compiled dictionary: word ids,
 * longest-match phrase lookup over the trie, entries by index, actor codes
 * by date, stats and the invariant check. Read-only over the image: safe
 * from any number of threads. */
#include <string.h>

#include "dict_int.h"
#include "../text/text.h"

dict_word dict_word_find(const dyad_dict *d, const char *s, size_t len)
{
    return dict_word_find_hashed(d, s, len, hash_bytes(s, len));
}

dict_word dict_word_find_hashed(const dyad_dict *d, const char *s, size_t len, uint64_t h)
{
    if (!d || len == 0)
        return 0;
    size_t cap = d->h->whash_cap;
    size_t j = h & (cap - 1);
    for (size_t probes = 0; probes < cap && d->whash[j]; probes++) {
        const char *w = d->strings + d->word_off[d->whash[j]];
        /* The first byte settles most probes without a call. */
        if (w[0] == s[0] && strncmp(w, s, len) == 0 && w[len] == '\0')
            return d->whash[j];
        j = (j + 1) & (cap - 1);
    }
    return 0;
}

const char *dict_word_str(const dyad_dict *d, dict_word w)
{
    if (!d || w == 0 || w >= d->h->count[SEC_WORD_OFF])
        return "";
    return d->strings + d->word_off[w];
}

static uint64_t edge_hash(uint32_t parent, uint32_t word)
{
    uint64_t k = ((uint64_t)parent << 32) | word;
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    return k;
}

static uint32_t child(const dyad_dict *d, uint32_t parent, dict_word w)
{
    size_t cap = d->h->edges_cap;
    size_t j = edge_hash(parent, w) & (cap - 1);
    for (size_t probes = 0; probes < cap; probes++) {
        const dict_edge *e = &d->edges[j];
        if (e->parent == UINT32_MAX)
            return DICT_NONE;
        if (e->parent == parent && e->word == w)
            return e->child;
        j = (j + 1) & (cap - 1);
    }
    return DICT_NONE;
}

size_t dict_lookup(const dyad_dict *d, const dict_word *words, size_t n,
                   unsigned kinds, dict_match *out, size_t max)
{
    if (!d)
        return 0;
    /* Walk down as far as the words go, remembering the nodes; then report
     * from the deepest up so the longest phrases come first. */
    uint32_t path[64];
    size_t depth = 0;
    if (n && words[0] && words[0] < d->h->count[SEC_ROOT] && d->root[words[0]] != DICT_NONE)
        path[depth++] = d->root[words[0]];
    while (depth && depth < n && depth < DYAD_COUNT(path) && words[depth] &&
           d->nodes[path[depth - 1]].nkids) {
        uint32_t c = child(d, path[depth - 1], words[depth]);
        if (c == DICT_NONE)
            break;
        path[depth++] = c;
    }
    size_t total = 0;
    for (size_t k = depth; k-- > 0;) {
        const dict_node *nd = &d->nodes[path[k]];
        for (uint32_t i = 0; i < nd->nmatch; i++) {
            const dict_fmatch *m = &d->matches[nd->first_match + i];
            if (!(m->kind & kinds))
                continue;
            if (total < max)
                out[total] = (dict_match){(uint32_t)(k + 1), m->kind, m->entry};
            total++;
        }
    }
    return total;
}

/* ---- Entries ------------------------------------------------------------------ */

#define GETTER(fn, T, field, sec) \
    const T *fn(const dyad_dict *d, uint32_t entry) \
    { \
        return d && entry < d->h->count[sec] ? &d->field[entry] : NULL; \
    }

GETTER(dict_actor_get, dict_actor, actors, SEC_ACTORS)
GETTER(dict_agent_get, dict_agent, agents, SEC_AGENTS)
GETTER(dict_verb_get, dict_verb, verbs, SEC_VERBS)
GETTER(dict_block_get, dict_block, blocks, SEC_BLOCKS)
GETTER(dict_discard_get, dict_discard, discards, SEC_DISCARDS)
GETTER(dict_issue_get, dict_issue, issues, SEC_ISSUES)
GETTER(dict_transform_get, dict_transform, transforms, SEC_TRANSFORMS)
GETTER(dict_synset_get, dict_synset, synsets, SEC_SYNSETS)

size_t dict_block_count(const dyad_dict *d)
{
    return d ? d->h->count[SEC_BLOCKS] : 0;
}

size_t dict_transform_count(const dyad_dict *d)
{
    return d ? d->h->count[SEC_TRANSFORMS] : 0;
}

size_t dict_synset_count(const dyad_dict *d)
{
    return d ? d->h->count[SEC_SYNSETS] : 0;
}

/* PETRARCH's reading, as its validation records require: the date-restricted
 * codes in file order, first match wins, a D1-D2 range including both ends;
 * the unrestricted code is the default when none applies, wherever it stands.
 * See docs/COMPATIBILITY.md, "Actor date restrictions". */
const dict_actor_code *dict_actor_code_rec_at(const dyad_dict *d, uint32_t entry,
                                              int32_t date)
{
    const dict_actor *a = dict_actor_get(d, entry);
    if (!a || a->ncodes == 0)
        return NULL;
    const dict_actor_code *deflt = NULL;
    for (uint32_t i = 0; i < a->ncodes; i++) {
        const dict_actor_code *c = &a->codes[i];
        int open_from = c->from == 0, open_to = c->to == INT32_MAX;
        if (open_from && open_to) {
            if (!deflt)
                deflt = c;
            continue;
        }
        if (date == 0)
            continue;
        if (open_from ? date < c->to
            : open_to ? date >= c->from
            : date >= c->from && date <= c->to)
            return c;
    }
    if (deflt)
        return deflt;
    return date ? NULL : &a->codes[0];
}

const char *dict_actor_code_at(const dyad_dict *d, uint32_t entry, int32_t date)
{
    const dict_actor_code *c = dict_actor_code_rec_at(d, entry, date);
    return c ? c->code : NULL;
}

const char *dict_synset_name(const dyad_dict *d, uint32_t synset)
{
    const dict_synset *s = dict_synset_get(d, synset);
    return s ? s->name : NULL;
}

int dict_synset_match(const dyad_dict *d, uint32_t synset, const dict_word *words,
                      size_t n, uint32_t *len)
{
    dict_match m[32];
    size_t k = dict_lookup(d, words, n, DICT_SYNSET, m, DYAD_COUNT(m));
    if (k > DYAD_COUNT(m))
        k = DYAD_COUNT(m);
    for (size_t i = 0; i < k; i++)
        if (m[i].entry == synset) {
            if (len)
                *len = m[i].len;
            return 1;
        }
    return 0;
}

size_t dict_verbs_by_head(const dyad_dict *d, dict_word w, uint32_t *out, size_t max)
{
    if (!d)
        return 0;
    size_t lo = 0, hi = d->h->count[SEC_HEADS];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->heads[mid].word < w)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t n = 0;
    uint32_t last = DICT_NONE;
    for (size_t i = lo; i < d->h->count[SEC_HEADS] && d->heads[i].word == w; i++) {
        if (d->heads[i].verb == last)
            continue;
        last = d->heads[i].verb;
        if (n < max)
            out[n] = last;
        n++;
    }
    return n;
}

const char *dict_file_name(const dyad_dict *d, uint32_t file)
{
    if (!d || file >= d->h->count[SEC_FILES])
        return "";
    return d->strings + d->files[file];
}

size_t dict_phrase_words(const dyad_dict *d, const char *phrase, dict_word *out,
                         size_t max)
{
    size_t n = 0, i = 0, len = strlen(phrase);
    buf nb;
    buf_init(&nb);
    while (i < len) {
        while (i < len && (phrase[i] == ' ' || phrase[i] == '\t' || phrase[i] == '_'))
            i++;
        size_t st = i;
        while (i < len && phrase[i] != ' ' && phrase[i] != '\t' && phrase[i] != '_')
            i++;
        if (i == st || n >= max)
            continue;
        buf_clear(&nb);
        text_normalize(phrase + st, i - st, &nb);
        for (size_t k = 0; k < nb.len; k++)
            if (nb.data[k] >= 'a' && nb.data[k] <= 'z')
                nb.data[k] = (char)(nb.data[k] - 32);
        out[n++] = nb.len ? dict_word_find(d, nb.data, nb.len) : 0;
    }
    buf_free(&nb);
    return n;
}

/* ---- Stats and checks -------------------------------------------------------------- */

void dict_get_stats(const dyad_dict *d, dict_stats *s)
{
    memset(s, 0, sizeof *s);
    if (!d)
        return;
    const dict_image_header *h = d->h;
    s->words = h->count[SEC_WORD_OFF] - 1;
    s->actors = h->count[SEC_ACTORS];
    s->actor_codes = h->count[SEC_CODES];
    s->agents = h->count[SEC_AGENTS];
    s->verbs = h->count[SEC_VERBS];
    s->verb_blocks = h->count[SEC_BLOCKS];
    s->patterns = h->count[SEC_PATTERNS];
    s->synsets = h->count[SEC_SYNSETS];
    s->discards = h->count[SEC_DISCARDS];
    s->issues = h->count[SEC_ISSUES];
    s->files = h->count[SEC_FILES];
    s->bytes = d->size;
    s->phrases = h->count[SEC_MATCHES];
    s->transforms = h->count[SEC_TRANSFORMS];
    s->verb_forms = h->count[SEC_VERB_FORMS];
    s->errors = h->errors;
    s->warnings = h->warnings;
    for (size_t i = 0; i < h->count[SEC_SYNSETS]; i++)
        s->synset_members += d->synsets[i].nmembers;
}

static bool in(const dyad_dict *d, const void *p, size_t n, size_t item)
{
    const char *c = p;
    return c >= d->image && c <= d->image + d->size && n <= (size_t)(d->image + d->size - c) / item;
}

static int check_trie(const dyad_dict *d)
{
    const dict_image_header *h = d->h;
    size_t nn = h->count[SEC_NODES];
    for (size_t i = 0; i < nn; i++) {
        const dict_node *nd = &d->nodes[i];
        if (nd->first_match > h->count[SEC_MATCHES] ||
            nd->nmatch > h->count[SEC_MATCHES] - nd->first_match)
            return 1;
        for (uint32_t k = 0; k < nd->nmatch; k++) {
            const dict_fmatch *m = &d->matches[nd->first_match + k];
            static const int sec[] = {SEC_ACTORS, SEC_AGENTS, SEC_VERBS, SEC_DISCARDS,
                                      SEC_ISSUES, SEC_SYNSETS};
            int b = __builtin_ctz(m->kind | 0x40);
            if (b > 5 || m->kind != (1u << b) || m->entry >= h->count[sec[b]])
                return 2;
        }
    }
    size_t kids = 0, roots = 0;
    for (size_t i = 0; i < h->edges_cap; i++) {
        const dict_edge *e = &d->edges[i];
        if (e->parent == UINT32_MAX)
            continue;
        if (e->parent >= nn || e->child >= nn || e->child == 0 ||
            e->word == 0 || e->word >= h->count[SEC_WORD_OFF] ||
            child(d, e->parent, e->word) != e->child)
            return 3;
        kids++;
        if (e->parent == 0 && d->root[e->word] != e->child)
            return 5;
        roots += e->parent == 0;
    }
    for (size_t i = 0; i < nn; i++)
        kids -= d->nodes[i].nkids;
    for (size_t w = 0; w < h->count[SEC_ROOT]; w++)
        roots -= d->root[w] != DICT_NONE;
    if (kids || roots)
        return 5;
    for (size_t i = 1; i < h->count[SEC_WORD_OFF]; i++)
        if (d->word_off[i] >= h->count[SEC_STRINGS] ||
            dict_word_find(d, d->strings + d->word_off[i], strlen(d->strings + d->word_off[i])) != i)
            return 4;
    return 0;
}

int dict_check(const dyad_dict *d)
{
    if (!d)
        return 1;
    int r = check_trie(d);
    if (r)
        return r;
    const dict_image_header *h = d->h;
    for (size_t i = 0; i < h->count[SEC_ACTORS]; i++) {
        const dict_actor *a = &d->actors[i];
        if (!in(d, a->codes, a->ncodes, sizeof *a->codes) || !a->name)
            return 10;
        for (uint32_t k = 0; k < a->ncodes; k++)
            if (!a->codes[k].code)
                return 11;
    }
    for (size_t i = 0; i < h->count[SEC_VERBS]; i++) {
        const dict_verb *v = &d->verbs[i];
        if (v->block >= h->count[SEC_BLOCKS] || v->nwords == 0 || v->head >= v->nwords ||
            !in(d, v->words, v->nwords, sizeof *v->words) ||
            !in(d, v->patterns, v->npatterns, sizeof *v->patterns) ||
            !in(d, v->forms, v->nforms, sizeof *v->forms) || !v->code || !v->name)
            return 20;
    }
    for (size_t i = 0; i < h->count[SEC_PATTERNS]; i++) {
        const dict_pattern *p = &d->patterns[i];
        int verbs = 0;
        if (!in(d, p->elems, p->nelems, sizeof *p->elems) || !p->code ||
            p->need >= h->count[SEC_WORD_OFF])
            return 30;
        for (uint32_t k = 0; k < p->nelems; k++) {
            const dict_elem *e = &p->elems[k];
            verbs += e->kind == PAT_VERB;
            if (e->kind > PAT_GROUP_END ||
                (e->kind == PAT_WORD && (e->id == 0 || e->id >= h->count[SEC_WORD_OFF])) ||
                (e->kind == PAT_SYNSET && e->id >= h->count[SEC_SYNSETS]))
                return 31;
        }
        if (verbs != 1)
            return 32;
    }
    for (size_t i = 0; i < h->count[SEC_FILES]; i++)
        if (d->files[i] >= h->count[SEC_STRINGS])
            return 40;
    return 0;
}
