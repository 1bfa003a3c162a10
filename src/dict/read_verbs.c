/* read_verbs.c: reader for verb dictionaries in both PETRARCH2 syntax
 * (CAMEO.2.0.txt: synsets, "--- NAME [CODE] ---" blocks, verb lines,
 * patterns "- pre * post (PREP ...) {MOD HEAD} [CODE]", transformations)
 * and PETRARCH-1/TABARI syntax ("- $ WORDS * ^ + %" patterns). The syntax is
 * detected per file from its patterns; both compile to dict_elem sequences.
 *
 * Owns: synsets (members go into the trie at verbs_finish), blocks, verbs
 * and their forms, patterns, transformations. Semantics follow PETRARCH's
 * PETRreader.read_verb_dictionary; differences are in docs/COMPATIBILITY.md. */
#include <stdlib.h>
#include <string.h>

#include "dict_int.h"

#define MAX_ELEMS 96
#define MAX_WORDS 32
#define MAX_FORMS 24

typedef struct vstate {
    dict_builder *b;
    uint32_t dup_of;            /* verb line: an earlier verb sharing a form */
    int dup_forms;
    uint8_t syntax;
    enum { ST_NONE, ST_SYNSET, ST_BLOCK } st;
    uint32_t synset, block;
    long bang_line;             /* first '<!' line inside the blocks */
    bool pmode;                 /* newdict.txt's "(P PREP ..." notation */
} vstate;

/* ---- Synsets -------------------------------------------------------------- */

/* Length of a synset reference: up to a blank or bracket. '_' may be part
 * of the name (&FIGHT_OF_WORDS) or join the next word (&TIETYPES_MEMOS);
 * callers try the longest known name. */
static size_t name_len(const char *s, size_t len)
{
    size_t n = 0;
    while (n < len && s[n] != ' ' && s[n] != '\t' && s[n] != '(' && s[n] != ')' &&
           s[n] != '{' && s[n] != '}' && s[n] != '*' && s[n] != '[')
        n++;
    return n;
}

/* Synset names compare in upper case, without '&' and a trailing '_'. */
static uint64_t name_hash(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        h = (h ^ (c >= 'a' && c <= 'z' ? c - 32 : c)) * 1099511628211ull;
    }
    return h;
}

static uint32_t synset_find(dict_builder *b, const char *s, size_t len)
{
    if (!b->syn_cap)
        return DICT_NONE;
    for (size_t j = name_hash(s, len) & (b->syn_cap - 1); b->syn_index[j];
         j = (j + 1) & (b->syn_cap - 1)) {
        const char *n = builder_strp(b, VEC_AT(&b->synsets, b_synset, b->syn_index[j] - 1).name);
        if (strlen(n) == len && strncasecmp(n, s, len) == 0)
            return b->syn_index[j] - 1;
    }
    return DICT_NONE;
}

static bool synset_index(dict_builder *b, uint32_t id)
{
    if ((b->synsets.len + 1) * 2 > b->syn_cap) {
        size_t cap = b->syn_cap ? b->syn_cap * 2 : 64;
        uint32_t *t = calloc(cap, sizeof *t);
        if (!t)
            return false;
        for (size_t i = 0; i < b->syn_cap; i++)
            if (b->syn_index[i]) {
                const char *n = builder_strp(b, VEC_AT(&b->synsets, b_synset, b->syn_index[i] - 1).name);
                size_t j = name_hash(n, strlen(n)) & (cap - 1);
                while (t[j])
                    j = (j + 1) & (cap - 1);
                t[j] = b->syn_index[i];
            }
        free(b->syn_index);
        b->syn_index = t;
        b->syn_cap = cap;
    }
    const char *n = builder_strp(b, VEC_AT(&b->synsets, b_synset, id).name);
    size_t j = name_hash(n, strlen(n)) & (b->syn_cap - 1);
    while (b->syn_index[j])
        j = (j + 1) & (b->syn_cap - 1);
    b->syn_index[j] = id + 1;
    return true;
}

static uint32_t synset_add(dict_builder *b, const char *s, size_t len, long line)
{
    b_synset *sy = vec_push(&b->synsets);
    if (!sy) {
        b->oom = true;
        return DICT_NONE;
    }
    char up[128];
    size_t n = len < sizeof up ? len : sizeof up - 1;
    for (size_t i = 0; i < n; i++)
        up[i] = (char)(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]);
    sy->name = builder_str(b, up, n);
    sy->file = b->file;
    sy->line = (uint32_t)line;
    if (!synset_index(b, (uint32_t)(b->synsets.len - 1))) {
        b->oom = true;
        return DICT_NONE;
    }
    return (uint32_t)(b->synsets.len - 1);
}

