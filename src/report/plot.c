/* plot.c: the chart kinds of 'dyad plot' and 'dyad report': a dyad's
 * quad-class series, Goldstein series of several dyads, the top dyads by
 * events (bars stacked by quad class) and an actor-by-actor heat map. Owns
 * the plot's day-level agg and the reduction of its cells to series; the
 * drawing primitives are in chart.c. */
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <cairo-svg.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "plot.h"
#include "chart.h"

struct plot {
    plot_opts o;
    agg *a;               /* per day, full actor codes, by quad class */
    arena mem;            /* dyad names handed out by plot_top_dyads */
    uint64_t events;
    int32_t first, last;
};

static const rgb ink = {0.2, 0.2, 0.2}, grid = {0.89, 0.89, 0.89},
                 axis = {0.55, 0.55, 0.55};

plot *plot_new(const plot_opts *opts)
{
    plot *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->o = *opts;
    agg_opts ao = {.period = AGG_DAY, .by = AGG_BY_QUAD};
    p->a = agg_new(&ao);
    if (!p->a) {
        free(p);
        return NULL;
    }
    arena_init(&p->mem, 16 * 1024);
    return p;
}

void plot_free(plot *p)
{
    if (!p)
        return;
    agg_free(p->a);
    arena_free(&p->mem);
    free(p);
}

plot_opts *plot_options(plot *p)
{
    return &p->o;
}

uint64_t plot_events(const plot *p)
{
    return p->events;
}

void plot_date_range(const plot *p, int32_t *first, int32_t *last)
{
    *first = p->first;
    *last = p->last;
}

dyad_status plot_add(plot *p, const agg_event *ev)
{
    dyad_status st = agg_add(p->a, ev, NULL);
    if (st != DYAD_OK)
        return st;
    p->events++;
    if (!p->first || ev->date < p->first)
        p->first = ev->date;
    if (ev->date > p->last)
        p->last = ev->date;
    return DYAD_OK;
}

int plot_format_of(const char *path)
{
    size_t n = strlen(path);
    if (n > 4 && !strcasecmp(path + n - 4, ".png"))
        return PLOT_PNG;
    if (n > 4 && !strcasecmp(path + n - 4, ".svg"))
        return PLOT_SVG;
    if (n > 4 && !strcasecmp(path + n - 4, ".pdf"))
        return PLOT_PDF;
    return -1;
}

/* ---- Periods on the x axis ----------------------------------------------- */

static agg_period choose_period(const plot *p)
{
    if (!p->o.auto_period)
        return p->o.period;
    long span = agg_days(p->last) - agg_days(p->first);
    agg_period per = span <= 62 ? AGG_DAY : span <= 800 ? AGG_WEEK : AGG_MONTH;
    /* a mean needs several events per period: Goldstein series go coarser */
    if (p->o.kind == PLOT_GOLDSTEIN && per != AGG_MONTH)
        per = per == AGG_DAY ? AGG_WEEK : AGG_MONTH;
    return per;
}

static long period_ordinal(int32_t start, agg_period per)
{
    switch (per) {
    case AGG_DAY: return agg_days(start);
    case AGG_WEEK: return agg_days(start) / 7;
    case AGG_MONTH: return (start / 10000) * 12L + start / 100 % 100;
    case AGG_YEAR: return start / 10000;
    default: return 0;
    }
}

typedef struct axis_x {
    agg_period per;
    int32_t *start;     /* first day of each period */
    size_t n;
    long base;          /* ordinal of start[0] */
} axis_x;

static int axis_build(const plot *p, axis_x *x)
{
    x->per = choose_period(p);
    if (x->per == AGG_ALL)
        x->per = AGG_MONTH;
    int32_t s0 = agg_period_start(p->first, x->per), s1 = agg_period_start(p->last, x->per);
    x->base = period_ordinal(s0, x->per);
    x->n = (size_t)(period_ordinal(s1, x->per) - x->base + 1);
    x->start = malloc(x->n * sizeof *x->start);
    if (!x->start)
        return 0;
    for (size_t i = 0; i < x->n; i++, s0 = agg_period_next(s0, x->per))
        x->start[i] = s0;
    return 1;
}

