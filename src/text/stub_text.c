/* stub_text.c: placeholder for the text layer until segment.c etc. land.
 * Delete this file when implementing text.h and dyad_segment. */
#include <stdlib.h>
#include <string.h>
#include "text.h"
dyad_status dyad_segment(const char *text, size_t len, dyad_sentence **out, size_t *count)
{ (void)text; (void)len; *out = NULL; *count = 0; return DYAD_EINVAL; }
const char *dyad_sentence_kind_str(dyad_sentence_kind k) { (void)k; return "prose"; }
dyad_status text_analyze(arena *a, const char *text, size_t len, text_doc *out, dyad_diag_fn diag, void *ud, const char *file, long line)
{ (void)a; (void)diag; (void)ud; (void)file; (void)line; memset(out, 0, sizeof *out); out->text = text; out->len = len; return DYAD_OK; }
bool text_normalize(const char *s, size_t len, buf *out) { buf_append(out, s, len); return !out->failed; }
size_t text_utf8_check(const char *s, size_t len, long *first_bad) { (void)s; (void)len; *first_bad = -1; return 0; }
