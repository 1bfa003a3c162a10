/* build.c: the dictionary builder: string pool, word interning, the phrase
 * trie under construction, and diagnostics with file:line. Readers fill it;
 * freeze.c turns it into the immutable image. Owns nothing outside the
 * builder; everything here is freed by builder_free. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "dict_int.h"
#include "../text/text.h"

void builder_init(dict_builder *b, dyad_diag_fn diag, void *ud, int strict)
{
    memset(b, 0, sizeof *b);
    arena_init(&b->scratch, 64 * 1024);
    buf_init(&b->strings);
    buf_putc(&b->strings, '\0');        /* offset 0 = "" */
    vec_init(&b->word_off, sizeof(uint32_t));
    vec_init(&b->word_hash, sizeof(uint64_t));
    vec_init(&b->nodes, sizeof(uint32_t));
    vec_init(&b->matches, sizeof(b_match));
    vec_init(&b->actors, sizeof(b_actor));
    vec_init(&b->codes, sizeof(b_code));
    vec_init(&b->agents, sizeof(b_agent));
    vec_init(&b->blocks, sizeof(b_block));
    vec_init(&b->verbs, sizeof(b_verb));
    vec_init(&b->verb_words, sizeof(dict_word));
    vec_init(&b->verb_forms, sizeof(dict_word));
    vec_init(&b->patterns, sizeof(b_pattern));
    vec_init(&b->elems, sizeof(dict_elem));
    vec_init(&b->synsets, sizeof(b_synset));
    vec_init(&b->members, sizeof(b_member));
    vec_init(&b->discards, sizeof(b_discard));
    vec_init(&b->issues, sizeof(b_issue));
    vec_init(&b->transforms, sizeof(b_transform));
    vec_init(&b->files, sizeof(uint32_t));
    vec_init(&b->diags, sizeof(b_diag));
    b->diag = diag;
    b->ud = ud;
    b->strict = strict;
    /* Word 0 is "no word"; trie node 0 is the root. */
    uint32_t *w0 = vec_push(&b->word_off);
    uint64_t *h0 = vec_push(&b->word_hash);
    uint32_t *n0 = vec_push(&b->nodes);
    if (!w0 || !h0 || !n0)
        b->oom = true;
    else
        *n0 = DICT_NONE;
}

void builder_free(dict_builder *b)
{
    arena_free(&b->scratch);
    buf_free(&b->strings);
    free(b->whash);
    free(b->edges);
    free(b->syn_index);
    vec *vs[] = {&b->word_off, &b->word_hash, &b->nodes, &b->matches, &b->actors, &b->codes,
                 &b->agents, &b->blocks, &b->verbs, &b->verb_words,
                 &b->verb_forms, &b->patterns, &b->elems, &b->synsets,
                 &b->members, &b->discards, &b->issues, &b->transforms,
                 &b->files, &b->diags};
    for (size_t i = 0; i < DYAD_COUNT(vs); i++)
        vec_free(vs[i]);
}

uint32_t builder_str(dict_builder *b, const char *s, size_t len)
{
    if (len == 0)
        return 0;
    size_t off = b->strings.len;
    if (off + len + 1 > UINT32_MAX) {
        b->oom = true;
        return 0;
    }
    buf_append(&b->strings, s, len);
    buf_putc(&b->strings, '\0');
    if (b->strings.failed) {
        b->oom = true;
        return 0;
    }
    return (uint32_t)off;
}

const char *builder_strp(const dict_builder *b, uint32_t off)
{
    return b->strings.data + off;
}

uint32_t builder_file(dict_builder *b, const char *name)
{
    uint32_t *slot = vec_push(&b->files);
    if (!slot) {
        b->oom = true;
        return 0;
    }
    *slot = builder_str(b, name, strlen(name));
    b->file = (uint32_t)(b->files.len - 1);
    b->file_name = name;
    return b->file;
}

