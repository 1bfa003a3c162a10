/* segment.c: sentence segmentation for news prose and the text layer's
 * entry points (text_analyze, dyad_segment, dyad_sentence_kind_str).
 *
 * Works on the tokens of tokenize.c. A sentence ends at a blank line, at a
 * line break (unless the document is hard-wrapped prose), or after . ! ? or
 * an ellipsis with any closing quotes and brackets, judged by what follows:
 * abbreviations (U.S., Gen., Jan., p.m.) and initials end a sentence only
 * before a typical sentence-opening word; a lower-case continuation keeps
 * the sentence ("Why?" he asked) unless the whole document is lower case.
 * Each sentence then gets a kind: datelines ("DAMASCUS, June 8 (Reuters)
 * -") are split off the sentence they open; stand-alone lines ending in an
 * agency credit are captions; "X contributed to this report." and similar
 * are credits; short stand-alone lines without a full stop are headlines.
 * Every rule is general; none knows a particular story. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text_internal.h"

typedef struct seg {
    const char *s;
    size_t n;
    text_toks *t;
    size_t para_start; /* first token of the current paragraph */
    size_t line_start; /* first token of the current line */
    int lower_state;   /* paragraph without capitals: 1, 0, -1 unknown */
    bool wrapped;      /* hard-wrapped: single line breaks are spaces */
    int title_state;   /* line in Title Case: 1, 0, -1 unknown */
    arena *a;
    text_sentence *sv;
    size_t ns, cap;
    bool failed;
} seg;

static bool para_lower(seg *g);

/* ---- document layout ---------------------------------------------------- */

static bool line_has_end(const char *b, const char *e)
{
    while (e > b && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        e--;
    return e > b && strchr(".!?:\"')", e[-1]);
}

/* Hard-wrapped text: most lines followed by another line are long and stop
 * mid-sentence. */
static bool looks_wrapped(const char *s, size_t n)
{
    size_t cont = 0, wrapped = 0;
    const char *p = s, *end = s + n;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            break;
        const char *q = nl + 1;
        while (q < end && (*q == ' ' || *q == '\t' || *q == '\r'))
            q++;
        if (q < end && *q != '\n' && nl > p) {
            cont++;
            if (nl - p >= 40 && !line_has_end(p, nl))
                wrapped++;
        }
        p = nl + 1;
    }
    return wrapped >= 2 && wrapped * 2 >= cont;
}

/* Length of the line that ends just before offset at (bounded look-back). */
static size_t line_len_before(const seg *g, size_t at)
{
    size_t i = at, stop = at > 200 ? at - 200 : 0;
    while (i > stop && g->s[i - 1] != '\n')
        i--;
    return at - i;
}

static bool title_case(const seg *g, size_t s, size_t e, size_t *nwords);

/* Does a line break before token i end the sentence? Blank lines always do.
 * A single break does in text of short lines (titles, captions); a long
 * line that stops mid-sentence (no final punctuation, and the next line
 * goes on in lower case, or this one ends in a lower-case word or comma)
 * continues on the next line, as in hard-wrapped wire text. */
static bool line_break_before(const seg *g, size_t i)
{
    const text_toks *t = g->t;
    uint8_t gp = t->gap[i];
    if (gp & GAP_PARA)
        return true;
    if (!(gp & GAP_NL))
        return false;
    size_t alen = line_len_before(g, t->tok[i - 1].end);
    if (g->wrapped)
        return alen < 40;
    if (alen < 30 || title_case(g, g->line_start, i, NULL))
        return true;
    uint32_t a = t->tok[i - 1].flags, b = t->tok[i].flags;
    if (b & TKI_LOWER)
        return false;
    bool a_open = (a & TKI_LOWER) ||
                  ((a & TKI_COMMA) && g->s[t->tok[i - 1].begin] != ':');
    bool b_dateline = (b & TOK_ALLCAPS) && (b & TOK_WORD);
    return !a_open || b_dateline;
}

