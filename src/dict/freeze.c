/* freeze.c: turns a dict_builder into the immutable image: one malloc'd
 * block holding a header and every table, with the public structs'
 * pointers aimed inside it. The same block, pointers turned into offsets by
 * dict_relocate, is the cache file (cache.c). */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "dict_int.h"

typedef struct layout {
    uint64_t off[SEC_COUNT], count[SEC_COUNT];
    size_t size;
} layout;

static void place(layout *L, int sec, size_t count, size_t item)
{
    L->size = (L->size + 15) & ~(size_t)15;
    L->off[sec] = L->size;
    L->count[sec] = count;
    L->size += count * item;
}

static int cmp_match(const void *a, const void *b)
{
    const dict_fmatch *x = a, *y = b;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    return x->entry < y->entry ? -1 : x->entry > y->entry;
}

static int cmp_head(const void *a, const void *b)
{
    const dict_head *x = a, *y = b;
    if (x->word != y->word)
        return x->word < y->word ? -1 : 1;
    return x->verb < y->verb ? -1 : x->verb > y->verb;
}

/* memcpy with an empty (possibly NULL) source is undefined: skip it. */
static void copy(void *dst, const void *src, size_t n)
{
    if (n)
        memcpy(dst, src, n);
}

#define AT(sec, T) ((T *)(img + L.off[sec]))
#define STR(o) (img + L.off[SEC_STRINGS] + (o))

static void fill_trie(const dict_builder *b, char *img, const layout *Lp)
{
    layout L = *Lp;
    dict_node *nodes = AT(SEC_NODES, dict_node);
    dict_fmatch *m = AT(SEC_MATCHES, dict_fmatch);
    uint32_t k = 0;
    for (size_t i = 0; i < b->nodes.len; i++) {
        nodes[i].first_match = k;
        for (uint32_t j = VEC_AT(&b->nodes, uint32_t, i); j != DICT_NONE;
             j = VEC_AT(&b->matches, b_match, j).next) {
            m[k].kind = VEC_AT(&b->matches, b_match, j).kind;
            m[k].entry = VEC_AT(&b->matches, b_match, j).entry;
            k++;
        }
        nodes[i].nmatch = k - nodes[i].first_match;
        qsort(m + nodes[i].first_match, nodes[i].nmatch, sizeof *m, cmp_match);
    }
    copy(AT(SEC_EDGES, dict_edge), b->edges, b->edges_cap * sizeof(dict_edge));
    copy(AT(SEC_WHASH, uint32_t), b->whash, b->whash_cap * sizeof(uint32_t));
    /* The first step of every lookup is from the root: an array by word id
     * spares it the edge table's hash probe. */
    uint32_t *root = AT(SEC_ROOT, uint32_t);
    for (size_t w = 0; w < b->word_off.len; w++)
        root[w] = DICT_NONE;
    const dict_edge *e = (const dict_edge *)b->edges;
    for (size_t i = 0; i < b->edges_cap; i++) {
        if (e[i].parent == UINT32_MAX)
            continue;
        nodes[e[i].parent].nkids++;
        if (e[i].parent == 0 && e[i].word < b->word_off.len)
            root[e[i].word] = e[i].child;
    }
}

static void fill_actors(const dict_builder *b, char *img, const layout *Lp)
{
    layout L = *Lp;
    dict_actor_code *codes = AT(SEC_CODES, dict_actor_code);
    for (size_t i = 0; i < b->codes.len; i++) {
        const b_code *c = &VEC_AT(&b->codes, b_code, i);
        codes[i] = (dict_actor_code){c->from, c->to, STR(c->code), c->line};
    }
    dict_actor *ac = AT(SEC_ACTORS, dict_actor);
    for (size_t i = 0; i < b->actors.len; i++) {
        const b_actor *a = &VEC_AT(&b->actors, b_actor, i);
        ac[i] = (dict_actor){STR(a->name), codes + a->first_code, a->ncodes,
                             {a->file, a->line}};
    }
    dict_agent *ag = AT(SEC_AGENTS, dict_agent);
    for (size_t i = 0; i < b->agents.len; i++) {
        const b_agent *a = &VEC_AT(&b->agents, b_agent, i);
        ag[i] = (dict_agent){STR(a->name), STR(a->code), a->prefix, {a->file, a->line}};
    }
    dict_discard *dc = AT(SEC_DISCARDS, dict_discard);
    for (size_t i = 0; i < b->discards.len; i++) {
        const b_discard *d = &VEC_AT(&b->discards, b_discard, i);
        dc[i] = (dict_discard){STR(d->phrase), d->whole_story, {d->file, d->line}};
    }
    dict_issue *is = AT(SEC_ISSUES, dict_issue);
    for (size_t i = 0; i < b->issues.len; i++) {
        const b_issue *d = &VEC_AT(&b->issues, b_issue, i);
        is[i] = (dict_issue){STR(d->phrase), STR(d->code), d->negative, STR(d->category),
                             {d->file, d->line}};
    }
}