static size_t axis_index(const axis_x *x, int32_t day)
{
    return (size_t)(period_ordinal(agg_period_start(day, x->per), x->per) - x->base);
}

static const char *period_word(agg_period per)
{
    return per == AGG_DAY ? "day" : per == AGG_WEEK ? "week" : per == AGG_MONTH ? "month" : "year";
}

/* ---- Matching and cutting actor codes -------------------------------------- */

static int prefix(const char *s, const char *pre)
{
    return !strncmp(s, pre, strlen(pre));
}

static void cut(char out[24], const char *code, int len)
{
    size_t n = strlen(code);
    if (len > 0 && n > (size_t)len && strcmp(code, "---"))
        n = (size_t)len;
    if (n > 23)
        n = 23;
    memcpy(out, code, n);
    out[n] = '\0';
}

/* ---- Dyads at the plot's actor level ---------------------------------------- */

typedef struct dy {
    char s[24], t[24];
    uint64_t events, quad[5];
    double gsum;
} dy;

static int dy_name_cmp(const void *x, const void *y)
{
    const dy *a = x, *b = y;
    int d = strcmp(a->s, b->s);
    return d ? d : strcmp(a->t, b->t);
}

static int dy_count_cmp(const void *x, const void *y)
{
    const dy *a = x, *b = y;
    if (a->events != b->events)
        return a->events > b->events ? -1 : 1;
    return dy_name_cmp(x, y);
}

/* Dyads (both actors present) summed over all time, most events first. */
static dy *collect_dyads(plot *p, size_t *n)
{
    size_t nc, m = 0;
    const agg_cell *const *cells = agg_sorted(p->a, &nc);
    *n = 0;
    dy *d = nc ? calloc(nc, sizeof *d) : NULL;
    if (!d)
        return NULL;
    for (size_t i = 0; i < nc; i++) {
        /* a dyad needs two actors: "---" (absent) and "---GOV" (a role with
         * no actor) are left out of top lists and matrices */
        if (!strncmp(cells[i]->source, "---", 3) || !strncmp(cells[i]->target, "---", 3))
            continue;
        dy *x = &d[m];
        cut(x->s, cells[i]->source, p->o.actor_len);
        cut(x->t, cells[i]->target, p->o.actor_len);
        m++;
        x->events = cells[i]->events;
        x->quad[cells[i]->key[0] - '0'] = cells[i]->events;
        x->gsum = cells[i]->goldstein_sum;
    }
    qsort(d, m, sizeof *d, dy_name_cmp);
    size_t k = 0;
    for (size_t i = 0; i < m; i++) {
        if (k && !dy_name_cmp(&d[k - 1], &d[i])) {
            d[k - 1].events += d[i].events;
            d[k - 1].gsum += d[i].gsum;
            for (int q = 0; q < 5; q++)
                d[k - 1].quad[q] += d[i].quad[q];
        } else {
            d[k++] = d[i];
        }
    }
    qsort(d, k, sizeof *d, dy_count_cmp);
    *n = k;
    return d;
}

plot_dyad *plot_top_dyads(plot *p, size_t *n)
{
    dy *d = collect_dyads(p, n);
    plot_dyad *out = *n ? calloc(*n, sizeof *out) : NULL;
    for (size_t i = 0; out && i < *n; i++) {
        out[i].source = arena_strdup(&p->mem, d[i].s);
        out[i].target = arena_strdup(&p->mem, d[i].t);
        out[i].events = d[i].events;
        memcpy(out[i].quad, d[i].quad, sizeof out[i].quad);
        out[i].goldstein_sum = d[i].gsum;
    }
    if (!out || p->mem.failed) {
        free(out);
        out = NULL;
        *n = 0;
    }
    free(d);
    return out;
}

/* ---- Series over time ------------------------------------------------------ */

/* Counts (per quad, index 1-4; 0 = all) and Goldstein sums per period of
 * the events from source prefix s to target prefix t ("" matches all). */
typedef struct series_data {
    double *count[5], *gsum;
} series_data;