static bool at_line_start(const seg *g, size_t i)
{
    return i == 0 || (g->t->gap[i] & (GAP_NL | GAP_PARA));
}

static bool at_line_end(const seg *g, size_t e)
{
    return e >= g->t->n || (g->t->gap[e] & (GAP_NL | GAP_PARA));
}

/* ---- boundaries -------------------------------------------------------- */

static const char *tok_text(const seg *g, size_t i, size_t *len)
{
    const text_token *k = &g->t->tok[i];
    *len = k->end - k->begin;
    return g->s + k->begin;
}

static bool is_starter_tok(const seg *g, size_t i)
{
    size_t len;
    const char *w = tok_text(g, i, &len);
    return (g->t->tok[i].flags & TOK_WORD) && text_is_starter(w, len);
}

static bool abbrev_ends(const seg *g, size_t i, size_t j)
{
    uint32_t f = g->t->tok[i].flags, nf = g->t->tok[j].flags;
    if (f & TKI_TITLE)
        return false;
    if ((nf & TOK_WORD) && (nf & TOK_CAP))
        return is_starter_tok(g, j);
    if ((nf & TOK_QUOTE) && (nf & TKI_OPEN) && j + 1 < g->t->n)
        return !(f & TKI_INITIAL) && is_starter_tok(g, j + 1);
    return false;
}

/* Does the sentence end after token i, with closers up to j? */
static bool ends_here(seg *g, size_t i, size_t j)
{
    const text_toks *t = g->t;
    if (j >= t->n || (t->gap[j] & (GAP_NL | GAP_PARA)))
        return true;
    uint32_t f = t->tok[i].flags, nf = t->tok[j].flags;
    if (f & TOK_ABBREV)
        return abbrev_ends(g, i, j);
    if (!(t->gap[j] & GAP_SPACE) && !(f & TKI_NONASCII))
        return false;                 /* glued: Yahoo!News, a.b */
    if (i > 0 && (t->tok[i - 1].flags & TOK_NUMBER) && at_line_start(g, i - 1) &&
        g->s[t->tok[i].begin] == '.' && !(f & TKI_ELLIPSIS))
        return false;                 /* a list item: "1. The army ..." */
    if (f & TKI_ELLIPSIS)
        return ((nf & TOK_WORD) && (nf & TOK_CAP)) ||
               ((nf & TOK_QUOTE) && (nf & TKI_OPEN));
    if (nf & TKI_LOWER)
        return para_lower(g);
    if (nf & (TKI_COMMA | TKI_CLOSE | TOK_POSSESSIVE))
        return false;
    return true;
}

static bool is_closer(const seg *g, size_t j)
{
    return (g->t->tok[j].flags & TKI_CLOSE) &&
           !(g->t->gap[j] & (GAP_NL | GAP_PARA));
}

/* ---- kinds --------------------------------------------------------------- */

/* Token i equals the literal w, ignoring ASCII case; the length and first
 * letter are compared first because this runs on every sentence. */
static inline bool tok_is_n(const seg *g, size_t i, const char *w, size_t wl)
{
    const text_token *k = &g->t->tok[i];
    if (k->end - k->begin != wl)
        return false;
    const char *s = g->s + k->begin;
    return ((s[0] ^ w[0]) & ~0x20) == 0 && strncasecmp(s, w, wl) == 0;
}
#define tok_is(g, i, lit) tok_is_n(g, i, lit, sizeof(lit) - 1)

