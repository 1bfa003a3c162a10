/* fuzz_read_text.c: libFuzzer target for the text document reader
 * (src/io/read_text.c); the checks are in fuzz_reader.h. */
#include "fuzz_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_reader(data, size, DYAD_INPUT_TEXT, "fuzz.txt");
}
