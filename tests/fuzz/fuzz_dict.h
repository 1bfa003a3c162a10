/* fuzz_dict.h: the body shared by the dictionary-reader fuzz targets
 * (fuzz_dict_verbs.c, fuzz_dict_actors.c, fuzz_dict_lists.c). Every input
 * must load through dict_load_mem or be refused without a crash, and a loaded
 * dictionary must pass dict_check and answer lookups of its own words. A
 * final '!' turns on strict mode. */
#ifndef DYAD_FUZZ_DICT_H
#define DYAD_FUZZ_DICT_H

#include <stdint.h>
#include <string.h>

#include "dict/dict.h"

static void fuzz_count_diag(const dyad_diag *d, void *ud)
{
    size_t *n = ud;
    *n += d->message[0] != '\0';
}

static int fuzz_dict(const uint8_t *data, size_t size, dict_file_kind kind)
{
    size_t diags = 0;
    dict_mem_file f = {kind, "fuzz.txt", (const char *)data, size};
    dyad_status st;
    int strict = size > 0 && data[size - 1] == '!';
    dyad_dict *d = dict_load_mem(&f, 1, strict, fuzz_count_diag, &diags, &st);
    if (!d)
        return 0;
    if (dict_check(d) != 0)
        __builtin_trap();
    dict_stats s;
    dict_get_stats(d, &s);
    /* Every word of the dictionary finds itself; phrases of them look up. */
    dict_word w[8];
    for (size_t i = 1; i <= s.words && i < 64; i++) {
        const char *str = dict_word_str(d, (dict_word)i);
        if (dict_word_find(d, str, strlen(str)) != i)
            __builtin_trap();
        w[i % 8] = (dict_word)i;
    }
    dict_match m[16];
    size_t n = s.words < 8 ? s.words : 8;
    for (size_t i = 0; i < n; i++)
        dict_lookup(d, w + i, n - i, ~0u, m, 16);
    for (size_t i = 0; i < s.actors; i++)
        dict_actor_code_at(d, (uint32_t)i, 20160608);
    dyad_dict_free(d);
    return 0;
}

#endif