void bdiag(dict_builder *b, dyad_severity sev, long line, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (sev == DYAD_ERROR) {
        b->errors++;
        if (b->strict)
            b->stop = true;
    } else if (sev == DYAD_WARNING) {
        b->warnings++;
    }
    /* Keep it for cache replay: a cached load reports what a source load did. */
    b_diag *d = vec_push(&b->diags);
    if (d) {
        d->severity = (uint32_t)sev;
        d->file = b->file;
        d->line = line > 0 ? (uint32_t)line : 0;
        d->msg = builder_str(b, msg, strlen(msg));
    }
    diag_emit(b->diag, b->ud, sev, b->file_name, line, -1, "%s", msg);
}

void bdup(dict_builder *b, long line, const char *fmt, ...)
{
    if (!b->pedantic) {
        b->dups++;
        return;
    }
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    bdiag(b, DYAD_WARNING, line, "%s", msg);
}

/* ---- Words ---------------------------------------------------------------- */

static bool whash_grow(dict_builder *b)
{
    size_t cap = b->whash_cap ? b->whash_cap * 2 : 64;
    uint32_t *t = calloc(cap, sizeof *t);
    if (!t)
        return false;
    for (size_t i = 1; i < b->word_off.len; i++) {
        size_t j = VEC_AT(&b->word_hash, uint64_t, i) & (cap - 1);
        while (t[j])
            j = (j + 1) & (cap - 1);
        t[j] = (uint32_t)i;
    }
    free(b->whash);
    b->whash = t;
    b->whash_cap = cap;
    return true;
}

dict_word builder_word_norm(dict_builder *b, const char *s, size_t len)
{
    if (len == 0 || b->oom)
        return 0;
    if ((b->word_off.len + 1) * 2 > b->whash_cap && !whash_grow(b)) {
        b->oom = true;
        return 0;
    }
    uint64_t h = hash_bytes(s, len);
    size_t j = h & (b->whash_cap - 1);
    while (b->whash[j]) {
        uint32_t id = b->whash[j];
        if (VEC_AT(&b->word_hash, uint64_t, id) == h) {
            const char *w = builder_strp(b, VEC_AT(&b->word_off, uint32_t, id));
            if (memcmp(w, s, len) == 0 && w[len] == '\0')
                return id;
        }
        j = (j + 1) & (b->whash_cap - 1);
    }
    uint32_t off = builder_str(b, s, len);
    uint32_t *slot = vec_push(&b->word_off);
    uint64_t *hs = vec_push(&b->word_hash);
    if (!slot || !hs || b->oom) {
        b->oom = true;
        return 0;
    }
    *slot = off;
    *hs = h;
    b->whash[j] = (uint32_t)(b->word_off.len - 1);
    return b->whash[j];
}

/* Dictionary words are mostly ASCII: upper-case those directly and leave
 * the rest (and the backquote, which the text layer folds) to
 * text_normalize so both sides meet in the same form. */
dict_word builder_word(dict_builder *b, const char *s, size_t len)
{
    char tmp[256];
    bool ascii = len < sizeof tmp;
    for (size_t i = 0; ascii && i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x21 || c > 0x7e || c == '`')
            ascii = false;
        else
            tmp[i] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
    }
    if (ascii)
        return builder_word_norm(b, tmp, len);
    buf n;
    buf_init(&n);
    if (!text_normalize(s, len, &n)) {
        buf_free(&n);
        b->oom = true;
        return 0;
    }
    for (size_t i = 0; i < n.len; i++)
        if (n.data[i] >= 'a' && n.data[i] <= 'z')
            n.data[i] = (char)(n.data[i] - 32);
    dict_word w = n.len ? builder_word_norm(b, n.data, n.len) : 0;
    buf_free(&n);
    return w;
}

const char *builder_word_str(const dict_builder *b, dict_word w)
{
    return builder_strp(b, VEC_AT(&b->word_off, uint32_t, w));
}

