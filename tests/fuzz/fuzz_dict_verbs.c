/* fuzz_dict_verbs.c: libFuzzer target for the readers of verb dictionaries (PETRARCH2 and PETRARCH-1/TABARI syntax);
 * the checks are in fuzz_dict.h. */
#include "fuzz_dict.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_dict(data, size, DICT_FILE_VERBS);
}
