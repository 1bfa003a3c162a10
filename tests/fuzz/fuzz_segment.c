/* fuzz_segment.c: libFuzzer target for the text layer (src/text): runs
 * text_analyze, dyad_segment and text_normalize on arbitrary bytes and checks
 * the invariants other stages rely on: tokens inside the text, ordered and
 * disjoint; sentences ordered, made of consecutive tokens and covering all
 * of them; normalized forms NUL-terminated, valid UTF-8; invalid bytes
 * counted exactly as text_utf8_check counts them; dyad_segment agreeing with
 * text_analyze. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

static void count_diag(const dyad_diag *d, void *ud)
{
    size_t *n = ud;
    DYAD_ASSERT(d->message && d->offset >= 0);
    (*n)++;
}

static void check_tokens(const text_doc *d, size_t size)
{
    for (size_t i = 0; i < d->ntokens; i++) {
        const text_token *t = &d->tokens[i];
        DYAD_ASSERT(t->begin < t->end && t->end <= size);
        DYAD_ASSERT(i == 0 || d->tokens[i - 1].end <= t->begin);
        DYAD_ASSERT((size_t)t->norm + t->norm_len < d->norm_len);
        DYAD_ASSERT(d->norm[t->norm + t->norm_len] == '\0');
        DYAD_ASSERT(text_utf8_check(d->norm + t->norm, t->norm_len, NULL) == 0);
        DYAD_ASSERT((t->flags & ~(uint32_t)0x3FF) == 0);
    }
}

static void check_sentences(const text_doc *d)
{
    size_t next = 0;
    for (size_t k = 0; k < d->nsentences; k++) {
        const text_sentence *s = &d->sentences[k];
        DYAD_ASSERT(s->ntokens > 0 && s->first_token == next);
        DYAD_ASSERT(s->begin == d->tokens[s->first_token].begin);
        DYAD_ASSERT(s->end == d->tokens[s->first_token + s->ntokens - 1].end);
        DYAD_ASSERT(k == 0 || d->sentences[k - 1].end <= s->begin);
        DYAD_ASSERT(s->kind <= DYAD_SENT_DATELINE);
        for (uint32_t j = 0; j < s->ntokens; j++)
            DYAD_ASSERT(((d->tokens[next + j].flags & TOK_SENT_START) != 0) ==
                        (j == 0));
        next += s->ntokens;
    }
    DYAD_ASSERT(next == d->ntokens);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    arena a;
    arena_init(&a, 4096);
    text_doc d;
    size_t diags = 0;
    dyad_status st = text_analyze(&a, text, size, &d, count_diag, &diags,
                                  "fuzz", 1);
    DYAD_ASSERT(st == DYAD_OK);
    long first;
    size_t bad = text_utf8_check(text, size, &first);
    DYAD_ASSERT(d.invalid_bytes == bad);
    DYAD_ASSERT(diags == (bad ? 1u : 0u));
    check_tokens(&d, size);
    check_sentences(&d);

    dyad_sentence *v;
    size_t n;
    DYAD_ASSERT(dyad_segment(text, size, &v, &n) == DYAD_OK);
    DYAD_ASSERT(n == d.nsentences);
    for (size_t k = 0; k < n; k++)
        DYAD_ASSERT(v[k].begin == d.sentences[k].begin &&
                    v[k].end == d.sentences[k].end &&
                    v[k].kind == d.sentences[k].kind);
    dyad_free(v);
    arena_free(&a);

    buf b;
    buf_init(&b);
    DYAD_ASSERT(text_normalize(text, size, &b));
    DYAD_ASSERT(text_utf8_check(b.data, b.len, NULL) == 0);
    buf_free(&b);
    return 0;
}