size_t builder_phrase(dict_builder *b, const char *s, size_t len,
                      dict_word *out, size_t max)
{
    size_t n = 0, i = 0;
    while (i < len) {
        while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '_'))
            i++;
        size_t st = i;
        while (i < len && s[i] != ' ' && s[i] != '\t' && s[i] != '_')
            i++;
        if (i > st && n == max) {
            bdiag(b, DYAD_WARNING, b->cur_line, "phrase '%.40s...' longer than %zu words; cut", s, max);
            break;
        }
        if (i > st) {
            dict_word w = builder_word(b, s + st, i - st);
            if (w)
                out[n++] = w;
        }
    }
    return n;
}

/* ---- Trie ------------------------------------------------------------------- */

static uint64_t edge_hash(uint32_t parent, uint32_t word)
{
    uint64_t k = ((uint64_t)parent << 32) | word;
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    return k;
}

static bool edges_grow(dict_builder *b)
{
    size_t cap = b->edges_cap ? b->edges_cap * 2 : 64;
    uint32_t *t = malloc(cap * 3 * sizeof *t);
    if (!t)
        return false;
    for (size_t i = 0; i < cap; i++)
        t[3 * i] = UINT32_MAX;
    for (size_t i = 0; i < b->edges_cap; i++) {
        uint32_t *e = b->edges + 3 * i;
        if (e[0] == UINT32_MAX)
            continue;
        size_t j = edge_hash(e[0], e[1]) & (cap - 1);
        while (t[3 * j] != UINT32_MAX)
            j = (j + 1) & (cap - 1);
        memcpy(t + 3 * j, e, 3 * sizeof *t);
    }
    free(b->edges);
    b->edges = t;
    b->edges_cap = cap;
    return true;
}

static uint32_t trie_child(dict_builder *b, uint32_t parent, dict_word w)
{
    if ((b->nedges + 1) * 2 > b->edges_cap && !edges_grow(b)) {
        b->oom = true;
        return DICT_NONE;
    }
    size_t j = edge_hash(parent, w) & (b->edges_cap - 1);
    for (;;) {
        uint32_t *e = b->edges + 3 * j;
        if (e[0] == UINT32_MAX)
            break;
        if (e[0] == parent && e[1] == w)
            return e[2];
        j = (j + 1) & (b->edges_cap - 1);
    }
    uint32_t *node = vec_push(&b->nodes);
    if (!node) {
        b->oom = true;
        return DICT_NONE;
    }
    *node = DICT_NONE;
    uint32_t *e = b->edges + 3 * j;
    e[0] = parent;
    e[1] = w;
    e[2] = (uint32_t)(b->nodes.len - 1);
    b->nedges++;
    return e[2];
}

uint32_t builder_add_phrase(dict_builder *b, const dict_word *w, size_t n,
                            uint32_t kind, uint32_t entry)
{
    if (n == 0 || b->oom)
        return DICT_NONE;
    uint32_t node = 0;
    for (size_t i = 0; i < n; i++) {
        node = trie_child(b, node, w[i]);
        if (node == DICT_NONE)
            return DICT_NONE;
    }
    /* The same phrase may map to the same entry twice (a plural equal to a
     * listed form); keep one. Report another entry of the same kind so
     * readers can flag duplicates. Entries of a kind arrive in increasing
     * order, so the newest match of this kind is the only one to look at:
     * no quadratic walk when thousands of entries share a phrase. */
    uint32_t other = DICT_NONE;
    for (uint32_t m = VEC_AT(&b->nodes, uint32_t, node); m != DICT_NONE;
         m = VEC_AT(&b->matches, b_match, m).next) {
        b_match *bm = &VEC_AT(&b->matches, b_match, m);
        if (bm->kind != kind)
            continue;
        if (bm->entry == entry)
            return DICT_NONE;
        other = bm->entry;
        break;
    }
    b_match *bm = vec_push(&b->matches);
    if (!bm) {
        b->oom = true;
        return other;
    }
    bm->kind = kind;
    bm->entry = entry;
    bm->next = VEC_AT(&b->nodes, uint32_t, node);
    VEC_AT(&b->nodes, uint32_t, node) = (uint32_t)(b->matches.len - 1);
    return other;
}
