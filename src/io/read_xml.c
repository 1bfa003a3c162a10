/* read_xml.c: the PETRARCH XML reader: each <Sentence date=".." id="..">
 * with its <Text> is one document; <Parse>, <EventCoding> and everything
 * else is skipped. A small streaming scanner, not a general XML parser: it
 * knows comments, CDATA, processing instructions, quoted attributes and the
 * five named plus numeric character references, which is all PETRARCH files
 * use. Owns the markup buffer and the entity decoding. Line breaks inside
 * <Text> are folded to spaces (the files wrap sentences at ~80 columns; a
 * wrapped line is not a paragraph). */
#include <stdlib.h>
#include <string.h>

#include "read.h"

#define MAX_TAG ((size_t)1 << 20)

typedef struct xml_state {
    buf tag;          /* the markup between < and >, or CDATA content */
    buf raw;          /* undecoded <Text> content */
    bool have_tag;    /* tag holds a start tag read ahead (a <Sentence>) */
    long tag_line;
} xml_state;

typedef enum mk_kind {
    MK_START, MK_END, MK_OTHER, MK_CDATA, MK_EOF, MK_ERR, MK_TOO_LONG
} mk_kind;

/* Reads to the terminator string (consumed). With keep, the bytes before
 * it go to out, at most limit of them (MK_TOO_LONG beyond); a rolling
 * window finds the terminator in either case. */
static mk_kind read_until(io_src *s, buf *out, const char *term, bool keep,
                          size_t limit)
{
    size_t tl = strlen(term), seen = 0;
    char win[8] = {0};
    for (;;) {
        int c = io_src_getc(s);
        if (c == IO_SRC_ERR)
            return MK_ERR;
        if (c == IO_SRC_EOF)
            return MK_EOF;
        memmove(win, win + 1, tl - 1);
        win[tl - 1] = (char)c;
        seen++;
        if (keep && out->len < limit + tl)
            buf_putc(out, (char)c);
        if (seen >= tl && !memcmp(win, term, tl)) {
            if (!keep)
                return MK_OTHER;
            if (seen - tl > limit)
                return MK_TOO_LONG;
            out->len -= tl;
            out->data[out->len] = '\0';
            return MK_OTHER;
        }
    }
}

/* Reads a tag after "<x", honouring quotes, into out (without < and >). */
static mk_kind read_tag(io_src *s, buf *out)
{
    char quote = 0;
    for (;;) {
        int c = io_src_getc(s);
        if (c == IO_SRC_ERR)
            return MK_ERR;
        if (c == IO_SRC_EOF)
            return MK_EOF;
        if (quote && c == quote)
            quote = 0;
        else if (!quote && (c == '"' || c == '\''))
            quote = (char)c;
        else if (!quote && c == '>')
            return out->len > MAX_TAG ? MK_TOO_LONG : MK_OTHER;
        if (out->len <= MAX_TAG)
            buf_putc(out, (char)c);
    }
}

/* Skips to the next '>' (declarations: no quotes to honour). */
static mk_kind skip_decl(io_src *s)
{
    for (;;) {
        int c = io_src_getc(s);
        if (c == IO_SRC_ERR)
            return MK_ERR;
        if (c == IO_SRC_EOF)
            return MK_EOF;
        if (c == '>')
            return MK_OTHER;
    }
}

/* After "<!": a comment, CDATA (content into st->tag) or a declaration. */
static mk_kind read_bang(dyad_reader *r, xml_state *st)
{
    io_src *s = &r->src;
    int c = io_src_getc(s);
    if (c == '-') {
        c = io_src_getc(s);
        if (c == '-')
            return read_until(s, &st->tag, "-->", false, 0);
    } else if (c == '[') {
        static const char cdata[] = "CDATA[";
        size_t i = 0;
        while (i < 6 && (c = io_src_getc(s)) == cdata[i])
            i++;
        if (i == 6) {
            mk_kind k = read_until(s, &st->tag, "]]>", true, IO_MAX_RECORD);
            return k == MK_OTHER ? MK_CDATA : k;
        }
    }
    if (c == IO_SRC_ERR || c == IO_SRC_EOF)
        return c == IO_SRC_ERR ? MK_ERR : MK_EOF;
    return c == '>' ? MK_OTHER : skip_decl(s);
}