/* The label "&NAME_" (the '_' means: no plurals for its members). */
static void synset_label(vstate *v, const dict_line *l)
{
    dict_builder *b = v->b;
    const char *s = l->s + 1;
    size_t n = 0;
    while (n < l->len - 1 && s[n] != ' ' && s[n] != '\t')
        n++;
    bool no_plural = n && s[n - 1] == '_';
    size_t nl = no_plural ? n - 1 : n;
    if (nl == 0) {
        bdiag(b, DYAD_ERROR, l->lineno, "synset label '&' without a name");
        v->st = ST_NONE;
        return;
    }
    if (n < l->len - 1)
        bdiag(b, DYAD_WARNING, l->lineno, "text after the synset label ignored");
    uint32_t id = synset_find(b, s, nl);
    if (id == DICT_NONE)
        id = synset_add(b, s, nl, l->lineno);
    if (id == DICT_NONE)
        return;
    b_synset *sy = &VEC_AT(&b->synsets, b_synset, id);
    if (sy->defined)
        bdiag(b, DYAD_WARNING, l->lineno, "synset &%s defined again (first at line %u); "
              "members are added to it", builder_strp(b, sy->name), sy->line);
    else {
        sy->line = (uint32_t)l->lineno;
        sy->file = b->file;
    }
    sy->defined = 1;
    sy->no_plural |= no_plural;
    v->synset = id;
    v->st = ST_SYNSET;
}

static void synset_member(vstate *v, const dict_line *l)
{
    dict_builder *b = v->b;
    const char *s = l->s + 1;
    size_t n = l->len - 1;
    while (n && (s[0] == ' ' || s[0] == '\t'))
        s++, n--;
    b_member m = {.synset = v->synset, .file = b->file, .line = (uint32_t)l->lineno,
                  .ref = DICT_NONE};
    if (n && s[0] == '&') {
        size_t k = name_len(s + 1, n - 1);
        while (k && s[k] == '_')
            k--;
        m.ref = synset_find(b, s + 1, k);
        if (m.ref == DICT_NONE) {
            bdiag(b, DYAD_WARNING, l->lineno, "member &%.*s is not a synset defined in "
                  "this file; member skipped", (int)k, s + 1);
            return;
        }
    } else {
        m.no_plural = n && s[n - 1] == '_';
        dict_word w[MAX_WORDS];
        size_t nw = builder_phrase(b, s, n, w, MAX_WORDS);
        if (nw == 0) {
            bdiag(b, DYAD_ERROR, l->lineno, "empty synset member");
            return;
        }
        m.first_word = (uint32_t)b->verb_words.len;
        m.nwords = (uint32_t)nw;
        for (size_t i = 0; i < nw; i++) {
            dict_word *slot = vec_push(&b->verb_words);
            if (!slot) {
                b->oom = true;
                return;
            }
            *slot = w[i];
        }
    }
    b_member *slot = vec_push(&b->members);
    if (!slot) {
        b->oom = true;
        return;
    }
    *slot = m;
    VEC_AT(&b->synsets, b_synset, v->synset).nmembers++;
}

/* ---- Codes ---------------------------------------------------------------- */

