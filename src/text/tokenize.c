/* tokenize.c: splits a document into tokens with byte offsets into the
 * original text, one linear pass with an ASCII class table (non-ASCII code
 * points are classified through utf8proc's tables).
 *
 * Choices (see docs in text.h):
 * - words keep inner hyphens (Al-Qaeda-linked, 48-hour) and inner
 *   apostrophes (O'Brien, don't); a final 's or ' (possessive) is split off
 *   as its own TOK_POSSESSIVE token;
 * - numbers keep decimals (2.5), thousands groups (1,000), clock times
 *   (10:30) and a trailing % (90%);
 * - abbreviations keep their period: dotted forms (U.S., D.C., p.m.),
 *   single capital initials (F.), and words in the list of words.c;
 * - runs of . (ellipsis), of ? and !, and of - are one token each;
 * - http(s) URLs are one token.
 * Records the whitespace before each token (space, line break, blank line)
 * for the sentence splitter. */
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "text_internal.h"

enum { A_SP, A_NL, A_FF, A_UP, A_LO, A_DIG, A_PUN, A_HI };

static const uint8_t acls[256] = {
    [0 ... 9] = A_SP, ['\n'] = A_NL, [11] = A_SP, ['\f'] = A_FF,
    [13 ... 32] = A_SP, ['!' ... '/'] = A_PUN, ['0' ... '9'] = A_DIG,
    [':' ... '@'] = A_PUN, ['A' ... 'Z'] = A_UP, ['[' ... '`'] = A_PUN,
    ['a' ... 'z'] = A_LO, ['{' ... '~'] = A_PUN, [127] = A_SP,
    [128 ... 255] = A_HI,
};

typedef struct tk {
    const unsigned char *s;
    size_t n;
    arena *a;
    text_toks *t;
    uint8_t gap;
} tk;

static __attribute__((noinline)) bool grow(tk *k)
{
    text_toks *t = k->t;
    size_t cap = t->cap ? t->cap * 2 : 64;
    text_token *nt = arena_alloc(k->a, cap * sizeof *nt);
    uint8_t *ng = arena_alloc(k->a, cap);
    if (!nt || !ng) {
        t->failed = true;
        return false;
    }
    if (t->n) {
        memcpy(nt, t->tok, t->n * sizeof *nt);
        memcpy(ng, t->gap, t->n);
    }
    t->tok = nt;
    t->gap = ng;
    t->cap = cap;
    return true;
}

static inline void push(tk *k, size_t b, size_t e, uint32_t flags)
{
    text_toks *t = k->t;
    if (t->n == t->cap && !grow(k))
        return;
    text_token *x = &t->tok[t->n];
    x->begin = (uint32_t)b;
    x->end = (uint32_t)e;
    x->norm = 0;
    x->norm_len = 0;
    x->flags = flags;
    t->gap[t->n++] = k->gap;
    k->gap = 0;
}

static void note_invalid(tk *k, size_t at)
{
    if (k->t->invalid++ == 0)
        k->t->first_bad = (long)at;
}

/* Class of the code point at i for word scanning. */
static cp_class class_at(const tk *k, size_t i, size_t *adv, int32_t *cp)
{
    *cp = text_utf8_decode(k->s + i, k->n - i, adv);
    return text_cp_class(*cp);
}

static bool is_wordch(const tk *k, size_t i)
{
    if (i >= k->n)
        return false;
    unsigned c = acls[k->s[i]];
    if (c == A_UP || c == A_LO || c == A_DIG)
        return true;
    if (c != A_HI)
        return false;
    size_t adv;
    int32_t cp;
    cp_class cl = class_at(k, i, &adv, &cp);
    return cl == CP_LETTER || cl == CP_DIGIT;
}

static bool is_alpha_at(const tk *k, size_t i)
{
    if (i >= k->n)
        return false;
    unsigned c = acls[k->s[i]];
    if (c == A_UP || c == A_LO)
        return true;
    if (c != A_HI)
        return false;
    size_t adv;
    int32_t cp;
    return class_at(k, i, &adv, &cp) == CP_LETTER;
}

static bool is_digit_at(const tk *k, size_t i)
{
    return i < k->n && acls[k->s[i]] == A_DIG;
}

