/* html.c: writes the HTML report: figures about the corpus from one pass
 * over the events, charts drawn by plot.c as SVG (base64 data URIs, so the
 * file stands alone and the SVGs' internal ids cannot collide), tables of
 * the top dyads and event codes, and a second pass that picks evidence
 * events for the top dyads. Memory: the plot's day-level cells, one 64-bit
 * hash per distinct document and sentence, and the evidence kept. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "plot.h"

enum { CODE_SLOTS = 5 * 10000 };   /* code length 2-4 x numeric value */

typedef struct idset {
    uint64_t *slot;                /* 0: empty */
    size_t n, cap;
} idset;

typedef struct figures {
    uint64_t events, quad[5];
    idset docs, sentences;
    uint64_t *codes;               /* events per CAMEO code, CODE_SLOTS */
    double gsum;
} figures;

typedef struct example {
    char *date, *code, *doc_id, *url, *sentence, *source_text, *verb_text, *target_text;
    char *source, *target;
    long s_b, s_e, v_b, v_e, t_b, t_e;     /* highlights inside sentence, -1: none */
} example;

typedef struct evidence {
    const plot_dyad *dyad;
    example ex[8];
    int n;
} evidence;

static int idset_add(idset *s, uint64_t h)
{
    h |= 1;                                   /* 0 marks an empty slot */
    if (s->n * 2 >= s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 1024;
        uint64_t *t = calloc(cap, sizeof *t);
        if (!t)
            return 0;
        for (size_t i = 0; i < s->cap; i++) {
            if (!s->slot[i])
                continue;
            size_t j = s->slot[i] & (cap - 1);
            while (t[j])
                j = (j + 1) & (cap - 1);
            t[j] = s->slot[i];
        }
        free(s->slot);
        s->slot = t;
        s->cap = cap;
    }
    size_t j = h & (s->cap - 1);
    for (; s->slot[j]; j = (j + 1) & (s->cap - 1))
        if (s->slot[j] == h)
            return 1;
    s->slot[j] = h;
    s->n++;
    return 1;
}

static size_t code_slot(const char *code)
{
    size_t len = strlen(code);
    return len * 10000 + (size_t)atoi(code);    /* codes are checked: 2-4 digits */
}

static int figures_add(figures *f, const agg_event *ev)
{
    uint64_t d = hash_bytes(ev->doc_id, strlen(ev->doc_id));
    f->events++;
    f->quad[ev->quad]++;
    f->gsum += ev->goldstein;
    f->codes[code_slot(ev->code)]++;
    return idset_add(&f->docs, d) &&
           idset_add(&f->sentences, d * 1000003u + (uint64_t)ev->sentence);
}

/* ---- HTML helpers ---------------------------------------------------------- */

static void esc(FILE *out, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        switch (s[i]) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        default: fputc(s[i], out);
        }
    }
}

static void escs(FILE *out, const char *s)
{
    esc(out, s, strlen(s));
}

static void base64(FILE *out, const unsigned char *p, size_t n)
{
    static const char tab[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)p[i] << 16 | (i + 1 < n ? (unsigned)p[i + 1] << 8 : 0) |
                     (i + 2 < n ? p[i + 2] : 0);
        fputc(tab[v >> 18 & 63], out);
        fputc(tab[v >> 12 & 63], out);
        fputc(i + 1 < n ? tab[v >> 6 & 63] : '=', out);
        fputc(i + 2 < n ? tab[v & 63] : '=', out);
    }
}

static const char style[] =
    "body{font:15px/1.45 system-ui,-apple-system,'DejaVu Sans',sans-serif;color:#222;"
    "max-width:1000px;margin:2em auto;padding:0 1em}"
    "h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ddd}"
    ".meta{color:#666}.cards{display:flex;flex-wrap:wrap;gap:.8em}"
    ".card{border:1px solid #ddd;border-radius:6px;padding:.5em 1em;min-width:8em}"
    ".card b{display:block;font-size:1.4em}"
    "table{border-collapse:collapse;margin:1em 0}td,th{padding:.25em .7em;text-align:left;"
    "border-bottom:1px solid #eee}td.n{text-align:right;font-variant-numeric:tabular-nums}"
    ".bar{display:flex;height:12px;width:200px;background:#f2f2f2}.bar span{display:block}"
    ".q1{background:#56B4E9}.q2{background:#0072B2}.q3{background:#E69F00}.q4{background:#D55E00}"
    "img.chart{max-width:100%;height:auto;border:1px solid #eee;margin:.5em 0}"
    "ul.ev{list-style:none;padding:0}ul.ev li{margin:.6em 0;padding:.4em .6em;"
    "border-left:3px solid #ccc}.small{color:#666;font-size:.85em}"
    "mark{padding:0 .15em;border-radius:3px}mark.s{background:#cfe8f7}"
    "mark.v{background:#fbe3b0}mark.t{background:#d5efe3}"
    ".legend mark{margin-right:.6em}";

