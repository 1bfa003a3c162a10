/* plot.h: charts of event series drawn with cairo (PNG, SVG, PDF), for the
 * 'dyad plot' and 'dyad report' commands. A plot collects events into one
 * day-level agg (by quad class, full actor codes) and draws any of its
 * kinds from that, so the report reads its input once for all charts. */
#ifndef DYAD_PLOT_H
#define DYAD_PLOT_H

#include "../agg/agg.h"

typedef enum plot_kind { PLOT_QUAD, PLOT_GOLDSTEIN, PLOT_TOP, PLOT_MATRIX } plot_kind;
typedef enum plot_format { PLOT_PNG, PLOT_SVG, PLOT_PDF } plot_format;

enum { PLOT_MAX_DYADS = 8 };

typedef struct plot_opts {
    plot_kind kind;
    agg_period period;      /* used when auto_period is 0 */
    int auto_period;        /* day, week or month from the span of dates */
    int actor_len;          /* top/matrix/default dyads: 3 = country, 0 = as coded */
    int ndyads;             /* --dyad A,B: source prefix A, target prefix B */
    char dyads[PLOT_MAX_DYADS][2][16];
    int top;                /* top: bars; matrix: actors; goldstein: default dyads */
    int matrix_goldstein;   /* matrix cells: mean Goldstein instead of counts */
    int width, height;
    const char *title;      /* NULL: a title from the kind and dyads */
    const char *subtitle;   /* NULL: none */
} plot_opts;

typedef struct plot plot;

/* NULL when out of memory. opts is copied. */
plot *plot_new(const plot_opts *opts);
dyad_status plot_add(plot *p, const agg_event *ev);
/* Events seen and date range (0 when none). */
uint64_t plot_events(const plot *p);
void plot_date_range(const plot *p, int32_t *first, int32_t *last);
/* The options in force (kind, sizes and titles may be changed between
 * renders: report draws several kinds from one plot). */
plot_opts *plot_options(plot *p);

/* The output format a file name asks for (.png .svg .pdf); -1 if none. */
int plot_format_of(const char *path);
/* Draws the chart into a file, or appends it to out (PNG bytes or SVG text).
 * DYAD_EINVAL when there is nothing to draw (no matching events). */
dyad_status plot_render_file(plot *p, const char *path, plot_format fmt);
dyad_status plot_render_buf(plot *p, plot_format fmt, buf *out);
void plot_free(plot *p);

/* Frees cairo's and fontconfig's process-wide font caches, so leak checkers
 * see a clean exit. Call once at the very end of a program, when no other
 * thread draws. */
void plot_release_fonts(void);

/* ---- What the report shares with the charts ---------------------------- */

typedef struct plot_dyad {
    const char *source, *target;   /* at the plot's actor level */
    uint64_t events, quad[5];
    double goldstein_sum;
} plot_dyad;

/* The dyads at opts.actor_len, most events first (ties by name); *n set.
 * Malloc'd; free with free(). NULL when none. */
plot_dyad *plot_top_dyads(plot *p, size_t *n);

#endif
