/* default.h: dyad's own dictionaries, embedded in libdyad at build time.
 *
 * The files come from dict/ (tools/embed.c writes them into the generated
 * default_dict.inc); dyad_dict_load_default() compiles them. The raw files
 * are exposed for `dyad dict` and the tests, which lint and count them. */
#ifndef DYAD_DICT_DEFAULT_H
#define DYAD_DICT_DEFAULT_H

#include "dict.h"

/* The embedded files in load order (verbs, actors, agents, discards,
 * issues); *n receives their number. Static data, never freed. */
const dict_mem_file *dict_default_files(size_t *n);

#endif