/* Parses "[A]", "[A:B]" or "[:B]" (text between the brackets). */
static bool parse_code(dict_builder *b, long line, const char *s, size_t n,
                       uint32_t *code, uint32_t *code2)
{
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    const char *colon = memchr(s, ':', n);
    size_t a = colon ? (size_t)(colon - s) : n;
    size_t c2 = colon ? n - a - 1 : 0;
    if (n == 0 || (a == 0 && c2 == 0)) {
        bdiag(b, DYAD_ERROR, line, "empty event code []");
        return false;
    }
    for (size_t i = 0; i < n; i++)
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '[') {
            bdiag(b, DYAD_ERROR, line, "malformed event code [%.*s]", (int)n, s);
            return false;
        }
    if ((a && !dict_code_is_cameo(s, a)) || (c2 && !dict_code_is_cameo(colon + 1, c2)))
        bdiag(b, DYAD_WARNING, line, "unusual event code [%.*s] (not a CAMEO code); "
              "kept as written", (int)n, s);
    else if (b->pedantic) {
        /* Lint: well-formed but absent from the CAMEO table (1213, 1952). */
        const char *parts[2] = {s, colon ? colon + 1 : NULL};
        size_t lens[2] = {a, c2};
        for (int i = 0; i < 2; i++) {
            char c[8];
            if (!lens[i] || lens[i] >= sizeof c || (lens[i] == 3 && !memcmp(parts[i], "---", 3)))
                continue;
            memcpy(c, parts[i], lens[i]);
            c[lens[i]] = '\0';
            if (dyad_cameo_lookup(c, NULL, NULL, NULL) != 1)
                bdiag(b, DYAD_WARNING, line, "event code %s is not in the CAMEO table", c);
        }
    }
    *code = a ? builder_str(b, s, a) : builder_str(b, "---", 3);
    *code2 = colon ? (c2 ? builder_str(b, colon + 1, c2) : 0) : 0;
    return true;
}

/* Finds a trailing "[...]" code: returns its '[' or NULL. */
static const char *find_code(const char *s, size_t n, const char **close)
{
    const char *open = NULL;
    for (size_t i = n; i-- > 0;)
        if (s[i] == '[') {
            open = s + i;
            break;
        }
    if (!open)
        return NULL;
    *close = memchr(open, ']', (size_t)(s + n - open));
    return open;
}

/* ---- Blocks and verbs --------------------------------------------------------- */

static void block_header(vstate *v, const dict_line *l)
{
    dict_builder *b = v->b;
    const char *s = l->s, *e = l->s + l->len;
    while (s < e && (*s == '-' || *s == ' ' || *s == '\t'))
        s++;
    while (e > s && (e[-1] == '-' || e[-1] == ' ' || e[-1] == '\t'))
        e--;
    size_t nl = 0;
    while (s + nl < e && s[nl] != ' ' && s[nl] != '\t' && s[nl] != '[')
        nl++;
    b_block *bl = vec_push(&b->blocks);
    if (!bl) {
        b->oom = true;
        return;
    }
    bl->file = b->file;
    bl->line = (uint32_t)l->lineno;
    bl->first_pattern = (uint32_t)b->patterns.len;
    if (nl == 0)
        bdiag(b, DYAD_WARNING, l->lineno, "verb block without a name");
    bl->name = builder_str(b, s, nl);
    const char *close = NULL, *open = find_code(s, (size_t)(e - s), &close);
    uint32_t code2 = 0;
    bl->code = builder_str(b, "---", 3);
    if (!open) {
        bdiag(b, DYAD_WARNING, l->lineno, "verb block without a [code]; using [---]");
    } else if (!close) {
        bdiag(b, DYAD_ERROR, l->lineno, "unbalanced '[' in block header; using [---]");
    } else {
        uint32_t c = 0;
        if (parse_code(b, l->lineno, open + 1, (size_t)(close - open - 1), &c, &code2)) {
            bl->code = c;
            bl->code2 = code2;
        }
    }
    v->block = (uint32_t)(b->blocks.len - 1);
    v->st = ST_BLOCK;
}

/* One verb form "+ASK_FOR" / "WIRE_+TAP" / "SAY": its words and head. */
static size_t verb_words(dict_builder *b, const char *s, size_t n, dict_word *w,
                         size_t *head, int *marked)
{
    size_t nw = 0, i = 0;
    *head = 0;
    *marked = 0;
    while (i < n && nw < MAX_WORDS) {
        while (i < n && s[i] == '_')
            i++;
        bool plus = i < n && s[i] == '+';
        if (plus)
            i++;
        size_t st = i;
        while (i < n && s[i] != '_')
            i++;
        if (i > st) {
            dict_word id = builder_word(b, s + st, i - st);
            if (!id)
                continue;
            if (plus) {
                *head = nw;
                (*marked)++;
            }
            w[nw++] = id;
        }
    }
    return nw;
}

static void push_word(dict_builder *b, vec *v, dict_word w)
{
    dict_word *slot = vec_push(v);
    if (!slot)
        b->oom = true;
    else
        *slot = w;
}

