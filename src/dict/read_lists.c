/* read_lists.c: readers for the three simple dictionaries: agents
 * ("PHRASE {PLURAL} [~CODE]" with !MARKER! substitutions), discards
 * ("PHRASE", "+PHRASE" for the whole story) and issues ("<ISSUE
 * CATEGORY=...>" sections of "phrase [CODE]", with n: v: + expansions and
 * '~' / '~~' exclusions). Owns their tables and trie phrases. */
#include <string.h>

#include "dict_int.h"

#define MAX_WORDS 32

static void trim(const char **s, size_t *n)
{
    while (*n && (**s == ' ' || **s == '\t'))
        (*s)++, (*n)--;
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
        (*n)--;
}

/* Adds phrase s (words split on blanks and '_') for (kind, entry); reports
 * a duplicate of another entry of the same kind. */
static void add_phrase(dict_builder *b, long line, const char *s, size_t n,
                       uint32_t kind, uint32_t entry, bool report_dup)
{
    dict_word w[MAX_WORDS];
    size_t nw = builder_phrase(b, s, n, w, MAX_WORDS);
    if (nw == 0) {
        bdiag(b, DYAD_ERROR, line, "empty phrase");
        return;
    }
    uint32_t other = builder_add_phrase(b, w, nw, kind, entry);
    if (other != DICT_NONE && report_dup)
        bdup(b, line, "duplicate entry '%.*s'", (int)n, s);
}

/* ---- Agents -------------------------------------------------------------- */

typedef struct marker {
    char name[32];
    uint32_t first, n;          /* strings in the scratch list */
} marker;

typedef struct agstate {
    dict_builder *b;
    marker m[32];
    size_t nm;
    vec subst;                  /* uint32 string offsets */
} agstate;

static void define_marker(agstate *a, const dict_line *l)
{
    const char *s = strchr(l->s, '!'), *e = s ? strchr(s + 1, '!') : NULL;
    const char *eq = e ? strchr(e, '=') : NULL;
    if (!eq || e - s - 1 <= 0 || e - s - 1 >= 32) {
        bdiag(a->b, DYAD_ERROR, l->lineno, "substitution marker badly defined "
              "(want !NAME! = A, B, C)");
        return;
    }
    if (a->nm == DYAD_COUNT(a->m)) {
        bdiag(a->b, DYAD_ERROR, l->lineno, "too many substitution markers");
        return;
    }
    marker *m = &a->m[a->nm++];
    memcpy(m->name, s + 1, (size_t)(e - s - 1));
    m->name[e - s - 1] = '\0';
    m->first = (uint32_t)a->subst.len;
    m->n = 0;
    const char *p = eq + 1;
    while (*p) {
        const char *c = strchr(p, ',');
        size_t n = c ? (size_t)(c - p) : strlen(p);
        const char *t = p;
        trim(&t, &n);
        uint32_t *slot = vec_push(&a->subst);
        if (!slot) {
            a->b->oom = true;
            return;
        }
        *slot = builder_str(a->b, t, n);
        m->n++;
        p = c ? c + 1 : p + strlen(p);
    }
}

static const marker *find_marker(const agstate *a, const char *s, size_t n)
{
    for (size_t i = 0; i < a->nm; i++)
        if (strlen(a->m[i].name) == n && strncmp(a->m[i].name, s, n) == 0)
            return &a->m[i];
    return NULL;
}

static bool agent_code(dict_builder *b, long line, const char *s, size_t n, b_agent *ag)
{
    trim(&s, &n);
    if (n == 0 || (n == 1 && s[0] == '~')) {
        bdiag(b, DYAD_ERROR, line, "empty agent code");
        return false;
    }
    if (s[0] == '~') {
        ag->code = builder_str(b, s + 1, n - 1);
    } else if (s[n - 1] == '~') {
        ag->code = builder_str(b, s, n - 1);
        ag->prefix = 1;
    } else {
        bdiag(b, DYAD_WARNING, line, "agent code [%.*s] without '~'; appended as [~%.*s]",
              (int)n, s, (int)n, s);
        ag->code = builder_str(b, s, n);
    }
    for (size_t i = 0; i < n; i++)
        if (s[i] == ' ' || s[i] == '[' || s[i] == ']') {
            bdiag(b, DYAD_ERROR, line, "malformed agent code [%.*s]", (int)n, s);
            return false;
        }
    return true;
}