/* ---- Evidence -------------------------------------------------------------- */

static void cut(char out[24], const char *code, int len)
{
    size_t n = strlen(code);
    if (len > 0 && n > (size_t)len && strcmp(code, "---"))
        n = (size_t)len;
    n = n > 23 ? 23 : n;
    memcpy(out, code, n);
    out[n] = '\0';
}

/* Where text lies in the sentence: from the spans when they fit, else the
 * first occurrence of the text. */
static void locate(const agg_event *ev, dyad_span sp, const char *text, long *b, long *e)
{
    const char *s = ev->sentence_text;
    size_t slen = strlen(s);
    *b = *e = -1;
    if (ev->sentence_span.end - ev->sentence_span.begin == slen && sp.end > sp.begin &&
        sp.begin >= ev->sentence_span.begin && sp.end <= ev->sentence_span.end) {
        *b = (long)(sp.begin - ev->sentence_span.begin);
        *e = (long)(sp.end - ev->sentence_span.begin);
    } else if (*text && (s = strstr(s, text))) {
        *b = s - ev->sentence_text;
        *e = *b + (long)strlen(text);
    }
}

static void example_free(example *x)
{
    char **f[] = {&x->date, &x->code, &x->doc_id, &x->url, &x->sentence, &x->source_text,
                  &x->verb_text, &x->target_text, &x->source, &x->target};
    for (size_t i = 0; i < DYAD_COUNT(f); i++)
        free(*f[i]);
    memset(x, 0, sizeof *x);
}

static int example_set(example *x, const agg_event *ev)
{
    char date[16];
    example_free(x);
    snprintf(date, sizeof date, "%04d-%02d-%02d", (int)(ev->date / 10000),
             (int)(ev->date / 100 % 100), (int)(ev->date % 100));
    x->date = strdup(date);
    x->code = strdup(ev->code);
    x->doc_id = strdup(ev->doc_id);
    x->url = strdup(ev->url);
    x->sentence = strdup(ev->sentence_text);
    x->source_text = strdup(ev->source_text);
    x->verb_text = strdup(ev->verb_text);
    x->target_text = strdup(ev->target_text);
    x->source = strdup(ev->source);
    x->target = strdup(ev->target);
    locate(ev, ev->source_span, ev->source_text, &x->s_b, &x->s_e);
    locate(ev, ev->verb_span, ev->verb_text, &x->v_b, &x->v_e);
    locate(ev, ev->target_span, ev->target_text, &x->t_b, &x->t_e);
    return x->date && x->code && x->doc_id && x->url && x->sentence && x->source_text &&
           x->verb_text && x->target_text && x->source && x->target;
}

/* Keeps the first examples per dyad, preferring events with a sentence. */
static int evidence_add(evidence *ev, size_t n, int want, int actor_len, const agg_event *e)
{
    char s[24], t[24];
    cut(s, e->source, actor_len);
    cut(t, e->target, actor_len);
    for (size_t i = 0; i < n; i++) {
        evidence *d = &ev[i];
        if (strcmp(d->dyad->source, s) || strcmp(d->dyad->target, t))
            continue;
        if (d->n < want)
            return example_set(&d->ex[d->n++], e);
        if (!*e->sentence_text)
            return 1;
        for (int k = 0; k < d->n; k++)
            if (!*d->ex[k].sentence)
                return example_set(&d->ex[k], e);
        return 1;
    }
    return 1;
}

static dyad_status collect_evidence(const char *path, agg_format fmt, evidence *ev, size_t n,
                                    const report_opts *o)
{
    dyad_status st;
    agg_reader *r = agg_reader_open(path, fmt, 0, NULL, NULL, &st);
    if (!r)
        return st;
    agg_event e;
    while ((st = agg_reader_next(r, &e)) == DYAD_OK)
        if (!evidence_add(ev, n, o->examples, o->actor_len, &e)) {
            st = DYAD_ENOMEM;
            break;
        }
    agg_reader_free(r);
    return st == DYAD_EEND ? DYAD_OK : st;
}