static int series_fill(plot *p, const axis_x *x, const char *s, const char *t,
                       series_data *sd)
{
    for (int q = 0; q < 5; q++)
        if (!(sd->count[q] = calloc(x->n, sizeof(double))))
            return 0;
    if (!(sd->gsum = calloc(x->n, sizeof(double))))
        return 0;
    size_t nc;
    const agg_cell *const *cells = agg_sorted(p->a, &nc);
    for (size_t i = 0; i < nc; i++) {
        const agg_cell *c = cells[i];
        if (!prefix(c->source, s) || !prefix(c->target, t))
            continue;
        size_t k = axis_index(x, c->period);
        sd->count[c->key[0] - '0'][k] += (double)c->events;
        sd->count[0][k] += (double)c->events;
        sd->gsum[k] += c->goldstein_sum;
    }
    return 1;
}

static void series_free(series_data *sd)
{
    for (int q = 0; q < 5; q++)
        free(sd->count[q]);
    free(sd->gsum);
}

typedef struct line {
    const char *label;
    const double *y;     /* NaN: no value (a gap) */
    rgb colour;
} line;

typedef struct frame {
    double x0, y0, x1, y1;   /* plot area */
    double lo, hi;           /* y range */
} frame;

static double fy(const frame *f, double v)
{
    return f->y1 - (v - f->lo) / (f->hi - f->lo) * (f->y1 - f->y0);
}

static double fx(const frame *f, const axis_x *x, size_t i)
{
    if (x->n <= 1)
        return (f->x0 + f->x1) / 2;
    return f->x0 + (f->x1 - f->x0) * (double)i / (double)(x->n - 1);
}

static void draw_y_axis(cairo_t *cr, frame *f, const char *ylabel, double step)
{
    char lab[32];
    cairo_set_line_width(cr, 1);
    for (double v = f->lo; v <= f->hi + step / 2; v += step) {
        double y = round(fy(f, v)) + 0.5;
        chart_set(cr, fabs(v) < step / 2 && f->lo < 0 ? axis : grid);
        cairo_move_to(cr, f->x0, y);
        cairo_line_to(cr, f->x1, y);
        cairo_stroke(cr);
        snprintf(lab, sizeof lab, "%g", fabs(v) < step / 2 ? 0.0 : v);
        chart_set(cr, ink);
        chart_text(cr, f->x0 - 7, y + 4, lab, 11, 0, 1);
    }
    cairo_save(cr);
    cairo_translate(cr, 20, (f->y0 + f->y1) / 2);
    cairo_rotate(cr, -M_PI / 2);
    chart_text(cr, 0, 0, ylabel, 12, 0, 0.5);
    cairo_restore(cr);
}

static void draw_x_axis(cairo_t *cr, const frame *f, const axis_x *x)
{
    char lab[16];
    agg_period_format(x->start[0], x->per, lab);
    double lw = chart_text_width(cr, lab, 11, 0) + 18;
    double room = x->n > 1 ? (f->x1 - f->x0) / (double)(x->n - 1) : lw;
    size_t every = (size_t)ceil(lw / room);
    every = every ? every : 1;
    chart_set(cr, axis);
    cairo_set_line_width(cr, 1);
    cairo_move_to(cr, f->x0, round(f->y1) + 0.5);
    cairo_line_to(cr, f->x1, round(f->y1) + 0.5);
    cairo_stroke(cr);
    for (size_t i = 0; i < x->n; i += every) {
        double px = round(fx(f, x, i)) + 0.5;
        chart_set(cr, axis);
        cairo_move_to(cr, px, f->y1);
        cairo_line_to(cr, px, f->y1 + 5);
        cairo_stroke(cr);
        agg_period_format(x->start[i], x->per, lab);
        chart_set(cr, ink);
        chart_text(cr, px, f->y1 + 19, lab, 11, 0, 0.5);
    }
}

/* A thin dotted line across periods without events, so a sparse series
 * still reads as one line while the gap stays visible. */