static void agent_plural(dict_builder *b, long line, const char *s, size_t n, uint32_t entry)
{
    dict_word w[MAX_WORDS];
    size_t nw = builder_phrase(b, s, n, w, MAX_WORDS);
    if (nw == 0)
        return;
    char out[4][64];
    const char *lw = builder_word_str(b, w[nw - 1]);
    size_t k = inflect_plural(lw, strlen(lw), out, 4);
    for (size_t j = 0; j < k; j++) {
        w[nw - 1] = builder_word_norm(b, out[j], strlen(out[j]));
        if (w[nw - 1])
            builder_add_phrase(b, w, nw, DICT_AGENT, entry);
    }
    (void)line;
}

static void agent_marked(agstate *a, long line, const char *s, size_t n, uint32_t entry)
{
    const char *p = memchr(s, '!', n);
    const char *q = p ? memchr(p + 1, '!', (size_t)(s + n - p - 1)) : NULL;
    if (!q) {
        bdiag(a->b, DYAD_ERROR, line, "substitution marker without its closing '!'");
        return;
    }
    const marker *m = find_marker(a, p + 1, (size_t)(q - p - 1));
    if (!m) {
        bdiag(a->b, DYAD_ERROR, line, "substitution marker !%.*s! is not defined; line "
              "skipped", (int)(q - p - 1), p + 1);
        return;
    }
    for (uint32_t i = 0; i < m->n; i++) {
        const char *sub = builder_strp(a->b, VEC_AT(&a->subst, uint32_t, m->first + i));
        char tmp[512];
        int k = snprintf(tmp, sizeof tmp, "%.*s%s%.*s", (int)(p - s), s, sub,
                         (int)(s + n - q - 1), q + 1);
        if (k > 0 && (size_t)k < sizeof tmp)
            add_phrase(a->b, line, tmp, (size_t)k, DICT_AGENT, entry, true);
    }
}

static void agent_line(agstate *a, const dict_line *l)
{
    dict_builder *b = a->b;
    if (l->s[0] == '!' && strchr(l->s, '=')) {
        define_marker(a, l);
        return;
    }
    const char *br = strchr(l->s, '['), *close = br ? strchr(br, ']') : NULL;
    if (br && !close && (close = strchr(br, '}')) != NULL && !strchr(close + 1, '['))
        bdiag(b, DYAD_WARNING, l->lineno, "agent code closed with '}'; read as ']'");
    if (!br || !close) {
        /* PETRARCH also warns and skips a line without a code. */
        bdiag(b, br ? DYAD_ERROR : DYAD_WARNING, l->lineno,
              br ? "unbalanced '[' in agent code" : "agent without a [code]; line skipped");
        return;
    }
    b_agent ag = {.file = b->file, .line = (uint32_t)l->lineno};
    if (!agent_code(b, l->lineno, br + 1, (size_t)(close - br - 1), &ag))
        return;
    const char *s = l->s;
    size_t n = (size_t)(br - s);
    const char *lb = memchr(s, '{', n), *rb = memchr(s, '}', n);
    if ((lb != NULL) != (rb != NULL) || (lb && rb < lb)) {
        bdiag(b, DYAD_ERROR, l->lineno, "unbalanced '{' '}' in agent line; line skipped");
        return;
    }
    size_t pn = lb ? (size_t)(lb - s) : n;
    trim(&s, &pn);
    if (pn == 0) {
        bdiag(b, DYAD_ERROR, l->lineno, "agent code without a phrase");
        return;
    }
    ag.name = builder_str(b, s, pn);
    b_agent *slot = vec_push(&b->agents);
    if (!slot) {
        b->oom = true;
        return;
    }
    *slot = ag;
    uint32_t entry = (uint32_t)(b->agents.len - 1);
    if (memchr(s, '!', pn)) {
        agent_marked(a, l->lineno, s, pn, entry);
        return;
    }
    add_phrase(b, l->lineno, s, pn, DICT_AGENT, entry, true);
    if (lb) {
        const char *ps = lb + 1;
        size_t psn = (size_t)(rb - lb - 1);
        trim(&ps, &psn);
        if (psn)
            add_phrase(b, l->lineno, ps, psn, DICT_AGENT, entry, false);
    } else {
        agent_plural(b, l->lineno, s, pn, entry);
    }
}