/* "AFP contributed to this report.", "Reporting by ...", "Copyright ...". */
static bool is_credit(const seg *g, size_t s, size_t e)
{
    if (e - s > 40)
        return false;
    size_t b = s;
    if (b < e && (g->t->tok[b].flags & TKI_OPEN))
        b++;
    if (b + 1 < e &&
        (tok_is(g, b, "reporting") || tok_is(g, b, "editing") ||
         tok_is(g, b, "writing") || tok_is(g, b, "compiled") ||
         tok_is(g, b, "additional")) &&
        (tok_is(g, b + 1, "by") || tok_is(g, b + 1, "reporting")))
        return true;
    if (b < e && (tok_is(g, b, "copyright") || tok_is(g, b, "\xC2\xA9")))
        return true;
    for (size_t i = b; i + 1 < e; i++) {
        uint32_t n = g->t->tok[i].end - g->t->tok[i].begin;
        if (n != 11 && n != 3)
            continue;
        if (tok_is(g, i, "contributed") &&
            (tok_is(g, i + 1, "reporting") ||
             (i + 3 < e && tok_is(g, i + 1, "to") &&
              (tok_is(g, i + 2, "this") || tok_is(g, i + 2, "the")) &&
              (tok_is(g, i + 3, "report") || tok_is(g, i + 3, "story") ||
               tok_is(g, i + 3, "article") || tok_is(g, i + 3, "reporting")))))
            return true;
        if (i + 2 < e && tok_is(g, i, "all") && tok_is(g, i + 1, "rights") &&
            tok_is(g, i + 2, "reserved"))
            return true;
    }
    return false;
}

static bool is_caption(const seg *g, size_t s, size_t e)
{
    size_t last = e;
    while (last > s && !(g->t->tok[last - 1].flags & (TOK_WORD | TOK_NUMBER)))
        last--;
    if (last == s)
        return false;
    last--;
    size_t len;
    const char *w = tok_text(g, last, &len);
    if (text_ends_with_agency(w, len))
        return true;
    if (text_is_agency(w, len) && last > s) {
        size_t plen;
        const char *p = tok_text(g, last - 1, &plen);
        if (plen == 1 && strchr("/|:(-", p[0]))
            return true;
        if (text_is_agency(p, plen) || tok_is(g, last - 1, "via") ||
            tok_is(g, last - 1, "by") || tok_is(g, last - 1, "credit"))
            return true;
    }
    for (size_t i = s; i + 1 < e; i++)
        if ((tok_is(g, i, "photo") || tok_is(g, i, "image") ||
             tok_is(g, i, "credit") || tok_is(g, i, "pictured")) &&
            (tok_is(g, i + 1, ":") || tok_is(g, i + 1, "by") ||
             tok_is(g, i + 1, "courtesy")))
            return true;
    return false;
}

static bool ends_with_stop(const seg *g, size_t s, size_t e)
{
    size_t i = e;
    while (i > s && (g->t->tok[i - 1].flags & TKI_CLOSE))
        i--;
    if (i == s)
        return false;
    return g->t->tok[i - 1].flags & (TKI_TERM | TOK_ABBREV);
}

/* Title Case: nearly every word capitalized, not all in capitals. With
 * nwords NULL it may stop early; otherwise it counts the words. */
static bool title_case(const seg *g, size_t s, size_t e, size_t *nwords)
{
    size_t words = 0, lower = 0, allcaps = 0;
    for (size_t j = s; j < e; j++) {
        uint32_t f = g->t->tok[j].flags;
        if (f & TOK_WORD) {
            words++;
            lower += (f & TKI_LOWER) != 0;
            allcaps += (f & TOK_ALLCAPS) != 0;
        }
        if (lower > 5 && !nwords)     /* cannot be a title of <= 25 words */
            return false;
    }
    if (nwords)
        *nwords = words;
    return words >= 3 && words <= 25 && lower * 5 <= words &&
           allcaps * 2 < words;
}

static dyad_sentence_kind kind_of(const seg *g, size_t s, size_t e)
{
    if (is_credit(g, s, e))
        return DYAD_SENT_CREDIT;
    if (!at_line_end(g, e))
        return DYAD_SENT_PROSE;
    size_t words = 0;
    bool title = at_line_start(g, s) && e - s <= 60 &&
                 title_case(g, s, e, NULL);
    if (!title && ends_with_stop(g, s, e))
        return DYAD_SENT_PROSE;
    if (is_caption(g, s, e))
        return DYAD_SENT_CAPTION;
    if (!at_line_start(g, s) || (s == 0 && e >= g->t->n))
        return DYAD_SENT_PROSE;
    if (title)
        return DYAD_SENT_HEADLINE;
    /* A sentence-case heading is short: a long unpunctuated line is prose. */
    if (e - s > 25)
        return DYAD_SENT_PROSE;
    title_case(g, s, e, &words);
    return words <= 15 ? DYAD_SENT_HEADLINE : DYAD_SENT_PROSE;
}

