/* write_sqlite.c: the SQLite event store: tables meta, documents and events
 * (schema in docs/sqlite-schema.md). The file is created afresh (an existing
 * file at the path is replaced, as -o does for text formats); rows are
 * inserted through prepared statements inside transactions of
 * BATCH_ROWS rows, and indexes are built once at close, which is several
 * times faster than maintaining them row by row. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "write.h"

enum { BATCH_ROWS = 20000 };

typedef struct store {
    sqlite3 *db;
    sqlite3_stmt *doc, *ev;
    size_t pending;   /* rows since the last COMMIT */
} store;

static const char schema_sql[] =
    "PRAGMA journal_mode=OFF;"
    "PRAGMA synchronous=OFF;"
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE documents(id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL,"
    " date INTEGER, title TEXT, url TEXT, events INTEGER NOT NULL);"
    "CREATE TABLE events(id INTEGER PRIMARY KEY,"
    " document INTEGER NOT NULL REFERENCES documents(id),"
    " doc_id TEXT NOT NULL, sentence INTEGER NOT NULL, date INTEGER,"
    " source TEXT NOT NULL, target TEXT NOT NULL, code TEXT NOT NULL,"
    " root TEXT NOT NULL, quad INTEGER NOT NULL, goldstein REAL NOT NULL,"
    " source_text TEXT, target_text TEXT, verb_text TEXT, sentence_text TEXT,"
    " source_begin INTEGER, source_end INTEGER, target_begin INTEGER,"
    " target_end INTEGER, verb_begin INTEGER, verb_end INTEGER,"
    " sentence_begin INTEGER, sentence_end INTEGER,"
    " pattern TEXT, source_entry TEXT, target_entry TEXT, issues TEXT,"
    " negated INTEGER NOT NULL);"
    "INSERT INTO meta VALUES('schema', '1');"
    "INSERT INTO meta VALUES('writer', 'dyad " DYAD_VERSION_STRING "');"
    "BEGIN;";

static const char index_sql[] =
    "CREATE INDEX events_date ON events(date);"
    "CREATE INDEX events_dyad ON events(source, target, date);"
    "CREATE INDEX events_code ON events(root, code);"
    "CREATE INDEX events_document ON events(document);"
    "CREATE INDEX documents_doc_id ON documents(doc_id);"
    "ANALYZE;";

static dyad_status sqlite_open(dyad_writer *w)
{
    store *s = calloc(1, sizeof *s);
    if (!s)
        return DYAD_ENOMEM;
    w->impl = s;
    if (unlink(w->path) != 0 && access(w->path, F_OK) == 0)
        return DYAD_EIO;
    if (sqlite3_open_v2(w->path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        NULL) != SQLITE_OK ||
        sqlite3_exec(s->db, schema_sql, NULL, NULL, NULL) != SQLITE_OK)
        return DYAD_EIO;
    if (sqlite3_prepare_v2(s->db, "INSERT INTO documents VALUES(NULL,?,?,?,?,?)",
                           -1, &s->doc, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db, "INSERT INTO events VALUES(NULL,?,?,?,?,?,?,?,?,?,?,"
                                  "?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                           -1, &s->ev, NULL) != SQLITE_OK)
        return DYAD_EIO;
    return DYAD_OK;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s, size_t len)
{
    if (s)
        sqlite3_bind_text(st, i, s, (int)len, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

static void bind_str(sqlite3_stmt *st, int i, const char *s)
{
    bind_text(st, i, s, s ? strlen(s) : 0);
}

static void bind_span(sqlite3_stmt *st, int i, const dyad_doc *doc, dyad_span sp)
{
    size_t len;
    const char *p = io_span_text(doc, sp, &len);
    bind_text(st, i, p, len);
}

static int bind_event(sqlite3_stmt *st, sqlite3_int64 docrow, const dyad_doc *doc,
                      const dyad_event *e)
{
    char root[3];
    const char *r = e->root && *e->root ? e->root : io_root_of(e->code, root);
    const dyad_span *sp[] = {&e->source_span, &e->target_span, &e->verb_span,
                             &e->sentence_span};
    int i = 1;
    sqlite3_bind_int64(st, i++, docrow);
    bind_str(st, i++, e->doc_id ? e->doc_id : io_str(doc->id));
    sqlite3_bind_int64(st, i++, e->sentence);
    if (e->date > 0)
        sqlite3_bind_int(st, i++, e->date);
    else
        sqlite3_bind_null(st, i++);
    bind_str(st, i++, io_str(e->source));
    bind_str(st, i++, io_str(e->target));
    bind_str(st, i++, io_str(e->code));
    bind_str(st, i++, r);
    sqlite3_bind_int(st, i++, e->quad ? e->quad : io_quad_of_root(r));
    sqlite3_bind_double(st, i++, e->goldstein);
    for (size_t k = 0; k < 4; k++)
        bind_span(st, i++, doc, *sp[k]);
    for (size_t k = 0; k < 4; k++) {
        sqlite3_bind_int64(st, i++, sp[k]->begin);
        sqlite3_bind_int64(st, i++, sp[k]->end);
    }
    bind_str(st, i++, e->pattern);
    bind_str(st, i++, e->source_entry);
    bind_str(st, i++, e->target_entry);
    bind_str(st, i++, io_str(e->issues));
    sqlite3_bind_int(st, i++, e->negated != 0);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE;
}

static int insert_doc(store *s, const dyad_doc *doc, size_t count)
{
    sqlite3_stmt *st = s->doc;
    bind_str(st, 1, io_str(doc->id));
    if (doc->date > 0)
        sqlite3_bind_int(st, 2, doc->date);
    else
        sqlite3_bind_null(st, 2);
    bind_str(st, 3, doc->title);
    bind_str(st, 4, doc->url);
    sqlite3_bind_int64(st, 5, (sqlite3_int64)count);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE;
}

static dyad_status sqlite_write(dyad_writer *w, const dyad_doc *doc,
                                const dyad_event *events, size_t count)
{
    store *s = w->impl;
    if (!insert_doc(s, doc, count))
        return DYAD_EIO;
    sqlite3_int64 docrow = sqlite3_last_insert_rowid(s->db);
    for (size_t i = 0; i < count; i++) {
        if (!bind_event(s->ev, docrow, doc, &events[i]))
            return DYAD_EIO;
        w->events++;
    }
    s->pending += count + 1;
    if (s->pending >= BATCH_ROWS) {
        s->pending = 0;
        if (sqlite3_exec(s->db, "COMMIT; BEGIN;", NULL, NULL, NULL) != SQLITE_OK)
            return DYAD_EIO;
    }
    return DYAD_OK;
}

static dyad_status sqlite_close(dyad_writer *w)
{
    store *s = w->impl;
    dyad_status st = DYAD_OK;
    if (!s)
        return DYAD_OK;
    sqlite3_finalize(s->doc);
    sqlite3_finalize(s->ev);
    if (s->db && w->error == DYAD_OK &&
        (sqlite3_exec(s->db, "COMMIT;", NULL, NULL, NULL) != SQLITE_OK ||
         sqlite3_exec(s->db, index_sql, NULL, NULL, NULL) != SQLITE_OK))
        st = DYAD_EIO;
    if (sqlite3_close(s->db) != SQLITE_OK)
        st = DYAD_EIO;
    free(s);
    w->impl = NULL;
    return st;
}

const io_writer_vt io_writer_sqlite = {"sqlite", sqlite_open, sqlite_write, sqlite_close, NULL};
