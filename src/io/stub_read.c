/* stub_read.c: placeholder for the document readers until read_*.c land.
 * Delete this file when implementing dyad_reader_*. */
#include "io.h"
dyad_reader *dyad_reader_open(const char *path, const dyad_reader_opts *opts, dyad_status *status)
{ (void)path; (void)opts; if (status) *status = DYAD_EINVAL; return NULL; }
dyad_status dyad_reader_next(dyad_reader *r, dyad_doc *doc) { (void)r; (void)doc; return DYAD_EEND; }
size_t dyad_reader_rejected(const dyad_reader *r) { (void)r; return 0; }
void dyad_reader_free(dyad_reader *r) { (void)r; }