/* "DAMASCUS, June 8 (Reuters) -", "WASHINGTON (AP) --", "(Reuters) -":
 * returns the index after the dash, 0 when the sentence has no dateline. */
static size_t dateline_end(const seg *g, size_t s, size_t e)
{
    const text_token *tok = g->t->tok;
    size_t limit = e < s + 16 ? e : s + 16;
    bool caps = (tok[s].flags & TOK_ALLCAPS) && (tok[s].flags & TOK_WORD);
    bool agency = false;
    for (size_t d = s; d < limit; d++) {
        uint32_t f = tok[d].flags;
        if ((f & TKI_DASH) && d > s && (g->t->gap[d] & GAP_SPACE)) {
            if (!caps && !agency)
                return 0;
            for (size_t r = d + 1; r < e && r < d + 40; r++)
                if (tok[r].flags & TKI_LOWER)
                    return d + 1;
            return 0;
        }
        if (f & TOK_WORD) {
            if (!(f & TOK_CAP))
                return 0;
        } else if (f & TOK_NUMBER) {
            continue;
        } else if (f & TKI_OPEN) {
            if (d + 2 < limit && (tok[d + 1].flags & TOK_CAP) &&
                (tok[d + 2].flags & TKI_CLOSE))
                agency = true;
        } else if (!(f & (TKI_CLOSE | TKI_COMMA)) &&
                   !(tok[d].end - tok[d].begin == 1 && g->s[tok[d].begin] == '/')) {
            return 0;
        }
    }
    return 0;
}

static void push_sentence(seg *g, size_t s, size_t e, dyad_sentence_kind kind)
{
    if (g->ns == g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 32;
        text_sentence *nv = arena_alloc(g->a, cap * sizeof *nv);
        if (!nv) {
            g->failed = true;
            return;
        }
        if (g->ns)
            memcpy(nv, g->sv, g->ns * sizeof *nv);
        g->sv = nv;
        g->cap = cap;
    }
    text_sentence *x = &g->sv[g->ns++];
    x->begin = g->t->tok[s].begin;
    x->end = g->t->tok[e - 1].end;
    x->first_token = (uint32_t)s;
    x->ntokens = (uint32_t)(e - s);
    x->kind = kind;
}

static void emit(seg *g, size_t s, size_t e)
{
    const text_token *f = &g->t->tok[s];
    if (at_line_start(g, s) &&
        ((f->flags & TOK_ALLCAPS) || (f->flags & TKI_OPEN)) && !para_lower(g)) {
        size_t d = dateline_end(g, s, e);
        if (d) {
            push_sentence(g, s, d, DYAD_SENT_DATELINE);
            s = d;
        }
    }
    push_sentence(g, s, e, kind_of(g, s, e));
}

/* Lower-case mode per paragraph: with (almost) no capitals in sight, a
 * lower-case word after a full stop starts a sentence. Computed when first
 * needed, so most paragraphs are never scanned for it. */
static bool para_lower(seg *g)
{
    if (g->lower_state < 0) {
        const text_toks *t = g->t;
        size_t words = 0, caps = 0, j = g->para_start;
        do {
            uint32_t f = t->tok[j].flags;
            words += (f & TOK_WORD) != 0;
            caps += (f & TOK_WORD) && (f & TOK_CAP);
            j++;
        } while (j < t->n && !(t->gap[j] & GAP_PARA));
        g->lower_state = words > 0 && caps * 33 < words;
    }
    return g->lower_state;
}

/* A short line in Title Case (nearly every word capitalized, not all in
 * capitals) is a headline: its inner ! ? . do not split it ("'Jeopardy!'
 * Makes A Spelling Error", "State Dept. 'Studying' ..."). */