void read_agents(dict_builder *b, const char *data, size_t len)
{
    agstate a = {.b = b};
    vec_init(&a.subst, sizeof(uint32_t));
    line_reader r;
    line_reader_init(&r, b, data, len);
    dict_line l;
    while (line_next(&r, &l) && !b->oom)
        agent_line(&a, &l);
    line_reader_free(&r);
    vec_free(&a.subst);
}

/* ---- Discards ---------------------------------------------------------------- */

void read_discards(dict_builder *b, const char *data, size_t len)
{
    line_reader r;
    line_reader_init(&r, b, data, len);
    dict_line l;
    while (line_next(&r, &l) && !b->oom) {
        const char *s = l.s;
        size_t n = l.len;
        bool story = s[0] == '+';
        if (story)
            s++, n--;
        trim(&s, &n);
        if (n == 0) {
            bdiag(b, DYAD_ERROR, l.lineno, "discard without a phrase");
            continue;
        }
        b_discard *d = vec_push(&b->discards);
        if (!d) {
            b->oom = true;
            break;
        }
        d->phrase = builder_str(b, s, n);
        d->whole_story = story;
        d->file = b->file;
        d->line = (uint32_t)l.lineno;
        add_phrase(b, l.lineno, s, n, DICT_DISCARD, (uint32_t)(b->discards.len - 1), true);
    }
    line_reader_free(&r);
}

/* ---- Issues -------------------------------------------------------------------- */

#define MAX_VARIANTS 64

/* Expands one issue phrase: "n:WORD" (singular and plural), "v:WORD" (verb
 * forms), "A+B" ("A B" and "A-B"). Each variant is written to out as a
 * NUL-terminated string of blank-separated words. */
typedef struct variants {
    char s[MAX_VARIANTS][256];
    size_t n;
} variants;

/* out = a + sep + b, if it fits (else left empty: the variant is dropped). */
static void join3(char *out, size_t cap, const char *a, const char *sep, const char *b)
{
    size_t la = strlen(a), ls = strlen(sep), lb = strlen(b);
    out[0] = '\0';
    if (la + ls + lb + 1 > cap)
        return;
    memcpy(out, a, la);
    memcpy(out + la, sep, ls);
    memcpy(out + la + ls, b, lb + 1);
}

static void part_forms(const char *p, size_t n, char out[][64], size_t *k)
{
    *k = 0;
    bool noun = n > 2 && (p[0] == 'N' || p[0] == 'n') && p[1] == ':';
    bool verb = n > 2 && (p[0] == 'V' || p[0] == 'v') && p[1] == ':';
    if (noun || verb)
        p += 2, n -= 2;
    if (n >= 64)
        n = 63;
    char up[64];
    for (size_t i = 0; i < n; i++)
        up[i] = (char)(p[i] >= 'a' && p[i] <= 'z' ? p[i] - 32 : p[i]);
    up[n] = '\0';
    memcpy(out[(*k)++], up, n + 1);
    if (noun)
        *k += inflect_plural(up, n, out + 1, 7);
    else if (verb)
        *k += inflect_verb(up, n, out + 1, 7);
}

static void expand_word(variants *v, const char *w, size_t n)
{
    /* Split the word at '+' into parts; combine parts with ' ' or '-'. */
    variants next = {.n = 0};
    char cur[MAX_VARIANTS][128];
    size_t ncur = 1;
    cur[0][0] = '\0';
    size_t i = 0;
    bool first = true;
    while (i <= n) {
        size_t st = i;
        while (i < n && w[i] != '+')
            i++;
        char forms[8][64];
        size_t k;
        part_forms(w + st, i - st, forms, &k);
        char grown[MAX_VARIANTS][128];
        size_t ng = 0;
        for (size_t a = 0; a < ncur; a++)
            for (size_t f = 0; f < k; f++)
                for (int j = 0; j < (first ? 1 : 2) && ng < MAX_VARIANTS; j++)
                    join3(grown[ng++], 128, cur[a], first ? "" : (j ? "-" : " "), forms[f]);
        memcpy(cur, grown, sizeof(cur[0]) * ng);
        ncur = ng;
        first = false;
        i++;
    }
    for (size_t a = 0; a < v->n; a++)
        for (size_t c = 0; c < ncur && next.n < MAX_VARIANTS; c++)
            join3(next.s[next.n++], 256, v->s[a], v->s[a][0] ? " " : "", cur[c]);
    *v = next;
}

