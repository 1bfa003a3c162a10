/* fuzz_dict_lists.c: libFuzzer target for the readers of agent, discard and issue dictionaries (the first byte picks the kind);
 * the checks are in fuzz_dict.h. */
#include "fuzz_dict.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const dict_file_kind kinds[] = {DICT_FILE_AGENTS, DICT_FILE_DISCARDS,
                                           DICT_FILE_ISSUES};
    if (size == 0)
        return 0;
    return fuzz_dict(data + 1, size - 1, kinds[data[0] % 3]);
}
