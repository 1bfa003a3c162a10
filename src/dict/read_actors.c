/* read_actors.c: reader for PETRARCH/TABARI actor dictionaries
 * (Phoenix.*.actors.txt, PETR.Validate.actors.txt).
 *
 * An entry is a primary phrase line, optional '+' synonym lines, and codes
 * "[CODE]", "[CODE <D]", "[CODE >D]", "[CODE D1-D2]" on the primary line or
 * on lines of their own, until the next primary phrase. Codes keep file
 * order: the coder takes the first whose dates hold (PETRARCH's rule).
 * Owns: actors, their codes, their phrases in the trie. */
#include <string.h>

#include "dict_int.h"

#define MAX_WORDS 32

typedef struct astate {
    dict_builder *b;
    uint32_t actor;             /* current entry, DICT_NONE before the first */
} astate;

static bool code_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '+' || c == '_' || c == '/';
}

/* Removes blanks: "> 140608" and "19950601 - 19990815" occur. */
static size_t squeeze(const char *s, size_t n, char *out, size_t max)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < max; i++)
        if (s[i] != ' ' && s[i] != '\t')
            out[k++] = s[i];
    out[k] = '\0';
    return k;
}

static bool parse_dates(dict_builder *b, long line, const char *s, size_t n,
                        int32_t *from, int32_t *to)
{
    char d[64];
    size_t k = squeeze(s, n, d, sizeof d);
    *from = 0;
    *to = INT32_MAX;
    if (k == 0)
        return true;
    if (d[0] == '<' || d[0] == '>') {
        int32_t v = dict_parse_date(b, line, d + 1, k - 1);
        if (!v)
            return false;
        if (d[0] == '<')
            *to = v;
        else
            *from = v;
        return true;
    }
    char *dash = strchr(d, '-');
    if (dash) {
        int32_t a = dict_parse_date(b, line, d, (size_t)(dash - d));
        int32_t z = a ? dict_parse_date(b, line, dash + 1, strlen(dash + 1)) : 0;
        if (!a || !z)
            return false;
        if (a >= z)
            bdiag(b, DYAD_WARNING, line, "empty date range %d-%d: this code never applies",
                  (int)a, (int)z);
        *from = a;
        *to = z;
        return true;
    }
    int32_t v = dict_parse_date(b, line, d, k);
    if (!v)
        return false;
    bdiag(b, DYAD_WARNING, line, "date '%s' without '<', '>' or a range; read as '>%s' "
          "(date >= %d) as PETRARCH means it", d, d, (int)v);
    *from = v;
    return true;
}

/* One "[CODE dates]" group (text between the brackets). */
static void add_code(astate *a, long line, const char *s, size_t n)
{
    dict_builder *b = a->b;
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    size_t cl = 0;
    while (cl < n && s[cl] != ' ' && s[cl] != '\t' && s[cl] != '<' && s[cl] != '>')
        cl++;
    if (cl == 0) {
        bdiag(b, DYAD_ERROR, line, "empty actor code []");
        return;
    }
    for (size_t i = 0; i < cl; i++)
        if (!code_char(s[i])) {
            bdiag(b, DYAD_WARNING, line, "unusual character '%c' in actor code '%.*s'",
                  s[i], (int)cl, s);
            break;
        }
    if (a->actor == DICT_NONE) {
        bdiag(b, DYAD_ERROR, line, "code [%.*s] before any actor", (int)n, s);
        return;
    }
    int32_t from, to;
    if (!parse_dates(b, line, s + cl, n - cl, &from, &to))
        return;
    b_code *c = vec_push(&b->codes);
    if (!c) {
        b->oom = true;
        return;
    }
    c->from = from;
    c->to = to;
    c->code = builder_str(b, s, cl);
    c->line = (uint32_t)line;
    VEC_AT(&b->actors, b_actor, a->actor).ncodes++;
}

