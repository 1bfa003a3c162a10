/* lexicon.c: the part-of-speech lexicon (word classes and irregular verb
 * forms from WordNet, generated at build time into lexicon.inc) and the
 * closed-class words the tagger knows by heart. Owns the lookup table that
 * each coder builds once over the static rows. */
#include <stdlib.h>
#include <string.h>

#include "parse.h"

typedef struct lex_row {
    const char *w;
    unsigned cls;
    const char *base;
} lex_row;

static const lex_row lex_rows[] = {
#include "lexicon.inc"
};

/* Open addressing over row indexes; each slot keeps the key's hash and
 * length so a probe rarely touches the string. */
typedef struct lex_slot {
    uint32_t row;      /* row index + 1; 0 = empty */
    uint32_t hash;
    uint32_t len;
} lex_slot;

struct parse_lexicon {
    lex_slot *slots;
    size_t mask;
};

parse_lexicon *parse_lexicon_new(void)
{
    parse_lexicon *lx = calloc(1, sizeof *lx);
    if (!lx)
        return NULL;
    size_t n = DYAD_COUNT(lex_rows), cap = 1;
    while (cap < n * 2)
        cap <<= 1;
    lx->slots = calloc(cap, sizeof *lx->slots);
    if (!lx->slots) {
        free(lx);
        return NULL;
    }
    lx->mask = cap - 1;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(lex_rows[i].w);
        uint64_t hv = hash_bytes(lex_rows[i].w, len);
        size_t h = hv & lx->mask;
        while (lx->slots[h].row)
            h = (h + 1) & lx->mask;
        lx->slots[h] = (lex_slot){(uint32_t)i + 1, (uint32_t)(hv >> 32), (uint32_t)len};
    }
    return lx;
}

void parse_lexicon_free(parse_lexicon *lx)
{
    if (!lx)
        return;
    free(lx->slots);
    free(lx);
}

unsigned parse_lexicon_get(const parse_lexicon *lx, const char *w, size_t len,
                           const char **base)
{
    if (base)
        *base = NULL;
    if (!lx || len == 0 || len > 24)
        return 0;
    uint64_t hv = hash_bytes(w, len);
    uint32_t hi = (uint32_t)(hv >> 32);
    for (size_t h = hv & lx->mask; lx->slots[h].row; h = (h + 1) & lx->mask) {
        const lex_slot *sl = &lx->slots[h];
        if (sl->hash != hi || sl->len != len)
            continue;
        const lex_row *row = &lex_rows[sl->row - 1];
        if (!memcmp(row->w, w, len)) {
            if (base)
                *base = row->base;
            return row->cls;
        }
    }
    return 0;
}
