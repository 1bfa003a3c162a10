/* text.h: the text layer's interface to the rest of dyad: UTF-8 validation,
 * normalization for matching, sentence segmentation and tokenization.
 *
 * Every span points into the ORIGINAL document bytes; normalized forms (the
 * strings dictionaries are matched against) live in a separate buffer. The
 * caller owns the arena; nothing here allocates outside it. */
#ifndef DYAD_TEXT_H
#define DYAD_TEXT_H

#include <stdint.h>

#include "../base/base.h"

/* Tokenization choices (tokenize.c):
 * - hyphenated words are one token (Al-Qaeda-linked, 48-hour, U.S.-backed);
 *   inner apostrophes stay (O'Brien, don't); a final 's or bare ' after an
 *   s is split off as a TOK_POSSESSIVE token (Lavrov 's, rebels ');
 * - numbers keep decimals, thousands groups, clock times and a final %
 *   (2.5, 1,000, 10:30, 90%); "1990s", "2nd" are TOK_WORD;
 * - abbreviations keep their period (U.S., D.C., p.m., Gen., Jan., F.);
 * - runs of . ? ! and - are one token each (..., ?!, --); http(s) URLs and
 *   e-mail addresses are one token;
 * - whitespace includes NBSP and the other Unicode separators.
 *
 * Token flags. */
enum {
    TOK_WORD = 1u << 0,      /* letters (possibly with inner - ' .) */
    TOK_NUMBER = 1u << 1,    /* digits, decimals, 90%, 1,000 */
    TOK_PUNCT = 1u << 2,     /* punctuation mark */
    TOK_CAP = 1u << 3,       /* starts with an upper-case letter */
    TOK_ALLCAPS = 1u << 4,   /* all letters upper case, more than one */
    TOK_QUOTE = 1u << 5,     /* a quotation mark (any style, folded to ") */
    TOK_POSSESSIVE = 1u << 6,/* the 's / ' token split off a noun */
    TOK_ABBREV = 1u << 7,    /* ends in a period that is not a full stop */
    TOK_SENT_START = 1u << 8,/* first token of its sentence */
    TOK_REPLACED = 1u << 9   /* contained invalid UTF-8, replaced by U+FFFD */
};

typedef struct text_token {
    uint32_t begin, end;     /* bytes in the original text */
    uint32_t norm;           /* offset of the normalized form in text_doc.norm */
    uint32_t norm_len;
    uint32_t flags;
} text_token;

typedef struct text_sentence {
    uint32_t begin, end;     /* bytes in the original text */
    uint32_t first_token;    /* index into text_doc.tokens */
    uint32_t ntokens;
    dyad_sentence_kind kind;
} text_sentence;

/* A document after the text layer. All arrays live in the arena given to
 * text_analyze. norm holds each token's normalized form: NFKC, letters upper
 * case, curly quotes and apostrophes folded to ASCII, dashes to '-',
 * NUL-terminated per token. */
typedef struct text_doc {
    const char *text;
    size_t len;
    text_sentence *sentences;
    size_t nsentences;
    text_token *tokens;
    size_t ntokens;
    const char *norm;
    size_t norm_len;
    size_t invalid_bytes;    /* count of invalid UTF-8 bytes replaced */
} text_doc;

/* Validates, segments and tokenizes text. Invalid UTF-8 is reported through
 * diag (one warning per document: count and offset of the first bad byte;
 * file/line identify the document) and replaced by U+FFFD in the normalized
 * forms. Sentences hold consecutive tokens and together cover every token;
 * the first token of each carries TOK_SENT_START. Linear in len. Returns
 * DYAD_OK, DYAD_ENOMEM, or DYAD_ELIMIT when len (or the normalized text) is
 * 2 GiB or more. */
dyad_status text_analyze(arena *a, const char *text, size_t len, text_doc *out,
                         dyad_diag_fn diag, void *ud, const char *file,
                         long line);

/* Normalizes one string the way tokens are normalized (used by dictionary
 * readers so dictionary words and text words meet in the same form). Writes
 * into out (NUL-terminated). Returns false on allocation failure. */
bool text_normalize(const char *s, size_t len, buf *out);

/* Counts invalid UTF-8 sequences in s; stores the offset of the first in
 * *first_bad (-1 when none). */
size_t text_utf8_check(const char *s, size_t len, long *first_bad);

#endif