/* All "[...]" groups from s on; returns false on a stray bracket. */
static void codes_in(astate *a, long line, const char *s, size_t n)
{
    const char *e = s + n;
    int got = 0;
    while (s < e) {
        while (s < e && (*s == ' ' || *s == '\t'))
            s++;
        if (s == e)
            break;
        if (*s != '[') {
            /* Phoenix.International.actors.txt has tab-separated notes after
             * some codes without a '#'. */
            bdiag(a->b, got ? DYAD_WARNING : DYAD_ERROR, line, got ? "text after the actor "
                  "code ignored: '%.*s'" : "text '%.*s' where an actor code [...] was expected",
                  (int)(e - s), s);
            return;
        }
        got++;
        const char *close = memchr(s, ']', (size_t)(e - s));
        if (!close) {
            bdiag(a->b, DYAD_ERROR, line, "unbalanced '[' in actor code");
            return;
        }
        add_code(a, line, s + 1, (size_t)(close - s - 1));
        s = close + 1;
    }
}

static void finish_actor(astate *a)
{
    if (a->actor == DICT_NONE)
        return;
    b_actor *ac = &VEC_AT(&a->b->actors, b_actor, a->actor);
    if (ac->ncodes == 0)
        bdiag(a->b, DYAD_WARNING, ac->line, "actor '%s' has no code",
              builder_strp(a->b, ac->name));
}

static void add_phrase(astate *a, long line, const char *s, size_t n)
{
    dict_builder *b = a->b;
    dict_word w[MAX_WORDS];
    size_t nw = builder_phrase(b, s, n, w, MAX_WORDS);
    if (nw == 0) {
        bdiag(b, DYAD_ERROR, line, "actor line without a phrase");
        return;
    }
    uint32_t other = builder_add_phrase(b, w, nw, DICT_ACTOR, a->actor);
    if (other != DICT_NONE) {
        const b_actor *o = &VEC_AT(&b->actors, b_actor, other);
        bdup(b, line, "duplicate actor phrase '%.*s' (also in the entry "
              "at %s:%u); both entries are kept, the earlier first",
              (int)n, s, builder_strp(b, VEC_AT(&b->files, uint32_t, o->file)), o->line);
    }
}

static void actor_line(astate *a, const dict_line *l)
{
    dict_builder *b = a->b;
    const char *s = l->s;
    size_t n = l->len;
    if (s[0] == '[') {
        codes_in(a, l->lineno, s, n);
        return;
    }
    bool syn = s[0] == '+';
    if (syn) {
        s++, n--;
        if (a->actor == DICT_NONE) {
            bdiag(b, DYAD_ERROR, l->lineno, "synonym before any actor");
            return;
        }
    }
    const char *br = memchr(s, '[', n);
    size_t pl = br ? (size_t)(br - s) : n;
    while (pl && (s[pl - 1] == ' ' || s[pl - 1] == '\t'))
        pl--;
    if (!syn) {
        finish_actor(a);
        b_actor *ac = vec_push(&b->actors);
        if (!ac) {
            b->oom = true;
            return;
        }
        ac->name = builder_str(b, s, pl);
        ac->first_code = (uint32_t)b->codes.len;
        ac->file = b->file;
        ac->line = (uint32_t)l->lineno;
        a->actor = (uint32_t)(b->actors.len - 1);
    }
    add_phrase(a, l->lineno, s, pl);
    if (br) {
        if (syn)
            bdiag(b, DYAD_WARNING, l->lineno, "code on a synonym line applies to the "
                  "whole entry");
        codes_in(a, l->lineno, br, n - (size_t)(br - s));
    }
}

void read_actors(dict_builder *b, const char *data, size_t len)
{
    astate a = {.b = b, .actor = DICT_NONE};
    line_reader r;
    line_reader_init(&r, b, data, len);
    dict_line l;
    while (line_next(&r, &l) && !b->oom)
        actor_line(&a, &l);
    finish_actor(&a);
    line_reader_free(&r);
}