static bool line_title(seg *g)
{
    if (g->title_state < 0) {
        const text_toks *t = g->t;
        size_t i = g->line_start, j = i + 1;
        while (j < t->n && j - i <= 60 && !(t->gap[j] & (GAP_NL | GAP_PARA)))
            j++;
        g->title_state = j - i <= 60 && at_line_end(g, j) &&
                         title_case(g, i, j, NULL);
    }
    return g->title_state;
}

static void split(seg *g)
{
    const text_toks *t = g->t;
    size_t start = 0, i = 0;
    g->lower_state = g->title_state = -1;
    while (i < t->n && !g->failed) {
        if (i > start && line_break_before(g, i)) {
            emit(g, start, i);
            start = i;
        }
        if (i > 0 && (t->gap[i] & (GAP_NL | GAP_PARA))) {
            g->line_start = i;
            g->title_state = -1;
            if (t->gap[i] & GAP_PARA) {
                g->para_start = i;
                g->lower_state = -1;
            }
        }
        if ((t->tok[i].flags & (TKI_TERM | TOK_ABBREV)) && i > start &&
            !line_title(g)) {
            size_t j = i + 1;
            while (j < t->n && is_closer(g, j))
                j++;
            if (ends_here(g, i, j)) {
                emit(g, start, j);
                start = i = j;
                continue;
            }
        }
        i++;
    }
    if (start < t->n)
        emit(g, start, t->n);
}

/* An image's alt text repeated just before its caption line is part of the
 * caption ("Kerry and Lavrov" / "Kerry and LavrovReuters"). */
static void mark_alt_text(seg *g)
{
    for (size_t k = 1; k < g->ns; k++) {
        text_sentence *p = &g->sv[k - 1], *c = &g->sv[k];
        size_t pl = p->end - p->begin, cl = c->end - c->begin;
        if (c->kind == DYAD_SENT_CAPTION && p->kind == DYAD_SENT_HEADLINE &&
            pl < cl && memcmp(g->s + p->begin, g->s + c->begin, pl) == 0)
            p->kind = DYAD_SENT_CAPTION;
    }
}

/* ---- normalized forms ---------------------------------------------------- */

/* Upper-cases the ASCII letters among 8 bytes (bytes >= 0x80 unchanged). */
static inline uint64_t upper8(uint64_t w)
{
    const uint64_t hi = 0x8080808080808080ull;
    uint64_t h = w & ~hi;
    uint64_t ge_a = h + 0x1F1F1F1F1F1F1F1Full;   /* byte >= 'a' */
    uint64_t gt_z = h + 0x0505050505050505ull;   /* byte > 'z' */
    uint64_t m = ge_a & ~gt_z & ~w & hi;
    return w - (m >> 2);
}

static void normalize_tokens(arena *a, const char *text, size_t len,
                             text_toks *t, norm_out *o)
{
    o->a = a;
    /* Tokens do not overlap: ASCII text needs no more than this. */
    text_norm_reserve(o, len + t->n + 16);
    for (size_t i = 0; i < t->n && !o->failed; i++) {
        text_token *k = &t->tok[i];
        size_t at = o->len, n = k->end - k->begin;
        const char *s = text + k->begin;
        uint32_t f = k->flags;
        k->flags = f & TKI_PUBLIC;
        if (f & TOK_QUOTE) {
            text_norm_append(o, "\"", 1);
        } else if (f & TKI_DASH) {
            text_norm_append(o, "-", 1);
        } else if (f & TKI_ELLIPSIS) {
            text_norm_append(o, "...", 3);
        } else if (!(f & TKI_NONASCII) && n <= 16 && k->begin + 16 <= len &&
                   (o->cap - o->len > 16 || text_norm_reserve(o, 17))) {
            /* Most tokens: two 8-byte words upper-cased at once; the bytes
             * past the token are overwritten by the next one. */
            uint64_t w[2];
            memcpy(w, s, 16);
            w[0] = upper8(w[0]);
            w[1] = upper8(w[1]);
            memcpy(o->p + o->len, w, 16);
            o->len += n;
        } else if (!(f & TKI_NONASCII) &&
                   (o->cap - o->len > n || text_norm_reserve(o, n + 1))) {
            char *d = o->p + o->len;
            for (size_t j = 0; j < n; j++) {
                unsigned char c = (unsigned char)s[j];
                d[j] = (char)(c - ((unsigned)(c - 'a') < 26u ? 32 : 0));
            }
            o->len += n;
        } else {
            text_norm_append(o, s, n);
        }
        if (o->cap == o->len && !text_norm_reserve(o, 1))
            break;
        o->p[o->len++] = '\0';
        k->norm = (uint32_t)at;
        k->norm_len = (uint32_t)(o->len - at - 1);
    }
}