/* Adds one form of verb entry `verb` to the trie and its form list. */
static void add_form(vstate *v, uint32_t verb, const dict_word *w, size_t n,
                     size_t head, long line)
{
    dict_builder *b = v->b;
    uint32_t other = builder_add_phrase(b, w, n, DICT_VERB, verb);
    push_word(b, &b->verb_forms, w[head]);
    VEC_AT(&b->verbs, b_verb, verb).nforms++;
    (void)line;
    if (other != DICT_NONE) {
        if (v->dup_forms++ == 0)
            v->dup_of = other;
    }
}

/* One warning per verb line that repeats forms of an earlier verb. */
static void report_dups(vstate *v, uint32_t verb, long line)
{
    dict_builder *b = v->b;
    if (!v->dup_forms)
        return;
    const b_verb *o = &VEC_AT(&b->verbs, b_verb, v->dup_of);
    bdup(b, line, "%d form%s of '%s' already listed for '%s' at line %u "
          "(block %s); the earlier entry comes first in lookups", v->dup_forms,
          v->dup_forms == 1 ? "" : "s", builder_strp(b, VEC_AT(&b->verbs, b_verb, verb).name),
          builder_strp(b, o->name), o->line,
          builder_strp(b, VEC_AT(&b->blocks, b_block, o->block).name));
    v->dup_forms = 0;
}

static void regular_forms(vstate *v, uint32_t verb, dict_word *w, size_t n,
                          size_t head, long line)
{
    char out[8][64];
    const char *hw = builder_word_str(v->b, w[head]);
    size_t k = inflect_verb(hw, strlen(hw), out, 8);
    dict_word saved = w[head];
    for (size_t i = 0; i < k; i++) {
        w[head] = builder_word_norm(v->b, out[i], strlen(out[i]));
        if (w[head])
            add_form(v, verb, w, n, head, line);
    }
    w[head] = saved;
}

/* "{FORM FORM ...}": the forms given explicitly. */
static void listed_forms(vstate *v, uint32_t verb, const char *s, size_t n,
                         size_t base_words, size_t base_head, long line)
{
    size_t i = 0;
    bool commas = false;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == ','))
            commas |= s[i++] == ',';
        size_t st = i;
        while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != ',')
            i++;
        if (i == st)
            continue;
        dict_word w[MAX_WORDS];
        size_t head;
        int marked;
        size_t nw = verb_words(v->b, s + st, i - st, w, &head, &marked);
        if (nw == 0)
            continue;
        if (!marked && nw == base_words)      /* "{SEEMED_CONFIDENT}": as the verb */
            head = base_head;
        if (nw != base_words)
            bdiag(v->b, DYAD_WARNING, line, "form '%.*s' has %zu words, the verb %zu",
                  (int)(i - st), s + st, nw, base_words);
        add_form(v, verb, w, nw, head, line);
    }
    if (commas)
        bdiag(v->b, DYAD_WARNING, line, "commas between {...} forms read as separators "
              "(PETRARCH takes ',' for a form)");
}

/* Length of the verb at s (before '{' or the code, n bytes). TABARI files
 * write some compound verbs with a blank ("LASH OUT"): when only words
 * follow, the blanks become '_' joins, in place. */
static size_t verb_extent(dict_builder *b, long line, char *s, size_t n)
{
    size_t wl = 0;
    while (wl < n && s[wl] != ' ' && s[wl] != '\t')
        wl++;
    size_t end = n;
    while (end > wl && (s[end - 1] == ' ' || s[end - 1] == '\t'))
        end--;
    if (end == wl)
        return wl;
    for (size_t i = wl; i < end; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!(c == ' ' || c == '\t' || c == '_' || c == '+' || c == '-' || c == '\'' ||
              (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80))
            return wl;
    }
    bdiag(b, DYAD_WARNING, line, "verb '%.*s' written with blanks: read as one compound "
          "verb (PETRARCH makes each word a verb of the block)", (int)end, s);
    for (size_t i = 0; i < end; i++)
        if (s[i] == ' ' || s[i] == '\t')
            s[i] = '_';
    return end;
}

/* Warns about text between the verb and '{' (or the code), and after '}'. */
static void verb_leftovers(dict_builder *b, long line, const char *p, const char *pend,
                           const char *q, const char *qend)
{
    for (; p < pend; p++)
        if (*p != ' ' && *p != '\t') {
            bdiag(b, DYAD_WARNING, line, "text after the verb ignored: '%.*s'",
                  (int)(pend - p), p);
            break;
        }
    for (; q && q < qend; q++)
        if (*q != ' ' && *q != '\t') {
            bdiag(b, DYAD_WARNING, line, *q == ';' ? "';' comment after '}' ignored"
                  " (TABARI comment syntax)" : "text after '}' ignored");
            break;
        }
}