/* Length of an apostrophe at i (' or U+2019), 0 when none. */
static inline size_t apos_len(const tk *k, size_t i)
{
    if (i < k->n && k->s[i] == '\'')
        return 1;
    if (i + 2 < k->n && k->s[i] == 0xE2 && k->s[i + 1] == 0x80 &&
        k->s[i + 2] == 0x99)
        return 3;
    return 0;
}

/* Length of a hyphen at i that may join words (- U+2010 U+2011), else 0. */
static size_t hyphen_len(const tk *k, size_t i)
{
    if (k->s[i] == '-')
        return 1;
    if (i + 2 < k->n && k->s[i] == 0xE2 && k->s[i + 1] == 0x80 &&
        (k->s[i + 2] == 0x90 || k->s[i + 2] == 0x91))
        return 3;
    return 0;
}

/* State of a word being scanned. */
typedef struct wscan {
    size_t b, i;
    int up, lo, alpha, digit;     /* whole word */
    int seg_alpha, seg_digit;     /* current segment (since a joiner) */
    int ndots;
    bool dotted;                  /* every segment <= 2 letters so far */
    bool url;
    int first;                    /* 1 upper, -1 lower, 0 not a letter */
    uint32_t flags;
} wscan;

/* Bits per ASCII byte for the word loop: upper, lower, digit. */
static const uint8_t wprop[256] = {
    ['A' ... 'Z'] = 1, ['a' ... 'z'] = 2, ['0' ... '9'] = 4,
};

/* One non-ASCII code point inside a word; false when it ends the word. */
static bool scan_high_char(tk *k, wscan *w, size_t *pi)
{
    size_t i = *pi, adv;
    int32_t cp;
    cp_class cl = class_at(k, i, &adv, &cp);
    if (cl != CP_LETTER && cl != CP_DIGIT)
        return false;
    w->flags |= TKI_NONASCII;
    if (cp < 0) {
        w->flags |= TOK_REPLACED;
        note_invalid(k, i);
    }
    if (cl == CP_DIGIT) {
        w->digit++;
        w->seg_digit++;
    } else {
        bool isup = cp >= 0 && utf8proc_isupper(cp);
        bool islo = cp >= 0 && utf8proc_islower(cp);
        w->up += isup;
        w->lo += islo;
        if (i == w->b && (isup || islo))
            w->first = isup ? 1 : -1;
        w->alpha++;
        w->seg_alpha++;
    }
    *pi = i + adv;
    return true;
}

static void scan_run(tk *k, wscan *w)
{
    const unsigned char *s = k->s;
    size_t i = w->i, n = k->n;
    for (;;) {
        size_t st = i;
        unsigned acc = 0, p;
        while (i < n && (p = wprop[s[i]]) != 0) {
            acc |= p;
            i++;
        }
        /* Counts matter only as "none", "one or two" and "all upper":
         * a run of one kind counts whole, a mixed run char by char. */
        int run = (int)(i - st);
        if (acc == 3) {               /* Upper and lower: never all caps */
            w->up++;
            w->lo += run;
            w->alpha += run;
            w->seg_alpha += run;
        } else if (acc == 1 || acc == 2 || acc == 4) {
            w->up += acc == 1 ? run : 0;
            w->lo += acc == 2 ? run : 0;
            w->digit += acc == 4 ? run : 0;
            w->seg_digit += acc == 4 ? run : 0;
            w->alpha += acc != 4 ? run : 0;
            w->seg_alpha += acc != 4 ? run : 0;
        } else if (acc) {
            for (size_t j = st; j < i; j++) {
                p = wprop[s[j]];
                w->up += p & 1;
                w->lo += (p >> 1) & 1;
                w->digit += p >> 2;
                w->seg_digit += p >> 2;
                w->alpha += (p & 3) != 0;
                w->seg_alpha += (p & 3) != 0;
            }
        }
        if (i >= n || s[i] < 0x80 || !scan_high_char(k, w, &i))
            break;
    }
    w->i = i;
}

static void new_segment(wscan *w, size_t i)
{
    if (w->seg_alpha > 2 || w->seg_digit)
        w->dotted = false;
    w->seg_alpha = w->seg_digit = 0;
    w->i = i;
}

/* Extends a URL to the next whitespace, minus trailing punctuation. */
static void scan_url(tk *k, wscan *w)
{
    size_t i = w->i;
    /* ASCII only: bytes past the URL are tokenized (and checked) as usual. */
    while (i < k->n && acls[k->s[i]] != A_SP && acls[k->s[i]] != A_NL &&
           acls[k->s[i]] != A_FF && acls[k->s[i]] != A_HI)
        i++;
    while (i > w->i && strchr(".,;:!?)\"'", k->s[i - 1]))
        i--;
    w->i = i;
    w->url = true;
}