/* ---- Sections ---------------------------------------------------------------- */

static void card(FILE *out, const char *label, const char *fmt, unsigned long long v)
{
    fprintf(out, "<div class=card><b>");
    fprintf(out, fmt, v);
    fprintf(out, "</b>%s</div>\n", label);
}

static void section_figures(FILE *out, const figures *f, plot *p, size_t ndyads,
                            size_t rejected)
{
    int32_t a, b;
    plot_date_range(p, &a, &b);
    fprintf(out, "<div class=cards>\n");
    card(out, "events", "%llu", f->events);
    card(out, "documents with events", "%llu", f->docs.n);
    card(out, "sentences with events", "%llu", f->sentences.n);
    card(out, "dyads", "%llu", ndyads);
    card(out, "days", "%llu", (unsigned long long)(agg_days(b) - agg_days(a) + 1));
    if (rejected)
        card(out, "records rejected", "%llu", rejected);
    fprintf(out, "</div>\n<p>From %04d-%02d-%02d to %04d-%02d-%02d; mean Goldstein score "
                 "%.2f.</p>\n<table><tr><th>quad class</th><th>events</th><th>share</th></tr>\n",
            a / 10000, a / 100 % 100, a % 100, b / 10000, b / 100 % 100, b % 100,
            f->events ? f->gsum / (double)f->events : 0.0);
    static const char *names[] = {"", "verbal cooperation", "material cooperation",
                                  "verbal conflict", "material conflict"};
    for (int q = 1; q <= 4; q++)
        fprintf(out, "<tr><td><span class=\"q%d\">&nbsp;&nbsp;</span> %s</td><td class=n>%llu"
                     "</td><td class=n>%.1f%%</td></tr>\n",
                q, names[q], (unsigned long long)f->quad[q],
                f->events ? 100.0 * (double)f->quad[q] / (double)f->events : 0.0);
    fprintf(out, "</table>\n");
}

static dyad_status chart(FILE *out, plot *p, plot_kind kind, int value, const char *alt)
{
    plot_opts *o = plot_options(p);
    o->kind = kind;
    o->matrix_goldstein = value;
    o->top = kind == PLOT_MATRIX ? 10 : kind == PLOT_TOP ? 15 : 4;
    buf svg;
    buf_init(&svg);
    dyad_status st = plot_render_buf(p, PLOT_SVG, &svg);
    if (st == DYAD_OK) {
        fprintf(out, "<p><img class=chart width=%d height=%d alt=\"", o->width, o->height);
        escs(out, alt);
        fputs("\" src=\"data:image/svg+xml;base64,", out);
        base64(out, (const unsigned char *)svg.data, svg.len);
        fputs("\"></p>\n", out);
    }
    buf_free(&svg);
    return st == DYAD_EINVAL ? DYAD_OK : st;   /* nothing to draw: no chart */
}

static void section_dyads(FILE *out, const plot_dyad *d, size_t n, uint64_t total)
{
    fprintf(out, "<table><tr><th>#</th><th>source</th><th>target</th><th>events</th>"
                 "<th>share</th><th>mean Goldstein</th><th>quad classes</th></tr>\n");
    for (size_t i = 0; i < n; i++) {
        fprintf(out, "<tr><td class=n>%zu</td><td>", i + 1);
        escs(out, d[i].source);
        fputs("</td><td>", out);
        escs(out, d[i].target);
        fprintf(out, "</td><td class=n>%llu</td><td class=n>%.1f%%</td><td class=n>%.2f</td>"
                     "<td><div class=bar>",
                (unsigned long long)d[i].events, 100.0 * (double)d[i].events / (double)total,
                d[i].goldstein_sum / (double)d[i].events);
        for (int q = 1; q <= 4; q++)
            fprintf(out, "<span class=q%d style=\"width:%.1f%%\"></span>", q,
                    100.0 * (double)d[i].quad[q] / (double)d[i].events);
        fputs("</div></td></tr>\n", out);
    }
    fputs("</table>\n", out);
}