static void verb_line(vstate *v, const dict_line *l)
{
    dict_builder *b = v->b;
    if (v->block == DICT_NONE) {
        bdiag(b, DYAD_ERROR, l->lineno, "verb '%s' outside a '--- NAME [CODE] ---' block", l->s);
        return;
    }
    char *s = l->s;
    size_t n = l->len;
    /* Own code at the end. */
    const b_block *blk = &VEC_AT(&b->blocks, b_block, v->block);
    uint32_t code = blk->code, code2 = blk->code2;
    const char *close = NULL, *open = find_code(s, n, &close);
    if (open) {
        if (!close) {
            bdiag(b, DYAD_ERROR, l->lineno, "unbalanced '[' in verb line; line skipped");
            return;
        }
        if (!parse_code(b, l->lineno, open + 1, (size_t)(close - open - 1), &code, &code2))
            return;
        n = (size_t)(open - s);
    }
    const char *lb = memchr(s, '{', n), *rb = memchr(s, '}', n);
    if ((lb && !rb) || (rb && !lb) || (lb && rb < lb)) {
        bdiag(b, DYAD_ERROR, l->lineno, "unbalanced '{' '}' in verb line; line skipped");
        return;
    }
    size_t wl = verb_extent(b, l->lineno, s, (size_t)((lb ? lb : s + n) - s));
    verb_leftovers(b, l->lineno, s + wl, lb ? lb : s + n, rb ? rb + 1 : NULL, s + n);
    dict_word w[MAX_WORDS];
    size_t head;
    int marked;
    size_t nw = verb_words(b, s, wl, w, &head, &marked);
    if (nw == 0) {
        bdiag(b, DYAD_ERROR, l->lineno, "verb line without a verb");
        return;
    }
    if (nw > 1 && marked == 0)
        bdiag(b, DYAD_WARNING, l->lineno, "compound verb '%.*s' without a '+' on its "
              "verb; taking the first word", (int)wl, s);
    else if (marked > 1)
        bdiag(b, DYAD_WARNING, l->lineno, "compound verb '%.*s' has %d '+' marks; "
              "taking the last", (int)wl, s, marked);
    b_verb *vb = vec_push(&b->verbs);
    if (!vb) {
        b->oom = true;
        return;
    }
    uint32_t id = (uint32_t)(b->verbs.len - 1);
    vb->name = builder_str(b, s, wl);
    vb->code = code;
    vb->code2 = code2;
    vb->block = v->block;
    vb->first_word = (uint32_t)b->verb_words.len;
    vb->nwords = (uint32_t)nw;
    vb->head = (uint32_t)head;
    vb->first_form = (uint32_t)b->verb_forms.len;
    vb->file = b->file;
    vb->line = (uint32_t)l->lineno;
    for (size_t i = 0; i < nw; i++)
        push_word(b, &b->verb_words, w[i]);
    v->dup_forms = 0;
    add_form(v, id, w, nw, head, l->lineno);
    if (lb)
        listed_forms(v, id, lb + 1, (size_t)(rb - lb - 1), nw, head, l->lineno);
    else
        regular_forms(v, id, w, nw, head, l->lineno);
    report_dups(v, id, l->lineno);
}

/* ---- Patterns ------------------------------------------------------------------ */

typedef struct pstate {
    dict_elem e[MAX_ELEMS];
    size_t n;
    int verbs, paren, brace;
    size_t brace_start;
    bool adjacent, bad;
} pstate;

static void pat_push(vstate *v, pstate *p, long line, uint8_t kind, uint32_t id)
{
    if (p->n >= MAX_ELEMS) {
        if (!p->bad)
            bdiag(v->b, DYAD_ERROR, line, "pattern longer than %d elements; skipped", MAX_ELEMS);
        p->bad = true;
        return;
    }
    p->e[p->n].kind = kind;
    p->e[p->n].flags = p->adjacent ? PATF_ADJACENT : 0;
    p->e[p->n].id = id;
    p->n++;
    p->adjacent = false;
}