/* ---- entry points -------------------------------------------------------- */

static void mark_starts(text_toks *t, const seg *g)
{
    for (size_t k = 0; k < g->ns; k++)
        t->tok[g->sv[k].first_token].flags |= TOK_SENT_START;
}
dyad_status text_analyze(arena *a, const char *text, size_t len, text_doc *out,
                         dyad_diag_fn diag, void *ud, const char *file,
                         long line)
{
    memset(out, 0, sizeof *out);
    out->text = text;
    out->len = len;
    if (!text || len == 0)
        return DYAD_OK;
    if (len >= UINT32_MAX / 2)
        return DYAD_ELIMIT;
    text_toks t;
    text_tokenize(a, text, len, &t);
    if (t.failed)
        return DYAD_ENOMEM;
    if (t.invalid)
        diag_emit(diag, ud, DYAD_WARNING, file, line, t.first_bad,
                  "invalid UTF-8: %zu byte%s replaced by U+FFFD (first at "
                  "byte %ld)", t.invalid, t.invalid == 1 ? "" : "s",
                  t.first_bad);
    seg g = {.s = text, .n = len, .t = &t, .a = a};
    g.wrapped = looks_wrapped(text, len);
    split(&g);
    mark_alt_text(&g);
    norm_out o = {0};
    normalize_tokens(a, text, len, &t, &o);
    if (g.failed || o.failed)
        return DYAD_ENOMEM;
    if (o.len >= UINT32_MAX)
        return DYAD_ELIMIT;
    mark_starts(&t, &g);
    out->sentences = g.sv;
    out->nsentences = g.ns;
    out->tokens = t.tok;
    out->ntokens = t.n;
    out->norm = o.p;
    out->norm_len = o.len;
    out->invalid_bytes = t.invalid;
    return DYAD_OK;
}

dyad_status dyad_segment(const char *text, size_t len, dyad_sentence **out,
                         size_t *count)
{
    if (!out || !count || (!text && len))
        return DYAD_EINVAL;
    *out = NULL;
    *count = 0;
    arena a;
    arena_init(&a, 64 * 1024);
    text_doc d;
    dyad_status st = text_analyze(&a, text, len, &d, NULL, NULL, NULL, 0);
    if (st == DYAD_OK && d.nsentences) {
        dyad_sentence *v = malloc(d.nsentences * sizeof *v);
        if (!v) {
            st = DYAD_ENOMEM;
        } else {
            for (size_t i = 0; i < d.nsentences; i++) {
                v[i].begin = d.sentences[i].begin;
                v[i].end = d.sentences[i].end;
                v[i].kind = d.sentences[i].kind;
            }
            *out = v;
            *count = d.nsentences;
        }
    }
    arena_free(&a);
    return st;
}

const char *dyad_sentence_kind_str(dyad_sentence_kind kind)
{
    switch (kind) {
    case DYAD_SENT_PROSE: return "prose";
    case DYAD_SENT_HEADLINE: return "headline";
    case DYAD_SENT_CAPTION: return "caption";
    case DYAD_SENT_CREDIT: return "credit";
    case DYAD_SENT_DATELINE: return "dateline";
    }
    return "unknown";
}
