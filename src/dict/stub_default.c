/* stub_default.c: placeholder for the embedded default dictionaries and the
 * CAMEO table. Delete this file when implementing them. */
#include "dict.h"
dyad_dict *dyad_dict_load_default(dyad_diag_fn diag, void *ud, dyad_status *status)
{ (void)diag; (void)ud; if (status) *status = DYAD_EINVAL; return NULL; }
int dyad_cameo_lookup(const char *code, double *g, int *q, const char **label)
{ (void)code; (void)g; (void)q; (void)label; return 0; }