static void pat_close_group(vstate *v, pstate *p, long line)
{
    if (p->brace == 0) {
        bdiag(v->b, DYAD_WARNING, line, "unbalanced '}' in pattern; pattern skipped");
        p->bad = true;
        return;
    }
    p->brace--;
    /* The last word of {...} is the head of the noun phrase. */
    for (size_t i = p->n; i-- > p->brace_start;)
        if (p->e[i].kind == PAT_WORD || p->e[i].kind == PAT_SYNSET) {
            p->e[i].flags |= PATF_HEAD;
            break;
        }
    pat_push(v, p, line, PAT_GROUP_END, 0);
}

static void pat_token(vstate *v, pstate *p, long line, const char *s, size_t n)
{
    dict_builder *b = v->b;
    if (n == 1 && strchr("$+%^", s[0])) {
        static const uint8_t k[] = {PAT_SOURCE, PAT_TARGET, PAT_COMPOUND, PAT_SKIP};
        pat_push(v, p, line, k[strchr("$+%^", s[0]) - "$+%^"], 0);
        return;
    }
    dict_word w = builder_word(b, s, n);
    if (w)
        pat_push(v, p, line, PAT_WORD, w);
}

/* "&NAME" at s[i]: the longest known synset name, cut at a '_'. Returns the
 * index after it. */
static size_t pat_synset(vstate *v, pstate *p, long line, const char *s, size_t i,
                         size_t end)
{
    size_t tok = name_len(s + i + 1, end - i - 1);
    for (size_t cut = tok; cut > 0; cut--) {
        if (cut != tok && s[i + 1 + cut] != '_')
            continue;
        uint32_t id = synset_find(v->b, s + i + 1, cut);
        if (id != DICT_NONE) {
            pat_push(v, p, line, PAT_SYNSET, id);
            return i + 1 + cut;
        }
    }
    bdiag(v->b, DYAD_WARNING, line, "undefined synset &%.*s; pattern skipped "
          "(PETRARCH skips it too)", (int)tok, s + i + 1);
    p->bad = true;
    return end;
}

/* One of ( ) { } * at s[i]; returns the index after it. */
static size_t pat_bracket(vstate *v, pstate *p, long line, const char *s, size_t i,
                          size_t end)
{
    char c = s[i++];
    if (c == '(') {
        if (v->pmode && i + 1 < end && s[i] == 'P' && (s[i + 1] == ' ' || s[i + 1] == '\t')) {
            /* "(P OF ...": the phrase ends at the next "(P", a ')' or the code. */
            i++;
            if (p->paren) {
                p->paren--;
                pat_push(v, p, line, PAT_PREP_END, 0);
            }
        }
        p->paren++;
        pat_push(v, p, line, PAT_PREP_BEGIN, 0);
    } else if (c == ')') {
        /* A stray ')' after a complete pattern (CAMEO.2.0.txt has "(WITH
         * VISIT) VISIT)") is dropped; the rest stands. */
        if (p->paren == 0)
            bdiag(v->b, DYAD_WARNING, line, "stray ')' in pattern ignored");
        else {
            p->paren--;
            pat_push(v, p, line, PAT_PREP_END, 0);
        }
    } else if (c == '{') {
        if (p->brace++)
            bdiag(v->b, DYAD_WARNING, line, "nested '{' in pattern");
        p->brace_start = p->n;
        pat_push(v, p, line, PAT_GROUP_BEGIN, 0);
    } else if (c == '}') {
        pat_close_group(v, p, line);
    } else {
        p->verbs++;
        pat_push(v, p, line, PAT_VERB, 0);
    }
    return i;
}

/* The pattern body s[0, end) into elements; blanks separate, '_' joins. */
static void pat_scan(vstate *v, pstate *p, long line, const char *s, size_t end)
{
    size_t i = 0;
    while (i < end && !p->bad) {
        char c = s[i];
        if (c == ' ' || c == '\t') {
            p->adjacent = false;
            i++;
        } else if (c == '_') {
            p->adjacent = p->n > 0;
            i++;
        } else if (strchr("(){}*", c)) {
            i = pat_bracket(v, p, line, s, i, end);
        } else if (c == '&') {
            i = pat_synset(v, p, line, s, i, end);
        } else {
            size_t st = i;
            while (i < end && !strchr(" \t_(){}*", s[i]))
                i++;
            pat_token(v, p, line, s + st, i - st);
        }
    }
    while (v->pmode && p->paren && !p->bad) {
        p->paren--;
        pat_push(v, p, line, PAT_PREP_END, 0);
    }
}

