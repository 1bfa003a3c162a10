/* text_internal.h: declarations shared by the files of src/text only
 * (UTF-8 decoding, code point classes, word lists, the tokenizer). Other
 * stages use text.h. */
#ifndef DYAD_TEXT_INTERNAL_H
#define DYAD_TEXT_INTERNAL_H

#include "text.h"

/* ---- UTF-8 (utf8.c) ---------------------------------------------------- */

/* Decodes one code point at s (n > 0 bytes available). Returns it and sets
 * *adv to its length, or returns -1 with *adv = 1 for an invalid byte
 * (overlong forms, surrogates, truncated sequences, > U+10FFFF). */
int32_t text_utf8_decode(const unsigned char *s, size_t n, size_t *adv);

/* What a non-ASCII code point is to the tokenizer. */
typedef enum cp_class {
    CP_SPACE,     /* separators, BOM, zero-width space, controls */
    CP_NEWLINE,   /* NEL, LINE SEPARATOR */
    CP_PARA,      /* PARAGRAPH SEPARATOR */
    CP_LETTER,    /* letters, marks, joiners, soft hyphen, invalid bytes */
    CP_DIGIT,     /* numbers */
    CP_HYPHEN,    /* hyphens that join words (U+2010, U+2011) */
    CP_DASH,      /* other dash punctuation, minus sign */
    CP_DQUOTE,    /* double quotation marks, guillemets */
    CP_SQUOTE,    /* single quotation marks and the curly apostrophe */
    CP_ELLIPSIS,  /* U+2026 */
    CP_TERM,      /* full-width and ideographic full stops, ! and ? */
    CP_PUNCT      /* any other symbol or punctuation */
} cp_class;

cp_class text_cp_class(int32_t cp);

/* ---- Normalization (normalize.c) --------------------------------------- */

/* Growable output for normalized bytes; memory comes from the arena when
 * a is set, else from malloc (text_normalize's buf path uses buf instead). */
typedef struct norm_out {
    arena *a;
    char *p;
    size_t len, cap;
    bool failed;
} norm_out;

bool text_norm_reserve(norm_out *o, size_t extra);

/* Appends the normalized form of s[0..len) (no NUL). s may hold invalid
 * UTF-8 (each bad byte becomes U+FFFD). */
void text_norm_append(norm_out *o, const char *s, size_t len);

/* ---- Word lists (words.c) ---------------------------------------------- */

enum {
    ABBR_PLAIN = 1,   /* may end a sentence before a sentence-starter word */
    ABBR_TITLE = 2,   /* precedes a name: never ends a sentence (Gen., Mr.) */
    ABBR_NEEDCAP = 4, /* only when capitalized (Sun., Ill., Wed.) */
    ABBR_NUM = 8      /* only before a number (No. 5, Vol. 2) */
};

/* Flags of word w (ASCII, any case, without its period) in the
 * abbreviation list; 0 when absent. */
unsigned text_abbrev_lookup(const char *w, size_t len);

/* True when w (any case) is a word that commonly opens a sentence (The, He,
 * But, ...): after an abbreviation such a word signals a new sentence. */
bool text_is_starter(const char *w, size_t len);

/* True when w is a news agency or photo-credit word (Reuters, AFP, Getty,
 * Images, ...), compared case-sensitively. */
bool text_is_agency(const char *w, size_t len);

/* True when w ends in an agency name glued to a lower-case letter
 * ("LavrovReuters"), as scraped pages join a caption and its credit. */
bool text_ends_with_agency(const char *w, size_t len);

/* ---- Tokenizer (tokenize.c) --------------------------------------------- */

/* Whitespace before a token. */
enum {
    GAP_SPACE = 1,   /* some whitespace */
    GAP_NL = 2,      /* a single line break */
    GAP_PARA = 4     /* a blank line, form feed or paragraph separator */
};

/* Token flags used inside src/text only (cleared before text_analyze
 * returns). */
enum {
    TKI_NONASCII = 1u << 31,
    TKI_TERM = 1u << 30,      /* . ! ? or an ellipsis */
    TKI_ELLIPSIS = 1u << 29,
    TKI_DASH = 1u << 28,
    TKI_OPEN = 1u << 27,      /* opening quote or bracket */
    TKI_CLOSE = 1u << 26,     /* closing quote or bracket */
    TKI_LOWER = 1u << 25,     /* first letter lower case */
    TKI_TITLE = 1u << 24,     /* abbreviation that precedes a name */
    TKI_INITIAL = 1u << 23,   /* single capital letter with period */
    TKI_COMMA = 1u << 22,     /* , ; : */
    TKI_PUBLIC = (1u << 10) - 1
};

typedef struct text_toks {
    text_token *tok;
    uint8_t *gap;          /* GAP_* before each token */
    size_t n, cap;
    size_t invalid;        /* invalid UTF-8 bytes */
    long first_bad;        /* offset of the first, -1 when none */
    bool failed;
} text_toks;

/* Splits text into tokens (no normalization yet). */
void text_tokenize(arena *a, const char *text, size_t len, text_toks *t);

#endif
