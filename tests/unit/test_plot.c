/* test_plot.c: unit tests for src/report: every chart kind drawn from the
 * sample events, read back as PNG and checked for size and for real
 * content (ink coverage, distinct colours, the palette's colours present);
 * SVG, PDF and in-memory output; the HTML report's sections. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cairo.h>
#include <cmocka.h>

#include "report/plot.h"
#include "report/report.h"

#define SAMPLE "tests/data/events/sample.jsonl"

static plot *load(plot_opts o)
{
    dyad_status st;
    agg_reader *r = agg_reader_open(SAMPLE, AGG_IN_AUTO, 1, NULL, NULL, &st);
    assert_non_null(r);
    plot *p = plot_new(&o);
    agg_event ev;
    while ((st = agg_reader_next(r, &ev)) == DYAD_OK)
        assert_int_equal(plot_add(p, &ev), DYAD_OK);
    assert_int_equal(st, DYAD_EEND);
    agg_reader_free(r);
    return p;
}

typedef struct pixels {
    int width, height;
    double ink;          /* share of non-white pixels */
    int colours;         /* distinct colours (capped at 4096) */
    int has_rgb[4];      /* Okabe-Ito blue, vermillion, orange, sky blue seen */
} pixels;

static pixels inspect(const char *png)
{
    static const uint32_t want[4] = {0x0072B2, 0xD55E00, 0xE69F00, 0x56B4E9};
    cairo_surface_t *s = cairo_image_surface_create_from_png(png);
    assert_int_equal(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
    pixels px = {cairo_image_surface_get_width(s), cairo_image_surface_get_height(s), 0, 0, {0}};
    unsigned char *data = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s);
    uint32_t *seen = calloc(4096, sizeof *seen);
    long ink = 0;
    for (int y = 0; y < px.height; y++)
        for (int x = 0; x < px.width; x++) {
            uint32_t c = *(uint32_t *)(data + y * stride + x * 4) & 0xFFFFFF;
            ink += c != 0xFFFFFF;
            for (int k = 0; k < 4; k++)
                px.has_rgb[k] |= c == want[k];
            int i = 0;
            while (i < px.colours && seen[i] != c)
                i++;
            if (i == px.colours && px.colours < 4096)
                seen[px.colours++] = c;
        }
    px.ink = (double)ink / (px.width * (double)px.height);
    free(seen);
    cairo_surface_destroy(s);
    return px;
}

static char *temp_png(void)
{
    char *path = strdup("/tmp/dyad-test-plot-XXXXXX");
    int fd = mkstemp(path);
    close(fd);
    return path;
}

static pixels draw_png(plot_opts o)
{
    plot *p = load(o);
    char *path = temp_png();
    assert_int_equal(plot_render_file(p, path, PLOT_PNG), DYAD_OK);
    pixels px = inspect(path);
    unlink(path);
    free(path);
    plot_free(p);
    return px;
}

static plot_opts base(plot_kind kind)
{
    return (plot_opts){.kind = kind, .auto_period = 1, .actor_len = 3, .width = 900,
                       .height = 500, .subtitle = "sample"};
}

static void quad_chart(void **state)
{
    (void)state;
    plot_opts o = base(PLOT_QUAD);
    o.ndyads = 1;
    strcpy(o.dyads[0][0], "USA");
    strcpy(o.dyads[0][1], "RUS");
    pixels px = draw_png(o);
    assert_int_equal(px.width, 900);
    assert_int_equal(px.height, 500);
    assert_true(px.ink > 0.02 && px.ink < 0.5);
    assert_true(px.colours > 20);           /* antialiased lines and text */
    for (int k = 0; k < 4; k++)             /* each quad class drawn in its colour */
        assert_true(px.has_rgb[k]);
}

static void goldstein_chart(void **state)
{
    (void)state;
    pixels px = draw_png(base(PLOT_GOLDSTEIN));   /* default: the busiest dyads */
    assert_true(px.ink > 0.02 && px.ink < 0.5);
    assert_true(px.has_rgb[0] && px.has_rgb[1]);
}

static void top_chart(void **state)
{
    (void)state;
    plot_opts o = base(PLOT_TOP);
    o.top = 10;
    pixels px = draw_png(o);
    assert_true(px.ink > 0.1);                /* filled bars */
    for (int k = 0; k < 4; k++)
        assert_true(px.has_rgb[k]);
}