static void pat_store(vstate *v, const pstate *p, long line, uint32_t code, uint32_t code2)
{
    dict_builder *b = v->b;
    b_pattern *pt = vec_push(&b->patterns);
    if (!pt) {
        b->oom = true;
        return;
    }
    pt->first_elem = (uint32_t)b->elems.len;
    pt->nelems = (uint32_t)p->n;
    pt->code = code;
    pt->code2 = code2;
    pt->syntax = v->syntax;
    pt->file = b->file;
    pt->line = (uint32_t)line;
    for (size_t k = 0; k < p->n; k++) {
        dict_elem *slot = vec_push(&b->elems);
        if (!slot) {
            b->oom = true;
            return;
        }
        *slot = p->e[k];
    }
    VEC_AT(&b->blocks, b_block, v->block).npatterns++;
}

static void pattern_line(vstate *v, const dict_line *l)
{
    dict_builder *b = v->b;
    if (v->block == DICT_NONE) {
        bdiag(b, DYAD_ERROR, l->lineno, "pattern outside a '--- NAME [CODE] ---' block");
        return;
    }
    const char *s = l->s + 1;
    size_t n = l->len - 1;
    const char *close = NULL, *open = find_code(s, n, &close);
    if (!open || !close) {
        bdiag(b, open ? DYAD_ERROR : DYAD_WARNING, l->lineno,
              open ? "unbalanced '[' in pattern; skipped" : "pattern without a [code]; skipped");
        return;
    }
    for (const char *q = close + 1; q < s + n; q++)
        if (*q != ' ' && *q != '\t') {
            bdiag(b, DYAD_WARNING, l->lineno, "text after the code ignored");
            break;
        }
    uint32_t code, code2;
    if (!parse_code(b, l->lineno, open + 1, (size_t)(close - open - 1), &code, &code2))
        return;
    pstate p = {0};
    pat_scan(v, &p, l->lineno, s, (size_t)(open - s));
    if (p.bad)
        return;
    if (p.paren || p.brace) {
        bdiag(b, DYAD_ERROR, l->lineno, "unbalanced '%c' in pattern; skipped",
              p.paren ? '(' : '{');
        return;
    }
    if (p.verbs != 1) {
        bdiag(b, DYAD_WARNING, l->lineno, p.verbs ? "pattern with more than one '*'; skipped"
                                                  : "pattern without '*' (the verb); skipped");
        return;
    }
    pat_store(v, &p, l->lineno, code, code2);
}

static void transform_line(vstate *v, const dict_line *l)
{
    dict_builder *b = v->b;
    b_transform *t = vec_push(&b->transforms);
    if (!t) {
        b->oom = true;
        return;
    }
    const char *s = l->s + 1;
    while (*s == ' ' || *s == '\t')
        s++;
    t->text = builder_str(b, s, strlen(s));
    t->file = b->file;
    t->line = (uint32_t)l->lineno;
    if (!strchr(s, '='))
        bdiag(b, DYAD_WARNING, l->lineno, "transformation without '='");
}

/* ---- File ------------------------------------------------------------------------ */

/* Pre-pass: synset labels (so patterns may use synsets defined later) and
 * the pattern syntax: PETRARCH2 patterns use ( ) and { }, TABARI ones the
 * $ + % ^ markers. */
static void prescan(vstate *v, const char *data, size_t len)
{
    size_t p2 = 0, p1 = 0, pp = 0, pats = 0;
    const char *p = data, *end = data + len;
    long line = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        line++;
        if (p < e && *p == '&') {
            size_t k = 0;
            while (p + 1 + k < e && p[1 + k] != ' ' && p[1 + k] != '\t' && p[1 + k] != '\r' &&
                   p[1 + k] != '#')
                k++;
            while (k && p[k] == '_')
                k--;
            if (k && synset_find(v->b, p + 1, k) == DICT_NONE)
                synset_add(v->b, p + 1, k, line);
        } else if (e - p > 1 && p[0] == '-' && p[1] != '-') {
            bool p2line = false, p1line = false;
            for (const char *q = p + 1; q < e && *q != '#' && *q != '['; q++) {
                if (*q == '(' || *q == '{')
                    p2line = true;
                else if (strchr("$+%^", *q) && (q[-1] == ' ' || q[-1] == '_') &&
                         (q + 1 == e || q[1] == ' ' || q[1] == '_' || q[1] == '\t'))
                    p1line = true;
            }
            p2 += p2line;
            p1 += p1line;
            pats++;
            for (const char *q = p + 1; q + 2 < e; q++)
                if (q[0] == '(' && q[1] == 'P' && q[2] == ' ') {
                    pp++;
                    break;
                }
        }
        p = nl ? nl + 1 : end;
    }
    v->syntax = p1 > p2 ? DICT_SYNTAX_P1 : DICT_SYNTAX_P2;
    v->pmode = pp * 10 > pats;
}

