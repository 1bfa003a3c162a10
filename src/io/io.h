/* io.h: document readers and event writers. The public API (dyad_reader_*,
 * dyad_writer_*) is declared in dyad.h; this header holds what other stages
 * and the CLI share with io/ beyond it. */
#ifndef DYAD_IO_H
#define DYAD_IO_H

#include "../base/base.h"
#include "read.h"
#include "write.h"

#endif
