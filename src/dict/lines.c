/* lines.c: the line scanner every dictionary reader uses, and the small
 * parsers they share (dates, event codes, kind guessing).
 *
 * Comment rules follow PETRARCH's read_FIN_line: a line starting with '#' or
 * '<!' is skipped whole, '<!-- ... -->' spans are removed (and may run over
 * lines when they open mid-line), and '#' starts a comment, except inside
 * [...] where validation dictionaries use it in codes ("[###]"). */
#include <string.h>

#include "dict_int.h"
#include "../text/text.h"

void line_reader_init(line_reader *r, dict_builder *b, const char *data, size_t len)
{
    memset(r, 0, sizeof *r);
    r->data = data;
    r->len = len;
    r->b = b;
    buf_init(&r->line);
}

void line_reader_free(line_reader *r)
{
    buf_free(&r->line);
}

/* Copies the raw line into r->line without control bytes. */
static void copy_clean(line_reader *r, const char *s, size_t n)
{
    buf_clear(&r->line);
    buf_reserve(&r->line, n + 1);
    size_t bad = 0;
    unsigned first = 0;
    bool high = false;
    size_t i = 0;
    while (i < n) {
        /* Copy the clean run in one go: most lines are all clean. */
        size_t st = i;
        while (i < n) {
            unsigned char c = (unsigned char)s[i];
            if ((c < 0x20 && c != '\t') || c == 0x7f)
                break;
            high |= c >= 0x80;
            i++;
        }
        buf_append(&r->line, s + st, i - st);
        if (i < n) {
            if (!bad++)
                first = (unsigned char)s[i];
            i++;
        }
    }
    if (!r->line.data)
        buf_reserve(&r->line, 1);
    if (r->line.failed)
        r->b->oom = true;
    if (bad)
        bdiag(r->b, DYAD_WARNING, r->lineno,
              "stray control byte 0x%02X removed (%zu on this line)", first, bad);
    if (high && r->line.len) {
        long first_bad = -1;
        if (text_utf8_check(r->line.data, r->line.len, &first_bad))
            bdiag(r->b, DYAD_WARNING, r->lineno,
                  "invalid UTF-8 at column %ld", first_bad + 1);
    }
}

