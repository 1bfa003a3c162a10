/* stub_write.c: placeholder for the event writers until write_*.c land.
 * Delete this file when implementing dyad_writer_*. */
#include "io.h"
dyad_writer *dyad_writer_open(dyad_output_format f, FILE *out, const char *path, dyad_status *status)
{ (void)f; (void)out; (void)path; if (status) *status = DYAD_EINVAL; return NULL; }
dyad_status dyad_writer_write(dyad_writer *w, const dyad_doc *doc, const dyad_event *ev, size_t n)
{ (void)w; (void)doc; (void)ev; (void)n; return DYAD_EINVAL; }
dyad_status dyad_writer_close(dyad_writer *w) { (void)w; return DYAD_OK; }
