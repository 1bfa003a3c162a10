/* chart.c: drawing primitives shared by every chart kind: text, titles,
 * ticks, legends and colour scales. Colours are Okabe-Ito so charts stay
 * readable with the common colour-vision deficiencies; scales interpolate
 * between palette members rather than through red and green. */
#include <math.h>
#include <string.h>

#include "chart.h"

const rgb chart_okabe_ito[8] = {
    {0.902, 0.624, 0.000}, {0.337, 0.706, 0.914}, {0.000, 0.620, 0.451},
    {0.941, 0.894, 0.259}, {0.000, 0.447, 0.698}, {0.835, 0.369, 0.000},
    {0.800, 0.475, 0.655}, {0.000, 0.000, 0.000}};

const rgb chart_quad_colour[5] = {
    {0.5, 0.5, 0.5},
    {0.337, 0.706, 0.914},   /* verbal cooperation: sky blue */
    {0.000, 0.447, 0.698},   /* material cooperation: blue */
    {0.902, 0.624, 0.000},   /* verbal conflict: orange */
    {0.835, 0.369, 0.000}};  /* material conflict: vermillion */

const char *const chart_quad_name[5] = {"unknown", "verbal cooperation",
    "material cooperation", "verbal conflict", "material conflict"};

void chart_set(cairo_t *cr, rgb c)
{
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

static void font(cairo_t *cr, double size, int bold)
{
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
}

double chart_text_width(cairo_t *cr, const char *s, double size, int bold)
{
    cairo_text_extents_t te;
    font(cr, size, bold);
    cairo_text_extents(cr, s, &te);
    return te.x_advance;
}

double chart_text(cairo_t *cr, double x, double y, const char *s, double size,
                  int bold, double align)
{
    double w = chart_text_width(cr, s, size, bold);
    cairo_move_to(cr, x - w * align, y);
    cairo_show_text(cr, s);
    return w;
}

double chart_title(cairo_t *cr, double w, const char *title, const char *subtitle)
{
    (void)w;
    chart_set(cr, (rgb){0.13, 0.13, 0.13});
    chart_text(cr, 16, 28, title, 17, 1, 0);
    if (!subtitle || !*subtitle)
        return 40;
    chart_set(cr, (rgb){0.38, 0.38, 0.38});
    chart_text(cr, 16, 48, subtitle, 11.5, 0, 0);
    return 58;
}

double chart_nice_ticks(double *lo, double *hi, int n)
{
    if (!(*hi > *lo))
        *hi = *lo + 1;
    double raw = (*hi - *lo) / (n > 1 ? n : 1);
    double mag = pow(10, floor(log10(raw)));
    double step = mag;
    if (raw / mag > 5)
        step = 10 * mag;
    else if (raw / mag > 2)
        step = 5 * mag;
    else if (raw / mag > 1)
        step = 2 * mag;
    *lo = floor(*lo / step + 1e-9) * step;
    *hi = ceil(*hi / step - 1e-9) * step;
    return step;
}

double chart_legend(cairo_t *cr, double x_right, double y,
                    const chart_legend_item *items, size_t n, int boxes)
{
    const double size = 11, swatch = 18, gap = 16;
    double total = 0;
    for (size_t i = 0; i < n; i++)
        total += swatch + 5 + chart_text_width(cr, items[i].label, size, 0) + gap;
    double x = x_right - total + gap;
    for (size_t i = 0; i < n; i++) {
        chart_set(cr, items[i].colour);
        if (boxes) {
            cairo_rectangle(cr, x, y - 9, swatch, 10);
            cairo_fill(cr);
        } else {
            cairo_set_line_width(cr, 3);
            cairo_move_to(cr, x, y - 4);
            cairo_line_to(cr, x + swatch, y - 4);
            cairo_stroke(cr);
        }
        chart_set(cr, (rgb){0.2, 0.2, 0.2});
        x += swatch + 5;
        x += chart_text(cr, x, y, items[i].label, size, 0, 0) + gap;
    }
    return 20;
}

static rgb mixc(rgb a, rgb b, double t)
{
    return (rgb){a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

rgb chart_sequential(double t)
{
    static const rgb stops[] = {{0.97, 0.98, 1.00}, {0.337, 0.706, 0.914},
                                {0.000, 0.447, 0.698}, {0.03, 0.19, 0.42}};
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    double s = t * 3;
    int i = s >= 3 ? 2 : (int)s;
    return mixc(stops[i], stops[i + 1], s - i);
}

rgb chart_diverging(double t)
{
    static const rgb neg = {0.835, 0.369, 0.000}, mid = {0.97, 0.97, 0.97},
                     pos = {0.000, 0.447, 0.698};
    t = t < -1 ? -1 : t > 1 ? 1 : t;
    return t < 0 ? mixc(mid, neg, -t) : mixc(mid, pos, t);
}

rgb chart_ink_on(rgb c)
{
    double lum = 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
    return lum < 0.5 ? (rgb){1, 1, 1} : (rgb){0.1, 0.1, 0.1};
}