/* A period inside a word: decimals (2.5), dotted abbreviations (U.S, p.m),
 * URLs, and a dotted abbreviation joined by a hyphen (U.S.-backed). */
static bool join_period(tk *k, wscan *w, size_t i)
{
    if (w->seg_digit && !w->seg_alpha && is_digit_at(k, i + 1)) {
        new_segment(w, i + 1);
        return true;
    }
    bool short_seg = w->dotted && w->seg_alpha && w->seg_alpha <= 2 &&
                     !w->seg_digit;
    if ((w->url || short_seg) && is_alpha_at(k, i + 1)) {
        new_segment(w, i + 1);
        w->ndots++;
        return true;
    }
    if (short_seg && w->ndots && i + 2 < k->n && k->s[i + 1] == '-' &&
        is_wordch(k, i + 2)) {
        new_segment(w, i + 2);
        w->dotted = false;
        return true;
    }
    return false;
}

/* , : @ & inside a word: 1,000, 10:30, http://..., a@b.org, AT&T. */
static bool join_symbol(tk *k, wscan *w, size_t i, unsigned char c)
{
    bool num = w->seg_digit && !w->seg_alpha && !w->alpha;
    if (c == ',' && num && is_digit_at(k, i + 1) && is_digit_at(k, i + 2) &&
        is_digit_at(k, i + 3) && !is_wordch(k, i + 4)) {
        new_segment(w, i + 1);
        return true;
    }
    if (c == ':' && num && is_digit_at(k, i + 1) && is_digit_at(k, i + 2) &&
        !is_wordch(k, i + 3)) {
        new_segment(w, i + 1);
        return true;
    }
    size_t wl = i - w->b;
    const char *ws = (const char *)k->s + w->b;
    if (c == ':' && i + 2 < k->n && k->s[i + 1] == '/' && k->s[i + 2] == '/' &&
        ((wl == 4 && !strncasecmp(ws, "http", 4)) ||
         (wl == 5 && !strncasecmp(ws, "https", 5)))) {
        w->i = i + 3;
        scan_url(k, w);
        return false;
    }
    if (c == '@' && w->alpha + w->digit && is_wordch(k, i + 1)) {
        new_segment(w, i + 1);
        w->url = true;
        return true;
    }
    if (c == '&' && i > 0 && acls[k->s[i - 1]] == A_UP && i + 1 < k->n &&
        acls[k->s[i + 1]] == A_UP) {
        new_segment(w, i + 1);
        return true;
    }
    return false;
}

/* Tries to extend the word across the joiner at w->i; false to stop. */
static bool join(tk *k, wscan *w)
{
    size_t i = w->i;
    unsigned char c = k->s[i];
    switch (c) {
    case '-': case '\'': case '.': case ',': case ':': case '@': case '&':
    case 0xE2:
        break;
    default:
        return false;                 /* the common case: a space */
    }
    size_t hl = hyphen_len(k, i), al;
    if (hl && is_wordch(k, i + hl)) {
        new_segment(w, i + hl);
        w->dotted = false;
        return true;
    }
    if ((al = apos_len(k, i)) && is_alpha_at(k, i + al)) {
        unsigned char s2 = k->s[i + al];
        if ((s2 == 's' || s2 == 'S') && !is_wordch(k, i + al + 1))
            return false;             /* possessive: split */
        new_segment(w, i + al);
        w->dotted = false;
        return true;
    }
    if (c == '.')
        return join_period(k, w, i);
    return join_symbol(k, w, i, c);
}

/* Decides whether the period at w->i belongs to the word (abbreviation). */
static uint32_t abbrev_period(tk *k, const wscan *w)
{
    size_t i = w->i, len = i - w->b;
    if (i >= k->n || k->s[i] != '.' || w->url)
        return 0;
    if (i + 1 < k->n && k->s[i + 1] == '.')
        return 0;                     /* an ellipsis follows */
    if (w->ndots && w->dotted && w->seg_alpha && w->seg_alpha <= 2 &&
        !w->seg_digit)
        return TOK_ABBREV;
    if (len == 1 && acls[k->s[w->b]] == A_UP)
        return TOK_ABBREV | TKI_INITIAL;
    if (w->flags & TKI_NONASCII || w->digit)
        return 0;
    unsigned f = text_abbrev_lookup((const char *)k->s + w->b, len);
    if (!f || ((f & ABBR_NEEDCAP) && w->first != 1))
        return 0;
    if (f & ABBR_NUM) {
        size_t j = i + 1;
        while (j < k->n && k->s[j] == ' ')
            j++;
        if (!is_digit_at(k, j))
            return 0;
    }
    return TOK_ABBREV | ((f & ABBR_TITLE) ? TKI_TITLE : 0);
}

