/* agg_json.c: a strict, allocation-light parser for one JSON Lines event
 * record. It validates the whole line as JSON (RFC 8259: strings must be
 * valid UTF-8, numbers in JSON's grammar, nesting at most 64 deep) and
 * keeps only the fields an event needs, decoding their strings into one
 * reused buffer. jansson builds a tree of the whole object per line, which
 * was 90% of 'dyad agg' time; this keeps the same answers (checked against
 * jansson in tests/unit/test_agg.c) at a fraction of the cost. */
#include <stdlib.h>
#include <string.h>

#include "agg_json.h"
#include "../io/write.h"

enum { MAX_DEPTH = 64 };

typedef struct parser {
    const char *p, *end;
    agg_json *j;
    const char *err;
} parser;

static const char *const span_keys[4] = {"source", "target", "verb", "sentence"};

static int fail(parser *ps, const char *why)
{
    if (!ps->err)
        ps->err = why;
    return 0;
}

static void ws(parser *ps)
{
    while (ps->p < ps->end &&
           (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r'))
        ps->p++;
}

static int eat(parser *ps, char c)
{
    ws(ps);
    if (ps->p < ps->end && *ps->p == c) {
        ps->p++;
        return 1;
    }
    return 0;
}

/* \uXXXX at p (after the backslash and u), with a following low surrogate
 * when it is a high one. Advances p. */
static int unicode_escape(parser *ps, buf *out)
{
    unsigned cp, lo;
    if (ps->end - ps->p < 4 || !hex4_decode(ps->p, &cp))
        return fail(ps, "not valid JSON (bad \\u escape)");
    ps->p += 4;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (ps->end - ps->p < 6 || ps->p[0] != '\\' || ps->p[1] != 'u' ||
            !hex4_decode(ps->p + 2, &lo) || lo < 0xDC00 || lo > 0xDFFF)
            return fail(ps, "not valid JSON (lone surrogate)");
        ps->p += 6;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        return fail(ps, "not valid JSON (lone surrogate)");
    } else if (cp == 0) {   /* as jansson: a NUL would cut the C string short */
        return fail(ps, "not valid JSON (\\u0000 in a string)");
    }
    if (out)
        buf_put_utf8(out, cp);
    return 1;
}

static int escape(parser *ps, buf *out)
{
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    if (ps->p >= ps->end)
        return fail(ps, "not valid JSON (unterminated string)");
    char c = *ps->p++;
    if (c == 'u')
        return unicode_escape(ps, out);
    const char *k = c ? strchr(from, c) : NULL;
    if (!k)
        return fail(ps, "not valid JSON (bad escape)");
    if (out)
        buf_putc(out, to[k - from]);
    return 1;
}

/* A string at p (opening quote next); decoded into out when out is set. */
static int string(parser *ps, buf *out)
{
    if (!eat(ps, '"'))
        return fail(ps, "not valid JSON (expected a string)");
    for (;;) {
        const char *run = ps->p;
        while (ps->p < ps->end && *ps->p != '"' && *ps->p != '\\' &&
               (unsigned char)*ps->p >= 0x20 && (unsigned char)*ps->p < 0x80)
            ps->p++;
        if (out)
            buf_append(out, run, (size_t)(ps->p - run));
        if (ps->p >= ps->end)
            return fail(ps, "not valid JSON (unterminated string)");
        unsigned char c = (unsigned char)*ps->p;
        if (c == '"') {
            ps->p++;
            return 1;
        }
        if (c < 0x20)
            return fail(ps, "not valid JSON (control character in a string)");
        if (c == '\\') {
            ps->p++;
            if (!escape(ps, out))
                return 0;
            continue;
        }
        size_t n = io_utf8_len((const unsigned char *)ps->p, (size_t)(ps->end - ps->p));
        if (!n)
            return fail(ps, "not valid JSON (invalid UTF-8 in a string)");
        if (out)
            buf_append(out, ps->p, n);
        ps->p += n;
    }
}

static int digits(parser *ps)
{
    const char *s = ps->p;
    while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9')
        ps->p++;
    return ps->p > s;
}

/* A number in JSON's grammar; *lex and *len give its text, *integral says
 * whether it has neither fraction nor exponent. */
static int number(parser *ps, const char **lex, size_t *len, int *integral)
{
    ws(ps);
    *lex = ps->p;
    *integral = 1;
    if (ps->p < ps->end && *ps->p == '-')
        ps->p++;
    if (ps->p < ps->end && *ps->p == '0')
        ps->p++;
    else if (!digits(ps))
        return fail(ps, "not valid JSON (bad value)");
    if (ps->p < ps->end && *ps->p == '.') {
        ps->p++;
        *integral = 0;
        if (!digits(ps))
            return fail(ps, "not valid JSON (bad number)");
    }
    if (ps->p < ps->end && (*ps->p == 'e' || *ps->p == 'E')) {
        ps->p++;
        *integral = 0;
        if (ps->p < ps->end && (*ps->p == '+' || *ps->p == '-'))
            ps->p++;
        if (!digits(ps))
            return fail(ps, "not valid JSON (bad number)");
    }
    *len = (size_t)(ps->p - *lex);
    return 1;
}

static int literal(parser *ps)
{
    static const char *const words[] = {"true", "false", "null"};
    for (int i = 0; i < 3; i++) {
        size_t n = strlen(words[i]);
        if ((size_t)(ps->end - ps->p) >= n && !memcmp(ps->p, words[i], n)) {
            ps->p += n;
            return 1;
        }
    }
    return fail(ps, "not valid JSON (bad value)");
}

static int value(parser *ps, int depth);

static int members(parser *ps, int depth, char close, int keyed)
{
    if (eat(ps, close))
        return 1;
    do {
        if (keyed && !(string(ps, NULL) && (eat(ps, ':') || fail(ps, "not valid JSON (expected ':')"))))
            return 0;
        if (!value(ps, depth + 1))
            return 0;
    } while (eat(ps, ','));
    return eat(ps, close) || fail(ps, "not valid JSON (expected ',' or a closing bracket)");
}

/* Any value, validated and skipped. */
static int value(parser *ps, int depth)
{
    if (depth > MAX_DEPTH)
        return fail(ps, "not valid JSON (nested too deep)");
    ws(ps);
    if (ps->p >= ps->end)
        return fail(ps, "not valid JSON (unexpected end of line)");
    const char *lex;
    size_t len;
    int integral;
    switch (*ps->p) {
    case '{': ps->p++; return members(ps, depth, '}', 1);
    case '[': ps->p++; return members(ps, depth, ']', 0);
    case '"': return string(ps, NULL);
    case 't': case 'f': case 'n': return literal(ps);
    default: return number(ps, &lex, &len, &integral);
    }
}

static int peek(parser *ps, char c)
{
    ws(ps);
    return ps->p < ps->end && *ps->p == c;
}

/* A string field into the scratch buffer; a number (doc_id, date) as its
 * text; anything else is skipped and the field stays absent. */
static int str_field(parser *ps, int k)
{
    agg_json *j = ps->j;
    if (peek(ps, '"')) {
        j->off[k] = j->scratch.len;
        if (!string(ps, &j->scratch))
            return 0;
        buf_putc(&j->scratch, '\0');
        return 1;
    }
    if (k == AJ_DOC_ID || k == AJ_DATE) {
        const char *lex;
        size_t len;
        int integral;
        if (!peek(ps, '-') && !(ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9'))
            return value(ps, 1);
        if (!number(ps, &lex, &len, &integral))
            return 0;
        if (integral) {
            j->off[k] = j->scratch.len;
            buf_append(&j->scratch, lex, len);
            buf_putc(&j->scratch, '\0');
        }
        return 1;
    }
    return value(ps, 1);
}

static int num_field(parser *ps, int k)
{
    ws(ps);
    if (ps->p >= ps->end || !(*ps->p == '-' || (*ps->p >= '0' && *ps->p <= '9'))) {
        ps->j->has_num[k] = -1;   /* present, but not a number */
        return value(ps, 1);
    }
    const char *lex;
    size_t len;
    int integral;
    if (!number(ps, &lex, &len, &integral))
        return 0;
    char tmp[64];
    if (len >= sizeof tmp)
        len = sizeof tmp - 1;
    memcpy(tmp, lex, len);
    tmp[len] = '\0';
    ps->j->num[k] = strtod(tmp, NULL);
    ps->j->has_num[k] = integral ? 2 : 1;
    return 1;
}

/* "issues": an array of strings joined with ',' (or a plain string). */
static int issues_field(parser *ps)
{
    agg_json *j = ps->j;
    if (!peek(ps, '['))
        return str_field(ps, AJ_ISSUES);
    ps->p++;
    j->off[AJ_ISSUES] = j->scratch.len;
    int first = 1;
    if (!eat(ps, ']')) {
        do {
            if (!peek(ps, '"')) {
                if (!value(ps, 2))
                    return 0;
                continue;
            }
            size_t before = j->scratch.len;
            if (!first)
                buf_putc(&j->scratch, ',');
            size_t mark = j->scratch.len;
            if (!string(ps, &j->scratch))
                return 0;
            if (j->scratch.len == mark)       /* an empty code adds nothing */
                j->scratch.len = before;
            else
                first = 0;
        } while (eat(ps, ','));
        if (!eat(ps, ']'))
            return fail(ps, "not valid JSON (expected ',' or ']')");
    }
    buf_putc(&j->scratch, '\0');
    return 1;
}

/* A key decoded at the end of the scratch buffer: its index in keys, or -1.
 * The scratch buffer is rewound either way. */
static int key(parser *ps, const char *const *keys, int n, int *found)
{
    buf *b = &ps->j->scratch;
    size_t mark = b->len;
    *found = -1;
    if (!string(ps, b))
        return 0;
    buf_putc(b, '\0');
    const char *k = b->failed ? "" : b->data + mark;
    for (int i = 0; i < n && *found < 0; i++)
        if (k[0] == keys[i][0] && !strcmp(k, keys[i]))
            *found = i;
    b->len = mark;
    return eat(ps, ':') || fail(ps, "not valid JSON (expected ':')");
}

/* [begin, end]: the first two elements when they are non-negative integers
 * that fit 32 bits and end >= begin. */
static int span_value(parser *ps, dyad_span *out)
{
    if (!peek(ps, '['))
        return value(ps, 2);
    ps->p++;
    double v[2] = {-1, -1};
    int n = 0, ok = 1;
    if (!eat(ps, ']')) {
        do {
            ws(ps);
            if (ps->p < ps->end && (*ps->p == '-' || (*ps->p >= '0' && *ps->p <= '9'))) {
                const char *lex;
                size_t len;
                int integral;
                if (!number(ps, &lex, &len, &integral))
                    return 0;
                if (n < 2)
                    v[n] = integral ? strtod(lex, NULL) : -1;
            } else if (!value(ps, 3)) {
                return 0;
            } else {
                ok = 0;
            }
            n++;
        } while (eat(ps, ','));
        if (!eat(ps, ']'))
            return fail(ps, "not valid JSON (expected ',' or ']')");
    }
    if (ok && n >= 2 && v[0] >= 0 && v[1] >= v[0] && v[1] <= 4294967295.0) {
        out->begin = (uint32_t)v[0];
        out->end = (uint32_t)v[1];
    }
    return 1;
}

static int spans_field(parser *ps)
{
    if (!peek(ps, '{'))
        return value(ps, 1);
    ps->p++;
    if (eat(ps, '}'))
        return 1;
    do {
        int k;
        if (!key(ps, span_keys, 4, &k))
            return 0;
        if (!(k >= 0 ? span_value(ps, &ps->j->span[k]) : value(ps, 2)))
            return 0;
    } while (eat(ps, ','));
    return eat(ps, '}') || fail(ps, "not valid JSON (expected ',' or '}')");
}

static int member(parser *ps)
{
    static const char *const all[] = {
        "doc_id", "date", "source", "target", "code", "root", "source_text",
        "target_text", "verb_text", "sentence_text", "url", "issues",
        "sentence", "quad", "goldstein", "schema", "spans"};
    int k;
    if (!key(ps, all, (int)DYAD_COUNT(all), &k))
        return 0;
    if (k == AJ_ISSUES)
        return issues_field(ps);
    if (k >= 0 && k < AJ_NSTR)
        return str_field(ps, k);
    if (k >= AJ_NSTR && k < AJ_NSTR + AJ_NNUM)
        return num_field(ps, k - AJ_NSTR);
    if (k == AJ_NSTR + AJ_NNUM)
        return spans_field(ps);
    return value(ps, 1);
}

static void reset(agg_json *j)
{
    buf_clear(&j->scratch);
    for (int i = 0; i < AJ_NSTR; i++)
        j->off[i] = (size_t)-1;
    memset(j->has_num, 0, sizeof j->has_num);
    memset(j->span, 0, sizeof j->span);
}

const char *agg_json_parse(agg_json *j, const char *line, size_t len)
{
    parser ps = {line, line + len, j, NULL};
    reset(j);
    if (!eat(&ps, '{'))
        return value(&ps, 0) && (ws(&ps), ps.p == ps.end) ? "not a JSON object"
                                                           : "not valid JSON";
    if (!eat(&ps, '}')) {
        do {
            if (!member(&ps))
                return ps.err ? ps.err : "not valid JSON";
        } while (eat(&ps, ','));
        if (!eat(&ps, '}'))
            return ps.err ? ps.err : "not valid JSON (expected ',' or '}')";
    }
    ws(&ps);
    if (ps.p != ps.end)
        return "not valid JSON (text after the object)";
    if (j->scratch.failed)
        return "out of memory";
    for (int i = 0; i < AJ_NSTR; i++)
        j->str[i] = j->off[i] == (size_t)-1 ? "" : j->scratch.data + j->off[i];
    return NULL;
}

void agg_json_free(agg_json *j)
{
    buf_free(&j->scratch);
}
