/* agg.h: the aggregation stage: reading event files back (JSON Lines,
 * PETRARCH-layout TSV, GDELT CSV, SQLite store) and counting events into
 * dyad-period cells. All that report/ and the CLI's agg, plot and report
 * commands use of agg/. Memory is proportional to distinct cells (and, with
 * dedup, to distinct event-days), never to the number of events. */
#ifndef DYAD_AGG_H
#define DYAD_AGG_H

#include <stdint.h>
#include <stdio.h>

#include "../base/base.h"

/* ---- Reading events ---------------------------------------------------- */

typedef enum agg_format {
    AGG_IN_AUTO = 0,   /* from extension, then content (SQLite magic, '{', columns) */
    AGG_IN_JSONL,
    AGG_IN_TSV,
    AGG_IN_GDELT,
    AGG_IN_SQLITE
} agg_format;

/* One event read back. Strings are borrowed from the reader until the next
 * agg_reader_next call; never NULL ("" when the format lacks the field).
 * Spans are {0,0} when the format does not carry them. */
typedef struct agg_event {
    const char *doc_id;
    long sentence;          /* 0-based, -1 when unknown (GDELT) */
    int32_t date;           /* YYYYMMDD, always valid */
    const char *source, *target, *code, *root;   /* target "---" when absent */
    int quad;               /* 1-4 */
    double goldstein;
    const char *source_text, *target_text, *verb_text, *sentence_text;
    const char *url, *issues;
    dyad_span source_span, target_span, verb_span, sentence_span;
    long line;              /* line (row for SQLite) of the record */
} agg_event;

typedef struct agg_reader agg_reader;

/* Opens path ("-" or NULL: stdin; not for SQLite). Bad records are reported
 * through diag as file:line: reason and skipped (strict: the first one makes
 * agg_reader_next return DYAD_EFORMAT). NULL with *status on failure; the
 * reason is also sent to diag. */
agg_reader *agg_reader_open(const char *path, agg_format format, int strict,
                            dyad_diag_fn diag, void *userdata, dyad_status *status);

/* The same over an open text stream (not SQLite), which the reader does
 * not close; name is used in diagnostics. Format from content when AUTO. */
agg_reader *agg_reader_open_stream(FILE *f, const char *name, agg_format format,
                                   int strict, dyad_diag_fn diag, void *userdata,
                                   dyad_status *status);

/* DYAD_OK with *ev filled, DYAD_EEND at the end, DYAD_EIO, or DYAD_EFORMAT
 * (strict only). */
dyad_status agg_reader_next(agg_reader *r, agg_event *ev);
size_t agg_reader_rejected(const agg_reader *r);
agg_format agg_reader_format(const agg_reader *r);
const char *agg_format_name(agg_format f);
void agg_reader_free(agg_reader *r);

/* ---- Counting ---------------------------------------------------------- */

typedef enum agg_period { AGG_DAY, AGG_WEEK, AGG_MONTH, AGG_YEAR, AGG_ALL } agg_period;
typedef enum agg_by { AGG_BY_ROOT, AGG_BY_QUAD, AGG_BY_CODE, AGG_BY_NONE } agg_by;

typedef struct agg_opts {
    agg_period period;
    agg_by by;
    int actor_len;   /* cut actor codes to this many bytes (3: country); 0: keep */
    int dedup;       /* count one event per (date, source, target, code) */
    int sorted;      /* dedup trusts date order: keeps one day of keys */
} agg_opts;

typedef struct agg_cell {
    int32_t period;            /* first day of the period (0 for AGG_ALL) */
    const char *source, *target, *key;   /* key: root, quad digit, code or "" */
    uint64_t events;
    double goldstein_sum;
} agg_cell;

typedef struct agg agg;

agg *agg_new(const agg_opts *opts);
/* Counts ev. *counted (may be NULL) is 0 when dedup dropped it. Returns
 * DYAD_ENOMEM, or DYAD_EINVAL when opts.sorted and ev's date goes back. */
dyad_status agg_add(agg *a, const agg_event *ev, int *counted);
/* The cells sorted by period, source, target, key; borrowed until the next
 * agg_add or agg_free. NULL with *n = 0 when empty or out of memory. */
const agg_cell *const *agg_sorted(agg *a, size_t *n);
uint64_t agg_counted(const agg *a);      /* events counted into cells */
uint64_t agg_duplicates(const agg *a);   /* events dropped by dedup */
const agg_opts *agg_options(const agg *a);
void agg_free(agg *a);

/* Periods: first day of the period holding date (weeks start on Monday). */
int32_t agg_period_start(int32_t date, agg_period p);
int32_t agg_period_next(int32_t start, agg_period p);
/* "2016-06-06" (day, week), "2016-06" (month), "2016" (year), "all". */
void agg_period_format(int32_t start, agg_period p, char out[16]);
/* Days since 1970-01-01 of a YYYYMMDD date, and back. */
long agg_days(int32_t date);
int32_t agg_date(long days);

/* ---- Output ------------------------------------------------------------ */

/* CSV with a header: period,source,target,<by>,events,goldstein_sum,goldstein_mean */
dyad_status agg_write_csv(agg *a, FILE *out);
/* Table dyad_periods in a new SQLite file at path (replaced if present). */
dyad_status agg_write_sqlite(agg *a, const char *path);
const char *agg_by_name(agg_by by);

#endif