static void section_codes(FILE *out, const figures *f, int top)
{
    fprintf(out, "<table><tr><th>code</th><th>event</th><th>Goldstein</th><th>events</th></tr>\n");
    for (int k = 0; k < top; k++) {
        size_t best = 0;
        for (size_t i = 1; i < CODE_SLOTS; i++)
            if (f->codes[i] > f->codes[best])
                best = i;
        if (!f->codes[best])
            break;
        char code[8];
        snprintf(code, sizeof code, "%0*zu", (int)(best / 10000), best % 10000);
        double g = 0;
        int q = 0;
        const char *label = NULL;
        int known = dyad_cameo_lookup(code, &g, &q, &label);
        fprintf(out, "<tr><td>%s</td><td>", code);
        escs(out, known && label ? label : "");
        fputs("</td><td class=n>", out);
        if (known)
            fprintf(out, "%.1f", g);
        fprintf(out, "</td><td class=n>%llu</td></tr>\n", (unsigned long long)f->codes[best]);
        f->codes[best] = 0;   /* the table is the last use of the counts */
    }
    fputs("</table>\n", out);
}

/* The sentence with the three spans marked; spans that overlap an earlier
 * one are left unmarked rather than nested wrongly. */
static void highlighted(FILE *out, const example *x)
{
    typedef struct mark { long b, e; const char *cls; } mark;
    mark m[3] = {
        {x->s_b, x->s_e, "s"}, {x->v_b, x->v_e, "v"}, {x->t_b, x->t_e, "t"}};
    for (int i = 0; i < 3; i++)           /* sort by start */
        for (int j = i + 1; j < 3; j++)
            if (m[j].b >= 0 && (m[i].b < 0 || m[j].b < m[i].b)) {
                mark tmp = m[i];
                m[i] = m[j];
                m[j] = tmp;
            }
    long at = 0, len = (long)strlen(x->sentence);
    for (int i = 0; i < 3; i++) {
        if (m[i].b < at || m[i].e > len || m[i].e <= m[i].b)
            continue;
        esc(out, x->sentence + at, (size_t)(m[i].b - at));
        fprintf(out, "<mark class=%s>", m[i].cls);
        esc(out, x->sentence + m[i].b, (size_t)(m[i].e - m[i].b));
        fputs("</mark>", out);
        at = m[i].e;
    }
    esc(out, x->sentence + at, (size_t)(len - at));
}

static void one_example(FILE *out, const example *x)
{
    double g = 0;
    int q = 0;
    const char *label = NULL;
    dyad_cameo_lookup(x->code, &g, &q, &label);
    fputs("<li>", out);
    if (*x->sentence) {
        highlighted(out, x);
    } else {
        fputs("<mark class=s>", out);
        escs(out, *x->source_text ? x->source_text : x->source);
        fputs("</mark> <mark class=v>", out);
        escs(out, *x->verb_text ? x->verb_text : x->code);
        fputs("</mark> <mark class=t>", out);
        escs(out, *x->target_text ? x->target_text : x->target);
        fputs("</mark>", out);
    }
    fprintf(out, "<br><span class=small>%s &middot; ", x->date);
    escs(out, x->source);
    fputs(" &rarr; ", out);
    escs(out, x->target);
    fprintf(out, " &middot; %s ", x->code);
    escs(out, label ? label : "");
    fputs(" &middot; ", out);
    if (*x->url && (!strncmp(x->url, "http://", 7) || !strncmp(x->url, "https://", 8))) {
        fputs("<a href=\"", out);
        escs(out, x->url);
        fputs("\">", out);
        size_t n = strlen(x->doc_id);
        if (n > 64) {   /* long URLs as ids: show the start, link the whole */
            n = 60;
            while (n > 0 && ((unsigned char)x->doc_id[n] & 0xC0) == 0x80)
                n--;
        }
        esc(out, x->doc_id, n);
        fputs(n < strlen(x->doc_id) ? "&hellip;</a>" : "</a>", out);
    } else {
        escs(out, x->doc_id);
    }
    fputs("</span></li>\n", out);
}

static void section_evidence(FILE *out, const evidence *ev, size_t n)
{
    fputs("<p class=legend><mark class=s>source</mark><mark class=v>verb</mark>"
          "<mark class=t>target</mark></p>\n", out);
    for (size_t i = 0; i < n; i++) {
        fputs("<h3>", out);
        escs(out, ev[i].dyad->source);
        fputs(" &rarr; ", out);
        escs(out, ev[i].dyad->target);
        fprintf(out, " <span class=small>(%llu events)</span></h3>\n<ul class=ev>\n",
                (unsigned long long)ev[i].dyad->events);
        for (int k = 0; k < ev[i].n; k++)
            one_example(out, &ev[i].ex[k]);
        fputs("</ul>\n", out);
    }
}

/* ---- The report --------------------------------------------------------------- */

