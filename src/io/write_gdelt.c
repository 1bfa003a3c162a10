/* write_gdelt.c: events as GDELT 2.0 event records: 61 tab-separated
 * columns, no header line, as in GDELT's *.export.CSV files, so tools built
 * for GDELT read dyad's output. Owns the split of a CAMEO actor code into
 * GDELT's country / known group / type columns. What dyad does not know
 * (geography, tone, religion, ethnicity, DATEADDED) is left blank. Column
 * list in docs/formats.md. */
#include <string.h>

#include "write.h"

/* CAMEO role and sector codes: an actor code starting with one of these has
 * no country; later three-letter parts in this list fill the Type columns.
 * This is the CAMEO actor ontology, not knowledge of any country. */
static const char *const type_codes[] = {
    "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH",
    "HRI", "IGO", "IMG", "INS", "INT", "JUD", "LAB", "LEG", "MED", "MIL", "MNC",
    "MOD", "NGM", "NGO", "OPP", "PKO", "PTY", "RAD", "REB", "REF", "SEP", "SET",
    "SPY", "UAF", "UIS"};

static int is_type(const char *s)
{
    for (size_t i = 0; i < DYAD_COUNT(type_codes); i++)
        if (!strncmp(s, type_codes[i], 3))
            return 1;
    return 0;
}

typedef struct actor_cols {
    char country[4], group[4], type[3][4];
} actor_cols;

static void split_actor(const char *code, actor_cols *a)
{
    memset(a, 0, sizeof *a);
    size_t len = strlen(code), nt = 0;
    size_t i = strncmp(code, "---", 3) ? 0 : 3;   /* "---GOV": a role, no country */
    for (; i + 3 <= len; i += 3) {
        char part[4] = {code[i], code[i + 1], code[i + 2], 0};
        if (is_type(part)) {
            if (nt < 3)
                memcpy(a->type[nt++], part, 4);
        } else if (i == 0) {
            memcpy(a->country, part, 4);
        } else if (!a->group[0]) {
            memcpy(a->group, part, 4);
        }
    }
}

static void field(buf *b, const char *s, size_t len)
{
    io_field_text(b, s, len);
    buf_putc(b, '\t');
}

static void str(buf *b, const char *s)
{
    field(b, io_str(s), strlen(io_str(s)));
}

/* Actor columns 6-15 (or 16-25): Code, Name, CountryCode, KnownGroupCode,
 * EthnicCode, Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code. */
static void actor(buf *b, const char *code, const dyad_doc *doc, dyad_span s)
{
    code = io_str(code);
    if (!strcmp(code, "---"))
        code = "";
    actor_cols a;
    split_actor(code, &a);
    size_t len;
    const char *name = io_span_text(doc, s, &len);
    str(b, code);
    field(b, name, len);
    str(b, a.country);
    str(b, a.group);
    buf_puts(b, "\t\t\t");
    for (int i = 0; i < 3; i++)
        str(b, a.type[i]);
}

static int day_of_year(int32_t date)
{
    static const int before[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    int y = date / 10000, m = date / 100 % 100, d = date % 100;
    if (m < 1 || m > 12)
        return 1;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return before[m - 1] + d + (leap && m > 2);
}

static void dates(buf *b, int32_t date)
{
    if (date <= 0) {
        buf_puts(b, "\t\t\t\t");
        return;
    }
    int y = date / 10000;
    buf_printf(b, "%08d\t%06d\t%04d\t%.4f\t", (int)date, (int)(date / 100), y,
               y + day_of_year(date) / 365.0);
}

static void event(dyad_writer *w, const dyad_doc *doc, const dyad_event *e)
{
    buf *b = &w->line;
    char root[3];
    const char *code = io_str(e->code);
    const char *r = e->root && *e->root ? e->root : io_root_of(code, root);
    buf_printf(b, "%llu\t", (unsigned long long)w->events);
    dates(b, e->date);
    actor(b, e->source, doc, e->source_span);
    actor(b, e->target, doc, e->target_span);
    buf_printf(b, "%d\t", e->sentence == 0);  /* IsRootEvent: lead sentence */
    str(b, code);
    field(b, code, strlen(code) < 3 ? strlen(code) : 3);
    str(b, r);
    buf_printf(b, "%d\t", e->quad ? e->quad : io_quad_of_root(r));
    io_put_double(b, e->goldstein);
    buf_puts(b, "\t1\t1\t1\t");                 /* NumMentions, Sources, Articles */
    buf_putc(b, '\t');                          /* AvgTone */
    for (int i = 0; i < 3 * 8; i++)             /* Actor1Geo, Actor2Geo, ActionGeo */
        buf_putc(b, '\t');
    buf_putc(b, '\t');                          /* DATEADDED */
    const char *src = doc->url && *doc->url ? doc->url : (e->doc_id ? e->doc_id : doc->id);
    io_field_text(b, io_str(src), strlen(io_str(src)));
    buf_putc(b, '\n');
}

static void gdelt_line(dyad_writer *w, const dyad_doc *doc, const dyad_event *e)
{
    event(w, doc, e);
}

const io_writer_vt io_writer_gdelt = {"gdelt", NULL, NULL, NULL, gdelt_line};