static void matrix_charts(void **state)
{
    (void)state;
    plot_opts o = base(PLOT_MATRIX);
    o.width = 700;
    o.height = 600;
    pixels px = draw_png(o);
    assert_int_equal(px.width, 700);
    assert_true(px.ink > 0.2);
    assert_true(px.colours > 40);           /* a colour scale, not two tones */
    o.matrix_goldstein = 1;
    px = draw_png(o);
    assert_true(px.ink > 0.2);
}

static void svg_pdf_and_memory(void **state)
{
    (void)state;
    plot *p = load(base(PLOT_TOP));
    buf b;
    buf_init(&b);
    assert_int_equal(plot_render_buf(p, PLOT_SVG, &b), DYAD_OK);
    assert_true(b.len > 2000);
    assert_non_null(strstr(b.data, "<svg"));
    buf_clear(&b);
    assert_int_equal(plot_render_buf(p, PLOT_PDF, &b), DYAD_OK);
    assert_memory_equal(b.data, "%PDF", 4);
    buf_clear(&b);
    assert_int_equal(plot_render_buf(p, PLOT_PNG, &b), DYAD_OK);
    assert_memory_equal(b.data, "\x89PNG", 4);
    buf_free(&b);
    assert_int_equal(plot_format_of("a.SVG"), PLOT_SVG);
    assert_int_equal(plot_format_of("a.pdf"), PLOT_PDF);
    assert_int_equal(plot_format_of("a.gif"), -1);
    plot_free(p);
}

static void nothing_to_draw(void **state)
{
    (void)state;
    plot_opts o = base(PLOT_QUAD);
    plot *p = plot_new(&o);
    buf b;
    buf_init(&b);
    assert_int_equal(plot_render_buf(p, PLOT_PNG, &b), DYAD_EINVAL);   /* no events */
    plot_free(p);
    o.ndyads = 1;
    strcpy(o.dyads[0][0], "XXX");
    strcpy(o.dyads[0][1], "YYY");
    p = load(o);
    assert_int_equal(plot_render_buf(p, PLOT_PNG, &b), DYAD_EINVAL);   /* no match */
    buf_free(&b);
    plot_free(p);
}

static void top_dyads_sum_to_events(void **state)
{
    (void)state;
    plot *p = load(base(PLOT_TOP));
    size_t n;
    plot_dyad *d = plot_top_dyads(p, &n);
    uint64_t total = 0;
    for (size_t i = 0; i < n; i++) {
        total += d[i].events;
        assert_int_equal(d[i].events, d[i].quad[1] + d[i].quad[2] + d[i].quad[3] + d[i].quad[4]);
        if (i)
            assert_true(d[i].events <= d[i - 1].events);
    }
    assert_int_equal(total, plot_events(p));   /* the sample has no target-less events */
    free(d);
    plot_free(p);
}

static void html_report(void **state)
{
    (void)state;
    char *html = NULL;
    size_t len = 0, rejected = 9;
    FILE *f = open_memstream(&html, &len);
    report_opts o = {.name = "sample", .top = 5, .examples = 2, .actor_len = 3};
    assert_int_equal(report_html(SAMPLE, AGG_IN_AUTO, &o, f, NULL, NULL, &rejected), DYAD_OK);
    fclose(f);
    assert_int_equal(rejected, 0);
    assert_non_null(strstr(html, "<!DOCTYPE html>"));
    assert_non_null(strstr(html, "<div class=card><b>478</b>events</div>"));
    assert_non_null(strstr(html, "<h2>Top 5 dyads</h2>"));
    int imgs = 0, marks = 0;
    for (char *p = html; (p = strstr(p, "data:image/svg+xml;base64,")); p++)
        imgs++;
    for (char *p = html; (p = strstr(p, "<mark class=v>")); p++)
        marks++;
    assert_int_equal(imgs, 5);
    assert_int_equal(marks, 1 + 5 * 2);       /* legend + 2 examples x 5 dyads */
    assert_null(strstr(html, "<script"));     /* self-contained and inert */
    free(html);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(quad_chart),
        cmocka_unit_test(goldstein_chart),
        cmocka_unit_test(top_chart),
        cmocka_unit_test(matrix_charts),
        cmocka_unit_test(svg_pdf_and_memory),
        cmocka_unit_test(nothing_to_draw),
        cmocka_unit_test(top_dyads_sum_to_events),
        cmocka_unit_test(html_report),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    plot_release_fonts();
    return failed;
}