/* After '<': classifies and reads one piece of markup into st->tag. */
static mk_kind read_markup(dyad_reader *r, xml_state *st)
{
    if (st->tag.cap > ((size_t)8 << 20))
        buf_free(&st->tag);  /* after a huge CDATA */
    buf_clear(&st->tag);
    int c = io_src_getc(&r->src);
    if (c == IO_SRC_ERR || c == IO_SRC_EOF)
        return c == IO_SRC_ERR ? MK_ERR : MK_EOF;
    if (c == '!')
        return read_bang(r, st);
    if (c == '?') {
        return read_until(&r->src, &st->tag, "?>", false, 0);
    }
    if (c == '>')
        return MK_START;  /* "<>": an empty tag, ignored */
    buf_putc(&st->tag, (char)c);
    mk_kind k = read_tag(&r->src, &st->tag);
    if (k != MK_OTHER)
        return k;
    return st->tag.data[0] == '/' ? MK_END : MK_START;
}

/* True when tag (start "Name ..." or end "/Name") names name. */
static bool tag_is(const buf *t, const char *name)
{
    const char *p = t->data;
    size_t n = strlen(name), len = t->len;
    if (len && *p == '/') {
        p++;
        len--;
    }
    if (len < n || memcmp(p, name, n))
        return false;
    return len == n || p[n] == ' ' || p[n] == '\t' || p[n] == '\n' ||
           p[n] == '\r' || p[n] == '/';
}

/* Decodes the reference at s[0] == '&' into out; returns bytes consumed, 0
 * when it is not a reference we know (the '&' is then kept as is). */
static size_t decode_ref(const char *s, size_t len, buf *out)
{
    static const struct { const char *name; char c; } named[] = {
        {"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'}, {"quot;", '"'}, {"apos;", '\''},
    };
    for (size_t i = 0; i < DYAD_COUNT(named); i++) {
        size_t n = strlen(named[i].name);
        if (len > n && !memcmp(s + 1, named[i].name, n)) {
            buf_putc(out, named[i].c);
            return n + 1;
        }
    }
    if (len < 4 || s[1] != '#')
        return 0;
    bool hex = s[2] == 'x' || s[2] == 'X';
    size_t i = hex ? 3 : 2, start = i;
    unsigned long cp = 0;
    for (; i < len && i < start + 8; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0'
              : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
              : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            break;
        cp = cp * (hex ? 16 : 10) + (unsigned long)d;
    }
    if (i == start || i >= len || s[i] != ';')
        return 0;
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;  /* not a character: replaced, like invalid UTF-8 */
    buf_put_utf8(out, cp);
    return i + 1;
}

/* Decodes references in s into out; with fold, whitespace runs holding a
 * line break become one space. Returns the number of unknown '&'s. */
