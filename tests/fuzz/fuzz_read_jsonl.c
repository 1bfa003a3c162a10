/* fuzz_read_jsonl.c: libFuzzer target for the jsonl document reader
 * (src/io/read_jsonl.c); the checks are in fuzz_reader.h. */
#include "fuzz_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_reader(data, size, DYAD_INPUT_JSONL, "fuzz.jsonl");
}
