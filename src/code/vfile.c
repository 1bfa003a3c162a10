/* vfile.c: reader for PETRARCH validation files: <Environment> (Verbfile,
 * Actorfile, Agentfile, Discardfile, Issuefile; <Config> options),
 * <Config option value> between and inside records, <Sentence date id
 * category sentence> with <EventCoding sourcecode targetcode eventcode>
 * (or error="...") and <Text>. <Parse> is skipped unread: dyad codes from
 * the text. A small tag scanner, no XML library: the files are flat. Owns
 * the records it returns (one arena, code_vfile_free). */
#include <stdlib.h>
#include <string.h>

#include "code.h"

typedef struct vscan {
    const char *s, *end, *name;
    code_vfile *vf;
    dyad_diag_fn diag;
    void *ud;
    vec recs, cfgs, evs;    /* growing arrays, copied into the arena at the end */
    vec pending;            /* <Config> met since the last record */
    int in_env;
} vscan;

static long line_of(const vscan *v, const char *p)
{
    long n = 1;
    for (const char *q = v->s; q < p; q++)
        n += *q == '\n';
    return n;
}

/* Copies s[0..n) decoding the five XML entities. */
static char *decode(arena *a, const char *s, size_t n, int collapse)
{
    char *out = arena_alloc(a, n + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    int space = 1;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '&') {
            static const struct { const char *e; char c; } ents[] = {
                {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
            for (size_t k = 0; k < DYAD_COUNT(ents); k++) {
                size_t l = strlen(ents[k].e);
                if (i + l <= n && !memcmp(s + i, ents[k].e, l)) {
                    c = ents[k].c;
                    i += l - 1;
                    break;
                }
            }
        }
        if (collapse && (c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
            if (!space)
                out[o++] = ' ';
            space = 1;
            continue;
        }
        space = 0;
        out[o++] = c;
    }
    while (collapse && o > 0 && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
    return out;
}

/* Value of attribute name inside tag text [b, e), or NULL. */
static char *attr(vscan *v, const char *b, const char *e, const char *name)
{
    size_t nl = strlen(name);
    for (const char *p = b; p + nl + 2 <= e; p++) {
        if (memcmp(p, name, nl) || p[nl] != '=' || (p > b && p[-1] != ' ' &&
            p[-1] != '\t' && p[-1] != '\n'))
            continue;
        char q = p[nl + 1];
        if (q != '"' && q != '\'')
            continue;
        const char *vb = p + nl + 2, *ve = memchr(vb, q, (size_t)(e - vb));
        if (!ve)
            return NULL;
        return decode(&v->vf->mem, vb, (size_t)(ve - vb), 0);
    }
    return NULL;
}

static const char *find(const char *p, const char *end, const char *what)
{
    size_t n = strlen(what);
    for (; p + n <= end; p++)
        if (*p == what[0] && !memcmp(p, what, n))
            return p;
    return NULL;
}

/* Text between <tag> and </tag> starting at p (inside [p, end)), or NULL. */
static char *element_text(vscan *v, const char *p, const char *end, const char *tag,
                          int collapse)
{
    char open[32], close[32];
    snprintf(open, sizeof open, "<%s>", tag);
    snprintf(close, sizeof close, "</%s>", tag);
    const char *b = find(p, end, open);
    if (!b)
        return NULL;
    b += strlen(open);
    const char *e = find(b, end, close);
    if (!e)
        return NULL;
    return decode(&v->vf->mem, b, (size_t)(e - b), collapse);
}

static void config(vscan *v, const char *b, const char *e, vec *into)
{
    code_vconfig *c = vec_push(into);
    if (!c)
        return;
    c->option = attr(v, b, e, "option");
    c->value = attr(v, b, e, "value");
    if (!c->option || !c->value) {
        into->len--;   /* a bare <Config> carries nothing */
    }
}

static void environment(vscan *v, const char *b, const char *e)
{
    code_vfile *vf = v->vf;
    vf->verbs = element_text(v, b, e, "Verbfile", 1);
    vf->actors = element_text(v, b, e, "Actorfile", 1);
    vf->agents = element_text(v, b, e, "Agentfile", 1);
    vf->discards = element_text(v, b, e, "Discardfile", 1);
    vf->issues = element_text(v, b, e, "Issuefile", 1);
    for (const char *p = b; (p = find(p, e, "<Config")) != NULL;) {
        const char *te = memchr(p, '>', (size_t)(e - p));
        if (!te)
            break;
        config(v, p, te, &v->cfgs);
        p = te;
    }
}

static void event_coding(vscan *v, const char *b, const char *e)
{
    code_vevent *ev = vec_push(&v->evs);
    if (!ev)
        return;
    ev->source = attr(v, b, e, "sourcecode");
    ev->target = attr(v, b, e, "targetcode");
    ev->code = attr(v, b, e, "eventcode");
    ev->error = attr(v, b, e, "error");
}

static void sentence(vscan *v, const char *b, const char *te, const char *e)
{
    code_vrecord *r = vec_push(&v->recs);
    if (!r)
        return;
    arena *a = &v->vf->mem;
    r->line = line_of(v, b);
    r->id = attr(v, b, te, "id");
    r->category = attr(v, b, te, "category");
    char *date = attr(v, b, te, "date"), *sent = attr(v, b, te, "sentence");
    r->date = date ? date_parse(date, strlen(date)) : 0;
    r->sentence = !sent || strcmp(sent, "false") != 0;
    if (!r->id)
        r->id = arena_printf(a, "line-%ld", r->line);
    if (!r->category)
        r->category = "";
    r->text = element_text(v, te, e, "Text", 1);
    if (!r->text) {
        diag_emit(v->diag, v->ud, DYAD_WARNING, v->name, r->line, -1,
                  "record %s has no <Text>", r->id);
        r->text = "";
    }
    /* Only what lies outside <Parse> counts. */
    const char *pb = find(te, e, "<Parse>");
    const char *pe = pb ? find(pb, e, "</Parse>") : NULL;
    v->evs.len = 0;
    for (const char *p = te; (p = find(p, e, "<")) != NULL; p++) {
        if (pb && pe && p >= pb && p < pe)
            continue;
        const char *tend = memchr(p, '>', (size_t)(e - p));
        if (!tend)
            break;
        if (!strncmp(p, "<EventCoding", 12))
            event_coding(v, p, tend);
        else if (!strncmp(p, "<Config", 7))
            config(v, p, tend, &v->pending);
    }
    r->nevents = v->evs.len;
    r->events = arena_alloc(a, (r->nevents + 1) * sizeof *r->events);
    if (r->events && r->nevents)
        memcpy(r->events, v->evs.data, r->nevents * sizeof *r->events);
    r->nconfigs = v->pending.len;
    r->configs = arena_alloc(a, (r->nconfigs + 1) * sizeof *r->configs);
    if (r->configs && r->nconfigs)
        memcpy(r->configs, v->pending.data, r->nconfigs * sizeof *r->configs);
    v->pending.len = 0;
}

static const char *skip_comment(const char *p, const char *end)
{
    const char *e = find(p + 4, end, "-->");
    return e ? e + 3 : end;
}

dyad_status code_vfile_parse(const char *data, size_t len, const char *name,
                             code_vfile *out, dyad_diag_fn diag, void *ud)
{
    memset(out, 0, sizeof *out);
    arena_init(&out->mem, 1 << 16);
    vscan v = {data, data + len, name ? name : "<memory>", out, diag, ud,
               {0}, {0}, {0}, {0}, 0};
    vec_init(&v.recs, sizeof(code_vrecord));
    vec_init(&v.cfgs, sizeof(code_vconfig));
    vec_init(&v.evs, sizeof(code_vevent));
    vec_init(&v.pending, sizeof(code_vconfig));
    const char *p = data, *end = data + len;
    int env = 0;
    while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        /* The '>' bounds every prefix comparison below: the buffer is not
         * NUL-terminated, and strncmp stops at the first differing byte. */
        const char *te = memchr(p, '>', (size_t)(end - p));
        if (!te)
            break;
        if (!strncmp(p, "<!--", 4)) {
            p = skip_comment(p, end);
            continue;
        }
        if (!strncmp(p, "<Environment>", 13)) {
            const char *ee = find(te, end, "</Environment>");
            environment(&v, te, ee ? ee : end);
            env = 1;
            p = ee ? ee : end;
        } else if (!strncmp(p, "<Sentence ", 10) || !strncmp(p, "<Sentence>", 10)) {
            const char *se = find(te, end, "</Sentence>");
            if (!se) {
                diag_emit(diag, ud, DYAD_ERROR, v.name, line_of(&v, p), -1,
                          "<Sentence> without </Sentence>; rest of file skipped");
                break;
            }
            sentence(&v, p, te, se);
            p = se;
        } else if (!strncmp(p, "<Config", 7)) {
            config(&v, p, te, &v.pending);
            p = te;
        } else {
            p = te;
        }
    }
    arena *a = &out->mem;
    out->nrecords = v.recs.len;
    out->records = arena_alloc(a, (v.recs.len + 1) * sizeof *out->records);
    if (out->records && v.recs.len)
        memcpy(out->records, v.recs.data, v.recs.len * sizeof *out->records);
    out->nconfigs = v.cfgs.len;
    out->configs = arena_alloc(a, (v.cfgs.len + 1) * sizeof *out->configs);
    if (out->configs && v.cfgs.len)
        memcpy(out->configs, v.cfgs.data, v.cfgs.len * sizeof *out->configs);
    int failed = v.recs.cap && !v.recs.data;
    vec_free(&v.recs);
    vec_free(&v.cfgs);
    vec_free(&v.evs);
    vec_free(&v.pending);
    if (a->failed || failed)
        return DYAD_ENOMEM;
    if (!env && !out->nrecords) {
        diag_emit(diag, ud, DYAD_ERROR, v.name, 0, -1,
                  "not a PETRARCH validation file (no <Environment>, no <Sentence>)");
        return DYAD_EFORMAT;
    }
    return DYAD_OK;
}

dyad_status code_vfile_read(const char *path, code_vfile *out, dyad_diag_fn diag,
                            void *ud)
{
    memset(out, 0, sizeof *out);
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_emit(diag, ud, DYAD_ERROR, path, 0, -1, "cannot open the file");
        return DYAD_EIO;
    }
    buf b;
    buf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_append(&b, chunk, n);
    int err = ferror(f);
    fclose(f);
    if (err || b.failed) {
        buf_free(&b);
        diag_emit(diag, ud, DYAD_ERROR, path, 0, -1, "cannot read the file");
        return err ? DYAD_EIO : DYAD_ENOMEM;
    }
    dyad_status st = code_vfile_parse(b.data ? b.data : "", b.len, path, out, diag, ud);
    buf_free(&b);
    return st;
}

void code_vfile_free(code_vfile *vf)
{
    if (vf)
        arena_free(&vf->mem);
}
