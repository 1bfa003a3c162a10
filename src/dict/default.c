/* default.c: dyad's default dictionaries, embedded in the library.
 *
 * Owns dyad_dict_load_default and dict_default_files. The files are dict/'s
 * verbs, actors, agents, discards and issues, turned into string literals at
 * build time (tools/embed.c -> $(B)/gen/default_dict.inc), so `dyad code`
 * works with no dictionary on disk and the library needs no data path. */
#include "default.h"

#include "default_dict.inc"

static const dict_mem_file default_files[] = { DYAD_EMBED_DICTS };

const dict_mem_file *dict_default_files(size_t *n)
{
    if (n)
        *n = sizeof default_files / sizeof default_files[0];
    return default_files;
}

dyad_dict *dyad_dict_load_default(dyad_diag_fn diag, void *userdata,
                                  dyad_status *status)
{
    size_t n;
    const dict_mem_file *files = dict_default_files(&n);
    return dict_load_mem(files, n, 0, diag, userdata, status);
}