void read_verbs(dict_builder *b, const char *data, size_t len)
{
    vstate v = {.b = b, .block = DICT_NONE, .synset = DICT_NONE};
    prescan(&v, data, len);
    if (v.pmode)
        bdiag(b, DYAD_NOTE, 0, "patterns use the '(P PREP ...' notation: a phrase ends at "
              "the next '(P', a ')' or the code");
    line_reader r;
    line_reader_init(&r, b, data, len);
    dict_line l;
    long bangs = 0;
    while (line_next(&r, &l) && !b->oom) {
        if (r.bang_lines != bangs && v.block != DICT_NONE && !v.bang_line)
            v.bang_line = r.last_bang;
        bangs = r.bang_lines;
        if (l.len >= 3 && memcmp(l.s, "---", 3) == 0)
            block_header(&v, &l);
        else if (l.s[0] == '-')
            pattern_line(&v, &l);
        else if (l.s[0] == '&')
            synset_label(&v, &l);
        else if (l.s[0] == '~')
            transform_line(&v, &l);
        else if (l.s[0] == '+' && v.st == ST_SYNSET)
            synset_member(&v, &l);
        else if (v.st == ST_SYNSET && v.block == DICT_NONE)
            bdiag(b, DYAD_ERROR, l.lineno, "line in a synset does not start with '+'");
        else
            verb_line(&v, &l);
    }
    if (v.bang_line)
        bdiag(b, DYAD_WARNING, v.bang_line, "line starting '<!' among the verb blocks: "
              "PETRARCH2 ignores every pattern after such a line; dyad reads it as a "
              "comment and keeps the patterns");
    line_reader_free(&r);
}

/* ---- Synset members into the trie ----------------------------------------------- */

/* One member's phrase (and its plural) for synset. */
static void member_phrase(dict_builder *b, uint32_t synset, const b_member *m,
                          bool no_plural)
{
    dict_word w[MAX_WORDS];
    memcpy(w, &VEC_AT(&b->verb_words, dict_word, m->first_word), m->nwords * sizeof *w);
    builder_add_phrase(b, w, m->nwords, DICT_SYNSET, synset);
    if (no_plural || m->no_plural)
        return;
    /* The plural of a phrase is the plural of its last word. */
    char out[4][64];
    const char *lw = builder_word_str(b, w[m->nwords - 1]);
    size_t k = inflect_plural(lw, strlen(lw), out, 4);
    for (size_t j = 0; j < k; j++) {
        w[m->nwords - 1] = builder_word_norm(b, out[j], strlen(out[j]));
        if (w[m->nwords - 1])
            builder_add_phrase(b, w, m->nwords, DICT_SYNSET, synset);
    }
}

/* A member naming another synset (TABARI) brings in that synset's
 * members, nested a few levels at most. */
static void nested_members(dict_builder *b, uint32_t synset, uint32_t from,
                           bool no_plural, int depth)
{
    for (size_t i = 0; i < b->members.len; i++) {
        const b_member *m = &VEC_AT(&b->members, b_member, i);
        if (m->synset != from)
            continue;
        if (m->ref == DICT_NONE)
            member_phrase(b, synset, m, no_plural);
        else if (depth < 4)
            nested_members(b, synset, m->ref,
                           no_plural || VEC_AT(&b->synsets, b_synset, m->ref).no_plural,
                           depth + 1);
    }
}

void verbs_finish(dict_builder *b)
{
    for (size_t i = 0; i < b->members.len; i++) {
        const b_member *m = &VEC_AT(&b->members, b_member, i);
        bool np = VEC_AT(&b->synsets, b_synset, m->synset).no_plural;
        if (m->ref == DICT_NONE)
            member_phrase(b, m->synset, m, np);
        else
            nested_members(b, m->synset, m->ref,
                           np || VEC_AT(&b->synsets, b_synset, m->ref).no_plural, 1);
    }
}