/* Splits a possessive 's or ' after the word ending at i; returns its
 * length, 0 when none. */
static size_t possessive_len(tk *k, size_t i, bool url)
{
    size_t al = apos_len(k, i);
    if (!al || url)
        return 0;
    unsigned char s2 = i + al < k->n ? k->s[i + al] : 0;
    if ((s2 == 's' || s2 == 'S') && !is_wordch(k, i + al + 1))
        return al + 1;
    unsigned char last = k->s[i - 1];
    /* rebels' base: a bare apostrophe after s, then a word */
    if ((last == 's' || last == 'S') && i + al + 1 < k->n &&
        k->s[i + al] == ' ' && is_wordch(k, i + al + 1))
        return al;
    return 0;
}

static size_t scan_word(tk *k, size_t b)
{
    wscan w = {.b = b, .i = b, .dotted = true};
    unsigned p0 = wprop[k->s[b]];
    w.first = (p0 & 1) ? 1 : (p0 & 2) ? -1 : 0;
    for (;;) {
        scan_run(k, &w);
        if (w.url || w.i >= k->n || !join(k, &w))
            break;
    }
    if (w.i == b) {                   /* cannot happen; never loop */
        w.i = b + 1;
    }
    if (!w.url && w.i < k->n && k->s[w.i] == '%' && w.digit) {
        w.i++;
    }
    uint32_t f = w.flags | abbrev_period(k, &w);
    size_t end = w.i + ((f & TOK_ABBREV) ? 1 : 0);
    f |= w.alpha ? TOK_WORD : TOK_NUMBER;
    if (w.first == 1)
        f |= TOK_CAP;
    else if (w.first == -1)
        f |= TKI_LOWER;
    if (w.up >= 2 && w.lo == 0)
        f |= TOK_ALLCAPS;
    push(k, b, end, f);
    size_t pl = possessive_len(k, end, w.url);
    if (pl) {
        push(k, end, end + pl, TOK_POSSESSIVE | TOK_WORD |
             (pl > 2 ? TKI_NONASCII : 0));
        end += pl;
    }
    return end;
}

/* Bytes after a run of letters that may extend or split the word. */
static const bool after_word_special[256] = {
    ['-'] = true, ['\''] = true, ['.'] = true, [':'] = true, ['@'] = true,
    ['&'] = true, ['%'] = true, [128 ... 255] = true,
};

/* The common case, a word of ASCII letters and digits that starts with a
 * letter and ends in a space or plain punctuation, is pushed here; anything
 * else goes to scan_word. */
static size_t scan_plain_word(tk *k, size_t b)
{
    const unsigned char *s = k->s;
    size_t i = b, n = k->n;
    unsigned acc = 0, p;
    while (i < n && (p = wprop[s[i]]) != 0) {
        acc |= p;
        i++;
    }
    if ((i < n && after_word_special[s[i]]) || acc == 5 || acc == 7)
        return scan_word(k, b);
    uint32_t f = TOK_WORD | (acls[s[b]] == A_UP ? TOK_CAP : TKI_LOWER);
    if ((acc & 3) == 1 && i - b >= 2)
        f |= TOK_ALLCAPS;
    push(k, b, i, f);
    return i;
}

/* Open or close for a quote that has no direction of its own. */
static uint32_t quote_dir(const tk *k, size_t i, size_t len)
{
    text_toks *t = k->t;
    if (!k->gap && t->n && !(t->tok[t->n - 1].flags & TKI_OPEN))
        return TKI_CLOSE;
    size_t j = i + len;
    if (j >= k->n || acls[k->s[j]] == A_SP || acls[k->s[j]] == A_NL)
        return TKI_CLOSE;
    return TKI_OPEN;
}

static size_t run_of(const tk *k, size_t i, const char *set)
{
    size_t j = i;
    while (j < k->n && k->s[j] && strchr(set, k->s[j]))
        j++;
    return j;
}