static void bridge_gaps(cairo_t *cr, const frame *f, const axis_x *x, const double *y)
{
    static const double dots[] = {2, 3};
    cairo_save(cr);
    cairo_set_line_width(cr, 1.2);
    cairo_set_dash(cr, dots, 2, 0);
    size_t last = (size_t)-1;
    for (size_t i = 0; i < x->n; i++) {
        if (isnan(y[i]))
            continue;
        if (last != (size_t)-1 && i > last + 1) {
            cairo_move_to(cr, fx(f, x, last), fy(f, y[last]));
            cairo_line_to(cr, fx(f, x, i), fy(f, y[i]));
            cairo_stroke(cr);
        }
        last = i;
    }
    cairo_restore(cr);
}

static void draw_lines(cairo_t *cr, const frame *f, const axis_x *x, const line *l,
                       size_t nl)
{
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    for (size_t s = 0; s < nl; s++) {
        chart_set(cr, l[s].colour);
        cairo_set_line_width(cr, 2.2);
        int pen = 0;
        for (size_t i = 0; i < x->n; i++) {
            if (isnan(l[s].y[i])) {
                pen = 0;
                continue;
            }
            double px = fx(f, x, i), py = fy(f, l[s].y[i]);
            if (pen)
                cairo_line_to(cr, px, py);
            else
                cairo_move_to(cr, px, py);
            pen = 1;
        }
        cairo_stroke(cr);
        bridge_gaps(cr, f, x, l[s].y);
        if (x->n > 60)
            continue;
        for (size_t i = 0; i < x->n; i++) {   /* markers show lone points too */
            if (isnan(l[s].y[i]))
                continue;
            cairo_arc(cr, fx(f, x, i), fy(f, l[s].y[i]), 2.8, 0, 2 * M_PI);
            cairo_fill(cr);
        }
    }
}

/* A line chart: title, legend, axes, lines. fixed_lo < fixed_hi pins the
 * y range (Goldstein: -10..10). */
static void line_chart(cairo_t *cr, const plot *p, const char *title, const char *ylabel,
                       const axis_x *x, const line *l, size_t nl, double fixed_lo,
                       double fixed_hi)
{
    double top = chart_title(cr, p->o.width, title, p->o.subtitle);
    chart_legend_item items[PLOT_MAX_DYADS + 4];
    for (size_t i = 0; i < nl && i < DYAD_COUNT(items); i++)
        items[i] = (chart_legend_item){l[i].label, l[i].colour};
    chart_legend(cr, p->o.width - 20, top + 8, items, nl, 0);
    frame f = {70, top + 26, p->o.width - 28, p->o.height - 48, 0, 1};
    if (fixed_lo < fixed_hi) {
        f.lo = fixed_lo;
        f.hi = fixed_hi;
    } else {
        for (size_t s = 0; s < nl; s++)
            for (size_t i = 0; i < x->n; i++)
                if (!isnan(l[s].y[i]) && l[s].y[i] > f.hi)
                    f.hi = l[s].y[i];
    }
    if (!(fixed_lo < fixed_hi) && f.hi < 5)
        f.hi = 5;   /* counts: whole-number ticks even for a quiet dyad */
    double step = chart_nice_ticks(&f.lo, &f.hi, fixed_lo < fixed_hi ? 4 : 5);
    draw_y_axis(cr, &f, ylabel, step);
    draw_x_axis(cr, &f, x);
    draw_lines(cr, &f, x, l, nl);
}

/* ---- The four kinds ------------------------------------------------------- */

static const int line_order[] = {4, 5, 2, 0, 6, 1, 7, 3};  /* yellow last: faint on white */

static void dyad_label(char *out, size_t size, const char *s, const char *t)
{
    snprintf(out, size, "%.23s \xE2\x86\x92 %.23s", *s ? s : "any", *t ? t : "any");
}

