/* chart.h: drawing primitives for plot.c: surfaces for each output format,
 * text with cairo's toy font API, nice axis ticks, legends and the
 * colour-blind-safe palettes (Okabe & Ito 2008). Knows nothing of events. */
#ifndef DYAD_CHART_H
#define DYAD_CHART_H

#include <cairo.h>
#include <stddef.h>
#include <stdint.h>

#include "../base/base.h"

typedef struct rgb { double r, g, b; } rgb;

/* Okabe-Ito: orange, sky blue, bluish green, yellow, blue, vermillion,
 * reddish purple, black. */
extern const rgb chart_okabe_ito[8];
/* Quad classes 1-4: verbal / material cooperation in blues, verbal /
 * material conflict in oranges (index 0 unused). */
extern const rgb chart_quad_colour[5];
extern const char *const chart_quad_name[5];

void chart_set(cairo_t *cr, rgb c);
/* Text in DejaVu Sans (a Debian font cairo finds through fontconfig).
 * align: 0 left, 0.5 centre, 1 right of x; y is the baseline. Returns the
 * width drawn. */
double chart_text(cairo_t *cr, double x, double y, const char *s, double size,
                  int bold, double align);
double chart_text_width(cairo_t *cr, const char *s, double size, int bold);
/* Title (and subtitle) at the top-left; returns the y below them. */
double chart_title(cairo_t *cr, double w, const char *title, const char *subtitle);

/* Ticks covering [lo, hi] at a 1-2-5 step, about n of them; *lo and *hi
 * are widened to whole steps. Returns the step. */
double chart_nice_ticks(double *lo, double *hi, int n);

/* Legend items in a row ending at x_right; swatch is a line (dash 1) or a
 * filled box. Returns the height used. */
typedef struct chart_legend_item { const char *label; rgb colour; } chart_legend_item;
double chart_legend(cairo_t *cr, double x_right, double y,
                    const chart_legend_item *items, size_t n, int boxes);

/* Sequential (white to dark blue) for counts, t in [0,1]; diverging
 * (vermillion, white, blue) for t in [-1,1]. */
rgb chart_sequential(double t);
rgb chart_diverging(double t);
/* Black or white, whichever reads better on background c. */
rgb chart_ink_on(rgb c);

#endif
