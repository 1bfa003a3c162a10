/* fuzz_dict_actors.c: libFuzzer target for the readers of actor dictionaries (phrases, synonyms, dated codes);
 * the checks are in fuzz_dict.h. */
#include "fuzz_dict.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_dict(data, size, DICT_FILE_ACTORS);
}