static dyad_status first_pass(const char *path, agg_format fmt, plot *p, figures *f,
                              dyad_diag_fn diag, void *ud, size_t *rejected)
{
    dyad_status st;
    agg_reader *r = agg_reader_open(path, fmt, 0, diag, ud, &st);
    if (!r)
        return st;
    agg_event ev;
    while ((st = agg_reader_next(r, &ev)) == DYAD_OK) {
        if ((st = plot_add(p, &ev)) != DYAD_OK)
            break;
        if (!figures_add(f, &ev)) {
            st = DYAD_ENOMEM;
            break;
        }
    }
    *rejected = agg_reader_rejected(r);
    agg_reader_free(r);
    return st == DYAD_EEND ? DYAD_OK : st;
}

static dyad_status body(FILE *out, const char *path, agg_format fmt, const report_opts *o,
                        plot *p, figures *f, size_t rejected)
{
    size_t nd;
    plot_dyad *d = plot_top_dyads(p, &nd);
    size_t ntop = nd < (size_t)o->top ? nd : (size_t)o->top;
    evidence *ev = calloc(ntop + 1, sizeof *ev);
    if (!ev) {
        free(d);
        return DYAD_ENOMEM;
    }
    for (size_t i = 0; i < ntop; i++)
        ev[i].dyad = &d[i];
    dyad_status st = collect_evidence(path, fmt, ev, ntop, o);
    fputs("<h2>Corpus</h2>\n", out);
    section_figures(out, f, p, nd, rejected);
    fputs("<h2>Charts</h2>\n", out);
    if (st == DYAD_OK)
        st = chart(out, p, PLOT_QUAD, 0, "events by quad class over time");
    if (st == DYAD_OK)
        st = chart(out, p, PLOT_GOLDSTEIN, 0, "mean Goldstein score of the busiest dyads");
    if (st == DYAD_OK)
        st = chart(out, p, PLOT_TOP, 0, "top dyads by events");
    if (st == DYAD_OK)
        st = chart(out, p, PLOT_MATRIX, 0, "events between the most active actors");
    if (st == DYAD_OK)
        st = chart(out, p, PLOT_MATRIX, 1, "mean Goldstein between the most active actors");
    fprintf(out, "<h2>Top %zu dyads</h2>\n", ntop);
    section_dyads(out, d, ntop, f->events);
    fputs("<h2>Most frequent event codes</h2>\n", out);
    section_codes(out, f, 15);
    fputs("<h2>Evidence</h2>\n", out);
    section_evidence(out, ev, ntop);
    for (size_t i = 0; i < ntop; i++)
        for (int k = 0; k < ev[i].n; k++)
            example_free(&ev[i].ex[k]);
    free(ev);
    free(d);
    return st;
}

dyad_status report_html(const char *path, agg_format fmt, const report_opts *o_in,
                        FILE *out, dyad_diag_fn diag, void *ud, size_t *rejected)
{
    report_opts o = *o_in;
    o.top = o.top > 0 ? o.top : 10;
    o.examples = o.examples > 0 && o.examples <= 8 ? o.examples : 3;
    plot_opts po = {.auto_period = 1, .actor_len = o.actor_len, .width = 900, .height = 460};
    plot *p = plot_new(&po);
    figures f = {0};
    f.codes = calloc(CODE_SLOTS, sizeof *f.codes);
    dyad_status st = p && f.codes ? DYAD_OK : DYAD_ENOMEM;
    if (st == DYAD_OK)
        st = first_pass(path, fmt, p, &f, diag, ud, rejected);
    if (st == DYAD_OK && !f.events)
        st = DYAD_EINVAL;
    if (st == DYAD_OK) {
        char title[300];
        snprintf(title, sizeof title, "Events in %s", o.name ? o.name : path);
        fputs("<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>\n<title>", out);
        escs(out, o.title ? o.title : title);
        fprintf(out, "</title>\n<style>%s</style></head><body>\n<h1>", style);
        escs(out, o.title ? o.title : title);
        fprintf(out, "</h1>\n<p class=meta>dyad %s report of ", dyad_version());
        escs(out, o.name ? o.name : path);
        fputs("</p>\n", out);
        st = body(out, path, fmt, &o, p, &f, *rejected);
        fputs("<p class=\"meta small\">Written by dyad; charts use the Okabe-Ito "
              "colour-blind-safe palette.</p>\n</body></html>\n", out);
        if (st == DYAD_OK && ferror(out))
            st = DYAD_EIO;
    }
    free(f.docs.slot);
    free(f.sentences.slot);
    free(f.codes);
    plot_free(p);
    return st;
}