/* Spaced ellipsis ". . ." starting at i: its end, or i when none. */
static size_t spaced_ellipsis(const tk *k, size_t i)
{
    size_t j = i, dots = 0;
    while (j < k->n && k->s[j] == '.') {
        dots++;
        if (j + 2 < k->n && k->s[j + 1] == ' ' && k->s[j + 2] == '.')
            j += 2;
        else
            break;
    }
    return dots >= 3 ? j + 1 : i;
}

static size_t scan_ascii_punct(tk *k, size_t i)
{
    unsigned char c = k->s[i];
    uint32_t f = TOK_PUNCT;
    size_t e = i + 1;
    switch (c) {
    case '.':
        e = run_of(k, i, ".");
        if (e - i == 1 && spaced_ellipsis(k, i) > i)
            e = spaced_ellipsis(k, i);
        f |= TKI_TERM | (e - i > 1 ? TKI_ELLIPSIS : 0);
        break;
    case '?': case '!':
        e = run_of(k, i, "?!");
        f |= TKI_TERM;
        break;
    case '-':
        e = run_of(k, i, "-");
        f |= TKI_DASH;
        break;
    case '"': case '`':
        if (c == '`')
            e = run_of(k, i, "`");
        f |= TOK_QUOTE | quote_dir(k, i, e - i);
        break;
    case '\'':
        f |= TOK_QUOTE | quote_dir(k, i, 1);
        break;
    case '(': case '[': case '{':
        f |= TKI_OPEN;
        break;
    case ')': case ']': case '}':
        f |= TKI_CLOSE;
        break;
    case ',': case ';': case ':':
        f |= TKI_COMMA;
        break;
    default:
        break;
    }
    push(k, i, e, f);
    return e;
}

static uint32_t quote_cp_dir(const tk *k, int32_t cp, size_t i, size_t len)
{
    switch (cp) {
    case 0x201C: case 0x2018: case 0x201E: case 0x201A: case 0xAB:
        return TKI_OPEN;
    case 0x201D: case 0x2019: case 0xBB:
        return TKI_CLOSE;
    default:
        return quote_dir(k, i, len);
    }
}

/* A non-ASCII character at i that is not part of a word. */
static size_t scan_high(tk *k, size_t i)
{
    size_t adv;
    int32_t cp;
    cp_class cl = class_at(k, i, &adv, &cp);
    uint32_t f = TOK_PUNCT | TKI_NONASCII;
    switch (cl) {
    case CP_SPACE:
        k->gap |= GAP_SPACE;
        return i + adv;
    case CP_NEWLINE:
        k->gap |= (k->gap & (GAP_NL | GAP_PARA)) ? GAP_PARA : GAP_NL;
        return i + adv;
    case CP_PARA:
        k->gap |= GAP_PARA;
        return i + adv;
    case CP_LETTER: case CP_DIGIT:
        return scan_word(k, i);
    case CP_HYPHEN: case CP_DASH:
        f |= TKI_DASH;
        break;
    case CP_DQUOTE: case CP_SQUOTE:
        f |= TOK_QUOTE | quote_cp_dir(k, cp, i, adv);
        break;
    case CP_ELLIPSIS:
        f |= TKI_TERM | TKI_ELLIPSIS;
        break;
    case CP_TERM:
        f |= TKI_TERM;
        break;
    case CP_PUNCT:
        break;
    }
    push(k, i, i + adv, f);
    return i + adv;
}

void text_tokenize(arena *a, const char *text, size_t len, text_toks *t)
{
    memset(t, 0, sizeof *t);
    t->first_bad = -1;
    tk k = {(const unsigned char *)text, len, a, t, 0};
    size_t i = 0;
    while (i < len && !t->failed) {
        switch (acls[k.s[i]]) {
        case A_SP:
            k.gap |= GAP_SPACE;
            i++;
            break;
        case A_NL:
            k.gap |= (k.gap & (GAP_NL | GAP_PARA)) ? GAP_PARA : GAP_NL;
            i++;
            break;
        case A_FF:
            k.gap |= GAP_PARA;
            i++;
            break;
        case A_UP: case A_LO:
            i = scan_plain_word(&k, i);
            break;
        case A_DIG:
            i = scan_word(&k, i);
            break;
        case A_PUN:
            i = scan_ascii_punct(&k, i);
            break;
        default:
            i = scan_high(&k, i);
            break;
        }
    }
}
