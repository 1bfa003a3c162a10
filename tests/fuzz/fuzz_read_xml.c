/* fuzz_read_xml.c: libFuzzer target for the xml document reader
 * (src/io/read_xml.c); the checks are in fuzz_reader.h. */
#include "fuzz_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_reader(data, size, DYAD_INPUT_PETRARCH_XML, "fuzz.xml");
}
