/* fuzz_jsonl_fastpath.c: differential target for the JSON Lines reader. The
 * same input is read twice, once with the small scanner for plain records
 * (src/io/read_jsonl.c's fast path) and once with every line through
 * jansson; both must give the same documents, the same rejects and the same
 * diagnostics. The fast path is only a shortcut: any difference is a bug. */
#include <stdint.h>
#include <string.h>

#include "io/io.h"

typedef struct run {
    dyad_reader *r;
    uint64_t diag_hash;
    size_t diags;
} run;

static void hash_diag(const dyad_diag *d, void *ud)
{
    run *u = ud;
    u->diags++;
    u->diag_hash = u->diag_hash * 31 + hash_bytes(d->message, strlen(d->message)) +
                   (uint64_t)d->line;
}

static int same(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    run fast = {0}, slow = {0};
    dyad_reader_opts o = {.format = DYAD_INPUT_JSONL, .text_field = "text,title,headline,short_description",
                          .id_field = "id", .date_field = "date", .diag = hash_diag};
    dyad_status st;
    o.diag_userdata = &fast;
    fast.r = io_reader_open_mem(data, size, "fuzz.jsonl", IO_COMP_NONE, &o, &st);
    o.diag_userdata = &slow;
    slow.r = io_reader_open_mem(data, size, "fuzz.jsonl", IO_COMP_NONE, &o, &st);
    if (!fast.r || !slow.r) {
        dyad_reader_free(fast.r);
        dyad_reader_free(slow.r);
        return 0;
    }
    slow.r->jsonl_jansson_only = true;
    for (;;) {
        dyad_doc a, b;
        dyad_status sa = dyad_reader_next(fast.r, &a);
        dyad_status sb = dyad_reader_next(slow.r, &b);
        DYAD_ASSERT(sa == sb);
        if (sa != DYAD_OK)
            break;
        DYAD_ASSERT(same(a.id, b.id) && a.date == b.date && a.line == b.line);
        DYAD_ASSERT(a.text_len == b.text_len && !memcmp(a.text, b.text, a.text_len));
        DYAD_ASSERT(same(a.url, b.url) && same(a.title, b.title));
    }
    DYAD_ASSERT(dyad_reader_rejected(fast.r) == dyad_reader_rejected(slow.r));
    DYAD_ASSERT(fast.diags == slow.diags && fast.diag_hash == slow.diag_hash);
    dyad_reader_free(fast.r);
    dyad_reader_free(slow.r);
    return 0;
}
