/* stub_code.c: placeholder for the coder until src/code lands.
 * Delete this file when implementing dyad_coder_*. */
#include "../base/base.h"
dyad_coder *dyad_coder_new(const dyad_dict *d, unsigned opts) { (void)d; (void)opts; return NULL; }
dyad_status dyad_coder_code(dyad_coder *c, const dyad_doc *doc, const dyad_event **ev, size_t *n, dyad_diag_fn diag, void *ud)
{ (void)c; (void)doc; (void)diag; (void)ud; *ev = NULL; *n = 0; return DYAD_EINVAL; }
const char *dyad_coder_explain(const dyad_coder *c) { (void)c; return NULL; }
void dyad_coder_free(dyad_coder *c) { (void)c; }