static dyad_status draw_quad(cairo_t *cr, plot *p)
{
    const char *s = p->o.ndyads ? p->o.dyads[0][0] : "";
    const char *t = p->o.ndyads ? p->o.dyads[0][1] : "";
    axis_x x;
    series_data sd = {0};
    if (!axis_build(p, &x))
        return DYAD_ENOMEM;
    dyad_status st = DYAD_ENOMEM;
    if (series_fill(p, &x, s, t, &sd)) {
        double total = 0;
        for (size_t i = 0; i < x.n; i++)
            total += sd.count[0][i];
        line l[4];
        for (int q = 1; q <= 4; q++)
            l[q - 1] = (line){chart_quad_name[q], sd.count[q], chart_quad_colour[q]};
        char title[160], dyad[64], ylabel[48];
        dyad_label(dyad, sizeof dyad, s, t);
        snprintf(title, sizeof title, "Events by quad class: %s",
                 p->o.ndyads ? dyad : "all events");
        snprintf(ylabel, sizeof ylabel, "events per %s", period_word(x.per));
        line_chart(cr, p, p->o.title ? p->o.title : title, ylabel, &x, l, 4, 0, 0);
        st = total > 0 ? DYAD_OK : DYAD_EINVAL;
    }
    series_free(&sd);
    free(x.start);
    return st;
}

/* The dyads to draw: those asked for, else the top ones at the plot's level. */
static int goldstein_dyads(plot *p, char (*d)[2][24])
{
    int n = 0;
    for (; n < p->o.ndyads; n++) {
        snprintf(d[n][0], 24, "%s", p->o.dyads[n][0]);
        snprintf(d[n][1], 24, "%s", p->o.dyads[n][1]);
    }
    if (n)
        return n;
    size_t nd;
    dy *top = collect_dyads(p, &nd);
    int want = p->o.top > 0 && p->o.top < 5 ? p->o.top : 4;
    for (size_t i = 0; i < nd && n < want; i++, n++) {
        memcpy(d[n][0], top[i].s, 24);
        memcpy(d[n][1], top[i].t, 24);
    }
    free(top);
    return n;
}

static dyad_status draw_goldstein(cairo_t *cr, plot *p)
{
    char d[PLOT_MAX_DYADS][2][24], labels[PLOT_MAX_DYADS][64];
    int n = goldstein_dyads(p, d);
    axis_x x;
    if (!n)
        return DYAD_EINVAL;
    if (!axis_build(p, &x))
        return DYAD_ENOMEM;
    series_data sd[PLOT_MAX_DYADS] = {0};
    line l[PLOT_MAX_DYADS];
    dyad_status st = DYAD_EINVAL;
    for (int k = 0; k < n; k++) {
        if (!series_fill(p, &x, d[k][0], d[k][1], &sd[k])) {
            st = DYAD_ENOMEM;
            goto done;
        }
        for (size_t i = 0; i < x.n; i++) {   /* mean; no events: a gap */
            double c = sd[k].count[0][i];
            sd[k].gsum[i] = c > 0 ? sd[k].gsum[i] / c : NAN;
            st = c > 0 ? DYAD_OK : st;
        }
        dyad_label(labels[k], sizeof labels[k], d[k][0], d[k][1]);
        l[k] = (line){labels[k], sd[k].gsum, chart_okabe_ito[line_order[k]]};
    }
    char title[96], ylabel[64];
    snprintf(title, sizeof title, "Mean Goldstein score per %s", period_word(x.per));
    snprintf(ylabel, sizeof ylabel, "Goldstein (-10 conflict, +10 cooperation)");
    line_chart(cr, p, p->o.title ? p->o.title : title, ylabel, &x, l, (size_t)n, -10, 10);
done:
    for (int k = 0; k < n; k++)
        series_free(&sd[k]);
    free(x.start);
    return st;
}

static void quad_legend(cairo_t *cr, const plot *p, double y)
{
    chart_legend_item items[4];
    for (int q = 1; q <= 4; q++)
        items[q - 1] = (chart_legend_item){chart_quad_name[q], chart_quad_colour[q]};
    chart_legend(cr, p->o.width - 20, y, items, 4, 1);
}

static void draw_bar_row(cairo_t *cr, const dy *d, double x0, double y, double h,
                         double scale)
{
    double x = x0;
    for (int q = 1; q <= 4; q++) {
        double w = (double)d->quad[q] * scale;
        chart_set(cr, chart_quad_colour[q]);
        cairo_rectangle(cr, x, y, w, h);
        cairo_fill(cr);
        x += w;
    }
    char num[24];
    snprintf(num, sizeof num, "%llu", (unsigned long long)d->events);
    chart_set(cr, ink);
    chart_text(cr, x + 5, y + h / 2 + 4, num, 11, 0, 0);
}

