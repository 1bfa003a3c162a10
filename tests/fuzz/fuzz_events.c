/* fuzz_events.c: libFuzzer target for the event readers of dyad agg, plot
 * and report (src/agg/agg_read.c, agg_json.c): the input is read as an
 * event file in each text format (auto-detected, JSON Lines, TSV, GDELT),
 * every event is counted with dedup, and it is parsed directly as one JSON
 * record. Events handed out must be well formed: a valid date, quad 1-4, a
 * two-digit root matching the code, no NULL strings. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "agg/agg.h"
#include "agg/agg_json.h"

static void check(const agg_event *e)
{
    const char *s[] = {e->doc_id, e->source, e->target, e->code, e->root,
                       e->source_text, e->target_text, e->verb_text,
                       e->sentence_text, e->url, e->issues};
    for (size_t i = 0; i < sizeof s / sizeof *s; i++)
        if (!s[i])
            __builtin_trap();
    if (e->date < 101 || e->quad < 1 || e->quad > 4 || strlen(e->root) != 2 ||
        strncmp(e->root, e->code, 2) || !*e->source || !*e->target)
        __builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const agg_format formats[] = {AGG_IN_AUTO, AGG_IN_JSONL, AGG_IN_TSV, AGG_IN_GDELT};
    for (size_t k = 0; k < sizeof formats / sizeof *formats; k++) {
        FILE *f = fmemopen((void *)data, size ? size : 1, "rb");
        if (!f)
            return 0;
        if (!size)
            fgetc(f);   /* an empty stream */
        dyad_status st;
        agg_reader *r = agg_reader_open_stream(f, "fuzz", formats[k], 0, NULL, NULL, &st);
        agg_opts o = {.period = (agg_period)(k % 5), .by = (agg_by)(k % 4), .actor_len = 3,
                      .dedup = 1};
        agg *a = agg_new(&o);
        agg_event ev;
        while (r && a && agg_reader_next(r, &ev) == DYAD_OK) {
            check(&ev);
            agg_add(a, &ev, NULL);
        }
        size_t n;
        agg_sorted(a, &n);
        agg_free(a);
        agg_reader_free(r);
        fclose(f);
    }
    agg_json j = {0};
    agg_json_parse(&j, (const char *)data, size);
    agg_json_free(&j);
    return 0;
}
