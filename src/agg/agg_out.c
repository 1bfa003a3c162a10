/* agg_out.c: writes counted cells as CSV (stdout by default) or as the
 * dyad_periods table of a new SQLite file. Column layout in docs/formats.md:
 * period,source,target,<by>,events,goldstein_sum,goldstein_mean, sorted by
 * period, source, target, key. */
#include <math.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "agg.h"
#include "../io/write.h"

const char *agg_by_name(agg_by by)
{
    static const char *names[] = {"root", "quad", "code", "all"};
    return (unsigned)by < DYAD_COUNT(names) ? names[by] : "?";
}

/* Actor codes never hold commas or quotes, but a CSV must not break if a
 * hand-made file has them. */
static void csv_field(buf *b, const char *s)
{
    if (!strpbrk(s, ",\"\n\r")) {
        buf_puts(b, s);
        return;
    }
    buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"')
            buf_putc(b, '"');
        buf_putc(b, *s);
    }
    buf_putc(b, '"');
}

dyad_status agg_write_csv(agg *a, FILE *out)
{
    const agg_opts *o = agg_options(a);
    size_t n;
    const agg_cell *const *cells = agg_sorted(a, &n);
    buf b;
    buf_init(&b);
    buf_puts(&b, "period,source,target,");
    if (o->by != AGG_BY_NONE)
        buf_printf(&b, "%s,", agg_by_name(o->by));
    buf_puts(&b, "events,goldstein_sum,goldstein_mean\n");
    dyad_status st = DYAD_OK;
    for (size_t i = 0; i <= n && st == DYAD_OK; i++) {
        if (i < n) {
            const agg_cell *c = cells[i];
            char period[16];
            agg_period_format(c->period, o->period, period);
            buf_printf(&b, "%s,", period);
            csv_field(&b, c->source);
            buf_putc(&b, ',');
            csv_field(&b, c->target);
            buf_putc(&b, ',');
            if (o->by != AGG_BY_NONE) {
                csv_field(&b, c->key);
                buf_putc(&b, ',');
            }
            buf_printf(&b, "%llu,", (unsigned long long)c->events);
            /* sums of one-decimal scores: round off float noise (-10.799999) */
            io_put_double(&b, round(c->goldstein_sum * 1e6) / 1e6);
            buf_printf(&b, ",%.3f\n", c->events ? c->goldstein_sum / (double)c->events : 0.0);
        }
        if (b.failed)
            st = DYAD_ENOMEM;
        else if ((b.len >= 65536 || i == n) && fwrite(b.data, 1, b.len, out) != b.len)
            st = DYAD_EIO;
        if (b.len >= 65536 || i == n)
            buf_clear(&b);
    }
    buf_free(&b);
    return st;
}

static dyad_status insert_cells(agg *a, sqlite3 *db, sqlite3_stmt *ins)
{
    const agg_opts *o = agg_options(a);
    size_t n;
    const agg_cell *const *cells = agg_sorted(a, &n);
    for (size_t i = 0; i < n; i++) {
        const agg_cell *c = cells[i];
        char period[16];
        agg_period_format(c->period, o->period, period);
        sqlite3_bind_text(ins, 1, period, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 2, c->source, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 3, c->target, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 4, c->key, -1, SQLITE_STATIC);
        sqlite3_bind_int64(ins, 5, (sqlite3_int64)c->events);
        sqlite3_bind_double(ins, 6, c->goldstein_sum);
        sqlite3_bind_double(ins, 7, c->events ? c->goldstein_sum / (double)c->events : 0);
        int rc = sqlite3_step(ins);
        sqlite3_reset(ins);
        if (rc != SQLITE_DONE)
            return DYAD_EIO;
    }
    (void)db;
    return DYAD_OK;
}

dyad_status agg_write_sqlite(agg *a, const char *path)
{
    const agg_opts *o = agg_options(a);
    sqlite3 *db = NULL;
    sqlite3_stmt *ins = NULL;
    char sql[512];
    snprintf(sql, sizeof sql,
             "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
             "CREATE TABLE dyad_periods(period TEXT NOT NULL, source TEXT NOT NULL,"
             " target TEXT NOT NULL, %s TEXT NOT NULL, events INTEGER NOT NULL,"
             " goldstein_sum REAL NOT NULL, goldstein_mean REAL NOT NULL);"
             "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
             "INSERT INTO meta VALUES('period', '%s'), ('by', '%s'), ('level', '%s');"
             "BEGIN;",
             o->by == AGG_BY_NONE ? "all_codes" : agg_by_name(o->by),
             o->period == AGG_DAY ? "day" : o->period == AGG_WEEK ? "week"
             : o->period == AGG_MONTH ? "month" : o->period == AGG_YEAR ? "year" : "all",
             agg_by_name(o->by), o->actor_len ? "country" : "actor");
    if (unlink(path) != 0 && access(path, F_OK) == 0)
        return DYAD_EIO;
    dyad_status st = DYAD_EIO;
    if (sqlite3_open(path, &db) == SQLITE_OK &&
        sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, "INSERT INTO dyad_periods VALUES(?,?,?,?,?,?,?)", -1,
                           &ins, NULL) == SQLITE_OK)
        st = insert_cells(a, db, ins);
    sqlite3_finalize(ins);
    if (st == DYAD_OK &&
        sqlite3_exec(db, "COMMIT; CREATE INDEX dyad_periods_dyad ON"
                         " dyad_periods(source, target, period);",
                     NULL, NULL, NULL) != SQLITE_OK)
        st = DYAD_EIO;
    if (sqlite3_close(db) != SQLITE_OK)
        st = DYAD_EIO;
    return st;
}