static dyad_status draw_top(cairo_t *cr, plot *p)
{
    size_t nd;
    dy *d = collect_dyads(p, &nd);
    size_t n = nd < (size_t)(p->o.top > 0 ? p->o.top : 15) ? nd : (size_t)(p->o.top > 0 ? p->o.top : 15);
    if (!n) {
        free(d);
        return DYAD_EINVAL;
    }
    /* rows of readable 12 px labels fit the height below title and legend */
    double est_top = p->o.subtitle && *p->o.subtitle ? 58 : 40;
    size_t fit = (size_t)((p->o.height - 40 - est_top - 26) / 16);
    n = n < fit ? n : fit;
    char title[96], lab[64];
    snprintf(title, sizeof title, "Top %zu dyads by number of events", n);
    double top = chart_title(cr, p->o.width, p->o.title ? p->o.title : title, p->o.subtitle);
    quad_legend(cr, p, top + 8);
    double lw = 0;
    for (size_t i = 0; i < n; i++) {
        dyad_label(lab, sizeof lab, d[i].s, d[i].t);
        double w = chart_text_width(cr, lab, 12, 0);
        lw = w > lw ? w : lw;
    }
    frame f = {24 + lw, top + 26, p->o.width - 60, p->o.height - 40, 0, (double)d[0].events};
    double step = chart_nice_ticks(&f.lo, &f.hi, 6);
    double scale = (f.x1 - f.x0) / f.hi, row = (f.y1 - f.y0) / (double)n;
    char num[32];
    cairo_set_line_width(cr, 1);
    for (double v = 0; v <= f.hi + step / 2; v += step) {
        double px = round(f.x0 + v * scale) + 0.5;
        chart_set(cr, v == 0 ? axis : grid);
        cairo_move_to(cr, px, f.y0);
        cairo_line_to(cr, px, f.y1);
        cairo_stroke(cr);
        snprintf(num, sizeof num, "%g", v);
        chart_set(cr, ink);
        chart_text(cr, px, f.y1 + 16, num, 11, 0, 0.5);
    }
    chart_text(cr, (f.x0 + f.x1) / 2, f.y1 + 32, "events", 12, 0, 0.5);
    for (size_t i = 0; i < n; i++) {
        double y = f.y0 + row * (double)i;
        dyad_label(lab, sizeof lab, d[i].s, d[i].t);
        chart_set(cr, ink);
        chart_text(cr, f.x0 - 8, y + row / 2 + 4, lab, 12, 0, 1);
        draw_bar_row(cr, &d[i], f.x0, y + row * 0.15, row * 0.7, scale);
    }
    free(d);
    return DYAD_OK;
}

/* Actors most involved (as source or target) in the dyads, up to max. */
static size_t matrix_actors(const dy *d, size_t nd, char (*act)[24], size_t max)
{
    size_t na = 0;
    uint64_t *inv = calloc(2 * nd + 1, sizeof *inv);
    char (*all)[24] = calloc(2 * nd + 1, 24);
    for (size_t i = 0; inv && all && i < nd; i++) {
        const char *who[2] = {d[i].s, d[i].t};
        for (int k = 0; k < 2; k++) {
            size_t j = 0;
            while (j < na && strcmp(all[j], who[k]))
                j++;
            if (j == na)
                memcpy(all[na++], who[k], 24);
            inv[j] += d[i].events;
        }
    }
    size_t n = 0;
    for (; n < max && n < na; n++) {    /* selection of the max most involved */
        size_t best = n;
        for (size_t j = n + 1; j < na; j++)
            if (inv[j] > inv[best] || (inv[j] == inv[best] && strcmp(all[j], all[best]) < 0))
                best = j;
        uint64_t ti = inv[n];
        inv[n] = inv[best];
        inv[best] = ti;
        char tmp[24];
        memcpy(tmp, all[n], 24);
        memcpy(all[n], all[best], 24);
        memcpy(all[best], tmp, 24);
        memcpy(act[n], all[n], 24);
    }
    free(inv);
    free(all);
    return n;
}