/* Removes comments in place; returns the new length. */
static size_t strip_comments(line_reader *r, char *s, size_t n)
{
    size_t i = 0, out = 0;
    int depth = 0;
    while (i < n) {
        if (r->in_comment) {
            const char *e = strstr(s + i, "-->");
            if (!e)
                return out;
            r->in_comment = false;
            i = (size_t)(e - s) + 3;
            continue;
        }
        if (s[i] == '<' && strncmp(s + i, "<!--", 4) == 0) {
            r->in_comment = true;
            r->comment_line = r->lineno;
            i += 4;
            continue;
        }
        if (s[i] == '[')
            depth++;
        else if (s[i] == ']' && depth > 0)
            depth--;
        else if (s[i] == '#' && depth == 0)
            break;
        s[out++] = s[i++];
    }
    return out;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

bool line_next(line_reader *r, dict_line *out)
{
    while (r->pos < r->len && !r->b->stop) {
        const char *s = r->data + r->pos;
        const char *nl = memchr(s, '\n', r->len - r->pos);
        size_t n = nl ? (size_t)(nl - s) : r->len - r->pos;
        long offset = (long)r->pos;
        r->pos += n + (nl ? 1 : 0);
        r->lineno++;
        if (n && s[n - 1] == '\r')
            n--;
        copy_clean(r, s, n);
        char *p = r->line.data ? r->line.data : (char *)"";
        size_t len = r->line.len;
        if (!r->in_comment && len && (p[0] == '#' || (len > 1 && p[0] == '<' && p[1] == '!'))) {
            if (p[0] == '<') {
                r->bang_lines++;
                r->last_bang = r->lineno;
            }
            if (p[0] == '<' && strstr(p, "<!--") && !strstr(p, "-->"))
                bdiag(r->b, DYAD_WARNING, r->lineno,
                      "'<!--' comment not closed on its line; as PETRARCH does, "
                      "only this line is skipped");
            continue;
        }
        len = strip_comments(r, p, len);
        while (len && is_blank(p[len - 1]))
            len--;
        size_t st = 0;
        while (st < len && is_blank(p[st]))
            st++;
        if (st == len)
            continue;
        p[len] = '\0';
        out->s = p + st;
        out->len = len - st;
        out->lineno = r->lineno;
        out->offset = offset;
        r->b->cur_line = r->lineno;
        return true;
    }
    if (r->in_comment && !r->b->stop) {
        bdiag(r->b, DYAD_WARNING, r->comment_line, "'<!--' comment never closed");
        r->in_comment = false;
    }
    return false;
}

/* ---- Dates and codes -------------------------------------------------------- */

static int days_in(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

static int32_t ymd(int y, int m, int d)
{
    if (m < 1 || m > 12 || d < 1 || d > days_in(y, m))
        return 0;
    return y * 10000 + m * 100 + d;
}

int32_t dict_parse_date(dict_builder *b, long line, const char *s, size_t len)
{
    int v[10];
    for (size_t i = 0; i < len; i++)
        if (s[i] < '0' || s[i] > '9' || i >= 10)
            goto bad;
    for (size_t i = 0; i < len; i++)
        v[i] = s[i] - '0';
    if (len == 6) {
        int yy = v[0] * 10 + v[1];
        int32_t d = ymd(yy <= 30 ? 2000 + yy : 1900 + yy, v[2] * 10 + v[3], v[4] * 10 + v[5]);
        if (d)
            return d;
    } else if (len == 8) {
        int32_t d = ymd(v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3], v[4] * 10 + v[5],
                        v[6] * 10 + v[7]);
        if (d)
            return d;
    } else if (len == 7) {
        /* A digit too many or too few. "2004017" reads best as 2004-01-07;
         * "9008223" as 90-08-22 (its first six digits, what PETRARCH reads). */
        int y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
        int32_t d = (y >= 1900 && y <= 2099) ? ymd(y, v[4] * 10 + v[5], v[6]) : 0;
        if (!d) {
            int yy = v[0] * 10 + v[1];
            d = ymd(yy <= 30 ? 2000 + yy : 1900 + yy, v[2] * 10 + v[3], v[4] * 10 + v[5]);
        }
        if (d) {
            bdiag(b, DYAD_WARNING, line, "7-digit date '%.*s' read as %d",
                  (int)len, s, (int)d);
            return d;
        }
    }
    if (len == 9 || len == 10) {
        /* Digits doubled at either end: "1920030320" is 2003-03-20 with a
         * stray "19" in front, "201005011" is 2010-05-01 with a stray "1"
         * after. Prefer the last eight digits, then the first eight
         * (which is all PETRARCH reads). */
        int32_t d = 0;
        for (int pass = 0; pass < 2 && !d; pass++) {
            const int *q = pass == 0 ? v + len - 8 : v;
            int y = q[0] * 1000 + q[1] * 100 + q[2] * 10 + q[3];
            if (y >= 1900 && y <= 2099)
                d = ymd(y, q[4] * 10 + q[5], q[6] * 10 + q[7]);
        }
        if (d) {
            bdiag(b, DYAD_WARNING, line, "%zu-digit date '%.*s' read as %d", len,
                  (int)len, s, (int)d);
            return d;
        }
    }
bad:
    bdiag(b, DYAD_ERROR, line, "invalid date '%.*s' (want YYMMDD or YYYYMMDD)",
          (int)len, s);
    return 0;
}

bool dict_code_is_cameo(const char *s, size_t len)
{
    if (len == 3 && memcmp(s, "---", 3) == 0)
        return true;
    size_t d = 0;
    while (d < len && s[d] >= '0' && s[d] <= '9')
        d++;
    if (d < 2 || d > 4)
        return false;
    return d == len || (d + 1 == len && ((s[d] >= 'A' && s[d] <= 'Z') || (s[d] >= 'a' && s[d] <= 'z')));
}

/* ---- Kind guessing ----------------------------------------------------------- */

dict_file_kind dict_guess_kind(const char *data, size_t len)
{
    size_t blocks = 0, pats = 0, agents = 0, coded = 0, issues = 0, plain = 0;
    const char *p = data, *end = data + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        size_t n = (size_t)(e - p);
        if (n >= 3 && memcmp(p, "---", 3) == 0)
            blocks++;
        else if (n >= 2 && p[0] == '-' && (p[1] == ' ' || p[1] == '\t'))
            pats++;
        else if (n >= 6 && memcmp(p, "<ISSUE", 6) == 0)
            issues++;
        else if (n && p[0] != '#' && p[0] != '<') {
            const char *br = memchr(p, '[', n);
            if (br && ((size_t)(e - br) > 1 && (br[1] == '~' || memchr(br, '~', (size_t)(e - br)))))
                agents++;
            else if (br)
                coded++;
            else
                plain++;
        }
        p = nl ? nl + 1 : end;
    }
    if (blocks && pats + blocks > coded / 4)
        return DICT_FILE_VERBS;
    if (issues)
        return DICT_FILE_ISSUES;
    if (agents > coded)
        return DICT_FILE_AGENTS;
    if (coded && coded * 4 >= plain)
        return DICT_FILE_ACTORS;
    return DICT_FILE_DISCARDS;
}