typedef struct bname {
    const char *name;
    uint32_t idx;
} bname;

static int cmp_bname(const void *a, const void *b)
{
    const bname *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->idx > y->idx) - (x->idx < y->idx);
}

/* Blocks sorted by name: order[] holds block indices, runs of one name
 * together; lead[i] is the first block of i's name, run[lead] the start of
 * its run in order[]. NULL on allocation failure (then no merging). */
static uint32_t *name_groups(const dict_builder *b, uint32_t **lead_out, uint32_t **run_out)
{
    size_t n = b->blocks.len;
    bname *s = malloc((n ? n : 1) * sizeof *s);
    uint32_t *order = malloc((n ? n : 1) * 3 * sizeof *order);
    if (!s || !order) {
        free(s);
        free(order);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        s[i] = (bname){builder_strp(b, VEC_AT(&b->blocks, b_block, i).name), (uint32_t)i};
    qsort(s, n, sizeof *s, cmp_bname);
    uint32_t *lead = order + n, *run = order + 2 * n;
    for (size_t k = 0; k < n; k++) {
        order[k] = s[k].idx;
        bool first = k == 0 || strcmp(s[k].name, s[k - 1].name) != 0;
        uint32_t l = first ? s[k].idx : lead[s[k - 1].idx];
        lead[s[k].idx] = l;
        if (first)
            run[l] = (uint32_t)k;
    }
    free(s);
    *lead_out = lead;
    *run_out = run;
    return order;
}

/* The blocks of group i (leader i): with order, the run of i's name;
 * without (no memory to sort), i alone. Writes at most n indices. */
static size_t group_members(const uint32_t *order, const uint32_t *lead, const uint32_t *run,
                            size_t n, size_t i, uint32_t *out)
{
    if (!order) {
        out[0] = (uint32_t)i;
        return 1;
    }
    size_t k = run[i], m = 0;
    while (k < n && lead[order[k]] == i)
        out[m++] = order[k++];
    return m;
}

/* PETRARCH keys patterns by block name: blocks that share a name share all
 * their patterns (file order). Patterns are laid out group by group so
 * every block's patterns are one range. */
static void fill_patterns(const dict_builder *b, char *img, const layout *Lp)
{
    layout L = *Lp;
    dict_elem *el = AT(SEC_ELEMS, dict_elem);
    dict_pattern *pt = AT(SEC_PATTERNS, dict_pattern);
    dict_block *bl = AT(SEC_BLOCKS, dict_block);
    size_t n = b->blocks.len;
    uint32_t *lead = NULL, *run = NULL, *order = name_groups(b, &lead, &run);
    uint32_t *mem = malloc((n ? n : 1) * sizeof *mem);
    if (!mem) {
        free(order);
        order = NULL;
    }
    uint32_t one, *members = mem ? mem : &one;
    uint32_t out = 0;
    for (size_t i = 0; i < n; i++) {
        if (order && lead[i] != i)
            continue;
        size_t nm = group_members(order, lead, run, n, i, members);
        uint32_t start = out;
        for (size_t g = 0; g < nm; g++) {
            const b_block *blk = &VEC_AT(&b->blocks, b_block, members[g]);
            for (uint32_t j = 0; j < blk->npatterns; j++) {
                const b_pattern *p = &VEC_AT(&b->patterns, b_pattern, blk->first_pattern + j);
                dict_word need = 0;   /* later ids are rarer words than early ones */
                for (uint32_t k = 0; k < p->nelems; k++)
                    if (el[p->first_elem + k].kind == PAT_WORD && el[p->first_elem + k].id > need)
                        need = el[p->first_elem + k].id;
                pt[out++] = (dict_pattern){el + p->first_elem, p->nelems, need, STR(p->code),
                                           p->code2 ? STR(p->code2) : NULL, p->syntax,
                                           {p->file, p->line}};
            }
        }
        for (size_t g = 0; g < nm; g++) {
            const b_block *blk = &VEC_AT(&b->blocks, b_block, members[g]);
            bl[members[g]] = (dict_block){STR(blk->name), STR(blk->code), pt + start,
                                          out - start, {blk->file, blk->line},
                                          blk->code2 ? STR(blk->code2) : NULL};
        }
    }
    free(mem);
    free(order);
}

static void fill_verbs(const dict_builder *b, char *img, const layout *Lp)
{
    layout L = *Lp;
    dict_elem *el = AT(SEC_ELEMS, dict_elem);
    copy(el, b->elems.data, b->elems.len * sizeof *el);
    fill_patterns(b, img, Lp);
    dict_block *bl = AT(SEC_BLOCKS, dict_block);
    dict_word *vw = AT(SEC_VERB_WORDS, dict_word), *vf = AT(SEC_VERB_FORMS, dict_word);
    copy(vw, b->verb_words.data, b->verb_words.len * sizeof *vw);
    copy(vf, b->verb_forms.data, b->verb_forms.len * sizeof *vf);
    dict_verb *vb = AT(SEC_VERBS, dict_verb);
    dict_head *hd = AT(SEC_HEADS, dict_head);
    size_t nh = 0;
    for (size_t i = 0; i < b->verbs.len; i++) {
        const b_verb *v = &VEC_AT(&b->verbs, b_verb, i);
        const dict_block *k = &bl[v->block];
        vb[i] = (dict_verb){STR(v->name), STR(v->code), v->block, vw + v->first_word,
                            v->nwords, v->head, k->patterns, k->npatterns,
                            {v->file, v->line}, vf + v->first_form, v->nforms,
                            v->code2 ? STR(v->code2) : NULL};
        for (uint32_t f = 0; f < v->nforms; f++)
            hd[nh++] = (dict_head){vf[v->first_form + f], (uint32_t)i};
    }
    qsort(hd, nh, sizeof *hd, cmp_head);
    dict_synset *sy = AT(SEC_SYNSETS, dict_synset);
    for (size_t i = 0; i < b->synsets.len; i++) {
        const b_synset *s = &VEC_AT(&b->synsets, b_synset, i);
        sy[i] = (dict_synset){STR(s->name), s->nmembers, {s->file, s->line}};
    }
    dict_transform *tr = AT(SEC_TRANSFORMS, dict_transform);
    for (size_t i = 0; i < b->transforms.len; i++) {
        const b_transform *t = &VEC_AT(&b->transforms, b_transform, i);
        tr[i] = (dict_transform){STR(t->text), {t->file, t->line}};
    }
}

static void fill_rest(const dict_builder *b, char *img, const layout *Lp)
{
    layout L = *Lp;
    copy(img + L.off[SEC_STRINGS], b->strings.data, b->strings.len);
    copy(AT(SEC_WORD_OFF, uint32_t), b->word_off.data, b->word_off.len * sizeof(uint32_t));
    copy(AT(SEC_FILES, uint32_t), b->files.data, b->files.len * sizeof(uint32_t));
    dict_rdiag *dg = AT(SEC_DIAGS, dict_rdiag);
    for (size_t i = 0; i < b->diags.len; i++) {
        const b_diag *d = &VEC_AT(&b->diags, b_diag, i);
        dg[i] = (dict_rdiag){d->severity, d->file, d->line, d->msg};
    }
}

dyad_dict *dict_freeze(dict_builder *b, uint64_t key, size_t source_bytes)
{
    if (b->oom)
        return NULL;
    if (!b->edges_cap && !(b->edges = calloc(3, sizeof(uint32_t))))
        return NULL;
    if (!b->edges_cap) {
        b->edges[0] = UINT32_MAX;
        b->edges_cap = 1;
    }
    if (!b->whash_cap && !(b->whash = calloc(1, sizeof(uint32_t))))
        return NULL;
    if (!b->whash_cap)
        b->whash_cap = 1;
    size_t nheads = b->verb_forms.len;
    layout L = {.size = sizeof(dict_image_header)};
    place(&L, SEC_STRINGS, b->strings.len, 1);
    place(&L, SEC_WORD_OFF, b->word_off.len, sizeof(uint32_t));
    place(&L, SEC_WHASH, b->whash_cap, sizeof(uint32_t));
    place(&L, SEC_NODES, b->nodes.len, sizeof(dict_node));
    place(&L, SEC_MATCHES, b->matches.len, sizeof(dict_fmatch));
    place(&L, SEC_EDGES, b->edges_cap, sizeof(dict_edge));
    place(&L, SEC_ACTORS, b->actors.len, sizeof(dict_actor));
    place(&L, SEC_CODES, b->codes.len, sizeof(dict_actor_code));
    place(&L, SEC_AGENTS, b->agents.len, sizeof(dict_agent));
    place(&L, SEC_BLOCKS, b->blocks.len, sizeof(dict_block));
    place(&L, SEC_VERBS, b->verbs.len, sizeof(dict_verb));
    place(&L, SEC_VERB_WORDS, b->verb_words.len, sizeof(dict_word));
    place(&L, SEC_VERB_FORMS, b->verb_forms.len, sizeof(dict_word));
    place(&L, SEC_PATTERNS, b->patterns.len, sizeof(dict_pattern));
    place(&L, SEC_ELEMS, b->elems.len, sizeof(dict_elem));
    place(&L, SEC_SYNSETS, b->synsets.len, sizeof(dict_synset));
    place(&L, SEC_DISCARDS, b->discards.len, sizeof(dict_discard));
    place(&L, SEC_ISSUES, b->issues.len, sizeof(dict_issue));
    place(&L, SEC_TRANSFORMS, b->transforms.len, sizeof(dict_transform));
    place(&L, SEC_FILES, b->files.len, sizeof(uint32_t));
    place(&L, SEC_DIAGS, b->diags.len, sizeof(dict_rdiag));
    place(&L, SEC_HEADS, nheads, sizeof(dict_head));
    place(&L, SEC_ROOT, b->word_off.len, sizeof(uint32_t));
    /* Zero padding at the end: a string can never run off the image. */
    L.size = (L.size + 16 + 15) & ~(size_t)15;
    /* The image is written once, front to back: map it with its pages
     * already present rather than take a fault per page (zeroed either way). */
    dyad_dict *d = calloc(1, sizeof *d);
    char *img = mmap(NULL, L.size, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
    if (!d || img == MAP_FAILED) {
        free(d);
        if (img != MAP_FAILED)
            munmap(img, L.size);
        return NULL;
    }
    dict_image_header *h = (dict_image_header *)img;
    h->magic = DICT_CACHE_MAGIC;
    h->format = DICT_IMAGE_FORMAT;
    h->ptr_size = (uint32_t)sizeof(void *);
    h->key = key;
    h->size = L.size;
    copy(h->off, L.off, sizeof L.off);
    copy(h->count, L.count, sizeof L.count);
    h->whash_cap = b->whash_cap;
    h->edges_cap = b->edges_cap;
    h->source_bytes = source_bytes;
    h->errors = b->errors;
    h->warnings = b->warnings;
    fill_rest(b, img, &L);
    fill_trie(b, img, &L);
    fill_actors(b, img, &L);
    fill_verbs(b, img, &L);
    d->image = img;
    d->size = L.size;
    d->mapped = 1;
    if (!dict_bind(d)) {
        munmap(img, L.size);
        free(d);
        return NULL;
    }
    return d;
}

bool dict_bind(dyad_dict *d)
{
    if (d->size < sizeof(dict_image_header))
        return false;
    const dict_image_header *h = (const dict_image_header *)d->image;
    if (h->magic != DICT_CACHE_MAGIC || h->format != DICT_IMAGE_FORMAT ||
        h->ptr_size != sizeof(void *) || h->size != d->size)
        return false;
    static const size_t item[SEC_COUNT] = {
        1, sizeof(uint32_t), sizeof(uint32_t), sizeof(dict_node), sizeof(dict_fmatch),
        sizeof(dict_edge), sizeof(dict_actor), sizeof(dict_actor_code), sizeof(dict_agent),
        sizeof(dict_block), sizeof(dict_verb), sizeof(dict_word), sizeof(dict_word),
        sizeof(dict_pattern), sizeof(dict_elem), sizeof(dict_synset), sizeof(dict_discard),
        sizeof(dict_issue), sizeof(dict_transform), sizeof(uint32_t), sizeof(dict_rdiag),
        sizeof(dict_head), sizeof(uint32_t)};
    for (int s = 0; s < SEC_COUNT; s++)
        if (h->off[s] > d->size || h->count[s] > (d->size - h->off[s]) / item[s] ||
            h->off[s] % 16)
            return false;
    if (h->count[SEC_WHASH] != h->whash_cap || h->count[SEC_EDGES] != h->edges_cap ||
        (h->whash_cap & (h->whash_cap - 1)) || (h->edges_cap & (h->edges_cap - 1)) ||
        h->count[SEC_STRINGS] == 0 || h->count[SEC_NODES] == 0 ||
        h->count[SEC_ROOT] != h->count[SEC_WORD_OFF])
        return false;
    char *img = d->image;
#define VIEW(field, sec, T) d->field = (const T *)(img + h->off[sec])
    d->h = h;
    d->strings = img + h->off[SEC_STRINGS];
    VIEW(word_off, SEC_WORD_OFF, uint32_t);
    VIEW(whash, SEC_WHASH, uint32_t);
    VIEW(nodes, SEC_NODES, dict_node);
    VIEW(matches, SEC_MATCHES, dict_fmatch);
    VIEW(edges, SEC_EDGES, dict_edge);
    VIEW(root, SEC_ROOT, uint32_t);
    VIEW(actors, SEC_ACTORS, dict_actor);
    VIEW(codes, SEC_CODES, dict_actor_code);
    VIEW(agents, SEC_AGENTS, dict_agent);
    VIEW(blocks, SEC_BLOCKS, dict_block);
    VIEW(verbs, SEC_VERBS, dict_verb);
    VIEW(verb_words, SEC_VERB_WORDS, dict_word);
    VIEW(verb_forms, SEC_VERB_FORMS, dict_word);
    VIEW(patterns, SEC_PATTERNS, dict_pattern);
    VIEW(elems, SEC_ELEMS, dict_elem);
    VIEW(synsets, SEC_SYNSETS, dict_synset);
    VIEW(discards, SEC_DISCARDS, dict_discard);
    VIEW(issues, SEC_ISSUES, dict_issue);
    VIEW(transforms, SEC_TRANSFORMS, dict_transform);
    VIEW(files, SEC_FILES, uint32_t);
    VIEW(diags, SEC_DIAGS, dict_rdiag);
    VIEW(heads, SEC_HEADS, dict_head);
#undef VIEW
    return true;
}

#define RELOC(p, T) \
    do { \
        if (p) { \
            if (check && (uintptr_t)(p) - from >= limit) \
                ok = false; \
            (p) = (T)(void *)((uintptr_t)(p) - from + to); \
        } \
    } while (0)

bool dict_relocate(dyad_dict *d, uintptr_t from, uintptr_t to, bool check)
{
    bool ok = true;
    size_t limit = d->size;
    const dict_image_header *h = d->h;
    dict_actor *ac = (dict_actor *)d->actors;
    for (size_t i = 0; i < h->count[SEC_ACTORS]; i++) {
        RELOC(ac[i].name, const char *);
        RELOC(ac[i].codes, const dict_actor_code *);
    }
    dict_actor_code *co = (dict_actor_code *)d->codes;
    for (size_t i = 0; i < h->count[SEC_CODES]; i++)
        RELOC(co[i].code, const char *);
    dict_agent *ag = (dict_agent *)d->agents;
    for (size_t i = 0; i < h->count[SEC_AGENTS]; i++) {
        RELOC(ag[i].name, const char *);
        RELOC(ag[i].code, const char *);
    }
    dict_block *bl = (dict_block *)d->blocks;
    for (size_t i = 0; i < h->count[SEC_BLOCKS]; i++) {
        RELOC(bl[i].name, const char *);
        RELOC(bl[i].code, const char *);
        RELOC(bl[i].patterns, const dict_pattern *);
        RELOC(bl[i].code2, const char *);
    }
    dict_verb *vb = (dict_verb *)d->verbs;
    for (size_t i = 0; i < h->count[SEC_VERBS]; i++) {
        RELOC(vb[i].name, const char *);
        RELOC(vb[i].code, const char *);
        RELOC(vb[i].words, const dict_word *);
        RELOC(vb[i].patterns, const dict_pattern *);
        RELOC(vb[i].forms, const dict_word *);
        RELOC(vb[i].code2, const char *);
    }
    dict_pattern *pt = (dict_pattern *)d->patterns;
    for (size_t i = 0; i < h->count[SEC_PATTERNS]; i++) {
        RELOC(pt[i].elems, const dict_elem *);
        RELOC(pt[i].code, const char *);
        RELOC(pt[i].code2, const char *);
    }
    dict_synset *sy = (dict_synset *)d->synsets;
    for (size_t i = 0; i < h->count[SEC_SYNSETS]; i++)
        RELOC(sy[i].name, const char *);
    dict_discard *dc = (dict_discard *)d->discards;
    for (size_t i = 0; i < h->count[SEC_DISCARDS]; i++)
        RELOC(dc[i].phrase, const char *);
    dict_issue *is = (dict_issue *)d->issues;
    for (size_t i = 0; i < h->count[SEC_ISSUES]; i++) {
        RELOC(is[i].phrase, const char *);
        RELOC(is[i].code, const char *);
        RELOC(is[i].category, const char *);
    }
    dict_transform *tr = (dict_transform *)d->transforms;
    for (size_t i = 0; i < h->count[SEC_TRANSFORMS]; i++)
        RELOC(tr[i].text, const char *);
    return ok;
}