static void colour_bar(cairo_t *cr, double x, double y0, double y1, int goldstein,
                       double max, const char *label)
{
    for (double y = y0; y < y1; y += 1) {
        double t = 1 - (y - y0) / (y1 - y0);
        chart_set(cr, goldstein ? chart_diverging(2 * t - 1) : chart_sequential(t));
        cairo_rectangle(cr, x, y, 14, 1.5);
        cairo_fill(cr);
    }
    char num[32];
    chart_set(cr, ink);
    snprintf(num, sizeof num, goldstein ? "%+.1f" : "%.0f", max);
    chart_text(cr, x + 19, y0 + 8, num, 10.5, 0, 0);
    snprintf(num, sizeof num, goldstein ? "%+.1f" : "0", -max);
    chart_text(cr, x + 19, y1, num, 10.5, 0, 0);
    if (goldstein)
        chart_text(cr, x + 19, (y0 + y1) / 2 + 4, "0", 10.5, 0, 0);
    cairo_save(cr);
    cairo_translate(cr, x + 62, (y0 + y1) / 2);
    cairo_rotate(cr, -M_PI / 2);
    chart_text(cr, 0, 0, label, 10.5, 0, 0.5);
    cairo_restore(cr);
}

static void matrix_cell(cairo_t *cr, double x, double y, double size, const dy *c,
                        int goldstein, double max)
{
    char num[24];
    rgb fill = {0.94, 0.94, 0.94};
    if (c && c->events) {
        double mean = c->gsum / (double)c->events;
        fill = goldstein ? chart_diverging(mean / max)
                         : chart_sequential(0.08 + 0.92 * sqrt((double)c->events / max));
        snprintf(num, sizeof num, goldstein ? "%.1f" : "%.0f",
                 goldstein ? (fabs(mean) < 0.05 ? 0.0 : mean) : (double)c->events);
    }
    chart_set(cr, fill);
    cairo_rectangle(cr, x + 1, y + 1, size - 2, size - 2);
    cairo_fill(cr);
    if (c && c->events && size >= 26) {
        chart_set(cr, chart_ink_on(fill));
        chart_text(cr, x + size / 2, y + size / 2 + 4, num, size >= 40 ? 11 : 9, 0, 0.5);
    }
}

static dyad_status draw_matrix(cairo_t *cr, plot *p)
{
    size_t nd;
    dy *d = collect_dyads(p, &nd);
    char act[40][24];
    size_t max_actors = p->o.top > 1 && p->o.top <= 40 ? (size_t)p->o.top : 12;
    size_t n = matrix_actors(d, nd, act, max_actors);
    int gold = p->o.matrix_goldstein;
    if (n < 2) {
        free(d);
        return DYAD_EINVAL;
    }
    const dy **cell = calloc(n * n, sizeof *cell);
    double max = gold ? 1 : 1;
    for (size_t i = 0; cell && i < nd; i++) {
        size_t r = 0, c = 0;
        while (r < n && strcmp(act[r], d[i].s))
            r++;
        while (c < n && strcmp(act[c], d[i].t))
            c++;
        if (r == n || c == n)
            continue;
        cell[r * n + c] = &d[i];
        double v = gold ? fabs(d[i].gsum / (double)d[i].events) : (double)d[i].events;
        if (r != c || gold)   /* domestic counts (USA>USA) would wash out the rest */
            max = v > max ? v : max;
    }
    if (gold)
        max = ceil(max);
    char title[96];
    snprintf(title, sizeof title, gold ? "Mean Goldstein score between the %zu most active actors"
                                       : "Events between the %zu most active actors", n);
    double top = chart_title(cr, p->o.width, p->o.title ? p->o.title : title, p->o.subtitle);
    double lw = 0;
    for (size_t i = 0; i < n; i++) {
        double w = chart_text_width(cr, act[i], 11, 0);
        lw = w > lw ? w : lw;
    }
    double x0 = 40 + lw, y0 = top + 34;
    double size = fmin((p->o.width - x0 - 110) / (double)n, (p->o.height - y0 - 14) / (double)n);
    x0 = fmax(x0, (p->o.width - size * (double)n - 90) / 2);   /* centre the grid */
    chart_set(cr, ink);
    chart_text(cr, x0 + size * (double)n / 2, y0 - 20, "target", 11, 1, 0.5);
    cairo_save(cr);
    cairo_translate(cr, x0 - lw - 16, y0 + size * (double)n / 2);
    cairo_rotate(cr, -M_PI / 2);
    chart_text(cr, 0, 0, "source", 11, 1, 0.5);
    cairo_restore(cr);
    for (size_t i = 0; i < n; i++) {
        chart_set(cr, ink);
        chart_text(cr, x0 - 6, y0 + size * ((double)i + 0.5) + 4, act[i], 11, 0, 1);
        chart_text(cr, x0 + size * ((double)i + 0.5), y0 - 5, act[i], 11, 0, 0.5);
        for (size_t j = 0; cell && j < n; j++)
            matrix_cell(cr, x0 + size * (double)j, y0 + size * (double)i, size,
                        cell[i * n + j], gold, max);
    }
    colour_bar(cr, x0 + size * (double)n + 24, y0, y0 + size * (double)n, gold, max,
               gold ? "mean Goldstein" : "events (square-root scale; diagonal capped)");
    free(cell);
    free(d);
    return DYAD_OK;
}

