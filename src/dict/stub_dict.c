/* stub_dict.c: placeholder for the dictionary layer until it lands.
 * Delete this file when implementing dyad_dict_* and dict.h. */
#include "dict.h"
dyad_dict *dyad_dict_load(const dyad_dict_files *files, int strict, dyad_diag_fn diag, void *ud, dyad_status *status)
{ (void)files; (void)strict; (void)diag; (void)ud; if (status) *status = DYAD_EINVAL; return NULL; }
void dyad_dict_files_petrarch(dyad_dict_files *files, const char *dir) { (void)files; (void)dir; }
void dyad_dict_free(dyad_dict *d) { (void)d; }
dyad_dict *dict_load_mem(const dict_mem_file *files, size_t n, int strict, dyad_diag_fn diag, void *ud, dyad_status *status)
{ (void)files; (void)n; (void)strict; (void)diag; (void)ud; if (status) *status = DYAD_EINVAL; return NULL; }