static void issue_entry(dict_builder *b, long line, const char *s, size_t n,
                        uint32_t code, uint32_t category, int negative)
{
    trim(&s, &n);
    if (n == 0) {
        bdiag(b, DYAD_ERROR, line, "issue without a phrase");
        return;
    }
    b_issue *is = vec_push(&b->issues);
    if (!is) {
        b->oom = true;
        return;
    }
    is->phrase = builder_str(b, s, n);
    is->code = code;
    is->category = category;
    is->negative = negative;
    is->file = b->file;
    is->line = (uint32_t)line;
    uint32_t entry = (uint32_t)(b->issues.len - 1);
    variants v = {.n = 1};
    v.s[0][0] = '\0';
    size_t i = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
        size_t st = i;
        while (i < n && s[i] != ' ' && s[i] != '\t')
            i++;
        if (i > st)
            expand_word(&v, s + st, i - st);
    }
    for (size_t k = 0; k < v.n; k++)
        add_phrase(b, line, v.s[k], strlen(v.s[k]), DICT_ISSUE, entry, false);
}

static uint32_t category_of(dict_builder *b, long line, const char *s)
{
    const char *c = strstr(s, "CATEGORY=\"");
    if (!c) {
        bdiag(b, DYAD_WARNING, line, "<ISSUE> without CATEGORY=\"...\"");
        return 0;
    }
    c += 10;
    const char *e = strchr(c, '"');
    if (!e) {
        bdiag(b, DYAD_ERROR, line, "unterminated CATEGORY value");
        return 0;
    }
    return builder_str(b, c, (size_t)(e - c));
}

void read_issues(dict_builder *b, const char *data, size_t len)
{
    line_reader r;
    line_reader_init(&r, b, data, len);
    dict_line l;
    uint32_t category = 0;
    long open_line = 0;
    while (line_next(&r, &l) && !b->oom) {
        if (strncmp(l.s, "<ISSUE", 6) == 0) {
            if (open_line)
                bdiag(b, DYAD_WARNING, l.lineno, "<ISSUE> inside the <ISSUE> opened at "
                      "line %ld", open_line);
            category = category_of(b, l.lineno, l.s);
            open_line = l.lineno;
        } else if (strncmp(l.s, "</ISSUE", 7) == 0) {
            if (!open_line)
                bdiag(b, DYAD_WARNING, l.lineno, "</ISSUE> without <ISSUE>");
            category = 0;
            open_line = 0;
        } else if (l.s[0] == '~') {
            int neg = l.s[1] == '~' ? 2 : 1;
            issue_entry(b, l.lineno, l.s + neg, l.len - (size_t)neg, 0, category, neg);
        } else {
            const char *br = strchr(l.s, '['), *close = br ? strchr(br, ']') : NULL;
            if (!br || !close) {
                bdiag(b, br ? DYAD_ERROR : DYAD_WARNING, l.lineno,
                      br ? "unbalanced '[' in issue code" : "issue without a [code]; skipped");
                continue;
            }
            const char *c = br + 1;
            size_t cn = (size_t)(close - br - 1);
            trim(&c, &cn);
            if (cn == 0) {
                bdiag(b, DYAD_ERROR, l.lineno, "empty issue code []");
                continue;
            }
            issue_entry(b, l.lineno, l.s, (size_t)(br - l.s), builder_str(b, c, cn),
                        category, 0);
        }
    }
    if (open_line)
        bdiag(b, DYAD_WARNING, open_line, "<ISSUE> never closed");
    line_reader_free(&r);
}