/* ---- Surfaces ------------------------------------------------------------ */

static dyad_status draw(plot *p, cairo_surface_t *surface)
{
    if (!p->events)
        return DYAD_EINVAL;
    cairo_t *cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    dyad_status st;
    switch (p->o.kind) {
    case PLOT_QUAD: st = draw_quad(cr, p); break;
    case PLOT_GOLDSTEIN: st = draw_goldstein(cr, p); break;
    case PLOT_TOP: st = draw_top(cr, p); break;
    default: st = draw_matrix(cr, p); break;
    }
    if (st == DYAD_OK && cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        st = cairo_status(cr) == CAIRO_STATUS_NO_MEMORY ? DYAD_ENOMEM : DYAD_EIO;
    cairo_destroy(cr);
    return st;
}

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int len)
{
    buf *b = closure;
    buf_append(b, data, len);
    return b->failed ? CAIRO_STATUS_NO_MEMORY : CAIRO_STATUS_SUCCESS;
}

/* Draws on s, finishes it, writes PNG when asked; one exit for every format. */
static dyad_status finish(plot *p, cairo_surface_t *s, const char *png_path, buf *png_buf)
{
    dyad_status st = cairo_surface_status(s) ? DYAD_EIO : draw(p, s);
    if (st == DYAD_OK && png_path && cairo_surface_write_to_png(s, png_path))
        st = DYAD_EIO;
    if (st == DYAD_OK && png_buf && cairo_surface_write_to_png_stream(s, to_buf, png_buf))
        st = DYAD_EIO;
    cairo_surface_finish(s);
    if (st == DYAD_OK && cairo_surface_status(s))
        st = DYAD_EIO;
    cairo_surface_destroy(s);
    return st;
}

dyad_status plot_render_file(plot *p, const char *path, plot_format fmt)
{
    double w = p->o.width, h = p->o.height;
    switch (fmt) {
    case PLOT_PNG:
        return finish(p, cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)w, (int)h),
                      path, NULL);
    case PLOT_SVG: return finish(p, cairo_svg_surface_create(path, w, h), NULL, NULL);
    default: return finish(p, cairo_pdf_surface_create(path, w, h), NULL, NULL);
    }
}

dyad_status plot_render_buf(plot *p, plot_format fmt, buf *out)
{
    double w = p->o.width, h = p->o.height;
    if (fmt == PLOT_PNG)
        return finish(p, cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)w, (int)h),
                      NULL, out);
    if (fmt == PLOT_SVG)
        return finish(p, cairo_svg_surface_create_for_stream(to_buf, out, w, h), NULL, NULL);
    return finish(p, cairo_pdf_surface_create_for_stream(to_buf, out, w, h), NULL, NULL);
}

void plot_release_fonts(void)
{
    cairo_debug_reset_static_data();
    FcFini();
}
