/* report.h: 'dyad report': one self-contained HTML file for a run of the
 * coder: corpus figures, charts (inline SVG), top dyads and event codes,
 * and evidence sentences with source, verb and target highlighted. */
#ifndef DYAD_REPORT_H
#define DYAD_REPORT_H

#include <stdio.h>

#include "../agg/agg.h"

typedef struct report_opts {
    const char *title;      /* NULL: "Events in <name>" */
    const char *name;       /* input name shown in the report */
    int top;                /* dyads in the tables and evidence (default 10) */
    int examples;           /* evidence events per dyad (default 3) */
    int actor_len;          /* 3: dyads of countries; 0: actor codes as coded */
} report_opts;

/* Reads the events at path twice (figures and charts, then evidence for the
 * top dyads) and writes the HTML to out. Bad records go to diag and are
 * counted in *rejected (first pass only). DYAD_EINVAL when there are no
 * events; DYAD_EIO on read or write errors. */
dyad_status report_html(const char *path, agg_format format, const report_opts *opts,
                        FILE *out, dyad_diag_fn diag, void *userdata, size_t *rejected);

#endif