static size_t decode_text(const char *s, size_t len, buf *out, bool fold)
{
    size_t unknown = 0;
    for (size_t i = 0; i < len;) {
        char c = s[i];
        if (c == '&') {
            size_t n = decode_ref(s + i, len - i, out);
            if (n) {
                i += n;
                continue;
            }
            unknown++;
        } else if (fold && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
            size_t j = i;
            bool nl = false;
            for (; j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r'); j++)
                if (s[j] == '\n' || s[j] == '\r')
                    nl = true;
            if (nl) {
                buf_putc(out, ' ');
                i = j;
                continue;
            }
        }
        buf_putc(out, c);
        i++;
    }
    return unknown;
}

/* Finds attribute name in a start tag; returns its raw value or NULL. */
static const char *attr(const buf *t, const char *name, size_t *vlen)
{
    size_t n = strlen(name);
    const char *p = t->data, *end = t->data + t->len;
    while (p < end && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
        p++;  /* the tag name */
    while (p < end) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '/'))
            p++;
        const char *an = p;
        while (p < end && *p != '=' && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            p++;
        size_t alen = (size_t)(p - an);
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
            p++;
        if (p >= end || *p != '=') {
            if (alen == 0 && p < end)
                p++;  /* a stray character: step over it */
            continue;
        }
        p++;
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
            p++;
        const char *v = p, *ve;
        if (p < end && (*p == '"' || *p == '\'')) {
            char q = *p++;
            v = p;
            while (p < end && *p != q)
                p++;
            ve = p;
            if (p < end)
                p++;
        } else {
            while (p < end && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
                p++;
            ve = p;
        }
        if (alen == n && !memcmp(an, name, n)) {
            *vlen = (size_t)(ve - v);
            return v;
        }
    }
    return NULL;
}

/* Reads character data up to the next '<' (consumed), appending to out
 * when out is set, at most limit bytes (*too_long beyond). */
static mk_kind read_chars(io_src *s, buf *out, size_t limit, bool *too_long)
{
    for (;;) {
        if (s->pos == s->len && !io_src_fill(s))
            return s->in.failed ? MK_ERR : MK_EOF;
        unsigned char *start = s->chunk + s->pos;
        unsigned char *lt = memchr(start, '<', s->len - s->pos);
        size_t n = lt ? (size_t)(lt - start) : s->len - s->pos;
        for (unsigned char *p = start; (p = memchr(p, '\n', n - (size_t)(p - start))); p++)
            s->line++;
        s->pos += n + (lt ? 1 : 0);
        s->offset += (long long)(n + (lt ? 1 : 0));
        if (out && out->len + n <= limit)
            buf_append(out, start, n);
        else if (out)
            *too_long = true;
        if (lt)
            return MK_OTHER;
    }
}

typedef enum text_end { TEXT_DONE, TEXT_SENTENCE_END, TEXT_NEW_SENTENCE } text_end;

/* Reads <Text> content (decoded, folded) into r->text up to </Text>. */
static mk_kind read_text(dyad_reader *r, xml_state *st, text_end *how,
                         size_t *unknown, bool *too_long)
{
    for (;;) {
        buf_clear(&st->raw);
        mk_kind k = read_chars(&r->src, &st->raw, IO_MAX_RECORD, too_long);
        if (!*too_long && r->text.len + st->raw.len > IO_MAX_RECORD)
            *too_long = true;
        if (!*too_long)
            *unknown += decode_text(st->raw.data ? st->raw.data : "", st->raw.len,
                                    &r->text, true);
        if (k != MK_OTHER)
            return k;
        long line = r->src.line;
        k = read_markup(r, st);
        if (k == MK_CDATA && !*too_long)
            buf_append(&r->text, st->tag.data ? st->tag.data : "", st->tag.len);
        else if (k == MK_END && tag_is(&st->tag, "Text"))
            return *how = TEXT_DONE, MK_OTHER;
        else if (k == MK_END && tag_is(&st->tag, "Sentence"))
            return *how = TEXT_SENTENCE_END, MK_OTHER;
        else if (k == MK_START && tag_is(&st->tag, "Sentence")) {
            st->have_tag = true;
            st->tag_line = line;
            return *how = TEXT_NEW_SENTENCE, MK_OTHER;
        } else if (k == MK_EOF || k == MK_ERR)
            return k;
    }
}

typedef struct sent_info {
    long line;
    int32_t date;
    bool bad_date, has_text, too_long;
    size_t unknown;
    char date_raw[24];
} sent_info;

/* Takes id and date from the <Sentence> start tag. */
static bool sentence_attrs(dyad_reader *r, xml_state *st, sent_info *si, dyad_doc *doc)
{
    size_t n;
    const char *v = attr(&st->tag, "id", &n);
    if (v) {
        buf_clear(&st->raw);
        decode_text(v, n, &st->raw, false);
        doc->id = arena_strndup(&r->strings, st->raw.data ? st->raw.data : "", st->raw.len);
    } else {
        doc->id = arena_printf(&r->strings, "%s:%ld", r->name, si->line);
    }
    si->date = r->opts.doc_date;  /* the caller's default, 0 if none */
    v = attr(&st->tag, "date", &n);
    if (v) {
        si->date = date_parse(v, n);
        si->bad_date = si->date == 0;
        snprintf(si->date_raw, sizeof si->date_raw, "%.*s", (int)(n < 20 ? n : 20), v);
    }
    return doc->id != NULL;
}

/* Reads the body of a <Sentence> up to </Sentence>; returns MK_OTHER when
 * complete, MK_START when a new <Sentence> began first, else EOF/ERR. */
static mk_kind sentence_body(dyad_reader *r, xml_state *st, sent_info *si)
{
    for (;;) {
        mk_kind k = read_chars(&r->src, NULL, 0, NULL);
        if (k != MK_OTHER)
            return k;
        long line = r->src.line;
        k = read_markup(r, st);
        if (k == MK_EOF || k == MK_ERR)
            return k;
        if (k == MK_END && tag_is(&st->tag, "Sentence"))
            return MK_OTHER;
        if (k == MK_START && tag_is(&st->tag, "Sentence")) {
            st->have_tag = true;
            st->tag_line = line;
            return MK_START;
        }
        if (k != MK_START || !tag_is(&st->tag, "Text") ||
            st->tag.data[st->tag.len - 1] == '/') {
            if (k == MK_START && tag_is(&st->tag, "Text"))
                si->has_text = true;
            continue;
        }
        if (si->has_text && r->text.len)
            buf_append(&r->text, "\n\n", 2);
        si->has_text = true;
        text_end how = TEXT_DONE;
        k = read_text(r, st, &how, &si->unknown, &si->too_long);
        if (k != MK_OTHER)
            return k;
        if (how == TEXT_SENTENCE_END)
            return MK_OTHER;
        if (how == TEXT_NEW_SENTENCE)
            return MK_START;
    }
}

static void trim(buf *b)
{
    size_t a = 0, e = b->len;
    while (a < e && (b->data[a] == ' ' || b->data[a] == '\t' || b->data[a] == '\n'))
        a++;
    while (e > a && (b->data[e - 1] == ' ' || b->data[e - 1] == '\t' || b->data[e - 1] == '\n'))
        e--;
    if (a)
        memmove(b->data, b->data + a, e - a);
    b->len = e - a;
    if (b->data)
        b->data[b->len] = '\0';
}

/* One <Sentence> (its start tag in st->tag) to a document; false when it
 * was rejected or failed (*status says which). */
static bool read_sentence(dyad_reader *r, xml_state *st, long line, dyad_doc *doc,
                          dyad_status *status)
{
    arena_reset(&r->strings);
    buf_clear(&r->text);
    memset(doc, 0, sizeof *doc);
    if (st->raw.cap > ((size_t)8 << 20))
        buf_free(&st->raw);  /* a huge CDATA or text run is not kept */
    sent_info si = {.line = line};
    if (!sentence_attrs(r, st, &si, doc))
        return *status = DYAD_ENOMEM, false;
    bool self_closing = st->tag.len && st->tag.data[st->tag.len - 1] == '/';
    mk_kind k = self_closing ? MK_OTHER : sentence_body(r, st, &si);
    if (k == MK_ERR)
        return *status = io_stream_error(r), false;
    if (r->text.failed)
        return *status = DYAD_ENOMEM, false;
    if (k == MK_EOF)
        return *status = io_reject(r, line, "<Sentence> not closed before the end of the file"), false;
    if (k == MK_START)
        return *status = io_reject(r, line, "<Sentence> not closed before the next <Sentence>"), false;
    if (!si.has_text)
        return *status = io_reject(r, line, "<Sentence> without <Text>"), false;
    if (si.too_long)
        return *status = io_reject(r, line, "<Text> longer than %zu MB; skipped", IO_MAX_RECORD >> 20), false;
    if (si.bad_date)
        return *status = io_reject(r, line, "bad date '%s' (want YYYYMMDD)", si.date_raw), false;
    if (si.unknown)
        io_warn(r, line, "%zu '&' not starting a known entity, kept as is", si.unknown);
    trim(&r->text);
    doc->date = si.date;
    doc->text = r->text.data ? r->text.data : "";
    doc->text_len = r->text.len;
    doc->line = line;
    return true;
}

static dyad_status xml_next(dyad_reader *r, dyad_doc *doc)
{
    xml_state *st = r->state;
    if (!st) {
        if (!(st = r->state = calloc(1, sizeof *st)))
            return DYAD_ENOMEM;
        buf_init(&st->tag);
        buf_init(&st->raw);
    }
    for (;;) {
        long line = st->tag_line;
        mk_kind k = MK_START;
        if (st->have_tag) {
            st->have_tag = false;
        } else {
            k = read_chars(&r->src, NULL, 0, NULL);
            line = r->src.line;
            if (k == MK_OTHER)
                k = read_markup(r, st);
        }
        if (k == MK_ERR)
            return io_stream_error(r);
        if (k == MK_EOF) {
            if (r->docs == 0 && r->rejected == 0)
                io_warn(r, 0, "no <Sentence> records found");
            return DYAD_EEND;
        }
        if (k != MK_START || !tag_is(&st->tag, "Sentence"))
            continue;
        dyad_status status = DYAD_OK;
        if (read_sentence(r, st, line, doc, &status))
            return DYAD_OK;
        if (status != DYAD_OK)
            return status;
    }
}

static void xml_free(dyad_reader *r)
{
    xml_state *st = r->state;
    if (!st)
        return;
    buf_free(&st->tag);
    buf_free(&st->raw);
    free(st);
    r->state = NULL;
}

const io_format_ops io_xml_ops = {xml_next, xml_free};
